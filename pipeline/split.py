"""Split stage: cut a Page into releases (cards on a listing page, else one whole document)."""
from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from . import settings
from .cards import RegionSummary, find_cards
from .census import Census, count_dates, side_lists
from .dates import (
    DateLine,
    Order,
    date_line,
    dateline,
    foreign_shaped,
    issued_on,
    numeric_order,
    order_from_hint,
    unparsed_date,
)
from .html import base_href
from .language import page_language
from .lines import Line, classify, is_chrome, is_sidebar_heading, is_teaser, is_title, kind_of, unprinted_kind
from .markup import TreeLines
from .records import Card, Page, Release
from .single import is_article, single_fields
from .template import CAPTION, DATE, KIND, STANDFIRST, TEASER, TEXT, TITLE, CardLines, Layout, induce

LOGGER = logging.getLogger(__name__)
# An English page whose cards print dates in other languages reads them as its neighbours' (settings).
OTHER_LANGUAGE = settings.NEIGHBOUR_DATE_LANGUAGES[0]

__all__ = ["Segmentation", "kind_of", "page_layout", "segment", "split"]

_PUBLISHER = re.compile(
    r"^(?i:(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?,?\s*)?(?:by\s+)?|about\s+(?:the\s+)?)"
    r"(?P<org>[A-Z][\w&’'-]*(?:\.(?=\S))?(?:\s+(?:of|for|the|and|&|[A-Z][\w&’'-]*\.?)){0,6}?)"
    r"\s*(?:[.,|]\s|[.,|]?$|(?i:all rights reserved))",
)
_EMAIL_MARKERS = re.compile(
    r"(?i:unsubscribe|don'?t reply to this email|view (this email )?in (your )?browser|"
    r"^in solidarity,?$|^sincerely,?$|^(?:best |kind )?regards,?$|^dear\b|^(?:from|to|cc|sent|subject):\s)"
    # A first name saluted (`John: As I write ...`); a transcript's speaker labels are capitals (`MR. DOE:`).
    r"|^[A-Z][a-z]+ ?[:—–-] ",
)
_EMAIL_HEADER = re.compile(r"^(from|to|cc|bcc|sent|date|subject)\s*:\s*(\S.*)$", re.IGNORECASE)
# What a single release has and a homepage or topic page does not.
_RELEASE_MARKERS = re.compile(
    r"for immediate release|notes? to editors|^(?:media |press )?contacts?:|^###|"
    r"^\(?[A-Z][A-Za-z0-9.,/ ]{1,40}\)? ?(?:[–—]|--)|\b(?:said|says|stated|added)[:,]? [“\"]|"
    r"[”\"],? (?:said|says)\b|issued the following statement|commenting on\b|responds? to\b",
    re.IGNORECASE,
)
_GLUED_CHECK_MAX_BLOCKS = 400
_HEAD_LINES = 12  # a single release states its date near the top; deeper dates are in the text


@dataclass(frozen=True, slots=True, kw_only=True)
class Segmentation:
    """What the split made of a page: its releases, how they were found, and whether they account for its dates."""

    releases: tuple[Release, ...]
    how: str  # `markup: titles div/a/div/h2 (12 items)`, `template: DATE / title / teaser`, `one release page`
    census: Census
    candidates: tuple[RegionSummary, ...] = ()  # HTML: the markup's candidate regions, chosen first, with scores
    cards: tuple[Card, ...] = ()  # HTML: the items the markup repeats, each with where its fields were read
    layout: Layout | None = None  # the card template, when the page's lines were split by one
    lines: tuple[Line, ...] = ()  # the page's lines as classified, when the template was tried


def split(page: Page) -> list[Release]:
    """Split a newsroom page into its releases: one per card, else one whole document."""
    return list(segment(page).releases)


def segment(page: Page) -> Segmentation:
    """Split a page and say how: the releases, the segmentation chosen (and its runners-up), the date census."""
    order = page_order(page)
    tree_lines = TreeLines(page.tree) if page.tree is not None else None  # an HTML page's lines, flattened once
    dates = count_dates(page, order, tree_lines)
    found = _segment(page, order, tree_lines, dates)
    census = Census(dates=dates, records=len(found.releases), dated=_dated(found))
    understood = () if census.understood else (f"page not understood: {census.describe()}",)
    publisher = _publisher(page.blocks) or (page.meta.publisher if page.meta else None)
    releases = tuple(replace(r, seen_at=page.fetched_at, organization=publisher,
                             warnings=page.warnings + r.warnings + understood) for r in found.releases)
    return Segmentation(releases=releases, how=found.how, census=census, candidates=found.candidates,
                        cards=found.cards, layout=found.layout, lines=found.lines)


def page_layout(page: Page, order: Order | None) -> tuple[list[Line], Layout | None]:
    """The page's lines as classified with its date order (page_order), and the card layout induced from them
    (None: no listing)."""
    plain = page.tree is None
    lines = _without_side_lists(classify(page.blocks, order, plain=plain), page.gaps) if plain else classify(
        page.blocks, order, plain=plain)
    unread = sum(1 for line in lines if line.date is None and foreign_shaped(line.text)) if plain else 0
    if plain and (sum(1 for line in lines if line.anchor) < 2 or unread >= 2):
        # Fewer than two dates read in English: a page in another language prints its dates in its own words; and
        # a page of several languages (`Medien · Médias · Media`) prints some of them in its neighbours' words.
        language = page_language(page)
        if language not in (None, "en") or unread >= 2:
            lines = _without_side_lists(classify(page.blocks, order, language if language not in (None, "en")
                                                 else OTHER_LANGUAGE), page.gaps)
    layout = induce(lines, page.gaps, page.indents)
    if layout is None or not _is_listing(layout):
        return lines, None
    return lines, layout


def _without_side_lists(lines: list[Line], gaps: tuple[int, ...]) -> list[Line]:
    """A side list inside a text page (`Most read`, then its items up to the furniture or the blank line that closes
    it): furniture, its dated items no cards of the page."""
    if len(gaps) != len(lines):
        return lines
    out = list(lines)
    for n, line in enumerate(lines):
        if not is_sidebar_heading(line.text) or len(line.text.split()) > settings.PAGE_HEADING_MAX_WORDS:
            continue
        # (it ends at furniture that closes it, `See all most read ›`, before any card's teaser; else at the blank
        # line that closes its group)
        near = range(n + 1, min(len(lines), n + 2 * settings.CARD_MAX_LINES))
        items = next((m for m in near if lines[m].teaser or lines[m].sentence), near.stop)
        closer = next((m + 1 for m in range(n + 1, items) if lines[m].chrome), None)
        end = closer or next((m for m in near if gaps[m] and m < n + settings.CARD_MAX_LINES), None)
        for m in range(n, end if end is not None else n):
            out[m] = Line(index=lines[m].index, text=lines[m].text, chrome=True)
    return out


def page_order(page: Page) -> Order | None:
    """The page's numeric date order, from its own dates (an HTML page's every date, its related lists'
    and footer's included), else its language, else its host."""
    host = urlsplit(page.url).hostname if page.url else None
    if page.tree is not None:
        return numeric_order([page.tree.text_content()], page.meta.lang if page.meta else None) \
            or order_from_hint(host) or _order_of_links(page.tree)
    return numeric_order(page.blocks, (page.meta.lang if page.meta else None) or host)


def _order_of_links(tree: object) -> Order | None:
    """The date order the hosts a page links to agree on (a saved page that names no URL of its own links to
    its site's `.ac.uk` pages): at least three votes, and twice as many as the other order."""
    votes: Counter[str] = Counter()
    for link in tree.iter("a"):  # type: ignore[attr-defined]
        host = urlsplit(link.get("href") or "").hostname
        order = order_from_hint(host) if host else None
        if order is not None:
            votes[order] += 1
    if not votes:
        return None
    (best, n), *rest = votes.most_common()
    other = rest[0][1] if rest else 0
    return best if n >= settings.LINK_ORDER_MIN_VOTES and n >= 2 * other else None  # type: ignore[return-value]


def _publisher(blocks: tuple[str, ...]) -> str | None:
    """The organisation a page says it belongs to: `© 2020 Amnesty International USA`, `About the ACLU`."""
    for block in reversed(blocks):
        match = _PUBLISHER.match(block)
        if match:
            return match.group("org").strip(" .,")
    return None


@dataclass(frozen=True, slots=True, kw_only=True)
class _Found:
    releases: tuple[Release, ...]
    how: str
    single: bool = False  # one release made of the whole page
    candidates: tuple[RegionSummary, ...] = ()
    cards: tuple[Card, ...] = ()
    layout: Layout | None = None
    lines: tuple[Line, ...] = ()


def _segment(page: Page, order: Order | None, tree_lines: TreeLines | None, dates: int) -> _Found:
    """The page's best explanation: its feed entries, the items its markup repeats, the cards of a text
    template, or one release. Between the markup's items and a template's cards, the one whose records
    hold more of the page's dates wins (the census as an objective)."""
    if page.entries:  # a feed or sitemap: its XML lists the records
        return _Found(releases=tuple(_item_release(page, entry) for entry in page.entries),
                      how=f"{page.format}: {len(page.entries)} entries", cards=page.entries)
    markup, candidates = _markup_items(page, order, tree_lines) if page.tree is not None else (None, ())
    if markup is not None and _understood(markup, dates):
        return markup
    declared_article = page.meta is not None and page.meta.article
    if markup is None and declared_article and dates < settings.CENSUS_MIN_DATES:
        LOGGER.debug("%r: one release (the markup declares an article)", page.source)
        return _Found(releases=(_html_release(page, order),), how="one release page (declared an article)",
                      single=True, candidates=candidates)
    lines, layout = page_layout(page, order)
    template = _template_cards(page, lines, layout, candidates)
    if template is not None and _reads_side_lists(page, markup, template, dates):
        LOGGER.debug("%r: the template's cards are a side list's (%d dated, %d dates in the content)",
                     page.source, _dated(template), dates)
        template = None
    if template is not None and (markup is None or _dated(template) > _dated(markup)):
        return template
    if markup is not None:
        return markup
    LOGGER.debug("%r: one document (no card template repeats)", page.source)
    if page.format == "html":
        return _Found(releases=(_html_release(page, order),), how="one release page", single=True,
                      candidates=candidates, lines=tuple(lines))
    return _Found(releases=(_document(page, list(page.blocks)),), how="one document", single=True, lines=tuple(lines))


def _markup_items(page: Page, order: Order | None, tree_lines: TreeLines | None,
                  ) -> tuple[_Found | None, tuple[RegionSummary, ...]]:
    """The items an HTML page's markup repeats (None when it repeats none, or they are a release's related links)."""
    finding = find_cards(page.tree, page.url or base_href(page.tree), order, tree_lines)
    if not finding.cards or is_article(page, finding.cards):
        return None, finding.candidates
    regions = ", ".join(c.signature for c in finding.candidates if c.chosen)
    LOGGER.debug("%r: %d items from the markup (%s)", page.source, len(finding.cards), regions)
    return _Found(releases=tuple(_item_release(page, card) for card in finding.cards),
                  how=f"markup: {regions} ({len(finding.cards)} items)", candidates=finding.candidates,
                  cards=finding.cards), finding.candidates


def _template_cards(page: Page, lines: list[Line], layout: Layout | None,
                    candidates: tuple[RegionSummary, ...]) -> _Found | None:
    """The cards of the page's text template, or None when no template repeats."""
    if layout is None:
        return None
    owned = frozenset(i for card in layout.cards for i in (card.anchor.index, *(ln.index for ln, _ in card.roles)))
    if not _has_sections(lines, layout, owned):
        owned = frozenset(range(len(lines)))  # one heading over the whole page is the page's, not a kind
    sections = _section_kinds(lines, owned)
    links = dict(reversed(page.links))  # a block's first link
    cards = [r for r in (_release(lines, layout, card, sections, links, page.source) for card in layout.cards)
             if r is not None]
    # Cards found by their kind labels may leave one dated card: a listing cut off after it.
    if len(cards) < 2 and not (cards and layout.template.anchor == KIND):
        return None
    LOGGER.debug("%r: %d cards, template %s", page.source, len(cards), layout.template.describe())
    return _Found(releases=tuple(cards), how=f"template: {layout.template.describe()} ({len(cards)} cards)",
                  candidates=candidates, layout=layout, lines=tuple(lines))


def _reads_side_lists(page: Page, markup: _Found | None, template: _Found, dates: int) -> bool:
    """An HTML page whose markup repeats no items and whose content, side lists aside, prints too few dates for a
    listing, yet whose text template dates more cards than that, most of them printed under a side list's
    heading (`More from the newsroom` under a release): the census leaves those out, and so does the split."""
    if page.format != "html" or markup is not None or page.tree is None or dates >= settings.CENSUS_MIN_DATES \
            or _dated(template) <= dates:
        return False
    side = side_lists(page.tree)
    side_text = " ".join(" ".join(e.text_content().split()) for e in side if e.getparent() not in side)
    dated_titles = [r.title for r in template.releases if r.published is not None and r.title]
    in_side = sum(1 for title in dated_titles if " ".join(title.split()) in side_text)
    return 2 * in_side > len(dated_titles)


def _dated(found: _Found) -> int:
    return sum(1 for r in found.releases if r.published is not None)


def _understood(found: _Found, dates: int) -> bool:
    return Census(dates=dates, records=len(found.releases), dated=_dated(found)).understood


def _item_release(page: Page, card: Card) -> Release:
    return Release(sources=(page.source,), kind=card.kind or unprinted_kind(card.title), title=card.title,
                   summary=card.summary, captions=card.captions, date_text=card.date_text,
                   published=card.published, url=card.url)


def _html_release(page: Page, order: Order | None) -> Release:
    """A single release page: its printed headline and date, its main text without the page's furniture."""
    fields = single_fields(page, order)
    body = list(page.body) or [b for b in page.blocks if not is_chrome(b)]
    title = fields.title
    # A kind line printed with the headline (`Press Release` above it), not one from a menu further up.
    at = page.blocks.index(title) if title in page.blocks else None
    near = page.blocks[max(0, at - settings.KIND_NEAR_HEADLINE_LINES):at + settings.KIND_NEAR_HEADLINE_LINES] \
        if at is not None else ()
    kind = next((kind_of(line) for line in near if kind_of(line)), None) or unprinted_kind(title)
    # The headline, kind line and date line are fields of their own, not the release's text.
    metadata = {title, fields.date_text}
    body = [line for line in body if line not in metadata and not kind_of(line)]
    return Release(
        sources=(page.source,), kind=kind, title=title, summary="\n".join(_unique_blocks(body)),
        date_text=fields.date_text, published=fields.published, url=page.url,
    )


def _is_listing(layout: Layout) -> bool:
    """Cards that repeat, not one document that prints two dates: three or more cards, or two short ones
    that each have a title or a teaser. Cards cut at their kind labels must be short and dated."""
    cards = layout.cards
    if layout.template.anchor == KIND:
        teaser_runs = [sum(1 for _line, role in card.roles if role == TEASER) for card in cards]
        dated = sum(1 for card in cards if any(role == DATE for _line, role in card.roles))
        if dated == 0 or max(teaser_runs) > settings.CUT_CARD_MAX_TEASER_LINES:
            return False
    if len(cards) >= 3:
        return True
    sizes = [sum(len(line.text) for line, _role in card.roles) + len(card.anchor.rest) for card in cards]
    return all(size <= settings.CARD_MAX_CHARS for size in sizes) and all(
        any(role in {TITLE, TEASER} for _line, role in card.roles) or card.anchor.rest for card in cards)


def _release(lines: list[Line], layout: Layout, card: CardLines, sections: list[str | None],
             links: dict[int, str], source: str) -> Release | None:
    anchor = card.anchor
    by_role: dict[str, list[Line]] = {}
    for line, role in card.roles:
        by_role.setdefault(role, []).append(line)
    title = by_role[TITLE][0].text if TITLE in by_role else None
    dated = anchor if anchor.date else next(iter(by_role.get(DATE, [])), None)
    if dated is None:
        return None  # a card cut off before its date line (found by its kind label): not a release
    summary_lines = [line.text for line, role in card.roles if role in {STANDFIRST, TEASER, TEXT}]
    if anchor.anchor == "trail":
        title = title or anchor.date.before if anchor.date else title
    elif anchor.anchor in {"lead", "yearless"} and anchor.rest:
        if TITLE in layout.carried and is_title(anchor.rest) and title is None:
            title = anchor.rest
        else:
            summary_lines.insert(0, anchor.rest)
    elif anchor.anchor == "dateline":
        summary_lines.insert(0, anchor.text)  # the place in a dateline counts as the text's
    if title is None and anchor.anchor in {"lead", "yearless"} and len(summary_lines) == 1 and not by_role.get(TEASER):
        title = _first_sentence(summary_lines[0])  # title and teaser printed on the date line itself
    summary = "\n".join(summary_lines)
    if not title and not summary:
        return None
    # A printed kind wins; then a title that says it is a statement; then the section's heading.
    kind = anchor.kind or (by_role[KIND][0].kind if KIND in by_role else None)
    if kind is None:
        kind = unprinted_kind(title)
        first = min([anchor.index, *(line.index for line, _ in card.roles)])
        kind = sections[first] or kind if kind == "press_release" else kind
    url = next((links[index] for index in sorted({anchor.index, *(line.index for line, role in card.roles
                                                                   if role != CAPTION)}) if index in links), None)
    return Release(
        sources=(source,), kind=kind, title=title, summary=summary,
        captions=tuple(line.text for line in by_role.get(CAPTION, [])),
        date_text=dated.date.date_text if dated and dated.date else None,
        published=dated.date.published if dated and dated.date else None, url=url,
    )


def _has_sections(lines: list[Line], layout: Layout, owned: frozenset[int]) -> bool:
    """A kind heading between cards (`Events` after the press releases): the page has sections. One
    heading above the first card only is the page's title, not a kind."""
    first = min([layout.cards[0].anchor.index, *(line.index for line, _ in layout.cards[0].roles)])
    last = layout.cards[-1].anchor.index
    return any(line.kind and line.index not in owned for line in lines[first:last])


def _section_kinds(lines: list[Line], owned: frozenset[int]) -> list[str | None]:
    """For each line, the kind of the nearest heading above it that no card owns (`Press releases`, `Events`):
    one pass down the page, so a page of many cards costs no more per card than a short one."""
    kinds: list[str | None] = []
    current: str | None = None
    for line in lines:
        kinds.append(current)
        if line.kind and line.index not in owned:
            current = line.kind
    return kinds


def _first_sentence(text: str) -> str:
    match = re.match(r"(.{20,200}?[a-z0-9)”\"’'][.!?])\s+[A-Z“\"]", text)
    return (match.group(1) if match else text[:200]).strip()

def _unique_blocks(blocks: list[str]) -> list[str]:
    """Drop paragraphs repeated on the page, including a paragraph glued inside a later one."""
    seen: dict[str, None] = {}
    # Looking for glued copies costs (blocks x paragraphs): worth it on a page, not on a dump.
    look_inside = len(blocks) <= _GLUED_CHECK_MAX_BLOCKS
    for block in blocks:
        if look_inside:
            for earlier in seen:
                if len(earlier) >= settings.TEASER_MIN_CHARS and len(block) > len(earlier) and earlier in block:
                    block = block.replace(earlier, " ").strip()
        if block:
            seen.setdefault(block)
    return list(seen)


def _document(page: Page, blocks: list[str]) -> Release:
    lines = _unique_blocks(blocks)
    is_email = sum(1 for line in lines if _EMAIL_MARKERS.search(line)) >= 2
    head = [line for line in lines if not is_chrome(line)][:_HEAD_LINES]
    kind_at = next((n for n, line in enumerate(head) if kind_of(line)), None)
    kind_line = kind_of(head[kind_at]) if kind_at is not None else None
    headers = _email_headers(head) if is_email else {}
    found, date_at = _sent_date(headers) if is_email else _document_date(head)
    title = headers["subject"] if "subject" in headers else _document_title(head, kind_at)
    if is_email:
        kind = "email"
    elif kind_line:
        kind = kind_line
    elif found or any(_RELEASE_MARKERS.search(line) for line in lines[: _HEAD_LINES * 2]):
        kind = "press_release"
    else:
        kind = "page"
    # A date line that is no calendar date leaves `published` null; the record keeps its text and says why.
    unparsed = None if found or is_email else next((d for d in map(unparsed_date, head) if d), None)
    # The date line, like the title and the kind line, is the release's metadata, not its text; a dateline
    # that opens the first paragraph stays.
    date_at = date_at or (unparsed if unparsed in head else None)
    header_lines = {line for line in head if _EMAIL_HEADER.match(line)} if is_email else set()
    metadata = {title, date_at} | header_lines
    body = [line for line in lines if line not in metadata and not is_chrome(line) and not kind_of(line)]
    return Release(
        sources=(page.source,), kind=kind, title=title, summary="\n".join(body),
        date_text=found.date_text if found else unparsed, published=found.published if found else None,
        url=page.url, warnings=(f"unparseable date: {unparsed}",) if unparsed else (),
    )


def _email_headers(head: list[str]) -> dict[str, str]:
    """An email's header fields by lower-case name (`subject`, `sent`, `date`), each the first one given."""
    headers: dict[str, str] = {}
    for line in head:
        if (match := _EMAIL_HEADER.match(line)) is not None:
            headers.setdefault(match.group(1).lower(), match.group(2))
    return headers


def _sent_date(headers: dict[str, str]) -> tuple[DateLine | None, str | None]:
    """An email's date: the one its `Sent:` or `Date:` header gives, else none (its text has no date line)."""
    sent = headers.get("sent") or headers.get("date")
    return (date_line(sent), None) if sent else (None, None)


def _document_date(head: list[str]) -> tuple[DateLine | None, str | None]:
    """The first date in a document's head, and the line it came from when that line is a date alone."""
    for line in head:
        if (alone := date_line(line)) is not None:
            return alone, None if is_teaser(line) else line  # `June 3, 2015 – Rescuers said ...` is text too
        if (found := dateline(line) or issued_on(line)) is not None:
            return found, None
    return None, None


def _document_title(head: list[str], kind_at: int | None) -> str | None:
    """The title of a single document: the line after its kind line, else the first title-like line
    that a summary paragraph follows (date lines may stand between)."""
    if kind_at is not None:
        after = [line for line in head[kind_at + 1:] if date_line(line) is None]
        if after and is_title(after[0]) and not is_teaser(after[0]):
            return after[0]
    for n, line in enumerate(head):
        if not is_title(line) or is_teaser(line) or line.endswith(","):
            continue
        following = [x for x in head[n + 1:n + 4] if date_line(x) is None and kind_of(x) is None]
        if following and (is_teaser(following[0]) or dateline(following[0])):
            return line
    body_at = next((n for n, line in enumerate(head) if is_teaser(line)), len(head))
    titles = [line for line in head[:body_at] if is_title(line) and not line.endswith(",")]
    return titles[-1] if titles else None
