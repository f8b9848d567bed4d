"""Where an operation starts: its method and URL or path, in the shapes pages use.

GET                      GET /assistants        GET
https://api.x.com/v1/a   (Bump, generic)        /
(Apifox)                                        assistants     (Mintlify: path split)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, count

from generator import lazyre
from generator.model import Line, line_text

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE")
_METHOD = lazyre.compile(r"^(GET|POST|PUT|PATCH|DELETE|DEL|HEAD|OPTIONS|TRACE)$", re.I)
_HOST_VAR = r"\{\{?[^{}\s/]+\}\}?(?=/)"
"""A host written as a placeholder (`{{baseUrl}}/x`, `{域名}/x`): the path follows it."""
_INLINE = lazyre.compile(
    r"^(GET|POST|PUT|PATCH|DELETE|DEL|HEAD|OPTIONS|TRACE)\s*"
    rf"(https?://\S+|(?:{_HOST_VAR})?/(?:[^\s{{]|\{{[^{{}}]*\}})*)"
    r"(?:\s+HTTP/\d(?:\.\d)?)?\s*¶?$",  # `GET /x HTTP/1.1` (an HTTP sample), `¶` (Sphinx)
    re.I,
)
_TARGET = lazyre.compile(rf"^((?:https?://|(?:{_HOST_VAR})?/)(?:[^\s{{]|\{{[^{{}}\s]*\s*\}})*)$")
"""A line that is a URL or a path and nothing else (`{run_id }` too)."""
_GLUED_TARGET = lazyre.compile(
    r"^((?:https?://[^\s/]+)?/?[A-Za-z0-9_\-.~%:${}]+(?:/[A-Za-z0-9_\-.~%:${}]*)*)(.*)$"
)
"""A path with text glued after it: `/box/open请求参数`, `/v1/runsCreate a run.`"""
_MEDIA_TYPE = lazyre.compile(r"^(?:application|text|multipart|image|audio|video|font|model)/", re.I)
_RELATIVE = lazyre.compile(r"^[A-Za-z][\w.-]*(?:/[\w{}.-]+)+/?$")
_CAPITAL_WORD = lazyre.compile(r"(?<=[a-z0-9_}])[A-Z][a-z]+$")
_DECORATED = lazyre.compile(
    r"^(?:<[^<>]*>\s*)*(?:[^\x00-\x7f\s]{1,8}\s*)?(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)"
    r"\s*(?:<[^<>]*>\s*)*$"
)
"""A method in markup or behind a status word: `<mark ...>POST</mark>`, `开发中POST`."""
_BRACKETED = lazyre.compile(
    r"^[\[(](GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|TRACE)[\])]\s*(.*)$", re.I
)
"""A method in brackets before its path: `[POST]/v1/x`, `(GET) /v1/x` (Markdown exports)."""
_SEGMENT = lazyre.compile(r"^[\w{}\-.:~%$ ]+\}?$")
METHOD_INITIALS = frozenset("GPDHOTgpdhot")
"""What a method line can start with (no other character matches these, case ignored)."""


@dataclass(frozen=True)
class OpHeader:
    method: str
    target: str
    """A full URL or a path, as the page writes it."""
    index: int
    """Index of the method line in the line list."""
    end: int
    """Index of the first line after the header."""


def normalize_method(word: str) -> str:
    word = word.upper()
    return "DELETE" if word == "DEL" else word


def header_at(lines: Sequence[Line], i: int) -> OpHeader | None:
    named = _method_line(lines[i].text)
    if named is None:
        return None
    method, target = named
    if target is not None:
        return OpHeader(method, target, i, i + 1)
    if i + 1 >= len(lines):
        return None
    first = lines[i + 1].text.strip()
    glued = glued_target(first)
    if glued:
        return OpHeader(method, glued, i, i + 2)
    if _TARGET.match(first) and first != "/":
        return _server_then_path(lines, method, clean_target(first), i)
    if _RELATIVE.match(first) and not _MEDIA_TYPE.match(first):  # `api/v1/x`: no leading slash
        return OpHeader(method, "/" + first, i, i + 2)
    return _split_path(lines, i) if first == "/" else None


_HOST = lazyre.compile(_HOST_VAR)


def clean_target(target: str) -> str:
    """A target without a placeholder host (`{{baseUrl}}/x` -> `/x`) or a trailing `¶`."""
    target = target.rstrip("¶")
    host = _HOST.match(target)
    return target[host.end() :] if host else target


def _server_then_path(lines: Sequence[Line], method: str, first: str, i: int) -> OpHeader:
    """The target on the line after the method; a server URL with the path on the next line
    (`GET` / `https://api.x.com` / `/v1/logs`) is one target."""
    nxt = lines[i + 2].text.strip() if i + 2 < len(lines) else ""
    if re.fullmatch(r"https?://[^\s/]+/?", first) and nxt.startswith("/") and _TARGET.match(nxt):
        return OpHeader(method, first.rstrip("/") + nxt, i, i + 3)
    return OpHeader(method, first, i, i + 2)


@lru_cache(maxsize=8192)
def glued_target(text: str) -> str | None:
    """The path at the start of a line whose text goes on glued to it: a label or a
    sentence (`/box/open请求参数`, `box/find修改时间`, `/v1/x{id}Authorization`,
    `/v1/intentsAfter the intent is made ...`). None when the line is no such thing."""
    match = _GLUED_TARGET.match(text)
    if match is None or "/" not in match.group(1):
        return None
    path, rest = match.group(1), match.group(2)
    if rest and not rest[0].isascii():
        return _with_slash(path)
    if rest and not re.match(r" [a-z]", rest):
        return None  # `/users/getUser Returns a user.`: a path, then a sentence of its own
    last = path.rsplit("/", 1)[-1]
    cut = _CAPITAL_WORD.search(last)
    if cut is None or cut.start() == 0 or (not rest and last[cut.start() - 1] != "}"):
        return None  # `/order/CreateOrder` alone on its line is a path: only `{id}Word` is cut
    return _with_slash(path[: len(path) - len(last) + cut.start()])


def _with_slash(path: str) -> str:
    return path if path.startswith(("/", "http://", "https://")) else "/" + path


def method_line(text: str) -> tuple[str, str | None] | None:
    """The method a line names, and its target when on the line too (None: no method)."""
    return _method_line(text)


@lru_cache(maxsize=8192)
def _method_line(text: str) -> tuple[str, str | None] | None:
    """The method a line names, and the target when it is on the line too (None: no
    method). Cached: every line of a page is asked, and a site's pages repeat their lines."""
    text = text.strip()
    if text[:1] in ("[", "("):
        bracketed = _BRACKETED.match(text)
        text = f"{bracketed.group(1)} {bracketed.group(2)}".strip() if bracketed else text
    if text[:1] not in METHOD_INITIALS:
        decorated = _DECORATED.match(text) if text[:1] == "<" or not text[:1].isascii() else None
        return (decorated.group(1), None) if decorated else None
    inline = _INLINE.match(text)
    if inline:
        return normalize_method(inline.group(1)), clean_target(inline.group(2))
    if not _METHOD.match(text):
        return None
    return normalize_method(text), None


def _split_path(lines: Sequence[Line], i: int) -> OpHeader | None:
    """Mintlify writes the path one segment a line: `/`, `assistants`, `/`, `{assistant_id}`."""
    parts: list[str] = []
    j = i + 1
    while j < len(lines):
        text = lines[j].text.strip()
        expect_slash = bool(parts) and parts[-1] != "/"
        if expect_slash and text == "/":
            parts.append("/")
        elif not expect_slash and ((text == "/" and not parts) or _SEGMENT.match(text)):
            parts.append(text)
        else:
            break
        j += 1
    path = "".join(parts)
    if not path.startswith("/"):
        return None
    return OpHeader(normalize_method(lines[i].text.strip()), path, i, j)


def find_headers(lines: Sequence[Line]) -> list[OpHeader]:
    """Every operation header; a repeated `METHOD /path` right before `curl` is a sample's."""
    found: list[OpHeader] = []
    after = 0
    for i in compress(count(), map(_method_line, map(line_text, lines))):
        if i < after:  # `_method_line` is header_at's first test
            continue
        header = header_at(lines, i)
        if header is not None:
            found.append(header)
            after = header.end
    found = _without_http_samples(lines, found)
    return [h for h in found if not _is_sample_header(lines, h, found)]


_HTTP_SAMPLE = lazyre.compile(r"\sHTTP/\d(?:\.\d)?\s*$")


def _without_http_samples(lines: Sequence[Line], found: list[OpHeader]) -> list[OpHeader]:
    """A raw HTTP request (`POST https://api.x.com/v1/x HTTP/1.1`) is a code sample: when
    the page names the same operation again later as a plain `METHOD /path` line (Slate and
    Widdershins pages put their samples first), that line is the operation's header."""
    if len(found) < 2 or not any(_HTTP_SAMPLE.search(lines[h.index].text) for h in found):
        return found
    return [
        h
        for k, h in enumerate(found)
        if not (
            _HTTP_SAMPLE.search(lines[h.index].text)
            and any(_same_route(h, later) for later in found[k + 1 :])
        )
    ]


def _same_route(sample: OpHeader, later: OpHeader) -> bool:
    if sample.method != later.method or _HTTP_SAMPLE.search(later.target):
        return False
    route = sample.target.split("?", 1)[0]
    return route == later.target or (
        route.startswith(("http://", "https://"))
        and later.target.startswith("/")
        and route.endswith(later.target)
    )


def _is_sample_header(lines: Sequence[Line], header: OpHeader, found: list[OpHeader]) -> bool:
    """The same operation named again: right before a curl sample, or later with the path
    alone (GitBook repeats `post` / `/threads/{thread_id}/runs` above its code panel)."""
    following = lines[header.end].text.strip() if header.end < len(lines) else ""
    if following.startswith("curl") and any(
        other is not header and (other.method, other.target) == (header.method, header.target)
        for other in found
    ):
        return True
    return any(
        other.index < header.index
        and other.method == header.method
        and (
            (
                other.target.startswith(("http://", "https://"))
                and header.target.startswith("/")
                and other.target.endswith(header.target)
            )
            or _fills(other.target, header.target)
        )
        for other in found
    )


_PLACEHOLDER_SEGMENT = lazyre.compile(r"^(?:\{[^{}]*\}|:\w+|<[^<>]+>)$")


def _fills(template: str, target: str) -> bool:
    """Whether `target` is `template` with values in its placeholders (`/v2/x/:guid`, then
    `/v2/x/6ca1…` as a sample request), not another route."""
    ours = template.split("?", 1)[0].split("/")
    theirs = target.split("?", 1)[0].split("/")
    if len(ours) != len(theirs) or ours == theirs:
        return False
    pairs = zip(ours, theirs, strict=True)
    return all(a == b or (bool(_PLACEHOLDER_SEGMENT.match(a)) and bool(b)) for a, b in pairs)


def is_sample_header(text: str) -> bool:
    """A `METHOD /path` line (as written above a code sample)."""
    return bool(_INLINE.match(text.strip()))


def title_before(
    lines: Sequence[Line], index: int, *, floor: int = 0
) -> tuple[str | None, str | None]:
    """The title (and a one-line description) written just above a method line."""
    candidates: list[str] = []
    j = index - 1
    while j >= floor and len(candidates) < 2:
        text = lines[j].text.strip()
        if not text or text.startswith(("- ", "• ", "* ")) or text.lower() in ("copy", "ask ai"):
            break
        candidates.append(text)
        j -= 1
    if not candidates:
        return None, None
    if len(candidates) == 2 and candidates[0].endswith("."):
        return candidates[1], candidates[0]
    if candidates[0].endswith(".") and len(candidates[0].split()) > 2:
        return None, candidates[0]
    return candidates[0], None


_TITLE_LABEL = lazyre.compile(r"^(summary|description)\s*[:：]$", re.I)


def labelled_title(lines: Sequence[Line], start: int, end: int) -> tuple[str | None, str | None]:
    """The summary and description a page writes under labels right after its method line
    (`Summary:` then its text, `Description:` then its text, as Swagger's Markdown exports
    lay them out): (None, None) where the lines there start with no such label."""
    found: dict[str, str] = {}
    j = start
    while j + 1 < end and len(found) < 2:
        label = _TITLE_LABEL.match(lines[j].text.strip())
        following = lines[j + 1].text.strip()
        if label is None or _TITLE_LABEL.match(following) or following.endswith((":", "：")):
            break
        found.setdefault(label.group(1).lower(), following)
        j += 2
    return found.get("summary"), found.get("description")
