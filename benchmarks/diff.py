"""Time and peak memory of `docs2sdk diff` on the official OpenAI specs, and of openapi-diff.

    python benchmarks/diff.py [--runs 3] [--anchor] [--shared ../shared]

Measured, each command in a fresh process (wall time median of `--runs`, peak RSS max):

1. ours, whole specs: assistants-v1 (3.0, 437 KB) -> latest (3.1, 2.97 MB); target <= 2 s;
2. ours, the `/assistants` subset of both, as the 3.0 files written for openapi-diff;
3. with `--anchor`: openapi-diff (npm, installed by this script into a temporary folder, never
   into the project) on those same subset files, and the ratio. openapi-diff rejects OpenAPI
   3.1, so the latest subset is written down as 3.0 (`nullable`, boolean exclusive bounds,
   `example`) - see ../shared/BASELINES.md (41 s there).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.openapi.yaml_io import load_spec_file  # noqa: E402

OPENAPI_DIFF = "openapi-diff@0.24.1"
_MEASURE = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
wall = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
head = (done.stdout.strip() or done.stderr.strip()).splitlines()[:1]
print(json.dumps({"wall": wall, "peak": peak, "code": done.returncode, "head": head}))
"""


def measure(command: list[str], runs: int) -> dict[str, Any]:
    """Median wall seconds and largest peak MiB of `command` over `runs` fresh processes."""
    results = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", _MEASURE, *command],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
        results.append(json.loads(done.stdout))
    return {
        "wall": statistics.median(r["wall"] for r in results),
        "peak": max(r["peak"] for r in results),
        "code": results[-1]["code"],
        "head": (results[-1]["head"] or [""])[0][:100],
    }


def ours(old: Path, new: Path) -> list[str]:
    return [sys.executable, "-m", "generator", "diff", str(old), str(new), "--format", "json"]


# --------------------------------------------------------------------------- subsets


def subset(document: dict[str, Any], prefix: str) -> dict[str, Any]:
    """The paths under `prefix` and the components they reach (other keys kept)."""
    paths = {
        p: item
        for p, item in document["paths"].items()
        if p == prefix or p.startswith(prefix + "/")
    }
    out = {k: v for k, v in document.items() if k in ("openapi", "info", "servers", "security")}
    out["paths"] = paths
    components = document.get("components", {})
    kept: dict[str, dict[str, Any]] = {}
    todo, seen = _refs(paths), set()
    while todo:
        ref = todo.pop()
        if ref in seen or not ref.startswith("#/components/"):
            continue
        seen.add(ref)
        _, _, kind, name = ref.split("/", 3)
        node = components.get(kind, {}).get(name)
        if node is not None:
            kept.setdefault(kind, {})[name] = node
            todo |= _refs(node)
    if "securitySchemes" in components:
        kept["securitySchemes"] = components["securitySchemes"]
    out["components"] = {kind: dict(sorted(items.items())) for kind, items in kept.items()}
    return out


def _refs(node: Any) -> set[str]:
    found: set[str] = set()
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if isinstance(item.get("$ref"), str):
                found.add(item["$ref"])
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


def to_openapi30(node: Any) -> Any:
    """OpenAPI 3.1 schema idioms written the 3.0 way (enough for openapi-diff to load)."""
    if isinstance(node, list):
        return [to_openapi30(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {k: to_openapi30(v) for k, v in node.items() if not k.startswith("$") or k == "$ref"}
    _null_type(out)
    for union in ("anyOf", "oneOf"):
        members = out.get(union)
        if isinstance(members, list) and any(m == {"nullable": True} for m in members):
            out[union] = [m for m in members if m != {"nullable": True}] or [{}]
            out["nullable"] = True
    if "const" in out:
        out["enum"] = [out.pop("const")]
    if isinstance(out.get("examples"), list):
        examples = out.pop("examples")
        if examples:
            out["example"] = examples[0]
    for bound, plain in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
        if isinstance(out.get(bound), int | float) and not isinstance(out[bound], bool):
            out[plain], out[bound] = out[bound], True
    return out


def _null_type(schema: dict[str, Any]) -> None:
    """`type: [x, "null"]` -> `type: x, nullable: true`; `type: "null"` -> `nullable: true`."""
    kind = schema.get("type")
    kinds = kind if isinstance(kind, list) else [kind] if kind == "null" else None
    if kinds is None:
        return
    rest = [t for t in kinds if t != "null"]
    if "null" in kinds:
        schema["nullable"] = True
    if len(rest) == 1:
        schema["type"] = rest[0]
    elif rest:
        schema["type"] = rest
    else:
        del schema["type"]


def write_subsets(shared: Path, folder: Path) -> tuple[Path, Path]:
    reference = shared / "reference"
    old = subset(load_spec_file(reference / "openai-openapi.assistants-v1.yaml"), "/assistants")
    new = subset(load_spec_file(reference / "openai-openapi.latest.yaml"), "/assistants")
    info = {k: v for k, v in new["info"].items() if k in ("title", "version", "description")}
    new = {**to_openapi30(new), "openapi": "3.0.3", "info": info}
    paths = folder / "v1.assistants.json", folder / "latest.assistants.json"
    for path, document in zip(paths, (old, new), strict=True):
        path.write_text(json.dumps(document, indent=1, default=str), encoding="utf-8")
    return paths


# --------------------------------------------------------------------------- anchor


def install_openapi_diff(folder: Path) -> Path | None:
    npm = shutil.which("npm")
    if npm is None:
        print("npm not found: openapi-diff not measured", file=sys.stderr)
        return None
    subprocess.run(
        [npm, "install", "--no-save", "--silent", "--prefix", str(folder), OPENAPI_DIFF],
        check=True,
        capture_output=True,
    )
    return folder / "node_modules" / ".bin" / "openapi-diff"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--anchor", action="store_true", help="install and time openapi-diff")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    reference = args.shared / "reference"
    full = reference / "openai-openapi.assistants-v1.yaml", reference / "openai-openapi.latest.yaml"
    rows = [("docs2sdk diff, v1 -> latest (whole specs)", measure(ours(*full), args.runs))]
    with tempfile.TemporaryDirectory(prefix="docs2sdk-diff-bench-") as temp:
        folder = Path(temp)
        pair = write_subsets(args.shared, folder)
        rows.append(("docs2sdk diff, /assistants subsets", measure(ours(*pair), args.runs)))
        tool = install_openapi_diff(folder) if args.anchor else None
        if tool is not None:
            anchor = measure([str(tool), *map(str, pair)], 1)
            rows.append(("openapi-diff 0.24.1, /assistants subsets", anchor))
    report(rows)


def report(rows: list[tuple[str, dict[str, Any]]]) -> None:
    print(f"{'command':44} {'wall s':>8} {'peak MiB':>9} {'exit':>5}  first output line")
    for name, result in rows:
        print(
            f"{name:44} {result['wall']:8.2f} {result['peak']:9.0f} {result['code']:5.0f}  "
            f"{result['head']}"
        )
    whole = rows[0][1]["wall"]
    print(f"whole-spec diff: {whole:.2f} s ({'within' if whole <= 2 else 'OVER'} the 2 s target)")
    if len(rows) == 3:
        ratio = rows[2][1]["wall"] / rows[1][1]["wall"]
        print(f"openapi-diff / docs2sdk on the same subset files: {ratio:.0f}x")


if __name__ == "__main__":
    main()
