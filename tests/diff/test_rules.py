"""Each rule fires on a tiny old/new pair, alone, with its id, severity and field path."""

from __future__ import annotations

from typing import Any

import pytest

from generator.diff import RULES, diff_documents, find_breaking_changes
from tests.diff.specs import INTEGER, STRING, Schema, document, obj, operation, query

OP = "POST /things"
Doc = dict[str, Any]


def request(old: Schema, new: Schema) -> tuple[Doc, Doc]:
    return operation(request=old), operation(request=new)


def response(old: Schema, new: Schema) -> tuple[Doc, Doc]:
    return operation(response=old), operation(response=new)


def field(schema: Schema) -> Schema:
    return obj(a=schema)


def params(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> tuple[Doc, Doc]:
    return operation(params=old), operation(params=new)


def top(old: dict[str, Any], new: dict[str, Any]) -> tuple[Doc, Doc]:
    return operation(top=old), operation(top=new)


def body(old: dict[str, Any] | None, new: dict[str, Any] | None) -> tuple[Doc, Doc]:
    """Operations whose `requestBody` is given as it is (None: no body)."""

    def one(value: dict[str, Any] | None) -> Doc:
        extra = {} if value is None else {"requestBody": value}
        return operation(**extra)

    return one(old), one(new)


def statuses(old: list[str], new: list[str]) -> tuple[Doc, Doc]:
    def one(codes: list[str]) -> Doc:
        responses = {code: {"description": code} for code in codes}
        return document({"/things": {"post": {"responses": responses}}})

    return one(old), one(new)


def media(where: str, old: list[str], new: list[str]) -> tuple[Doc, Doc]:
    def one(kinds: list[str]) -> Doc:
        content = {kind: {"schema": STRING} for kind in kinds}
        op: dict[str, Any] = {"responses": {"200": {"description": "OK"}}}
        if where == "request":
            op["requestBody"] = {"content": content}
        else:
            op["responses"]["200"]["content"] = content
        return document({"/things": {"post": op}})

    return one(old), one(new)


def schemes(**defined: dict[str, Any]) -> dict[str, Any]:
    return {"components": {"securitySchemes": defined}}


BEARER = {"type": "http", "scheme": "bearer"}
KEY = {"type": "apiKey", "in": "header", "name": "X-Key"}
FORM = "application/x-www-form-urlencoded"


def tagged(*tags: str) -> Schema:
    """An array of objects told apart by `type` (like OpenAI's assistant tools)."""
    members = [obj("type", type={"type": "string", "enum": [tag]}) for tag in tags]
    return obj(tools={"type": "array", "items": {"oneOf": members}})


NULLABLE = {"type": ["string", "null"]}
XY = {"type": "string", "enum": ["x", "y"]}
X = {"type": "string", "enum": ["x"]}
CASES: list[tuple[str, tuple[Doc, Doc], str, str]] = [
    # operations
    ("operation-removed", (operation(), document()), OP, ""),
    ("operation-added", (document(), operation()), OP, ""),
    ("operation-deprecated", (operation(), operation(deprecated=True)), OP, ""),
    # parameters
    ("parameter-removed", params([query("q")], []), OP, "query.q"),
    ("parameter-added", params([], [query("q")]), OP, "query.q"),
    ("parameter-added-required", params([], [query("q", required=True)]), OP, "query.q"),
    ("parameter-became-required", params([query("q")], [query("q", required=True)]), OP, "query.q"),
    ("parameter-became-optional", params([query("q", required=True)], [query("q")]), OP, "query.q"),
    ("parameter-deprecated", params([query("q")], [query("q", deprecated=True)]), OP, "query.q"),
    ("request-type-changed", params([query("n")], [query("n", INTEGER)]), OP, "query.n"),
    # request fields
    ("request-type-widened", request(field(INTEGER), field({"type": "number"})), OP, "request.a"),
    (
        "request-format-changed",
        request(
            field({"type": "string", "format": "date"}),
            field({"type": "string", "format": "date-time"}),
        ),
        OP,
        "request.a",
    ),
    ("request-property-removed", request(obj(a=STRING, b=STRING), obj(a=STRING)), OP, "request.b"),
    ("request-property-added", request(obj(a=STRING), obj(a=STRING, b=STRING)), OP, "request.b"),
    (
        "request-property-added-required",
        request(obj(a=STRING), obj("b", a=STRING, b=STRING)),
        OP,
        "request.b",
    ),
    (
        "request-property-became-required",
        request(obj(a=STRING), obj("a", a=STRING)),
        OP,
        "request.a",
    ),
    (
        "request-property-became-optional",
        request(obj("a", a=STRING), obj(a=STRING)),
        OP,
        "request.a",
    ),
    (
        "request-deprecated",
        request(field(STRING), field({"type": "string", "deprecated": True})),
        OP,
        "request.a",
    ),
    ("request-nullable-removed", request(field(NULLABLE), field(STRING)), OP, "request.a"),
    ("request-nullable-added", request(field(STRING), field(NULLABLE)), OP, "request.a"),
    ("request-enum-value-removed", request(field(XY), field(X)), OP, "request.a"),
    ("request-enum-value-added", request(field(X), field(XY)), OP, "request.a"),
    ("request-enum-added", request(field(STRING), field(X)), OP, "request.a"),
    ("request-enum-removed", request(field(X), field(STRING)), OP, "request.a"),
    (
        "request-constraint-tightened",
        request(
            field({"type": "string", "maxLength": 10}), field({"type": "string", "maxLength": 5})
        ),
        OP,
        "request.a",
    ),
    (
        "request-constraint-added",
        request(field(INTEGER), field({"type": "integer", "minimum": 1})),
        OP,
        "request.a",
    ),
    (
        "request-constraint-loosened",
        request(field({"type": "array", "maxItems": 5}), field({"type": "array", "maxItems": 10})),
        OP,
        "request.a",
    ),
    (
        "request-default-changed",
        request(
            field({"type": "string", "default": "a"}), field({"type": "string", "default": "b"})
        ),
        OP,
        "request.a",
    ),
    (
        "request-default-added",
        request(field(STRING), field({"type": "string", "default": "a"})),
        OP,
        "request.a",
    ),
    (
        "request-variant-removed",
        request(tagged("code", "retrieval"), tagged("code")),
        OP,
        "request.tools[]<retrieval>",
    ),
    (
        "request-variant-added",
        request(tagged("code"), tagged("code", "file_search")),
        OP,
        "request.tools[]<file_search>",
    ),
    # response fields
    ("response-type-changed", response(field(INTEGER), field(STRING)), OP, "response.200.a"),
    (
        "response-type-narrowed",
        response(field({"type": ["string", "integer"]}), field(STRING)),
        OP,
        "response.200.a",
    ),
    (
        "response-format-changed",
        response(
            field({"type": "integer", "format": "int32"}),
            field({"type": "integer", "format": "int64"}),
        ),
        OP,
        "response.200.a",
    ),
    (
        "response-property-removed",
        response(obj(a=STRING, b=STRING), obj(a=STRING)),
        OP,
        "response.200.b",
    ),
    (
        "response-property-added",
        response(obj(a=STRING), obj("b", a=STRING, b=STRING)),
        OP,
        "response.200.b",
    ),
    (
        "response-property-became-optional",
        response(obj("a", a=STRING), obj(a=STRING)),
        OP,
        "response.200.a",
    ),
    (
        "response-property-became-required",
        response(obj(a=STRING), obj("a", a=STRING)),
        OP,
        "response.200.a",
    ),
    (
        "response-deprecated",
        response(field(STRING), field({"type": "string", "deprecated": True})),
        OP,
        "response.200.a",
    ),
    ("response-nullable-added", response(field(STRING), field(NULLABLE)), OP, "response.200.a"),
    ("response-nullable-removed", response(field(NULLABLE), field(STRING)), OP, "response.200.a"),
    ("response-enum-value-added", response(field(X), field(XY)), OP, "response.200.a"),
    ("response-enum-value-removed", response(field(XY), field(X)), OP, "response.200.a"),
    ("response-enum-added", response(field(STRING), field(X)), OP, "response.200.a"),
    ("response-enum-removed", response(field(X), field(STRING)), OP, "response.200.a"),
    (
        "response-constraint-tightened",
        response(field({"type": "number", "maximum": 2}), field({"type": "number", "maximum": 1})),
        OP,
        "response.200.a",
    ),
    (
        "response-constraint-added",
        response(field(STRING), field({"type": "string", "pattern": "^a"})),
        OP,
        "response.200.a",
    ),
    (
        "response-constraint-loosened",
        response(
            field({"type": "string", "minLength": 3}), field({"type": "string", "minLength": 1})
        ),
        OP,
        "response.200.a",
    ),
    (
        "response-default-changed",
        response(
            field({"type": "integer", "default": 1}), field({"type": "integer", "default": 2})
        ),
        OP,
        "response.200.a",
    ),
    (
        "response-variant-added",
        response(tagged("code"), tagged("code", "file_search")),
        OP,
        "response.200.tools[]<file_search>",
    ),
    (
        "response-variant-removed",
        response(tagged("code", "retrieval"), tagged("code")),
        OP,
        "response.200.tools[]<retrieval>",
    ),
    # bodies, media types, statuses
    ("request-body-removed", body({"content": {}}, None), OP, "request"),
    ("request-body-added-required", body(None, {"required": True, "content": {}}), OP, "request"),
    ("request-body-added", body(None, {"content": {}}), OP, "request"),
    (
        "request-body-became-required",
        body({"content": {}}, {"required": True, "content": {}}),
        OP,
        "request",
    ),
    (
        "request-body-became-optional",
        body({"required": True, "content": {}}, {"content": {}}),
        OP,
        "request",
    ),
    (
        "request-media-type-removed",
        media("request", ["application/json", FORM], ["application/json"]),
        OP,
        f"request({FORM})",
    ),
    (
        "request-media-type-added",
        media("request", ["application/json"], ["application/json", FORM]),
        OP,
        f"request({FORM})",
    ),
    (
        "response-media-type-removed",
        media("response", ["application/json", "text/plain"], ["application/json"]),
        OP,
        "response.200(text/plain)",
    ),
    (
        "response-media-type-added",
        media("response", ["application/json"], ["application/json", "text/plain"]),
        OP,
        "response.200(text/plain)",
    ),
    ("response-success-status-removed", statuses(["200", "404"], ["404"]), OP, "response.200"),
    ("response-status-removed", statuses(["200", "404"], ["200"]), OP, "response.404"),
    ("response-status-added", statuses(["200"], ["200", "429"]), OP, "response.429"),
    # the API as a whole
    (
        "server-url-changed",
        top({"servers": [{"url": "https://a/v1"}]}, {"servers": [{"url": "https://b/v1"}]}),
        "",
        "servers",
    ),
    (
        "server-removed",
        top(
            {"servers": [{"url": "https://a"}, {"url": "https://b"}]},
            {"servers": [{"url": "https://a"}]},
        ),
        "",
        "servers",
    ),
    (
        "server-added",
        top(
            {"servers": [{"url": "https://a"}]},
            {"servers": [{"url": "https://a"}, {"url": "https://b"}]},
        ),
        "",
        "servers",
    ),
    (
        "default-header-changed",
        top(
            {"x-default-headers": {"OpenAI-Beta": "assistants=v1"}},
            {"x-default-headers": {"OpenAI-Beta": "assistants=v2"}},
        ),
        "",
        "x-default-headers.OpenAI-Beta",
    ),
    (
        "default-header-added",
        top({}, {"x-default-headers": {"OpenAI-Beta": "assistants=v2"}}),
        "",
        "x-default-headers.OpenAI-Beta",
    ),
    (
        "default-header-removed",
        top({"x-default-headers": {"OpenAI-Beta": "assistants=v1"}}, {}),
        "",
        "x-default-headers.OpenAI-Beta",
    ),
    (
        "auth-scheme-changed",
        top(schemes(auth=KEY), schemes(auth=BEARER)),
        "",
        "securitySchemes.auth",
    ),
    (
        "auth-scheme-removed",
        top(schemes(bearer=BEARER, key=KEY), schemes(bearer=BEARER)),
        "",
        "securitySchemes.key",
    ),
    (
        "auth-scheme-added",
        top(schemes(bearer=BEARER), schemes(bearer=BEARER, key=KEY)),
        "",
        "securitySchemes.key",
    ),
    (
        "auth-requirement-changed",
        top(
            {**schemes(bearer=BEARER, key=KEY), "security": [{"bearer": []}]},
            {**schemes(bearer=BEARER, key=KEY), "security": [{"key": []}]},
        ),
        "",
        "security",
    ),
    (
        "auth-requirement-removed",
        top(
            {**schemes(bearer=BEARER, key=KEY), "security": [{"bearer": []}, {"key": []}]},
            {**schemes(bearer=BEARER, key=KEY), "security": [{"bearer": []}]},
        ),
        "",
        "security",
    ),
    (
        "auth-requirement-added",
        top(
            {**schemes(bearer=BEARER, key=KEY), "security": [{"bearer": []}]},
            {**schemes(bearer=BEARER, key=KEY), "security": [{"bearer": []}, {"key": []}]},
        ),
        "",
        "security",
    ),
]


@pytest.mark.parametrize(("rule", "pair", "operation", "path"), CASES, ids=[c[0] for c in CASES])
def test_rule_fires_alone(rule: str, pair: tuple[Doc, Doc], operation: str, path: str) -> None:
    report = diff_documents(*pair)
    found = [(c.id, c.severity, c.operation, c.path) for c in report.changes]
    assert found == [(rule, RULES[rule].severity, operation, path)]


def test_every_rule_has_a_case() -> None:
    assert sorted({case[0] for case in CASES}) == sorted(RULES)


@pytest.mark.parametrize(
    ("old", "new", "rule"),
    [
        ({"maximum": 10}, {"maximum": 5}, "request-constraint-tightened"),
        ({"minimum": 1}, {"minimum": 0}, "request-constraint-loosened"),
        ({"minItems": 1}, {"minItems": 2}, "request-constraint-tightened"),
        ({"maxItems": 20}, {}, "request-constraint-loosened"),
        ({"pattern": "^a"}, {"pattern": "^b"}, "request-constraint-tightened"),
        ({}, {"uniqueItems": True}, "request-constraint-added"),
        ({"multipleOf": 2}, {"multipleOf": 1}, "request-constraint-loosened"),
        ({"exclusiveMaximum": 3}, {"exclusiveMaximum": 2}, "request-constraint-tightened"),
    ],
)
def test_constraint_direction(old: Schema, new: Schema, rule: str) -> None:
    report = diff_documents(
        *request(field({"type": "number", **old}), field({"type": "number", **new}))
    )
    assert [c.id for c in report.changes] == [rule]
    change = report.changes[0]
    assert (change.old, change.new) == (old or None, new or None)


def test_change_carries_old_and_new_values_and_message() -> None:
    report = diff_documents(*request(field(XY), field(X)))
    change = report.changes[0]
    assert (change.old, change.new) == ("y", None)
    assert "y" in change.message


def test_operation_level_security_is_compared_per_operation() -> None:
    old = operation(top=schemes(bearer=BEARER, key=KEY), security=[{"bearer": []}])
    new = operation(top=schemes(bearer=BEARER, key=KEY), security=[{"key": []}])
    report = diff_documents(old, new)
    assert [(c.id, c.operation, c.old, c.new) for c in report.changes] == [
        ("auth-requirement-changed", OP, "bearer", "key")
    ]


def test_anonymous_access_withdrawn_is_breaking() -> None:
    old = operation(top=schemes(bearer=BEARER), security=[])
    new = operation(top=schemes(bearer=BEARER), security=[{"bearer": []}])
    assert [c.id for c in diff_documents(old, new).changes] == ["auth-requirement-changed"]


def test_type_change_hides_the_details_below_it() -> None:
    old = field({"type": "string", "maxLength": 3, "enum": ["abc"]})
    new = field({"type": "object", "properties": {"x": STRING}})
    assert [c.id for c in diff_documents(*response(old, new)).changes] == ["response-type-changed"]


def test_nested_paths_name_array_items_and_map_values() -> None:
    old = obj(
        data={
            "type": "array",
            "items": obj(meta={"type": "object", "additionalProperties": STRING}),
        }
    )
    new = obj(
        data={
            "type": "array",
            "items": obj(meta={"type": "object", "additionalProperties": INTEGER}),
        }
    )
    assert [c.path for c in diff_documents(*response(old, new)).changes] == [
        "response.200.data[].meta{}"
    ]


def test_find_breaking_changes_takes_new_then_old_like_openai_python() -> None:
    old, new = request(obj(a=STRING, b=STRING), obj(a=STRING, c=STRING))
    assert [c.path for c in find_breaking_changes(new, old)] == ["request.b"]
    assert list(find_breaking_changes(new, old, path=["/elsewhere"])) == []
