"""ReadMe API reference pages (readme.io), text render.

    Modify thread                          tool_resources
    post                                   object | null
    https://api.openai.com/v1/threads/{id} TOOL_RESOURCES OBJECT | NULL
    PATH PARAMS                            code_interpreter
    thread_idstringrequired                object
    BODY PARAMS / RESPONSES / 200          CODE_INTERPRETER OBJECT
    RESPONSE BODY                          file_ids
    object                                 array of strings
                                           length ≤ 20
                                           ADD string

Fields are vertical blocks (name / type / constraint / required / description; the first
line may be glued). An object's children sit in a box headed "NAME OBJECT"; "ADD string"
is an array's input button; "Allowed:" lists enum values one a line; "length ≤ 20",
"≥ 1" are bounds. The right-hand panel (after "Updated ... ago") holds the curl sample and
the response example, both with their line numbers on lines of their own.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import Any

from generator import lazyre
from generator.model import Line, Operation, Page, PageResult
from generator.problems import Problems
from generator.scrape.assemble import attach_response_example
from generator.scrape.samples import find_curls, find_json_blocks, json_block_at
from generator.scrape.sections import Section, status_line
from generator.scrape.types import parse_type
from generator.scrape.vertical import marker_score, scrape_vertical

NAME = "readme"
_MARKERS: list[str | re.Pattern[str]] = [
    "Jump to Content",
    "Did this page help you?",
    "Try It!",
    "RESPONSE BODY",
    "CREDENTIALS",
    lazyre.compile(r"^Updated .+ ago$"),
    lazyre.compile(r"^(?:PATH|QUERY|BODY|HEADER|FORM) PARAMS$"),
    lazyre.compile(r"^ADD (?:string|object|integer|number|boolean|array)$"),
    lazyre.compile(r"^[A-Z0-9_]+ OBJECT(?: \| NULL)?$"),
    lazyre.compile(r"^length [≤≥]"),
    lazyre.compile(r"^(?:Body|Query|Path|Header|Form) Params$"),
    lazyre.compile(r"^Defaults to \S"),
    lazyre.compile(r"^-?\d+ to -?\d+$"),
]
_CODE_START = lazyre.compile(r"^\s*(?:curl\b|[{\[])")
_ROOT_LABEL = "RESPONSE BODY"
_TRY_IT = "Click Try It! to start a request"
_PANEL_LABEL = "RESPONSE"


def score(page: Page) -> float:
    return marker_score(page, _MARKERS, needed=3)


def scrape(page: Page, problems: Problems) -> PageResult:
    # imported here: a run over other families' pages never compiles its patterns
    from generator.scrape.readme_fields import parse_fields  # noqa: PLC0415

    prepared, roots = _prepared(page)
    examples = _examples(prepared.lines)

    def finish(op: Operation, sections: list[Section]) -> None:
        _array_roots(op, roots)
        _panel_example(op, prepared.lines)

    return scrape_vertical(
        prepared,
        problems,
        family=NAME,
        counted=False,
        hook=finish,
        parser=lambda lines: parse_fields(lines, examples),
    )


def _examples(lines: Sequence[Line]) -> list[Any]:
    """The JSON values the page shows: curl bodies first, then JSON blocks."""
    bodies = [curl.data for curl in find_curls(lines) if curl.data is not None]
    return bodies + [block.value for block in find_json_blocks(lines)]


def _prepared(page: Page) -> tuple[Page, dict[str, str]]:
    """The page without code line numbers and without "RESPONSE BODY" / root type lines;
    the root type each response states, by status code."""
    lines = _without_line_numbers([ln for ln in page.lines if ln.text.strip()])
    kept: list[Line] = []
    roots: dict[str, str] = {}
    status, i = "200", 0
    while i < len(lines):
        text = lines[i].text.strip()
        found = status_line(text)
        status = found.code if found is not None else status
        if text.startswith(_TRY_IT):
            pass  # the panel's prompt, where a response would be shown
        elif text.upper() != _ROOT_LABEL:
            kept.append(lines[i])
        elif i + 1 < len(lines) and parse_type(lines[i + 1].text) is not None:
            roots[status] = lines[i + 1].text.strip()
            i += 1
        i += 1
    return dataclasses.replace(page, lines=tuple(kept)), roots


def _without_line_numbers(lines: list[Line]) -> list[Line]:
    """Code blocks rendered `1` / `curl ...` / `2` / `--url ...`: drop the number lines."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        starts_code = i + 1 < len(lines) and bool(_CODE_START.match(lines[i + 1].text))
        if lines[i].text.strip() == "1" and starts_code:
            expected = 1
            while i + 1 < len(lines) and lines[i].text.strip() == str(expected):
                out.append(lines[i + 1])
                i, expected = i + 2, expected + 1
            continue
        out.append(lines[i])
        i += 1
    return out


def _array_roots(op: Operation, roots: dict[str, str]) -> None:
    """A response body stated as "array of objects" is an array of the listed fields."""
    for response in op.responses:
        expr = parse_type(roots.get(response.status, ""))
        body = response.body
        if expr is None or expr.types != ("array",) or body is None or body.schema is None:
            continue
        body.schema = {"type": "array", "items": body.schema}


def _panel_example(op: Operation, lines: Sequence[Line]) -> None:
    """The right-hand panel's "RESPONSE" / status / JSON: the example of that response."""
    for i, line in enumerate(lines[:-2]):
        if line.text.strip().upper() != _PANEL_LABEL:
            continue
        status = status_line(lines[i + 1].text)
        block = json_block_at(lines, i + 2)
        if status is None or block is None:
            continue
        attach_response_example(op, status.code, block.value)
        return
