"""Bump.sh-style references: `GET /path`, bullet fields nested by indentation.

Marks: "Query parameters", bullets `• name type Required`, "Hide X attributes Show X
attributes object", "Default value is ...", "Values are ...", "Response examples (200)".
A page may show several operations; a method line right before `curl` is a sample header.
"""

from __future__ import annotations

import re

from generator.model import Page, PageResult
from generator.problems import Problems
from generator.scrape.bullets import parse_bullets
from generator.scrape.vertical import marker_score, scrape_vertical

NAME = "bump"
_MARKERS: list[str | re.Pattern[str]] = [
    "Query parameters", "Path parameters", "Response examples (", "Body Required",
    re.compile(r"^\s*• \S+ \S+"), re.compile(r"Hide \w+ attributes? Show"),
    re.compile(r"^\s*(?:Default value is|Values are|Minimum value is|Maximum length is)"),
]  # fmt: skip


def score(page: Page) -> float:
    return marker_score(page, _MARKERS, needed=3)


def scrape(page: Page, problems: Problems) -> PageResult:
    return scrape_vertical(page, problems, family=NAME, counted=False, parser=parse_bullets)
