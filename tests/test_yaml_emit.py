"""The fast YAML writer (`yaml_emit`, `yaml_scalar`) writes ruamel.yaml's bytes, and the text
reads back as the same values in YAML 1.2 (ruamel.yaml) and YAML 1.1 (PyYAML, docs2sdk's
reader).

The oracle is ruamel.yaml itself, configured by `yaml_io.dump_ruamel` (`dump_yaml`'s
fallback): its YAML 1.1 rule comes from ruamel's own resolver tables. Documents: the
reference specs (slow), the committed `generated/*/openapi.yaml`, and hypothesis trees
(derandomized, no example database, as in tests/hostile/test_properties.py) of nasty
strings, long strings around the 4096 folding width at various columns, keys with special
characters, numbers, dates, shared sub-trees (anchors), plus the documents the fast path
declines (`dump_yaml` then falls back on ruamel.yaml). `DOCS2SDK_FUZZ=N` explores.
"""

from __future__ import annotations

import datetime
import math
import os
import re
from collections import OrderedDict
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML
from ruamel.yaml.representer import RepresenterError
from ruamel.yaml.resolver import implicit_resolvers

from generator.limits import no_surrogates
from generator.openapi import yaml_scalar
from generator.openapi.yaml_emit import Unsupported, dump_fast
from generator.openapi.yaml_io import (
    SpecError,
    dump_ruamel,
    dump_yaml,
    load_spec_file,
    load_spec_text,
)

ROOT = Path(__file__).resolve().parents[1]


def ruamel_dump(document: Any) -> str:
    """The oracle: ruamel.yaml with docs2sdk's settings (`yaml_io.dump_yaml`'s reference)."""
    return dump_ruamel(document)


EXPLORE = int(os.environ.get("DOCS2SDK_FUZZ", "0") or 0)
"""`DOCS2SDK_FUZZ=N` runs N times the examples, random instead of derandomized."""


def examples(count: int) -> Any:
    return settings(
        max_examples=count * max(EXPLORE, 1),
        deadline=None,
        derandomize=not EXPLORE,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


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


# --- the fast path writes ruamel's bytes ---------------------------------------------------


@pytest.mark.slow
def test_reference_specs_written_as_ruamel_writes_them(shared: Path) -> None:
    for path in sorted((shared / "reference").glob("*.yaml")):
        document = load_spec_file(path)
        assert dump_fast(document) == ruamel_dump(document), path.name


def test_committed_documents_written_as_ruamel_writes_them() -> None:
    paths = sorted(ROOT.glob("generated/*/openapi.yaml"))
    assert paths
    for path in paths:
        document = load_spec_file(path)
        text = assert_same(document)
        assert dump_yaml(document) == text == path.read_text(encoding="utf-8")


@examples(800)
@given(documents)
def test_random_documents(document: dict[Any, Any]) -> None:
    assert_same(document)


@examples(200)
@given(at_depth(st.one_of(long_text(), st.lists(long_text(), min_size=1, max_size=2))))
def test_long_strings_fold_where_ruamel_folds(document: dict[Any, Any]) -> None:
    assert_same(document)


@examples(100)
@given(at_depth(st.integers(3950, 4100).map(lambda size: (10**size, "x" * size)[size % 2])))
def test_long_words_move_to_their_own_line(document: dict[Any, Any]) -> None:
    assert_same(document)


@examples(150)
@given(shared_nodes())
def test_shared_nodes_anchored_as_ruamel_anchors_them(document: dict[Any, Any]) -> None:
    assert_same(document)


def test_anchors_examples() -> None:
    node: dict[str, Any] = {"x": [1]}
    empty: list[Any] = []
    when = datetime.date(2024, 1, 2)
    text = assert_same({"a": node, "b": [node, empty, [empty]], "c": when, "d": [when], "e": {}})
    assert "a: &id001\n  x:\n" in text
    assert "  - *id001\n  - &id002 []\n  -   - *id002\n" in text
    assert "c: &id003 2024-01-02\nd:\n  - *id003\n" in text


def test_scalar_examples() -> None:
    document = {
        "": ["", " ", "yes", "1e-05", "0777", "=", "<<", "a'b", "a\nb", "\ufeff", "\ud800"],
        "n": [1e-05, 1.0, -0.0, math.inf, -math.inf, math.nan, 10**30, True, None],
        "k: v": {"#": 1, "- x": 2, "'": 3, 4: 5, None: 6, False: 7, 2.5: 8},
    }
    text = assert_same(document)
    assert text.startswith("'':\n  - ''\n  - ' '\n  - 'yes'\n  - '1e-05'\n  - '0777'\n  - '='\n")
    assert "  - 1.0e-05\n  - 1.0\n  - -0.0\n  - .inf\n  - -.inf\n  - .nan\n" in text


def test_indicators_and_edge_spaces_quoted_as_ruamel_quotes_them() -> None:
    """`render` checks indicators with string methods, and characters with a regex only for
    text that is not printable ASCII: each edge case, in ASCII text and in other text."""
    edges = ["-", "- x", "-x", "?", "? x", "?x", ":", ": x", ":x", "x:", "x: y", "x:y"]
    edges += ["x #", "x #y", "x#y", "#x", "---", "---x", "--x", "...", "...x", "..x"]
    edges += ["x ", " x", "x\t", "x\ty", "[x", "x[", "%x", "@x", "`x", "|x", "x|", "&x", "!x"]
    texts = [*edges, *(edge + "é" for edge in edges), *("é" + edge for edge in edges)]
    assert_same({"": texts, **{text: 1 for text in texts if "\t" not in text}})


@pytest.mark.parametrize("version", [(1, 2), (1, 1)])
def test_resolvers_are_ruamels(version: tuple[int, int]) -> None:
    def spaceless(pattern: str) -> str:  # as re.VERBOSE reads it: spaces count in [...]
        pattern = re.sub(r"#[^\n]*", "", pattern)  # comments
        return re.sub(r"(\[[^\]]*\])|\s", lambda match: match.group(1) or "", pattern)

    theirs = {
        (tag.rsplit(":", 1)[1], tuple(first), spaceless(regexp.pattern))
        for versions, tag, regexp, first in implicit_resolvers
        if version in versions
    }
    table = yaml_scalar.RESOLVERS_1_2 if version == (1, 2) else yaml_scalar.RESOLVERS_1_1
    ours = {(tag, tuple(first), pattern) for tag, pattern, first in table}
    assert ours == theirs


# --- declined documents fall back on ruamel -----------------------------------------------

DECLINED = [
    pytest.param({"k" * 123: 1}, id="long key"),
    pytest.param({10**122: 1}, id="long int key"),
    pytest.param({"a\nb": 1}, id="multi-line key"),
    pytest.param({"a": (1, 2)}, id="tuple"),
    pytest.param({"a": {1, 2}}, id="set"),
    pytest.param({"a": b"bytes"}, id="bytes"),
    pytest.param({(1, 2): 1}, id="tuple key"),
    pytest.param({datetime.date(2024, 1, 2): 1}, id="date key"),
    pytest.param({"a": OrderedDict(a=1)}, id="ordered dict"),
    pytest.param(
        {"a": datetime.datetime(2024, 1, 2, tzinfo=datetime.timezone(datetime.timedelta(0, 5)))},
        id="offset in seconds",
    ),
]


@pytest.mark.parametrize("document", DECLINED)
def test_declined_documents_fall_back_on_ruamel(document: dict[Any, Any]) -> None:
    with pytest.raises(Unsupported):
        dump_fast(document)
    assert dump_yaml(document) == ruamel_dump(document)


@pytest.mark.parametrize("value", [datetime.time(1, 2), type("Text", (str,), {})("x")])
def test_what_ruamel_cannot_write_fails_as_before(value: Any) -> None:
    with pytest.raises(RepresenterError):
        dump_yaml({"a": value})


def test_document_inside_itself_falls_back() -> None:
    document: dict[str, Any] = {"a": 1}
    document["self"] = document
    with pytest.raises(Unsupported):
        dump_fast(document)
    assert dump_yaml(document) == ruamel_dump(document)


@examples(150)
@given(
    st.dictionaries(
        st.text(ANY_CHAR, min_size=118, max_size=130) | st.integers(10**117, 10**124),
        scalars,
        max_size=3,
    )
)
def test_keys_near_the_explicit_key_length(document: dict[Any, Any]) -> None:
    assert dump_yaml(document) == ruamel_dump(document)


# --- the text reads back as the same values in YAML 1.1 and YAML 1.2 ------------------------

_PYYAML = yaml.resolver.Resolver()
_STR = "tag:yaml.org,2002:str"


def read_1_2(text: str) -> Any:
    """What a YAML 1.2 reader (ruamel.yaml's safe loader) reads in `text`."""
    return YAML(typ="safe").load(text)


def values(node: Any) -> Any:
    """`node` compared strictly: types (`True` is not `1`), key order, the sign of `-0.0`,
    a NaN equal to a NaN, a time's offset."""
    if isinstance(node, dict):
        return ("dict", [(values(key), values(value)) for key, value in node.items()])
    if isinstance(node, list):
        return ("list", [values(item) for item in node])
    if isinstance(node, float):
        return ("float", repr(node))
    if isinstance(node, datetime.datetime):
        return ("datetime", node, node.utcoffset())
    return (type(node).__name__, node)


def assert_reads_back(document: Any) -> str:
    """`dump_yaml` writes ruamel's text, which PyYAML (docs2sdk's reader, YAML 1.1) and
    ruamel.yaml (YAML 1.2) both read back as `document`."""
    text = dump_yaml(document)
    assert text == ruamel_dump(document)
    assert values(load_spec_text(text)) == values(document)
    assert values(read_1_2(text)) == values(document)
    return text


@examples(300)
@given(documents)
def test_output_reads_back_as_the_document(document: dict[Any, Any]) -> None:
    """Without lone surrogates, which docs2sdk's documents cannot hold (see below)."""
    assert_reads_back(no_surrogates(document))


@examples(40)
@given(at_depth(st.one_of(long_text(), st.lists(long_text(), min_size=1, max_size=2))))
def test_folded_strings_read_back(document: dict[Any, Any]) -> None:
    assert_reads_back(no_surrogates(document))


YAML_1_1_NOT_STRINGS = [
    *("off", "Off", "OFF", "on", "On", "y", "Y", "n", "N", "yes", "NO", "no"),
    *("1:30", "-1:30", "190:20:30.15", "017", "-017", "0o17", "0x1F", "0b101", "1_000"),
    *("1e5", "1e+16", "._5", ".5", "-_", ".inf", "-.Inf", ".NaN", "~", "null", "", "<<", "="),
    *("2001-12-14", "2001-12-14 21:59:43.10 -5", "true", "False"),
]
"""Strings a YAML 1.1 reader (or YAML 1.2) would read as another type if written plain."""


@pytest.mark.parametrize("text", YAML_1_1_NOT_STRINGS)
def test_strings_yaml_1_1_reads_otherwise_are_quoted(text: str) -> None:
    written = assert_reads_back({"v": text, text: [text]})
    assert written == f"v: '{text}'\n'{text}':\n  - '{text}'\n"
    assert_same({"v": text, text: [text]})


@pytest.mark.parametrize("text", ["word", "o", "offer", "yess", "1:60", "0x1G", "1.2.3", "~x"])
def test_strings_both_read_as_strings_stay_plain(text: str) -> None:
    assert assert_reads_back({"v": text}) == f"v: {text}\n"


@examples(500)
@given(nasty | st.text(st.sampled_from("0123456789_:.+-eExXoObB~<=yYnNfFaA "), max_size=8))
def test_plain_strings_are_strings_to_pyyaml(text: str) -> None:
    """ruamel's YAML 1.1 table (`yaml_scalar.RESOLVERS_1_1`) covers PyYAML's resolvers."""
    if yaml_scalar.render(text) == text:
        assert _PYYAML.resolve(yaml.ScalarNode, text, (True, False)) == _STR


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1e-05, "1.0e-05"),
        (1e16, "1.0e+16"),
        (1.5e16, "1.5e+16"),
        (1e300, "1.0e+300"),
        (5e-324, "5.0e-324"),
        (0.1, "0.1"),
        (-0.0, "-0.0"),
        (1.0, "1.0"),
        (math.inf, ".inf"),
        (-math.inf, "-.inf"),
        (math.nan, ".nan"),
    ],
)
def test_floats_written_as_both_versions_read_them(value: float, text: str) -> None:
    assert assert_reads_back({"v": value, value: 1}) == f"v: {text}\n{text}: 1\n"
    assert_same({"v": value, value: 1})


def test_next_line_is_written_escaped() -> None:
    """U+0085 is a line break to YAML 1.1: written raw, it would read back as a space."""
    written = assert_reads_back({"v": "a\x85b", "w": ["\x85"]})
    assert written == 'v: "a\\Nb"\nw:\n  - "\\N"\n'
    assert_same({"v": "a\x85b", "w": ["\x85"]})


def test_lone_surrogates_read_back_in_yaml_1_2_only() -> None:
    """Written as ruamel writes them; libyaml (docs2sdk's reader) refuses `\\uD800`. No YAML
    text holds them for both; docs2sdk's documents have none (`limits.no_surrogates`)."""
    document = {"v": "a\ud800"}
    written = assert_same(document)
    assert written == 'v: "a\\uD800"\n'
    assert read_1_2(written) == document
    with pytest.raises(SpecError, match="invalid Unicode"):
        load_spec_text(written)
