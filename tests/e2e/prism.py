"""Start Prism (npm `@stoplight/prism-cli`, installed by `npm ci`) on 127.0.0.1 for one spec."""

from __future__ import annotations

import os
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import httpx
import pytest

from tests.conftest import ROOT

PRISM = ROOT / "node_modules" / ".bin" / "prism"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def prism(spec: Path, *, timeout: float = 120.0) -> Iterator[str]:
    """A Prism mock server for `spec`; yields its base URL; the server stops on exit."""
    if not PRISM.exists():
        if os.environ.get("CI"):
            pytest.fail("Prism is not installed: run `npm ci` (CI must)")
        pytest.skip("Prism is not installed (npm ci)")
    port = _free_port()
    with tempfile.TemporaryFile("w+") as log:
        process = subprocess.Popen(
            [str(PRISM), "mock", "-h", "127.0.0.1", "-p", str(port), "--errors", str(spec)],
            stdout=log,
            stderr=subprocess.STDOUT,
            text=True,
        )
        try:
            _wait(f"http://127.0.0.1:{port}", process, log, timeout)
            yield f"http://127.0.0.1:{port}"
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _wait(url: str, process: subprocess.Popen[str], log: IO[str], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            pytest.fail(f"Prism exited early:\n{log.read()[-3000:]}")
        try:
            httpx.get(url, timeout=1.0)
            return
        except httpx.TransportError:
            time.sleep(0.5)
    pytest.fail(f"Prism did not answer within {timeout:.0f} s")
