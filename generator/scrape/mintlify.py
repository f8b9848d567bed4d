"""Mintlify pages (Portkey's and the OpenAI mirror's).

Marks: a method line then the path one segment a line, curl and JSON samples first,
"Authorizations", "Query Parameters", `default:20`, `enum<string>`, "Available options:",
"200 - application/json", "Copy" / "Ask AI", "Was this page helpful?". Path parameters may
be given as descriptions only (their names come from the path).
"""

from __future__ import annotations

import re

from generator import lazyre
from generator.model import Operation, Page, PageResult, Parameter
from generator.problems import Problems
from generator.scrape.assemble import attach_response_example
from generator.scrape.blocks import parse_blocks
from generator.scrape.examples import split_content
from generator.scrape.fields import join_prose
from generator.scrape.sections import Kind, Section
from generator.scrape.vertical import scrape_vertical, strong_weak_score

NAME = "mintlify"
_STRONG: list[str | re.Pattern[str]] = [
    "Available options:",
    "Ask AI",
    "Was this page helpful?",
    lazyre.compile(r"^default:\S"),
    lazyre.compile(r"^enum<\w+>$"),
    lazyre.compile(r"^\d{3} - [\w.+-]+/[\w.+-]+$"),
    lazyre.compile(r"^- (GET|POST|PUT|PATCH|DEL)[A-Z][a-z]"),
    lazyre.compile(r"^/$"),
    lazyre.compile(r"^Required range: "),
    lazyre.compile(r"^Maximum (?:array )?length: \d"),
]
_WEAK: list[str | re.Pattern[str]] = [
    "Authorizations",
    "Query Parameters",
    "Path Parameters",
    lazyre.compile(r"^(?:object|string|integer)\[\]$"),
]
_TEMPLATE = lazyre.compile(r"\{([^}]+)\}")


def score(page: Page) -> float:
    return strong_weak_score(page, _STRONG, _WEAK)


def scrape(page: Page, problems: Problems) -> PageResult:
    return scrape_vertical(page, problems, family=NAME, counted=False, hook=_finish)


def _finish(op: Operation, sections: list[Section]) -> None:
    _preamble_examples(op, sections[0])
    for section in sections:
        if section.kind is Kind.PATH:
            _described_path_params(op, section)


def _preamble_examples(op: Operation, preamble: Section) -> None:
    """Mintlify shows the response example beside the curl sample, before any section."""
    content = split_content(preamble.lines)
    if content.examples:
        code = op.responses[0].status if op.responses else "200"
        attach_response_example(op, code, content.examples[0].value)


def _described_path_params(op: Operation, section: Section) -> None:
    """ "Path Parameters" with descriptions only: the names are the path's placeholders."""
    content = split_content(section.lines)
    if parse_blocks(content.lines):
        return
    names = [name.strip() for name in _TEMPLATE.findall(op.path)]
    declared = {p.name for p in op.parameters if p.location == "path"}
    missing = [name for name in names if name not in declared]
    if len(missing) != 1:
        return
    text = join_prose([line.text for line in content.lines])
    op.parameters.append(
        Parameter(missing[0], "path", required=True, schema={}, description=text or None)
    )
