"""The HTML reader: listing items from the markup, single releases, metadata, decoding. Pages written here."""
from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.read import decode, read
from pipeline.split import split

from .conftest import REPO

CHROME = """<header><nav><ul><li><a href="/">Home</a></li><li><a href="/about">About us</a></li>
<li><a href="/news">Newsroom</a></li><li><a href="/contact">Contact</a></li></ul></nav></header>
<div class="language-picker"><a href="?l=fr">Français</a> <a href="?l=es">Español</a> <a href="?l=de">Deutsch</a>
<a href="?l=it">Italiano</a> <a href="?l=pt">Português</a> <a href="?l=nl">Nederlands</a></div>"""
FOOTER = """<footer><p>PO Box 12548, Springfield</p><p>© 2022 Example Relief Agency</p>
<ul><li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of use</a></li></ul></footer>"""

ITEMS = [
    ("Agency opens three clinics in the northern districts", dt.date(2022, 3, 14),
     "The clinics will treat about 300 patients a week, the agency said."),
    ("Flood appeal reaches its first target", dt.date(2022, 3, 2),
     "Donors have given $4 million towards the flood appeal in two weeks."),
    ("New water points for 12 villages", dt.date(2022, 2, 21),
     "Engineers finished the last of the wells on Friday."),
]


def _write(tmp_path: Path, name: str, body: str, head: str = "", lang: str = "en") -> Path:
    path = tmp_path / name
    path.write_text(f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">{head}</head><body>{body}'
                    "</body></html>", encoding="utf-8")
    return path


def _cards(path: Path) -> list[tuple]:
    return [(r.title, r.published, r.kind) for r in split(read(path))]


def _long(date: dt.date) -> str:
    return f"{date:%B} {date.day}, {date.year}"


def test_card_grid_gives_one_release_per_card_and_no_chrome(tmp_path):
    cards = "".join(
        f'<div class="news-card"><span class="category">Press Release</span><h3 class="card-title">'
        f'<a href="/news/{n}">{t}</a></h3><p class="teaser">{s}</p><span class="date">{_long(d)}</span>'
        f'<a class="more" href="/news/{n}">Read more</a></div>' for n, (t, d, s) in enumerate(ITEMS))
    page = _write(tmp_path, "grid.html", f'{CHROME}<main><h1>News</h1><div class="grid">{cards}</div>'
                  f'<nav class="pagination"><a href="?p=2">Next</a></nav></main>{FOOTER}',
                  head='<link rel="canonical" href="https://example.org/news">')
    releases = split(read(page))
    assert [(r.title, r.published, r.kind) for r in releases] == [(t, d, "press_release") for t, d, _ in ITEMS]
    assert [r.url for r in releases] == [f"https://example.org/news/{n}" for n in range(3)]
    assert releases[1].summary == ITEMS[1][2]


def test_table_of_date_and_title_cells_with_month_headings(tmp_path):
    rows = "".join(f'<tr><td class="date"><time datetime="{d.isoformat()}">{d:%m/%d/%y}</time></td>'
                   f'<td><a href="/r/{n}">{t}</a></td></tr>' for n, (t, d, _) in enumerate(ITEMS))
    table = f'<table><tbody><thead><tr><th colspan="2">March 2022</th></tr></thead>{rows}</tbody></table>'
    page = _write(tmp_path, "table.html", f"{CHROME}<h1>Press Releases</h1>{table}{FOOTER}")
    assert _cards(page) == [(t, d, "press_release") for t, d, _ in ITEMS]


def test_headline_date_and_teaser_runs_without_a_container(tmp_path):
    runs = "".join(f'<span class="date">{d:%m.%d.%y}</span><h2 class="title"><a href="/p/{n}">{t}</a></h2>'
                   f'<p class="summary">{s} <a href="/p/{n}">Continue Reading</a></p><hr>'
                   for n, (t, d, s) in enumerate(ITEMS))
    page = _write(tmp_path, "runs.html", f'{CHROME}<div id="press">{runs}</div>{FOOTER}')
    releases = split(read(page))
    assert [(r.title, r.published) for r in releases] == [(t, d) for t, d, _ in ITEMS]
    assert "Continue Reading" not in releases[0].summary


def test_paragraph_lines_of_date_then_link(tmp_path):
    lines = "".join(f'<p>{d:%d %B %Y} <a href="/s/{n}">{t}</a></p>' for n, (t, d, _) in enumerate(ITEMS))
    page = _write(tmp_path, "lines.html", f"{CHROME}<div class='content'><h1>Statements</h1>{lines}</div>{FOOTER}")
    assert [(t, d) for t, d, _ in _cards(page)] == [(t, d) for t, d, _ in ITEMS]


def test_list_items_with_an_inline_kind_and_a_trailing_date(tmp_path):
    items = "".join(f'<li><a href="details?id={n}">{t}</a>, <em>media release</em>, {_long(d)}</li>'
                    for n, (t, d, _) in enumerate(ITEMS))
    page = _write(tmp_path, "ul.html", f"{CHROME}<ul class='releases'>{items}</ul>{FOOTER}")
    assert _cards(page) == [(t, d, "press_release") for t, d, _ in ITEMS]


def test_definition_list_of_titles_and_dates(tmp_path):
    items = "".join(f'<dt><a href="/d/{n}">{t}</a></dt><dd>Posted on {_long(d)}</dd>'
                    for n, (t, d, _) in enumerate(ITEMS))
    page = _write(tmp_path, "dl.html", f"{CHROME}<dl>{items}</dl>{FOOTER}")
    assert [(t, d) for t, d, _ in _cards(page)] == [(t, d) for t, d, _ in ITEMS]


def test_minified_markup_unquoted_attributes_and_numbers_split_in_spans(tmp_path):
    items = "".join(f"<article class=item><h4><a href=/m/{n}>{t.replace('12', '<span>1</span><span>2</span>')}"
                    f"</a></h4><div class=meta>{d:%d/%m/%Y}</div></article>" for n, (t, d, _) in enumerate(ITEMS))
    page = _write(tmp_path, "min.html", f"<div class=list>{items}</div>", lang="en-GB")
    assert [(t, d) for t, d, _ in _cards(page)] == [(t, d) for t, d, _ in ITEMS]


def test_sections_give_their_items_their_kind(tmp_path):
    def section(heading: str, items: list) -> str:
        rows = "".join(f'<li class="item"><a href="/{heading[:3]}/{n}">{t}</a> '
                       f'<span class="date">{_long(d)}</span></li>' for n, (t, d, _) in enumerate(items))
        return f"<section><h2>{heading}</h2><ul>{rows}</ul></section>"

    events = [("Open day at the northern clinic this spring", dt.date(2022, 1, 5), ""),
              ("Webinar on water policy for district councils", dt.date(2022, 1, 3), "")]
    page = _write(tmp_path, "sections.html", section("Press releases", ITEMS) + section("Events", events))
    assert [kind for _t, _d, kind in _cards(page)] == ["press_release"] * 3 + ["event"] * 2


def test_undated_list_of_headline_links_is_a_listing_with_null_dates(tmp_path):
    titles = [t for t, _, _ in ITEMS] + ["Volunteers train for the storm season ahead",
                                         "Survey of school meals in three provinces published"]
    rows = "".join(f'<li><a href="/u/{n}">{t}</a></li>' for n, t in enumerate(titles))
    page = _write(tmp_path, "undated.html", f"{CHROME}<h1>Archive</h1><ul class='archive'>{rows}</ul>{FOOTER}")
    assert _cards(page) == [(t, None, "press_release") for t in titles]


ARTICLE = ("<p>GENEVA – The agency opened three clinics in the northern districts on Monday, its first in the "
           "region since the floods, and will staff them with twelve nurses and four doctors.</p>"
           "<p>“These clinics mean families no longer walk for a day to see a nurse,” said Jane Roe, the agency’s "
           "director of health programmes. The clinics will treat about 300 patients a week.</p>"
           "<p>The agency thanked its partners in the district councils and the ministry of health for their "
           "support, and said it would publish a first report on the clinics in the autumn.</p>")


def _single(tmp_path: Path, date_html: str, head: str = "", related: bool = True) -> Path:
    related_list = ('<aside class="related"><h2>Related news</h2><ul>' + "".join(
        f'<li><a href="/n/{n}">{t}</a> <span class="date">{_long(d)}</span></li>'
        for n, (t, d, _) in enumerate(ITEMS)) + "</ul></aside>") if related else ""
    body = (f'{CHROME}<div id="cookie-banner">We use cookies. <button>Accept</button></div><main><article>'
            f'<p class="kind">Press Release</p><h1>Agency opens three clinics in the north</h1>{date_html}{ARTICLE}'
            f'</article>{related_list}</main>{FOOTER}')
    return _write(tmp_path, "single.html", body, head=head)


def test_single_release_page_takes_printed_headline_and_date_and_its_own_text(tmp_path):
    head = ('<title>Agency opens three clinics in the north | Example Relief Agency</title>'
            '<meta property="og:title" content="Agency opens three clinics in the north | Example Relief Agency">'
            '<meta property="og:site_name" content="Example Relief Agency"><meta property="og:type" content="article">'
            '<meta property="article:published_time" content="2022-03-15T09:00:00Z">')
    (release,) = split(read(_single(tmp_path, '<p class="date">14 March 2022</p>', head)))
    assert release.title == "Agency opens three clinics in the north"
    assert release.published == dt.date(2022, 3, 14)  # the date the page shows beats its metadata
    assert release.kind == "press_release" and release.organization == "Example Relief Agency"
    assert "said Jane Roe" in release.summary
    for chrome in ("Related news", ITEMS[1][0], "cookies", "Privacy policy", "Français", "PO Box"):
        assert chrome not in release.summary


def test_single_release_falls_back_to_dateline_then_metadata_never_to_a_modified_date(tmp_path):
    (release,) = split(read(_single(tmp_path, "", related=False)))
    assert release.published is None or release.published == dt.date(2022, 3, 14)
    modified = '<meta property="article:modified_time" content="2022-04-01T10:00:00Z">'
    (release,) = split(read(_single(tmp_path, "", modified, related=False)))
    assert release.published is None  # GENEVA – carries no date, and a modified date is never one
    published = modified + '<meta property="article:published_time" content="2022-03-15T09:00:00Z">'
    (release,) = split(read(_single(tmp_path, "", published, related=False)))
    assert release.published == dt.date(2022, 3, 15)


def test_numeric_dates_follow_the_page_order(tmp_path):
    cells = "".join(f'<div class="row"><a href="/x/{n}">{t}</a><span class="date">{d:%d/%m/%Y}</span></div>'
                    for n, (t, d, _) in enumerate(ITEMS))
    page = _write(tmp_path, "gb.html", f"<div class='rows'>{cells}</div>", lang="en-GB")
    assert [d for _t, d, _k in _cards(page)] == [d for _t, d, _ in ITEMS]
    us = "".join(f'<div class="row"><a href="/x/{n}">{t}</a><span class="date">{d:%m/%d/%Y}</span></div>'
                 for n, (t, d, _) in enumerate(ITEMS))
    page = _write(tmp_path, "us.html", f"<div class='rows'>{us}</div>", lang="en-US")
    assert [d for _t, d, _k in _cards(page)] == [d for _t, d, _ in ITEMS]


def test_titles_lose_soft_hyphens_zero_width_characters_and_raw_newlines(tmp_path):
    odd = ["Agency opens three cli\u00adnics\u200b in the\nnorthern districts", ITEMS[1][0], ITEMS[2][0]]
    rows = "".join(f'<div class="item"><h3><a href="/z/{n}">{t}</a></h3><p class="date">{_long(d)}</p></div>'
                   for n, (t, (_, d, _s)) in enumerate(zip(odd, ITEMS, strict=True)))
    page = _write(tmp_path, "odd.html", f"<div class='items'>{rows}</div>")
    assert [t for t, _d, _k in _cards(page)] == [t for t, _, _ in ITEMS]


def test_decoding_bom_declared_charsets_and_mislabelled_bytes():
    assert decode("<p>Caf\u00e9 \u2019</p>".encode("utf-16"), html=True) == ("<p>Caf\u00e9 \u2019</p>", None)
    text, warning = decode(b'<meta charset="utf-8"><h1>Minister\x92s visit \x96 caf\xe9</h1>', html=True)
    assert text.endswith("<h1>Minister\u2019s visit \u2013 caf\u00e9</h1>") and "\ufffd" not in text
    assert warning and "UTF-8" in warning
    # Declared Latin-1 but the bytes are UTF-8: the bytes win.
    text, warning = decode('<meta charset="iso-8859-1"><p>Nelson\u2019s bill</p>'.encode("utf-8"), html=True)
    assert "Nelson\u2019s bill" in text and warning is None
    assert decode("caf\u00e9".encode("cp1252")) == ("caf\u00e9", "not UTF-8: decoded as cp1252")


def test_page_whose_form_wraps_the_body_is_read(tmp_path):
    rows = "".join(f'<div class="news-item"><a href="/f/{n}">{t}</a><span class="date">{_long(d)}</span></div>'
                   for n, (t, d, _) in enumerate(ITEMS))
    page = _write(tmp_path, "aspnet.html", f'<form id="aspnetForm" method="post">{CHROME}<div>{rows}</div>'
                  f"{FOOTER}</form>")
    assert [t for t, _d, _k in _cards(page)] == [t for t, _, _ in ITEMS]


def test_deeply_nested_markup_is_read_not_refused(tmp_path):
    depth = 20_000
    page = _write(tmp_path, "deep.html", "<div>" * depth + "<h1>Deep release</h1><p>" + ARTICLE + "</p>"
                  + "</div>" * depth)
    (release,) = split(read(page))
    assert release.title == "Deep release" or "Jane Roe" in release.summary


def test_explain_shows_the_items_and_where_each_field_came_from(tmp_path):
    cards = "".join(f'<div class="card"><h3 class="title"><a href="/e/{n}">{t}</a></h3>'
                    f'<span class="date">{_long(d)}</span></div>' for n, (t, d, _) in enumerate(ITEMS))
    page = _write(tmp_path, "explain.html", f"<div class='cards'>{cards}</div>")
    result = subprocess.run([sys.executable, "-m", "pipeline", "explain", str(page)], capture_output=True, text=True,
                            cwd=REPO, check=True)
    assert "type: markup: " in result.stdout and "(3 items)" in result.stdout
    assert "dates: 3 dates in the content, 3 records (3 dated)" in result.stdout
    assert re.search(r"^  chosen +[\d.]+ +3 items, +3 dated ", result.stdout, re.MULTILINE)
    assert "title    <- h3.title/a" in result.stdout and "(date line)" in result.stdout
    assert ITEMS[0][0] in result.stdout


@pytest.mark.parametrize("name", ["plain.txt"])
def test_explain_serves_plain_text_pages(tmp_path, name):
    page = tmp_path / name
    page.write_text("\n".join(f"{_long(d)}\n{t}\n{s}" for t, d, s in ITEMS), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "pipeline", "explain", str(page)], capture_output=True, text=True,
                            cwd=REPO, check=True)
    assert "template: DATE(date) / title / teaser" in result.stdout and "card 3 title" in result.stdout


def test_a_date_printed_in_pieces_is_read(tmp_path):
    rows = "".join(f'<div class="row"><div class="date-box"><div>{d:%b}</div><div>{d.day}</div><div>{d.year}</div>'
                   f'</div><h3><a href="/p/{n}">{t}</a></h3><p>{s}</p></div>' for n, (t, d, s) in enumerate(ITEMS))
    page = _write(tmp_path, "pieces.html", f"<div class='rows'>{rows}</div>")
    assert [(t, d) for t, d, _k in _cards(page)] == [(t, d) for t, d, _ in ITEMS]
    text = tmp_path / "pieces.txt"
    text.write_text("\n".join(f"{d:%b}\n{d.day}\n{d.year}\n{t}\n{s}" for t, d, s in ITEMS), encoding="utf-8")
    assert [(r.title, r.published) for r in split(read(text))] == [(t, d) for t, d, _ in ITEMS]


def test_items_under_a_day_heading_take_its_date(tmp_path):
    day = dt.date(2013, 3, 29)
    items = "".join(f'<li><a href="/m/{n}">{t}</a></li>' for n, (t, _d, _s) in enumerate(ITEMS))
    page = _write(tmp_path, "days.html", f"<h1>Member news</h1><h2>{_long(day)}</h2><ul>{items}</ul>")
    assert _cards(page) == [(t, day, "press_release") for t, _, _ in ITEMS]
