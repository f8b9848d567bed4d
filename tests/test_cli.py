"""The command line contract: outputs, exit codes, problem lines, byte-stable output."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from openapi_spec_validator import validate

from generator.cli import main
from tests.conftest import ROOT

SEED = ROOT / "input" / "openai-assistants-v1" / "000_9ec4c17cb5408141.txt"
PROBLEM_LINE = re.compile(r"^.+:\d+: (warning|error): .+$")


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


def test_scrape_writes_yaml_to_stdout() -> None:
    done = run("scrape", str(SEED))
    assert done.returncode == 0, done.stderr
    document = yaml.safe_load(done.stdout)
    assert list(document["paths"]) == ["/assistants"]


def test_scrape_output_file_is_valid_and_byte_stable(tmp_path: Path) -> None:
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    assert main(["scrape", str(ROOT / "input" / "openai-assistants-v2"), "-o", str(first)]) == 0
    assert main(["scrape", str(ROOT / "input" / "openai-assistants-v2"), "-o", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()
    validate(yaml.safe_load(first.read_text()))


@pytest.mark.parametrize("api", ["openai-assistants-v1", "openai-assistants-v2", "portkey"])
def test_every_seed_api_gives_a_valid_spec(api: str, tmp_path: Path) -> None:
    out = tmp_path / "spec.yaml"
    assert main(["scrape", str(ROOT / "input" / api), "-o", str(out)]) == 0
    document = yaml.safe_load(out.read_text())
    validate(document)
    for item in document["paths"].values():
        for operation in item.values():
            assert re.match(r"^input/.+:\d+-\d+$", operation["x-source"])


def test_missing_file_is_a_usage_error() -> None:
    done = run("scrape", "no/such/page.txt")
    assert done.returncode == 2
    assert "no such file" in done.stderr


def test_nothing_usable_exits_1_with_problem_lines(tmp_path: Path) -> None:
    page = tmp_path / "notes.txt"
    page.write_text("Just some prose.\nNo API here.\n")
    done = run("scrape", str(page))
    assert done.returncode == 1
    problems = [line for line in done.stderr.splitlines() if not line.startswith("docs2sdk:")]
    assert problems and all(PROBLEM_LINE.match(line) for line in problems)


def test_strict_turns_warnings_into_failure(tmp_path: Path) -> None:
    shutil.copy(SEED, tmp_path / "a.txt")
    shutil.copy(SEED, tmp_path / "b.txt")
    assert run("scrape", str(tmp_path)).returncode == 0
    strict = run("scrape", "--strict", str(tmp_path))
    assert strict.returncode == 1
    assert "also described at" in strict.stderr


def test_binary_page_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 64)
    shutil.copy(SEED, tmp_path / "seed.txt")
    done = run("scrape", str(tmp_path))
    assert done.returncode == 0
    assert "blob.txt:0: error: not a text page" in done.stderr


def test_build_writes_every_api_and_keeps_output_on_failure(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "input", tmp_path / "input")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    assert run("build", "--root", str(tmp_path), cwd=tmp_path).returncode == 0
    built = sorted(
        p.relative_to(tmp_path).as_posix() for p in (tmp_path / "generated").rglob("*.yaml")
    )
    assert built == [
        f"generated/{api}/openapi.yaml"
        for api in ("openai-assistants-v1", "openai-assistants-v2", "portkey")
    ]
    before = {p: p.read_bytes() for p in (tmp_path / "generated").rglob("*") if p.is_file()}
    for page in (tmp_path / "input" / "portkey").iterdir():
        page.write_text("nothing here\n")
    failed = run("build", "--root", str(tmp_path), cwd=tmp_path)
    assert failed.returncode == 1
    after = {p: p.read_bytes() for p in (tmp_path / "generated").rglob("*") if p.is_file()}
    assert after == before
