"""Render the SDK runtime templates into a package `demo_sdk`, and serve fake API responses."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import jinja2
import pytest

from tests.sdk_package import imported

TEMPLATES = Path(__file__).resolve().parents[2] / "templates" / "sdk" / "runtime"
CONTEXT = {"package": "demo_sdk", "title": 'Demo "API" \\ {{ x }}', "error_base": "APIError"}
HEADER = "# File generated from our OpenAPI spec by docs2sdk. See README.md.\n"

INIT = '''\
"""A hand-written package root around the rendered runtime modules, for tests."""

from ._base_client import AsyncAPIClient as AsyncAPIClient
from ._base_client import FinalRequestOptions as FinalRequestOptions
from ._base_client import SyncAPIClient as SyncAPIClient
from ._exceptions import APIConnectionError as APIConnectionError
from ._exceptions import APIError as APIError
from ._exceptions import APIResponseValidationError as APIResponseValidationError
from ._exceptions import APIStatusError as APIStatusError
from ._exceptions import APITimeoutError as APITimeoutError
from ._exceptions import BadRequestError as BadRequestError
from ._exceptions import InternalServerError as InternalServerError
from ._exceptions import NotFoundError as NotFoundError
from ._exceptions import RateLimitError as RateLimitError
from ._models import BaseModel as BaseModel
from ._types import NOT_GIVEN as NOT_GIVEN
from ._types import NotGiven as NotGiven
from ._types import Omit as Omit
from .pagination import AsyncCursorPage as AsyncCursorPage
from .pagination import SyncCursorPage as SyncCursorPage
'''


def render_runtime(target: Path) -> Path:
    """Render every runtime template into ``target/demo_sdk``; return the package folder."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters["pystr"] = repr
    package = target / "demo_sdk"
    package.mkdir(parents=True)
    for name in env.list_templates(extensions=["jinja"]):
        output = package / name.removesuffix(".jinja")
        output.write_text(env.get_template(name).render(CONTEXT), encoding="utf-8")
    (package / "__init__.py").write_text(INIT, encoding="utf-8")
    (package / "py.typed").write_text("", encoding="utf-8")
    return package


@pytest.fixture(scope="session")
def sdk_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render_runtime(tmp_path_factory.mktemp("sdk"))


@pytest.fixture(scope="session")
def sdk(sdk_dir: Path) -> Iterator[ModuleType]:
    with imported(sdk_dir.parent, "demo_sdk") as package:
        yield package


@pytest.fixture(scope="module")
def item_type(sdk: ModuleType) -> type[Any]:
    """A small model on the rendered SDK's `BaseModel`, for responses to parse into."""

    class Item(sdk.BaseModel):  # type: ignore[name-defined,misc]
        id: str
        name: str | None = None

    return Item


@pytest.fixture
def sleeps() -> list[float]:
    """Where a client whose `sleep` is `sleeps.append` records its retry waits."""
    return []
