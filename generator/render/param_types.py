"""Input annotations for method parameters, with TypedDicts for objects (`types/_params.py`).

Responses are pydantic models; what a caller passes in is plain data, typed as openai-python
types it: an object with fields is a `TypedDict` (`total=False`, `Required[...]` for the
required fields), an enum a `Literal[...]`, `oneOf`/`anyOf` a union, an array of objects an
`Iterable[...]` (of scalars a `Sequence[...]`), a map (`additionalProperties`) a `Mapping`.

A `$ref` to a component object is one shared TypedDict, `<Component>Param`; an inline object
is named after where it sits (`<Owner><Field>Param`). A `$ref` to a scalar, enum or union
component is that type written out (not a mapping). Cycles are fine: every annotation in
`types/_params.py` is lazy (`from __future__ import annotations`), so a TypedDict may name
one defined later or itself; a union component met again inside itself is `object`.
"""

from __future__ import annotations

import keyword
from dataclasses import dataclass, field
from typing import Any

from generator import lazyre
from generator.render import pytypes
from generator.render.names import class_name, pystr, unique
from generator.render.pytypes import literal, literal_ok, union_members
from generator.render.shapes import Shape, object_shape
from generator.render.spec import REF

_STRINGS = lazyre.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'')
_NAMES = lazyre.compile(r"\b[A-Za-z_]\w*\b")
_MAX_DEPTH = 12


@dataclass
class DictField:
    key: str
    """The wire name (the TypedDict key)."""
    annotation: str
    required: bool
    description: str = ""

    @property
    def declared(self) -> str:
        return f"Required[{self.annotation}]" if self.required else self.annotation


@dataclass
class TypedDictView:
    name: str
    description: str = ""
    fields: list[DictField] = field(default_factory=list)

    @property
    def functional(self) -> bool:
        """Whether a key is not an identifier: the `TypedDict("Name", {...})` form then."""
        return any(not f.key.isidentifier() or keyword.iskeyword(f.key) for f in self.fields)

    @property
    def functional_items(self) -> list[tuple[str, str]]:
        """(key literal, annotation as a string literal) of the functional form."""
        return [(pystr(f.key), pystr(f.declared)) for f in self.fields]


class ParamTypes:
    """The TypedDicts of one SDK, made as the annotations that need them are asked for."""

    def __init__(self, doc: dict[str, Any], *, taken: set[str]) -> None:
        self._doc = doc
        self._schemas: dict[str, Any] = (doc.get("components") or {}).get("schemas") or {}
        self._taken = {name.lower() for name in taken}
        self._by_ref: dict[str, str] = {}
        self._visiting: set[str] = set()
        self.dicts: dict[str, TypedDictView] = {}

    def annotation(self, schema: Any, *, hint: str, depth: int = 0) -> str:
        """The annotation of a value of `schema`; `hint` names an inline object's TypedDict."""
        if not isinstance(schema, dict) or depth > _MAX_DEPTH:
            return "object"
        ref = schema.get("$ref")
        if isinstance(ref, str):
            return self._ref(ref, depth) if ref.startswith(REF) else "object"
        literal = _literal_of(schema)
        if literal is not None:
            return literal
        props = schema.get("properties")
        if isinstance(props, dict) and props and _object_kind(schema):
            return union([self._typed_dict(schema, hint, depth), *_null(schema)])
        for key in ("oneOf", "anyOf"):
            if isinstance(schema.get(key), list) and schema[key]:
                return self._union(schema, schema[key], hint, depth)
        if isinstance(schema.get("allOf"), list):
            return self._all_of(schema, hint, depth)
        kinds = schema.get("type")
        kinds = kinds if isinstance(kinds, list) else [kinds] if isinstance(kinds, str) else []
        if not kinds and isinstance(schema.get("items"), dict):
            kinds = ["array"]  # `items` without a `type`: an array all the same
        if not kinds:
            return "object"
        return union([self._one(str(kind), schema, hint, depth) for kind in kinds])

    def names_in(self, annotation: str) -> set[str]:
        """The TypedDicts `annotation` names (not words inside its string literals)."""
        return set(_NAMES.findall(_STRINGS.sub("", annotation))) & set(self.dicts)

    def _one(self, kind: str, schema: dict[str, Any], hint: str, depth: int) -> str:
        if kind in pytypes.SCALARS:
            return pytypes.SCALARS[kind]
        if kind == "array":
            item = self.annotation(schema.get("items"), hint=hint, depth=depth + 1)
            objects = bool(self.names_in(item)) and all(
                part in self.dicts for part in union_members(item) if part != "None"
            )
            return f"Iterable[{item}]" if objects else f"Sequence[{item}]"
        if kind != "object":
            return "object"
        props = schema.get("properties")
        if isinstance(props, dict) and props:
            return self._typed_dict(schema, hint, depth)
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict) and extra:
            value = self.annotation(extra, hint=hint + "Value", depth=depth + 1)
            return f"Mapping[str, {value}]"
        return "Mapping[str, object]"

    def _ref(self, ref: str, depth: int) -> str:
        name = ref[len(REF) :]
        target = self._schemas.get(name)
        if name in self._by_ref:
            done = self._by_ref[name]
            return union([done, *_null(target)]) if done in self.dicts else done
        if name in self._visiting or not isinstance(target, dict):
            return "object"
        if object_shape(self._doc, target) is not None and not _is_union(target):
            typed = self._typed_dict(target, name, depth, ref_name=name)
            return union([typed, *_null(target)])
        self._visiting.add(name)
        try:
            text = self.annotation(target, hint=name, depth=depth + 1)
        finally:
            self._visiting.discard(name)
        self._by_ref[name] = text
        return text

    def _union(self, schema: dict[str, Any], variants: list[Any], hint: str, depth: int) -> str:
        parts = []
        alone = len([v for v in variants if not _null(v)]) == 1  # `anyOf: [X, null]`
        for index, variant in enumerate(variants):
            sub = hint if alone else hint + _variant_name(variant, index)
            parts.append(self.annotation(variant, hint=sub, depth=depth + 1))
        return union([*parts, *_null(schema)])

    def _all_of(self, schema: dict[str, Any], hint: str, depth: int) -> str:
        parts = [p for p in schema["allOf"] if isinstance(p, dict)]
        if len(parts) == 1 and not schema.get("properties"):
            return self.annotation(parts[0], hint=hint, depth=depth + 1)
        if object_shape(self._doc, schema) is not None:
            return self._typed_dict(schema, hint, depth)
        return "object"

    def _typed_dict(
        self, schema: dict[str, Any], hint: str, depth: int, *, ref_name: str | None = None
    ) -> str:
        shape = object_shape(self._doc, schema) or Shape()
        name = unique(class_name(hint) + "Param", self._taken)
        if ref_name is not None:
            self._by_ref[ref_name] = name
        view = TypedDictView(name, shape.description or str(schema.get("description") or ""))
        self.dicts[name] = view
        owner = name[: -len("Param")] if name.endswith("Param") else name
        for key, prop in shape.properties.items():
            text = self.annotation(prop, hint=owner + class_name(key), depth=depth + 1)
            doc = str(prop.get("description") or "") if isinstance(prop, dict) else ""
            view.fields.append(DictField(key, text, key in shape.required, doc))
        return name


def _object_kind(schema: dict[str, Any]) -> bool:
    kind = schema.get("type")
    return kind in (None, "object") or (isinstance(kind, list) and "object" in kind)


def _null(schema: Any) -> list[str]:
    """`["None"]` when `schema` allows null (`type: [..., "null"]`), else `[]`."""
    kind = schema.get("type") if isinstance(schema, dict) else None
    return ["None"] if kind == "null" or (isinstance(kind, list) and "null" in kind) else []


def _is_union(schema: dict[str, Any]) -> bool:
    """A component that is a choice of objects (no fields of its own): a union type."""
    return bool(schema.get("oneOf") or schema.get("anyOf")) and not schema.get("properties")


def _variant_name(variant: Any, index: int) -> str:
    """A name for an inline variant: its title, else its `type` tag, else its position."""
    if not isinstance(variant, dict):
        return f"Variant{index + 1}"
    if isinstance(variant.get("title"), str) and variant["title"].strip():
        return class_name(variant["title"])
    props = variant.get("properties")
    tag = props.get("type") if isinstance(props, dict) else None
    values = tag.get("enum") if isinstance(tag, dict) else None
    if isinstance(tag, dict) and isinstance(tag.get("const"), str):
        values = [tag["const"]]
    if isinstance(values, list) and len(values) == 1 and isinstance(values[0], str):
        return class_name(values[0])
    return f"Variant{index + 1}"


def _literal_of(schema: dict[str, Any]) -> str | None:
    """`Literal[...]` for a `const` or an `enum` of strings and integers, else None."""
    if "const" in schema and literal_ok(schema["const"]):
        return literal([schema["const"]]) if schema["const"] is not None else "None"
    enum = schema.get("enum")
    if not isinstance(enum, list) or not enum or not all(literal_ok(v) for v in enum):
        return None
    if all(value is None for value in enum):
        return "None"  # `enum: [null]`: `Literal[]` is not a type
    return union([literal(enum), *(["None"] if None in enum else [])])


def union(parts: list[str]) -> str:
    """`parts` as one union, `None` last (`pytypes.union`)."""
    return pytypes.union(parts, none_last=True)
