"""Field records that keep only the name: a name line, then the description lines, if any.

    filter[item_id]                        account_id
    Filter by item ID                      action
    filter[created_at][op]                 actor_id
    Filter by date, with an operator       inserted_at
    Allowed values:
    page
    Page number

A text render that drops every type and flag (Fern, with its type badges stripped) leaves
a list of names, each with its description under it or none at all. A name line is one
identifier token that reads as a field's name (`snake_case`, `camelCase`, `kebab-case`,
`a[b]`, `a.b`, or a lowercase word), never a type or flag word; any other line is
description. After a label (`Allowed values:`) a run of names lists the label's values:
only the last of the run, the one with a description under it, is a field.

`bare_name_fields` is the last resort of a section no other layout reads, and finds
nothing unless the section shows at least `_ENOUGH` names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from generator import lazyre
from generator.model import Line, line_text
from generator.scrape.blocks import is_modifier
from generator.scrape.examples import SAMPLE_LANGUAGES
from generator.scrape.fields import Field
from generator.scrape.types import parse_type

_IDENTIFIER = lazyre.compile(
    r"^(?:[a-z][a-z0-9]*(?:[_.\-][A-Za-z0-9]+|[A-Z][a-z0-9]*)*(?:\[[\w.\-]+\])*"
    r"|_[A-Za-z0-9_]+|[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+)$",
    re.ASCII,
)
"""A field's name: starts lowercase (`page`, `page_size`, `actorId`, `per-page`,
`filter[a][b]`), or holds an underscore (`_links`, `Item_ID`). A capitalized single word
(`Pagination`) is a description."""
_NOT_NAMES = frozenset(
    {"true", "false", "null", "none", "nil", "undefined", "example", "examples", "response"}
    | set(SAMPLE_LANGUAGES)
    | {"sh", "xml", "yaml", "plaintext", "python", "node", "typescript", "ts", "go", "golang"}
    | {"java", "ruby", "php", "csharp", "c", "cpp", "kotlin", "swift", "rust", "dart", "powershell"}
)
"""Values, labels and the language tabs of code samples (`cURL`, `bash`), not names."""
_ENOUGH = 2
"""Names a section must show to be read as this layout."""


@lru_cache(maxsize=8192)
def _is_bare_name(text: str) -> bool:
    text = text.strip()
    if not _IDENTIFIER.match(text) or text.lower() in _NOT_NAMES:
        return False
    return not is_modifier(text) and parse_type(text) is None


def bare_name_fields(lines: Sequence[Line]) -> list[Field]:
    """The name-only records of `lines` (empty: fewer than `_ENOUGH` names)."""
    names = list(map(_is_bare_name, map(line_text, lines)))
    if sum(names) < _ENOUGH:
        return []
    fields: list[Field] = []
    owner: Field | None = None  # the field the description lines are under
    valued = False  # in a run of names after a label: the label's values
    for i, line in enumerate(lines):
        text = line.text.strip()
        if not names[i]:
            if owner is not None:
                owner.description.append(text)
            valued = text.endswith(":")
            continue
        if valued and (i + 1 == len(lines) or names[i + 1]):  # a value, not described
            owner = None
            continue
        owner = Field(name=text, line=line.number)
        fields.append(owner)
        valued = False
    return fields if len(fields) >= _ENOUGH else []
