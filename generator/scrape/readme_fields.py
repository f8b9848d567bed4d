"""ReadMe field lists: vertical blocks, nested by the boxes "NAME OBJECT" heads.

The lines a block reader does not know are taken out first and kept as marks by position:
box headings, "ADD string" buttons, bounds ("length ≤ 20", "≥ 1"), "Defaults to 20" and
the values under "Allowed:". The blocks are then read flat and nested from the marks.

Text renders lose the box borders, so where a box ends is a reading. The page's examples
(the response example, the curl body) decide when they show the box's object: a key that
object lacks is outside the box. Otherwise a box ends at an array's ADD button; objects
that follow and open a box of their own are shown box after box (siblings of the object
whose box closed), and any other field after a closed box goes back to the top level.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from generator import lazyre
from generator.model import Line
from generator.scrape.blocks import is_name, is_type, parse_blocks, starts_field
from generator.scrape.fields import Field, bound_keyword, bound_value, main_type
from generator.scrape.types import parse_type
from generator.scrape.unglue import unglue

_BOX = lazyre.compile(r"^(?P<name>\S+) (?:OBJECT|ARRAY OF OBJECTS)(?:\s*\|\s*NULL)?$")
_ADD = lazyre.compile(r"^ADD (?:string|object|integer|number|boolean|array|file)$", re.IGNORECASE)
_BOUND_LINE = lazyre.compile(r"^(?:length\s+)?(?:(?:≤|≥|<=|>=|<|>)\s*-?\d+(?:\.\d+)?\s*)+$")
_BOUND = lazyre.compile(r"(≤|≥|<=|>=|<|>)\s*(-?\d+(?:\.\d+)?)")
_RANGE_LINE = lazyre.compile(r"^(-?\d+(?:\.\d+)?) to (-?\d+(?:\.\d+)?)$")
"""`1 to 100`: both bounds of a number, a length or an array's size, by the field's type."""
_DEFAULT = lazyre.compile(r"^Defaults to (.+)$")
_NAMELESS = "__nameless__"
"""Put before a type line no name line precedes (a render that strips names): the block
is read, so that its flags and bounds are not given to the field above, then left out."""
_FLAGS = {"required", "optional", "deprecated"}
_ALLOWED = lazyre.compile(r"^Allowed(?: values)?\s*:\s*(.*)$", re.IGNORECASE)
_TOKEN = lazyre.compile(r"^[\w.:/+-]+$")


@dataclass
class _Marks:
    """What was taken out of the block lines, by line number."""

    events: list[tuple[int, str, str]] = field(default_factory=list)
    """(line, "box" | "add", box name) in page order."""
    bounds: dict[int, list[tuple[str, str]]] = field(default_factory=dict)
    enums: dict[int, list[str]] = field(default_factory=dict)
    defaults: dict[int, str] = field(default_factory=dict)


def parse_fields(lines: Sequence[Line], examples: Sequence[Any] = ()) -> list[Field]:
    """The fields of `lines` as a tree; `examples` are the JSON values the page shows.

    Marks are ordered by position (lines of a saved HTML page share their line number)."""
    marks = _Marks()
    numbered = [Line(index, line.text) for index, line in enumerate(lines)]
    flat = parse_blocks(_named(unglue(_scan(numbered, marks))))
    _annotate(flat, marks)
    tree = _without_nameless(_nest(flat, marks.events, examples))
    _renumber(tree, [line.number for line in lines])
    return tree


def _named(lines: Sequence[Line]) -> list[Line]:
    """The lines, with `_NAMELESS` before each type line that does not follow a name line
    (`transaction` / `object` / `required` / `string` / `required`: the `string` block's
    name was stripped; `payer` / `object` / `string`: so was the second one's)."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        text = lines[i].text.strip()
        if text.lower() not in _FLAGS and (starts_field(lines, i) or _typed_name(lines, i)):
            out.extend(lines[i : i + 2])
            i += 2
            continue
        if parse_type(text) is not None:
            out.append(Line(lines[i].number, _NAMELESS))
        out.append(lines[i])
        i += 1
    return out


def _typed_name(lines: Sequence[Line], i: int) -> bool:
    """`payer` / `object` / `string` / prose: a name that is no type word, then two type
    lines (the blocks reader takes `object` for the name): the name's block, then a
    nameless one. With a flag after them, the second type is the field `object`'s."""
    if i + 2 >= len(lines) or not is_name(lines[i].text) or is_type(lines[i].text):
        return False
    if i + 3 < len(lines) and lines[i + 3].text.strip().lower() in _FLAGS:
        return False  # `OK` / `object` / `string` / `required`: a field named `object`
    return is_type(lines[i + 1].text) and is_type(lines[i + 2].text)


def _without_nameless(fields: list[Field]) -> list[Field]:
    """The fields but the nameless blocks and repeats of a name (a label the render put
    on the wrong block: the first block of a name is kept)."""
    kept: list[Field] = []
    seen: set[str] = set()
    for item in fields:
        if item.name == _NAMELESS or item.name in seen:
            continue
        seen.add(item.name)
        item.children = _without_nameless(item.children)
        kept.append(item)
    return kept


def _renumber(fields: list[Field], numbers: list[int]) -> None:
    for item in fields:
        item.line = numbers[item.line]
        _renumber(item.children, numbers)


def _scan(lines: Sequence[Line], marks: _Marks) -> list[Line]:
    """The block lines; marks for the others (the lone `enum` modifier line is dropped)."""
    kept: list[Line] = []
    i = 0
    while i < len(lines):
        text, number = lines[i].text.strip(), lines[i].number
        box, allowed = _BOX.match(text), _ALLOWED.match(text)
        if box is not None:
            marks.events.append((number, "box", box.group("name")))
        elif _ADD.match(text):
            marks.events.append((number, "add", ""))
        elif _DEFAULT.match(text):
            marks.defaults[number] = text.removeprefix("Defaults to").strip()
        elif _BOUND_LINE.match(text):
            marks.bounds[number] = _BOUND.findall(text)
        elif (span := _RANGE_LINE.match(text)) is not None:
            marks.bounds[number] = [(">=", span.group(1)), ("<=", span.group(2))]
        elif allowed is not None:
            i = _read_allowed(lines, i, allowed.group(1).strip(), marks)
        elif text.lower() != "enum":
            kept.append(lines[i])
        i += 1
    return kept


def _read_allowed(lines: Sequence[Line], i: int, inline: str, marks: _Marks) -> int:
    """ "Allowed:" then one value a line (or values on the same line); the last index read."""
    values = [inline] if inline else []
    while not inline and i + 1 < len(lines) and _TOKEN.match(lines[i + 1].text.strip()):
        if starts_field(lines, i + 1) or _nameless_after(lines, i + 1):
            break
        i += 1
        values.append(lines[i].text.strip())
    marks.enums[lines[i].number] = values
    return i


def _nameless_after(lines: Sequence[Line], i: int) -> bool:
    """A type line then prose: the next block (its name stripped), not an allowed value
    (the values of an "Allowed:" list are followed by a value or by the next name)."""
    if parse_type(lines[i].text) is None or i + 1 >= len(lines):
        return False
    return _TOKEN.match(lines[i + 1].text.strip()) is None


def _annotate(flat: list[Field], marks: _Marks) -> None:
    """Bounds and allowed values go to the block they were written in."""
    for number, pairs in marks.bounds.items():
        owner = _owner(flat, number)
        if owner is not None:
            json_type = main_type(parse_type(owner.type_text))
            for op, raw in pairs:
                key = bound_keyword(op, json_type)
                if key:
                    owner.stated[key] = bound_value(raw)
    for number, values in marks.enums.items():
        owner = _owner(flat, number)
        if owner is not None and values:
            owner.enum = values
    for number, value in marks.defaults.items():
        owner = _owner(flat, number)
        if owner is not None:
            owner.default = value


def _owner(flat: list[Field], number: int) -> Field | None:
    before = [item for item in flat if item.line <= number]
    return before[-1] if before else None


@dataclass(frozen=True)
class _Entry:
    position: int
    item: Field | None = None
    event: str = ""
    """"box" or "add" when `item` is None."""
    name: str = ""


def _nest(
    flat: list[Field], events: list[tuple[int, str, str]], examples: Sequence[Any]
) -> list[Field]:
    """Fields into boxes: a heading opens a box for the field it names; see the module doc."""
    entries = [_Entry(f.line, item=f) for f in flat]
    entries += [_Entry(number, event=kind, name=name) for number, kind, name in events]
    entries.sort(key=lambda entry: entry.position)
    roots: list[Field] = []
    boxes: list[Field] = []
    closed, last = False, None
    for index, entry in enumerate(entries):
        if entry.item is not None:
            depth = _depth_shown(boxes, entry.item.name, examples) if boxes else None
            if depth is not None:
                del boxes[depth:]
            elif closed and not _opens_box(entries, index):
                boxes.clear()
            closed = False
            (boxes[-1].children if boxes else roots).append(entry.item)
            last = entry.item
        elif entry.event == "box" and last is not None and entry.name.lower() == last.name.lower():
            boxes.append(last)
        elif entry.event == "add" and boxes:
            boxes.pop()
            closed = True
    return roots


def _opens_box(entries: list[_Entry], index: int) -> bool:
    return index + 1 < len(entries) and entries[index + 1].event == "box"


def _depth_shown(boxes: list[Field], name: str, examples: Sequence[Any]) -> int | None:
    """How many open boxes `name` sits in, as the examples show it; None if they do not.

    An example object for the innermost box without `name` moves it out, box by box, until
    an object holds it or no example shows the enclosing object."""
    depth = len(boxes)
    while depth > 0:
        node = _example_at(examples, [box.name for box in boxes[:depth]])
        if node is None:
            return None if depth == len(boxes) else depth
        if name in node:
            return depth
        depth -= 1
    return 0


def _example_at(examples: Sequence[Any], path: list[str]) -> dict[str, Any] | None:
    """The first non-empty object an example holds at `path` (through array items)."""
    for example in examples:
        node: Any = example
        for key in path:
            node = _first_object(node)
            node = node.get(key) if node is not None else None
        found = _first_object(node)
        if found:
            return found
    return None


def _first_object(value: Any) -> dict[str, Any] | None:
    """`value` itself when an object, else the first object item of an array."""
    if isinstance(value, list):
        value = next((item for item in value if isinstance(item, dict)), None)
    return value if isinstance(value, dict) else None
