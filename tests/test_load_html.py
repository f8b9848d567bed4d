"""The HTML loader: text lines as a browser copy gives them, and specs found in scripts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.load import load_page
from generator.load.html import html_page
from generator.problems import Problems

SPEC = {
    "openapi": "3.0.0",
    "info": {"title": "T", "version": "1"},
    "paths": {"/a": {"get": {"responses": {"200": {"description": "OK"}}}}},
}

PROPS = json.dumps({"props": {"pageProps": {"spec": SPEC}}})
AS_STRING = json.dumps({"page": {"openapi": json.dumps(SPEC)}})
REDOC = json.dumps({"spec": {"data": SPEC}})


def texts(html: str) -> list[str]:
    return [line.text for line in html_page("p.html", html, Problems()).lines]


@pytest.mark.parametrize(
    ("html", "lines"),
    [
        # a row of elements with no text between them: one line each
        (
            "<div><span>limit</span><span>integer</span><span>required</span></div>",
            ["limit", "integer", "required"],
        ),
        # a label keeps its one value; a label before several values does not
        ("<div><span>default:</span><span>20</span></div>", ["default:20"]),
        ("<div><span>Allowed:</span><code>a</code><code>b</code></div>", ["Allowed:", "a", "b"]),
        # a URL keeps the path written after it
        (
            "<div><span>post</span><span><span>https://x.io/v1</span><span>/a/{id}</span></span></div>",
            ["post", "https://x.io/v1/a/{id}"],
        ),
        # prose and spaced inline elements stay on one line
        (
            "<p>Sort by <code>created_at</code>, <b>asc</b> <i>or</i> desc.</p>",
            ["Sort by created_at, asc or desc."],
        ),
        ("<div><span>limit</span> <span>integer</span></div>", ["limit integer"]),
        ("<div>🟢<span>200</span>Success</div>", ["🟢200Success"]),
        ("<p>one<br>two</p>", ["one", "two"]),
        (
            "<table><tr><th>Name</th><th>Type</th></tr><tr><td><code>id</code></td><td>string</td></tr></table>",
            ["| Name | Type |", "| id | string |"],
        ),
    ],
)
def test_blocks_rows_and_inline_text(html: str, lines: list[str]) -> None:
    assert texts(html) == lines


def test_list_items_are_indented_bullets() -> None:
    html = "<ul><li><span>data</span> <span>array</span><p>Items.</p>"
    html += "<ul><li>id string</li></ul></li></ul>"
    assert texts(html) == ["  • data array", "    Items.", "    • id string"]
    assert texts('<ol start="3"><li>a</li><li>b</li></ol>') == ["  3. a", "  4. b"]


def test_code_keeps_lines_without_gutters_or_buttons() -> None:
    html = (
        '<pre><button>Copy</button><span class="line-number">1</span>{\n'
        '<span class="line-number">2</span>  "a": 1<br>}</pre>'
    )
    assert texts(html) == ["{", '  "a": 1', "}"]
    assert texts("<div><code>curl \\\n  --url x</code></div>") == ["curl \\", "  --url x"]


def test_dropped_and_hidden_elements() -> None:
    html = (
        "<style>.gone{display:none}.caps{text-transform:uppercase}</style>"
        '<nav>Home</nav><script>var a = 1;</script><p hidden>h</p><p style="display: none">d</p>'
        '<p class="gone">g</p><h2 class="caps">Path Params</h2><aside>Note</aside>'
    )
    assert texts(html) == ["PATH PARAMS", "Note"]


def test_lines_carry_source_line_numbers() -> None:
    html = "<html>\n<body>\n<h1>Title</h1>\n<div>\n  <span>a</span>\n</div>\n"
    html += "<pre>x\ny</pre>\n</body></html>"
    numbers = [(line.number, line.text) for line in html_page("p", html, Problems()).lines]
    assert numbers == [(3, "Title"), (5, "a"), (7, "x"), (8, "y")]


@pytest.mark.parametrize(
    "script",
    [
        '<script id="__NEXT_DATA__" type="application/json">' + PROPS + "</script>",
        '<script type="application/json">' + AS_STRING + "</script>",
        "<script>const redoc = 1; __redoc_state = " + REDOC + ";</script>",
        f"<script>SwaggerUIBundle({{dom_id: '#ui', spec: {json.dumps(SPEC)}}})</script>",
        '<script type="text/yaml">openapi: 3.0.0\npaths:\n  /a:\n    get: {}\n</script>',
        "<script>self.__next_f.push([1,"
        + json.dumps("3:" + json.dumps({"doc": SPEC})[:40])
        + "])</script><script>self.__next_f.push([1,"
        + json.dumps(json.dumps({"doc": SPEC})[40:])
        + "])</script>",
    ],
)
def test_specs_are_found_in_script_data(script: str) -> None:
    page = html_page("p.html", f"<html><body><p>x</p>{script}</body></html>", Problems())
    assert len(page.embedded) == 1
    assert "/a" in page.embedded[0].document["paths"]


def test_unreadable_spec_script_is_a_problem_not_an_error() -> None:
    problems = Problems()
    page = html_page("p.html", "<p>x</p>\n<script>__redoc_state = {broken</script>", problems)
    assert not page.embedded
    assert [(p.line, p.level.value) for p in problems.items] == [(2, "warning")]


def test_deep_nesting_is_a_problem_not_an_error() -> None:
    problems = Problems()
    page = html_page("p.html", "<div>" * 5000 + "text" + "</div>" * 5000, problems)
    assert [line.text for line in page.lines] == ["text"]
    assert problems.items


def test_spec_files(tmp_path: Path) -> None:
    spec_file = tmp_path / "export.json"
    spec_file.write_text(json.dumps(SPEC), encoding="utf-8")
    other = tmp_path / "package.json"
    other.write_text('{"name": "x"}', encoding="utf-8")
    problems = Problems()
    page = load_page(spec_file, problems)
    assert page is not None
    assert page.embedded[0].line == 1
    assert load_page(other, problems) is None
    assert [p.file for p in problems.items] == [str(other)]
