"""Figures: numbers that count or measure something, with unit, currency and what they count."""
from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import replace

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab
from text_to_num import text2num

from .. import settings
from ..records import Figure
from .doctext import doc_index, doc_text
from .rules import load_rules

LOGGER = logging.getLogger(__name__)

LEX = load_rules()
_UNIT_FORM = re.compile(rf"({'|'.join(map(re.escape, sorted(LEX.units, key=len, reverse=True)))})(?![a-z])")
_UNIT_SLASH = re.compile(r"\s*/\s*")
_CLOCK = re.compile(r"\d{1,2}(?::\d{2}){1,2}")
_SLASHED = re.compile(r"\s?/\s?\d")
_SLASHED_BEFORE = re.compile(r"\d\s?/\s?$")
_SLASHED_INSIDE = re.compile(r"\d\s?/\s?\d")
# LEX.file_sizes leaves out "TB": "3,000 TB patients" have tuberculosis.
_DOWNLOAD_WORDS = re.compile(r"download|\bpdf\b|\bfile\b|\bvideo\b|\baudio\b|\bmp[34]\b|\bzip\b|\bsize\b",
                             re.IGNORECASE)
_PHONE_RUN = re.compile(r"\+?\(?\d{1,4}\)?(?:[\s.-]\(?\d{2,4}\)?){2,}")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")
_RATIO = re.compile(r"^(\d+(?:\.\d+)?)\s*(?:x|times|-fold|fold)$", re.IGNORECASE)
_TALLY = re.compile(r"^\d+\s*[-–]\s*\d+$")
_PHONE = re.compile(r"\d{3}[-. )]\d{3}[-.]\d{4}|\d-\d{3}-")
_DIGIT_RUN = re.compile(rf"\d{{{settings.IDENTIFIER_MIN_DIGITS},}}")
_PREFIX_MIN, _PREFIX_MAX = settings.IDENTIFIER_PREFIX_CHARS
_DIGIT_GROUP = re.compile(r"\d{3}")
# Letters glued after digits make a name, unless an ordinal's, a scale's or a ratio's: "7xb", "5G", "4K".
_GLUED_LETTERS = re.compile(r"^\d+(?!(?:st|nd|rd|th|k|m|bn|mn|x)$)[A-Za-z]+$", re.IGNORECASE)
_SPACED_THOUSANDS = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")


def _parse_number(words: list[str]) -> float | None:
    """The value of a run of number tokens: digits with separators, scale words, number words."""
    text = _SPACED_THOUSANDS.sub("", " ".join(words).replace(",", ""))
    digits = _NUMBER.findall(text)
    scale = 1.0
    for word in words:
        scale *= LEX.scales.get(word.lower().strip("."), 1.0) if word.lower().strip(".") in LEX.scales else 1.0
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
    """Numbers inside names: `COVID-19`, `Article 19 Declaration`, `1-800-HELPDESK`, `7xb` (labels and
    codes before a number are CONTEXT_PATTERNS)."""
    first, doc = span[0], span.doc
    if first.i > 0:
        before = doc[first.i - 1]
        glued_hyphen = before.text in {"-", "‐"} and not before.whitespace_ and before.i > 0 \
            and doc[before.i - 1].is_alpha and not doc[before.i - 1].whitespace_
        if glued_hyphen or (before.is_alpha and before.is_title and before.pos_ == "PROPN"
                                        and not span.text[0].isalpha() and before.ent_type_ not in LEX.numeric_labels):
            nxt = doc[span.end] if span.end < len(doc) else None
            if nxt is None or nxt.pos_ not in {"NOUN"}:
                return True
    last = span[-1]
    if last.i + 2 < len(doc) and doc[last.i + 1].text == "-" and not last.whitespace_ \
            and not doc[last.i + 1].whitespace_ and (doc[last.i + 2].is_alpha or doc[last.i + 2].like_num):
        return True  # "1-800-AMNESTY", "H-1B"
    if re.search(r"[A-Za-z]-?\d|\d-[A-Za-z]", first.text) or _GLUED_LETTERS.match(first.text):
        return not _RATIO.match(first.text)  # "COVID-19", "H-1B", "7xb", "5G"; "5x" is a ratio
    return False


def _unit_and_currency(span: Span, label: str) -> tuple[str, str | None]:
    lowered = span.text.lower()
    after = span.doc[span.end:span.end + 2].text.lower() if span.end < len(span.doc) else ""
    if label == "PERCENT" or "%" in lowered or "percent" in lowered or "per cent" in lowered \
            or after.startswith(("percent", "per cent", "%")):
        return "percent", None
    for sign, code in sorted(LEX.currency_signs.items(), key=lambda kv: -len(kv[0])):
        if sign in lowered:
            return "money", code
    words = [t.lower_ for t in span] + ([span.doc[span.end].lower_] if span.end < len(span.doc) else [])
    for word in words:
        if word in LEX.currency_words:
            return "money", LEX.currency_words[word]
    if label == "MONEY":
        return "money", None
    return _unit_after(span) or "count", None


def _unit_after(span: Span) -> str | None:
    """The measurement unit written right after the number, the longest form first: `160 mg/dL`, `3 sq km`."""
    doc = span.doc
    last = max((t.i for t in span if t.like_num), default=span.start)
    following = _UNIT_SLASH.sub("/", doc[last + 1:min(len(doc), span.end + 3)].text.lower())
    found = _UNIT_FORM.match(following)
    return LEX.units[found.group(1)] if found else None


def _clause_subject(span: Span) -> Token | None:
    """`exports were worth £612 billion`, `the number rose to 47`: the subject is what the number measures."""
    token = span.root
    came_through = ""
    for _ in range(settings.CLAUSE_SUBJECT_MAX_HOPS):
        if token.dep_ not in {"pobj", "dobj", "attr", "npadvmod", "acomp", "oprd", "prep", "quantmod", "nummod",
                              "advmod", "amod"} or token.head is token:
            break
        token = token.head
        if token.pos_ in {"VERB", "AUX"}:
            subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if subjects and subjects[0].pos_ in {"NOUN", "PROPN"} and not (span.start <= subjects[0].i < span.end):
                return subjects[0]
            if not subjects and came_through == "to":
                # "bringing the total number of shelters to 47": what is brought to the number
                return next((c for c in token.children if c.dep_ == "dobj" and c.pos_ in {"NOUN", "PROPN"}), None)
            return None
        came_through = token.lower_
    return None


def _of_objects(noun: Token) -> list[Token]:
    return [c for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "of"
            for c in prep.children if c.dep_ == "pobj"]


def _share_of(span: Span) -> list[Token]:
    head = span.root.head  # "49.8 per cent of the 47,500 instances": what the share is of
    return _of_objects(head) if head.i >= span.end and head.lower_ in LEX.percent_words else []


def _modified_noun(span: Span) -> list[Token]:
    head = span.root.head  # "39,000 unaccompanied children"
    return [head] if head.i >= span.end and head.pos_ in {"NOUN", "PROPN"} else []


def _of_in_for_phrase(span: Span) -> list[Token]:
    return [c for t in span.root.children if t.dep_ == "prep" and t.lower_ in {"of", "in", "for"}
            for c in t.children if c.dep_ == "pobj"]


def _noun_of_number(span: Span) -> list[Token]:
    """`revenue of $4.2 billion`, `a deficit of 3 percent`: the noun the number is the `of` phrase of
    (`a total of 500 people` is an amount: the people are counted, found by the steps before this one)."""
    link = span.root.head
    if span.root.dep_ != "pobj" or link.lower_ != "of" or link.head.i >= span.start:
        return []
    noun = link.head
    return [noun] if noun.pos_ == "NOUN" and noun.lower_ not in LEX.amount_nouns else []


def _subject_of_clause(span: Span) -> list[Token]:
    return [subject] if (subject := _clause_subject(span)) is not None else []


def _number_of_line(span: Span) -> list[Token]:
    """`18,000 - Number of refugees ...`: a fact line names its object after `number of`."""
    doc = span.doc
    after = doc[span.end:min(len(doc), span.end + settings.OBJECT_LOOKAHEAD_TOKENS)]
    if not after.text.lower().lstrip(" -–—").startswith(("number of", "percentage of", "share of")):
        return []
    named = next((doc[t.i + 1] for t in after if t.lower_ == "of" and t.i + 1 < len(doc)), None)
    return [] if named is None else [named if named.pos_ == "NOUN" else named.head]


def _next_noun(span: Span) -> list[Token]:
    doc = span.doc
    return [t for t in doc[span.end:min(len(doc), span.end + settings.OBJECT_LOOKAHEAD_TOKENS)]
            if t.pos_ in {"NOUN", "PROPN"}][:1]


# What a number counts, step by step over the parse: the first step that names a noun other than a unit
# ("140 mg", "100 miles": what the number is written in) wins, and names the figure's object_rule.
OBJECT_STEPS: tuple[tuple[str, Callable[[Span], list[Token]]], ...] = (
    ("share_of", _share_of),
    ("modified_noun", _modified_noun),
    ("of_in_for_phrase", _of_in_for_phrase),
    ("noun_of_number", _noun_of_number),
    ("clause_subject", _subject_of_clause),
    ("number_of_line", _number_of_line),
    ("next_noun", _next_noun),
)


def _object_of(span: Span) -> tuple[str | None, str | None]:
    """The noun phrase the number counts, read from the dependency parse, and the step that found it."""
    doc = span.doc
    noun, step = next(((noun, step) for step, find in OBJECT_STEPS for noun in find(span)
                       if noun.lower_ not in LEX.units), (None, None))
    if noun is None:
        return None, None
    counted = _of_objects(noun) if noun.lower_ in LEX.amount_nouns or noun.lower_ in LEX.change_nouns else []
    if counted or noun.lower_ in LEX.change_nouns:
        # "the total number of detainees": detainees; "a 50% fall in executions": what fell
        changed = counted or [c for prep in noun.children if prep.dep_ == "prep" and prep.lower_ in {"in", "of"}
                              for c in prep.children if c.dep_ == "pobj"]
        if changed:
            noun, step = changed[0], f"{step}:{'amount_of' if noun.lower_ in LEX.amount_nouns else 'change_in'}"
    left = noun.left_edge.i
    # `39,000 unaccompanied children`: the number and what comes before it are not the object; in `the
    # refugee cap of 95,000` the noun's own words come first and stay.
    number_first = span.start < noun.i
    while left < noun.i and (number_first and doc[left].i < span.end or doc[left].is_punct
                             or doc[left].lower_ in LEX.qualifiers
                             or doc[left].lower_ in {"per", "cent", "percent", "of"}
                             or doc[left].pos_ in {"DET", "NUM"}):
        left += 1
    right = noun.i + 1
    for child in noun.rights:
        if child.dep_ in {"prep", "relcl", "acl"} and child.lower_ not in {"in", "on", "at", "during", "since"}:
            if child.i < span.start < child.right_edge.i + 1:
                break  # `revenue of $4.2 billion`: the phrase that holds the number is not what it counts
            right = max(right, min(child.right_edge.i + 1, noun.i + settings.OBJECT_MAX_TOKENS))
            break
    words = doc[left:right].text.strip(" \n,.;:-–—")
    return (words, step) if words else (None, None)


def _qualified_text(span: Span) -> tuple[str, int]:
    doc = span.doc
    start = span.start
    while start > 0 and span.start - start <= settings.QUALIFIER_MAX_WORDS and doc[start - 1].lower_ in LEX.qualifiers:
        if doc[start - 1].lower_ == "to" and not (start > 1 and doc[start - 2].lower_ == "up"):
            break  # "rose to 91" is no qualifier; "up to 91" is
        start -= 1
    return doc[start:span.end].text, doc[start].idx


def _whole_number(span: Span) -> Span:
    """`200 000 alumni`: groups of three digits after a number, one space apart, are its thousands; `$13K`:
    a scale letter glued to it is its scale; `€250,000`: a currency sign glued before it that the
    recogniser left out is its currency."""
    doc, start, end = span.doc, span.start, span.end
    while end < len(doc) and doc[end - 1].text[-1:].isdigit() and (
            (doc[end - 1].whitespace_ == " " and _DIGIT_GROUP.fullmatch(doc[end].text))
            or (not doc[end - 1].whitespace_ and doc[end].lower_ in LEX.scales)):
        end += 1
    if start > 0 and doc[start - 1].lower_ in LEX.currency_signs and not doc[start - 1].whitespace_:
        start -= 1
    return span if (start, end) == (span.start, span.end) else Span(doc, start, end, label=span.label_)


def find_figures(doc: Doc, matcher: Matcher | None = None) -> list[Figure]:
    """Every figure in a parsed text; years, dates, durations, ordinals and identifiers excluded."""
    matcher = build_matcher(doc.vocab) if matcher is None else matcher
    figures: dict[tuple[float, str], Figure] = {}
    ents = doc_index(doc).ents
    spans = [_whole_number(ent) for ent in ents if ent.label_ in LEX.numeric_labels]
    covered = {t.i for ent in [*ents, *spans] for t in ent}
    for token in doc:  # "5x", and numbers the recogniser left out
        if token.i not in covered and (_RATIO.match(token.text) or (token.like_num and token.text[0].isdigit())):
            spans.append(Span(doc, token.i, token.i + 1, label="NUMBER_TOKEN"))
    for span in spans:
        figure = _figure(span, matcher)
        upper = _range_upper(span) if figure is not None else None
        # "40 to 55 percent", "$5-10 million": a range's upper bound is a figure too, in the range's currency.
        for found in (figure, _figure(upper, matcher) if upper is not None else None):
            if found is not None:
                found = replace(found, currency=found.currency or figure.currency) if figure is not None else found
                figures.setdefault((round(found.value, settings.FIGURE_VALUE_DECIMALS), found.unit), found)
    return sorted(figures.values(), key=lambda f: f.start)


def _range_upper(span: Span) -> Span | None:
    """The upper bound of a range written as one entity: the second number and the words after it."""
    numbers = [t for t in span if t.like_num and t.text[:1].isdigit()]
    if len(numbers) < 2 or not all(t.lower_ in LEX.range_links for t in span.doc[numbers[0].i + 1:numbers[1].i]) \
            or numbers[1].i == numbers[0].i + 1:
        return None
    return Span(span.doc, numbers[1].i, span.end, label=span.label_)


def _is_download_size(span: Span) -> bool:
    """A size printed as a download's metadata: on a short line of its own, in brackets, or on a line
    that speaks of a download, a file or a video."""
    text = doc_text(span.doc)
    line_start = text.rfind("\n", 0, span.start_char) + 1
    line_end = text.find("\n", span.end_char)
    line = text[line_start:line_end if line_end != -1 else None]
    return len(line.strip()) <= settings.DOWNLOAD_SIZE_LINE_MAX_CHARS or "(" in text[line_start:span.start_char] \
        or bool(_DOWNLOAD_WORDS.search(line))


def _figure(span: Span, matcher: Matcher) -> Figure | None:
    """The figure a number is, or None (the reason logged at debug level)."""
    found = _context(span, matcher) or _read_figure(span)
    if isinstance(found, str):
        LOGGER.debug("%r at %d is no figure: %s", span.text, span.start_char, found)
        return None
    return found


def _in_phone_number(span: Span, text: str, nxt: Token | None) -> bool:
    # A phone number runs at most a few dozen characters: scan only that far back, within the line, so a
    # huge one-line text is not rescanned from its start for every number in it.
    full_text = doc_text(span.doc)
    window = max(0, span.start_char - settings.PHONE_MAX_CHARS)
    line_start = max(window, full_text.rfind("\n", window, span.start_char) + 1)
    line_end = min(len(full_text), span.end_char + settings.PHONE_MAX_CHARS)
    return any(phone.start() <= span.start_char < phone.end()
               and sum(ch.isdigit() for ch in phone.group()) >= settings.PHONE_MIN_DIGITS
               for phone in _PHONE_RUN.finditer(full_text, line_start, line_end))


def _slashed(span: Span, text: str, nxt: Token | None) -> bool:
    full_text = doc_text(span.doc)
    return bool(_SLASHED.match(full_text, span.end_char) or _SLASHED_INSIDE.search(text)
                or _SLASHED_BEFORE.search(full_text, max(0, span.start_char - 3), span.start_char))


def _vague(span: Span, text: str, nxt: Token | None) -> bool:
    return any(t.lower_ in LEX.vague for t in span if not t.is_punct or t.text in {".", ","}) \
        and not any(ch.isdigit() for ch in text)


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
    # "HB 407", "SR 2254": a capitalised prefix of two to four letters
    "a code's number": [[{"IS_UPPER": True, "IS_ALPHA": True,
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
_REFUSALS: tuple[tuple[str, Callable[[Span, str, Token | None], bool]], ...] = (
    ("no number in it", lambda span, text, nxt: not any(ch.isdigit() for ch in text)
     and not any(t.like_num for t in span)),
    ("a score, a phone number or part of a name", lambda span, text, nxt: bool(  # "5-4": either number
        _TALLY.match(text) or _TALLY.match(span.doc[max(0, span.start - 2):span.end].text) or _PHONE.search(text))
     or _is_identifier(span)),
    ("part of a date, a time or an ordinal", lambda span, text, nxt: any(
        t.ent_type_ in {"DATE", "TIME", "ORDINAL"} for t in span)),
    ("a phone or fax number", _in_phone_number),
    ("a long bare digit run: an identifier or a date stamp, not a count",
     lambda span, text, nxt: bool(_DIGIT_RUN.fullmatch(text))),
    ("a running time or a time code", lambda span, text, nxt: bool(_CLOCK.fullmatch(text))),  # "6:16", "00:06:16"
    ("part of a date, a fraction or a name", _slashed),  # "07 / 03 / 2018", "3/4", "9/11"
    # "318.4 MB", "(PDF, 2.4 MB)": not a figure the release reports
    ("the size of a download", lambda span, text, nxt: nxt is not None and nxt.lower_ in LEX.file_sizes
     and _is_download_size(span)),
    # "one" is far more often "one of", "no one", "the one" than a count of one
    ("`one`", lambda span, text, nxt: text.lower() == "one"),
    ("a vague quantity", _vague),
)


def _read_figure(span: Span) -> Figure | str:
    """The figure a number is, or why it is none."""
    doc = span.doc
    label = "CARDINAL" if span.label_ == "NUMBER_TOKEN" else span.label_  # a number the recogniser left out
    text = span.text.strip()
    nxt = doc[span.end] if span.end < len(doc) else None
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
    if unit == "count" and "." not in text and "," not in text \
            and settings.BARE_YEAR_MIN <= value <= settings.BARE_YEAR_MAX and value.is_integer():
        return "a bare year"
    if unit == "count" and not any(ch.isdigit() for ch in text) and span.root.dep_ != "nummod" and \
            not (nxt is not None and nxt.pos_ == "NOUN"):
        return "a number word that counts nothing"  # "one", "two of them"
    written, start = _qualified_text(span)
    obj, object_rule = _object_of(span)
    rule = "number_token" if span.label_ == "NUMBER_TOKEN" else f"{label.lower()}_entity"
    LOGGER.debug("figure %r: %s %s (%s), counting %r (%s)", written, value, unit, rule, obj, object_rule)
    return Figure(value=value, unit=unit, currency=currency, object=obj, text=written,
                  start=start, end=span.end_char, rule=rule, object_rule=object_rule)


@Language.factory("release_figures")
class FigureComponent:
    """Set doc._.figures."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.matcher = build_matcher(nlp.vocab)
        if not Doc.has_extension("figures"):
            Doc.set_extension("figures", default=())

    def __call__(self, doc: Doc) -> Doc:
        doc._.figures = tuple(find_figures(doc, self.matcher))
        return doc
