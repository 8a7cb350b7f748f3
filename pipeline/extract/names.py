"""Names: who a speech cue points at (the subject, a name before an appositive, a surname or he/she for
someone named earlier), a person's name as the recogniser or the capitalisation shows it, and the fullest
mention of each person."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from itertools import pairwise

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .. import settings
from .bodies import name_after_possessive
from .doctext import DocIndex, doc_text
from .rules import load_rules
from .titles import described, role_end
from .words import finite_verb, has_role_word, in_parentheses, is_country_word, is_place, is_role_word, text_at

LEX = load_rules()


_HONORIFICS = re.compile(rf"^(?:{'|'.join(sorted(LEX.honorifics))})\.?\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Found:
    """A mention of a person who speaks, the words quoted, and the pattern that found it."""

    span: Span
    quote: str | None
    rule: str


def clean_name(text: str) -> str:
    """A name without the punctuation, honorific and possessive printed around it."""
    text = _HONORIFICS.sub("", text.strip(" ,.;:\"“”'’"))
    return re.sub(r"[’']s$", "", text).strip()


def _name_word(token: Token) -> bool:
    """A word a person's name may hold: capitalised, not a title, an organisation's word, a month or a country."""
    lower = token.lower_
    return token.is_title and token.is_alpha and not token.is_stop and lower not in LEX.role_words \
        and lower not in LEX.organization_words and lower not in LEX.month_words \
        and lower not in LEX.honorifics and not is_country_word(token.text)


def _name_like(doc: Doc, start: int, end: int) -> bool:
    """Two to four capitalised name words, hyphenated parts glued: `Nadia Farouk`, `Ana Lima-Costa`."""
    words = [t for t in doc[start:end] if not (t.text in {"-", "‐"} and not t.whitespace_)]
    return settings.NAME_MIN_WORDS <= len(words) <= settings.NAME_MAX_WORDS and all(_name_word(t) for t in words)


def unlabelled_name(index: DocIndex, token: Token) -> Span | None:
    """Two to four capitalised name words around a token that the recogniser did not tag as a person."""
    doc = token.doc
    if not (token.is_title and token.pos_ in {"PROPN", "NOUN"}):
        return None
    start = end = token.i
    while start > 0 and token.i - start < settings.NAME_MAX_WORDS - 1 and doc[start - 1].is_title \
            and doc[start - 1].pos_ == "PROPN" and "\n" not in doc[start - 1].whitespace_:
        start -= 1
    end = token.i + 1
    while end < len(doc) and end - start < settings.NAME_MAX_WORDS and doc[end].is_title and doc[end].pos_ == "PROPN" \
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
    after = doc[span.end + 1:min(len(doc), span.end + 1 + settings.TITLE_WORD_WINDOW_TOKENS)]
    if text_at(doc, span.end) == "," and any(is_role_word(t) for t in after):
        return True
    return span.start > 0 and is_role_word(doc[span.start - 1])


def trim_name(span: Span) -> Span:
    """A name never starts or ends with a title word or an organisation's: `Advocacy Jane Roe` after
    `Director of` is Jane Roe; `Jane Roe Director` is Jane Roe."""
    doc = span.doc
    start, end = span.start, span.end
    while end - start > settings.NAME_MIN_WORDS and (
            is_role_word(doc[end - 1]) or doc[end - 1].lower_ in LEX.organization_words):
        end -= 1
    while end - start > settings.NAME_MIN_WORDS and start > 1 and doc[start - 1].lower_ in {"of", "for", "on"} \
            and (is_role_word(doc[start - 2]) or doc[start - 2].is_title):
        start += 1  # "Director of Advocacy Jane Roe": the word after "of" belongs to the title
    while end - start > settings.NAME_MIN_WORDS and doc[start].lower_ in LEX.organization_words:
        start += 1
    return span if (start, end) == (span.start, span.end) else Span(doc, start, end, label="PERSON")


def head_phrase(token: Token) -> list[Token]:
    """A subject without its prepositional phrases and clauses: `The director of X, Jane Doe` keeps Jane
    Doe; in a subject such as `Ruling on a complaint by Lord Roe` the name is not the speaker."""
    phrase = [token]
    for child in token.children:
        if child.dep_ not in {"prep", "acl", "relcl", "advcl", "agent"}:
            phrase.extend(head_phrase(child))
    return phrase


def person_in(index: DocIndex, tokens: list[Token], end: int | None = None) -> Span | None:
    """The person a phrase names: the PERSON entity whose root is in it, else its name-like head. An
    entity running past `end` is cut there (`Senator Roe’s Statement` tagged as one name)."""
    indices = {t.i for t in tokens}
    for token in tokens:
        ent = index.entity_at(token.i)
        if ent is not None and end is not None and ent.start < end < ent.end:
            ent = Span(ent.doc, ent.start, end, label="PERSON")
        # "Brovia's vice president, Jane Roe, said": an owner inside the phrase is not who it names.
        if ent is not None and ent.label_ == "PERSON" and ent.root.i in indices and not (
                ent.root.dep_ == "poss" and ent.root != tokens[0]):
            return trim_name(ent)
    if tokens and tokens[0].pos_ == "PROPN":
        return unlabelled_name(index, tokens[0])
    return None


def speaker_tokens(verb: Token) -> list[Token]:
    """The subject of a verb of saying (or of the verb it is joined to), without its clauses."""
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if subjects:
        # "Washington, DC – Today, Representative Jane Roe released ...": a dateline parsed as a second
        # subject stands further from the verb than the speaker.
        return head_phrase(min(subjects, key=lambda s: abs(verb.i - s.i)))
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        return speaker_tokens(verb.head)
    return []


def surname_subject(index: DocIndex, verb: Token, people: dict[str, list[Span]]) -> Span | None:
    """`Reyes said` where the recogniser saw no person in `Reyes`: a surname of a person named before."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or not subject.is_title or subject.ent_type_ == "PERSON" or \
            any(c.dep_ in {"compound", "det"} for c in subject.children):
        return None
    earlier = [p for p in people.get(subject.lower_, ()) if p.end <= subject.i and len(p) > 1]
    return verb.doc[subject.i:subject.i + 1] if earlier else None


def pronoun_antecedent(index: DocIndex, verb: Token) -> Span | None:
    """`He said` / `she added`: the one person named in this or the two sentences before, if only one."""
    if not any(c.dep_ == "nsubj" and c.lower_ in LEX.pronouns for c in verb.children):
        return None
    first = max(0, index.sent_of[verb.i] - settings.PRONOUN_LOOKBACK_SENTENCES)
    start = index.sents[first].start
    # "Describing his meeting with Ana Lima-Costa, he said ... He noted": an object in a sentence whose
    # subject is "he" or "she" is someone else. Of the others, exactly one person must be named.
    people = [e for e in index.between("PERSON", start, verb.i) if e.end <= verb.i
              and not (e.root.dep_ in LEX.object_deps and _has_pronoun_subject(index, e.start))]
    if len({e[-1].text for e in people}) != 1:
        return None
    return trim_name(max(people, key=len))


def _has_pronoun_subject(index: DocIndex, position: int) -> bool:
    return any(t.dep_ == "nsubj" and t.lower_ in LEX.pronouns for t in index.sentence(position))


def person_before(index: DocIndex, verb: Token) -> Span | None:
    """`Jane Doe, director of X, said` when the parse missed the subject: the name, an appositive, the verb."""
    doc = verb.doc
    sentence = index.sentence(verb.i)
    # "Greywater Alliance" tagged a person: a name ending in an organisation's word is a body's.
    people = [e for e in index.between("PERSON", sentence.start, verb.i)
              if e.end <= verb.i and e[-1].lower_ not in LEX.organization_words]
    person = trim_name(people[-1]) if people else _name_before_appositive(index, sentence.start, verb.i)
    if person is None:
        return None
    between = doc[person.end:verb.i]
    if len(between) > 2 and between[1 + (between[1].lower_ == "the")].ent_type_ == "ORG" \
            and any(t.dep_ == "aux" and t.head == verb for t in between):
        return None  # "a complaint by Lord Roe, the Harbour Standards Authority has told": the body speaks
    if len(between) == 0:
        return person
    if any(t.head == verb and t.dep_ == "nsubj" and (
            t.pos_ == "PRON" or (t.ent_type_ in {"ORG", "GPE", "NORP", "PERSON"} and not _inside_title(person, t)))
           for t in between):
        # "... with Secretary-General Jane Roe, he said": the verb's own subject speaks, not the name before it.
        return None
    if between[0].text == "," and len(between) <= settings.APPOSITIVE_MAX_TOKENS and not any(
        finite_verb(t) and not in_parentheses(t) for t in between
    ) and not any(t.text in {".", ";", "“", "”", '"'} for t in between):
        return person
    return None


def _inside_title(person: Span, token: Token) -> bool:
    """A subject the parser found inside the appositive title after the name is still part of the title."""
    title_end = role_end(person)
    return title_end is not None and person.end < token.i < title_end and has_role_word(
        person.doc[person.end:title_end].text)


def _name_before_appositive(index: DocIndex, start: int, verb: int) -> Span | None:
    """A name-like span the recogniser missed, at the start of the clause, followed by a titled appositive."""
    doc = index.doc
    for n in range(start, min(verb, start + settings.CLAUSE_NAME_WINDOW_TOKENS)):
        if doc[n].text == "," and n > start:
            name = unlabelled_name(index, doc[n - 1])
            return name if name is not None and name.start <= start + settings.CLAUSE_NAME_MAX_OFFSET else None
    return None


def proper_name_at(doc: Doc, start: int) -> Span | None:
    """`comment from Nadia Farouk, director of ...`: two or three capitalised words the recogniser missed,
    followed by a comma and a role."""
    end = start
    while end < len(doc) and end - start < settings.PROPER_NAME_MAX_WORDS and doc[end].is_title and doc[end].is_alpha \
            and doc[end].ent_type_ in {"", "PERSON", "GPE", "NORP", "ORG"}:
        end += 1
    if end - start < settings.NAME_MIN_WORDS or end >= len(doc) or doc[end].text != ",":
        return None
    window = doc[end + 1:min(len(doc), end + 1 + settings.ATTRIBUTION_TITLE_WINDOW_TOKENS)]
    return doc[start:end] if has_role_word(window.text) else None


def fullest_mention(span: Span, index: DocIndex) -> Span:
    """`said Roe` after `Jane Roe` earlier in the text: the full name, at the mention that
    also gives a role and organisation when one does. A full name said again without its title
    (`said Ana Lima-Costa`) takes the earlier mention that gives it."""
    alone = surname_only(span)
    if not alone and described(span)[0]:
        return span
    full = None if alone else span.text
    best = _best_earlier(index, span[-1].text, full, span.start)
    if full is not None and (best is None or not described(best)[0]):
        best = _best_earlier(index, span[-1].text, full, len(index.doc) + 1)  # titled later in the text
    if best is None:
        return span
    return best if alone or described(best)[0] else span


def surname_only(span: Span) -> bool:
    """A mention by surname alone: one word (`Roe`, `Silva-Reyes`) or a surname opening with a particle
    (`De la Fuente`)."""
    return len(span.text.split()) == 1 or span[0].lower_ in LEX.particles


def _best_earlier(index: DocIndex, surname: str, full: str | None, before: int) -> Span | None:
    """The best described of the full-name mentions (with this surname, or this exact full name) that
    start before a position: running maxima built once per key, then a binary search."""
    memo = index.memo.setdefault("best_earlier", {})
    key = (surname, full)
    if key not in memo:
        starts, best, leader = [], [], None
        for ent in index.by_last_word("PERSON").get(surname.lower(), ()):
            if not surname_only(ent) and ent[-1].text == surname and (full is None or ent.text == full):
                mention = trim_name(ent)
                if leader is None or described(mention) > described(leader):
                    leader = mention
                starts.append(ent.start)
                best.append(leader)
        memo[key] = (starts, best)
    starts, best = memo[key]
    n = bisect_left(starts, before)
    return best[n - 1] if n else None


def without_run_on_words(span: Span, seen: dict | None = None) -> Span:
    """`... families displaced by Cyclone Mira Nadia Farouk, Brightwater's director, said`: a
    sentence missing its comma runs a name into the words before it. Leading words the text also prints
    on their own, not followed by the rest of the name, are cut off."""
    if len(span) < settings.RUN_ON_NAME_MIN_TOKENS:
        return span
    text = doc_text(span.doc)
    seen = {} if seen is None else seen
    for cut in range(2, len(span) - 1):
        lead, rest = span[:cut], span[cut:]
        if not all((t.is_title or t.is_upper) and t.is_alpha for t in lead):
            return span
        if not span[cut - 1].whitespace_ or not (rest[0].is_title and rest[0].is_alpha and rest[1].is_alpha):
            continue  # "Ana Lima-Costa", "Jean-Paul Roe": never cut inside a hyphenated name
        key = (lead.text, rest[0].text)
        if key not in seen:  # one scan of the text per distinct name, not per mention
            alone = re.compile(rf"(?<!\w){re.escape(lead.text)}(?![\w-])(?!\s*{re.escape(rest[0].text)})")
            seen[key] = {m.start() for m in alone.finditer(text)}
        if seen[key] - {span.start_char}:
            return rest
    return span


# Names the recogniser cuts short, repaired before any extractor reads the entities: each pattern matches a
# whole name that overlaps a PERSON entity, and the name becomes that entity.
NAME_PATTERNS: dict[str, list[list[dict]]] = {
    # `Tomas “Tom” Berg`: a nickname in quotation marks between the first name and the surname.
    "nickname": [[{"IS_TITLE": True, "IS_ALPHA": True}, {"ORTH": {"IN": ["“", '"', "‘", "'"]}},
                  {"IS_TITLE": True, "IS_ALPHA": True}, {"ORTH": {"IN": ["”", '"', "’", "'"]}},
                  {"IS_TITLE": True, "IS_ALPHA": True}]],
}


def _capital_word(token: Token) -> bool:
    """A word written with a capital first, letters and apostrophes only: `McAllister`, `O'Neill`, `Ó`."""
    text = token.text
    return text[:1].isupper() and text.replace("'", "").replace("’", "").isalpha() and not (
        len(text) > 1 and text.isupper())


def _surname_start(doc: Doc, end: int) -> int:
    """Where a surname that ends before `end` starts: hyphenated parts glued (`Lindqvist-Haug`, `Al-Amin`)."""
    start = end - 1
    while start >= 2 and doc[start - 1].text in LEX.dashes and not doc[start - 1].whitespace_ \
            and not doc[start - 2].whitespace_ and _capital_word(doc[start - 2]):
        start -= 2
    return start


def _name_before(doc: Doc, end: int) -> tuple[int, int, bool]:
    """A name ending before `end`, read from its end: a surname, the particles before it (`van der`,
    `de la`), an initial (`F.`), one given name. Where it starts, where its surname (particles included)
    starts, and whether a particle, an initial or a hyphen marks it as a name beyond doubt."""
    start = _surname_start(doc, end)
    marked = start < end - 1  # "Adeyemi-Clarke": a hyphenated surname
    while start > 0 and doc[start - 1].lower_ in LEX.particles and doc[start - 1].lower_ != doc[start - 1].text.upper():
        start -= 1
        marked = True
    surname = start
    if start > 1 and len(doc[start - 1].text) == 2 and doc[start - 1].text[1] == "." \
            and doc[start - 1].text[0].isupper():
        start -= 1
        marked = True
    if start > 0 and _name_word(doc[start - 1]):
        return start - 1, surname, marked
    return surname, surname, False


def name_ending_at(doc: Doc, end: int) -> Span | None:
    """The name that ends before `end` by its shape alone (`Ingrid Adeyemi`, `Ana van der Meer`), whatever
    the recogniser saw: for a place where a name must stand, such as after a title that closes a clause."""
    if end < 2 or not _capital_word(doc[end - 1]) or (not _name_word(doc[end - 1]) and "-" not in doc[end - 1].text):
        return None
    start, surname, _marked = _name_before(doc, end)
    if start == surname or not _name_word(doc[start]) or is_place(doc[start:end].text):
        return None
    return Span(doc, start, end, label="PERSON")


def repair_names(doc: Doc) -> list[Span]:
    """Names the recogniser cut short, missed or took for something else that their own shape shows: a
    given name and a surname with a particle, an initial or a hyphen in it (`Amara ten Brink`, `Pieter F.
    dos Santos`, `Ewa Adeyemi-Clarke`), and that surname alone after it (`De la Fuente said`)."""
    found: list[Span] = []
    # Only a particle, an initial or a glued hyphen marks a name by its shape: look only just after one.
    ends = sorted({end for t in doc if _marks_name(t) for end in range(t.i + 2, min(len(doc), t.i + 5) + 1)})
    if not ends:
        return found
    # Surnames of the full names the recogniser saw, with their given names ("G. O'Neill" gives none).
    surnames = {e[-1].lower_: {e[0].lower_} for e in doc.ents
                if e.label_ == "PERSON" and len(e) > 1 and _name_word(e[0])}
    for end in ends:
        if not _capital_word(doc[end - 1]) or _name_goes_on(doc, end):
            continue
        start, surname, marked = _name_before(doc, end)
        words = doc[start:end]
        known = surnames.get(doc[surname:end].text.lower())
        if known is not None and doc[start].lower_ not in known:
            start = surname  # "Later De la Fuente said", after "Lucía de la Fuente": the surname alone
        if start < surname and marked and not is_place(words.text):
            surnames.setdefault(doc[surname:end].text.lower(), set()).add(doc[start].lower_)
            found.append(Span(doc, start, end, label="PERSON"))
        elif start == surname and known is not None and end - surname > 1:
            found.append(Span(doc, surname, end, label="PERSON"))  # "Silva-Reyes said", after "Ana Silva-Reyes"
    return [span for span in found if not _same_entity(span)]


def _marks_name(token: Token) -> bool:
    """A particle (`van`, `de`), an initial (`F.`) or a hyphen glued between two words (`Adeyemi-Clarke`)."""
    text = token.text
    return token.lower_ in LEX.particles or (len(text) == 2 and text[1] == "." and text[0].isupper()) or (
        text in LEX.dashes and not token.whitespace_ and token.i > 0 and not token.doc[token.i - 1].whitespace_)


def _bodies_across_possessives(doc: Doc) -> list[Span]:
    """`the St. Brigid's` + `Hospice`: two ORG entities the recogniser split at a possessive inside one
    body's name are one (a possessive that is an owner's, `Brovia's Chief Executive`, stays apart)."""
    ents = [e for e in doc.ents if e.label_ == "ORG"]
    joined = []
    for first, second in pairwise(ents):
        glued = first.end == second.start and first[-1].text in LEX.possessives
        if glued and name_after_possessive(doc, first.start, first.end) == second.end:
            joined.append(Span(doc, first.start, second.end, label="ORG"))
    return joined


def _name_goes_on(doc: Doc, end: int) -> bool:
    """A name word follows `end`, glued by a hyphen or after particles: the name does not end there."""
    at = end + (end < len(doc) and doc[end].text in LEX.dashes and not doc[end - 1].whitespace_)
    while at < len(doc) and doc[at].lower_ in LEX.particles:
        at += 1
    return at < len(doc) and _capital_word(doc[at]) and "\n" not in doc[at - 1].whitespace_


def _same_entity(words: Span) -> bool:
    """The words are exactly one PERSON entity already: nothing to repair."""
    ent = words[0].ent_type_ == "PERSON" and words[0].ent_iob_ == "B" and all(t.ent_iob_ == "I" for t in words[1:])
    return bool(ent) and (words.end == len(words.doc) or words.doc[words.end].ent_iob_ != "I")


@Language.factory("person_names")
class PersonNamesComponent:
    """Widen a PERSON entity to the whole name a NAME_PATTERNS pattern finds around it, and make a
    PERSON of every name repair_names() finds."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.matcher = Matcher(nlp.vocab)
        for pattern_name, patterns in NAME_PATTERNS.items():
            self.matcher.add(pattern_name, patterns)

    def __call__(self, doc: Doc) -> Doc:
        names = [Span(doc, start, end, label="PERSON") for _id, start, end in self.matcher(doc)
                 if any(t.ent_type_ == "PERSON" for t in doc[start:end])]
        names += repair_names(doc) + _bodies_across_possessives(doc)
        if names:
            names = filter_spans(names)
            taken = {t.i for span in names for t in span}
            # The repaired name wins over whatever the recogniser saw in its words.
            doc.ents = sorted([*names, *(e for e in doc.ents if not taken & set(range(e.start, e.end)))],
                              key=lambda e: e.start)
        return doc
