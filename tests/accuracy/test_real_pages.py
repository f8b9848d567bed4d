"""Accuracy on real pages nobody here wrote (`../shared/realpages`), against the golds here.

Each page is scraped alone (`tests/accuracy/realpages.py`); figures per page and platform:
`python benchmarks/accuracy.py --only real`. The floors below are what the scrapers reach
today (issue 12's targets are F1 >= 0.95 and precision >= 0.95): they fail on a regression.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from tests.accuracy.realpages import GOLDS, RealResult, cases, run
from tests.accuracy.scoring import combine

PRECISION_FLOOR = 0.95
F1_FLOOR = 0.96


@cache
def _results(shared: Path) -> tuple[RealResult, ...]:
    return tuple(run(case) for case in cases(shared))


def test_there_is_a_gold_for_every_page_of_the_manifest(shared: Path) -> None:
    pages = sorted(p.stem for p in (shared / "realpages").glob("*.txt"))
    assert sorted(p.stem for p in GOLDS.glob("*.yaml")) == pages


def test_no_page_trips_an_internal_error(shared: Path) -> None:
    failed = [r.case.stem for r in _results(shared) if any("failed on it" in p for p in r.problems)]
    assert not failed


def test_every_operation_is_found(shared: Path) -> None:
    missing = [r.case.stem for r in _results(shared) if not r.found]
    assert not missing


def test_the_corpus_stays_faithful(shared: Path) -> None:
    total = combine(r.score for r in _results(shared))
    assert total.precision >= PRECISION_FLOOR, [str(f) for f in total.extra[:40]]
    assert total.f1 >= F1_FLOOR, f"P={total.precision:.3f} R={total.recall:.3f} F1={total.f1:.3f}"


def test_a_page_without_method_or_path_says_so_without_its_hint(shared: Path) -> None:
    hinted = [case for case in cases(shared) if case.hint is not None]
    assert hinted
    from generator.api import scrape  # noqa: PLC0415

    for case in hinted:
        result = scrape([case.page], base=case.page.parent)
        problems = [str(p) for p in result.problems]
        if not result.operation_count:
            assert any("add one in pages.toml" in p for p in problems), (case.stem, problems)


def test_most_pages_are_read_well(shared: Path) -> None:
    """At most one page in ten below F1 0.5: a rule that breaks a layout shows here."""
    low = [r.case.stem for r in _results(shared) if r.score.f1 < 0.5]
    assert len(low) <= len(_results(shared)) // 10, low
