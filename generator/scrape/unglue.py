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

_TYPE_START = re.compile(r"string|integer|number|boolean|object|array|null|file|enum<|map<")
_REQ = r"(?:required|optional|Required|Optional)"
_NAME_PART = re.compile(r"[A-Za-z_$@][\w.\-\[\]$@]*", re.ASCII)
_TRAILING_REQ = re.compile(rf"{_REQ}$")
_REQ_FIRST = re.compile(rf"^([A-Za-z_$@][\w.\-\[\]$@]*?)({_REQ})\s+(.+)$", re.ASCII)
_SPACED = re.compile(rf"^([a-z_$][\w.\-\[\]]*|[A-Z][\w]*[-_][\w-]+)\s+(.+?)(?:\s+({_REQ}))?$")
_MODS = re.compile(rf"^(header|query|path|cookie)({_REQ})$", re.I)
_REQ_PREFIX = re.compile(rf"^({_REQ})(?=[A-Z])(.+)$")


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
    return None


def _required_first(groups: tuple[str | None, ...]) -> list[str]:
    """`modelrequired string` -> model / string / required (kept whole if no type follows)."""
    name, flag, rest = groups
    if rest is None or parse_type(rest) is None:
        return [f"{name}{flag}" + (f" {rest}" if rest else "")]
    return [name or "", rest, flag or ""]
