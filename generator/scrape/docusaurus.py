"""Docusaurus OpenAPI docs (docusaurus-plugin-openapi-docs), text render.

    GET                                   content object[] required
    /threads/:thread_id/messages/:id        Array [
    Path Parameters                         oneOf
    thread_id string required               Image file
    The ID of the thread ...                Image URL
    Responses / 200 / application/json        type string required
    Schema / Example (from schema)            Possible values: [image_file]
                                            ]

One line per field (`name type [nullable] [required]`), then "Possible values: [a, b]" (or a
range: ">= 1 and <= 100"), "Default value: x" and the description; children are indented
under their parent, array items between "Array [" and "]". "oneOf" is followed by the tab
titles of the alternatives, of which only the first is expanded. "property name* string"
is the value type of a map. The API explorer after the samples ("Collapse all", "Base
URL", "Send API Request") repeats the parameters and is not read.

Reading the fields (`docusaurus_fields`) is imported by `scrape`: a run over other
families' pages never compiles its patterns (detection needs only `_MARKERS`).
"""

from __future__ import annotations

import dataclasses
import re

from generator import lazyre
from generator.model import Line, Page, PageResult
from generator.problems import Problems
from generator.scrape.vertical import marker_score, scrape_vertical

NAME = "docusaurus"
_MARKERS: list[str | re.Pattern[str]] = [
    "Example (from schema)",
    "Send API Request",
    "Collapse all",
    lazyre.compile(r"^\s*Possible values: (?:\[|>|<|non-empty)"),
    lazyre.compile(r"^\s*Array \[$"),
    lazyre.compile(r"^\s*property name\*"),
    lazyre.compile(r"^/\S*/:[A-Za-z_]\w*"),
    lazyre.compile(r"^\s*Default value: \S"),
]
_EXPLORER = {"collapse all", "send api request", "base url"}
_TABS = {"schema", "example (from schema)", "example"}


def score(page: Page) -> float:
    return marker_score(page, _MARKERS, needed=3)


def scrape(page: Page, problems: Problems) -> PageResult:
    from generator.scrape.docusaurus_fields import parse_fields  # noqa: PLC0415 - see the docstring

    return scrape_vertical(
        _documented(page), problems, family=NAME, counted=False, parser=parse_fields
    )


def _documented(page: Page) -> Page:
    """The page without the API explorer and without the Schema / Example tab labels."""
    kept: list[Line] = []
    for line in page.lines:
        text = line.text.strip().lower()
        if text in _EXPLORER:
            if kept and kept[-1].text.strip().lower() == "request":
                kept.pop()
            break
        if text not in _TABS:
            kept.append(line)
    return dataclasses.replace(page, lines=tuple(kept))
