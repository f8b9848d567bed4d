"""The full-spec SDK held against openai-python 3.3.1 (issue 13, "How it will be checked").

    .venv/bin/python benchmarks/openai_parity.py [-v] [--only parity,overhead] [--sdk DIR]

1. Installs openai==3.3.1 (and the locked httpx our SDK uses) into the benchmark's own venv,
   `~/.cache/docs2sdk-bench/openai-venv` (`$DOCS2SDK_OPENAI_VENV` overrides), never into
   the project's.
2. Generates the SDK of `openai-openapi.latest.yaml` (`docs2sdk generate ... --package
   openai_bench`) into a temporary folder, or uses `--sdk DIR` (a folder holding
   `openai_bench/`).
3. `sdk_introspect.py` dumps both SDKs' resource methods in that venv; `parity_figures.py`
   matches them by HTTP method and path and prints the table (`-v`: what each figure misses).
4. `call_overhead.py` times the same calls of both clients over one canned-JSON handler
   behind each SDK's own `MockTransport` (no network).
See benchmarks/README.md ("openai-python parity").
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from parity_figures import figures, table

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SHARED = Path(os.environ.get("DOCS2SDK_SHARED", REPO.parent / "shared"))
LATEST = SHARED / "reference" / "openai-openapi.latest.yaml"
OPENAI = "openai==3.3.1"
PACKAGE = "openai_bench"


def bench_venv() -> Path:
    """The python of the benchmark's venv with openai-python (created on first use)."""
    default = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "docs2sdk-bench"
    venv = Path(os.environ.get("DOCS2SDK_OPENAI_VENV", default / "openai-venv"))
    python = venv / "bin" / "python"
    wanted = [OPENAI, f"httpx=={locked('httpx')}"]
    probe = "import httpx, openai; assert openai.__version__ == '3.3.1'"
    if python.exists() and subprocess.run([python, "-c", probe], check=False).returncode == 0:
        return python
    print(f"installing {' '.join(wanted)} into {venv} ...", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([python, "-m", "pip", "install", "-q", *wanted], check=True)
    return python


def locked(name: str) -> str:
    """The version of `name` in requirements-dev.lock (our SDK runs on those)."""
    text = (REPO / "requirements-dev.lock").read_text(encoding="utf-8")
    found = re.search(rf"^{re.escape(name)}==(\S+)", text, re.MULTILINE)
    if found is None:
        raise SystemExit(f"{name} is not in requirements-dev.lock")
    return found.group(1)


def generate(spec: Path, out: Path) -> Path:
    """Our SDK of `spec` in `out` (the folder that holds the `openai_bench` package)."""
    docs2sdk = Path(sys.executable).parent / "docs2sdk"
    command = [str(docs2sdk), "generate", str(spec), "-o", str(out), "--package", PACKAGE]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"docs2sdk generate failed:\n{done.stderr[-3000:]}")
    return out


def introspect(python: Path, package: str, client: str, path: Path | None) -> dict[str, Any]:
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    if path is not None:
        env["PYTHONPATH"] = str(path)
    command = [str(python), str(HERE / "sdk_introspect.py"), package, client]
    if package == PACKAGE:
        command.append("--models")
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"introspecting {package} failed:\n{done.stderr[-3000:]}")
    data: dict[str, Any] = json.loads(done.stdout)
    return data


def overhead(python: Path, sdk: Path, *, calls: int, streaming: bool) -> str:
    """The per-call timing table of `call_overhead.py` (both SDKs in the bench venv)."""
    env = dict(os.environ, PYTHONPATH=str(sdk))
    command = [str(python), str(HERE / "call_overhead.py"), "--calls", str(calls)]
    if not streaming:
        command.append("--no-ours-stream")
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"call_overhead.py failed:\n{done.stderr[-3000:]}")
    return done.stdout.rstrip()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list each figure's misses")
    parser.add_argument("--only", default="parity,overhead", help="parity, overhead or both")
    parser.add_argument("--sdk", type=Path, help="a folder holding an already generated SDK")
    parser.add_argument("--spec", type=Path, default=LATEST)
    parser.add_argument("--calls", type=int, default=400, help="calls per timing run")
    args = parser.parse_args(argv)
    parts = set(args.only.split(","))
    if not args.spec.exists() and args.sdk is None:
        raise SystemExit(f"no spec at {args.spec} (set DOCS2SDK_SHARED)")
    python = bench_venv()
    with tempfile.TemporaryDirectory(prefix="openai-parity-") as tmp:
        sdk = args.sdk.resolve() if args.sdk else generate(args.spec, Path(tmp))
        ours = introspect(python, PACKAGE, "Client", sdk)
        if "parity" in parts:
            theirs = introspect(python, "openai", "OpenAI", None)
            print(f"## openai-python 3.3.1 parity of {args.sdk or args.spec.name}\n")
            print(table(figures(theirs, ours), verbose=args.verbose))
        if "overhead" in parts:
            chat = [m for m in ours["methods"] if m["path"] == "/chat/completions"]
            stream = any("Stream[" in m["returns"] + "".join(m["overload_returns"]) for m in chat)
            print("\n## per-call overhead (MockTransport, no network)\n")
            print(overhead(python, sdk, calls=args.calls, streaming=stream))
            one, five, _ = os.getloadavg()
            print(f"\nload average {one:.2f}, {five:.2f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
