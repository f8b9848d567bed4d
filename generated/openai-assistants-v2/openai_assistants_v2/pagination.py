# File generated from our OpenAPI spec by docs2sdk. See README.md.

"""Cursor pagination: ``limit``/``after`` in, ``data``/``has_more``/``last_id`` out.

A list call returns its first page; iterating over it yields every item of every page,
fetching the next page only when the previous one is used up::

    for assistant in client.assistants.list(limit=20):
        print(assistant.id)

    page = client.assistants.list(limit=20)
    while True:
        print([assistant.id for assistant in page.data])
        if not page.has_next_page():
            break
        page = page.get_next_page()

The async client's list call returns an `AsyncPaginator`: ``await`` it for the first page,
or ``async for`` over it for every item.

Generated resources start a listing with `SyncCursorPage.fetch` / `AsyncCursorPage.fetch`.
Each page keeps the client, the `FinalRequestOptions` it was fetched with and the item
type, and fetches the next page by sending the same request with ``after`` set to
`next_page_params`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Generator, Iterator, Mapping
from dataclasses import replace
from typing import Any, Generic, TypeVar, cast

from ._base_client import AsyncAPIClient, FinalRequestOptions, SyncAPIClient
from ._models import BaseModel
from ._response import APIResponse, without_raw_flag
from ._types import NOT_GIVEN, Headers, NotGiven, Query, Timeout

__all__ = ["AsyncCursorPage", "AsyncPaginator", "CursorPageBody", "SyncCursorPage"]

T = TypeVar("T")


class CursorPageBody(BaseModel, Generic[T]):
    """The JSON body of one page; other fields of the list object are tolerated."""

    data: list[T]
    has_more: bool = False
    first_id: str | None = None
    last_id: str | None = None


def _body_type(item: type[T]) -> type[CursorPageBody[T]]:
    return CursorPageBody[item]  # type: ignore[valid-type]


def _without_raw_flag(options: FinalRequestOptions) -> FinalRequestOptions:
    """``options`` for the following pages: not raw responses, only the first one is."""
    headers = without_raw_flag(options.headers)
    return options if headers is None else replace(options, headers=headers)


def _item_id(item: object) -> str | None:
    """The ``id`` of a model or JSON object, if it has a string one."""
    value = item.get("id") if isinstance(item, Mapping) else getattr(item, "id", None)
    return value if isinstance(value, str) else None


class _CursorPage(Generic[T]):
    """What sync and async pages share: the page content and where the next page starts."""

    data: list[T]
    """The items of this page."""
    has_more: bool
    """Whether the server has more items after this page."""
    first_id: str | None
    last_id: str | None

    def __init__(self, body: CursorPageBody[T], *, options: FinalRequestOptions) -> None:
        self.data = body.data
        self.has_more = body.has_more
        self.first_id = body.first_id
        self.last_id = body.last_id
        self._options = options

    def next_page_params(self) -> dict[str, str] | None:
        """``{"after": cursor}`` for the next page, or ``None`` when there is no cursor.

        The cursor is ``last_id``, else the ``id`` of the last item. A cursor equal to the
        one this page was fetched with is refused, so a server repeating itself cannot
        make iteration loop forever.
        """
        if not self.data:
            return None
        cursor = self.last_id or _item_id(self.data[-1])
        if cursor is None or cursor == self._options.params.get("after"):
            return None
        return {"after": cursor}

    def has_next_page(self) -> bool:
        """Whether `get_next_page` can be called."""
        return self.has_more and self.next_page_params() is not None

    def _next_options(self) -> FinalRequestOptions:
        params = self.next_page_params()
        if not self.has_more or params is None:
            raise RuntimeError("No next page: check has_next_page() first.")
        return self._options.with_params(params)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(data=<{len(self.data)} items>, has_more={self.has_more},"
            f" last_id={self.last_id!r})"
        )


class SyncCursorPage(_CursorPage[T]):
    """One page of a list; iterating over it yields the items of this and later pages."""

    def __init__(
        self,
        body: CursorPageBody[T],
        *,
        client: SyncAPIClient,
        options: FinalRequestOptions,
        item: type[T],
    ) -> None:
        super().__init__(body, options=options)
        self._client = client
        self._item = item

    @classmethod
    def fetch(
        cls,
        client: SyncAPIClient,
        path: str,
        *,
        item: type[T],
        path_params: Mapping[str, object] | None = None,
        params: Query | None = None,
        headers: Headers | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> SyncCursorPage[T]:
        """GET the first page of ``path``; arguments as in `SyncAPIClient.request`."""
        options = client.build_options(
            "get",
            path,
            path_params=path_params,
            params=params,
            headers=headers,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )
        return cls._send(client, options, item)

    @classmethod
    def _send(
        cls, client: SyncAPIClient, options: FinalRequestOptions, item: type[T]
    ) -> SyncCursorPage[T]:
        body = client.send(options, cast_to=_body_type(item))
        if isinstance(body, APIResponse):  # with_raw_response: `parse()` gives the page
            plain = _without_raw_flag(options)
            page = body.then(lambda raw: cls(raw, client=client, options=plain, item=item))
            return cast(SyncCursorPage[T], page)
        return cls(body, client=client, options=options, item=item)

    def get_next_page(self) -> SyncCursorPage[T]:
        """Fetch the page after this one.

        Raises:
            RuntimeError: there is no next page (see `has_next_page`).
        """
        return self._send(self._client, self._next_options(), self._item)

    def iter_pages(self) -> Iterator[SyncCursorPage[T]]:
        """This page, then each following page, fetched when reached."""
        page = self
        while True:
            yield page
            if not page.has_next_page():
                return
            page = page.get_next_page()

    def __iter__(self) -> Iterator[T]:
        for page in self.iter_pages():
            yield from page.data


class AsyncCursorPage(_CursorPage[T]):
    """One page of a list; ``async for`` over it yields the items of this and later pages."""

    def __init__(
        self,
        body: CursorPageBody[T],
        *,
        client: AsyncAPIClient,
        options: FinalRequestOptions,
        item: type[T],
    ) -> None:
        super().__init__(body, options=options)
        self._client = client
        self._item = item

    @classmethod
    def fetch(
        cls,
        client: AsyncAPIClient,
        path: str,
        *,
        item: type[T],
        path_params: Mapping[str, object] | None = None,
        params: Query | None = None,
        headers: Headers | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> AsyncPaginator[T]:
        """A paginator over ``path``; nothing is sent until it is awaited or iterated."""
        options = client.build_options(
            "get",
            path,
            path_params=path_params,
            params=params,
            headers=headers,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )
        return AsyncPaginator(client, options, item)

    @classmethod
    async def _send(
        cls, client: AsyncAPIClient, options: FinalRequestOptions, item: type[T]
    ) -> AsyncCursorPage[T]:
        body = await client.send(options, cast_to=_body_type(item))
        if isinstance(body, APIResponse):  # with_raw_response: `parse()` gives the page
            plain = _without_raw_flag(options)
            page = body.then(lambda raw: cls(raw, client=client, options=plain, item=item))
            return cast(AsyncCursorPage[T], page)
        return cls(body, client=client, options=options, item=item)

    async def get_next_page(self) -> AsyncCursorPage[T]:
        """Fetch the page after this one.

        Raises:
            RuntimeError: there is no next page (see `has_next_page`).
        """
        return await self._send(self._client, self._next_options(), self._item)

    async def iter_pages(self) -> AsyncIterator[AsyncCursorPage[T]]:
        """This page, then each following page, fetched when reached."""
        page = self
        while True:
            yield page
            if not page.has_next_page():
                return
            page = await page.get_next_page()

    async def __aiter__(self) -> AsyncIterator[T]:
        async for page in self.iter_pages():
            for item in page.data:
                yield item


class AsyncPaginator(Generic[T]):
    """The first page of an async list, not yet fetched.

    ``await paginator`` gives the first `AsyncCursorPage`; ``async for item in paginator``
    yields every item of every page.
    """

    def __init__(self, client: AsyncAPIClient, options: FinalRequestOptions, item: type[T]) -> None:
        self._client = client
        self._options = options
        self._item = item

    def __await__(self) -> Generator[Any, None, AsyncCursorPage[T]]:
        return AsyncCursorPage._send(self._client, self._options, self._item).__await__()

    async def __aiter__(self) -> AsyncIterator[T]:
        page = await self
        async for item in page:
            yield item
