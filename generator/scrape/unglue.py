"""Split tokens that text renders glue together back into block lines.

    thread_idstringRequired -> thread_id / string / Required
    modelrequired string    -> model / string / required
    thread_id string required (one line) -> thread_id / string / required
    headerrequired          -> header / required
    requiredThe ID of ...   -> required / The ID of ...

A line is only split when it is not already a name followed by a type line, so pages that
are not glued pass through unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.model import Line
from generator.scrape.blocks import is_name, is_type
from generator.scrape.types import parse_type

_TYPE_START = re.compile(r"(?=string|integer|number|boolean|object|array|null|file|enum|map<)")
"""Where a type may start (zero-width: `temperaturenumber` holds `enum` and `number`)."""
_REQ = r"(?:required|optional|Required|Optional)"
_NAME_PART = re.compile(r"[A-Za-z_$@][\w.\-\[\]$@]*", re.ASCII)
_TRAILING_REQ = re.compile(rf"{_REQ}$")
_REQ_FIRST = re.compile(rf"^([A-Za-z_$@][\w.\-\[\]$@]*?)({_REQ})\s+(.+)$", re.ASCII)
_SPACED = re.compile(rf"^([a-z_$][\w.\-\[\]]*|[A-Z][\w]*[-_][\w-]+)\s+(.+?)(?:\s+({_REQ}))?$")
_MODS = re.compile(rf"^(header|query|path|cookie)({_REQ})$", re.I)
_REQ_PREFIX = re.compile(rf"^({_REQ})(?=[A-Z])(.+)$")
_FLAG_THEN_TEXT = re.compile(rf"({_REQ})(?=[A-Z])")
_BOUND_MOD = re.compile(r"^(?:min|max)\s*:\s*-?\d+(?:\.\d+)?$")
_FORMAT_MOD = re.compile(r"^[a-z][\w-]*$")
_NOT_FORMATS = {"enum", "read-only", "write-only", "readonly", "writeonly"}


def unglue(lines: Sequence[Line]) -> list[Line]:
    out: list[Line] = []
    for i, line in enumerate(lines):
        following = lines[i + 1].text if i + 1 < len(lines) else ""
        parts = _split(line.text.strip(), following)
        out.extend(Line(line.number, part) for part in parts)
    return out


def _split(text: str, following: str) -> list[str]:
    if not text or (is_name(text) and is_type(following)) or is_type(text):
        return [text]
    if " · " in text:
        dotted = split_dotted(text)
        if dotted is not None:
            return dotted
    mods = _MODS.match(text)
    if mods:
        return [mods.group(1), mods.group(2)]
    prefix = _REQ_PREFIX.match(text)
    if prefix:
        return [prefix.group(1), prefix.group(2)]
    glued = split_glued(text)
    if glued is not None:
        return glued
    match = _REQ_FIRST.match(text)
    if match:
        return _required_first(match.groups())
    spaced = _SPACED.match(text)
    if spaced and parse_type(spaced.group(2)) is not None and len(text.split()) <= 6:
        return [p for p in spaced.groups() if p]
    return [text]


def split_glued(text: str) -> list[str] | None:
    """`filtersobject | object` -> [name, type], `idstringRequired` -> [name, type, flag].

    The type is the longest tail that starts with a basic type word and parses whole; the
    name before it must be one token.
    """
    for match in _TYPE_START.finditer(text):
        name, rest = text[: match.start()], text[match.start() :]
        if not name or not _NAME_PART.fullmatch(name):
            continue
        flag = _TRAILING_REQ.search(rest)
        core = rest[: flag.start()] if flag else rest
        if parse_type(core) is not None:
            return [name, core.strip()] + ([flag.group(0)] if flag else [])
        then = _FLAG_THEN_TEXT.search(rest)
        if then is not None and parse_type(rest[: then.start()]) is not None:
            return [name, rest[: then.start()].strip(), then.group(1), rest[then.end() :]]
    return None


def split_dotted(text: str) -> list[str] | None:
    """`limitinteger · int32 · min: 1 · max: 100` -> limit / integer(int32) / min: 1 / max: 100,
    `accountNamestring · required` -> accountName / string / required: a glued name and type,
    then `·`-separated modifiers (a flag, `nullable`, bounds, a format word; others dropped)."""
    flag = _TRAILING_REQ.search(text)
    core = text[: flag.start()] if flag else text
    first, *mods = [part.strip() for part in core.split("·")]
    glued = split_glued(first)
    if glued is None or len(glued) != 2:
        return None
    name, type_text = glued
    flags = [flag.group(0)] if flag else []
    bounds: list[str] = []
    nullable = False
    for mod in mods:
        lowered = mod.lower()
        if lowered in ("required", "optional"):
            flags = [lowered]
        elif lowered == "nullable":
            nullable = True
        elif lowered == "deprecated":
            bounds.append(lowered)
        elif lowered in _NOT_FORMATS:
            continue
        elif _BOUND_MOD.match(lowered):
            bounds.append(lowered)
        elif _FORMAT_MOD.match(lowered) and parse_type(f"{type_text}({lowered})") is not None:
            type_text = f"{type_text}({lowered})"
    return [name, f"{type_text} | null" if nullable else type_text, *flags, *bounds]


def _required_first(groups: tuple[str | None, ...]) -> list[str]:
    """`modelrequired string` -> model / string / required (kept whole if no type follows)."""
    name, flag, rest = groups
    if rest is None or parse_type(rest) is None:
        return [f"{name}{flag}" + (f" {rest}" if rest else "")]
    return [name or "", rest, flag or ""]
