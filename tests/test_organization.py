"""The organisation decision's tables (pipeline/extract/organization.py) that need no parse: the rules that
merge a person's mentions, and the line under a signature's role line. Names and bodies are invented."""
from __future__ import annotations

import spacy

from pipeline.extract.organization import (
    EARLIER,
    MENTION_RULES,
    ORGANIZATION_STEPS,
    Title,
    body_under_signature,
    merge_mention,
    read_at,
)
from pipeline.records import Spokesperson


def _kept(role=None, organization=None, rule=None) -> Spokesperson:
    return Spokesperson(name="Roe", role=role, organization=organization, quote=None, start=0, end=3,
                        rule="surname_subject", role_rule=None, organization_rule=rule)


def test_every_step_is_named_and_scoped():
    assert all(name and scope in {"title", "signature", "speaker"} for name, scope, _step in ORGANIZATION_STEPS)
    assert [name for name, _test in MENTION_RULES] == ["completes_title", "spells_out_acronym"]


def test_a_body_read_at_another_mention_is_marked_earlier():
    title = Title("director", "Harbour Trust", "appositive_after_name", "of_at_for_after_role")
    assert read_at(title, earlier=True).organization_rule == EARLIER
    assert read_at(title, earlier=False) == title
    assert read_at(Title("director"), earlier=True).organization_rule is None


def test_a_later_mention_completes_a_title_or_spells_out_an_acronym():
    full = Title("director", "Harbour Trust", "appositive_after_name", "of_at_for_after_role")
    merged = merge_mention(_kept(), full, "We will stay.", "Jane Roe")
    assert (merged.name, merged.role, merged.organization, merged.organization_rule, merged.quote) == (
        "Jane Roe", "director", "Harbour Trust", EARLIER, "We will stay.")
    spelt = merge_mention(_kept("chair", "NWPA", "org_in_role"),
                          Title(None, "Northern Water Policy Association", None, "of_at_for_after_role"), None, "Roe")
    assert (spelt.role, spelt.organization, spelt.organization_rule) == (
        "chair", "Northern Water Policy Association", EARLIER)
    kept = merge_mention(_kept("chair", "Brovia Inc.", "possessive"), full, None, "Roe")
    assert (kept.role, kept.organization, kept.organization_rule) == ("chair", "Brovia Inc.", "possessive")


def test_the_line_under_a_role_line_is_a_body_when_it_names_one():
    nlp = spacy.blank("en")
    assert body_under_signature(nlp("Council of Coastal Mayors")[:]) == ("Council of Coastal Mayors", "signature_line")
    assert body_under_signature(nlp("Chief Executive")[:]) == (None, None)  # a title, not a body
    assert body_under_signature(nlp("thank you all")[:]) == (None, None)
    assert body_under_signature(None) == (None, None)


def test_a_signature_line_naming_the_body_acted_for_names_it():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    assert body_under_signature(nlp("on behalf of the Marsh Lane Allotment Society")[:]) == (
        "Marsh Lane Allotment Society", "signature_line")
    assert body_under_signature(nlp("on behalf of")[:]) == (None, None)
