"""`docs2sdk build`: every configured API from `input/<api>/` to `generated/<api>/`.

Rendering happens into a temporary folder beside the output; the output is replaced only
when every API built, so a failed build leaves the previous `generated/` as it was.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generator.api import scrape
from generator.config import Project
from generator.openapi.yaml_io import dump_yaml
from generator.problems import Problem


@dataclass(frozen=True)
class BuildResult:
    files: dict[Path, str]
    """Output files relative to the output folder, with their text."""
    problems: list[Problem]
    failed: list[str]
    """APIs that gave no operation at all."""


def render_project(project: Project) -> BuildResult:
    """Everything `build` writes, in memory (paths relative to the output folder)."""
    files: dict[Path, str] = {}
    problems: list[Problem] = []
    failed: list[str] = []
    cwd = Path.cwd()
    for api in project.apis:
        folder = project.input_dir / api
        label = os.path.relpath(folder, cwd) if folder.is_absolute() else str(folder)
        result = scrape([Path(label)], title=api)
        problems.extend(result.problems)
        if not result.operation_count:
            failed.append(api)
            continue
        files[Path(api) / "openapi.yaml"] = dump_yaml(result.document)
    return BuildResult(files, problems, failed)


def write_tree(files: dict[Path, str], target: Path) -> None:
    """Replace `target` with exactly `files`, through a temporary sibling and a rename."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        for relative, text in files.items():
            path = staging / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        backup = target.with_name(f".{target.name}-old")
        if backup.exists():
            shutil.rmtree(backup)
        if target.exists():
            target.rename(backup)
        staging.rename(target)
        if backup.exists():
            shutil.rmtree(backup)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
