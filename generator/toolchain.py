"""The packages whose versions shape generated code, held to the project's lock.

datamodel-code-generator writes the models, black and ruff format every file: another
version of one of them can change `generated/` without a line of docs2sdk changing. The
project installs them from its lock (`requirements.lock`, README "Installs"); when the
installed version of one differs from the lock, `docs2sdk check` names it beside a stale
report, and the tests fail naming it (`tests/test_toolchain.py`).
"""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

from generator import lazyre

SHAPING = ("datamodel-code-generator", "black", "ruff")
LOCK = "requirements.lock"

_PIN = lazyre.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", re.MULTILINE)


def canonical(name: str) -> str:
    """A distribution name as PEP 503 compares them (`ruamel.yaml` == `ruamel-yaml`)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def locked_versions(lock: Path) -> dict[str, str]:
    """`name==version` pins of a requirements lock, by canonical name (empty when absent).

    A universal lock may pin a package twice under markers; the first pin is kept."""
    try:
        text = lock.read_text(encoding="utf-8")
    except OSError:
        return {}
    pins: dict[str, str] = {}
    for name, version in _PIN.findall(text):
        pins.setdefault(canonical(name), version)
    return pins


def installed_version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def drift(lock: Path) -> list[str]:
    """One line per output-shaping package whose installed version is not the locked one."""
    pins = locked_versions(lock)
    lines = []
    for name in SHAPING:
        locked, installed = pins.get(canonical(name)), installed_version(name)
        if locked is not None and installed != locked:
            lines.append(
                f"{name} {installed or '(not installed)'} is installed, {lock.name} has {locked}"
            )
    return lines
