"""Pydantic v2 models for every component schema, by datamodel-code-generator in-process.

Models are for reading responses tolerantly: validation constraints (lengths, bounds,
patterns) are documented in docstrings, not enforced, and unknown fields are allowed by the
SDK's `BaseModel`. Nested inline objects are named after their parents
(`AssistantToolResources`), so names never collide into `Type1`, `Type2` ...
"""

from __future__ import annotations

import re
import warnings
from typing import Any, NamedTuple

from datamodel_code_generator import InputFileType, LiteralType, PythonVersion, generate
from datamodel_code_generator.enums import DataModelType

from generator import lazyre

_CLASS_LINE = lazyre.compile(r"^class ([A-Za-z_]\w*)\b", re.MULTILINE)
HEADER = "# File generated from our OpenAPI spec by docs2sdk. See README.md."
_CONSTRAINTS = {
    "minLength",
    "maxLength",
    "pattern",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "minItems",
    "maxItems",
    "uniqueItems",
    "minProperties",
    "maxProperties",
    "format",
}


class Models(NamedTuple):
    """A models module and what datamodel-code-generator warned of while making it."""

    source: str
    notes: tuple[str, ...] = ()


def models_source(doc: dict[str, Any], *, package: str) -> Models:
    """The source of `<package>/types/_models.py` (unformatted, imports sorted)."""
    schemas = (doc.get("components") or {}).get("schemas") or {}
    made = generated_source(schemas, package=package)
    return made._replace(source=sorted_imports(made.source, package))


def warm_up() -> None:
    """Import what datamodel-code-generator imports on first use (~0.5 s), ahead of work."""
    generated_source({"Warm": {"type": "object", "properties": {"a": {}}}}, package="warm")


def generated_source(schemas: dict[str, Any], *, package: str) -> Models:
    """datamodel-code-generator's module for `schemas` (unformatted, imports unsorted).

    The warnings it raises (a schema that admits no value, say) are returned as notes, for
    the caller to report as problems: they are about the spec, not about docs2sdk."""
    if not schemas:
        return Models(f"{HEADER}\n\nfrom __future__ import annotations\n")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        source = _run_generator(schemas, package=package)
    notes = dict.fromkeys(" ".join(str(w.message).split()) for w in caught)
    return Models(source, tuple(notes))


def _run_generator(schemas: dict[str, Any], *, package: str) -> str:
    trimmed = {
        "openapi": "3.1.0",
        "info": {"title": "models", "version": "0"},
        "paths": {},
        "components": {"schemas": _tidy(schemas)},  # a copy: _tidy builds new containers
    }
    source = generate(
        trimmed,
        input_file_type=InputFileType.OpenAPI,
        output_model_type=DataModelType.PydanticV2BaseModel,
        base_class=f"{package}._models.BaseModel",
        use_field_description=True,
        use_schema_description=True,
        parent_scoped_naming=True,
        enum_field_as_literal=LiteralType.All,
        target_python_version=PythonVersion.PY_311,
        disable_timestamp=True,
        use_double_quotes=True,
        use_union_operator=True,
        use_standard_collections=True,
        formatters=[],
        custom_file_header=HEADER,
        allow_remote_refs=False,  # never read files or URLs a spec names (spec.prepare drops them)
    )
    return str(source)


def sorted_imports(source: str, package: str) -> str:
    """Put datamodel-code-generator's import lines in isort order (stdlib, third party, ours)."""
    lines = source.split("\n")
    imports = [
        i
        for i, line in enumerate(lines)
        if line.startswith(("from ", "import ")) and not line.startswith("from __future__")
    ]
    if not imports:
        return source

    def group(line: str) -> tuple[int, str]:
        module = line.split()[1]
        rank = 2 if module.startswith(package) else 1 if module.split(".")[0] == "pydantic" else 0
        return rank, line

    ordered = sorted((lines[i] for i in imports), key=group)
    out: list[str] = []
    previous: int | None = None
    for line in ordered:
        rank = group(line)[0]
        if previous is not None and rank != previous:
            out.append("")
        out.append(line)
        previous = rank
    return "\n".join(lines[: imports[0]] + out + lines[imports[-1] + 1 :])


def class_names(source: str) -> list[str]:
    """Top-level classes a models module defines (for re-export in `types/__init__.py`).

    Read from the `class` lines at the left margin: the formatted module has nothing else
    there (docstrings are indented with their class), and this is 60 times faster than
    `ast.parse`."""
    return _CLASS_LINE.findall(source)


def _tidy(schemas: dict[str, Any]) -> dict[str, Any]:
    """Schemas as models should see them: no constraints, flat allOf, defaults that fit."""
    tidy = {name: _without_constraints(schema) for name, schema in schemas.items()}
    return {name: _fix_node(schema, tidy, 0) for name, schema in tidy.items()}


def _fix_node(node: Any, schemas: dict[str, Any], depth: int) -> Any:
    if isinstance(node, list):
        return [_fix_node(item, schemas, depth) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _fix_node(value, schemas, depth) for key, value in node.items()}
    if isinstance(node.get("allOf"), list) and depth < 20:
        node = _flatten_all_of(node, schemas, depth)
    if "default" in node and not _fits(node["default"], node):
        del node["default"]
    return node


def _flatten_all_of(node: dict[str, Any], schemas: dict[str, Any], depth: int) -> dict[str, Any]:
    """`allOf` of objects merged into one object (later members win), so that no model
    subclass redefines a field its base declares with another type."""
    members = [_deref(m, schemas) for m in node["allOf"]]
    if not all(
        isinstance(m, dict) and ("properties" in m or m.get("type") == "object" or "allOf" in m)
        for m in members
    ):
        return node
    merged: dict[str, Any] = {k: v for k, v in node.items() if k != "allOf"}
    merged["type"] = "object"
    properties: dict[str, Any] = {}
    required: list[str] = []
    for raw in members:
        member = _fix_node(raw, schemas, depth + 1) if "allOf" in raw else raw
        properties.update(member.get("properties", {}))
        required.extend(r for r in member.get("required", []) if r not in required)
        for key in ("description", "title", "additionalProperties"):
            if key in member and key not in merged:
                merged[key] = member[key]
    merged["properties"] = {**properties, **merged.get("properties", {})}
    if required:
        merged["required"] = required
    return merged


def _deref(node: Any, schemas: dict[str, Any]) -> Any:
    ref = node.get("$ref") if isinstance(node, dict) else None
    prefix = "#/components/schemas/"
    if isinstance(ref, str) and ref.startswith(prefix):
        return schemas.get(ref[len(prefix) :], {})
    return node


_JSON_TYPES: dict[str, type | tuple[type, ...]] = {
    "string": str,
    "integer": int,
    "number": (int, float),
    "boolean": bool,
    "array": list,
    "object": dict,
}


def _fits(value: Any, schema: dict[str, Any]) -> bool:
    """Whether a stated default is a value of the schema's own type (specs get this wrong)."""
    enum = schema.get("enum")
    if isinstance(enum, list):
        return value in enum
    kinds = schema.get("type")
    kinds = [kinds] if isinstance(kinds, str) else kinds if isinstance(kinds, list) else None
    if kinds is None:
        return value is not None
    if value is None:
        return "null" in kinds
    if isinstance(value, bool):
        return "boolean" in kinds
    return any(isinstance(value, _JSON_TYPES[k]) for k in kinds if k in _JSON_TYPES)


_DATA = {"enum", "const", "default", "example", "examples"}
"""Keywords whose values are data, not schemas (their keys are kept as they are)."""
_NAMES = {"properties", "patternProperties", "$defs", "definitions", "mapping", "dependentRequired"}
"""Keywords whose keys are names (of properties, schemas, discriminator values)."""
_KEYWORDS = (
    _DATA
    | _NAMES
    | {
        *("$id", "$ref", "$anchor", "$dynamicRef", "$dynamicAnchor", "$recursiveRef"),
        *("$recursiveAnchor", "id", "allOf", "anyOf", "oneOf", "not", "if", "then", "else"),
        *("dependentSchemas", "dependencies", "prefixItems", "items", "additionalItems"),
        *("contains", "additionalProperties", "propertyNames", "unevaluatedItems"),
        *("unevaluatedProperties", "type", "required", "title", "description", "deprecated"),
        *("readOnly", "writeOnly", "nullable", "discriminator", "propertyName"),
        *("contentEncoding", "contentMediaType", "contentSchema"),
    }
)
"""JSON Schema's and OpenAPI's schema keywords (constraints aside): all a schema keeps."""


def _without_constraints(node: Any, role: str = "schema") -> Any:
    """`node` without constraint keywords and with no keyword JSON Schema does not define
    (`role`: what `node` is: a schema, a map of `names`, or `data`).

    SECURITY: datamodel-code-generator obeys keywords of its own: `customTypePath`,
    `customBasePath`, `x-python-type`, `x-python-import` (a spec could make the models
    import any module or subclass any class), `x-is-classvar` ...; a doc page's spec gets
    none of that. Dropping the others (a tenth of the latest spec's schema text, mostly
    `x-oaiMeta`) also makes the generator ~10 % faster."""
    if isinstance(node, list):
        return [_without_constraints(item, role) for item in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key in _CONSTRAINTS and not isinstance(value, dict):
            continue
        if role == "schema" and key not in _KEYWORDS:
            continue
        out[key] = _without_constraints(value, _role(role, key))
    return out


def _role(parent: str, key: Any) -> str:
    if (parent == "schema" and key in _DATA) or parent == "data":
        return "data"
    return "names" if parent == "schema" and key in _NAMES else "schema"
