# File generated from our OpenAPI spec by docs2sdk. See README.md.
"""`client.assistants`: assistants."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property

from .._base_client import AsyncAPIClient, SyncAPIClient
from .._response import async_to_raw_response_wrapper, to_raw_response_wrapper
from .._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ..types import Assistant, CreateAssistantToolsParam, ListAssistantsResponse

__all__ = [
    "Assistants",
    "AssistantsWithRawResponse",
    "AsyncAssistants",
    "AsyncAssistantsWithRawResponse",
]


class Assistants:
    """Operations on `assistants`."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AssistantsWithRawResponse:
        """These methods returning the HTTP response (status, headers); `.parse()` it."""
        return AssistantsWithRawResponse(self)

    def list(
        self,
        *,
        order: str,
        limit: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> ListAssistantsResponse:
        """List assistants (v1)"""
        return self._client.request(
            "get",
            "/assistants",
            cast_to=ListAssistantsResponse,
            params={
                "order": order,
                "limit": limit,
            },
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    def create(
        self,
        *,
        instructions: str,
        name: str,
        tools: Iterable[CreateAssistantToolsParam],
        model: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Assistant:
        """Create assistant (v1)

        Args:
            tools: code_interpreter, retrieval, or function.
        """
        return self._client.request(
            "post",
            "/assistants",
            cast_to=Assistant,
            json={
                "instructions": instructions,
                "name": name,
                "tools": tools,
                "model": model,
            },
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    def retrieve(
        self,
        assistant_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Assistant:
        """Retrieve assistant (v1)

        Args:
            assistant_id: The ID of the assistant to retrieve.
        """
        return self._client.request(
            "get",
            "/assistants/{assistant_id}",
            cast_to=Assistant,
            path_params={
                "assistant_id": assistant_id,
            },
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )


class AssistantsWithRawResponse:
    """`Assistants` methods returning an `APIResponse`."""

    def __init__(self, resource: Assistants) -> None:
        self._resource = resource
        self.list = to_raw_response_wrapper(resource.list)
        self.create = to_raw_response_wrapper(resource.create)
        self.retrieve = to_raw_response_wrapper(resource.retrieve)


class AsyncAssistants:
    """Operations on `assistants`."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncAssistantsWithRawResponse:
        """These methods returning the HTTP response (status, headers); `.parse()` it."""
        return AsyncAssistantsWithRawResponse(self)

    async def list(
        self,
        *,
        order: str,
        limit: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> ListAssistantsResponse:
        """List assistants (v1)"""
        return await self._client.request(
            "get",
            "/assistants",
            cast_to=ListAssistantsResponse,
            params={
                "order": order,
                "limit": limit,
            },
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def create(
        self,
        *,
        instructions: str,
        name: str,
        tools: Iterable[CreateAssistantToolsParam],
        model: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Assistant:
        """Create assistant (v1)

        Args:
            tools: code_interpreter, retrieval, or function.
        """
        return await self._client.request(
            "post",
            "/assistants",
            cast_to=Assistant,
            json={
                "instructions": instructions,
                "name": name,
                "tools": tools,
                "model": model,
            },
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def retrieve(
        self,
        assistant_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Assistant:
        """Retrieve assistant (v1)

        Args:
            assistant_id: The ID of the assistant to retrieve.
        """
        return await self._client.request(
            "get",
            "/assistants/{assistant_id}",
            cast_to=Assistant,
            path_params={
                "assistant_id": assistant_id,
            },
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )


class AsyncAssistantsWithRawResponse:
    """`AsyncAssistants` methods returning an `AsyncAPIResponse`."""

    def __init__(self, resource: AsyncAssistants) -> None:
        self._resource = resource
        self.list = async_to_raw_response_wrapper(resource.list)
        self.create = async_to_raw_response_wrapper(resource.create)
        self.retrieve = async_to_raw_response_wrapper(resource.retrieve)
