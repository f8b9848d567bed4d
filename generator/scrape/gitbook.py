"""GitBook API blocks (the OpenAPI blocks of GitBook spaces), text render.

    Create run                            assistant_idstringRequired
    post                                  The ID of the assistant to use ...
    https://api.openai.com/v1/threads/…   temperaturenumber · min: 0 · max: 2 · nullableOptional
    Authorizations / Path parameters /    Default: 1
    Query parameters / Body / Responses   modelany ofOptional
                                          string / or / string · enum

Every field line is glued: name, type, `·`-separated modifiers (`nullable`, `min: 0`,
`max: 20`, `enum`, a format such as `unixtime`) and Required/Optional. "Possible values:"
keeps only its label when the values were chips, "Show properties" stands for collapsed
children (not listed, so not recorded), and an "any of" field lists its alternatives as
bare types between "or" lines. The code panel repeats the method and path, then the curl
sample and the response example.

Reading the fields (`gitbook_fields`) is imported by `scrape`: a run over other families'
pages never compiles its patterns (detection needs only `_MARKERS`).
"""

from __future__ import annotations

import re

from generator import lazyre
from generator.model import Page, PageResult
from generator.problems import Problems
from generator.scrape.vertical import marker_score, scrape_vertical

NAME = "gitbook"
_MARKERS: list[str | re.Pattern[str]] = [
    lazyre.compile(
        r"\S(?:string|integer|number|boolean|object|\]|any of)(?: · [^·]+)*"
        r"(?:Required|Optional)$"
    ),
    lazyre.compile(r" · (?:nullable|enum|min: |max: )"),
    lazyre.compile(r"^(?:Show|Hide) properties$"),
    lazyre.compile(r"^Possible values:\s*$"),
    lazyre.compile(r"^or$"),
]


def score(page: Page) -> float:
    return marker_score(page, _MARKERS, needed=3)


def scrape(page: Page, problems: Problems) -> PageResult:
    from generator.scrape.gitbook_fields import parse_fields  # noqa: PLC0415 - see the docstring

    return scrape_vertical(page, problems, family=NAME, counted=False, parser=parse_fields)
