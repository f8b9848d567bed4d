"""The rules Markdown exports need, one layout at a time (pages written here)."""

from __future__ import annotations

from pathlib import Path

from generator.api import scrape
from generator.load.files import split_lines
from generator.load.markdown import looks_markdown, strip_inline
from generator.model import Line
from generator.scrape.bullets import parse_md_field
from generator.scrape.fields import Field
from generator.scrape.mdflat import unflatten
from generator.scrape.nesting import nest_dotted
from generator.scrape.sections import Kind, heading_kind
from generator.scrape.types import parse_type


def test_markdown_is_told_by_its_shape() -> None:
    assert looks_markdown("# Title\n\ntext\n\n## Part\n\n| a | b |\n|---|---|\n")
    assert looks_markdown("# Make toast POST /toast ## Request fields: - `bread` (string)")
    assert looks_markdown("intro\n| Name | In |\n|---|---|\n| » child | body |\n")
    assert not looks_markdown("Make toast\nPOST /toast\n# one shell comment\n| a | b |\n")
    assert not looks_markdown("Make toast\nPOST /toast\nbread string required\n")


def test_flattened_markdown_gets_its_breaks_back() -> None:
    flat = (
        "# Make toast Toasts bread. Endpoint: POST /toast Version: 1 ## Request fields "
        '(application/json): - `bread` (string, required) Example: "rye" - `level` (integer'
    )
    texts = [line.text for line in unflatten(split_lines(flat))]
    assert texts == [
        "# Make toast Toasts bread. Endpoint:",
        "POST /toast",
        "Version: 1",
        "## Request fields (application/json):",
        "- `bread` (string, required)",
        '  Example: "rye"',
        "- `level` (integer)",
    ]
    assert {line.number for line in unflatten(split_lines(flat))} == {1}


def test_a_heading_keeps_only_its_label() -> None:
    flat = (
        "# Make toast ## Parameters Toasts bread for you, on either side, as dark as asked for."
        " ## Returns Returns a toast. - `side` (string) Which side to toast: top or bottom."
    )
    texts = [line.text for line in unflatten(split_lines(flat))]
    assert texts[1:5] == [
        "## Parameters",
        "Toasts bread for you, on either side, as dark as asked for.",
        "## Returns",
        "Returns a toast.",
    ]


def test_ordinary_text_is_not_unflattened() -> None:
    lines = split_lines("Make toast\nPOST /toast\n- `bread` (string) rye or wheat")
    assert unflatten(lines) == list(lines)


def test_inline_html_is_removed_from_markdown_lines() -> None:
    assert strip_inline('## <mark style="color:green;">POST</mark> /toast') == "POST /toast"
    assert strip_inline("GET /users/<id>") == "GET /users/<id>"


def test_dotted_names_nest_under_the_listed_parent() -> None:
    fields = [
        Field("box", "object"),
        Field("box.lid", "object"),
        Field("box.lid.colour", "string"),
        Field("a.b", "string"),
    ]
    nested = nest_dotted(fields)
    assert [f.name for f in nested] == ["box", "a.b"]
    assert nested[0].children[0].name == "lid"
    assert nested[0].children[0].children[0].name == "colour"


def test_comma_listed_types_are_a_union() -> None:
    found = parse_md_field("- `crumbs` (string,null)", 1)
    assert found is not None and found[1].type_text == "string | null"
    found = parse_md_field("- `crumbs` (any, required)", 1)
    assert found is not None and found[1].required is True


def test_bracketed_type_is_an_array() -> None:
    expr = parse_type("[object]")
    assert expr is not None and expr.types == ("array",)
    assert expr.items is not None and expr.items.types == ("object",)


def test_export_headings() -> None:
    def kind(text: str) -> tuple[Kind, str | None, str | None] | None:
        found = heading_kind([Line(1, text)], 0)
        return None if found is None else (found.kind, found.status, found.media_type)

    assert kind("Request fields (application/json):") == (Kind.BODY, None, "application/json")
    assert kind("Response 404 fields (application/json):") == (
        Kind.RESPONSES,
        "404",
        "application/json",
    )
    assert kind("Response default fields (application/json):") == (
        Kind.RESPONSES,
        "default",
        "application/json",
    )
    assert kind("Request Parameters") == (Kind.PARAMS, None, None)
    assert kind("Response Parameters") == (Kind.RESPONSES, None, None)


_SPEC_IN_TEXT = """# Toast API

Some prose that says `bread` is an integer, which the spec does not.

```yaml
openapi: 3.0.1
info: {title: Toast, version: "1"}
paths:
  /toast:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                bread: {type: string}
      responses:
        "200": {description: OK}
```
"""


def test_a_spec_fenced_in_markdown_saved_as_text_wins(tmp_path: Path) -> None:
    page = tmp_path / "toast.txt"
    page.write_text(_SPEC_IN_TEXT, encoding="utf-8")
    result = scrape([page])
    assert result.document["info"]["title"] == "Toast"
    schemas = result.document["components"]["schemas"]
    assert [s["properties"]["bread"]["type"] for s in schemas.values()] == ["string"]
