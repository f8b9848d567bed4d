"""Spec files load fast and exactly as PyYAML's safe loader reads them."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.openapi.yaml_events import Unsupported, load_plain
from generator.openapi.yaml_io import SpecError, load_spec_text

PLAIN = [
    "a: 1\nb: [1, 2.5, yes, no, ~, null, 2020-01-01, 0x1F, 1_000, .inf, 'x', \"y\"]\n",
    "a: &x {k: 1}\nb: *x\nc: &l [1, 2]\nd: *l\ne: 3\n",
    "",
    "- a\n- b: c\n  d: |\n    text\n  e: >\n    folded\n",
    "x: !!str 12\ny: !!int '7'\nz: ''\nw:\n",
    "'1': one\n2: two\ntrue: t\n",
    "n: -1\nf: 1e3\ng: 0o17\nh: 1:30\n",
]


@pytest.mark.parametrize("text", PLAIN)
def test_plain_yaml_reads_as_the_safe_loader_reads_it(text: str) -> None:
    assert load_plain(text) == yaml.safe_load(text)
    assert load_spec_text(text) == yaml.safe_load(text)


@pytest.mark.parametrize(
    "text", ["a: {<<: {b: 1}, c: 2}\n", "k: !custom x\n", "--- a\n--- b\n", "? [a]\n: b\n"]
)
def test_other_yaml_goes_to_the_full_loader(text: str) -> None:
    with pytest.raises(Unsupported):
        load_plain(text)
    try:
        expected = yaml.safe_load(text)
    except yaml.YAMLError:
        with pytest.raises(SpecError):
            load_spec_text(text)
    else:
        assert load_spec_text(text) == expected


def test_an_anchor_defined_twice_names_its_latest_node() -> None:
    text = "a: &x 1\nb: *x\nc: &x {k: 2}\nd: *x\n"
    assert load_plain(text) == {"a": 1, "b": 1, "c": {"k": 2}, "d": {"k": 2}}
    assert load_spec_text(text) == load_plain(text)


def test_errors_keep_their_line() -> None:
    with pytest.raises(SpecError, match=r"^spec.yaml:3: error: not valid YAML or JSON"):
        load_spec_text("a: 1\nb: [\nc: ]]\n", "spec.yaml")


@pytest.mark.slow
def test_reference_specs_read_the_same_both_ways(shared: Path) -> None:
    for name in ("openai-openapi.latest.yaml", "portkey-openapi.latest.yaml"):
        text = (shared / "reference" / name).read_text(encoding="utf-8")
        assert load_plain(text) == yaml.load(text, Loader=yaml.CSafeLoader)
