"""Library entry points; the command line calls these and nothing else.

>>> result = scrape(["input/openai-assistants-v2"])        # doctest: +SKIP
>>> sorted(result.document["paths"])                        # doctest: +SKIP
['/assistants', '/assistants/{assistant_id}']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.hints import OperationHint
from generator.model import ApiModel, PageResult
from generator.problems import Problem, Problems
from generator.sources import Sources, read_sources, source_label

if TYPE_CHECKING:
    from generator.cache import Cache

__all__ = ["ScrapeResult", "scrape", "scrape_sources", "source_label"]


@dataclass(frozen=True)
class ScrapeResult:
    """One API scraped from pages: the model, its OpenAPI document, and what was found wrong."""

    model: ApiModel
    document: dict[str, Any]
    problems: list[Problem]
    pages: int

    @property
    def operation_count(self) -> int:
        return len(self.model.operations)


def scrape(
    paths: Sequence[Path | str],
    *,
    title: str | None = None,
    base: Path | None = None,
    cache: Cache | None = None,
    operation: OperationHint | None = None,
) -> ScrapeResult:
    """Scrape pages (files or folders) into one OpenAPI 3.1 document.

    Provenance (`x-source`, problem lines) names files relative to `base` (default: the
    working folder) so that output does not depend on where the project lives. With a
    `cache`, pages whose bytes did not change are not scraped again. `operation` names the
    operation of every page (`--operation`), over what `pages.toml` files say.
    """
    sources = read_sources(
        [Path(p) for p in paths], base=base or Path.cwd(), hashed=cache is not None
    )
    if operation is not None:
        pages = tuple(replace(page, hint=operation) for page in sources.pages)
        sources = replace(sources, pages=pages)
    return scrape_sources(sources, title=title or _folder_title(paths), cache=cache)


_NEXT = ("generator.normalize", "generator.openapi.emit", "generator.openapi.yaml_write")
"""What comes after scraping (the YAML writer too: callers write the document), imported
while other processes scrape."""


def scrape_sources(sources: Sources, *, title: str | None, cache: Cache | None) -> ScrapeResult:
    """`scrape` of pages already found (and hashed, for the cache) by `read_sources`."""
    from generator.batch import scrape_many  # noqa: PLC0415 - not needed on cache hits

    problems = Problems(sources.skipped_problems())
    jobs = [(page.path, page.label, page.hint) for page in sources.pages]
    digests = [page.digest for page in sources.pages]
    results: list[PageResult] = []
    for result, found in scrape_many(jobs, cache=cache, digests=digests, meanwhile=_NEXT):
        problems.items.extend(found)
        if result is not None:
            results.append(result)
    from generator.normalize import build_model  # noqa: PLC0415 - see _NEXT
    from generator.openapi.emit import to_document  # noqa: PLC0415

    model = build_model(results, problems, title=title)
    return ScrapeResult(model, to_document(model), problems.sorted(), len(sources.pages))


def _folder_title(paths: Sequence[Path | str]) -> str | None:
    if len(paths) == 1 and Path(paths[0]).is_dir():
        return Path(paths[0]).resolve().name
    return None
