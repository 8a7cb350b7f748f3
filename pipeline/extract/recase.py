"""Headline-cased lines written again in sentence case, so that the model reads them as it reads prose.

The small model tags the words of a Title Case or ALL CAPS headline as names: in `Keating Secures $500K
Grant` the verb is a proper noun, and `Two` inside a run of capitals is no number at all. A line written
mostly in capitals is given to the model again with those capitals lowered (acronyms and words such as
`FoodTech` stay as written in a Title Case line). The copy has the length of the line, so every offset
read on it is an offset of the line as written.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from itertools import takewhile

from spacy.lexeme import Lexeme
from spacy.tokens import Doc, Token

from .. import settings
from .doctext import doc_text, word_positions
from .rules import load_rules

LEX = load_rules()
# What a headline's parse may have read wrong about a number (see _in_doubt): not a date, a time or an ordinal,
# which it is whatever the case, nor money (its sign and scale say what it is, and the parse of a Title Case
# headline finds what it pays for as well as a second one); a count or a measure when a capitalised word the
# parse took for a name stands before it (`Preserve 1,642 Units`, `Brief 12`); a percentage always (what it
# measures: `Reduced the Risk of Relapse by 30%`).
_SETTLED = frozenset({"DATE", "TIME", "ORDINAL", "MONEY"})
_COUNTED = frozenset({"CARDINAL", "QUANTITY"})
_LONG_WORD = re.compile(rf"[^\W\d_]{{{settings.RECASE_WORD_MIN_CHARS},}}")
_WORD = re.compile(r"(?<!\d)[^\W\d_]+")  # not a scale or unit glued to digits: `$500K`, `200MG`
_LINE_START = re.compile(r"^", re.MULTILINE)
_REST_OF_LINE = re.compile(r"[^\n]*")


def _capitalised_share(words: list[str]) -> float:
    return sum(w[0].isupper() for w in words) / max(1, len(words))


def _upper_share(words: list[str]) -> float:
    return sum(w.isupper() for w in words) / max(1, len(words))


def is_headline_cased(line: str) -> bool:
    """A short line whose long words are nearly all capitalised: a Title Case or ALL CAPS headline."""
    words = _LONG_WORD.findall(line)
    return len(line) <= settings.RECASE_MAX_CHARS and len(words) >= settings.RECASE_MIN_WORDS \
        and _capitalised_share(words) >= settings.RECASE_CASE_MIN_SHARE


def _lowered(word: str, all_caps: bool) -> str:
    """The word in lower case where a headline's capitals made it so: a Title Case word, or any word of an
    ALL CAPS line. A word whose lower case has another length (`İ`) stays as written."""
    lower = word.lower()
    return lower if len(lower) == len(word) and (all_caps or word[1:] == lower[1:]) else word


def sentence_cased(line: str) -> str:
    """The line with a headline's capitals lowered, but for its first letter, in the same length."""
    all_caps = _upper_share(_LONG_WORD.findall(line)) >= settings.RECASE_CASE_MIN_SHARE
    lowered = _WORD.sub(lambda m: _lowered(m.group(), all_caps), line)
    first = _WORD.search(line)
    start = first.start() if first else 0
    return lowered[:start] + line[start:start + 1] + lowered[start + 1:]


def _numeric_word(word: Lexeme) -> bool:
    """What _in_doubt reads of the word alone: like a number, or holding a digit."""
    return word.like_num or "d" in word.shape_


def _in_doubt(token: Token) -> bool:
    """A number whose reading a headline's capitals may have misled: one the recogniser read as no number (`Two`
    taken into a name), a percentage, or a count after a capitalised word taken for a name that is no label
    (`Part 12` is a label's, whatever the parse); and a word follows it on its line (`61% Reduction`), which the
    parse reads as what it counts. A number that closes its line (`Brief 12`, `(No. 65)`) reads alike either way."""
    if not (token.like_num or "d" in token.shape_) or token.ent_type_ in _SETTLED:
        return False  # the cheap tests first: this runs on every token of every release
    doc = token.doc
    before = doc[max(0, token.i - 1)]
    followed = any(t.is_alpha for t in takewhile(lambda t: not t.is_space, doc[token.i + 1:token.i + 3]))
    return followed and (
        token.ent_type_ not in _COUNTED or (before.pos_ == "PROPN" and before.lower_ not in LEX.label_words))


def headline_lines(doc: Doc) -> Iterator[tuple[int, str]]:
    """Each headline-cased line of the document that holds a number in doubt, as (its offset, its sentence-cased
    copy). The other lines are not parsed again: a second parse of every headline would cost as much again as
    the headlines."""
    text = doc_text(doc)
    starts = [m.start() for m in _LINE_START.finditer(text)]
    numbered = sorted({starts[bisect_right(starts, doc[i].idx) - 1] for i in word_positions(doc, _numeric_word)
                       if _in_doubt(doc[i])})
    for start in numbered:
        line = _REST_OF_LINE.match(text, start).group()  # type: ignore[union-attr]  # `*` always matches
        if is_headline_cased(line):
            yield start, sentence_cased(line)
