"""The corpus written to a sandbox and run through the command line once per session.

`sandbox/project` is a docs2sdk project whose APIs are folders of hostile pages
(`family`, `embedded`, `encodings`, `broken`); `docs2sdk build` writes its `generated/`.
`sandbox/specs` holds hostile specs that `docs2sdk generate` renders into `sandbox/out/`.
Every command runs in-process with the sandbox as working folder, and the sandbox is
snapshotted around the runs, so tests can tell what was written where.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from generator.cli import main
from tests.hostile.corpus import page_cases
from tests.hostile.specs import escape_spec, hostile_spec
from tests.hostile.texts import ESCAPES

DIFF_AVAILABLE = importlib.util.find_spec("generator.diff") is not None
"""`docs2sdk diff` (generator/diff) was being written alongside; its cases run once it is in."""

APIS = {"family": ("markdown", "bump", "apifox", "mintlify", "html"), "embedded": ("embedded",)}
APIS |= {"encodings": ("enc",), "broken": ("broken", "huge")}

Snapshot = dict[str, tuple[int, int]]


@dataclass(frozen=True)
class Run:
    """One command line run: arguments, exit code, stderr, and any exception it raised."""

    args: list[str]
    code: int | None
    stderr: str
    error: BaseException | None = None
    stdout: str = ""


@dataclass
class Sandbox:
    root: Path
    project: Path
    runs: dict[str, Run] = field(default_factory=dict)
    before: Snapshot = field(default_factory=dict)
    after: Snapshot = field(default_factory=dict)
    around_before: set[str] = field(default_factory=set)
    around_after: set[str] = field(default_factory=set)
    """What is beside the sandbox (where `../x` would land), before and after the runs."""
    outputs: list[Path] = field(default_factory=list)
    """Folders the commands were told to write (everything else must stay untouched)."""
    packages: dict[str, Path] = field(default_factory=dict)
    """Generated import name -> the folder to put on sys.path."""


def run_cli(args: list[str]) -> Run:
    stderr, stdout = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(stdout):
            code = main(args)
    except BaseException as exc:  # any escape is what the tests look for
        return Run(args, None, stderr.getvalue(), exc, stdout.getvalue())
    return Run(args, code, stderr.getvalue(), stdout=stdout.getvalue())


def snapshot(root: Path) -> Snapshot:
    found: Snapshot = {}
    for folder, dirs, files in os.walk(root):
        for name in [*dirs, *files]:
            path = Path(folder) / name
            stat = path.lstat()
            found[path.relative_to(root).as_posix()] = (stat.st_size, stat.st_mtime_ns)
    return found


def _escape_targets() -> set[str]:
    """The absolute places the corpus names (`/tmp/escape` ...), with their state."""
    found = set()
    for escape in ESCAPES:
        if escape.startswith(("/", "~")):
            path = Path(escape.replace("\x00", "")).expanduser()
            state = path.lstat() if path.exists() else None
            found.add(f"{path}: {state and (state.st_size, state.st_mtime_ns)}")
    return found


def _write_project(project: Path) -> None:
    apis = ", ".join(json.dumps(api) for api in APIS)
    (project / "pyproject.toml").write_text(f"[tool.docs2sdk]\napis = [{apis}]\n")
    for case in page_cases():
        top = case.filename.split("/")[0]
        api = next(name for name, tops in APIS.items() if top in tops)
        case.write(project / "input" / api)


def _write_specs(specs: Path) -> list[tuple[str, Path, list[str]]]:
    """(run name, spec file, extra arguments) for every `generate` run."""
    specs.mkdir()
    runs = []
    omnibus = specs / "omnibus.json"
    omnibus.write_text(json.dumps(hostile_spec()), encoding="utf-8")
    runs.append(("omnibus", omnibus, ["--package", "hostile_omnibus"]))
    runs.append(("malformed", specs / "malformed.json", ["--package", "hostile_malformed"]))
    for i, name in enumerate(ESCAPES):
        spec = specs / f"escape_{i}.json"
        spec.write_text(json.dumps(escape_spec(name)), encoding="utf-8")
        runs.append((f"escape-title-{i}", spec, []))
        if name in ("../../x", "/etc/passwd", "a\x00b"):
            runs.append((f"escape-package-{i}", spec, ["--package", name]))
    _write_broken_specs(specs)
    return runs


def _write_broken_specs(specs: Path) -> None:
    changed = hostile_spec(title='changed """ title')
    del changed["paths"]["/things"]
    changed["paths"]["/class/{class}"]["get"]["parameters"][0]["required"] = True
    (specs / "changed.json").write_text(json.dumps(changed), encoding="utf-8")
    (specs / "binary.json").write_bytes(b"\x00\xff" * 1000)
    (specs / "deep.json").write_text(
        '{"openapi": "3.1.0", "paths": ' + "[" * 5000 + "]" * 5000 + "}"
    )
    (specs / "bomb.yaml").write_text(_bomb_yaml(), encoding="utf-8")
    (specs / "not_spec.yaml").write_text("- just\n- a list\n", encoding="utf-8")
    (specs.parent / "empty").mkdir()
    malformed = hostile_spec()
    malformed["paths"]["/things"]["post"]["parameters"] = [7, {"name": 3}, {"in": "x"}]
    malformed["paths"]["/class/{class}"]["get"] = "not an operation"
    malformed["components"]["schemas"]["Foo"]["properties"] = ["not", "a", "map"]
    malformed["servers"] = [{"url": 5}, "x"]
    malformed["info"] = "a string"
    (specs / "malformed.json").write_text(json.dumps(malformed), encoding="utf-8")


DIFF_FAILURES = {"missing", "binary", "deep", "bomb", "not-a-spec", "empty-folder"}
"""`diff` runs that must end with exit 2 and a problem line (the others compare)."""


GENERATE_FAILURES = {
    "generate-binary": "binary.json",
    "generate-deep": "deep.json",
    "generate-bomb": "bomb.yaml",
    "generate-not-a-spec": "not_spec.yaml",
}
"""`generate` runs that must end with exit 2 and a problem line."""


def _diff_runs(root: Path) -> dict[str, list[str]]:
    specs, pages = root / "specs", root / "project" / "input"
    omnibus, changed_file = str(specs / "omnibus.json"), str(specs / "changed.json")
    return {
        "specs-text": [omnibus, changed_file],
        "specs-json": [omnibus, changed_file, "--format", "json"],
        "specs-markdown": [changed_file, omnibus, "--format", "markdown", "--fail-on", "any"],
        "pages": [str(pages / "family"), str(pages / "embedded"), "--format", "markdown"],
        "pages-json": [str(pages / "broken"), str(pages / "encodings"), "--format", "json"],
        "mixed": [str(pages / "embedded"), omnibus, "--fail-on", "breaking"],
        "missing": [omnibus, str(specs / "no_such.json")],
        "binary": [omnibus, str(specs / "binary.json")],
        "deep": [str(specs / "deep.json"), omnibus],
        "bomb": [str(specs / "bomb.yaml"), omnibus],
        "not-a-spec": [omnibus, str(specs / "not_spec.yaml")],
        "empty-folder": [str(root / "empty"), omnibus],
    }


def _bomb_yaml() -> str:
    lines = ["openapi: 3.1.0", "info: {title: bomb, version: '1'}", 'a0: &a0 ["lol", "lol"]']
    lines += [f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]" for i in range(1, 16)]
    lines += ["paths: {/x: {get: {x-bomb: *a15, responses: {'200': {description: ok}}}}}"]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="session")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sandbox]:
    root = tmp_path_factory.mktemp("hostile")
    box = Sandbox(root=root, project=root / "project")
    box.project.mkdir()
    _write_project(box.project)
    generate_runs = _write_specs(root / "specs")
    (root / "out").mkdir()
    diff_runs = _diff_runs(root) if DIFF_AVAILABLE else {}
    box.before = snapshot(root)
    box.around_before = set(os.listdir(root.parent)) | _escape_targets()
    cwd = Path.cwd()
    os.chdir(root)
    try:
        box.runs["build"] = run_cli(["build", "--root", str(box.project)])
        box.outputs.append(box.project / "generated")
        for name, spec, extra in generate_runs:
            target = root / "out" / name
            box.runs[name] = run_cli(["generate", str(spec), "-o", str(target), *extra])
            box.outputs.append(target)
        for name, args in diff_runs.items():
            box.runs["diff-" + name] = run_cli(["diff", *args])
        for name, file in GENERATE_FAILURES.items():
            spec = root / "specs" / file
            box.runs[name] = run_cli(["generate", str(spec), "-o", str(root / "out" / name)])
    finally:
        os.chdir(cwd)
    box.after = snapshot(root)
    box.around_after = set(os.listdir(root.parent)) | _escape_targets()
    for output in box.outputs:
        for init in output.glob("**/__init__.py"):
            if init.parent.parent.joinpath("pyproject.toml").is_file():
                box.packages[init.parent.name + "@" + output.name] = init.parent.parent
    yield box
    sys.path[:] = [p for p in sys.path if not p.startswith(str(root))]
