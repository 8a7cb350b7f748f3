"""Publication dates: one date finder for every form newsrooms print, and a strict parser.

A date here always has a day, a month and a year. Year-less dates (`June 3`), month-year dates
(`March 2019`) and "last updated" dates are never publication dates. Numeric dates (`04/06/2020`)
are read in the page's own order, decided once per page from its evidence (see `numeric_order`).
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from dateparser.date import DateDataParser

from . import settings

Order = Literal["MDY", "DMY"]

MONTH_NAMES = (
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
    ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
    ("december", "dec"),
)
MONTH_NUMBERS = {name: number for number, names in enumerate(MONTH_NAMES, start=1) for name in names}
MONTH_WORDS = frozenset(MONTH_NUMBERS)

_MONTH = r"\b(?:" + "|".join(sorted(MONTH_WORDS, key=len, reverse=True)) + r")\b\.?"
_WEEKDAY_WORD = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_WEEKDAY = r"(?:\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?,?\s+)"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
# A day written as a word in a formal date (`the fourth of February, 2020`, `Thursday the nineteenth of November`,
# `June the twenty-sixth, 2003`); with digits, `the 13th day of May 2010` and `August the 18th, 2016`.
_ORDINAL_UNITS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
_ORDINAL_TEENS = ("tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                  "eighteenth", "nineteenth", "twentieth")
DAY_WORDS = {
    **{word: n for n, word in enumerate(_ORDINAL_UNITS, start=1)},
    **{word: n for n, word in enumerate(_ORDINAL_TEENS, start=10)},
    **{f"twenty{joint}{word}": 20 + n for n, word in enumerate(_ORDINAL_UNITS, start=1) for joint in ("-", " ")},
    "thirtieth": 30, "thirty-first": 31, "thirty first": 31,
}
_DAY_WORD = "(?:" + "|".join(sorted((w.replace(" ", r"\s+") for w in DAY_WORDS), key=len, reverse=True)) + ")"
_YEAR = r"(?:19|20)\d\d"
# The weekday between the day and the year (`Jul. 25th (Tue.) 2006`, `10th Feb, Thursday, 2011`).
_INNER_WEEKDAY = rf"(?:\s*\(\s*{_WEEKDAY_WORD}\s*\)|,\s*{_WEEKDAY_WORD}(?=,))?"
_CLIPPED_YEAR = r"['’]\d\d(?!\d)"  # `4 March '21`: a written date's year cut to two digits after an apostrophe
# Every written and numeric form with a year (`Oct.13.2022` too); group names let one match be read without
# re-parsing.
# A dump or a database prints the month's name between slashes, dots or dashes too (`4/Mar/2021`, `04.Mar.2021`,
# `Mar-04-2021`, `2021-Mar-04`); year first with spaces too (`2021 March 4`).
_WRITTEN = (
    rf"{_WEEKDAY}?(?:(?P<m1>{_MONTH}),?(?:\s*|[-/]|\s+the\s+)(?P<d1>{_DAY}|{_DAY_WORD}(?=[\s,]))(?!\d)"
    rf"{_INNER_WEEKDAY}(?:,\s*|\s+|\s*,|[./-])"
    rf"(?P<y1>{_YEAR}|{_CLIPPED_YEAR})"
    rf"|(?:the\s+)?(?P<d2>{_DAY}|{_DAY_WORD}(?=\s+(?:day\s+)?of\b))(?:\s+day)?(?:\s+of)?(?:[\s-]+|[/.])"
    rf"(?P<m2>{_MONTH}){_INNER_WEEKDAY},?(?:[\s-]+|[/.])"
    rf"(?P<y2>{_YEAR}|{_CLIPPED_YEAR})"
    rf"|(?<![\d/.-])(?P<y3>{_YEAR})(?:[-/.]|\s+)(?P<m3>{_MONTH})(?:[-/.]|\s+)(?P<d3>{_DAY}))(?!\d)"
)
_ISO = r"(?<![\d/.-])(?P<iy>(?:19|20)\d\d)(?P<isep>[-/.])(?P<im>[01]?\d)(?P=isep)(?P<id>[0-3]?\d)(?![\d])"
_NUMERIC = (r"(?<![\d/.:-])(?P<na>\d{1,2})\s?(?P<nsep>[-/.])\s?(?P<nb>\d{1,2})\s?(?P=nsep)\s?"
            r"(?P<ny>(?:19|20)\d\d)(?![\d])")
# Two-digit years (`03/08/12`, `06.22.14`) only where the text is the date alone: a table's date cell.
_SHORT = r"(?<![\d/.:-])(?P<sa>\d{1,2})(?P<ssep>[/.])(?P<sb>\d{1,2})(?P=ssep)(?P<sy>\d\d)(?![\d/]|\.\d)"
DATE_PATTERN = rf"(?i:{_WRITTEN}|{_ISO}|{_NUMERIC})"  # case-insensitive wherever it is embedded
_DATE = re.compile(DATE_PATTERN, re.IGNORECASE)
# An event's days: a range (`12–14 March 2021`, `Tue 25 to Thu 27 October 2005`, `28 February – 3 March 2021`,
# `March 12-14, 2021`, `6 November 2007 to 8 November 2007`) or one day with its hours (`Thursday 17 November 2005,
# 10am–4pm`), alone on a line or after a short label (`Dates:`, `On:`). Never a card's publication date.
_RANGE_START = (rf"(?:{_WEEKDAY_WORD},?\s+)?"
                rf"(?:{_DAY}(?:\s+{_MONTH})?(?:,?\s+{_YEAR})?|{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?)")
_RANGE_JOIN = r"\s*(?:[–—-]|\bto\b|\buntil\b|\btill\b|\bthrough\b|\bthru\b)\s*"
_RANGE_END = rf"(?:{_WEEKDAY_WORD},?\s+)?(?:{_DAY}\s+{_MONTH},?\s+{_YEAR}|(?:{_MONTH}\s+)?{_DAY},?\s+{_YEAR})"
_HOUR = r"\d{1,2}(?:[.:]\d\d)?\s*(?:[ap]\.?m\.?)?"
_HOURS = rf"{_HOUR}\s*(?:[–—-]|\bto\b)\s*{_HOUR}"
_EVENT_DAYS = re.compile(
    rf"^(?:[^\W\d][\w ]{{0,20}}:\s*)?(?:from\s+)?(?:{_RANGE_START}{_RANGE_JOIN}{_RANGE_END}(?:,?\s+{_HOURS})?"
    rf"|(?:{DATE_PATTERN}),?\s+{_HOURS})\W*$", re.IGNORECASE)
_DATE_OR_SHORT = re.compile(rf"(?:{DATE_PATTERN}|{_SHORT})", re.IGNORECASE)

# A time after a date says nothing about the card: `at 10:00`, `- 11:37`, `2:27PM`, `| 09:15 GMT`, `T10:00:00Z`,
# `10:30 a.m. ET`. A zone is one of the abbreviations newsrooms print, in capitals: after a time, `Norbrook ...`
# or `NHS ...` opens a headline.
_ZONE = r"(?-i:Z|UTC|GMT|BST|IST|CES?T|EES?T|WES?T|[ECMP][SD]?T|AE[SD]T|NZ[SD]T|HKT|SGT|JST)"
_TIME = (
    r"(?:\s*(?:[-–—|,@•·]|\bat\b)?\s*(?:T?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\.\d+)?(?:\s*[ap]\.?\s?m\b\.?)?"
    rf"|\d{{1,2}}\s*[ap]\.?\s?m\b\.?)(?:\s*(?:Z\b|[+-]\d{{2}}(?::?\d{{2}})?|\(?{_ZONE}\)?(?![\w])))?)"
)
# What newsrooms print between a date and the text beside it on one line: a dash, a bar, a dot, a colon, a
# slash, a tilde, an angle quote or arrow (`Update: 3 May 2021`, `Report / 3 May 2021`, `Title ~ 3 May 2021`,
# `3 May 2021 › Title`).
SEPARATOR = r"(?:[•·|–—~›»]|:{1,2}|/|-{1,2}|>{1,2})"
_TIME_AFTER = re.compile(rf"^{_TIME}+", re.IGNORECASE)
# Labels newsrooms print before a date. An update label means the date is not the publication date.
_LABEL = re.compile(
    r"^(?:(?:originally\s+|first\s+)?(?:date\s+of\s+(?:release|issue|publication)|posted|published|released|issued"
    r"|written|dated?|on|for(?:\s+immediate)?\s+release(?:\s+on)?|release\s+date)"
    r"(?:\s+(?:by|in)\s+[^|•·–—\d]{2,60}?(?=\s+on\b))?(?:\s+on)?\s*:?\s*"  # `Posted by Jane Roe on`
    r"|by\s+[^|•·–—\d]{2,60}?\s*(?:[|•·–—,]|\s+on\b)\s*(?:(?:posted|published)(?:\s+on)?\s*:?\s*)?"
    # `Added to the calendar on`, `Listed on`, `Uploaded to the library on`: a verb of putting a page up, then `on`
    r"|[a-z]{3,}ed(?:\s+(?:to|in|into)\s+(?:the\s+|our\s+)?[a-z]+(?:\s+[a-z]+)?)?\s+on\s*:?\s*)",
    re.IGNORECASE,
)
_UPDATE_LABEL = re.compile(
    r"^(?:last\s+)?(?:updated|edited|modified|changed|reviewed|revised)\b(?:\s+on)?\s*:?", re.IGNORECASE)
_BULLET = re.compile(r"^(?:[\s\-–—•·*|>▪►»]+|\[\d{1,3}\]\s+)")  # a bullet, or a footnote's mark (`[1] 4 May 2021`)
_SEPARATOR = re.compile(rf"^\s*(?:{SEPARATOR}|\s)\s*")
# The date's sentence ends, the text goes on (`Published 4 May 2021. The trust …`), or a place ends it (`Friday 4 May
# 2021, Kestrel Bay. The trust …`, `24th October, 2011, STANMERE — The trust …`: a dateline with the date first).
_FULL_STOP = re.compile(r"^(?:,\s*(?!(?:Mrs?|Ms|Dr|Sen|Rep|Gov|Gen|Col|Rev|Prof|Sgt|St|Jr|Sr|Inc|Ltd|Co)\.)"
                        r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,3})?(?:\.|\s*[—–]|\s+--?)\s+(?=\S)")
_LABEL_AFTER_COMMA_MAX = 30
# A field that labels another date of the card (`Deadline 2015 July 15`, `Closing date: 12 March 2021`, `Event day
# Sat 20 March 2021`): a few words, then a date and nothing else. After the publication date these are no title.
_OTHER_DATE_FIELD = re.compile(rf"^[^\W\d][\w'’ ]{{0,30}}?\s*:?\s*(?:{DATE_PATTERN})\W*$", re.IGNORECASE)
_BRACKETED = re.compile(r"^\s*(?:\([^()]+\)|\[[^\[\]]+\])\s*$")
_ADDRESS_FIELD = re.compile(r"^(?:[A-Za-z][\w ]{0,20}:\s*)?(?:https?://|www\.)\S+$", re.IGNORECASE)
_FIELD_SEPARATOR = re.compile(r"\s*[•·|]\s*")
# `by Jane Roe`, `by Jane Roe — Heritage, Volunteering`, `by Jane Roe in Growing, Rescues`, `by the press office`:
# an author after the date, and the post's tags after them
_BYLINE = re.compile(r"^(?:by|from)\s+(?:the\s+)?[A-Za-z][\w.’' -]{1,60}?"
                     r"(?:\s*[|•·–—]\s*[^.|•·–—]{1,60}|\s+in\s+[^.|•·–—]{1,60})?$")
# Text before a trailing date that makes it part of a sentence, not a title's date.
_SET_APART = re.compile(r"[|•·–—›»]|--|//|>")
_SENTENCE_BEFORE = re.compile(r"\b(?:on|in|of|from|since|until|till|by|to|at|before|after|and|or|the)\s*$",
                              re.IGNORECASE)
# `NEW YORK (April 14, 2023) –`, `GENEVA/NEW YORK, 14 March 2023 –`, `(New York, May 12, 2005) –`,
# `SPOKANE, Wash. — Aug. 9, 2007 —`, `SPRINGFIELD, Ill., Jan. 12, 2017 /PRNewswire/ --`, `HALDEN, 2023-02-09 | `;
# after the place, a state or region of up to three words (`Portsea, North Vale (Dec. 30, 2013) —`); places joined by
# spaced slashes (`Upper Dunsop / Hollin Bank, 4 May 2010 –`); a news agency in brackets after them (`TARNHOLM (Dales
# Wire) — 1 May 2017 (Monday) —`) and the weekday in brackets after the date; the place alone in brackets (`(ORMESBY
# FOLD) June 10 2021: text`), or set apart by a bar (`KESTREL BAY | 4 May 2021 | text`).
# A place's words are capitalised, save the small words names hold (`Isle of Hale`, `the Fens`).
_PLACE_LINK = r"(?:(?:the|of|on|upon|de|la|le|du|del|and)\s+)?"
_PLACE = (rf"[A-Z][A-Za-z.'’-]*(?:(?:[ /]| / ){_PLACE_LINK}[A-Z][A-Za-z.'’-]*){{0,6}}"
          rf"(?:,\s*{_PLACE_LINK}[A-Z][A-Za-z.]{{1,12}}(?: {_PLACE_LINK}[A-Z][A-Za-z.]{{1,12}}){{0,2}}){{0,2}}")
_DATELINE = re.compile(
    rf"^\(?\s*(?P<place>{_PLACE})(?:\s*\((?:the\s+)?[A-Z][^()]{{1,40}}\)|\))?\s*(?:[(\[|]|,|[–—-]+)?\s*"
    rf"(?P<date>{DATE_PATTERN}|{_SHORT})(?:{_TIME})?(?:\s*\((?i:{_WEEKDAY_WORD})\))?"
    rf"(?:\s*[)\]]\s*{SEPARATOR}?|\s*(?:/[^/]{{1,40}}/)?\s*(?:{SEPARATOR}|$))\s*(?P<rest>.*)$",
)
# A date at the end of a line, after a separator: `Title | 6/14/2021`, `Title (May 3, 2021)`,
# `Title, media release, April 24, 2013`.
# The words that post a date (`Issued 4 May 2021`, `Title. Published 4 May 2021.`).
POSTED = r"(?:posted|published|issued|released|dated)"
_TRAILING_BEFORE = (r"^(?P<before>.*?\S)\s*(?:[|•·–—,(\[›»]|\s(?:-{1,2}|[~/]|/{2}|>{1,2})"
                    rf"|\.(?=\s+{POSTED}\b)")  # `PR-2024-070. Issued 19/1/2024.`
# After the date, a time or the weekday in brackets or after a comma (`2003-10-17 (Fri)`, `12 Dec 2016, Mon`)
# may follow.
_TRAILING_AFTER = (rf")\s*(?:{POSTED}(?:\s+on)?\s*:?\s*)?(?P<date>{DATE_PATTERN})"
                   rf"(?:{_TIME})?(?:\s*\(\s*{_WEEKDAY_WORD}\s*\)|,\s*{_WEEKDAY_WORD})?\s*[)\]]?\.?\s*$")
_TRAILING = re.compile(_TRAILING_BEFORE + _TRAILING_AFTER, re.IGNORECASE)
# A title that runs into its date with no mark between (`Title 4 March 2021`), or reaches it by dot leaders as a
# table of contents prints them (`Title ........ 4 March 2021`); a weekday in brackets may follow (`(Thu)`).
_TRAILING_BARE = re.compile(rf"^(?P<before>.*?\w[’'”\"?!)]?)\s+(?:(?:\.\s?){{2,}}|…+)?\s*(?P<date>{DATE_PATTERN})"
                            rf"(?:{_TIME})?(?:\s*\(\s*{_WEEKDAY_WORD}\s*\))?\s*$", re.IGNORECASE)
_TRAILING_BARE_SHORT = re.compile(_TRAILING_BARE.pattern.replace(f"(?P<date>{DATE_PATTERN})",
                                                                  f"(?P<date>{DATE_PATTERN}|{_SHORT})"), re.IGNORECASE)
# In a plain-text listing a colon may end the text before the date too (`Statement: 3 May 2021`); an HTML page's
# markup gives its fields their own elements, and there `Press release: DATE` in a release's text is no card.
_TRAILING_OR_COLON = re.compile(_TRAILING_BEFORE + "|:" + _TRAILING_AFTER, re.IGNORECASE)
# A page whose lines end with two-digit-year dates (`Title, 20/09/16`) prints a column of them.
_TRAILING_SHORT = re.compile(_TRAILING_BEFORE + "|:" + _TRAILING_AFTER.replace(
    f"(?P<date>{DATE_PATTERN})", f"(?P<date>{DATE_PATTERN}|{_SHORT})"), re.IGNORECASE)
_WEEKDAY_AT_END = re.compile(r",?\s*\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?\s*,?$",
                             re.IGNORECASE)
# The weekday after a date, in brackets or after a comma at the line's end or before a separator (`4 March 2021 (Thu)`,
# `6 Sep 2014, Sat`, `6 Sep 2014, Sat — Title`).
_WEEKDAY_IN_BRACKETS = re.compile(rf"^\s*(?:\(\s*{_WEEKDAY_WORD}\s*\)|,?\s*{_WEEKDAY_WORD}\s*$"
                                  rf"|,\s*{_WEEKDAY_WORD}(?=\s*(?:[|•·–—]|\s-)))", re.IGNORECASE)
# A page's inline elements joined with no space: a date's last digit, then a capitalised word (`2021Harbour Trust
# opens ...`).
_GLUED_HEADLINE = re.compile(r"^\d[A-Z][a-z]+\s")
_MONTH_YEAR_ONLY = re.compile(rf"^{_MONTH},?\s+{_YEAR}$", re.IGNORECASE)
_YEARLESS = re.compile(
    rf"^[\s•·*-]*(?P<date>(?:[01]?\d[-/.][0-3]?\d|{_MONTH}\s+{_DAY}|{_DAY}\s+{_MONTH}))(?![\d/.-]|,?\s+{_YEAR})"
    rf"\s*(?:[|•·–—]\s*(?P<rest>\S.*))?$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class DateLine:
    """A line that carries a card's date: the date, and the text around it on the line."""

    published: dt.date | None  # None for a date printed without its year: never guessed
    date_text: str
    rest: str = ""  # after the date: a kind label, a title, a teaser, or nothing
    before: str = ""  # before the date: a title (`Title | date`) or a dateline's place
    form: str = "date"  # date (the line is a date), lead (date, then text), trail (text, then date), dateline


@functools.cache
def _parser(languages: tuple[str, ...] = tuple(settings.DATE_LANGUAGES)) -> DateDataParser:
    # One reused parser per language set; English by default, absolute dates only: relative words never
    # become dates.
    return DateDataParser(
        languages=list(languages),
        settings={
            "STRICT_PARSING": True,
            "REQUIRE_PARTS": ["day", "month", "year"],
            "PARSERS": ["custom-formats", "absolute-time"],
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )


def _plausible(parsed: dt.date | None, today: dt.date | None = None) -> dt.date | None:
    if parsed is None:
        return None
    today = today or dt.date.today()
    if parsed.year < settings.EARLIEST_DATE_YEAR or parsed > today + dt.timedelta(days=1):
        return None
    return parsed


def _calendar(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _numeric(first: int, second: int, year: int, separator: str, order: Order | None) -> dt.date | None:
    if order is None:
        # With no evidence from the page: dots and dashes are day-first (ICRC, EU), slashes month-first.
        order = "MDY" if separator == "/" else "DMY"
    if first > 12 >= second:
        order = "DMY"  # impossible as a month: the page's habit cannot override the calendar
    elif second > 12 >= first:
        order = "MDY"
    month, day = (first, second) if order == "MDY" else (second, first)
    return _calendar(year, month, day)


def _from_match(match: re.Match[str], order: Order | None) -> dt.date | None:
    group = match.groupdict()
    if group.get("m1") or group.get("m2") or group.get("m3"):
        month = MONTH_NUMBERS[(group["m1"] or group["m2"] or group["m3"]).rstrip(".").lower()]
        day = _day_number(group["d1"] or group["d2"] or group["d3"])
        return _calendar(_full_year(group["y1"] or group["y2"] or group["y3"]), month, day)
    if group.get("iy"):
        return _calendar(int(group["iy"]), int(group["im"]), int(group["id"]))
    if group.get("na"):
        return _numeric(int(group["na"]), int(group["nb"]), int(group["ny"]), group["nsep"], order)
    if group.get("sa"):
        year = 2000 + int(group["sy"]) if int(group["sy"]) < 70 else 1900 + int(group["sy"])
        return _numeric(int(group["sa"]), int(group["sb"]), year, group["ssep"], order)
    return None


def _day_number(text: str) -> int:
    """`4th` → 4, `the fourth` → 4."""
    digits = re.match(r"\d+", text)
    if digits is not None:
        return int(digits.group(0))
    words = re.sub(r"\s+", " ", text.lower()).strip()
    return DAY_WORDS[words.removeprefix("the ")]


def _full_year(text: str) -> int:
    """A year as printed, four digits or two after an apostrophe (`'21`: 2021, `'98`: 1998)."""
    digits = int(text.lstrip("'’"))
    if len(text) > 3:
        return digits
    return 2000 + digits if digits < settings.CLIPPED_YEAR_PIVOT else 1900 + digits


@functools.lru_cache(maxsize=65_536)
def parse_date(text: str, today: dt.date | None = None, order: Order | None = None) -> dt.date | None:
    """Parse one date string strictly; None when it is not a full, plausible calendar date."""
    text = text.strip().rstrip(".,")
    if _MONTH_YEAR_ONLY.match(text):
        return None
    match = _DATE_OR_SHORT.fullmatch(text)
    if match:
        return _plausible(_from_match(match, order), today)
    # Anything else (`Tuesday the 3rd of December, 2021`) goes to dateparser, strictly.
    data = _parser().get_date_data(text)
    if data is None or data.date_obj is None or data.period != "day":
        return None
    return _plausible(data.date_obj.date(), today)


def _read(match: re.Match[str], order: Order | None) -> dt.date | None:
    return _plausible(_from_match(match, order))


def _strip_time(text: str) -> str:
    return _TIME_AFTER.sub("", text, count=1)


@functools.lru_cache(maxsize=65_536)
def date_line(line: str, order: Order | None = None, short_years: bool = False) -> DateLine | None:
    """The DateLine when the line starts with a full date (after a bullet or a label), else None.

    `rest` is what follows the date and its separator: empty for a line that is a date (times,
    bylines and a place after a bar are dropped), a kind label, or a title or teaser (form `lead`).
    """
    stripped = _BULLET.sub("", line)
    if _BRACKETED.match(stripped):
        stripped = stripped.strip()[1:-1]  # `(Posted: Friday, 16 October, 2015)`: a date line in brackets
    if _UPDATE_LABEL.match(stripped):
        return None  # "Last updated March 3, 2021": never the publication date
    label = _LABEL.match(stripped)
    bylined = label is not None and re.search(r"\bby\b", label.group(0), re.IGNORECASE) is not None
    stripped = stripped[label.end():] if label else stripped
    pattern = _DATE_OR_SHORT if short_years else _DATE
    match = pattern.match(stripped)
    if not match:
        return None
    published = _read(match, order)
    if published is None:
        return None
    rest = _WEEKDAY_IN_BRACKETS.sub("", _strip_time(stripped[match.end():]), count=1)
    if rest.strip() == "." and label is not None:
        rest = ""  # `Published 12 August 2019 (Monday).`: a labelled date's sentence ends (`4 May 2021.`: another's)
    glued = bool(rest) and _GLUED_HEADLINE.match(match.group(0)[-1:] + rest) is not None
    if rest and rest[0].isalnum() and not glued:
        return None  # "8, 2019abc" is no date line; "4 March 2021Harbour Trust ...", elements joined, is
    if rest.startswith(",") and len(rest) <= _LABEL_AFTER_COMMA_MAX:
        rest = " " + rest[1:]  # "Dec. 31, 2002, Blog": a short label after a comma; a clause is no label
    stop = _FULL_STOP.match(rest)  # `Published 4 May 2021. The trust …`: the date's sentence ends, the text goes on
    if rest.strip() and _SEPARATOR.match(rest) is None and stop is None and not glued:
        return None
    rest = rest[stop.end():].strip() if stop else _SEPARATOR.sub("", rest, count=1).strip() if rest.strip() else ""
    if _BYLINE.match(rest) or _TIME_AFTER.fullmatch(rest) or _UPDATE_LABEL.match(rest) or _other_dates(rest) \
            or _ADDRESS_FIELD.match(rest):  # (`| Permalink: https://…`: the card's address, no words of it)
        rest = ""  # "Posted on March 3, 2021 by Press Office", "... – Last updated May 4, 2021": not the card's text
    elif bylined and len(rest.split()) <= settings.BYLINE_TAGS_MAX_WORDS and not rest.endswith("."):
        rest = ""  # "By Jane Roe · March 3, 2021 · Heritage, Volunteering": a byline's tags, not a headline
    return DateLine(published=published, date_text=match.group(0), rest=rest, form="lead" if rest else "date")


def event_days(line: str) -> bool:
    """Whether a line prints an event's days: a range of dates, or one day with its hours (`12–14 March 2021`,
    `On: Thursday 17 November 2005, 10am–4pm`)."""
    return _EVENT_DAYS.match(line.strip()) is not None


def _other_dates(rest: str) -> bool:
    """Whether the rest of a date line is only other dates of the card, each under its label (`Deadline 2015 July 15
    | Takes place 2015 July 20`)."""
    return bool(rest) and all(_OTHER_DATE_FIELD.match(field) for field in _FIELD_SEPARATOR.split(rest))


def date_alone(line: str) -> DateLine | None:
    """The DateLine of a line that is a date and nothing else (`4 March 2021`, `Published: 4 March 2021 (Thu)`),
    else None."""
    found = date_line(line)
    return found if found is not None and not found.rest else None


@functools.lru_cache(maxsize=65_536)
def trailing_date(line: str, order: Order | None = None, colon: bool = False,
                  short_years: bool = False, bare: bool = False) -> DateLine | None:
    """A title followed by its date on one line (`Title | 6/14/2021`, `Title (May 3, 2021)`, with `colon` also
    `Statement: May 3, 2021`, with `short_years` also `Title, 20/09/16`, with `bare` also `Title 4 March 2021`
    and `Title ..... 4 March 2021`), else None."""
    if len(line) > settings.TITLE_MAX_CHARS + 40:
        return None
    pattern = (_TRAILING_BARE_SHORT if short_years else _TRAILING_BARE) if bare else _TRAILING_SHORT if short_years \
        else _TRAILING_OR_COLON if colon else _TRAILING
    match = pattern.match(line.strip())
    if not match or _UPDATE_LABEL.search(match.group("before")):
        return None
    # `… held on 4 May 2021` is a sentence that ends on its date; after a bar or a dash (`… Ever Before | 4 May
    # 2021`), the words before are a headline set apart from its date.
    between = line.strip()[match.end("before"):match.start("date")]
    if _SENTENCE_BEFORE.search(match.group("before")) and not _SET_APART.search(between):
        return None
    date_match = (_DATE_OR_SHORT if short_years else _DATE).fullmatch(match.group("date"))
    published = _read(date_match, order) if date_match else None
    if published is None:
        return None
    before = _WEEKDAY_AT_END.sub("", match.group("before")).strip(" ,|•·–—-(:/")  # `Title :: 4 May 2021`, `// `
    return DateLine(published=published, date_text=match.group("date"), before=before, form="trail")


@functools.lru_cache(maxsize=65_536)
def dateline(line: str, order: Order | None = None) -> DateLine | None:
    """The DateLine of a release's opening dateline (`NEW YORK (May 3, 2021) – text`), else None."""
    match = _DATELINE.match(line)
    if not match or not match.group("place")[:1].isupper():
        return None
    date_match = _DATE_OR_SHORT.fullmatch(match.group("date"))
    published = _read(date_match, order) if date_match else None
    if published is None:
        return None
    return DateLine(published=published, date_text=match.group("date"), rest=match.group("rest").strip(),
                    before=_WEEKDAY_AT_END.sub("", match.group("place")).strip(" ,"), form="dateline")


def unparsed_date(line: str) -> str | None:
    """The date-shaped text a line starts with when it is no calendar date (`February 31, 2019`), else None."""
    stripped = _LABEL.sub("", _BULLET.sub("", line), count=1)
    match = _DATE.match(stripped)
    if not match:
        loose = re.match(r"(?:\w+\.?,?\s+)?\d{1,2}(?:st|nd|rd|th)?,?\s+\w+\.?,?\s+\d{4}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4}",
                         stripped)
        if (loose and re.search(_MONTH, loose.group(0), re.IGNORECASE)) or (loose and loose.group(0)[0].isdigit()
                                                                          and "/" in loose.group(0)):
            return loose.group(0) if parse_date(loose.group(0)) is None else None
        return None
    return match.group(0) if _read(match, None) is None else None


# A date written with a month word in any language, with its day and year: `4. März 2024`, `12 ottobre 2023`,
# `12 de octubre de 2023`, `octobre 12, 2023`, after a weekday too (`jeudi 4 mars 2021`); at the start of a line,
# or after a dateline's place.
_FOREIGN_DATE = re.compile(
    r"^(?:(?P<place>[^\W\d_][^\d,(–—]{0,40}?)\s*[,(]\s*)?"
    r"(?P<date>(?:[^\W\d_]{3,12}\.?,?\s+)?\d{1,2}\.?\s+(?:de\s+)?[^\W\d_]{3,12}\.?,?\s+(?:de\s+|del\s+)?(?:19|20)\d\d"
    r"|[^\W\d_]{3,12}\.?\s+\d{1,2},?\s+(?:19|20)\d\d)(?!\d)"
    r"\s*\)?\s*(?:(?:[–—:|]|-{1,2})\s*(?P<rest>.*))?$"
)


def date_shaped(line: str) -> bool:
    """True when a line opens with a date written with a month word in any language (`jeudi 4 mars 2021`, `4. März
    2021`), alone or after a dateline's place: the shape of a date line, whatever its language."""
    return bool(_FOREIGN_DATE.match(_BULLET.sub("", line).strip()))


@functools.lru_cache(maxsize=65_536)
def foreign_shaped(line: str) -> bool:
    """Whether a line opens as a date in words of some language does (`Mittwoch, 9. März 2005`, `12 ottobre 2023`)."""
    return _A_YEAR.search(line) is not None and _FOREIGN_DATE.match(_BULLET.sub("", line).strip()) is not None


_A_YEAR = re.compile(_YEAR)


def foreign_date_line(line: str, language: str) -> DateLine | None:
    """The date a line of a release in `language` (ISO 639-1) opens with, read in that language by dateparser
    (`4. März 2024` in German, `12 ottobre 2023` in Italian), alone or after a dateline's place; else None."""
    match = _FOREIGN_DATE.match(_BULLET.sub("", line).strip())
    if not match:
        return None
    # (the page's language first; a page of several languages, `Medien · Médias · Media`, prints its neighbours')
    languages = (language, *(other for other in settings.NEIGHBOUR_DATE_LANGUAGES if other != language))
    try:
        data = _parser((language,)).get_date_data(match.group("date"))
        if data is None or data.date_obj is None:
            data = _parser(languages).get_date_data(match.group("date"))
    except ValueError:  # a language dateparser does not know
        return None
    if data is None or data.date_obj is None or data.period != "day":
        return None
    published = _plausible(data.date_obj.date())
    if published is None:
        return None
    place, date_text = (match.group("place") or "").strip(), match.group("date")
    if place and len(place.split()) == 1:  # `Mittwoch, 9. März 2005`: a weekday before the date, not a place
        whole = _parser(languages).get_date_data(f"{place}, {date_text}")
        if whole is not None and whole.date_obj is not None and whole.date_obj.date() == published:
            place, date_text = "", f"{place}, {date_text}"
    return DateLine(published=published, date_text=date_text, rest=(match.group("rest") or "").strip(),
                    before=place, form="dateline" if place else "date")


# A card line under a heading of its month or year (`March 2021` … `04 | Title`, `2021` … `4 March – Title`): its day,
# with its month when the heading gives only the year, then the card's text after a mark or a column's gap (`01
# Title`, two spaces or a tab between).
_UNDER_HEADING = re.compile(
    rf"^[\s•·*-]*(?P<date>{_WEEKDAY}?(?:(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})|(?P<d2>{_DAY})\s+(?P<m2>{_MONTH})|(?P<d3>{_DAY})))"
    rf"(?![\d/.-]|,?\s+{_YEAR})(?:\s*\(\s*{_WEEKDAY_WORD}\s*\))?(?:(?:\s*[|•·–—:]|\t|\s{{2,}})\s*(?P<rest>\S.*))?\s*$",
    re.IGNORECASE,
)


_DAY_BEFORE_TITLE = re.compile(r"^\s*(?P<date>[\[(]?(?P<d3>0?[1-9]|[12]\d|3[01])[\]).]?)\s+(?P<rest>[A-Z].*)$")


def dated_under(line: str, year: int, month: int | None) -> DateLine | None:
    """The date of a card line that prints its day (and month) under a heading that gives the rest (`March 2021`
    over `04 | Title`, `2021` over `4 March – Title`), else None. The year is the page's, never guessed."""
    match = _UNDER_HEADING.match(line)
    if not match and month is not None:
        match = _DAY_BEFORE_TITLE.match(line)  # `01 Title` under `JUNE`: the page's gap read as a space
    if not match:
        return None
    parts = match.groupdict()
    word = parts.get("m1") or parts.get("m2")
    if word is not None:
        month = MONTH_NUMBERS.get(word.lower().rstrip("."))
    if month is None:
        return None
    day = int(re.sub(r"\D", "", parts.get("d1") or parts.get("d2") or parts["d3"]))
    try:
        published = _plausible(dt.date(year, month, day))
    except ValueError:
        return None
    rest = (match.group("rest") or "").strip()
    return DateLine(published=published, date_text=match.group("date").strip(), rest=rest,
                    form="lead" if rest else "date") if published else None


def yearless_line(line: str) -> DateLine | None:
    """A card line led by a date without a year (`5-31 | text`): the date is kept as text only."""
    match = _YEARLESS.match(line)
    if not match or not match.group("rest"):
        return None
    return DateLine(published=None, date_text=match.group("date"), rest=match.group("rest").strip(), form="lead")


def issued_on(line: str, order: Order | None = None) -> DateLine | None:
    """The date of a `... issued by X on 29 September 2023` line, else None."""
    match = re.search(rf"\b(?:issued|published|released|posted|dated)\b[^.]{{0,80}}?\bon\s+(?P<date>{DATE_PATTERN})",
                      line, re.IGNORECASE)
    if not match:
        return None
    date_match = _DATE.fullmatch(match.group("date"))
    published = _read(date_match, order) if date_match else None
    return DateLine(published=published, date_text=match.group("date")) if published else None


# A page that states the order of its numeric dates: a format (`MM/DD/YYYY`, `dd.mm.yy`) or words (`dates read month,
# day, year`, `day-month-year`).
_STATED_ORDER = re.compile(
    r"(?P<mdy>\bmm[/.-]dd[/.-](?:yyyy|yy)\b|\bmonth[\s,/-]+(?:then\s+)?day[\s,/-]+(?:and\s+|then\s+)?year\b)"
    r"|\bdd[/.-]mm[/.-](?:yyyy|yy)\b|\bday[\s,/-]+(?:then\s+)?month[\s,/-]+(?:and\s+|then\s+)?year\b",
    re.IGNORECASE)


def numeric_order(texts: Iterable[str], hint: str | None = None) -> Order | None:
    """The page's order of numeric dates: its own evidence first (a day above 12), then what it states (`Date
    format: MM/DD/YYYY`), then its language or host (`en-GB`, `.co.uk`: day first; `en-US`, `.gov`: month first);
    None when nothing tells."""
    day_first = month_first = numeric = 0
    pattern = re.compile(rf"{_NUMERIC}|{_SHORT}")
    texts = list(texts)
    for text in texts:
        for match in pattern.finditer(text):
            a = int(match.group("na") or match.group("sa"))
            b = int(match.group("nb") or match.group("sb"))
            day_first += a > 12 >= b
            month_first += b > 12 >= a
            numeric += 1
    if day_first != month_first:
        return "DMY" if day_first > month_first else "MDY"
    # `Date format: MM/DD/YYYY`, `dates read month, day, year`: what the page says, read only where it has numeric
    # dates that their days do not order
    said = next((found for text in texts if (found := _STATED_ORDER.search(text))), None) if numeric else None
    return ("MDY" if said.group("mdy") else "DMY") if said is not None else order_from_hint(hint)


def order_from_hint(hint: str | None) -> Order | None:
    """Day-first or month-first from a page's language tag (`en-GB`) or host (`www.ncl.ac.uk`), when either tells."""
    if not hint:
        return None
    hint = hint.strip().lower().replace("_", "-")
    if "." in hint:  # a host name: its top-level domain
        if hint.endswith((".gov", ".mil", ".us")):
            return "MDY"
        return "DMY" if hint.rsplit(".", 1)[-1] in settings.DAY_FIRST_DOMAINS else None
    if hint == "en-us":
        return "MDY"
    if hint.startswith("en-"):
        return "DMY" if hint[3:] in settings.DAY_FIRST_DOMAINS else None
    return None if hint == "en" else "DMY"  # the locales of other languages write the day first
