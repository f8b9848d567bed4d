"""Build an `Operation` from sections of field blocks: shared by the vertical-block families.

Each section kind maps to one part of the operation: parameters, request body, responses,
auth, samples. JSON examples and curl samples are cut out of a section before its field
blocks are read, and become the examples of the part they sit in.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import compress, count
from typing import cast

from generator.model import (
    MISSING,
    AuthFact,
    Body,
    Line,
    Operation,
    Parameter,
    Response,
    line_text,
)
from generator.scrape.blocks import parse_blocks
from generator.scrape.bodies import (
    ANSWERS,
    adopt_example,
    answers,
    apply_curl,
    apply_loose,
    apply_sample,
    apply_samples,
    attach_answers,
    attach_response_example,
    body_from,
    reason,
    request_example,
)
from generator.scrape.bullets import is_marker, root_type
from generator.scrape.examples import split_content
from generator.scrape.fields import Field, field_schema, join_prose
from generator.scrape.samples import JsonBlock
from generator.scrape.sections import Kind, Section, Status, restated_request, status_line
from generator.scrape.status_table import status_rows
from generator.scrape.tabs import untab
from generator.scrape.types import parse_type

__all__ = [  # what the families use of the examples' modules, through this one
    "Reader",
    "apply_curl",
    "apply_sections",
    "attach_response_example",
    "auth_from",
    "body_from",
    "parameters_from",
    "responses_from",
    "split_content",
    "vertical_reader",
]

FieldParser = Callable[[Sequence[Line]], list[Field]]


@dataclass(frozen=True)
class Reader:
    """How a family reads sections: its field syntax, and whether examples may add fields.

    `fill=False` is for families whose field lists are complete (Apifox counts children), so
    a key only an example shows is not added beside the stated ones.
    """

    parse: FieldParser
    fill: bool = True


_LOCATIONS: dict[Kind, str] = {
    Kind.PATH: "path",
    Kind.QUERY: "query",
    Kind.HEADER: "header",
    Kind.COOKIE: "cookie",
}


def vertical_reader(*, counted: bool) -> Reader:
    """Vertical blocks; counted (Apifox) lists are complete, so examples add no fields."""
    from generator.scrape.tables import tables_first  # noqa: PLC0415 - a cycle

    return Reader(
        tables_first(lambda lines: parse_blocks(lines, counted=counted)), fill=not counted
    )


def parameters_from(fields: list[Field], location: str) -> list[Parameter]:
    params: list[Parameter] = []
    for item in fields:
        if not item.name or item.additional:
            continue
        schema = field_schema(item)
        description = schema.pop("description", None)
        examples = schema.pop("examples", None)
        where = (
            item.location if item.location in ("path", "query", "header", "cookie") else location
        )
        param = Parameter(
            name=item.name,
            location=where,  # type: ignore[arg-type]
            required=True if where == "path" else bool(item.required),
            schema=schema,
            description=description,
            deprecated=item.deprecated,
        )
        if examples:
            param.example = examples[0]
        params.append(param)
    return params


def auth_from(lines: Sequence[Line], fields: list[Field]) -> list[AuthFact]:
    """Auth a page's Authorization section states: bearer/basic prose or named key headers."""
    facts = [
        AuthFact("apiKey", item.name, "query" if item.location == "query" else "header")
        for item in fields
        if item.location in ("header", "query") or item.name.lower().startswith("x-")
    ]
    if facts:
        return facts
    named = {item.line for item in fields}
    text = join_prose([line.text for line in lines if line.number not in named])
    description = re.split(r"Example\s*[:：]", text)[0].strip() or None
    lowered = text.lower()
    if "bearer" in lowered:
        return [AuthFact("bearer", description=description)]
    if "basic" in lowered:
        return [AuthFact("basic", description=description)]
    key = re.search(
        r"(?:parameter in header|API key in header|header)\s*[:：]?\s*([\w-]+)", text, re.I
    )
    return [AuthFact("apiKey", key.group(1), "header")] if key else []


def responses_from(
    section_lines: Sequence[Line], reader: Reader, asked: list[JsonBlock] | None = None
) -> list[Response]:
    """Split a Responses section at status lines; each part gives one response (and, where
    the page shows no status at all, the answers shown apart from the first: `answers`).
    Request examples shown among them (`Body example`) go to `asked`."""
    parts: list[tuple[str, str, list[Line]]] = []
    stated = False
    untabbed = status_rows(untab(section_lines))
    statuses = list(map(status_line, map(line_text, untabbed)))
    done = 0  # lines before `done` are placed; the others, up to the next status, go on
    for i in compress(count(), statuses):
        _go_on(parts, untabbed[done:i])
        done, line, status = i + 1, untabbed[i], cast(Status, statuses[i])
        if _is_value_line(parts):  # `Example:` then `200`: a value
            parts[-1][2].append(line)
            continue
        same = next((p for p in parts if p[0] == status.code), None)
        if same is not None:
            parts.remove(same)  # the status again (its example shown apart): one response
            parts.append(same)
            continue
        stated = True
        media = status.media_type
        lines = [] if media is None else [Line(line.number, media)]
        parts.append((status.code, status.description, lines))
    _go_on(parts, untabbed[done:])
    responses: list[Response] = []
    loose: list[JsonBlock] = []
    for code, description, lines in parts:
        shown = _response(code, description, lines, reader, uncoded=not stated, loose=loose)
        responses.extend(shown)
    attach_answers(responses, [b for b in loose if b.follows != "request"], fill=reader.fill)
    if asked is not None:
        asked.extend(b for b in loose if b.follows == "request" and b.status is None)
    return responses


def _go_on(parts: list[tuple[str, str, list[Line]]], lines: Sequence[Line]) -> None:
    """Lines with no status: the part above goes on; before any part, the first non-blank
    one opens the success response's."""
    if not parts:
        start = next((k for k, line in enumerate(lines) if line.text.strip()), len(lines))
        if start == len(lines):
            return
        parts.append(("200", "", [lines[start]]))
        lines = lines[start + 1 :]
    parts[-1][2].extend(lines)


def _is_value_line(parts: list[tuple[str, str, list[Line]]]) -> bool:
    """A three-digit line right after `Example:` is a value, not a status."""
    if not parts or not parts[-1][2]:
        return False
    return bool(re.match(r"^(?:example|示例值?)\s*[:：]?$", parts[-1][2][-1].text.strip(), re.I))


def _response(
    code: str,
    description: str,
    lines: list[Line],
    reader: Reader,
    *,
    uncoded: bool = False,
    loose: list[JsonBlock] | None = None,
) -> list[Response]:
    """One status's part; what a request sample shown in an error's part returns (the code
    panel after the last status listed) goes to `loose`, for the success response, and so
    do the request's examples."""
    content = split_content(restated_request(lines))
    examples = [block for block in content.examples if block.follows != "request"]
    if loose is not None:
        loose.extend(b for b in content.examples if b.follows == "request")
    if loose is not None and not uncoded and not code.startswith("2"):
        loose.extend(b for b in examples if b.follows in ANSWERS and b.status is None)
        examples = [b for b in examples if b.follows not in ANSWERS or b.status is not None]
    fields = reader.parse(content.lines)
    first = min((f.line for f in fields), default=None)
    lead_lines = [ln for ln in content.lines if first is None or ln.number < first]
    kind = root_type(lead_lines)
    lead = [ln.text.strip() for ln in lead_lines if not is_marker(ln.text.strip())]
    if not description and lead:
        description = lead.pop(0)
    if not fields and not examples:
        body = Body(description=join_prose(lead)) if lead else None
        return [Response(code, description or reason(code), body)]
    body = body_from(fields, examples, content.media_type, fill=reader.fill)
    expr = parse_type(kind) if kind else None
    if body.schema is not None and expr is not None and expr.types == ("array",) and fields:
        body.schema = {"type": "array", "items": body.schema}
    if lead and body.schema is not None:
        body.schema.setdefault("description", join_prose(lead))
    response = Response(code, description or reason(code), body)
    return [response, *(answers(examples, reader.fill) if uncoded and not fields else [])]


_CODE_PANEL_HOSTS = (Kind.AUTH, Kind.HEADER, Kind.PATH, Kind.QUERY, Kind.COOKIE)
"""Parameter sections a flattened page's code panel may land in: a curl sample there, and
the answer shown after it, are read as in a samples section."""


def apply_sections(op: Operation, sections: list[Section], reader: Reader) -> None:
    """Fill `op` from its sections, in page order; stops at an END section."""
    headless = any(section.kind is Kind.SCHEMA for section in sections)
    samples: list[Section] = []
    for section in sections:
        if section.kind is Kind.END:
            break
        if section.kind in (Kind.REQUEST_SAMPLES, Kind.PARAMS, *_CODE_PANEL_HOSTS):
            samples.append(section)
        if headless:
            _apply_headless(op, section, reader)
        else:
            _apply_section(op, section, reader)
    for section in samples:  # after the responses the page lists, which they may fill
        if section.kind is Kind.PARAMS:
            apply_loose(op, section, fill=reader.fill)
        else:
            apply_samples(op, section, fill=reader.fill)
    if op.request is None and not op.parameters and sections[0].heading is None:
        from generator.scrape.table_place import place_prose_params  # noqa: PLC0415 - a cycle

        place_prose_params(op, sections[0])


def _apply_headless(op: Operation, section: Section, reader: Reader) -> None:
    """Bodies opened by bare `object` lines, no headings before them (`headless`)."""
    from generator.scrape import headless  # noqa: PLC0415 - imports this module

    if section.kind is Kind.SCHEMA and section.heading is not None:
        titled = bool(section.lines) and section.lines[0].number < section.heading.number
        headless.apply_schema(op, section, reader, titled=titled)
    elif section.heading is None and section.kind is Kind.PARAMS:
        headless.apply_preamble(op, section, reader)
    else:
        _apply_section(op, section, reader)


def _apply_section(op: Operation, section: Section, reader: Reader) -> None:
    kind = section.kind
    parse = reader.parse
    if kind is Kind.AUTH:
        content = split_content(section.lines)
        op.auth.extend(auth_from(content.lines, parse(content.lines)))
    elif kind in _LOCATIONS:
        content = split_content(section.lines)
        op.parameters.extend(parameters_from(parse(content.lines), _LOCATIONS[kind]))
    elif kind is Kind.URI:
        lines = split_content(section.lines).lines
        _apply_uri_parameters(op, parse(lines) or _named_in_url(op, lines))
    elif kind is Kind.BODY and _fields_of_a_get(op, section, reader):
        return
    elif kind is Kind.BODY:
        _apply_body(op, section, reader)
    elif kind is Kind.RESPONSES:
        _apply_responses(op, section, reader)
    elif kind is Kind.RESPONSE_EXAMPLES:
        _attach_response_examples(op, section, fill=reader.fill)
    elif kind is Kind.PARAMS:
        from generator.scrape.table_place import place_params  # noqa: PLC0415 - a cycle

        place_params(op, section)


def _fields_of_a_get(op: Operation, section: Section, reader: Reader) -> bool:
    """A "Request" section of a GET or HEAD, which send no body, lists the URL's parameters:
    those the path names are path parameters, the others query parameters (a heading that
    says "body" means one)."""
    if op.method.upper() not in ("GET", "HEAD") or section.media_type is not None:
        return False
    if section.heading is None or "body" in section.heading.text.lower():  # a body it says
        return False
    fields = reader.parse(split_content(section.lines).lines)
    if not fields:
        return False
    _apply_uri_parameters(op, fields)
    return True


_ANSWERED = ("response", "error", "answer")
"""Examples a body section shows of what the call returns (`JsonBlock.follows`)."""


def _apply_body(op: Operation, section: Section, reader: Reader) -> None:
    """The request body; the examples under an HTTP response line or a label naming a
    response are answers."""
    content = split_content(section.lines)
    media = section.media_type or content.media_type
    shown = [b for b in content.examples if b.status is None and b.follows not in _ANSWERED]
    body = body_from(reader.parse(content.lines), shown, media, fill=reader.fill)
    if body.schema is not None or body.example is not MISSING:
        body.required = True
        op.request = body
    for block in content.examples:
        if block.status is not None:
            attach_response_example(op, block.status, block.value, fill=reader.fill)
        elif block.follows in _ANSWERED:
            apply_sample(op, block, fill=reader.fill)


def _apply_responses(op: Operation, section: Section, reader: Reader) -> None:
    """Listed responses (one whose example the page showed before it takes its place, or
    keeps it when listed with no fields), and the request's example shown among them."""
    asked: list[JsonBlock] = []
    for response in responses_from(_status_first(section), reader, asked):
        earlier = next((r for r in op.responses if r.status == response.status), None)
        if earlier is not None and adopt_example(response, earlier, fill=reader.fill):
            op.responses[op.responses.index(earlier)] = response
        elif earlier is not None and earlier.body is not None and _shows_nothing(response):
            earlier.description = response.description  # listed after its example, no fields
        else:
            op.responses.append(response)
    for block in asked:
        request_example(op, block, fill=reader.fill)


def _shows_nothing(response: Response) -> bool:
    body = response.body
    return body is None or (body.schema is None and body.example is MISSING)


def _apply_uri_parameters(op: Operation, fields: list[Field]) -> None:
    """URL parameters: those the path names (`{id}`, `:id` or the bare word) are path
    parameters, the others query parameters."""
    path = op.path.split("://", 1)[-1].split("?", 1)[0]
    named = {s.strip("{}:<> ") for s in path.split("/")}
    for location in ("path", "query"):
        chosen = [f for f in fields if (f.name in named) == (location == "path")]
        op.parameters.extend(parameters_from(chosen, location))


def _named_in_url(op: Operation, lines: Sequence[Line]) -> list[Field]:
    """Names alone on a line that the request line shows as a path segment or query key
    (`GET /boxes/BoxName?Version=Version`, then `BoxName` and
    `Version`, each with prose under it): the URL's parameters, types unstated."""
    words = set(re.split(r"[/?&=]", op.path.split("://", 1)[-1])) - {""}
    names = dict.fromkeys(ln.text.strip() for ln in lines if ln.text.strip() in words)
    return [Field(name) for name in names]


def _status_first(section: Section) -> list[Line]:
    """A Responses section's lines; a heading that names the status (`Response 404 fields
    (application/json)`) starts them with that status line."""
    if section.status is None or section.heading is None:
        return section.lines
    status = f"{section.status} {section.media_type or ''}".strip()
    return [Line(section.heading.number, status), *section.lines]


def _attach_response_examples(op: Operation, section: Section, *, fill: bool) -> None:
    content = split_content(section.lines)
    shown = [block for block in content.examples if block.follows != "request"]
    if not shown:
        return
    code = shown[0].status or section.status
    code = code or (op.responses[0].status if op.responses else "200")
    attach_response_example(op, code, shown[0].value, fill=fill)
    for block in shown[1:]:  # the others, where a label names their status (`409 Response`)
        if block.status is not None and block.status != code:
            attach_response_example(op, block.status, block.value, fill=fill)
