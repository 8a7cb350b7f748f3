"""Listing pages in HTML: find the records a page repeats, from the page's own evidence.

A newsroom's CMS prints every item of a listing with one template, but the markup says so in more
than one way, so several segmentations of the page are generated and the one that explains most of
the page's evidence wins:
- sibling runs: under every element, the children that repeat one signature each start an item, the
  signature being the tag and class tokens exactly, or tolerantly (the class tokens most siblings
  share: a class naming each item's category or tags does not split the list);
- title clusters: headline-like headings and links grouped by their tag path; each item is the
  largest element around one of them that holds no other (cards in rows of three, a featured card
  printed apart from the grid below it).
Each candidate region's items are read (title, date, kind, own link) and scored by what they explain:
titled items, dated items, own links, teasers. The best regions that do not overlap are the page's
records; `explain` shows the runners-up with their scores. The candidates are made in card_regions.py, their
items read in card_items.py, their dates in card_dates.py.
"""
from __future__ import annotations

import datetime as dt
import logging
import re
import tomllib
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import lxml.html

from . import settings
from .card_dates import date_cell, is_date_text, partial_date, year_of_heading
from .card_items import (
    Item,
    Region,
    cached_is_chrome,
    dated_lines,
    href_key,
    own_href,
    read_item,
    title_candidate,
)
from .card_regions import (
    heading_kind,
    item_headings,
    names_a_kind,
    section_heading,
    sibling_regions,
    title_regions,
    with_year,
)
from .dates import Order
from .lines import (
    clean_line,
    ends_with_full_stop,
    is_sidebar_heading,
    kind_of,
    kind_suffix,
    unprinted_kind,
)
from .markup import HEADINGS, Block, TreeLines, in_figure, signature
from .records import Card

__all__ = ["CardFinding", "RegionSummary", "find_cards", "listing_cards"]

LOGGER = logging.getLogger(__name__)
_MORE = re.compile(r"\s*(?:…|\.\.\.)?\s*(?:continue reading|read more|more)\s*»?$", re.IGNORECASE)
_FOOTER_WORDS = tomllib.loads(Path(__file__).with_name("footer_words.toml").read_text(encoding="utf-8"))["copyright"]
_COPYRIGHT = re.compile("|".join([*(f"^(?:{p})" for p in _FOOTER_WORDS["openings"]), *_FOOTER_WORDS["anywhere"]]),
                        re.IGNORECASE)
_PAGE_WIDE = frozenset({"html", "body", "main"})  # containers of the whole page: a footer inside them says nothing


@dataclass(frozen=True, slots=True, kw_only=True)
class RegionSummary:
    """A candidate segmentation of a listing page, for `explain`: how it was found, its size and score."""

    signature: str
    items: int
    dated: int
    score: float
    chosen: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class CardFinding:
    """The records a page's markup repeats, and the candidates they were chosen from."""

    cards: tuple[Card, ...]
    candidates: tuple[RegionSummary, ...] = ()  # the chosen regions and the best runners-up, best first


def find_cards(root: lxml.html.HtmlElement, base_url: str | None, order: Order | None,
               lines: TreeLines | None = None) -> CardFinding:
    """The items of a listing page; no cards when the page repeats no titled item template."""
    lines_of = lines if lines is not None else TreeLines(root)
    regions = _unique(r for r in (*sibling_regions(root, order, lines_of), *title_regions(root, order, lines_of))
                      if r.score > 0)
    # Best first; between equals, the region of smaller items (the cards, not the sections holding them).
    regions.sort(key=lambda r: (r.score, -sum(len(i.blocks) for i in r.items) / len(r.items)), reverse=True)
    # Where any region dates its items, undated ones are something else (a menu of features, `In other news`).
    page_has_dates = any(_dated(r) >= 2 for r in regions)
    chosen = _best_cover(_in_main([r for r in regions if _is_listing_region(r, page_has_dates)], root))
    chosen = [r for r in chosen if not _in_site_footer(r, chosen)]
    headings = {id(item): heading for r in chosen for item, heading in item_headings(r)}
    for region in chosen:
        _date_from_heading(region, headings, order)
    summaries = _summaries(regions, chosen)
    if not chosen:
        return CardFinding(cards=(), candidates=summaries)
    chosen.sort(key=lambda r: _document_position(root, r.parent))
    cards: list[Card] = []
    seen: set[tuple[str | None, dt.date | None]] = set()
    for region in chosen:
        featured = _featured(region, chosen, order, lines_of)
        for item in ([featured] if featured is not None else []) + region.items:
            heading = headings.get(id(item), headings.get(id(region.items[0])))
            if heading is not None and is_sidebar_heading(heading):
                continue  # a `Most read` list printed inside the page's own
            card = _card(item, region, base_url, heading_kind(heading))
            if card is None:
                continue
            key = (card.title, card.published)
            if key in seen:  # the same item printed twice (a hidden tab repeating the visible one)
                continue
            seen.add(key)
            cards.append(card)
    LOGGER.debug("listing: %d regions, %d items", len(chosen), len(cards))
    return CardFinding(cards=tuple(cards), candidates=summaries)


def listing_cards(text: str, url: str | None) -> tuple[Card, ...]:
    """The items of an HTML listing page given as text (the scraper's question: which links are releases)."""
    from .dates import numeric_order, order_from_hint
    from .html import base_href, read_html

    page = read_html(text, url)
    if page.tree is None:
        return ()
    order = numeric_order([page.tree.text_content()], page.meta.lang) or order_from_hint(
        urlsplit(url).hostname if url else None)
    return find_cards(page.tree, url or base_href(page.tree) or page.url, order).cards


def _best_cover(regions: list[Region]) -> list[Region]:
    """The regions that together explain the most: a region claims its holder's whole subtree, so the choice
    at every element is its own best region or the best of what its children hold (two rows of cards beat the
    table that holds both when they explain more)."""
    own: dict[lxml.html.HtmlElement, Region] = {}
    for region in regions:  # best first: the first region of each holder is its best
        own.setdefault(region.parent, region)
    children: dict[lxml.html.HtmlElement, list[lxml.html.HtmlElement]] = defaultdict(list)
    relevant: set[lxml.html.HtmlElement] = set()
    for holder in own:
        node = holder
        while node is not None and node not in relevant:
            relevant.add(node)
            parent = node.getparent()
            if parent is not None:
                children[parent].append(node)
            node = parent
    best: dict[lxml.html.HtmlElement, tuple[float, list[Region]]] = {}
    for node in sorted(relevant, key=_depth, reverse=True):  # deepest first: children before their parents
        below = [best[child] for child in children.get(node, ())]
        total = sum(score for score, _ in below)
        picked = [r for _, rs in below for r in rs]
        mine = own.get(node)
        # A tie goes to the smaller regions below: the cards, not the section that holds them and a stray box.
        best[node] = (mine.score, [mine]) if mine is not None and mine.score > total else (total, picked)
    tops = [node for node in relevant if node.getparent() is None or node.getparent() not in relevant]
    return [r for node in tops for r in best[node][1]]


def _in_main(regions: list[Region], root: lxml.html.HtmlElement) -> list[Region]:
    """Where the page marks its main content (`<main>`, `role=main`) and a listing lies inside it, a list outside
    it (a widget column's `Recent posts`, a footer's `Latest`) is the site's, not the page's, unless a heading
    names it a kind of release (`Press releases`, `Events`)."""
    mains = [e for e in root.iter("main", "div", "section") if e.tag == "main" or e.get("role") == "main"]
    if not mains:
        return regions
    inside = {id(r) for r in regions if any(m is r.parent or m in set(r.parent.iterancestors()) for m in mains)}
    if not inside:
        return regions
    return [r for r in regions if id(r) in inside or names_a_kind(section_heading(r.parent))]


def _in_site_footer(region: Region, chosen: list[Region]) -> bool:
    """A region beside another listing whose nearest container holding the site's copyright line (`© 2024 …`)
    holds no other chosen region: the site's footer (dated legal notices, policies), whatever its markup."""
    others = {r.parent for r in chosen if r is not region}
    if not others:
        return False  # the page's only list stays: a footer's copyright line beside it proves nothing
    own = {e for item in region.items for root in item.elements for e in root.iter()}
    node: lxml.html.HtmlElement | None = region.parent
    for _ in range(settings.SECTION_HEADING_MAX_LEVELS + 1):
        if node is None or node.tag in _PAGE_WIDE or not isinstance(node.tag, str):
            return False
        inside = set(node.iter())
        if others & inside:
            return False  # a wrapper of the page's listing too
        if any(_is_copyright_line(e, node) for e in inside if e not in own):
            return True
        node = node.getparent()
    return False


def _is_copyright_line(element: lxml.html.HtmlElement, container: lxml.html.HtmlElement) -> bool:
    """An element whose own text signs the site (`© 2024 Kestrel Ferries`), not a photo's credit in a figure."""
    if not isinstance(element.tag, str):
        return False
    text = clean_line(element.text or "")
    return bool(text) and _COPYRIGHT.search(text) is not None and not in_figure(element, container)


def _featured(region: Region, chosen: list[Region], order: Order | None, lines_of: TreeLines) -> Item | None:
    """A featured item printed apart just before a dated list (a hero with its own markup): the element before
    the list, when it reads as one item of it: one headline with its own link, one full date, a card's size."""
    if 2 * _dated(region) < len(region.items):
        return None  # only a dated list tells what its items look like
    node: lxml.html.HtmlElement | None = region.parent
    previous = None
    for _ in range(settings.SECTION_HEADING_MAX_LEVELS):
        if node is None:
            return None
        previous = next((s for s in node.itersiblings(preceding=True) if isinstance(s.tag, str)), None)
        if previous is not None:
            break
        node = node.getparent()
    if previous is None or previous.tag in HEADINGS or lines_of.in_chrome(previous) \
            or any(previous is r.parent or previous in set(r.parent.iterancestors()) for r in chosen):
        return None
    item = read_item([previous], order, lines_of)
    if not item.full_date or dated_lines(item) != 1 \
            or sum(len(b.text) for b in item.blocks) > settings.CARD_MAX_CHARS:
        return None
    item.title = title_candidate(item, region.shared_links)
    title = item.title
    if title is None or not title.href or href_key(title.href) in region.shared_links \
            or len(title.text.split()) < settings.HEADLINE_MIN_WORDS:
        return None
    return item


def _depth(element: lxml.html.HtmlElement) -> int:
    return sum(1 for _ in element.iterancestors())


def _summaries(regions: list[Region], chosen: list[Region]) -> tuple[RegionSummary, ...]:
    picked = {id(r) for r in chosen}
    best = [r for r in regions if id(r) in picked] + [r for r in regions if id(r) not in picked][:5]
    return tuple(RegionSummary(signature=r.signature, items=len(r.items), dated=_dated(r), score=round(r.score, 2),
                               chosen=id(r) in picked) for r in best)


def _unique(regions: Iterator[Region]) -> list[Region]:
    """One region per set of items: the same items found two ways are one candidate."""
    out: dict[tuple[int, ...], Region] = {}
    for region in regions:
        key = tuple(id(e) for item in region.items for e in item.elements)
        if key not in out or region.score > out[key].score:
            out[key] = region
    return list(out.values())


def _document_position(root: lxml.html.HtmlElement, element: lxml.html.HtmlElement) -> int:
    for n, candidate in enumerate(root.iter()):
        if candidate is element:
            return n
    return 0


def _dated(region: Region) -> int:
    return sum(1 for item in region.items if item.full_date)


def _is_listing_region(region: Region, page_has_dates: bool) -> bool:
    """Two dated items or more; or, on a page with no dated items, undated items that each link a headline:
    enough of them, or each printed as a heading (a menu's short labels are neither)."""
    titled = [item for item in region.items if item.title is not None]
    if len(titled) < 2 or region.score < settings.LISTING_MIN_SCORE:
        return False
    if region.aside and not names_a_kind(section_heading(region.parent)):
        return False  # a complementary column's list is the page's own only under a kind (`In the news`)
    if any(sum(len(b.text) for b in item.blocks) > settings.CARD_MAX_CHARS for item in region.items):
        return False  # an item holding a whole article is no card: the page's own text beside a box
    if _dated(region) + sum(1 for i in region.items if i.date is not None and not i.full_date) >= 2:
        return True
    if page_has_dates:
        return False
    words = sorted(len(item.title.text.split()) for item in titled if item.title is not None)
    linked = all(own_href(item, region) is not None for item in titled)
    headlines = words[len(words) // 2] >= settings.HEADLINE_MIN_WORDS
    headings = sum(1 for item in titled if item.title is not None and item.title.heading)
    many = len(titled) >= settings.UNDATED_LISTING_MIN_ITEMS
    return linked and headlines and (many or headings == len(titled))


def _date_from_heading(region: Region, headings: dict[int, str | None], order: Order | None) -> None:
    """Undated items under a heading that is a full date take that date; items dated by day and month
    under a year heading (`2021`, `2021 Releases`) take its year."""
    for item in region.items:
        heading = headings.get(id(item))
        if not heading:
            continue
        found = date_cell(heading, order)
        if found is not None and found.published is not None:
            if item.date is None:
                item.date, item.date_from = found, "the section heading above (date line)"
            continue
        year = year_of_heading(heading)
        if year is not None and item.date is not None and item.date.published is None \
                and item.date.form.startswith("day-month"):
            dated = with_year(item.date, year)
            if dated is not None:
                item.date, item.date_from = dated, f"{item.date_from}, year from the heading above"


def _card(item: Item, region: Region, base_url: str | None, heading_kind: str | None) -> Card | None:
    title_block = item.title
    if title_block is None:
        return None
    title = _title_text(title_block, item, region)
    if not title:
        return None
    used = {id(title_block), id(item.date_block), *map(id, item.pieces)}
    captions = [b.text for b in item.blocks if in_figure(b.element, item.root) and id(b) not in used]
    teaser = [b.text for b in item.blocks if id(b) not in used and not cached_is_chrome(b.text) and not kind_of(b.text)
              and not is_date_text(b.text) and b.text not in captions and b.text != title
              and not _shared_label(b, region)]
    teaser = [_MORE.sub("…", t) for t in teaser]
    # A printed kind wins; then a title that says what it is (`Statement by ...`, `Comment: ...`); then the heading.
    titled_kind = unprinted_kind(title)
    kind = item.kind or (titled_kind if titled_kind != "press_release" else None) or heading_kind or titled_kind
    headline_link = next((h for h, t in title_block.others if clean_line(t).strip(" |•·–—-,.") == title), None)
    href = headline_link if headline_link and href_key(headline_link) not in region.shared_links \
        else own_href(item, region)
    evidence = [("title", title_block.path or signature(title_block.element))]
    if item.date_block is not None or item.date is not None:
        evidence.append(("date", item.date_from))
    evidence.extend(item.evidence)
    return Card(
        title=title, summary="\n".join(t for t in teaser if t), captions=tuple(captions),
        published=item.date.published if item.date else None, date_text=item.date.date_text if item.date else None,
        kind=kind, url=urljoin(base_url or "", href) if href and (base_url or "://" in href) else None,
        region=region.signature, evidence=tuple(evidence),
    )


def _shared_label(block: Block, region: Region) -> bool:
    """A line of links that other items carry too (`Awards, News, Press`): the item's tags, not its text."""
    return block.href is not None and href_key(block.href) in region.shared_links \
        and len(block.text) <= settings.CHROME_MAX_CHARS and not ends_with_full_stop(block.text)


def _headline_after_label(block: Block, region: Region) -> str:
    """The text of a line's later link when its first link is a label (`<a>News</a>: <a>Title</a>`): a link other
    items carry too, or a word or two before a longer link; else empty."""
    if not block.href or not block.others:
        return ""
    label = len((block.link_text or "").split())
    if href_key(block.href) not in region.shared_links and label > settings.LINK_LABEL_MAX_WORDS:
        return ""
    return next((t for h, t in block.others if href_key(h) not in region.shared_links
                 and len(t.split()) > max(label, 1)), "")


def _title_text(block: Block, item: Item, region: Region) -> str:
    text = block.text
    link = block.link_text or ""
    own = _headline_after_label(block, region)
    if own and own in text and _only_labels(text.replace(own, " ").replace(link, " "), item):
        return clean_line(own).strip(" |•·–—-,.")  # `<a>News</a>: <a>Title</a>`: the label's link is no headline
    if link and link != text and link in text and len(link.split()) >= 2 \
            and _only_labels(text.replace(link, " "), item):
        return link  # `Title, media release, April 24, 2013`: the link is the headline, the rest its labels
    if block is item.date_block and item.date is not None:
        text = item.date.before or item.date.rest  # `Title | 6/14/2021`: the title without its date
    return clean_line(text).strip(" |•·–—-,.")


def _only_labels(rest: str, item: Item) -> bool:
    """What a line holds besides its link: only its date, a kind label and separators."""
    if item.date is not None:
        rest = rest.replace(item.date.date_text, " ")
    rest = clean_line(rest).strip(" |•·–—-,:;()[]")
    return not rest or bool(kind_suffix(rest) or kind_of(rest)) or len(rest.split()) <= 1 \
        or partial_date(rest) is not None
