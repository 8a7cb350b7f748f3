"""The date an item of an HTML listing prints, found by the one date finder (`dates.py`) in each of
the places an item puts it.

In order: a machine-readable attribute (`<time datetime>`); a line that is a date (with a label or a
kind: `Posted on 3 May 2021 | News`); the first of two dates on a line of labels whose second is an
edit (`First published 8 April 2015 · Last updated 28 April 2015`); a date beside the title (`Title |
6/14/2021`, or glued before it: `2 August 2019. Title`); a teaser's dateline; a date inside a short
sentence (`Filed under News on March 4, 2021`); a date printed in pieces (`Mar` / `9` / `2015`).
Failing those, a partial date: a month and a year (`August 2002`) or a day and a month (`12 Oct`)
counts for finding the page's structure, but is no publication date (`published` stays None) unless a
heading gives the year. A date in another language's month words or in a CJK calendar's characters
(`4. März 2021`, `4 de marzo de 2021`, `2021年3月4日`) is read wherever a date alone is (pipeline/date_words.toml).
"""
from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import settings
from .dates import (
    DATE_PATTERN,
    MONTH_NAMES,
    MONTH_WORDS,
    DateLine,
    Order,
    date_line,
    dateline,
    issued_on,
    parse_date,
    trailing_date,
)
from .lines import LABEL_WORDS, LATER_LABELS, ends_with_full_stop, kind_of, two_dates
from .markup import Block

__all__ = ["FoundDate", "card_date", "date_cell", "is_date_text", "partial_date", "year_of_heading"]

_MONTH = r"(?:" + "|".join(sorted(MONTH_WORDS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?:19|20)\d\d"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
_MONTH_YEAR = re.compile(rf"^(?P<date>{_MONTH}(?:\s*[/–-]\s*{_MONTH})?,?\s+{_YEAR})$", re.IGNORECASE)
_DAY_MONTH = re.compile(rf"^(?P<date>{_DAY}\s+{_MONTH}|{_MONTH}\s+{_DAY})$", re.IGNORECASE)
_GLUED = re.compile(rf"^\s*(?P<date>{DATE_PATTERN})\.\s+(?P<rest>[A-Z0-9“\"‘'].*)$")
_ON_DATE = re.compile(rf"\bon\s+(?P<date>{DATE_PATTERN})", re.IGNORECASE)
_SENTENCE_DATE_MAX_WORDS = 16  # `Posted in Press Releases on April 17, 2015 | Preview`: a meta line, not a paragraph
_RANGE = re.compile(rf"^(?:(?P<m1>{_MONTH})\s*(?P<d1>{_DAY})\s*[-–—]\s*{_DAY},?\s+(?P<y1>{_YEAR})"
                    rf"|(?P<d2>{_DAY})\s*[-–—]\s*{_DAY}\s+(?P<m2>{_MONTH}),?\s+(?P<y2>{_YEAR}))$", re.IGNORECASE)
_YEAR_HEADING = re.compile(rf"^(?:[^\d]{{0,30}}\s)?(?P<year>{_YEAR})(?:\s[^\d]{{0,30}})?$")
_DATE_WORDS = tomllib.loads(Path(__file__).with_name("date_words.toml").read_text(encoding="utf-8"))
_OTHER_MONTHS = {name: int(number) for number, names in _DATE_WORDS["months"].items() for name in names}
_OTHER_MONTH = "(?:" + "|".join(sorted(map(re.escape, _OTHER_MONTHS), key=len, reverse=True)) + r")\.?"


def _words(words: list[str]) -> str:
    """An alternation of the words, longest first, each a whole word."""
    return r"(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")(?![\w-])"


_OTHER_LABEL = _words(_DATE_WORDS["labels"]["before_date"])
_OTHER_WEEKDAY = _words(_DATE_WORDS["weekdays"]["names"])
_DAY_NUMBER = r"(?:0?[1-9]|[12]\d|3[01])"
_DIGIT = re.compile(r"\d")
# What leads a date on its line: a label or a weekday (`Datum:`, `Donnerstag,`), or a short phrase before a bar
# (`Pressemitteilung | 4. März 2021`), so many words as a date's meta line holds (settings.DATE_REST_MAX_WORDS).
_OTHER_LEAD = re.compile(
    rf"^(?:(?:{_OTHER_LABEL}|{_OTHER_WEEKDAY})\.?\s*[,:]?\s*"
    rf"|(?P<phrase>[^\W\d_][\w'’.-]*(?:\s+[\w'’.-]+){{0,{settings.DATE_REST_MAX_WORDS - 1}}})\s*[|·•–—]\s*)",
    re.IGNORECASE)
_OTHER_TIME = (rf"(?:\s*(?:,|-|–|\||{_words(_DATE_WORDS['times']['before'])})?\s*\d{{1,2}}[:.h]\d{{2}}"
               rf"(?:\s*{_words(_DATE_WORDS['times']['after'])})?)?")
# `4. März 2021`, `4 de marzo de 2021`, `Publié le 4 mars 2021`; `2021年3月4日`, `2021年3月4日（木）` (a weekday after).
_OTHER_DATE = re.compile(
    rf"^(?P<date>(?P<d>{_DAY_NUMBER})\.?\s+(?:de\s+)?(?P<m>{_OTHER_MONTH})\s+(?:de\s+|del\s+)?"
    rf"(?P<y>{_YEAR})|(?P<cy>{_YEAR})\s?年\s?(?P<cm>1[0-2]|0?[1-9])\s?月\s?(?P<cd>{_DAY_NUMBER})\s?日"
    rf"(?:\s?[（(]\s?\w\s?[)）])?){_OTHER_TIME}$", re.IGNORECASE)


@dataclass(frozen=True, slots=True, kw_only=True)
class FoundDate:
    """An item's date, the line it was read from, and how it was found."""

    date: DateLine
    block: Block
    how: str  # `div.date (date line)`: the line's slot and the finder
    pieces: list[Block] = field(default_factory=list)  # the rest of a date printed in pieces


def card_date(blocks: list[Block], order: Order | None) -> FoundDate | None:
    """The item's publication date, or a partial date that marks the item's place, else None."""
    for block in blocks:
        if block.datetime:
            parsed = parse_date(block.datetime[:10])
            if parsed is not None:
                return FoundDate(date=DateLine(published=parsed, date_text=block.text, form="date"), block=block,
                                 how=f"{block.path} @datetime")
    for block in blocks:  # `<a>Title</a> May 3, 2021`: the line's text besides its link is the date
        found = _beside_link(block, order)
        if found is not None:
            return FoundDate(date=found, block=block, how=f"{block.path} (date beside the title's link)")
    for finder, label in _FINDERS:
        for block in blocks:
            if finder is _in_sentence and (block.heading or block.text == block.link_text):
                continue  # a headline that names a day (`Minister visits on March 4, 2021`) is no meta line
            found = finder(block.text, order)
            if found is not None and found.published is not None:
                return FoundDate(date=found, block=block, how=f"{block.path} ({label})")
    pieces = _in_pieces(blocks, order)
    if pieces is not None:
        return pieces
    for block in blocks:
        found = partial_date(block.text)
        if found is None and (before := _before_link(block)):
            found = partial_date(before)  # `6 May <a>Title</a>`: the link is the rest of the line
            found = replace(found, rest=block.link_text or "", form=f"{found.form} lead") if found else None
        if found is not None:
            return FoundDate(date=found, block=block, how=f"{block.path} (partial date)")
    return None


def _beside_link(block: Block, order: Order | None) -> DateLine | None:
    """The date a line prints beside its link, when that is all it prints besides the link."""
    link = block.link_text
    if not link or link == block.text or len(link.split()) < 2:
        return None
    if block.text.startswith(link):
        rest, before = block.text[len(link):], link
    elif block.text.endswith(link):
        rest, before = block.text[:-len(link)], ""
    else:
        return None
    found = _date_only(rest.strip(" |•·–—-,()[]"), order)
    if found is None or found.published is None or found.rest:
        return None
    return DateLine(published=found.published, date_text=found.date_text, before=before or "",
                    rest="" if before else link, form="trail" if before else "lead")


def _before_link(block: Block) -> str:
    """What a line prints before its link: `6 May` in `6 May <a>Title</a>`."""
    link = block.link_text
    return block.text[:-len(link)] if link and block.text.endswith(link) and block.text != link else ""


def date_cell(text: str, order: Order | None = None) -> DateLine | None:
    """The date of a line that carries a card's date (alone, with a label, beside a title), else None."""
    return _date_only(text, order) or _beside(text, order)


def is_date_text(text: str) -> bool:
    """A short line that is a date (full or partial), printed as an item's meta line."""
    return len(text) <= settings.DATE_BLOCK_MAX_CHARS and (
        date_line(text, None, short_years=True) is not None or partial_date(text) is not None
        or other_language_date(text) is not None)


@functools.lru_cache(maxsize=65_536)
def other_language_date(text: str, order: Order | None = None) -> DateLine | None:
    """A line that is a date in another language's month words or a CJK calendar's characters, alone or after a
    label, a weekday or a short phrase and a bar (`Veröffentlicht am 4. März 2021`, `jeudi 4 mars 2021 à 10h15`,
    `2021年3月4日`, `Datum: 04.03.2021`, `Pressemitteilung | 4. März 2021`), else None."""
    if len(text) > settings.DATE_BLOCK_MAX_CHARS or not text[:1].isalnum() or not _DIGIT.search(text):
        return None  # every date has a digit: most lines of a page are no date at all
    rest, phrase = text.strip(), ""
    for _ in range(3):  # `Veröffentlicht am Donnerstag, 4. März 2021`: a label, then a weekday
        lead = _OTHER_LEAD.match(rest)
        if lead is None or lead.end() == len(rest):
            break
        rest, phrase = rest[lead.end():], lead.group("phrase") or phrase
    match = _OTHER_DATE.match(rest)
    if match is None:
        if rest == text.strip() or phrase:
            return None  # nothing but a phrase led the line (`Title | 04/03/2021`): the date finder's to read
        found = date_line(rest, order, short_years=True)  # `Datum: 04.03.2021`: a numeric date after a label
        return replace(found, rest="") if found is not None and not found.rest and found.published else None
    if match.group("cy"):
        year, month, day = match.group("cy"), int(match.group("cm")), match.group("cd")
    else:
        year, month, day = match.group("y"), _OTHER_MONTHS[match.group("m").rstrip(".").lower()], match.group("d")
    published = parse_date(f"{int(day)} {MONTH_NAMES[month - 1][0]} {year}")
    # A phrase before a bar is a label (`Pressemitteilung | 4. März 2021`) or a short title: kept beside the date.
    return DateLine(published=published, date_text=match.group("date"), before=phrase,
                    form="trail" if phrase else "date") if published else None


def partial_date(text: str) -> DateLine | None:
    """`August 2002`, `Sept/Oct 2002` (month and year) or `12 Oct` (day and month): no publication date."""
    text = text.strip(" |•·–—-,")
    if not text or len(text) > settings.DATE_BLOCK_MAX_CHARS:
        return None
    for pattern, form in ((_MONTH_YEAR, "month-year"), (_DAY_MONTH, "day-month")):
        match = pattern.match(text)
        if match:
            return DateLine(published=None, date_text=match.group("date"), form=form)
    return None


def year_of_heading(heading: str) -> int | None:
    """The year a heading stands for (`2021`, `2021 Releases`, `News from 2019`), else None."""
    match = _YEAR_HEADING.match(heading.strip())
    return int(match.group("year")) if match else None


def _date_only(text: str, order: Order | None) -> DateLine | None:
    if len(text) > settings.DATE_BLOCK_MAX_CHARS:
        return None
    found = date_line(text, order, short_years=True) or other_language_date(text, order)
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
    if found is not None and found.rest:
        return found
    glued = _GLUED.match(text)
    if glued:
        published = parse_date(glued.group("date").strip(), None, order)
        if published is not None:
            return DateLine(published=published, date_text=glued.group("date"), rest=glued.group("rest").strip(),
                            form="lead")
    return None


def _dateline(text: str, order: Order | None) -> DateLine | None:
    found = dateline(text, order)
    if found is not None and LATER_LABELS.intersection(LABEL_WORDS.findall(found.before.lower())):
        return None  # `Updated 5 May 2021 – new figures`: an edit's label, not a dateline's place
    return found if found is not None and found.rest else None


def _in_sentence(text: str, order: Order | None) -> DateLine | None:
    """A date inside a short meta sentence: `Filed under News on March 4, 2021`."""
    if len(text.split()) > _SENTENCE_DATE_MAX_WORDS or ends_with_full_stop(text):
        return None  # a teaser's sentence names days of its story
    found = issued_on(text, order)
    if found is not None:
        return found
    match = _ON_DATE.search(text)
    if match is None:
        return None
    published = parse_date(match.group("date").strip(), None, order)
    return DateLine(published=published, date_text=match.group("date"), before=text[:match.start()].strip(),
                    rest=text[match.end():].strip(" |•·–—-,"), form="sentence") if published else None


def _range(text: str, order: Order | None) -> DateLine | None:
    """An event's days (`Apr. 12 - 16, 2021`, `12–16 April 2021`): the first day is the item's date."""
    if len(text) > settings.DATE_BLOCK_MAX_CHARS:
        return None
    match = _RANGE.match(text.strip())
    if match is None:
        return None
    first = f"{match.group('m1')} {match.group('d1')}, {match.group('y1')}" if match.group("m1") else \
        f"{match.group('d2')} {match.group('m2')} {match.group('y2')}"
    published = parse_date(first, None, order)
    return DateLine(published=published, date_text=match.group(0), form="date") if published else None


_FINDERS = ((_date_only, "date line"), (two_dates, "first of two dates"), (_beside, "date beside the title"),
            (_dateline, "dateline"), (_in_sentence, "date in a sentence"), (_range, "first day of a range"))


def _in_pieces(blocks: list[Block], order: Order | None) -> FoundDate | None:
    """A date printed in pieces (`<div class=month>Mar</div><div class=day>9</div><div class=year>2015</div>`)."""
    for n in range(len(blocks) - 2):
        pieces = blocks[n:n + 3]
        if all(len(b.text) <= settings.DATE_PIECE_MAX_CHARS for b in pieces):
            found = _date_only(" ".join(b.text for b in pieces), order)
            if found is not None and found.published is not None:
                return FoundDate(date=found, block=pieces[0], how=f"{pieces[0].path} (date in pieces)",
                                 pieces=list(pieces[1:]))
    return None
