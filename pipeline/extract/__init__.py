"""Extract stage: one batched spaCy pass sets spokespeople, countries and figures on each release."""
from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any

import spacy
from spacy.language import Language
from spacy.lexeme import Lexeme
from spacy.tokens import Doc

from .. import settings
from ..errors import ConfigError
from ..records import Release
from . import countries, figures, names, spokespeople  # noqa: F401  (registers the component factories)
from .doctext import forget, word_positions, written_as

LOGGER = logging.getLogger(__name__)

COMPONENTS = ("person_names", "release_countries", "release_figures", "release_spokespeople", "release_forget_index")


@Language.component("line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: a title or a list item never runs into the next line."""
    # (spaCy keeps a line break in a whitespace token of its own: the words alone say where the breaks are)
    for i in word_positions(doc, _holds_line_break):
        if i + 1 < len(doc) and not doc[i + 1].is_space:
            doc[i + 1].is_sent_start = True
    for i in word_positions(doc, _is_space):
        if i > 0:
            doc[i].is_sent_start = False
    return doc


def _holds_line_break(word: Lexeme) -> bool:
    return "\n" in word.text


def _is_space(word: Lexeme) -> bool:
    return word.is_space


@Language.component("release_forget_index")
def release_forget_index(doc: Doc) -> Doc:
    """Last: drop the text and index the extractors shared, so a finished Doc serialises as spaCy's own."""
    return forget(doc)


def build_nlp(model: str = settings.DEFAULT_MODEL) -> Language:
    """Load the spaCy model once, without unused components, with the release extractors added."""
    try:
        nlp = spacy.load(model, exclude=list(settings.EXCLUDED_COMPONENTS))
    except OSError as exc:
        raise ConfigError(f"cannot load spaCy model {model!r}: install it with pip first ({exc})") from exc
    _split_glued_quotes(nlp)
    _split_trailing_dashes(nlp)
    nlp.add_pipe("line_breaks", before="parser" if "parser" in nlp.pipe_names else None)
    for name in COMPONENTS:
        nlp.add_pipe(name, last=True)
    return nlp


# `said:“Water and ...`: a colon glued to an opening quote is three tokens, not one word, so the
# verb of saying and the quotation are seen.
_GLUED_QUOTE = r"(?<=[^\s:]):(?=[“\"])|(?<=:)[“\"](?=\S)"


def _split_glued_quotes(nlp: Language) -> None:
    tokenizer: Any = nlp.tokenizer  # spaCy's compiled Tokenizer: no type information to check against
    pattern = getattr(getattr(tokenizer.infix_finditer, "__self__", None), "pattern", None)
    if pattern is None:  # a custom tokenizer without a regex: leave it as it is
        return
    tokenizer.infix_finditer = re.compile(f"{pattern}|{_GLUED_QUOTE}").finditer


# `The Water Trust- Opening Plenary`: a dash glued to a word's end, then a space, is a separator of
# its own, so the name before it is seen whole (by the recogniser, the gazetteer and the title rules).
_TRAILING_DASH = r"(?<=[^\W\d_])[-–—]$"


def _split_trailing_dashes(nlp: Language) -> None:
    tokenizer: Any = nlp.tokenizer
    pattern = getattr(getattr(tokenizer.suffix_search, "__self__", None), "pattern", None)
    if pattern is None:
        return
    tokenizer.suffix_search = re.compile(f"{pattern}|{_TRAILING_DASH}").search


def extract(releases: Iterable[Release], nlp: Language) -> Iterator[Release]:
    """Yield each release with spokespeople, countries and figures filled in, streaming in chunks."""
    chunk: list[Release] = []
    for release in releases:
        chunk.append(release)
        if len(chunk) >= settings.NLP_CHUNK_SIZE:
            yield from _extract_chunk(chunk, nlp)
            chunk = []
    if chunk:
        yield from _extract_chunk(chunk, nlp)


def _extract_chunk(chunk: list[Release], nlp: Language) -> list[Release]:
    try:
        return _extract_batch(chunk, nlp)
    except Exception:  # find the one release that breaks an extractor; keep every other result
        LOGGER.exception("extraction failed on a batch; retrying one release at a time")
    out = []
    for release in chunk:
        try:
            out.extend(_extract_batch([release], nlp))
        except Exception as exc:
            LOGGER.exception("extraction failed on a release from %s", release.sources)
            out.append(replace(release, warnings=release.warnings + (f"extraction failed: {type(exc).__name__}",)))
    return out


def _extract_batch(chunk: list[Release], nlp: Language) -> list[Release]:
    out = []
    # The memory zone frees the strings each chunk adds, so memory stays flat on any corpus size.
    with nlp.memory_zone():
        pairs = ((_prepared(nlp, release), release) for release in chunk)
        for doc, release in nlp.pipe(pairs, as_tuples=True, batch_size=settings.NLP_BATCH_SIZE):
            LOGGER.debug("%r (%s): %d spokespeople, %d country mentions, %d figures", release.title,
                         release.sources[0] if release.sources else "?", len(doc._.spokespeople),
                         len(doc._.country_mentions), len(doc._.figures))
            out.append(replace(
                release,
                spokespeople=doc._.spokespeople,
                country_mentions=doc._.country_mentions,
                figures=doc._.figures,
                organization=release.organization or _speakers_organization(doc._.spokespeople),
            ))
    return out


def _prepared(nlp: Language, release: Release) -> Doc:
    """The release's text, tokenised, carrying its publisher for the organisation chain's last step."""
    text = release.text[: settings.MAX_NLP_CHARS]
    doc = written_as(nlp.make_doc(text), text)
    doc._.publisher = release.organization
    doc._.page_people = release.page_people
    return doc


def _speakers_organization(people: tuple) -> str | None:
    """When the page does not name its publisher, the organisation its spokespeople speak for."""
    orgs = [p.organization for p in people if p.organization]
    # The most cited, and between equals the first named: never the order of a set, which changes from run
    # to run with Python's string hashing.
    return max(dict.fromkeys(orgs), key=orgs.count) if orgs else None
