"""The build cache: what an unchanged or one-page-changed rebuild redoes, and pruning."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import generator.batch
import generator.diff
import generator.normalize
import generator.openapi.emit
from generator.build import BuildResult, project_cache, render_project
from generator.cache import FOLDER, Cache, generation
from generator.cli import main
from generator.config import Project, load_project
from generator.hints import OperationHint
from generator.model import MISSING
from generator.problems import Level, Problem
from tests.conftest import ROOT

APIS = ("openai-assistants-v1", "openai-assistants-v2")
EDITED = "openai-assistants-v2/create_assistant.txt"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project of two seed APIs and their diff, built once with a cache."""
    root = tmp_path_factory.mktemp("cached") / "project"
    for api in APIS:
        shutil.copytree(ROOT / "input" / api, root / "input" / api)
    # problems of each stage: a file skipped, a page unreadable, a page twice (normalize)
    (root / "input" / APIS[0] / "notes.pdf").write_bytes(b"%PDF-1.4")
    (root / "input" / APIS[0] / "broken.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    shutil.copy(root / "input" / EDITED, root / "input" / APIS[1] / "zz_copy.txt")
    old, new = APIS
    (root / "pyproject.toml").write_text(
        f'[tool.docs2sdk]\napis = ["{old}", "{new}"]\ndiffs = [["{old}", "{new}"]]\n'
    )
    assert main(["build", "--root", str(root)]) == 0
    return root


@pytest.fixture
def project(built: Path, tmp_path: Path) -> Project:
    """A copy of the built project (cache and output included) for one test to change."""
    root = tmp_path / "project"
    shutil.copytree(built, root, symlinks=True)
    return load_project(root)


class Calls:
    """Counts of the expensive steps and of cache loads and stores per namespace."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.steps: Counter[str] = Counter()
        self.loads: Counter[str] = Counter()
        self.stores: Counter[str] = Counter()
        self.scraped: list[str] = []
        self._count(monkeypatch, generator.normalize, "build_model")
        self._count(monkeypatch, generator.openapi.emit, "to_document")
        self._count(monkeypatch, generator.diff, "diff_documents")
        real_scrape = generator.batch.scrape_one

        def scrape_one(path: Path, label: str, hint: OperationHint | None = None) -> Any:
            self.scraped.append(label)
            return real_scrape(path, label, hint)

        monkeypatch.setattr(generator.batch, "scrape_one", scrape_one)
        real_load, real_store = Cache.load, Cache.store

        def load(cache: Cache, namespace: str, key: str) -> Any:
            self.loads[namespace] += 1
            return real_load(cache, namespace, key)

        def store(cache: Cache, namespace: str, key: str, value: Any) -> None:
            self.stores[namespace] += 1
            real_store(cache, namespace, key, value)

        monkeypatch.setattr(Cache, "load", load)
        monkeypatch.setattr(Cache, "store", store)

    def _count(self, monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> None:
        real = getattr(module, name)

        def counted(*args: Any, **kwargs: Any) -> Any:
            self.steps[name] += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(module, name, counted)


def build(project: Project, cache: Cache | None) -> BuildResult:
    result = render_project(project, cache=cache)
    assert not result.failed
    return result


def written(project: Project) -> dict[Path, str]:
    out = project.output_dir
    return {p.relative_to(out): p.read_text() for p in sorted(out.rglob("*")) if p.is_file()}


def cache_files(project: Project) -> dict[str, float]:
    root = project.root / FOLDER
    return {str(p.relative_to(root)): p.stat().st_mtime for p in root.rglob("*") if p.is_file()}


def edit_page(project: Project) -> None:
    page = project.input_dir / EDITED
    page.write_text(page.read_text().replace("Create an assistant", "Make an assistant", 1))


def test_unchanged_rebuild_loads_each_api_whole(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = Calls(monkeypatch)
    result = build(project, project_cache(project))
    assert calls.scraped == [] and calls.steps == Counter()
    assert calls.loads == {"build": 2, "api": 2, "diff": 1} and calls.stores == Counter()
    assert result.files == written(project)


def test_warm_build_equals_a_cold_one_problems_included(project: Project) -> None:
    cold = build(project, None)
    warm = build(project, project_cache(project))
    assert warm.files == cold.files
    assert warm.problems == cold.problems
    assert {p.file.rsplit("/", 1)[-1] for p in cold.problems} >= {
        "notes.pdf",
        "broken.txt",
        "zz_copy.txt",
    }
    edit_page(project)
    cold, warm = build(project, None), build(project, project_cache(project))
    assert (warm.files, warm.problems) == (cold.files, cold.problems)


def test_one_changed_page_is_the_only_one_scraped(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    edit_page(project)
    calls = Calls(monkeypatch)
    result = build(project, project_cache(project))
    assert calls.scraped == [f"input/{EDITED}"]
    assert calls.stores == {"page": 1, "build": 1, "api": 1, "diff": 1}
    # v1 came from the cache whole; the new diff needs its document: normalized again
    # from its cached pages
    assert calls.steps == {"build_model": 2, "to_document": 2, "diff_documents": 1}
    changed = {p.parts[0] for p, text in result.files.items() if written(project).get(p) != text}
    assert changed == {"openai-assistants-v2"}  # the diff ignores descriptions


@pytest.mark.parametrize(
    ("lost", "redone"),
    [
        ("api", lambda calls: calls.stores["api"] == 2),
        ("diff", lambda calls: calls.steps["diff_documents"] == 1),
    ],
)
def test_a_lost_entry_is_made_again_from_cached_pages(
    project: Project, monkeypatch: pytest.MonkeyPatch, lost: str, redone: Callable[[Calls], bool]
) -> None:
    """Without the `api` entries (the files of the APIs cached whole) or the `diff` one,
    the build makes them again, its pages from the cache, and writes the same files."""
    shutil.rmtree(project.root / FOLDER / generation() / lost)
    calls = Calls(monkeypatch)
    result = build(project, project_cache(project))
    assert calls.scraped == [] and redone(calls)
    assert result.files == written(project)


def test_unchanged_build_imports_no_scraper_renderer_or_differ(project: Project) -> None:
    heavy = ["bs4", "black", "jinja2", "yaml", "generator.diff", "generator.normalize"]
    code = (
        "import sys; from generator.cli import main; "
        f"code = main(['build', '--root', {str(project.root)!r}]); "
        f"print(code, [m for m in {heavy!r} if m in sys.modules])"
    )
    # the first run fills the cache again should the code have changed since the fixture's
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
        )
    assert done.stdout.strip() == "0 []", done.stderr


def test_pruning_keeps_what_an_unchanged_build_still_needs(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Entries an unchanged build only needs through a cached API (pages, its rendering,
    models, black) survive pruning, so that the next change still redoes only itself."""
    cache = project_cache(project)
    build(project, cache)
    before = cache_files(project)
    assert cache.prune(stale_seconds=0) == 0
    assert cache_files(project) == before
    edit_page(project)
    calls = Calls(monkeypatch)
    build(project, project_cache(project))
    assert calls.scraped == [f"input/{EDITED}"]
    assert "models" not in calls.stores  # the schemas did not change: models from the cache


def test_pruning_removes_what_the_build_did_not_use(project: Project) -> None:
    before = set(cache_files(project))
    edit_page(project)
    cache = project_cache(project)
    build(project, cache)
    made = set(cache_files(project)) - before
    assert cache.prune() == 0  # what the edit left unused is young: kept
    assert cache.prune(stale_seconds=0) == 4
    left = set(cache_files(project))
    assert made <= left
    # what the edited page replaced: the page, the API whole and rendered, and the diff
    assert sorted(Path(name).parts[1] for name in before - left) == [
        "api",
        "build",
        "diff",
        "page",
    ]


def test_pruning_keeps_one_other_generation_and_leaves_unknown_files(tmp_path: Path) -> None:
    root = tmp_path / FOLDER
    cache = Cache(root)
    cache.store("page", "ab" * 32, "current")
    others = {"0" * 16: 300, "1" * 16: 100, "2" * 16: 200}  # name: age in seconds
    for name, age in others.items():
        (root / name / "page" / "ab").mkdir(parents=True)
        (root / name / "page" / "ab" / ("ab" * 32)).write_text("old")
        stamp = time.time() - age
        os.utime(root / name, (stamp, stamp))
    for legacy in ("page/ab", "api/cd"):
        (root / legacy).mkdir(parents=True)
    (root / "notes").mkdir()
    (root / "README").write_text("mine")
    assert Cache(root).prune() == 4
    assert sorted(p.name for p in root.iterdir()) == sorted(
        ["1" * 16, generation(), "notes", "README"]
    )
    assert Cache(root).load("page", "ab" * 32) == "current"


def test_pruning_removes_old_unused_entries_and_keeps_used_or_young_ones(tmp_path: Path) -> None:
    root = tmp_path / FOLDER
    writer = Cache(root)
    keys = {name: writer.key(name) for name in ("used", "old", "young")}
    for name, key in keys.items():
        writer.store("page", key, name)
    path = {name: writer.folder / "page" / key[:2] / key for name, key in keys.items()}
    stamp = time.time() - 7200
    for name in ("used", "old"):
        os.utime(path[name], (stamp, stamp))
    reader = Cache(root)
    assert reader.load("page", keys["used"]) == "used"
    assert reader.prune() == 1
    assert {name for name, p in path.items() if p.exists()} == {"used", "young"}


class _Runs:
    """Pickles as a call of `os.mkdir`: what a hostile cache entry would do."""

    def __init__(self, target: Path) -> None:
        self.target = target

    def __reduce__(self) -> tuple[Any, ...]:
        return os.mkdir, (str(self.target),)


def test_an_entry_that_would_run_code_is_a_miss_and_runs_nothing(tmp_path: Path) -> None:
    cache = Cache(tmp_path / FOLDER)
    key = cache.key("hostile")
    cache.store("page", key, _Runs(tmp_path / "ran"))
    assert cache.load("page", key) is None
    assert not (tmp_path / "ran").exists()
    cache.store("page", key, {"classes": [generator.batch.scrape_one]})  # a function, by name
    assert cache.load("page", key) is None


def test_entries_of_docs2sdk_data_load(tmp_path: Path) -> None:
    cache = Cache(tmp_path / FOLDER)
    page = ROOT / "input" / APIS[1] / "create_assistant.txt"
    scraped = generator.batch.scrape_one(page, "create_assistant.txt")
    problem = Problem("a.txt", 3, Level.WARNING, "seen")
    value = (scraped, [problem], {Path("x"), frozenset({1})}, MISSING)
    cache.store("page", "ab" * 32, value)
    assert cache.load("page", "ab" * 32) == value


def test_a_readonly_cache_never_writes_nor_prunes(project: Project) -> None:
    edit_page(project)
    stale = project.root / FOLDER / ("f" * 16)
    stale.mkdir()
    before = cache_files(project)
    cache = project_cache(project, readonly=True)
    build(project, cache)
    assert cache.prune(stale_seconds=0) == 0
    assert cache_files(project) == before and stale.is_dir()


def test_check_leaves_the_cache_as_it_was(project: Project) -> None:
    edit_page(project)
    (project.root / FOLDER / ("f" * 16)).mkdir()
    before = sorted(cache_files(project).items()), sorted(os.listdir(project.root / FOLDER))
    assert main(["check", "--root", str(project.root)]) == 1  # the edit made generated/ stale
    assert (sorted(cache_files(project).items()), sorted(os.listdir(project.root / FOLDER))) == (
        before
    )


def test_build_prunes_other_generations(project: Project) -> None:
    for name in ("e" * 16, "f" * 16):
        (project.root / FOLDER / name).mkdir()
    os.utime(project.root / FOLDER / ("e" * 16), (0, 0))
    assert main(["build", "--root", str(project.root)]) == 0
    assert sorted(os.listdir(project.root / FOLDER)) == sorted(["f" * 16, generation()])


def test_page_results_come_back_without_their_text() -> None:
    page = ROOT / "input" / EDITED
    result, _ = generator.batch.scrape_one(page, "create_assistant.txt")
    assert result is not None and result.operations
    assert result.page.path == "create_assistant.txt"
    assert result.page.lines == () and result.page.embedded == ()
    assert "text" not in vars(result.page)


def test_a_text_page_is_scraped_and_written_without_importing_html_or_yaml_parsers(
    tmp_path: Path,
) -> None:
    """bs4 and PyYAML cost ~0.15 s of every `docs2sdk scrape` process that loads them."""
    page = ROOT / "input" / EDITED
    out = tmp_path / "out.yaml"
    code = (
        "import sys; from generator.cli import main; "
        f"code = main(['scrape', {str(page)!r}, '-o', {str(out)!r}]); "
        "print(code, 'bs4' in sys.modules, 'yaml' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.split() == ["0", "False", "False"], done.stderr
    assert "operationId: createAssistant" in out.read_text()


def test_templates_are_found_without_the_renderer() -> None:
    from generator.cache import templates_dir  # noqa: PLC0415
    from generator.render.environment import templates_dir as renderer_dir  # noqa: PLC0415

    assert templates_dir() == renderer_dir()
