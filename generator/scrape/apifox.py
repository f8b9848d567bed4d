"""Apifox pages (English and Chinese labels, older layout).

Marks: a navigation list first, a title line, a method line then the full URL, "Query
Params" / "Query 参数", field blocks name / type / required / "Example:", `object {N}`
child counts, "🟢200Success", "Request samples", "Modified at" / "修改于".

Layouts without `{N}` counts (Chinese, older) lose the nesting in a text render: the
example shows which fields an `object` holds (`apifox_tree`). Enum values rendered glued
(`枚举值:` / `BASICPLUS`) are split where the example shows one of them.
"""

from __future__ import annotations

import re

from generator import lazyre
from generator.model import MISSING, Body, Operation, Page, PageResult
from generator.problems import Problems
from generator.scrape.apifox_tree import (
    drop_union_words,
    nest_by_example,
    split_glued_enums,
)
from generator.scrape.sections import Section
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
    lazyre.compile(r"^Modified at \d"),
    lazyre.compile(r"^修改于"),
    lazyre.compile(r"^🟢\d{3}"),
    lazyre.compile(r"\[object \{\d+\}\]|object \{\d+\}"),
]

_COUNT = lazyre.compile(r"object \{\d+\}")
"""The counts a layout gives its objects: a page that shows none nests by the example."""


def score(page: Page) -> float:
    return marker_score(page, _MARKERS, needed=3)


def scrape(page: Page, problems: Problems) -> PageResult:
    counted = _COUNT.search(page.text) is not None

    def finish(op: Operation, sections: list[Section]) -> None:
        for body in _bodies(op):
            if body.schema is None:
                continue
            drop_union_words(body.schema)
            if body.example is MISSING:
                continue
            split_glued_enums(body.schema, body.example)
            if not counted:
                nest_by_example(body.schema, body.example)

    return scrape_vertical(page, problems, family=NAME, counted=True, hook=finish)


def _bodies(op: Operation) -> list[Body]:
    found = [op.request] if op.request is not None else []
    return found + [r.body for r in op.responses if r.body is not None]
