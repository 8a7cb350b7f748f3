"""Bodies: an organisation's name as written (org_name), whether an entity names a body (is_body), and the
capitalised words a body's name runs over. Which body a speaker speaks for is decided in organization.py."""
from __future__ import annotations

import re
from collections.abc import Callable

from spacy.lexeme import Lexeme
from spacy.tokens import Doc, Span, Token

from .. import settings
from .doctext import word_positions
from .rules import load_rules
from .words import has_role_word, is_country_word, is_place, is_role_word, text_at

LEX = load_rules()

# Words that premodify a title as part of it, never the body's name: "Senior", "Federal", "Project".
_TITLE_OWN_WORDS = LEX.role_modifiers | LEX.unit_words


def org_name(ent: Span) -> str:
    """The organisation as written: no leading "the", no possessive, no role words the recogniser swept in,
    and a hyphenated tail kept ("Brightwater-Spain")."""
    doc = ent.doc
    end = _name_end_past_recogniser(ent)
    ent = doc[_name_start_before_recogniser(ent):ent.end]
    owner = next((t.i for t in doc[ent.start + 1:end] if t.text in LEX.possessives
                  and not name_after_possessive(doc, ent.start, t.i + 1)
                  and not _eponymous_office(list(doc[ent.start:end]))), None)
    end = owner if owner is not None else end  # "Harbour Trust USA’s Security Program": the owner of a part
    tokens = _past_comma(_past_organ(list(doc[ent.start:end])))
    cut = next((n for n, t in enumerate(tokens) if t.text in LEX.dashes and t.whitespace_), None)
    tokens = _without_title_tail(tokens[:cut] if cut else tokens)  # "The Water Trust- Opening Plenary": a headline's
    text = "".join(t.text_with_ws for t in tokens).strip()
    text = re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)
    return re.sub(r"[’']s$", "", text).strip()


def _name_start_before_recogniser(ent: Span) -> int:
    """Where a body's name starts when the recogniser left its first words out (`at the Kesterton Volunteer` + `Fire
    Dept.`): capitalised words that are no title's, person's or date's, right after a link or an article."""
    doc, start = ent.doc, ent.start
    listed = False  # (a list the name opens with: "the Rivers, Reefs and" + "Rights Coalition"; a portfolio's words,
    # "Policy, Research and", are a title's)
    while start > 0 and not doc[start - 1].is_sent_start and (
            (doc[start - 1].is_title and not is_role_word(doc[start - 1])
             and not (listed and doc[start - 1].lower_ in LEX.portfolios)
             and doc[start - 1].ent_type_ not in _NO_NAME_WORDS)
            or (doc[start - 1].lower_ in _LIST_MARKS and start - 2 >= 0 and doc[start - 2].is_title)):
        listed = listed or doc[start - 1].lower_ in _LIST_MARKS
        start -= 1
    while start < ent.start and doc[start].lower_ in _LIST_MARKS:
        start += 1
    return start if start < ent.start and text_at(doc, start - 1).lower() in _NAME_LEAD_INS else ent.start


LIST_JOINS = frozenset({"and", "&"})  # the words that join a list's last item (of names, of bodies)
_LIST_MARKS = LIST_JOINS | {","}


_NAME_LEAD_INS = frozenset({"the", "at", "of", "for", "with", "from"})


def _name_end_past_recogniser(ent: Span) -> int:
    """Where a body's name ends when the recogniser cut it short: a hyphenated word, a place the name holds, a
    national section, a possessive inside the name, a list closing the name."""
    doc = ent.doc
    end = _past_place_in_name(ent, _past_hyphens(ent))
    if is_country_word(text_at(doc, end)):
        end += 1  # "Harbour Trust UK", "Brightwater USA": the national section
    end = _past_office_holder(ent, end)
    if text_at(doc, end) in LEX.possessives and (after := name_after_possessive(doc, ent.start, end + 1)):
        end = after  # "the St. Brigid's" + "Hospice": a possessive inside the name, the name going on after it
    return past_name_list(doc, end)


def _past_hyphens(ent: Span) -> int:
    """"Brightside Housing Co-" + "operative", "Brightwater" + "-Spain": a hyphenated word the recogniser cut."""
    doc, end = ent.doc, ent.end
    if ent[-1].text in LEX.dashes and len(ent) > 1 and not ent[-2].whitespace_ and not ent[-1].whitespace_ \
            and end < len(doc) and doc[end].is_alpha:
        end += 1
    while end < len(doc) - 1 and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_:
        end += 2
    return end


def _past_place_in_name(ent: Span, end: int) -> int:
    """"Clean Air for" + "Carrow Bay": the recogniser stopped at a small word, before the place the name holds."""
    doc = ent.doc
    if ent[-1].lower_ not in LEX.name_fillers or ent[-1].lower_ == "the":
        return end
    while end < len(doc) and doc[end].is_title and not is_role_word(doc[end]) and doc[end].ent_type_ != "PERSON":
        end += 1
    return end


def past_name_list(doc: Doc, end: int) -> int:
    """`Alliance for Food` + `, Land and Dignity`: a name whose last words are a list closed by `and`, running to the
    phrase's end (a comma, a stop, a colon); no person's or place's name, no title's word in it."""
    def words_from(at: int) -> int:
        while at < len(doc) and doc[at].is_title and not is_role_word(doc[at]) \
                and doc[at].ent_type_ not in _NO_NAME_WORDS:
            at += 1
        return at

    at = end
    while text_at(doc, at) == "," and (after := words_from(at + 1)) > at + 1:
        at = after
    if at == end or text_at(doc, at).lower() not in {"and", "&"} or (last := words_from(at + 1)) == at + 1:
        return end
    return last if text_at(doc, last) in {",", ".", ":", ";", ""} else end


_NO_NAME_WORDS = frozenset({"PERSON", "GPE", "DATE"})


def _past_office_holder(ent: Span, end: int) -> int:
    """"Office of the Water Standards" + "Commissioner", "Office of the Children" + "'s Commissioner": the office
    holder the body is named after, that the recogniser left out."""
    doc = ent.doc
    holder = end + (text_at(doc, end) in LEX.possessives)
    if holder < len(doc) and is_role_word(doc[holder]) and doc[holder].is_title and not is_role_word(doc[end - 1]) \
            and _eponymous_office(list(doc[ent.start:holder + 1])):
        return holder + 1
    return end


def _without_title_tail(tokens: list[Token]) -> list[Token]:
    """A body's words without the title's words the recogniser swept in after them."""
    while len(tokens) > 1 and not _eponymous_office(tokens) and (is_role_word(tokens[-1]) or (
            tokens[-1].lower_ in _TITLE_OWN_WORDS
                               and tokens[-1].lower_ not in LEX.organization_words
                               and not named_unit(tokens[0].doc[tokens[0].i:tokens[-1].i + 1]))):
        tokens.pop()  # "Council of Coastal Mayors Senior", "Open Lanes Network Campaigns": the title's words
    if _organ_before_title(tokens):
        tokens.pop()  # "Harbour Trust Board | Member": the organ opens the title after the body's own last word
    return tokens


def _past_comma(tokens: list[Token]) -> list[Token]:
    """`Research and Evaluation, Northern Water Policy Association` taken for one body: the part after the last comma,
    where a word that ends a body's name names it, is the body (a title's field stands before it)."""
    comma = next((n for n in range(len(tokens) - 1, 0, -1) if tokens[n].text == ","), None)
    if comma is None or not any(t.lower_.rstrip(".") in _BODY_ENDS for t in tokens[comma + 1:]):
        return tokens
    if past_name_list(tokens[0].doc, tokens[comma].i) >= tokens[-1].i + 1 \
            and not any(t.lower_ in LEX.organization_words for t in tokens[:comma]):
        return tokens  # "Rivers, Reefs and Rights Coalition": a list the name opens with, closed by `and`
    return tokens[comma + 1:]


def _organ_before_title(tokens: list[Token]) -> bool:
    """`Harbour Trust Board Member`: an organ's word (`Board`) after a word that ends a body's name, a title's word
    right after it."""
    if len(tokens) < 3 or tokens[-1].lower_ not in LEX.body_nouns or tokens[-2].lower_.rstrip(".") not in _BODY_ENDS:
        return False
    doc, after = tokens[-1].doc, tokens[-1].i + 1
    return after < len(doc) and is_role_word(doc[after])


def past_organ(words: Span) -> str:
    """The body capitalised words name past an organ of people in its front (`Board of Trustees of the X`: X)."""
    tokens = _past_organ(list(words))
    return re.sub(r"^the\s+", "", "".join(t.text_with_ws for t in tokens).strip(), flags=re.IGNORECASE)


def _past_organ(tokens: list[Token]) -> list[Token]:
    """`Board of Trustees of the Harbour Trust` names the Harbour Trust: a body's organ of people in the plural
    (`Board of Trustees`, `Council of Governors`) is a title's portfolio, and the body follows its `of`."""
    start = 1 if tokens and tokens[0].lower_ == "the" else 0
    if len(tokens) < start + 5 or tokens[start].lower_ not in LEX.body_nouns or tokens[start + 1].lower_ != "of":
        return tokens
    link = next((n for n in range(start + 3, len(tokens) - 1) if tokens[n].lower_ == "of"
                 and has_role_word(tokens[n - 1].text) and tokens[n - 1].lower_.endswith("s")), None)
    return tokens[link + 1:] if link is not None else tokens


# Words that end a body's name (`Union`, `Hospice`), not a unit inside one (`Programme`).
_BODY_ENDS = LEX.organization_words - LEX.unit_words


def name_after_possessive(doc: Doc, start: int, at: int) -> int | None:
    """Where a body's name that runs from `start` on through a possessive ends (`St. Brigid's Hospice`),
    or None when the possessive is an owner's: the words before it name a body of their own
    (`University of Harbourside's Institute`), or the capitalised words after it are a title or a part
    of a body (`Brovia's Chief Executive`, `Harbour Trust USA's Security Program`)."""
    if any(t.lower_ in LEX.organization_words or (t.is_upper and len(t) > 1) for t in doc[start:at - 1]):
        return None  # "University of Harbourside's", "HMG's": a body's own name, or its acronym
    end = at
    while end < len(doc) and _capitalised(doc[end]) and doc[end].is_alpha:
        if end > at and doc[end - 1].lower_ in _BODY_ENDS and doc[end].lower_ not in _BODY_ENDS:
            break  # "Lakeside Tenants' Union Programme Officer": the body's own word ends its name
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
    if _names_title_or_part(ent):
        return False
    if text_at(doc, ent.start - 1) == "(" and not _named_before_bracket(ent):
        return False  # "the Red Cross (ICRC)": a bracketed repeat; "Jane Roe (Brovia Inc.)" names her body
    # "Secretary of State", "Minister of Health": one word after "<role> of" is part of the title.
    return not (len(ent) == 1 and ent.start >= 2 and doc[ent.start - 1].lower_ == "of"
                and doc[ent.start - 2].lower_ in LEX.role_words)


def _eponymous_office(tokens: list[Token]) -> bool:
    """`Office of the Water Standards Commissioner`: a body's word, then an `of the` phrase that names the office
    holder it serves, the title's word alone last, with no capitalised word or title's link after it (`Office of
    the Rivers Ombudsman Head of Policy` is a body and a title)."""
    words = tokens[1:] if tokens[0].lower_ == "the" else tokens
    if len(words) < 4 or not is_role_word(words[-1]) or is_role_word(words[-2]):
        return False
    if words[0].lower_ not in LEX.organization_words or [t.lower_ for t in words[1:3]] != ["of", "the"]:
        return False
    after = tokens[-1].doc[tokens[-1].i + 1] if tokens[-1].i + 1 < len(tokens[-1].doc) else None
    # (a title's link after it, `Ombudsman Head of Policy`, makes the word a title's)
    return after is None or after.is_punct or after.text in LEX.possessives or (
        after.is_lower and after.lower_ not in LEX.body_links)


def _names_title_or_part(ent: Span) -> bool:
    """"Project Coordinator", "Federal" of "Federal Councillor": the title's own; "the Board", a unit, a place;
    "External Affairs": a portfolio."""
    first = ent[1] if len(ent) > 1 and ent[0].lower_ == "the" else ent[0]  # "the Minister of Health" is a title
    if first.lower_ in LEX.role_words or (ent[-1].lower_ in LEX.unit_words and not named_unit(ent)):
        return True
    if is_place(ent.text) or all(is_role_word(t) or t.lower_ in _TITLE_OWN_WORDS for t in ent):
        return True
    if len(ent) == 1 + (ent[0].lower_ == "the") and ent[-1].lower_ in LEX.generic_body_words:
        return True
    return all(t.lower_ in LEX.portfolios or t.lower_ in LEX.name_fillers for t in ent)


def named_unit(words: Span) -> bool:
    """`Saint Aldric Medical Center`: a unit that stands alone, a name's own word first (not a portfolio's, a body's
    common word or a title's: `the Research Centre`, `the Center for Flood Studies`), a standalone unit's word last."""
    proper = proper_words(words)
    first = proper[0] if proper else None
    return len(proper) > 1 and proper[-1].lower_ in LEX.standalone_units and first is not None \
        and first.lower_ not in LEX.portfolios and first.lower_ not in LEX.generic_body_words \
        and not is_role_word(first)


def proper_words(words: Span) -> list[Token]:
    """A name's own words, its small words (`of`, `the`, `&`) aside."""
    return [t for t in words if t.lower_ not in LEX.name_fillers]


def _named_before_bracket(ent: Span) -> bool:
    """A person stands before the bracket that opens the entity: the recogniser's, or, for a body of more than one
    word (an acronym is a bracketed repeat), a name by its shape (`Ingrid Okafor (Lakeside Tenants' Union)`)."""
    from .names import name_ending_at  # names.py repairs people's names and imports this module

    doc, bracket = ent.doc, ent.start - 1
    return bracket > 0 and (doc[bracket - 1].ent_type_ == "PERSON" or (
        len(ent) > 1 and name_ending_at(doc, bracket) is not None))


def _name_end(span: Span, start: int) -> int:
    """Where the capitalised words of a name starting at `start` end, inside the span, small words such as
    `of` and `&` inside it but not at its end."""
    doc = span.doc
    end = start
    if start < span.end and doc[start].lower_ in LEX.name_fillers:
        return start  # "of the University": a name starts with a capitalised word
    while end < span.end:
        if _name_word(doc, end):
            end += 1
        elif end > start and end + 1 < span.end and doc[end].text in LEX.dashes and not doc[end - 1].whitespace_ \
                and not doc[end].whitespace_ and doc[end + 1].is_alpha:
            end += 2  # "Brightside Housing Co-operative", "Rolls-Royce": a hyphenated word of the name
        elif doc[end].text in LEX.possessives and end > start \
                and (after := name_after_possessive(doc, start, end + 1)) is not None and after <= span.end:
            end = after  # "the Children's Reading Circle": a possessive inside the name
        else:
            break
    while end > start and doc[end - 1].lower_ in LEX.name_fillers:
        end -= 1
    return end


def _name_word(doc: Doc, at: int) -> bool:
    """A capitalised word or a filler of a body's name, not an `and` that opens the next person of a list."""
    return (_capitalised(doc[at]) or doc[at].lower_ in LEX.name_fillers) and not _joins_a_person(doc, at)


def _joins_a_person(doc: Doc, at: int) -> bool:
    """`… Support Project and Teodor Kariuki of the …`: an `and` before a person the recogniser saw, with a body of
    their own, ends a body's name (`Quillon & Drake Architects`, tagged a person, goes on)."""
    if doc[at].lower_ not in LIST_JOINS or at + 1 >= len(doc) or doc[at + 1].ent_type_ != "PERSON" \
            or doc[at + 1].ent_iob_ != "B":
        return False
    end = at + 2
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return text_at(doc, end).lower() in {"of", "from", "at"}



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


def title_word(token: Token) -> bool:
    """A word of a title, never of a body's name: a role word, a title's modifier or its field."""
    return is_role_word(token) or token.lower_ in LEX.title_modifiers


def _capitalised(token: Token) -> bool:
    """A word written as a name's: `Trust`, `NWPA`, and the inner capitals of a brand (`SickKids`, `PayPal`)."""
    return (token.is_title or token.is_upper or (token.text[:1].isupper() and token.text.rstrip(".").isalpha())) \
        and not token.is_punct


def _organization_word(word: Lexeme) -> bool:
    """What _anchor reads of the word alone: an organisation's word (`Trust`, `LLP.`)."""
    return word.lower_.rstrip(".") in LEX.organization_words


def _anchor(token: Token) -> bool:
    """A word that ends a body's name (`Trust`, `LLP`, `plc`), written as a name's word; a unit's word just
    before a title (`Programme Officer`) is the title's own."""
    doc, lower = token.doc, token.lower_.rstrip(".")
    if lower not in LEX.organization_words or lower in LEX.field_words or title_word(token):
        return False
    if not (_capitalised(token) or lower in LEX.lowercase_suffixes):
        return False
    if token.i + 2 < len(doc) and doc[token.i + 1].text in LEX.dashes and not token.whitespace_ \
            and not doc[token.i + 1].whitespace_ and is_role_word(doc[token.i + 2]):
        return False  # "Co-founder": the first part of a hyphenated title
    return not (lower in LEX.unit_words and token.i + 1 < len(doc) and is_role_word(doc[token.i + 1]))


# Steps left from a body's last word, in order: the first that matches the word before says how far it takes
# the name (0 stops it): a capitalised word that is no title's, a possessive or `&` between name words.
_LEFT_STEPS: tuple[tuple[str, Callable[[Doc, int], bool]], ...] = (
    ("name_word", lambda doc, j: _capitalised(doc[j]) and not title_word(doc[j])),
    ("inner_possessive_or_ampersand", lambda doc, j: doc[j].text in LEX.possessives | {"&"}
     and j > 0 and _capitalised(doc[j - 1]) and not title_word(doc[j - 1])),
)


def _body_start(doc: Doc, anchor: int) -> int:
    """Where a body's name that ends at `anchor` starts: back over its name words, inner possessives and `&`,
    not across a line, a title's word or an owner's possessive (`Harbour Trust's Network`); across a sentence start
    the parser put inside the name (`Lakeside | Tenants' Union`), as a full stop between them is no name's word."""
    start = anchor
    while start > 0 and "\n" not in doc[start - 1].whitespace_ \
            and any(step(doc, start - 1) for _name, step in _LEFT_STEPS):
        start -= 1
    owner = next((t.i for t in reversed(doc[start:anchor]) if t.text in LEX.possessives
                  and any(w.lower_.rstrip(".") in LEX.organization_words for w in doc[start:t.i])), None)
    start = owner + 1 if owner is not None else start
    return start + (doc[start].lower_ == "the" and start < anchor)


def _body_end(doc: Doc, after: int, names: frozenset[int]) -> int:
    """Where a body's name goes on after its last word: `of`/`for` chains of capitalised words that are no
    title's and no person's (`Association of Rural Nurses of Westmark`, `Centre for Quiet Streets`), up to where
    a name starts (`names`)."""
    end = after
    while end + 1 < len(doc) and doc[end].lower_ in {"of", "for"} and "\n" not in doc[end - 1].whitespace_:
        at = end + 1 + (doc[end + 1].lower_ == "the")
        words = at
        while words < len(doc) and _capitalised(doc[words]) and not _title_starts(doc, words) \
                and words not in names \
                and "\n" not in doc[words - 1].whitespace_:
            words += 1
            if has_role_word(doc[words - 1].text):
                break  # "Board of Trustees", "Council of Coastal Mayors": people in the plural close the name
        if words == at:
            break
        end = words
    return end


def _title_starts(doc: Doc, i: int) -> bool:
    """A title starts at the word: a title's word, or its modifier or field before one (`Materials Research
    Director`), not a field's word ending the name (`Institute for Materials Research`)."""
    if is_role_word(doc[i]):
        return True
    return doc[i].lower_ in LEX.title_modifiers and i + 1 < len(doc) and title_word(doc[i + 1])


def defined_by_acronym(words: Span) -> bool:
    """`the Intergovernmental Agency for River Basins (IARB)`: words whose capitalised initials spell the acronym in
    brackets right after them name a body, whatever the recogniser took them for (no person is so defined)."""
    doc, end = words.doc, words.end
    if end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")":
        return False
    acronym = doc[end + 1]
    if not (acronym.is_upper and acronym.is_alpha and 2 <= len(acronym) <= 8):
        return False
    start = _spelled_out(doc, end, acronym.text)
    return start is not None and start <= words.start


def _spelled_out(doc: Doc, end: int, acronym: str) -> int | None:
    """Where the words before `end` start whose capitalised initials spell `acronym` (its small words between)."""
    initials = ""
    for start in range(end - 1, max(-1, end - 2 * len(acronym) - 3), -1):
        word = doc[start]
        if word.text[:1].isupper() and word.is_alpha:
            initials = word.text[0] + initials
            if initials == acronym:
                return start
            if not acronym.endswith(initials):
                return None
        elif word.lower_ not in _ACRONYM_FILLERS:
            return None
    return None


_ACRONYM_FILLERS = frozenset({"of", "for", "and", "the", "on", "&", "in", "de"}) | LEX.possessives


def repair_bodies(doc: Doc, names: frozenset[int] = frozenset()) -> list[Span]:
    """Bodies' names their own shape shows, whatever the recogniser saw: capitalised words that end with an
    organisation's word (`Pell River Conservancy`, `St. Brigid's Hospice`, `Lakeside Tenants' Union`,
    `Orrin & Vale LLP`, `Kestrel Holdings plc`) and the `of`/`for` chain after it, cut where a title's words
    start (`Greywater Alliance Policy Director`) or a person's name (the recogniser's, or one repaired, whose
    first words `names` gives: `Centre for Quiet Streets | Elif N. Nakamura`)."""
    found = []
    # (a one-word "person" in an of-chain is the body's own word: `Carers' Network of Dunmore's director`)
    names = names | {e.start for e in doc.ents if e.label_ == "PERSON" and len(e) > 1}
    entity_at = {i: e for e in doc.ents if e.label_ == "ORG" for i in range(e.start, e.end)}  # one pass, not per word
    for token in (doc[i] for i in word_positions(doc, _organization_word)):
        if token.i + 1 < len(doc) and _anchor(doc[token.i + 1]) and "\n" not in token.whitespace_:
            continue  # "Kestrel Holdings plc": the name goes on to its last organisation's word
        if _anchor(token):
            start, end = _body_start(doc, token.i), _body_end(doc, token.i + 1, names)
            if end - start > 1 and not _inside_body(entity_at.get(start), start, end):
                found.append(Span(doc, start, end, label="ORG"))
    return found


def _inside_body(ent: Span | None, start: int, end: int) -> bool:
    """The words lie inside a longer body the recogniser saw, which the shape never narrows (`Swiss Federal
    Department of Foreign Affairs`, `Graduate Institute of International and Development Studies`), unless it
    runs across a comma or a bracket (`Programmes, Harbour Trust`, `Takahashi (Riverside Children's Fund`) or
    a person's name ends it (`St. Brigid's Hospice Siobhán Quispe`)."""
    from .names import name_ending_at  # names.py repairs people's names and imports this module

    if ent is None or end > ent.end or (ent.start, ent.end) == (start, end):
        return False
    doc = ent.doc
    # "St. Brigid's Hospice Siobhán Quispe", "the Harbour Trust Siobhán" (Yilmaz): the body runs into a name
    # (the name may run on past the entity: "the Pell River Conservancy Sione" ten Brink)
    stops = range(ent.end, min(len(doc), ent.end + settings.NAME_PAST_BODY_TOKENS) + 1)
    names = (name_ending_at(doc, stop) for stop in stops) if end < ent.end else ()
    into_name = any(name is not None and name.start == end for name in names)
    # "Communications of the Association of ...": a title's field joined to the body by a link (not the body's own
    # "the", nor a body's `of`: "the University of Harbourside's School of Health" stays whole)
    front = doc[ent.start + (ent[0].lower_ == "the"):start]
    linked = doc[start - 1].lower_ in _LINKS and len(front) > 1 and not any(
        t.lower_ in LEX.organization_words for t in front)
    titled = end < ent.end and title_word(doc[end])  # "Centre for Quiet Streets Legal | Adviser": a title starts
    # "Chair of the Board of Trustees Thandiwe Haddad of Brightwater Energy Ltd": a name, then the body's link
    named = start - 1 > ent.start and doc[start - 1].lower_ in {"of", "at"} \
        and name_ending_at(doc, start - 1) is not None
    return not (any(t.text in _CROSSED for t in ent) or into_name or linked or titled or named)


_LINKS = frozenset({"of", "for", "at", "the"})


_CROSSED = frozenset({",", "|", "(", ")"})
