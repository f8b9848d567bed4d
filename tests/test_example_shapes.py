"""Examples as text renders show them: cut off, collapsed, glued, elided, or typed sketches."""

from __future__ import annotations

import pytest

from generator.model import MISSING, Line, Operation, Span
from generator.scrape.bodies import apply_curl, body_from
from generator.scrape.codeglue import split_glued
from generator.scrape.examples import form_fields, is_placeholder, split_content
from generator.scrape.jsonish import parse_jsonish
from generator.scrape.samples import parse_curl
from generator.scrape.sketch import Sketch, placeholder_schema, sketch_schema


def _lines(text: str) -> list[Line]:
    return [Line(n, t) for n, t in enumerate(text.splitlines(), 1)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            '{"kind": "gear", "url": "https://cogs.example/g',
            {"kind": "gear", "url": "https://cogs.example/g"},
        ),
        ('{"kind": "gear", "teeth": 12, "wid', {"kind": "gear", "teeth": 12}),
        ('{"kind": "gear", "teeth":', {"kind": "gear"}),
        ('{"kind": "gear", "teeth"', {"kind": "gear"}),
        (
            '{"parts": [{"kind": "gear"}, {"kind": "ax',
            {"parts": [{"kind": "gear"}, {"kind": "ax"}]},
        ),
        ('{"on": tr', {}),
    ],
)
def test_an_example_cut_off_is_closed_where_it_stops(text: str, value: object) -> None:
    assert parse_jsonish(text, cut=True) == value
    with pytest.raises(ValueError):
        parse_jsonish(text)


def test_collapsed_sample_markers_and_elisions_are_left_out() -> None:
    collapsed = '{- "gear": 3,\n- "axle": {\n- "size": "m"\n}, - "bolts": [\n- {\n- "n": 1\n}\n]\n}'
    assert parse_jsonish(collapsed) == {"gear": 3, "axle": {"size": "m"}, "bolts": [{"n": 1}]}
    elided = (
        '{"codes": ["AA",\n...\n"ZZ"], "sizes": [1, ..., 9], "more": {"a": 1, ...}, "x": [1, …]}'
    )
    assert parse_jsonish(elided) == {
        "codes": ["AA", "ZZ"],
        "sizes": [1, 9],
        "more": {"a": 1},
        "x": [1],
    }
    assert parse_jsonish('[{"name"=>"colour", "value"=>"red"}]') == [
        {"name": "colour", "value": "red"}
    ]
    assert parse_jsonish('{"note": "a - \\"b\\" ... => c"}') == {"note": 'a - "b" ... => c'}


def test_a_sketch_with_type_names_for_values_is_a_schema() -> None:
    text = (
        '{\n  "ref": string,\n  "shipped": date,\n  "weight": decimal,\n  "memo": string | null,\n'
        '  "state": "Open" | "Shut",\n  "tags": [string],\n  "rows": [{"qty": integer,}],\n}'
    )
    assert sketch_schema(text) == {
        "type": "object",
        "properties": {
            "ref": {"type": "string"},
            "shipped": {"type": "string", "format": "date"},
            "weight": {"type": "number"},
            "memo": {"type": ["string", "null"]},
            "state": {"type": "string", "enum": ["Open", "Shut"]},
            "tags": {"type": "array", "items": {"type": "string"}},
            "rows": {
                "type": "array",
                "items": {"type": "object", "properties": {"qty": {"type": "integer"}}},
            },
        },
    }
    placeholders = '{"name": "string", "size": number, "labels": {"string": "string"}, "ow'
    assert sketch_schema(placeholders, cut=True) == {
        "type": "object",
        "properties": {"name": {}, "size": {"type": "number"}, "labels": {"type": "object"}},
    }
    assert sketch_schema('{"name": "string"}') is None  # plain JSON is an example


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("}{", ("}", "{")),
        ("}'{", ("}'", "{")),
        ("}curl https://x.example", ("}", "curl https://x.example")),
        ('-H "Token: $T"{', ('-H "Token: $T"', "{")),
        (
            'HTTP/1.1 201 Created Content-Type: application/json { "id": 1 }',
            ("HTTP/1.1 201 Created Content-Type: application/json ", '{ "id": 1 }'),
        ),
        ('"tpl": "a}{ b"', ('"tpl": "a}{ b"',)),
        ('"path": "{ id }"', ('"path": "{ id }"',)),
        ("/gears/{id}{?fields}", ("/gears/{id}{?fields}",)),
        ("[see][1]", ("[see][1]",)),
    ],
)
def test_glued_samples_are_cut_apart(text: str, parts: tuple[str, ...]) -> None:
    assert split_glued(text) == parts


def test_what_comes_before_an_example_says_what_it_is() -> None:
    page = _lines(
        'curl https://cogs.example/gears -d \'{"teeth": 12}\'{\n"id": "g1"\n}{\n"id": "g1"\n}\n'
        'HTTP/1.1 404 Not Found\nContent-Type: application/json\n{"error": "none"}\n'
        'POST /gears HTTP/1.1\nHost: cogs.example\n{"teeth": 9}\n'
        'Body example\njson\n{"teeth": 7}'
    )
    blocks = split_content(page).examples
    assert [(b.value, b.follows, b.status) for b in blocks] == [
        ({"id": "g1"}, "curl", None),
        ({"id": "g1"}, None, None),
        ({"error": "none"}, None, "404"),
        ({"teeth": 9}, "request", None),
        ({"teeth": 7}, "request", None),
    ]


def test_curl_data_glued_to_the_answer_or_cut_off() -> None:
    glued = parse_curl("curl https://cogs.example/gears --data-raw '{\"teeth\": 12}'{")
    assert glued is not None and glued.data == {"teeth": 12}
    cut = parse_curl('curl https://cogs.example/gears --data \'{\n"teeth": 12,\n"label": "sp')
    assert cut is not None and cut.data == {"teeth": 12, "label": "sp"}


def test_a_form_field_list_is_a_form_body() -> None:
    shown = [
        {"name": "grant", "value": "code", "datatype": "string"},
        {"name": "count", "value": "{{n}}", "datatype": "integer"},
    ]
    assert form_fields(shown) == {
        "type": "object",
        "properties": {"grant": {"type": "string"}, "count": {"type": "integer"}},
    }
    assert form_fields([{"name": "a", "colour": "red"}]) is None
    blocks = split_content(_lines('[{"name"=>"grant", "value"=>"code", "datatype"=>"string"}]'))
    body = body_from([], blocks.examples, None)
    assert body.media_type == "application/x-www-form-urlencoded"
    assert body.example == {"grant": "code"}


def test_a_sketch_block_gives_a_schema_and_no_example() -> None:
    blocks = split_content(_lines('{\n"ref": string,\n"weight": decimal\n}'))
    assert isinstance(blocks.examples[0].value, Sketch)
    body = body_from([], blocks.examples, None)
    assert body.schema == {
        "type": "object",
        "properties": {"ref": {"type": "string"}, "weight": {"type": "number"}},
    }
    assert body.example is MISSING


def test_form_parts_of_a_curl_sample_are_its_body() -> None:
    op = Operation("POST", "/gears", Span("p", 1, 1))
    curl = parse_curl("curl https://cogs.example/gears -F colour=red -F 'drawing=@gear.png'")
    assert curl is not None
    apply_curl(op, curl)
    assert op.request is not None and op.request.media_type == "multipart/form-data"
    assert op.request.schema == {
        "type": "object",
        "properties": {
            "colour": {"type": "string"},
            "drawing": {"type": "string", "format": "binary"},
        },
        "x-inferred": True,
    }
    pairs = parse_curl("curl https://cogs.example/gears -d 'teeth=12&colour=red' -d size=3")
    assert pairs is not None and pairs.fields == {"teeth": "12", "colour": "red", "size": "3"}
    assert parse_curl("curl https://cogs.example/gears -d 'plain words'").fields == {}  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("label", "follows"),
    [
        ("Request example", "request"),
        ("请求示例", "request"),
        ("返回成功示例", "response"),
        ("Success response example", "response"),
        ("返回示例(成功)", "response"),
        ("失败返回示例", "error"),
        ("Error response example", "error"),
        ("返回参数说明", None),
    ],
)
def test_a_label_over_an_example_says_which_body_it_is(label: str, follows: str | None) -> None:
    content = split_content(_lines(f'{label}\n\n{{"knob": 3}}'))
    assert [block.follows for block in content.examples] == [follows]


def test_the_json_after_a_raw_request_and_its_body_is_the_answer() -> None:
    text = 'PUT /knobs/3 HTTP/1.1\nContent-Type: application/json\n{"turn": 1}\n{"knob": 3}'
    content = split_content(_lines(text))
    assert [block.follows for block in content.examples] == ["request", "answer"]


@pytest.mark.parametrize(
    ("value", "placeholder"),
    [({"参数": "值"}, True), ({"key": "value"}, True), ({"key": "k1"}, False), ({"a": 1}, False)],
)
def test_a_template_placeholder_shows_no_body(value: object, placeholder: bool) -> None:
    assert is_placeholder(value) is placeholder


def test_valid_json_whose_values_are_type_names_is_a_sketch_with_open_types() -> None:
    text = 'Example body\n{\n"spindle": "integer",\n"label": "string",\n"on": "boolean"\n}'
    (block,) = split_content(_lines(text)).examples
    assert isinstance(block.value, Sketch)
    assert block.value.schema == {
        "type": "object",
        "properties": {"spindle": {}, "label": {}, "on": {}},
    }


@pytest.mark.parametrize(
    "value",
    [
        {"spindle": "integer", "label": "north"},  # a value of its own: an example
        {"label": "string"},  # one value only
        {"type": "object", "properties": {"a": {"type": "string"}}},  # a JSON Schema
    ],
)
def test_json_with_values_of_its_own_stays_an_example(value: object) -> None:
    assert placeholder_schema(value) is None


def test_a_response_example_labeled_in_a_body_section_is_the_answer() -> None:
    from generator.scrape.assemble import apply_sections, vertical_reader  # noqa: PLC0415
    from generator.scrape.sections import split_sections  # noqa: PLC0415

    text = 'Body\n{"knob": 3}\nSuccess response example\n{"turned": true}'
    op = Operation("POST", "/knobs", Span("p", 1, 4))
    apply_sections(op, split_sections(_lines(text)), vertical_reader(counted=False))
    assert op.request is not None and op.request.example == {"knob": 3}
    assert [(r.status, r.body.example if r.body else None) for r in op.responses] == [
        ("200", {"turned": True})
    ]
