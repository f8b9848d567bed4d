"""Bullet field lists, nested by indentation (Bump.sh-style, Markdown lists).

    • data array[object] Required
      Represents an assistant ...
      Hide data attributes Show data attributes object
      • id string Required
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.model import Line
from generator.scrape.fields import Field
from generator.scrape.types import parse_type

BULLET = re.compile(r"^(\s*)[•·▪●◦]\s*(\S.*)$")
_FLAGS = re.compile(r"\s+(Required|Optional|Deprecated|Additional properties|Nullable)\b", re.I)
_MARKER = re.compile(r"^Hide .+? attributes? Show .+? attributes?(?:\s+(?P<type>.+))?$", re.I)


def parse_bullet(text: str, line: int) -> Field:
    """`name type [Required] [Deprecated]` (type may have spaces: `string | null`)."""
    flags = {m.group(1).lower() for m in _FLAGS.finditer(text)}
    core = _FLAGS.sub("", text).strip()
    name, _, rest = core.partition(" ")
    item = Field(name=name.strip("`"), line=line)
    rest = rest.strip()
    if rest and parse_type(rest) is not None:
        item.type_text = rest
    elif rest:
        first = rest.split()[0]
        if parse_type(first) is not None:
            item.type_text = first
            item.description.append(rest[len(first) :].strip())
        else:
            item.description.append(rest)
    item.required = True if "required" in flags else None
    item.deprecated = "deprecated" in flags
    item.additional = name == "*" or "additional properties" in flags
    return item


def parse_bullets(lines: Sequence[Line]) -> list[Field]:
    """Bullets in `lines` as a tree; other lines describe the bullet above them."""
    roots: list[Field] = []
    stack: list[tuple[int, Field]] = []
    for line in lines:
        match = BULLET.match(line.text)
        if match is None:
            if stack:
                _describe(stack[-1][1], line.text.strip())
            continue
        indent = len(match.group(1).expandtabs(4))
        item = parse_bullet(match.group(2), line.number)
        while stack and stack[-1][0] >= indent:
            stack.pop()
        (stack[-1][1].children if stack else roots).append(item)
        stack.append((indent, item))
    return roots


def _describe(item: Field, text: str) -> None:
    if not text:
        return
    if text.rstrip(":").lower() in ("one of", "any of", "all of"):
        item.one_of = True
        return
    if _MARKER.match(text):
        return
    item.description.append(text)


def is_marker(text: str) -> bool:
    return bool(_MARKER.match(text))


def root_type(lines: Sequence[Line]) -> str | None:
    """The type a "Hide response attributes Show response attributes array[object]" states."""
    for line in lines:
        match = _MARKER.match(line.text.strip())
        if match and match.group("type"):
            return match.group("type").strip()
    return None
