"""A flat field list and the example that shows where its fields sit.

    box_kind  int           {"status": 200, "msg": "ok",
    lid.id    string         "data": {"box_kind": 1, "lid": {"id": 6}}}

A list none of whose names the example shows at its top, and all of whose names (all but
one, of three or more: a name misspelt) are keys of one object deeper in it (`data`, or the
items of `data[]`), describes that object: the list goes there, and the keys around it are
the example's (inferred when the example fills them). A misspelt name that is the start of
the one key no name lists was cut short: it is that key.

    code  int               {"code": 200, "data": [{"id": 1, "name": "x"}], "msg": "ok"}
    data  array
    id    int               A list that names an object (or array) without fields of its own,
    name  string            then fields its example object holds and the top of the example
    msg   string            does not: those are the object's fields, moved under it.
"""

from __future__ import annotations

from typing import Any

from generator.model import Schema
from generator.scrape.nesting import move_required

_DEEPEST = 4
"""How deep a wrapper is looked for (`data.result.list[]` and no deeper)."""


def place_by_example(schema: Schema, example: Any) -> Schema:
    """`schema` with its listed fields where `example` shows them (see the module doc)."""
    properties = schema.get("properties")
    if not isinstance(properties, dict) or not properties or not isinstance(example, dict):
        return schema
    if not set(properties) & set(example):
        path = _wrapper_path(example, set(properties), _DEEPEST)
        if path is None:
            return schema
        _complete_cut_name(schema, _at(example, path))
        return _wrap(schema, path)
    _nest_after_empty(schema, example)
    return schema


def _wrapper_path(value: Any, names: set[str], depth: int) -> list[str] | None:
    """The keys (`[]` for an array's items) down to the one object of `value` that holds
    the names (all but one of three or more); None if there is none, or more than one."""
    found: list[list[str]] = []
    needed = len(names) - 1 if len(names) >= 3 else len(names)
    for key, child in value.items() if isinstance(value, dict) else ():
        steps, inner = _object_in(child)
        if inner is None:
            continue
        if len(names & set(inner)) >= needed:
            found.append([key, *steps])
        elif depth > 1:
            deeper = _wrapper_path(inner, names, depth - 1)
            if deeper is not None:
                found.append([key, *steps, *deeper])
    return found[0] if len(found) == 1 else None


def _at(value: Any, path: list[str]) -> dict[str, Any]:
    for step in path:
        value = value[0] if step == "[]" else value[step]
    return value if isinstance(value, dict) else {}


def _complete_cut_name(schema: Schema, shown: dict[str, Any]) -> None:
    """The one listed name the object does not hold, when it is the start of the one key of
    the object no name lists (`crat` for `crateId`): a name cut short, given its full form."""
    properties: dict[str, Any] = schema["properties"]
    missing = [name for name in properties if name not in shown]
    unlisted = [key for key in shown if key not in properties]
    if len(missing) != 1 or len(unlisted) != 1:
        return
    cut, full = missing[0], unlisted[0]
    if len(cut) < 3 or not full.lower().startswith(cut.lower()):
        return
    schema["properties"] = {full if k == cut else k: v for k, v in properties.items()}
    required = schema.get("required")
    if isinstance(required, list):
        schema["required"] = [full if k == cut else k for k in required]


def _object_in(value: Any) -> tuple[list[str], dict[str, Any] | None]:
    """An object value, or an array's first object item (`["[]"]`)."""
    if isinstance(value, dict):
        return [], value
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        return ["[]"], value[0]
    return [], None


def _wrap(schema: Schema, path: list[str]) -> Schema:
    """`schema` placed at `path` inside objects and arrays only the example shows."""
    node = schema
    for step in reversed(path):
        if step == "[]":
            node = {"type": "array", "items": node}
        else:
            node = {"type": "object", "properties": {step: node}}
    return node


def _nest_after_empty(schema: Schema, example: dict[str, Any]) -> None:
    """Fields listed after an object without fields, that its example object holds and the
    top of the example does not, move under that object (its array's items)."""
    listed = list(schema["properties"].items())
    kept: dict[str, Any] = {}
    open_node: Schema | None = None
    open_value: dict[str, Any] = {}
    for name, child in listed:
        if open_node is not None and name in open_value and name not in example:
            open_node.setdefault("properties", {})[name] = child
            move_required(schema, open_node, name)
            continue
        kept[name] = child
        open_node, open_value = _empty_object(child, example.get(name))
    schema["properties"] = kept


def _empty_object(child: Any, value: Any) -> tuple[Schema | None, dict[str, Any]]:
    """The object schema (an array's items) a listed field without fields of its own opens,
    with the example object it describes."""
    if not isinstance(child, dict) or "properties" in child:
        return None, {}
    steps, inner = _object_in(value)
    kind = child.get("type")
    if inner is None or kind != ("array" if steps else "object"):
        return None, {}
    if not steps:
        return child, inner
    items = child.get("items")
    if items is None or items == {}:
        items = child["items"] = {"type": "object"}
    if not isinstance(items, dict) or "properties" in items:
        return None, {}
    return items, inner
