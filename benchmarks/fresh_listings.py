"""A third generator of plain-text listings, written after the second had been read and tuned on.

    .venv/bin/python benchmarks/fresh_listings.py [--pages 336] [--seed 11] [--show CONVENTION]

benchmarks/unseen_listings.py stopped measuring an unseen newsroom once its failures had been read and
fixed. This one is written apart from both it and the project's grammar (tests/listing_grammar.py): a
railway, a water company, a university and a zoo instead of agencies and harbours; AP-style month
abbreviations (`Sept.`), ordinals (`4th of March 2021`), `04-Mar-2021`, `2021/03/04`, day-first numbers
decided by the page, times after dates; wire datelines (`TOWN, Ore., DATE /Wire/ --`), `FOR IMMEDIATE
RELEASE` blocks, rules between releases, day headings over several titles, date-and-title columns and
indented lines. Nothing is tuned to it: it is a measurement, run before and after a change. Each page is
written to a file, read and split as the pipeline does, and scored like the second generator:

    split F1        a card is found when a record has its title (or, printed without one, its date and
                    opening words); every other record is a false positive
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

_ORGS = ["Greyfell Rail", "Ashvale Water", "Norbrook University", "Tillmouth Zoo", "Corrin Valley Hospice",
         "Braemoor Libraries", "Skelby Port Authority", "Hathersage Arts Fund"]
_ACTIONS = ["adds twelve carriages to the coast line", "reopens the Kelham footbridge", "lowers bills for 40,000 homes",
            "welcomes two snow leopard cubs", "appoints a new chief nurse", "wins a grant for rare manuscripts",
            "starts dredging the inner basin", "publishes its plan for cleaner rivers",
            "extends late opening at six branches", "names the winners of its poetry prize",
            "warns of delays during track renewal", "agrees a pay deal with station staff",
            "opens a sensory garden for patients", "lifts the hosepipe ban", "launches a bursary for carers",
            "moves its archive to the old mill", "tests hydrogen trains on the branch line",
            "completes the new reservoir wall"]
_TAILS = ["", "", "", "this summer", "after public consultation", "for the first time in a decade",
          "with support from local firms", "ahead of the bank holiday", "in the north valley"]
_QUESTIONS = ["What does the new timetable mean for you?", "Why are we replacing the old mains?",
              "Who can apply for the carers bursary?"]
_SENTENCES = [
    "Passengers are advised to check journey planners before they travel.",
    "The scheme was shaped by comments from more than 900 residents.",
    "Keepers say the cubs are feeding well and will be on show in the spring.",
    "Engineers expect the work to take about eleven weeks.",
    "The collection includes letters written by the founders of the town.",
    "Anyone affected can ask for a free water meter by calling the helpline.",
    "Students from the nursing school will help run the garden.",
    "A drop-in session will be held at the community centre next Thursday.",
    "The board thanked the volunteers who kept the service going.",
    "Further details are set out in the documents published today.",
    "Bus replacement services will run between the two stations.",
    "The money will be spent over the next three financial years.",
]
_SPEAKERS = ["Alisdair Penhale, director of operations", "Dr Nkechi Armitage, the vice-chancellor",
             "Rosalind Tebbutt, head keeper", "Gethin Marlow, chief executive"]
_SAYINGS = ["We know how much this matters to the people we serve", "This has been a real team effort",
            "It is a proud moment for all of us", "We are grateful for everyone's patience"]
# Kind labels as printed, with the kind a reader expects.
_KINDS = {"Media release": "press_release", "Press Release": "press_release", "News release": "press_release",
          "Statement": "statement", "Joint statement": "statement", "Report": "report", "Research report": "report",
          "Service update": "update", "Update": "update", "Blog": "blog", "Event": "event"}
_HEADERS = ["Skip to main content", "Media centre", "You are here: Home > Media > Releases",
            "Search the archive", "Showing 1-10 of 214 results", "Latest announcements from the Trust",
            "News from Greyfell Rail", "Filter by year: 2024 2023 2022 2021"]
_FOOTERS = ["Next page", "Previous | 1 | 2 | 3 | Next", "Copyright Ashvale Water 2024",
            "Media enquiries: 0161 496 0000", "Follow us on social media", "Return to the media centre"]
_STATES = ["Ore.", "Mont.", "Vt.", "Neb.", "N.M."]
_PLACES = ["Greyfell", "Ashvale", "Norbrook", "Tillmouth", "Corrin Bridge", "Skelby", "Hathersage", "Upper Wyke"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]
_AP = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _th(day: int) -> str:
    return f"{day}{'th' if 11 <= day <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')}"


# Date forms as printed; the numeric day-first ones are read from the page (each such page holds a day over 12).
DATES: dict[str, Callable[[dt.date], str]] = {
    "ap-style": lambda d: f"{_AP[d.month - 1]} {d.day}, {d.year}",
    "day-month": lambda d: f"{d.day} {_MONTHS[d.month - 1]} {d.year}",
    "month-day": lambda d: f"{_MONTHS[d.month - 1]} {d.day}, {d.year}",
    "ordinal-of": lambda d: f"{_th(d.day)} of {_MONTHS[d.month - 1]} {d.year}",
    "month-ordinal": lambda d: f"{_MONTHS[d.month - 1]} {_th(d.day)}, {d.year}",
    "weekday-ordinal": lambda d: f"{_DAYS[d.weekday()]}, {_th(d.day)} {_MONTHS[d.month - 1]} {d.year}",
    "short-weekday": lambda d: f"{_DAYS[d.weekday()][:3]} {d.day} {_MONTHS[d.month - 1][:3]} {d.year}",
    "dash-abbrev": lambda d: f"{d.day:02d}-{_MONTHS[d.month - 1][:3]}-{d.year}",
    "slash-iso": lambda d: f"{d.year}/{d.month:02d}/{d.day:02d}",
    "uk-numeric": lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}",
    "dot-short": lambda d: f"{d.day}.{d.month}.{d.year}",
    "upper-abbrev": lambda d: f"{d.day} {_MONTHS[d.month - 1][:3].upper()} {d.year}",
    "with-time": lambda d: f"{d.day} {_MONTHS[d.month - 1]} {d.year}, 2:45pm",
    "iso-time": lambda d: f"{d.isoformat()} 09:30",
    "abbrev-nocomma": lambda d: f"{_MONTHS[d.month - 1][:3]} {d.day:02d} {d.year}",
}
_DAY_FIRST_NUMERIC = {"uk-numeric", "dot-short"}
_SEPARATORS = [" - ", " | ", " · ", " — ", ": ", " / "]
_LABELS = ["", "", "Posted ", "Issued: ", "Date: ", "Published "]


@dataclass(frozen=True, slots=True)
class Card:
    """What a reader expects back for one card."""

    title: str | None
    opening: str  # the card's first words: how a card printed without a title is recognised
    published: dt.date
    kind: str


@dataclass(slots=True)
class Style:
    """One page's habits, drawn once and kept for every card on it."""

    rng: random.Random
    date: Callable[[dt.date], str]
    separator: str
    label: str
    kinds: list[str]
    indent: str

    def kind(self) -> str:
        return self.rng.choice(self.kinds)

    def title(self) -> str:
        if self.rng.random() < 0.06:
            return self.rng.choice(_QUESTIONS)
        text = f"{self.rng.choice(_ORGS)} {self.rng.choice(_ACTIONS)} {self.rng.choice(_TAILS)}".strip()
        if self.rng.random() < 0.35:
            text = " ".join(w if w in {"a", "the", "of", "for", "on", "in", "with", "to", "at", "after"}
                            else w[:1].upper() + w[1:] for w in text.split())
        return text

    def teaser(self, low: int = 1, high: int = 2) -> str:
        chosen = self.rng.sample(_SENTENCES, self.rng.randint(low, high))
        if self.rng.random() < 0.25:
            chosen.append(f"\"{self.rng.choice(_SAYINGS)},\" said {self.rng.choice(_SPEAKERS)}.")
        return " ".join(chosen)

    def dated(self, day: dt.date) -> str:
        return f"{self.label}{self.date(day)}"


def _opening(text: str) -> str:
    return " ".join(text.split()[:10])


def _plain(title: str, teaser: str, day: dt.date, kind: str = "press_release") -> Card:
    return Card(title, _opening(teaser), day, kind)


# --- card conventions: the lines of one card, and what a reader expects of it ---------------------------

def _kind_date_title_teaser(s: Style, day: dt.date) -> tuple[list[str], Card]:
    label, title, teaser = s.kind(), s.title(), s.teaser()
    return [f"{label}{s.separator}{s.date(day)}", title, s.indent + teaser], _plain(title, teaser, day, _KINDS[label])


def _title_kind_date_teaser(s: Style, day: dt.date) -> tuple[list[str], Card]:
    label, title, teaser = s.kind(), s.title(), s.teaser()
    return [title, s.indent + f"{label}{s.separator}{s.date(day)}", s.indent + teaser], _plain(
        title, teaser, day, _KINDS[label])


def _paren_dateline(s: Style, day: dt.date) -> tuple[list[str], Card]:
    title, teaser = s.title(), s.teaser()
    return [title, f"({s.rng.choice(_PLACES)}, {s.date(day)}){s.rng.choice([' ', ' - ', ' — '])}{teaser}"], _plain(
        title, teaser, day)


def _wire_dateline(s: Style, day: dt.date) -> tuple[list[str], Card]:
    title, teaser = s.title(), s.teaser()
    place = f"{s.rng.choice(_PLACES).upper()}, {s.rng.choice(_STATES)}"
    opener = s.rng.choice([f"{place}, {s.date(day)} /Wire/ -- ", f"{place} ({s.date(day)}) -- ",
                           f"{place}, {s.date(day)}{s.separator}"])
    return [title, opener + teaser], _plain(title, teaser, day)


def _date_over_title(s: Style, day: dt.date) -> tuple[list[str], Card]:
    title = s.title()
    return [s.dated(day), s.indent + title], Card(title, "", day, "press_release")


def _title_over_date(s: Style, day: dt.date) -> tuple[list[str], Card]:
    title = s.title()
    return [title, s.indent + s.dated(day)], Card(title, "", day, "press_release")


def _title_teaser_date(s: Style, day: dt.date) -> tuple[list[str], Card]:
    title, teaser = s.title(), s.teaser()
    return [title, s.indent + teaser, s.indent + s.dated(day)], _plain(title, teaser, day)


def _date_title_teaser(s: Style, day: dt.date) -> tuple[list[str], Card]:
    title, teaser = s.title(), s.teaser()
    return [s.dated(day), title, s.indent + teaser], _plain(title, teaser, day)


def _kind_title_teaser_date(s: Style, day: dt.date) -> tuple[list[str], Card]:
    label, title, teaser = s.kind(), s.title(), s.teaser(1, 3)
    return [label.upper() if s.rng.random() < 0.3 else label, title, teaser, s.dated(day)], _plain(
        title, teaser, day, _KINDS[label])


def _title_dash_date(s: Style, day: dt.date) -> tuple[list[str], Card]:
    title, teaser = s.title(), s.teaser()
    joiner = s.rng.choice([" — ", " -- ", " ~ "])
    return [f"{title}{joiner}{s.date(day)}", s.indent + teaser], _plain(title, teaser, day)


def _date_column(s: Style, day: dt.date) -> tuple[list[str], Card]:
    title = s.title()
    gap = s.rng.choice(["    ", "\t", "  "])
    return [f"{s.date(day)}{gap}{title}"], Card(title, "", day, "press_release")


def _body(s: Style, first: str) -> list[str]:
    paragraphs = [first] + [s.teaser(1, 3) for _ in range(s.rng.randint(1, 3))]
    if s.rng.random() < 0.4:
        paragraphs.append(f"\"{s.rng.choice(_SAYINGS)},\" said {s.rng.choice(_SPEAKERS)}.")
    return paragraphs


def _wire_release(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A whole wire release: headline, wire dateline paragraph, more paragraphs, an end mark."""
    title, text = s.title(), s.teaser()
    first = f"{s.rng.choice(_PLACES).upper()}, {s.rng.choice(_STATES)}, {s.date(day)} /Wire/ -- {text}"
    ending = s.rng.choice([["###"], ["-30-"], ["# # #"], ["SOURCE Press office"],
                           ["Press contact:", "Jory Castell", "press@greyfell.example"]])
    return [title, *_body(s, first), *ending], _plain(title, text, day)


def _immediate_release(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A whole release as mailed: `FOR IMMEDIATE RELEASE`, its date, headline, a town-only dateline."""
    title, text = s.title(), s.teaser()
    first = f"{s.rng.choice(_PLACES).upper()}{s.rng.choice([' - ', ' — ', ': '])}{text}"
    head = s.rng.choice(["FOR IMMEDIATE RELEASE", "For immediate release", "NEWS RELEASE"])
    ending = s.rng.choice([["ENDS"], ["###"], ["Notes to editors", "The trust is a registered charity."]])
    return [head, s.dated(day), title, *_body(s, first), *ending], _plain(title, text, day)


def _colon_dateline_release(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """A whole release without a headline, `Town, DATE: text`, and a rule after it."""
    text = s.teaser()
    first = f"{s.rng.choice(_PLACES)}, {s.date(day)}: {text}"
    return [*_body(s, first), s.rng.choice(["* * *", "----------", "~~~"])], Card(None, _opening(first), day,
                                                                                  "press_release")


CONVENTIONS: dict[str, Callable[[Style, dt.date], tuple[list[str], Card]]] = {
    "kind-date line, title, teaser": _kind_date_title_teaser,
    "title, kind-date line, teaser": _title_kind_date_teaser,
    "paren dateline opens the teaser": _paren_dateline,
    "wire dateline opens the teaser": _wire_dateline,
    "date over title, no teaser": _date_over_title,
    "title over date, no teaser": _title_over_date,
    "title, teaser, date": _title_teaser_date,
    "date, title, teaser": _date_title_teaser,
    "kind, title, teaser, date": _kind_title_teaser_date,
    "title and date on one line, teaser": _title_dash_date,
    "date and title in columns": _date_column,
    "wire releases in sequence": _wire_release,
    "for-immediate-release blocks in sequence": _immediate_release,
    "colon datelines between rules": _colon_dateline_release,
}
DAY_HEADINGS = "day headings over titles"


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "").lower()).strip(" .")


def _days(rng: random.Random, count: int, numeric: bool) -> list[dt.date]:
    """Publication days, newest first; on a day-first numeric page at least one day is over 12."""
    while True:
        day = dt.date(rng.randint(1999, 2024), rng.randint(1, 12), rng.randint(1, 28))
        days = []
        for _ in range(count):
            day -= dt.timedelta(days=rng.randint(1, 40))
            days.append(day)
        if not numeric or any(d.day > 12 for d in days):
            return days


def _day_headings(style: Style, rng: random.Random, numeric: bool) -> tuple[list[str], list[Card]]:
    """A day's date printed once over one to three titles of that day."""
    lines: list[str] = []
    cards: list[Card] = []
    for day in _days(rng, rng.randint(2, 5), numeric):
        lines.append(style.date(day))
        for _ in range(rng.randint(1, 3)):
            title = style.title()
            if any(_norm(title) in _norm(c.title) or _norm(c.title) in _norm(title) for c in cards):
                continue
            lines.append(style.indent + title)
            cards.append(Card(title, "", day, "press_release"))
    return lines, cards


def draw_page(rng: random.Random, convention: str) -> tuple[str, list[Card]]:
    """One page in a convention: its text as saved, and the cards on it."""
    form = rng.choice(sorted(DATES))
    style = Style(rng=rng, date=DATES[form], separator=rng.choice(_SEPARATORS), label=rng.choice(_LABELS),
                  kinds=rng.sample(sorted(_KINDS), rng.randint(1, 3)), indent=rng.choice(["", "", "", "  ", "    "]))
    lines = rng.sample(_HEADERS, rng.randint(0, 2))
    if convention == DAY_HEADINGS:
        block, cards = _day_headings(style, rng, form in _DAY_FIRST_NUMERIC)
        lines += block
    else:
        cards = []
        keys: list[str] = []
        days = _days(rng, rng.randint(3, 10), form in _DAY_FIRST_NUMERIC)
        for day in days:
            for _attempt in range(20):
                block, card = CONVENTIONS[convention](style, day)
                key = _norm(card.title or card.opening)
                if not any(key in other or other in key for other in keys):
                    break
            else:
                continue
            keys.append(key)
            lines += block
            cards.append(card)
    lines += rng.sample(_FOOTERS, rng.randint(0, 2))
    habit = rng.random()
    if habit < 0.2:  # hard-wrapped at 70 or 76 columns, paragraphs apart
        width = rng.choice([70, 76])
        lines = ["\n".join(textwrap.wrap(line, width, initial_indent="", subsequent_indent=""))
                 if len(line) > width else line for line in lines]
        return "\n\n".join(lines) + "\n", cards
    if habit < 0.3:  # Windows line ends
        return "\r\n".join(lines) + "\r\n", cards
    return rng.choice(["\n", "\n\n", "\n\n", "\n\n\n"]).join(lines) + "\n", cards


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
                hit = _norm(record.title) == _norm(card.title)
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
    parser.add_argument("--pages", type=int, default=360, help="pages in all, spread over the conventions")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--show", help="print the pages of this convention that lose a card or a date")
    args = parser.parse_args(argv)
    from pipeline.errors import SkipInput
    from pipeline.read import read
    from pipeline.split import split

    names = sorted([*CONVENTIONS, DAY_HEADINGS])
    rng = random.Random(args.seed)
    totals: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    with tempfile.TemporaryDirectory(prefix="fresh-") as folder:
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
        print(f"fresh_{label}: split_f1={f1:.3f} recall={recall:.3f} false_merges={t['merges']} "
              f"date={t['date_ok'] / max(1, t['found']):.3f} kind={t['kind_ok'] / max(1, t['found']):.3f} "
              f"cards={t['cards']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
