"""A grammar of the HTML listing layouts that readers built on a few sites get wrong, one named form each.

    form                 the page prints each item ...
    varied_classes       as an <article> whose class list names its own category, tags and format
    category_link_first  after a category link that other items carry too (`News`, `Events`)
    declared_article     on a page whose metadata says it is one article (og:type, JSON-LD)
    month_year_table     in a table row dated only by month and year (`March 2019`): no publication date
    year_headings        under a year heading, dated by day and month only (`12 Oct`)
    br_runs              with no element of its own: bold headline, date, teaser and `Continue reading`
                         separated only by <br>
    sections_banner      in one of several sections (releases, news, events, coverage) under a cookie banner
    sentence_date        with its date inside a meta sentence (`Filed under News on March 4, 2021`)
    glued_date           with its date glued to the title in the link's text (`2 August 2019. Title`)
    undated_cards        as a card with a heading link and a teaser, and no date at all
    day_month_badge      with a day and month badge and no year: the date is kept as text only
    xhtml                on an XHTML page with an XML declaration and the XHTML namespace
    caps_subtitle        as a capitalised headline above its subtitle, both in one link (first line is the title)
    two_line_heading     as a heading set on two lines (one headline)
    rows_of_three        in rows of three cards, after a featured card printed with its own markup
    card_link            as one link around the whole card
    hidden_copy          beside a hidden copy of the top story and hidden structured data with other dates
    dated_side_column    beside a column of dated `Most read` and `Related` lists in plain <div>s, no <aside>
    widget_column        inside <main>, beside a widget column's dated `Recent posts` list outside it
    featured_apart       after a featured item printed just before the list with markup of its own
    glued_date_pieces    with its date printed as month, day and year elements with no space between them
    label_link_only      with a bold headline and no link but `Download (PDF, 212 KB)`, alike on every item
    search_results       as a search page's result (`search-results`), its kind and date under the teaser
    published_updated    with a published and an updated date on one long line: the first is the item's
    updated_published    with an updated date before its published one (`Updated 8 May 2021 · Published 3 May 2021`)
    month_days           with only its day (`14 – Title`) under its month's heading (`March 2021`)
    other_language_dates with its date in another language's month words or a CJK calendar's characters
                         (`4. März 2021`, `4 mars 2021`, `4 de marzo de 2021`, `2021年3月4日`), page in that language
    microformat_dates    with its day only in a machine-readable attribute: `<abbr title=ISO>` over a year-less
                         `Mar 4`, `<data value=ISO>`, or microdata's `datePublished` on an element of no date class
    other_language_meta  with such a date on a meta line: after a weekday (`Donnerstag, 4. März 2021`), with a time
                         (`4 mars 2021 à 10h15`), after a label (`Fecha: 04/03/2021`) or a kind and a bar
    label_link_in_title  with a category link before its own link in one heading (`<a>News</a>: <a>Title</a>`)
    flex_fields          with its date and kind in class-less spans with nothing between them (a flex box's fields)
    bold_side_label      beside a dated `Most read` list in the main column, headed by a bold line, not a heading
    footer_notices       above a footer of dated legal notices in plain <div>s, signed `© 2023 Example Trust`

Every text is written for the project (headlines and teasers from tests/listing_grammar.py). A form's
`draw` returns the HTML and the items a reader expects: title, date (None when the page prints no full
date), kind, and the item's own link.
"""
from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from dataclasses import dataclass

from hypothesis import strategies as st

from .listing_grammar import DATE_FORMS, teasers, titles

_e = html.escape
_SITE = "https://news.example.org"
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]
_CATEGORIES = [("News", "/category/news"), ("Research", "/category/research"), ("Awards", "/category/awards"),
               ("Partnerships", "/category/partnerships")]
_CHROME_TOP = ('<header><a href="/">Example Trust</a><nav><ul><li><a href="/">Home</a></li><li><a href="/about">'
               'About us</a></li><li><a href="/news">Newsroom</a></li></ul></nav></header>')
_COOKIES = ('<div class="cookie-banner">This site uses cookies to remember your choices. <a href="/privacy">Privacy'
            '</a> <button>Accept</button></div>')
_FOOTER = ('<footer><p>Example Trust, 4 Quay Street, Westmoor</p><p>© 2023 Example Trust</p><ul><li>'
           '<a href="/privacy">Privacy</a></li></ul></footer>')
# Date forms every newsroom prints; the numeric ones need the page's order, which these pages do not tell.
_FORMS = sorted(f for f in DATE_FORMS if f not in {"us-numeric", "dotted"})


@dataclass(frozen=True)
class Item:
    """What a reader should get back for one item."""

    title: str
    published: dt.date | None
    kind: str
    url: str | None


@dataclass(frozen=True)
class _Draft:
    title: str
    day: dt.date
    teaser: str
    href: str


def _page(body: str, *, head: str = "", lang: str = "en") -> str:
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>News | Example Trust</title>'
            f'{head}</head><body>{_CHROME_TOP}<main><h1>Newsroom</h1>{body}</main>{_FOOTER}</body></html>')


@st.composite
def _drafts(draw, count: int | None = None) -> list[_Draft]:
    n = count or draw(st.integers(3, 8))
    heads = draw(st.lists(titles(), min_size=n, max_size=n, unique_by=str.lower))
    day = draw(st.dates(min_value=dt.date(2006, 1, 1), max_value=dt.date(2024, 12, 31)))
    out = []
    for k, head in enumerate(heads):
        day -= dt.timedelta(days=draw(st.integers(1, 25)))
        out.append(_Draft(title=head, day=day, teaser=" ".join(draw(teasers())), href=f"/news/{day.year}/item-{k}"))
    return out


def _date(draw, day: dt.date) -> str:
    return DATE_FORMS[draw(st.sampled_from(_FORMS))](day)


def _items(drafts: list[_Draft], *, dated: bool = True, kind: str = "press_release") -> list[Item]:
    return [Item(title=d.title, published=d.day if dated else None, kind=kind, url=_SITE + d.href) for d in drafts]


def _canonical() -> str:
    return f'<link rel="canonical" href="{_SITE}/news">'


@st.composite
def varied_classes(draw) -> tuple[str, list[Item]]:
    drafts = draw(_drafts())
    cards = []
    for n, d in enumerate(drafts):
        tags = " ".join(f"tag-{w}" for w in draw(st.lists(st.sampled_from(["water", "health", "grants", "board"]),
                                                        max_size=2, unique=True)))
        extra = draw(st.sampled_from(["", "sticky", "has-thumbnail", "format-standard"]))
        cards.append(f'<article id="post-{900 + n}" class="post post-{900 + n} type-post category-'
                     f'{draw(st.sampled_from(["news", "research", "awards"]))} {tags} {extra}">'
                     f'<h2 class="entry-title"><a href="{d.href}">{_e(d.title)}</a></h2>'
                     f'<div class="entry-meta"><time datetime="{d.day.isoformat()}">{_date(draw, d.day)}</time></div>'
                     f'<div class="entry-summary"><p>{_e(d.teaser)}</p></div></article>')
    return _page(f'<div class="posts">{"".join(cards)}</div>', head=_canonical()), _items(drafts)


@st.composite
def category_link_first(draw) -> tuple[str, list[Item]]:
    drafts = draw(_drafts())
    cards = []
    for d in drafts:
        cats = draw(st.lists(st.sampled_from(_CATEGORIES), min_size=1, max_size=2, unique=True))
        links = ", ".join(f'<a href="{href}">{name}</a>' for name, href in cats)
        cards.append(f'<div class="teaser"><div class="teaser-cats">{links}</div>'
                     f'<h3><a href="{d.href}">{_e(d.title)}</a></h3><p class="teaser-date">{_date(draw, d.day)}</p>'
                     f'<p>{_e(d.teaser)}</p></div>')
    # Two items share every category at least once: a shared link is common enough to be told apart.
    return _page(f'<div class="teasers">{"".join(cards)}</div>', head=_canonical()), _items(drafts)


@st.composite
def declared_article(draw) -> tuple[str, list[Item]]:
    drafts = draw(_drafts())
    rows = "".join(f'<li><span class="date">{_date(draw, d.day)}</span> <a href="{d.href}">{_e(d.title)}</a>'
                   f'<p>{_e(d.teaser)}</p></li>' for d in drafts)
    head = (_canonical() + '<meta property="og:type" content="article">'
            '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
            '"headline": "Newsroom"}</script>')
    intro = "<p>The latest news and statements from the trust's offices.</p>"
    return _page(f"{intro}<ul class='news'>{rows}</ul>", head=head), _items(drafts)


@st.composite
def month_year_table(draw) -> tuple[str, list[Item]]:
    drafts = draw(_drafts())
    rows = "".join(f'<tr><td class="when">{_MONTHS[d.day.month - 1]} {d.day.year}</td>'
                   f'<td><a href="{d.href}">{_e(d.title)}</a></td></tr>' for d in drafts)
    page = _page(f'<table class="archive"><tr><th>Month</th><th>Title</th></tr>{rows}</table>', head=_canonical())
    return page, _items(drafts, dated=False)


@st.composite
def year_headings(draw) -> tuple[str, list[Item]]:
    years = sorted(draw(st.lists(st.integers(2008, 2023), min_size=2, max_size=3, unique=True)), reverse=True)
    drafts = draw(_drafts(4 * len(years)))
    body, expected = [], []
    for y, year in enumerate(years):
        count = draw(st.integers(2, 4))
        days = sorted(draw(st.lists(st.dates(dt.date(year, 1, 1), dt.date(year, 12, 31)), min_size=count,
                                    max_size=count, unique=True)), reverse=True)
        rows = []
        for d, day in zip(drafts[4 * y:], days, strict=False):
            badge = f"{day.day} {_MONTHS[day.month - 1][:3]}"
            rows.append(f'<li><span class="badge">{badge}</span> <a href="{d.href}">{_e(d.title)}</a></li>')
            expected.append(Item(title=d.title, published=day, kind="press_release", url=_SITE + d.href))
        body.append(f"<h2>{year}</h2><ul>{''.join(rows)}</ul>")
    return _page("".join(body), head=_canonical()), expected


@st.composite
def br_runs(draw) -> tuple[str, list[Item]]:
    drafts = draw(_drafts())
    runs = "".join(f"<b>{_e(d.title)}</b><br>{_date(draw, d.day)}<br>{_e(d.teaser)}<br>"
                   f'<a href="{d.href}">Continue reading</a><br><br>' for d in drafts)
    expected = [Item(title=d.title, published=d.day, kind="press_release", url=None) for d in drafts]
    return _page(f'<table><tr><td class="content">{runs}</td></tr></table>'), expected


_SECTIONS = [("Press releases", "press_release"), ("News", "press_release"), ("Events", "event"),
             ("In the news", "media_coverage")]


@st.composite
def sections_banner(draw) -> tuple[str, list[Item]]:
    chosen = draw(st.lists(st.sampled_from(_SECTIONS), min_size=2, max_size=4, unique=True))
    body, expected = [_COOKIES], []
    every = draw(_drafts(4 * len(chosen)))
    for s, (heading, kind) in enumerate(chosen):
        drafts = every[4 * s:4 * s + draw(st.integers(2, 4))]
        rows = "".join(f'<div class="entry"><a class="entry-title" href="{d.href}-{s}">{_e(d.title)}</a>'
                       f'<span class="entry-date">{_date(draw, d.day)}</span></div>' for d in drafts)
        body.append(f'<section class="block"><h2>{heading}</h2><div class="entries">{rows}</div></section>')
        expected.extend(Item(title=d.title, published=d.day, kind=kind, url=f"{_SITE}{d.href}-{s}") for d in drafts)
    return _page("".join(body), head=_canonical()), expected


@st.composite
def sentence_date(draw) -> tuple[str, list[Item]]:
    drafts = draw(_drafts())
    sentence = draw(st.sampled_from(["Filed under News on {}", "Posted in Press Releases on {} |",
                                     "Published by the press office on {}"]))
    rows = "".join(f'<li><a href="{d.href}">{_e(d.title)}</a><br>{sentence.format(_date(draw, d.day))} '
                   f'<a class="preview" rel="nofollow">Preview</a></li>' for d in drafts)
    return _page(f'<ul class="news-list">{rows}</ul>', head=_canonical()), _items(drafts)


@st.composite
def glued_date(draw) -> tuple[str, list[Item]]:
    drafts = draw(_drafts())
    shape = draw(st.sampled_from(["{date}. {title}", "{title} ({date})"]))
    form = draw(st.sampled_from([f for f in _FORMS if f != "rfc"]))  # a date glued to a title has no time
    rows = "".join(f'<p><a href="{d.href}"><b>{_e(shape.format(date=DATE_FORMS[form](d.day), title=d.title))}</b></a>'
                   f"<br>{_e(d.teaser)}</p>" for d in drafts)
    return _page(f'<div class="press">{rows}</div>', head=_canonical()), _items(drafts)


@st.composite
def undated_cards(draw) -> tuple[str, list[Item]]:
    drafts = draw(_drafts(draw(st.integers(2, 6))))
    cards = "".join(f'<article class="story"><h2><a href="{d.href}">{_e(d.title)}</a></h2><p>{_e(d.teaser)}</p>'
                    f'<a class="btn" href="{d.href}">Read article</a></article>' for d in drafts)
    return _page(f'<div class="stories">{cards}</div>', head=_canonical()), _items(drafts, dated=False)


@st.composite
def day_month_badge(draw) -> tuple[str, list[Item]]:
    drafts = draw(_drafts())
    cards = "".join(f'<div class="card"><div class="badge"><span class="d">{d.day.day}</span>'
                    f'<span class="m">{_MONTHS[d.day.month - 1][:3]}</span></div><h3><a href="{d.href}">'
                    f"{_e(d.title)}</a></h3><p>{_e(d.teaser)}</p></div>" for d in drafts)
    return _page(f'<div class="cards">{cards}</div>', head=_canonical()), _items(drafts, dated=False)


@st.composite
def xhtml(draw) -> tuple[str, list[Item]]:
    drafts = draw(_drafts())
    rows = "".join(f'<tr><td>{_date(draw, d.day)}</td><td><a href="{d.href}">{_e(d.title)}</a></td></tr>'
                   for d in drafts)
    page = ('<?xml version="1.0" encoding="iso-8859-1"?>\n'
            '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
            '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml" '
            f'xml:lang="en" lang="en"><head><title>Press</title>{_canonical()}</head><body>{_CHROME_TOP}'
            f"<h1>Press</h1><table>{rows}</table>{_FOOTER}</body></html>")
    return page, _items(drafts)


@st.composite
def caps_subtitle(draw) -> tuple[str, list[Item]]:
    drafts = draw(_drafts())
    rows = "".join(f'<li><p class="date">{_date(draw, d.day)}</p><p class="txt"><a href="{d.href}">'
                   f"{_e(d.title.upper())}<br>{_e(d.teaser)}</a></p></li>" for d in drafts)
    expected = [Item(title=d.title.upper(), published=d.day, kind="press_release", url=_SITE + d.href)
                for d in drafts]
    return _page(f'<ul class="list">{rows}</ul>', head=_canonical()), expected


@st.composite
def two_line_heading(draw) -> tuple[str, list[Item]]:
    drafts = draw(_drafts())
    cards = []
    for d in drafts:
        words = d.title.split()
        cut = max(1, len(words) // 2)
        cards.append(f'<div class="tile"><h3><a href="{d.href}">{_e(" ".join(words[:cut]))}<br>'
                     f'{_e(" ".join(words[cut:]))}</a></h3><span class="when">{_date(draw, d.day)}</span></div>')
    return _page(f'<div class="tiles">{"".join(cards)}</div>', head=_canonical()), _items(drafts)


@st.composite
def rows_of_three(draw) -> tuple[str, list[Item]]:
    drafts = draw(_drafts(draw(st.integers(4, 10))))
    top, rest = drafts[0], drafts[1:]
    featured = (f'<div class="featured"><a class="feature-panel" href="{top.href}"><div class="content"><h2>'
                f'{_e(top.title)}</h2><p>{_e(top.teaser)}</p><p class="published">Published {_date(draw, top.day)}</p>'
                "</div></a></div>")
    rows = []
    for at in range(0, len(rest), 3):
        cells = "".join(f'<div class="col"><article><a href="{d.href}"><h2>{_e(d.title)}</h2>'
                        f'<p class="published">Published {_date(draw, d.day)}</p></a></article></div>'
                        for d in rest[at:at + 3])
        rows.append(f'<div class="row">{cells}</div>')
    return _page(f'<div class="news-landing">{featured}<div class="grid">{"".join(rows)}</div></div>',
                 head=_canonical()), _items(drafts)


@st.composite
def card_link(draw) -> tuple[str, list[Item]]:
    drafts = draw(_drafts())
    cards = "".join(f'<a class="card" href="{d.href}"><img src="/i/{n}.jpg" alt=""><div><h2>{_e(d.title)}</h2>'
                    f'<p>{_e(d.teaser)}</p><span>{_date(draw, d.day)}</span></div></a>' for n, d in enumerate(drafts))
    return _page(f'<div class="card-list">{cards}</div>', head=_canonical()), _items(drafts)


@st.composite
def hidden_copy(draw) -> tuple[str, list[Item]]:
    drafts = draw(_drafts())
    top = drafts[0]
    rows = []
    for n, d in enumerate(drafts[1:], 1):
        stamp = (d.day - dt.timedelta(days=400)).isoformat()
        rows.append(f'<li class="news-item"><h3><a href="{d.href}">{_e(d.title)}</a></h3>'
                    f'<span class="date">{_date(draw, d.day)}</span><p>{_e(d.teaser)}</p>'
                    f'<span class="hidden"><span class="schema" data-time="{stamp}">{stamp} 06:48:39</span>'
                    f'<span>Staff writer</span></span></li>')
    how = draw(st.sampled_from(["inline", "sheet"]))
    hidden = ' style="display:none"' if how == "inline" else ""
    sheet = "<style>#copy-1 { display: none; } .hidden { display: none }</style>" if how == "sheet" else ""
    copy = (f'<li class="news-item" id="copy-1"{hidden}><h3><a href="{top.href}">{_e(top.title)}</a></h3>'
            f'<span class="date">{_date(draw, top.day)}</span></li>')
    story = (f'<div class="top-story"><h2><a href="{top.href}">{_e(top.title)}</a></h2>'
             f'<span class="date">{_date(draw, top.day)}</span><p>{_e(top.teaser)}</p></div>')
    page = _page(f'{story}<ul class="news-list">{copy}{"".join(rows)}</ul>', head=_canonical() + sheet)
    return page, _items(drafts)


_OTHER_PAGES = ["Walking routes around the reservoir", "A day with the night shift", "Our history in ten objects",
                "What happens to recycled glass", "The choir that meets on the ferry", "Five myths about tides"]


def _side_list(draw, heading: str, least: int = 3) -> str:
    """A list of other pages' stories, each dated, under `heading`: none of them is the page's."""
    picks = draw(st.lists(st.sampled_from(_OTHER_PAGES), min_size=least, max_size=6, unique=True))
    day = draw(st.dates(min_value=dt.date(2006, 1, 1), max_value=dt.date(2024, 12, 31)))
    rows = "".join(f'<li><a href="/stories/{n}">{_e(t)}</a> <span class="date">'
                   f"{_date(draw, day - dt.timedelta(days=n))}</span></li>" for n, t in enumerate(picks))
    return f"<h3>{heading}</h3><ul>{rows}</ul>"


@st.composite
def dated_side_column(draw) -> tuple[str, list[Item]]:
    drafts = draw(_drafts())
    rows = "".join(f'<li class="hit"><a href="{d.href}">{_e(d.title)}</a><div class="hit-when">{_date(draw, d.day)}'
                   f"</div><p>{_e(d.teaser)}</p></li>" for d in drafts)
    side = "".join(f'<div class="panel">{_side_list(draw, h)}</div>'
                   for h in draw(st.lists(st.sampled_from(["Most read", "Related news", "Trending", "Most viewed"]),
                                          min_size=2, max_size=3, unique=True)))
    columns = [f'<div class="left">{side}</div>', f'<div class="right"><ul class="hits">{rows}</ul></div>']
    if draw(st.booleans()):
        columns.reverse()
    return _page(f'<div class="two-columns">{"".join(columns)}</div>', head=_canonical()), _items(drafts)


@st.composite
def widget_column(draw) -> tuple[str, list[Item]]:
    drafts = draw(_drafts())
    posts = "".join(f'<div class="post"><h2><a href="{d.href}">{_e(d.title)}</a></h2><p class="posted">'
                    f"{_date(draw, d.day)}</p><p>{_e(d.teaser)}</p></div>" for d in drafts)
    # More dates in the widget column than in the listing: the census counts the main content's.
    widgets = f'<div class="column-b"><div class="box">{_side_list(draw, "Recent posts", least=6)}</div></div>'
    page = (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blog</title>{_canonical()}</head>'
            f'<body>{_CHROME_TOP}<div class="wrap"><main><h1>From the trust</h1>{posts}</main>{widgets}</div>{_FOOTER}'
            "</body></html>")
    return page, _items(drafts)


@st.composite
def featured_apart(draw) -> tuple[str, list[Item]]:
    drafts = draw(_drafts(draw(st.integers(3, 8))))
    top, rest = drafts[0], drafts[1:]
    lead = (f'<div class="spotlight"><span class="tag">Top story</span><h2 class="big"><a href="{top.href}">'
            f'{_e(top.title)}</a></h2><div class="on">{_date(draw, top.day)}</div><p>{_e(top.teaser)}</p></div>')
    rows = "".join(f'<li class="row"><div class="on">{_date(draw, d.day)}</div><h4><a href="{d.href}">{_e(d.title)}'
                   "</a></h4></li>" for d in rest)
    return _page(f'{lead}<ul class="rows">{rows}</ul>', head=_canonical()), _items(drafts)


@st.composite
def glued_date_pieces(draw) -> tuple[str, list[Item]]:
    drafts = draw(_drafts())
    order = draw(st.sampled_from(["mdy", "dmy"]))
    cards = []
    for d in drafts:
        parts = {"m": _MONTHS[d.day.month - 1][:3], "d": str(d.day.day), "y": str(d.day.year)}
        pieces = "".join(f'<span class="p{k}">{parts[k]}</span>' for k in order)
        cards.append(f'<div class="entry"><div class="cal">{pieces}</div><div class="what"><h3><a href="{d.href}">'
                     f"{_e(d.title)}</a></h3><p>{_e(d.teaser)}</p></div></div>")
    return _page(f'<div class="entries">{"".join(cards)}</div>', head=_canonical()), _items(drafts)


@st.composite
def label_link_only(draw) -> tuple[str, list[Item]]:
    drafts = draw(_drafts())
    rows = "".join(f'<div class="doc"><p><b>{_e(d.title)}</b></p><p>{_date(draw, d.day)}</p><p>{_e(d.teaser)}</p>'
                   f'<p><a href="{d.href}.pdf">Download ({draw(st.sampled_from(["PDF", "Word"]))}, '
                   f"{draw(st.integers(40, 900))} KB)</a></p></div>" for d in drafts)
    expected = [Item(title=d.title, published=d.day, kind="press_release", url=f"{_SITE}{d.href}.pdf")
                for d in drafts]
    return _page(f'<div class="docs">{rows}</div>', head=_canonical()), expected


@st.composite
def search_results(draw) -> tuple[str, list[Item]]:
    drafts = draw(_drafts())
    kinds = {"Press release": "press_release", "Statement": "statement", "Event": "event"}
    rows, expected = [], []
    for d in drafts:
        label = draw(st.sampled_from(sorted(kinds)))
        rows.append(f'<li class="search-result"><h3><a href="{d.href}">{_e(d.title)}</a></h3><p>{_e(d.teaser)}</p>'
                    f'<p class="search-result-info">{label} - {_date(draw, d.day)}</p></li>')
        expected.append(Item(title=d.title, published=d.day, kind=kinds[label], url=_SITE + d.href))
    box = '<form class="search-form"><input name="q"><button>Search</button></form>'
    return _page(f'{box}<ol class="search-results">{"".join(rows)}</ol>', head=_canonical()), expected


@st.composite
def published_updated(draw) -> tuple[str, list[Item]]:
    drafts = draw(_drafts())
    rows = []
    for d in drafts:
        later = d.day + dt.timedelta(days=draw(st.integers(0, 40)))
        rows.append(f'<article class="note"><h2><a href="{d.href}">{_e(d.title)}</a></h2><p class="stamps">First '
                    f"published {_date(draw, d.day)} · Last updated {_date(draw, later)}"
                    f"</p></article>")
    return _page(f'<div class="notes">{"".join(rows)}</div>', head=_canonical()), _items(drafts)


@st.composite
def updated_published(draw) -> tuple[str, list[Item]]:
    drafts = draw(_drafts())
    shape = draw(st.sampled_from(["Updated {u} · Published {p}", "Last updated: {u} | Posted {p}",
                                  "Modified {u} - Published on {p}"]))
    rows = []
    for d in drafts:
        later = d.day + dt.timedelta(days=draw(st.integers(1, 40)))
        rows.append(f'<article class="note"><h2><a href="{d.href}">{_e(d.title)}</a></h2><p class="stamps">'
                    f"{shape.format(u=_date(draw, later), p=_date(draw, d.day))}</p></article>")
    return _page(f'<div class="notes">{"".join(rows)}</div>', head=_canonical()), _items(drafts)


@st.composite
def month_days(draw) -> tuple[str, list[Item]]:
    drafts = sorted(draw(_drafts()), key=lambda d: d.day, reverse=True)
    body, month = [], None
    for d in drafts:
        if (d.day.year, d.day.month) != month:
            body.append("</ol>" if month else "")
            month = (d.day.year, d.day.month)
            body.append(f'<h2 class="month">{_MONTHS[d.day.month - 1]} {d.day.year}</h2><ol>')
        sep = draw(st.sampled_from([" – ", ": ", " | "]))
        body.append(f'<li><b>{d.day.day:02d}</b>{sep}<a href="{d.href}">{_e(d.title)}</a></li>')
    return _page("".join(body) + "</ol>", head=_canonical()), _items(drafts)


_OTHER_MONTHS = {
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
           "Dezember"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
           "noviembre", "diciembre"],
    "it": ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre",
           "novembre", "dicembre"],
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"],
}
_OTHER_SHAPES = {"de": ["{d}. {m} {y}", "Veröffentlicht am {d}. {m} {y}"],
                 "fr": ["{d} {m} {y}", "Publié le {d} {m} {y}"], "es": ["{d} de {m} de {y}", "{d} {m} {y}"],
                 "it": ["{d} {m} {y}", "Pubblicato il {d} {m} {y}"],
                 "nl": ["{d} {m} {y}"], "ja": ["{y}年{n}月{d}日", "{y}年{n}月{d}日（{w}）"]}


@st.composite
def other_language_dates(draw) -> tuple[str, list[Item]]:
    drafts = draw(_drafts())
    lang = draw(st.sampled_from(sorted(_OTHER_SHAPES)))
    shape = draw(st.sampled_from(_OTHER_SHAPES[lang]))
    cards = []
    for d in drafts:
        month = _OTHER_MONTHS[lang][d.day.month - 1] if lang != "ja" else ""
        when = shape.format(d=d.day.day, m=month, y=d.day.year, n=d.day.month, w="月火水木金土日"[d.day.weekday()])
        cards.append(f'<div class="eintrag"><p class="datum">{when}</p><h3><a href="{d.href}">{_e(d.title)}</a></h3>'
                     f"<p>{_e(d.teaser)}</p></div>")
    return _page(f'<div class="liste">{"".join(cards)}</div>', head=_canonical(), lang=lang), _items(drafts)


_WEEKDAYS = {"de": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
             "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
             "es": ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
             "it": ["lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"]}
_META_SHAPES = {
    "de": ["{w}, {d}. {m} {y}", "{d}. {m} {y}, {h}:{mi} Uhr", "Datum: {dd}.{mm}.{y}",
           "Pressemitteilung | {d}. {m} {y}"],
    "fr": ["{w} {d} {m} {y}", "{d} {m} {y} à {h}h{mi}", "Date : {dd}/{mm}/{y}", "Communiqué | {d} {m} {y}"],
    "es": ["{w}, {d} de {m} de {y}", "{d} de {m} de {y} - {h}:{mi}", "Fecha: {dd}/{mm}/{y}",
           "Nota de prensa · {d} {m} {y}"],
    "it": ["{w} {d} {m} {y}", "{d} {m} {y} ore {h}:{mi}", "Data: {dd}/{mm}/{y}", "Comunicato stampa | {d} {m} {y}"],
}


@st.composite
def other_language_meta(draw) -> tuple[str, list[Item]]:
    drafts = draw(_drafts())
    lang = draw(st.sampled_from(sorted(_META_SHAPES)))
    shape = draw(st.sampled_from(_META_SHAPES[lang]))
    cards = []
    for n, d in enumerate(drafts):
        when = shape.format(w=_WEEKDAYS[lang][d.day.weekday()], d=d.day.day, m=_OTHER_MONTHS[lang][d.day.month - 1],
                            y=d.day.year, dd=f"{d.day.day:02d}", mm=f"{d.day.month:02d}", h=9 + n % 9, mi="15")
        cards.append(f'<div class="nota"><h3><a href="{d.href}">{_e(d.title)}</a></h3><p class="meta">{when}</p>'
                     f"<p>{_e(d.teaser)}</p></div>")
    return _page(f'<div class="notas">{"".join(cards)}</div>', head=_canonical(), lang=lang), _items(drafts)


@st.composite
def microformat_dates(draw) -> tuple[str, list[Item]]:
    drafts = draw(_drafts())
    how = draw(st.sampled_from(["abbr", "data", "itemprop"]))
    cards = []
    for d in drafts:
        shown = f"{_MONTHS[d.day.month - 1][:3]} {d.day.day}"  # no year: the attribute alone holds the full day
        stamp = {"abbr": f'<abbr class="published" title="{d.day.isoformat()}T09:30:00+01:00">{shown}</abbr>',
                 "data": f'<data value="{d.day.isoformat()}">{shown}</data>',
                 "itemprop": f'<span itemprop="datePublished" content="{d.day.isoformat()}">{shown}</span>'}[how]
        cards.append(f'<div class="hentry"><h2 class="entry-title"><a href="{d.href}">{_e(d.title)}</a></h2>'
                     f'<p class="byline">{stamp}</p><p>{_e(d.teaser)}</p></div>')
    return _page(f'<div class="hfeed">{"".join(cards)}</div>', head=_canonical()), _items(drafts)


@st.composite
def label_link_in_title(draw) -> tuple[str, list[Item]]:
    drafts = draw(_drafts())
    sep = draw(st.sampled_from([": ", " | ", " – ", " "]))
    rows = "".join(f'<li class="entry"><h3><a class="cat" href="{href}">{name}</a>{sep}<a href="{d.href}">'
                   f'{_e(d.title)}</a></h3><span class="on">{_date(draw, d.day)}</span></li>'
                   for d, (name, href) in ((d, draw(st.sampled_from(_CATEGORIES))) for d in drafts))
    return _page(f'<ul class="entries">{rows}</ul>', head=_canonical()), _items(drafts)


@st.composite
def flex_fields(draw) -> tuple[str, list[Item]]:
    drafts = draw(_drafts())
    kinds = {"Press release": "press_release", "Statement": "statement", "Media advisory": "press_release"}
    cards, expected = [], []
    for d in drafts:
        label = draw(st.sampled_from(sorted(kinds)))
        cards.append(f'<div class="Card_root"><div class="Card_meta"><span>{_date(draw, d.day)}</span><span>{label}'
                     f'</span></div><a class="Card_link" href="{d.href}"><span class="Card_title">{_e(d.title)}</span>'
                     "</a></div>")
        expected.append(Item(title=d.title, published=d.day, kind=kinds[label], url=_SITE + d.href))
    return _page(f'<div class="Grid_root">{"".join(cards)}</div>', head=_canonical()), expected


@st.composite
def bold_side_label(draw) -> tuple[str, list[Item]]:
    drafts = draw(_drafts())
    rows = "".join(f'<li><a href="{d.href}">{_e(d.title)}</a><br><span>{_date(draw, d.day)}</span></li>'
                   for d in drafts)
    label = draw(st.sampled_from(["Most read", "Most popular", "Related news", "Trending"]))
    side = _side_list(draw, label).replace(f"<h3>{label}</h3>", f"<p><strong>{label}</strong></p>")
    box = f'<div class="box">{side}</div>'
    return _page(f"<ul>{rows}</ul>{box}", head=_canonical()), _items(drafts)


@st.composite
def footer_notices(draw) -> tuple[str, list[Item]]:
    drafts = draw(_drafts())
    rows = "".join(f'<div class="release"><h3><a href="{d.href}">{_e(d.title)}</a></h3><p class="on">'
                   f"{_date(draw, d.day)}</p><p>{_e(d.teaser)}</p></div>" for d in drafts)
    notices = draw(st.lists(st.sampled_from(["Privacy notice", "Modern slavery statement", "Gender pay gap report",
                                             "Complaints procedure", "Freedom of information"]),
                            min_size=3, max_size=5, unique=True))
    day = draw(st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2023, 12, 31)))
    items = "".join(f'<div class="notice"><a href="/legal/{n}">{t}</a><span class="on">'
                    f"{_date(draw, day - dt.timedelta(days=30 * n))}</span></div>" for n, t in enumerate(notices))
    sign = draw(st.sampled_from(["© 2023 Example Trust", "Copyright Example Trust",
                                 "Example Trust. All rights reserved."]))
    bottom = f'<div id="bottom" class="bottom-area"><h4>Policies</h4>{items}<p>{sign}</p></div>'
    page = (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>News</title>{_canonical()}</head>'
            f'<body>{_CHROME_TOP}<div class="main"><h1>Newsroom</h1><div class="releases">{rows}</div></div>{bottom}'
            "</body></html>")
    return page, _items(drafts)


FORMS: dict[str, Callable[[], st.SearchStrategy[tuple[str, list[Item]]]]] = {
    "varied_classes": varied_classes, "category_link_first": category_link_first,
    "declared_article": declared_article, "month_year_table": month_year_table, "year_headings": year_headings,
    "br_runs": br_runs, "sections_banner": sections_banner, "sentence_date": sentence_date,
    "glued_date": glued_date, "undated_cards": undated_cards, "day_month_badge": day_month_badge, "xhtml": xhtml,
    "caps_subtitle": caps_subtitle, "two_line_heading": two_line_heading, "rows_of_three": rows_of_three,
    "card_link": card_link, "hidden_copy": hidden_copy, "dated_side_column": dated_side_column,
    "widget_column": widget_column, "featured_apart": featured_apart, "glued_date_pieces": glued_date_pieces,
    "label_link_only": label_link_only, "search_results": search_results, "published_updated": published_updated,
    "updated_published": updated_published,
    "month_days": month_days, "other_language_dates": other_language_dates, "microformat_dates": microformat_dates,
    "other_language_meta": other_language_meta,
    "label_link_in_title": label_link_in_title, "flex_fields": flex_fields, "bold_side_label": bold_side_label,
    "footer_notices": footer_notices,
}
