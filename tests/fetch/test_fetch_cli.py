"""`docs2sdk fetch` from the command line and config, then `build`; and the scheduled job's
shell steps (README, "Keeping an SDK in step with its docs") run here against the local
site: fetch -> build -> a change in generated/ is seen by `git status --porcelain`."""

from __future__ import annotations

import filecmp
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.cli import main
from tests.fetch.site import DocSite


@pytest.fixture
def site() -> Iterator[DocSite]:
    served = DocSite()
    yield served
    served.stop()


def _project(root: Path, base: str | None) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    fetch = f'\n[tool.docs2sdk.fetch.widgets]\nurls = ["{base}/docs/index.html"]\n' if base else ""
    (root / "pyproject.toml").write_text(f'[tool.docs2sdk]\napis = ["widgets"]\n{fetch}')
    return root


def _same_tree(left: Path, right: Path) -> bool:
    files = sorted(p.relative_to(left) for p in left.rglob("*") if p.is_file())
    other = sorted(p.relative_to(right) for p in right.rglob("*") if p.is_file())
    return files == other and all(filecmp.cmp(left / f, right / f, shallow=False) for f in files)


def test_fetch_from_config_then_build_is_the_build_of_the_saved_pages(
    site: DocSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _project(tmp_path / "fetched", site.base)
    assert main(["fetch", "--root", str(root)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("docs2sdk fetch: widgets: 7 new, 0 changed, 0 unchanged, 0 gone")
    assert main(["build", "--root", str(root)]) == 0
    spec = (root / "generated/widgets/openapi.yaml").read_text()
    for path in ("/gizmos:", "/widgets:", "/widgets/{widget_id}:", "/gadgets:"):
        assert path in spec
    copy = _project(tmp_path / "copied", None)
    shutil.copytree(root / "input", copy / "input")
    assert main(["build", "--root", str(copy)]) == 0
    assert _same_tree(root / "generated", copy / "generated")


def test_fail_on_change_and_usage_errors(site: DocSite, tmp_path: Path) -> None:
    url = f"{site.base}/docs/index.html"
    args = ["fetch", url, "--api", "widgets", "--root", str(tmp_path), "--fail-on-change"]
    assert main(args) == 1  # all new
    assert main(args) == 0  # nothing changed
    site.round = 2
    assert main(args) == 1
    assert main(["fetch", url, "--root", str(tmp_path)]) == 2  # no --api
    assert main(["fetch", url, "--api", "../up", "--root", str(tmp_path)]) == 2
    assert main(["fetch", "--root", str(tmp_path)]) == 2  # no URL, no config
    assert main(["fetch", "ftp://127.0.0.1/x", "--api", "w", "--root", str(tmp_path)]) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["input"]


JOB_STEPS = """
set -eu
docs2sdk fetch --root .
docs2sdk build --root .
if [ -n "$(git status --porcelain generated/)" ]; then echo CHANGED; else echo SAME; fi
"""
"""The `run:` steps of the README's workflow, with `docs2sdk` from this venv."""


def test_scheduled_job_steps_find_a_docs_change(site: DocSite, tmp_path: Path) -> None:
    root = _project(tmp_path / "project", site.base)
    scripts = Path(sys.executable).parent  # where this venv's `docs2sdk` is
    if not (scripts / "docs2sdk").exists() or not shutil.which("git"):
        pytest.skip("needs the docs2sdk script beside the interpreter, and git")
    env = {"PATH": f"{scripts}:/usr/bin:/bin", "HOME": str(tmp_path)}

    def run(script: str) -> str:
        done = subprocess.run(
            ["bash", "-c", script], cwd=root, env=env, capture_output=True, text=True, check=True
        )
        return done.stdout

    run("git init -q . && git config user.email ci@test && git config user.name ci")
    assert run(JOB_STEPS).strip().endswith("CHANGED")  # first run: generated/ is new
    run("git add -A && git commit -qm docs")
    assert run(JOB_STEPS).strip().endswith("SAME")
    site.round = 2
    assert run(JOB_STEPS).strip().endswith("CHANGED")
    diff = run("git diff generated/widgets/openapi.yaml")
    assert "colour" in diff
