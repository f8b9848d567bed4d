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

from generator import lazyre
from generator.model import Line
from generator.scrape.blocks import is_name, parse_blocks
from generator.scrape.fields import Field, bound_keyword, bound_value, main_type
from generator.scrape.types import parse_type

_TYPE_WORD = lazyre.compile(r"(?:string|integer|number|boolean|object|array|null|any|Array of \w+)")
_TYPE_HEAD = lazyre.compile(
    rf"^(?P<type>{_TYPE_WORD.pattern}(?:\s+or\s+{_TYPE_WORD.pattern})*)"
    r"(?:\s*\((?P<title>[^()]{1,60})\))?(?:\s*<(?P<format>[\w-]{1,30})>)?"
)
_NUMBER = r"-?\d+(?:\.\d+)?"
_UNIT = r"(?:\s*(?:characters|items))?"
_BOUNDS = lazyre.compile(
    rf"^\s*(?:\[\s*(?P<low>{_NUMBER})\s*\.\.\s*(?P<high>{_NUMBER})\s*\]{_UNIT}"
    rf"|(?P<op>[<>]=?|[≤≥])\s*(?P<value>{_NUMBER}){_UNIT}"
    rf"|(?P<exact>\d+)\s*characters|(?P<nonempty>non-empty))"
)
_NAME = lazyre.compile(r"[A-Za-z_$@][\w$@.\-\[\]]*", re.ASCII)
_GLUED_NAME = lazyre.compile(
    r"^[A-Za-z_$@][\w$@.\-\[\]]*?(?:string|integer|number|boolean|object|array)"
)
_REQUIRED = "required"
_ENUM = lazyre.compile(r'^(?:Items )?Enum:\s*((?:"[^"]*"\s*)+)$')
_QUOTED = lazyre.compile(r'"([^"]*)"')

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


_PIPED = lazyre.compile(
    r"^\|\s*(?P<name>[A-Za-z_$@][\w$@.\-\[\]]*)(?P<flag>\s+required)?\s*\|\s*(?P<rest>.+?)\s*\|$"
)
"""A field row of Redoc's table as an HTML render gives it: two cells, no header."""


def unpiped(lines: Sequence[Line]) -> list[Line]:
    """Redoc's field rows as an HTML render flattens them (`| count required | integer
    [ 1 .. 9 ] Default: 1 How many. |`: the name cell, then the type cell with its bounds,
    labels and description) as the lines of the text render (`count` / `required` /
    `integer [ 1 .. 9 ]` / `Default: 1` / `How many.`). Rows whose second cell does not
    start with a type are no field rows."""
    if not any(text.startswith("| ") for text in map(str.lstrip, map(_text, lines))):
        return list(lines)
    out: list[Line] = []
    for k, line in enumerate(lines):
        if _is_union_tab(lines, k):
            continue
        row = _PIPED.match(line.text.strip()) if "|" in line.text else None
        parts = _row_lines(row.group("rest")) if row is not None else None
        if row is None or parts is None:
            out.append(line)
            continue
        names = [row.group("name"), *([_REQUIRED] if row.group("flag") else [])]
        out.extend(Line(line.number, text) for text in [*names, *parts])
    return out


_UNION_LABEL = frozenset({"one of", "any of"})


def _is_union_tab(lines: Sequence[Line], k: int) -> bool:
    """`One of` and the tab buttons after it (`object` / `object`) over the field rows of the
    alternative shown: no field, nor a line of the one above."""
    j = k
    while j >= 0 and lines[j].text.strip() in _WORD_SET:
        j -= 1
    if j < 0 or lines[j].text.strip().lower() not in _UNION_LABEL:
        return False
    end = j + 1
    while end < len(lines) and lines[end].text.strip() in _WORD_SET:
        end += 1
    return end > j + 1 and end < len(lines) and _PIPED.match(lines[end].text.strip()) is not None


_WORD_SET = frozenset({"string", "integer", "number", "boolean", "object", "array", "null"})


def _text(line: Line) -> str:
    return line.text


def _row_lines(cell: str) -> list[str] | None:
    """A type cell's lines: the type (bounds kept on it), each label, the description."""
    phrase = _PHRASE.match(cell)
    if phrase is None:
        return None
    end = phrase.end()
    while (bound := _BOUNDS.match(cell[end:])) is not None and bound.end() > 0:
        end += bound.end()
    rest = cell[end:].strip()
    if cell[end : end + 1].isalpha() or rest[:1].islower():
        return None  # `string that ...`: prose
    parts = [(_phrase_type(phrase) + cell[phrase.end() : end]).strip()]
    while rest:
        label = _LABEL.match(rest)
        if label is None:
            parts.append(rest)
            break
        parts.append(_value_line(label.group("label"), label.group("value")))
        rest = rest[label.end() :].strip()
    return parts


_LABEL = lazyre.compile(
    r"^(?P<label>(?:Items )?(?:Default|Value|Enum|Example)):\s*"
    r'(?P<value>(?:"[^"]*"|-?\d+(?:\.\d+)?|true|false|null|\[\]|\{\})'
    r'(?:\s+(?:"[^"]*"|-?\d+(?:\.\d+)?)(?=\s|$))*)'
)
"""`Default: 1`, `Value: "24h"`, `Enum: "a" "b"` at the start of what follows the type."""


_WORDS = r"(?:string|integer|number|boolean|object|array|null|any)"
_ALTERNATIVE = (
    rf"(?:Array of )?(?:\({_WORDS}(?: or {_WORDS})*\)|{_WORDS}s?\b"
    r"|[A-Z][\w\- ]{0,60}? \((?:object|string|integer|number|boolean|array)\))"
)
_PHRASE = lazyre.compile(
    rf"^(?P<alts>{_ALTERNATIVE}(?: or {_ALTERNATIVE})*)"
    r"(?:\s*\((?P<title>[^()]{1,60})\))?(?:\s*<(?P<format>[\w-]{1,30})>)?"
)
"""Redoc's type phrase: alternatives joined by `or`, each a type word (`strings` after
`Array of`), a parenthesised union, or a titled schema (`Code tool (object)`), then the
schema's title and format: `Array of Code tool (object) or null`, `(string or null) or
(string or null)`, `string or NamedChoice (object) (ChoiceOption)`, `string <uri>`."""
_ALTERNATIVES = lazyre.compile(_ALTERNATIVE)


def _phrase_type(phrase: re.Match[str]) -> str:
    """A type phrase in the words the text render's reader takes. `Array of` before titled
    schemas covers them all (`Array of X (object) or Y (object) or null`: an array of either,
    or null -> `Array of objects or null`); else each alternative is its own
    (`(string or null) or Array of strings` -> `string or null or Array of strings`)."""
    alternatives = _ALTERNATIVES.findall(phrase.group("alts"))
    spread = alternatives[0].startswith("Array of ") and not any(
        text.startswith("Array of ") or text.startswith("(") for text in alternatives[1:]
    )
    types: list[str] = []
    items: list[str] = []
    for text in alternatives:
        words = re.findall(_WORDS, text.removeprefix("Array of ").lower()) or ["object"]
        if spread and words != ["null"]:
            items.extend(word for word in words if word not in items)
            continue
        if text.startswith("Array of "):
            words = [f"Array of {words[0]}s" if len(words) == 1 else "array"]
        types.extend(word for word in words if word not in types)
    if items:
        types.insert(0, f"Array of {items[0]}s" if len(items) == 1 else "array")
    kind = " or ".join(types)
    return kind + (f" <{phrase.group('format')}>" if phrase.group("format") else "")


def _value_line(label: str, value: str) -> str:
    """A label as the text render writes it; a single `Value:` is an enum of one."""
    if label.endswith("Value"):
        label = f"{label[:-5]}Enum"
    if label.endswith("Enum"):  # each value quoted, as `_enum_line` lists them (`1 3` too)
        value = " ".join(t if t.startswith('"') else f'"{t}"' for t in _TOKEN.findall(value))
    return f"{label}: {value}"


_TOKEN = lazyre.compile(r'"[^"]*"|\S+')
