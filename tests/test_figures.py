"""Figures in headlines and card teasers (pipeline/extract/figures.py, figure_objects.py, recase.py): generated
headline forms against their floors, and one case per rule, on invented text."""
import random

import pytest

from pipeline.extract import extract
from pipeline.extract.recase import is_headline_cased, sentence_cased
from pipeline.records import Release

from .figure_headlines import FLOORS, FORMS, headlines, shares


def _figures(nlp, title: str, summary: str = "") -> list[tuple]:
    release = Release(sources=("t.html",), kind="press_release", title=title, summary=summary)
    (out,) = list(extract([release], nlp))
    return [(f.value, f.unit, f.currency, f.object) for f in out.figures]


def test_every_generated_form_holds_its_floor(nlp):
    measured = shares(nlp, per_form=20, seed=7)
    assert set(measured) == set(FLOORS) == {form(random.Random(0)).form for form in FORMS}
    assert {form: share for form, share in measured.items() if share < FLOORS[form]} == {}


def test_the_generator_draws_the_same_headlines_for_a_seed():
    assert headlines(3, seed=1) == headlines(3, seed=1)
    assert headlines(3, seed=1) != headlines(3, seed=2)


@pytest.mark.parametrize(
    ("line", "cased", "copy"),
    [
        ("Keating Secures $500K Grant for Hull", True, "Keating secures $500K grant for hull"),
        ("MEET THE 100 MOST PROMISING STARTUPS OF EASTMERE", True, "Meet the 100 most promising startups of eastmere"),
        # acronyms and words with capitals inside stay in a Title Case line
        ("FDA Approves ZOLTRINEX for Two Types of Cancer", True, "FDA approves ZOLTRINEX for two types of cancer"),
        ("GridPilot 2.1 Released", True, "GridPilot 2.1 released"),
        ("The clinic treated 3,000 patients in Harlow Bay last year.", False, None),
    ],
)
def test_a_headline_is_written_again_in_sentence_case_in_its_own_length(line, cased, copy):
    assert is_headline_cased(line) is cased
    if copy is not None:
        assert sentence_cased(line) == copy
        assert len(sentence_cased(line)) == len(line)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # money written in headlines: glued and spaced scales, a currency code or sign glued before it
        ("Norvale Health Wins Additional $700k", [(700000.0, "money", "USD")]),
        ("Eastmere Fire Departments To Receive $2.7 Mil", [(2700000.0, "money", "USD")]),
        ("The market could reach $557 billion (KRW 730 trillion) by 2040.",
         [(557000000000.0, "money", "USD"), (730000000000000.0, "money", "KRW")]),
        ("Researchers win an AUD$1.25 million fellowship", [(1250000.0, "money", "AUD")]),
        ("Spinout makes a £9bn industry cleaner", [(9000000000.0, "money", "GBP")]),
        # not figures: ordinals in capitals, versions, labels, names, ages, zero
        ("KESTREL LABS RELEASES SCHEDULE FOR MAY 30TH, 31ST", []),
        ("112th Harbour Assembly Takes Office", []),
        ("GridPilot 2.1.3 Ships", []),
        ("Purchase of shares under Article 12, Paragraphs 4 and 5 (Abstract #5513)", []),
        ("Linden Works Named to the FoodCraft 500 List", []),
        ("NORVALE HEALTH AWARDED THE NEW DIVERSITY SELECTION 100", []),
        ("Vestry at 125: how a small chapel outlived its town", []),
        ("Student Mara Ellison may only be 19, but she sings tonight.", []),
        ("A plan with zero emissions", []),
        ("The study 309/KESTREL-775 met its endpoint", []),
        # glued units, and a count glued by a hyphen to what it counts
        ("ANTIBODY AGENT “FERANOL® INFUSION 300μg” APPROVED", [(300.0, "μg", None)]),
        ("The newly renovated, 28-bed stroke unit opened.", [(28.0, "count", None)]),
    ],
)
def test_headline_forms_of_numbers(nlp, title, expected):
    assert [figure[:3] for figure in _figures(nlp, title)] == expected


@pytest.mark.parametrize(
    ("title", "value", "word"),
    [
        # after by/with/at, a number measures the verb's object
        ("Feranol Significantly Reduced the Risk of Relapse by 38% Versus Placebo", 38.0, "Risk of Relapse"),
        ("Ostrava Group closes its financing round with €8.3M.", 8300000.0, "financing round"),
        ("Analysts value the global drone market at $1.5 trillion by 2040.", 1500000000000.0, "drone market"),
        # money counts what it is to do; the noun before an infinitive's `to` is its subject
        ("Brightwater Trust Pledges $40 Million to Build, Preserve 1,642 Affordable Homes", 40000000.0, "Build"),
        ("Harlow Bay Fire Departments to Receive Additional $1.2 Million", 1200000.0, "Fire Departments"),
        # the subject nearest the verb; a measure printed after a noun measures it
        ("Ellison, Okafor: Eastmere Fire Departments Win Additional $700k", 700000.0, "Fire Departments"),
        ("ANTIBODY AGENT “FERANOL® TABLETS 200mg” LAUNCHED", 200.0, "TABLETS"),
        # another number is no object: its own is passed on
        ("The market will reach approximately $557 billion (KRW 730 trillion) by 2040.", 730e12, "market"),
    ],
)
def test_what_a_headline_figure_counts(nlp, title, value, word):
    objects = {round(figure[0], 3): figure[3] for figure in _figures(nlp, title)}
    assert word.lower() in (objects[round(value, 3)] or "").lower()


def test_a_headline_figure_is_quoted_as_written_with_offsets_into_the_text(nlp):
    title = "Kestrel Labs Opens Two New Clinics in Cold Springs"
    release = Release(sources=("t.html",), kind="press_release", title=title, summary="")
    (out,) = list(extract([release], nlp))
    (figure,) = out.figures
    assert (figure.value, figure.text, out.text[figure.start:figure.end]) == (2.0, "Two", "Two")
    assert figure.object == "New Clinics"


def test_a_batch_gives_what_each_release_gives_alone(nlp):
    titles = ["Kestrel Labs Opens Two New Clinics in Cold Springs", "Harbour Fund Secures $585K Grant for Millbrook",
              "The clinic treated 3,000 patients last year.", "MEET THE 40 MOST PROMISING NURSES OF EASTMERE"]
    together = [r.figures for r in extract([Release(sources=("t.html",), kind="press_release", title=t, summary="")
                                            for t in titles], nlp)]
    alone = [next(iter(extract([Release(sources=("t.html",), kind="press_release", title=t, summary="")], nlp))).figures
             for t in titles]
    assert together == alone
