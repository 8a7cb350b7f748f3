"""Listing pages in HTML: find the items a page repeats, from its own markup.

A newsroom's CMS prints every item of a listing with the same template, so the items are sibling
elements (or runs of siblings) of one signature: table rows, cards, list items, a heading followed
by its date and teaser. Every parent element is tried with every child signature that repeats
under it as the start of an item; each candidate region is scored by how many of its items hold
a title and a date, and the best regions that do not overlap are the page's items. Within an
item, the title is the element that the items agree on (a heading, a `title` class, a link),
the date comes from `<time datetime>` or from the item's text, and the rest is its teaser.
"""
from __future__ import annotations

import datetime as dt
import logging
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urljoin

import lxml.html

from . import settings
from .dates import DateLine, Order, date_line, dateline, parse_date, trailing_date
from .lines import (
    clean_line,
    ends_with_full_stop,
    is_bare_kind,
    is_chrome,
    kind_of,
    kind_suffix,
    unprinted_kind,
)
from .markup import (
    HEADINGS,
    Block,
    flatten,
    in_figure,
    inside_chrome,
    signature,
)
from .records import Card

__all__ = ["find_cards"]

LOGGER = logging.getLogger(__name__)

_TITLE_CLASS = re.compile(r"title|headline|heading|header|name|subject|description", re.IGNORECASE)
_TEASER_CLASS = re.compile(r"summary|teaser|intro|excerpt|subheading|subtitle|desc|body|abstract|lead", re.IGNORECASE)

@dataclass(slots=True)
class _Item:
    root: lxml.html.HtmlElement
    blocks: list[Block]
    date: DateLine | None = None
    date_block: Block | None = None
    date_from: str = ""
    title: Block | None = None
    kind: str | None = None
    evidence: list[tuple[str, str]] = field(default_factory=list)
    pieces: list[Block] = field(default_factory=list)  # the rest of a date printed in pieces


@dataclass(slots=True)
class _Region:
    parent: lxml.html.HtmlElement
    items: list[_Item]
    score: float
    signature: str


def find_cards(root: lxml.html.HtmlElement, base_url: str | None, order: Order | None) -> tuple[Card, ...]:
    """The items of a listing page, or () when the page repeats no dated item template."""
    regions = [region for region in _candidate_regions(root, order) if region.score > 0]
    # Best first; between equals, the region of smaller items (the cards, not the sections holding them).
    regions.sort(key=lambda r: (r.score, -sum(len(i.blocks) for i in r.items) / len(r.items)), reverse=True)
    chosen: list[_Region] = []
    for region in regions:
        if any(_overlaps(region, other) for other in chosen):
            continue
        chosen.append(region)
    headings = {id(r): _section_heading(r.parent) for r in chosen}
    for region in chosen:
        _date_heading(region, headings[id(region)], order)
    page_has_dates = any(_dated(r) >= 2 for r in chosen)
    chosen = [r for r in chosen if _is_listing_region(r, page_has_dates)]
    if not chosen:
        return ()
    chosen.sort(key=lambda r: _document_position(root, r.parent))
    cards: list[Card] = []
    seen: set[tuple[str | None, dt.date | None]] = set()
    for region in chosen:
        heading = headings[id(region)]
        heading_kind = (kind_of(heading) or kind_suffix(heading)) if heading else None
        for item in region.items:
            card = _card(item, region, base_url, heading_kind)
            if card is None:
                continue
            key = (card.title, card.published)
            if key in seen:  # the same item printed twice (a hidden tab repeating the visible one)
                continue
            seen.add(key)
            cards.append(card)
    LOGGER.debug("listing: %d regions, %d items", len(chosen), len(cards))
    return tuple(cards)


def _document_position(root: lxml.html.HtmlElement, element: lxml.html.HtmlElement) -> int:
    for n, candidate in enumerate(root.iter()):
        if candidate is element:
            return n
    return 0


def _overlaps(a: _Region, b: _Region) -> bool:
    if a.parent is b.parent:
        return True
    a_nodes = {id(item.root) for item in a.items}
    for item in b.items:
        for ancestor in item.root.iterancestors():
            if id(ancestor) in a_nodes or ancestor is a.parent:
                return True
    for item in a.items:
        for ancestor in item.root.iterancestors():
            if ancestor is b.parent or id(ancestor) in {id(i.root) for i in b.items}:
                return True
    return False


def _dated(region: _Region) -> int:
    return sum(1 for item in region.items if item.date is not None and item.date.published is not None)


def _is_listing_region(region: _Region, page_has_dates: bool) -> bool:
    """Two dated items or more; or, on a page with no dated items at all, a longer run of items that each
    link a headline (a menu's short labels are not headlines)."""
    titled = [item for item in region.items if item.title is not None]
    if len(titled) < 2:
        return False
    if _dated(region) >= 2:
        return True
    if page_has_dates or len(titled) < settings.UNDATED_LISTING_MIN_ITEMS:
        return False
    words = sorted(len(item.title.text.split()) for item in titled if item.title is not None)
    return all(item.title is not None and item.title.href for item in titled) \
        and words[len(words) // 2] >= settings.HEADLINE_MIN_WORDS


def _candidate_regions(root: lxml.html.HtmlElement, order: Order | None) -> Iterator[_Region]:
    # An element's lines, read once however many regions try it (keyed by the element itself, which the
    # dict keeps alive: an id() could be reused by a later element).
    lines_of: dict[lxml.html.HtmlElement, list[Block]] = {}
    for parent in root.iter():
        if not isinstance(parent.tag, str):
            continue
        children = [c for c in parent if isinstance(c.tag, str)]
        if len(children) < 2:
            continue
        signatures = [signature(c) for c in children]
        counts = Counter(signatures)
        starts = [s for s, n in counts.items() if n >= 2]
        if not starts or inside_chrome(parent):
            continue
        for start in starts:
            groups = _groups(children, signatures, start)
            items = [_item(group, order, lines_of) for group in groups]
            if len(items) < 2:
                continue
            _agree_on_titles(items)
            score = _score(items)
            if score > 0:
                yield _Region(parent=parent, items=items, score=score, signature=start)


def _groups(children: list, signatures: list[str], start: str) -> list[list]:
    """The runs of siblings that start at each child of signature `start` (one item each)."""
    positions = [n for n, s in enumerate(signatures) if s == start]
    runs = [children[p:q] for p, q in zip(positions, positions[1:] + [len(children)], strict=True)]
    # The last run has no next start to stop it: it is as long as the others.
    typical = sorted(len(r) for r in runs[:-1])[len(runs[:-1]) // 2] if len(runs) > 1 else 1
    runs[-1] = runs[-1][:typical]
    # Siblings found in fewer than half of the runs (a month heading, a rule) are not the items'.
    common = Counter(s for run in runs for s in {signature(c) for c in run})
    keep = {s for s, n in common.items() if n * 2 >= len(runs)}
    return [[c for c in run if signature(c) in keep] for run in runs]


def _blocks(elements: list, lines_of: dict[lxml.html.HtmlElement, list[Block]]) -> list[Block]:
    """The text lines of an item's elements, each with its element, link and slot path."""
    blocks: list[Block] = []
    for top in elements:
        if top not in lines_of:
            lines_of[top] = [b for b in flatten(top, top) if b.text]
        blocks.extend(lines_of[top])
    return blocks


def _item(elements: list, order: Order | None, lines_of: dict[lxml.html.HtmlElement, list[Block]]) -> _Item:
    item = _Item(root=elements[0], blocks=_blocks(elements, lines_of))
    _find_date(item, order)
    _find_kind(item)
    item.title = _title_candidate(item)
    return item


def _find_date(item: _Item, order: Order | None) -> None:
    """The item's publication date: a machine-readable attribute, else a date line, else a date beside
    the title (`Title | 6/14/2021`), else a teaser's dateline."""
    for block in item.blocks:
        if block.datetime:
            parsed = parse_date(block.datetime[:10])
            if parsed is not None:
                item.date = DateLine(published=parsed, date_text=block.text, form="date")
                item.date_block, item.date_from = block, f"{block.path} @datetime"
                return
    for finder, label in ((_date_only, "date line"), (_beside, "date beside the title"), (_dateline, "dateline")):
        for block in item.blocks:
            found = finder(block.text, order)
            if found is not None and found.published is not None:
                item.date, item.date_block, item.date_from = found, block, f"{block.path} ({label})"
                return
    # A date printed in pieces (`<div class=month>Mar</div><div class=day>9</div><div class=year>2015</div>`).
    for n in range(len(item.blocks) - 2):
        pieces = item.blocks[n:n + 3]
        if all(len(b.text) <= settings.DATE_PIECE_MAX_CHARS for b in pieces):
            found = _date_only(" ".join(b.text for b in pieces), order)
            if found is not None and found.published is not None:
                item.date, item.date_block, item.date_from = found, pieces[0], f"{pieces[0].path} (date in pieces)"
                item.pieces = pieces[1:]
                return


def _date_only(text: str, order: Order | None) -> DateLine | None:
    if len(text) > settings.DATE_BLOCK_MAX_CHARS:
        return None
    found = date_line(text, order, short_years=True)
    if found is None:
        return None
    if found.rest and not (kind_of(found.rest) or len(found.rest.split()) <= settings.DATE_REST_MAX_WORDS):
        return None  # `05.19.15 Title of the release`: the date leads a title, handled as `beside`
    return found


def _beside(text: str, order: Order | None) -> DateLine | None:
    found = trailing_date(text, order)
    if found is not None:
        return found
    found = date_line(text, order, short_years=True)
    return found if found is not None and found.rest else None


def _dateline(text: str, order: Order | None) -> DateLine | None:
    found = dateline(text, order)
    return found if found is not None and found.rest else None


def _find_kind(item: _Item) -> None:
    for block in item.blocks:
        if block is item.date_block and item.date is not None:
            kind = kind_of(item.date.rest or item.date.before) if item.date.rest or item.date.before else None
        else:
            kind = kind_of(block.text) or (kind_suffix(block.text) if block.element.tag in {"em", "i"} else None)
        if kind:
            item.kind = kind
            item.evidence.append(("kind", block.path))
            return


def _title_score(block: Block, item: _Item) -> float:
    """How much a line looks like the item's headline, from its markup and its text."""
    text = block.text
    if block is item.date_block and item.date is not None and not (item.date.before or item.date.rest):
        return 0.0
    if is_chrome(text) or is_bare_kind(text) or len(text) < 3 or len(text) > settings.TITLE_MAX_CHARS + 60:
        return 0.0
    if in_figure(block.element, item.root):
        return 0.0
    score = 1.0
    if block.heading:
        score += 3.0
    if _TITLE_CLASS.search(_own_classes(block)):
        score += 2.0
    if block.href:
        score += 1.5
    if block.element.tag in {"strong", "b"}:
        score += 0.5
    if _TEASER_CLASS.search(_own_classes(block)) and not block.heading:
        score -= 1.0
    words = len(text.split())
    if words < 3:
        score -= 1.5
    if ends_with_full_stop(text) and len(text) > settings.TEASER_MIN_CHARS:
        score -= 1.5  # running text, not a headline
    return max(score, 0.0)


def _own_classes(block: Block) -> str:
    element = block.element
    names = [element.get("class") or ""]
    parent = element.getparent()
    if parent is not None:
        names.append(parent.get("class") or "")
    return " ".join(names)


def _title_candidate(item: _Item) -> Block | None:
    scored = [(_title_score(b, item), -n, b) for n, b in enumerate(item.blocks)]
    scored = [s for s in scored if s[0] > 0]
    return max(scored, key=lambda s: (s[0], s[1]))[2] if scored else None


def _agree_on_titles(items: list[_Item]) -> None:
    """Give every item its title from the slot most items chose: the page's own template."""
    paths = Counter(item.title.path for item in items if item.title is not None)
    if not paths:
        return
    path, _count = paths.most_common(1)[0]
    for item in items:
        same = [b for b in item.blocks if b.path == path and _title_score(b, item) > 0]
        if same:
            item.title = same[0]


def _score(items: list[_Item]) -> float:
    """How much a region looks like a listing: items that each have one title, and mostly a date."""
    titled = [item for item in items if item.title is not None]
    if len(titled) < 2:
        return 0.0
    dated = sum(1 for item in items if item.date is not None and item.date.published is not None)
    linked = sum(1 for item in titled if item.title is not None and item.title.href)
    score = len(titled) + dated + 0.5 * linked
    # An item holding several dated lines is a group of items (a column of a grid), not one item.
    crowded = sum(1 for item in items if _dated_lines(item) > 1)
    score -= 2.0 * crowded
    # A label printed after an item's title belongs to the next item: items start where their label is.
    score -= 0.5 * sum(1 for item in items if _label_after_title(item))
    if dated == 0 and linked < len(titled):
        score *= 0.5
    return score


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
    return sum(1 for b in item.blocks if b.datetime or _date_only(b.text, None) or _beside(b.text, None))


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
            if heading is not None:
                return clean_line(heading.text_content())
        node = node.getparent()
    return None


def _date_heading(region: _Region, heading: str | None, order: Order | None) -> None:
    """Undated items under a heading that is a full date (a day of an archive) take that date."""
    found = _date_only(heading, order) if heading else None
    if found is None or found.published is None:
        return
    for item in region.items:
        if item.date is None:
            item.date, item.date_from = found, "the section heading above (date line)"


def _card(item: _Item, region: _Region, base_url: str | None, heading_kind: str | None) -> Card | None:
    title_block = item.title
    if title_block is None:
        return None
    title = _title_text(title_block, item)
    if not title:
        return None
    used = {id(title_block), id(item.date_block), *map(id, item.pieces)}
    captions = [b.text for b in item.blocks if in_figure(b.element, item.root) and id(b) not in used]
    teaser = [b.text for b in item.blocks if id(b) not in used and not is_chrome(b.text) and not kind_of(b.text)
              and not _is_date_text(b.text) and b.text not in captions]
    teaser = [_strip_more(t) for t in teaser]
    kind = item.kind or heading_kind or unprinted_kind(title)
    href = title_block.href or next((b.href for b in item.blocks if b.href and _is_link(b.href)), None)
    if href is None:
        href = next((a.get("href") for a in item.root.iter("a") if _is_link(a.get("href"))), None)
    if href is None and item.root.tag == "a":
        href = item.root.get("href")
    evidence = [("title", title_block.path or signature(title_block.element))]
    if item.date_block is not None:
        evidence.append(("date", item.date_from))
    evidence.extend(item.evidence)
    return Card(
        title=title, summary="\n".join(t for t in teaser if t), captions=tuple(captions),
        published=item.date.published if item.date else None, date_text=item.date.date_text if item.date else None,
        kind=kind, url=urljoin(base_url or "", href) if href and (base_url or "://" in href) else None,
        region=region.signature, evidence=tuple(evidence),
    )


def _title_text(block: Block, item: _Item) -> str:
    text = block.text
    link = block.link_text or ""
    if link and link != text and len(link.split()) >= 2 and _only_labels(text.replace(link, " "), item):
        return link  # `Title, media release, April 24, 2013`: the link is the headline, the rest its labels
    if block is item.date_block and item.date is not None:
        text = item.date.before or item.date.rest  # `Title | 6/14/2021`: the title without its date
    elif item.date is not None and item.date.date_text in text and len(text) > len(item.date.date_text) + 3:
        text = text.replace(item.date.date_text, " ")
    return clean_line(text).strip(" |•·–—-,")


def _only_labels(rest: str, item: _Item) -> bool:
    """What a line holds besides its link: only its date, a kind label and separators."""
    if item.date is not None:
        rest = rest.replace(item.date.date_text, " ")
    rest = clean_line(rest).strip(" |•·–—-,:;()[]")
    return not rest or bool(kind_suffix(rest) or kind_of(rest)) or len(rest.split()) <= 1


def _is_date_text(text: str) -> bool:
    return len(text) <= settings.DATE_BLOCK_MAX_CHARS and date_line(text, None, short_years=True) is not None


def _is_link(href: str | None) -> bool:
    return bool(href) and not href.startswith(("#", "javascript:", "mailto:", "tel:"))  # type: ignore[union-attr]


def _strip_more(text: str) -> str:
    return re.sub(r"\s*(?:…|\.\.\.)?\s*(?:continue reading|read more|more)\s*»?$", "…", text, flags=re.IGNORECASE)
