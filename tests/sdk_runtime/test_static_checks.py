"""The rendered runtime is clean: header, black, ruff, mypy --strict (with typed usage)."""

from __future__ import annotations

import importlib
import inspect
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.sdk_runtime.conftest import HEADER, TEMPLATES, render_runtime

RUFF_RULES = "E,F,W,I,UP,B,PL,RUF,C90,SIM"

# Typed use of the runtime as the generated resources will use it; mypy checks the types.
USAGE = '''\
"""Typed usage of the runtime, checked by mypy --strict."""

from typing import assert_type

from demo_sdk import NOT_GIVEN, AsyncAPIClient, BaseModel, NotGiven, SyncAPIClient
from demo_sdk.pagination import AsyncCursorPage, AsyncPaginator, SyncCursorPage


class Item(BaseModel):
    id: str


def retrieve(client: SyncAPIClient, item_id: str) -> Item:
    path = "/items/{item_id}"
    return client.request("get", path, path_params={"item_id": item_id}, cast_to=Item)


def search(client: SyncAPIClient, limit: int | NotGiven = NOT_GIVEN) -> dict[str, object]:
    return client.request("get", "/search", params={"limit": limit}, cast_to=dict)


def delete(client: SyncAPIClient) -> None:
    return client.request("delete", "/items", cast_to=type(None))


def listing(client: SyncAPIClient) -> SyncCursorPage[Item]:
    page = SyncCursorPage.fetch(client, "/items", item=Item, params={"limit": NOT_GIVEN})
    assert_type(page, SyncCursorPage[Item])
    for item in page:
        assert_type(item, Item)
    return page


def async_listing(client: AsyncAPIClient) -> AsyncPaginator[Item]:
    return AsyncCursorPage.fetch(client, "/items", item=Item)


async def use(client: AsyncAPIClient) -> None:
    page = await async_listing(client)
    assert_type(page, AsyncCursorPage[Item])
    async for item in async_listing(client):
        assert_type(item, Item)
    assert_type(await client.request("get", "/x", cast_to=Item), Item)
'''


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    package = render_runtime(tmp_path_factory.mktemp("checked"))
    (package.parent / "usage.py").write_text(USAGE, encoding="utf-8")
    return package


def tool(name: str) -> str:
    path = Path(sys.executable).parent / name
    if not path.exists():
        found = shutil.which(name)
        if found is None:
            pytest.skip(f"{name} is not installed")
        return found
    return str(path)


def run(args: list[str], cwd: Path) -> None:
    result = subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_template_is_named_after_its_output_and_starts_with_the_header(
    rendered: Path,
) -> None:
    names = sorted(path.name for path in TEMPLATES.glob("*.jinja"))
    assert names == [
        "_base_client.py.jinja",
        "_exceptions.py.jinja",
        "_files.py.jinja",
        "_models.py.jinja",
        "_request.py.jinja",
        "_response.py.jinja",
        "_streaming.py.jinja",
        "_timing.py.jinja",
        "_types.py.jinja",
        "pagination.py.jinja",
    ]
    for name in names:
        text = (rendered / name.removesuffix(".jinja")).read_text(encoding="utf-8")
        assert text.startswith(HEADER)
        assert "{{" not in text.replace("{{ error_base }}", "")


def test_black_leaves_the_output_unchanged(rendered: Path) -> None:
    black = tool("black")
    run([black, "--check", "--diff", "-l", "100", "-t", "py311", "demo_sdk"], rendered.parent)


def test_ruff_finds_nothing(rendered: Path) -> None:
    ruff = tool("ruff")
    common = [ruff, "check", "--isolated", "--line-length", "100", "--target-version", "py311"]
    run([*common, "demo_sdk"], rendered.parent)
    run([*common, "--select", RUFF_RULES, "--ignore", "PLR0913", "demo_sdk"], rendered.parent)


def test_mypy_strict_passes(rendered: Path, pytestconfig: pytest.Config) -> None:
    found = getattr(pytestconfig, "cache", None)  # None under `-p no:cacheprovider`
    cache = found.mkdir("sdk_runtime_mypy") if found is not None else None
    args = [sys.executable, "-m", "mypy", "--strict", "--no-error-summary"]
    args += ["--python-version", "3.11", "--config-file", ""]
    if cache is not None:
        args += ["--cache-dir", str(cache)]
    run([*args, "demo_sdk", "usage.py"], rendered.parent)


@pytest.mark.parametrize(
    "module",
    [
        "_types",
        "_exceptions",
        "_models",
        "_timing",
        "_streaming",
        "_response",
        "_request",
        "_base_client",
        "pagination",
    ],
)
def test_all_lists_exactly_the_public_classes_and_functions(sdk: ModuleType, module: str) -> None:
    mod = importlib.import_module(f"demo_sdk.{module}")
    defined = {
        name
        for name, value in vars(mod).items()
        if not name.startswith("_")
        and (inspect.isclass(value) or inspect.isfunction(value))
        and value.__module__ == mod.__name__
    }
    assert defined <= set(mod.__all__)
    assert all(hasattr(mod, name) for name in mod.__all__)


def test_the_error_tree(sdk: ModuleType) -> None:
    errors = importlib.import_module("demo_sdk._exceptions")
    assert issubclass(errors.APIStatusError, errors.APIError)
    assert issubclass(errors.APITimeoutError, errors.APIConnectionError)
    assert issubclass(errors.APIResponseValidationError, errors.APIError)
    for name in ["BadRequestError", "ConflictError", "InternalServerError", "RateLimitError"]:
        assert issubclass(getattr(errors, name), errors.APIStatusError)
    assert errors.APIError.__mro__[1] is Exception
