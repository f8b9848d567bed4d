"""Shared by the YAML writer tests (`test_yaml_emit`, `test_yaml_readback`): the oracle
(ruamel.yaml configured by `yaml_io.dump_ruamel`, `dump_yaml`'s fallback) and hypothesis
strategies for documents: nasty strings, long strings around the 4096 folding width at
various columns, keys with special characters, numbers, dates and shared sub-trees
(anchors).
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from generator.openapi.yaml_emit import dump_fast
from generator.openapi.yaml_io import (
    dump_ruamel,
)

ROOT = Path(__file__).resolve().parents[1]


def ruamel_dump(document: Any) -> str:
    """The oracle: ruamel.yaml with docs2sdk's settings (`yaml_io.dump_yaml`'s reference)."""
    return dump_ruamel(document)


def assert_same(document: Any) -> str:
    """The fast path takes `document` and writes exactly ruamel's text."""
    expected = ruamel_dump(document)
    assert dump_fast(document) == expected
    return expected


# --- strategies --------------------------------------------------------------------------

FRAGMENTS = [
    *("", " ", "  ", "a", "word", "'", '"', "\\", "\n", "\n\n", "\r", "\t", "\r\n", "\x85"),
    *("\u2028", "\u2029", "\ufeff", "\ud800", "\udfff", "\x00", "\x07", "\x1b", "\x7f"),
    *("\x9f", "\xa0", "é", "中", "\U0001f600", "\ufffe", "\uffff", "\ue000", "\U0010ffff"),
    *("#", " #", "# ", ":", ": ", ":x", "-", "- ", "--", "---", "...", "?", "? ", ",", "["),
    *("]", "{", "}", "&", "*", "!", "|", ">", "%", "@", "`", "<<", "=", "~", "true", "False"),
    *("null", "NULL", "yes", "no", "on", "0", "1", "-1", "+1", "0x1F", "0o17", "0b101"),
    *("1_000", "1.5", ".5", "1e5", "1e-05", ".inf", "-.Inf", ".NaN", "2024-01-02", "1:30"),
    *("2024-1-2 3:04:05", "2024-01-02T03:04:05.5Z", "0777", "off", "On", "Y", "n", "017"),
    *("-1:30", "1:30.5", "1e+5", "._5", "-_", "<", "0b", "0x"),
]
PAIRS = [first + second for first in FRAGMENTS for second in FRAGMENTS]
"""Every two fragments in a row (drawn with one choice: cheaper than a list of fragments)."""
ANY_CHAR = st.characters(exclude_categories=())
"""Any code point, lone surrogates and control characters included."""
nasty = st.one_of(
    st.sampled_from(PAIRS),
    st.sampled_from(PAIRS).map(lambda pair: f"word {pair} word"),
    st.text(ANY_CHAR, max_size=8),
    st.text(st.sampled_from("ab :#-'\"\n\t\x85\u2028"), max_size=8),
)
LONG_PIECES = [
    "a",
    "bc",
    "word",
    " ",
    "  ",
    "'",
    '"',
    "\\",
    "é",
    "\x01",
    "\n",
    "\u2028",
    "\ufeff",
    "\x85",
]


@st.composite
def long_text(draw: st.DrawFn) -> str:
    """Long text around the width: a random motif (words, spaces, escapes) repeated."""
    motif = "".join(draw(st.lists(st.sampled_from(LONG_PIECES), min_size=1, max_size=8)))
    word = "x" * draw(st.integers(1, 200))
    motif = draw(st.sampled_from([motif, motif + word, word + " ", word]))
    size = draw(st.one_of(st.integers(3960, 4110), st.integers(1, 9000)))
    return (motif * (size // len(motif) + 1))[:size]


floats = st.floats(allow_nan=True, allow_infinity=True)
zones = st.sampled_from(
    [None, datetime.UTC, datetime.timezone(datetime.timedelta(hours=-5, minutes=-30))]
)
times = st.builds(datetime.datetime.combine, st.dates(), st.times(), zones)
scalars = st.one_of(
    nasty,
    st.integers(),
    st.integers(-(10**40), 10**40),
    floats,
    st.booleans(),
    st.none(),
    st.dates(),
    times,
)
keys = st.one_of(
    nasty.filter(lambda key: len(key) < 123 and not re.search("[\n\x85\u2028\u2029]", key)),
    st.integers(-(10**40), 10**40),
    floats,
    st.booleans(),
    st.none(),
)


def trees(
    leaves: st.SearchStrategy[Any], size: int = 15, names: st.SearchStrategy[Any] = keys
) -> st.SearchStrategy[Any]:
    return st.recursive(
        leaves,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(names, inner, max_size=4),
        max_leaves=size,
    )


documents = st.dictionaries(keys, trees(scalars, 10), max_size=5)


@st.composite
def at_depth(draw: st.DrawFn, value: st.SearchStrategy[Any]) -> dict[Any, Any]:
    """`value` nested under random keys and sequences, so that it starts at any column."""
    node = draw(value)
    for _ in range(draw(st.integers(0, 6))):
        if draw(st.booleans()):
            node = [*draw(st.lists(scalars, max_size=1)), node]
        else:
            node = {draw(st.text("kK-é '\"", min_size=0, max_size=30)): node}
    return {draw(keys): node}


@st.composite
def shared_nodes(draw: st.DrawFn) -> dict[Any, Any]:
    """A document where some collections and dates come several times (ruamel anchors
    them); a list sometimes holds itself."""
    collections = trees(scalars, 6).filter(lambda node: isinstance(node, dict | list))
    pool = draw(st.lists(collections, max_size=3)) + draw(st.lists(st.dates() | times, max_size=2))
    leaves = scalars | st.sampled_from(pool or [1])
    document = draw(st.dictionaries(keys, trees(leaves, 15), max_size=6))
    for node in pool:
        if isinstance(node, list) and draw(st.booleans()):
            node.append(node)
    return document
