"""Accuracy of the scraper: the five seeds, the family test pages, the real-page corpus.

Each page is scraped alone and compared fact by fact (``tests/accuracy/scoring.py``) with
its hand-written gold; totals sum the counts over the pages (micro-average).

- seeds: ``../shared/seeds`` against ``../shared/gold/seeds``, and against the official spec
  of its API version;
- family test pages: ``tests/pages/<family>/`` (written here in each family's shape);
- real pages: ``../shared/realpages`` (80 pages nobody here wrote) against the golds in
  ``tests/accuracy/real/gold``; a page whose manifest shows no method or path is given its
  gold's operation, as ``--operation`` would. Per page: found, P, R, F1; then per platform.

    python benchmarks/accuracy.py [-v] [--gold] [--only seeds|pages|real]

``-v`` prints the missing and extra facts. ``--gold`` scores the seed golds in place of the
scraper's output (calibration: how far the pages themselves are from the official specs).
``shared/`` is the repository's sibling folder, or ``$DOCS2SDK_SHARED``.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Protocol, cast

REPO: Final = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.accuracy.scoring import Score, combine, reference_agreement, score  # noqa: E402

SEEDS: Final = (
    ("000_9ec4c17cb5408141", "openai-openapi.assistants-v1.yaml"),
    ("001_9f445b77d545d010", "openai-openapi.latest.yaml"),
    ("002_95475de74a081c47", "openai-openapi.assistants-v1.yaml"),
    ("003_5bb3c01c418c4965", "portkey-openapi.latest.yaml"),
    ("004_631ad60a8a08487f", "openai-openapi.latest.yaml"),
)


class ScrapeResult(Protocol):
    @property
    def document(self) -> Mapping[str, Any]: ...

    @property
    def problems(self) -> Sequence[object]: ...


Scraper = Callable[[list[Path]], ScrapeResult]


@dataclass(frozen=True)
class Row:
    stem: str
    gold: Score
    reference: Score
    problems: tuple[str, ...] = ()


def shared_dir() -> Path:
    override = os.environ.get("DOCS2SDK_SHARED")
    return Path(override) if override else Path(__file__).resolve().parents[2] / "shared"


def page_path(stem: str, shared: Path) -> Path:
    """The page in ``input/<api>/``, else the copy in ``shared/seeds/``."""
    found = sorted((REPO / "input").glob(f"*/{stem}.txt"))
    return found[0] if found else shared / "seeds" / f"{stem}.txt"


def load_scraper() -> Scraper:
    module = importlib.import_module("generator.api")
    return cast(Scraper, module.scrape)


def score_page(stem: str, reference: str, shared: Path, scraper: Scraper | None) -> Row:
    gold = shared / "gold" / "seeds" / f"{stem}.yaml"
    if scraper is None:
        document: Any = gold
        problems: tuple[str, ...] = ()
    else:
        result = scraper([page_path(stem, shared)])
        document, problems = result.document, tuple(str(p) for p in result.problems)
    ref = shared / "reference" / reference
    return Row(stem, score(document, gold), reference_agreement(document, ref), problems)


def _figures(result: Score) -> str:
    return f"{result.precision:6.3f} {result.recall:6.3f} {result.f1:6.3f}"


def print_table(rows: Sequence[Row]) -> None:
    print(f"{'page':<22} {'gold P':>6} {'R':>6} {'F1':>6}   {'ref P':>6} {'R':>6} {'F1':>6}")
    for row in rows:
        print(f"{row.stem:<22} {_figures(row.gold)}   {_figures(row.reference)}")
    gold = combine(row.gold for row in rows)
    reference = combine(row.reference for row in rows)
    print(f"{'total (micro)':<22} {_figures(gold)}   {_figures(reference)}")
    print(
        f"{'':<22} gold: {gold.matched} matched / {gold.produced} produced / "
        f"{gold.expected} expected; reference: {reference.matched} / {reference.produced} / "
        f"{reference.expected}"
    )


def print_details(row: Row) -> None:
    print(f"\n== {row.stem}")
    for problem in row.problems:
        print(f"  problem: {problem}")
    for label, result in (("gold", row.gold), ("reference", row.reference)):
        for kind, facts in (("missing", result.missing), ("extra", result.extra)):
            for fact in facts:
                print(f"  {label} {kind}: {fact}")


def print_family_pages(verbose: bool) -> None:
    from tests.scrapers.pages import PAGES, cases, score_case  # noqa: PLC0415

    print(f"\n{'family test page':<44} {'P':>6} {'R':>6} {'F1':>6}")
    results = []
    for family in sorted(p.name for p in PAGES.iterdir() if p.is_dir()):
        for case in cases(family):
            result = score_case(case)
            results.append(result)
            print(f"{family + '/' + case.page.name:<44} {_figures(result)}")
            if verbose:
                print_facts("  ", result)
    print(f"{'total (micro)':<44} {_figures(combine(results))}")


def print_real_pages(shared: Path, verbose: bool) -> None:
    from tests.accuracy.realpages import cases, run  # noqa: PLC0415

    results = [run(case) for case in cases(shared)]
    print(f"\n{'real page':<48} {'found':>5} {'P':>6} {'R':>6} {'F1':>6}")
    for result in results:
        mark = ("yes" if result.found else "NO") + ("*" if result.case.hint else "")
        print(f"{result.case.stem[:48]:<48} {mark:>5} {_figures(result.score)}")
        if verbose:
            for problem in result.problems:
                print(f"  problem: {problem}")
            print_facts("  ", result.score)
    platforms: dict[str, list[Any]] = {}
    for result in results:
        platforms.setdefault(result.case.platform, []).append(result)
    print(f"\n{'platform':<30} {'pages':>5} {'found':>5} {'P':>6} {'R':>6} {'F1':>6}")
    for name, group in sorted(platforms.items()):
        found = sum(r.found for r in group)
        total = combine(r.score for r in group)
        print(f"{name:<30} {len(group):>5} {found:>5} {_figures(total)}")
    total = combine(r.score for r in results)
    shown = [r for r in results if r.case.hint is None]
    print(
        f"{'real pages (micro)':<30} {len(results):>5} {sum(r.found for r in results):>5} "
        f"{_figures(total)}\n  found {sum(r.found for r in shown)}/{len(shown)} of the pages "
        f"that show method and path; * = given the gold's operation (the page shows none)"
    )


def print_facts(indent: str, result: Score) -> None:
    for kind, facts in (("missing", result.missing), ("extra", result.extra)):
        for fact in facts:
            print(f"{indent}{kind}: {fact}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("-v", "--verbose", action="store_true", help="print missing/extra facts")
    parser.add_argument("--gold", action="store_true", help="score the gold files, not the scraper")
    parser.add_argument("--only", choices=("seeds", "pages", "real"), help="one corpus only")
    args = parser.parse_args(argv)
    shared = shared_dir()
    if not (shared / "gold" / "seeds").is_dir():
        print(f"accuracy: no gold files under {shared} (set DOCS2SDK_SHARED)", file=sys.stderr)
        return 2
    scraper: Scraper | None = None
    if not args.gold:
        try:
            scraper = load_scraper()
        except (ImportError, AttributeError) as exc:
            print(f"accuracy: cannot import generator.api.scrape: {exc}", file=sys.stderr)
            return 2
    if args.only in (None, "seeds"):
        rows = [score_page(stem, ref, shared, scraper) for stem, ref in SEEDS]
        print_table(rows)
        if args.verbose:
            for row in rows:
                print_details(row)
    if args.only in (None, "pages") and not args.gold:
        print_family_pages(args.verbose)
    if args.only in (None, "real") and not args.gold and (shared / "realpages").is_dir():
        print_real_pages(shared, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
