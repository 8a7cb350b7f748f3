"""Property-based test of the splitter: generated listing pages (grammar in tests/listing_grammar.py)."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from pipeline.records import Page
from pipeline.split import split

from .listing_grammar import draw_page


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(draw_page())
def test_every_generated_card_comes_back_with_its_title_date_and_kind(page):
    lines, expected = page
    cards = split(Page(source="generated.txt", blocks=tuple(lines), sha256="0" * 64))
    got = [(c.title, c.published, c.kind) for c in cards]
    assert got == [(e.title, e.published, e.kind) for e in expected], "\n".join(lines)
