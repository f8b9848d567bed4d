"""Schemas seen through their equivalent spellings, so that only real changes show.

A `Shape` is one schema with its `$ref`s followed (with a cycle guard), `allOf` merged,
`anyOf`/`oneOf` with a single non-null member folded into that member, and null split off as
a flag: `nullable: true` (3.0, also as `allOf: [X, {nullable: true}]`), `type: [x, "null"]`
and `anyOf: [x, {type: "null"}]` all read the same. Enum values and keys are compared as sets
elsewhere; names of referenced components are kept for messages only.

Shapes are built lazily (child schemas stay raw until compared) and cached by the identity
of the raw node, which the `Resolver` keeps alive for that reason.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

_UNIONS = ("anyOf", "oneOf")
_ANNOTATIONS = {"description", "title", "summary", "example", "examples", "x-source"}
_FOLDABLE = _ANNOTATIONS | {"default", "nullable", "deprecated", "x-inferred", *_UNIONS}
_MAX_FOLDS = 8
_NOTHING: dict[str, Any] = {}
"""What a dangling or circular `$ref` resolves to (shared, so its identity is stable)."""
_BOUNDS = frozenset(
    (
        *("maxLength", "minLength", "maximum", "minimum", "exclusiveMaximum"),
        *("exclusiveMinimum", "maxItems", "minItems", "pattern", "format", "multipleOf"),
    )
)


@dataclass(frozen=True, slots=True, eq=False)
class Shape:
    """What one schema accepts, in a single canonical form."""

    node: Any
    """The raw schema this shape was built from (the key of every cache)."""
    raw: dict[str, Any]
    """Merged keywords: constraints, `default`, `format` ... are read from here."""
    name: str | None
    source: str | None
    types: frozenset[str]
    """JSON types other than null; empty when the schema states none."""
    nullable: bool
    enum: tuple[Any, ...] | None
    properties: dict[str, Any]
    required: frozenset[str]
    items: Any
    additional: Any
    variants: tuple[Any, ...]
    """Raw members of a union with two or more non-null members."""
    inferred: bool

    @property
    def deprecated(self) -> bool:
        return self.raw.get("deprecated") is True

    @property
    def untyped(self) -> bool:
        """States nothing about its values (`{}`): any JSON, null included."""
        return not (self.types or self.nullable or self.variants or self.enum is not None)


class Resolver:
    """Builds and caches the `Shape`s of one document's schemas."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self._shapes: dict[int, Shape] = {}
        self._flat: dict[int, tuple[dict[str, Any], str | None]] = {}
        self._alive: list[Any] = []
        self._building: set[int] = set()

    def shape(self, node: Any) -> Shape:
        key = id(node)
        found = self._shapes.get(key)
        if found is not None:
            return found
        if key in self._building:
            return _shape_of(node, {}, None)
        self._building.add(key)
        try:
            found = self._build(node)
        finally:
            self._building.discard(key)
        self._alive.append(node)
        self._shapes[key] = found
        return found

    def target(self, node: Any) -> Any:
        """What a bare `{$ref: ...}` names (the node itself when it says more than that)."""
        if isinstance(node, dict) and len(node) == 1 and "$ref" in node:
            return self.resolve(node)
        return node

    def resolve(self, node: Any) -> Any:
        """Follow a `$ref` chain to the node it names (any component kind)."""
        seen: set[str] = set()
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            ref = node["$ref"]
            if ref in seen:
                return _NOTHING
            seen.add(ref)
            node = self._target(ref)
        return node

    def _target(self, ref: str) -> Any:
        if not ref.startswith("#/"):
            return _NOTHING
        node: Any = self.document
        for part in ref[2:].split("/"):
            key = part.replace("~1", "/").replace("~0", "~")
            node = node.get(key) if isinstance(node, dict) else None
            if node is None:
                return _NOTHING
        return node

    def _build(self, node: Any) -> Shape:
        flat, name = self.flatten(node)
        nullable = False
        for _ in range(_MAX_FOLDS):
            members = list(self._union_members(flat, set()))
            nulls = [m for m in members if self._is_null(m)]
            others = [m for m in members if not self._is_null(m)]
            nullable = nullable or bool(nulls)
            base = {k: v for k, v in flat.items() if k not in _UNIONS}
            if len(others) != 1:
                break
            merged, member_name = self.flatten(others[0])  # `anyOf: [X, null]` reads as X
            if set(base) <= _FOLDABLE:
                name = name or member_name
            flat = _merge(base, merged)
        else:
            return _shape_of(node, flat, name, nullable=nullable)
        others = self._without_open_enums(others)
        if len(others) == 1:
            merged, _ = self.flatten(others[0])
            return _shape_of(node, _merge(base, merged), name, nullable=nullable)
        if others:
            kinds = frozenset().union(*(self.shape(m).types for m in others))
            return _shape_of(
                node, base, name, variants=tuple(others), kinds=kinds, nullable=nullable
            )
        return _shape_of(node, base, name, nullable=nullable)

    def _without_open_enums(self, members: list[Any]) -> list[Any]:
        """`anyOf: [string, {type: string, enum: [...]}]` (known values of an enum open to
        others) accepts any string: the enum member adds nothing to what is accepted."""
        shapes = [self.shape(m) for m in members]
        open_types = frozenset().union(*(s.types for s in shapes if _plain(s)))
        if not open_types:
            return members
        return [
            m
            for m, s in zip(members, shapes, strict=True)
            if s.enum is None or not s.types <= open_types or s.properties
        ]

    def flatten(self, node: Any) -> tuple[dict[str, Any], str | None]:
        """`node` with `$ref`s replaced by their target and `allOf` merged; and its name."""
        key = id(node)
        found = self._flat.get(key)
        if found is None:
            found = self._flatten(node, frozenset())
            self._alive.append(node)
            self._flat[key] = found
        return found

    def _flatten(self, node: Any, seen: frozenset[str]) -> tuple[dict[str, Any], str | None]:
        if not isinstance(node, dict):
            return {}, None
        name: str | None = None
        ref = node.get("$ref")
        if isinstance(ref, str):
            if ref in seen:
                return {}, None
            target, _ = self._flatten(self._target(ref), seen | {ref})
            rest = {k: v for k, v in node.items() if k != "$ref"}
            name = ref.rsplit("/", 1)[-1]
            node = _merge(rest, target) if rest else target
            if set(rest) - _ANNOTATIONS:
                name = None
        parts = node.get("allOf")
        if isinstance(parts, list) and parts:
            merged = {k: v for k, v in node.items() if k != "allOf"}
            names = []
            for part in parts:
                flat, part_name = self._flatten(part, seen)
                merged = _merge(merged, flat)
                names.append(part_name)
            named = [n for n, part in zip(names, parts, strict=True) if not _annotation(part)]
            if len(named) == 1 and not name:
                name = named[0]  # `allOf: [X, {nullable: true}]` is still X
            node = merged
        return node, name

    def _union_members(self, flat: dict[str, Any], seen: set[int]) -> Iterator[Any]:
        """Members of `anyOf`/`oneOf`, nested unions spliced in."""
        for key in _UNIONS:
            members = flat.get(key)
            if not isinstance(members, list):
                continue
            for member in members:
                inner, _ = self.flatten(member)
                if id(inner) in seen:
                    continue
                if any(k in inner for k in _UNIONS) and set(inner) - set(_UNIONS) <= _ANNOTATIONS:
                    seen.add(id(inner))
                    yield from self._union_members(inner, seen)
                else:
                    yield member

    def _is_null(self, member: Any) -> bool:
        flat, _ = self.flatten(member)
        kind = flat.get("type")
        if kind in ("null", ["null"]):
            return True
        return flat.get("enum") == [None] or ("const" in flat and flat["const"] is None)


def _shape_of(
    node: Any,
    flat: dict[str, Any],
    name: str | None,
    *,
    variants: tuple[Any, ...] = (),
    kinds: frozenset[str] = frozenset(),
    nullable: bool = False,
) -> Shape:
    """`kinds`: the types of a union's members; `nullable`: a union had a null member."""
    stated = _types(flat.get("type"))
    nullable = nullable or "null" in stated or flat.get("nullable") is True
    kinds = (stated - {"null"}) | kinds
    properties = flat.get("properties")
    properties = properties if isinstance(properties, dict) else {}
    if not kinds and not variants:
        kinds = frozenset({"object"} if properties else {"array"} if "items" in flat else ())
    enum = _enum(flat)
    if enum is not None and None in enum:
        nullable = True
        enum = tuple(v for v in enum if v is not None)
    required = flat.get("required")
    additional = flat.get("additionalProperties")
    return Shape(
        node=node,
        raw=flat,
        name=name,
        source=_str(flat.get("x-source")),
        types=kinds,
        nullable=nullable,
        enum=enum,
        properties=properties,
        required=(
            frozenset(r for r in required if isinstance(r, str))
            if isinstance(required, list)
            else frozenset()
        ),
        items=flat.get("items") if isinstance(flat.get("items"), dict) else None,
        additional=additional if isinstance(additional, dict) else None,
        variants=variants,
        inferred=bool(flat.get("x-inferred")),
    )


def _plain(shape: Shape) -> bool:
    """Any value of its type(s): no enum, no fields, no bounds."""
    return bool(shape.types) and not (
        shape.enum is not None
        or shape.properties
        or shape.items is not None
        or shape.variants
        or _BOUNDS.intersection(shape.raw)
    )


def _annotation(part: Any) -> bool:
    return isinstance(part, dict) and "$ref" not in part and set(part) <= _FOLDABLE


def _types(value: Any) -> frozenset[str]:
    if isinstance(value, str):
        return frozenset({value})
    if isinstance(value, list):
        return frozenset(v for v in value if isinstance(v, str))
    return frozenset()


def _enum(flat: dict[str, Any]) -> tuple[Any, ...] | None:
    if isinstance(flat.get("enum"), list):
        return tuple(flat["enum"])
    if "const" in flat:
        return (flat["const"],)
    return None


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _merge(first: dict[str, Any], second: dict[str, Any]) -> dict[str, Any]:
    """Both schemas at once (`allOf`): properties and `required` add up, else first wins."""
    out = dict(first)
    for key, value in second.items():
        if key not in out:
            out[key] = value
        elif key == "properties" and isinstance(value, dict) and isinstance(out[key], dict):
            props = dict(out[key])
            for name, schema in value.items():
                props[name] = {"allOf": [props[name], schema]} if name in props else schema
            out[key] = props
        elif key == "required" and isinstance(value, list) and isinstance(out[key], list):
            out[key] = list(dict.fromkeys([*out[key], *value]))
        elif key == "type" and isinstance(out[key], list | str):
            both = _types(out[key]) & _types(value)
            out[key] = sorted(both) if both else out[key]
    return out
