"""The docusaurus family: pages in its shape, scored fact by fact against their expectations."""

from __future__ import annotations

import pytest

from tests.scrapers.pages import Case, cases, detected_family, explain, score_case

CASES = cases("docusaurus")
FAMILY: str | None = "docusaurus"
FLOOR = 0.9


def test_there_are_enough_pages() -> None:
    assert len(CASES) >= 4


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_page_is_scraped_faithfully(case: Case) -> None:
    result = score_case(case)
    assert result.f1 >= FLOOR, explain(result)


@pytest.mark.skipif(FAMILY is None, reason="pages of several families")
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_family_is_detected(case: Case) -> None:
    assert detected_family(case.page) == FAMILY
