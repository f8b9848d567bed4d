"""Operation hints: pages that show no method or path, named by `--operation` or pages.toml."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.api import scrape
from generator.cli import main
from generator.hints import HintError, parse_operation, read_hints
from generator.normalize.paths import split_target, template_path
from generator.problems import Problems

# A page in the shape of many references that name their fields but not their operation.
NO_ANCHOR = """Create a widget
Body Params application/json
name
string
required
The widget's display name.
size
integer
optional
Responses
200 OK
{"id": "w_1", "name": "gear"}
"""


def _page(folder: Path, name: str = "widget.txt", text: str = NO_ANCHOR) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    page = folder / name
    page.write_text(text, encoding="utf-8")
    return page


def test_an_operation_is_method_and_path_or_url() -> None:
    assert str(parse_operation("post /v1/widgets")) == "POST /v1/widgets"
    assert parse_operation("GET https://api.example.test/v1/w/{id}").target.startswith("https://")
    for bad in ("/v1/widgets", "FETCH /x", "POST widgets", "POST /a b"):
        with pytest.raises(HintError):
            parse_operation(bad)


def test_a_page_without_anchor_is_reported_with_the_way_out(tmp_path: Path) -> None:
    result = scrape([_page(tmp_path)], base=tmp_path)
    assert result.operation_count == 0
    assert [str(p) for p in result.problems] == [
        "widget.txt:1: warning: no method and path on the page; add one in pages.toml"
    ]


def test_the_hint_gives_the_operation_and_the_fields_are_read(tmp_path: Path) -> None:
    result = scrape([_page(tmp_path)], base=tmp_path, operation=parse_operation("POST /widgets"))
    operation = result.document["paths"]["/widgets"]["post"]
    assert operation["summary"] == "Create a widget"
    schema = operation["requestBody"]["content"]["application/json"]["schema"]
    if "$ref" in schema:
        schema = result.document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    assert set(schema["properties"]) == {"name", "size"} and schema["required"] == ["name"]
    assert operation["x-source"].startswith("widget.txt:")


def test_pages_toml_names_the_operations_of_a_folder(tmp_path: Path) -> None:
    _page(tmp_path / "api")
    _page(tmp_path / "api", "other.txt")
    (tmp_path / "api" / "pages.toml").write_text(
        '"widget.txt" = "POST /widgets"\n'
        '["other.txt"]\noperation = "PUT https://api.example.test/v2/widgets/{id}"\n'
        'title = "Replace a widget"\n',
        encoding="utf-8",
    )
    result = scrape([tmp_path / "api"], base=tmp_path)
    assert result.problems == []  # pages.toml is not reported as a skipped file
    assert result.document["servers"] == [{"url": "https://api.example.test/v2"}]
    assert result.document["paths"]["/widgets/{id}"]["put"]["summary"] == "Replace a widget"
    assert "post" in result.document["paths"]["/widgets"]


def test_bad_pages_toml_entries_are_problems(tmp_path: Path) -> None:
    (tmp_path / "pages.toml").write_text('"a.txt" = "widgets"\n"b.txt" = 3\n', encoding="utf-8")
    problems = Problems()
    assert read_hints(tmp_path, "pages.toml", problems) == {}
    assert [p.message.split(":")[0] for p in problems.items] == ["pages.toml", "pages.toml"]
    (tmp_path / "pages.toml").write_text('"a.txt = "x"\n', encoding="utf-8")
    assert read_hints(tmp_path, "pages.toml", problems) == {}
    assert "cannot be read" in problems.items[-1].message


def test_the_cli_takes_one_page_and_one_operation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = _page(tmp_path)
    out = tmp_path / "spec.yaml"
    assert main(["scrape", str(page), "--operation", "POST /widgets", "-o", str(out)]) == 0
    assert "/widgets:" in out.read_text(encoding="utf-8")
    assert main(["scrape", str(tmp_path), "--operation", "POST /widgets"]) == 2
    assert main(["scrape", str(page), "--operation", "widgets"]) == 2
    assert "--operation" in capsys.readouterr().err


def test_placeholders_in_every_spelling_become_names() -> None:
    assert template_path("/v1/{resourceName=people/*}") == "/v1/{resourceName}"
    assert template_path("/users/{id | userPrincipalName}") == "/users/{id}"
    assert template_path("/repos/:owner/<repo>/x") == "/repos/{owner}/{repo}/x"
    functions = "/2020-01-01/boxes/BoxName"
    assert template_path(functions, {"BoxName"}) == "/2020-01-01/boxes/{BoxName}"
    assert template_path("/v:version/pay", {"version"}) == "/v{version}/pay"
    assert template_path("/v1/media:upload", {"version"}) == "/v1/media:upload"
    assert template_path("/orders/:id/cancel", {"order_id"}) == "/orders/{id}/cancel"
    assert template_path("/items/{item_id}/tags", {"item_id", "tags"}) == "/items/{item_id}/tags"


def test_a_host_that_stands_for_the_readers_own_states_no_server() -> None:
    assert split_target("https://api.[your-domain.com]/v2/domains/:guid") == (
        None,
        "/v2/domains/{guid}",
    )
    assert split_target("http://域名地址/sendText") == (None, "/sendText")
    assert split_target("https://{handle}.shop.test/admin/x")[0] == "https://{handle}.shop.test"
    assert split_target("http://[::1]:8080/v1/x")[0] == "http://[::1]:8080/v1"


def test_a_changed_pages_toml_is_no_cache_hit(tmp_path: Path) -> None:
    from generator.cache import Cache  # noqa: PLC0415

    _page(tmp_path / "api")
    hints = tmp_path / "api" / "pages.toml"
    cache = Cache(tmp_path / "cache")
    hints.write_text('"widget.txt" = "POST /widgets"\n', encoding="utf-8")
    first = scrape([tmp_path / "api"], base=tmp_path, cache=cache)
    hints.write_text('"widget.txt" = "PUT /widgets/{id}"\n', encoding="utf-8")
    second = scrape([tmp_path / "api"], base=tmp_path, cache=cache)
    assert list(first.document["paths"]) == ["/widgets"]
    assert list(second.document["paths"]) == ["/widgets/{id}"]
