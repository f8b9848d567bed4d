"""Schemas from embedded specs made well-formed: keywords whose value has the wrong shape go.

Specs found on pages are untrusted: `properties: true`, `required: "id"` or `items: [...]`
would break every later stage. `wellformed` keeps what has the shape JSON Schema gives it
and records the path of each part it drops, so that the caller can report them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_SCHEMA_MAPS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")
_SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
_SCHEMAS = ("items", "not", "contains", "propertyNames", "if", "then", "else")
_SCHEMA_OR_BOOL = ("additionalProperties", "unevaluatedProperties", "unevaluatedItems")
_STRINGS = ("$ref", "title", "description", "format", "pattern", "$id", "$schema")
_NUMBERS = (
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
    "minProperties",
    "maxProperties",
    "multipleOf",
)
_BOOLS = ("nullable", "readOnly", "writeOnly", "deprecated", "uniqueItems")
_LISTS = ("enum", "examples")


def wellformed(node: Any, dropped: list[str], where: str = "#") -> dict[str, Any]:
    """A copy of schema `node` without badly shaped keywords (their paths go to `dropped`)."""
    if not isinstance(node, dict):
        dropped.append(where)
        return {}
    out: dict[str, Any] = {}
    for key, value in node.items():
        at = f"{where}/{key}"
        kept = _keyword(str(key), value, dropped, at)
        if kept is _DROP:
            dropped.append(at)
        else:
            out[str(key)] = kept
    return out


class _Drop:
    """Marks a keyword value to leave out."""


_DROP = _Drop()
Check = Callable[[Any, list[str], str], Any]


def _keyword(key: str, value: Any, dropped: list[str], at: str) -> Any:
    check = _CHECKS.get(key)
    return value if check is None else check(value, dropped, at)


def _schema(value: Any, dropped: list[str], at: str) -> Any:
    return wellformed(value, dropped, at) if isinstance(value, dict) else _DROP


def _schema_or_bool(value: Any, dropped: list[str], at: str) -> Any:
    return value if isinstance(value, bool) else _schema(value, dropped, at)


def _of(kind: type | tuple[type, ...]) -> Check:
    return lambda value, _dropped, _at: value if isinstance(value, kind) else _DROP


def _schema_map(value: Any, dropped: list[str], at: str) -> Any:
    if not isinstance(value, dict):
        return _DROP
    return {str(name): wellformed(item, dropped, f"{at}/{name}") for name, item in value.items()}


def _schema_list(value: Any, dropped: list[str], at: str) -> Any:
    if not isinstance(value, list):
        return _DROP
    return [wellformed(item, dropped, f"{at}/{i}") for i, item in enumerate(value)]


def _number(value: Any, _dropped: list[str], _at: str) -> Any:
    return value if isinstance(value, int | float) and not isinstance(value, bool) else _DROP


def _type(value: Any, _dropped: list[str], _at: str) -> Any:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return value
    return _DROP


def _required(value: Any, _dropped: list[str], _at: str) -> Any:
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    return _DROP


_CHECKS: dict[str, Check] = {
    **dict.fromkeys(_SCHEMA_MAPS, _schema_map),
    **dict.fromkeys(_SCHEMA_LISTS, _schema_list),
    **dict.fromkeys(_SCHEMAS, _schema),
    **dict.fromkeys(_SCHEMA_OR_BOOL, _schema_or_bool),
    **dict.fromkeys(_STRINGS, _of(str)),
    **dict.fromkeys(_NUMBERS, _number),
    **dict.fromkeys(_BOOLS, _of(bool)),
    **dict.fromkeys(_LISTS, _of(list)),
    "type": _type,
    "required": _required,
    "discriminator": _of(dict),
}
