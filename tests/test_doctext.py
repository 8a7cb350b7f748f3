"""Looking words up in a parsed document: by the word alone, by a label, and the text it was made from."""
from __future__ import annotations

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import settings as pipeline_settings
from pipeline.extract import doctext, line_breaks
from pipeline.extract.doctext import doc_text, label_positions, word_positions, written_as

BLANK = spacy.blank("en")


def _capitalised(word) -> bool:
    return word.is_title


def test_word_positions_are_the_tokens_whose_word_passes_and_each_word_is_tested_once():
    seen = []

    def trust(word) -> bool:
        seen.append(word.text)
        return word.lower_ == "trust"

    doc = BLANK("The Harbour Trust and the trust of the Trust.")
    assert word_positions(doc, trust) == [2, 5, 8]
    assert sorted(seen) == sorted(set(seen))  # `the` and `Trust` each tested once
    before = len(seen)
    assert word_positions(BLANK("A second Trust"), trust) == [2]
    assert seen[before:] == ["A", "second"]  # `Trust` is known from the first document


def test_what_is_kept_is_bounded(monkeypatch):
    monkeypatch.setattr(pipeline_settings, "WORD_TESTS_KEPT", 3)
    for n in range(10):
        word_positions(BLANK(f"word{n} other{n} more{n} last{n}"), _capitalised)
    assert len(doctext._WORD_TESTS[_capitalised]) <= 3 + 4


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["Harbour", "trust", "Trust", "said", ",", "\n", "\n\n", "Roe", "42"]), max_size=30))
def test_word_positions_equal_a_scan_of_every_token(words):
    doc = BLANK(" ".join(words))
    assert word_positions(doc, _capitalised) == [t.i for t in doc if t.is_title]


def test_label_positions():
    doc = BLANK("Jane Roe said it")
    doc[1].dep_ = "nsubj"
    doc[3].dep_ = "nsubj"
    assert label_positions(doc, "DEP", "nsubj") == [1, 3]
    assert label_positions(doc, "DEP", "dobj") == []


def test_a_document_keeps_the_text_it_was_made_from():
    text = "Harbour Trust\n\nopens a clinic.  "
    doc = written_as(BLANK.make_doc(text), text)
    assert doc_text(doc) == text == doc.text


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["Title", "words", ".", "\n", "\n\n", " ", "  \n", "Next"]), max_size=25))
def test_line_breaks_start_a_sentence_after_every_break(pieces):
    doc = line_breaks(BLANK.make_doc("".join(pieces)))
    for token in doc[1:]:
        before = doc[token.i - 1]
        if "\n" in before.text_with_ws and not token.is_space:
            assert token.is_sent_start
        elif token.is_space:
            assert token.is_sent_start is False
