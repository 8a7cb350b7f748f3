"""The organisation a spokesperson speaks for, decided in one place: one ordered table of named steps.

ORGANIZATION_STEPS runs in order and the first step that names a body wins; the step's name is the value's
organization_rule. The steps of the `title` scope read the title printed with a mention (titles.py asks
body_in_title() for them while it reads the role, so that the body can be cut out of the title); the steps
of the `speaker` scope run once per speaker, through decide(), for every spokesperson whose own title named
no body. `earlier_mention` is not a step: it records that the title giving the body was read at an earlier
mention of the same person (spokespeople.py). An organisation is a whole name (org_name), never a region.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from .. import settings
from ..records import Spokesperson
from .bodies import (
    _TITLE_OWN_WORDS,
    _named_body,
    has_organization_word,
    is_body,
    name_after_possessive,
    named_unit,
    org_name,
    past_name_list,
    past_organ,
    proper_words,
)
from .doctext import DocIndex, doc_index, doc_text, text_lines
from .rules import load_rules
from .words import has_role_word, in_place, is_place, is_role_word, text_at

LEX = load_rules()


@dataclass(frozen=True, slots=True)
class Title:
    """A role and the organisation it is held at, with the step that found each."""

    role: str | None = None
    organization: str | None = None
    role_rule: str | None = None
    organization_rule: str | None = None

def _capitalised_body(span: Span, text: str, entities: list[Span]) -> str | None:
    """`... at Open Borders Network`, `CEO Coastal Institute of Learning`: capitalised words after
    `at`/`of`/`for`/`with` or a title word that the recogniser did not tag, holding a word only
    organisations' names hold, two words at least ("for the Agency", "of the Board" alone are the
    publisher's own parts), not a unit's name. The last such name wins: in `Director of Research and
    Evaluation of the Greywater Alliance` the first `of` phrase is the title's own portfolio."""
    comma = next((t.i for t in span if t.text == ","), span.end)  # after a comma: _body_after_comma
    doc = span.doc
    for token in reversed(doc[span.start:min(comma, span.end - 1)]):
        inside = token.i > 0 and doc[token.i - 1].lower_ in LEX.organization_words  # "Department for X": one name
        # ("the Kesterton Volunteer Fire Dept.": a title's word capitalised inside a name is the name's)
        named = token.is_title and token.i > span.start and doc[token.i - 1].is_title and not is_role_word(
            doc[token.i - 1])
        link = (token.lower_ in LEX.body_links and not inside) or (is_role_word(token) and not named)
        words = _named_body(span, token.i + 1) if link else None
        if words is not None and len(words) > 1 and {t.lower_ for t in words} & LEX.organization_words \
                and (words[-1].lower_ not in LEX.unit_words or named_unit(words)) \
                and words[0].lower_ not in LEX.portfolios:
            return words.text  # ("Minister for Health and Aged Care": a portfolio's words, no body)
    return None


_SEPARATORS = frozenset({",", "|"})  # "Director, Brightwater", "Director | Brightwater" on a signature's line


def _body_after_comma(span: Span, text: str, entities: list[Span]) -> str | None:
    """`Director, Brightwater`, `Deputy Minister of Fisheries, Government of Norway`: after a comma, a
    capitalised name up to the next comma that is no title and no place, after a bare title or holding
    an organisation's word."""
    doc = span.doc
    for comma in (t.i for t in span[1:-1] if t.text in _SEPARATORS):
        if _inside_name_list(doc, comma):
            continue  # "the Coalition of Tenants, Renters and Lodgers": the comma is the body's own
        entity = doc_index(doc).entity_starting("ORG", comma + 1)
        if entity is not None and is_body(entity) \
                and (entity.end == span.end or text_at(doc, entity.end) in _SEPARATORS):
            return org_name(entity)  # "Campaigns Manager, Lakeside Tenants' Union": the body's whole name
        words = _named_body(span, comma + 1)
        if words is None or not (words.end == span.end or doc[words.end].text in _SEPARATORS):
            continue
        # After a title, a name that no gazetteer knows as a place (the recogniser takes an invented brand,
        # `Veltrix`, for a town); else a name holding an organisation's word that names no place.
        if has_role_word(doc[span.start:comma].text) and _brand_like(words, last_may_be_field=len(words) > 1):
            return words.text
        if not any(t.ent_type_ in LEX.place_labels for t in words) and _marked_as_body(words):
            return words.text
    return None


def _inside_name_list(doc: Doc, comma: int) -> bool:
    """A comma inside a body's name that ends with a list closed by `and` (`Coalition of Tenants, Renters and
    Lodgers`): a capitalised word that is no title's or portfolio's before it, `of`/`for` before that."""
    before = doc[comma - 1]
    if comma < 2 or not before.is_title or is_role_word(before) or _portfolio_word(before):
        return False
    return doc[comma - 2].lower_ in LEX.name_fillers and past_name_list(doc, comma) > comma


def _brand_like(words: Span, last_may_be_field: bool = False) -> bool:
    """Capitalised words standing where a body is named after a title: no known place, no portfolio's word at their
    ends (`Director, Marketing`), no date (`Director, March`). (The recogniser's places and people are not trusted
    here: it takes `Veltrix` for a town and `Sable Ridge Vineyards` for a person.)"""
    # (`last_may_be_field`: `Nimbrel Analytics`, not a list of fields, `Social and Cultural Rights`)
    last_may_be_field = last_may_be_field and not any(t.lower_ in {"and", "&"} for t in words)
    proper = proper_words(words)
    if (len(proper) == 1 and proper[0].lower_ in LEX.generic_body_words) or _PARTY_AND_STATE.match(words.text):
        return False  # "the Board", "the Agency": a body's common noun; "(D-OH)": a party and a state
    return bool(proper) and not is_place(words.text) and not _portfolio_word(proper[0]) \
        and proper[0].lower_ not in _TITLE_OWN_WORDS and (last_may_be_field or not _portfolio_word(proper[-1])) \
        and not any(t.ent_type_ in _WHEN for t in words)


def body_after_title(title: Span) -> str | None:
    """`Director of Programmes, Brovia Inc.`: the body named after a title and a comma: an ORG entity that
    names a body, or capitalised words holding an organisation's word, up to a comma or the clause's end."""
    doc = title.doc
    at = title.end + 1
    following = doc_index(doc).entity_starting("ORG", at)
    if following is not None and is_body(following):
        return org_name(following)
    words = _named_body(doc[at:min(len(doc), at + settings.ROLE_MAX_TOKENS)], at)
    if words is None or text_at(doc, words.end) not in {",", ":", ".", "", "said", "says"}:
        return None
    return words.text if _marked_as_body(words) or _brand_like(words) else None


def body_named_by(span: Span, after_name: bool = False) -> str | None:
    """The body a phrase names and nothing else (`the Harbour Trust`, `Brovia Inc.`): an ORG entity that names
    a body and covers it, or capitalised words that name one (_names_a_body)."""
    entity = next((e for e in doc_index(span.doc).between("ORG", span.start, span.end) if e.end <= span.end), None)
    # (covering it, an article or a stop aside: `the food program at Harvest Aid` names a unit, not the body)
    doc = span.doc
    if entity is not None and is_body(entity) and (entity.end == span.end or (
            span.end - entity.end == 1 and doc[entity.end].is_punct)) and entity.start - span.start <= 1:
        return org_name(entity)
    words = _named_to_end(span, span.start)
    return words.text if words is not None and _names_a_body(words, after_name) else None


def _named_to_end(span: Span, start: int) -> Span | None:
    """The capitalised words of a name from `start` (_named_body) when they run to the phrase's end."""
    words = _named_body(span, start) if start < span.end else None
    return words if words is not None and words.end == span.end else None


def _whole_body(span: Span, text: str, entities: list[Span]) -> str | None:
    """`Jane Roe, Government of Norway`: an appositive that is a body's name alone, with no title: capitalised
    words covering the phrase and holding an organisation's word or a possessive inside the name."""
    words = _named_to_end(span, span.start)
    return words.text if words is not None and _marked_as_body(words) else None


def lone_body(span: Span) -> str | None:
    """The body a phrase that can only name one names (`Jane Roe (Veltrix)`, `who joined Veltrix as ...`): what
    body_named_by reads, else capitalised words covering it that name no known place, portfolio or date."""
    if _PARTY_AND_STATE.match(span.text):
        return None  # "Jane Roe (D-OH)": a party and a state
    named = body_named_by(span, after_name=True)
    words = _named_to_end(span, span.start) if named is None else None
    return named or (words.text if words is not None and _brand_like(words) else None)


def _marked_as_body(words: Span) -> bool:
    """An organisation's own word (`Trust`; not `Rights`, which ends a field too) or a possessive inside the name."""
    return any(t.lower_ in _BODY_OWN_WORDS or t.text in LEX.possessives for t in words)


_BODY_OWN_WORDS = LEX.organization_words - LEX.field_words


def _names_a_body(words: Span, after_name: bool = False) -> bool:
    """Capitalised words standing where a body is named are one when they hold an organisation's word
    (`Harbour Trust`), a possessive inside the name (`the Children's Reading Circle`), or are two words or more
    that name no place, person or portfolio (`Saltmarsh Wildlife Rescue`)."""
    if _marked_as_body(words):
        return True
    proper = proper_words(words)
    # (after a name and its `of`, the recogniser's "person" is a body it misread: `Jane Roe of Saltmarsh Wildlife
    # Rescue`; elsewhere two names in a row are a list of people)
    labels = _NOT_BODIES - {"PERSON"} if after_name else _NOT_BODIES
    # A portfolio's word opening the words makes them a field (`Policy and Research`); inside a name it is the
    # name's (`Kestrel Health System`).
    return len(proper) > 1 and not any(t.ent_type_ in labels for t in words) and not _portfolio_word(proper[0])


_WHEN = frozenset({"DATE", "TIME"})
_PARTY_AND_STATE = re.compile(r"^[A-Z]\.?-[A-Z][A-Za-z.]*$")
_NOT_BODIES = LEX.place_labels | {"PERSON"} | _WHEN


def _linked_body(span: Span, text: str, entities: list[Span]) -> str | None:
    """`Executive Vice-President Research & Development at Brovia`, `the CEO of Pinto’s`: a title that
    ends with `at` a name, or with `of` a name after a title that heads a whole body (LEX.body_heads),
    names the body however short the name, before any department tagged earlier in the title. The name
    runs to the title's end, save a possessive (Pinto’s) or a bracketed acronym after it."""
    doc = span.doc
    link = next((t for t in reversed(span[1:]) if _links_body(span, t)), None)
    words = _named_body(span, link.i + 1) if link is not None else None
    if words is None or all(t.lower_ in LEX.generic_body_words for t in words):
        return None
    tail = doc[words.end:span.end].text
    if words.end < span.end and doc[words.end].text in LEX.possessives and (owned := _owned_body(span, words.end + 1)):
        return owned  # "CEO of HMG's Northfield Hospital": the body the owner's possessive names
    # ("Researcher from Veltrix in Vietnam": where the body is)
    if tail not in LEX.possessives and tail[:1] not in {"", "("} and not in_place(tail):
        return None
    entity = next((e for e in entities if e.start == words.start and e.end == words.end), None)
    return (org_name(entity) if entity is not None else past_organ(words)) + (tail if tail in LEX.possessives else "")


def _links_body(span: Span, link: Token) -> bool:
    """A title's word that links its body: `at`, `of` after a title that heads a whole body, or a link before
    capitalised words that name no portfolio."""
    if link.lower_ == "at":
        return True
    return (link.lower_ == "of" and span.doc[link.i - 1].lower_ in LEX.body_heads) or _names_no_portfolio(span, link)


def _names_no_portfolio(span: Span, link: Token) -> bool:
    """`President of Kestrova`, `spokesperson for PayPal`: a title's `of`/`for` before capitalised words that
    name no portfolio (`Director of Programmes`, `Minister for Health`) and no unit of a body."""
    doc = span.doc
    # (after the title's word, or after its own portfolio: `vice president for external affairs of Corvane`)
    # (a portfolio written in lower case sets the capitalised name after it apart; in `Head of Research for Inland
    # Waterways` the capitals may go on with the portfolio)
    role = next((t.i for t in reversed(doc[span.start:link.i]) if is_role_word(t)), None)
    if role is None or link.lower_ not in _TITLE_BODY_LINKS or doc[role].lower_ in LEX.portfolio_titles:
        return False  # ("Minister of Fisheries", "Professor of Economics": these titles name a portfolio)
    # ("Chair of the Board of Trustees from Corvane": after a whole title, `from` links the body it is held at)
    # (a title's portfolio is lower case, or a region: `head of sustainability of X`, `director for Europe of X`)
    if link.lower_ != "from" and not all(_portfolio_part(t) for t in doc[role + 1:link.i]):
        return False
    words = _named_body(span, link.i + 1)
    if words is None:
        return False
    # (an `of` chain after a portfolio or a body's organ is read by _capitalised_body, which takes the last body:
    # `Secretary of the Branch Committee of X`; `Grand Chancellor of the Sovereign Order of Malta` is one name)
    chain = next((t.i for t in words if t.lower_ in _LINKS_IN_CHAIN), words.end)
    organ = any(t.lower_ in LEX.body_nouns for t in words.doc[words.start:chain]) and chain < words.end
    proper = proper_words(words)
    # A portfolio's word at either end makes the words a field (`Programmes`, `Public Affairs`, `Coastal Affairs`);
    # inside a name it is the name's (`Kestrel Health System`).
    # (after a portfolio or a region of its own, `head of sustainability of Pennard & Rusk Engineering`, a title
    # has one: the capitalised words are the body's)
    portfolio = any(t.lower_ not in _PORTFOLIO_LINKS for t in doc[role + 1:link.i])
    field = not portfolio and (_portfolio_word(proper[0]) or (_portfolio_word(proper[-1]) and not named_unit(words)))
    return bool(proper) and not organ and not field


def _portfolio_part(token: Token) -> bool:
    """A word of the portfolio between a title's word and its body's link: lower case (`of sustainability`), a link,
    or a region (`for Europe`)."""
    return (token.is_lower and token.is_alpha) or token.lower_ in _PORTFOLIO_LINKS or token.ent_type_ in _REGIONS \
        or (token.is_title and is_place(token.text))


_REGIONS = frozenset({"GPE", "LOC"})
_LINKS_IN_CHAIN = frozenset({"of", "for"})
_TITLE_BODY_LINKS = frozenset({"of", "for", "from", "with"})
_PORTFOLIO_LINKS = frozenset({"of", "for", "on", "and", "&"})


def _portfolio_word(token: Token) -> bool:
    """A portfolio's or a unit's word, not one that owns the rest of a name (`the Children's Reading Circle`)."""
    doc = token.doc
    owner = token.i + 1 < len(doc) and doc[token.i + 1].text in LEX.possessives
    return (token.lower_ in LEX.portfolios or token.lower_ in LEX.unit_words) and not owner


def _first_role(span: Span) -> tuple[int, int] | None:
    """Where a title's words start (an article aside) and its first role word, when words stand before it."""
    doc = span.doc
    start = span.start + (span[0].pos_ == "DET")
    first_role = next((t.i for t in doc[start:span.end] if is_role_word(t)), None)
    while first_role is not None and first_role - 2 >= start and doc[first_role - 1].text in LEX.dashes \
            and not doc[first_role - 2].whitespace_ and not doc[first_role - 1].whitespace_:
        first_role -= 2  # "Co-Founder", "Vice-Chair": the title's hyphenated first part
    return (start, first_role) if first_role is not None and first_role != start else None


def _leading_entity(span: Span, text: str, entities: list[Span]) -> str | None:
    """`UNESCO assistant director-general`: an ORG entity that names a body, premodifying the title (not the
    title's own words: `Project Coordinator`)."""
    found = _first_role(span)
    entity = next((e for e in entities if found and e.start == found[0] and is_body(e)), None)
    if entity is None or found is None or entity.end > found[1] + 1 \
            or all(t.lower_ in _TITLE_OWN_WORDS for t in span.doc[entity.start:found[1]]):
        return None
    title_start = found[1]
    while title_start > entity.start + 1 and span.doc[title_start - 1].lower_ in LEX.title_modifiers:
        title_start -= 1  # "Corvane Policy Director": the title's field is the title's, not the body's
    return org_name(span.doc[entity.start:min(entity.end, title_start)])


_ACRONYM = re.compile(r"^[A-Z]{3,}(?:-[A-Z][a-z]+)?\b")


def _leading_acronym(span: Span, text: str, entities: list[Span]) -> str | None:
    """`NWPA Chair`, `UNHCR-Kenya director`: an acronym opening the title, where no entity starts it."""
    leading = _ACRONYM.match(text) if _first_role(span) else None
    if leading is None or len(text.split()) < 2 or leading.group(0).lower() in LEX.role_words:
        return None  # (an entity opening the title that names a body is _leading_entity's; one that runs on is not)
    return leading.group(0)


def _leading_words(span: Span, text: str, entities: list[Span]) -> str | None:
    """`Rights Watchers Executive Director`, `a Save the Children Global Ambassador`: capitalised words before the
    title's own words that hold an organisation's word, or any such words after `a`/`an`."""
    found = _first_role(span)
    if found is None:
        return None
    start, title_start = found
    doc = span.doc
    while title_start > start and doc[title_start - 1].lower_ in LEX.title_modifiers:
        title_start -= 1  # "Global Ambassador", "Senior Policy Adviser", "Legal Adviser": the title's own words
    words = doc[start:title_start]
    if len(words) > 3 and words[-1].text == ")" and words[-3].text == "(":
        words = words[:-3]  # "Coastal Fisheries Association (CFA) President": the acronym
    if not _capitalised_run(words):
        return None
    if _brand_before_title(words, span, title_start):
        return words.text  # ("Nimbrel Analytics Chair": a field's word may end a name that opens with its own)
    if is_place(words.text) or any(t.ent_type_ in LEX.place_labels for t in words):
        return None
    # A unit word alone ("Project Coordinator", "Campaign Manager") is the title's own.
    named = {t.lower_ for t in words} - _TITLE_OWN_WORDS & LEX.organization_words or span[0].lower_ in {"a", "an"}
    return words.text if named or _proper_body(words) else None


def _capitalised_run(words: Span) -> bool:
    """Capitalised words (and a name's joining words) that are not all degrees ("a PhD student": not a body)."""
    return bool(len(words)) and all(t.text[:1].isupper() or t.lower_ in _NAME_JOINS for t in words) \
        and not all(t.lower_.replace(".", "") in _DEGREES for t in words)


def _brand_before_title(words: Span, span: Span, title_start: int) -> bool:
    """"Corvane CEO", "Corvane Chair of the Board": before a title that heads a whole body, one name's word names it,
    whatever place the recogniser took it for; so does a brand's inner capital (`BrightHarbour Senior Adviser`)
    and two proper nouns or more (`Nimbrel Analytics Chair`)."""
    doc = span.doc
    heads = doc[title_start].lower_ in LEX.body_heads
    inner_capital = len(words) == 1 and any(ch.isupper() for ch in words.text[1:]) and not words[0].is_upper
    proper = len(words) > 1 and all(t.pos_ == "PROPN" for t in words)
    lone = _lone_brand(words, doc[title_start]) and _internal_title(doc[title_start:span.end].text)
    return (heads or inner_capital or proper or lone) and _brand_like(words, last_may_be_field=len(words) > 1)


_NAME_JOINS = frozenset({"the", "of", "&", "-"}) | LEX.possessives
_DEGREES = frozenset(w.replace(".", "") for w in LEX.post_nominals)


def _lone_brand(words: Span, title: Token) -> bool:
    """`Corvane Legal Adviser Jane Roe said`: one capitalised word opening a clause before a capitalised title, that
    opens no title itself (`Veteran`, `Emeritus`) and ends like no adjective or adverb (`Acclaimed`, `Newly`), before
    a title held in a body (`Harbourtown Mayor`: a town's; `Wits alumnus`: no one speaks for a body as its alumnus)."""
    if len(words) != 1 or not words[0].is_title or words[0].lower_ in LEX.title_openers \
            or title.lower_.rstrip(".") in LEX.person_titles:
        return False
    word, doc = words[0], words.doc
    opens_clause = word.is_sent_start or (word.i > 0 and doc[word.i - 1].lower_ in LEX.speech_verbs)
    return opens_clause and not word.lower_.endswith(LEX.adjective_endings)


def _proper_body(words: Span) -> bool:
    """`the Children's Reading Circle general secretary`: a name with a possessive inside before a title's words,
    holding no portfolio's, unit's or title's word. (Capitalised words alone are not enough: the parser takes
    `Acclaimed` in `Acclaimed Director` for a proper noun.)"""
    if any(_portfolio_word(t) or t.lower_ in _TITLE_OWN_WORDS or t.ent_type_ in _NOT_BODIES for t in words):
        return False
    return any(t.text in LEX.possessives for t in words[1:-1])


def _possessive_owner(span: Span, text: str, entities: list[Span]) -> str | None:
    """`Harbour Trust USA's Security Program`: the body whose possessive the title holds."""
    doc = span.doc
    # (A possessive inside a body's name, `St. Brigid's Hospice`, is inside its entity: repair_bodies.)
    owner = next((e for e in entities if is_body(e) and _possessive_in_title(e, span)), None)
    if owner is not None:
        possessive = owner.end if doc[owner.end - 1].text not in LEX.possessives else owner.end - 1
        start = _name_start_before(owner, span.start)
        if start < owner.start:  # "Water for Villages International's": the recogniser took the name's tail only
            return _owned_body(span, possessive + 1) or doc[start:possessive].text
        return _owned_body(span, possessive + 1) or org_name(owner)
    # "Brovia's executive vice president": capitalised words opening the title, whatever the recogniser
    # took them for, save a place ("Kenya's health minister") or a person's full name.
    words = _named_body(span, span.start)
    if words is None or words.end + 1 >= span.end or doc[words.end].text not in LEX.possessives \
            or name_after_possessive(doc, words.start, words.end + 1):
        return None  # "Riverside Children's Fund Senior Researcher": the possessive is inside the name
    # A person's possessive names no body ("Jane Roe's spokesperson"), unless a title held inside a body follows it:
    # the recogniser takes "Kairos Microfinance" for a person too ("Kairos Microfinance's chief executive").
    person = len(words) > 1 and any(t.ent_type_ == "PERSON" for t in words)
    title = doc[words.end + 1:span.end]
    held = _internal_title(title.text) and not any(t.lower_ in LEX.personal_staff for t in title)
    return None if person and not held else words.text


def _name_start_before(entity: Span, floor: int) -> int:
    """Where a body's name starts when capitalised words joined by a small word stand before its entity
    (`Water for` + `Villages International`), down to `floor`; a title's words (`Director of`) are no part of it."""
    doc, start = entity.doc, entity.start
    while start - 2 >= floor and doc[start - 1].lower_ in LEX.name_fillers and doc[start - 1].lower_ != "the" \
            and doc[start - 2].is_title and not is_role_word(doc[start - 2]):
        start -= 2
        while start - 1 >= floor and doc[start - 1].is_title and not is_role_word(doc[start - 1]):
            start -= 1
    return start


def _possessive_in_title(entity: Span, span: Span) -> bool:
    """A body's entity whose possessive (`'s` after it or inside its last token) stands inside the title."""
    if entity.end + 1 < span.end and span.doc[entity.end].text in LEX.possessives:
        return True
    return entity.end < span.end and entity[-1].text in LEX.possessives


def _named_earlier(span: Span, text: str, entities: list[Span]) -> str | None:
    """`the league's director of rugby` after `The Northshore Netball League announced ...`: a body referred to by
    its last word in lower case or its kind (`the company's`, LEX.body_kinds), the nearest body before the title whose
    name ends so."""
    doc = span.doc
    if len(span) < 4 or span[0].lower_ != "the" or not span[1].is_lower or span[2].text not in LEX.possessives:
        return None
    noun = span[1].lower_
    ends = LEX.body_kinds.get(noun, frozenset()) | {noun}  # ("the company's", after `Navalia Transportes S.A.`)
    earlier = [e for e in doc_index(doc).between("ORG", 0, span.start) if e[-1].lower_ in ends and is_body(e)]
    if earlier:
        return org_name(earlier[-1])
    # (a name the recogniser missed: capitalised words ending with such a word, `Kirkhaven Athletic FC won`)
    last = next((t.i for t in reversed(doc[max(0, span.start - settings.EARLIER_BODY_MAX_TOKENS):span.start])
                 if t.lower_ in ends and not t.is_lower), None)
    if last is None:
        return None
    start = last
    while start > 0 and last - start < settings.NAME_MAX_WORDS + 2 and doc[start - 1].is_title:
        start -= 1
    return doc[start:last + 1].text if last > start else None


def _owned_body(span: Span, at: int) -> str | None:
    """`CEO of HMG's Northfield Hospital`: the body an owner's possessive names, where the words after it run to the
    title's end and end with a body's own word (`Hospital`; not a unit's: `Harbour Trust USA's Security Program`)."""
    words = _named_to_end(span, at)
    return words.text if words is not None and words[-1].lower_ in _BODY_END_WORDS else None


_BODY_END_WORDS = LEX.organization_words - LEX.unit_words - LEX.field_words


def _capitalised_tail(span: Span, text: str, entities: list[Span]) -> str | None:
    """`executive director Corvane`, `policy director Nimbrel Analytics`: a title written in lower case, then
    capitalised words to its end that name no place, portfolio or date: the body, printed with no link."""
    doc = span.doc
    tail = next((t.i for t in span if not t.is_lower), span.end)
    if tail == span.start or tail == span.end or not has_role_word(doc[span.start:tail].text) \
            or doc[tail - 1].lower_ in LEX.body_links or doc[tail - 1].lower_ in LEX.name_fillers:
        return None  # ("chairman of the Board": a linked name is the linked steps' to read)
    words = _named_to_end(span, tail)
    return words.text if words is not None and _brand_like(words, last_may_be_field=len(words) > 1) else None


def _linked_acronym(span: Span, text: str, entities: list[Span]) -> str | None:
    """`Dr Jane Roe, from NIES, said`: an appositive that links the name to an acronym alone, which names no
    place the gazetteer knows (the recogniser takes an unknown acronym for a place)."""
    doc = span.doc
    words = [t for t in span if t.text not in {",", "the"}]
    if len(words) != 2 or words[0].lower_ not in LEX.body_links:
        return None
    acronym = words[1]
    named = acronym.is_upper and acronym.is_alpha and len(acronym) > 1 and not is_place(acronym.text)
    return acronym.text if named and acronym.i == span.end - 1 - (doc[span.end - 1].text == ",") else None


def _last_body(span: Span, linked: bool) -> Span | None:
    """The last ORG entity of the title that names a body, if it follows `of`/`at`/`for`/`with` (linked)
    or if it does not (`executive director Relief International USA`)."""
    doc = span.doc
    body = next((e for e in reversed(doc_index(doc).between("ORG", span.start, span.end))
                 if e.end <= span.end and is_body(e)), None)
    if body is None or _in_portfolio_list(body):
        return None
    link = doc[body.start - 1 - (doc[body.start - 1].lower_ == "the")] if body.start > span.start + 1 else None
    return body if (link is not None and link.lower_ in LEX.body_links) == linked else None


def _in_portfolio_list(words: Span) -> bool:
    """`Minister for Health and` + `Aged Care`: words joined by `and` to a portfolio's word are the portfolio's."""
    doc, at = words.doc, words.start
    return at >= 2 and doc[at - 1].lower_ in {"and", "&"} and doc[at - 2].lower_ in LEX.portfolios


def _body_after_link(span: Span, text: str, entities: list[Span]) -> str | None:
    body = _last_body(span, linked=True)  # "... at Amnesty International"
    return org_name(body) if body is not None else None


def _body_in_title(span: Span, text: str, entities: list[Span]) -> str | None:
    body = _last_body(span, linked=False)  # "executive director Relief International USA"
    return org_name(body) if body is not None else None




def body_after_name(person: Span, titled: bool = False) -> str | None:
    """`Professor Jane Roe of the University of X`: a body joined to the name itself by of/at/from/with, for
    a title printed before the name that named none: an ORG entity that names a body, or capitalised
    words that name one; after a titled name (`Legal Adviser Jane Roe of Corvane`) a brand's one word too
    (an untitled `Jane Roe of Eastbrook` may name her town)."""
    doc = person.doc
    # (after a titled name, the link may follow a comma: `Detective Sergeant Jane Roe, of Arnmouth Police,`)
    link = person.end + (titled and text_at(doc, person.end) == ",")
    if link + 1 >= len(doc) or doc[link].lower_ not in {"of", "at", "from", "with"}:
        return None
    start = link + 1 + (doc[link + 1].lower_ == "the")
    entity = doc_index(doc).entity_at(start)
    if entity is not None and entity.label_ == "ORG" and entity.start >= link + 1 and is_body(entity):
        return org_name(entity)
    words = _named_body(doc[link + 1:min(len(doc), link + 12)], link + 1)
    if words is not None and (_names_a_body(words, after_name=True) or (titled and _brand_like(words))):
        return words.text
    return None


def office_of_place(role: str | None) -> bool:
    """`Mayor`, `Senator`, `Governor`: a title a person holds for a place (`Mayor Jane Roe of Harbourtown`)."""
    return bool(role) and any(w.lower().rstrip(".") in LEX.person_titles for w in (role or "").split())


def _organization_speaking(person: Spokesperson, index: DocIndex) -> str | None:
    """`..., Rights Watchers said. ... said Jane Roe, Asia director`: the one body that speaks in the text,
    for a titled person named after it (a body first speaking after the person is a third party)."""
    memo = index.memo.get("organization_speaking")
    if memo is None:
        speakers = [e for e in index.labelled("ORG")
                    if e.root.dep_ == "nsubj" and e.root.head.lower_ in LEX.speech_verbs and is_body(e)
                    and e.root.head.lower_ not in LEX.opinion_verbs]
        one = len({org_name(e) for e in speakers}) == 1
        memo = index.memo["organization_speaking"] = (org_name(speakers[0]), speakers[0].start_char) if one else ()
    return memo[0] if memo and person.role and person.start > memo[1] else None


def _acting_for(tokens: Span) -> int | None:
    """Where the body starts after the first phrase of acting for one (`on behalf of`) among the tokens."""
    words = [t.lower_ for t in tokens]
    return next((tokens.start + n + len(phrase) for n in range(len(words)) for phrase in LEX.acting_for
                 if tuple(words[n:n + len(phrase)]) == phrase), None)


def _on_behalf_of(person: Spokesperson, index: DocIndex) -> str | None:
    """`Speaking on behalf of the Harbour Trust, Director Jane Roe said`: the body the speaker's sentence says they
    act for, before the name, up to the comma."""
    named = index.doc.char_span(person.start, person.end, alignment_mode="expand")
    if named is None:
        return None
    sentence = index.sentence(named.start)
    start = _acting_for(index.doc[sentence.start:named.start])
    # (up to the comma, or to the `by` of a passive: "… was issued on behalf of the Harbour Trust by Jane Roe")
    end = next((t.i for t in index.doc[start:named.start] if t.text == "," or t.lower_ == "by"), None) \
        if start is not None else None
    if start is not None and end is not None and end > start:
        return body_named_by(index.doc[start:end])
    # "Jane Roe, chair of trustees, said on behalf of Luma Health:": after the name, up to the clause's end
    doc = index.doc
    after = _acting_for(doc[named.end:sentence.end])
    stop = next((t.i for t in doc[after:sentence.end] if t.text in _CLAUSE_ENDS), sentence.end) \
        if after is not None else None
    if after is not None and stop is not None and stop > after:
        return lone_body(doc[after:stop])
    return _behalf_line_above(person, index)


def _behalf_line_above(person: Spokesperson, index: DocIndex) -> str | None:
    """"On behalf of the Harbour Trust,\nJane Roe\nChair": the line above a signed name (a blank line between)."""
    text = doc_text(index.doc)
    line_start = text.rfind("\n", 0, person.start)
    while line_start > 0 and text[line_start - 1] == "\n" and text.count("\n", line_start - 2, line_start) < 2:
        line_start -= 1
    above = index.doc.char_span(text.rfind("\n", 0, max(0, line_start)) + 1, max(0, line_start),
                                alignment_mode="expand") if line_start > 0 else None
    return _behalf_line(above, "", []) if above is not None and len(above) else None


_CLAUSE_ENDS = frozenset({",", ":", ";", ".", "“", "\""})


def _behalf_line(line: Span, text: str, entities: list[Span]) -> str | None:
    """`Jane Roe\nFounder\non behalf of the Harbour Trust`: a signature's line naming the body acted for."""
    words = tuple(t.lower_ for t in line)
    phrase = next((p for p in LEX.acting_for if words[:len(p)] == p), None)
    end = len(line) - (line[-1].text == ",")  # "On behalf of the Harbour Trust," signing off
    return body_named_by(line[len(phrase):end]) if phrase is not None and end > len(phrase) else None


def _inside(body: str | None, person: Spokesperson) -> str | None:
    """A body for an internal title (director, spokesperson); a page published in the speaker's own name
    (`Honorable Jane Roe`) names no body they speak for, a surname alone may (`the Roe Foundation`)."""
    return body if body and _internal_title(person.role) and person.name not in body else None


def _headline_label(person: Spokesperson, index: DocIndex) -> str | None:
    return _inside(_title_label(index.doc), person)


def _statement_from(person: Spokesperson, index: DocIndex) -> str | None:
    """`Statement from the Harbour Trust` heading the text, `Jane Roe, Chair` signing it: the body the statement is
    from, for an internal title."""
    doc = index.doc
    first = index.sents[0] if index.sents else None
    if first is None or len(first) < 3 or first[0].lower_ not in LEX.attribution_nouns \
            or first[1].lower_ not in LEX.attribution_links:
        return None
    line_end = next((t.i for t in first if "\n" in t.whitespace_ or "\n" in t.text), first.end)
    # "Statement from the Harbour Trust on the flood report": the body's name ends where its words do
    ends = [t.i for t in doc[first.start + 3:line_end] if t.is_lower and t.lower_ not in LEX.name_fillers]
    return _inside(next((body for end in [*ends, line_end] if (body := body_named_by(doc[first.start + 2:end]))),
                        None), person)


def _its_owner(person: Spokesperson, index: DocIndex) -> str | None:
    """`X quoted its national coordinator, Jane Roe, as saying`: a title owned by `its`, the body the clause's
    subject names."""
    doc = index.doc
    span = doc.char_span(person.start, person.end, alignment_mode="expand")
    if span is None or span.start < 2:
        return None
    noun = span.root.head if span.root.dep_ == "appos" else None  # "its national coordinator, Jane Roe"
    if noun is None or not any(c.dep_ == "poss" and c.lower_ in _ITS for c in noun.children):
        return None
    subject = next((c for c in noun.head.children if c.dep_ in {"nsubj", "nsubjpass"} and c != noun), None)
    entity = index.entity_at(subject.i) if subject is not None else _owner_before(index, noun)
    if entity is None or entity.label_ != "ORG" or not is_body(entity):
        return None
    # (the subject's own clause: an internal title only; a possessive before an `its` title: any, `its` owns it)
    return _inside(org_name(entity), person) if subject is not None else org_name(entity)


def _owner_before(index: DocIndex, noun: Token) -> Span | None:
    """`Writing on the Harbour Trust's blog, its director, Jane Roe, argued`: the body a possessive owns before the
    title in its sentence, the one `its` refers to."""
    sentence = index.sentence(noun.i)
    marks = [t.i for t in index.doc[sentence.start:noun.i] if t.text in LEX.possessives]
    return index.entity_ending("ORG", marks[-1]) if marks else None


_ITS = frozenset({"its", "their"})
_LETTER_SIGNERS = frozenset({"signature_after_sign_off", "name_line_above_role"})


def _letterhead(person: Spokesperson, index: DocIndex) -> str | None:
    """A letter signed by a name and a title that names no body, printed under a letterhead (`Harbour Trust` /
    `12 Quay Street` over the letter): the body whose name is one of the text's first lines."""
    if person.rule not in _LETTER_SIGNERS:
        return None
    doc = index.doc
    for offset, line in text_lines(doc)[:settings.LETTERHEAD_MAX_LINES]:
        span = doc.char_span(offset, offset + len(line.rstrip()), alignment_mode="expand") if line.strip() else None
        if span is None or len(span) < 2:
            continue
        body = body_named_by(span)
        if body is not None and _marked_as_body(span):
            return _inside(body, person)
    return None


def _publisher(person: Spokesperson, index: DocIndex) -> str | None:
    return _inside(index.doc._.publisher if Doc.has_extension("publisher") else None, person)


def _line_below(line: Span, text: str, entities: list[Span]) -> str | None:
    """`Jane Roe\nExecutive Director\nHarbour Trust`: the short capitalised line under a signature's role
    line, that holds no title and is no place or date (`Washington, DC`, `14 March 2021`)."""
    titled = has_role_word(text) and not has_organization_word(text)  # "Council of Coastal Mayors" is a body
    if not 0 < len(text) < settings.SIGNATURE_ORG_LINE_MAX_CHARS or not text[:1].isupper() or titled \
            or any(t.ent_type_ in _WHERE_AND_WHEN for t in line):
        return None
    return text


_WHERE_AND_WHEN = frozenset({"GPE", "LOC", "DATE"})
TITLE, SPEAKER, SIGNATURE = "title", "speaker", "signature"
TitleStep = Callable[[Span, str, list[Span]], str | None]
SpeakerStep = Callable[[Spokesperson, DocIndex], str | None]

# The organisation decision, in order: the first step that names a body wins and names the value's rule.
# `title` steps read the phrase of a title (the span, its text, the ORG entities inside it); `signature` steps
# the line under a signature's role line whose title named no body; `speaker` steps the text around a
# spokesperson whose title named no body.
ORGANIZATION_STEPS: tuple[tuple[str, str, TitleStep | SpeakerStep], ...] = (
    # "Head of Policy for Coastal Affairs, Corvane": a body after the title's comma; what the title names before it
    # is its portfolio
    ("body_after_title", TITLE, _body_after_comma),
    ("possessive", TITLE, _possessive_owner),
    # "the league's director", the league named in full before
    ("named_earlier", TITLE, _named_earlier),
    ("org_in_role", TITLE, _leading_entity),
    ("org_in_role", TITLE, _leading_acronym),
    ("org_in_role", TITLE, _leading_words),
    ("of_at_for_after_role", TITLE, _linked_body),
    ("of_at_for_after_role", TITLE, _body_after_link),
    ("org_in_role", TITLE, _body_in_title),
    ("org_in_role", TITLE, _capitalised_tail),
    ("of_at_for_after_role", TITLE, _linked_acronym),
    ("of_at_for_after_role", TITLE, _capitalised_body),
    ("of_at_for_after_role", TITLE, _whole_body),
    ("signature_line", SIGNATURE, _behalf_line),
    ("signature_line", SIGNATURE, _line_below),
    ("on_behalf_of", SPEAKER, _on_behalf_of),
    ("its_owner", SPEAKER, _its_owner),
    ("organization_speaking", SPEAKER, _organization_speaking),
    ("title_label", SPEAKER, _headline_label),
    ("statement_from", SPEAKER, _statement_from),
    ("letterhead", SPEAKER, _letterhead),
    ("publisher", SPEAKER, _publisher),
)
_TITLE_STEPS = tuple((name, step) for name, scope, step in ORGANIZATION_STEPS if scope == TITLE)
_SPEAKER_STEPS = tuple((name, step) for name, scope, step in ORGANIZATION_STEPS if scope == SPEAKER)
_SIGNATURE_STEPS = tuple((name, step) for name, scope, step in ORGANIZATION_STEPS if scope == SIGNATURE)


def body_in_title(span: Span, text: str, entities: list[Span]) -> tuple[str | None, str | None]:
    """The body a title names and the step that found it: the `title` steps of ORGANIZATION_STEPS."""
    return next(((org, name) for name, find in _TITLE_STEPS if (org := find(span, text, entities))),  # type: ignore[call-arg, arg-type]
                (None, None))


def body_under_signature(line: Span | None) -> tuple[str | None, str | None]:
    """The body the line under a signature's role line names, and the step: the `signature` steps."""
    if line is None:
        return None, None
    text = line.text.strip()
    return next(((org, name) for name, find in _SIGNATURE_STEPS if (org := find(line, text, []))),  # type: ignore[call-arg, arg-type]
                (None, None))


def read_at(title: Title, earlier: bool) -> Title:
    """A mention's title, its body marked `earlier_mention` when it was read at another, fuller mention of the
    same person (`Reyes said`, titled where first named)."""
    return replace(title, organization_rule=EARLIER) if earlier and title.organization else title


def _acronym(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


# When a person is mentioned again, the first rule whose test holds takes the new mention's title over the
# one kept so far (its body then ruled `earlier_mention`); otherwise each field keeps its first value.
MENTION_RULES: tuple[tuple[str, Callable[[Spokesperson, Title], bool]], ...] = (
    # "Roe said" first, "Jane Roe, director of X" later: the full title, role and body together.
    ("completes_title", lambda kept, new: bool(new.role and new.organization)
     and not (kept.role and kept.organization)),
    # "NWPA" first, "the Northern Water Policy Association" later: the name spelt out.
    ("spells_out_acronym", lambda kept, new: bool(new.organization and kept.organization)
     and len(new.organization or "") > len(kept.organization or "")
     and _acronym(new.organization or "") == kept.organization),
)
EARLIER = "earlier_mention"


def merge_mention(kept: Spokesperson, new: Title, quote: str | None, name: str) -> Spokesperson:
    """A person's entry after one more mention: MENTION_RULES say which title wins, each field keeps the first
    value found, and a body taken from another mention is ruled `earlier_mention`."""
    rule = next((rule for rule, test in MENTION_RULES if test(kept, new)), None)
    if rule == "completes_title":
        kept = replace(kept, role=new.role, organization=new.organization, role_rule=new.role_rule,
                       organization_rule=EARLIER)
    elif rule == "spells_out_acronym":
        kept = replace(kept, role=kept.role or new.role, organization=new.organization,
                       role_rule=kept.role_rule or new.role_rule, organization_rule=EARLIER)
    return replace(kept, name=name, role=kept.role or new.role, organization=kept.organization or new.organization,
                   quote=kept.quote or quote, role_rule=kept.role_rule or new.role_rule,
                   organization_rule=kept.organization_rule or (new.organization_rule and EARLIER))


def decide(people: list[Spokesperson], index: DocIndex) -> list[Spokesperson]:
    """Each spokesperson whose title named no body, once: the `speaker` steps of ORGANIZATION_STEPS."""
    decided = []
    for person in people:
        found = None if person.organization else next(
            ((org, name) for name, step in _SPEAKER_STEPS if (org := step(person, index))), None)  # type: ignore[call-arg, arg-type]
        decided.append(replace(person, organization=found[0], organization_rule=found[1]) if found else person)
    return decided


# "HarbourAid: Statement by CEO Jane Roe", "NRC: ...": a headline labelled with a body's name, written as
# an acronym, with a capital inside it, or as the recogniser's organisation. ("Comment:", "Update:" are
# kinds; "Kowalski:" is a person.)
_TITLE_LABEL = re.compile(r"([A-Z][\w&.’'-]*(?: [A-Z][\w&.’'-]*){0,3}):\s")


def _title_label(doc: Doc) -> str | None:
    """The body a headline's label names, for a title held inside it (`CEO`) that names none."""
    label = _TITLE_LABEL.match(doc_text(doc))
    if label is None:
        return None
    text, span = label.group(1), doc.char_span(*label.span(1))
    if text.lower() in LEX.headline_labels or any(ch.isdigit() for ch in text):
        return None  # "UPDATE:", "COVID-19:": what the item is or is about
    acronym = text.isupper() and len(text) > 1
    inner_capital = " " not in text and any(ch.isupper() for ch in text[1:])
    recognised = span is not None and all(t.ent_type_ == "ORG" for t in span)
    return text if acronym or inner_capital or recognised else None


def _internal_title(role: str | None) -> bool:
    """`executive director`, `Department Spokesperson`, `advocacy director for the Americas`: a title
    held inside the publishing body, naming no other body (`spokesperson for the ministry`)."""
    if not role:
        return False
    words = {w.lower().strip(".,()’'") for w in re.split(r"[\s/-]+", role)}
    return bool(words & LEX.internal_roles) and not words & LEX.body_nouns and not words & (
        LEX.role_words - LEX.internal_roles)
