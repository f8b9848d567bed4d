"""An API's input files as found on disk: which pages, how provenance names them, and a hash
of each page's bytes, so that a build can tell an unchanged API without loading its pages.

Only the standard library, `generator.load.walk` and `generator.load.files` (whose page
loaders are imported when a page is loaded) are imported here: an unchanged build reads
its sources and nothing else.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.hints import HINTS_FILE, OperationHint, read_hints
from generator.limits import MAX_PAGE_BYTES
from generator.load.walk import page_files
from generator.problems import Problem, Problems, printable

FETCH_STATE_FILE = "sources.toml"
"""Where `docs2sdk fetch` records what each page was fetched from: not a page."""


@dataclass(frozen=True)
class PageFile:
    path: Path
    label: str
    """How provenance (`x-source`, problem lines) names the page."""
    digest: str
    """SHA-256 of the page's bytes (hex); "" when not hashed or not a readable regular file
    of at most `MAX_PAGE_BYTES` (such a page is never cached: loading it reports why)."""
    hint: OperationHint | None = None
    """The operation its folder's `pages.toml` names for it."""


@dataclass(frozen=True)
class Sources:
    pages: tuple[PageFile, ...]
    skipped: tuple[tuple[str, str], ...]
    """(label, suffix or "no file extension") of each file that is not a page format."""
    problems: tuple[Problem, ...] = ()
    """What was wrong in the folders' `pages.toml` files."""

    def skipped_problems(self) -> list[Problem]:
        problems = Problems(list(self.problems))
        for label, what in self.skipped:
            problems.warn(label, 0, f"not a page format docs2sdk reads ({what}); skipped")
        return problems.items

    def identity(self) -> list[str]:
        """Everything about the files that an API's outputs depend on (labels, bytes,
        skipped files), as key parts; [] when a page could not be hashed."""
        if any(not page.digest for page in self.pages):
            return []
        parts = [f"{len(self.pages)} pages, {len(self.skipped)} skipped"]
        parts += [f"{page.label}\x00{page.digest}\x00{page.hint or ''}" for page in self.pages]
        parts += [f"{label}\x00{what}" for label, what in self.skipped]
        return parts


def read_sources(paths: Sequence[Path], *, base: Path, hashed: bool) -> Sources:
    """The pages of `paths` (files or folders) labelled relative to `base`; with `hashed`,
    each page's bytes are read and hashed."""
    labels = _Labeller(base)
    found, other = page_files(paths)
    hints = _Hints(labels)
    pages = tuple(
        PageFile(path, labels.label(path), page_digest(path) if hashed else "", hints.of(path))
        for path in found
    )
    skipped = tuple(
        (labels.label(path), path.suffix or "no file extension")
        for path in other
        if path.name not in (HINTS_FILE, FETCH_STATE_FILE)
    )
    return Sources(pages, skipped, tuple(hints.problems.items))


class _Hints:
    """The `pages.toml` hints of each folder, read once per folder."""

    def __init__(self, labels: _Labeller) -> None:
        self.labels = labels
        self.problems = Problems()
        self.folders: dict[Path, dict[str, OperationHint]] = {}

    def of(self, path: Path) -> OperationHint | None:
        folder = self.folders.get(path.parent)
        if folder is None:
            label = self.labels.label(path.parent / HINTS_FILE)
            folder = self.folders[path.parent] = read_hints(path.parent, label, self.problems)
        return folder.get(path.name)


def page_digest(path: Path) -> str:
    """SHA-256 (hex) of a regular file's bytes, or "" (unreadable, not a regular file, or
    over the page size limit: the page loader reports those)."""
    try:
        # O_NONBLOCK: opening a named pipe must not wait for a writer (regular files ignore it)
        with open(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return ""
            data = handle.read(MAX_PAGE_BYTES + 1)
    except OSError:
        return ""
    import hashlib  # noqa: PLC0415 - only builds hash pages; a scrape does not (3 ms)

    return hashlib.sha256(data).hexdigest() if len(data) <= MAX_PAGE_BYTES else ""


def source_label(path: Path, base: Path) -> str:
    """How a page is named in provenance: relative to `base` when inside it."""
    return _Labeller(base).label(path)


class _Labeller:
    """`source_label` for many paths: `base` and each folder are resolved once, and a page
    that is not a symbolic link resolves to its resolved folder plus its name."""

    def __init__(self, base: Path) -> None:
        self.base = str(base.resolve())
        self.prefix = self.base if self.base.endswith(os.sep) else self.base + os.sep
        self.folders: dict[Path, str] = {}

    def label(self, path: Path) -> str:
        resolved = self._resolve(path)
        if resolved == self.base:
            label = "."
        elif resolved.startswith(self.prefix):
            label = resolved[len(self.prefix) :].replace(os.sep, "/")
        else:
            label = path.as_posix()
        return printable(label)

    def _resolve(self, path: Path) -> str:
        if path.name in ("", ".", "..") or path.is_symlink():
            return str(path.resolve())
        folder = self.folders.get(path.parent)
        if folder is None:
            folder = self.folders[path.parent] = str(path.parent.resolve())
        return os.path.join(folder, path.name)
