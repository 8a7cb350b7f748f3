"""Split stage: cut a Page into releases (cards on a listing page, else one whole document)."""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from .dates import DateLine, date_line, find_dates
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
)
_KIND_LINE = re.compile(
    r"^(?:[\w’'.&-]+\s+){0,4}(" + "|".join(re.escape(label) for label, _ in _KIND_LABELS) + r")"
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
    r"^(?:©|copyright\b)|we put a human face on",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?…\"”’)]$|\.\.\.$")
_EMAIL_MARKERS = re.compile(
    r"unsubscribe|don'?t reply to this email|view (this email )?in (your )?browser|"
    r"^in solidarity,?$|^sincerely,?$|^dear\b|^[A-Z][a-z]+ ?[:—–-] ",
    re.IGNORECASE,
)
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Za-z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z.' ]{1,20})?\s*)?[(\[]?\s*$"
)
_SUMMARY_MIN = 60
_TITLE_MAX = 220
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
    return _KIND_OF[match.group(1).lower()] if match else None


def split(page: Page) -> list[Release]:
    """Split a newsroom page into its releases: one per dated card, else one whole document."""
    blocks = list(page.blocks)
    anchors = _anchors(blocks)
    if len(anchors) >= 2:
        cards = _cards(page, blocks, anchors)
        if len(cards) >= 2:
            return cards
    return [_document(page, blocks)]


def _anchors(blocks: list[str]) -> list[_Anchor]:
    anchors = []
    for index, block in enumerate(blocks):
        found = date_line(block)
        if found is None:
            continue
        kind = kind_of(found.rest) if found.rest else None
        if found.rest and kind is None and not _has_separator(block, found):
            continue  # a paragraph that merely starts with a date, like a letter
        anchors.append(_Anchor(index, found, kind))
    return anchors


def _has_separator(block: str, found: DateLine) -> bool:
    after = block.split(found.date_text, 1)[-1][:4]
    return bool(re.match(r"\s*[-–—•·|:]", after))


def _is_chrome(line: str) -> bool:
    return bool(_CHROME.search(line))


def _is_summary(line: str) -> bool:
    return len(line) >= 150 or (len(line) >= _SUMMARY_MIN and bool(_SENTENCE_END.search(line)))


def _is_title(line: str) -> bool:
    return (
        3 <= len(line) <= _TITLE_MAX and not _is_chrome(line) and kind_of(line) is None
        and date_line(line) is None and not (len(line) > 100 and line.endswith("."))
    )


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
    for n, anchor in enumerate(anchors):
        if dates_last:
            start = bounds[n - 1] + 1 if n else 0
            segment = list(range(start, anchor.index))
            card = _card_dates_last(page, blocks, segment, anchor, first=n == 0)
        else:
            end = bounds[n + 1] if n + 1 < len(bounds) else len(blocks)
            segment = list(range(anchor.index + 1, end))
            if n + 1 < len(bounds) and segment and kind_of(blocks[segment[-1]]):
                segment.pop()  # the kind line above the next date belongs to the next card
            card = _card_dates_first(page, blocks, segment, anchor)
        if card is None:
            continue
        url = next((link_at[i] for i in card[1] if i in link_at), None)
        cards.append(_with_url(card[0], url))
    return cards


def _with_url(release: Release, url: str | None) -> Release:
    if url is None:
        return release
    from dataclasses import replace

    return replace(release, url=url)


def _kind_before(blocks: list[str], anchor: _Anchor) -> str | None:
    if anchor.kind:
        return anchor.kind
    if anchor.index and kind_of(blocks[anchor.index - 1]):
        return kind_of(blocks[anchor.index - 1])
    return None


def _card_dates_first(page: Page, blocks: list[str], segment: list[int], anchor: _Anchor):
    kind = _kind_before(blocks, anchor)
    lines = [(i, blocks[i]) for i in segment if not _is_chrome(blocks[i])]
    if anchor.line.rest and not anchor.kind:
        lines.insert(0, (anchor.index, anchor.line.rest))
    if lines and kind_of(lines[0][1]):
        kind = kind or kind_of(lines[0][1])
        lines = lines[1:]
    if not lines:
        return None
    title = None
    if len(lines) >= 2 and _is_title(lines[0][1]) and not _is_summary(lines[0][1]):
        title = lines[0][1]
        lines = lines[1:]
    summary_lines: list[tuple[int, str]] = []
    for index, line in lines:
        if summary_lines and not _is_summary(line) and len(line) < _SUMMARY_MIN:
            break  # a short heading after the teaser: the next (undated) card or page chrome
        summary_lines.append((index, line))
    summary = " ".join(line for _, line in summary_lines)
    if not title and not summary:
        return None
    used = [anchor.index] + [i for i, _ in summary_lines] + ([segment[0]] if segment else [])
    return Release(
        sources=(page.source,), kind=kind or "press_release", title=title, summary=summary,
        date_text=anchor.line.date_text, published=anchor.line.published,
    ), used


def _card_dates_last(page: Page, blocks: list[str], segment: list[int], anchor: _Anchor, first: bool):
    lines = [(i, blocks[i]) for i in segment if not _is_chrome(blocks[i])]
    if anchor.line.rest and not anchor.kind:
        lines.append((anchor.index, anchor.line.rest))
    kind_at = next((n for n, (_, line) in enumerate(lines) if kind_of(line)), None)
    kind = anchor.kind
    if kind_at is not None:
        kind = kind or kind_of(lines[kind_at][1])
        captions, body = lines[:kind_at], lines[kind_at + 1:]
    else:
        # No kind line: the card is the trailing title + summary run; what is above is captions.
        run = len(lines)
        while run > 0 and _is_summary(lines[run - 1][1]):
            run -= 1
        if run > 0 and _is_title(lines[run - 1][1]):
            run -= 1
        captions, body = lines[:run], lines[run:]
    if first:
        captions = []  # above the first card sits page chrome, not a caption
    if not body:
        return None
    title = None
    if len(body) >= 2 and _is_title(body[0][1]) or (len(body) == 1 and _is_title(body[0][1]) and not _is_summary(body[0][1])):
        title, body = body[0][1], body[1:]
    summary = " ".join(line for _, line in body)
    used = [i for i, _ in lines] + [anchor.index]
    return Release(
        sources=(page.source,), kind=kind or "press_release", title=title, summary=summary,
        captions=tuple(line for _, line in captions), date_text=anchor.line.date_text,
        published=anchor.line.published,
    ), used


def _unique_blocks(blocks: list[str]) -> list[str]:
    """Drop paragraphs repeated on the page, including a paragraph glued inside a later one."""
    seen: list[str] = []
    for block in blocks:
        for earlier in seen:
            if len(earlier) >= _SUMMARY_MIN and earlier in block and earlier != block:
                block = block.replace(earlier, " ").strip()
        if block and block not in seen:
            seen.append(block)
    return seen


def _document(page: Page, blocks: list[str]) -> Release:
    lines = _unique_blocks(blocks)
    is_email = sum(1 for line in lines if _EMAIL_MARKERS.search(line)) >= 2
    head = lines[:_HEAD_LINES]
    kind_line = next((kind_of(line) for line in head if kind_of(line)), None)
    published, date_text = None, None
    for line in head:
        found = date_line(line)
        if found:
            published, date_text = found.published, found.date_text
            break
    if published is None and not is_email:
        published, date_text = _dateline_date(head)
    title = next((line for line in head if _is_title(line) and not _is_summary(line)), None)
    if is_email:
        kind = "email"
    elif kind_line or published:
        kind = kind_line or "press_release"
    else:
        kind = "page"
    body = [line for line in lines if line != title and not _is_chrome(line) and not kind_of(line)]
    return Release(
        sources=(page.source,), kind=kind, title=title, summary="\n".join(body),
        date_text=date_text, published=published, url=page.url,
    )


def _dateline_date(head: list[str]):
    """A date in a release's dateline (`NEW YORK (May 3, 2021) –`), never one deep in the text."""
    for line in head:
        for published, start, _end in find_dates(line[:120]):
            if _DATELINE.match(line[:start]):
                return published, line[start:_end]
    return None, None
