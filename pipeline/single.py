"""Single release pages in HTML: whether a page is one release, and its headline and publication date.

The headline is the printed `<h1>` that agrees with the declared title, else the declared title without
the site's name; the date is a date line printed near the headline, else a `Posted on` line, else the
text's opening dateline, else the date the metadata declares (never a modified date: the reader keeps
none). What a page prints outranks what its markup declares, and what it repeats outranks both: a page
declared an article whose own text is small beside the items it repeats is a listing.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
from collections import Counter
from dataclasses import dataclass

from . import settings
from .dates import Order, date_line, dateline, trailing_date
from .lines import is_bare_kind, is_chrome, kind_of, kind_suffix
from .records import Card, Page

__all__ = ["SingleFields", "is_article", "single_fields"]

_WORD = re.compile(r"\w+")
_TITLE_SEPARATORS = re.compile(r"\s+(?:[|–—:•·»]|-{1,2}|::)\s+")
_POSTED = re.compile(r"^(?:posted|published|released|issued|dated?)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True, kw_only=True)
class SingleFields:
    """A single release's headline and date, and where the date was read."""

    title: str | None
    published: dt.date | None
    date_text: str | None  # the line (or declared value) the date was read from
    date_from: str | None  # `printed`, `dateline` or `metadata`


def is_article(page: Page, cards: tuple[Card, ...]) -> bool:
    """True when the page is one release whose lists are related links: it has running text of its own beyond
    what its listed items print, and says it is an article or prints a headline of its own. What the markup
    repeats outranks what it declares: a declared article whose own text is small beside its items is a listing."""
    listed_words = Counter(word for c in cards for line in (c.title or "", c.summary) for word in _WORD.findall(line))
    own_words = Counter(word for line in page.body if len(line) >= settings.TEASER_MIN_CHARS
                        for word in _WORD.findall(line))
    own_words.subtract(listed_words)  # a body that is the list itself (a table read as rows) has no text of its own
    own = sum((len(word) + 1) * n for word, n in own_words.items() if n > 0)
    listed = sum((len(word) + 1) * n for word, n in listed_words.items())
    declared = page.meta.title if page.meta else None
    if own >= settings.ARTICLE_MIN_CHARS and page.meta is not None and page.meta.article and 2 * own >= listed:
        return True
    _at, headline = _headline(declared, page.blocks, page.headlines)
    titles = {c.title for c in cards}
    has_headline = headline is not None and headline not in titles and not is_bare_kind(headline) \
        and len(headline.split()) >= settings.HEADLINE_MIN_WORDS
    return own >= settings.ARTICLE_MIN_CHARS / 2 and (own >= 2 * listed or (has_headline and own >= listed))


def single_fields(page: Page, order: Order | None) -> SingleFields:
    """Headline and publication date of a single release page: as printed, else as declared."""
    declared = page.meta.title if page.meta else None
    blocks = page.blocks
    at, title = _headline(declared, blocks, page.headlines)
    published, date_text, date_from = _printed_date(blocks, at, order)
    if published is None:
        published, date_text, date_from = _dateline_date(page.body or blocks[at + 1 if at is not None else 0:], order)
    if published is None and page.meta is not None and page.meta.published is not None:
        published, date_text, date_from = page.meta.published, page.meta.published.isoformat(), "metadata"
    return SingleFields(title=title, published=published, date_text=date_text, date_from=date_from)


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
