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

from collections.abc import Iterable, Sequence
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
    if _fits(text, indent):
        return text
    depth = len(indent) // len(INDENT)
    if (text, depth) not in _LAID_OUT:
        lay_out_parameters([text], indent=indent)
    return _LAID_OUT.get((text, depth), text)


def lay_out_parameters(texts: Iterable[str], *, indent: str) -> None:
    """Lay out the long ones of `texts` at `indent` for `parameter`, all in one call of
    black (each call costs black's set-up, ~50 ms)."""
    depth = len(indent) // len(INDENT)
    todo = sorted({t for t in texts if not _fits(t, indent) and (t, depth) not in _LAID_OUT})
    if todo:
        laid = _black(todo, depth)
        _LAID_OUT.update(((text, depth), out) for text, out in zip(todo, laid, strict=True))


_LAID_OUT: dict[tuple[str, int], str] = {}
"""Parameter lines black laid out, by text and depth (`parameter` is asked about the same
lines again and again: each method has a sync and an async twin)."""


def _fits(text: str, indent: str) -> bool:
    """Whether the line needs no layout (or cannot be given one: not in a `def` body)."""
    return len(indent) + len(text) <= LINE_LENGTH or not indent or len(indent) % len(INDENT) != 0


def _black(texts: list[str], depth: int) -> list[str]:
    """`texts` laid out by black, each as the one parameter of a `def` at `depth` - 1 (each
    line of an exploded signature is formatted on its own: the result is the same as in
    the whole module). A text black rejects is left as it is."""
    import black  # noqa: PLC0415 - only for long parameters; black imports slowly
    import black.parsing  # noqa: PLC0415

    here, inner = INDENT * (depth - 1), INDENT * depth
    module = [INDENT * level + "class _:" for level in range(depth - 1)]
    for text in texts:
        module += [f"{here}def _(", f"{inner}*,", f"{inner}{text}", f"{here}) -> None:"]
        module += [f"{inner}pass", ""]
    try:
        lines = black.format_str("\n".join(module), mode=black_mode()).split("\n")
    except black.parsing.InvalidInput:
        return texts if len(texts) == 1 else [t for text in texts for t in _black([text], depth)]
    laid, start = [], 0
    for _ in texts:
        start = lines.index(f"{inner}*,", start) + 1
        end = lines.index(f"{here}) -> None:", start)
        laid.append("\n".join(lines[start:end])[len(inner) :])
    return laid


def statement(text: str, *, indent: str) -> str:
    """One line of a body at `indent` (a statement, or a `def ...:` header), black's way: as
    it is when it fits, else as black lays it out (the first line without `indent`)."""
    if len(indent) + len(text) <= LINE_LENGTH or len(indent) % len(INDENT) != 0:
        return text
    key = (text, indent)
    if key not in _STATEMENTS:
        _STATEMENTS[key] = _black_statement(text, len(indent) // len(INDENT))
    return _STATEMENTS[key]


_STATEMENTS: dict[tuple[str, str], str] = {}


def _black_statement(text: str, depth: int) -> str:
    import black  # noqa: PLC0415 - only for long lines; black imports slowly
    import black.parsing  # noqa: PLC0415

    module = [INDENT * level + "def _():" for level in range(depth)]
    module.append(INDENT * depth + text)
    header = text.endswith(":")
    if header:
        module.append(INDENT * (depth + 1) + "pass")
    try:
        lines = black.format_str("\n".join(module) + "\n", mode=black_mode()).split("\n")
    except black.parsing.InvalidInput:
        return text
    body = lines[depth : -2 if header else -1]
    return "\n".join(body)[depth * len(INDENT) :]


def black_mode() -> black.Mode:
    """The style of every generated module (black imported on first use: it is slow to)."""
    import black  # noqa: PLC0415
    from black.mode import TargetVersion  # noqa: PLC0415

    return black.Mode(target_versions={TargetVersion.PY311}, line_length=LINE_LENGTH)
