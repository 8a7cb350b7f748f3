"""Spokespeople on the attribution grammar (tests/attribution_grammar.py): the grammar itself, then the
extractor against the floors kept per form in tests/attribution_floors.json."""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from pipeline.extract import extract
from pipeline.records import Release

from .attribution_grammar import COMPOUND_SURNAMES, FORMS, Tally, draw_release, releases, tally

FLOORS = json.loads((Path(__file__).parent / "attribution_floors.json").read_text(encoding="utf-8"))


def test_the_grammar_prints_every_expected_speaker_and_no_distractor_speaks():
    assert len(FORMS) >= 30
    rng = random.Random(3)
    for form in FORMS:
        for _ in range(10):
            generated = draw_release(form, rng)
            text = f"{generated.title or ''}\n\n{generated.text}"
            assert all(s.name in text for s in generated.speakers), text
            assert not {s.name for s in generated.speakers} & set(generated.distractors)


def test_the_grammar_draws_names_with_particles_hyphens_and_initials():
    names = [s.name for g in releases(5, seed=1) for s in g.speakers]
    assert any(any(name.endswith(surname) for surname in COMPOUND_SURNAMES) for name in names)
    assert any(". " in name for name in names)


def test_a_tally_counts_a_missed_speakers_role_and_organisation_as_wrong():
    generated = next(releases(1, seed=0))
    speaker = generated.speakers[0]
    assert tally(generated, [(speaker.name, speaker.role, speaker.organization)]).rates()["organization"] == 1.0
    missed = tally(generated, []).rates()
    assert (missed["found"], missed["role"], missed["organization"]) == (0.0, 0.0, 0.0)
    extra = tally(generated, [(speaker.name, speaker.role, speaker.organization), ("Someone Else", None, None)])
    assert extra.extra == 1


@pytest.mark.slow
def test_every_form_stays_at_or_above_its_floor(nlp):
    generated = list(releases(FLOORS["releases_per_form"], seed=FLOORS["seed"]))
    inputs = [Release(sources=("generated.txt",), kind="press_release", title=g.title, summary=g.text)
              for g in generated]
    tallies: dict[str, Tally] = {}
    for g, out in zip(generated, extract(inputs, nlp), strict=True):
        found = [(p.name, p.role, p.organization) for p in out.spokespeople]
        tallies[g.form] = tallies.get(g.form, Tally()).add(tally(g, found))
    assert set(tallies) == set(FLOORS["per_form"]), "a form was added or removed: give it its floors"
    failures = [f"{form} {key}: {tallies[form].rates()[key]:.3f} (floor {floor})"
                for form, floors in FLOORS["per_form"].items() for key, floor in floors.items()
                if tallies[form].rates()[key] < floor]
    total = Tally()
    for each in tallies.values():
        total = total.add(each)
    if total.rates()["extra_per_100"] > FLOORS["extra_per_100"]:
        failures.append(f"extra people per 100 releases: {total.rates()['extra_per_100']:.2f}")
    assert not failures, "; ".join(failures)
