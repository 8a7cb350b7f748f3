"""Generated pages of the HTML layouts that readers fitted to a few sites get wrong (tests/html_layouts.py):
every item of every page comes back with its title, date, kind and own link, per form.

33 forms x 35 pages: 1155 generated listing pages per run, the same ones every run (derandomized).
"""
from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from pipeline.read import read
from pipeline.split import segment

from .html_layouts import FORMS

EXAMPLES_PER_FORM = 35


@pytest.mark.parametrize("form", sorted(FORMS))
def test_every_item_of_a_generated_layout_comes_back(form: str) -> None:
    @settings(max_examples=EXAMPLES_PER_FORM, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(FORMS[form]())
    def check(page) -> None:  # type: ignore[no-untyped-def]
        html, expected = page
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "listing.html"
            path.write_text(html, encoding="utf-8")
            found = segment(read(path))
        got = [(r.title, r.published, r.kind, r.url) for r in found.releases]
        want = [(e.title, e.published, e.kind, e.url) for e in expected]
        if all(e.url is None for e in expected):  # items with no link of their own: the page says nothing of URLs
            got = [g[:3] + (None,) for g in got]
        assert got == want
        assert found.census.understood, found.census.describe()

    check()
