"""pipeline/card_dates.py: the date an item of an HTML listing prints, wherever it puts it. Lines written here."""
from __future__ import annotations

import datetime as dt

import lxml.html
import pytest

from pipeline.card_dates import card_date, other_language_date, partial_date, year_of_heading
from pipeline.markup import flatten


def _blocks(html: str):  # type: ignore[no-untyped-def]
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    return flatten(root, root)


@pytest.mark.parametrize(("html", "day", "how"), [
    ('<time datetime="2021-03-04T09:00">4 March</time><h3>Clinic opens</h3>', dt.date(2021, 3, 4), "@datetime"),
    ("<h3>Clinic opens in Westmoor</h3><p>Posted on 4 March 2021 | News</p>", dt.date(2021, 3, 4), "date line"),
    ("<h3>Clinic opens in Westmoor | 03/04/2021</h3>", dt.date(2021, 3, 4), "date beside the title"),
    ("<p><a href='/c'><b>2 August 2019. Clinic opens in Westmoor</b></a></p>", dt.date(2019, 8, 2),
     "date beside the title"),
    ("<p><a href='/c'>Clinic opens in Westmoor</a> 4 March 2021</p>", dt.date(2021, 3, 4), "beside the title's link"),
    ("<h3>Clinic opens</h3><p>WESTMOOR, March 4, 2021 – The clinic opened today.</p>", dt.date(2021, 3, 4),
     "dateline"),
    ("<h3><a href='/c'>Clinic opens</a></h3><p>Filed under News on March 4, 2021</p>", dt.date(2021, 3, 4),
     "date in a sentence"),
    ("<div>Mar</div><div>4</div><div>2021</div><h3>Clinic opens</h3>", dt.date(2021, 3, 4), "date in pieces"),
    ("<p>Oct.13.2022</p><p><a href='/c'>Clinic opens in Westmoor</a></p>", dt.date(2022, 10, 13), "date line"),
])
def test_each_place_an_item_prints_its_date(html: str, day: dt.date, how: str):
    found = card_date(_blocks(html), None)
    assert found is not None and found.date.published == day and how in found.how


@pytest.mark.parametrize(("html", "day"), [
    ('<h3>Clinic opens</h3><abbr class="published" title="2021-03-04T09:00:00Z">Mar 4</abbr>', dt.date(2021, 3, 4)),
    ('<h3>Clinic opens</h3><data value="2021-03-04">Mar 4</data>', dt.date(2021, 3, 4)),
    ('<h3>Clinic opens</h3><span itemprop="datePublished" content="2021-03-04">Mar 4</span>', dt.date(2021, 3, 4)),
    ('<h3>Clinic opens</h3><abbr class="updated" title="2021-03-04">Mar 4</abbr>', None),
    ('<h3>Clinic opens</h3><span itemprop="dateModified" content="2021-03-04">Mar 4</span>', None),
])
def test_a_microformats_or_microdatas_date_is_read_but_never_an_edit(html: str, day: dt.date | None):
    found = card_date(_blocks(html), None)
    assert found is not None and found.date.published == day


@pytest.mark.parametrize(("text", "day"), [
    ("4. März 2021", dt.date(2021, 3, 4)), ("Veröffentlicht am 4. März 2021", dt.date(2021, 3, 4)),
    ("Publié le 12 août 2019", dt.date(2019, 8, 12)), ("4 de marzo de 2021", dt.date(2021, 3, 4)),
    ("1 déc. 2020", dt.date(2020, 12, 1)), ("2021年3月4日", dt.date(2021, 3, 4)),
    ("2021年3月4日（木）", dt.date(2021, 3, 4)),
    ("Donnerstag, 4. März 2021", dt.date(2021, 3, 4)), ("jeudi 4 mars 2021 à 10h15", dt.date(2021, 3, 4)),
    ("4. März 2021, 10:15 Uhr", dt.date(2021, 3, 4)), ("Fecha: 04/03/2021", dt.date(2021, 3, 4)),
    ("Pressemitteilung | 4. März 2021", dt.date(2021, 3, 4)),
    ("Mars attacks 2021", None), ("4 mars 2999", None), ("4 mars 2021 et la suite du texte", None),
    ("Press | 04/03/2021", None),  # a phrase before a bar and an English date: the date finder's to read
])
def test_a_date_in_another_languages_words_or_a_cjk_calendar(text: str, day: dt.date | None):
    found = other_language_date(text, "DMY")
    assert (found.published if found else None) == day
    if day is not None:
        assert card_date(_blocks(f"<h3><a href='/c'>Clinic opens</a></h3><p>{text}</p>"), "DMY").date.published == day


@pytest.mark.parametrize("line", ["Updated 8 May 2021 · Published 3 May 2021",
                                  "Last updated: 8 May 2021 | Posted 3 May 2021",
                                  "First published 3 May 2021 · Last updated 8 May 2021"])
def test_of_two_dates_the_edit_is_never_the_items(line: str):
    found = card_date(_blocks(f"<h3><a href='/c'>Clinic opens in Westmoor</a></h3><p>{line}</p>"), None)
    assert found is not None and found.date.published == dt.date(2021, 5, 3)


def test_an_edits_label_is_no_datelines_place():
    assert card_date(_blocks("<h3><a href='/c'>Clinic opens</a></h3><p>Updated 8 May 2021 – new figures</p>"),
                     None) is None


def test_a_headline_naming_a_day_is_no_meta_sentence():
    assert card_date(_blocks("<h3><a href='/c'>Minister visits the clinic on March 4, 2021</a></h3>"), None) is None


def test_a_teaser_sentence_naming_a_day_is_no_date():
    assert card_date(_blocks("<h3>Clinic opens</h3><p>The board met on March 4, 2021 to agree the plan.</p>"),
                     None) is None


@pytest.mark.parametrize(("text", "form"), [("August 2002", "month-year"), ("Sept/Oct 2002", "month-year"),
                                            ("12 Oct", "day-month"), ("Oct 12", "day-month")])
def test_partial_dates_mark_an_item_without_a_publication_date(text: str, form: str):
    found = partial_date(text)
    assert found is not None and found.published is None and found.form == form and found.date_text == text


def test_a_day_and_month_before_the_link_is_the_items_partial_date():
    found = card_date(_blocks("<li><span>6 May</span> <a href='/c'>Clinic opens in Westmoor</a></li>"), None)
    assert found is not None and found.date.published is None and found.date.rest == "Clinic opens in Westmoor"


@pytest.mark.parametrize(("heading", "year"), [("2021", 2021), ("2021 Releases", 2021), ("News from 2019", 2019),
                                               ("Latest news", None), ("2019 and 2020", None)])
def test_year_headings(heading: str, year: int | None):
    assert year_of_heading(heading) == year
