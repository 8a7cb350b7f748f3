"""Feeds and sitemaps: what an RSS/Atom feed or an XML sitemap lists, read one way for the scraper (the
links to fetch) and for the reader (one record per entry).

feedparser reads RSS 0.9x/1.0/2.0 and Atom (given bytes, never a URL: it would fetch one itself); lxml reads
sitemaps, sitemap indexes and news sitemaps (no network, no entities, no DTD). A feed entry becomes a card
with its title, link, publication date and summary; a news sitemap entry one with its title and date; a
plain sitemap entry a link record, which only joins the release of its URL (dedup).
"""
from __future__ import annotations

import datetime as dt
import email.utils
import io
import logging
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import lxml.etree
import lxml.html

from . import settings
from .errors import SkipInput
from .lines import clean_line
from .records import LINK_KIND, Card, Page, PageMeta
from .sidecar import Sidecar
from .urls import normalize_url

LOGGER = logging.getLogger(__name__)

FEED = "feed"
SITEMAP = "sitemap"
SITEMAP_INDEX = "sitemapindex"
_ROOTS = {"rss": FEED, "feed": FEED, "rdf": FEED, "urlset": SITEMAP, "sitemapindex": SITEMAP_INDEX}
# The first element after the prolog (XML declaration, comments, doctype, processing instructions).
_FIRST_ELEMENT = re.compile(rb"<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")
_PROLOG_ITEM = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)", re.DOTALL | re.IGNORECASE)
_SNIFF_BYTES = 4_096
_HTML_HEAD = re.compile(rb"<html[\s>]|<!doctype html", re.IGNORECASE)
_PARAGRAPH_TAGS = ("p", "div", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr")


class NotListed(ValueError):
    """The bytes are no feed or sitemap, or one too broken to read: the reason, for a logged skip."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Entry:
    """One item a feed or sitemap lists: a release's link and what the document says of it."""

    url: str
    title: str | None = None
    summary: str = ""
    published: dt.date | None = None  # the publication date as written (feed pubDate, news:publication_date)
    date_text: str | None = None
    lastmod: dt.datetime | None = None  # sitemaps: when the page last changed, never its publication date


@dataclass(frozen=True, slots=True, kw_only=True)
class Listed:
    """A feed or sitemap document: its kind, its entries (an index's are sitemaps), its language."""

    kind: str  # FEED, SITEMAP or SITEMAP_INDEX
    entries: tuple[Entry, ...]
    title: str | None = None
    language: str | None = None  # as the feed declares it (`de-DE`)
    dropped: int = 0  # entries without a usable link, or past the limit


def sniff(data: bytes) -> str | None:
    """FEED, SITEMAP or SITEMAP_INDEX when the bytes open with such a document's root element, else None."""
    head = data[:_SNIFF_BYTES].lstrip(b"\xef\xbb\xbf")
    position = 0
    while match := _PROLOG_ITEM.match(head, position):
        if match.end() == position:
            break
        position = match.end()
    element = _FIRST_ELEMENT.match(head[position:].lstrip())
    return _ROOTS.get(element.group(2).decode("ascii").lower()) if element else None


def parse(data: bytes, url: str | None = None, content_type: str = "") -> Listed:
    """Read a feed or sitemap document (url: where it was fetched, for relative links); raise NotListed."""
    kind = sniff(data)
    if kind is None:
        what = "an HTML page" if _HTML_HEAD.search(data[:_SNIFF_BYTES]) else "XML"
        raise NotListed(f"not a feed or sitemap: {what} with no rss, feed, urlset or sitemapindex root")
    return _feed(data, url, content_type) if kind == FEED else _sitemap(data, url, kind)


def _feed(data: bytes, url: str | None, content_type: str) -> Listed:
    import feedparser

    headers = {"content-location": url or "", "content-type": content_type or "application/xml"}
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)  # a stream: never fetched as a URL
    if not parsed.entries and not parsed.version:
        raise NotListed(f"malformed feed ({parsed.get('bozo_exception', 'unknown format')})")
    entries: list[Entry] = []
    dropped = max(0, len(parsed.entries) - settings.FEED_MAX_ENTRIES)
    for item in parsed.entries[:settings.FEED_MAX_ENTRIES]:
        link = _absolute(item.get("link"), url)
        if link is None:
            dropped += 1
            continue
        title = clean_line(_text(item.get("title") or "")) or None
        bodies = [content.get("value", "") for content in item.get("content") or []]
        summary = max((_text(body, paragraphs=True) for body in [item.get("summary") or "", *bodies]),
                      key=len, default="")
        date_text = item.get("published")
        entries.append(Entry(url=link, title=title, summary=summary, date_text=date_text,
                             published=_written_date(date_text, item.get("published_parsed"))))
    if parsed.bozo:
        if not entries:
            raise NotListed(f"malformed feed ({parsed.get('bozo_exception')}) with no entry that has a link")
        LOGGER.info("%s: feed is not well-formed (%s); reading the %d entries that parse", url,
                    parsed.get("bozo_exception"), len(entries))
    feed = parsed.get("feed", {})
    return Listed(kind=FEED, entries=tuple(entries), title=clean_line(feed.get("title") or "") or None,
                  language=(feed.get("language") or "").strip() or None, dropped=dropped)


def _sitemap(data: bytes, url: str | None, kind: str) -> Listed:
    # No entities, no DTD, no network; huge_tree stays off, so libxml2's depth and text-size limits hold.
    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, remove_comments=True,
                                  remove_pis=True)
    try:
        root = lxml.etree.fromstring(data, parser=parser)
    except lxml.etree.XMLSyntaxError as exc:
        raise NotListed(f"malformed sitemap XML ({exc})") from None
    entries: list[Entry] = []
    dropped = 0
    wanted = "sitemap" if kind == SITEMAP_INDEX else "url"
    for element in root:
        if not isinstance(element.tag, str) or lxml.etree.QName(element).localname != wanted:
            continue
        if len(entries) >= settings.SITEMAP_MAX_URLS:
            dropped += 1
            continue
        fields = {lxml.etree.QName(child).localname: child for child in element.iter() if isinstance(child.tag, str)}
        link = _absolute(_child_text(fields, "loc"), url)
        if link is None:
            dropped += 1
            continue
        title = clean_line(_child_text(fields, "title") or "") or None  # news:title
        date_text = _child_text(fields, "publication_date")  # news:publication_date
        entries.append(Entry(url=link, title=title, date_text=date_text, published=_written_date(date_text, None),
                             lastmod=_w3c_time(_child_text(fields, "lastmod"))))
    if dropped > len(entries) and not entries:
        raise NotListed(f"a {kind} with no usable <loc> among its {dropped} entries")
    return Listed(kind=kind, entries=tuple(entries), dropped=dropped)


def _child_text(fields: dict[str, lxml.etree._Element], name: str) -> str | None:
    element = fields.get(name)
    text = (element.text or "").strip() if element is not None else ""
    return text or None


def _absolute(href: str | None, base: str | None) -> str | None:
    """The entry's link as an absolute http(s) URL, or None."""
    href = (href or "").strip()
    if not href:
        return None
    try:
        link = normalize_url(urljoin(base or "", href))
        scheme = urlsplit(link).scheme
    except ValueError:
        return None
    return link if scheme in ("http", "https") and urlsplit(link).hostname else None


def _text(markup: str, *, paragraphs: bool = False) -> str:
    """Feed HTML (already sanitised by feedparser) as plain text, a paragraph a line when asked."""
    if "<" not in markup and "&" not in markup:
        return clean_line(markup) if not paragraphs else "\n".join(
            line for line in (clean_line(part) for part in markup.splitlines()) if line)
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return clean_line(re.sub(r"<[^>]+>", " ", markup))
    if paragraphs:
        for element in root.iter(*_PARAGRAPH_TAGS):
            element.tail = "\n" + (element.tail or "")
    lines = (clean_line(line) for line in root.text_content().split("\n"))
    return ("\n" if paragraphs else " ").join(line for line in lines if line)


def _written_date(text: str | None, parsed: object) -> dt.date | None:
    """The calendar date as written in the document's own time zone (`Tue, 05 Mar 2024 23:30:00 -0500` is
    5 March): an RFC 822 date (RSS) or a W3C/ISO 8601 one (Atom, news sitemaps); else feedparser's UTC reading."""
    stamp: dt.datetime | dt.date | None = None
    if text:
        try:
            stamp = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            stamp = _w3c_time(text)
    if stamp is None and isinstance(parsed, tuple) and len(parsed) >= 3:
        try:
            stamp = dt.date(*parsed[:3])
        except (TypeError, ValueError):
            stamp = None
    day = stamp.date() if isinstance(stamp, dt.datetime) else stamp
    if day is None or day.year < settings.EARLIEST_DATE_YEAR or day > dt.date.today() + dt.timedelta(days=1):
        return None
    return day


def _w3c_time(text: str | None) -> dt.datetime | None:
    """A W3C datetime (`2024-03-05`, `2024-03-05T10:00:00+01:00`, `...Z`) as an aware datetime (UTC when no zone)."""
    if not text:
        return None
    try:
        stamp = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.UTC)


def feed_page(source: str, data: bytes, sha256: str, meta: Sidecar | None, fetched_at: dt.datetime) -> Page:
    """A scraped feed or sitemap as a Page of its entries; raise SkipInput when it lists none."""
    url = meta.page_url if meta else None
    try:
        listed = parse(data, url, meta.content_type or "" if meta else "")
    except NotListed as exc:
        raise SkipInput(source, str(exc)) from None
    if listed.kind == SITEMAP_INDEX:
        raise SkipInput(source, f"a sitemap index (of {len(listed.entries)}): it lists sitemaps, not releases")
    if not listed.entries:
        raise SkipInput(source, f"a {listed.kind} with no entries")
    if listed.dropped:
        LOGGER.warning("%r: %d entries without a usable link or past the limit skipped", source, listed.dropped)
    cards = tuple(_card(entry, listed.kind) for entry in listed.entries)
    blocks = tuple(entry.title or entry.url for entry in listed.entries)
    return Page(source=source, blocks=blocks, sha256=sha256, url=url, fetched_at=fetched_at, format=listed.kind,
                meta=PageMeta(title=listed.title, lang=listed.language), entries=cards)


def _card(entry: Entry, kind: str) -> Card:
    if entry.title is None and not entry.summary:
        return Card(title=None, url=entry.url, kind=LINK_KIND, region="sitemap <url>",
                    evidence=(("kind", "a <loc> alone: a link to the release"),))
    where = ("feed entry", "its <title>", "its pubDate/published") if kind == FEED else \
        ("news sitemap <url>", "its <news:title>", "its <news:publication_date>")
    return Card(title=entry.title, summary=entry.summary, published=entry.published, date_text=entry.date_text,
                url=entry.url, region=where[0], evidence=(("title", where[1]), ("date", where[2])))
