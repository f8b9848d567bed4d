"""Polite, bounded HTTP for `docs2sdk fetch`: one httpx async client, robots.txt read once
per host, at most `per_host` requests in flight to a host and `delay` seconds between their
starts, retries with backoff on 429/5xx honouring Retry-After (capped), redirects followed
here (hop limit, loops, other hosts refused), and bodies cut off at the page bound.

Only http(s) URLs are requested, no cookies are kept, and no credentials are sent but the
headers the caller gives (from `--header` or the environment).
"""

from __future__ import annotations

import asyncio
import time
import urllib.request
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from http.cookiejar import Cookie, DefaultCookiePolicy
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from generator.limits import MAX_PAGE_BYTES

REDIRECTS = (301, 302, 303, 307, 308)
RETRIED = (429, 500, 502, 503, 504)


class FetchError(Exception):
    """A URL that could not be fetched, and why (one line); `status` when the server said."""

    def __init__(self, message: str, status: int = 0) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class Politeness:
    user_agent: str
    delay: float = 0.0
    per_host: int = 4
    retries: int = 3
    backoff: float = 0.5
    retry_after_cap: float = 30.0
    timeout: float = 20.0
    max_bytes: int = MAX_PAGE_BYTES
    max_hops: int = 5
    allowed_hosts: frozenset[str] = frozenset()
    """Hosts (`host:port` as in the URL) redirects may lead to; empty: any host of the crawl."""
    headers: dict[str, str] = field(default_factory=dict)
    """Sent only to `credential_hosts` (from `--header` or DOCS2SDK_FETCH_AUTH)."""
    credential_hosts: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Fetched:
    url: str
    """The URL the body came from (after redirects)."""
    status: int
    body: bytes
    content_type: str
    etag: str
    last_modified: str


def host_of(url: str) -> str:
    return urlsplit(url).netloc.lower()


class _Host:
    def __init__(self, per_host: int) -> None:
        self.slots = asyncio.Semaphore(per_host)
        self.lock = asyncio.Lock()
        self.next_start = 0.0
        self.robots: RobotFileParser | None = None
        self.robots_lock = asyncio.Lock()
        self.crawl_delay = 0.0


class PoliteClient:
    """`get(url, conditional_headers)`: a `Fetched` (status 200 or 304) or `FetchError`."""

    def __init__(self, rules: Politeness, *, transport: httpx.AsyncBaseTransport | None = None):
        self.rules = rules
        self.hosts: dict[str, _Host] = {}
        self.requests = 0
        self.client = httpx.AsyncClient(
            headers={"User-Agent": rules.user_agent},
            follow_redirects=False,
            timeout=rules.timeout,
            trust_env=False,
            transport=transport,
        )
        self.client.cookies.jar.set_policy(_NoCookies())

    async def close(self) -> None:
        await self.client.aclose()

    def _host(self, url: str) -> _Host:
        key = host_of(url)
        host = self.hosts.get(key)
        if host is None:
            host = self.hosts[key] = _Host(max(1, min(self.rules.per_host, 4)))
        return host

    async def allowed(self, url: str) -> bool:
        """Whether robots.txt of the URL's host lets docs2sdk fetch it (read once per host)."""
        host = self._host(url)
        async with host.robots_lock:
            if host.robots is None:
                host.robots = await self._robots(url)
        return host.robots.can_fetch(self.rules.user_agent, url)

    async def _robots(self, url: str) -> RobotFileParser:
        parts = urlsplit(url)
        robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
        parser = RobotFileParser(robots_url)
        try:
            got = await self.get(robots_url, robots=False)
        except FetchError as exc:
            # no robots.txt (404, 410 ...): all allowed; 401/403, 5xx or no answer: none is
            allowed = 400 <= exc.status < 500 and exc.status not in (401, 403, 429)
            parser.parse([] if allowed else ["User-agent: *", "Disallow: /"])
            return parser
        parser.parse(got.body.decode("utf-8", "replace").splitlines())
        crawl_delay = parser.crawl_delay(self.rules.user_agent)
        if crawl_delay is not None:
            self._host(url).crawl_delay = min(float(crawl_delay), self.rules.retry_after_cap)
        return parser

    async def get(
        self, url: str, headers: dict[str, str] | None = None, *, robots: bool = True
    ) -> Fetched:
        """GET `url` with redirects followed here; 304 is returned, other non-2xx raise."""
        seen = {url}
        start_host = host_of(url)
        for _ in range(self.rules.max_hops + 1):
            _check_url(url)
            if robots and not await self.allowed(url):
                raise FetchError("disallowed by robots.txt; not fetched")
            response = await self._with_retries(url, headers or {})
            if response.status not in REDIRECTS:
                return response
            target = urljoin(url, response.location)
            if host_of(target) != start_host and host_of(target) not in self.rules.allowed_hosts:
                raise FetchError(f"redirect to another host ({host_of(target)}); not followed")
            if target in seen:
                raise FetchError(f"redirect loop back to {target}")
            seen.add(target)
            url = target
        raise FetchError(f"more than {self.rules.max_hops} redirects; given up")

    async def _with_retries(self, url: str, headers: dict[str, str]) -> _Response:
        attempt = 0
        while True:
            response = await self._once(url, headers)
            if response.status not in RETRIED or attempt >= self.rules.retries:
                break
            wait = self.rules.backoff * 2**attempt
            if response.retry_after is not None:
                wait = max(wait, response.retry_after)
            await asyncio.sleep(min(wait, self.rules.retry_after_cap))
            attempt += 1
        if response.status in RETRIED or response.status >= 400:
            raise FetchError(f"status {response.status}", response.status)
        return response

    async def _once(self, url: str, headers: dict[str, str]) -> _Response:
        host = self._host(url)
        async with host.slots:
            await self._pace(host)
            self.requests += 1
            if host_of(url) in self.rules.credential_hosts:
                headers = {**self.rules.headers, **headers}
            try:
                async with self.client.stream("GET", url, headers=headers) as reply:
                    body = b""
                    if reply.status_code not in REDIRECTS and reply.status_code < 300:
                        body = await self._body(reply)
                    return _Response.of(reply, url, body)
            except httpx.TimeoutException as exc:
                raise FetchError(f"timed out ({type(exc).__name__})") from exc
            except httpx.HTTPError as exc:
                raise FetchError(f"{type(exc).__name__}: {str(exc)[:200]}") from exc

    async def _pace(self, host: _Host) -> None:
        """Wait until `delay` (or robots.txt's Crawl-delay) has passed since the last start."""
        delay = max(self.rules.delay, host.crawl_delay)
        async with host.lock:
            now = time.monotonic()
            wait = host.next_start - now
            host.next_start = max(now, host.next_start) + delay
        if wait > 0:
            await asyncio.sleep(wait)

    async def _body(self, reply: httpx.Response) -> bytes:
        limit = self.rules.max_bytes
        declared = reply.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(f"page is {int(declared)} bytes, over the {limit} byte limit")
        chunks: list[bytes] = []
        size = 0
        async for chunk in reply.aiter_bytes():
            size += len(chunk)
            if size > limit:
                raise FetchError(f"page is over the {limit} byte limit; not read further")
            chunks.append(chunk)
        return b"".join(chunks)


@dataclass(frozen=True)
class _Response(Fetched):
    location: str = ""
    retry_after: float | None = None

    @classmethod
    def of(cls, reply: httpx.Response, url: str, body: bytes) -> _Response:
        headers = reply.headers
        return cls(
            url=url,
            status=reply.status_code,
            body=body,
            content_type=headers.get("content-type", "").split(";")[0].strip().lower(),
            etag=headers.get("etag", ""),
            last_modified=headers.get("last-modified", ""),
            location=headers.get("location", ""),
            retry_after=retry_after(headers.get("retry-after", "")),
        )


def retry_after(value: str) -> float | None:
    """Seconds from a Retry-After header (a number, fractions allowed, or an HTTP date)."""
    value = value.strip()
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError("not an http(s) URL; not fetched")
    if parts.username or parts.password:
        raise FetchError("credentials in the URL are not sent; give them with --header")


class _NoCookies(DefaultCookiePolicy):
    """A cookie policy that keeps none: a doc crawl sends no state back."""

    def set_ok(self, cookie: Cookie, request: urllib.request.Request) -> bool:
        return False
