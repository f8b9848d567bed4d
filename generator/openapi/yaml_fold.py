"""Scalars past ruamel.yaml's width: its writers ported, folding where it folds (for
`yaml_emit`).

ruamel folds a scalar only past column 4096 (`yaml_scalar.WIDTH`), so few scalars come here:
long descriptions, and single-quoted ones with raw line separators (U+2028, U+2029), whose
continuation lines depend on the indent. Apart from `yaml_scalar`, which says how a scalar
looks when it does not fold.
"""

from __future__ import annotations

from generator.openapi.yaml_scalar import ESCAPED, WIDTH, escape_char

_BREAKS = "\n\x85\u2028\u2029"


def long_scalar(rendered: str, text: str, column: int, indent: int, whitespace: bool) -> str:
    """A value scalar written from `column` as ruamel writes it, folding where it folds.

    `rendered`: `render`'s answer (it says the style); `indent`: the continuation lines'
    indent; `whitespace`: the scalar starts a line's content (after `- `), else it follows
    `key:` and begins with a space.
    """
    writer = _Writer(column, indent, whitespace)
    if rendered.startswith('"'):
        writer.double(text)
    elif not rendered or rendered.startswith("'"):
        writer.single(text)
    else:
        writer.plain(text)
    return "".join(writer.out)


class _Writer:
    """ruamel's `Emitter.write_plain`, `write_single_quoted` and `write_double_quoted` for a
    block value (lines may split), with the state they read: column, flags, indent."""

    __slots__ = ("column", "indent", "indention", "out", "whitespace")

    def __init__(self, column: int, indent: int, whitespace: bool) -> None:
        self.out: list[str] = []
        self.column = column
        self.indent = indent
        self.whitespace = whitespace
        self.indention = False

    def write(self, data: str) -> None:
        self.out.append(data)
        self.column += len(data)

    def indicator(self, indicator: str, need_whitespace: bool) -> None:
        self.write(indicator if self.whitespace or not need_whitespace else " " + indicator)
        self.whitespace = self.indention = False

    def line_break(self, data: str = "\n") -> None:
        self.out.append(data)
        self.column = 0
        self.whitespace = self.indention = True

    def write_indent(self) -> None:
        indent = self.indent
        column = self.column
        if not self.indention or column > indent or (column == indent and not self.whitespace):
            self.line_break()
        if self.column < indent:
            self.whitespace = True
            self.write(" " * (indent - self.column))

    def plain(self, text: str) -> None:
        """Plain text (never with line breaks): folded at single spaces past the width;
        a word that would cross it moves to a line of its own."""
        if not self.whitespace:
            self.write(" ")
        self.whitespace = self.indention = False
        spaces = False
        start = 0
        for end in range(len(text) + 1):
            char = text[end] if end < len(text) else None
            if spaces:
                if char != " ":
                    if start + 1 == end and self.column >= WIDTH:
                        self.write_indent()
                        self.whitespace = self.indention = False
                    else:
                        self.write(text[start:end])
                    start = end
            elif char is None or char == " ":
                data = text[start:end]
                if len(data) + self.column > WIDTH and self.column > self.indent:
                    self.write_indent()
                self.write(data)
                start = end
            spaces = char == " "

    def single(self, text: str) -> None:
        """Single-quoted text (never with `'` or a line feed): folded at single spaces past
        the width; U+0085, U+2028 and U+2029 written raw, each ending a line."""
        self.indicator("'", True)
        spaces = breaks = False
        start = 0
        size = len(text)
        for end in range(size + 1):
            char = text[end] if end < size else None
            if spaces:
                if char != " ":
                    if 0 != start == end - 1 and self.column > WIDTH and end != size:
                        self.write_indent()
                    else:
                        self.write(text[start:end])
                    start = end
            elif breaks:
                if char is None or char not in _BREAKS:
                    for line_break in text[start:end]:
                        self.line_break(line_break)
                    self.write_indent()
                    start = end
            elif (char is None or char in " \x85\u2028\u2029") and start < end:
                self.write(text[start:end])
                start = end
            spaces = char == " "
            breaks = char is not None and char in _BREAKS
        self.indicator("'", False)

    def double(self, text: str) -> None:
        """Double-quoted text, escaped; folded past the width (with `\\` where needed)."""
        self.indicator('"', True)
        start = 0
        size = len(text)
        for end in range(size + 1):
            char = text[end] if end < size else None
            if char is None or ESCAPED.match(char):
                if start < end:
                    self.write(text[start:end])
                    start = end
                if char is not None:
                    self.write(escape_char(char))
                    start = end + 1
            if (
                0 < end < size - 1
                and (char == " " or start >= end)
                and self.column + (end - start) > WIDTH
            ):
                start = self._fold(text, start, end)
        self.indicator('"', False)

    def _fold(self, text: str, start: int, end: int) -> int:
        backslash = _needs_backslash(text, start, end)
        self.write(text[start:end] + ("\\" if backslash else ""))
        start = max(start, end)
        self.write_indent()
        self.whitespace = self.indention = False
        if text[start] == " ":
            if backslash:
                self.write("\\")
            else:
                start += 1  # the line break reads back as this space
        return start


def _needs_backslash(text: str, start: int, end: int) -> bool:
    """Whether ruamel ends a folded double-quoted line with `\\` (its SO 75634614 rule)."""
    try:
        space = text.index(" ", end)
        space = text.find("\n", end, space) if "\n" in text[end:space] else space
        if text[space] == "\n" and text[space + 1] != " ":
            return True
        return not (
            '"' not in text[end:space]
            and "'" not in text[end:space]
            and text[space + 1] not in " \n"
            and text[end - 1 : end + 1] != "  "
            and start != end
        )
    except (ValueError, IndexError):
        return True
