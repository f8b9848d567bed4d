"""Markdown exports: lines with inline markup removed; fenced spec blocks become embedded specs.

Line numbers stay those of the source file. Code fences keep their content verbatim (the
fence lines themselves are dropped); headings lose their `#`s; emphasis, inline code marks
and link targets are removed; table rows stay `| a | b |` lines.
"""

from __future__ import annotations

import re

from generator.load.specs import read_spec_text
from generator.model import EmbeddedSpec, Line, Page
from generator.problems import Problems

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_CODE = re.compile(r"`([^`]*)`")


def markdown_page(name: str, text: str, problems: Problems) -> Page:
    lines: list[Line] = []
    specs: list[EmbeddedSpec] = []
    fence: str | None = None
    block: list[str] = []
    block_start = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        match = _FENCE.match(raw)
        if fence is None and match:
            fence, block, block_start = match.group(1), [], number + 1
            continue
        if fence is not None and match and match.group(1).startswith(fence[0]):
            spec, problem = read_spec_text("\n".join(block))
            if spec is not None:
                specs.append(EmbeddedSpec(spec, block_start))
            if problem is not None:
                problems.warn(name, block_start + problem.line - 1, problem.message)
            fence = None
            continue
        if fence is not None:
            block.append(raw)
            lines.append(Line(number, raw.rstrip()))
        else:
            lines.append(Line(number, strip_inline(raw)))
    if fence is not None:
        problems.warn(name, block_start - 1, "code fence is never closed")
    return Page(path=name, kind="markdown", lines=tuple(lines), embedded=tuple(specs))


def strip_inline(line: str) -> str:
    """Markup removed; code spans keep their text verbatim (`__init__` is a name, not bold)."""
    line = _HEADING.sub("", line)
    line = _LINK.sub(r"\1", line)
    parts = _CODE.split(line)  # even indices: prose; odd: the inside of a code span
    return "".join(
        part if i % 2 else _EMPHASIS.sub(r"\2", part) for i, part in enumerate(parts)
    ).rstrip()
