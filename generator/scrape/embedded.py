"""Pages that embed a spec (Redoc state, Markdown/HTML code blocks): the spec is the source.

Operations keep `$ref`s into the embedded components, which travel in `PageResult.components`
under their own names, as do security schemes. Swagger 2.0 and OpenAPI 3.0 are brought to 3.1
(`openapi.upgrade`). The spec is untrusted: parts of the wrong shape are left out (schemas
through `openapi.wellformed`) and reported once per spec, with the spec's line.
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
from generator.openapi.upgrade import upgrade_document
from generator.openapi.wellformed import wellformed
from generator.problems import Problems
from generator.scrape import readme_json
from generator.scrape.header import METHODS

NAME = "embedded"


def score(page: Page) -> float:
    """Certain for a page that embeds a spec, or whose text is ReadMe's page data."""
    return 2.0 if page.embedded or readme_json.find_api(page) else 0.0


def scrape(page: Page, problems: Problems) -> PageResult:
    if not page.embedded:
        return readme_json.scrape(page, problems)
    result = PageResult(page=page, family=NAME)
    for spec in page.embedded:
        try:
            _read_spec(result, spec, problems)
        except RecursionError:
            problems.warn(page.path, spec.line, "embedded spec nested too deeply to read")
    return result


def _read_spec(result: PageResult, spec: EmbeddedSpec, problems: Problems) -> None:
    doc = upgrade_document(spec.document)
    info = _dict(doc.get("info"))
    result.title = result.title or _text(info.get("title"))
    version = info.get("version")
    if isinstance(version, str | int | float) and not result.version:
        result.version = str(version)
    result.servers.extend(
        s["url"]
        for s in _list(doc.get("servers"))
        if isinstance(s, dict) and isinstance(s.get("url"), str)
    )
    components = _dict(doc.get("components"))
    dropped: list[str] = []
    for name, schema in _dict(components.get("schemas")).items():
        result.components[name] = wellformed(schema, dropped, f"#/components/schemas/{name}")
        result.component_lines[name] = _key_line(result.page, spec.line, [_schemas_key(spec), name])
    schemes = _dict(components.get("securitySchemes"))
    for path, item in _dict(doc.get("paths")).items():
        if not isinstance(item, dict):
            dropped.append(f"#/paths/{path}")
            continue
        for method, raw in item.items():
            if str(method).upper() in METHODS and isinstance(raw, dict):
                where = _key_line(result.page, spec.line, [str(path), str(method).lower()])
                op = Operation(
                    method=str(method).upper(),
                    path=str(path),
                    span=result.page.span(where, where),
                    family=NAME,
                )
                _fill(op, (raw, item), components, dropped)
                op.auth = _auth(raw.get("security", doc.get("security")), schemes)
                result.operations.append(op)
    if dropped:
        problems.warn(
            result.page.path,
            spec.line,
            f"embedded spec: {len(dropped)} malformed " f"part(s) left out, first {dropped[0]}",
        )


def _fill(
    op: Operation,
    where: tuple[dict[str, Any], dict[str, Any]],
    components: dict[str, Any],
    dropped: list[str],
) -> None:
    """Fill `op` from its operation object and path item (`where`)."""
    raw, item = where
    op.summary = _text(raw.get("summary"))
    op.description = _text(raw.get("description"))
    op.operation_id = _text(raw.get("operationId"))
    op.deprecated = raw.get("deprecated") is True
    op.tags = [str(t) for t in _list(raw.get("tags")) if isinstance(t, str | int)]
    for resolved in _parameters(item, raw, components):
        op.parameters.append(_parameter(resolved, dropped))
    body = _deref(raw.get("requestBody"), components, "requestBodies")
    if isinstance(body, dict):
        op.request = _body(body.get("content"), dropped, required=body.get("required") is True)
        op.request.description = _text(body.get("description"))
    for status, response in _dict(raw.get("responses")).items():
        resolved = _deref(response, components, "responses")
        if isinstance(resolved, dict):
            content = resolved.get("content")
            body_ = _body(content, dropped) if content else None
            text = _text(resolved.get("description")) or ""
            op.responses.append(Response(str(status), text, body_))


def _schemas_key(spec: EmbeddedSpec) -> str:
    return "definitions" if "swagger" in spec.document else "schemas"


def _key_line(page: Page, start: int, keys: list[str]) -> int:
    """The page line where the spec text (YAML or indented JSON) writes `keys`, one inside the
    other (`/assistants:` then `get:`); the deepest found, else `start`."""
    found, indent, depth_index = 0, -1, 0
    for line in page.lines:
        text = line.text.strip()
        if line.number < start or not text:
            continue
        depth = len(line.text) - len(line.text.lstrip())
        if found and depth <= indent:
            break
        key = keys[depth_index]
        if text.startswith((f"{key}:", f'"{key}":', f"'{key}':")):
            found, indent, depth_index = line.number, depth, depth_index + 1
            if depth_index == len(keys):
                break
    return found or start


def _parameters(
    item: dict[str, Any], raw: dict[str, Any], components: dict[str, Any]
) -> list[dict[str, Any]]:
    """The path item's parameters, then the operation's (which replace same-named ones)."""
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for param in [*_list(item.get("parameters")), *_list(raw.get("parameters"))]:
        resolved = _deref(param, components, "parameters")
        if isinstance(resolved, dict) and "name" in resolved:
            found[(str(resolved["name"]), str(resolved.get("in")))] = resolved
    return list(found.values())


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _dict(value: Any) -> dict[str, Any]:
    return {str(k): v for k, v in value.items()} if isinstance(value, dict) else {}


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _deref(value: Any, components: dict[str, Any], kind: str) -> Any:
    if isinstance(value, dict) and isinstance(value.get("$ref"), str):
        prefix = f"#/components/{kind}/"
        ref = value["$ref"]
        if ref.startswith(prefix):
            return _dict(components.get(kind)).get(ref[len(prefix) :])
    return value


def _parameter(raw: dict[str, Any], dropped: list[str]) -> Parameter:
    where = raw.get("in", "query")
    param = Parameter(
        name=str(raw["name"]),
        location=where if where in ("path", "query", "header", "cookie") else "query",
        required=where == "path" or raw.get("required") is True,
        schema=wellformed(_parameter_schema(raw), dropped, f"parameter {raw['name']}"),
        description=_text(raw.get("description")),
        deprecated=raw.get("deprecated") is True,
    )
    if "example" in raw:
        param.example = raw["example"]
    return param


def _parameter_schema(raw: dict[str, Any]) -> Schema:
    """A parameter's `schema`, or the schema of its one `content` entry."""
    if isinstance(raw.get("schema"), dict):
        return dict(raw["schema"])
    content = raw.get("content")
    entry = next(iter(content.values()), None) if isinstance(content, dict) and content else None
    schema = entry.get("schema") if isinstance(entry, dict) else None
    return dict(schema) if isinstance(schema, dict) else {}


def _body(content: Any, dropped: list[str], *, required: bool = False) -> Body:
    content = _dict(content)
    if not content:
        return Body(required=required)
    media = "application/json" if "application/json" in content else next(iter(content))
    entry = _dict(content[media])
    schema: Schema | None = None
    if "schema" in entry:
        schema = wellformed(entry["schema"], dropped, f"content {media} schema")
    example = entry.get("example", MISSING)
    if example is MISSING and isinstance(entry.get("examples"), dict):
        first: Any = next(iter(entry["examples"].values()), {})
        example = first.get("value", MISSING) if isinstance(first, dict) else MISSING
    return Body(media_type=media, schema=schema, example=example, required=required)


def _auth(security: Any, schemes: dict[str, Any]) -> list[AuthFact]:
    """The first requirement set that names schemes, each under its own scheme name."""
    chosen = next((r for r in _list(security) if isinstance(r, dict) and r), None)
    facts: list[AuthFact] = []
    for name in chosen or {}:
        scheme: dict[str, Any] = schemes[name] if isinstance(schemes.get(name), dict) else {}
        kind, where = scheme.get("type"), scheme.get("in", "header")
        text = _text(scheme.get("description"))
        if kind == "http" and str(scheme.get("scheme", "")).lower() == "basic":
            facts.append(AuthFact("basic", description=text, scheme=name))
        elif kind in ("http", "oauth2", "openIdConnect"):
            facts.append(AuthFact("bearer", description=text, scheme=name))
        elif kind == "apiKey" and where in ("header", "query", "cookie"):
            facts.append(AuthFact("apiKey", str(scheme.get("name", name)), where, text, name))
    return facts
