"""Feeds and sitemaps for the crawl: where a site publishes them, what a fetched one is, and which of the
releases they list to fetch first.

A site's feeds are the `<link rel="alternate">` feeds of its start page; its sitemaps are robots.txt's
`Sitemap:` lines, else `/sitemap.xml`. The documents themselves are read by `pipeline.feeds`, the same
module the reader uses on their snapshots.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace
from urllib.parse import urlsplit, urlunsplit

from .. import settings
from ..feeds import Entry, sniff
from ..urls import normalize_url
from .body import GZIP_MAGIC, inflate
from .http import Fetched, Host
from .listing import Listing, link_url

_FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml"})
# The scope of a feed, of a configured sitemap, and of a site whose start page links no releases.
EVERYWHERE: tuple[str, ...] = ("/",)
_OLDEST = dt.datetime.min.replace(tzinfo=dt.UTC)


def as_document(page: Fetched) -> tuple[Fetched, str | None]:
    """The page with a gzip file (a `.xml.gz` sitemap) inflated under the decoded-size bound, and what it
    is: feeds.FEED, SITEMAP or SITEMAP_INDEX, or None for anything else (an HTML page)."""
    body = page.body or b""
    if body.startswith(GZIP_MAGIC):
        body = inflate(body, settings.FETCH_MAX_DECOMPRESSED_BYTES)  # raises Fault: a gzip bomb stops here
        page = replace(page, body=body)
    return page, sniff(body)


def alternate_feeds(listing: Listing, page_url: str) -> list[str]:
    """The RSS and Atom feeds a page links with `<link rel="alternate" type="application/rss+xml">`."""
    if listing.root is None:
        return []
    found = []
    for link in listing.root.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").split(";", 1)[0].strip().lower()
        if "alternate" in rel and kind in _FEED_TYPES:
            url = link_url(link.get("href"), page_url)
            if url:
                found.append(url)
    return list(dict.fromkeys(found))


def robots_sitemaps(host: Host) -> list[str]:
    """The sitemaps robots.txt names with `Sitemap:` lines, in its order."""
    if host.robots is None:
        return []
    urls = []
    for url in host.robots.sitemaps:
        try:
            urls.append(normalize_url(url))
        except ValueError:
            continue  # a malformed line: nothing to fetch
    return list(dict.fromkeys(urls))


def default_sitemap(start_url: str) -> str:
    """`/sitemap.xml` on the start URL's host: where sitemaps live when robots.txt names none."""
    parts = urlsplit(start_url)
    return urlunsplit((parts.scheme, parts.netloc, "/sitemap.xml", "", ""))


def scope(release_links: Iterable[str]) -> tuple[str, ...]:
    """Where a site's releases live: the folders of the releases its listing links (`/news/`), or the whole
    site when it links none. A whole-site sitemap's other pages (about, jobs) stay out of a listing's scrape."""
    folders = {urlsplit(link).path.rsplit("/", 1)[0].split("/")[1] for link in release_links
               if urlsplit(link).path.count("/") >= 2}
    return tuple(sorted(f"/{folder}/" for folder in folders if folder)) or EVERYWHERE


def in_scope(url: str, prefixes: tuple[str, ...]) -> bool:
    """True when url's path is under one of the prefixes."""
    path = urlsplit(url).path or "/"
    return any(path.startswith(prefix) for prefix in prefixes)


def newest_first(entries: Iterable[Entry]) -> list[Entry]:
    """The entries by URL once each (the latest lastmod kept), newest first: by lastmod, else publication
    date; undated ones last, in document order."""
    by_url: dict[str, Entry] = {}
    for entry in entries:
        kept = by_url.get(entry.url)
        if kept is None or (entry.lastmod or _OLDEST) > (kept.lastmod or _OLDEST):
            by_url[entry.url] = entry
    return sorted(by_url.values(), key=lambda entry: _age_key(entry), reverse=True)


def _age_key(entry: Entry) -> dt.datetime:
    if entry.lastmod is not None:
        return entry.lastmod
    if entry.published is not None:
        return dt.datetime.combine(entry.published, dt.time(), tzinfo=dt.UTC)
    return _OLDEST


def changed_since(entry: Entry, known: dt.datetime | None) -> bool:
    """True when a sitemap says the page changed after the version stored (or answered) at `known`."""
    return entry.lastmod is not None and known is not None and entry.lastmod > known
