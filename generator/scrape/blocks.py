"""Vertical field blocks: a name line, a type line, then modifier and description lines.

    limit                 order               x-portkey-api-key
    string                enum<string>        string
    required              default:desc        header
    Example:              Sort order by ...   required
    20                    Available options:
                          asc,
                          desc

Apifox writes `object {N}` / `array [object {N}]`: the next N blocks are the children.
Mintlify may write children as `parent.child`. Both become a `Field` tree.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from generator import lazyre
from generator.model import Line
from generator.scrape.fields import Field, bound_keyword, bound_value, main_type, values_list
from generator.scrape.literals import required_literals
from generator.scrape.types import parse_type

_NAME = lazyre.compile(r"^([.,;:]*)\s*([A-Za-z_$@][\w$@.\-\[\]]{0,99}|\*)$", re.ASCII)
_TITLE = lazyre.compile(r"^[^\s.,;:。，][^.。:：]{0,60}\s[^.。:：]{0,60}$")
_REQUIRED = {"required", "必需", "必填", "是", "required*", "*"}
_OPTIONAL = {"optional", "可选", "非必需", "否", "nullable"}
_LOCATIONS = {"header", "query", "path", "cookie", "body"}
_EXAMPLE = lazyre.compile(r"^(?:Example|示例值?|例如)\s*[:：]?\s*(.*)$", re.IGNORECASE)
_TRAILING_EXAMPLE = lazyre.compile(r"^(.*\S)\s*(?:Example|示例值)\s*[:：]\s*(.*)$")
_TRAILING_WORDS = required_literals(_TRAILING_EXAMPLE) or ("",)
"""A line shows one of these before `_TRAILING_EXAMPLE` (which backtracks over it) can match."""
_DEFAULT = lazyre.compile(r"^(?:default|默认值)\s*[:：]\s*(.*)$", re.IGNORECASE)
_OPTIONS = lazyre.compile(
    r"^(?:Available options|Allowed values|Possible values|Enum|枚举值)\s*[:：]\s*(.*)$",
    re.IGNORECASE,
)
_MARKERS = lazyre.compile(r"^(?:Show|Hide) (?:child )?(?:attributes|properties)$", re.IGNORECASE)
_BOUND = lazyre.compile(r"^(min|max)\s*:\s*(-?\d+(?:\.\d+)?)$")
"""A bound as `unglue.split_dotted` gives it (`min: 1`): the field's length, items or value."""


def is_name(text: str) -> bool:
    return name_parts(text) is not None


@lru_cache(maxsize=8192)
def name_parts(text: str) -> tuple[str, str] | None:
    """The punctuation before a name and the name, of a name line (None: not one). Cached:
    a line is tested as a block's first line and again as the line after one, and the same
    names recur across a site's pages."""
    match = _NAME.match(text.strip())
    return None if match is None else (match.group(1), match.group(2))


def is_type(text: str) -> bool:
    return parse_type(text) is not None


def starts_field(lines: Sequence[Line], i: int) -> bool:
    """A block starts at `i`: a name line followed by a type line (and not a name+type pair)."""
    # is_name and is_type, inlined: this runs for each line of each block
    if i + 1 >= len(lines) or name_parts(lines[i].text) is None:
        return False
    if parse_type(lines[i + 1].text) is None:  # a title, capitalized, may echo the name
        following = lines[i + 1].text
        return following.lstrip()[:1].isupper() and echoes_name(lines[i].text, following)
    if lines[i + 1].text.strip() == "enum" and is_type(lines[i].text):
        return False  # `string` then `enum` (ReadMe, names stripped): one type, no field
    if i + 2 >= len(lines) or parse_type(lines[i + 2].text) is None:
        return True
    return name_parts(lines[i + 1].text) is None or _modifier(lines[i + 2].text) is not None


_WORDS = lazyre.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")


@lru_cache(maxsize=8192)
def echoes_name(text: str, following: str) -> bool:
    """A name line then its title, the name's words capitalized (`crate_id` / `Crate Id`,
    `lidOptions` / `Lid options`): a field whose type the page does not state (FastAPI
    titles, shown where a render leaves an `anyOf` type out)."""
    title = following.strip()
    if not title[:1].isupper() or name_parts(text) is None:
        return False
    words = [w.lower() for w in _WORDS.findall(text.strip())]
    return bool(words) and [w.lower() for w in title.split()] == words


def _starts_titled(lines: Sequence[Line], i: int) -> bool:
    """Apifox union alternatives: a title with spaces, then `object {N}`, no required line."""
    if i + 1 >= len(lines):
        return False
    expr = parse_type(lines[i + 1].text)  # cached: cheaper than the title pattern, so first
    if expr is None or expr.child_count is None or not _TITLE.match(lines[i].text.strip()):
        return False
    return i + 2 >= len(lines) or _modifier(lines[i + 2].text) is None


def is_modifier(text: str) -> bool:
    """A flag or location line (`required`, `可选`, `header` ...)."""
    return _modifier(text) is not None


def _modifier(text: str) -> str | None:
    lowered = text.strip().lower()
    if lowered in _REQUIRED or lowered in _OPTIONAL or lowered in _LOCATIONS:
        return lowered
    return None


def parse_blocks(lines: Sequence[Line], *, counted: bool = False) -> list[Field]:
    """Field blocks in `lines` (blank lines removed by the caller), as a tree."""
    from generator.scrape.records import type_last_fields  # noqa: PLC0415 - imports this module

    records = type_last_fields(lines)
    if records is not None:
        return records
    flat: list[Field] = []
    i = 0
    while i < len(lines):
        if counted and _starts_titled(lines, i):
            item = Field(
                name=lines[i].text.strip(),
                type_text=lines[i + 1].text.strip(),
                line=lines[i].number,
                titled=True,
            )
            i = _read_block(lines, i + 2, item, counted=counted)
            flat.append(item)
            continue
        if not starts_field(lines, i):
            if flat:
                flat[-1].description.append(lines[i].text)
            i += 1
            continue
        prefix, name = name_parts(lines[i].text)  # type: ignore[misc]
        if prefix and flat:
            flat[-1].description.append(prefix)
        item = Field(name=name, type_text=lines[i + 1].text.strip(), line=lines[i].number)
        if not is_type(item.type_text):  # a title in place of the type (`echoes_name`)
            item.type_text, item.description = "", [item.type_text]
        item.additional = name == "*"
        i = _read_block(lines, i + 2, item, counted=counted)
        flat.append(item)
    tree = _nest_counted(flat) if counted else flat
    return _nest_dotted(tree)


def _read_block(lines: Sequence[Line], i: int, item: Field, *, counted: bool) -> int:
    while i < len(lines) and not starts_field(lines, i):
        if counted and _starts_titled(lines, i):
            break
        text = lines[i].text.strip()
        i = _read_line(lines, i, text, item)
    return i


def _read_line(lines: Sequence[Line], i: int, text: str, item: Field) -> int:
    """Consume one modifier or description line of a block; return the next index."""
    role, value, example = _line_role(text)
    if role == "text":
        item.description.append(text)
    elif role == "modifier":
        if value in _LOCATIONS:
            item.location = value
        elif value != "nullable":
            item.required = value in _REQUIRED
    elif role == "deprecated":
        item.deprecated = True
    elif role == "example":
        return _read_example(lines, i, value, item)
    elif role == "trailing":
        item.description.append(value)
        return _read_example(lines, i, example, item)
    elif role == "default":
        return _read_default(lines, i, value, item)
    elif role == "bound":
        _read_bound(item, value, example)
    elif role == "options":
        return _read_options(lines, i, value, item)
    return i + 1


@lru_cache(maxsize=8192)
def _line_role(text: str) -> tuple[str, str, str]:
    """What a block's line is ("modifier", "example", "text" ...), with the text it carries
    (and a trailing example's value). Cached: "required", "Example:" and the like recur on
    every page of a site."""
    modifier = _modifier(text)
    if modifier is not None:
        return "modifier", modifier, ""
    if text.lower() == "deprecated":
        return "deprecated", "", ""
    if _MARKERS.match(text):
        return "marker", "", ""
    bound = _BOUND.match(text)
    if bound:
        return "bound", bound.group(1), bound.group(2)
    example = _EXAMPLE.match(text)
    if example:
        return "example", example.group(1), ""
    trailing = _TRAILING_EXAMPLE.match(text) if any(w in text for w in _TRAILING_WORDS) else None
    if trailing:
        return "trailing", trailing.group(1), trailing.group(2)
    default = _DEFAULT.match(text)
    if default:
        return "default", default.group(1).strip().strip("`\"'"), ""
    options = _OPTIONS.match(text)
    if options:
        return "options", options.group(1), ""
    return "text", "", ""


def _read_bound(item: Field, side: str, raw: str) -> None:
    """`min: 1` / `max: 100` under a field: its minimum, minLength or minItems (by its type)."""
    key = bound_keyword(">=" if side == "min" else "<=", main_type(parse_type(item.type_text)))
    if key:
        item.stated[key] = bound_value(raw)


def _read_example(lines: Sequence[Line], i: int, inline: str, item: Field) -> int:
    raw = inline.strip()
    if not raw and i + 1 < len(lines) and not starts_field(lines, i + 1):
        i += 1
        raw = lines[i].text.strip()
    if raw:
        item.example = _literal(raw)
    return i + 1


def _read_default(lines: Sequence[Line], i: int, inline: str, item: Field) -> int:
    """`默认值:` / `Default:` with the value on the next line (none when a field follows)."""
    if inline or i + 1 >= len(lines) or starts_field(lines, i + 1):
        item.default = inline
        return i + 1
    item.default = lines[i + 1].text.strip().strip("`\"'")
    return i + 2


def _literal(raw: str) -> str:
    quoted = len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "\"'"
    return raw[1:-1] if quoted else raw


def _read_options(lines: Sequence[Line], i: int, inline: str, item: Field) -> int:
    collected = [inline] if inline.strip() else []
    i += 1
    while (not collected or collected[-1].rstrip().endswith(",")) and i < len(lines):
        if starts_field(lines, i):
            break
        collected.append(lines[i].text.strip())
        i += 1
    item.enum = values_list(collected)
    return i


def _nest_counted(flat: list[Field]) -> list[Field]:
    """Apply Apifox `{N}` counts: a field with N takes the next N fields as children."""
    position = 0

    def take(count: int | None) -> list[Field]:
        nonlocal position
        taken: list[Field] = []
        while position < len(flat) and (count is None or len(taken) < count):
            item = flat[position]
            position += 1
            expr = parse_type(item.type_text)
            nested = expr.nested_count if expr else None
            if nested:
                item.children = take(nested)
            taken.append(item)
        return taken

    return take(None)


def _nest_dotted(fields: list[Field]) -> list[Field]:
    """Move `parent.child` fields (and `parent[].child`) under their parent."""
    by_name: dict[str, Field] = {}
    out: list[Field] = []
    for item in fields:
        parent_name, _, child_name = item.name.rpartition(".")
        parent = by_name.get(parent_name.removesuffix("[]")) if parent_name else None
        if parent is not None and child_name:
            item.name = child_name
            parent.children.append(item)
            by_name[f"{parent_name.removesuffix('[]')}.{child_name}"] = item
            continue
        item.children = _nest_dotted(item.children)
        by_name[item.name] = item
        out.append(item)
    return out
