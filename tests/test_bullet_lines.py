"""`parse_bullets` reads each distinct bullet line once: repeated lines give equal fields that
do not share state (the cached reading is a template, copied for each line)."""

from __future__ import annotations

from dataclasses import replace

from generator.model import Line
from generator.scrape.bullets import _bullet_form, _fresh, parse_bullets

_TEXTS = [
    "• data array[object] Required",
    "  Represents an assistant",
    "  • id string Required Deprecated",
    "  • * object Additional properties",
    "- **chunking_strategy** (object, required): How to chunk",
    "  One of:",
    "  - **Auto Chunking Strategy** (object)",
    "• order string Sort order asc",
]


def test_repeated_lines_give_equal_fields_that_share_nothing() -> None:
    lines = [Line(n, text) for n, text in enumerate(_TEXTS, start=1)]
    first, second = parse_bullets(lines), parse_bullets(lines)
    assert first == second
    first[0].description.append("changed")
    first[0].children[0].name = "changed"
    assert parse_bullets(lines) == second


def test_a_copy_is_the_template_at_its_line() -> None:
    for text in _TEXTS:
        form = _bullet_form(text)
        if form is not None:
            assert _fresh(form[1], 7) == replace(form[1], line=7)
