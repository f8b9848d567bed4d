"""Apifox pages (English and Chinese labels, older layout).

Marks: a navigation list first, a title line, a method line then the full URL, "Query
Params" / "Query 参数", field blocks name / type / required / "Example:", `object {N}`
child counts, "🟢200Success", "Request samples", "Modified at" / "修改于".
"""

from __future__ import annotations

import re

from generator.model import Page, PageResult
from generator.problems import Problems
from generator.scrape.vertical import marker_score, scrape_vertical

NAME = "apifox"
_MARKERS: list[str | re.Pattern[str]] = [
    "Query Params",
    "Header Params",
    "Body Params",
    "Path Params",
    "Request samples",
    "参数",
    "返回响应",
    "必需",
    "可选",
    "示例值",
    "数据结构",
    "响应示例",
    re.compile(r"^Modified at \d"),
    re.compile(r"^修改于"),
    re.compile(r"^🟢\d{3}"),
    re.compile(r"\[object \{\d+\}\]|object \{\d+\}"),
]


def score(page: Page) -> float:
    return marker_score(page, _MARKERS, needed=3)


def scrape(page: Page, problems: Problems) -> PageResult:
    return scrape_vertical(page, problems, family=NAME, counted=True)
