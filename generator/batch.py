"""Scraping many pages: unchanged pages come from the cache, the rest in parallel.

Each page is scraped on its own (family detection, then the family's scraper), so pages are
independent: with many new pages, this process and forked copies of it (one per core) share
them out. A result comes back without its page's text, so that pickling results is no
bottleneck.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from generator import forkpool
from generator.hints import OperationHint
from generator.model import PageResult
from generator.problems import Problem, Problems
from generator.sources import page_digest

if TYPE_CHECKING:
    from generator.cache import Cache

PARALLEL_MIN_PAGES = 24
"""Below this many new pages, a second process costs more than it saves (measured with
`forkpool`: even at ~16 pages, 22 % faster at 32)."""

Scraped = tuple[PageResult | None, list[Problem]]
Job = tuple[Path, str, OperationHint | None]
"""A page to scrape: its path, its label, the operation hint given for it."""


def scrape_one(path: Path, label: str, hint: OperationHint | None = None) -> Scraped:
    """One page loaded and scraped; the result keeps no page text (see `drop_text`)."""
    problems = Problems()
    from generator.load import load_page  # noqa: PLC0415 - heavy; not needed on cache hits
    from generator.scrape import scrape_page  # noqa: PLC0415

    page = load_page(path, problems, label=label)
    if page is not None and hint is not None:
        page = replace(page, hint=hint)
    result = scrape_page(page, problems).drop_text() if page is not None else None
    return result, problems.items


def _scrape_job(job: Job) -> Scraped:
    return scrape_one(*job)


def scrape_many(
    jobs: Sequence[Job],
    *,
    cache: Cache | None,
    digests: Sequence[str] | None = None,
    meanwhile: Sequence[str] = (),
) -> list[Scraped]:
    """(result, problems) for each (path, label, hint), in order.

    With a `cache`, a page is looked up by its label, hint and the hash of its bytes (`digests`,
    from `read_sources`, or read here). `meanwhile` names modules the caller needs next:
    when pages are scraped in parallel, they are imported while other processes scrape.
    """
    keys = _keys(cache, jobs, digests)
    found: list[Scraped | None] = [
        cache.load("page", key) if cache is not None and key else None for key in keys
    ]
    missing = [i for i, hit in enumerate(found) if hit is None]
    for i, scraped in zip(missing, _run([jobs[i] for i in missing], meanwhile), strict=True):
        found[i] = scraped
        if cache is not None and keys[i]:
            cache.store("page", keys[i], scraped)
    return [item for item in found if item is not None]


def _keys(cache: Cache | None, jobs: Sequence[Job], digests: Sequence[str] | None) -> list[str]:
    if cache is None:
        return [""] * len(jobs)
    if digests is None:
        digests = [page_digest(path) for path, _, _ in jobs]
    return [
        cache.key(label, digest, *([str(hint)] if hint else [])) if digest else ""
        for (_, label, hint), digest in zip(jobs, digests, strict=True)
    ]


def _run(jobs: list[Job], meanwhile: Sequence[str]) -> list[Scraped]:
    """Scrape in this process, or for many pages with one process per core (this one and
    forked copies; results come back small, without their pages' text)."""
    processes = min(_cores(), 8)
    if len(jobs) < PARALLEL_MIN_PAGES or processes < 2 or not forkpool.available():
        return [scrape_one(*job) for job in jobs]
    for stage in ("generator.load", "generator.scrape"):  # imported once, before forking
        importlib.import_module(stage)
    return forkpool.run_shared(
        _scrape_job,
        jobs,
        processes,
        meanwhile=lambda: [importlib.import_module(m) for m in meanwhile],
    )


def _cores() -> int:
    """The cores this process may run on (fewer than the machine's in a limited container)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1
