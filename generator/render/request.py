"""What a method takes: path, query and header parameters, and the request body's fields.

A body that is an object of any shape (`$ref` chains, `allOf`, `oneOf`/`anyOf`: see
`shapes.object_shape`) is flattened into keyword arguments, one per field; only a body that
is no object (an array, a string, a free-form map) stays one `body` argument. A
`multipart/form-data` or `application/x-www-form-urlencoded` body is a form: its binary
fields (`format: binary`, or a binary `contentMediaType`/`contentEncoding`) take
`FileTypes`, an array of them `Sequence[FileTypes]`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from generator.render.names import PythonIdentifier, argument_name, class_name, unique
from generator.render.param_types import ParamTypes, union
from generator.render.shapes import object_shape
from generator.render.spec import resolve
from generator.render.view import Param

RESERVED_PARAMS = {
    "self",
    "extra_headers",
    "extra_query",
    "extra_body",
    "timeout",
    "body",
    "cast_to",
    "file_parts",
}
_SKIPPED_HEADERS = {"authorization", "content-type", "accept"}
_FORMS: dict[str, Literal["multipart", "urlencoded"]] = {
    "multipart/form-data": "multipart",
    "application/x-www-form-urlencoded": "urlencoded",
}

Form = Literal["multipart", "urlencoded"] | None


@dataclass
class Request:
    params: list[Param] = field(default_factory=list)
    raw_body: bool = False
    """The body is not an object with fields: one `body` argument carries it whole."""
    example: Any = None
    form: Form = None
    """How the body is sent when it is not JSON."""


def request_params(
    doc: dict[str, Any], op: dict[str, Any], path_names: list[str], *, types: ParamTypes, hint: str
) -> Request:
    """The parameters of `op` in signature order (path ones first); `hint` names the inline
    objects' TypedDicts (`<hint><Field>Param`)."""
    taken = set(RESERVED_PARAMS)
    declared = {}
    for raw in op.get("parameters") or []:
        param = resolve(doc, raw)
        if isinstance(param, dict) and "name" in param:
            declared[(str(param["name"]), str(param.get("in", "query")))] = param
    params = [
        _param(name, "path", declared.get((name, "path"), {}), True, taken=taken, kind="str")
        for name in path_names
    ]
    for (name, where), param in declared.items():
        if where in ("query", "header") and name.lower() not in _SKIPPED_HEADERS:
            schema = param.get("schema", param)
            kind = types.annotation(schema, hint=hint + class_name(name))
            required = bool(param.get("required"))
            params.append(_param(name, where, param, required, taken=taken, kind=kind))
    request = _body(doc, op, taken, types=types, hint=hint)
    request.params[:0] = params
    return request


def _param(
    wire: str, where: str, param: dict[str, Any], required: bool, *, taken: set[str], kind: str
) -> Param:
    schema = param.get("schema", param)
    description = param.get("description") or (
        schema.get("description") if isinstance(schema, dict) else ""
    )
    return Param(
        name=PythonIdentifier(unique(argument_name(wire), taken)),
        wire=wire,
        location=where,  # type: ignore[arg-type]
        annotation=kind if kind != "None" else "object",
        required=required,
        description=str(description or ""),
    )


def _body(
    doc: dict[str, Any], op: dict[str, Any], taken: set[str], *, types: ParamTypes, hint: str
) -> Request:
    body = resolve(doc, op.get("requestBody"))
    content = body.get("content") if isinstance(body, dict) else None
    if not isinstance(content, dict) or not content:
        return Request()
    media_type = _media_type(doc, content)
    media = content[media_type] if isinstance(content[media_type], dict) else {}
    form = _FORMS.get(media_type.split(";")[0].strip().lower())
    shape = object_shape(doc, media.get("schema", {}))
    files = shape is not None and any(_binary_field(doc, p) for p in shape.properties.values())
    if form is None and files:
        form = "multipart"  # a file cannot travel in JSON: the docs' body is a form
    example = media.get("example")
    if shape is None or not shape.properties:
        return Request(raw_body=True, example=example)
    params = []
    for name, prop in shape.properties.items():
        field_hint = hint + class_name(name)
        upload = _upload(doc, prop, types=types, hint=field_hint) if form else None
        kind = upload or types.annotation(prop, hint=field_hint)
        required = name in shape.required
        param = _param(name, "body", {"schema": prop}, required, taken=taken, kind=kind)
        param.upload = upload is not None
        params.append(param)
    return Request(params, example=example, form=form)


def _media_type(doc: dict[str, Any], content: dict[str, Any]) -> str:
    """A form with a file field (as openai-python sends an upload that could also be a JSON
    body of file ids), else JSON when the body can be JSON, else a form, else the first."""
    keys = [str(key) for key in content]
    for key in keys:
        media = content[key]
        if _FORMS.get(key.split(";")[0].strip().lower()) and isinstance(media, dict):
            shape = object_shape(doc, media.get("schema", {}))
            if shape is not None and any(_binary_field(doc, p) for p in shape.properties.values()):
                return key
    for wanted in ("application/json", *_FORMS):
        for key in keys:
            if key.split(";")[0].strip().lower() == wanted:
                return key
    json_like = [key for key in keys if key.split(";")[0].strip().lower().endswith("+json")]
    return json_like[0] if json_like else keys[0]


def _upload(doc: dict[str, Any], prop: Any, *, types: ParamTypes, hint: str) -> str | None:
    """`FileTypes` for a binary field, `Sequence[FileTypes]` for an array of them, a union
    for a choice (openai's `image`: one file or several; `input_reference`: a file or an
    object, sent as `key[sub]` form fields); None for a field that takes no file."""
    schema = resolve(doc, prop)
    if not _binary_field(doc, schema) or not isinstance(schema, dict):
        return None
    variants = schema.get("oneOf") or schema.get("anyOf")
    if not isinstance(variants, list) or not variants:
        return _files_of(doc, schema)
    parts = [
        _files_of(doc, v) or types.annotation(v, hint=hint + _variant(index))
        for index, v in enumerate(variants)
    ]
    return union(parts)


def _variant(index: int) -> str:
    return "" if index == 0 else f"Variant{index + 1}"


def _files_of(doc: dict[str, Any], prop: Any) -> str | None:
    schema = resolve(doc, prop)
    if not isinstance(schema, dict):
        return None
    if _binary(schema):
        return "FileTypes"
    kind = schema.get("type")
    if kind == "array" or (isinstance(kind, list) and "array" in kind):
        return "Sequence[FileTypes]" if _files_of(doc, schema.get("items")) else None
    return None


def _binary_field(doc: dict[str, Any], prop: Any, depth: int = 0) -> bool:
    """Whether a form field may hold a file: binary, an array of binary, or a choice of
    which one is either."""
    schema = resolve(doc, prop)
    if not isinstance(schema, dict) or depth > 4:
        return False
    if _files_of(doc, schema):
        return True
    variants = schema.get("oneOf") or schema.get("anyOf")
    return isinstance(variants, list) and any(_binary_field(doc, v, depth + 1) for v in variants)


def _binary(schema: dict[str, Any]) -> bool:
    if schema.get("format") == "binary":
        return True
    media = str(schema.get("contentMediaType") or "").lower()
    encoding = str(schema.get("contentEncoding") or "").lower()
    text_media = media.startswith("text/") or media.endswith("json")
    return encoding == "binary" or bool(media and not text_media and not encoding)
