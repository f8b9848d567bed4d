"""A content-addressed cache of derived results, so that rebuilding does only new work.

Keys are hashes of the inputs (page bytes, a document, a source text) plus a fingerprint of
docs2sdk's own code and templates, so a new version of the tool never reuses stale results.
The cache is an optimisation only: a miss, a corrupt entry or an unwritable folder is
never an error, and a build with or without it writes the same bytes.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

FOLDER = ".docs2sdk-cache"


@dataclass(frozen=True)
class Cache:
    root: Path
    readonly: bool = False
    """Read entries but never write (for `check`, which must not write anything)."""

    def key(self, *parts: str | bytes) -> str:
        digest = hashlib.sha256(code_fingerprint().encode())
        for part in parts:
            data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
            digest.update(len(data).to_bytes(8, "little"))
            digest.update(data)
        return digest.hexdigest()

    def load(self, namespace: str, key: str) -> Any:
        """The object stored under `key`, or None."""
        path = self.root / namespace / key[:2] / key
        try:
            return pickle.loads(path.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None

    def store(self, namespace: str, key: str, value: Any) -> None:
        if self.readonly:
            return
        folder = self.root / namespace / key[:2]
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temp, folder / key)
        except OSError:
            return


@cache
def code_fingerprint() -> str:
    """A hash of docs2sdk's Python sources and templates (changes with every tool change)."""
    from generator.render.environment import templates_dir  # noqa: PLC0415 - import cycle

    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for root in (package, templates_dir()):
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.suffix in (".py", ".jinja"):
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()
