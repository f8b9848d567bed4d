"""The rendered SSE decoder against the WHATWG event-stream rules, whole and in pieces."""

from __future__ import annotations

import itertools
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz import examples


@pytest.fixture(scope="module")
def streaming(sdk: ModuleType) -> ModuleType:
    import demo_sdk._streaming as module  # noqa: PLC0415 - rendered by the `sdk` fixture

    return module


def decode(streaming: ModuleType, *chunks: bytes) -> list[tuple[Any, ...]]:
    decoder = streaming.SSEDecoder()
    events = [event for chunk in chunks for event in decoder.feed(chunk)]
    return [(e.event, e.data, e.id, e.retry) for e in events]


CASES = [
    # (body, events as (event, data, id, retry))
    (b"data: hello\n\n", [(None, "hello", None, None)]),
    (b"data:hello\n\n", [(None, "hello", None, None)]),  # no space: nothing to strip
    (b"data:  two spaces\n\n", [(None, " two spaces", None, None)]),  # one space only
    (b"data: a\ndata: b\ndata\n\n", [(None, "a\nb\n", None, None)]),  # `data` without colon
    (b"data\n\n", [(None, "", None, None)]),  # an empty data line still dispatches
    (b"event: ping\n\n", []),  # no data: nothing dispatched, the type is reset
    (b"event: ping\n\ndata: x\n\n", [(None, "x", None, None)]),
    (b"event: add\ndata: 1\n\n", [("add", "1", None, None)]),
    (b"event:\ndata: 1\n\n", [(None, "1", None, None)]),  # empty type is "message"
    (b": a comment\ndata: x\n: another\n\n", [(None, "x", None, None)]),
    (b"id: 7\ndata: a\n\ndata: b\n\n", [(None, "a", "7", None), (None, "b", "7", None)]),
    (b"id: 7\ndata: a\n\nid: 8\0x\ndata: b\n\n", [(None, "a", "7", None), (None, "b", "7", None)]),
    (b"id\ndata: a\n\n", [(None, "a", "", None)]),  # `id` without value empties it
    (b"retry: 3000\ndata: a\n\n", [(None, "a", None, 3000)]),
    (b"retry: 3s\ndata: a\n\n", [(None, "a", None, None)]),  # not all digits: ignored
    (b"retry: \xd9\xa3\ndata: a\n\n", [(None, "a", None, None)]),  # Arabic-Indic 3: not ASCII
    (b"unknown: x\ndata: a\n\n", [(None, "a", None, None)]),
    (b"data: a\r\ndata: b\r\n\r\n", [(None, "a\nb", None, None)]),
    (b"data: a\rdata: b\r\r", [(None, "a\nb", None, None)]),
    (b"data: a\r\n\rdata: b\n\r\n", [(None, "a", None, None), (None, "b", None, None)]),
    (b"\xef\xbb\xbfdata: bom\n\n", [(None, "bom", None, None)]),  # one leading BOM dropped
    (b"data: caf\xc3\xa9 \xe2\x82\xac\n\n", [(None, "caf\u00e9 \u20ac", None, None)]),
    (b"data: bad \xff\n\n", [(None, "bad \ufffd", None, None)]),
    (b"data: not closed", []),  # the last event lacks its blank line: dropped
    (b"data: a\n\ndata: not closed\n", [(None, "a", None, None)]),
    (b"data: [DONE]\n\n", [(None, "[DONE]", None, None)]),
]


@pytest.mark.parametrize(("body", "expected"), CASES)
def test_whole_body(streaming: ModuleType, body: bytes, expected: list[tuple[Any, ...]]) -> None:
    assert decode(streaming, body) == expected


@pytest.mark.parametrize(("body", "expected"), CASES)
def test_one_byte_at_a_time(
    streaming: ModuleType, body: bytes, expected: list[tuple[Any, ...]]
) -> None:
    assert decode(streaming, *(body[i : i + 1] for i in range(len(body)))) == expected


def test_cr_then_lf_in_the_next_chunk_is_one_line_end(streaming: ModuleType) -> None:
    assert decode(streaming, b"data: a\r", b"\ndata: b\r", b"\n\r", b"\n") == [
        (None, "a\nb", None, None)
    ]


def test_event_json_and_equality(streaming: ModuleType) -> None:
    event = streaming.ServerSentEvent(data='{"a": [1]}', event="x", id="1")
    assert event.json() == {"a": [1]}
    assert event == streaming.ServerSentEvent(data='{"a": [1]}', event="x", id="1")
    assert event != streaming.ServerSentEvent(data='{"a": [1]}')
    assert "event='x'" in repr(event)


LINES = st.lists(
    st.one_of(
        st.sampled_from(["", ":c", "data", "event: e", "id: 1", "retry: 10", "id: \0"]),
        st.text(st.characters(codec="utf-8"), max_size=12).map(lambda t: "data: " + t),
        st.text(st.characters(codec="utf-8"), max_size=12),
    ),
    max_size=20,
)


@examples(300)
@given(
    lines=LINES,
    ends=st.lists(st.sampled_from(["\n", "\r", "\r\n"]), min_size=20, max_size=20),
    cuts=st.lists(st.integers(min_value=0, max_value=400), max_size=10),
)
def test_any_chunking_decodes_like_the_whole_body(
    streaming: ModuleType, lines: list[str], ends: list[str], cuts: list[int]
) -> None:
    body = "".join(line + end for line, end in zip(lines, ends, strict=False)).encode()
    points = sorted({min(cut, len(body)) for cut in cuts} | {0, len(body)})
    chunks = [body[a:b] for a, b in itertools.pairwise(points)]
    assert decode(streaming, *chunks) == decode(streaming, body)
