"""Docusaurus field lines (see `docusaurus`): one line a field, nested by indentation and
"Array [" brackets, with its labels, bounds and "oneOf" alternatives."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from generator import lazyre
from generator.model import Line
from generator.scrape.blocks import is_name, is_type
from generator.scrape.fields import Field, bound_keyword, bound_value, main_type
from generator.scrape.prose import split_values
from generator.scrape.types import parse_type

_FIELD = lazyre.compile(
    r"^(?P<name>property name\*|[A-Za-z_$@][\w.\-\[\]$@]*) (?P<rest>\S.*)$", re.ASCII
)
_FLAGS = ("required", "nullable", "deprecated")
_UNIONS = {"oneof": "oneOf", "anyof": "anyOf", "allof": "allOf"}
_LABEL = lazyre.compile(r"^(Possible values|Default value|Example)\s*:\s*(.*)$", re.IGNORECASE)
_AUTH_BOX = lazyre.compile(r"^Authorization: \w+$")
_BRACKET = 1000
"""An "Array [" bracket nests deeper than any indentation."""
_JSON_TYPE = lazyre.compile(r"^(?:string|integer|number|boolean|object|array|null)\b")
_BOUND = lazyre.compile(r"(>=|<=|>|<)\s*(-?\d+(?:\.\d+)?)\s*(characters?|items?)?")


@dataclass
class _Union:
    """An open "oneOf": its indent, the field it belongs to, and whether a title was seen."""

    indent: int
    parent: Field
    titled: bool = False


def parse_fields(lines: Sequence[Line]) -> list[Field]:
    """One-line fields nested by indentation and "Array [" / "]" brackets; other lines
    describe the field above them.

    After "oneOf", lines at its level are the alternatives' titles (`Image file` is a title
    even though it reads like `name type`) until a field with a flag or a JSON type word
    (`type string required`): fields at that level then belong to the first alternative.
    A render without indentation keeps only the brackets' nesting.
    """
    roots: list[Field] = []
    stack: list[tuple[int, Field]] = []
    union: _Union | None = None
    arrays = 0
    for line in _rejoined(lines):
        text = line.text.strip()
        if _AUTH_BOX.match(text):
            break
        if text in ("Array [", "]"):
            arrays = arrays + 1 if text == "Array [" else max(arrays - 1, 0)
            continue
        level = len(line.text) - len(line.text.lstrip()) + _BRACKET * arrays
        if text.lower() in _UNIONS:
            union = _open_union(stack, level, _UNIONS[text.lower()])
            continue
        item = parse_field(text, line.number)
        if union is not None and level == union.indent:
            if item is None or not _plain(item):
                _add_title(union, stack, Field(name=text, titled=True, line=line.number))
                continue
            level += 1 if union.titled else 0
        if item is None:
            if stack:
                _describe(stack[-1][1], text)
            continue
        union = None if union is None or level < union.indent else union
        while stack and stack[-1][0] >= level:
            stack.pop()
        (stack[-1][1].children if stack else roots).append(item)
        stack.append((level, item))
    return roots


def _rejoined(lines: Sequence[Line]) -> list[Line]:
    """A field told one token a line (`data` / `object[]` / `required`, renders that break the
    field line up) as the one line it was: a bare name, a type line, then its flag lines."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if i + 1 < len(lines) and is_name(line.text) and is_type(lines[i + 1].text):
            j = i + 2
            while j < len(lines) and lines[j].text.strip().lower() in _FLAGS:
                j += 1
            words = " ".join(ln.text.strip() for ln in lines[i + 1 : j])
            out.append(Line(line.number, f"{line.text.rstrip()} {words}"))
            i = j
            continue
        out.append(line)
        i += 1
    return out


def _plain(item: Field) -> bool:
    """A field line no alternative title looks like: flagged or of a JSON type word."""
    return bool(item.required) or bool(_JSON_TYPE.match(item.type_text))


def parse_field(text: str, number: int) -> Field | None:
    """`incomplete_details object nullable required` as a field; None for other lines."""
    match = _FIELD.match(text)
    if match is None:
        return None
    words = match.group("rest").split()
    flags: set[str] = set()
    while words and words[-1].lower() in _FLAGS:
        flags.add(words.pop().lower())
    type_text = " ".join(words)
    if parse_type(type_text) is None:
        return None
    name = match.group("name")
    item = Field(name="*" if name == "property name*" else name, line=number)
    item.type_text = f"{type_text} | null" if "nullable" in flags else type_text
    item.required = True if "required" in flags else None
    item.deprecated = "deprecated" in flags
    item.additional = item.name == "*"
    return item


def _open_union(stack: list[tuple[int, Field]], indent: int, kind: str) -> _Union | None:
    while stack and stack[-1][0] >= indent:
        stack.pop()
    if not stack:
        return None
    parent = stack[-1][1]
    parent.type_text = f"{parent.type_text} | {kind}" if parent.type_text else kind
    return _Union(indent, parent)


def _add_title(union: _Union, stack: list[tuple[int, Field]], title: Field) -> None:
    """A tab title: an alternative; the fields shown below belong to the first one."""
    union.parent.children.append(title)
    if not union.titled:
        union.titled = True
        stack.append((union.indent, title))


def _describe(item: Field, text: str) -> None:
    label = _LABEL.match(text)
    if label is None:
        item.description.append(text)
        return
    kind, value = label.group(1).lower(), label.group(2).strip()
    if kind == "default value":
        item.default = value.strip("\"'`")
    elif kind == "example":
        item.example = value.strip("\"'`")
    elif value.startswith("["):
        item.enum = split_values(value.strip("[]"))
    else:
        item.stated.update(_bounds(value, main_type(parse_type(item.type_text))))


def _bounds(text: str, json_type: str | None) -> dict[str, float | int]:
    """`>= 1 and <= 100`, `non-empty and <= 256 characters` as schema keywords."""
    non_empty = "non-empty" in text and json_type == "string"
    found: dict[str, float | int] = {"minLength": 1} if non_empty else {}
    for op, raw, _unit in _BOUND.findall(text):
        key = bound_keyword(op, json_type)
        if key:
            found[key] = bound_value(raw)
    return found
