"""Two OpenAPI documents to a `DiffReport`: API-wide rules, then every operation.

A Swagger 2.0 document is first brought to OpenAPI shape (`openapi.upgrade`); 3.0 and 3.1
spellings meet in `schema.Shape`. So any of them compares with any other, or with pages
scraped on the fly.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from generator.diff.auth import AuthKeys, find_requirement_changes, find_scheme_changes
from generator.diff.model import Change, DiffReport, Finding, Severity, join_path
from generator.diff.operations import (
    DocumentPair,
    Operation,
    collect_operations,
    find_operation_changes,
)
from generator.diff.rules import severity_of
from generator.diff.schema import Resolver
from generator.diff.schemas import SchemaDiffer
from generator.openapi.upgrade import upgrade_document

DEFAULT_HEADERS = "x-default-headers"


def diff_documents(
    old: dict[str, Any],
    new: dict[str, Any],
    *,
    old_label: str = "old",
    new_label: str = "new",
    paths: Sequence[str] = (),
) -> DiffReport:
    """Every change from `old` to `new`; `paths` keeps the operations under those prefixes."""
    old_doc, new_doc = _openapi3(old), _openapi3(new)
    before, after = Resolver(old_doc), Resolver(new_doc)
    pair = DocumentPair(before, after, SchemaDiffer(before, after), AuthKeys.of(old_doc, new_doc))
    changes = [_change(f, "") for f in find_api_changes(old_doc, new_doc, pair=pair)]
    old_ops, new_ops = collect_operations(before, paths), collect_operations(after, paths)
    for key, op in old_ops.items():
        if key not in new_ops:
            text = f"{op.label} removed"
            finding = Finding("operation-removed", (), op.label, None, text, op.source)
            changes.append(_change(finding, op.label))
    for key, op in new_ops.items():
        if key not in old_ops:
            text = f"{op.label} added"
            finding = Finding("operation-added", (), None, op.label, text, None, op.source)
            changes.append(_change(finding, op.label))
        else:
            changes.extend(_operation(old_ops[key], op, pair=pair))
    unique = {(c.id, c.operation, c.path, c.message): c for c in changes}
    return DiffReport(
        old_label, new_label, tuple(sorted(unique.values(), key=lambda c: c.sort_key))
    )


def find_breaking_changes(
    new: dict[str, Any], old: dict[str, Any], *, path: Sequence[str] = ()
) -> Iterator[Change]:
    """The breaking changes from `old` to `new` under the `path` prefixes.

    Arguments in the order of openai-python's `scripts/detect-breaking-changes.py`; a CI step
    fails when this yields anything (`docs2sdk diff --fail-on breaking` does the same).
    """
    report = diff_documents(old, new, paths=path)
    yield from (change for change in report.changes if change.severity is Severity.BREAKING)


def _openapi3(document: dict[str, Any]) -> dict[str, Any]:
    """Swagger 2.0 in OpenAPI 3 shape; OpenAPI 3.0 idioms (`nullable`, boolean
    `exclusiveMinimum`) are read where they stand by `schema.Shape`, which spares a copy
    of a large document."""
    return upgrade_document(document) if "swagger" in document else document


def _operation(old: Operation, new: Operation, *, pair: DocumentPair) -> Iterator[Change]:
    for finding in find_operation_changes(old, new, pair=pair):
        yield _change(finding.with_sources(old.source, new.source), new.label)


def _change(finding: Finding, operation: str) -> Change:
    return Change(
        id=finding.rule,
        severity=severity_of(finding.rule),
        operation=operation,
        path=join_path(finding.path),
        old=finding.old,
        new=finding.new,
        message=finding.message,
        old_source=finding.old_source,
        new_source=finding.new_source,
    )


def find_api_changes(
    old: dict[str, Any], new: dict[str, Any], *, pair: DocumentPair
) -> Iterator[Finding]:
    yield from find_server_changes(old, new)
    yield from find_default_header_changes(old, new)
    yield from find_scheme_changes(old, new)
    yield from find_requirement_changes(
        old.get("security"), new.get("security"), keys=pair.auth, path=("security",)
    )


def find_server_changes(old: dict[str, Any], new: dict[str, Any]) -> Iterator[Finding]:
    before, after = _servers(old), _servers(new)
    if not before or not after or before == after:
        return  # a document without servers states none (it does not mean "/")
    if len(before) == 1 and len(after) == 1:
        text = f"server {before[0]} -> {after[0]}"
        yield Finding("server-url-changed", ("servers",), before[0], after[0], text)
        return
    for url in before:
        if url not in after:
            yield Finding("server-removed", ("servers",), url, None, f"server {url} removed")
    for url in after:
        if url not in before:
            yield Finding("server-added", ("servers",), None, url, f"server {url} added")


def _servers(doc: dict[str, Any]) -> list[str]:
    servers = doc.get("servers")
    urls = (
        [s.get("url") for s in servers if isinstance(s, dict)] if isinstance(servers, list) else []
    )
    return [url.rstrip("/") for url in urls if isinstance(url, str) and url]


def find_default_header_changes(old: dict[str, Any], new: dict[str, Any]) -> Iterator[Finding]:
    """`x-default-headers`: headers every request sends (`OpenAI-Beta: assistants=v2`)."""
    before, after = _headers(old), _headers(new)
    for key, (name, value) in before.items():
        where = (DEFAULT_HEADERS, name)
        if key not in after:
            yield Finding("default-header-removed", where, value, None, f"{name} no longer sent")
        elif after[key][1] != value:
            now = after[key][1]
            text = f"{name}: {value} -> {now}"
            yield Finding("default-header-changed", where, value, now, text)
    for key, (name, value) in after.items():
        if key not in before:
            text = f"every request must now send {name}: {value}"
            yield Finding("default-header-added", (DEFAULT_HEADERS, name), None, value, text)


def _headers(doc: dict[str, Any]) -> dict[str, tuple[str, str]]:
    headers = doc.get(DEFAULT_HEADERS)
    if not isinstance(headers, dict):
        return {}
    return {str(name).lower(): (str(name), str(value)) for name, value in headers.items()}
