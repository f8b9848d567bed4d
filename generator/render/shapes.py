"""The fields of an object schema of any shape: `$ref` chains, `allOf`, `oneOf`/`anyOf`.

A request body or a nested parameter is passed as named fields, so its schema is reduced to
one set of properties:

- `allOf`: the parts' properties together, required where any part requires them (a part
  that restates a field, e.g. only its description, is merged over the earlier one);
- `oneOf`/`anyOf` of objects: every variant's properties, required only where *every*
  variant requires them (a caller passes the fields of one variant; a field that only some
  variants take cannot be required). A field two variants type differently is `anyOf`
  both types.

`object_shape` returns None for a schema that is not an object with properties (an array, a
string, a free-form map): such a body stays one argument.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.render.spec import resolve

_TYPING_KEYS = ("type", "$ref", "enum", "const", "oneOf", "anyOf", "allOf", "properties", "items")


@dataclass
class Shape:
    properties: dict[str, Any] = field(default_factory=dict)
    required: set[str] = field(default_factory=set)
    description: str = ""


def object_shape(
    doc: dict[str, Any], schema: Any, *, seen: frozenset[int] = frozenset()
) -> Shape | None:
    """The properties of `schema` as one object, or None when it is not an object."""
    node = resolve(doc, schema)
    if not isinstance(node, dict) or id(node) in seen or len(seen) > 30:
        return None
    seen = seen | {id(node)}
    parts: list[Shape] = []
    own = node.get("properties")
    if isinstance(own, dict) and own and _object_typed(node):
        required = {str(n) for n in node.get("required") or [] if str(n) in own}
        parts.append(Shape({str(k): v for k, v in own.items()}, required))
    for sub in node.get("allOf") or []:
        part = object_shape(doc, sub, seen=seen)
        if part is not None:
            parts.append(part)
    for key in ("oneOf", "anyOf"):
        variants = node.get(key)
        if isinstance(variants, list) and variants:
            union = _variants(doc, variants, seen)
            if union is not None:
                parts.append(union)
    if not parts:
        return None
    shape = _all_of(parts)
    shape.description = str(node.get("description") or "")
    shape.required |= {str(n) for n in node.get("required") or [] if str(n) in shape.properties}
    return shape


def _object_typed(node: dict[str, Any]) -> bool:
    kind = node.get("type")
    return kind in (None, "object") or (isinstance(kind, list) and "object" in kind)


def _all_of(parts: list[Shape]) -> Shape:
    merged = Shape()
    for part in parts:
        for name, prop in part.properties.items():
            before = merged.properties.get(name)
            if isinstance(before, dict) and isinstance(prop, dict) and not _typed(prop):
                merged.properties[name] = {**before, **prop}  # restated: a description
            else:
                merged.properties[name] = prop
        merged.required |= part.required
    return merged


def _variants(doc: dict[str, Any], variants: list[Any], seen: frozenset[int]) -> Shape | None:
    shapes = [object_shape(doc, v, seen=seen) for v in variants]
    objects = [s for s in shapes if s is not None]
    if not objects:
        return None
    merged = Shape()
    for shape in objects:
        for name, prop in shape.properties.items():
            before = merged.properties.get(name)
            if before is None:
                merged.properties[name] = prop
            elif before != prop and _typed(prop):
                options = before["anyOf"] if _is_alternatives(before) else [before]
                if prop not in options:
                    merged.properties[name] = {"anyOf": [*options, prop]}
    every = set.intersection(*(s.required for s in objects))
    merged.required = every if len(objects) == len(shapes) else set()
    return merged


def _typed(prop: Any) -> bool:
    return isinstance(prop, dict) and any(key in prop for key in _TYPING_KEYS)


def _is_alternatives(prop: Any) -> bool:
    return isinstance(prop, dict) and set(prop) == {"anyOf"} and isinstance(prop["anyOf"], list)
