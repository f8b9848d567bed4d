"""JSON Schema to Python annotations for method parameters and return types.

Model classes are named after component schemas (already safe class names after
`spec.prepare`); literals go through `names.pystr`.
"""

from __future__ import annotations

from typing import Any

from generator.render.names import pystr
from generator.render.spec import REF

SCALARS = {"string": "str", "integer": "int", "number": "float", "boolean": "bool", "null": "None"}


def annotation(schema: Any, *, models: set[str], depth: int = 0) -> str:
    """The input annotation for a value of `schema` (`Mapping[str, object]` for objects)."""
    if not isinstance(schema, dict) or depth > 8:
        return "object"
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith(REF):
        name = ref[len(REF) :]
        return "Mapping[str, object]" if name in models else "object"
    enum = schema.get("enum")
    if isinstance(enum, list) and enum and all(literal_ok(v) for v in enum):
        if all(value is None for value in enum):
            return "None"  # `enum: [null]`: `Literal[]` is not a type
        return union([literal(enum), *(["None"] if None in enum else [])])
    for key in ("oneOf", "anyOf"):
        if isinstance(schema.get(key), list):
            return union([annotation(s, models=models, depth=depth + 1) for s in schema[key]])
    kinds = schema.get("type")
    kinds = kinds if isinstance(kinds, list) else [kinds] if isinstance(kinds, str) else []
    if not kinds:
        return "object"
    return union([_one(kind, schema, models, depth) for kind in kinds])


def _one(kind: str, schema: dict[str, Any], models: set[str], depth: int) -> str:
    if kind in SCALARS:
        return SCALARS[kind]
    if kind == "array":
        return f"Sequence[{annotation(schema.get('items', {}), models=models, depth=depth + 1)}]"
    return "Mapping[str, object]" if kind == "object" else "object"


def literal_ok(value: Any) -> bool:
    """Can `value` stand in a `Literal[...]` (`None`, a string or an integer)?"""
    return value is None or (isinstance(value, str | int) and not isinstance(value, bool))


def literal(values: list[Any]) -> str:
    """`Literal[...]` of `values`, each once, `None` left out."""
    seen: list[str] = []
    for value in values:
        if value is None:
            continue
        text = pystr(value) if isinstance(value, str) else str(int(value))
        if text not in seen:
            seen.append(text)
    return f"Literal[{', '.join(seen)}]"


def union_members(annotation: str) -> list[str]:
    """`A | Literal["x | y"] | None` -> `A`, `Literal["x | y"]`, `None`: split at the top
    level only, never inside brackets or a string literal (enum values are doc text)."""
    members: list[str] = []
    depth, quote, start, i = 0, "", 0, 0
    while i < len(annotation):
        ch = annotation[i]
        if quote:
            if ch == "\\":
                i += 1
            elif ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch in "[(":
            depth += 1
        elif ch in "])":
            depth -= 1
        elif depth == 0 and annotation.startswith(" | ", i):
            members.append(annotation[start:i])
            start = i + 3
            i += 2
        i += 1
    members.append(annotation[start:])
    return members


def union(parts: list[str], *, none_last: bool = False) -> str:
    """`parts` as one union, each member once (`None` moved last if `none_last`); `object`
    absorbs the rest."""
    members: list[str] = []
    for part in parts:
        for piece in union_members(part):
            if piece not in members:
                members.append(piece)
    if "object" in members:
        return "object"
    if none_last and "None" in members:
        members = [m for m in members if m != "None"] + ["None"]
    return " | ".join(members)


def return_type(schema: Any, *, models: set[str]) -> str:
    """What a method returns: a model class, a list of them, or `object` for anything else."""
    if not isinstance(schema, dict):
        return "None"
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith(REF) and ref[len(REF) :] in models:
        return ref[len(REF) :]
    if schema.get("type") == "array":
        item = return_type(schema.get("items"), models=models)
        return f"list[{item}]" if item not in ("None", "object") else "list[object]"
    return "object"
