"""A second, independent generator of plain-text listings, to estimate what an unseen newsroom scores.

    .venv/bin/python benchmarks/unseen_listings.py [--pages 280] [--seed 7] [--show CONVENTION]

The project's own grammar (tests/listing_grammar.py) is what the splitter is tested and tuned on; this
one is written apart from it, with other wording, other towns and other card conventions, so that its
scores say how well the rules carry over rather than how well they fit the grammar. Nothing here is
tuned to: it is a measurement. Each page is written to a file (blocks set apart by one or two blank
lines, sometimes hard-wrapped at 72 columns), read and split as the pipeline does, and scored:

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

_TOWNS = ["Westmoor", "Halden", "Eastbrook", "Lowater", "Fennick", "Carrow", "Marsh End", "Oakhythe", "Brindle"]
_REGIONS = ["Northland", "Vale County", "the Fens", "Upper Marsh"]
_BODIES = ["Harbour board", "Valley trust", "Ferry service", "Orchard council", "Tide office", "Mill school",
           "Lantern museum", "Canal society", "Moorland rangers", "Seed library"]
_DEEDS = ["repaints the old pier", "opens a reading room", "buys two electric buses", "plants a mile of hedges",
          "adds a night ferry", "restores the clock tower", "names a new warden", "closes the east lock for repairs",
          "doubles its summer opening hours", "hands the granary to a youth club", "counts record otter numbers",
          "signs a deal with the rowing club", "puts solar panels on the depot", "drops fares for pensioners"]
_WHENS = ["", "", "after a long winter", "before the regatta", "for the first time since the flood",
          "with help from volunteers", "in a vote on Tuesday"]
_PEOPLE = ["Mara Lind", "Tobias Krell", "Ines Varga", "Colm Rudd", "Petra Holm", "Odile Faure"]
_SENTENCES = [
    "The work begins next month and should be finished before the autumn fair.",
    "Visitors will find the new benches along the path to the lighthouse.",
    "The money comes from a fund set up by local shopkeepers ten years ago.",
    "A public meeting on the plans will be held in the church hall.",
    "Crews will work at night so that the morning boats keep running.",
    "The last repairs of this size were made when the harbour wall was rebuilt.",
    "Residents asked for the change in a survey last spring.",
    "Tickets can be bought at the quay office or on board.",
    "The rangers counted the animals from boats along both banks of the river.",
    "Children from three schools helped choose the colours.",
]
_QUOTES = ["This is a good day for everyone who lives by the water", "We listened, and this is the answer",
           "The town has waited a long time for this", "It will make the crossing safer in every season"]
_HEADERS = ["Harbour Board news", "News and statements", "All releases", "Home  /  News", "Latest from the board"]
_FOOTERS = ["Older entries", "Page 2 of 9", "Back to the top", "Harbour Board, Quay Street, Westmoor",
            "Subscribe to our releases"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _nth(day: int) -> str:
    return f"{day}{'th' if 11 <= day <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')}"


FORMATS: dict[str, Callable[[dt.date], str]] = {
    "month-day-year": lambda d: f"{_MONTHS[d.month - 1]} {d.day}, {d.year}",
    "abbrev-dot": lambda d: f"{_MONTHS[d.month - 1][:3]}. {d.day}, {d.year}",
    "day-month-year": lambda d: f"{d.day} {_MONTHS[d.month - 1]} {d.year}",
    "day-abbrev": lambda d: f"{d.day} {_MONTHS[d.month - 1][:3]} {d.year}",
    "weekday-day-month": lambda d: f"{_DAYS[d.weekday()]} {d.day} {_MONTHS[d.month - 1]} {d.year}",
    "iso": lambda d: d.isoformat(),
    "slash-us": lambda d: f"{d.month}/{d.day}/{d.year}",
    "dot-eu": lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}",
    "zero-day": lambda d: f"{_MONTHS[d.month - 1]} {d.day:02d}, {d.year}",
    "ordinal-first": lambda d: f"{_nth(d.day)} {_MONTHS[d.month - 1]} {d.year}",
    "capitals": lambda d: f"{_MONTHS[d.month - 1].upper()} {d.day}, {d.year}",
    "no-comma": lambda d: f"{_MONTHS[d.month - 1]} {d.day} {d.year}",
}
# Kind labels as printed, with the kind a reader expects.
_KINDS = {"Statement": "statement", "Press release": "press_release", "News": "press_release",
          "Media statement": "statement", "Update": "update", "News release": "press_release", "Report": "report",
          "Blog post": "blog"}
_SEPARATORS = [" – ", " | ", " · ", " — "]


@dataclass(frozen=True, slots=True)
class Card:
    """What a reader expects back for one card."""

    title: str | None
    opening: str  # the card's first words of text: how a card without a title is recognised
    published: dt.date
    kind: str


@dataclass(slots=True)
class Style:
    """One page's habits, drawn once: every card of the page is printed the same way."""

    rng: random.Random
    date: Callable[[dt.date], str]
    separator: str
    kinds: list[str]

    def kind(self) -> str:
        return self.rng.choice(self.kinds)

    def title(self) -> str:
        words = f"{self.rng.choice(_BODIES)} {self.rng.choice(_DEEDS)} {self.rng.choice(_WHENS)}".strip()
        if self.rng.random() < 0.4:
            words = " ".join(w if w in {"a", "the", "of", "for", "on", "in", "with", "to", "by"} else w.capitalize()
                             for w in words.split())
        return words

    def sentences(self, low: int, high: int) -> str:
        chosen = self.rng.sample(_SENTENCES, self.rng.randint(low, high))
        if self.rng.random() < 0.3:
            chosen.insert(1, f"“{self.rng.choice(_QUOTES)},” said {self.rng.choice(_PEOPLE)}, who chairs the board.")
        return " ".join(chosen)

    def place(self) -> str:
        return self.rng.choice(_TOWNS)


def _opening(text: str) -> str:
    """A card's first words: with its dateline, they tell it from every other card."""
    return " ".join(text.split()[:10])


# --- card conventions: each prints one card's lines and says what a reader expects ------------------

def _kind_date_above(style: Style, day: dt.date) -> tuple[list[str], Card]:
    label, title, teaser = style.kind(), style.title(), style.sentences(1, 2)
    return [f"{label}{style.separator}{style.date(day)}", title, teaser], Card(title, _opening(teaser), day,
                                                                                _KINDS[label])


def _paren_dateline_teaser(style: Style, day: dt.date) -> tuple[list[str], Card]:
    title, teaser = style.title(), style.sentences(1, 2)
    return [title, f"({style.place()}, {style.date(day)}) {teaser}"], Card(title, _opening(teaser), day,
                                                                             "press_release")


def _kind_date_under(style: Style, day: dt.date) -> tuple[list[str], Card]:
    label, title, teaser = style.kind(), style.title(), style.sentences(1, 2)
    return [title, f"{label}{style.separator}{style.date(day)}", teaser], Card(title, _opening(teaser), day,
                                                                                _KINDS[label])


def _caps_dateline_teaser(style: Style, day: dt.date) -> tuple[list[str], Card]:
    title, teaser = style.title(), style.sentences(1, 2)
    return [title, f"{style.place().upper()}, {style.date(day)}{style.separator}{teaser}"], Card(
        title, _opening(teaser), day, "press_release")


def _date_then_title(style: Style, day: dt.date) -> tuple[list[str], Card]:
    title = style.title()
    return [style.date(day), title], Card(title, "", day, "press_release")


def _title_then_date(style: Style, day: dt.date) -> tuple[list[str], Card]:
    title = style.title()
    return [title, style.date(day)], Card(title, "", day, "press_release")


def _date_kind_under(style: Style, day: dt.date) -> tuple[list[str], Card]:
    label, title, teaser = style.kind(), style.title(), style.sentences(1, 3)
    return [title, f"{style.date(day)}{style.separator}{label}", teaser], Card(title, _opening(teaser), day,
                                                                                _KINDS[label])


def _kind_date_at_end(style: Style, day: dt.date) -> tuple[list[str], Card]:
    label, title, teaser = style.kind(), style.title(), style.sentences(1, 2)
    return [title, teaser, f"{label}{style.separator}{style.date(day)}"], Card(title, _opening(teaser), day,
                                                                                _KINDS[label])


def _classic(style: Style, day: dt.date) -> tuple[list[str], Card]:
    label, title, teaser = style.kind(), style.title(), style.sentences(1, 3)
    return [label, title, teaser, style.date(day)], Card(title, _opening(teaser), day, _KINDS[label])


def _body(style: Style, opening: str) -> list[str]:
    """A release's paragraphs after its opening one, and now and then the people to call."""
    paragraphs = [opening] + [style.sentences(1, 3) for _ in range(style.rng.randint(1, 3))]
    if style.rng.random() < 0.3:
        paragraphs.append(f"“{style.rng.choice(_QUOTES)},” said {style.rng.choice(_PEOPLE)}.")
    return paragraphs


def _ending(style: Style) -> list[str]:
    return style.rng.choice([["###"], ["-ENDS-"], ["- ends -"], ["Ends"],
                             ["For more information, please call the press office on 01632 960 118."],
                             ["Media contact:", style.rng.choice(_PEOPLE), "press@harbour.example"]])


def _release_with_dateline(style: Style, day: dt.date) -> tuple[list[str], Card]:
    """A whole release, no headline: it opens with a dateline of one to three towns."""
    towns = "/".join(style.rng.sample(_TOWNS, style.rng.randint(1, 3)))
    text = style.sentences(1, 2)
    first = f"{towns}, {style.date(day)}{style.separator}{text}"
    lines = _body(style, first)
    if style.rng.random() < 0.5:
        lines += _ending(style)
    return lines, Card(None, _opening(first), day, "press_release")


def _release_region_paren(style: Style, day: dt.date) -> tuple[list[str], Card]:
    """A whole release, no headline: `Town, Region (DATE) — text`."""
    text = style.sentences(1, 2)
    first = f"{style.place()}, {style.rng.choice(_REGIONS)} ({style.date(day)}){style.separator}{text}"
    return _body(style, first), Card(None, _opening(first), day, "press_release")


def _release_with_headline(style: Style, day: dt.date) -> tuple[list[str], Card]:
    """A whole release: headline, a dateline paragraph, more paragraphs, an end marker."""
    title, text = style.title(), style.sentences(1, 2)
    first = f"{style.place().upper()}, {style.date(day)}{style.separator}{text}"
    return [title, *_body(style, first), *_ending(style)], Card(title, _opening(text), day, "press_release")


CONVENTIONS: dict[str, Callable[[Style, dt.date], tuple[list[str], Card]]] = {
    "kind-date line above title": _kind_date_above,
    "paren dateline opens the teaser": _paren_dateline_teaser,
    "kind-date line under title": _kind_date_under,
    "capitals dateline opens the teaser": _caps_dateline_teaser,
    "date above title, no teaser": _date_then_title,
    "title above date, no teaser": _title_then_date,
    "date-kind line under title": _date_kind_under,
    "kind-date line at the end": _kind_date_at_end,
    "kind, title, teaser, date": _classic,
    "releases in sequence, dateline only": _release_with_dateline,
    "releases in sequence, Town, Region (DATE)": _release_region_paren,
    "releases in sequence, headline and end marker": _release_with_headline,
}


def draw_page(rng: random.Random, convention: str) -> tuple[str, list[Card]]:
    """One page in a convention: its text as saved, and the cards on it."""
    date_format = rng.choice(sorted(FORMATS))
    style = Style(rng=rng, date=FORMATS[date_format], separator=rng.choice(_SEPARATORS),
                  kinds=rng.sample(sorted(_KINDS), rng.randint(1, 3)))
    day = dt.date(rng.randint(2006, 2024), rng.randint(1, 12), rng.randint(1, 28))
    lines = rng.sample(_HEADERS, rng.randint(0, 2))
    cards: list[Card] = []
    keys: list[str] = []
    count = rng.randint(3, 10)
    while len(cards) < count:
        day -= dt.timedelta(days=rng.randint(1, 30))
        block, card = CONVENTIONS[convention](style, day)
        key = _norm(card.title or card.opening)
        if any(key in other or other in key for other in keys):
            continue  # each card tells itself apart: no title (or opening) inside another
        keys.append(key)
        lines += block
        cards.append(card)
    lines += rng.sample(_FOOTERS, rng.randint(0, 2))
    if rng.random() < 0.2:
        lines = ["\n".join(textwrap.wrap(line, 72)) if len(line) > 72 else line for line in lines]
        gap = "\n\n"
    else:
        gap = rng.choice(["\n\n", "\n\n\n", "\n"])
    return gap.join(lines) + "\n", cards


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "").lower()).strip(" .")


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
    parser.add_argument("--pages", type=int, default=288, help="pages in all, spread over the conventions")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--show", help="print the pages of this convention that lose a card or a date")
    args = parser.parse_args(argv)
    from pipeline.read import read
    from pipeline.split import split

    rng = random.Random(args.seed)
    totals: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    with tempfile.TemporaryDirectory(prefix="unseen-") as folder:
        for n in range(args.pages):
            convention = sorted(CONVENTIONS)[n % len(CONVENTIONS)]
            text, cards = draw_page(rng, convention)
            path = Path(folder, f"page{n:04d}.txt")
            path.write_text(text, encoding="utf-8")
            records = split(read(path))
            counts = score_page(records, cards)
            for key, value in counts.items():
                totals[convention][key] += value
                totals["all"][key] += value
            if args.show == convention and (counts["found"] < len(cards) or counts["date_ok"] < counts["found"]
                                            or counts["records"] != len(cards)):
                print(f"--- page {n}: {counts}\n{text}")
                for record in records:
                    print(f"  => {record.published} {record.kind} {record.title!r} | {(record.summary or '')[:70]!r}")
    for name in [*sorted(CONVENTIONS), "all"]:
        t = totals[name]
        precision = t["found"] / t["records"] if t["records"] else 1.0
        recall = t["found"] / t["cards"] if t["cards"] else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        label = re.sub(r"\W+", "_", name.lower()).strip("_")
        print(f"unseen_{label}: split_f1={f1:.3f} recall={recall:.3f} false_merges={t['merges']} "
              f"date={t['date_ok'] / max(1, t['found']):.3f} kind={t['kind_ok'] / max(1, t['found']):.3f} "
              f"cards={t['cards']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
