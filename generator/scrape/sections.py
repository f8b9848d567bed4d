"""Section headings shared by the families ("Query Params", "Query 参数", "QUERY PARAMS" ...).

`split_sections` cuts an operation's lines at headings; a one-word heading followed by a type
line is a field (Apifox's `Authorization` header param), not a heading.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress, count, repeat

from generator import lazyre
from generator.model import Line, line_text
from generator.scrape.blocks import is_type
from generator.scrape.records import schema_title, starts_schema


class Kind(enum.Enum):
    AUTH = "auth"
    PATH = "path"
    QUERY = "query"
    HEADER = "header"
    COOKIE = "cookie"
    BODY = "body"
    PARAMS = "params"
    URI = "uri"
    """Parameters of the URL (`URI Request Parameters`): in the path when the path names them,
    else in the query."""
    RESPONSES = "responses"
    REQUEST_SAMPLES = "request_samples"
    RESPONSE_EXAMPLES = "response_examples"
    RESPONSE_HEADERS = "response_headers"
    """The headers a response sends: not read (part of the response they appear in)."""
    SCHEMA = "schema"
    """A body with no heading, opened by a bare `object` line (`records.starts_schema`)."""
    END = "end"


_P = r"(?:params|parameters|参数|param)"
_JK = r"(?:パラメータ|パラメーター|매개변수|파라미터)"
"""Japanese and Korean words for parameters (`クエリ パラメータ`, `경로 매개변수`)."""
_HEADINGS: list[tuple[Kind, re.Pattern[str]]] = [
    (
        Kind.AUTH,
        lazyre.compile(
            r"^(?:authorizations?|authentication(?: methods?)?|auth|鉴权|认证|身份验证)$", re.I
        ),
    ),
    (Kind.PATH, lazyre.compile(rf"^(?:path\s*{_P}|路径参数|パス\s*{_JK}|경로\s*{_JK})$", re.I)),
    (
        Kind.QUERY,
        lazyre.compile(
            rf"^(?:query\s*{_P}|query string|查询参数|クエリ\s*{_JK}|쿼리\s*{_JK})$", re.I
        ),
    ),
    (
        Kind.HEADER,
        lazyre.compile(
            rf"^(?:header\s*{_P}|headers?|请求头(?:参数)?|ヘッダー?\s*{_JK}|헤더\s*{_JK})$", re.I
        ),
    ),
    (Kind.COOKIE, lazyre.compile(rf"^(?:cookie\s*{_P}|cookies)$", re.I)),
    (
        Kind.BODY,
        lazyre.compile(
            rf"^(?:body\s*{_P}?|request(?:\s*body(?:\s*schema)?|\s+fields)?|body\s+required"
            r"|请求体(?:参数)?|リクエスト\s*(?:の\s*)?(?:本文|ボディ)|요청\s*(?:본문|바디))"
            r"(?:\s*[:：]?\s*(?:required)?\s*(?P<media>[\w.+-]+/[\w.+-]+))?"
            r"(?:\s*\((?:(?P<pmedia>[\w.+-]+/[\w.+-]+)|[^()]*)\))?"
            r"(?:\s+required)?$",
            re.I,
        ),
    ),
    (Kind.URI, lazyre.compile(rf"^(?:uri\s*(?:request\s*)?{_P}|url\s*{_P})$", re.I)),
    (Kind.PARAMS, lazyre.compile(r"^(?:请求参数|(?:request\s*)?param(?:eter)?s)$", re.I)),
    (
        Kind.RESPONSES,
        lazyre.compile(
            r"^(?:responses?|response\s*(?:body|param(?:eter)?s)|returns|返回响应|响应|返回结果"
            r"|返回数据|(?:响应|返回)参数(?:说明)?|响应体|レスポンス\s*(?:の\s*)?(?:本文|ボディ)|응답\s*(?:본문|바디)"
            r"|response\s+(?P<rstatus>[1-5]\d\d|default)(?:\s+fields)?"
            r"(?:\s*\((?P<rmedia>[\w.+-]+/[\w.+-]+)\))?)$",
            re.I,
        ),
    ),
    (
        Kind.REQUEST_SAMPLES,
        lazyre.compile(
            r"^(?:request\s*samples?|request\s*examples?|examples?\s*requests?|code\s*samples?"
            r"|请求示例(?:代码)?|示例代码)"
            r"(?:\s*\(.*\))?$",
            re.I,
        ),
    ),
    (
        Kind.RESPONSE_EXAMPLES,
        lazyre.compile(
            r"^(?:response\s*examples?|examples?\s*responses?|响应示例|返回示例)"
            r"\s*(?:\((?P<status>\d{3})\))?$",
            re.I,
        ),
    ),
    (Kind.RESPONSE_HEADERS, lazyre.compile(r"^(?:response\s*headers?|响应头)$", re.I)),
    (
        Kind.END,
        lazyre.compile(
            r"^(?:modified at|修改于|last (?:updated|modified)|updated|was this page helpful)\b.*$",
            re.I,
        ),
    ),
]
_STATUS = lazyre.compile(
    r"^[^\w\s]*\s*(?:HTTP\s*|Status\s*(?:code)?\s*)?"
    r"(?P<code>[1-5]\d\d(?!\d)|default(?=\s|$)(?!\s+values?\b))"
    r"\s*[-:–]?\s*(?P<rest>[^{}\[\]]{0,60})$",
    re.I,
)
_MEDIA = lazyre.compile(r"\b([\w.+-]+/[\w.+-]+)\b")


@dataclass
class Section:
    kind: Kind
    heading: Line | None
    lines: list[Line] = field(default_factory=list)
    media_type: str | None = None
    status: str | None = None


@dataclass(frozen=True)
class Status:
    code: str
    description: str
    media_type: str | None


_LONGEST_HEADING = 80
_DECORATION = "#*: "
"""Markdown and label marks around a heading's words."""
_ANY_HEADING = lazyre.compile(
    "|".join(f"(?P<{kind.name}>{pattern.pattern})" for kind, pattern in _HEADINGS), re.I
)
"""All heading patterns in one: the alternatives are tried in order, the first that matches
names the kind (one `match` a line instead of one a pattern)."""
_TAB = lazyre.compile(r"^[-•]?\s*[1-5]\d\d$")
"""A status code alone on a line, as a tab list shows it (`- 200`, `- 400`, ...)."""
_TAB_STARTS = frozenset("-•12345")
"""The first characters of a `_TAB` line, which start no heading: such a line is tested
for a tab alone (and the heading pattern keeps its quick test of a line's first letter)."""


_TOGGLE = "Expand Collapse"
"""Stainless's toggle glued to a heading (`Path ParametersExpand Collapse`), which may also
carry a media label and be glued to the end of the text before it (`... WriteBody
ParametersJSONExpand Collapse`)."""
_GLUE = lazyre.compile(r"(?<=[a-z])(?=[A-Z])")


def _toggled_heading(text: str) -> str:
    """The heading a Stainless toggle line holds ("" when none)."""
    text = text.removesuffix(_TOGGLE).strip()
    text = text.removesuffix("JSON").strip()
    if _ANY_HEADING.fullmatch(text):
        return text
    for glue in _GLUE.finditer(text):
        if _ANY_HEADING.fullmatch(text[glue.start() :]):
            return text[glue.start() :]
    return ""


@dataclass(frozen=True)
class Heading:
    kind: Kind
    media_type: str | None = None
    status: str | None = None
    tab: bool = False
    """A status tab (`_TAB`): it opens the responses only as the first of a tab list."""


def heading_kind(lines: Sequence[Line], i: int) -> Heading | None:
    named = _named_heading(lines[i].text)
    return None if named is None or named[0].tab else _heading(lines, i, *named)


@lru_cache(maxsize=8192)
def named_heading(text: str) -> bool:
    """Whether a line of this text names a heading (`heading_kind` may then find one)."""
    named = _named_heading(text)
    return named is not None and not named[0].tab


@lru_cache(maxsize=8192)
def _named_heading(text: str) -> tuple[Heading, bool] | None:
    """The heading a line's text names, and whether it is one word; cached, since a site's
    pages repeat their headings and most of their field lines."""
    text = text.strip().strip(_DECORATION).strip()
    if text.endswith(_TOGGLE):
        text = _toggled_heading(text)
    if not text or len(text) > _LONGEST_HEADING:
        return None
    if text[0] in _TAB_STARTS:
        return (Heading(Kind.RESPONSES, tab=True), False) if _TAB.match(text) else None
    match = _ANY_HEADING.match(text)
    if match is None:
        return None
    kind = Kind[match.lastgroup or ""]
    if kind is Kind.BODY:
        media = match.group("media") or match.group("pmedia")  # `APPLICATION/JSON` (CSS)
        return Heading(kind, media_type=media and media.lower()), " " not in text
    if kind is Kind.RESPONSE_EXAMPLES:
        return Heading(kind, status=match.group("status")), " " not in text
    if kind is Kind.RESPONSES and match.group("rstatus"):  # `Response 200 fields (media)`
        media = match.group("rmedia")
        return Heading(kind, media_type=media, status=match.group("rstatus").lower()), False
    return Heading(kind), " " not in text


def _heading(lines: Sequence[Line], i: int, heading: Heading, one_word: bool) -> Heading | None:
    """The heading a matching line names (a one-word one followed by a type is a field)."""
    if one_word and i + 1 < len(lines) and is_type(lines[i + 1].text):
        return None
    return heading


_HEADED_BODIES = (Kind.BODY, Kind.RESPONSES)
"""Sections whose heading already says which body follows: a bare `object` line in them is
the body's root (`Request Body required` / `object` / fields), not a body without heading."""


def split_sections(lines: Sequence[Line]) -> list[Section]:
    """Sections in order; lines before the first heading form a `None`-kind preamble."""
    sections: list[Section] = [Section(Kind.PARAMS, None)]
    done = 0  # lines before `done` are placed; the others, up to the next stop, go on
    for i in compress(count(), map(_may_split, map(line_text, lines))):
        sections[-1].lines.extend(lines[done:i])
        done, line = i + 1, lines[i]
        named = _named_heading(line.text)
        if named is None:  # an `object` line
            if sections[-1].kind not in _HEADED_BODIES and starts_schema(lines, i):
                title = schema_title(lines, i)
                if title is not None and sections[-1].lines and sections[-1].lines[-1] is title:
                    sections[-1].lines.pop()
                sections.append(Section(Kind.SCHEMA, line, [title] if title is not None else []))
            else:
                sections[-1].lines.append(line)
            continue
        found = _heading(lines, i, *named)
        if found is not None and found.tab:
            if sections[-1].kind is Kind.RESPONSES or not _tab_list_at(lines, i):
                sections[-1].lines.append(line)
                continue
            sections.append(Section(Kind.RESPONSES, line, [line]))
            continue
        if found is None or _is_content(found.kind, sections[-1].kind, _is_label(found, line)):
            sections[-1].lines.append(line)
            continue
        sections.append(Section(found.kind, line, media_type=found.media_type, status=found.status))
    sections[-1].lines.extend(lines[done:])
    return sections


@lru_cache(maxsize=8192)
def _may_split(text: str) -> bool:
    """May a section start at a line of this text: it names a heading, or it is a bare
    `object` (a schema without heading). Most lines do not: `split_sections` skips them."""
    named = _named_heading.__wrapped__(text)  # not cached twice: most lines end here
    return named is not None or text.strip() == "object"


def _tab_list_at(lines: Sequence[Line], i: int) -> bool:
    """A list of status tabs starts at `i` (two in a row): the responses, with no heading
    (a theme that shows the codes as tabs above the panels)."""
    if i + 1 >= len(lines):
        return False
    named = _named_heading(lines[i + 1].text)
    return named is not None and named[0].tab


_RESPONSE_PARTS = {
    Kind.RESPONSE_HEADERS,
    Kind.PATH,
    Kind.QUERY,
    Kind.HEADER,
    Kind.COOKIE,
    Kind.BODY,
    Kind.PARAMS,
    Kind.AUTH,
}


def _is_label(found: Heading, line: Line) -> bool:
    """A heading written as a label of the text (`Responses:`), naming no status."""
    return found.status is None and line.text.rstrip().endswith(":")


def _is_content(kind: Kind, current: Kind, label: bool = False) -> bool:
    """Headings that belong to the section they appear in ("Body" under a response, a
    "Responses:" label in a response's own text)."""
    if kind is Kind.AUTH and current is Kind.AUTH:
        return True
    if kind is Kind.RESPONSES and current is Kind.RESPONSES and label:
        return True
    return current is Kind.RESPONSES and kind in _RESPONSE_PARTS


def restated_request(lines: Sequence[Line]) -> list[Line]:
    """A response's lines without the request it restates: a "Request body:" label in its
    text and the lines under it, up to the next label (`Responses:`)."""
    labels = list(map(str.endswith, map(str.rstrip, map(line_text, lines)), repeat(":")))
    if not any(labels):  # no label: nothing restated
        return list(lines)
    out: list[Line] = []
    skipping = False
    done = 0
    for i in compress(range(len(lines)), labels):
        text = lines[i].text.strip()
        named = _named_heading(text)
        if named is None:
            continue
        if not skipping:
            out.extend(lines[done:i])
        skipping, done = named[0].kind is Kind.BODY and "request" in text.lower(), i
    if not skipping:
        out.extend(lines[done:])
    return out


@lru_cache(maxsize=8192)
def status_line(text: str) -> Status | None:
    """`🟢200Success`, `200 - application/json`, `• 200 application/json`, `200 OK` ...
    (cached: every line of a Responses section is tested, and field lines recur)."""
    match = _STATUS.match(text.strip())
    if match is None:
        return None
    rest = match.group("rest").strip()
    media = _MEDIA.search(rest)
    description = _MEDIA.sub("", rest).strip(" -–:")
    return Status(match.group("code"), description, media.group(1) if media else None)
