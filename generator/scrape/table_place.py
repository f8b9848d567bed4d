"""Where the fields of a parameter table go when its heading does not say (`请求参数`,
`Parameters`, or a table before any heading): a location column decides, else the path's
placeholders (`{id}`, `:id`, `<id>`) are path parameters, well-known request headers
(`Accept`, `Authorization`, `X-...`) header parameters, and the others query parameters of a
GET, HEAD or DELETE and body fields of the other methods."""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator import lazyre
from generator.model import Line, Operation
from generator.scrape.assemble import body_from, parameters_from
from generator.scrape.examples import split_content
from generator.scrape.fields import Field, object_schema
from generator.scrape.prose_params import named_params
from generator.scrape.sections import Section
from generator.scrape.table_fields import table_fields
from generator.scrape.table_rows import find_tables, may_hold_table
from generator.scrape.table_values import apply_values, is_value_table

_PLACEHOLDER = lazyre.compile(
    r"\{\s*([^{}=|\s]+)[^{}]*\}|(?<=/):([A-Za-z_]\w*)|<([A-Za-z_][\w-]*)>"
)
_HEADERS = frozenset(
    {
        "accept",
        "accept-language",
        "accept-encoding",
        "authorization",
        "content-type",
        "content-length",
        "cookie",
        "user-agent",
        "if-match",
        "if-none-match",
        "idempotency-key",
    }
)
_QUERY_METHODS = ("GET", "HEAD", "DELETE", "OPTIONS")
_PARAM_WORDS = lazyre.compile(r"param|argument|参数|參數|パラメータ|파라미터|引数", re.I)
_TITLE_WORDS = 6


def place_params(op: Operation, section: Section) -> None:
    """The fields of the tables of a parameters section, each where it goes."""
    fields: list[Field] = []
    tables = find_tables(section.lines) if may_hold_table(section.lines) else []
    for table in tables:  # a cell may hold JSON: the lines as shown
        if section.heading is None and _under_other_title(section.lines, table.start):
            continue
        if is_value_table(section.lines, table):
            apply_values(fields, table)
        else:
            fields.extend(table_fields(table))
    if not fields and section.heading is None:
        return
    content = split_content(section.lines)
    if not fields:
        fields = _bullet_fields(content.lines) or _block_fields(content.lines)
    if not fields:
        return
    placeholders = path_placeholders(op.path)
    body: list[Field] = []
    for location in ("path", "query", "header", "cookie"):
        chosen = [f for f in fields if _location(f, placeholders, op.method) == location]
        op.parameters.extend(parameters_from(chosen, location))
    body = [f for f in fields if _location(f, placeholders, op.method) == "body"]
    if body:
        _add_body(op, body, section, content.media_type)


def place_prose_params(op: Operation, section: Section) -> None:
    """Parameters only the prose of an operation with no field list names ("the properties
    object body param"), each with the type the sentence gives it, if any."""
    text = " ".join(line.text for line in section.lines)
    fields = [
        Field(name=name, type_text=kind or "", location=location)
        for name, location, kind in named_params(text)
    ]
    for location in ("path", "query"):
        chosen = [f for f in fields if f.location == location]
        op.parameters.extend(parameters_from(chosen, location))
    body = [f for f in fields if f.location == "body"]
    if body and op.method.upper() not in _QUERY_METHODS:
        op.request = body_from(body, [], section.media_type)


def _bullet_fields(lines: Sequence[Line]) -> list[Field]:
    """A parameters heading over a bullet list (`• weightintegerRequired`), no table."""
    from generator.scrape.bullets import is_bullet_field, parse_bullets  # noqa: PLC0415

    if not any(is_bullet_field(line.text) for line in lines):
        return []
    return [item for item in parse_bullets(lines) if item.type_text or item.children]


def _block_fields(lines: Sequence[Line]) -> list[Field]:
    """A parameters heading over vertical records (name / type / `(query)` ...), no table."""
    from generator.scrape.blocks import parse_blocks  # noqa: PLC0415
    from generator.scrape.unglue import unglue  # noqa: PLC0415

    return [item for item in parse_blocks(unglue(lines)) if item.type_text]


def path_placeholders(path: str) -> set[str]:
    path = path.split("://", 1)[-1].split("?", 1)[0]
    return {next(g for g in m.groups() if g) for m in _PLACEHOLDER.finditer(path)}


def _location(item: Field, placeholders: set[str], method: str) -> str:
    if item.name in placeholders:
        return "path"
    if item.location in ("path", "query", "header", "cookie", "body"):
        return item.location
    if item.name.lower() in _HEADERS or item.name.lower().startswith("x-"):
        return "header"
    return "query" if method.upper() in _QUERY_METHODS else "body"


def _add_body(op: Operation, fields: list[Field], section: Section, media: str | None) -> None:
    if op.request is None or op.request.schema is None:
        body = body_from(fields, [], section.media_type or media)
        body.required = True
        if op.request is not None:
            body.example = op.request.example
        op.request = body
        return
    properties = op.request.schema.setdefault("properties", {})
    extra = object_schema([f for f in fields if f.name not in properties])
    properties.update(extra.get("properties", {}))
    required = extra.get("required", [])
    if required:
        op.request.schema.setdefault("required", []).extend(required)


def _under_other_title(lines: Sequence[Line], start: int) -> bool:
    """A table before any heading sits under a title that is none of the known headings:
    a short line without a full stop (`Fields`) not about parameters."""
    if start == 0:
        return False
    title = lines[start - 1].text.strip().strip("#*: ")
    if not title or len(title.split()) > _TITLE_WORDS or title.endswith((".", "。", ":", "：")):
        return False
    if "|" in title:
        return False
    return not _PARAM_WORDS.search(title)
