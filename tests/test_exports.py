"""Structured exports (pipeline/exports.py) read through read() and split(): JSON arrays, objects holding one, JSON
Lines and delimited tables with a header row. Every record is invented."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from pipeline.errors import SkipInput
from pipeline.read import read
from pipeline.split import split


def _records(tmp_path, name: str, text: str) -> list[tuple[str | None, dt.date | None, str | None, str | None]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return [(r.title, r.published, r.kind, r.url) for r in split(read(path))]


def test_a_wordpress_style_json_array_with_rendered_fields(tmp_path):
    posts = [{"id": 7, "date": "2021-03-04T09:30:00", "modified": "2021-03-09T10:00:00",
              "link": "https://news.example.org/ferry-fares", "title": {"rendered": "Ferry fares held &amp; frozen"},
              "excerpt": {"rendered": "<p>The board met on <b>Monday</b>.</p>"}},
             {"id": 6, "date": "2021-02-11T08:00:00", "link": "https://news.example.org/depot",
              "title": {"rendered": "Depot reopens after repairs"}, "excerpt": {"rendered": "<p>Work ended.</p>"}}]
    found = _records(tmp_path, "posts.json", json.dumps(posts))
    assert found == [("Ferry fares held & frozen", dt.date(2021, 3, 4), "press_release",
                      "https://news.example.org/ferry-fares"),
                     ("Depot reopens after repairs", dt.date(2021, 2, 11), "press_release",
                      "https://news.example.org/depot")]
    summary = split(read(tmp_path / "posts.json"))[0].summary
    assert summary == "The board met on Monday."


def test_json_lines_and_an_object_holding_the_list_in_a_text_file(tmp_path):
    lines = "\n".join(json.dumps({"headline": f"Item {n} of the harbour news", "published": f"2020-05-0{n}",
                                  "category": "Statements"}) for n in (3, 2, 1))
    assert [(t, d, k) for t, d, k, _ in _records(tmp_path, "dump.txt", lines)] == [
        (f"Item {n} of the harbour news", dt.date(2020, 5, n), "statement") for n in (3, 2, 1)]
    wrapped = json.dumps({"meta": {"page": 1}, "data": {"items": [{"title": "Tide tables published",
                                                                   "pubDate": "Thu, 04 Mar 2021 09:00:00 +0000"}]}})
    assert _records(tmp_path, "api.json", wrapped) == [("Tide tables published", dt.date(2021, 3, 4), "press_release",
                                                        None)]


def test_a_csv_with_quoted_commas_and_day_first_dates_read_from_its_own_column(tmp_path):
    table = ('# exported from the newsroom\nTitle,Published,Category\n'
             '"Harbour, quay and slipway repaired",04/03/2021,Reports\n'
             '"The trust names its boat ""Kittiwake""",25/02/2021,Statements\n')
    assert [(t, d, k) for t, d, k, _ in _records(tmp_path, "news.csv", table)] == [
        ("Harbour, quay and slipway repaired", dt.date(2021, 3, 4), "report"),
        ('The trust names its boat "Kittiwake"', dt.date(2021, 2, 25), "statement")]


def test_a_tsv_export_in_a_text_file(tmp_path):
    table = "date\ttitle\ttype\n2013-08-27 15:15:00\tParking rules consultation opens\tPress releases\n" \
            "2013-08-17\tNew bins on order\tPress releases\n"
    assert [(t, d) for t, d, _, _ in _records(tmp_path, "export.txt", table)] == [
        ("Parking rules consultation opens", dt.date(2013, 8, 27)), ("New bins on order", dt.date(2013, 8, 17))]


def test_an_export_whose_records_name_no_title_is_a_logged_skip(tmp_path):
    path = tmp_path / "stats.json"
    path.write_text(json.dumps([{"visits": 12, "day": "2021-03-04"}, {"visits": 9, "day": "2021-03-05"}]))
    with pytest.raises(SkipInput, match="name no title"):
        read(path)
    broken = tmp_path / "broken.json"
    broken.write_text('[{"title": "Unfinished')
    with pytest.raises(SkipInput):
        read(broken)


def test_prose_with_commas_and_a_bracketed_aside_stays_text(tmp_path):
    text = ("Title, author and date are printed below.\nFerry fares held for the winter\n4 March 2021\n"
            "The board met on Monday, and fares stay as they are.\n")
    assert read_format(tmp_path, text) == "text"
    text = "[Draft] Ferry fares held for the winter\n4 March 2021\nThe board met on Monday.\n"
    assert read_format(tmp_path, text) == "text"


def read_format(tmp_path, text: str) -> str:
    path = tmp_path / "aside.txt"
    path.write_text(text, encoding="utf-8")
    return read(path).format
