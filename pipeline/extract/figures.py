"""Figures: numbers that count or measure something, with unit, currency and what they count."""
from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from itertools import pairwise

from spacy.language import Language
from spacy.lexeme import Lexeme
from spacy.matcher import Matcher
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span, Token
from spacy.util import minibatch
from spacy.vocab import Vocab
from text_to_num import text2num

from .. import settings
from ..records import Figure
from .doctext import doc_index, doc_text, word_positions, written_as
from .figure_objects import measured, object_of
from .recase import headline_lines
from .rules import load_rules

LOGGER = logging.getLogger(__name__)

LEX = load_rules()
_UNIT_FORM = re.compile(rf"({'|'.join(map(re.escape, sorted(LEX.units, key=len, reverse=True)))})(?![a-z])")
_UNIT_SLASH = re.compile(r"\s*/\s*")
# A number glued by a hyphen to a word before it (`COVID-19`, `F-35`), or to a number or a word after it
# (`1-800-AMNESTY`, `two-State`), is part of a name, but for a noun in lower case, which it counts (`a 28-bed unit`).
_HYPHEN_BEFORE = re.compile(r"[^\W\d_][-‐]\w")
_HYPHEN_AFTER = re.compile(r"[-‐]\w")
_PERCENT = re.compile(r"%|percent|per cent")
_SLASHED = re.compile(r"\s?/\s?\d|/[A-Z]")  # "9/11", "Study 309/KEYNOTE-775"
_SLASHED_BEFORE = re.compile(r"\d\s?/\s?$")
_SLASHED_INSIDE = re.compile(r"\d\s?/\s?\d")
# LEX.file_sizes leaves out "TB": "3,000 TB patients" have tuberculosis.
_DOWNLOAD_WORDS = re.compile(r"download|\bpdf\b|\bfile\b|\bvideo\b|\baudio\b|\bmp[34]\b|\bzip\b|\bsize\b",
                             re.IGNORECASE)
_REST_OF_LINE = re.compile(r"[^\n]*")
_PHONE_RUN = re.compile(r"\+?\(?\d{1,4}\)?(?:[\s.-]\(?\d{2,4}\)?){2,}")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")
_RATIO = re.compile(r"^(\d+(?:\.\d+)?)\s*(?:x|times|-fold|fold)$", re.IGNORECASE)
# A score ("5-4"), a phone number ("555-123-4567", "1-800-")
_SCORE_OR_PHONE = re.compile(r"^\d+\s*[-–]\s*\d+$|\d{3}[-. )]\d{3}[-.]\d{4}|\d-\d{3}-")
_FOUR_DIGITS = re.compile(r"\d{4}")
_DIGIT_RUN = re.compile(rf"\d{{{settings.IDENTIFIER_MIN_DIGITS},}}")
_PREFIX_MIN, _PREFIX_MAX = settings.IDENTIFIER_PREFIX_CHARS
_DIGIT_GROUP = re.compile(r"\d{3}")
_SCALES = "|".join(map(re.escape, sorted(LEX.scales, key=len, reverse=True)))
_UNITS = "|".join(map(re.escape, sorted(LEX.units, key=len, reverse=True)))
# Letters glued after digits make a name, unless an ordinal's, a scale's, a unit's or a ratio's: "7xb", "5G";
# not "4K", "5mg".
_GLUED_LETTERS = re.compile(rf"^\d+(?!(?:st|nd|rd|th|x|{_SCALES}|{_UNITS})$)[A-Za-z]+$", re.IGNORECASE)
_SPACED_THOUSANDS = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")
# A number's first part, read to find what is written after it: its digits ("300" of "300μg"), or a word.
_NUMBER_PART = re.compile(r"\d[\d,.]*|[^\W\d]+|\S")
_UNIT_REACH = max(map(len, LEX.units)) + 2
_SIGNS = "|".join(map(re.escape, sorted(LEX.currency_signs, key=len, reverse=True)))
_SIGN = re.compile(_SIGNS)
_NUMBER_TOKEN = "NUMBER_TOKEN"  # the label of a number the recogniser left out
# A token that is a number the recogniser may leave out: a ratio (`5x`), digits glued to a currency, a scale or a
# unit (`AUD$1.25`, `184k`, `300μg`), a fraction, an ordinal.
_NUMBER_TOKEN_FORM = re.compile(rf"\d+(?:\.\d+)?(?:x|times|-fold|fold)|\d+/\d+|\d+(?:st|nd|rd|th)"
                                rf"|(?:{_SIGNS})?\d[\d,.]*(?:(?:{_SCALES}|{_UNITS})\.?)?", re.IGNORECASE)
# Of those, the ones with a sign, a scale or a unit: an amount, even inside a name-like entity.
_GLUED_AMOUNT = re.compile(rf"(?:{_SIGNS})\d[\d,.]*(?:{_SCALES}|{_UNITS})?|\d[\d,.]*(?:{_SCALES}|{_UNITS})\.?",
                           re.IGNORECASE)
_MEASURE_UNITS = frozenset(LEX.units.values())
# Scale words that may stand one space after the number ("$2.7 Mil", "£9 bn"), and those that must be glued.
_SCALES_AFTER = {False: frozenset(LEX.scales), True: frozenset(LEX.scales) - LEX.glued_scales}
_REFUSED_FORMS = tuple((reason, re.compile(form, re.IGNORECASE)) for reason, form in LEX.refused_forms.items())


def _parse_number(words: list[str]) -> float | None:
    """The value of a run of number tokens: digits with separators, scale words, number words."""
    text = _SPACED_THOUSANDS.sub("", " ".join(words).replace(",", ""))
    digits = _NUMBER.findall(text)
    scale = 1.0
    for word in words:  # "million", and a scale glued to the digits: "500k", "1.5bn"
        scale *= LEX.scales.get(word.lower().strip(".").lstrip("0123456789.,"), 1.0)
    if digits:
        try:
            return float(digits[0]) * scale
        except ValueError:
            return None
    spoken = " ".join(w for w in words
                      if w.lower() not in LEX.scales or w.lower() in {"thousand", "million", "billion"})
    try:
        return float(text2num(spoken.lower().replace("-", " "), "en"))
    except ValueError:
        return None


def _is_identifier(span: Span) -> bool:
    """Numbers inside names: `COVID-19`, `1-800-HELPDESK`, `FoodTech 500`, `7xb` (labels and codes before a
    number are CONTEXT_PATTERNS)."""
    first, doc, text = span[0], span.doc, doc_text(span.doc)
    glued = doc[min(span.end + 1, len(doc) - 1)]  # the word a hyphen glues after the number, if one does
    glued_after = bool(_HYPHEN_AFTER.match(text, span.end_char)) and (
        glued.like_num or (glued.is_alpha and (glued.pos_, glued.is_lower) != ("NOUN", True)))
    if glued_after or _HYPHEN_BEFORE.fullmatch(text[max(0, span.start_char - 2):span.start_char + 1]) \
            or _after_a_name(span):
        return True
    if re.search(r"[A-Za-z]-?\d|\d[-_][A-Za-z]", first.text) or _GLUED_LETTERS.match(first.text):
        return not _RATIO.match(first.text)  # "COVID-19", "H-1B", "7xb", "5G", "2020_report"; "5x" is a ratio
    return False


def _after_a_name(span: Span) -> bool:
    """`FoodTech 500`, `WHITE 500`, `Localizer 1.0`: digits after a noun or a name that the text writes with a
    capital (whatever case the parse read it in) are the name's, unless a plural noun they count or a unit
    follows (`500 Workers`, `Tablets 200mg`)."""
    doc = span.doc
    before, nxt = doc[max(0, span.start - 1)], doc[min(span.end, len(doc) - 1)]  # at an edge: the number itself
    return span.text[0].isdigit() and before.is_alpha and doc_text(doc)[before.idx].isupper() \
        and before.pos_ in {"PROPN", "NOUN", "ADJ"} and before.ent_type_ not in LEX.numeric_labels \
        and nxt.tag_ not in {"NNS", "NNPS"} and _unit_after(span) is None


def _unit_and_currency(span: Span, label: str) -> tuple[str, str | None]:
    doc, lowered = span.doc, span.text.lower()
    if label == "PERCENT" or _PERCENT.search(lowered) or _PERCENT.match(doc[span.end:span.end + 2].text.lower()):
        return "percent", None
    sign = _SIGN.search(lowered)
    if sign:
        return "money", LEX.currency_signs[sign.group()]
    code = next((LEX.currency_words[t.lower_] for t in doc[span.start:span.end + 1] if t.lower_ in LEX.currency_words),
                None)
    if code or label == "MONEY":
        return "money", code
    return _unit_after(span) or "count", None


def _unit_after(span: Span) -> str | None:
    """The measurement unit written right after the number, the longest form first: `160 mg/dL`, `3 sq km`."""
    doc = span.doc
    last = span.doc[max((t.i for t in span if t.like_num), default=span.start)]
    after = last.idx + len(_NUMBER_PART.match(last.text).group())  # type: ignore[union-attr]  # \S: never empty
    following = _UNIT_SLASH.sub("/", doc_text(doc)[after:after + _UNIT_REACH].lower()).lstrip()
    found = _UNIT_FORM.match(following)
    return LEX.units[found.group(1)] if found else None


def _qualified_text(span: Span) -> tuple[str, int]:
    doc = span.doc
    start = span.start
    while start > 0 and span.start - start <= settings.QUALIFIER_MAX_WORDS and doc[start - 1].lower_ in LEX.qualifiers:
        if doc[start - 1].lower_ == "to" and not (start > 1 and doc[start - 2].lower_ == "up"):
            break  # "rose to 91" is no qualifier; "up to 91" is
        start -= 1
    return doc_text(doc)[doc[start].idx:span.end_char], doc[start].idx


def _whole_number(span: Span) -> Span:
    """`200 000 alumni`: groups of three digits after a number, one space apart, are its thousands; `$13K`:
    a scale letter glued to it is its scale; `€250,000`: a currency sign glued before it that the
    recogniser left out is its currency."""
    doc, start, end = span.doc, span.start, span.end
    while end < len(doc) and doc[end - 1].text[-1:].isdigit() and (
            (doc[end - 1].whitespace_ == " " and _DIGIT_GROUP.fullmatch(doc[end].text))
            or doc[end].lower_ in _SCALES_AFTER[bool(doc[end - 1].whitespace_)]):
        end += 1
    # "€250,000" with the sign glued before it; "KRW 730 trillion" with a currency's code before it
    if start > 0 and ((doc[start - 1].lower_ in LEX.currency_signs and not doc[start - 1].whitespace_)
                      or (doc[start - 1].is_upper and doc[start - 1].lower_ in LEX.currency_words)):
        start -= 1
    return span if (start, end) == (span.start, span.end) else Span(doc, start, end, label=span.label_)


def find_figures(doc: Doc, matcher: Matcher | None = None, reread: Sequence[tuple[int, Doc]] = ()) -> list[Figure]:
    """Every figure in a parsed text; years, dates, durations, ordinals and identifiers excluded. `reread`
    holds lines of the text parsed again in sentence case, each after its offset: a line's figures are read
    on its own parse."""
    matcher = build_matcher(doc.vocab) if matcher is None else matcher
    lines = [range(offset, offset + len(line.text)) for offset, line in reread]
    found = [f for f in _figures_of(doc, matcher) if not any(f.start in line for line in lines)]
    found += [replace(f, start=f.start + offset, end=f.end + offset)
              for offset, line in reread for f in _figures_of(line, matcher)]
    figures: dict[tuple[float, str], Figure] = {}
    for figure in sorted(found, key=lambda f: f.start):
        figures.setdefault((round(figure.value, settings.FIGURE_VALUE_DECIMALS), figure.unit), figure)
    return list(figures.values())


def _figures_of(doc: Doc, matcher: Matcher) -> list[Figure]:
    """The figures of one parse, one per value and unit."""
    figures: dict[tuple[float, str], Figure] = {}
    ents = doc_index(doc).ents
    spans = [_whole_number(ent) for ent in ents if ent.label_ in LEX.numeric_labels]
    # Numbers inside other entities are names' ("Studio 54"), but for amounts the recogniser took for a name
    covered = {t.i for span in spans for t in span} | {t.i for ent in ents for t in ent if not _is_amount(t)}
    spans += [_whole_number(Span(doc, i, i + 1, label=_NUMBER_TOKEN))  # "5x", numbers the recogniser left out
              for i in word_positions(doc, _number_token_word) if i not in covered]
    for span in spans:
        for figure in _figure(span, matcher):
            # "40 to 55 percent", "$5-10 million": a range's upper bound is a figure too, in the range's currency
            bounds = [replace(upper, currency=upper.currency or figure.currency)
                      for part in _range_upper(span) for upper in _figure(part, matcher)]
            for found in (figure, *bounds):
                figures.setdefault((round(found.value, settings.FIGURE_VALUE_DECIMALS), found.unit), found)
    return sorted(figures.values(), key=lambda f: f.start)


def _number_token_word(word: Lexeme) -> bool:
    return bool(_NUMBER_TOKEN_FORM.fullmatch(word.text))


def _is_amount(token: Token) -> bool:
    """`$184k`, `AUD$1.25`, `300μg`: digits after a currency sign, or glued to a scale or a unit."""
    return bool(_GLUED_AMOUNT.fullmatch(token.text)) or (token.i > 0 and token.doc[token.i - 1].is_currency)


def _range_upper(span: Span) -> list[Span]:
    """The upper bound of a range written as one entity: the second number and the words after it."""
    numbers = [t for t in span if t.like_num and t.text[:1].isdigit()]
    return [Span(span.doc, second.i, span.end, label=span.label_) for first, second in pairwise(numbers[:2])
            if all(t.lower_ in LEX.range_links for t in span.doc[first.i + 1:second.i]) and second.i > first.i + 1]


def _is_download_size(span: Span) -> bool:
    """A size printed as a download's metadata: on a short line of its own, in brackets, or on a line
    that speaks of a download, a file or a video."""
    text = doc_text(span.doc)
    line_start = text.rfind("\n", 0, span.start_char) + 1
    line = _REST_OF_LINE.match(text, line_start).group()  # type: ignore[union-attr]  # `*` always matches
    return len(line.strip()) <= settings.DOWNLOAD_SIZE_LINE_MAX_CHARS or "(" in text[line_start:span.start_char] \
        or bool(_DOWNLOAD_WORDS.search(line))


def _figure(span: Span, matcher: Matcher) -> list[Figure]:
    """The figure a number is, or none (the reason logged at debug level)."""
    found = _context(span, matcher) or _read_figure(span)
    if isinstance(found, str):
        LOGGER.debug("%r at %d is no figure: %s", span.text, span.start_char, found)
        return []
    return [found]


def _in_phone_number(span: Span, text: str, nxt: Span) -> bool:
    # A phone number runs at most a few dozen characters: scan only that far back, within the line, so a
    # huge one-line text is not rescanned from its start for every number in it.
    full_text = doc_text(span.doc)
    window = max(0, span.start_char - settings.PHONE_MAX_CHARS)
    line_start = max(window, full_text.rfind("\n", window, span.start_char) + 1)
    line_end = min(len(full_text), span.end_char + settings.PHONE_MAX_CHARS)
    return any(phone.start() <= span.start_char < phone.end()
               and sum(ch.isdigit() for ch in phone.group()) >= settings.PHONE_MIN_DIGITS
               for phone in _PHONE_RUN.finditer(full_text, line_start, line_end))


def _slashed(span: Span, text: str, nxt: Span) -> bool:
    full_text = doc_text(span.doc)
    return bool(_SLASHED.match(full_text, span.end_char) or _SLASHED_INSIDE.search(text)
                or _SLASHED_BEFORE.search(full_text, max(0, span.start_char - 3), span.start_char))


def _vague(span: Span, text: str, nxt: Span) -> bool:
    return any(t.lower_ in LEX.vague for t in span) and not any(ch.isdigit() for ch in text)


_NUM: dict = {"LIKE_NUM": True}
_LINKED_NUM: list[dict] = [{"LOWER": {"IN": sorted(LEX.list_links)}, "OP": "?"}, {"LIKE_NUM": True, "OP": "?"}]
_LABELS = sorted(LEX.label_words | {f"{bullet}{w}" for bullet in "|•·*" for w in LEX.label_words})  # "|Page 2"
_DOTTED_MONTHS = sorted(LEX.month_words | {f"{m}." for m in LEX.month_words})
# What a number is part of, as token patterns, each named by its reason: every number a match holds is
# refused (logged at debug level with the reason).
CONTEXT_PATTERNS: dict[str, list[list[dict]]] = {
    # "Title 42", "Section 104 and 118", "H.J. Res. 12", "top 10", "type 2"
    "a label's number": [[{"LOWER": {"IN": _LABELS}}, {"ORTH": ".", "OP": "?"}, _NUM,
                          *_LINKED_NUM, *_LINKED_NUM]],
    # "HB 407", "SR 2254": a capitalised prefix of two to four letters (not "OF 100" in capitals, nor "KRW 730")
    "a code's number": [[{"IS_UPPER": True, "IS_ALPHA": True, "IS_STOP": False,
                          "LOWER": {"NOT_IN": sorted(LEX.currency_words)},
                          "LENGTH": {">=": _PREFIX_MIN, "<=": _PREFIX_MAX}}, {"LIKE_NUM": True, "IS_ALPHA": False}]],
    "a date printed without its year": [[{"LOWER": {"IN": _DOTTED_MONTHS}}, _NUM],  # "March 17", "26 May"
                                        [_NUM, {"LOWER": {"IN": _DOTTED_MONTHS}}]],
    "a footnote marker": [[{"ORTH": "["}, _NUM, {"ORTH": "]"}]],  # "[2]"
    "a street address": [[_NUM, {"OP": f"{{,{settings.ADDRESS_WORD_WINDOW_TOKENS - 1}}}"},  # "311 W 43rd Street"
                          {"LOWER": {"IN": sorted(LEX.address_words | {w.strip(".") for w in LEX.address_words})}}]],
    # "20 days", "a 12-year sentence" (12, -, year), "14.30 CEST", "5 Main St."
    "a duration, an age, a time or an address": [
        [_NUM, {"ORTH": "-", "OP": "?"}, {"LOWER": {"IN": sorted(LEX.time_words | {f"{w}s" for w in LEX.time_words}
                                                               | LEX.address_words)}}]],
    "a pronoun, not a count": [[{"LIKE_NUM": True, "IS_ALPHA": True}, {"LOWER": "of"}, {"LOWER": "the"}]],
    # "aged 19", "Jane Roe may only be 19,", "Dracula at 125: ..."
    "an age": [[{"LOWER": {"IN": sorted(LEX.age_words)}}, _NUM],
               [{"ENT_TYPE": "PERSON"}, {"IS_ALPHA": True, "OP": "{,2}"}, {"LOWER": {"IN": sorted(LEX.age_verbs)}},
                {"IS_ALPHA": True, "OP": "?"}, _NUM, {"IS_PUNCT": True}],
               [{"IS_TITLE": True}, {"LOWER": "at"}, _NUM, {"ORTH": ":"}]],
}


def _context(span: Span, matcher: Matcher) -> str | None:
    """The reason of the first context pattern that holds one of the span's numbers, if any. The patterns
    run over the words around the span only: a whole document per number would cost far more."""
    doc, reach = span.doc, settings.CONTEXT_WINDOW_TOKENS
    window = doc[max(0, span.start - reach):min(len(doc), span.end + reach)]
    return next((doc.vocab.strings[match_id] for match_id, start, end in sorted(matcher(window), key=lambda m: m[1:])
                 if any(t.like_num and span.start <= t.i < span.end for t in window[start:end])), None)


def build_matcher(vocab: Vocab) -> Matcher:
    """The context patterns, compiled once per pipeline."""
    matcher = Matcher(vocab)
    for reason, patterns in CONTEXT_PATTERNS.items():
        matcher.add(reason, patterns)
    return matcher


# Numbers that are no figures, each with the reason logged at debug level: the first that holds refuses it.
# Each reads the number's span, its text and the token after it (an empty span at the end of the text).
_REFUSALS: tuple[tuple[str, Callable[[Span, str, Span], bool]], ...] = (
    ("no number in it", lambda span, text, nxt: not any(ch.isdigit() for ch in text)
     and not any(t.like_num for t in span)),
    ("a score, a phone number or part of a name", lambda span, text, nxt: any(  # "5-4": either number
        _SCORE_OR_PHONE.search(written) for written in (text, span.doc[max(0, span.start - 2):span.end].text))
     or _is_identifier(span)),
    ("part of a date, a time or an ordinal", lambda span, text, nxt: any(  # an amount never is: "£9bn", "100μg"
        t.ent_type_ in {"DATE", "TIME", "ORDINAL"} for t in span) and not any(map(_is_amount, span))),
    ("a bare year", lambda span, text, nxt: bool(_FOUR_DIGITS.fullmatch(text))
     and settings.BARE_YEAR_MIN <= int(text) <= settings.BARE_YEAR_MAX),
    ("a phone or fax number", _in_phone_number),
    ("a long bare digit run: an identifier or a date stamp, not a count",
     lambda span, text, nxt: bool(_DIGIT_RUN.fullmatch(text))),
    # "30TH", "6:16", "2.1.3": lexicon.toml's refused forms
    *((reason, lambda span, text, nxt, form=form: bool(form.fullmatch(text) or form.fullmatch(span[0].text)))
      for reason, form in _REFUSED_FORMS),
    ("part of a date, a fraction or a name", _slashed),  # "07 / 03 / 2018", "3/4", "9/11"
    # "318.4 MB", "(PDF, 2.4 MB)": not a figure the release reports
    ("the size of a download", lambda span, text, nxt: nxt.text.lower() in LEX.file_sizes and _is_download_size(span)),
    ("a word more often than a count: `one`, `zero`", lambda span, text, nxt: text.lower() in LEX.word_numbers),
    ("a vague quantity", _vague),
)


def _read_figure(span: Span) -> Figure | str:
    """The figure a number is, or why it is none."""
    doc = span.doc
    label = {_NUMBER_TOKEN: "CARDINAL"}.get(span.label_, span.label_)  # a number the recogniser left out
    text = span.text.strip()
    nxt = doc[span.end:span.end + 1]
    refused = next((why for why, holds in _REFUSALS if holds(span, text, nxt)), None)
    if refused is not None:
        return refused
    ratio = _RATIO.match(text)
    if ratio:
        value, unit, currency = float(ratio.group(1)), "ratio", None
    else:
        parsed = _parse_number([t.text for t in span if not t.is_currency and t.text not in {"%", "$"}])
        if parsed is None:
            return "a number that cannot be read"
        value = parsed
        unit, currency = _unit_and_currency(span, label)
    if unit == "count" and not any(ch.isdigit() for ch in text) and span.root.dep_ != "nummod" \
            and not any(t.pos_ == "NOUN" for t in nxt):
        return "a number word that counts nothing"  # "one", "two of them"
    written, start = _qualified_text(span)
    obj, object_rule = object_of(measured(span) if unit in _MEASURE_UNITS else span)
    rule = {_NUMBER_TOKEN: "number_token"}.get(span.label_, f"{label.lower()}_entity")
    LOGGER.debug("figure %r: %s %s (%s), counting %r (%s)", written, value, unit, rule, obj, object_rule)
    return Figure(value=value, unit=unit, currency=currency, object=obj, text=written,
                  start=start, end=span.end_char, rule=rule, object_rule=object_rule)


@Language.factory("release_figures")
class FigureComponent:
    """Set doc._.figures."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.matcher = build_matcher(nlp.vocab)
        self.make_doc = nlp.make_doc
        # The model's own components before this one (spaCy's Pipe classes, not the release extractors):
        # they parse a headline-cased line again.
        self.model = [proc for _, proc in nlp.pipeline if isinstance(proc, Pipe)]
        if not Doc.has_extension("figures"):
            Doc.set_extension("figures", default=())

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = settings.NLP_BATCH_SIZE) -> Iterator[Doc]:
        """Set doc._.figures on each document; the headline-cased lines of a batch are parsed together."""
        for batch in minibatch(docs, size=batch_size):
            found = [[(offset, doc_text(doc)[offset:offset + len(copy)], copy) for offset, copy in headline_lines(doc)]
                     for doc in batch]
            parsed = iter(self._parse([copy for lines in found for _, _, copy in lines]))
            for doc, lines in zip(batch, found):
                reread = [(offset, written_as(next(parsed), written)) for offset, written, _ in lines]
                doc._.figures = tuple(find_figures(doc, self.matcher, reread))
                yield doc

    def _parse(self, texts: list[str]) -> list[Doc]:
        docs = [self.make_doc(text) for text in texts]
        for proc in self.model:
            docs = list(proc.pipe(docs))
        return docs
