"""The rows of field tables as text renders give them, before their cells are read.

Shapes (each a header row naming the columns, then rows):

- pipe tables, with or without the `|---|` separator and the outer pipes; a row may be split
  over lines (`token |` / `xxxx |` / `Required | ... |`, or `|` alone between rows), a cell
  may hold a `|` of its own (the surplus cells go back into the description), and a row may
  lack cells (`RawRow.aligned` is then False and the cells are placed by their content);
- tables whose cells are separated by spaces only (`参数名 是否必须 类型 说明`);
- tables whose cells are glued together (`参数名必选类型说明` / `wId是string...`);
- tables with one cell per line (the header words one a line, then each row's cells).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress

from generator import lazyre
from generator.model import Line, line_text
from generator.scrape.table_columns import (
    column_key,
    glued_header,
    header_keys,
    may_open_header,
    spaced_header,
)

_RowAt = Callable[[Sequence[Line], int], "RawRow | None"]
_TableAt = Callable[[Sequence[Line], int], "tuple[RawTable | None, int]"]
_SEPARATOR = lazyre.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$")
_HEADER_LINES = 8
"""How many lines a header split one cell a line may take (`|` / `Name |` / `Type |` ...)."""


@dataclass
class RawRow:
    line: int
    cells: list[str]
    aligned: bool = True
    """One cell a column; False: fewer cells (empty ones dropped) or whitespace tokens."""
    tokens: bool = False
    """The cells are the words of a row whose columns are separated by spaces only."""


@dataclass
class RawTable:
    keys: list[str | None]
    rows: list[RawRow] = field(default_factory=list)
    glued: bool = False
    """Each row is one text of glued cells (`RawRow.cells` holds it alone)."""
    start: int = 0
    """The index (in the lines read) of the header row."""


@lru_cache(maxsize=8192)
def is_separator(text: str) -> bool:
    stripped = text.strip()
    return "-" in stripped and bool(_SEPARATOR.match(stripped.replace(" ", "")))


@lru_cache(maxsize=8192)
def _pieces(text: str) -> tuple[bool, tuple[str, ...], bool]:
    """A pipe line: does it open with a pipe, its cells' texts, does it close with one."""
    t = text.strip()
    leading, trailing = t.startswith("|"), t.endswith("|")
    inner = t[1:] if leading else t
    inner = inner[:-1] if trailing and inner else inner
    if not inner and (leading or trailing):
        return leading, (), trailing
    return leading, tuple(piece.strip() for piece in inner.split("|")), trailing


def find_tables(lines: Sequence[Line]) -> list[RawTable]:
    """Every field table in `lines`, in order."""
    tables: list[RawTable] = []
    i = 0
    while i < len(lines):
        read = _START[table_start(lines[i].text)]
        if read is None:  # most lines: no table starts on them
            i += 1
            continue
        table, end = read(lines, i)
        if table is not None and table.rows:
            table.start = i
            tables.append(table)
        i = max(end, i + 1)
    return tables


def may_hold_table(lines: Sequence[Line]) -> bool:
    """Whether `find_tables` may find a table in `lines`: a quick test of what each shape
    needs to start (a pipe header names columns or has its separator, a one-a-line header
    has three column words). Most sections with a pipe only write union types."""
    separator: bool | None = None
    starts = list(map(table_start, map(line_text, lines)))
    for i in compress(range(len(starts)), starts):
        start, line = starts[i], lines[i]
        if start == 1:
            if _pipe_header_words(line.text):
                return True
            if separator is None:
                separator = any(map(is_separator, map(line_text, lines)))
            if separator:
                return True
        elif start == 4:
            following = lines[i + 1 : i + 3]
            if len(following) == 2 and all(column_key(ln.text) for ln in following):
                return True
        elif start:
            return True
    return False


@lru_cache(maxsize=8192)
def _pipe_header_words(text: str) -> bool:
    """Does a pipe line name columns, as a header without a separator must?"""
    return header_keys(list(_pieces(text)[1])) is not None


@lru_cache(maxsize=8192)
def table_start(text: str) -> int:
    """Which shape of table may start at a line of this text (an index in `_START`)."""
    if "|" in text:
        return 1
    if not may_open_header(text):
        return 0
    if spaced_header(text.strip()) is not None:
        return 2
    if glued_header(text.strip()) is not None:
        return 3
    return 4 if column_key(text) == "name" else 0


def _pipe_header(lines: Sequence[Line], i: int) -> tuple[list[str], int] | None:
    """The header cells starting at `i` and the index after them (and their separator)."""
    cells: list[str] = []
    for j in range(i, min(i + _HEADER_LINES, len(lines))):
        text = lines[j].text
        if is_separator(text):
            return (cells, j + 1) if cells or j > i else None
        if "|" not in text:
            break
        cells.extend(_pieces(text)[1])
        if j == i and header_keys(cells) is not None and not _separator_within(lines, j + 1):
            return cells, j + 1  # a header without separator (tables rendered from HTML)
    return None


def _separator_within(lines: Sequence[Line], j: int) -> bool:
    for k in range(j, min(j + _HEADER_LINES, len(lines))):
        if is_separator(lines[k].text):
            return True
        if "|" not in lines[k].text:
            return False
    return False


def _pipe_table(lines: Sequence[Line], i: int) -> tuple[RawTable | None, int]:
    header = _pipe_header(lines, i)
    if header is None:
        return None, i + 1
    cells, j = header
    keys = header_keys(cells)
    if keys is None:
        return None, j
    if len(cells) == 1 and len(keys) > 1:
        rows = _word_rows(lines, j, _one_cell_rows)
        return RawTable(keys, rows), j + len(rows)
    reader = _PipeRows(len(keys))
    while j < len(lines):
        text = lines[j].text
        if j + 1 < len(lines) and "|" in text and is_separator(lines[j + 1].text):
            break  # the header of the next table
        if is_separator(text) or not reader.feed(lines[j]):
            break
        j += 1
    reader.finish()
    return RawTable(keys, reader.rows), j


def _one_cell_rows(lines: Sequence[Line], j: int) -> RawRow | None:
    """A row of a table whose header is one cell (`Name, Type, Description |`): its words."""
    text = lines[j].text
    if "|" not in text or is_separator(text):
        return None
    if j + 1 < len(lines) and is_separator(lines[j + 1].text):
        return None  # the header of the next table
    words = " ".join(_pieces(text)[1]).split()
    return RawRow(lines[j].number, words, aligned=False, tokens=True) if words else None


class _PipeRows:
    """Cells fed line by line, cut into rows of `width` cells."""

    def __init__(self, width: int) -> None:
        self.width = width
        self.rows: list[RawRow] = []
        self.cells: list[str] = []
        self.open = False
        self.wide = False
        """The row began on a line of two cells or more (not one cell a line)."""
        self.line = 0

    def feed(self, line: Line) -> bool:
        """Take a line's cells; False when the line is not part of the table."""
        text = line.text.strip()
        if "|" not in text:
            if not self.cells or (self.wide and not self.open):
                self.finish()  # a row shown on one line ends there
                return False
            self._text(text, line.number)
            return True
        leading, pieces, trailing = _pieces(text)
        if not self.cells:
            self.wide = len(pieces) >= 2
        if self.open and len(self.cells) >= self.width and len(pieces) >= self.width - 1:
            self._emit()  # a whole row after one whose last cell was left open
        if leading:
            self._leading(pieces)
        for k, piece in enumerate(pieces):
            closed = k < len(pieces) - 1 or trailing
            if k == 0 and self.open and not leading:
                self.cells[-1] = f"{self.cells[-1]} {piece}".strip()
            else:
                self._start(piece, line.number)
            self.open = not closed
        if not pieces and trailing and not leading:
            self.open = False
        if not self.open and len(self.cells) >= self.width:
            self._emit()
        return True

    def _leading(self, pieces: tuple[str, ...]) -> None:
        if self.open:
            self.open = False
        elif self.cells and len(self.cells) >= self.width:
            self._emit()
        elif self.cells and not pieces:
            self.cells.append("")  # `|` alone after a closed cell: an empty cell

    def _text(self, text: str, number: int) -> None:
        if self.open:
            self.cells[-1] = f"{self.cells[-1]} {text}".strip()
        else:
            self._start(text, number)
            self.open = True

    def _start(self, text: str, number: int) -> None:
        if not self.cells:
            self.line = number
        self.cells.append(text)

    def _emit(self) -> None:
        cells = self.cells
        if len(cells) > self.width:  # a `|` inside a cell: the surplus is the last cell's
            cells = [*cells[: self.width - 1], " | ".join(cells[self.width - 1 :])]
        if any(cells):
            aligned = len(cells) == self.width
            self.rows.append(
                RawRow(self.line, cells if aligned else [c for c in cells if c], aligned)
            )
        self.cells, self.open = [], False

    def finish(self) -> None:
        if self.cells:
            self._emit()


def _word_rows(lines: Sequence[Line], j: int, row_at: _RowAt) -> list[RawRow]:
    rows: list[RawRow] = []
    while j < len(lines):
        row = row_at(lines, j)
        if row is None:
            break
        rows.append(row)
        j += 1
    return rows


def _spaced_table(lines: Sequence[Line], i: int) -> tuple[RawTable, int]:
    keys: list[str | None] = list(spaced_header(lines[i].text.strip()) or ())
    rows: list[RawRow] = []
    j = i + 1
    while j < len(lines):
        words = lines[j].text.split()
        if not words or not _NAME_WORD.match(_mark_free(words[0])) or ":" in words[0]:
            if rows and _is_aside(lines[j].text):
                j += 1  # a value list under a row (`• example.com`)
                continue
            break
        rows.append(RawRow(lines[j].number, words, aligned=False, tokens=True))
        j += 1
    return RawTable(keys, rows), j


def _glued_table(lines: Sequence[Line], i: int) -> tuple[RawTable, int]:
    keys: list[str | None] = list(glued_header(lines[i].text.strip()) or ())
    rows: list[RawRow] = []
    j = i + 1
    while j < len(lines):
        text = lines[j].text.strip()
        if not text or not _GLUED_START.match(text):
            break
        rows.append(RawRow(lines[j].number, [text], aligned=False))
        j += 1
    return RawTable(keys, rows, glued=True), j


def _column_table(lines: Sequence[Line], i: int) -> tuple[RawTable | None, int]:
    """Header words one a line, then the cells of each row one a line."""
    keys: list[str | None] = []
    j = i
    while j < len(lines) and len(keys) < 8:
        key = column_key(lines[j].text)
        if key is None or key in keys:
            break
        keys.append(key)
        j += 1
    if len(keys) < 3 or keys.count("name") != 1:
        return None, i + 1
    width = len(keys)
    rows: list[RawRow] = []
    while j + width <= len(lines):
        cells = [lines[j + k].text.strip() for k in range(width)]
        if not _column_row(keys, cells):
            break
        rows.append(RawRow(lines[j].number, cells))
        j += width
    return RawTable(keys, rows), j


def _column_row(keys: list[str | None], cells: list[str]) -> bool:
    """Cells that read as one row: a name where the name goes, a type where the type goes."""
    from generator.scrape.table_cells import is_type_cell  # noqa: PLC0415 - a cycle

    for key, cell in zip(keys, cells, strict=True):
        if key == "name" and not _NAME_WORD.fullmatch(cell):
            return False
        if key == "type" and not is_type_cell(cell):
            return False
        if key not in (None, "description", "required", "name") and column_key(cell):
            return False
        if key == "name" and "type" not in keys and column_key(cell) is not None:
            return False  # with a type column, a type in it tells a field named `type`
    return True


_NAME_WORD = lazyre.compile(r"[»\-\s└├│─]*[A-Za-z_$@][\w.$@\[\]\-]*", re.ASCII)
_GLUED_START = lazyre.compile(r"^[A-Za-z_$@]")
_ASIDE = lazyre.compile(r"^\s*[•·\-*]\s")


def _mark_free(word: str) -> str:
    return word.lstrip("»-└├│─ ")


def _is_aside(text: str) -> bool:
    return bool(_ASIDE.match(text))


_START: tuple[_TableAt | None, ...] = (
    None,
    _pipe_table,
    _spaced_table,
    _glued_table,
    _column_table,
)
"""The reader of each shape `table_start` names (none for 0: no table starts there)."""
