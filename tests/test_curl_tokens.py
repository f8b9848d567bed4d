"""`split_words` reads command lines exactly as `shlex.split` does, without its slow path.

Deterministic: hypothesis runs with `derandomize=True` and no example database.
"""

from __future__ import annotations

import shlex

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.scrape.shell_words import fast_split, split_words

_SETTINGS = settings(derandomize=True, database=None, max_examples=1500, deadline=None)
_SHELL_ALPHABET = [" ", "\t", "\n", "\r", "'", '"', "\\", "$", "a", "b", "{", "}", "#", "é"]
_SHELL_ALPHABET += ["\x0b", "\x0c", "\u00a0", "\u2028", "-", "=", ":", ";", "\x00"]


def _shlex(text: str) -> list[str] | None:
    try:
        return shlex.split(text)
    except ValueError:
        return None


@pytest.mark.parametrize(
    "text",
    [
        "curl https://api.x.com/v1/a",
        "curl -H 'Authorization: Bearer $KEY' -d '{\"a\": [1, 2]}' https://x",
        'curl -d "{\\"a\\": \\"b\\\\c\\"}" -H "X: \\$y \\z" https://x',
        "curl --data $'{\"a\": 1}' https://x",
        "curl a\\ b 'c'\"d\"e '' \"\" f",
        "curl \\\n  -X POST \\\n  https://x",
        "curl 'multi\nline' \"two\nlines\"\r\n-d x",
        "  leading and trailing  ",
        "",
        "a\\'b c\\\"d",
    ],
)
def test_known_command_lines(text: str) -> None:
    assert fast_split(text) == shlex.split(text)
    assert split_words(text) == shlex.split(text)


@pytest.mark.parametrize("text", ["curl 'open", 'curl "open', "curl end\\", 'curl "a\\"'])
def test_unreadable_lines_raise_as_shlex_does(text: str) -> None:
    assert fast_split(text) is None
    with pytest.raises(ValueError):
        split_words(text)


@_SETTINGS
@given(st.text(alphabet=st.sampled_from(_SHELL_ALPHABET), max_size=40))
def test_same_words_as_shlex(text: str) -> None:
    expected = _shlex(text)
    assert fast_split(text) == expected
    if expected is not None:
        assert split_words(text) == expected


@_SETTINGS
@given(st.text(max_size=60))
def test_same_words_as_shlex_on_any_text(text: str) -> None:
    assert fast_split(text) == _shlex(text)
