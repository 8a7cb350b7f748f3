"""What each line of a page is: a date, a kind label, a title, a teaser, or page furniture."""
from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from . import settings
from .dates import (
    DATE_PATTERN,
    MONTH_NUMBERS,
    POSTED,
    DateLine,
    Order,
    date_line,
    dated_under,
    dateline,
    event_days,
    foreign_date_line,
    parse_date,
    trailing_date,
    yearless_line,
)

_WORDS = tomllib.loads((Path(__file__).with_name("layout_words.toml")).read_text(encoding="utf-8"))
KIND_LABELS: dict[str, str] = {**_WORDS["kinds"], **_WORDS["kinds_alone"]}
# A label of several words may follow the organisation's name (`Harbour Trust USA Press
# Release`); a one-word label must stand alone (`Free Speech` is a topic, not a speech).
_KIND_LINE = re.compile(
    r"^(?:(?:[\w’'.&-]+\s+){0,4}(" + "|".join(map(re.escape, sorted(_WORDS["kinds"], key=len, reverse=True)))
    + r")|(" + "|".join(map(re.escape, sorted(_WORDS["kinds_alone"], key=len, reverse=True)))
    + r"))s?(?:\s+(?:n[°o]\.?\s*)?[\d/.–-]+)?\s*:?$",
    re.IGNORECASE,
)
_CHROME_PHRASES = frozenset(_WORDS["chrome"]["phrases"])
_CHROME = re.compile(
    "|".join(f"^(?:{p})" for p in _WORDS["chrome"]["openings"] + _WORDS["chrome"]["ends"]) + "|"
    + "|".join(_WORDS["chrome"]["anywhere"])
    + r"|^(?:\W|\d)*$",  # bullets, rules and pagination digits
    re.IGNORECASE,
)
_PAGE_HEADING = re.compile(r"^(?:" + "|".join(map(re.escape, _WORDS["headings"]["openings"])) + r")\b",
                           re.IGNORECASE)
_BLURB = re.compile(r"^(?:" + "|".join(map(re.escape, _WORDS["headings"]["blurbs"])) + r")\b", re.IGNORECASE)
_END = re.compile("|".join(f"^(?:{p})" for p in _WORDS["chrome"]["ends"]), re.IGNORECASE)
_TRIM = " \t.:;,!?»«›‹>|•·*–—-()[]"
_MENU_BAR = re.compile(r"\s[|•·/]\s")
_SENTENCE_END = re.compile(r"[.!?…\"”’):;]$|\.\.\.$")  # `… had the following reaction:` is running text too
# A full stop (or an ellipsis) ends running text; a headline may end with `?` or `!` but seldom with a stop.
# A photo credit inside a line makes it a caption: `Marchers in the capital. (Photo: Staff)`.
_CREDIT = re.compile(r"[(\[]\s*(?:photo|image|picture|credit)s?\b[^)\]]*[)\]]|\b(?:photo|image) credit\b",
                     re.IGNORECASE)
_MONTH_HEADING = re.compile(
    r"^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|"
    r"nov(?:ember)?|dec(?:ember)?)\.?,?\s+(?:19|20)\d\d$", re.IGNORECASE)
# After a date: a count, a lower-case word, a bracket or a reference number (`Ref: 21/043`, `No. 12/2021`) is the
# line's meta, not a title.
_META_REST = re.compile(r"^(?:\d|[a-z(\[]|(?i:ref(?:erence)?|no|nr)\b\.?:?\s*\S*\d)")
_FULL_STOP = re.compile(r"(?:[.…]|\.\.\.)[\"”’)]?$")
_ABBREVIATION_AT_END = re.compile(r"(?:\b(?:[A-Z]\.){2,}|\b(?:Inc|Ltd|Co|Corp|Jr|Sr|St|Dr|No|vs)\.)$")  # `the U.S.`
_STATEMENT_TITLE = re.compile(
    r"^(?:joint\s+)?statement\s+(?:by|from|attributable\s+to)\b",
    re.IGNORECASE)


# Invisible characters that split or glue words in published text: soft hyphens, zero-width spaces
# and joiners, word joiners, byte-order marks. They are removed; every kind of space becomes one space.
_SHORT_DATE_AT_END = re.compile(r"\S(?:\s*(?:,|[|–—·•.…-])|\s+of)\s*\d{1,2}([/.])\d{1,2}\1\d\d$"
                                # or opens it, after a label too (`Published 04.03.21. The trust …`)
                                rf"|^(?i:{POSTED}(?:\s+on)?:?\s+)?"
                                r"\d{1,2}([/.])\d{1,2}\2\d\d\b")
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
_SPACE = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# At the end of a heading, a label of several words, or a one-word label in the plural (`… Statements`;
# `Free Speech` is a topic).
_KIND_SUFFIX = re.compile(
    r"(?:^|\s)(?:(" + "|".join(map(re.escape, sorted(_WORDS["kinds"], key=len, reverse=True)))
    + r")s?|(" + "|".join(map(re.escape, sorted(_WORDS["kinds_alone"], key=len, reverse=True))) + r")s)\s*:?$",
    re.IGNORECASE)


def clean_line(line: str) -> str:
    """Normalise one line of text: NFC, no invisible or control characters, one space between words."""
    line = _INVISIBLE.sub("", unicodedata.normalize("NFC", line))
    line = _CONTROL.sub("", line)
    return _SPACE.sub(" ", line.replace("\n", " ").replace("\r", " ")).strip()


def is_bare_kind(text: str) -> bool:
    """True for a kind label standing alone (`Press Release`, `Statements`), not a headline ending with one."""
    label = text.strip(" :|•·-–—").lower()
    return label in KIND_LABELS or (label.endswith("s") and label[:-1] in KIND_LABELS)


def kind_suffix(text: str) -> str | None:
    """The kind a short label ends with (`Announcement Plenary Statements`, `media release`), else None."""
    if len(text) > settings.KIND_LINE_MAX_CHARS:
        return None
    match = _KIND_SUFFIX.search(text.strip())
    return KIND_LABELS.get((match.group(1) or match.group(2)).lower()) if match else None


def kind_of(line: str) -> str | None:
    """The canonical kind of a kind line (`Press Release`, `Sheet of paper Report`), else None."""
    line = line.strip(" •·|-–—:")
    if len(line) > settings.KIND_LINE_MAX_CHARS:
        return None
    match = _KIND_LINE.match(line)
    if not match:
        return None
    label = (match.group(1) or match.group(2)).lower()
    whole = line[:match.end(1)].lower() if match.group(1) else label
    if whole != label and whole in KIND_LABELS:
        label = whole  # `Joint statement`: the whole phrase is a label
    elif match.group(1) and match.start(1) > 0 and line[:1].isupper() and match.group(1)[:1].islower():
        return None  # `Café statement` is a phrase; after capitalised words a label is capitalised too
    return KIND_LABELS.get(label) or KIND_LABELS.get(label.rstrip("s"))


def is_chrome(line: str) -> bool:
    """True for page furniture: navigation, sharing, contact lines, `Read more`, pagination."""
    if len(line) > settings.CHROME_MAX_CHARS:
        return False  # furniture is short; a paragraph that mentions a phone number is still text
    if line.strip(_TRIM).lower() in _CHROME_PHRASES or _CHROME.search(line.strip()):
        return True
    # Pagination and menus of furniture words between bars or after page numbers (`« Previous | Next »`,
    # `1 2 3 Next »`).
    parts = [part.strip(_TRIM + "0123456789 ").lower() for part in _MENU_BAR.split(line)]
    return any(parts) and all(not part or part in _CHROME_PHRASES for part in parts)


def is_teaser(line: str) -> bool:
    """A line that reads as running text: long, or a sentence."""
    return len(line) >= settings.TEASER_MIN_CHARS_UNPUNCTUATED or (
        len(line) >= settings.TEASER_MIN_CHARS and bool(_SENTENCE_END.search(line)))


def is_title(line: str) -> bool:
    """A line that could be a headline: short enough, not furniture, a label, a date, a lead-in or a caption."""
    return (
        3 <= len(line) <= settings.TITLE_MAX_CHARS and not is_chrome(line) and kind_of(line) is None
        and not _CREDIT.search(line) and _mostly_words(line)
        and date_line(line) is None and not line.endswith(":")
        and not (len(line) > settings.SENTENCE_TITLE_MAX_CHARS and line.endswith("."))
    )


def ends_with_full_stop(line: str) -> bool:
    """True when a line ends like running text: a full stop (not an abbreviation's) or an ellipsis."""
    return bool(_FULL_STOP.search(line)) and not _ABBREVIATION_AT_END.search(line)


def _mostly_words(line: str) -> bool:
    """Letters make up most of it (`N° 49–2022`, `12/0034-B` are codes, not headlines)."""
    visible = [ch for ch in line if not ch.isspace()]
    return sum(ch.isalpha() for ch in visible) * 2 >= len(visible) and bool(re.search(r"[^\W\d_]{3}", line))


def is_kind_and_date(line: str) -> bool:
    """A line with two fields, a kind label and a date (`Statement – June 3, 2021`, `3 May 2021 | News`)."""
    found = _line(0, line, None, False)
    return found.kind is not None and found.date is not None


# Labels of a date that is not the publication: the page's edit (layout_words.toml, later_dates).
LATER_LABELS = frozenset(_WORDS["later_dates"]["labels"])
LABEL_WORDS = re.compile(r"[^\W\d_]{2,}")
_ANY_DATE = re.compile(rf"(?P<date>{DATE_PATTERN})", re.IGNORECASE)
_POST_FACT = re.compile("|".join(f"^(?:{p})$" for p in _WORDS["post_facts"]["patterns"]), re.IGNORECASE)


_EVENT_FIELD = re.compile(r"^(?:" + "|".join(map(re.escape, _WORDS["event_fields"]["labels"])) + r")\s*:\s*\S",
                          re.IGNORECASE)


# A line that is a byline: who wrote the card, and their post (`Words by Jane Roe, Communications Officer`).
_BYLINE_LINE = re.compile(r"^(?:(?:Words|Text|Story|Report|Reporting|Photos?|Pictures?|Written|Posted)\s+by|By|"
                          r"(?:Author|Authors|Writer|Contributor)s?\s*:)\s+"
                          r"(?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w.'’-]*(?:\s*[,|–—]\s*[^.]{0,60})?$")
# A browser prints the day and minute of printing at each sheet's head (`07/07/2025, 14:27  Newsroom | Org`).
_PRINT_STAMP = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}\b")


def is_page_heading(text: str) -> bool:
    """The page's own heading or blurb (`Press releases and statements`, `Latest news from …`): no card's line."""
    if len(text.split()) <= settings.PAGE_HEADING_MAX_WORDS and (
            _PAGE_HEADING.match(text) is not None or _kinds_heading(text)):
        return True
    return len(text.split()) <= settings.PAGE_BLURB_MAX_WORDS and _BLURB.match(text) is not None


def _kinds_heading(text: str) -> bool:
    """`Press releases and statements`, `News & events`: kinds in the plural joined, a section's heading."""
    parts = [p for p in _KIND_JOINS.split(text.strip(_TRIM).lower()) if p]
    return len(parts) >= 2 and all(is_bare_kind(p) and (p.endswith("s") or p == "news") for p in parts)


_KIND_JOINS = re.compile(r"\s*(?:,|&|\band\b)\s*")


def is_event_field(text: str) -> bool:
    """`When: Saturday 7 October, 18:45`, `Where: the town hall`: a field of an advisory's event, in its text."""
    return _EVENT_FIELD.match(text.strip()) is not None


def _edit_date(text: str) -> bool:
    """`Updated 4 March 2021`, `(last revised 4/3/2021)`: the date of an edit alone on its line, never the card's."""
    date = _ANY_DATE.search(text)
    if date is None or len(text) > settings.DATE_BLOCK_MAX_CHARS:
        return False
    label = LABEL_WORDS.findall(text[:date.start()].lower())
    return 0 < len(label) <= 3 and bool(LATER_LABELS.intersection(label)) and not text[date.end():].strip(_TRIM)


def is_post_fact(text: str) -> bool:
    """A post's reading time or count of views, alone (`⏱ 3 min`, `Reading time: 4 minutes`): never a title."""
    return _POST_FACT.match(text.strip(_TRIM)) is not None


_REFERENCE = re.compile("|".join(f"^(?:{p})$" for p in _WORDS["references"]["patterns"]), re.IGNORECASE)


def is_reference(text: str) -> bool:
    """A release's reference number (`Ref. KTM/PR/2021/044`, `No. 44/21`): a code, never a headline."""
    return bool(_REFERENCE.match(text.strip(_TRIM)))


_MID_PHRASE = re.compile(r"\b(?:" + "|".join(map(re.escape, _WORDS["wrap"]["mid_phrase"])) + r")$", re.IGNORECASE)


def ends_mid_phrase(line: str) -> bool:
    """True when a line ends on a word no headline or sentence ends on (`the`, `of`, `with`): it goes on."""
    return bool(_MID_PHRASE.search(line))


def is_headline(line: str) -> bool:
    """A title that does not end like running text: a headline however long (UN headlines run past 150
    characters), where a line ending with a full stop is a teaser."""
    return is_title(line) and not ends_with_full_stop(line)


def unprinted_kind(title: str | None) -> str:
    """The kind of a card with no kind line: the label its title opens with (`Comment: …`, `Statement:
    …`), a statement when its title says so (`Statement by …`), else a press release."""
    if not title:
        return "press_release"
    prefix = title.split(":", 1)[0] if ":" in title[:settings.KIND_LINE_MAX_CHARS // 2] else ""
    if prefix and is_bare_kind(prefix):
        return kind_of(prefix) or "press_release"
    return "statement" if _STATEMENT_TITLE.match(title) else "press_release"


@dataclass(frozen=True, slots=True, kw_only=True)
class Line:
    """One line of a page and what it can be."""

    index: int
    text: str
    date: DateLine | None = None  # the card date the line carries, in any form
    anchor: str | None = None  # date, lead, trail, dateline, yearless: how the line carries its date
    kind: str | None = None  # the kind label the line is, or carries beside its date
    heading: bool = False  # a section heading (`Press releases`, `Events`): sets the kind of the cards below
    chrome: bool = False
    end: bool = False  # an end marker (`###`, `-ENDS-`, `For more information …`): the card above it ends here
    label: bool = False  # a short line repeated on the page (`Read more`, a topic tag): never a title
    title: bool = False
    teaser: bool = False
    sentence: bool = False  # ends like a sentence (a full stop, a closing quote, an ellipsis)
    repeated: bool = False  # the same text stands elsewhere on the page: each card has its own headline

    @property
    def published_known(self) -> bool:
        """The line's date has a year (a year-less date is kept as text only)."""
        return self.date is not None and self.date.published is not None

    @property
    def rest(self) -> str:
        """The text the line carries besides its date."""
        if self.date is None:
            return self.text
        return self.date.before if self.anchor == "trail" else self.date.rest


def has_short_date(line: str) -> bool:
    """A line that ends (or opens) with a two-digit-year date after a separator (`Statement · 31.12.03`)."""
    return bool(_SHORT_DATE_AT_END.search(line))


def prints_short_years(blocks: Sequence[str]) -> bool:
    """True when the page prints a column of two-digit-year dates at its lines' ends or starts (`Title, 20/09/16`,
    `Title ..... 04.11.08`, `19/04/18 – Title`): there, such a date is one."""
    return sum(1 for b in blocks if has_short_date(b)) >= settings.SHORT_YEAR_MIN_LINES


def classify(blocks: Sequence[str], order: Order | None = None, language: str | None = None,
             plain: bool = True) -> list[Line]:
    """Classify every line of a page once; repeated short lines are labels, not titles. A page in another
    `language` (ISO 639-1) has its dates read in that language too (`4. März 2021`)."""
    counts = Counter(b.strip().lower() for b in blocks)
    # Two-digit years open or end a line's words only where the page prints a column of them (`Title, 20/09/16`,
    # `19/04/18 – Title`).
    short = prints_short_years(blocks)
    lines = [_line(i, text, order, counts[text.strip().lower()] >= 2, short, language, plain)
             for i, text in enumerate(blocks)]
    for n in range(len(lines) - 1):
        # A date printed a part to a line, as a calendar badge (`Mar` / `9` / `2015`, `28` / `Feb 2010`): one date
        # line, then furniture.
        for size in (3, 2):
            pieces = lines[n:n + size]
            if len(pieces) < size or not all(_is_date_piece(p) for p in pieces) \
                    or _YEAR_HEADING.match(pieces[0].text):  # (`2020` / `November` / `10`: an archive's headings)
                continue
            joined = _line(n, " ".join(p.text for p in pieces), order, False)
            if joined.anchor == "date" and joined.published_known:
                lines[n] = Line(index=n, text=joined.text, date=joined.date, anchor="date")
                for k in range(n + 1, n + size):
                    lines[k] = Line(index=k, text=lines[k].text, chrome=True)
                break
    _date_under_headings(lines)
    for n in _other_date_fields(lines):
        lines[n] = Line(index=n, text=lines[n].text, label=True)
    for n in range(1, len(lines)):
        # `Issue Areas:` then `Voting Rights`: the value of a furniture label is furniture too.
        if lines[n - 1].chrome and lines[n - 1].text.endswith(":") and _is_label_value(lines[n]):
            lines[n] = Line(index=n, text=lines[n].text, chrome=True)
    return lines


def _date_label(line: Line) -> str | None:
    """The label of a line that is a labelled date (`Entries close: 23 Oct. 2019` → `entries close`, `Posted: 8 Sep.
    2019` → ``), else None."""
    if line.date is None or line.kind or line.anchor not in {"date", "trail"}:
        return None
    before = line.date.before.strip()
    if line.anchor == "date":
        return before.lower()  # `Posted:` is read with the date (no label left); `Deadline:`, one word, is kept
    colon = _colon_after(line.text, before)
    return before.lower() if colon and 0 < len(before.split()) <= settings.LABEL_MAX_WORDS else None


def labelled_dates(blocks: Sequence[str]) -> set[int]:
    """The blocks that are other dates of a card under their labels (`Entries close: 23 Oct. 2019` beside `Posted:
    8 Sep. 2019`): fields of the card, never its headline nor a headline's end."""
    # (only a line with a colon and a digit can be one, so only those and the lines beside them are classified)
    candidates = {n for n, text in enumerate(blocks) if ":" in text and any(ch.isdigit() for ch in text)}
    if not candidates:
        return set()
    near = {m for n in candidates for m in (n - 1, n, n + 1) if 0 <= m < len(blocks)}
    lines = [_line(n, text, None, False) if n in near else Line(index=n, text=text) for n, text in enumerate(blocks)]
    return _other_date_fields(lines)


def _other_date_fields(lines: list[Line]) -> set[int]:
    """A card that prints several dates, each under its own label (`Posted: …` / `Entries close: …` / `Event date:
    …`): a labelled date beside a date with another label is a field of the card, never its headline. (Beside one
    with the same label, `Weekly update: 4 March` over `Weekly update: 11 March`, each is a card's title.)"""
    labels = [_date_label(line) for line in lines]
    return {n for n, label in enumerate(labels) if label
            and any(0 <= m < len(lines) and labels[m] is not None and labels[m] != label for m in (n - 1, n + 1))}


_YEAR_HEADING = re.compile(r"^[\W_]*(?:year\s+)?((?:19|20)\d\d)[\W_]*$", re.IGNORECASE)
# A month's name alone heads its cards under a year's heading (`2004` / `JUNE` / `01  Title`, `August (2)`).
_MONTH_NAMES = "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True))
_MONTH_ALONE = re.compile(rf"^[\W_]*({_MONTH_NAMES})\.?(?:\s*\(\d+\))?[\W_]*$", re.IGNORECASE)


# A week's heading in an archive (`Week 23 · 4–10 June 2012`, `Week commencing Monday 12 January 2009`, `w/c 4 May
# 2021`): the days under it print no year of their own.
_WEEK_HEADING = re.compile(r"^\W*(?:week\s+(?:\d{1,2}\b|of\b|commencing\b|beginning\b|starting\b|ending\b)|w/c\b)",
                           re.IGNORECASE)
_YEAR_IN = re.compile(r"\b((?:19|20)\d\d)\b")


def _period(text: str) -> tuple[int | None, int | None] | None:
    """The year and month a heading of an archive names (`March 2021`, `MARCH 2021`), or its year alone (`2021`,
    `— 2021 —`, `Year 2004`), or its month alone (`JUNE`, `August (2)`: the year is the heading's above), else
    None."""
    if _MONTH_HEADING.match(text):
        words = text.replace(",", " ").split()
        return int(words[-1]), MONTH_NUMBERS.get(words[0].lower().rstrip("."))
    year = _YEAR_HEADING.match(text)
    if year:
        return int(year.group(1)), None
    month = _MONTH_ALONE.match(text)
    return (None, MONTH_NUMBERS[month.group(1).lower()]) if month else None


def _date_under_headings(lines: list[Line]) -> None:
    """Card lines that print their day (`04 | Title`) or day and month (`4 March – Title`) under a heading of their
    month, year or week: dated by the heading, as a reader dates them. One pass down the page."""
    year: int | None = None
    month: int | None = None
    for n, line in enumerate(lines):
        week = _WEEK_HEADING.match(line.text)
        if week is not None and (named := _YEAR_IN.findall(line.text)):
            year, month = int(named[0]), None  # `Week 23 · 4–10 June 2012`: a week's heading, no card's date
            lines[n] = Line(index=n, text=line.text, chrome=True)
            continue
        if (line.date is not None and line.anchor != "yearless") or line.kind:
            continue
        period = _period(line.text) if line.chrome or line.date is None else None
        if period is not None:
            year, month = (period[0] or year), period[1]
            continue
        if year is None or (line.chrome and line.date is None and not line.text[:1].isdigit()):
            continue
        found = dated_under(line.text, year, month)
        if found is not None:
            lines[n] = Line(index=n, text=line.text, date=found, anchor="lead" if found.rest else "date")


def _one_word_label(text: str, before: str) -> bool:
    """`Listed: 2005-09-18`, `Added: 4 March 2021`: one word and a colon before a date label the date; no headline
    is one word long."""
    words = before.split()
    return len(words) == 1 and words[0].isalpha() and _colon_after(text, before)


def _colon_after(text: str, before: str) -> bool:
    """Whether a colon follows the words before a line's date (`Entries close: …`): they label it."""
    return text.strip()[len(before):].lstrip().startswith(":")


def _is_date_piece(line: Line) -> bool:
    """A short line that may be one part of a date printed a part to a line (`04`, `MAR`, `September 2010`)."""
    return (len(line.text) <= settings.DATE_PIECE_MAX_CHARS or bool(_MONTH_HEADING.match(line.text))) \
        and line.date is None and not line.kind


def _is_label_value(line: Line) -> bool:
    return line.date is None and len(line.text.split()) <= settings.LABEL_MAX_WORDS \
        and not _SENTENCE_END.search(line.text)


@functools.lru_cache(maxsize=65_536)
def _line(index: int, text: str, order: Order | None, repeated: bool, short: bool = False,
          language: str | None = None, plain: bool = True) -> Line:
    if is_event_field(text) or event_days(text):
        return Line(index=index, text=text, label=True)  # an event's days or place: the card's text, not its date
    if repeated and _PRINT_STAMP.search(text) and len(text.split()) >= settings.PRINT_HEAD_MIN_WORDS:
        return Line(index=index, text=text, chrome=True)  # a printed page's running head: the day it was printed
    kind = kind_of(text)
    if kind is None and repeated and len(text.split()) <= settings.FUSED_KIND_MAX_WORDS:
        kind = kind_suffix(text.strip(" •·|-–—:"))  # `Service update` printed on card after card is a label
    if kind is not None:
        # A plural label (`Press releases`, `Events`) heads a section; a singular one heads a card.
        heading = text.strip(" :").lower().endswith("s") and not text.strip().lower().endswith(("news", "ss"))
        return Line(index=index, text=text, kind=kind, heading=heading)
    found, anchor = _card_date(text, order, short, plain)
    if found is None and language not in (None, "en"):
        found, anchor = _foreign_card_date(text, language)
    if found is None and (is_reference(text) or is_post_fact(text) or _edit_date(text)):
        return Line(index=index, text=text, chrome=True)
    if found is None and _BYLINE_LINE.match(text):
        return Line(index=index, text=text, label=True)  # `Words by Jane Roe, Press Officer`: the card's, no title
    if found is not None and anchor in {"trail", "dateline"} and is_chrome(found.before) \
            and not (anchor == "trail" and _PATH_STEP.search(found.before) and _fused_kind(found.before)):
        found = None  # `Related: Annual report – May 4, 2020`: a sidebar link, not a card (a path of its kinds is)
    if found is not None:
        if anchor == "dateline":  # (a kind label before the dateline is the card's kind: `UPDATE — TOWN, DATE — …`)
            return Line(index=index, text=text, date=found, anchor=anchor, kind=kind_of(found.before))
        fused = _fused_kind(found.rest) if found.rest else _fused_kind(found.before) if found.before else None
        if fused or (anchor in {"lead", "trail"} and not (found.rest or found.before).strip(_TRIM)) \
                or (anchor == "trail" and _one_word_label(text, found.before)):
            return Line(index=index, text=text, date=found, anchor="date", kind=fused)
        return Line(index=index, text=text, date=found, anchor=anchor)
    if is_chrome(text) or _MONTH_HEADING.match(text):  # `May 2013` heads a month of an archive
        return Line(index=index, text=text, chrome=True,
                    end=len(text) <= settings.CHROME_MAX_CHARS and bool(_END.match(text.strip())))
    if is_page_heading(text):
        return Line(index=index, text=text, heading=True)  # the page's heading or blurb: the first card starts below
    label = repeated and len(text) <= settings.LABEL_MAX_CHARS and len(text.split()) <= settings.LABEL_MAX_WORDS \
        and not _SENTENCE_END.search(text)
    return Line(index=index, text=text, label=label, title=not label and is_title(text), teaser=is_teaser(text),
                sentence=ends_with_full_stop(text), repeated=repeated)


def _kind_of_date(text: str, order: Order | None, short: bool = False) -> DateLine | None:
    """`Media release of 4 March 2022`: a kind label and its day joined by `of` (the label stands as `before`)."""
    labelled = _KIND_OF.match(text)
    if labelled is None or kind_of(labelled.group("kind")) is None:
        return None
    found = date_line(labelled.group("date"), order, short_years=short)
    return replace(found, before=labelled.group("kind")) if found is not None and not found.rest else None


_KIND_OF = re.compile(r"^(?P<kind>[^\d,|•·–—:]{2,40}?)\s+of\s+(?P<date>\S.*)$", re.IGNORECASE)


def _labelled_dateline(text: str, order: Order | None) -> DateLine | None:
    """`UPDATE — ORMESBY FOLD, 8 September 2008 — Places are free …`: a kind label, then a dateline opening the text
    (the label stands as the dateline's `before`, where the card's kind is read)."""
    labelled = _KIND_BEFORE_DATE.match(text)
    if labelled is None or kind_of(labelled.group("kind")) is None:
        return None
    found = dateline(labelled.group("date"), order)
    return replace(found, before=labelled.group("kind")) if found is not None and found.rest else None




def _fused_kind(text: str) -> str | None:
    """The kind printed beside a date on one line: a kind line, or a short phrase ending with a label in any
    case (`Media statement – June 3, 2021`, `Annual report | 2015-06-11`)."""
    bracketed = _IN_BRACKETS.match(text.strip())
    text = bracketed.group(1) if bracketed else text  # `3/12/16 (MEDIA STATEMENT)`
    kind = kind_of(text)
    if kind is None and len(text.split()) <= settings.FUSED_KIND_MAX_WORDS:
        kind = kind_suffix(text.strip(" •·|-–—:"))
    if kind is None and (field := _KIND_FIELD.search(text)) is not None:
        kind = kind_of(field.group(1))  # `Type: Blog · Date: 4 March 2021`: a labelled field names the kind
    if kind is None:
        # `Press › Updates › Service updates`: a path of sections, the card's kind its last step that names one
        kind = _kind_among(_PATH_STEP.split(text.strip())[::-1])
    if kind is None:
        kind = _kind_among(_FIELD_BREAK.split(text))  # `DATE — Press notice — Town`
    return kind


def _kind_among(fields: list[str]) -> str | None:
    """The kind the first of two or more short fields to name one names, else None."""
    if len(fields) < 2 or any(len(field.split()) > settings.META_FIELD_MAX_WORDS for field in fields):
        return None
    return next((kind for field in fields if (kind := kind_of(field) or kind_suffix(field))), None)


_PATH_STEP = re.compile(r"\s*[›»>]\s*")
_FIELD_BREAK = re.compile(r"\s[|•·–—-]\s")
_IN_BRACKETS = re.compile(r"^[(\[]([^()\[\]]+)[)\]]$")


_KIND_FIELD = re.compile(r"\b(?:type|category|kind|format)\s*:\s*([^|·•–—:]{2,40}?)\s*(?:[|·•–—]|\b\w+\s*:|$)",
                         re.IGNORECASE)


def _card_date(text: str, order: Order | None, short: bool = False,
               plain: bool = True) -> tuple[DateLine | None, str | None]:
    found = two_dates(text, order) or _kind_of_date(text, order, short) or _meta_fields_date(text, order)
    if found is not None:  # `Last updated: 1 Sep 2010 | First published: 23 Aug 2010`: the day, not the edit
        return found, "date"
    found = date_line(text, order, short_years=short or len(text) <= settings.SHORT_DATE_LINE_MAX_CHARS)
    if found is not None:
        if found.rest and ((_META_REST.match(found.rest) and len(found.rest.split()) <= settings.DATE_REST_MAX_WORDS)
                           or is_post_fact(found.rest)):
            return found, "date"  # `14/03/2021 37 views`, `3 May 2021 (updated)`, `· 5 min read`: a date and its meta
        return found, found.form
    found = dateline(text, order) or _labelled_dateline(text, order)
    if found is not None and LATER_LABELS.intersection(LABEL_WORDS.findall(found.before.lower())):
        found = None  # `Updated 4 March 2021`: an edit's label, not a dateline's place
    if found is not None and found.rest:
        return found, "dateline"
    if found is not None and (kind_of(found.before) or len(found.before.split()) <= settings.PLACE_MAX_WORDS):
        return found, "date"  # `Brussels, 3 May 2019`: a place beside the date; `Blog – 3 May 2019`: a kind
    # `Court Announces New Corridor (2017-04-18)`, `Update: DATE`
    # A headline that runs into its date is a plain text's habit; on an HTML page the markup set them apart, and its
    # text joins elements (`Notice on the timetable` `<span>May 3, 2023</span>`).
    found = trailing_date(text, order, colon=True, short_years=short) or (
        _run_on_date(text, order, short) if plain else None)
    if found is not None and _SENTENCE_THEN_LABEL.search(text) and not is_reference(found.before):
        found = None  # `The board met on Monday. Published 4 May 2021.`: a teaser's sentence, then the card's date
    if found is not None and len(found.before) >= 3:
        if is_reference(found.before) or is_post_fact(found.before):
            return found, "date"  # `PR 044/2021 · 4 March 2021`, `⏱ 3 min | DATE`: a number or a fact beside the date
        fields = _MENU_BAR.split(found.before)
        if len(fields) >= 2 and all(len(f.split()) <= settings.META_FIELD_MAX_WORDS for f in fields):
            return found, "date"  # `Jane Roe | Press office | DATE`: a byline's fields beside the date, no title
        return found, "trail"
    found = yearless_line(text)
    if found is not None:
        return found, "yearless"
    return None, None


def _meta_fields_date(text: str, order: Order | None) -> DateLine | None:
    """A post's line of meta fields around its date (`Written by Jane Roe, Press Officer | 28 Nov 2009 | Reading
    time: 4 minutes`, `Tue 09.07.2019 — by Jane Roe — 8 min`): the date, when every other field is a byline, a
    reading time or a count, or a kind."""
    if len(text) > settings.DATE_BLOCK_MAX_CHARS * 2 or _META_SEPARATOR.search(text) is None:
        return None  # most lines: no fields set apart, looked at no further
    fields = [f.strip() for f in _META_SEPARATOR.split(text) if f.strip()]
    if not 2 <= len(fields) <= settings.META_FIELDS_MAX:
        return None
    read = [(field, _field_date(field, order)) for field in fields]
    dates = [found for _field, found in read if found is not None]
    if len(dates) != 1:
        return None
    others = [field for field, found in read if found is None]
    meta = [f for f in others if _BYLINE_FIELD.match(f) or is_post_fact(f)]  # (a kind and a dateline alone: above)
    return dates[0] if meta and len(others) == len(fields) - 1 and all(f in meta or kind_of(f) for f in others) \
        else None


def _field_date(field: str, order: Order | None) -> DateLine | None:
    """A field that is a date alone, a weekday before it at most (`Tue 09.07.2019`)."""
    found = date_line(field, order) or dateline(field, order)
    return found if found is not None and not found.rest and len(found.before.split()) <= 1 else None


_META_SEPARATOR = re.compile(r"\s+[|•·–—]\s+")
_BYLINE_FIELD = re.compile(r"^(?:(?:written|posted|words|story|report|text)\s+)?by\s+\S", re.IGNORECASE)


_SENTENCE_THEN_LABEL = re.compile(rf"\.\s+{POSTED}\b", re.IGNORECASE)


# A kind label, a separator, then the rest (`Pressemitteilung | 4. März 2021`, `UPDATE — TOWN, DATE — text`).
_KIND_BEFORE_DATE = re.compile(r"^(?P<kind>[^|•·–—:\d]{2,40}?)\s*[|•·–—:]\s*(?P<date>\S.*)$")


def two_dates(text: str, order: Order | None) -> DateLine | None:
    """Of two dates on a line of labels, the one not labelled an edit: the first (`First published 8 April 2015 ·
    Last updated 28 April 2015`), or the second when the first is the edit (`Updated 5 May 2021 · Published 3 May
    2021`); None when the words before the first are more than a label (a headline naming a day)."""
    if len(text) > 2 * settings.DATE_BLOCK_MAX_CHARS:
        return None
    lowered = text.lower()
    if not any(label in lowered for label in LATER_LABELS):
        return None  # most lines name no edit: no need to look for two dates
    first = _ANY_DATE.search(text)
    second = _ANY_DATE.search(text, first.end()) if first is not None else None
    if first is None or second is None:
        return None
    label, between = text[:first.start()], LABEL_WORDS.findall(text[first.end():second.start()].lower())
    if len(LABEL_WORDS.findall(label)) > settings.DATE_REST_MAX_WORDS or len(between) > settings.DATE_REST_MAX_WORDS:
        return None
    if LATER_LABELS.intersection(between):
        pick = first
    elif LATER_LABELS.intersection(LABEL_WORDS.findall(label.lower())):
        pick, label = second, text[first.end():second.start()]  # the first date is the edit: the second is the day
    else:
        return None
    published = parse_date(pick.group("date").strip(), None, order)
    return DateLine(published=published, date_text=pick.group("date").strip(), before=label.strip(" |•·–—-,"),
                    form="date") if published else None


def _foreign_card_date(text: str, language: str) -> tuple[DateLine | None, str | None]:
    """A card's date written in the page's language (`4. März 2021`, `Pressemitteilung | 4. März 2021`, `4 de
    marzo de 2021 – Title`), and how its line carries it; else (None, None)."""
    found = foreign_date_line(text, language)
    if found is not None:
        if found.form == "dateline":
            return found, "dateline" if found.rest else "date"
        return found, "lead" if found.rest else "date"
    labelled = _KIND_BEFORE_DATE.match(text)
    if labelled and kind_of(labelled.group("kind")):
        found = foreign_date_line(labelled.group("date"), language)
        if found is not None and not found.rest and found.form == "date":
            return replace(found, before=labelled.group("kind"), form="trail"), "trail"
    return None, None


def is_date_field(text: str, short: bool = False) -> bool:
    """A line that is a card's date on its own (`Friday 2017.07.14`, `Brussels, 3 May 2019`, `Statement – DATE`),
    not the end of a headline that runs into its date (`Survey After Storms 30 December 2003`); `short` as in
    `title_with_date`."""
    line = _line(0, text, None, False, short)
    if line.kind is not None:
        return True
    if line.anchor != "date" or line.date is None:
        return False
    head = text[:text.find(line.date.date_text)].rstrip() if line.date.date_text in text else ""
    # a weekday or a place word alone before the date, or words set apart from it by a mark: the line is a date's
    return len(head.split()) <= 1 or head[-1:] in ",(|–—-:/"


def title_with_date(text: str, short: bool = False) -> DateLine | None:
    """The date a headline carries at its end (`Title | DATE`, `Title DATE`, `Title ..... DATE`), else None; with
    `short`, on a page of two-digit-year dates, such a date too."""
    if not _ENDS_LIKE_DATE.search(text) or date_line(text) is not None:
        return None  # no date at the end, or one at the start: no headline before a date
    line = _line(0, text, None, False, short)
    return line.date if line.anchor == "trail" and line.kind is None and is_title(line.rest) else None


_ENDS_LIKE_DATE = re.compile(r"(?:\d|\d\s*(?:[ap]\.?m\.?|[A-Z]{1,4})|\))\s*$", re.IGNORECASE)


def ends_like_date(text: str) -> bool:
    """A cheap first look: the line ends with a digit, a time's zone or a bracket, as a date at its end would."""
    return bool(_ENDS_LIKE_DATE.search(text))


def _run_on_date(text: str, order: Order | None, short: bool = False) -> DateLine | None:
    """A headline that runs into its date with no mark between, or reaches it by dot leaders (`Title 4 March 2021`,
    `Title ...... 4 March 2021`): only when the words before the date read as a headline of a few words, so a
    sentence that ends on a date stays running text."""
    if not _ENDS_LIKE_DATE.search(text):
        return None  # most lines end with a word or a stop: no date to look for along the line
    found = trailing_date(text, order, bare=True, short_years=short)
    if found is None and (glued := _GLUED_MONTH.search(text)) is not None:
        # `… back into gardensJun 21st, 2003`: a page's elements joined with no space, a month's name after a word
        found = trailing_date(f"{text[:glued.start() + 1]} {text[glued.start() + 1:]}", order, bare=True,
                              short_years=short)
    if found is None or len(found.before.split()) < settings.RUN_ON_TITLE_MIN_WORDS or not is_headline(found.before):
        return None
    return found


_GLUED_MONTH = re.compile(r"[a-z](?=(?:" + "|".join(sorted({w.capitalize() for w in MONTH_NUMBERS if w.isalpha()},
                                                            key=len, reverse=True)) + r")\b)")


_SIDEBAR_HEADINGS = tuple(_WORDS["sidebars"]["headings"])


def is_sidebar_heading(heading: str) -> bool:
    """A heading that names a side list (`Most read`, `Related stories`): its items are not the page's."""
    return heading.strip(_TRIM).lower().startswith(_SIDEBAR_HEADINGS)


_PAGE_NAMES = frozenset(_WORDS["page_names"]["names"])


def is_page_name(text: str) -> bool:
    """The name of a newsroom's page or section (`Press Room`, `Media Centre`), not a headline."""
    return text.strip(_TRIM).lower() in _PAGE_NAMES
