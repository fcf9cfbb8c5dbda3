"""Request each page once, politely: aiohttp, with limits per host and in all.

Each page is asked for with `HEAD` (nothing to read), or with `GET` when its anchors are
wanted or when the server refuses `HEAD` (405, 403, 501). A `GET` reads the HTML of a page
whose anchors are wanted, at most MAX_PAGE_BYTES of it, and nothing of any other answer:
the connection is closed instead. Redirects are followed one by one, so that each is seen
(a permanent redirect is a moved link) and a loop is caught. A timeout, a dropped
connection and a 5xx answer are tried again after a pause that doubles each time; 429 and
503 wait for the server's `Retry-After` (when it asks for no more than MAX_RETRY_AFTER
seconds), and the whole host waits with them.

aiohttp rather than httpx: on a local server answering at once, aiohttp sent 3,000 `HEAD`
requests over 50 hosts in 0.3 s of one core, httpx in 3.2 s.
"""

from __future__ import annotations

import asyncio
import email.utils
import re
import socket
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import aiohttp
from aiohttp.abc import AbstractResolver

from lint.online import REDIRECTS, Result

MAX_REDIRECTS = 10
MAX_PAGE_BYTES = 4 * 2**20  # of HTML read for anchors: the ids of a longer page are cut short
MAX_RETRY_AFTER = 60.0  # seconds: a server asking for a longer pause gets its answer reported
BACKOFF = 0.5  # seconds before the first retry; doubled each time
WINDOW = 8  # pages under way per connection (see check_pages)
REFUSE_HEAD = (403, 405, 501)
RETRY_STATUS = (429, 500, 502, 503, 504)
_ANCHOR = re.compile(rb"""<[a-zA-Z][^>]*?\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")


@dataclass(frozen=True)
class Limits:
    """How the pages are asked for (see the `online_*` settings)."""

    timeout: float = 10.0  # seconds for one request
    total_timeout: float = 60.0  # seconds for one page: redirects, retries and pauses
    retries: int = 2
    connections: int = 32
    host_connections: int = 2
    host_rate: float | None = None  # requests per second to one host
    user_agent: str = ""
    headers: dict[str, dict[str, str]] = field(default_factory=dict)  # by host
    resolve: dict[str, str] = field(default_factory=dict)  # "host:port" -> "address:port"


class _Failure(Exception):
    """A request that got no answer; `transient` when trying again may help."""

    def __init__(self, message: str, transient: bool = False) -> None:
        super().__init__(message)
        self.transient = transient


class _Host:
    """One host's share of the limits: its connection slots, the time the next request
    may start (the rate), and a pause that a `Retry-After` imposes on all of it."""

    def __init__(self, connections: int, rate: float | None) -> None:
        self.slots = asyncio.Semaphore(connections)
        self.interval = 1 / rate if rate else 0.0
        self.next_start = 0.0
        self.paused_until = 0.0

    async def turn(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            now = loop.time()
            start = max(self.next_start, self.paused_until)
            if start <= now:
                self.next_start = now + self.interval
                return
            await asyncio.sleep(start - now)


class _Resolver(AbstractResolver):
    """Names given an address (and port) in `resolve` go there; others as the system says."""

    def __init__(self, mapping: dict[str, str]) -> None:
        self.mapping = mapping
        self.system = aiohttp.ThreadedResolver()

    async def resolve(self, host: str, port: int = 0, family: int = socket.AF_INET):
        target = self.mapping.get(f"{host}:{port}")
        if target is None:
            return await self.system.resolve(host, port, family)
        address, _, to_port = target.rpartition(":")
        return [
            {
                "hostname": host,
                "host": address,
                "port": int(to_port),
                "family": socket.AF_INET6 if ":" in address else socket.AF_INET,
                "proto": 0,
                "flags": socket.AI_NUMERICHOST,
            }
        ]

    async def close(self) -> None:
        await self.system.close()


def _authority(url: str) -> tuple[str, str]:
    """The URL's host and port as written (lower-case: the key of the limits), and its host
    name; empty for a URL that does not split (the request reports it)."""
    try:
        parts = urlsplit(url)
        return parts.netloc.lower(), parts.hostname or ""
    except ValueError:
        return "", ""


def anchors_of(html: bytes) -> frozenset[str]:
    """The `id` and `name` values of a page's elements."""
    found = set()
    for match in _ANCHOR.finditer(html):
        value = next(group for group in match.groups() if group is not None)
        found.add(value.decode("utf-8", "replace"))
    return frozenset(found)


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a `Retry-After` header: a number or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _describe(err: BaseException, url: str) -> _Failure:
    """A failed request as a message, and whether trying again may help."""
    host = _authority(url)[1] or url
    if isinstance(err, aiohttp.ClientConnectorCertificateError):
        reason = getattr(err.certificate_error, "verify_message", None) or err.certificate_error
        return _Failure(f"TLS failure: {reason}")
    if isinstance(err, (aiohttp.ClientSSLError, ssl.SSLError)):
        return _Failure(f"TLS failure: {getattr(err, 'reason', None) or err}")
    if isinstance(err, aiohttp.ClientConnectorDNSError) or isinstance(
        getattr(err, "os_error", None), socket.gaierror
    ):
        return _Failure(f"DNS failure: host '{host}' not found")
    if isinstance(err, aiohttp.ClientConnectorError):
        if isinstance(err.os_error, ConnectionRefusedError):
            return _Failure("connection refused")
        return _Failure(f"cannot connect: {err.os_error.strerror or err.os_error}", True)
    if isinstance(err, asyncio.TimeoutError):
        return _Failure("timeout", True)
    if isinstance(err, (aiohttp.InvalidURL, ValueError)):
        return _Failure("not a URL that can be requested")
    if isinstance(err, (aiohttp.ServerDisconnectedError, aiohttp.ClientPayloadError)):
        return _Failure("connection closed by the server", True)
    return _Failure(f"request failed: {type(err).__name__}: {err}", True)


class Checker:
    """Asks for pages over one aiohttp session; `check` gives each page's Result."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.hosts: dict[str, _Host] = {}
        self.all = asyncio.Semaphore(limits.connections)
        self.requests = 0  # sent, retries included
        self.session: aiohttp.ClientSession | None = None

    async def __aenter__(self) -> Checker:
        connector = aiohttp.TCPConnector(
            limit=self.limits.connections,
            limit_per_host=self.limits.host_connections,
            resolver=_Resolver(self.limits.resolve),
            ttl_dns_cache=300,
            # made now, not when aiohttp was imported: SSL_CERT_FILE and SSL_CERT_DIR as set
            ssl=ssl.create_default_context(),
        )
        self.session = aiohttp.ClientSession(
            connector=connector,
            headers={"User-Agent": self.limits.user_agent, "Accept": "*/*"},
            timeout=aiohttp.ClientTimeout(total=self.limits.timeout),
            cookie_jar=aiohttp.DummyCookieJar(),
            auto_decompress=True,
        )
        return self

    async def __aexit__(self, *exc) -> None:
        if self.session is not None:
            await self.session.close()

    def _host(self, url: str) -> tuple[str, _Host]:
        key, name = _authority(url)
        host = self.hosts.get(key)
        if host is None:
            host = self.hosts[key] = _Host(self.limits.host_connections, self.limits.host_rate)
        return name, host

    async def _once(self, method: str, url: str, body: bool):
        """One request: (status, Location, is HTML, anchors or None)."""
        name, host = self._host(url)
        headers = self.limits.headers.get(name, {})
        async with host.slots:
            await host.turn()
            async with self.all:
                self.requests += 1
                try:
                    async with self.session.request(
                        method, url, allow_redirects=False, headers=headers
                    ) as response:
                        kind = response.headers.get("Content-Type", "").lower()
                        html = "html" in kind
                        anchors = None
                        if method == "GET" and body and html and response.status < 300:
                            anchors = anchors_of(await _read(response, MAX_PAGE_BYTES))
                        elif method == "GET":
                            response.close()  # the answer is all we need: read nothing
                        wait = None
                        if response.status in (429, 503):
                            wait = _retry_after(response.headers.get("Retry-After"))
                        location = response.headers.get("Location")
                        return response.status, location, html, anchors, wait
                except (aiohttp.ClientError, asyncio.TimeoutError, ssl.SSLError, ValueError) as err:
                    raise _describe(err, url) from None

    async def _fetch(self, method: str, url: str, body: bool):
        """_once, tried again after a timeout, a dropped connection or a 429/5xx answer."""
        tries = self.limits.retries + 1
        for attempt in range(tries):
            pause = BACKOFF * 2**attempt
            try:
                answer = await self._once(method, url, body)
            except _Failure as failure:
                if not failure.transient or attempt == tries - 1:
                    if failure.transient and tries > 1:
                        raise _Failure(f"{failure} after {tries} tries") from None
                    raise
                await asyncio.sleep(pause)
                continue
            status, wait = answer[0], answer[4]
            if status not in RETRY_STATUS or attempt == tries - 1:
                return answer
            if wait is not None:
                if wait > MAX_RETRY_AFTER:
                    return answer
                pause = wait
                _, host = self._host(url)
                loop_time = asyncio.get_running_loop().time()
                host.paused_until = max(host.paused_until, loop_time + wait)
            await asyncio.sleep(pause)
        raise AssertionError("unreachable")

    async def check(self, url: str, body: bool = False) -> Result:
        """The page's Result, within `total_timeout`; with `body`, its anchors too."""
        try:
            return await asyncio.wait_for(self._check(url, body), self.limits.total_timeout)
        except asyncio.TimeoutError:
            return Result(url, error=f"no answer within {self.limits.total_timeout:g} s")

    async def _check(self, url: str, body: bool) -> Result:
        method = "GET" if body else "HEAD"
        hops: list[tuple[int, str]] = []
        seen = {url.partition("#")[0]}
        current = url
        while True:
            try:
                status, location, html, anchors, _ = await self._fetch(method, current, body)
            except _Failure as failure:
                return Result(url, error=str(failure), redirects=tuple(hops))
            if method == "HEAD" and status in REFUSE_HEAD:
                method = "GET"
                continue
            if status in REDIRECTS and location:
                try:
                    target = urljoin(current, location.strip())
                except ValueError:
                    error = f"redirect to '{location}', not a URL that can be requested"
                    return Result(url, status, error, tuple(hops))
                if not target.lower().startswith(("http://", "https://")):
                    return Result(url, status, None, tuple(hops), anchors, html)
                hops.append((status, target))
                if target.partition("#")[0] in seen:
                    return Result(url, status, f"redirect loop at '{target}'", tuple(hops))
                if len(hops) > MAX_REDIRECTS:
                    return Result(url, status, f"more than {MAX_REDIRECTS} redirects", tuple(hops))
                seen.add(target.partition("#")[0])
                current = target
                continue
            return Result(url, status, None, tuple(hops), anchors, html)


async def _read(response: aiohttp.ClientResponse, limit: int) -> bytes:
    """At most `limit` bytes of the body."""
    chunks, size = [], 0
    while size < limit:
        chunk = await response.content.read(min(65536, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def interleaved(pages: dict[str, bool]) -> list[tuple[str, bool]]:
    """The pages, one of each host in turn: the pages started together then spread over
    the hosts, rather than queue for the connections of one."""
    by_host: dict[str, list[tuple[str, bool]]] = {}
    for url, body in pages.items():
        by_host.setdefault(_authority(url)[0], []).append((url, body))
    queues = list(by_host.values())
    order = []
    for depth in range(max(map(len, queues), default=0)):
        order.extend(queue[depth] for queue in queues if depth < len(queue))
    return order


async def check_pages(
    pages: dict[str, bool], limits: Limits, done: Callable[[Result], None] | None = None
) -> tuple[dict[str, Result], int]:
    """Each page's Result (`pages`: URL -> whether its anchors are wanted), and the number of
    requests sent. `done` is called as each page is finished. At most WINDOW pages per
    connection are under way at a time (waiting for their host, or asked for): a task per
    page of a large site at once would hold memory for nothing."""
    results: dict[str, Result] = {}
    window = asyncio.Semaphore(WINDOW * limits.connections)
    async with Checker(limits) as checker:

        async def one(url: str, body: bool) -> None:
            try:
                result = await checker.check(url, body)
            finally:
                window.release()
            results[url] = result
            if done is not None:
                done(result)

        tasks = []
        for url, body in interleaved(pages):
            await window.acquire()
            tasks.append(asyncio.create_task(one(url, body)))
        await asyncio.gather(*tasks)
    return results, checker.requests


def run_checks(
    pages: dict[str, bool], limits: Limits, done: Callable[[Result], None] | None = None
) -> tuple[dict[str, Result], int]:
    """check_pages from synchronous code."""
    if not pages:
        return {}, 0
    return asyncio.run(check_pages(pages, limits, done))
