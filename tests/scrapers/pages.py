"""Test pages per family (tests/pages/<family>/<case>.<ext> + <case>.expected.yaml)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.api import scrape
from generator.load import load_page
from generator.problems import Problems
from generator.scrape import detect
from tests.accuracy.scoring import Score, score

PAGES = Path(__file__).resolve().parents[1] / "pages"


@dataclass(frozen=True)
class Case:
    page: Path
    expected: Path

    @property
    def id(self) -> str:
        return self.page.name


def cases(family: str) -> list[Case]:
    found: list[Case] = []
    for expected in sorted((PAGES / family).glob("*.expected.yaml")):
        stem = expected.name.removesuffix(".expected.yaml")
        pages = [p for p in expected.parent.glob(stem + ".*") if p != expected]
        assert len(pages) == 1, f"{expected}: expected exactly one page beside it, got {pages}"
        found.append(Case(pages[0], expected))
    return found


def detected_family(page: Path) -> str:
    loaded = load_page(page, Problems())
    assert loaded is not None
    return str(detect(loaded).NAME)


def score_case(case: Case) -> Score:
    result = scrape([case.page])
    return score(result.document, case.expected)


def explain(result: Score) -> str:
    lines = [f"P={result.precision:.3f} R={result.recall:.3f} F1={result.f1:.3f}"]
    lines += [f"  missing {fact}" for fact in result.missing[:30]]
    lines += [f"  extra   {fact}" for fact in result.extra[:30]]
    return "\n".join(lines)


Test = Callable[..., None]


def family_tests(family: str, *, detected: str | None, floor: float) -> tuple[Test, Test, Test]:
    """The three tests every family module runs over `tests/pages/<family>/`.

    Each page scrapes to F1 >= `floor` against its expectation, and (when `detected` is
    given) is claimed by that family's detector.
    """
    found = cases(family)

    def test_there_are_enough_pages() -> None:
        assert len(found) >= 4

    @pytest.mark.parametrize("case", found, ids=lambda c: c.id)
    def test_page_is_scraped_faithfully(case: Case) -> None:
        result = score_case(case)
        assert result.f1 >= floor, explain(result)

    @pytest.mark.skipif(detected is None, reason="pages of several families")
    @pytest.mark.parametrize("case", found, ids=lambda c: c.id)
    def test_family_is_detected(case: Case) -> None:
        assert detected_family(case.page) == detected

    return test_there_are_enough_pages, test_page_is_scraped_faithfully, test_family_is_detected
