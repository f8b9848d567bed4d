"""List items read as fields only when they look like one: `- name type` with the text glued
on (or after a flag), never a prose item whose type word is followed by more words."""

from __future__ import annotations

from generator.model import Line
from generator.scrape.bullets import is_bullet_field, parse_bullets, parse_dash_field


def test_a_glued_list_item_is_a_field() -> None:
    found = parse_dash_field("- ticket_no string required工单编号Example:")
    assert found is not None
    assert (found[1].name, found[1].type_text, found[1].required) == ("ticket_no", "string", True)
    glued = parse_dash_field("- weight numberWeight in grams")
    assert glued is not None and glued[1].type_text == "number"
    assert glued[1].description == ["Weight in grams"]


def test_prose_list_items_are_not_fields() -> None:
    for text in (
        "- Use string ids for every call",
        "- Returns object",
        "- see object, below",
        "- keep array order",
    ):
        assert parse_dash_field(text) is None, text
        assert not is_bullet_field(text), text


def test_items_glued_after_a_value_start_lines_of_their_own() -> None:
    lines = [
        Line(1, "- fee double手续费Example:"),
        Line(2, "12.5 - reason string原因 - see below"),
    ]
    fields = parse_bullets(lines)
    assert [(f.name, f.type_text) for f in fields] == [("fee", "double"), ("reason", "string")]
    assert fields[0].description[-1] == "12.5"


def test_children_named_by_their_path_keep_their_own_name() -> None:
    lines = [
        Line(1, "• limitsobject"),
        Line(2, "  • limits.dailyintegerRequired"),
        Line(3, "  • limits[].weekly integer"),
    ]
    (parent,) = parse_bullets(lines)
    assert [(c.name, c.type_text, c.required) for c in parent.children] == [
        ("daily", "integer", True),
        ("weekly", "integer", None),
    ]
