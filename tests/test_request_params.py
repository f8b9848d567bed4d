"""Request bodies as keyword arguments, nested parameters as TypedDicts, form uploads.

A small spec written here (allOf and oneOf bodies, an array body, enums, a cycle, a
multipart upload) is generated, type-checked with a caller's script, and called against
the local fake server, which parses the multipart body it receives.
"""

from __future__ import annotations

import email.parser
import email.policy
import inspect
import subprocess
import sys
import typing
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from generator.openapi.yaml_io import load_spec_file
from generator.render import generate
from tests.sdk_package import imported, write_sdk
from tests.sdk_runtime.server import FakeServer, Reply

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


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_sdk(SPEC, "bodies", tmp_path_factory.mktemp("bodies"))


@pytest.fixture(scope="module")
def sdk(built: Path) -> Iterator[ModuleType]:
    with imported(built, "bodies") as package:
        yield package


def _signature(method: Any) -> dict[str, str]:
    params = inspect.signature(method).parameters.values()
    skipped = {"self", "extra_headers", "extra_query", "extra_body", "timeout"}
    return {p.name: str(p.annotation) for p in params if p.name not in skipped}


def test_an_allof_body_through_ref_chains_is_named_keyword_arguments(sdk: ModuleType) -> None:
    chat = sdk.Client().chat.create
    assert _signature(chat) == {
        "model": "str",  # required in Base, reached through Middle's allOf
        "messages": "Iterable[MessageParam]",
        "temperature": "float | NotGiven | None",
        "response_format": "CreateChatResponseFormatParam | NotGiven",
        "tool": "CreateChatToolFunctionParam | str | NotGiven",
        "labels": "Mapping[str, int] | NotGiven",
    }


def test_a_oneof_body_takes_every_variants_fields_required_where_all_require_them(
    sdk: ModuleType,
) -> None:
    assert _signature(sdk.Client().pets.create) == {
        "name": "str",
        "meows": "bool | NotGiven",
        "barks": "bool | NotGiven",
    }


def test_arguments_keep_builtin_names_the_method_body_does_not_use(sdk: ModuleType) -> None:
    """`input` stays `input`, as openai-python names it; `type` would hide the builtin a
    streaming method's body names, so it is `type_`; `items` without a `type` is an array."""
    assert _signature(sdk.Client().search.create) == {
        "input": "str | NotGiven",
        "type_": "str | NotGiven",
        "modes": "Sequence[Literal['fast', 'deep']] | NotGiven",
    }


def test_only_a_body_that_is_not_an_object_stays_one_argument(sdk: ModuleType) -> None:
    assert "body" in _signature(sdk.Client().batch.create)
    assert "body" not in _signature(sdk.Client().chat.create)


def test_nested_objects_are_typeddicts_with_required_keys_literals_and_a_cycle(
    sdk: ModuleType,
) -> None:
    message = sdk.types.MessageParam
    hints = typing.get_type_hints(message, include_extras=True)
    required = {key for key, hint in hints.items() if typing.get_origin(hint) is typing.Required}
    assert required == {"role", "content"} and message.__total__ is False
    assert typing.get_args(hints["role"]) == (typing.Literal["user", "assistant"],)  # enum $ref
    assert hints["author"] is str  # a $ref to a string component: not a mapping
    assert typing.get_args(hints["replies"]) == (message,)  # the cycle, resolved lazily
    fmt = sdk.types.CreateChatResponseFormatParam
    assert typing.get_type_hints(fmt)["type"] == typing.Literal["text", "json"]
    assert not hasattr(sdk.types, "BaseParam")  # flattened into arguments, not a dict


CALLER = """\
from bodies import Client

client = Client()
client.chat.create(
    model="m",
    messages=[
        {"role": "user", "content": "hi", "replies": [{"role": "assistant", "content": "yo"}]}
    ],
    response_format={"type": "json"},
    tool={"type": "function", "name": "f"},
    labels={"a": 1},
)
client.pets.create(name="Rex", barks=True)
client.uploads.create(file=b"data", purpose="batch", extra=[("a.txt", b"a")])
"""

WRONG = {
    "a nested key that does not exist": 'messages=[{"role": "user", "content": "x", "colour": 1}]',
    "a nested value of the wrong type": 'messages=[{"role": "user", "content": 3}]',
    "a Literal value not in the enum": 'messages=[{"role": "robot", "content": "x"}]',
    "a missing required nested key": 'messages=[{"content": "x"}]',
    "a deeper nested wrong type": (
        'messages=[{"role": "user", "content": "x", "replies": [{"content": 1, "role": "user"}]}]'
    ),
}


def _mypy(built: Path, script: str) -> subprocess.CompletedProcess[str]:
    (built / "caller.py").write_text(script, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "caller.py"],
        cwd=built,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.slow
def test_mypy_checks_a_callers_nested_arguments(built: Path) -> None:
    good = _mypy(built, CALLER)
    assert good.returncode == 0, good.stdout
    bad_calls = "".join(
        f'client.chat.create(model="m", {args})  # {what}\n' for what, args in WRONG.items()
    )
    bad = _mypy(built, "from bodies import Client\n\nclient = Client()\n" + bad_calls)
    lines = {int(line.split(":")[1]) for line in bad.stdout.splitlines() if ": error:" in line}
    assert lines == set(range(4, 4 + len(WRONG))), bad.stdout  # each wrong call, once


def _parts(content_type: str, body: bytes) -> list[tuple[str, str | None, str | None, bytes]]:
    """(field name, filename, content type, content) of each part of a multipart body."""
    head = f"Content-Type: {content_type}\r\n\r\n".encode()
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + body)
    found = []
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        filename = part.get_filename()
        kind = part.get_content_type() if "content-type" in part else None
        payload = part.get_payload(decode=True)
        found.append((str(name), filename, kind, payload if isinstance(payload, bytes) else b""))
    return found


def test_an_upload_is_sent_as_multipart_the_server_parses(
    sdk: ModuleType, server: FakeServer, tmp_path: Path
) -> None:
    server.on("/v1/uploads", Reply(500, {"error": {"message": "again"}}), Reply(200, {"id": "u1"}))
    report = tmp_path / "report.csv"
    report.write_bytes(b"a,b\n1,2\n")
    client = sdk.Client(base_url=server.url, max_retries=1)
    with (tmp_path / "notes.txt").open("wb+") as notes:
        notes.write(b"some notes")
        notes.seek(0)
        done = client.uploads.create(
            file=report,  # a path: read, named after its file
            purpose="assistants",
            extra=[("one.json", b"{}", "application/json"), notes],
            tags=["x", "y"],
            meta={"a": "q", "b": 2},
            flag=True,
        )
    assert done.id == "u1"
    assert len(server.requests) == 2  # the retry sent the same content: files read once
    for sent in server.requests:
        assert isinstance(sent.body, bytes)
        assert sent.headers["content-type"].startswith("multipart/form-data; boundary=")
        parts = _parts(sent.headers["content-type"], sent.body)
        assert sorted(parts) == sorted(
            [
                ("purpose", None, None, b"assistants"),
                ("tags[]", None, None, b"x"),
                ("tags[]", None, None, b"y"),
                ("meta[a]", None, None, b"q"),
                ("meta[b]", None, None, b"2"),
                ("flag", None, None, b"true"),
                ("file", "report.csv", "text/csv", b"a,b\n1,2\n"),
                ("extra[]", "one.json", "application/json", b"{}"),
                ("extra[]", "notes.txt", "text/plain", b"some notes"),
            ]
        )


def test_a_named_upload_tuple_and_an_urlencoded_form(sdk: ModuleType, server: FakeServer) -> None:
    server.on("/v1/uploads", Reply(200, {"id": "u2"}))
    server.on("/v1/tokens", Reply(200, {"id": "t"}))
    client = sdk.Client(base_url=server.url)
    client.uploads.create(file=("x.bin", b"\x00\x01"), purpose="batch")
    client.tokens.create(grant="code", scopes=["a", "b"])
    upload, token = server.requests
    assert isinstance(upload.body, bytes) and isinstance(token.body, bytes)
    parts = _parts(upload.headers["content-type"], upload.body)
    assert ("file", "x.bin", "application/octet-stream", b"\x00\x01") in parts
    assert token.headers["content-type"] == "application/x-www-form-urlencoded"
    assert token.body == b"grant=code&scopes%5B%5D=a&scopes%5B%5D=b"


PAGE = """\
# Upload a document

`POST https://api.example.com/v1/documents`

| Name | Type | Required | Description |
|------|------|----------|-------------|
| document | file | Yes | The document to store. |
| label | string | No | A label for it. |

```bash
curl https://api.example.com/v1/documents -F label="q3" -F document="@report.pdf"
```
"""


def test_a_scraped_page_with_a_file_field_and_a_curl_form_gets_an_upload(tmp_path: Path) -> None:
    page = tmp_path / "upload.md"
    page.write_text(PAGE, encoding="utf-8")
    spec = tmp_path / "spec.yaml"
    scraped = subprocess.run(
        [sys.executable, "-m", "generator", "scrape", str(page), "-o", str(spec)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert scraped.returncode == 0, scraped.stderr
    document = load_spec_file(spec)
    content = document["paths"]["/documents"]["post"]["requestBody"]["content"]
    assert list(content) == ["multipart/form-data"]
    files = generate(document, package="docs_sdk")
    resource = files[Path("docs_sdk/resources/documents.py")]
    assert "document: FileTypes," in resource
    assert 'form="multipart",' in resource
    assert '"document": document,' in resource.split("files=file_parts(")[1]
