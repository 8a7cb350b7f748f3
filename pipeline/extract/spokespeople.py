"""Spokespeople: people whose words a text quotes or reports, with their role and organisation.

The grammar is named patterns (spaCy Matcher token patterns in SPEAKER_PATTERNS, and verbs with their objects
in OBJECT_CUES) and named line rules (signatures, pull quotes, speaker labels: signatures.py); each
pattern has one finder (FINDERS) that walks from its cue to the person who speaks (names.py). A title is
read after the name or before it (titles.py), and the organisation is decided by one ordered table of named
steps (ORGANIZATION_STEPS in organization.py). Every spokesperson records the pattern and the steps that
produced it. The words the rules are written in are in lexicon.toml, loaded by load_rules().
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from .. import settings
from ..records import Spokesperson
from .bodies import LIST_JOINS, defined_by_acronym
from .doctext import DocIndex, doc_index, doc_text
from .headlines import RULE as HEADLINE_RULE
from .headlines import headline_speakers
from .names import (
    Found,
    bracket_names_holder,
    clean_name,
    fullest_mention,
    head_phrase,
    name_ending_at,
    person_before,
    person_in,
    pronoun_antecedent,
    proper_name_at,
    speaker_tokens,
    subject_of,
    surname_only,
    surname_subject,
    trim_name,
    unlabelled_name,
    without_run_on_words,
)
from .organization import Title, decide, merge_mention, read_at
from .rules import load_rules
from .signatures import author_bio, closing_signature, signed_names, speaker_labels
from .titles import role_end, signature_role, title_of
from .windowed import WindowedMatcher
from .words import company_ending, is_role_word, text_at

LOGGER = logging.getLogger(__name__)
LEX = load_rules()


QUOTE_MARKS = sorted(LEX.quote_marks)
ATTRIBUTION_LINKS = sorted(LEX.attribution_links)  # "statement by", "comment from", "attributable to"
_PASSIVE_AUXILIARIES = frozenset({"was", "is", "has", "have", "been"})  # "the statement was issued by"


_PHRASAL_PATTERNS: list[list[dict]] = [[{"LOWER": {"IN": sorted(forms)}}, {"LOWER": particle}]
                                      for particle, forms in sorted(LEX.phrasal_speech_verbs.items())]


def _passive_statement(auxiliaries: int) -> list[dict]:
    """`statement was issued`: a statement's noun, its auxiliaries, its verb's participle (a fixed length keeps the
    patterns windowed)."""
    return [{"LOWER": {"IN": sorted(LEX.statement_nouns)}},
            *[{"LOWER": {"IN": sorted(_PASSIVE_AUXILIARIES)}}] * auxiliaries,
            {"LOWER": {"IN": sorted(LEX.statement_verbs)}, "TAG": "VBN"}]


SPEAKER_PATTERNS: dict[str, list[list[dict]]] = {
    # "Jane Doe said", "said Jane Doe", "…,” she added": a verb of saying, or a form of one before a quote.
    "speech_verb": [
        [{"LOWER": {"IN": sorted(LEX.speech_verbs)}, "POS": {"IN": ["VERB", "AUX"]}}],
        [{"LOWER": {"IN": sorted(LEX.speech_verbs)}}, {"ORTH": {"IN": [":", ",", *QUOTE_MARKS]}}],
        # "pointed out": a verb that speaks with its particle only.
        *_PHRASAL_PATTERNS,
    ],
    # "issued the following statement", as words, for when the parse attaches the noun elsewhere.
    "following_statement": [
        [{"LOWER": {"IN": sorted(LEX.statement_verbs)}, "POS": {"IN": ["VERB", "AUX"]}}, {"LOWER": "the"},
         {"LOWER": "following"}, {"LOWER": {"IN": sorted(LEX.statement_nouns)}}],
    ],
    # "Jane Doe, director of X: “...”": a name, a title, the words.
    "colon_before_quote": [[{"ORTH": {"IN": [":", "):"]}}, {"ORTH": {"IN": QUOTE_MARKS}}]],
    "according_to": [[{"LOWER": "according"}, {"LOWER": "to"}]],
    # "Senator Jane Roe's statement on the budget", "the Secretary-General's video message": words owned
    # (the finder takes the noun's possessive, a proper noun: a token pattern and a look at the children
    # cost a tenth of a DependencyMatcher pattern, which scans the whole document per node).
    "possessive_statement": [[{"LOWER": {"IN": sorted(LEX.possessed_words)}}]],
    # "Writing for The Harbour Review, Dr Jane Roe discusses ...": the main clause's subject wrote the words.
    "writing_for": [[{"LOWER": "writing", "IS_SENT_START": True}, {"LOWER": {"IN": ["for", "in"]}}]],
    # "Jane Roe called the decision “long overdue”": a verb of naming with a quotation after it.
    "partial_quote": [[{"LOWER": {"IN": sorted(LEX.naming_verbs)}, "POS": {"IN": ["VERB", "AUX"]}}]],
    # "Statement by Jane Doe", "comment from Jane Doe", "attributable to Jane Doe".
    "attribution_noun": [
        [{"LOWER": {"IN": sorted(LEX.attribution_nouns)}}, {"LOWER": {"IN": ATTRIBUTION_LINKS}}],
        [{"LOWER": "op"}, {"ORTH": {"IN": ["-", "‐"]}}, {"LOWER": "ed"}, {"LOWER": {"IN": ATTRIBUTION_LINKS}}],
        # ("The letter, signed by Jane Doe, warns": the participle set off by a comma)
        [{"LOWER": {"IN": sorted(LEX.attribution_nouns)}}, {"ORTH": ",", "OP": "?"},
         {"LOWER": {"IN": sorted(LEX.attribution_participles)}}, {"LOWER": {"IN": ATTRIBUTION_LINKS}}],
        # ("The following statement was issued on behalf of X by Jane Doe": the statement's verb in the passive)
        *(_passive_statement(auxiliaries) for auxiliaries in (1, 2)),  # `was issued`, `has been issued`
    ],
    # A title naming a person's own words: "Jane Doe Briefing to the Security Council".
    "work_of_speech_title": [[{"LOWER": {"IN": sorted(LEX.works_of_speech)}, "IS_TITLE": True}]],
}


# Cues over the parse, each named: a verb of the first word set whose direct child, of the dependency label, is a
# word of the second; the verb is the cue its finder starts from. (Read by a lookup of each word's lower-case form
# and the verb's children: a DependencyMatcher pattern costs a token-matcher pass over the document per node.)
OBJECT_CUES: dict[str, tuple[frozenset[str], str, frozenset[str]]] = {
    # "issued the following statement", "had the following reaction": the verb's object makes it speech.
    "following_statement": (frozenset(LEX.statement_verbs), "dobj", frozenset(LEX.statement_nouns)),
}


# A quotation, closed, or cut off by the end of a truncated teaser.
_QUOTE = re.compile(rf"[“\"]([^”\"]{{{settings.QUOTE_MIN_CHARS},}}?)(?:[”\"]|(?=[.…]*\s*$))")


def _name_after_verb(index: DocIndex, token: Token, people: dict[str, list[Span]]) -> Span | None:
    """`“…,” said Jane Doe, director of X.`: a person named right after the verb, unless the verb's object
    is the one addressed (`told Jane Doe`)."""
    doc = token.doc
    if token.lower_ in LEX.addressing_verbs or token.i + 1 >= len(doc):
        return None
    named = [e for e in index.between("PERSON", token.i + 1, token.i + 1 + settings.NAME_AFTER_VERB_MAX_TOKENS)
             if index.sent_of[e.start] == index.sent_of[token.i]]  # "…,” Roe said.\n\nJane Doe, a resident, ...": no
    if named:
        return trim_name(named[0])
    after = unlabelled_name(index, doc[token.i + 1])
    if after is not None and after.start == token.i + 1:
        return after
    return _name_after_title(index, token)


def _name_after_title(index: DocIndex, verb: Token) -> Span | None:
    """`“…,” said the director of the Harbour Trust, Jane Roe.`, `“…,” said Brovia Chief Executive Jane Roe.`:
    a title between the verb and the name, then a comma or the name closing the clause; the words between,
    in the name's sentence, hold a title's word and no verb."""
    doc = verb.doc
    limit = min(len(doc), verb.i + 2 + settings.ROLE_BEFORE_NAME_MAX_TOKENS)
    person = next(iter(index.between("PERSON", verb.i + 2, limit)), None) or _name_closing_clause(verb, limit)
    if person is None or index.sent_of[person.start] != index.sent_of[verb.i]:
        return None
    comma = doc[person.start - 1].text == ","
    if not comma and text_at(doc, person.end) not in {".", ",", ";", ""}:
        return None
    between = doc[verb.i + 1:person.start - comma]
    if any(t.pos_ in {"VERB", "AUX"} or t.text in QUOTE_MARKS for t in between) \
            or not any(is_role_word(t) for t in between):
        return None
    return trim_name(person)


def _name_closing_clause(verb: Token, limit: int) -> Span | None:
    """`said Kestrel Holdings plc Deputy Director Ingrid Adeyemi.`: the name that closes the clause after the
    verb, by its shape, where the recogniser saw none."""
    doc = verb.doc
    end = next((t.i for t in doc[verb.i + 1:limit] if t.text in {".", ",", ";"} or t.is_sent_end), None)
    return name_ending_at(doc, end + (not doc[end].is_punct)) if end is not None else None


def _name_closing_subject(index: DocIndex, verb: Token, people: dict[str, list[Span]]) -> Span | None:
    """`Legal Adviser of the Lakeside Tenants' Union Ana Brennan said`, `Council of Coastal Mayors Director of
    Research Jane O'Neill was quoted as saying`: a subject that holds a title, closed by a name (the
    recogniser's, or one by its shape)."""
    subject = subject_of(verb)
    if subject is None:
        return _titled_name_before(index, verb)
    start, end = subject.left_edge.i, subject.right_edge.i + 1
    if verb.doc[end - 1].text == ")":  # "Head of Policy Mei Castillo (Lakeside Tenants' Union) insisted"
        end = next((t.i for t in reversed(verb.doc[start:end]) if t.text == "("), end)
    person = index.entity_ending("PERSON", end) or name_ending_at(verb.doc, end)
    if person is not None and _in_body_chain(verb.doc, trim_name(person).start):
        person = None  # "... of the National Union of | Ferry Workers said": a body's of-chain, no name
    if person is None:  # "Director of the Centre for X Ana Roe of Brovia Inc. said": the name, then its body
        person = _name_before_its_body(index, verb.doc[start + 1:end])
    titled = any(is_role_word(t) for t in verb.doc[start:end])
    return trim_name(person) if titled and person is not None and person.start > start else None


def _in_body_chain(doc: Doc, start: int) -> bool:
    """Whether capitalised words from `start` go on a body's `of`/`for` chain (`Council of | River Pilots`, `Union
    of Ferry and | Harbour Workers`)."""
    before = start - 1
    if text_at(doc, before).lower() in LIST_JOINS:  # `Ferry and Harbour Workers`: back over the joined words
        before -= 1
        while before >= 0 and doc[before].is_title:
            before -= 1
    return text_at(doc, before).lower() in {"of", "for"}



def _titled_name_before(index: DocIndex, verb: Token) -> Span | None:
    """`Speaking on behalf of X, Regional Director for the South Ngozi Iwu said`, parsed with no subject: a name by
    its shape right before the verb, after a title's words that follow the clause's last comma."""
    doc = verb.doc
    sentence = index.sentence(verb.i)
    comma = next((t.i for t in reversed(doc[sentence.start:verb.i]) if t.text == ","), None)
    if comma is None:
        return None
    person = name_ending_at(doc, verb.i)
    if person is not None and _in_body_chain(doc, person.start):  # "…, Director Jane Roe of the Council of X said"
        person = _name_before_its_body(index, doc[comma + 1:person.start])
    titled = person is not None and any(is_role_word(t) for t in doc[comma + 1:person.start])
    return person if titled else None


def _name_before_its_body(index: DocIndex, words: Span) -> Span | None:
    """The last person the recogniser saw right before a link to a body (`Ana Roe of Brovia`) in the words."""
    return next((p for t in reversed(words) if t.lower_ in LEX.name_body_links
                 and (p := index.entity_ending("PERSON", t.i)) is not None), None)


def _name_before_bracket(index: DocIndex, verb: Token, people: dict[str, list[Span]]) -> Span | None:
    """`Ingrid Okafor (Lakeside Tenants' Union) said`: brackets that hold a title or a body close right before the
    verb, and the name before them, the recogniser's or one by its shape, however the parser cut the sentence."""
    doc = verb.doc
    if doc[verb.i - 1].text != ")" or verb.i < 3:
        return None
    opening = next((t.i for t in reversed(doc[max(1, verb.i - settings.ROLE_MAX_TOKENS):verb.i - 1]) if t.text == "("),
                   None)
    if opening is None or not bracket_names_holder(doc, opening):
        return None
    person = index.entity_ending("PERSON", opening) or name_ending_at(doc, opening)
    return trim_name(person) if person is not None else None


def _title_apposition(index: DocIndex, verb: Token, people: dict[str, list[Span]]) -> Span | None:
    """`A spokesperson for Brightwater Energy Ltd, Nadia Moreau, said`: a subject that is a title, and the name in
    apposition to it or to the body it names, by its shape, whatever the recogniser took it for."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or not is_role_word(subject):
        return None
    appos = next((t for t in subject.subtree if t.dep_ == "appos" and subject.i < t.i < verb.i), None)
    return name_ending_at(verb.doc, appos.i + 1) if appos is not None else None


# Who a verb of saying points at, step by step: the first step that names a person wins.
SPEECH_VERB_STEPS: tuple[tuple[str, Callable[[DocIndex, Token, dict], Span | None]], ...] = (
    ("subject_of_speech_verb", lambda index, token, people: person_in(index, speaker_tokens(token))),
    ("name_before_speech_verb", lambda index, token, people: person_before(index, token)),
    ("name_after_speech_verb", _name_after_verb),
    ("name_closing_subject", _name_closing_subject),
    ("name_before_bracket", _name_before_bracket),
    ("title_apposition", _title_apposition),
    ("surname_subject", surname_subject),
    ("pronoun_subject", lambda index, token, people: pronoun_antecedent(index, token)),
)


def _speech_verb(index: DocIndex, token: Token, people: dict[str, list[Span]]) -> tuple[Span | None, str]:
    if token.lower_ in LEX.act_verbs and any(c.dep_ == "dobj" for c in token.children):
        return None, ""  # "announced the re-introduction of the bill": an act, not words
    return next(((person, step) for step, find in SPEECH_VERB_STEPS if (person := find(index, token, people))),
                (None, ""))


def _following_statement(index: DocIndex, token: Token, people: dict[str, list[Span]]) -> tuple[Span | None, str]:
    return person_in(index, speaker_tokens(token)) or person_before(index, token), "following_statement"


def _possessive_statement(index: DocIndex, token: Token, people: dict[str, list[Span]]
                           ) -> tuple[Span | None, str]:
    owner = next((c for c in token.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
    if owner is None:
        return None, ""
    return person_in(index, head_phrase(owner), owner.i + 1), "possessive_statement"


def _clause_verb(token: Token) -> Token | None:
    """The verb of the clause a word before a colon ends (`agreed`; `was` of `was clear`; `mince` of `did not mince
    her words`), a few steps up the parse at most."""
    for _step in range(settings.SPEECH_CLIMB_MAX_STEPS + 1):
        if token.pos_ in _CLAUSE_HEADS:
            return token
        if token.head is token:
            return None
        token = token.head
    return None


_CLAUSE_HEADS = frozenset({"VERB", "AUX"})


def _colon_before_quote(index: DocIndex, token: Token, people: dict[str, list[Span]]) -> tuple[Span | None, str]:
    verb = token.doc[token.i - 1] if token.i else token
    # "Jane Roe, director of X, agreed: “…”", "… was clear: “…”": the clause whose colon opens a quotation speaks;
    # its subject is who
    clause = _clause_verb(verb)
    introduced = person_in(index, speaker_tokens(clause)) if clause is not None else None
    if introduced is None and verb.pos_ == "VERB" and text_at(verb.doc, verb.i - 1).lower() == "to" \
            and verb.head is not verb:
        introduced = person_in(index, speaker_tokens(verb.head))  # "had this to say:": the subject of "had"
    if introduced is not None:
        return introduced, "colon_before_quote"
    person = person_before(index, token)
    if person is not None and person.root.dep_ == "pobj":
        return None, ""  # "Watch the interview with Jane Doe, our director: “Why ...”": a title, not her words
    return person, "colon_before_quote"


def _partial_quote(index: DocIndex, token: Token, people: dict[str, list[Span]]) -> tuple[Span | None, str]:
    sentence = index.sentence(token.i)
    if not any(t.text in QUOTE_MARKS for t in token.doc[token.i + 1:sentence.end]):
        return None, ""  # "called for an inquiry": no words of their own
    return person_in(index, speaker_tokens(token)) or person_before(index, token), "partial_quote"


def _according_to(index: DocIndex, token: Token, people: dict[str, list[Span]]) -> tuple[Span | None, str]:
    doc = token.doc
    if token.i + 2 >= len(doc):
        return None, ""
    phrase = list(doc[token.i + 1].subtree)
    person = person_in(index, phrase)
    after = phrase[-1].i + 1  # "according to Brovia's medical officer, Jane Roe, ...": the name after the title
    if person is None and text_at(doc, after) == ",":
        named = index.entity_starting("PERSON", after + 1)
        person = trim_name(named) if named is not None else None
    return person or person_in(index, [doc[token.i + 2]]), "according_to"


def _writing_for(index: DocIndex, token: Token, people: dict[str, list[Span]]) -> tuple[Span | None, str]:
    # The person opens the main clause, after the comma that closes "Writing for X," (a title may precede).
    sentence = index.sentence(token.i)
    comma = next((t.i for t in sentence if t.i > token.i and t.text == ","), None)
    if comma is None:
        return None, ""
    person = next(iter(index.between("PERSON", comma + 1, comma + 1 + settings.NAME_AFTER_VERB_MAX_TOKENS)), None)
    return (trim_name(person) if person is not None else None), "writing_for"


def _attribution_noun(index: DocIndex, token: Token, people: dict[str, list[Span]]) -> tuple[Span | None, str]:
    doc = token.doc
    if text_at(doc, token.i + 1).lower() in _PASSIVE_AUXILIARIES:
        return _passive_agent(index, token), "attribution_noun"
    start = next(t.i for t in doc[token.i + 1:] if t.lower_ in ATTRIBUTION_LINKS) + 1  # "Op-Ed by": four tokens
    end = min(len(doc), token.i + settings.ATTRIBUTION_NAME_WINDOW_TOKENS)
    sentence = index.sent_of[token.i]
    person = next((e for e in index.between("PERSON", start, end) if index.sent_of[e.start] == sentence), None)
    return (trim_name(person) if person is not None else proper_name_at(doc, start)), "attribution_noun"


def _passive_agent(index: DocIndex, token: Token) -> Span | None:
    """`The statement was issued on behalf of X by Jane Doe`: the person after `by`, however far in the sentence;
    not after a title `for` another (`by the Spokesman for Secretary-General Jane Doe`: the spokesman's words)."""
    by = next((t.i for t in index.sentence(token.i) if t.i > token.i and t.lower_ == "by"), None)
    if by is None:
        return None
    sentence = index.sent_of[token.i]
    end = min(len(token.doc), by + 1 + settings.ATTRIBUTION_NAME_WINDOW_TOKENS)
    person = next((e for e in index.between("PERSON", by + 1, end) if index.sent_of[e.start] == sentence), None)
    if person is None or any(t.lower_ == "for" for t in token.doc[by + 1:person.start]):
        return None
    return trim_name(person)


def _work_of_speech_title(index: DocIndex, token: Token, people: dict[str, list[Span]]) -> tuple[Span | None, str]:
    if token.i == 0:
        return None, ""
    before = index.entity_ending("PERSON", token.i)
    if before is not None:
        return trim_name(before), "work_of_speech_title"
    swallowed = index.entity_ending("PERSON", token.i + 1)
    if swallowed is not None and len(swallowed) > 2:
        return token.doc[swallowed.start:token.i], "work_of_speech_title"  # "Briefing" taken for a surname
    return None, ""


SIGNATURE_RULES = frozenset({"signature_after_sign_off", "name_line_above_role", "signed_quote"})


# Patterns whose words are a lone name's own beyond doubt, and whether a title must stand before the name
# ("Senator Roe’s statement"); a name label ("Kowalski: ...") is a person the recogniser saw.
LONE_NAME_RULES = {"possessive_statement": True, "work_of_speech_title": True, "speaker_label": False,
                   HEADLINE_RULE: False}


FINDERS: dict[str, Callable[[DocIndex, Token, dict], tuple[Span | None, str]]] = {
    "speech_verb": _speech_verb,
    "following_statement": _following_statement,
    "possessive_statement": _possessive_statement,
    "colon_before_quote": _colon_before_quote,
    "according_to": _according_to,
    "partial_quote": _partial_quote,
    "writing_for": _writing_for,
    "attribution_noun": _attribution_noun,
    "work_of_speech_title": _work_of_speech_title,
}


def _merge(found: list[Found], index: DocIndex) -> list[Spokesperson]:
    """One entry per person: short mentions ("Huang said") join the full name, titles fill in (merge_mention)."""
    people: dict[str, Spokesperson] = {}
    by_last: dict[str, list[str]] = {}  # a surname -> the full names it may stand for, in order
    seen: dict = {}
    for item in found:
        mention = _mention(item, index, seen)
        if mention is None:
            continue
        name, span, title = mention
        key = name if name in people else next((k for k in by_last.get(name, ()) if k in people), None)
        if key is None and _too_ambiguous(name, item.rule, title):
            continue  # a lone name with no full mention, but for "Senator Roe’s statement"
        if key is None:
            by_last.setdefault(name.split()[-1], []).append(name)
            people[name] = Spokesperson(name=name, role=title.role, organization=title.organization,
                                        quote=item.quote, start=span.start_char, end=span.end_char, rule=item.rule,
                                        role_rule=title.role_rule, organization_rule=title.organization_rule)
            continue
        full = max((key, name), key=lambda n: len(n.split()))  # the longer name; between equals the one kept
        if full != key:
            by_last.setdefault(full.split()[-1], []).append(full)
        people[full] = merge_mention(people.pop(key), title, item.quote, full)
    return list(people.values())


def _mention(item: Found, index: DocIndex, seen: dict) -> tuple[str, Span, Title] | None:
    """The name a found mention gives (title words it swept in set apart), the span read, and its title."""
    full_mention = fullest_mention(item.span, index)
    span = without_run_on_words(full_mention, seen)
    text = clean_name(span.text)
    words = text.split()
    while len(words) > settings.NAME_MIN_WORDS and words[-1].lower() in LEX.post_nominals:
        words.pop()  # "Jane Roe OBE" signing a statement: the honour is no word of her name
    text = " ".join(words)
    lead = next((n for n, w in enumerate(words) if n == len(words) - 1 or w.lower().rstrip(".") not in LEX.role_words),
                0)
    name = " ".join(words[lead:]) if lead else text
    if not name or any(ch.isdigit() for ch in name) or company_ending(name.split()[-1]) or defined_by_acronym(span):
        return None  # ("Luma Health said", "the World Coastal Observatory (WCO) warned": a body, not a person)
    title = _signed_title(span, item.rule)
    if title.role is None and lead:  # "Director Jane Roe" taken for one name
        title = replace(title, role=" ".join(words[:lead]), role_rule="title_words_in_name")
    elsewhere = _title_at_surname(span, index) if title.role is None and title.organization is None else None
    if elsewhere is not None:
        return name, span, read_at(elsewhere, True)
    return name, span, read_at(title, full_mention is not item.span)


def _title_at_surname(span: Span, index: DocIndex) -> Title | None:
    """`“…,” said Ana Roe. Roe is director of X.`: a full name given no title anywhere takes the one printed at a
    mention of the surname alone (`Roe is ...`, `Roe has served as ...`)."""
    if surname_only(span):
        return None
    doc = index.doc
    mentions = [trim_name(m) for m in index.by_last_word("PERSON").get(span[-1].lower_, ()) if surname_only(m)]
    # The surname alone, a subject the recogniser left untagged or took for a place: "Umarov is deputy head of X."
    mentions += [doc[i:i + 1] for i in _lone_words(index).get(span[-1].text, ()) if doc[i].dep_ == "nsubj"]
    return next((title for m in mentions if (title := title_of(m)).role or title.organization), None)


def _lone_words(index: DocIndex) -> dict[str, list[int]]:
    """Where each capitalised word that no person's entity holds stands, built once per text."""
    memo = index.memo.get("lone_words")
    if memo is None:
        memo = index.memo["lone_words"] = {}
        for token in index.doc:
            if token.ent_type_ != "PERSON" and token.text[:1].isupper():
                memo.setdefault(token.text, []).append(token.i)
    return memo


def _signed_title(span: Span, rule: str) -> Title:
    """The title printed with a mention, or on a signature's lines (first for a signature's own rules)."""
    title = title_of(span)
    untitled = title.role is None and title.organization is None
    if rule not in SIGNATURE_RULES and not untitled:
        return title
    below = signature_role(span, rule in SIGNATURE_RULES)
    return below if below.role or untitled else title


def _too_ambiguous(name: str, rule: str, title: Title) -> bool:
    """A lone name never named in full, unless the pattern's words are a lone name's own beyond doubt."""
    if len(name.split()) >= settings.NAME_MIN_WORDS or rule not in LONE_NAME_RULES:
        return len(name.split()) < settings.NAME_MIN_WORDS
    return LONE_NAME_RULES[rule] and title.role_rule not in {"role_before_name", "title_words_in_name"}


def _coordinated(index: DocIndex, found: list[Found]) -> list[Found]:
    """`said Jane Roe, director of X, and John Doe, chair of Y`, `Jane Roe of X, John Doe of Y and Ana Lee of Z
    said`: a person joined to a speaker by `and` or a list's comma, after the title or the body of the one
    before, speaks the same words (each one joined, the next one looked for after it)."""
    doc = index.doc
    joined: list[Found] = []
    seen = {item.span.start for item in found}
    queue = list(found)
    while queue:
        item = queue.pop()
        person = index.entity_starting("PERSON", _after_title(doc, item.span) + 1)
        before = [e for e in index.between("PERSON", index.sentence(item.span.start).start, item.span.start)
                  if e.end < item.span.start and _after_title(doc, e) + 1 == item.span.start]
        for other in ([person] if person is not None else []) + before:
            other = trim_name(other)
            if other.start not in seen:
                seen.add(other.start)
                joined.append(Found(other, item.quote, "coordinated_speaker"))
                queue.append(joined[-1])
    return joined


def _after_title(doc: Doc, person: Span) -> int:
    """Where `and` (or a list's comma) stands after a person's appositive title and its comma, or after the body
    joined to the name (`Jane Roe, director of X, and`, `Jane Roe of X and`, `Jane Roe of X, John`), else -2."""
    role = role_end(person)
    body = None if role else _body_end(doc, person.end)
    end = role or body or person.end
    at = end + (text_at(doc, end) == ",")
    if text_at(doc, at).lower() == "and":
        return at
    # (a list's comma only after a body: `Jane Roe of X, John Doe of Y`; `Jane Roe, co-founder, Brovia` is a title)
    return end if body is not None and text_at(doc, end) == "," and doc[end + 1:end + 2].text[:1].isupper() else -2


def _body_end(doc: Doc, at: int) -> int | None:
    """The end of a body joined to a name (`of the Harbour Trust`, `from Brovia Inc.`), where a list goes on."""
    if text_at(doc, at).lower() not in {"of", "from", "at"}:
        return None
    end = at + 1
    while end < len(doc) and (doc[end].is_title or doc[end].is_upper or doc[end].lower_ in _BODY_NAME_WORDS):
        end += 1
    return end if end > at + 1 else None


_BODY_NAME_WORDS = frozenset({"the", "of", "for", "&"})  # (not `and`: it may go on the list)


def _quote_near(index: DocIndex, position: int) -> str | None:
    sentence = index.sentence(position)
    match = _QUOTE.search(sentence.text)
    if match:
        return match.group(1).strip()
    after = doc_text(index.doc)[sentence.end_char:sentence.end_char + settings.QUOTE_LOOKAHEAD_CHARS]
    match = _QUOTE.match(after.lstrip())
    return match.group(1).strip() if match else None


def find_spokespeople(doc: Doc, matcher: WindowedMatcher | None = None, objects: ObjectCues | None = None
                      ) -> list[Spokesperson]:
    """Every person the text quotes or reports as speaking, with role, organisation, quote and rule."""
    if matcher is None or objects is None:
        matcher, objects = build_matchers(doc.vocab)
    index = doc_index(doc)
    cues = {(start, doc.vocab.strings[match_id]) for match_id, start, _end in matcher(doc)}
    cues |= set(object_cues(doc, objects))
    people = index.by_last_word("PERSON")
    found: list[Found] = []
    for position, name in sorted(cues):
        person, rule = FINDERS[name](index, doc[position], people)
        if person is not None:
            found.append(Found(person, _quote_near(index, position), rule))
        else:
            LOGGER.debug("%s cue %r at %d names nobody", name, doc[position].text, doc[position].idx)
    found.extend(_coordinated(index, found))
    found.extend(signed_names(index))
    found.extend(closing_signature(index))
    found.extend(author_bio(index))
    found.extend(speaker_labels(index))
    found.extend(headline_speakers(index, doc._.page_people))
    speakers = decide(_merge(found, index), index)
    for speaker in speakers:
        LOGGER.debug("spokesperson %r (%s): role %r (%s), organisation %r (%s)", speaker.name, speaker.rule,
                     speaker.role, speaker.role_rule, speaker.organization, speaker.organization_rule)
    return speakers


# OBJECT_CUES with each verb set as the vocabulary's ids of its words: (name, verb ids, label, object words).
ObjectCues = tuple[tuple[str, frozenset[int], str, frozenset[str]], ...]


def build_matchers(vocab: Vocab) -> tuple[WindowedMatcher, ObjectCues]:
    """The speaker patterns and the object cues, compiled once per pipeline."""
    matcher = WindowedMatcher(vocab, SPEAKER_PATTERNS)
    objects = tuple((name, frozenset(vocab.strings.add(verb) for verb in verbs), label, nouns)
                    for name, (verbs, label, nouns) in OBJECT_CUES.items())
    return matcher, objects


def object_cues(doc: Doc, objects: ObjectCues) -> list[tuple[int, str]]:
    """(verb position, cue name) of every verb whose child with the cue's label is one of its object words."""
    lowers = doc.to_array("LOWER").tolist()
    return [(i, name) for name, verbs, label, nouns in objects for i, lower in enumerate(lowers) if lower in verbs
            and any(child.dep_ == label and child.lower_ in nouns for child in doc[i].children)]


@Language.factory("release_spokespeople")
class SpokespeopleComponent:
    """Set doc._.spokespeople."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.matcher, self.objects = build_matchers(nlp.vocab)
        if not Doc.has_extension("spokespeople"):
            Doc.set_extension("spokespeople", default=())
        if not Doc.has_extension("publisher"):
            Doc.set_extension("publisher", default=None)  # the page's publisher, set from Release.organization

    def __call__(self, doc: Doc) -> Doc:
        doc._.spokespeople = tuple(find_spokespeople(doc, self.matcher, self.objects))
        return doc
