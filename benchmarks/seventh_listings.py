"""A seventh generator of plain-text listings, written at the end of round 6 of issue 21, before anything was
changed for it.

    .venv/bin/python benchmarks/seventh_listings.py [--pages 300] [--seed 71] [--show CONVENTION]

Ten card conventions none of the earlier generators prints (the sixth generator's pages, habits of saving a page,
date forms, headers and footers are reused): a quoted title with its date after a dash (`“Title” — 4 March
2021`), a numeric date in brackets before the title (`(04.03.2021) Title`), a `Posted on DATE by the press office`
line under the title, an ISO timestamp line over the title (`2021-03-04T10:30:00Z`), a kind in capitals bracketed
after the title (`Title [PRESS RELEASE]`), cards closed by `* * *`, a numbered item with its fields set apart by
middle dots (`#12 · Title · 4 Mar 2021`), a title and its date set apart by a tab, a `Released on DATE — ` opening
the teaser, and a headline in capitals with its date after a double colon (`TITLE :: 04 MAR 2021`). Scored as
sixth_listings.py scores (split F1, false merges, date and kind of the found cards).
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import sixth_listings as six
from sixth_listings import _MONTHS, Card, Style

_CAPITAL_KINDS = {"PRESS RELEASE": "press_release", "STATEMENT": "statement", "UPDATE": "update",
                  "REPORT": "report"}


def _quoted_title_dash_date(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """`“Title” — DATE`, the teaser under it."""
    title = s.title()
    dash = s.pick([" — ", " – ", " - "])
    return [f"“{title}”{dash}{s.date(day)}", s.teaser()], Card(title, day, "press_release")


def _bracketed_numeric_date_first(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """`(04.03.2021) Title` or `[2021-03-04] Title`, the teaser under it now and then."""
    date = s.pick([f"({day.day:02d}.{day.month:02d}.{day.year})", f"[{day.isoformat()}]",
                   f"({day.day:02d}/{day.month:02d}/{day.year})"])
    title = s.title()
    lines = [f"{date} {title}", s.teaser()] if s.variant % 3 else [f"{date} {title}"]
    return lines, Card(title, day, "press_release")


def _posted_on_by(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """The title, `Posted on DATE by the press office`, the teaser."""
    title = s.title()
    line = s.pick([f"Posted on {s.date(day)} by the press office", f"posted {s.date(day)} by Press Office",
                   f"Posted by Communications Team on {s.date(day)}"])
    return [title, line, s.teaser()], Card(title, day, "press_release")


def _iso_timestamp_over_title(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """An ISO timestamp line, the title, the teaser."""
    title = s.title()
    stamp = s.pick([f"{day.isoformat()}T10:30:00Z", f"{day.isoformat()} 10:30", f"{day.isoformat()}T09:00:00+01:00"])
    return [stamp, title, s.teaser()], Card(title, day, "press_release")


def _capital_kind_after_title(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """`Title [PRESS RELEASE]`, the date under it, the teaser."""
    title = s.title()
    label = s.rng.choice(sorted(_CAPITAL_KINDS))
    return [f"{title} [{label}]", s.date(day), s.teaser()], Card(title, day, _CAPITAL_KINDS[label])


def _starred_rule_between_cards(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """The title, the date, the teaser, then `* * *` closing the card."""
    title = s.title()
    return [title, s.date(day), s.teaser(), s.pick(["* * *", "***", "~ ~ ~"])], Card(title, day, "press_release")


def _numbered_middle_dots(s: Style, day: dt.date, n: int) -> tuple[list[str], Card]:
    """`#12 · Title · 4 Mar 2021`: a number, the title and the date set apart by middle dots."""
    title = s.title()
    number = 40 - n
    return [s.pick([f"#{number} · {title} · {s.date(day)}", f"No. {number} · {title} · {s.date(day)}"])], \
        Card(title, day, "press_release")


def _tab_separated(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """The title and the date set apart by a tab, now and then the teaser on the next line."""
    title = s.title()
    lines = [f"{title}\t{s.date(day)}", s.teaser()] if s.variant % 2 else [f"{title}\t{s.date(day)}"]
    return lines, Card(title, day, "press_release")


def _released_on_opens_teaser(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """The title, then a teaser that opens `Released on DATE — `."""
    title = s.title()
    opener = s.pick([f"Released on {s.date(day)} — ", f"Issued {s.date(day)}: ", f"Published {s.date(day)}. "])
    return [title, opener + s.teaser()], Card(title, day, "press_release")


def _capitals_double_colon(s: Style, day: dt.date) -> tuple[list[str], Card]:
    """`TITLE :: 04 MAR 2021`, the teaser under it."""
    title = s.title()
    date = f"{day.day:02d} {_MONTHS[day.month - 1][:3].upper()} {day.year}"
    return [f"{title.upper()} :: {date}", s.teaser()], Card(title, day, "press_release")


CONVENTIONS: dict[str, Callable[..., tuple[list[str], Card]]] = {
    "quoted title, a dash and the date": _quoted_title_dash_date,
    "a bracketed numeric date before the title": _bracketed_numeric_date_first,
    "posted on a date by the press office": _posted_on_by,
    "an iso timestamp over the title": _iso_timestamp_over_title,
    "a kind in capitals after the title": _capital_kind_after_title,
    "cards closed by a starred rule": _starred_rule_between_cards,
    "numbered items set apart by middle dots": _numbered_middle_dots,
    "title and date set apart by a tab": _tab_separated,
    "released on a date opens the teaser": _released_on_opens_teaser,
    "a capitals headline and its date after a double colon": _capitals_double_colon,
}
_NUMBERED = {"numbered items set apart by middle dots"}


def draw_page(rng: random.Random, convention: str) -> tuple[str, list[Card]]:
    """One page in a convention: its text as saved, and the cards on it."""
    form = rng.choice(sorted(six.FORMS))
    date = six._no_break(six.FORMS[form]) if rng.random() < 0.12 else six.FORMS[form]
    style = Style(rng=rng, date=date, kinds=rng.sample(sorted(six._KINDS), rng.randint(1, 3)),
                  capitals=rng.random() < 0.3, variant=rng.randint(0, 11))
    lines: list[str] = rng.sample(six._HEADERS, rng.randint(0, 3))
    blocks, cards, keys = [], [], []
    for n, day in enumerate(six._days(rng, rng.randint(3, 9), form in six._NUMERIC)):
        for _attempt in range(20):
            maker = CONVENTIONS[convention]
            block, card = maker(style, day, n) if convention in _NUMBERED else maker(style, day)
            key = six._norm(card.title)
            if not any(key in other or other in key for other in keys):
                break
        else:
            continue
        keys.append(key)
        blocks.append(block)
        cards.append(card)
    starts: set[int] = set()
    for block in blocks:
        starts.add(len(lines))
        lines += block
    starts.add(len(lines))
    lines += rng.sample(six._FOOTERS, rng.randint(0, 3))
    return six._join(rng, convention, lines, starts), cards


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=300, help="pages in all, spread over the conventions")
    parser.add_argument("--seed", type=int, default=71)
    parser.add_argument("--show", help="print the pages of this convention that lose a card or a date")
    args = parser.parse_args(argv)
    return six.run("seventh", draw_page, sorted(CONVENTIONS), args.pages, args.seed, args.show)


if __name__ == "__main__":
    sys.exit(main())
