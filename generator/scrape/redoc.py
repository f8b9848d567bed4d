"""Redoc pages (per-operation renders), text render.

    Register a widget                    Responses
    SecurityWorkshopKey                  201
    Request                              Registered
    query Parameters                     404 ...
    workshopId                           post/widgets
    required                             Request samples
    string (workshopId)                  application/json
    Request Body schema: application/json  { • "label": "gear", ... }
    ...                                  Response samples

The method and path come after the operation's fields and responses (`post/widgets`,
glued, lower case), with the samples panel after them: an operation is the lines before
its method line and the samples after it. Field lines are Redoc's (`redoc_fields`);
samples carry the panel's fold markers (`• "key"`, `{- "key"`), taken out before reading.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from generator import lazyre
from generator.model import MISSING, Body, Line, Operation, Page, PageResult
from generator.problems import Problems
from generator.scrape.assemble import Reader, apply_sections, attach_response_example
from generator.scrape.bodies import success_code
from generator.scrape.header import OpHeader, find_headers
from generator.scrape.infer import infer_schema
from generator.scrape.redoc_fields import parse_fields, unpiped
from generator.scrape.samples import curl_end, json_block_at
from generator.scrape.sections import split_sections, status_line
from generator.scrape.vertical import NO_OPERATION, hinted_header, marker_score, nonblank

NAME = "redoc"
_MARKERS: list[str | re.Pattern[str]] = [
    "Response samples",
    "Request Body schema:",
    lazyre.compile(r"^(?:query|header|path|cookie) Parameters$"),
    # the labels and the method as a copy gives them, and upper-cased by the page's CSS:
    # spelled out, not `re.I`, so that the strings a page must show can be looked for first
    lazyre.compile(r"^(?:Re(?:quest Body|sponse) [Ss]chema|RE(?:QUEST BODY|SPONSE) SCHEMA):"),
    lazyre.compile(r"^(?:get|post|put|patch|delete|head|options)/\S*$"),
    lazyre.compile(r"^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)/\S*$"),
    lazyre.compile(r"^Authorizations:\S"),
    lazyre.compile(r"^Security[A-Z]\w*$"),
    lazyre.compile(r"(?:\d \]|[<>]= \d+) characters$"),
]
_FOLD = lazyre.compile(r"(^|[{\[,])\s*[•+-]\s+(?=[\"{\[])")
"""Redoc's fold marks before a sample's keys and items: `• "key"`, `{- "key"`, `, - {`."""
_REQUEST_SAMPLES = "request samples"
_RESPONSE_SAMPLES = "response samples"
_SCHEMA_LABEL = lazyre.compile(r"^Response [Ss]chema:\s*(?P<media>\S*)$", re.I)


def score(page: Page) -> float:
    return marker_score(page, _MARKERS, needed=3)


def scrape(page: Page, problems: Problems) -> PageResult:
    lines = [_unfolded(line) for line in unpiped(nonblank(page.lines))]
    result = PageResult(page=page, family=NAME)
    headers = find_headers(lines)
    if page.hint is not None and lines:
        headers = [hinted_header(page.hint, headers)]
    if not headers:
        problems.warn(page.path, lines[0].number if lines else 1, NO_OPERATION)
        return result
    reader = Reader(parse_fields)
    start = 0
    for k, header in enumerate(headers):
        stop = _panel_end(lines, header.end) if k + 1 < len(headers) else len(lines)
        before, after = lines[start : header.index], lines[header.end : stop]
        if header.end == header.index:  # a hint, where the page shows no method line
            before = after = lines[start:stop]
        op = _operation(page, header, before, after)
        apply_sections(op, split_sections(before), reader)
        _query_examples(op)
        _samples(op, after)
        result.operations.append(op)
        start = stop
    return result


def _unfolded(line: Line) -> Line:
    text = _unfold(line.text)
    return line if text is line.text else Line(line.number, text)


@lru_cache(maxsize=8192)
def _unfold(text: str) -> str:
    label = _SCHEMA_LABEL.match(text.strip()) if text.lstrip()[:3] in ("Res", "RES") else None
    if label is not None:
        return label.group("media").lower() or text
    if "•" not in text and "-" not in text and "+" not in text:
        return text
    unfolded = _FOLD.sub(r"\1", text)
    return text if unfolded == text else unfolded


def _operation(page: Page, header: OpHeader, before: list[Line], after: list[Line]) -> Operation:
    shown = before or after
    title = None
    if before:
        text = before[0].text.strip()
        title = text if len(text) <= 80 and not text.endswith((".", ":")) else None
    op = Operation(
        method=header.method,
        path=header.target,
        span=page.span(
            shown[0].number if shown else 1, (after or before or shown)[-1].number if shown else 1
        ),
        summary=page.hint.title if page.hint is not None and page.hint.title else title,
        family=NAME,
    )
    if header.target.startswith(("http://", "https://")):
        op.url = header.target
    return op


def _panel_end(lines: Sequence[Line], i: int) -> int:
    """Where the samples panel after a method line ends (the next operation's lines start):
    its labels, media types, status tabs, code and JSON samples."""
    while i < len(lines):
        text = lines[i].text.strip()
        block = json_block_at(lines, i)
        after = curl_end(lines, i) if "curl" in text else None
        if block is not None:
            i = block.index_end
        elif after is not None:
            i = after
        elif text.lower() in (_REQUEST_SAMPLES, _RESPONSE_SAMPLES) or _is_tab(text):
            i += 1
        else:
            break
    return i


def _is_tab(text: str) -> bool:
    text = text.removeprefix("•").strip()
    return ("/" in text and " " not in text) or (status_line(text) is not None and len(text) <= 3)


def _samples(op: Operation, lines: Sequence[Line]) -> None:
    """The panel's first request sample and first response sample (under the first of the
    status tabs shown before it, else the first success status listed, else 200)."""
    kind, code = "", None
    done: set[str] = set()
    for i, line in enumerate(lines):
        text = line.text.strip()
        if text.lower() in (_REQUEST_SAMPLES, _RESPONSE_SAMPLES):
            kind, code = text.lower(), None
            continue
        tab = text.removeprefix("•").strip()  # `• 429`: a tab as an HTML render lists it
        status = status_line(tab) if len(tab) <= 3 else None
        if status is not None:
            code = code or status.code  # of several tabs, the first one's sample is shown
            continue
        if kind in done or not kind:
            continue
        block = json_block_at(lines, i)
        if block is None:
            continue
        done.add(kind)
        if kind == _REQUEST_SAMPLES:
            _request_sample(op, block.value)
        else:
            attach_response_example(op, code or success_code(op.responses), block.value)


def _query_examples(op: Operation) -> None:
    """Redoc writes a parameter's example as it goes in the URL: `Example: limit=20`."""
    for param in op.parameters:
        example = param.example
        if isinstance(example, str) and example.startswith(f"{param.name}="):
            param.example = example[len(param.name) + 1 :]


def _request_sample(op: Operation, value: object) -> None:
    if op.request is None:
        op.request = Body(schema=infer_schema(value), example=value, required=True)
    elif op.request.example is MISSING:
        op.request.example = value
