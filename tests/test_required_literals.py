"""`required_literals`: every match of a pattern contains one of the strings it returns.

Checked on known shapes, and (hypothesis, deterministic) on strings generated to match each
family's detection markers, which is where the prefilter is used.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.load import load_page
from generator.problems import Problems
from generator.scrape import FAMILIES
from generator.scrape.literals import required_literals
from generator.scrape.vertical import marker_hits
from tests.scrapers.pages import PAGES


def _markers() -> list[re.Pattern[str]]:
    found: list[re.Pattern[str]] = []
    for family in FAMILIES:
        for name in ("_MARKERS", "_STRONG", "_WEAK"):
            found.extend(m for m in getattr(family, name, []) if isinstance(m, re.Pattern))
    return found


MARKERS = _markers()


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [
        (r"^Modified at \d", ("Modified at ",)),
        (r"^(?:PATH|QUERY) PARAMS$", (" PARAMS",)),
        (r"x(?:Required|Optional)$", ("Required", "Optional")),
        (r"a|b\d", ("a", "b")),
        (r"(?:ab)+c?", ("ab",)),
        (r"(?:ab)*\d", None),
        (r"a|\d", None),
        (r"(?i:abc)d", ("d",)),
        (r"\w+", None),
    ],
)
def test_known_shapes(pattern: str, literals: tuple[str, ...] | None) -> None:
    assert required_literals(re.compile(pattern)) == literals


def test_ignorecase_has_no_prefilter() -> None:
    assert required_literals(re.compile("abc", re.IGNORECASE)) is None


def test_every_marker_has_a_prefilter() -> None:
    assert all(required_literals(marker) for marker in MARKERS)


@settings(
    derandomize=True,
    database=None,
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(st.data())
def test_matches_contain_a_literal(data: st.DataObject) -> None:
    for marker in MARKERS:
        pattern = re.compile(marker.pattern, marker.flags | re.MULTILINE)
        text = data.draw(st.from_regex(pattern))
        literals = required_literals(pattern)
        assert literals is not None
        assert any(literal in text for literal in literals), (pattern.pattern, text)


TEST_PAGES = sorted(p for p in PAGES.rglob("*") if p.is_file() and not p.name.endswith(".yaml"))


@pytest.mark.parametrize("path", TEST_PAGES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_prefilter_keeps_the_hits(path: Path) -> None:
    page = load_page(path, Problems())
    assert page is not None
    for family in FAMILIES:
        for attr in ("_MARKERS", "_STRONG", "_WEAK"):
            markers = getattr(family, attr, [])
            assert marker_hits(page, markers) == sum(_plain_hit(page.text, m) for m in markers)


def _plain_hit(text: str, marker: str | re.Pattern[str]) -> bool:
    if isinstance(marker, str):
        return marker in text
    return re.search(marker.pattern, text, marker.flags | re.MULTILINE) is not None
