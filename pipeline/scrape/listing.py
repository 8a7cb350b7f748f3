"""The listing parser: a newsroom listing page's release links and its next page (BeautifulSoup).

Kept apart so that the reader's own HTML parser can take its place.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import parse_qsl, urljoin, urlsplit

from bs4 import BeautifulSoup

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


def parse(body: bytes, content_type: str) -> BeautifulSoup:
    """Parse a listing page in the charset its Content-Type declares (else the one the page declares)."""
    return BeautifulSoup(body, "lxml", from_encoding=_charset(content_type))


def _charset(content_type: str) -> str | None:
    for parameter in content_type.split(";")[1:]:
        key, _, value = parameter.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _base_url(soup: BeautifulSoup, page_url: str) -> str:
    base = soup.find("base", href=True)
    return urljoin(page_url, str(base["href"]).strip()) if base else page_url


def _link_url(href: Any, base_url: str) -> str | None:
    href = str(href or "").strip()
    if not href or href.startswith("#"):
        return None
    try:
        url = normalize_url(urljoin(base_url, href))
    except ValueError:
        return None
    scheme = url.split(":", 1)[0]
    return None if scheme in _IGNORED_LINK_SCHEMES else url


def release_links(soup: BeautifulSoup, page_url: str, *, exclude: set[str]) -> list[str]:
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


def next_page_url(soup: BeautifulSoup, page_url: str) -> str | None:
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
    here = normalize_url(page_url)
    for rank, href in sorted(candidates, key=lambda candidate: candidate[0]):
        url = _link_url(href, base)
        if not url or url == here:
            continue
        if rank < 2 or _page_number(url) == current + 1:
            return url
    return None
