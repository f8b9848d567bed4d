"""`docs2sdk diff` figures, taken with benchmarks/diff.py's own measurement and subset files.

Whole specs (assistants-v1 -> latest): no peer finishes that comparison (shared/BASELINES.md),
so the target is absolute, <= 2 s (0.05x openapi-diff's 40.8 s). On the `/assistants`
subsets written as OpenAPI 3.0 (which openapi-diff accepts) the ratio is against openapi-diff
run here, or against BASELINES.md's 40.8 s when it is not run (`--no-diff-anchor`, no npm).
"""

from __future__ import annotations

from pathlib import Path

import diff as script
from measure import timed
from report import Row, verdict

OPENAPI_DIFF = {"wall": 40.8, "peak": 147.0}
"""openapi-diff (npm), v1 `/assistants` vs latest `/assistants`, from shared/BASELINES.md."""


def diff_rows(shared: Path, work: Path, runs: int, *, anchor: bool, notes: list[str]) -> list[Row]:
    reference = shared / "reference"
    whole = script.measure(
        script.ours(
            reference / "openai-openapi.assistants-v1.yaml",
            reference / "openai-openapi.latest.yaml",
        ),
        runs,
    )
    work.mkdir(parents=True, exist_ok=True)
    pair = script.write_subsets(shared, work)
    subset = script.measure(script.ours(*pair), runs)
    tool = script.install_openapi_diff(work) if anchor else None
    theirs, source = _anchor(tool, pair, work / "openapi-diff.log", notes)
    ratio = subset["wall"] / theirs["wall"]
    return [
        Row(
            "diff assistants-v1 -> latest, whole specs",
            _cell(whole),
            "none finishes (BASELINES.md)",
            target="<= 2.0 s",
            verdict=verdict(whole["wall"] <= 2.0 and whole["code"] in (0, 1)),
        ),
        Row(
            "diff /assistants subsets (as 3.0)",
            _cell(subset),
            f"{_cell(theirs)} ({source})",
            f"{ratio:.3f}x",
            "<= 0.05x",
            verdict(ratio <= 0.05 and subset["code"] in (0, 1)),
        ),
    ]


def _anchor(
    tool: Path | None, pair: tuple[Path, Path], log: Path, notes: list[str]
) -> tuple[dict[str, float], str]:
    """openapi-diff's figure on the subsets: run here if it compares them, else BASELINES.md's."""
    if tool is None:
        return OPENAPI_DIFF, "BASELINES.md"
    sample = timed([tool, *pair], log=log, ok=(0, 1))
    output = log.read_text(errors="replace")
    if "Error" not in output:
        return {"wall": sample.seconds, "peak": sample.mib}, "run here, 1 run"
    first = next((line for line in output.splitlines() if "Error" in line), "")
    notes.append(f"openapi-diff refused the subset files ({first.strip()[:160]}); ratio vs 40.8 s")
    return OPENAPI_DIFF, "BASELINES.md"


def _cell(result: dict[str, float]) -> str:
    code = f", exit {result['code']:.0f}" if result.get("code", 0) not in (0, 1) else ""
    return f"{result['wall']:.2f} s {result['peak']:.0f} MiB{code}"
