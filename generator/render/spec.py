"""Prepare an OpenAPI document for rendering: 3.1 shapes, safe class names, named bodies.

`prepare(document)` returns a new document where every component schema has a valid, unique
class name (refs rewritten), and every inline request/response object body is hoisted into
`components/schemas` as `<OperationId>Request` / `<OperationId>Response`, so that each body
the SDK passes or returns has a model class; inline union members that say what they are
become components too (`inline_names`), so that their models are not numbered.
"""

from __future__ import annotations

from typing import Any

from generator.limits import no_surrogates
from generator.openapi.upgrade import upgrade_schema
from generator.openapi.wellformed import wellformed_document
from generator.render.inline_names import name_union_members
from generator.render.names import class_name, clean_text, unique

REF = "#/components/schemas/"
METHODS = ("get", "put", "post", "delete", "patch", "options", "head", "trace")
Json = Any


def prepare(document: dict[str, Any]) -> dict[str, Any]:
    clean = wellformed_document(_owned(document, {}), [])  # `generate` reports drops
    doc: dict[str, Any] = upgrade_schema(clean)
    _clean_texts(doc)
    schemas = doc.setdefault("components", {}).setdefault("schemas", {}) or {}
    renames = _safe_names(schemas)
    doc["components"]["schemas"] = {renames[k]: v for k, v in schemas.items()}
    mapping = {REF + _pointer(old): REF + new for old, new in renames.items()}
    _rewrite_refs(doc, mapping | {REF + old: REF + new for old, new in renames.items()})
    _drop_foreign_refs(doc, doc)
    _inherit_path_parameters(doc)
    taken = {name.lower() for name in doc["components"]["schemas"]}
    for _path, method, op in operations(doc):
        _hoist_bodies(doc, op, method, taken)
    name_union_members(doc["components"]["schemas"])
    return doc


def _inherit_path_parameters(doc: dict[str, Any]) -> None:
    """Give each operation the parameters its path item declares for all of them (OpenAPI:
    the operation's own, same name and location, win), so that nothing later looks twice."""
    for item in (doc.get("paths") or {}).values():
        shared = item.get("parameters") if isinstance(item, dict) else None
        if not isinstance(shared, list) or not shared:
            continue
        for method in METHODS:
            op = item.get(method)
            if isinstance(op, dict):
                listed = op.get("parameters")
                own: list[Json] = listed if isinstance(listed, list) else []
                have = {_parameter_key(doc, p) for p in own}
                extra = [p for p in shared if _parameter_key(doc, p) not in have]
                op["parameters"] = [*extra, *own]


def _parameter_key(doc: dict[str, Any], param: Json) -> tuple[str, str]:
    resolved = resolve(doc, param)
    if not isinstance(resolved, dict):
        return "", ""
    return str(resolved.get("name", "")), str(resolved.get("in", ""))


def _owned(node: Json, memo: dict[int, Json]) -> Json:
    """A copy of `node` that `prepare` may change: dicts and lists copied as `copy.deepcopy`
    copies them (one copy of a shared one: `memo`), strings without lone surrogates
    (`limits.no_surrogates`), in one pass (the two took a third of `prepare`)."""
    if isinstance(node, str):
        return no_surrogates(node)
    if isinstance(node, dict):
        if id(node) not in memo:
            out: dict[Any, Json] = {}
            memo[id(node)] = out
            for key, value in node.items():
                out[no_surrogates(key)] = _owned(value, memo)
        return memo[id(node)]
    if isinstance(node, list):
        if id(node) not in memo:
            items: list[Json] = []
            memo[id(node)] = items
            items.extend(_owned(value, memo) for value in node)
        return memo[id(node)]
    if isinstance(node, tuple):
        return tuple(_owned(value, memo) for value in node)
    return node


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


_TEXT_KEYS = ("description", "title", "summary")


def _clean_texts(node: Json) -> None:
    """Descriptions, titles and summaries as `names.clean_text` keeps them, without trailing
    spaces (they become docstrings: no lone surrogates, no stray control characters)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in _TEXT_KEYS and isinstance(value, str):
                node[key] = "\n".join(line.rstrip() for line in clean_text(value).split("\n"))
            else:
                _clean_texts(value)
    elif isinstance(node, list):
        for value in node:
            _clean_texts(value)


def _drop_foreign_refs(node: Json, doc: dict[str, Any]) -> None:
    """Remove every `$ref` that does not point inside the document itself.

    SECURITY: a spec from a doc page is untrusted; a `$ref` to a file path or a URL would
    make the model generator read local files (into the generated code) or fetch URLs.
    A dangling local `$ref` is dropped too (the value becomes any JSON)."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if "$ref" in node and not (isinstance(ref, str) and _resolves(doc, ref)):
            del node["$ref"]
        for value in node.values():
            _drop_foreign_refs(value, doc)
    elif isinstance(node, list):
        for value in node:
            _drop_foreign_refs(value, doc)


def _resolves(doc: dict[str, Any], ref: str) -> bool:
    if not ref.startswith("#/"):
        return False
    target: Json = doc
    for raw in ref[2:].split("/"):
        part = raw.replace("~1", "/").replace("~0", "~")
        if not isinstance(target, dict) or part not in target:
            return False
        target = target[part]
    return isinstance(target, dict)


def _pointer(name: str) -> str:
    """`name` as a JSON pointer segment."""
    return name.replace("~", "~0").replace("/", "~1")


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
