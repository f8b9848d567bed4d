"""`ApiModel` to an OpenAPI 3.1 document (plain dicts in a stable key order)."""

from __future__ import annotations

from typing import Any

from generator.model import MISSING, ApiModel, Body, Operation, Parameter, Response, Schema
from generator.normalize.auth import scheme_name

OPENAPI_VERSION = "3.1.0"
DEFAULT_HEADERS = "x-default-headers"
SOURCE = "x-source"


def to_document(model: ApiModel) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "openapi": OPENAPI_VERSION,
        "info": {"title": model.title, "version": model.version},
    }
    if model.servers:
        doc["servers"] = [{"url": url} for url in model.servers]
    if model.default_headers:
        doc[DEFAULT_HEADERS] = dict(model.default_headers)
    paths: dict[str, Any] = {}
    for op in model.operations:
        paths.setdefault(op.path, {})[op.method.lower()] = _operation(op)
    doc["paths"] = paths
    components: dict[str, Any] = {}
    if model.schemas:
        components["schemas"] = {
            name: _with_source(schema, model, name) for name, schema in model.schemas.items()
        }
    if model.security_schemes:
        components["securitySchemes"] = model.security_schemes
    if components:
        doc["components"] = components
    return doc


def _with_source(schema: Schema, model: ApiModel, name: str) -> Schema:
    span = model.schema_sources.get(name)
    if span is None or SOURCE in schema:
        return schema
    return {**schema, SOURCE: span.as_extension()}


def _operation(op: Operation) -> dict[str, Any]:
    out: dict[str, Any] = {"operationId": op.operation_id}
    if op.summary:
        out["summary"] = op.summary
    if op.description:
        out["description"] = op.description
    if op.tags:
        out["tags"] = list(op.tags)
    if op.deprecated:
        out["deprecated"] = True
    if op.parameters:
        out["parameters"] = [_parameter(p) for p in op.parameters]
    if op.request is not None:
        out["requestBody"] = _request(op.request)
    if op.responses:
        out["responses"] = {r.status: _response(r) for r in op.responses}
    if op.auth:
        out["security"] = [{scheme_name(fact): [] for fact in op.auth}]
    out[SOURCE] = op.span.as_extension()
    return out


def _parameter(param: Parameter) -> dict[str, Any]:
    out: dict[str, Any] = {"name": param.name, "in": param.location}
    if param.description:
        out["description"] = param.description
    out["required"] = param.required
    if param.deprecated:
        out["deprecated"] = True
    out["schema"] = param.schema
    if param.example is not MISSING:
        out["example"] = param.example
    return out


def _content(body: Body) -> dict[str, Any]:
    media: dict[str, Any] = {}
    if body.schema is not None:
        media["schema"] = body.schema
    if body.example is not MISSING:
        media["example"] = body.example
    return {body.media_type: media}


def _request(body: Body) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if body.description:
        out["description"] = body.description
    out["required"] = body.required
    out["content"] = _content(body)
    return out


def _response(response: Response) -> dict[str, Any]:
    out: dict[str, Any] = {"description": response.description or "Response"}
    body = response.body
    if body is not None and (body.schema is not None or body.example is not MISSING):
        out["content"] = _content(body)
    return out
