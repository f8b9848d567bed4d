"""Tiny OpenAPI documents for the diff tests: one operation, one schema, one change."""

from __future__ import annotations

from typing import Any

Schema = dict[str, Any]


def document(paths: dict[str, Any] | None = None, **top: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}}
    doc["paths"] = {} if paths is None else paths
    doc.update(top)
    return doc


def operation(
    *,
    request: Schema | None = None,
    response: Schema | None = None,
    params: list[dict[str, Any]] | None = None,
    method: str = "post",
    path: str = "/things",
    top: dict[str, Any] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """A document whose one operation sends `request`, answers `response`, takes `params`."""
    ok: dict[str, Any] = {"description": "OK"}
    if response is not None:
        ok["content"] = {"application/json": {"schema": response}}
    op: dict[str, Any] = {"responses": {"200": ok}, **extra}
    if request is not None:
        content = {"application/json": {"schema": request}}
        op["requestBody"] = {"required": True, "content": content}
    if params is not None:
        op["parameters"] = params
    return document({path: {method: op}}, **(top or {}))


def obj(*required: str, **properties: Schema) -> Schema:
    out: Schema = {"type": "object", "properties": properties}
    if required:
        out["required"] = list(required)
    return out


def query(name: str, schema: Schema | None = None, **extra: Any) -> dict[str, Any]:
    return {"name": name, "in": "query", "schema": schema or {"type": "string"}, **extra}


STRING: Schema = {"type": "string"}
INTEGER: Schema = {"type": "integer"}
