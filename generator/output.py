"""Writing a tree of generated files so that a failure never loses the previous one.

`write_tree(files, target)` stages every file in a temporary sibling of `target`, then swaps
the two folders with two renames (`target` -> `.<name>-old`, staging -> `target`):
- an exception or interrupt while staging leaves `target` untouched, and the staging
  folder is removed;
- SIGINT/SIGTERM are held back during the two renames, and if the second rename fails the
  first is undone;
- a process killed between the renames leaves `.<name>-old` without `target`: the next
  `write_tree` (or `recover`) puts it back before anything else;
- file names come from docs2sdk, but are checked anyway: each stays inside `target`.
`target` must not be a folder that holds the working folder, and a folder that has files
must be earlier docs2sdk output, so a mistyped `-o` cannot replace a user's own folder.
"""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

GENERATED_MARK = "generated from our OpenAPI spec by docs2sdk"
"""The header line every generated `pyproject.toml` and module starts with."""
_STALE_STAGING_SECONDS = 3600


class UnsafeTarget(ValueError):
    """An output folder docs2sdk refuses to replace (it would lose files that are not its own)."""


def write_tree(files: dict[Path, str], target: Path) -> None:
    """Replace `target` with exactly `files` (paths relative to it); see the module doc.

    Nothing is written when `target` already holds exactly `files`.

    Raises:
        UnsafeTarget: `target` holds the working folder, or has files that are not
            docs2sdk output.
        ValueError: a relative path is absolute or leaves the folder (a bug upstream).
        OSError: the disk refused; the previous `target` is then left as it was.
    """
    for relative in files:
        check_relative(relative)
    check_target(target)
    recover(target)
    if target.is_dir() and not stale_files(files, target):
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_staging(target)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
    try:
        staging.chmod(0o777 & ~_umask())  # mkdtemp makes it private; the output is not
        for relative, text in files.items():
            path = staging / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("x", encoding="utf-8", newline="") as handle:
                handle.write(text)
        _swap(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def write_file(path: Path, text: str) -> None:
    """Write one file whole or not at all: a temporary sibling, then an atomic replace."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def check_relative(relative: Path) -> None:
    """Refuse a path that is absolute, empty, has `..` or NUL, or is not plain text."""
    text = str(relative)
    parts = PurePosixPath(relative.as_posix()).parts
    if (
        relative.is_absolute()
        or relative.drive
        or not parts
        or any(part in ("..", ".", "") for part in parts)
        or "\x00" in text
        or "\\" in relative.as_posix()  # a backslash inside a name (Windows has none left)
    ):
        raise ValueError(f"refusing to write {text!r}: not a plain path inside the output folder")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError(f"refusing to write {text!r}: not a UTF-8 file name") from exc


def check_target(target: Path) -> None:
    """Refuse to replace a folder holding the working folder, or one with foreign files."""
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise UnsafeTarget(f"refusing to replace {target}: not a folder")
    resolved = target.resolve()
    here = Path.cwd().resolve()
    if resolved == here or resolved in here.parents or resolved == Path(resolved.anchor):
        raise UnsafeTarget(f"refusing to replace {target}: it holds the working folder")
    if target.is_dir() and any(target.iterdir()) and not _is_generated(target):
        raise UnsafeTarget(
            f"refusing to replace {target}: it has files and is not docs2sdk output "
            "(no generated pyproject.toml in it); remove it or choose another folder"
        )


def _is_generated(folder: Path) -> bool:
    for candidate in (folder / "pyproject.toml", *folder.glob("*/pyproject.toml")):
        try:
            with candidate.open(encoding="utf-8", errors="replace") as handle:
                if GENERATED_MARK in handle.readline():
                    return True
        except OSError:
            continue
    return False


def recover(target: Path) -> None:
    """Put back `.<name>-old` when a swap was cut between its two renames; else drop it."""
    backup = _backup(target)
    if not backup.is_dir() or backup.is_symlink():
        return
    if target.exists():
        shutil.rmtree(backup, ignore_errors=True)
    else:
        backup.rename(target)


def _swap(staging: Path, target: Path) -> None:
    backup = _backup(target)
    try:
        with _signals_held():  # an interrupt held here is raised on leaving the block
            moved = False
            try:
                if target.exists():
                    target.rename(backup)
                    moved = True
                staging.rename(target)
            except BaseException:
                if moved and not target.exists():
                    backup.rename(target)
                raise
    finally:
        if target.exists():
            shutil.rmtree(backup, ignore_errors=True)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _backup(target: Path) -> Path:
    return target.with_name(f".{target.name}-old")


def _remove_stale_staging(target: Path) -> None:
    """Staging folders left by killed runs (an hour old: a running build's is younger)."""
    now = time.time()
    for leftover in target.parent.glob(f".{target.name}-new-*"):
        try:
            old = now - leftover.stat().st_mtime > _STALE_STAGING_SECONDS
        except OSError:
            continue
        if old and leftover.is_dir() and not leftover.is_symlink():
            shutil.rmtree(leftover, ignore_errors=True)


@contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGINT/SIGTERM back (delivered right after) where the platform allows it."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not (
        threading.main_thread()
    ):
        yield
        return
    held = {signal.SIGINT, signal.SIGTERM}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


_IGNORED_PARTS = {"__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache", "build"}


def _ignored(relative: Path) -> bool:
    """Caches and build leftovers that tools write beside generated code (judged on the
    path inside the output folder: a project living under `build/` is not ignored)."""
    return (
        bool(_IGNORED_PARTS & set(relative.parts))
        or relative.suffix == ".pyc"
        or any(part.endswith(".egg-info") for part in relative.parts)
    )


def stale_files(files: dict[Path, str], target: Path) -> list[str]:
    """What differs between `files` and the folder `target`: `+ new`, `- gone`, `~ changed`.

    Reads only; symbolic links inside `target` are not followed.
    """
    on_disk: dict[Path, Path] = {}
    if target.is_dir() and not target.is_symlink():
        for path in target.rglob("*"):
            relative = path.relative_to(target)
            if path.is_file() and not path.is_symlink() and not _ignored(relative):
                on_disk[relative] = path
    changes = [f"+ {path.as_posix()}" for path in sorted(files) if path not in on_disk]
    changes += [f"- {path.as_posix()}" for path in sorted(on_disk) if path not in files]
    for path in sorted(set(files) & set(on_disk)):
        if on_disk[path].read_bytes() != files[path].encode("utf-8"):
            changes.append(f"~ {path.as_posix()}")
    return changes


__all__ = [
    "GENERATED_MARK",
    "UnsafeTarget",
    "check_relative",
    "check_target",
    "recover",
    "stale_files",
    "write_file",
    "write_tree",
]
