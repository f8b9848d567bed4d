"""Lines of generated code laid out as black lays them out, so no rendered file needs black.

A line that fits in `LINE_LENGTH` columns is written as it is. A longer one is exploded the
way black explodes it:

- `from m import a, b` -> one name a line in parentheses, with a trailing comma (black
  always explodes an import that way);
- `__all__ = ["a", "b"]` -> one item a line, with a trailing comma (black explodes a list
  literal that way);
- a parameter of a `def` (`name: annotation = default,`) -> as black formats that one line
  at that depth, asked of black itself on a five-line module (black formats each parameter
  line of an exploded signature on its own, so the answer is the same as for the whole
  file, at a thousandth of the cost). Black's rules for long annotations (optional
  parentheses, splits at `|` and at brackets) are too many to copy faithfully.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import black

LINE_LENGTH = 100
INDENT = "    "


def import_from(module: str, names: Sequence[str], *, indent: str = "") -> str:
    """`from module import names` (names such as `A` or `A as A`), black's way."""
    line = f"from {module} import {', '.join(names)}"
    if len(indent) + len(line) <= LINE_LENGTH:
        return line
    items = "".join(f"{indent}{INDENT}{name},\n" for name in names)
    return f"from {module} import (\n{items}{indent})"


def names_list(target: str, names: Sequence[str], *, indent: str = "") -> str:
    """`target = ["a", "b"]` (names as double-quoted literals), black's way. The names are
    identifiers: their literals need no escaping."""
    quoted = [f'"{name}"' for name in names]
    line = f"{target} = [{', '.join(quoted)}]"
    if len(indent) + len(line) <= LINE_LENGTH or len(names) < 2:
        return line
    items = "".join(f"{indent}{INDENT}{item},\n" for item in quoted)
    return f"{target} = [\n{items}{indent}]"


def parameter(text: str, *, indent: str) -> str:
    """One parameter line of an exploded `def` (`name: annotation = default,`, ending with a
    comma), at `indent`, black's way: the first line without `indent`, the others with it."""
    if len(indent) + len(text) <= LINE_LENGTH or not indent or len(indent) % len(INDENT):
        return text
    return _black_parameter(text, len(indent) // len(INDENT))


@lru_cache(maxsize=1024)
def _black_parameter(text: str, depth: int) -> str:
    import black  # noqa: PLC0415 - only for the rare long parameter; black imports slowly
    import black.parsing  # noqa: PLC0415

    outer = [INDENT * level + "class _:" for level in range(depth - 1)]
    here = INDENT * (depth - 1)
    inner = INDENT * depth
    module = [*outer, f"{here}def _(", f"{inner}*,", f"{inner}{text}", f"{here}) -> None:"]
    module.append(f"{inner}pass")
    try:
        lines = black.format_str("\n".join(module) + "\n", mode=black_mode()).split("\n")
        start, end = lines.index(f"{inner}*,") + 1, lines.index(f"{here}) -> None:")
    except (black.parsing.InvalidInput, ValueError):
        return text  # left long: `formatting.needs_black` sends the file to black, which fails
    return "\n".join(lines[start:end])[len(inner) :]


def black_mode() -> black.Mode:
    """The style of every generated module (black imported on first use: it is slow to)."""
    import black  # noqa: PLC0415
    from black.mode import TargetVersion  # noqa: PLC0415

    return black.Mode(target_versions={TargetVersion.PY311}, line_length=LINE_LENGTH)
