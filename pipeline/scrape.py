"""Scrape stage: fetch newsroom listing pages (and their release pages) into immutable raw snapshots.

Each site's listing is walked from its start URL along its pagination, politely: robots.txt is obeyed,
one request at a time per host with a delay between requests, conditional GETs, bounded retries. Every
new page body is stored as ``<raw>/<site>/<UTC time>_<sha256[:16]>.html`` with a ``.meta.json``
sidecar and never overwritten. A fetch fault is logged, recorded in the run report, and the run goes
on. docs/SCRAPING.md explains every setting.
"""
from __future__ import annotations

import email.utils
import hashlib
import ipaddress
import json
import logging
import math
import os
import re
import tempfile
import time
import tomllib
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urljoin, urlsplit, urlunsplit

import requests
from bs4 import BeautifulSoup
from protego import Protego
from requests.adapters import HTTPAdapter
from urllib3.exceptions import (
    ConnectTimeoutError,
    MaxRetryError,
    NewConnectionError,
    ProtocolError,
    ReadTimeoutError,
    ResponseError,
)
from urllib3.exceptions import HTTPError as Urllib3Error
from urllib3.util.retry import Retry

from . import settings
from .errors import ConfigError

LOGGER = logging.getLogger(__name__)

# === Scrape settings: each value and why (the other stages' settings are in pipeline/settings.py) ===
# Names the crawler and where to find its owner; robots.txt rules for "pressrelease-pipeline" apply.
# Replace the example.org address with a real contact page or mailbox before a production run.
DEFAULT_USER_AGENT = (
    "pressrelease-pipeline/0.1 (+https://example.org/pressrelease-pipeline; newsroom archiver)"
)
DEFAULT_MAX_PAGES = 5  # a nightly run needs only the newest listing pages; the incremental stop ends sooner
DEFAULT_DELAY_S = 1.0  # one request per second per host: the usual courtesy floor for a crawler
MAX_DELAY_S = 3600.0  # an hour between requests fetches a few pages a night; anything longer is a typo
MAX_SITE_NAME_CHARS = 100  # the name is a directory under raw/; file systems refuse names over 255 bytes
DEFAULT_TIMEOUT_S = (5.0, 20.0)  # (connect, read): connect fast or not at all; a busy CMS can take seconds
DEFAULT_MAX_RETRIES = 3  # rides out a deploy or a blip; few enough not to hammer a broken host
DEFAULT_BACKOFF_S = 1.0  # backoff factor: retries wait the host delay, then 2 s, 4 s, ... plus jitter
DEFAULT_MAX_RETRY_AFTER_S = 60.0  # a host asking for a longer pause is left alone until the next run
DEFAULT_MAX_CONSECUTIVE_FAILURES = 5  # five failures in a row means the host is down, not unlucky
DEFAULT_MAX_BYTES = 10_000_000  # on the wire; a listing page is < 1 MB, 10 MB is a dump or an attack
MAX_DECOMPRESSED_BYTES = settings.MAX_FILE_BYTES  # the read stage skips anything larger anyway
MAX_REDIRECTS = 5  # RFC 9309's floor for robots.txt; a newsroom needs one or two (http->https, old slug)
MAX_RESPONSE_S = 120.0  # whole-response deadline: a read timeout alone lets a server trickle forever
ROBOTS_MAX_BYTES = 512_000  # RFC 9309: parse at least 500 KiB; anything bigger is not a robots file
HTML_CONTENT_TYPES = frozenset({"text/html", "application/xhtml+xml"})  # the only pages the reader parses
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})  # overload, gateway and restart errors are transient
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
READ_CHUNK_BYTES = 64 * 1024  # streaming step: every size limit is enforced to within one chunk
SNIFF_BYTES = 4096  # how much of a body's head is checked for binary signatures
SEEN_LINKS_FILE = "_seen_links.txt"  # per site: release links on stored listing pages (the reader skips _*)
# =========================================================================================================

_SITE_NAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_UNSAFE_NAME_CHARS_RE = re.compile(r"[^A-Za-z0-9.-]+")
# "Next", "Older posts »", "›": short pagination labels only, so a title like "Next steps" never matches.
_NEXT_TEXT_RE = re.compile(
    r"(?:(?:next|older)(?:\s+(?:page|posts|entries|news|stories|articles|releases|results|items))?\s*)?"
    r"[›»→>]*",
    re.IGNORECASE,
)
_PAGE_PATH_RE = re.compile(r"/page/(\d+)/?$")
_SPACE_RE = re.compile(r"\s+")
_PAGE_QUERY_KEYS = ("page", "paged")
_DEFAULT_PORTS = {"http": 80, "https": 443}
_IGNORED_LINK_SCHEMES = frozenset({"mailto", "tel", "javascript", "data", "sms"})
_BINARY_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"RIFF", "a RIFF (WebP/AVI/WAV) file"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b", "gzip data"),
)
_ZLIB_WBITS = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}


class ScrapeConfigError(ConfigError, ValueError):
    """A bad sites file or site definition: the scrape cannot start."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Site:
    """One newsroom: where its listing starts and how hard to go at it."""

    name: str  # directory under raw/; "" derives it from the start URL's host
    start_url: str
    max_pages: int = DEFAULT_MAX_PAGES
    delay_s: float = DEFAULT_DELAY_S
    release_pages: bool = False

    def __post_init__(self) -> None:
        if isinstance(self.name, str) and len(self.name) > MAX_SITE_NAME_CHARS:
            raise ScrapeConfigError(f"site name {self.name[:20]!r}... is {len(self.name)} characters long; "
                                    f"use at most {MAX_SITE_NAME_CHARS}")
        if not isinstance(self.name, str) or (self.name and not _SITE_NAME_RE.fullmatch(self.name)):
            raise ScrapeConfigError(f"site name {self.name!r}: use letters, digits, '.', '_' or '-', "
                                    "starting with a letter or digit")
        where = f"site {self.name or self.start_url!r}"
        if not isinstance(self.start_url, str) or _origin_problem(self.start_url):
            raise ScrapeConfigError(f"{where}: start_url {self.start_url!r} is not an http(s) URL "
                                    "with a host")
        if isinstance(self.max_pages, bool) or not isinstance(self.max_pages, int) or self.max_pages < 1:
            raise ScrapeConfigError(f"{where}: max_pages must be an integer >= 1")
        if (isinstance(self.delay_s, bool) or not isinstance(self.delay_s, int | float)
                or not math.isfinite(self.delay_s) or not 0 <= self.delay_s <= MAX_DELAY_S):
            raise ScrapeConfigError(f"{where}: delay_s must be a number of seconds from 0 to {MAX_DELAY_S:.0f}")
        if not isinstance(self.release_pages, bool):
            raise ScrapeConfigError(f"{where}: release_pages must be true or false")


@dataclass(frozen=True, slots=True, kw_only=True)
class ScrapeReport:
    """What one scrape run did: counts of pages, and every fault with its reason."""

    pages_fetched: int  # answered 200 (body read in full) or 304, listing and release pages alike
    pages_stored: int  # new snapshots written
    pages_unchanged: int  # 304, or a 200 whose sha256 is already stored for the site
    release_pages_fetched: int  # the subset of pages_fetched that were release pages
    failures: tuple[tuple[str, str], ...]  # (url, "kind: detail"), in the order they happened
    seconds: float

    def to_dict(self) -> dict[str, Any]:
        """Return the report as a JSON-ready dict for the run report."""
        return {
            "pages_fetched": self.pages_fetched,
            "pages_stored": self.pages_stored,
            "pages_unchanged": self.pages_unchanged,
            "release_pages_fetched": self.release_pages_fetched,
            "failures": [{"url": url, "reason": reason} for url, reason in self.failures],
            "seconds": round(self.seconds, 3),
        }


def load_sites(path: Path) -> list[Site]:
    """Read a sites.toml file into Site definitions, or raise ScrapeConfigError saying what is wrong."""
    try:
        with open(path, "rb") as handle:
            document = tomllib.load(handle)
    except OSError as exc:
        raise ScrapeConfigError(f"{path}: cannot read sites file ({exc.strerror or exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ScrapeConfigError(f"{path}: not valid TOML ({exc})") from None
    except UnicodeDecodeError as exc:
        raise ScrapeConfigError(f"{path}: not UTF-8 text (byte {exc.start}); TOML files are UTF-8") from None
    unknown = set(document) - {"sites"}
    if unknown:
        raise ScrapeConfigError(f"{path}: unknown top-level key(s) {sorted(unknown)}; "
                                "expected only [[sites]] tables")
    entries = document.get("sites")
    if not isinstance(entries, list) or not entries or not all(isinstance(e, dict) for e in entries):
        raise ScrapeConfigError(f"{path}: expected at least one [[sites]] table")
    allowed = {"name", "start_url", "max_pages", "delay_s", "release_pages"}
    sites: list[Site] = []
    for number, entry in enumerate(entries, start=1):
        where = f"{path}: site #{number} ({entry.get('name', 'unnamed')})"
        if set(entry) - allowed:
            raise ScrapeConfigError(f"{where}: unknown key(s) {sorted(set(entry) - allowed)}; "
                                    f"allowed: {sorted(allowed)}")
        if "start_url" not in entry:
            raise ScrapeConfigError(f"{where}: start_url is required")
        try:
            sites.append(Site(**{"name": "", **entry}))
        except ScrapeConfigError as exc:
            raise ScrapeConfigError(f"{where}: {exc}") from None
    names = [site_dir_name(site) for site in sites]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise ScrapeConfigError(f"{path}: site name(s) {duplicates} used twice; give each site its own name")
    return sites


def site_dir_name(site: Site) -> str:
    """Return the directory name under raw/ for a site: its name, or one derived from its host."""
    if site.name:
        return site.name
    return _UNSAFE_NAME_CHARS_RE.sub("_", _host_key(urlsplit(site.start_url))).strip("_") or "site"


def scrape(
    sites: list[Site],
    raw_dir: Path,
    *,
    user_agent: str | None = None,
    timeout_s: tuple[float, float] = DEFAULT_TIMEOUT_S,
    max_retries: int = DEFAULT_MAX_RETRIES,
    backoff_s: float = DEFAULT_BACKOFF_S,
    max_retry_after_s: float = DEFAULT_MAX_RETRY_AFTER_S,
    max_consecutive_failures: int = DEFAULT_MAX_CONSECUTIVE_FAILURES,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> ScrapeReport:
    """Scrape every site's listing pages (and release pages) into raw_dir and report what happened."""
    if len(timeout_s) != 2 or min(timeout_s) <= 0:
        raise ScrapeConfigError(f"timeout_s must be two positive numbers (connect, read), not {timeout_s!r}")
    if max_retries < 0 or backoff_s < 0 or max_retry_after_s < 0:
        raise ScrapeConfigError("max_retries, backoff_s and max_retry_after_s must not be negative")
    if max_consecutive_failures < 1 or max_bytes < 1:
        raise ScrapeConfigError("max_consecutive_failures and max_bytes must be at least 1")
    options = _Options(
        user_agent=user_agent or DEFAULT_USER_AGENT,
        timeout_s=(float(timeout_s[0]), float(timeout_s[1])),
        max_retries=max_retries,
        backoff_s=backoff_s,
        max_retry_after_s=max_retry_after_s,
        max_consecutive_failures=max_consecutive_failures,
        max_bytes=max_bytes,
    )
    started = time.monotonic()
    run = _Run(Path(raw_dir), options)
    try:
        for site in sites:
            run.scrape_site(site)
    finally:
        run.session.close()
    report = run.report(time.monotonic() - started)
    LOGGER.info("scrape: %d fetched, %d stored, %d unchanged, %d release pages, %d failures in %.1f s",
                report.pages_fetched, report.pages_stored, report.pages_unchanged,
                report.release_pages_fetched, len(report.failures), report.seconds)
    return report


# --- internals ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class _Options:
    user_agent: str
    timeout_s: tuple[float, float]
    max_retries: int
    backoff_s: float
    max_retry_after_s: float
    max_consecutive_failures: int
    max_bytes: int


class _Fault(Exception):
    """An expected fetch failure: recorded as "kind: detail", never a traceback."""

    def __init__(self, kind: str, detail: str, *, status: int | None = None,
                 host_failure: bool = False, skip_host: bool = False) -> None:
        super().__init__(f"{kind}: {detail}")
        self.kind = kind
        self.status = status
        self.host_failure = host_failure  # the host failed to answer; counts towards giving it up
        self.skip_host = skip_host  # the host asked us to stay away; leave it alone for this run

    @property
    def transient(self) -> bool:
        """True if trying again on another day may well succeed."""
        return self.host_failure or self.skip_host


@dataclass(slots=True, kw_only=True)
class _Host:
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
            asked = _retry_after_s(response.headers.get("Retry-After"))
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


@dataclass(frozen=True, slots=True, kw_only=True)
class _Page:
    url: str  # as requested
    final_url: str  # after redirects
    status: int
    content_type: str
    etag: str | None
    last_modified: str | None
    fetched_at: datetime
    body: bytes | None  # None for a 304 whose snapshot is gone
    not_modified: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class _Snapshot:
    html_path: Path
    etag: str | None
    last_modified: str | None
    content_type: str


class _Archive:
    """The snapshots of one site directory: what is stored, the validators, the release links seen."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        directory.mkdir(parents=True, exist_ok=True)
        self.hashes: set[str] = set()
        self.stored_urls: set[str] = set()
        self.latest: dict[str, _Snapshot] = {}  # by final URL: validators belong to what was served there
        # Stems start with the fetch time, so name order is time order and the last one per URL wins.
        for sidecar in sorted(directory.glob("*.meta.json")):
            try:
                meta = json.loads(sidecar.read_text(encoding="utf-8"))
                sha, url, final_url = meta["sha256"], meta["url"], meta.get("final_url") or meta["url"]
            except (OSError, ValueError, KeyError, TypeError) as exc:
                LOGGER.warning("%s: unreadable sidecar ignored (%s)", sidecar, exc)
                continue
            self.hashes.add(sha)
            self.stored_urls.update((url, final_url))
            self.latest[final_url] = _Snapshot(
                html_path=sidecar.with_name(sidecar.name.removesuffix(".meta.json") + ".html"),
                etag=meta.get("etag"), last_modified=meta.get("last_modified"),
                content_type=meta.get("content_type") or "",
            )
        self.seen_links_path = directory / SEEN_LINKS_FILE
        try:
            lines = self.seen_links_path.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            lines = []
        self.seen_links: set[str] = {line.strip() for line in lines if line.strip()}

    def validators(self, url: str) -> dict[str, str]:
        snapshot = self.latest.get(url)
        headers: dict[str, str] = {}
        if snapshot and snapshot.html_path.exists():  # a 304 is only useful if the body is still here
            if snapshot.etag:
                headers["If-None-Match"] = snapshot.etag
            if snapshot.last_modified:
                headers["If-Modified-Since"] = snapshot.last_modified
        return headers

    def stored_body(self, url: str) -> tuple[bytes | None, str]:
        snapshot = self.latest.get(url)
        if snapshot is None:
            return None, ""
        try:
            return snapshot.html_path.read_bytes(), snapshot.content_type
        except OSError:
            return None, snapshot.content_type

    def store(self, page: _Page, site: str) -> bool:
        """Write the page as a new snapshot and return True, or return False if its body is stored already."""
        assert page.body is not None
        sha = hashlib.sha256(page.body).hexdigest()
        if sha in self.hashes:
            return False
        stem = f"{page.fetched_at.strftime('%Y%m%dT%H%M%S%fZ')}_{sha[:16]}"
        html_path = self.directory / f"{stem}.html"
        meta_path = self.directory / f"{stem}.meta.json"
        if html_path.exists() or meta_path.exists():
            LOGGER.warning("%s: snapshot %s exists; not overwriting it", page.url, stem)
            return False
        meta = {
            "url": page.url, "final_url": page.final_url, "status": page.status,
            "content_type": page.content_type, "etag": page.etag, "last_modified": page.last_modified,
            "fetched_at": page.fetched_at.isoformat(timespec="microseconds").replace("+00:00", "Z"),
            "sha256": sha, "size": len(page.body), "site": site,
        }
        _write_new_file(html_path, page.body)
        # The sidecar goes last: a snapshot without one is an interrupted write, never a wrong URL.
        _write_new_file(meta_path, (json.dumps(meta, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
        self.hashes.add(sha)
        self.stored_urls.update((page.url, page.final_url))
        self.latest[page.final_url] = _Snapshot(
            html_path=html_path, etag=page.etag, last_modified=page.last_modified,
            content_type=page.content_type,
        )
        return True

    def remember_links(self, links: Iterable[str]) -> None:
        new = [link for link in dict.fromkeys(links) if link not in self.seen_links]
        if not new:
            return
        with open(self.seen_links_path, "a", encoding="utf-8") as handle:
            handle.write("".join(f"{link}\n" for link in new))
            handle.flush()
            os.fsync(handle.fileno())
        self.seen_links.update(new)


@dataclass(slots=True, kw_only=True)
class _SiteRun:
    site: Site
    name: str
    host: _Host
    archive: _Archive
    seen_before: frozenset[str]  # release links stored before this run: the incremental stop's yardstick
    attempted: set[str] = field(default_factory=set)


@dataclass(slots=True)
class _Tally:
    fetched: int = 0
    stored: int = 0
    unchanged: int = 0
    release_fetched: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)


class _Run:
    """One scrape run: a session, the hosts' politeness state, the site archives and the tally."""

    def __init__(self, raw_dir: Path, options: _Options) -> None:
        self.raw_dir = raw_dir
        self.options = options
        self.session = requests.Session()
        self.session.headers.update({
            "User-Agent": options.user_agent,
            # Only what _Inflater can decode under a size limit; brotli/zstd would bypass it.
            "Accept-Encoding": "gzip, deflate",
            "Accept": "text/html,application/xhtml+xml;q=0.9",
        })
        # A default adapter that never retries: only URLs on a known host (mounted below) are fetched.
        for scheme in ("http://", "https://"):
            self.session.mount(scheme, HTTPAdapter(max_retries=Retry(0, read=False)))
        self.hosts: dict[str, _Host] = {}
        self.archives: dict[str, _Archive] = {}
        self.tally = _Tally()

    def report(self, seconds: float) -> ScrapeReport:
        tally = self.tally
        return ScrapeReport(pages_fetched=tally.fetched, pages_stored=tally.stored,
                            pages_unchanged=tally.unchanged, release_pages_fetched=tally.release_fetched,
                            failures=tuple(tally.failures), seconds=seconds)

    # --- sites ---

    def scrape_site(self, site: Site) -> None:
        name = site_dir_name(site)
        start_url = _normalize_url(site.start_url)
        host = self._host(start_url, site.delay_s)
        if name not in self.archives:
            self.archives[name] = _Archive(self.raw_dir / name)
        archive = self.archives[name]
        run = _SiteRun(site=site, name=name, host=host, archive=archive,
                       seen_before=frozenset(archive.seen_links))
        if host.given_up:
            LOGGER.warning("%s: skipped, host %s was given up earlier in this run (%s)",
                           name, host.key, host.given_up)
            return
        LOGGER.info("%s: scraping %s (at most %d pages, %.2g s between requests)",
                    name, start_url, site.max_pages, host.interval_s)
        if not self._load_robots(run, start_url):
            return
        found: list[str] = []  # release links on the listing pages walked, in order
        retry_later: set[str] = set()  # release pages that failed for now: not marked seen
        if self._walk(run, start_url, found, retry_later):
            archive.remember_links(link for link in found if link not in retry_later)
        elif found:
            # The seen index only advances on a finished walk, so the next run walks these pages again.
            LOGGER.info("%s: walk interrupted; its %d release links stay unseen for the next run",
                        name, len(found))

    def _walk(self, run: _SiteRun, start_url: str, found: list[str], retry_later: set[str]) -> bool:
        """Follow the site's pagination; return False if something that may work next time cut it short."""
        name, site = run.name, run.site
        problem = self._url_problem(start_url, run)
        if problem:
            self._fail(start_url, problem)
            return False
        url = start_url
        visited: set[str] = set()
        for _ in range(site.max_pages):
            visited.add(url)
            page = self._fetch(url, run)
            if isinstance(page, _Fault):
                return not page.transient  # a listing page that is gone for good ends the walk
            if page.body is None:
                LOGGER.info("%s: %s unchanged (304) but its snapshot is gone; stopping", name, url)
                return False
            soup = _soup(page.body, page.content_type)
            next_url = _next_page_url(soup, page.final_url)
            links = _release_links(soup, page.final_url, exclude={url, page.final_url, next_url or ""})
            found.extend(links)
            if site.release_pages:
                retry_later.update(self._fetch_release_pages(links, run))
            if run.host.given_up:
                return False
            if links and all(link in run.seen_before for link in links):
                LOGGER.info("%s: %s holds only releases already stored; stopping", name, url)
                return True
            if next_url is None:
                LOGGER.info("%s: no next page after %s; done", name, url)
                return True
            if next_url in visited:
                LOGGER.info("%s: next page %s was already visited; stopping", name, next_url)
                return True
            problem = self._url_problem(next_url, run)
            if problem:
                self._fail(next_url, problem)
                return True
            url = next_url
        LOGGER.info("%s: reached max_pages=%d", name, site.max_pages)
        return True

    def _fetch_release_pages(self, links: list[str], run: _SiteRun) -> set[str]:
        """Fetch the release pages of cards new since the last run; return those to try again next run.

        A page that failed for good (404, not HTML, too large, disallowed) is not tried again; one that
        failed for now (timeout, 5xx, cut short, host given up) is, because it is not marked seen.
        """
        retry_later = set()
        for link in links:
            if link in run.seen_before or link in run.archive.stored_urls or link in run.attempted:
                continue
            if run.host.given_up:
                retry_later.add(link)
                continue
            run.attempted.add(link)
            problem = self._url_problem(link, run)
            if problem:
                self._fail(link, problem)
                continue
            page = self._fetch(link, run)
            if isinstance(page, _Fault):
                if page.transient:
                    retry_later.add(link)
            else:
                self.tally.release_fetched += 1
        return retry_later

    # --- hosts and robots.txt ---

    def _host(self, url: str, delay_s: float) -> _Host:
        key = _host_key(urlsplit(url))
        host = self.hosts.get(key)
        if host is not None:
            host.interval_s = max(host.interval_s, delay_s)
            return host
        host = self.hosts[key] = _Host(key=key, interval_s=delay_s)
        options = self.options
        retry = _PoliteRetry(
            total=options.max_retries, connect=options.max_retries, read=options.max_retries,
            status=options.max_retries, other=0, allowed_methods=frozenset({"GET"}),
            status_forcelist=RETRY_STATUSES,
            backoff_factor=options.backoff_s, backoff_jitter=options.backoff_s,
            backoff_max=options.max_retry_after_s, retry_after_max=options.max_retry_after_s,
            respect_retry_after_header=True, raise_on_status=False, wait_turn=host.wait_turn,
        )
        # One pooled connection per host: requests go out one at a time anyway, so one suffices.
        adapter = HTTPAdapter(max_retries=retry, pool_connections=1, pool_maxsize=1)
        for scheme in ("http", "https"):
            self.session.mount(f"{scheme}://{key}/", adapter)
        return host

    def _load_robots(self, run: _SiteRun, start_url: str) -> bool:
        host = run.host
        if host.robots is None:
            parts = urlsplit(start_url)
            robots_url = urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))
            LOGGER.debug("%s: fetching %s", host.key, robots_url)
            try:
                page = self._get(robots_url, run, robots_txt=True)
            except _Fault as fault:
                if fault.status is not None and 400 <= fault.status < 500 and fault.status != 429:
                    # RFC 9309 2.3.1.3: an unavailable robots.txt (4xx) means no restrictions.
                    LOGGER.info("%s: no robots.txt (HTTP %d); everything allowed", host.key, fault.status)
                    host.robots = Protego.parse("")
                else:
                    # RFC 9309 2.3.1.4: an unreachable robots.txt means assume everything is disallowed.
                    self._give_up(host, robots_url, f"robots: robots.txt unreachable ({fault}); "
                                                    "host skipped for this run")
                    return False
            else:
                assert page.body is not None
                host.robots = Protego.parse(page.body.decode("utf-8", errors="replace"))
            delay = host.robots.crawl_delay(self.options.user_agent)
            rate = host.robots.request_rate(self.options.user_agent)
            if rate is not None and rate.requests > 0:
                delay = max(delay or 0.0, rate.seconds / rate.requests)
            if delay:
                if delay > self.options.max_retry_after_s:
                    self._give_up(host, robots_url, f"crawl-delay: robots.txt asks for {delay:g} s between "
                                                    f"requests (cap {self.options.max_retry_after_s:g} s); "
                                                    "host skipped for this run")
                    return False
                if delay > host.interval_s:
                    LOGGER.info("%s: robots.txt asks for %g s between requests", host.key, delay)
                    host.interval_s = delay
        return host.given_up is None

    def _url_problem(self, url: str, run: _SiteRun) -> str | None:
        problem = _origin_problem(url, site_key=run.host.key)
        if problem:
            return problem
        assert run.host.robots is not None
        if not run.host.robots.can_fetch(url, self.options.user_agent):
            return "robots: disallowed by robots.txt"
        return None

    def _fail(self, url: str, reason: str) -> None:
        LOGGER.warning("%s: %s", url, reason)
        self.tally.failures.append((url, reason))

    def _give_up(self, host: _Host, url: str, reason: str) -> None:
        host.given_up = reason
        self._fail(url, reason)

    # --- fetching ---

    def _fetch(self, url: str, run: _SiteRun) -> _Page | _Fault:
        """Fetch and store one page; record and return the fault when it cannot be had."""
        host = run.host
        try:
            page = self._get(url, run)
        except _Fault as fault:
            self._fail(url, str(fault))
            if fault.skip_host:
                host.given_up = str(fault)
            elif fault.host_failure:
                host.failures += 1
                if host.failures >= self.options.max_consecutive_failures:
                    self._give_up(host, url, f"gave-up: {host.failures} consecutive failures on {host.key}; "
                                             "host skipped for the rest of this run")
            return fault
        host.failures = 0
        self.tally.fetched += 1
        if page.not_modified:
            self.tally.unchanged += 1
            LOGGER.info("%s: not modified (304)", url)
        elif run.archive.store(page, run.name):
            self.tally.stored += 1
            LOGGER.info("%s: stored (%d bytes)", url, len(page.body or b""))
        else:
            self.tally.unchanged += 1
            LOGGER.info("%s: unchanged (same sha256 already stored)", url)
        return page

    def _get(self, url: str, run: _SiteRun, *, robots_txt: bool = False) -> _Page:
        """GET url following at most MAX_REDIRECTS same-host redirects; raise _Fault on any failure."""
        options = self.options
        chain = [url]
        current = url
        while True:
            headers = {"Accept": "text/plain"} if robots_txt else run.archive.validators(current)
            run.host.wait_turn()
            try:
                response = self.session.get(current, headers=headers, timeout=options.timeout_s,
                                            stream=True, allow_redirects=False)
            except requests.RequestException as exc:
                raise _Fault(*_transport_fault(exc), host_failure=True) from None
            with response:
                fetched_at = datetime.now(UTC)
                status = response.status_code
                if status in REDIRECT_STATUSES:
                    current = self._redirect_target(response, current, chain, run, robots_txt)
                    continue
                if status == 304 and ("If-None-Match" in headers or "If-Modified-Since" in headers):
                    body, content_type = run.archive.stored_body(current)
                    return _Page(url=url, final_url=current, status=304, content_type=content_type,
                                 etag=response.headers.get("ETag"), last_modified=None, fetched_at=fetched_at,
                                 body=body, not_modified=True)
                if status != 200:
                    raise _status_fault(response, options.max_retry_after_s)
                content_type = response.headers.get("Content-Type", "")
                mime = content_type.split(";", 1)[0].strip().lower()
                if not robots_txt and mime not in HTML_CONTENT_TYPES:
                    raise _Fault("content-type", f"{mime or 'no content type'} is not HTML; body not read")
                max_bytes = ROBOTS_MAX_BYTES if robots_txt else options.max_bytes
                body = _read_body(response, max_bytes=max_bytes,
                                  max_decoded=max(max_bytes, MAX_DECOMPRESSED_BYTES))
                what = None if robots_txt else _binary_signature(body[:SNIFF_BYTES])
                if what:
                    raise _Fault("binary", f"served as {mime} but the body is {what}")
                return _Page(url=url, final_url=current, status=status, content_type=content_type,
                             etag=response.headers.get("ETag"),
                             last_modified=response.headers.get("Last-Modified"),
                             fetched_at=fetched_at, body=body)

    def _redirect_target(self, response: requests.Response, current: str, chain: list[str],
                         run: _SiteRun, robots_txt: bool) -> str:
        location = response.headers.get("Location")
        if not location:
            raise _Fault("http-status", f"HTTP {response.status_code} redirect without a Location",
                         status=response.status_code)
        try:
            target = _normalize_url(urljoin(current, location.strip()))
        except ValueError:
            raise _Fault("redirect", f"unusable Location {location!r}") from None
        if target in chain:
            raise _Fault("redirect-loop", f"{current} redirects back to {target}")
        if len(chain) > MAX_REDIRECTS:
            raise _Fault("too-many-redirects", f"more than {MAX_REDIRECTS} redirects, last to {target}")
        problem = (_origin_problem(target, site_key=run.host.key) if robots_txt
                   else self._url_problem(target, run))
        if problem:
            kind, _, detail = problem.partition(": ")
            raise _Fault(kind, f"redirect to {target} refused: {detail}")
        LOGGER.debug("%s redirects (%d) to %s", current, response.status_code, target)
        chain.append(target)
        return target


# --- pure helpers ---------------------------------------------------------------------------------------


def _host_key(parts: Any) -> str:
    """Return host[:port] with the port only when it is not the scheme's default; the politeness key."""
    host = (parts.hostname or "").lower()
    if not host.isascii():
        host = host.encode("idna").decode("ascii")  # what requests puts on the wire and matches adapters by
    if ":" in host:
        host = f"[{host}]"
    port = parts.port
    if port is None or port == _DEFAULT_PORTS.get(parts.scheme.lower()):
        return host
    return f"{host}:{port}"


def _normalize_url(url: str) -> str:
    """Return url with a lower-case scheme and host, no default port, no fragment, no credentials."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS:
        return urlunsplit((scheme, parts.netloc, parts.path, parts.query, ""))
    return urlunsplit((scheme, _host_key(parts), parts.path or "/", parts.query, ""))


def _origin_problem(url: str, *, site_key: str | None = None) -> str | None:
    """Say why url may not be fetched for the site with host key site_key (any host if None), or None."""
    try:
        parts = urlsplit(url)
        key = _host_key(parts)
    except ValueError as exc:
        return f"scheme: malformed URL ({exc})"
    if parts.scheme.lower() not in _DEFAULT_PORTS:
        return f"scheme: {parts.scheme or 'scheme-less'} URLs are never fetched"
    if not parts.hostname:
        return "scheme: URL has no host"
    if site_key is None or key == site_key:
        return None
    # Named apart because a public page pointing inward is how SSRF starts; from a site that is itself
    # on a private address (an intranet, a test server) it is just another host.
    if _is_private_host(parts.hostname) and not _is_private_host(urlsplit(f"//{site_key}").hostname or ""):
        return f"private-address: {parts.hostname} is not a public address"
    return f"offsite: {key} is not the site's host {site_key}"


def _is_private_host(hostname: str) -> bool:
    name = hostname.lower().rstrip(".")
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return not ipaddress.ip_address(name).is_global
    except ValueError:
        return False


def _retry_after_s(value: str | None) -> float | None:
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


def _status_fault(response: requests.Response, max_retry_after_s: float) -> _Fault:
    status = response.status_code
    asked = _retry_after_s(response.headers.get("Retry-After")) if status in (429, 503) else None
    if asked is not None and asked > max_retry_after_s:
        return _Fault("retry-after", f"HTTP {status} asks to wait {asked:.0f} s "
                                     f"(cap {max_retry_after_s:g} s); host skipped for this run",
                      status=status, skip_host=True)
    retries = getattr(response.raw, "retries", None)
    tried = len(retries.history) if retries is not None else 0
    after = f" after {tried} {'retry' if tried == 1 else 'retries'}" if tried else ""
    reason = f" {response.reason}" if response.reason else ""
    return _Fault("http-status", f"HTTP {status}{reason}{after}", status=status,
                  host_failure=status in RETRY_STATUSES)


def _transport_fault(exc: requests.RequestException) -> tuple[str, str]:
    """Return (kind, detail) for a request that got no HTTP response."""
    cause: Any = exc.args[0] if exc.args else exc
    after = ""
    if isinstance(cause, MaxRetryError):
        cause, after = cause.reason, " (retries exhausted)"
    if isinstance(cause, NewConnectionError):
        return "connection", f"cannot connect{after}: {_short(cause)}"
    if isinstance(cause, ConnectTimeoutError) or isinstance(exc, requests.ConnectTimeout):
        return "timeout", f"connect timed out{after}"
    if isinstance(cause, ReadTimeoutError) or isinstance(exc, requests.ReadTimeout):
        return "timeout", f"read timed out{after}"
    return "connection", f"{type(cause).__name__}{after}: {_short(cause)}"


def _short(error: object) -> str:
    return _SPACE_RE.sub(" ", str(error))[:200]


class _Inflater:
    """Bounded gzip/deflate decoding: never produces more than `limit` bytes, however small the input."""

    __slots__ = ("_encoding", "_limit", "_produced", "_zlib")

    def __init__(self, encoding: str, limit: int) -> None:
        self._encoding = encoding
        self._limit = limit
        self._produced = 0
        self._zlib = zlib.decompressobj(_ZLIB_WBITS[encoding])

    def feed(self, data: bytes) -> bytes:
        room = self._limit - self._produced
        try:
            out = self._zlib.decompress(data, room + 1)
        except zlib.error as exc:
            raise _Fault("content-encoding", f"corrupt {self._encoding} data ({exc})") from None
        self._produced += len(out)
        if self._produced > self._limit:
            raise _Fault("decompressed-too-large", f"{self._encoding} body expands past {self._limit} bytes")
        return out

    def finish(self) -> None:
        if not self._zlib.eof:
            raise _Fault("truncated", f"{self._encoding} stream ends early", host_failure=True)


def _read_body(response: requests.Response, *, max_bytes: int, max_decoded: int) -> bytes:
    """Stream the body, enforcing the wire and decoded size limits and the whole-response deadline."""
    declared = response.headers.get("Content-Length", "").strip()
    if declared.isdigit() and int(declared) > max_bytes:
        raise _Fault("too-large", f"Content-Length {declared} is over {max_bytes} bytes; body not read")
    encoding = response.headers.get("Content-Encoding", "").strip().lower()
    if encoding in ("", "identity"):
        inflater = None
    elif encoding in _ZLIB_WBITS:
        inflater = _Inflater(encoding, max_decoded)
    else:
        raise _Fault("content-encoding", f"unsupported Content-Encoding {encoding!r}")
    deadline = time.monotonic() + MAX_RESPONSE_S
    wire = 0
    body = bytearray()
    # Raw, undecoded chunks: urllib3 counts wire bytes (tell()) only for non-chunked bodies, and the
    # wire limit must hold for chunked ones too, so the decoding happens here under our own limit.
    try:
        for chunk in response.raw.stream(READ_CHUNK_BYTES, decode_content=False):
            wire += len(chunk)
            if wire > max_bytes:
                raise _Fault("too-large", f"body is over {max_bytes} bytes (stopped while streaming)")
            body += inflater.feed(chunk) if inflater else chunk
            if time.monotonic() > deadline:
                raise _Fault("timeout", f"response took over {MAX_RESPONSE_S:g} s", host_failure=True)
        if inflater:
            inflater.finish()
    except ReadTimeoutError:
        raise _Fault("timeout", "read timed out while reading the body", host_failure=True) from None
    except ProtocolError as exc:
        raise _Fault("truncated", f"body cut short ({_short(exc.args[0] if exc.args else exc)})",
                     host_failure=True) from None
    except (Urllib3Error, OSError) as exc:
        raise _Fault("connection", f"{type(exc).__name__} while reading the body: {_short(exc)}",
                     host_failure=True) from None
    if len(body) > max_decoded:
        raise _Fault("decompressed-too-large", f"body is over {max_decoded} bytes")
    return bytes(body)


def _binary_signature(head: bytes) -> str | None:
    """Name the binary format head starts with, or say it holds NUL bytes; None for text."""
    for signature, what in _BINARY_SIGNATURES:
        if head.startswith(signature):
            return what
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 text legitimately holds NUL bytes
        return None
    if b"\x00" in head:
        return "binary data (NUL bytes)"
    return None


def _write_new_file(path: Path, data: bytes) -> None:
    """Write data to a new file atomically: temp file in the same directory, fsync, rename."""
    if path.exists():
        raise FileExistsError(path)
    # The dot prefix and .part suffix keep a half-written file out of the reader's sight.
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    try:
        directory = os.open(path.parent, os.O_RDONLY)
    except OSError:  # directories cannot be opened on some platforms; the rename is still atomic
        return
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def _charset(content_type: str) -> str | None:
    for parameter in content_type.split(";")[1:]:
        key, _, value = parameter.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _soup(body: bytes, content_type: str) -> BeautifulSoup:
    return BeautifulSoup(body, "lxml", from_encoding=_charset(content_type))


def _base_url(soup: BeautifulSoup, page_url: str) -> str:
    base = soup.find("base", href=True)
    return urljoin(page_url, str(base["href"]).strip()) if base else page_url


def _link_url(href: Any, base_url: str) -> str | None:
    href = str(href or "").strip()
    if not href or href.startswith("#"):
        return None
    try:
        url = _normalize_url(urljoin(base_url, href))
    except ValueError:
        return None
    scheme = url.split(":", 1)[0]
    return None if scheme in _IGNORED_LINK_SCHEMES else url


def _release_links(soup: BeautifulSoup, page_url: str, *, exclude: set[str]) -> list[str]:
    """Return the release links of a listing page, in page order, without duplicates.

    With <article> elements: one link per article, the one in its heading (h1-h4) or else its first.
    Without: every link inside an h2/h3 outside nav, header, footer and aside.
    """
    base = _base_url(soup, page_url)
    anchors = []
    articles = soup.find_all("article")
    if articles:
        for article in articles:
            anchor = (article.select_one("h1 a[href], h2 a[href], h3 a[href], h4 a[href]")
                      or article.find("a", href=True))
            if anchor is not None:
                anchors.append(anchor)
    else:
        anchors = [anchor for anchor in soup.select("h2 a[href], h3 a[href]")
                   if anchor.find_parent(["nav", "header", "footer", "aside"]) is None]
    links = (_link_url(anchor.get("href"), base) for anchor in anchors)
    return [link for link in dict.fromkeys(links) if link and link not in exclude]


def _page_number(url: str) -> int | None:
    parts = urlsplit(url)
    match = _PAGE_PATH_RE.search(parts.path)
    if match:
        return int(match.group(1))
    for key, value in parse_qsl(parts.query):
        if key.lower() in _PAGE_QUERY_KEYS and value.isdigit():
            return int(value)
    return None


def _next_page_url(soup: BeautifulSoup, page_url: str) -> str | None:
    """Return the listing's next page: rel="next", a Next/Older/›/» link, or /page/N+1/ numbering."""
    base = _base_url(soup, page_url)
    candidates = []
    for tag in soup.find_all(["a", "link"], href=True):
        rel: Iterable[str] = tag.get("rel") or []
        if "next" in [value.lower() for value in rel]:
            candidates.append((0, tag["href"]))
            continue
        if tag.name != "a":
            continue
        label = _SPACE_RE.sub(" ", tag.get_text(" ", strip=True) or str(tag.get("aria-label") or "")).strip()
        if label and _NEXT_TEXT_RE.fullmatch(label):
            candidates.append((1, tag["href"]))
        else:
            candidates.append((2, tag["href"]))
    current = _page_number(page_url) or 1
    here = _normalize_url(page_url)
    for rank, href in sorted(candidates, key=lambda candidate: candidate[0]):
        url = _link_url(href, base)
        if not url or url == here:
            continue
        if rank < 2 or _page_number(url) == current + 1:
            return url
    return None
