"""Stainless one-line fields, toggled headings, pinyin glosses, ASCII media lines, OData
prose parameters (all on invented text)."""

from __future__ import annotations

from generator.load.files import unglossed
from generator.model import Line
from generator.scrape.examples import split_content
from generator.scrape.fields import object_schema
from generator.scrape.prose_params import named_params
from generator.scrape.sections import Kind, split_sections
from generator.scrape.stainless import field_line, is_stainless, parse_stainless


def _lines(*texts: str) -> list[Line]:
    return [Line(i + 1, text) for i, text in enumerate(texts)]


def test_field_lines_and_what_is_not_one() -> None:
    found = field_line('"x-trace": optional array of TraceFlag')
    assert found is not None and found[:2] == ("x-trace", True)
    assert found[2].type_text == "array"
    nested = field_line("collar: optional object { color, tag } The collar.")
    assert nested is not None and nested[2].keys == ["color", "tag"]
    assert nested[2].rest == "The collar."
    cut = field_line('size: "s" or "m" or 4 more')
    assert cut is not None and cut[2].type_text == "string" and cut[2].enum == []
    for text in ("Authorization: Bearer abc", "Type: string", "Note: the kennel is shut", "a:b"):
        assert field_line(text) is None, text


def test_union_body_and_keys_named_in_braces() -> None:
    lines = _lines(
        "body: Cat { name, 1 more } or Dog { name }",
        "Cat = object { name, 1 more }",
        "name: string",
        "The cat's name.",
        "toys: optional array of string",
        "Dog = object { name }",
    )
    assert is_stainless(lines)
    schema = object_schema(parse_stainless(lines))
    cat, dog = schema["oneOf"]
    assert cat["title"] == "Cat"
    assert cat["properties"]["name"] == {"type": "string", "description": "The cat's name."}
    assert cat["properties"]["toys"]["items"] == {"type": "string"}
    assert dog == {"title": "Dog", "type": "object", "properties": {"name": {}}}


def test_a_field_leaves_an_object_whose_braces_do_not_name_it() -> None:
    lines = _lines("owner: object { id }", "id: string", "kennel: optional number")
    schema = object_schema(parse_stainless(lines))
    assert set(schema["properties"]) == {"owner", "kennel"}
    assert schema["properties"]["owner"]["properties"] == {"id": {"type": "string"}}


def test_headings_glued_to_the_toggle() -> None:
    lines = _lines(
        "Path ParametersExpand Collapse",
        "id: string",
        "Kennel ReadBody ParametersJSONExpand Collapse",
        "name: string",
        "Nothing hereExpand Collapse",
    )
    kinds = [section.kind for section in split_sections(lines)]
    assert kinds == [Kind.PARAMS, Kind.PATH, Kind.BODY]


def test_pinyin_glosses_are_dropped() -> None:
    assert unglossed("請(qǐng)求參數(shù):") == "請求參數:"
    assert unglossed("plain (café) text, 参数(shu)") == "plain (café) text, 参数(shu)"


def test_a_glued_row_ending_in_a_slash_is_no_media_type() -> None:
    content = split_content(_lines("toId是string接收人id/群id", "application/json"))
    assert content.media_type == "application/json"


def test_odata_options_named_in_prose() -> None:
    text = "Use the OData $expand query parameter to include the owner."
    assert named_params(text) == (("$expand", "query", None),)


def test_a_schema_quoted_as_yaml_is_not_stainless() -> None:
    assert not is_stainless(_lines("properties:", "  id:", "    type: string"))


def test_members_in_a_brace_block_are_not_stainless() -> None:
    """TypeScript-like members (`{` / `id: string` / `}`) say optionality with `?`; read as
    Stainless lines, every member would lose its being required."""
    assert is_stainless(_lines("id: string", "deleted: boolean"))
    assert not is_stainless(_lines("{", "  id: string", "  deleted: boolean", "}"))
    assert not is_stainless(_lines("interface Kennel {", "  id: string", "}"))
