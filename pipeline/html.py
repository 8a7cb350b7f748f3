"""Read an HTML page as published: its metadata, its visible text, its listing items, its main text.

Which library does what:
- lxml parses (no network, no external entities) and this module walks the tree for the visible
  text and, through `listing.py`, for the items a listing page repeats;
- trafilatura removes navigation, footers, cookie banners, related boxes and forms and gives a
  single release's main text, and reads its metadata (JSON-LD, Open Graph, <meta>) for the
  headline and the site name;
- htmldate reads the publication date the markup declares (`datePublished`,
  `article:published_time`, `<time datetime>`), never a modified date, and never from the URL.
"""
from __future__ import annotations

import copy
import datetime as dt
import difflib
import logging
import re
from collections import Counter
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import lxml.etree
import lxml.html

from . import settings
from .cards import find_cards
from .dates import Order, date_line, dateline, numeric_order, order_from_hint, parse_date, trailing_date
from .lines import clean_line, is_bare_kind, is_chrome, kind_of, kind_suffix
from .markup import BLOCK_TAGS, HEADINGS, drop_invisible, is_chrome_element, is_role_element
from .records import Card, PageMeta

LOGGER = logging.getLogger(__name__)

# Elements that never hold text a reader sees.
_DROP_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "select", "option", "button", "input",
              "textarea", "head", "object", "embed", "canvas", "map")
_CHROME_BLOCKS = frozenset({"nav", "aside", "header", "footer"})
_TITLE_SEPARATORS = re.compile(r"\s+(?:[|–—:•·»]|-{1,2}|::)\s+")
_ARTICLE_TYPES = re.compile(r"article|newsarticle|blogposting|report|pressrelease", re.IGNORECASE)
_MODIFIED_KEYS = r"datemodified|modified_time|updated_time|last-modified|lastmod|dcterms\.modified|revised"
_PUBLISHED_KEYS = r"datepublished|published_time|datecreated|pubdate|publishdate|dc\.date|dcterms\.created|" \
    r"dcterms\.issued|citation_publication_date|date\.issued"
_WORD = re.compile(r"\w+")
_POSTED = re.compile(r"^(?:posted|published|released|issued|dated?)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True, kw_only=True)
class HtmlRead:
    """What the reader found on an HTML page."""

    blocks: tuple[str, ...]  # visible text lines, navigation and sidebars left out
    links: tuple[tuple[int, str], ...]  # (block index, absolute href) of lines that are links
    meta: PageMeta
    cards: tuple[Card, ...]  # the listing items its markup repeats, () for a single page
    body: tuple[str, ...]  # a single release's main text, boilerplate removed
    url: str | None


def read_html(text: str, url: str | None) -> HtmlRead:
    """Read one decoded HTML page (url: where it was fetched, if known)."""
    root = parse_html(text)
    if root is None:
        return HtmlRead(blocks=(), links=(), meta=PageMeta(), cards=(), body=(), url=url)
    canonical = _canonical(root, url or _base_href(root))
    base = url or _base_href(root) or canonical
    lang = (root.get("lang") or root.get("xml:lang") or "").strip() or None
    declared = _declared_metadata(root, text)
    drop_invisible(root)  # before the style sheets go: their rules say what is hidden
    for element in list(root.iter(*_DROP_TAGS)):
        if element.getparent() is not None:
            element.drop_tree()
    blocks, links, heading_lines = _visible(root, base)
    if not blocks:
        # libxml2 stops building the tree 2,048 levels down; such a page is read as text, tag by tag.
        blocks, links, heading_lines = _tokenized_text(text), (), ()
    # Every date on the page is evidence of its order, the related list's and the footer's included.
    order = numeric_order([root.text_content()], lang) or order_from_hint(urlsplit(base).hostname if base else None)
    cards = find_cards(root, base, order).cards
    body = _main_text(root)
    if cards and _is_article(declared, body, cards, blocks, heading_lines):
        LOGGER.debug("%d listed items beside a release's own text: related links, not the page's items", len(cards))
        cards = ()
    meta = _single_meta(declared, blocks, heading_lines, body, order, canonical, lang) if not cards else \
        PageMeta(title=declared.get("title"), publisher=declared.get("sitename"), canonical_url=canonical, lang=lang)
    return HtmlRead(blocks=blocks, links=links, meta=meta, cards=cards, body=body, url=url or canonical)


def parse_html(text: str) -> lxml.html.HtmlElement | None:
    """The page's tree (lxml), or None when libxml2 finds nothing to parse."""
    # libxml2 never loads DTDs or external entities here; huge_tree lifts its depth limit, and the
    # walks below are iterative, so deeply nested markup is read, not refused.
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, huge_tree=True)
    try:
        return lxml.html.document_fromstring(text, parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return None


def _base_href(root: lxml.html.HtmlElement) -> str | None:
    base = next(iter(root.iter("base")), None)
    href = base.get("href") if base is not None else None
    return href if href and "://" in href else None


def _canonical(root: lxml.html.HtmlElement, base: str | None) -> str | None:
    for link in root.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            href = link.get("href").strip()
            return urljoin(base, href) if base else href if "://" in href else None
    return None


def _declared_metadata(root: lxml.html.HtmlElement, text: str) -> dict:
    """Headline, site name, declared publication date and page type from the markup's metadata."""
    from htmldate import find_date
    from trafilatura.metadata import extract_metadata

    found: dict = {}
    try:
        meta = extract_metadata(copy.deepcopy(root), extensive=False, date_config={"extensive_search": False})
        found["title"] = clean_line(meta.title) if meta.title else None
        found["sitename"] = clean_line(meta.sitename) if meta.sitename else None
    except Exception:  # a library's failure on one odd page costs its metadata, not the page
        LOGGER.debug("metadata extraction failed", exc_info=True)
    try:
        declared = find_date(copy.deepcopy(root), extensive_search=False, original_date=True)
        # htmldate falls back to a modified date when a page declares no other: never a publication date.
        if declared and declared[:10] in _declared_dates(text, _MODIFIED_KEYS) \
                and declared[:10] not in _declared_dates(text, _PUBLISHED_KEYS):
            LOGGER.debug("declared date %s is a modified date: not the publication date", declared)
            declared = None
        found["published"] = parse_date(declared) if declared else None
    except Exception:
        LOGGER.debug("date metadata extraction failed", exc_info=True)
    og_type = next((m.get("content") for m in root.iter("meta") if m.get("property") == "og:type"), "") or ""
    found["article"] = bool(_ARTICLE_TYPES.search(og_type)) or bool(
        re.search(r'"@type"\s*:\s*"(?:News)?Article|"@type"\s*:\s*"BlogPosting', text))
    return found


def _declared_dates(text: str, keys: str) -> set[str]:
    """ISO dates the markup gives under these metadata keys (JSON-LD, <meta> property/name/itemprop)."""
    pattern = re.compile(rf"(?:{keys})[\"']?\s*(?:[:=]|content\s*=)\s*[\"']?\s*(\d{{4}}-\d{{2}}-\d{{2}})",
                         re.IGNORECASE)
    return {match.group(1) for match in pattern.finditer(text)}


def _visible(root: lxml.html.HtmlElement, base: str | None,
             ) -> tuple[tuple[str, ...], tuple[tuple[int, str], ...], tuple[int, ...]]:
    """The page's visible text lines in reading order, the links they are, and which are h1 headings."""
    body = root.find("body")
    top = body if body is not None else root
    blocks: list[str] = []
    links: list[tuple[int, str]] = []
    headlines: list[int] = []
    buffer: list[str] = []
    state: dict = {"href": None, "h1": False}

    def flush() -> None:
        line = clean_line("".join(buffer))
        buffer.clear()
        if line:
            if state["href"]:
                links.append((len(blocks), urljoin(base, state["href"]) if base else state["href"]))
            if state["h1"]:
                headlines.append(len(blocks))
            blocks.append(line)
        state["href"] = None
        state["h1"] = False

    stack: list[tuple[lxml.html.HtmlElement, bool]] = [(top, False)]
    while stack:
        node, closing = stack.pop()
        if closing:
            if node.tag in BLOCK_TAGS or node.tag in HEADINGS or is_role_element(node):
                flush()
            if node.tail and node is not top:
                buffer.append(node.tail)
            continue
        if not isinstance(node.tag, str):
            if node.tail:
                buffer.append(node.tail)
            continue
        if node is not top and is_chrome_element(node):
            if node.tail:
                buffer.append(node.tail)
            continue
        if node.tag in BLOCK_TAGS or node.tag in HEADINGS or is_role_element(node):
            flush()
        if node.tag == "h1":
            state["h1"] = True
        if node.tag == "a" and node.get("href") and state["href"] is None and _is_heading_link(node):
            state["href"] = node.get("href")
        if node.text:
            buffer.append(node.text)
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))
    flush()
    return tuple(blocks), tuple(links), tuple(headlines)


def _tokenized_text(text: str) -> tuple[str, ...]:
    """The text of a page too deep for libxml2, read by BeautifulSoup's tokenizer (no depth limit), a
    line per string, scripts and furniture left out."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(text, "html.parser")
    for element in soup.find_all([*_DROP_TAGS, *_CHROME_BLOCKS]):
        element.decompose()
    return tuple(line for line in (clean_line(x) for x in soup.get_text("\n").splitlines()) if line)


def _is_heading_link(node: lxml.html.HtmlElement) -> bool:
    return any(a.tag in HEADINGS for a in node.iterancestors()) or node.getparent() is not None


def _main_text(root: lxml.html.HtmlElement) -> tuple[str, ...]:
    """The page's main text without navigation, footers, related boxes and forms (trafilatura), read from the
    tree as the reader cleaned it (hidden elements gone)."""
    import trafilatura

    try:
        extracted = trafilatura.extract(copy.deepcopy(root), include_comments=False, include_tables=True,
                                        with_metadata=False, deduplicate=False, favor_precision=True)
    except Exception:  # trafilatura failing on one page leaves the visible text to go on with
        LOGGER.debug("main text extraction failed", exc_info=True)
        return ()
    if not extracted:
        return ()
    return tuple(line for line in (clean_line(x) for x in extracted.splitlines()) if line)


def _is_article(declared: dict, body: tuple[str, ...], cards: tuple[Card, ...], blocks: tuple[str, ...],
                headlines: tuple[int, ...]) -> bool:
    """True when the page is one release whose lists are related links: it has running text of its own beyond
    what its listed items print, and says it is an article or prints a headline of its own. What the markup
    repeats outranks what it declares: a declared article whose own text is small beside its items is a listing."""
    listed_words = Counter(word for c in cards for line in (c.title or "", c.summary) for word in _WORD.findall(line))
    own_words = Counter(word for line in body if len(line) >= settings.TEASER_MIN_CHARS for word in _WORD.findall(line))
    own_words.subtract(listed_words)  # a body that is the list itself (a table read as rows) has no text of its own
    own = sum((len(word) + 1) * n for word, n in own_words.items() if n > 0)
    listed = sum((len(word) + 1) * n for word, n in listed_words.items())
    if own >= settings.ARTICLE_MIN_CHARS and declared.get("article") and 2 * own >= listed:
        return True
    _at, headline = _headline(declared.get("title"), blocks, headlines)
    titles = {c.title for c in cards}
    has_headline = headline is not None and headline not in titles and not is_bare_kind(headline) \
        and len(headline.split()) >= settings.HEADLINE_MIN_WORDS
    return own >= settings.ARTICLE_MIN_CHARS / 2 and (own >= 2 * listed or (has_headline and own >= listed))


def _single_meta(declared: dict, blocks: tuple[str, ...], headlines: tuple[int, ...], body: tuple[str, ...],
                 order: Order | None, canonical: str | None, lang: str | None) -> PageMeta:
    """Headline and publication date of a single release: as printed, else as declared."""
    at, title = _headline(declared.get("title"), blocks, headlines)
    published, date_text, date_from = _printed_date(blocks, at, order)
    if published is None:
        published, date_text, date_from = _dateline_date(body or blocks[at + 1 if at is not None else 0:], order)
    if published is None and declared.get("published") is not None:
        published, date_text, date_from = declared["published"], declared["published"].isoformat(), "metadata"
    return PageMeta(title=title, published=published, date_text=date_text, date_from=date_from,
                    publisher=declared.get("sitename"), canonical_url=canonical, lang=lang,
                    article=bool(declared.get("article")))


def _headline(declared: str | None, blocks: tuple[str, ...], headlines: tuple[int, ...],
              ) -> tuple[int | None, str | None]:
    """The printed headline (an <h1> that agrees with the declared title), else the declared title
    without its site name."""
    candidates = [(i, blocks[i]) for i in headlines if not is_chrome(blocks[i]) and len(blocks[i]) >= 3]
    if declared:
        short = _without_site_name(declared)
        for i, text in candidates:
            if _agrees(text, short) or _agrees(text, declared):
                return i, text
        for i, text in enumerate(blocks):  # a headline printed without <h1>
            if _agrees(text, short) and len(text) <= settings.TITLE_MAX_CHARS:
                return i, text
        return None, short
    if candidates:
        return candidates[0]
    return None, None


def _agrees(printed: str, declared: str) -> bool:
    a, b = printed.lower(), declared.lower()
    if not a or not b:
        return False
    if a == b or (min(len(a), len(b)) >= 12 and (a in b or b in a)):
        return True
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.85


def _without_site_name(title: str) -> str:
    """`Release headline | Site name` -> `Release headline`: the longest part between separators."""
    parts = [p.strip() for p in _TITLE_SEPARATORS.split(title) if p.strip()]
    return max(parts, key=len) if len(parts) > 1 else title


def _printed_date(blocks: tuple[str, ...], at: int | None, order: Order | None,
                  ) -> tuple[dt.date | None, str | None, str | None]:
    """A date line near the headline, else a `Posted on` line anywhere: (date, the line, `printed`)."""
    if at is not None:
        window = range(max(0, at - 3), min(len(blocks), at + settings.HEADLINE_DATE_WINDOW))
        for i in sorted(window, key=lambda i: abs(i - at)):
            found = _date_of_line(blocks[i], order)
            if found is not None:
                return found, blocks[i], "printed"
    for line in blocks:
        if _POSTED.match(line):
            posted = date_line(line, order)
            if posted is not None:
                return posted.published, line, "printed"
    return None, None, None


def _date_of_line(line: str, order: Order | None) -> dt.date | None:
    """The date of a line that is a date with at most a label (`March 3, 2021`, `Press Releases March 3, 2021`,
    `14 September 2021 - Brightwater University`), else None."""
    found = date_line(line, order, short_years=len(line) <= settings.SHORT_DATE_LINE_MAX_CHARS)
    if found is not None and (not found.rest or len(found.rest.split()) <= settings.DATE_REST_MAX_WORDS
                              or kind_of(found.rest)):
        return found.published
    found = trailing_date(line, order)
    if found is not None and (kind_suffix(found.before) or len(found.before.split()) <= settings.DATE_REST_MAX_WORDS):
        return found.published
    words = line.split()
    for k in range(1, min(len(words), settings.DATE_REST_MAX_WORDS + 1)):  # `Press Releases June 8, 2022`
        if kind_of(" ".join(words[:k])):
            after = date_line(" ".join(words[k:]), order)
            if after is not None and not after.rest:
                return after.published
    return None


def _dateline_date(lines: tuple[str, ...], order: Order | None) -> tuple[dt.date | None, str | None, str | None]:
    for line in lines[:settings.HEADLINE_DATE_WINDOW]:
        found = dateline(line, order)
        if found is not None:
            return found.published, found.date_text, "dateline"
    return None, None, None
