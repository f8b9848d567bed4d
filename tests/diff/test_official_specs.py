"""Official OpenAI specs, assistants-v1 -> v2-first, `/assistants` and `/threads` only,
against what openapi-diff (npm, 0.24.1) reported on the same pair.

`data/openapi-diff.assistants-v1.v2-first.json` keeps openapi-diff's findings (how it was run
is written there: per path, then per operation and side where it did not finish). It judges
a whole body at a time, comparing the sets of values the old and new schemas accept; we
judge field by field. So agreement is checked per operation and side (the request body, the
responses of one status, the operation itself):

- every breaking finding of openapi-diff is a place where we report a breaking change;
- every place where we report a breaking change and openapi-diff does not is in `EXPLAINED`,
  with the reason;
- where openapi-diff reports only non-breaking differences, we report changes too, and none
  of them breaking.

Inside one body we say more than it can: its schema engine renders `oneOf` members as
`items: false` (see its `differenceSchema`), so the `retrieval` tool that v2 dropped from
`tools[]` shows only in ours (`request-variant-removed request.tools[]<retrieval>`).
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest

from generator.diff import DiffReport, diff_documents, load_input

DATA = Path(__file__).parent / "data" / "openapi-diff.assistants-v1.v2-first.json"
LOCATION = re.compile(r"^paths\.(/[^.]*)(?:\.(\w+)\.(requestBody|responses\.(\w+))\b.*)?$")

EXPLAINED = {
    # CreateThreadAndRunRequest, in both versions, requires `thread_id`, which it does not
    # define, and allows no other property (`additionalProperties: false`): no body is
    # valid, so openapi-diff, comparing the sets of valid bodies, sees no change. The fields
    # changed all the same: thread.messages[].file_ids and the `retrieval` tool and tool
    # choice are gone.
    ("POST /threads/runs", "request"),
    # CreateRunRequest: the same `thread_id` requirement, the same empty set of valid
    # bodies; additional_messages[].file_ids and the `retrieval` tool and tool choice are gone.
    ("POST /threads/{thread_id}/runs", "request"),
}


@pytest.fixture(scope="module")
def report(shared: Path) -> DiffReport:
    return _report(shared)


@cache
def _report(shared: Path) -> DiffReport:
    old = load_input(shared / "reference" / "openai-openapi.assistants-v1.yaml")
    new = load_input(shared / "reference" / "openai-openapi.assistants-v2-first.yaml")
    return diff_documents(old.document, new.document, paths=["/assistants", "/threads"])


def anchor() -> dict[str, set[tuple[str, str]]]:
    """openapi-diff's findings as (operation, side) places, by type."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    places: dict[str, set[tuple[str, str]]] = {"breaking": set(), "non-breaking": set()}
    for finding in data["findings"]:
        match = LOCATION.match(finding["location"])
        assert match, finding
        path, method, part, status = match.groups()
        if method is None:  # path.remove: every operation under it
            places[finding["type"]].add((f"* {path}", ""))
        else:
            side = "request" if part == "requestBody" else f"response.{status}"
            places[finding["type"]].add((f"{method.upper()} {path}", side))
    return places


def side(path: str) -> str:
    if path.startswith("request"):
        return "request"
    if path.startswith("response."):
        return ".".join(path.split(".")[:2]).split("(")[0]
    return ""


def ours(report: DiffReport, breaking: bool) -> set[tuple[str, str]]:
    return {
        (c.operation, side(c.path))
        for c in report.changes
        if (c.severity.value == "breaking") == breaking
    }


def covers(place: tuple[str, str], found: set[tuple[str, str]]) -> bool:
    operation = place[0]
    if operation.startswith("* "):  # a removed path: its operations removed
        return any(op.split(" ", 1)[1] == operation[2:] and not s for op, s in found)
    return place in found


def test_every_breaking_change_of_openapi_diff_is_found(report: DiffReport) -> None:
    breaking = ours(report, breaking=True)
    missed = [place for place in sorted(anchor()["breaking"]) if not covers(place, breaking)]
    assert missed == []


def test_each_breaking_change_openapi_diff_does_not_report_is_explained(
    report: DiffReport,
) -> None:
    theirs = anchor()["breaking"]
    removed_paths = {op[2:] for op, _ in theirs if op.startswith("* ")}
    extra = {
        (op, where)
        for op, where in ours(report, breaking=True)
        if (op, where) not in theirs and not (where == "" and op.split(" ", 1)[1] in removed_paths)
    }
    assert extra == EXPLAINED


def test_where_openapi_diff_sees_no_break_we_see_changes_but_no_break(report: DiffReport) -> None:
    theirs = anchor()
    only_compatible = theirs["non-breaking"] - theirs["breaking"]
    assert only_compatible == {
        ("GET /threads/{thread_id}", "response.200"),
        ("POST /threads", "response.200"),
        ("POST /threads/{thread_id}", "request"),
        ("POST /threads/{thread_id}", "response.200"),
    }
    breaking, other = ours(report, breaking=True), ours(report, breaking=False)
    for place in only_compatible:
        assert place in other and place not in breaking, place


def test_counts(report: DiffReport) -> None:
    """33 breaking: 6 operations removed with the `files` paths, `file_ids` gone from the
    assistant, message and run objects and requests, the `retrieval` tool and tool choice."""
    assert report.counts == {"breaking": 33, "warning": 20, "info": 59}
    assert sum(c.id == "operation-removed" for c in report.changes) == 6
    assert len(anchor()["breaking"]) == 23
