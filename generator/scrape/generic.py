"""The fallback for pages no family claims: tables, bullets, one-line or vertical fields.

Finds the operation by a method line (`GET /path`, method then URL) or else by a curl
sample; reads each section with whichever field syntax it shows.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.model import Line, Operation, Page, PageResult
from generator.problems import Problems
from generator.scrape.assemble import apply_curl, apply_sections
from generator.scrape.blocks import parse_blocks
from generator.scrape.bullets import BULLET, parse_bullets
from generator.scrape.fields import Field
from generator.scrape.samples import find_curls
from generator.scrape.sections import split_sections
from generator.scrape.tables import is_table_row, parse_tables
from generator.scrape.unglue import unglue
from generator.scrape.vertical import nonblank, scrape_vertical

NAME = "generic"


def score(page: Page) -> float:
    return 0.0


def parse_any(lines: Sequence[Line]) -> list[Field]:
    """Fields in whichever syntax the lines use: table, bullets, else vertical blocks."""
    if any(is_table_row(line.text) for line in lines):
        fields = parse_tables(lines)
        if fields:
            return fields
    if any(BULLET.match(line.text) for line in lines):
        fields = parse_bullets(lines)
        if any(f.type_text for f in fields):
            return fields
    return parse_blocks(unglue(lines), counted=True)


def scrape(page: Page, problems: Problems) -> PageResult:
    result = scrape_vertical(page, Problems(), family=NAME, counted=True, parser=parse_any)
    if result.operations:
        return result
    return _from_curl(page, problems)


def _from_curl(page: Page, problems: Problems) -> PageResult:
    """No method line: the first curl sample gives the method and URL."""
    lines = nonblank(page.lines)
    result = PageResult(page=page, family=NAME)
    curls = find_curls(lines)
    if not curls:
        problems.warn(page.path, lines[0].number if lines else 0,
                      "no operation found (no method and path, no curl sample)")  # fmt: skip
        return result
    curl = curls[0]
    op = Operation(
        method=curl.method, path=curl.url, url=curl.url,
        span=page.span(lines[0].number, lines[-1].number), family=NAME,
    )  # fmt: skip
    apply_sections(op, split_sections(lines), parse_any)
    apply_curl(op, curl)
    result.operations.append(op)
    return result
