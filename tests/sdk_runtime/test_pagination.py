"""Cursor pages against a real local HTTP server: lazy iteration over three pages."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

from tests.sdk_runtime.server import FakeServer, Reply

PAGES: dict[str | None, dict[str, object]] = {
    None: {
        "object": "list",
        "data": [{"id": "a"}, {"id": "b"}],
        "first_id": "a",
        "last_id": "b",
        "has_more": True,
    },
    # No last_id: the cursor falls back to the id of the last item.
    "b": {"object": "list", "data": [{"id": "c"}, {"id": "d", "x": 1}], "has_more": True},
    "d": {"object": "list", "data": [{"id": "e"}], "last_id": "e", "has_more": False},
}


def _page(query: dict[str, list[str]]) -> Reply:
    after = query.get("after", [None])[0]
    return Reply(200, PAGES[after]) if after in PAGES else Reply(400, {"error": after})


@pytest.fixture(scope="module")
def item_type(sdk: ModuleType) -> type[Any]:
    class Item(sdk.BaseModel):  # type: ignore[name-defined,misc]
        id: str

    return Item


@pytest.fixture
def client(sdk: ModuleType, server: FakeServer) -> Iterator[Any]:
    server.on_query("/v1/items", _page)
    with sdk.SyncAPIClient(base_url=server.url, max_retries=0) as api:
        yield api


def afters(server: FakeServer) -> list[str | None]:
    return [request.query.get("after", [None])[0] for request in server.requests]


def test_iterating_fetches_every_page_lazily(
    sdk: ModuleType, client: Any, server: FakeServer, item_type: type[Any]
) -> None:
    page = sdk.SyncCursorPage.fetch(
        client, "/items", item=item_type, params={"limit": 2, "after": sdk.NOT_GIVEN}
    )
    assert afters(server) == [None]

    first_two = list(itertools.islice(page, 2))
    assert [item.id for item in first_two] == ["a", "b"]
    assert afters(server) == [None]

    items = list(page)
    assert [item.id for item in items] == ["a", "b", "c", "d", "e"]
    assert all(isinstance(item, item_type) for item in items)
    assert items[3].x == 1
    assert afters(server) == [None, "b", "d"]
    assert all(request.query["limit"] == ["2"] for request in server.requests)


def test_page_by_page_access(
    sdk: ModuleType, client: Any, server: FakeServer, item_type: type[Any]
) -> None:
    page = sdk.SyncCursorPage.fetch(client, "/items", item=item_type)

    assert (page.has_more, page.first_id, page.last_id) == (True, "a", "b")
    assert page.next_page_params() == {"after": "b"}
    second = page.get_next_page()
    assert second.next_page_params() == {"after": "d"}
    pages = list(page.iter_pages())
    assert [len(p.data) for p in pages] == [2, 2, 1]
    last = pages[-1]
    assert not last.has_next_page()
    with pytest.raises(RuntimeError, match="No next page"):
        last.get_next_page()
    assert "SyncCursorPage(data=<1 items>" in repr(last)


def test_a_server_repeating_its_cursor_does_not_loop(
    sdk: ModuleType, server: FakeServer, item_type: type[Any]
) -> None:
    server.on("/v1/loop", Reply(200, {"data": [{"id": "z"}], "has_more": True, "last_id": "z"}))
    with sdk.SyncAPIClient(base_url=server.url) as api:
        items = list(sdk.SyncCursorPage.fetch(api, "/loop", item=item_type))
    assert [item.id for item in items] == ["z", "z"]
    assert len(server.requests) == 2


def test_async_iteration_across_three_pages(
    sdk: ModuleType, server: FakeServer, item_type: type[Any]
) -> None:
    server.on_query("/v1/items", _page)

    async def scenario() -> tuple[list[str], list[int], int]:
        async with sdk.AsyncAPIClient(base_url=server.url, max_retries=0) as api:
            paginator = sdk.AsyncCursorPage.fetch(api, "/items", item=item_type)
            assert server.requests == []
            ids = [item.id async for item in paginator]
            first = await sdk.AsyncCursorPage.fetch(api, "/items", item=item_type)
            sizes = [len(page.data) async for page in first.iter_pages()]
            last = await (await first.get_next_page()).get_next_page()
            with pytest.raises(RuntimeError):
                await last.get_next_page()
            items = [item async for item in first]
        return ids, sizes, len(items)

    ids, sizes, count = asyncio.run(scenario())
    assert ids == ["a", "b", "c", "d", "e"]
    assert sizes == [2, 2, 1]
    assert count == 5
    assert afters(server)[:3] == [None, "b", "d"]
