"""`docs2sdk build`: every configured API from `input/<api>/` to `generated/<api>/`.

Rendering happens into a temporary folder beside the output; the output is replaced only
when every API built, so a failed build leaves the previous `generated/` as it was.

With a cache, each API is looked up whole (`build` namespace) by what its outputs depend
on: the labels and bytes of its pages, the files skipped beside them, its name and the
code (see `generator.cache`). An unchanged API costs reading and hashing its pages and one
cache load; a changed one is scraped page by page (`page` namespace: only changed pages
again) and rendered (`api`, `models`, `black` namespaces: only what its document changes).
A diff is looked up by the two documents' hashes (`diff` namespace).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from generator.api import scrape_sources
from generator.cache import FOLDER, Cache, Entry
from generator.config import Project
from generator.problems import Level, Problem, Problems
from generator.progress import Progress
from generator.sources import read_sources


@dataclass(frozen=True)
class BuildResult:
    files: dict[Path, str]
    """Output files relative to the output folder, with their text."""
    problems: list[Problem]
    failed: list[str]
    """APIs that gave no operation at all."""


@dataclass(frozen=True)
class BuiltApi:
    """What one API gives a build: its files, problems and document hash (cached whole; the
    files of an API with a document are stored once, in its `api` entry)."""

    files: dict[Path, str]
    problems: list[Problem]
    operations: int
    document_key: str
    """The `api` key of its document ("" without a cache or without operations)."""
    made_from: tuple[Entry, ...] = ()
    """The cache entries its making used: still needed while it is, so never pruned."""


@dataclass(frozen=True)
class _Rendered:
    """An API's files as cached by its document (`api` namespace)."""

    files: dict[Path, str]
    made_from: tuple[Entry, ...]
    """The `models` and `black` entries rendering used."""
    problems: tuple[Problem, ...] = ()
    """What rendering found wrong in the document (a schema that admits no value ...)."""


@dataclass
class _Build:
    project: Project
    cache: Cache | None
    documents: dict[str, dict[str, Any]]
    """Documents of the APIs scraped in this run (the others come whole from the cache)."""


def render_project(project: Project, *, cache: Cache | None = None) -> BuildResult:
    """Everything `build` writes, in memory (paths relative to the output folder).

    With a `cache`, an API whose pages did not change is taken from it whole, unchanged
    pages are not scraped again and an API whose document did not change is not rendered
    again (see the module docstring).
    """
    files: dict[Path, str] = {}
    problems: list[Problem] = []
    failed: list[str] = []
    built: dict[str, BuiltApi] = {}
    run = _Build(project, cache, {})
    progress = Progress(len(project.apis))
    for api in project.apis:
        progress.step(api)
        result = build_api(run, api)
        problems.extend(result.problems)
        if not result.operations:
            failed.append(api)
            continue
        built[api] = result
        files.update(result.files)
    progress.close()
    files.update(diff_files(run, built, problems))
    return BuildResult(files, problems, failed)


def build_api(run: _Build, api: str) -> BuiltApi:
    """One API's outputs: from the cache when its pages are unchanged, else made."""
    cache = run.cache
    sources = read_sources([run.project.input_dir / api], base=run.project.root, hashed=bool(cache))
    identity = sources.identity() if cache is not None else []
    key = cache.key("build", api, *identity) if cache is not None and identity else ""
    found = cache.load("build", key) if cache is not None and key else None
    if cache is not None and isinstance(found, BuiltApi):
        cached = _cached_files(cache, found)
        if cached is not None:
            cache.mark_used(found.made_from)
            return replace(found, files=cached)
    start = len(cache.used) if cache is not None else 0
    result = scrape_sources(sources, title=api, cache=cache)
    rendered = _Rendered({}, ())
    document_key = ""
    if result.operation_count:
        run.documents[api] = result.document
        document_key = _document_key(api, result.document, cache)
        rendered = api_files(api, result.document, key=document_key, cache=cache)
    made_from = tuple(cache.used[start:]) if cache is not None else ()
    problems = [*result.problems, *rendered.problems]
    built = BuiltApi(rendered.files, problems, result.operation_count, document_key, made_from)
    if cache is not None and key:  # the files are in the `api` entry already
        cache.store("build", key, replace(built, files={}) if document_key else built)
    return built


def _cached_files(cache: Cache, found: BuiltApi) -> dict[Path, str] | None:
    """The files of an API taken from the cache: from its `api` entry (None when that is
    gone: the API is made again, its pages from the cache)."""
    if not found.document_key:
        return found.files
    rendered = cache.load("api", found.document_key)
    return rendered.files if isinstance(rendered, _Rendered) else None


def diff_files(run: _Build, built: dict[str, BuiltApi], problems: list[Problem]) -> dict[Path, str]:
    """`diffs/<old>__<new>.md` and `.json` for each `[tool.docs2sdk] diffs` pair."""
    files: dict[Path, str] = {}
    for old, new in run.project.diffs:
        missing = [api for api in (old, new) if api not in built]
        if missing:
            message = f"diff {old} -> {new}: {', '.join(missing)} not built (see `apis`)"
            problems.append(Problem("pyproject.toml", 0, Level.ERROR, message))
            continue
        files.update(_diff_pair(run, old, new, built))
    return files


def _diff_pair(run: _Build, old: str, new: str, built: dict[str, BuiltApi]) -> dict[Path, str]:
    cache = run.cache
    keys = (built[old].document_key, built[new].document_key)
    key = cache.key("diff", old, new, *keys) if cache is not None and all(keys) else ""
    found = cache.load("diff", key) if cache is not None and key else None
    if isinstance(found, dict):
        return found
    from generator.diff import diff_documents, to_json, to_markdown  # noqa: PLC0415 - on misses

    report = diff_documents(_document(run, old), _document(run, new), old_label=old, new_label=new)
    files = {
        Path("diffs") / f"{old}__{new}.md": to_markdown(report),
        Path("diffs") / f"{old}__{new}.json": to_json(report),
    }
    if cache is not None and key:
        cache.store("diff", key, files)
    return files


def _document(run: _Build, api: str) -> dict[str, Any]:
    """An API's document: scraped in this run, or scraped again (its pages from the cache)
    when the API came from the cache whole but a diff of it did not."""
    if api not in run.documents:
        sources = read_sources(
            [run.project.input_dir / api], base=run.project.root, hashed=bool(run.cache)
        )
        run.documents[api] = scrape_sources(sources, title=api, cache=run.cache).document
    return run.documents[api]


def _document_key(api: str, document: dict[str, Any], cache: Cache | None) -> str:
    if cache is None:
        return ""
    return cache.key(api, json.dumps(document, sort_keys=True, default=str))


def api_files(api: str, document: dict[str, Any], *, key: str, cache: Cache | None) -> _Rendered:
    """The spec and SDK files of one API, and what rendering found wrong in its document
    (from the cache when the document is unchanged)."""
    found = cache.load("api", key) if cache is not None and key else None
    if cache is not None and isinstance(found, _Rendered):
        cache.mark_used(found.made_from)
        return found
    start = len(cache.used) if cache is not None else 0
    from generator.openapi.yaml_write import dump_yaml  # noqa: PLC0415 - heavy; not on cache hits
    from generator.render import generate  # noqa: PLC0415
    from generator.render.names import identifier  # noqa: PLC0415

    spec = Path(api) / "openapi.yaml"
    files = {spec: dump_yaml(document)}
    problems = Problems()
    sdk = generate(
        document, package=identifier(api), cache=cache, problems=problems, source=str(spec)
    )
    files.update({Path(api) / path: text for path, text in sdk.items()})
    rendered = _Rendered(
        files, tuple(cache.used[start:]) if cache is not None else (), tuple(problems.items)
    )
    if cache is not None and key:
        cache.store("api", key, rendered)
    return rendered


def project_cache(project: Project, *, readonly: bool = False) -> Cache:
    return Cache(project.root / FOLDER, readonly=readonly)
