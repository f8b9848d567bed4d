"""A generated SDK with streaming, binary and raw responses: typed, then run on a local server.

The spec (`data/streaming.yaml`) has a chat-completion-like operation (`stream` body
argument, JSON or event-stream success), one taking `stream` without naming the chunk
schema, one that only streams, two binary downloads (`audio/mpeg`, and the bare JSON string
of a `.../content` GET), a cursor list and a retrieve.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from generator.openapi.yaml_io import load_spec_file
from tests.sdk_package import imported, write_sdk
from tests.sdk_runtime.server import FakeServer, Reply

SPEC = Path(__file__).parent / "data" / "streaming.yaml"
SSE = "text/event-stream"

USAGE = '''\
"""Typed calls of the generated SDK, checked by mypy --strict."""

from typing import assert_type

from demo_stream import (
    APIResponse,
    AsyncAPIResponse,
    AsyncBinaryResponse,
    AsyncClient,
    AsyncStream,
    BinaryResponse,
    Client,
    ServerSentEvent,
    Stream,
)
from demo_stream.pagination import AsyncCursorPage, SyncCursorPage
from demo_stream.types import Completion, CompletionChunk, Item


def use(c: Client, flag: bool) -> None:
    assert_type(c.completions.create(prompt="x"), Completion)
    assert_type(c.completions.create(prompt="x", stream=False), Completion)
    assert_type(c.completions.create(prompt="x", stream=None), Completion)
    assert_type(c.completions.create(prompt="x", stream=True), Stream[CompletionChunk])
    assert_type(c.completions.create(prompt="x", stream=flag), Completion | Stream[CompletionChunk])
    assert_type(c.runs.create(stream=True), Stream[ServerSentEvent])
    assert_type(c.events.retrieve(), Stream[CompletionChunk])
    assert_type(c.files.content("f"), BinaryResponse)
    assert_type(c.speech.create(), BinaryResponse)
    raw = c.completions.with_raw_response.create(prompt="x", stream=True)
    assert_type(raw, APIResponse[Stream[CompletionChunk]])
    assert_type(c.items.with_raw_response.list().parse(), SyncCursorPage[Item])
    assert_type(c.items.with_raw_response.retrieve("i").parse(), Item)


async def use_async(c: AsyncClient) -> None:
    assert_type(await c.completions.create(prompt="x", stream=True), AsyncStream[CompletionChunk])
    assert_type(await c.completions.create(prompt="x"), Completion)
    assert_type(await c.files.content("f"), AsyncBinaryResponse)
    raw = await c.completions.with_raw_response.create(prompt="x")
    assert_type(raw, AsyncAPIResponse[Completion])
    assert_type((await c.items.with_raw_response.list()).parse(), AsyncCursorPage[Item])
'''


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("streaming_sdk")
    write_sdk(load_spec_file(SPEC), "demo_stream", folder)
    (folder / "usage.py").write_text(USAGE, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def pkg(out: Path) -> Iterator[ModuleType]:
    with imported(out, "demo_stream") as package:
        yield package


@pytest.fixture
def client(pkg: ModuleType, server: FakeServer) -> Iterator[Any]:
    with pkg.Client(api_key="sk-test", base_url=server.url, max_retries=0) as api:
        yield api


def test_mypy_strict_accepts_the_typed_calls(out: Path) -> None:
    args = [sys.executable, "-m", "mypy", "--strict", "--no-error-summary"]
    args += ["--python-version", "3.11", "--config-file", "", "--cache-dir", str(out / ".mypy")]
    result = subprocess.run(
        [*args, "demo_stream", "usage.py"], cwd=out, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_api_md_names_the_stream_and_binary_returns(out: Path) -> None:
    text = (out / "api.md").read_text(encoding="utf-8")
    assert "-> Completion | Stream[CompletionChunk]" in text
    assert "-> BinaryResponse" in text


def sse(*events: object) -> bytes:
    return ("".join(f"data: {json.dumps(e)}\n\n" for e in events) + "data: [DONE]\n\n").encode()


CHUNKS = [{"id": "c", "delta": "Hel"}, {"id": "c", "delta": "lo"}]


def test_stream_true_yields_chunks(client: Any, server: FakeServer, pkg: ModuleType) -> None:
    body = sse(*CHUNKS)
    server.on("/v1/completions", Reply(raw=body, content_type=SSE))

    with client.completions.create(prompt="hi", stream=True) as stream:
        deltas = [chunk.delta for chunk in stream]

    assert deltas == ["Hel", "lo"]
    assert type(stream).__name__ == "Stream"
    assert server.requests[0].body == {"prompt": "hi", "stream": True}


def test_stream_omitted_returns_the_model(client: Any, server: FakeServer) -> None:
    server.on("/v1/completions", Reply(200, {"id": "cmpl", "text": "Hello"}))
    completion = client.completions.create(prompt="hi")
    assert (completion.id, completion.text) == ("cmpl", "Hello")
    assert server.requests[0].body == {"prompt": "hi"}


def test_dropped_stream_raises_connection_error(
    client: Any, server: FakeServer, pkg: ModuleType
) -> None:
    body = sse(*CHUNKS * 30)
    server.on("/v1/completions", Reply(raw=body, content_type=SSE, drop=True))

    stream = client.completions.create(prompt="hi", stream=True)
    with pytest.raises(pkg.APIConnectionError):
        for _chunk in stream:
            pass


def test_async_stream(pkg: ModuleType, server: FakeServer) -> None:
    body = sse(*CHUNKS)
    server.on("/v1/completions", Reply(raw=body, content_type=SSE))

    async def scenario() -> list[str]:
        async with pkg.AsyncClient(api_key="k", base_url=server.url) as api:
            stream = await api.completions.create(prompt="hi", stream=True)
            return [chunk.delta async for chunk in stream]

    assert asyncio.run(scenario()) == ["Hel", "lo"]


def test_download_to_file(client: Any, server: FakeServer, tmp_path: Path) -> None:
    data = bytes(range(256)) * 8192  # 2 MiB
    server.on("/v1/files/file-1/content", Reply(raw=data, content_type="application/jsonl"))

    client.files.content("file-1").write_to_file(tmp_path / "file.jsonl")

    assert (tmp_path / "file.jsonl").read_bytes() == data


def test_raw_response_headers_and_parse(client: Any, server: FakeServer) -> None:
    server.on("/v1/items/i", Reply(200, {"id": "i"}, {"x-request-id": "req_9"}))

    raw = client.items.with_raw_response.retrieve("i")

    assert (raw.status_code, raw.headers["x-request-id"]) == (200, "req_9")
    assert raw.parse().id == "i"


def test_raw_response_of_a_binary_download(client: Any, server: FakeServer) -> None:
    server.on("/v1/speech", Reply(raw=b"ID3...", content_type="audio/mpeg"))
    raw = client.speech.with_raw_response.create()
    assert raw.headers["content-type"] == "audio/mpeg"
    assert raw.parse().content == b"ID3..."
