"""Tolerant JSON for examples on doc pages: trailing commas, comments, `...`, line numbers.

`parse_jsonish(text)` tries strict JSON first, then repairs what doc renders break: commas
before a closing bracket or doubled, comments, `...` elisions (a line of their own or a
value), Redoc's collapsed samples (`{- "key": 1, - "other"`), Ruby hashes (`"a"=>1`). With
`cut=True`, an example the page cuts off is closed where it stops: a string value cut
mid-way is kept, a key cut mid-way (or left without its value) is dropped.
Raises `ValueError` when the text is not JSON even after repair.
"""

from __future__ import annotations

import json
import re
from typing import Any

from generator import lazyre
from generator.limits import MAX_EXAMPLE_DEPTH, no_surrogates, too_deep

_LINE_NUMBER = lazyre.compile(r"^\s*\d+\s{0,4}(?=[\[\]{}\"])")
_ELLIPSIS = lazyre.compile(r"^\s*(\.\.\.|…)\s*,?\s*$")
_SURROGATE = lazyre.compile("[\ud800-\udfff]")


def parse_jsonish(text: str, *, cut: bool = False) -> Any:
    try:
        return _bounded(json.loads(text), text)
    except RecursionError as exc:
        raise ValueError("JSON nested too deeply") from exc
    except ValueError:
        pass
    repaired = _repair(text)
    try:
        return _loads(repaired)
    except ValueError:
        if not cut:
            raise
    closed = close_cut(repaired)
    if closed is None:
        raise ValueError("not JSON, even closed where it stops")
    return _loads(closed)


def _loads(text: str) -> Any:
    try:
        return _bounded(json.loads(text), text)
    except RecursionError as exc:
        raise ValueError("JSON nested too deeply") from exc


def _bounded(value: Any, text: str) -> Any:
    """`value` read from `text`, unless it nests deeper than an example may (ValueError).

    Both walks of the value are skipped when the text rules them out: nesting deeper than
    the limit takes more opening brackets than that, and a lone surrogate in a string
    comes from a `\\u` escape or from the text itself (never from an ASCII text)."""
    if text.count("{") + text.count("[") > MAX_EXAMPLE_DEPTH and too_deep(value, MAX_EXAMPLE_DEPTH):
        raise ValueError(f"JSON nested deeper than {MAX_EXAMPLE_DEPTH} levels")
    if "\\u" in text or (not text.isascii() and _SURROGATE.search(text)):
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
    """Outside strings: drop `//` and `/* */` comments, `...` elisions, Redoc's `- ` item
    markers, and commas before `}`/`]` or after `{`/`[`/`,`; read `=>` as `:`."""
    out: list[str] = []
    i, n = 0, len(text)
    last = ""  # the last significant character written
    while i < n:
        ch = text[i]
        if ch == '"':
            i = _copy_string(text, i, out) - 1
            last = ch
        elif text.startswith("//", i):
            i = _skip_to(text, "\n", i) - 1
        elif text.startswith("/*", i):
            i = _skip_to(text, "*/", i) + 1
        elif ch == "," and (last in ("{", "[", ",", "") or _next_significant(text, i + 1) in "}]"):
            pass
        elif text.startswith("...", i) or ch == "…":
            i += 2 if ch == "." else 0
            if last == "," and _next_significant(text, i + 1) in "}]":
                _drop_last_comma(out)
                last = _last_significant(out)
        elif ch == "-" and last in ("{", "[", ",", "") and _is_marker(text, i + 1):
            pass
        elif text.startswith("=>", i):
            out.append(":")
            last = ":"
            i += 1
        else:
            out.append(ch)
            last = ch if not ch.isspace() else last
        i += 1
    return "".join(out)


def _copy_string(text: str, start: int, out: list[str]) -> int:
    """Copy the string opening at `start` to `out`; the index after it (or the end)."""
    i, n = start + 1, len(text)
    while i < n:
        if text[i] == "\\":
            i += 2
        elif text[i] == '"':
            i += 1
            break
        else:
            i += 1
    out.append(text[start:i])
    return min(i, n)


def _drop_last_comma(out: list[str]) -> None:
    for k in range(len(out) - 1, -1, -1):
        if out[k] == ",":
            del out[k]
            return


def _last_significant(out: list[str]) -> str:
    return next((ch for ch in reversed(out) if not ch.isspace()), "")


def _is_marker(text: str, start: int) -> bool:
    """Whether a `-` before `start` is a collapsed-sample marker (`- "key"`, `- {`)."""
    return start < len(text) and text[start] in " \t" and _next_significant(text, start) in '"{['


def _skip_to(text: str, marker: str, start: int) -> int:
    found = text.find(marker, start + 2)
    return len(text) if found < 0 else found


_SIGNIFICANT = lazyre.compile(r"\S")


def _next_significant(text: str, start: int) -> str:
    match = _SIGNIFICANT.search(text, start)
    return match.group(0) if match else ""


def balanced_end(text: str) -> int | None:
    """The index after the bracket closing the value that opens `text` (`{` or `[` first,
    strings skipped); None when it never closes."""
    depth = 0
    for token in _BRACKET_OR_STRING.finditer(text):
        ch = token.group(1)
        if ch is None:  # a string
            continue
        if ch in "{[":
            depth += 1
        else:
            depth -= 1
            if depth <= 0:
                return token.end()
    return None


_BRACKET_OR_STRING = lazyre.compile(r'([{}\[\]])|"(?:[^"\\]|\\.)*(?:"|\\?\Z)', re.DOTALL)
"""A bracket (group 1) or a string, closed or left open at the end of the text (an escape
skips the character after it)."""


_PARTIAL_WORD = lazyre.compile(r"[A-Za-z_][\w-]*$|-$")
_CLOSERS = {"{": "}", "[": "]"}


def close_cut(text: str) -> str | None:
    """`text` (repaired JSON that stops before its end) closed where it stops: a string
    value cut mid-way is closed, a key cut mid-way or left without a value is dropped, as is
    a bare word cut mid-way; then the open brackets are closed. None if nothing is open."""
    scan = _scan(text)
    if scan is None or not scan.stack:
        return None
    if scan.string_start is not None and scan.key_start == scan.string_start:
        text = text[: scan.key_start]  # a key cut mid-word
    elif scan.string_start is not None:
        text += '"'
    text = _drop_dangling(text.rstrip(), scan)
    return text + "".join(_CLOSERS[opener] for opener in reversed(scan.stack))


def _drop_dangling(text: str, scan: _Scan) -> str:
    """Without a key left without its value, a bare word cut mid-way, or a last comma."""
    word = _PARTIAL_WORD.search(text)
    if word is not None and word.group(0) not in ("true", "false", "null"):
        text = text[: word.start()].rstrip()
    if scan.key_start is not None and (scan.after_key or text.endswith(":")):
        text = text[: scan.key_start]
    return text.rstrip().rstrip(",")


class _Scan:
    """Where a scan of cut JSON stopped: open brackets, an open string, the last key."""

    def __init__(self) -> None:
        self.stack: list[str] = []
        self.string_start: int | None = None
        self.key_start: int | None = None
        self.after_key = False
        """The last thing read is a whole key (no colon yet)."""


def _scan(text: str) -> _Scan | None:
    scan = _Scan()
    last = ""
    escaped = False
    for i, ch in enumerate(text):
        if scan.string_start is not None:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                scan.after_key = scan.string_start == scan.key_start
                scan.string_start = None
                last = '"'
            continue
        if ch == '"':
            scan.string_start = i
            if scan.stack and scan.stack[-1] == "{" and last in ("{", ","):
                scan.key_start = i
        elif ch in "{[":
            scan.stack.append(ch)
            scan.key_start = None
        elif ch in "}]":
            if not scan.stack or _CLOSERS[scan.stack.pop()] != ch:
                return None
            scan.key_start = None
        if not ch.isspace():
            last = ch
            scan.after_key = scan.after_key and ch == '"'
    return scan
