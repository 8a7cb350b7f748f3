"""The windowed matcher finds exactly what spaCy's Matcher finds over the whole document."""
from __future__ import annotations

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.extract.spokespeople import SPEAKER_PATTERNS
from pipeline.extract.windowed import WindowedMatcher

WORDS = ["Said", "said", "the", "Harbour", "Trust", ":", "“", "according", "to", "statement", "by", "Roe", ","]


def _vocab() -> Vocab:
    return spacy.blank("en").vocab  # with the language's word shapes (IS_TITLE, LOWER)


def _whole(vocab: Vocab, patterns: dict[str, list[list[dict]]], doc: Doc) -> list[tuple[int, int, int]]:
    matcher = Matcher(vocab)
    for name, named in patterns.items():
        matcher.add(name, named)
    return sorted(matcher(doc))


def test_same_matches_as_the_whole_document_with_overlapping_windows():
    vocab = _vocab()
    patterns = {"said_the": [[{"LOWER": "said"}, {"LOWER": "the", "OP": "?"}, {"IS_TITLE": True}]],
                "colon": [[{"ORTH": {"IN": [":"]}}, {"ORTH": "“"}]]}
    words = ["Roe", "said", "the", "Harbour", "said", "Trust", ":", "“", "said", ":", "“", "Roe", "SAID"]
    doc = Doc(vocab, words=words)
    windowed = WindowedMatcher(vocab, patterns)
    assert windowed.windowed
    # six start words; a window reaches three tokens on, and windows that overlap are joined
    assert windowed.windows(doc) == [(1, 4), (4, 12), (12, 13)]
    assert sorted(windowed(doc)) == _whole(vocab, patterns, doc) != []


def test_patterns_that_can_start_anywhere_search_the_whole_document():
    vocab = _vocab()
    doc = Doc(vocab, words=["the", "the", "Harbour", "Trust", "said"])
    for pattern in ([{"LOWER": "the", "OP": "?"}, {"IS_TITLE": True}],  # an optional first token
                    [{"IS_TITLE": True}],  # no word named
                    [{"LOWER": "the"}, {"LOWER": "the", "OP": "+"}],  # no longest match
                    [{"LOWER": {"REGEX": "^th"}}]):  # words named otherwise
        windowed = WindowedMatcher(vocab, {"p": [pattern]})
        assert not windowed.windowed
        assert sorted(windowed(doc)) == _whole(vocab, {"p": [pattern]}, doc) != []


_TOKEN = st.fixed_dictionaries({"LOWER": st.sampled_from(["said", "the", "trust", "to"])},
                               optional={"OP": st.sampled_from(["?", "!"])})
_FIRST = st.one_of(st.fixed_dictionaries({"LOWER": st.lists(st.sampled_from([w.lower() for w in WORDS]), min_size=1,
                                                                     max_size=3).map(lambda ws: {"IN": ws})}),
                   st.fixed_dictionaries({"ORTH": st.sampled_from(WORDS)}))


@settings(max_examples=200, deadline=None)
@given(words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=40),
       patterns=st.lists(st.tuples(_FIRST, st.lists(_TOKEN, max_size=3)), min_size=1, max_size=4))
def test_generated_patterns_and_documents_match_alike(words, patterns):
    vocab = _vocab()
    named = {f"p{n}": [[first, *rest]] for n, (first, rest) in enumerate(patterns)}
    doc = Doc(vocab, words=words)
    windowed = WindowedMatcher(vocab, named)
    assert windowed.windowed
    assert sorted(windowed(doc)) == _whole(vocab, named, doc)


def test_the_speaker_patterns_are_searched_in_windows():
    assert WindowedMatcher(_vocab(), SPEAKER_PATTERNS).windowed  # a pattern that starts anywhere costs 5x
