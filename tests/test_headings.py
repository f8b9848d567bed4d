"""The one-regex heading match gives what trying each heading pattern in order gives; the
first-character test of method lines lets every method line through.

Compared on every line of the test pages and on heading-like phrases (hypothesis,
deterministic).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.load import load_page
from generator.model import Line
from generator.problems import Problems
from generator.scrape.header import METHOD_INITIALS, header_at
from generator.scrape.records import schema_title, starts_schema
from generator.scrape.sections import (
    _HEADINGS,
    _TOGGLE,
    Heading,
    Kind,
    Section,
    _is_content,
    _is_label,
    _named_heading,
    _tab_list_at,
    heading_kind,
    split_sections,
)
from tests.fuzz import examples
from tests.scrapers.pages import PAGES

_WORDS = [
    "body", "Body", "params", "parameters", "param", "required", "request", "Request",
    "response", "responses", "Response", "examples", "example", "samples", "code", "schema",
    "query", "path", "header", "headers", "cookie", "cookies", "auth", "authorization",
    "authentication", "methods", "application/json", "text/plain", "(200)", "(404)",
    "(optional)", ":", "：", "参数", "请求体", "响应示例", "返回示例", "请求示例", "modified",
    "at", "updated", "last", "returns", "string", "default", "200", "OK", "was", "this",
]  # fmt: skip


def _in_order(text: str) -> Heading | None:
    """The former reading: each pattern tried in turn, the first match decides."""
    for kind, pattern in _HEADINGS:
        match = pattern.match(text)
        if match is not None:
            groups = match.groupdict()
            body_media = groups.get("media") or groups.get("pmedia")  # `APPLICATION/JSON`
            media = (body_media and body_media.lower()) or groups.get("rmedia")
            status = groups.get("status") or (groups.get("rstatus") or "").lower() or None
            return Heading(kind, media, status)
    return None


def _one_line(text: str) -> Heading | None:
    cleaned = text.strip().strip("#*: ").strip()
    if cleaned.endswith(_TOGGLE):  # Stainless: the heading is the text before the toggle
        cleaned = cleaned.removesuffix(_TOGGLE).strip().removesuffix("JSON").strip()
        glued = [m.start() for m in re.finditer(r"(?<=[a-z])(?=[A-Z])", cleaned)]
        cleaned = next(
            (cleaned[i:] for i in [0, *glued] if _in_order(cleaned[i:]) is not None),
            "",
        )
    if not cleaned or len(cleaned) > 80:
        return None
    return _in_order(cleaned)


def _page_lines() -> list[str]:
    texts: set[str] = set()
    for path in PAGES.rglob("*"):
        if path.is_file() and not path.name.endswith(".yaml"):
            page = load_page(path, Problems())
            texts.update(line.text for line in page.lines) if page is not None else None
    return sorted(texts)


def test_every_test_page_line() -> None:
    texts = _page_lines()
    assert len(texts) > 1000
    found = 0
    for text in texts:
        expected = _one_line(text)
        assert heading_kind([Line(1, text)], 0) == expected, text
        found += expected is not None
    assert found > 50


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("Body Params application/json", Heading(Kind.BODY, "application/json")),
        ("Response examples (201)", Heading(Kind.RESPONSE_EXAMPLES, status="201")),
        ("## Query Parameters", Heading(Kind.QUERY)),
        ("Modified at 2024-01-01", Heading(Kind.END)),
        ("Parameters", Heading(Kind.PARAMS)),
        ("Nothing here", None),
    ],
)
def test_known_headings(text: str, heading: Heading | None) -> None:
    assert heading_kind([Line(1, text)], 0) == heading


@examples(800)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=4), st.sampled_from([" ", ""]))
def test_heading_phrases(words: list[str], glue: str) -> None:
    text = glue.join(words)
    assert heading_kind([Line(1, text)], 0) == _one_line(text)


def test_method_initials_are_all_a_method_line_can_start_with() -> None:
    words = ["GET", "POST", "PUT", "PATCH", "DELETE", "DEL", "HEAD", "OPTIONS", "TRACE"]
    assert {word[0] for word in words} | {word[0].lower() for word in words} == METHOD_INITIALS
    initial = re.compile(f"[{''.join(sorted(METHOD_INITIALS))}]", re.IGNORECASE)
    matching = {chr(code) for code in range(0x110000) if initial.fullmatch(chr(code))}
    assert matching == METHOD_INITIALS
    for word in words:
        assert header_at([Line(1, word.lower()), Line(2, "/a")], 0) is not None


def _sections_by_heading_kind(lines: list[Line]) -> list[Section]:
    """The former split_sections: heading_kind on each line."""
    sections = [Section(Kind.PARAMS, None)]
    for i, line in enumerate(lines):
        headed = sections[-1].kind in (Kind.BODY, Kind.RESPONSES)  # the heading names the body
        if line.text.strip() == "object" and not headed and starts_schema(lines, i):
            title = schema_title(lines, i)
            if title is not None and sections[-1].lines and sections[-1].lines[-1] is title:
                sections[-1].lines.pop()
            sections.append(Section(Kind.SCHEMA, line, [title] if title is not None else []))
            continue
        named = _named_heading(line.text)
        if named is not None and named[0].tab:  # a status tab: the first of a list opens
            if sections[-1].kind is not Kind.RESPONSES and _tab_list_at(lines, i):
                sections.append(Section(Kind.RESPONSES, line, [line]))
            else:
                sections[-1].lines.append(line)
            continue
        found = heading_kind(lines, i)
        if found is None or _is_content(found.kind, sections[-1].kind, _is_label(found, line)):
            sections[-1].lines.append(line)
            continue
        sections.append(Section(found.kind, line, media_type=found.media_type, status=found.status))
    return sections


def test_a_status_tab_list_opens_the_responses() -> None:
    lines = [Line(n, t) for n, t in enumerate(["Request Body", "id string", "- 200", "- 404"], 1)]
    kinds = [(s.kind, [ln.text for ln in s.lines]) for s in split_sections(lines)[1:]]
    assert kinds == [(Kind.BODY, ["id string"]), (Kind.RESPONSES, ["- 200", "- 404"])]
    assert heading_kind(lines, 2) is None  # a tab is no heading of its own


def test_split_sections_inlines_heading_kind() -> None:
    for path in sorted(PAGES.rglob("*")):
        if path.is_file() and not path.name.endswith(".yaml"):
            page = load_page(path, Problems())
            lines = [line for line in page.lines if line.text.strip()] if page else []
            assert split_sections(lines) == _sections_by_heading_kind(lines), path.name
