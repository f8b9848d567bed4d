"""Status tables: a Responses section that lists its statuses as table rows.

    |Status|Meaning|Description|Schema|          200 Batch created.
    |---|---|---|---|                       ->   429 The request was rejected.
    |200|OK|Batch created.|Batch|
    |429|Too Many Requests|The request was rejected.|ErrorResponse|

Each row becomes the status line `responses_from` reads (`200 Batch created.`): its code and
its description (the Description cell, else the Meaning one); the header and separator rows
go. Tables whose rows name anything else per status (`|Status|Header|Type|`: the response
headers) are left as they are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import repeat
from operator import contains

from generator import lazyre
from generator.model import Line, line_text

_STATUS_WORDS = frozenset({"status", "status code", "code", "http code", "http status"})
_TEXT_WORDS = ("description", "meaning", "reason")
_OTHER_WORDS = frozenset({"schema", "model", "type", "content type", "media type"})
_CODE = lazyre.compile(r"^(?:[1-5]\d\d|[1-5]XX|default)$", re.I)
_SEPARATOR = lazyre.compile(r"^\|?(?:\s*:?-{3,}:?\s*\|)+\s*(?::?-{3,}:?\s*)?$")


def _cells(text: str) -> list[str]:
    return [cell.strip().strip("*`").strip() for cell in text.strip().strip("|").split("|")]


@lru_cache(maxsize=4096)
def _header(text: str) -> tuple[int, ...] | None:
    """The columns of a status table's header row: the code's, then the columns that may
    describe the status, the first non-empty one of a row being its description."""
    if "|" not in text:
        return None
    words = [cell.lower() for cell in _cells(text)]
    if len(words) < 2 or words[0] not in _STATUS_WORDS:
        return None
    known = _STATUS_WORDS | _OTHER_WORDS | set(_TEXT_WORDS)
    if any(word not in known for word in words[1:]):
        return None
    texts = [words.index(word) for word in _TEXT_WORDS if word in words]
    return (0, *texts) if texts else None


def status_rows(lines: Sequence[Line]) -> list[Line]:
    """`lines` with each status table's rows as status lines."""
    if not any(map(contains, map(line_text, lines), repeat("|"))):  # most: no table
        return list(lines)
    if not any(map(_header, map(line_text, lines))):  # or no status table
        return list(lines)
    out: list[Line] = []
    columns: tuple[int, ...] | None = None
    for line in lines:
        header = _header(line.text)
        if header is not None:
            columns = header
            continue
        if columns is not None and _SEPARATOR.match(line.text.strip()):
            continue
        cells = _cells(line.text) if columns is not None and "|" in line.text else []
        if columns is not None and len(cells) > max(columns) and _CODE.match(cells[0]):
            text = next((cells[k] for k in columns[1:] if cells[k]), "")
            out.append(Line(line.number, f"{cells[0]} {text}".strip()))
            continue
        columns = None
        out.append(line)
    return out
