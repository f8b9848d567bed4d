"""Problems found in doc pages: data, reported with file and line, never exceptions.

A page that cannot be read or understood yields a `Problem`; the rest of the build goes on.
Bugs in docs2sdk itself and I/O failures on the output side are exceptions.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Level(enum.Enum):
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True, order=True)
class Problem:
    """One finding about one place in one input file (`line` is 1-based, 0 when unknown)."""

    file: str
    line: int
    level: Level
    message: str

    def __str__(self) -> str:
        """One line, whatever the file name or the page text in the message holds."""
        return f"{printable(self.file)}:{self.line}: {self.level.value}: {printable(self.message)}"


def printable(text: str) -> str:
    """`text` on one line: line breaks and other control characters escaped (`\\n`), lone
    surrogates (undecodable bytes of a file name) as U+FFFD. Page text and file names are
    untrusted: a newline in either must not forge a problem line of its own."""
    if text.isprintable():
        return text
    out = []
    for ch in text:
        if "\ud800" <= ch <= "\udfff":
            out.append("\ufffd")
        elif ch.isprintable() or ch == " ":
            out.append(ch)
        else:
            out.append(ch.encode("unicode_escape").decode("ascii"))
    return "".join(out)


@dataclass
class Problems:
    """A collector passed explicitly through the stages that can find problems."""

    items: list[Problem] = field(default_factory=list)

    def warn(self, file: str, line: int, message: str) -> None:
        self.items.append(Problem(file, line, Level.WARNING, message))

    def error(self, file: str, line: int, message: str) -> None:
        self.items.append(Problem(file, line, Level.ERROR, message))

    def extend(self, other: Problems) -> None:
        self.items.extend(other.items)

    def __bool__(self) -> bool:
        return bool(self.items)

    def sorted(self) -> list[Problem]:
        return sorted(set(self.items))
