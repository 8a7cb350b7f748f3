"""Politeness and retries: one session, each host paced and retried on its own, one GET with its
redirects, validators and faults."""
from __future__ import annotations

import email.utils
import logging
import math
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Self
from urllib.parse import urljoin, urlsplit

import requests
from protego import Protego
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, MaxRetryError, NewConnectionError, ReadTimeoutError, ResponseError
from urllib3.util.retry import Retry

from .. import settings
from ..report import WORKING_ON
from ..urls import host_key, normalize_url, origin_problem
from .body import binary_signature, read_body, short
from .fault import Fault

if TYPE_CHECKING:
    from .archive import Archive

LOGGER = logging.getLogger(__name__)

_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_WATCHING = threading.local()  # the deadline of the response this thread is waiting for


class _Deadline:
    """One response's wall-clock deadline, headers included: when it passes, a timer shuts the socket of the
    connection the response comes on, so a server sending a byte a second is cut off, not waited on (a
    read timeout only bounds the wait for each byte)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self._connections: list[HTTPConnection] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> Self:
        _WATCHING.deadline = self
        self._timer.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._timer.cancel()
        _WATCHING.deadline = None

    def watch(self, connection: HTTPConnection) -> None:
        """Cut this connection off at the deadline (at once when it has passed)."""
        with self._lock:
            self._connections.append(connection)
            expired = self.expired
        if expired:
            _shut(connection)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            connections = list(self._connections)
        for connection in connections:
            _shut(connection)


def _shut(connection: HTTPConnection) -> None:
    """Wake whoever is blocked reading the connection: its socket is shut both ways."""
    sock = getattr(connection, "sock", None)
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass  # already closed


def _watched(request: Any) -> Any:
    def watched_request(self: HTTPConnection, *args: Any, **kwargs: Any) -> Any:
        deadline = getattr(_WATCHING, "deadline", None)
        if deadline is not None:
            deadline.watch(self)
        return request(self, *args, **kwargs)
    return watched_request


class _WatchedHTTPConnection(HTTPConnection):
    request = _watched(HTTPConnection.request)


class _WatchedHTTPSConnection(HTTPSConnection):
    request = _watched(HTTPSConnection.request)


class _WatchedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _WatchedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


def _watched_adapter(**kwargs: Any) -> HTTPAdapter:
    """An HTTPAdapter whose connections a response's deadline can cut off."""
    adapter = HTTPAdapter(**kwargs)
    adapter.poolmanager.pool_classes_by_scheme = {"http": _WatchedHTTPPool, "https": _WatchedHTTPSPool}
    return adapter


@dataclass(frozen=True, slots=True, kw_only=True)
class FetchOptions:
    """How hard one scrape may go at a host: identity, timeouts, retries and the body limit."""

    user_agent: str
    timeout_s: tuple[float, float]
    max_retries: int
    backoff_s: float
    max_retry_after_s: float
    max_consecutive_failures: int
    max_bytes: int


@dataclass(slots=True, kw_only=True)
class Host:
    """Politeness state of one host: its pace, its robots rules, its run of failures."""

    key: str
    interval_s: float
    last_start: float = -math.inf
    failures: int = 0
    given_up: str | None = None
    robots: Protego | None = None

    def wait_turn(self) -> None:
        """Sleep until this host's interval has passed since the previous request, then claim the slot."""
        pause = self.last_start + self.interval_s - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        self.last_start = time.monotonic()

    def refusal(self, url: str, user_agent: str) -> str | None:
        """Say why url may not be fetched from this host (another origin, robots.txt), or None."""
        problem = origin_problem(url, site_key=self.key)
        if problem:
            return problem
        assert self.robots is not None
        if not self.robots.can_fetch(url, user_agent):
            return "robots: disallowed by robots.txt"
        return None


@dataclass(frozen=True, slots=True, kw_only=True)
class Fetched:
    """One page as the server answered it."""

    url: str  # as requested
    final_url: str  # after redirects
    status: int
    content_type: str
    etag: str | None
    last_modified: str | None
    fetched_at: datetime
    body: bytes | None  # None for a 304 whose snapshot is gone
    not_modified: bool = False


class _PoliteRetry(Retry):
    """urllib3 Retry that waits for the host's turn before each retry and gives up on long Retry-Afters.

    Retry already does the counting, the exponential backoff with jitter and Retry-After parsing; it
    cannot pace retries with the host's other requests, and it clamps a long Retry-After instead of
    handing the response back so the caller can skip the host. Those two hooks are all this adds.
    """

    def __init__(self, *args: Any, wait_turn: Callable[[], None] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.wait_turn = wait_turn

    def new(self, **kw: Any) -> _PoliteRetry:
        kw.setdefault("wait_turn", self.wait_turn)
        return super().new(**kw)

    def increment(self, method: str | None = None, url: str | None = None, response: Any = None,
                  error: Exception | None = None, _pool: Any = None, _stacktrace: Any = None) -> _PoliteRetry:
        if response is not None:
            asked = retry_after_s(response.headers.get("Retry-After"))
            if asked is not None and asked > self.retry_after_max:
                raise MaxRetryError(_pool, url, ResponseError(f"Retry-After {asked:.0f} s is over the cap"))
        retry = super().increment(method, url, response, error, _pool, _stacktrace)
        cause = type(error).__name__ if error else f"HTTP {response.status if response else '?'}"
        LOGGER.info("retrying %s after %s", url, cause)
        return retry

    def sleep(self, response: Any = None) -> None:
        super().sleep(response)
        if self.wait_turn is not None:
            self.wait_turn()


class Fetcher:
    """One HTTP session for a scrape, with each host's pace and its own retrying connection."""

    def __init__(self, options: FetchOptions) -> None:
        self.options = options
        self.session = requests.Session()
        self.session.headers.update({
            "User-Agent": options.user_agent,
            # Only what the body reader can decode under a size limit; brotli/zstd would bypass it.
            "Accept-Encoding": "gzip, deflate",
            "Accept": "text/html,application/xhtml+xml;q=0.9",
        })
        # A default adapter that never retries: only URLs on a known host (mounted below) are fetched.
        for scheme in ("http://", "https://"):
            self.session.mount(scheme, _watched_adapter(max_retries=Retry(0, read=False)))
        self.hosts: dict[str, Host] = {}

    def close(self) -> None:
        """Close the session's connections."""
        self.session.close()

    def host(self, url: str, delay_s: float) -> Host:
        """The politeness state of url's host, created (with its retrying adapter) on first use."""
        key = host_key(urlsplit(url))
        host = self.hosts.get(key)
        if host is not None:
            host.interval_s = max(host.interval_s, delay_s)
            return host
        host = self.hosts[key] = Host(key=key, interval_s=delay_s)
        options = self.options
        retry = _PoliteRetry(
            total=options.max_retries, connect=options.max_retries, read=options.max_retries,
            status=options.max_retries, other=0, allowed_methods=frozenset({"GET"}),
            status_forcelist=settings.FETCH_RETRY_STATUSES,
            backoff_factor=options.backoff_s, backoff_jitter=options.backoff_s,
            backoff_max=options.max_retry_after_s, retry_after_max=options.max_retry_after_s,
            respect_retry_after_header=True, raise_on_status=False, wait_turn=host.wait_turn,
        )
        # One pooled connection per host: requests go out one at a time anyway, so one suffices.
        adapter = _watched_adapter(max_retries=retry, pool_connections=1, pool_maxsize=1)
        for scheme in ("http", "https"):
            self.session.mount(f"{scheme}://{key}/", adapter)
        return host

    def get(self, url: str, host: Host, archive: Archive | None, *, feed: bool = False) -> Fetched:
        """GET url following at most FETCH_MAX_REDIRECTS same-host redirects; raise Fault on any failure.

        Without an archive the URL is the host's robots.txt: plain text, its own size limit, no validators.
        With feed, it may be a feed or sitemap: XML and gzip types are read too (FEED_CONTENT_TYPES).
        """
        chain = [url]
        current = url
        while True:
            headers = {"Accept": "text/plain"} if archive is None else archive.validators(current)
            if feed and archive is not None:
                headers["Accept"] = settings.FEED_ACCEPT
            host.wait_turn()
            WORKING_ON.set(current)  # a library's log line while this page is handled names it
            with _Deadline(settings.FETCH_MAX_RESPONSE_S) as deadline:
                try:
                    fetched = self._response(url, current, headers, chain, host, archive, feed)
                except (requests.RequestException, Fault) as exc:
                    if deadline.expired:
                        raise Fault("timeout", f"response took over {settings.FETCH_MAX_RESPONSE_S:g} s, headers "
                                               "included", host_failure=True) from None
                    if isinstance(exc, Fault):
                        raise
                    raise Fault(*_transport_fault(exc), host_failure=True) from None
            if isinstance(fetched, str):
                current = fetched  # a redirect, checked: the next request gets its own deadline
                continue
            return fetched

    def _response(self, url: str, current: str, headers: dict[str, str], chain: list[str], host: Host,
                  archive: Archive | None, feed: bool) -> Fetched | str:
        """One request and its response: the page, or the URL a redirect points to."""
        options = self.options
        robots_txt = archive is None
        response = self.session.get(current, headers=headers, timeout=options.timeout_s, stream=True,
                                    allow_redirects=False)
        with response:
            fetched_at = datetime.now(UTC)
            status = response.status_code
            if status in _REDIRECT_STATUSES:
                return self._redirect_target(response, current, chain, host, robots_txt)
            if status == 304 and archive is not None and (
                    "If-None-Match" in headers or "If-Modified-Since" in headers):
                body, content_type = archive.stored_body(current)
                return Fetched(url=url, final_url=current, status=304, content_type=content_type,
                               etag=response.headers.get("ETag"), last_modified=None, fetched_at=fetched_at,
                               body=body, not_modified=True)
            if status != 200:
                raise _status_fault(response, options.max_retry_after_s)
            content_type = response.headers.get("Content-Type", "")
            mime = content_type.split(";", 1)[0].strip().lower()
            accepted = settings.FEED_CONTENT_TYPES if feed else settings.FETCH_HTML_CONTENT_TYPES
            if not robots_txt and mime not in accepted:
                raise Fault("content-type", f"{mime or 'no content type'} is not "
                                            f"{'a feed, sitemap or HTML' if feed else 'HTML'}; body not read")
            max_bytes = settings.ROBOTS_MAX_BYTES if robots_txt else options.max_bytes
            body = read_body(response, max_bytes=max_bytes,
                             max_decoded=max(max_bytes, settings.FETCH_MAX_DECOMPRESSED_BYTES))
            what = None if robots_txt else binary_signature(body[:settings.FETCH_SNIFF_BYTES], gzip_ok=feed)
            if what:
                raise Fault("binary", f"served as {mime} but the body is {what}")
            return Fetched(url=url, final_url=current, status=status, content_type=content_type,
                           etag=response.headers.get("ETag"),
                           last_modified=response.headers.get("Last-Modified"),
                           fetched_at=fetched_at, body=body)

    def _redirect_target(self, response: requests.Response, current: str, chain: list[str],
                         host: Host, robots_txt: bool) -> str:
        location = response.headers.get("Location")
        if not location:
            raise Fault("http-status", f"HTTP {response.status_code} redirect without a Location",
                        status=response.status_code)
        try:
            target = normalize_url(urljoin(current, location.strip()))
        except ValueError:
            raise Fault("redirect", f"unusable Location {location!r}") from None
        if target in chain:
            raise Fault("redirect-loop", f"{current} redirects back to {target}")
        if len(chain) > settings.FETCH_MAX_REDIRECTS:
            raise Fault("too-many-redirects", f"more than {settings.FETCH_MAX_REDIRECTS} redirects, last to {target}")
        problem = (origin_problem(target, site_key=host.key) if robots_txt
                   else host.refusal(target, self.options.user_agent))
        if problem:
            kind, _, detail = problem.partition(": ")
            raise Fault(kind, f"redirect to {target} refused: {detail}")
        LOGGER.debug("%s redirects (%d) to %s", current, response.status_code, target)
        chain.append(target)
        return target


def retry_after_s(value: str | None) -> float | None:
    """Return the seconds a Retry-After header asks for (delta or HTTP date), or None if absent/garbled."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _status_fault(response: requests.Response, max_retry_after_s: float) -> Fault:
    status = response.status_code
    asked = retry_after_s(response.headers.get("Retry-After")) if status in (429, 503) else None
    if asked is not None and asked > max_retry_after_s:
        return Fault("retry-after", f"HTTP {status} asks to wait {asked:.0f} s "
                                    f"(cap {max_retry_after_s:g} s); host skipped for this run",
                     status=status, skip_host=True)
    retries = getattr(response.raw, "retries", None)
    tried = len(retries.history) if retries is not None else 0
    after = f" after {tried} {'retry' if tried == 1 else 'retries'}" if tried else ""
    reason = f" {response.reason}" if response.reason else ""
    return Fault("http-status", f"HTTP {status}{reason}{after}", status=status,
                 host_failure=status in settings.FETCH_RETRY_STATUSES)


def _transport_fault(exc: requests.RequestException) -> tuple[str, str]:
    """Return (kind, detail) for a request that got no HTTP response."""
    cause: Any = exc.args[0] if exc.args else exc
    after = ""
    if isinstance(cause, MaxRetryError):
        cause, after = cause.reason, " (retries exhausted)"
    if isinstance(cause, NewConnectionError):
        return "connection", f"cannot connect{after}: {short(cause)}"
    if isinstance(cause, ConnectTimeoutError) or isinstance(exc, requests.ConnectTimeout):
        return "timeout", f"connect timed out{after}"
    if isinstance(cause, ReadTimeoutError) or isinstance(exc, requests.ReadTimeout):
        return "timeout", f"read timed out{after}"
    return "connection", f"{type(cause).__name__}{after}: {short(cause)}"
