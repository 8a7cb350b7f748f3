"""A twelfth generator of plain-text listings, written without reading the splitter's rules and before anything
was changed for it: a "first seen" measurement.

    .venv/bin/python benchmarks/twelfth_listings.py [--pages 320] [--seed 121] [--show CONVENTION]

Seventeen card conventions that real newsrooms print in plain text (saved pages, converted PDFs, feed and API dumps,
spreadsheet and wiki exports, site search pages, copied archives) and that the earlier generators (unseen, fresh,
fourth to eleventh, and the grammar in tests/listing_grammar.py) do not print in these wordings or layouts.
sixth_listings.py's harness is reused, as tenth and eleventh reuse it, so the numbers compare: its Card, its run()
and score_page (split F1, false merges, date and kind of the found cards), its page headers, footers, days and
habits of saving a page. Date forms are eleventh's (sixth's to tenth's and its own), with forms of their own where a
format fixes them (feeds, exports, a stated numeric order). Pages hold five to twenty cards (whole releases four to
eight; bulletins of two to four items a day). A district council, a canoe club, an almshouse charity, a seal watch,
a village hall committee, a cycle path trust, a community bakery, a folk festival, a mine rescue team, a tool
library; invented towns, regions and people. The conventions:

    rss fields       an RSS dump, one labelled field a line: `Title:`, `Link:`, `pubDate: Thu, 04 Mar 2021
                     09:00:00 +0000`, `Category: Statements` on some pages, `dc:creator:`, `Description:`, `guid:`,
                     under a channel header with its own `lastBuildDate:`; items after `--- item 3 ---` on some
    atom entries     an Atom dump: `entry` (or `<entry>`), then indented `title:`, `id: tag:…,2009:news/4812`,
                     `published: 2021-03-04T09:30:00Z`, `updated:` a later stamp (before or after `published`),
                     `link:`, `category:` on some pages, `summary:`; the feed's own `title:` and `updated:` at the top
    year tree        an archive under a year heading (`2021`, `Year 2021`, `▾ 2021`) and month headings without
                     the year (`March`, `MARCH`, `March (3)`, `  ▸ March`); each card a day only: `4 — Title`,
                     `04  Title`, `4th — Title`, `[04] Title`, `4. Title` (a day, not a list number), or the day on
                     a line of its own over the title
    stated order     numeric dates (`4.3.2021`, `04/03/2021`, `03/04/2021`, `03-04-2021`) on pages whose every day
                     is 12 or less, so that only the page's own statement tells the order: `All dates on this page
                     are given as day, month, year (DD.MM.YYYY)`, `Date format: MM/DD/YYYY`, at the top or the foot;
                     the date under, over or after the title (`Title (04/03/2021)`, `Title — 04/03/2021`)
    csv export       a spreadsheet export: a header row (`date,title,type,url`, `Title;Published;Category`,
                     tab-separated `id  headline  release_date  kind`), one row per release, titles quoted when they
                     hold a comma or a quote (`"…, says the chair"`, a boat's name in doubled quotes), dates ISO,
                     ISO with a time, or day first (every such page holds a day over 12); an `# exported …` comment
    org and wiki     org-mode (`* Title` with a `:PROPERTIES:` drawer holding `:PUBLISHED: [2021-03-04 Thu 09:30]`
                     and `:CATEGORY:`, or `** <2021-03-04 Thu> Title   :roads:`), MediaWiki (`== Title ==`,
                     `''Published DATE''`, `[[Category:Statements]]`) or DokuWiki (`===== Title =====`, `//DATE//`)
    pdf releases     whole releases from a converted PDF: a form feed before each, a letterhead, `NEWS RELEASE` or
                     `MEDIA STATEMENT`, the date, the headline, a dateline without its date, text hard-wrapped at 76
                     to 86 columns, `- more -`, a form feed and a running head (`Org — Headline… — page 2`, `ORG NEWS
                     RELEASE, DATE, PAGE 2`, `Page 2 of 2`), more text, `###` and a contact line
    byline meta      an author and a reading time with the date: `Tamsin Achterberg · 4 min read · DATE`, `Written
                     by Name, Role | DATE | Reading time: 4 minutes`, `DATE — by Name — 4 min`, `4 MIN READ` over
                     the title and `By NAME | DATE` under it, or the author's name and role over the title; a kind
                     label on some pages
    edit dates       a publication date and a later edit in new wordings: `First published DATE · Last updated
                     DATE`, `Updated DATE (originally published DATE)`, `Created DATE | Modified DATE`, `DATE (rev.
                     DATE)`, `Last modified: DATE` after the teaser, `Latest revision DATE` over the title
    posted trailer   the date only in a trailing `(Posted: DATE)`, `Posted: DATE | Permalink: …` or `— posted DATE
                     in Statements` line after the teaser, beside a permalink whose path holds the date
                     (`/2021/03/04/slug/`) or its month (`/2021/03/slug`)
    four languages   a newsroom in German, French, Italian and English, each card in its own language with its own
                     kind label (`Medienmitteilung`, `Prise de position`, `Comunicato stampa`, `Media release`) and
                     date (`4. März 2021`, `1er mars 2021`, `giovedì 4 marzo 2021`)
    centred capitals headlines in capitals (now and then in sentence case) wrapped over three lines and centred,
                     as a converted PDF sets them, the date centred under them (`— DATE —` on some pages), a centred
                     kind label over them on some pages, the teaser at the left margin
    dateline releases whole releases with datelines in new shapes: `DATE, TOWN — `, `Town/Town (DATE) — `, `TOWN
                     (Region), DATE: `, `Town, Region — DATE — `; closed by `– end –`, `(ends)`, `[end of
                     release]`, `oOo`, `+++` or `<<END>>` and, on some pages, a repeated `For more information
                     contact:` block; with a headline (and a standfirst on some pages), without one, or mixed
    search results   a site search's results: a query line, a result count, sorting and filter lines; each result
                     its title (numbered on some pages), a breadcrumb URL (`https://www.… › news › slug`), then
                     `DATE — snippet…` or a `Kind · DATE` line and the snippet; `Searches related to …` at the foot
    date gutter      the date in a left gutter and the title wrapped beside it in a column, continuation lines
                     indented to the column; a teaser under it after a blank line on some pages; a blank line
                     between cards, or none on some pages of titles only
    json export      a news API's answer saved as text: a pretty-printed array of objects (`"title"`, `"date":
                     "2021-03-04T09:30:00+00:00"`, `"modified"`, `"type"`, `"link"`, `"excerpt"`), WordPress's
                     nested `"title": {"rendered": …}`, or one object a line
    daily bulletin   a page of daily bulletins: `Daily News 04 / 03 / 2021`, `PRESS BULLETIN — DATE` or `News
                     digest no. 45 · DATE` over two to four items, each a title, a `Town, DATE` line and a paragraph

Expected values follow /work/shared/gold/GUIDELINES.md, decided as follows:

- title: the title line as printed (in capitals when printed in capitals), markup aside: field labels (`Title:`,
  `title:`), org stars and tags, wiki `==` and `=====`, CSV quotes (a doubled quote is one quote), JSON quotes and
  escapes, a result's list number, a year tree's day (`4. Title` is Title). Wrapped lines (centred, in a gutter)
  are joined by a space. A release printed without a headline has no title: it is found by its date and its
  opening words, taken after its dateline (its opening sentence has ten words or more). A standfirst under a
  headline is not the title; a running head is not a headline.
- date: the card's publication date: `pubDate`, Atom's `published` (never `updated`), the date line, the day
  under year and month headings (taking their year), a numeric date in the order the page states, a row's or an
  object's date field (never `modified`), the first publication (never an edit, a revision, a modification), a
  `Posted` line, a dateline's date, a bulletin's date. Times are printed between 08:00 and 17:59 in zones from
  -05:00 to +01:00, so a date never changes with its zone. Never a channel's `lastBuildDate`, a feed's or an
  entry's `updated`, an export's or a wiki's own date, a running head's date, a day without its year in the text.
- kind: a printed kind label, category or type wins (`Statements`, `Prise de position`, `MEDIA STATEMENT` are
  statements; `Reports` a report; `Updates` an update; `Blog` a blog; `Events` an event; `Media
  coverage` media coverage; `News`, `Press releases`, `Medienmitteilung`, `Comunicato stampa`, `NEWS RELEASE`
  press releases); WordPress's `"type": "post"` and org and wiki topic tags are no kinds; with none, a press
  release (no title here opens `Statement by`).
- channel and feed headers, CSV header rows and comments, org and wiki file headers, letterheads, running heads,
  `- more -`, end marks, contact blocks, search pages' query, count, filter and related lines, bulletin headings
  and year and month headings are page chrome: a record for one alone is a false positive.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import eleventh_listings as eleven
import sixth_listings as six
import tenth_listings as ten
from sixth_listings import _MONTHS, _WEEKDAYS, Card, _opening

_ORGS = ["Ravensholt District Council", "Kilnbrook Canoe Club", "Thornleigh Almshouse Charity",
         "Marl Point Seal Watch", "Greywell Village Hall Committee", "Aldermoor Cycle Path Trust",
         "Cobble Wynd Community Bakery", "Stanmere Folk Festival", "Hesketh Vale Mine Rescue Team",
         "Brannock Tool Library"]
_DOMAINS = {"Ravensholt District Council": "ravensholt", "Kilnbrook Canoe Club": "kilnbrookcanoe",
            "Thornleigh Almshouse Charity": "thornleigh-almshouses", "Marl Point Seal Watch": "marlpointseals",
            "Greywell Village Hall Committee": "greywellhall", "Aldermoor Cycle Path Trust": "aldermoorpath",
            "Cobble Wynd Community Bakery": "cobblewyndbakery", "Stanmere Folk Festival": "stanmerefolk",
            "Hesketh Vale Mine Rescue Team": "heskethrescue", "Brannock Tool Library": "brannocktools"}
# What an organisation did, as a headline says it and as an opening sentence does; six words at least, so that an
# opening sentence ("The" + organisation + deed) holds ten words.
_DOINGS = [("agrees a new timetable for the bin collection rounds",
            "agreed a new timetable for the bin collection rounds"),
           ("launches a beginners' course on the upper river", "launched a beginners' course on the upper river"),
           ("opens four new flats for older people of the parish",
            "opened four new flats for older people of the parish"),
           ("counts more seal pups on the sandbank than ever before",
            "counted more seal pups on the sandbank than ever before"),
           ("replaces the leaking roof over the main hall", "replaced the leaking roof over the main hall"),
           ("finishes the last stretch of path between the two villages",
            "finished the last stretch of path between the two villages"),
           ("bakes the first loaves in its restored wood oven", "baked the first loaves in its restored wood oven"),
           ("announces the headline acts for the summer weekend",
            "announced the headline acts for the summer weekend"),
           ("brings a stranded walker down from the old quarry",
            "brought a stranded walker down from the old quarry"),
           ("asks residents for their views on new parking rules",
            "asked residents for their views on new parking rules"),
           ("moves its boats into a new shed by the weir", "moved its boats into a new shed by the weir"),
           ("repaints the chapel and the garden walls of the almshouses",
            "repainted the chapel and the garden walls of the almshouses"),
           ("trains volunteers to count seals from the cliff path",
            "trained volunteers to count seals from the cliff path"),
           ("holds a free open day for families and neighbours",
            "held a free open day for families and neighbours"),
           ("lights the cycle path between the station and the school",
            "lit the cycle path between the station and the school"),
           ("sets up a bread stall at the Friday market", "set up a bread stall at the Friday market"),
           ("books a ceilidh band for the closing night of the festival",
            "booked a ceilidh band for the closing night of the festival"),
           ("adds a second rescue vehicle to its fleet of two", "added a second rescue vehicle to its fleet of two"),
           ("offers free sharpening for garden tools to its members",
            "offered free sharpening for garden tools to its members"),
           ("cuts the rent of its smallest flats for new tenants",
            "cut the rent of its smallest flats for new tenants")]
# No tail ends in a digit or a date: a title beside its date must stay readable.
_TAILS = ["", "", "", "", "this summer", "after a long winter", "with help from local firms",
          "ahead of the school holidays", "for the second year running"]
# What a long headline adds, so that it runs past eighty columns.
_LONG_EXTRAS = ["and invites everyone to a celebration on the village green",
                "and thanks the many volunteers who gave their weekends to it",
                "and sets out what happens next for members and visitors",
                "and promises a full report to the annual general meeting"]
# Title endings that put a comma or a quote into a title (a CSV export quotes them).
_COMMA_TAILS = [", says the chair", ", members told", ", with thanks to volunteers", ": what happens next"]
_BOATS = ["Heron", "Kittiwake", "Old Meg", "Second Wind"]
_SMALL = {"a", "an", "the", "of", "for", "on", "in", "with", "to", "at", "after", "by", "from", "its", "into",
          "over", "and", "between", "than", "ahead", "through"}
_SENTENCES = [
    "Residents can pick up a copy of the new plan at the council offices.",
    "Paddlers of every age are welcome and boats can be borrowed on the day.",
    "The flats have level access and a shared garden at the back.",
    "Volunteers watched the colony from the cliff top through the winter.",
    "The hall will stay open for bookings while the builders are on site.",
    "The new stretch of path is wide enough for wheelchairs and buggies.",
    "Loaves will be on sale from eight in the morning until they run out.",
    "Weekend tickets go on sale at noon and children under twelve go free.",
    "The team was called out by the police shortly after dark.",
    "Members can borrow anything from a ladder to a wallpaper steamer.",
    "The work was paid for by a grant and a year of jumble sales.",
    "A fuller account will be given at the annual meeting in the autumn.",
    "Anyone who would like to help is asked to call the office.",
    "The committee thanked neighbours for their patience during the work.",
    "The scheme will be reviewed after its first twelve months.",
    "Lamps along the route switch off automatically at midnight.",
]
# Days printed without a year inside the text: never a publication date (GUIDELINES).
_DECOYS = ["Bookings open on 3 May.", "The next work party meets on Saturday 16 June.",
           "Comments are welcome until 30 September.", "The shed opens to visitors on 1 August."]
_QUOTES = ["This is a proud day for the whole district", "We could not have done it without our volunteers",
           "It has been a long time coming", "Everyone is welcome, whatever their age"]
_SPEAKERS = ["Councillor Tamsin Achterberg, leader of the council", "Ruairi Feltham, the club's head coach",
             "Noor Castellane, chair of the trustees", "Benedikt Yarrow, the seal watch coordinator",
             "Cerys Mablethorpe, team leader"]
_PEOPLE = ["Tamsin Achterberg", "Ruairi Feltham", "Noor Castellane", "Benedikt Yarrow", "Cerys Mablethorpe",
           "Otto Lindgard", "Amara Quennell"]
_ROLES = ["Communications Officer", "Press Officer", "Head of Communications", "Media and Marketing Lead"]
_TOWNS = ["Ravensholt", "Kilnbrook", "Thornleigh", "Marl Point", "Greywell", "Aldermoor", "Cobble Wynd",
          "Stanmere", "Brannock", "Hesketh Vale"]
_REGIONS = ["Ardleshire", "East Cobbing", "the Fenlaw Hundred", "Upper Tarn"]
_AGENCIES = ["Ardle Press Service", "Fenlaw Wire"]
_STANDFIRSTS = ["Work starts in the spring and should take about three months",
                "Residents are asked to plan ahead while the changes bed in",
                "The money came from a grant and a long run of local fundraising",
                "Places are free but numbers are limited"]
# Kind labels as printed, with the kind a reader expects (GUIDELINES).
_KINDS = {"Press release": "press_release", "News release": "press_release", "Statement": "statement",
          "Media statement": "statement", "Report": "report", "Update": "update", "Blog": "blog",
          "Event": "event", "Media coverage": "media_coverage"}
# Categories as a feed, an export or a wiki prints them, with the kind a reader takes from them.
_CATEGORIES = {"Press releases": "press_release", "News": "press_release", "Statements": "statement",
               "Reports": "report", "Updates": "update", "Blog": "blog", "Events": "event",
               "Media coverage": "media_coverage"}
# Topics: printed as tags, never kinds.
_TOPICS = ["roads", "housing", "wildlife", "rivers", "volunteers", "culture"]

FORMS: dict[str, Callable[[dt.date], str]] = eleven.FORMS
_NUMERIC = eleven._NUMERIC
# Forms a dateline or a bracket holds without reading oddly (no brackets, no bare numbers).
_PLAIN_FORMS = ten._DATELINE_FORMS


T = TypeVar("T")


def _long(d: dt.date) -> str:
    """A date in words, day first: `4 March 2021`."""
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def _slug(title: str) -> str:
    """A URL's slug for a title."""
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60].rstrip("-")


@dataclass(slots=True)
class Style:
    """One page's habits, drawn once: every card on it is printed the same way."""

    rng: random.Random
    date: Callable[[dt.date], str]
    kinds: list[str]  # the kind labels the page prints
    categories: list[str]  # the categories the page prints
    capitals: bool
    org: str  # the organisation whose newsroom it is
    fixed: dict[str, int] = field(default_factory=dict)

    def kind(self) -> str:
        """One of the page's kind labels."""
        return self.rng.choice(self.kinds)

    def category(self) -> str:
        """One of the page's categories."""
        return self.rng.choice(self.categories)

    def pick(self, key: str, options: list[T]) -> T:
        """The page's variant of a printed form, drawn the first time it is asked for and kept for every card."""
        if key not in self.fixed:
            self.fixed[key] = self.rng.randrange(len(options))
        return options[self.fixed[key]]

    def case(self, text: str) -> str:
        """A headline in the page's case: title case on some pages."""
        if self.capitals:
            return " ".join(w if w in _SMALL else w[:1].upper() + w[1:] for w in text.split())
        return text

    def title(self, long: bool = False) -> str:
        """A headline; a long one runs past eighty columns."""
        present, _ = self.rng.choice(_DOINGS)
        parts = [self.rng.choice(_ORGS), present, self.rng.choice(_TAILS)]
        if long:
            parts.append(self.rng.choice(_LONG_EXTRAS))
        return self.case(" ".join(p for p in parts if p))

    def headline_and_opening(self) -> tuple[str, str]:
        """A release's headline and its opening sentence, saying the same thing."""
        org, (present, past), tail = self.rng.choice(_ORGS), self.rng.choice(_DOINGS), self.rng.choice(_TAILS)
        headline = self.case(" ".join(p for p in [org, present, tail] if p))
        return headline, " ".join(p for p in ["The", org, past, tail] if p) + "."

    def teaser(self, low: int = 1, high: int = 2) -> str:
        """A card's teaser of `low` to `high` sentences, now and then a decoy day or a quote."""
        chosen = self.rng.sample(_SENTENCES, self.rng.randint(low, high))
        if self.rng.random() < 0.12:
            chosen.append(self.rng.choice(_DECOYS))
        if self.rng.random() < 0.2:
            chosen.append(f"“{self.rng.choice(_QUOTES)},” said {self.rng.choice(_SPEAKERS)}.")
        return " ".join(chosen)

    def paragraphs(self, sizes: list[int]) -> list[str]:
        """A release's paragraphs of `sizes` sentences, no sentence twice; now and then a day without its year in
        one of them, and a quote as a paragraph of its own."""
        pool = self.rng.sample(_SENTENCES, sum(sizes))
        paragraphs = [" ".join(pool[sum(sizes[:n]):sum(sizes[:n + 1])]) for n in range(len(sizes))]
        if self.rng.random() < 0.2:
            at = self.rng.randrange(len(paragraphs))
            paragraphs[at] += " " + self.rng.choice(_DECOYS)
        if self.rng.random() < 0.35:
            paragraphs.insert(self.rng.randint(1, len(paragraphs)),
                              f"“{self.rng.choice(_QUOTES)},” said {self.rng.choice(_SPEAKERS)}.")
        return paragraphs

    def site(self) -> str:
        """The newsroom's address."""
        return f"https://www.{_DOMAINS[self.org]}.example.org"

    def email(self) -> str:
        """The press office's address."""
        return f"press@{_DOMAINS[self.org]}.example.org"

    def phone(self) -> str:
        """The press office's number, the same on the page."""
        return f"01632 960 {self.pick('phone', [214, 386, 529, 871])}"

    def clock(self) -> str:
        """A time of day between 08:00 and 17:59."""
        return f"{self.rng.randint(8, 17):02d}:{self.rng.choice(['00', '05', '15', '30', '42', '45'])}"


# --- card conventions: the lines of one card -----------------------------------------------------------------

def _rfc822(s: Style, day: dt.date) -> str:
    """An RFC 822 timestamp in the page's zone, as RSS prints it."""
    zone = s.pick("zone", ["+0000", "GMT", "-0500", "+0100"])
    return f"{_WEEKDAYS[day.weekday()][:3]}, {day.day:02d} {_MONTHS[day.month - 1][:3]} {day.year} {s.clock()}:00 " \
           f"{zone}"


def _rss_item(s: Style, day: dt.date, n: int) -> tuple[list[str], Card]:
    """An RSS item dumped one labelled field a line, in the page's order; a category on some pages."""
    title, teaser = s.title(), s.teaser(1, 1)
    link = f"{s.site()}/news/{_slug(title)}/"
    fields = {"T": f"Title: {title}", "L": f"Link: {link}", "P": f"pubDate: {_rfc822(s, day)}",
              "X": f"Description: {teaser}", "G": f"guid: {s.site()}/?p={s.rng.randint(1000, 9999)}",
              "A": f"dc:creator: {s.pick('creator', ['Press Office', 'Communications Team', 'webmaster'])}"}
    order = s.pick("order", ["TLPX", "TLPAX", "TPLXG", "TLAPX"])
    lines = [fields[part] for part in order]
    if s.pick("lower", [False, True]):
        lines = [line[:1].lower() + line[1:] for line in lines]
    kind = "press_release"
    if s.pick("category", [False, True]):
        category = s.category()
        at = next(k for k, line in enumerate(lines) if line.startswith("pubDate")) + 1
        lines.insert(at, f"{'category' if s.pick('lower', [False, True]) else 'Category'}: {category}")
        kind = _CATEGORIES[category]
    mark = s.pick("item-mark", ["", f"--- item {n + 1} ---", "[item]", "* item"])
    if mark:
        lines.insert(0, mark)
    return lines, Card(title, day, kind)


def _rss_head(s: Style, newest: dt.date) -> list[str]:
    """The channel's own fields, its last build after the newest item."""
    built = newest + dt.timedelta(days=s.rng.randint(1, 5))
    return s.pick("channel", [
        [f"Channel: {s.org} – News", f"Link: {s.site()}/news/", f"lastBuildDate: {_rfc822(s, built)}",
         "Language: en-gb"],
        ["RSS 2.0 feed dump", f"channel title: {s.org}", f"channel lastBuildDate: {_rfc822(s, built)}"],
        [f"Feed: {s.site()}/feed/", f"Description: Latest news from {s.org}", f"lastBuildDate: {_rfc822(s, built)}",
         "Generator: https://wordpress.org/?v=5.7"],
    ])


def _iso_stamp(s: Style, day: dt.date) -> str:
    """An ISO 8601 timestamp in the page's zone, as Atom prints it."""
    zone = s.pick("zone", ["Z", "+00:00", "+01:00", "-05:00"])
    fraction = s.pick("fraction", ["", "", ".000"])
    return f"{day.isoformat()}T{s.clock()}:{s.rng.randint(0, 59):02d}{fraction}{zone}"


def _atom_entry(s: Style, day: dt.date, n: int) -> tuple[list[str], Card]:
    """An Atom entry: `entry`, then indented fields; `updated` a later stamp, before or after `published`."""
    title, teaser = s.title(), s.teaser(1, 1)
    updated = day + dt.timedelta(days=s.rng.choice([1, 2, 5, 12, 30]))
    indent = s.pick("indent", ["  ", "    ", "\t"])
    number = s.rng.randint(1000, 9999)
    fields = {"T": f"title: {title}", "I": f"id: tag:{_DOMAINS[s.org]}.example.org,2009:news/{number}",
              "P": f"published: {_iso_stamp(s, day)}", "U": f"updated: {_iso_stamp(s, updated)}",
              "L": f"link: {s.site()}/news/{number}", "X": f"summary: {teaser}"}
    order = s.pick("order", ["TIPULX", "TIUPLX", "ITUPX", "TLPUX"])
    lines = [fields[part] for part in order]
    kind = "press_release"
    if s.pick("category", [False, True]):
        category = s.category()
        lines.insert(-1, f"category: {category}")
        kind = _CATEGORIES[category]
    head = s.pick("entry", ["entry", "<entry>", "Entry {n}:", "- entry"]).format(n=n + 1)
    return [head, *(indent + line for line in lines)], Card(title, day, kind)


def _atom_head(s: Style, newest: dt.date) -> list[str]:
    """The feed's own fields, its update after the newest entry."""
    updated = newest + dt.timedelta(days=s.rng.randint(1, 6))
    subtitle = s.pick("subtitle", ["Press releases and statements", "Latest from the newsroom"])
    return ["feed", f"  title: {s.org} — news", f"  subtitle: {subtitle}", f"  updated: {_iso_stamp(s, updated)}",
            f"  id: {s.site()}/news/atom"]


def _archive_day(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A card under year and month headings: its day only, before the title or on a line over it."""
    title = s.title()
    shape = s.pick("day", [0, 1, 2, 3, 4, 5])
    nth = six._nth(day.day)
    line = [f"{day.day} — {title}", f"{day.day:02d}  {title}", f"{nth} — {title}", f"[{day.day:02d}] {title}",
            f"{day.day}. {title}", f"{day.day:02d}\n{title}"][shape]
    if s.pick("teaser", [False, False, True]):
        return [line, "    " + s.rng.choice(_SENTENCES)], Card(title, day, "press_release")
    return [line], Card(title, day, "press_release")


def _archive(s: Style, blocks: list[list[str]], cards: list[Card]) -> list[list[str]]:
    """The blocks under year headings and month headings without the year; a count beside a month on some pages."""
    counts: dict[tuple[int, int], int] = {}
    for card in cards:
        key = (card.published.year, card.published.month)
        counts[key] = counts.get(key, 0) + 1
    year_form = s.pick("year", ["{y}", "Year {y}", "▾ {y}", "{y}\n----"])
    month_form = s.pick("month", ["{m}", "{M}", "{m} ({n})", "  ▸ {m}"])
    out: list[list[str]] = []
    year: int | None = None
    month: tuple[int, int] | None = None
    for block, card in zip(blocks, cards):
        day = card.published
        heads = []
        if day.year != year:
            heads.append(year_form.format(y=day.year))
        if (day.year, day.month) != month:
            name = _MONTHS[day.month - 1]
            heads.append(month_form.format(m=name, M=name.upper(), n=counts[(day.year, day.month)]))
        year, month = day.year, (day.year, day.month)
        out.append([*heads, *block])
    return out


_DAY_FIRST = [("{d}.{m}.{y}", "DD.MM.YYYY"), ("{d:02d}/{m:02d}/{y}", "DD/MM/YYYY"),
              ("{d:02d}.{m:02d}.{y}", "DD.MM.YYYY"), ("{d:02d}-{m:02d}-{y}", "DD-MM-YYYY")]
_MONTH_FIRST = [("{m:02d}/{d:02d}/{y}", "MM/DD/YYYY"), ("{m}/{d}/{y}", "MM/DD/YYYY"),
                ("{m:02d}-{d:02d}-{y}", "MM-DD-YYYY")]


def _stated_form(s: Style) -> tuple[str, str, bool]:
    """The page's numeric form, its pattern and whether it reads day first."""
    day_first = s.pick("order", [True, False])
    form, pattern = s.pick("form-df", _DAY_FIRST) if day_first else s.pick("form-mf", _MONTH_FIRST)
    return form, pattern, day_first


def _stated_order(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A numeric date whose order only the page's statement tells: under, over or after the title."""
    title, teaser = s.title(), s.teaser(1, 2)
    form, _, _ = _stated_form(s)
    date = form.format(d=day.day, m=day.month, y=day.year)
    lines = s.pick("shape", [[title, date, teaser], [date, title, teaser], [f"{title} ({date})", teaser],
                             [f"{title} — {date}"], [title, f"Published {date}", teaser]])
    return list(lines), Card(title, day, "press_release")


def _statement(s: Style) -> str:
    """The page's statement of its numeric date order."""
    _, pattern, day_first = _stated_form(s)
    words = "day, month, year" if day_first else "month, day, year"
    return s.pick("statement", [
        f"All dates on this page are given as {words} ({pattern}).",
        f"Date format: {pattern}",
        f"Dates are shown {pattern} ({'UK' if day_first else 'US'} style)",
        f"Note: dates read {words}.",
    ])


def _small_days(rng: random.Random, count: int) -> list[dt.date]:
    """Publication days, newest first, every one with a day of 12 or less (and at least one not its month)."""
    while True:
        day = dt.date(rng.randint(2004, 2024), rng.randint(1, 12), rng.randint(1, 12))
        days = [day]
        while len(days) < count:
            day -= dt.timedelta(days=rng.randint(1, 30))
            if day.day <= 12:
                days.append(day)
        if any(d.day != d.month for d in days):
            return days


def _csv_title(s: Style) -> str:
    """A title, now and then with a comma or a quoted boat's name in it."""
    roll = s.rng.random()
    if roll < 0.25:
        return s.title() + s.rng.choice(_COMMA_TAILS)
    if roll < 0.35:
        return f"{s.rng.choice(_ORGS)} names its new boat \"{s.rng.choice(_BOATS)}\""
    return s.title()


_CSV_COLUMNS = [["date", "title", "type", "url"], ["Title", "Published", "Category"],
                ["id", "headline", "release_date", "kind"], ["published", "title"]]


def _csv_cell(s: Style, text: str) -> str:
    """A cell as the export writes it: quoted always, or only when it holds the separator or a quote."""
    sep = s.pick("sep", [",", ";", "\t"])
    if sep == "\t":
        return text
    if s.pick("quote-all", [False, True]) or sep in text or '"' in text:
        return '"' + text.replace('"', '""') + '"'
    return text


def _csv_row(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A row of a spreadsheet export in the page's columns and separator."""
    title = _csv_title(s)
    sep = s.pick("sep", [",", ";", "\t"])
    columns = s.pick("columns", _CSV_COLUMNS)
    stamp = s.pick("stamp", ["{iso}", "{iso} {clock}:00", "{dmy}"]).format(
        iso=day.isoformat(), clock=s.clock(), dmy=f"{day.day:02d}/{day.month:02d}/{day.year}")
    category = s.category()
    cells = {"date": stamp, "published": stamp, "Published": stamp, "release_date": stamp, "title": title,
             "Title": title, "headline": title, "type": category, "Category": category, "kind": category,
             "url": f"{s.site()}/news/{_slug(title)}", "id": str(s.rng.randint(100, 999))}
    kind = _CATEGORIES[category] if any(c in columns for c in ("type", "Category", "kind")) else "press_release"
    return [sep.join(_csv_cell(s, cells[c]) for c in columns)], Card(title, day, kind)


def _csv_head(s: Style) -> list[str]:
    """An export's comment lines (with the export's date) and its header row."""
    sep, columns = s.pick("sep", [",", ";", "\t"]), s.pick("columns", _CSV_COLUMNS)
    exported = dt.date(2024, s.rng.randint(1, 12), s.rng.randint(1, 28))
    comment = s.pick("comment", [[], [f"# exported {exported.isoformat()} from the newsroom"],
                                 [f"# {s.org} press releases", f"# generated {exported.isoformat()} 06:00"]])
    return [*comment, sep.join(_csv_cell(s, c) for c in columns)]


def _org_or_wiki(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A release in an org-mode file or a wiki page, in the page's markup."""
    title, teaser = s.title(), s.teaser(1, 2)
    weekday = _WEEKDAYS[day.weekday()][:3]
    markup = s.pick("markup", ["org-drawer", "org-stamp", "mediawiki", "dokuwiki"])
    if markup == "org-drawer":
        lines = [f"* {title}", "  :PROPERTIES:", f"  :PUBLISHED: [{day.isoformat()} {weekday} {s.clock()}]"]
        kind = "press_release"
        if s.pick("category", [False, True]):
            category = s.category()
            lines.append(f"  :CATEGORY: {category}")
            kind = _CATEGORIES[category]
        return [*lines, "  :END:", teaser], Card(title, day, kind)
    if markup == "org-stamp":
        tag = s.rng.choice(_TOPICS)
        return [f"** <{day.isoformat()} {weekday}> {title}   :{tag}:", teaser], Card(title, day, "press_release")
    if markup == "mediawiki":
        category = s.category()
        return [f"== {title} ==", f"''Published {s.date(day)}''", teaser, f"[[Category:{category}]]"], \
            Card(title, day, _CATEGORIES[category])
    return [f"===== {title} =====", f"//{s.date(day)}//", teaser, f"{{{{tag>{s.rng.choice(_TOPICS)}}}}}"], \
        Card(title, day, "press_release")


def _org_head(s: Style) -> list[str]:
    """An org file's or a wiki page's own header."""
    markup = s.pick("markup", ["org-drawer", "org-stamp", "mediawiki", "dokuwiki"])
    stamp = f"{dt.date(2024, s.rng.randint(1, 12), s.rng.randint(1, 28)).isoformat()}"
    if markup.startswith("org"):
        return ["#+TITLE: Newsroom archive", "#+AUTHOR: Press Office", f"#+DATE: {stamp}", "#+STARTUP: overview"]
    if markup == "mediawiki":
        return [f"= {s.org}: news archive =", "__TOC__"]
    return ["====== News archive ======", f"Last edited {stamp} by press-office"]


_LETTERHEADS = ["Civic Offices, Market Street, Ravensholt RH1 4QA", "The Boathouse, Weir Lane, Kilnbrook KB3 9LT",
                "Old Station Yard, Aldermoor AM2 6PX", "Unit 4, Tannery Row, Brannock BN7 2EE"]
_PDF_KINDS = {"NEWS RELEASE": "press_release", "PRESS RELEASE": "press_release", "MEDIA STATEMENT": "statement"}


def _wrap_pdf(s: Style, text: str) -> str:
    """A paragraph as a PDF sets it, hard-wrapped at the page's width."""
    return "\n".join(textwrap.wrap(text, s.pick("pdf-width", [76, 80, 86]), break_on_hyphens=False))


def _pdf_release(s: Style, day: dt.date, n: int) -> tuple[list[str], Card]:
    """A whole release from a converted PDF: letterhead, label, date, headline, text, `- more -`, a running head
    on the next PDF page, more text, an end mark and a contact line."""
    headline, opening = s.headline_and_opening()
    headline = headline.upper() if s.pick("caps", [False, True]) else headline
    label = s.rng.choice(s.pick("labels", [["NEWS RELEASE"], ["PRESS RELEASE", "MEDIA STATEMENT"],
                                           ["NEWS RELEASE", "MEDIA STATEMENT"]]))
    date = s.date(day)
    letterhead = "\n".join([s.org.upper(), s.pick("address", _LETTERHEADS)])
    dated = s.pick("dated", [f"{date}", f"FOR IMMEDIATE RELEASE\n{date}", f"Date: {date}", f"Release date: {date}"])
    town = s.pick("town", _TOWNS)
    dateline = s.pick("dateline", [f"{town.upper()} — ", f"{town.upper()}, {s.pick('region', _REGIONS)} – "])
    body = s.paragraphs([s.rng.randint(1, 2) for _ in range(s.rng.randint(3, 5))])
    body[0] = f"{dateline}{opening} {body[0]}"
    lines = [("\f" if n else "") + letterhead, label, dated, headline]
    split = s.rng.randint(2, len(body) - 1) if len(body) > 2 and s.rng.random() < 0.7 else len(body)
    lines += [_wrap_pdf(s, p) for p in body[:split]]
    if split < len(body):
        short = headline if len(headline) <= 40 else headline[:40].rsplit(" ", 1)[0] + "…"
        head = s.pick("running", [f"{s.org} — {short} — page 2", f"{s.org.upper()} {label}, {date}, PAGE 2",
                                  "Page 2 of 2", f"{short} / Page 2"])
        lines += [s.pick("more", ["- more -", "-more-", "(more)", "MORE"]), "\f" + head]
        lines += [_wrap_pdf(s, p) for p in body[split:]]
    lines += [s.pick("end", ["###", "# # #", "– ENDS –", "#####"]),
              f"Contact: {s.pick('person', _PEOPLE)}, {s.pick('role', _ROLES)}, {s.phone()}, {s.email()}"]
    return lines, Card(headline, day, _PDF_KINDS[label])


def _byline(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """An author and a reading time on the date's line, or the author over the title; a kind label on some
    pages."""
    title, teaser, date = s.title(), s.teaser(), s.date(day)
    name, role = s.rng.choice(_PEOPLE), s.pick("role", _ROLES)
    minutes = s.rng.randint(2, 9)
    shape = s.pick("shape", [0, 1, 2, 3, 4])
    if shape == 0:
        lines = [title, f"{name} · {minutes} min read · {date}", teaser]
    elif shape == 1:
        lines = [title, f"Written by {name}, {role} | {date} | Reading time: {minutes} minutes", teaser]
    elif shape == 2:
        lines = [title, f"{date} — by {name} — {minutes} min", teaser]
    elif shape == 3:
        lines = [f"{minutes} MIN READ", title, f"By {name.upper()} | {date}", teaser]
    else:
        lines = [name, role, f"{date} · {minutes} minute read", title, teaser]
    if s.pick("label", [False, False, True]):
        label = s.kind()
        return [label, *lines], Card(title, day, _KINDS[label])
    return lines, Card(title, day, "press_release")


def _edit_dates(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A publication date and a later edit, in the page's wording."""
    title, teaser, date = s.title(), s.teaser(), s.date(day)
    later = s.date(day + dt.timedelta(days=s.rng.randint(1, 40)))
    lines = s.pick("shape", [
        [title, f"First published {date} · Last updated {later}", teaser],
        [title, f"Updated {later} (originally published {date})", teaser],
        [title, f"Created {date} | Modified {later}", teaser],
        [f"{date} (rev. {later})", title, teaser],
        [title, f"Issued {date}", teaser, f"Last modified: {later}"],
        [f"Latest revision {later}", title, f"Issued: {date}", teaser],
    ])
    return list(lines), Card(title, day, "press_release")


def _posted_trailer(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """The title, the teaser, and the date only in a trailing posted line beside a dated permalink."""
    title, teaser, date = s.title(), s.teaser(), s.date(day)
    path = s.pick("path", [f"{day.year}/{day.month:02d}/{day.day:02d}/{_slug(title)}/",
                           f"{day.year}/{day.month:02d}/{_slug(title)}"])
    link = f"{s.site()}/{path}"
    shape = s.pick("shape", [0, 1, 2, 3])
    if shape == 0:
        return [title, teaser, f"(Posted: {date})", f"Permalink: {link}"], Card(title, day, "press_release")
    if shape == 1:
        return [title, teaser, f"Posted: {date} | Permalink: {link}"], Card(title, day, "press_release")
    if shape == 2:
        category = s.category()
        return [title, teaser, f"— posted {date} in {category}", link], Card(title, day, _CATEGORIES[category])
    return [title, link, teaser, f"(Posted: {date})"], Card(title, day, "press_release")


_LANGS: dict[str, dict] = {
    "de": {
        "months": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
                   "November", "Dezember"],
        "weekdays": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
        "labels": {"Medienmitteilung": "press_release", "Stellungnahme": "statement"},
        "subjects": ["Die Gemeinde Stanmere", "Der Kanuclub Kilnbrook", "Die Werkzeugbibliothek Brannock",
                     "Das Folkfestival Stanmere"],
        "deeds": ["verlängert die Öffnungszeiten der Badestelle am See", "baut einen neuen Bootsschuppen am Wehr",
                  "sucht Helferinnen und Helfer für das Festivalwochenende", "verleiht ab sofort auch Lastenräder",
                  "verzichtet auf höhere Parkgebühren im Ortskern", "eröffnet eine Genossenschaftsbäckerei im Dorf"],
        "sentences": ["Anmeldungen nimmt die Geschäftsstelle ab sofort entgegen.",
                      "Die Arbeiten sollen noch vor den Sommerferien fertig sein.",
                      "Für Kinder unter zwölf Jahren ist der Eintritt frei."],
    },
    "fr": {
        "months": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                   "novembre", "décembre"],
        "weekdays": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
        "labels": {"Communiqué de presse": "press_release", "Prise de position": "statement"},
        "subjects": ["La commune de Stanmere", "Le club de canoë de Kilnbrook",
                     "La bibliothèque d'outils de Brannock", "Le festival folk de Stanmere"],
        "deeds": ["prolonge les horaires de la baignade du lac",
                  "construit un nouveau hangar à bateaux près du barrage",
                  "cherche des bénévoles pour le week-end du festival", "prête désormais aussi des vélos cargos",
                  "renonce à augmenter le prix du stationnement au centre",
                  "ouvre une boulangerie coopérative au village"],
        "sentences": ["Les inscriptions sont ouvertes dès aujourd'hui auprès du secrétariat.",
                      "Les travaux doivent être terminés avant les vacances d'été.",
                      "L'entrée est gratuite pour les enfants de moins de douze ans."],
    },
    "it": {
        "months": ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
                   "ottobre", "novembre", "dicembre"],
        "weekdays": ["lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"],
        "labels": {"Comunicato stampa": "press_release", "Presa di posizione": "statement"},
        "subjects": ["Il comune di Stanmere", "Il club di canoa di Kilnbrook",
                     "La biblioteca degli attrezzi di Brannock", "Il festival folk di Stanmere"],
        "deeds": ["prolunga gli orari della zona di balneazione del lago",
                  "costruisce un nuovo capannone per le barche vicino alla diga",
                  "cerca volontari per il fine settimana del festival", "presta da oggi anche bici cargo",
                  "rinuncia ad aumentare le tariffe dei parcheggi in centro", "apre un forno cooperativo in paese"],
        "sentences": ["Le iscrizioni sono aperte da oggi presso la segreteria.",
                      "I lavori dovrebbero finire prima delle vacanze estive.",
                      "L'ingresso è gratuito per i bambini sotto i dodici anni."],
    },
}


def _foreign_date(lang: str, d: dt.date, with_weekday: bool) -> str:
    """A date in German, French or Italian."""
    spec = _LANGS[lang]
    month = spec["months"][d.month - 1]
    if lang == "de":
        text = f"{d.day}. {month} {d.year}"
        return f"{spec['weekdays'][d.weekday()]}, {text}" if with_weekday else text
    day = "1er" if lang == "fr" and d.day == 1 else str(d.day)
    text = f"{day} {month} {d.year}"
    return f"{spec['weekdays'][d.weekday()]} {text}" if with_weekday else text


def _multilingual(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A card in one of the page's languages, with that language's kind label and date."""
    lang = s.rng.choice(s.pick("langs", [["de", "fr", "it", "en"], ["de", "fr", "en"], ["fr", "it", "en"],
                                         ["de", "it"]]))
    weekday = s.pick("weekday", [False, True])
    if lang == "en":
        label = s.rng.choice(["Media release", "Statement"])
        kind = "press_release" if label == "Media release" else "statement"
        title, teaser = s.title(), s.rng.choice(_SENTENCES)
        date = f"{_WEEKDAYS[day.weekday()]} {_long(day)}" if weekday else _long(day)
    else:
        spec = _LANGS[lang]
        label = s.rng.choice(sorted(spec["labels"]))
        kind = spec["labels"][label]
        title = f"{s.rng.choice(spec['subjects'])} {s.rng.choice(spec['deeds'])}"
        teaser = s.rng.choice(spec["sentences"])
        date = _foreign_date(lang, day, weekday)
    lines = s.pick("order", [[label, title, date, teaser], [f"{date} | {label}", title, teaser],
                             [title, f"{label} – {date}", teaser]])
    return list(lines), Card(title, day, kind)


def _multilingual_head(s: Style) -> list[str]:
    """A multilingual newsroom's heading and language menu."""
    return s.pick("ml-head", [["Medien · Médias · Media", "DE | FR | IT | EN"],
                              ["Newsroom", "Sprache / Langue / Lingua / Language: DE FR IT EN"],
                              ["Medienmitteilungen – Communiqués – Comunicati – Releases"]])


def _centred(text: str, width: int = 78) -> str:
    """A line centred as a converted PDF sets it."""
    return text.center(width).rstrip()


def _centred_caps(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A headline wrapped over three lines and centred, the date centred under it, the teaser at the margin."""
    title = s.title(long=True)
    if s.pick("caps", [True, True, True, False]):
        title = title.upper()
    width = next((w for w in range(len(title) // 3 + 4, 20, -1)
                  if len(textwrap.wrap(title, w, break_on_hyphens=False)) == 3), len(title) // 3 + 4)
    rows = textwrap.wrap(title, width, break_on_hyphens=False)
    date = s.pick("date-mark", ["{}", "— {} —", "{}"]).format(s.date(day))
    lines = ["\n".join(_centred(row) for row in rows), _centred(date),
             "\n".join(textwrap.wrap(s.teaser(), 78))]
    if s.pick("label", [False, True]):
        label = s.kind()
        return [_centred(label.upper()), *lines], Card(" ".join(rows), day, _KINDS[label])
    return lines, Card(" ".join(rows), day, "press_release")


def _new_dateline(s: Style, day: dt.date) -> str:
    """A dateline in one of this generator's shapes."""
    date = s.date(day)
    town, other = s.rng.sample(_TOWNS, 2)
    return s.pick("dateline", [f"{date}, {town.upper()} — ", f"{town}/{other} ({date}) — ",
                               f"{town.upper()} ({s.rng.choice(_REGIONS)}), {date}: ",
                               f"{town}, {s.rng.choice(_REGIONS)} — {date} — "])


def _more_information(s: Style) -> list[str]:
    """The page's contact block, the same under every release."""
    name, role = s.pick("person", _PEOPLE), s.pick("role", _ROLES)
    return s.pick("contact", [["For more information contact:", name, role, f"tel. {s.phone()}", s.email()],
                              ["For more information contact:", f"{name} ({role}) – {s.phone()} – {s.email()}"],
                              ["FOR MORE INFORMATION CONTACT:", f"{name}, {s.email()}"]])


def _dateline_release(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A whole release opening with a new dateline shape, closed by an end mark and, on some pages, a contact
    block; with a headline (a standfirst under it on some pages), without, or mixed on the page."""
    headline, opening = s.headline_and_opening()
    body = s.paragraphs([s.rng.randint(1, 2) for _ in range(s.rng.randint(2, 3))])
    first = f"{opening} {body[0]}"
    body[0] = _new_dateline(s, day) + first
    end = [s.pick("end", ["– end –", "(ends)", "[end of release]", "oOo", "+++", "<<END>>"])]
    tail = [*end, *_more_information(s)] if s.pick("contact", [True, False]) else end
    habit = s.pick("headline", ["all", "none", "mixed"])
    if habit == "all" or (habit == "mixed" and s.rng.random() < 0.5):
        head = [headline, s.rng.choice(_STANDFIRSTS)] if s.pick("standfirst", [False, True]) else [headline]
        return [*head, *body, *tail], Card(headline, day, "press_release")
    return [*body, *tail], Card(None, day, "press_release", _opening(first))


def _search_result(s: Style, day: dt.date, n: int) -> tuple[list[str], Card]:
    """A site search's result: title (numbered on some pages), a breadcrumb URL, and the date with the snippet or
    a kind-and-date line over it."""
    title = s.title()
    number = s.pick("first", [1, 1, 11, 21])
    head = f"{number + n}. {title}" if s.pick("numbered", [False, True]) else title
    crumb = f"{s.site()} › news › {_slug(title)[:34].rstrip('-')}"
    snippet = s.teaser(1, 1)
    if s.pick("cut", [True, False]):
        snippet = "... " + " ".join(snippet.split()[2:14]) + " …"
    if s.pick("kind-line", [False, True]):
        label = s.kind()
        return [head, crumb, f"{label} · {s.date(day)}", snippet], Card(title, day, _KINDS[label])
    return [head, crumb, f"{s.date(day)} — {snippet}"], Card(title, day, "press_release")


_QUERIES = ["harbour", "path", "parking", "volunteers", "festival"]


def _search_head(s: Style, count: int) -> list[str]:
    """A search page's query, result count and sorting or filter lines."""
    query = s.pick("query", _QUERIES)
    return s.pick("search", [
        [f"Search results for \"{query}\"", f"About {count * 23} results (0.{s.rng.randint(12, 89)} seconds)",
         "Sort by: Relevance | Date"],
        [f"You searched for: {query}", f"Showing results 1–{count} of {count * 7}",
         "Filter: All · Press releases · Statements · Reports"],
        [f"Search: {query}", f"{count * 4} results", "Refine by type | by year"],
    ])


def _gutter(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """The date in a left gutter, the title wrapped in the column beside it; a teaser under it on some pages."""
    title = s.title(long=s.rng.random() < 0.4)
    form = s.pick("gutter-form", ["{d:02d} {b} {y}", "{iso}", "{d:02d}.{m:02d}.{y}", "{b} {d:02d}, {y}"])
    date = form.format(d=day.day, m=day.month, y=day.year, b=_MONTHS[day.month - 1][:3], iso=day.isoformat())
    gap = s.pick("gap", [3, 4, 6])
    column = len(date) + gap
    rows = textwrap.wrap(title, s.pick("column", [44, 50, 56]), break_on_hyphens=False)
    lines = [date + " " * gap + rows[0], *(" " * column + row for row in rows[1:])]
    if s.pick("teaser", [False, True]):
        teaser = textwrap.wrap(s.teaser(1, 1), s.pick("column", [44, 50, 56]))
        return ["\n".join(lines), "\n".join(" " * column + row for row in teaser)], Card(title, day, "press_release")
    return ["\n".join(lines)], Card(title, day, "press_release")


def _json_item(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """An object of a news API's answer, in the page's shape."""
    title = _csv_title(s)
    shape = s.pick("json", ["flat", "wordpress", "lines"])
    number = s.rng.randint(1000, 9999)
    stamp = f"{day.isoformat()}T{s.clock()}:00"
    modified = f"{(day + dt.timedelta(days=s.rng.randint(0, 20))).isoformat()}T{s.clock()}:00"
    link = f"{s.site()}/news/{_slug(title)}/"
    excerpt = s.teaser(1, 1)
    if shape == "wordpress":
        obj: dict[str, object] = {"id": number, "date": stamp, "modified": modified, "slug": _slug(title),
                                  "type": "post", "link": link, "title": {"rendered": title},
                                  "excerpt": {"rendered": f"<p>{excerpt}</p>"}}
        return json.dumps(obj, ensure_ascii=False, indent=2).split("\n"), Card(title, day, "press_release")
    category = s.category()
    zone = s.pick("zone", ["+00:00", "Z", "+01:00"])
    obj = {"id": number, "title": title, "date": stamp + zone, "modified": modified + zone, "type": category,
           "link": link, "excerpt": excerpt}
    if shape == "lines":
        obj = {"title": title, "published": day.isoformat(), "category": category, "url": link}
        return [json.dumps(obj, ensure_ascii=False)], Card(title, day, _CATEGORIES[category])
    return json.dumps(obj, ensure_ascii=False, indent=2).split("\n"), Card(title, day, _CATEGORIES[category])


def _json_page(s: Style, blocks: list[list[str]]) -> list[str]:
    """The objects as an array (indented, commas between), or one object a line."""
    if s.pick("json", ["flat", "wordpress", "lines"]) == "lines":
        return [line for block in blocks for line in block]
    lines = ["["]
    for n, block in enumerate(blocks):
        body = ["  " + line for line in block]
        if n < len(blocks) - 1:
            body[-1] += ","
        lines += body
    return [*lines, "]"]


def _bulletin_item(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """An item of a daily bulletin: title, a `Town, DATE` line, a paragraph."""
    title = s.title()
    place = f"{s.rng.choice(_TOWNS)}, {s.date(day)}"
    return [title, place, s.teaser(2, 3)], Card(title, day, "press_release")


def _bulletin_heading(s: Style, day: dt.date, number: int) -> str:
    """A daily bulletin's heading, holding its day."""
    return s.pick("bulletin", [f"Daily News {day.day:02d} / {day.month:02d} / {day.year}",
                               f"PRESS BULLETIN — {_long(day)}",
                               f"News digest no. {number} · {s.date(day)}"])


RSS = "an rss dump with labelled fields"
ATOM = "an atom dump with published and updated stamps"
TREE = "an archive under year and month headings"
STATED = "numeric dates in the order the page states"
CSV = "a csv or tsv export"
ORG = "org-mode and wiki exports"
PDF = "releases from a converted pdf with running heads"
BYLINE = "bylines with reading times"
EDITS = "publication and edit dates"
POSTED = "a trailing posted line and a dated permalink"
LANGUAGES = "cards in four languages on one page"
CENTRED = "centred headlines over three lines"
DATELINES = "releases with new dateline shapes and end marks"
SEARCH = "a site search's results"
GUTTER = "a date gutter with titles wrapped beside it"
JSON = "a json export"
BULLETIN = "daily bulletins"
CONVENTIONS: dict[str, Callable[..., tuple[list[str], Card]]] = {
    RSS: _rss_item,
    ATOM: _atom_entry,
    TREE: _archive_day,
    STATED: _stated_order,
    CSV: _csv_row,
    ORG: _org_or_wiki,
    PDF: _pdf_release,
    BYLINE: _byline,
    EDITS: _edit_dates,
    POSTED: _posted_trailer,
    LANGUAGES: _multilingual,
    CENTRED: _centred_caps,
    DATELINES: _dateline_release,
    SEARCH: _search_result,
    GUTTER: _gutter,
    JSON: _json_item,
    BULLETIN: _bulletin_item,
}
_NUMBERED = {RSS, ATOM, PDF, SEARCH}
_RELEASES = {PDF, DATELINES}
# Pages a saving tool does not rewrap: dumps, exports, trees, centred and gutter layouts keep their lines.
_KEPT = {RSS, ATOM, TREE, ORG, CENTRED, SEARCH}
# Pages with their own chrome: no site header or footer.
_OWN_CHROME = {RSS, ATOM, CSV, ORG, PDF, JSON}


def _bulletin_days(rng: random.Random) -> list[dt.date]:
    """Two to four bulletin days, newest first, each repeated for its two to four items."""
    return [day for day in six._days(rng, rng.randint(2, 4), False) for _ in range(rng.randint(2, 4))]


def _page_days(rng: random.Random, convention: str, form: str) -> list[dt.date]:
    """The publication days of a page's cards, newest first."""
    if convention == STATED:
        return _small_days(rng, rng.randint(5, 10))
    if convention == BULLETIN:
        return _bulletin_days(rng)
    if convention in _RELEASES:
        return six._days(rng, rng.randint(4, 8), False)
    many = rng.randint(5, 20) if convention in {CSV, JSON, GUTTER, TREE, RSS} else rng.randint(5, 12)
    # A CSV or gutter page may print day-first numbers: every such page holds a day over 12.
    return six._days(rng, many, form in _NUMERIC or convention in {CSV, GUTTER})


def _head(s: Style, convention: str, cards: list[Card]) -> list[str]:
    """The chrome a feed, an export or a search page prints over its cards."""
    if convention == RSS:
        return _rss_head(s, cards[0].published)
    if convention == ATOM:
        return _atom_head(s, cards[0].published)
    if convention == CSV:
        return _csv_head(s)
    if convention == ORG:
        return _org_head(s)
    if convention == SEARCH:
        return _search_head(s, len(cards))
    return []


def draw_page(rng: random.Random, convention: str) -> tuple[str, list[Card]]:
    """One page in a convention: its text as saved, and the cards on it."""
    names = _PLAIN_FORMS if convention in {DATELINES, POSTED, BULLETIN, PDF, EDITS} else sorted(FORMS)
    form = rng.choice(names)
    date = six._no_break(FORMS[form]) if rng.random() < 0.1 else FORMS[form]
    style = Style(rng=rng, date=date, kinds=rng.sample(sorted(_KINDS), rng.randint(1, 3)),
                  categories=rng.sample(sorted(_CATEGORIES), rng.randint(1, 3)), capitals=rng.random() < 0.3,
                  org=rng.choice(_ORGS))
    lines: list[str] = [] if convention in _OWN_CHROME else rng.sample(six._HEADERS, rng.randint(0, 3))
    blocks: list[list[str]] = []
    cards: list[Card] = []
    keys: list[str] = []
    for day in _page_days(rng, convention, form):
        for _attempt in range(20):
            maker = CONVENTIONS[convention]
            block, card = maker(style, day, len(cards)) if convention in _NUMBERED else maker(style, day)
            key = six._norm(card.title or card.opening)
            if not any(key in other or other in key for other in keys):
                break
        else:
            continue
        keys.append(key)
        blocks.append(block)
        cards.append(card)
    if convention == TREE:
        blocks = _archive(style, blocks, cards)
    if convention == BULLETIN:
        seen: list[dt.date] = []
        number = rng.randint(20, 240)
        for block, card in zip(blocks, cards):
            if card.published not in seen:
                seen.append(card.published)
                block.insert(0, _bulletin_heading(style, card.published, number - len(seen)))
    if convention == JSON:
        blocks = [[line] for line in _json_page(style, blocks)]
    if convention == STATED and style.pick("statement-at", ["top", "foot"]) == "top":
        lines.append(_statement(style))
    if convention == LANGUAGES:
        lines = _multilingual_head(style)
    lines += _head(style, convention, cards)
    if convention == PDF and rng.random() < 0.5:
        lines += [style.org.upper(), "Press releases — archive copy"]
        blocks[0][0] = "\f" + blocks[0][0]
    starts: set[int] = set()
    for block in blocks:
        starts.add(len(lines))
        lines += block
    starts.add(len(lines))
    if convention == STATED and style.pick("statement-at", ["top", "foot"]) == "foot":
        lines.append(_statement(style))
    if convention == SEARCH:
        lines += [f"Searches related to {style.pick('query', _QUERIES)}", "1 2 3 4 5 Next ›"]
    elif convention not in _OWN_CHROME:
        lines += rng.sample(six._FOOTERS, rng.randint(0, 3))
    return _save(rng, convention, lines, blocks, starts), cards


def _save(rng: random.Random, convention: str, lines: list[str], blocks: list[list[str]], starts: set[int]) -> str:
    """A page's lines as the tool that saved it writes them."""
    if convention in {CSV, JSON}:  # an export never holds a blank line
        text = "\n".join(lines) + "\n"
        return text.replace("\n", "\r\n") if rng.random() < 0.2 else text
    if convention == PDF:  # pdftotext: a blank line between paragraphs, a form feed at each new PDF page
        return "\n\n".join(lines) + "\n\f"
    if convention == GUTTER:  # a blank line between cards and over a teaser; rows touch on a page of titles only
        touching = all(len(block) == 1 for block in blocks) and rng.random() < 0.5
        return "\n".join(lines) + "\n" if touching else "\n\n".join(lines) + "\n"
    if convention in _KEPT:
        return ten._join_kept(rng, lines, starts)
    return six._join(rng, convention, lines, starts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=320, help="pages in all, spread over the conventions")
    parser.add_argument("--seed", type=int, default=121)
    parser.add_argument("--show", help="print the pages of this convention that lose a card or a date")
    args = parser.parse_args(argv)
    return six.run("twelfth", draw_page, sorted(CONVENTIONS), args.pages, args.seed, args.show)


if __name__ == "__main__":
    sys.exit(main())
