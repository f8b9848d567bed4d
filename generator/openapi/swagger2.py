"""Swagger 2.0 documents in OpenAPI 3 shape (the 3.0 -> 3.1 step is `upgrade.upgrade_schema`).

`host` + `basePath` + `schemes` become servers; a `body` parameter becomes the request body and
`formData` parameters a form body; response `schema` / `examples` become `content` for each
`produces` media type; `definitions`, `parameters`, `responses` and `securityDefinitions` move
under `components`, and every `$ref` follows them. Names are kept as the document gives them.
"""

from __future__ import annotations

from typing import Any

_REF_MOVES = (
    ("#/definitions/", "#/components/schemas/"),
    ("#/parameters/", "#/components/parameters/"),
    ("#/responses/", "#/components/responses/"),
)
_SCHEMA_KEYS = (
    "type",
    "format",
    "items",
    "enum",
    "default",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "minLength",
    "maxLength",
    "pattern",
    "minItems",
    "maxItems",
    "uniqueItems",
    "multipleOf",
)
_FLOWS = {
    "implicit": "implicit",
    "password": "password",
    "application": "clientCredentials",
    "accessCode": "authorizationCode",
}
_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_JSON = ["application/json"]


def from_swagger2(source: dict[str, Any]) -> dict[str, Any]:
    doc: dict[str, Any] = _rewrite(source)
    out: dict[str, Any] = {"openapi": "3.0.3", "info": doc.get("info", {})}
    servers = _servers(doc)
    if servers:
        out["servers"] = servers
    for key in ("security", "tags", "externalDocs"):
        if key in doc:
            out[key] = doc[key]
    shared = _Shared(doc)
    paths = _dict(doc.get("paths"))
    out["paths"] = {path: _path_item(item, shared) for path, item in paths.items()}
    components: dict[str, Any] = {}
    if _dict(doc.get("definitions")):
        components["schemas"] = doc["definitions"]
    params = {
        k: _parameter(v)
        for k, v in _dict(doc.get("parameters")).items()
        if isinstance(v, dict) and v.get("in") not in ("body", "formData")
    }
    if params:
        components["parameters"] = params
    responses = {k: _response(v, shared.produces) for k, v in _dict(doc.get("responses")).items()}
    if responses:
        components["responses"] = responses
    schemes = {k: _scheme(v) for k, v in _dict(doc.get("securityDefinitions")).items()}
    if schemes:
        components["securitySchemes"] = schemes
    if components:
        out["components"] = components
    return out


class _Shared:
    """What operations inherit from the document: media types and shared parameters."""

    def __init__(self, doc: dict[str, Any]) -> None:
        self.consumes = _strings(doc.get("consumes")) or _JSON
        self.produces = _strings(doc.get("produces")) or _JSON
        self.parameters: dict[str, Any] = _dict(doc.get("parameters"))

    def resolve(self, params: Any) -> list[dict[str, Any]]:
        """Parameter objects (shared ones looked up), keyed by their name and location."""
        out: list[dict[str, Any]] = []
        for param in params if isinstance(params, list) else []:
            ref = param.get("$ref") if isinstance(param, dict) else None
            shared = None
            if isinstance(ref, str) and ref.startswith("#/components/parameters/"):
                shared = self.parameters.get(ref.rsplit("/", 1)[-1])
            found = shared if shared is not None else param
            if isinstance(found, dict):
                out.append(found)
        return out


def _dict(value: Any) -> dict[str, Any]:
    return {str(k): v for k, v in value.items()} if isinstance(value, dict) else {}


def _strings(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _key(param: dict[str, Any]) -> tuple[str, str]:
    return str(param.get("name")), str(param.get("in"))


def _rewrite(node: Any) -> Any:
    """Refs moved to `components`; `x-nullable` -> `nullable`; `type: file` -> binary string."""
    if isinstance(node, list):
        return [_rewrite(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _rewrite(value) for key, value in node.items()}
    ref = out.get("$ref")
    if isinstance(ref, str):
        for old, new in _REF_MOVES:
            if ref.startswith(old):
                out["$ref"] = new + ref[len(old) :]
    if out.get("x-nullable") is True:
        out["nullable"] = out.pop("x-nullable")
    if out.get("type") == "file":
        out.update(type="string", format="binary")
    if isinstance(out.get("discriminator"), str):
        out["discriminator"] = {"propertyName": out["discriminator"]}
    return out


def _servers(doc: dict[str, Any]) -> list[dict[str, str]]:
    host, base = doc.get("host"), str(doc.get("basePath") or "")
    if isinstance(host, str) and host:
        schemes = _strings(doc.get("schemes")) or ["https"]
        return [{"url": f"{scheme}://{host}{base}".rstrip("/")} for scheme in schemes]
    return [{"url": base}] if base.strip("/") else []


def _path_item(item: Any, shared: _Shared) -> dict[str, Any]:
    if not isinstance(item, dict):
        return {}
    common = shared.resolve(item.get("parameters"))
    out: dict[str, Any] = {k: v for k, v in item.items() if k not in _METHODS and k != "parameters"}
    for method in _METHODS:
        if isinstance(item.get(method), dict):
            out[method] = _operation(item[method], common, shared)
    return out


def _operation(op: dict[str, Any], common: list[dict[str, Any]], shared: _Shared) -> dict[str, Any]:
    own = shared.resolve(op.get("parameters"))
    keys = {_key(p) for p in own}
    params = [p for p in common if _key(p) not in keys] + own
    out = {
        k: v
        for k, v in op.items()
        if k not in ("parameters", "responses", "consumes", "produces", "schemes")
    }
    plain = [_parameter(p) for p in params if p.get("in") not in ("body", "formData")]
    if plain:
        out["parameters"] = plain
    body = _request_body(params, _strings(op.get("consumes")) or shared.consumes)
    if body is not None:
        out["requestBody"] = body
    produces = _strings(op.get("produces")) or shared.produces
    responses = _dict(op.get("responses"))
    out["responses"] = {str(code): _response(r, produces) for code, r in responses.items()}
    return out


def _param_schema(param: dict[str, Any]) -> dict[str, Any]:
    if isinstance(param.get("schema"), dict):
        return dict(param["schema"])
    return {key: param[key] for key in _SCHEMA_KEYS if key in param}


def _parameter(param: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in param:
        return param
    keys = ("name", "in", "description", "required", "deprecated", "allowEmptyValue")
    out: dict[str, Any] = {k: param[k] for k in keys if k in param}
    out["schema"] = _param_schema(param)
    if "x-example" in param:
        out["example"] = param["x-example"]
    return out


def _request_body(params: list[dict[str, Any]], consumes: list[str]) -> dict[str, Any] | None:
    body = next((p for p in params if p.get("in") == "body"), None)
    if body is not None:
        out: dict[str, Any] = {"content": {m: {"schema": _param_schema(body)} for m in consumes}}
        out.update({k: body[k] for k in ("description", "required") if k in body})
        return out
    form = [p for p in params if p.get("in") == "formData"]
    if not form:
        return None
    binary = any(_param_schema(p).get("format") == "binary" for p in form)
    media = next((m for m in consumes if "form" in m), None)
    media = media or ("multipart/form-data" if binary else "application/x-www-form-urlencoded")
    schema: dict[str, Any] = {"type": "object", "properties": {}}
    for param in form:
        prop = _param_schema(param)
        if "description" in param:
            prop["description"] = param["description"]
        schema["properties"][str(param.get("name"))] = prop
    required = [str(p.get("name")) for p in form if p.get("required")]
    if required:
        schema["required"] = required
    return {"content": {media: {"schema": schema}}, "required": bool(required)}


def _response(raw: Any, produces: list[str]) -> Any:
    if not isinstance(raw, dict) or "$ref" in raw:
        return raw
    out: dict[str, Any] = {"description": raw.get("description", "")}
    content: dict[str, Any] = {}
    if isinstance(raw.get("schema"), dict):
        content = {m: {"schema": raw["schema"]} for m in produces}
    for media, example in _dict(raw.get("examples")).items():
        content.setdefault(str(media), {})["example"] = example
    if content:
        out["content"] = content
    headers = {
        name: {"description": h.get("description", ""), "schema": _param_schema(h)}
        for name, h in _dict(raw.get("headers")).items()
        if isinstance(h, dict)
    }
    if headers:
        out["headers"] = headers
    return out


def _scheme(raw: Any) -> dict[str, Any]:
    if not isinstance(raw, dict):
        return {}
    kind = raw.get("type")
    out: dict[str, Any]
    if kind == "basic":
        out = {"type": "http", "scheme": "basic"}
    elif kind == "oauth2":
        flow: dict[str, Any] = {"scopes": raw.get("scopes", {})}
        flow.update({k: raw[k] for k in ("authorizationUrl", "tokenUrl") if k in raw})
        out = {"type": "oauth2", "flows": {_FLOWS.get(str(raw.get("flow")), "implicit"): flow}}
    else:
        out = {k: raw[k] for k in ("type", "name", "in") if k in raw}
    if "description" in raw:
        out["description"] = raw["description"]
    return out
