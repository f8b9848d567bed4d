"""Strings a regex cannot match without: a cheap `in` test before a costly search.

Family detection searches each page for some 60 patterns, most of them on none of its lines;
a MULTILINE search that fails tries every position of the page. `required_literals` reads
the pattern's parse tree (the standard library's own regex parser) for literal text every
match must contain, so that `any(s in text for s in literals)` rules a page out first.
The parser is a private module of `re`: when it is missing or answers in another shape,
there is no prefilter (`None`) and every search runs, as before.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

try:
    _ops: Any = importlib.import_module("re._constants")
    _parser: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - a Python without the private parser
    _parser = None

Literals = tuple[str, ...]


def required_literals(pattern: re.Pattern[str]) -> Literals | None:
    """Strings of which any match of `pattern` contains at least one (None: not known)."""
    return None if pattern.flags & re.IGNORECASE else _literals(pattern)


@dataclass(frozen=True)
class KeywordFilter:
    """True for every text where one of some patterns may match: it shows one of their
    required literals, case ignored (so it also serves patterns that ignore case).

    An ASCII text is lowered once and searched for the lowered literals, without the slow
    case-insensitive scan: for ASCII characters, ignoring case is comparing `.lower()`.
    """

    folded: re.Pattern[str]
    lowered: re.Pattern[str] | None
    """For ASCII texts; None when a non-ASCII literal could match ASCII text."""

    def __call__(self, text: str) -> bool:
        if self.lowered is not None and text.isascii():
            return self.lowered.search(text.lower()) is not None
        return self.folded.search(text) is not None


def keyword_filter(patterns: Iterable[re.Pattern[str]]) -> KeywordFilter | None:
    """The filter for `patterns`; None when a pattern has no literal to look for."""
    found: list[str] = []
    for pattern in patterns:
        literals = _literals(pattern)
        if literals is None:
            return None
        found.extend(literals)
    words = list(dict.fromkeys(found))
    folded = re.compile("|".join(map(re.escape, words)), re.IGNORECASE)
    if any(not word.isascii() and _matches_ascii(word) for word in words):
        return KeywordFilter(folded, None)
    lowered = sorted({word.lower() for word in words if word.isascii()}, key=len)
    shortest = [w for i, w in enumerate(lowered) if not any(v in w for v in lowered[:i])]
    return KeywordFilter(folded, re.compile("|".join(map(re.escape, shortest))))


def _matches_ascii(word: str) -> bool:
    """Whether each character equals some ASCII one, case ignored (the Kelvin sign: k)."""
    return all(
        any(re.fullmatch(re.escape(ch), chr(code), re.IGNORECASE) for code in range(128))
        for ch in word
    )


def line_search(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    """Whether `pattern` matches within some line of a text (as with MULTILINE).

    sre tries a `^`-anchored pattern at every position of the text; `\\nR` starts with a
    literal character, which sre scans for quickly. So `^R` is matched at the start, then
    looked for as `\\nR` (R then sees the same text around it, the newline included). With
    `^A|B`, the `^` belongs to A alone, and `\\nA|B` still looks for B anywhere.
    MULTILINE changes only what `^` and `$` mean: a pattern with no `$` and no `^` after its
    first character is used as it is, and only its `\\n` form is compiled."""
    source = pattern.pattern
    lines_matter = "$" in source or "^" in source[1:]
    compiled = re.compile(source, pattern.flags | re.MULTILINE) if lines_matter else pattern
    if not source.startswith("^"):
        return lambda text: compiled.search(text) is not None
    after_newline = re.compile(r"\n" + source[1:], compiled.flags)
    return lambda text: (compiled.match(text) is not None or after_newline.search(text) is not None)


def _literals(pattern: re.Pattern[str]) -> Literals | None:
    """Required literals as written (compared case-insensitively when the pattern is)."""
    if _parser is None:
        return None
    try:
        return _best(_sequence(list(_parser.parse(pattern.pattern, pattern.flags))))
    except Exception:  # an unexpected tree only costs the prefilter
        return None


def _sequence(items: list[tuple[Any, Any]]) -> list[Literals]:
    """Candidate sets for a sequence of nodes: every match contains one string of each set."""
    found: list[Literals] = []
    run: list[str] = []
    for op, value in items:
        if op is _ops.LITERAL:
            run.append(chr(value))
            continue
        if run:
            found.append(("".join(run),))
            run = []
        inner = _node(op, value)
        if inner is not None:
            found.append(inner)
    if run:
        found.append(("".join(run),))
    return found


def _node(op: Any, value: Any) -> Literals | None:
    """The best candidate set of one group, alternation or repetition node."""
    if op is _ops.SUBPATTERN:
        _group, add_flags, _del_flags, items = value
        return None if add_flags & re.IGNORECASE else _best(_sequence(list(items)))
    if op is _ops.ATOMIC_GROUP:
        return _best(_sequence(list(value)))
    if op in (_ops.MAX_REPEAT, _ops.MIN_REPEAT, _ops.POSSESSIVE_REPEAT):
        low, _high, items = value
        return _best(_sequence(list(items))) if low >= 1 else None
    if op is _ops.BRANCH:
        branches = [_best(_sequence(list(branch))) for branch in value[1]]
        if any(branch is None for branch in branches):
            return None
        return tuple(dict.fromkeys(text for branch in branches if branch for text in branch))
    return None


def _best(candidates: list[Literals]) -> Literals | None:
    """The most selective set: long strings, few of them (`"ADD "` before seven type names)."""
    usable = [c for c in candidates if c and all(c)]
    return max(usable, key=lambda c: min(len(text) for text in c) / len(c), default=None)
