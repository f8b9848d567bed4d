"""The field tree every family's parser produces, and its one conversion to JSON Schema.

A `Field` is a name, a type expression as written, a required flag (None: not stated),
description lines, and children. `field_schema` applies the type, the prose facts
("Default value is 20.", "Values are asc or desc." ...), nullability and nesting in one place,
so all families agree on what a stated fact becomes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.model import MISSING, Example, Schema
from generator.scrape.prose import coerce, prose_facts, split_values
from generator.scrape.types import TypeExpr, parse_type


@dataclass
class Field:
    name: str
    type_text: str = ""
    required: bool | None = None
    description: list[str] = field(default_factory=list)
    example: Example = MISSING
    default: str | None = None
    enum: list[str] = field(default_factory=list)
    children: list[Field] = field(default_factory=list)
    line: int = 0
    deprecated: bool = False
    additional: bool = False
    """A `*` / "Additional properties" entry: the schema of the parent's other keys."""
    one_of: bool = False
    titled: bool = False
    """An Apifox union alternative: `name` is its title, not a property name."""
    location: str | None = None
    """Where a parameter goes when the block says so (`header`, `query` ...)."""
    stated: Schema = field(default_factory=dict)
    """Keywords the field line states outright (GitBook `· max: 20` -> `maxItems`)."""

    @property
    def text(self) -> str:
        return join_prose(self.description)


def join_prose(parts: list[str]) -> str:
    """Join wrapped description lines; no space before punctuation that starts a line."""
    if len(parts) <= 1:  # most descriptions: one line, or none
        return parts[0].strip() if parts else ""
    out = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if out and not part.startswith((",", ".", ";", ":", ")", "!", "?")):
            out += " "
        out += part
    return out


def field_schema(item: Field) -> Schema:
    expr = parse_type(item.type_text) if item.type_text else None
    schema = expr.to_schema() if expr else {}
    json_type = main_type(expr)
    text = item.text
    facts = prose_facts(text, json_type) if text else {}
    if item.enum:
        facts["enum"] = [coerce(v, json_type) for v in item.enum]
    elif expr is not None and expr.is_enum and not facts.get("enum"):
        facts.pop("enum", None)
    if item.default is not None:
        facts["default"] = coerce(item.default, json_type)
    facts.update(item.stated)
    if text:
        schema["description"] = text
    _apply_facts(schema, facts, expr)
    if item.children and expr is not None and expr.union:
        _apply_alternatives(schema, item.children, expr.union)
    elif item.children:
        _apply_children(schema, item.children)
    if item.example is not MISSING and not item.children:
        schema["examples"] = [example_value(item.example, json_type)]
    if item.deprecated:
        schema["deprecated"] = True
    return schema


def example_value(raw: Any, json_type: str | None) -> Any:
    """A stated example as a value of the field's type (page text is a string)."""
    return coerce(raw, json_type) if isinstance(raw, str) else raw


_BOUND_KEYWORDS = {
    ">=": ("minimum", "minLength", "minItems"),
    "≥": ("minimum", "minLength", "minItems"),
    ">": ("exclusiveMinimum", "", ""),
    "<=": ("maximum", "maxLength", "maxItems"),
    "≤": ("maximum", "maxLength", "maxItems"),
    "<": ("exclusiveMaximum", "", ""),
}


def bound_keyword(op: str, json_type: str | None) -> str:
    """The keyword a stated bound (`>= 1`, `≤ 256`) sets on a number, a string (its length)
    or an array (its items); "" when it sets none (`< 5` on a string)."""
    return _BOUND_KEYWORDS[op][{"string": 1, "array": 2}.get(json_type or "", 0)]


def bound_value(raw: str) -> float | int:
    """A bound as written: `20` an int, `0.5` a float."""
    return float(raw) if "." in raw else int(raw)


def main_type(expr: TypeExpr | None) -> str | None:
    if expr is None:
        return None
    named = [t for t in expr.types if t not in ("null", "any")]
    return named[0] if named else None


def _apply_facts(schema: Schema, facts: Schema, expr: TypeExpr | None) -> None:
    enum = facts.pop("enum", None)
    schema.update(facts)
    if enum is None:
        return
    types = schema.get("type")
    if isinstance(types, str) or types is None:
        schema["enum"] = enum
    elif expr is not None and "array" in expr.types and isinstance(schema.get("items"), dict):
        schema["items"]["enum"] = enum
    else:
        _enum_union(schema, list(types), enum)


def _enum_union(schema: Schema, types: list[str], enum: list[Any]) -> None:
    """`string | null` with values: enum plus null; `string | object` with values: a oneOf."""
    named = [t for t in types if t != "null"]
    if len(named) <= 1:
        schema["enum"] = [*enum, None] if None not in enum else enum
        return
    enum_type = _json_type(enum[0])
    branches: list[Schema] = []
    for kind in types:
        branch: Schema = {"type": kind}
        if kind == enum_type:
            branch["enum"] = enum
            if "default" in schema and _json_type(schema["default"]) == kind:
                branch["default"] = schema.pop("default")
        branches.append(branch)
    del schema["type"]
    schema["oneOf"] = branches


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    return "string" if isinstance(value, str) else "object"


def _apply_alternatives(schema: Schema, children: list[Field], union: str) -> None:
    """Titled alternatives (`Text content`, `Image URL content`) as a oneOf/anyOf."""
    branches: list[Schema] = []
    for child in children:
        branch = field_schema(child)
        if child.titled and child.name:
            branch = {"title": child.name, **branch}
        branches.append(branch)
    target = schema
    if _is_array(schema) or schema.get("type") == "array":
        target = schema.setdefault("items", {})
    target[union] = branches


def _apply_children(schema: Schema, children: list[Field]) -> None:
    target = schema
    if _is_array(schema):
        target = schema.setdefault("items", {})
        target.setdefault("type", "object")
    properties: dict[str, Any] = {}
    required: list[str] = []
    for child in children:
        if child.titled:
            continue
        if child.additional:
            target["additionalProperties"] = field_schema(child)
            continue
        if not child.name or child.name in properties:
            continue
        properties[child.name] = field_schema(child)
        if child.required:
            required.append(child.name)
    if properties:
        target["properties"] = properties
    if required:
        target["required"] = required


def _is_array(schema: Schema) -> bool:
    kind = schema.get("type")
    return kind == "array" or (isinstance(kind, list) and "array" in kind and "object" not in kind)


def object_schema(fields: list[Field]) -> Schema:
    """The object schema a list of top-level fields describes (a lone nameless union: the
    union itself, Stainless's `body: Cat { ... } or Dog { ... }`)."""
    if len(fields) == 1 and not fields[0].name and fields[0].type_text == "oneOf":
        return field_schema(fields[0])
    schema: Schema = {"type": "object"}
    _apply_children(schema, fields)
    return schema


def values_list(lines: list[str]) -> list[str]:
    """Values listed one per line after "Available options:" (`asc,` / `desc`)."""
    return split_values(" ".join(lines))
