"""Bodies' names as written (pipeline/extract/bodies.py), on spaCy's blank English: no model is needed."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from pipeline.extract.bodies import has_organization_word, name_after_possessive, named_unit, org_name, repair_bodies


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


@pytest.mark.parametrize(
    ("text", "start", "end", "name"),
    [
        ("said the St. Brigid's Hospice today", 1, 4, "St. Brigid's Hospice"),  # the entity stops at the 's
        ("the Riverside Children's Fund said", 0, 5, "Riverside Children's Fund"),
        ("the Lakeside Tenants' Union said", 0, 5, "Lakeside Tenants' Union"),
        ("Harbour Trust USA's Security Program", 0, 6, "Harbour Trust USA"),  # a part of the owner's body
        ("the University of Harbourside's Institute of Health", 0, 8, "University of Harbourside"),
        ("Brovia's Chief Executive", 0, 2, "Brovia"),
    ],
)
def test_a_possessive_inside_a_name_stays_an_owners_goes(blank, text, start, end, name):
    doc = blank(text)
    assert org_name(Span(doc, start, end, label="ORG")) == name


def test_the_name_after_a_possessive_stops_where_a_title_starts(blank):
    doc = blank("Riverside Children's Fund Vice President")
    assert name_after_possessive(doc, 0, 3) == 4  # "Fund", then the title
    assert name_after_possessive(blank("HMG's Northfield Hospital"), 0, 2) is None  # an acronym owns


def test_a_portfolio_holds_no_organisations_word():
    assert has_organization_word("Greywater Alliance") and has_organization_word("Brovia Inc.")
    assert not has_organization_word("Research and Evaluation")


@pytest.mark.parametrize(
    ("text", "bodies"),
    [
        ("said Pell River Conservancy today", ["Pell River Conservancy"]),
        ("the St. Brigid's Hospice said", ["St. Brigid's Hospice"]),
        ("the Lakeside Tenants' Union said", ["Lakeside Tenants' Union"]),
        ("Orrin & Vale LLP said", ["Orrin & Vale LLP"]),
        ("Kestrel Holdings plc said", ["Kestrel Holdings plc"]),
        ("Greywater Alliance Policy Director Jane Roe said", ["Greywater Alliance"]),  # the title's words start
        ("Association of Rural Nurses of Westmark Senior Adviser Jane Roe",
         ["Association of Rural Nurses of Westmark"]),
        ("Chair of the Board of Trustees Elif Roe said", ["Board of Trustees"]),  # people in the plural close it
        ("the Programme Officer said", []),  # a unit's word before a title is the title's own
        ("Director for Land and Water Rights said", []),  # a title's field
        ("Ostrava Mobility GmbH said", ["Ostrava Mobility GmbH"]),  # a suffix with inner capitals
        ("the Quillmoor Institute for Materials Research said", ["Quillmoor Institute for Materials Research"]),
        ("the Quillmoor Institute for Materials Research Director said", ["Quillmoor Institute for Materials"]),
    ],
)
def test_bodies_their_shape_shows(blank, text, bodies):
    assert [span.text for span in repair_bodies(blank(text))] == bodies


def test_the_shape_never_narrows_a_body_the_recogniser_saw(blank):
    doc = blank("the Wits Reproductive Health and HIV Institute said")
    doc.ents = [Span(doc, 1, 7, label="ORG")]
    assert repair_bodies(doc) == []  # "HIV Institute" would cut it short
    doc = blank("Centre for Quiet Streets Legal Adviser Ewa Roe")
    doc.ents = [Span(doc, 0, 5, label="ORG")]
    assert [span.text for span in repair_bodies(doc)] == ["Centre for Quiet Streets"]  # a title starts


def test_a_standalone_unit_with_a_name_of_its_own_is_a_body(blank):
    assert named_unit(blank("Saint Oda Medical Center")[:])
    assert named_unit(blank("Quillmoor Research Centre")[:])
    assert not named_unit(blank("Research Centre")[:])  # a portfolio's word first: a part of a body
    assert not named_unit(blank("Center for Flood Studies")[:])  # the unit's own word first
    assert not named_unit(blank("Gender Program")[:])  # a programme never stands alone
