"""The parts of `docs2sdk fetch` that need no server: safe file names, sources.toml
round trips, spec links in the shapes doc sites publish them, Retry-After."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from generator.fetch.http import retry_after
from generator.fetch.links import html_links, markdown_links, sitemap_entries
from generator.fetch.state import Entry, file_name, inside, read_state, toml_string, write_state


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("http://h/docs/a/../../../etc/passwd", "pages/docs/a/etc/passwd.html"),
        ("http://h/docs/%2e%2e/%2e%2e/x.html", "pages/docs/x.html"),
        ("http://h/", "pages/index.html"),
        ("http://h/docs/", "pages/docs/index.html"),
        ("http://h/.hidden/..%5c..%5cwin.html", "pages/hidden/win.html"),
        ("http://h/a b/c:d.html?x=1", "pages/a_b/c_d_1f206b11.html"),
    ],
)
def test_file_names_stay_inside(url: str, name: str, tmp_path: Path) -> None:
    assert file_name(url, ".html", "pages", set()) == name
    assert inside(tmp_path, name).is_relative_to(tmp_path.resolve())


def test_names_never_collide_and_unsafe_state_is_refused(tmp_path: Path) -> None:
    first = file_name("http://h/A.html", ".html", "pages", set())
    second = file_name("http://h/a.html", ".html", "pages", {first.casefold()})
    assert first != second and second.startswith("pages/a_")
    with pytest.raises(ValueError):
        inside(tmp_path, "../x.html")
    (tmp_path / "sources.toml").write_text('[[source]]\nurl = "u"\nfile = "../../x"\n')
    with pytest.raises(ValueError):
        read_state(tmp_path)


def test_sources_toml_round_trips(tmp_path: Path) -> None:
    odd = 'W/"a\\b"\x7f\n\t\u00e9'
    entries = {"http://h/x": Entry("http://h/x", "pages/x.html", etag=odd, sha256="0" * 64)}
    write_state(tmp_path, entries)
    assert read_state(tmp_path) == entries
    assert tomllib.loads(f"v = {toml_string(odd)}")["v"] == odd


def test_spec_links_of_each_shape() -> None:
    page = """<html><head>
    <link rel="alternate" type="application/vnd.oai.openapi+json" href="/alt.json"></head>
    <body><redoc spec-url="redoc.yaml"></redoc>
    <script id="api-reference" data-url="/scalar.json"></script>
    <script>SwaggerUIBundle({urls: [{url: "/v1/swagger.json", name: "v1"}], dom_id: "#ui"})
    </script><a href="/dl/openapi.yaml">spec</a><a href="/docs/next.html#x">next</a>
    </body></html>"""
    pages, specs = html_links(page, "http://h/docs/index.html")
    assert pages == ["http://h/docs/next.html"]
    assert sorted(specs) == [
        "http://h/alt.json",
        "http://h/dl/openapi.yaml",
        "http://h/docs/redoc.yaml",
        "http://h/scalar.json",
        "http://h/v1/swagger.json",
    ]
    llms = "# Docs\n- [Create](https://h/docs/create.md): make one\n- [Spec](/openapi.json)\n"
    assert markdown_links(llms, "http://h/llms.txt") == (
        ["https://h/docs/create.md"],
        ["http://h/openapi.json"],
    )


def test_sitemaps_and_retry_after() -> None:
    index = b'<sitemapindex xmlns="x"><sitemap><loc>http://h/s1.xml</loc></sitemap></sitemapindex>'
    assert sitemap_entries(index) == ([], ["http://h/s1.xml"])
    assert sitemap_entries(b'<!DOCTYPE x [<!ENTITY a "b">]><urlset/>') == ([], [])
    assert sitemap_entries(b"not xml") == ([], [])
    assert retry_after("2") == 2.0 and retry_after("0.25") == 0.25
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past
    assert retry_after("soon") is None
