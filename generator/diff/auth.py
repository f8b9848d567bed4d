"""Auth rules: security schemes and the requirements that use them.

A requirement list is a set of alternatives (any one suffices), each a set of schemes (all
needed). Schemes are compared by name when both documents define that name, and by what
they are (`http bearer`, `apiKey in header X-Key` ...) otherwise, so a renamed scheme with
the same definition is no change. A side that states no requirement at all says nothing;
an explicit empty list means no credentials are needed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from generator.diff.model import Finding


@dataclass(frozen=True, slots=True)
class AuthKeys:
    """The comparison key of every scheme name, per side."""

    old: dict[str, str]
    new: dict[str, str]

    @classmethod
    def of(cls, old_doc: dict[str, Any], new_doc: dict[str, Any]) -> AuthKeys:
        before, after = schemes(old_doc), schemes(new_doc)

        def keys(side: dict[str, dict[str, Any]]) -> dict[str, str]:
            return {
                name: name if name in before and name in after else definition(scheme)
                for name, scheme in side.items()
            }

        return cls(keys(before), keys(after))


def schemes(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    components = doc.get("components")
    found = components.get("securitySchemes") if isinstance(components, dict) else None
    if not isinstance(found, dict):
        return {}
    return {str(name): value for name, value in found.items() if isinstance(value, dict)}


def definition(scheme: dict[str, Any]) -> str:
    """What a scheme is, without its name, description or documentation."""
    kind = str(scheme.get("type", "")).lower()
    facts: dict[str, Any] = {"type": kind}
    if kind == "http":
        facts["scheme"] = str(scheme.get("scheme", "")).lower()
    elif kind == "apikey":
        facts["in"] = scheme.get("in")
        name = str(scheme.get("name", ""))
        facts["name"] = name.lower() if scheme.get("in") == "header" else name
    elif kind == "openidconnect":
        facts["url"] = scheme.get("openIdConnectUrl")
    elif kind == "oauth2":
        facts["flows"] = sorted(scheme.get("flows") or {})
    return json.dumps(facts, sort_keys=True)


def find_scheme_changes(old_doc: dict[str, Any], new_doc: dict[str, Any]) -> Iterator[Finding]:
    before, after = schemes(old_doc), schemes(new_doc)
    old_defs = {definition(s) for s in before.values()}
    new_defs = {definition(s) for s in after.values()}
    for name, scheme in before.items():
        where = ("securitySchemes", name)
        if name in after and definition(after[name]) != definition(scheme):
            old_text, new_text = _scheme_text(scheme), _scheme_text(after[name])
            text = f"scheme {name}: {old_text} -> {new_text}"
            yield Finding("auth-scheme-changed", where, old_text, new_text, text)
        elif name not in after and definition(scheme) not in new_defs:
            yield Finding(
                "auth-scheme-removed", where, _scheme_text(scheme), None, f"scheme {name} removed"
            )
    for name, scheme in after.items():
        if name not in before and definition(scheme) not in old_defs:
            yield Finding(
                "auth-scheme-added",
                ("securitySchemes", name),
                None,
                _scheme_text(scheme),
                f"scheme {name} added",
            )


def find_requirement_changes(
    old: Any, new: Any, *, keys: AuthKeys, path: tuple[str, ...]
) -> Iterator[Finding]:
    """Changes between two `security` lists (either may be None: not stated, no change)."""
    if not isinstance(old, list) or not isinstance(new, list):
        return
    before = _alternatives(old, keys.old)
    after = _alternatives(new, keys.new)
    removed = [text for key, text in before.items() if key not in after]
    added = [text for key, text in after.items() if key not in before]
    if len(removed) == 1 and len(added) == 1:
        text = f"auth {removed[0]} -> {added[0]}"
        yield Finding("auth-requirement-changed", path, removed[0], added[0], text)
        return
    for text in removed:
        yield Finding(
            "auth-requirement-removed", path, text, None, f"auth {text} no longer accepted"
        )
    for text in added:
        yield Finding("auth-requirement-added", path, None, text, f"auth {text} now accepted")


def _alternatives(requirements: list[Any], keys: dict[str, str]) -> dict[frozenset[str], str]:
    out: dict[frozenset[str], str] = {}
    for alternative in requirements or [{}]:  # `security: []`: no credentials needed
        names = sorted(str(n) for n in alternative) if isinstance(alternative, dict) else []
        out[frozenset(keys.get(n, n) for n in names)] = " + ".join(names) or "none"
    return out


def _scheme_text(scheme: dict[str, Any]) -> str:
    kind = str(scheme.get("type", "?"))
    if kind.lower() == "http":
        return f"http {scheme.get('scheme', '?')}"
    if kind.lower() == "apikey":
        return f"apiKey in {scheme.get('in', '?')} {scheme.get('name', '?')}"
    return kind
