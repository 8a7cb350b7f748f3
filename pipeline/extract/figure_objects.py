"""What a figure counts or measures: the noun phrase its number's parse points to, found step by step."""
from __future__ import annotations

from collections.abc import Callable, Collection

from spacy.tokens import Span, Token

from .. import settings
from .doctext import doc_index, doc_text
from .rules import load_rules

LEX = load_rules()
MEASURE = "MEASURE"  # the label of a number and the unit written after it, taken as one phrase
_NOUNS = frozenset({"NOUN", "PROPN"})
_VERBS = frozenset({"VERB", "AUX"})
# The relations climbed from a number to the verb of its clause (`exports were worth £612 billion`).
_CLIMBED = frozenset({"pobj", "dobj", "attr", "npadvmod", "acomp", "oprd", "prep", "quantmod", "nummod", "advmod",
                      "amod"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# The words and parts of speech cut from the left of an object: `more than 39,000 unaccompanied children`.
_CUT_BEFORE = LEX.qualifiers | {"per", "cent", "percent", "of", "DET", "NUM"}
# The phrases after a noun that belong to what is counted (`victims of sexual assault`), and those that do not.
_KEPT_AFTER = frozenset({"prep", "relcl", "acl", "dobj"})
_NOT_KEPT = frozenset({"in", "on", "at", "during", "since"})
# "the total number of detainees" counts detainees; "a 50% fall in executions" measures executions.
_PASSED_ON = {**{word: ("change_in", frozenset({"in", "of"})) for word in LEX.change_nouns},
              **{word: ("amount_of", frozenset({"of"})) for word in LEX.amount_nouns}}
_FACT_LINE = ("number of", "percentage of", "share of")


def measured(span: Span) -> Span:
    """The number and the unit written after it (`120 mg/dL`) as one phrase: what it measures hangs on the unit."""
    doc, end = span.doc, span.end
    while end < len(doc) and doc[end].lower_ in _UNIT_WORDS:
        end += 1
    return Span(doc, span.start, end, label=MEASURE)


_UNIT_WORDS = frozenset(word for form in LEX.units for word in form.replace("/", " / ").split())


def _objects_of(noun: Token, links: Collection[str]) -> list[Token]:
    """The objects of the noun's prepositions among `links`: `victims` of `number of victims`."""
    return [c for prep in noun.children for c in prep.children
            if (prep.dep_, c.dep_) == ("prep", "pobj") and prep.lower_ in links]


def _noun_before_measure(span: Span) -> list[Token]:
    """`Tablets 200mg`: a measure printed right after a noun, or a word written with a capital, measures it."""
    text = doc_text(span.doc)
    return [t for t in span.doc[max(0, span.start - 1):span.start]
            if span.label_ == MEASURE and t.is_alpha and (t.pos_ in _NOUNS or text[t.idx].isupper())]


def _share_of(span: Span) -> list[Token]:
    head = span.root.head  # "49.8 per cent of the 47,500 instances": what the share is of
    return [t for t in _objects_of(head, {"of"}) if head.i >= span.end and head.lower_ in LEX.percent_words]


def _modified_noun(span: Span) -> list[Token]:
    head = span.root.head  # "39,000 unaccompanied children"
    return [t for t in [head] if t.i >= span.end and t.pos_ in _NOUNS]


def _of_in_for_phrase(span: Span) -> list[Token]:
    return _objects_of(span.root, {"of", "in", "for"})


def _noun_of_number(span: Span) -> list[Token]:
    """`revenue of $4.2 billion`, `a deficit of 3 percent`: the noun the number is the `of` phrase of
    (`a total of 500 people` is an amount: the people are counted, found by the steps before this one)."""
    link = span.root.head
    return [noun for noun in [link.head] if (span.root.dep_, link.lower_, noun.pos_) == ("pobj", "of", "NOUN")
            and noun.i < span.start and noun.lower_ not in LEX.amount_nouns]


def _measured_by(span: Span) -> list[Token]:
    """`cut the risk of death by 61%`, `closed its round with €8.3M`: after `by`, `with` or `at` a number
    measures the object of the verb the phrase hangs on, or the noun it hangs on (`plaques by 59 percent`)."""
    link = span.root.head
    head = link.head
    found = [c for c in head.children if c.dep_ == "dobj"] if head.pos_ in _VERBS else [head]
    return [t for t in found if span.root.dep_ == "pobj" and link.lower_ in LEX.measure_links
            and t.i < span.start and t.pos_ in _NOUNS]


def _purpose(span: Span) -> list[Token]:
    """`$71 million to build 1,642 homes`, `pledges $71 million to build homes`: what money is to do counts it."""
    root = span.root
    clauses = [*root.children, *(c for c in root.head.children if root.dep_ == "dobj")]
    return [c for c in clauses if c.dep_ in {"relcl", "acl", "advcl", "xcomp"} and c.pos_ == "VERB"
            and c.i > root.i and any((a.dep_, a.lower_) == ("aux", "to") for a in c.children)]


def _converted(span: Span) -> list[Token]:
    """`$557 billion (KRW 730 trillion)`: a number beside another one in other units counts what that one
    counts (another number is passed on to its own object)."""
    return [t for t in [span.root.head] if span.root.dep_ == "appos" and t.like_num]


def _clause_subject(span: Span) -> list[Token]:
    """`exports were worth £612 billion`, `the number rose to 47`: the subject is what the number measures."""
    token, came_through = span.root, ""
    for _ in range(settings.CLAUSE_SUBJECT_MAX_HOPS):
        if token.dep_ not in _CLIMBED:
            return []
        token = token.head
        if token.pos_ in _VERBS:
            return _subject_of(token, span, came_through)
        came_through = token.lower_
    return []


def _subject_of(verb: Token, span: Span, came_through: str) -> list[Token]:
    """The subject nearest the verb (`Kerry, Keating: MA fire departments win $700k`), or the noun before an
    infinitive's `to` (`Fire Departments to Receive $1.2 Million`); with none, what is brought to the number
    (`bringing the total number of shelters to 47`)."""
    doc = verb.doc
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS][-1:] or [
        doc[max(0, c.i - 1)] for c in verb.children if (c.dep_, c.lower_) == ("aux", "to")]
    brought = [c for c in verb.children if (c.dep_, came_through, bool(subjects)) == ("dobj", "to", False)]
    return [t for t in (subjects or brought)[:1] if t.pos_ in _NOUNS and not span.start <= t.i < span.end]


def _number_of_line(span: Span) -> list[Token]:
    """`18,000 - Number of refugees ...`: a fact line names its object after `number of`."""
    doc = span.doc
    after = doc[span.end:span.end + settings.OBJECT_LOOKAHEAD_TOKENS]
    named = [doc[t.i + 1] for t in after if t.lower_ == "of" and t.i + 1 < len(doc)][:1]
    return [t if t.pos_ == "NOUN" else t.head for t in named
            if after.text.lower().lstrip(" -–—").startswith(_FACT_LINE)]


def _next_noun(span: Span) -> list[Token]:
    return [t for t in span.doc[span.end:span.end + settings.OBJECT_LOOKAHEAD_TOKENS] if t.pos_ in _NOUNS][:1]


# What a number counts, step by step over the parse: the first step that names a noun other than a unit
# ("140 mg", "100 miles": what the number is written in) wins, and names the figure's object_rule.
OBJECT_STEPS: tuple[tuple[str, Callable[[Span], list[Token]]], ...] = (
    ("noun_before_measure", _noun_before_measure),
    ("share_of", _share_of),
    ("modified_noun", _modified_noun),
    ("of_in_for_phrase", _of_in_for_phrase),
    ("noun_of_number", _noun_of_number),
    ("measured_by", _measured_by),
    ("purpose", _purpose),
    ("converted", _converted),
    ("clause_subject", _clause_subject),
    ("number_of_line", _number_of_line),
    ("next_noun", _next_noun),
)


def object_of(span: Span, hops: int = settings.OBJECT_NUMBER_HOPS) -> tuple[str | None, str | None]:
    """The noun phrase the number counts, read from the dependency parse, and the step that found it. Another
    number is no object: `$340 million of $1 billion in fines` counts what the other number counts."""
    doc = span.doc
    noun, step = next(((noun, step) for step, find in OBJECT_STEPS for noun in find(span)
                       if noun.lower_ not in LEX.units and (hops or not noun.like_num)), (None, None))
    if noun is None:
        return None, None
    if noun.like_num:
        return object_of(doc_index(doc).entity_at(noun.i) or doc[noun.i:noun.i + 1], hops - 1)
    suffix, links = _PASSED_ON.get(noun.lower_, ("", ()))
    for counted in _objects_of(noun, links)[:1]:
        noun, step = counted, f"{step}:{suffix}"
    left = noun.left_edge.i
    # `39,000 unaccompanied children`: the number and what comes before it are not the object; in `the
    # refugee cap of 95,000` the noun's own words come first and stay.
    number_first = span.start < noun.i
    while left < noun.i and ((number_first and left < span.end) or doc[left].is_punct
                             or not _CUT_BEFORE.isdisjoint((doc[left].lower_, doc[left].pos_))):
        left += 1
    right = noun.i + 1
    for child in noun.rights:
        if child.dep_ in _KEPT_AFTER and child.lower_ not in _NOT_KEPT:
            if child.i < span.start < child.right_edge.i + 1:
                break  # `revenue of $4.2 billion`: the phrase that holds the number is not what it counts
            right = max(right, min(child.right_edge.i + 1, noun.i + settings.OBJECT_MAX_TOKENS))
            break
    words = doc_text(doc)[doc[left].idx:doc[right - 1].idx + len(doc[right - 1])].strip(" \n,.;:-–—")
    return (words, step) if words else (None, None)
