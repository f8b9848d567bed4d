# File generated from our OpenAPI spec by docs2sdk. See README.md.

"""Responses returned as they are: binary bodies, and raw responses with their headers.

An operation whose answer is a file (audio, an image, any bytes) returns a `BinaryResponse`
over the response, not yet read, so that a large body can go to disk piece by piece::

    client.files.content("file-abc").write_to_file("out.jsonl")

``with_raw_response`` on a resource gives the same methods returning an `APIResponse`,
which carries the status and headers (rate limits, request ids) and parses on demand::

    raw = client.models.with_raw_response.list()
    print(raw.headers["x-request-id"])
    models = raw.parse()
"""

from __future__ import annotations

import functools
import os
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from types import TracebackType
from typing import Any, Generic, ParamSpec, Self, TypeVar, cast, get_args, get_origin

import anyio
import httpx

from ._exceptions import connection_error
from ._streaming import AsyncStream, ServerSentEvent, Stream
from ._types import Headers

__all__ = [
    "RAW_RESPONSE_HEADER",
    "APIResponse",
    "AsyncAPIResponse",
    "AsyncBinaryResponse",
    "BinaryResponse",
    "async_to_raw_response_wrapper",
    "is_streamed",
    "streamed_result",
    "to_raw_response_wrapper",
    "without_raw_flag",
]

P = ParamSpec("P")
R = TypeVar("R")
S = TypeVar("S")

RAW_RESPONSE_HEADER = "X-Docs2sdk-Raw-Response"
"""Set by the raw-response wrappers in ``extra_headers``; the client removes it before sending
and returns an `APIResponse` instead of the parsed body."""


class _Binary:
    """What `BinaryResponse` and `AsyncBinaryResponse` share."""

    response: httpx.Response

    def __init__(self, response: httpx.Response) -> None:
        self.response = response

    @property
    def content(self) -> bytes:
        """The whole body (sync: read now; async: after ``await read()``)."""
        return self.response.content

    @property
    def text(self) -> str:
        """The whole body decoded with the response's charset."""
        return self.response.text

    @property
    def encoding(self) -> str | None:
        return self.response.encoding

    def json(self) -> Any:
        return self.response.json()


class BinaryResponse(_Binary):
    """A binary response body, read when asked: `content`, `iter_bytes` or `write_to_file`."""

    @property
    def content(self) -> bytes:
        return self.read()

    @property
    def text(self) -> str:
        self.read()
        return self.response.text

    def json(self) -> Any:
        self.read()
        return self.response.json()

    def read(self) -> bytes:
        """The whole body, read into memory (once)."""
        try:
            return self.response.read()
        except httpx.HTTPError as err:
            raise connection_error(err, self.response.request) from err

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        """The body piece by piece (of ``chunk_size`` bytes, except the last)."""
        try:
            yield from self.response.iter_bytes(chunk_size)
        except httpx.HTTPError as err:
            raise connection_error(err, self.response.request) from err

    def write_to_file(self, file: str | os.PathLike[str]) -> None:
        """Stream the body into ``file`` without holding it in memory; the response is
        closed afterwards."""
        with self, open(file, "wb") as out:
            out.writelines(self.iter_bytes())

    def close(self) -> None:
        """Close the HTTP response (the rest of the body is not read)."""
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


class AsyncBinaryResponse(_Binary):
    """`BinaryResponse` for the async client: ``await read()``, ``async for`` over
    `iter_bytes`, ``await write_to_file(path)``; `content` and `text` once read."""

    async def read(self) -> bytes:
        """The whole body, read into memory (once)."""
        try:
            return await self.response.aread()
        except httpx.HTTPError as err:
            raise connection_error(err, self.response.request) from err

    async def iter_bytes(self, chunk_size: int | None = None) -> AsyncIterator[bytes]:
        """The body piece by piece (of ``chunk_size`` bytes, except the last)."""
        try:
            async for chunk in self.response.aiter_bytes(chunk_size):
                yield chunk
        except httpx.HTTPError as err:
            raise connection_error(err, self.response.request) from err

    async def write_to_file(self, file: str | os.PathLike[str]) -> None:
        """Stream the body into ``file`` without holding it in memory; the response is
        closed afterwards."""
        try:
            async with await anyio.open_file(file, "wb") as out:
                async for chunk in self.iter_bytes():
                    await out.write(chunk)
        finally:
            await self.close()

    async def close(self) -> None:
        """Close the HTTP response (the rest of the body is not read)."""
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


_STREAMED: dict[type[Any], Callable[[httpx.Response, type[Any]], object]] = {
    Stream: lambda response, item: Stream(response, item=item),
    AsyncStream: lambda response, item: AsyncStream(response, item=item),
    BinaryResponse: lambda response, _item: BinaryResponse(response),
    AsyncBinaryResponse: lambda response, _item: AsyncBinaryResponse(response),
}


def is_streamed(cast_to: object) -> bool:
    """Whether a ``cast_to`` reads the body itself (a stream or a binary response)."""
    origin = get_origin(cast_to) or cast_to
    return isinstance(origin, type) and origin in _STREAMED


def streamed_result(cast_to: object, response: httpx.Response) -> object | None:
    """The `Stream` / binary wrapper ``cast_to`` names over ``response``, else ``None``.

    ``Stream[Chunk]`` yields ``Chunk``s; a bare ``Stream`` yields `ServerSentEvent`s.
    """
    origin = get_origin(cast_to) or cast_to
    make = _STREAMED.get(origin) if isinstance(origin, type) else None
    if make is None:
        return None
    args = get_args(cast_to)
    return make(response, args[0] if args else ServerSentEvent)


class APIResponse(Generic[R]):
    """An HTTP response as received, with `parse` to get what the method returns.

    Attributes:
        http_response: The `httpx.Response` (its body is read, unless it is a stream or a
            binary body, which `parse` returns unread).
    """

    http_response: httpx.Response

    def __init__(self, response: httpx.Response, parse: Callable[[], R]) -> None:
        self.http_response = response
        self._parse = parse
        self._parsed: list[R] = []

    def parse(self) -> R:
        """What the method returns without ``with_raw_response`` (parsed once, then cached)."""
        if not self._parsed:
            self._parsed.append(self._parse())
        return self._parsed[0]

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def url(self) -> httpx.URL:
        return self.http_response.url

    @property
    def request_id(self) -> str | None:
        value: str | None = self.http_response.headers.get("x-request-id")
        return value

    @property
    def content(self) -> bytes:
        return self.http_response.content

    @property
    def text(self) -> str:
        return self.http_response.text

    def json(self) -> Any:
        return self.http_response.json()

    def then(self, parse: Callable[[R], S]) -> APIResponse[S]:
        """The same response, parsed by ``parse`` over what `parse` gives (a page of a list)."""
        same = cast("type[APIResponse[S]]", type(self))
        return same(self.http_response, lambda: parse(self.parse()))

    def __repr__(self) -> str:
        return f"<{type(self).__name__} [{self.status_code}] {self.http_response.url}>"


class AsyncAPIResponse(APIResponse[R]):
    """`APIResponse` of the async client (`parse` needs no ``await``: the body is read,
    or it is a stream or binary body, returned unread)."""


def without_raw_flag(headers: Headers) -> Headers | None:
    """``headers`` without `RAW_RESPONSE_HEADER`, or ``None`` when it is not among them."""
    if RAW_RESPONSE_HEADER not in headers:
        return None
    return {key: value for key, value in headers.items() if key != RAW_RESPONSE_HEADER}


def _raw_kwargs(kwargs: dict[str, Any]) -> None:
    kwargs["extra_headers"] = {**(kwargs.get("extra_headers") or {}), RAW_RESPONSE_HEADER: "raw"}


def to_raw_response_wrapper(func: Callable[P, R]) -> Callable[P, APIResponse[R]]:
    """``func`` (a generated method) returning its `APIResponse` instead of the parsed body."""

    @functools.wraps(func)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> APIResponse[R]:
        _raw_kwargs(kwargs)
        return cast(APIResponse[R], func(*args, **kwargs))

    return wrapped


def async_to_raw_response_wrapper(
    func: Callable[P, Awaitable[R]],
) -> Callable[P, Awaitable[AsyncAPIResponse[R]]]:
    """`to_raw_response_wrapper` for the methods of the async client."""

    @functools.wraps(func)
    async def wrapped(*args: P.args, **kwargs: P.kwargs) -> AsyncAPIResponse[R]:
        _raw_kwargs(kwargs)
        return cast(AsyncAPIResponse[R], await func(*args, **kwargs))

    return wrapped
