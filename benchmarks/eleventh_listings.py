"""An eleventh generator of plain-text listings, written without reading the splitter's rules and before anything
was changed for it: a "first seen" measurement.

    .venv/bin/python benchmarks/eleventh_listings.py [--pages 320] [--seed 111] [--show CONVENTION]

Fifteen card conventions that real newsrooms print in plain text (saved pages, converted PDFs, e-mail digests,
copied archives, text-only and print views) and that the earlier generators (unseen, fresh, fourth to tenth, and
the grammar in tests/listing_grammar.py) do not print in these wordings or layouts. sixth_listings.py's harness is
reused, as eighth to tenth reuse it, so the numbers compare: its Card, its run() and score_page (split F1, false
merges, date and kind of the found cards), its page headers, footers, days and habits of saving a page. Date
forms are tenth's (sixth's to ninth's and its own) and three more: `Thu, Mar 4, 2021`, `Thursday March 4 2021`
and `Thu 04.03.2021` (day first; every such page holds a day over 12). A lido trust, an island ferry cooperative,
a hospice, a community orchard, a youth choir, a repair café, a surf lifesaving club, common conservators, a
parish council, a bus users' group; invented towns and people. The conventions:

    dates in words   `the fourth of March, 2021`, `Thursday the fourth of March 2021`, `March the fourth, 2021`,
                     `the 4th day of March 2021`, `Thursday, March the 4th, 2021`, alone or after `Published on`,
                     `Issued` or `Dated`, over the title, under it or at the end of the card
    odd date orders  ordinals, weekdays and two-digit years in odd orders: `Thu 4th Mar '21`, `Thu, Mar 4th '21`,
                     `4th Mar, Thursday, 2021`, `Mar. 4th (Thu.) 2021`, `THU 4TH MAR '21`
    events           an events page: an `Event` label, the title, `Location:` / `Venue:` / `Place:`, a date range
                     (`12–14 March 2021`, `28 February – 3 March 2021`, `Fri 12 to Sun 14 March 2021`, across a
                     year's end too) or one day with its hours, and a `Posted` / `Listed` / `Added` date
    several dates    a release with its publication date and a closing date and an event date, on lines of their
                     own in the page's order, or on one line (`Published DATE | Deadline DATE | Event day DATE`)
    week headings    an archive under `Week commencing Monday 1 March 2021`, `w/c 1 March 2021`, `Week 9 · 1–7
                     March 2021` or `WEEK OF MARCH 1, 2021` headings; each card's day printed without its year
                     (`Thursday 4 March`, `Thu 4 Mar — Title`, `4 March (Thursday): Title`); a week may cross a
                     year's end (`w/c 28 December 2020` over `Saturday 2 January`)
    n of N           cards numbered as a slideshow or a paged archive: `3/12` or `3 / 12` over the title, `Item 3
                     of 12`, or `3/12 · Title` and `[3/12] Title` on the title line (counting on from a page's
                     offset); the counters look like day-and-month dates but have no year
    kind paths       a nested kind over the title or beside the date: `News › Press releases`, `Newsroom > Statements
                     > Joint statements`, `Media centre / Updates / Service updates`, `News » Blog`, `Press ::
                     In the media`
    quoted titles    headlines in quotes (`‘We will keep the pool open’, says …`, `"…," says …`, `Org: ‘…’`),
                     questions (`Is Tollbay ready for the summer crowds?`) and exclamations (`The lido is open!`)
    dated titles     headlines holding a date of their own (`Oakhanger Parish Council sets 1 April 2022 deadline
                     for …`, `Results of the 12 March 2019 members' ballot`, `… to reopen on Saturday 28 May 2022`)
    dated teasers    teasers that open with the day of an event, with its year (`On Sunday 28 February 2021,
                     volunteers …`, `Saturday 20 March 2021: …`, `From 1 to 14 July 2021 …`)
    two columns      a two-column page converted with its layout kept: two cards side by side, their lines set
                     in columns with a wide gutter, titles wrapped in the column, a kind line on some pages
    mail digest      a weekly e-mail digest: `From:`, `Date:`, `Subject:` (holding the digest's date), a greeting,
                     then items (title, `DATE · Kind` or the date, a teaser, `Read online: https://…`) between
                     `---` lines or `~ ~ ~`, an unsubscribe footer
    file notes       cards of a document library with `[PDF, 2 pages]`, `PDF · 2 pages · 184 KB` beside the date,
                     or `Download (PDF, 3 pages, 1.2 MB)` after the teaser; a kind line on some pages
    contact block    plain cards with a press-office block pinned between two of them (`PRESS OFFICE` / name and
                     role / `T:` and `M:` / `E:` / `Out of hours:`)
    text-only view   a site's text-only version: `Skip to content`, a `Text only | Full site` bar, a numbered list
                     of navigation links, `Press releases — page 1 of 14`, cards with `Published:` and a `Link:`
                     line, `End of main content` and the navigation again at the foot

Expected values follow /work/shared/gold/GUIDELINES.md, decided as follows:

- title: the title line as printed: quotes, question and exclamation marks and a date inside it kept; wrapped
  lines (in a column) joined by a space. An `n/N` counter, `[PDF, 2 pages]` and `Read online:` are not the
  title's words: the counter is a list number (as sixth's lettered items), the note is on a line of its own.
- date: the card's publication date, the one date a reader takes for it: the date line, `Published` / `Issued` /
  `Posted` / `Listed` / `Added`; a two-digit year is the year of its century (`'21` is 2021, as sixth reads
  `4 March '21`; every page's days fall in 2003-2024); a day printed without its year under a week heading takes
  the heading's year (the next year when the week crosses into January), as sixth's days under month headings do.
  Never an event's date or range, a closing date or deadline, a date inside the title or the teaser, a digest's
  own date, an `n/N` counter.
- kind: a printed kind line wins (`Event` an event, `Media statement` a statement, `Blog post` a blog, `In the
  media` media coverage); a kind path is read by its last, most particular step (`News › Press releases` a press
  release, `Newsroom > Statements > Joint statements` a statement, `News » Blog` a blog); on a digest, the kind
  after the date; with none, a press release (no title here opens `Statement by`).
- the digest's mail header, greeting and footer, the press-office block, the text-only view's navigation lists and
  week headings are page chrome: a record for one alone is a false positive.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import sixth_listings as six
import tenth_listings as ten
from sixth_listings import _MONTHS, _WEEKDAYS, Card

_ORGS = ["Ashwell Lido Trust", "Tollbay Island Ferry Cooperative", "Garrick Vale Hospice",
         "Marrowgate Community Orchard", "Pelham Rise Youth Choir", "Westerhope Repair Café",
         "Crannock Bay Surf Lifesaving Club", "Fenwick Common Conservators", "Oakhanger Parish Council",
         "Dunmere Bus Users' Group"]
_DOMAINS = {"Ashwell Lido Trust": "ashwell-lido", "Tollbay Island Ferry Cooperative": "tollbayferry",
            "Garrick Vale Hospice": "garrickvale", "Marrowgate Community Orchard": "marrowgate-orchard",
            "Pelham Rise Youth Choir": "pelhamchoir", "Westerhope Repair Café": "westerhope-repair",
            "Crannock Bay Surf Lifesaving Club": "crannockslsc", "Fenwick Common Conservators": "fenwickcommon",
            "Oakhanger Parish Council": "oakhanger-pc", "Dunmere Bus Users' Group": "dunmerebus"}
_DOINGS = ["reopens the pool after a winter of repairs", "adds a late sailing to the island timetable",
           "plants old local apple varieties along the lane", "opens a day room for visiting families",
           "takes its singers on a tour of the valley chapels", "mends its thousandth kettle",
           "brings two swimmers safely ashore off the north beach", "makes the first hay cut on the common",
           "agrees a new plan for the village green", "buys an electric minibus for the evening route",
           "heats the water with solar panels on the changing rooms", "names its new ferry after a retired skipper",
           "presses juice from the first harvest", "raises the money for a garden room",
           "lends tools to new allotment holders", "trains a new squad of beach lifeguards",
           "restores the dew pond on the common", "asks residents to choose a bus shelter design",
           "runs Sunday services into the winter", "welcomes a new head of nursing"]
# No tail ends in a digit or a date.
_TAILS = ["", "", "", "", "this summer", "for the first time", "after a long campaign", "with help from neighbours",
          "before the bank holiday"]
_SMALL = {"a", "an", "the", "of", "for", "on", "in", "with", "to", "at", "after", "by", "from", "its", "into",
          "along", "off", "before"}
_SENTENCES = [
    "Tickets can be bought at the kiosk or over the phone.",
    "The work was paid for by a bequest and a summer of cake sales.",
    "Volunteers will be on hand to answer questions all afternoon.",
    "The crossing takes about forty minutes in calm weather.",
    "Families can borrow a room for an hour without booking.",
    "Every repair is done for free by volunteers who know their trade.",
    "The club patrols the beach at weekends from May to September.",
    "Grazing cattle return to the common once the cut is finished.",
    "Councillors voted for the plan after a long evening of debate.",
    "Riders can ask the driver to stop anywhere safe along the lane.",
    "The choir rehearses in the school hall on Thursday evenings.",
    "A fuller account will be given at the annual meeting.",
    "Anyone with an old tree to spare is asked to call the office.",
    "The changing rooms have been rebuilt with step-free access.",
]
# Days printed without a year inside a teaser: never a publication date (GUIDELINES).
_DECOYS = ["Bookings open on 2 May.", "The next work party is on Sunday 11 June.",
           "Nominations close on 30 September."]
_QUOTES = ["We will keep the pool open", "Nobody should face this alone", "The ferry belongs to the island",
           "Fixing things is better than throwing them away", "Every tree here has a story",
           "The green is for everyone"]
_SPEAKERS = ["Ines Varga, chair of the trust", "Tobias Quarrie, the cooperative's skipper",
             "Morwenna Jast, head of care", "Lekan Ashdown, the orchard's warden",
             "Petra Vellacott, the choir's director", "Hamish Orrell, club captain"]
_WHO = ["says trust chair", "says skipper", "says head of care", "says parish clerk", "says club captain",
        "says orchard warden"]
_PEOPLE = ["Ines Varga", "Tobias Quarrie", "Morwenna Jast", "Lekan Ashdown", "Petra Vellacott", "Hamish Orrell",
           "Bryony Tesh"]
_ROLES = ["Media Manager", "Press Officer", "Communications Lead", "Head of Communications"]
_TOWNS = ["Ashwell", "Tollbay", "Garrick Vale", "Marrowgate", "Pelham Rise", "Westerhope", "Crannock Bay",
          "Fenwick", "Oakhanger", "Dunmere"]
_VENUES = ["the Old Net Loft, Quay Street", "Ashwell Lido, Park Road", "St Aldhelm's Hall, Church Lane",
           "the orchard gate, Marrowgate Lane", "Tollbay pier", "Fenwick Common car park", "the Institute, High Street"]
_NOUNS = ["old ferry", "lido", "dew pond", "evening bus", "repair café", "garden room", "village green",
          "night sailing"]
# Kind labels as printed, with the kind a reader expects (GUIDELINES).
_KINDS = {"Press release": "press_release", "News release": "press_release", "Media statement": "statement",
          "Report": "report", "Update": "update", "Blog post": "blog", "Event": "event",
          "In the media": "media_coverage"}
# Kind paths: a root, and leaves with the kind a reader takes from the last step.
_ROOTS = ["News", "Newsroom", "Media centre", "Press"]
_LEAVES = {"Press releases": "press_release", "News releases": "press_release", "Statements": "statement",
           "Statements › Joint statements": "statement", "Reports": "report", "Reports › Annual reports": "report",
           "Updates": "update", "Updates › Service updates": "update", "Blog": "blog",
           "Events › Open days": "event", "In the media": "media_coverage"}
_ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
             "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
             "eighteenth", "nineteenth", "twentieth", "twenty-first", "twenty-second", "twenty-third",
             "twenty-fourth", "twenty-fifth", "twenty-sixth", "twenty-seventh", "twenty-eighth", "twenty-ninth",
             "thirtieth", "thirty-first"]


def _nth(day: int) -> str:
    return six._nth(day)


def _long(d: dt.date) -> str:
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def _short(d: dt.date) -> str:
    """A month cut short with a full stop, May whole: `Mar.`, `May`, `Sep.`."""
    month = _MONTHS[d.month - 1]
    return month if len(month) <= 3 else f"{month[:3]}."


_OWN_FORMS: dict[str, Callable[[dt.date], str]] = {
    "abbrev-weekday-us": lambda d: f"{_WEEKDAYS[d.weekday()][:3]}, {_MONTHS[d.month - 1][:3]} {d.day}, {d.year}",
    "weekday-month-day-no-comma": lambda d: f"{_WEEKDAYS[d.weekday()]} {_MONTHS[d.month - 1]} {d.day} {d.year}",
    "weekday-dotted": lambda d: f"{_WEEKDAYS[d.weekday()][:3]} {d.day:02d}.{d.month:02d}.{d.year}",
}
FORMS: dict[str, Callable[[dt.date], str]] = {**ten.FORMS, **_OWN_FORMS}
_NUMERIC = ten._NUMERIC | {"weekday-dotted"}

# Dates written in words, and with ordinals, weekdays and two-digit years in odd orders.
_WORDS: list[Callable[[dt.date], str]] = [
    lambda d: f"the {_ORDINALS[d.day - 1]} of {_MONTHS[d.month - 1]}, {d.year}",
    lambda d: f"{_WEEKDAYS[d.weekday()]} the {_ORDINALS[d.day - 1]} of {_MONTHS[d.month - 1]} {d.year}",
    lambda d: f"{_MONTHS[d.month - 1]} the {_ORDINALS[d.day - 1]}, {d.year}",
    lambda d: f"the {_nth(d.day)} day of {_MONTHS[d.month - 1]} {d.year}",
    lambda d: f"{_WEEKDAYS[d.weekday()]}, {_MONTHS[d.month - 1]} the {_nth(d.day)}, {d.year}",
]
_ODD: list[Callable[[dt.date], str]] = [
    lambda d: f"{_WEEKDAYS[d.weekday()][:3]} {_nth(d.day)} {_MONTHS[d.month - 1][:3]} '{d.year % 100:02d}",
    lambda d: f"{_WEEKDAYS[d.weekday()][:3]}, {_MONTHS[d.month - 1][:3]} {_nth(d.day)} '{d.year % 100:02d}",
    lambda d: f"{_nth(d.day)} {_MONTHS[d.month - 1][:3]}, {_WEEKDAYS[d.weekday()]}, {d.year}",
    lambda d: f"{_short(d)} {_nth(d.day)} ({_WEEKDAYS[d.weekday()][:3]}.) {d.year}",
    lambda d: f"{_WEEKDAYS[d.weekday()][:3]} {_nth(d.day)} {_MONTHS[d.month - 1][:3]} '{d.year % 100:02d}".upper(),
]


@dataclass(slots=True)
class Style:
    """One page's habits, drawn once: every card on it is printed the same way."""

    rng: random.Random
    date: Callable[[dt.date], str]
    kinds: list[str]
    capitals: bool
    org: str
    fixed: dict[str, object] = field(default_factory=dict)

    def kind(self) -> str:
        return self.rng.choice(self.kinds)

    def pick(self, key: str, options: list):
        """The page's variant of a printed form, drawn the first time it is asked for and kept for every card."""
        if key not in self.fixed:
            self.fixed[key] = self.rng.randrange(len(options))
        return options[self.fixed[key]]

    def case(self, text: str) -> str:
        if self.capitals:
            return " ".join(w if w in _SMALL else w[:1].upper() + w[1:] for w in text.split())
        return text

    def title(self) -> str:
        while True:
            parts = [self.rng.choice(_ORGS), self.rng.choice(_DOINGS), self.rng.choice(_TAILS)]
            text = " ".join(p for p in parts if p)
            if len(text) <= 70:
                return self.case(text)

    def teaser(self, low: int = 1, high: int = 2) -> str:
        chosen = self.rng.sample(_SENTENCES, self.rng.randint(low, high))
        if self.rng.random() < 0.12:
            chosen.append(self.rng.choice(_DECOYS))
        if self.rng.random() < 0.2:
            chosen.append(f"“{self.rng.choice(_QUOTES)},” said {self.rng.choice(_SPEAKERS)}.")
        return " ".join(chosen)

    def url(self, title: str) -> str:
        return f"https://www.{_DOMAINS[self.org]}.example.org/news/{ten._slug(title)}"


def _arrange(s: Style, title: str, date: str, teaser: str, orders: list[str] | None = None) -> list[str]:
    """A card's title (T), date line (D) and teaser (X) in the page's order."""
    order = s.pick("order", orders or ["TDX", "DTX", "TXD"])
    return [{"T": title, "D": date, "X": teaser}[part] for part in order]


# --- card conventions: the lines of one card -----------------------------------------------------------------

def _words_date(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A date written in words, alone or after `Published on`, `Issued` or `Dated`."""
    title, teaser = s.title(), s.teaser()
    words = s.pick("words", _WORDS)(day)
    lead = s.pick("lead", ["", "", "Published on ", "Issued ", "Dated "])
    date = lead + words if lead else words[:1].upper() + words[1:]
    return _arrange(s, title, date, teaser), Card(title, day, "press_release")


def _odd_order(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """Ordinals, weekdays and two-digit years in odd orders (`Thu 4th Mar '21`); a kind line on some pages."""
    title, teaser = s.title(), s.teaser()
    date = s.pick("odd", _ODD)(day)
    if s.pick("label", [False, True]):
        label = s.kind()
        line = s.pick("joined", [f"{label} · {date}", f"{date} / {label}"])
        return _arrange(s, title, line, teaser), Card(title, day, _KINDS[label])
    return _arrange(s, title, date, teaser), Card(title, day, "press_release")


def _range(s: Style, start: dt.date) -> str:
    """An event's days: a range within a month, across months or years, or one day with its hours."""
    length = s.rng.choice([0, 1, 2, 2, 3, 6, 27])
    end = start + dt.timedelta(days=length)
    m1, m2 = _MONTHS[start.month - 1], _MONTHS[end.month - 1]
    if length == 0:
        return f"{_WEEKDAYS[start.weekday()]} {_long(start)}, {s.rng.choice(['10am–4pm', '7.30pm', '2pm to 5pm'])}"
    if start.year != end.year:
        return f"{_long(start)} – {_long(end)}"
    if start.month != end.month:
        return f"{start.day} {m1} – {end.day} {m2} {end.year}"
    shape = s.pick("range", [0, 1, 2])
    if shape == 0:
        return f"{start.day}–{end.day} {m1} {start.year}"
    if shape == 1:
        first, last = _WEEKDAYS[start.weekday()][:3], _WEEKDAYS[end.weekday()][:3]
        return f"{first} {start.day} to {last} {end.day} {m1} {end.year}"
    return f"{start.day} {m1} {start.year} to {end.day} {m2} {end.year}"


def _event(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """An events page's item: `Event` label, title, a place line, the event's days, and its posted date."""
    title, teaser = s.title(), s.teaser(1, 1)
    label = s.pick("event-label", ["Event", "EVENT", "Event · free entry", "Event (booking required)"])
    place = f"{s.pick('place', ['Location', 'Venue', 'Place'])}: {s.rng.choice(_VENUES)}"
    days = _range(s, day + dt.timedelta(days=s.rng.randint(6, 70)))
    days = s.pick("days-label", [days, f"Dates: {days}", f"On: {days}"])
    posted = s.pick("posted", ["Posted {}", "Listed: {}", "Added to the calendar on {}"]).format(s.date(day))
    layout = s.pick("layout", [[label, "T", "P", "R", "X", "D"], [label, "T", "R", "P", "D", "X"],
                               ["D", label, "T", "R", "P", "X"], [label, "T", "D", "R", "P", "X"]])
    parts = {"T": title, "P": place, "R": days, "X": teaser, "D": posted}
    return [parts.get(part, part) for part in layout], Card(title, day, "event")


def _several_dates(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A publication date with a closing date and an event date, on lines of their own or on one line."""
    title, teaser = s.title(), s.teaser()
    close = day + dt.timedelta(days=s.rng.randint(10, 45))
    event = close + dt.timedelta(days=s.rng.randint(5, 40))
    pub_label = s.pick("pub", ["Published", "Issued", "Date of publication", "Posted"])
    close_label = s.pick("close", ["Closing date", "Deadline", "Applications close", "Entries close"])
    event_label = s.pick("event", ["Event date", "Takes place", "Event day", "Ceremony"])
    pub, closing, happening = (f"{pub_label}: {s.date(day)}", f"{close_label}: {s.date(close)}",
                               f"{event_label}: {s.date(event)}")
    shape = s.pick("shape", [0, 1, 2, 3])
    if shape == 0:
        lines = [title, pub, closing, happening, teaser]
    elif shape == 1:
        lines = [title, closing, happening, pub, teaser]
    elif shape == 2:
        lines = [title, teaser, closing, pub]
    else:
        joint = f"{pub_label} {s.date(day)} | {close_label} {s.date(close)} | {event_label} {s.date(event)}"
        lines = [title, joint, teaser]
    return lines, Card(title, day, "press_release")


def _week_card(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A card under a week heading: its day without its year, over the title or on the title line."""
    title = s.title()
    weekday, month = _WEEKDAYS[day.weekday()], _MONTHS[day.month - 1]
    shape = s.pick("shape", [0, 1, 2, 3])
    if shape == 0:
        lines = [f"{weekday} {day.day} {month}", title, s.teaser(1, 1)]
    elif shape == 1:
        lines = [f"{weekday[:3]} {day.day} {month[:3]} — {title}"]
    elif shape == 2:
        lines = [title, f"{weekday} {day.day} {month}"]
    else:
        lines = [f"{day.day} {month} ({weekday}): {title}"]
    return lines, Card(title, day, "press_release")


def _week_heading(s: Style, day: dt.date) -> str:
    monday = day - dt.timedelta(days=day.weekday())
    sunday = monday + dt.timedelta(days=6)
    shape = s.pick("heading", [0, 1, 2, 3])
    if shape == 0:
        return f"Week commencing Monday {_long(monday)}"
    if shape == 1:
        return f"w/c {_long(monday)}"
    if shape == 2:
        if monday.year != sunday.year:
            span = f"{_long(monday)} – {_long(sunday)}"
        elif monday.month != sunday.month:
            span = f"{monday.day} {_MONTHS[monday.month - 1]} – {_long(sunday)}"
        else:
            span = f"{monday.day}–{_long(sunday)}"
        return f"Week {monday.isocalendar()[1]} · {span}"
    return f"WEEK OF {_MONTHS[monday.month - 1].upper()} {monday.day}, {monday.year}"


def _counted(s: Style, day: dt.date, n: int) -> tuple[list[str], Card]:
    """A card numbered `n/N` on the page: over the title, or on the title line."""
    title, teaser, date = s.title(), s.teaser(), s.date(day)
    first, total = s.fixed.setdefault("count", (s.rng.choice([1, 1, 11, 21]), s.rng.randint(24, 60)))
    k = first + n
    shape = s.pick("counter", [0, 1, 2, 3, 4])
    if shape < 3:
        counter = [f"{k}/{total}", f"{k} / {total}", f"Item {k} of {total}"][shape]
        return [counter, *_arrange(s, title, date, teaser, ["TDX", "TXD"])], Card(title, day, "press_release")
    line = f"{k}/{total} · {title}" if shape == 3 else f"[{k}/{total}] {title}"
    return _arrange(s, line, date, teaser, ["TDX", "TXD"]), Card(title, day, "press_release")


def _kind_path(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A nested kind over the title or beside the date: `News › Press releases`."""
    title, teaser, date = s.title(), s.teaser(), s.date(day)
    root, mark = s.pick("root", _ROOTS), s.pick("mark", [" › ", " > ", " / ", " » ", " :: "])
    leaf = s.rng.choice(s.pick("leaves", [sorted(_LEAVES)[n::3] for n in range(3)]))
    path = mark.join([root, *leaf.split(" › ")])
    shape = s.pick("shape", [0, 1, 2])
    if shape == 0:
        lines = [path, title, date, teaser]
    elif shape == 1:
        lines = [title, f"{path} | {date}", teaser]
    else:
        lines = [f"{date} — {path}", title, teaser]
    return lines, Card(title, day, _LEAVES[leaf])


def _quoted_title(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A headline in quotes, a question or an exclamation."""
    org, town, noun = s.rng.choice(_ORGS), s.rng.choice(_TOWNS), s.rng.choice(_NOUNS)
    quote, who = s.rng.choice(_QUOTES), s.rng.choice(_WHO)
    title = s.rng.choice([
        f"‘{quote}’, {who}", f"\"{quote},\" {who}", f"{org}: ‘{quote}’",
        f"Is {town} ready for the summer crowds?", f"Will the {noun} be ready by the summer?",
        f"Who will run the {noun} next year?", f"What next for the {noun} at {town}?",
        f"{org} is back!", f"Thank you, {town}!", f"We did it – the {noun} at {town} is saved!",
    ])
    return _arrange(s, title, s.date(day), s.teaser()), Card(title, day, "press_release")


def _title_date(d: dt.date, form: int) -> str:
    return [_long(d), f"{_MONTHS[d.month - 1]} {d.day}, {d.year}", f"{_WEEKDAYS[d.weekday()]} {_long(d)}",
            f"{_nth(d.day)} {_MONTHS[d.month - 1]} {d.year}"][form]


def _dated_title(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A headline holding a date of its own, later or earlier than the card's."""
    org = s.rng.choice(_ORGS)
    later = day + dt.timedelta(days=s.rng.randint(5, 120))
    earlier = day - dt.timedelta(days=s.rng.randint(3, 400))
    while True:
        form = s.rng.randrange(4)
        title = s.rng.choice([
            f"{org} sets {_title_date(later, form)} deadline for grant bids",
            f"{org} confirms opening hours for {_title_date(later, 2)}",
            f"Results of the {_title_date(earlier, form)} members' ballot at {org}",
            f"{org} to reopen on {_title_date(later, 2)}",
            f"New timetable from {_title_date(later, form)}: what riders need to know",
            f"{org} looks back on the storm of {_title_date(earlier, form)}",
        ])
        if len(title) <= 72:
            break
    return _arrange(s, title, s.date(day), s.teaser()), Card(title, day, "press_release")


_PAST = ["forty volunteers cleared the pond and rebuilt the dry-stone edge.",
         "the first crossing of the season left the slipway in bright sunshine.",
         "members met in the hall and voted for the plan by a wide margin.",
         "lifeguards brought two swimmers back to the beach within minutes."]
_FUTURE = ["the doors open at ten for a free open day with tours and tea.",
           "the minibus starts its evening run from the square.",
           "volunteers will plant the last of the new trees along the lane.",
           "the choir sings its spring concert in the chapel."]


def _dated_teaser(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A teaser opening with the day of an event, with its year."""
    title = s.title()
    past = s.rng.random() < 0.5
    when = day - dt.timedelta(days=s.rng.randint(1, 20)) if past else day + dt.timedelta(days=s.rng.randint(5, 60))
    rest = s.rng.choice(_PAST if past else _FUTURE)
    shape = s.pick("opener", [0, 1, 2])
    if shape == 0:
        first = f"On {_WEEKDAYS[when.weekday()]} {_long(when)}, {rest}"
    elif shape == 1:
        first = f"{_WEEKDAYS[when.weekday()]} {_long(when)}: {rest[:1].upper()}{rest[1:]}"
    else:
        end = when + dt.timedelta(days=13)
        span = f"{when.day} to {_long(end)}" if when.month == end.month else f"{_long(when)} to {_long(end)}"
        first = f"From {span}, {rest}"
    teaser = f"{first} {s.teaser(1, 1)}"
    return _arrange(s, title, s.date(day), teaser), Card(title, day, "press_release")


def _column_card(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A card set in a column: a kind line on some pages, the title wrapped to the column, the date, the teaser."""
    title, date = s.title(), s.date(day)
    width = s.pick("width", [34, 36, 38])
    rows = textwrap.wrap(title, width, break_on_hyphens=False)
    teaser = textwrap.wrap(s.rng.choice(_SENTENCES), width, break_on_hyphens=False)
    lines, kind = [*rows, date, *teaser], "press_release"
    if s.pick("label", [False, True]):
        label = s.kind()
        lines, kind = [label, *lines], _KINDS[label]
    return lines, Card(title, day, kind)


def _columns(s: Style, blocks: list[list[str]]) -> list[list[str]]:
    """Cards two a row, side by side, with a wide gutter, as a converter keeps a two-column page's layout."""
    width = s.pick("width", [34, 36, 38]) + s.pick("gutter", [4, 6, 9])
    rows = []
    for left, right in zip(blocks[::2], [*blocks[1::2], []]):
        height = max(len(left), len(right))
        left, right = left + [""] * (height - len(left)), right + [""] * (height - len(right))
        rows.append([f"{a.ljust(width)}{b}".rstrip() for a, b in zip(left, right)])
    return rows


def _digest_item(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """An item of a mail digest: title, a date line (with the kind on some pages), the teaser, `Read online:`."""
    title, date = s.title(), s.date(day)
    if s.pick("label", [False, True]):
        label = s.kind()
        line, kind = f"{date} · {label}", _KINDS[label]
    else:
        line, kind = date, "press_release"
    read = s.pick("read", ["Read online: {}", "Read online → {}", "Read online: <{}>"]).format(s.url(title))
    lines = [title, line, s.teaser(1, 2), read]
    if s.pick("rule", [True, False]):
        lines.append(s.pick("rule-mark", ["---", "~ ~ ~", "- - -"]))
    return lines, Card(title, day, kind)


def _digest_head(s: Style, newest: dt.date) -> list[str]:
    sent = newest + dt.timedelta(days=s.rng.randint(1, 3))
    stamp = f"{_WEEKDAYS[sent.weekday()][:3]}, {sent.day} {_MONTHS[sent.month - 1][:3]} {sent.year} 07:00:00 +0000"
    subject = s.pick("subject", [f"Weekly digest – {_long(sent)}", f"This week at {s.org} ({_long(sent)})",
                                 f"{s.org} news round-up, {_MONTHS[sent.month - 1]} {sent.day}, {sent.year}"])
    head = [f"From: {s.org} <news@{_DOMAINS[s.org]}.example.org>", f"Date: {stamp}", f"Subject: {subject}"]
    greeting = s.pick("greeting", [["View this email in your browser", "Hello,",
                                    "Here is what we published since our last digest."],
                                   ["Dear supporter,", "Below you will find our latest news."],
                                   ["Having trouble reading this? Open it online.", "In this digest:"]])
    return [*head, *greeting]


def _digest_foot(s: Style) -> list[str]:
    return s.pick("foot", [["You are receiving this because you signed up on our website.",
                            "Unsubscribe | Update your preferences"],
                           [f"{s.org}, registered charity no. 1098{s.rng.randint(100, 999)}",
                            "To stop these emails, reply with UNSUBSCRIBE."]])


def _file_note(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A document library's card: a `[PDF, 2 pages]` line, the note beside the date, or a download line."""
    title, teaser, date = s.title(), s.teaser(1, 1), s.date(day)
    pages, size = s.rng.randint(1, 14), s.rng.choice(["184 KB", "96 KB", "1.2 MB", "412 KB", "2.6 MB"])
    shape = s.pick("shape", [0, 1, 2, 3])
    if shape == 0:
        lines = [title, f"[PDF, {pages} page{'s' if pages > 1 else ''}]", date, teaser]
    elif shape == 1:
        lines = [f"[PDF, {pages} page{'s' if pages > 1 else ''}]", title, date, teaser]
    elif shape == 2:
        lines = [title, f"{date} · PDF · {pages} pp. · {size}", teaser]
    else:
        lines = [title, date, teaser, f"Download (PDF, {pages} page{'s' if pages > 1 else ''}, {size})"]
    if s.pick("label", [False, True]):
        label = s.kind()
        return [label, *lines], Card(title, day, _KINDS[label])
    return lines, Card(title, day, "press_release")


def _plain(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A plain card (title, date, teaser in the page's order), for pages whose chrome is the test."""
    title = s.title()
    return _arrange(s, title, s.date(day), s.teaser()), Card(title, day, "press_release")


def _contact_block(s: Style) -> list[str]:
    name, role = s.pick("person", _PEOPLE), s.pick("role", _ROLES)
    mail = f"press@{_DOMAINS[s.org]}.example.org"
    return s.pick("block", [
        ["PRESS OFFICE", f"{name}, {role}", "T: 01632 960 555 | M: 07700 900 412", f"E: {mail}",
         "Out of hours: 07700 900 999"],
        ["Journalists: talk to us", f"{name} ({role})", "Tel 01632 960 318", mail],
        ["Media enquiries", name, role, "01632 960 761", mail, "Out-of-hours duty phone: 07700 900 230"],
    ])


def _text_only_card(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A card of a text-only view: the title, `Published:`, the teaser, a `Link:` line."""
    title = s.title()
    lines = [title, f"Published: {s.date(day)}", s.teaser(1, 1), f"Link: {s.url(title)}"]
    return lines, Card(title, day, "press_release")


_NAV = ["Home", "About us", "News", "What's on", "Get involved", "Donate", "Contact us"]


def _text_only_head(s: Style) -> list[str]:
    bar = s.pick("bar", ["Text only | Full site | Larger text",
                         "You are viewing the text-only version. Switch to the full site",
                         "[Text only] [Graphics] [A+] [A-]"])
    mark = s.pick("nav-mark", ["{n}. {x}", "{n} {x}", "[{n}] {x}"])
    nav = [mark.format(n=n + 1, x=x) for n, x in enumerate(_NAV)]
    return ["Skip to content", bar, s.pick("nav-head", ["Navigation links:", "Main menu", "Site links"]), *nav,
            f"Press releases — page 1 of {s.rng.randint(6, 30)}"]


def _text_only_foot(s: Style) -> list[str]:
    mark = s.pick("nav-mark", ["{n}. {x}", "{n} {x}", "[{n}] {x}"])
    return ["End of main content", "Back to top", *(mark.format(n=n + 1, x=x) for n, x in enumerate(_NAV[:5]))]


WORDS = "dates written in words"
ODD = "ordinals, weekdays and two-digit years in odd orders"
EVENTS = "events with a place line, a date range and a posted date"
SEVERAL = "published, closing and event dates in one card"
WEEKS = "an archive under week headings"
COUNTED = "cards numbered n of N"
PATHS = "nested kind paths"
QUOTED = "quoted, question and exclamation titles"
DATED_TITLE = "titles holding a date of their own"
DATED_TEASER = "teasers opening with an event's date"
COLUMNS = "two columns side by side"
DIGEST = "a mail digest with read-online links"
FILES = "pdf notes in a document library"
CONTACT = "a press-office block pinned between cards"
TEXT_ONLY = "a text-only view with numbered navigation"
CONVENTIONS: dict[str, Callable[..., tuple[list[str], Card]]] = {
    WORDS: _words_date,
    ODD: _odd_order,
    EVENTS: _event,
    SEVERAL: _several_dates,
    WEEKS: _week_card,
    COUNTED: _counted,
    PATHS: _kind_path,
    QUOTED: _quoted_title,
    DATED_TITLE: _dated_title,
    DATED_TEASER: _dated_teaser,
    COLUMNS: _column_card,
    DIGEST: _digest_item,
    FILES: _file_note,
    CONTACT: _plain,
    TEXT_ONLY: _text_only_card,
}
_NUMBERED = {COUNTED}
# Pages a saving tool does not rewrap: columns, mail and a text-only view keep their lines.
_KEPT = {DIGEST, TEXT_ONLY}


def _week_days(rng: random.Random, count: int) -> list[dt.date]:
    """Days a few apart, newest first, so that weeks hold one to three cards; now and then across a new year."""
    day = dt.date(rng.randint(2004, 2024), rng.choice([1, 1, 3, 6, 10]), rng.randint(1, 28))
    days = []
    for _ in range(count):
        day -= dt.timedelta(days=rng.randint(1, 4))
        days.append(day)
    return days


def draw_page(rng: random.Random, convention: str) -> tuple[str, list[Card]]:
    """One page in a convention: its text as saved, and the cards on it."""
    names = sorted(set(FORMS) - _NUMERIC) if convention == COUNTED else sorted(FORMS)
    form = rng.choice(names)
    date = six._no_break(FORMS[form]) if rng.random() < 0.1 else FORMS[form]
    style = Style(rng=rng, date=date, kinds=rng.sample(sorted(_KINDS), rng.randint(1, 3)),
                  capitals=rng.random() < 0.3, org=rng.choice(_ORGS))
    lines: list[str] = [] if convention in {DIGEST, TEXT_ONLY} else rng.sample(six._HEADERS, rng.randint(0, 3))
    count = rng.randint(3, 9)
    days = _week_days(rng, count) if convention == WEEKS else six._days(rng, count, form in _NUMERIC)
    blocks: list[list[str]] = []
    cards: list[Card] = []
    keys: list[str] = []
    heading = None
    for day in days:
        for _attempt in range(20):
            maker = CONVENTIONS[convention]
            block, card = maker(style, day, len(cards)) if convention in _NUMBERED else maker(style, day)
            key = six._norm(card.title)
            if not any(key in other or other in key for other in keys):
                break
        else:
            continue
        keys.append(key)
        if convention == WEEKS and _week_heading(style, day) != heading:
            heading = _week_heading(style, day)
            block = [heading, *block]
        blocks.append(block)
        cards.append(card)
    if convention == COLUMNS:
        blocks = _columns(style, blocks)
    if convention == CONTACT and len(blocks) > 2:
        blocks.insert(rng.randint(1, len(blocks) - 1), _contact_block(style))
    if convention == DIGEST:
        lines += _digest_head(style, cards[0].published)
    if convention == TEXT_ONLY:
        lines += _text_only_head(style)
    starts: set[int] = set()
    for block in blocks:
        starts.add(len(lines))
        lines += block
    starts.add(len(lines))
    if convention == DIGEST:
        lines += _digest_foot(style)
    elif convention == TEXT_ONLY:
        lines += _text_only_foot(style)
    else:
        lines += rng.sample(six._FOOTERS, rng.randint(0, 3))
    if convention == COLUMNS:  # a converter's layout: rows of a card together, a blank line or two between rows
        gap = style.pick("row-gap", ["\n\n", "\n\n\n"])
        text = "".join((gap if n in starts else "\n") + line if n else line for n, line in enumerate(lines))
        return text + "\n", cards
    if convention in _KEPT:
        return ten._join_kept(rng, lines, starts), cards
    return six._join(rng, convention, lines, starts), cards


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=320, help="pages in all, spread over the conventions")
    parser.add_argument("--seed", type=int, default=111)
    parser.add_argument("--show", help="print the pages of this convention that lose a card or a date")
    args = parser.parse_args(argv)
    return six.run("eleventh", draw_page, sorted(CONVENTIONS), args.pages, args.seed, args.show)


if __name__ == "__main__":
    sys.exit(main())
