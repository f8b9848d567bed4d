"""Tests of the accuracy scorer itself, on small inline documents and on the gold files."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from .scoring import Fact, Score, combine, load_spec, reference_agreement, score

SHARED = Path(os.environ.get("DOCS2SDK_SHARED") or Path(__file__).resolve().parents[3] / "shared")
GOLD = SHARED / "gold" / "seeds"
REFERENCE = SHARED / "reference"
GOLD_FILES = sorted(GOLD.glob("*.yaml")) if GOLD.is_dir() else []
needs_shared = pytest.mark.skipif(not GOLD_FILES, reason=f"no gold files under {GOLD}")

Doc = dict[str, Any]


def _doc(paths: dict[str, Any], **extra: Any) -> Doc:
    return {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": paths, **extra}


def _response_doc(schema: Any, **extra: Any) -> Doc:
    """``GET /things`` whose 200 response has ``schema``."""
    content = {"application/json": {"schema": schema}}
    op = {"responses": {"200": {"description": "OK", "content": content}}}
    return _doc({"/things": {"get": op}}, **extra)


def _request_doc(schema: Any) -> Doc:
    """``POST /things`` whose JSON request body has ``schema``."""
    body = {"content": {"application/json": {"schema": schema}}}
    return _doc({"/things": {"post": {"requestBody": body, "responses": {}}}})


def _params_doc(*params: Doc, path: str = "/things") -> Doc:
    return _doc({path: {"get": {"parameters": list(params), "responses": {}}}})


def _obj(required: list[str] | None = None, **props: Any) -> Doc:
    schema: Doc = {"type": "object", "properties": props}
    if required is not None:
        schema["required"] = required
    return schema


def _strs(facts: tuple[Fact, ...]) -> list[str]:
    return [str(fact) for fact in facts]


# --------------------------------------------------------------------------- basics


def test_identical_documents_score_one() -> None:
    doc = _response_doc(_obj(["id"], id={"type": "string"}, n={"type": "integer"}))
    result = score(doc, doc)
    assert (result.precision, result.recall, result.f1) == (1.0, 1.0, 1.0)
    assert result.missing == result.extra == ()


def test_fact_subjects_are_flattened_paths() -> None:
    item = _obj(["id"], id={"type": "string"})
    doc = _response_doc(_obj(data={"type": "array", "items": item}))
    facts = set(_strs(score({"paths": {}}, doc).missing))
    assert "GET /things operation=present" in facts
    assert "GET /things response.200.data[].id present=yes" in facts
    assert "GET /things response.200.data[].id type=string" in facts
    assert "GET /things response.200.data[].id required=true" in facts
    assert "GET /things response.200.data required=false" in facts
    assert "GET /things response.200.data[] type=object" in facts

    request = _request_doc(_obj(tools={"type": "array", "items": _obj(type={"type": "string"})}))
    assert "POST /things request.tools[].type type=string" in _strs(score({}, request).missing)


def test_missing_operation_costs_recall_and_extra_operation_costs_precision() -> None:
    one = _params_doc(path="/a")
    two = _doc({"/a": {"get": {"responses": {}}}, "/b": {"post": {"responses": {}}}})
    assert score(one, two).recall == 0.5
    assert score(one, two).precision == 1.0
    assert score(two, one).precision == 0.5
    assert _strs(score(one, two).missing) == ["POST /b operation=present"]


def test_operations_match_on_method_and_template_not_placeholder_name() -> None:
    expected = _params_doc(
        {"name": "thing_id", "in": "path", "required": True}, path="/t/{thing_id}"
    )
    scraped = _params_doc({"name": "id", "in": "path", "required": True}, path="/t/{id}/")
    result = score(scraped, expected)
    assert Fact("GET /t/{thing_id}", "operation", "present") not in result.missing
    assert "GET /t/{thing_id} path.thing_id present=yes" in _strs(result.missing)
    assert "GET /t/{thing_id} path.id present=yes" in _strs(result.extra)
    assert score(_params_doc(path="/t/{id}"), expected).matched >= 1
    assert score({"paths": {"/t/{id}": {"post": {}}}}, expected).matched == 0


# --------------------------------------------------------------------------- parameters


def test_parameter_presence_type_and_required() -> None:
    expected = _params_doc(
        {"name": "limit", "in": "query", "schema": {"type": "integer"}},
        {"name": "order", "in": "query", "required": True, "schema": {"type": "string"}},
    )
    scraped = _params_doc(
        {"name": "limit", "in": "query", "required": True, "schema": {"type": "string"}},
    )
    result = score(scraped, expected)
    assert sorted(_strs(result.missing)) == [
        "GET /things query.limit required=false",
        "GET /things query.limit type=integer",
        "GET /things query.order present=yes",
        "GET /things query.order required=true",
        "GET /things query.order type=string",
    ]
    assert sorted(_strs(result.extra)) == [
        "GET /things query.limit required=true",
        "GET /things query.limit type=string",
    ]
    assert (result.matched, result.produced, result.expected) == (2, 4, 7)


def test_header_and_cookie_parameters_are_not_compared() -> None:
    expected = _params_doc(
        {"name": "OpenAI-Beta", "in": "header", "required": True, "schema": {"type": "string"}},
        {"name": "session", "in": "cookie", "schema": {"type": "string"}},
    )
    result = score(_params_doc(), expected)
    assert result.f1 == 1.0
    assert (result.matched, result.expected) == (1, 1)


def test_path_level_parameters_and_parameter_refs() -> None:
    param = {"name": "thing_id", "in": "path", "required": True, "schema": {"type": "string"}}
    components = {"parameters": {"ThingId": param}}
    with_ref = _doc(
        {"/t/{thing_id}": {"parameters": [{"$ref": "#/components/parameters/ThingId"}], "get": {}}},
        components=components,
    )
    inline = _params_doc(param, path="/t/{thing_id}")
    assert score(inline, with_ref).f1 == 1.0
    assert score(with_ref, inline).f1 == 1.0


# --------------------------------------------------------------------------- types


def test_wrong_type_is_a_miss_both_ways() -> None:
    expected = _response_doc(_obj(["n"], n={"type": "integer"}))
    scraped = _response_doc(_obj(["n"], n={"type": "string"}))
    result = score(scraped, expected)
    assert _strs(result.missing) == ["GET /things response.200.n type=integer"]
    assert _strs(result.extra) == ["GET /things response.200.n type=string"]
    assert result.produced == result.expected == result.matched + 1


def test_wrong_required_is_a_miss_both_ways() -> None:
    expected = _request_doc(_obj(["a"], a={"type": "string"}))
    scraped = _request_doc(_obj([], a={"type": "string"}))
    result = score(scraped, expected)
    assert _strs(result.missing) == ["POST /things request.a required=true"]
    assert _strs(result.extra) == ["POST /things request.a required=false"]


def test_type_set_from_list_and_from_one_of_members() -> None:
    listed = _response_doc(_obj(v={"type": ["string", "object"]}))
    one_of = _response_doc(_obj(v={"oneOf": [{"type": "object"}, {"type": "string"}]}))
    any_of = _response_doc(_obj(v={"anyOf": [{"type": "string"}, {"type": "object"}]}))
    assert score(one_of, listed).f1 == 1.0
    assert score(any_of, one_of).f1 == 1.0
    narrower = score(_response_doc(_obj(v={"type": "string"})), listed)
    assert _strs(narrower.missing) == ["GET /things response.200.v type=object|string"]


def test_untyped_expected_schema_gives_no_type_fact() -> None:
    expected = _params_doc({"name": "id", "in": "path", "required": True, "schema": {}})
    untyped = score(expected, expected)
    assert (untyped.matched, untyped.expected) == (3, 3)  # operation, present, required
    typed = _params_doc(
        {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
    )
    result = score(typed, expected)
    assert result.recall == 1.0
    assert _strs(result.extra) == ["GET /things path.id type=string"]


def test_array_item_types_are_compared() -> None:
    expected = _response_doc(_obj(ids={"type": "array", "items": {"type": "string"}}))
    scraped = _response_doc(_obj(ids={"type": "array", "items": {"type": "object"}}))
    result = score(scraped, expected)
    assert _strs(result.missing) == ["GET /things response.200.ids[] type=string"]
    assert _strs(result.extra) == ["GET /things response.200.ids[] type=object"]


# --------------------------------------------------------------------------- nullability


NULLABLE_FORMS = {
    "3.0 nullable": {"type": "string", "nullable": True},
    "3.1 type list": {"type": ["string", "null"]},
    "3.1 anyOf": {"anyOf": [{"type": "string"}, {"type": "null"}]},
    "oneOf": {"oneOf": [{"type": "null"}, {"type": "string", "maxLength": 3}]},
}


@pytest.mark.parametrize("left", NULLABLE_FORMS)
@pytest.mark.parametrize("right", NULLABLE_FORMS)
def test_nullable_forms_agree(left: str, right: str) -> None:
    expected = _response_doc(_obj(["v"], v=NULLABLE_FORMS[left]))
    scraped = _response_doc(_obj(["v"], v=NULLABLE_FORMS[right]))
    result = score(scraped, expected)
    assert result.f1 == 1.0, (result.missing, result.extra)
    assert "GET /things response.200.v nullable=true" in _strs(tuple(_facts_of(expected)))


def _facts_of(doc: Doc) -> tuple[Fact, ...]:
    return score({}, doc).missing


def test_nullability_is_compared_only_where_expected_states_it() -> None:
    plain = _response_doc(_obj(v={"type": "string"}))
    nullable = _response_doc(_obj(v={"type": ["string", "null"]}))
    assert score(nullable, plain).f1 == 1.0
    result = score(plain, nullable)
    assert _strs(result.missing) == ["GET /things response.200.v nullable=true"]
    assert _strs(result.extra) == ["GET /things response.200.v nullable=false"]


def test_null_alone_on_expected_side_is_nullable_with_unknown_type() -> None:
    expected = _response_doc(_obj(["d"], d={"type": "null"}))
    for form in NULLABLE_FORMS.values():
        assert score(_response_doc(_obj(["d"], d=form)), expected).f1 == 1.0
    integer = _response_doc(_obj(["d"], d={"type": "integer", "nullable": True}))
    assert score(integer, expected).f1 == 1.0
    not_null = score(_response_doc(_obj(["d"], d={"type": "string"})), expected)
    assert _strs(not_null.missing) == ["GET /things response.200.d nullable=true"]
    assert _strs(not_null.extra) == ["GET /things response.200.d nullable=false"]


# --------------------------------------------------------------------------- x-inferred


def test_inferred_expected_schema_skips_required_and_accepts_number() -> None:
    inner = _obj(n={"type": "integer"}, deep=_obj(x={"type": "integer"}))
    expected = _response_doc({**_obj(items={"type": "array", "items": inner}), "x-inferred": True})
    scraped_inner = _obj(
        ["n", "deep"], n={"type": "number"}, deep=_obj(["x"], x={"type": "number"})
    )
    scraped = _response_doc(_obj(["items"], items={"type": "array", "items": scraped_inner}))
    result = score(scraped, expected)
    assert result.f1 == 1.0, (result.missing, result.extra)
    assert not any(fact.kind == "required" for fact in _facts_of(expected))


def test_inferred_applies_only_in_and_beneath_the_marked_schema() -> None:
    expected = _response_doc(
        _obj(
            ["a", "b"],
            a={"type": "integer"},
            b={**_obj(c={"type": "integer"}), "x-inferred": "yes"},
        )
    )
    scraped = _response_doc(_obj([], a={"type": "number"}, b=_obj(c={"type": "number"})))
    result = score(scraped, expected)
    assert sorted(_strs(result.missing)) == [
        "GET /things response.200.a required=true",
        "GET /things response.200.a type=integer",
    ]
    assert sorted(_strs(result.extra)) == [
        "GET /things response.200.a required=false",
        "GET /things response.200.a type=number",
    ]


def test_falsy_x_inferred_is_not_inferred() -> None:
    expected = _response_doc({**_obj(["a"], a={"type": "integer"}), "x-inferred": False})
    scraped = _response_doc(_obj(a={"type": "number"}))
    assert score(scraped, expected).matched == 2  # operation and presence


def test_inferred_scraped_schema_states_no_required_nor_non_null() -> None:
    expected = _response_doc(_obj(["a"], a={"type": ["number", "null"]}))
    scraped = _response_doc({**_obj(a={"type": "integer"}), "x-inferred": True})
    result = score(scraped, expected)
    assert result.extra == ()
    assert sorted(_strs(result.missing)) == [
        "GET /things response.200.a nullable=true",
        "GET /things response.200.a required=true",
    ]


# --------------------------------------------------------------------------- $ref / allOf


def test_refs_are_resolved_on_both_sides() -> None:
    components = {
        "schemas": {
            "Thing": _obj(["id"], id={"$ref": "#/components/schemas/Id"}),
            "Id": {"type": "string"},
        }
    }
    by_ref = _response_doc({"$ref": "#/components/schemas/Thing"}, components=components)
    inline = _response_doc(_obj(["id"], id={"type": "string"}))
    assert score(by_ref, inline).f1 == 1.0
    assert score(inline, by_ref).f1 == 1.0


def test_response_and_request_body_refs() -> None:
    schema = _obj(["id"], id={"type": "string"})
    components = {
        "responses": {
            "Ok": {"description": "OK", "content": {"application/json": {"schema": schema}}}
        },
        "requestBodies": {"Body": {"content": {"application/json": {"schema": schema}}}},
    }
    op = {
        "requestBody": {"$ref": "#/components/requestBodies/Body"},
        "responses": {"200": {"$ref": "#/components/responses/Ok"}},
    }
    by_ref = _doc({"/x": {"post": op}}, components=components)
    body = {"content": {"application/json": {"schema": schema}}}
    inline = _doc({"/x": {"post": {"requestBody": body, "responses": {"200": body}}}})
    assert score(by_ref, inline).f1 == 1.0


def test_recursive_schema_terminates() -> None:
    node = _obj(
        ["name"],
        name={"type": "string"},
        children={"type": "array", "items": {"$ref": "#/components/schemas/Node"}},
        parent={"anyOf": [{"$ref": "#/components/schemas/Node"}, {"type": "null"}]},
    )
    loop = {"$ref": "#/components/schemas/Loop"}
    components = {"schemas": {"Node": node, "Loop": loop}}
    doc = _response_doc(
        _obj(root={"$ref": "#/components/schemas/Node"}, loop=loop), components=components
    )
    result = score(doc, doc)
    assert result.f1 == 1.0
    assert result.expected < 40
    assert "GET /things response.200.root.children[] type=object" in _strs(_facts_of(doc))


def test_all_of_is_merged() -> None:
    components = {"schemas": {"Base": _obj(["id"], id={"type": "string"})}}
    merged = _response_doc(
        {"allOf": [{"$ref": "#/components/schemas/Base"}, _obj(["n"], n={"type": "integer"})]},
        components=components,
    )
    flat = _response_doc(_obj(["id", "n"], id={"type": "string"}, n={"type": "integer"}))
    assert score(merged, flat).f1 == 1.0
    assert score(flat, merged).f1 == 1.0


def test_one_of_object_members_are_descended() -> None:
    code = _obj(["type"], type={"type": "string"})
    function = _obj(
        ["type", "function"], type={"type": "string"}, function=_obj(name={"type": "string"})
    )
    expected = _response_doc({"type": "array", "items": {"oneOf": [code, function]}})
    flat = _obj(["type"], type={"type": "string"}, function=_obj(name={"type": "string"}))
    scraped = _response_doc({"type": "array", "items": flat})
    result = score(scraped, expected)
    assert result.f1 == 1.0, (result.missing, result.extra)


# --------------------------------------------------------------------------- totals


def test_ratios_and_combine() -> None:
    first = Score(matched=3, produced=4, expected=6)
    second = Score(matched=1, produced=1, expected=2)
    assert (first.precision, first.recall) == (0.75, 0.5)
    assert first.f1 == pytest.approx(0.6)
    total = combine([first, second])
    assert (total.matched, total.produced, total.expected) == (4, 5, 8)
    assert Score().precision == Score().recall == Score().f1 == 0.0


# --------------------------------------------------------------------------- reference


def test_reference_agreement_counts_only_shared_operations() -> None:
    reference = _doc(
        {
            "/a": {
                "get": {"parameters": [{"name": "q", "in": "query", "schema": {"type": "string"}}]}
            },
            "/b": {"get": {}},
        }
    )
    scraped = _doc({"/a": {"get": {}}, "/c": {"get": {}}})
    result = reference_agreement(scraped, reference)
    assert (result.matched, result.produced, result.expected) == (1, 1, 4)
    assert "GET /b operation=present" not in _strs(result.missing)


def test_reference_agreement_strips_server_base_path() -> None:
    reference = _doc({"/things": {"get": {}}}, servers=[{"url": "https://api.example.com/v1"}])
    full_paths = _doc({"/v1/things": {"get": {}}}, servers=[{"url": "https://api.example.com"}])
    no_server = _doc({"/v1/things": {"get": {}}})
    same = _doc({"/things": {"get": {}}}, servers=[{"url": "https://api.example.com/v1/"}])
    for scraped in (full_paths, no_server, same):
        assert reference_agreement(scraped, reference).f1 == 1.0


def test_documents_can_be_given_as_paths(tmp_path: Path) -> None:
    doc = _response_doc(_obj(["id"], id={"type": "string"}))
    file = tmp_path / "doc.yaml"
    file.write_text(yaml.safe_dump(doc), encoding="utf-8")
    assert score(file, doc).f1 == 1.0
    assert load_spec(file) is load_spec(str(file))


def test_duplicate_anchors_load(tmp_path: Path) -> None:
    file = tmp_path / "dup.yaml"
    file.write_text("a: &x 1\nb: *x\nc: &x 2\nd: *x\n", encoding="utf-8")
    with file.open(encoding="utf-8") as stream, pytest.raises(yaml.composer.ComposerError):
        yaml.load(stream, Loader=yaml.CSafeLoader)
    assert load_spec(file) == {"a": 1, "b": 1, "c": 2, "d": 2}


# --------------------------------------------------------------------------- gold files


@needs_shared
@pytest.mark.parametrize("gold", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_against_itself_is_perfect(gold: Path) -> None:
    result = score(gold, gold)
    assert (result.precision, result.recall, result.f1) == (1.0, 1.0, 1.0)
    assert result.expected > 30


@needs_shared
def test_gold_000_disagrees_with_reference_v1() -> None:
    result = reference_agreement(
        GOLD / "000_9ec4c17cb5408141.yaml", REFERENCE / "openai-openapi.assistants-v1.yaml"
    )
    assert 0.0 < result.f1 < 1.0
    missing, extra = _strs(result.missing), _strs(result.extra)
    assert "GET /assistants query.limit type=integer" in missing
    assert "GET /assistants query.limit type=string" in extra
    assert "GET /assistants query.after present=yes" in missing
    assert "GET /assistants response.200.data[].top_p present=yes" in extra
    assert "GET /assistants response.200.data[].id type=string" not in missing


@needs_shared
def test_reference_v1_has_duplicate_anchors_and_loads() -> None:
    spec = load_spec(REFERENCE / "openai-openapi.assistants-v1.yaml")
    assert "/assistants" in spec["paths"]
    assert spec["openapi"].startswith("3.0")
