"""The real-page corpus (`../shared/realpages/`) and the golds written here for it.

Each page is scraped alone. A page whose manifest shows no method or no path is given the
operation of its gold as a hint, as a user gives `docs2sdk scrape PAGE --operation "..."`;
the others get nothing. Golds are `tests/accuracy/real/gold/<stem>.yaml` (page-faithful,
written from the page alone: `../shared/gold/seeds/README.md` has the rules).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.api import scrape
from generator.hints import OperationHint, parse_operation
from tests.accuracy.scoring import Score, load_spec, score

GOLDS = Path(__file__).resolve().parent / "real" / "gold"
_METHODS = ("get", "put", "post", "delete", "patch", "options", "head", "trace")


@dataclass(frozen=True)
class RealCase:
    stem: str
    page: Path
    gold: Path
    platform: str
    hint: OperationHint | None
    """The gold's operation, for a page that shows no method or no path."""


@dataclass(frozen=True)
class RealResult:
    case: RealCase
    score: Score
    found: bool
    """Whether the gold's operation is among the scraped ones."""
    problems: tuple[str, ...]


def gold_operation(gold: Mapping[str, Any]) -> OperationHint:
    """The one operation a gold states, as a hint (`METHOD /path`)."""
    for path, item in (gold.get("paths") or {}).items():
        for method in _METHODS:
            if isinstance(item, Mapping) and method in item:
                return parse_operation(f"{method.upper()} {path}")
    raise ValueError("a gold without an operation")


def cases(shared: Path) -> Iterator[RealCase]:
    """Every page of the manifest that has a gold here."""
    folder = shared / "realpages"
    with (folder / "MANIFEST.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    for row in rows:
        stem = row["file"].removesuffix(".txt")
        gold = GOLDS / f"{stem}.yaml"
        if not gold.is_file():
            continue
        shows = row["method"].strip() != "-" and row["path"].strip() != "-"
        hint = None if shows else gold_operation(load_spec(gold))
        yield RealCase(stem, folder / row["file"], gold, row["platform"], hint)


def run(case: RealCase) -> RealResult:
    result = scrape([case.page], base=case.page.parent, operation=case.hint)
    found = score(result.document, case.gold)
    missing_op = any(fact.kind == "operation" for fact in found.missing)
    return RealResult(case, found, not missing_op, tuple(str(p) for p in result.problems))
