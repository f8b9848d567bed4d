"""Scalars as ruamel.yaml writes them with docs2sdk's settings (for `yaml_emit`).

ruamel picks a style per scalar (`Emitter.analyze_scalar`, `choose_scalar_style`): plain
when the text has no indicator, special character or edge space and the YAML 1.2 implicit
resolvers read it back as a string; else double-quoted when it holds `'` or a line feed or
cannot be single-quoted; else single-quoted. `render` makes that choice with regular
expressions and gives the text written when it does not fold, the same wherever it stands.
ruamel folds only past column 4096 (`WIDTH`); `yaml_fold.long_scalar` writes the scalars
that reach it, and single-quoted ones with raw line separators (U+2028, U+2029).

ruamel writes by YAML 1.2 rules, but docs2sdk reads specs with PyYAML (YAML 1.1), as do many
tools users feed them to (SnakeYAML...). So that the same text means the same value to both,
`yaml_io` configures ruamel with three changes, and `render` follows them:

- a string that YAML 1.1 reads as something else (`off`, `y`, `1:30`, `017`...: ruamel's
  1.1 resolvers, a superset of PyYAML's) is quoted as ruamel quotes what 1.2 reads as
  something else (single quotes, unless the text needs double ones);
- a string with U+0085 is double-quoted (`\\N`): YAML 1.1 reads a raw one as a line break;
- a float has a dot before its exponent (`1.0e-05`, as PyYAML writes it): YAML 1.1 reads
  `1e-05` as a string.

Lone surrogates are written as ruamel writes them (`"\\uD800"`), which YAML 1.2 readers
read back and libyaml (PyYAML's C loader, docs2sdk's reader) refuses: no YAML text holds
them for both. docs2sdk's documents have none (`limits.no_surrogates` replaces them on input).
"""

from __future__ import annotations

import datetime
import math
import re
from typing import Any

from generator import lazyre
from generator.openapi.unsupported import Unsupported

WIDTH = 4096
"""ruamel's `best_width` for `YAML.width = 4096`: the column past which it folds scalars."""
LONG_SINGLE = ""
"""`render`'s answer for a single-quoted scalar with raw line separators."""

_SPECIAL = lazyre.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
"""A character that is not printable (ruamel's allow_unicode set) or is a line break: never
plain. (The class names the complement of that set: it compiles 8x faster.)"""
_FIRST_NOT_PLAIN = frozenset(" #,[]{}&*!|>'\"%@`")
"""Block indicators that a plain scalar cannot start with."""
_DASHES = frozenset("-?:")
"""Indicators that a plain scalar can start with unless a space or its end follows."""
_NOT_SINGLE = lazyre.compile(
    r"[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufeff\ufffe\uffff]"
    r"|[\n\x85\u2028\u2029] | [\n\x85\u2028\u2029]"
)
"""Text ruamel does not single-quote: special characters (here U+0085 too: see the module
docstring), a space before or after a break."""
ESCAPED = lazyre.compile(r'[\x00-\x1f"\\\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]')
"""Characters ruamel escapes in a double-quoted scalar."""
_ESCAPES = {
    "\0": "0",
    "\x07": "a",
    "\x08": "b",
    "\x09": "t",
    "\x0a": "n",
    "\x0b": "v",
    "\x0c": "f",
    "\x0d": "r",
    "\x1b": "e",
    '"': '"',
    "\\": "\\",
    "\x85": "N",
    "\xa0": "_",
    "\u2028": "L",
    "\u2029": "P",
}

# ruamel.yaml's implicit resolvers (resolver.py): tag, pattern, first characters.
_INT = r"^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$"
_INT_1_1 = (
    r"^(?:[-+]?0b[0-1_]+|[-+]?0?[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+"
    r"|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$"
)
_FLOAT = (
    r"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)"
    r"(?:[eE][-+]?[0-9]+)|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)"
    r"|\.(?:nan|NaN|NAN))$"
)
_FLOAT_1_1 = (
    r"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)"
    r"(?:[eE][-+]?[0-9]+)|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+"
    r"\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)
_BOOL_1_1 = (
    r"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$"
)
_TIMESTAMP = (
    r"^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?"
    r"-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?"
    r"(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$"
)
_BOTH = (
    ("merge", r"^(?:<<)$", "<"),
    ("null", r"^(?:~|null|Null|NULL|)$", ("~", "n", "N", "")),
    ("timestamp", _TIMESTAMP, "0123456789"),
    ("value", r"^(?:=)$", "="),
    ("yaml", r"^(?:!|&|\*)$", "!&*"),
)
RESOLVERS_1_2 = (
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("float", _FLOAT, "-+0123456789."),
    ("int", _INT, "-+0123456789"),
    *_BOTH,
)
"""The tests check this against ruamel's own table (written there in verbose regexes)."""
RESOLVERS_1_1 = (
    ("bool", _BOOL_1_1, "yYnNtTfFoO"),
    ("float", _FLOAT_1_1, "-+0123456789."),
    ("int", _INT_1_1, "-+0123456789"),
    *_BOTH,
)
"""ruamel's YAML 1.1 table: PyYAML's, and `y`/`n`, `1e5`, `._5`, `-_` besides (the tests
check both)."""
_Table = dict[str, list[tuple[str, re.Pattern[str]]]]


def _by_first(table: tuple[tuple[str, str, Any], ...]) -> _Table:
    resolvers: _Table = {}
    for tag, pattern, firsts in table:
        for first in firsts:
            resolvers.setdefault(first, []).append((tag, re.compile(pattern)))
    return resolvers


_RESOLVERS = _by_first(RESOLVERS_1_2)
_RESOLVERS_1_1 = _by_first(RESOLVERS_1_1)
_ANY_TAG = {
    first: lazyre.compile("|".join(f"(?:{pattern.pattern})" for _, pattern in patterns))
    for first, patterns in _by_first(RESOLVERS_1_2 + RESOLVERS_1_1).items()
}
"""Per first character, one pattern for all the resolvers of both versions."""


def resolved_tag(text: str, version: tuple[int, int] = (1, 2)) -> str | None:
    """The type a plain scalar `text` reads back as in YAML 1.2 or 1.1 (None: a string)."""
    for tag, pattern in (_RESOLVERS if version == (1, 2) else _RESOLVERS_1_1).get(text[:1], ()):
        if pattern.match(text):
            return tag
    return None


def render(text: str) -> str:
    """String `text` as ruamel writes it when it does not fold; `LONG_SINGLE`: ask
    `yaml_fold.long_scalar`."""
    simple = text.isascii() and text.isprintable()  # most text: no need for the regexes
    if (not simple and _SPECIAL.search(text)) or _edges_not_plain(text) or _resolves(text):
        if "'" in text or "\n" in text or (not simple and _NOT_SINGLE.search(text)):
            return '"' + _double_quoted(text) + '"'
        if "\u2028" in text or "\u2029" in text:
            return LONG_SINGLE
        return "'" + text + "'"
    return text


def _not_plain(text: str) -> bool:
    """Whether ruamel does not write `text` plain in block context (whatever the resolvers
    say)."""
    return _SPECIAL.search(text) is not None or _edges_not_plain(text)


def _edges_not_plain(text: str) -> bool:
    """Whether indicators or edge spaces keep `text` from being plain in block context: a
    leading indicator, `---`/`...`, `- `, `? `, `: ` and ` #` (or their ends), a last space.
    String methods rather than one regex: a regex alternation tries each branch at each
    character, 8x slower."""
    first = text[:1]
    return (
        first in _FIRST_NOT_PLAIN
        or ": " in text
        or " #" in text
        or text.endswith((":", " "))
        or (first in _DASHES and text[1:2] in (" ", ""))
        or text.startswith(("---", "..."))
    )


def _resolves(text: str) -> bool:
    """Whether YAML 1.2 or 1.1 reads plain `text` as another type than a string."""
    pattern = _ANY_TAG.get(text[:1])
    return pattern is not None and pattern.match(text) is not None


def _double_quoted(text: str) -> str:
    if text.isascii() and text.replace("\n", "").isprintable():  # the usual case, 4x faster
        return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return ESCAPED.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    return escape_char(match.group())


def escape_char(char: str) -> str:
    """`char` as ruamel escapes it in a double-quoted scalar."""
    if char in _ESCAPES:
        return "\\" + _ESCAPES[char]
    if char <= "\xff":
        return f"\\x{ord(char):02X}"
    if char <= "\uffff":
        return f"\\u{ord(char):04X}"
    return f"\\U{ord(char):08X}"


def render_other(value: object) -> str:
    """A non-string scalar as ruamel represents it (always plain), or `Unsupported` when
    YAML 1.2 or 1.1 would read that text as another type."""
    if value is None:
        return "null"
    kind = type(value)
    if kind is bool:
        return "true" if value else "false"
    if kind not in _REPRESENT:
        raise Unsupported(f"a {kind.__name__} value")
    represent, tag = _REPRESENT[kind]
    try:
        text: str = represent(value)
    except ValueError as exc:  # an int with more digits than int_max_str_digits
        raise Unsupported(f"a {kind.__name__} ruamel cannot write") from exc
    if resolved_tag(text) != tag or resolved_tag(text, (1, 1)) != tag or _not_plain(text):
        raise Unsupported(f"{text!r} would need a tag")
    return text


def _float(value: float) -> str:
    if math.isnan(value):
        return ".nan"
    if value == math.inf:
        return ".inf"
    if value == -math.inf:
        return "-.inf"
    text = repr(value).lower()
    return text.replace("e", ".0e", 1) if "e" in text and "." not in text else text


_REPRESENT: dict[type, tuple[Any, str]] = {
    int: (str, "int"),
    float: (_float, "float"),
    datetime.date: (datetime.date.isoformat, "timestamp"),
    datetime.datetime: (lambda value: value.isoformat(" "), "timestamp"),
}
"""ruamel's SafeRepresenter for these types: the scalar's text, the tag it must resolve to."""
