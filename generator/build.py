"""`docs2sdk build`: every configured API from `input/<api>/` to `generated/<api>/`.

Rendering happens into a temporary folder beside the output; the output is replaced only
when every API built, so a failed build leaves the previous `generated/` as it was.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.api import scrape
from generator.cache import FOLDER, Cache
from generator.config import Project
from generator.openapi.yaml_io import dump_yaml
from generator.problems import Problem
from generator.progress import Progress
from generator.render import generate
from generator.render.names import identifier


@dataclass(frozen=True)
class BuildResult:
    files: dict[Path, str]
    """Output files relative to the output folder, with their text."""
    problems: list[Problem]
    failed: list[str]
    """APIs that gave no operation at all."""


def render_project(project: Project, *, cache: Cache | None = None) -> BuildResult:
    """Everything `build` writes, in memory (paths relative to the output folder).

    With a `cache`, unchanged pages are not scraped again and an API whose document did not
    change is not rendered again.
    """
    files: dict[Path, str] = {}
    problems: list[Problem] = []
    failed: list[str] = []
    progress = Progress(len(project.apis))
    for api in project.apis:
        progress.step(api)
        result = scrape([project.input_dir / api], title=api, base=project.root, cache=cache)
        problems.extend(result.problems)
        if not result.operation_count:
            failed.append(api)
            continue
        files.update(api_files(api, result.document, cache=cache))
    progress.close()
    return BuildResult(files, problems, failed)


def api_files(api: str, document: dict[str, Any], *, cache: Cache | None) -> dict[Path, str]:
    """The spec and SDK files of one API (from the cache when its document is unchanged)."""
    key = cache.key(api, json.dumps(document, sort_keys=True, default=str)) if cache else ""
    found = cache.load("api", key) if cache is not None else None
    if isinstance(found, dict):
        return found
    files = {Path(api) / "openapi.yaml": dump_yaml(document)}
    sdk = generate(document, package=identifier(api), cache=cache)
    files.update({Path(api) / path: text for path, text in sdk.items()})
    if cache is not None:
        cache.store("api", key, files)
    return files


def project_cache(project: Project, *, readonly: bool = False) -> Cache:
    return Cache(project.root / FOLDER, readonly=readonly)


_IGNORED_PARTS = {"__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache", "build"}


def _ignored(path: Path) -> bool:
    """Caches and build leftovers that tools write beside generated code."""
    return (
        bool(_IGNORED_PARTS & set(path.parts))
        or path.suffix == ".pyc"
        or any(part.endswith(".egg-info") for part in path.parts)
    )


def stale_files(files: dict[Path, str], target: Path) -> list[str]:
    """What differs between `files` and the folder `target`: `+ new`, `- gone`, `~ changed`."""
    on_disk = (
        {p.relative_to(target): p for p in target.rglob("*") if p.is_file() and not _ignored(p)}
        if target.is_dir()
        else {}
    )
    changes = [f"+ {path.as_posix()}" for path in sorted(files) if path not in on_disk]
    changes += [f"- {path.as_posix()}" for path in sorted(on_disk) if path not in files]
    for path in sorted(set(files) & set(on_disk)):
        if on_disk[path].read_bytes() != files[path].encode("utf-8"):
            changes.append(f"~ {path.as_posix()}")
    return changes


def write_tree(files: dict[Path, str], target: Path) -> None:
    """Replace `target` with exactly `files`, through a temporary sibling and a rename.

    Nothing is written when `target` already holds exactly `files`.
    """
    if target.is_dir() and not stale_files(files, target):
        return
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
