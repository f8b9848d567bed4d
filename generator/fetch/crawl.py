"""The crawl: start pages, then the links, sitemap entries and llms.txt entries under the
prefix, each fetched once (conditionally when sources.toml knows it); then the specs the
pages name. Bodies are kept in memory until the crawl ends, so that file names are given
in URL order (the same names on every run, whatever order the answers came in)."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from generator.fetch import links
from generator.fetch.http import Fetched, FetchError, PoliteClient, host_of
from generator.fetch.pages import NotAPage, page_kind, spec_suffix, text_of
from generator.fetch.report import Report
from generator.fetch.state import Entry, inside

WORKERS = 8
GONE = (404, 410)
MAX_SITEMAPS = 20


@dataclass
class Got:
    """A URL's outcome: a body (fresh, or from disk on 304) with its kind, or gone."""

    url: str
    fetched: Fetched | None = None
    kind: str = ""
    fresh: bool = True
    gone: bool = False


@dataclass
class Crawl:
    client: PoliteClient
    prefix: str
    state: dict[str, Entry]
    folder: Path
    report: Report
    max_pages: int
    pages: dict[str, Got] = field(default_factory=dict)
    specs: dict[str, Got] = field(default_factory=dict)
    seen: set[str] = field(default_factory=set)
    spec_urls: set[str] = field(default_factory=set)
    queue: asyncio.Queue[str] = field(default_factory=asyncio.Queue)
    truncated: bool = False
    progress: bool = False
    """One updating line on stderr (a terminal), cleared at the end."""
    done: int = 0
    exports: dict[str, list[str]] = field(default_factory=dict)
    """The URLs where an HTML page's Markdown export may be: the one it names as its
    alternate, and its own URL with `.md` (as Mintlify and ReadMe serve them)."""

    def under_prefix(self, url: str) -> bool:
        return url.startswith(self.prefix)

    def add(self, urls: Iterable[str], *, force: bool = False) -> None:
        for url in map(links.clean, urls):
            if url in self.seen or not (force or self.under_prefix(url)):
                continue
            if len(self.seen) >= self.max_pages:
                self.truncated = True
                return
            self.seen.add(url)
            self.queue.put_nowait(url)

    def add_specs(self, urls: Iterable[str]) -> None:
        hosts = {host_of(self.prefix)}
        self.spec_urls.update(u for u in urls if host_of(u) in hosts)

    async def run(self, start: list[str]) -> None:
        self.add(start, force=True)
        self.add(url for url, e in sorted(self.state.items()) if e.kind == "page")
        for url, entry in self.state.items():
            if entry.kind == "spec":
                self.spec_urls.add(url)
        await self._discover()
        workers = [asyncio.create_task(self._worker()) for _ in range(WORKERS)]
        await self.queue.join()
        for worker in workers:
            worker.cancel()
        await asyncio.gather(*workers, return_exceptions=True)
        if self.progress:
            sys.stderr.write("\r" + " " * 60 + "\r")
        await asyncio.gather(*(self._spec(url) for url in sorted(self.spec_urls)))
        if self.truncated:
            self.report.problem(self.prefix, f"stopped at --max-pages {self.max_pages}")

    async def _discover(self) -> None:
        """Sitemaps (robots.txt's and /sitemap.xml) and llms.txt (prefix's, host's)."""
        parts = urlsplit(self.prefix)
        root = f"{parts.scheme}://{parts.netloc}/"
        await self.client.allowed(self.prefix)  # reads robots.txt
        robots = self.client.hosts[host_of(self.prefix)].robots
        sitemaps = list((robots.site_maps() if robots else None) or [])
        sitemaps = list(dict.fromkeys([*sitemaps, urljoin(root, "sitemap.xml")]))
        done = 0
        while sitemaps and done < MAX_SITEMAPS:
            found = await self._quiet(sitemaps.pop(0))
            done += 1
            if found is not None:
                pages, nested = links.sitemap_entries(found.body)
                self.add(pages)
                sitemaps += [u for u in nested if host_of(u) == host_of(root)]
        for llms in dict.fromkeys([urljoin(self.prefix, "llms.txt"), urljoin(root, "llms.txt")]):
            found = await self._quiet(llms)
            if found is not None:
                pages, specs = links.markdown_links(text_of(found.body), llms)
                self.add(pages)
                self.add_specs(specs)

    async def _quiet(self, url: str) -> Fetched | None:
        """A discovery file: absent or unreadable is normal, not a problem."""
        try:
            return await self.client.get(url)
        except FetchError:
            return None

    async def _worker(self) -> None:
        while True:
            url = await self.queue.get()
            try:
                await self._page(url)
            except Exception as exc:  # one bad page must not stop the crawl
                self.report.problem(url, f"{type(exc).__name__}: {exc}", "error")
            finally:
                self.done += 1
                if self.progress:
                    sys.stderr.write(f"\rfetch: {self.done} fetched, {self.queue.qsize()} queued ")
                    sys.stderr.flush()
                self.queue.task_done()

    async def _page(self, url: str) -> None:
        got = await self._get(url, self.state.get(url))
        if got is None:
            return
        if got.gone:
            self.pages[url] = got
            return
        assert got.fetched is not None
        try:
            got.kind = page_kind(got.fetched.url, got.fetched.content_type, got.fetched.body)
        except NotAPage as exc:
            self.report.problem(url, str(exc))
            return
        self.pages[url] = got
        text = text_of(got.fetched.body)
        read = links.markdown_links if got.kind == ".md" else links.html_links
        pages, specs = read(text, got.fetched.url)
        if got.kind == ".html":
            self.exports[url] = [*links.markdown_alternates(text, got.fetched.url), *_twins(url)]
        self.add(pages)
        self.add_specs(specs)

    async def _spec(self, url: str) -> None:
        got = await self._get(url, self.state.get(url))
        if got is None:
            return
        if not got.gone:
            assert got.fetched is not None
            suffix = spec_suffix(got.fetched.body)
            if suffix is None:
                self.report.problem(url, "linked as a spec but not an OpenAPI document; skipped")
                return
            got.kind = suffix
        self.specs[url] = got

    async def _get(self, url: str, known: Entry | None) -> Got | None:
        headers = self._conditional(known)
        try:
            fetched = await self.client.get(url, headers)
        except FetchError as exc:
            if exc.status in GONE and known is not None:
                return Got(url, gone=True)
            self.report.problem(url, str(exc), _level(exc, known))
            return None
        if fetched.status == 304 and known is not None:
            body = inside(self.folder, known.file).read_bytes()
            fetched = Fetched(
                fetched.url,
                200,
                body,
                "text/markdown" if known.file.endswith(".md") else "",
                fetched.etag or known.etag,
                fetched.last_modified or known.last_modified,
            )
            return Got(url, fetched, fresh=False)
        if fetched.status == 304:
            self.report.problem(url, "304 Not Modified to an unconditional request", "error")
            return None
        return Got(url, fetched)

    def _conditional(self, known: Entry | None) -> dict[str, str]:
        """If-None-Match / If-Modified-Since, when the saved file is still the one fetched."""
        if known is None or not _intact(self.folder, known):
            return {}
        headers = {}
        if known.etag:
            headers["If-None-Match"] = known.etag
        if known.last_modified:
            headers["If-Modified-Since"] = known.last_modified
        return headers


def _twins(url: str) -> list[str]:
    """`/docs/x.html` -> `/docs/x.md`; `/docs/x` -> `/docs/x.md`."""
    path = urlsplit(url).path
    if not path or path.endswith("/"):
        return []
    stem = url[: -len(".html")] if url.endswith(".html") else url
    return [f"{stem}.md"]


def _intact(folder: Path, entry: Entry) -> bool:
    import hashlib  # noqa: PLC0415

    try:
        data = inside(folder, entry.file).read_bytes()
    except (OSError, ValueError):
        return False
    return hashlib.sha256(data).hexdigest() == entry.sha256


def _level(exc: FetchError, known: Entry | None) -> str:
    """robots.txt's refusal is a note, a broken link a warning, the rest errors."""
    if "robots.txt" in str(exc):
        return "note"
    return "warning" if exc.status in GONE and known is None else "error"
