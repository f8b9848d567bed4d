"""Form uploads: the SDK of `request_spec.SPEC` sends a multipart body the local fake server
parses (file names, content types, contents, form fields, a retry sending the same bytes)
and an urlencoded form; a scraped page whose curl sends `-F` fields gets an upload."""

from __future__ import annotations

import email.parser
import email.policy
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from generator.openapi.yaml_io import load_spec_file
from generator.render import generate
from tests.request_spec import SPEC
from tests.sdk_package import imported, write_sdk
from tests.sdk_runtime.server import FakeServer, Reply


@pytest.fixture(scope="module")
def sdk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    folder = write_sdk(SPEC, "uploads_sdk", tmp_path_factory.mktemp("uploads"))
    with imported(folder, "uploads_sdk") as package:
        yield package


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
