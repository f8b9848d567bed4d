"""SDKs generated from *scraped* pages, driven against Prism serving the *official* spec.

Prism rejects (422) any request that violates the official spec, so a passing call proves
the scraped contract (path, method, parameters, body, auth, headers) is the real one.
"""

from __future__ import annotations

import asyncio
import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import ROOT
from tests.e2e.prism import prism

pytestmark = pytest.mark.slow


def _sdk(api: str, package: str) -> ModuleType:
    sys.dont_write_bytecode = True  # generated/ must hold only what build writes
    folder = str(ROOT / "generated" / api)
    if folder not in sys.path:
        sys.path.insert(0, folder)
    return importlib.import_module(package)


@pytest.fixture(scope="module")
def v2_server(shared: Path) -> Iterator[str]:
    with prism(shared / "reference" / "openai-openapi.latest.yaml") as url:
        yield url


@pytest.fixture(scope="module")
def v1_server(shared: Path) -> Iterator[str]:
    with prism(shared / "reference" / "openai-openapi.assistants-v1.yaml") as url:
        yield url


def test_v2_list_create_retrieve(v2_server: str) -> None:
    sdk = _sdk("openai-assistants-v2", "openai_assistants_v2")
    with sdk.Client(api_key="sk-test", base_url=v2_server, max_retries=0) as client:
        page = client.assistants.list(limit=2, order="desc")
        pages = list(page.iter_pages())
        items = list(page)
        assert pages and items and all(item.object == "assistant" for item in items)
        created = client.assistants.create(model="gpt-4o", name="Math Tutor", temperature=1)
        assert isinstance(created, sdk.types.Assistant)
        fetched = client.assistants.retrieve("asst_abc123")
        assert isinstance(fetched, sdk.types.Assistant)


def test_v2_async_client(v2_server: str) -> None:
    sdk = _sdk("openai-assistants-v2", "openai_assistants_v2")

    async def run() -> int:
        async with sdk.AsyncClient(api_key="sk-test", base_url=v2_server) as client:
            items = [item async for item in client.assistants.list(limit=2)]
            await client.assistants.retrieve("asst_abc123")
            return len(items)

    assert asyncio.run(run()) >= 1


def test_v1_list_create_retrieve(v1_server: str) -> None:
    sdk = _sdk("openai-assistants-v1", "openai_assistants_v1")
    with sdk.Client(api_key="sk-test", base_url=v1_server, max_retries=0) as client:
        listed = client.assistants.list(order="desc", limit="20")
        assert listed.object == "list"
        created = client.assistants.create(
            instructions="You are a personal math tutor.",
            name="Math Tutor",
            tools=[{"type": "code_interpreter"}],
            model="gpt-4-turbo",
        )
        assert created.object == "assistant"
        assert client.assistants.retrieve("asst_abc123").id


def test_prism_rejects_what_the_official_spec_forbids(v2_server: str) -> None:
    sdk = _sdk("openai-assistants-v2", "openai_assistants_v2")
    with sdk.Client(api_key="sk-test", base_url=v2_server, max_retries=0) as client:
        with pytest.raises(sdk.APIStatusError) as raised:
            client.assistants.create(model="gpt-4o", extra_body={"temperature": "hot"})
        assert raised.value.status_code in (400, 422)
