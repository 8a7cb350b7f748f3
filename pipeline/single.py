"""Single release pages in HTML: whether a page is one release, and its headline and publication date.

The headline is the printed `<h1>` that agrees with the declared title, else the declared title without
the site's name; the date is a date line printed near the headline, else a `Posted on` line, else the
text's opening dateline, else the date the metadata declares (never a modified date: the reader keeps
none). What a page prints outranks what its markup declares, and what it repeats outranks both: a page
declared an article whose own text is small beside the items it repeats is a listing.
"""
from __future__ import annotations

import copy
import datetime as dt
import difflib
import logging
import re
from collections import Counter
from dataclasses import dataclass

from . import settings
from .card_dates import other_language_date
from .dates import DATE_PATTERN, Order, date_line, dateline, parse_date, trailing_date
from .lines import is_bare_kind, is_chrome, is_page_name, is_teaser, is_title, kind_of, kind_suffix
from .markup import is_chrome_element
from .records import Card, Page

__all__ = ["SingleFields", "is_article", "single_fields"]

LOGGER = logging.getLogger(__name__)

_WORD = re.compile(r"\w+")
_BRACKETED_DATE = re.compile(rf"^\s*[\[(]\s*(?P<date>{DATE_PATTERN})\s*[\])]")
_TITLE_SEPARATORS = re.compile(r"\s+(?:[|–—:•·»]|-{1,2}|::)\s+")
_POSTED = re.compile(r"^(?:posted|published|released|issued|dated?)\b", re.IGNORECASE)
_ANY_DATE = re.compile(DATE_PATTERN)


@dataclass(frozen=True, slots=True, kw_only=True)
class SingleFields:
    """A single release's headline and date, and where the date was read."""

    title: str | None
    published: dt.date | None
    date_text: str | None  # the line (or declared value) the date was read from
    date_from: str | None  # `printed`, `dateline`, `metadata`, or `text` (htmldate's wider search)


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
    site = page.meta.site_name if page.meta else None
    if declared and site and _agrees(declared, site):
        declared = None  # the metadata took the site's logo <h1> for the page's title: it declares no headline
    blocks = page.blocks
    at, title = _headline(declared, blocks, page.headlines)
    if title is None or _is_page_name(title, page):
        at, title = _opening_headline(page, at, title)
    published, date_text, date_from = _printed_date(blocks, at, order)
    if published is None:
        published, date_text, date_from = _dateline_date(page.body or blocks[at + 1 if at is not None else 0:], order)
    if published is None and page.meta is not None and page.meta.published is not None:
        published, date_text, date_from = page.meta.published, page.meta.published.isoformat(), "metadata"
    if published is None:
        published, date_text, date_from = _text_date(page)
    return SingleFields(title=title, published=published, date_text=date_text, date_from=date_from)


def _headline(declared: str | None, blocks: tuple[str, ...], headlines: tuple[int, ...],
              ) -> tuple[int | None, str | None]:
    """The printed headline (an <h1> that agrees with the declared title), else the declared title
    without its site name."""
    candidates = [(i, blocks[i]) for i in headlines if not is_chrome(blocks[i]) and len(blocks[i]) >= 3]
    if declared:
        short = _without_site_name(declared)
        # The declared title's other parts name the site (`Headline – Site`): an <h1> that agrees with one of them
        # but not with the headline is the site's logo, not the release's headline.
        site = [part.strip() for part in _TITLE_SEPARATORS.split(declared) if part.strip() and part.strip() != short]
        for i, text in candidates:
            if _agrees(text, short) or (_agrees(text, declared) and not any(_agrees(text, part) for part in site)):
                return i, text
        for i, text in enumerate(blocks):  # a headline printed without <h1>
            if _agrees(text, short) and len(text) <= settings.TITLE_MAX_CHARS:
                return i, text
        return None, short
    if candidates:
        return candidates[0]
    return None, None


def _is_page_name(title: str, page: Page) -> bool:
    """A headline that names the page or the site (`Press Room`, `News`, the publisher), not the release."""
    publisher = page.meta.publisher if page.meta else None
    site = page.meta.site_name if page.meta else None
    return is_bare_kind(title) or is_page_name(title) or any(
        name is not None and difflib.SequenceMatcher(None, title.lower(), name.lower()).ratio() >= 0.85
        for name in (publisher, site))


def _opening_headline(page: Page, at: int | None, title: str | None) -> tuple[int | None, str | None]:
    """A page named like its section (`Press Room`) prints the release's headline at the top of its main
    text: the first headline-like line there, after its kind and date lines."""
    for line in page.body[:settings.BODY_HEADLINE_MAX_LINES]:
        if is_teaser(line):
            break
        if is_title(line) and not _is_page_name(line, page) and _date_of_line(line, None) is None:
            return (page.blocks.index(line) if line in page.blocks else at), line
    return at, title


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
    other = other_language_date(line, order)  # `Publié le jeudi 4 mars 2021`, `2021年3月4日`
    return other.published if other is not None else None


def _dateline_date(lines: tuple[str, ...], order: Order | None) -> tuple[dt.date | None, str | None, str | None]:
    """The date the text opens with: a dateline (`GENEVA, 3 May 2021 –`) or a bracketed date (`[July 12, 2022]`)."""
    for line in lines[:settings.HEADLINE_DATE_WINDOW]:
        found = dateline(line, order)
        if found is not None:
            return found.published, found.date_text, "dateline"
        bracketed = _BRACKETED_DATE.match(line)
        if bracketed is not None:
            published = parse_date(bracketed.group("date"), None, order)
            if published is not None:
                return published, bracketed.group("date"), "dateline"
    return None, None, None


def _text_date(page: Page) -> tuple[dt.date | None, str | None, str | None]:
    """The date htmldate's wider search finds in the page's own text, outside its navigation, asides, header
    and footer (where modified and copyright dates are printed), and never after the page was fetched."""
    from htmldate import find_date

    if page.tree is None:
        return None, None, None
    tree = copy.deepcopy(page.tree)
    furniture = [e for e in tree.iter() if isinstance(e.tag, str) and e.tag not in {"html", "body"}
                 and (e.tag in {"nav", "aside", "header", "footer"} or is_chrome_element(e))]
    for element in furniture:  # related lists, share bars, the site's header and footer
        if element.getparent() is not None:
            element.drop_tree()
    try:
        found = find_date(tree, extensive_search=True, original_date=True, outputformat="%Y-%m-%d",
                          max_date=(page.fetched_at or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%d"))
    except Exception:  # the library failing on one odd page costs this guess only
        LOGGER.debug("htmldate failed on %r", page.source, exc_info=True)
        return None, None, None
    published = parse_date(found) if found else None
    if published is not None and published.day == 1 and not _prints_day(page, published):
        return None, None, None  # htmldate fills a year or a month it found alone with day 1: no printed day
    return (published, found, "text") if published is not None else (None, None, None)


def _prints_day(page: Page, day: dt.date) -> bool:
    """Whether the page's text prints this day as a full date, in any order or language the finders read."""
    for line in page.blocks:
        for match in _ANY_DATE.finditer(line):
            if day in {parse_date(match.group(0), None, order) for order in ("DMY", "MDY")}:
                return True
        other = other_language_date(line) if len(line) <= settings.DATE_BLOCK_MAX_CHARS else None
        if other is not None and other.published == day:
            return True
    return False
