"""Formatting generated Python in black's style, fast.

black defines the style: every generated file must be left unchanged by `black --check`
(the tests verify this on the seed SDKs and on the SDK of the full official spec). Getting
there with black alone costs ~40 s on the full spec, so:

- templates emit black-stable code (exploded calls with trailing commas, double-quoted
  literals from `names.pystr`, clean docstrings), and are passed through as they are;
- a rendered file with a line black would split (over 100 columns outside a docstring)
  is formatted by black itself;
- the models module from datamodel-code-generator is formatted by `ruff format`, whose
  output for that kind of code (classes, annotated fields, docstrings) is black's, in a
  fraction of the time; without a ruff binary, black formats it.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

import black
from black.mode import TargetVersion
from black.parsing import InvalidInput

if TYPE_CHECKING:
    from generator.cache import Cache

LINE_LENGTH = 100
MODE = black.Mode(target_versions={TargetVersion.PY311}, line_length=LINE_LENGTH)


def format_python(
    files: dict[Path, str], *, bulk: frozenset[Path] = frozenset(), cache: Cache | None = None
) -> dict[Path, str]:
    """Every `.py` file in black's style; `bulk` files (machine-made, large) go to ruff.

    With a `cache`, a text black already formatted is not formatted again.
    """
    out: dict[Path, str] = {}
    for path, text in files.items():
        if path.suffix != ".py":
            out[path] = text
        elif path in bulk:
            out[path] = ruff_format(text) or black_format(path, text)
        elif needs_black(text):
            out[path] = _cached_black(path, text, cache)
        else:
            out[path] = _compiles(path, text.rstrip("\n") + "\n")
    return out


def _compiles(path: Path, text: str) -> str:
    """`text`, checked to be valid Python (black and ruff check what they format; what
    skips them is checked here: invalid generated code is a bug, never output)."""
    try:
        compile(text, str(path), "exec", dont_inherit=True)
    except (SyntaxError, ValueError) as exc:
        raise RuntimeError(f"generated {path} is not valid Python: {exc}") from exc
    return text


def _cached_black(path: Path, text: str, cache: Cache | None) -> str:
    key = cache.key("black", text) if cache is not None else ""
    found = cache.load("black", key) if cache is not None else None
    if isinstance(found, str):
        return found
    formatted = black_format(path, text)
    if cache is not None:
        cache.store("black", key, formatted)
    return formatted


def black_format(path: Path, text: str) -> str:
    try:
        return black.format_str(text, mode=MODE)
    except InvalidInput as exc:
        raise RuntimeError(f"generated {path} is not valid Python: {exc}") from exc


def ruff_format(text: str) -> str | None:
    """`ruff format` of one module, or None when no ruff binary is at hand."""
    binary = _ruff_binary()
    if binary is None:
        return None
    done = subprocess.run(
        [
            binary,
            "format",
            "--isolated",
            f"--line-length={LINE_LENGTH}",
            "--target-version=py311",
            "--stdin-filename=_models.py",
            "-",
        ],
        input=text,
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout if done.returncode == 0 else None


def _ruff_binary() -> str | None:
    try:
        from ruff.__main__ import find_ruff_bin  # noqa: PLC0415 - optional, found at run time
    except ImportError:
        return None
    try:
        return str(find_ruff_bin())
    except FileNotFoundError:
        return None


def needs_black(text: str) -> bool:
    """Whether a line outside triple-quoted strings is longer than black allows."""
    in_docstring = False
    for line in text.split("\n"):
        quotes = line.count('"""')
        if not in_docstring and not quotes and len(line) > LINE_LENGTH:
            return True
        if quotes % 2 == 1:
            in_docstring = not in_docstring
    return False
