"""One API fetched: the crawl, then what changed written into `input/<api>/`."""

from __future__ import annotations

import asyncio
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from generator.fetch.crawl import Crawl
from generator.fetch.http import PoliteClient, Politeness, host_of
from generator.fetch.report import Report
from generator.fetch.save import save_all
from generator.fetch.state import Entry, read_state, write_state


@dataclass
class FetchOptions:
    api: str
    urls: list[str]
    folder: Path
    """`input/<api>/`."""
    politeness: Politeness
    prefix: str | None = None
    """Only URLs that start with it are crawled; default: the first URL's folder."""
    max_pages: int = 500
    transport: httpx.AsyncBaseTransport | None = field(default=None, repr=False)


def user_agent() -> str:
    from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415

    try:
        number = version("docs2sdk")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        number = "0"
    return f"docs2sdk/{number} (API docs to SDK generator; honours robots.txt)"


def default_prefix(url: str) -> str:
    parts = urlsplit(url)
    folder = parts.path.rsplit("/", 1)[0] + "/"
    return f"{parts.scheme}://{parts.netloc}{folder}"


def fetch_api(options: FetchOptions) -> Report:
    """Crawl `options.urls` into `options.folder`; StateError when sources.toml is bad."""
    options.folder.mkdir(parents=True, exist_ok=True)
    state = read_state(options.folder)
    report = Report(options.api)
    prefix = options.prefix or default_prefix(options.urls[0])
    rules = options.politeness
    if rules.headers and not rules.credential_hosts:
        rules.credential_hosts = frozenset({host_of(prefix)})
    crawl = asyncio.run(_crawl(options, prefix, state, report))
    save_all(crawl, report)
    write_state(options.folder, state)
    return report


async def _crawl(
    options: FetchOptions, prefix: str, state: dict[str, Entry], report: Report
) -> Crawl:
    client = PoliteClient(options.politeness, transport=options.transport)
    crawl = Crawl(client, prefix, state, options.folder, report, options.max_pages)
    crawl.progress = sys.stderr.isatty()
    try:
        await crawl.run(options.urls)
    finally:
        report.requests = client.requests
        await client.close()
    return crawl
