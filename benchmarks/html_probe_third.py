"""A third round of HTML probe conventions, written after round two's fixes and scored as first seen.

    .venv/bin/python benchmarks/html_probe_third.py [--pages 20] [--seed 7] [--show CONVENTION]

Six more habits: an archive by month whose items print only their day (`14 — Title` under `March 2021`),
relative dates (`3 days ago`) over a `<time datetime>`, bylines linking to authors that several items share,
a date and a title as two spans inside one link, a card grid with promotion boxes between the cards
(`Sign up to our newsletter`), and a list whose items each carry a `Share` bar of links. The same scorer
and table as html_probe.py.
"""
from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from html_probe import _MONTHS, _PEOPLE, Item, Page, _e, _items, main


def month_archive_days(p: Page) -> tuple[str, list[Item]]:
    drafts = sorted(p.drafts(4, 10), key=lambda d: d.day, reverse=True)
    body, month = [], None
    for d in drafts:
        if (d.day.year, d.day.month) != month:
            if month is not None:
                body.append("</ul>")
            month = (d.day.year, d.day.month)
            body.append(f"<h3>{_MONTHS[d.day.month - 1]} {d.day.year}</h3><ul class='month'>")
        body.append(f'<li><span class="day">{d.day.day}</span> — <a href="{d.href}">{_e(d.title)}</a></li>')
    body.append("</ul>")
    return p.html(f'<div class="archive"><h1>Archive</h1>{"".join(body)}</div>'), _items(drafts)


def relative_over_datetime(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts()
    rows = "".join(f'<div class="feed-item"><a class="feed-title" href="{d.href}">{_e(d.title)}</a>'
                   f'<time datetime="{d.day.isoformat()}T08:30:00Z">{n + 2} days ago</time></div>'
                   for n, d in enumerate(drafts))
    return p.html(f'<div class="feed">{rows}</div>'), _items(drafts)


def shared_author_links(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts()
    authors = p.rng.sample(_PEOPLE, 2)
    rows = "".join(f'<article class="teaser"><h3><a href="{d.href}">{_e(d.title)}</a></h3><div class="by">By '
                   f'<a href="/people/{a.split()[0].lower()}">{a}</a>, {p.date(d.day)}</div></article>'
                   for d, a in ((d, p.rng.choice(authors)) for d in drafts))
    return p.html(f'<div class="teasers">{rows}</div>'), _items(drafts)


def spans_in_one_link(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts()
    rows = "".join(f'<li><a href="{d.href}"><span class="item-date">{p.date(d.day)}</span>'
                   f'<span class="item-title">{_e(d.title)}</span></a></li>' for d in drafts)
    return p.html(f'<ul class="link-list">{rows}</ul>'), _items(drafts)


def grid_with_promos(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts(5, 10)
    cells = []
    for n, d in enumerate(drafts):
        cells.append(f'<div class="cell"><h3><a href="{d.href}">{_e(d.title)}</a></h3><p class="when">'
                     f"{p.date(d.day)}</p><p>{_e(d.teaser)}</p></div>")
        if n in (1, 4):
            cells.append('<div class="cell promo"><h3><a href="/newsletter">Sign up to our monthly newsletter</a></h3>'
                         "<p>Stories from the valley, straight to your inbox.</p></div>")
    return p.html(f'<div class="grid">{"".join(cells)}</div>'), _items(drafts)


def share_bars(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts()
    rows = "".join(f'<li class="story"><a class="story-link" href="{d.href}">{_e(d.title)}</a><span class="story-date">'
                   f'{p.date(d.day)}</span><div class="share-bar"><a href="https://social.example/share?u={d.href}">'
                   f'Share on Chirp</a> <a href="mailto:?body={d.href}">Email a friend</a></div></li>' for d in drafts)
    return p.html(f'<ul class="stories">{rows}</ul>'), _items(drafts)


THIRD: dict[str, Callable[[Page], tuple[str, list[Item]]]] = {
    "month_archive_days": month_archive_days, "relative_over_datetime": relative_over_datetime,
    "shared_author_links": shared_author_links, "spans_in_one_link": spans_in_one_link,
    "grid_with_promos": grid_with_promos, "share_bars": share_bars,
}

if __name__ == "__main__":
    sys.exit(main(conventions=THIRD))
