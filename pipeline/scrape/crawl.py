"""The crawl: each site's listing walked along its pagination, its feeds and sitemaps read, new pages
stored, every fault reported.

Each site's listing is walked from its start URL along its pagination, politely (pipeline.scrape.http),
as robots.txt allows (pipeline.scrape.robots). A walk stops at the first listing page that holds only
releases stored before (the incremental stop), at max_pages, or where the pagination ends. A start URL that
is a feed or a sitemap is read instead; an HTML start page also leads to the site's feeds and sitemaps
(pipeline.scrape.documents), whose releases are fetched newest first. A fetch fault is logged, recorded in
the report, and the run goes on.
"""
from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import settings
from ..feeds import SITEMAP_INDEX, Entry, NotListed, parse
from ..urls import normalize_url, origin_problem
from . import documents, listing
from .archive import Archive
from .fault import Fault
from .http import Fetched, Fetcher, FetchOptions, Host
from .robots import load_robots
from .sites import ScrapeConfigError, Site, site_dir_name

LOGGER = logging.getLogger(__name__)


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


def scrape(
    sites: list[Site],
    raw_dir: Path,
    *,
    user_agent: str | None = None,
    timeout_s: tuple[float, float] = settings.FETCH_TIMEOUT_S,
    max_retries: int = settings.FETCH_MAX_RETRIES,
    backoff_s: float = settings.FETCH_BACKOFF_S,
    max_retry_after_s: float = settings.FETCH_MAX_RETRY_AFTER_S,
    max_consecutive_failures: int = settings.FETCH_MAX_CONSECUTIVE_FAILURES,
    max_bytes: int = settings.FETCH_MAX_BYTES,
) -> ScrapeReport:
    """Scrape every site's listing pages (and release pages) into raw_dir and report what happened."""
    if len(timeout_s) != 2 or min(timeout_s) <= 0:
        raise ScrapeConfigError(f"timeout_s must be two positive numbers (connect, read), not {timeout_s!r}")
    if max_retries < 0 or backoff_s < 0 or max_retry_after_s < 0:
        raise ScrapeConfigError("max_retries, backoff_s and max_retry_after_s must not be negative")
    if max_consecutive_failures < 1 or max_bytes < 1:
        raise ScrapeConfigError("max_consecutive_failures and max_bytes must be at least 1")
    options = FetchOptions(
        user_agent=user_agent or settings.SCRAPE_USER_AGENT,
        timeout_s=(float(timeout_s[0]), float(timeout_s[1])),
        max_retries=max_retries,
        backoff_s=backoff_s,
        max_retry_after_s=max_retry_after_s,
        max_consecutive_failures=max_consecutive_failures,
        max_bytes=max_bytes,
    )
    started = time.monotonic()
    crawl = _Crawl(Path(raw_dir), options)
    try:
        for site in sites:
            crawl.scrape_site(site)
    finally:
        crawl.fetcher.close()
    report = crawl.report(time.monotonic() - started)
    LOGGER.info("scrape: %d fetched, %d stored, %d unchanged, %d release pages, %d failures in %.1f s",
                report.pages_fetched, report.pages_stored, report.pages_unchanged,
                report.release_pages_fetched, len(report.failures), report.seconds)
    return report


@dataclass(slots=True, kw_only=True)
class _SiteRun:
    site: Site
    name: str
    host: Host
    archive: Archive
    seen_before: frozenset[str]  # release links stored before this run: the incremental stop's yardstick
    attempted: set[str] = field(default_factory=set)


@dataclass(slots=True)
class _Tally:
    fetched: int = 0
    stored: int = 0
    unchanged: int = 0
    release_fetched: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)


class _Crawl:
    """One scrape run: the fetcher (hosts' politeness state), the site archives and the tally."""

    def __init__(self, raw_dir: Path, options: FetchOptions) -> None:
        self.raw_dir = raw_dir
        self.options = options
        self.fetcher = Fetcher(options)
        self.archives: dict[str, Archive] = {}
        self.tally = _Tally()

    def report(self, seconds: float) -> ScrapeReport:
        """What the run did, with the seconds it took."""
        tally = self.tally
        return ScrapeReport(pages_fetched=tally.fetched, pages_stored=tally.stored,
                            pages_unchanged=tally.unchanged, release_pages_fetched=tally.release_fetched,
                            failures=tuple(tally.failures), seconds=seconds)

    def scrape_site(self, site: Site) -> None:
        """Walk one site's listing (and release pages) into its archive."""
        name = site_dir_name(site)
        start_url = normalize_url(site.start_url)
        host = self.fetcher.host(start_url, site.delay_s)
        if name not in self.archives:
            self.archives[name] = Archive(self.raw_dir / name)
        archive = self.archives[name]
        run = _SiteRun(site=site, name=name, host=host, archive=archive,
                       seen_before=frozenset(archive.seen_links))
        if host.given_up:
            LOGGER.warning("%s: skipped, host %s was given up earlier in this run (%s)",
                           name, host.key, host.given_up)
            return
        LOGGER.info("%s: scraping %s (at most %d pages, %.2g s between requests)",
                    name, start_url, site.max_pages, host.interval_s)
        refused = load_robots(self.fetcher, host, start_url)
        if refused is not None:
            self._give_up(host, *refused)
            return
        found: list[str] = []  # release links on the listing pages walked, in order
        retry_later: set[str] = set()  # release pages that failed for now: not marked seen
        if self._start(run, start_url, found, retry_later):
            archive.remember_links(link for link in found if link not in retry_later)
        elif found:
            # The seen index only advances on a finished walk, so the next run walks these pages again.
            LOGGER.info("%s: walk interrupted; its %d release links stay unseen for the next run",
                        name, len(found))

    def _start(self, run: _SiteRun, start_url: str, found: list[str], retry_later: set[str]) -> bool:
        """Read the start URL: a feed or sitemap as such; a listing along its pagination, then the site's
        feeds and sitemaps. Return False if something that may work next time cut the run short."""
        problem = run.host.refusal(start_url, self.options.user_agent)
        if problem:
            self._fail(start_url, problem)
            return False
        page = self._get(start_url, run, feed=True)
        if isinstance(page, Fault):
            return not page.transient  # a start page that is gone for good ends the site's run
        if page.body is None:
            LOGGER.info("%s: %s unchanged (304) but its snapshot is gone; stopping", run.name, start_url)
            return False
        try:
            page, kind = documents.as_document(page)
        except Fault as fault:
            self._fail(start_url, str(fault))
            return True
        if kind is not None:
            return self._documents(run, [(start_url, documents.EVERYWHERE)], found, retry_later, first=page)
        parsed = listing.parse(page.body or b"", page.content_type)
        site = run.site
        configured = [(url, documents.EVERYWHERE) for url in (*site.feeds, *site.sitemaps)]
        feeds = [(url, documents.EVERYWHERE) for url in documents.alternate_feeds(parsed, page.final_url)]
        named = documents.robots_sitemaps(run.host)
        walked = self._walk(run, start_url, found, retry_later, first=page,
                            keep_first=bool(configured or feeds or named))
        if configured:
            return self._documents(run, configured, found, retry_later) and walked
        # A whole-site sitemap's pages outside the folders of the releases the listing and the feeds link
        # (an about page, job ads) stay out: its scope is decided when its entries are read, after the feeds.
        sitemaps: list[tuple[str, tuple[str, ...] | None]] = [(url, None) for url in named]
        probe = None
        if not (feeds or sitemaps or found):
            probe = documents.default_sitemap(start_url)
            sitemaps = [(probe, None)]
        return self._documents(run, feeds + sitemaps, found, retry_later, probe=probe) and walked

    def _walk(self, run: _SiteRun, start_url: str, found: list[str], retry_later: set[str], *,
              first: Fetched, keep_first: bool) -> bool:
        """Follow the site's pagination from its fetched first page; return False if something that may work
        next time cut it short. The first page is stored unless it links no releases and keep_first says
        the site's feeds or sitemaps are what it led to (a home page)."""
        name, site = run.name, run.site
        url = start_url
        visited: set[str] = set()
        page: Fetched | Fault | None = first
        for _ in range(site.max_pages):
            visited.add(url)
            page = page or self._fetch(url, run)
            if isinstance(page, Fault):
                return not page.transient  # a listing page that is gone for good ends the walk
            if page.body is None:
                LOGGER.info("%s: %s unchanged (304) but its snapshot is gone; stopping", name, url)
                return False
            parsed = listing.parse(page.body, page.content_type)
            next_url = listing.next_page_url(parsed, page.final_url)
            links = listing.release_links(parsed, page.final_url, exclude={url, page.final_url, next_url or ""})
            if page is first:
                if not links and keep_first:
                    LOGGER.info("%s: %s links no releases; read for its feeds and sitemaps only", name, url)
                    return True
                self._keep(page, run)
            page = None
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
            problem = run.host.refusal(next_url, self.options.user_agent)
            if problem:
                self._fail(next_url, problem)
                return True
            url = next_url
        LOGGER.info("%s: reached max_pages=%d", name, site.max_pages)
        return True

    def _documents(self, run: _SiteRun, roots: Sequence[tuple[str, tuple[str, ...] | None]], found: list[str],
                   retry_later: set[str], *, first: Fetched | None = None, probe: str | None = None) -> bool:
        """Read feeds and sitemaps (nested indexes breadth first), store each, and with release_pages fetch
        the releases they list, newest first; return False if something that may work next time failed.
        Each root comes with the folders its releases must be in; None: those of the releases known when
        its entries are read (the listing's and the feeds' links), else anywhere on the host."""
        queue = deque((url, where, 0) for url, where in roots)
        read: set[str] = set()
        entries: list[Entry] = []
        finished = True
        while queue:
            url, where, depth = queue.popleft()
            if url in read:
                continue
            if len(read) >= settings.SITEMAP_MAX_DOCUMENTS:
                self._fail(url, f"too-many-documents: over {settings.SITEMAP_MAX_DOCUMENTS} feeds and sitemaps "
                                f"for one site; {len(queue) + 1} left unread this run")
                break
            read.add(url)
            page = first if first is not None and url == first.url else self._document(url, run, quiet=url == probe)
            if page is None or isinstance(page, Fault):
                finished = finished and not (isinstance(page, Fault) and page.transient)
                continue
            try:
                page, _kind = documents.as_document(page)
                listed = parse(page.body or b"", page.final_url, page.content_type)
            except Fault as fault:
                self._fail(url, str(fault))
                continue
            except NotListed as exc:
                self._fail(url, f"not-a-feed: {exc}")
                continue
            self._keep(page, run, ".xml")
            if listed.dropped:
                LOGGER.info("%s: %d entries without a usable link or past the limit skipped", url, listed.dropped)
            offsite = [e.url for e in listed.entries if origin_problem(e.url, site_key=run.host.key)]
            if offsite:
                self._fail(url, f"offsite: {len(offsite)} of its {len(listed.entries)} entries are not on "
                                f"{run.host.key} (first {offsite[0]}); not requested")
            if where is None:
                where = documents.scope([*found, *(entry.url for entry in entries)])
                LOGGER.info("%s: releases looked for in %s", url, ", ".join(where))
            wanted = [e for e in listed.entries if e.url not in offsite and documents.in_scope(e.url, where)]
            if listed.kind == SITEMAP_INDEX:
                if depth + 1 > settings.SITEMAP_MAX_DEPTH:
                    self._fail(url, f"sitemap-depth: nested over {settings.SITEMAP_MAX_DEPTH} indexes; not followed")
                else:
                    queue.extend((entry.url, where, depth + 1) for entry in listed.entries if entry.url not in offsite)
                continue
            LOGGER.info("%s: %s lists %d releases (%d on the host, in the releases' folders)", run.name, url,
                        len(listed.entries), len(wanted))
            entries.extend(wanted)
        if run.site.release_pages and not run.host.given_up:
            attempted, later = self._fetch_entries(documents.newest_first(entries), run)
            found.extend(attempted)
            retry_later.update(later)
        return finished and not run.host.given_up

    def _document(self, url: str, run: _SiteRun, *, quiet: bool) -> Fetched | Fault | None:
        """Fetch a feed or sitemap; None when refused (recorded) or, when quiet, missing (a probe: logged)."""
        problem = run.host.refusal(url, self.options.user_agent)
        if problem:
            if not quiet:
                self._fail(url, problem)
            return None
        return self._get(url, run, feed=True, quiet=quiet)

    def _fetch_entries(self, entries: list[Entry], run: _SiteRun) -> tuple[list[str], set[str]]:
        """Fetch the release pages of feed and sitemap entries not stored yet, or changed since (lastmod),
        at most SCRAPE_MAX_RELEASE_PAGES; return the links attempted and those to try again next run."""
        attempted: list[str] = []
        retry_later: set[str] = set()
        left = 0
        for entry in entries:
            url = entry.url
            known = run.archive.known_since(url)
            if url in run.attempted or ((known is not None or url in run.seen_before)
                                        and not documents.changed_since(entry, known)):
                continue
            if run.host.given_up:
                retry_later.add(url)
                continue
            if len(attempted) >= settings.SCRAPE_MAX_RELEASE_PAGES:
                left += 1
                continue
            run.attempted.add(url)
            attempted.append(url)
            problem = run.host.refusal(url, self.options.user_agent)
            if problem:
                self._fail(url, problem)
                continue
            page = self._fetch(url, run)
            if isinstance(page, Fault):
                if page.transient:
                    retry_later.add(url)
                continue
            self.tally.release_fetched += 1
            if entry.lastmod is not None:
                run.archive.remember_lastmod(url, entry.lastmod)
        if left:
            LOGGER.info("%s: %d more release pages left for the next run (at most %d a run)", run.name, left,
                        settings.SCRAPE_MAX_RELEASE_PAGES)
        return attempted, retry_later

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
            problem = run.host.refusal(link, self.options.user_agent)
            if problem:
                self._fail(link, problem)
                continue
            page = self._fetch(link, run)
            if isinstance(page, Fault):
                if page.transient:
                    retry_later.add(link)
            else:
                self.tally.release_fetched += 1
        return retry_later

    def _fail(self, url: str, reason: str) -> None:
        LOGGER.warning("%s: %s", url, reason)
        self.tally.failures.append((url, reason))

    def _give_up(self, host: Host, url: str, reason: str) -> None:
        host.given_up = reason
        self._fail(url, reason)

    def _fetch(self, url: str, run: _SiteRun) -> Fetched | Fault:
        """Fetch and store one page; record and return the fault when it cannot be had."""
        page = self._get(url, run)
        if not isinstance(page, Fault):
            self._keep(page, run)
        return page

    def _get(self, url: str, run: _SiteRun, *, feed: bool = False, quiet: bool = False) -> Fetched | Fault:
        """Fetch one page (a feed or sitemap too, with feed); record and return the fault when it cannot be
        had, only logging a quiet one's 404 (a probe for a file that need not exist)."""
        host = run.host
        try:
            page = self.fetcher.get(url, host, run.archive, feed=feed)
        except Fault as fault:
            if quiet and fault.status in (404, 410):
                LOGGER.info("%s: %s", url, fault)
                return fault
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
        return page

    def _keep(self, page: Fetched, run: _SiteRun, suffix: str = ".html") -> None:
        """Store a fetched page as a snapshot, unless it answered 304 or its body is stored already."""
        if page.not_modified:
            return
        if run.archive.store(page, run.name, suffix):
            self.tally.stored += 1
            LOGGER.info("%s: stored (%d bytes)", page.url, len(page.body or b""))
        else:
            self.tally.unchanged += 1
            LOGGER.info("%s: unchanged (same sha256 already stored)", page.url)

