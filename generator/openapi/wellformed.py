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
_EXCLUSIVE = ("exclusiveMinimum", "exclusiveMaximum")
"""A number in OpenAPI 3.1, a boolean in 3.0 (which `generate` reads before upgrading)."""
_NUMBERS = (
    "minimum",
    "maximum",
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
    **dict.fromkeys(_EXCLUSIVE, lambda v, d, a: v if isinstance(v, bool) else _number(v, d, a)),
    **dict.fromkeys(_BOOLS, _of(bool)),
    **dict.fromkeys(_LISTS, _of(list)),
    "type": _type,
    "required": _required,
    "discriminator": _of(dict),
}


# --- whole documents ------------------------------------------------------------------------

_METHODS = ("get", "put", "post", "delete", "patch", "options", "head", "trace")
_LOCATIONS = ("path", "query", "header", "cookie")
_TEXTS = ("summary", "description", "operationId", "title", "version")


def wellformed_document(doc: dict[str, Any], dropped: list[str]) -> dict[str, Any]:
    """A copy of OpenAPI document `doc` whose parts the render stage reads have the shapes
    OpenAPI gives them (the rest of the document is kept as it is); what is left out goes
    to `dropped` as a JSON pointer. Schemas are made well-formed by `wellformed`."""
    return _checked(dict(doc), _DOCUMENT, dropped, "#")


def _checked(
    out: dict[str, Any], checks: dict[str, Check], dropped: list[str], at: str
) -> dict[str, Any]:
    """`out` with each of its fields named in `checks` checked (in place), or dropped."""
    for key, check in checks.items():
        if key in out:
            kept = check(out[key], dropped, f"{at}/{key}")
            if kept is _DROP:
                dropped.append(f"{at}/{key}")
                del out[key]
            else:
                out[key] = kept
    return out


def _texts(node: Any, dropped: list[str], at: str) -> Any:
    """A mapping whose text fields (summary, description, title ...) are strings."""
    if not isinstance(node, dict):
        return _DROP
    out = {str(k): v for k, v in node.items()}
    for key in _TEXTS:
        if key in out and not isinstance(out[key], str):
            dropped.append(f"{at}/{key}")
            del out[key]
    return out


def _items(check: Check) -> Check:
    """A list whose items pass `check` (the others are dropped)."""

    def items(value: Any, dropped: list[str], at: str) -> Any:
        if not isinstance(value, list):
            return _DROP
        kept = []
        for i, item in enumerate(value):
            result = check(item, dropped, f"{at}/{i}")
            if result is _DROP:
                dropped.append(f"{at}/{i}")
            else:
                kept.append(result)
        return kept

    return items


def _entries(check: Check) -> Check:
    """A mapping whose values pass `check` (the others are dropped)."""

    def entries(value: Any, dropped: list[str], at: str) -> Any:
        if not isinstance(value, dict):
            return _DROP
        kept = {}
        for key, item in value.items():
            where = f"{at}/{str(key).replace('~', '~0').replace('/', '~1')}"
            result = check(item, dropped, where)
            if result is _DROP:
                dropped.append(where)
            else:
                kept[str(key)] = result
        return kept

    return entries


def _or_ref(check: Check) -> Check:
    def either(value: Any, dropped: list[str], at: str) -> Any:
        if isinstance(value, dict) and "$ref" in value:
            return value if isinstance(value["$ref"], str) else _DROP
        return check(value, dropped, at)

    return either


def _fields(node: Any, dropped: list[str], at: str, checks: dict[str, Check]) -> Any:
    out = _texts(node, dropped, at)
    return _DROP if out is _DROP else _checked(out, checks, dropped, at)


def _media(node: Any, dropped: list[str], at: str) -> Any:
    return _fields(node, dropped, at, {"schema": _schema, "examples": _of(dict)})


def _content(value: Any, dropped: list[str], at: str) -> Any:
    return _entries(_media)(value, dropped, at)


def _parameter(node: Any, dropped: list[str], at: str) -> Any:
    if not isinstance(node, dict) or not isinstance(node.get("name"), str):
        return _DROP
    if node.get("in") not in _LOCATIONS:
        return _DROP
    return _fields(
        node,
        dropped,
        at,
        {"schema": _schema, "content": _content, "required": _of(bool), "deprecated": _of(bool)},
    )


def _body(node: Any, dropped: list[str], at: str) -> Any:
    return _fields(node, dropped, at, {"content": _content, "required": _of(bool)})


def _response(node: Any, dropped: list[str], at: str) -> Any:
    return _fields(node, dropped, at, {"content": _content, "headers": _of(dict)})


def _requirements(value: Any, dropped: list[str], at: str) -> Any:
    return _items(_entries(_items(_of(str))))(value, dropped, at)


def _operation(node: Any, dropped: list[str], at: str) -> Any:
    checks: dict[str, Check] = {
        "parameters": _items(_or_ref(_parameter)),
        "requestBody": _or_ref(_body),
        "responses": _entries(_or_ref(_response)),
        "tags": _items(_of(str)),
        "deprecated": _of(bool),
        "security": _requirements,
    }
    return _fields(node, dropped, at, checks)


def _path_item(node: Any, dropped: list[str], at: str) -> Any:
    checks: dict[str, Check] = dict.fromkeys(_METHODS, _operation)
    checks["parameters"] = _items(_or_ref(_parameter))
    return _fields(node, dropped, at, checks)


def _server(node: Any, _dropped: list[str], _at: str) -> Any:
    return node if isinstance(node, dict) and isinstance(node.get("url"), str) else _DROP


def _scheme(node: Any, dropped: list[str], at: str) -> Any:
    if not isinstance(node, dict) or not isinstance(node.get("type"), str):
        return _DROP
    out = _texts(node, dropped, at)
    for key in ("in", "name", "scheme", "bearerFormat"):
        if key in out and not isinstance(out[key], str):
            dropped.append(f"{at}/{key}")
            del out[key]
    return out


def _components(node: Any, dropped: list[str], at: str) -> Any:
    checks: dict[str, Check] = {
        "schemas": _schema_map,
        "parameters": _entries(_or_ref(_parameter)),
        "requestBodies": _entries(_or_ref(_body)),
        "responses": _entries(_or_ref(_response)),
        "securitySchemes": _entries(_scheme),
    }
    return _fields(node, dropped, at, checks)


_DOCUMENT: dict[str, Check] = {
    "info": _texts,
    "servers": _items(_server),
    "paths": _entries(_path_item),
    "components": _components,
    "security": _requirements,
    "x-default-headers": _entries(_of(str)),
}
