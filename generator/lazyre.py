"""Module-level regular expressions, compiled when first used rather than at import.

The readers keep their patterns at module level, named and documented where they are read:
about 360 of them. `re`'s compiler is written in Python, and compiling them all took each
process some 30 ms before it read a page (a class over CJK ideographs alone costs 1-2 ms:
the compiler visits each code point of a range). That was a tenth of a `docs2sdk scrape`
of a 200-page folder, which tries about 160 of them; the others serve layouts and
languages its pages do not show.

`compile` returns a stand-in for the pattern. Its first use compiles the pattern and
copies the compiled pattern's methods onto the stand-in as attributes of its own, so that
each later call finds them as directly as on the pattern itself. `pattern` and `flags` are
known without compiling (a pattern built from another's text does not compile it).
"""

from __future__ import annotations

import re
from typing import Any, cast

_COPIED = (
    "match",
    "fullmatch",
    "search",
    "finditer",
    "findall",
    "sub",
    "subn",
    "split",
    "scanner",
    "groups",
    "groupindex",
)
"""What a stand-in takes from its compiled pattern (`pattern` and `flags` it has already)."""


class LazyPattern:
    """A pattern compiled on the first attribute asked of it (see the module's docstring)."""

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self.flags = int(flags if flags & re.ASCII else flags | re.UNICODE)  # as `re` has it
        self._flags = flags

    def __getattr__(self, name: str) -> Any:  # only for attributes not set yet
        if name.startswith("__"):
            raise AttributeError(name)  # copy/pickle probes: not a pattern method
        compiled = re.compile(self.pattern, self._flags)
        for attr in _COPIED:
            setattr(self, attr, getattr(compiled, attr))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazyre.compile({self.pattern!r}, {self._flags})"


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, done at the pattern's first use."""
    return cast(re.Pattern[str], LazyPattern(pattern, flags))


def is_pattern(value: object) -> bool:
    """Whether `value` is a compiled pattern or a stand-in for one."""
    return isinstance(value, re.Pattern | LazyPattern)
