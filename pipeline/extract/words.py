"""Word and token tests the speaker rules share: role words, finite verbs, places, a signature's place line."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .rules import load_rules

LEX = load_rules()


def text_at(doc: Doc, index: int) -> str:
    """The text of the token at `index`, and "" before the document's start or past its end."""
    return doc[index].text if 0 <= index < len(doc) else ""


def opens_appositive(doc: Doc, index: int) -> bool:
    """`Jane Roe, director of X,` or `Jane Roe — director, X — said`: a comma, or a dash spaced from the name."""
    text = text_at(doc, index)
    return text == "," or (text in LEX.dashes and index > 0 and bool(doc[index - 1].whitespace_))


def is_role_word(token: Token) -> bool:
    """True for a title word (`director`), also inside a hyphenated one (`co-director`)."""
    lower = token.lower_.rstrip(".")  # "Sen.", "Rep.": abbreviated titles
    return lower in LEX.role_words or any(p in LEX.role_words for p in lower.split("-") if p)


def has_role_word(text: str) -> bool:
    """True when a piece of text holds a title word, possessives and hyphens aside."""
    words = {w.lower().strip(".,’'s()") for w in re.split(r"[\s/-]+", text)}
    words |= {w.lower().strip(".,()") for w in re.split(r"[\s/]+", text)}
    return bool(words & LEX.role_words)


def finite_verb(token: Token) -> bool:
    """True for a verb that makes a clause of the words around it (not `-ing`/`-ed` forms, not modifiers; a
    finite auxiliary does: `has wrapped up a visit`)."""
    if _title_word_tagged_verb(token):
        return False  # "campaigns manager of X": a title's own word the tagger took for a verb
    return (token.pos_ == "VERB" and token.dep_ not in {"amod", "compound"} and token.tag_ not in {"VBG", "VBN"}) \
        or (token.pos_ == "AUX" and (token.dep_ not in {"aux", "auxpass"} or "Fin" in token.morph.get("VerbForm", [])))


def _title_word_tagged_verb(token: Token) -> bool:
    """`campaigns manager`, `clinical lead`: a title's modifier before a title's word, or a title's word after a
    modifier or an adjective."""
    doc = token.doc
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    previous = doc[token.i - 1] if token.i > 0 else None
    modified = previous is not None and (previous.lower_ in LEX.title_modifiers or previous.pos_ == "ADJ")
    if modified and is_role_word(token):
        return True
    return token.lower_ in LEX.title_modifiers and following is not None and is_role_word(following)


def in_parentheses(token: Token) -> bool:
    """True when the token stands inside an opened parenthesis a few tokens back."""
    doc = token.doc
    left = next((doc[i].text for i in range(token.i - 1, max(-1, token.i - 6), -1) if doc[i].text in "()"), "")
    return left == "("


def signature_place(doc: Doc, index: int) -> bool:
    """`... Secretary-General New York, 14 March 2021`: the place and date under a signature."""
    token = doc[index]
    if token.ent_type_ != "GPE" or token.ent_iob_ != "B":
        return False
    end = index
    while end < len(doc) and doc[end].ent_type_ == "GPE" and (end == index or doc[end].ent_iob_ == "I"):
        end += 1
    if end >= len(doc) or "\n" in doc[end - 1].whitespace_:
        return True
    return doc[end].text == "," and end + 1 < len(doc) and (
        doc[end + 1].like_num or doc[end + 1].lower_ in LEX.months)


def is_country_word(text: str) -> bool:
    """True for a one-word country name or demonym (`Mexico`, `Syrian`), never a region."""
    from .countries import REGION, gazetteer

    code, needs_place = gazetteer().get(text, (None, True))[:2]
    return code is not None and code != REGION and not needs_place and text[:1].isupper() and " " not in text


def is_place(text: str) -> bool:
    """True for any place the gazetteer knows (a country, a city, a region), a leading `the` aside."""
    from .countries import gazetteer

    return re.sub(r"^the\s+", "", text) in gazetteer()


_IN_PLACE = re.compile(r"^\s*(?:\([^()]*\)\s*)?in\s+(.+)$")


def in_place(text: str) -> bool:
    """`in Kenya`, `(BLX) in Portugal`: the words after a body's name in a title say where it is, no more."""
    where = _IN_PLACE.match(text)
    return where is not None and is_place(where.group(1).strip(" ,"))


def company_ending(word: str) -> bool:
    """`Health` of `Luma Health`, `Inc.`: a word that ends companies' names and no person's."""
    return word.lower().rstrip(".") in LEX.company_endings
