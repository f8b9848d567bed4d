"""Timing child processes: wall time and peak memory, medians, and the anchor's venv.

Peak memory is `/usr/bin/time -f %M`: the largest resident set of the command or of any
process it waited for, so a forked worker counts as itself, not added to its parent. (The
`wait4` figure of a child forked from this process would include this process's own size;
it is used only where there is no /usr/bin/time.)
"""

from __future__ import annotations

import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

ANCHOR_PACKAGE = "openapi-python-client==0.29.1"
REPO = Path(__file__).resolve().parents[1]
OURS = REPO / ".venv" / "bin"
TIME = shutil.which("time", path="/usr/bin:/bin")
Command = list[str | Path]


@dataclass(frozen=True)
class Sample:
    seconds: float
    mib: float

    def __str__(self) -> str:
        return f"{self.seconds:7.2f} s {self.mib:5.0f} MiB"


class Failed(RuntimeError):
    """A measured command exited non-zero (the message holds the end of its output)."""


def timed(
    command: Command,
    *,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    log: Path | None = None,
    ok: tuple[int, ...] = (0,),
) -> Sample:
    """Run `command` to completion: its wall time and peak memory. Raises `Failed`."""
    target = log or Path(os.devnull)
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as stats, target.open("wb") as out:
        wrapped = [TIME, "-f", "%M", "-o", stats.name, *map(str, command)] if TIME else command
        start = time.perf_counter()
        proc = subprocess.Popen(wrapped, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        kib = int(stats.read().split()[-1]) if TIME else usage.ru_maxrss
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in ok:
        tail = target.read_text(errors="replace")[-2000:] if log else ""
        raise Failed(f"exit {proc.returncode}: {' '.join(map(str, command))}\n{tail}")
    return Sample(seconds, kib / 1024)


def median(samples: Sequence[Sample]) -> Sample:
    return Sample(
        statistics.median(s.seconds for s in samples), statistics.median(s.mib for s in samples)
    )


def repeat(runs: int, measure: Callable[[int], Sample]) -> Sample:
    """The median of `runs` calls of `measure(index)`."""
    return median([measure(i) for i in range(runs)])


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f}, {five:.2f}, {fifteen:.2f} on {os.cpu_count()} cores"


def anchor_venv() -> Path:
    """A venv with openapi-python-client (created on first use); its bin folder."""
    default = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "docs2sdk-bench"
    venv = Path(os.environ.get("DOCS2SDK_BENCH_VENV", default / "venv"))
    binary = venv / "bin" / "openapi-python-client"
    if not binary.exists():
        print(f"installing {ANCHOR_PACKAGE} into {venv} ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", ANCHOR_PACKAGE]
        subprocess.run(pip, check=True)
    return venv / "bin"


def snapshot(target: Path) -> str:
    """Copy generator/ and templates/ to `target` and make every child import that copy.

    Others may edit the working tree while the benchmark runs; a snapshot keeps the code
    (and so the cache's code fingerprint) the same from the first run to the last.
    Returns the commit measured ("abc1234+changes" with uncommitted edits).
    """
    for name in ("generator", "templates"):
        shutil.copytree(REPO / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    compileall.compile_dir(target / "generator", quiet=1)  # no figure pays for compiling
    os.environ["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(target), os.environ.get("PYTHONPATH")])
    )
    head = _git("rev-parse", "--short", "HEAD")
    return head + ("+changes" if _git("status", "--porcelain", "generator", "templates") else "")


def _git(*args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(REPO), *args], capture_output=True, text=True, check=False
    )
    return done.stdout.strip()


def with_path(folder: Path) -> dict[str, str]:
    """The environment with `folder` first on PATH (the anchor's ruff post-hooks need it)."""
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    env["PATH"] = f"{folder}{os.pathsep}{env.get('PATH', '')}"
    return env


def version(binary: Path) -> str:
    done = subprocess.run([str(binary), "--version"], capture_output=True, text=True, check=False)
    return (done.stdout or done.stderr).strip().splitlines()[0] if done.returncode == 0 else "?"
