"""Property-based test of the HTML reader: generated listing pages (grammar in tests/html_grammar.py)."""
from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from pipeline.read import read
from pipeline.split import split

from .html_grammar import draw_html_page, draw_single_page


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(draw_html_page())
def test_every_generated_item_comes_back_with_its_title_date_and_kind(page):
    html, expected = page
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "listing.html"
        path.write_text(html, encoding="utf-8")
        releases = split(read(path))
    assert [(r.title, r.published, r.kind) for r in releases] == [(e.title, e.published, e.kind) for e in expected]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(draw_single_page())
def test_a_generated_release_page_gives_its_headline_date_and_own_text(page):
    html, title, published, body = page
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "release.html"
        path.write_text(html, encoding="utf-8")
        (release,) = split(read(path))
    assert (release.title, release.published) == (title, published)
    assert all(paragraph in release.summary for paragraph in body)
    for furniture in ("Related news", "Board appoints", "cookies", "Share on", "Harbour Road"):
        assert furniture not in release.summary
