"""The rendered client against a misbehaving server on 127.0.0.1, every test under a clock.

What the server does wrong: resets connections, answers late, trickles its body, returns
500/502/503/429 with and without `Retry-After` (seconds, HTTP date, nonsense, hours),
truncated JSON, HTML where JSON was expected, and bodies of tens of MB. What the client
must do: retry only what is safe to retry (connection failures, timeouts, 408/409/429/5xx;
never other 4xx, nor a success whose body is bad), give up after `max_retries` with a typed
error, and never wait past its timeout (a call makes at most `max_retries + 1` attempts,
each bounded by the timeout, and sleeps between them at most a minute).
"""

from __future__ import annotations

import asyncio
import email.utils
import importlib
import json
import time
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

from tests.sdk_runtime.server import FakeServer, Reply

ERROR = {"error": {"message": "nope"}}
ITEM = {"id": "item_1", "name": "one"}
HTML = b"<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>"


class Clock:
    """`with Clock(limit):` fails the test when the block took longer than `limit` seconds."""

    def __init__(self, limit: float) -> None:
        self.limit = limit
        self.elapsed = 0.0

    def __enter__(self) -> Clock:
        self.started = time.monotonic()
        return self

    def __exit__(self, *exc: object) -> None:
        self.elapsed = time.monotonic() - self.started
        assert self.elapsed < self.limit, f"took {self.elapsed:.1f} s (limit {self.limit} s)"


@pytest.fixture
def client(sdk: ModuleType, server: FakeServer, sleeps: list[float]) -> Iterator[Any]:
    with sdk.SyncAPIClient(base_url=server.url, timeout=1.0, max_retries=2) as api:
        api.sleep = sleeps.append
        yield api


@pytest.mark.parametrize("status", [500, 502, 503, 429, 408, 409])
@pytest.mark.parametrize("method", ["get", "post", "delete"])
def test_transient_statuses_are_retried_then_raised_typed(
    sdk: ModuleType,
    client: Any,
    server: FakeServer,
    sleeps: list[float],
    status: int,
    method: str,
) -> None:
    server.on("/v1/items", Reply(status, ERROR))
    with Clock(5), pytest.raises(sdk.APIStatusError) as caught:
        client.request(method, "/items", cast_to=dict)
    errors = importlib.import_module("demo_sdk._exceptions")
    expected = {429: errors.RateLimitError, 409: errors.ConflictError}.get(status)
    if status >= 500:
        expected = errors.InternalServerError
    if expected is not None:
        assert isinstance(caught.value, expected)
    assert (caught.value.status_code, caught.value.body) == (status, ERROR)
    assert len(server.requests) == 3, "max_retries=2: three attempts, then the error"
    assert len(sleeps) == 2 and all(0 < s <= 8 for s in sleeps)


@pytest.mark.parametrize(
    ("retry_after", "expected"),
    [
        ("2", (2.0, 2.0)),
        ("0.25", (0.25, 0.25)),
        ("3600", (0.375, 0.5)),  # an hour is not honoured: backoff instead
        ("-5", (0.375, 0.5)),
        ("soon", (0.375, 0.5)),
        ("", (0.375, 0.5)),
    ],
)
@pytest.mark.parametrize("status", [429, 503])
def test_retry_after_is_honoured_within_bounds(
    client: Any,
    server: FakeServer,
    sleeps: list[float],
    status: int,
    retry_after: str,
    expected: tuple[float, float],
) -> None:
    server.on("/v1/items", Reply(status, ERROR, {"Retry-After": retry_after}), Reply(200, ITEM))
    with Clock(5):
        assert client.request("get", "/items", cast_to=dict) == ITEM
    assert len(sleeps) == 1 and expected[0] <= sleeps[0] <= expected[1]


def test_retry_after_as_an_http_date(client: Any, server: FakeServer, sleeps: list[float]) -> None:
    when = email.utils.formatdate(time.time() + 3, usegmt=True)
    server.on("/v1/items", Reply(503, ERROR, {"Retry-After": when}), Reply(200, ITEM))
    assert client.request("get", "/items", cast_to=dict) == ITEM
    assert 1.5 <= sleeps[0] <= 3.0


@pytest.mark.parametrize("status", [400, 401, 403, 404, 422, 405, 413])
def test_client_errors_are_not_retried(
    sdk: ModuleType, client: Any, server: FakeServer, sleeps: list[float], status: int
) -> None:
    server.on("/v1/items", Reply(status, ERROR, {"Retry-After": "1"}))
    with Clock(3), pytest.raises(sdk.APIStatusError) as caught:
        client.request("post", "/items", json={"a": 1}, cast_to=dict)
    assert caught.value.status_code == status
    assert (len(server.requests), sleeps) == (1, [])


def test_the_server_can_forbid_a_retry(
    sdk: ModuleType, client: Any, server: FakeServer, sleeps: list[float]
) -> None:
    server.on("/v1/items", Reply(503, ERROR, {"x-should-retry": "false"}))
    with pytest.raises(sdk.InternalServerError):
        client.request("post", "/items", cast_to=dict)
    assert (len(server.requests), sleeps) == (1, [])


def test_resets_before_any_answer_are_retried_then_raise_a_connection_error(
    sdk: ModuleType, client: Any, server: FakeServer, sleeps: list[float]
) -> None:
    server.on("/v1/items", Reply(reset=True))
    with Clock(5), pytest.raises(sdk.APIConnectionError) as caught:
        client.request("get", "/items", cast_to=dict)
    assert not isinstance(caught.value, sdk.APITimeoutError)
    assert len(server.requests) == 3 and len(sleeps) == 2


def test_a_reset_then_an_answer_succeeds(
    client: Any, server: FakeServer, sleeps: list[float], item_type: type[Any]
) -> None:
    server.on("/v1/items/item_1", Reply(reset=True), Reply(200, ITEM, drop=True), Reply(200, ITEM))
    with Clock(5):
        item = client.request("get", "/items/item_1", cast_to=item_type)
    assert item.id == "item_1" and len(server.requests) == 3


def test_a_silent_server_times_out_on_every_attempt(
    sdk: ModuleType, server: FakeServer, sleeps: list[float]
) -> None:
    server.on("/v1/slow", Reply(200, ITEM, delay=30))
    with sdk.SyncAPIClient(base_url=server.url, timeout=0.2, max_retries=2) as api:
        api.sleep = sleeps.append
        with Clock(3), pytest.raises(sdk.APITimeoutError):
            api.request("get", "/slow", cast_to=dict)
    assert len(server.requests) == 3


def test_a_trickling_body_cannot_outlast_the_timeout(
    sdk: ModuleType, server: FakeServer, sleeps: list[float]
) -> None:
    """16 bytes every 0.05 s never trips a 0.3 s read timeout; the whole answer must still
    arrive within the timeout."""
    body = json.dumps({"data": "x" * 2000}).encode()
    server.on("/v1/trickle", Reply(200, raw=body, trickle=0.05))
    with sdk.SyncAPIClient(base_url=server.url, timeout=0.3, max_retries=1) as api:
        api.sleep = sleeps.append
        with Clock(3), pytest.raises(sdk.APITimeoutError):
            api.request("get", "/trickle", cast_to=dict)
    assert len(server.requests) == 2


def test_a_short_trickle_within_the_timeout_is_read(
    sdk: ModuleType, server: FakeServer, sleeps: list[float]
) -> None:
    body = json.dumps(ITEM).encode()
    server.on("/v1/trickle", Reply(200, raw=body, trickle=0.01))
    with sdk.SyncAPIClient(base_url=server.url, timeout=2.0, max_retries=0) as api, Clock(3):
        assert api.request("get", "/trickle", cast_to=dict) == ITEM


@pytest.mark.parametrize(
    ("raw", "content_type"),
    [
        (b'{"id": "item_1", "name": "o', "application/json"),
        (b'{"id": "item_1"}{"id"', "application/json"),
        (HTML, "text/html"),
        (HTML, "application/json"),
        (b"\xff\xfe\x00garbage", "application/octet-stream"),
    ],
)
def test_a_bad_success_body_is_a_typed_error_and_not_retried(
    sdk: ModuleType,
    client: Any,
    server: FakeServer,
    sleeps: list[float],
    item_type: type[Any],
    raw: bytes,
    content_type: str,
) -> None:
    server.on("/v1/items/item_1", Reply(200, raw=raw, content_type=content_type))
    with Clock(3), pytest.raises(sdk.APIResponseValidationError) as caught:
        client.request("get", "/items/item_1", cast_to=item_type)
    assert caught.value.status_code == 200
    assert isinstance(caught.value.body, str)
    assert (len(server.requests), sleeps) == (1, [])


def test_an_html_error_page_is_retried_and_kept_as_text(
    sdk: ModuleType, client: Any, server: FakeServer, sleeps: list[float]
) -> None:
    server.on("/v1/items", Reply(502, raw=HTML, content_type="text/html"))
    with Clock(3), pytest.raises(sdk.InternalServerError) as caught:
        client.request("get", "/items", cast_to=dict)
    assert caught.value.body == HTML.decode()
    assert len(server.requests) == 3


def test_huge_bodies_are_read_or_reported_without_hanging(
    sdk: ModuleType, client: Any, server: FakeServer, sleeps: list[float], item_type: type[Any]
) -> None:
    big = {"data": ["x" * 1000] * 30_000}  # about 30 MB of JSON
    raw = json.dumps(big).encode()
    server.on("/v1/big", Reply(200, raw=raw))
    server.on("/v1/big-error", Reply(500, raw=raw))
    server.on("/v1/big-html", Reply(200, raw=b"<p>" * 10_000_000, content_type="text/html"))
    with Clock(30):
        assert len(client.request("get", "/big", cast_to=dict)["data"]) == 30_000
        with pytest.raises(sdk.InternalServerError) as caught:
            client.request("get", "/big-error", cast_to=dict)
        assert isinstance(caught.value.body, dict)
        with pytest.raises(sdk.APIResponseValidationError):
            client.request("get", "/big-html", cast_to=item_type)


def test_max_retries_bounds_the_attempts_whatever_the_failure(
    sdk: ModuleType, server: FakeServer, sleeps: list[float]
) -> None:
    server.on(
        "/v1/items",
        Reply(503, ERROR),
        Reply(reset=True),
        Reply(429, ERROR, {"Retry-After": "1"}),
        Reply(200, ITEM, drop=True),
        Reply(200, ITEM, delay=30),
        Reply(200, ITEM),
    )
    with sdk.SyncAPIClient(base_url=server.url, timeout=0.3, max_retries=4) as api:
        api.sleep = sleeps.append
        with Clock(5), pytest.raises(sdk.APITimeoutError):
            api.request("get", "/items", cast_to=dict)
    assert len(server.requests) == 5 and len(sleeps) == 4
    assert sleeps[2] == 1.0


def test_the_async_client_under_the_same_faults(
    sdk: ModuleType, server: FakeServer, item_type: type[Any]
) -> None:
    server.on("/v1/items", Reply(reset=True), Reply(503, ERROR), Reply(200, ITEM))
    server.on("/v1/bad", Reply(200, raw=HTML, content_type="text/html"))
    server.on("/v1/trickle", Reply(200, raw=b"[" + b"1," * 3000 + b"1]", trickle=0.05))
    server.on("/v1/gone", Reply(reset=True))
    sleeps: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        sleeps.append(seconds)

    async def scenario() -> None:
        async with sdk.AsyncAPIClient(base_url=server.url, timeout=0.3, max_retries=2) as api:
            api.sleep = fake_sleep
            assert await api.request("get", "/items", cast_to=dict) == ITEM
            with pytest.raises(sdk.APIResponseValidationError):
                await api.request("get", "/bad", cast_to=item_type)
            with pytest.raises(sdk.APITimeoutError):
                await api.request("get", "/trickle", cast_to=list)
            with pytest.raises(sdk.APIConnectionError):
                await api.request("post", "/gone", cast_to=dict)

    with Clock(8):
        asyncio.run(scenario())
    assert server.paths().count("/v1/items") == 3
    assert server.paths().count("/v1/bad") == 1
    assert server.paths().count("/v1/trickle") == 3
    assert server.paths().count("/v1/gone") == 3
