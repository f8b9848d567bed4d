"""Which member of an old union is which member of the new one.

Members are paired by, in order: the value of a discriminating property (`type: {enum:
[code_interpreter]}`, or the union's `discriminator.propertyName`), the component name, the
JSON type when it is the only member of that type, and a shallow structural fingerprint (so
a renamed component with the same shape pairs up). A member split into one member per tag
value (or several merged into one) is neither added nor removed. When one member is left on
each side, and their tags do not disagree, they pair too. What stays unpaired was added or
removed.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable
from dataclasses import dataclass

from generator.diff.schema import Resolver, Shape

_TAG_NAMES = ("type", "object", "kind", "event")


@dataclass(frozen=True, slots=True)
class Member:
    """One union member of one side, with the label it is shown under."""

    node: object
    shape: Shape
    label: str


@dataclass(frozen=True, slots=True)
class Pairing:
    pairs: list[tuple[Member, Member]]
    removed: list[Member]
    added: list[Member]


def members(shape: Shape, resolver: Resolver) -> list[Member]:
    """The members of a union, or the schema itself as the only member of a non-union."""
    if not shape.variants:
        return [Member(shape.node, shape, "")]
    tag = _tag_property(shape, resolver)
    out = []
    for index, node in enumerate(shape.variants):
        member = resolver.shape(node)
        value = _tag_value(member, tag, resolver) if tag else None
        label = _text(value) if value is not None else member.name or _type_label(member)
        out.append(Member(node, member, label or str(index + 1)))
    return out


def pair_members(
    old: list[Member], new: list[Member], resolvers: tuple[Resolver, Resolver]
) -> Pairing:
    old_left, new_left = list(old), list(new)
    pairs: list[tuple[Member, Member]] = []
    keys: list[Callable[[Member, Resolver], Hashable]] = [
        _tag_key,
        lambda m, _: m.shape.name,
        _type_key,
        _fingerprint,
    ]
    for key in keys:
        _pair_by(old_left, new_left, pairs, key, resolvers)
    _drop_splits(old_left, new_left, resolvers)
    _drop_splits(new_left, old_left, (resolvers[1], resolvers[0]))
    if (
        len(old_left) == 1
        and len(new_left) == 1
        and _compatible(old_left[0], new_left[0], resolvers)
    ):
        pairs.append((old_left.pop(), new_left.pop()))
    return Pairing(pairs, old_left, new_left)


def _drop_splits(
    side: list[Member], other: list[Member], resolvers: tuple[Resolver, Resolver]
) -> None:
    """A member whose tag allows several values (`type: [text, json_object]`) that became
    one tagged member per value on the other side (or the reverse) accepts the same
    values: neither it nor those members were removed or added."""
    for member in list(side):
        values = _tag_values(member.shape, resolvers[0])
        if values is None:
            continue
        tag, allowed = values
        parts = [m for m in other if _tag_key(m, resolvers[1]) in {(tag, v) for v in allowed}]
        if len(parts) == len(allowed):
            side.remove(member)
            for part in parts:
                other.remove(part)


def _tag_values(shape: Shape, resolver: Resolver) -> tuple[str, set[str]] | None:
    for name in _TAG_NAMES:
        prop = shape.properties.get(name)
        enum = resolver.shape(prop).enum if prop is not None else None
        if enum is not None and len(enum) > 1:
            return name, {_text(v) for v in enum}
    return None


def _compatible(old: Member, new: Member, resolvers: tuple[Resolver, Resolver]) -> bool:
    """Members whose tags disagree (`retrieval` vs `file_search`) are different things."""
    before, after = _tag_key(old, resolvers[0]), _tag_key(new, resolvers[1])
    return before is None or after is None or before == after


def _pair_by(
    old: list[Member],
    new: list[Member],
    pairs: list[tuple[Member, Member]],
    key: Callable[[Member, Resolver], Hashable],
    resolvers: tuple[Resolver, Resolver],
) -> None:
    """Pair members whose key is set, equal, and unique on both sides."""
    old_keys = _unique_keys(old, key, resolvers[0])
    new_keys = _unique_keys(new, key, resolvers[1])
    for value, old_member in old_keys.items():
        new_member = new_keys.get(value)
        if new_member is not None and _compatible(old_member, new_member, resolvers):
            pairs.append((old_member, new_member))
            old.remove(old_member)
            new.remove(new_member)


def _unique_keys(
    side: list[Member], key: Callable[[Member, Resolver], Hashable], resolver: Resolver
) -> dict[Hashable, Member]:
    found: dict[Hashable, Member] = {}
    clashes: set[Hashable] = set()
    for member in side:
        value = key(member, resolver)
        if value is None or value in clashes:
            continue
        if value in found:
            clashes.add(value)
            del found[value]
        else:
            found[value] = member
    return found


def _tag_property(shape: Shape, resolver: Resolver) -> str | None:
    """The property whose single allowed value tells the union's members apart."""
    discriminator = shape.raw.get("discriminator")
    if isinstance(discriminator, dict) and isinstance(discriminator.get("propertyName"), str):
        return str(discriminator["propertyName"])
    shapes = [resolver.shape(node) for node in shape.variants]
    for name in _TAG_NAMES:
        values = [_tag_value(s, name, resolver) for s in shapes]
        if sum(v is not None for v in values) >= 2:
            return name
    return None


def _tag_value(shape: Shape, tag: str, resolver: Resolver) -> object:
    prop = shape.properties.get(tag)
    if prop is None:
        return None
    enum = resolver.shape(prop).enum
    return enum[0] if enum is not None and len(enum) == 1 else None


def _tag_key(member: Member, resolver: Resolver) -> Hashable:
    for name in _TAG_NAMES:
        value = _tag_value(member.shape, name, resolver)
        if value is not None:
            return (name, _text(value))
    return None


def _type_key(member: Member, _: Resolver) -> Hashable:
    return member.shape.types or None


def _fingerprint(member: Member, resolver: Resolver) -> Hashable:
    shape = member.shape
    props = tuple(
        sorted(
            (name, tuple(sorted(resolver.shape(node).types)))
            for name, node in shape.properties.items()
        )
    )
    items = tuple(sorted(resolver.shape(shape.items).types)) if shape.items is not None else ()
    enum = tuple(sorted(_text(v) for v in shape.enum)) if shape.enum is not None else None
    return (tuple(sorted(shape.types)), props, items, enum, tuple(sorted(shape.required)))


def _type_label(shape: Shape) -> str:
    return "|".join(sorted(shape.types))


def _text(value: object) -> str:
    return value if isinstance(value, str) else json.dumps(value, sort_keys=True, default=str)
