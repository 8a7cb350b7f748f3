"""pipeline/cards.py: the items an HTML listing repeats, found from the page's own evidence. Pages written here."""
from __future__ import annotations

import datetime as dt

import lxml.html

from pipeline.cards import find_cards, listing_cards
from pipeline.markup import drop_invisible

_TITLES = ["Harbour board opens the northern ferry terminal", "Volunteers clear the coastal path after storms",
           "Council approves two new school buses for Westmoor", "Water trust tests wells in the eastern valleys",
           "Clinic extends its opening hours over the winter", "Library archive goes online for every reader"]
_DAYS = [dt.date(2023, 5, 3), dt.date(2023, 4, 18), dt.date(2023, 4, 2), dt.date(2023, 3, 9), dt.date(2023, 2, 1),
         dt.date(2023, 1, 12)]


def _tree(body: str) -> lxml.html.HtmlElement:
    root = lxml.html.document_fromstring(f"<html><head><title>News</title></head><body>{body}</body></html>")
    drop_invisible(root)
    return root


def _long(day: dt.date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def _found(body: str, base: str | None = "https://example.org/news/") -> list[tuple]:
    return [(c.title, c.published, c.url) for c in find_cards(_tree(body), base, None).cards]


def test_items_whose_class_lists_name_their_own_category_are_one_list():
    cards = "".join(f'<article class="post type-post category-{cat} tag-{n}"><h2><a href="/n/{n}">{t}</a></h2>'
                    f"<time datetime='{d.isoformat()}'>{_long(d)}</time></article>"
                    for n, (t, d, cat) in enumerate(zip(_TITLES, _DAYS, ["news", "events", "news", "research",
                                                                          "awards", "news"], strict=True)))
    assert _found(f"<main>{cards}</main>") == [(t, d, f"https://example.org/n/{n}")
                                               for n, (t, d) in enumerate(zip(_TITLES, _DAYS, strict=True))]


def test_a_link_every_item_carries_is_neither_a_title_nor_a_url():
    cards = "".join(f'<div class="item"><a href="/category/news">News</a><h3><a href="/n/{n}">{t}</a></h3>'
                    f"<p>{_long(d)}</p></div>" for n, (t, d) in enumerate(zip(_TITLES[:4], _DAYS, strict=False)))
    found = _found(f"<div class='items'>{cards}</div>")
    assert [title for title, _, _ in found] == _TITLES[:4]
    assert all(url and "/category/" not in url for _, _, url in found)


def test_cards_in_rows_of_three_after_a_featured_card_are_one_listing():
    featured = (f'<div class="lead"><a href="/n/0"><div><h2>{_TITLES[0]}</h2><p>Published {_long(_DAYS[0])}</p>'
                "</div></a></div>")
    rows = "".join("<div class='row'>" + "".join(
        f'<div class="col"><article><a href="/n/{n}"><h2>{_TITLES[n]}</h2><p>Published {_long(_DAYS[n])}</p>'
        "</a></article></div>" for n in range(at, at + 3)) + "</div>" for at in (1, 4) if at + 2 < len(_TITLES))
    found = _found(f"<main>{featured}<div class='grid'>{rows}</div></main>")
    assert [title for title, _, _ in found] == _TITLES[:4]


def test_two_rows_of_cards_beat_the_table_that_holds_both():
    def cell(n: int) -> str:
        wrapper = "<p>{}</p>" if n % 2 else "{}"  # some cells wrap their link in a paragraph
        return ('<td></td><td><div>' + wrapper.format(f'<a href="/c/{n}.gif"><img src="t.gif"><br>{_TITLES[n]}<br>'
                                                      f"{_long(_DAYS[n])}</a>") + "</div></td>")
    table = "<table><tr>" + "".join(cell(n) for n in range(3)) + "</tr><tr><td></td></tr><tr>" + "".join(
        cell(n) for n in range(3, 6)) + "</tr></table>"
    assert [(title, day) for title, day, _ in _found(table)] == list(zip(_TITLES, _DAYS, strict=True))


def test_hidden_structured_data_is_not_read_and_does_not_crowd_an_item():
    cards = "".join(f'<li class="news"><h3><a href="/n/{n}">{t}</a></h3><span class="date">{_long(d)}</span>'
                    f'<span class="hidden"><span>2019-01-01 06:48:39</span><span>Staff writer</span></span></li>'
                    for n, (t, d) in enumerate(zip(_TITLES[:3], _DAYS, strict=False)))
    assert [(title, day) for title, day, _ in _found(f"<ul>{cards}</ul>")] == list(zip(_TITLES[:3], _DAYS,
                                                                                        strict=False))


def test_a_year_heading_completes_day_and_month_badges():
    rows = "".join(f'<li><span class="badge">{d.day} {d:%b}</span> <a href="/n/{n}">{t}</a></li>'
                   for n, (t, d) in enumerate(zip(_TITLES[:3], _DAYS, strict=False)))
    assert [(title, day) for title, day, _ in _found(f"<h2>2023</h2><ul>{rows}</ul>")] == list(
        zip(_TITLES[:3], _DAYS, strict=False))


def test_month_and_year_only_mark_items_without_a_publication_date():
    rows = "".join(f'<tr><td>{d:%B %Y}</td><td><a href="/n/{n}">{t}</a></td></tr>'
                   for n, (t, d) in enumerate(zip(_TITLES[:4], _DAYS, strict=False)))
    cards = find_cards(_tree(f"<table>{rows}</table>"), None, None).cards
    assert [(c.title, c.published, c.date_text) for c in cards] == [
        (t, None, f"{d:%B %Y}") for t, d in zip(_TITLES[:4], _DAYS, strict=False)]


def test_a_sidebar_under_a_most_read_heading_is_not_the_pages():
    main = "".join(f'<li><a href="/n/{n}">{t}</a> <span>{_long(d)}</span></li>'
                   for n, (t, d) in enumerate(zip(_TITLES[:3], _DAYS, strict=False)))
    side = "".join(f'<li><a href="/m/{n}">{t}</a> <span>{_long(d)}</span></li>'
                   for n, (t, d) in enumerate(zip(_TITLES[3:], _DAYS[3:], strict=False)))
    found = _found(f"<div><h2>Latest releases</h2><ul>{main}</ul></div><div><h2>Most read</h2><ul>{side}</ul></div>")
    assert [title for title, _, _ in found] == _TITLES[:3]


def test_a_menu_of_short_labels_is_no_listing():
    menu = "".join(f'<li><a href="/{w.lower()}">{w}</a></li>' for w in ["Home", "About", "Projects", "Contact",
                                                                      "Donate", "Jobs"])
    assert _found(f"<ul class='links'>{menu}</ul>") == []


def test_candidates_are_reported_with_their_scores_chosen_first():
    cards = "".join(f'<li><a href="/n/{n}">{t}</a> <span>{_long(d)}</span></li>'
                    for n, (t, d) in enumerate(zip(_TITLES[:4], _DAYS, strict=False)))
    finding = find_cards(_tree(f"<div><p>Newsroom of the harbour board</p><ul>{cards}</ul></div>"), None, None)
    chosen = [c for c in finding.candidates if c.chosen]
    runners_up = [c for c in finding.candidates if not c.chosen]
    assert [(c.items, c.dated) for c in chosen] == [(4, 4)]
    assert finding.candidates[:len(chosen)] == tuple(chosen)  # the chosen first, then the runners-up by score
    assert [c.score for c in runners_up] == sorted((c.score for c in runners_up), reverse=True)


def test_listing_cards_reads_a_page_given_as_text():
    cards = "".join(f'<div class="c"><h3><a href="/n/{n}">{t}</a></h3><p>{_long(d)}</p></div>'
                    for n, (t, d) in enumerate(zip(_TITLES[:3], _DAYS, strict=False)))
    html = f"<html lang='en'><body><div>{cards}</div></body></html>"
    assert [c.url for c in listing_cards(html, "https://example.org/news/")] == [
        f"https://example.org/n/{n}" for n in range(3)]


def test_dated_links_beside_the_sites_copyright_line_are_its_footer_but_a_lone_list_or_a_photo_credit_stays():
    cards = "".join(f'<div class="r"><h3><a href="/n/{n}">{t}</a></h3><p class="on">{_long(d)}</p></div>'
                    for n, (t, d) in enumerate(zip(_TITLES[:4], _DAYS[:4], strict=True)))
    legal = ["Privacy notice for our supporters", "Modern slavery statement for the year",
             "Gender pay gap report for the year"]
    notices = "".join(f'<div class="n"><a href="/legal/{n}">{t}</a><span class="on">{_long(d)}</span></div>'
                      for n, (t, d) in enumerate(zip(legal, _DAYS[3:], strict=True)))
    want = [(t, d, f"https://example.org/n/{n}") for n, (t, d) in enumerate(zip(_TITLES[:4], _DAYS[:4], strict=True))]
    footer = f'<div id="bottom"><h4>Policies</h4>{notices}<p>© 2023 Harbour Trust</p></div>'
    assert _found(f'<div class="main"><div class="list">{cards}</div></div>{footer}') == want
    # The page's only list keeps its items whatever signs the page beside it.
    assert len(_found(f'<div class="all"><div class="list">{cards}</div><p>© 2023 Harbour Trust</p></div>')) == 4
    # A photo's credit is no copyright line of the site's.
    credit = footer.replace("<p>© 2023 Harbour Trust</p>", "<figure><figcaption>© Jane Roe</figcaption></figure>")
    assert len(_found(f'<div class="main"><div class="list">{cards}</div></div>{credit}')) == 7
