"""A listing page's release links and its next page, read by the pipeline's own HTML reader.

The release links are the listing items the reader finds in the markup (`pipeline.cards`), so the
scraper follows exactly the items the pipeline will make releases of.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urljoin, urlsplit

import lxml.html

from ..cards import listing_cards
from ..html import parse_html
from ..markup import HEADINGS, inside_chrome
from ..read import decode
from ..urls import normalize_url

# "Next", "Older posts »", "›": short pagination labels only, so a title like "Next steps" never matches.
_NEXT_TEXT_RE = re.compile(
    r"(?:(?:next|older)(?:\s+(?:page|posts|entries|news|stories|articles|releases|results|items))?\s*)?"
    r"[›»→>]*",
    re.IGNORECASE,
)
_PAGE_PATH_RE = re.compile(r"/page/(\d+)/?$")
_SPACE_RE = re.compile(r"\s+")
_PAGE_QUERY_KEYS = ("page", "paged")
_IGNORED_LINK_SCHEMES = frozenset({"mailto", "tel", "javascript", "data", "sms"})


@dataclass(frozen=True, slots=True)
class Listing:
    """A fetched listing page: its decoded text and its parsed tree."""

    text: str
    root: lxml.html.HtmlElement | None


def parse(body: bytes, content_type: str) -> Listing:
    """Decode a listing page as the reader does (the Content-Type's charset first) and parse it."""
    text, _warning = decode(body, _charset(content_type), html=True)
    return Listing(text=text, root=parse_html(text))


def _charset(content_type: str) -> str | None:
    for parameter in content_type.split(";")[1:]:
        key, _, value = parameter.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _base_url(root: lxml.html.HtmlElement, page_url: str) -> str:
    base = next((b for b in root.iter("base") if b.get("href")), None)
    return urljoin(page_url, str(base.get("href")).strip()) if base is not None else page_url


def link_url(href: str | None, base_url: str) -> str | None:
    """An href as an absolute, normalised URL; None for an empty one, a fragment or a mailto:/tel:/javascript: link."""
    href = (href or "").strip()
    if not href or href.startswith("#"):
        return None
    try:
        url = normalize_url(urljoin(base_url, href))
    except ValueError:
        return None
    scheme = url.split(":", 1)[0]
    return None if scheme in _IGNORED_LINK_SCHEMES else url


def release_links(listing: Listing, page_url: str, *, exclude: set[str]) -> list[str]:
    """The release links of a listing page, in page order, without duplicates: the links of the items the
    reader finds in its markup, else every link inside a heading outside the page's furniture."""
    if listing.root is None:
        return []
    base = _base_url(listing.root, page_url)
    hrefs: list[str | None] = [card.url for card in listing_cards(listing.text, page_url) if card.url]
    if not hrefs:  # no dated items: each <article>'s heading link (else its first), else links in headings
        articles = list(listing.root.iter("article"))
        if articles:
            hrefs = [_article_href(article) for article in articles]
        else:
            hrefs = [a.get("href") for heading in listing.root.iter(*HEADINGS) if not _in_furniture(heading)
                     for a in heading.iter("a") if a.get("href")]
    links = (link_url(href, base) for href in hrefs)
    return [link for link in dict.fromkeys(links) if link and link not in exclude]


def _article_href(article: lxml.html.HtmlElement) -> str | None:
    for heading in article.iter(*HEADINGS):
        link = next((a for a in heading.iter("a") if a.get("href")), None)
        if link is not None:
            return link.get("href")
    return next((a.get("href") for a in article.iter("a") if a.get("href")), None)


def _in_furniture(element: lxml.html.HtmlElement) -> bool:
    return inside_chrome(element) or any(a.tag in {"header", "footer"} for a in element.iterancestors())


def _page_number(url: str) -> int | None:
    parts = urlsplit(url)
    match = _PAGE_PATH_RE.search(parts.path)
    if match:
        return int(match.group(1))
    for key, value in parse_qsl(parts.query):
        if key.lower() in _PAGE_QUERY_KEYS and value.isdigit():
            return int(value)
    return None


def next_page_url(listing: Listing, page_url: str) -> str | None:
    """Return the listing's next page: rel="next", a Next/Older/›/» link, or /page/N+1/ numbering."""
    if listing.root is None:
        return None
    base = _base_url(listing.root, page_url)
    candidates = []
    for tag in listing.root.iter("a", "link"):
        href = tag.get("href")
        if not href:
            continue
        if "next" in (tag.get("rel") or "").lower().split():
            candidates.append((0, href))
            continue
        if tag.tag != "a":
            continue
        label = _SPACE_RE.sub(" ", tag.text_content() or tag.get("aria-label") or "").strip()
        candidates.append((1 if label and _NEXT_TEXT_RE.fullmatch(label) else 2, href))
    current = _page_number(page_url) or 1
    here = normalize_url(page_url)
    for rank, href in sorted(candidates, key=lambda candidate: candidate[0]):
        url = link_url(href, base)
        if not url or url == here:
            continue
        if rank < 2 or _page_number(url) == current + 1:
            return url
    return None
