"""Spokespeople: people whose words a text quotes or reports, with their role and organisation.

The grammar is named patterns (spaCy Matcher and DependencyMatcher, in SPEAKER_PATTERNS and
STATEMENT_PATTERN) and named line rules (signatures, speaker labels); each pattern has one finder that
turns a match into the person who speaks. A title is read after the name (`Jane Doe, director of X,`)
or before it (`X Executive Director Jane Doe`), and its organisation is resolved by one chain of named
steps (ORGANIZATION_STEPS). Every spokesperson records the pattern and the steps that produced it.
The words the rules are written in are in lexicon.toml.
"""
from __future__ import annotations

import logging
import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.matcher import DependencyMatcher, Matcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from ..records import Spokesperson
from .doctext import DocIndex, doc_index, doc_text
from .lexicon import lexicon

LOGGER = logging.getLogger(__name__)
LEX = lexicon()

# --- the speaker grammar: named patterns --------------------------------------------------------------

QUOTE_MARKS = ["“", '"']
SPEAKER_PATTERNS: dict[str, list[list[dict]]] = {
    # "Jane Doe said", "said Jane Doe", "…,” she added": a verb of saying, or a form of one before a quote.
    "speech_verb": [
        [{"LOWER": {"IN": sorted(LEX.speech_verbs)}, "POS": {"IN": ["VERB", "AUX"]}}],
        [{"LOWER": {"IN": sorted(LEX.speech_verbs)}}, {"ORTH": {"IN": [":", ",", *QUOTE_MARKS]}}],
    ],
    # "issued the following statement", as words, for when the parse attaches the noun elsewhere.
    "following_statement": [
        [{"LOWER": {"IN": sorted(LEX.statement_verbs)}, "POS": {"IN": ["VERB", "AUX"]}}, {"LOWER": "the"},
         {"LOWER": "following"}, {"LOWER": {"IN": sorted(LEX.statement_nouns)}}],
    ],
    # "Jane Doe, director of X: “...”": a name, a title, the words.
    "colon_before_quote": [[{"ORTH": {"IN": [":", "):"]}}, {"ORTH": {"IN": QUOTE_MARKS}}]],
    "according_to": [[{"LOWER": "according"}, {"LOWER": "to"}]],
    # "Statement by Jane Doe", "comment from Jane Doe", "attributable to Jane Doe".
    "attribution_noun": [
        [{"LOWER": {"IN": sorted(LEX.attribution_nouns)}}, {"LOWER": {"IN": ["by", "from", "to", "of"]}}],
    ],
    # A title naming a person's own words: "Jane Doe Briefing to the Security Council".
    "work_of_speech_title": [[{"LOWER": {"IN": sorted(LEX.works_of_speech)}, "IS_TITLE": True}]],
}
# "issued the following statement", "had the following reaction": the verb's object makes it speech.
STATEMENT_PATTERN = [
    {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LOWER": {"IN": sorted(LEX.statement_verbs)}}},
    {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "noun",
     "RIGHT_ATTRS": {"DEP": "dobj", "LOWER": {"IN": sorted(LEX.statement_nouns)}}},
]

_HONORIFICS = re.compile(rf"^(?:{'|'.join(sorted(LEX.honorifics))})\.?\s+", re.IGNORECASE)
_SIGN_OFF = re.compile(rf"^(?:{'|'.join(sorted(LEX.sign_offs, key=len, reverse=True))})[,!.]?$", re.IGNORECASE)
# A quotation, closed, or cut off by the end of a truncated teaser.
_QUOTE = re.compile(r"[“\"]([^”\"]{12,}?)(?:[”\"]|(?=[.…]*\s*$))")
# A transcript line opening with its speaker: "SECRETARY TILLERSON:", "MS. NAUERT:", "Jane Doe:".
_SPEAKER_LABEL = re.compile(r"^[ \t]*(?:[A-Z][A-Z.’'-]*[ \t]+){0,3}([A-Z][A-Z’'-]+)[ \t]*:[ \t]+(?=\S)", re.MULTILINE)
_NAME_LABEL = re.compile(r"^[ \t]*([A-Z][a-z’'-]+(?:[ \t]+[A-Z][a-z’'.-]+){1,2})[ \t]*:[ \t]+(?=[“\"A-Z])",
                         re.MULTILINE)
_NAME_LINE = re.compile(
    r"^(?:[—–-]\s*)?([A-Z][a-zA-Z’'.-]+(?:\s+[A-Z][a-zA-Z’'.-]+){1,3})(?:\s*[,|]\s*(\S.{2,100}))?$")
_STOPS = frozenset({".", "“", "\"", ":", ";", ")", "”"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "NORP", "FAC"})
# "Jyrki Katainen, Vice-President of the Commission, responsible for ...": the tokens a title may run.
_LONGEST_APPOSITIVE = 40
_LONGEST_ROLE = 24
_OBJECTS = frozenset({"pobj", "dobj", "iobj", "dative"})
_POSSESSIVE = frozenset({"'s", "’s"})
_OF_AT_FOR = frozenset({"of", "at", "for", "with"})


@dataclass(frozen=True, slots=True)
class Found:
    """A mention of a person who speaks, the words quoted, and the pattern that found it."""

    span: Span
    quote: str | None
    rule: str


@dataclass(frozen=True, slots=True)
class Title:
    """A role and the organisation it is held at, with the step that found each."""

    role: str | None = None
    organization: str | None = None
    role_rule: str | None = None
    organization_rule: str | None = None


# --- names ------------------------------------------------------------------------------------------------

def _clean_name(text: str) -> str:
    text = _HONORIFICS.sub("", text.strip(" ,.;:\"“”'’"))
    return re.sub(r"[’']s$", "", text).strip()


def _is_role_word(token: Token) -> bool:
    return token.lower_ in LEX.role_words or any(p in LEX.role_words for p in token.lower_.split("-") if p)


def _has_role_word(text: str) -> bool:
    words = {w.lower().strip(".,’'s()") for w in re.split(r"[\s/-]+", text)}
    words |= {w.lower().strip(".,()") for w in re.split(r"[\s/]+", text)}
    return bool(words & LEX.role_words)


def _name_word(token: Token) -> bool:
    """A word a person's name may hold: capitalised, not a title, an organisation's word, a month or a country."""
    lower = token.lower_
    return token.is_title and token.is_alpha and not token.is_stop and lower not in LEX.role_words \
        and lower not in LEX.organization_words and lower not in LEX.month_words \
        and lower not in LEX.honorifics and not _is_country_word(token.text)


def _name_like(doc: Doc, start: int, end: int) -> bool:
    """Two to four capitalised name words, hyphenated parts glued: `Nadia Farouk`, `Ana Lima-Costa`."""
    words = [t for t in doc[start:end] if not (t.text in {"-", "‐"} and not t.whitespace_)]
    return 2 <= len(words) <= 4 and all(_name_word(t) for t in words)


def _person_at(index: DocIndex, token: Token) -> Span | None:
    """The person whose name holds the token: a PERSON entity, or two to four name words the recogniser
    tagged as something else (`Nadia Farouk` as an ORG) when a title stands beside them."""
    ent = index.entity_at(token.i)
    if ent is not None and ent.label_ == "PERSON":
        return _trim_name(ent)
    return _unlabelled_name(index, token)


def _unlabelled_name(index: DocIndex, token: Token) -> Span | None:
    doc = token.doc
    if not (token.is_title and token.pos_ in {"PROPN", "NOUN"}):
        return None
    start = end = token.i
    while start > 0 and start - token.i > -3 and doc[start - 1].is_title and doc[start - 1].pos_ == "PROPN" \
            and "\n" not in doc[start - 1].whitespace_:
        start -= 1
    end = token.i + 1
    while end < len(doc) and end - start < 4 and doc[end].is_title and doc[end].pos_ == "PROPN" \
            and "\n" not in doc[end - 1].whitespace_:
        end += 1
    while start < token.i and not _name_word(doc[start]):
        start += 1
    if not _name_like(doc, start, end):
        return None
    span = doc[start:end]
    labels = {t.ent_type_ for t in span} - {"", "PERSON"}
    if labels and not _titled(span):
        return None  # "Médecins Sans Frontières said": a body, unless a title stands beside the name
    return Span(doc, start, end, label="PERSON")


def _titled(span: Span) -> bool:
    """A title stands beside the name: `, a senior researcher at` after it, `Director` right before it."""
    doc = span.doc
    after = doc[span.end + 1:min(len(doc), span.end + 8)]
    if span.end < len(doc) and doc[span.end].text == "," and any(_is_role_word(t) for t in after):
        return True
    return span.start > 0 and _is_role_word(doc[span.start - 1])


def _trim_name(span: Span) -> Span:
    """A name never starts or ends with a title word or an organisation's: `Advocacy Jane Roe` after
    `Director of` is Jane Roe; `Jane Roe Director` is Jane Roe."""
    doc = span.doc
    start, end = span.start, span.end
    while end - start > 2 and (_is_role_word(doc[end - 1]) or doc[end - 1].lower_ in LEX.organization_words):
        end -= 1
    while end - start > 2 and start > 1 and doc[start - 1].lower_ in {"of", "for", "on"} \
            and (_is_role_word(doc[start - 2]) or doc[start - 2].is_title):
        start += 1  # "Director of Advocacy Jane Roe": the word after "of" belongs to the title
    while end - start > 2 and doc[start].lower_ in LEX.organization_words:
        start += 1
    return span if (start, end) == (span.start, span.end) else Span(doc, start, end, label="PERSON")


def _head_phrase(token: Token) -> list[Token]:
    """A subject without its prepositional phrases and clauses: `The director of X, Jane Doe` keeps Jane
    Doe; in a subject such as `Ruling on a complaint by Lord Lipsey` the name is not the speaker."""
    phrase = [token]
    for child in token.children:
        if child.dep_ not in {"prep", "acl", "relcl", "advcl", "agent"}:
            phrase.extend(_head_phrase(child))
    return phrase


def _person_in(index: DocIndex, tokens: list[Token]) -> Span | None:
    """The person a phrase names: the PERSON entity whose root is in it, else its name-like head."""
    indices = {t.i for t in tokens}
    for token in tokens:
        ent = index.entity_at(token.i)
        if ent is not None and ent.label_ == "PERSON" and ent.root.i in indices:
            return _trim_name(ent)
    if tokens and tokens[0].pos_ == "PROPN":
        return _unlabelled_name(index, tokens[0])
    return None


def _speaker_tokens(verb: Token) -> list[Token]:
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if subjects:
        return _head_phrase(subjects[0])
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        return _speaker_tokens(verb.head)
    return []


def _surname_subject(index: DocIndex, verb: Token, people: dict[str, list[Span]]) -> Span | None:
    """`Reyes said` where the recogniser saw no person in `Reyes`: a surname of a person named before."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or not subject.is_title or subject.ent_type_ == "PERSON" or \
            any(c.dep_ in {"compound", "det"} for c in subject.children):
        return None
    earlier = [p for p in people.get(subject.lower_, ()) if p.end <= subject.i and len(p) > 1]
    return verb.doc[subject.i:subject.i + 1] if earlier else None


def _pronoun_antecedent(index: DocIndex, verb: Token) -> Span | None:
    """`He said` / `she added`: the one person named in this or the two sentences before, if only one."""
    if not any(c.dep_ == "nsubj" and c.lower_ in LEX.pronouns for c in verb.children):
        return None
    first = max(0, index.sent_of[verb.i] - 2)
    start = index.sents[first].start
    # "Describing his meeting with Ban Ki-moon, he said ... He noted": an object in a sentence whose
    # subject is "he" or "she" is someone else. Of the others, exactly one person must be named.
    people = [e for e in index.between("PERSON", start, verb.i) if e.end <= verb.i
              and not (e.root.dep_ in _OBJECTS and _has_pronoun_subject(index, e.start))]
    if len({e[-1].text for e in people}) != 1:
        return None
    return _trim_name(max(people, key=len))


def _has_pronoun_subject(index: DocIndex, position: int) -> bool:
    return any(t.dep_ == "nsubj" and t.lower_ in LEX.pronouns for t in index.sentence(position))


def _person_before(index: DocIndex, verb: Token) -> Span | None:
    """`Jane Doe, director of X, said` when the parse missed the subject: the name, an appositive, the verb."""
    doc = verb.doc
    sentence = index.sentence(verb.i)
    people = [e for e in index.between("PERSON", sentence.start, verb.i) if e.end <= verb.i]
    person = _trim_name(people[-1]) if people else _name_before_appositive(index, sentence.start, verb.i)
    if person is None:
        return None
    between = doc[person.end:verb.i]
    if len(between) > 2 and between[1 + (between[1].lower_ == "the")].ent_type_ == "ORG" \
            and any(t.dep_ == "aux" and t.head == verb for t in between):
        return None  # "a complaint by Lord Lipsey, the Advertising Standards Authority has told": the body speaks
    if len(between) == 0:
        return person
    if any(t.head == verb and t.dep_ == "nsubj" and (t.pos_ == "PRON" or t.ent_type_ in {"ORG", "GPE", "NORP", "PERSON"}
                                                      and not _inside_title(person, t)) for t in between):
        # "... with Secretary-General Ban Ki-moon, he said": the verb's own subject speaks, not the name before it.
        return None
    if between[0].text == "," and len(between) <= _LONGEST_APPOSITIVE and not any(
        _finite_verb(t) and not _in_parentheses(t) for t in between
    ) and not any(t.text in {".", ";", "“", "”", '"'} for t in between):
        return person
    return None


def _inside_title(person: Span, token: Token) -> bool:
    """A subject the parser found inside the appositive title after the name is still part of the title."""
    title_end = _role_end(person)
    return title_end is not None and person.end < token.i < title_end and _has_role_word(
        person.doc[person.end:title_end].text)


def _finite_verb(token: Token) -> bool:
    return token.pos_ == "VERB" and token.dep_ not in {"amod", "compound"} and token.tag_ not in {"VBG", "VBN"} \
        or token.pos_ == "AUX" and token.dep_ not in {"aux", "auxpass"}


def _in_parentheses(token: Token) -> bool:
    doc = token.doc
    left = next((doc[i].text for i in range(token.i - 1, max(-1, token.i - 6), -1) if doc[i].text in "()"), "")
    return left == "("


def _name_before_appositive(index: DocIndex, start: int, verb: int) -> Span | None:
    """A name-like span the recogniser missed, at the start of the clause, followed by a titled appositive."""
    doc = index.doc
    for n in range(start, min(verb, start + 6)):
        if doc[n].text == "," and n > start:
            name = _unlabelled_name(index, doc[n - 1])
            return name if name is not None and name.start <= start + 2 else None
    return None


def _proper_name_at(doc: Doc, start: int) -> Span | None:
    """`comment from Jamil Dakwar, director of ...`: two or three capitalised words the recogniser missed,
    followed by a comma and a role."""
    end = start
    while end < len(doc) and end - start < 3 and doc[end].is_title and doc[end].is_alpha \
            and doc[end].ent_type_ in {"", "PERSON", "GPE", "NORP", "ORG"}:
        end += 1
    if end - start < 2 or end >= len(doc) or doc[end].text != ",":
        return None
    return doc[start:end] if _has_role_word(doc[end + 1:min(len(doc), end + 6)].text) else None


# --- finders: one for each named pattern ------------------------------------------------------------------

def _speech_verb(index: DocIndex, token: Token, people: dict[str, list[Span]]) -> tuple[Span | None, str]:
    person = _person_in(index, _speaker_tokens(token))
    if person is not None:
        return person, "subject_of_speech_verb"
    person = _person_before(index, token)
    if person is not None:
        return person, "name_before_speech_verb"
    if token.lower_ not in LEX.addressing_verbs:  # "…,” said Jane Doe, director of X.
        doc = token.doc
        for n in range(token.i + 1, min(len(doc), token.i + 4)):
            ent = index.entity_at(n)
            if ent is not None and ent.label_ == "PERSON" and ent.start >= token.i + 1:
                return _trim_name(ent), "name_after_speech_verb"
        after = _unlabelled_name(index, doc[token.i + 1]) if token.i + 1 < len(doc) else None
        if after is not None and after.start == token.i + 1:
            return after, "name_after_speech_verb"
    person = _surname_subject(index, token, people)
    if person is not None:
        return person, "surname_subject"
    return _pronoun_antecedent(index, token), "pronoun_subject"


def _following_statement(index: DocIndex, token: Token, people: dict[str, list[Span]]) -> tuple[Span | None, str]:
    return _person_in(index, _speaker_tokens(token)) or _person_before(index, token), "following_statement"


def _colon_before_quote(index: DocIndex, token: Token, people: dict[str, list[Span]]) -> tuple[Span | None, str]:
    person = _person_before(index, token)
    if person is not None and person.root.dep_ == "pobj":
        return None, ""  # "Watch the interview with Jane Doe, our director: “Why ...”": a title, not her words
    return person, "colon_before_quote"


def _according_to(index: DocIndex, token: Token, people: dict[str, list[Span]]) -> tuple[Span | None, str]:
    doc = token.doc
    if token.i + 2 >= len(doc):
        return None, ""
    return _person_in(index, list(doc[token.i + 1].subtree)) or _person_in(index, [doc[token.i + 2]]), "according_to"


def _attribution_noun(index: DocIndex, token: Token, people: dict[str, list[Span]]) -> tuple[Span | None, str]:
    doc = token.doc
    start, end = token.i + 2, min(len(doc), token.i + 10)
    sentence = index.sent_of[token.i]
    person = next((e for e in index.between("PERSON", start, end) if index.sent_of[e.start] == sentence), None)
    return (_trim_name(person) if person is not None else _proper_name_at(doc, start)), "attribution_noun"


def _work_of_speech_title(index: DocIndex, token: Token, people: dict[str, list[Span]]) -> tuple[Span | None, str]:
    if token.i == 0:
        return None, ""
    before = index.entity_at(token.i - 1)
    if before is not None and before.label_ == "PERSON" and before.end == token.i:
        return _trim_name(before), "work_of_speech_title"
    swallowed = index.entity_at(token.i)
    if swallowed is not None and swallowed.label_ == "PERSON" and swallowed.end == token.i + 1 and len(swallowed) > 2:
        return token.doc[swallowed.start:token.i], "work_of_speech_title"  # "Briefing" taken for a surname
    return None, ""


SIGNATURE_RULES = frozenset({"signature_after_sign_off", "name_line_above_role"})
FINDERS: dict[str, Callable[[DocIndex, Token, dict], tuple[Span | None, str]]] = {
    "speech_verb": _speech_verb,
    "following_statement": _following_statement,
    "colon_before_quote": _colon_before_quote,
    "according_to": _according_to,
    "attribution_noun": _attribution_noun,
    "work_of_speech_title": _work_of_speech_title,
}


# --- line rules: signatures and transcripts ---------------------------------------------------------------

def _signature_place(doc: Doc, index: int) -> bool:
    """`... Secretary-General New York, 3 January 2020`: the place and date under a signature."""
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


def _closing_signature(index: DocIndex) -> list[Found]:
    """`... Farhan Haq, Deputy Spokesman for the Secretary-General New York, 3 January 2020`: a text
    that ends with a name and a title, and no verb, is signed by that person."""
    if not index.sents:
        return []
    last = index.sents[-1]
    people = index.between("PERSON", last.start, last.end)
    if not people or people[0].start - last.start > 2:
        return []
    person = people[0]
    rest = index.doc[person.end:last.end]
    if len(rest) < 2 or rest[0].text != "," or not _has_role_word(rest[1:8].text) \
            or any(t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"amod", "compound"} for t in rest):
        return []
    return [Found(person, None, "closing_signature")]


def _signatures(index: DocIndex) -> list[Found]:
    """Names signed under a letter: after `In solidarity,`, or a name line above a role line."""
    doc = index.doc
    lines, offset = [], 0
    for line in doc_text(doc).split("\n"):
        lines.append((offset, line))
        offset += len(line) + 1
    found = []
    for n, (start, line) in enumerate(lines):
        match = _NAME_LINE.match(line.strip())
        if not match:
            continue
        previous = next((text.strip() for _, text in reversed(lines[max(0, n - 2):n]) if text.strip()), "")
        following = lines[n + 1][1].strip() if n + 1 < len(lines) else ""
        signed = bool(_SIGN_OFF.match(previous))
        if match.group(2) and not (signed and _has_role_word(match.group(2))):
            continue  # "Jane Roe, Executive Director" on one line counts under a sign-off only
        titled = bool({w.lower().strip(",.") for w in following.split()} & LEX.role_words) and len(following) < 90
        if not (signed or titled):
            continue
        begin = start + line.index(match.group(1))
        span = doc.char_span(begin, begin + len(match.group(1)), alignment_mode="expand")
        if span is None:
            continue
        overlapping = [index.ents[i] for i in {index.ent_of[t.i] for t in span} if i >= 0]
        is_person = any(e.label_ == "PERSON" for e in overlapping)
        plain_name = not _has_role_word(span.text) and not any(
            e.label_ in {"ORG", "GPE", "LOC", "FAC"} for e in overlapping)
        if is_person or signed or (titled and plain_name):
            found.append(Found(span, None, "signature_after_sign_off" if signed else "name_line_above_role"))
    return found


def _speaker_labels(index: DocIndex) -> list[Found]:
    """`SECRETARY TILLERSON: Well, first let me thank ...`: a transcript's speaker label, resolved to the
    full name the text prints elsewhere ("Secretary of State Rex Tillerson"); `Jane Doe: ...` at the start
    of a line, when the recogniser sees a person there. A label no full name matches (QUESTION:,
    MODERATOR:) names nobody."""
    doc = index.doc
    text = doc_text(doc)
    found: list[Found] = []
    labels = list(_SPEAKER_LABEL.finditer(text))
    people = [e for e in index.labelled("PERSON") if len(e) > 1 and not e.text.isupper()]
    by_surname: dict[str, list[Span]] = {}
    for person in people:
        by_surname.setdefault(person[-1].lower_, []).append(person)
    looked_up: set[str] = set()  # one entry per speaker, quoting their first turn: a transcript has hundreds
    for match in labels:
        surname = match.group(1).lower()
        if surname in looked_up:
            continue
        looked_up.add(surname)
        mentions = by_surname.get(surname) or _unrecognised_names(index, surname)
        if mentions:
            found.append(Found(max(mentions, key=_described), _label_words(text, match) or None, "speaker_label"))
    for match in _NAME_LABEL.finditer(text):
        span = doc.char_span(match.start(1), match.end(1), alignment_mode="contract")
        if span is None or match.group(1).split()[-1].lower() in looked_up:
            continue
        if any((ent := index.entity_at(t.i)) is not None and ent.label_ == "PERSON" for t in span):
            looked_up.add(match.group(1).split()[-1].lower())
            found.append(Found(span, _label_words(text, match) or None, "speaker_label"))
    return found


def _label_words(text: str, match: re.Match) -> str:
    line_end = text.find("\n", match.end())
    return _clip(text[match.end():line_end if line_end != -1 else None].strip())


def _unrecognised_names(index: DocIndex, surname: str) -> list[Span]:
    """`Minister of Health Ingrid Solberg` where the recogniser saw no person: a capitalised first name
    and the surname, neither of them a title word nor inside a place or an organisation. One pass over
    the document finds every such pair; each speaker label then looks its surname up."""
    pairs = index.memo.get("unrecognised_names")
    if pairs is None:
        doc = index.doc
        pairs = index.memo["unrecognised_names"] = {}
        for t in doc[1:]:
            first = doc[t.i - 1]
            if t.is_title and first.is_title and first.is_alpha and first.pos_ == "PROPN" and not first.is_stop \
                    and first.lower_ not in LEX.role_words and t.ent_type_ in {"", "PERSON"} \
                    and first.ent_type_ in {"", "PERSON"}:
                pairs.setdefault(t.lower_, []).append(doc[t.i - 1:t.i + 1])
    return pairs.get(surname, [])


def _clip(text: str, most: int = 600) -> str:
    if len(text) <= most:
        return text
    cut = text.rfind(" ", 0, most)
    return text[: cut if cut > 0 else most] + "…"


# --- titles: the role, and the organisation by a chain of named steps ---------------------------------

def _role_end(person: Span) -> int | None:
    """Where the appositive title after a name ends: `Jane Doe, director for (counter) terrorism, law and
    rights at X, said` runs through its parentheses and its list to the comma before the verb."""
    doc = person.doc
    if person.end >= len(doc) or doc[person.end].text != ",":
        return None
    start = end = person.end + 1
    while end < len(doc) and end - person.end < _LONGEST_ROLE:
        token = doc[end]
        if "\n" in token.text or end > start and ("\n" in doc[end - 1].whitespace_ or _signature_place(doc, end)):
            break
        if token.lower_ in LEX.role_trailing_cut or token.lower_ in LEX.speech_verbs and not (
                token.pos_ == "NOUN" and token.lower_.endswith("ing")):  # "director of early warning systems"
            break
        if token.text == "(":
            close = next((n for n in range(end + 1, min(len(doc), end + 7)) if doc[n].text == ")"), None)
            if close is None or end == start:
                break
            end = close + 1  # "director for (counter) terrorism": a note inside the title
            continue
        if token.text == "," and not _comma_continues(doc, start, end):
            break
        if token.text in _STOPS or token.text == "(":
            break
        end += 1
    return end


def _comma_continues(doc: Doc, start: int, comma: int) -> bool:
    """A comma inside a title: a list of capitalised words (`Economic, Social and Cultural Rights`), or a
    list that closes with `and` before the next comma (`(counter) terrorism, law and rights at X`)."""
    if comma + 1 >= len(doc) or comma == start:
        return False
    before, after = doc[comma - 1], doc[comma + 1]
    entity = doc[comma + 1].ent_type_ == "ORG" and doc[comma + 1].ent_iob_ == "B"
    if before.is_title and after.is_title and not entity and not _is_role_word(after):
        return True
    if after.lower_ in {"and", "&"} and before.is_title:
        return comma + 2 < len(doc) and doc[comma + 2].is_title  # "Law, Policy, and Research program"
    segment = []
    for token in doc[comma + 1:min(len(doc), comma + 9)]:
        if token.text in {",", ".", ";", ":", "“", '"'} or "\n" in token.text_with_ws[len(token.text):]:
            break
        segment.append(token)
    words = {t.lower_ for t in segment}
    return bool(words & {"and", "&"}) and not words & LEX.speech_verbs and not any(
        t.ent_type_ == "PERSON" or t.pos_ in {"VERB", "AUX", "PRON", "DET"} and t.lower_ != "the" for t in segment
    ) and not (segment and segment[0].lower_ in {"and", "&"}) and _has_role_word(doc[start:comma].text)


def _trim_role(role: str) -> str:
    previous = None
    while previous != role:
        previous = role
        role = re.sub(r"^(?:the|a|an|its|their|our|his|her)\b\s*|\s+(?:the|a|an)$", "", role.strip(" ,;:-–.…"),
                      flags=re.IGNORECASE)
        role = re.sub(r"^(?:of|at|for|with|from|in|and)\s+|\s+(?:of|at|for|with|from|in|and)$", "", role,
                      flags=re.IGNORECASE)
        role = re.sub(r"^(?:the\s+)?[a-z]+[’']s\s+(?=\S)", "", role)  # "the group's senior counsel"
    return role.strip(" ,;:")


def _is_country_word(text: str) -> bool:
    from .countries import REGION, gazetteer

    code, needs_place = gazetteer().get(text, (None, True))[:2]
    return code is not None and code != REGION and not needs_place and text[:1].isupper() and " " not in text


def _is_place(text: str) -> bool:
    from .countries import gazetteer

    return re.sub(r"^the\s+", "", text) in gazetteer()


def _org_name(ent: Span) -> str:
    """The organisation as written: no leading "the", no possessive, no role words the recogniser swept in,
    and a hyphenated tail kept ("MSF-Spain")."""
    doc = ent.doc
    end = ent.end
    while end < len(doc) - 1 and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_:
        end += 2
    if end < len(doc) and _is_country_word(doc[end].text):
        end += 1  # "Greenpeace UK", "Amnesty International USA": the national section
    tokens = list(doc[ent.start:end])
    while len(tokens) > 1 and _is_role_word(tokens[-1]):
        tokens.pop()
    text = "".join(t.text_with_ws for t in tokens).strip()
    text = re.split(r"[’']s\s", text, maxsplit=1)[0]  # "Amnesty International USA’s Security Program"
    text = re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)
    return re.sub(r"[’']s$", "", text).strip()


def _is_body(ent: Span) -> bool:
    """An ORG entity that names a body, not a part of one or a title: not `the Gender Program`, not
    `Advisor on Economic ... Rights`, not `(ICRC)` after the full name, not a region."""
    doc = ent.doc
    if ent[0].lower_ in LEX.role_words or ent[-1].lower_ in LEX.unit_words or _is_place(ent.text):
        return False
    if ent.start > 0 and doc[ent.start - 1].text == "(":
        return False
    # "Secretary of State", "Minister of Health": one word after "<role> of" is part of the title.
    return not (len(ent) == 1 and ent.start >= 2 and doc[ent.start - 1].lower_ == "of"
                and doc[ent.start - 2].lower_ in LEX.role_words)


def _capitalised_body(span: Span) -> tuple[str, int] | None:
    """`... at Open Borders Network`: capitalised words after `at`/`of`/`for`/`with` that the recogniser
    did not tag, holding a word only organisations' names hold. Returns the name and where it starts."""
    doc = span.doc
    for token in span:
        if token.lower_ not in {"at", "of", "for", "with"}:
            continue
        start = token.i + 1 + (token.i + 1 < span.end and doc[token.i + 1].lower_ == "the")
        end = start
        while end < span.end and (doc[end].is_title or doc[end].is_upper
                                  or doc[end].lower_ in {"of", "for", "the", "&", "and"}):
            end += 1
        while end > start and doc[end - 1].lower_ in {"of", "for", "the", "&", "and"}:
            end -= 1
        words = {t.lower_ for t in doc[start:end]}
        # Two words at least: "for the Agency", "of the Board" alone are the publisher's own parts.
        if end - start > 1 and words & LEX.organization_words and doc[end - 1].lower_ not in LEX.unit_words \
                and not any(_is_role_word(t) for t in doc[start:end]):
            return doc[start:end].text, start
    return None


def _leading_body(span: Span, text: str, entities: list[Span]) -> str | None:
    """`UNESCO assistant director-general`, `a Save the Children Global Ambassador`: the body's name
    premodifying the title: an ORG entity, an acronym, capitalised words holding an organisation's word,
    or, after `a`/`an`, the capitalised words before the title's own words (`Global Ambassador`)."""
    doc = span.doc
    start = span.start + (span[0].pos_ == "DET")
    first_role = next((t.i for t in doc[start:span.end] if _is_role_word(t)), None)
    if first_role is None or first_role == start:
        return None
    entity = next((e for e in entities if e.start == start and _is_body(e)), None)
    if entity is not None and entity.end <= first_role + 1:
        return _org_name(doc[entity.start:min(entity.end, first_role)])
    leading = re.match(r"^[A-Z]{3,}(?:-[A-Z][a-z]+)?\b", text)
    if leading and len(text.split()) > 1 and leading.group(0).lower() not in LEX.role_words \
            and not any(e.start == span.start for e in entities):
        return leading.group(0)
    title_start = first_role
    while title_start > start and doc[title_start - 1].lower_ in LEX.role_modifiers:
        title_start -= 1  # "Global Ambassador", "Senior Policy Adviser": the title's own words
    words = doc[start:title_start]
    if not len(words) or not all(t.is_title or t.is_upper or t.lower_ in {"the", "of", "&", "-"} for t in words) \
            or _is_place(words.text) or any(t.ent_type_ in _PLACE_LABELS for t in words):
        return None
    named = {t.lower_ for t in words} & LEX.organization_words or span[0].lower_ in {"a", "an"}
    # "Rights Watchers Executive Director", "a Save the Children Global Ambassador"
    return words.text if named else None


def _split_role(span: Span, appositive: bool = False) -> Title:
    """Split `executive director of Amnesty International` into role and organisation; the organisation
    by the first of the chain's steps inside the phrase that finds one (ORGANIZATION_STEPS)."""
    doc = span.doc
    text = span.text.strip(" ,;:()—–-")
    if not text:
        return Title()
    if any(_finite_verb(t) and not _in_parentheses(t) for t in span):
        return Title()  # "Jane Doe, has wrapped up a visit": a clause, not a title
    entities = [e for e in doc_index(doc).between("ORG", span.start, span.end) if e.end <= span.end]
    bodies = [e for e in entities if _is_body(e)]
    owners = [e for e in bodies if e.end + 1 < span.end and doc[e.end].text in _POSSESSIVE
              or e.end < span.end and e[-1].text in _POSSESSIVE]
    org, step = None, None
    leading = _leading_body(span, text, entities)
    if owners:
        org, step = _org_name(owners[0]), "possessive"  # "Amnesty International USA's Security Program"
    elif leading:
        org, step = leading, "org_in_role"
    elif bodies:
        # "... at Amnesty International": the body comes last, linked by a preposition or not ("executive
        # director Relief International USA")
        body = bodies[-1]
        linked = doc[body.start - 1 - (doc[body.start - 1].lower_ == "the")] if body.start > span.start + 1 else None
        org = _org_name(body)
        step = "of_at_for_after_role" if linked is not None and linked.lower_ in _OF_AT_FOR else "org_in_role"
    else:
        capitalised = _capitalised_body(span)
        if capitalised is not None:
            org, step = capitalised[0], "of_at_for_after_role"
    role = text
    if org and org in text:
        before, _, after = text.partition(org)
        possessive = re.match(r"^\s*[’']s\s+", after)
        if possessive and _has_role_word(before):
            role = text  # "Director of Amnesty International USA's Security Program": the whole title
        elif possessive:
            role = after[possessive.end():]
        else:
            after = re.sub(r"^\s*\([A-Z]{2,}\)?", "", after)  # "the Red Cross (ICRC)": the acronym adds nothing
            if _trim_role(after) and _has_role_word(before) and not _has_role_word(after):
                role = text  # "chairman of the RAND Corp. board of trustees": the title runs through the name
            else:
                role = before if len(_trim_role(before)) >= len(_trim_role(after)) else after
    role = _trim_role(role)
    words = role.split()
    first_pos = span[0].pos_ if len(span) else ""
    plain_appositive = appositive and 0 < len(words) <= 8 and first_pos not in {"PRON", "VERB", "AUX", "ADP"} \
        and (role[:1].islower() or words[0].lower() == "former")
    keep = (_has_role_word(role) or plain_appositive) and len(role) <= 110
    return Title((role or None) if keep else None, org, None, step if org else None)


def _role_after(person: Span) -> Title:
    doc = person.doc
    end = _role_end(person)
    if end is None:
        return Title()
    title = _split_role(doc[person.end + 1:end], appositive=True)
    if title.organization is None and end < len(doc) and doc[end].text == ",":
        # "Patricia Erb, President and CEO, Save the Children Canada says": the organisation follows.
        following = doc_index(doc).entity_at(end + 1)
        if following is not None and following.label_ == "ORG" and following.start == end + 1 and _is_body(following):
            title = replace(title, organization=re.sub(r"^the\s+", "", following.text, flags=re.IGNORECASE),
                            organization_rule="of_at_for_after_role")
    return replace(title, role_rule="appositive_after_name" if title.role else None)


def _role_before(person: Span) -> Title:
    """A role printed before the name: `UNICEF Executive Director Catherine Russell`, `CEO, Jane Doe`."""
    doc = person.doc
    stop = person.start
    if stop > 0 and doc[stop - 1].text == ",":
        stop -= 1  # "Amnesty International USA's Campaign Manager for Ending Gun Violence, Ernest Coverson"
    start = stop
    while start > 0 and stop - start < 16:
        token = doc[start - 1]
        if "\n" in token.text_with_ws:
            break  # the line above (a title, a heading) is not part of the name's title
        if token.text == ")" and start >= 3 and doc[start - 3].text == "(" and doc[start - 2].is_upper:
            start -= 3  # "the International Committee of the Red Cross (ICRC), Jakob Kellenberger"
            continue
        if token.lower_ in LEX.role_link_words or token.pos_ in {"PROPN", "NOUN", "ADJ"} or token.ent_type_ == "ORG" \
                or token.text[:1].isupper() and not token.is_sent_start:
            inside_name = token.pos_ == "DET" and (token.ent_type_ == "ORG" or (
                start >= 2 and doc[start - 2].lower_ in {"of", "for"}))  # "director of the Red Cross"
            if token.pos_ in {"VERB", "AUX", "PRON", "DET"} and not inside_name or token.lower_ in LEX.speech_verbs:
                break
            start -= 1
            continue
        break
    while start < stop and doc[start].lower_ in LEX.role_link_words:
        start += 1
    if start == stop:
        return Title()
    span = doc[start:stop]
    if stop < person.start and not _has_role_word(span.text):
        return Title()
    title = _split_role(span)
    return replace(title, role_rule="role_before_name" if title.role else None)


def _title_of(mention: Span) -> Title:
    """Role and organisation printed with a mention: after the name, else before it (once per mention)."""
    memo = doc_index(mention.doc).memo.setdefault("titles", {})
    key = (mention.start, mention.end)
    title = memo.get(key)
    if title is None:
        title = _role_after(mention)
        if title.role is None and title.organization is None:
            title = _role_before(mention)
        memo[key] = title
    return title


def _described(mention: Span) -> tuple[int, int]:
    """How fully a mention of a person is described: role and organisation found, then role length."""
    title = _title_of(mention)
    return (title.role is not None) + (title.organization is not None), len(title.role or "")


def _signature_role(span: Span, signed: bool = False) -> Title:
    """What a signed name's own line or the lines under it say: `Jane Roe, Executive Director`, or a role
    line then an organisation line; `Campaigns Director, Clean Air Alliance` is split at its last comma."""
    text = doc_text(span.doc)
    after = text[span.end_char:span.end_char + 400].split("\n")
    same_line = after[0].strip(" ,|–—-")
    if same_line:  # "Jane Roe, Executive Director" on a signature's own line
        return _role_and_body(same_line, after[1].strip() if len(after) > 1 else "") if signed else Title()
    if len(after) < 2:
        return Title()
    org = after[2].strip() if len(after) > 2 and 0 < len(after[2].strip()) < 60 \
        and after[2].strip()[:1].isupper() else None
    if org:
        begin = span.end_char + len(after[0]) + len(after[1]) + 2
        line = span.doc.char_span(begin, begin + len(after[2]), alignment_mode="expand")
        if line is None or any(t.ent_type_ in {"GPE", "LOC", "DATE"} for t in line):
            org = None  # "Washington, DC" or a date under a signature: where and when, not who
    return _role_and_body(after[1].strip(), org or "")


def _role_and_body(role: str, next_line: str) -> Title:
    if not role or len(role) > 90 or not _has_role_word(role):
        return Title()
    parts = [p.strip() for p in re.split(r"\s*[,|]\s*", role)]
    org = next_line if next_line and len(next_line) < 60 and not _has_role_word(next_line) else None
    if org is None and len(parts) > 1 and not _has_role_word(parts[-1]) and parts[-1][:1].isupper() \
            and not _is_place(parts[-1]):
        role, org = role[:role.rindex(parts[-1])].strip(" ,|"), parts[-1]
    return Title(role, org, "signature_line", "signature_line" if org else None)


# --- one entry per person ---------------------------------------------------------------------------------

def _full_mention(span: Span, index: DocIndex) -> Span:
    """`said Russell` after `Catherine Russell` earlier in the text: the full name, at the mention that
    also gives a role and organisation when one does. A full name said again without its title
    (`said Erika Guevara-Rosas`) takes the earlier mention that gives it."""
    if len(span) > 1 and _described(span)[0]:
        return span
    full = None if len(span) == 1 else span.text
    best = _best_earlier(index, span[-1].text, full, span.start)
    if full is not None and (best is None or not _described(best)[0]):
        best = _best_earlier(index, span[-1].text, full, len(index.doc) + 1)  # titled later in the text
    if best is None:
        return span
    return best if len(span) == 1 or _described(best)[0] else span


def _best_earlier(index: DocIndex, surname: str, full: str | None, before: int) -> Span | None:
    """The best described of the full-name mentions (with this surname, or this exact full name) that
    start before a position: running maxima built once per key, then a binary search."""
    memo = index.memo.setdefault("best_earlier", {})
    key = (surname, full)
    if key not in memo:
        starts, best, leader = [], [], None
        for ent in index.by_last_word("PERSON").get(surname.lower(), ()):
            if len(ent) > 1 and ent[-1].text == surname and (full is None or ent.text == full):
                mention = _trim_name(ent)
                if leader is None or _described(mention) > _described(leader):
                    leader = mention
                starts.append(ent.start)
                best.append(leader)
        memo[key] = (starts, best)
    starts, best = memo[key]
    n = bisect_left(starts, before)
    return best[n - 1] if n else None


def _without_run_on_words(span: Span, seen: dict | None = None) -> Span:
    """`... girls abducted by Boko Haram Netsanet Belay, Amnesty International's director, said`: a
    sentence missing its comma runs a name into the words before it. Leading words the text also prints
    on their own, not followed by the rest of the name, are cut off."""
    if len(span) < 4:
        return span
    text = doc_text(span.doc)
    seen = {} if seen is None else seen
    for cut in range(2, len(span) - 1):
        lead, rest = span[:cut], span[cut:]
        if not all((t.is_title or t.is_upper) and t.is_alpha for t in lead):
            return span
        if not span[cut - 1].whitespace_ or not (rest[0].is_title and rest[0].is_alpha and rest[1].is_alpha):
            continue  # "Erika Guevara-Rosas", "Ban Ki-moon": never cut inside a hyphenated name
        key = (lead.text, rest[0].text)
        if key not in seen:  # one scan of the text per distinct name, not per mention
            alone = re.compile(rf"(?<!\w){re.escape(lead.text)}(?![\w-])(?!\s*{re.escape(rest[0].text)})")
            seen[key] = {m.start() for m in alone.finditer(text)}
        if seen[key] - {span.start_char}:
            return rest
    return span


def _organization_steps(people: list[Spokesperson], index: DocIndex) -> list[Spokesperson]:
    """Steps 4 and 5 of the organisation chain, for people whose title named no body:
    the organisation speaking in the text (`..., Human Rights Watch said. ... said Brad Adams, Asia
    director`), else the page's publisher when the title is an internal one (director, spokesperson)."""
    doc = index.doc
    speakers = [e for e in index.labelled("ORG") if e.root.dep_ == "nsubj" and e.root.head.lower_ in LEX.speech_verbs]
    if len({_org_name(e) for e in speakers}) == 1:
        # An organisation first speaking after the person ("The ONS have said") is a third party.
        org, first = _org_name(speakers[0]), speakers[0].start_char
        people = [replace(p, organization=org, organization_rule="organization_speaking")
                  if p.role and not p.organization and p.start > first else p for p in people]
    publisher = doc._.publisher if Doc.has_extension("publisher") else None
    if publisher:
        people = [replace(p, organization=publisher, organization_rule="publisher")
                  if not p.organization and _internal_title(p.role) else p for p in people]
    return people


def _internal_title(role: str | None) -> bool:
    """`executive director`, `Department Spokesperson`, `advocacy director for the Americas`: a title
    held inside the publishing body, naming no other body (`spokesperson for the ministry`)."""
    if not role:
        return False
    words = {w.lower().strip(".,()’'") for w in re.split(r"[\s/-]+", role)}
    return bool(words & LEX.internal_roles) and not words & LEX.body_nouns and not words & (
        LEX.role_words - LEX.internal_roles)


def _merge(found: list[Found], index: DocIndex) -> list[Spokesperson]:
    """One entry per person: short mentions ("Huang said") join the full name, titles fill in."""
    people: dict[str, Spokesperson] = {}
    by_last: dict[str, list[str]] = {}  # a surname -> the full names it may stand for, in order
    seen: dict = {}
    for item in found:
        full_mention = _full_mention(item.span, index)
        span = _without_run_on_words(full_mention, seen)
        name = _clean_name(span.text)
        lead_role = []
        while len(name.split()) > 2 and name.split()[0].lower() in LEX.role_words:
            lead_role.append(name.split()[0])
            name = name.split(maxsplit=1)[1]
        if not name or any(ch.isdigit() for ch in name):
            continue
        key = name if name in people else next((k for k in by_last.get(name, ()) if k in people), None)
        title = _title_of(span)
        signed = item.rule in SIGNATURE_RULES
        if signed or title.role is None and title.organization is None:
            below = _signature_role(span, signed)
            title = below if below.role or title.role is None and title.organization is None else title
        if title.role is None and lead_role:
            title = replace(title, role=" ".join(lead_role), role_rule="title_words_in_name")
        if full_mention is not item.span and title.organization:
            title = replace(title, organization_rule="earlier_mention")  # "Reyes said", titled where first named
        if key is None:
            if len(name.split()) < 2:
                continue  # a lone first or last name with no full mention: too ambiguous to keep
            by_last.setdefault(name.split()[-1], []).append(name)
            people[name] = Spokesperson(name=name, role=title.role, organization=title.organization,
                                        quote=item.quote, start=span.start_char, end=span.end_char, rule=item.rule,
                                        role_rule=title.role_rule, organization_rule=title.organization_rule)
            continue
        current = people.pop(key)
        full = key if len(key.split()) >= len(name.split()) else name
        if full != key:
            by_last.setdefault(full.split()[-1], []).append(full)
        if title.role and title.organization and not (current.role and current.organization):
            current = replace(current, role=title.role, organization=title.organization, role_rule=title.role_rule,
                              organization_rule="earlier_mention")
        elif title.organization and current.organization and len(title.organization) > len(current.organization) \
                and "".join(w[0] for w in title.organization.split() if w[:1].isupper()) == current.organization:
            current = replace(current, role=current.role or title.role, organization=title.organization,
                              role_rule=current.role_rule or title.role_rule, organization_rule="earlier_mention")
        people[full] = replace(
            current, name=full, role=current.role or title.role,
            organization=current.organization or title.organization,
            quote=current.quote or item.quote, role_rule=current.role_rule or title.role_rule,
            organization_rule=current.organization_rule or (title.organization_rule and "earlier_mention"),
        )
    return list(people.values())


def _quote_near(index: DocIndex, position: int) -> str | None:
    sentence = index.sentence(position)
    match = _QUOTE.search(sentence.text)
    if match:
        return match.group(1).strip()
    after = doc_text(index.doc)[sentence.end_char:sentence.end_char + 600]
    match = _QUOTE.match(after.lstrip())
    return match.group(1).strip() if match else None


def find_spokespeople(doc: Doc, matcher: Matcher | None = None, statements: DependencyMatcher | None = None
                      ) -> list[Spokesperson]:
    """Every person the text quotes or reports as speaking, with role, organisation, quote and rule."""
    if matcher is None or statements is None:
        matcher, statements = build_matchers(doc.vocab)
    index = doc_index(doc)
    cues = {(start, doc.vocab.strings[match_id]) for match_id, start, _end in matcher(doc)}
    cues |= {(tokens[0], "following_statement") for _id, tokens in statements(doc)}
    people = index.by_last_word("PERSON")
    found: list[Found] = []
    for position, name in sorted(cues):
        person, rule = FINDERS[name](index, doc[position], people)
        if person is not None:
            found.append(Found(person, _quote_near(index, position), rule))
    found.extend(_signatures(index))
    found.extend(_closing_signature(index))
    found.extend(_speaker_labels(index))
    return _organization_steps(_merge(found, index), index)


def build_matchers(vocab: Vocab) -> tuple[Matcher, DependencyMatcher]:
    """The speaker patterns, compiled once per pipeline."""
    matcher = Matcher(vocab)
    for name, patterns in SPEAKER_PATTERNS.items():
        matcher.add(name, patterns)
    statements = DependencyMatcher(vocab)
    statements.add("following_statement", [STATEMENT_PATTERN])
    return matcher, statements


@Language.factory("release_spokespeople")
class SpokespeopleComponent:
    """Set doc._.spokespeople."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.matcher, self.statements = build_matchers(nlp.vocab)
        if not Doc.has_extension("spokespeople"):
            Doc.set_extension("spokespeople", default=())
        if not Doc.has_extension("publisher"):
            Doc.set_extension("publisher", default=None)  # the page's publisher, set from Release.organization

    def __call__(self, doc: Doc) -> Doc:
        doc._.spokespeople = tuple(find_spokespeople(doc, self.matcher, self.statements))
        return doc
