"""What an Apifox body's example tells about its field list, where the render lost it.

    data            {"code": 0, "data": {"order_id": "x", "amount": 0}}
    object
    可选            A layout without `{N}` counts lists `data`, then its fields at the
    order_id        same level: the fields that follow an object with no children, that
    string          its example object holds and no later key of the parent does, are
    amount          its children; an object the list leaves empty gets the keys of its
    number          example object, marked inferred.

Enum values glued by the render (`BASICPLUS`, example `"BASIC"`) are split when the
example is one end and the rest is a word of the same letter case; when the rest is not,
the values cannot be told apart and the enum is left out.
"""

from __future__ import annotations

from typing import Any

from generator import lazyre
from generator.model import Schema
from generator.scrape.infer import fill_from_example
from generator.scrape.nesting import move_required

_UNION_WORDS = (" Any of", " One of", " All of")
_UPPER_WORD = lazyre.compile(r"^[A-Z][A-Z0-9_]*$")
_LOWER_WORD = lazyre.compile(r"^[a-z][a-z0-9_]*$")


def nest_by_example(schema: Schema, example: Any) -> None:
    """Move listed fields under the object the example shows them in (see the module doc):
    each field goes to the innermost open object whose example holds it."""
    target = _object_target(schema, example)
    properties = target[0].get("properties") if target is not None else None
    if target is None or not isinstance(properties, dict):
        return
    root, value = target
    listed = list(properties.items())
    root["properties"] = {}
    levels: list[tuple[Schema, dict[str, Any]]] = [(root, value)]
    for name, child in listed:
        depth = next(
            (d for d in range(len(levels) - 1, -1, -1) if name in levels[d][1]), len(levels) - 1
        )
        del levels[depth + 1 :]
        node, shown = levels[-1]
        node.setdefault("properties", {})[name] = child
        move_required(root, node, name)
        inner = _object_target(child, shown.get(name)) if isinstance(child, dict) else None
        if inner is not None and "properties" not in inner[0]:
            levels.append(inner)
        elif inner is not None:
            nest_by_example(child, shown.get(name))
    _fill_empty(root, value)


def _fill_empty(schema: Schema, example: Any) -> None:
    """Objects the list leaves empty take the keys of their example object (inferred)."""
    target = _object_target(schema, example)
    if target is None:
        return
    node, value = target
    properties = node.get("properties")
    if not isinstance(properties, dict):
        fill_from_example(node, value)
        return
    for name, child in properties.items():
        if isinstance(child, dict) and name in value:
            _fill_empty(child, value[name])


def _object_target(schema: Schema, example: Any) -> tuple[Schema, dict[str, Any]] | None:
    """The object schema (an array's items) and the example object it describes."""
    types = schema.get("type")
    kinds = set(types) if isinstance(types, list) else {types}
    if isinstance(example, list) and "array" in kinds:
        first = next((item for item in example if isinstance(item, dict)), None)
        items = schema.get("items")
        if first is None or (items is not None and not isinstance(items, dict)):
            return None
        return schema.setdefault("items", {"type": "object"}), first
    if isinstance(example, dict) and ("object" in kinds or "properties" in schema):
        return schema, example
    return None


def split_glued_enums(schema: Schema, example: Any) -> None:
    """Split one-value enums that the example shows to be two values glued (module doc)."""
    if not isinstance(schema, dict):
        return
    enum = schema.get("enum")
    if isinstance(enum, list) and len(enum) == 1 and isinstance(example, str):
        values = _split_glued(enum[0], example)
        if values is None:
            del schema["enum"]
        elif values:
            schema["enum"] = values
    properties = schema.get("properties")
    if isinstance(properties, dict) and isinstance(example, dict):
        for name, child in properties.items():
            if name in example:
                split_glued_enums(child, example[name])
    items = schema.get("items")
    if isinstance(items, dict) and isinstance(example, list) and example:
        split_glued_enums(items, example[0])


def _split_glued(value: Any, example: str) -> list[str] | None:
    """[] when `value` is not glued, the two values when they can be told apart, else None."""
    if not isinstance(value, str) or not example or value == example:
        return []
    if value.startswith(example):
        first, rest = example, value[len(example) :]
    elif value.endswith(example):
        first, rest = value[: -len(example)], example
    else:
        return []
    for word in (_UPPER_WORD, _LOWER_WORD):
        if word.match(first) and word.match(rest):
            return [first, rest]
    return None


def drop_union_words(schema: Schema) -> None:
    """ "Any of" / "One of" closing a description: a union whose members the render left
    out, not words of the description."""
    description = schema.get("description")
    if isinstance(description, str):
        for words in _UNION_WORDS:
            if f" {description}".endswith(words):
                description = f" {description}"[: -len(words)].strip()
        if description:
            schema["description"] = description
        else:
            del schema["description"]
    for key in ("properties",):
        children = schema.get(key)
        if isinstance(children, dict):
            for child in children.values():
                if isinstance(child, dict):
                    drop_union_words(child)
    items = schema.get("items")
    if isinstance(items, dict):
        drop_union_words(items)
