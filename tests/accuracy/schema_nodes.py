"""The schemas of an OpenAPI document as nodes: each parameter, field and array item of an
operation, by (location, field path), with its types, nullability, required flag and
whether it was inferred from an example (`x-inferred`). `$ref`s are resolved, `allOf`
merged, unions' members' fields united; cycles and depth are bounded."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

NodeKind = Literal["param", "field", "items", "root"]
Where = tuple[str, tuple[str, ...]]  # (location, field path), e.g. ("response.200", ("data", "[]"))

_MAX_DEPTH = 24


@dataclass(frozen=True)
class TypeInfo:
    """``types``: None when unknown, empty when only ``null`` is stated."""

    types: frozenset[str] | None
    nullable: bool
    null_stated: bool


@dataclass(frozen=True)
class Node:
    kind: NodeKind
    info: TypeInfo
    required: bool
    inferred: bool


def _type_set(value: Any) -> frozenset[str] | None:
    if isinstance(value, str):
        return frozenset({value})
    if isinstance(value, list):
        return frozenset(str(item) for item in value)
    return None


def _merge_type(left: Any, right: Any) -> Any:
    if left is None:
        return right
    if right is None:
        return left
    both = (_type_set(left) or frozenset()) & (_type_set(right) or frozenset())
    return sorted(both) if both else left


def _merge_into(target: dict[str, Any], part: Mapping[str, Any]) -> None:
    """Merge one ``allOf`` component into ``target`` (properties and required united)."""
    for key, value in part.items():
        if key == "properties" and isinstance(value, Mapping):
            target["properties"] = {**target.get("properties", {}), **value}
        elif key == "required" and isinstance(value, list):
            target["required"] = [*target.get("required", []), *value]
        elif key == "type":
            target["type"] = _merge_type(target.get("type"), value)
        elif key in ("nullable", "x-inferred"):
            target[key] = bool(target.get(key)) or bool(value)
        else:
            target.setdefault(key, value)


class Resolver:
    """Resolves local ``$ref`` pointers and merges ``allOf`` for one document."""

    def __init__(self, doc: Mapping[str, Any]) -> None:
        self._doc = doc

    def lookup(self, ref: str) -> Any:
        if not ref.startswith("#"):
            return {}
        node: Any = self._doc
        for raw in ref[1:].split("/")[1:]:
            key = raw.replace("~1", "/").replace("~0", "~")
            if isinstance(node, Mapping) and key in node:
                node = node[key]
            elif isinstance(node, list) and key.isdigit() and int(key) < len(node):
                node = node[int(key)]
            else:
                return {}
        return node

    def deref(self, obj: Any) -> tuple[Any, frozenset[str]]:
        """Follow a chain of ``$ref`` (siblings ignored); return the target and refs followed."""
        seen: set[str] = set()
        while isinstance(obj, Mapping) and isinstance(obj.get("$ref"), str):
            ref = obj["$ref"]
            if ref in seen:
                return {}, frozenset(seen)
            seen.add(ref)
            obj = self.lookup(ref)
        return obj, frozenset(seen)

    def merged(
        self, schema: Any, guard: frozenset[str] = frozenset()
    ) -> tuple[dict[str, Any], frozenset[str]]:
        """The schema with its ``$ref`` and ``allOf`` folded in, and the ``$ref`` chain
        followed to get there (``allOf`` components are not part of that chain)."""
        if not isinstance(schema, Mapping):
            return {}, frozenset()
        result: dict[str, Any] = {k: v for k, v in schema.items() if k not in ("$ref", "allOf")}
        refs: frozenset[str] = frozenset()
        ref = schema.get("$ref")
        if isinstance(ref, str) and ref not in guard:
            target, refs = self.merged(self.lookup(ref), guard | {ref})
            refs |= {ref}
            _merge_into(result, target)
        for part in schema.get("allOf") or []:
            sub, _part_refs = self.merged(part, guard | refs)
            _merge_into(result, sub)
        return result, refs

    def members(self, schema: Mapping[str, Any]) -> list[tuple[dict[str, Any], frozenset[str]]]:
        """The ``oneOf`` and ``anyOf`` alternatives, merged, each with its ``$ref`` chain."""
        items = [*(schema.get("oneOf") or []), *(schema.get("anyOf") or [])]
        return [self.merged(item) for item in items]

    def type_info(self, schema: Mapping[str, Any], guard: frozenset[str] = frozenset()) -> TypeInfo:
        own = _type_set(schema.get("type"))
        nullable = (own is not None and "null" in own) or schema.get("nullable") is True
        stated = (own is not None and "null" in own) or "nullable" in schema
        types = None if own is None else own - {"null"}
        members = [(m, refs) for m, refs in self.members(schema) if not refs & guard]
        if not members:
            return TypeInfo(types, nullable, stated)
        union: frozenset[str] | None = frozenset()
        for member, refs in members:
            sub = self.type_info(member, guard | refs)
            nullable, stated = nullable or sub.nullable, stated or sub.null_stated
            union = None if union is None or sub.types is None else union | sub.types
        if types is None:
            types = union
        elif union and types & union:
            types = types & union
        return TypeInfo(types, nullable, stated)


def _union_schema(schemas: list[Any]) -> Any:
    return schemas[0] if len(schemas) == 1 else {"anyOf": schemas}


@dataclass
class _Children:
    props: dict[str, list[Any]] = field(default_factory=dict)
    required: set[str] = field(default_factory=set)
    items: list[Any] = field(default_factory=list)
    refs: frozenset[str] = frozenset()


def _children(res: Resolver, schema: Mapping[str, Any], chain: frozenset[str]) -> _Children:
    """Properties, required names and array items of a schema and its oneOf/anyOf members.

    A property found in several members is the union of its schemas; it is required when
    every member that has properties requires it.
    """
    out = _Children()
    for name, sub in (schema.get("properties") or {}).items():
        out.props.setdefault(str(name), []).append(sub)
    out.required = {str(name) for name in schema.get("required") or []}
    if "items" in schema:
        out.items.append(schema["items"])
    member_required: set[str] | None = None
    for member, refs in res.members(schema):
        if refs & chain:
            continue
        out.refs |= refs
        for name, sub in (member.get("properties") or {}).items():
            out.props.setdefault(str(name), []).append(sub)
        if member.get("properties"):
            names = {str(name) for name in member.get("required") or []}
            member_required = names if member_required is None else member_required & names
        if "items" in member:
            out.items.append(member["items"])
    out.required |= member_required or set()
    return out


@dataclass
class Walker:
    """Flattens the schemas of one operation into ``(location, path) -> Node``."""

    res: Resolver
    nodes: dict[Where, Node] = field(default_factory=dict)

    def walk(
        self,
        schema: Any,
        where: Where,
        *,
        kind: NodeKind,
        required: bool,
        inferred: bool,
        chain: frozenset[str] = frozenset(),
    ) -> None:
        merged, refs = self.res.merged(schema)
        inferred = inferred or bool(merged.get("x-inferred"))
        self.nodes[where] = Node(kind, self.res.type_info(merged), required, inferred)
        loc, path = where
        if refs & chain or len(path) >= _MAX_DEPTH:
            return
        chain |= refs
        kids = _children(self.res, merged, chain)
        chain |= kids.refs
        for name, subs in kids.props.items():
            self.walk(
                _union_schema(subs),
                (loc, (*path, name)),
                kind="field",
                required=name in kids.required,
                inferred=inferred,
                chain=chain,
            )
        if kids.items:
            self.walk(
                _union_schema(kids.items),
                (loc, (*path, "[]")),
                kind="items",
                required=False,
                inferred=inferred,
                chain=chain,
            )
