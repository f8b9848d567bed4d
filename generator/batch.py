"""Scraping many pages: unchanged pages come from the cache, the rest in parallel.

Each page is scraped on its own (family detection, then the family's scraper), so pages are
independent: with many new pages, worker processes share them out.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from generator.cache import Cache
from generator.model import PageResult
from generator.problems import Problem, Problems

PARALLEL_MIN_PAGES = 48
"""Below this many new pages, worker processes cost more than they save."""

Scraped = tuple[PageResult | None, list[Problem]]


def scrape_one(path: Path, label: str) -> Scraped:
    problems = Problems()
    from generator.load import load_page  # noqa: PLC0415 - heavy; not needed on cache hits
    from generator.scrape import scrape_page  # noqa: PLC0415

    page = load_page(path, problems, label=label)
    result = scrape_page(page, problems) if page is not None else None
    return result, problems.items


def _scrape_job(job: tuple[Path, str]) -> Scraped:
    return scrape_one(*job)


def scrape_many(jobs: Sequence[tuple[Path, str]], *, cache: Cache | None) -> list[Scraped]:
    """(result, problems) for each (path, label), in order."""
    keys = [_key(cache, path, label) for path, label in jobs]
    found: list[Scraped | None] = [
        cache.load("page", key) if cache is not None and key else None for key in keys
    ]
    missing = [i for i, hit in enumerate(found) if hit is None]
    for i, scraped in zip(missing, _run([jobs[i] for i in missing]), strict=True):
        found[i] = scraped
        if cache is not None and keys[i]:
            cache.store("page", keys[i], scraped)
    return [item for item in found if item is not None]


def _key(cache: Cache | None, path: Path, label: str) -> str:
    if cache is None:
        return ""
    try:
        return cache.key(label, path.read_bytes())
    except OSError:
        return ""


def _run(jobs: list[tuple[Path, str]]) -> list[Scraped]:
    workers = min(os.cpu_count() or 1, 8)
    if len(jobs) < PARALLEL_MIN_PAGES or workers < 2 or "fork" not in _methods():
        return [scrape_one(path, label) for path, label in jobs]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return list(pool.map(_scrape_job, jobs, chunksize=16))


def _methods() -> list[str]:
    return multiprocessing.get_all_start_methods()
