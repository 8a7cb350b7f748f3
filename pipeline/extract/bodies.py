"""Bodies: the organisation a title names, found by one ordered table of named steps (ORGANIZATION_IN_TITLE)."""
from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Span

from .. import settings
from .doctext import doc_index
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
    while len(tokens) > 1 and (is_role_word(tokens[-1]) or tokens[-1].lower_ in _TITLE_OWN_WORDS
                               and tokens[-1].lower_ not in LEX.organization_words):
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
            or len(ent) == 1 and ent[0].lower_ in LEX.generic_body_words:
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


def _capitalised_body(span: Span, text: str, entities: list[Span]) -> str | None:
    """`... at Open Borders Network`, `CEO Coastal Institute of Learning`: capitalised words after
    `at`/`of`/`for`/`with` or a title word that the recogniser did not tag, holding a word only
    organisations' names hold, two words at least ("for the Agency", "of the Board" alone are the
    publisher's own parts), not a unit's name. The last such name wins: in `Director of Research and
    Evaluation of the Greywater Alliance` the first `of` phrase is the title's own portfolio."""
    comma = next((t.i for t in span if t.text == ","), span.end)  # after a comma: _body_after_comma
    for token in reversed(span.doc[span.start:min(comma, span.end - 1)]):
        words = _named_body(span, token.i + 1) if token.lower_ in LEX.body_links or is_role_word(token) else None
        if words is not None and len(words) > 1 and {t.lower_ for t in words} & LEX.organization_words \
                and words[-1].lower_ not in LEX.unit_words:
            return words.text
    return None


def _body_after_comma(span: Span, text: str, entities: list[Span]) -> str | None:
    """`Director, Brightwater`, `Deputy Minister of Fisheries, Government of Norway`: after a comma, a
    capitalised name up to the next comma that is no title and no place, after a bare title or holding
    an organisation's word."""
    doc = span.doc
    for comma in (t.i for t in span[1:-1] if t.text == ","):
        words = _named_body(span, comma + 1)
        if words is not None and (words.end == span.end or doc[words.end].text == ",") \
                and not any(t.ent_type_ in LEX.place_labels for t in words) \
                and (is_role_word(doc[comma - 1]) or {t.lower_ for t in words} & LEX.organization_words):
            return words.text
    return None


def body_after_title(title: Span) -> str | None:
    """`Director of Programmes, Brovia Inc.`: the body named after a title and a comma: an ORG entity that
    names a body, or capitalised words holding an organisation's word, up to a comma or the clause's end."""
    doc = title.doc
    at = title.end + 1
    following = doc_index(doc).entity_at(at)
    if following is not None and following.label_ == "ORG" and following.start == at and is_body(following):
        return org_name(following)
    words = _named_body(doc[at:min(len(doc), at + settings.ROLE_MAX_TOKENS)], at)
    if words is None or not {t.lower_ for t in words} & LEX.organization_words or text_at(doc, words.end) not in {
            ",", ":", ".", "", "said", "says"}:
        return None
    return words.text


def body_named_by(span: Span) -> str | None:
    """The body a phrase names and nothing else (`the Harbour Trust`, `Brovia Inc.`): an ORG entity that names
    a body and covers it, or capitalised words holding an organisation's word."""
    entity = next((e for e in doc_index(span.doc).between("ORG", span.start, span.end) if e.end <= span.end), None)
    if entity is not None and is_body(entity) and span.end - entity.end <= 1:
        return org_name(entity)
    words = _named_body(span, span.start)
    if words is None or words.end != span.end or not {t.lower_ for t in words} & LEX.organization_words:
        return None
    return words.text


def _whole_body(span: Span, text: str, entities: list[Span]) -> str | None:
    """`Jane Roe, Government of Norway`: an appositive that is a body's name alone, with no title."""
    words = _named_body(span, span.start)
    if words is None or words.end != span.end or not {t.lower_ for t in words} & LEX.organization_words:
        return None
    return words.text


def _linked_body(span: Span, text: str, entities: list[Span]) -> str | None:
    """`Executive Vice-President Research & Development at Brovia`, `the CEO of Pinto’s`: a title that
    ends with `at` a name, or with `of` a name after a title that heads a whole body (LEX.body_heads),
    names the body however short the name, before any department tagged earlier in the title. The name
    runs to the title's end, save a possessive (Pinto’s) or a bracketed acronym after it."""
    doc = span.doc
    link = next((t for t in reversed(span[1:]) if t.lower_ == "at" or t.lower_ == "of"
                 and doc[t.i - 1].lower_ in LEX.body_heads), None)
    words = _named_body(span, link.i + 1) if link is not None else None
    if words is None or all(t.lower_ in LEX.generic_body_words for t in words):
        return None
    tail = doc[words.end:span.end].text
    if tail not in LEX.possessives and tail[:1] not in {"", "("}:
        return None
    entity = next((e for e in entities if e.start == words.start and e.end == words.end), None)
    return (org_name(entity) if entity is not None else words.text) + (tail if tail in LEX.possessives else "")


def _leading_body(span: Span, text: str, entities: list[Span]) -> str | None:
    """`UNESCO assistant director-general`, `a Save the Children Global Ambassador`: the body's name
    premodifying the title: an ORG entity, an acronym, capitalised words holding an organisation's word,
    or, after `a`/`an`, the capitalised words before the title's own words (`Global Ambassador`)."""
    doc = span.doc
    start = span.start + (span[0].pos_ == "DET")
    first_role = next((t.i for t in doc[start:span.end] if is_role_word(t)), None)
    if first_role is None or first_role == start:
        return None
    entity = next((e for e in entities if e.start == start and is_body(e)), None)
    if entity is not None and entity.end <= first_role + 1 and not all(
            t.lower_ in _TITLE_OWN_WORDS for t in doc[entity.start:first_role]):  # "Project Coordinator"
        return org_name(doc[entity.start:min(entity.end, first_role)])
    leading = re.match(r"^[A-Z]{3,}(?:-[A-Z][a-z]+)?\b", text)
    if leading and len(text.split()) > 1 and leading.group(0).lower() not in LEX.role_words \
            and not any(e.start == span.start for e in entities):
        return leading.group(0)
    title_start = first_role
    while title_start > start and doc[title_start - 1].lower_ in LEX.role_modifiers:
        title_start -= 1  # "Global Ambassador", "Senior Policy Adviser": the title's own words
    words = doc[start:title_start]
    if len(words) > 3 and words[-1].text == ")" and words[-3].text == "(":
        words = words[:-3]  # "Coastal Fisheries Association (CFA) President": the acronym
    if not len(words) or not all(t.is_title or t.is_upper or t.lower_ in {"the", "of", "&", "-"} for t in words) \
            or is_place(words.text) or any(t.ent_type_ in LEX.place_labels for t in words):
        return None
    # A unit word alone ("Project Coordinator", "Campaign Manager") is the title's own.
    named = {t.lower_ for t in words} - _TITLE_OWN_WORDS & LEX.organization_words or span[0].lower_ in {"a", "an"}
    # "Rights Watchers Executive Director", "a Save the Children Global Ambassador"
    return words.text if named else None


def _possessive_owner(span: Span, text: str, entities: list[Span]) -> str | None:
    """`Harbour Trust USA's Security Program`: the body whose possessive the title holds."""
    doc = span.doc
    owner = next((e for e in entities if is_body(e) and (
        (e.end + 1 < span.end and doc[e.end].text in LEX.possessives
         and not name_after_possessive(doc, e.start, e.end + 1))
        or (e.end < span.end and e[-1].text in LEX.possessives
            and not name_after_possessive(doc, e.start, e.end)))), None)
    if owner is not None:
        return org_name(owner)
    # "Brovia's executive vice president": capitalised words opening the title, whatever the recogniser
    # took them for, save a place ("Kenya's health minister") or a person's full name.
    words = _named_body(span, span.start)
    if words is None or words.end + 1 >= span.end or doc[words.end].text not in LEX.possessives \
            or len(words) > 1 and any(t.ent_type_ == "PERSON" for t in words) \
            or name_after_possessive(doc, words.start, words.end + 1):
        return None  # "Riverside Children's Fund Senior Researcher": the possessive is inside the name
    return words.text


def _last_body(span: Span, linked: bool) -> Span | None:
    """The last ORG entity of the title that names a body, if it follows `of`/`at`/`for`/`with` (linked)
    or if it does not (`executive director Relief International USA`)."""
    doc = span.doc
    body = next((e for e in reversed(doc_index(doc).between("ORG", span.start, span.end))
                 if e.end <= span.end and is_body(e)), None)
    if body is None:
        return None
    link = doc[body.start - 1 - (doc[body.start - 1].lower_ == "the")] if body.start > span.start + 1 else None
    return body if (link is not None and link.lower_ in LEX.body_links) == linked else None


def _body_after_link(span: Span, text: str, entities: list[Span]) -> str | None:
    body = _last_body(span, linked=True)  # "... at Amnesty International"
    return org_name(body) if body is not None else None


def _body_in_title(span: Span, text: str, entities: list[Span]) -> str | None:
    body = _last_body(span, linked=False)  # "executive director Relief International USA"
    return org_name(body) if body is not None else None


# The organisation chain's steps inside a title, in order: the first that names a body wins.
ORGANIZATION_IN_TITLE: tuple[tuple[str, Callable[[Span, str, list[Span]], str | None]], ...] = (
    ("possessive", _possessive_owner),
    ("org_in_role", _leading_body),
    ("of_at_for_after_role", _linked_body),
    ("of_at_for_after_role", _body_after_link),
    ("org_in_role", _body_in_title),
    ("of_at_for_after_role", _capitalised_body),
    ("of_at_for_after_role", _body_after_comma),
    ("of_at_for_after_role", _whole_body),
)


def body_after_name(person: Span) -> str | None:
    """`Professor Jane Roe of the University of X`: a body joined to the name itself by of/at/from, for
    a title printed before the name that named none: an ORG entity that names a body, or capitalised
    words holding an organisation's word."""
    doc = person.doc
    link = person.end
    if link + 1 >= len(doc) or doc[link].lower_ not in {"of", "at", "from"}:
        return None
    start = link + 1 + (doc[link + 1].lower_ == "the")
    entity = doc_index(doc).entity_at(start)
    if entity is not None and entity.label_ == "ORG" and entity.start >= link + 1 and is_body(entity):
        return org_name(entity)
    words = _named_body(doc[link + 1:min(len(doc), link + 12)], link + 1)
    if words is not None and {t.lower_ for t in words} & LEX.organization_words:
        return words.text
    return None
