"""Bump.sh-style references: `GET /path`, bullet fields nested by indentation.

Marks: bullets `• name type Required`, "Hide X attributes Show X attributes object",
sentences starting "Default value is ...", "Values are ...", "Response examples (200)",
"Powered by Bump.sh". Headings such as "Query parameters" are shared with other platforms
(GitBook, plain Markdown), so they only count beside one of Bump.sh's own marks.
A page may show several operations; a method line right before `curl` is a sample header.
"""

from __future__ import annotations

import re

from generator import lazyre
from generator.model import Page, PageResult
from generator.problems import Problems
from generator.scrape.bullets import parse_bullets
from generator.scrape.vertical import scrape_vertical, strong_weak_score

NAME = "bump"
_TYPE = r"(?:array|string|integer|number|boolean|object|null)\b"
_STRONG: list[str | re.Pattern[str]] = [
    "Response examples (",
    "Powered by Bump.sh",
    lazyre.compile(rf"^\s*• [\w.\[\]$*-]+ {_TYPE}"),
    lazyre.compile(r"Hide \w+ attributes? Show"),
    lazyre.compile(
        r"^\s*(?:Default value is|Values are|Value is|Minimum value is|Maximum length is"
        r"|Not more than \d+ elements?)\b"
    ),
]
_WEAK: list[str | re.Pattern[str]] = [
    "Query parameters",
    "Path parameters",
    "Body Required",
    lazyre.compile(rf"^\s*[-*] [\w.\[\]$-]+ \({_TYPE}"),
]


def score(page: Page) -> float:
    """Bump.sh's own marks decide; section headings any platform uses only add to them."""
    return strong_weak_score(page, _STRONG, _WEAK)


def scrape(page: Page, problems: Problems) -> PageResult:
    return scrape_vertical(page, problems, family=NAME, counted=False, parser=parse_bullets)
