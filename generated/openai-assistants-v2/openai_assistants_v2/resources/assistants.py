# File generated from our OpenAPI spec by docs2sdk. See README.md.
"""`client.assistants`: assistants."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cached_property
from typing import Literal

from .._base_client import AsyncAPIClient, SyncAPIClient
from .._response import async_to_raw_response_wrapper, to_raw_response_wrapper
from .._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ..pagination import AsyncCursorPage, AsyncPaginator, SyncCursorPage
from ..types import Assistant, CreateAssistantToolsParam

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
        limit: int | NotGiven = NOT_GIVEN,
        order: Literal["asc", "desc"] | NotGiven = NOT_GIVEN,
        after: str | NotGiven = NOT_GIVEN,
        before: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> SyncCursorPage[Assistant]:
        """GET /assistants

        Returns a list of assistants.

        Args:
            limit: A limit on the number of objects to be returned. Limit can range between 1
                  and 100, and the default is 20. Default value is 20.
            order: Sort order by the created_at timestamp of the objects. asc for ascending
                  order and desc for descending order. Values are asc or desc. Default value is
                  desc.
            after: A cursor for use in pagination. after is an object ID that defines your place
                  in the list. For instance, if you make a list request and receive 100 objects,
                  ending with obj_foo, your subsequent call can include after=obj_foo in order
                  to fetch the next page of the list.
            before: A cursor for use in pagination. before is an object ID that defines your
                  place in the list. For instance, if you make a list request and receive 100
                  objects, starting with obj_foo, your subsequent call can include
                  before=obj_foo in order to fetch the previous page of the list.
        """
        return SyncCursorPage.fetch(
            self._client,
            "/assistants",
            item=Assistant,
            params={
                "limit": limit,
                "order": order,
                "after": after,
                "before": before,
            },
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    def create(
        self,
        *,
        model: str,
        name: str | NotGiven | None = NOT_GIVEN,
        description: str | NotGiven | None = NOT_GIVEN,
        instructions: str | NotGiven | None = NOT_GIVEN,
        tools: Iterable[CreateAssistantToolsParam] | NotGiven = NOT_GIVEN,
        tool_resources: Mapping[str, object] | NotGiven | None = NOT_GIVEN,
        metadata: Mapping[str, object] | NotGiven | None = NOT_GIVEN,
        temperature: float | NotGiven | None = NOT_GIVEN,
        top_p: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Assistant:
        """Create assistant

        Create an assistant with a model and instructions.

        Args:
            model: ID of the model to use. You can use the List models API to see all of your
                  available models.
            name: The name of the assistant. The maximum length is 256 characters. Maximum
                  length: 256
            description: The description of the assistant. The maximum length is 512 characters.
                  Maximum length: 512
            instructions: The system instructions that the assistant uses. The maximum length is
                  256,000 characters. Maximum length: 256000
            tools: A list of tool enabled on the assistant. There can be a maximum of 128 tools
                  per assistant. Tools can be of types code_interpreter, file_search, or
                  function. Maximum array length: 128
            tool_resources: A set of resources that are used by the assistant's tools.
            metadata: Set of 16 key-value pairs that can be attached to an object.
            temperature: What sampling temperature to use, between 0 and 2. Required range: 0 <=
                  x <= 2
            top_p: An alternative to sampling with temperature, called nucleus sampling.
                  Required range: 0 <= x <= 1
        """
        return self._client.request(
            "post",
            "/assistants",
            cast_to=Assistant,
            json={
                "model": model,
                "name": name,
                "description": description,
                "instructions": instructions,
                "tools": tools,
                "tool_resources": tool_resources,
                "metadata": metadata,
                "temperature": temperature,
                "top_p": top_p,
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
        """Retrieve assistant

        Retrieves an assistant.

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

    def list(
        self,
        *,
        limit: int | NotGiven = NOT_GIVEN,
        order: Literal["asc", "desc"] | NotGiven = NOT_GIVEN,
        after: str | NotGiven = NOT_GIVEN,
        before: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> AsyncPaginator[Assistant]:
        """GET /assistants

        Returns a list of assistants.

        Args:
            limit: A limit on the number of objects to be returned. Limit can range between 1
                  and 100, and the default is 20. Default value is 20.
            order: Sort order by the created_at timestamp of the objects. asc for ascending
                  order and desc for descending order. Values are asc or desc. Default value is
                  desc.
            after: A cursor for use in pagination. after is an object ID that defines your place
                  in the list. For instance, if you make a list request and receive 100 objects,
                  ending with obj_foo, your subsequent call can include after=obj_foo in order
                  to fetch the next page of the list.
            before: A cursor for use in pagination. before is an object ID that defines your
                  place in the list. For instance, if you make a list request and receive 100
                  objects, starting with obj_foo, your subsequent call can include
                  before=obj_foo in order to fetch the previous page of the list.
        """
        return AsyncCursorPage.fetch(
            self._client,
            "/assistants",
            item=Assistant,
            params={
                "limit": limit,
                "order": order,
                "after": after,
                "before": before,
            },
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    async def create(
        self,
        *,
        model: str,
        name: str | NotGiven | None = NOT_GIVEN,
        description: str | NotGiven | None = NOT_GIVEN,
        instructions: str | NotGiven | None = NOT_GIVEN,
        tools: Iterable[CreateAssistantToolsParam] | NotGiven = NOT_GIVEN,
        tool_resources: Mapping[str, object] | NotGiven | None = NOT_GIVEN,
        metadata: Mapping[str, object] | NotGiven | None = NOT_GIVEN,
        temperature: float | NotGiven | None = NOT_GIVEN,
        top_p: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Assistant:
        """Create assistant

        Create an assistant with a model and instructions.

        Args:
            model: ID of the model to use. You can use the List models API to see all of your
                  available models.
            name: The name of the assistant. The maximum length is 256 characters. Maximum
                  length: 256
            description: The description of the assistant. The maximum length is 512 characters.
                  Maximum length: 512
            instructions: The system instructions that the assistant uses. The maximum length is
                  256,000 characters. Maximum length: 256000
            tools: A list of tool enabled on the assistant. There can be a maximum of 128 tools
                  per assistant. Tools can be of types code_interpreter, file_search, or
                  function. Maximum array length: 128
            tool_resources: A set of resources that are used by the assistant's tools.
            metadata: Set of 16 key-value pairs that can be attached to an object.
            temperature: What sampling temperature to use, between 0 and 2. Required range: 0 <=
                  x <= 2
            top_p: An alternative to sampling with temperature, called nucleus sampling.
                  Required range: 0 <= x <= 1
        """
        return await self._client.request(
            "post",
            "/assistants",
            cast_to=Assistant,
            json={
                "model": model,
                "name": name,
                "description": description,
                "instructions": instructions,
                "tools": tools,
                "tool_resources": tool_resources,
                "metadata": metadata,
                "temperature": temperature,
                "top_p": top_p,
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
        """Retrieve assistant

        Retrieves an assistant.

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
