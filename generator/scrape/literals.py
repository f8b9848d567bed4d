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
from typing import Any

try:
    _ops: Any = importlib.import_module("re._constants")
    _parser: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - a Python without the private parser
    _parser = None

Literals = tuple[str, ...]
Search = Callable[[str], re.Match[str] | None]


def required_literals(pattern: re.Pattern[str]) -> Literals | None:
    """Strings of which any match of `pattern` contains at least one (None: not known)."""
    return None if pattern.flags & re.IGNORECASE else _literals(pattern)


def keyword_search(patterns: Iterable[re.Pattern[str]]) -> Search | None:
    """A search that finds something in every text where one of `patterns` matches: their
    required literals, case ignored (so it also serves patterns that ignore case). None
    when a pattern has no literal to look for."""
    found: list[str] = []
    for pattern in patterns:
        literals = _literals(pattern)
        if literals is None:
            return None
        found.extend(literals)
    ordered = sorted(dict.fromkeys(found), key=len, reverse=True)
    return re.compile("|".join(re.escape(text) for text in ordered), re.IGNORECASE).search


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
