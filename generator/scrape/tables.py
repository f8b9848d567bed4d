"""Plain tables (`| Name | Type | Required | Description |`) as fields."""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.model import Line
from generator.scrape.fields import Field

_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}")
_COLUMNS = {
    "name": (
        "name",
        "parameter",
        "param",
        "field",
        "key",
        "property",
        "attribute",
        "参数名",
        "名称",
    ),
    "type": ("type", "类型", "data type"),
    "required": ("required", "必需", "必填", "是否必须", "mandatory"),
    "description": ("description", "说明", "描述", "details", "notes"),
    "default": ("default", "默认值"),
    "in": ("in", "location", "位置"),
}
_YES = {"yes", "true", "required", "✓", "✔", "y", "是", "必需", "必填", "x"}


def cells(text: str) -> list[str]:
    return [c.strip().strip("`*") for c in text.strip().strip("|").split("|")]


def is_table_row(text: str) -> bool:
    return text.strip().startswith("|") and text.count("|") >= 3


def parse_tables(lines: Sequence[Line]) -> list[Field]:
    """Rows of every field table in `lines` (a header row names the columns)."""
    fields: list[Field] = []
    columns: dict[str, int] | None = None
    for line in lines:
        text = line.text.strip()
        if not is_table_row(text):
            columns = None
            continue
        if _SEPARATOR.match(text.replace(" ", "")):
            continue
        row = cells(text)
        header = _header(row)
        if header is not None:
            columns = header
        elif columns is not None:
            fields.append(_field(row, columns, line.number))
    return [f for f in fields if f.name]


def _header(row: list[str]) -> dict[str, int] | None:
    found: dict[str, int] = {}
    for index, cell in enumerate(row):
        for key, names in _COLUMNS.items():
            if cell.lower() in names and key not in found:
                found[key] = index
    return found if "name" in found and len(found) >= 2 else None


def _field(row: list[str], columns: dict[str, int], number: int) -> Field:
    def cell(key: str) -> str:
        index = columns.get(key)
        return row[index] if index is not None and index < len(row) else ""

    name = cell("name")
    required_text = cell("required").lower()
    item = Field(name=re.sub(r"\s*\((?:required|optional)\)", "", name).strip(), line=number)
    item.type_text = cell("type")
    item.required = required_text in _YES or "(required)" in name.lower() or None
    if cell("description"):
        item.description.append(cell("description"))
    if cell("default"):
        item.default = cell("default").strip("`\"'")
    location = cell("in").lower()
    item.location = location or None
    return item
