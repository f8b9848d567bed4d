"""Type expressions as doc pages write them, to JSON Schema.

Handles `string`, `string | null`, `null`, `array[string]`, `array [object {13}]`,
`object[]`, `string[]`, `enum<string>`, `integer<int64>`, `string(date-time)`,
`array<string>`, `map<string, string>`, `object {2}`, a bare `enum` (a string) and common
aliases (`int`, `bool`, `float`, `file`). `TypeExpr.child_count` is the `{N}` Apifox puts
after objects: the number of field blocks that follow as children.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from generator import lazyre
from generator.model import Schema

_ALIASES = {
    "string": "string",
    "str": "string",
    "uuid": "string",
    "date": "string",
    "datetime": "string",
    "date-time": "string",
    "url": "string",
    "uri": "string",
    "integer": "integer",
    "int": "integer",
    "int32": "integer",
    "int64": "integer",
    "long": "integer",
    "timestamp": "integer",
    "number": "number",
    "float": "number",
    "double": "number",
    "decimal": "number",
    "boolean": "boolean",
    "bool": "boolean",
    "object": "object",
    "dict": "object",
    "map": "object",
    "array": "array",
    "list": "array",
    "null": "null",
    "file": "string",
    "binary": "string",
    "any": "any",
    "oneof": "oneOf",
    "anyof": "anyOf",
    "allof": "allOf",
}
UNIONS = ("oneOf", "anyOf", "allOf")
_FORMATS = {
    "uuid",
    "date",
    "date-time",
    "datetime",
    "uri",
    "url",
    "binary",
    "int32",
    "int64",
    "float",
    "double",
    "email",
    "byte",
    "password",
    "file",
}
_COUNT = lazyre.compile(r"\s*\{\s*(\d+)\s*\}\s*$")
_GENERIC = lazyre.compile(r"^([a-z]+)\s*[<(]\s*([^<>()]+?)\s*[>)]$")
_FORMAT_AFTER = lazyre.compile(r"^(.*?\S)\s*[Ff]ormat:\s*([A-Za-z][\w-]*)$")
_ARRAY_OF = lazyre.compile(
    r"^(?:array|list)\s*\[\s*(.+?)\s*\]$|^(?:array|list) of (\w+?)s?$|^\[\s*([a-z]\w*)\s*\]$"
)
"""`array[string]`, `list of strings`, and `[object]` (Widdershins-style exports)."""


@dataclass(frozen=True)
class TypeExpr:
    """A parsed type: JSON types (null included), array items, format, `{N}` children."""

    types: tuple[str, ...]
    items: TypeExpr | None = None
    format: str | None = None
    child_count: int | None = None
    is_enum: bool = False
    values: TypeExpr | None = None
    """The value type of a map (`map<string, integer>`): its `additionalProperties`."""

    def to_schema(self) -> Schema:
        schema: Schema = {}
        named = [t for t in self.types if t != "any" and t not in UNIONS]
        if len(named) == 1:
            schema["type"] = named[0]
        elif named:
            schema["type"] = list(named)
        if self.format:
            schema["format"] = self.format
        if self.items is not None:
            schema["items"] = self.items.to_schema()
        if self.values is not None:
            schema["additionalProperties"] = self.values.to_schema()
        return schema

    @property
    def union(self) -> str | None:
        """`oneOf`/`anyOf`/`allOf` when the type is a union of titled alternatives."""
        found = [t for t in self.types if t in UNIONS]
        if not found and self.items is not None:
            return self.items.union
        return found[0] if found else None

    @property
    def nested_count(self) -> int | None:
        return (
            self.child_count
            if self.child_count is not None
            else (self.items.nested_count if self.items else None)
        )


_SPACED_TYPE = lazyre.compile(r"[|¦<\[({]|\s(?:or|OR)\s| of |ormat:")
"""What a type expression holding a space has: no type word holds one, so a line with a
space and none of these (a line of prose, most lines) is no type."""


@lru_cache(maxsize=8192)
def parse_type(text: str) -> TypeExpr | None:
    """Parse a whole type expression; None when `text` is not one."""
    text = text.strip().rstrip(",")
    if not text or len(text) > 80 or (" " in text and _SPACED_TYPE.search(text) is None):
        return None
    return parse_expression(text)


def parse_expression(text: str) -> TypeExpr | None:
    """`parse_type` of a stripped text, without its cache and its quick test for prose."""
    if "ormat:" in text:
        return _with_format(text)
    alternatives = _alternatives(text)
    parsed = [_parse_single(part.lower()) for part in alternatives]
    if any(p is None for p in parsed):
        return None
    exprs = [p for p in parsed if p is not None]
    if len(exprs) == 1:
        return exprs[0]
    types: list[str] = []
    for expr in exprs:
        types.extend(t for t in expr.types if t not in types)
    items = next((e.items for e in exprs if e.items is not None), None)
    count = next((e.child_count for e in exprs if e.child_count is not None), None)
    fmt = next((e.format for e in exprs if e.format), None)
    values = next((e.values for e in exprs if e.values is not None), None)
    return TypeExpr(tuple(types), items, fmt, count, values=values)


def _with_format(text: str) -> TypeExpr | None:
    """`string format: uri`, `string | null format: email`, `stringFormat: date`: a type and,
    after it, its format."""
    match = _FORMAT_AFTER.match(text)
    if match is None:
        return None
    expr = parse_type(match.group(1))
    if expr is None or expr.items is not None:
        return None
    fmt = _format_name(match.group(2).lower())
    return TypeExpr(expr.types, format=fmt, child_count=expr.child_count, is_enum=expr.is_enum)


_ALTERNATIVE_TOKEN = lazyre.compile(r"[<\[(]|[>\])]|\s*[|¦]\s*|\s+(?:or|OR)\s+")


def _alternatives(text: str) -> list[str]:
    """`a | b`, `a ¦ b` (Widdershins) and `a or b` split where no bracket is open
    (`map<string, a | b>` stays whole)."""
    parts: list[str] = []
    depth, start = 0, 0
    for match in _ALTERNATIVE_TOKEN.finditer(text):
        token = match.group(0)
        if token in "<[(":
            depth += 1
        elif token in ">])":
            depth -= 1
        elif depth == 0:
            parts.append(text[start : match.start()].strip())
            start = match.end()
    parts.append(text[start:].strip())
    return parts


def _parse_single(text: str) -> TypeExpr | None:
    count_match = _COUNT.search(text)
    count = int(count_match.group(1)) if count_match else None
    if count_match:
        text = text[: count_match.start()].strip()
    if text.endswith("[]"):
        inner = _parse_single(text[:-2].strip())
        return None if inner is None else TypeExpr(("array",), inner, child_count=count)
    array_of = _ARRAY_OF.match(text)
    if array_of:
        inner = _parse_single(array_of.group(1) or array_of.group(2) or array_of.group(3))
        return None if inner is None else TypeExpr(("array",), inner)
    generic = _GENERIC.match(text)
    if generic:
        return _parse_generic(generic.group(1), generic.group(2), count)
    if text == "enum":  # a bare `enum` (Fern, Stripe): a string that takes listed values
        return TypeExpr(("string",), is_enum=True)
    base = _ALIASES.get(text)
    if base is None:
        return None
    fmt = text if (text in _FORMATS and text not in ("float", "double")) or text == "file" else None
    return TypeExpr((base,), format=_format_name(fmt), child_count=count)


def _parse_generic(outer: str, inner: str, count: int | None) -> TypeExpr | None:
    if outer == "enum":
        base = _parse_single(inner)
        return None if base is None else TypeExpr(base.types, is_enum=True)
    if outer in ("array", "list"):
        item = _parse_single(inner)
        return None if item is None else TypeExpr(("array",), item)
    if outer in ("map", "dict", "record"):
        _key, comma, value = inner.partition(",")
        values = parse_type(value) if comma else None
        return TypeExpr(("object",), child_count=count, values=values)
    alias = _ALIASES.get(outer)
    if alias is None:
        return None
    scalar = alias in ("string", "integer", "number")
    inner = inner.removeprefix("$")  # `integer($int64)` (Swagger UI)
    fmt = inner if scalar and re.fullmatch(r"[a-z][\w-]*", inner) else None
    return TypeExpr((alias,), format=_format_name(fmt), child_count=count)


def _format_name(fmt: str | None) -> str | None:
    return {"datetime": "date-time", "file": "binary", "url": "uri"}.get(fmt or "", fmt)
