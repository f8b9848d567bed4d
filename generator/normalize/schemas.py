"""Shared schemas: name request/response bodies and list items, merge equal names.

A response whose example or schema says `"object": "assistant"` is an `Assistant`; a list
envelope (`data` array plus `has_more`/`object: list`) is `<OperationId>Response` and its items
are named the same way; request bodies are `<OperationId>Request`. Two pages that describe the
same object under one name are merged (stated facts win over inferred ones).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.model import MISSING, Body, Operation, Schema, Span
from generator.normalize.naming import object_type_name, pascal
from generator.scrape.infer import INFERRED

REF = "#/components/schemas/"


@dataclass
class Registry:
    """Named schemas collected while walking the operations."""

    schemas: dict[str, Schema] = field(default_factory=dict)
    sources: dict[str, list[Span]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def add(self, name: str, schema: Schema, span: Span) -> str:
        """Register `schema` as `name` (merging with an equal-named one); return the name used."""
        existing = self.schemas.get(name)
        if existing is None:
            self.schemas[name] = schema
        elif _compatible(existing, schema):
            self.schemas[name] = merge_schemas(existing, schema)
        else:
            return ""
        spans = self.sources.setdefault(name, [])
        if span not in spans:
            spans.append(span)
        return name


def name_operation_schemas(op: Operation, registry: Registry) -> None:
    base = pascal(op.operation_id or "operation")
    if op.request is not None and _is_object(op.request.schema):
        _register(op.request, f"{base}Request", registry, op.span, op.request.example)
    for response in op.responses:
        body = response.body
        if body is None or not response.status.startswith("2") or not _is_object(body.schema):
            continue
        assert body.schema is not None
        _name_list_items(body, registry, op.span)
        name = _object_name(body.schema, body.example) or f"{base}Response"
        _register(body, name, registry, op.span, body.example, fallback=f"{base}Response")


def _register(
    body: Body, name: str, registry: Registry, span: Span, example: Any, *, fallback: str = ""
) -> None:
    assert body.schema is not None
    schema = dict(body.schema)
    schema.setdefault("title", name)
    used = registry.add(name, schema, span) or (fallback and registry.add(fallback, schema, span))
    if used:
        body.schema = {"$ref": REF + used}


def _name_list_items(body: Body, registry: Registry, span: Span) -> None:
    schema = body.schema or {}
    data = schema.get("properties", {}).get("data")
    if not isinstance(data, dict) or not isinstance(data.get("items"), dict):
        return
    items = data["items"]
    example = body.example if isinstance(body.example, dict) else {}
    sample = example.get("data") if example else None
    first = sample[0] if isinstance(sample, list) and sample else MISSING
    name = _object_name(items, first)
    if name and _is_object(items):
        item_schema = dict(items)
        if data.get("description") and "description" not in item_schema:
            item_schema["description"] = data["description"]
        item_schema.setdefault("title", name)
        if registry.add(name, item_schema, span):
            data["items"] = {"$ref": REF + name}


def _object_name(schema: Schema, example: Any) -> str | None:
    """The name an object's own `object` field gives it (`"assistant"` -> Assistant)."""
    prop = schema.get("properties", {}).get("object", {})
    values: list[Any] = []
    if isinstance(prop, dict):
        values.extend(prop.get("enum", []) or [])
        values.extend(prop.get("examples", []) or [])
    if isinstance(example, dict) and isinstance(example.get("object"), str):
        values.append(example["object"])
    for value in values:
        if isinstance(value, str) and value and value != "list" and "<" not in value:
            return object_type_name(value)
    title = schema.get("title")
    return pascal(title) if isinstance(title, str) and title.strip() else None


def _is_object(schema: Schema | None) -> bool:
    if not schema or "$ref" in schema:
        return False
    kind = schema.get("type")
    return (
        kind == "object" or (isinstance(kind, list) and "object" in kind) or "properties" in schema
    )


def _compatible(a: Schema, b: Schema) -> bool:
    keys_a, keys_b = set(a.get("properties", {})), set(b.get("properties", {}))
    if not keys_a or not keys_b:
        return True
    return len(keys_a & keys_b) >= 0.5 * min(len(keys_a), len(keys_b))


def merge_schemas(a: Schema, b: Schema) -> Schema:
    """One schema from two descriptions of the same object; stated beats inferred."""
    if a.get(INFERRED) and not b.get(INFERRED):
        a, b = b, a
    merged = dict(a)
    for key, value in b.items():
        if key == "properties" or (key == INFERRED and not a.get(INFERRED)):
            continue
        merged.setdefault(key, value)
    props_a, props_b = a.get("properties", {}), b.get("properties", {})
    if props_a or props_b:
        props = dict(props_a)
        for key, value in props_b.items():
            both = key in props and isinstance(props[key], dict) and isinstance(value, dict)
            props[key] = merge_schemas(props[key], value) if both else props.get(key, value)
        merged["properties"] = props
    return merged
