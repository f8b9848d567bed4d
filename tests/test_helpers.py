"""The shared parsing helpers, one fact shape at a time."""

from __future__ import annotations

import pytest

from generator.model import Line
from generator.normalize.naming import operation_id
from generator.normalize.paths import split_target, template_path
from generator.scrape.jsonish import parse_jsonish
from generator.scrape.prose import prose_facts
from generator.scrape.samples import find_curls, find_json_blocks
from generator.scrape.types import parse_type
from generator.scrape.unglue import unglue


@pytest.mark.parametrize(
    ("text", "schema"),
    [
        ("string", {"type": "string"}),
        ("string | null", {"type": ["string", "null"]}),
        ("null", {"type": "null"}),
        ("array[string]", {"type": "array", "items": {"type": "string"}}),
        ("array [object {13}]", {"type": "array", "items": {"type": "object"}}),
        ("object[]", {"type": "array", "items": {"type": "object"}}),
        ("enum<string>", {"type": "string"}),
        ("integer<int64>", {"type": "integer", "format": "int64"}),
        ("string(date-time)", {"type": "string", "format": "date-time"}),
        ("array<string>", {"type": "array", "items": {"type": "string"}}),
    ],
)
def test_type_expressions(text: str, schema: dict[str, object]) -> None:
    parsed = parse_type(text)
    assert parsed is not None
    assert parsed.to_schema() == schema


@pytest.mark.parametrize("text", ["The name of it", "OK", "Represents an assistant", "text"])
def test_prose_is_not_a_type(text: str) -> None:
    assert parse_type(text) is None


def test_apifox_child_counts() -> None:
    assert parse_type("array [object {13}]").nested_count == 13  # type: ignore[union-attr]
    assert parse_type("object {2}").nested_count == 2  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "json_type", "facts"),
    [
        ("Default value is 20.", "integer", {"default": 20}),
        (
            "Values are asc or desc. Default value is desc.",
            "string",
            {"enum": ["asc", "desc"], "default": "desc"},
        ),
        ("Minimum value is 0, maximum value is 2.", "number", {"minimum": 0, "maximum": 2}),
        ("Maximum length is 256.", "string", {"maxLength": 256}),
        ("Not more than 128 elements.", "array", {"maxItems": 128}),
        ("Limit can range between 1 and 100.", "integer", {"minimum": 1, "maximum": 100}),
        ("Required range: 0 <= x <= 2", "number", {"minimum": 0, "maximum": 2}),
        ("Available options: asc, desc", "string", {"enum": ["asc", "desc"]}),
        (
            "Keys are strings with a maximum length of 64 characters. Values are strings with a "
            "maximum length of 512 characters.",
            "object",
            {},
        ),
        ("auto is the default value", "string", {"default": "auto"}),
    ],
)
def test_prose_facts(text: str, json_type: str, facts: dict[str, object]) -> None:
    assert prose_facts(text, json_type) == facts


@pytest.mark.parametrize(
    ("target", "server", "path"),
    [
        ("https://api.openai.com/v1/assistants", "https://api.openai.com/v1", "/assistants"),
        (
            "https://api.openai.com/v1/threads/thread_abc123/runs/{run_id }",
            "https://api.openai.com/v1",
            "/threads/{thread_id}/runs/{run_id}",
        ),
        (
            "/threads/:thread_id/messages/msg_abc123",
            None,
            "/threads/{thread_id}/messages/{message_id}",
        ),
        (
            "/vector_stores/vs_abc123/file_batches/vsfb_123",
            None,
            "/vector_stores/{vector_store_id}/file_batches/{file_batch_id}",
        ),
    ],
)
def test_targets_are_templated(target: str, server: str | None, path: str) -> None:
    assert split_target(target) == (server, path)


def test_known_path_gives_the_server() -> None:
    url = "https://api.portkey.ai/v1/assistants/{assistant_id}"
    assert split_target(url, "/assistants/{assistant_id}")[0] == "https://api.portkey.ai/v1"
    assert template_path("/assistants/asst_abc123") == "/assistants/{assistant_id}"


@pytest.mark.parametrize(
    ("method", "path", "expected"),
    [
        ("GET", "/assistants", "listAssistants"),
        ("POST", "/assistants", "createAssistant"),
        ("GET", "/assistants/{assistant_id}", "getAssistant"),
        ("POST", "/assistants/{assistant_id}", "modifyAssistant"),
        ("DELETE", "/assistants/{assistant_id}", "deleteAssistant"),
        ("GET", "/threads/{thread_id}/messages", "listMessages"),
        ("POST", "/threads/{thread_id}/runs/{run_id}/cancel", "cancelRun"),
    ],
)
def test_operation_ids(method: str, path: str, expected: str) -> None:
    assert operation_id(method, path) == expected


def lines(text: str) -> list[Line]:
    return [Line(i, t) for i, t in enumerate(text.splitlines(), start=1)]


def test_curl_with_multiline_data() -> None:
    (curl,) = find_curls(
        lines(
            "curl --location --request POST 'https://api.x.com/v1/a' \\\n"
            "--header 'Authorization: Bearer $KEY' \\\n"
            '--data-raw \'{\n"name": "x",\n}\'\nResponses'
        )
    )
    assert (curl.method, curl.url) == ("POST", "https://api.x.com/v1/a")
    assert curl.headers == {"Authorization": "Bearer $KEY"}
    assert curl.data == {"name": "x"}


def test_json_blocks_survive_render_damage() -> None:
    (block,) = find_json_blocks(lines('Example\n{\n"a": [1, 2,],\n"b": {"c": null}\n}curl x'))
    assert block.value == {"a": [1, 2], "b": {"c": None}}
    assert (block.start, block.end) == (2, 5)
    assert parse_jsonish('{"a": 1, // note\n"b": "x//y"}') == {"a": 1, "b": "x//y"}


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("thread_idstringRequired", ["thread_id", "string", "Required"]),
        ("modelrequired string", ["model", "string", "required"]),
        ("thread_id string required", ["thread_id", "string", "required"]),
        ("headerrequired", ["header", "required"]),
        ("requiredThe ID of the thread.", ["required", "The ID of the thread."]),
        ("The string to search", ["The string to search"]),
    ],
)
def test_unglue(text: str, parts: list[str]) -> None:
    assert [line.text for line in unglue(lines(text + "\nA description."))][:-1] == parts
