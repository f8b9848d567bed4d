"""Equivalent spellings of the same API are no change at all."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from generator.diff import diff_documents
from tests.diff.specs import STRING, Schema, document, obj, operation

Doc = dict[str, Any]


def with_schemas(doc: Doc, **schemas: Schema) -> Doc:
    doc.setdefault("components", {})["schemas"] = schemas
    return doc


def both_ways(old: Doc, new: Doc) -> list[str]:
    there = [f"{c.id} {c.path}" for c in diff_documents(old, new).changes]
    back = [f"{c.id} {c.path}" for c in diff_documents(new, old).changes]
    return there + back


ASSISTANT = obj("id", "name", id=STRING, name={"type": ["string", "null"]})


def test_ref_and_inline_schemas_are_the_same() -> None:
    ref = {"$ref": "#/components/schemas/Assistant"}
    old = with_schemas(operation(request=ref, response=ref), Assistant=ASSISTANT)
    new = operation(request=ASSISTANT, response=copy.deepcopy(ASSISTANT))
    assert both_ways(old, new) == []


def test_renamed_component_with_the_same_shape_is_no_change() -> None:
    old = with_schemas(
        operation(response={"$ref": "#/components/schemas/Assistant"}), Assistant=ASSISTANT
    )
    new = with_schemas(
        operation(response={"$ref": "#/components/schemas/AssistantObject"}),
        AssistantObject=copy.deepcopy(ASSISTANT),
    )
    assert both_ways(old, new) == []


NULLABLE_STRINGS: dict[str, Schema] = {
    "3.0 nullable": {"type": "string", "nullable": True},
    "type list": {"type": ["string", "null"]},
    "anyOf null": {"anyOf": [STRING, {"type": "null"}]},
    "oneOf null first": {"oneOf": [{"type": "null"}, STRING]},
    "nested anyOf": {"anyOf": [{"anyOf": [STRING]}, {"type": "null"}]},
    "enum null": {"anyOf": [STRING, {"enum": [None]}]},
}


@pytest.mark.parametrize("name", sorted(NULLABLE_STRINGS))
def test_nullable_spellings_read_the_same(name: str) -> None:
    schema = NULLABLE_STRINGS[name]
    reference = obj(a={"type": ["string", "null"]})
    candidate = obj(a=schema)
    version = "3.0.3" if "nullable" in schema else "3.1.0"
    old = operation(request=reference, response=copy.deepcopy(reference))
    new = operation(request=candidate, response=copy.deepcopy(candidate), top={"openapi": version})
    assert both_ways(old, new) == []


def test_nullable_reference_spellings_read_the_same() -> None:
    ref = {"$ref": "#/components/schemas/Thing"}
    thing = obj(a=STRING)
    old = with_schemas(operation(response=obj(t={"allOf": [ref, {"nullable": True}]})), Thing=thing)
    old["openapi"] = "3.0.0"
    new = with_schemas(
        operation(response=obj(t={"anyOf": [ref, {"type": "null"}]})), Thing=copy.deepcopy(thing)
    )
    assert both_ways(old, new) == []


def test_key_order_enum_order_and_required_order_do_not_matter() -> None:
    old = obj("a", "b", a={"type": "string", "enum": ["x", "y", "z"]}, b={"type": "integer"})
    new = {
        "required": ["b", "a"],
        "properties": {"b": {"type": "integer"}, "a": {"enum": ["z", "x", "y"], "type": "string"}},
        "type": "object",
    }
    assert both_ways(operation(request=old), operation(request=new)) == []


def test_all_of_merges_into_one_object() -> None:
    base = obj("id", id=STRING)
    old = with_schemas(
        operation(response={"allOf": [{"$ref": "#/components/schemas/Base"}, obj(name=STRING)]}),
        Base=base,
    )
    new = operation(response=obj("id", id=STRING, name=STRING))
    assert both_ways(old, new) == []


def test_union_members_renamed_or_reordered_pair_up() -> None:
    def tool(tag: str) -> Schema:
        return obj("type", type={"type": "string", "enum": [tag]})

    old = with_schemas(
        operation(request=obj(tools={"type": "array", "items": {"oneOf": [
            {"$ref": "#/components/schemas/CodeTool"}, {"$ref": "#/components/schemas/FileTool"}
        ]}})),
        CodeTool=tool("code"),
        FileTool=tool("file"),
    )  # fmt: skip
    new = operation(
        request=obj(tools={"type": "array", "items": {"anyOf": [tool("file"), tool("code")]}})
    )
    assert both_ways(old, new) == []


def test_open_enum_union_reads_as_its_plain_type() -> None:
    open_enum = {"anyOf": [STRING, {"type": "string", "enum": ["alloy", "echo"]}]}
    assert both_ways(operation(request=obj(v=STRING)), operation(request=obj(v=open_enum))) == []


def test_split_union_member_is_no_change() -> None:
    old = {"oneOf": [STRING, obj(type={"type": "string", "enum": ["text", "json_object"]})]}
    new = {
        "anyOf": [
            STRING,
            obj("type", type={"type": "string", "enum": ["text"]}),
            obj("type", type={"type": "string", "enum": ["json_object"]}),
        ]
    }
    assert both_ways(operation(request=obj(f=old)), operation(request=obj(f=new))) == []


def test_renamed_path_parameter_and_media_type_parameters() -> None:
    def doc(name: str, media: str) -> Doc:
        param = {"name": name, "in": "path", "required": True, "schema": STRING}
        op = {
            "parameters": [param],
            "responses": {"200": {"description": "OK", "content": {media: {"schema": STRING}}}},
        }
        return document({f"/assistants/{{{name}}}": {"get": op}})

    old, new = doc("id", "application/json"), doc("assistant_id", "application/json; charset=utf-8")
    assert both_ways(old, new) == []


def test_path_item_parameters_and_refs_resolve() -> None:
    param = {"name": "limit", "in": "query", "schema": {"type": "integer"}}
    old = document(
        {
            "/things": {
                "parameters": [{"$ref": "#/components/parameters/Limit"}],
                "get": {"responses": {}},
            }
        },
        components={"parameters": {"Limit": param}},
    )
    new = document({"/things": {"get": {"parameters": [dict(param)], "responses": {}}}})
    assert both_ways(old, new) == []


def test_renamed_security_scheme_is_no_change() -> None:
    def doc(name: str) -> Doc:
        scheme = {"type": "http", "scheme": "bearer"}
        return operation(
            top={"components": {"securitySchemes": {name: scheme}}, "security": [{name: []}]},
            security=[{name: []}],
        )

    assert both_ways(doc("bearer"), doc("ApiKeyAuth")) == []


def test_swagger2_and_openapi31_of_the_same_api() -> None:
    swagger = {
        "swagger": "2.0",
        "info": {"title": "t", "version": "1"},
        "host": "api.example.com",
        "basePath": "/v1",
        "schemes": ["https"],
        "paths": {
            "/things": {
                "post": {
                    "consumes": ["application/json"],
                    "produces": ["application/json"],
                    "parameters": [
                        {"name": "body", "in": "body", "required": True, "schema": ASSISTANT}
                    ],
                    "responses": {"200": {"description": "OK", "schema": ASSISTANT}},
                }
            }
        },
    }
    openapi = operation(
        request=ASSISTANT,
        response=copy.deepcopy(ASSISTANT),
        top={"servers": [{"url": "https://api.example.com/v1"}]},
    )
    assert both_ways(swagger, openapi) == []


def test_recursive_schemas_terminate() -> None:
    node = {
        "type": "object",
        "properties": {
            "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}}
        },
    }
    old = with_schemas(operation(response={"$ref": "#/components/schemas/Node"}), Node=node)
    changed = copy.deepcopy(node)
    changed["properties"]["name"] = STRING
    new = with_schemas(operation(response={"$ref": "#/components/schemas/Tree"}), Tree=changed)
    new["components"]["schemas"]["Tree"]["properties"]["children"]["items"][
        "$ref"
    ] = "#/components/schemas/Tree"
    paths = [c.path for c in diff_documents(old, new).changes]
    assert paths == ["response.200.name"]
    assert both_ways(old, copy.deepcopy(old)) == []
