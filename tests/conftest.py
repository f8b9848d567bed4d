"""Shared fixtures: the project root, and `../shared` (gold answers and reference specs)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.sdk_runtime.server import FakeServer

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def shared() -> Path:
    """`../shared` beside the project (or $DOCS2SDK_SHARED); tests needing it skip without it."""
    path = Path(os.environ.get("DOCS2SDK_SHARED", ROOT.parent / "shared"))
    if not (path / "gold" / "seeds").is_dir():
        pytest.skip("../shared (gold answers, reference specs) is not beside the project")
    return path


@pytest.fixture
def server() -> Iterator[FakeServer]:
    """A fake API server on 127.0.0.1, stopped after the test."""
    fake = FakeServer()
    fake.start()
    try:
        yield fake
    finally:
        fake.stop()
