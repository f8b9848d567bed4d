"""Scrape speed in pages/s, against a named baseline commit, in one run.

The companion of `scrape_instructions.py`, which counts instructions: this one times them.
It copies `generator/` of the baseline and of the working tree (as that script does),
writes the benchmark corpus, and runs `scrape_one` over every corpus page in a process of
its own for each tree, the two trees taking turns RUNS times (so that a busy spell of the
machine falls on both). It prints each tree's median and best pages/s and the ratio now /
baseline (issue 12 asks for at least 0.8), by the wall clock and by the process's CPU time
(`time.process_time`: what other load on the machine takes from a run does not count, so
its medians move less). Imports are done before the clocks start.

    python benchmarks/scrape_wallclock.py [--baseline 57f66b5] [--runs 6]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

from scrape_instructions import corpus_and_probe, tree_of  # noqa: E402

_PROBE = """\
import importlib, pkgutil, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import generator
for module in pkgutil.walk_packages(generator.__path__, "generator."):
    if module.name.startswith(("generator.scrape", "generator.load")):
        importlib.import_module(module.name)
from generator.batch import scrape_one
pages = sorted(Path(sys.argv[2]).rglob("*.txt"))
start, cpu = time.perf_counter(), time.process_time()
for page in pages:
    scrape_one(page, page.name)
print(len(pages) / (time.perf_counter() - start), len(pages) / (time.process_time() - cpu))
"""


def _rates(tree: Path, corpus: Path, probe: Path) -> tuple[float, float]:
    """Pages/s of one run: by the wall clock, by CPU time."""
    done = subprocess.run(
        [sys.executable, str(probe), str(tree), str(corpus)],
        capture_output=True,
        text=True,
        check=True,
    )
    wall, cpu = map(float, done.stdout.split())
    return wall, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", default="57f66b5", help="the commit to compare with")
    parser.add_argument("--runs", type=int, default=6, help="runs of each tree, in turns")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="docs2sdk-wall-") as folder:
        root = Path(folder)
        corpus, probe = corpus_and_probe(root, _PROBE)
        trees = {
            args.baseline: tree_of(args.baseline, root / "base"),
            "now": tree_of(None, root / "now"),
        }
        rates: dict[str, list[tuple[float, float]]] = {label: [] for label in trees}
        for _ in range(args.runs):
            for label, tree in trees.items():
                rates[label].append(_rates(tree, corpus, probe))
        pages = len(list(corpus.rglob("*.txt")))
    print(f"scrape_one over {pages} corpus pages, {args.runs} runs of each tree in turns")
    for clock, column in (("wall clock", 0), ("CPU time", 1)):
        medians = {}
        for label, found in rates.items():
            column_rates = [run[column] for run in found]
            medians[label] = statistics.median(column_rates)
            print(
                f"  {clock:<10} {label:<10} median {medians[label]:7,.0f}  "
                f"best {max(column_rates):7,.0f} pages/s"
            )
        ratio = medians["now"] / medians[args.baseline]
        print(
            f"  {clock:<10} ratio now / {args.baseline} (medians): {ratio:.2f}x"
            " (issue 12: >= 0.80x)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
