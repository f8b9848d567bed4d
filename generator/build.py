"""`docs2sdk build`: every configured API from `input/<api>/` to `generated/<api>/`.

Rendering happens into a temporary folder beside the output; the output is replaced only
when every API built, so a failed build leaves the previous `generated/` as it was.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.api import scrape
from generator.cache import FOLDER, Cache
from generator.config import Project
from generator.diff import diff_documents, to_json, to_markdown
from generator.openapi.yaml_io import dump_yaml
from generator.problems import Level, Problem
from generator.progress import Progress


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
    documents: dict[str, dict[str, Any]] = {}
    progress = Progress(len(project.apis))
    for api in project.apis:
        progress.step(api)
        result = scrape([project.input_dir / api], title=api, base=project.root, cache=cache)
        problems.extend(result.problems)
        if not result.operation_count:
            failed.append(api)
            continue
        documents[api] = result.document
        files.update(api_files(api, result.document, cache=cache))
    progress.close()
    files.update(diff_files(project, documents, problems))
    return BuildResult(files, problems, failed)


def diff_files(
    project: Project, documents: dict[str, dict[str, Any]], problems: list[Problem]
) -> dict[Path, str]:
    """`diffs/<old>__<new>.md` and `.json` for each `[tool.docs2sdk] diffs` pair."""
    files: dict[Path, str] = {}
    for old, new in project.diffs:
        missing = [api for api in (old, new) if api not in documents]
        if missing:
            message = f"diff {old} -> {new}: {', '.join(missing)} not built (see `apis`)"
            problems.append(Problem("pyproject.toml", 0, Level.ERROR, message))
            continue
        report = diff_documents(documents[old], documents[new], old_label=old, new_label=new)
        files[Path("diffs") / f"{old}__{new}.md"] = to_markdown(report)
        files[Path("diffs") / f"{old}__{new}.json"] = to_json(report)
    return files


def api_files(api: str, document: dict[str, Any], *, cache: Cache | None) -> dict[Path, str]:
    """The spec and SDK files of one API (from the cache when its document is unchanged)."""
    key = cache.key(api, json.dumps(document, sort_keys=True, default=str)) if cache else ""
    found = cache.load("api", key) if cache is not None else None
    if isinstance(found, dict):
        return found
    files = {Path(api) / "openapi.yaml": dump_yaml(document)}
    from generator.render import generate  # noqa: PLC0415 - heavy; not needed on cache hits
    from generator.render.names import identifier  # noqa: PLC0415

    sdk = generate(document, package=identifier(api), cache=cache)
    files.update({Path(api) / path: text for path, text in sdk.items()})
    if cache is not None:
        cache.store("api", key, files)
    return files


def project_cache(project: Project, *, readonly: bool = False) -> Cache:
    return Cache(project.root / FOLDER, readonly=readonly)
