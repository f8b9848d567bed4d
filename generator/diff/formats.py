"""A `DiffReport` as Markdown (pull requests), plain text (terminals) or JSON (machines).

All three are deterministic: changes come sorted (breaking first, then by operation, field
path and rule id) and nothing depends on time or on where the files live.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from itertools import groupby
from typing import Any

from generator.diff.model import Change, DiffReport, Severity

FORMATS = ("text", "markdown", "json")
_HEADINGS = {
    Severity.BREAKING: "Breaking changes",
    Severity.WARNING: "Warnings",
    Severity.INFO: "Other changes",
}
_API = "API"


def render(report: DiffReport, fmt: str) -> str:
    renderers: dict[str, Callable[[DiffReport], str]] = {
        "text": to_text,
        "markdown": to_markdown,
        "json": to_json,
    }
    return renderers[fmt](report)


def summary(report: DiffReport) -> str:
    """`3 breaking, 1 warning, 12 info (16 changes in 5 operations)`."""
    counts = report.counts
    operations = {c.operation for c in report.changes if c.operation}
    total = len(report.changes)
    return (
        f"{counts['breaking']} breaking, {counts['warning']} warning"
        f"{'' if counts['warning'] == 1 else 's'}, {counts['info']} info "
        f"({total} change{'' if total == 1 else 's'} in {len(operations)} "
        f"operation{'' if len(operations) == 1 else 's'})"
    )


def to_json(report: DiffReport) -> str:
    data = {
        "old": report.old_label,
        "new": report.new_label,
        "summary": report.counts,
        "changes": [change.to_json() for change in report.changes],
    }
    return json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n"


def to_text(report: DiffReport) -> str:
    lines = [f"{report.old_label} -> {report.new_label}: {summary(report)}"]
    for change in report.changes:
        where = " ".join(part for part in (change.operation, change.path) if part) or _API
        lines.append(f"{change.severity.value.upper():8} {where}: {change.message} [{change.id}]")
    return "\n".join(lines) + "\n"


def to_markdown(report: DiffReport) -> str:
    lines = [
        f"# API changes: `{report.old_label}` → `{report.new_label}`",
        "",
        f"**{summary(report)}**",
        "",
        "| severity | changes |",
        "| --- | ---: |",
        *(f"| {s.value} | {report.count(s)} |" for s in Severity),
    ]
    if not report.changes:
        lines += ["", "No changes."]
    for severity in Severity:
        changes = [c for c in report.changes if c.severity is severity]
        if changes:
            lines += ["", *_section(severity, changes)]
    return "\n".join(lines) + "\n"


def _section(severity: Severity, changes: list[Change]) -> list[str]:
    title = f"## {_HEADINGS[severity]} ({len(changes)})"
    body: list[str] = []
    for operation, grouped in groupby(changes, key=lambda c: c.operation):
        group = list(grouped)
        body += ["", f"### {_code(operation) if operation else _API}", ""]
        shared = {_sources(change) for change in group}
        if len(shared) == 1 and (line := shared.pop()):
            body += [line, ""]  # one page pair for the whole operation: say it once
            body += [_item(change) for change in group]
        else:
            body += [line for change in group for line in _item_with_sources(change)]
    if severity is Severity.INFO:
        return [title, "", "<details><summary>Show</summary>", *body, "", "</details>"]
    return [title, *body]


def _item(change: Change) -> str:
    where = f" {_code(change.path)}" if change.path else ""
    return f"- **{change.id}**{where}: {_escape(change.message)}"


def _item_with_sources(change: Change) -> Iterable[str]:
    yield _item(change)
    if sources := _sources(change):
        yield f"  {sources}"


def _sources(change: Change) -> str:
    """`<sub>old `file:1-9` · new `file:3-7`</sub>`, or empty without provenance."""
    sources = [
        f"{side} {_code(source)}"
        for side, source in (("old", change.old_source), ("new", change.new_source))
        if source
    ]
    return f"<sub>{' · '.join(sources)}</sub>" if sources else ""


def _code(text: Any) -> str:
    value = str(text).replace("`", "'")
    return f"`{value}`"


def _escape(text: str) -> str:
    """Page text in a message cannot open HTML or Markdown constructs in the report."""
    out = text.replace("\\", "\\\\").replace("&", "&amp;").replace("<", "&lt;")
    for mark in ("*", "`", "[", "]"):
        out = out.replace(mark, "\\" + mark)
    return " ".join(out.split())
