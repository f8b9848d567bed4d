"""Measurements taken inside a child process (so that its peak memory is its own).

    python benchmarks/probes.py scrape FOLDER...    # prints one JSON object
    python benchmarks/probes.py serial FOLDER...

`scrape` times `generator.batch.scrape_many(jobs, cache=None)` over every page of the
folders (imports excluded) and counts the families detected; `serial` times the same pages
one by one (`scrape_one`, no worker processes: the rate of one core). Each starts with
the scrapers' caches empty, as a `docs2sdk scrape` does: measured in one process one
after the other, the second would find the lines the first cached.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

from generator.batch import scrape_many, scrape_one


def _jobs(folders: list[Path]) -> list[tuple[Path, str]]:
    return [(page, page.name) for folder in folders for page in sorted(folder.glob("*.txt"))]


def serial(folders: list[Path]) -> dict[str, object]:
    jobs = _jobs(folders)
    start = time.perf_counter()
    for path, label in jobs:
        scrape_one(path, label)
    return {"pages": len(jobs), "serial_seconds": time.perf_counter() - start}


def scrape(folders: list[Path]) -> dict[str, object]:
    jobs = _jobs(folders)
    expected = [folder.name.rsplit("-", 1)[-1] for folder in folders for _ in folder.glob("*.txt")]
    start = time.perf_counter()
    results = scrape_many(jobs, cache=None)
    parallel = time.perf_counter() - start
    found = [result.family if result else "none" for result, _ in results]
    wrong = Counter(
        f"{want}->{got}" for want, got in zip(expected, found, strict=True) if want != got
    )
    return {
        "pages": len(jobs),
        "operations": sum(len(result.operations) for result, _ in results if result),
        "parallel_seconds": parallel,
        "families": dict(Counter(found)),
        "misdetected": dict(wrong),
    }


def main(argv: list[str]) -> int:
    probes = {"scrape": scrape, "serial": serial}
    if len(argv) < 2 or argv[0] not in probes:
        print("usage: python benchmarks/probes.py scrape|serial FOLDER...", file=sys.stderr)
        return 2
    print(json.dumps(probes[argv[0]]([Path(arg) for arg in argv[1:]])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
