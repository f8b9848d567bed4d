"""Scrape stage: a `Page` to a `PageResult`, by the family whose detection score is highest.

Each family is a module with `NAME`, `score(page) -> float` and `scrape(page, problems)`.
A page no family claims (score below `THRESHOLD`) goes to the generic fallback; a page that
embeds a spec is read from the spec.
"""

from __future__ import annotations

from types import ModuleType

from generator.model import Page, PageResult
from generator.problems import Problems
from generator.scrape import (
    apifox,
    bump,
    docusaurus,
    embedded,
    generic,
    gitbook,
    markdown_export,
    mintlify,
    readme,
    redoc,
)

FAMILIES: tuple[ModuleType, ...] = (
    embedded,
    markdown_export,
    apifox,
    bump,
    mintlify,
    gitbook,
    docusaurus,
    readme,
    redoc,
)
THRESHOLD = 0.5
CERTAIN = 1.0
"""The top score of a marker-counting family (`marker_score` caps there); only `embedded`
and `markdown` (a text page in Markdown's shape, converted first), listed first, score
above it."""


def detect(page: Page) -> ModuleType:
    """The family module for `page` (ties go to the earlier family in `FAMILIES`). Once a
    family is certain, no later one can score higher, so the later ones are not scored."""
    best, best_score = generic, THRESHOLD
    for family in FAMILIES:
        value = float(family.score(page))
        if value > best_score:
            best, best_score = family, value
            if value >= CERTAIN:
                break
    return best


def scrape_page(page: Page, problems: Problems) -> PageResult:
    """The operations of one page; a page that trips a scraper bug is reported (with the
    exception, so that it can be fixed) and left out, and the other pages go on."""
    found = Problems()
    try:
        result = _scrape_page(page, found)
    except Exception as exc:  # RecursionError included
        problems.error(page.path, 0, f"page left out: docs2sdk failed on it ({_bug(exc)})")
        return PageResult(page=page, family=generic.NAME)
    problems.extend(found)
    return result


def _scrape_page(page: Page, problems: Problems) -> PageResult:
    family = detect(page)
    result: PageResult = family.scrape(page, problems)
    if not result.operations and family is not generic:
        fallback: PageResult = generic.scrape(page, Problems())
        if fallback.operations:
            return fallback
    return result


def _bug(exc: BaseException) -> str:
    where = exc.__traceback__
    while where is not None and where.tb_next is not None:
        where = where.tb_next
    place = ""
    if where is not None:
        place = f" at {where.tb_frame.f_code.co_filename.rsplit('/', 1)[-1]}:{where.tb_lineno}"
    return f"{type(exc).__name__}: {str(exc)[:200]}{place}"
