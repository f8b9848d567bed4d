"""One `ApiModel` from the `PageResult`s of an API's pages.

Templates paths and splits servers, sorts headers into auth and default headers, adds path
parameters the template implies, gives operationIds, merges duplicate operations and names
shared schemas. What pages disagree on is reported as a problem, not guessed silently.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from generator.model import ApiModel, Operation, PageResult, Parameter, Schema
from generator.normalize.auth import classify_headers, pick_defaults, scheme_name, scheme_object
from generator.normalize.naming import operation_id
from generator.normalize.paths import path_params, split_target, template_path
from generator.normalize.schemas import Registry, name_operation_schemas
from generator.problems import Problems

_METHOD_ORDER = {
    m: i
    for i, m in enumerate(["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"])
}


def build_model(
    results: Sequence[PageResult], problems: Problems, *, title: str | None = None
) -> ApiModel:
    servers: Counter[str] = Counter()
    registry = Registry()
    defaults: list[dict[str, str]] = []
    operations: list[Operation] = []
    for result in results:
        servers.update(result.servers)
        for name, schema in result.components.items():
            line = result.component_lines.get(name, 0)
            registry.add(name, schema, result.page.span(line, line))
        for op in result.operations:
            server = _place(op)
            if server:
                servers[server] += 1
            defaults.append(classify_headers(op))
            _add_path_params(op)
            operations.append(op)
    operations = _dedupe(operations, problems)
    _assign_ids(operations)
    for op in operations:
        name_operation_schemas(op, registry)
    chosen, notes = pick_defaults(defaults)
    for note in notes:
        problems.warn(operations[0].span.file if operations else "", 0, note)
    return ApiModel(
        title=title or _title(results),
        version=_version(results, operations),
        servers=[url for url, _ in servers.most_common()],
        operations=operations,
        schemas=dict(sorted(registry.schemas.items())),
        security_schemes=_schemes(operations),
        default_headers=chosen,
        schema_sources={k: v[0] for k, v in registry.sources.items() if v},
    )


def _place(op: Operation) -> str | None:
    """Template `op.path` and return the server its URL shows."""
    declared = {p.name.strip() for p in op.parameters if p.location == "path"}
    if op.path.startswith(("http://", "https://")):
        server, op.path = split_target(op.path, declared=declared)
        return server
    op.path = template_path(op.path, declared)
    if op.url and op.url.startswith(("http://", "https://")):
        server, _ = split_target(op.url, op.path)
        return server
    return None


def _add_path_params(op: Operation) -> None:
    for param in op.parameters:
        param.name = param.name.strip()
    declared = {p.name for p in op.parameters if p.location == "path"}
    for name in path_params(op.path):
        if name not in declared:
            op.parameters.insert(0, Parameter(name, "path", required=True, schema={}))


def _dedupe(operations: list[Operation], problems: Problems) -> list[Operation]:
    seen: dict[tuple[str, str], Operation] = {}
    for op in operations:
        key = (op.method, op.path)
        first = seen.get(key)
        if first is None:
            seen[key] = op
            continue
        problems.warn(
            op.span.file,
            op.span.start,
            f"{op.method} {op.path} is also described at {first.span.file}:"
            f"{first.span.start}; keeping the first, adding what it lacks",
        )
        _fill(first, op)
    return sorted(seen.values(), key=lambda o: (o.path, _METHOD_ORDER.get(o.method, 99)))


def _fill(first: Operation, other: Operation) -> None:
    names = {(p.name, p.location) for p in first.parameters}
    first.parameters.extend(p for p in other.parameters if (p.name, p.location) not in names)
    first.request = first.request or other.request
    codes = {r.status for r in first.responses}
    first.responses.extend(r for r in other.responses if r.status not in codes)
    first.summary = first.summary or other.summary
    first.description = first.description or other.description
    first.auth = first.auth or other.auth


def _assign_ids(operations: list[Operation]) -> None:
    used: set[str] = set()
    for op in operations:
        base = op.operation_id or operation_id(op.method, op.path)
        candidate, n = base, 2
        while candidate in used:
            candidate, n = f"{base}{n}", n + 1
        op.operation_id = candidate
        used.add(candidate)


def _schemes(operations: list[Operation]) -> dict[str, Schema]:
    schemes: dict[str, Schema] = {}
    for op in operations:
        for fact in op.auth:
            schemes.setdefault(scheme_name(fact), scheme_object(fact))
    return dict(sorted(schemes.items()))


def _title(results: Sequence[PageResult]) -> str:
    for result in results:
        if result.title:
            return result.title
    for result in results:
        for op in result.operations:
            if op.summary:
                return op.summary
    return "API"


def _version(results: Sequence[PageResult], operations: list[Operation]) -> str:
    for result in results:
        if result.version:
            return result.version
    tags = {
        m.group(1)
        for op in operations
        if op.summary
        for m in [re.search(r"\((v\d+)\)\s*$", op.summary)]
        if m
    }
    return tags.pop() if len(tags) == 1 else "unknown"
