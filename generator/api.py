"""Library entry points; the command line calls these and nothing else.

>>> result = scrape(["input/openai-assistants-v2"])        # doctest: +SKIP
>>> sorted(result.document["paths"])                        # doctest: +SKIP
['/assistants', '/assistants/{assistant_id}']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.batch import scrape_many
from generator.cache import Cache
from generator.load import collect_pages, skipped_files
from generator.model import ApiModel, PageResult
from generator.normalize import build_model
from generator.openapi.emit import to_document
from generator.problems import Problem, Problems, printable


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
) -> ScrapeResult:
    """Scrape pages (files or folders) into one OpenAPI 3.1 document.

    Provenance (`x-source`, problem lines) names files relative to `base` (default: the
    working folder) so that output does not depend on where the project lives. With a
    `cache`, pages whose bytes did not change are not scraped again.
    """
    problems = Problems()
    files = collect_pages([Path(p) for p in paths])
    for skipped in skipped_files([Path(p) for p in paths]):
        what = skipped.suffix or "no file extension"
        label = source_label(skipped, base or Path.cwd())
        problems.warn(label, 0, f"not a page format docs2sdk reads ({what}); skipped")
    jobs = [(file, source_label(file, base or Path.cwd())) for file in files]
    results: list[PageResult] = []
    for result, found in scrape_many(jobs, cache=cache):
        problems.items.extend(found)
        if result is not None:
            results.append(result)
    model = build_model(results, problems, title=title or _folder_title(paths))
    return ScrapeResult(model, to_document(model), problems.sorted(), len(files))


def source_label(path: Path, base: Path) -> str:
    """How a page is named in provenance: relative to `base` when inside it."""
    try:
        label = path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        label = path.as_posix()
    return printable(label)


def _folder_title(paths: Sequence[Path | str]) -> str | None:
    if len(paths) == 1 and Path(paths[0]).is_dir():
        return Path(paths[0]).resolve().name
    return None
