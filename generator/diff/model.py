"""What a diff produces: `Finding`s inside the comparison, `Change`s in the report.

A `Finding` is relative: its path starts at the schema or operation being compared, so the
findings of one schema pair can be computed once and placed under every operation that uses
it. The document layer turns findings into `Change`s (operation, full path, severity).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace
from typing import Any


class Severity(enum.Enum):
    BREAKING = "breaking"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Sort key: breaking first."""
        return _RANKS[self]


_RANKS = {Severity.BREAKING: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass(frozen=True, slots=True)
class Finding:
    """One rule that fired, at `path` relative to where the comparison started."""

    rule: str
    path: tuple[str, ...]
    old: Any
    new: Any
    message: str
    old_source: str | None = None
    new_source: str | None = None

    def under(self, prefix: tuple[str, ...]) -> Finding:
        return replace(self, path=prefix + self.path) if prefix else self

    def with_sources(self, old: str | None, new: str | None) -> Finding:
        """Fill in the `x-source` of either side when the finding has none yet."""
        if (self.old_source or not old) and (self.new_source or not new):
            return self
        return replace(self, old_source=self.old_source or old, new_source=self.new_source or new)


def join_path(parts: tuple[str, ...]) -> str:
    """`("response", "200", "data", "[]", "file_ids")` -> `response.200.data[].file_ids`.

    Segments that start with `[`, `{`, `<` or `(` (array items, map values, union
    members, media types) attach to the previous segment without a dot.
    """
    out = ""
    for part in parts:
        out += part if (not out or part[:1] in "[{<(") else "." + part
    return out


@dataclass(frozen=True, slots=True)
class Change:
    """One classified difference between two API versions."""

    id: str
    severity: Severity
    operation: str
    """`GET /assistants`, or empty for the API as a whole (servers, auth, headers)."""
    path: str
    old: Any
    new: Any
    message: str
    old_source: str | None = None
    new_source: str | None = None

    @property
    def sort_key(self) -> tuple[int, str, str, str, str]:
        return (self.severity.rank, self.operation, self.path, self.id, self.message)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "severity": self.severity.value,
            "operation": self.operation,
            "path": self.path,
            "old": self.old,
            "new": self.new,
            "message": self.message,
        }
        if self.old_source:
            out["old_source"] = self.old_source
        if self.new_source:
            out["new_source"] = self.new_source
        return out


@dataclass(frozen=True)
class DiffReport:
    """Every change from `old_label` to `new_label`, sorted breaking first."""

    old_label: str
    new_label: str
    changes: tuple[Change, ...] = field(default=())

    def count(self, severity: Severity) -> int:
        return sum(1 for change in self.changes if change.severity is severity)

    @property
    def counts(self) -> dict[str, int]:
        return {severity.value: self.count(severity) for severity in Severity}

    def fails(self, fail_on: str | None) -> bool:
        """`--fail-on breaking` / `--fail-on any`: whether the report should exit 1."""
        if fail_on == "any":
            return bool(self.changes)
        if fail_on == "breaking":
            return self.count(Severity.BREAKING) > 0
        return False
