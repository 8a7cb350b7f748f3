"""An eighth generator of plain-text listings, written before anything was changed for it and without reading the
splitter's rules.

    .venv/bin/python benchmarks/eighth_listings.py [--pages 320] [--seed 81] [--show CONVENTION]

Sixteen card conventions that the earlier generators (unseen, fresh, fourth to seventh, and the grammar in
tests/listing_grammar.py) do not print in these wordings or layouts. sixth_listings.py's harness is reused: its
Card, its run() and score_page (split F1, false merges, date and kind of the found cards), its page headers,
footers, date forms and habits of saving a page. Six date forms are added (`4 March 2021 (Thursday)`, `March 4,
2021, 3:15 p.m.`, `4/3/2021` read day first, `2021 March 4`, `Thursday 4th March 2021`, `MAR 4, 2021`); half the
pages use them. An orchard, a ferry cooperative, a mountain hut association, a silver band, a county archive,
a lido, a rural bus cooperative, a hedgehog hospital. The conventions:

    datelines        an agency dateline opening a teaser (`TARNHOLM (Fellside Press Agency) – DATE – `), or a
                     kind label, the title and a teaser opening `CITY, DATE—`, `(Town, DATE) `, `A / B, DATE – `,
                     `Town, DATE. ` or `(A/B – DATE) `: the dateline is the card's only date
    kind and date    a kind-and-date line worded `Statement // DATE`, `DATE ▸ Update`, `Blog – published DATE`,
                     `DATE » News`, `STATEMENT — DATE`, `[Report] DATE`, above the title, under it or at the end
    bare lines       pages of date and title lines only, the date above or under the title, every line touching,
                     a blank line between cards, or a blank line between every line
    table            a two-column table dump: titles wrapped in the left column, the date right-aligned on the
                     row's first or last line
    releases         whole releases in sequence opening with a dateline: under a headline and closed by a repeated
                     `About …` paragraph and contact block (`For more information:` …), or without a headline and
                     closed by `- 30 -`, `[ENDS]`, `— END —`, `* ENDS *`, a contact line or a `For more information`
                     line
    opening first    short statements with no headline: the first line is the opening sentence, under a kind-and-date
                     line or a date, or signed with the date after the name (`— Marged Pryce, chair, DATE`), or
                     closed by `(Statement, DATE)`; the title is then the opening words (GUIDELINES)
    glued titles     a title run into its date as a page's inline elements are joined (`…nursery4 March 2021`,
                     `4 March 2021Hollin Bank …`), a title and date after a comma, a wrapped title whose last line
                     takes the date after a mark
    other habits     `Category: Statements` labels (a kind line), reading times (`3 min read`), `Filed under:` topic
                     lines; an `Updated DATE` or `(updated DATE)` second date that is not the publication date;
                     bilingual titles (the English headline, its French translation under it); a page printed from
                     a browser, with page breaks, running heads holding the print date and `Page 2 of 7` between
                     (and now and then inside) cards; a cookie consent banner of several lines, holding a date, at
                     the top, the bottom or after the first card; titles opening `Statement from / by / attributable
                     to` with no kind line (statements, by GUIDELINES); media advisories with `When:` (a later date,
                     with or without its year) and `Where:` lines

Expected values follow /work/shared/gold/GUIDELINES.md: the title as printed (the first, English line of a bilingual
pair; the joined lines of a wrapped title), no title for a release printed without a headline (found by its date
and opening words, taken after its dateline), the publication date (never an updated, event, print or cookie
policy date), a printed kind line wins (`Media advisory` is a press release, as in the project's grammar), else a
`Statement by / from / attributable to` title is a statement, else a press release.
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
from sixth_listings import _MONTHS, _WEEKDAYS, Card, _nth, _opening

_ORGS = ["Hollin Bank Community Orchard", "Tarnholm Ferry Cooperative", "Skelwith Mountain Hut Association",
         "Brindlecombe Silver Band", "Carrick Moss County Archive", "Pelling Lido Trust",
         "Upper Dunsop Rural Bus Cooperative", "Ashwick Hedgehog Hospital"]
# What an organisation did, as a headline says it and as an opening sentence does.
_DOINGS = [("grafts forty old apple varieties for its nursery", "grafted forty old apple varieties for its nursery"),
           ("adds a late crossing on Friday evenings", "added a late crossing on Friday evenings"),
           ("reroofs the upper hut before the snow", "reroofed the upper hut before the snow"),
           ("wins the area brass band contest", "won the area brass band contest"),
           ("digitises the old parish tithe maps", "digitised the old parish tithe maps"),
           ("heats the pool with solar panels", "began heating the pool with solar panels"),
           ("restores the Sunday bus to the hill farms", "restored the Sunday bus to the hill farms"),
           ("releases a hundred hedgehogs back into gardens", "released a hundred hedgehogs back into gardens"),
           ("presses the first cider from its own apples", "pressed the first cider from its own apples"),
           ("trains six new skippers for the summer timetable", "trained six new skippers for the summer timetable"),
           ("opens a bunkroom for school groups", "opened a bunkroom for school groups"),
           ("plays a concert for the hospice appeal", "played a concert for the hospice appeal"),
           ("finds a lost charter in a solicitor's attic", "found a lost charter in a solicitor's attic"),
           ("lengthens its season into October", "lengthened its season into October"),
           ("buys an electric minibus with a lottery grant", "bought an electric minibus with a lottery grant"),
           ("opens a second ward for autumn orphans", "opened a second ward for autumn orphans"),
           ("asks volunteers to help with the winter pruning", "asked volunteers to help with the winter pruning"),
           ("welcomes a new bandmaster from Cornwall", "welcomed a new bandmaster from Cornwall")]
# No tail ends in a digit: a title glued to its date must stay readable.
_TAILS = ["", "", "", "", "this autumn", "with help from the parish", "after a long wet summer",
          "for the first time in twenty years", "ahead of the winter timetable"]
_SMALL = {"a", "an", "the", "of", "for", "on", "in", "with", "to", "at", "after", "by", "from", "its", "into",
          "back", "before"}
_SENTENCES = [
    "Volunteers will be on hand at the gate from nine in the morning.",
    "The work was paid for by a bequest from a former member.",
    "Tickets are free but must be booked through the village shop.",
    "Members agreed the plan at a packed meeting in the reading room.",
    "The crossing takes eleven minutes in calm weather.",
    "Nurses at the hospital have cared for more than two hundred animals this year.",
    "The band will rehearse in the chapel schoolroom every Wednesday.",
    "Walkers are asked to keep to the marked path across the moss.",
    "The archive holds parish records going back four centuries.",
    "A second phase of the project is planned once more money is raised.",
    "Pupils from the primary school helped to plant the first row.",
    "The service will run on a trial basis until the end of the season.",
]
# Days printed without a year inside a teaser: never a publication date (GUIDELINES).
_DECOYS = ["The next open day is on 12 June.", "Bookings close on 30 September.",
           "The first rehearsal is on Friday 3 May.", "The hut stays shut until 1 April."]
_QUOTES = ["We could never have done this without the village behind us", "It is the best news the valley has had",
           "Our volunteers have worked wonders", "This is only the beginning for us"]
_SPEAKERS = ["Marged Pryce, chair of trustees", "Tobiah Fenwick, the cooperative's secretary",
             "Dr Ruth Oyelaran, lead vet", "Lorcan Bright, bandmaster", "Hester Quayle, county archivist"]
_PEOPLE = ["Marged Pryce", "Tobiah Fenwick", "Ruth Oyelaran", "Lorcan Bright", "Hester Quayle", "Ianto Rees"]
# Kind labels as printed, with the kind a reader expects (GUIDELINES; a media advisory as the grammar reads it).
_KINDS = {"Press release": "press_release", "News": "press_release", "News release": "press_release",
          "Media advisory": "press_release", "Statement": "statement", "Joint statement": "statement",
          "Report": "report", "Annual report": "report", "Update": "update", "Service update": "update",
          "Blog": "blog", "Event": "event"}
_CATEGORIES = {"Statements": "statement", "Press releases": "press_release", "News": "press_release",
               "Reports": "report", "Updates": "update", "Blog": "blog", "Events": "event"}
_TOPICS = ["Wildlife", "Transport", "Heritage", "Volunteering", "Music", "Swimming", "Orchards", "Walking"]
_CITIES = ["TARNHOLM", "PELLING", "ASHWICK", "BRINDLECOMBE", "CARRICK MOSS", "UPPER DUNSOP", "HOLLIN BANK",
           "SKELWITH BRIDGE"]
_TOWNS = ["Tarnholm", "Pelling", "Ashwick", "Brindlecombe", "Carrick Moss", "Upper Dunsop", "Hollin Bank", "Skelwith"]
_REGIONS = ["Westmarch", "the Dales", "Lower Fennshire"]
_AGENCIES = ["Fellside Press Agency", "Marcher News Service", "Dales Wire", "NPA"]
_BOILERPLATE = {
    "Hollin Bank Community Orchard": "The orchard was planted by villagers after the war and is run by volunteers.",
    "Tarnholm Ferry Cooperative": "The cooperative has run the lake crossing for its members and visitors since 1962.",
    "Skelwith Mountain Hut Association": "The association keeps three huts open to walkers and climbers all year.",
    "Brindlecombe Silver Band": "The band was founded by quarrymen and plays at forty events a year.",
    "Carrick Moss County Archive": "The archive is open to the public four days a week and answers queries by post.",
    "Pelling Lido Trust": "The trust took over the open-air pool from the council and reopened it to swimmers.",
    "Upper Dunsop Rural Bus Cooperative": "The cooperative runs community buses to the farms above the valley.",
    "Ashwick Hedgehog Hospital": "The hospital is a registered charity that treats sick and injured hedgehogs.",
}
# English headlines with their French translation, as a bilingual newsroom prints both.
_BILINGUAL = [
    ("Tarnholm Ferry Cooperative adds a late crossing on Fridays",
     "La coopérative du bac de Tarnholm ajoute une traversée tardive le vendredi"),
    ("Pelling Lido Trust heats the pool with solar panels",
     "La fiducie de la piscine de Pelling chauffe le bassin à l'énergie solaire"),
    ("Ashwick Hedgehog Hospital releases a hundred hedgehogs",
     "L'hôpital pour hérissons d'Ashwick relâche cent hérissons"),
    ("Carrick Moss County Archive digitises the tithe maps",
     "Les archives du comté de Carrick Moss numérisent les plans cadastraux"),
    ("Brindlecombe Silver Band wins the area contest", "La fanfare de Brindlecombe remporte le concours régional"),
    ("Hollin Bank Community Orchard presses its first cider",
     "Le verger communautaire de Hollin Bank presse son premier cidre"),
    ("Skelwith Mountain Hut Association reroofs the upper hut",
     "L'association du refuge de Skelwith refait le toit du refuge supérieur"),
    ("Upper Dunsop Rural Bus Cooperative restores the Sunday bus",
     "La coopérative d'autobus ruraux d'Upper Dunsop rétablit l'autobus du dimanche"),
    ("Tarnholm Ferry Cooperative trains six new skippers",
     "La coopérative du bac de Tarnholm forme six nouveaux capitaines"),
    ("Pelling Lido Trust lengthens its season into October",
     "La fiducie de la piscine de Pelling prolonge sa saison jusqu'en octobre"),
    ("Carrick Moss County Archive finds a lost charter",
     "Les archives du comté de Carrick Moss retrouvent une charte perdue"),
    ("Ashwick Hedgehog Hospital opens a second ward", "L'hôpital pour hérissons d'Ashwick ouvre une deuxième salle"),
]
_STATEMENT_OPENINGS = ["Statement from", "Statement by", "Statement attributable to"]
_STATEMENT_TOPICS = ["the closure of the deep end", "the flooding of the reading room", "the loss of the Sunday bus",
                     "the fire at the cider barn", "the storm damage at the upper hut",
                     "the theft of the band's instruments", "the council's budget vote",
                     "the death of our founder Hilda Marsh"]
_PLACES = ["the lido gates, Ridge Road", "Tarnholm pier", "the bandroom, Chapel Street", "the archive searchroom",
           "the orchard barn", "Upper Dunsop village hall"]
_COOKIE_BANNERS = [
    ["This website uses cookies",
     ("We use cookies that are needed for the site to work and, with your consent, analytics cookies that show us "
      "how the site is used. Our cookie policy was last updated on 2 May 2024."),
     "Accept all cookies", "Reject optional cookies", "Manage preferences"],
    ["Your privacy", ("We and our partners store small files on your device. You can change your mind at any "
                      "time in Cookie settings. Policy date: 14 January 2024."),
     "Accept", "Decline", "Read our cookie policy"],
    ["Cookies on this site", ("Necessary cookies keep the newsroom working. We would also like to set optional "
                              "cookies to improve it."),
     "Yes, I accept", "No, thanks", "Last reviewed 09/09/2024"],
]

# New date forms. `4/3/2021` is read day first; its pages hold a day over 12, so their own dates tell the order.
_NEW_FORMS: dict[str, Callable[[dt.date], str]] = {
    "weekday-in-brackets": lambda d: f"{d.day} {_MONTHS[d.month - 1]} {d.year} ({_WEEKDAYS[d.weekday()]})",
    "pm-time": lambda d: f"{_MONTHS[d.month - 1]} {d.day}, {d.year}, 3:15 p.m.",
    "day-first-slash": lambda d: f"{d.day}/{d.month}/{d.year}",
    "year-first-words": lambda d: f"{d.year} {_MONTHS[d.month - 1]} {d.day}",
    "weekday-ordinal-plain": lambda d: f"{_WEEKDAYS[d.weekday()]} {_nth(d.day)} {_MONTHS[d.month - 1]} {d.year}",
    "capital-abbrev-comma": lambda d: f"{_MONTHS[d.month - 1][:3].upper()} {d.day}, {d.year}",
}
_NUMERIC = six._NUMERIC | {"day-first-slash"}


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

    def title(self) -> str:
        present, _ = self.rng.choice(_DOINGS)
        return self._case(" ".join(p for p in [self.rng.choice(_ORGS), present, self.rng.choice(_TAILS)] if p))

    def opening_sentence(self) -> str:
        """A release's first sentence, saying what happened; with the date it tells the release apart."""
        _, past = self.rng.choice(_DOINGS)
        return " ".join(p for p in ["The", self.rng.choice(_ORGS), past, self.rng.choice(_TAILS)] if p) + "."

    def teaser(self, low: int = 1, high: int = 2) -> str:
        chosen = self.rng.sample(_SENTENCES, self.rng.randint(low, high))
        if self.rng.random() < 0.15:
            chosen.append(self.rng.choice(_DECOYS))
        if self.rng.random() < 0.2:
            chosen.append(f"“{self.rng.choice(_QUOTES)},” said {self.rng.choice(_SPEAKERS)}.")
        return " ".join(chosen)

    def paragraphs(self, sizes: list[int], quote: float = 0.3) -> list[str]:
        """A release's paragraphs of `sizes` sentences, no sentence twice; now and then a day without a year in
        one of them, and a quote as a paragraph of its own at the end."""
        pool = self.rng.sample(_SENTENCES, sum(sizes))
        paragraphs = [" ".join(pool[sum(sizes[:n]):sum(sizes[:n + 1])]) for n in range(len(sizes))]
        if self.rng.random() < 0.15:
            at = self.rng.randrange(len(paragraphs))
            paragraphs[at] += " " + self.rng.choice(_DECOYS)
        if self.rng.random() < quote:
            paragraphs.append(f"“{self.rng.choice(_QUOTES)},” said {self.rng.choice(_SPEAKERS)}.")
        return paragraphs


def _after_dateline(text: str) -> str:
    """A headline-less release's opening words, taken after its dateline: whether the dateline is kept or cut,
    the record's text holds them."""
    return _opening(text)


# --- card conventions: the lines of one card -----------------------------------------------------------------

def _agency_dateline(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """The title, then a teaser opening with an agency dateline (`TARNHOLM (Fellside Press Agency) – DATE – `);
    on some pages a kind label over the title."""
    title, date, city = s.title(), s.date(day), s.rng.choice(_CITIES)
    agency = s.pick("agency", _AGENCIES)
    opener = s.pick("opener", [f"{city} ({agency}) – {date} – ", f"{city} ({agency}) — {date} — ",
                               f"{city.title()}, {s.rng.choice(_REGIONS)} ({agency}) - {date} - ",
                               f"{city} ({agency}), {date} -- "])
    lines, kind = [title, opener + s.teaser()], "press_release"
    if s.pick("label", [False, False, True]):
        label = s.kind()
        lines, kind = [label, *lines], _KINDS[label]
    return lines, Card(title, day, kind)


def _label_title_dateline(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A kind label alone, the title, a teaser opening with a dateline: its only date."""
    label, title, date = s.kind(), s.title(), s.date(day)
    towns = s.rng.sample(_TOWNS, s.rng.randint(2, 3))
    shape = s.pick("opener", [0, 1, 2, 3, 4])
    if shape in (1, 4) and "(" in date:  # a date that holds brackets is not printed inside brackets
        shape = 2
    opener = [f"{s.rng.choice(_CITIES)}, {date}—", f"({s.rng.choice(_TOWNS)}, {date}) ",
              f"{' / '.join(towns)}, {date} – ", f"{s.rng.choice(_TOWNS)}, {date.rstrip('.')}. ",
              f"({'/'.join(towns)} – {date}) "][shape]
    return [label, title, opener + s.teaser()], Card(title, day, _KINDS[label])


def _kind_date_lines(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A kind-and-date line in a new wording, above the title, under it, or at the end of the card."""
    label, title, teaser, date = s.kind(), s.title(), s.teaser(), s.date(day)
    line = s.pick("wording", [f"{label} // {date}", f"{date} ▸ {label}", f"{label} – published {date}",
                              f"{date} » {label}", f"{label.upper()} — {date}", f"[{label}] {date}"])
    position = s.pick("position", ["above", "under", "end", "end-after-link"])
    if position == "above":
        lines = [line, title, teaser]
    elif position == "under":
        lines = [title, line, teaser]
    elif position == "end":
        lines = [title, teaser, line]
    else:
        lines = [title, teaser, "Continue reading »", line]
    return lines, Card(title, day, _KINDS[label])


def _bare_lines(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A date line and a title line, nothing else: the date above or under the title, the same on the page."""
    title, date = s.title(), s.date(day)
    return s.pick("order", [[date, title], [title, date]]), Card(title, day, "press_release")


def _table_row(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A row of a two-column table dump: the title wrapped in its column, the date right-aligned on the row's
    first or last line."""
    title, date = s.title(), s.date(day)
    width = s.pick("width", [42, 46, 50])
    edge = width + 38
    indent = s.pick("indent", ["", "  ", "   "])
    rows = textwrap.wrap(title, width)
    rows = [rows[0], *(indent + row for row in rows[1:])]
    at = s.pick("date-row", [0, -1])
    rows[at] = rows[at].ljust(edge - len(date)) + date
    return ["\n".join(rows)], Card(title, day, "press_release")


def _table_header(s: Style) -> list[str]:
    edge = s.pick("width", [42, 46, 50]) + 38
    name = s.pick("column", ["Date", "Published", "Released"])
    return ["Title".ljust(edge - len(name)) + name, s.pick("rule", ["-", "="]) * edge]


def _dateline(s: Style, day: dt.date) -> str:
    """A release's dateline in the page's shape."""
    date = s.date(day)
    agency = s.pick("agency", _AGENCIES)
    shape = s.pick("dateline", [0, 1, 2, 3])
    if shape == 2 and "(" in date:  # a date that holds brackets is not printed inside brackets
        shape = 0
    return [f"{s.rng.choice(_CITIES)}, {date} – ", f"{s.rng.choice(_CITIES)} ({agency}) – {date} – ",
            f"({s.rng.choice(_TOWNS)}, {date}) – ", f"{'/'.join(s.rng.sample(_TOWNS, 3))}, {date} – "][shape]


def _contact(s: Style) -> list[str]:
    """The page's contact block, the same under every release."""
    name = s.pick("person", _PEOPLE)
    phone = f"01632 960 {s.pick('phone', [214, 377, 508, 862])}"
    email = f"press@{s.org.split()[0].lower()}.example.org"
    return s.pick("contact", [[f"Media contact: {name}, {phone}, {email}"],
                              ["For more information:", name, "Press officer", phone, email],
                              ["Press enquiries", f"{name} | {phone} | {email}"]])


def _headlined_release(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A whole release: on some pages a label, the headline, a dateline paragraph, more paragraphs, then the
    organisation's `About …` paragraph and the contact block, the same each time, and on some pages an end mark."""
    title = s.title()
    body = s.paragraphs([s.rng.randint(1, 2) for _ in range(s.rng.randint(2, 3))], quote=0.4)
    body[0] = _dateline(s, day) + body[0]
    label, kind = s.pick("label", [([], "press_release"), (["NEWS RELEASE"], "press_release"),
                                   (["STATEMENT"], "statement"), (["MEDIA ADVISORY"], "press_release")])
    about = [f"About {s.org}", _BOILERPLATE[s.org]]
    end = s.pick("end", [[], ["- 30 -"], ["###"], ["-ENDS-"]])
    return [*label, title, *body, *about, *_contact(s), *end], Card(title, day, kind)


def _headless_release(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A whole release without a headline: a dateline paragraph, more paragraphs, the page's end mark."""
    text, *more = s.paragraphs([1, *(s.rng.randint(1, 3) for _ in range(s.rng.randint(1, 2)))])
    text = s.opening_sentence() + " " + text
    site = f"www.{s.org.split()[0].lower()}.example.org"
    end = s.pick("end", [["- 30 -"], ["[ENDS]"], ["— END —"], ["* ENDS *"], _contact(s),
                         [f"For more information, visit {site} or call 01632 960 441."]])
    return [_dateline(s, day) + text, *more, *end], Card(None, day, "press_release", _after_dateline(text))


def _opening_first(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A short statement with no headline, its first line its opening sentence: under a kind-and-date line or a
    date, signed with the date after the name, or closed by `(Statement, DATE)`."""
    label, date = s.kind(), s.date(day)
    first, *more = s.paragraphs([1, s.rng.randint(1, 2)] if s.rng.random() < 0.4 else [1], quote=0.0)
    first = s.opening_sentence() + " " + first
    who = s.pick("who", _SPEAKERS)
    shape = s.pick("shape", [0, 1, 2, 3])
    if shape == 0:
        lines, kind = [f"{label} ▸ {date}", first, *more, f"— {who}"], _KINDS[label]
    elif shape == 1:
        lines, kind = [date, first, *more, f"— {who}"], "press_release"
    elif shape == 2:
        lines, kind = [first, *more, f"— {who}, {date}"], "press_release"
    else:
        lines, kind = [first, *more, f"({label}, {date})"], _KINDS[label]
    return lines, Card(None, day, kind, _opening(first))


def _glued_title(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A title run into its date: glued as inline elements are joined, after a comma, the date glued before it,
    or a wrapped title whose second line takes the date after a mark."""
    title, date = s.title(), s.date(day)
    shape = s.pick("shape", [0, 1, 2, 3])
    if shape == 0:
        line = f"{title}{date}"
    elif shape == 1:
        words = title.split()
        cut = max(2, len(words) // 2)
        line = f"{' '.join(words[:cut])}\n{' '.join(words[cut:])} {s.pick('mark', ['·', '|', '—', '//'])} {date}"
    elif shape == 2:
        line = f"{title}, {date}"
    else:
        line = f"{date}{title}"
    lines = [line, s.teaser()] if s.pick("teaser", [True, False]) else [line]
    return lines, Card(title, day, "press_release")


def _category_lines(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A `Category:` label (a kind line), the title, the date with a reading time, the teaser, `Filed under:`
    topics; on some pages no category, only topics."""
    category = s.rng.choice(s.pick("categories", [sorted(_CATEGORIES)[n::3] for n in range(3)]))
    title, date, teaser = s.title(), s.date(day), s.teaser()
    minutes = s.rng.randint(2, 7)
    read = s.pick("read", [f"{minutes} min read", f"Reading time: {minutes} minutes", f"⏱ {minutes} min"])
    meta = s.pick("meta", [[f"{date} · {read}"], [f"{read} | {date}"], [date, read]])
    filed = f"Filed under: {', '.join(s.rng.sample(_TOPICS, s.rng.randint(1, 2)))}"
    layout = s.pick("layout", [0, 1, 2])
    if layout == 0:
        return [f"Category: {category}", title, *meta, teaser, filed], Card(title, day, _CATEGORIES[category])
    if layout == 1:
        return [title, *meta, teaser, f"Category: {category}", filed], Card(title, day, _CATEGORIES[category])
    return [title, *meta, teaser, filed], Card(title, day, "press_release")


def _updated_date(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A card that prints a later `Updated` date beside its publication date, first or in brackets."""
    title, teaser, date = s.title(), s.teaser(), s.date(day)
    later = s.date(day + dt.timedelta(days=s.rng.randint(1, 20)))
    shape = s.pick("shape", [0, 1, 2, 3])
    if shape == 0:
        lines = [f"Updated {later}", title, date, teaser]
    elif shape == 1:
        lines = [title, f"{date} (updated {later})", teaser]
    elif shape == 2:
        lines = [title, f"Last updated: {later} | First published: {date}", teaser]
    else:
        lines = [date, title, teaser, f"This release was updated on {later} to correct a figure."]
    return lines, Card(title, day, "press_release")


def _bilingual(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """The English headline, its French translation under it, the date, the teaser."""
    english, french = s.rng.choice(_BILINGUAL)
    french = s.pick("prefix", ["", "FR: ", "Français : "]) + french
    date = s.date(day)
    lines = s.pick("layout", [[english, french, date, s.teaser()], [date, english, french, s.teaser()],
                              [english, french, date]])
    return list(lines), Card(english, day, "press_release")


def _plain_card(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A plain card (title, date, teaser in the page's order), for pages whose chrome is the test."""
    title, date = s.title(), s.date(day)
    lines = s.pick("layout", [[title, date, "T"], [date, title, "T"], [title, "T", date]])
    return [s.teaser() if line == "T" else line for line in lines], Card(title, day, "press_release")


def _statement_title(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """No kind line: a title opening `Statement from / by / attributable to` is a statement, any other a press
    release."""
    if s.rng.random() < 0.45:
        org = s.rng.choice(_ORGS)
        subject = s.rng.choice([f"the {org}", org, "the chair of trustees", "the secretary"])
        title = s._case(f"{s.rng.choice(_STATEMENT_OPENINGS)} {subject} on {s.rng.choice(_STATEMENT_TOPICS)}")
        kind = "statement"
    else:
        title, kind = s.title(), "press_release"
    date = s.date(day)
    lines = s.pick("layout", [[date, title, "T"], [title, date, "T"], [title, "T", date]])
    return [s.teaser() if line == "T" else line for line in lines], Card(title, day, kind)


def _advisory(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A media advisory: a kind-and-date line, the title, `When:` (a later date) and `Where:` lines."""
    title, date = s.title(), s.date(day)
    label = s.pick("label", ["Media advisory", "MEDIA ADVISORY", "Media Advisory"])
    event = day + dt.timedelta(days=s.rng.randint(2, 12))
    year = f" {event.year}" if s.pick("year", [True, False]) else ""
    when = f"When: {_WEEKDAYS[event.weekday()]} {event.day} {_MONTHS[event.month - 1]}{year}, " \
           f"{s.rng.choice(['10:30', '14:00', '18:45'])}"
    where = f"Where: {s.rng.choice(_PLACES)}"
    head = f"{label} | {date}"
    lines = s.pick("layout", [[head, title, when, where, "T"], [title, head, when, where],
                              [title, when, where, "T", head]])
    return [s.teaser(1, 1) if line == "T" else line for line in lines], Card(title, day, "press_release")


BARE = "bare date and title lines"
TABLE = "a table with wrapped titles and a right-aligned date"
PRINTED = "a browser print with page breaks and running heads"
COOKIES = "a cookie banner around the cards"
CONVENTIONS: dict[str, Callable[[Style, dt.date], tuple[list[str], Card]]] = {
    "agency datelines open the teaser": _agency_dateline,
    "a kind label, the title, a dateline teaser": _label_title_dateline,
    "kind and date lines in new wordings": _kind_date_lines,
    BARE: _bare_lines,
    TABLE: _table_row,
    "headlined releases with about and contact blocks": _headlined_release,
    "headline-less releases between end marks": _headless_release,
    "statements opening with their first sentence": _opening_first,
    "titles glued to their dates": _glued_title,
    "category, reading time and filed-under lines": _category_lines,
    "an updated date beside the publication date": _updated_date,
    "bilingual title lines": _bilingual,
    PRINTED: _plain_card,
    COOKIES: _plain_card,
    "statement titles without a kind line": _statement_title,
    "media advisories with when and where lines": _advisory,
}


def _print_head(s: Style) -> str:
    """The head a browser prints over every sheet: the print date (day and month alike, read either way) and the
    page's name."""
    month = s.pick("print-month", list(range(1, 13)))
    stamp = f"{month:02d}/{month:02d}/2025, 14:{s.pick('print-minute', ['03', '27', '51'])}"
    return s.pick("head", [f"{stamp}    Newsroom | {s.org}", f"{s.org} · Newsroom", f"Newsroom – {s.org}    {stamp}"])


def _print_foot(s: Style, page: int, pages: int) -> str:
    """The foot a browser prints under every sheet: the page's address or the sheet's number."""
    address = f"https://{s.org.split()[0].lower()}.example.org/newsroom"
    return s.pick("foot", [f"Page {page} of {pages}", f"{address}    {page}/{pages}", f"— {page} —"])


def _print_break(s: Style, page: int, pages: int) -> list[str]:
    """What a browser prints between two sheets: the foot of one, the head of the next, on some pages after a
    form feed."""
    return [_print_foot(s, page, pages), s.pick("feed", ["\f", ""]) + _print_head(s)]


def draw_page(rng: random.Random, convention: str) -> tuple[str, list[Card]]:
    """One page in a convention: its text as saved, and the cards on it."""
    forms = _NEW_FORMS if rng.random() < 0.5 else six.FORMS
    form = rng.choice(sorted(forms))
    date = six._no_break(forms[form]) if rng.random() < 0.12 else forms[form]
    style = Style(rng=rng, date=date, kinds=rng.sample(sorted(_KINDS), rng.randint(1, 3)),
                  capitals=rng.random() < 0.3, org=rng.choice(_ORGS))
    lines: list[str] = rng.sample(six._HEADERS, rng.randint(0, 3))
    blocks: list[list[str]] = []
    cards: list[Card] = []
    keys: list[str] = []
    for day in six._days(rng, rng.randint(3, 9), form in _NUMERIC):
        for _attempt in range(20):
            block, card = CONVENTIONS[convention](style, day)
            key = six._norm(card.title or card.opening)
            if not any(key in other or other in key for other in keys):
                break
        else:
            continue
        keys.append(key)
        blocks.append(block)
        cards.append(card)
    if convention == TABLE:
        lines += _table_header(style)
    if convention == PRINTED:  # a sheet holds two or three cards; now and then a break falls inside a card
        every = rng.randint(2, 3)
        sheets = (len(blocks) - 1) // every + 1
        printed: list[list[str]] = []
        for n, block in enumerate(blocks):
            if n and n % every == 0:
                page_break = _print_break(style, n // every, sheets)
                if len(block) > 2 and rng.random() < 0.3:
                    block = [block[0], *page_break, *block[1:]]
                else:
                    printed.append(page_break)
            printed.append(block)
        blocks = printed
        lines = [_print_head(style), *lines]
    if convention == COOKIES:
        banner = list(style.pick("banner", _COOKIE_BANNERS))
        where = style.pick("banner-at", ["top", "bottom", "after-first"])
        if where == "top":
            lines = banner + lines
        elif where == "after-first":
            blocks.insert(1, banner)
    starts: set[int] = set()
    for block in blocks:
        starts.add(len(lines))
        lines += block
    starts.add(len(lines))
    lines += rng.sample(six._FOOTERS, rng.randint(0, 3))
    if convention == PRINTED:
        lines.append(_print_foot(style, sheets, sheets))
    if convention == COOKIES and style.pick("banner-at", ["top", "bottom", "after-first"]) == "bottom":
        starts.add(len(lines))
        lines += list(style.pick("banner", _COOKIE_BANNERS))
    if convention == BARE:
        return _join_bare(style, lines, starts), cards
    if convention == TABLE:  # a table is never rewrapped; its rows touch or stand a blank line apart
        head, rows = lines[:min(starts)], lines[min(starts):]
        return "\n".join(head) + "\n" + style.pick("row-gap", ["\n", "\n\n"]).join(rows) + "\n", cards
    return six._join(rng, convention, lines, starts), cards


def _join_bare(s: Style, lines: list[str], starts: set[int]) -> str:
    """Date and title lines all touching, a blank line between cards, or a blank line between every line."""
    habit = s.pick("gaps", ["touching", "between cards", "everywhere"])
    if habit == "touching":
        text = "\n".join(lines) + "\n"
    elif habit == "everywhere":
        text = "\n\n".join(lines) + "\n"
    else:
        text = "".join(("\n\n" if n in starts else "\n") + line if n else line for n, line in enumerate(lines)) + "\n"
    return text.replace("\n", "\r\n") if s.rng.random() < 0.1 else text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=320, help="pages in all, spread over the conventions")
    parser.add_argument("--seed", type=int, default=81)
    parser.add_argument("--show", help="print the pages of this convention that lose a card or a date")
    args = parser.parse_args(argv)
    return six.run("eighth", draw_page, sorted(CONVENTIONS), args.pages, args.seed, args.show)


if __name__ == "__main__":
    sys.exit(main())
