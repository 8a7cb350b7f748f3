"""Spokespeople: people whose words a text quotes or reports, with their role and organisation."""
from __future__ import annotations

import logging
import re
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..records import Spokesperson
from .doctext import doc_text

LOGGER = logging.getLogger(__name__)

# Verbs of saying, as written (the lemmatizer is excluded for speed, so forms are listed).
_SPEECH_VERBS = frozenset(
    ["said", "says", "say", "saying", "stated", "states", "added", "adds", "noted", "notes", "warned", "warns", "explained", "explains", "told", "tells", "wrote", "writes", "commented", "comments", "declared", "declares", "stressed", "stresses", "emphasized", "emphasised", "insisted", "insists", "urged", "urges", "concluded", "continued", "remarked", "argued", "argues", "asserted", "cautioned", "observed", "acknowledged", "affirmed", "reiterated", "recalled", "lamented", "welcomed", "argues", "argued", "responds", "responded", "pledged", "pledges", "praised", "praises", "condemned", "condemns", "replied", "replies", "announced", "announces"]
)
# Verbs whose object, not their subject, follows them: "told Greenpeace UK to withdraw" names the addressee.
_ADDRESSING_VERBS = frozenset(["told", "tells", "urged", "urges", "welcomed", "praised", "praises", "condemned", "condemns"])
# "Catherine Russell Briefing to ...": a title naming a person's own words.
_WORKS_OF_SPEECH = frozenset(["briefing", "remarks", "statement", "address", "speech", "testimony", "interview", "op-ed"])
_PRONOUNS = frozenset({"he", "she"})
# "Statement by X", "comment from X", "attributable to X": the noun makes the words X's.
_ATTRIBUTION_NOUNS = frozenset(
    ["statement", "statements", "comment", "comments", "remarks", "message", "flashquote", "quote", "reaction", "briefing", "attributable", "words", "testimony", "letter"]
)
# "issued the following statement", "had the following reaction": the object makes it speech.
_STATEMENT_VERBS = frozenset(["issued", "issues", "released", "releases", "made", "makes", "had", "has", "gave", "gives", "delivered"])
_STATEMENT_NOUNS = frozenset(["statement", "statements", "reaction", "comment", "comments", "remarks", "response", "message"])
_ROLE_WORDS = frozenset(
    ["director", "president", "secretary", "spokesperson", "spokesman", "spokeswoman", "researcher", "advisor", "adviser", "officer", "chief", "head", "minister", "manager", "coordinator", "campaigner", "chair", "chairman", "chairwoman", "chairperson", "executive", "ambassador", "commissioner", "lawyer", "attorney", "founder", "ceo", "counsel", "representative", "expert", "specialist", "analyst", "lead", "deputy", "member", "leader", "governor", "senator", "envoy", "coordinator", "general", "rapporteur", "professor", "editor", "organizer", "organiser", "activist", "volunteer", "partner", "associate", "fellow", "administrator", "commander", "official", "delegate", "mayor", "judge", "advocate", "economist", "scientist", "doctor", "interrogator", "whistleblower", "contractor", "correspondent", "physician", "nurse", "manager", "spokesperson", "commissioner", "researcher", "ceo", "cfo", "coo", "founder", "co-founder", "principal", "superintendent"]
)
# Words that may stand in a role written before a name ("UNICEF Executive Director Catherine Russell").
_ROLE_LINK_WORDS = frozenset({"of", "for", "and", "&", "’s", "'s", "-", "on"})
_HONORIFICS = re.compile(r"^(?:dr|mr|mrs|ms|miss|sir|dame|rev|prof|professor|hon)\.?\s+", re.IGNORECASE)
_CONNECTORS = re.compile(r"^(?:of|at|for|with|from|in|and)\s+|\s+(?:of|at|for|with|from|in|and)$", re.IGNORECASE)
_SIGN_OFF = re.compile(
    r"^(?:in solidarity|sincerely|yours|best|best regards|regards|thank you|thanks|warmly|with gratitude)[,!.]?$",
    re.IGNORECASE,
)
# A quotation, closed, or cut off by the end of a truncated teaser.
_QUOTE = re.compile(r"[“\"]([^”\"]{12,}?)(?:[”\"]|(?=[.…]*\s*$))")
# A transcript line opening with its speaker in capitals: "SECRETARY TILLERSON:", "MS. NAUERT:".
_SPEAKER_LABEL = re.compile(r"^[ \t]*(?:[A-Z][A-Z.’'-]*[ \t]+){0,3}([A-Z][A-Z’'-]+)[ \t]*:[ \t]+(?=\S)", re.MULTILINE)
_NAME_LINE = re.compile(r"^(?:[—–-]\s*)?([A-Z][a-zA-Z’'.-]+(?:\s+[A-Z][a-zA-Z’'.-]+){1,3})$")


def _clean_name(text: str) -> str:
    text = _HONORIFICS.sub("", text.strip(" ,.;:\"“”'’"))
    return re.sub(r"[’']s$", "", text).strip()


def _person_in(tokens: Span | list[Token], doc: Doc) -> Span | None:
    indices = {t.i for t in tokens}
    for ent in doc.ents:
        if ent.label_ == "PERSON" and ent.root.i in indices:
            return ent
    return None


def _head_phrase(token: Token) -> list[Token]:
    """A subject without its prepositional phrases and clauses: `The director of X, Jane Doe` keeps Jane
    Doe; in a subject such as `Ruling on a complaint by Lord Lipsey` the name is not the speaker."""
    phrase = [token]
    for child in token.children:
        if child.dep_ not in {"prep", "acl", "relcl", "advcl", "agent"}:
            phrase.extend(_head_phrase(child))
    return phrase


def _speaker_tokens(verb: Token) -> list[Token]:
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if subjects:
        return _head_phrase(subjects[0])
    if verb.dep_ in {"ccomp", "parataxis", "conj"} and verb.head.pos_ == "VERB":
        return _speaker_tokens(verb.head) if verb.dep_ == "conj" else []
    return []


_OBJECTS = frozenset({"pobj", "dobj", "iobj", "dative"})


def _pronoun_antecedent(verb: Token) -> Span | None:
    """`He said` / `she added`: the one person named in this or the two sentences before, if only one."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in _PRONOUNS]
    if not subjects:
        return None
    doc = verb.doc
    sentence = verb.sent
    start = sentence.start
    for _ in range(2):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    # "Describing his meeting with Ban Ki-moon, he said ... He noted": an object in a sentence whose
    # subject is "he" or "she" is someone else. Of the others, exactly one person must be named.
    people = [e for e in doc.ents if e.label_ == "PERSON" and start <= e.start and e.end <= verb.i
              and not (e.root.dep_ in _OBJECTS and _has_pronoun_subject(e.sent))]
    if len({e[-1].text for e in people}) != 1:
        return None
    return max(people, key=len)


def _has_pronoun_subject(sentence: Span) -> bool:
    return any(t.dep_ == "nsubj" and t.lower_ in _PRONOUNS for t in sentence)


def _closing_signature(doc: Doc) -> list[tuple[Span, str | None]]:
    """`... Farhan Haq, Deputy Spokesman for the Secretary-General New York, 3 January 2020`: a text
    that ends with a name and a title, and no verb, is signed by that person."""
    sentences = list(doc.sents)
    if not sentences:
        return []
    last = sentences[-1]
    people = [e for e in doc.ents if e.label_ == "PERSON" and e.start >= last.start]
    if not people or people[0].start - last.start > 2:
        return []
    person = people[0]
    rest = doc[person.end:last.end]
    if len(rest) < 2 or rest[0].text != "," or not _has_role_word(rest[1:8].text) \
            or any(t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"amod", "compound"} for t in rest):
        return []
    return [(person, None)]


def _proper_name_at(doc: Doc, start: int) -> Span | None:
    """`comment from Jamil Dakwar, director of ...`: two or three capitalised words the recogniser missed,
    followed by a comma and a role."""
    end = start
    while end < len(doc) and end - start < 3 and doc[end].is_title and doc[end].is_alpha \
            and doc[end].ent_type_ in {"", "PERSON", "GPE", "NORP", "ORG"}:  # a name followed by ", director"
        end += 1
    if end - start < 2 or end >= len(doc) or doc[end].text != ",":
        return None
    after = doc[end + 1:min(len(doc), end + 6)].text
    return doc[start:end] if _has_role_word(after) else None


# "Jyrki Katainen, Vice-President of the Commission, responsible for Jobs, Growth, ..., said": tokens
# between a name and its verb when an appositive title runs long.
_LONGEST_APPOSITIVE = 40


def _person_before(verb: Token) -> Span | None:
    """`Jane Doe, director of X, said` when the parse missed the subject: the name, an appositive, the verb."""
    sentence = verb.sent
    people = [e for e in verb.doc.ents if e.label_ == "PERSON" and sentence.start <= e.start and e.end <= verb.i]
    if not people:
        return None
    person = people[-1]
    between = verb.doc[person.end:verb.i]
    if len(between) > 2 and between[1 + (between[1].lower_ == "the")].ent_type_ == "ORG" \
            and any(t.dep_ == "aux" and t.head == verb for t in between):
        return None  # "a complaint by Lord Lipsey, the Advertising Standards Authority has told": the body speaks
    if len(between) == 0:
        return person
    if any(t.head == verb and t.dep_ == "nsubj" and (t.pos_ == "PRON" or t.ent_type_ in {"ORG", "GPE", "NORP", "PERSON"})
           for t in between):
        # "... with Secretary-General Ban Ki-moon, he said", "a complaint by Lord Lipsey, the Advertising
        # Standards Authority has told ...": the verb's own subject speaks, not the name before it.
        return None
    if between[0].text == "," and len(between) <= _LONGEST_APPOSITIVE and not any(
        t.pos_ == "VERB" and t.dep_ not in {"amod", "compound"} for t in between
    ) and not any(t.text in {".", ";", "“", "”", '"'} for t in between):
        return person
    return None


def _trim_role(role: str) -> str:
    previous = None
    while previous != role:
        previous = role
        role = re.sub(r"^(?:the|a|an|its|their)\b\s*|\s+(?:the|a|an)$", "", role.strip(" ,;:-–.…"), flags=re.IGNORECASE)
        role = _CONNECTORS.sub("", role)
    return role.strip(" ,;:")


def _split_role(text: str, doc_span: Span | None, appositive: bool = False) -> tuple[str | None, str | None]:
    """Split `executive director of Amnesty International` into role and organisation."""
    text = text.strip(" ,;:()—–-")
    if not text:
        return None, None
    org = None
    if doc_span is not None:
        orgs = [e for e in doc_span.doc.ents if e.label_ == "ORG"
                and e.start >= doc_span.start and e.end <= doc_span.end]
        doc = doc_span.doc
        # A title the recogniser took for an organisation ("Advisor on Economic ... Rights") is no body.
        orgs = [e for e in orgs if e[0].lower_ not in _ROLE_WORDS]
        owners = [e for e in orgs if e.end + 1 < doc_span.end and (doc[e.end].text in {"'s", "’s"} or e[-1].text in {"'s", "’s"})]
        leading = re.match(r"^[A-Z]{3,}(?:-[A-Z][a-z]+)?\b", text)
        named = [e for e in orgs if not (e.start > 0 and doc[e.start - 1].text == "(")  # not "(ICRC)"
                 and not _title_word(e)]
        if owners:
            org = _org_name(owners[0])  # "Amnesty International USA's Security Program": the owner
        elif leading and len(text.split()) > 1 and leading.group(0).lower() not in _ROLE_WORDS \
                and not any(e.start == doc_span.start for e in orgs):
            org = leading.group(0)  # "UNESCO assistant director-general": an acronym the recogniser missed
        elif named:
            org = _org_name(named[-1])  # "... at Amnesty International": the body comes last
    role = text
    if org and org not in text and org.split()[0] in text:
        org = None if not org else org
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
    if doc_span is not None and any(t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"amod", "compound"} for t in doc_span):
        return None, None  # "Jane Doe, has wrapped up a visit": a clause, not a title
    words = role.split()
    first_pos = doc_span[0].pos_ if doc_span is not None and len(doc_span) else ""
    plain_appositive = appositive and 0 < len(words) <= 8 and first_pos not in {"PRON", "VERB", "AUX", "ADP"} \
        and (role[:1].islower() or words[0].lower() == "former")
    if not (_has_role_word(role) or plain_appositive) or len(role) > 110:
        role = None
    return role or None, org


def _title_word(ent: Span) -> bool:
    """`Secretary of State`, `Minister of Health`: one word after "<role> of" is part of the title."""
    doc = ent.doc
    return len(ent) == 1 and ent.start >= 2 and doc[ent.start - 1].lower_ == "of" \
        and doc[ent.start - 2].lower_ in _ROLE_WORDS


def _is_country_word(text: str) -> bool:
    from .countries import REGION, gazetteer

    code, needs_place = gazetteer().get(text, (None, True))
    return code is not None and code != REGION and not needs_place and text[:1].isupper() and " " not in text


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
    while len(tokens) > 1 and tokens[-1].lower_ in _ROLE_WORDS:
        tokens.pop()
    text = "".join(t.text_with_ws for t in tokens).strip()
    text = re.split(r"[’']s\s", text, maxsplit=1)[0]  # "Amnesty International USA’s Security Program"
    text = re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)
    return re.sub(r"[’']s$", "", text).strip()


def _has_role_word(text: str) -> bool:
    return bool({w.lower().strip(".,’'s") for w in re.split(r"[\s/-]+", text)} & _ROLE_WORDS) or bool(
        {w.lower().strip(".,") for w in re.split(r"[\s/]+", text)} & _ROLE_WORDS)


_MONTH_WORDS = frozenset(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
)


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
        doc[end + 1].like_num or doc[end + 1].lower_ in _MONTH_WORDS)


def _role_after(person: Span) -> tuple[str | None, str | None]:
    doc = person.doc
    if person.end >= len(doc) or doc[person.end].text != ",":
        return None, None
    end = person.end + 1
    while end < len(doc) and end - person.end < 20 and doc[end].lower_ not in _SPEECH_VERBS \
            and "\n" not in doc[end - 1].whitespace_ and not (
        end > person.end + 1 and _signature_place(doc, end)
    ) and (
        doc[end].text not in {",", ".", "“", "\"", ":", ";", "(", ")"}
        # "Advisor on Economic, Social and Cultural Rights": a title-case list runs on past its commas
        or doc[end].text == "," and end + 1 < len(doc) and doc[end - 1].is_title and doc[end + 1].is_title
        and not any(e.label_ == "ORG" and e.start == end + 1 for e in doc.ents)
    ):
        end += 1
    role, org = _split_role(doc[person.end + 1:end].text, doc[person.end + 1:end], appositive=True)
    if org is None and end < len(doc) and doc[end].text == ",":
        # "Patricia Erb, President and CEO, Save the Children Canada says": the organisation follows.
        following = next((e for e in doc.ents if e.label_ == "ORG" and e.start == end + 1), None)
        if following is not None:
            org = re.sub(r"^the\s+", "", following.text, flags=re.IGNORECASE)
    return role, org


def _role_before(person: Span) -> tuple[str | None, str | None]:
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
        if token.lower_ in _ROLE_LINK_WORDS or token.pos_ in {"PROPN", "NOUN", "ADJ"} or token.ent_type_ == "ORG" \
                or token.text[:1].isupper() and not token.is_sent_start:
            inside_name = token.pos_ == "DET" and (token.ent_type_ == "ORG" or (
                start >= 2 and doc[start - 2].lower_ in {"of", "for"}))  # "director of the Red Cross"
            if token.pos_ in {"VERB", "AUX", "PRON", "DET"} and not inside_name or token.lower_ in _SPEECH_VERBS:
                break
            start -= 1
            continue
        break
    while start < stop and doc[start].lower_ in _ROLE_LINK_WORDS:
        start += 1
    if start == stop:
        return None, None
    span = doc[start:stop]
    if stop < person.start and not _has_role_word(span.text):
        return None, None
    return _split_role(span.text, span)


def _quote_near(sentence: Span, doc: Doc) -> str | None:
    match = _QUOTE.search(sentence.text)
    if match:
        return match.group(1).strip()
    after = doc_text(doc)[sentence.end_char:sentence.end_char + 600]
    match = _QUOTE.match(after.lstrip())
    return match.group(1).strip() if match else None


def find_spokespeople(doc: Doc) -> list[Spokesperson]:
    """Every person the text quotes or reports as speaking, with role, organisation and quote."""
    found: list[tuple[Span, str | None]] = []
    for token in doc:
        lower = token.lower_
        person = None
        nxt = doc[token.i + 1].text if token.i + 1 < len(doc) else ""
        if lower in _SPEECH_VERBS and (token.pos_ in {"VERB", "AUX"} or nxt in {":", "“", '"', ","}):
            person = _person_in(_speaker_tokens(token), doc) or _person_before(token)
            if person is None and lower not in _ADDRESSING_VERBS:  # "…,” said Jane Doe, director of X.
                window = doc[token.i + 1:min(len(doc), token.i + 4)]
                person = next((e for e in doc.ents if e.label_ == "PERSON" and window.start <= e.start < window.end), None)
            if person is None:
                person = _pronoun_antecedent(token)
        elif lower in _STATEMENT_VERBS and any(
            c.dep_ == "dobj" and c.lower_ in _STATEMENT_NOUNS for c in token.children
        ):
            person = _person_in(_speaker_tokens(token), doc) or _person_before(token)
        elif token.text in {":", "):"} and nxt in {"“", '"'}:
            # "Filippo Grandi, UN High Commissioner for Refugees: “...”": a name, a title, the words.
            person = _person_before(token)
            if person is not None and person.root.dep_ == "pobj":
                person = None  # "Watch the interview with Jane Doe, our director: “Why ...”": a title, not her words
        elif lower == "according" and token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "to":
            person = _person_in(list(doc[token.i + 1].subtree), doc)
        elif lower in _ATTRIBUTION_NOUNS and nxt.lower() in {"by", "from", "to", "of"}:
            window = doc[token.i + 2:min(len(doc), token.i + 10)]
            person = next((e for e in doc.ents if e.label_ == "PERSON" and window.start <= e.start < window.end
                           and e.sent == token.sent), None) or _proper_name_at(doc, token.i + 2)
        if person is None and lower in _WORKS_OF_SPEECH and token.i > 0 and token.is_title:
            # Titles: "Catherine Russell Briefing to the Security Council", "Jane Doe Remarks at ...".
            person = next((e for e in doc.ents if e.label_ == "PERSON" and e.end == token.i), None)
            swallowed = next((e for e in doc.ents if e.label_ == "PERSON" and e.end == token.i + 1 and len(e) > 2), None)
            if person is None and swallowed is not None:
                person = doc[swallowed.start:token.i]  # the recogniser took "Briefing" for a surname
        if person is not None:
            found.append((person, _quote_near(token.sent, doc)))
    found.extend(_signatures(doc))
    found.extend(_closing_signature(doc))
    found.extend(_speaker_labels(doc))
    people = _merge(found)
    speakers = [e for e in doc.ents if e.label_ == "ORG" and e.root.dep_ == "nsubj" and e.root.head.lower_ in _SPEECH_VERBS]
    if len({_org_name(e) for e in speakers}) == 1:
        # "..., Human Rights Watch said in a report. ... said Brad Adams, Asia director": his body. An
        # organisation first speaking after the person ("The ONS have said") is a third party.
        org, first = _org_name(speakers[0]), speakers[0].start_char
        people = [replace(p, organization=org) if p.role and not p.organization and p.start > first else p
                  for p in people]
    return people


def _signatures(doc: Doc) -> list[tuple[Span, str | None]]:
    """Names signed under a letter: after `In solidarity,`, or a name line above a role line."""
    lines, offset = [], 0
    for line in doc_text(doc).split("\n"):
        lines.append((offset, line))
        offset += len(line) + 1
    found = []
    for n, (start, line) in enumerate(lines):
        match = _NAME_LINE.match(line.strip())
        if not match:
            continue
        previous = lines[n - 1][1].strip() if n else ""
        following = lines[n + 1][1].strip() if n + 1 < len(lines) else ""
        signed = bool(_SIGN_OFF.match(previous))
        titled = bool({w.lower().strip(",.") for w in following.split()} & _ROLE_WORDS) and len(following) < 90
        if not (signed or titled):
            continue
        begin = start + line.index(match.group(1))
        span = doc.char_span(begin, begin + len(match.group(1)), alignment_mode="expand")
        is_person = span is not None and any(
            e.label_ == "PERSON" for e in doc.ents if e.start < span.end and span.start < e.end)
        plain_name = span is not None and not _has_role_word(span.text) and not any(
            e.label_ in {"ORG", "GPE", "LOC", "FAC"} for e in doc.ents if e.start < span.end and span.start < e.end)
        if not (is_person or signed or (titled and plain_name)):
            continue
        if span is not None:
            found.append((span, None))
    return found


def _speaker_labels(doc: Doc) -> list[tuple[Span, str | None]]:
    """`SECRETARY TILLERSON: Well, first let me thank ...`: a transcript's speaker label, resolved to the
    full name the text prints elsewhere ("Secretary of State Rex Tillerson"). A label no full name
    matches (QUESTION:, MODERATOR:) names nobody."""
    found: list[tuple[Span, str | None]] = []
    text = doc_text(doc)
    labels = list(_SPEAKER_LABEL.finditer(text))
    if not labels:
        return found
    people = [e for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 and not e.text.isupper()]
    looked_up: set[str] = set()  # one entry per speaker, quoting their first turn: a transcript has hundreds
    for match in labels:
        surname = match.group(1).lower()
        if surname in looked_up:
            continue
        looked_up.add(surname)
        mentions = [e for e in people if e[-1].lower_ == surname] or _unrecognised_names(doc, surname)
        if mentions:
            line_end = text.find("\n", match.end())
            words = text[match.end():line_end if line_end != -1 else None].strip()
            found.append((max(mentions, key=_described), _clip(words) or None))
    return found


def _unrecognised_names(doc: Doc, surname: str) -> list[Span]:
    """`Minister of Health Ingrid Solberg` where the recogniser saw no person: a capitalised first name
    and the surname, neither of them a title word nor inside a place or an organisation."""
    return [doc[t.i - 1:t.i + 1] for t in doc[1:]
            if t.lower_ == surname and t.is_title and doc[t.i - 1].is_title and doc[t.i - 1].is_alpha
            and doc[t.i - 1].pos_ == "PROPN" and not doc[t.i - 1].is_stop and doc[t.i - 1].lower_ not in _ROLE_WORDS
            and t.ent_type_ in {"", "PERSON"} and doc[t.i - 1].ent_type_ in {"", "PERSON"}]


def _clip(text: str, most: int = 600) -> str:
    if len(text) <= most:
        return text
    cut = text.rfind(" ", 0, most)
    return text[: cut if cut > 0 else most] + "…"


def _title_of(mention: Span) -> tuple[str | None, str | None]:
    """Role and organisation printed with a mention: after the name, else before it."""
    role, org = _role_after(mention)
    if role is None and org is None:
        role, org = _role_before(mention)
    return role, org


def _described(mention: Span) -> tuple[int, int]:
    """How fully a mention of a person is described: role and organisation found, then role length."""
    role, org = _title_of(mention)
    return (role is not None) + (org is not None), len(role or "")  # the fuller title wins a tie


def _full_mention(span: Span) -> Span:
    """`said Russell` after `Catherine Russell` earlier in the text: the full name, at the mention that
    also gives a role and organisation when one does. A full name said again without its title
    (`said Erika Guevara-Rosas`) takes the earlier mention that gives it."""
    if len(span) > 1 and _described(span)[0]:
        return span
    mentions = [e for e in span.doc.ents
                if e.label_ == "PERSON" and len(e) > 1 and e[-1].text == span[-1].text and e.start < span.start
                and (len(span) == 1 or e.text == span.text)]
    if not mentions:
        return span
    best = max(mentions, key=_described)
    return best if len(span) == 1 or _described(best)[0] else span


def _without_run_on_words(span: Span) -> Span:
    """`... girls abducted by Boko Haram Netsanet Belay, Amnesty International's director, said`: a
    sentence missing its comma runs a name into the words before it. Leading words the text also prints
    on their own, not followed by the rest of the name, are cut off."""
    if len(span) < 4:
        return span
    text = doc_text(span.doc)
    for cut in range(2, len(span) - 1):
        lead, rest = span[:cut], span[cut:]
        if not all((t.is_title or t.is_upper) and t.is_alpha for t in lead):
            return span
        if not span[cut - 1].whitespace_ or not (rest[0].is_title and rest[0].is_alpha and rest[1].is_alpha):
            continue  # "Erika Guevara-Rosas", "Ban Ki-moon": never cut inside a hyphenated name
        alone = re.compile(rf"(?<!\w){re.escape(lead.text)}(?![\w-])(?!\s*{re.escape(rest[0].text)})")
        if any(m.start() != span.start_char for m in alone.finditer(text)):
            return rest
    return span


def _merge(found: list[tuple[Span, str | None]]) -> list[Spokesperson]:
    """One entry per person: short mentions ("Huang said") join the full name, roles fill in."""
    people: dict[str, Spokesperson] = {}
    for span, quote in found:
        span = _without_run_on_words(_full_mention(span))
        name = _clean_name(span.text)
        lead_role = []
        while len(name.split()) > 2 and name.split()[0].lower() in _ROLE_WORDS:
            lead_role.append(name.split()[0])
            name = name.split(maxsplit=1)[1]
        if not name or any(ch.isdigit() for ch in name):
            continue
        key = next((k for k in people if k == name or k.split()[-1] == name or name.split()[-1] == k), None)
        role, org = _title_of(span)
        if role is None and org is None:
            role, org = _signature_role(span)
        if role is None and lead_role:
            role = " ".join(lead_role)
        if key is None:
            if len(name.split()) < 2:
                continue  # a lone first or last name with no full mention: too ambiguous to keep
            people[name] = Spokesperson(name=name, role=role, organization=org, quote=quote,
                                        start=span.start_char, end=span.end_char)
        else:
            current = people.pop(key)
            full = key if len(key.split()) >= len(name.split()) else name
            if role and org and not (current.role and current.organization):
                current = Spokesperson(name=current.name, role=role, organization=org, quote=current.quote,
                                       start=current.start, end=current.end)
            elif org and current.organization and len(org) > len(current.organization) and \
                    "".join(w[0] for w in org.split() if w[:1].isupper()) == current.organization:
                current = Spokesperson(name=current.name, role=current.role or role, organization=org,
                                       quote=current.quote, start=current.start, end=current.end)
            people[full] = Spokesperson(
                name=full, role=current.role or role, organization=current.organization or org,
                quote=current.quote or quote, start=current.start, end=current.end,
            )
    return list(people.values())


def _signature_role(span: Span) -> tuple[str | None, str | None]:
    text = doc_text(span.doc)
    after = text[span.end_char:].split("\n")
    if len(after) < 2 or after[0].strip():
        return None, None
    role = after[1].strip()
    if not role or len(role) > 90 or not {w.lower().strip(",.") for w in role.split()} & _ROLE_WORDS:
        return None, None
    org = after[2].strip() if len(after) > 2 and 0 < len(after[2].strip()) < 60 and after[2].strip()[:1].isupper() else None
    if org:
        begin = span.end_char + len(after[0]) + len(after[1]) + 2
        line = span.doc.char_span(begin, begin + len(after[2]), alignment_mode="expand")
        if line is None or any(t.ent_type_ in {"GPE", "LOC", "DATE"} for t in line) or _has_role_word(org):
            org = None  # "Washington, DC" or a date under a signature: where and when, not who
    return role, org


@Language.factory("release_spokespeople")
class SpokespeopleComponent:
    """Set doc._.spokespeople."""

    def __init__(self, nlp: Language, name: str) -> None:
        if not Doc.has_extension("spokespeople"):
            Doc.set_extension("spokespeople", default=())

    def __call__(self, doc: Doc) -> Doc:
        doc._.spokespeople = tuple(find_spokespeople(doc))
        return doc
