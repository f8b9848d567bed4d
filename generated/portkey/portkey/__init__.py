# File generated from our OpenAPI spec by docs2sdk. See README.md.
"""Python client for portkey."""

from . import types as types
from ._client import AsyncClient as AsyncClient
from ._client import Client as Client
from ._client import ClientConfigError as ClientConfigError
from ._exceptions import APIConnectionError as APIConnectionError
from ._exceptions import APIError as APIError
from ._exceptions import APIResponseValidationError as APIResponseValidationError
from ._exceptions import APIStatusError as APIStatusError
from ._exceptions import APITimeoutError as APITimeoutError
from ._exceptions import AuthenticationError as AuthenticationError
from ._exceptions import BadRequestError as BadRequestError
from ._exceptions import ConflictError as ConflictError
from ._exceptions import InternalServerError as InternalServerError
from ._exceptions import NotFoundError as NotFoundError
from ._exceptions import PermissionDeniedError as PermissionDeniedError
from ._exceptions import RateLimitError as RateLimitError
from ._exceptions import UnprocessableEntityError as UnprocessableEntityError
from ._response import APIResponse as APIResponse
from ._response import AsyncAPIResponse as AsyncAPIResponse
from ._response import AsyncBinaryResponse as AsyncBinaryResponse
from ._response import BinaryResponse as BinaryResponse
from ._streaming import AsyncStream as AsyncStream
from ._streaming import ServerSentEvent as ServerSentEvent
from ._streaming import Stream as Stream
from ._types import NOT_GIVEN as NOT_GIVEN
from ._types import NotGiven as NotGiven

__all__ = [
    "NOT_GIVEN",
    "APIConnectionError",
    "APIError",
    "APIResponse",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncAPIResponse",
    "AsyncBinaryResponse",
    "AsyncClient",
    "AsyncStream",
    "AuthenticationError",
    "BadRequestError",
    "BinaryResponse",
    "Client",
    "ClientConfigError",
    "ConflictError",
    "InternalServerError",
    "NotFoundError",
    "NotGiven",
    "PermissionDeniedError",
    "RateLimitError",
    "ServerSentEvent",
    "Stream",
    "UnprocessableEntityError",
    "types",
]
