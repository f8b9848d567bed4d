"""`docs2sdk build` in a temporary project: cold, with nothing changed, with one page changed.

After the one-page change, what was redone is read from the cache folder (new entries per
namespace: `page` = pages scraped, `api` = APIs rendered, `models` = model modules made,
`black` = files black formatted) and from the output (files whose bytes changed).
"""

from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from measure import OURS, REPO, Command, Sample, repeat, timed

CACHE = ".docs2sdk-cache"
_SENTENCE = re.compile(r"^[A-Z][^•{}\[\]<>|:]*\w\.$")


@dataclass(frozen=True)
class Project:
    root: Path
    apis: tuple[str, ...]
    pages: int
    edited: Path
    """The page the one-page change edits."""


@dataclass(frozen=True)
class BuildFigures:
    cold: Sample
    unchanged: Sample
    one_page: Sample
    redone: str
    """What the last one-page rebuild did, in words."""


def bundled_project(target: Path) -> Project:
    """A copy of this repository's pyproject.toml and input/."""
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    shutil.copy2(REPO / "pyproject.toml", target / "pyproject.toml")
    shutil.copytree(REPO / "input", target / "input")
    apis = tuple(sorted(p.name for p in (target / "input").iterdir() if p.is_dir()))
    preferred = target / "input" / "openai-assistants-v2" / "create_assistant.txt"
    return _project(target, apis, preferred)


def corpus_project(target: Path, folders: Sequence[Path]) -> Project:
    """A project whose APIs are the corpus folders (pages copied into its input/)."""
    shutil.rmtree(target, ignore_errors=True)
    (target / "input").mkdir(parents=True)
    for folder in folders:
        shutil.copytree(folder, target / "input" / folder.name)
    apis = tuple(folder.name for folder in folders)
    listed = ", ".join(f'"{name}"' for name in apis)
    config = f'[project]\nname = "corpus"\n\n[tool.docs2sdk]\napis = [{listed}]\n'
    (target / "pyproject.toml").write_text(config, encoding="utf-8")
    preferred = target / "input" / "latest-bump" / "001_createAssistant.txt"
    return _project(target, apis, preferred)


def _project(root: Path, apis: tuple[str, ...], preferred: Path) -> Project:
    pages = sorted((root / "input").rglob("*.*"))
    edited = preferred if preferred.exists() else next(p for p in pages if _sentence(p) >= 0)
    return Project(root, apis, len(pages), edited)


def _sentence(page: Path) -> int:
    """The index of the first prose sentence of a page (its description), or -1."""
    for i, line in enumerate(page.read_text(encoding="utf-8").split("\n")):
        if _SENTENCE.match(line) and len(line.split()) >= 4:
            return i
    return -1


def edit_page(page: Path, revision: int) -> str:
    """Change one word of the page's first description sentence; the sentence as it was."""
    lines = page.read_text(encoding="utf-8").split("\n")
    index = _sentence(page)
    before = lines[index]
    base = re.sub(r", revision \d+\.$", ".", before)
    lines[index] = f"{base[:-1]}, revision {revision}."
    page.write_text("\n".join(lines), encoding="utf-8")
    return before


def build(project: Project, *, log: Path) -> Sample:
    command: Command = [OURS / "docs2sdk", "build", "--root", project.root]
    return timed(command, cwd=project.root, log=log)


def measure(project: Project, runs: int, log: Path) -> BuildFigures:
    def cold(_: int) -> Sample:
        shutil.rmtree(project.root / CACHE, ignore_errors=True)
        shutil.rmtree(project.root / "generated", ignore_errors=True)
        return build(project, log=log)

    cold_sample = repeat(runs, cold)
    unchanged = repeat(runs, lambda _: build(project, log=log))
    redone: list[str] = []

    def one_page(index: int) -> Sample:
        edit_page(project.edited, index + 1)
        cache_before, out_before = _entries(project.root / CACHE), _hashes(project)
        sample = build(project, log=log)
        new = _entries(project.root / CACHE)
        counts = {
            space: len(new.get(space, set()) - cache_before.get(space, set())) for space in new
        }
        changed = sorted(p for p, h in _hashes(project).items() if out_before.get(p) != h)
        redone[:] = [_describe(counts, changed)]
        return sample

    return BuildFigures(cold_sample, unchanged, repeat(runs, one_page), redone[0])


def _entries(cache: Path) -> dict[str, set[str]]:
    """Entry names per namespace (`<cache>/<code generation>/<namespace>/..`)."""
    found: dict[str, set[str]] = {}
    for space in cache.glob("*/*"):
        if space.is_dir():
            found.setdefault(space.name, set()).update(
                p.name for p in space.rglob("*") if p.is_file()
            )
    return found


def _hashes(project: Project) -> dict[str, str]:
    out = project.root / "generated"
    return {
        p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in out.rglob("*")
        if p.is_file()
    }


def _describe(counts: dict[str, int], changed: list[str]) -> str:
    work = ", ".join(f"{space} +{count}" for space, count in sorted(counts.items()))
    shown = ", ".join(changed[:6]) + (f" (+{len(changed) - 6} more)" if len(changed) > 6 else "")
    return f"new cache entries: {work or 'none'}; {len(changed)} output files changed: {shown}"
