"""Typed records passed from stage to stage; frozen so no stage edits another's output."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True, kw_only=True)
class PageMeta:
    """What an HTML page's markup declares about itself (JSON-LD, Open Graph, <meta>, <time>): claims, which the
    split stage weighs against what the page prints."""

    title: str | None = None  # the declared headline (often with the site name)
    published: dt.date | None = None  # the declared publication date, never a modified one
    publisher: str | None = None  # og:site_name, JSON-LD publisher
    canonical_url: str | None = None
    lang: str | None = None  # <html lang>: decides day/month order with the page's own dates
    article: bool = False  # the markup says the page is one article (og:type, JSON-LD @type)
    site_name: str | None = None  # the site's name as its logo prints it: an <h1> that is a link to the home page


@dataclass(frozen=True, slots=True, kw_only=True)
class Card:
    """One item of a listing page, as the page's markup delimits it."""

    title: str | None
    summary: str = ""
    captions: tuple[str, ...] = ()  # photo captions printed with the item
    published: dt.date | None = None
    date_text: str | None = None
    kind: str | None = None
    url: str | None = None
    region: str = ""  # the repeated element the item is, as a CSS-like path
    evidence: tuple[tuple[str, str], ...] = ()  # (field, the element or text it was read from)


@dataclass(frozen=True, slots=True, kw_only=True)
class Page:
    """One raw input file as read: decoded, and for HTML parsed; what its releases are is the split stage's call."""

    source: str  # the raw file's path: provenance for every record made from it
    blocks: tuple[str, ...]  # non-empty paragraphs/lines, whitespace-normalised, in reading order
    sha256: str  # of the raw bytes: identity of this snapshot for incremental runs
    url: str | None = None  # the page's URL when a scrape sidecar or <link rel=canonical> gives it
    links: tuple[tuple[int, str], ...] = ()  # (block index, absolute href) of the lines that are links (HTML)
    fetched_at: dt.datetime | None = None  # when the page was fetched (sidecar), else the file's mtime
    format: str = "text"  # text or html
    meta: PageMeta | None = None  # HTML only: what the page's markup declares
    headlines: tuple[int, ...] = ()  # HTML only: the blocks printed as <h1>
    body: tuple[str, ...] = ()  # HTML only: the main text without navigation and boilerplate
    entries: tuple[Card, ...] = ()  # a feed or sitemap only: the entries its XML lists, each a record
    # Plain text only, one per block (empty when unknown): the blank lines printed above the block and the
    # columns its first line is indented by. Where a page spaces or indents its lines unevenly, that says
    # which lines belong together.
    gaps: tuple[int, ...] = ()
    indents: tuple[int, ...] = ()
    # HTML only: the parsed tree, hidden elements and scripts removed (lxml); the split stage finds the items
    # a listing repeats in it. Not part of the page's identity.
    tree: Any = field(default=None, compare=False, repr=False)
    warnings: tuple[str, ...] = ()  # what went wrong reading it (bytes that were not their declared charset)


@dataclass(frozen=True, slots=True, kw_only=True)
class Spokesperson:
    """A person whose words the release quotes or reports."""

    name: str
    role: str | None = None
    organization: str | None = None
    quote: str | None = None
    start: int = 0  # character span of the name in Release.text: the evidence
    end: int = 0
    rule: str | None = None  # the speaker pattern that found the person (subject_of_speech_verb, ...)
    role_rule: str | None = None  # where the role was read (appositive_after_name, role_before_name, ...)
    organization_rule: str | None = None  # the organisation chain's step that named the body


@dataclass(frozen=True, slots=True, kw_only=True)
class CountryMention:
    """A country (ISO 3166-1 alpha-3) and the words that named it."""

    code: str
    text: str
    start: int
    end: int
    rule: str | None = None  # how the words were matched (gazetteer_country_name, gazetteer_city, dateline, ...)


@dataclass(frozen=True, slots=True, kw_only=True)
class Figure:
    """A number that counts or measures something."""

    value: float
    unit: str  # count, money, percent, ratio, or a measurement unit
    currency: str | None = None
    object: str | None = None  # what is counted
    text: str = ""  # the figure as written, qualifiers included
    start: int = 0
    end: int = 0
    rule: str | None = None  # what found the number (a CARDINAL/MONEY/PERCENT/QUANTITY entity, a digit token)
    object_rule: str | None = None  # the step that found what it counts (modified_noun, of_phrase, ...)


@dataclass(frozen=True, slots=True, kw_only=True)
class Release:
    """One press release (a listing card, or a whole document) and what was extracted from it."""

    sources: tuple[str, ...]
    kind: str
    title: str | None
    summary: str
    captions: tuple[str, ...] = ()
    date_text: str | None = None  # the line the publication date was read from
    published: dt.date | None = None
    url: str | None = None
    organization: str | None = None  # the publisher
    language: str | None = None  # ISO 639-1 code of the text (pipeline/language.py); None for a release without text
    page_people: tuple[str, ...] = ()  # surnames the page shows are people's (extract/headlines.py); not stored
    spokespeople: tuple[Spokesperson, ...] = ()
    country_mentions: tuple[CountryMention, ...] = ()
    figures: tuple[Figure, ...] = ()
    warnings: tuple[str, ...] = field(default=())
    seen_at: dt.datetime | None = None  # when the raw page holding this record was fetched
    first_seen: dt.datetime | None = None  # earliest seen_at over every page the release was on
    last_seen: dt.datetime | None = None  # latest seen_at over every page the release was on

    @property
    def text(self) -> str:
        """Title and summary as one string: the text every extractor reads and spans index."""
        return f"{self.title}\n\n{self.summary}" if self.title else self.summary

    @property
    def countries(self) -> tuple[str, ...]:
        """Sorted distinct country codes."""
        return tuple(sorted({m.code for m in self.country_mentions}))


# The kinds of a whole document that says nothing of its own kind: an email, and a page with no date, kind
# line or release marker. When the same release is also seen with a real kind, that kind wins (dedup).
PAGE_KIND = "page"
EMAIL_KIND = "email"
# A sitemap entry that gives only a URL: it joins the release of that URL (one more source), never a row alone.
LINK_KIND = "link"
DOCUMENT_KINDS = frozenset({PAGE_KIND, EMAIL_KIND, LINK_KIND})
