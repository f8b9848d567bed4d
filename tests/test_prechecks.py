"""Quick tests that turn most lines down before a costly one, held to the costly one (no
line they turn down is one it accepts): `may_open_header` before the table-header tests,
on every column word in each header shape; `parse_type`'s test for prose before the type
grammar, on type expressions written here; `is_glued`'s marks before `split_glued`, on
glued lines written here. All on every line of the project's pages and the real pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.scrape.codeglue import is_glued, split_glued
from generator.scrape.table_columns import (
    _KEYS,
    column_key,
    glued_header,
    may_open_header,
    spaced_header,
)
from generator.scrape.table_rows import table_start
from generator.scrape.types import _SPACED_TYPE, parse_expression, parse_type
from tests.conftest import ROOT

_SUFFIXES = {".txt", ".md", ".html", ".htm"}


def _is_header(text: str) -> bool:
    """What `table_start` answers without the first-word test: a header of any shape."""
    stripped = text.strip()
    return (
        spaced_header(stripped) is not None
        or glued_header(stripped) is not None
        or column_key(text) == "name"
    )


def _headers() -> list[str]:
    """Every column word as a one-a-line header, and every name-column word opening a
    spaced and a glued header, plain, capitalized and decorated."""
    names = [word for word, key in _KEYS.items() if key == "name"]
    lines = [*_KEYS]
    for name in names:
        for shown in (name, name.title(), name.upper(), f"**{name}**", f"`{name}`", f"  {name}"):
            lines += [f"{shown} Type Description", f"{shown} Required Type Description"]
        if " " not in name:
            lines += [f"{name}TypeDescription", f"{name.title()}RequiredTypeDescription"]
    return lines


def _page_lines(root: Path) -> list[str]:
    texts: set[str] = set()
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in _SUFFIXES:
            texts.update(path.read_text(encoding="utf-8", errors="replace").splitlines())
    return sorted(texts)


def test_every_header_shape_passes_the_first_word_test() -> None:
    headers = [text for text in _headers() if _is_header(text)]
    assert len(headers) > 100  # the shapes above are headers
    assert [text for text in headers if not may_open_header(text)] == []


@pytest.mark.parametrize("folder", ["tests/pages", "input"])
def test_no_page_line_turned_down_is_a_header(folder: str) -> None:
    lines = _page_lines(ROOT / folder)
    missed = [t for t in lines if "|" not in t and not may_open_header(t) and _is_header(t)]
    assert missed == []
    assert all((table_start(t) != 0) == ("|" in t or _is_header(t)) for t in lines)


def test_no_real_page_line_turned_down_is_a_header(shared: Path) -> None:
    lines = _page_lines(shared / "realpages")
    missed = [t for t in lines if "|" not in t and not may_open_header(t) and _is_header(t)]
    assert missed == []


_TYPES = (
    "string | null",
    "string or null",
    "integer OR string",
    "array of strings",
    "array [object {4}]",
    "object {3}",
    "map<string, integer>",
    "integer (int64)",
    "string []",
    "string format: uri",
    "[ object ]",
    "Integer ¦ null",
)


def _turned_down(text: str) -> bool:
    """What `parse_type`'s quick test says before the grammar runs."""
    return " " in text and _SPACED_TYPE.search(text) is None


def _prose_types(lines: list[str]) -> list[str]:
    stripped = [line.strip().rstrip(",") for line in lines]
    return [t for t in stripped if t and _turned_down(t) and parse_expression(t) is not None]


def test_spaced_type_expressions_pass_the_prose_test() -> None:
    assert all(parse_type(text) is not None for text in _TYPES)
    assert not any(_turned_down(text) for text in _TYPES)


@pytest.mark.parametrize("folder", ["tests/pages", "input"])
def test_no_page_line_turned_down_is_a_type(folder: str) -> None:
    assert _prose_types(_page_lines(ROOT / folder)) == []


def test_no_real_page_line_turned_down_is_a_type(shared: Path) -> None:
    assert _prose_types(_page_lines(shared / "realpages")) == []


_GLUED = (
    '{"id": 1}{"id": 2}',
    '[1, 2]{"a": 1}',
    'curl https://api.example.com/v1/boxes -d \'{"a": 1}\'{"id": "box_1"}',
    '-H "Content-Type: application/json"{"id": "box_1"}',
    'HTTP/1.1 200 OK {"id": "box_1"}',
    '{"ok": true}curl https://api.example.com/v1/boxes',
)


def _misjudged(lines: list[str]) -> list[str]:
    return [t for t in lines if is_glued(t) != (len(split_glued(t)) > 1)]


def test_glued_lines_pass_the_marks_test() -> None:
    assert all(len(split_glued(text)) > 1 for text in _GLUED)
    assert _misjudged(list(_GLUED)) == []


@pytest.mark.parametrize("folder", ["tests/pages", "input"])
def test_no_page_line_turned_down_is_glued(folder: str) -> None:
    assert _misjudged(_page_lines(ROOT / folder)) == []


def test_no_real_page_line_turned_down_is_glued(shared: Path) -> None:
    assert _misjudged(_page_lines(shared / "realpages")) == []
