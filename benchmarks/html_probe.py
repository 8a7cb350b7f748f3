"""A second generator of HTML listing pages, written apart from the grammar the HTML reader is tested on.

    .venv/bin/python benchmarks/html_probe.py [--pages 20] [--seed 7] [--show CONVENTION]

tests/html_layouts.py was written by the engineer who wrote the reader's rules. This one is written apart
from it, with markup, wording and furniture of its own: CMS themes of many kinds (blog archives with
widget columns, view rows with field wrappers, grid cards with a footer, utility-class soups, BEM teasers
under a hero item, definition lists, typed tables, microdata teasers, event badges printed in pieces),
mega menus, breadcrumbs, pagination, cookie notices, and side lists (`Most popular`, `Related stories`,
`Recent posts`) whose items are dated too and must not be taken. Numeric dates are day-first or
month-first, and the page tells which (a day above 12, or its `lang`). Every name, headline and teaser
is invented: a ferry company, a seed bank, a mountain rescue team, a city orchestra.

Each page is written to a file, read and split as the pipeline does, and scored per convention:

    split P/R/F1    an item is found when a record has its title (case and spacing aside)
    false merges    records whose title and text hold two items' titles or more
    sidebar taken   records whose title is a side list's item
    date            share of found items whose `published` is right (None where the page prints no full date)
    title exact     share of found items whose title is exactly as printed
    kind, url       share of found items whose kind (URL) is right
    not understood  pages the date census flags
"""
from __future__ import annotations

import argparse
import datetime as dt
import html
import random
import re
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

_e = html.escape
_SITE = "https://www.probe-newsroom.test"
_ORGS = ["Kestrel Ferries", "Ardmore Seed Bank", "Brannock Mountain Rescue", "Tollgate City Orchestra",
         "Silverhithe Housing Co-op", "Mirefield Water Authority", "Castellan Heritage Railway",
         "Norwick Children's Hospice", "Penhallow Wind Cooperative", "Ruddle Valley Beekeepers"]
_DEEDS = ["names a new chief engineer", "opens a winter timetable consultation",
          "banks seeds from forty alpine meadows", "answers its busiest weekend of call-outs",
          "premieres a symphony by a local composer",
          "hands keys to the first twelve tenants", "lifts the hosepipe ban across the district",
          "returns a restored tank engine to steam", "raises funds for a sensory garden",
          "switches on its third turbine", "counts a record honey harvest", "trains volunteers in rope rescue",
          "signs a partnership with the county college", "publishes its annual accounts",
          "welcomes visiting schools to the depot", "replaces the footbridge over the mill race",
          "recruits drivers for the night service", "launches a loyalty card for island residents",
          "lends instruments to primary schools", "cuts energy bills for members"]
_TAILS = ["", "", "", "after a long campaign", "ahead of the summer season", "with support from the parish",
          "for the first time in a decade", "despite a wet spring"]
_SIDE = ["Ten walks to try this autumn", "Meet the volunteers behind the helpline", "Why the old pier is closing",
         "Photo gallery: the open day", "How we chose the new logo", "A year on the island run",
         "Five questions for the conductor", "Inside the seed vault", "What the census told us about bees",
         "Our response to the rail review", "The story of the 1923 flood", "Letters from our members"]
_MENU = ["Restoring river banks in the valley", "Our plans for the next five years", "Careers and volunteering",
         "Timetables and fares", "Reports and accounts", "Schools and learning programmes",
         "Where your donations go", "Accessibility on board", "Board meetings and minutes"]
_SENTENCES = ["The work will finish before the school holidays.", "Members were told the news at a meeting on Monday.",
              "A drop-in session will be held at the library.", "The project has been three years in the planning.",
              "Visitors are asked to use the north entrance.", "Tickets go on sale at the box office next week.",
              "The board thanked everyone who took part.", "More details are printed in the spring newsletter."]
_PEOPLE = ["Ilse Varnham", "Tobiah Crane", "Marisol Fenn", "Dougal Arkwright", "Wren Paterson", "Oskar Lindell"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]
_KIND_LABELS = {"Press release": "press_release", "News": "press_release", "Statement": "statement",
                "Media statement": "statement", "Event": "event", "News release": "press_release"}


@dataclass(frozen=True, slots=True)
class Item:
    """One item a reader must find: its title as printed, its full date (None: the page prints none), kind, URL."""

    title: str
    published: dt.date | None
    kind: str
    url: str | None


@dataclass(slots=True)
class Draft:
    title: str
    day: dt.date
    teaser: str
    href: str
    kind: str = "press_release"


class Page:
    """One page being drawn: its random source, its date style, its items and the side lists' titles."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.org = rng.choice(_ORGS)
        self.numeric = False
        self.day_first = rng.random() < 0.5
        self.lang = "en"
        self.style = rng.choice(["mdy", "dmy", "abbr", "iso", "weekday", "dotted-abbr"])
        self.side_titles: list[str] = []
        self.deeds: set[str] = set()
        self.dotted = rng.random() < 0.3  # day-first numeric dates with dots: `14.03.2021`

    def use_numeric(self) -> None:
        """Print numeric dates; half the pages say their order by `lang`, the rest by a day above 12."""
        self.numeric = True
        if self.rng.random() < 0.5:
            self.lang = "en-GB" if self.day_first else "en-US"

    def drafts(self, low: int = 4, high: int = 10) -> list[Draft]:
        """Items newest first, with distinct titles; on a numeric page with no `lang`, one day above 12."""
        rng, n = self.rng, self.rng.randint(low, high)
        while True:
            day = dt.date(rng.randint(2009, 2024), rng.randint(1, 12), rng.randint(1, 28))
            days = []
            for _ in range(n):
                day -= dt.timedelta(days=rng.randint(1, 21))
                days.append(day)
            if not self.numeric or self.lang != "en" or any(d.day > 12 for d in days):
                break
        titles: list[str] = []
        while len(titles) < n:
            deed = rng.choice(_DEEDS)
            title = " ".join(w for w in (rng.choice(_ORGS), deed, rng.choice(_TAILS)) if w)
            if deed not in self.deeds:
                self.deeds.add(deed)
                titles.append(title)
        slug = re.compile(r"[^a-z0-9]+")
        return [Draft(title=t, day=d, teaser=" ".join(rng.sample(_SENTENCES, rng.randint(1, 2))),
                      href=f"/media/{d.year}/{slug.sub('-', t.lower()).strip('-')[:40]}-{k}")
                for k, (t, d) in enumerate(zip(titles, days, strict=True))]

    def date(self, day: dt.date) -> str:
        """The day as this page prints it."""
        if self.numeric:
            a, b = (day.day, day.month) if self.day_first else (day.month, day.day)
            sep = "." if self.day_first and self.dotted else "/"
            return f"{a:02d}{sep}{b:02d}{sep}{day.year}"
        month = _MONTHS[day.month - 1]
        return {"mdy": f"{month} {day.day}, {day.year}", "dmy": f"{day.day} {month} {day.year}",
                "abbr": f"{month[:3]} {day.day}, {day.year}", "iso": day.isoformat(),
                "weekday": f"{day.strftime('%A')}, {day.day} {month} {day.year}",
                "dotted-abbr": f"{day.day} {month[:3]}. {day.year}" if month != "May" else f"{day.day} May {day.year}",
                }[self.style]

    def sidebar(self, heading: str, dated: bool) -> str:
        """A side list of other pages' stories under `heading`; its titles must not come back."""
        rng = self.rng
        picks = rng.sample(_SIDE, rng.randint(3, 5))
        self.side_titles += picks
        day = dt.date(2024, 6, 1) - dt.timedelta(days=rng.randint(0, 3000))
        rows = "".join(f'<li><a href="/stories/{n}">{_e(t)}</a>'
                       + (f' <span class="date">{self.date(day - dt.timedelta(days=3 * n))}</span>' if dated else "")
                       + "</li>" for n, t in enumerate(picks))
        return f"<h3>{heading}</h3><ul>{rows}</ul>"

    def chrome_top(self) -> str:
        rng = self.rng
        menus = "".join(f'<div class="mega-col"><h4>{h}</h4><ul>'
                        + "".join(f'<li><a href="/m/{h[:3].lower()}{n}">{m}</a></li>'
                                  for n, m in enumerate(rng.sample(_MENU, 3))) + "</ul></div>"
                        for h in ("What we do", "Get involved", "About"))
        header = rng.choice([
            (f'<header class="site-header"><a class="logo" href="/">{self.org}</a><nav class="primary">'
            f'<ul><li><a href="/">Home</a></li><li><a href="/media">Media</a></li></ul></nav></header>'),
            f'<div id="masthead" class="top-bar"><a href="/">{self.org}</a><div class="megamenu">{menus}</div></div>',
            (f'<div class="header-wrap" role="banner"><a href="/">{self.org}</a><ul class="menu">'
            f'<li><a href="/visit">Plan a visit</a></li><li><a href="/media">Media centre</a></li></ul></div>'),
        ])
        crumbs = ('<ol class="breadcrumb"><li><a href="/">Home</a></li><li><a href="/media">Media</a></li>'
                  '<li class="active">Press releases</li></ol>') if rng.random() < 0.5 else ""
        cookie = ('<div id="cookie-notice" class="cookies">We use cookies to see how the site is used. '
                  '<a href="/cookies">Find out more</a> <button>OK</button></div>') if rng.random() < 0.4 else ""
        return cookie + header + crumbs

    def footer(self) -> str:
        return self.rng.choice([
            (f'<footer class="site-footer"><p>© 2024 {self.org}. Registered charity 1180021.</p>'
            '<ul><li><a href="/privacy">Privacy</a></li><li><a href="/accessibility">Accessibility statement</a>'
            "</li></ul></footer>"),
            (f'<div id="footer" class="footer"><div class="col"><h4>Contact the press team</h4><p>press@probe.test'
            f'</p></div><div class="col"><p>Copyright {self.org}</p></div></div>'),
        ])

    def pager(self) -> str:
        return self.rng.choice([
            '<nav class="pagination"><a href="?page=1">1</a> <a href="?page=2">2</a> <a href="?page=2">Next</a></nav>',
            ('<ul class="page-numbers"><li><span class="current">1</span></li><li><a href="?p=2">2</a></li>'
            '<li><a class="next" href="?p=2">Older posts</a></li></ul>'),
            '<div class="pager"><a href="?start=10">« Previous</a> | <a href="?start=30">Next »</a></div>',
        ])

    def html(self, main: str, *, head: str = "", side: str = "", side_first: bool = False) -> str:
        """The whole page: chrome, the main column (and a side column), footer."""
        columns = f"{side}{main}" if side_first else f"{main}{side}"
        canonical = f'<link rel="canonical" href="{_SITE}/media/press-releases">'
        return (f'<!DOCTYPE html><html lang="{self.lang}"><head><meta charset="utf-8"><title>Press releases - '
                f"{self.org}</title>{canonical}{head}</head><body>{self.chrome_top()}<div class=\"page\">"
                f"{columns}</div>{self.footer()}</body></html>")


def _items(drafts: list[Draft], dated: bool = True) -> list[Item]:
    return [Item(d.title, d.day if dated else None, d.kind, _SITE + d.href) for d in drafts]


def wp_archive(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts()
    posts = []
    for n, d in enumerate(drafts):
        cats = " ".join(f"category-{c}" for c in p.rng.sample(["media", "campaigns", "events", "people"], 2))
        posts.append(f'<article id="post-{4400 + n}" class="post-{4400 + n} post type-post status-publish '
                     f'format-standard hentry {cats}"><header class="entry-header"><h2 class="entry-title">'
                     f'<a href="{d.href}" rel="bookmark">{_e(d.title)}</a></h2><div class="entry-meta">'
                     f'<span class="posted-on"><a href="{d.href}" rel="bookmark"><time class="entry-date published" '
                     f'datetime="{d.day.isoformat()}T09:00:00+00:00">{p.date(d.day)}</time></a></span> '
                     f'<span class="byline">by <a href="/author/press">Press team</a></span></div></header>'
                     f'<div class="entry-content"><p>{_e(d.teaser)}</p></div></article>')
    side = (f'<div id="secondary" class="widget-area"><section class="widget widget_recent_entries">'
            f'{p.sidebar(p.rng.choice(["Recent posts", "Most popular"]), True)}</section></div>')
    main = f'<div id="primary" class="content-area"><main id="main" class="site-main">{"".join(posts)}{p.pager()}' \
           "</main></div>"
    return p.html(main, side=side), _items(drafts)


def drupal_views(p: Page) -> tuple[str, list[Item]]:
    p.use_numeric()
    drafts = p.drafts()
    rows = "".join(
        f'<div class="views-row views-row-{n + 1} views-row-{"odd" if n % 2 == 0 else "even"}'
        f'{" views-row-first" if n == 0 else ""}"><div class="views-field views-field-title">'
        f'<span class="field-content"><a href="{d.href}">{_e(d.title)}</a></span></div>'
        f'<div class="views-field views-field-created">'
        f'<span class="field-content">{p.date(d.day)}</span></div><div class="views-field views-field-body">'
        f'<div class="field-content">{_e(d.teaser)}</div></div></div>' for n, d in enumerate(drafts))
    main = (f'<div class="region region-content"><h1 class="page-title">Press releases</h1><div class="view '
            f'view-press-releases view-id-press_releases"><div class="view-content">{rows}</div>'
            f'<h2 class="element-invisible">Pages</h2><div class="item-list"><ul class="pager">'
            '<li class="pager-current">1</li><li><a href="?page=1">2</a></li></ul></div></div></div>')
    return p.html(main), _items(drafts)


def bootstrap_cards(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts(3, 9)
    cols = "".join(f'<div class="col-md-4 mb-4"><div class="card h-100"><img class="card-img-top" src="/img/{n}.jpg" '
                   f'alt="{_e(d.title)}"><div class="card-body"><h5 class="card-title"><a href="{d.href}">'
                   f'{_e(d.title)}</a></h5><p class="card-text">{_e(d.teaser)}</p></div><div class="card-footer '
                   f'text-muted"><small>{p.date(d.day)}</small></div></div></div>' for n, d in enumerate(drafts))
    main = f'<div class="container"><h1 class="display-5">News</h1><div class="row">{cols}</div>{p.pager()}</div>'
    side = f'<div class="col-lg-3 sidebar">{p.sidebar("Related stories", False)}</div>' if p.rng.random() < 0.5 else ""
    return p.html(main, side=side), _items(drafts)


def tailwind_time_first(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts()
    cards = "".join(f'<a href="{d.href}" class="group block rounded-lg border border-gray-200 p-6 hover:shadow-md">'
                    f'<p class="text-sm text-gray-500"><time datetime="{d.day.isoformat()}">{p.date(d.day)}</time></p>'
                    f'<h3 class="mt-2 text-xl font-semibold text-gray-900 group-hover:underline">{_e(d.title)}</h3>'
                    f'<p class="mt-3 text-base text-gray-600">{_e(d.teaser)}</p></a>' for d in drafts)
    main = (f'<main class="mx-auto max-w-7xl px-4"><h1 class="text-3xl font-bold">Newsroom</h1>'
            f'<div class="mt-8 grid grid-cols-1 gap-6 md:grid-cols-3">{cards}</div></main>')
    return p.html(main), _items(drafts)


def dl_title_first(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts()
    labels = p.rng.sample(sorted(_KIND_LABELS), 2)
    rows = []
    for d in drafts:
        label = p.rng.choice(labels)
        d.kind = _KIND_LABELS[label]
        rows.append(f'<dt><a href="{d.href}">{_e(d.title)}</a></dt><dd class="meta">{label} · {p.date(d.day)}</dd>'
                    f"<dd>{_e(d.teaser)}</dd>")
    return p.html(f'<div class="content"><h1>Media centre</h1><dl class="releases">{"".join(rows)}</dl></div>'), \
        _items(drafts)


def dl_date_first(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts()
    rows = "".join(f'<dt>{p.date(d.day)}</dt><dd><a href="{d.href}">{_e(d.title)}</a></dd>' for d in drafts)
    side = f'<div class="side-column">{p.sidebar("Most read", True)}</div>'
    return p.html(f'<div class="main-column"><h2>Announcements</h2><dl>{rows}</dl></div>', side=side), _items(drafts)


def typed_table(p: Page) -> tuple[str, list[Item]]:
    if p.rng.random() < 0.6:
        p.use_numeric()
    drafts = p.drafts(5, 12)
    rows = []
    for d in drafts:
        label = p.rng.choice(["Press release", "Statement", "News release"])
        d.kind = _KIND_LABELS[label]
        rows.append(f'<tr><td class="views-field-date">{p.date(d.day)}</td><td>{label}</td>'
                    f'<td><a href="{d.href}">{_e(d.title)}</a></td></tr>')
    table = (f'<table class="table table-striped"><thead><tr><th>Date</th><th>Type</th><th>Title</th></tr></thead>'
             f'<tbody>{"".join(rows)}</tbody></table>')
    return p.html(f'<div id="content"><h1>Releases and statements</h1>{table}{p.pager()}</div>'), _items(drafts)


def ol_inline_date(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts()
    rows = "".join(f'<li><strong><a href="{d.href}">{_e(d.title)}</a></strong> — <em>{p.date(d.day)}</em><br>'
                   f"{_e(d.teaser)}</li>" for d in drafts)
    return p.html(f'<div class="entry-content"><h1>Press</h1><ol class="press-list">{rows}</ol></div>'), _items(drafts)


def hero_then_list(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts(4, 9)
    top, rest = drafts[0], drafts[1:]
    hero = (f'<section class="hero"><div class="hero__inner"><span class="hero__eyebrow">Featured</span>'
            f'<h2 class="hero__title"><a href="{top.href}">{_e(top.title)}</a></h2>'
            f'<p class="hero__date">{p.date(top.day)}</p><p class="hero__text">{_e(top.teaser)}</p></div></section>')
    rows = []
    for d in rest:
        label = p.rng.choice(["Press release", "Statement", "News"])
        d.kind = _KIND_LABELS[label]
        rows.append(f'<li class="c-list__item"><article class="c-teaser c-teaser--small"><div class="c-teaser__meta">'
                    f'<span class="c-teaser__type">{label}</span> <span class="c-teaser__date">{p.date(d.day)}</span>'
                    f'</div><h3 class="c-teaser__title"><a href="{d.href}">{_e(d.title)}</a></h3></article></li>')
    related = f'<div class="c-related">{p.sidebar("Related stories", True)}</div>'
    return p.html(f'<main class="l-main">{hero}<ul class="c-list">{"".join(rows)}</ul>{related}</main>'), \
        _items(drafts)


def figure_grid(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts(3, 9)
    cells = "".join(f'<div class="news-item"><figure><img src="/photos/{n}.jpg" alt=""><figcaption>Photo: '
                    f'{p.rng.choice(_PEOPLE)} at the {p.rng.choice(["harbour", "depot", "hall", "station"])} '
                    f'last week</figcaption></figure><h4><a href="{d.href}">{_e(d.title)}</a></h4>'
                    f'<span class="date">{p.date(d.day)}</span></div>' for n, d in enumerate(drafts))
    return p.html(f'<div class="content-main"><h1>Latest news</h1><div class="news-grid">{cells}</div></div>'), \
        _items(drafts)


def byline_tags(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts()
    tags = ["Water", "Transport", "Volunteering", "Heritage", "Schools"]
    stories = []
    for d in drafts:
        sep = p.rng.choice([" | ", ", ", " · "])
        links = "".join(f'<li><a href="/tag/{t.lower()}">{t}</a></li>' for t in p.rng.sample(tags, 2))
        stories.append(f'<article class="story"><h3><a href="{d.href}">{_e(d.title)}</a></h3><p class="byline">By '
                       f'{p.rng.choice(_PEOPLE)}{sep}{p.date(d.day)}</p><p>{_e(d.teaser)}</p>'
                       f'<ul class="tags">{links}</ul></article>')
    side = f'<aside class="rail">{p.sidebar("Trending now", True)}</aside>'
    return p.html(f'<section class="stories">{"".join(stories)}</section>', side=side,
                  side_first=p.rng.random() < 0.5), _items(drafts)


def kind_badges(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts()
    rows = []
    for d in drafts:
        label = p.rng.choice(sorted(_KIND_LABELS))
        d.kind = _KIND_LABELS[label]
        rows.append(f'<div class="listing-row"><span class="label label-default">{label}</span>'
                    f'<a class="listing-link" href="{d.href}">{_e(d.title)}</a>'
                    f'<span class="listing-date">{p.date(d.day)}</span></div>')
    return p.html(f'<div class="listing"><h1>All updates</h1>{"".join(rows)}</div>'), _items(drafts)


def teaser_footer_date(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts()
    rows = "".join(f'<div class="teaser-block"><h2 class="teaser-heading"><a href="{d.href}">{_e(d.title)}</a></h2>'
                   f'<div class="teaser-body">{_e(d.teaser)}</div><div class="teaser-foot">'
                   f'<span>{p.rng.choice(["Posted", "Published", "Issued"])} {p.date(d.day)}</span>'
                   f' <a href="{d.href}">Read more</a></div></div>' for d in drafts)
    return p.html(f'<div class="main-content">{rows}{p.pager()}</div>'), _items(drafts)


def dated_side_lists(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts(3, 8)
    rows = "".join(f'<li class="result"><a href="{d.href}">{_e(d.title)}</a><div class="result-date">'
                   f"{p.date(d.day)}</div><p>{_e(d.teaser)}</p></li>" for d in drafts)
    blocks = "".join(f'<div class="block block-views">{p.sidebar(h, True)}</div>'
                     for h in p.rng.sample(["Most popular", "Related stories", "You may also like", "Most read"], 2))
    return p.html(f'<div class="col-main"><h1>Press releases</h1><ul class="results">{rows}</ul></div>',
                  side=f'<div class="col-side">{blocks}</div>', side_first=p.rng.random() < 0.5), _items(drafts)


def numeric_pager(p: Page) -> tuple[str, list[Item]]:
    p.use_numeric()
    drafts = p.drafts(5, 12)
    rows = "".join(f'<div class="news-entry"><span class="news-entry__date">{p.date(d.day)}</span>'
                   f'<a class="news-entry__title" href="{d.href}">{_e(d.title)}</a></div>' for d in drafts)
    count = f'<p class="result-count">Showing 1–{len(drafts)} of {len(drafts) * 7} results</p>'
    return p.html(f'<div class="news-wrapper">{count}{rows}{p.pager()}</div>'), _items(drafts)


def events_and_releases(p: Page) -> tuple[str, list[Item]]:
    releases, events = p.drafts(2, 5), p.drafts(2, 4)
    rel = "".join(f'<div class="news-card"><h3><a href="{d.href}">{_e(d.title)}</a></h3><p class="news-card__date">'
                  f"{p.date(d.day)}</p></div>" for d in releases)
    evs = []
    for n, d in enumerate(events):
        d.kind, d.href = "event", f"/whats-on/{n}-{d.day.isoformat()}"
        evs.append(f'<div class="event-card"><div class="event-card__when"><span class="m">'
                   f'{_MONTHS[d.day.month - 1][:3]}</span><span class="d">{d.day.day}</span>'
                   f'<span class="y">{d.day.year}</span></div>'
                   f'<div class="event-card__what"><h3><a href="{d.href}">{_e(d.title)}</a></h3>'
                   f"<p>{p.rng.choice(['Town hall', 'Quayside', 'Depot yard'])}, 10am</p></div></div>")
    main = (f'<div class="home-sections"><section class="panel"><h2>Latest releases</h2>{rel}</section>'
            f'<section class="panel"><h2>Upcoming events</h2>{"".join(evs)}</section></div>')
    return p.html(main), _items(releases) + _items(events)


def p_date_br_link(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts()
    rows = "".join(f'<p><strong>{p.date(d.day)}</strong><br><a href="{d.href}">{_e(d.title)}</a></p>' for d in drafts)
    intro = f"<p>Releases issued by {p.org}. For interviews call the press office.</p>"
    return p.html(f'<div class="entry-content">{intro}{rows}</div>'), _items(drafts)


def microdata_teasers(p: Page) -> tuple[str, list[Item]]:
    drafts = p.drafts()
    rows = "".join(f'<div class="teaser" itemscope itemtype="https://schema.org/NewsArticle">'
                   f'<meta itemprop="datePublished" content="{d.day.isoformat()}"><h2 itemprop="headline">'
                   f'<a itemprop="url" href="{d.href}">{_e(d.title)}</a></h2><div class="teaser__date">'
                   f'{p.date(d.day)}</div><p itemprop="description">{_e(d.teaser)}</p>'
                   f'<a class="more" href="{d.href}">Read more</a></div>' for d in drafts)
    head = ('<meta property="og:type" content="article"><script type="application/ld+json">{"@context": '
            '"https://schema.org", "@type": "CollectionPage", "name": "Press releases"}</script>')
    return p.html(f'<div class="teasers">{rows}</div>', head=head), _items(drafts)


CONVENTIONS: dict[str, Callable[[Page], tuple[str, list[Item]]]] = {
    "wp_archive_widgets": wp_archive, "drupal_view_rows": drupal_views, "bootstrap_card_grid": bootstrap_cards,
    "utility_class_card_links": tailwind_time_first, "dl_title_then_meta": dl_title_first,
    "dl_date_then_title": dl_date_first, "typed_table": typed_table, "ol_inline_date": ol_inline_date,
    "hero_then_bem_list": hero_then_list, "figure_grid": figure_grid, "byline_and_tags": byline_tags,
    "kind_badges": kind_badges, "teaser_footer_date": teaser_footer_date, "dated_side_lists": dated_side_lists,
    "numeric_dates_pager": numeric_pager, "events_and_releases": events_and_releases,
    "p_date_br_link": p_date_br_link, "microdata_teasers": microdata_teasers,
}


def _key(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "").casefold()).strip(" .")


def score_page(records: list, items: list[Item], side: list[str]) -> dict[str, int]:
    """Counts for one page: items, records, found, merges, side items taken, right dates, titles, kinds, URLs."""
    counts = dict.fromkeys(("items", "records", "found", "merges", "side", "date", "exact", "kind", "url"), 0)
    counts["items"], counts["records"] = len(items), len(records)
    used: set[int] = set()
    for item in items:
        for n, record in enumerate(records):
            if n not in used and _key(record.title) == _key(item.title):
                used.add(n)
                counts["found"] += 1
                counts["date"] += record.published == item.published
                counts["exact"] += record.title == item.title
                counts["kind"] += record.kind == item.kind
                counts["url"] += record.url == item.url
                break
    keys = [_key(i.title) for i in items]
    for record in records:
        text = _key(f"{record.title} {record.summary}")
        counts["merges"] += max(0, sum(1 for k in keys if k in text) - 1)
        counts["side"] += _key(record.title) in {_key(s) for s in side}
    return counts


def main(argv: list[str] | None = None,
         conventions: dict[str, Callable[[Page], tuple[str, list[Item]]]] | None = None) -> int:
    """Draw, read, split and score the pages of every convention (this module's, or those given)."""
    conventions = conventions or CONVENTIONS
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=20, help="pages per convention")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--show", help="print the pages of this convention that lose an item or a field")
    args = parser.parse_args(argv)
    from pipeline.errors import SkipInput
    from pipeline.read import read
    from pipeline.split import segment

    rng = random.Random(args.seed)
    totals: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    with tempfile.TemporaryDirectory(prefix="html-probe-") as folder:
        for name, draw in conventions.items():
            for n in range(args.pages):
                page = Page(rng)
                text, items = draw(page)
                path = Path(folder, f"{name}-{n:03d}.html")
                path.write_text(text, encoding="utf-8")
                try:
                    found = segment(read(path))
                    records, understood = list(found.releases), found.census.understood
                except SkipInput:
                    records, understood = [], False
                counts = score_page(records, items, page.side_titles)
                counts["not_understood"] = int(not understood)
                for key, value in counts.items():
                    totals[name][key] += value
                    totals["all"][key] += value
                wrong = counts["found"] < len(items) or counts["records"] != len(items) or any(
                    counts[k] < counts["found"] for k in ("date", "exact", "kind", "url"))
                if args.show == name and wrong:
                    print(f"--- {name} page {n}: {counts}\n{text}\n  expected:")
                    for item in items:
                        print(f"    {item}")
                    print(f"  got ({found.how if records else 'nothing'}):")
                    for r in records:
                        print(f"    {r.published} {r.kind} {r.title!r} {r.url}")
    print(f"{'convention':26} {'P':>6} {'R':>6} {'F1':>6} {'merge':>5} {'side':>4} {'date':>6} {'title':>6} "
          f"{'kind':>6} {'url':>6} {'n.u.':>4} {'items':>5}")
    for name in [*conventions, "all"]:
        t = totals[name]
        precision = t["found"] / t["records"] if t["records"] else 1.0
        recall = t["found"] / t["items"] if t["items"] else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        found = max(1, t["found"])
        print(f"{name:26} {precision:6.3f} {recall:6.3f} {f1:6.3f} {t['merges']:5d} {t['side']:4d} "
              f"{t['date'] / found:6.3f} {t['exact'] / found:6.3f} {t['kind'] / found:6.3f} {t['url'] / found:6.3f} "
              f"{t['not_understood']:4d} {t['items']:5d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
