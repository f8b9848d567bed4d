"""`split_words` reads command lines exactly as `shlex.split` does, without its slow path.

Deterministic: hypothesis runs with `derandomize=True` and no example database.
"""

from __future__ import annotations

import shlex
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.model import Line
from generator.scrape.samples import curl_end, find_curls, first_curl, parse_curl
from generator.scrape.shell_words import fast_split, split_words
from tests.fuzz import examples

_SETTINGS = examples(1500)
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


def _lines(text: str) -> list[Line]:
    return [Line(i, t) for i, t in enumerate(text.splitlines(), start=1)]


_SAMPLES = _lines(
    "Create a thread\n"
    "curl is a tool\n"
    "curl https://api.x.com/v1/threads \\\n"
    "  -H 'Authorization: Bearer $KEY' \\\n"
    "  -d '{\"a\": 1}' -d 'plain'\n"
    '{"id": "t"}\n'
    "curl -X DELETE https://api.x.com/v1/threads/t\n"
)


def test_the_last_json_data_argument_is_the_data() -> None:
    curl = parse_curl("curl https://x -d '{\"a\": 1}' -d plain -d '[2]' -d other")
    assert curl is not None
    assert (curl.raw_data, curl.data, curl.method) == ("other", [2], "POST")
    assert parse_curl("curl https://x -d '{broken'").data is None  # type: ignore[union-attr]


def test_first_curl_and_curl_end_agree_with_find_curls() -> None:
    found = find_curls(_SAMPLES)
    assert [curl.line for curl in found] == [3, 7]
    assert first_curl(_SAMPLES) == found[0]
    assert first_curl(_SAMPLES, 4) == found[1]
    assert first_curl(_SAMPLES, 3, 6) is None
    light = first_curl(_SAMPLES, data=False)
    assert light is not None and light.data is None
    assert light == replace(found[0], data=None)
    assert [curl_end(_SAMPLES, i) for i in range(len(_SAMPLES))] == [
        None, None, 5, None, None, None, 7,
    ]  # fmt: skip
