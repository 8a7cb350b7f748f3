"""Publication dates: find a date line, parse it strictly (English, absolute, with a year)."""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from dateparser.date import DateDataParser

from . import settings

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
# Every date form newsrooms print with a year. Dates without a year are never publication dates.
DATE_PATTERN = (
    rf"(?:{_WEEKDAY}(?:{_MONTH},?\s+{_DAY},?\s+{_YEAR}"
    rf"|{_DAY}\s+{_MONTH},?\s+{_YEAR}"
    rf"|{_MONTH},?\s+{_YEAR}(?!\d))"
    rf"|{_YEAR}-[01]\d-[0-3]\d"
    rf"|[0-3]?\d[-/.][01]?\d[-/.]{_YEAR}"
    rf"|[01]?\d/[0-3]?\d/{_YEAR})"
)
_DATE = re.compile(DATE_PATTERN, re.IGNORECASE)
_LEAD = re.compile(
    r"^[\s\-–—•·*|>]*(?:(?:posted|published|released|issued|dated?)(?:\s+on)?\s*:?\s+"
    r"|by\s+[^|•·–—\d]{2,60}?\s*[|•·–—,]\s*(?:(?:posted|published)(?:\s+on)?\s*:?\s*)?)?",  # "By Jane Doe | March 3, 2021"
    re.IGNORECASE,
)
# A time after the date ("March 3, 2021 10:00 AM EST", "at 4:47pm") says nothing about the card.
_TIME_AFTER = re.compile(r"^(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?$", re.IGNORECASE)
_SEPARATOR = re.compile(r"^\s*(?:[•·|–—:/]|-{1,2}|\s)\s*")
_BYLINE = re.compile(r"^by\s+[A-Z][\w.’' -]{1,60}$")
_NUMERIC = re.compile(r"^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$")
# A dateline opens a release: `NEW YORK (April 26, 2024) –`, `ROME/NEW YORK, 26 May 2024 –`,
# `REDMOND, Wash. — Aug. 25, 2006 —`. The date in it is the publication date.
_DATELINE = re.compile(
    rf"^(?P<place>[A-Z][A-Za-z.'’-]*(?:[ /][A-Z][A-Za-z.'’-]*){{0,4}}(?:,\s*[A-Z][A-Za-z.]{{1,12}}){{0,2}})"
    rf"\s*(?:[(\[]|,|[–—-]+)?\s*(?P<date>{DATE_PATTERN})\s*[)\]]?\s*(?:[–—:]|-{{1,2}}|$)\s*(?P<rest>.*)$",
)
_ISSUED_ON = re.compile(
    rf"\b(?:issued|published|released|posted|dated)\b[^.]{{0,80}}?\bon\s+(?P<date>{DATE_PATTERN})", re.IGNORECASE
)
_MONTH_ONLY = re.compile(rf"^{_MONTH},?\s+{_YEAR}$", re.IGNORECASE)
_WORDY = re.compile(
    rf"^{_WEEKDAY}(?:(?P<m1>[A-Za-z]+)\.?,?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>[A-Za-z]+)\.?,?\s+(?P<y2>\d{{4}}))$",
    re.IGNORECASE,
)
_MONTH_NUMBERS = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")], start=1)
    for name in names
}


@dataclass(frozen=True, slots=True, kw_only=True)
class DateLine:
    """A line that starts with a date: the date, and what follows it on the line."""

    published: dt.date | None  # None for a date printed without its year: never guessed
    date_text: str
    rest: str  # text after the date and its separator: a kind label, a title, or nothing


@functools.cache
def _parser() -> DateDataParser:
    # One reused parser; English only, absolute dates only: relative words never become dates.
    return DateDataParser(
        languages=settings.DATE_LANGUAGES,
        settings={
            "STRICT_PARSING": True,
            "REQUIRE_PARTS": ["day", "month", "year"],
            "PARSERS": ["custom-formats", "absolute-time"],
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )


@functools.lru_cache(maxsize=65_536)
def parse_date(text: str, today: dt.date | None = None) -> dt.date | None:
    """Parse one date string strictly; None when it is not a full, plausible calendar date."""
    text = text.strip().rstrip(".,")
    numeric = _NUMERIC.match(text)
    if numeric:
        first, _sep, second, year = numeric.groups()
        a, b, y = int(first), int(second), int(year)
        # Dashes and dots are day-first (ICRC, EU); slashes month-first unless impossible.
        day, month = (b, a) if numeric.group(2) == "/" and a <= 12 else (a, b)
        try:
            parsed = dt.date(y, month, day)
        except ValueError:
            return None
    elif (wordy := _WORDY.match(text)) and (month := _MONTH_NUMBERS.get(
            (wordy.group("m1") or wordy.group("m2")).lower())):
        # "March 4, 2021", "29 APRIL 2022", "Sept. 3, 2020": read directly, dateparser's work for one
        # calendar lookup (it is most of the split stage's time).
        try:
            parsed = dt.date(int(wordy.group("y1") or wordy.group("y2")), month,
                             int(wordy.group("d1") or wordy.group("d2")))
        except ValueError:
            return None
    else:
        if _MONTH_ONLY.match(text):
            return None
        data = _parser().get_date_data(text)
        if data is None or data.date_obj is None or data.period != "day":
            return None
        parsed = data.date_obj.date()
    today = today or dt.date.today()
    if parsed.year < settings.EARLIEST_DATE_YEAR or parsed > today + dt.timedelta(days=1):
        return None
    return parsed


def date_line(line: str) -> DateLine | None:
    """Return the DateLine when the line starts with a full date (after any bullet), else None."""
    stripped = _LEAD.sub("", line)
    match = _DATE.match(stripped)
    if not match:
        return None
    published = parse_date(match.group(0))
    if published is None:
        return None
    rest = stripped[match.end():]
    if rest and rest[0].isalnum() and not rest.startswith(" "):
        return None  # "2019-01-08T10" or "8, 2019abc": not a date line
    rest = _SEPARATOR.sub("", rest, count=1).strip() if rest.strip() else ""
    if _BYLINE.match(rest) or _TIME_AFTER.match(rest):
        rest = ""  # "Posted on March 3, 2021 by Press Office", "... 10:00 AM": not part of the card
    return DateLine(published=published, date_text=match.group(0), rest=rest)


def unparsed_date(line: str) -> str | None:
    """The date-shaped text a line starts with when it is no calendar date (`February 31, 2019`), else None."""
    match = _DATE.match(_LEAD.sub("", line))
    return match.group(0) if match and parse_date(match.group(0)) is None else None


_YEARLESS = re.compile(
    rf"^[\s•·*-]*(?P<date>(?:[01]?\d[-/.][0-3]?\d|{_MONTH}\s+{_DAY}|{_DAY}\s+{_MONTH}))\s*[|•·–—]\s*(?P<rest>\S.*)$",
    re.IGNORECASE,
)


def yearless_line(line: str) -> DateLine | None:
    """A card line led by a date without a year (`5-31 | text`): the date is kept as text only."""
    match = _YEARLESS.match(line)
    if not match:
        return None
    return DateLine(published=None, date_text=match.group("date"), rest=match.group("rest").strip())


def dateline(line: str) -> DateLine | None:
    """Return the DateLine of a release's opening dateline (`NEW YORK (May 3, 2021) – text`), else None."""
    match = _DATELINE.match(line)
    if not match or not match.group("place")[:1].isupper():
        return None
    published = parse_date(match.group("date"))
    if published is None:
        return None
    return DateLine(published=published, date_text=match.group("date"), rest=match.group("rest").strip())


def issued_on(line: str) -> DateLine | None:
    """The date of a `... issued by X on 29 September 2023` line, else None."""
    match = _ISSUED_ON.search(line)
    published = parse_date(match.group("date")) if match else None
    if published is None:
        return None
    return DateLine(published=published, date_text=match.group("date"), rest="")


def find_dates(text: str) -> list[tuple[dt.date, int, int]]:
    """Every full date in a text, with its character span."""
    found = []
    for match in _DATE.finditer(text):
        parsed = parse_date(match.group(0))
        if parsed:
            found.append((parsed, match.start(), match.end()))
    return found
