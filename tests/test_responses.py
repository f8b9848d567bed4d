"""Which operations stream server-sent events or return bytes (`generator.render.responses`)."""

from __future__ import annotations

from typing import Any

import pytest

from generator.render.build_view import build_view
from generator.render.spec import prepare
from generator.render.view import Method

MODELS = {"Answer", "Chunk"}


def method(
    operation: dict[str, Any], *, path: str = "/things", http: str = "post", body: object = None
) -> Method:
    if body is not None:
        operation["requestBody"] = {"content": {"application/json": {"schema": body}}}
    schemas = {
        name: {"type": "object", "properties": {"id": {"type": "string"}}} for name in MODELS
    }
    doc = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {path: {http: operation}},
        "components": {"schemas": schemas},
    }
    view = build_view(prepare(doc), package="t", models=MODELS)
    return next(m for r in view.all_resources for m in r.methods)


def ok(content: dict[str, Any]) -> dict[str, Any]:
    return {"responses": {"200": {"description": "OK", "content": content}}}


ANSWER = {"schema": {"$ref": "#/components/schemas/Answer"}}
CHUNK = {"schema": {"$ref": "#/components/schemas/Chunk"}}
STREAM = {"type": "boolean", "description": "If true, partial results stream as events."}


def test_stream_argument_and_event_stream_content_give_overloads() -> None:
    m = method(
        ok({"application/json": ANSWER, "text/event-stream": CHUNK}),
        body={"type": "object", "properties": {"stream": {"type": "boolean", "nullable": True}}},
    )
    assert (m.stream_param, m.stream_chunk, m.binary) == ("stream", "Chunk", False)
    assert m.sync_returns == "Answer | Stream[Chunk]"
    assert m.returns_for(sync=False, stream=True) == "AsyncStream[Chunk]"
    assert m.returns_for(sync=True, stream=False) == "Answer"
    assert m.cast_to_for(sync=True) == "Stream[Chunk] if stream else Answer"
    assert m.stream_overloads == [
        ("stream: Literal[False] | NotGiven | None = NOT_GIVEN,", False),
        ("stream: Literal[True],", True),
        ("stream: bool,", None),
    ]
    assert m.models == {"Answer", "Chunk"}


def test_a_documented_stream_argument_without_event_stream_gives_raw_events() -> None:
    nested = {"anyOf": [STREAM, {"type": "null"}]}
    m = method(
        ok({"application/json": ANSWER}), body={"type": "object", "properties": {"stream": nested}}
    )
    assert (m.stream_param, m.stream_chunk) == ("stream", "ServerSentEvent")
    assert m.models == {"Answer"}


def test_a_query_stream_argument_counts_too() -> None:
    param = {"name": "stream", "in": "query", "schema": {"type": "boolean"}}
    m = method(
        {**ok({"application/json": ANSWER}), "parameters": [{**param, **STREAM}]}, http="get"
    )
    assert m.stream_param == "stream"


def test_an_undocumented_boolean_stream_does_not_stream() -> None:
    body = {"type": "object", "properties": {"stream": {"type": "boolean"}}}
    m = method(ok({"application/json": ANSWER}), body=body)
    assert (m.stream_param, m.stream_chunk, m.sync_returns) == (None, None, "Answer")


def test_only_an_event_stream_always_streams() -> None:
    m = method(ok({"text/event-stream": CHUNK}), http="get")
    assert (m.stream_param, m.sync_returns, m.cast_to_for(sync=False)) == (
        None,
        "Stream[Chunk]",
        "AsyncStream[Chunk]",
    )
    assert method(ok({"text/event-stream": {"schema": {"type": "string"}}})).sync_returns == (
        "Stream[ServerSentEvent]"
    )


@pytest.mark.parametrize(
    "content",
    [
        {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
        {"audio/mpeg": {}},
        {"image/png": {"schema": {"type": "string"}}},
        {"application/pdf": {}},
        {"application/sdp": {"schema": {"type": "string"}}},
        {"application/json": {"schema": {"type": "string", "format": "binary"}}},
        # speech: bytes or, with another argument, events; without a `stream` argument
        {"application/octet-stream": {}, "text/event-stream": CHUNK},
    ],
)
def test_binary_content(content: dict[str, Any]) -> None:
    m = method(ok(content))
    assert (m.binary, m.sync_returns, m.async_returns) == (
        True,
        "BinaryResponse",
        "AsyncBinaryResponse",
    )
    assert m.models == set()


@pytest.mark.parametrize(
    ("content", "path", "http", "binary"),
    [
        (None, "/files/{file_id}/content", "get", True),
        ({"application/json": {"schema": {"type": "string"}}}, "/files/{id}/content", "get", True),
        ({"application/json": {"schema": {"type": "string"}}}, "/files/{id}/name", "get", False),
        (None, "/files/{file_id}/content", "delete", False),
        ({"application/json": ANSWER}, "/files/{file_id}/content", "get", False),
        ({"text/plain; charset=utf-8": {"schema": {"type": "object"}}}, "/x", "get", False),
    ],
)
def test_file_content_paths(content: Any, path: str, http: str, binary: bool) -> None:
    response: dict[str, Any] = {"description": "OK"}
    if content is not None:
        response["content"] = content
    param = {"name": "file_id", "in": "path", "required": True, "schema": {"type": "string"}}
    operation = {"responses": {"200": response}, "parameters": [param] if "{" in path else []}
    assert method(operation, path=path.replace("{id}", "{file_id}"), http=http).binary is binary
