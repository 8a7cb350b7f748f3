"""A generator of headline-style figure phrases: forms x random values, each form with its expected figure.

Every form is a headline (or a card's teaser line) written the way newsroom listings print them, in Title Case
or ALL CAPS, with invented names. A form gives its text and what the pipeline should find: the figure's value,
unit and currency and a word its object must hold, or no figure at all. `FLOORS` holds the share of each form's
headlines that must come out exactly right (tests/test_figures.py); the measured shares are printed by

    .venv/bin/python -m tests.figure_headlines
"""
from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

ORGS = ("Brightwater Trust", "Norvale Health", "Kestrel Labs", "Harbour Fund", "Ostrava Group", "Linden Works")
PLACES = ("Harlow Bay", "Eastmere", "Cold Springs", "Port Avel", "Millbrook")
DRUGS = ("ZOLTRINEX", "Calvadex", "Feranol", "VESTIRA")
PRODUCTS = ("SheetCraft.NET", "GridPilot", "FormWeaver", "DocuLoom")
NOUNS = ("Clinics", "Schools", "Engineers", "Startups", "Nurses", "Wells", "Shelters")
NUMBER_WORDS = {2: "Two", 3: "Three", 4: "Four", 5: "Five", 6: "Six", 7: "Seven", 8: "Eight", 9: "Nine", 10: "Ten"}
PLAIN_VERBS = ("Opens", "Builds", "Funds", "Hires", "Trains")


@dataclass(frozen=True, slots=True, kw_only=True)
class Headline:
    """One generated headline and the figure it holds (None: no figure)."""

    form: str
    text: str
    figure: tuple[float, str, str | None] | None  # value, unit, currency
    object_word: str | None = None  # a word the figure's object must hold


def _grant(rng: random.Random) -> Headline:
    n = rng.randrange(20, 990)
    return Headline(form="glued_k", text=f"{rng.choice(ORGS)} Secures ${n}K Grant for {rng.choice(PLACES)}",
                    figure=(n * 1e3, "money", "USD"), object_word="Grant")


def _lower_k(rng: random.Random) -> Headline:
    n = rng.randrange(20, 990)
    return Headline(form="glued_k_lower", text=f"{rng.choice(ORGS)} Announces ${n}k in Fire Grants",
                    figure=(n * 1e3, "money", "USD"), object_word="Grants")


def _spaced_scale(rng: random.Random) -> Headline:
    whole, tenth = rng.randrange(1, 99), rng.randrange(1, 10)
    word, scale = rng.choice((("Mil", 1e6), ("Million", 1e6), ("Billion", 1e9)))
    text = f"{rng.choice(PLACES)} Fire Departments To Receive ${whole}.{tenth} {word}"
    return Headline(form="spaced_scale_word", text=text, figure=((whole + tenth / 10) * scale, "money", "USD"),
                    object_word="Departments")


def _glued_sign(rng: random.Random) -> Headline:
    whole, tenth = rng.randrange(1, 99), rng.randrange(1, 10)
    sign, code = rng.choice((("€", "EUR"), ("£", "GBP")))
    text = f"{rng.choice(ORGS)} closes its financing round with {sign}{whole}.{tenth}M."
    return Headline(form="glued_sign_and_scale", text=text, figure=((whole + tenth / 10) * 1e6, "money", code),
                    object_word="round")


def _currency_code_sign(rng: random.Random) -> Headline:
    n = rng.randrange(2, 9)
    cents = rng.choice((25, 5, 75))
    text = f"Two researchers have each been awarded an AUD${n}.{cents} million fellowship to study coral reefs."
    return Headline(form="code_and_sign_glued", text=text, figure=(float(f"{n}.{cents}") * 1e6, "money", "AUD"))


def _caps_count(rng: random.Random) -> Headline:
    n = rng.randrange(20, 500)
    noun = rng.choice(NOUNS)
    text = f"MEET THE {n} MOST PROMISING {noun.upper()} OF {rng.choice(PLACES).upper()}"
    return Headline(form="count_in_capitals", text=text, figure=(float(n), "count", None), object_word=noun.lower())


def _title_count(rng: random.Random) -> Headline:
    n = rng.randrange(20, 5000)
    noun = rng.choice(NOUNS)
    text = f"{rng.choice(ORGS)} Pledges $40 Million to Build, Preserve {n:,} Affordable {noun}"
    return Headline(form="count_after_title_case_verb", text=text, figure=(float(n), "count", None),
                    object_word=noun)


def _word_count(rng: random.Random) -> Headline:
    n = rng.randrange(2, 11)
    noun = rng.choice(NOUNS)
    text = f"{rng.choice(ORGS)} {rng.choice(PLAIN_VERBS)} {NUMBER_WORDS[n]} New {noun} in {rng.choice(PLACES)}"
    return Headline(form="number_word_in_title_case", text=text, figure=(float(n), "count", None), object_word=noun)


def _glued_unit(rng: random.Random) -> Headline:
    n = rng.choice((50, 100, 150, 200, 250, 300, 400))
    unit, written = rng.choice((("mg", "mg"), ("μg", "μg"), ("μg", "µg")))
    drug = rng.choice(DRUGS)
    text = f"ANTIBODY AGENT “{drug}® TABLETS {n}{written}” LAUNCHED IN {rng.choice(PLACES).upper()}"
    return Headline(form="unit_glued_after_a_name", text=text, figure=(float(n), unit, None), object_word="TABLETS")


def _reduced_by(rng: random.Random) -> Headline:
    n = rng.randrange(10, 90)
    drug = rng.choice(DRUGS)
    text = f"{drug} Plus Standard Care Significantly Reduced the Risk of Relapse or Death by {n}% Versus Placebo"
    return Headline(form="percent_by_title_case", text=text, figure=(float(n), "percent", None), object_word="Risk")


def _ordinal(rng: random.Random) -> Headline:
    n = rng.randrange(4, 31)
    text = f"{rng.choice(ORGS).upper()} RELEASES PUBLIC SCHEDULE FOR MAY {n}TH"
    return Headline(form="ordinal_in_capitals", text=text, figure=None)


def _first_patient(rng: random.Random) -> Headline:
    code = rng.randrange(100, 999)
    return Headline(form="ordinal_before_a_noun", text=f"1st Patient Enrolled in KL{code} Trial", figure=None)


def _version(rng: random.Random) -> Headline:
    major, minor = rng.randrange(1, 9), rng.randrange(0, 10)
    return Headline(form="version_number", text=f"{rng.choice(PRODUCTS)} {major}.{minor} Released", figure=None)


def _name_number(rng: random.Random) -> Headline:
    n = rng.choice((50, 100, 250, 500))
    text = f"{rng.choice(ORGS).split()[0]} ranked on the GreenTech {n} list for {rng.randrange(2015, 2024)}"
    return Headline(form="number_in_a_name", text=text, figure=None)


def _caps_name_number(rng: random.Random) -> Headline:
    n = rng.choice((50, 100, 500))
    text = f"{rng.choice(ORGS).upper()} CERTIFIED AS AN OUTSTANDING EMPLOYER (BRIGHT {n})"
    return Headline(form="number_in_a_name_in_capitals", text=text, figure=None)


def _age(rng: random.Random) -> Headline:
    n = rng.randrange(16, 30)
    text = f"Student Mara Ellison may only be {n}, but this weekend she will sing for a crowd."
    return Headline(form="age", text=text, figure=None)


def _duration(rng: random.Random) -> Headline:
    n = rng.randrange(5, 40)
    return Headline(form="duration", text=f"Celebrating {n} Years of {rng.choice(ORGS)}", figure=None)


FORMS: tuple[Callable[[random.Random], Headline], ...] = (
    _grant, _lower_k, _spaced_scale, _glued_sign, _currency_code_sign, _caps_count, _title_count, _word_count,
    _glued_unit, _reduced_by, _ordinal, _first_patient, _version, _name_number, _caps_name_number, _age, _duration,
)

# Share of each form's headlines that must come out exactly right: the figure's value, unit and currency and a
# word of its object, or no figure. At or just under what the pipeline measured when the forms were written.
FLOORS: dict[str, float] = {
    "glued_k": 0.95, "glued_k_lower": 0.9, "spaced_scale_word": 0.9, "glued_sign_and_scale": 0.9,
    "code_and_sign_glued": 1.0, "count_in_capitals": 0.9, "count_after_title_case_verb": 0.9,
    "number_word_in_title_case": 0.9, "unit_glued_after_a_name": 0.9, "percent_by_title_case": 0.9,
    "ordinal_in_capitals": 1.0, "ordinal_before_a_noun": 1.0, "version_number": 0.85, "number_in_a_name": 1.0,
    "number_in_a_name_in_capitals": 1.0, "age": 1.0, "duration": 1.0,
}


def headlines(per_form: int, seed: int = 0) -> list[Headline]:
    """`per_form` headlines of every form, drawn with a fixed seed."""
    rng = random.Random(seed)
    return [form(rng) for form in FORMS for _ in range(per_form)]


def is_right(headline: Headline, figures: tuple) -> bool:
    """The headline's one figure found with its value, unit, currency and object word; or none found."""
    if headline.figure is None:
        return figures == ()
    found = [f for f in figures if (round(f.value, 6), f.unit, f.currency) == (round(headline.figure[0], 6),
                                                                             *headline.figure[1:])]
    word = (headline.object_word or "").lower()
    return bool(found) and all(word in (f.object or "").lower() for f in found)


def shares(nlp, per_form: int, seed: int = 0) -> dict[str, float]:
    """The share of each form's headlines that come out right."""
    from pipeline.extract import extract
    from pipeline.records import Release

    drawn = headlines(per_form, seed)
    releases = [Release(sources=("generated.html",), kind="press_release", title=h.text, summary="") for h in drawn]
    right: dict[str, list[bool]] = {}
    for headline, release in zip(drawn, extract(releases, nlp), strict=True):
        right.setdefault(headline.form, []).append(is_right(headline, release.figures))
    return {form: sum(marks) / len(marks) for form, marks in right.items()}


if __name__ == "__main__":
    from pipeline.extract import build_nlp

    for form, share in shares(build_nlp(), per_form=40).items():
        print(f"{form:32} {share:.3f}  (floor {FLOORS[form]})")
