"""A page-to-text dump's markup read as structure (pipeline/dump.py)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pipeline.dump import unmark
from pipeline.read import read
from pipeline.split import split


def _read(lines: list[str]) -> list[str]:
    return [line.strip() for line, _printed in unmark(lines) if line.strip()]


@pytest.mark.parametrize(("printed", "expected"), [
    ("## Tollbridge Museum opens a new gallery", "Tollbridge Museum opens a new gallery"),
    ("**Tollbridge Museum opens a new gallery**", "Tollbridge Museum opens a new gallery"),
    ("*4 March 2021*", "4 March 2021"),
    ("_Published 4 March 2021_", "Published 4 March 2021"),
    ("[Tollbridge Museum opens a new gallery](https://example.org/news/1)", "Tollbridge Museum opens a new gallery"),
    ("> The gallery holds forty paintings.", "The gallery holds forty paintings."),
    ("   [12]Tollbridge Museum opens a new gallery", "Tollbridge Museum opens a new gallery"),
    ("* [Tollbridge Museum opens a new gallery](/news/1), 04/03/21", "Tollbridge Museum opens a new gallery, 04/03/21"),
    ("🗓️ 4 March 2021   📁 Statement", "4 March 2021 | Statement"),
])
def test_marks_come_off_the_words_they_mark(printed, expected):
    assert _read([printed]) == [expected]


def test_a_list_in_running_text_keeps_its_marks_and_a_copyright_sign_stays():
    lines = ["- Forty volunteers joined the count.", "- The count ran for a week.", "© 2021 Tollbridge Museum"]
    assert _read(lines) == lines


def test_an_underline_and_a_table_frame_are_dropped_a_separator_between_cards_stays():
    assert _read(["Tollbridge Museum opens a new gallery", "=====================================",
                  "4 March 2021", "", "----", "", "Orrin Ferry adds a dawn crossing", "4 March 2021"]) == [
        "Tollbridge Museum opens a new gallery", "4 March 2021", "----", "Orrin Ferry adds a dawn crossing",
        "4 March 2021"]


def test_field_names_are_read_where_they_repeat_an_email_header_stays():
    assert _read(["Title: Tollbridge Museum opens a new gallery", "Date: 4 March 2021", "Type: Statement",
                  "Title: Orrin Ferry adds a dawn crossing", "Date: 1 March 2021", "Type: Statement"]) == [
        "Tollbridge Museum opens a new gallery", "4 March 2021", "Statement", "Orrin Ferry adds a dawn crossing",
        "1 March 2021", "Statement"]
    assert _read(["From: press@example.org", "Date: 4 March 2021", "Subject: A new gallery"]) == [
        "From: press@example.org", "Date: 4 March 2021", "Subject: A new gallery"]


@pytest.mark.parametrize(("printed", "expected"), [
    ("[Statement] Tollbridge Museum opens a new gallery", ["Statement", "Tollbridge Museum opens a new gallery"]),
    ("(4 March 2021) Tollbridge Museum opens a new gallery", ["4 March 2021", "Tollbridge Museum opens a new gallery"]),
    ("Tollbridge Museum opens a new gallery (Report · 4 March 2021)",
     ["Tollbridge Museum opens a new gallery", "Report · 4 March 2021"]),
    ("Tollbridge Museum opens a new gallery (Report, 4 March 2021, 14:05 CET)",
     ["Tollbridge Museum opens a new gallery", "Report, 4 March 2021, 14:05 CET"]),
    # a date alone after the words stays the line's trailing date; a dateline opens a teaser
    ("Tollbridge Museum opens a new gallery [4 March 2021]", ["Tollbridge Museum opens a new gallery [4 March 2021]"]),
    ("(Westmoor, 4 March 2021) – The museum said", ["(Westmoor, 4 March 2021) – The museum said"]),
])
def test_a_bracketed_kind_or_date_beside_the_words_is_a_line_of_its_own(printed, expected):
    assert _read([printed]) == expected


def test_table_rows_give_their_cells_wrapped_cells_joined_and_the_header_row_dropped():
    grid = ["+--------------------------+--------------+", "| Title                    | Date         |",
            "+==========================+==============+", "| Tollbridge Museum opens  | 4 March 2021 |",
            "| a new gallery            |              |", "+--------------------------+--------------+"]
    assert _read(grid) == ["Tollbridge Museum opens a new gallery", "4 March 2021"]
    pipes = ["| Date | Type | Title |", "|---|---|---|", "| 4 March 2021 | Statement | Orrin Ferry adds a crossing |"]
    assert _read(pipes) == ["4 March 2021", "Statement", "Orrin Ferry adds a crossing"]


def test_a_space_aligned_table_needs_padding_to_show_its_columns():
    table = ["Date           Title", "4 March 2021   Tollbridge Museum opens a new gallery",
             "12 May 2021    Orrin Ferry adds a dawn crossing"]
    assert _read(table) == ["4 March 2021", "Tollbridge Museum opens a new gallery", "12 May 2021",
                            "Orrin Ferry adds a dawn crossing"]
    habit = ["4 March 2021   Tollbridge Museum opens a new gallery", "3 March 2021   Orrin Ferry adds a crossing"]
    assert _read(habit) == habit  # three spaces after every date of one length: a separator, not a table


def test_a_link_wrapped_over_printed_lines_is_one_line():
    assert _read(["[Tollbridge Museum opens a new", "gallery](https://example.org/news/1)", "4 March 2021"]) == [
        "Tollbridge Museum opens a new gallery", "4 March 2021"]


def test_a_markdown_listing_splits_into_its_cards(tmp_path: Path):
    path = tmp_path / "news.txt"
    path.write_text("# News\n\n* [Home](/)\n\n## Tollbridge Museum opens a new gallery\n\n*4 March 2021*\n\n"
                    "> The gallery holds forty paintings.\n\n![](/img/gallery.png)\n\n"
                    "## Orrin Ferry adds a dawn crossing\n\n*1 March 2021*\n\n> The first boat leaves at six.\n",
                    encoding="utf-8")
    cards = split(read(path))
    assert [(c.title, c.published) for c in cards] == [
        ("Tollbridge Museum opens a new gallery", dt.date(2021, 3, 4)),
        ("Orrin Ferry adds a dawn crossing", dt.date(2021, 3, 1))]


def test_a_field_line_names_its_other_fields_too():
    """`Type: Blog · Date: …` printed on every card: the kind and the date keep their values, lose their names."""
    fields = ["Kestrel Bay Choir sings at the harbour", "Type: Blog · Date: 4 March 2021 (Thursday)",
              "Orrin Ferry adds a dawn crossing", "Type: Event · Date: 1 March 2021 (Monday)"]
    assert _read(fields)[1] == "Blog · 4 March 2021 (Thursday)"
    assert _read(["Date: 4 March 2021 Type: Statement", "Date: 1 March 2021 Type: Blog"]) == [
        "4 March 2021 · Statement", "1 March 2021 · Blog"]


def test_a_title_cell_wrapped_under_itself_is_one_row():
    under = ["Title                                         Released",
             "Tollbridge Museum opens a new gallery     4 March 2021",
             "  for the river paintings", "",
             "Orrin Ferry adds a dawn crossing for       1 March 2021",
             "  the winter timetable"]
    assert _read(under) == ["Tollbridge Museum opens a new gallery for the river paintings | 4 March 2021",
                            "Orrin Ferry adds a dawn crossing for the winter timetable | 1 March 2021"]
    over = ["Tollbridge Museum opens a new gallery", "  for the river paintings            4 March 2021", "",
            "Orrin Ferry adds a dawn crossing for", "  the winter timetable              1 March 2021"]
    assert _read(over) == ["Tollbridge Museum opens a new gallery for the river paintings | 4 March 2021",
                           "Orrin Ferry adds a dawn crossing for the winter timetable | 1 March 2021"]
    teasers = ["Tollbridge Museum opens a new gallery     4 March 2021", "    The gallery holds forty paintings.",
               "Orrin Ferry adds a dawn crossing          1 March 2021", "    The first boat leaves at six."]
    assert _read(teasers)[1] == "The gallery holds forty paintings."  # a sentence under a row is its teaser
    heads = ["Newsroom – Kestrel Bay Choir    06/06/2025, 14:03", "Menu", "Tollbridge Museum opens a gallery",
             "Page 1 of 2", "Newsroom – Kestrel Bay Choir    06/06/2025, 14:03", "Orrin Ferry adds a crossing"]
    assert "Menu" in _read(heads)  # a running head printed twice is no table row


def test_a_date_far_to_the_right_is_a_column_whatever_the_title_ends_with():
    rows = ["Tollbridge Museum Draws More Visitors than Ever Before          4 March 2021", "",
            "Orrin Ferry Adds a Dawn Crossing                                1 March 2021"]
    assert _read(rows) == ["Tollbridge Museum Draws More Visitors than Ever Before | 4 March 2021",
                           "Orrin Ferry Adds a Dawn Crossing | 1 March 2021"]


def test_a_database_export_is_a_table_its_record_numbers_and_row_count_left_out():
    psql = ["  id | title                                   | category     | release_date",
            "-----+-----------------------------------------+--------------+-------------",
            " 812 | Tollbridge Museum opens a new gallery   | Press notice | 2021-03-04",
            " 809 | Orrin Ferry adds a dawn crossing        | Blog post    | 2021-03-01", "(2 rows)"]
    assert _read(psql) == ["Tollbridge Museum opens a new gallery", "2021-03-04 · Press notice",
                           "Orrin Ferry adds a dawn crossing", "2021-03-01 · Blog post"]
    bare = ["title|release_date", "Tollbridge Museum opens a new gallery|2021-03-04 10:30:00+00"]
    assert _read(bare) == ["Tollbridge Museum opens a new gallery", "2021-03-04 10:30:00+00"]
    assert _read(["Language: English | Deutsch", "Home | News"]) == ["Language: English | Deutsch", "Home | News"]


def test_a_counted_list_loses_its_counts_and_a_labelled_address_is_no_words():
    counted = ["[21/59] Tollbridge Museum opens a new gallery", "4 March 2021",
               "[22/59] Orrin Ferry adds a dawn crossing", "1 March 2021"]
    assert _read(counted) == ["Tollbridge Museum opens a new gallery", "4 March 2021",
                              "Orrin Ferry adds a dawn crossing", "1 March 2021"]
    assert _read(["3/12 · Tollbridge Museum opens a new gallery"]) == [
        "3/12 · Tollbridge Museum opens a new gallery"]  # one such line alone may be a date
    assert _read(["Item 4 of 41", "Tollbridge Museum opens a new gallery",
                  "Link: https://example.org/news/4", "Read online: https://example.org/digest"]) == [
        "Tollbridge Museum opens a new gallery"]


def test_a_mail_archives_envelope_is_no_words_its_subject_the_title_and_sent_the_date(tmp_path: Path):
    thread = ("From: Kestrel Bay Press Office <press@kestrel.example.org>\nSent: Thursday, March 4, 2021 10:42 AM\n"
              "To: Newsdesk list\nSubject: Tollbridge Museum opens a new gallery\nThe gallery holds forty paintings.\n"
              "\n________________________________\n"
              "From: Kestrel Bay Press Office <press@kestrel.example.org>\nSent: Monday, March 1, 2021 9:15 AM\n"
              "To: Newsdesk list\nSubject: Orrin Ferry adds a dawn crossing\nThe first boat leaves at six.\n")
    path = tmp_path / "thread.txt"
    path.write_text(thread, encoding="utf-8")
    assert [(c.title, c.published) for c in split(read(path))] == [
        ("Tollbridge Museum opens a new gallery", dt.date(2021, 3, 4)),
        ("Orrin Ferry adds a dawn crossing", dt.date(2021, 3, 1))]
    one = "From: Jane Roe <jane@example.org>\nTo: Newsdesk\nSubject: Our reply\n\nThank you for writing.\n"
    assert _read(one.split("\n"))[:2] == ["From: Jane Roe <jane@example.org>", "To: Newsdesk"]  # one email keeps them


def test_a_dates_field_in_two_words_is_a_field_an_events_date_is_not():
    cards = ["## Tollbridge Museum opens a new gallery", "**Date issued:** 4 Mar 2021, Thu",
             "## Orrin Ferry adds a dawn crossing", "**Date issued:** 1 Mar 2021, Mon"]
    assert _read(cards) == ["Tollbridge Museum opens a new gallery", "4 Mar 2021, Thu",
                            "Orrin Ferry adds a dawn crossing", "1 Mar 2021, Mon"]
    events = ["Event date: 4 March 2021", "Event date: 1 March 2021"]
    assert _read(events) == events


def test_wiki_and_outline_markup_is_read_as_headings_fields_and_words():
    assert _read(["= Harbour Trust: news archive =", "__TOC__", "== Ferry fares held ==",
                  "''Published 2017-05-18 (Thu)''", "The board met on [[Monday meeting|Monday]].",
                  "[[Category:Press releases]]"]) == [
        "Harbour Trust: news archive", "Ferry fares held", "Published 2017-05-18 (Thu)", "The board met on Monday.",
        "Category:Press releases"]
    assert _read(["====== News ======", "===== Depot reopens =====", "//MAR 31, 2017//", "{{tag>roads}}"]) == [
        "News", "Depot reopens", "MAR 31, 2017"]
    assert _read(["#+TITLE: Newsroom archive", "* Slipway repaired   :roads:", "  :PROPERTIES:",
                  "  :PUBLISHED: [2016-12-24 Sat 16:42]", "  :END:",
                  "** <2014-12-22 Mon> Ferry fares held   :rivers:"]) == [
        "Slipway repaired", ":PUBLISHED: 2016-12-24", "2014-12-22 Ferry fares held"]


def test_a_bullet_outside_an_outline_and_a_web_address_keep_their_marks():
    assert _read(["* Bring a packed lunch", "See https://example.org//path for details."]) == [
        "* Bring a packed lunch", "See https://example.org//path for details."]


def test_a_feed_dumped_as_text_has_its_records_apart_and_its_record_numbers_dropped():
    assert _read(["<entry>", "\tid: tag:example.org,2009:news/7932", "\ttitle: Ferry fares held",
                  "\tpublished: 2021-03-04T09:00:00Z", "[item]", "\tid: tag:example.org,2009:news/7933",
                  "\ttitle: Depot reopens", "\tpublished: 2021-03-01T09:00:00Z", "- entry"]) == [
        "Ferry fares held", "2021-03-04T09:00:00Z", "Depot reopens", "2021-03-01T09:00:00Z"]


def test_a_date_alone_on_its_line_is_never_run_on_into_the_next(tmp_path):
    path = tmp_path / "dump.txt"
    path.write_text("Ferry fares held\n2021-03-04T09:00:00Z\nupdated: 2021-03-09T10:00:00Z\nThe board met.\n\n"
                    "Depot reopens\n2021-03-01T09:00:00Z\nupdated: 2021-03-02T10:00:00Z\nWork ended.\n",
                    encoding="utf-8")
    assert "2021-03-04T09:00:00Z" in read(path).blocks
