"""Markdown whose line breaks were lost (a `.md` export copied as one line of text).

    # Get thing Reads a thing. Endpoint: GET /things/{id} ## Path parameters: - `id` (string,
    required) The thing's ID. ## Response 200 fields (application/json): - `name` (string) ...

`unflatten` puts back the breaks Markdown's structure shows: before each heading and each
code-named list item (`- \\`name\\` (`), after a list item's `(type, required)` head (its text
goes on an indented line, as the export writes it), after a heading's section label
("Path parameters:"; a heading's prose cannot be told from its words otherwise), and around
a `METHOD /path` written inside a sentence ("Endpoint: GET /things/{id} Version: 2"); pipe
tables flattened onto the line get their rows back (`mdtables`). Every
restored line keeps the number of the line it came from. A copy cut inside the last item's
`(type, required` gets the closing parenthesis back.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from generator import lazyre
from generator.load.markdown import FLATTENED
from generator.model import Line, line_text
from generator.scrape.mdtables import has_flat_table, unflatten_tables
from generator.scrape.sections import heading_kind

_LONG = 160
"""A line this long that starts with a heading is a flattened document; shorter ones are
left as they are."""
_BREAK = lazyre.compile(r" (?=#{1,6} \S|[-*] `[^`]+` ?\()")
_ITEM_HEAD = lazyre.compile(r"^([-*] `[^`]+` ?\((?:[^()]|\([^()]*\))*\))\s+(\S.*)$")
_HEADING = lazyre.compile(r"^(#{1,6}) (.*)$")
_CUT_HEAD = lazyre.compile(r"^[-*] `[^`]+` ?\([^()]+$")
"""A list item cut inside its `(type, required` head where the copy ends: the head is whole
but for its closing parenthesis."""
_INLINE_METHOD = lazyre.compile(
    r"(?<!\S)((?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (?:https?://|/)\S*)(?:\s+|$)"
)
_LABEL_WORDS = 6


def is_flattened(lines: Sequence[Line], joined: str | None = None) -> bool:
    """A flattened document (its first line one long heading-led line), or a page holding
    a pipe table flattened onto one line (`mdtables`). `joined`: the lines' text joined,
    when the caller has it (`Page.text`)."""
    first = next((line.text for line in lines if line.text.strip()), "")
    if len(first) >= _LONG and FLATTENED.match(first) is not None:
        return True
    joined = "\n".join(map(line_text, lines)) if joined is None else joined
    if "---" not in joined or "|" not in joined:  # what `has_flat_table` needs on a line
        return False  # most pages: tested without a Python loop
    return any(len(line.text) >= _LONG and has_flat_table(line.text) for line in lines)


def unflatten(lines: Sequence[Line]) -> list[Line]:
    """The lines of a flattened document with its breaks restored (others unchanged)."""
    if not is_flattened(lines):
        return list(lines)
    restored: list[Line] = []
    for line in lines:
        if len(line.text) < _LONG:
            restored.append(line)
            continue
        for text in _split(line.text):
            restored.extend(Line(line.number, row) for row in unflatten_tables(text))
    if restored and _CUT_HEAD.match(restored[-1].text):
        restored[-1] = Line(restored[-1].number, restored[-1].text + ")")
    return restored


def _split(text: str) -> Iterator[str]:
    for raw in _BREAK.split(text.strip()):
        segment = raw.strip()
        if not segment:
            continue
        item = _ITEM_HEAD.match(segment)
        if item:
            yield item.group(1)
            yield "  " + item.group(2)
            continue
        heading = _HEADING.match(segment)
        label = _label(heading.group(2)) if heading else None
        if heading and label is not None:
            yield f"{heading.group(1)} {label}"
        rest = heading.group(2)[len(label) :] if heading and label is not None else segment
        yield from _around_methods(rest)


def _label(text: str) -> str | None:
    """The section label that starts a heading's text, when prose is glued after it
    ("Parameters Creates a ..."); None when no label starts it."""
    words = text.split(" ")
    for size in range(min(_LABEL_WORDS, len(words)), 0, -1):
        label = " ".join(words[:size])
        if heading_kind([Line(0, label)], 0) is not None:
            return label
    return None


def _around_methods(text: str) -> Iterator[str]:
    """A `METHOD /path` inside a sentence on a line of its own."""
    start = 0
    for match in _INLINE_METHOD.finditer(text):
        before = text[start : match.start()].strip()
        if before:
            yield before
        yield match.group(1)
        start = match.end()
    rest = text[start:].strip()
    if rest:
        yield rest
