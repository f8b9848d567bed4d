"""Auth and default headers: header parameters and curl headers sorted into what they are.

`Authorization: Bearer` -> an http bearer scheme; `x-...-api-key` -> an apiKey scheme named
after the header; `OpenAI-Beta: assistants=v2` (names with "beta"/"version") -> a default
header of the whole API; `Content-Type` / `Accept` -> dropped (the body states its media type).
"""

from __future__ import annotations

import re
from collections import Counter

from generator import lazyre
from generator.model import MISSING, AuthFact, Operation, Parameter, Schema

_KEY_HEADER = lazyre.compile(r"(?:^|[-_])(?:api[-_]?key|key|token|secret)$|^x-.*-key$", re.I)
_DEFAULT_HEADER = lazyre.compile(r"beta|version", re.I)
_DROPPED = {"content-type", "accept", "user-agent", "content-length", "host"}


def classify_headers(op: Operation) -> dict[str, str]:
    """Move auth and default headers out of `op.parameters`; return its default headers."""
    defaults: dict[str, str] = {}
    kept: list[Parameter] = []
    for param in op.parameters:
        value = _param_value(param)
        header = param.location == "header"
        if not (header and _absorb(op, param.name, value, defaults, param.description)):
            kept.append(param)
    op.parameters = kept
    for name, value in op.curl_headers.items():
        if not any(p.name.lower() == name.lower() for p in kept):
            _absorb(op, name, value, defaults, None)
    return defaults


def _absorb(
    op: Operation, name: str, value: str | None, defaults: dict[str, str], description: str | None
) -> bool:
    """True when header `name` is auth, a default header or dropped (not a parameter)."""
    lowered = name.lower()
    if lowered in _DROPPED:
        return True
    if lowered in ("authorization", "proxy-authorization"):
        _add_auth(op, _authorization_fact(value, description))
        return True
    if _DEFAULT_HEADER.search(name) and value and "$" not in value:
        defaults.setdefault(name, value)
        return True
    if _KEY_HEADER.search(name):
        _add_auth(op, AuthFact("apiKey", name, "header"))
        return True
    return False


def _authorization_fact(value: str | None, description: str | None) -> AuthFact:
    text = f"{value or ''} {description or ''}".lower()
    if "basic" in text and "bearer" not in text:
        return AuthFact("basic")
    return AuthFact("bearer")


def _add_auth(op: Operation, fact: AuthFact) -> None:
    if any(f.kind == fact.kind and f.name.lower() == fact.name.lower() for f in op.auth):
        return
    if fact.kind == "bearer" and any(f.kind == "bearer" for f in op.auth):
        return
    op.auth.append(fact)


def _param_value(param: Parameter) -> str | None:
    if param.example is not MISSING and param.example is not None:
        return str(param.example)
    schema = param.schema
    if "default" in schema:
        return str(schema["default"])
    enum = schema.get("enum")
    if isinstance(enum, list) and len(enum) == 1:
        return str(enum[0])
    return None


def scheme_name(fact: AuthFact) -> str:
    if fact.scheme:
        return fact.scheme
    return fact.name if fact.kind == "apiKey" else fact.kind


def scheme_object(fact: AuthFact) -> Schema:
    if fact.kind == "apiKey":
        scheme: Schema = {"type": "apiKey", "in": fact.location, "name": fact.name}
    else:
        scheme = {"type": "http", "scheme": fact.kind}
    if fact.description:
        scheme["description"] = fact.description
    return scheme


def pick_defaults(per_op: list[dict[str, str]]) -> tuple[dict[str, str], list[str]]:
    """The API's default headers (most common value each) and notes on disagreements."""
    values: dict[str, Counter[str]] = {}
    for headers in per_op:
        for name, value in headers.items():
            values.setdefault(name, Counter())[value] += 1
    chosen: dict[str, str] = {}
    notes: list[str] = []
    for name in sorted(values):
        (value, _), *others = values[name].most_common()
        chosen[name] = value
        if others:
            notes.append(
                f"pages disagree on header {name}: using {value!r}, also seen "
                + ", ".join(repr(v) for v, _ in others)
            )
    return chosen, notes
