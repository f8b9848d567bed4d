"""A prepared OpenAPI document to the `SdkView` the templates render."""

from __future__ import annotations

import re
from typing import Any, Literal

from generator.render.names import (
    CLIENT_ATTRIBUTES,
    PythonIdentifier,
    class_name,
    client_member,
    identifier,
    method_name,
    unique,
)
from generator.render.param_types import ParamTypes
from generator.render.pytypes import return_type
from generator.render.request import request_params
from generator.render.responses import response_kind
from generator.render.routes import (
    distinct_names,
    is_listing,
    is_singleton,
    item_verb,
    placeholders,
    routes,
    verb,
)
from generator.render.spec import REF, operations, resolve
from generator.render.view import (
    Auth,
    Method,
    Param,
    SdkView,
    example_kwargs,
    resource_tree,
)

_HTTP = {"get", "put", "post", "delete", "patch", "options", "head", "trace"}


def build_view(
    doc: dict[str, Any], *, package: str, models: set[str], reserved: frozenset[str] = frozenset()
) -> SdkView:
    """The view of a prepared document; `models` are the schema classes that exist; the
    request TypedDicts are named apart from them and from `reserved` (model classes too)."""
    info = doc.get("info") or {}
    pkg = identifier(package)
    prefix = pkg.upper().rstrip("_")
    routed = routes({p: set(item or {}) & _HTTP for p, item in (doc.get("paths") or {}).items()})
    keyed: list[tuple[tuple[str, ...], Method, str]] = []
    types = ParamTypes(doc, taken=models | reserved)
    for path, method, op in operations(doc):
        action = routed[path].action
        made = _method(doc, path, method, op=op, action=action, models=models, types=types)
        keyed.append((routed[path].key, made, str(op.get("operationId") or "")))
    roots = resource_tree([key for key, _, _ in keyed], models=models)
    index = {r.segments: r for root in roots for r in root.walk()}
    for key, method_view, _ in keyed:
        index[key].methods.append(method_view)
    for key, resource in index.items():
        ids = [op_id for k, _, op_id in keyed if k == key]
        taken: set[str] = {c.attr for c in resource.children} | {"with_raw_response"}
        names = distinct_names([m.name for m in resource.methods], ids, key, taken)
        for method_view, name in zip(resource.methods, names, strict=True):
            method_view.name = name
    servers = doc.get("servers") or []
    return SdkView(
        package=pkg,
        distribution=pkg.replace("_", "-"),
        title=str(info.get("title") or package),
        version=str(info.get("version") or "0.0.0"),
        description=str(info.get("description") or ""),
        base_url=str(servers[0].get("url", "")) if servers and isinstance(servers[0], dict) else "",
        env_prefix=prefix,
        auth=_auth(doc, prefix, taken={r.attr for r in roots}),
        default_headers={str(k): str(v) for k, v in (doc.get("x-default-headers") or {}).items()},
        resources=roots,
        models=sorted(models & set((doc.get("components") or {}).get("schemas") or {})),
        params=[types.dicts[name] for name in sorted(types.dicts)],
    )


def _verb(doc: dict[str, Any], path: str, http: str, op: dict[str, Any]) -> str:
    """The REST verb of an operation (see `routes`): a collection whose GET returns one
    object is a singleton; a write to an item may be an action its operationId names."""
    read = (doc["paths"][path] or {}).get("get")
    schema = _success_schema(doc, read) if isinstance(read, dict) else None
    listing = is_listing(schema, lambda node: resolve(doc, node)) if schema else None
    name = verb(http, path, singleton=is_singleton(path, listing, doc["paths"]))
    if name == "update":
        return item_verb(http, str(op.get("operationId") or "")) or name
    return name


def _method(
    doc: dict[str, Any],
    path: str,
    http: str,
    *,
    op: dict[str, Any],
    action: str | None,
    models: set[str],
    types: ParamTypes,
) -> Method:
    hint = class_name(str(op.get("operationId") or f"{http} {path}"))
    request = request_params(doc, op, placeholders(path), types=types, hint=hint)
    params, raw_body, example = request.params, request.raw_body, request.example
    response = _success_schema(doc, op)
    name = method_name(action or _verb(doc, path, http, op))
    method = Method(
        name=name,
        http_method=http,
        path=path,
        params=params,
        returns=return_type(response, models=models),
        summary=str(op.get("summary") or ""),
        description=str(op.get("description") or ""),
        deprecated=bool(op.get("deprecated")),
        raw_body=raw_body,
        form=request.form,
        param_types={n for p in params for n in types.names_in(p.annotation)},
    )
    method.page_item = _page_item(doc, http, params, response, models)
    if method.page_item is None:
        kind = response_kind(doc, op, http=http, path=path, params=params, models=models)
        method.binary, method.stream_chunk = kind.binary, kind.stream_chunk
        method.stream_param = kind.stream_param
    method.example = example_kwargs(example, params)
    return method


def _success_schema(doc: dict[str, Any], op: dict[str, Any]) -> Any:
    responses = op.get("responses") or {}
    for status in sorted(responses, key=str):
        if str(status).startswith("2"):
            response = resolve(doc, responses[status])
            content = response.get("content") if isinstance(response, dict) else None
            if isinstance(content, dict) and content:
                media = content.get("application/json") or next(iter(content.values()))
                return media.get("schema", {}) if isinstance(media, dict) else {}
            return None
    return None


def _page_item(
    doc: dict[str, Any], http: str, params: list[Param], response: Any, models: set[str]
) -> str | None:
    wires = {p.wire for p in params if p.location == "query"}
    if http != "get" or not {"limit", "after"} <= wires:
        return None
    schema = resolve(doc, response)
    props = schema.get("properties", {}) if isinstance(schema, dict) else {}
    data = resolve(doc, props.get("data", {}))
    if not isinstance(data, dict) or data.get("type") != "array":
        return None
    if "has_more" not in props and "last_id" not in props:
        return None
    item = return_type(data.get("items"), models=models)
    return item if item in models else None


def _required_schemes(doc: dict[str, Any]) -> set[str]:
    """Schemes every secured operation needs (the others are alternatives: optional)."""
    needed: set[str] | None = None
    for _path, _method, op in operations(doc):
        security = op.get("security", doc.get("security"))
        if not isinstance(security, list) or not security:
            continue
        names = {str(n) for req in security[:1] if isinstance(req, dict) for n in req}
        if len(security) > 1:
            names = set.intersection(
                *({str(n) for n in r} for r in security if isinstance(r, dict))
            )
        needed = names if needed is None else needed & names
    return needed or set()


def _auth(doc: dict[str, Any], prefix: str, *, taken: set[str]) -> list[Auth]:
    """Credentials of the client; their names avoid `taken` (resource attributes) and the
    client's own attributes."""
    schemes = (doc.get("components") or {}).get("securitySchemes") or {}
    required = _required_schemes(doc)
    found: list[Auth] = []
    taken = set(taken) | CLIENT_ATTRIBUTES
    for key, scheme in schemes.items():
        if not isinstance(scheme, dict):
            continue
        before = len(found)
        kind, where = scheme.get("type"), scheme.get("in")
        if kind == "http" and str(scheme.get("scheme", "")).lower() in ("bearer", "basic"):
            name = PythonIdentifier(unique("api_key", taken))
            kind_name: Literal["bearer", "basic"] = (
                "basic" if str(scheme["scheme"]).lower() == "basic" else "bearer"
            )
            found.append(Auth(kind_name, "Authorization", name, f"{prefix}_{name.upper()}"))
        elif kind == "apiKey" and where == "header" and scheme.get("name"):
            header = str(scheme["name"])
            base = re.sub(r"^x[-_]", "", header, flags=re.I)
            name = client_member(base, taken)
            found.append(Auth("apiKey", header, name, name.upper()))
        elif kind in ("oauth2", "openIdConnect") and "api_key" not in taken:
            name = PythonIdentifier(unique("api_key", taken))
            found.append(Auth("bearer", "Authorization", name, f"{prefix}_API_KEY"))
        if len(found) > before:
            found[-1].required = str(key) in required
    return found


__all__ = ["REF", "build_view"]
