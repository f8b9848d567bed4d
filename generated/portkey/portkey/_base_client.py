# File generated from our OpenAPI spec by docs2sdk. See README.md.

"""The blocking and the async client on httpx: sending, retrying and waiting (the steps
they share are `_request.BaseAPIClient`'s; see there for the options of a call)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Mapping
from types import TracebackType
from typing import Literal, Self, TypeVar

import httpx

from ._exceptions import (
    APIConnectionError,
    APITimeoutError,
)
from ._files import RequestFiles
from ._request import (
    CLIENT_ERROR,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    BaseAPIClient,
    FinalRequestOptions,
    format_path,
    take_raw_flag,
)
from ._response import (
    AsyncAPIResponse,
    is_streamed,
)
from ._timing import (
    AsyncDeadline,
    SyncDeadline,
    attempt_deadline,
    past_deadline,
)
from ._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout

__all__ = [
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "AsyncAPIClient",
    "BaseAPIClient",
    "FinalRequestOptions",
    "SyncAPIClient",
    "format_path",
]

T = TypeVar("T")


class SyncAPIClient(BaseAPIClient):
    """A blocking client on `httpx.Client`; use it as a context manager or call `close`.

    Tests and callers may replace ``self.sleep`` (``time.sleep`` by default), which is
    how the client waits between retries.
    """

    def __init__(
        self,
        *,
        base_url: str | httpx.URL,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        auth_headers: Mapping[str, str] | None = None,
        http_client: httpx.Client | None = None,
    ) -> None:
        super().__init__(
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            auth_headers=auth_headers,
        )
        self._client = http_client or httpx.Client()
        self.sleep: Callable[[float], None] = time.sleep

    def request(
        self,
        method: str,
        path: str,
        *,
        cast_to: type[T],
        path_params: Mapping[str, object] | None = None,
        params: Query | None = None,
        json: object = None,
        files: RequestFiles | None = None,
        form: Literal["multipart", "urlencoded"] | None = None,
        headers: Headers | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> T:
        """Send one API call, with retries, and return its body as ``cast_to``.

        Raises:
            APIStatusError: a subclass per status, once retries are exhausted.
            APITimeoutError: no answer within ``timeout``, once retries are exhausted.
            APIConnectionError: the connection failed, once retries are exhausted.
            APIResponseValidationError: the body does not fit ``cast_to``.
        """
        options = self.build_options(
            method,
            path,
            path_params=path_params,
            params=params,
            json=json,
            files=files,
            form=form,
            headers=headers,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        return self.send(options, cast_to=cast_to)

    def send(self, options: FinalRequestOptions, *, cast_to: type[T]) -> T:
        """Send prepared ``options`` (see `request`), retrying as the client is configured."""
        options, raw = take_raw_flag(options)
        response = self._send_with_retries(options, stream=is_streamed(cast_to))
        return self._process_response(response, cast_to, raw=raw)

    def _send_with_retries(
        self, options: FinalRequestOptions, *, stream: bool = False
    ) -> httpx.Response:
        retries_taken = 0
        while True:
            request = self._build_request(self._client, options)
            try:
                response = self._send_once(request, stream=stream)
            except httpx.TimeoutException as err:
                delay = self._retry_delay(retries_taken, options, None)
                if delay is None:
                    raise APITimeoutError(request) from err
            except httpx.RequestError as err:
                delay = self._retry_delay(retries_taken, options, None)
                if delay is None:
                    raise APIConnectionError(request=request) from err
            else:
                if response.status_code < CLIENT_ERROR:
                    return response
                delay = self._retry_delay(retries_taken, options, response)
                if delay is None:
                    return response
                response.close()
            self.sleep(delay)
            retries_taken += 1

    def _send_once(self, request: httpx.Request, *, stream: bool = False) -> httpx.Response:
        """One attempt: the response with its whole body, read before the deadline (with
        ``stream``, a success response is returned unread)."""
        deadline = attempt_deadline(request)
        response = self._client.send(request, stream=True)
        if stream and response.status_code < CLIENT_ERROR:
            return response
        try:
            if deadline is not None and isinstance(response.stream, httpx.SyncByteStream):
                past_deadline(deadline, request)
                response.stream = SyncDeadline(response.stream, deadline, request)
            response.read()
        except BaseException:
            response.close()
            raise
        return response

    def close(self) -> None:
        """Close the underlying `httpx.Client` and its connections."""
        self._client.close()

    def is_closed(self) -> bool:
        return self._client.is_closed

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


class AsyncAPIClient(BaseAPIClient):
    """A non-blocking client on `httpx.AsyncClient`; use ``async with`` or await `close`.

    Tests and callers may replace ``self.sleep`` (``asyncio.sleep`` by default), which is
    how the client waits between retries.
    """

    _raw_response = AsyncAPIResponse

    def __init__(
        self,
        *,
        base_url: str | httpx.URL,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        auth_headers: Mapping[str, str] | None = None,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        super().__init__(
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            auth_headers=auth_headers,
        )
        self._client = http_client or httpx.AsyncClient()
        self.sleep: Callable[[float], Awaitable[None]] = asyncio.sleep

    async def request(
        self,
        method: str,
        path: str,
        *,
        cast_to: type[T],
        path_params: Mapping[str, object] | None = None,
        params: Query | None = None,
        json: object = None,
        files: RequestFiles | None = None,
        form: Literal["multipart", "urlencoded"] | None = None,
        headers: Headers | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> T:
        """Send one API call, with retries, and return its body as ``cast_to``.

        Raises the same errors as `SyncAPIClient.request`.
        """
        options = self.build_options(
            method,
            path,
            path_params=path_params,
            params=params,
            json=json,
            files=files,
            form=form,
            headers=headers,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        return await self.send(options, cast_to=cast_to)

    async def send(self, options: FinalRequestOptions, *, cast_to: type[T]) -> T:
        """Send prepared ``options`` (see `request`), retrying as the client is configured."""
        options, raw = take_raw_flag(options)
        response = await self._send_with_retries(options, stream=is_streamed(cast_to))
        return self._process_response(response, cast_to, raw=raw)

    async def _send_with_retries(
        self, options: FinalRequestOptions, *, stream: bool = False
    ) -> httpx.Response:
        retries_taken = 0
        while True:
            request = self._build_request(self._client, options)
            try:
                response = await self._send_once(request, stream=stream)
            except httpx.TimeoutException as err:
                delay = self._retry_delay(retries_taken, options, None)
                if delay is None:
                    raise APITimeoutError(request) from err
            except httpx.RequestError as err:
                delay = self._retry_delay(retries_taken, options, None)
                if delay is None:
                    raise APIConnectionError(request=request) from err
            else:
                if response.status_code < CLIENT_ERROR:
                    return response
                delay = self._retry_delay(retries_taken, options, response)
                if delay is None:
                    return response
                await response.aclose()
            await self.sleep(delay)
            retries_taken += 1

    async def _send_once(self, request: httpx.Request, *, stream: bool = False) -> httpx.Response:
        """One attempt: the response with its whole body, read before the deadline (with
        ``stream``, a success response is returned unread)."""
        deadline = attempt_deadline(request)
        response = await self._client.send(request, stream=True)
        if stream and response.status_code < CLIENT_ERROR:
            return response
        try:
            if deadline is not None and isinstance(response.stream, httpx.AsyncByteStream):
                past_deadline(deadline, request)
                response.stream = AsyncDeadline(response.stream, deadline, request)
            await response.aread()
        except BaseException:
            await response.aclose()
            raise
        return response

    async def close(self) -> None:
        """Close the underlying `httpx.AsyncClient` and its connections."""
        await self._client.aclose()

    def is_closed(self) -> bool:
        return self._client.is_closed

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()
