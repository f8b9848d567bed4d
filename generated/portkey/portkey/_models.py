# File generated from our OpenAPI spec by docs2sdk. See README.md.

"""The base class of every model, and the one function that turns JSON into typed values."""

from __future__ import annotations

import types
from typing import Any, TypeVar, Union, cast, get_args, get_origin

import pydantic
from pydantic import ConfigDict

__all__ = ["BaseModel", "construct_lenient", "validate_type"]

T = TypeVar("T")
M = TypeVar("M", bound=pydantic.BaseModel)
_UNIONS = (Union, types.UnionType)


class BaseModel(pydantic.BaseModel):
    """Base of the generated models.

    Fields the API returns but the model does not declare are kept (``extra="allow"``),
    so a new field on the server never breaks the client; they are readable as
    attributes and through ``model_extra``. Fields renamed in Python (a keyword such as
    ``from`` becomes ``from_``) accept both the Python name and the wire name.
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True, protected_namespaces=())

    def to_dict(self) -> dict[str, Any]:
        """The JSON object for this model, with wire names, leaving out unset fields."""
        return self.model_dump(mode="json", by_alias=True, exclude_unset=True)

    def to_json(self, *, indent: int | None = 2) -> str:
        """`to_dict`, serialized as JSON text."""
        return self.model_dump_json(indent=indent, by_alias=True, exclude_unset=True)


_ADAPTERS: dict[Any, pydantic.TypeAdapter[Any]] = {}


def _adapter(type_: Any) -> pydantic.TypeAdapter[Any]:
    """A cached `pydantic.TypeAdapter`: building one per response would be slow."""
    adapter = _ADAPTERS.get(type_)
    if adapter is None:
        adapter = _ADAPTERS[type_] = pydantic.TypeAdapter(type_)
    return adapter


def validate_type(type_: type[T], value: object) -> T:
    """``value`` (decoded JSON) as ``type_``: a model class, ``list[Model]``, ``dict`` ...

    Models are built leniently, like openai-python's ``construct_type``: the models come from
    documentation, which is sometimes wrong about a type or a required field, so a field
    that does not fit is kept as the server sent it instead of failing the whole call.

    Raises:
        pydantic.ValidationError: ``value`` cannot be read as ``type_`` even leniently
            (for instance a string where an object is expected).
    """
    return cast(T, _lenient_value(type_, value))


def _lenient_value(annotation: Any, raw: object) -> object:
    try:
        return _adapter(annotation).validate_python(raw)
    except pydantic.ValidationError:
        model = _model_in(annotation)
        if model is not None and isinstance(raw, dict):
            return construct_lenient(model, raw)
        item = _list_item_in(annotation)
        if item is not None and isinstance(raw, list):
            return [_lenient_value(item, value) for value in raw]
        if model is not None or item is not None or annotation is type(None):
            raise
        return raw


def construct_lenient(model: type[M], data: dict[str, Any]) -> M:
    """A ``model`` from ``data`` field by field; a field that does not fit keeps its raw value."""
    values: dict[str, Any] = {}
    known: set[str] = set()
    for name, field in model.model_fields.items():
        key = field.alias or name
        known.add(key)
        if key in data:
            try:
                values[name] = _lenient_value(field.annotation, data[key])
            except pydantic.ValidationError:
                values[name] = data[key]
    extra = {key: value for key, value in data.items() if key not in known}
    return model.model_construct(**values, **extra)


def _model_in(annotation: Any) -> type[pydantic.BaseModel] | None:
    """The model class an annotation names (alone or in a union with ``None``)."""
    candidates = get_args(annotation) if get_origin(annotation) in _UNIONS else (annotation,)
    models = [c for c in candidates if isinstance(c, type) and issubclass(c, pydantic.BaseModel)]
    return models[0] if len(models) == 1 else None


def _list_item_in(annotation: Any) -> Any:
    """The item type of ``list[X]`` (alone or in a union with ``None``), else None."""
    candidates = get_args(annotation) if get_origin(annotation) in _UNIONS else (annotation,)
    lists = [c for c in candidates if get_origin(c) is list and get_args(c)]
    return get_args(lists[0])[0] if len(lists) == 1 else None
