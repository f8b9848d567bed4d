"""Slate/Widdershins table conventions, one rule at a time (rows written here)."""

from __future__ import annotations

from generator.model import Line
from generator.scrape.fields import Field, field_schema
from generator.scrape.header import find_headers
from generator.scrape.infer import infer_schema, placeholder_keys
from generator.scrape.status_table import status_rows
from generator.scrape.tables import parse_tables
from generator.scrape.types import parse_type


def _lines(text: str) -> list[Line]:
    return [Line(n, t) for n, t in enumerate(text.strip().splitlines(), 1)]


def _named(fields: list[Field], name: str) -> Field:
    return next(f for f in fields if f.name == name)


def test_the_rows_under_a_body_row_are_the_bodys_fields() -> None:
    fields = parse_tables(_lines("""
|Name|In|Type|Required|Description|
|---|---|---|---|---|
|kiln_id|path|string|true|The kiln.|
|body|body|object|true|none|
|» glaze|body|string|true|Which glaze.|
|» coats|body|integer¦null|false|none|
"""))
    assert [f.name for f in fields] == ["kiln_id", "glaze", "coats"]
    assert _named(fields, "glaze").location == "body"
    assert field_schema(_named(fields, "coats")) == {"type": ["integer", "null"]}


def test_values_tables_fill_the_enum_of_the_field_they_name_in_table_order() -> None:
    fields = parse_tables(_lines("""
|Name|Type|Required|Description|
|---|---|---|---|
|» shape|[oneOf]|false|A pot or a cup.|
|»» *anonymous*|object|false|A pot.|
|»»» kind|string|true|none|
|»»» size|string|false|none|
|»» *anonymous*|object|false|A cup.|
|»»» kind|string|true|none|
|» finish|string|false|none|

|Property|Value|
|---|---|
|»»» kind|pot|
|»»» size|small|
|»»» size|large|
|»»» kind|cup|
|finish|matte|
|» unlisted|ghost|
"""))
    shape = _named(fields, "shape")
    pot, cup = shape.children
    assert _named(pot.children, "kind").enum == ["pot"]
    assert _named(pot.children, "size").enum == ["small", "large"]
    assert _named(cup.children, "kind").enum == ["cup"]
    assert _named(fields, "finish").enum == ["matte"]
    assert "unlisted" not in {f.name for f in fields}  # a value row makes no field
    items = field_schema(shape)["items"]
    assert [branch["properties"]["kind"]["enum"] for branch in items["oneOf"]] == [["pot"], ["cup"]]


def test_anonymous_rows_under_any_are_an_anyof() -> None:
    fields = parse_tables(_lines("""
|Name|Type|Required|Description|
|---|---|---|---|
|» handle|any|false|none|
|»» *anonymous*|string|false|A handle's name.|
|»» *anonymous*|null|false|none|
|» anonymous|boolean|false|A field of that name, not in emphasis, under no union.|
"""))
    handle = _named(fields, "handle")
    assert field_schema(handle) == {
        "anyOf": [{"type": "string", "description": "A handle's name."}, {"type": "null"}]
    }
    assert _named(fields, "anonymous").type_text == "boolean"


def test_a_named_type_that_takes_listed_values_is_no_object() -> None:
    """Cells as the loader leaves them: `[[ToolSpec](#schematoolspec)]` is `[ToolSpec]`."""
    fields = parse_tables(_lines("""
|Name|Type|Required|Description|
|---|---|---|---|
|» clay|ClayKind|true|none|
|» tools|[ToolSpec]|false|none|

|Parameter|Value|
|---|---|
|» clay|stoneware|
"""))
    assert _named(fields, "clay").type_text == ""
    assert _named(fields, "clay").enum == ["stoneware"]
    assert parse_type(_named(fields, "tools").type_text) == parse_type("object[]")


def test_placeholder_keys_of_a_map_sample_are_no_properties() -> None:
    assert placeholder_keys({"property1": 1, "property2": 2})
    assert placeholder_keys(["additionalProp1", "additionalProp2", "additionalProp3"])
    assert not placeholder_keys(["property1"])
    assert not placeholder_keys(["property1", "property3"])
    schema = infer_schema({"tags": {"property1": "string", "property2": "string"}})
    assert schema["properties"]["tags"] == {
        "type": "object",
        "additionalProperties": {"type": "string"},
    }


def test_a_status_table_gives_status_lines() -> None:
    rows = status_rows(_lines("""
|Status|Meaning|Description|Schema|
|---|---|---|---|
|200|OK|The kiln is firing.|Kiln|
|404|Not Found||None|
|Status|Header|Type|Format|Description|
|200|Retry-After|integer||none|
"""))
    assert [line.text for line in rows][:2] == ["200 The kiln is firing.", "404 Not Found"]
    assert rows[2].text.startswith("|Status|Header|")  # the response headers are left alone


def test_a_raw_http_request_sample_is_not_the_header_when_the_page_names_the_route() -> None:
    lines = _lines("""
POST https://api.kiln.test/v2/kilns/{kiln_id}/firings HTTP/1.1
Host: api.kiln.test
POST /kilns/{kiln_id}/firings
Start a firing.
""")
    headers = find_headers(lines)
    assert [(h.method, h.target, h.index) for h in headers] == [
        ("POST", "/kilns/{kiln_id}/firings", 2)
    ]
    alone = find_headers(lines[:2])
    assert [h.target for h in alone] == ["https://api.kiln.test/v2/kilns/{kiln_id}/firings"]
