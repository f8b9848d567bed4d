# File generated from our OpenAPI spec by docs2sdk. See README.md.

"""When to give up on an attempt, and how long the server asks us to wait before the next.

httpx's timeouts bound each network wait (connect, write, read, pool), so a server that
trickles its answer a few bytes at a time never trips them; the deadline wrappers make the
body raise `httpx.ReadTimeout` once the attempt's read timeout has passed since it began.
Streamed responses (server-sent events, binary bodies) are not bounded this way: only each
of their reads is.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import AsyncIterator, Iterator

import httpx

__all__ = [
    "AsyncDeadline",
    "SyncDeadline",
    "attempt_deadline",
    "parse_retry_after",
    "past_deadline",
]


def attempt_deadline(request: httpx.Request) -> float | None:
    """When the attempt sending ``request`` must be over: its read timeout from now."""
    timeout = request.extensions.get("timeout", {})
    seconds = timeout.get("read") if isinstance(timeout, dict) else None
    return None if seconds is None else time.monotonic() + float(seconds)


def past_deadline(deadline: float | None, request: httpx.Request) -> None:
    if deadline is not None and time.monotonic() > deadline:
        raise httpx.ReadTimeout("the response did not arrive within the timeout", request=request)


class SyncDeadline(httpx.SyncByteStream):
    """A response body that raises `httpx.ReadTimeout` once the attempt's deadline passed
    (httpx's own timeouts bound each read, not the whole body)."""

    def __init__(self, stream: httpx.SyncByteStream, deadline: float, request: httpx.Request):
        self._stream, self._deadline, self._request = stream, deadline, request

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._stream:
            past_deadline(self._deadline, self._request)
            yield chunk

    def close(self) -> None:
        self._stream.close()


class AsyncDeadline(httpx.AsyncByteStream):
    """`SyncDeadline` for `httpx.AsyncClient`."""

    def __init__(self, stream: httpx.AsyncByteStream, deadline: float, request: httpx.Request):
        self._stream, self._deadline, self._request = stream, deadline, request

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._stream:
            past_deadline(self._deadline, self._request)
            yield chunk

    async def aclose(self) -> None:
        await self._stream.aclose()


def parse_retry_after(headers: httpx.Headers | None) -> float | None:
    """Seconds to wait from ``retry-after-ms``, or ``Retry-After`` (seconds or HTTP date)."""
    if headers is None:
        return None
    try:
        return float(headers.get("retry-after-ms", "")) / 1000
    except ValueError:
        pass
    value = headers.get("retry-after", "")
    try:
        return float(value)
    except ValueError:
        pass
    date = email.utils.parsedate_tz(value)
    if date is None:
        return None
    return float(email.utils.mktime_tz(date) - time.time())
