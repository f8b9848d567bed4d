"""Measurements taken inside a child process (so that its peak memory is its own).

    python benchmarks/probes.py scrape FOLDER...    # prints one JSON object

`scrape` times `generator.batch.scrape_many(jobs, cache=None)` over every page of the
folders (imports excluded), then the same pages one by one in this process (`scrape_one`,
no worker processes: the rate of one core), and counts the families detected.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

from generator.batch import scrape_many, scrape_one


def scrape(folders: list[Path]) -> dict[str, object]:
    jobs = [(page, page.name) for folder in folders for page in sorted(folder.glob("*.txt"))]
    expected = [folder.name.rsplit("-", 1)[-1] for folder in folders for _ in folder.glob("*.txt")]
    start = time.perf_counter()
    results = scrape_many(jobs, cache=None)
    parallel = time.perf_counter() - start
    start = time.perf_counter()
    for path, label in jobs:
        scrape_one(path, label)
    serial = time.perf_counter() - start
    found = [result.family if result else "none" for result, _ in results]
    wrong = Counter(
        f"{want}->{got}" for want, got in zip(expected, found, strict=True) if want != got
    )
    return {
        "pages": len(jobs),
        "operations": sum(len(result.operations) for result, _ in results if result),
        "parallel_seconds": parallel,
        "serial_seconds": serial,
        "families": dict(Counter(found)),
        "misdetected": dict(wrong),
    }


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] != "scrape":
        print("usage: python benchmarks/probes.py scrape FOLDER...", file=sys.stderr)
        return 2
    print(json.dumps(scrape([Path(arg) for arg in argv[1:]])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
