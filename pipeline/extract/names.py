"""Names: who a speech cue points at (the subject, a name before an appositive, a surname or he/she for
someone named earlier), a person's name as the recogniser or the capitalisation shows it, and the fullest
mention of each person."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

from spacy.language import Language
from spacy.lexeme import Lexeme
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .. import settings
from .bodies import repair_bodies, title_word
from .doctext import DocIndex, doc_text, label_positions, word_positions
from .rules import load_rules
from .titles import described, role_end
from .words import (
    company_ending,
    finite_verb,
    has_role_word,
    in_parentheses,
    is_country_word,
    is_place,
    is_role_word,
    opens_appositive,
    text_at,
)

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
    text = _HONORIFICS.sub("", text.strip(" ,.;:\"“”'’()"))
    return re.sub(r"[’']s$", "", text).strip()


def _name_word(token: Token) -> bool:
    """A word a person's name may hold: capitalised, not a title, an organisation's word, a month or a country."""
    return _capitalised(token) and _letters(token.text) and not token.is_stop \
        and token.lower_ not in LEX.non_name_words and not is_country_word(token.text)


def _capitalised(token: Token) -> bool:
    """A capital first, not all capitals: `Ana`, and `McAllister`, `O'Neill`, which a title-case test refuses."""
    return token.text[:1].isupper() and not token.is_upper


def _letters(text: str) -> bool:
    """Letters and apostrophes only: `O'Neill`, `D’Souza`."""
    return text.replace("'", "").replace("’", "").isalpha()


def _name_like(doc: Doc, start: int, end: int) -> bool:
    """Two to four capitalised name words, hyphenated parts glued: `Nadia Farouk`, `Ana Lima-Costa`."""
    words = [t for t in doc[start:end] if not (t.text in {"-", "‐"} and not t.whitespace_)]
    return settings.NAME_MIN_WORDS <= len(words) <= settings.NAME_MAX_WORDS and all(_name_word(t) for t in words)


def unlabelled_name(index: DocIndex, token: Token) -> Span | None:
    """Two to four capitalised name words around a token that the recogniser did not tag as a person."""
    doc = token.doc
    if not (_capitalised(token) and token.pos_ in {"PROPN", "NOUN"}):
        return None
    start = end = token.i
    while start > 0 and token.i - start < settings.NAME_MAX_WORDS - 1 and _capitalised(doc[start - 1]) \
            and doc[start - 1].pos_ == "PROPN" and "\n" not in doc[start - 1].whitespace_:
        start -= 1
    end = token.i + 1
    while end < len(doc) and end - start < settings.NAME_MAX_WORDS and _capitalised(doc[end]) \
            and doc[end].pos_ == "PROPN" \
            and "\n" not in doc[end - 1].whitespace_:
        end += 1
    while start < token.i - 1 and (not _name_word(doc[start]) or title_field_at(doc, start)):
        start += 1  # "FIB Director of Research and Evaluation | Amara Okafor"
    if not _name_like(doc, start, end):
        return None
    span = doc[start:end]
    labels = {t.ent_type_ for t in span} - {"", "PERSON"}
    if labels and not _titled(span):
        return None  # "Médecins Sans Frontières said": a body, unless a title stands beside the name
    return Span(doc, start, end, label="PERSON")


def _titled(span: Span) -> bool:
    """A title stands beside the name, or a person's relative pronoun follows it: `, a senior researcher at` or
    `, who leads` after it, a title or a body in brackets after it, a title or its field right before it, or an
    opening `As chair of X,` of its verb."""
    doc = span.doc
    after = doc[span.end + 1:min(len(doc), span.end + 1 + settings.TITLE_WORD_WINDOW_TOKENS)]
    opener = text_at(doc, span.end)
    if opens_appositive(doc, span.end) and (
            any(is_role_word(t) for t in after) or text_at(doc, span.end + 1) in LEX.relative_pronouns):
        return True
    if opener == "(" and bracket_names_holder(doc, span.end):
        return True
    # "Director Jane Roe", "head of fundraising Jane Roe": a title, or its field, right before it
    if span.start > 0 and (is_role_word(doc[span.start - 1]) or title_field_at(doc, span.start - 1)):
        return True
    return _titled_by_as(span.root)


def _titled_by_as(subject: Token) -> bool:
    """`As chair of X, Jane Roe said`: the subject of a verb that an `as` phrase holding a title modifies."""
    return subject.dep_ == "nsubj" and any(c.dep_ == "prep" and c.lower_ == "as" and any(
        is_role_word(g) for g in c.children) for c in subject.head.children)


def bracket_names_holder(doc: Doc, opening: int) -> bool:
    """The brackets opening at `opening` hold a title's or an organisation's word (`(Head of Policy, X)`,
    `(Lakeside Tenants' Union)`), not an acronym or another name: what is printed after a person's name."""
    inside = doc[opening + 1:min(len(doc), opening + 1 + settings.ROLE_MAX_TOKENS)]
    return any(is_role_word(t) or t.lower_ in LEX.organization_words for t in inside)


def trim_name(span: Span) -> Span:
    """A name never starts or ends with a title word or an organisation's: `Advocacy Jane Roe` after
    `Director of` is Jane Roe; `Jane Roe Director` is Jane Roe, and so is `Jane Roe OBE`."""
    doc = span.doc
    start, end = span.start, span.end
    while end - start > settings.NAME_MIN_WORDS and (
            is_role_word(doc[end - 1]) or doc[end - 1].lower_ in LEX.organization_words
            or doc[end - 1].lower_ in LEX.post_nominals):
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
        # The entity's root is in the phrase, or the phrase's head is in the entity, whose root is a particle or no
        # verb: a name the parser cut in two (`Zainab dos Santos`, `According to Dmitri T. | dos Santos`), not a
        # name run into its verb (`Secretary [Blinken Urged] to ...`).
        rooted = ent is not None and (ent.root.i in indices or (ent.start <= tokens[0].i < ent.end and (
            ent.root.lower_ in LEX.particles or ent.root.pos_ not in {"VERB", "AUX"})))
        if rooted and ent is not None and ent.label_ == "PERSON" and not (
                ent.root.dep_ == "poss" and ent.root != tokens[0]):
            return trim_name(ent)
    if tokens and tokens[0].pos_ == "PROPN":
        return unlabelled_name(index, tokens[0])
    return None


def speaker_tokens(verb: Token) -> list[Token]:
    """The subject of a verb of saying (subject_of), without its clauses."""
    subject = subject_of(verb)
    return head_phrase(subject) if subject is not None else []


_CLIMB_HEADS = frozenset({"VERB", "AUX", "ADP"})


def subject_of(verb: Token, climbs: int = settings.SPEECH_CLIMB_MAX_STEPS) -> Token | None:
    """The subject of a verb of saying; a verb with none borrows the subject of the verb it hangs on
    (LEX.speech_climbs: `was quoted as saying`, `went on to say`, `stood up and said`)."""
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if subjects:
        # "Washington, DC – Today, Representative Jane Roe released ...": a dateline parsed as a second
        # subject stands further from the verb than the speaker.
        return min(subjects, key=lambda s: abs(verb.i - s.i))
    # "Writing for X, Jane Roe discusses ...": an opening participle climbs to no one (writing_for reads it).
    participle = verb.dep_ == "advcl" and verb.tag_ == "VBG"
    climb = climbs > 0 and verb.dep_ in LEX.speech_climbs and verb.head.pos_ in _CLIMB_HEADS and not participle
    return subject_of(verb.head, climbs - 1) if climb else None


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
        # "Jane Roe is the director of X. “…,” she said." after a sentence naming others: the one person who is the
        # subject of the sentence just before, the only person that sentence names
        previous = index.sents[index.sent_of[verb.i] - 1] if index.sent_of[verb.i] > 0 else None
        people = [e for e in people if previous is not None and previous.start <= e.start < previous.end]
        if len({e[-1].text for e in people}) != 1 or people[0].root.dep_ != "nsubj":
            return None
    return trim_name(max(people, key=len))


def _has_pronoun_subject(index: DocIndex, position: int) -> bool:
    return any(t.dep_ == "nsubj" and t.lower_ in LEX.pronouns for t in index.sentence(position))


def person_before(index: DocIndex, verb: Token) -> Span | None:
    """`Jane Doe, director of X, said` when the parse missed the subject: the name, an appositive, the verb."""
    doc = verb.doc
    sentence = index.sentence(verb.i)
    # "Greywater Alliance" tagged a person: a name ending in an organisation's word is a body's.
    # A name the parser cut by a sentence start (`Kwame | van der Meer, ...:`) still stands before the verb.
    people = [e for e in index.between("PERSON", max(0, sentence.start - settings.NAME_MAX_WORDS), verb.i)
              if sentence.start < e.end <= verb.i and e[-1].lower_ not in LEX.organization_words]
    person = trim_name(people[-1]) if people else _name_before_appositive(index, sentence.start, verb.i)
    if person is None:
        return None
    between = doc[person.end:verb.i]
    return person if not any(veto(person, verb, between) for _name, veto in _APPOSITIVE_VETOES) else None


def _own_subject(person: Span, verb: Token, token: Token) -> bool:
    """`... with Secretary-General Jane Roe, he said`: the verb's own subject, a pronoun or a name outside the
    title after the person, speaks, not the name before it."""
    named = token.ent_type_ in {"ORG", "GPE", "NORP", "PERSON"} and not _inside_title(person, token)
    return token.head == verb and token.dep_ == "nsubj" and (token.pos_ == "PRON" or named)


def _body_speaks(between: Span, verb: Token) -> bool:
    """`a complaint by Lord Roe, the Harbour Standards Authority has told`: a body after the name speaks."""
    return len(between) > 2 and between[1 + (between[1].lower_ == "the")].ent_type_ == "ORG" \
        and any(t.dep_ == "aux" and t.head == verb for t in between)


# What keeps a name before a verb of saying from being its speaker: the words between them must be a titled
# appositive (`Jane Doe, director of X, said`), or nothing.
_APPOSITIVE_VETOES: tuple[tuple[str, Callable[[Span, Token, Span], bool]], ...] = (
    ("body_speaks", lambda person, verb, between: _body_speaks(between, verb)),
    ("own_subject", lambda person, verb, between: any(_own_subject(person, verb, t) for t in between)),
    ("no_comma", lambda person, verb, between: len(between) > 0 and between[0].text != "("
     and not opens_appositive(verb.doc, between[0].i)),
    ("too_long", lambda person, verb, between: len(between) > settings.APPOSITIVE_MAX_TOKENS),
    # (the verb's own auxiliary is no clause: `Jane Roe, director of X, has said`)
    ("clause", lambda person, verb, between: any(finite_verb(t) and not in_parentheses(t) and t.head != verb
                                                 for t in between)),
    ("sentence_or_quote", lambda person, verb, between: any(t.text in {".", ";", "“", "”", '"'} for t in between)),
    # (`A spokesperson for Caldera Freight Lines said`: the body a titled subject speaks for, no one's name)
    ("body_of_titled_subject", lambda person, verb, between: _body_of_titled_subject(person, verb)),
)


def _body_of_titled_subject(person: Span, verb: Token) -> bool:
    """Whether the words are the object of the `for`/`of` of the verb's subject, a title (`A spokesperson for X`)."""
    root = person.root
    while root.dep_ == "conj" and root.head is not root:  # `for Pennard & Rusk Engineering`: the name's last part
        root = root.head
    link = root.head
    # (`The president of X, Ayesha Pillai, said`: a name set off by commas is the title's holder)
    return root.dep_ == "pobj" and link.lower_ in {"for", "of"} and link.head.dep_ == "nsubj" \
        and link.head.head == verb and is_role_word(link.head) \
        and not any(t.text == "," for t in person.doc[link.i:person.start])


def _inside_title(person: Span, token: Token) -> bool:
    """A subject the parser found inside the appositive title after the name is still part of the title (up to
    the closing dash of one a dash opened: `Jane Roe — director, Harbour Trust — said`)."""
    title_end = _closing_dash(person) or role_end(person)
    return title_end is not None and person.end < token.i < title_end and has_role_word(
        person.doc[person.end:title_end].text)


def _closing_dash(person: Span) -> int | None:
    """Where the spaced dash that closes an appositive a dash opened after the name stands, if one does."""
    doc = person.doc
    if not opens_appositive(doc, person.end) or doc[person.end].text == ",":
        return None
    window = doc[person.end + 1:min(len(doc), person.end + 1 + settings.ROLE_MAX_TOKENS)]
    return next((t.i for t in window if t.text in LEX.dashes and t.whitespace_ and doc[t.i - 1].whitespace_), None)


def _name_before_appositive(index: DocIndex, start: int, verb: int) -> Span | None:
    """A name-like span the recogniser missed, at the start of the clause, followed by a titled appositive."""
    doc = index.doc
    for n in range(start, min(verb, start + settings.CLAUSE_NAME_WINDOW_TOKENS)):
        if n > start and opens_appositive(doc, n):
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
    """A word written with a capital first, letters and apostrophes only: `McAllister`, `O'Neill`, `Ó`; or an Irish
    surname's mutated first letter before its capital (`tSaoi` of `Mac an tSaoi`)."""
    text = token.text
    return (text[:1].isupper() and text.replace("'", "").replace("’", "").isalpha() and not (
        len(text) > 1 and text.isupper())) or _MUTATED.fullmatch(text) is not None


_MUTATED = re.compile(r"[a-z]{1,2}[A-ZÁÉÍÓÚ][a-záéíóú]+")


def _surname_start(doc: Doc, end: int) -> int:
    """Where a surname that ends before `end` starts: hyphenated parts glued (`Lindqvist-Haug`, `Al-Amin`, a
    particle in lower case: `al-Rashid`)."""
    start = end - 1
    while start >= 2 and _glued_hyphen(doc, start - 1) and (
            _capital_word(doc[start - 2]) or doc[start - 2].lower_ in LEX.particles):
        start -= 2
    return start


def _name_before(doc: Doc, end: int) -> tuple[int, int, bool]:
    """A name ending before `end`, read from its end: a surname, the particles before it (`van der`,
    `de la`), an initial (`F.`), one given name. Where it starts, where its surname (particles included)
    starts, and whether a particle, an initial or a hyphen marks it as a name beyond doubt."""
    start = _surname_start(doc, end)
    marked = start < end - 1  # "Adeyemi-Clarke": a hyphenated surname
    if start >= 2 and _capital_word(doc[start - 1]) and _particle(doc[start - 2]):
        start -= 1  # "da Silva Pinto": a particle's surname and a second surname after it
    # ("Mac an tSaoi": the article before a mutated surname is the name's)
    while start > 0 and (_particle(doc[start - 1]) or (doc[start - 1].text == "an" and _MUTATED.fullmatch(
            doc[start].text))):
        start -= 1
        marked = True
    surname = start
    if start > 1 and (_initial(doc[start - 1]) or _bare_initial(doc, start - 1)):
        start -= 1
        marked = True
    if start > 0 and _name_word(doc[start - 1]):
        given = _given_name_start(doc, start - 1)
        return given, surname, marked or given < start - 1  # "Jean-Luc Dubois": a hyphenated given name marks it
    if start > 2 and _hyphen_tail(doc, start - 1):
        return _given_name_start(doc, start - 1), surname, True  # "Hyun-woo Shin": a hyphenated given name
    return surname, surname, False


def _particle(token: Token) -> bool:
    """`van`, `de la`, `Mac`: a particle of a surname, not written in capitals (`DE` is no particle)."""
    return token.lower_ in LEX.particles and token.lower_ != token.text.upper()


def _bare_initial(doc: Doc, i: int) -> bool:
    """`Kristy A Martire`: a capital alone, without its stop, between a given name and a surname."""
    return len(doc[i].text) == 1 and doc[i].text.isupper() and i > 0 and _name_word(doc[i - 1]) \
        and doc[i].text != "I"


def _hyphen_tail(doc: Doc, i: int) -> bool:
    """`woo` of `Hyun-woo`, `hoon` of `Ji-hoon`: a word in lower case glued by a hyphen to a name's word."""
    return doc[i].is_lower and doc[i].is_alpha and _glued_hyphen(doc, i - 1) and _name_word(doc[i - 2])


def _given_name_start(doc: Doc, i: int) -> int:
    """Where a given name whose last part is at `i` starts: its hyphenated parts glued (`Jean-Paul`, `Hyun-woo`)."""
    while i >= 2 and _glued_hyphen(doc, i - 1) and (_name_word(doc[i - 2]) and (
            _name_word(doc[i]) or _hyphen_tail(doc, i))):
        i -= 2
    return i


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
    ends = sorted({end for i in word_positions(doc, _may_mark_name) if _marks_name(doc[i])
                   for end in range(i + 2, min(len(doc), i + 5) + 1)})
    if not ends:
        return found
    # Surnames of the full names the recogniser saw, with their given names ("G. O'Neill" gives none).
    surnames = {e[-1].lower_: {e[0].lower_} for e in doc.ents
                if e.label_ == "PERSON" and len(e) > 1 and _name_word(e[0])}
    for end in ends:
        name = _name_or_surname(doc, end, surnames) if _capital_word(doc[end - 1]) and not _name_goes_on(doc, end) \
            else None
        found += [name] if name is not None else []
    return [span for span in found if not _same_entity(span)]


def _name_or_surname(doc: Doc, end: int, surnames: dict[str, set[str]]) -> Span | None:
    """The name a particle, an initial or a hyphen marks, ending at `end` (learning its given name), or its
    surname alone after a full mention (`Later De la Fuente said`, `Silva-Reyes said`)."""
    start, surname, marked = _name_before(doc, end)
    key = doc[surname:end].text.lower()
    known = surnames.get(key)
    if known is not None and doc[start].lower_ not in known:
        start = surname  # "Later De la Fuente said", after "Lucía de la Fuente": the surname alone
    if start < surname and marked and not is_place(doc[start:end].text):
        surnames.setdefault(key, set()).add(doc[start].lower_)
        return Span(doc, start, end, label="PERSON")
    if start == surname and known is not None and end - surname > 1:
        return Span(doc, surname, end, label="PERSON")  # "Silva-Reyes said", after "Ana Silva-Reyes"
    return None


def _given_names(doc: Doc) -> list[Span]:
    """`Priya Delacroix` tagged as `Delacroix` alone, or not at all where `Delacroix` alone is a person elsewhere
    in the text: the surname takes the given name written just before it on its line, a proper noun that may
    stand in a name and that no other entity holds."""
    alone = {e.text for e in doc.ents if e.label_ == "PERSON" and len(e) == 1}
    found: list[Span] = []
    if not alone:
        return found
    for surname in (t for t in doc[1:] if t.text in alone and (not t.ent_type_ or t.ent_iob_ == "B"
                                                               or _mistaken_pair(doc, t.i))):
        given = doc[surname.i - 1]
        free = not given.ent_type_ or _mistaken_pair(doc, surname.i)
        if given.pos_ == "PROPN" and _name_word(given) and free and "\n" not in given.whitespace_:
            found.append(Span(doc, given.i, surname.i + 1, label="PERSON"))
    return found


def _mistaken_pair(doc: Doc, surname: int) -> bool:
    """`Zeynep Sato` tagged a facility or a place, `Sato` a person elsewhere: the two words are exactly one entity
    of a label a body's or a person's name is often mistaken for."""
    given = doc[surname - 1]
    ends = surname + 1 == len(doc) or doc[surname + 1].ent_iob_ != "I"
    return given.ent_iob_ == "B" and doc[surname].ent_iob_ == "I" and ends and given.ent_type_ in _MISTAKEN_LABELS


_MISTAKEN_LABELS = frozenset({"FAC", "GPE", "LOC", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"})


def _honoured_names(doc: Doc) -> list[Span]:
    """`Dr Thandiwe Quispe, from ...` taken for a body: a name by its shape right after an honorific (`Dr`, `Prof.`),
    up to a comma, a link or a verb, where the recogniser saw no person."""
    found = []
    for i in word_positions(doc, _honorific):
        end = i + 1
        while end < len(doc) and end - i <= settings.NAME_MAX_WORDS + 2 and not doc[end].is_punct \
                and "\n" not in doc[end - 1].whitespace_ and doc[end].lower_ not in _BODY_LINKS | {"said", "says"}:
            end += 1
        while end < len(doc) and doc[end].text in LEX.dashes and not doc[end - 1].whitespace_:
            end += 2  # "Adeyemi-Clarke": the hyphen is punctuation, the name goes on
        name = name_ending_at(doc, min(end, len(doc))) if end > i + 2 else None
        if name is not None and name.start == i + 1 and not any(t.ent_type_ == "PERSON" for t in name):
            found.append(name)
    return found


def _honorific(word: Lexeme) -> bool:
    return word.lower_.rstrip(".") in LEX.honorifics and word.text[:1].isupper()


def _titled_names(doc: Doc) -> list[Span]:
    """`Arjun Takahashi, programme officer of X, opened ...` missed or taken for a body: a name by its shape
    right before a comma, a title's word among the three words after it; or right before `of`/`at`/`from` and
    a body's name, a title's word among the three words before it or the name speaking (the subject of a verb
    of saying, or right after one: `Hana Iwu of Wrenfield College said`, `said Ana Roe from Brovia Ltd`), no
    link word right before it (`with Director of Programmes Ingrid McAllister of the Tidewell Foundation`;
    not `Minister of Foreign Affairs`)."""
    found = []
    for stop in word_positions(doc, _comma_or_body_link):
        name = name_ending_at(doc, stop) if _titled_at(doc, stop) or _speaks_for_body(doc, stop) else None
        if name is not None and not any(t.ent_type_ == "PERSON" for t in name) and (
                doc[stop].text == "," or doc[name.start - 1].lower_ not in LEX.role_link_words):
            found.append(name)
    return found


def _titled_at(doc: Doc, stop: int) -> bool:
    """A title's word after the comma at `stop`; or before the link `stop`, with a body's name after it."""
    window = settings.TITLE_AFTER_COMMA_TOKENS
    if doc[stop].text == ",":
        return any(is_role_word(t) for t in doc[stop + 1:stop + 1 + window])
    return doc[stop].lower_ in _BODY_LINKS and _body_named_after(doc, stop) and any(
        is_role_word(t) for t in doc[max(0, stop - settings.NAME_MAX_WORDS - window):stop])


def _speaks_for_body(doc: Doc, link: int) -> bool:
    """`Hana Iwu of Wrenfield College said`, `said Ana Roe from Brovia Ltd`: the words before the link `of`/`from`
    are the subject of a verb of saying or follow one, and a body's name follows the link."""
    if doc[link].text == "," or link < 2 or not _body_named_after(doc, link):
        return False
    last = doc[link - 1]
    # (inside the subject: `Director of the Centre for X Ana Roe of Brovia Inc. said`)
    subject = any(t.dep_ == "nsubj" and t.head.lower_ in LEX.speech_verbs and t.head.i > link
                  for t in (last, *last.ancestors))
    before = doc[max(0, link - 1 - settings.NAME_MAX_WORDS):link - 1]
    return subject or any(t.lower_ in LEX.speech_verbs for t in before)


def _body_named_after(doc: Doc, link: int) -> bool:
    """A capitalised word only organisations' names hold among the words after a link."""
    after = doc[link + 1:min(len(doc), link + 1 + settings.BODY_NAME_MAX_TOKENS)]
    return any(t.lower_.rstrip(".") in LEX.organization_words and t.text[:1].isupper() for t in after)


def _speaking_names(doc: Doc) -> list[Span]:
    """`As chair of X, Ana Roe said`, `Ana Roe is legal adviser of X.`, the name taken for a place, for nothing or for
    the end of a body the recogniser ran into it:
    the whole subject of a verb of saying, or of a copula whose attribute is a title, is a name by its shape that
    the gazetteer knows for no place (a body the recogniser saw stays one)."""
    found = []
    subjects = [doc[i] for i in label_positions(doc, "DEP", "nsubj")]
    # "Osei is deputy director of X": a word the text makes the subject of a title is a person's (surname), whatever
    # the recogniser took the whole name for ("Nadia Osei told reporters" tagged a body)
    titled = {t.lower_ for t in subjects if _titled_by_copula(t.head)}
    for token in subjects:
        if token.pos_ != "PROPN" or token.ent_type_ == "PERSON" \
                or not (token.head.lower_ in LEX.speech_verbs or _titled_by_copula(token.head)):
            continue
        name = name_ending_at(doc, token.i + 1)
        # "the Harbour Trust's Ana Roe said" (not "Scotland's Young Academy welcomes": a place owns no speaker)
        owned = name is not None and name.start > 1 and doc[name.start - 1].text in LEX.possessives \
            and doc[name.start - 2].ent_type_ not in LEX.place_labels and not is_place(doc[name.start - 2].text)
        if name is not None and (name.start == token.left_edge.i or owned) and token.right_edge.i == token.i \
                and (token.lower_ in titled or not _body_of_its_own(doc, token, name)):
            found.append(name)
    return found


def _body_of_its_own(doc: Doc, token: Token, name: Span) -> bool:
    """The recogniser took the words for a body that starts with them (`Goldman Sachs said`), not for one it ran
    into the name (`the Federation of Independent Bakers Thandiwe Mwangi said`)."""
    if token.ent_type_ != "ORG" or (name.start > 0 and doc[name.start - 1].text in LEX.possessives):
        return False  # ("the Harbour Trust's Maeve Jovanović said": a body's person, whatever the recogniser saw)
    start = next((t.i for t in reversed(doc[:token.i + 1]) if t.ent_iob_ == "B"), token.i)
    return start >= name.start


def _titled_by_copula(verb: Token) -> bool:
    """`is legal adviser of X`: a copula whose attribute is a title's word."""
    return verb.lower_ in LEX.copulas and any(c.dep_ == "attr" and is_role_word(c) for c in verb.children)


def _marks_name(token: Token) -> bool:
    """A particle (`van`, `de`), an initial (`F.`) or a hyphen glued between two words (`Adeyemi-Clarke`)."""
    return token.lower_ in LEX.particles or _initial(token) or (
        token.text in LEX.dashes and _glued_hyphen(token.doc, token.i))  # the cheap test first: runs on every token


def _may_mark_name(word: Lexeme) -> bool:
    """What _marks_name reads of the word alone: a particle, an initial or a dash."""
    return word.lower_ in LEX.particles or _initial(word) or word.text in LEX.dashes


def _comma_or_body_link(word: Lexeme) -> bool:
    return word.text == "," or word.lower_ in _NAME_BODY_LINKS


def _initial(token: Token | Lexeme) -> bool:
    """`F.`: a capital and a full stop."""
    return token.text[:1].isupper() and token.text[1:] == "."


def _glued_hyphen(doc: Doc, i: int) -> bool:
    """A hyphen with no space on either side, between two words: `Adeyemi-Clarke`."""
    return doc[i].text in LEX.dashes and i > 0 and not doc[i - 1].whitespace_ + doc[i].whitespace_


def _name_goes_on(doc: Doc, end: int) -> bool:
    """A name word follows `end`, glued by a hyphen or after particles: the name does not end there."""
    at = end + (end < len(doc) and doc[end].text in LEX.dashes and not doc[end - 1].whitespace_)
    while at < len(doc) and doc[at].lower_ in LEX.particles:
        at += 1
    return at < len(doc) and _capital_word(doc[at]) and "\n" not in doc[at - 1].whitespace_


def _follows_title(ent: Span) -> bool:
    """The entity starts inside a title's field: `Director of [Communications Sione Quispe]`, `Director of Research
    and [Evaluation Mei Haddad]`, `Head of Policy for [Coastal Affairs Elif Roe]`."""
    return title_field_at(ent.doc, ent.start)


def title_field_at(doc: Doc, i: int) -> bool:
    """The word at `i` goes on a title's field: going back over capitalised words reaches a link (`of`, `for`,
    `and`), and going on back over capitalised words and links reaches a title's word."""
    floor = max(0, i - settings.ROLE_BEFORE_NAME_MAX_TOKENS)
    at = i - 1
    while at > floor and _field_word(doc[at]):
        at -= 1
    if at < 1 or doc[at].lower_ not in _FIELD_LINKS:
        return False
    while at > floor and (doc[at].lower_ in _FIELD_LINKS or _field_word(doc[at])):
        at -= 1
    return is_role_word(doc[at])


def _field_word(token: Token) -> bool:
    return token.is_title and not is_role_word(token) and token.lower_ not in _FIELD_LINKS


_FIELD_LINKS = frozenset({"of", "for", "on", "and", "&"})
_BODY_ONLY_WORDS = LEX.organization_words - LEX.field_words


def _without_title_words(ent: Span) -> Span | None:
    """`Researcher Anh Mensah` taken for one name: a PERSON entity starts after the title's words at its front,
    and one of a title's words alone (`Legal Adviser`) names nobody. `Communications Sione Quispe` after
    `Director of`, taken for a body that holds no organisation's word, is the title's field and a name."""
    if ent.label_ == "ORG" and _title_not_body(ent):
        name = name_ending_at(ent.doc, ent.end - (ent[-1].lower_ in _BODY_LINKS))  # "Spokesperson Sione Osei of"
        return name if name is not None and name.start > ent.start else ent
    if ent.label_ != "PERSON":
        return ent
    if company_ending(ent[-1].text):
        return Span(ent.doc, ent.start, ent.end, label="ORG")  # "Luma Health said": a company, not a person
    if _title_before_name(ent):
        return None  # "[Corvane Head] of Policy Arjun Osei said": a body and a title before the speaker's name
    if _follows_title(ent) and (name := name_ending_at(ent.doc, ent.end)) is not None and name.start > ent.start:
        return name  # "Director of Research and [Evaluation Mei Haddad]": the field's last word is no name's
    start = next((t.i for t in ent if not title_word(t)), ent.end)
    # "Arjun Nguyen (": no bracket; "Spokesperson Arjun Nguyen of": no link
    end = next((t.i + 1 for t in reversed(ent) if t.text not in "()" and t.lower_ not in _BODY_LINKS), start)
    if (start, end) == (ent.start, ent.end):
        return ent
    return Span(ent.doc, start, end, label="PERSON") if start < end else None


def _title_not_body(ent: Span) -> bool:
    """An ORG entity that opens with a title's word or follows a title, holding no word only a body's name has
    (a field's word, `Land and Water Rights`, is no body's)."""
    return (title_word(ent[0]) or _follows_title(ent)) and not any(t.lower_.rstrip(".") in _BODY_ONLY_WORDS
                                                                   for t in ent)


def _title_before_name(ent: Span) -> bool:
    """A `person` ending with a title's word that a title's words lead on from into another person's name:
    `Corvane Head of Policy Arjun Osei` (`Tom Head of the Harbour Trust said` names Tom Head)."""
    doc = ent.doc
    if len(ent) < 2 or not is_role_word(ent[-1]):
        return False
    at = ent.end
    while at < len(doc) and at - ent.end < settings.ROLE_BEFORE_NAME_MAX_TOKENS + settings.NAME_MAX_WORDS \
            and (doc[at].lower_ in _FIELD_LINKS | {"the"} or title_word(doc[at]) or doc[at].is_title
                 or _glued_hyphen(doc, at)) and "\n" not in doc[at - 1].whitespace_:
        at += 1
    name = name_ending_at(doc, at) if at > ent.end + 1 else None
    return name is not None and name.start > ent.end


def _names_left_over(doc: Doc, taken: set[int]) -> list[Span]:
    """`Adviser of the Lakeside Tenants' Union Ana Brennan`, `St. Brigid's Hospice Siobhán Quispe` taken for one
    entity, `Takahashi (Riverside Children's Fund` across a bracket: where a repaired body takes part of an
    entity, a name that ends a part left over is a person, by its shape."""
    left = []
    for ent in doc.ents:
        if ent.label_ not in {"PERSON", "ORG"} or not any(t.i in taken for t in ent):
            continue
        # A part ends at the entity's end, at a repaired name, at punctuation, or at the link to a repaired body
        # (`Chair of the Board of Trustees Thandiwe Haddad | of | Brightwater Energy Ltd`).
        ends = [t.i + 1 for t in ent if t.i not in taken and (
            t.i + 1 == ent.end or t.i + 1 in taken or doc[t.i + 1].is_punct or _linked_to(doc, t.i + 1, taken))]
        left += [name for end in ends if (name := name_ending_at(doc, end)) is not None
                 and not any(i in taken for i in range(name.start, name.end))]
    return left


def _linked_to(doc: Doc, link: int, taken: set[int]) -> bool:
    """`of`/`at` right before a repaired body."""
    return doc[link].lower_ in _BODY_LINKS and link + 1 in taken


_BODY_LINKS = frozenset({"of", "at"})
_NAME_BODY_LINKS = LEX.name_body_links


def _same_entity(words: Span) -> bool:
    """The words are exactly one PERSON entity already: nothing to repair."""
    ent = words[0].ent_type_ == "PERSON" and words[0].ent_iob_ == "B" and all(t.ent_iob_ == "I" for t in words[1:])
    return bool(ent) and (words.end == len(words.doc) or words.doc[words.end].ent_iob_ != "I")


_SPEAKING_LABELS = frozenset({"ORG", "PERSON"})


@Language.factory("person_names")
class PersonNamesComponent:
    """Widen a PERSON entity to the whole name a NAME_PATTERNS pattern finds around it, and make a
    PERSON of every name repair_names() finds."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.matcher = Matcher(nlp.vocab)
        for pattern_name, patterns in NAME_PATTERNS.items():
            self.matcher.add(pattern_name, patterns)

    def __call__(self, doc: Doc) -> Doc:
        # "Farmers' Union of Eastvale\n\n": no body or person ends in blank lines (places are the gazetteer's to read)
        if any(e[-1].is_space and e.label_ in _SPEAKING_LABELS for e in doc.ents):
            doc.ents = [Span(doc, e.start, e.end - 1, label=e.label_)
                        if e[-1].is_space and e.label_ in _SPEAKING_LABELS and len(e) > 1 else e for e in doc.ents]
        if any(title_word(e[0]) or _follows_title(e) or e[-1].text in "()" or e[-1].lower_ in _BODY_LINKS
               or is_role_word(e[-1]) or company_ending(e[-1].text) for e in doc.ents):
            doc.ents = [n for e in doc.ents if (n := _without_title_words(e)) is not None]
        names = [Span(doc, start, end, label="PERSON") for _id, start, end in self.matcher(doc)
                 if any(t.ent_type_ == "PERSON" for t in doc[start:end])]
        names += repair_names(doc) + _given_names(doc) + _titled_names(doc) + _speaking_names(doc) \
            + _honoured_names(doc)
        names += repair_bodies(doc, frozenset(n.start for n in names))
        if names:
            names = filter_spans(names)
            taken = {t.i for span in names for t in span}
            names = filter_spans(names + _names_left_over(doc, taken))
            taken = {t.i for span in names for t in span}
            # The repaired name wins over whatever the recogniser saw in its words.
            doc.ents = sorted([*names, *(e for e in doc.ents if not taken & set(range(e.start, e.end)))],
                              key=lambda e: e.start)
        return doc
