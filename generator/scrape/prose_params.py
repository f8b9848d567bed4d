"""Parameters a page names only in its prose: `the cursor query parameter`, `the properties
object body param`, `the OData $select query parameter` (OData's system query options keep
their `$`); read for an operation that lists no fields at all."""

from __future__ import annotations

import re
from functools import lru_cache

from generator import lazyre

_NAMED_PARAM = lazyre.compile(
    r"\bthe\W{0,2}\s+(?:OData\s+)?`?(\$?[a-z_][a-z0-9_]*)`?\W{0,2}\s+"
    r"(?:(object|string|integer|number|boolean|array)\s+)?(body|query|path)\s+param(?:eter)?s?\b",
    re.ASCII,
)
_NOT_NAMES = frozenset({"request", "same", "following", "other", "given", "new", "whole", "each"})


@lru_cache(maxsize=4096)
def named_params(text: str) -> tuple[tuple[str, str, str | None], ...]:
    """Parameters prose names (`the properties object body param`, `the cursor query
    parameter`): (name, location, type or None), in order, each once."""
    if "param" not in text:
        return ()
    found: dict[str, tuple[str, str, str | None]] = {}
    for match in _NAMED_PARAM.finditer(text):
        name, kind, location = match.groups()
        if name in _NOT_NAMES:
            continue
        if name not in found or (kind and found[name][2] is None):
            found[name] = (name, location, kind)
    return tuple(found.values())
