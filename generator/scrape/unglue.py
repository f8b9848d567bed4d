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

_TYPE = r"(?:string|integer|number|boolean|object|array|null|file|enum<\w+>|(?:string|integer|number|object|boolean)\[\])"
_REQ = r"(?:required|optional|Required|Optional)"
_GLUED = re.compile(rf"^([A-Za-z_][\w.\-]*?)({_TYPE}(?:\s*\|\s*null)?)({_REQ})?$")
_REQ_FIRST = re.compile(rf"^([A-Za-z_][\w.\-]*?)({_REQ})\s+(.+)$")
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
    for pattern in (_GLUED, _REQ_FIRST):
        match = pattern.match(text)
        if match:
            return _named(match.groups(), pattern is _REQ_FIRST)
    spaced = _SPACED.match(text)
    if spaced and parse_type(spaced.group(2)) is not None and len(text.split()) <= 6:
        return [p for p in spaced.groups() if p]
    return [text]


def _named(groups: tuple[str | None, ...], required_first: bool) -> list[str]:
    name, second, third = groups
    if required_first:
        if third is None or parse_type(third) is None:
            return [f"{name}{second}" + (f" {third}" if third else "")]
        return [name or "", third, second or ""]
    return [p for p in (name, second, third) if p]
