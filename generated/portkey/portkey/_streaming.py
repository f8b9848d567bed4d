# File generated from our OpenAPI spec by docs2sdk. See README.md.

"""Server-sent events: the decoder, and `Stream` / `AsyncStream` over a streamed response.

An operation called with ``stream=True`` returns a `Stream` of chunks::

    with client.chat.completions.create(..., stream=True) as stream:
        for chunk in stream:
            print(chunk)

The decoder follows the WHATWG HTML "event stream" interpretation: lines end at CRLF, LF or
CR; a line starting with ``:`` is a comment; ``field: value`` loses one space after the
colon; ``data`` lines are joined with ``\\n``; an ``id`` holding NUL is ignored; ``retry``
counts only when it is all ASCII digits; a blank line dispatches the event, unless no
``data`` was given. Bytes may be split anywhere between reads (inside a UTF-8 character, or
between CR and LF).

A stream ends at ``data: [DONE]`` or when the server closes it; either way, and on
`Stream.close` or leaving the ``with`` block, the HTTP response is closed. An event named
``error``, or whose JSON holds an ``error``, raises `APIError`; a dropped connection
raises `APIConnectionError` (`APITimeoutError` when a read times out).
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import AsyncIterator, Iterator
from types import TracebackType
from typing import Any, Generic, Self, TypeVar

import httpx
import pydantic

from ._exceptions import APIError, APIResponseValidationError, connection_error
from ._models import validate_type

__all__ = ["AsyncStream", "SSEDecoder", "ServerSentEvent", "Stream"]

T = TypeVar("T")

_LINE_END = re.compile(r"\r\n|\r|\n")
_DONE = "[DONE]"


class ServerSentEvent:
    """One dispatched event: its type (``event``), ``data``, last ``id`` and ``retry``."""

    __slots__ = ("data", "event", "id", "retry")

    def __init__(
        self,
        *,
        data: str = "",
        event: str | None = None,
        id: str | None = None,
        retry: int | None = None,
    ) -> None:
        self.data = data
        self.event = event
        self.id = id
        self.retry = retry

    def json(self) -> Any:
        """``data`` decoded as JSON."""
        return json.loads(self.data)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ServerSentEvent):
            return NotImplemented
        mine = (self.data, self.event, self.id, self.retry)
        return mine == (other.data, other.event, other.id, other.retry)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (
            f"ServerSentEvent(event={self.event!r}, data={self.data!r}, id={self.id!r},"
            f" retry={self.retry!r})"
        )


class SSEDecoder:
    """Bytes in, `ServerSentEvent`s out: feed it chunks as they arrive.

    At the end of the stream an event not closed by a blank line is dropped, as the spec
    says. An event without an ``event`` field has ``event=None`` (the spec's "message").
    """

    def __init__(self) -> None:
        self._text = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._pending = ""
        self._after_cr = False
        self._started = False
        self._data: list[str] = []
        self._event: str | None = None
        self._last_id: str | None = None
        self._retry: int | None = None

    def feed(self, chunk: bytes) -> list[ServerSentEvent]:
        """The events completed by ``chunk``."""
        return self._lines(self._text.decode(chunk))

    def _lines(self, text: str) -> list[ServerSentEvent]:
        if not self._started and text:
            self._started = True
            text = text.removeprefix("\ufeff")
        if self._after_cr and text.startswith("\n"):
            text = text[1:]
        if not text:
            return []
        self._after_cr = text.endswith("\r")
        lines = _LINE_END.split(self._pending + text)
        self._pending = lines.pop()
        events: list[ServerSentEvent] = []
        for line in lines:
            event = self._line(line)
            if event is not None:
                events.append(event)
        return events

    def _line(self, line: str) -> ServerSentEvent | None:
        if not line:
            return self._dispatch()
        if line[0] == ":":
            return None
        name, colon, value = line.partition(":")
        if colon and value[:1] == " ":
            value = value[1:]
        if name == "data":
            self._data.append(value)
        elif name == "event":
            self._event = value
        elif name == "id":
            if "\0" not in value:
                self._last_id = value
        elif name == "retry" and value.isascii() and value.isdigit():
            self._retry = int(value)
        return None

    def _dispatch(self) -> ServerSentEvent | None:
        if not self._data:
            self._event = None
            return None
        event = ServerSentEvent(
            data="\n".join(self._data),
            event=self._event or None,
            id=self._last_id,
            retry=self._retry,
        )
        self._data = []
        self._event = None
        return event


def _check_error(event: ServerSentEvent, data: object, response: httpx.Response) -> None:
    """Raise `APIError` for an ``error`` event or data holding an ``error``."""
    error = data.get("error") if isinstance(data, dict) else None
    if event.event != "error" and not error:
        return
    detail = error if error else data
    message = detail.get("message") if isinstance(detail, dict) else None
    text = message if isinstance(message, str) and message else "An error occurred during streaming"
    raise APIError(text, response.request, body=detail)


def _decoded(event: ServerSentEvent, item: type[T], response: httpx.Response) -> T:
    """The chunk an event carries: the event itself, or its JSON data as ``item``."""
    if item is ServerSentEvent:
        if event.event == "error" or '"error"' in event.data:
            try:
                _check_error(event, event.json(), response)
            except ValueError:
                _check_error(event, event.data, response)
        return event  # type: ignore[return-value]
    try:
        data: object = event.json()
    except ValueError:
        data = event.data
    _check_error(event, data, response)
    try:
        return validate_type(item, data)
    except pydantic.ValidationError as err:
        raise APIResponseValidationError(response, data, message=str(err)) from err


class Stream(Generic[T]):
    """The chunks of a streamed response, each an ``item``; iterate it once.

    Attributes:
        response: The `httpx.Response` being read (closed once the stream is done).
    """

    response: httpx.Response

    def __init__(self, response: httpx.Response, *, item: type[T]) -> None:
        self.response = response
        self._item = item
        self._iterator = self._chunks()

    def __iter__(self) -> Iterator[T]:
        return self._iterator

    def __next__(self) -> T:
        return next(self._iterator)

    def _events(self) -> Iterator[ServerSentEvent]:
        decoder = SSEDecoder()
        try:
            for chunk in self.response.iter_bytes():
                yield from decoder.feed(chunk)
        except httpx.HTTPError as err:
            raise connection_error(err, self.response.request) from err

    def _chunks(self) -> Iterator[T]:
        try:
            for event in self._events():
                if event.data == _DONE:
                    return
                yield _decoded(event, self._item, self.response)
        finally:
            self.response.close()

    def close(self) -> None:
        """Stop reading and close the HTTP response."""
        self.response.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


class AsyncStream(Generic[T]):
    """`Stream` for the async client: ``async for chunk in stream``, ``async with``."""

    response: httpx.Response

    def __init__(self, response: httpx.Response, *, item: type[T]) -> None:
        self.response = response
        self._item = item
        self._iterator = self._chunks()

    def __aiter__(self) -> AsyncIterator[T]:
        return self._iterator

    async def __anext__(self) -> T:
        return await self._iterator.__anext__()

    async def _events(self) -> AsyncIterator[ServerSentEvent]:
        decoder = SSEDecoder()
        try:
            async for chunk in self.response.aiter_bytes():
                for event in decoder.feed(chunk):
                    yield event
        except httpx.HTTPError as err:
            raise connection_error(err, self.response.request) from err

    async def _chunks(self) -> AsyncIterator[T]:
        try:
            async for event in self._events():
                if event.data == _DONE:
                    return
                yield _decoded(event, self._item, self.response)
        finally:
            await self.response.aclose()

    async def close(self) -> None:
        """Stop reading and close the HTTP response."""
        await self.response.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()
