"""How an operation's success response is read: parsed JSON, server-sent events, or bytes.

- **Streaming.** An operation streams when its success response offers `text/event-stream`,
  or it takes a boolean `stream` parameter (body or query) that the docs describe as
  streaming. The chunk type is the event-stream content's schema when it names a model,
  else the raw `ServerSentEvent`. With a `stream` parameter the method returns the model
  or, for `stream=True`, a `Stream[Chunk]`; without one, an operation whose success
  response is only an event stream always returns `Stream[Chunk]`.
- **Binary.** Success content of a file type (`application/octet-stream`, `audio/*`,
  `image/*`, `video/*`, `application/pdf`, `application/zip`), a `format: binary` string,
  or a string under a media type that is neither JSON nor an event stream returns a
  `BinaryResponse`. So does a GET of a `.../content` path whose success response declares
  no body or only a bare JSON string: the convention for a file's bytes (the OpenAI spec
  describes `/files/{file_id}/content` that way).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from generator import lazyre
from generator.render.names import PythonIdentifier
from generator.render.pytypes import return_type
from generator.render.spec import resolve
from generator.render.view import Param

EVENT_STREAM = "text/event-stream"
RAW_EVENT = "ServerSentEvent"
_FILE_MEDIA = lazyre.compile(r"(audio|image|video)/.+|application/(octet-stream|pdf|zip)", re.I)
_JSON_MEDIA = lazyre.compile(r"application/([\w.+-]*\+)?json(;.*)?", re.I)
_STREAMING_WORDS = lazyre.compile(r"\bstream|server-sent events", re.I)


@dataclass(frozen=True)
class ResponseKind:
    """How a method reads its success response (`Method` gets these fields)."""

    binary: bool = False
    stream_chunk: str | None = None
    """The chunk annotation of a streaming operation (`RAW_EVENT` for raw events)."""
    stream_param: PythonIdentifier | None = None
    """The `stream` argument choosing a stream; `None` when the method always streams."""


def response_kind(
    doc: dict[str, Any],
    op: dict[str, Any],
    *,
    http: str,
    path: str,
    params: list[Param],
    models: set[str],
) -> ResponseKind:
    """The `ResponseKind` of an operation (`params` as the method takes them)."""
    content = success_content(doc, op) or {}
    documented = EVENT_STREAM in content or bool(
        _STREAMING_WORDS.search(_body_stream_text(doc, op))
    )
    stream_param = _stream_param(params, documented=documented)
    chunk = _chunk(content.get(EVENT_STREAM), models)
    if stream_param is not None:
        return ResponseKind(stream_chunk=chunk, stream_param=stream_param)
    if content and set(content) == {EVENT_STREAM}:
        return ResponseKind(stream_chunk=chunk)
    if any(_is_binary(doc, media, schema) for media, schema in content.items()):
        return ResponseKind(binary=True)
    json_schema = next((s for m, s in content.items() if _JSON_MEDIA.fullmatch(m)), None)
    bare = not content or (len(content) == 1 and _type_of(doc, json_schema) == "string")
    return ResponseKind(binary=bare and http == "get" and path.rstrip("/").endswith("/content"))


def success_content(doc: dict[str, Any], op: dict[str, Any]) -> dict[str, Any] | None:
    """Media type -> schema of the first 2xx response; `None` without a 2xx response."""
    responses = op.get("responses") or {}
    for status in sorted(responses, key=str):
        if str(status).startswith("2"):
            response = resolve(doc, responses[status])
            content = response.get("content") if isinstance(response, dict) else None
            if not isinstance(content, dict):
                return {}
            return {
                str(media): (value.get("schema", {}) if isinstance(value, dict) else {})
                for media, value in content.items()
            }
    return None


def _stream_param(params: list[Param], *, documented: bool) -> PythonIdentifier | None:
    for param in params:
        if param.wire != "stream" or param.location not in ("body", "query"):
            continue
        if param.annotation not in ("bool", "bool | None"):
            continue
        if documented or _STREAMING_WORDS.search(param.description):
            return param.name
    return None


def _body_stream_text(doc: dict[str, Any], op: dict[str, Any]) -> str:
    """The descriptions of the request body's `stream` property (in `allOf` parts too, and
    in its `anyOf`/`oneOf` members: `stream: {anyOf: [{type: boolean, description}, null]}`)."""
    body = resolve(doc, op.get("requestBody"))
    content = body.get("content") if isinstance(body, dict) else None
    medias = (
        [m for m in content.values() if isinstance(m, dict)] if isinstance(content, dict) else []
    )
    texts: list[str] = []
    for media in medias:
        schema = resolve(doc, media.get("schema"))
        parts = [schema, *(schema.get("allOf") or [])] if isinstance(schema, dict) else []
        for prop in (_property(doc, part, "stream") for part in parts):
            members = [prop, *(prop.get("anyOf") or []), *(prop.get("oneOf") or [])]
            texts += [str(m.get("description") or "") for m in members if isinstance(m, dict)]
    return " ".join(texts)


def _property(doc: dict[str, Any], schema: Any, name: str) -> dict[str, Any]:
    resolved = resolve(doc, schema)
    props = resolved.get("properties") if isinstance(resolved, dict) else None
    prop = props.get(name) if isinstance(props, dict) else None
    return prop if isinstance(prop, dict) else {}


def _chunk(schema: Any, models: set[str]) -> str:
    if schema is None:
        return RAW_EVENT
    chunk = return_type(schema, models=models)
    names = [part.strip() for part in chunk.split("|")]
    return chunk if names and all(name in models for name in names) else RAW_EVENT


def _type_of(doc: dict[str, Any], schema: Any) -> object:
    resolved = resolve(doc, schema)
    return resolved.get("type") if isinstance(resolved, dict) else None


def _is_binary(doc: dict[str, Any], media: str, schema: Any) -> bool:
    if media == EVENT_STREAM:
        return False
    if _FILE_MEDIA.fullmatch(media.split(";", maxsplit=1)[0].strip()):
        return True
    resolved = resolve(doc, schema)
    if not isinstance(resolved, dict) or resolved.get("type") != "string":
        return False
    return resolved.get("format") == "binary" or not _JSON_MEDIA.fullmatch(media)
