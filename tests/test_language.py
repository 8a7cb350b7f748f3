"""Every release knows its language; the English extraction runs only on English releases; dates in other
languages are read in that language. Every text here is invented."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from pipeline import language, settings
from pipeline.dates import foreign_date_line
from pipeline.extract.parallel import Extractor
from pipeline.query import stats
from pipeline.records import Page, PageMeta, Release
from pipeline.run import run

GERMAN = """Pressemitteilung

Stadtwerke Lindenau eröffnen neues Wasserwerk am Mühlbach

4. März 2024

LINDENAU – Die Stadtwerke Lindenau haben am Montag ein neues Wasserwerk in Betrieb genommen. Es versorgt künftig \
rund 12.000 Haushalte im Norden der Stadt mit Trinkwasser.

„Wir haben drei Jahre auf diesen Tag hingearbeitet“, sagte Geschäftsführerin Eva Maier bei der Eröffnung in Berlin.
"""
ENGLISH = """Press Release

Harbour Trust opens a water clinic in Eastbrook

March 4, 2024

EASTBROOK – The Harbour Trust opened a water clinic on Monday that will serve 12,000 households in Kenya.

"We worked three years towards this day," said Jane Roe, director of the Harbour Trust.
"""
ITALIAN = """Comunicato stampa

Il consorzio di Valdoro apre un nuovo impianto idrico

12 ottobre 2023

VALDORO – Il consorzio ha inaugurato lunedì un impianto che servirà 12.000 famiglie della valle, ha dichiarato \
la direttrice Paola Conti.
"""


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    raw = tmp_path_factory.mktemp("raw")
    for name, text in (("de.txt", GERMAN), ("en.txt", ENGLISH), ("it.txt", ITALIAN)):
        (raw / name).write_text(text, encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    run(raw, out, progress=False)
    return out


@pytest.fixture(scope="module")
def built(out: Path) -> pd.DataFrame:
    return pd.read_parquet(out / "releases").set_index("language")


def test_stats_shows_releases_by_language(out: Path):
    text = stats(out)
    section = text.split("Releases by language (ISO 639-1):\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert sorted(line.split() for line in section[1:]) == [["de", "1"], ["en", "1"], ["it", "1"]]


def test_a_german_text_release_is_german_keeps_its_fields_and_is_not_run_through_english(built: pd.DataFrame):
    german = built.loc["de"]
    assert german.title == "Stadtwerke Lindenau eröffnen neues Wasserwerk am Mühlbach"
    assert german.published == dt.date(2024, 3, 4) and german.date_text == "4. März 2024"
    assert german.kind == "press_release"
    assert "4. März 2024" not in german.summary  # the date line is metadata, as in English
    assert len(german.spokespeople) == len(german.countries) == len(german.figures) == 0
    assert list(german.warnings) == [
        "language de: spokespeople, countries and figures not extracted (no spaCy model configured for it)"]


def test_an_english_release_is_english_and_extracted(built: pd.DataFrame):
    english = built.loc["en"]
    assert english.published == dt.date(2024, 3, 4)
    assert [p["name"] for p in english.spokespeople] == ["Jane Roe"]
    assert list(english.countries) == ["KEN"] and len(english.figures) == 1


def test_an_italian_date_is_read_in_italian(built: pd.DataFrame):
    assert built.loc["it"].published == dt.date(2023, 10, 12)


@pytest.mark.parametrize(("line", "lang", "expected", "form"), [
    ("4. März 2024", "de", dt.date(2024, 3, 4), "date"),
    ("12 ottobre 2023", "it", dt.date(2023, 10, 12), "date"),
    ("12 de octubre de 2023", "es", dt.date(2023, 10, 12), "date"),
    ("Lyon, 3 mars 2024 – La ville ouvre une piscine", "fr", dt.date(2024, 3, 3), "dateline"),
])
def test_foreign_dates(line: str, lang: str, expected: dt.date, form: str):
    found = foreign_date_line(line, lang)
    assert found is not None and found.published == expected and found.form == form


@pytest.mark.parametrize(("line", "lang"), [
    ("Die Stadt hat am 4. März 2024 beschlossen", "de"),  # a date inside the text is not the release's
    ("31. Februar 2024", "de"),  # no calendar date
    ("4. Mörz 2024", "de"),  # no month
    ("4. März 2024", "xx"),  # a language dateparser does not know
])
def test_not_foreign_dates(line: str, lang: str):
    assert foreign_date_line(line, lang) is None


def test_declared_language_stands_unless_the_text_clearly_says_otherwise():
    headline = "Board names Jane Roe chair of the Harbour Trust"
    assert language.identify(headline, "en") == "en"
    assert language.identify("Die Stadtwerke haben ein neues Wasserwerk in Betrieb genommen.", "en") == "de"
    assert language.identify("The water board opened a new clinic on Monday in the north of the town.", "ja") == "en"
    assert language.identify("Unsere Antwort", "de") == "de"  # too short to overrule the page
    assert language.identify("Unsere Antwort", None) == settings.DEFAULT_LANGUAGE  # ... or to tell alone
    assert language.identify("", "fr") == "fr" and language.identify("2024", None) is None


def test_a_page_declares_its_language_or_its_text_tells():
    declared = Page(source="x", blocks=("Hello",), sha256="0", meta=PageMeta(lang="de-DE"))
    assert language.page_language(declared) == "de"
    text = Page(source="y", blocks=tuple(GERMAN.split("\n\n")), sha256="1")
    assert language.page_language(text) == "de"
    assert language.declared("en_GB") == "en" and language.declared("x-klingon") is None


def test_the_extractor_runs_each_language_with_its_model_and_gates_the_rest():
    text = "“We opened the clinic today,” said Jane Roe, director of the Harbour Trust, in Kenya."
    english = Release(sources=("a",), kind="press_release", title=None, summary=text, language="en")
    german = Release(sources=("b",), kind="press_release", title=None, summary=text, language="de")
    unknown = Release(sources=("c",), kind="press_release", title=None, summary=text)  # no language: English
    with Extractor(settings.DEFAULT_MODEL) as extractor:
        out = extractor([german, english, unknown])
    assert [r.sources for r in out] == [("b",), ("a",), ("c",)]  # input order
    assert out[0].spokespeople == () and out[0].warnings[0].startswith("language de:")
    assert [p.name for p in out[1].spokespeople] == [p.name for p in out[2].spokespeople] == ["Jane Roe"]


def test_bench_language_samples_are_the_languages_they_say(tmp_path: Path):
    import tomllib

    samples = tomllib.loads((Path(__file__).resolve().parents[1] / "benchmarks" / "language_samples.toml")
                            .read_text(encoding="utf-8"))
    wrong = [(lang, text) for lang, texts in samples.items() for text in texts
             if len(text) >= 40 and language.scores(text)[0][0] != lang]
    assert wrong == []  # the detector's best guess for every headline and teaser of 40 characters or more
