"""`input/<api>/sources.toml`: what each saved file was fetched from (url, ETag,
Last-Modified, sha256 of the body, when), read at the start of a run and written at its
end; and the file name each URL is saved under, always inside the API's folder.

The writer is a small one (strings and tables only): no TOML writer is among the locked
dependencies, and `tomllib` reads what it writes back.
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from generator import lazyre
from generator.sources import FETCH_STATE_FILE as SOURCES_FILE

PAGES_FOLDER = "pages"
SPECS_FOLDER = "openapi"
"""Specs sort before pages, so that where both describe an operation the spec's wins
(the merge keeps the first description of an operation and adds what it lacks)."""


@dataclass
class Entry:
    url: str
    file: str
    """Relative to the API folder, `/`-separated."""
    kind: str = "page"
    """"page" or "spec"."""
    etag: str = ""
    last_modified: str = ""
    sha256: str = ""
    fetched: str = ""
    """UTC time of the last transfer of the body, ISO 8601."""


class StateError(ValueError):
    """sources.toml cannot be read."""


def read_state(folder: Path) -> dict[str, Entry]:
    """The entries of `folder/sources.toml` by URL; {} when there is none yet."""
    path = folder / SOURCES_FILE
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise StateError(f"{path}: cannot read: {exc}") from exc
    names = {f.name for f in fields(Entry)}
    entries: dict[str, Entry] = {}
    for item in data.get("source", []):
        if not isinstance(item, dict) or not all(isinstance(v, str) for v in item.values()):
            raise StateError(f"{path}: each [[source]] holds strings only")
        values = {k: v for k, v in item.items() if k in names}
        if "url" not in values or "file" not in values or not safe_relative(values["file"]):
            raise StateError(f"{path}: a [[source]] lacks url or has an unsafe file name")
        entry = Entry(**values)
        entries[entry.url] = entry
    return entries


def write_state(folder: Path, entries: dict[str, Entry]) -> None:
    lines = [
        "# Written by `docs2sdk fetch`: where each file of this folder came from.",
        "# A re-run sends If-None-Match / If-Modified-Since from these and rewrites only",
        "# what changed.",
    ]
    for url in sorted(entries):
        lines += ["", "[[source]]"]
        for item in fields(Entry):
            value = getattr(entries[url], item.name)
            if value or item.name in ("url", "file"):
                lines.append(f"{item.name} = {toml_string(value)}")
    temporary = folder / f".{SOURCES_FILE}.tmp"
    temporary.write_text("\n".join(lines) + "\n", encoding="utf-8")
    temporary.replace(folder / SOURCES_FILE)


def toml_string(value: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    out = ['"']
    for char in value:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\u{code:04x}")
        elif 0xD800 <= code <= 0xDFFF:
            out.append("\ufffd")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


_UNSAFE = lazyre.compile(r"[^A-Za-z0-9._-]+")
_MAX_PART = 80
_MAX_DEPTH = 8


def file_name(url: str, suffix: str, folder: str, taken: set[str]) -> str:
    """A relative `/`-separated name under `folder` for `url`, from its path (sanitized:
    no `..`, no hidden or empty parts, only `[A-Za-z0-9._-]`), ending in `suffix`, and
    not in `taken` (compared without case, for case-blind file systems)."""
    parts = urlsplit(url)
    pieces = [_piece(p) for p in unquote(parts.path).split("/")]
    pieces = [p for p in pieces if p][-_MAX_DEPTH:]
    if not pieces or unquote(parts.path).endswith("/"):
        pieces.append("index")
    stem = pieces[-1]
    if stem.lower().endswith(suffix.lower()):
        stem = stem[: -len(suffix)] or "index"
    if parts.query:
        stem += "_" + hashlib.sha256(parts.query.encode()).hexdigest()[:8]
    name = "/".join([folder, *pieces[:-1], stem + suffix])
    if name.casefold() in taken:
        digest = hashlib.sha256(url.encode()).hexdigest()[:10]
        name = "/".join([folder, *pieces[:-1], f"{stem}_{digest}{suffix}"])
    return name


def _piece(part: str) -> str:
    cleaned = _UNSAFE.sub("_", part).strip("._")[:_MAX_PART]
    return cleaned if cleaned not in ("", ".", "..") else ""


def safe_relative(name: str) -> bool:
    """Whether `name` is a relative path that stays inside the folder it is joined to."""
    path = PurePosixPath(name)
    return (
        bool(name)
        and not path.is_absolute()
        and "\\" not in name
        and "\x00" not in name
        and ":" not in name
        and all(part not in ("", ".", "..") for part in name.split("/"))
    )


def inside(folder: Path, name: str) -> Path:
    """`folder / name`, or ValueError when that would leave `folder`."""
    if not safe_relative(name):
        raise ValueError(f"unsafe file name {name!r}")
    target = (folder / name).resolve()
    if not target.is_relative_to(folder.resolve()):
        raise ValueError(f"{name!r} leads outside {folder}")
    return target
