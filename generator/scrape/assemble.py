"""Build an `Operation` from sections of field blocks: shared by the vertical-block families.

Each section kind maps to one part of the operation: parameters, request body, responses,
auth, samples. JSON examples and curl samples are cut out of a section before its field
blocks are read, and become the examples of the part they sit in.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from generator.model import MISSING, AuthFact, Body, Line, Operation, Parameter, Response, Schema
from generator.scrape.blocks import parse_blocks
from generator.scrape.bullets import is_marker, root_type
from generator.scrape.fields import Field, field_schema, join_prose, object_schema
from generator.scrape.header import is_sample_header
from generator.scrape.infer import fill_from_example, infer_schema
from generator.scrape.samples import Curl, JsonBlock, curl_end, json_block_at
from generator.scrape.sections import Kind, Section, status_line
from generator.scrape.types import parse_type

FieldParser = Callable[[Sequence[Line]], list[Field]]


@dataclass(frozen=True)
class Reader:
    """How a family reads sections: its field syntax, and whether examples may add fields.

    `fill=False` is for families whose field lists are complete (Apifox counts children), so
    a key only an example shows is not added beside the stated ones.
    """

    parse: FieldParser
    fill: bool = True


_MEDIA_LINE = re.compile(r"^[\w.+-]+/[\w.+-]+(?:;.*)?$")
_EXAMPLE_LABEL = re.compile(r"^(?:examples?|示例|example value|response example)\s*:?$", re.I)
_NOISE = re.compile(r"^(?:body|schema|copy|ask ai|数据结构|headers?)$", re.I)
_LOCATIONS: dict[Kind, str] = {
    Kind.PATH: "path",
    Kind.QUERY: "query",
    Kind.HEADER: "header",
    Kind.COOKIE: "cookie",
}


@dataclass
class Content:
    """A section's lines split into field lines and JSON examples (curl samples left out)."""

    lines: list[Line]
    examples: list[JsonBlock]
    media_type: str | None


def split_content(lines: Sequence[Line]) -> Content:
    rest: list[Line] = []
    examples: list[JsonBlock] = []
    media: str | None = None
    i = 0
    while i < len(lines):
        sort = _line_sort(lines[i].text)
        if sort is _KEPT:  # most lines: a field's or prose
            rest.append(lines[i])
            i += 1
            continue
        has_curl, starts_json, text, is_media, dropped = sort
        after = curl_end(lines, i) if has_curl else None
        if after is not None:
            if rest and is_sample_header(rest[-1].text):
                rest.pop()
            i = after
            continue
        block = json_block_at(lines, i) if starts_json else None
        if block is not None:
            examples.append(block)
            if rest and _EXAMPLE_LABEL.match(rest[-1].text.strip()):
                rest.pop()
            i = block.index_end
            continue
        if media is None and is_media:
            media = text
        elif not dropped:
            rest.append(lines[i])
        i += 1
    return Content(rest, examples, media)


@lru_cache(maxsize=8192)
def _line_sort(text: str) -> tuple[bool, bool, str, bool, bool]:
    """What `split_content` asks of a line's text alone: may a curl command or a JSON block
    start on it (`json_block_at` needs `{`, `[` or `1`), its stripped text, is it a media
    type, is it left out (blank, or a tab label); `_KEPT` for the usual line, which is kept.
    Cached: a site's pages repeat their lines."""
    stripped = text.strip()
    sort = (
        "curl" in text,
        text.lstrip()[:1] in "{[1",
        stripped,
        bool(_MEDIA_LINE.match(stripped)),
        not stripped or bool(_NOISE.match(stripped)),
    )
    return _KEPT if sort[:2] == (False, False) and sort[3:] == (False, False) else sort


_KEPT = (False, False, "", False, False)
"""`_line_sort` of a line kept as it is (no sample starts on it, no media type, not noise)."""


def vertical_reader(*, counted: bool) -> Reader:
    """Vertical blocks; counted (Apifox) lists are complete, so examples add no fields."""
    return Reader(lambda lines: parse_blocks(lines, counted=counted), fill=not counted)


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


def body_from(
    fields: list[Field], examples: list[JsonBlock], media: str | None, *, fill: bool = True
) -> Body:
    example = examples[0].value if examples else MISSING
    schema: Schema | None = None
    if fields:
        schema = object_schema(fields)
        if example is not MISSING and fill:
            schema = fill_from_example(schema, example)
    elif example is not MISSING:
        schema = infer_schema(example)
    return Body(media_type=media or "application/json", schema=schema, example=example)


def responses_from(section_lines: Sequence[Line], reader: Reader) -> list[Response]:
    """Split a Responses section at status lines; each part gives one response."""
    parts: list[tuple[str, str, list[Line]]] = []
    for line in section_lines:
        status = status_line(line.text)
        if status is None and parts:  # most lines: the part above goes on
            parts[-1][2].append(line)
            continue
        same = None if status is None else next((p for p in parts if p[0] == status.code), None)
        if status is not None and not _is_value_line(parts) and same is not None:
            parts.remove(same)  # the status again (its example shown apart): one response
            parts.append(same)
        elif status is not None and not _is_value_line(parts):
            parts.append(
                (
                    status.code,
                    status.description,
                    [] if status.media_type is None else [Line(line.number, status.media_type)],
                )
            )
        elif parts:
            parts[-1][2].append(line)
        elif line.text.strip():
            parts.append(("200", "", [line]))
    return [_response(code, description, lines, reader) for code, description, lines in parts]


def _is_value_line(parts: list[tuple[str, str, list[Line]]]) -> bool:
    """A three-digit line right after `Example:` is a value, not a status."""
    if not parts or not parts[-1][2]:
        return False
    return bool(re.match(r"^(?:example|示例值?)\s*[:：]?$", parts[-1][2][-1].text.strip(), re.I))


def _response(code: str, description: str, lines: list[Line], reader: Reader) -> Response:
    content = split_content(lines)
    fields = reader.parse(content.lines)
    first = min((f.line for f in fields), default=None)
    lead_lines = [ln for ln in content.lines if first is None or ln.number < first]
    kind = root_type(lead_lines)
    lead = [ln.text.strip() for ln in lead_lines if not is_marker(ln.text.strip())]
    if not description and lead:
        description = lead.pop(0)
    if not fields and not content.examples:
        body = Body(description=join_prose(lead)) if lead else None
        return Response(code, description or _reason(code), body)
    body = body_from(fields, content.examples, content.media_type, fill=reader.fill)
    expr = parse_type(kind) if kind else None
    if body.schema is not None and expr is not None and expr.types == ("array",) and fields:
        body.schema = {"type": "array", "items": body.schema}
    if lead and body.schema is not None:
        body.schema.setdefault("description", join_prose(lead))
    return Response(code, description or _reason(code), body)


def _reason(code: str) -> str:
    reasons = {"200": "OK", "201": "Created", "202": "Accepted", "204": "No Content"}
    return reasons.get(code, "Response")


def apply_sections(op: Operation, sections: list[Section], reader: Reader) -> None:
    """Fill `op` from its sections, in page order; stops at an END section."""
    for section in sections:
        if section.kind is Kind.END:
            break
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
    elif kind is Kind.BODY:
        content = split_content(section.lines)
        media = section.media_type or content.media_type
        body = body_from(parse(content.lines), content.examples, media, fill=reader.fill)
        if body.schema is not None or body.example is not MISSING:
            body.required = True
            op.request = body
    elif kind is Kind.RESPONSES:
        op.responses.extend(responses_from(section.lines, reader))
    elif kind is Kind.RESPONSE_EXAMPLES:
        _attach_response_examples(op, section, fill=reader.fill)


def _attach_response_examples(op: Operation, section: Section, *, fill: bool) -> None:
    content = split_content(section.lines)
    if not content.examples:
        return
    code = section.status or (op.responses[0].status if op.responses else "200")
    attach_response_example(op, code, content.examples[0].value, fill=fill)


def attach_response_example(
    op: Operation, code: str, example: object, *, fill: bool = True
) -> None:
    """Give response `code` this example, creating the response and filling its schema."""
    response = next((r for r in op.responses if r.status == code), None)
    if response is None:
        response = Response(code, _reason(code))
        op.responses.append(response)
    if response.body is None:
        response.body = Body()
    body = response.body
    if body.example is MISSING:
        body.example = example
    if body.schema is None:
        body.schema = infer_schema(example)
        if body.description:
            body.schema["description"] = body.description
    elif fill:
        body.schema = fill_from_example(body.schema, example)


def apply_curl(op: Operation, curl: Curl) -> None:
    """What a curl sample adds: headers, the URL, and a request body only it shows."""
    op.curl_headers.update({k: v for k, v in curl.headers.items() if k not in op.curl_headers})
    if op.url is None:
        op.url = curl.url
    if op.request is None and curl.data is not None:
        op.request = Body(schema=infer_schema(curl.data), example=curl.data, required=True)
    elif op.request is not None and curl.data is not None and op.request.example is MISSING:
        op.request.example = curl.data
        if op.request.schema is not None:
            op.request.schema = fill_from_example(op.request.schema, curl.data)
