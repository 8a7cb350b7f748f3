"""A fifth generator of plain-text listings, written before round 4 of issue 21 changed anything.

    .venv/bin/python benchmarks/fifth_listings.py [--pages 336] [--seed 31] [--show CONVENTION]

The grammar (tests/listing_grammar.py) is what the splitter is tested on; the second, third and fourth
generators (unseen_listings.py, fresh_listings.py, fourth_listings.py) stopped measuring once their failures had
been read. This one is written apart from all of them, after the habits of the tools that turn web pages into
text (Markdown converters, terminal browsers, static-site sources): titles as Markdown links (`### [Title](url)`,
`- [Title](url) (DATE)`), bold titles and blockquoted teasers, a terminal browser's numbered links (`[12]Title`)
and its `References` list, grid tables with ASCII or box-drawing borders, space-aligned tables under a dashed
header rule, YAML front matter (`title:` / `date:` / `category:` between `---`), reStructuredText field lists
(`:date:`), a date inside a Markdown heading (`## DATE – Title`), a bracketed date before the title, icon-led
meta lines (`📅 DATE · 🏷 Statement`), blog meta lines (`Posted on DATE by Name in Topic`), a heading with its kind
and date in brackets, releases in sequence under `# Title` with a bold dateline, image lines (`![alt](src)`);
dates like `Thursday, March 4th, 2021`, `4th Mar 2021`, `MAR 04 2021`, `March 4, 2021 @ 2:30 pm`,
`2021-03-04 10:30:00 +0100`, `4 March 2021, 14:05 CET`, `4-3-2021`, `04/03/21`. A mountain rescue team, a canal
trust, a seed library, a chamber orchestra. Each page is written to a file, read and split as the pipeline
does, and scored:

    split F1        a card is found when a record's title is the headline as a reader reads it (no `#`, `**`,
                    link brackets, URLs, numbers or table bars in it: the markup is the page's structure, not
                    the title's words); other records are false positives
    false merges    records that hold the text of two or more cards
    date, kind      share of the found cards whose date (kind) is right
    loose F1        split F1 again with markup aside (bars, brackets, `#`, `*`, `_`, link targets, a browser's
                    link numbers): how many cards were cut right, whatever their titles kept

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
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

_ORGS = ["Carrow Fell Mountain Rescue", "Lenton Canal Trust", "Hobb's End Seed Library", "Veyle Chamber Orchestra",
         "Strathmerrin Hill Farms Network", "Pollock Row Community Kitchen", "Eskdown Observatory",
         "Tallis Green Youth Football League"]
_DOINGS = ["is called out twice in one night on the ridge", "clears a mile of towpath of fallen willows",
           "shares four hundred packets of heritage beans", "plays its first concert in the new hall",
           "helps twelve farms share one grain dryer", "serves its ten thousandth hot lunch",
           "opens the dome for a winter night of stargazing", "signs up two hundred girls for the new season",
           "buys a thermal camera with money from a sponsored walk", "restores the lock keeper's cottage",
           "swaps seeds with a library in the Azores", "commissions a cello piece from a local composer",
           "trials a shared tractor between hill farms", "hires its first paid cook",
           "spots a comet from the roof of the old mill", "adds a walking football session for over-sixties",
           "trains its dogs to find people in snow", "dredges the basin below the flight of locks"]
_TAILS = ["", "", "", "", "this winter", "with help from the parish", "for the first time in a decade",
          "after a long campaign", "in the upper valley"]
_SMALL = {"a", "an", "the", "of", "for", "on", "in", "with", "to", "at", "after", "by", "from", "one", "its"}
_SENTENCES = [
    "The team was back at base shortly before three in the morning.",
    "Volunteers worked in pairs from the bridge at Hallam Wharf.",
    "Packets can be collected from the lending shelf on Saturdays.",
    "Tickets for the evening performance sold out within a week.",
    "Each farm will pay a small fee towards the running costs.",
    "The kitchen now opens on Sundays as well as weekdays.",
    "Telescopes will be set up on the lawn if the sky is clear.",
    "Training takes place on the recreation ground every Tuesday.",
    "The camera can pick out a walker from half a mile away.",
    "Work on the roof was finished a month ahead of plan.",
    "Growers are asked to return a share of the seed they save.",
    "Rehearsals begin in the chapel on the first of the month.",
]
_QUOTES = ["We could not do this without our neighbours", "It has been a remarkable year for everyone involved",
           "This is exactly what the valley asked us for", "The volunteers deserve all the credit"]
_SPEAKERS = ["Bryn Hallow, team leader", "Mirela Castaing, the trust's director", "Odile Wren, librarian",
             "Ferdy Okafor, principal conductor", "Agnes Mowbray, network coordinator"]
_AUTHORS = ["Ruth Ellery", "Tomasz Wilk", "Hana Ibbott", "Cormac Dree"]
_TOPICS = ["Community", "Volunteering", "Rescues", "Heritage", "Concerts", "Growing", "Sky notes", "Youth"]
# Kind labels as printed, with the kind a reader expects.
_KINDS = {"Press release": "press_release", "News": "press_release", "Statement": "statement",
          "Report": "report", "Blog post": "blog", "Event": "event", "Media release": "press_release",
          "Update": "update"}
_MENU = [["* [Home](/)", "* [About us](/about)", "* [News](/news)", "* [Donate](/donate)"],
         ["- Home", "- Our work", "- News", "- Contact"]]
_HEADERS = ["[Skip to main content](#main)", "Skip to main content", "# News", "# Latest from the Trust",
            "You are here: Home » News", "Showing 1–10 of 84 items", "Search this site", "Menu",
            "Filter by year: 2024 2023 2022"]
_FOOTERS = ["[← Older posts](/news/page/2)", "Page 1 / 9", "© 2024 Lenton Canal Trust. Registered charity 1187342",
            "Follow us on Mastodon", "[Back to top](#top)", "Cookie settings"]
_IMAGES = ["![Volunteers on the towpath](/media/towpath.jpg)", "![](/uploads/2021/03/hall.png)",
           "[IMG: rescue team on the fell]", "![Photo: the dome at dusk](https://img.example.org/dome.jpg)"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _nth(day: int) -> str:
    return f"{day}{'th' if 11 <= day <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')}"


# Date forms as printed. Numeric day-first pages hold a day over 12, so the page's own dates tell the order.
FORMS: dict[str, Callable[[dt.date], str]] = {
    "iso": lambda d: d.isoformat(),
    "padded-day-month": lambda d: f"{d.day:02d} {_MONTHS[d.month - 1]} {d.year}",
    "weekday-ordinal-comma": lambda d: f"{_WEEKDAYS[d.weekday()]}, {_MONTHS[d.month - 1]} {_nth(d.day)}, {d.year}",
    "ordinal-abbrev": lambda d: f"{_nth(d.day)} {_MONTHS[d.month - 1][:3]} {d.year}",
    "caps-abbrev-nocomma": lambda d: f"{_MONTHS[d.month - 1][:3].upper()} {d.day:02d} {d.year}",
    "month-zero-day": lambda d: f"{_MONTHS[d.month - 1]} {d.day:02d}, {d.year}",
    "at-time": lambda d: f"{_MONTHS[d.month - 1]} {d.day}, {d.year} @ 2:30 pm",
    "offset-time": lambda d: f"{d.isoformat()} 10:30:00 +0100",
    "named-zone": lambda d: f"{d.day} {_MONTHS[d.month - 1]} {d.year}, 14:05 CET",
    "dash-day-first": lambda d: f"{d.day}-{d.month}-{d.year}",
    "short-year-day-first": lambda d: f"{d.day:02d}/{d.month:02d}/{d.year % 100:02d}",
    "weekday-nocomma": lambda d: f"{_WEEKDAYS[d.weekday()]} {d.day} {_MONTHS[d.month - 1]} {d.year}",
}
_DAY_FIRST_NUMERIC = {"dash-day-first", "short-year-day-first"}


@dataclass(frozen=True, slots=True)
class Card:
    """What a reader expects back for one card."""

    title: str
    published: dt.date
    kind: str


@dataclass(slots=True)
class Style:
    """One page's habits, drawn once: every card on it is printed the same way."""

    rng: random.Random
    date: Callable[[dt.date], str]
    kinds: list[str]
    capitals: bool
    variant: int  # which of a convention's printed variants the page uses

    def kind(self) -> str:
        return self.rng.choice(self.kinds)

    def title(self) -> str:
        text = f"{self.rng.choice(_ORGS)} {self.rng.choice(_DOINGS)} {self.rng.choice(_TAILS)}".strip()
        if self.capitals:
            return " ".join(w if w in _SMALL else w[:1].upper() + w[1:] for w in text.split())
        return text

    def teaser(self, low: int = 1, high: int = 2) -> str:
        chosen = self.rng.sample(_SENTENCES, self.rng.randint(low, high))
        if self.rng.random() < 0.2:
            chosen.append(f"“{self.rng.choice(_QUOTES)},” said {self.rng.choice(_SPEAKERS)}.")
        return " ".join(chosen)

    def pick(self, options: list[str]) -> str:
        """The page's variant of a printed form: one choice, kept for every card."""
        return options[self.variant % len(options)]


def _slug(title: str, day: dt.date) -> str:
    return f"https://news.example.org/{day.year}/{re.sub(r'[^a-z0-9]+', '-', title.lower()).strip('-')}"


# --- card conventions: the lines of one card -----------------------------------------------------------------

def _link_heading(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """`### [Title](url)`, a meta line with the date, the teaser."""
    title, level = s.title(), s.pick(["###", "##", "####"])
    meta = s.pick([f"Posted {s.date(day)}", f"{s.date(day)} · 3 min read", f"_{s.date(day)}_",
                   f"Published on {s.date(day)}"])
    return [f"{level} [{title}]({_slug(title, day)})", meta, s.teaser()], Card(title, day, "press_release")


def _bold_title(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """`**Title**`, the date, a blockquoted teaser."""
    title = s.title()
    mark = s.pick(["**", "__", "**"])
    return [f"{mark}{title}{mark}", s.date(day), f"> {s.teaser()}"], Card(title, day, "press_release")


def _terminal_links(s: Style, day: dt.date, n: int) -> tuple[list[str], Card]:
    """A terminal browser's dump: `[12]Title`, the date, the teaser wrapped and indented by three spaces."""
    title = s.title()
    heading = textwrap.wrap(f"[{n + 14}]{title}", 74, initial_indent="   ", subsequent_indent="   ")
    teaser = textwrap.wrap(s.teaser(), 74, initial_indent="   ", subsequent_indent="   ")
    return [*heading, f"   {s.date(day)}", *teaser], Card(title, day, "press_release")


def _grid_row(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A row of a grid table (ASCII `+---+` or box-drawing borders): date, kind and title cells."""
    label, title = s.kind(), s.title()
    bar = "│" if s.variant % 2 else "|"
    cells = [s.date(day).ljust(30), label.ljust(14), title.ljust(100)] if s.variant % 3 else \
        [title.ljust(100), s.date(day).ljust(30)]
    kind = _KINDS[label] if s.variant % 3 else "press_release"
    rule = ("├" + "┼".join("─" * (len(c) + 2) for c in cells) + "┤") if bar == "│" else \
        ("+" + "+".join("-" * (len(c) + 2) for c in cells) + "+")
    return [f"{bar} " + f" {bar} ".join(cells) + f" {bar}", rule], Card(title, day, kind)


def _grid_header(s: Style) -> list[str]:
    box = s.variant % 2
    names = ["Date".ljust(30), "Type".ljust(14), "Title".ljust(100)] if s.variant % 3 else \
        ["Release".ljust(100), "Date".ljust(30)]
    bar = "│" if box else "|"
    top = ("┌" + "┬".join("─" * (len(c) + 2) for c in names) + "┐") if box else \
        ("+" + "+".join("-" * (len(c) + 2) for c in names) + "+")
    under = ("╞" + "╪".join("═" * (len(c) + 2) for c in names) + "╡") if box else \
        ("+" + "+".join("=" * (len(c) + 2) for c in names) + "+")
    return [top, f"{bar} " + f" {bar} ".join(names) + f" {bar}", under]


def _simple_table_row(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A row of a space-aligned table: date, kind and title in columns."""
    label, title = s.kind(), s.title()
    return [f"  {s.date(day).ljust(32)}{label.ljust(16)}{title}"], Card(title, day, _KINDS[label])


def _front_matter(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """YAML front matter between `---` lines, then the teaser."""
    label, title, teaser = s.kind(), s.title(), s.teaser()
    quoted = s.pick([f'"{title}"', title, f"'{title}'"])
    date = s.pick([day.isoformat(), s.date(day), f'"{day.isoformat()}"'])
    return ["---", f"title: {quoted}", f"date: {date}", f"category: {label.lower()}", "---", teaser], \
        Card(title, day, _KINDS[label])


def _dated_heading(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A Markdown heading holding the date and the title (`## DATE – Title`), then the teaser."""
    title = s.title()
    joiner = s.pick([" – ", ": ", " | ", " — "])
    return [f"{s.pick(['##', '###'])} {s.date(day)}{joiner}{title}", s.teaser()], Card(title, day, "press_release")


def _bracketed_date_prefix(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """`[DATE] Title` or `(DATE) Title`, as a change log prints it, now and then a teaser under it."""
    title = s.title()
    line = s.pick([f"[{s.date(day)}] {title}", f"({s.date(day)}) {title}"])
    return ([line, s.teaser(1, 1)] if s.variant % 3 == 0 else [line]), Card(title, day, "press_release")


def _icon_meta(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """Title, a meta line of icons (`📅 DATE · 🏷 Statement`), the teaser."""
    label, title = s.kind(), s.title()
    meta = s.pick([f"📅 {s.date(day)} · 🏷 {label}", f"🕒 {s.date(day)} | {label}", f"🗓️ {s.date(day)}   📁 {label}"])
    return [title, meta, s.teaser()], Card(title, day, _KINDS[label])


def _rst_fields(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """reStructuredText: the title underlined, `:date:` and `:category:` fields, the teaser."""
    label, title = s.kind(), s.title()
    rule = s.pick(["^", "~", "*", "+"]) * len(title)
    fields = [f":date: {s.date(day)}", f":category: {label}"] if s.variant % 2 else [f":Date: {s.date(day)}"]
    kind = _KINDS[label] if s.variant % 2 else "press_release"
    return [title, rule, *fields, s.teaser()], Card(title, day, kind)


def _link_bullets(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A bulleted Markdown link with its date after it, no teaser."""
    title = s.title()
    url = _slug(title, day)
    line = s.pick([f"- [{title}]({url}) ({s.date(day)})", f"* [{title}]({url}) — {s.date(day)}",
                   f"+ [{title}]({url}), {s.date(day)}"])
    return [line], Card(title, day, "press_release")


def _blog_meta(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """Title, `Posted on DATE by Name in Topic, Topic`, the teaser, `Continue reading →`."""
    title = s.title()
    topics = ", ".join(s.rng.sample(_TOPICS, s.rng.randint(1, 2)))
    meta = s.pick([f"Posted on {s.date(day)} by {s.rng.choice(_AUTHORS)} in {topics}",
                   f"{s.date(day)} by {s.rng.choice(_AUTHORS)} — {topics}",
                   f"By {s.rng.choice(_AUTHORS)} · {s.date(day)} · {topics}"])
    return [title, meta, s.teaser(), "Continue reading →"], Card(title, day, "press_release")


def _heading_kind_date(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A heading with its kind and date in brackets after it, then the teaser."""
    label, title = s.kind(), s.title()
    line = s.pick([f"#### {title} ({label}, {s.date(day)})", f"{title} ({label} · {s.date(day)})",
                   f"### {title} [{label} | {s.date(day)}]"])
    return [line, s.teaser()], Card(title, day, _KINDS[label])


_TOWNS = ["KESWARD", "Lenton", "HOBB'S END", "Veyle", "Strathmerrin"]


def _release_sequence(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A whole release under `# Title`: a bold dateline opening the text, more paragraphs, a rule."""
    title = s.title()
    town = s.rng.choice(_TOWNS)
    opening = s.pick([f"**{town}, {s.date(day)}** — {s.teaser(2, 2)}", f"**{town}** ({s.date(day)}) – {s.teaser(2, 2)}",
                      f"*{town}, {s.date(day)}* – {s.teaser(2, 2)}"])
    more = [s.teaser(1, 3) for _ in range(s.rng.randint(1, 2))]
    return [f"# {title}", opening, *more, s.pick(["* * *", "---", "***"])], Card(title, day, "press_release")


CONVENTIONS: dict[str, Callable[..., tuple[list[str], Card]]] = {
    "markdown link heading, meta line": _link_heading,
    "bold title, blockquoted teaser": _bold_title,
    "terminal browser links": _terminal_links,
    "grid table rows": _grid_row,
    "space-aligned table rows": _simple_table_row,
    "front matter blocks": _front_matter,
    "date inside a markdown heading": _dated_heading,
    "bracketed date before the title": _bracketed_date_prefix,
    "icon meta line": _icon_meta,
    "restructuredtext fields": _rst_fields,
    "bulleted links with dates": _link_bullets,
    "blog meta line": _blog_meta,
    "heading with kind and date in brackets": _heading_kind_date,
    "releases under markdown headings": _release_sequence,
}
_NUMBERED = {"terminal browser links"}
_TABLES = {"grid table rows", "space-aligned table rows"}
# Converters wrap paragraphs, not headings, links, fields or rules; a reStructuredText title is one line.
_UNWRAPPED_OPENINGS = ("#", "-", "*", "+", ":", "|", "│", "!", "[", "title:", "date:", "category:")


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "").lower()).strip(" .")


def _days(rng: random.Random, count: int, numeric: bool) -> list[dt.date]:
    """Publication days, newest first; on a day-first numeric page at least one day is over 12."""
    while True:
        day = dt.date(rng.randint(2002, 2024), rng.randint(1, 12), rng.randint(1, 28))
        days = []
        for _ in range(count):
            day -= dt.timedelta(days=rng.randint(1, 35))
            days.append(day)
        if not numeric or any(d.day > 12 for d in days):
            return days


def draw_page(rng: random.Random, convention: str) -> tuple[str, list[Card]]:
    """One page in a convention: its text as saved, and the cards on it."""
    form = rng.choice(sorted(FORMS))
    style = Style(rng=rng, date=FORMS[form], kinds=rng.sample(sorted(_KINDS), rng.randint(1, 3)),
                  capitals=rng.random() < 0.3, variant=rng.randint(0, 5))
    lines: list[str] = []
    if rng.random() < 0.25:
        lines += rng.choice(_MENU)
    lines += rng.sample(_HEADERS, rng.randint(0, 2))
    blocks: list[list[str]] = []
    cards: list[Card] = []
    keys: list[str] = []
    images = convention not in _TABLES | {"bulleted links with dates"} and rng.random() < 0.2
    for n, day in enumerate(_days(rng, rng.randint(3, 9), form in _DAY_FIRST_NUMERIC)):
        for _attempt in range(20):
            maker = CONVENTIONS[convention]
            block, card = maker(style, day, n) if convention in _NUMBERED else maker(style, day)
            key = _norm(card.title)
            if not any(key in other or other in key for other in keys):
                break
        else:
            continue
        keys.append(key)
        if images and rng.random() < 0.6:
            block = [rng.choice(_IMAGES), *block]
        blocks.append(block)
        cards.append(card)
    if convention == "grid table rows":
        lines += _grid_header(style)
        box = style.variant % 2
        last = blocks[-1][-1]
        blocks[-1][-1] = last.replace("├", "└").replace("┼", "┴").replace("┤", "┘") if box else last
    elif convention == "space-aligned table rows":
        lines += [f"  {'Date'.ljust(32)}{'Type'.ljust(16)}Title", f"  {'-' * 30}  {'-' * 14}  {'-' * 60}"]
    starts: set[int] = set()
    for block in blocks:
        starts.add(len(lines))
        lines += block
    starts.add(len(lines))
    lines += rng.sample(_FOOTERS, rng.randint(0, 2))
    if convention in _NUMBERED:  # the terminal browser lists its links' addresses at the end
        lines += ["", "References", "", *(f"  {n + 14}. {_slug(c.title, c.published)}" for n, c in enumerate(cards))]
    habit = rng.random()
    if convention in _TABLES or convention in _NUMBERED:  # a table's rows touch; the browser sets its own lines
        return "\n".join(lines) + "\n", cards
    if habit < 0.15 and convention != "restructuredtext fields":  # hard-wrapped at 72 or 80 columns, blocks apart
        width = rng.choice([72, 80])
        lines = ["\n".join(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False))
                 if len(line) > width and not line.startswith(_UNWRAPPED_OPENINGS) else line for line in lines]
        return "\n\n".join(lines) + "\n", cards
    if habit < 0.25:  # Windows line ends
        return "\r\n".join(lines) + "\r\n", cards
    if habit < 0.5:  # a card's lines together, a blank line between cards
        return "".join(("\n\n" if n in starts else "\n") + line if n else line
                       for n, line in enumerate(lines)) + "\n", cards
    return rng.choice(["\n", "\n\n"]).join(lines) + "\n", cards


_MARKUP = re.compile(r"\]\([^)]*\)|\[\d+\]|https?://\S+|[#*_|│\[\]()>`\"']")


def _loose(text: str | None) -> str:
    """A title with its markup aside: what is left when only the words count."""
    return _norm(re.sub(r"\s+", " ", _MARKUP.sub(" ", text or "")))


def score_page(records: list, cards: list[Card]) -> dict[str, int]:
    """Counts for one page: found cards, records, false merges, right dates and kinds."""
    texts = [f"{_norm(r.title)} {_norm(r.summary)}" for r in records]
    used: set[int] = set()
    counts = {"cards": len(cards), "records": len(records), "found": 0, "date_ok": 0, "kind_ok": 0, "merges": 0,
              "loose": 0}
    for card in cards:
        for n, record in enumerate(records):
            if n not in used and _norm(record.title) == _norm(card.title):
                used.add(n)
                counts["found"] += 1
                counts["date_ok"] += record.published == card.published
                counts["kind_ok"] += record.kind == card.kind
                break
    loose: set[int] = set()
    for card in cards:
        hit = next((n for n, r in enumerate(records) if n not in loose and _loose(r.title) == _loose(card.title)), None)
        if hit is not None:
            loose.add(hit)
            counts["loose"] += 1
    keys = [_norm(card.title) for card in cards]
    counts["merges"] = sum(max(0, sum(1 for key in keys if key and key in text) - 1) for text in texts)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=336, help="pages in all, spread over the conventions")
    parser.add_argument("--seed", type=int, default=31)
    parser.add_argument("--show", help="print the pages of this convention that lose a card or a date")
    args = parser.parse_args(argv)
    from pipeline.errors import SkipInput
    from pipeline.read import read
    from pipeline.split import split

    names = sorted(CONVENTIONS)
    rng = random.Random(args.seed)
    totals: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    with tempfile.TemporaryDirectory(prefix="fifth-") as folder:
        for n in range(args.pages):
            convention = names[n % len(names)]
            text, cards = draw_page(rng, convention)
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
            if args.show == convention and (counts["found"] < len(cards) or counts["date_ok"] < counts["found"]
                                            or counts["kind_ok"] < counts["found"] or counts["merges"]
                                            or counts["records"] != len(cards)):
                print(f"--- page {n}: {counts}\n{text}")
                for record in records:
                    print(f"  => {record.published} {record.kind} {record.title!r} | {(record.summary or '')[:70]!r}")
    for name in [*names, "all"]:
        t = totals[name]
        precision = t["found"] / t["records"] if t["records"] else 1.0
        recall = t["found"] / t["cards"] if t["cards"] else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        loose_p = t["loose"] / t["records"] if t["records"] else 1.0
        loose_r = t["loose"] / t["cards"] if t["cards"] else 1.0
        loose_f1 = 2 * loose_p * loose_r / (loose_p + loose_r) if loose_p + loose_r else 0.0
        label = re.sub(r"\W+", "_", name.lower()).strip("_")
        print(f"fifth_{label}: split_f1={f1:.3f} recall={recall:.3f} false_merges={t['merges']} "
              f"date={t['date_ok'] / max(1, t['found']):.3f} kind={t['kind_ok'] / max(1, t['found']):.3f} "
              f"loose_f1={loose_f1:.3f} cards={t['cards']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
