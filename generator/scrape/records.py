"""Field records whose type line comes last, after the flag and the description.

    url                    data                  createdAt
    required               required              required
    The webhook URL        Array<object>         Any of:
    string format: uri     object                string format: date-time
                           id
                           required
                           integer

A text render of a tree of fields (Starlight OpenAPI and themes like it) that keeps one
token a line: the name, "required", the description, then the type; constraint lines
(`>= 1 <= 100`, `Allowed values: a b`) follow the type. The indentation that nested the
tree is lost, so a container (`object`, `Array<object>`) holds every record after it, up to
the end of the block, or up to a name it already holds (a sibling of an outer level).
`type_last_fields` reads such lines, and declines (None) lines of any other layout.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from operator import itemgetter

from generator import lazyre
from generator.model import Line, line_text
from generator.scrape.blocks import is_modifier, name_parts
from generator.scrape.fields import Field
from generator.scrape.prose import split_values
from generator.scrape.types import parse_type

_FLAGS = {"required": True, "optional": False}
_MAX_TEXT = 4
"""Description lines a record may show between its name and its type."""
_JSON_TYPES = {"string", "integer", "number", "boolean", "object", "array", "null"}
"""Words that are an item marker (`object` after `Array<object>`), never a record's name."""
_UNION = lazyre.compile(r"^(?:any|one|all) of:?$", re.IGNORECASE)
_ALLOWED = lazyre.compile(r"^(?:Allowed values|Possible values|Enum)\s*:\s*(.+)$", re.IGNORECASE)
_ENOUGH = 1
"""Records with text between name and type that make a block this layout."""


@dataclass
class _Record:
    start: int
    type_at: int
    flag: bool | None
    text: list[str]


def type_last_fields(lines: Sequence[Line]) -> list[Field] | None:
    """The fields of `lines` when they are type-last records (None: another layout)."""
    records: list[_Record] = []
    for record in _records(lines):  # read lazily: the usual block declines at its first
        if _flag_after(lines, record.type_at):
            return None  # name / type / required: the usual vertical block
        records.append(record)
    if sum(1 for r in records if r.type_at > r.start + 1) < _ENOUGH:
        return None
    fields: list[Field] = []
    for k, record in enumerate(records):
        end = records[k + 1].start if k + 1 < len(records) else len(lines)
        fields.append(_field(lines, record, end))
    return _nest(fields)


def _records(lines: Sequence[Line]) -> Iterator[_Record]:
    after = 0
    for i in compress(range(len(lines)), map(_MAY_NAME, map(_head, map(line_text, lines)))):
        record = _record_at(lines, i) if i >= after else None
        if record is not None:
            yield record
            after = record.type_at + 1


def _record_at(lines: Sequence[Line], i: int) -> _Record | None:
    """The record whose name is line `i`: a flag line, a few text lines, then a type."""
    may_name, _, is_type = _head(lines[i].text)
    if not may_name:  # most lines
        return None
    k, flag, text = i + 1, None, list[str]()
    if k < len(lines):
        flag = _head(lines[k].text)[1]
    if flag is not None:
        k += 1
    elif is_type:
        return None  # `date-time` alone is a type (names stripped); `uuid` / `required` a name
    while k < len(lines) and len(text) <= _MAX_TEXT:
        line, role = _role(lines[k].text)
        if role is _TYPE:
            return _Record(i, k, flag, text)
        if role is _UNION_LINE and k + 1 < len(lines) and parse_type(lines[k + 1].text):
            return _Record(i, k + 1, flag, text)
        if role is _ENDS:
            return None
        text.append(line)
        k += 1
    return None


@lru_cache(maxsize=8192)
def _head(text: str) -> tuple[bool, bool | None, bool]:
    """A line of this text as a record's first lines see it: may it name a record (a name,
    not a JSON type word nor a flag), the flag it is (`required`: True), is it a type."""
    head = text.strip().lower()
    may_name = name_parts(head) is not None and head not in _JSON_TYPES and head not in _FLAGS
    return may_name, _FLAGS.get(head), may_name and parse_type(head) is not None


_MAY_NAME = itemgetter(0)
"""`_head`'s first answer: lines that name no record are skipped without a Python call."""
_TYPE, _UNION_LINE, _ENDS, _TEXT = "type", "union", "ends", "text"


@lru_cache(maxsize=8192)
def _role(text: str) -> tuple[str, str]:
    """A line after a record's name, stripped, and what it is there: its type, `Any of:`
    (the type follows), the next name or a flag (no record), or a line of its text."""
    line = text.strip()
    if parse_type(line) is not None:
        return line, _TYPE
    if _UNION.match(line):
        return line, _UNION_LINE
    if name_parts(line) is not None or line.lower() in _FLAGS:
        return line, _ENDS
    return line, _TEXT


def _flag_after(lines: Sequence[Line], type_at: int) -> bool:
    return type_at + 1 < len(lines) and is_modifier(lines[type_at + 1].text)


def _field(lines: Sequence[Line], record: _Record, end: int) -> Field:
    item = Field(
        name=name_parts(lines[record.start].text)[1],  # type: ignore[index]
        type_text=lines[record.type_at].text.strip(),
        required=record.flag,
        description=list(record.text),
        line=lines[record.start].number,
    )
    for line in lines[record.type_at + 1 : end]:
        text = line.text.strip()
        allowed = _ALLOWED.match(text)
        if allowed is not None:
            item.enum = split_values(allowed.group(1).replace(" ", ", "))
        elif parse_type(text) is None and text not in item.description:
            item.description.append(text)  # a bare type line is an array's item marker
    return item


def _nest(fields: list[Field]) -> list[Field]:
    """Each container holds the records after it; a name its container already holds
    closes it (the record belongs further out)."""
    roots: list[Field] = []
    stack: list[Field] = []
    for item in fields:
        while stack and any(c.name == item.name for c in stack[-1].children):
            stack.pop()
        if stack:
            stack[-1].children.append(item)
        elif any(r.name == item.name for r in roots):
            continue
        else:
            roots.append(item)
        if _is_container(item.type_text):
            stack.append(item)
    return roots


def _is_container(type_text: str) -> bool:
    expr = parse_type(type_text)
    if expr is None:
        return False
    target = expr.items if expr.items is not None else expr
    return "object" in target.types


def starts_schema(lines: Sequence[Line], i: int) -> bool:
    """A bare `object` line that opens a body (no heading before it), not a record's type nor
    the item marker after an `Array<object>`: records follow it."""
    if i + 1 >= len(lines) or _record_at(lines, i + 1) is None:
        return False
    for back in range(i - 1, max(i - 2 - _MAX_TEXT, -1), -1):
        record = _record_at(lines, back)
        if record is not None and record.type_at == i:
            return False
        expr = parse_type(lines[back].text)
        if expr is not None:
            return expr.items is None or "object" not in expr.items.types
        text = lines[back].text.strip()
        if name_parts(text) is not None and text.lower() not in _FLAGS:
            return True
    return True


def schema_title(lines: Sequence[Line], i: int) -> Line | None:
    """The title line before a body's bare `object` (`Contacts page`): short, no full stop,
    and not part of a record (a record's type, flag or name)."""
    if i == 0:
        return None
    line = lines[i - 1]
    text = line.text.strip()
    if not text or len(text) > 60 or text.endswith((".", ":")) or text.lower() in _FLAGS:
        return None
    if parse_type(text) is not None or _record_at(lines, i - 1) is not None:
        return None
    return line
