"""Property-based test of the splitter: generated listing pages (grammar in tests/listing_grammar.py)."""
from __future__ import annotations

import itertools
import tempfile
import textwrap
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.read import read
from pipeline.records import Page
from pipeline.split import split

from .listing_grammar import ARCHIVE_CONVENTIONS, draw_archive_page, draw_page


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(draw_page())
def test_every_generated_card_comes_back_with_its_title_date_and_kind(page):
    lines, expected, _starts = page
    cards = split(Page(source="generated.txt", blocks=tuple(lines), sha256="0" * 64))
    got = [(c.title, c.published, c.kind) for c in cards]
    assert got == [(e.title, e.published, e.kind) for e in expected], "\n".join(lines)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(draw_page(markup=True), st.sampled_from(["\n", "\n\n", "cards"]))
def test_pages_printed_with_a_converters_markup_read_to_the_same_cards(page, gap):
    """A page as a page-to-text converter prints it (Markdown headings, links and emphasis, labelled fields, a
    database's date forms) reads to the cards a reader sees: the marks are structure, not words."""
    lines, expected, starts = page
    inside, between = ("\n", "\n\n") if gap == "cards" else (gap, gap)
    text = "".join((between if n in starts else inside) + line if n else line for n, line in enumerate(lines))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "listing.txt"
        path.write_text(text + "\n", encoding="utf-8")
        cards = split(read(path))
    assert [(c.title, c.published, c.kind) for c in cards] == [(e.title, e.published, e.kind) for e in expected], text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(draw_page(), st.sampled_from(["\n", "\n\n", "\n\n\n", "cards"]), st.sampled_from([None, 64, 72, 78]))
def test_blank_line_habits_and_hard_wrapped_teasers_change_nothing(page, gap, width):
    """The same page saved with one, two or three newlines between blocks, or with blank lines between cards
    only, its long lines hard-wrapped at 64-78 columns (blocks then need a blank line between them, and
    cards two), reads to the same cards."""
    lines, expected, starts = page
    if width is not None:
        lines = ["\n".join(textwrap.wrap(line, width)) if len(line) > width else line for line in lines]
    if width is not None:  # wrapped blocks need a blank line between them
        inside, between = ("\n\n", "\n\n\n" if gap == "cards" else "\n\n")
    else:
        inside, between = ("\n", "\n\n") if gap == "cards" else (gap, gap)
    text = "".join((between if n in starts else inside) + line if n else line for n, line in enumerate(lines))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "listing.txt"
        path.write_text(text + "\n", encoding="utf-8")
        cards = split(read(path))
    assert [(c.title, c.published, c.kind) for c in cards] == [(e.title, e.published, e.kind) for e in expected], text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(draw_page(), st.sampled_from(["\n", "\n\n"]), st.sampled_from(["  ", "    ", "\t"]),
       st.sampled_from(["hanging", "first line"]))
def test_indented_cards_read_the_same(page, gap, pad, habit):
    """The same page with each card's lines after the first indented (or its first line only), one or no blank
    line between lines, reads to the same cards: indentation groups a card's lines whichever way it runs. Cards
    of two lines are drawn with the first way only: indenting each pair's first line reads as well as indenting
    its second (`  DATE` / `Title` is `Title` / `  DATE` shifted by one), and the reader takes the second."""
    lines, expected, starts = page
    cards_at, footer_at = set(starts[:-1]), starts[-1]
    if all(b - a == 2 for a, b in itertools.pairwise(starts)):
        habit = "hanging"
    printed = []
    for n, line in enumerate(lines):
        inside = starts[0] <= n < footer_at
        indented = inside and ((n in cards_at) == (habit == "first line"))
        printed.append(pad + line if indented else line)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "listing.txt"
        path.write_text(gap.join(printed) + "\n", encoding="utf-8")
        cards = split(read(path))
    assert [(c.title, c.published, c.kind) for c in cards] == [(e.title, e.published, e.kind) for e in expected], \
        gap.join(printed)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(st.sampled_from(ARCHIVE_CONVENTIONS).flatmap(draw_archive_page), st.sampled_from(["\n", "\n\n", "cards"]))
def test_archive_pages_read_to_their_cards(page, gap):
    """Calendar-badge dates, days under month or year headings, titles running into their dates (wrapped onto them
    too), reference numbers, release files, two-digit years, lettered items and pages in German, Spanish or French
    (tests/listing_grammar.py, `draw_archive_page`) read to the cards a reader sees."""
    lines, expected, starts = page
    inside, between = ("\n", "\n\n") if gap == "cards" else (gap, gap)
    text = "".join((between if n in starts else inside) + line if n else line for n, line in enumerate(lines))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "listing.txt"
        path.write_text(text + "\n", encoding="utf-8")
        cards = split(read(path))
    assert [(c.title, c.published, c.kind) for c in cards] == [(e.title, e.published, e.kind) for e in expected], text
