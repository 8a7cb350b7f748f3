"""Titles: the role printed with a person's name, and the body the title names.

A title is read after the name (TITLE_AFTER_NAME: an appositive `Jane Doe, director of X,`, a relative
clause `who is director of X`, parentheses `(Director, X)`, a sentence `Jane Doe is director of X.`), else
before it (`X Executive Director Jane Doe`), or from a signature's lines. The body inside a title is found
by the `title` steps of ORGANIZATION_STEPS (organization.py, through body_in_title()) and cut out of the role.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from .. import settings
from .bodies import has_organization_word, past_name_list
from .doctext import doc_index, doc_text
from .organization import (
    Title,
    body_after_name,
    body_after_title,
    body_in_title,
    body_named_by,
    body_under_signature,
    lone_body,
    office_of_place,
)
from .rules import load_rules
from .words import (
    finite_verb,
    has_role_word,
    in_parentheses,
    in_place,
    is_role_word,
    opens_appositive,
    signature_place,
    text_at,
)

LEX = load_rules()


def role_end(person: Span) -> int | None:
    """Where the appositive title after a name ends: `Jane Doe, director for (counter) terrorism, law and
    rights at X, said` runs through its parentheses and its list to the comma before the verb."""
    doc = person.doc
    if not opens_appositive(doc, _past_aside(doc, person.end)):
        return None
    start = end = title_start(person)
    while end < len(doc) and end - person.end < settings.ROLE_MAX_TOKENS:
        following = next(step(doc, start, end) for _name, test, step in _ROLE_END_STEPS if test(doc, start, end))
        if following is None:
            break
        end = following
    return end


def _bracket_note(doc: Doc, start: int, end: int) -> int | None:
    """`director for (counter) terrorism`: a note in brackets inside the title, not at its start."""
    close = _bracket_close(doc, end, settings.TITLE_NOTE_MAX_TOKENS)
    return close + 1 if close is not None and end != start else None


def _bracket_close(doc: Doc, opening: int, limit: int) -> int | None:
    """Where the bracket opened at `opening` closes, within `limit` tokens, else None."""
    return next((n for n in range(opening + 1, min(len(doc), opening + limit)) if doc[n].text == ")"), None)


def _clause_word(token: Token) -> bool:
    """`a member since 2013`, `director of X said`, `director X had the following`: a word that ends a title (`early
    warning` does not)."""
    speech = token.lower_ in LEX.speech_verbs and not (token.pos_ == "NOUN" and token.lower_.endswith("ing"))
    # "… Water Company had the following reaction", "… offered this comment": a statement's verb and its object
    statement = token.lower_ in LEX.statement_verbs and text_at(token.doc, token.i + 1).lower() in _STATEMENT_OBJECTS
    return token.lower_ in LEX.role_trailing_cut or speech or statement


_STATEMENT_OBJECTS = frozenset({"the", "this", "these", "a"})


def _second_post(doc: Doc, end: int) -> bool:
    """`chair of X and a former director of Y`: an `and` that opens a second post, held before or elsewhere."""
    if doc[end].lower_ != "and":
        return False
    after = end + 1 + (text_at(doc, end + 1).lower() in {"a", "an", "the"})
    return text_at(doc, after).lower() in LEX.second_post_openers


def _name_after_stop(doc: Doc, end: int) -> bool:
    """A person's name, or a sentence the parser starts, right after a word that ends with a full stop (`Ltd.`,
    `Inc.`): a new sentence."""
    person = doc[end].ent_type_ == "PERSON" and doc[end].ent_iob_ == "B"
    return doc[end - 1].text.endswith(".") and (person or bool(doc[end].is_sent_start))


def _line_ends(doc: Doc, start: int, end: int) -> bool:
    return "\n" in doc[end].text or (end > start and ("\n" in doc[end - 1].whitespace_ or signature_place(doc, end)))


_StepTest = Callable[[Doc, int, int], bool]
_StepNext = Callable[[Doc, int, int], int | None]
# How a title after a name is read, one word at a time: the first step whose test holds gives where reading goes
# on (None ends the title before the word).
_ROLE_END_STEPS: tuple[tuple[str, _StepTest, _StepNext], ...] = (
    ("line_end", _line_ends, lambda doc, start, end: None),
    # "Chair of the Water Board - Opening Plenary", "... Board- Opening": a headline's separator
    ("separator", lambda doc, start, end: doc[end].text in LEX.dashes and bool(doc[end].whitespace_),
     lambda doc, start, end: None),
    ("clause_word", lambda doc, start, end: _clause_word(doc[end]), lambda doc, start, end: None),
    ("second_post", lambda doc, start, end: _second_post(doc, end), lambda doc, start, end: None),
    # "director of Brovia Inc. Jane Doe, chair of ...": an abbreviation's stop closed the sentence
    ("name_after_stop", lambda doc, start, end: end > start and _name_after_stop(doc, end),
     lambda doc, start, end: None),
    ("bracket_note", lambda doc, start, end: doc[end].text == "(", _bracket_note),
    ("list_comma", lambda doc, start, end: doc[end].text == ",",
     lambda doc, start, end: end + 1 if _comma_continues(doc, start, end) else None),
    ("title_stop", lambda doc, start, end: doc[end].text in LEX.title_stops, lambda doc, start, end: None),
    ("title_word", lambda doc, start, end: True, lambda doc, start, end: end + 1),
)


def title_start(person: Span) -> int:
    """Where the title after a name and its comma starts: after the degrees and honours written after the
    name (`Jane Roe, M.D., Ph.D., director of ...`)."""
    doc = person.doc
    start = _past_aside(doc, person.end) + 1
    while (text_at(doc, start).lower() in LEX.post_nominals or _age(doc, start)) and text_at(doc, start + 1) == ",":
        start += 2  # (and the age: `Jane Roe, 52, director of ...`)
        start = _past_hometown(doc, start)
    return start


def _past_hometown(doc: Doc, start: int) -> int:
    """`Jane Roe, 48, of Kirkhaven, a shop steward for X`: past the town after an age, capitalised words naming no
    body between `of` and a comma."""
    if text_at(doc, start).lower() != "of":
        return start
    end = start + 1
    while end < len(doc) and end - start <= settings.PLACE_MAX_WORDS and doc[end].is_title:
        end += 1
    town = doc[start + 1:end]
    named_body = any(t.lower_ in LEX.organization_words for t in town)
    return end + 1 if len(town) and text_at(doc, end) == "," and not named_body else start


def _past_aside(doc: Doc, end: int) -> int:
    """Past degrees and honours printed right after a name (`Jane Roe OBE, director of X`), and past a short note in
    brackets and lower case (`Jane Roe (centre), director of X`)."""
    while text_at(doc, end).lower() in LEX.post_nominals:
        end += 1
    if text_at(doc, end) != "(":
        return end
    close = _bracket_close(doc, end, settings.TITLE_NOTE_MAX_TOKENS)
    if close is None or close == end + 1 or not all(t.is_lower for t in doc[end + 1:close] if t.is_alpha):
        return end
    return close + 1


def _age(doc: Doc, i: int) -> bool:
    """A person's age set off by commas after the name: a number of one to three digits."""
    return i < len(doc) and doc[i].is_digit and len(doc[i].text) <= 3


def _comma_continues(doc: Doc, start: int, comma: int) -> bool:
    """A comma inside a title: a list of capitalised words (`Land, Water and Housing Rights`), or a
    list that closes with `and` before the next comma (`(counter) terrorism, law and rights at X`)."""
    if comma + 1 >= len(doc) or comma == start:
        return False
    before, after = doc[comma - 1], doc[comma + 1]
    if before.is_title and not is_role_word(before) and past_name_list(doc, comma) > comma:
        return True  # "of the Rivers, Reefs and Rights Coalition": the comma is inside the body's name
    entity = after.ent_type_ == "ORG" and after.ent_iob_ == "B"
    if before.is_title and after.is_title and not entity and not is_role_word(after):
        return True
    if after.lower_ in {"and", "&"} and before.is_title:  # "Law, Policy, and Research program"; not ", and Jane Roe"
        return text_at(doc, comma + 2).istitle() and doc[comma + 2].ent_type_ != "PERSON"
    return _list_closes_with_and(doc, start, comma)


def _list_closes_with_and(doc: Doc, start: int, comma: int) -> bool:
    """`(counter) terrorism, law and rights at X`: the words up to the next stop hold `and`, no verb, person or
    article, do not open with `and`, and the title before the comma holds a title's word."""
    segment = []
    for token in doc[comma + 1:min(len(doc), comma + settings.TITLE_LIST_ITEM_MAX_TOKENS)]:
        if token.text in {",", ".", ";", ":", "“", '"'} or "\n" in token.text_with_ws[len(token.text):]:
            break
        segment.append(token)
    words = {t.lower_ for t in segment}
    return bool(words & {"and", "&"}) and not words & LEX.speech_verbs and not any(map(_not_in_list, segment)) \
        and segment[0].lower_ not in {"and", "&"} and has_role_word(doc[start:comma].text)


def _not_in_list(token: Token) -> bool:
    return token.ent_type_ == "PERSON" or (token.pos_ in {"VERB", "AUX", "PRON", "DET"} and token.lower_ != "the")


def _trim_role(role: str) -> str:
    previous = None
    while previous != role:
        previous = role
        role = re.sub(r"^(?:the|a|an|its|their|our|his|her)\b\s*|\s+(?:the|a|an)$", "", role.strip(" ,;:|-–.…\n\t"),
                      flags=re.IGNORECASE)
        role = re.sub(r"^(?:of|at|for|with|from|in|and)\s+|\s+(?:of|at|for|with|from|in|and)$", "", role,
                      flags=re.IGNORECASE)
        role = re.sub(r"^(?:the\s+)?[a-z]+[’']s\s+(?=\S)|^[’']s?\s+", "", role)  # "the group's senior counsel"
        # "CEO of HMG's" before "Northfield General Hospital": the owner of the body is not the title's
        role = re.sub(r"\s+(?:of|at|for)\s+(?:the\s+)?[\w.&-]+(?:\s+[\w.&-]+){0,3}[’']s$", "", role)
    return role.strip(" ,;:|")


# A title that ends "of the" before a body's name goes on after it: `chairman of the Brovia Corp. board`.
_LINKED_END = re.compile(r"\b(?:of|at|for)(?: the)?\s*$", re.IGNORECASE)


def _split_role(span: Span, appositive: bool = False) -> Title:
    """Split `executive director of Amnesty International` into role and organisation; the organisation
    by the first of the `title` steps of ORGANIZATION_STEPS that finds one inside the phrase."""
    text = span.text.strip(" ,;:—–-")
    text = text.strip("()") if text.count("(") != text.count(")") else text  # "(HHI)" keeps its own
    if not text or any(finite_verb(t) and not in_parentheses(t) for t in span):
        return Title()  # "Jane Doe, has wrapped up a visit": a clause, not a title
    entities = [e for e in doc_index(span.doc).between("ORG", span.start, span.end) if e.end <= span.end]
    org, step = body_in_title(span, text, entities)
    role = _trim_role(_role_around(text, org) if org and org in text else text)
    titled = has_role_word(role) or (appositive and _plain_appositive(span, role))
    keep = titled and len(role) <= settings.ROLE_MAX_CHARS
    return Title((role or None) if keep else None, org, None, step if org else None)


def _role_around(text: str, org: str) -> str:
    """The role in a title that names a body: the words before or after the body's name, or the whole title."""
    before, _, after = text.partition(org)
    after = "" if in_place(after) else after  # "... from Brovia in Kenya"
    possessive = re.match(r"^\s*[’']s\s+", after)
    if possessive:  # "Director of Harbour Trust USA's Security Program": the whole title; "Brovia's chair"
        return text if has_role_word(before) else after[possessive.end():]
    after = re.sub(r"^\s*\([^()]*\)?", "", after)  # "the Red Cross (ICRC)": the acronym adds nothing
    if _trim_role(after) and has_role_word(before) and (not has_role_word(after) or _LINKED_END.search(before)):
        return text  # "chairman of the Brightwater Corp. board of trustees": the title runs through the name
    return before if len(_trim_role(before)) >= len(_trim_role(after)) else after


def _plain_appositive(span: Span, role: str) -> bool:
    """`Jane Roe, a local farmer,`: a short lower-case appositive names a role without a title's word."""
    words = role.split()
    first_pos = span[0].pos_ if len(span) else ""
    return 0 < len(words) <= settings.PLAIN_APPOSITIVE_MAX_WORDS and first_pos not in {"PRON", "VERB", "AUX", "ADP"} \
        and (role[:1].islower() or words[0].lower() == "former")


def _role_after(person: Span) -> Title:
    doc = person.doc
    end = role_end(person)
    if end is None:
        return Title()
    span = doc[title_start(person):end]
    title = _split_role(span, appositive=True)
    following = body_after_title(span) if text_at(doc, end) == "," else None
    listed = any(t.text == "," for t in span)  # "Minister for X, Y and Z, Government of W": a body's own words
    if following is not None and has_role_word(span.text) and (not listed or has_organization_word(following)):
        # "Jane Roe, President and CEO, Harbour Trust Canada says", "Jane Roe, Director of Programmes, Brovia
        # Inc., said": the body follows the title, and an `of` phrase inside it is the title's own portfolio.
        title = Title(_trim_role(span.text), following, None, "body_after_title")
    return replace(title, role_rule="appositive_after_name" if title.role else None)


def _role_before(person: Span, body_known: bool = False) -> Title:
    """A role printed before the name: `Brightwater Executive Director Jane Roe`, `CEO, Jane Doe`."""
    doc = person.doc
    if text_at(doc, person.start - 1).lower() in {"and", "&"}:
        return Title()  # `… of the Skerry Trust and Jane Roe of …`: the list's last name, no title before it
    stop = _title_stop(person)
    start = _title_start(doc, stop)
    span = doc[start:stop]
    if start < stop and not has_role_word(span.text) and stop == person.start and doc[stop - 1].text in LEX.possessives:
        return _possessive_body_before(doc[start:stop])
    if start == stop or (stop < person.start and not has_role_word(span.text)):
        return Title()
    title = _with_body_after_name(_split_role(span), span, person, body_known)
    return replace(title, role_rule="role_before_name" if title.role else None)


def _with_body_after_name(title: Title, span: Span, person: Span, body_known: bool) -> Title:
    """"Head of Policy for Coastal Affairs Jane Roe of the Greywater Alliance", "Chair of the Board of Trustees
    Jane Roe (Harbour Trust)": the body after the name, the title's of/for phrase its portfolio."""
    if not title.role or title.organization is None:
        return title
    body = None if body_known else body_after_name(person)
    if not (body_known or body):
        return title
    return Title(_trim_role(span.text), body, None, "of_at_for_after_role" if body else None)


def _title_start(doc: Doc, stop: int) -> int:
    """Where a title that ends at `stop` starts: the words the steps take, less a link's lead-in and link words."""
    start = stop
    while start > 0 and stop - start < settings.ROLE_BEFORE_NAME_MAX_TOKENS:
        taken = next(take for _name, test, take in _BEFORE_NAME_STEPS if test(doc, start - 1))
        if not taken:
            break
        start -= taken
    # "a briefing with Director Jane Roe", "statement from CEO Jane Roe": the words before a body's or a place's link
    # that hold no title's word are not the title's ("Researcher from the X in Y, Jane Roe" is).
    start = max([start, *(t.i + 1 for t in doc[start:stop] if t.lower_ in _PLACE_LINKS
                          and not has_role_word(doc[start:t.i].text))])
    while start < stop and doc[start].lower_ in LEX.role_link_words:
        start += 1
    return start


def _possessive_body_before(words: Span) -> Title:
    """"the Harbour Trust's Jane Roe said": the body whose possessive stands before the name, if it is one."""
    body = (lone_body(words) or lone_body(words[:-1])) if len(words) > 1 else None
    return Title(None, body, None, "possessive") if body else Title()


def _title_stop(person: Span) -> int:
    """Where a title before a name ends: before the honorifics (`lead author Dr Jane Roe`: neither name nor title;
    `Professor` is a title) and a comma (`... Campaign Manager for Safer Coastal Towns, Jane Roe`)."""
    doc = person.doc
    stop = person.start
    while stop > 0 and ((doc[stop - 1].lower_.rstrip(".") in LEX.honorifics and (
            not is_role_word(doc[stop - 1]) or _titled_before(doc, stop - 1)))
            or (doc[stop - 1].text == "." and stop > 1 and doc[stop - 2].lower_ in LEX.honorifics)):
        stop -= 1  # (`Hon` `.`: the abbreviation's stop, a token of its own)
    if stop < person.start and text_at(doc, stop - 1).lower() == "the":
        stop -= 1  # "The Minister for Housing, the Hon. Jane Roe MP": the honorific's article
    return stop - (text_at(doc, stop - 1) == ",")


def _titled_before(doc: Doc, i: int) -> bool:
    """`Chief Scientific Officer Professor Jane Roe`, `Head of Sustainability Prof. Roe`: a title's own word stands
    before the honorific (`Associate Professor` is one title)."""
    start = max(0, i - settings.ROLE_BEFORE_NAME_MAX_TOKENS)
    # (on the honorific's own line and clause only)
    start = max([start, *(t.i + 1 for t in doc[start:i] if "\n" in t.text_with_ws or t.text in LEX.title_stops)])
    titles = [t for t in doc[start:i] if is_role_word(t) and t.lower_ not in LEX.honorifics]
    # (`Chief Executive` is two title's words; `Associate` alone is a modifier of `Professor`)
    return len(titles) > 1 or any(t.lower_ not in LEX.role_modifiers for t in titles)


def _may_stand_in_title(token: Token) -> bool:
    """A word a title before a name may hold: a link word, a noun, a proper noun, an adjective, a body's word or
    a capitalised word inside the sentence."""
    return token.lower_ in _TITLE_LINKS or token.pos_ in {"PROPN", "NOUN", "ADJ"} or token.ent_type_ == "ORG" \
        or (token.text[:1].isupper() and not token.is_sent_start)


def _gerund_field(doc: Doc, i: int) -> bool:
    """`head of fundraising`: an -ing word after a title's `of`/`for`, the title's field."""
    return doc[i].tag_ == "VBG" and i > 1 and doc[i - 1].lower_ in {"of", "for"} and is_role_word(doc[i - 2])


def _article_in_name(doc: Doc, i: int) -> bool:
    """`director of the Red Cross`: an article inside a body's name or after its link."""
    return doc[i].pos_ == "DET" and (doc[i].ent_type_ == "ORG" or text_at(doc, i - 1).lower() in _ARTICLE_LINKS)


_TITLE_LINKS = LEX.role_link_words | LEX.body_links | {"the", "in"}  # "Director from the X in Y, Jane Roe"
_PLACE_LINKS = (LEX.body_links | {"in"}) - LEX.role_link_words
_ARTICLE_LINKS = LEX.body_links | LEX.role_link_words  # "Lead Scientist on the Coastal Survey Jane Roe"
# How a title before a name is read from the name back, one word at a time: the first step whose test holds
# takes that many words (0 ends the title).
_BEFORE_NAME_STEPS: tuple[tuple[str, Callable[[Doc, int], bool], int], ...] = (
    ("line_above", lambda doc, i: "\n" in doc[i].text_with_ws, 0),  # a heading above is not the name's title
    # "the President of the Coastal Fisheries Association (CFA), Jane Roe"
    ("bracketed_acronym", lambda doc, i: doc[i].text == ")" and text_at(doc, i - 2) == "(" and doc[i - 1].is_upper, 3),
    # "Managing Director" opening a sentence, "the managing director": tagged a verb, still the title's
    ("title_modifier", lambda doc, i: doc[i].lower_ in LEX.role_modifiers, 1),
    # "clinical lead", "head of fundraising": a title's word, or an -ing field after its link, tagged a verb
    ("title_word_tagged_verb", lambda doc, i: is_role_word(doc[i]) or _gerund_field(doc, i), 1),
    ("no_title_word", lambda doc, i: not _may_stand_in_title(doc[i]), 0),
    ("speech_verb", lambda doc, i: doc[i].lower_ in LEX.speech_verbs, 0),
    ("article_in_name", _article_in_name, 1),
    ("clause_word", lambda doc, i: doc[i].pos_ in {"VERB", "AUX", "PRON", "DET"}, 0),
    ("title_word", lambda doc, i: True, 1),
)


def _clause_end(doc: Doc, start: int) -> int:
    """Where a phrase that starts at `start` ends: at a comma, a stop, a quotation or a line's end."""
    end = start
    while end < len(doc) and end - start < settings.ROLE_MAX_TOKENS and doc[end].text not in LEX.title_stops \
            and doc[end].text != "," and "\n" not in doc[end].text and not doc[end].is_sent_start:
        end += 1
    return end


def _role_in_relative_clause(person: Span) -> Title:
    """`Jane Roe, who is executive director of X,`; `Jane Roe, who leads X as its executive director,`."""
    doc = person.doc
    comma = _past_aside(doc, person.end)  # ("Jane Roe (pictured), who ...")
    at = comma + 2
    if text_at(doc, comma) != "," or text_at(doc, comma + 1).lower() not in LEX.relative_pronouns:
        return Title()
    while at < len(doc) - 1 and doc[at].dep_ == "aux" and doc[at].head.i > at:
        at += 1  # "who has been executive director of X": the tense's auxiliaries before the copula
    verb = text_at(doc, at).lower()
    if verb in LEX.copulas and text_at(doc, at + 1).lower() in LEX.appointment_verbs:
        # "who was appointed chair of X last year": the post an appointment gave
        return _clause_title(doc, at + 2, _time_start(doc, at + 2, _clause_end(doc, at + 2)))
    if verb in LEX.copulas:
        return _clause_title(doc, at + 1, _verb_modifier_start(doc[at], _clause_end(doc, at + 1)))
    if verb in LEX.serving_verbs and text_at(doc, at + 1).lower() == "as":
        # "who serves as chief executive of X", "who has served as X's director"
        return _clause_title(doc, at + 2, _time_start(doc, at + 2, _clause_end(doc, at + 2)))
    return _led_title(doc, at) if verb in LEX.leading_verbs else Title()


def _clause_title(doc: Doc, start: int, end: int) -> Title:
    """The title a relative clause gives in the words from `start` to `end`."""
    title = _split_role(doc[start:end], appositive=True)
    return replace(title, role_rule="relative_clause") if title.role else Title()


def _led_title(doc: Doc, at: int) -> Title:
    """`who heads the Harbour Trust`: the body led, and the title after `as` where one is given."""
    end = _time_start(doc, at + 1, _clause_end(doc, at + 1))
    link = next((t.i for t in doc[at + 1:end] if t.lower_ == "as"), end)
    role = _split_role(doc[link + 1:end], appositive=True) if link < end else Title()
    body = _led_body(doc[at + 1:link]) if link > at + 1 else None
    return Title(role.role, body, "relative_clause" if role.role else None, "relative_clause" if body else None)


def _led_body(words: Span) -> str | None:
    """The body a leading verb names: `the Harbour Trust`, or the owner of a unit in lower case (`the Harbour
    Trust's data unit`, `Brovia Logistics' estates department`)."""
    possessive = next((t.i for t in reversed(words) if t.text in LEX.possessives), None)
    if possessive is not None and possessive > words.start and all(
            t.is_lower or not t.is_alpha for t in words.doc[possessive + 1:words.end]):
        return lone_body(words.doc[words.start:possessive])
    return lone_body(words)


def _time_start(doc: Doc, start: int, end: int) -> int:
    """Where a phrase of time starts between `start` and `end` (`who joined X as director | in 2019`), or `end`."""
    when = next((t.i for t in doc[start:end] if t.ent_type_ in _TIME_LABELS), end)
    linked = doc[when - 1].pos_ in {"ADP", "SCONJ"} or doc[when - 1].lower_ in LEX.role_trailing_cut
    return when - 1 if start < when < end and linked else when  # "as director | since 2018"


def _verb_modifier_start(verb: Token, end: int, attribute: Token | None = None) -> int:
    """Where a modifier of time of the verb starts after its attribute (`who has been director of X | for six
    years`), or `end`. (The parser hangs a title's own `for` phrase on the verb too: only a date ends it.)"""
    attribute = attribute or next((c for c in verb.children if c.dep_ == "attr"), None)
    if attribute is None:
        return end
    return next((c.left_edge.i for c in verb.rights if c.i > attribute.right_edge.i and c.left_edge.i < end
                 and any(t.ent_type_ in _TIME_LABELS for t in c.subtree)), end)


_TIME_LABELS = frozenset({"DATE", "TIME"})


def _role_in_parentheses(person: Span) -> Title:
    """`Jane Roe (Harbour Trust) said`, `Jane Roe (Chief Executive, Brovia Inc.) said`."""
    doc = person.doc
    if text_at(doc, person.end) != "(":
        return Title()
    close = _bracket_close(doc, person.end, settings.ROLE_MAX_TOKENS)
    if close is None or close == person.end + 1:
        return Title()
    inside = doc[person.end + 1:close]
    if has_role_word(inside.text):
        title = _split_role(inside, appositive=True)
        return replace(title, role_rule="parenthesised" if title.role else None)
    body = lone_body(inside)
    return Title(None, body, None, "parenthesised") if body else Title()


def _role_as_predicate(person: Span) -> Title:
    """`Jane Roe is executive director of the Harbour Trust.`: a sentence that gives the title."""
    # "Kenji dos Santos is chair of X", a name the parser cut in two: the name's word that is the subject
    root = next((t for t in reversed(person) if t.dep_ == "nsubj"), person.root)
    head = root.head
    verb = _is_title_verb(head)
    attribute = _predicate_attribute(root, head, verb)
    if root.dep_ != "nsubj" or attribute is None:
        return Title()
    end = _predicate_end(person.doc, head, _past_joined_words(attribute))
    # "Jane Roe is managing director of X", parsed as a verb and its object: the title starts at the verb;
    # "Roe is vice-chair of X", parsed as two attributes: at the first.
    start = head.i if verb else min([attribute.left_edge.i, *(c.left_edge.i for c in head.children
                                                               if c.dep_ in _ATTRIBUTES and c.i > root.i)])
    title = _split_role(person.doc[start:end + 1], appositive=True)
    return replace(title, role_rule="predicate") if title.role else Title()


def _is_title_verb(head: Token) -> bool:
    """`is managing director`, parsed as a verb (`managing`) after a copula and its object."""
    return head.lower_ in LEX.role_modifiers and any(c.dep_ == "aux" and c.lower_ in LEX.copulas
                                                     for c in head.children)


def _predicate_attribute(root: Token, head: Token, verb: bool) -> Token | None:
    """The word of the title after the subject: the copula's attribute, the verb's object, or what `served as`."""
    deps = {"dobj"} if verb else {"attr"} if head.lower_ in LEX.copulas else set()
    attribute = next((c for c in head.children if c.dep_ in deps and c.i > root.i), None) or _served_as(head)
    if attribute is None and verb and head.dep_ in {"amod", "compound"} and is_role_word(head.head):
        attribute = head.head  # "Roe is managing director of X" parsed with `managing` a modifier of the title
    return attribute


def _past_joined_words(attribute: Token) -> Token:
    """"Roe is co-founder at X", parsed as three attributes: the last word of the hyphenated title."""
    doc = attribute.doc
    while attribute.i + 2 < len(doc) and doc[attribute.i + 1].text in LEX.dashes \
            and not attribute.whitespace_ and not doc[attribute.i + 1].whitespace_:
        attribute = doc[attribute.i + 2]
    return attribute


def _predicate_end(doc: Doc, head: Token, attribute: Token) -> int:
    """The last token of a predicate's title: the attribute, what hangs on it and the body's link after it."""
    # The title is the attribute and what hangs on it, not a second attribute joined by `and`; after a serving
    # verb, what hangs on the verb too, up to its modifier of time (`has served as head of X at Y | since 2019`).
    end = max([attribute.i, *(c.right_edge.i for c in attribute.rights if c.dep_ not in {"cc", "conj", "punct"})])
    if attribute.dep_ == "pobj":
        end = max(end, _verb_modifier_start(head, _clause_end(doc, attribute.i), attribute) - 1)
    # "Roe is treasurer at Saltmarsh Wildlife Rescue", the `at` hung on the verb: the body's link right after the title
    link = next((c for c in head.rights if c.i == end + 1 and c.dep_ == "prep" and c.lower_ in LEX.body_links
                 and not any(t.ent_type_ in _TIME_LABELS for t in c.subtree)), None)
    end = link.right_edge.i if link is not None else end
    if doc[end].lower_ in LEX.role_link_words:  # "director of | Brightwater Energy Ltd.": the parse lost it
        end = _clause_end(doc, end) - 1
    return end


_ATTRIBUTES = frozenset({"attr", "acomp"})


def _served_as(verb: Token) -> Token | None:
    """`Roe has served as executive director of X since 2019`: the object of the `as` after a serving verb."""
    if verb.lower_ not in LEX.serving_verbs:
        return None
    link = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)
    return next((c for c in link.children if c.dep_ == "pobj"), None) if link is not None else None


def _role_by_appointment(person: Span) -> Title:
    """`Jane Roe was appointed chief executive of X`, `X has appointed Jane Roe as its new chair`: the post an
    appointing verb gives the person it names; the appointing body is the post's, where `its` refers to it."""
    root = person.root
    head = root.head
    if head.lower_ not in LEX.appointment_verbs or root.dep_ not in {"nsubjpass", "dobj"}:
        return Title()
    post = _appointed_post(root, head)
    if post is None:
        return Title()
    start = post.left_edge.i
    while start < post.i and person.doc[start].lower_ in LEX.appointment_fillers:
        start += 1
    doc = person.doc
    title = _split_role(doc[start:_time_start(doc, start, _predicate_end(doc, head, post) + 1)], appositive=True)
    if not title.role:
        return Title()
    appointer = next((c for c in head.children if c.dep_ == "nsubj"), None)
    owned = any(c.dep_ == "poss" and c.lower_ in {"its", "their"} for c in post.children)
    if title.organization is None and owned and appointer is not None:
        entity = next((e for e in doc_index(doc).between("ORG", appointer.left_edge.i, appointer.i + 1)
                       if e.start <= appointer.i < e.end), None)
        body = lone_body(entity if entity is not None else doc[appointer.left_edge.i:appointer.i + 1])
        title = replace(title, organization=body, organization_rule="appointing_body" if body else None)
    return replace(title, role_rule="appointment")


def _appointed_post(root: Token, head: Token) -> Token | None:
    """The post an appointing verb gives: its complement (`was named chief executive`), its `as` phrase, or the
    apposition to its object (`named Jane Roe its chief executive`)."""
    complement = next((c for c in head.children if c.dep_ in {"oprd", "attr"} and c.i > root.i), None)
    if complement is not None:
        return complement
    link = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > root.i), None)
    if link is not None:
        return next((c for c in link.children if c.dep_ == "pobj"), None)
    return next((c for c in root.children if c.dep_ == "appos"), None) if root.dep_ == "dobj" else None


# Where a title printed after a name is read, in order: the first reading that finds a role wins.
def _role_fronted_as(person: Span) -> Title:
    """`As head of research of X since 2017, Jane Roe has …`: a title in a fronted `as` clause that ends right
    before the name (its time phrase left out)."""
    doc = person.doc
    start = doc_index(doc).sentence(person.start).start
    if doc[start].lower_ != "as" or text_at(doc, person.start - 1) != "," or person.start - start < 3:
        return Title()
    title = _split_role(doc[start + 1:_time_start(doc, start + 1, person.start - 1)], appositive=True)
    return replace(title, role_rule="fronted_as") if title.role else Title()


TITLE_AFTER_NAME: tuple[Callable[[Span], Title], ...] = (
    _role_after, _role_in_relative_clause, _role_in_parentheses, _role_as_predicate, _role_by_appointment,
    _role_fronted_as)


def title_of(mention: Span) -> Title:
    """Role and organisation printed with a mention: after the name, else before it (once per mention)."""
    memo = doc_index(mention.doc).memo.setdefault("titles", {})
    key = (mention.start, mention.end)
    title = memo.get(key)
    if title is None:
        title = next((t for read in TITLE_AFTER_NAME if (t := read(mention)).role or t.organization), Title())
        if title.role is None:  # "Professor Jane Roe, from the University of X, said": the title before
            before = _role_before(mention, body_known=title.organization is not None)
            title = before if title.organization is None else replace(
                title, role=before.role, role_rule=before.role_rule) if before.role else title
        titled = bool(title.role) and not office_of_place(title.role)  # "Mayor Jane Roe of Harbourtown": her town
        if title.organization is None and (body := body_after_name(mention, titled=titled)) is not None:
            title = replace(title, organization=body, organization_rule="of_at_for_after_role")
        memo[key] = title
    return title


def described(mention: Span) -> tuple[int, int]:
    """How fully a mention of a person is described: role and organisation found, then role length."""
    title = title_of(mention)
    return (title.role is not None) + (title.organization is not None), len(title.role or "")


def signature_role(span: Span, signed: bool = False) -> Title:
    """What a signed name's own line or the lines under it say: `Jane Roe, Executive Director`, or a role
    line then an organisation line. The role line is read as any title is (`Campaigns Director, Clean Air
    Alliance`, `Treasurer at Calder University`), the line under it by the `signature` steps of
    ORGANIZATION_STEPS."""
    same, below, further = _signature_lines(span)
    if same is not None and _PRONOUNS.match(same.text):
        same = None  # "Jane Roe (she/her)": the pronouns the signer uses, no title
    if same is not None:  # "Jane Roe, Executive Director" on a signature's own line
        return _signature_title(same, below) if signed else Title()
    return _signature_title(below, further) if below is not None else Title()


def _signature_lines(span: Span) -> list[Span | None]:
    """The rest of a signed name's line and the two lines under it, as spans, separators trimmed (None where
    a line is empty, or past the look-ahead)."""
    doc = span.doc
    text = doc_text(span.doc)
    limit = min(len(text), span.end_char + settings.SIGNATURE_LOOKAHEAD_CHARS)
    lines: list[Span | None] = []
    begin = span.end_char
    for _ in range(3):
        end = text.find("\n", begin, limit)
        end = limit if end == -1 else end
        piece = text[begin:end]
        lead, trail = len(piece) - len(piece.lstrip(_SIGNATURE_SEPARATORS)), len(piece.rstrip(_SIGNATURE_SEPARATORS))
        if piece[lead:trail].count(")") > piece[lead:trail].count("("):  # `(Jane Roe, Chair, Harbour Trust)`
            trail = len(piece[:trail].rstrip(").").rstrip(_SIGNATURE_SEPARATORS))
        lines.append(doc.char_span(begin + lead, begin + trail, alignment_mode="expand") if trail > lead else None)
        begin = min(end + 1, limit)
    return lines


_SIGNATURE_SEPARATORS = " \t,|–—-"
_BODY_ONLY_WORDS = LEX.organization_words - LEX.field_words
_PRONOUNS = re.compile(r"^\([a-z/ ]{2,20}\)$")


def _signature_title(role_line: Span, next_line: Span | None) -> Title:
    if len(role_line.text) > settings.SIGNATURE_ROLE_MAX_CHARS or not has_role_word(role_line.text):
        return Title()
    doc = role_line.doc
    sep = next((t.i for t in reversed(role_line) if t.text in {",", "|"}), None)
    last = body_named_by(doc[sep + 1:role_line.end]) if sep is not None else None
    # The role line's own body first where a body's own word names it (a place or another signatory may follow);
    # `Researcher, Coastal and Island Rights` above `Harbour Trust USA` names a field, and the body is below.
    own = last is not None and any(w.lower().strip(".,’'") in _BODY_ONLY_WORDS for w in last.split())
    below = (None, None) if own else body_under_signature(next_line)
    if below[0] is not None:  # "Chair of the Board of Trustees" above "Harbour Trust": the of-phrase is a portfolio
        return Title(_trim_role(role_line.text), below[0], "signature_line", below[1])
    if sep is not None and last is not None:  # "Deputy Director for Land and Water Rights | Harbour Trust"
        return Title(_trim_role(doc[role_line.start:sep].text), last, "signature_line", "body_after_title")
    title = _split_role(role_line, appositive=True)
    return Title(title.role or role_line.text, title.organization, "signature_line", title.organization_rule)
