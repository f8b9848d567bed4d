"""The project configuration: `[tool.docs2sdk]` in pyproject.toml, validated at the edge."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from generator import lazyre

_API_NAME = lazyre.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")


class ConfigError(ValueError):
    """pyproject.toml is missing, unreadable, or its [tool.docs2sdk] table is wrong."""


@dataclass(frozen=True)
class Project:
    root: Path
    apis: tuple[str, ...]
    input_dir: Path
    output_dir: Path
    diffs: tuple[tuple[str, str], ...] = field(default=())
    fetch: tuple[FetchSource, ...] = field(default=())
    """`[tool.docs2sdk.fetch.<api>]` tables: where `docs2sdk fetch` crawls each API from."""


@dataclass(frozen=True)
class FetchSource:
    api: str
    urls: tuple[str, ...]
    prefix: str | None = None


def load_project(root: Path) -> Project:
    pyproject = root / "pyproject.toml"
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{pyproject}: cannot read: {exc}") from exc
    table = data.get("tool", {}).get("docs2sdk")
    if not isinstance(table, dict):
        raise ConfigError(f"{pyproject}: no [tool.docs2sdk] table")
    apis = table.get("apis", [])
    if not isinstance(apis, list) or not all(isinstance(a, str) for a in apis):
        raise ConfigError(f"{pyproject}: [tool.docs2sdk] apis must be a list of folder names")
    for name in apis:
        if not _API_NAME.match(name) or name in (".", ".."):
            raise ConfigError(f"{pyproject}: API name {name!r} is not a plain folder name")
    folded = [name.casefold() for name in apis]
    if len(set(folded)) != len(folded):
        raise ConfigError(f"{pyproject}: [tool.docs2sdk] apis names a folder twice (any case)")
    diffs = tuple(_diff_pair(pyproject, item) for item in table.get("diffs", []))
    input_dir = _folder(pyproject, table, "input")
    output_dir = _folder(pyproject, table, "output")
    if input_dir == output_dir or output_dir in input_dir.parents:
        raise ConfigError(f"{pyproject}: [tool.docs2sdk] output must not hold the input")
    return Project(
        root=root,
        apis=tuple(apis),
        input_dir=root / input_dir,
        output_dir=root / output_dir,
        diffs=diffs,
        fetch=_fetch_sources(pyproject, table.get("fetch", {})),
    )


def _fetch_sources(pyproject: Path, table: object) -> tuple[FetchSource, ...]:
    where = f"{pyproject}: [tool.docs2sdk.fetch]"
    if not isinstance(table, dict):
        raise ConfigError(f"{where} must be a table of APIs")
    sources: list[FetchSource] = []
    for api, item in table.items():
        if not _API_NAME.match(api) or not isinstance(item, dict):
            raise ConfigError(f"{where}: {api!r} must be a plain folder name with a table")
        urls, prefix = item.get("urls"), item.get("prefix")
        if not isinstance(urls, list) or not urls or not all(isinstance(u, str) for u in urls):
            raise ConfigError(f"{where}.{api}: urls must be a non-empty list of URLs")
        if prefix is not None and not isinstance(prefix, str):
            raise ConfigError(f"{where}.{api}: prefix must be a URL")
        sources.append(FetchSource(api, tuple(urls), prefix))
    return tuple(sources)


_DEFAULT_FOLDERS = {"input": "input", "output": "generated"}


def _folder(pyproject: Path, table: dict[str, object], key: str) -> PurePosixPath:
    """`input`/`output`: a relative folder inside the project, never the project itself
    (`build` replaces the output folder whole)."""
    value = table.get(key, _DEFAULT_FOLDERS[key])
    path = PurePosixPath(value) if isinstance(value, str) else None
    if (
        path is None
        or path.is_absolute()
        or not path.parts
        or any(part in ("..", ".") for part in path.parts)
        or "\\" in str(value)
        or "\x00" in str(value)
        or ":" in str(value)
    ):
        raise ConfigError(
            f"{pyproject}: [tool.docs2sdk] {key} must be a folder inside the project, "
            f"not {value!r}"
        )
    return path


def _diff_pair(pyproject: Path, item: object) -> tuple[str, str]:
    if isinstance(item, list) and len(item) == 2 and all(isinstance(x, str) for x in item):
        return item[0], item[1]
    raise ConfigError(f"{pyproject}: each [tool.docs2sdk] diffs entry is [OLD, NEW]")
