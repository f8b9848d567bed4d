"""The rendered runtime against a real local HTTP server: retries, errors, timeouts, options."""

from __future__ import annotations

import asyncio
import email.utils
import io
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from types import ModuleType
from typing import Any

import httpx
import pytest

from tests.sdk_runtime.server import FakeServer, Reply

ERROR = {"error": {"message": "nope", "type": "invalid_request_error"}}
ITEM = {"id": "item_1", "name": "one"}


@pytest.fixture
def client(sdk: ModuleType, server: FakeServer, sleeps: list[float]) -> Iterator[Any]:
    with sdk.SyncAPIClient(
        base_url=server.url,
        timeout=2.0,
        max_retries=2,
        default_headers={"OpenAI-Beta": "assistants=v2"},
        auth_headers={"Authorization": "Bearer sk-test"},
    ) as api:
        api.sleep = sleeps.append
        yield api


def test_500_then_200_is_retried_and_extra_fields_are_kept(
    client: Any, server: FakeServer, sleeps: list[float], item_type: type[Any]
) -> None:
    server.on("/v1/items/item_1", Reply(500, ERROR), Reply(200, {**ITEM, "new_field": [1]}))

    item = client.request("get", "/items/item_1", cast_to=item_type)

    assert (item.id, item.name, item.new_field) == ("item_1", "one", [1])
    assert item.model_extra == {"new_field": [1]}
    assert server.paths() == ["/v1/items/item_1"] * 2
    assert len(sleeps) == 1
    assert 0.375 <= sleeps[0] <= 0.5


def test_retry_after_seconds_is_honoured(
    client: Any, server: FakeServer, sleeps: list[float]
) -> None:
    server.on("/v1/items", Reply(429, ERROR, {"Retry-After": "1"}), Reply(200, ITEM))

    assert client.request("get", "/items", cast_to=dict) == ITEM
    assert sleeps == [1.0]


def test_429_without_retry_after_backs_off_then_raises(
    sdk: ModuleType, client: Any, server: FakeServer, sleeps: list[float]
) -> None:
    server.on("/v1/items", Reply(429, ERROR, {"x-request-id": "req_42"}))

    with pytest.raises(sdk.RateLimitError) as caught:
        client.request("get", "/items", cast_to=dict)

    assert caught.value.status_code == 429
    assert caught.value.request_id == "req_42"
    assert caught.value.body == ERROR
    assert len(server.requests) == 3
    assert 0.375 <= sleeps[0] <= 0.5
    assert 0.75 <= sleeps[1] <= 1.0


def test_404_raises_not_found_with_the_parsed_body(
    sdk: ModuleType, client: Any, server: FakeServer, sleeps: list[float]
) -> None:
    server.on("/v1/items/missing", Reply(404, ERROR))

    with pytest.raises(sdk.NotFoundError) as caught:
        client.request("get", "/items/missing", cast_to=dict)

    error = caught.value
    assert isinstance(error, sdk.APIStatusError)
    assert isinstance(error, sdk.APIError)
    assert (error.status_code, error.body, error.request_id) == (404, ERROR, None)
    assert error.response.status_code == 404
    assert "Error code: 404" in str(error)
    assert (len(server.requests), sleeps) == (1, [])


def test_400_is_not_retried(
    sdk: ModuleType, client: Any, server: FakeServer, sleeps: list[float]
) -> None:
    server.on("/v1/items", Reply(400, ERROR))

    with pytest.raises(sdk.BadRequestError):
        client.request("post", "/items", json={"name": "x"}, cast_to=dict)

    assert (len(server.requests), sleeps) == (1, [])


def test_text_error_body_is_kept_as_text(sdk: ModuleType, client: Any, server: FakeServer) -> None:
    server.on("/v1/items", Reply(503, "upstream down"))
    client.max_retries = 0

    with pytest.raises(sdk.InternalServerError) as caught:
        client.request("get", "/items", cast_to=dict)

    assert caught.value.status_code == 503
    assert caught.value.body == "upstream down"


def test_connection_dropped_mid_response_is_retried(
    client: Any, server: FakeServer, sleeps: list[float]
) -> None:
    server.on("/v1/items", Reply(200, ITEM, drop=True), Reply(200, ITEM))

    assert client.request("get", "/items", cast_to=dict) == ITEM
    assert len(server.requests) == 2
    assert len(sleeps) == 1


def test_connection_refused_raises_connection_error(sdk: ModuleType, sleeps: list[float]) -> None:
    with sdk.SyncAPIClient(base_url="http://127.0.0.1:1", max_retries=1) as api:
        api.sleep = sleeps.append
        with pytest.raises(sdk.APIConnectionError) as caught:
            api.request("get", "/items", cast_to=dict)

    assert not isinstance(caught.value, sdk.APITimeoutError)
    assert len(sleeps) == 1


def test_slow_response_times_out_after_max_retries(
    sdk: ModuleType, client: Any, server: FakeServer, sleeps: list[float]
) -> None:
    server.on("/v1/slow", Reply(200, ITEM, delay=10))

    started = time.monotonic()
    with pytest.raises(sdk.APITimeoutError) as caught:
        client.request("get", "/slow", cast_to=dict, timeout=0.1)

    assert time.monotonic() - started < 3
    assert isinstance(caught.value, sdk.APIConnectionError)
    assert len(server.requests) == 3
    assert len(sleeps) == 2


def test_max_retries_zero_does_not_retry(
    sdk: ModuleType, server: FakeServer, sleeps: list[float]
) -> None:
    server.on("/v1/items", Reply(500, ERROR), Reply(200, ITEM))

    with sdk.SyncAPIClient(base_url=server.url, max_retries=0) as api:
        api.sleep = sleeps.append
        with pytest.raises(sdk.InternalServerError):
            api.request("get", "/items", cast_to=dict)

    assert (len(server.requests), sleeps) == (1, [])


def test_x_should_retry_header_overrides_the_status(
    sdk: ModuleType, client: Any, server: FakeServer
) -> None:
    server.on("/v1/items", Reply(500, ERROR, {"x-should-retry": "false"}))
    with pytest.raises(sdk.InternalServerError):
        client.request("get", "/items", cast_to=dict)
    assert len(server.requests) == 1


def test_body_not_matching_the_model_is_read_leniently(
    sdk: ModuleType, client: Any, server: FakeServer, item_type: type[Any]
) -> None:
    """Docs are sometimes wrong about a field: the call still succeeds, raw values kept."""
    server.on("/v1/items/item_1", Reply(200, {"name": ["not", "a", "string"], "new": 1}))

    item = client.request("get", "/items/item_1", cast_to=item_type)

    assert isinstance(item, item_type)
    assert item.name == ["not", "a", "string"]
    assert item.model_extra == {"new": 1}


def test_body_that_is_not_an_object_raises_validation_error(
    sdk: ModuleType, client: Any, server: FakeServer, item_type: type[Any]
) -> None:
    server.on("/v1/items/item_1", Reply(200, ["not", "an", "object"]))

    with pytest.raises(sdk.APIResponseValidationError) as caught:
        client.request("get", "/items/item_1", cast_to=item_type)

    assert caught.value.body == ["not", "an", "object"]
    assert caught.value.status_code == 200


def test_request_options_are_merged_and_not_given_dropped(
    sdk: ModuleType, client: Any, server: FakeServer
) -> None:
    server.on("/v1/threads/a%2F..%3Fb/runs", Reply(200, ITEM))

    client.request(
        "post",
        "/threads/{thread_id}/runs",
        path_params={"thread_id": "a/..?b"},
        params={"limit": 2, "after": sdk.NOT_GIVEN, "before": None, "flag": True},
        json={
            "name": "x",
            "description": sdk.NOT_GIVEN,
            "meta": {"k": sdk.NOT_GIVEN, "v": [1, sdk.NOT_GIVEN]},
            "at": datetime(2024, 1, 2, tzinfo=UTC),
        },
        headers={"X-Op": "op"},
        extra_headers={"X-Extra": "1", "OpenAI-Beta": sdk.Omit()},
        extra_query={"debug": "yes"},
        extra_body={"stream": False},
        cast_to=dict,
    )

    [sent] = server.requests
    assert sent.method == "POST"
    assert sent.path == "/v1/threads/a%2F..%3Fb/runs"
    assert sent.query == {"limit": ["2"], "flag": ["true"], "debug": ["yes"]}
    assert sent.body == {
        "name": "x",
        "meta": {"v": [1]},
        "at": "2024-01-02T00:00:00Z",
        "stream": False,
    }
    assert sent.headers["authorization"] == "Bearer sk-test"
    assert (sent.headers["x-op"], sent.headers["x-extra"]) == ("op", "1")
    assert "openai-beta" not in sent.headers
    assert sent.headers["accept"] == "application/json"


def test_default_headers_are_sent(client: Any, server: FakeServer) -> None:
    server.on("/v1/items", Reply(204))

    assert client.request("delete", "/items", cast_to=type(None)) is None
    assert server.requests[0].headers["openai-beta"] == "assistants=v2"


def test_path_params_cannot_escape_the_path(sdk: ModuleType, client: Any) -> None:
    for bad in ("", None):
        with pytest.raises(ValueError, match="thread_id"):
            client.build_options("get", "/t/{thread_id}", path_params={"thread_id": bad or ""})
    with pytest.raises(ValueError, match="Missing"):
        client.build_options("get", "/t/{thread_id}")
    options = client.build_options("get", "/t/{thread_id}", path_params={"thread_id": ".."})
    assert options.url == "/t/%2E%2E"


def test_files_are_sent_as_multipart(client: Any, server: FakeServer) -> None:
    server.on("/v1/files", Reply(500, ERROR), Reply(200, ITEM))

    client.request(
        "post",
        "/files",
        json={"purpose": "assistants"},
        files={"file": ("a.txt", io.BytesIO(b"hello"), "text/plain")},
        cast_to=dict,
    )

    for sent in server.requests:  # the stream is read once, so the retry sends it again
        assert isinstance(sent.body, bytes)
        assert b'filename="a.txt"' in sent.body
        assert b"\r\n\r\nhello\r\n" in sent.body
        assert b"\r\n\r\nassistants\r\n" in sent.body


def test_retry_timeout_honours_http_dates_milliseconds_and_a_cap(
    sdk: ModuleType, client: Any
) -> None:
    options = client.build_options("get", "/items")

    def wait(**headers: str) -> float:
        return float(client._calculate_retry_timeout(0, options, httpx.Headers(headers)))

    in_five = email.utils.formatdate(time.time() + 5, usegmt=True)
    assert 3.5 <= wait(**{"retry-after": in_five}) <= 5.0
    assert wait(**{"retry-after-ms": "250"}) == 0.25
    assert wait(**{"retry-after": "2.5"}) == 2.5
    assert 0.375 <= wait(**{"retry-after": "3600"}) <= 0.5
    assert 0.375 <= wait(**{"retry-after": "garbage"}) <= 0.5
    assert 6.0 <= client._calculate_retry_timeout(10, options, None) <= 8.0


def test_should_retry_statuses(client: Any) -> None:
    request = httpx.Request("GET", "http://x")
    retried = {
        status
        for status in (400, 401, 403, 404, 408, 409, 422, 429, 500, 502, 503)
        if client._should_retry(httpx.Response(status, request=request))
    }
    assert retried == {408, 409, 429, 500, 502, 503}


def test_client_rejects_negative_retries_and_closes(sdk: ModuleType) -> None:
    with pytest.raises(ValueError, match="max_retries"):
        sdk.SyncAPIClient(base_url="http://x", max_retries=-1)
    with sdk.SyncAPIClient(base_url="http://x") as api:
        assert not api.is_closed()
    assert api.is_closed()


def test_not_given_is_a_falsy_singleton(sdk: ModuleType) -> None:
    assert not sdk.NOT_GIVEN
    assert repr(sdk.NOT_GIVEN) == "NOT_GIVEN"
    assert not sdk.Omit()


def test_async_client_retries_and_times_out(
    sdk: ModuleType, server: FakeServer, item_type: type[Any]
) -> None:
    server.on("/v1/items/item_1", Reply(502, ERROR), Reply(200, {**ITEM, "extra": True}))
    server.on("/v1/slow", Reply(200, ITEM, delay=10))
    sleeps: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        sleeps.append(seconds)

    async def scenario() -> tuple[Any, Any]:
        async with sdk.AsyncAPIClient(base_url=server.url, max_retries=1) as api:
            api.sleep = fake_sleep
            item = await api.request("get", "/items/item_1", cast_to=item_type)
            with pytest.raises(sdk.APITimeoutError) as caught:
                await api.request("get", "/slow", cast_to=dict, timeout=0.1)
        assert api.is_closed()
        return item, caught.value

    item, _ = asyncio.run(scenario())
    assert (item.id, item.extra) == ("item_1", True)
    assert len(sleeps) == 2
    assert server.paths() == ["/v1/items/item_1"] * 2 + ["/v1/slow"] * 2
