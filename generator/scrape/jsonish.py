"""Tolerant JSON for examples on doc pages: trailing commas, comments, `...`, line numbers.

`parse_jsonish(text)` tries strict JSON first, then repairs what doc renders break.
Raises `ValueError` when the text is not JSON even after repair.
"""

from __future__ import annotations

import json
import re
from typing import Any

from generator.limits import MAX_EXAMPLE_DEPTH, no_surrogates, too_deep

_LINE_NUMBER = re.compile(r"^\s*\d+\s{0,4}(?=[\[\]{}\"])")
_ELLIPSIS = re.compile(r"^\s*(\.\.\.|…)\s*,?\s*$")
_SURROGATE = re.compile("[\ud800-\udfff]")


def parse_jsonish(text: str) -> Any:
    try:
        return _bounded(json.loads(text), text)
    except RecursionError as exc:
        raise ValueError("JSON nested too deeply") from exc
    except ValueError:
        pass
    repaired = _repair(text)
    try:
        return _bounded(json.loads(repaired), repaired)
    except RecursionError as exc:
        raise ValueError("JSON nested too deeply") from exc


def _bounded(value: Any, text: str) -> Any:
    """`value` read from `text`, unless it nests deeper than an example may (ValueError).

    Both walks of the value are skipped when the text rules them out: nesting deeper than
    the limit takes more opening brackets than that, and a lone surrogate in a string
    comes from a `\\u` escape or from the text itself."""
    if text.count("{") + text.count("[") > MAX_EXAMPLE_DEPTH and too_deep(value, MAX_EXAMPLE_DEPTH):
        raise ValueError(f"JSON nested deeper than {MAX_EXAMPLE_DEPTH} levels")
    if "\\u" in text or _SURROGATE.search(text):
        return no_surrogates(value)
    return value


def _repair(text: str) -> str:
    lines = []
    for raw in text.splitlines():
        line = _LINE_NUMBER.sub("", raw)
        if _ELLIPSIS.match(line):
            continue
        lines.append(line)
    return _strip_commas_and_comments("\n".join(lines))


def _strip_commas_and_comments(text: str) -> str:
    """Drop `//` and `/* */` comments and commas before `}`/`]`, outside strings."""
    out: list[str] = []
    i, n = 0, len(text)
    in_string = False
    while i < n:
        ch = text[i]
        if in_string:
            out.append(ch)
            if ch == "\\" and i + 1 < n:
                out.append(text[i + 1])
                i += 1
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
            out.append(ch)
        elif text.startswith("//", i):
            i = _skip_to(text, "\n", i) - 1
        elif text.startswith("/*", i):
            i = _skip_to(text, "*/", i) + 1
        elif ch == "," and _next_significant(text, i + 1) in ("}", "]", ""):
            pass
        else:
            out.append(ch)
        i += 1
    return "".join(out)


def _skip_to(text: str, marker: str, start: int) -> int:
    found = text.find(marker, start + 2)
    return len(text) if found < 0 else found


def _next_significant(text: str, start: int) -> str:
    match = re.compile(r"\S").search(text, start)
    return match.group(0) if match else ""
