"""The small spec the request-side tests generate an SDK from (written here): an allOf body
through `$ref` chains, a oneOf body, an array body, enums, a cycle, a multipart upload with a
JSON alternative, an urlencoded form, and arguments named after builtins."""

from __future__ import annotations

from typing import Any

OK = {
    "description": "ok",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Done"}}},
}


def _post(op_id: str, content: dict[str, Any]) -> dict[str, Any]:
    return {
        "post": {
            "operationId": op_id,
            "requestBody": {"content": content},
            "responses": {"200": OK},
        }
    }


SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Body test", "version": "1"},
    "servers": [{"url": "http://127.0.0.1:1/v1"}],
    "paths": {
        "/chat": _post(
            "createChat",
            {"application/json": {"schema": {"$ref": "#/components/schemas/ChatRequest"}}},
        ),
        "/pets": _post(
            "createPet",
            {
                "application/json": {
                    "schema": {
                        "oneOf": [
                            {"$ref": "#/components/schemas/Cat"},
                            {"$ref": "#/components/schemas/Dog"},
                        ]
                    }
                }
            },
        ),
        "/batch": _post(
            "createBatch",
            {"application/json": {"schema": {"type": "array", "items": {"type": "string"}}}},
        ),
        "/uploads": _post(
            "createUpload",
            {
                "application/json": {
                    "schema": {"type": "object", "properties": {"file_id": {"type": "string"}}}
                },
                "multipart/form-data": {"schema": {"$ref": "#/components/schemas/UploadRequest"}},
            },
        ),
        "/search": _post(
            "createSearch",
            {
                "application/json": {
                    "schema": {
                        "type": "object",
                        "properties": {
                            "input": {"type": "string"},
                            "type": {"type": "string"},
                            "modes": {"items": {"type": "string", "enum": ["fast", "deep"]}},
                        },
                    }
                }
            },
        ),
        "/tokens": _post(
            "createToken",
            {
                "application/x-www-form-urlencoded": {
                    "schema": {
                        "type": "object",
                        "required": ["grant"],
                        "properties": {
                            "grant": {"type": "string"},
                            "scopes": {"type": "array", "items": {"type": "string"}},
                        },
                    }
                }
            },
        ),
    },
    "components": {
        "schemas": {
            "Done": {"type": "object", "properties": {"id": {"type": "string"}}},
            "Role": {"type": "string", "enum": ["user", "assistant"]},
            "Name": {"type": "string"},
            "Message": {
                "type": "object",
                "required": ["role", "content"],
                "properties": {
                    "role": {"$ref": "#/components/schemas/Role"},
                    "content": {"type": "string"},
                    "author": {"$ref": "#/components/schemas/Name"},
                    "replies": {"type": "array", "items": {"$ref": "#/components/schemas/Message"}},
                },
            },
            "Base": {
                "type": "object",
                "required": ["model"],
                "properties": {
                    "model": {"type": "string"},
                    "temperature": {"type": ["number", "null"]},
                },
            },
            "Middle": {"allOf": [{"$ref": "#/components/schemas/Base"}]},
            "ChatRequest": {
                "allOf": [
                    {"$ref": "#/components/schemas/Middle"},
                    {
                        "type": "object",
                        "required": ["messages"],
                        "properties": {
                            "messages": {
                                "type": "array",
                                "items": {"$ref": "#/components/schemas/Message"},
                            },
                            "response_format": {
                                "type": "object",
                                "required": ["type"],
                                "properties": {
                                    "type": {"type": "string", "enum": ["text", "json"]}
                                },
                            },
                            "tool": {
                                "oneOf": [
                                    {
                                        "type": "object",
                                        "required": ["type"],
                                        "properties": {
                                            "type": {"const": "function"},
                                            "name": {"type": "string"},
                                        },
                                    },
                                    {"type": "string"},
                                ]
                            },
                            "labels": {
                                "type": "object",
                                "additionalProperties": {"type": "integer"},
                            },
                        },
                    },
                ]
            },
            "Cat": {
                "type": "object",
                "required": ["name", "meows"],
                "properties": {"name": {"type": "string"}, "meows": {"type": "boolean"}},
            },
            "Dog": {
                "type": "object",
                "required": ["name"],
                "properties": {"name": {"type": "string"}, "barks": {"type": "boolean"}},
            },
            "UploadRequest": {
                "type": "object",
                "required": ["file", "purpose"],
                "properties": {
                    "file": {"type": "string", "format": "binary"},
                    "extra": {"type": "array", "items": {"type": "string", "format": "binary"}},
                    "purpose": {"type": "string", "enum": ["assistants", "batch"]},
                    "tags": {"type": "array", "items": {"type": "string"}},
                    "meta": {
                        "type": "object",
                        "properties": {"a": {"type": "string"}, "b": {"type": "integer"}},
                    },
                    "flag": {"type": "boolean"},
                },
            },
        }
    },
}
