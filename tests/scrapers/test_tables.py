"""Field-table helpers: header words, glued cells, cells placed by content, nesting."""

from __future__ import annotations

from generator.model import Line
from generator.scrape.table_cells import align, glued_cells, type_text
from generator.scrape.table_columns import glued_header, header_keys, spaced_header
from generator.scrape.table_rows import RawRow
from generator.scrape.tables import parse_tables


def _lines(text: str) -> list[Line]:
    return [Line(n, t) for n, t in enumerate(text.strip().splitlines(), 1)]


def test_header_words_in_several_shapes() -> None:
    assert glued_header("参数名称说明类型必填") == ("name", "description", "type", "required")
    assert glued_header("FieldKindRemarks") is None
    assert glued_header("NameTypeNotes") == ("name", "type", "description")
    assert spaced_header("Field Type Required Default Valid Values") == (
        "name",
        "type",
        "required",
        "default",
        "other",
    )
    assert spaced_header("Version Author Date") is None
    assert header_keys(["Status", "Meaning", "Description"]) is None
    assert header_keys(["Argument", ""]) == ["name", "description"]


def test_glued_rows_split_at_their_column_words() -> None:
    keys: list[str | None] = ["name", "type", "required", "description"]
    assert glued_cells(keys, "pointstring否坐标") == {
        "name": "point",
        "type": "string",
        "required": "否",
        "description": "坐标",
    }
    assert glued_cells(keys, "labelsTagRef[]标签") == {
        "name": "labels",
        "type": "TagRef[]",
        "description": "标签",
    }
    assert glued_cells(keys, "owner") == {"name": "owner"}


def test_short_rows_are_placed_by_content() -> None:
    keys: list[str | None] = ["name", "description", "type", "example", "required"]
    row = RawRow(1, ["starts", "开始时间", "1700000000", "否"], aligned=False)
    assert align(keys, row) == {
        "name": "starts",
        "description": "开始时间",
        "example": "1700000000",
        "required": "否",
    }
    assert type_text("[object]") == "[object]"
    assert type_text("Integer/String") == "Integer | String"
    assert type_text("LeafNode") == "object"
    assert type_text("-") is None


def test_dotted_names_nest_under_the_last_matching_parent() -> None:
    fields = parse_tables(_lines("""
| Name | Type | Description |
| --- | --- | --- |
| result | object | the answer |
| result.pages | array | pages |
| pages.title | string | a page title |
| meta.total | integer | parent not listed |
"""))
    assert [f.name for f in fields] == ["result", "meta"]
    pages = fields[0].children[0]
    assert pages.name == "pages" and [c.name for c in pages.children] == ["title"]
    assert fields[1].type_text == "" and fields[1].children[0].type_text == "integer"


def test_classes_of_scalar_values_are_no_objects() -> None:
    from generator.scrape.table_cells import type_text  # noqa: PLC0415

    assert [type_text(t) for t in ("BigDecimal", "LocalDateTime", "MultipartFile")] == [
        "number",
        "string",
        "string",
    ]
    assert type_text("CrateLid") == "object"  # a named class of its own: an object


def test_a_condition_is_no_required_flag() -> None:
    from generator.scrape.table_fields import _lead_flag  # noqa: PLC0415

    assert _lead_flag("Required if the lid is shut.")[0] is None
    assert _lead_flag("Required. The lid.")[0] is True
