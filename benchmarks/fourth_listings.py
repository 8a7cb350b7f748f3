"""A fourth generator of plain-text listings, written before round 3 of issue 21 changed anything.

    .venv/bin/python benchmarks/fourth_listings.py [--pages 336] [--seed 23] [--show CONVENTION]

The grammar (tests/listing_grammar.py) is what the splitter is tested on; benchmarks/unseen_listings.py and
benchmarks/fresh_listings.py were measurements until their failures were read. This one is written apart from
all three, with forms none of them prints: cards as labelled fields (`Headline:` / `Date:` / `Type:`), Markdown
(`## Title`, `*4 March 2021*`, pipe tables), numbered and bulleted lists, titles underlined with a rule,
bylines that carry the date, published-and-updated dates, capital headlines, a kind in brackets before the
title, times before titles under a day's heading, UK releases with `ENDS` and `Notes to editors` after the
text; date forms like `March 4th 2021`, `2021.03.04`, `4/Mar/2021`, `2021-03-04T10:30:00Z`, `Thursday 4 March
2021 at 10.30am`. A fire service, a botanic garden, an island airline, a lifeboat charity. Each page is
written to a file, read and split as the pipeline does, and scored:

    split F1        a card is found when a record has its title (list numbers, Markdown marks and a leading
                    time aside), or, printed without one, its date and opening words; other records are false
                    positives
    false merges    records that hold the text of two or more cards
    date, kind      share of the found cards whose date (kind) is right

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

_BODIES = ["Pellwick Fire and Rescue", "Quarrendon Botanic Garden", "Skerra Island Air", "Dunlow Lifeboat Trust",
           "Marrowfield Growers Co-operative", "Orrin Street Theatre", "Caddon Science Museum",
           "Welbury Community Transport"]
_DEEDS = ["opens its new glasshouse to visitors", "adds a Sunday flight to the outer isles",
          "takes delivery of a second all-weather boat", "pays members a record harvest dividend",
          "stages a new play about the mill strike", "puts a mammoth tusk on display", "trains forty new drivers",
          "answers a record number of calls", "plants a meadow beside the visitor centre",
          "cuts fares on the morning island run", "rescues three walkers cut off by the tide",
          "wins an award for its school workshops", "restores the Victorian pump engine",
          "signs a ten-year lease on the old granary", "recruits on-call firefighters in the hill villages",
          "brings back the winter lecture series", "launches a minibus service for hospital visits",
          "reports fewer kitchen fires this year"]
_WHENS = ["", "", "", "in time for spring", "after two years of fundraising", "with help from the county council",
          "for the first time", "despite the storms", "on the north shore"]
_LOWER = {"a", "an", "the", "of", "for", "on", "in", "with", "to", "at", "after", "by", "about"}
_SENTENCES = [
    "Crews practised the new drill at the harbour on Saturday morning.",
    "The glasshouse holds more than 3,000 plants from dry mountain regions.",
    "Seats on the new flight can be booked from next week.",
    "The boat was paid for by a bequest and a village appeal.",
    "Members voted for the dividend at the annual meeting in the corn hall.",
    "Performances run nightly except Mondays until the end of the month.",
    "The tusk was found by a farmer clearing a drainage ditch.",
    "Drivers will cover routes that the buses stopped serving in the autumn.",
    "Volunteers sowed the seed by hand over two weekends.",
    "The service is free for anyone over seventy or registered disabled.",
    "Coastguard teams and a helicopter joined the search before dawn.",
    "Teachers can book a workshop through the learning office.",
]
_VOICES = ["Orla Fenwright, the station manager", "Dr Havel Quist, curator of botany", "Senna Broadley, chief pilot",
           "Ewart Lomax, coxswain", "Priya Tallant, the co-operative's chair", "Jonah Restell, artistic director"]
_REMARKS = ["Our volunteers made this possible", "People told us what they needed and we listened",
            "It has taken patience and a great deal of goodwill", "We hope everyone comes to see it"]
_AUTHORS = ["Imogen Stray", "Caspar Vell", "Nadia Okonjo", "Tamsin Rook"]
_TEAMS = ["Communications team", "Press office", "Visitor services", "Newsdesk"]
# Kind labels as printed, with the kind a reader expects.
_KINDS = {"Press release": "press_release", "News": "press_release", "Statement": "statement",
          "Media statement": "statement", "Report": "report", "Update": "update", "Blog": "blog", "Event": "event",
          "News release": "press_release"}
_HEADERS = ["Pellwick Fire and Rescue: news", "News & media", "Media releases archive", "Press centre",
            "Sort: newest first", "Back to homepage", "What's new at the Garden"]
_FOOTERS = ["Load older releases", "<< Newer | Older >>", "(c) 2024 Dunlow Lifeboat Trust",
            "Press office: 01632 960 111", "Share this page", "Top of page"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _nth(day: int) -> str:
    return f"{day}{'th' if 11 <= day <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')}"


def _clock(rng: random.Random) -> tuple[int, int]:
    return rng.randint(7, 18), rng.choice([0, 15, 30, 45])


# Date forms as printed. Numeric day-first pages hold a day over 12, so the page's own dates tell its order.
FORMS: dict[str, Callable[[dt.date], str]] = {
    "month-ordinal-nocomma": lambda d: f"{_MONTHS[d.month - 1]} {_nth(d.day)} {d.year}",
    "dotted-iso": lambda d: f"{d.year}.{d.month:02d}.{d.day:02d}",
    "slash-abbrev": lambda d: f"{d.day}/{_MONTHS[d.month - 1][:3]}/{d.year}",
    "abbrev-dash-first": lambda d: f"{_MONTHS[d.month - 1][:3]}-{d.day:02d}-{d.year}",
    "iso-abbrev": lambda d: f"{d.year}-{_MONTHS[d.month - 1][:3]}-{d.day:02d}",
    "iso-timestamp": lambda d: f"{d.isoformat()}T10:30:00Z",
    "weekday-at-time": lambda d: f"{_WEEKDAYS[d.weekday()]} {d.day} {_MONTHS[d.month - 1]} {d.year} at 10.30am",
    "dotted-abbrev": lambda d: f"{d.day:02d}.{_MONTHS[d.month - 1][:3]}.{d.year}",
    "abbrev-ordinal": lambda d: f"{_MONTHS[d.month - 1][:3]}. {_nth(d.day)}, {d.year}",
    "day-month-comma": lambda d: f"{d.day} {_MONTHS[d.month - 1]}, {d.year}",
    "weekday-short-comma": lambda d: f"{_WEEKDAYS[d.weekday()][:3]}, {d.day} {_MONTHS[d.month - 1][:3]} {d.year}",
    "dash-day-first": lambda d: f"{d.day:02d}-{d.month:02d}-{d.year}",
    "us-time-zone": lambda d: f"{_MONTHS[d.month - 1]} {d.day}, {d.year} 10:30 a.m. ET",
    "plain": lambda d: f"{d.day} {_MONTHS[d.month - 1]} {d.year}",
}
_DAY_FIRST_NUMERIC = {"dash-day-first"}


@dataclass(frozen=True, slots=True)
class Card:
    """What a reader expects back for one card."""

    title: str | None
    opening: str  # the card's first words of text: how a card printed without a title is recognised
    published: dt.date
    kind: str


@dataclass(slots=True)
class Habits:
    """One page's habits, drawn once: every card on it is printed the same way."""

    rng: random.Random
    date: Callable[[dt.date], str]
    kinds: list[str]
    capitals: bool

    def kind(self) -> str:
        return self.rng.choice(self.kinds)

    def title(self) -> str:
        text = f"{self.rng.choice(_BODIES)} {self.rng.choice(_DEEDS)} {self.rng.choice(_WHENS)}".strip()
        if self.capitals:
            return " ".join(w if w in _LOWER else w[:1].upper() + w[1:] for w in text.split())
        return text

    def teaser(self, low: int = 1, high: int = 2) -> str:
        chosen = self.rng.sample(_SENTENCES, self.rng.randint(low, high))
        if self.rng.random() < 0.2:
            chosen.append(f"\"{self.rng.choice(_REMARKS)},\" said {self.rng.choice(_VOICES)}.")
        return " ".join(chosen)


def _opening(text: str) -> str:
    return " ".join(text.split()[:10])


# --- card conventions: the lines of one card (None: a rule the page draws between cards) -----------------

def _labelled_fields(h: Habits, day: dt.date, n: int) -> tuple[list[str], Card]:
    label, title, teaser = h.kind(), h.title(), h.teaser()
    names = h.rng.choice([("Headline", "Date", "Type", "Summary"), ("Title", "Published", "Category", "Abstract")])
    fields = [f"{names[0]}: {title}", f"{names[1]}: {h.date(day)}", f"{names[2]}: {label}", f"{names[3]}: {teaser}"]
    return fields, Card(title, _opening(teaser), day, _KINDS[label])


def _markdown_heading(h: Habits, day: dt.date, n: int) -> tuple[list[str], Card]:
    title, teaser = h.title(), h.teaser()
    date = h.rng.choice([f"*{h.date(day)}*", f"_Published {h.date(day)}_", f"**Date:** {h.date(day)}"])
    return [f"## {title}", date, teaser], Card(title, _opening(teaser), day, "press_release")


def _pipe_table_row(h: Habits, day: dt.date, n: int) -> tuple[list[str], Card]:
    label, title = h.kind(), h.title()
    return [f"| {h.date(day)} | {label} | {title} |"], Card(title, "", day, _KINDS[label])


def _numbered_title_date(h: Habits, day: dt.date, n: int) -> tuple[list[str], Card]:
    title, teaser = h.title(), h.teaser(1, 1)
    number = h.rng.choice([f"{n + 1}.", f"{n + 1})"])
    bracket = h.rng.choice([f"[{h.date(day)}]", f"(published {h.date(day)})"])
    return [f"{number} {title} {bracket}", f"   {teaser}"], Card(title, _opening(teaser), day, "press_release")


def _bullet_date_colon_title(h: Habits, day: dt.date, n: int) -> tuple[list[str], Card]:
    title = h.title()
    bullet = h.rng.choice(["* ", "- ", "+ ", "> "])
    joiner = h.rng.choice([": ", " › ", " >> ", " :: "])
    return [f"{bullet}{h.date(day)}{joiner}{title}"], Card(title, "", day, "press_release")


def _underlined_title(h: Habits, day: dt.date, n: int) -> tuple[list[str], Card]:
    title, teaser = h.title(), h.teaser()
    rule = h.rng.choice("=-~") * len(title)
    return [title, rule, h.date(day), teaser], Card(title, _opening(teaser), day, "press_release")


def _byline_with_date(h: Habits, day: dt.date, n: int) -> tuple[list[str], Card]:
    title, teaser = h.title(), h.teaser()
    author = h.rng.choice(_AUTHORS)
    byline = h.rng.choice([f"By {author}, {h.date(day)}", f"{author} | {h.rng.choice(_TEAMS)} | {h.date(day)}",
                           f"Written by {author} on {h.date(day)}"])
    return [title, byline, teaser], Card(title, _opening(teaser), day, "press_release")


def _published_and_updated(h: Habits, day: dt.date, n: int) -> tuple[list[str], Card]:
    title, teaser = h.title(), h.teaser()
    later = day + dt.timedelta(days=h.rng.randint(1, 9))
    if h.rng.random() < 0.5:
        meta = [f"Published {h.date(day)} - Last updated {h.date(later)}"]
    else:
        meta = [f"Published: {h.date(day)}", f"Updated: {h.date(later)}"]
    return [title, *meta, teaser], Card(title, _opening(teaser), day, "press_release")


def _capital_headline(h: Habits, day: dt.date, n: int) -> tuple[list[str], Card]:
    title, teaser = h.title().upper(), h.teaser()
    return [title, h.date(day), teaser], Card(title, _opening(teaser), day, "press_release")


def _bracketed_kind_title_date(h: Habits, day: dt.date, n: int) -> tuple[list[str], Card]:
    label, title, teaser = h.kind(), h.title(), h.teaser()
    joiner = h.rng.choice([" - ", " – ", " , "])
    return [f"[{label}] {title}{joiner}{h.date(day)}", teaser], Card(title, _opening(teaser), day, _KINDS[label])


def _title_then_dated_teaser(h: Habits, day: dt.date, n: int) -> tuple[list[str], Card]:
    title, teaser = h.title(), h.teaser()
    body = h.rng.choice(["The trust said today that", "Staff confirmed on the day that", "In a notice to members,"])
    text = f"{h.date(day)}{h.rng.choice([' - ', ' – ', ': '])}{body} {teaser[:1].lower()}{teaser[1:]}"
    return [title, text], Card(title, _opening(teaser), day, "press_release")


def _uk_release(h: Habits, day: dt.date, n: int) -> tuple[list[str], Card]:
    """A whole release as UK press offices print them: reference, date, headline, text, ENDS, notes to editors."""
    title, text = h.title(), h.teaser(2, 3)
    ref = f"Ref: {day.year % 100:02d}/{h.rng.randint(1, 199):03d}"
    paragraphs = [text, h.teaser(1, 3)]
    if h.rng.random() < 0.5:
        paragraphs.append(f"\"{h.rng.choice(_REMARKS)},\" said {h.rng.choice(_VOICES)}.")
    notes = ["Notes to editors", "1. The trust was founded in 1871 and is a registered charity.",
             "2. Photographs are available on request."][:h.rng.randint(1, 3)]
    head = h.rng.choice([[ref, h.date(day)], [h.date(day)], [f"{h.date(day)} {ref}"]])
    return [*head, title, *paragraphs, "ENDS", *notes], Card(title, _opening(text), day, "press_release")


CONVENTIONS: dict[str, Callable[[Habits, dt.date, int], tuple[list[str], Card]]] = {
    "labelled fields": _labelled_fields,
    "markdown heading and italic date": _markdown_heading,
    "pipe table rows": _pipe_table_row,
    "numbered title with bracketed date": _numbered_title_date,
    "bullet date colon title": _bullet_date_colon_title,
    "title underlined by a rule": _underlined_title,
    "byline with the date": _byline_with_date,
    "published and updated dates": _published_and_updated,
    "capital headline over date": _capital_headline,
    "bracketed kind, title and date": _bracketed_kind_title_date,
    "title, then teaser led by the date": _title_then_dated_teaser,
    "UK releases with notes to editors": _uk_release,
}
TIMED_DAYS = "times under a day heading"


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "").lower()).strip(" .")


_MARKS = re.compile(r"^(?:[#*_>+|-]+\s*|\d{1,2}[.)]\s+|\d{1,2}[:.]\d{2}\s*[-–—|]?\s*)+|[*_|\s]+$")


def _title_key(text: str | None) -> str:
    """A title as compared: list numbers, Markdown marks and a leading time aside."""
    return _norm(_MARKS.sub("", text or ""))


def _days(rng: random.Random, count: int, numeric: bool) -> list[dt.date]:
    """Publication days, newest first; on a day-first numeric page at least one day is over 12."""
    while True:
        day = dt.date(rng.randint(2001, 2024), rng.randint(1, 12), rng.randint(1, 28))
        days = []
        for _ in range(count):
            day -= dt.timedelta(days=rng.randint(1, 30))
            days.append(day)
        if not numeric or any(d.day > 12 for d in days):
            return days


def _timed_days(h: Habits, rng: random.Random, numeric: bool) -> tuple[list[str], list[Card]]:
    """A day's heading, then the day's releases, each title led by the time it was issued."""
    lines: list[str] = []
    cards: list[Card] = []
    for day in _days(rng, rng.randint(2, 4), numeric):
        heading = h.date(day)
        if heading[:1].isdigit() and rng.random() < 0.5:
            heading = f"{_WEEKDAYS[day.weekday()]} {heading}"  # `Thursday 04-03-2021`
        lines.append(heading)
        for _ in range(rng.randint(1, 3)):
            title = h.title()
            if any(_norm(title) in _norm(c.title) or _norm(c.title) in _norm(title) for c in cards):
                continue
            hour, minute = _clock(rng)
            lines.append(f"{hour:02d}:{minute:02d}{rng.choice(['  ', ' - ', ' | '])}{title}")
            cards.append(Card(title, "", day, "press_release"))
    return lines, cards


def draw_page(rng: random.Random, convention: str) -> tuple[str, list[Card]]:
    """One page in a convention: its text as saved, and the cards on it."""
    form = rng.choice(sorted(FORMS))
    habits = Habits(rng=rng, date=FORMS[form], kinds=rng.sample(sorted(_KINDS), rng.randint(1, 3)),
                    capitals=rng.random() < 0.3)
    lines: list[str] = rng.sample(_HEADERS, rng.randint(0, 2))
    numeric = form in _DAY_FIRST_NUMERIC
    blocks: list[list[str]] = []
    cards: list[Card] = []
    if convention == TIMED_DAYS:
        block, cards = _timed_days(habits, rng, numeric)
        blocks = [[line] for line in block]
    else:
        keys: list[str] = []
        for n, day in enumerate(_days(rng, rng.randint(3, 9), numeric)):
            for _attempt in range(20):
                block, card = CONVENTIONS[convention](habits, day, n)
                key = _norm(card.title or card.opening)
                if not any(key in other or other in key for other in keys):
                    break
            else:
                continue
            keys.append(key)
            blocks.append(block)
            cards.append(card)
    if convention == "pipe table rows":
        lines += ["| Date | Type | Title |", "|------|------|-------|"]
    between = rng.choice(["", "", "", "rule", "blank"])  # what the page prints between cards
    starts: set[int] = set()
    for n, block in enumerate(blocks):
        if n and between == "rule" and convention not in {"pipe table rows", TIMED_DAYS}:
            lines.append(rng.choice(["----", "* * *", "________________"]))
        starts.add(len(lines))
        lines += block
    starts.add(len(lines))
    lines += rng.sample(_FOOTERS, rng.randint(0, 2))
    habit = rng.random()
    if habit < 0.15:  # hard-wrapped at 72 columns, blocks apart
        lines = ["\n".join(textwrap.wrap(line, 72)) if len(line) > 72 and not line.startswith("|") else line
                 for line in lines]
        return "\n\n".join(lines) + "\n", cards
    if habit < 0.25:  # Windows line ends and trailing spaces
        return "\r\n".join(f"{line}  " for line in lines) + "\r\n", cards
    if between == "blank" and convention != TIMED_DAYS:  # a card's lines together, a blank line between cards
        return "".join(("\n\n" if n in starts else "\n") + line if n else line
                       for n, line in enumerate(lines)) + "\n", cards
    return rng.choice(["\n", "\n\n", "\n\n"]).join(lines) + "\n", cards


def score_page(records: list, cards: list[Card]) -> dict[str, int]:
    """Counts for one page: found cards, records, false merges, right dates and kinds."""
    texts = [f"{_norm(r.title)} {_norm(r.summary)}" for r in records]
    used: set[int] = set()
    counts = {"cards": len(cards), "records": len(records), "found": 0, "date_ok": 0, "kind_ok": 0, "merges": 0}
    for card in cards:
        for n, record in enumerate(records):
            if n in used:
                continue
            if card.title is not None:
                hit = _title_key(record.title) == _title_key(card.title)
            else:
                hit = record.published == card.published and _norm(card.opening) in texts[n]
            if hit:
                used.add(n)
                counts["found"] += 1
                counts["date_ok"] += record.published == card.published
                counts["kind_ok"] += record.kind == card.kind
                break
    keys = [_norm(card.title) if card.title else _norm(card.opening) for card in cards]
    counts["merges"] = sum(max(0, sum(1 for key in keys if key and key in text) - 1) for text in texts)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=338, help="pages in all, spread over the conventions")
    parser.add_argument("--seed", type=int, default=23)
    parser.add_argument("--show", help="print the pages of this convention that lose a card or a date")
    args = parser.parse_args(argv)
    from pipeline.errors import SkipInput
    from pipeline.read import read
    from pipeline.split import split

    names = sorted([*CONVENTIONS, TIMED_DAYS])
    rng = random.Random(args.seed)
    totals: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    with tempfile.TemporaryDirectory(prefix="fourth-") as folder:
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
        label = re.sub(r"\W+", "_", name.lower()).strip("_")
        print(f"fourth_{label}: split_f1={f1:.3f} recall={recall:.3f} false_merges={t['merges']} "
              f"date={t['date_ok'] / max(1, t['found']):.3f} kind={t['kind_ok'] / max(1, t['found']):.3f} "
              f"cards={t['cards']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
