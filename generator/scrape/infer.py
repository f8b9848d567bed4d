"""Schemas from JSON examples (genson), and filling a stated schema's gaps from an example.

Everything that comes only from an example carries `x-inferred: true` and states no
`required` (the page says nothing about it).
"""

from __future__ import annotations

from typing import Any

from genson import SchemaBuilder

from generator.model import Schema

INFERRED = "x-inferred"


def infer_schema(example: Any) -> Schema:
    """The schema an example value shows, marked as inferred."""
    builder = SchemaBuilder(schema_uri=None)
    builder.add_object(example)
    schema: Schema = _clean(builder.to_schema())
    schema[INFERRED] = True
    return schema


def _clean(node: Any) -> Any:
    """genson's schema without `required`/`$schema` (a `properties` map keeps every key)."""
    if isinstance(node, list):
        return [_clean(item) for item in node]
    if not isinstance(node, dict):
        return node
    cleaned = {k: _clean(v) for k, v in node.items() if k not in ("required", "$schema")}
    if isinstance(node.get("properties"), dict):
        cleaned["properties"] = {k: _clean(v) for k, v in node["properties"].items()}
        if placeholder_keys(cleaned["properties"]):  # a map's sample keys: no properties
            values = cleaned.pop("properties")
            cleaned["additionalProperties"] = next(iter(values.values()))
    if "anyOf" in cleaned:
        cleaned = _flatten_any_of(cleaned)
    if isinstance(cleaned.get("type"), list):
        cleaned["type"] = sorted(cleaned["type"], key=lambda t: t == "null")
    return cleaned


_PLACEHOLDER_STEMS = ("property", "additionalProp")


def placeholder_keys(keys: Any) -> bool:
    """Keys a doc tool makes up for a map's sample (`property1`, `property2`: Widdershins;
    `additionalProp1` ... `additionalProp3`: Swagger UI): two or more, numbered from 1."""
    names = list(keys)
    if len(names) < 2 or len(names) > 5:
        return False
    return any(
        names == [f"{stem}{n}" for n in range(1, len(names) + 1)] for stem in _PLACEHOLDER_STEMS
    )


def _flatten_any_of(node: Schema) -> Schema:
    """genson writes mixed examples as anyOf; simple scalar mixes read better as a type list."""
    members = node["anyOf"]
    if all(set(m) <= {"type"} for m in members):
        types: list[str] = []
        for member in members:
            member_types = member["type"] if isinstance(member["type"], list) else [member["type"]]
            types.extend(t for t in member_types if t not in types)
        rest = {k: v for k, v in node.items() if k != "anyOf"}
        return {**rest, "type": types if len(types) > 1 else types[0]}
    return node


def fill_from_example(schema: Schema, example: Any) -> Schema:
    """Add to `schema` what `example` shows and the stated tree leaves out (never overrides)."""
    if isinstance(example, dict) and placeholder_keys(example):
        if _is_open_object(schema) and not schema.get("properties"):
            schema.pop("properties", None)
            schema["additionalProperties"] = infer_schema(next(iter(example.values())))
    elif isinstance(example, dict) and _is_open_object(schema):
        properties = schema.setdefault("properties", {})
        for key, value in example.items():
            if key in properties:
                properties[key] = fill_from_example(properties[key], value)
            else:
                properties[key] = infer_schema(value)
        if not properties:
            del schema["properties"]
    elif isinstance(example, list) and example and _types(schema) & {"array"}:
        items = schema.get("items")
        merged = _merged_items(example)
        if items is None or items == {}:
            schema["items"] = infer_schema(merged)
        elif isinstance(items, dict):
            schema["items"] = fill_from_example(items, merged)
    return schema


def _merged_items(example: list[Any]) -> Any:
    """One representative item: object items merged key by key, else the first item."""
    objects = [item for item in example if isinstance(item, dict)]
    if not objects:
        return example[0]
    merged: dict[str, Any] = {}
    for item in objects:
        for key, value in item.items():
            if key not in merged or merged[key] is None:
                merged[key] = value
    return merged


def _is_open_object(schema: Schema) -> bool:
    types = _types(schema)
    return (
        ("object" in types or (not types and "properties" in schema))
        and "additionalProperties" not in schema
        and not any(k in schema for k in ("oneOf", "anyOf", "$ref"))
    )


def _types(schema: Schema) -> set[str]:
    value = schema.get("type")
    if isinstance(value, str):
        return {value}
    return set(value) if isinstance(value, list) else set()
