"""Bring OpenAPI 3.0 and Swagger 2.0 documents to the 3.1 shapes the rest of the tool reads.

3.0 `nullable: true` becomes a `"null"` member of `type` (or of `anyOf`); `exclusiveMinimum:
true` becomes a number; Swagger `definitions` refs point into `components/schemas`.
"""

from __future__ import annotations

from typing import Any

_DEFINITIONS = "#/definitions/"


def upgrade_schema(node: Any) -> Any:
    """A deep copy of `node` with 3.0/2.0 idioms rewritten (works on whole documents)."""
    if isinstance(node, list):
        return [upgrade_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: upgrade_schema(value) for key, value in node.items()}
    if isinstance(out.get("$ref"), str) and out["$ref"].startswith(_DEFINITIONS):
        out["$ref"] = "#/components/schemas/" + out["$ref"][len(_DEFINITIONS) :]
    if "definitions" in out and "swagger" in out:
        out.setdefault("components", {}).setdefault("schemas", out.pop("definitions"))
    if out.get("nullable") is True:
        _add_null(out)
    out.pop("nullable", None) if isinstance(out.get("nullable"), bool) else None
    for bound, plain in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
        if isinstance(out.get(bound), bool):
            if out.pop(bound) and plain in out:
                out[bound] = out.pop(plain)
    return out


def _add_null(schema: dict[str, Any]) -> None:
    kind = schema.get("type")
    if isinstance(kind, str):
        schema["type"] = [kind, "null"]
    elif isinstance(kind, list) and "null" not in kind:
        schema["type"] = [*kind, "null"]
    elif kind is None and ("$ref" in schema or "allOf" in schema or "oneOf" in schema):
        ref = {k: schema.pop(k) for k in ("$ref", "allOf", "oneOf") if k in schema}
        schema["anyOf"] = [ref if len(ref) > 1 or "$ref" in ref else ref, {"type": "null"}]
    if isinstance(schema.get("enum"), list) and None not in schema["enum"]:
        schema["enum"] = [*schema["enum"], None]
