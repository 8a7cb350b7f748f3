"""pipeline/single.py: whether an HTML page is one release, and its headline and date. Pages written here."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from pipeline.read import read
from pipeline.split import split

_BODY = ("<p>The harbour board opened the northern ferry terminal on Monday after two years of building work, "
         "with room for four ferries and a covered waiting hall for three hundred passengers.</p>"
         "<p>The terminal replaces the old pier, which closed last winter after storm damage, and its first "
         "sailings to the outer islands leave at six in the morning from the new berths.</p>")


def _release(tmp_path: Path, body: str, head: str = "") -> tuple:
    path = tmp_path / "release.html"
    path.write_text(f"<!doctype html><html lang='en'><head><meta charset='utf-8'>{head}</head><body>{body}</body>"
                    "</html>", encoding="utf-8")
    (release,) = split(read(path))
    return release.title, release.published


def test_a_page_named_like_its_section_takes_the_headline_its_main_text_opens_with(tmp_path: Path):
    head = "<title>Press Room - Harbour Board</title><meta property='og:site_name' content='Harbour Board'>"
    body = ("<header><h1>Press Room</h1></header><main><article><p>Press Release: May 3, 2023</p>"
            f"<h2>Harbour board opens the northern ferry terminal</h2>{_BODY}</article></main>")
    assert _release(tmp_path, body, head) == ("Harbour board opens the northern ferry terminal", dt.date(2023, 5, 3))


def test_a_bracketed_opening_date_is_the_release_date(tmp_path: Path):
    body = f"<main><h1>Harbour board opens the northern ferry terminal</h1><p>[May 3, 2023] {_BODY[3:]}</main>"
    assert _release(tmp_path, body) == ("Harbour board opens the northern ferry terminal", dt.date(2023, 5, 3))


def test_a_date_only_in_the_text_is_found_but_never_a_footer_or_copyright_date(tmp_path: Path):
    body = (f"<main><h1>Harbour board opens the northern ferry terminal</h1>{_BODY}"
            "<p class='meta'>Released by the press office on 3 May 2023</p></main>"
            "<footer><p>Last updated 9 June 2024. © 2024 Harbour Board</p></footer>")
    assert _release(tmp_path, body) == ("Harbour board opens the northern ferry terminal", dt.date(2023, 5, 3))


def test_a_page_with_no_date_anywhere_has_none(tmp_path: Path):
    body = f"<main><h1>Harbour board opens the northern ferry terminal</h1>{_BODY}</main>" \
           "<footer><p>© 2024 Harbour Board, 4 Quay Street, Westmoor</p></footer>"
    assert _release(tmp_path, body) == ("Harbour board opens the northern ferry terminal", None)


def test_a_release_with_a_short_related_list_stays_one_release(tmp_path: Path):
    related = "".join(f"<li><a href='/r/{n}'>Harbour board notice number {n} on the timetable</a> "
                      f"<span>May {n}, 2023</span></li>" for n in range(1, 4))
    body = f"<main><h1>Harbour board opens the northern ferry terminal</h1>{_BODY}<ul>{related}</ul></main>"
    title, _published = _release(tmp_path, body)
    assert title == "Harbour board opens the northern ferry terminal"


def test_the_sites_logo_set_as_an_h1_link_home_is_never_the_headline(tmp_path: Path):
    head = "<title>Harbour board opens the northern ferry terminal – Harbour Board</title>"
    body = ("<header><h1 class='site-title'><a href='/' rel='home'>Harbour Board</a></h1></header><main><article>"
            f"<h2>Harbour board opens the northern ferry terminal</h2><p>May 3, 2023</p>{_BODY}</article></main>")
    assert _release(tmp_path, body, head) == ("Harbour board opens the northern ferry terminal", dt.date(2023, 5, 3))


def test_a_release_dated_in_another_language_or_a_cjk_calendar(tmp_path: Path):
    body = f"<main><h1>Neues Fährterminal im Norden eröffnet</h1><p>Donnerstag, 4. Mai 2023</p>{_BODY}</main>"
    assert _release(tmp_path, body) == ("Neues Fährterminal im Norden eröffnet", dt.date(2023, 5, 4))
    body = f"<main><h1>北部フェリーターミナルが開業</h1><p>2023年5月4日</p>{_BODY}</main>"
    assert _release(tmp_path, body) == ("北部フェリーターミナルが開業", dt.date(2023, 5, 4))


def test_a_year_alone_in_the_text_is_no_date_though_htmldate_makes_it_the_first_of_january(tmp_path: Path):
    body = f"<main><h1>Harbour board opens the northern ferry terminal</h1><p>2023年の事業</p>{_BODY}</main>"
    assert _release(tmp_path, body) == ("Harbour board opens the northern ferry terminal", None)


def test_a_release_with_a_dated_comment_thread_stays_one_release(tmp_path: Path):
    comments = "".join(f"<li class='comment'><footer class='comment-meta'><b class='fn'>Reader {n}</b> says: <time "
                       f"datetime='2023-05-0{n + 4}'>May {n + 4}, 2023 at 9:1{n} am</time></footer><div class="
                       "'comment-content'><p>Great news for the islands, well done to all involved.</p></div></li>"
                       for n in range(4))
    body = (f"<main><article><h1>Harbour board opens the northern ferry terminal</h1><p>May 3, 2023</p>{_BODY}"
            f"</article><div id='comments' class='comments-area'><h2>4 thoughts on the terminal</h2><ol "
            f"class='comment-list'>{comments}</ol></div></main>")
    assert _release(tmp_path, body) == ("Harbour board opens the northern ferry terminal", dt.date(2023, 5, 3))


def test_a_release_over_a_more_from_grid_of_dated_cards_stays_one_release(tmp_path: Path):
    # The markup leaves the grid out as a side list; the text template must not read it as the page's cards.
    grid = "".join(f"<div class='card'><h3><a href='/news/{n}/'>Ferry timetable changes for the {n}th week</a></h3>"
                   f"<p class='date'>{n} April 2023</p><p>The board changes the timetable of the island ferries for "
                   f"the week while the berths are painted.</p></div>" for n in range(10, 16))
    body = (f"<main><h1>Harbour board opens the northern ferry terminal</h1><p>3 May 2023</p>{_BODY}"
            f"<h2>More from the newsroom</h2><div class='grid'>{grid}</div></main>")
    assert _release(tmp_path, body) == ("Harbour board opens the northern ferry terminal", dt.date(2023, 5, 3))
