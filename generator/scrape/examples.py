"""A section's code samples: JSON examples cut out of its lines, and what each one is.

`split_content` separates a section's field lines from its samples. Samples glued to each
other are cut apart first (`codeglue`). Each JSON example records what came right before
it: a curl sample (the answer it printed, unless it repeats the command's body), a raw HTTP
request line (its body) or an HTTP response line (`HTTP/1.1 201 Created`, its status), and
the label over it (`Body example`, a request body's example even under the responses).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from typing import Any

from generator import lazyre
from generator.model import MISSING, Line, Schema, line_text
from generator.scrape.codeglue import (
    http_status,
    is_glued,
    is_header_line,
    is_http_request,
    unglue_code,
)
from generator.scrape.header import is_sample_header
from generator.scrape.infer import INFERRED, infer_schema
from generator.scrape.samples import JsonBlock, curl_at, json_block_at
from generator.scrape.sketch import Sketch

_MEDIA_LINE = lazyre.compile(r"^[\w.+-]+/[\w.+-]+(?:;.*)?$", re.ASCII)
"""A media type alone on its line (ASCII: `名称id/群id` is a glued table row, not one)."""
_EXAMPLE_LABEL = lazyre.compile(r"^(?:examples?|示例|example value|response example)\s*:?$", re.I)
_NOISE = lazyre.compile(r"^(?:body|schema|copy|ask ai|数据结构|headers?)$", re.I)
_NOISE_LONGEST = len("headers")
SAMPLE_LANGUAGES = ("json", "javascript", "js", "shell", "bash", "curl", "http", "text")
"""The language labels shown over a code sample (its tab, or a line of its own)."""
_LANGUAGE = lazyre.compile(rf"^(?:{'|'.join(SAMPLE_LANGUAGES)})$", re.I)
_REQUEST_LABEL = lazyre.compile(
    r"^(?:(?:(?:request\s*)?body|request|请求体?|请求参数|body\s*参数)\s*"
    r"(?:examples?|samples?|示例|样例)|body\s+parameter)\s*[:：]?$",
    re.I,
)
_STATUS_LABEL = lazyre.compile(r"^([1-5]\d\d)\s+(?:response|answer)\s*(?:examples?)?\s*:?$", re.I)
"""A label naming the status of the example under it (Slate, Widdershins: `200 Response`)."""
_EX = r"(?:examples?|samples?|示例|样例)"
_RESPONSE_LABEL = lazyre.compile(
    rf"^(?:(?:success(?:ful)?\s*)?response\s*(?:body\s*)?{_EX}|{_EX}\s*responses?"
    r"|success(?:ful)?\s+response"  # FastAPI's name for the 200 response
    rf"|(?:返回|响应|返回结果|返回数据)(?:成功|正确)?{_EX}|(?:成功|正确)(?:返回|响应){_EX})"
    r"\s*(?:[(（](?:成功|success)[)）])?\s*[:：]?$",
    re.I,
)
"""A label over the example of what the call returns (its success response)."""
_ERROR_LABEL = lazyre.compile(
    rf"^(?:(?:error|failed|failure)\s*response\s*{_EX}"
    rf"|(?:失败|错误|异常)(?:返回|响应){_EX}|(?:返回|响应)(?:失败|错误|异常){_EX}"
    rf"|(?:返回|响应){_EX}\s*[(（](?:失败|错误|异常|error|failure)[)）])\s*[:：]?$",
    re.I,
)
"""A label over an error's example (no status named: which one is not said)."""


@dataclass
class Content:
    """A section's lines split into field lines and JSON examples (curl samples left out)."""

    lines: list[Line]
    examples: list[JsonBlock]
    media_type: str | None


def split_content(lines: Sequence[Line]) -> Content:
    """Field lines, JSON examples (pseudo-JSON ones as sketches) and the media type line."""
    marks = list(map(_mark, map(line_text, lines)))
    top = max(marks, default=_PLAIN)
    if top < _SORTED:  # field lines and prose only
        return Content(list(lines), [], None)
    if top == _GLUED:
        lines = unglue_code(lines)
        marks = list(map(_stops, map(line_text, lines)))
    rest: list[Line] = []
    examples: list[JsonBlock] = []
    media: str | None = None
    state = _State()
    stops = list(compress(range(len(lines)), marks))
    i = 0
    while i < len(lines):
        plain = _next_stop(stops, i, len(lines)) if state.clean() else i
        if plain > i:  # most lines: a field's or prose, after no HTTP line nor sample
            rest.extend(lines[i:plain])
            state.data = MISSING
            i = plain
            continue
        sort = _line_sort(lines[i].text)
        if sort is _KEPT:
            rest.append(lines[i])
            state.after(lines[i].text)
            i += 1
            continue
        has_curl, starts_json, text, is_media, dropped = sort
        curl, after = curl_at(lines, i) if has_curl else (None, i)
        if curl is not None:
            if rest and is_sample_header(rest[-1].text):
                rest.pop()
            state.curl(curl.data)
            i = after
            continue
        block = json_block_at(lines, i, sketches=True) if starts_json else None
        if block is not None:
            state.mark(block, rest)
            examples.append(block)
            if rest and _EXAMPLE_LABEL.match(rest[-1].text.strip()):
                rest.pop()
            i = block.index_end
            continue
        if media is None and is_media:
            media = text
        elif not dropped:
            rest.append(lines[i])
        state.after(text)
        i += 1
    return Content(rest, examples, media)


def _next_stop(stops: list[int], i: int, end: int) -> int:
    """The first index in `stops` from `i` on (`end` if none)."""
    k = bisect_left(stops, i)
    return stops[k] if k < len(stops) else end


@lru_cache(maxsize=8192)
def _stops(text: str) -> bool:
    """Does a line of this text stop a run of plain lines: not kept as it is (`_KEPT`), or
    an HTTP line (`_State.after` notes it)?"""
    return _line_sort(text) is not _KEPT or "HTTP/" in text


class _State:
    """What the lines just before a JSON example were."""

    def __init__(self) -> None:
        self.follows: str | None = None
        self.status: str | None = None
        self.data: Any = MISSING

    def clean(self) -> bool:
        """Nothing before that a plain line would keep: `after` only forgets a curl's data."""
        return self.follows is None and self.status is None

    def after(self, text: str) -> None:
        """A line that is no sample: an HTTP line or header keeps or starts a message; a
        blank line keeps the answer a request sample's body announces."""
        if self.follows is None and self.status is None and "HTTP/" not in text:
            self.data = MISSING  # the usual line: nothing before, no HTTP line now
            return
        if self.follows == "answer" and not text:
            return
        status = http_status(text) if "HTTP/" in text else None
        if status is not None or ("HTTP/" in text and is_http_request(text)):
            self.follows, self.status = ("request", None) if status is None else (None, status)
        elif not ((self.follows == "request" or self.status) and is_header_line(text)):
            self.follows, self.status = None, None
        self.data = MISSING

    def curl(self, data: Any) -> None:
        self.follows, self.status, self.data = "curl", None, MISSING if data is None else data

    def mark(self, block: JsonBlock, rest: list[Line]) -> None:
        block.status = self.status
        if self.follows == "curl" and block.value == self.data:
            block.follows = "request"  # the command's body shown again
        else:
            block.follows = self.follows
        label = next((ln.text.strip() for ln in reversed(rest[-2:]) if ln.text.strip()), "")
        if label and _LANGUAGE.match(label) and len(rest) > 1:
            label = rest[-2].text.strip()
        status = _STATUS_LABEL.match(label) if block.status is None else None
        if _REQUEST_LABEL.match(label):
            block.follows = "request"
        elif status is not None:
            block.status = status.group(1)
        elif label and block.follows is None and block.status is None:
            block.follows = _response_label(label)
        sample = block.follows == "request" and self.follows in ("request", "curl")
        self.follows, self.status, self.data = "answer" if sample else None, None, MISSING


@lru_cache(maxsize=1024)
def _response_label(label: str) -> str | None:
    """`"response"` under a label naming the success response's example, `"error"` under an
    error's, else None."""
    if _RESPONSE_LABEL.match(label):
        return "response"
    return "error" if _ERROR_LABEL.match(label) else None


@lru_cache(maxsize=8192)
def _line_sort(text: str) -> tuple[bool, bool, str, bool, bool]:
    """What `split_content` asks of a line's text alone: may a curl command or a JSON block
    start on it (`json_block_at` needs `{`, `[` or `1`), its stripped text, is it a media
    type, is it left out (blank, or a tab label); `_KEPT` for the usual line, which is kept.
    Cached: a site's pages repeat their lines."""
    stripped = text.strip()
    sort = (
        "curl" in text,
        stripped[:1] in "{[1",  # a blank line too (`"" in ...`)
        stripped,
        "/" in stripped and bool(_MEDIA_LINE.match(stripped)),
        not stripped or (len(stripped) <= _NOISE_LONGEST and bool(_NOISE.match(stripped))),
    )
    return _KEPT if sort[:2] == (False, False) and sort[3:] == (False, False) else sort


_PLAIN, _HTTP, _SORTED, _GLUED = range(4)


@lru_cache(maxsize=8192)
def _mark(text: str) -> int:
    """What a line of this text is to `split_content`, in one cached test: glued samples,
    a line to sort (`_line_sort` is not `_KEPT`), an HTTP line kept as it is, or a plain
    line. The last two need no sorting; all but plain lines stop a run (`_stops`)."""
    if ("{" in text or "[" in text or "curl" in text) and is_glued(text):  # what it needs
        return _GLUED
    if _line_sort.__wrapped__(text) is not _KEPT:  # not cached twice: most lines end here
        return _SORTED
    return _HTTP if "HTTP/" in text else _PLAIN


_KEPT = (False, False, "", False, False)
"""`_line_sort` of a line kept as it is (no sample starts on it, no media type, not noise)."""


def example_value(value: Any) -> Any:
    """What a block shows as an example: its value, or MISSING for a sketch."""
    return MISSING if isinstance(value, Sketch) else value


def schema_of(value: Any) -> Schema:
    """The schema an example shows: a sketch's stated one, a form list's fields, else the
    inferred one."""
    if isinstance(value, Sketch):
        copied: Schema = _copy(value.schema)
        return copied
    form = form_fields(value)
    return form if form is not None else infer_schema(value)


_FORM_KEYS = {"name", "key", "value", "type", "datatype", "description", "disabled", "src"}
_FORM_TYPES = {"string", "integer", "number", "boolean", "object", "array"}


def form_fields(value: Any) -> Schema | None:
    """A Postman body shown as its list of form fields (`[{"name": "grant_type", "value":
    ..., "datatype": "string"}, ...]`): an object of those fields, typed where a datatype
    names a JSON type; None for any other value."""
    if not isinstance(value, list) or not value:
        return None
    properties: dict[str, Schema] = {}
    for item in value:
        if not isinstance(item, dict) or not set(item) <= _FORM_KEYS or "value" not in item:
            return None
        name = item.get("name", item.get("key"))
        kind = item.get("datatype", item.get("type"))
        if not isinstance(name, str) or not name or not isinstance(kind, str | None):
            return None
        properties[name] = {"type": kind} if kind in _FORM_TYPES else {}
    return {"type": "object", "properties": properties}


_PLACEHOLDER_KEYS = {"参数", "参数名", "key", "param", "parameter", "field"}
_PLACEHOLDER_VALUES = {"值", "参数值", "value"}


def is_placeholder(value: Any) -> bool:
    """A template's stand-in for a body it does not show (`{"参数": "值"}`, `{"key":
    "value"}`): one key naming a parameter, its value naming a value."""
    if not isinstance(value, dict) or len(value) != 1:
        return False
    ((key, shown),) = value.items()
    return key.lower() in _PLACEHOLDER_KEYS and str(shown).lower() in _PLACEHOLDER_VALUES


def is_form_list(value: Any) -> bool:
    return form_fields(value) is not None


def _copy(schema: Any) -> Any:
    if isinstance(schema, dict):
        return {k: _copy(v) for k, v in schema.items()}
    if isinstance(schema, list):
        return [_copy(v) for v in schema]
    return schema


def same_shape(a: Any, b: Any) -> bool:
    """Whether two examples show the same keys at the top (one printed twice, or two
    alike answers)."""
    if isinstance(a, dict) and isinstance(b, dict):
        return set(a) == set(b)
    return type(a) is type(b)


__all__ = [
    "INFERRED",
    "Content",
    "example_value",
    "form_fields",
    "is_form_list",
    "is_placeholder",
    "same_shape",
    "schema_of",
    "split_content",
]
