"""Nothing lost: failed, interrupted or refused writes leave the previous output as it was.

Covers `write_tree` (disk errors and interrupts while staging, a failed swap, a process
killed between the two renames, leftovers, unsafe targets), `build` with an API that yields
nothing, the config bounds on `input`/`output`, atomic `scrape -o`, and `check`, which
must not write anything at all (mtimes included).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
from pathlib import Path

import pytest

from generator import output
from generator.cli import main
from generator.config import ConfigError, load_project
from generator.output import UnsafeTarget, check_relative, recover, write_tree
from tests.conftest import ROOT
from tests.hostile.conftest import run_cli, snapshot

HEADER = "# File generated from our OpenAPI spec by docs2sdk. See README.md.\n"
OLD = {Path("pyproject.toml"): HEADER, Path("pkg/a.py"): "A = 1\n", Path("pkg/b.py"): "B = 1\n"}
NEW = {Path("pyproject.toml"): HEADER, Path("pkg/a.py"): "A = 2\n", Path("pkg/c.py"): "C = 2\n"}


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


@pytest.fixture
def target(tmp_path: Path) -> Path:
    folder = tmp_path / "generated"
    write_tree(OLD, folder)
    return folder


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.parent.iterdir() if p.name != folder.name)


def test_write_tree_replaces_the_folder_exactly(target: Path) -> None:
    write_tree(NEW, target)
    assert tree(target) == {k.as_posix(): v.encode() for k, v in NEW.items()}
    assert leftovers(target) == []
    assert oct(target.stat().st_mode & 0o777) != oct(0o700), "the output is not private"


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt()])
@pytest.mark.parametrize("after", [0, 1, 2])
def test_a_failure_while_staging_leaves_the_old_tree(
    target: Path, monkeypatch: pytest.MonkeyPatch, failure: BaseException, after: int
) -> None:
    before = tree(target)
    real_open = Path.open
    calls = []

    def failing_open(self: Path, mode: str = "r", *args: object, **kwargs: object) -> object:
        if "x" in mode:
            calls.append(self)
            if len(calls) > after:
                raise failure
        return real_open(self, mode, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", failing_open)
    with pytest.raises(type(failure)):
        write_tree(NEW, target)
    monkeypatch.undo()
    assert tree(target) == before
    assert leftovers(target) == []


@pytest.mark.parametrize("failure", [OSError(18, "Invalid cross-device link"), KeyboardInterrupt()])
def test_a_failed_second_rename_puts_the_old_tree_back(
    target: Path, monkeypatch: pytest.MonkeyPatch, failure: BaseException
) -> None:
    """The window between `target -> .old` and `staging -> target`."""
    before = tree(target)
    real_rename = Path.rename
    failed: list[Path] = []

    def rename(self: Path, to: Path) -> Path:
        if Path(to) == target and not failed:
            failed.append(self)
            raise failure
        return real_rename(self, to)

    monkeypatch.setattr(Path, "rename", rename)
    with pytest.raises(type(failure)):
        write_tree(NEW, target)
    monkeypatch.undo()
    assert tree(target) == before
    assert leftovers(target) == []


def test_a_run_killed_between_the_renames_is_recovered_by_the_next(target: Path) -> None:
    before = tree(target)
    backup = target.with_name(f".{target.name}-old")
    target.rename(backup)  # what a SIGKILL between the two renames leaves
    recover(target)
    assert tree(target) == before and not backup.exists()
    target.rename(backup)
    write_tree(NEW, target)  # a later write also starts by recovering
    assert tree(target)["pkg/c.py"] == b"C = 2\n"
    assert leftovers(target) == []


def test_interrupts_are_held_back_during_the_swap(
    target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SIGINT arriving between the renames is delivered after the swap, not inside it."""
    real_rename = Path.rename
    fired: list[bool] = []

    def rename(self: Path, to: Path) -> Path:
        if not fired:
            fired.append(True)
            os.kill(os.getpid(), signal.SIGINT)
        return real_rename(self, to)

    monkeypatch.setattr(Path, "rename", rename)
    # a run started in the background by a shell inherits SIGINT ignored: Python's own
    # handler is what raises KeyboardInterrupt
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with pytest.raises(KeyboardInterrupt):
            write_tree(NEW, target)
    finally:
        signal.signal(signal.SIGINT, previous)
    monkeypatch.undo()
    assert tree(target)["pkg/c.py"] == b"C = 2\n", "the swap completed before the interrupt"
    assert leftovers(target) == []


def test_stale_staging_folders_of_killed_runs_are_removed(target: Path) -> None:
    stale = target.with_name(f".{target.name}-new-abc123")
    fresh = target.with_name(f".{target.name}-new-def456")
    for folder in (stale, fresh):
        folder.mkdir()
        (folder / "x.py").write_text("x")
    os.utime(stale, (0, 0))
    write_tree(NEW, target)
    assert not stale.exists(), "an hour-old staging folder is a leftover"
    assert fresh.exists(), "a young one may belong to a build still running"


@pytest.mark.parametrize(
    "relative", ["../x.py", "/etc/x.py", "a/../../x.py", "a\x00b.py", "", ".", "a\\..\\x.py"]
)
def test_paths_that_leave_the_folder_are_refused(target: Path, relative: str) -> None:
    before = tree(target)
    with pytest.raises(ValueError, match="refusing"):
        check_relative(Path(relative))
    with pytest.raises(ValueError, match="refusing"):
        write_tree({Path(relative): "x"}, target)
    assert tree(target) == before


def test_folders_that_are_not_ours_are_not_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = tmp_path / "src"
    mine.mkdir()
    (mine / "app.py").write_text("precious = True\n")
    with pytest.raises(UnsafeTarget, match="not docs2sdk output"):
        write_tree(NEW, mine)
    monkeypatch.chdir(mine)
    for folder in (mine, tmp_path, Path("/")):
        with pytest.raises(UnsafeTarget):
            write_tree(NEW, folder)
    link = tmp_path / "link"
    link.symlink_to(mine, target_is_directory=True)
    with pytest.raises(UnsafeTarget, match="not a folder"):
        write_tree(NEW, link)
    assert (mine / "app.py").read_text() == "precious = True\n"


def test_generate_into_the_working_folder_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = tmp_path / "spec.json"
    spec.write_text('{"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {}}')
    monkeypatch.chdir(tmp_path)
    before = snapshot(tmp_path)
    run = run_cli(["generate", str(spec), "-o", "."])
    assert (run.error, run.code) == (None, 2)
    assert "refusing to replace" in run.stderr
    assert snapshot(tmp_path) == before


def _project(tmp_path: Path, apis: list[str], **folders: str) -> Path:
    root = tmp_path / "project"
    for api in ("openai-assistants-v2", "portkey"):
        shutil.copytree(ROOT / "input" / api, root / "input" / api)
    lines = [f"apis = {json.dumps(apis)}"]
    lines += [f"{key} = {json.dumps(value)}" for key, value in folders.items()]
    (root / "pyproject.toml").write_text("[tool.docs2sdk]\n" + "\n".join(lines) + "\n")
    return root


def _built_then_given_a_page(tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    """A project built once, then given a new page: (its root, `generated/` as built)."""
    root = _project(tmp_path, ["openai-assistants-v2"])
    assert main(["build", "--root", str(root), "--no-cache"]) == 0
    contents = tree(root / "generated")
    (root / "input" / "openai-assistants-v2" / "extra.md").write_text(
        "# Extra\n\n`GET https://api.openai.com/v1/extras`\n"
    )
    return root, contents


def test_a_build_where_an_api_yields_nothing_keeps_generated(tmp_path: Path) -> None:
    root = _project(tmp_path, ["openai-assistants-v2", "portkey"])
    assert main(["build", "--root", str(root), "--no-cache"]) == 0
    generated = root / "generated"
    before = snapshot(generated)
    contents = tree(generated)
    for page in (root / "input" / "portkey").iterdir():  # portkey's pages all go bad
        page.write_bytes(b"\x00\x01\x02\xff" * 100)
    run = run_cli(["build", "--root", str(root), "--no-cache"])
    assert (run.error, run.code) == (None, 1)
    assert "no operation found for portkey; generated/ left unchanged" in run.stderr
    assert "not a text page" in run.stderr
    assert snapshot(generated) == before and tree(generated) == contents
    assert leftovers(generated) == ["input", "pyproject.toml"]


def test_a_disk_error_mid_build_keeps_generated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, contents = _built_then_given_a_page(tmp_path)
    generated = root / "generated"
    real_open = Path.open
    written: list[Path] = []

    def failing_open(self: Path, mode: str = "r", *args: object, **kwargs: object) -> object:
        if "x" in mode:
            written.append(self)
            if len(written) == 10:
                raise OSError(28, "No space left on device", str(self))
        return real_open(self, mode, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", failing_open)
    run = run_cli(["build", "--root", str(root), "--no-cache"])
    monkeypatch.undo()
    assert (run.error, run.code) == (None, 1)
    assert "No space left on device" in run.stderr and "Traceback" not in run.stderr
    assert tree(generated) == contents
    assert leftovers(generated) == ["input", "pyproject.toml"]


def test_an_interrupted_build_keeps_generated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, contents = _built_then_given_a_page(tmp_path)
    generated = root / "generated"

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(output, "_swap", interrupted)
    run = run_cli(["build", "--root", str(root), "--no-cache"])
    assert (run.error, run.code) == (None, 130)
    assert "interrupted" in run.stderr
    assert tree(generated) == contents
    assert leftovers(generated) == ["input", "pyproject.toml"]


def test_check_never_writes(tmp_path: Path) -> None:
    root = _project(tmp_path, ["openai-assistants-v2", "portkey"])
    assert main(["build", "--root", str(root)]) == 0
    (root / "generated" / "portkey" / "api.md").write_text("edited\n")
    shutil.rmtree(root / ".docs2sdk-cache", ignore_errors=True)
    before = snapshot(tmp_path)
    for args in (["check"], ["check", "--no-cache"]):
        run = run_cli([*args, "--root", str(root)])
        assert (run.error, run.code) == (None, 1)
        assert "~ portkey/api.md" in run.stderr
        assert snapshot(tmp_path) == before, "check wrote something"


def test_scrape_output_is_written_whole_or_not_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "spec.yaml"
    out.write_text("previous\n")
    page = ROOT / "input" / "portkey"

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    run = run_cli(["scrape", str(page), "-o", str(out)])
    assert run.code == 130
    assert out.read_text() == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["spec.yaml"]


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("output", "."),
        ("output", ".."),
        ("output", "../elsewhere"),
        ("output", "/tmp/generated"),
        ("output", "input"),
        ("output", "a\x00b"),
        ("input", "../../etc"),
        ("input", "/etc"),
        ("output", ""),
    ],
)
def test_config_folders_stay_inside_the_project(tmp_path: Path, key: str, value: str) -> None:
    root = _project(tmp_path, ["portkey"], **{key: value})
    with pytest.raises(ConfigError, match=r"inside the project|must not hold"):
        load_project(root)
    run = run_cli(["build", "--root", str(root)])
    assert (run.error, run.code) == (None, 2)


@pytest.mark.parametrize(
    "apis", [["../../x"], ["/abs"], [".."], ["a/b"], ["a\x00b"], ["Portkey", "portkey"], [""]]
)
def test_api_names_that_escape_are_refused(tmp_path: Path, apis: list[str]) -> None:
    root = _project(tmp_path, ["portkey"])
    text = (root / "pyproject.toml").read_text().replace('["portkey"]', json.dumps(apis))
    (root / "pyproject.toml").write_text(text)
    before = snapshot(tmp_path)
    run = run_cli(["build", "--root", str(root)])
    assert (run.error, run.code) == (None, 2), run.stderr
    assert snapshot(tmp_path) == before
