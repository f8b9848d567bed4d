"""Code samples glued to each other in text renders, cut apart again.

A render that drops the breaks between code blocks joins them on one line: an example
printed twice (`}{`), a curl sample and the answer after it (`-d '{}'{`, `$KEY"{`), a JSON
value and the next curl (`}curl`), an HTTP response line and its body (`HTTP/1.1 200 OK
Content-Type: application/json { "id": ...`). `unglue_code` splits such lines (each part
keeps its line number) so that each sample starts a line of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise

from generator import lazyre
from generator.model import Line

_GLUE = lazyre.compile(
    r"""\}'?(?=[{\[])|\]'?(?=\{)"""  # `}{`, `}'{` (a quoted curl body ends), `]{`
    r"""|"(?=\{)"""  # `"{`: a string closes (a header of a curl sample) and a value starts
    r"|[}\]](?=curl\s)"
)
_JSON_START = lazyre.compile(r"""[{\[](?:\s|"|\{|$)""")
_HTTP_RESPONSE = lazyre.compile(r"^\s*HTTP/\d(?:\.\d)?\s+(?P<code>[1-5]\d\d)\b[^{\[]*(?=[{\[])")


def unglue_code(lines: Sequence[Line]) -> list[Line]:
    """`lines` with glued samples on lines of their own."""
    out: list[Line] = []
    for line in lines:
        parts = split_glued(line.text)
        if len(parts) == 1:
            out.append(line)
        else:
            out.extend(Line(line.number, part) for part in parts)
    return out


def is_glued(text: str) -> bool:
    """Are samples glued on a line of this text (`split_glued` cuts it)? Not cached, nor
    does it fill `split_glued`'s cache: its caller caches the answer, and only the lines of
    the rare glued section are cut again."""
    glue = "}{" in text or "}[" in text or "}'" in text or "]{" in text or "]'" in text
    if not (glue or '"{' in text or "curl" in text or "HTTP/" in text):
        return False  # where `_GLUE` cuts, or an HTTP response line: JSON lines seldom
    return len(split_glued.__wrapped__(text)) > 1


@lru_cache(maxsize=8192)
def split_glued(text: str) -> tuple[str, ...]:
    """A line's text cut where one sample ends and the next starts (usually: as it is)."""
    if "{" not in text and "[" not in text and "curl" not in text:
        return (text,)
    cuts: list[int] = []
    http = _HTTP_RESPONSE.match(text)
    if http is not None and _JSON_START.match(text, http.end()):
        cuts.append(http.end())
    for match in _GLUE.finditer(text):
        at = match.end()
        if at in cuts or not _starts_sample(text, at):
            continue
        if _quotes_before(text, match.start()) % 2 == (text[match.start()] != '"'):
            continue  # the bracket is inside a string
        cuts.append(at)
    if not cuts:
        return (text,)
    bounds = [0, *sorted(cuts), len(text)]
    parts = tuple(text[a:b] for a, b in pairwise(bounds) if text[a:b].strip())
    return parts or (text,)


def _starts_sample(text: str, at: int) -> bool:
    return text.startswith("curl", at) or _JSON_START.match(text, at) is not None


def _quotes_before(text: str, at: int) -> int:
    """How many unescaped `"` come before `at`: odd means `at` is inside a string (the `"`
    at `at` itself, after an even count, opens one)."""
    count = 0
    escaped = False
    for ch in text[:at]:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == '"':
            count += 1
    return count


def http_status(text: str) -> str | None:
    """The status of an HTTP response line (`HTTP/1.1 404 Not Found ...`), else None."""
    match = _HTTP_STATUS_LINE.match(text)
    return match.group(1) if match else None


_HTTP_STATUS_LINE = lazyre.compile(r"^\s*HTTP/\d(?:\.\d)?\s+([1-5]\d\d)\b")
_HTTP_REQUEST_LINE = lazyre.compile(
    r"^\s*(?:POST|PUT|PATCH|DELETE|GET|HEAD|OPTIONS)\s+\S+\s+HTTP/\d(?:\.\d)?\s*$"
)
_HEADER_LINE = lazyre.compile(r"^\s*[A-Za-z][\w-]*:(?:\s.*)?$")


def is_http_request(text: str) -> bool:
    """`POST /v1/things HTTP/1.1`: a raw HTTP request line (its body follows its headers)."""
    return _HTTP_REQUEST_LINE.match(text) is not None


def is_header_line(text: str) -> bool:
    """`Content-Type: application/json`, `Host:`: a header of a raw HTTP message."""
    return _HEADER_LINE.match(text) is not None
