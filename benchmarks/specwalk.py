"""Operations of a reference spec as the page writers need them: $refs resolved, trimmed.

Each operation becomes an `Op` whose parameters and bodies are `Node` trees: field name,
type, required flag, description, enum, default, example and children. Nesting stops at
`MAX_DEPTH` and a page carries at most `MAX_FIELDS` fields, so that the written pages look
like real documentation pages (which fold deep or huge schemas away).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from generator.openapi.yaml_io import load_spec_file

MAX_DEPTH = 3
MAX_FIELDS = 60
METHODS = ("get", "post", "put", "patch", "delete")
_SCALARS = ("string", "integer", "number", "boolean", "object", "array", "null")

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
Schema = dict[str, Any]


@dataclass
class Node:
    name: str
    kinds: list[str]
    """Base types, e.g. ["string", "null"]; arrays are "array" with `item` set."""
    required: bool = False
    item: str = ""
    """The item type of an array ("object", "string" ...)."""
    description: str = ""
    enum: list[str] = field(default_factory=list)
    default: Any = None
    example: Any = None
    location: str = ""
    children: list[Node] = field(default_factory=list)


@dataclass
class Op:
    method: str
    path: str
    server: str
    title: str
    description: str
    operation_id: str
    tag: str
    auth: list[tuple[str, str]]
    """(header name, example value) of the first security alternative."""
    params: list[Node]
    body_media: str
    body: list[Node]
    status: str
    response_media: str
    response_text: str
    response: list[Node]


@dataclass
class _Budget:
    left: int = MAX_FIELDS

    def take(self) -> bool:
        self.left -= 1
        return self.left >= 0


class Spec:
    """One loaded spec and the $ref resolution over it."""

    def __init__(self, path: Any) -> None:
        self.doc: dict[str, Any] = load_spec_file(path)

    def deref(self, item: Any, seen: frozenset[str] = frozenset()) -> tuple[Schema, frozenset[str]]:
        """`item` with $refs followed (a cycle gives {}), and the refs followed so far."""
        while isinstance(item, dict) and isinstance(item.get("$ref"), str):
            ref = item["$ref"]
            if ref in seen or not ref.startswith("#/"):
                return {}, seen
            seen = seen | {ref}
            target: Any = self.doc
            for raw in ref[2:].split("/"):
                part = raw.replace("~1", "/").replace("~0", "~")
                target = target.get(part, {}) if isinstance(target, dict) else {}
            item = target
        return (item if isinstance(item, dict) else {}), seen

    def operations(self) -> list[Op]:
        ops: list[Op] = []
        for path, raw in (self.doc.get("paths") or {}).items():
            item, _ = self.deref(raw)
            for method in METHODS:
                if isinstance(item.get(method), dict):
                    ops.append(self._op(path, method, item))
        return ops

    def _op(self, path: str, method: str, item: Schema) -> Op:
        op: Schema = item[method]
        budget = _Budget()
        params = [self._param(p, budget) for p in [*item.get("parameters", []), *_params(op)]]
        body_media, body = self._content(op.get("requestBody"), budget)
        status, response = _first_success(op.get("responses") or {})
        response_schema, _ = self.deref(response)
        media, fields = self._content(response_schema, budget)
        summary = str(op.get("summary") or op.get("operationId") or f"{method} {path}")
        return Op(
            method=method.upper(),
            path=path,
            server=self._server(op, item),
            title=_first_line(summary),
            description=_first_line(str(op.get("description") or summary)),
            operation_id=str(op.get("operationId") or f"{method}_{path}"),
            tag=str((op.get("tags") or ["API"])[0]),
            auth=self._auth(op),
            params=[p for p in params if p is not None],
            body_media=body_media,
            body=body,
            status=status,
            response_media=media,
            response_text=_first_line(str(response_schema.get("description") or "OK")),
            response=fields,
        )

    def _server(self, op: Schema, item: Schema) -> str:
        for holder in (op, item, self.doc):
            servers = holder.get("servers") or []
            if servers and isinstance(servers[0], dict) and servers[0].get("url"):
                return str(servers[0]["url"]).rstrip("/")
        return "https://api.example.com"

    def _auth(self, op: Schema) -> list[tuple[str, str]]:
        alternatives = op.get("security", self.doc.get("security")) or []
        schemes = (self.doc.get("components") or {}).get("securitySchemes") or {}
        headers: list[tuple[str, str]] = []
        for name in alternatives[0] if alternatives else {}:
            scheme, _ = self.deref(schemes.get(name))
            if scheme.get("type") == "http":
                headers.append(("Authorization", "Bearer $API_KEY"))
            elif scheme.get("type") == "apiKey" and scheme.get("in") == "header":
                value = "$" + str(scheme.get("name", name)).upper().replace("-", "_")
                headers.append((str(scheme.get("name", name)), value))
        return headers

    def _param(self, raw: Any, budget: _Budget) -> Node | None:
        param, seen = self.deref(raw)
        if not param.get("name") or param.get("in") not in ("path", "query", "header"):
            return None
        schema, seen = self.deref(param.get("schema") or {}, seen)
        node = self.node(
            str(param["name"]), schema, bool(param.get("required")), at=(1, budget, seen)
        )
        if node is None:
            return None
        node.location = str(param["in"])
        node.description = node.description or _first_line(str(param.get("description") or ""))
        if param.get("example") is not None:
            node.example = param["example"]
        return node

    def _content(self, holder: Any, budget: _Budget) -> tuple[str, list[Node]]:
        """The first media type of a request body or response, and its top-level fields."""
        resolved, seen = self.deref(holder)
        content = resolved.get("content") or {}
        if not content:
            return "", []
        media = next(iter(content))
        schema, seen = self.deref((content[media] or {}).get("schema") or {}, seen)
        return media, self.fields(schema, 1, budget, seen)

    def fields(
        self, schema: Schema, depth: int, budget: _Budget, seen: frozenset[str]
    ) -> list[Node]:
        """The properties of an object schema (allOf merged, first object variant of unions)."""
        merged, seen = self._object_shape(schema, seen)
        required = set(merged.get("required") or [])
        out: list[Node] = []
        for name, sub in (merged.get("properties") or {}).items():
            node = self.node(str(name), sub, name in required, at=(depth, budget, seen))
            if node is None:
                break
            out.append(node)
        return out

    def node(
        self, name: str, raw: Any, required: bool, *, at: tuple[int, _Budget, frozenset[str]]
    ) -> Node | None:
        """One field; `at` is (depth, budget, refs followed so far)."""
        depth, budget, seen = at
        if not budget.take():
            return None
        schema, seen = self.deref(raw, seen)
        kinds, variants = self._kinds(schema, seen)
        node = Node(name, kinds, required, description=_first_line(_text(schema, variants)))
        node.enum = [str(v) for v in schema.get("enum") or [] if v is not None][:8]
        node.default = schema.get("default")
        node.example = schema.get("example")
        if "array" in kinds:
            items, _ = self.deref(schema.get("items") or {}, seen)
            node.item = self._kinds(items, seen)[0][0]
            shape = items if node.item == "object" else {}
        else:
            shape = schema if "object" in kinds else {}
        if shape and depth < MAX_DEPTH:
            node.children = self.fields(shape, depth + 1, budget, seen)
        return node

    def _kinds(self, schema: Schema, seen: frozenset[str]) -> tuple[list[str], list[Schema]]:
        """The base types of a schema and its union variants (resolved)."""
        raw = schema.get("anyOf") or schema.get("oneOf") or []
        resolved = [self.deref(v, seen) for v in raw]
        kinds: list[str] = [] if resolved else _own_kinds(schema)
        for variant, inner in resolved:
            nested = self._kinds(variant, inner)[0] if variant else []
            kinds.extend(k for k in nested if k not in kinds)
        variants = [variant for variant, _ in resolved]
        if schema.get("nullable") and "null" not in kinds:
            kinds.append("null")
        return kinds or ["object"], variants

    def _object_shape(self, schema: Schema, seen: frozenset[str]) -> tuple[Schema, frozenset[str]]:
        variants = schema.get("anyOf") or schema.get("oneOf") or []
        for variant in variants:
            resolved, inner = self.deref(variant, seen)
            if resolved.get("properties") or resolved.get("allOf"):
                return self._object_shape(resolved, inner)
        merged: Schema = {"properties": dict(schema.get("properties") or {})}
        merged["required"] = list(schema.get("required") or [])
        for part in schema.get("allOf") or []:
            resolved, _ = self.deref(part, seen)
            shape, _ = self._object_shape(resolved, seen)
            merged["properties"].update(shape["properties"])
            merged["required"] += shape["required"]
        return merged, seen


def _own_kinds(schema: Schema) -> list[str]:
    declared = schema.get("type")
    if isinstance(declared, list):
        return [str(k) for k in declared if k in _SCALARS]
    if declared in _SCALARS:
        return [str(declared)]
    if "enum" in schema or "const" in schema:
        return ["string"]
    if schema.get("properties") or schema.get("allOf"):
        return ["object"]
    return []


def _params(op: Schema) -> list[Any]:
    params = op.get("parameters") or []
    return list(params) if isinstance(params, list) else []


def _first_success(responses: Schema) -> tuple[str, Any]:
    for code in sorted(responses, key=str):
        if str(code).startswith("2"):
            return str(code), responses[code]
    return "200", {"description": "OK"}


def _text(schema: Schema, variants: list[Schema]) -> str:
    for part in [schema, *variants]:
        if part.get("description"):
            return str(part["description"])
    return ""


def _first_line(text: str) -> str:
    """The first sentence of the first paragraph, as a page would show it, ≤ 200 chars."""
    line = text.strip().split("\n\n")[0].replace("\n", " ").strip()
    line = _LINK.sub(r"\1", line).replace("`", "").replace("**", "")
    cut = line.find(". ")
    line = line[: cut + 1] if 0 < cut < 200 else line
    return line[:200].strip()
