"""Pseudo-JSON whose values are type names: a schema sketch, not an example.

Pages write a body's shape as JSON with types for values: `{"id": string, "amount":
decimal, "state": "Open" | "Shut", "note": string | null, "tags": [string]}` (unquoted
keys too, TypeScript style). Such text is not JSON, so it is read only when the example
reader gives up: bare type words give the stated type, a union of quoted words an enum,
`| null` nullability. A quoted type name (`"string"`) among them is a placeholder whose type
the page leaves open, and a map written `{"string": ...}` is an object with no properties.
Nothing is marked required (a sketch does not say).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from generator import lazyre
from generator.model import Schema
from generator.scrape.jsonish import parse_jsonish
from generator.scrape.tsmembers import apply_required, looks_like_members, members_to_sketch
from generator.scrape.types import parse_type

_MARK = "\u0000"
_ALT = r'"(?:[^"\\\n]|\\.)*"|[A-Za-z_][\w.-]*(?:<[^<>\n]*>)?(?:\[\])?'
_RUN = lazyre.compile(rf"(?:{_ALT})(?:\s*\|\s*(?:{_ALT}))*")
_ONE = lazyre.compile(_ALT)
_KEY_AFTER = lazyre.compile(r"\s*:")
_LITERALS = ("true", "false", "null")


@dataclass(frozen=True)
class Sketch:
    """A JSON-shaped block read as a schema (its values are types, not example values)."""

    schema: Schema


def sketch_schema(text: str, *, cut: bool = False) -> Schema | None:
    """The schema a pseudo-JSON text states; None when it is no such text (or plain JSON)."""
    if looks_like_members(text):
        schema = _sketch(members_to_sketch(text), cut=cut)
        return apply_required(schema) if schema is not None else None
    return _sketch(text, cut=cut)


def _sketch(text: str, *, cut: bool) -> Schema | None:
    marked, count = _mark_types(text)
    if not count:
        return None
    try:
        value = parse_jsonish(marked, cut=cut)
    except ValueError:
        return None
    return _schema(value) if isinstance(value, dict | list) else None


def placeholder_schema(value: Any) -> Schema | None:
    """The schema of valid JSON whose every value is a quoted type name (`{"id": "integer",
    "name": "string"}`): its keys, their types left open (the words stand in for values);
    None for an example with a value of its own, fewer than two values, or a `type` key (a
    JSON Schema shown as the example)."""
    count = _type_leaves(value)
    if count is None or count < 2:
        return None
    return _schema(value)


def _type_leaves(value: Any) -> int | None:
    """How many values end `value`'s objects and arrays (an array's first item counted), if
    each is a type name; None at the first that is not, or past a `type` key."""
    if isinstance(value, dict):
        if "type" in value:
            return None
        count = 0
        for child in value.values():
            inner = _type_leaves(child)
            if inner is None:
                return None
            count += inner
        return count
    if isinstance(value, list):
        return _type_leaves(value[0]) if value else 0
    return 1 if isinstance(value, str) and parse_type(value) is not None else None


def _mark_types(text: str) -> tuple[str, int]:
    """`text` with each type expression turned into a marked string, unquoted keys quoted;
    and how many type expressions there were."""
    out: list[str] = []
    count, at = 0, 0
    for match in _RUN.finditer(text):
        run = match.group(0)
        out.append(text[at : match.start()])
        at = match.end()
        if match.start() and text[match.start() - 1] == '"':  # inside a string cut off
            out.append(run)
        elif _KEY_AFTER.match(text, match.end()):
            out.append(run if run.startswith('"') else json.dumps(run))
        elif "|" in run or not (run.startswith('"') or run in _LITERALS):
            out.append(json.dumps(_MARK + run))
            count += 1
        else:
            out.append(run)
    out.append(text[at:])
    return "".join(out), count


def _schema(value: Any) -> Schema:
    if isinstance(value, dict):
        if value and all(parse_type(key) is not None for key in value):
            return {"type": "object"}  # a map: {"string": "string"}
        return {"type": "object", "properties": {k: _schema(v) for k, v in value.items()}}
    if isinstance(value, list):
        schema: Schema = {"type": "array"}
        if value:
            schema["items"] = _schema(value[0])
        return schema
    if isinstance(value, str):
        if value.startswith(_MARK):
            return _expression(value[1:])
        return {} if parse_type(value) is not None else {"type": "string"}
    if isinstance(value, bool):
        return {"type": "boolean"}
    if isinstance(value, int):
        return {"type": "integer"}
    if isinstance(value, float):
        return {"type": "number"}
    return {"type": "null"}


def _expression(text: str) -> Schema:
    """`string | null`, `"Open" | "Shut"`, `date-time`: the schema a type expression states
    (no type when one of its words is not a type name)."""
    types: list[str] = []
    values: list[str] = []
    fmt: str | None = None
    for word in _ONE.findall(text):
        if word.startswith('"'):
            values.append(json.loads(word))
        expr = parse_type("string" if word.startswith('"') else word)
        if expr is None or "any" in expr.types:
            return {}
        types.extend(t for t in expr.types if t not in types)
        fmt = fmt or expr.format
        if expr.items is not None and len(_ONE.findall(text)) == 1:
            return expr.to_schema()
    schema: Schema = {"type": types[0] if len(types) == 1 else types}
    if fmt:
        schema["format"] = fmt
    if values:
        schema["enum"] = values
    return schema
