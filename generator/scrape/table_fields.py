"""Table rows to a `Field` tree.

Nesting as tables write it: dotted names (`data.itemId`, `rows.id` under `data.rows`),
`»` markers (`»» child`), and two-level tables whose name column holds the parent path
(`-result.labels`) beside a child-name column (`二级参数名`). Section rows (`Required
parameters`, `Optional parameters`, a title across the row) are not fields; the ones that
say required or optional give that flag to the rows under them. A table without a type or
required column may state them at the start of the description (`string The ...`,
`String. Required. ...`, `RequiredThe ...`, `Optional. ...`, `必須。...`).
"""

from __future__ import annotations

import re
from typing import Final

from generator import lazyre
from generator.scrape.fields import Field
from generator.scrape.table_cells import (
    align,
    glued_cells,
    location_value,
    required_value,
    type_text,
)
from generator.scrape.table_rows import RawTable
from generator.scrape.types import parse_type

_NAME = lazyre.compile(r"[A-Za-z_$@][\w.$@\[\]\-]{0,99}", re.ASCII)
_MARKS = lazyre.compile(r"^(?P<marks>-+(?=\S)|[\s\u3000]*[└├│─]+[\s─]*|[»\s]*)(?P<rest>.*)$")
_FLAG_IN_NAME = lazyre.compile(r"\s*[(（](required|optional|必填|必须|可选|选填)[)）]\s*$", re.I)
_LEAD_FLAG = lazyre.compile(
    r"^(?P<flag>required|optional|必須|必须|必填|必需|省略可|可选|选填|필수|선택사항|선택)"
    r"(?:[.。:：,，、]\s*|\s+|(?=[A-Z\u4e00-\u9fff\u3040-\u30ff\uac00-\ud7af]))(?P<rest>.*)$",
    re.I | re.S,
)
_CONDITION = lazyre.compile(r"(?:if|when|unless|only|for|with)\b", re.I)
_LEAD_TYPE = lazyre.compile(
    r"^(?:(?P<lower>string|integer|number|boolean|object|array|int|long|float|double|bool)"
    r"\s+(?=[A-Z\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af])|(?P<any>(?i:string|integer|number|boolean|object|array|int|long|float"
    r"|double|bool))\.\s+)(?P<rest>.*)$",
    re.S,
)
_OPTIONAL_WORDS = ("optional", "省略可", "可选", "选填", "선택사항", "선택")
_EMPTY = {"", "-", "--", "—", "无", "none", "n/a", "/"}


def table_fields(table: RawTable) -> list[Field]:
    """The fields a table lists, nested as the table nests them."""
    tree = _Tree(sub="sub" in table.keys)
    section: bool | None = None
    for row in table.rows:
        cells = glued_cells(table.keys, row.cells[0]) if table.glued else align(table.keys, row)
        if not cells:
            continue
        name = cells.get("name", "").strip()
        if _is_section_row(name, cells):
            section = _section_flag(name)
            continue
        tree.add(cells, row.line, section, has_type="type" in table.keys)
    _mark_alternatives(tree.roots)
    return tree.roots


def _nested_role(item: Field, raw_name: str, parent: Field | None) -> None:
    """What a `»` row's name may say of its role (Widdershins): `additionalProperties` is
    the schema of the parent's other keys; `*anonymous*` (in emphasis, or under a union)
    is one alternative of the parent, not a property."""
    if item.name == "additionalProperties":
        item.additional = True
    elif item.name == "anonymous" and (
        "*anonymous*" in raw_name or (parent is not None and _union_type(parent.type_text))
    ):
        item.name, item.titled = "", True


def _union_type(text: str) -> bool:
    expr = parse_type(text) if text else None
    return expr is not None and (expr.union is not None or expr.types == ("any",))


def _mark_alternatives(fields: list[Field]) -> None:
    """A field whose children are all alternatives (`*anonymous*` rows) is a union of them:
    the one its type names (`[oneOf]`), else anyOf (Widdershins types an anyOf `any`)."""
    for item in fields:
        _mark_alternatives(item.children)
        if not item.children or not all(c.titled and not c.name for c in item.children):
            continue
        expr = parse_type(item.type_text) if item.type_text else None
        if expr is None or expr.types == ("any",):
            item.type_text = "anyOf"
        elif expr.union is None:
            item.type_text = f"{item.type_text} | anyOf"


def _is_section_row(name: str, cells: dict[str, str]) -> bool:
    """A title across the row (`Required parameters | |`): words, no other cell."""
    return " " in name.strip() and len(cells) == 1 and not _NAME.fullmatch(name.strip())


def _section_flag(title: str) -> bool | None:
    lowered = title.lower()
    if lowered.startswith(("required", "必填", "必选", "必須")):
        return True
    if lowered.startswith(("optional", "可选", "选填", "省略可")):
        return False
    return None


class _Tree:
    """Fields in table order, each put under its parent."""

    def __init__(self, *, sub: bool) -> None:
        self.sub = sub
        self.roots: list[Field] = []
        self.paths: dict[tuple[str, ...], Field] = {}
        self.stack: list[tuple[int, Field | None]] = []

    def add(
        self, cells: dict[str, str], line: int, section: bool | None, *, has_type: bool
    ) -> None:
        marks, path = self._path(cells)
        if path is None:
            self._push(marks, None)  # not a field: nor are the rows nested under it
            return
        if _is_body_row(path, cells):
            self._push(marks, _BODY)  # the `»` rows under it are the body's own fields
            return
        item = _field(path[-1], cells, line, section, has_type=has_type)
        if marks:
            parent = self._marked_parent(marks)
            if parent is None and any(depth < marks for depth, _ in self.stack):
                return  # under a row that is no field
            parent = None if parent is _BODY else parent
            _nested_role(item, cells.get("name", ""), parent)
            self._push(marks, item)
            self._attach(parent, item, path)
            return
        self._push(0, item)  # an unmarked row is the parent of the `»` rows under it
        self._attach(self._dotted_parent(path[:-1]), item, path)

    def _path(self, cells: dict[str, str]) -> tuple[int, tuple[str, ...] | None]:
        raw = cells.get("name", "")
        match = _MARKS.match(raw)
        marks_text, rest = (match.group("marks"), match.group("rest")) if match else ("", raw)
        rest = _FLAG_IN_NAME.sub("", rest.strip().strip("`*").strip())
        marks = marks_text.count("»") or marks_text.count("─") // 2 + marks_text.count("└")
        if marks_text.strip().startswith("-") and not self.sub:
            marks = len(marks_text.strip())
        sub = cells.get("sub", "").strip().strip("`")
        if self.sub and sub and sub not in _EMPTY:
            rest = f"{rest}.{sub}"
        if not (_NAME.fullmatch(rest) if marks else _is_name(rest)):
            return marks, None  # under `»` marks, a word that is no identifier is a placeholder
        if rest.startswith(".") or rest.endswith("."):
            return marks, None
        parts = rest.split(".")
        parts = [*(part.removesuffix("[]") for part in parts[:-1]), parts[-1]]
        return marks, tuple(parts) if all(parts) else None

    def _push(self, marks: int, item: Field | None) -> None:
        while self.stack and self.stack[-1][0] >= marks:
            self.stack.pop()
        self.stack.append((marks, item))

    def _marked_parent(self, marks: int) -> Field | None:
        for depth, item in reversed(self.stack):
            if depth < marks:
                return item
        return None

    def _dotted_parent(self, prefix: tuple[str, ...]) -> Field | None:
        """The field `prefix` names: its full path, else the last field whose path ends with
        it (`rows.id` under `data.rows`); a parent no row lists is made, untyped."""
        if not prefix:
            return None
        found = self.paths.get(prefix)
        if found is not None:
            return found
        for path in reversed(list(self.paths)):
            if path[-len(prefix) :] == prefix:
                return self.paths[path]
        parent = self._dotted_parent(prefix[:-1])
        made = Field(name=prefix[-1])
        self._attach(parent, made, prefix)
        return made

    def _attach(self, parent: Field | None, item: Field, path: tuple[str, ...]) -> None:
        (parent.children if parent is not None else self.roots).append(item)
        self.paths.setdefault(path, item)


_BODY: Final = Field(name="body")
"""The parent of the rows under a Swagger 2 body row: they are the body's top-level fields."""


def _is_body_row(path: tuple[str, ...], cells: dict[str, str]) -> bool:
    """A Swagger 2 body parameter (`body | body | object | true`): the body's schema, not
    one of its fields (Widdershins lists the fields under it with one more `»`)."""
    return path == ("body",) and location_value(cells.get("in", "")) == "body"


def _field(
    name: str, cells: dict[str, str], line: int, section: bool | None, *, has_type: bool
) -> Field:
    location = location_value(cells.get("in", ""))
    raw = cells.get("name", "")
    item = Field(name=name, line=line, location=location)
    item.type_text = type_text(cells.get("type", "")) or ""
    description = cells.get("description", "").strip()
    item.required = _required(cells, raw)
    if not has_type and not item.type_text:
        item.type_text, description = _lead_type(description)
    if item.required is None:
        item.required, description = _lead_flag(description)
    if item.required is None:
        item.required = section
    if description and description.lower() != "none":  # `none`: Widdershins' "no text"
        item.description.append(description)
    default = cells.get("default", "").strip().strip("`\"'")
    if default.lower() not in _EMPTY:
        item.default = default
    example = cells.get("example", "").strip().strip("`")
    if example.lower() not in _EMPTY and item.type_text:
        item.example = example
    return item


def _required(cells: dict[str, str], raw_name: str) -> bool | None:
    if "required" in cells:
        flag = required_value(cells["required"])
        if flag is not None:
            return flag
    if "optional" in cells:
        flag = required_value(cells["optional"])
        if flag is not None:
            return not flag
    marked = _FLAG_IN_NAME.search(raw_name.strip().strip("`"))
    if marked:
        return marked.group(1).lower() in ("required", "必填", "必须")
    return True if raw_name.strip().endswith("*") else None


def _lead_flag(description: str) -> tuple[bool | None, str]:
    match = _LEAD_FLAG.match(description)
    if match is None or _CONDITION.match(match.group("rest")):
        return None, description  # `Required if the type is card.`: no flag of the field
    flag = match.group("flag").lower() not in _OPTIONAL_WORDS
    return flag, match.group("rest").strip()


def _lead_type(description: str) -> tuple[str, str]:
    match = _LEAD_TYPE.match(description)
    if match is None:
        return "", description
    return (match.group("lower") or match.group("any")).lower(), match.group("rest").strip()


def _is_name(text: str) -> bool:
    """A name cell's text: an identifier, or any one word with a letter or digit in it, as
    written (`café`, `名字`, `2fa`, `🚀launch`: names are kept byte for byte)."""
    if _NAME.fullmatch(text):
        return True
    return (
        0 < len(text) <= 100
        and not any(c.isspace() for c in text)
        and any(c.isalnum() or ord(c) > 0x2000 for c in text)
    )
