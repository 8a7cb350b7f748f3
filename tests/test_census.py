"""pipeline/census.py and the split's use of it: a page whose records hold few of its dates was not understood,
and says so in the records, the run report, the summary line and `explain`. Pages written here."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from pipeline.census import Census, count_dates
from pipeline.explain import explain
from pipeline.read import read
from pipeline.run import run
from pipeline.split import segment

_ITEMS = [(f"Harbour board notice number {n} on the ferry timetable", dt.date(2022, 1, 1) + dt.timedelta(days=9 * n))
          for n in range(8)]


def _page(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / name
    path.write_text(f"<!doctype html><html lang='en'><head><title>Notices</title></head><body>{body}</body></html>",
                    encoding="utf-8")
    return path


def test_a_census_of_five_dates_or_more_held_by_fewer_than_half_is_not_understood():
    assert not Census(dates=120, records=1, dated=1).understood
    assert Census(dates=120, records=60, dated=60).understood
    assert Census(dates=4, records=1, dated=0).understood  # too few dates to tell
    assert Census(dates=120, records=1, dated=1).describe() == "120 dates in the content, 1 record (1 dated)"


def test_dates_are_counted_in_the_body_not_in_its_navigation_or_footer(tmp_path: Path):
    rows = "".join(f"<p>{d:%B} {d.day}, {d.year}</p><p>{t}</p>" for t, d in _ITEMS[:3])
    chrome = "<nav><p>March 1, 2020</p></nav><footer><p>April 1, 2020</p></footer><aside><p>May 1, 2020</p></aside>"
    page = read(_page(tmp_path, "c.html", f"{chrome}<main>{rows}</main>"))
    assert count_dates(page, None) == 3


def test_an_article_footer_holds_its_dates(tmp_path: Path):
    cards = "".join(f"<article><h2>{t}</h2><footer><time datetime='{d.isoformat()}'>{d:%d %b %Y}</time></footer>"
                    "</article>" for t, d in _ITEMS[:6])
    assert count_dates(read(_page(tmp_path, "a.html", f"<main>{cards}</main>")), None) == 6


def _flattened_listing(tmp_path: Path, monkeypatch) -> Path:  # type: ignore[no-untyped-def]
    """A listing of eight dated notices, with the splitter's two readers of structure switched off: read as one
    release, most of its dates are in no record (what a newsroom's redesign does to a reader built for the old)."""
    from pipeline import split as split_module
    from pipeline.cards import CardFinding

    monkeypatch.setattr(split_module, "find_cards", lambda *args, **kwargs: CardFinding(cards=()))
    monkeypatch.setattr(split_module, "induce", lambda *args, **kwargs: None)
    cards = "".join(f"<div class='n'><h3><a href='/n/{n}'>{t}</a></h3><p>{d:%B} {d.day}, {d.year}</p></div>"
                    for n, (t, d) in enumerate(_ITEMS))
    raw = tmp_path / "raw"
    raw.mkdir()
    return _page(raw, "notices.html", f"<main>{cards}</main>")


def test_a_listing_read_as_one_release_is_flagged_in_its_record(tmp_path: Path, monkeypatch):  # type: ignore[no-untyped-def]
    found = segment(read(_flattened_listing(tmp_path, monkeypatch)))
    assert len(found.releases) == 1 and not found.census.understood
    assert found.census.describe() == "8 dates in the content, 1 record (1 dated)"
    assert found.releases[0].warnings == ("page not understood: 8 dates in the content, 1 record (1 dated)",)


def test_a_page_not_understood_is_named_in_the_run_report_the_summary_and_explain(
        tmp_path: Path, monkeypatch):  # type: ignore[no-untyped-def]
    path = _flattened_listing(tmp_path, monkeypatch)
    report = run(path.parent, tmp_path / "out", progress=False)
    assert report.pages_not_understood == [(str(path), "8 dates in the content, 1 record (1 dated)")]
    assert report.summary_line().endswith("not understood: 1 page (their dates are in no record: see the run report)")
    assert "NOT UNDERSTOOD" in explain(path)


def test_the_same_listing_read_by_its_markup_is_understood(tmp_path: Path):
    cards = "".join(f"<div class='n'><h3><a href='/n/{n}'>{t}</a></h3><p>{d:%B} {d.day}, {d.year}</p></div>"
                    for n, (t, d) in enumerate(_ITEMS))
    found = segment(read(_page(tmp_path, "l.html", f"<main>{cards}</main>")))
    assert len(found.releases) == 8 and found.census.understood
    assert not any(r.warnings for r in found.releases)
