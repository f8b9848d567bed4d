"""`docs2sdk diff`: formats, exit codes, `--paths`, and bad input as `file:line: error:`."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.cli import main
from tests.conftest import ROOT
from tests.diff.specs import INTEGER, STRING, document, obj, operation

ERROR_LINE = re.compile(r"^\S.*:\d+: error: .+$")


def write(path: Path, doc: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(doc), encoding="utf-8")
    return path


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    """One breaking change (a response field removed) and one info change (a new path)."""
    old = operation(response=obj("id", "name", id=STRING, name=STRING))
    new = operation(response=obj("id", id=STRING))
    new["paths"]["/others"] = {"get": {"responses": {"200": {"description": "OK"}}}}
    return write(tmp_path / "old.yaml", old), write(tmp_path / "new.json", new)


def run_main(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main(["diff", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_text_is_the_default(pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_main(capsys, *pair)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].endswith("1 breaking, 0 warnings, 1 info (2 changes in 2 operations)")
    assert lines[1] == (
        "BREAKING POST /things response.200.name: property name removed (was string) "
        "[response-property-removed]"
    )


def test_json_lists_every_field(
    pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_main(capsys, *pair, "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert data["summary"] == {"breaking": 1, "warning": 0, "info": 1}
    first = data["changes"][0]
    assert set(first) == {"id", "severity", "operation", "path", "old", "new", "message"}
    assert (first["id"], first["old"], first["new"]) == (
        "response-property-removed",
        "string",
        None,
    )


def test_markdown_puts_breaking_first(
    pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run_main(capsys, *pair, "--format", "markdown")
    assert out.startswith("# API changes: ")
    assert out.index("## Breaking changes (1)") < out.index("## Other changes (1)")
    assert "### `POST /things`" in out and "### `GET /others`" in out


@pytest.mark.parametrize(("fail_on", "expected"), [(None, 0), ("breaking", 1), ("any", 1)])
def test_fail_on(
    pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str], fail_on: str | None, expected: int
) -> None:
    extra = [] if fail_on is None else ["--fail-on", fail_on]
    assert run_main(capsys, *pair, *extra)[0] == expected


def test_fail_on_any_passes_without_changes(
    pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    old, _ = pair
    code, out, _ = run_main(capsys, old, old, "--fail-on", "any", "--format", "markdown")
    assert code == 0
    assert "No changes." in out


def test_fail_on_breaking_passes_with_info_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = write(tmp_path / "a.yaml", operation(response=obj(id=STRING)))
    new = write(tmp_path / "b.yaml", operation(response=obj(id=STRING, n=INTEGER)))
    assert run_main(capsys, old, new, "--fail-on", "breaking")[0] == 0


def test_paths_keeps_operations_under_the_prefixes(
    pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run_main(capsys, *pair, "--paths", "/others", "--format", "json")
    assert [c["operation"] for c in json.loads(out)["changes"]] == ["GET /others"]
    _, out, _ = run_main(capsys, *pair, "--paths", "/oth", "--format", "json")
    assert json.loads(out)["changes"] == []


def test_pages_folder_against_a_spec_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = tmp_path / "v2.yaml"
    assert main(["scrape", str(ROOT / "input" / "openai-assistants-v2"), "-o", str(spec)]) == 0
    capsys.readouterr()
    code, out, _ = run_main(
        capsys, ROOT / "input" / "openai-assistants-v2", spec, "--fail-on", "any"
    )
    assert code == 0, out


def bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    (tmp_path / "empty").mkdir()
    (tmp_path / "notes.txt").write_text("nothing about any API here\n", encoding="utf-8")
    (tmp_path / "list.yaml").write_text("- 1\n- 2\n", encoding="utf-8")
    (tmp_path / "config.yaml").write_text("name: x\nversion: 2\n", encoding="utf-8")
    (tmp_path / "broken.yaml").write_text("openapi: 3.1.0\npaths: {a: [\n", encoding="utf-8")
    return {
        "missing": (tmp_path / "no" / "such.yaml", ":0: error: no such file or folder"),
        "no pages": (tmp_path / "empty", ":0: error: no API operation found"),
        "not a page": (tmp_path / "notes.txt", ":0: error: no API operation found"),
        "not a mapping": (tmp_path / "list.yaml", ":1: error: not an OpenAPI document"),
        "not a spec": (tmp_path / "config.yaml", ":1: error: not an OpenAPI 3 or Swagger 2"),
        "bad yaml": (tmp_path / "broken.yaml", ":3: error: not valid YAML or JSON"),
    }


@pytest.mark.parametrize(
    "case", ["missing", "no pages", "not a page", "not a mapping", "not a spec", "bad yaml"]
)
def test_bad_input_exits_2_with_a_located_message(
    tmp_path: Path, pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str], case: str
) -> None:
    path, message = bad_inputs(tmp_path)[case]
    code, out, err = run_main(capsys, pair[0], path)
    assert code == 2
    assert out == ""
    last = err.strip().splitlines()[-1]
    assert last.startswith(str(path)) and message in last
    assert ERROR_LINE.match(last)


def test_bad_input_never_shows_a_traceback(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "generator", "diff", str(tmp_path / "a.yaml"), str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.strip() == f"{tmp_path / 'a.yaml'}:0: error: no such file or folder"


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["diff", "a.yaml"])
    assert exit_info.value.code == 2
    with pytest.raises(SystemExit):
        main(["diff", "a.yaml", "b.yaml", "--format", "html"])
    capsys.readouterr()


def test_a_spec_with_odd_shapes_does_not_crash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    odd = document(
        {"/a": {"get": {"parameters": [1, {"in": "query"}], "responses": [], "requestBody": 3}}},
        components={"schemas": {"X": {"$ref": "#/components/schemas/X"}}, "securitySchemes": []},
        servers="nope",
        security={"a": 1},
    )
    odd["paths"]["/b"] = {"post": {"responses": {"200": {"content": {"application/json": {
        "schema": {"$ref": "#/components/schemas/X"}}}}}}}  # fmt: skip
    old, new = write(tmp_path / "odd.yaml", odd), write(tmp_path / "plain.yaml", document())
    assert run_main(capsys, old, new)[0] == 0
    assert run_main(capsys, new, old)[0] == 0
