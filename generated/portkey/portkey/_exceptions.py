# File generated from our OpenAPI spec by docs2sdk. See README.md.

"""Every error the client raises, in one tree::

    APIError                     anything that went wrong with a request
    ├── APIConnectionError         the server could not be reached, or dropped the connection
    │   └── APITimeoutError        no answer within the timeout
    ├── APIResponseValidationError a success response whose body is not what the model expects
    └── APIStatusError             the server answered with a 4xx or 5xx status
        ├── BadRequestError           400
        ├── AuthenticationError       401
        ├── PermissionDeniedError     403
        ├── NotFoundError             404
        ├── ConflictError             409
        ├── UnprocessableEntityError  422
        ├── RateLimitError            429
        └── InternalServerError       500 and above

Connection errors, timeouts, 408, 409, 429 and 5xx are retried before they are raised
(see ``max_retries`` on the client). Status errors carry the response, its status code,
the parsed body (JSON when it parses, else the text) and the request id, if any.
"""

from __future__ import annotations

from typing import Literal

import httpx

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "InternalServerError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "UnprocessableEntityError",
    "connection_error",
    "make_status_error",
]

_REQUEST_ID_HEADERS = ("x-request-id", "request-id")


class APIError(Exception):
    """Base of every error raised by the client.

    Attributes:
        message: A human-readable description.
        request: The request that failed.
        body: The parsed response body (JSON value or text), or ``None`` without a response.
    """

    message: str
    request: httpx.Request
    body: object | None

    def __init__(self, message: str, request: httpx.Request, *, body: object | None) -> None:
        super().__init__(message)
        self.message = message
        self.request = request
        self.body = body


class APIResponseValidationError(APIError):
    """A success response whose body does not match the declared response type."""

    response: httpx.Response
    status_code: int

    def __init__(
        self, response: httpx.Response, body: object | None, *, message: str | None = None
    ) -> None:
        super().__init__(
            message or "Data returned by API invalid for expected schema.",
            response.request,
            body=body,
        )
        self.response = response
        self.status_code = response.status_code


class APIStatusError(APIError):
    """The server answered with a 4xx or 5xx status code."""

    response: httpx.Response
    status_code: int
    request_id: str | None

    def __init__(self, message: str, *, response: httpx.Response, body: object | None) -> None:
        super().__init__(message, response.request, body=body)
        self.response = response
        self.status_code = response.status_code
        self.request_id = next(
            (response.headers[name] for name in _REQUEST_ID_HEADERS if name in response.headers),
            None,
        )


class APIConnectionError(APIError):
    """The request did not get a complete response: refused, reset or dropped connection."""

    def __init__(self, *, message: str = "Connection error.", request: httpx.Request) -> None:
        super().__init__(message, request, body=None)


class APITimeoutError(APIConnectionError):
    """The server did not answer within the timeout."""

    def __init__(self, request: httpx.Request) -> None:
        super().__init__(message="Request timed out.", request=request)


class BadRequestError(APIStatusError):
    """400 Bad Request."""

    status_code: Literal[400]


class AuthenticationError(APIStatusError):
    """401 Unauthorized: missing or invalid credentials."""

    status_code: Literal[401]


class PermissionDeniedError(APIStatusError):
    """403 Forbidden."""

    status_code: Literal[403]


class NotFoundError(APIStatusError):
    """404 Not Found."""

    status_code: Literal[404]


class ConflictError(APIStatusError):
    """409 Conflict."""

    status_code: Literal[409]


class UnprocessableEntityError(APIStatusError):
    """422 Unprocessable Entity."""

    status_code: Literal[422]


class RateLimitError(APIStatusError):
    """429 Too Many Requests."""

    status_code: Literal[429]


class InternalServerError(APIStatusError):
    """A 5xx status: the server failed."""


_STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}

_SERVER_ERROR = 500


def make_status_error(response: httpx.Response, body: object | None) -> APIStatusError:
    """The `APIStatusError` subclass for the status of ``response``, carrying ``body``."""
    message = f"Error code: {response.status_code} - {body}"
    status = response.status_code
    error_class = _STATUS_ERRORS.get(status, APIStatusError)
    if status >= _SERVER_ERROR:
        error_class = InternalServerError
    return error_class(message, response=response, body=body)


def connection_error(err: httpx.HTTPError, request: httpx.Request) -> APIConnectionError:
    """`APITimeoutError` for an httpx timeout, else `APIConnectionError`, for ``request``."""
    if isinstance(err, httpx.TimeoutException):
        return APITimeoutError(request)
    return APIConnectionError(message=f"Connection error: {err}", request=request)
