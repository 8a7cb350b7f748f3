"""Split stage: cut a Page into releases (cards on a listing page, else one whole document)."""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace

from .dates import DateLine, date_line, dateline, issued_on, unparsed_date, yearless_line
from .records import Page, Release

LOGGER = logging.getLogger(__name__)

# Kind labels as newsrooms print them, longest first so "press statement" beats "statement".
_KIND_LABELS = (
    ("sheet of paper report", "report"),
    ("press statement", "statement"),
    ("joint statement", "statement"),
    ("press release", "press_release"),
    ("press releases", "press_release"),
    ("news release", "press_release"),
    ("media release", "press_release"),
    ("media advisory", "press_release"),
    ("readout", "press_release"),
    ("statement", "statement"),
    ("report", "report"),
    ("update", "update"),
    ("blog post", "blog"),
    ("blog", "blog"),
    ("news release", "press_release"),
    ("news", "press_release"),  # "March 3, 2021 | News": a newsroom's generic label for its releases
)
_KIND_LINE = re.compile(
    r"^(?:[\w’'.&-]+\s+){0,4}(" + "|".join(re.escape(label) for label, _ in _KIND_LABELS) + r")s?"
    r"(?:\s+[\d/.-]+)?\s*:?$",
    re.IGNORECASE,
)
_KIND_OF = dict(_KIND_LABELS)
# Lines that are page furniture on any newsroom, never part of a release.
_CHROME = re.compile(
    r"\[email\s*protected\]|@[\w-]+\.\w|\bmember of the press\b|^(?:media |press )?contacts?\b|"
    r"^(?:issue areas?|court case|tags?|topics?|categories|related|available in|share( this)?|"
    r"read more|learn more|more\b.*\bnews\b|follow us|subscribe|sign up|search results?|main menu|"
    r"skip to|back to top|print|email this|facebook|twitter)\b|^(?:\W|\d)*$|^page \d+( of \d+)?$|"
    r"^(?:©|copyright\b)|we put a human face on|^last (?:edited|updated|modified)\b|"
    r"^(?:category|categories|filed under|posted in|section|video|photo|search form|newswire)\s*:?\s*(?:\S+\s*){0,3}$|"
    r"^a project of\b|^for immediate release\b|^- ?more ?-$|^#+$|^exhibit \d|"
    r"\d{3}[.) -]\d{3}[.-]\d{4}|^(?:tel|phone|fax|mobile)\b",
    re.IGNORECASE,
)
_PUBLISHER = re.compile(
    r"^(?i:(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?,?\s*)?(?:by\s+)?|about\s+(?:the\s+)?)"
    r"(?P<org>[A-Z][\w&’'-]*(?:\.(?=\S))?(?:\s+(?:of|for|the|and|&|[A-Z][\w&’'-]*\.?)){0,6}?)"
    r"\s*(?:[.,|]\s|[.,|]?$|(?i:all rights reserved))",
)
_STATEMENT_TITLE = re.compile(
    r"^(?:joint\s+)?statement(?:\s*:|\s+(?:by|from|on|attributable|regarding|in\s+response|following)\b)", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…\"”’)]$|\.\.\.$")
_EMAIL_MARKERS = re.compile(
    r"unsubscribe|don'?t reply to this email|view (this email )?in (your )?browser|"
    r"^in solidarity,?$|^sincerely,?$|^dear\b|^[A-Z][a-z]+ ?[:—–-] ",
    re.IGNORECASE,
)
# What a single release has and a homepage or topic page does not.
_RELEASE_MARKERS = re.compile(
    r"for immediate release|notes? to editors|^(?:media |press )?contacts?:|^###|"
    r"^\(?[A-Z][A-Za-z.,/ ]{1,40}\)? ?[–—]|\b(?:said|says|stated|added)[:,]? [“\"]|"
    r"[”\"],? (?:said|says)\b|issued the following statement|commenting on\b|responds? to\b",
    re.IGNORECASE,
)
_SUMMARY_MIN = 60
_TITLE_MAX = 300  # some UN and UNICEF headlines run past 250 characters
_GLUED_CHECK_MAX_BLOCKS = 400
_HEAD_LINES = 12  # a single release states its date near the top; deeper dates are in the text


@dataclass(frozen=True, slots=True)
class _Anchor:
    index: int
    line: DateLine
    kind: str | None  # a kind label fused into the date line


def kind_of(line: str) -> str | None:
    """The canonical kind of a kind line (`Press Release`, `Sheet of paper Report`), else None."""
    if len(line) > 60:
        return None
    match = _KIND_LINE.match(line.strip(" •·|-–—"))
    return _KIND_OF[match.group(1).lower()] if match else None  # "Statements" is the kind "statement"


def split(page: Page) -> list[Release]:
    """Split a newsroom page into its releases: one per dated card, else one whole document."""
    publisher = _publisher(page.blocks)
    return [replace(r, seen_at=page.fetched_at, organization=publisher) for r in _split(page)]


def _publisher(blocks: tuple[str, ...]) -> str | None:
    """The organisation a page says it belongs to: `© 2020 Amnesty International USA`, `About the ACLU`."""
    for block in reversed(blocks):
        match = _PUBLISHER.match(block)
        if match:
            return match.group("org").strip(" .,")
    return None


def _split(page: Page) -> list[Release]:
    blocks = list(page.blocks)
    anchors = _anchors(blocks)
    if len(anchors) < 2:
        # Cards dated without a year (`5-31 | ...`): still cards, with no publication date.
        yearless = [_Anchor(i, found, None) for i, found in ((i, yearless_line(b)) for i, b in enumerate(blocks)) if found]
        anchors = yearless if len(yearless) >= 2 else anchors
    if len(anchors) >= 2:
        cards = _cards(page, blocks, anchors)
        if len(cards) >= 2:
            return cards
    elif len(anchors) == 1 and _cut_off_listing(blocks, anchors[0]):
        cards = _cards(page, blocks, anchors)
        if len(cards) == 1:
            return cards
    return [_document(page, blocks)]


def _cut_off_listing(blocks: list[str], anchor: _Anchor) -> bool:
    """A listing cut off after its first dated card: the card's kind line, title and teaser above the
    date, and below it (after at most two caption lines) only the next card's kind line, title and
    teaser, with no date. One card, not the page as one document (whose summary would run the next
    card's teaser into this one). A release page with its body between a kind line and a related-content
    line, or a date at the top or the bottom of the body, stays a document."""
    kinds = [i for i, b in enumerate(blocks) if kind_of(b)]
    above = [i for i in kinds if i < anchor.index]
    below = [i for i in kinds if i > anchor.index]
    # kind, title, teaser, date | at most two caption lines | kind, title, teaser, end of page
    return bool(above and below) and 3 <= anchor.index - above[-1] <= 4 and below[0] - anchor.index <= 3 \
        and len(blocks) - below[-1] <= 4 and below[0] == below[-1]


def _anchors(blocks: list[str]) -> list[_Anchor]:
    anchors = []
    for index, block in enumerate(blocks):
        found = date_line(block) or dateline(block)
        if found is None:
            continue
        kind = kind_of(found.rest) if found.rest else None
        if found.rest and kind is None and not _has_separator(block, found):
            continue  # a paragraph that merely starts with a date, like a letter
        previous = anchors[-1] if anchors else None
        if previous and previous.line.published == found.published and index - previous.index <= 3 \
                and not previous.line.rest and date_line(block) is None:
            continue  # the dateline repeats the date line just above it: one release, not two cards
        anchors.append(_Anchor(index, found, kind))
    return anchors


def _has_separator(block: str, found: DateLine) -> bool:
    after = block.split(found.date_text, 1)[-1][:4].lstrip(")]")
    return bool(re.match(r"\s*[-–—•·|:]", after))


def _is_chrome(line: str) -> bool:
    return bool(_CHROME.search(line))


def _is_summary(line: str) -> bool:
    return len(line) >= 150 or (len(line) >= _SUMMARY_MIN and bool(_SENTENCE_END.search(line)))


def _is_title(line: str) -> bool:
    return (
        3 <= len(line) <= _TITLE_MAX and not _is_chrome(line) and kind_of(line) is None
        and date_line(line) is None and not (len(line) > 100 and line.endswith(".")) and not line.endswith(":")
    )


def _is_headline(line: str) -> bool:
    """A title, or a long one with no closing punctuation ("... after second confirmed fatality from
    most recent Ebola virus outbreak"): not a teaser sentence, whatever its length."""
    return _is_title(line) and (not _is_summary(line) or not _SENTENCE_END.search(line))


def _dates_last(blocks: list[str], anchors: list[_Anchor]) -> bool:
    """True when each card ends with its date line (the seeds' layout), False when it starts with it."""
    first, last = anchors[0].index, anchors[-1].index
    if any(a.kind for a in anchors) or any(a.index and kind_of(blocks[a.index - 1]) for a in anchors[:2]):
        return False  # "date • kind" or a kind line right above the date: the card starts there
    head = [b for b in blocks[max(0, first - 2):first] if not _is_chrome(b)]
    tail = [b for b in blocks[last + 1:last + 4] if not _is_chrome(b)]
    inline = sum(1 for a in anchors if len(a.line.rest) >= _SUMMARY_MIN)
    head_card = any(_is_summary(b) for b in head) or (inline > len(anchors) / 2 and bool(head) and _is_title(head[-1]))
    tail_card = any(_is_summary(b) for b in tail)
    if head_card != tail_card:
        return head_card
    return head_card and first > 0


def _cards(page: Page, blocks: list[str], anchors: list[_Anchor]) -> list[Release]:
    dates_last = _dates_last(blocks, anchors)
    link_at = dict(page.links)
    cards: list[Release] = []
    bounds = [a.index for a in anchors]
    # Dates first: lines after a card's teaser (a title, a "Last edited" line, a standfirst) can be the
    # head of the next card, printed above its date line.
    head = [(i, blocks[i]) for i in range(bounds[0]) if not _is_chrome(blocks[i])]
    titles_above = 0 if dates_last else _titles_above_dates(page, blocks, anchors)
    pre_lines = head[-titles_above:] if titles_above else []  # above that: page headings, not the card
    heading = None if dates_last else _page_heading(blocks, anchors)
    for n, anchor in enumerate(anchors):
        if dates_last:
            start = bounds[n - 1] + 1 if n else 0
            made = _card_dates_last(page, blocks, list(range(start, anchor.index)), anchor, first=n == 0)
        else:
            end = bounds[n + 1] if n + 1 < len(bounds) else len(blocks)
            segment = list(range(anchor.index + 1, end))
            if n + 1 < len(bounds) and segment and kind_of(blocks[segment[-1]]):
                segment.pop()  # the kind line above the next date belongs to the next card
            made, pre_lines = _card_dates_first(page, blocks, segment, anchor, pre_lines if titles_above else [],
                                                heading)
        if made is None:
            continue
        release, used = made
        url = next((link_at[i] for i in used if i in link_at), None)
        cards.append(replace(release, url=url) if url else release)
    return cards


def _page_heading(blocks: list[str], anchors: list[_Anchor]) -> int | None:
    """`Press releases` above the first of several date lines and no kind line above any other: the
    page's heading, not the first card's kind."""
    above = [a.index > 0 and kind_of(blocks[a.index - 1]) is not None for a in anchors]
    if len(anchors) < 3 or not above[0] or any(above[1:]):
        return None
    line = blocks[anchors[0].index - 1].strip().lower()
    return anchors[0].index - 1 if line.endswith("s") or "news" in line else None


def _segments_first(blocks: list[str], anchors: list[_Anchor]) -> list[list[int]]:
    bounds = [a.index for a in anchors] + [len(blocks)]
    return [list(range(bounds[n] + 1, bounds[n + 1])) for n in range(len(anchors))]


def _titles_above_dates(page: Page, blocks: list[str], anchors: list[_Anchor]) -> int:
    """How many lines each card prints above its date line (its title, a standfirst), or 0 when the
    cards of this page put their titles below their dates."""
    segments = _segments_first(blocks, anchors)[:-1]
    tails = []
    for anchor, segment in zip(anchors, segments):
        _made, tail = _card_dates_first(page, blocks, segment, anchor, [])
        if any(_is_title(t) for _, t in tail):
            tails.append(len(tail))
    if len(tails) < max(1, len(segments) / 2):
        return 0
    return sorted(tails)[len(tails) // 2]


def _kind_before(blocks: list[str], anchor: _Anchor, heading: int | None = None) -> str | None:
    if anchor.kind:
        return anchor.kind
    if anchor.index and anchor.index - 1 != heading and kind_of(blocks[anchor.index - 1]):
        return kind_of(blocks[anchor.index - 1])
    return None


def _card_dates_first(page: Page, blocks: list[str], segment: list[int], anchor: _Anchor,
                      pre_lines: list[tuple[int, str]], heading: int | None = None):
    kind = _kind_before(blocks, anchor, heading) or next((kind_of(t) for _, t in pre_lines if kind_of(t)), None)
    lines = [(i, blocks[i]) for i in segment if not _is_chrome(blocks[i])]
    inline = bool(anchor.line.rest and not anchor.kind)
    if inline:
        lines.insert(0, (anchor.index, anchor.line.rest))
    if lines and kind_of(lines[0][1]):
        kind = kind or kind_of(lines[0][1])
        lines = lines[1:]
    title = None
    if len(lines) >= 2 and _is_title(lines[0][1]) and not _is_summary(lines[0][1]):
        title = lines[0][1]
        lines = lines[1:]
    summary_lines: list[tuple[int, str]] = []
    rest = 0
    for rest, (index, line) in enumerate(lines):
        if summary_lines and not _is_summary(line):
            break  # a short heading after the teaser: the next card's head, an undated card, or chrome
        summary_lines.append((index, line))
    else:
        rest = len(lines)
    next_pre = lines[rest:]
    heads = [(i, t) for i, t in pre_lines if _is_title(t)]
    if title is None and heads:
        title = heads[0][1]
        # A standfirst or a byline ("Heather Nauert", "Department Spokesperson") printed under the title.
        byline = [(i, t) for i, t in pre_lines if i > heads[0][0] and kind_of(t) is None and not _is_chrome(t)]
        summary_lines = byline + summary_lines
    elif title is None and inline and len(summary_lines) == 1:
        # Title and teaser printed on the date line itself: the first sentence stands for the title.
        title = _first_sentence(summary_lines[0][1])
    summary = "\n".join(line for _, line in summary_lines)
    if not title and not summary:
        return None, next_pre
    used = [anchor.index] + [i for i, _ in summary_lines] + [i for i, _ in heads[:1]] + segment[:1]
    return (Release(
        sources=(page.source,), kind=kind or _unprinted_kind(title), title=title, summary=summary,
        date_text=anchor.line.date_text, published=anchor.line.published,
    ), used), next_pre


def _unprinted_kind(title: str | None) -> str:
    """The kind of a card that prints no kind line: a statement when its title says so
    ("Statement attributable to the Spokesperson ...", "Joint statement on ..."), else a press release."""
    return "statement" if title and _STATEMENT_TITLE.match(title) else "press_release"


def _first_sentence(text: str) -> str:
    match = re.match(r"(.{20,200}?[a-z0-9)”\"’'][.!?])\s+[A-Z“\"]", text)
    return (match.group(1) if match else text[:200]).strip()


def _card_dates_last(page: Page, blocks: list[str], segment: list[int], anchor: _Anchor, first: bool):
    lines = [(i, blocks[i]) for i in segment if not _is_chrome(blocks[i])]
    inline = bool(anchor.line.rest and not anchor.kind)
    # The kind line closest to the title: a heading above it ("News") is the page's, not the card's.
    kind_at = next((n for n in range(len(lines) - 1, -1, -1) if kind_of(lines[n][1])), None)
    kind = anchor.kind
    if kind_at is not None:
        kind = kind or kind_of(lines[kind_at][1])
        captions, body = lines[:kind_at], lines[kind_at + 1:]
    else:
        captions, body = [], lines
    if inline:
        # `Title` then `NEW YORK (date) – teaser`: the title is the line right above the date line.
        title = body[-1][1] if body and _is_headline(body[-1][1]) else None
        captions = captions + (body[:-1] if title else body)
        body = [(anchor.index, anchor.line.rest)]
    elif kind_at is None:
        # No kind line: the card is the trailing title + summary run; what is above is captions.
        run = len(body)
        while run > 0 and _is_summary(body[run - 1][1]):
            run -= 1
        if run > 0 and _is_title(body[run - 1][1]):
            run -= 1
        captions, body = body[:run], body[run:]
        title = None
    else:
        title = None
    if first:
        captions = []  # above the first card sits page chrome, not a caption
    if title is None and body and _is_title(body[0][1]) and (len(body) >= 2 or not _is_summary(body[0][1])):
        title, body = body[0][1], body[1:]
    summary = "\n".join(line for _, line in body)
    if not title and not summary:
        return None
    used = [i for i, _ in lines] + [anchor.index]
    return Release(
        sources=(page.source,), kind=kind or _unprinted_kind(title), title=title, summary=summary,
        captions=tuple(line for _, line in captions), date_text=anchor.line.date_text,
        published=anchor.line.published,
    ), used


def _unique_blocks(blocks: list[str]) -> list[str]:
    """Drop paragraphs repeated on the page, including a paragraph glued inside a later one."""
    seen: dict[str, None] = {}
    # Looking for glued copies costs (blocks x paragraphs): worth it on a page, not on a dump.
    look_inside = len(blocks) <= _GLUED_CHECK_MAX_BLOCKS
    for block in blocks:
        if look_inside:
            for earlier in seen:
                if len(earlier) >= _SUMMARY_MIN and len(block) > len(earlier) and earlier in block:
                    block = block.replace(earlier, " ").strip()
        if block:
            seen.setdefault(block)
    return list(seen)


def _document(page: Page, blocks: list[str]) -> Release:
    lines = _unique_blocks(blocks)
    is_email = sum(1 for line in lines if _EMAIL_MARKERS.search(line)) >= 2
    head = [line for line in lines if not _is_chrome(line)][:_HEAD_LINES]
    kind_at = next((n for n, line in enumerate(head) if kind_of(line)), None)
    kind_line = kind_of(head[kind_at]) if kind_at is not None else None
    found = None
    if not is_email:
        found = next((d for d in (date_line(x) or dateline(x) or issued_on(x) for x in head) if d), None)
    title = _document_title(head, kind_at)
    if is_email:
        kind = "email"
    elif kind_line:
        kind = kind_line
    elif found or any(_RELEASE_MARKERS.search(line) for line in lines[: _HEAD_LINES * 2]):
        kind = "press_release"
    else:
        kind = "page"
    body = [line for line in lines if line != title and not _is_chrome(line) and not kind_of(line)]
    # A date line that is no calendar date leaves `published` null; the record says why.
    unparsed = None if found or is_email else next((d for d in map(unparsed_date, head) if d), None)
    return Release(
        sources=(page.source,), kind=kind, title=title, summary="\n".join(body),
        date_text=found.date_text if found else None, published=found.published if found else None,
        url=page.url, warnings=(f"unparseable date: {unparsed}",) if unparsed else (),
    )


def _document_title(head: list[str], kind_at: int | None) -> str | None:
    """The title of a single document: the line after its kind line, else the first title-like line
    that a summary paragraph follows (date lines may stand between)."""
    if kind_at is not None:
        after = [line for line in head[kind_at + 1:] if date_line(line) is None]
        if after and _is_title(after[0]) and not _is_summary(after[0]):
            return after[0]
    for n, line in enumerate(head):
        if not _is_title(line) or _is_summary(line) or line.endswith(","):
            continue
        following = [x for x in head[n + 1:n + 4] if date_line(x) is None and kind_of(x) is None]
        if following and (_is_summary(following[0]) or dateline(following[0])):
            return line
    body_at = next((n for n, line in enumerate(head) if _is_summary(line)), len(head))
    titles = [line for line in head[:body_at] if _is_title(line) and not line.endswith(",")]
    return titles[-1] if titles else None
