"""A generated SDK written to a folder and imported for a test, then forgotten again."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

from generator.render import generate


def write_sdk(spec: dict[str, Any], package: str, folder: Path) -> Path:
    """Every file `generate` makes for `spec`, written below `folder` (returned)."""
    for path, text in generate(spec, package=package).items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(text, encoding="utf-8")
    return folder


@contextmanager
def imported(folder: Path, package: str) -> Iterator[ModuleType]:
    """`package` imported from `folder`; afterwards it and its modules are unloaded."""
    sys.path.insert(0, str(folder))
    try:
        yield importlib.import_module(package)
    finally:
        sys.path.remove(str(folder))
        for name in [n for n in sys.modules if n.split(".")[0] == package]:
            del sys.modules[name]
