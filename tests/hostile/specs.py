"""OpenAPI documents that carry every hostile name and text in every slot that reaches code,
and ones whose names try to leave the output folder."""

from __future__ import annotations

from typing import Any

from tests.hostile.texts import (
    AUTH_HEADERS,
    NAMES,
    PATH_SEGMENTS,
    SCHEMA_NAMES,
    TEXTS,
    WIRE_ONLY_NAMES,
)

# --- a spec that carries every hostile name and text -----------------------------------


def _properties(names: list[str], texts: list[str]) -> dict[str, Any]:
    kinds = ["string", "integer", "boolean", "number"]
    return {
        name: {"type": kinds[i % len(kinds)], "description": texts[i % len(texts)]}
        for i, name in enumerate(names)
    }


def hostile_spec(*, title: str = TEXTS["triple_double"]) -> dict[str, Any]:
    """An OpenAPI 3.1 document with hostile text and names in every slot that reaches code."""
    texts = list(TEXTS.values())
    names = NAMES + WIRE_ONLY_NAMES
    body = {"type": "object", "required": names[:6], "properties": _properties(names, texts)}
    schemas: dict[str, Any] = {
        name: {
            "type": "object",
            "title": texts[i % len(texts)],
            "description": texts[(i + 1) % len(texts)],
            "properties": {
                "value": {"type": "string", "default": texts[i % len(texts)]},
                "self_ref": {"$ref": "#/components/schemas/" + _pointer(name)},
                "kind": {"type": "string", "enum": [*texts[:6], *names[:6]]},
            },
        }
        for i, name in enumerate(SCHEMA_NAMES)
    }
    paths: dict[str, Any] = {}
    for i, segment in enumerate(PATH_SEGMENTS):
        param = NAMES[i % len(NAMES)].replace("{", "").replace("}", "").replace("/", "")
        path = f"/{segment}/{{{param}}}" if param.strip() else f"/{segment}"
        paths[path] = {
            "get": {
                "operationId": NAMES[(i + 3) % len(NAMES)],
                "summary": texts[i % len(texts)],
                "description": texts[(i + 1) % len(texts)],
                "tags": [NAMES[(i + 5) % len(NAMES)]],
                "parameters": [
                    {
                        "name": name,
                        "in": "query" if j % 2 else "header",
                        "description": texts[(i + j) % len(texts)],
                        "schema": {
                            "anyOf": [
                                {"type": "string", "enum": [f"{texts[j]} | x", "a | None | b"]},
                                {"type": "string", "enum": [f"{texts[j]} | y", "object"]},
                                {"type": "null"},
                            ]
                        },
                    }
                    for j, name in enumerate(NAMES[i : i + 6])
                ],
                "responses": {
                    "200": {
                        "description": texts[(i + 2) % len(texts)],
                        "content": {
                            "application/json": {
                                "schema": {
                                    "$ref": "#/components/schemas/"
                                    + _pointer(SCHEMA_NAMES[i % len(SCHEMA_NAMES)])
                                }
                            }
                        },
                    }
                },
            }
        }
    paths["/things"] = {
        "post": {
            "operationId": "class",
            "summary": TEXTS["carriage_return"],
            "description": TEXTS["line_separators"],
            "requestBody": {
                "content": {"application/json": {"schema": body, "example": {"class": "x"}}}
            },
            "responses": {
                "200": {"description": "ok", "content": {"application/json": {"schema": body}}}
            },
        }
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": title, "version": TEXTS["dollar"], "description": TEXTS["jinja"]},
        "servers": [{"url": "https://api.example.test/v1?" + TEXTS["triple_single"]}],
        "x-default-headers": {TEXTS["nul"][:20]: TEXTS["backslashes"]},
        "security": [{header: []} for header in AUTH_HEADERS[:1]],
        "paths": paths,
        "components": {
            "schemas": schemas,
            "securitySchemes": {
                header: {"type": "apiKey", "in": "header", "name": header}
                for header in AUTH_HEADERS
            }
            | {"bearer": {"type": "http", "scheme": "bearer"}},
        },
    }


def _pointer(name: str) -> str:
    return name.replace("~", "~0").replace("/", "~1")


def escape_spec(name: str) -> dict[str, Any]:
    """A small valid spec whose title, tag and operationId try to escape the output folder."""
    return {
        "openapi": "3.1.0",
        "info": {"title": name, "version": "1"},
        "paths": {
            f"/{name}/{{id}}": {
                "get": {
                    "operationId": name,
                    "tags": [name],
                    "parameters": [
                        {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                    ],
                    "responses": {"204": {"description": name}},
                }
            }
        },
    }


def tiny_spec(name: str, text: str) -> dict[str, Any]:
    """A spec with `name` in every naming slot and `text` in every text slot."""
    schema = {
        "type": "object",
        "description": text,
        "required": [name],
        "properties": {
            name: {"type": "string", "description": text, "enum": [text, name]},
            "other": {"type": "string", "default": text, "description": text},
        },
    }
    segment = name.replace("/", "_").replace("{", "(").replace("}", ")") or "x"
    return {
        "openapi": "3.1.0",
        "info": {"title": name, "version": "1", "description": text},
        "servers": [{"url": "https://api.example.test"}],
        "paths": {
            f"/{segment}/{{thing_id}}": {
                "post": {
                    "operationId": name,
                    "summary": text,
                    "tags": [name],
                    "parameters": [
                        {"name": "thing_id", "in": "path", "required": True},
                        {"name": name, "in": "query", "description": text},
                        {"name": name, "in": "header", "schema": {"type": "string"}},
                    ],
                    "requestBody": {
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/S"}}
                        }
                    },
                    "responses": {
                        "200": {
                            "description": text,
                            "content": {
                                "application/json": {"schema": {"$ref": "#/components/schemas/S"}}
                            },
                        }
                    },
                }
            }
        },
        "components": {
            "schemas": {"S": schema, name or "Empty": {**schema, "title": text}},
            "securitySchemes": {
                name or "k": {"type": "apiKey", "in": "header", "name": name or "k"}
            },
        },
    }
