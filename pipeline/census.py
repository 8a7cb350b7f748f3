"""The date census: did the split account for the dates a page prints?

A newsroom page prints a publication date for each of its releases. Counting the publication-like dates
in the page's main content (with the one date finder) and comparing the count with the dates the split's
records hold tells whether the page was understood: a listing read as one release, or as a tenth of its
items, leaves most of its dates unaccounted for. Such a page is named in the run report, `explain` says
so, and its records carry a warning, so a newsroom's redesign shows the morning after.
"""
from __future__ import annotations

from dataclasses import dataclass

import lxml.html

from . import settings
from .card_dates import date_cell
from .card_regions import is_bold_label
from .dates import Order, dateline
from .lines import clean_line, is_sidebar_heading
from .markup import HEADINGS, TreeLines
from .records import Page, Release

__all__ = ["Census", "count_dates", "take_census"]

_CONTENT = frozenset({"article", "section", "li", "main"})  # a header or footer inside these is an item's


@dataclass(frozen=True, slots=True, kw_only=True)
class Census:
    """How many publication-like dates a page prints, and how many its records hold."""

    dates: int  # distinct date lines in the page's main content
    records: int
    dated: int  # records holding a publication date

    @property
    def understood(self) -> bool:
        """False when most of the page's dates are held by no record."""
        if self.dates < settings.CENSUS_MIN_DATES:
            return True
        return self.dated >= settings.CENSUS_MIN_SHARE * self.dates

    def describe(self) -> str:
        """`120 dates in the content, 1 record (1 dated)`."""
        return (f"{self.dates} dates in the content, {self.records} record{'s' if self.records != 1 else ''} "
                f"({self.dated} dated)")


def count_dates(page: Page, order: Order | None, lines: TreeLines | None = None) -> int:
    """The page's date lines: an HTML page's over its whole body (or its `<main>`, where that prints dates) but its
    furniture (navigation, asides, the page's own header and footer, elements whose class says sidebar or footer)
    and its side lists (`Most read`), `<time datetime>` included; a text page's over its lines. A line printed
    twice counts once."""
    if page.tree is not None:
        tree_lines = lines or TreeLines(page.tree)
        side = side_lists(page.tree)
        blocks = [b for b in tree_lines.blocks
                  if b.element not in side and not tree_lines.in_chrome(b.element) and not _in_furniture(b.element)]
        main = {e for m in page.tree.iter("main", "div", "section")
                if m.tag == "main" or m.get("role") == "main" for e in m.iter()}
        dated = _date_lines(blocks, order)
        inside = sum(1 for text, element in dated.items() if element in main) if main else 0
        # Where the page marks its main content and prints dates there, the dates outside it (a widget
        # column's `Recent posts`) are the site's.
        return inside or len(dated)
    return sum(1 for line in dict.fromkeys(page.blocks) if _is_date_line(line, order))


def take_census(page: Page, releases: list[Release], order: Order | None, lines: TreeLines | None = None) -> Census:
    """The page's date lines against the dates its records hold."""
    return Census(dates=count_dates(page, order, lines), records=len(releases),
                  dated=sum(1 for r in releases if r.published is not None))


def _date_lines(blocks: list, order: Order | None) -> dict[str, lxml.html.HtmlElement]:
    """The distinct date lines of the blocks, each with the element it was first printed in."""
    first: dict[str, lxml.html.HtmlElement] = {}
    for block in blocks:
        first.setdefault(block.text + (f" @{block.datetime}" if block.datetime else ""), block.element)
    return {line: element for line, element in first.items() if " @" in line or _is_date_line(line, order)}


def side_lists(root: lxml.html.HtmlElement) -> set[lxml.html.HtmlElement]:
    """The elements under a side list's heading (`Most read`, `Related stories`; a heading element, or a bold line:
    `<p><strong>Most read</strong></p>`): other pages' dates, whatever column the page prints them in. A heading's
    list is what follows it up to the next heading, looked for a few levels up when the heading sits in a wrapper of
    its own."""
    side: set[lxml.html.HtmlElement] = set()
    bold_labels = dict.fromkeys(b.getparent() for b in root.iter("strong", "b") if b.getparent() is not None)
    for heading in [*root.iter(*HEADINGS), *(e for e in bold_labels if is_bold_label(e))]:
        if not is_sidebar_heading(clean_line(heading.text_content())):
            continue
        node = heading
        for _ in range(settings.SECTION_HEADING_MAX_LEVELS):
            following = [s for s in node.itersiblings() if isinstance(s.tag, str)]
            if following:
                for sibling in following:
                    if sibling.tag in HEADINGS:
                        break
                    side.update(sibling.iter())
                break
            node = node.getparent()
            if node is None:
                break
    return side


def _in_furniture(element: lxml.html.HtmlElement) -> bool:
    """Inside the page's navigation or an aside, or the page's own header or footer (an article's footer,
    which prints its date, is the article's)."""
    ancestors = [a.tag for a in element.iterancestors()]
    for n, tag in enumerate(ancestors):
        if tag in {"nav", "aside"}:
            return True
        if tag in {"header", "footer"} and not _CONTENT.intersection(ancestors[n + 1:]):
            return True
    return False


def _is_date_line(line: str, order: Order | None) -> bool:
    """A line that prints a card's date: a date alone or with a label, beside a title, or a dateline."""
    if len(line) > settings.CENSUS_LINE_MAX_CHARS:
        return False  # a paragraph that mentions a day is running text, not a card's date line
    found = date_cell(line, order) or dateline(line, order)
    return found is not None and found.published is not None
