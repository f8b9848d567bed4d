"""Recognise an OpenAPI/Swagger document inside page text (code blocks, script data)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import yaml

from generator import lazyre
from generator.limits import (
    MAX_SPEC_DEPTH,
    MAX_SPEC_NODES,
    no_surrogates,
    prune_deep,
    too_deep,
    too_large,
)

_SPEC_HEAD = lazyre.compile(r"^\s*[\"']?(openapi|swagger)[\"']?\s*:", re.MULTILINE)
_JSON_HEAD = lazyre.compile(r"^\s*\{.*?\"(?:openapi|swagger)\"\s*:", re.DOTALL)


def parse_spec_text(text: str) -> dict[str, Any] | None:
    """Parse `text` as a JSON or YAML spec; None when it is not a spec with paths."""
    return read_spec_text(text)[0]


def read_spec_text(text: str) -> tuple[dict[str, Any] | None, SpecTextProblem | None]:
    """`(spec, None)`; `(spec or None, problem)` when `text` starts like a spec that cannot be
    read whole; `(None, None)` when it is not a spec at all."""
    if not (_SPEC_HEAD.search(text) or _JSON_HEAD.match(text)):
        return None, None
    try:
        value = json.loads(text)
    except RecursionError:
        return None, SpecTextProblem(1, _TOO_DEEP)
    except ValueError:
        try:
            value = yaml.load(text, Loader=_LOADER)
        except RecursionError:
            return None, SpecTextProblem(1, _TOO_DEEP)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            problem = str(getattr(exc, "problem", None) or exc).splitlines()[0]
            return None, SpecTextProblem(
                mark.line + 1 if mark is not None else 1,
                f"spec is not valid JSON or YAML ({problem}); not read",
            )
    spec, why = usable_spec(value)
    return spec, None if why is None else SpecTextProblem(1, why)


@dataclass(frozen=True)
class SpecTextProblem:
    line: int
    """1-based, within the text that was parsed."""
    message: str


_TOO_DEEP = "spec nested too deeply (past the parser's limit); not read"


def usable_spec(value: Any) -> tuple[dict[str, Any] | None, str | None]:
    """A spec within the input bounds, and what was wrong: `(None, why)` for an alias bomb,
    `(cut copy, why)` when parts nest too deeply, `(None, None)` for what is no spec."""
    if not is_spec(value):
        return None, None
    if too_large(value, MAX_SPEC_NODES):
        return None, f"spec expands to more than {MAX_SPEC_NODES} values (YAML aliases?); not read"
    if too_deep(value, MAX_SPEC_DEPTH):
        pruned, cut = prune_deep(value, MAX_SPEC_DEPTH)
        return (
            no_surrogates(pruned),
            f"{cut} part(s) of the spec nested deeper than {MAX_SPEC_DEPTH} levels left out",
        )
    return no_surrogates(value), None


def is_spec(value: Any) -> bool:
    """An OpenAPI/Swagger object with paths (see `usable_spec` for the bounds)."""
    return (
        isinstance(value, dict)
        and ("openapi" in value or "swagger" in value)
        and isinstance(value.get("paths"), dict)
    )


def find_spec(value: Any, depth: int = 0) -> dict[str, Any] | None:
    """Search decoded script data (e.g. Redoc state, Next.js props) for a spec object.

    A string value holding a whole spec as JSON or YAML text counts too.
    """
    if depth > 12:
        return None
    if is_spec(value):
        spec = usable_spec(value)[0]
        return dict(spec) if spec is not None else None
    children: list[Any] = []
    if isinstance(value, dict):
        children = list(value.values())
    elif isinstance(value, list):
        children = value[:50]
    for child in children:
        if isinstance(child, dict | list):
            found = find_spec(child, depth + 1)
        elif isinstance(child, str) and len(child) > 40:
            found = parse_spec_text(child)
        else:
            found = None
        if found is not None:
            return found
    return None


_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
