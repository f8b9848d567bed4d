"""Finding, labelling and hashing an API's pages (what the build cache keys on)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from generator.limits import MAX_PAGE_BYTES
from generator.load.files import PAGE_SUFFIXES
from generator.load.walk import page_files
from generator.problems import printable
from generator.sources import page_digest, read_sources, source_label


def resolved_label(path: Path, base: Path) -> str:
    """The definition `source_label` must keep: resolve both, relative when inside."""
    try:
        label = path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        label = path.as_posix()
    return printable(label)


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """project/input/api with a page, links to it and out of the project, and a folder link."""
    api = tmp_path / "project" / "input" / "api"
    api.mkdir(parents=True)
    (api / "page.txt").write_text("GET /x\n")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "far.txt").write_text("GET /y\n")
    (api / "far.txt").symlink_to(outside / "far.txt")
    (api / "near.txt").symlink_to("page.txt")
    (api / "linked").symlink_to(outside)
    monkeypatch.chdir(tmp_path / "project")
    return tmp_path


@pytest.mark.parametrize("base", [".", "..", "input", "/", "../outside", "input/api/page.txt"])
@pytest.mark.parametrize(
    "page",
    [
        "input/api/page.txt",
        "input/api/far.txt",
        "input/api/near.txt",
        "input/api/linked/far.txt",
        "input/api/missing.txt",
        "input/api/../api/page.txt",
        "../outside/far.txt",
        "input/api/new\nline.txt",
    ],
)
def test_labels_are_the_resolved_relative_paths(tree: Path, base: str, page: str) -> None:
    assert source_label(Path(page), Path(base)) == resolved_label(Path(page), Path(base))
    absolute = tree / "project" / page
    assert source_label(absolute, Path(base)) == resolved_label(absolute, Path(base))


def test_sources_list_pages_and_skipped_files_with_their_hashes(tree: Path) -> None:
    api = tree / "project" / "input" / "api"
    (api / "notes.pdf").write_bytes(b"%PDF")
    sources = read_sources([api], base=tree / "project", hashed=True)
    labels = [page.label for page in sources.pages]
    # far.txt links out of the project: named as given; near.txt is page.txt, resolved
    assert labels == [str(api / "far.txt"), "input/api/page.txt", "input/api/page.txt"]
    expected = hashlib.sha256(b"GET /x\n").hexdigest()
    assert [page.digest for page in sources.pages][1:] == [expected, expected]
    assert sources.skipped == (("input/api/notes.pdf", ".pdf"),)
    assert [p.message for p in sources.skipped_problems()] == [
        "not a page format docs2sdk reads (.pdf); skipped"
    ]
    unhashed = read_sources([api], base=tree / "project", hashed=False)
    assert {page.digest for page in unhashed.pages} == {""} and unhashed.identity() == []


def test_identity_changes_with_bytes_labels_and_skipped_files(tree: Path) -> None:
    api = tree / "project" / "input" / "api"
    base = tree / "project"
    first = read_sources([api], base=base, hashed=True).identity()
    assert first and first == read_sources([api], base=base, hashed=True).identity()
    (api / "page.txt").write_text("GET /z\n")
    second = read_sources([api], base=base, hashed=True).identity()
    (api / "notes.pdf").write_bytes(b"%PDF")
    third = read_sources([api], base=base, hashed=True).identity()
    moved = read_sources([api], base=tree, hashed=True).identity()
    assert len({tuple(first), tuple(second), tuple(third), tuple(moved)}) == 4


def test_a_page_that_cannot_be_hashed_leaves_the_api_uncached(tree: Path) -> None:
    api = tree / "project" / "input" / "api"
    (api / "big.txt").write_bytes(b"x" * (MAX_PAGE_BYTES + 1))
    sources = read_sources([api], base=tree / "project", hashed=True)
    assert [page.digest for page in sources.pages if page.label.endswith("big.txt")] == [""]
    assert sources.identity() == []


def test_page_digest_neither_waits_on_a_pipe_nor_fails(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    assert page_digest(pipe) == ""  # would block forever if opened for reading plainly
    assert page_digest(tmp_path / "missing.txt") == ""
    assert page_digest(tmp_path) == ""


def _rglob_definition(folder: Path) -> tuple[list[Path], list[Path]]:
    """What `page_files` must find: `Path.rglob` order and rules, as the tool once did."""
    pages = sorted(p for p in folder.rglob("*") if p.suffix.lower() in PAGE_SUFFIXES)
    skipped = [
        path
        for path in sorted(folder.rglob("*"))
        if path.suffix.lower() not in PAGE_SUFFIXES
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
    ]
    return [p for p in pages if p.is_file()], [p for p in skipped if p.is_file()]


def test_one_walk_finds_what_rglob_finds_in_the_same_order(tree: Path) -> None:
    api = tree / "project" / "input" / "api"
    for name in ("a-b.txt", "a/x.md", "A.MD", "ab/c/d.html", ".hidden/e.pdf", ".txt", "noext"):
        (api / name).parent.mkdir(parents=True, exist_ok=True)
        (api / name).write_text("GET /x\n")
    (api / "broken.md").symlink_to(api / "missing")
    (api / "loop").symlink_to(api / "loop")
    for folder in (api, Path("input"), Path(".")):
        assert page_files([folder]) == _rglob_definition(folder)
        assert [str(p) for p in page_files([folder])[0]] == [
            str(p) for p in _rglob_definition(folder)[0]
        ]
    assert page_files([api / "page.txt", api]) == (
        [api / "page.txt", *_rglob_definition(api)[0]],
        _rglob_definition(api)[1],
    )
