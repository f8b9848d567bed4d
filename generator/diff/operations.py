"""Operation rules: what a call sends (parameters, body) and gets back (statuses, bodies).

Operations are matched on method and path template with parameter names blanked, so
`/assistants/{id}` and `/assistants/{assistant_id}` are one operation; path parameters are
matched by position. Paths of findings read like the fields they name: `query.limit`,
`request.tools[].type`, `response.200.data[].file_ids`; a media type other than JSON shows
in parentheses (`request(multipart/form-data).file`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from generator import lazyre
from generator.diff.auth import AuthKeys, find_requirement_changes
from generator.diff.model import Finding
from generator.diff.schema import Resolver
from generator.diff.schemas import SchemaDiffer, type_text

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_TEMPLATE = lazyre.compile(r"\{[^}]*\}")
_IGNORED_HEADERS = {"accept", "content-type", "authorization"}
_JSON = "application/json"


@dataclass(frozen=True, slots=True)
class Operation:
    method: str
    path: str
    node: dict[str, Any]
    item: dict[str, Any]
    """The path item: its `parameters` apply to every operation under it."""

    @property
    def label(self) -> str:
        return f"{self.method.upper()} {self.path}"

    @property
    def source(self) -> str | None:
        value = self.node.get("x-source")
        return value if isinstance(value, str) else None


@dataclass(frozen=True, slots=True)
class DocumentPair:
    """Both documents with what comparing them needs."""

    old: Resolver
    new: Resolver
    schemas: SchemaDiffer
    auth: AuthKeys


def collect_operations(
    resolver: Resolver, prefixes: Sequence[str] = ()
) -> dict[tuple[str, str], Operation]:
    """Operations by (method, path template without parameter names), in document order."""
    paths = resolver.document.get("paths")
    out: dict[tuple[str, str], Operation] = {}
    for path, raw in (paths if isinstance(paths, dict) else {}).items():
        if not isinstance(path, str) or not _selected(path, prefixes):
            continue
        item = resolver.resolve(raw)
        if not isinstance(item, dict):
            continue
        for method in METHODS:
            node = item.get(method)
            if isinstance(node, dict):
                out[(method, _TEMPLATE.sub("{}", path))] = Operation(method, path, node, item)
    return out


def _selected(path: str, prefixes: Sequence[str]) -> bool:
    """`/threads` selects `/threads` and `/threads/{id}`, not `/threadsafe`."""
    if not prefixes:
        return True
    return any(path == p.rstrip("/") or path.startswith(p.rstrip("/") + "/") for p in prefixes)


def find_operation_changes(
    old: Operation, new: Operation, *, pair: DocumentPair
) -> Iterator[Finding]:
    if new.node.get("deprecated") is True and old.node.get("deprecated") is not True:
        yield Finding("operation-deprecated", (), False, True, f"{new.label} is now deprecated")
    yield from find_parameter_changes(old, new, pair=pair)
    yield from find_request_body_changes(old, new, pair=pair)
    yield from find_response_changes(old, new, pair=pair)
    if "security" in old.node or "security" in new.node:
        before = old.node.get("security", pair.old.document.get("security"))
        after = new.node.get("security", pair.new.document.get("security"))
        yield from find_requirement_changes(before, after, keys=pair.auth, path=("security",))


def find_parameter_changes(
    old: Operation, new: Operation, *, pair: DocumentPair
) -> Iterator[Finding]:
    before, after = _parameters(old, pair.old), _parameters(new, pair.new)
    for key, param in before.items():
        if key not in after:
            where = _where(param)
            yield Finding(
                "parameter-removed", where, _type(param, pair.old), None, f"{join(where)} removed"
            )
    for key, param in after.items():
        if key not in before:
            where, required = _where(param), param.get("required") is True
            rule = "parameter-added-required" if required else "parameter-added"
            text = f"{'required' if required else 'optional'} {join(where)} added"
            yield Finding(rule, where, None, _type(param, pair.new), text)
    for key, param in before.items():
        if key in after:
            yield from _parameter_pair(param, after[key], pair=pair)


def _parameter_pair(
    old: dict[str, Any], new: dict[str, Any], *, pair: DocumentPair
) -> Iterator[Finding]:
    where = _where(new)
    was, now = old.get("required") is True, new.get("required") is True
    if was != now:
        rule = "parameter-became-required" if now else "parameter-became-optional"
        text = f"{join(where)} is now {'required' if now else 'optional'}"
        yield Finding(rule, where, was, now, text)
    if new.get("deprecated") is True and old.get("deprecated") is not True:
        yield Finding(
            "parameter-deprecated", where, False, True, f"{join(where)} is now deprecated"
        )
    old_schema, new_schema = _param_schema(old), _param_schema(new)
    if old_schema is not None and new_schema is not None:
        for finding in pair.schemas.compare(old_schema, new_schema, direction="request"):
            yield finding.under(where)


def _parameters(op: Operation, resolver: Resolver) -> dict[tuple[str, str], dict[str, Any]]:
    """Effective parameters (operation over path item), keyed by location and name."""
    slots = [m.group(0)[1:-1] for m in _TEMPLATE.finditer(op.path)]
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for group in (op.item.get("parameters"), op.node.get("parameters")):
        for raw in group if isinstance(group, list) else ():
            param = resolver.resolve(raw)
            if not isinstance(param, dict):
                continue
            name, where = param.get("name"), param.get("in")
            if not isinstance(where, str) or not isinstance(name, str):
                continue
            if where == "header" and name.lower() in _IGNORED_HEADERS:
                continue
            key = name.lower() if where == "header" else name
            if where == "path" and name in slots:
                key = str(slots.index(name))
            out[(where, key)] = param
    return out


def _where(param: dict[str, Any]) -> tuple[str, ...]:
    return (str(param.get("in")), str(param.get("name")))


def _param_schema(param: dict[str, Any]) -> Any:
    if isinstance(param.get("schema"), dict):
        return param["schema"]
    content = param.get("content")
    for media in content.values() if isinstance(content, dict) else ():
        if isinstance(media, dict) and isinstance(media.get("schema"), dict):
            return media["schema"]
    return None


def _type(param: dict[str, Any], resolver: Resolver) -> str | None:
    schema = _param_schema(param)
    return None if schema is None else type_text(resolver.shape(schema), resolver)


def find_request_body_changes(
    old: Operation, new: Operation, *, pair: DocumentPair
) -> Iterator[Finding]:
    before = pair.old.resolve(old.node.get("requestBody"))
    after = pair.new.resolve(new.node.get("requestBody"))
    before = before if isinstance(before, dict) else None
    after = after if isinstance(after, dict) else None
    was = before is not None and before.get("required") is True
    now = after is not None and after.get("required") is True
    if before is None or after is None:
        if after is not None:
            rule = "request-body-added-required" if now else "request-body-added"
            yield Finding(rule, ("request",), None, "body", "the operation now takes a body")
        elif before is not None:
            yield Finding("request-body-removed", ("request",), "body", None, "body removed")
        return
    if was != now:
        rule = "request-body-became-required" if now else "request-body-became-optional"
        yield Finding(
            rule, ("request",), was, now, f"body is now {'required' if now else 'optional'}"
        )
    yield from find_content_changes(
        before.get("content"),
        after.get("content"),
        path=("request",),
        direction="request",
        pair=pair,
    )


def find_response_changes(
    old: Operation, new: Operation, *, pair: DocumentPair
) -> Iterator[Finding]:
    before, after = _responses(old.node), _responses(new.node)
    for code in before:
        if code not in after:
            rule = (
                "response-success-status-removed"
                if code.startswith("2")
                else "response-status-removed"
            )
            yield Finding(rule, ("response", code), code, None, f"status {code} removed")
    for code in after:
        if code not in before:
            yield Finding(
                "response-status-added", ("response", code), None, code, f"status {code} added"
            )
    for code, raw in before.items():
        if code in after:
            old_response, new_response = pair.old.resolve(raw), pair.new.resolve(after[code])
            if isinstance(old_response, dict) and isinstance(new_response, dict):
                yield from find_content_changes(
                    old_response.get("content"),
                    new_response.get("content"),
                    path=("response", code),
                    direction="response",
                    pair=pair,
                )


def _responses(node: dict[str, Any]) -> dict[str, Any]:
    responses = node.get("responses")
    return (
        {str(code): value for code, value in responses.items()}
        if isinstance(responses, dict)
        else {}
    )


def find_content_changes(
    old: Any, new: Any, *, path: tuple[str, ...], direction: str, pair: DocumentPair
) -> Iterator[Finding]:
    before, after = _media(old), _media(new)
    for kind in before:
        if kind not in after:
            text = f"{kind} is no longer {'accepted' if direction == 'request' else 'returned'}"
            yield Finding(f"{direction}-media-type-removed", (*path, f"({kind})"), kind, None, text)
    for kind in after:
        if kind not in before:
            text = f"{kind} is now {'accepted' if direction == 'request' else 'returned'}"
            yield Finding(f"{direction}-media-type-added", (*path, f"({kind})"), None, kind, text)
    single = len(before) == 1 and len(after) == 1
    for kind, media in before.items():
        if kind in after:
            where = path if kind == _JSON or single else (*path, f"({kind})")
            old_schema, new_schema = media.get("schema"), after[kind].get("schema")
            if isinstance(old_schema, dict) and isinstance(new_schema, dict):
                for finding in pair.schemas.compare(old_schema, new_schema, direction=direction):
                    yield finding.under(where)


def _media(content: Any) -> dict[str, dict[str, Any]]:
    """Media types without parameters (`application/json; charset=utf-8` is JSON)."""
    if not isinstance(content, dict):
        return {}
    return {
        str(kind).split(";")[0].strip().lower(): media
        for kind, media in content.items()
        if isinstance(media, dict)
    }


def join(parts: tuple[str, ...]) -> str:
    return ".".join(parts)
