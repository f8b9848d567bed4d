"""A content-addressed cache of derived results, so that rebuilding does only new work.

Keys are hashes of the inputs (page bytes, a document, a source text) plus a fingerprint of
docs2sdk's own code and templates, so a new version of the tool never reuses stale results.
The cache is an optimisation only: a miss, a corrupt entry or an unwritable folder is
never an error, and a build with or without it writes the same bytes.

Layout: `<root>/<generation>/<namespace>/<key[:2]>/<key>`, one pickle per entry, written
atomically; the generation is the start of the code fingerprint, so each version of the
tool has its own folder. Entries are read as data only (`_DataUnpickler`): a cache folder
someone else wrote (committed to a repository, restored in CI) cannot make a build run
code.

Pruning (`prune`, run by `docs2sdk build` after a successful build; `check` never writes
nor deletes anything): the cache remembers every entry a build loaded or stored (`used`;
an API taken whole from the cache adds the entries it was made from, see `build`), then

- of the other generations, the most recently used one is kept (switching back and forth
  between two versions of the tool stays fast) and the rest removed whole, together with
  the namespace folders of the layout before generations;
- in the current generation, an entry this build did not use is removed once it is more
  than `STALE_SECONDS` old (so another build running at the same time keeps what it just
  wrote, and undoing an edit soon after still finds its results).
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import io
import os
import pickle
import shutil
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from generator import lazyre

FOLDER = ".docs2sdk-cache"
STALE_SECONDS = 3600
"""An entry of the current generation that a build did not use survives this long."""
_GENERATION = lazyre.compile(r"^[0-9a-f]{16}$")
_LEGACY_NAMESPACES = ("page", "api", "models", "black")
"""Namespace folders written straight under the root before generations existed."""

Entry = tuple[str, str]
"""(namespace, key)."""


@dataclass(frozen=True)
class Cache:
    root: Path
    readonly: bool = False
    """Read entries but never write (for `check`, which must not write anything)."""
    used: list[Entry] = field(default_factory=list, compare=False, repr=False)
    """Every entry loaded (found or not) or stored so far, in order: what `prune` keeps."""

    @property
    def folder(self) -> Path:
        """This version of the tool's generation folder."""
        return self.root / generation()

    def key(self, *parts: str | bytes) -> str:
        digest = hashlib.sha256(code_fingerprint().encode())
        for part in parts:
            data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
            digest.update(len(data).to_bytes(8, "little"))
            digest.update(data)
        return digest.hexdigest()

    def load(self, namespace: str, key: str) -> Any:
        """The object stored under `key`, or None."""
        self.used.append((namespace, key))
        path = self.folder / namespace / key[:2] / key
        try:
            return _DataUnpickler(io.BytesIO(path.read_bytes())).load()
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None

    def store(self, namespace: str, key: str, value: Any) -> None:
        if self.readonly:
            return
        self.used.append((namespace, key))
        folder = self.folder / namespace / key[:2]
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temp, folder / key)
        except OSError:
            return

    def mark_used(self, entries: Iterable[Entry]) -> None:
        """Count `entries` as used by this build (what a cached result was made from)."""
        self.used.extend(entries)

    def prune(self, *, stale_seconds: float = STALE_SECONDS) -> int:
        """Remove what the module docstring says; the number of entries removed (old
        generations count as one each). Never raises; does nothing when read-only."""
        if self.readonly or not self.folder.is_dir():
            return 0
        try:
            os.utime(self.folder)  # the generation's last use, for other versions' prune
        except OSError:
            return 0
        removed = _prune_generations(self.root, self.folder)
        return removed + _prune_entries(self.folder, set(self.used), time.time() - stale_seconds)


class _DataUnpickler(pickle.Unpickler):
    """Unpickles docs2sdk's own data and nothing that runs code.

    A pickle names the callables that rebuild its objects, and a plain `pickle.loads` calls
    whatever it names (`os.system` included). Entries only ever name paths and the
    dataclasses, enums and named tuples of `generator.*` (constructors that store values),
    so anything else makes the entry unreadable: a cache miss.
    """

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _PATHS or (module.startswith("generator.") and "." not in name):
            found = super().find_class(module, name)
            if module == "pathlib" or _is_data_class(found, module):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not docs2sdk data")


_PATHS = {("pathlib", kind) for kind in ("Path", "PosixPath", "WindowsPath")}


def _is_data_class(found: Any, module: str) -> bool:
    """A class defined in `module` whose instances are plain data."""
    if not isinstance(found, type) or found.__module__ != module:
        return False
    return dataclasses.is_dataclass(found) or issubclass(found, (enum.Enum, tuple))


def _prune_generations(root: Path, current: Path) -> int:
    try:
        children = [p for p in root.iterdir() if p.is_dir() and not p.is_symlink()]
    except OSError:
        return 0
    others = [p for p in children if _GENERATION.match(p.name) and p != current]
    others.sort(key=_mtime, reverse=True)
    legacy = [p for p in children if p.name in _LEGACY_NAMESPACES]
    for folder in [*others[1:], *legacy]:
        shutil.rmtree(folder, ignore_errors=True)
    return len(others[1:]) + len(legacy)


def _prune_entries(folder: Path, used: set[Entry], cutoff: float) -> int:
    removed = 0
    for namespace in _subfolders(folder):
        for shard in _subfolders(namespace):
            try:
                entries = list(os.scandir(shard))
            except OSError:
                continue
            for entry in entries:
                if (namespace.name, entry.name) in used:
                    continue
                try:
                    if entry.stat(follow_symlinks=False).st_mtime < cutoff:
                        os.unlink(entry.path)
                        removed += 1
                except OSError:
                    continue
    return removed


def _subfolders(folder: Path) -> list[Path]:
    try:
        return [Path(e.path) for e in os.scandir(folder) if e.is_dir(follow_symlinks=False)]
    except OSError:
        return []


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


@cache
def generation() -> str:
    return code_fingerprint()[:16]


@cache
def code_fingerprint() -> str:
    """A hash of docs2sdk's Python sources and templates (changes with every tool change)."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for root in (package, templates_dir()):
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.suffix in (".py", ".jinja"):
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def templates_dir() -> Path:
    """`generator.render.environment.templates_dir`, found without importing the renderer
    (jinja2 and black, ~0.3 s), which a build taken from the cache never needs."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "templates", here.parent / "templates"):
        if (candidate / "sdk").is_dir():
            return candidate
    raise FileNotFoundError("docs2sdk templates folder not found (broken installation)")
