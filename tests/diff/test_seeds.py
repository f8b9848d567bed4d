"""The seed APIs, v1 pages -> v2 pages: what the diff must report, and nothing breaking more.

Every breaking change below was checked against the pages themselves (the v1 Apifox pages
in input/openai-assistants-v1, the v2 Bump.sh/Mintlify pages in input/openai-assistants-v2);
the comment says what each side shows.
"""

from __future__ import annotations

from functools import cache

from generator.diff import DiffReport, diff_documents, load_input
from tests.conftest import ROOT

V1, V2 = ROOT / "input" / "openai-assistants-v1", ROOT / "input" / "openai-assistants-v2"
OPS = ("GET /assistants", "POST /assistants", "GET /assistants/{assistant_id}")


@cache
def report() -> DiffReport:
    old, new = load_input(V1, base=ROOT), load_input(V2, base=ROOT)
    return diff_documents(old.document, new.document, old_label="v1", new_label="v2")


def found(severity: str) -> set[tuple[str, str, str]]:
    return {(c.id, c.operation, c.path) for c in report().changes if c.severity.value == severity}


def assistant(prefix: str) -> set[tuple[str, str]]:
    """Breaking changes of the assistant object, as all three operations return it."""
    return {
        # v1 "file_ids array[string] required"; v2 lists no file_ids (tool_resources instead)
        ("response-property-removed", f"{prefix}file_ids"),
        # v1 "metadata object required"; v2 "metadata object | null Required"
        ("response-nullable-added", f"{prefix}metadata"),
        # v1 "temperature integer required" / "top_p integer required" (Apifox); v2
        # "temperature number | null", "top_p number | null", not required
        *(
            (rule, f"{prefix}{name}")
            for name in ("temperature", "top_p")
            for rule in (
                "response-type-changed",
                "response-nullable-added",
                "response-property-became-optional",
            )
        ),
        # v1 "response_format string required"; v2 "response_format string | null | object"
        ("response-nullable-added", f"{prefix}response_format"),
        ("response-property-became-optional", f"{prefix}response_format"),
        # v1 "tools array[string]"; v2 tools are objects (`{"type": "code_interpreter"}`)
        ("response-type-changed", f"{prefix}tools[]"),
    }


def test_breaking_changes_are_exactly_those_the_pages_show() -> None:
    prefixes = {OPS[0]: "response.200.data[].", OPS[1]: "response.200.", OPS[2]: "response.200."}
    expected = {
        # v1 curl and header table: `OpenAI-Beta: assistants=v1`; v2: `assistants=v2`
        ("default-header-changed", "", "x-default-headers.OpenAI-Beta"),
        # v1 "limit string required Example: 20"; v2 "limit integer ... between 1 and 100"
        ("request-type-changed", "GET /assistants", "query.limit"),
        *((rule, op, path) for op, prefix in prefixes.items() for rule, path in assistant(prefix)),
    }
    assert found("breaking") == expected


def test_what_v2_adds_is_reported_as_not_breaking() -> None:
    info = found("info")
    for op, prefix in (
        (OPS[0], "response.200.data[]."),
        (OPS[1], "response.200."),
        (OPS[2], "response.200."),
    ):
        assert ("response-property-added", op, f"{prefix}tool_resources") in info
    assert ("request-property-added", "POST /assistants", "request.tool_resources") in info
    assert ("parameter-added", "GET /assistants", "query.after") in info
    assert ("parameter-added", "GET /assistants", "query.before") in info
    assert ("parameter-became-optional", "GET /assistants", "query.limit") in info
    assert ("request-property-became-optional", "POST /assistants", "request.instructions") in info
    assert ("request-nullable-added", "POST /assistants", "request.name") in info
    assert ("response-constraint-added", "GET /assistants", "response.200.data[].name") in info
    warnings = found("warning")
    assert ("request-enum-added", "GET /assistants", "query.order") in warnings
    assert ("request-constraint-added", "POST /assistants", "request.name") in warnings


def test_changes_name_the_pages_they_come_from() -> None:
    removed = next(c for c in report().changes if c.path == "response.200.data[].file_ids")
    assert removed.old_source == "input/openai-assistants-v1/000_9ec4c17cb5408141.txt:54-227"
    assert removed.new_source == "input/openai-assistants-v2/001_9f445b77d545d010.txt:3-180"
    limit = next(c for c in report().changes if c.path == "query.limit")
    assert limit.old_source is not None and limit.old_source.startswith(str(V1.relative_to(ROOT)))


def test_the_description_typed_null_in_v1_is_no_type_change() -> None:
    """v1 shows `description null` (only ever null in its examples): its type is unknown,
    so v2's `string | null` changes nothing but the bound v2 states."""
    rules = {c.id for c in report().changes if c.path.endswith("200.data[].description")}
    assert rules == {"response-constraint-added"}
