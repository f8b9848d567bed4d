"""Progress of long runs: one updating line on a terminal, nothing when not on one."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import TextIO


@dataclass
class Progress:
    total: int
    stream: TextIO = field(default_factory=lambda: sys.stderr)
    done: int = 0

    @property
    def active(self) -> bool:
        return self.total > 1 and self.stream.isatty()

    def step(self, label: str) -> None:
        """Show that work on `label` starts (the bar counts what is finished)."""
        if not self.active:
            return
        width = 24
        filled = width * self.done // self.total
        bar = "#" * filled + "-" * (width - filled)
        self.stream.write(f"\r[{bar}] {self.done}/{self.total} {label[:40]:<40}")
        self.stream.flush()
        self.done += 1

    def close(self) -> None:
        if self.active:
            self.stream.write("\r" + " " * 80 + "\r")
            self.stream.flush()
