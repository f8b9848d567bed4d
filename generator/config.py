"""The project configuration: `[tool.docs2sdk]` in pyproject.toml, validated at the edge."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

_API_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")


class ConfigError(ValueError):
    """pyproject.toml is missing, unreadable, or its [tool.docs2sdk] table is wrong."""


@dataclass(frozen=True)
class Project:
    root: Path
    apis: tuple[str, ...]
    input_dir: Path
    output_dir: Path
    diffs: tuple[tuple[str, str], ...] = field(default=())


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
    diffs = tuple(_diff_pair(pyproject, item) for item in table.get("diffs", []))
    return Project(
        root=root,
        apis=tuple(apis),
        input_dir=root / str(table.get("input", "input")),
        output_dir=root / str(table.get("output", "generated")),
        diffs=diffs,
    )


def _diff_pair(pyproject: Path, item: object) -> tuple[str, str]:
    if isinstance(item, list) and len(item) == 2 and all(isinstance(x, str) for x in item):
        return item[0], item[1]
    raise ConfigError(f"{pyproject}: each [tool.docs2sdk] diffs entry is [OLD, NEW]")
