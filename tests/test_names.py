"""Names by their shape (pipeline/extract/names.py), on spaCy's blank English: no model is needed."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from pipeline.extract.names import name_ending_at, repair_names, surname_only


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Amara ten Brink, campaigns manager, said so.", ["Amara ten Brink"]),
        ("According to Pieter F. dos Santos, the survey was late.", ["Pieter F. dos Santos"]),
        ("Ewa Adeyemi-Clarke spoke first.", ["Ewa Adeyemi-Clarke"]),
        # a hyphenated given name marks a name, its second part in lower case or capitalised
        ("Min-jun Ostrander spoke first.", ["Min-jun Ostrander"]),
        ("Jean-Luc Marwood spoke first.", ["Jean-Luc Marwood"]),
        # an Irish surname: a particle, its article and a mutated first letter
        ("Svea Mac an tSaoi spoke first.", ["Svea Mac an tSaoi"]),
        ("Lucía de la Fuente spoke. Later De la Fuente said more.", ["Lucía de la Fuente", "De la Fuente"]),
        # no particle, initial or hyphen: the recogniser's call, not the shape's
        ("Jane Roe spoke.", []),
        # a place with a particle is no person
        ("Flights to Rio de Janeiro resumed.", []),
    ],
)
def test_names_their_shape_shows(blank, text, names):
    assert [span.text for span in repair_names(blank(text))] == names


def test_a_name_closing_a_clause_is_read_back_from_its_end(blank):
    doc = blank("said Brovia Chief Executive Ingrid Adeyemi.")
    assert name_ending_at(doc, len(doc) - 1).text == "Ingrid Adeyemi"
    assert name_ending_at(doc, 4) is None  # "Brovia Chief": a title's word is no surname


def test_a_surname_alone_is_one_word_or_opens_with_a_particle(blank):
    doc = blank("Roe and De la Fuente and Jane Roe")
    assert surname_only(Span(doc, 0, 1)) and surname_only(Span(doc, 2, 5))
    assert not surname_only(Span(doc, 6, 8))


def test_a_particle_glued_to_its_surname_by_a_hyphen_marks_a_name(blank):
    assert [span.text for span in repair_names(blank("Ngozi al-Mansur spoke first."))] == ["Ngozi al-Mansur"]
