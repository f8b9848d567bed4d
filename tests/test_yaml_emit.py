"""The fast YAML writer (`yaml_emit`, `yaml_scalar`) writes ruamel.yaml's bytes, and
declines (for `dump_yaml` to fall back on ruamel.yaml) what it cannot write so.

The oracle is ruamel.yaml itself (see tests/yaml_documents.py). Documents: the reference
specs (slow), the committed `generated/*/openapi.yaml`, hypothesis trees, and the documents
the fast path declines. That the text reads back as the same values is
tests/test_yaml_readback.py.
"""

from __future__ import annotations

import datetime
import math
import re
from collections import OrderedDict
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from ruamel.yaml.representer import RepresenterError
from ruamel.yaml.resolver import implicit_resolvers

from generator.openapi import yaml_scalar
from generator.openapi.yaml_emit import Unsupported, dump_fast
from generator.openapi.yaml_io import (
    dump_yaml,
    load_spec_file,
)
from tests.fuzz import examples
from tests.yaml_documents import (
    ANY_CHAR,
    ROOT,
    assert_same,
    at_depth,
    documents,
    long_text,
    ruamel_dump,
    scalars,
    shared_nodes,
)

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
