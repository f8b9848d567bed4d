"""Names for the inline object members of unions, so that models are not numbered.

datamodel-code-generator names the inline members of an `anyOf`/`oneOf` after the place they
sit, then tells them apart by number (`ResponsesServerEventResponsesServerEvent7`). Here
each such member that says what it is becomes a component schema of its own, named

- by its `title` (`ResponseAudioWsDelta`), or
- by where it sits and the value of its discriminating property (`CreateModerationRequest`
  `input` member of `type: image_url` -> `CreateModerationRequestInputImageUrl`),

the title alone when that name is free, else prefixed by where it sits. A member equal to a
component schema already named is that schema (a `$ref` to it). Members that say nothing
of what they are stay inline (the generator numbers those: they are truly distinct schemas
with one name).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Sequence
from typing import Any

from generator.render.names import class_name, unique

REF = "#/components/schemas/"
_UNIONS = ("anyOf", "oneOf")
_MAX_DEPTH = 40


class _Namer:
    def __init__(self, schemas: dict[str, Any]) -> None:
        self.schemas = schemas
        self.taken = {name.lower() for name in schemas}
        self.known = {_canonical(schema): name for name, schema in schemas.items()}
        self.added: dict[str, Any] = {}

    def walk(self, node: Any, where: str, depth: int = 0) -> None:
        """Name the union members under `node` (`where`: the class name of the place)."""
        if not isinstance(node, dict) or depth > _MAX_DEPTH:
            return
        props = node.get("properties")
        if isinstance(props, dict):
            for key, prop in props.items():
                self.walk(prop, where + class_name(str(key), fallback="Field"), depth + 1)
        for key in ("items", "additionalProperties"):
            self.walk(node.get(key), where, depth + 1)
        _distribute(node)
        for member in node.get("allOf") or []:
            self.walk(member, where, depth + 1)
        for key in _UNIONS:
            members = node.get(key)
            if isinstance(members, list):
                self._union(members, where, _discriminator(node), depth)

    def _union(self, members: list[Any], where: str, tag: str, depth: int) -> None:
        inline = [i for i, m in enumerate(members) if _is_inline_object(m)]
        for i, member in enumerate(members):
            if i not in inline or len(inline) < 2:
                self.walk(member, where, depth + 1)
                continue
            title, value = _title(member), _tag_value(member, tag) or _base_name(member)
            if title is None and value is None:
                self.walk(member, where, depth + 1)
                continue
            plain = [class_name(title)] if title else []
            names = [*plain, class_name(f"{where} {title or value}")]
            members[i] = self._hoist(member, names, depth)

    def _hoist(self, member: dict[str, Any], names: Sequence[str], depth: int) -> dict[str, Any]:
        """A `$ref` to `member` as a component: the first of `names` that is free."""
        same = self.known.get(_canonical(member))
        if same is not None:
            return {"$ref": REF + same}
        free = [n for n in names if n.lower() not in self.taken]
        name = unique(free[0] if free else names[-1], self.taken)
        self.known[_canonical(member)] = name
        self.walk(member, name, depth + 1)
        self.added[name] = member
        return {"$ref": REF + name}


def name_union_members(schemas: dict[str, Any]) -> dict[str, Any]:
    """`schemas` (changed in place: inline members become `$ref`s) plus the members named."""
    namer = _Namer(schemas)
    for name, schema in list(schemas.items()):
        namer.walk(schema, name)
    schemas.update(namer.added)
    return schemas


def _canonical(schema: Any) -> str:
    return json.dumps(schema, sort_keys=True, default=str)


def _is_inline_object(node: Any) -> bool:
    if not isinstance(node, dict) or "$ref" in node:
        return False
    kind = node.get("type")
    objectish = kind in (None, "object") or (isinstance(kind, list) and "object" in kind)
    return objectish and bool(node.get("properties") or node.get("allOf"))


def _discriminator(node: dict[str, Any]) -> str:
    found = node.get("discriminator")
    name = found.get("propertyName") if isinstance(found, dict) else None
    return str(name) if name else "type"


def _distribute(node: dict[str, Any]) -> None:
    """`allOf: [anyOf: [A, B], {extra}]` as `anyOf: [allOf: [A, {extra}], allOf: [B, {extra}]]`
    (the same values), so that each member can be named (the generator numbers them)."""
    parts = node.get("allOf")
    if not isinstance(parts, list) or len(parts) < 2:
        return
    unions = [p for p in parts if isinstance(p, dict) and _union_only(p)]
    rest = [p for p in parts if not any(p is u for u in unions)]
    if len(unions) != 1 or not all(_is_inline_object(p) for p in rest):
        return
    key = next(k for k in _UNIONS if k in unions[0])
    del node["allOf"]
    node[key] = [{"allOf": [member, *copy.deepcopy(rest)]} for member in unions[0][key]]


def _union_only(node: dict[str, Any]) -> bool:
    keys = set(node) - {"description", "title", "discriminator"}
    return (
        len(keys) == 1 and next(iter(keys)) in _UNIONS and isinstance(node[next(iter(keys))], list)
    )


def _base_name(member: dict[str, Any]) -> str | None:
    """The component a member extends (`allOf: [{$ref: .../Base}, {...}]` -> Base)."""
    parts = member.get("allOf")
    first = parts[0] if isinstance(parts, list) and parts else None
    ref = first.get("$ref") if isinstance(first, dict) else None
    return ref[len(REF) :] if isinstance(ref, str) and ref.startswith(REF) else None


def _title(member: dict[str, Any]) -> str | None:
    title = member.get("title")
    return title if isinstance(title, str) and _nameable(title) else None


def _tag_value(member: dict[str, Any], tag: str) -> str | None:
    """The one value of the member's `tag` property, else of the first property that has one
    value (`event: thread.run.created`)."""
    props = member.get("properties")
    if not isinstance(props, dict):
        return None
    for prop in [props.get(tag), *props.values()]:
        if isinstance(prop, dict):
            values = [prop["const"]] if "const" in prop else prop.get("enum")
            if isinstance(values, list) and len(values) == 1 and isinstance(values[0], str):
                return values[0] if _nameable(values[0]) else None
    return None


def _nameable(text: str) -> bool:
    """Whether `text` has words to make a class name of."""
    return class_name(text, fallback="_") != "_"
