"""Recognise an OpenAPI/Swagger document inside page text (code blocks, script data)."""

from __future__ import annotations

import json
import re
from typing import Any

import yaml

_SPEC_HEAD = re.compile(r"^\s*[\"']?(openapi|swagger)[\"']?\s*:", re.MULTILINE)
_JSON_HEAD = re.compile(r"^\s*\{.*?\"(?:openapi|swagger)\"\s*:", re.DOTALL)


def parse_spec_text(text: str) -> dict[str, Any] | None:
    """Parse `text` as a JSON or YAML spec; None when it is not a spec with paths."""
    if not (_SPEC_HEAD.search(text) or _JSON_HEAD.match(text)):
        return None
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        try:
            value = yaml.load(text, Loader=_LOADER)
        except (yaml.YAMLError, RecursionError):
            return None
    return value if is_spec(value) else None


def is_spec(value: Any) -> bool:
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
        return dict(value)
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
