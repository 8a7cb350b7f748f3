"""Bodies: an organisation's name as written (org_name), whether an entity names a body (is_body), and the
capitalised words a body's name runs over. Which body a speaker speaks for is decided in organization.py."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .rules import load_rules
from .words import is_country_word, is_place, is_role_word, text_at

LEX = load_rules()

# Words that premodify a title as part of it, never the body's name: "Senior", "Federal", "Project".
_TITLE_OWN_WORDS = LEX.role_modifiers | LEX.unit_words


def org_name(ent: Span) -> str:
    """The organisation as written: no leading "the", no possessive, no role words the recogniser swept in,
    and a hyphenated tail kept ("Brightwater-Spain")."""
    doc = ent.doc
    end = ent.end
    while end < len(doc) - 1 and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_:
        end += 2
    if is_country_word(text_at(doc, end)):
        end += 1  # "Harbour Trust UK", "Brightwater USA": the national section
    if text_at(doc, end) in LEX.possessives and (after := name_after_possessive(doc, ent.start, end + 1)):
        end = after  # "the St. Brigid's" + "Hospice": a possessive inside the name, the name going on after it
    owner = next((t.i for t in doc[ent.start + 1:end] if t.text in LEX.possessives
                  and not name_after_possessive(doc, ent.start, t.i + 1)), None)
    end = owner if owner is not None else end  # "Harbour Trust USA’s Security Program": the owner of a part
    tokens = list(doc[ent.start:end])
    cut = next((n for n, t in enumerate(tokens) if t.text in LEX.dashes and t.whitespace_), None)
    tokens = tokens[:cut] if cut else tokens  # "The Water Trust- Opening Plenary": a headline's separator
    while len(tokens) > 1 and (is_role_word(tokens[-1]) or (tokens[-1].lower_ in _TITLE_OWN_WORDS
                               and tokens[-1].lower_ not in LEX.organization_words)):
        tokens.pop()  # "Council of Coastal Mayors Senior", "Open Lanes Network Campaigns": the title's words
    text = "".join(t.text_with_ws for t in tokens).strip()
    text = re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)
    return re.sub(r"[’']s$", "", text).strip()


def name_after_possessive(doc: Doc, start: int, at: int) -> int | None:
    """Where a body's name that runs from `start` on through a possessive ends (`St. Brigid's Hospice`),
    or None when the possessive is an owner's: the words before it name a body of their own
    (`University of Harbourside's Institute`), or the capitalised words after it are a title or a part
    of a body (`Brovia's Chief Executive`, `Harbour Trust USA's Security Program`)."""
    if any(t.lower_ in LEX.organization_words or (t.is_upper and len(t) > 1) for t in doc[start:at - 1]):
        return None  # "University of Harbourside's", "HMG's": a body's own name, or its acronym
    end = at
    while end < len(doc) and (doc[end].is_title or doc[end].is_upper) and doc[end].is_alpha:
        if doc[end].lower_ in LEX.unit_words:
            return None  # "Harbour Trust USA's Security Program": a part of the owner's body
        if is_role_word(doc[end]) or doc[end].lower_ in LEX.role_modifiers:
            break  # "Riverside Children's Fund Vice President": the title starts
        end += 1
    return end if end > at else None


def is_body(ent: Span) -> bool:
    """An ORG entity that names a body, not a part of one or a title: not `the Gender Program`, not
    `Adviser on Land ... Rights`, not `(ICRC)` after the full name, not a region."""
    doc = ent.doc
    first = ent[1] if len(ent) > 1 and ent[0].lower_ == "the" else ent[0]  # "the Minister of Health" is a title
    if first.lower_ in LEX.role_words or ent[-1].lower_ in LEX.unit_words or is_place(ent.text) \
            or all(is_role_word(t) or t.lower_ in _TITLE_OWN_WORDS for t in ent) \
            or (len(ent) == 1 and ent[0].lower_ in LEX.generic_body_words):
        return False  # "Project Coordinator", "Federal" of "Federal Councillor": the title's own; "the Board"
    if text_at(doc, ent.start - 1) == "(":
        return False
    # "Secretary of State", "Minister of Health": one word after "<role> of" is part of the title.
    return not (len(ent) == 1 and ent.start >= 2 and doc[ent.start - 1].lower_ == "of"
                and doc[ent.start - 2].lower_ in LEX.role_words)


def _name_end(span: Span, start: int) -> int:
    """Where the capitalised words of a name starting at `start` end, inside the span, small words such as
    `of` and `&` inside it but not at its end."""
    doc = span.doc
    end = start
    if start < span.end and doc[start].lower_ in LEX.name_fillers:
        return start  # "of the University": a name starts with a capitalised word
    while end < span.end and (doc[end].is_title or doc[end].is_upper or doc[end].lower_ in LEX.name_fillers):
        end += 1
    while end > start and doc[end - 1].lower_ in LEX.name_fillers:
        end -= 1
    return end


def _named_body(span: Span, start: int) -> Span | None:
    """Capitalised words from `start` (a `the` before them skipped) that may name a body: some words,
    no place's name and no title word among them."""
    start += start < span.end and span.doc[start].lower_ == "the"
    words = span.doc[start:_name_end(span, start)]
    return words if len(words) and not is_place(words.text) and not any(map(is_role_word, words)) else None


def has_organization_word(text: str) -> bool:
    """True when a name holds a word only organisations' names hold (`Trust`, `Inc.`): a body, not a
    title's portfolio (`Research and Evaluation`, `Coastal Affairs`)."""
    return any(w.lower().strip(".,’'") in LEX.organization_words for w in text.split())
