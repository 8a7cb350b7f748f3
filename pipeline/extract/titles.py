"""Titles: the role printed with a person's name, and the body the title names.

A title is read after the name (TITLE_AFTER_NAME: an appositive `Jane Doe, director of X,`, a relative
clause `who is director of X`, parentheses `(Director, X)`, a sentence `Jane Doe is director of X.`), else
before it (`X Executive Director Jane Doe`), or from a signature's lines. The body inside a title is found
by the `title` steps of ORGANIZATION_STEPS (organization.py, through body_in_title()) and cut out of the role.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from .. import settings
from .bodies import has_organization_word
from .doctext import doc_index, doc_text
from .organization import body_after_name, body_after_title, body_in_title, body_named_by
from .rules import load_rules
from .words import (
    finite_verb,
    has_role_word,
    in_parentheses,
    is_place,
    is_role_word,
    signature_place,
    text_at,
)

LEX = load_rules()


@dataclass(frozen=True, slots=True)
class Title:
    """A role and the organisation it is held at, with the step that found each."""

    role: str | None = None
    organization: str | None = None
    role_rule: str | None = None
    organization_rule: str | None = None


def role_end(person: Span) -> int | None:
    """Where the appositive title after a name ends: `Jane Doe, director for (counter) terrorism, law and
    rights at X, said` runs through its parentheses and its list to the comma before the verb."""
    doc = person.doc
    if person.end >= len(doc) or doc[person.end].text != ",":
        return None
    start = end = title_start(person)
    while end < len(doc) and end - person.end < settings.ROLE_MAX_TOKENS:
        token = doc[end]
        if "\n" in token.text or (end > start and ("\n" in doc[end - 1].whitespace_ or signature_place(doc, end))):
            break
        if token.text in LEX.dashes and token.whitespace_:
            break  # "Chair of the Water Board - Opening Plenary", "... Board- Opening": a headline's separator
        if token.lower_ in LEX.role_trailing_cut or (token.lower_ in LEX.speech_verbs and not (
                token.pos_ == "NOUN" and token.lower_.endswith("ing"))):  # "director of early warning systems"
            break
        if token.text == "(":
            close = next((n for n in range(end + 1, min(len(doc), end + settings.TITLE_NOTE_MAX_TOKENS))
                          if doc[n].text == ")"), None)
            if close is None or end == start:
                break
            end = close + 1  # "director for (counter) terrorism": a note inside the title
            continue
        if token.text == "," and not _comma_continues(doc, start, end):
            break
        if token.text in LEX.title_stops or token.text == "(":
            break
        end += 1
    return end


def title_start(person: Span) -> int:
    """Where the title after a name and its comma starts: after the degrees and honours written after the
    name (`Jane Roe, M.D., Ph.D., director of ...`)."""
    doc = person.doc
    start = person.end + 1
    while text_at(doc, start).lower() in LEX.post_nominals and text_at(doc, start + 1) == ",":
        start += 2
    return start


def _comma_continues(doc: Doc, start: int, comma: int) -> bool:
    """A comma inside a title: a list of capitalised words (`Land, Water and Housing Rights`), or a
    list that closes with `and` before the next comma (`(counter) terrorism, law and rights at X`)."""
    if comma + 1 >= len(doc) or comma == start:
        return False
    before, after = doc[comma - 1], doc[comma + 1]
    entity = doc[comma + 1].ent_type_ == "ORG" and doc[comma + 1].ent_iob_ == "B"
    if before.is_title and after.is_title and not entity and not is_role_word(after):
        return True
    if after.lower_ in {"and", "&"} and before.is_title:  # "Law, Policy, and Research program"; not ", and Jane Roe"
        return comma + 2 < len(doc) and doc[comma + 2].is_title and doc[comma + 2].ent_type_ != "PERSON"
    segment = []
    for token in doc[comma + 1:min(len(doc), comma + settings.TITLE_LIST_ITEM_MAX_TOKENS)]:
        if token.text in {",", ".", ";", ":", "“", '"'} or "\n" in token.text_with_ws[len(token.text):]:
            break
        segment.append(token)
    words = {t.lower_ for t in segment}
    return bool(words & {"and", "&"}) and not words & LEX.speech_verbs and not any(
        t.ent_type_ == "PERSON" or (t.pos_ in {"VERB", "AUX", "PRON", "DET"} and t.lower_ != "the") for t in segment
    ) and not (segment and segment[0].lower_ in {"and", "&"}) and has_role_word(doc[start:comma].text)


def _trim_role(role: str) -> str:
    previous = None
    while previous != role:
        previous = role
        role = re.sub(r"^(?:the|a|an|its|their|our|his|her)\b\s*|\s+(?:the|a|an)$", "", role.strip(" ,;:-–.…"),
                      flags=re.IGNORECASE)
        role = re.sub(r"^(?:of|at|for|with|from|in|and)\s+|\s+(?:of|at|for|with|from|in|and)$", "", role,
                      flags=re.IGNORECASE)
        role = re.sub(r"^(?:the\s+)?[a-z]+[’']s\s+(?=\S)|^[’']s?\s+", "", role)  # "the group's senior counsel"
        # "CEO of HMG's" before "Northfield General Hospital": the owner of the body is not the title's
        role = re.sub(r"\s+(?:of|at|for)\s+(?:the\s+)?[\w.&-]+(?:\s+[\w.&-]+){0,3}[’']s$", "", role)
    return role.strip(" ,;:")


# A title that ends "of the" before a body's name goes on after it: `chairman of the Brovia Corp. board`.
_LINKED_END = re.compile(r"\b(?:of|at|for)(?: the)?\s*$", re.IGNORECASE)


def _split_role(span: Span, appositive: bool = False) -> Title:
    """Split `executive director of Amnesty International` into role and organisation; the organisation
    by the first of the `title` steps of ORGANIZATION_STEPS that finds one inside the phrase."""
    doc = span.doc
    text = span.text.strip(" ,;:—–-")
    text = text.strip("()") if text.count("(") != text.count(")") else text  # "(HHI)" keeps its own
    if not text:
        return Title()
    if any(finite_verb(t) and not in_parentheses(t) for t in span):
        return Title()  # "Jane Doe, has wrapped up a visit": a clause, not a title
    entities = [e for e in doc_index(doc).between("ORG", span.start, span.end) if e.end <= span.end]
    org, step = body_in_title(span, text, entities)
    role = text
    if org and org in text:
        before, _, after = text.partition(org)
        possessive = re.match(r"^\s*[’']s\s+", after)
        if possessive and has_role_word(before):
            role = text  # "Director of Harbour Trust USA's Security Program": the whole title
        elif possessive:
            role = after[possessive.end():]
        else:
            after = re.sub(r"^\s*\([^()]*\)?", "", after)  # "the Red Cross (ICRC)": the acronym adds nothing
            if _trim_role(after) and has_role_word(before) and (not has_role_word(after) or _LINKED_END.search(before)):
                role = text  # "chairman of the Brightwater Corp. board of trustees": the title runs through the name
            else:
                role = before if len(_trim_role(before)) >= len(_trim_role(after)) else after
    role = _trim_role(role)
    words = role.split()
    first_pos = span[0].pos_ if len(span) else ""
    plain_appositive = appositive and 0 < len(words) <= settings.PLAIN_APPOSITIVE_MAX_WORDS \
        and first_pos not in {"PRON", "VERB", "AUX", "ADP"} and (role[:1].islower() or words[0].lower() == "former")
    keep = (has_role_word(role) or plain_appositive) and len(role) <= settings.ROLE_MAX_CHARS
    return Title((role or None) if keep else None, org, None, step if org else None)


def _role_after(person: Span) -> Title:
    doc = person.doc
    end = role_end(person)
    if end is None:
        return Title()
    span = doc[title_start(person):end]
    title = _split_role(span, appositive=True)
    following = body_after_title(span) if text_at(doc, end) == "," else None
    portfolio = title.organization is None or not has_organization_word(title.organization)
    if following is not None and portfolio and has_role_word(span.text) and not any(t.text == "," for t in span):
        # "Jane Roe, President and CEO, Harbour Trust Canada says", "Jane Roe, Director of Programmes, Brovia
        # Inc., said": the body follows the title, and an `of` phrase inside it is the title's own portfolio.
        title = Title(_trim_role(span.text), following, None, "body_after_title")
    return replace(title, role_rule="appositive_after_name" if title.role else None)


def _role_before(person: Span) -> Title:
    """A role printed before the name: `Brightwater Executive Director Jane Roe`, `CEO, Jane Doe`."""
    doc = person.doc
    stop = person.start
    while stop > 0 and doc[stop - 1].lower_.rstrip(".") in LEX.honorifics and not is_role_word(doc[stop - 1]):
        stop -= 1  # "lead author Dr Jane Roe": the honorific is neither name nor title ("Professor" is a title)
    if text_at(doc, stop - 1) == ",":
        stop -= 1  # "Harbour Trust USA's Campaign Manager for Safer Coastal Towns, Jane Roe"
    start = stop
    while start > 0 and stop - start < settings.ROLE_BEFORE_NAME_MAX_TOKENS:
        token = doc[start - 1]
        if "\n" in token.text_with_ws:
            break  # the line above (a title, a heading) is not part of the name's title
        if token.text == ")" and start >= 3 and doc[start - 3].text == "(" and doc[start - 2].is_upper:
            start -= 3  # "the President of the Coastal Fisheries Association (CFA), Jane Roe"
            continue
        if token.lower_ in LEX.role_link_words or token.pos_ in {"PROPN", "NOUN", "ADJ"} or token.ent_type_ == "ORG" \
                or (token.text[:1].isupper() and not token.is_sent_start):
            inside_name = token.pos_ == "DET" and (token.ent_type_ == "ORG" or (
                start >= 2 and doc[start - 2].lower_ in {"of", "for"}))  # "director of the Red Cross"
            title_word = token.lower_ in LEX.role_modifiers  # "Managing Director", "Acting Chair": tagged a verb
            if (token.pos_ in {"VERB", "AUX", "PRON", "DET"} and not (inside_name or title_word)) \
                    or token.lower_ in LEX.speech_verbs:
                break
            start -= 1
            continue
        break
    while start < stop and doc[start].lower_ in LEX.role_link_words:
        start += 1
    if start == stop:
        return Title()
    span = doc[start:stop]
    if stop < person.start and not has_role_word(span.text):
        return Title()
    title = _split_role(span)
    portfolio = title.organization is not None and not has_organization_word(title.organization)
    if title.role and portfolio and (body := body_after_name(person)):
        # "Head of Policy for Coastal Affairs Jane Roe of the Greywater Alliance": the body after the name,
        # the title's `for` phrase its portfolio.
        title = Title(_trim_role(span.text), body, None, "of_at_for_after_role")
    return replace(title, role_rule="role_before_name" if title.role else None)


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
    at = person.end + 2
    if text_at(doc, person.end) != "," or text_at(doc, person.end + 1).lower() not in LEX.relative_pronouns:
        return Title()
    if text_at(doc, at).lower() in LEX.copulas:
        title = _split_role(doc[at + 1:_clause_end(doc, at + 1)], appositive=True)
        return replace(title, role_rule="relative_clause") if title.role else Title()
    if text_at(doc, at).lower() not in LEX.leading_verbs:
        return Title()
    end = _clause_end(doc, at + 1)
    link = next((t.i for t in doc[at + 1:end] if t.lower_ == "as"), None)
    if link is None or link == at + 1:
        return Title()
    role = _split_role(doc[link + 1:end], appositive=True)
    body = body_named_by(doc[at + 1:link])
    if role.role is None:
        return Title()
    return Title(role.role, body, "relative_clause", "relative_clause" if body else None)


def _role_in_parentheses(person: Span) -> Title:
    """`Jane Roe (Harbour Trust) said`, `Jane Roe (Chief Executive, Brovia Inc.) said`."""
    doc = person.doc
    if text_at(doc, person.end) != "(":
        return Title()
    close = next((n for n in range(person.end + 1, min(len(doc), person.end + settings.ROLE_MAX_TOKENS))
                  if doc[n].text == ")"), None)
    if close is None or close == person.end + 1:
        return Title()
    inside = doc[person.end + 1:close]
    if has_role_word(inside.text):
        title = _split_role(inside, appositive=True)
        return replace(title, role_rule="parenthesised" if title.role else None)
    body = body_named_by(inside)
    return Title(None, body, None, "parenthesised") if body else Title()


def _role_as_predicate(person: Span) -> Title:
    """`Jane Roe is executive director of the Harbour Trust.`: a sentence that gives the title."""
    root = person.root
    head = root.head
    if root.dep_ != "nsubj" or head.lower_ not in LEX.copulas:
        return Title()
    attribute = next((c for c in head.children if c.dep_ == "attr" and c.i > root.i), None)
    if attribute is None:
        return Title()
    # The title is the attribute and what hangs on it, not a second attribute joined by `and`.
    end = max([attribute.i, *(c.right_edge.i for c in attribute.rights if c.dep_ not in {"cc", "conj", "punct"})])
    title = _split_role(person.doc[attribute.left_edge.i:end + 1], appositive=True)
    return replace(title, role_rule="predicate") if title.role else Title()


# Where a title printed after a name is read, in order: the first reading that finds a role wins.
TITLE_AFTER_NAME: tuple[Callable[[Span], Title], ...] = (
    _role_after, _role_in_relative_clause, _role_in_parentheses, _role_as_predicate)


def title_of(mention: Span) -> Title:
    """Role and organisation printed with a mention: after the name, else before it (once per mention)."""
    memo = doc_index(mention.doc).memo.setdefault("titles", {})
    key = (mention.start, mention.end)
    title = memo.get(key)
    if title is None:
        title = next((t for read in TITLE_AFTER_NAME if (t := read(mention)).role or t.organization), Title())
        if title.role is None:  # "Professor Jane Roe, from the University of X, said": the title before
            before = _role_before(mention)
            title = before if title.organization is None else replace(
                title, role=before.role, role_rule=before.role_rule) if before.role else title
        if title.role and title.organization is None and (body := body_after_name(mention)) is not None:
            title = replace(title, organization=body, organization_rule="of_at_for_after_role")
        memo[key] = title
    return title


def described(mention: Span) -> tuple[int, int]:
    """How fully a mention of a person is described: role and organisation found, then role length."""
    title = title_of(mention)
    return (title.role is not None) + (title.organization is not None), len(title.role or "")


def signature_role(span: Span, signed: bool = False) -> Title:
    """What a signed name's own line or the lines under it say: `Jane Roe, Executive Director`, or a role
    line then an organisation line; `Campaigns Director, Clean Air Alliance` is split at its last comma."""
    text = doc_text(span.doc)
    after = text[span.end_char:span.end_char + settings.SIGNATURE_LOOKAHEAD_CHARS].split("\n")
    same_line = after[0].strip(" ,|–—-")
    if same_line:  # "Jane Roe, Executive Director" on a signature's own line
        return _role_and_body(same_line, after[1].strip() if len(after) > 1 else "") if signed else Title()
    if len(after) < 2:
        return Title()
    org = after[2].strip() if len(after) > 2 and 0 < len(after[2].strip()) < settings.SIGNATURE_ORG_LINE_MAX_CHARS \
        and after[2].strip()[:1].isupper() else None
    if org:
        begin = span.end_char + len(after[0]) + len(after[1]) + 2
        line = span.doc.char_span(begin, begin + len(after[2]), alignment_mode="expand")
        if line is None or any(t.ent_type_ in {"GPE", "LOC", "DATE"} for t in line):
            org = None  # "Washington, DC" or a date under a signature: where and when, not who
    return _role_and_body(after[1].strip(), org or "")


def _role_and_body(role: str, next_line: str) -> Title:
    if not role or len(role) > settings.SIGNATURE_ROLE_MAX_CHARS or not has_role_word(role):
        return Title()
    parts = [p.strip() for p in re.split(r"\s*[,|]\s*", role)]
    org = next_line if next_line and len(next_line) < settings.SIGNATURE_ORG_LINE_MAX_CHARS \
        and not has_role_word(next_line) else None
    if org is None and len(parts) > 1 and not has_role_word(parts[-1]) and parts[-1][:1].isupper() \
            and not is_place(parts[-1]):
        role, org = role[:role.rindex(parts[-1])].strip(" ,|"), parts[-1]
    return Title(role, org, "signature_line", "signature_line" if org else None)
