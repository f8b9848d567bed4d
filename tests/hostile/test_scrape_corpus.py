"""`docs2sdk scrape` over every page of the corpus: a clear problem or a correct result."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml

from tests.hostile.conftest import run_cli, snapshot
from tests.hostile.corpus import PageCase, page_cases

PROBLEM_LINE = re.compile(r"^\S.*:\d+: (warning|error): \S.*$")
CASES = page_cases()


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_scrape_ends_with_a_problem_or_a_result(
    case: PageCase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = case.write(tmp_path / "pages")
    out = tmp_path / "out" / "spec.yaml"
    monkeypatch.chdir(tmp_path)
    before = snapshot(tmp_path)

    run = run_cli(["scrape", str(page), "-o", str(out)])

    assert run.error is None, f"{type(run.error).__name__}: {run.error}"
    assert "Traceback" not in run.stderr
    assert "internal error" not in run.stderr, run.stderr
    lines = run.stderr.splitlines()
    problems = [line for line in lines if not line.startswith("docs2sdk:")]
    assert all(PROBLEM_LINE.match(line) for line in problems), run.stderr
    written = set(snapshot(tmp_path)) - set(before)
    assert written <= {"out", "out/spec.yaml"}
    if case.expect == "operations":
        assert run.code == 0, run.stderr
    elif case.expect == "problem":
        assert run.code == 1, run.stderr
        assert problems, "a page without operations must say why"
        assert not out.exists()
    if run.code == 0:
        document = yaml.safe_load(out.read_text(encoding="utf-8"))
        assert document["paths"]
        _check_names(case, document)


def _check_names(case: PageCase, document: dict[str, object]) -> None:
    """Names the page gives are in the spec, byte for byte (nothing renamed or lost)."""
    if not case.names:
        return
    found: set[str] = set()
    _collect(document, found)
    missing = [name for name in case.names if name not in found and not _nested(name, found)]
    assert not missing, f"names lost in {case.id}: {missing}"


def _nested(name: str, found: set[str]) -> bool:
    """A dotted name in a field table (`a.b.c`) is read as nesting, as real references mean
    it (`data.msgId`): each part is then a name in the spec."""
    parts = name.split(".")
    return len(parts) > 1 and all(parts) and all(part in found for part in parts)


def _collect(node: object, found: set[str]) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "properties" and isinstance(value, dict):
                found.update(str(k) for k in value)
            if key == "name" and isinstance(value, str):
                found.add(value)
            _collect(value, found)
    elif isinstance(node, list):
        for value in node:
            _collect(value, found)


def test_a_page_named_to_forge_problem_lines_cannot(tmp_path: Path) -> None:
    """File names are untrusted too: a newline or undecodable bytes stay on one line."""
    folder = tmp_path / "pages"
    folder.mkdir()
    source = next(c for c in CASES if c.id == "markdown-keywords")
    for name in ("new\nx.md:1: error: forged.md", "bad\udcff\udcfe.md", "ok.md"):
        source.write(folder).rename(folder / name)
    run = run_cli(["scrape", str(folder), "-o", str(tmp_path / "spec.yaml")])
    assert run.error is None and run.code == 0, run.stderr
    assert not any(line.startswith("x.md:1") for line in run.stderr.splitlines())
    assert "\\n" in run.stderr
    document = yaml.safe_load((tmp_path / "spec.yaml").read_text(encoding="utf-8"))
    assert document["paths"]


def test_devices_and_pipes_are_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    run = run_cli(["scrape", str(fifo), "/dev/zero"])
    assert run.error is None and run.code == 1
    assert run.stderr.count("not a regular file") == 2
