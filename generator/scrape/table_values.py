"""Tables of allowed values that follow a field table: `| Parameter | Value |`, one row a value.

    |Name|In|Type|Required|Description|        |Parameter|Value|
    |order|query|string|false|Sort order.|  ->  |order|asc|
                                               |order|desc|

Each row names a field the tables before it list (with the `»` marks of its depth, or none)
and one value it takes; the values go to that field's enum. A row that names no listed
field, or an ambiguous one, gives nothing: a value table never makes a field of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from generator import lazyre
from generator.model import Line
from generator.scrape.fields import Field
from generator.scrape.table_rows import RawTable
from generator.scrape.types import parse_type

_VALUE_HEADER = lazyre.compile(
    r"^\|?\s*(?:parameter|property|field|name)\s*\|\s*(?:value|values|enum)\s*\|?$", re.I
)
_MARKS = lazyre.compile(r"^(?P<marks>[»\s]*)(?P<name>\S+)$")


def is_value_table(lines: Sequence[Line], table: RawTable) -> bool:
    """A two-column table whose header says it lists a field's values."""
    return len(table.keys) == 2 and bool(_VALUE_HEADER.match(lines[table.start].text.strip()))


def apply_values(fields: list[Field], table: RawTable) -> None:
    """Each row's value added to the enum of the listed field the row names: the next one
    of that name and depth in table order (the rows follow the fields' order, so the `type`
    of each of several alternatives gets its own values), else the only one of that name."""
    listed = list(_walk(fields, 0))
    cursor = 0
    for row in table.rows:
        match = _MARKS.match(row.cells[0].strip()) if len(row.cells) == 2 else None
        value = row.cells[1].strip().strip("`") if match is not None else ""
        if match is None or not value:
            continue
        name, marks = match.group("name").strip("`*"), match.group("marks").count("»")
        at = _next_named(listed, cursor, name, marks)
        if at is None:
            continue
        cursor = at
        found = listed[at][1]
        if value not in found.enum:
            found.enum.append(value)
        if not found.children and _says_object(found.type_text):
            found.type_text = ""  # a named schema (`[Role](#schemarole)`) that takes values


def _next_named(listed: list[tuple[int, Field]], cursor: int, name: str, marks: int) -> int | None:
    """The index of the next field (from `cursor`) called `name` at the depth its `»` marks
    give (the field table may count one more: its body row, or top-level `»`), else of the
    only field of that name."""
    for depth in (marks - 1, marks):
        for k in range(cursor, len(listed)):
            if listed[k][0] == depth and _called(listed[k][1], name):
                return k
    named = [k for k, (_, item) in enumerate(listed) if _called(item, name)]
    return named[0] if len(named) == 1 else None


def _called(item: Field, name: str) -> bool:
    """Whether a value row's name is the field's (`*anonymous*` names an alternative)."""
    return item.name == name or (name == "anonymous" and item.titled and not item.name)


def _says_object(text: str) -> bool:
    expr = parse_type(text) if text else None
    return expr is not None and expr.types == ("object",)


def _walk(fields: list[Field], depth: int) -> Iterator[tuple[int, Field]]:
    """The fields in table order (each before its children), with their depth."""
    for item in fields:
        yield depth, item
        yield from _walk(item.children, depth + 1)
