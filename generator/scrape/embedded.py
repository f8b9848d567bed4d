"""Pages that embed a spec (Redoc state, Markdown/HTML code blocks): the spec is the source.

Operations keep `$ref`s into the embedded components, which travel in `PageResult.components`
under their own names. OpenAPI 3.0 `nullable` and Swagger 2.0 `definitions` are brought to 3.1.
"""

from __future__ import annotations

from typing import Any

from generator.model import (
    MISSING,
    AuthFact,
    Body,
    EmbeddedSpec,
    Operation,
    Page,
    PageResult,
    Parameter,
    Response,
    Schema,
)
from generator.openapi.upgrade import upgrade_schema
from generator.problems import Problems
from generator.scrape.header import METHODS

NAME = "embedded"


def score(page: Page) -> float:
    return 2.0 if page.embedded else 0.0


def scrape(page: Page, problems: Problems) -> PageResult:
    result = PageResult(page=page, family=NAME)
    for spec in page.embedded:
        _read_spec(result, spec, problems)
    return result


def _read_spec(result: PageResult, spec: EmbeddedSpec, problems: Problems) -> None:
    doc = upgrade_schema(spec.document)
    info = doc.get("info") if isinstance(doc.get("info"), dict) else {}
    result.title = result.title or info.get("title")
    result.version = result.version or (str(info["version"]) if "version" in info else None)
    result.servers.extend(
        s["url"] for s in doc.get("servers", []) if isinstance(s, dict) and "url" in s
    )
    components = doc.get("components", {}) if isinstance(doc.get("components"), dict) else {}
    result.components.update(components.get("schemas", {}) or {})
    schemes = components.get("securitySchemes", {}) or {}
    for path, item in (doc.get("paths") or {}).items():
        if not isinstance(item, dict):
            problems.warn(result.page.path, spec.line, f"embedded spec: path {path!r} is not an object")
            continue
        for method, raw in item.items():
            if method.upper() in METHODS and isinstance(raw, dict):
                op = _operation(result.page, spec, str(path), method.upper(), raw, item, components)
                op.auth = _auth(raw.get("security", doc.get("security")), schemes)
                result.operations.append(op)


def _operation(
    page: Page, spec: EmbeddedSpec, path: str, method: str, raw: dict[str, Any],
    item: dict[str, Any], components: dict[str, Any],
) -> Operation:  # fmt: skip
    op = Operation(method=method, path=path, span=page.span(spec.line, spec.line), family=NAME)
    op.summary = raw.get("summary")
    op.description = raw.get("description")
    op.operation_id = raw.get("operationId")
    op.deprecated = bool(raw.get("deprecated", False))
    op.tags = [str(t) for t in raw.get("tags", [])]
    params = [*item.get("parameters", []), *raw.get("parameters", [])]
    for param in params:
        resolved = _deref(param, components, "parameters")
        if isinstance(resolved, dict) and "name" in resolved:
            op.parameters.append(_parameter(resolved))
    body = _deref(raw.get("requestBody"), components, "requestBodies")
    if isinstance(body, dict):
        op.request = _body(body.get("content", {}), required=bool(body.get("required")))
        op.request.description = body.get("description")
    for status, response in (raw.get("responses") or {}).items():
        resolved = _deref(response, components, "responses")
        if isinstance(resolved, dict):
            content = resolved.get("content")
            op.responses.append(
                Response(str(status), resolved.get("description", ""),
                         _body(content) if content else None)  # fmt: skip
            )
    return op


def _deref(value: Any, components: dict[str, Any], kind: str) -> Any:
    if isinstance(value, dict) and isinstance(value.get("$ref"), str):
        prefix = f"#/components/{kind}/"
        ref = value["$ref"]
        if ref.startswith(prefix):
            return components.get(kind, {}).get(ref[len(prefix) :])
    return value


def _parameter(raw: dict[str, Any]) -> Parameter:
    where = raw.get("in", "query")
    param = Parameter(
        name=str(raw["name"]),
        location=where if where in ("path", "query", "header", "cookie") else "query",
        required=bool(raw.get("required", where == "path")),
        schema=dict(raw.get("schema", {})),
        description=raw.get("description"),
        deprecated=bool(raw.get("deprecated", False)),
    )
    if "example" in raw:
        param.example = raw["example"]
    return param


def _body(content: Any, *, required: bool = False) -> Body:
    if not isinstance(content, dict) or not content:
        return Body(required=required)
    media = "application/json" if "application/json" in content else next(iter(content))
    entry = content[media] if isinstance(content[media], dict) else {}
    schema: Schema | None = entry.get("schema")
    example = entry.get("example", MISSING)
    if example is MISSING and isinstance(entry.get("examples"), dict):
        first = next(iter(entry["examples"].values()), {})
        example = first.get("value", MISSING) if isinstance(first, dict) else MISSING
    return Body(media_type=media, schema=schema, example=example, required=required)


def _auth(security: Any, schemes: dict[str, Any]) -> list[AuthFact]:
    if not isinstance(security, list) or not security or not isinstance(security[0], dict):
        return []
    facts: list[AuthFact] = []
    for name in security[0]:
        scheme = schemes.get(name, {})
        kind, where = scheme.get("type"), scheme.get("in", "header")
        if kind == "http" and str(scheme.get("scheme", "")).lower() == "basic":
            facts.append(AuthFact("basic", description=scheme.get("description")))
        elif kind in ("http", "oauth2", "openIdConnect"):
            facts.append(AuthFact("bearer", description=scheme.get("description")))
        elif kind == "apiKey" and where in ("header", "query", "cookie"):
            facts.append(AuthFact("apiKey", str(scheme.get("name", name)), where))
    return facts
