"""The crawl: each site's listing walked along its pagination, new pages stored, every fault reported.

Each site's listing is walked from its start URL along its pagination, politely (pipeline.scrape.http),
as robots.txt allows (pipeline.scrape.robots). A walk stops at the first listing page that holds only
releases stored before (the incremental stop), at max_pages, or where the pagination ends. A fetch fault
is logged, recorded in the report, and the run goes on.
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import settings
from ..urls import normalize_url
from . import listing
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
        if self._walk(run, start_url, found, retry_later):
            archive.remember_links(link for link in found if link not in retry_later)
        elif found:
            # The seen index only advances on a finished walk, so the next run walks these pages again.
            LOGGER.info("%s: walk interrupted; its %d release links stay unseen for the next run",
                        name, len(found))

    def _walk(self, run: _SiteRun, start_url: str, found: list[str], retry_later: set[str]) -> bool:
        """Follow the site's pagination; return False if something that may work next time cut it short."""
        name, site = run.name, run.site
        problem = run.host.refusal(start_url, self.options.user_agent)
        if problem:
            self._fail(start_url, problem)
            return False
        url = start_url
        visited: set[str] = set()
        for _ in range(site.max_pages):
            visited.add(url)
            page = self._fetch(url, run)
            if isinstance(page, Fault):
                return not page.transient  # a listing page that is gone for good ends the walk
            if page.body is None:
                LOGGER.info("%s: %s unchanged (304) but its snapshot is gone; stopping", name, url)
                return False
            parsed = listing.parse(page.body, page.content_type)
            next_url = listing.next_page_url(parsed, page.final_url)
            links = listing.release_links(parsed, page.final_url, exclude={url, page.final_url, next_url or ""})
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
        host = run.host
        try:
            page = self.fetcher.get(url, host, run.archive)
        except Fault as fault:
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

