"""The YAML writer's text reads back as the same values in YAML 1.2 (ruamel.yaml) and
YAML 1.1 (PyYAML, docs2sdk's reader): strings a 1.1 reader would read as another type are
quoted, floats are written as both read them. The oracle's YAML 1.1 rule comes from
ruamel's own resolver tables."""

from __future__ import annotations

import datetime
import math
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from ruamel.yaml import YAML

from generator.limits import no_surrogates
from generator.openapi import yaml_scalar
from generator.openapi.yaml_io import (
    SpecError,
    dump_yaml,
    load_spec_text,
)
from tests.fuzz import examples
from tests.yaml_documents import (
    assert_same,
    at_depth,
    documents,
    long_text,
    nasty,
    ruamel_dump,
)

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
