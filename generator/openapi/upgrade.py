"""Bring OpenAPI 3.0 and Swagger 2.0 documents to the 3.1 shapes the rest of the tool reads.

3.0 `nullable: true` becomes a `"null"` member of `type` (or of `anyOf`), also in its
`allOf: [{$ref}, {nullable: true}]` form; `exclusiveMinimum: true` becomes a number; Swagger
`definitions` refs point into `components/schemas`. A whole Swagger 2.0 document is first
brought to OpenAPI 3 shape (`swagger2.from_swagger2`). Example and enum values are data and
are copied as they are.
"""

from __future__ import annotations

from typing import Any

from generator.openapi.swagger2 import from_swagger2

_DEFINITIONS = "#/definitions/"
_DATA_KEYS = {"example", "examples", "default", "enum", "const"}
_MAPS = {
    "properties",
    "patternProperties",
    "$defs",
    "definitions",
    "schemas",
    "paths",
    "responses",
    "content",
    "headers",
    "requestBodies",
    "callbacks",
    "webhooks",
}


def upgrade_document(doc: dict[str, Any]) -> dict[str, Any]:
    """A copy of a Swagger 2.0 / OpenAPI 3.0 / 3.1 document in OpenAPI 3.1 shape."""
    if "swagger" in doc and "openapi" not in doc:
        doc = from_swagger2(doc)
    out: dict[str, Any] = upgrade_schema(doc)
    out["openapi"] = "3.1.0"
    return out


def upgrade_schema(node: Any) -> Any:
    """A deep copy of `node` with 3.0/2.0 idioms rewritten (works on whole documents)."""
    if isinstance(node, list):
        return [upgrade_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = _lift_nullable(node)
    out = {key: _upgrade_value(key, value) for key, value in node.items()}
    if isinstance(out.get("$ref"), str) and out["$ref"].startswith(_DEFINITIONS):
        out["$ref"] = "#/components/schemas/" + out["$ref"][len(_DEFINITIONS) :]
    if "definitions" in out and "swagger" in out:
        out.setdefault("components", {}).setdefault("schemas", out.pop("definitions"))
    if out.get("nullable") is True:
        _add_null(out)
    out.pop("nullable", None) if isinstance(out.get("nullable"), bool) else None
    for bound, plain in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
        if isinstance(out.get(bound), bool) and out.pop(bound) and plain in out:
            out[bound] = out.pop(plain)
    return out


def _upgrade_value(key: str, value: Any) -> Any:
    """Keyword values are upgraded; a map's keys are names (a property may be `default`)."""
    if key in _DATA_KEYS:
        return value
    if key in _MAPS and isinstance(value, dict):
        return {name: upgrade_schema(item) for name, item in value.items()}
    return upgrade_schema(value)


def _lift_nullable(node: dict[str, Any]) -> dict[str, Any]:
    """`allOf: [X, {nullable: true}]` (3.0's nullable reference) -> `allOf: [X]`, nullable."""
    members = node.get("allOf")
    if not isinstance(members, list):
        return node
    flags = [
        m
        for m in members
        if isinstance(m, dict)
        and m.get("nullable") is True
        and set(m) <= {"nullable", "description"}
    ]
    if not flags:
        return node
    out = {key: value for key, value in node.items() if key != "allOf"}
    rest = [m for m in members if not any(m is flag for flag in flags)]
    if rest:
        out["allOf"] = rest
    out["nullable"] = True
    return out


def _add_null(schema: dict[str, Any]) -> None:
    kind = schema.get("type")
    if isinstance(kind, str):
        schema["type"] = [kind, "null"]
    elif isinstance(kind, list) and "null" not in kind:
        schema["type"] = [*kind, "null"]
    elif kind is None and isinstance(schema.get("anyOf"), list) and "allOf" not in schema:
        if {"type": "null"} not in schema["anyOf"]:
            schema["anyOf"] = [*schema["anyOf"], {"type": "null"}]
    elif kind is None and ("$ref" in schema or "allOf" in schema or "oneOf" in schema):
        moved = {k: schema.pop(k) for k in ("$ref", "allOf", "oneOf") if k in schema}
        only = moved.get("allOf") if list(moved) == ["allOf"] else None
        member = only[0] if isinstance(only, list) and len(only) == 1 else moved
        schema["anyOf"] = [member, {"type": "null"}]
    if isinstance(schema.get("enum"), list) and None not in schema["enum"]:
        schema["enum"] = [*schema["enum"], None]
