"""What `docs2sdk diff` compares: an OpenAPI/Swagger file, or doc pages scraped on the fly.

A `.yaml`, `.yml` or `.json` file must be a spec (OpenAPI 3.x or Swagger 2.0); a folder, or
any other file, is read as doc pages. Input that cannot be compared raises `DiffInputError`
whose message reads `file:line: error: ...` (line 0 when no line is to blame).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.openapi.yaml_io import SpecError, load_spec_file
from generator.problems import Problem

SPEC_SUFFIXES = (".yaml", ".yml", ".json")


class DiffInputError(ValueError):
    """An input that is missing, unreadable or not an API description."""


@dataclass(frozen=True)
class ApiInput:
    label: str
    document: dict[str, Any]
    problems: list[Problem] = field(default_factory=list)
    """What scraping the pages found wrong (empty for a spec file)."""


def load_input(path: Path, *, base: Path | None = None) -> ApiInput:
    """The OpenAPI document at `path`: a spec file as it is, pages scraped to one."""
    if not path.exists():
        raise DiffInputError(f"{path}:0: error: no such file or folder")
    if path.is_file() and path.suffix.lower() in SPEC_SUFFIXES:
        return ApiInput(str(path), load_spec(path))
    return _scraped(path, base)


def load_spec(path: Path) -> dict[str, Any]:
    try:
        document = load_spec_file(path)
    except OSError as exc:
        raise DiffInputError(f"{path}:0: error: cannot read: {exc.strerror or exc}") from exc
    except SpecError as exc:
        raise DiffInputError(str(exc)) from exc
    if not isinstance(document, dict):
        raise DiffInputError(f"{path}:1: error: not an OpenAPI document (not a mapping)")
    version = document.get("openapi", document.get("swagger"))
    if not isinstance(version, str | float) or str(version)[:2] not in ("3.", "2."):
        raise DiffInputError(
            f"{path}:1: error: not an OpenAPI 3 or Swagger 2 document "
            "(no `openapi: 3.x` or `swagger: '2.0'` field)"
        )
    if not isinstance(document.get("paths", {}), dict):
        raise DiffInputError(f"{path}:1: error: `paths` is not a mapping")
    return document


def _scraped(path: Path, base: Path | None) -> ApiInput:
    from generator.api import scrape  # the scraper is heavy; spec-only diffs skip it

    result = scrape([path], base=base)
    if not result.operation_count:
        raise DiffInputError(f"{path}:0: error: no API operation found in these pages")
    return ApiInput(str(path), result.document, result.problems)
