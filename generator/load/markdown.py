"""Markdown exports: lines with inline markup removed; fenced spec blocks become embedded specs.

Line numbers stay those of the source file. Code fences keep their content verbatim (the
fence lines themselves are dropped); headings lose their `#`s and quotes their `>`;
emphasis, inline code marks and link targets are removed, as are inline HTML tags
(`<mark style=...>POST</mark>`, `<h3 id=...>`); table rows stay `| a | b |` lines.

A text page can be Markdown too (an export saved as .txt, a copy of a `.md` URL):
`looks_markdown` tells it by its shape, not by the file's suffix.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import count

from generator import lazyre
from generator.model import EmbeddedSpec, Line, Page
from generator.problems import Problems

_FENCE = lazyre.compile(r"^\s*(`{3,}|~{3,})")
_HEADING = lazyre.compile(r"^\s{0,3}(?:#{1,6}|>)\s+")
"""A heading's `#`s, or a blockquote's `>` (Slate and Widdershins caption the code panel's
samples with them: `> Example responses`, `> 200 Response`)."""
_LINK = lazyre.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = lazyre.compile(r"(\*\*|__)(.+?)\1")
_CODE = lazyre.compile(r"`([^`]*)`")
_TAG = lazyre.compile(
    r"</?(?:mark|span|font|code|kbd|b|i|u|em|strong|small|sup|sub|br|a|h[1-6])(?:\s[^<>]*)?/?>",
    re.I,
)
"""Inline HTML that Markdown sources wrap words in (GitBook colours its method words)."""
_SIGNALS: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...] = (
    (("#",), lazyre.compile(r"^#{1,6} \S.*\n(?:.*\n)*?#{1,6} \S", re.M)),  # two ATX headings
    (("```", "~~~"), lazyre.compile(r"^\s*(?:`{3,}|~{3,})", re.M)),  # a code fence
    (("---",), lazyre.compile(r"^\s*\|?\s*:?-{3,}:?\s*\|", re.M)),  # a table's separator row
    (
        ("`",),
        lazyre.compile(r"^\s*[-*+] `[^`\n]+` ?\(", re.M),
    ),  # a list item naming a field in code
    (("](",), lazyre.compile(r"\[[^\]\n]+\]\((?:https?:|/|#)")),  # a link
    (("»",), lazyre.compile(r"^\|\s*»", re.M)),  # a table row nested by `»` (Widdershins-style)
)
"""Markdown's marks, each with the strings a page must hold for its pattern to be tried."""
FLATTENED = lazyre.compile(r"^\s*#{1,3} [^\n]{1,300}? (?:#{2,4} |[-*] `)")
"""A Markdown document whose line breaks were lost: a heading, then another heading or a
code-named list item further on the same line."""


_FENCED_SPEC = lazyre.compile(
    r"^\s*(?:`{3,}|~{3,})[\w-]*[ \t]*\n\s*[\"']?(?:openapi|swagger)[\"']?\s*:", re.M
)
"""A code fence that opens on a spec (an Apifox or Mintlify export's OpenAPI block)."""


def looks_markdown(text: str) -> bool:
    """Markdown by its shape: two of its marks (headings, fences, tables, code-named list
    items, links), a heading line that holds the rest of the document, or a fenced spec."""
    head = text[:20000]
    fenced = ("```" in text or "~~~" in text) and ("openapi" in text or "swagger" in text)
    if FLATTENED.match(head) or (fenced and _FENCED_SPEC.search(text)):
        return True
    hits = 0
    for literals, signal in _SIGNALS:
        if any(map(head.__contains__, literals)) and signal.search(head):
            hits += 1
            if hits >= 2:
                return True
    return False


def markdown_page(name: str, text: str, problems: Problems) -> Page:
    numbered = tuple(map(Line, count(1), text.splitlines()))
    return markdown_lines(name, numbered, problems)


def markdown_lines(name: str, source: Sequence[Line], problems: Problems) -> Page:
    """A Markdown page from numbered source lines (a text page's, or lines restored from a
    flattened document, which keep the number of the line they came from)."""
    lines: list[Line] = []
    specs: list[EmbeddedSpec] = []
    fence: str | None = None
    block: list[str] = []
    block_start = 0
    for number, raw in source:
        match = _FENCE.match(raw)
        if fence is None and match:
            fence, block, block_start = match.group(1), [], number + 1
            continue
        if fence is not None and match and match.group(1).startswith(fence[0]):
            from generator.load.specs import read_spec_text  # noqa: PLC0415 - PyYAML: fences only

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
    if "<" in line:
        line = _TAG.sub("", line)
    parts = _CODE.split(line)  # even indices: prose; odd: the inside of a code span
    return "".join(
        part if i % 2 else _EMPHASIS.sub(r"\2", part) for i, part in enumerate(parts)
    ).rstrip()
