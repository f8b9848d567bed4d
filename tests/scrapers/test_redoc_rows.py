"""Redoc's field rows as an HTML render gives them: two cells, no header (rows written here)."""

from __future__ import annotations

from generator.model import Line
from generator.scrape.fields import field_schema
from generator.scrape.redoc_fields import parse_fields, unpiped


def _texts(*rows: str) -> list[str]:
    return [line.text for line in unpiped([Line(n, row) for n, row in enumerate(rows, 1)])]


def test_a_row_becomes_the_text_renders_lines() -> None:
    lines = unpiped(
        [Line(1, "| depth required | integer [ 1 .. 9 ] Default: 3 Enum: 1 3 9 How deep. |")]
    )
    assert [line.text for line in lines] == [
        "depth",
        "required",
        "integer [ 1 .. 9 ]",
        "Default: 3",
        'Enum: "1" "3" "9"',
        "How deep.",
    ]
    (depth,) = parse_fields(lines)
    assert field_schema(depth) == {
        "type": "integer",
        "description": "How deep.",
        "default": 3,
        "minimum": 1,
        "maximum": 9,
        "enum": [1, 3, 9],
    }
    assert depth.required is True


def test_type_phrases_are_put_in_the_readers_words() -> None:
    assert _texts("| pots | Array of Tall pot (object) or Flat pot (object) or null |")[1] == (
        "Array of objects or null"
    )
    assert _texts("| tag | (string or null) or Array of strings Words. |")[1] == (
        "string or null or Array of strings"
    )
    assert _texts('| mode | string Value: "slow" |')[1:] == ["string", 'Enum: "slow"']


def test_rows_that_are_no_field_rows_stay() -> None:
    rows = ["| Status | Meaning |", "| shape | string that is long prose |", "| a | b | c |"]
    assert _texts(*rows) == rows


def test_union_tabs_over_the_rows_are_no_fields() -> None:
    lines = unpiped(
        [
            Line(1, "One of"),
            Line(2, "object"),
            Line(3, "object"),
            Line(4, "| cup_id required | string The cup. |"),
        ]
    )
    fields = parse_fields(lines)
    assert [(f.name, f.type_text, f.required) for f in fields] == [("cup_id", "string", True)]
