"""What the extractors look up in a parsed document, built once per document.

`Doc.text` joins every token again on each access, `Doc.ents` builds a new tuple of spans on each
access and `Token.sent` scans for the sentence's edges: in a loop over a long document each of them
makes the extractors quadratic. `doc_text` and `doc_index` read them once and keep the result in the
document's user data, until `forget` (the pipeline's last component) drops it: a DocIndex holds spans,
which a serialised Doc cannot carry.
"""
from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.lexeme import Lexeme
from spacy.tokens import Doc, Span

from .. import settings

_KEY = "pipeline.text"
_INDEX = "pipeline.index"


def doc_text(doc: Doc) -> str:
    """`doc.text`, built on the first call for this document and kept in its user data after that."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text


def text_lines(doc: Doc) -> list[tuple[int, str]]:
    """The document's lines, each with the character offset it starts at."""
    lines, offset = [], 0
    for line in doc_text(doc).split("\n"):
        lines.append((offset, line))
        offset += len(line) + 1
    return lines


@dataclass(slots=True)
class DocIndex:
    """Entities and sentences of one document, with lookups by token position."""

    doc: Doc
    ents: tuple[Span, ...]
    ent_of: list[int]  # token index -> index into ents, -1 outside any entity
    sents: list[Span]
    sent_of: list[int]  # token index -> index into sents
    memo: dict = field(default_factory=dict)  # what an extractor computed once for this document
    _starts: dict[str, list[int]] = field(default_factory=dict)
    _by_label: dict[str, list[Span]] = field(default_factory=dict)
    _by_last: dict[str, dict[str, list[Span]]] = field(default_factory=dict)

    def labelled(self, label: str) -> list[Span]:
        """Entities of one label, in document order."""
        found = self._by_label.get(label)
        if found is None:
            found = self._by_label[label] = [e for e in self.ents if e.label_ == label]
            self._starts[label] = [e.start for e in found]
        return found

    def between(self, label: str, start: int, end: int) -> list[Span]:
        """Entities of one label that start in tokens [start, end), in order: a binary search, not a scan."""
        found = self.labelled(label)
        starts = self._starts[label]
        out = []
        for n in range(bisect_left(starts, start), len(found)):
            if found[n].start >= end:
                break
            out.append(found[n])
        return out

    def entity_at(self, index: int) -> Span | None:
        n = self.ent_of[index] if 0 <= index < len(self.ent_of) else -1
        return self.ents[n] if n >= 0 else None

    def entity_starting(self, label: str, at: int) -> Span | None:
        """The entity of one label that starts at token `at`, if any."""
        ent = self.entity_at(at)
        return ent if ent is not None and (ent.label_, ent.start) == (label, at) else None

    def entity_ending(self, label: str, at: int) -> Span | None:
        """The entity of one label that ends just before token `at`, if any."""
        ent = self.entity_at(at - 1) if at > 0 else None
        return ent if ent is not None and (ent.label_, ent.end) == (label, at) else None

    def by_last_word(self, label: str) -> dict[str, list[Span]]:
        """Entities of one label keyed by their last word, lower-cased."""
        found = self._by_last.get(label)
        if found is None:
            found = defaultdict(list)
            for ent in self.labelled(label):
                found[ent[-1].lower_].append(ent)
            self._by_last[label] = found
        return found

    def sentence(self, index: int) -> Span:
        return self.sents[self.sent_of[index]]


def _joined_sentences(doc: Doc) -> list[Span]:
    """The parser's sentences, a start it put between two words on one line with no punctuation between them
    joined to the sentence before (`Head | of Policy ... said`, `Evaluation | Nadia Roe.`): no sentence ends so."""
    sents: list[Span] = []
    for sent in doc.sents:
        before = doc[sent.start - 1] if sent.start else None
        if before is not None and not before.is_punct and not before.is_space and "\n" not in before.whitespace_ \
                and not sent[0].is_space:
            sents[-1] = doc[sents[-1].start:sent.end]
        else:
            sents.append(sent)
    return sents


def doc_index(doc: Doc) -> DocIndex:
    """The document's DocIndex, built on the first call and kept in its user data."""
    index = doc.user_data.get(_INDEX)
    if index is None or index.doc is not doc:
        ents = doc.ents
        ent_of = [-1] * len(doc)
        for n, ent in enumerate(ents):
            ent_of[ent.start:ent.end] = [n] * len(ent)
        sents = _joined_sentences(doc) if len(doc) else []
        sent_of = [0] * len(doc)
        for n, sent in enumerate(sents):
            sent_of[sent.start:sent.end] = [n] * len(sent)
        index = doc.user_data[_INDEX] = DocIndex(doc=doc, ents=tuple(ents), ent_of=ent_of, sents=sents, sent_of=sent_of)
    return index


# What each test of a word alone said of each word seen (by its id in the vocabulary): a release repeats its
# words, and the releases of a corpus repeat them more. Cleared when one grows past settings.WORD_TESTS_KEPT.
_WORD_TESTS: dict[Callable[[Lexeme], bool], dict[int, bool]] = {}


def word_positions(doc: Doc, test: Callable[[Lexeme], bool]) -> list[int]:
    """Positions of the tokens whose word passes `test`, a test of the word alone (its text, its lower-case form,
    its shape): each distinct word is tested once, and no token object is made for the others."""
    known = _WORD_TESTS.setdefault(test, {})
    if len(known) > settings.WORD_TESTS_KEPT:
        known.clear()
    vocab, found = doc.vocab, []
    for i, orth in enumerate(doc.to_array("ORTH").tolist()):
        passed = known.get(orth)
        if passed is None:
            passed = known[orth] = test(vocab[orth])
        if passed:
            found.append(i)
    return found


def label_positions(doc: Doc, attr: str, label: str) -> list[int]:
    """Positions of the tokens whose `attr` (a token attribute: the dependency label, the entity type) is `label`."""
    wanted = doc.vocab.strings[label]
    return [i for i, value in enumerate(doc.to_array(attr).tolist()) if value == wanted]


def written_as(doc: Doc, text: str) -> Doc:
    """Make doc_text give `text`: the text the document was made from (doc.text, without joining every token
    again), or doc.text in other letter case (a headline parsed again in sentence case: what an extractor quotes
    from the document is then the text as written)."""
    doc.user_data[_KEY] = text
    return doc


def forget(doc: Doc) -> Doc:
    """Drop what doc_text and doc_index kept in the document's user data."""
    doc.user_data.pop(_KEY, None)
    doc.user_data.pop(_INDEX, None)
    return doc
