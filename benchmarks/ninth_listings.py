"""A ninth generator of plain-text listings, written without reading the splitter's rules and before anything was
changed for it: a "first seen" measurement.

    .venv/bin/python benchmarks/ninth_listings.py [--pages 320] [--seed 91] [--show CONVENTION]

Fifteen card conventions that the earlier generators (unseen, fresh, fourth to eighth, and the grammar in
tests/listing_grammar.py) do not print in these wordings or layouts. sixth_listings.py's harness is reused, as
eighth_listings.py reuses it, so the numbers compare: its Card, its run() and score_page (split F1, false merges,
date and kind of the found cards), its page headers, footers, days and habits of saving a page. Date forms are
sixth's and eighth's, and three more (`March 4 2021`, `Thursday, 4 March, 2021`, `4 Mar 2021, Thu`). A sea kayak
club, an allotment society, an observatory trust, cider makers, a community radio station, a clockmakers' guild,
coastguard volunteers, a food bank; invented towns and provinces. The conventions:

    datelines        a title, then a teaser opening `QUINNSBURY, Upper Carrow, DATE — `, `QUINNSBURY — DATE — `
                     or `(QUINNSBURY) DATE: ` (on some pages a kind label over the title); or a dateline in
                     capitals with the month cut short (`ASTERBY, 4 MAR. 2021 – `), or after a kind label on the
                     same line (`PRESS RELEASE — ASTERBY, DATE — `, opening the teaser or on a line over the title)
    kind and date    `News release no. 14/2021 · DATE`, `4.3.2021 | Statement` (day first; every such page holds a
                     day over 12), `Statement of DATE`, `Report, issued DATE`, `Type: Update · Date: DATE` above
                     the title, under it or at the end of the card, and `Date: DATE Type: Statement` on one line
                     at the end of the card
    bare lines       date and title lines only, one blank line between the two and two or three between cards,
                     or the title indented under its date (by spaces or a tab)
    far-right date   a title and its date on one line, far apart: a ragged run of spaces, or the date set in a
                     column beyond the longest title; now and then an indented teaser under the row
    releases         whole releases, each opening with a dateline in one of the shapes above, set apart by a line
                     of `=====`, `*****`, `_____`, `Page break`, `[Page break]` or `--- page break ---`: with a
                     headline on some pages, without on others (then the title is the opening words, GUIDELINES)
    opening first    short items with no headline, the first line their opening sentence: under a date line
                     (`— DATE —`, `Dated DATE`, `Asterby · DATE`) or with a dateline in the first line
                     (`ASTERBY | DATE | The …`, `DATE, Asterby. The …`)
    table of contents  a numbered list of the page's titles at the top (`Contents`, `In this issue`): the entries
                     are not cards, the cards under it are
    pinned card      a card under `📌 Pinned` / `Featured` at the top, the same card again at its place in the list
    most read        a numbered `Most read` sidebar after the second card, its dates interleaved (a date line
                     after each title, or after a dash): not cards
    byline           `By Orla Penhaligon, Communications Officer` (or `Words by …`, `Author: …`) in every card
    bilingual        `English title / Titre français` on one line, a bilingual kind line and date now and then
    footnote date    the date printed as a footnote of the card: `[1] DATE`, `[3] Published DATE.`
    correction       `Correction appended DATE: …` with a later date, at the end, over the title or beside the
                     date: never the card's date
    quarter headings an archive grouped under `Q1 2021`, `2021 – Q1`, `First quarter 2021` or `January–March
                     2021` headings: not cards

Expected values follow /work/shared/gold/GUIDELINES.md, decided as follows:

- title: the title line as printed. A bilingual title printed on one line (`English / Français`) is that whole
  line: it is the card's one title line. A release printed without a headline has no title; it is found by its
  date and its opening words, taken after its dateline.
- date: the card's publication date; never a correction date, a sidebar's date, a quarter heading.
- kind: a printed kind line wins (`News release no. 14/2021` is a press release, `Statement / Déclaration` a
  statement); `Pinned` and `Featured` are not kinds; else a press release (no title here opens `Statement by`).
- a pinned card repeated in the list is one release (GUIDELINES: each dated card is one release, and it is the
  same release, printed with the same title and date twice): it is expected once, and a second record for it is
  a false positive. It is printed with its date at the top, so it is no undated feature blurb.
- table-of-contents entries, `Most read` entries and quarter headings are page chrome, not releases: a record
  for one is a false positive, and a record that holds the contents list holds several cards' titles (a false
  merge in the harness's count).
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import eighth_listings as eight
import sixth_listings as six
from sixth_listings import _MONTHS, _WEEKDAYS, Card, _opening

_ORGS = ["Corrowmere Sea Kayak Club", "Thistleby Allotment Society", "Hallam Reach Observatory Trust",
         "Vennick Valley Cider Makers", "Glaswent Community Radio", "Pennock Clockmakers' Guild",
         "Brisa Point Coastguard Volunteers", "Wendle Street Food Bank"]
# What an organisation did, as a headline says it and as an opening sentence does.
_DOINGS = [("launches a night paddle for beginners", "launched a night paddle for beginners"),
           ("opens twenty new plots beside the railway", "opened twenty new plots beside the railway"),
           ("reopens its dome to stargazers", "reopened its dome to stargazers"),
           ("presses a record apple harvest", "pressed a record apple harvest"),
           ("goes on air around the clock", "went on air around the clock"),
           ("restores the market hall clock", "restored the market hall clock"),
           ("rescues three walkers cut off by the tide", "rescued three walkers cut off by the tide"),
           ("feeds more families than ever before", "fed more families than ever before"),
           ("trains a new crew of cliff rescue volunteers", "trained a new crew of cliff rescue volunteers"),
           ("buys a second telescope with a village grant", "bought a second telescope with a village grant"),
           ("wins a national award for community broadcasting", "won a national award for community broadcasting"),
           ("plants a hedge of native fruit trees", "planted a hedge of native fruit trees"),
           ("asks for winter coats and blankets", "asked for winter coats and blankets"),
           ("moves into a bigger warehouse on the quay", "moved into a bigger warehouse on the quay"),
           ("teaches clock repair to school leavers", "taught clock repair to school leavers"),
           ("hosts a dark-sky weekend on the moor", "hosted a dark-sky weekend on the moor"),
           ("repairs the slipway after the spring storms", "repaired the slipway after the spring storms"),
           ("records the memories of the valley's orchard workers",
            "recorded the memories of the valley's orchard workers")]
# No tail ends in a digit or a date.
_TAILS = ["", "", "", "", "this winter", "with help from local schools", "after a record year",
          "for the first time since the war", "ahead of the holidays"]
_SMALL = {"a", "an", "the", "of", "for", "on", "in", "with", "to", "at", "after", "by", "from", "its", "into",
          "around", "off", "beside", "since", "than"}
_SENTENCES = [
    "Places are free but must be booked at the harbour office.",
    "The work was paid for by a legacy from a founding member.",
    "Volunteers will be at the gate from ten in the morning.",
    "Members voted for the plan at a crowded meeting in the church hall.",
    "The telescope can be used by anyone who joins for the season.",
    "Donations can be left at the side door on weekday mornings.",
    "The station reaches listeners across the whole of the valley.",
    "Every plot comes with a water butt and a shared tool shed.",
    "The crew train on the cliffs every second Sunday.",
    "Apprentices will spend a year at the guild's workshop.",
    "A second phase is planned once more money has been raised.",
    "Pupils from the village school helped with the first day's work.",
]
# Days printed without a year inside a teaser: never a publication date (GUIDELINES).
_DECOYS = ["Applications close on 30 April.", "The next open evening is on Friday 6 June.",
           "The shop shuts for stocktaking on 2 January."]
_QUOTES = ["We are so grateful to everyone who turned out", "This is a big day for a small club",
           "None of it would have happened without our volunteers", "We hope to see many new faces"]
_SPEAKERS = ["Orla Penhaligon, the club's secretary", "Tomasz Wrenfield, chair of the society",
             "Dr Adaeze Morcombe, director of the trust", "Fenella Brisk, station manager",
             "Caspar Ludd, master of the guild"]
_AUTHORS = ["Orla Penhaligon", "Tomasz Wrenfield", "Adaeze Morcombe", "Fenella Brisk", "Caspar Ludd", "Ysolde Karr"]
_ROLES = ["Communications Officer", "Press Officer", "Volunteer Coordinator", "Head of Outreach", "Editor"]
# Kind labels as printed, with the kind a reader expects (GUIDELINES).
_KINDS = {"Press release": "press_release", "News release": "press_release", "Media release": "press_release",
          "Statement": "statement", "Joint statement": "statement", "Report": "report", "Update": "update",
          "Blog": "blog", "Event": "event"}
# Labels that carry a running number (`News release no. 14/2021`).
_NUMBERED_KINDS = ["News release", "Media release", "Statement", "Report", "Update"]
# Labels that read naturally as `Statement of DATE` or `Report, issued DATE`.
_ISSUED_KINDS = ["Press release", "News release", "Media release", "Statement", "Joint statement", "Report"]
_CAPITAL_KINDS = {"PRESS RELEASE": "press_release", "NEWS RELEASE": "press_release", "MEDIA RELEASE": "press_release",
                  "STATEMENT": "statement", "UPDATE": "update"}
_CITIES = ["ASTERBY", "CALLOWAY SOUND", "TREVENNA", "QUINNSBURY", "DUNHOLLOW", "ORMESBY FOLD", "PELLANWY",
           "MIRRLEES BAY"]
_PROVINCES = ["Nova Albion", "Upper Carrow", "West Tamsin", "Orrin Province", "Brennshire"]
# English headlines with their French translation, printed side by side on one line.
_BILINGUAL = [
    ("Corrowmere Sea Kayak Club launches a night paddle", "Le club de kayak de Corrowmere lance une sortie de nuit"),
    ("Thistleby Allotment Society opens twenty new plots", "La société des jardins de Thistleby ouvre vingt parcelles"),
    ("Hallam Reach Observatory reopens its dome", "L'observatoire de Hallam Reach rouvre sa coupole"),
    ("Vennick Valley Cider Makers press a record harvest", "Les cidriers de Vennick pressent une récolte record"),
    ("Glaswent Community Radio goes on air day and night", "La radio communautaire de Glaswent émet jour et nuit"),
    ("Pennock Clockmakers restore the market hall clock", "Les horlogers de Pennock restaurent l'horloge des halles"),
    ("Brisa Point volunteers rescue three walkers", "Les bénévoles de Brisa Point secourent trois randonneurs"),
    ("Wendle Street Food Bank moves to the quay", "La banque alimentaire de Wendle Street déménage sur le quai"),
    ("Hallam Reach Observatory buys a second telescope", "L'observatoire de Hallam Reach achète un second télescope"),
    ("Glaswent Community Radio wins a national award", "La radio communautaire de Glaswent remporte un prix national"),
    ("Wendle Street Food Bank asks for winter coats", "La banque alimentaire de Wendle Street demande des manteaux"),
    ("Pennock Clockmakers teach repair to school leavers",
     "Les horlogers de Pennock forment de jeunes réparateurs"),
]
_BILINGUAL_KINDS = {"Press release / Communiqué de presse": "press_release", "Statement / Déclaration": "statement",
                    "Update / Mise à jour": "update", "Report / Rapport": "report"}
_MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
         "novembre", "décembre"]
# A `Most read` sidebar's entries: older items of the newsroom, in words no card on the page uses.
_MOST_READ = ["Ten questions about our new opening hours", "How to volunteer at the summer open day",
              "Meet the new chair of trustees", "Where your donated food goes", "Five tips for a first night out",
              "Behind the scenes at the breakfast show", "Our annual accounts in plain words",
              "Why we are changing our membership fees", "A walk round the guild's workshop"]
_CORRECTIONS = ["an earlier version gave the wrong opening time", "an earlier version misspelt a volunteer's name",
                "the number of places has been corrected", "an earlier version gave the wrong address"]
_SEPARATORS = ["=" * 60, "=" * 40, "*" * 40, "*****", "_" * 50, "Page break", "[Page break]", "--- page break ---"]


# Three date forms the earlier generators do not print, beside sixth's and eighth's.
_OWN_FORMS: dict[str, Callable[[dt.date], str]] = {
    "month-day-no-comma": lambda d: f"{_MONTHS[d.month - 1]} {d.day} {d.year}",
    "weekday-comma-day-comma": lambda d: f"{_WEEKDAYS[d.weekday()]}, {d.day} {_MONTHS[d.month - 1]}, {d.year}",
    "abbrev-weekday-after": lambda d: f"{d.day} {_MONTHS[d.month - 1][:3]} {d.year}, {_WEEKDAYS[d.weekday()][:3]}",
}
FORMS: dict[str, Callable[[dt.date], str]] = {**six.FORMS, **eight._NEW_FORMS, **_OWN_FORMS}
_NUMERIC = eight._NUMERIC
# Forms a dateline can hold without reading oddly: no brackets, no time after a middle dot, no bare numbers.
_DATELINE_FORMS = ["abbrev-dot-day-first", "ordinal-comma", "weekday-capitals", "weekday-padded-comma",
                   "abbrev-ordinal-comma", "day-month-capitals", "weekday-abbrev-dot", "pm-time",
                   "year-first-words", "weekday-ordinal-plain", "capital-abbrev-comma", "month-day-no-comma",
                   "weekday-comma-day-comma"]


def _capital_abbreviated(day: dt.date) -> str:
    """`4 MAR. 2021`: a dateline's date in capitals, the month cut short (May whole, September as SEPT.)."""
    month = {5: "MAY", 9: "SEPT."}.get(day.month, _MONTHS[day.month - 1][:3].upper() + ".")
    return f"{day.day} {month} {day.year}"


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

    def _case(self, text: str) -> str:
        if self.capitals:
            return " ".join(w if w in _SMALL else w[:1].upper() + w[1:] for w in text.split())
        return text

    def title(self) -> str:
        present, _ = self.rng.choice(_DOINGS)
        return self._case(" ".join(p for p in [self.rng.choice(_ORGS), present, self.rng.choice(_TAILS)] if p))

    def opening_sentence(self) -> str:
        """A release's first sentence, saying what happened; with the date it tells the release apart."""
        _, past = self.rng.choice(_DOINGS)
        return " ".join(p for p in ["The", self.rng.choice(_ORGS), past, self.rng.choice(_TAILS)] if p) + "."

    def teaser(self, low: int = 1, high: int = 2) -> str:
        chosen = self.rng.sample(_SENTENCES, self.rng.randint(low, high))
        if self.rng.random() < 0.12:
            chosen.append(self.rng.choice(_DECOYS))
        if self.rng.random() < 0.2:
            chosen.append(f"“{self.rng.choice(_QUOTES)},” said {self.rng.choice(_SPEAKERS)}.")
        return " ".join(chosen)

    def paragraphs(self, sizes: list[int]) -> list[str]:
        """A release's paragraphs of `sizes` sentences, no sentence twice."""
        pool = self.rng.sample(_SENTENCES, sum(sizes))
        return [" ".join(pool[sum(sizes[:n]):sum(sizes[:n + 1])]) for n in range(len(sizes))]


def _dateline(s: Style, day: dt.date, shapes: list[int]) -> str:
    """A dateline in one of the new shapes, the page's shape among `shapes`; the page's date form, or capitals with
    the month cut short."""
    date, city = s.date(day), s.rng.choice(_CITIES)
    shape = s.pick("dateline", shapes)
    if shape == 0:
        return f"{city}, {s.rng.choice(_PROVINCES)}, {date} — "
    if shape == 1:
        return f"{city} — {date} — "
    if shape == 2:
        return f"({city}) {date}: "
    return f"{city}, {_capital_abbreviated(day)} – "


# --- card conventions: the lines of one card -----------------------------------------------------------------

def _province_dateline(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """The title, then a teaser opening `CITY, Province, DATE — `, `CITY — DATE — ` or `(CITY) DATE: `; on some
    pages a kind label over the title."""
    title = s.title()
    lines, kind = [title, _dateline(s, day, [0, 1, 2]) + s.teaser()], "press_release"
    if s.pick("label", [False, True]):
        label = s.kind()
        lines, kind = [label, *lines], _KINDS[label]
    return lines, Card(title, day, kind)


def _capital_dateline(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A dateline in capitals with the month cut short (`ASTERBY, 4 MAR. 2021 – `) opening the teaser, or a kind
    label and a dateline on one line (`PRESS RELEASE — ASTERBY, DATE — `), opening the teaser or over the title."""
    title, city = s.title(), s.rng.choice(_CITIES)
    label = s.rng.choice(s.pick("capital-kinds", [sorted(_CAPITAL_KINDS)[n::2] for n in range(2)]))
    shape = s.pick("shape", [0, 1, 2])
    if shape == 0:
        return [title, f"{city}, {_capital_abbreviated(day)} – {s.teaser()}"], Card(title, day, "press_release")
    head = f"{label} — {city}, {s.date(day)} — "
    if shape == 1:
        return [title, head + s.teaser()], Card(title, day, _CAPITAL_KINDS[label])
    return [head.rstrip(" —"), title, s.teaser()], Card(title, day, _CAPITAL_KINDS[label])


def _kind_date_line(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A kind-and-date line in a new wording: above the title, under it, or at the end; `Date: DATE Type: KIND` on
    one line always at the end of the card."""
    label, title, teaser, date = s.kind(), s.title(), s.teaser(), s.date(day)
    wording = s.pick("wording", [0, 1, 2, 3, 4, 5])
    if wording == 0:
        label = s.rng.choice(_NUMBERED_KINDS)
        line = f"{label} no. {s.rng.randint(1, 60)}/{day.year} · {date}"
    elif wording == 1:
        line = f"{day.day}.{day.month}.{day.year} | {label}"
    elif wording in (2, 3):  # `Statement of DATE`, `Report, issued DATE`: said of releases, not of blogs or events
        label = label if label in _ISSUED_KINDS else s.rng.choice(_ISSUED_KINDS)
        line = f"{label} of {date}" if wording == 2 else f"{label}, issued {date}"
    elif wording == 4:
        line = f"Type: {label} · Date: {date}"
    else:
        line = f"Date: {date} Type: {label}"
    position = "end" if wording == 5 else s.pick("position", ["above", "under", "end"])
    lines = {"above": [line, title, teaser], "under": [title, line, teaser], "end": [title, teaser, line]}[position]
    return lines, Card(title, day, _KINDS[label])


def _bare_pair(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A date line and a title line, nothing else; the second of the two indented on some pages."""
    title, date = s.title(), s.date(day)
    indent = s.pick("indent", ["", "", "    ", "\t", "  "])
    first, second = s.pick("order", [(date, title), (date, title), (title, date)])
    return [first, indent + second], Card(title, day, "press_release")


def _far_right_date(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A title, a run of spaces, the date: ragged, or in a column beyond the longest title; now and then an
    indented teaser under it."""
    title, date = s.title(), s.date(day)
    column = s.pick("column", [0, 0, 92, 100])
    gap = " " * (max(6, column - len(title)) if column else s.rng.randint(6, 30))
    row = f"{title}{gap}{date}"
    return ([row, "    " + s.teaser(1, 1)] if s.pick("teaser", [False, False, True]) else [row]), \
        Card(title, day, "press_release")


def _release_between_rules(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A whole release: a headline on some pages, a dateline paragraph, more paragraphs, now and then a contact
    line, then the page's rule or page-break line."""
    body = s.paragraphs([s.rng.randint(1, 2) for _ in range(s.rng.randint(2, 3))])
    org, (present, past), tail = s.rng.choice(_ORGS), s.rng.choice(_DOINGS), s.rng.choice(_TAILS)
    # The opening sentence tells what the headline says, as a release's first sentence does.
    first = " ".join(p for p in ["The", org, past, tail] if p) + ". " + body[0]
    body[0] = _dateline(s, day, [0, 1, 2, 3]) + first
    if s.rng.random() < 0.3:
        body.append(f"Contact: {s.rng.choice(_AUTHORS)}, press@{s.org.split()[0].lower()}.example.org")
    rule = s.pick("rule", _SEPARATORS)
    if s.pick("headline", [True, False]):
        title = s._case(" ".join(p for p in [org, present, tail] if p))
        return [title, *body, rule], Card(title, day, "press_release")
    return [*body, rule], Card(None, day, "press_release", _opening(first))


def _opening_first(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A short item with no headline, its first line its opening sentence: under a date line, or with a dateline
    in that first line."""
    first = s.opening_sentence() + " " + s.teaser(1, 1)
    more = [s.teaser(1, 2)] if s.rng.random() < 0.5 else []
    date, town = s.date(day), s.rng.choice(_CITIES).title()
    shape = s.pick("shape", [0, 1, 2, 3, 4])
    if shape == 0:
        lines = [f"— {date} —", first, *more]
    elif shape == 1:
        lines = [f"Dated {date}", first, *more]
    elif shape == 2:
        lines = [f"{town} · {date}", first, *more]
    elif shape == 3:
        lines = [f"{town.upper()} | {date} | {first}", *more]
    else:
        lines = [f"{date}, {town}. {first}", *more]
    return lines, Card(None, day, "press_release", _opening(first))


def _plain_card(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A plain card with a teaser (title, date, teaser in the page's order, a kind line over it on some pages), for
    pages whose chrome is the test."""
    title, date = s.title(), s.date(day)
    lines = s.pick("layout", [[title, date, "T"], [date, title, "T"], [title, "T", date]])
    lines = [s.teaser() if line == "T" else line for line in lines]
    if s.pick("label", [False, False, True]):
        label = s.kind()
        return [label, *lines], Card(title, day, _KINDS[label])
    return lines, Card(title, day, "press_release")


def _byline(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A byline line in every card, with the author's role and no date."""
    title, date = s.title(), s.date(day)
    author, role = s.rng.choice(_AUTHORS), s.rng.choice(_ROLES)
    byline = s.pick("byline", [f"By {author}, {role}", f"By {author} ({role})", f"Words by {author}, {role}",
                               f"Author: {author}, {role}"])
    lines = s.pick("layout", [[title, byline, date, "T"], [date, title, byline, "T"], [title, date, "T", byline]])
    return [s.teaser() if line == "T" else line for line in lines], Card(title, day, "press_release")


def _bilingual(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """`English / Français` on one title line; a bilingual kind line and date on some pages."""
    english, french = s.rng.choice(_BILINGUAL)
    title = f"{english}{s.pick('mark', [' / ', ' / ', ' | ', ' // '])}{french}"
    date = s.date(day)
    if s.pick("french-date", [False, True]):
        date = f"{date} / {day.day} {_MOIS[day.month - 1]} {day.year}"
    lines = s.pick("layout", [[title, date, "T"], [date, title, "T"], [title, "T", date]])
    lines = [s.teaser() if line == "T" else line for line in lines]
    if s.pick("label", [False, True]):
        label = s.rng.choice(sorted(_BILINGUAL_KINDS))
        return [label, *lines], Card(title, day, _BILINGUAL_KINDS[label])
    return lines, Card(title, day, "press_release")


def _footnote_date(s: Style, day: dt.date, n: int) -> tuple[list[str], Card]:
    """The date as the card's footnote (`[1] DATE`), numbered on the page or `[1]` in every card."""
    title, teaser, date = s.title(), s.teaser(), s.date(day)
    mark = f"[{n + 1}]" if s.pick("numbering", [True, False]) else "[1]"
    note = s.pick("note", [f"{mark} {date}", f"{mark} Published {date}.", f"{mark} First published on {date}"])
    lines = s.pick("layout", [[title, teaser, note], [title, note, teaser]])
    return list(lines), Card(title, day, "press_release")


def _correction(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A `Correction appended` line with a later date: at the end, over the title, or beside the date."""
    title, teaser, date = s.title(), s.teaser(), s.date(day)
    later = s.date(day + dt.timedelta(days=s.rng.randint(1, 30)))
    what = s.rng.choice(_CORRECTIONS)
    shape = s.pick("shape", [0, 1, 2, 3])
    if shape == 0:
        lines = [title, date, teaser, f"Correction appended {later}: {what}."]
    elif shape == 1:
        lines = [f"[Correction appended {later}]", title, date, teaser]
    elif shape == 2:
        lines = [title, f"{date} · Correction appended {later}", teaser]
    else:
        lines = [date, title, teaser, "Correction appended", f"Correction, {later}: {what}."]
    return lines, Card(title, day, "press_release")


def _quarter_card(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A card of a quarterly archive: date and title, title, date and teaser, or `DATE — Title`."""
    title, date = s.title(), s.date(day)
    lines = s.pick("layout", [[date, title], [title, date, "T"], [f"{date} — {title}"]])
    return [s.teaser(1, 1) if line == "T" else line for line in lines], Card(title, day, "press_release")


def _quarter_heading(s: Style, day: dt.date) -> str:
    quarter = (day.month - 1) // 3
    return s.pick("quarter", [f"Q{quarter + 1} {day.year}", f"{day.year} – Q{quarter + 1}",
                              f"{['First', 'Second', 'Third', 'Fourth'][quarter]} quarter {day.year}",
                              f"{_MONTHS[3 * quarter]}–{_MONTHS[3 * quarter + 2]} {day.year}"])


BARE = "bare date and title lines with odd gaps"
FAR_RIGHT = "a title with its date far to the right"
TOC = "a numbered table of contents over the cards"
PINNED = "a pinned card repeated in the list"
MOST_READ = "a most-read sidebar after the second card"
QUARTERS = "an archive under quarter headings"
KIND_DATE = "kind and date lines in new wordings"
FOOTNOTE = "a date printed as the card's footnote"
CONVENTIONS: dict[str, Callable[..., tuple[list[str], Card]]] = {
    "datelines with a province, a dash or a bracketed city": _province_dateline,
    "capital datelines, alone or after a kind label": _capital_dateline,
    KIND_DATE: _kind_date_line,
    BARE: _bare_pair,
    FAR_RIGHT: _far_right_date,
    "releases set apart by rules or page breaks": _release_between_rules,
    "items opening with their first sentence": _opening_first,
    TOC: _plain_card,
    PINNED: _plain_card,
    MOST_READ: _plain_card,
    "a byline line in every card": _byline,
    "english and french titles on one line": _bilingual,
    FOOTNOTE: _footnote_date,
    "a correction appended with a later date": _correction,
    QUARTERS: _quarter_card,
}
_NUMBERED = {FOOTNOTE}


def _contents(s: Style, cards: list[Card]) -> list[str]:
    """A numbered list of the page's titles, under its heading."""
    heading = s.pick("contents", ["Contents", "In this issue", "On this page", "IN THIS LISTING"])
    mark = s.pick("toc-mark", ["{n}. ", "{n}) ", "({n}) ", "{n} – "])
    return [heading, *(mark.format(n=n + 1) + card.title for n, card in enumerate(cards) if card.title)]


def _sidebar(s: Style, days: list[dt.date]) -> list[str]:
    """A `Most read` sidebar: three or four numbered older items, each with its date on the next line or after a
    dash; on some pages closed by a `See all` line."""
    heading = s.pick("most-read", ["Most read", "MOST READ", "Most read this month", "Popular right now"])
    titles = s.rng.sample(_MOST_READ, len(days))
    shape = s.pick("sidebar", [0, 1, 2])
    lines = [heading]
    for n, (title, day) in enumerate(zip(titles, days)):
        if shape == 0:
            lines += [f"{n + 1}. {title}", s.date(day)]
        elif shape == 1:
            lines += [f"{n + 1}. {title} — {s.date(day)}"]
        else:
            lines += [f"#{n + 1} {title}", f"   {s.date(day)}"]
    if s.pick("see-all", [False, True]):
        lines.append("See all most read ›")
    return lines


def draw_page(rng: random.Random, convention: str) -> tuple[str, list[Card]]:
    """One page in a convention: its text as saved, and the cards on it."""
    names = _DATELINE_FORMS if convention in {"datelines with a province, a dash or a bracketed city",
                                             "capital datelines, alone or after a kind label",
                                             "releases set apart by rules or page breaks",
                                             "items opening with their first sentence"} else sorted(FORMS)
    form = rng.choice(names)
    date = six._no_break(FORMS[form]) if rng.random() < 0.1 else FORMS[form]
    style = Style(rng=rng, date=date, kinds=rng.sample(sorted(_KINDS), rng.randint(1, 3)),
                  capitals=rng.random() < 0.3, org=rng.choice(_ORGS))
    numeric = form in _NUMERIC or convention == KIND_DATE  # `4.3.2021 | Statement` is day first
    lines: list[str] = rng.sample(six._HEADERS, rng.randint(0, 3))
    blocks: list[list[str]] = []
    cards: list[Card] = []
    keys: list[str] = []
    heading = None
    for n, day in enumerate(six._days(rng, rng.randint(3, 9), numeric)):
        for _attempt in range(20):
            maker = CONVENTIONS[convention]
            block, card = maker(style, day, n) if convention in _NUMBERED else maker(style, day)
            key = six._norm(card.title or card.opening)
            if not any(key in other or other in key for other in keys):
                break
        else:
            continue
        keys.append(key)
        if convention == QUARTERS and _quarter_heading(style, day) != heading:
            heading = _quarter_heading(style, day)
            block = [heading, *block]
        blocks.append(block)
        cards.append(card)
    if convention == TOC:
        lines += _contents(style, cards)
    if convention == PINNED and len(blocks) > 2:  # a card further down, pinned over the list with its date
        again = rng.randrange(2, len(blocks))
        label = style.pick("pin", ["📌 Pinned", "Pinned post", "FEATURED", "★ Featured release", "Featured"])
        blocks.insert(0, [label, *blocks[again]])
    if convention == MOST_READ and len(blocks) > 2:
        back = sorted(rng.sample(range(30, 400), rng.randint(3, 4)))
        older = [cards[-1].published - dt.timedelta(days=days) for days in back]
        blocks.insert(2, _sidebar(style, older))
    starts: set[int] = set()
    for block in blocks:
        starts.add(len(lines))
        lines += block
    starts.add(len(lines))
    lines += rng.sample(six._FOOTERS, rng.randint(0, 3))
    if convention == BARE:
        return _join_gaps(style, lines, starts), cards
    if convention == FAR_RIGHT:  # rows are never rewrapped; they touch or stand a blank line apart
        return style.pick("row-gap", ["\n", "\n\n"]).join(lines) + "\n", cards
    return six._join(rng, convention, lines, starts), cards


def _join_gaps(s: Style, lines: list[str], starts: set[int]) -> str:
    """A card's lines one blank line apart (or touching) and cards two or three blank lines apart."""
    inside, between = s.pick("gaps", [("\n\n", "\n\n\n"), ("\n\n", "\n\n\n\n"), ("\n", "\n\n\n")])
    text = "".join((between if n in starts else inside) + line if n else line for n, line in enumerate(lines))
    return text + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=320, help="pages in all, spread over the conventions")
    parser.add_argument("--seed", type=int, default=91)
    parser.add_argument("--show", help="print the pages of this convention that lose a card or a date")
    args = parser.parse_args(argv)
    return six.run("ninth", draw_page, sorted(CONVENTIONS), args.pages, args.seed, args.show)


if __name__ == "__main__":
    sys.exit(main())
