"""One item of an HTML listing: its blocks, kind, title line and own link, and the region of items it
belongs to (the records pipeline/cards.py chooses between)."""
from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urldefrag

import lxml.html

from . import settings
from .card_dates import card_date, date_cell
from .dates import DateLine, Order
from .lines import (
    ends_with_full_stop,
    is_bare_kind,
    is_chrome,
    kind_of,
    kind_suffix,
)
from .markup import Block, TreeLines, in_figure

_TITLE_CLASS = re.compile(r"title|headline|heading|header|name|subject|description", re.IGNORECASE)
_TEASER_CLASS = re.compile(r"summary|teaser|intro|excerpt|subheading|subtitle|desc|body|abstract|lead", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
_WORDS = re.compile(r"[^\W\d_]{2,}")  # words of two letters or more: `R & D` holds none
cached_is_chrome = functools.lru_cache(maxsize=65_536)(is_chrome)  # the same labels recur on every item


@dataclass(slots=True)
class Item:
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
class Region:
    parent: lxml.html.HtmlElement  # the element that holds every item
    items: list[Item]
    signature: str  # how the items were found: `siblings li.news`, `titles div/a/div/h2`
    shared_links: frozenset[str] = frozenset()  # hrefs several items carry: a category, `all news`, the page
    alike: frozenset[str] = frozenset()  # lines most items print alike but for their numbers (`PDF, 120 KB`)
    score: float = 0.0
    aside: bool = False  # in a complementary column: the page's own only under a heading that names a kind


@functools.lru_cache(maxsize=65_536)
def href_key(href: str) -> str:
    return urldefrag(href.strip())[0].rstrip("/") or href


def _blocks(elements: list, lines_of: TreeLines) -> list[Block]:
    """The text lines of an item's elements, each with its element, link and slot path."""
    return [b for top in elements for b in lines_of.of(top)]


def read_item(elements: list, order: Order | None, lines_of: TreeLines) -> Item:
    item = Item(elements=elements, blocks=_blocks(elements, lines_of))
    found = card_date(item.blocks, order)
    if found is not None:
        item.date, item.date_block, item.date_from, item.pieces = found.date, found.block, found.how, found.pieces
    _find_kind(item)  # the title is chosen with the region's other items (_agree_on_titles)
    return item


def _find_kind(item: Item) -> None:
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


def title_score(block: Block, item: Item, shared: frozenset[str], alike: frozenset[str] = frozenset()) -> float:
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
    own_link = bool(block.href) and href_key(block.href or "") not in shared
    if block.href and not own_link and not block.heading and len(_WORDS.findall(text)) < settings.DATED_TITLE_MIN_WORDS:
        return 0.0  # a category or `all news` link that every item carries is no item's headline
    if alike and block.href and _shape(text) in alike:
        base -= settings.ALIKE_LINE_PENALTY  # `Full release (PDF, 120 KB)` on every item: a label, not a headline
    return max(base + (1.5 if own_link else 0.0), 0.0)


@functools.lru_cache(maxsize=65_536)
def _shape(text: str) -> str:
    """A line with its numbers set aside: items print a label alike but for them (`Full release (PDF, 120 KB)`)."""
    return _DIGITS.sub("#", text.lower())


def alike_lines(items: list[Item]) -> frozenset[str]:
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
    if cached_is_chrome(text) or is_bare_kind(text) or len(text) < 3 or len(text) > settings.TITLE_MAX_CHARS + 60:
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


def title_candidate(item: Item, shared: frozenset[str], alike: frozenset[str] = frozenset()) -> Block | None:
    scored = [(title_score(b, item, shared, alike), -n, b) for n, b in enumerate(item.blocks)]
    scored = [s for s in scored if s[0] > 0]
    if not scored and alike:  # every line is printed alike (`Weekly bulletin 12`): the label is the headline
        return title_candidate(item, shared)
    return max(scored, key=lambda s: (s[0], s[1]))[2] if scored else None


def own_href(item: Item, region: Region) -> str | None:
    """The item's own link: its title's, else the first link no other item of the region carries."""
    candidates = [item.title.href] if item.title is not None and item.title.href else []
    candidates += [href for href, _ in item.title.others] if item.title is not None else []  # `News: <a>Title</a>`
    candidates += [b.href for b in item.blocks if b.href]
    if item.root.tag == "a":
        candidates.append(item.root.get("href"))
    return next((h for h in candidates if is_link(h) and href_key(h) not in region.shared_links), None)


def label_after_title(item: Item) -> bool:
    if item.title is None:
        return False
    at = next((n for n, b in enumerate(item.blocks) if b is item.title), 0)
    return any(_is_label(b.text) for b in item.blocks[at + 1:])


def _is_label(text: str) -> bool:
    """A kind label on a line of its own (`Press Release`, `Annual Report`), not a headline ending with one."""
    return is_bare_kind(text) or (kind_of(text) is not None and len(text.split()) <= settings.KIND_LABEL_MAX_WORDS)


def dated_lines(item: Item) -> int:
    """How many of an item's lines carry a card's date (alone, beside a title, or leading one)."""
    return sum(1 for b in item.blocks if b.datetime or date_cell(b.text))


def is_link(href: str | None) -> bool:
    return bool(href) and not href.strip().startswith(("#", "javascript:", "mailto:", "tel:"))  # type: ignore[union-attr]
