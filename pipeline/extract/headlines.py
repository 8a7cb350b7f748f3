"""Speakers a headline names by surname alone: `Roe Statement on the Levy`, `Roe: The Levy Must Go`, `Roe Says
...`, `Roe, Doe to the Board: ...`, `End the Levy, Roe Demands`.

A lone capitalised word heading a headline may be a person, a body, a place or a label, and the recogniser
cannot tell in title case. The page tells: a name the page prints after a person's title (`Senator Roe`,
`Congresswoman Ana Roe`, in any line or in its publisher's name), or one that heads three or more of the
page's headlines in a speaker's frame, is a person's (`page_people`, computed once per page in the split
stage). A headline frame holding such a name gives that name and the names coordinated with it
(`Doe, Roe: ...`) as speakers. A name the publisher's own name holds without a title is the publisher
(`Acme: Results for the Quarter`), never a person.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import replace

from spacy.tokens import Doc

from .. import settings
from ..records import Release
from .doctext import DocIndex, doc_text
from .names import Found
from .rules import load_rules
from .words import is_place

if not Doc.has_extension("page_people"):
    Doc.set_extension("page_people", default=())  # set from Release.page_people before the parse

LEX = load_rules()
RULE = "headline_frame"

# A surname as a headline prints it: Roe, McAdam, O'Neill, DeSouza, Amadi-Roe.
_NAME = r"[A-Z][a-z]*(?:['’][A-Z])?[A-Z]?[a-z]+(?:-[A-Z][a-z]+)?"
_NAMES = rf"(?P<names>{_NAME}(?:(?:\s*,\s*|\s+(?:and|&)\s+){_NAME})*)"
_NAME_RE = re.compile(_NAME)


def _words(values: frozenset[str]) -> str:
    return "|".join(sorted((re.escape(v) for v in values), key=len, reverse=True))


_WORKS = _words(LEX.works_of_speech | {"response", "reaction"})
_VERBS = _words(LEX.headline_speech_verbs)
_TITLES = _words(LEX.person_titles)
# The name or names open the headline, after a label at most (`Update: `), and a speaker's frame follows them.
_LEADING = re.compile(
    rf"^(?:[^:\n]{{1,{settings.HEADLINE_LABEL_MAX_CHARS}}}:\s+)?{_NAMES}"
    rf"(?:\s*:\s|['’]s?\s+(?i:{_WORKS})\b|\s+(?i:{_WORKS})\b|\s+(?i:{_VERBS})\b|\s+(?:to|at)\s+[^:\n]{{1,60}}:\s)")
# The names close the headline with their verb: "End the Levy, Roe Demands".
_TRAILING = re.compile(rf",\s+{_NAMES}\s+(?i:{_VERBS})[.!]?\s*$")
# "Statement from Senator Roe", "Remarks by Mayor Roe": the title before the name vouches for it.
_WORK_BY = re.compile(rf"^(?i:{_WORKS})\s+(?i:from|by|of)\s+(?:the\s+)?(?P<title>(?i:{_TITLES})\.?)\s+{_NAMES}\b"
                      r"(?!\s+[A-Z])")  # a given name and a surname are the recogniser's: the surname alone is ours
# A person's title and up to three more capitalised words: "Senator Roe", "Congresswoman Ana M. Roe".
_TITLED = re.compile(rf"\b(?i:{_TITLES})\.?\s+((?:[A-Z][\w.'’\"“”-]*\s+){{0,3}}[A-Z][\w'’-]*)")


def frames(title: str) -> Iterator[tuple[list[tuple[int, int, str]], bool]]:
    """The names of each speaker's frame in a headline, as (start, end, name), and whether the frame is a lone
    word before a colon (`Roe: ...`, but also `Spotlight: ...`), which alone shows no person."""
    for pattern in (_LEADING, _TRAILING, _WORK_BY):
        match = pattern.search(title)
        if match is not None:
            offset = match.start("names")
            names = [(offset + m.start(), offset + m.end(), m.group()) for m in _NAME_RE.finditer(match.group("names"))]
            if "title" in pattern.groupindex:  # "Congressman Roe": the title is read with the name, as the role
                names[0] = (match.start("title"), *names[0][1:])
            yield names, len(names) == 1 and title[match.end("names"):].lstrip().startswith(":")


def _may_be_name(word: str) -> bool:
    """Not a title's, a body's, a month's, a label's or a place's word."""
    lower = word.lower()
    return lower not in LEX.non_name_words and lower not in LEX.headline_labels and \
        lower not in LEX.works_of_speech and lower not in LEX.headline_speech_verbs and not is_place(word)


def page_people(titles: Sequence[str], texts: Sequence[str], publisher: str | None) -> frozenset[str]:
    """The surnames a page shows are people's: printed after a person's title, or heading enough headlines."""
    titled = {word for text in (*titles, *texts, publisher or "") for run in _TITLED.findall(text)
              for word in _NAME_RE.findall(run)}
    heading = Counter(name for title in titles for names, label in frames(title) if not label
                      for _s, _e, name in names)
    published = set(_NAME_RE.findall(publisher or "")) - titled  # "Acme Inc.": the publisher, not a person
    found = titled | {name for name, count in heading.items() if count >= settings.HEADLINE_NAME_MIN_TITLES}
    return frozenset(name for name in found - published if _may_be_name(name))


def with_page_people(releases: list[Release]) -> list[Release]:
    """Each release of one page, carrying the names its page shows are people's."""
    if not releases:
        return releases
    people = page_people([r.title for r in releases if r.title], [r.summary for r in releases],
                         releases[0].organization)
    return [replace(r, page_people=tuple(sorted(people))) for r in releases] if people else releases


def headline_speakers(index: DocIndex, people: Sequence[str]) -> list[Found]:
    """The speakers the headline (the text's first line) names in a frame with a name its page vouches for."""
    if not people:
        return []
    text = doc_text(index.doc)
    title = text[:text.find("\n")] if "\n" in text else text
    found: list[Found] = []
    for names, _label in frames(title):
        if not any(name in people for _s, _e, name in names):
            continue
        for start, end, name in names:
            span = index.doc.char_span(start, end, alignment_mode="contract")
            if span is not None and len(span) and (name in people or _may_be_name(name)):
                found.append(Found(span, None, RULE))
    return found
