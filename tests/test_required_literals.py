"""`required_literals`: every match of a pattern contains one of the strings it returns.

Checked on known shapes, and (hypothesis, deterministic) on strings generated to match each
family's detection markers, which is where the prefilter is used.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import strategies as st

from generator import lazyre
from generator.load import load_page
from generator.model import MISSING, Line
from generator.problems import Problems
from generator.scrape import FAMILIES, prose
from generator.scrape.blocks import parse_blocks
from generator.scrape.literals import keyword_filter, line_search, required_literals
from generator.scrape.vertical import marker_hits
from tests.fuzz import examples
from tests.scrapers.pages import PAGES

_FROM_REGEX = examples(40, HealthCheck.filter_too_much)
"""Marker regexes drawn with `st.from_regex`: slow to draw, many drawn strings refused."""


def _markers() -> list[re.Pattern[str]]:
    found: list[re.Pattern[str]] = []
    for family in FAMILIES:
        for name in ("_MARKERS", "_STRONG", "_WEAK"):
            found.extend(m for m in getattr(family, name, []) if lazyre.is_pattern(m))
    return found


MARKERS = _markers()


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [
        (r"^Modified at \d", ("Modified at ",)),
        (r"^(?:PATH|QUERY) PARAMS$", (" PARAMS",)),
        (r"x(?:Required|Optional)$", ("Required", "Optional")),
        (r"a|b\d", ("a", "b")),
        (r"(?:ab)+c?", ("ab",)),
        (r"(?:ab)*\d", None),
        (r"a|\d", None),
        (r"(?i:abc)d", ("d",)),
        (r"\w+", None),
    ],
)
def test_known_shapes(pattern: str, literals: tuple[str, ...] | None) -> None:
    assert required_literals(re.compile(pattern)) == literals


def test_ignorecase_has_no_prefilter() -> None:
    assert required_literals(re.compile("abc", re.IGNORECASE)) is None


def test_the_families_markers_are_seen() -> None:
    """The tests below go over every marker pattern: they must find them (lazy or not)."""
    assert len(MARKERS) >= 20


def test_every_marker_has_a_prefilter() -> None:
    assert all(required_literals(marker) for marker in MARKERS)


@_FROM_REGEX
@given(st.data())
def test_matches_contain_a_literal(data: st.DataObject) -> None:
    for marker in MARKERS:
        pattern = re.compile(marker.pattern, marker.flags | re.MULTILINE)
        text = data.draw(st.from_regex(pattern))
        literals = required_literals(pattern)
        assert literals is not None
        assert any(literal in text for literal in literals), (pattern.pattern, text)


TEST_PAGES = sorted(p for p in PAGES.rglob("*") if p.is_file() and not p.name.endswith(".yaml"))


@pytest.mark.parametrize("path", TEST_PAGES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_prefilter_keeps_the_hits(path: Path) -> None:
    page = load_page(path, Problems())
    assert page is not None
    for family in FAMILIES:
        for attr in ("_MARKERS", "_STRONG", "_WEAK"):
            markers = getattr(family, attr, [])
            assert marker_hits(page, markers) == sum(_plain_hit(page.text, m) for m in markers)


def _plain_hit(text: str, marker: str | re.Pattern[str]) -> bool:
    if isinstance(marker, str):
        return marker in text
    return re.search(marker.pattern, text, marker.flags | re.MULTILINE) is not None


def test_keyword_filter_finds_what_any_pattern_matches() -> None:
    found = keyword_filter([re.compile(r"Default value is \d"), re.compile("max: ", re.I)])
    assert found is not None
    assert found.lowered is not None
    assert found("The default value is 3")
    assert found("MAX: 4")
    assert found("Défaut, then DEFAULT VALUE IS 3")
    assert not found("The largest value")
    assert not found("Défaut")
    assert keyword_filter([re.compile(r"\d+")]) is None


@pytest.mark.parametrize("sign", ["\u212a", "\u017f"])
def test_keyword_filter_with_letters_that_match_ascii(sign: str) -> None:
    """The Kelvin sign matches k, the long s matches s, when case is ignored."""
    found = keyword_filter([re.compile(sign, re.I)])
    assert found is not None
    assert found.lowered is None
    assert found(sign.upper().lower() if sign == "\u212a" else "s")


def test_prose_gate_covers_every_prose_pattern() -> None:
    compiled = {v for v in vars(prose).values() if lazyre.is_pattern(v)}
    compiled.update(prose._MIN_MAX.values())
    assert compiled <= set(prose._FACT_PATTERNS)


_PROSE_WORDS = [
    "Default", "default:", "value", "is", "Value is", "Values are", "one of", "One of", "a,",
    "b", "or", "and", "10", "-2.5", "1,000", "Minimum", "maximum", "Maximum length", "of",
    "elements", "items", "At least", "Not more than", "between", "Range:", "Required range:",
    "0 <= x <= 2", "Required string length:", "1 - 64", "`auto`", "is the default", "the",
    "Enum:", "Available options:", "Possible values:", "枚举值：", "默认值：", "x", ".", "Format",
    "should match the following pattern:", "^[a-z]+$", "characters", "true", "null", "[]",
]  # fmt: skip


@examples(1500)
@given(
    st.lists(st.sampled_from(_PROSE_WORDS), max_size=8),
    st.sampled_from([None, "string", "integer", "number", "array", "boolean", "object"]),
)
def test_prose_gate_changes_no_facts(words: list[str], json_type: str | None) -> None:
    text = " ".join(words)
    assert prose.prose_facts(text, json_type) == prose._facts(text, json_type)


@pytest.mark.parametrize(
    ("text", "json_type"),
    [
        ("Default value is 20.", "integer"),
        ("Defaults to auto.", "string"),
        ("Values are asc or desc.", "string"),
        ("One of a, b, c.", "string"),
        ("Value is thread.", "string"),
        ("`auto` is the default.", "string"),
        ("Minimum value is 0, maximum value is 2.", "number"),
        ("Maximum length is 256.", "string"),
        ("Minimum length: 1", "string"),
        ("Not more than 128 elements.", "array"),
        ("At least 1 element.", "array"),
        ("Format should match the following pattern: ^[a-z]+$", "string"),
        ("Required range: 0 <= x <= 2", "number"),
        ("A value between 1 and 100.", "integer"),
        ("Required string length: 1 - 64", "string"),
        ("Required array length: 1 - 10", "array"),
        ("可选值：a、b", "string"),
    ],
)
def test_prose_gate_keeps_each_fact(text: str, json_type: str) -> None:
    facts = prose.prose_facts(text, json_type)
    assert facts
    assert facts == prose._facts(text, json_type)


_SHAPES = [
    r"^ab",
    r"^a|b",
    r"^\s*x$",
    r"^(?:a|b)c$",
    r"^$",
    r"^(?<=\n)a",
    r"^\bab",
    r"^(?<!b)a",
    r"b\s*a",
    r"x$",
]
_LINE_WORDS = ["a", "b", "ab", "c", "x", " x", "\t", "", "bab", "ba"]


def _plain(pattern: re.Pattern[str], text: str) -> bool:
    return re.search(pattern.pattern, text, pattern.flags | re.MULTILINE) is not None


@examples(300)
@given(st.lists(st.lists(st.sampled_from(_LINE_WORDS), max_size=3), max_size=5))
def test_line_search_same_as_multiline_search(lines: list[list[str]]) -> None:
    text = "\n".join("".join(words) for words in lines)
    for shape in _SHAPES:
        pattern = re.compile(shape)
        assert line_search(pattern)(text) == _plain(pattern, text), (shape, text)
    verbose = re.compile(r"^ a  b  # a comment", re.VERBOSE)
    assert line_search(verbose)(text) == _plain(verbose, text)


@_FROM_REGEX
@given(st.data())
def test_line_search_on_markers(data: st.DataObject) -> None:
    filler = st.text(alphabet=st.sampled_from(list(" \n-:/•aZ0{[")), max_size=12)
    for marker in MARKERS:
        multiline = re.compile(marker.pattern, marker.flags | re.MULTILINE)
        text = data.draw(filler) + data.draw(st.from_regex(multiline)) + data.draw(filler)
        assert line_search(marker)(text) == _plain(marker, text)
        other = data.draw(filler)
        assert line_search(marker)(other) == _plain(marker, other)


def test_trailing_example_behind_its_prefilter() -> None:
    texts = ["limit", "integer", "required", "The limit. Example: 20", "order", "string"]
    texts += ["Sort order 示例值: asc", "name", "string", "An Example without a colon"]
    fields = parse_blocks([Line(n, text) for n, text in enumerate(texts, start=1)])
    found = [(f.name, f.description, f.example) for f in fields]
    assert found == [
        ("limit", ["The limit."], "20"),
        ("order", ["Sort order"], "asc"),
        ("name", ["An Example without a colon"], MISSING),
    ]


def test_repeated_prose_gives_facts_that_share_nothing() -> None:
    """Facts are cached by text: each caller gets its own copy to change."""
    text = "Values are asc or desc. Default value is []."
    first = prose.prose_facts(text, "array")
    expected = prose._facts(text, "array")
    assert first == expected == {"enum": ["asc", "desc"], "default": []}
    first["enum"].append("changed")
    first["default"].append("changed")
    assert prose.prose_facts(text, "array") == expected
