"""TypeScript-style member lists read as sketches, and methods written in brackets."""

from __future__ import annotations

from generator.scrape.header import method_line
from generator.scrape.sketch import sketch_schema
from generator.scrape.tsmembers import looks_like_members

MEMBERS = """{
  // The shelf's code.
  code: string
  note?: string //default: none
  size: enum[small, large]
  books?: {
    isbn: string
  }[]
}"""


def test_a_member_without_a_question_mark_is_required() -> None:
    schema = sketch_schema(MEMBERS)
    assert schema is not None
    assert schema["required"] == ["code", "size"]
    assert schema["properties"]["note"] == {"type": "string"}
    assert schema["properties"]["size"] == {"type": "string", "enum": ["small", "large"]}


def test_a_block_closed_by_brackets_is_an_array_of_objects() -> None:
    schema = sketch_schema(MEMBERS)
    assert schema is not None
    books = schema["properties"]["books"]
    assert books["type"] == "array"
    assert books["items"]["required"] == ["isbn"]


def test_a_reference_or_an_intersection_leaves_the_type_open() -> None:
    text = (
        "{\n  owner?: #/components/schemas/Person\n  mix?: A & B\n"
        "  n?: Partial(integer) & Partial(null)\n}"
    )
    schema = sketch_schema(text)
    assert schema is not None
    assert schema["properties"]["owner"] == {}
    assert schema["properties"]["mix"] == {}
    assert schema["properties"]["n"] == {"type": ["integer", "null"]}


def test_json_with_commas_is_not_a_member_list() -> None:
    assert not looks_like_members("{\n  id?: string,\n  // a note\n  n: integer,\n}")
    assert not looks_like_members('{\n  "id": "a",\n  "n": 1\n}')


def test_a_method_in_brackets_glued_to_its_path() -> None:
    assert method_line("[POST]/v1/shelves/{shelf_id}") == ("POST", "/v1/shelves/{shelf_id}")
    assert method_line("(get) /v1/shelves") == ("GET", "/v1/shelves")
    assert method_line("[POSTS]/v1/shelves") is None
    assert method_line("[see below]") is None
