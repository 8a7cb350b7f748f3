"""A grammar of newsroom listing pages in HTML, for property-based tests of the HTML reader.

    page      := chrome-top section{1..2} chrome-bottom       markup pretty-printed or minified
    section   := heading? container                             a section heading names a kind
    container := table | list | grid | dl | lines | runs        one item template per page
      table   := <table><tr><td>DATE</td><td><a>TITLE</a></td></tr>...   (date cell first or last)
      list    := <ul><li>ITEM</li>...;  grid := <div><div class=X>ITEM</div>...
      dl      := <dl><dt><a>TITLE</a></dt><dd>DATE · TEASER</dd>...
      lines   := <p>DATE <a>TITLE</a></p>...
      runs    := <h3><a>TITLE</a></h3><span>DATE</span><p>TEASER</p>... with no element around each item
    ITEM      := the item's parts (kind, title link, date, teaser) in one of several orders; the
                 kind and the date on one line (`Press Release | May 3, 2021`), the date after the
                 title inside its heading (`Title | 05/03/2021`), or a `<time datetime>` element;
                 class names random (`c7x`) or absent, so nothing rests on a class's meaning
    chrome    := a menu, a language picker, a breadcrumb, a search form, a cookie banner, a sidebar
                 of dated related links (<aside>), pagination, a footer with an address and a year

Every text is written for the project. `draw_html_page` returns the HTML and the items a reader
expects: title, date, kind.
"""
from __future__ import annotations

import datetime as dt
import html

from hypothesis import strategies as st

from .listing_grammar import DATE_FORMS, KINDS, Expected, teasers, titles

_WORDS = ["alpha", "beta", "gamma", "delta", "kappa", "sigma", "omega", "zeta"]
_SECTION_HEADINGS = {"Press releases": "press_release", "Statements": "statement", "Events": "event",
                     "Latest news": "press_release", "Reports": "report"}
_MENU = ('<nav><ul><li><a href="/">Home</a></li><li><a href="/about">About us</a></li><li><a href="/work">Our work'
         '</a></li><li><a href="/news">News</a></li><li><a href="/contact">Contact</a></li></ul></nav>')
_LANGS = ('<div class="{c}"><a href="?l=en">English</a> <a href="?l=fr">Français</a> <a href="?l=es">Español</a> '
          '<a href="?l=ar">العربية</a> <a href="?l=ru">Русский</a> <a href="?l=zh">中文</a></div>')
_CRUMBS = '<ol class="{c}"><li><a href="/">Home</a></li><li><a href="/news">Newsroom</a></li><li>Press</li></ol>'
_SEARCH = '<form action="/search"><input name="q"><button>Search</button></form>'
_COOKIES = ('<div id="{c}">We use cookies to improve this site. <a href="/cookies">Learn more</a> <button>OK</button>'
            '</div>')
_ASIDE = ('<aside><h2>Most read</h2><ul><li><a href="/a/1">Annual report 2019 published</a> <span>May 4, 2020</span>'
          '</li><li><a href="/a/2">Board appoints new chair</a> <span>April 2, 2020</span></li></ul></aside>')
_PAGER = ('<div class="{c}"><a href="?p=1">1</a> <a href="?p=2">2</a> <a href="?p=3">3</a> <a href="?p=2">Next »</a>'
          '</div>')
_FOOTER = ('<footer><p>Example Relief Agency, 12 Harbour Road, Springfield</p><p>© 2023 Example Relief Agency. '
           'All rights reserved.</p><ul><li><a href="/privacy">Privacy</a></li><li><a href="/terms">Terms</a></li>'
           '</ul></footer>')
_ORDERS = [
    ("kind", "title", "date", "teaser"), ("date", "title", "teaser"), ("title", "date", "teaser"),
    ("title", "teaser", "date"), ("kind+date", "title", "teaser"), ("title+date", "teaser"),
    ("title", "kind+date", "teaser"), ("time", "title", "teaser"), ("title", "teaser", "time"),
    ("date", "kind", "title"), ("title", "date"),
]


@st.composite
def _class(draw) -> str:
    return draw(st.sampled_from(["", *(f"c{draw(st.sampled_from(_WORDS))}{n}" for n in range(3))]))


def _attr(name: str) -> str:
    return f' class="{name}"' if name else ""


@st.composite
def draw_html_page(draw) -> tuple[str, list[Expected]]:
    """A listing page's HTML and the items a reader should find on it."""
    container = draw(st.sampled_from(["table", "list", "grid", "dl", "lines", "runs"]))
    order = draw(st.sampled_from(_ORDERS))
    form = draw(st.sampled_from([f for f in sorted(DATE_FORMS) if f not in {"us-numeric", "dotted"}]))
    joiner = draw(st.sampled_from([" | ", " • ", " – "]))
    names = {part: draw(_class()) for part in ("item", "title", "date", "kind", "teaser", "wrap")}
    sections = draw(st.sampled_from([[None], ["Press releases"], ["Press releases", "Events"],
                                     ["Statements", "Reports"], ["Latest news"]]))
    count = draw(st.integers(2, 7))
    start = draw(st.dates(min_value=dt.date(2005, 1, 1), max_value=dt.date(2024, 12, 31)))
    all_titles = draw(st.lists(titles(), min_size=count * len(sections), max_size=count * len(sections),
                               unique_by=str.lower))
    expected: list[Expected] = []
    body: list[str] = []
    day = start
    for s, heading in enumerate(sections):
        items = []
        for n in range(count):
            day -= dt.timedelta(days=draw(st.integers(1, 30)))
            label = draw(st.sampled_from(sorted(KINDS)))
            title = all_titles[s * count + n]
            teaser = " ".join(draw(teasers()))
            has_kind = "kind" in "".join(order) and container not in {"table", "lines", "dl"}
            kind = KINDS[label] if has_kind else (_SECTION_HEADINGS.get(heading, "press_release") if heading
                                                  else "press_release")
            items.append(_item(container, order, names, title, teaser, label, day, form, joiner, f"/n/{s}-{n}"))
            expected.append(Expected(title=title, published=day, kind=kind))
        body.append(_section(container, heading, items, names, draw(st.booleans())))
    top = [_MENU, _LANGS.format(c=draw(_class())), _CRUMBS.format(c=draw(_class())), _SEARCH,
           _COOKIES.format(c="cookie-notice")]
    top = draw(st.lists(st.sampled_from(top), max_size=4, unique=True))
    bottom = draw(st.lists(st.sampled_from([_ASIDE, _PAGER.format(c="pager"), _FOOTER]), max_size=3, unique=True))
    separator = draw(st.sampled_from(["", "\n", "\n    "]))
    head = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>News | Example</title></head><body>'
    page = separator.join([head, *top, "<main><h1>Newsroom</h1>", *body, "</main>", *bottom, "</body></html>"])
    return page, expected


def _date_text(day: dt.date, form: str) -> str:
    return DATE_FORMS[form](day)


def _item(container: str, order: tuple, names: dict, title: str, teaser: str, label: str, day: dt.date, form: str,
          joiner: str, href: str) -> str:
    e = html.escape
    date = _date_text(day, form)
    link = f"<a href=\"{href}\">{e(title)}</a>"
    markup = {  # each part of a card as the page prints it
        "kind": f"<span{_attr(names['kind'])}>{e(label)}</span>",
        "title": f"<h3{_attr(names['title'])}>{link}</h3>",
        "date": f"<div{_attr(names['date'])}>{e(date)}</div>",
        "time": f'<time datetime="{day.isoformat()}">{e(date)}</time>',
        "teaser": f"<p{_attr(names['teaser'])}>{e(teaser)}</p>",
        "kind+date": f"<div{_attr(names['date'])}>{e(label)}{joiner}{e(date)}</div>",
        "title+date": f"<h3{_attr(names['title'])}>{link}<span>{joiner}{e(date)}</span></h3>",
    }
    parts = [markup[part] for part in order]
    if container == "table":
        return f"<tr><td>{e(date)}</td><td>{link}</td></tr>"
    if container == "dl":
        return f"<dt>{link}</dt><dd>{e(date)} · {e(teaser)}</dd>"
    if container == "lines":
        return f"<p>{e(date)} {link}</p>"
    if container == "runs":
        return "".join(parts)
    tag = "li" if container == "list" else "div"
    return f"<{tag}{_attr(names['item'])}>{''.join(parts)}</{tag}>"


def _section(container: str, heading: str | None, items: list[str], names: dict, wrapped: bool) -> str:
    head = f"<h2>{html.escape(heading)}</h2>" if heading else ""
    inner = {"table": f"<table><tbody>{''.join(items)}</tbody></table>", "list": f"<ul>{''.join(items)}</ul>",
             "dl": f"<dl>{''.join(items)}</dl>"}.get(container, f"<div{_attr(names['wrap'])}>{''.join(items)}</div>")
    return f"<section>{head}{inner}</section>" if wrapped else f"{head}{inner}"


_PARAGRAPHS = [
    "The agency opened the clinics on Monday after two years of planning with the district councils.",
    "Nurses will see patients five days a week, and a mobile unit will visit outlying villages on Saturdays.",
    "The programme is funded for three years, and an independent review will report on it in the spring.",
    "Local leaders welcomed the plan and asked for a second phase in the eastern valleys.",
    "Families have until the end of the month to register at the nearest community centre.",
]
_SITES = ["Example Relief Agency", "Northern Water Trust", "Coastal Health Board"]


@st.composite
def draw_single_page(draw) -> tuple[str, str, dt.date | None, list[str]]:
    """A single release page: its HTML, headline, publication date (None when it declares none) and body."""
    e = html.escape
    title = draw(titles())
    site = draw(st.sampled_from(_SITES))
    day = draw(st.dates(min_value=dt.date(2008, 1, 1), max_value=dt.date(2024, 12, 31)))
    form = draw(st.sampled_from(sorted(f for f in DATE_FORMS if f not in {"us-numeric", "dotted"})))
    paragraphs = draw(st.lists(st.sampled_from(_PARAGRAPHS), min_size=3, max_size=5, unique=True))
    where = draw(st.sampled_from(["below", "above", "posted", "dateline", "metadata", "modified-only"]))
    og = draw(st.sampled_from([f"{title} | {site}", f"{site} - {title}", title]))
    head = [f"<title>{e(og)}</title>", f'<meta property="og:title" content="{e(og)}">',
            f'<meta property="og:site_name" content="{e(site)}">']
    if where == "metadata":
        head.append(f'<meta property="article:published_time" content="{day.isoformat()}T09:00:00Z">')
    if where in {"metadata", "modified-only"}:
        later = day + dt.timedelta(days=draw(st.integers(1, 400)))
        head.append(f'<meta property="article:modified_time" content="{later.isoformat()}T09:00:00Z">')
    date = DATE_FORMS[form](day)
    heading_tag = draw(st.sampled_from(["h1", "h1", "h2"]))
    kind = draw(st.sampled_from(["", '<p class="eyebrow">Press Release</p>', '<div class="label">News</div>']))
    article = [kind]
    if where == "above":
        article.append(f'<div class="meta">{e(date)}</div>')
    article.append(f'<{heading_tag} class="headline">{e(title)}</{heading_tag}>')
    if where == "below":
        article.append(f'<p class="byline">By Press Office | {e(date)}</p>')
    body = list(paragraphs)
    if where == "dateline":
        body[0] = f"{draw(st.sampled_from(['GENEVA', 'NAIROBI', 'Lima, Peru']))}, {date} – {body[0]}"
    article.extend(f"<p>{e(p)}</p>" for p in body)
    if where == "posted":
        article.append(f'<p class="posted">Posted on {e(date)}</p>')
    related = "".join(f'<li><a href="/r/{n}">{e(t)}</a> <span class="date">{e(DATE_FORMS[form](d))}</span></li>'
                      for n, (t, d) in enumerate([("Annual report on water points published", dt.date(2007, 5, 4)),
                                                  ("Board appoints a new chair for the trust", dt.date(2007, 4, 2)),
                                                  ("Volunteers sought for the winter shelters", dt.date(2007, 3, 9))]))
    page = (f'<!doctype html><html lang="en"><head><meta charset="utf-8">{"".join(head)}</head><body>'
            f'{_MENU}<div id="cookie-notice">We use cookies. <button>OK</button></div>'
            f'<main><article>{"".join(article)}</article>'
            f'<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>'
            f'<section class="related-posts"><h2>Related news</h2><ul>{related}</ul></section></main>'
            f'{_FOOTER}</body></html>')
    published = None if where == "modified-only" else day
    return page, title, published, body
