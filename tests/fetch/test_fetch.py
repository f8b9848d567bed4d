"""`docs2sdk fetch` against the local doc site of `site.py`: what is saved, what is
reported, what the server saw (robots.txt, rate limits, 304s), and that nothing is written
outside input/<NAME>/."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.fetch import FetchOptions, Politeness, fetch_api
from tests.fetch.site import DocSite


@pytest.fixture
def site() -> Iterator[DocSite]:
    served = DocSite()
    yield served
    served.stop()


def _options(site: DocSite, folder: Path, **rules: object) -> FetchOptions:
    politeness = Politeness(
        user_agent="docs2sdk/test", backoff=0.01, max_bytes=100_000, timeout=5.0, **rules  # type: ignore[arg-type]
    )
    return FetchOptions(
        api="widgets",
        urls=[f"{site.base}/docs/index.html"],
        folder=folder,
        politeness=politeness,
    )


def _files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def test_first_run_saves_operation_pages_and_the_spec(site: DocSite, tmp_path: Path) -> None:
    folder = tmp_path / "input" / "widgets"
    report = fetch_api(_options(site, folder))
    assert sorted(report.new) == [
        "openapi/specs/openapi.yaml",
        "pages/docs/a/escape.html",
        "pages/docs/busy.html",
        "pages/docs/gadgets/list.md",  # its Markdown export, in place of list.html
        "pages/docs/old.html",
        "pages/docs/widgets/create.html",
        "pages/docs/widgets/delete.md",
    ]
    assert report.specs == ["openapi/specs/openapi.yaml"]
    assert any("list.html: note: its Markdown export" in p for p in report.problems)
    assert report.skipped == 3  # index, about and reference hold no operation
    # everything written is inside input/widgets/, and nothing else is there
    assert _files(tmp_path) == {f"input/widgets/{name}" for name in report.new} | {
        "input/widgets/sources.toml"
    }
    saved = (folder / "pages/docs/widgets/delete.md").read_text()
    assert saved.startswith("# Delete a widget")
    state = tomllib.loads((folder / "sources.toml").read_text())["source"]
    create = next(s for s in state if s["url"].endswith("/widgets/create.html"))
    assert create["etag"].startswith('"') and create["last_modified"].endswith("GMT")
    assert len(create["sha256"]) == 64 and create["fetched"]


def test_bad_responses_are_reported_and_survived(site: DocSite, tmp_path: Path) -> None:
    report = fetch_api(_options(site, tmp_path / "widgets"))
    problems = "\n".join(report.problems)
    assert "loop.html: error: redirect loop" in problems
    assert "away.html: error: redirect to another host (localhost:" in problems
    assert "huge.html: error: page is 200003 bytes, over the 100000 byte limit" in problems
    assert "diagram.html: warning: binary content (NUL bytes); not saved" in problems
    assert "secret.html: note: disallowed by robots.txt" in problems
    assert not any("example.invalid" in line or "mailto" in line for line in report.problems)
    # the redirect off-host was not followed
    assert not any(hit.headers.get("Host", "").startswith("localhost") for hit in site.hits)


def test_robots_and_rate_limits_are_respected(site: DocSite, tmp_path: Path) -> None:
    fetch_api(_options(site, tmp_path / "widgets", delay=0.03))
    paths = site.paths()
    assert paths.count("/robots.txt") == 1
    assert not any(p.startswith("/docs/private/") for p in paths)
    assert site.in_flight_max <= 4
    # --delay 0.03 between request starts (one host): arrivals at the server jitter with the
    # machine's load, so the spread of them all is checked, not the narrowest gap
    starts = sorted(hit.at for hit in site.hits)
    assert len(starts) > 10
    assert (starts[-1] - starts[0]) / (len(starts) - 1) >= 0.025
    busy = [hit for hit in site.hits if hit.path == "/docs/busy.html"]
    assert [hit.status for hit in busy] == [429, 200]
    assert busy[1].at - busy[0].at >= 0.3  # Retry-After: 0.3
    assert all(hit.headers["User-Agent"] == "docs2sdk/test" for hit in site.hits)
    assert not any("Authorization" in hit.headers or "Cookie" in hit.headers for hit in site.hits)


def test_second_run_transfers_only_what_changed(site: DocSite, tmp_path: Path) -> None:
    folder = tmp_path / "widgets"
    fetch_api(_options(site, folder))
    before = {name: (folder / name).stat().st_mtime_ns for name in _files(folder)}
    site.round = 2
    site.hits.clear()
    report = fetch_api(_options(site, folder))
    assert report.changed == ["pages/docs/widgets/create.html"]
    assert report.gone == ["pages/docs/old.html"]
    assert report.new == []
    assert sorted(report.unchanged) == [
        "openapi/specs/openapi.yaml",
        "pages/docs/a/escape.html",
        "pages/docs/busy.html",  # served without an ETag: fetched again, found the same
        "pages/docs/gadgets/list.md",
        "pages/docs/widgets/delete.md",
    ]
    assert "colour" in (folder / "pages/docs/widgets/create.html").read_text()
    assert (folder / "pages/docs/old.html").exists()  # gone is reported, not deleted
    statuses = {hit.path: hit.status for hit in site.hits}
    for path in ("/docs/widgets/delete.md", "/docs/gadgets/list.md", "/specs/openapi.yaml"):
        assert statuses[path] == 304, path
    assert statuses["/docs/widgets/create.html"] == 200
    conditional = next(h for h in site.hits if h.path == "/docs/widgets/delete.md")
    assert conditional.headers["If-Modified-Since"].endswith("GMT")
    after = {name: (folder / name).stat().st_mtime_ns for name in _files(folder)}
    rewritten = {n for n in before if before[n] != after[n]} - {"sources.toml"}
    assert rewritten == {"pages/docs/widgets/create.html"}
