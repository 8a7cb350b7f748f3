"""Structured exports: a newsroom's records saved as JSON (an array, an object holding one, or JSON Lines) or as a
delimited table (CSV or TSV with a header row), one card per record.

A record's parts are found by their field names (layout_words.toml, `[exports]`), so `title`, `headline` and
WordPress's `title.rendered` read alike; HTML inside a value is reduced to its text. A file that is no such export
(or one whose records name no title) is left to the text reader.
"""
from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path

import lxml.html

from . import settings
from .dates import Order, date_line, numeric_order
from .lines import clean_line, kind_of
from .records import Card, Page

_WORDS = tomllib.loads(Path(__file__).with_name("layout_words.toml").read_text(encoding="utf-8"))["exports"]
_FIELDS = {part: tuple(_WORDS[part]) for part in ("title", "date", "summary", "url", "kind")}
_NESTED = tuple(_WORDS["nested_text"])
_KEY_NOISE = re.compile(r"[\s_:.-]+")
_TAG = re.compile(r"<[a-zA-Z/!][^>]*>")
_DELIMITERS = ",\t;"  # (a table of bars is a dump the text reader knows: pipeline/dump.py)


def export_page(source: str, text: str, sha256: str, fetched_at: dt.datetime | None) -> Page | None:
    """The Page of a JSON or delimited export's records, else None (the text is no such export)."""
    found = _json_records(text) or _table_records(text)
    if not found:
        return None
    records = [{_key(str(k)): v for k, v in record.items()} for record in found]  # field names read once
    order = numeric_order(str(_field(r, "date") or "") for r in records)
    cards = tuple(card for r in records if (card := _card(r, order)) is not None)
    if len(cards) < max(1, len(records) // 2):
        return None  # records that mostly name no title: not a list of releases
    return Page(source=source, blocks=tuple(c.title or "" for c in cards), sha256=sha256, fetched_at=fetched_at,
                format="export", entries=cards)


def _json_records(text: str) -> list[dict] | None:
    """The records of a JSON document (the first array of objects, however deep) or of JSON Lines."""
    stripped = text.strip()
    if stripped[:1] not in "[{":
        return None
    try:
        return _records_in(json.loads(stripped))
    except ValueError:
        pass
    lines = [line for line in stripped.splitlines() if line.strip()]
    try:
        objects = [json.loads(line) for line in lines]
    except ValueError:
        return None
    return [o for o in objects if isinstance(o, dict)] or None


def _records_in(data: object, depth: int = 0) -> list[dict] | None:
    """The first list of objects in parsed JSON: the document itself, or a value of it (`{"posts": [...]}`)."""
    if isinstance(data, list):
        objects = [item for item in data if isinstance(item, dict)]
        return objects or None
    if isinstance(data, dict) and depth < settings.EXPORT_MAX_DEPTH:
        return next((found for value in data.values() if (found := _records_in(value, depth + 1))), None)
    return None


def _table_records(text: str) -> list[dict] | None:
    """The rows of a delimited table whose header names a title column, lines of comments above it skipped."""
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    if len(lines) < 2:
        return None
    delimiter = max(_DELIMITERS, key=lines[0].count)
    if lines[0].count(delimiter) == 0 or not any(_key(cell.strip("\"' ")) in _FIELDS["title"]
                                                 for cell in lines[0].split(delimiter)):
        return None  # (most text pages: a first line that is no header naming a title, the rest never parsed)
    rows = list(csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter))
    header = [_key(cell) for cell in rows[0]]
    if not any(name in header for name in _FIELDS["title"]):
        return None
    width = len(header)
    body = [row for row in rows[1:] if len(row) == width]
    if len(body) < len(rows[1:]) / 2:
        return None  # most rows do not fit the header: prose with commas, no table
    return [dict(zip(header, row, strict=True)) for row in body]


def _key(name: str) -> str:
    return _KEY_NOISE.sub("", name).lower()


def _field(record: Mapping, part: str) -> str | None:
    """The text of a record's first field named for `part` (nested `rendered` text and lists read too); the record's
    field names read as _key reads them."""
    return next((text for name in _FIELDS[part] if name in record and (text := _text(record[name]))), None)


def _text(value: object) -> str | None:
    if isinstance(value, dict):
        return next((text for key in _NESTED if key in value and (text := _text(value[key]))), None)
    if isinstance(value, list):
        return next((text for item in value if (text := _text(item))), None)
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        text = str(value)
        if _TAG.search(text):
            text = lxml.html.fromstring(f"<div>{text}</div>").text_content()
        elif "&" in text:
            text = html.unescape(text)  # `Fares held &amp; frozen`: a value escaped for a page
        return clean_line(text) or None
    return None


def _card(record: Mapping, order: Order | None) -> Card | None:
    title = _field(record, "title")
    if title is None:
        return None
    written = _field(record, "date")
    found = date_line(written, order) if written else None
    kind_field = _field(record, "kind")
    return Card(title=title, summary=_field(record, "summary") or "", published=found.published if found else None,
                date_text=found.date_text if found else None, kind=kind_of(kind_field) if kind_field else None,
                url=_field(record, "url"), region="export record",
                evidence=(("title", "its title field"), ("date", "its date field")))
