"""Formatting generated Python in black's style, fast.

black defines the style: every generated file must be left unchanged by `black --check`
(the tests verify this on the seed SDKs and on the SDK of the full official spec). Getting
there with black alone costs ~40 s on the full spec, so:

- templates emit black-stable code (exploded calls with trailing commas, double-quoted
  literals from `names.pystr`, clean docstrings, long imports, lists and parameters laid
  out by `layout` as black lays them out), and are passed through as they are;
- a rendered file with a line black would split (over 100 columns outside a docstring)
  is formatted by black itself: the safety net for template overrides (none of the
  reference specs needs it);
- the models module from datamodel-code-generator is formatted by `ruff format`, whose
  output for that kind of code (classes, annotated fields, docstrings) is black's, in a
  fraction of the time; without a ruff binary, black formats it.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

from generator import lazyre
from generator.render.layout import LINE_LENGTH, black_mode

if TYPE_CHECKING:
    from generator.cache import Cache


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
    import black  # noqa: PLC0415 - imported only when a file needs it (~0.2 s)
    from black.parsing import InvalidInput  # noqa: PLC0415

    try:
        return black.format_str(text, mode=black_mode())
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


_UNSPLITTABLE = lazyre.compile(r' *(?:[A-Za-z_]\w*(?: as [A-Za-z_]\w*)?|"[A-Za-z_]\w*"),')
"""An item line of an exploded import (`Name as Name,`) or of a list of names (`"Name",`):
black cannot split it further."""


def needs_black(text: str) -> bool:
    """Whether a line outside triple-quoted strings is longer than black allows and is one
    black could split."""
    in_docstring = False
    for line in text.split("\n"):
        quotes = line.count('"""')
        too_long = len(line) > LINE_LENGTH and not _UNSPLITTABLE.fullmatch(line)
        if not in_docstring and not quotes and too_long:
            return True
        if quotes % 2 == 1:
            in_docstring = not in_docstring
    return False
