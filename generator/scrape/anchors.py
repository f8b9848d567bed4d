"""Operation anchors of pages that write no method line (`GET /x`, or a method then its URL).

Two shapes many references share, English and Chinese alike:

    Path: /api/v1/addresses         请求URL              http://{host}/sendText
    Method: POST                    http://api.x.cn/o     POST
                                    请求方式
                                    POST

- labelled: a method label (`Method`, `HTTP method`, `请求方式` ...) and a URL label (`Path`,
  `URL`, `Endpoint`, `接口地址`, `请求地址`, `请求URL` ...), each with its value on its line or
  the next, within a few lines of each other;
- the URL line first, the method alone on one of the next two lines;
- a URL label whose value is the request line (`Endpoint: POST /v1/x`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from generator import lazyre
from generator.model import Line
from generator.scrape.header import METHODS, OpHeader, clean_target, glued_target, method_line

_NEAR = 12
"""How many lines apart the method and the URL of one labelled anchor may be."""
_METHOD_LABEL = lazyre.compile(
    r"^(?:(?:http|request)\s*method|method|verb|请求方式|请求方法|调用方式|请求类型|HTTP\s*方法)"
    r"\s*[:：]?\s*(?P<value>.*)$",
    re.I,
)
_URL_LABEL = lazyre.compile(
    r"^(?:path|url|uri|endpoint|(?:request|api)\s*(?:url|uri|path)|接口地址|请求地址|请求\s*url"
    r"|请求路径|接口路径|接口\s*url|调用地址|地址)\s*[:：]?\s*(?P<value>.*)$",
    re.I,
)
_METHOD_WORD = lazyre.compile(r"\b(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b")
_URL_VALUE = lazyre.compile(
    r"^[`'\"]?((?:https?://\S+?|\{\{?[^{}\s/]+\}\}?/\S*?|/\S*?))[`'\"]?\s*[¶]?$"
)
_BARE_METHOD = lazyre.compile(r"^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$")


def anchor_without_method_line(lines: Sequence[Line]) -> OpHeader | None:
    """The operation of a page that shows no method line, if it shows one another way."""
    return _labelled(lines) or _url_then_method(lines)


def _labelled(lines: Sequence[Line]) -> OpHeader | None:
    for index, end, value in _values(lines, _URL_LABEL, _request_line):
        method, _, target = value.partition(" ")  # `Endpoint: POST /v1/x`: both at once
        return OpHeader(method, target, index, end)
    methods = _values(lines, _METHOD_LABEL, _method_value)
    urls = _values(lines, _URL_LABEL, _url_value)
    for m_index, m_end, method in methods:
        for u_index, u_end, url in urls:
            if abs(m_index - u_index) <= _NEAR:
                return OpHeader(method, url, min(m_index, u_index), max(m_end, u_end))
    return None


def _values(
    lines: Sequence[Line], label: re.Pattern[str], read: Callable[[str], str | None]
) -> list[tuple[int, int, str]]:
    """(label index, index after the value, value) of each labelled value; the value is on
    the label's line or, when that is empty, on the next line."""
    found: list[tuple[int, int, str]] = []
    for i, line in enumerate(lines):
        text = line.text.strip().strip("#*").strip()
        match = label.match(text) if len(text) < 200 else None
        if match is None:
            continue
        value = match.group("value").strip()
        if value:
            parsed, end = read(value), i + 1
        elif i + 1 < len(lines):
            parsed, end = read(lines[i + 1].text.strip().lstrip("•*-· ").strip()), i + 2
        else:
            parsed = None
        if parsed:
            found.append((i, end, parsed))
    return found


def _method_value(text: str) -> str | None:
    """The method a value names; of `GET/POST`, the one that takes a body (POST)."""
    named = _METHOD_WORD.findall(text.upper()) if len(text) <= 20 else []
    if not named:
        return None
    return "POST" if len(named) > 1 and "POST" in named else named[0]


def _request_line(text: str) -> str | None:
    """`POST /v1/x` as a label's value: `METHOD target`, else None."""
    named = method_line(text) if len(text) < 300 else None
    return f"{named[0]} {named[1]}" if named is not None and named[1] else None


def _url_value(text: str) -> str | None:
    match = _URL_VALUE.match(text)
    if match is None:
        return glued_target(text) if "/" in text and len(text) < 200 else None
    return clean_target(match.group(1))


def _url_then_method(lines: Sequence[Line]) -> OpHeader | None:
    """A URL line with the method alone on one of the next two lines (`http://{host}/x`,
    then `POST`)."""
    for i, line in enumerate(lines):
        method = _BARE_METHOD.match(line.text.strip())
        if method is None or method.group(1) not in METHODS:
            continue
        for back in (1, 2):
            url = _url_value(lines[i - back].text.strip()) if i - back >= 0 else None
            if url:
                return OpHeader(method.group(1), url, i - back, i + 1)
    return None
