"""Write what a crawl found into `input/<api>/`: new and changed pages that hold an
operation and specs, each under a safe name; unchanged files are not touched; gone ones
are reported and kept (deleting doc pages is the user's decision, not the crawler's)."""

from __future__ import annotations

import hashlib
import os
from datetime import UTC, datetime

from generator.fetch.crawl import Crawl, Got
from generator.fetch.pages import holds_operation
from generator.fetch.report import Report
from generator.fetch.state import PAGES_FOLDER, SPECS_FOLDER, Entry, file_name, inside


def save_all(crawl: Crawl, report: Report) -> None:
    taken = {entry.file.casefold() for entry in crawl.state.values()}
    for url in sorted(crawl.specs):
        _save(crawl, crawl.specs[url], "spec", taken, report)
    for url in sorted(crawl.pages):
        export = _export(crawl, url)
        if export is not None:
            report.problem(url, f"its Markdown export {export} is saved in its place", "note")
            continue
        _save(crawl, crawl.pages[url], "page", taken, report)


def _export(crawl: Crawl, url: str) -> str | None:
    """The Markdown export fetched for the HTML page at `url` that holds an operation: the
    export is what the scrapers read best, so it is saved and the HTML page is not."""
    for candidate in crawl.exports.get(url, []):
        got = crawl.pages.get(candidate)
        if got is None or got.gone or got.fetched is None or got.kind != ".md":
            continue
        if holds_operation(got.fetched.body, got.kind):
            return candidate
    return None


def _save(crawl: Crawl, got: Got, kind: str, taken: set[str], report: Report) -> None:
    known = crawl.state.get(got.url)
    if got.gone:
        if known is not None:
            report.gone.append(known.file)
        return
    assert got.fetched is not None
    fetched = got.fetched
    digest = hashlib.sha256(fetched.body).hexdigest()
    if known is not None and (not got.fresh or known.sha256 == digest):
        known.etag, known.last_modified = fetched.etag, fetched.last_modified
        report.unchanged.append(known.file)
        if kind == "spec":
            report.specs.append(known.file)
        return
    if kind == "page" and not holds_operation(fetched.body, got.kind):
        report.skipped += 1
        if known is not None:
            report.problem(got.url, f"no longer holds an operation; {known.file} kept")
        return
    if known is not None and known.file.endswith(got.kind):
        name = known.file
    else:
        folder = SPECS_FOLDER if kind == "spec" else PAGES_FOLDER
        name = file_name(got.url, got.kind, folder, taken)
    try:
        _write(crawl, name, fetched.body)
    except (OSError, ValueError) as exc:
        report.problem(got.url, f"cannot save as {name}: {exc}", "error")
        return
    taken.add(name.casefold())
    crawl.state[got.url] = Entry(
        url=got.url,
        file=name,
        kind=kind,
        etag=fetched.etag,
        last_modified=fetched.last_modified,
        sha256=digest,
        fetched=datetime.now(UTC).isoformat(timespec="seconds"),
    )
    (report.changed if known is not None else report.new).append(name)
    if kind == "spec":
        report.specs.append(name)


def _write(crawl: Crawl, name: str, body: bytes) -> None:
    """Write `body` to `name` inside the API folder through a temporary file."""
    target = inside(crawl.folder, name)
    target.parent.mkdir(parents=True, exist_ok=True)
    inside(crawl.folder, name)  # the new folders did not lead outside either
    temporary = target.with_name(f".{target.name}.tmp")
    temporary.write_bytes(body)
    os.replace(temporary, target)
