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
    mintlify,
    readme,
)

FAMILIES: tuple[ModuleType, ...] = (
    embedded,
    apifox,
    bump,
    mintlify,
    gitbook,
    docusaurus,
    readme,
)
THRESHOLD = 0.5


def detect(page: Page) -> ModuleType:
    """The family module for `page` (ties go to the earlier family in `FAMILIES`)."""
    best, best_score = generic, THRESHOLD
    for family in FAMILIES:
        value = float(family.score(page))
        if value > best_score:
            best, best_score = family, value
    return best


def scrape_page(page: Page, problems: Problems) -> PageResult:
    family = detect(page)
    result: PageResult = family.scrape(page, problems)
    if not result.operations and family is not generic:
        fallback: PageResult = generic.scrape(page, Problems())
        if fallback.operations:
            return fallback
    return result
