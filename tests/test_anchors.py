"""Operation anchors in the shapes real pages write them (pages written here, in those shapes)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.api import scrape
from generator.scrape.header import glued_target

BODY = """Body Params application/json
name
string
required
"""


def _operation(tmp_path: Path, text: str, name: str = "page.txt") -> tuple[str, str]:
    page = tmp_path / name
    page.write_text(text, encoding="utf-8")
    paths = scrape([page], base=tmp_path).document.get("paths") or {}
    assert len(paths) == 1, paths
    path, item = next(iter(paths.items()))
    methods = [m for m in item if m in ("get", "post", "put", "patch", "delete", "head")]
    return methods[0].upper(), path


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/orders/cancel订单取消", "/orders/cancel"),
        ("v2/geo/lookup更新时间: 1 天前", "/v2/geo/lookup"),
        ("/v1/boxes/{box_id}Authorization", "/v1/boxes/{box_id}"),
        ("/v1/boxesCreates a box for the caller.", "/v1/boxes"),
        ("/v1/boxes/getBoxInfoReturns the box.", "/v1/boxes/getBoxInfo"),
        ("/orders/CreateOrder", None),  # alone on its line: a path, not glued
        ("/users/getUser Returns a user.", None),  # a path, then a sentence of its own
        ("Create a box", None),
        ("see the/other page", None),
    ],
)
def test_a_path_glued_to_the_text_after_it_is_cut_there(text: str, expected: str | None) -> None:
    assert glued_target(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cancel\n处理中POST\n/orders/cancel请求参数\n" + BODY, ("POST", "/orders/cancel")),
        ('<mark style="color:blue;">PUT</mark>\nv1/boxes\n' + BODY, ("PUT", "/v1/boxes")),
        ("List logs\nGET\nhttps://api.example.test\n/v1/logs\n", ("GET", "/logs")),  # v1: server
        ("POST {{baseUrl}}/v1/tokens\n" + BODY, ("POST", "/v1/tokens")),
        ("Sample\nGET /boxes/{id | name} HTTP/1.1\n", ("GET", "/boxes/{id}")),
        ("Sample\nGET /boxes/{box_id}¶\n", ("GET", "/boxes/{box_id}")),
        ("Path: /v1/boxes/batch\nMethod: POST\n" + BODY, ("POST", "/v1/boxes/batch")),
        (
            "请求地址\n  • http://api.example.test/box/add\n请求方式\n  • GET/POST\n",
            ("POST", "/box/add"),
        ),
        (
            "基本信息\n请求方式: DELETE\n请求路径:\nhttps://api.example.test/box/9\n",
            ("DELETE", "/box/{box_id}"),
        ),
        ("Send\nhttp://{host}/sendBox\nheaders\nPOST\n" + BODY, ("POST", "/sendBox")),
        ("{域名}/api/box/label\n说明\nPOST\n" + BODY, ("POST", "/api/box/label")),
    ],
)
def test_the_operation_is_found_in_every_shape(
    tmp_path: Path, text: str, expected: tuple[str, str]
) -> None:
    assert _operation(tmp_path, text) == expected


def test_uri_parameters_go_to_the_path_or_the_query_by_the_request_line(tmp_path: Path) -> None:
    text = (
        "GetBox\nRequest Syntax\nGET /2020-01-01/boxes/BoxName?Version=Version HTTP/1.1\n"
        "URI Request Parameters\nThe request uses these URI parameters.\nBoxName\n"
        "The name of the box.\nVersion\nA version of the box.\nRequest Body\nNone.\n"
    )
    page = tmp_path / "box.txt"
    page.write_text(text, encoding="utf-8")
    operation = scrape([page], base=tmp_path).document["paths"]["/2020-01-01/boxes/{BoxName}"]
    parameters = {(p["name"], p["in"]) for p in operation["get"]["parameters"]}
    assert parameters == {("BoxName", "path"), ("Version", "query")}


def test_a_fragment_of_html_source_saved_as_text_is_read_as_html(tmp_path: Path) -> None:
    rows = "".join(f"<li>item {n}</li>\n" for n in range(6))
    text = (
        "<h5>请求URL</h5>\n<ul>\n<li><code>http://api.example.test/box/Make</code></li>\n</ul>\n"
        f"<h5>请求方式</h5>\n<ul>\n<li>POST </li>\n</ul>\n<ul>\n{rows}</ul>\n"
    )
    assert _operation(tmp_path, text) == ("POST", "/box/Make")


def test_a_url_label_may_hold_the_whole_request_line(tmp_path: Path) -> None:
    text = "Move a box\n\nEndpoint: PATCH /v1/boxes/{box_id}\n\n" + BODY
    assert _operation(tmp_path, text) == ("PATCH", "/v1/boxes/{box_id}")


def test_request_lines_one_after_the_other_are_routes_of_one_operation(tmp_path: Path) -> None:
    text = (
        "Get a box\nHTTP request\nFor one box:\nGET /boxes/{id | label}\nFor your own box:\n"
        "GET /mine\nQuery parameters\n| Name | Type | Description |\n| --- | --- | --- |\n"
        "| expand | string | What to expand. |\n"
    )
    assert _operation(tmp_path, text) == ("GET", "/boxes/{id}")


def test_a_sample_request_with_values_in_the_placeholders_is_no_operation(
    tmp_path: Path,
) -> None:
    text = "Get box\nGET /v2/boxes/:guid\nExample request\nGET /v2/boxes/1f2e3d4c-aaaa\n"
    assert _operation(tmp_path, text) == ("GET", "/v2/boxes/{guid}")


def test_a_copy_that_starts_at_the_body_reads_the_fields_before_the_method_line(
    tmp_path: Path,
) -> None:
    text = (
        "application/json\nBody\n  • crate_id string\n  • weight integer\nResponses\n"
        "  • 201 application/json\n    Created\n    • id string\nPOST /crates\ncurl \\\n"
        " --request POST 'https://api.example.test/v1/crates' \\\n --data '{\"crate_id\":\"c\"}'\n"
    )
    page = tmp_path / "crates.txt"
    page.write_text(text, encoding="utf-8")
    operation = scrape([page], base=tmp_path).document["paths"]["/crates"]["post"]
    assert "requestBody" in operation and "201" in operation["responses"]


def test_heading_anchor_labels_glued_before_headings_are_taken_off(tmp_path: Path) -> None:
    text = (
        "Remove pin\nDELETE\n/v1/pins/{pin_id}\nSection titled “Path parameters ”Path Parameters\n"
        "pin_id\nstring\nrequired\nSection titled “Responses ”Responses\n200 OK\n"
    )
    page = tmp_path / "pin.txt"
    page.write_text(text, encoding="utf-8")
    operation = scrape([page], base=tmp_path).document["paths"]["/v1/pins/{pin_id}"]["delete"]
    assert [(p["name"], p["schema"].get("type")) for p in operation["parameters"]] == [
        ("pin_id", "string")
    ]


def test_a_media_type_after_a_method_line_is_no_path(tmp_path: Path) -> None:
    page = tmp_path / "m.txt"
    page.write_text("Make\nPOST\napplication/json\n" + BODY, encoding="utf-8")
    assert scrape([page], base=tmp_path).operation_count == 0


def test_different_operations_listed_one_after_the_other_stay_apart(tmp_path: Path) -> None:
    page = tmp_path / "list.txt"
    page.write_text("Endpoints\nGET /boxes\nPOST /boxes\nGET /boxes/{id}\n", encoding="utf-8")
    paths = scrape([page], base=tmp_path).document["paths"]
    assert sorted((p, m) for p, item in paths.items() for m in item if m != "parameters") == [
        ("/boxes", "get"),
        ("/boxes", "post"),
        ("/boxes/{id}", "get"),
    ]
