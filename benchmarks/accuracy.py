"""Accuracy of the scraper on the five seed pages.

Each page is scraped alone and compared fact by fact (``tests/accuracy/scoring.py``) with
its hand-written gold file and with the official spec it belongs to; the total row sums
the counts over the pages (micro-average).

    python benchmarks/accuracy.py [-v] [--gold]

``-v`` prints the missing and extra facts. ``--gold`` scores the gold files in place of the
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


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("-v", "--verbose", action="store_true", help="print missing/extra facts")
    parser.add_argument("--gold", action="store_true", help="score the gold files, not the scraper")
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
    rows = [score_page(stem, ref, shared, scraper) for stem, ref in SEEDS]
    print_table(rows)
    if args.verbose:
        for row in rows:
            print_details(row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
