"""`parse_jsonish` skips its depth and surrogate walks only where the text rules them out:
the same values and the same refusals as walking every value (hypothesis, deterministic)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.limits import MAX_EXAMPLE_DEPTH, no_surrogates, too_deep
from generator.scrape.jsonish import parse_jsonish
from tests.fuzz import examples


def _walked(text: str) -> Any:
    """The former reading: both walks on every value."""
    value = json.loads(text)
    if too_deep(value, MAX_EXAMPLE_DEPTH):
        raise ValueError("too deep")
    return no_surrogates(value)


def _nested(depth: int) -> str:
    return "[" * depth + "1" + "]" * depth


@pytest.mark.parametrize("depth", [MAX_EXAMPLE_DEPTH - 1, MAX_EXAMPLE_DEPTH, 65, 66, 200])
def test_depth_limit(depth: int) -> None:
    if depth > MAX_EXAMPLE_DEPTH:
        with pytest.raises(ValueError):
            parse_jsonish(_nested(depth))
    else:
        assert parse_jsonish(_nested(depth)) == _walked(_nested(depth))


def test_depth_limit_counts_objects_and_arrays() -> None:
    text = '{"a": ' * 40 + "[" * 30 + "1" + "]" * 30 + "}" * 40
    with pytest.raises(ValueError):
        parse_jsonish(text)


@pytest.mark.parametrize("text", ['{"a": "\\ud800"}', '["x\ud800y"]', '{"\\udc00": 1}'])
def test_lone_surrogates_are_replaced(text: str) -> None:
    value = parse_jsonish(text)
    assert "\ufffd" in json.dumps(value, ensure_ascii=False)
    assert value == _walked(text)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner),
    max_leaves=30,
)


@examples(400)
@given(_JSON, st.integers(min_value=0, max_value=70), st.booleans())
def test_same_as_walking(value: Any, wrap: int, ascii_only: bool) -> None:
    text = "[" * wrap + json.dumps(value, ensure_ascii=ascii_only) + "]" * wrap
    try:
        expected = _walked(text)
    except ValueError:
        with pytest.raises(ValueError):
            parse_jsonish(text)
        return
    assert parse_jsonish(text) == expected
