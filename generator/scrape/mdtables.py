"""Pipe tables whose line breaks were lost: a copy that joined a table's rows with spaces.

    Address: /shop/lookup | Name | Meaning | Type | Needed | | --- | --- | --- | --- |
    |sku|item code|String|yes |qty|how many|int|no |since|from (epoch)|no >Example: {...}
    Reply fields: | Name | Meaning | Type | Needed | | --- | --- | --- | --- | | code | ...

The separator run (`| --- | --- |`) gives the column count N and the N cells before it are
the header. Body rows are cut from the cells after it, N at a time; where the last column
holds yes/no words (`yes`, `否`, `required` ...), a row of N-1 cells ending in one, followed by
a cell that is not one, is a row that lost a cell. The last cell of a table runs into the
text after it: with a yes/no last column, only its first word is the cell. Text before a
table (a caption ending in `:`) goes on lines of its own, the caption last. A last row
shorter than N-1 cells is the copy's cut and is left out.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from generator import lazyre
from generator.model import Line
from generator.scrape.sections import heading_kind

_SEPARATOR = lazyre.compile(r"\|(?:\s*:?-{3,}:?\s*\|){2,}(?:\s*:?-{3,}:?\s*(?=\s|$))?")
_DASHES = lazyre.compile(r"-{3,}")
_FLAGS = frozenset(
    {"是", "否", "y", "n", "yes", "no", "true", "false", "required", "optional"}
    | {"必填", "选填", "必选", "可选", "必须", "非必须", "必需"}
)
_CAPTION_WORDS = 6


def has_flat_table(text: str) -> bool:
    """Whether a line holds a pipe table flattened onto it (header, separator and rows)."""
    return "---" in text and "|" in text and _flat_tables(text) is not None


@lru_cache(maxsize=1024)
def _flat_tables(text: str) -> tuple[tuple[int, int, int], ...] | None:
    """Each flattened table's (header start, separator start, separator end) in `text`."""
    found: list[tuple[int, int, int]] = []
    for match in _SEPARATOR.finditer(text):
        columns = len(_DASHES.findall(match.group(0)))
        start = _header_start(text, match.start(), columns)
        if start is None or match.end() >= len(text.rstrip()):
            continue
        found.append((start, match.start(), match.end()))
    return tuple(found) if found else None


def _header_start(text: str, end: int, columns: int) -> int | None:
    """Where the header row of `columns` cells before `end` starts (its first pipe)."""
    head = text[:end].rstrip()
    pipes = [i for i, char in enumerate(head) if char == "|"]
    if head.endswith("|"):
        pipes = pipes[:-1]
    if len(pipes) < columns:
        return None
    start = pipes[-columns]
    cells = head[start + 1 :].split("|")
    if any(not cell.strip() for cell in cells[:columns]):
        return None
    return start


def unflatten_tables(text: str) -> Iterator[str]:
    """The lines of `text` with its flattened tables restored (the text unchanged if none)."""
    tables = _flat_tables(text)
    if tables is None:
        yield text
        return
    yield from _text_lines(text[: tables[0][0]])
    for index, (start, sep, end) in enumerate(tables):
        columns = len(_DASHES.findall(text[sep:end]))
        yield _row([c.strip() for c in text[start + 1 : sep].split("|")][:columns])
        yield _row(["---"] * columns)
        stop = tables[index + 1][0] if index + 1 < len(tables) else len(text)
        rows, rest = _rows(text[end:stop], columns)
        yield from (_row(row) for row in rows)
        yield from _text_lines(rest)


def _rows(body: str, columns: int) -> tuple[list[list[str]], str]:
    """The body's rows, and the text after the table."""
    raw = body.strip()
    cells = [c.strip() for c in (raw[1:] if raw.startswith("|") else raw).split("|")]
    rest = ""
    flagged = len(cells) >= columns and _is_flag(cells[columns - 1])
    if flagged and cells:
        first, _, rest = cells[-1].partition(" ")
        cells[-1] = first
    elif len(cells) > 1 and not cells[-1]:
        cells.pop()
    rows: list[list[str]] = []
    row: list[str] = []
    for index, cell in enumerate(cells):
        if not row and not cell:
            continue
        row.append(cell)
        following = cells[index + 1] if index + 1 < len(cells) else ""
        lost = flagged and len(row) == columns - 1 and _is_flag(cell) and not _is_flag(following)
        if len(row) == columns or lost:
            rows.append(_lost(row, columns) if lost else row)
            row = []
    if len(row) >= columns - 1:
        rows.append(_lost(row, columns))
    return rows, rest


def _lost(row: list[str], columns: int) -> list[str]:
    """A row that lost a cell: which one is not known, so only its name (first) and its
    yes/no (last) cell are kept in place, the cells between them left empty."""
    if len(row) == columns:
        return row
    return row[:1] + [""] * (columns - 2) + row[-1:]


def _is_flag(cell: str) -> bool:
    return cell.strip().lower() in _FLAGS


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _text_lines(text: str) -> Iterator[str]:
    """Text between tables; a caption that ends it (`Reply fields:`) on a line of its own."""
    text = text.strip()
    if not text:
        return
    words = text.split(" ")
    if text.endswith((":", "：")):
        for size in range(min(_CAPTION_WORDS, len(words) - 1), 0, -1):
            caption = " ".join(words[-size:])
            if heading_kind([Line(0, caption)], 0) is not None:
                yield " ".join(words[:-size])
                yield caption
                return
    yield text
