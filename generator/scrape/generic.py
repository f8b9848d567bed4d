"""The fallback for pages no family claims: tables, bullets, one-line or vertical fields.

Finds the operation by a method line (`GET /path`, method then URL) or else by a curl
sample; reads each section with whichever field syntax it shows.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.model import Line, Operation, Page, PageResult
from generator.problems import Problems
from generator.scrape.assemble import (
    Reader,
    apply_curl,
    apply_sections,
    attach_response_example,
    split_content,
)
from generator.scrape.bare_names import bare_name_fields
from generator.scrape.blocks import parse_blocks
from generator.scrape.bullets import is_bullet_field, parse_bullets
from generator.scrape.fields import Field
from generator.scrape.samples import find_curls
from generator.scrape.sections import split_sections
from generator.scrape.stainless import is_stainless, parse_stainless
from generator.scrape.tables import is_table_row, parse_tables
from generator.scrape.vertical import NO_OPERATION, nonblank, page_title, scrape_vertical

NAME = "generic"


def score(page: Page) -> float:
    return 0.0


def parse_any(lines: Sequence[Line]) -> list[Field]:
    """Fields in whichever syntax the lines use: table, bullets, Stainless lines, else
    vertical blocks."""
    if any(is_table_row(line.text) for line in lines):
        fields = parse_tables(lines)
        if fields:
            return fields
    if any(is_bullet_field(line.text) for line in lines):
        fields = parse_bullets(lines)
        if any(f.type_text for f in fields):
            return fields
    if is_stainless(lines):
        return parse_stainless(lines)
    from generator.scrape.unglue import unglue  # noqa: PLC0415 - rarely needed (its patterns)

    fields = parse_blocks(unglue(lines), counted=True)
    if fields:
        return fields
    return bare_name_fields(lines)


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
        problems.warn(page.path, lines[0].number if lines else 1, NO_OPERATION)
        return result
    curl = curls[0]
    problems.warn(page.path, curl.line, "no method line; the method and URL are the curl sample's")
    op = Operation(
        method=curl.method,
        path=curl.url,
        url=curl.url,
        summary=page_title(lines),
        span=page.span(lines[0].number, lines[-1].number),
        family=NAME,
    )
    apply_sections(op, split_sections(lines), Reader(parse_any))
    apply_curl(op, curl)
    if not op.responses:
        _answer_after(op, lines, curl.line)
    result.operations.append(op)
    return result


def _answer_after(op: Operation, lines: Sequence[Line], curl_line: int) -> None:
    """The first JSON value shown after the curl sample is what the call returns."""
    for block in split_content(lines).examples:
        if block.start > curl_line:
            attach_response_example(op, "200", block.value)
            return
