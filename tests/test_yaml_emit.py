"""The fast YAML writer (`yaml_emit`, `yaml_scalar`) writes ruamel.yaml's bytes.

The oracle is ruamel.yaml itself, configured here as `yaml_io` configures it. Documents: the
reference specs (slow), the committed `generated/*/openapi.yaml`, and hypothesis trees
(derandomized, no example database, as in tests/hostile/test_properties.py) of nasty
strings, long strings around the 4096 folding width at various columns, keys with special
characters, numbers, dates, shared sub-trees (anchors), plus the documents the fast path
declines (`dump_yaml` then falls back on ruamel.yaml). `DOCS2SDK_FUZZ=N` explores.
"""

from __future__ import annotations

import datetime
import io
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
from generator.openapi.yaml_io import dump_yaml, load_spec_file, load_spec_text

ROOT = Path(__file__).resolve().parents[1]


def ruamel_dump(document: Any) -> str:
    """The oracle: ruamel.yaml with docs2sdk's settings (`yaml_io.dump_yaml`'s reference)."""
    writer = YAML(typ="rt")
    writer.width = 4096
    writer.indent(mapping=2, sequence=4, offset=2)
    writer.default_flow_style = False
    writer.representer.add_representer(
        type(None), lambda r, _: r.represent_scalar("tag:yaml.org,2002:null", "null")
    )
    stream = io.StringIO()
    writer.dump(document, stream)
    return stream.getvalue()


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
    *("2024-1-2 3:04:05", "2024-01-02T03:04:05.5Z", "0777"),
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
LONG_PIECES = ["a", "bc", "word", " ", "  ", "'", '"', "\\", "é", "\x01", "\n", "\u2028", "\ufeff"]


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
    assert text.startswith("'':\n  - ''\n  - ' '\n  - yes\n  - '1e-05'\n  - '0777'\n  - '='\n")
    assert "  - 1e-05\n  - 1.0\n  - -0.0\n  - .inf\n  - -.inf\n  - .nan\n" in text


def test_resolvers_are_ruamels() -> None:
    def spaceless(pattern: str) -> str:  # as re.VERBOSE reads it: spaces count in [...]
        return re.sub(r"(\[[^\]]*\])|\s", lambda match: match.group(1) or "", pattern)

    theirs = {
        (tag.rsplit(":", 1)[1], tuple(first), spaceless(regexp.pattern))
        for versions, tag, regexp, first in implicit_resolvers
        if (1, 2) in versions
    }
    ours = {(tag, tuple(first), pattern) for tag, pattern, first in yaml_scalar.RESOLVERS_1_2}
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


# --- the text reads back ------------------------------------------------------------------

_YAML_1_1 = yaml.resolver.Resolver()


def reads_back(value: Any) -> bool:
    """Not one of the values ruamel (YAML 1.2) writes so that docs2sdk's reader (PyYAML,
    YAML 1.1) reads something else or nothing: plain `yes`/`on`/`1:30`..., floats without a
    dot (`1e-05`), NaN, U+0085 (a YAML 1.1 line break, folded to a space), lone surrogates
    (which `load_spec_text` replaces anyway)."""
    if isinstance(value, float):
        return not math.isnan(value) and "." in yaml_scalar.render_other(value)
    if not isinstance(value, str):
        return True
    if re.search("[\ud800-\udfff]", value):
        return False  # written as `\uD800`, which PyYAML refuses
    tag = _YAML_1_1.resolve(yaml.ScalarNode, value, (True, False))
    plain = yaml_scalar.render(value) == value
    return "\x85" not in value and not (plain and tag != "tag:yaml.org,2002:str")


@examples(200)
@given(
    st.dictionaries(
        keys.filter(reads_back),
        trees(scalars.filter(reads_back), names=keys.filter(reads_back)).filter(reads_back),
        max_size=6,
    )
)
def test_output_reads_back_as_the_document(document: dict[Any, Any]) -> None:
    assert load_spec_text(dump_fast(document)) == no_surrogates(document)
