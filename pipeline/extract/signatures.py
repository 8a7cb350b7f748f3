"""Line rules: names signed under a letter or at the end of a text, and a transcript's speaker labels."""
from __future__ import annotations

import re

from spacy.tokens import Span

from .. import settings
from .doctext import DocIndex, doc_text, text_lines
from .names import Found, name_ending_at
from .rules import load_rules
from .titles import described
from .words import has_role_word, is_place

LEX = load_rules()


_SIGN_OFF = re.compile(rf"^(?:{'|'.join(sorted(LEX.sign_offs, key=len, reverse=True))})[,!.:]?$", re.IGNORECASE)


# A transcript line opening with its speaker: "MINISTER ROE:", "MS. DOE:", "Jane Doe:".
_CAPITAL = "A-ZÀ-ÖØ-Þ"
_SPEAKER_LABEL = re.compile(
    rf"^[ \t]*(?:[{_CAPITAL}][{_CAPITAL}.’'-]*[ \t]+){{0,3}}([{_CAPITAL}][{_CAPITAL}’'-]+)[ \t]*:[ \t]+(?=\S)",
    re.MULTILINE)


# A line opening with a name and a colon: "Jane Doe: ...", a headline's "Kowalski: Airships cost less", or
# "UN Envoy for Education, Jane Doe: ..." with a title before the name.
_NAME_LABEL = re.compile(
    r"^[ \t]*(?:[^:\n]{1,80}?,[ \t]+)?([A-Z][a-z’'-]+(?:[ \t]+[A-Z][a-z’'.-]+){0,2})[ \t]*:[ \t]+(?=[“\"A-Z])",
    re.MULTILINE)


_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][\w’'.-]*"
_PARTICLES = "|".join(sorted((re.escape(p) for p in LEX.particles), key=len, reverse=True))
# A name alone on a line, a title after it: "Jane Roe", "— Ana van der Meer, Head of Policy, Harbour Trust",
# "Omar J. al-Amin" (a particle glued by a hyphen), "Ana Roe (she/her)" (pronouns in brackets),
# "Ana Roe | Treasurer | Harbour Trust"; or a quotation signed on its own line: "• “…” – Ana Roe, Chair", "“…” (Ana
# Roe, Chair, Harbour Trust)".
_NAME_LINE = re.compile(
    rf"^(?:[•*·]\s*)?(?:[“\"](?P<said>[^”\"]{{{settings.QUOTE_MIN_CHARS},}})[”\"][.,]?\s*(?=[—–(-]))?"
    rf"(?P<opening>(?P<dash>[—–-]\s*)|(?P<bracket>\(\s*))?"
    rf"(?P<name>{_NAME_WORD}(?:\s+(?:(?:{_PARTICLES})(?:\s+|-))*{_NAME_WORD}){{1,3}})(?:\s*\([a-z/ ]{{2,20}}\))?"
    rf"(?:\s*[,|]\s*(?P<title>\S.{{2,100}}?))?(?(bracket)\)\.?)$")
_COLUMN_GAP = re.compile(r"\S {3,}\S")
_QUOTE_LINE_END = re.compile(r"[”\"]\s*$")


def closing_signature(index: DocIndex) -> list[Found]:
    """`... Jane Roe, Deputy Spokesperson for the Secretary-General New York, 14 March 2021`: a text
    that ends with a name and a title, and no verb, is signed by that person."""
    if len(index.sents) < 2:
        return []  # "Appointment of Jane Roe, Programme Leader": a headline alone is signed by nobody
    last = index.sents[-1]
    people = index.between("PERSON", last.start, last.end)
    if not people or people[0].start - last.start > settings.CLOSING_NAME_MAX_OFFSET:
        return []
    person = people[0]
    rest = index.doc[person.end:last.end]
    if len(rest) < 2 or rest[0].text != "," or not has_role_word(rest[1:1 + settings.TITLE_WORD_WINDOW_TOKENS].text) \
            or any(t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"amod", "compound"} for t in rest):
        return []
    return [Found(person, None, "closing_signature")]


def signed_names(index: DocIndex) -> list[Found]:
    """Names signed under a letter: after `In solidarity,`, or a name line above a role line."""
    lines = text_lines(index.doc)
    return [found for n in range(len(lines)) if (found := _signed_line(index, lines, n)) is not None]


def _signed_line(index: DocIndex, lines: list[tuple[int, str]], n: int) -> Found | None:
    """The signer a name line gives, read with the nearest line above it and the line under it."""
    start, line = lines[n]
    match = _NAME_LINE.match(line.strip())
    if not match or _COLUMN_GAP.search(match.group("name")):
        return None  # `Ana Roe      Jane Doe`: two signatures side by side, no one person's name
    above = lines[max(0, n - settings.SIGN_OFF_MAX_LINES_ABOVE):n]
    # "Signed:\nAna Roe, Chair, X\nJane Doe, Director, Y", "Thanks,\nAna\nAna Roe | Chair | X": the lines of other
    # signatories and the signer's given name alone stand between a titled name line and its sign-off
    skipped = (lambda text: _titled_name_line(text) or text in match.group("name").split()) \
        if match.group("title") else None
    previous = next((text.strip() for _, text in reversed(above) if text.strip()
                     and not (skipped and skipped(text.strip()))), "")
    following = lines[n + 1][1].strip() if n + 1 < len(lines) else ""
    rule, said = _signing(match, previous, following)
    if rule is None:
        return None
    begin = start + line.index(match.group("name"), match.start("name"))
    span = index.doc.char_span(begin, begin + len(match.group("name")), alignment_mode="expand")
    return Found(span, said, rule) if span is not None and _names_a_signer(index, span, rule) else None


def _titled_name_line(text: str) -> bool:
    """A line that is a name and a title after it: `Ana Roe, Chair, Harbour Trust`."""
    match = _NAME_LINE.match(text)
    return match is not None and bool(match.group("title")) and has_role_word(match.group("title"))


def _signing(match: re.Match, previous: str, following: str) -> tuple[str | None, str | None]:
    """How a name line is signed, if it is, and the words it signs: a quotation above it or on its line
    (`signed_quote`), a sign-off above it (`signature_after_sign_off`), a role line under it."""
    title = match.group("title")
    # "“…”\n— Jane Roe, Head of Policy": a dash before the name signs the quotation above it or before it on
    # its line; a title on the name's line does so without the dash ("“…”\nJane Roe | Chair | Harbour Trust").
    quoted = bool(match.group("said")) or bool(_QUOTE_LINE_END.search(previous))
    # ("“…” (Jane Roe, Head of Policy, Harbour Trust)": a citation in brackets signs the quotation before it)
    pull_quote = quoted and bool(match.group("opening") or title)
    # "— Jane Roe, Senior Researcher, Harbour Trust" closing a statement: a dash and a title sign it.
    dash_signed = bool(match.group("dash")) and has_role_word(title or "")
    signed = bool(_SIGN_OFF.match(previous)) or pull_quote or dash_signed
    if title and not (signed and has_role_word(title)):
        return None, None  # "Jane Roe, Executive Director" on one line counts under a sign-off only
    if pull_quote:
        return "signed_quote", match.group("said") or previous.strip(" “”\"")
    titled = bool({w.lower().strip(",.") for w in following.split()} & LEX.role_words) \
        and len(following) < settings.SIGNATURE_ROLE_MAX_CHARS
    return ("signature_after_sign_off" if signed else "name_line_above_role" if titled else None), None


def _names_a_signer(index: DocIndex, span: Span, rule: str) -> bool:
    """A line above a role line is a signer's name when the recogniser saw a person there, or the words are a
    plain name: no title's word, no place the gazetteer knows ("Amara Adeyemi" taken for a place), no body."""
    overlapping = [index.ents[i] for i in {index.ent_of[t.i] for t in span} if i >= 0]
    if rule != "name_line_above_role" or any(e.label_ == "PERSON" for e in overlapping):
        return True
    # "Marguerite Kapoor" taken for a building, "Takahashi" alone for a body: a line of a name's words alone is a
    # name all the same, unless the recogniser took the whole line for a body
    shaped = (name := name_ending_at(index.doc, span.end)) is not None and name.start == span.start
    return not has_role_word(span.text) and not is_place(span.text) and not any(
        (e.label_ in {"ORG", "FAC"} and not shaped) or (e.label_ == "ORG" and e.start <= span.start)
        for e in overlapping)


def author_bio(index: DocIndex) -> list[Found]:
    """An opinion piece's author: `By Jane Roe` over the text and, closing it, `Jane Roe is the director of X.`,
    where the author's title and body are read; a reporter's byline (`Jane Roe is a reporter …`) only under an
    opinion label (`Opinion: …`)."""
    lines = [line.strip() for line in doc_text(index.doc).split("\n") if line.strip()]
    top = lines[:settings.BYLINE_MAX_LINE]
    byline = next((m for line in top if (m := _BYLINE.match(line))), None)
    if byline is None or len(index.sents) < 2:
        return []
    author = byline.group(1)
    for sentence in index.sents[-settings.AUTHOR_BIO_MAX_SENTENCES:]:
        person = next((e for e in index.between("PERSON", sentence.start, sentence.end)
                       if e.start == sentence.start and e.text == author), None)
        if person is None or person.end >= sentence.end or person.doc[person.end].lower_ not in LEX.copulas:
            continue
        reports = any(t.lower_ in LEX.press_roles for t in sentence)
        labelled = any(line.split(":")[0].strip().lower() in LEX.opinion_labels for line in top if ":" in line)
        return [Found(person, None, "author_bio")] if labelled or not reports else []
    return []


_BYLINE = re.compile(rf"^By\s+({_NAME_WORD}(?:\s+(?:(?:{_PARTICLES})(?:\s+|-))*{_NAME_WORD}){{1,3}})$")


def speaker_labels(index: DocIndex) -> list[Found]:
    """`MINISTER ROE: Well, thank you all for coming ...`: a transcript's speaker label, resolved to the
    full name the text prints elsewhere ("Minister of Transport Jane Roe"); `Jane Doe: ...` at the start
    of a line, when the recogniser sees a person there. A label no full name matches (QUESTION:,
    MODERATOR:) names nobody."""
    doc = index.doc
    text = doc_text(doc)
    found: list[Found] = []
    labels = list(_SPEAKER_LABEL.finditer(text))
    people = [e for e in index.labelled("PERSON") if len(e) > 1 and not e.text.isupper()]
    by_surname: dict[str, list[Span]] = {}
    for person in people:  # "Al-Amin" under its last word and whole, for a label "AL-AMIN:"
        for key in {person[-1].lower_, person.text.split()[-1].lower()}:
            by_surname.setdefault(key, []).append(person)
    looked_up: set[str] = set()  # one entry per speaker, quoting their first turn: a transcript has hundreds
    for match in labels:
        surname = match.group(1).lower()
        if surname in looked_up:
            continue
        looked_up.add(surname)
        mentions = by_surname.get(surname) or _unrecognised_names(index, surname)
        if mentions:
            found.append(Found(max(mentions, key=described), _label_words(text, match) or None, "speaker_label"))
    found.extend(_interviewee(index, text))
    for match in _NAME_LABEL.finditer(text):
        span = doc.char_span(match.start(1), match.end(1), alignment_mode="contract")
        if span is None or match.group(1).split()[-1].lower() in looked_up:
            continue
        if any(t.ent_type_ == "PERSON" for t in span):
            looked_up.add(match.group(1).split()[-1].lower())
            found.append(Found(span, _label_words(text, match) or None, "speaker_label"))
    return found


# A line opening with a one-word label and a colon or a stop: "Q: ...", "A. ...".
_LINE_LABEL = re.compile(r"^[ \t]*([A-Za-z]+)[ \t]*[:.][ \t]+(?=\S)", re.MULTILINE)


def _interviewee(index: DocIndex, text: str) -> list[Found]:
    """`Interview with Jane Roe, Chair of X` above `Q: ...` and `A: ...` lines: the one person the first line names
    answers, in the words of the first answer."""
    labels = {m.group(1).lower(): m for m in reversed(list(_LINE_LABEL.finditer(text)))}  # each label's first line
    answer = next((labels[label] for label in LEX.answer_labels if label in labels), None)
    if answer is None or not labels.keys() & LEX.question_labels:
        return []
    first_line = text.find("\n")
    people = [e for e in index.labelled("PERSON") if e.end_char <= first_line and len(e) > 1]
    if len({e.text for e in people}) != 1:
        return []
    return [Found(people[0], _label_words(text, answer) or None, "speaker_label")]


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


def _clip(text: str, most: int = settings.QUOTE_MAX_CHARS) -> str:
    if len(text) <= most:
        return text
    cut = text.rfind(" ", 0, most)
    return text[: cut if cut > 0 else most] + "…"
