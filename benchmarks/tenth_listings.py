"""A tenth generator of plain-text listings, written without reading the splitter's rules and before anything was
changed for it: a "first seen" measurement.

    .venv/bin/python benchmarks/tenth_listings.py [--pages 320] [--seed 101] [--show CONVENTION]

Fourteen card conventions that real newsrooms print in plain text (saved pages, converted PDFs, mail, copied
archives, database and feed exports) and that the earlier generators (unseen, fresh, fourth to ninth, and the
grammar in tests/listing_grammar.py) do not print in these wordings or layouts. sixth_listings.py's harness is
reused, as eighth and ninth reuse it, so the numbers compare: its Card, its run() and score_page (split F1, false
merges, date and kind of the found cards), its page headers, footers, days and habits of saving a page. Date forms
are ninth's (sixth's, eighth's and its own) and three more: AP style (`Sept. 22, 2009`, `Dec. 30, 2013`, `March
4, 2021`), `04 Mar 2021`, `3/4/21` (month first; every such page holds a day over 12). A town council, a rowing
club, a housing cooperative, a harbour board, a farmers' market, a volunteer fire brigade, a swift project, a model
railway society; invented towns, regions and agencies. The conventions:

    run together     whole releases without headlines printed one after another with nothing between them but a
                     paragraph break, each opening with a dateline: `Westmoor/Halden/Eastbrook, DATE – `,
                     `Portsea, Northland (DATE) — `, `CITY (Agency) — DATE — `, `CITY, REGION, DATE — `
    contact block    whole releases, with a headline on some pages, without on others, and mixed on some, each
                     closed by `###`, `-ENDS-`, `- 30 -`, `END` or nothing, and the same contact block every time
                     (`Media contact:` / name / role / phone / email, on one line or several)
    notes to editors whole releases (headline or none, as above) closed by an end mark, `Notes to editors` with
                     numbered notes, one of them the organisation's founding date with its year, and a `For more
                     information, contact …` line
    opening first    items with no headline whose first line is their opening sentence; the date after the text
                     (`Halden, DATE`, `Released by the press office on DATE.`), on the second line (`DATE ·
                     Halden`), or in brackets at the end of the first paragraph
    into the date    a title run into its date: `Title March 4, 2021`, `Title — 04/03/2021` (day first),
                     `Title – 3/4/2021` (month first), `Title. DATE`, `Title 2021-03-04`; a teaser on some pages
    wrapped titles   long headlines wrapped over two lines (now and then three), the date under or over them, a
                     teaser on some pages, or rows of wrapped titles with a hanging indent and their dates only
    date-first kind  `DATE — Media statement`, `2021-03-04 · News release`, `DATE — News release — Halden`, `DATE
                     (Progress report)`, above the title, under it or at the end of the card
    bare pairs       date and title lines only, the date before or after the title (the same on the page), with
                     zero to two blank lines inside a pair and zero to two between pairs, drawn pair by pair
    forwarded mail   a printed thread of forwarded messages: `From:`, `Sent:` (Outlook's US or UK form), `To:`,
                     `Subject: Title`, the text, a signature, Outlook's rule or `-----Original Message-----`
    release numbers  `PR-2021-014` over the title, `DATE · PR-2021-014` under it, `PR-21-014 / DATE` over it, or
                     `Reference: PR-2021-014. Issued DATE.` at the end
    database export  a psql dump: aligned columns with a header, a `---+---` rule and `(7 rows)`, or unaligned
                     `2021-03-04|Title|News release` rows; an id column on some pages; dates in ISO, some with a
                     time and zone
    for release      whole releases under `FOR RELEASE: DATE` / `RELEASE DATE: DATE` / `Date of release:` and
                     `CONTACT:` lines, the headline, a dateline without a date (`HALDEN — `), an end mark
    feed export      a feed reader's export: title, link, RFC 822 timestamp, description, in three orders
    markdown export  `## Title` or `### Title`, `*Issued DATE · News release*`, `_DATE — Media statement_` or
                     `**Date issued:** DATE`, the teaser, a `[Read the full release →](url)` link, a `---` rule

Expected values follow /work/shared/gold/GUIDELINES.md, decided as follows:

- title: the title line as printed, markup aside (`##`, a Markdown link), wrapped lines joined by a space; a
  mail's title is its subject line's text; a table row's title is its title cell. A release printed without a
  headline has no title: it is found by its date and its opening words, taken after its dateline (its opening
  sentence has at least ten words, so those words are one sentence's).
- date: the card's publication date: the dateline's date, the date line, a mail's `Sent:` date, a row's date
  cell, a feed item's timestamp, `FOR RELEASE` / `RELEASE DATE`. Never a date in `Notes to editors` (a founding
  date), a day without its year inside the text, a release number's year.
- kind: a printed kind line or cell wins (`Media statement` is a statement, `News release` and `Press notice`
  press releases, `Progress report` a report, `Service update` an update, `Media coverage` media coverage, `Blog
  post` a blog, `Event` an event); with none, a press release (no title here opens `Statement by`).
- contact blocks, end marks, notes to editors, signatures, table headers and `(7 rows)`, feed headers are page
  chrome: a record for one alone is a false positive.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import ninth_listings as nine
import sixth_listings as six
from sixth_listings import _MONTHS, _WEEKDAYS, Card, _opening

_ORGS = ["Halden Town Council", "Eastbrook Rowing Club", "Westmoor Housing Cooperative", "Portsea Harbour Board",
         "Lindqvist Street Farmers' Market", "Northland Volunteer Fire Brigade", "Carrow Fen Swift Project",
         "Upton Scarr Model Railway Society"]
_DOMAINS = {"Halden Town Council": "halden", "Eastbrook Rowing Club": "eastbrookrc",
            "Westmoor Housing Cooperative": "westmoorhomes", "Portsea Harbour Board": "portseaharbour",
            "Lindqvist Street Farmers' Market": "lindqvistmarket", "Northland Volunteer Fire Brigade": "nvfb",
            "Carrow Fen Swift Project": "carrowswifts", "Upton Scarr Model Railway Society": "uptonrail"}
# What an organisation did, as a headline says it and as an opening sentence does; six words at least, so that an
# opening sentence ("The" + organisation + deed) holds ten words.
_DOINGS = [("approves a budget for the coming year", "approved a budget for the coming year"),
           ("opens a new boathouse on the river bank", "opened a new boathouse on the river bank"),
           ("hands over the keys to twelve new homes", "handed over the keys to twelve new homes"),
           ("dredges the inner harbour ahead of the regatta", "dredged the inner harbour ahead of the regatta"),
           ("moves its Saturday stalls into the covered square", "moved its Saturday stalls into the covered square"),
           ("takes delivery of a second fire engine", "took delivery of a second fire engine"),
           ("puts up sixty nest boxes for returning swifts", "put up sixty nest boxes for returning swifts"),
           ("runs its first steam gala on the garden line", "ran its first steam gala on the garden line"),
           ("freezes parking charges in the town centre", "froze parking charges in the town centre"),
           ("enters two crews in the spring head race", "entered two crews in the spring head race"),
           ("asks members to vote on a rent review", "asked members to vote on a rent review"),
           ("lights the breakwater with low-energy lamps", "lit the breakwater with low-energy lamps"),
           ("welcomes six new growers to the market", "welcomed six new growers to the market"),
           ("recruits on-call firefighters from the outlying villages",
            "recruited on-call firefighters from the outlying villages"),
           ("maps the swift colonies of the old town", "mapped the swift colonies of the old town"),
           ("builds a working layout of the old harbour branch", "built a working layout of the old harbour branch"),
           ("plants a hundred street trees along the ring road", "planted a hundred street trees along the ring road"),
           ("reopens the public slipway to small boats", "reopened the public slipway to small boats")]
# No tail ends in a digit or a date: a title run into its date must stay readable.
_TAILS = ["", "", "", "", "this spring", "with help from local businesses", "after a public consultation",
          "for the summer season", "despite a wet winter"]
# What a long headline adds after its tail, so that it runs past sixty columns.
_LONG_EXTRAS = ["and invites residents to a drop-in session at the library",
                "and thanks the volunteers who made it possible", "and sets out a second phase for next year",
                "and asks neighbours for their views before the autumn",
                "and promises a review of the arrangements once the season ends"]
_SMALL = {"a", "an", "the", "of", "for", "on", "in", "with", "to", "at", "after", "by", "from", "its", "into",
          "along", "over", "and", "despite"}
_SENTENCES = [
    "Residents can see the plans at the library until the end of the month.",
    "The work will be carried out in stages to keep the quay open.",
    "Members will receive a letter with the details in the coming weeks.",
    "Crews train on the river three evenings a week through the season.",
    "The market trades every Saturday from eight until two.",
    "Firefighters answered more than four hundred calls last year.",
    "Volunteers will lead guided walks at dusk when the birds return.",
    "The society meets in the old goods shed on the first Tuesday of the month.",
    "Money for the project came from a community fund and local donors.",
    "A full report will go to the next meeting of the committee.",
    "Anyone who wants to help is asked to get in touch with the office.",
    "Traffic will be diverted along Mill Lane while the work goes on.",
    "The board thanked harbour users for their patience during the works.",
    "Tenants said the change had been a long time coming.",
]
# Days printed without a year inside the text: never a publication date (GUIDELINES).
_DECOYS = ["The consultation closes on 14 May.", "Doors open at ten on Saturday 9 June.",
           "The next meeting is on Tuesday 2 October.", "Entries must arrive by 31 January."]
_QUOTES = ["This is a good day for the whole town", "We listened to what people told us",
           "Our volunteers have earned this", "There is still work to do, but we are on our way"]
_SPEAKERS = ["Councillor Maren Osgood, leader of the council", "Dagny Threlfall, the club's captain",
             "Idris Okonkwo-Bell, chair of the cooperative", "Soren Pike, the harbour master",
             "Bettina Marlowe, chief fire officer"]
_PEOPLE = ["Maren Osgood", "Dagny Threlfall", "Idris Okonkwo-Bell", "Soren Pike", "Bettina Marlowe", "Rafe Linton",
           "Aurelie Caskie"]
_ROLES = ["Communications Officer", "Press and Media Lead", "Head of Communications", "Media Officer"]
_TOWNS = ["Halden", "Westmoor", "Eastbrook", "Portsea", "Upton Scarr", "Carrow Fen", "Lindqvist", "Norbury Cross"]
_REGIONS = ["Northland", "East Varrow", "Tollshire", "the Southern Reaches"]
_AGENCIES = ["Coastline News Agency", "Northland Press Service", "NWS", "Varrow Wire"]
# A founding date with its year, printed in the notes to editors: never the release's date.
_FOUNDED = {
    "Halden Town Council": "Halden Town Council was formed on 1 April 1974 and serves about 38,000 residents.",
    "Eastbrook Rowing Club": "Eastbrook Rowing Club was founded on 12 May 1881 and has raced on the river since.",
    "Westmoor Housing Cooperative": "The cooperative was registered on 3 September 1979 and owns 412 homes.",
    "Portsea Harbour Board": "The board was set up by a local act on 20 June 1862 to run the port.",
    "Lindqvist Street Farmers' Market": "The market first traded on 6 October 2001 with nine stalls.",
    "Northland Volunteer Fire Brigade": "The brigade was formed on 15 January 1923 and is crewed by volunteers.",
    "Carrow Fen Swift Project": "The project began on 2 May 2014 as a survey by three neighbours.",
    "Upton Scarr Model Railway Society": "The society held its first meeting on 28 February 1968.",
}
_NOTES = ["Photographs from the day can be downloaded from the press office's image library.",
          "Interviews can be arranged through the press office."]
# Kind labels as printed, with the kind a reader expects (GUIDELINES).
_KINDS = {"News release": "press_release", "Press notice": "press_release", "Media statement": "statement",
          "Progress report": "report", "Service update": "update", "Media coverage": "media_coverage",
          "Blog post": "blog", "Event": "event"}


def _ap(d: dt.date) -> str:
    """An AP-style date: months of five letters or more cut short with a dot, September as `Sept.`."""
    month = _MONTHS[d.month - 1]
    short = {"September": "Sept."}.get(month, month if len(month) <= 5 else month[:3] + ".")
    return f"{short} {d.day}, {d.year}"


_OWN_FORMS: dict[str, Callable[[dt.date], str]] = {
    "ap-style": _ap,
    "padded-abbrev": lambda d: f"{d.day:02d} {_MONTHS[d.month - 1][:3]} {d.year}",
    "us-short-year": lambda d: f"{d.month}/{d.day}/{d.year % 100:02d}",
}
FORMS: dict[str, Callable[[dt.date], str]] = {**nine.FORMS, **_OWN_FORMS}
_NUMERIC = nine._NUMERIC | {"us-short-year"}
# Forms a dateline holds without reading oddly (no brackets, no bare numbers).
_DATELINE_FORMS = [*nine._DATELINE_FORMS, "ap-style", "padded-abbrev"]


@dataclass(slots=True)
class Style:
    """One page's habits, drawn once: every card on it is printed the same way."""

    rng: random.Random
    date: Callable[[dt.date], str]
    kinds: list[str]
    capitals: bool
    org: str  # the organisation whose newsroom it is
    fixed: dict[str, object] = field(default_factory=dict)

    def kind(self) -> str:
        return self.rng.choice(self.kinds)

    def pick(self, key: str, options: list):
        """The page's variant of a printed form, drawn the first time it is asked for and kept for every card."""
        if key not in self.fixed:
            self.fixed[key] = self.rng.randrange(len(options))
        return options[self.fixed[key]]

    def _case(self, text: str) -> str:
        if self.capitals:
            return " ".join(w if w in _SMALL else w[:1].upper() + w[1:] for w in text.split())
        return text

    def title(self, long: bool = False) -> str:
        present, _ = self.rng.choice(_DOINGS)
        parts = [self.rng.choice(_ORGS), present, self.rng.choice(_TAILS)]
        if long:
            parts.append(self.rng.choice(_LONG_EXTRAS))
        return self._case(" ".join(p for p in parts if p))

    def headline_and_opening(self) -> tuple[str, str]:
        """A release's headline and its opening sentence, saying the same thing."""
        org, (present, past), tail = self.rng.choice(_ORGS), self.rng.choice(_DOINGS), self.rng.choice(_TAILS)
        headline = self._case(" ".join(p for p in [org, present, tail] if p))
        return headline, " ".join(p for p in ["The", org, past, tail] if p) + "."

    def opening_sentence(self) -> str:
        return self.headline_and_opening()[1]

    def teaser(self, low: int = 1, high: int = 2) -> str:
        chosen = self.rng.sample(_SENTENCES, self.rng.randint(low, high))
        if self.rng.random() < 0.12:
            chosen.append(self.rng.choice(_DECOYS))
        if self.rng.random() < 0.2:
            chosen.append(f"“{self.rng.choice(_QUOTES)},” said {self.rng.choice(_SPEAKERS)}.")
        return " ".join(chosen)

    def paragraphs(self, sizes: list[int], quote: float = 0.35) -> list[str]:
        """A release's paragraphs of `sizes` sentences, no sentence twice; now and then a day without a year in
        one of them, and a quote as a paragraph of its own."""
        pool = self.rng.sample(_SENTENCES, sum(sizes))
        paragraphs = [" ".join(pool[sum(sizes[:n]):sum(sizes[:n + 1])]) for n in range(len(sizes))]
        if self.rng.random() < 0.2:
            at = self.rng.randrange(len(paragraphs))
            paragraphs[at] += " " + self.rng.choice(_DECOYS)
        if self.rng.random() < quote:
            paragraphs.insert(self.rng.randint(1, len(paragraphs)),
                              f"“{self.rng.choice(_QUOTES)},” said {self.rng.choice(_SPEAKERS)}.")
        return paragraphs

    def email(self) -> str:
        return f"press@{_DOMAINS[self.org]}.example.org"

    def phone(self) -> str:
        return f"01632 960 {self.pick('phone', [318, 452, 617, 794])}"


def _dateline(s: Style, day: dt.date) -> str:
    """A release's dateline in the page's shape."""
    date = s.date(day)
    shape = s.pick("dateline", [0, 1, 2, 3])
    if shape == 1 and "(" in date:  # a date that holds brackets is not printed inside brackets
        shape = 0
    if shape == 0:
        return f"{'/'.join(s.rng.sample(_TOWNS, s.rng.randint(2, 3)))}, {date} – "
    if shape == 1:
        return f"{s.rng.choice(_TOWNS)}, {s.rng.choice(_REGIONS)} ({date}) — "
    if shape == 2:
        return f"{s.rng.choice(_TOWNS).upper()} ({s.pick('agency', _AGENCIES)}) — {date} — "
    return f"{s.rng.choice(_TOWNS).upper()}, {s.rng.choice(_REGIONS).upper()}, {date} — "


def _release_body(s: Style, day: dt.date) -> tuple[str, str, list[str]]:
    """A release's headline, its opening words (after the dateline), and its paragraphs, the first opening with
    the dateline."""
    headline, opening = s.headline_and_opening()
    body = s.paragraphs([s.rng.randint(1, 2) for _ in range(s.rng.randint(2, 3))])
    first = f"{opening} {body[0]}"
    body[0] = _dateline(s, day) + first
    return headline, _opening(first), body


def _with_headline(s: Style) -> bool:
    """Whether this release prints its headline: on all of a page's releases, on none, or on some."""
    habit = s.pick("headline", ["all", "none", "mixed"])
    return habit == "all" or (habit == "mixed" and s.rng.random() < 0.5)


def _contact(s: Style) -> list[str]:
    """The page's contact block, the same under every release."""
    name, role = s.pick("person", _PEOPLE), s.pick("role", _ROLES)
    return s.pick("contact", [["Media contact:", name, role, f"Tel: {s.phone()}", s.email()],
                              [f"Media contact: {name}, {role} | {s.phone()} | {s.email()}"],
                              ["Press office contact", f"{name} — {s.phone()} — {s.email()}"],
                              ["MEDIA CONTACT", f"{name}, {role}", f"{s.phone()} / {s.email()}"]])


def _more_information(s: Style) -> str:
    name = s.pick("person", _PEOPLE)
    return s.pick("more", [f"For more information, contact {name} on {s.phone()} or {s.email()}.",
                           f"For more information contact the press office: {s.phone()}, {s.email()}",
                           f"For more information, please contact {name} ({s.email()})."])


# --- card conventions: the lines of one card -----------------------------------------------------------------

def _run_together(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A whole release without a headline, its first paragraph opening with a dateline; nothing after it."""
    _, opening, body = _release_body(s, day)
    return body, Card(None, day, "press_release", opening)


def _contact_release(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A whole release, with a headline or without, closed by the page's end mark and contact block."""
    headline, opening, body = _release_body(s, day)
    end = s.pick("end", [["###"], ["-ENDS-"], ["- 30 -"], ["END"], []])
    tail = [*end, *_contact(s)] if s.pick("contact-at", [True, False]) else [*_contact(s), *end]
    if _with_headline(s):
        return [headline, *body, *tail], Card(headline, day, "press_release")
    return [*body, *tail], Card(None, day, "press_release", opening)


def _notes_release(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A whole release, with a headline or without, closed by an end mark, notes to editors holding the
    organisation's founding date, and a `For more information` line."""
    headline, opening, body = _release_body(s, day)
    end = s.pick("end", [["-ENDS-"], ["ENDS"], ["— ends —"], ["###"]])
    heading = s.pick("notes", ["Notes to editors", "NOTES TO EDITORS", "Notes for editors:", "Editor's notes"])
    notes = [_FOUNDED[s.org], *_NOTES][:s.rng.randint(1, 3)]
    notes = [f"{n + 1}. {note}" for n, note in enumerate(notes)]
    tail = [*end, heading, *notes, _more_information(s)]
    if s.pick("more-first", [False, False, True]):
        tail = [*end, _more_information(s), heading, *notes]
    if _with_headline(s):
        return [headline, *body, *tail], Card(headline, day, "press_release")
    return [*body, *tail], Card(None, day, "press_release", opening)


def _opening_first(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """An item with no headline, its first line its opening sentence; its date after the text, on the second
    line, or in brackets at the end of the first paragraph."""
    first = s.opening_sentence() + " " + s.teaser(1, 1)
    more = [s.teaser(1, 2)] if s.rng.random() < 0.6 else []
    date, town = s.date(day), s.pick("town", _TOWNS)
    shape = s.pick("shape", [0, 1, 2, 3])
    if shape == 3 and "(" in date:
        shape = 0
    if shape == 0:
        lines = [first, *more, f"{town}, {date}"]
    elif shape == 1:
        lines = [first, *more, f"Released by the press office on {date}."]
    elif shape == 2:
        lines = [first, f"{date} · {town}", *more]
    else:
        lines = [f"{first} ({date})", *more]
    return lines, Card(None, day, "press_release", _opening(first))


def _into_date(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A title run into its date: a US date with no mark, a numeric date after a dash, a date after a full stop,
    an ISO date with no mark."""
    title = s.title()
    shape = s.pick("shape", [0, 1, 2, 3, 4])
    line = [f"{title} {_MONTHS[day.month - 1]} {day.day}, {day.year}",
            f"{title} — {day.day:02d}/{day.month:02d}/{day.year}",
            f"{title} – {day.month}/{day.day}/{day.year}",
            f"{title}. {s.date(day)}",
            f"{title} {day.isoformat()}"][shape]
    lines = [line, s.teaser()] if s.pick("teaser", [True, False]) else [line]
    return lines, Card(title, day, "press_release")


def _wrapped_title(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A long headline wrapped over two lines (three now and then), the date under or over it and a teaser; or a
    row of a list: the wrapped title with a hanging indent, its date under it."""
    title, date = s.title(long=True), s.date(day)
    width = s.pick("width", [56, 64, 72])
    rows = textwrap.wrap(title, width, break_on_hyphens=False)
    if len(rows) > 3:
        rows = textwrap.wrap(title, len(title) // 2 + 10, break_on_hyphens=False)
    layout = s.pick("layout", [0, 1, 2, 3])
    if layout == 0:
        return ["\n".join(rows), date, s.teaser()], Card(title, day, "press_release")
    if layout == 1:
        return [date, "\n".join(rows), s.teaser()], Card(title, day, "press_release")
    if layout == 2:
        indent = s.pick("indent", ["  ", "   ", "    "])
        return ["\n".join([rows[0], *(indent + row for row in rows[1:])]), indent + date], \
            Card(title, day, "press_release")
    return ["\n".join(rows), date], Card(title, day, "press_release")


def _date_first_kind(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A kind line with the date first, in a new wording: above the title, under it or at the end."""
    label, title, teaser, date = s.kind(), s.title(), s.teaser(), s.date(day)
    label = label.upper() if s.pick("label-case", [False, False, True]) else label
    wording = s.pick("wording", [0, 1, 2, 3])
    if wording == 3 and "(" in date:
        wording = 0
    line = [f"{date} — {label}", f"{day.isoformat()} · {label}", f"{date} — {label} — {s.pick('town', _TOWNS)}",
            f"{date} ({label})"][wording]
    position = s.pick("position", ["above", "under", "end"])
    lines = {"above": [line, title, teaser], "under": [title, line, teaser], "end": [title, teaser, line]}[position]
    return lines, Card(title, day, _KINDS[label.capitalize()])


def _bare_pair(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A date line and a title line, in the page's order; the gaps are drawn when the page is joined."""
    title, date = s.title(), s.date(day)
    return s.pick("order", [[date, title], [title, date]]), Card(title, day, "press_release")


_SENT = [lambda d: f"{_WEEKDAYS[d.weekday()]}, {_MONTHS[d.month - 1]} {d.day}, {d.year} 10:42 AM",
         lambda d: f"{d.day:02d} {_MONTHS[d.month - 1]} {d.year} 10:42",
         lambda d: f"{_WEEKDAYS[d.weekday()]}, {d.day} {_MONTHS[d.month - 1]} {d.year} 10:42"]


def _forwarded_mail(s: Style, day: dt.date, n: int) -> tuple[list[str], Card]:
    """A message of a printed thread: Outlook's rule or `-----Original Message-----` before all but the first,
    `From:`, `Sent:`, `To:`, `Subject:`, the text, a signature."""
    title = s.title()
    head = [f"From: {s.org} Press Office <{s.email()}>", f"Sent: {s.pick('sent', _SENT)(day)}",
            f"To: {s.pick('to', ['Newsdesk list', 'Media distribution list', 'Local press'])}", f"Subject: {title}"]
    if s.pick("cc", [False, True]):
        head.insert(3, "Cc: Communications Team")
    body = s.paragraphs([s.rng.randint(1, 2) for _ in range(s.rng.randint(1, 3))], quote=0.2)
    signature = s.pick("signature", [[f"{s.pick('person', _PEOPLE)}", s.pick("role", _ROLES), s.org, s.phone()],
                                     [f"{s.org} | Press Office | {s.phone()}"], []])
    rule = s.pick("rule", ["_" * 32, "-----Original Message-----", "________________________________"])
    return [*([rule] if n else []), *head, *body, *signature], Card(title, day, "press_release")


def _number(s: Style, day: dt.date) -> int:
    """The card's release number: numbers run through a year, so going back down the page they fall, with gaps
    (releases not on this page), and a new year starts again from a higher one."""
    year, last = s.fixed.get("number", (None, 0))
    number = s.rng.randint(60, 140) if year != day.year else max(1, last - s.rng.randint(1, 5))
    s.fixed["number"] = (day.year, number)
    return number


def _release_number(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A release number (`PR-2021-014`) over the title, beside the date under it, with the date over the title,
    or in a reference line at the end."""
    title, teaser, date = s.title(), s.teaser(), s.date(day)
    number = _number(s, day)
    shape = s.pick("shape", [0, 1, 2, 3])
    if shape == 0:
        lines = [f"PR-{day.year}-{number:03d}", title, date, teaser]
    elif shape == 1:
        lines = [title, f"{date} · PR-{day.year}-{number:03d}", teaser]
    elif shape == 2:
        lines = [f"PR-{day.year % 100:02d}-{number:03d} / {date}", title, teaser]
    else:
        lines = [title, teaser, f"Reference: PR-{day.year}-{number:03d}. Issued {date}."]
    return lines, Card(title, day, "press_release")


def _table_row(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A row of a database export: its cells, laid out when the page is joined."""
    title, label = s.title(), s.rng.choice(sorted(_KINDS))
    stamp = s.pick("stamp", [day.isoformat(), f"{day.isoformat()} 10:30:00+00", day.isoformat()])
    return ["ROW", stamp, title, label], Card(title, day, _KINDS[label])


def _table(s: Style, rows: list[list[str]]) -> list[str]:
    """A psql dump of the rows: aligned with a header, a rule and a row count, or unaligned with `|`."""
    names, order = s.pick("columns", [(["date", "title", "kind"], [0, 1, 2]),
                                      (["published", "headline", "type"], [0, 1, 2]),
                                      (["title", "category", "release_date"], [1, 2, 0]),
                                      (["release_date", "type", "title"], [0, 2, 1])])
    cells = [[row[n] for n in order] for row in rows]
    if s.pick("id", [False, True]):
        ids = [s.rng.randint(300, 2000)]
        for _ in cells[1:]:  # newest first: ids fall, with gaps where items were deleted
            ids.append(ids[-1] - s.rng.randint(1, 4))
        names = ["id", *names]
        cells = [[str(number), *row] for number, row in zip(ids, cells)]
    count = f"({len(cells)} rows)"
    if s.pick("aligned", [True, True, False]):
        widths = [max(len(x) for x in column) for column in zip(names, *cells)]
        head = "|".join(f" {name.center(w)} " for name, w in zip(names, widths)).rstrip()
        rule = "+".join("-" * (w + 2) for w in widths)
        body = ["|".join(f" {x.ljust(w)} " for x, w in zip(row, widths)).rstrip() for row in cells]
        return [head, rule, *body, count]
    return ["|".join(names), *("|".join(row) for row in cells), count]


def _for_release(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A whole release under `FOR RELEASE: DATE` and `CONTACT:` lines: the headline, a dateline without a date,
    more paragraphs, an end mark on some pages."""
    headline, opening = s.headline_and_opening()
    headline = headline.upper() if s.pick("caps", [False, True]) else headline
    date, contact = s.date(day), f"{s.pick('person', _PEOPLE)}, {s.phone()}"
    head = s.pick("head", [[f"FOR RELEASE: {date}", f"CONTACT: {contact}"],
                           [f"RELEASE DATE: {date}", f"CONTACT: {contact}"],
                           [f"CONTACT: {contact}", f"FOR RELEASE: {date}"],
                           [f"Date of release: {date}", f"Contact: {contact}"]])
    body = s.paragraphs([s.rng.randint(1, 2) for _ in range(s.rng.randint(1, 3))])
    town = s.pick("town", _TOWNS).upper()
    body[0] = f"{town}{s.pick('mark', [' — ', ' – ', ' - '])}{opening} {body[0]}"
    end = s.pick("end", [["###"], ["-30-"], []])
    return [*head, headline, *body, *end], Card(headline, day, "press_release")


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60].rstrip("-")


def _feed_item(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """An item of a feed reader's export: title, link, RFC 822 timestamp, description, in the page's order."""
    title, teaser = s.title(), s.teaser(1, 1)
    link = f"https://www.{_DOMAINS[s.org]}.example.org/news/{s.rng.randint(1000, 9999)}-{_slug(title)}"
    stamp = f"{_WEEKDAYS[day.weekday()][:3]}, {day.day:02d} {_MONTHS[day.month - 1][:3]} {day.year} " \
            f"{s.rng.randint(8, 17):02d}:{s.rng.choice(['00', '15', '30', '45'])}:00 GMT"
    lines = s.pick("layout", [[title, link, stamp, teaser], [stamp, title, teaser, link], [title, stamp, teaser]])
    return list(lines), Card(title, day, "press_release")


def _feed_header(s: Style, count: int) -> list[str]:
    return s.pick("feed", [[f"{s.org} — News feed", f"{count} unread items", "Mark all as read"],
                           [f"Feed: {s.org} (RSS 2.0)", f"Last refreshed: {count} new"],
                           ["All items", f"Subscribed feed: {s.org} newsroom"]])


def _markdown(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A Markdown export: a `##` heading, an italic `Issued` line or a bold `Date issued`, the teaser, a read-more
    link, a rule."""
    title, date, teaser = s.title(), s.date(day), s.teaser()
    label = s.kind()
    meta, kind = s.pick("meta", [(f"*Issued {date} · {label}*", _KINDS[label]),
                                 (f"_{date} — {label}_", _KINDS[label]),
                                 (f"**Date issued:** {date}", "press_release")])
    link = f"[Read the full release →](https://{_DOMAINS[s.org]}.example.org/news/{_slug(title)})"
    mark = s.pick("heading", ["## ", "### "])
    lines = [f"{mark}{title}", meta, teaser]
    if s.pick("link", [True, False]):
        lines.append(link)
    if s.pick("rule", [True, True, False]):
        lines.append("---")
    return lines, Card(title, day, kind)


RUN_TOGETHER = "headline-less releases run together"
CONTACT = "releases closed by an end mark and a contact block"
NOTES = "releases with notes to editors and a founding date"
OPENING = "items whose first line is the opening sentence"
INTO_DATE = "titles running into a date"
WRAPPED = "long titles wrapped over two lines"
DATE_KIND = "date-first kind lines"
BARE = "bare date and title pairs with uneven gaps"
MAIL = "a printed thread of forwarded mail"
NUMBERS = "release numbers like PR-2021-014"
TABLE = "a database export with pipe-separated columns"
FOR_RELEASE = "releases under FOR RELEASE and CONTACT lines"
FEED = "a feed reader's export"
MARKDOWN = "a markdown export with an Issued line"
CONVENTIONS: dict[str, Callable[..., tuple[list[str], Card]]] = {
    RUN_TOGETHER: _run_together,
    CONTACT: _contact_release,
    NOTES: _notes_release,
    OPENING: _opening_first,
    INTO_DATE: _into_date,
    WRAPPED: _wrapped_title,
    DATE_KIND: _date_first_kind,
    BARE: _bare_pair,
    MAIL: _forwarded_mail,
    NUMBERS: _release_number,
    TABLE: _table_row,
    FOR_RELEASE: _for_release,
    FEED: _feed_item,
    MARKDOWN: _markdown,
}
_NUMBERED = {MAIL}
_RELEASES = {RUN_TOGETHER, CONTACT, NOTES, OPENING, FOR_RELEASE}
# Pages that a saving tool does not rewrap: mail headers, table rows, feed items, Markdown keep their lines.
_KEPT = {MAIL, TABLE, FEED, WRAPPED, MARKDOWN}


def draw_page(rng: random.Random, convention: str) -> tuple[str, list[Card]]:
    """One page in a convention: its text as saved, and the cards on it."""
    names = _DATELINE_FORMS if convention in _RELEASES else sorted(FORMS)
    form = rng.choice(names)
    date = six._no_break(FORMS[form]) if rng.random() < 0.1 else FORMS[form]
    style = Style(rng=rng, date=date, kinds=rng.sample(sorted(_KINDS), rng.randint(1, 3)),
                  capitals=rng.random() < 0.3, org=rng.choice(_ORGS))
    # `Title — 04/03/2021` and `Title – 3/4/2021` are numeric: their pages hold a day over 12.
    numeric = form in _NUMERIC or convention == INTO_DATE
    lines: list[str] = [] if convention == MAIL else rng.sample(six._HEADERS, rng.randint(0, 3))
    blocks: list[list[str]] = []
    cards: list[Card] = []
    keys: list[str] = []
    count = rng.randint(3, 6) if convention in _RELEASES else rng.randint(3, 9)
    for n, day in enumerate(six._days(rng, count, numeric)):
        for _attempt in range(20):
            maker = CONVENTIONS[convention]
            block, card = maker(style, day, n) if convention in _NUMBERED else maker(style, day)
            key = six._norm(card.title or card.opening)
            if not any(key in other or other in key for other in keys):
                break
        else:
            continue
        keys.append(key)
        blocks.append(block)
        cards.append(card)
    if convention == TABLE:
        table = _table(style, [block[1:] for block in blocks])
        blocks = [[row] for row in table[1:]]
        lines.append(table[0])
    if convention == FEED:
        lines += _feed_header(style, len(cards))
    starts: set[int] = set()
    for block in blocks:
        starts.add(len(lines))
        lines += block
    starts.add(len(lines))
    lines += rng.sample(six._FOOTERS, rng.randint(0, 3))
    if convention == BARE:
        return _join_uneven(rng, lines, starts), cards
    if convention == TABLE:  # a dump is never rewrapped, and its rows touch
        return "\n".join(lines) + "\n", cards
    if convention in _KEPT:
        return _join_kept(rng, lines, starts), cards
    return six._join(rng, convention, lines, starts), cards


def _join_kept(rng: random.Random, lines: list[str], starts: set[int]) -> str:
    """A page's lines as saved, never rewrapped: a card's lines together and a blank line between cards, every
    line a blank line apart, or every line touching; Windows line ends now and then."""
    habit = rng.random()
    if habit < 0.6:
        text = "".join(("\n\n" if n in starts else "\n") + line if n else line for n, line in enumerate(lines))
    else:
        text = ("\n\n" if habit < 0.8 else "\n").join(lines)
    text += "\n"
    return text.replace("\n", "\r\n") if rng.random() < 0.1 else text


def _join_uneven(rng: random.Random, lines: list[str], starts: set[int]) -> str:
    """Date and title lines with uneven gaps: zero to two blank lines inside each pair and between pairs, drawn
    line by line; two blank lines around the page's header and footer."""
    first, last = min(starts), max(starts)
    gaps = ["\n", "\n\n", "\n\n\n"]
    text = "".join(("\n\n\n" if n in (first, last) else rng.choice(gaps)) + line if n else line
                   for n, line in enumerate(lines))
    return text + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=320, help="pages in all, spread over the conventions")
    parser.add_argument("--seed", type=int, default=101)
    parser.add_argument("--show", help="print the pages of this convention that lose a card or a date")
    args = parser.parse_args(argv)
    return six.run("tenth", draw_page, sorted(CONVENTIONS), args.pages, args.seed, args.show)


if __name__ == "__main__":
    sys.exit(main())
