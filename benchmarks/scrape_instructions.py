"""Scrape cost in instructions (callgrind), against a named baseline commit, in one run.

Wall-clock pages/s swing by tens of percent on a busy two-core machine; the number of
instructions a scrape executes does not, once string hashing is seeded (a random seed
moves dict layouts, and the count by about 2 % from one run to the next). This script
copies `generator/` of the baseline (`git archive`) and of the working tree into a
temporary folder, writes the benchmark corpus (`pagewriter.py`), and has valgrind's
callgrind count the instructions of a process that runs `scrape_one` over every STEP-th
corpus page, and of one that scrapes none, for each tree. It prints two counts for each
tree and their ratios baseline / now (1.0: as fast; issue 12 asks for at least 0.8):
- the process: interpreter, imports and pages, what a `docs2sdk scrape` of that many pages
  pays;
- the pages alone: the process minus the one that scrapes none. A pattern compiled at its
  first use (`generator.lazyre`) counts here; in a tree that compiles its patterns at
  import, it counts in the imports only.

    python benchmarks/scrape_instructions.py [--baseline 57f66b5] [--step 5]

Needs `valgrind` on PATH (the script says so and stops otherwise); ~2 minutes at step 5.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

from pagewriter import write_corpus  # noqa: E402

_PROBE = """\
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import generator.scrape
from generator.batch import scrape_one
step = int(sys.argv[3])
for page in sorted(Path(sys.argv[2]).rglob("*.txt"))[::step] if step else []:
    scrape_one(page, page.name)
"""
_COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")


def tree_of(commit: str | None, into: Path) -> Path:
    """`generator/` of `commit` (the working tree's when None) copied into `into`."""
    into.mkdir(parents=True)
    if commit is None:
        shutil.copytree(REPO / "generator", into / "generator")
        return into
    archive = subprocess.run(
        ["git", "archive", commit, "generator"], cwd=REPO, capture_output=True, check=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def corpus_and_probe(root: Path, probe_source: str) -> tuple[Path, Path]:
    """The benchmark corpus written under `root`, and a probe script holding `probe_source`."""
    corpus = root / "corpus"
    write_corpus(corpus)
    probe = root / "probe.py"
    probe.write_text(probe_source, encoding="utf-8")
    return corpus, probe


def _instructions(tree: Path, corpus: Path, probe: Path, step: int) -> int:
    valgrind = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    done = subprocess.run(
        [*valgrind, sys.executable, str(probe), str(tree), str(corpus), str(step)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},  # str hashes move dicts: +-2 % a run
    )
    found = _COLLECTED.search(done.stderr)
    if found is None:
        raise RuntimeError(f"no instruction count in valgrind's output:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", default="57f66b5", help="the commit to compare with")
    parser.add_argument("--step", type=int, default=5, help="every STEP-th corpus page")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt-get install valgrind): nothing measured")
        return 1
    with tempfile.TemporaryDirectory(prefix="docs2sdk-ir-") as folder:
        root = Path(folder)
        corpus, probe = corpus_and_probe(root, _PROBE)
        counts: dict[str, tuple[int, int]] = {}
        for label, commit in ((args.baseline, args.baseline), ("now", None)):
            tree = tree_of(commit, root / label)
            process = _instructions(tree, corpus, probe, args.step)
            counts[label] = (process, process - _instructions(tree, corpus, probe, 0))
        pages = len(sorted(corpus.rglob("*.txt"))[:: args.step])
    print(f"scrape_one over {pages} corpus pages (every {args.step}th), M instructions")
    print(f"  {'':<10} {'process':>10} {'pages alone':>12}")
    for label, (process, alone) in counts.items():
        print(f"  {label:<10} {process / 1e6:10,.0f} {alone / 1e6:12,.0f}")
    base, now = counts[args.baseline], counts["now"]
    print(
        f"  ratio {args.baseline} / now: process {base[0] / now[0]:.2f}x, pages alone "
        f"{base[1] / now[1]:.2f}x (issue 12: >= 0.80x)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
