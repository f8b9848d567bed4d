# File generated from our OpenAPI spec by docs2sdk. See README.md.

"""What `SyncAPIClient` and `AsyncAPIClient` share: the options of a request, their
checks and merging, the retry policy and the parsing of an answer (`BaseAPIClient`).


The generated resources call one method, ``request``::

    self._client.request(
        "get",
        "/assistants/{assistant_id}",
        path_params={"assistant_id": assistant_id},
        params={"include": include},          # NOT_GIVEN and None values are left out
        json={"name": name},                  # NOT_GIVEN values are left out, at any depth
        cast_to=Assistant,                    # a model, list[Model], dict, object, str,
        extra_headers=extra_headers,          # bytes, httpx.Response, type(None), or
        extra_query=extra_query,              # Stream[Chunk] / BinaryResponse (see below)
        extra_body=extra_body,
        timeout=timeout,
    )

``cast_to`` also chooses how the body is read. ``Stream[Chunk]`` (``AsyncStream`` on the
async client) returns the server-sent events as ``Chunk``s while they arrive, and
``BinaryResponse`` (``AsyncBinaryResponse``) the body unread: either way the request is
retried only until a success status arrives (an error status is read whole for its
exception), and the body is bounded by the read timeout of each read, not of the whole
attempt. ``extra_headers`` holding `RAW_RESPONSE_HEADER` (what ``with_raw_response``
sets) returns an `APIResponse` whose ``parse()`` gives the usual result.

Per-call options are keyword arguments of every generated method, as in openai-python:
``extra_headers`` (merged over the client's default and auth headers; an ``Omit()`` value
removes a header), ``extra_query`` (merged over the query parameters), ``extra_body``
(merged over the top level of a JSON object body) and ``timeout`` (overrides the client's
timeout for this call; ``None`` means no timeout).

Failed attempts are retried, up to ``max_retries`` times, on connection errors, timeouts
and the statuses 408, 409, 429 and 5xx (a ``x-should-retry: true|false`` response header
overrides the status rule). The wait before a retry is the server's ``retry-after-ms`` or
``Retry-After`` (seconds or an HTTP date) when it is between 0 and 60 seconds, otherwise an
exponential backoff of 0.5 s, 1 s, 2 s ... capped at 8 s, shortened by up to 25 % of jitter.
No single network wait (connect, write, read, pool) outlasts the timeout, a whole attempt
(sending the request and reading all of the answer) takes at most the read timeout, and a
call makes at most ``max_retries + 1`` attempts, so neither a silent server nor one that
trickles its answer can hang a call.
"""

from __future__ import annotations

import logging
import random
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, ClassVar, Literal, TypeVar, cast
from urllib.parse import parse_qsl, quote

import httpx
import pydantic
from pydantic_core import to_jsonable_python

from ._exceptions import (
    APIResponseValidationError,
    make_status_error,
)
from ._files import ReadFile, RequestFiles, form_data, multipart_files, read_files
from ._models import validate_type
from ._response import (
    APIResponse,
    streamed_result,
    without_raw_flag,
)
from ._timing import (
    parse_retry_after,
)
from ._types import NOT_GIVEN, Body, Headers, NotGiven, Omit, Query, Timeout

__all__ = [
    "CLIENT_ERROR",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "BaseAPIClient",
    "FinalRequestOptions",
    "format_path",
    "take_raw_flag",
]

T = TypeVar("T")

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = httpx.Timeout(timeout=600.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2
INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
MAX_RETRY_AFTER = 60.0
"""A server's ``Retry-After`` longer than this is ignored in favour of the backoff."""

_RETRYABLE_STATUSES = frozenset({408, 409, 429})
_SERVER_ERROR = 500
CLIENT_ERROR = 400
"""The first status that is an error (read whole for its exception, never parsed)."""
_PATH_PARAM = re.compile(r"\{([^{}]+)\}")
_RAW_READERS: dict[object, Callable[[httpx.Response], object]] = {
    httpx.Response: lambda response: response,
    bytes: lambda response: response.content,
    str: lambda response: response.text,
    type(None): lambda response: None,
}
"""Response types returned without JSON decoding, for ``cast_to``."""


@dataclass(frozen=True)
class FinalRequestOptions:
    """Everything needed to send one request again: what a page keeps to fetch the next one.

    ``params`` and ``json`` already include ``extra_query`` and ``extra_body``, and no
    ``NOT_GIVEN`` values; ``headers`` are the per-call headers (``extra_headers`` last),
    merged over the client's headers when the request is sent.
    """

    method: str
    url: str
    params: Mapping[str, object] = field(default_factory=dict)
    json: object = None
    files: list[tuple[str, ReadFile]] | None = None
    form: Literal["multipart", "urlencoded"] | None = None
    """A form body: ``json`` is sent as form fields (with ``files``, if multipart)."""
    headers: Headers = field(default_factory=dict)
    timeout: Timeout | NotGiven = NOT_GIVEN

    def with_params(self, params: Query) -> FinalRequestOptions:
        """A copy with ``params`` merged over the query parameters."""
        return replace(self, params=_strip({**self.params, **params}, drop_none=True))


def _strip(value: Mapping[str, object], *, drop_none: bool = False) -> dict[str, object]:
    """``value`` without its `NOT_GIVEN` entries (and ``None`` ones if ``drop_none``)."""
    return {
        key: item
        for key, item in value.items()
        if not isinstance(item, NotGiven) and not (drop_none and item is None)
    }


def _jsonable(value: object) -> object:
    """``value`` as plain JSON data: `NOT_GIVEN` left out of every mapping and list, models
    dumped with their wire names, dates and enums turned into strings."""
    if isinstance(value, pydantic.BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, Mapping):
        return {k: _jsonable(v) for k, v in value.items() if not isinstance(v, NotGiven)}
    if isinstance(value, list | tuple | Iterator):  # `Iterable[...]` parameters: any iterator
        return [_jsonable(v) for v in value if not isinstance(v, NotGiven)]
    return to_jsonable_python(value)


def format_path(path: str, path_params: Mapping[str, object] | None) -> str:
    """``path`` with each ``{name}`` replaced by the percent-encoded value of ``name``.

    Values are encoded so that they stay one path segment: ``/``, ``?``, ``#`` and the dot
    segments ``.`` and ``..`` cannot change which endpoint is called.

    Raises:
        ValueError: a placeholder has no value, or an empty one.
    """
    values = path_params or {}

    def substitute(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in values:
            raise ValueError(f"Missing path parameter {name!r} for {path!r}")
        text = str(values[name])
        if not text:
            raise ValueError(f"Expected a non-empty value for path parameter {name!r}")
        encoded = quote(text, safe="")
        return encoded.replace(".", "%2E") if encoded in {".", ".."} else encoded

    return _PATH_PARAM.sub(substitute, path)


def take_raw_flag(options: FinalRequestOptions) -> tuple[FinalRequestOptions, bool]:
    """``options`` without the raw-response marker header, and whether it was there."""
    headers = without_raw_flag(options.headers)
    return (options, False) if headers is None else (replace(options, headers=headers), True)


def _response_body(response: httpx.Response) -> object | None:
    """The decoded JSON body, else its text, else ``None`` when it is empty."""
    if not response.content:
        return None
    try:
        body: object = response.json()
    except ValueError:
        return response.text
    return body


class BaseAPIClient:
    """What `SyncAPIClient` and `AsyncAPIClient` share: configuration and every pure step."""

    base_url: httpx.URL
    timeout: Timeout
    max_retries: int
    _raw_response: ClassVar[type[APIResponse[Any]]] = APIResponse

    def __init__(
        self,
        *,
        base_url: str | httpx.URL,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        auth_headers: Mapping[str, str] | None = None,
    ) -> None:
        if max_retries < 0:
            raise ValueError(f"max_retries must be 0 or more, not {max_retries}")
        url = httpx.URL(str(base_url))
        if not url.raw_path.endswith(b"/"):
            url = url.copy_with(raw_path=url.raw_path + b"/")
        self.base_url = url
        self.timeout = timeout
        self.max_retries = max_retries
        self._default_headers = {"Accept": "application/json", **(default_headers or {})}
        self._auth_headers = dict(auth_headers or {})

    def build_options(
        self,
        method: str,
        path: str,
        *,
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
    ) -> FinalRequestOptions:
        """The arguments of ``request`` checked, merged and stripped of `NOT_GIVEN` values."""
        body = json
        read, fields = read_files(files) if files else (None, {})
        if fields:  # mappings given for fields that take a file or an object
            body = {**(body if isinstance(body, Mapping) else {}), **fields}
        if extra_body:
            if body is not None and not isinstance(body, Mapping):
                raise TypeError("extra_body needs a JSON object body")
            body = {**(body or {}), **extra_body}
        # a query the path itself carries (`/responses?beta=true`) is sent with the others:
        # httpx would drop it for `params` (a value's `?` is encoded: the first is the path's)
        url, _, fixed = format_path(path, path_params).partition("?")
        query = {**dict(parse_qsl(fixed, keep_blank_values=True)), **(params or {})}
        return FinalRequestOptions(
            method=method.upper(),
            url=url,
            params=_strip({**query, **(extra_query or {})}, drop_none=True),
            json=_jsonable(body),
            files=read,
            form="multipart" if files and not form else form,
            headers={**(headers or {}), **(extra_headers or {})},
            timeout=timeout,
        )

    def _build_request(
        self, http_client: httpx.Client | httpx.AsyncClient, options: FinalRequestOptions
    ) -> httpx.Request:
        merged: dict[str, str | Omit] = {
            **self._default_headers,
            **self._auth_headers,
            **options.headers,
        }
        headers = {key: value for key, value in merged.items() if isinstance(value, str)}
        timeout = self.timeout if isinstance(options.timeout, NotGiven) else options.timeout
        path = options.url.lstrip("/")
        base = str(self.base_url)
        # a relative path is joined as text (`URL.join` parses both again), to the base's `/`
        url = self.base_url.join(path) if "://" in path else f"{base.rstrip('/')}/{path}"
        # no query: `params=None`, since any mapping makes httpx parse the URL once more
        if options.form:
            multipart = options.form == "multipart"
            return http_client.build_request(
                options.method,
                url,
                params=dict(options.params) or None,  # type: ignore[arg-type]
                headers=headers,
                data=form_data(options.json),
                files=multipart_files(options.files) if multipart else None,
                timeout=timeout,
            )
        return http_client.build_request(
            options.method,
            url,
            params=dict(options.params) or None,  # type: ignore[arg-type]
            headers=headers,
            json=options.json,
            timeout=timeout,
        )

    def _should_retry(self, response: httpx.Response) -> bool:
        """Whether a failed response is worth another attempt."""
        should_retry = response.headers.get("x-should-retry")
        if should_retry == "true":
            return True
        if should_retry == "false":
            return False
        status = response.status_code
        return status in _RETRYABLE_STATUSES or status >= _SERVER_ERROR

    def _calculate_retry_timeout(
        self,
        retries_taken: int,
        options: FinalRequestOptions,
        response_headers: httpx.Headers | None,
    ) -> float:
        """Seconds to wait before retry number ``retries_taken + 1`` of ``options``.

        The server's ``retry-after-ms`` / ``Retry-After`` wins when it is in (0, 60] s;
        otherwise 0.5 s doubled per retry taken, at most 8 s, less up to 25 % jitter.
        """
        retry_after = parse_retry_after(response_headers)
        if retry_after is not None and 0 < retry_after <= MAX_RETRY_AFTER:
            return retry_after
        delay = min(INITIAL_RETRY_DELAY * 2.0 ** min(retries_taken, 100), MAX_RETRY_DELAY)
        jitter = 1 - 0.25 * random.random()  # jitter, not cryptography
        return max(delay * jitter, 0.0)

    def _process_response(
        self, response: httpx.Response, cast_to: type[T], *, raw: bool = False
    ) -> T:
        """``response`` as ``cast_to`` (as an `APIResponse` if ``raw``), or the typed error
        for its status."""
        if response.status_code >= CLIENT_ERROR:
            raise make_status_error(response, _response_body(response))
        if raw:
            return cast(T, self._raw_response(response, lambda: self._parse(response, cast_to)))
        return self._parse(response, cast_to)

    def _parse(self, response: httpx.Response, cast_to: type[T]) -> T:
        streamed = streamed_result(cast_to, response)
        if streamed is not None:
            return cast(T, streamed)
        read_raw = _RAW_READERS.get(cast_to)
        if read_raw is not None:
            return cast(T, read_raw(response))
        body = _response_body(response)
        try:
            return validate_type(cast_to, body)
        except pydantic.ValidationError as err:
            raise APIResponseValidationError(response, body, message=str(err)) from err

    def _retry_delay(
        self,
        retries_taken: int,
        options: FinalRequestOptions,
        response: httpx.Response | None,
    ) -> float | None:
        """Seconds to wait before trying again, or ``None`` when the attempt is final."""
        if retries_taken >= self.max_retries:
            return None
        if response is not None and not self._should_retry(response):
            return None
        delay = self._calculate_retry_timeout(
            retries_taken, options, response.headers if response is not None else None
        )
        log.info("Retrying %s %s in %.2f s", options.method, options.url, delay)
        return delay
