"""Code samples on pages: JSON examples (balanced-brace blocks) and curl commands."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from generator import lazyre
from generator.model import Line, line_text
from generator.scrape.jsonish import balanced_end, parse_jsonish
from generator.scrape.shell_words import split_words
from generator.scrape.sketch import Sketch, placeholder_schema, sketch_schema

_CURL_START = lazyre.compile(r"(?:^|[\s}\]>$\d])(curl)\s")
_NUMBERED = lazyre.compile(r"^\s*(\d{1,4}) ?(.*)$")
_NUMBERED_START = lazyre.compile(r"^1 ?[\[{]")
_JSON_STRING = lazyre.compile(r'"(?:[^"\\]|\\.)*"?', re.DOTALL)
"""A JSON string on one line, or the rest of the line when it is left open."""
_METHOD_FLAG = ("-X", "--request")
_HEADER_FLAG = ("-H", "--header")
_DATA_FLAG = ("-d", "--data", "--data-raw", "--data-binary", "--data-urlencode", "--json")
_FORM_FLAG = ("-F", "--form")


_CUT_LIMIT = 400_000
"""Characters up to which a block still open at the end of its lines is read as cut off."""


@dataclass
class JsonBlock:
    value: Any
    """The example's value; a `Sketch` for pseudo-JSON read as a schema."""
    start: int
    end: int
    """Inclusive 1-based line numbers; `index_end` is the position after the block in `lines`."""
    index_end: int = 0
    status: str | None = None
    """The status of the HTTP response line shown before it (`HTTP/1.1 201 Created`)."""
    follows: str | None = None
    """What it follows: `"curl"` (a curl sample), `"request"` (an HTTP request line or a
    request-example label: it is the request's body), `"answer"` (a request sample's body:
    it is what the call returns), `"response"` or `"error"` (a label naming the success
    response's example, or an error's)."""


@dataclass
class Curl:
    method: str
    url: str
    headers: dict[str, str] = field(default_factory=dict)
    data: Any = None
    raw_data: str | None = None
    form: dict[str, str] = field(default_factory=dict)
    fields: dict[str, str] = field(default_factory=dict)
    """`-d key=value` pairs (`a=1&b=2` or one flag each): a form-encoded body's fields."""
    line: int = 0


def json_block_at(lines: Sequence[Line], index: int, *, sketches: bool = False) -> JsonBlock | None:
    """The JSON value starting at `lines[index]` (which must start with `{` or `[`).

    A code block rendered with line numbers (`1{`, `2  "id": ...`) is read without them; one
    still open at the end of `lines` is read as cut off there. With `sketches`, pseudo-JSON
    whose values are type names gives a block whose value is a `Sketch`.
    """
    first = lines[index].text.lstrip()
    if not first or first[0] not in "{[1":
        return None
    if _NUMBERED_START.match(first):
        numbered = _unnumbered(lines, index)
        block = json_block_at(numbered, 0, sketches=sketches) if numbered else None
        if block is not None:
            block.index_end = index + block.index_end
        return block
    if not first.startswith(("{", "[")):
        return None
    end = _closing_line(lines, index)
    if end is None:
        return _finish(lines, index, len(lines) - 1, cut=True, sketches=sketches)
    return _finish(lines, index, end, sketches=sketches)


def _closing_line(lines: Sequence[Line], index: int) -> int | None:
    """Index of the line where the bracket opened on `lines[index]` closes (strings skipped;
    a string left open ends with its line)."""
    depth = 0
    for j in range(index, min(len(lines), index + 20000)):
        depth += _depth_change(lines[j].text)
        if depth <= 0:
            return j
    return None


@lru_cache(maxsize=8192)
def _depth_change(text: str) -> int:
    """Brackets opened less brackets closed on a line of this text, strings skipped (cached:
    a page shows its examples more than once, and a site's examples share lines)."""
    if '"' in text:
        text = _JSON_STRING.sub("", text)
    return text.count("{") + text.count("[") - text.count("}") - text.count("]")


def _unnumbered(lines: Sequence[Line], index: int) -> list[Line]:
    """Lines from `index` on with their leading 1, 2, 3 ... removed, while the count holds."""
    out: list[Line] = []
    expected = 1
    for line in lines[index:]:
        match = _NUMBERED.match(line.text)
        if match is None or int(match.group(1)) != expected:
            break
        out.append(Line(line.number, match.group(2)))
        expected += 1
    return out


def _finish(
    lines: Sequence[Line], index: int, j: int, *, cut: bool = False, sketches: bool = False
) -> JsonBlock | None:
    text = "\n".join(map(line_text, lines[index : j + 1]))
    if cut and len(text) > _CUT_LIMIT:
        return None
    if not cut and lines[j].text.strip() not in _CLOSERS:  # else it ends at its bracket
        text = _cut_after_close(text)
    value: Any
    try:
        value = parse_jsonish(text, cut=cut)
    except ValueError:
        schema = sketch_schema(text, cut=cut) if sketches else None
        if schema is None:
            return None
        value = Sketch(schema)
    else:
        shown = placeholder_schema(value) if sketches else None
        value = value if shown is None else Sketch(shown)
    return JsonBlock(value, lines[index].number, lines[j].number, j + 1)


_CLOSERS = ("}", "]")
"""A line that is one closing bracket ends the value it closes (`_closing_line`): nothing
glued after it."""


def _cut_after_close(text: str) -> str:
    """Drop text glued after the closing brace (e.g. `}curl ...`)."""
    end = balanced_end(text)
    if end is not None:
        return text[:end]
    stripped = text.rstrip()
    last = max(stripped.rfind("}"), stripped.rfind("]"))
    return stripped[: last + 1] if last >= 0 else stripped


def find_json_blocks(
    lines: Sequence[Line], start: int = 0, end: int | None = None
) -> list[JsonBlock]:
    blocks: list[JsonBlock] = []
    i, stop = start, len(lines) if end is None else end
    while i < stop:
        block = json_block_at(lines, i)
        if block is not None and isinstance(block.value, dict | list):
            blocks.append(block)
            i = block.index_end
        else:
            i += 1
    return blocks


def find_curls(lines: Sequence[Line], start: int = 0, end: int | None = None) -> list[Curl]:
    """Every curl command in `lines[start:end]`, continuation lines and quoted data joined."""
    found: list[Curl] = []
    i, stop = start, len(lines) if end is None else end
    while i < stop:
        if "curl" not in lines[i].text:
            i += 1
            continue
        curl, after = curl_at(lines, i, stop)
        if curl is not None:
            found.append(curl)
        i = max(after, i + 1)
    return found


def first_curl(
    lines: Sequence[Line], start: int = 0, end: int | None = None, *, data: bool = True
) -> Curl | None:
    """`find_curls(lines, start, end)[0]` without reading the others (None if there is none);
    with `data=False`, its `--data` JSON is not parsed (`data` stays None)."""
    i, stop = start, len(lines) if end is None else end
    while i < stop:
        if "curl" not in lines[i].text:
            i += 1
            continue
        curl, after = curl_at(lines, i, stop, data=data)
        if curl is not None:
            return curl
        i = max(after, i + 1)
    return None


def curl_end(lines: Sequence[Line], i: int, stop: int | None = None) -> int | None:
    """The index after the curl command starting on `lines[i]`; None if none starts there."""
    curl, after = curl_at(lines, i, stop, data=False)
    return None if curl is None else after


def curl_at(
    lines: Sequence[Line], i: int, stop: int | None = None, *, data: bool = True
) -> tuple[Curl | None, int]:
    """The curl command starting on `lines[i]` and the index after it (`(None, i)` if none);
    with `data=False`, its `--data` JSON is not parsed (`data` stays None)."""
    if "curl" not in lines[i].text:
        return None, i
    match = _CURL_START.search(" " + lines[i].text)
    if match is None:
        return None, i
    text, after = _gather(lines, i, len(lines) if stop is None else stop, match.start(1) - 1)
    curl = parse_curl(text, data=data)
    if curl is not None:
        curl.line = lines[i].number
    return curl, after


def _gather(lines: Sequence[Line], i: int, stop: int, offset: int) -> tuple[str, int]:
    """The curl command's lines: while a line ends in `\\` or a quote is still open."""
    parts = [lines[i].text[max(offset, 0) :]]
    quote = _open_quote(parts[0], None)
    i += 1
    while i < stop and (quote is not None or _continues(parts[-1])):
        parts.append(lines[i].text)
        quote = _open_quote(lines[i].text, quote)
        i += 1
    return "\n".join(parts), i


def _continues(line: str) -> bool:
    return line.rstrip().endswith("\\")


def _open_quote(line: str, quote: str | None) -> str | None:
    """The shell quote still open after `line`, given the one open before it (POSIX rules)."""
    if quote == "'" and "'" not in line:
        return quote
    if quote != "'" and "'" not in line and '"' not in line:
        return quote
    return _scan_quotes(line, quote)


@lru_cache(maxsize=4096)
def _scan_quotes(line: str, quote: str | None) -> str | None:
    """`_open_quote` character by character (what its shortcuts must agree with). Cached: a
    page's curl sample is gathered again by each reader that meets it."""
    escaped = False
    for ch in line:
        if escaped:
            escaped = False
        elif quote == "'":
            quote = None if ch == "'" else quote
        elif ch == "\\":
            escaped = True
        elif quote == '"':
            quote = None if ch == '"' else quote
        elif ch in "'\"":
            quote = ch
    return quote


def parse_curl(text: str, *, data: bool = True) -> Curl | None:
    """The curl command in `text` (None if it is not one or names no URL); with
    `data=False`, the `--data` JSON is not parsed (`data` stays None)."""
    tokens, cut = _words(text)
    if not tokens or tokens[0] != "curl":
        return None
    curl = Curl(method="", url="")
    json_raw = _read_tokens(curl, tokens[1:])
    if not curl.url:
        return None
    if not curl.method:
        curl.method = "POST" if curl.raw_data is not None or curl.form else "GET"
    if data and json_raw is not None:
        curl.data = _json_or_none(json_raw, cut=cut and json_raw == curl.raw_data)
    return curl


@lru_cache(maxsize=64)
def _words(text: str) -> tuple[tuple[str, ...], bool]:
    """The command's words, and whether the page cuts it inside a quote (its last word is
    then closed there); the same command is read again by each part of a page's scrape
    (the operation's sample, its section, the samples shown before its method line)."""
    text = text.replace("\\\n", " ").replace("\\\r\n", " ")
    try:
        return tuple(split_words(text)), False
    except ValueError:
        pass
    quote = _scan_quotes(text, None)
    if quote is not None:
        try:
            return tuple(split_words(text + quote)), True
        except ValueError:
            pass
    return tuple(text.split()), False


def _read_tokens(curl: Curl, tokens: Sequence[str]) -> str | None:
    """Fill `curl` from its flags; return the last data argument written as JSON (the one
    `data` is read from), if any."""
    json_raw: str | None = None
    it = iter(tokens)
    for token in it:
        if token in _METHOD_FLAG:
            curl.method = next(it, "GET").upper()
        elif token in _HEADER_FLAG:
            name, _, value = next(it, "").partition(":")
            if name.strip():
                curl.headers[name.strip()] = value.strip()
        elif token in _DATA_FLAG:
            curl.raw_data = next(it, "")
            if curl.raw_data.strip().startswith(("{", "[")):
                json_raw = curl.raw_data
            else:
                curl.fields.update(_pairs(curl.raw_data))
        elif token in _FORM_FLAG:
            key, _, value = next(it, "").partition("=")
            curl.form[key] = value
        elif token == "--url":
            curl.url = next(it, "")
        elif token.startswith(("http://", "https://", "{", "$")) and not curl.url:
            curl.url = token
        elif token in ("-u", "--user", "-o", "--output", "-A", "--user-agent"):
            next(it, None)
    return json_raw


_PAIR = lazyre.compile(r"^([A-Za-z_][\w.\[\]-]*)=(.*)$", re.DOTALL)


def _pairs(raw: str) -> dict[str, str]:
    """`a=1&b=2` as its pairs; nothing when a part is not `name=value`."""
    found = [_PAIR.match(part) for part in raw.split("&")]
    return {m.group(1): m.group(2) for m in found if m} if all(found) else {}


def _json_or_none(raw: str, *, cut: bool = False) -> Any:
    """The JSON of a data argument (`cut`: the page stops inside it); text glued after its
    closing bracket (an answer printed right after the command: `'{...}'{`) is left out."""
    try:
        return parse_jsonish(raw, cut=cut)
    except ValueError:
        pass
    end = balanced_end(raw.lstrip())
    if end is None or end >= len(raw.lstrip()):
        return None
    try:
        return parse_jsonish(raw.lstrip()[:end])
    except ValueError:
        return None
