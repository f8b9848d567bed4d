"""Redoc field lists, text render: the block lines Redoc writes, put in the order blocks read.

    box_id                       label
    required                     string or null <= 64 characters
    string12 charactersBox ID    A label ...
    sizeinteger or null>= 1      street / required / string [ 1 .. 80 ] characters

The required flag comes before the type; the type line carries a title `(workshopId)`, a
format `<date-time>` and the bounds (`[ 1 .. 256 ] characters`, `<= 256 characters`,
`>= 1`, `36 characters`); a render may glue the name, type, bounds and description into one
line. Lines are split and reordered to name / type / required / description; the bounds are
kept by position and given to the block they were written in.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from generator.model import Line
from generator.scrape.blocks import is_name, parse_blocks
from generator.scrape.fields import Field, bound_keyword, bound_value, main_type
from generator.scrape.types import parse_type

_TYPE_WORD = re.compile(r"(?:string|integer|number|boolean|object|array|null|any|Array of \w+)")
_TYPE_HEAD = re.compile(
    rf"^(?P<type>{_TYPE_WORD.pattern}(?:\s+or\s+{_TYPE_WORD.pattern})*)"
    r"(?:\s*\((?P<title>[^()]{1,60})\))?(?:\s*<(?P<format>[\w-]{1,30})>)?"
)
_NUMBER = r"-?\d+(?:\.\d+)?"
_UNIT = r"(?:\s*(?:characters|items))?"
_BOUNDS = re.compile(
    rf"^\s*(?:\[\s*(?P<low>{_NUMBER})\s*\.\.\s*(?P<high>{_NUMBER})\s*\]{_UNIT}"
    rf"|(?P<op>[<>]=?|[≤≥])\s*(?P<value>{_NUMBER}){_UNIT}"
    rf"|(?P<exact>\d+)\s*characters|(?P<nonempty>non-empty))"
)
_NAME = re.compile(r"[A-Za-z_$@][\w$@.\-\[\]]*", re.ASCII)
_GLUED_NAME = re.compile(
    r"^[A-Za-z_$@][\w$@.\-\[\]]*?(?:string|integer|number|boolean|object|array)"
)
_REQUIRED = "required"
_ENUM = re.compile(r'^(?:Items )?Enum:\s*((?:"[^"]*"\s*)+)$')
_QUOTED = re.compile(r'"([^"]*)"')

Bounds = list[tuple[str, str]]


@lru_cache(maxsize=8192)
def type_parts(
    text: str, *, glued: bool = False
) -> tuple[str, tuple[tuple[str, str], ...], str] | None:
    """A Redoc type line as (type, bounds, the description glued after them); None when the
    line does not start with a whole type, or a word goes on where the type ends (a text
    glued to a name may go on with a capital: `stringExample: "x"`)."""
    head = _TYPE_HEAD.match(text.strip())
    if head is None:
        return None
    kind = head.group("type") + (f"<{head.group('format')}>" if head.group("format") else "")
    if parse_type(kind) is None:
        return None
    rest = text.strip()[head.end() :]
    if rest[:1].isalpha() and not (glued and rest[:1].isupper()):
        return None
    bounds: list[tuple[str, str]] = []
    while (found := _BOUNDS.match(rest)) is not None and found.end() > 0:
        bounds.extend(_pairs(found))
        rest = rest[found.end() :]
    rest = rest.strip()
    if rest[:1].islower() or (rest and rest[0].isdigit() and not bounds):
        return None  # `string that ...`: prose, not a type line
    return kind, tuple(bounds), rest


def _pairs(found: re.Match[str]) -> Bounds:
    if found.group("low") is not None:
        return [(">=", found.group("low")), ("<=", found.group("high"))]
    if found.group("op") is not None:
        return [(found.group("op"), found.group("value"))]
    if found.group("exact") is not None:
        return [(">=", found.group("exact")), ("<=", found.group("exact"))]
    return [(">=", "1")]


def _split(text: str) -> tuple[list[str], Bounds, int] | None:
    """The block lines one Redoc line stands for, the bounds on it, and the index of its
    type line among them; None for a line that is neither a type line nor name+type glued."""
    text = text.strip()
    if is_name(text) and parse_type(text) is None:  # most lines of a field list
        return None
    parts = type_parts(text)
    if parts is not None:
        kind, bounds, rest = parts
        return [kind, *([rest] if rest else [])], list(bounds), 0
    if not _GLUED_NAME.match(text):
        return None
    for found in _TYPE_WORD.finditer(text, 1):
        name = text[: found.start()]
        if not _NAME.fullmatch(name):
            break
        parts = type_parts(text[found.start() :], glued=True)
        if parts is not None:
            kind, bounds, rest = parts
            return [name, kind, *([rest] if rest else [])], list(bounds), 1
    return None


def _enum_line(text: str) -> str:
    """`Enum: "a" "b c"` (quoted, space-separated) as the blocks reader lists values."""
    found = _ENUM.match(text) if text.startswith(("Enum", "Items")) else None
    return text if found is None else "Enum: " + ", ".join(_QUOTED.findall(found.group(1)))


def prepare(lines: Sequence[Line]) -> tuple[list[Line], dict[int, Bounds], list[int]]:
    """Lines split and reordered (numbered by position), the bounds by the position of
    their type line, and the page line number of each position."""
    out: list[Line] = []
    origin: list[int] = []
    bounds: dict[int, Bounds] = {}
    for line in lines:
        split = _split(line.text)
        if split is None:
            out.append(Line(len(out), _enum_line(line.text.strip())))
            origin.append(line.number)
            continue
        parts, found, at = split
        flag = at == 0 and len(out) >= 2 and out[-1].text.lower() == _REQUIRED
        if flag and is_name(out[-2].text):  # name / required / type -> name / type / required
            out.pop()
            origin.pop()
            parts.insert(1, _REQUIRED)
        start = len(out)
        out.extend(Line(start + k, _enum_line(part)) for k, part in enumerate(parts))
        origin.extend([line.number] * len(parts))
        if found:
            bounds[start + at] = found
    return out, bounds, origin


def parse_fields(lines: Sequence[Line]) -> list[Field]:
    """The fields of a Redoc section, bounds applied (line numbers those of the page)."""
    prepared, bounds, origin = prepare(lines)
    fields = parse_blocks(prepared)
    flat = _walk(fields)
    for position, pairs in bounds.items():
        owner = next((f for f in reversed(flat) if f.line <= position), None)
        if owner is None:
            continue
        json_type = main_type(parse_type(owner.type_text))
        for op, raw in pairs:
            key = bound_keyword(op, json_type)
            if key:
                owner.stated[key] = bound_value(raw)
    for item in flat:
        item.line = origin[item.line]
    return fields


def _walk(fields: list[Field]) -> list[Field]:
    out: list[Field] = []
    for item in fields:
        out.append(item)
        out.extend(_walk(item.children))
    return out
