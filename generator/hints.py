"""Operation hints: the method and path of a page that shows none, given by the user.

Some reference pages state their fields but not their operation (only a title, an
operationId or prose). A hint names it: `docs2sdk scrape PAGE --operation "POST /v1/x"` for
one page, or a `pages.toml` in the page's folder for an API's pages:

    "create-session.html" = "POST /checkout-sessions"

    ["get-track.txt"]
    operation = "GET https://api.example.com/v1/tracks/{id}"
    url = "https://docs.example.com/reference/get-track"     # where the page was published
    title = "Get a track"

With a hint the page's fields are read as usual; the hint's method and path win over any
the page shows.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator import lazyre
from generator.problems import Problems

HINTS_FILE = "pages.toml"
_OPERATION = lazyre.compile(
    r"^\s*(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|TRACE)\s+((?:https?://[^\s/]+)?/\S*)\s*$", re.I
)


class HintError(ValueError):
    """A hint that is not `METHOD /path` (or `METHOD https://host/path`)."""


@dataclass(frozen=True)
class OperationHint:
    method: str
    target: str
    """A path (`/v1/x`) or a full URL, as for a method line on a page."""
    url: str | None = None
    """Where the page was published (informational)."""
    title: str | None = None

    def __str__(self) -> str:
        return f"{self.method} {self.target}"


def parse_operation(
    text: str, *, url: str | None = None, title: str | None = None
) -> OperationHint:
    """`"POST /v1/chat/completions"` as a hint; `HintError` when it is not of that shape."""
    match = _OPERATION.match(text)
    if match is None:
        raise HintError(f"not an operation: {text!r} (expected METHOD /path, e.g. 'POST /v1/x')")
    return OperationHint(match.group(1).upper(), match.group(2), url, title)


def read_hints(folder: Path, label: str, problems: Problems) -> dict[str, OperationHint]:
    """The hints of `folder/pages.toml` by page file name ({} when there is none); entries
    that cannot be read are reported (`label`: how problems name the file) and skipped."""
    try:
        text = (folder / HINTS_FILE).read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        problems.error(label, _line_of(exc), f"{HINTS_FILE} cannot be read: {exc}")
        return {}
    import tomllib  # noqa: PLC0415 - most folders have no pages.toml (the import: some 8 ms)

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        problems.error(label, _line_of(exc), f"{HINTS_FILE} cannot be read: {exc}")
        return {}
    hints: dict[str, OperationHint] = {}
    for name, entry in data.items():
        try:
            hints[name] = _hint(entry)
        except HintError as exc:
            problems.error(label, 0, f"{HINTS_FILE}: {name}: {exc}")
    return hints


def _hint(entry: Any) -> OperationHint:
    if isinstance(entry, str):
        return parse_operation(entry)
    if not isinstance(entry, Mapping) or not isinstance(entry.get("operation"), str):
        raise HintError('expected "METHOD /path" or a table with operation = "METHOD /path"')
    url, title = entry.get("url"), entry.get("title")
    return parse_operation(
        entry["operation"],
        url=url if isinstance(url, str) else None,
        title=title if isinstance(title, str) else None,
    )


def _line_of(exc: Exception) -> int:
    found = re.search(r"line (\d+)", str(exc))
    return int(found.group(1)) if found else 0
