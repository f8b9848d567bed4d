"""Progress shows on a terminal only."""

from __future__ import annotations

import io

from generator.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_silent_when_not_on_a_terminal() -> None:
    stream = io.StringIO()
    progress = Progress(3, stream)
    for label in ("a", "b", "c"):
        progress.step(label)
    progress.close()
    assert stream.getvalue() == ""


def test_counts_on_a_terminal() -> None:
    stream = Terminal()
    progress = Progress(2, stream)
    progress.step("first")
    progress.step("second")
    assert "0/2 first" in stream.getvalue()
    assert "1/2 second" in stream.getvalue()
