"""A scriptable HTTP server on 127.0.0.1 for the runtime tests.

Each path gets a script of `Reply`s, served in order (the last one repeats); a reply can
also be a function of the query string. Every request is recorded.
"""

from __future__ import annotations

import json
import socket
import struct
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


@dataclass(frozen=True)
class Reply:
    """What the server answers: a JSON body, a delay, or a connection dropped mid-body.

    `raw` is sent as the body instead of JSON (with `content_type`); `reset` closes the
    connection without any answer; `trickle` sends the body in 16-byte pieces this many
    seconds apart (a server that never pauses long enough for a read timeout).
    """

    status: int = 200
    body: object = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    drop: bool = False
    raw: bytes | None = None
    content_type: str = "application/json"
    reset: bool = False
    trickle: float = 0.0


@dataclass(frozen=True)
class Recorded:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: object


Script = list[Reply] | Callable[[dict[str, list[str]]], Reply]


class FakeServer:
    """A threading HTTP server; `url` is its base URL, `requests` what it received."""

    def __init__(self) -> None:
        self.scripts: dict[str, Script] = {}
        self.requests: list[Recorded] = []
        self.stopping = threading.Event()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}/v1"

    def on(self, path: str, *replies: Reply) -> None:
        self.scripts[path] = list(replies)

    def on_query(self, path: str, reply: Callable[[dict[str, list[str]]], Reply]) -> None:
        self.scripts[path] = reply

    def paths(self) -> list[str]:
        return [request.path for request in self.requests]

    def next_reply(self, path: str, query: dict[str, list[str]]) -> Reply:
        script = self.scripts.get(path)
        if script is None:
            return Reply(404, {"error": {"message": f"no route {path}"}})
        if callable(script):
            return script(query)
        return script.pop(0) if len(script) > 1 else script[0]

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self.stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)


def _handler_for(server: FakeServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            """Quiet: the tests assert on `FakeServer.requests` instead."""

        def _handle(self) -> None:
            url = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            query = parse_qs(url.query, keep_blank_values=True)
            server.requests.append(
                Recorded(
                    method=self.command,
                    path=url.path,
                    query=query,
                    headers={k.lower(): v for k, v in self.headers.items()},
                    body=_decode(raw, self.headers.get("Content-Type", "")),
                )
            )
            reply = server.next_reply(url.path, query)
            if reply.delay and server.stopping.wait(reply.delay):
                return
            self._send(reply)

        def _send(self, reply: Reply) -> None:
            if reply.reset:
                self.connection.setsockopt(
                    socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                )
                self.close_connection = True
                return
            payload = reply.raw
            if payload is None:
                payload = b"" if reply.body is None else json.dumps(reply.body).encode()
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            if payload:
                self.send_header("Content-Type", reply.content_type)
            self.send_header("Content-Length", str(len(payload) + (100 if reply.drop else 0)))
            self.end_headers()
            body = payload[: len(payload) // 2] if reply.drop else payload
            step = 16 if reply.trickle else max(len(body), 1)
            try:
                for start in range(0, len(body), step):
                    self.wfile.write(body[start : start + step])
                    self.wfile.flush()
                    if reply.trickle and server.stopping.wait(reply.trickle):
                        break
            except OSError:
                pass  # the client gave up (a timeout): nothing left to send
            self.close_connection = True

        do_GET = do_POST = do_DELETE = do_PUT = do_PATCH = _handle

    return Handler


def _decode(raw: bytes, content_type: str) -> object:
    if not raw:
        return None
    if content_type.startswith("application/json"):
        return json.loads(raw)
    return raw
