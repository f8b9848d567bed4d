"""Schema rules: recursive generators over two `Shape`s, one function per rule family.

Each `find_*_changes(old, new, *, path, ctx)` yields `Finding`s whose path is relative to
the schema pair; `SchemaDiffer.compare` caches them per pair of raw schemas (and per
direction), so a component used by many operations is compared once, and a pair met again
inside itself (a recursive schema) yields nothing the second time.

`ctx.direction` is `request` or `response`: rule ids carry it, because the same edit breaks
callers on one side only. Inside schemas marked `x-inferred` (built from an example by the
scraper) `required` and non-nullability are unknown and integer agrees with number.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from generator.diff.model import Finding
from generator.diff.schema import Resolver, Shape
from generator.diff.variants import members, pair_members

_UPPER = ("maxLength", "maximum", "exclusiveMaximum", "maxItems", "maxProperties")
_LOWER = ("minLength", "minimum", "exclusiveMinimum", "minItems", "minProperties")
_CONSTRAINTS = (*_UPPER, *_LOWER, "pattern", "uniqueItems", "multipleOf")
_MISSING = object()


@dataclass(frozen=True, slots=True)
class Context:
    direction: str
    inferred: bool
    differ: SchemaDiffer
    members: bool = False
    """Comparing two members of unions whose null was already compared as a whole."""

    def rule(self, name: str) -> str:
        return f"{self.direction}-{name}"


class SchemaDiffer:
    """Compares schemas of two documents, caching the findings of each pair."""

    def __init__(self, old: Resolver, new: Resolver) -> None:
        self.old = old
        self.new = new
        self._done: dict[tuple[int, int, str, bool, bool], tuple[Finding, ...]] = {}
        self._active: set[tuple[int, int, str, bool, bool]] = set()

    def compare(
        self,
        old: Any,
        new: Any,
        *,
        direction: str,
        inferred: bool = False,
        members: bool = False,
    ) -> tuple[Finding, ...]:
        # A bare `$ref` is keyed by its target: a recursive schema meets itself again
        key = (id(self.old.target(old)), id(self.new.target(new)), direction, inferred, members)
        found = self._done.get(key)
        if found is not None:
            return found
        if key in self._active:
            return ()
        self._active.add(key)
        try:
            a, b = self.old.shape(old), self.new.shape(new)
            ctx = Context(direction, inferred or a.inferred or b.inferred, self, members)
            found = tuple(
                f.with_sources(a.source, b.source)
                for f in find_schema_changes(a, b, path=(), ctx=ctx)
            )
        finally:
            self._active.discard(key)
        self._done[key] = found
        return found

    def children(
        self, old: Any, new: Any, *, path: tuple[str, ...], ctx: Context, members: bool = False
    ) -> Iterator[Finding]:
        found = self.compare(
            old, new, direction=ctx.direction, inferred=ctx.inferred, members=members
        )
        for finding in found:
            yield finding.under(path)


def find_schema_changes(
    old: Shape, new: Shape, *, path: tuple[str, ...], ctx: Context
) -> Iterator[Finding]:
    yield from find_nullable_changes(old, new, path=path, ctx=ctx)
    if new.deprecated and not old.deprecated:
        yield Finding(ctx.rule("deprecated"), path, False, True, "now deprecated")
    if old.variants or new.variants:
        yield from find_variant_changes(old, new, path=path, ctx=ctx)
        return
    retyped = list(find_type_changes(old, new, path=path, ctx=ctx))
    yield from retyped
    if retyped:
        return
    yield from find_enum_changes(old, new, path=path, ctx=ctx)
    yield from find_constraint_changes(old, new, path=path, ctx=ctx)
    yield from find_default_changes(old, new, path=path, ctx=ctx)
    yield from find_format_changes(old, new, path=path, ctx=ctx)
    if old.untyped or new.untyped:
        return  # a side that states nothing about the values cannot disagree with the other
    yield from find_property_changes(old, new, path=path, ctx=ctx)
    if old.items is not None and new.items is not None:
        yield from ctx.differ.children(old.items, new.items, path=(*path, "[]"), ctx=ctx)
    if old.additional is not None and new.additional is not None:
        yield from ctx.differ.children(old.additional, new.additional, path=(*path, "{}"), ctx=ctx)


def find_nullable_changes(
    old: Shape, new: Shape, *, path: tuple[str, ...], ctx: Context
) -> Iterator[Finding]:
    if old.nullable == new.nullable or old.untyped or new.untyped or ctx.members:
        return
    if ctx.inferred and not (old.nullable and new.nullable):
        return  # an example shows null when it is there, never that it cannot be
    request = ctx.direction == "request"
    if new.nullable:
        text = "now accepts null" if request else "may now be null"
        yield Finding(ctx.rule("nullable-added"), path, False, True, text)
    else:
        text = "no longer accepts null" if request else "is no longer null"
        yield Finding(ctx.rule("nullable-removed"), path, True, False, text)


def find_type_changes(
    old: Shape, new: Shape, *, path: tuple[str, ...], ctx: Context
) -> Iterator[Finding]:
    before, after = old.types, new.types
    if not before or not after:
        return  # a side that states no type says nothing about it
    if ctx.inferred:
        before, after = _numbers(before), _numbers(after)
    if before == after:
        return
    if ctx.direction == "request":
        rule = "type-widened" if _covers(after, before) else "type-changed"
    else:
        rule = "type-narrowed" if _covers(before, after) else "type-changed"
    was, now = "|".join(sorted(old.types)), "|".join(sorted(new.types))
    yield Finding(ctx.rule(rule), path, was, now, f"type {was} -> {now}")


def find_enum_changes(
    old: Shape, new: Shape, *, path: tuple[str, ...], ctx: Context
) -> Iterator[Finding]:
    if old.enum is None and new.enum is None:
        return
    if old.enum is None or new.enum is None:
        added = old.enum is None
        values = list(new.enum if new.enum is not None else old.enum or ())
        rule, text = (
            ("enum-added", "now limited to") if added else ("enum-removed", "was limited to")
        )
        old_value, new_value = (None, values) if added else (values, None)
        yield Finding(ctx.rule(rule), path, old_value, new_value, f"{text} {_list(values)}")
        return
    before = {_key(v): v for v in old.enum}
    after = {_key(v): v for v in new.enum}
    for key, value in before.items():
        if key not in after:
            yield Finding(ctx.rule("enum-value-removed"), path, value, None, f"value {key} removed")
    for key, value in after.items():
        if key not in before:
            yield Finding(ctx.rule("enum-value-added"), path, None, value, f"value {key} added")


def find_constraint_changes(
    old: Shape, new: Shape, *, path: tuple[str, ...], ctx: Context
) -> Iterator[Finding]:
    for keyword in (k for k in _CONSTRAINTS if k in old.raw or k in new.raw):
        before, after = _bound(keyword, old.raw.get(keyword)), _bound(keyword, new.raw.get(keyword))
        if before == after:
            continue
        movement = _movement(keyword, before, after)
        text = f"{keyword} {_show(before)} -> {_show(after)}"
        old_value = None if before is None else {keyword: before}
        new_value = None if after is None else {keyword: after}
        yield Finding(ctx.rule(f"constraint-{movement}"), path, old_value, new_value, text)


def _movement(keyword: str, before: Any, after: Any) -> str:
    if before is None or before is False:
        return "added"
    if after is None or after is False:
        return "loosened"
    if keyword in _UPPER:
        return "tightened" if after < before else "loosened"
    if keyword in _LOWER:
        return "tightened" if after > before else "loosened"
    if keyword == "multipleOf" and before % after == 0:
        return "loosened"
    return "tightened"  # another pattern: some values that matched may not


def find_default_changes(
    old: Shape, new: Shape, *, path: tuple[str, ...], ctx: Context
) -> Iterator[Finding]:
    before, after = old.raw.get("default", _MISSING), new.raw.get("default", _MISSING)
    if _key(before) == _key(after):
        return
    old_value = None if before is _MISSING else before
    new_value = None if after is _MISSING else after
    text = f"default {_show(old_value)} -> {_show(new_value)}"
    if ctx.direction == "request" and before is _MISSING:
        yield Finding("request-default-added", path, None, new_value, text)
    else:
        yield Finding(ctx.rule("default-changed"), path, old_value, new_value, text)


def find_format_changes(
    old: Shape, new: Shape, *, path: tuple[str, ...], ctx: Context
) -> Iterator[Finding]:
    before, after = old.raw.get("format"), new.raw.get("format")
    if isinstance(before, str) and isinstance(after, str) and before != after:
        yield Finding(
            ctx.rule("format-changed"), path, before, after, f"format {before} -> {after}"
        )


def find_property_changes(
    old: Shape, new: Shape, *, path: tuple[str, ...], ctx: Context
) -> Iterator[Finding]:
    owner = f" of {new.name or old.name}" if (new.name or old.name) else ""
    for name, node in old.properties.items():
        if name not in new.properties:
            was = type_text(ctx.differ.old.shape(node), ctx.differ.old)
            text = f"property {name}{owner} removed (was {was})"
            yield Finding(ctx.rule("property-removed"), (*path, name), was, None, text)
    for name, node in new.properties.items():
        if name not in old.properties:
            required = name in new.required and not ctx.inferred
            rule = (
                "property-added-required"
                if required and ctx.direction == "request"
                else "property-added"
            )
            kind = type_text(ctx.differ.new.shape(node), ctx.differ.new)
            text = f"{'required ' if required else ''}property {name}{owner} added ({kind})"
            yield Finding(ctx.rule(rule), (*path, name), None, kind, text)
    for name, node in old.properties.items():
        if name in new.properties:
            yield from find_required_changes(old, new, name, path=path, ctx=ctx)
            yield from ctx.differ.children(node, new.properties[name], path=(*path, name), ctx=ctx)


def find_required_changes(
    old: Shape, new: Shape, name: str, *, path: tuple[str, ...], ctx: Context
) -> Iterator[Finding]:
    before, after = name in old.required, name in new.required
    if before == after or ctx.inferred:
        return
    rule = "property-became-required" if after else "property-became-optional"
    text = f"property {name} is now {'required' if after else 'optional'}"
    yield Finding(ctx.rule(rule), (*path, name), before, after, text)


def find_variant_changes(
    old: Shape, new: Shape, *, path: tuple[str, ...], ctx: Context
) -> Iterator[Finding]:
    resolvers = (ctx.differ.old, ctx.differ.new)
    pairing = pair_members(members(old, resolvers[0]), members(new, resolvers[1]), resolvers)
    labelled = bool(old.variants) and bool(new.variants)
    for before, after in pairing.pairs:
        where = (*path, f"<{after.label or before.label}>") if labelled else path
        yield from ctx.differ.children(before.node, after.node, path=where, ctx=ctx, members=True)
    for member in pairing.removed:
        label = member.label or type_text(member.shape)
        text = f"union member {label} removed"
        source = member.shape.source
        yield Finding(ctx.rule("variant-removed"), (*path, f"<{label}>"), label, None, text, source)
    for member in pairing.added:
        label = member.label or type_text(member.shape)
        text = f"union member {label} added"
        source = member.shape.source
        yield Finding(
            ctx.rule("variant-added"), (*path, f"<{label}>"), None, label, text, None, source
        )


def type_text(shape: Shape, resolver: Resolver | None = None) -> str:
    """A short human type: `string`, `integer|null`, `array<string>`, `AssistantObject`."""
    if shape.name:
        text = shape.name
    elif shape.variants:
        text = "union"
    elif shape.types == {"array"} and shape.items is not None and resolver is not None:
        text = f"array<{type_text(resolver.shape(shape.items))}>"
    else:
        text = "|".join(sorted(shape.types)) or "any"
    return f"{text}|null" if shape.nullable else text


def _numbers(types: frozenset[str]) -> frozenset[str]:
    return frozenset("number" if t == "integer" else t for t in types)


def _covers(wide: frozenset[str], narrow: frozenset[str]) -> bool:
    return all(t in wide or (t == "integer" and "number" in wide) for t in narrow)


def _bound(keyword: str, value: Any) -> Any:
    """A bound's value, None when absent; `uniqueItems` is True or None. A boolean
    `exclusiveMinimum` (OpenAPI 3.0) only qualifies `minimum` and is no bound itself."""
    if isinstance(value, bool):
        return True if keyword == "uniqueItems" and value else None
    return value if isinstance(value, int | float | str) else None


def _key(value: Any) -> str:
    if value is _MISSING:
        return "<missing>"
    return json.dumps(value, sort_keys=True, default=str)


def _show(value: Any) -> str:
    return "none" if value is None else _key(value)


def _list(values: list[Any]) -> str:
    return ", ".join(_key(v) for v in values)
