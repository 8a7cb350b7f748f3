"""A sixth generator of plain-text listings, written before round 5 of issue 21 changed anything.

    .venv/bin/python benchmarks/sixth_listings.py [--pages 336] [--seed 41] [--show CONVENTION]

The grammar (tests/listing_grammar.py) is what the splitter is tested on; the second to fifth generators
(unseen_listings.py, fresh_listings.py, fourth_listings.py, fifth_listings.py) stopped measuring once their
failures had been read. This one is written apart from all of them, after text pages none of them prints:
a date printed as a calendar badge over two or three lines (`04` / `MAR` / `2021`), a mail archive of releases
(`From:` / `Subject:` / `Date: Thu, 04 Mar 2021 10:30:00 +0000`), days without a year under month or year
headings (`March 2021` … `04 | Title`), capital headlines with a subtitle line, long titles hard-wrapped over two
lines, titles that run into their date with no mark between, share, tag and attachment lines in every card
(`Share: Facebook · X · Email`, `Download the release (PDF, 312 KB)`, a file name holding a date), reference
numbers over titles (`Ref. KTM/PR/2021/044`), pages in German, Spanish and French with their own dates and kinds
(`4. März 2021`, `4 de marzo de 2021`, `Communiqué de presse`), whole releases whose first line is their opening
sentence and whose date comes after the text, releases under a repeated letterhead, dot leaders to a date at the
right margin (`Title ........ 04.03.2021`), lettered and roman-numbered items; cookie banners, language menus,
`« Previous 1 2 3 Next »`, `Load more` and `Related links` blocks around the cards; no-break spaces inside dates,
a page indented as a whole. Dates like `4 Mar. 2021`, `4th March, 2021`, `THURSDAY, MARCH 4, 2021`,
`2021-03-04 (Thu)`, `4 March '21`, `03/04/2021` (month first, told by the page), `04.03.21`. A tram museum, a
beekeepers' cooperative, a wetland reserve, a lighthouse guild. Each page is written to a file, read and split
as the pipeline does, and scored with fifth_listings.py's own scoring (unseen_listings.py's for releases printed
without a title, found by their date and opening words):

    split F1        a card is found when a record's title is the headline as a reader reads it (wrapped lines
                    joined, markup aside); other records are false positives
    false merges    records that hold the text of two or more cards
    date, kind      share of the found cards whose date (kind) is right
    loose F1        split F1 again with markup aside

Prints the scores per card convention and over all pages, one `name=value` line each.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
import tempfile
import textwrap
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from fifth_listings import score_page as _score_titled
from unseen_listings import score_page as _score_untitled

_ORGS = ["Kelvedon Tram Museum", "Mossgiel Beekeepers' Cooperative", "Oxley Marsh Wetland Reserve",
         "Quarrendon Lighthouse Guild", "Brackenridge Public Library", "Hollins Moor Wind Cooperative",
         "Dunlathe Fire Lookout Association", "Sallowby Deaf Theatre Company"]
_DOINGS = ["restores a 1912 open-top tram car", "moves forty hives to the heather moor",
           "counts a record number of wintering bitterns", "relights the lamp on the north headland",
           "lends out its hundred thousandth audiobook", "raises a third turbine on the common",
           "reopens the fire tower to summer walkers", "tours a signed play to six village halls",
           "wins a grant to rebuild the depot roof", "bottles the first heather honey of the season",
           "opens a boardwalk across the reedbed", "repaints the keepers' cottages in the old colours",
           "starts a home delivery round for housebound readers", "pays its members a dividend for the first year",
           "trains twelve new lookouts before the dry season", "commissions a new play from a deaf writer",
           "runs late trams for the harvest festival", "shares its queens with two island apiaries"]
_TAILS = ["", "", "", "", "this spring", "thanks to a village appeal", "for the first time since 1987",
          "after two years of fundraising", "along the estuary"]
_SMALL = {"a", "an", "the", "of", "for", "on", "in", "with", "to", "at", "after", "by", "from", "its", "across",
          "since", "along"}
_SUBTITLES = ["Volunteers worked through the winter to finish on time", "A first for the county and the coast",
              "Members will vote on the next step in the autumn", "Visitors can book free places from Monday",
              "The work was paid for by a legacy and small gifts"]
_SENTENCES = [
    "The car will carry passengers on the seafront line from Easter.",
    "Beekeepers checked every colony before the move at first light.",
    "Wardens walked the sea wall twice a day through the cold spell.",
    "The lens was cleaned and set turning again after a long repair.",
    "Readers can ask for large print titles at any branch counter.",
    "The turbine will supply about four hundred homes in the parish.",
    "Lookouts will keep watch from the tower between June and September.",
    "Every performance is signed and captioned for the whole audience.",
    "The depot has leaked since the storm that took part of its roof.",
    "Jars will be on sale at the Saturday market by the church.",
    "Children from the primary school helped to name the new path.",
    "Members can collect their share at the annual meeting in the barn.",
]
_QUOTES = ["We owe this to everyone who gave an hour or a pound", "It is a proud day for the whole valley",
           "This is what the members asked us to do", "Nobody thought we would manage it in one year"]
_SPEAKERS = ["Wenna Trethowan, the museum's curator", "Anselm Brockhurst, chair of the cooperative",
             "Dr Ifeoma Latch, senior warden", "Kit Harrowgate, head keeper", "Priya Dunmore, chief librarian"]
_PEOPLE = ["Wenna Trethowan", "Anselm Brockhurst", "Ifeoma Latch", "Kit Harrowgate", "Priya Dunmore"]
# Kind labels as printed, with the kind a reader expects.
_KINDS = {"Press release": "press_release", "News": "press_release", "Statement": "statement",
          "Report": "report", "Update": "update", "Event": "event", "Media statement": "statement"}
_HEADERS = ["We use cookies to make this site work. Accept all | Reject | Settings", "Menu ☰",
            "Home | About | Visit | Newsroom | Contact", "Newsroom › Press releases › Archive",
            "Language: English | Deutsch | Español", "Search the newsroom…", "Sign up for our newsletter",
            "NEWSROOM", "Press releases and statements"]
_FOOTERS = ["« Previous 1 2 3 Next »", "‹ Newer    Older ›", "Load more", "Showing 1 - 10 of 312 results",
            "Back to top ↑", "Share this page: Facebook | X | LinkedIn | Email", "Subscribe to RSS",
            "© 2024 Kelvedon Tram Museum · Privacy · Accessibility", "Related links", "Media contacts",
            "Image library", "Annual reports archive"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _nth(day: int) -> str:
    return f"{day}{'th' if 11 <= day <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')}"


# Date forms as printed. A numeric page (month first or day first) holds a day over 12, so its own dates tell
# the order.
FORMS: dict[str, Callable[[dt.date], str]] = {
    "abbrev-dot-day-first": lambda d: f"{d.day} {_MONTHS[d.month - 1][:3]}. {d.year}",
    "ordinal-comma": lambda d: f"{_nth(d.day)} {_MONTHS[d.month - 1]}, {d.year}",
    "weekday-capitals": lambda d: f"{_WEEKDAYS[d.weekday()]}, {_MONTHS[d.month - 1]} {d.day}, {d.year}".upper(),
    "weekday-padded-comma": lambda d: f"{_WEEKDAYS[d.weekday()]}, {d.day:02d} {_MONTHS[d.month - 1]} {d.year}",
    "dotted-short-year": lambda d: f"{d.day:02d}.{d.month:02d}.{d.year % 100:02d}",
    "abbrev-time-dot": lambda d: f"{_MONTHS[d.month - 1][:3]} {d.day}, {d.year} · 11:00",
    "iso-weekday": lambda d: f"{d.isoformat()} ({_WEEKDAYS[d.weekday()][:3]})",
    "apostrophe-year": lambda d: f"{d.day} {_MONTHS[d.month - 1]} '{d.year % 100:02d}",
    "abbrev-ordinal-comma": lambda d: f"{_MONTHS[d.month - 1][:3]} {_nth(d.day)}, {d.year}",
    "us-padded-slash": lambda d: f"{d.month:02d}/{d.day:02d}/{d.year}",
    "day-month-capitals": lambda d: f"{d.day:02d} {_MONTHS[d.month - 1].upper()} {d.year}",
    "weekday-abbrev-dot": lambda d: f"{_WEEKDAYS[d.weekday()][:3]}. {d.day} {_MONTHS[d.month - 1]} {d.year}",
}
_NUMERIC = {"dotted-short-year", "us-padded-slash"}

_JOURS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
# Pages in another language: its month names, kinds, date forms, titles and sentences.
_LANGUAGES: dict[str, dict] = {
    "de": {
        "months": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
                   "November", "Dezember"],
        "forms": [lambda d, m: f"{d.day}. {m[d.month - 1]} {d.year}",
                  lambda d, m: f"{d.day:02d}.{d.month:02d}.{d.year}"],
        "kinds": {"Pressemitteilung": "press_release", "Stellungnahme": "statement"},
        "header": ["Pressemitteilungen", "Aktuelles aus dem Museum"],
        "subjects": ["Das Straßenbahnmuseum", "Die Imkergenossenschaft", "Das Naturschutzgebiet",
                     "Die Stadtbibliothek"],
        "doings": ["eröffnet eine neue Ausstellung im alten Depot", "stellt vierzig Bienenvölker in die Heide",
                   "zählt so viele Rohrdommeln wie nie zuvor", "verleiht ihr hunderttausendstes Hörbuch",
                   "erhält Fördergeld für das Hallendach", "sucht Freiwillige für den Sommer"],
        "sentences": ["Die Arbeiten beginnen im Frühjahr und dauern etwa drei Monate.",
                      "Besucher können sich ab Montag kostenlos anmelden.",
                      "Das Geld stammt aus einer Spendenaktion im Dorf.",
                      "Die Mitglieder stimmen im Herbst über den nächsten Schritt ab."],
    },
    "es": {
        "months": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
                   "octubre", "noviembre", "diciembre"],
        "forms": [lambda d, m: f"{d.day} de {m[d.month - 1]} de {d.year}",
                  lambda d, m: f"{d.day} {m[d.month - 1][:3]}. {d.year}"],
        "kinds": {"Comunicado de prensa": "press_release", "Nota de prensa": "press_release",
                  "Declaración": "statement"},
        "header": ["Sala de prensa", "Noticias y comunicados"],
        "subjects": ["El museo del tranvía", "La cooperativa apícola", "La reserva de humedales",
                     "La biblioteca municipal"],
        "doings": ["restaura un tranvía de 1912", "traslada cuarenta colmenas al páramo",
                   "abre una pasarela sobre el carrizal", "presta su audiolibro número cien mil",
                   "recibe una ayuda para reparar la cochera", "busca voluntarios para el verano"],
        "sentences": ["Las obras empiezan en primavera y durarán unos tres meses.",
                      "Los visitantes pueden reservar plaza gratis desde el lunes.",
                      "El dinero procede de una colecta entre los vecinos.",
                      "Los socios votarán el siguiente paso en otoño."],
    },
    "fr": {
        "months": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                   "novembre", "décembre"],
        "forms": [lambda d, m: f"{d.day} {m[d.month - 1]} {d.year}",
                  lambda d, m: f"{_JOURS[d.weekday()]} {d.day} {m[d.month - 1]} {d.year}"],
        "kinds": {"Communiqué de presse": "press_release", "Déclaration": "statement"},
        "header": ["Espace presse", "Communiqués"],
        "subjects": ["Le musée du tramway", "La coopérative apicole", "La réserve naturelle du marais",
                     "La bibliothèque municipale"],
        "doings": ["restaure une motrice de 1912", "installe quarante ruches sur la lande",
                   "ouvre un caillebotis à travers la roselière", "prête son cent millième livre audio",
                   "obtient une aide pour refaire la toiture du dépôt", "cherche des bénévoles pour l'été"],
        "sentences": ["Les travaux commencent au printemps et dureront trois mois.",
                      "Les visiteurs peuvent réserver gratuitement dès lundi.",
                      "L'argent provient d'une collecte dans le village.",
                      "Les membres voteront la prochaine étape à l'automne."],
    },
}


@dataclass(frozen=True, slots=True)
class Card:
    """What a reader expects back for one card: its title (None when printed without one, then its opening)."""

    title: str | None
    published: dt.date
    kind: str
    opening: str = ""


@dataclass(slots=True)
class Style:
    """One page's habits, drawn once: every card on it is printed the same way."""

    rng: random.Random
    date: Callable[[dt.date], str]
    kinds: list[str]
    capitals: bool
    variant: int  # which of a convention's printed variants the page uses
    language: str = "en"
    seen: set[str] = field(default_factory=set)

    def kind(self) -> str:
        return self.rng.choice(self.kinds)

    def title(self, long: bool = False) -> str:
        parts = [self.rng.choice(_ORGS), self.rng.choice(_DOINGS), self.rng.choice(_TAILS)]
        if long:  # a headline that runs past 72 columns
            parts[2] = self.rng.choice([t for t in _TAILS if t]) + " and " + self.rng.choice(
                ["opens its doors to school groups", "thanks the parish council", "plans a second phase next year"])
        text = " ".join(p for p in parts if p)
        if self.capitals:
            return " ".join(w if w in _SMALL else w[:1].upper() + w[1:] for w in text.split())
        return text

    def teaser(self, low: int = 1, high: int = 2) -> str:
        chosen = self.rng.sample(_SENTENCES, self.rng.randint(low, high))
        if self.rng.random() < 0.2:
            chosen.append(f"“{self.rng.choice(_QUOTES)},” said {self.rng.choice(_SPEAKERS)}.")
        return " ".join(chosen)

    def pick(self, options: list):
        """The page's variant of a printed form: one choice, kept for every card."""
        return options[self.variant % len(options)]


def _opening(text: str) -> str:
    """A release's first words: with its date, they tell it from every other release."""
    return " ".join(text.split()[:10])


# --- card conventions: the lines of one card -----------------------------------------------------------------

def _calendar_badge(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A date printed as a badge over two or three lines (`04` / `MAR` / `2021`), the title, the teaser."""
    title, month = s.title(), _MONTHS[day.month - 1]
    badge = s.pick([[f"{day.day:02d}", month[:3].upper(), str(day.year)], [month[:3], f"{day.day}", str(day.year)],
                    [f"{day.day}", f"{month} {day.year}"], [f"{day.day:02d}", f"{month[:3]} {day.year}"]])
    return [*badge, title, s.teaser()], Card(title, day, "press_release")


def _mail_archive(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A message of a mail archive: `From:`, `Subject:` and an RFC 2822 `Date:`, the text, a rule."""
    title = s.title()
    stamp = f"{_WEEKDAYS[day.weekday()][:3]}, {day.day:02d} {_MONTHS[day.month - 1][:3]} {day.year} 10:30:00 +0000"
    subject, kind = s.pick([(title, "press_release"), (f"[Newsroom] {title}", "press_release"),
                            (f"Statement: {title}", "statement")])
    head = [f"From: Press Office <press@{s.rng.choice(['tram', 'hive', 'marsh', 'light'])}.example.org>",
            f"Subject: {subject}", f"Date: {stamp}"]
    if s.variant % 2:
        head = [head[0], head[2], head[1]]
    return [*head, s.teaser(1, 3), s.pick(["=" * 60, "----- next message -----", "-" * 40])], Card(title, day, kind)


def _month_heading_days(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """Under a month (or year) heading, a day without a year leads the title: `04 | Title`, `4 March – Title`."""
    title = s.title()
    lead = s.pick([f"{day.day:02d} | {title}", f"{day.day} {_MONTHS[day.month - 1]} – {title}",
                   f"{_WEEKDAYS[day.weekday()][:3]} {day.day} · {title}",
                   f"{_MONTHS[day.month - 1][:3]} {day.day}: {title}"])
    lines = [lead, s.teaser(1, 1)] if s.variant % 3 == 0 else [lead]
    return lines, Card(title, day, "press_release")


def _month_heading(s: Style, day: dt.date) -> str:
    """The heading a page of days prints over them: the year when each day carries its month, else the month."""
    second = s.variant // 4 % 2
    if s.variant % 4 in (1, 3):  # `4 March – Title` and `Mar 4: Title` carry their month
        return f"— {day.year} —" if second else str(day.year)
    month = _MONTHS[day.month - 1]
    return f"{month.upper()} {day.year}" if second else f"{month} {day.year}"


def _caps_with_subtitle(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A headline in capitals, a subtitle line in sentence case, the date, the teaser."""
    title = s.title()
    subtitle = s.rng.choice(_SUBTITLES)
    date = s.pick([s.date(day), f"Published {s.date(day)}", f"{s.date(day)} | News"])
    return [title.upper(), subtitle, date, s.teaser()], Card(title, day, "press_release")


def _long_wrapped_title(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A headline past 72 columns wrapped over two lines, then the date and the teaser (or the date first)."""
    title = s.title(long=True)
    wrapped = textwrap.wrap(title, s.pick([60, 66, 72]))
    lines = ["\n".join(wrapped), s.date(day), s.teaser()] if s.variant % 2 else \
        [s.date(day), "\n".join(wrapped), s.teaser()]
    return lines, Card(title, day, "press_release")


def _title_into_date(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A title that runs into its date with no mark between (`Title 4 March 2021`), or whose last line does."""
    title = s.title()
    if s.variant % 2:
        words = title.split()
        cut = max(2, len(words) // 2)
        lines = [f"{' '.join(words[:cut])}\n{' '.join(words[cut:])} {s.date(day)}"]
    else:
        lines = [f"{title} {s.date(day)}"]
    return [*lines, s.teaser()], Card(title, day, "press_release")


def _share_and_tags(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """Title, date, teaser, then a share line, a tags line and a read-the-release line."""
    label, title = s.kind(), s.title()
    tags = ", ".join(s.rng.sample(["Heritage", "Wildlife", "Volunteers", "Transport", "Libraries", "Energy"], 2))
    return [title, f"{label} · {s.date(day)}", s.teaser(), "Share: Facebook · X · LinkedIn · Email",
            f"Tags: {tags}", s.pick(["Read the full release ›", "Continue reading", "More"])], \
        Card(title, day, _KINDS[label])


def _attachments(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """Title, date, teaser, then the release as a download and its file name, which holds a date too."""
    title = s.title()
    name = re.sub(r"[^a-z0-9]+", "-", title.lower())[:40].strip("-")
    return [title, s.date(day), s.teaser(1, 1), f"Download the release (PDF, {s.rng.randint(90, 900)} KB)",
            f"Attachment: {day.isoformat()}-{name}.pdf"], Card(title, day, "press_release")


def _reference_number(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A reference number over the title (`Ref. KTM/PR/2021/044`, `No. 44/21`), then the date and the teaser."""
    title, number = s.title(), s.rng.randint(1, 120)
    ref = s.pick([f"Ref. KTM/PR/{day.year}/{number:03d}", f"No. {number}/{day.year % 100:02d}",
                  f"Release {day.year % 100:02d}-{number:03d}", f"PR {number:03d}/{day.year} · {s.date(day)}"])
    lines = [ref, title, s.teaser()] if s.variant % 4 == 3 else [ref, title, s.date(day), s.teaser()]
    return lines, Card(title, day, "press_release")


def _foreign_page(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A card of a page in German, Spanish or French: its own dates, kinds, titles and teasers."""
    lang = _LANGUAGES[s.language]
    label = s.rng.choice(sorted(lang["kinds"]))
    title = f"{s.rng.choice(lang['subjects'])} {s.rng.choice(lang['doings'])}"
    date = s.pick(lang["forms"])(day, lang["months"])
    teaser = " ".join(s.rng.sample(lang["sentences"], s.rng.randint(1, 2)))
    lines = s.pick([[date, title, teaser], [title, date, teaser], [f"{label} | {date}", title, teaser],
                    [title, f"{date} – {label}", teaser]])
    kind = _KINDS_FOREIGN[label] if any(label in line for line in lines) else "press_release"
    return lines, Card(title, day, kind)


_KINDS_FOREIGN = {label: kind for lang in _LANGUAGES.values() for label, kind in lang["kinds"].items()}


def _opening_first_release(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A whole release without headline or dateline: its first line is its opening sentence, its date after the
    text, then an end mark."""
    # The opening sentence says what happened, as the first line of a release does; no other release holds it.
    first = f"{s.rng.choice(_ORGS)} {s.rng.choice(_DOINGS)} {s.rng.choice(_TAILS)}".strip() + ". " + s.teaser(1, 1)
    more = [s.teaser(1, 3) for _ in range(s.rng.randint(1, 2))]
    date = s.pick([f"Issued on {s.date(day)}", f"Published {s.date(day)}", s.date(day),
                   f"Date of issue: {s.date(day)}"])
    end = s.pick(["- 30 -", "* * *", "——", "END"])
    return [first, *more, date, end], Card(None, day, "press_release", _opening(first))


def _letterhead_release(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A whole release under the organisation's letterhead, repeated for each: name, address, `NEWS RELEASE`,
    the date, the headline, the text, a contact line."""
    title, org = s.title(), s.pick(_ORGS)
    head = [org.upper(), s.pick(["Tram Depot, Harbour Road, Kelvedon KV2 7QT", "The Old Forge, Mossgiel MG4 1AA",
                                 "Tel. 01632 960 481 · press@example.org"])]
    label = s.pick(["NEWS RELEASE", "MEDIA RELEASE", "PRESS RELEASE"])
    body = [s.teaser(2, 2), s.teaser(1, 2)]
    contact = f"Media contact: {s.rng.choice(_PEOPLE)}, 01632 960 {s.rng.randint(100, 999)}"
    return [*head, label, s.date(day), title, *body, contact], Card(title, day, "press_release")


def _dot_leaders(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A title, dot leaders (or spaces) and the date at the right margin, as a table of contents prints it."""
    title, date = s.title(), s.date(day)
    fill = s.pick([".", " ", "."])
    room = 78 - len(date) - 2
    if len(title) > room - 3:  # a long title wraps; the date ends its last line
        *head, last = textwrap.wrap(title, room - 8)
        return ["\n".join([*head, f"{last} {fill * (room - len(last))} {date}"])], Card(title, day, "press_release")
    return [f"{title} {fill * (room - len(title))} {date}"], Card(title, day, "press_release")


_ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]


def _lettered_items(s: Style, day: dt.date, n: int) -> tuple[list[str], Card]:
    """Lettered or roman-numbered items: `a) Title (DATE)`, `iv. Title – DATE`, now and then a teaser indented."""
    title = s.title()
    mark = s.pick([f"{'abcdefghijkl'[n]})", f"{_ROMAN[n]}.", f"({'abcdefghijkl'[n]})", f"{_ROMAN[n].upper()}."])
    line = s.pick([f"{mark} {title} ({s.date(day)})", f"{mark} {title} – {s.date(day)}",
                   f"{mark} {s.date(day)}: {title}"])
    return ([line, f"    {s.teaser(1, 1)}"] if s.variant % 3 == 1 else [line]), Card(title, day, "press_release")


CONVENTIONS: dict[str, Callable[..., tuple[list[str], Card]]] = {
    "calendar badge date": _calendar_badge,
    "mail archive messages": _mail_archive,
    "days under month or year headings": _month_heading_days,
    "capital headline with a subtitle": _caps_with_subtitle,
    "long title wrapped over two lines": _long_wrapped_title,
    "title runs into its date": _title_into_date,
    "share, tags and read-more lines": _share_and_tags,
    "attachment lines with dated file names": _attachments,
    "reference number over the title": _reference_number,
    "pages in german, spanish or french": _foreign_page,
    "releases opening with their first sentence": _opening_first_release,
    "releases under a repeated letterhead": _letterhead_release,
    "dot leaders to a right-margin date": _dot_leaders,
    "lettered and roman-numbered items": _lettered_items,
}
_NUMBERED = {"lettered and roman-numbered items"}
_HEADED = {"days under month or year headings"}
_ROWS = {"dot leaders to a right-margin date", "lettered and roman-numbered items"}


def _days(rng: random.Random, count: int, numeric: bool) -> list[dt.date]:
    """Publication days, newest first; on a numeric page at least one day is over 12."""
    while True:
        day = dt.date(rng.randint(2003, 2024), rng.randint(1, 12), rng.randint(1, 28))
        days = []
        for _ in range(count):
            day -= dt.timedelta(days=rng.randint(1, 40))
            days.append(day)
        if not numeric or any(d.day > 12 for d in days):
            return days


def _no_break(date: Callable[[dt.date], str]) -> Callable[[dt.date], str]:
    """A date form printed with no-break spaces, as a page's HTML had `&nbsp;` in it."""
    return lambda d: date(d).replace(" ", "\u00a0")


def draw_page(rng: random.Random, convention: str) -> tuple[str, list[Card]]:
    """One page in a convention: its text as saved, and the cards on it."""
    form = rng.choice(sorted(FORMS))
    date = _no_break(FORMS[form]) if rng.random() < 0.12 else FORMS[form]
    style = Style(rng=rng, date=date, kinds=rng.sample(sorted(_KINDS), rng.randint(1, 3)),
                  capitals=rng.random() < 0.3, variant=rng.randint(0, 11), language=rng.choice(sorted(_LANGUAGES)))
    foreign = convention == "pages in german, spanish or french"
    lines: list[str] = rng.sample(_LANGUAGES[style.language]["header"], 1) if foreign else \
        rng.sample(_HEADERS, rng.randint(0, 3))
    blocks: list[list[str]] = []
    cards: list[Card] = []
    keys: list[str] = []
    heading = None
    for n, day in enumerate(_days(rng, rng.randint(3, 9), form in _NUMERIC and not foreign)):
        for _attempt in range(20):
            maker = CONVENTIONS[convention]
            block, card = maker(style, day, n) if convention in _NUMBERED else maker(style, day)
            key = _norm(card.title or card.opening)
            if not any(key in other or other in key for other in keys):
                break
        else:
            continue
        keys.append(key)
        if convention in _HEADED and _month_heading(style, day) != heading:
            heading = _month_heading(style, day)
            block = [heading, *block]
        blocks.append(block)
        cards.append(card)
    starts: set[int] = set()
    for block in blocks:
        starts.add(len(lines))
        lines += block
    starts.add(len(lines))
    footers = rng.sample(_FOOTERS, rng.randint(0, 3))
    lines += footers
    text = _join(rng, convention, lines, starts)
    if rng.random() < 0.1:  # a page indented as a whole, as some converters print a page's main column
        text = "".join(f"    {line}" if line.strip() else line for line in text.splitlines(keepends=True))
    return text, cards


def _join(rng: random.Random, convention: str, lines: list[str], starts: set[int]) -> str:
    """A page's lines as saved, by one of the habits of the tools that save text pages."""
    habit = rng.random()
    if convention in _ROWS:  # rows touch, or stand a blank line apart; a table of contents is never rewrapped
        return ("\n" if habit < 0.6 else "\n\n").join(lines) + "\n"
    if habit < 0.3 and convention != "mail archive messages":  # hard-wrapped at 72 columns, every line a block
        lines = ["\n".join(textwrap.wrap(line, 72, break_long_words=False, break_on_hyphens=False))
                 if len(line) > 72 else line for line in lines]
        return "\n\n".join(lines) + "\n"
    if habit < 0.4:  # Windows line ends
        return "\r\n".join(lines).replace("\n", "\r\n").replace("\r\r", "\r") + "\r\n"
    if habit < 0.7:  # a card's lines together, a blank line between cards
        return "".join(("\n\n" if n in starts else "\n") + line if n else line for n, line in enumerate(lines)) + "\n"
    return rng.choice(["\n", "\n\n"]).join(lines) + "\n"


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "").lower()).strip(" .")


def score_page(records: list, cards: list[Card]) -> dict[str, int]:
    """Counts for one page, with fifth_listings.py's scoring, or unseen_listings.py's when a card has no title."""
    if all(card.title is not None for card in cards):
        return _score_titled(records, cards)
    counts = _score_untitled(records, cards)
    counts["loose"] = counts["found"]
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=336, help="pages in all, spread over the conventions")
    parser.add_argument("--seed", type=int, default=41)
    parser.add_argument("--show", help="print the pages of this convention that lose a card or a date")
    args = parser.parse_args(argv)
    return run("sixth", draw_page, sorted(CONVENTIONS), args.pages, args.seed, args.show)


def run(name: str, draw: Callable[[random.Random, str], tuple[str, list[Card]]], names: list[str], pages: int,
        seed: int, show: str | None) -> int:
    """Draw `pages` pages over the conventions `names` in turn, read and split each as the pipeline does, score
    them, and print one line per convention and one over all pages (`{name}_{convention}: split_f1=…`)."""
    from pipeline.errors import SkipInput
    from pipeline.read import read
    from pipeline.split import split

    rng = random.Random(seed)
    totals: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    with tempfile.TemporaryDirectory(prefix=f"{name}-") as folder:
        for n in range(pages):
            convention = names[n % len(names)]
            text, cards = draw(rng, convention)
            path = Path(folder, f"page{n:04d}.txt")
            path.write_bytes(text.encode("utf-8"))
            try:
                records = split(read(path))
            except SkipInput:
                records = []
            counts = score_page(records, cards)
            for key, value in counts.items():
                totals[convention][key] += value
                totals["all"][key] += value
            if show == convention and (counts["found"] < len(cards) or counts["date_ok"] < counts["found"]
                                       or counts["kind_ok"] < counts["found"] or counts["merges"]
                                       or counts["records"] != len(cards)):
                print(f"--- page {n}: {counts}\n{text}")
                for record in records:
                    print(f"  => {record.published} {record.kind} {record.title!r} | {(record.summary or '')[:70]!r}")
    for convention in [*names, "all"]:
        t = totals[convention]
        precision = t["found"] / t["records"] if t["records"] else 1.0
        recall = t["found"] / t["cards"] if t["cards"] else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        loose_p = t["loose"] / t["records"] if t["records"] else 1.0
        loose_r = t["loose"] / t["cards"] if t["cards"] else 1.0
        loose_f1 = 2 * loose_p * loose_r / (loose_p + loose_r) if loose_p + loose_r else 0.0
        label = re.sub(r"\W+", "_", convention.lower()).strip("_")
        print(f"{name}_{label}: split_f1={f1:.3f} precision={precision:.3f} recall={recall:.3f} "
              f"false_merges={t['merges']} date={t['date_ok'] / max(1, t['found']):.3f} "
              f"kind={t['kind_ok'] / max(1, t['found']):.3f} loose_f1={loose_f1:.3f} cards={t['cards']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
