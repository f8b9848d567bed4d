"""Nesting that exports write into list items' names instead of indentation.

    - `totals` (object)
    - `totals.discount` (object)
    - `totals.discount.currency` (string)

`nest_dotted`: a name `parent.child` whose `parent` is listed before it at the same level is
that field's child (an array's children describe its items). A dotted name with no such
parent stays as written: the page may mean a key with a dot in it. (Tables nest their own
rows, `»` markers and dotted names alike: `table_fields`.)
"""

from __future__ import annotations

from generator.model import Schema
from generator.scrape.fields import Field


def nest_dotted(fields: list[Field]) -> list[Field]:
    if not any("." in item.name for item in fields):  # most lists
        return fields
    kept: list[Field] = []
    by_name: dict[str, Field] = {}
    for item in fields:
        parent = _dotted_parent(item.name, by_name)
        if parent is None:
            kept.append(item)
            by_name.setdefault(item.name, item)
            continue
        item.name = item.name[len(parent.name) + 1 :]
        parent.children.append(item)
    for item in kept:
        item.children = nest_dotted(item.children)
    return kept


def _dotted_parent(name: str, by_name: dict[str, Field]) -> Field | None:
    """The listed field whose name is the longest dotted prefix of `name`."""
    cut = name.rfind(".")
    while cut > 0:
        parent = by_name.get(name[:cut])
        if parent is not None:
            return parent
        cut = name.rfind(".", 0, cut)
    return None


def move_required(root: Schema, node: Schema, name: str) -> None:
    """A field moved from the root's list keeps its required flag, in its new object."""
    required = root.get("required")
    if node is root or not isinstance(required, list) or name not in required:
        return
    required.remove(name)
    if not required:
        del root["required"]
    node.setdefault("required", []).append(name)
