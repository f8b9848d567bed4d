"""The driver the vertical-block families share: headers -> sections -> an Operation each."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from itertools import compress

from generator import lazyre
from generator.hints import OperationHint
from generator.model import Line, Operation, Page, PageResult, line_text
from generator.problems import Problems
from generator.scrape.anchors import anchor_without_method_line
from generator.scrape.assemble import (
    FieldParser,
    Reader,
    apply_curl,
    apply_sections,
    vertical_reader,
)
from generator.scrape.header import OpHeader, find_headers, labelled_title, title_before
from generator.scrape.literals import line_search, required_literals
from generator.scrape.samples import curl_end, first_curl, json_block_at
from generator.scrape.sections import (
    Kind,
    Section,
    heading_kind,
    named_heading,
    split_sections,
)

Hook = Callable[[Operation, list[Section]], None]
NO_OPERATION = "no method and path on the page; add one in pages.toml"


def nonblank(lines: Sequence[Line]) -> list[Line]:
    return list(compress(lines, map(str.strip, map(line_text, lines))))


_ANCHOR_LABEL = lazyre.compile(
    r"^(?:Section titled|Link to (?:this )?(?:heading|section))\s*[“\"][^”\"]*[”\"]\s*"
)
"""The text of a heading's anchor link glued before the next heading (Starlight and other
Astro themes: `Section titled “Responses ”Successful Response`)."""


def _page_lines(page: Page) -> list[Line]:
    """The page's non-blank lines, heading anchor labels taken off."""
    lines = nonblank(page.lines)
    if "Section titled" not in page.text and "Link to " not in page.text:
        return lines
    out = []
    for line in lines:
        text = _ANCHOR_LABEL.sub("", line.text)
        if text.strip():
            out.append(Line(line.number, text) if text != line.text else line)
    return out


def marker_hits(
    page: Page, markers: Sequence[str | re.Pattern[str]], *, enough: int | None = None
) -> int:
    """How many distinct markers (substrings, or patterns matched per line) a page shows;
    with `enough`, counting stops once that many are found (a score caps there), so the
    families list their substrings first: an `in` test costs far less than a line search."""
    text = page.text
    hits = 0
    for marker in markers:
        if isinstance(marker, str):
            hits += marker in text
        else:
            hits += _line_test(marker)(text)
        if enough is not None and hits >= enough:
            break
    return hits


@lru_cache(maxsize=256)
def _line_test(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    """Whether `pattern` matches within any one line of a joined page text; the strings of
    which a page must show one are looked for first."""
    found = line_search(pattern)
    literals = required_literals(pattern)
    if literals is None:
        return found
    if len(literals) == 1:
        literal = literals[0]
        return lambda text: literal in text and found(text)
    return lambda text: any(literal in text for literal in literals) and found(text)


def marker_score(page: Page, markers: Sequence[str | re.Pattern[str]], *, needed: int) -> float:
    """How many distinct markers a page shows, scaled so that `needed` hits give 1.0."""
    return min(1.0, marker_hits(page, markers, enough=needed) / needed)


def strong_weak_score(
    page: Page,
    strong: Sequence[str | re.Pattern[str]],
    weak: Sequence[str | re.Pattern[str]],
    *,
    needed: int = 3,
) -> float:
    """A platform's own marks decide; headings any platform uses only add half a mark each."""
    hits = marker_hits(page, strong, enough=needed)
    if not hits:
        return 0.0
    if hits >= needed:
        return 1.0
    return min(1.0, (hits + marker_hits(page, weak, enough=2 * (needed - hits)) / 2) / needed)


def scrape_vertical(
    page: Page,
    problems: Problems,
    *,
    family: str,
    counted: bool,
    hook: Hook | None = None,
    parser: FieldParser | None = None,
) -> PageResult:
    lines = _page_lines(page)
    result = PageResult(page=page, family=family)
    headers = _opened_earlier(lines, _without_alternatives(lines, find_headers(lines)))
    if not headers:
        anchor = anchor_without_method_line(lines)
        headers = [anchor] if anchor is not None else []
    if page.hint is not None and lines:
        headers = [hinted_header(page.hint, headers)]
    if not headers:
        problems.warn(page.path, lines[0].number if lines else 1, NO_OPERATION)
        return result
    reader = Reader(parser) if parser is not None else vertical_reader(counted=counted)
    for k, header in enumerate(headers):
        end = headers[k + 1].index if k + 1 < len(headers) else len(lines)
        floor = headers[k - 1].end if k else 0
        op = operation_at(page, lines, header, end, floor=floor, family=family)
        curl = first_curl(lines, header.end, end)
        before = samples_before(lines, header) if k == 0 and curl is None else []
        body = [*before, *lines[header.end : end]]
        sections = split_sections(body)
        apply_sections(op, sections, reader)
        if before:  # the sample may start in the lines taken from before the header
            curl = first_curl(body)
        if curl is not None:
            apply_curl(op, curl)
        if hook is not None:
            hook(op, sections)
        result.operations.append(op)
    return result


def samples_before(lines: Sequence[Line], header: OpHeader) -> list[Line]:
    """Code shown before the method line, for an operation whose own lines show no curl
    sample (the caller looks for one first): a page whose sample panel comes first in page
    order (saved Mintlify HTML). The curl sample and the JSON after it."""
    start, after = 0, None
    while start < header.index and after is None:
        after = curl_end(lines, start, header.index)
        start += after is None
    if after is None:
        return []
    stop = j = after
    while j < header.index:
        block = json_block_at(lines, j)
        stop = min(block.index_end, header.index) if block is not None else stop
        j = block.index_end if block is not None else j + 1
    return list(lines[start:stop])


def operation_at(
    page: Page, lines: Sequence[Line], header: OpHeader, end: int, *, floor: int, family: str
) -> Operation:
    title, description = title_before(lines, header.index, floor=floor)
    summary, stated = labelled_title(lines, header.end, end)
    if summary is not None or stated is not None:  # what the page labels wins over a guess
        title, description = summary, stated
    last = lines[max(end - 1, header.index)].number
    if page.hint is not None and header.end == header.index:  # the page shows no method line
        title, description = page_title(lines), None
    if page.hint is not None and page.hint.title:
        title = page.hint.title
    op = Operation(
        method=header.method,
        path=header.target,
        span=page.span(lines[header.index].number, last),
        summary=title,
        description=description,
        family=family,
    )
    if header.target.startswith(("http://", "https://")):
        op.url = header.target
    return op


def _without_alternatives(lines: Sequence[Line], headers: list[OpHeader]) -> list[OpHeader]:
    """Request lines of one method one after the other, with at most a label between them
    (`For a user:` `GET /users/{id}`, `For the signed-in user:` `GET /me`), are routes of
    one operation, whose sections follow them all: the first is the operation."""
    kept: list[OpHeader] = []
    for header in headers:
        between = lines[kept[-1].end : header.index] if kept else []
        if (
            kept
            and header.method == kept[-1].method
            and len(between) <= 1
            and all(line.text.strip().endswith((":", "：")) for line in between)
        ):
            continue
        kept.append(header)
    return kept


def _opened_earlier(lines: Sequence[Line], headers: list[OpHeader]) -> list[OpHeader]:
    """The first operation opened by its method alone, its fields next and its method and path
    only after them, in the code panel (GitBook: `POST` / Body ... / `POST /x HTTP/1.1`): it
    starts at that first method line."""
    if not headers:
        return headers
    first = headers[0]
    words = map(_upper_word, map(line_text, lines[: first.index - 1]))
    method_lines = list(compress(range(first.index - 1), map(first.method.__eq__, words)))
    if method_lines:  # the last method line alone before the one after which fields come
        i = method_lines[-1]
        if any(heading_kind(lines, j) is not None for j in range(i + 1, first.index)):
            return [OpHeader(first.method, first.target, i, i + 1), *headers[1:]]
    start = _fields_only_before(lines, headers)
    if start is not None:
        return [OpHeader(first.method, first.target, start, start)]
    return headers


@lru_cache(maxsize=8192)
def _upper_word(text: str) -> str:
    return text.strip().upper()


_FIELD_KINDS = {Kind.PATH, Kind.QUERY, Kind.HEADER, Kind.COOKIE, Kind.BODY, Kind.RESPONSES}


def _fields_only_before(lines: Sequence[Line], headers: list[OpHeader]) -> int | None:
    """Where the fields start of a page's one operation whose method line comes only after
    them, above its code samples (a copy that starts at the body: `Body` ... `Responses` ...
    `POST /x`, curl): the first field heading, when none follows the method line."""
    if len(headers) != 1:
        return None
    start = next(_field_headings(lines, 0, headers[0].index), None)
    if start is None or next(_field_headings(lines, headers[0].end, len(lines)), None) is not None:
        return None
    return start


def _field_headings(lines: Sequence[Line], start: int, end: int) -> Iterator[int]:
    """The indices of the field headings among `lines[start:end]` (only the lines whose
    text names a heading are looked at in their place)."""
    named = map(named_heading, map(line_text, lines[start:end]))
    for j in compress(range(start, end), named):
        if _kind(lines, j) in _FIELD_KINDS:
            yield j


def _kind(lines: Sequence[Line], index: int) -> Kind | None:
    found = heading_kind(lines, index)
    return found.kind if found is not None else None


def hinted_header(hint: OperationHint, found: Sequence[OpHeader]) -> OpHeader:
    """The operation the user named, where the page's own method line is (its first), else
    over the whole page (its fields may come before any heading)."""
    if found:
        return OpHeader(hint.method, hint.target, found[0].index, found[0].end)
    return OpHeader(hint.method, hint.target, 0, 0)


def page_title(lines: Sequence[Line]) -> str | None:
    """A page's first line is its title when it reads like one (short, no full stop)."""
    first = lines[0].text.strip() if lines else ""
    if not first or len(first) > 80 or first.endswith((".", ":")):
        return None
    return None if heading_kind(lines, 0) is not None else first
