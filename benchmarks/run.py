"""Performance of docs2sdk against its anchors, measured side by side in one run.

    .venv/bin/python benchmarks/run.py [--quick] [--runs N] [--only NAME,...] [--keep]

Figures (medians of N runs, default 3; `--quick` is 1): `generate` of the full official
spec vs openapi-python-client (installed on first use in ~/.cache/docs2sdk-bench/venv),
`scrape` throughput over a written corpus of >= 1,000 pages (benchmarks/pagewriter.py),
`build` cold / unchanged / one page changed, `diff`, and `docs2sdk --help` startup.
See benchmarks/README.md for what each figure means and the targets.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import buildbench
from diffbench import diff_rows
from measure import (
    OURS,
    Command,
    Failed,
    Sample,
    anchor_venv,
    load,
    median,
    repeat,
    snapshot,
    timed,
    version,
)
from measure import with_path as env_with
from pagewriter import REFERENCE, write_corpus
from report import Row, table, verdict

LATEST = REFERENCE / "openai-openapi.latest.yaml"


@dataclass
class Context:
    runs: int
    tmp: Path
    corpus: list[Path]
    notes: list[str]
    diff_anchor: bool = True


def bench_generate(ctx: Context) -> list[Row]:
    anchor_bin = anchor_venv()
    ctx.notes.append(f"anchor: {version(anchor_bin / 'openapi-python-client')}, ruff post-hooks")
    ours_out, theirs_out = ctx.tmp / "generate-ours", ctx.tmp / "generate-anchor"
    ours: list[Sample] = []
    theirs: list[Sample] = []
    for _ in range(ctx.runs):  # interleaved, so that load changes hit both alike
        shutil.rmtree(ours_out, ignore_errors=True)
        command: Command = [OURS / "docs2sdk", "generate", LATEST, "-o", ours_out]
        ours.append(timed([*command, "--package", "openai_bench"], log=ctx.tmp / "gen.log"))
        anchor: Command = [anchor_bin / "openapi-python-client", "generate", "--path", LATEST]
        anchor += ["--output-path", theirs_out, "--overwrite"]
        theirs.append(timed(anchor, env=env_with(anchor_bin), log=ctx.tmp / "anchor.log"))
    mine, other = median(ours), median(theirs)
    ratio = mine.seconds / other.seconds
    black = _black_check(ours_out, ctx)
    return [
        Row(
            "generate latest (288 ops), wall",
            f"{mine.seconds:.2f} s",
            f"{other.seconds:.2f} s",
            f"{ratio:.2f}x",
            "<= 1.0x (toward 0.5x)",
            verdict(ratio <= 1.0),
        ),
        Row(
            "generate latest, peak memory",
            f"{mine.mib:.0f} MiB",
            f"{other.mib:.0f} MiB",
            f"{mine.mib / other.mib:.2f}x",
            "<= 300 MiB",
            verdict(mine.mib <= 300),
        ),
        black,
    ]


def _black_check(folder: Path, ctx: Context) -> Row:
    files = sum(1 for _ in folder.rglob("*.py"))
    command: Command = [OURS / "black", "--check", "-q", "-l", "100", "."]
    try:
        sample = timed(command, cwd=folder, log=ctx.tmp / "black.log")
    except Failed as exc:
        ctx.notes.append(f"black --check output: {exc}")
        return Row(
            f"black --check of that SDK ({files} .py)", "FAILS", target="passes", verdict="MISSED"
        )
    return Row(
        f"black --check of that SDK ({files} .py)",
        f"passes ({sample.seconds:.1f} s)",
        target="passes",
        verdict="met",
    )


def bench_scrape(ctx: Context) -> list[Row]:
    pages = sum(1 for folder in ctx.corpus for _ in folder.glob("*.txt"))

    def cli(_: int) -> Sample:
        total = Sample(0.0, 0.0)
        for folder in ctx.corpus:
            out = ctx.tmp / "scrape" / f"{folder.name}.yaml"
            command: Command = [OURS / "docs2sdk", "scrape", folder, "-o", out]
            sample = timed(command, log=ctx.tmp / "s.log")
            total = Sample(total.seconds + sample.seconds, max(total.mib, sample.mib))
        return total

    cold = repeat(ctx.runs, cli)
    probe = _median_probe(ctx, "scrape", "parallel_seconds")
    ctx.notes.append(
        f"scrape corpus: {pages} pages in {len(ctx.corpus)} API folders, "
        f"{probe['operations']} operations found; families {probe['families']}; "
        f"detected otherwise than written: {probe['misdetected'] or 'none'}"
    )
    rate = pages / cold.seconds
    parallel = pages / float(probe["parallel_seconds"])
    serial = pages / float(_median_probe(ctx, "serial", "serial_seconds")["serial_seconds"])
    return [
        Row(
            f"scrape CLI, {len(ctx.corpus)} folders cold",
            f"{rate:.0f} pages/s ({cold.seconds:.1f} s, {cold.mib:.0f} MiB)",
            target=">= 500 pages/s",
            verdict=verdict(rate >= 500),
        ),
        Row(
            "scrape_many(cache=None) in-process",
            f"{parallel:.0f} pages/s ({probe['mib']:.0f} MiB)",
            target=">= 500 pages/s",
            verdict=verdict(parallel >= 500),
        ),
        Row("scrape_one, one core, no pool", f"{serial:.0f} pages/s", target="(for profiling)"),
    ]


def _median_probe(ctx: Context, name: str, seconds: str) -> dict[str, float | str]:
    """The run of `probes.py NAME` (in its own process) with the median `seconds`."""
    probes = sorted((_probe(ctx, name) for _ in range(ctx.runs)), key=lambda p: float(p[seconds]))
    return probes[len(probes) // 2]


def _probe(ctx: Context, name: str) -> dict[str, float | str]:
    log = ctx.tmp / "probe.json"
    script = Path(__file__).with_name("probes.py")
    command: Command = [OURS / "python", script, name, *ctx.corpus]
    sample = timed(command, log=log)
    found: dict[str, float | str] = json.loads(log.read_text().strip().splitlines()[-1])
    found["mib"] = sample.mib
    return found


def bench_build(ctx: Context) -> list[Row]:
    rows: list[Row] = []
    for name, project in (
        ("input/", buildbench.bundled_project(ctx.tmp / "project-input")),
        ("corpus", buildbench.corpus_project(ctx.tmp / "project-corpus", ctx.corpus)),
    ):
        figures = buildbench.measure(project, ctx.runs, ctx.tmp / "build.log")
        label = f"build {name} ({len(project.apis)} APIs, {project.pages} pages)"
        limit = max(1.0, project.pages / 1000)
        rows.append(Row(f"{label} cold", str(figures.cold)))
        rows.append(
            Row(
                f"{label} unchanged",
                str(figures.unchanged),
                target=f"<= {limit:.1f} s",
                verdict=verdict(figures.unchanged.seconds <= limit),
            )
        )
        rows.append(Row(f"{label} one page changed", str(figures.one_page)))
        edited = project.edited.relative_to(project.root)
        ctx.notes.append(f"build {name}, one page changed ({edited}): {figures.redone}")
    return rows


def bench_diff(ctx: Context) -> list[Row]:
    anchor = ctx.diff_anchor and shutil.which("npm") is not None
    if not anchor:
        ctx.notes.append("diff: openapi-diff not run; its time is BASELINES.md's")
    return diff_rows(REFERENCE.parent, ctx.tmp / "diff", ctx.runs, anchor=anchor, notes=ctx.notes)


def bench_help(ctx: Context) -> list[Row]:
    runs = max(5, ctx.runs)
    ours = repeat(runs, lambda _: timed([OURS / "docs2sdk", "--help"]))
    bare = repeat(runs, lambda _: timed([OURS / "python", "-c", "pass"]))
    return [
        Row(
            "docs2sdk --help startup",
            str(ours),
            f"{bare.seconds:.2f} s (python -c pass)",
            target="<= 0.3 s",
            verdict=verdict(ours.seconds <= 0.3),
        )
    ]


BENCHES: dict[str, Callable[[Context], list[Row]]] = {
    "help": bench_help,
    "generate": bench_generate,
    "scrape": bench_scrape,
    "build": bench_build,
    "diff": bench_diff,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="one run per figure")
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (median)")
    parser.add_argument("--only", default=",".join(BENCHES), help="comma-separated figures")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument(
        "--no-diff-anchor", action="store_true", help="do not install and run openapi-diff"
    )
    args = parser.parse_args(argv)
    chosen = [name.strip() for name in args.only.split(",") if name.strip()]
    unknown = [name for name in chosen if name not in BENCHES]
    if unknown:
        parser.error(f"unknown figures {unknown}; choose from {list(BENCHES)}")
    tmp = Path(tempfile.mkdtemp(prefix="docs2sdk-bench-"))
    ctx = Context(1 if args.quick else args.runs, tmp, [], [], not args.no_diff_anchor)
    try:
        code = snapshot(tmp / "code")
        print(f"start: {load()}; {ctx.runs} run(s) per figure; code {code}; in {tmp}", flush=True)
        ctx.corpus = [f.path for f in write_corpus(tmp / "corpus")]
        rows = [row for name in chosen for row in _announce(name, BENCHES[name], ctx)]
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    print(f"\n{table(rows)}\n\nend: {load()}")
    for note in ctx.notes:
        print(f"- {note}")
    return 0


def _announce(name: str, bench: Callable[[Context], list[Row]], ctx: Context) -> list[Row]:
    print(f"measuring {name} ...", file=sys.stderr, flush=True)
    try:
        return bench(ctx)
    except (Failed, OSError, subprocess.CalledProcessError) as exc:
        ctx.notes.append(f"{name} failed: {exc}")
        return [Row(name, "FAILED (see notes)", verdict="MISSED")]


if __name__ == "__main__":
    sys.exit(main())
