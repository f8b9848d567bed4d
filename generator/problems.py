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
        return f"{self.file}:{self.line}: {self.level.value}: {self.message}"


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
