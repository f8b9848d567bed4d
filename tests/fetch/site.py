"""A small documentation site on 127.0.0.1 for the `docs2sdk fetch` tests, written here:
HTML reference pages and Markdown exports (two shapes of doc family; one HTML page names
its Markdown export as its alternate), a sitemap, a
robots.txt that disallows a folder, ETags and Last-Modified with 304s, a page that changes
and one that disappears between runs, a 429 with Retry-After, a redirect loop, a redirect
to another host, a huge page, a binary file under `.html`, and a page linking its spec.
Every request is recorded with its arrival time; `in_flight_max` is the most at once."""

from __future__ import annotations

import hashlib
import posixpath
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote

LAST_MODIFIED = "Mon, 06 Jan 2025 10:00:00 GMT"


def html_operation(title: str, method: str, path: str, fields: dict[str, str]) -> str:
    items = "\n".join(
        f"<li><code>{name}</code> <em>{kind}</em> - The {name} of the object.</li>"
        for name, kind in fields.items()
    )
    return (
        f"<html><head><title>{title}</title></head><body><h1>{title}</h1>\n"
        f"<p><code>{method} https://api.widgets.test/v1{path}</code></p>\n"
        f"<h2>Request body</h2>\n<ul>\n{items}\n</ul>\n"
        '<h2>Response</h2>\n<pre><code>{"id": "wid_1", "object": "widget"}</code></pre>\n'
        '<p><a href="index.html">Back</a></p></body></html>\n'
    )


MARKDOWN_DELETE = """# Delete a widget

`DELETE https://api.widgets.test/v1/widgets/{widget_id}`

## Path parameters

| Name | Type | Required | Description |
|---|---|---|---|
| widget_id | string | yes | The widget to delete. |

## Response

```json
{"id": "wid_1", "deleted": true}
```
"""

MARKDOWN_LIST = """# List gadgets

`GET https://api.widgets.test/v1/gadgets`

## Query parameters

| Name | Type | Required | Description |
|---|---|---|---|
| limit | integer | no | How many gadgets to return. |
"""

SPEC = """openapi: 3.0.3
info: {title: Widgets, version: "1.0"}
servers: [{url: "https://api.widgets.test/v1"}]
paths:
  /gizmos:
    get:
      operationId: listGizmos
      summary: List gizmos
      parameters:
        - {name: limit, in: query, schema: {type: integer}}
      responses:
        "200":
          description: OK
          content:
            application/json:
              schema: {type: object, properties: {data: {type: array, items: {type: string}}}}
"""

INDEX = """<html><body><h1>Widgets API</h1><ul>
<li><a href="widgets/create.html">Create</a></li>
<li><a href="widgets/delete.md">Delete (Markdown)</a></li>
<li><a href="private/secret.html">Internal</a></li>
<li><a href="loop.html">Loop</a></li>
<li><a href="away.html">Elsewhere</a></li>
<li><a href="huge.html">Everything on one page</a></li>
<li><a href="diagram.html">Diagram</a></li>
<li><a href="busy.html">Busy</a></li>
<li><a href="old.html">Old</a></li>
<li><a href="reference.html">Reference</a></li>
<li><a href="about.html#team">About</a></li>
<li><a href="a/..%2f..%2f..%2fescape.html">Escape</a></li>
<li><a href="https://example.invalid/docs/x.html">Outside</a></li>
<li><a href="mailto:docs@widgets.test">Mail</a></li>
</ul></body></html>
"""


@dataclass
class Hit:
    path: str
    at: float
    headers: dict[str, str]
    status: int


@dataclass
class DocSite:
    """The site; `round` is which run it serves (1, then 2 with one page changed, one gone)."""

    huge_bytes: int = 200_000
    round: int = 1
    hits: list[Hit] = field(default_factory=list)
    in_flight: int = 0
    in_flight_max: int = 0
    busy_answered: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.httpd = _QuietServer(("127.0.0.1", 0), _handler(self))
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        ).start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def paths(self) -> list[str]:
        return [hit.path for hit in self.hits]

    def pages(self) -> dict[str, tuple[str, bytes]]:
        """path -> (content type, body) of what is served as it is."""
        fields = {"name": "string", "size": "integer"}
        if self.round > 1:
            fields["colour"] = "string"
        served = {
            "/robots.txt": ("text/plain", "User-agent: *\nDisallow: /docs/private/\n"),
            "/sitemap.xml": ("application/xml", self.sitemap()),
            "/docs/index.html": ("text/html", INDEX),
            "/docs/widgets/create.html": (
                "text/html",
                html_operation("Create a widget", "POST", "/widgets", fields),
            ),
            "/docs/widgets/delete.md": ("text/markdown", MARKDOWN_DELETE),
            "/docs/gadgets/list.html": (
                "text/html",
                html_operation("List gadgets", "GET", "/gadgets", {"limit": "integer"}).replace(
                    "</head>", '<link rel="alternate" type="text/markdown" href="list.md"></head>'
                ),
            ),
            "/docs/gadgets/list.md": ("text/markdown", MARKDOWN_LIST),
            "/docs/private/secret.html": (
                "text/html",
                html_operation("Secret", "POST", "/secret", {"x": "string"}),
            ),
            "/docs/about.html": ("text/html", "<html><body><h1>About us</h1></body></html>"),
            "/docs/reference.html": (
                "text/html",
                '<html><body><redoc spec-url="/specs/openapi.yaml"></redoc></body></html>',
            ),
            "/specs/openapi.yaml": ("application/yaml", SPEC),
            "/docs/diagram.html": ("text/html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50),
            "/escape.html": (
                "text/html",
                html_operation("Escape", "PUT", "/escape", {"y": "string"}),
            ),
        }
        if self.round == 1:
            served["/docs/old.html"] = (
                "text/html",
                html_operation("Archive a widget", "POST", "/widgets/archive", {"id": "string"}),
            )
        return {k: (t, v.encode() if isinstance(v, str) else v) for k, (t, v) in served.items()}

    def sitemap(self) -> str:
        urls = ["/docs/index.html", "/docs/gadgets/list.html", "/docs/widgets/create.html"]
        entries = "".join(f"<url><loc>{self.base}{u}</loc></url>" for u in urls)
        return (
            '<?xml version="1.0" encoding="UTF-8"?>'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'
        )


def _handler(site: DocSite) -> type[BaseHTTPRequestHandler]:  # noqa: C901 - one route each
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            return

        def do_GET(self) -> None:
            arrived = time.monotonic()
            with site.lock:
                site.in_flight += 1
                site.in_flight_max = max(site.in_flight_max, site.in_flight)
            try:
                time.sleep(0.005)  # long enough for requests to overlap
                status = self._answer()
            except (BrokenPipeError, ConnectionResetError):
                status = -1
            finally:
                with site.lock:
                    site.in_flight -= 1
            site.hits.append(Hit(self.path, arrived, dict(self.headers), status))

        def _answer(self) -> int:
            path = posixpath.normpath(unquote(self.path.split("?", 1)[0]))
            if path == "/docs/loop.html":
                return self._send(302, b"", {"Location": "/docs/loop2.html"})
            if path == "/docs/loop2.html":
                return self._send(302, b"", {"Location": "loop.html"})
            if path == "/docs/away.html":
                where = f"http://localhost:{site.port}/docs/widgets/create.html"
                return self._send(301, b"", {"Location": where})
            if path == "/docs/huge.html":
                return self._send(200, b"<p>" + b"x" * site.huge_bytes, {})
            if path == "/docs/busy.html":
                site.busy_answered += 1
                if site.busy_answered == 1:
                    return self._send(429, b"slow down", {"Retry-After": "0.3"})
                body = html_operation("Count widgets", "GET", "/widgets/count", {}).encode()
                return self._send(200, body, {"Content-Type": "text/html"})
            page = site.pages().get(path)
            if page is None:
                return self._send(404, b"not found", {})
            kind, body = page
            etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            headers = {"Content-Type": kind, "ETag": etag, "Last-Modified": LAST_MODIFIED}
            if self.headers.get("If-None-Match") == etag:
                return self._send(304, b"", headers)
            return self._send(200, body, headers)

        def _send(self, status: int, body: bytes, headers: dict[str, str]) -> int:
            self.send_response(status)
            headers.setdefault("Content-Type", "text/plain")
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if status != 304:
                self.wfile.write(body)
            return status

    return Handler


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        return  # a client that hangs up (an aborted huge page) is not an error here
