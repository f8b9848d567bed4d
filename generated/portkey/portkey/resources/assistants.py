# File generated from our OpenAPI spec by docs2sdk. See README.md.
"""`client.assistants`: assistants."""

from __future__ import annotations

from functools import cached_property
from typing import Literal

from .._base_client import AsyncAPIClient, SyncAPIClient
from .._response import async_to_raw_response_wrapper, to_raw_response_wrapper
from .._types import NOT_GIVEN, Headers, NotGiven, Query, Timeout
from ..pagination import AsyncCursorPage, AsyncPaginator, SyncCursorPage
from ..types import Assistant

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

        Args:
            limit: A limit on the number of objects to be returned. Limit can range between 1
                  and 100, and the default is 20.
            order: Sort order by the created_at timestamp of the objects. asc for ascending
                  order and desc for descending order.
            after: A cursor for use in pagination. after is an object ID that defines your place
                  in the list. For instance, if you make a list request and receive 100 objects,
                  ending with obj_foo, your subsequent call can include after=obj_foo in order
                  to fetch the next page of the list.
            before: A cursor for use in pagination. before is an object ID that defines your
                  place in the list. For instance, if you make a list request and receive 100
                  objects, ending with obj_foo, your subsequent call can include before=obj_foo
                  in order to fetch the previous page of the list.
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


class AssistantsWithRawResponse:
    """`Assistants` methods returning an `APIResponse`."""

    def __init__(self, resource: Assistants) -> None:
        self._resource = resource
        self.list = to_raw_response_wrapper(resource.list)


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

        Args:
            limit: A limit on the number of objects to be returned. Limit can range between 1
                  and 100, and the default is 20.
            order: Sort order by the created_at timestamp of the objects. asc for ascending
                  order and desc for descending order.
            after: A cursor for use in pagination. after is an object ID that defines your place
                  in the list. For instance, if you make a list request and receive 100 objects,
                  ending with obj_foo, your subsequent call can include after=obj_foo in order
                  to fetch the next page of the list.
            before: A cursor for use in pagination. before is an object ID that defines your
                  place in the list. For instance, if you make a list request and receive 100
                  objects, ending with obj_foo, your subsequent call can include before=obj_foo
                  in order to fetch the previous page of the list.
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


class AsyncAssistantsWithRawResponse:
    """`AsyncAssistants` methods returning an `AsyncAPIResponse`."""

    def __init__(self, resource: AsyncAssistants) -> None:
        self._resource = resource
        self.list = async_to_raw_response_wrapper(resource.list)
