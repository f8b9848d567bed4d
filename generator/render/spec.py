"""Prepare an OpenAPI document for rendering: 3.1 shapes, safe class names, named bodies.

`prepare(document)` returns a new document where every component schema has a valid, unique
class name (refs rewritten), and every inline request/response object body is hoisted into
`components/schemas` as `<OperationId>Request` / `<OperationId>Response`, so that each body
the SDK passes or returns has a model class.
"""

from __future__ import annotations

import copy
from typing import Any

from generator.openapi.upgrade import upgrade_schema
from generator.render.names import class_name, unique

REF = "#/components/schemas/"
METHODS = ("get", "put", "post", "delete", "patch", "options", "head", "trace")
Json = Any


def prepare(document: dict[str, Any]) -> dict[str, Any]:
    doc: dict[str, Any] = upgrade_schema(copy.deepcopy(document))
    schemas = doc.setdefault("components", {}).setdefault("schemas", {}) or {}
    renames = _safe_names(schemas)
    doc["components"]["schemas"] = {renames[k]: v for k, v in schemas.items()}
    _rewrite_refs(doc, {REF + old: REF + new for old, new in renames.items()})
    taken = {name.lower() for name in doc["components"]["schemas"]}
    for _path, method, op in operations(doc):
        _hoist_bodies(doc, op, method, taken)
    return doc


def operations(doc: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    found: list[tuple[str, str, dict[str, Any]]] = []
    for path, item in (doc.get("paths") or {}).items():
        if isinstance(item, dict):
            found.extend((path, m, item[m]) for m in METHODS if isinstance(item.get(m), dict))
    return found


def resolve(doc: dict[str, Any], node: Json, depth: int = 0) -> Json:
    """Follow local `$ref`s (components of any kind) to the node they name."""
    while isinstance(node, dict) and isinstance(node.get("$ref"), str) and depth < 50:
        ref = node["$ref"]
        if not ref.startswith("#/"):
            return {}
        target: Json = doc
        for raw in ref[2:].split("/"):
            part = raw.replace("~1", "/").replace("~0", "~")
            target = target.get(part) if isinstance(target, dict) else None
        node, depth = target if target is not None else {}, depth + 1
    return node


def _safe_names(schemas: dict[str, Any]) -> dict[str, str]:
    taken: set[str] = set()
    return {name: unique(class_name(name), taken) for name in schemas}


def _rewrite_refs(node: Json, mapping: dict[str, str]) -> None:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref in mapping:
            node["$ref"] = mapping[ref]
        for value in node.values():
            _rewrite_refs(value, mapping)
    elif isinstance(node, list):
        for value in node:
            _rewrite_refs(value, mapping)


def _hoist_bodies(doc: dict[str, Any], op: dict[str, Any], method: str, taken: set[str]) -> None:
    base = class_name(str(op.get("operationId") or method))
    body = resolve(doc, op.get("requestBody"))
    if isinstance(body, dict):
        _hoist_content(doc, body.get("content"), f"{base}Request", taken)
    for status, response in (op.get("responses") or {}).items():
        if str(status).startswith("2"):
            resolved = resolve(doc, response)
            if isinstance(resolved, dict):
                _hoist_content(doc, resolved.get("content"), f"{base}Response", taken)


def _hoist_content(doc: dict[str, Any], content: Json, name: str, taken: set[str]) -> None:
    if not isinstance(content, dict):
        return
    for media in content.values():
        schema = media.get("schema") if isinstance(media, dict) else None
        if isinstance(schema, dict) and _is_inline_object(schema):
            final = unique(name, taken)
            doc["components"]["schemas"][final] = schema
            media["schema"] = {"$ref": REF + final}


def _is_inline_object(schema: dict[str, Any]) -> bool:
    if "$ref" in schema:
        return False
    kind = schema.get("type")
    return bool(schema.get("properties")) and (
        kind in (None, "object") or (isinstance(kind, list) and "object" in kind)
    )
