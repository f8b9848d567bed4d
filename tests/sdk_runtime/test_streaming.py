"""Streams, binary bodies and raw responses of the rendered runtime, on a real local server."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from tests.sdk_runtime.server import FakeServer, Reply

ERROR = {"error": {"message": "nope", "type": "invalid_request_error"}}
SSE = "text/event-stream"


def sse(*events: object, done: bool = True) -> bytes:
    """Chunk events as a server sends them, `data: [DONE]` last."""
    text = "".join(f"data: {json.dumps(event)}\n\n" for event in events)
    return (text + ("data: [DONE]\n\n" if done else "")).encode()


CHUNKS = [{"id": "c1", "name": "Hel"}, {"id": "c1", "name": "lo"}]


@pytest.fixture
def client(sdk: ModuleType, server: FakeServer, sleeps: list[float]) -> Iterator[Any]:
    with sdk.SyncAPIClient(base_url=server.url, timeout=2.0, max_retries=2) as api:
        api.sleep = sleeps.append
        yield api


@pytest.fixture(scope="module")
def rt(sdk: ModuleType) -> Any:
    """The runtime modules this file uses, by short names."""
    import demo_sdk._response as response  # noqa: PLC0415 - rendered by the `sdk` fixture
    import demo_sdk._streaming as streaming  # noqa: PLC0415

    class Modules:
        Stream = streaming.Stream
        AsyncStream = streaming.AsyncStream
        ServerSentEvent = streaming.ServerSentEvent
        BinaryResponse = response.BinaryResponse
        AsyncBinaryResponse = response.AsyncBinaryResponse
        APIResponse = response.APIResponse
        raw = staticmethod(response.to_raw_response_wrapper)
        async_raw = staticmethod(response.async_to_raw_response_wrapper)

    return Modules


def test_stream_yields_models_until_done_and_closes(
    client: Any, server: FakeServer, rt: Any, item_type: type[Any]
) -> None:
    body = sse(*CHUNKS) + b'data: {"id": "after-done"}\n\n'
    server.on("/v1/chat", Reply(raw=body, content_type=SSE))

    stream = client.request("post", "/chat", json={"stream": True}, cast_to=rt.Stream[item_type])

    assert isinstance(stream, rt.Stream)
    assert not stream.response.is_closed  # returned before the body was read
    chunks = list(stream)
    assert [(c.id, c.name) for c in chunks] == [("c1", "Hel"), ("c1", "lo")]
    assert all(isinstance(c, item_type) for c in chunks)
    assert stream.response.is_closed
    assert server.requests[0].body == {"stream": True}


def test_bare_stream_yields_raw_events(client: Any, server: FakeServer, rt: Any) -> None:
    body = b'event: thread.run.created\nid: 1\ndata: {"id": "run_1"}\n\ndata: [DONE]\n\n'
    server.on("/v1/runs", Reply(raw=body, content_type=SSE))

    events = list(client.request("post", "/runs", cast_to=rt.Stream))

    assert events == [
        rt.ServerSentEvent(event="thread.run.created", id="1", data='{"id": "run_1"}')
    ]


def test_stream_without_done_ends_with_the_body(
    client: Any, server: FakeServer, rt: Any, item_type: type[Any]
) -> None:
    server.on("/v1/chat", Reply(raw=sse(*CHUNKS, done=False), content_type=SSE))
    assert len(list(client.request("post", "/chat", cast_to=rt.Stream[item_type]))) == 2


def test_connection_dropped_mid_stream_raises_connection_error(
    sdk: ModuleType, client: Any, server: FakeServer, rt: Any, item_type: type[Any]
) -> None:
    server.on("/v1/chat", Reply(raw=sse(*CHUNKS * 20), content_type=SSE, drop=True))
    stream = client.request("post", "/chat", cast_to=rt.Stream[item_type])

    received = []
    with pytest.raises(sdk.APIConnectionError):
        for chunk in stream:
            received.append(chunk)

    assert 0 < len(received) < 40
    assert stream.response.is_closed
    assert len(server.requests) == 1  # bytes arrived: no retry of a stream


@pytest.mark.parametrize(
    "event",
    [
        b'data: {"error": {"message": "overloaded"}}\n\n',
        b'event: error\ndata: {"message": "overloaded"}\n\n',
    ],
)
def test_error_event_raises_api_error(
    sdk: ModuleType, client: Any, server: FakeServer, rt: Any, item_type: type[Any], event: bytes
) -> None:
    server.on("/v1/chat", Reply(raw=sse(CHUNKS[0], done=False) + event, content_type=SSE))
    stream = client.request("post", "/chat", cast_to=rt.Stream[item_type])

    assert next(iter(stream)).name == "Hel"
    with pytest.raises(sdk.APIError) as caught:
        next(iter(stream))

    assert caught.value.message == "overloaded"
    assert not isinstance(caught.value, sdk.APIStatusError)


def test_error_event_raises_for_raw_events_too(
    sdk: ModuleType, client: Any, server: FakeServer, rt: Any
) -> None:
    server.on("/v1/runs", Reply(raw=b"event: error\ndata: {}\n\n", content_type=SSE))
    with pytest.raises(sdk.APIError, match="during streaming"):
        list(client.request("post", "/runs", cast_to=rt.Stream))


def test_context_manager_closes_an_unfinished_stream(
    client: Any, server: FakeServer, rt: Any, item_type: type[Any]
) -> None:
    server.on("/v1/chat", Reply(raw=sse(*CHUNKS * 50), content_type=SSE))

    with client.request("post", "/chat", cast_to=rt.Stream[item_type]) as stream:
        first = next(stream)

    assert first.name == "Hel"
    assert stream.response.is_closed


def test_error_status_is_retried_then_raised_with_its_body(
    sdk: ModuleType, client: Any, server: FakeServer, rt: Any, item_type: type[Any]
) -> None:
    server.on("/v1/chat", Reply(500, ERROR), Reply(400, ERROR))

    with pytest.raises(sdk.BadRequestError) as caught:
        client.request("post", "/chat", cast_to=rt.Stream[item_type])

    assert caught.value.body == ERROR
    assert len(server.requests) == 2


def test_async_stream(sdk: ModuleType, server: FakeServer, rt: Any, item_type: type[Any]) -> None:
    server.on("/v1/chat", Reply(raw=sse(*CHUNKS), content_type=SSE))

    async def scenario() -> tuple[list[Any], bool]:
        async with sdk.AsyncAPIClient(base_url=server.url, max_retries=0) as api:
            stream = await api.request("post", "/chat", cast_to=rt.AsyncStream[item_type])
            async with stream:
                names = [chunk.name async for chunk in stream]
            return names, stream.response.is_closed

    assert asyncio.run(scenario()) == (["Hel", "lo"], True)


def test_async_stream_dropped_raises(
    sdk: ModuleType, server: FakeServer, rt: Any, item_type: type[Any]
) -> None:
    server.on("/v1/chat", Reply(raw=sse(*CHUNKS * 20), content_type=SSE, drop=True))

    async def scenario() -> None:
        async with sdk.AsyncAPIClient(base_url=server.url, max_retries=0) as api:
            stream = await api.request("post", "/chat", cast_to=rt.AsyncStream[item_type])
            async for _chunk in stream:
                pass

    with pytest.raises(sdk.APIConnectionError):
        asyncio.run(scenario())


BIG = bytes(range(256)) * (6 * 4096)  # 6 MiB


def test_binary_write_to_file_streams_a_large_body(
    client: Any, server: FakeServer, rt: Any, tmp_path: Path
) -> None:
    server.on("/v1/files/f/content", Reply(raw=BIG, content_type="application/octet-stream"))

    binary = client.request("get", "/files/f/content", cast_to=rt.BinaryResponse)
    assert isinstance(binary, rt.BinaryResponse)
    assert not binary.response.is_stream_consumed
    pieces: list[int] = []
    real_iter = binary.response.iter_bytes

    def counting(chunk_size: int | None = None) -> Iterator[bytes]:
        for piece in real_iter(chunk_size):
            pieces.append(len(piece))
            yield piece

    binary.response.iter_bytes = counting
    binary.write_to_file(tmp_path / "out.bin")

    assert (tmp_path / "out.bin").read_bytes() == BIG
    assert len(pieces) > 1 and max(pieces) < len(BIG)  # written piece by piece
    assert binary.response.is_closed
    with pytest.raises(httpx.ResponseNotRead):
        _ = binary.response.content  # the body was never held whole


def test_binary_content_text_and_chunks(client: Any, server: FakeServer, rt: Any) -> None:
    server.on("/v1/speech", Reply(raw=b"RIFF0123456789", content_type="audio/wav"))
    with client.request("post", "/speech", cast_to=rt.BinaryResponse) as binary:
        assert [len(c) for c in binary.iter_bytes(chunk_size=4)] == [4, 4, 4, 2]
    server.on("/v1/speech", Reply(raw=b"RIFF", content_type="audio/wav"))
    binary = client.request("post", "/speech", cast_to=rt.BinaryResponse)
    assert (binary.content, binary.text) == (b"RIFF", "RIFF")


def test_async_binary_write_to_file(
    sdk: ModuleType, server: FakeServer, rt: Any, tmp_path: Path
) -> None:
    server.on("/v1/files/f/content", Reply(raw=BIG, content_type="application/octet-stream"))

    async def scenario() -> bytes:
        async with sdk.AsyncAPIClient(base_url=server.url) as api:
            binary = await api.request("get", "/files/f/content", cast_to=rt.AsyncBinaryResponse)
            await binary.write_to_file(tmp_path / "out.bin")
            small = await api.request("get", "/files/f/content", cast_to=rt.AsyncBinaryResponse)
            data: bytes = await small.read()
            return data

    assert asyncio.run(scenario()) == BIG
    assert (tmp_path / "out.bin").read_bytes() == BIG


def test_raw_response_has_headers_and_parses_once(
    client: Any, server: FakeServer, rt: Any, item_type: type[Any]
) -> None:
    headers = {"x-request-id": "req_1", "x-ratelimit-remaining-requests": "99"}
    server.on("/v1/items/i", Reply(200, {"id": "i", "name": "n"}, headers))

    def retrieve(item_id: str, *, extra_headers: dict[str, str] | None = None) -> Any:
        path = "/items/{item_id}"
        return client.request(
            "get", path, path_params={"item_id": item_id}, cast_to=item_type,
            extra_headers=extra_headers,
        )  # fmt: skip

    raw = rt.raw(retrieve)("i")

    assert isinstance(raw, rt.APIResponse)
    assert (raw.status_code, raw.request_id) == (200, "req_1")
    assert raw.headers["x-ratelimit-remaining-requests"] == "99"
    assert raw.json() == {"id": "i", "name": "n"}
    assert raw.parse().name == "n"
    assert raw.parse() is raw.parse()
    assert str(raw.url).endswith("/v1/items/i")
    assert all(not k.startswith("x-docs2sdk") for k in server.requests[0].headers)


def test_raw_stream_parses_to_the_stream(
    client: Any, server: FakeServer, rt: Any, item_type: type[Any]
) -> None:
    server.on("/v1/chat", Reply(raw=sse(*CHUNKS), content_type=SSE, headers={"x-request-id": "r"}))

    def create(*, extra_headers: dict[str, str] | None = None) -> Any:
        return client.request(
            "post", "/chat", cast_to=rt.Stream[item_type], extra_headers=extra_headers
        )

    raw = rt.raw(create)()

    assert raw.request_id == "r"
    assert [c.name for c in raw.parse()] == ["Hel", "lo"]


def test_raw_response_of_a_list_parses_to_pages(
    sdk: ModuleType, client: Any, server: FakeServer, rt: Any, item_type: type[Any]
) -> None:
    pages = {
        "": Reply(200, {"data": [{"id": "a"}], "has_more": True}, {"x-request-id": "p1"}),
        "a": Reply(200, {"data": [{"id": "b"}], "has_more": False}),
    }
    server.on_query("/v1/items", lambda query: pages[query.get("after", [""])[0]])

    def list_items(*, extra_headers: dict[str, str] | None = None) -> Any:
        return sdk.SyncCursorPage.fetch(
            client, "/items", item=item_type, extra_headers=extra_headers
        )

    raw = rt.raw(list_items)()

    assert raw.request_id == "p1"
    assert [item.id for item in raw.parse()] == ["a", "b"]  # later pages are not raw
    assert all(not k.startswith("x-docs2sdk") for r in server.requests for k in r.headers)


def test_async_raw_response(
    sdk: ModuleType, server: FakeServer, rt: Any, item_type: type[Any]
) -> None:
    server.on("/v1/items/i", Reply(200, {"id": "i"}, {"x-request-id": "req_2"}))

    async def scenario() -> tuple[str, str]:
        async with sdk.AsyncAPIClient(base_url=server.url) as api:

            async def retrieve(*, extra_headers: dict[str, str] | None = None) -> Any:
                return await api.request(
                    "get", "/items/i", cast_to=item_type, extra_headers=extra_headers
                )

            raw = await rt.async_raw(retrieve)()
            return raw.request_id, raw.parse().id

    assert asyncio.run(scenario()) == ("req_2", "i")
