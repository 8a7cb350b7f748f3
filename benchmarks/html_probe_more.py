"""A second round of HTML probe conventions, written after the first round's fixes and scored as first seen.

    .venv/bin/python benchmarks/html_probe_more.py [--pages 20] [--seed 7] [--show CONVENTION]

benchmarks/html_probe.py's eighteen conventions were all read right once four failure classes were fixed, so
these ten go where a reader is likelier to slip: a widget column with no <main> and no side-list heading,
items that print a published and an updated date, a headline with no link of its own beside a `Read more`
link, a `Full release (PDF)` link as the only link, dates with a time of day, cards whose date sits in a
footer of the card, class-less nested <div>s, teasers in a second table row, a kind and a date printed below
the teaser, and item titles in capitals. The same scorer and table as html_probe.py.
"""
from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from html_probe import _KIND_LABELS, _MONTHS, Item, Page, _e, _items, main


def widget_column_no_main(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts()
    posts = "".join(f'<div class="post-{n} post"><h2 class="post-title"><a href="{d.href}">{_e(d.title)}</a></h2>'
                    f'<div class="post-date">{p.date(d.day)}</div><div class="post-excerpt">{_e(d.teaser)}</div></div>'
                    for n, d in enumerate(drafts))
    side = (f'<div id="secondary" class="widget-area sidebar-right"><div class="widget">'
            f'{p.sidebar(p.rng.choice(["Recent posts", "Latest posts", "From the blog"]), True)}</div></div>')
    return p.html(f'<div id="primary" class="content-area">{posts}</div>', side=side), _items(drafts)


def published_and_updated(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts()
    rows = "".join(f'<li class="entry"><h3><a href="{d.href}">{_e(d.title)}</a></h3><p class="entry-dates">Published '
                   f"{p.date(d.day)} · Updated {p.date(d.day.replace(day=28) if d.day.day < 28 else d.day)}</p>"
                   f"<p>{_e(d.teaser)}</p></li>" for d in drafts)
    return p.html(f'<div class="content"><h1>Notices</h1><ul class="entries">{rows}</ul></div>'), _items(drafts)


def headline_without_link(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts()
    rows = "".join(f'<div class="news-teaser"><h3>{_e(d.title)}</h3><span class="when">{p.date(d.day)}</span>'
                   f'<p>{_e(d.teaser)}</p><a class="btn btn-link" href="{d.href}">Read more</a></div>' for d in drafts)
    return p.html(f'<div class="news-list">{rows}</div>'), _items(drafts)


def pdf_link_only(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts()
    for d in drafts:
        d.href = d.href + ".pdf"
    rows = "".join(f'<tr><td>{p.date(d.day)}</td><td><strong>{_e(d.title)}</strong><br>{_e(d.teaser)}<br>'
                   f'<a href="{d.href}">Full release (PDF, {100 + n * 7} KB)</a></td></tr>'
                   for n, d in enumerate(drafts))
    return p.html(f'<div class="archive"><h1>Release archive</h1><table class="releases">{rows}</table></div>'), \
        _items(drafts)


def dates_with_times(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts()
    shape = p.rng.choice(["{date} at {h}:{m:02d} {ap}", "{date}, {h}:{m:02d}{ap}", "{date} {H:02d}:{m:02d}"])
    rows = []
    for n, d in enumerate(drafts):
        hour = 8 + n % 9
        stamp = shape.format(date=p.date(d.day), h=hour if hour <= 12 else hour - 12, H=hour, m=5 * n % 60,
                             ap="am" if hour < 12 else "pm")
        rows.append(f'<article class="release"><a href="{d.href}" class="release-link">{_e(d.title)}</a>'
                    f'<div class="release-stamp">{stamp}</div></article>')
    return p.html(f'<section class="releases"><h1>Latest releases</h1>{"".join(rows)}</section>'), _items(drafts)


def card_footer_date(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts()
    foot = p.rng.choice(['<footer class="meta">{}</footer>', '<div class="footer">{}</div>'])
    rows = "".join(f'<article class="tile"><header><h2><a href="{d.href}">{_e(d.title)}</a></h2></header>'
                   f"<p>{_e(d.teaser)}</p>{foot.format(p.date(d.day))}</article>" for d in drafts)
    return p.html(f'<div class="tiles">{rows}</div>'), _items(drafts)


def classless_divs(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts()
    rows = "".join(f'<div><div><a href="{d.href}"><div>{_e(d.title)}</div></a></div><div>{p.date(d.day)}</div>'
                   f"<div>{_e(d.teaser)}</div></div>" for d in drafts)
    return p.html(f'<div id="list"><div>{rows}</div></div>'), _items(drafts)


def two_row_table(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts()
    rows = "".join(f'<tr class="head-row"><td class="d">{p.date(d.day)}</td><td><a href="{d.href}">{_e(d.title)}</a>'
                   f'</td></tr><tr class="text-row"><td></td><td>{_e(d.teaser)}</td></tr>' for d in drafts)
    return p.html(f'<div class="main"><h2>News releases</h2><table>{rows}</table></div>'), _items(drafts)


def kind_and_date_below(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts()
    rows = []
    for d in drafts:
        label = p.rng.choice(sorted(_KIND_LABELS))
        d.kind = _KIND_LABELS[label]
        rows.append(f'<div class="result"><h4 class="result-title"><a href="{d.href}">{_e(d.title)}</a></h4>'
                    f'<p class="result-text">{_e(d.teaser)}</p><p class="result-meta">{label} | {p.date(d.day)}</p>'
                    "</div>")
    return p.html(f'<div class="search-results"><p>{len(drafts)} results</p>{"".join(rows)}</div>'), _items(drafts)


def capital_titles(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts()
    for d in drafts:
        d.title = d.title.upper()
    rows = "".join(f'<li><span class="dt">{d.day.day} {_MONTHS[d.day.month - 1]} {d.day.year}</span>'
                   f'<a href="{d.href}">{_e(d.title)}</a></li>' for d in drafts)
    return p.html(f'<div class="col-main"><ul class="plain">{rows}</ul></div>'), _items(drafts)


MORE: dict[str, Callable[[Page], tuple[str, list[Item]]]] = {
    "widget_column_no_main": widget_column_no_main, "published_and_updated": published_and_updated,
    "headline_without_link": headline_without_link, "pdf_link_only": pdf_link_only,
    "dates_with_times": dates_with_times, "card_footer_date": card_footer_date, "classless_divs": classless_divs,
    "two_row_table": two_row_table, "kind_and_date_below": kind_and_date_below, "capital_titles": capital_titles,
}

if __name__ == "__main__":
    sys.exit(main(conventions=MORE))
