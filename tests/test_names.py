"""Names a user can guess: where operations sit (`client.x.y.method`), what they are called,
and that every path placeholder is an argument."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator.openapi.yaml_io import load_spec_file
from generator.render import generate
from generator.render.build_view import build_view
from generator.render.models import class_names, generated_source
from generator.render.names import class_name
from generator.render.spec import prepare
from generator.render.view import Method, SdkView

OBJECT = {"type": "object", "properties": {"id": {"type": "string"}}}
PAGE = {"type": "object", "properties": {"data": {"type": "array", "items": OBJECT}}}


def _op(op_id: str = "", *, returns: dict[str, Any] | None = None, **extra: Any) -> dict[str, Any]:
    content = {"application/json": {"schema": returns or OBJECT}}
    op: dict[str, Any] = {"responses": {"200": {"description": "ok", "content": content}}}
    return op | ({"operationId": op_id} if op_id else {}) | extra


def _spec(paths: dict[str, Any]) -> dict[str, Any]:
    return {"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": paths}


def _view(paths: dict[str, Any]) -> SdkView:
    doc = prepare(_spec(paths))
    return build_view(doc, package="t", models=set(doc["components"]["schemas"]))


def _methods(view: SdkView) -> dict[str, Method]:
    """`access.method` -> method, for every method of the SDK."""
    return {f"{r.access}.{m.name}": m for r in view.all_resources for m in r.methods}


def _unfilled(view: SdkView) -> list[str]:
    return [
        f"{name} {m.path}"
        for name, m in _methods(view).items()
        if set(re.findall(r"\{([^{}]+)\}", m.path)) - {p.wire for p in m.path_params}
    ]


def test_every_placeholder_is_a_positional_argument() -> None:
    declared = {"name": "thing_id", "in": "path", "required": True, "schema": {"type": "string"}}
    view = _view(
        {
            "/things/{thing_id}.{ext}": {"get": _op(parameters=[declared])},
            "/things/{thing_id}/parts/{part_id}": {"parameters": [declared], "get": _op()},
            "/things/{thing_id}?beta=true": {"delete": _op()},
            "/v/{a}-{b}/x": {"post": _op()},
        }
    )
    assert not _unfilled(view)
    methods = _methods(view)
    assert [p.name for p in methods["things.retrieve"].path_params] == ["thing_id", "ext"]
    assert [p.name for p in methods["beta.things.delete"].path_params] == ["thing_id"]
    assert [p.name for p in methods["v.x"].path_params] == ["a", "b"]  # an action of `v`


def test_path_level_parameters_describe_the_operations() -> None:
    shared = {"name": "part_id", "in": "path", "required": True, "description": "The part."}
    query = {"name": "full", "in": "query", "schema": {"type": "boolean"}}
    view = _view({"/parts/{part_id}": {"parameters": [shared, query], "get": _op()}})
    method = _methods(view)["parts.retrieve"]
    assert [(p.name, p.location) for p in method.params] == [
        ("part_id", "path"),
        ("full", "query"),
    ]
    assert method.params[0].description == "The part."


def test_rest_verbs_actions_and_sub_resources_follow_the_path() -> None:
    view = _view(
        {
            "/chat/completions": {"get": _op(returns=PAGE), "post": _op()},
            "/chat/completions/{id}": {"get": _op(), "post": _op(), "delete": _op()},
            "/threads/{t}/runs/{r}/steps": {"get": _op(returns=PAGE)},
            "/threads/{t}/runs/{r}/cancel": {"post": _op()},
            "/files/{file_id}/content": {"get": _op()},
            "/certificates": {"get": _op(returns=PAGE)},
            "/certificates/activate": {"post": _op()},
            "/audio/speech": {"post": _op()},
        }
    )
    assert sorted(_methods(view)) == [
        "audio.speech.create",
        "certificates.activate",
        "certificates.list",
        "chat.completions.create",
        "chat.completions.delete",
        "chat.completions.list",
        "chat.completions.retrieve",
        "chat.completions.update",
        "files.content",
        "threads.runs.cancel",
        "threads.runs.steps.list",
    ]


def test_a_collection_that_is_one_object_is_retrieved_and_updated() -> None:
    view = _view(
        {
            "/settings": {"get": _op(), "post": _op(), "delete": _op()},
            "/things": {"get": _op(returns={"type": "array", "items": OBJECT}), "post": _op()},
            "/jobs": {"get": _op(), "post": _op()},
            "/jobs/{job_id}": {"get": _op()},
        }
    )
    assert sorted(_methods(view)) == [
        "jobs.create",
        "jobs.list",
        "jobs.retrieve",
        "settings.delete",
        "settings.retrieve",
        "settings.update",
        "things.create",
        "things.list",
    ]


def test_a_write_to_an_item_takes_the_action_its_operation_id_names() -> None:
    view = _view(
        {
            "/evals/{e}/runs/{r}": {"post": _op("cancelEvalRun")},
            "/evals/{e}": {"post": _op("modifyEval")},
            "/skills/{s}": {"post": _op("UpdateSkillDefaultVersion")},
        }
    )
    assert sorted(_methods(view)) == ["evals.runs.cancel", "evals.update", "skills.update"]


def test_a_fixed_query_is_a_namespace_of_the_same_resources() -> None:
    view = _view(
        {
            "/responses": {"post": _op("createResponse")},
            "/responses/{id}": {"get": _op("getResponse")},
            "/responses?beta=true": {"post": _op("beta_createResponse")},
            "/responses/{id}?beta=true": {"get": _op("beta_getResponse")},
            "/responses/compact?v=2": {"post": _op()},
        }
    )
    assert sorted(_methods(view)) == [
        "beta.responses.create",
        "beta.responses.retrieve",
        "responses.create",
        "responses.retrieve",
        "v_2.responses.compact",
    ]
    assert _methods(view)["beta.responses.retrieve"].path == "/responses/{id}?beta=true"


def test_operations_sharing_a_name_are_told_apart_by_their_operation_ids() -> None:
    view = _view(
        {
            "/threads/runs": {"post": _op("createThreadAndRun")},
            "/threads/{t}/runs": {"post": _op("createRun")},
            "/a/{x}/items": {"get": _op("listItemsOfA", returns=PAGE)},
            "/a/items": {"get": _op("listItems", returns=PAGE)},
            "/b/{x}/cs": {"post": _op()},
            "/b/cs": {"post": _op()},
        }
    )
    names = sorted(_methods(view))
    assert names == [
        "a.items.list",
        "a.items.list_items_of_a",
        "b.cs.create",
        "b.cs.create_2",  # no operationIds: nothing else tells them apart
        "threads.runs.create",
        "threads.runs.create_thread_and_run",
    ]
    assert _methods(view)["threads.runs.create"].path == "/threads/{t}/runs"


def test_resource_classes_are_named_by_where_they_sit_never_numbered() -> None:
    view = _view(
        {
            "/vector_stores/{v}/files": {"get": _op(returns=PAGE)},
            "/files": {"get": _op(returns=PAGE)},
            "/organization/projects": {"get": _op(returns=PAGE)},
            "/projects": {"get": _op(returns=PAGE)},
            "/x/files": {"get": _op(returns=PAGE)},
        }
    )
    classes = {r.access: r.class_name for r in view.all_resources}
    assert classes == {
        "files": "Files",
        "organization": "Organization",
        "organization.projects": "OrganizationProjects",
        "projects": "Projects",
        "vector_stores": "VectorStores",
        "vector_stores.files": "VectorStoresFiles",
        "x": "X",
        "x.files": "XFiles",
    }


def test_a_namespace_variant_calls_the_path_with_its_query(tmp_path: Path) -> None:
    declared = {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
    spec = _spec(
        {
            "/responses/{id}?beta=true": {
                "get": _op("beta_getResponse", parameters=[declared])
                | {"parameters": [declared, {"name": "n", "in": "query"}]}
            },
            "/files/{file_id}.{format}": {"get": _op()},
        }
    )
    spec["servers"] = [{"url": "https://api.test/v1"}]
    for path, text in generate(spec, package="variant").items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text)
    probe = (
        "import httpx, variant\n"
        "seen = []\n"
        "def answer(request):\n"
        "    seen.append(str(request.url))\n"
        "    return httpx.Response(200, json={'id': 'x'})\n"
        "c = variant.Client(http_client=httpx.Client(transport=httpx.MockTransport(answer)))\n"
        "c.beta.responses.retrieve('r/1', n='2')\n"
        "c.files.retrieve('f', 'json')\n"
        "print(seen)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == str(
        ["https://api.test/v1/responses/r%2F1?beta=true&n=2", "https://api.test/v1/files/f.json"]
    )


@pytest.fixture(scope="module")
def full_spec(shared: Path) -> dict[str, Any]:
    return load_spec_file(shared / "reference" / "openai-openapi.latest.yaml")


@pytest.fixture(scope="module")
def full_view(full_spec: dict[str, Any]) -> SdkView:
    doc = prepare(full_spec)
    return build_view(doc, package="openai_full", models=set(doc["components"]["schemas"]))


def test_full_spec_fills_every_placeholder(full_view: SdkView) -> None:
    methods = _methods(full_view)
    assert len(methods) > 250
    assert not _unfilled(full_view)


def test_full_spec_has_no_numbered_resources_or_methods(full_view: SdkView) -> None:
    numbered = re.compile(r"_\d+$")
    resources = [r for r in full_view.all_resources if numbered.search(r.class_name)]
    assert not resources
    assert not [name for name in _methods(full_view) if numbered.search(name)]
    assert len({r.class_name for r in full_view.all_resources}) == len(full_view.all_resources)


def test_full_spec_names_follow_openai_python(full_view: SdkView) -> None:
    """Where the spec says what openai-python's names were made from (spot checks of
    openai-python 3.3.1's `resources/`; names it took from elsewhere differ)."""
    methods = _methods(full_view)
    for name in (
        "chat.completions.create",
        "chat.completions.messages.list",
        "threads.runs.steps.list",
        "threads.runs.submit_tool_outputs",
        "files.content",
        "vector_stores.files.content",
        "responses.compact",
        "responses.input_items.list",
        "beta.responses.retrieve",
        "beta.responses.cancel",
        "evals.runs.cancel",
        "organization.certificates.activate",
        "organization.data_retention.update",
        "organization.projects.spend_limit.retrieve",
        "fine_tuning.jobs.cancel",
        "uploads.parts.create",
    ):
        assert name in methods, name


def _model_classes(schemas: dict[str, Any]) -> list[str]:
    doc = prepare(_spec({}) | {"components": {"schemas": schemas}})
    source = generated_source(doc["components"]["schemas"], package="pkg").source
    return sorted(class_names(source))


def _event(value: str, tag: str = "type") -> dict[str, Any]:
    return {"type": "object", "properties": {tag: {"type": "string", "enum": [value]}}}


def test_union_members_are_named_by_title_or_by_where_they_sit_and_their_tag() -> None:
    titled = {"title": "Audio delta", **_event("audio.delta")}
    classes = _model_classes(
        {
            "Event": {"anyOf": [titled, _event("audio.done")]},
            "Stream": {"oneOf": [_event("run.created", "event"), _event("run.failed", "event")]},
        }
    )
    assert classes == [
        "AudioDelta",
        "Event",
        "EventAudioDone",
        "Stream",
        "StreamRunCreated",
        "StreamRunFailed",
    ]


def test_members_equal_to_a_named_schema_are_that_schema() -> None:
    done = _event("done")
    classes = _model_classes(
        {"Done": done, "Event": {"oneOf": [dict(done), _event("delta")]}, "Other": {}}
    )
    assert classes == ["Done", "Event", "EventDelta", "Other"]


def test_an_extended_union_is_one_named_member_per_base() -> None:
    ref = {"$ref": "#/components/schemas/A"}
    extra = {"type": "object", "properties": {"stream_id": {"type": "string"}}}
    union = {"anyOf": [ref, {"$ref": "#/components/schemas/B"}]}
    classes = _model_classes({"A": _event("a"), "B": _event("b"), "Ws": {"allOf": [union, extra]}})
    assert classes == ["A", "B", "Ws", "WsA", "WsB"]


def test_members_that_say_nothing_of_what_they_are_stay_numbered() -> None:
    a = {"type": "object", "properties": {"x": {"type": "string"}}}
    b = {"type": "object", "properties": {"y": {"type": "integer"}}}
    assert _model_classes({"U": {"oneOf": [a, b]}}) == ["U", "UU", "UU1"]


def test_full_spec_numbers_only_the_names_the_spec_numbers(
    full_spec: dict[str, Any], full_view: SdkView
) -> None:
    """A component named with a number is the spec's own (`Error-2` beside `Error`)."""
    numbered = {m for m in full_view.models if re.search(r"[a-z]\d+$", m)}
    own = {class_name(n) for n in full_spec["components"]["schemas"] if re.search(r"\d$", n)}
    assert numbered <= own
    assert len(full_view.models) > len(full_spec["components"]["schemas"])  # members named
