"""GitBook field lines (see `gitbook`): glued name, type, `·` modifiers and
Required/Optional, then labels, union alternatives and description."""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator import lazyre
from generator.model import Line
from generator.scrape.fields import Field, main_type
from generator.scrape.header import METHODS
from generator.scrape.prose import split_values
from generator.scrape.types import UNIONS, parse_type
from generator.scrape.unglue import split_glued

_FLAG = lazyre.compile(r"(Required|Optional)$")
_UNION_HEAD = lazyre.compile(r"^([A-Za-z_$@][\w.\-\[\]$@]*?)\s?(any of|one of|all of)$", re.ASCII)
_NAME = lazyre.compile(r"[A-Za-z_$@][\w.\-\[\]$@]*", re.ASCII)
_UNION_WORDS = {"any of": "anyOf", "one of": "oneOf", "all of": "allOf"}
_LABEL = lazyre.compile(r"^(Default|Example|Possible values)\s*:\s*(.*)$", re.IGNORECASE)
_BOUND = lazyre.compile(r"^(min|max)\s*:\s*(-?\d+(?:\.\d+)?)$")
_FORMAT = lazyre.compile(r"^[a-z][\w-]*$")
_VALUE = lazyre.compile(r"^[\w.:/+-]+$")
_BOUND_KEYS = {"array": ("minItems", "maxItems"), "string": ("minLength", "maxLength")}
_SKIPPED = {"show properties", "hide properties", "or"}


def parse_fields(lines: Sequence[Line]) -> list[Field]:
    """Glued field lines, each followed by its description, labels and alternatives.

    Reading stops at the code panel (a bare method line: the panel repeats the operation).
    """
    fields: list[Field] = []
    listing: Field | None = None
    for line in lines:
        text = line.text.strip()
        if text.upper() in METHODS:
            break
        item = parse_head(text, line.number)
        if item is not None:
            fields.append(item)
            listing = None
        elif listing is not None and _VALUE.match(text) and text != "or":
            listing.enum.append(text)
        elif fields:
            listing = _read(fields[-1], text)
    return fields


def parse_head(text: str, number: int) -> Field | None:
    """`temperaturenumber · min: 0 · nullableOptional` as a field; None for other lines."""
    flag = _FLAG.search(text)
    core = (text[: flag.start()] if flag else text).strip()
    first, *mods = [part.strip() for part in core.split("·")]
    union = _UNION_HEAD.match(first)
    if union is not None:
        name, type_text = union.group(1), _UNION_WORDS[union.group(2)]
    else:
        split = _name_and_type(first)
        if split is None:
            return None
        name, type_text = split
    if flag is None and not mods:
        return None
    item = Field(name=name, line=number)
    if flag is not None:
        item.required = flag.group(1) == "Required"
    _apply_modifiers(item, type_text, mods)
    return item


def _name_and_type(text: str) -> tuple[str, str] | None:
    """`temperaturenumber` (glued) or `temperature number` (spaced) as name and type."""
    glued = split_glued(text)
    if glued is not None and len(glued) == 2:
        return glued[0], glued[1]
    name, _, rest = text.partition(" ")
    if rest and _NAME.fullmatch(name) and parse_type(rest) is not None:
        return name, rest.strip()
    return None


def _apply_modifiers(item: Field, type_text: str, mods: list[str]) -> None:
    """`nullable`, `min: 0` / `max: 20`, `deprecated`, `enum` and a format word."""
    bounds: dict[str, float | int] = {}
    nullable = False
    for mod in (m.lower() for m in mods):
        bound = _BOUND.match(mod)
        if bound is not None:
            raw = bound.group(2)
            bounds[bound.group(1)] = float(raw) if "." in raw else int(raw)
        elif mod == "nullable":
            nullable = True
        elif mod == "deprecated":
            item.deprecated = True
        elif mod not in ("enum", "read-only", "write-only") and _FORMAT.match(mod):
            formatted = f"{type_text}({mod})"
            type_text = formatted if parse_type(formatted) is not None else type_text
    if type_text in UNIONS:
        item.type_text = type_text
        item.children.extend([Field(name="", type_text="null")] if nullable else [])
    else:
        item.type_text = f"{type_text} | null" if nullable else type_text
    low_key, high_key = _BOUND_KEYS.get(
        main_type(parse_type(item.type_text)) or "", ("minimum", "maximum")
    )
    item.stated.update({low_key if k == "min" else high_key: v for k, v in bounds.items()})


def _read(item: Field, text: str) -> Field | None:
    """One line after a field line: a label, an alternative of a union, or description.

    Returns the field when the line is an empty "Possible values:" whose values (chips)
    may follow one a line."""
    if not text or text.lower() in _SKIPPED:
        return None
    label = _LABEL.match(text)
    if label is not None:
        kind, value = label.group(1).lower(), label.group(2).strip()
        _read_label(item, kind, value)
        listed = kind == "possible values" and not value and item.type_text not in UNIONS
        return item if listed else None
    if item.type_text in UNIONS:
        alternative = _alternative(text)
        if alternative is not None:
            nulls = [c for c in item.children if c.type_text == "null"]
            kept = [c for c in item.children if c.type_text != "null"]
            item.children = [*kept, alternative, *nulls]
            return None
    item.description.append(text)
    return None


def _read_label(item: Field, label: str, value: str) -> None:
    if label == "default" and value:
        item.default = value.strip("\"'`")
    elif label == "example" and value:
        item.example = value.strip("\"'`")
    elif label == "possible values" and value:
        item.enum = split_values(value)


def _alternative(text: str) -> Field | None:
    """A bare type line between "or" lines (`string · enum`, `object`)."""
    first, *mods = [part.strip() for part in text.split("·")]
    if parse_type(first) is None:
        return None
    alternative = Field(name="")
    _apply_modifiers(alternative, first, mods)
    return alternative
