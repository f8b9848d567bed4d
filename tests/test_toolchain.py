"""The lock: what the project installs, and the versions that shape generated code.

A version of datamodel-code-generator, black or ruff other than the locked one fails here by
name, before a golden test fails with a diff nobody can explain."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from generator.cli import main
from generator.toolchain import LOCK, SHAPING, canonical, drift, installed_version, locked_versions
from tests.conftest import ROOT

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
RUNTIME = [Requirement(line) for line in PROJECT["dependencies"]]
DEV = [Requirement(line) for line in PROJECT["optional-dependencies"]["dev"]]
LOCKS = {LOCK: RUNTIME, "requirements-dev.lock": [*RUNTIME, *DEV]}


@pytest.mark.parametrize("name", SHAPING)
def test_the_installed_version_that_shapes_output_is_the_locked_one(name: str) -> None:
    locked = locked_versions(ROOT / LOCK)[canonical(name)]
    installed = installed_version(name)
    assert installed == locked, (
        f"{name} {installed} is installed, {LOCK} has {locked}: generated/ and the golden "
        "files may change with it. Install from the lock (README), or move the lock "
        "(bash .ci/lock --upgrade-package NAME), run docs2sdk build and commit both."
    )


@pytest.mark.parametrize("lock", LOCKS)
def test_the_lock_pins_every_requirement_within_its_range(lock: str) -> None:
    pins = locked_versions(ROOT / lock)
    for requirement in LOCKS[lock]:
        pinned = pins.get(canonical(requirement.name))
        assert pinned is not None, f"{lock} does not pin {requirement.name}: run bash .ci/lock"
        assert requirement.specifier.contains(
            pinned, prereleases=True
        ), f"{lock} pins {requirement.name}=={pinned}, outside {requirement}: run bash .ci/lock"


def test_the_two_locks_agree() -> None:
    runtime, dev = locked_versions(ROOT / LOCK), locked_versions(ROOT / "requirements-dev.lock")
    assert {name: dev.get(name) for name in runtime} == runtime


def test_output_shaping_packages_are_bounded_above() -> None:
    for requirement in RUNTIME:
        if canonical(requirement.name) in SHAPING:
            assert any(
                spec.operator in {"<", "==", "~="} for spec in requirement.specifier
            ), f"{requirement}: a new release could change generated code unseen"


def test_drift_names_each_package_whose_version_is_not_the_locked_one(tmp_path: Path) -> None:
    lock = tmp_path / LOCK
    black = installed_version("black")
    lock.write_text(
        f"black=={black} \\\n    --hash=sha256:00\nruff==0.0.1 ; python_version >= '3.11'\n"
        "datamodel-code-generator==0.1.0\n",
        encoding="utf-8",
    )
    assert drift(lock) == [
        f"datamodel-code-generator {installed_version('datamodel-code-generator')} is installed, "
        f"{LOCK} has 0.1.0",
        f"ruff {installed_version('ruff')} is installed, {LOCK} has 0.0.1",
    ]
    assert drift(tmp_path / "absent.lock") == []


def test_check_names_the_package_beside_a_stale_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("input", "generated"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    (tmp_path / LOCK).write_text("black==1.0.0\n", encoding="utf-8")
    assert (
        main(["check", "--root", str(tmp_path), "--no-cache"]) == 0
    )  # up to date: nothing to explain
    (tmp_path / "generated" / "portkey" / "api.md").write_text("edited\n", encoding="utf-8")
    assert main(["check", "--root", str(tmp_path), "--no-cache"]) == 1
    err = capsys.readouterr().err
    assert f"note: black {installed_version('black')} is installed, {LOCK} has 1.0.0" in err
