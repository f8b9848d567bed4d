"""Formatting generated Python with black (the style the output must keep under `black --check`)."""

from __future__ import annotations

from pathlib import Path

import black
from black.mode import TargetVersion
from black.parsing import InvalidInput

MODE = black.Mode(target_versions={TargetVersion.PY311}, line_length=100)


def format_python(files: dict[Path, str]) -> dict[Path, str]:
    """Every `.py` file black-formatted; other files unchanged. Bad code is a bug: it raises."""
    return {path: _format(path, text) for path, text in files.items()}


def _format(path: Path, text: str) -> str:
    if path.suffix != ".py":
        return text
    try:
        return black.format_str(text, mode=MODE)
    except InvalidInput as exc:
        raise RuntimeError(f"generated {path} is not valid Python: {exc}") from exc
