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
