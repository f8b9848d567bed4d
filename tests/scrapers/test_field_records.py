"""Field-record pieces the page tests rely on, one layout each."""

from __future__ import annotations

from generator.model import Line
from generator.scrape.blocks import parse_blocks
from generator.scrape.records import starts_schema, type_last_fields
from generator.scrape.types import parse_type
from generator.scrape.unglue import split_dotted, split_glued


def _lines(*texts: str) -> list[Line]:
    return [Line(n, text) for n, text in enumerate(texts, 1)]


def test_a_bare_enum_is_a_string_that_takes_listed_values() -> None:
    expr = parse_type("enum")
    assert expr is not None and expr.types == ("string",) and expr.is_enum


def test_a_format_written_after_the_type() -> None:
    assert parse_type("string format: uri").to_schema() == {  # type: ignore[union-attr]
        "type": "string",
        "format": "uri",
    }
    assert parse_type("string | null format: email").to_schema() == {  # type: ignore[union-attr]
        "type": ["string", "null"],
        "format": "email",
    }
    assert parse_type("stringFormat: date").to_schema() == {  # type: ignore[union-attr]
        "type": "string",
        "format": "date",
    }


def test_glued_names_hold_type_words() -> None:
    assert split_glued("temperaturenumberOptional") == ["temperature", "number", "Optional"]
    assert split_glued("levelenumRequired") == ["level", "enum", "Required"]
    assert split_glued("sizestringRequiredDefaults to") == [
        "size",
        "string",
        "Required",
        "Defaults to",
    ]


def test_dotted_modifiers() -> None:
    assert split_dotted("countinteger · int64 · min: 0 · max: 9") == [
        "count",
        "integer(int64)",
        "min: 0",
        "max: 9",
    ]
    assert split_dotted("keystring · required") == ["key", "string", "required"]
    assert split_dotted("notestring · nullableOptional") == ["note", "string | null", "Optional"]
    assert split_dotted("kindstring · enum") == ["kind", "string"]


def test_a_type_then_enum_is_no_field() -> None:
    """ReadMe with names stripped: `string` / `enum` is one type, not a field `string`."""
    fields = parse_blocks(_lines("string", "enum", "Sort key.", "integer", "Page size."))
    assert [f.name for f in fields] == []


def test_type_last_records_decline_the_usual_block() -> None:
    assert type_last_fields(_lines("color", "string", "required", "Paint color.")) is None
    assert type_last_fields(_lines("color", "Paint color.", "string")) is not None


def test_an_object_after_an_array_of_objects_marks_its_items() -> None:
    lines = _lines("rows", "Array<object>", "One row", "object", "cell", "required", "string")
    assert not starts_schema(lines, 3)
    assert starts_schema(_lines("Shown page", "object", "cell", "string"), 1)
