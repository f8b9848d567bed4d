"""Embedded specs brought to OpenAPI 3.1: Swagger 2.0 documents, 3.0 idioms, malformed parts."""

from __future__ import annotations

from typing import Any

from generator.model import EmbeddedSpec, Page
from generator.openapi.upgrade import upgrade_document, upgrade_schema
from generator.openapi.wellformed import wellformed
from generator.problems import Problems
from generator.scrape import embedded

FILE_REF = {"$ref": "#/definitions/File"}
SWAGGER: dict[str, Any] = {
    "swagger": "2.0",
    "info": {"title": "Files", "version": "1"},
    "host": "api.x.io",
    "basePath": "/v1",
    "schemes": ["https"],
    "securityDefinitions": {
        "Key": {"type": "apiKey", "in": "header", "name": "X-Key"},
        "Login": {"type": "basic"},
    },
    "parameters": {"Limit": {"name": "limit", "in": "query", "type": "integer", "default": 20}},
    "paths": {
        "/files": {
            "get": {
                "parameters": [{"$ref": "#/parameters/Limit"}],
                "responses": {
                    "200": {
                        "description": "OK",
                        "schema": {"type": "array", "items": {"$ref": "#/definitions/File"}},
                        "examples": {"application/json": [{"id": "f1"}]},
                    }
                },
            },
            "post": {
                "consumes": ["multipart/form-data"],
                "parameters": [
                    {"name": "file", "in": "formData", "type": "file", "required": True},
                    {"name": "purpose", "in": "formData", "type": "string", "enum": ["a", "b"]},
                ],
                "responses": {"201": {"description": "Created", "schema": FILE_REF}},
            },
        },
    },
    "definitions": {
        "File": {
            "type": "object",
            "properties": {
                "id": {"type": "string"},
                "name": {"type": "string", "x-nullable": True},
            },
        }
    },
}


def test_swagger2_document() -> None:
    doc = upgrade_document(SWAGGER)
    assert doc["openapi"] == "3.1.0"
    assert doc["servers"] == [{"url": "https://api.x.io/v1"}]
    files = doc["paths"]["/files"]
    assert files["get"]["parameters"] == [
        {"name": "limit", "in": "query", "schema": {"type": "integer", "default": 20}}
    ]
    ok = files["get"]["responses"]["200"]["content"]["application/json"]
    assert ok["schema"]["items"] == {"$ref": "#/components/schemas/File"}
    assert ok["example"] == [{"id": "f1"}]
    form = files["post"]["requestBody"]["content"]["multipart/form-data"]["schema"]
    assert form["properties"]["file"] == {"type": "string", "format": "binary"}
    assert form["required"] == ["file"]
    assert doc["components"]["schemas"]["File"]["properties"]["name"]["type"] == ["string", "null"]
    assert doc["components"]["securitySchemes"]["Login"] == {"type": "http", "scheme": "basic"}


def test_nullable_reference_and_data_values() -> None:
    schema = {
        "properties": {
            "expires": {"allOf": [{"$ref": "#/components/schemas/E"}, {"nullable": True}]},
            "default": {"type": "string", "nullable": True},
            "meta": {"anyOf": [{"type": "string"}], "nullable": True},
        },
        "example": {"nullable": True, "type": "x"},
    }
    out = upgrade_schema(schema)
    assert out["properties"]["expires"] == {
        "anyOf": [{"$ref": "#/components/schemas/E"}, {"type": "null"}]
    }
    assert out["properties"]["default"] == {"type": ["string", "null"]}
    assert out["properties"]["meta"] == {"anyOf": [{"type": "string"}, {"type": "null"}]}
    assert out["example"] == {"nullable": True, "type": "x"}


def test_malformed_schema_parts_are_left_out() -> None:
    dropped: list[str] = []
    schema = {"type": "object", "properties": {"a": {"type": 5}, "b": "x"}, "required": "a"}
    assert wellformed(schema, dropped) == {"type": "object", "properties": {"a": {}, "b": {}}}
    assert dropped == ["#/properties/a/type", "#/properties/b", "#/required"]


def test_embedded_spec_keeps_scheme_names_and_reports_bad_parts() -> None:
    spec = {
        "openapi": "3.0.1",
        "components": {
            "securitySchemes": {
                "Portkey-Key": {"type": "apiKey", "in": "header", "name": "x-portkey-api-key"}
            }
        },
        "security": [{}, {"Portkey-Key": []}],
        "paths": {
            "/a": {
                "get": {
                    "parameters": [{"name": "q", "in": "query", "schema": []}],
                    "responses": {"200": {"description": "OK"}},
                }
            },
            "/b": "broken",
        },
    }
    problems = Problems()
    page = Page("p.md", "markdown", (), (EmbeddedSpec(spec, 7),))
    result = embedded.scrape(page, problems)
    (op,) = result.operations
    assert [(f.scheme, f.name) for f in op.auth] == [("Portkey-Key", "x-portkey-api-key")]
    assert op.parameters[0].schema == {}
    assert [(p.line, p.level.value) for p in problems.items] == [(7, "warning")]
