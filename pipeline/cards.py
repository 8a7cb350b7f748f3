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
records; `explain` shows the runners-up with their scores.
"""
from __future__ import annotations

import datetime as dt
import functools
import itertools
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urljoin, urlsplit

import lxml.html

from . import settings
from .card_dates import card_date, date_cell, is_date_text, partial_date, year_of_heading
from .dates import DateLine, Order
from .lines import (
    clean_line,
    ends_with_full_stop,
    is_bare_kind,
    is_chrome,
    is_sidebar_heading,
    kind_of,
    kind_suffix,
    unprinted_kind,
)
from .markup import BREAKS, HEADINGS, Block, TreeLines, class_tokens, in_figure, signature
from .records import Card

__all__ = ["CardFinding", "RegionSummary", "find_cards", "listing_cards"]

LOGGER = logging.getLogger(__name__)

_TITLE_CLASS = re.compile(r"title|headline|heading|header|name|subject|description", re.IGNORECASE)
_TEASER_CLASS = re.compile(r"summary|teaser|intro|excerpt|subheading|subtitle|desc|body|abstract|lead", re.IGNORECASE)
_MORE = re.compile(r"\s*(?:…|\.\.\.)?\s*(?:continue reading|read more|more)\s*»?$", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
_LEADING_DAY = re.compile(r"^(?P<day>0?[1-9]|[12]\d|3[01])(?:\s*[—–|.:-]\s+|\s*$)")
_WORDS = re.compile(r"[^\W\d_]{2,}")  # words of two letters or more: `R & D` holds none
_TRAIL_PATH_TAGS = 4  # a title's cluster key: its tag and its three nearest ancestors' tags
# Tags that never open a listing's item: a region starting at one is no candidate.
_NEVER_ITEMS = frozenset({"br", "hr", "img", "input", "option", "source", "track", "wbr", "col", "colgroup", "meta",
                          "link", "area", "param", "picture", "video", "audio", "iframe", "script", "style"})
_chrome = functools.lru_cache(maxsize=65_536)(is_chrome)  # the same labels recur on every item
BREAKS_INSIDE_LINKS = tuple(BREAKS)  # a link holding any of these prints more than one line


@dataclass(slots=True)
class _Item:
    elements: list[lxml.html.HtmlElement]  # the sibling elements the item is made of
    blocks: list[Block]
    date: DateLine | None = None
    date_block: Block | None = None
    date_from: str = ""
    title: Block | None = None
    kind: str | None = None
    evidence: list[tuple[str, str]] = field(default_factory=list)
    pieces: list[Block] = field(default_factory=list)  # the rest of a date printed in pieces

    @property
    def root(self) -> lxml.html.HtmlElement:
        return self.elements[0]

    @property
    def full_date(self) -> bool:
        return self.date is not None and self.date.published is not None


@dataclass(slots=True)
class _Region:
    parent: lxml.html.HtmlElement  # the element that holds every item
    items: list[_Item]
    signature: str  # how the items were found: `siblings li.news`, `titles div/a/div/h2`
    shared_links: frozenset[str] = frozenset()  # hrefs several items carry: a category, `all news`, the page
    alike: frozenset[str] = frozenset()  # lines most items print alike but for their numbers (`PDF, 120 KB`)
    score: float = 0.0
    aside: bool = False  # in a complementary column: the page's own only under a heading that names a kind


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
    regions = _unique(r for r in (*_sibling_regions(root, order, lines_of), *_title_regions(root, order, lines_of))
                      if r.score > 0)
    # Best first; between equals, the region of smaller items (the cards, not the sections holding them).
    regions.sort(key=lambda r: (r.score, -sum(len(i.blocks) for i in r.items) / len(r.items)), reverse=True)
    # Where any region dates its items, undated ones are something else (a menu of features, `In other news`).
    page_has_dates = any(_dated(r) >= 2 for r in regions)
    chosen = _best_cover(_in_main([r for r in regions if _is_listing_region(r, page_has_dates)], root))
    headings = {id(item): heading for r in chosen for item, heading in _item_headings(r)}
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
            card = _card(item, region, base_url, _heading_kind(heading))
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


def _best_cover(regions: list[_Region]) -> list[_Region]:
    """The regions that together explain the most: a region claims its holder's whole subtree, so the choice
    at every element is its own best region or the best of what its children hold (two rows of cards beat the
    table that holds both when they explain more)."""
    own: dict[lxml.html.HtmlElement, _Region] = {}
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
    best: dict[lxml.html.HtmlElement, tuple[float, list[_Region]]] = {}
    for node in sorted(relevant, key=_depth, reverse=True):  # deepest first: children before their parents
        below = [best[child] for child in children.get(node, ())]
        total = sum(score for score, _ in below)
        picked = [r for _, rs in below for r in rs]
        mine = own.get(node)
        # A tie goes to the smaller regions below: the cards, not the section that holds them and a stray box.
        best[node] = (mine.score, [mine]) if mine is not None and mine.score > total else (total, picked)
    tops = [node for node in relevant if node.getparent() is None or node.getparent() not in relevant]
    return [r for node in tops for r in best[node][1]]


def _in_main(regions: list[_Region], root: lxml.html.HtmlElement) -> list[_Region]:
    """Where the page marks its main content (`<main>`, `role=main`) and a listing lies inside it, a list outside
    it (a widget column's `Recent posts`, a footer's `Latest`) is the site's, not the page's, unless a heading
    names it a kind of release (`Press releases`, `Events`)."""
    mains = [e for e in root.iter("main", "div", "section") if e.tag == "main" or e.get("role") == "main"]
    if not mains:
        return regions
    inside = {id(r) for r in regions if any(m is r.parent or m in set(r.parent.iterancestors()) for m in mains)}
    if not inside:
        return regions
    return [r for r in regions if id(r) in inside or _names_a_kind(_section_heading(r.parent))]


def _featured(region: _Region, chosen: list[_Region], order: Order | None, lines_of: TreeLines) -> _Item | None:
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
    item = _read_item([previous], order, lines_of)
    if not item.full_date or _dated_lines(item) != 1 \
            or sum(len(b.text) for b in item.blocks) > settings.CARD_MAX_CHARS:
        return None
    item.title = _title_candidate(item, region.shared_links)
    title = item.title
    if title is None or not title.href or _href_key(title.href) in region.shared_links \
            or len(title.text.split()) < settings.HEADLINE_MIN_WORDS:
        return None
    return item


def _depth(element: lxml.html.HtmlElement) -> int:
    return sum(1 for _ in element.iterancestors())


def _summaries(regions: list[_Region], chosen: list[_Region]) -> tuple[RegionSummary, ...]:
    picked = {id(r) for r in chosen}
    best = [r for r in regions if id(r) in picked] + [r for r in regions if id(r) not in picked][:5]
    return tuple(RegionSummary(signature=r.signature, items=len(r.items), dated=_dated(r), score=round(r.score, 2),
                               chosen=id(r) in picked) for r in best)


def _unique(regions: Iterator[_Region]) -> list[_Region]:
    """One region per set of items: the same items found two ways are one candidate."""
    out: dict[tuple[int, ...], _Region] = {}
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


def _dated(region: _Region) -> int:
    return sum(1 for item in region.items if item.full_date)


def _is_listing_region(region: _Region, page_has_dates: bool) -> bool:
    """Two dated items or more; or, on a page with no dated items, undated items that each link a headline:
    enough of them, or each printed as a heading (a menu's short labels are neither)."""
    titled = [item for item in region.items if item.title is not None]
    if len(titled) < 2 or region.score < settings.LISTING_MIN_SCORE:
        return False
    if region.aside and not _names_a_kind(_section_heading(region.parent)):
        return False  # a complementary column's list is the page's own only under a kind (`In the news`)
    if any(sum(len(b.text) for b in item.blocks) > settings.CARD_MAX_CHARS for item in region.items):
        return False  # an item holding a whole article is no card: the page's own text beside a box
    if _dated(region) + sum(1 for i in region.items if i.date is not None and not i.full_date) >= 2:
        return True
    if page_has_dates:
        return False
    words = sorted(len(item.title.text.split()) for item in titled if item.title is not None)
    linked = all(_own_href(item, region) is not None for item in titled)
    headlines = words[len(words) // 2] >= settings.HEADLINE_MIN_WORDS
    headings = sum(1 for item in titled if item.title is not None and item.title.heading)
    many = len(titled) >= settings.UNDATED_LISTING_MIN_ITEMS
    return linked and headlines and (many or headings == len(titled))


# --- candidates ----------------------------------------------------------------------------------

def _sibling_regions(root: lxml.html.HtmlElement, order: Order | None,
                     lines_of: TreeLines) -> Iterator[_Region]:
    """Under every element, each child signature that repeats starts an item (exact and tolerant signatures)."""
    for parent in root.iter():
        if not isinstance(parent.tag, str):
            continue
        children = [c for c in parent if isinstance(c.tag, str)]
        if len(children) < 2 or lines_of.in_chrome(parent):
            continue
        exact = [signature(c) for c in children]
        tolerant = _tolerant_signatures(children)
        for signatures in (exact, tolerant) if tolerant != exact else (exact,):
            counts = Counter(signatures)
            for start in (s for s, n in counts.items() if n >= 2 and s.split(".", 1)[0] not in _NEVER_ITEMS):
                groups = _groups(children, signatures, start)
                if len(groups) >= 2:
                    yield _region(parent, [_read_item(g, order, lines_of) for g in groups if g], f"siblings {start}",
                                  order, lines_of.in_aside(parent))


def _tolerant_signatures(children: list[lxml.html.HtmlElement]) -> list[str]:
    """Each child's tag and the class tokens that most siblings of its tag share."""
    by_tag: dict[str, list[lxml.html.HtmlElement]] = defaultdict(list)
    for child in children:
        by_tag[child.tag].append(child)
    shared: dict[str, set[str]] = {}
    for tag, elements in by_tag.items():
        counts = Counter(token for e in elements for token in set(class_tokens(e)))
        shared[tag] = {token for token, n in counts.items() if n * 2 > len(elements)}
    return [".".join([str(c.tag), *sorted(set(class_tokens(c)) & shared[c.tag])]) for c in children]


def _groups(children: list, signatures: list[str], start: str) -> list[list]:
    """The runs of siblings that start at each child of signature `start` (one item each)."""
    positions = [n for n, s in enumerate(signatures) if s == start]
    if not positions:
        return []
    runs = [list(range(p, q)) for p, q in zip(positions, positions[1:] + [len(children)], strict=True)]
    # The last run has no next start to stop it: it is as long as the others.
    typical = sorted(len(r) for r in runs[:-1])[len(runs[:-1]) // 2] if len(runs) > 1 else 1
    runs[-1] = runs[-1][:typical]
    # Siblings found in fewer than half of the runs (a month heading, a rule) are not the items'.
    common = Counter(s for run in runs for s in {signatures[n] for n in run})
    keep = {s for s, n in common.items() if n * 2 >= len(runs)}
    return [[children[n] for n in run if signatures[n] in keep] for run in runs]


def _title_regions(root: lxml.html.HtmlElement, order: Order | None,
                   lines_of: TreeLines) -> Iterator[_Region]:
    """Headline-like headings and links clustered by tag path; each item is the largest element around one
    title that holds no other title of its cluster."""
    clusters: dict[str, list[lxml.html.HtmlElement]] = defaultdict(list)
    for element in root.iter("a", *HEADINGS):
        if _is_title_element(element, lines_of):
            clusters[_trail(element)].append(element)
            if element.tag in HEADINGS:  # and by heading level alone: a featured card printed apart from the grid
                clusters[f"{element.tag} anywhere"].append(element)
    for trail, titles in clusters.items():
        if len(titles) < 2:
            continue
        holders = _holders(titles)
        if holders is None:
            continue
        parent, roots = holders
        yield _region(parent, [_read_item(run, order, lines_of) for run in _runs(roots)], f"titles {trail}", order,
                      lines_of.in_aside(parent) or any(lines_of.in_aside(r) for r in roots))


def _names_a_kind(heading: str | None) -> bool:
    """A section heading that names a kind of release (`Press releases`, `Published in the News.`)."""
    return heading is not None and not is_sidebar_heading(heading) and _heading_kind(heading) is not None


def _heading_kind(heading: str | None) -> str | None:
    """The kind a section heading names (`Events` -> event, `Published in the News.` -> media_coverage)."""
    if not heading:
        return None
    text = heading.strip(" .:!")
    return kind_of(text) or kind_suffix(text)


def _is_title_element(element: lxml.html.HtmlElement, lines_of: TreeLines) -> bool:
    """A heading, or a link outside any heading, whose text reads like a headline, outside page furniture."""
    if element.tag == "a" and (not _is_link(element.get("href")) or next(element.iter(*HEADINGS), None) is not None
                               or any(a.tag in HEADINGS for a in element.iterancestors())):
        return False  # a link in (or around) a heading is clustered as that heading
    if lines_of.in_chrome(element):
        return False
    text = _first_line(element, lines_of)
    words = len(text.split())
    return 2 <= words and len(text) <= settings.TITLE_MAX_CHARS + 60 and not _chrome(text) and not is_bare_kind(text)


def _first_line(element: lxml.html.HtmlElement, lines_of: TreeLines) -> str:
    """The element's first line: a headline printed above its subtitles in one link."""
    if element.tag == "a" and next(element.iter("br", *BREAKS_INSIDE_LINKS), None) is None:
        return clean_line(element.text_content())  # one line: no need to walk it
    return next((block.text for block in lines_of.of(element) if block.text), "")


def _trail(element: lxml.html.HtmlElement) -> str:
    """The element's tag and its nearest ancestors' tags: `div/a/div/h2`."""
    tags = [str(element.tag)]
    for ancestor in element.iterancestors():
        if len(tags) >= _TRAIL_PATH_TAGS:
            break
        tags.append(str(ancestor.tag))
    return "/".join(reversed(tags))


def _holders(titles: list[lxml.html.HtmlElement],
             ) -> tuple[lxml.html.HtmlElement, list[lxml.html.HtmlElement]] | None:
    """The element holding every title, and for each title the largest element around it holding no other."""
    holding: Counter[lxml.html.HtmlElement] = Counter()
    for title in titles:
        for ancestor in title.iterancestors():
            holding[ancestor] += 1
    parent = next((a for a in titles[0].iterancestors() if holding[a] == len(titles)), None)
    if parent is None or parent.tag in {"html", "body"} and len(titles) < 3:
        return None
    roots = []
    for title in titles:
        root = title
        for ancestor in title.iterancestors():
            if holding[ancestor] > 1:
                break
            root = ancestor
        roots.append(root)
    return parent, roots


def _runs(roots: list[lxml.html.HtmlElement]) -> list[list[lxml.html.HtmlElement]]:
    """Each item's elements: its root, and where the roots are siblings with no element of their own around
    them (`<dt>` title, `<dd>` date and teaser), the siblings up to the next root."""
    # Keyed by the elements themselves: an id() of an lxml proxy let go may be reused by another.
    by_parent: dict[lxml.html.HtmlElement, list[lxml.html.HtmlElement]] = defaultdict(list)
    for root in roots:
        by_parent[root.getparent()].append(root)
    run_of: dict[lxml.html.HtmlElement, list[lxml.html.HtmlElement]] = {r: [r] for r in roots}
    every = set(roots)
    for parent, group in by_parent.items():
        if len(group) < 2 or parent is None:
            continue
        marks = set(group)
        children = [c for c in parent if isinstance(c.tag, str)]
        if len(children) == len(group):
            continue  # every sibling is an item's root: nothing to add
        signatures = ["\0title" if c in marks else signature(c) for c in children]
        lead = _lead(children, signatures)
        starts = [n - lead for n, s in enumerate(signatures) if s == "\0title"]
        for n in starts:
            signatures[n] = "\0start"
        for run in _groups(children, signatures, "\0start"):
            root = next((c for c in run if c in marks), None)
            if root is not None:
                run_of[root] = _own_part(run, root, every)
    return [run_of[r] for r in roots]


def _own_part(run: list[lxml.html.HtmlElement], root: lxml.html.HtmlElement,
              every: set[lxml.html.HtmlElement]) -> list[lxml.html.HtmlElement]:
    """An item's run up to the first sibling after its title that is a heading or holds another item's title
    (a month's heading and the month's list): those open the next section, not this item."""
    at = run.index(root)
    for n, element in enumerate(run[at + 1:], at + 1):
        if element.tag in HEADINGS or any(e in every for e in element.iter()):
            return run[:n]
    return run


def _lead(children: list[lxml.html.HtmlElement], signatures: list[str]) -> int:
    """How many short siblings (a kind label, a date) every title is printed after: they open its item, not
    close the one before. 0 when the titles open their items."""
    titles = [n for n, s in enumerate(signatures) if s == "\0title"]
    for k in (2, 1):
        if titles[0] < k or any(q - p <= k for p, q in itertools.pairwise(titles)):
            continue
        leads = {tuple(signatures[n - k:n]) for n in titles}
        if len(leads) == 1 and all(_is_short_label(children[m]) for n in titles for m in range(n - k, n)):
            return k
    return 0


def _is_short_label(element: lxml.html.HtmlElement) -> bool:
    text = clean_line(element.text_content())
    return element.tag not in HEADINGS and 0 < len(text) <= settings.DATE_BLOCK_MAX_CHARS \
        and (kind_of(text) is not None or is_date_text(text) or len(text.split()) <= settings.DATE_REST_MAX_WORDS)


def _region(parent: lxml.html.HtmlElement, items: list[_Item], how: str, order: Order | None,
            aside: bool = False) -> _Region:
    items = [item for item in items if item.blocks]  # a spacer cell or an empty wrapper is no item
    region = _Region(parent=parent, items=items, signature=how, shared_links=_shared_links(items), aside=aside,
                     alike=_alike_lines(items))
    if 2 * sum(1 for item in items if item.date is None) > len(items):  # a day's archive: its heading dates them
        heading = _section_heading(parent)
        found = date_cell(heading, order) if heading else None
        if found is not None and found.published is not None:
            for item in items:
                if item.date is None:
                    item.date, item.date_from = found, "the section heading above (date line)"
    _days_under_months(region, order)
    _agree_on_titles(region)
    region.score = _score(region)
    return region


def _shared_links(items: list[_Item]) -> frozenset[str]:
    """Links that several items carry: a category, a department, `all news`, a viewer; no item's own."""
    counts: Counter[str] = Counter()
    for item in items:
        counts.update({_href_key(b.href) for b in item.blocks if b.href and _is_link(b.href)})
    return frozenset(href for href, n in counts.items() if n >= 2)


@functools.lru_cache(maxsize=65_536)
def _href_key(href: str) -> str:
    return urldefrag(href.strip())[0].rstrip("/") or href


# --- one item ------------------------------------------------------------------------------------

def _blocks(elements: list, lines_of: TreeLines) -> list[Block]:
    """The text lines of an item's elements, each with its element, link and slot path."""
    return [b for top in elements for b in lines_of.of(top)]


def _read_item(elements: list, order: Order | None, lines_of: TreeLines) -> _Item:
    item = _Item(elements=elements, blocks=_blocks(elements, lines_of))
    found = card_date(item.blocks, order)
    if found is not None:
        item.date, item.date_block, item.date_from, item.pieces = found.date, found.block, found.how, found.pieces
    _find_kind(item)  # the title is chosen with the region's other items (_agree_on_titles)
    return item


def _find_kind(item: _Item) -> None:
    for block in item.blocks:
        if block is item.date_block and item.date is not None:
            label = item.date.rest or item.date.before
            kind = kind_of(label) if label else None
        else:
            kind = kind_of(block.text) or (kind_suffix(block.text) if block.element.tag in {"em", "i"} else None)
        if kind:
            item.kind = kind
            item.evidence.append(("kind", block.path))
            return


def _title_score(block: Block, item: _Item, shared: frozenset[str], alike: frozenset[str] = frozenset()) -> float:
    """How much a line looks like the item's headline, from its markup and its text."""
    text = block.text
    if block is item.date_block and item.date is not None:
        # The line's words besides its date: a headline (`Title | 6/14/2021`), or a label (`Oct.13.2022 R & D`).
        text = item.date.before or item.date.rest
        if len(_WORDS.findall(text)) < settings.DATED_TITLE_MIN_WORDS:
            return 0.0
    base = _line_score(text, block.heading, block.element.tag, _own_classes(block))
    if base is None or in_figure(block.element, item.root):
        return 0.0
    own_link = bool(block.href) and _href_key(block.href or "") not in shared
    if block.href and not own_link and not block.heading and len(_WORDS.findall(text)) < settings.DATED_TITLE_MIN_WORDS:
        return 0.0  # a category or `all news` link that every item carries is no item's headline
    if alike and block.href and _shape(text) in alike:
        base -= settings.ALIKE_LINE_PENALTY  # `Full release (PDF, 120 KB)` on every item: a label, not a headline
    return max(base + (1.5 if own_link else 0.0), 0.0)


@functools.lru_cache(maxsize=65_536)
def _shape(text: str) -> str:
    """A line with its numbers set aside: items print a label alike but for them (`Full release (PDF, 120 KB)`)."""
    return _DIGITS.sub("#", text.lower())


def _alike_lines(items: list[_Item]) -> frozenset[str]:
    """The shapes of the link lines that many items of a region print (half of them, two at least)."""
    if len(items) < 2:
        return frozenset()
    # Links only: a link's own-link bonus is what lets a label outscore a headline printed without one.
    counts = Counter(shape for item in items for shape in {_shape(b.text) for b in item.blocks
                                                           if b.href and len(b.text) <= settings.TITLE_MAX_CHARS})
    return frozenset(shape for shape, n in counts.items() if n >= 2 and 2 * n >= len(items))


@functools.lru_cache(maxsize=65_536)
def _line_score(text: str, heading: bool, tag: str, classes: str) -> float | None:
    """The part of a line's headline score that its text and markup decide; None for a line that is no headline."""
    if _chrome(text) or is_bare_kind(text) or len(text) < 3 or len(text) > settings.TITLE_MAX_CHARS + 60:
        return None
    score = 1.0
    if heading:
        score += 3.0
    if _TITLE_CLASS.search(classes):
        score += 2.0
    if tag in {"strong", "b"}:
        score += 0.5
    if _TEASER_CLASS.search(classes) and not heading:
        score -= 1.0
    if len(text.split()) < 3:
        score -= 1.5
    if ends_with_full_stop(text) and len(text) > settings.TEASER_MIN_CHARS:
        score -= 1.5  # running text, not a headline
    return score


def _own_classes(block: Block) -> str:
    element = block.element
    names = [element.get("class") or ""]
    parent = element.getparent()
    if parent is not None:
        names.append(parent.get("class") or "")
    return " ".join(names)


def _title_candidate(item: _Item, shared: frozenset[str], alike: frozenset[str] = frozenset()) -> Block | None:
    scored = [(_title_score(b, item, shared, alike), -n, b) for n, b in enumerate(item.blocks)]
    scored = [s for s in scored if s[0] > 0]
    if not scored and alike:  # every line is printed alike (`Weekly bulletin 12`): the label is the headline
        return _title_candidate(item, shared)
    return max(scored, key=lambda s: (s[0], s[1]))[2] if scored else None


def _agree_on_titles(region: _Region) -> None:
    """Give every item its title from the slot most items chose: the page's own template."""
    items, shared, alike = region.items, region.shared_links, region.alike
    for item in items:
        item.title = _title_candidate(item, shared, alike)
    paths = Counter(item.title.path for item in items if item.title is not None)
    if not paths:
        return
    path, _count = paths.most_common(1)[0]
    for item in items:
        same = [b for b in item.blocks if b.path == path and _title_score(b, item, shared, alike) > 0]
        if same:
            item.title = same[0]


def _score(region: _Region) -> float:
    """How much a region looks like a listing: items that each have one title, mostly a date and a link."""
    items = region.items
    titled = [item for item in items if item.title is not None]
    if len(titled) < 2:
        return 0.0
    # Distinct headlines: a short label (`Germany`, `Press`) is weak evidence of an item.
    distinct = sum(1.0 if len(text.split()) >= 3 else 0.4
                   for text in {item.title.text.lower() for item in titled if item.title is not None})
    dated = sum(1 for item in items if item.full_date)
    partly = sum(1 for item in items if item.date is not None and not item.full_date)
    linked = sum(1 for item in titled if _own_href(item, region) is not None)
    score = distinct + dated + 0.5 * partly + 0.5 * linked
    # An item holding several dated lines is a group of items (a column of a grid), not one item.
    score -= 2.0 * sum(1 for item in items if _dated_lines(item) > 1)
    # A label printed after an item's title belongs to the next item: items start where their label is.
    score -= 0.5 * sum(1 for item in items if _label_after_title(item))
    # A listing dates its items alike: an undated item among dated ones is something else (a box's heading).
    if 2 * (dated + partly) >= len(items):
        score -= 2.0 * sum(1 for item in items if item.date is None)  # more than its headline and link earn
    if dated + partly == 0 and linked < len(titled):
        score *= 0.5
    return score


def _own_href(item: _Item, region: _Region) -> str | None:
    """The item's own link: its title's, else the first link no other item of the region carries."""
    candidates = [item.title.href] if item.title is not None and item.title.href else []
    candidates += [b.href for b in item.blocks if b.href]
    if item.root.tag == "a":
        candidates.append(item.root.get("href"))
    return next((h for h in candidates if _is_link(h) and _href_key(h) not in region.shared_links), None)


def _label_after_title(item: _Item) -> bool:
    if item.title is None:
        return False
    at = next((n for n, b in enumerate(item.blocks) if b is item.title), 0)
    return any(_is_label(b.text) for b in item.blocks[at + 1:])


def _is_label(text: str) -> bool:
    """A kind label on a line of its own (`Press Release`, `Annual Report`), not a headline ending with one."""
    return is_bare_kind(text) or (kind_of(text) is not None and len(text.split()) <= settings.KIND_LABEL_MAX_WORDS)


def _dated_lines(item: _Item) -> int:
    """How many of an item's lines carry a card's date (alone, beside a title, or leading one)."""
    return sum(1 for b in item.blocks if b.datetime or date_cell(b.text))


def _section_heading(parent: lxml.html.HtmlElement) -> str | None:
    """The text of the heading a list sits under (`Media Advisories`, `Friday, March 29, 2013`), if any."""
    node: lxml.html.HtmlElement | None = parent
    for _ in range(settings.SECTION_HEADING_MAX_LEVELS):
        if node is None:
            return None
        for sibling in node.itersiblings(preceding=True):
            if not isinstance(sibling.tag, str):
                continue
            heading = sibling if sibling.tag in HEADINGS else next(
                (h for h in sibling.iter(*HEADINGS)), None) if sibling.tag in {"div", "header", "section"} else None
            if heading is not None and heading is not sibling and _holds_a_list(sibling, heading):
                continue  # a column of its own (`Most read` and its links) beside the list, not the list's heading
            if heading is not None:
                return clean_line(heading.text_content())
        node = node.getparent()
    return None


def _holds_a_list(container: lxml.html.HtmlElement, heading: lxml.html.HtmlElement) -> bool:
    """A container that prints links or list entries of its own besides its heading: a section, not a heading's
    wrapper (`<div class="section-title"><h2>News</h2><p>Our latest releases.</p></div>`)."""
    inside = set(heading.iter())
    return any(e not in inside for e in container.iter("a", "li", "dt", "tr"))


def _item_headings(region: _Region) -> Iterator[tuple[_Item, str | None]]:
    """Each item's section heading: the last heading above it inside the region that is no item's own
    (`Press releases`, then `Events`; `2021`, then `2020`), else the heading above the whole region."""
    roots = {id(item.root): item for item in region.items}
    # The elements themselves, not their id(): lxml makes a new proxy object for a node each time it is reached,
    # and the id of a proxy let go may be reused by another.
    inside = {e for item in region.items for root in item.elements for e in root.iter()}
    current = _section_heading(region.parent)
    for element in region.parent.iter():
        if id(element) in roots:
            yield roots[id(element)], current
        elif isinstance(element.tag, str) and element.tag in HEADINGS and element not in inside:
            text = clean_line(element.text_content())
            current = text or current


def _date_from_heading(region: _Region, headings: dict[int, str | None], order: Order | None) -> None:
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
            dated = _with_year(item.date, year)
            if dated is not None:
                item.date, item.date_from = dated, f"{item.date_from}, year from the heading above"


def _days_under_months(region: _Region, order: Order | None) -> None:
    """Items that print only their day (`14 — Title`) under a month's heading (`March 2021`) are dated by both:
    an archive by month. Asked of a region only when two of its undated items or more lead with a day."""
    if sum(1 for item in region.items if item.date is None and _leading_day(item)) < 2:
        return
    from .dates import parse_date

    for item, heading in _item_headings(region):
        month = partial_date(heading) if heading and item.date is None else None
        lead = _leading_day(item) if month is not None and month.form == "month-year" else None
        if month is None or lead is None:
            continue
        text = f"{lead} {month.date_text}"
        published = parse_date(text, None, order)
        if published is not None:
            item.date = DateLine(published=published, date_text=text, form="date")
            item.date_from = "the item's day, its month and year from the heading above"


def _leading_day(item: _Item) -> str | None:
    """The day an item's first line leads with (`14 — Title`, or `14` alone), else None."""
    match = _LEADING_DAY.match(item.blocks[0].text) if item.blocks else None
    return match.group("day") if match else None


def _with_year(found: DateLine, year: int) -> DateLine | None:
    from .dates import parse_date

    published = parse_date(f"{found.date_text} {year}")
    return DateLine(published=published, date_text=f"{found.date_text} {year}", rest=found.rest,
                    before=found.before, form="date") if published else None


# --- the card ------------------------------------------------------------------------------------

def _card(item: _Item, region: _Region, base_url: str | None, heading_kind: str | None) -> Card | None:
    title_block = item.title
    if title_block is None:
        return None
    title = _title_text(title_block, item)
    if not title:
        return None
    used = {id(title_block), id(item.date_block), *map(id, item.pieces)}
    captions = [b.text for b in item.blocks if in_figure(b.element, item.root) and id(b) not in used]
    teaser = [b.text for b in item.blocks if id(b) not in used and not _chrome(b.text) and not kind_of(b.text)
              and not is_date_text(b.text) and b.text not in captions and b.text != title
              and not _shared_label(b, region)]
    teaser = [_MORE.sub("…", t) for t in teaser]
    # A printed kind wins; then a title that says what it is (`Statement by ...`, `Comment: ...`); then the heading.
    titled_kind = unprinted_kind(title)
    kind = item.kind or (titled_kind if titled_kind != "press_release" else None) or heading_kind or titled_kind
    href = _own_href(item, region)
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


def _shared_label(block: Block, region: _Region) -> bool:
    """A line of links that other items carry too (`Awards, News, Press`): the item's tags, not its text."""
    return block.href is not None and _href_key(block.href) in region.shared_links \
        and len(block.text) <= settings.CHROME_MAX_CHARS and not ends_with_full_stop(block.text)


def _title_text(block: Block, item: _Item) -> str:
    text = block.text
    link = block.link_text or ""
    if link and link != text and link in text and len(link.split()) >= 2 \
            and _only_labels(text.replace(link, " "), item):
        return link  # `Title, media release, April 24, 2013`: the link is the headline, the rest its labels
    if block is item.date_block and item.date is not None:
        text = item.date.before or item.date.rest  # `Title | 6/14/2021`: the title without its date
    return clean_line(text).strip(" |•·–—-,.")


def _only_labels(rest: str, item: _Item) -> bool:
    """What a line holds besides its link: only its date, a kind label and separators."""
    if item.date is not None:
        rest = rest.replace(item.date.date_text, " ")
    rest = clean_line(rest).strip(" |•·–—-,:;()[]")
    return not rest or bool(kind_suffix(rest) or kind_of(rest)) or len(rest.split()) <= 1 \
        or partial_date(rest) is not None


def _is_link(href: str | None) -> bool:
    return bool(href) and not href.strip().startswith(("#", "javascript:", "mailto:", "tel:"))  # type: ignore[union-attr]
