"""The one loader of the extraction rules' data: every TOML file beside this module (lexicon.toml, the
words the rules are written in; country_aliases.toml, the names of places), read once per process.

Verbs are stored as lemmas; `inflections` generates their forms (the lemmatizer is not run, for speed,
so rules match the written forms). `duplicates` lists every entry a list holds twice; a test keeps it
empty.
"""
from __future__ import annotations

import functools
import tomllib
from collections import Counter
from dataclasses import dataclass
from importlib import resources

_VOWELS = frozenset("aeiou")


@dataclass(frozen=True, slots=True, kw_only=True)
class Rules:
    """Every word list, lower-cased, as frozensets (maps as dicts); place names as written."""

    speech_verbs: frozenset[str]  # every inflected form of every verb of saying (bare forms only as listed)
    addressing_verbs: frozenset[str]  # forms of the speech verbs whose object is the addressee
    phrasal_speech_verbs: dict[str, frozenset[str]]  # particle -> forms of the verbs that speak with it
    act_verbs: frozenset[str]  # forms of the speech verbs that report an act when a noun is their object
    opinion_verbs: frozenset[str]  # forms of the speech verbs of a view or forecast: a person's words, no body's
    statement_verbs: frozenset[str]  # forms of "issue", "release", "make" ... (the following statement)
    naming_verbs: frozenset[str]  # forms of "call", "describe" ...: speech when a quotation follows
    statement_nouns: frozenset[str]
    attribution_nouns: frozenset[str]
    works_of_speech: frozenset[str]
    possessed_words: frozenset[str]  # nouns a person's possessive makes their words
    headline_labels: frozenset[str]  # "UPDATE:", "Q&A:": a headline's label naming a kind, not a body
    headline_speech_verbs: frozenset[str]  # "Roe Says ...": a headline's verbs of saying, in the present
    person_titles: frozenset[str]  # "Senator", "Rep.": titles before a name that make it a person's
    role_words: frozenset[str]
    internal_roles: frozenset[str]
    role_modifiers: frozenset[str]
    role_link_words: frozenset[str]
    portfolio_modifiers: frozenset[str]  # "Policy Director": a title's field, never a body's last word
    lowercase_suffixes: frozenset[str]  # "plc": a company suffix written in lower case
    field_words: frozenset[str]  # "Rights": an organisation's word that also ends a title's field
    non_name_words: frozenset[str]  # no name's words: titles, their modifiers and fields, bodies' words, months, Dr
    title_modifiers: frozenset[str]  # words a title holds before its role word: its modifiers and its field
    copulas: frozenset[str]
    serving_verbs: frozenset[str]  # "has served as chair of X": a verb whose `as` phrase is the subject's title
    appointment_verbs: frozenset[str]  # "was appointed chair of X", "X appointed Jane Roe as chair"
    appointment_fillers: frozenset[str]  # "as its new chair": words before the post
    relative_pronouns: frozenset[str]
    leading_verbs: frozenset[str]
    role_trailing_cut: frozenset[str]
    second_post_openers: frozenset[str]  # "and a former director of Y": a second post
    unit_words: frozenset[str]
    body_nouns: frozenset[str]
    standalone_units: frozenset[str]  # "Saint Aldric Medical Center": a unit's word ending a body's own name
    company_endings: frozenset[str]  # "Luma Health": a company name's last word, no person's
    body_kinds: dict[str, frozenset[str]]  # "the company's": the last words of companies' names
    personal_staff: frozenset[str]  # "Jane Roe's spokesperson": titles a person's staff hold too
    title_openers: frozenset[str]  # "Veteran Director": a word opening a title that names no body
    adjective_endings: tuple[str, ...]  # "Acclaimed", "Newly": a word's ending that makes it no body's name
    portfolio_titles: frozenset[str]  # "Minister of Fisheries": titles whose of/for names a portfolio
    portfolios: frozenset[str]  # "Director of Programmes": a portfolio after a title's of/for, not a body
    body_heads: frozenset[str]  # titles that head a whole body: "CEO of X" names the body
    generic_body_words: frozenset[str]  # organisation, unit and body nouns: "of the Board" names no one body
    honorifics: frozenset[str]
    pronouns: frozenset[str]
    particles: frozenset[str]  # "van", "de la": small words inside a surname
    post_nominals: frozenset[str]  # degrees and honours after a name: "M.D.", "Ph.D.", "OBE"
    sign_offs: frozenset[str]
    answer_labels: frozenset[str]  # "A:" in a transcript: the interviewee answers
    opinion_labels: frozenset[str]  # "Opinion: …" over a text: its byline's author speaks in it
    press_roles: frozenset[str]  # "Jane Roe is a reporter": a byline's author who reports, and speaks for no one
    question_labels: frozenset[str]  # "Q:": the interviewer asks
    organization_words: frozenset[str]
    months: frozenset[str]  # full month names
    month_words: frozenset[str]  # full names and abbreviations
    time_words: frozenset[str]
    label_words: frozenset[str]
    qualifiers: frozenset[str]
    vague: frozenset[str]
    address_words: frozenset[str]
    file_sizes: frozenset[str]
    percent_words: frozenset[str]
    amount_nouns: frozenset[str]
    change_nouns: frozenset[str]
    scales: dict[str, float]
    currency_signs: dict[str, str]
    currency_words: dict[str, str]
    units: dict[str, str]
    quote_marks: frozenset[str]
    dashes: frozenset[str]
    possessives: frozenset[str]
    title_stops: frozenset[str]  # tokens that end a title written after a name
    body_links: frozenset[str]  # "director of/at/for/with/from X"
    name_body_links: frozenset[str]  # "Ana Roe of/at/from X": a name joined to its body
    acting_for: tuple[tuple[str, ...], ...]  # "on behalf of X": the words, split, of a phrase naming the body acted for
    name_fillers: frozenset[str]  # small words inside a body's name: "Society for the Arts & Sciences"
    attribution_links: frozenset[str]  # "statement by", "comment from", "attributable to"
    attribution_participles: frozenset[str]  # "quote attributed to"
    place_labels: frozenset[str]  # entity labels of places
    numeric_labels: frozenset[str]  # entity labels of numbers
    object_deps: frozenset[str]  # dependency labels of a verb's or a preposition's object
    speech_climbs: frozenset[str]  # dependency labels a subjectless verb of saying climbs to find its subject
    list_links: frozenset[str]
    range_links: frozenset[str]
    glued_scales: frozenset[str]  # scales written only glued to the number: "$13K"
    measure_links: frozenset[str]  # "cut the risk by 61%": the number measures the verb's object
    age_words: frozenset[str]
    word_numbers: frozenset[str]  # number words that are far more often words than counts: "one", "zero"
    age_verbs: frozenset[str]
    refused_forms: dict[str, str]  # reason -> regular expression of a number's text that is no figure
    country_aliases: dict[str, list[str]]  # alpha-3 code -> written forms, case-sensitive
    regions: tuple[str, ...]
    us_state_abbreviations: frozenset[str]
    place_prepositions: frozenset[str]
    generic_place_words: frozenset[str]
    state_body_words: frozenset[str]
    us_state_or_country: frozenset[str]
    not_a_place_after: frozenset[str]


def inflections(lemma: str, irregular: dict[str, list[str]] | None = None,
                doubling: frozenset[str] = frozenset()) -> frozenset[str]:
    """The lemma, its third person singular, past (and past participle) and -ing forms."""
    if irregular and lemma in irregular:
        return frozenset(irregular[lemma])
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = lemma + "es"
    elif lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    stem = lemma + lemma[-1] if lemma in doubling else lemma
    if lemma.endswith("e"):
        past, ing = lemma + "d", (lemma[:-2] + "ying" if lemma.endswith("ie") else lemma[:-1] + "ing")
    elif lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        past, ing = lemma[:-1] + "ied", lemma + "ing"
    else:
        past, ing = stem + "ed", stem + "ing"
    return frozenset({lemma, third, past, ing})


def _phrasal(entries: list[str], irregular: dict, doubling: frozenset[str]) -> dict[str, frozenset[str]]:
    """`point out` -> {"out": forms of "point"}: the verbs that speak with a particle, by particle."""
    found: dict[str, frozenset[str]] = {}
    for entry in entries:
        lemma, particle = entry.split()
        found[particle] = found.get(particle, frozenset()) | inflections(lemma, irregular, doubling)
    return found


def _lists(data: dict, prefix: str = "") -> dict[str, list]:
    """Every list in the file, by its dotted path."""
    found = {}
    for key, value in data.items():
        if isinstance(value, dict):
            found.update(_lists(value, f"{prefix}{key}."))
        elif isinstance(value, list):
            found[f"{prefix}{key}"] = value
    return found


def duplicates(data: dict | None = None) -> list[str]:
    """`path: entry` for every entry a list of any rule file holds twice (case-insensitively), and every
    verb form two lemmas of one list generate."""
    if data is None:
        return [f"{name}.toml: {entry}" for name, each in _files().items() for entry in duplicates(each)]
    found = []
    for path, values in _lists(data).items():
        counts = Counter(str(v).lower() for v in values)
        found += [f"{path}: {v}" for v, n in counts.items() if n > 1]
    irregular = data.get("inflection", {}).get("irregular", {})
    doubling = frozenset(data.get("inflection", {}).get("double_final_consonant", []))
    for path in ("speech_verbs.lemmas", "statement_verbs.lemmas"):
        section = path.split(".")[0]
        forms = Counter(f for lemma in set(data.get(section, {}).get("lemmas", []))
                        for f in inflections(lemma, irregular, doubling))
        found += [f"{path}: form {f}" for f, n in forms.items() if n > 1]
    return found


@functools.cache
def _files() -> dict[str, dict]:
    """Every rule file of the package, parsed, by its name without `.toml`."""
    folder = resources.files(__package__)
    return {entry.name.removesuffix(".toml"): tomllib.loads(entry.read_text("utf-8"))
            for entry in sorted(folder.iterdir(), key=lambda e: e.name) if entry.name.endswith(".toml")}


@functools.cache
def load_rules() -> Rules:
    """The rules' data, loaded once per process."""
    files = _files()
    data, places = files["lexicon"], files["country_aliases"]
    irregular = data["inflection"]["irregular"]
    doubling = frozenset(data["inflection"]["double_final_consonant"])

    bare = frozenset(data["speech_verbs"]["bare_forms"])

    def forms(lemmas: list[str]) -> frozenset[str]:
        return frozenset(f for lemma in lemmas for f in inflections(lemma, irregular, doubling)
                         if f != lemma or lemma in bare)

    def words(values: list[str]) -> frozenset[str]:
        return frozenset(v.lower() for v in values)

    roles, names, figures = data["roles"], data["names"], data["figures"]
    months = words(data["dates"]["months"])
    tokens, links, labels = data["tokens"], data["links"], data["labels"]
    role_words, organization_words = words(roles["words"]), words(names["organization_words"])
    modifiers, portfolio = words(roles["modifiers"]), words(roles["portfolio_modifiers"])
    return Rules(
        speech_verbs=forms(data["speech_verbs"]["lemmas"]),
        addressing_verbs=forms(data["speech_verbs"]["addressing"]),
        phrasal_speech_verbs=_phrasal(data["speech_verbs"]["phrasal"], irregular, doubling),
        act_verbs=forms(data["speech_verbs"]["acts_with_object"]),
        opinion_verbs=forms(data["speech_verbs"]["opinions"]),
        statement_verbs=forms(data["statement_verbs"]["lemmas"]),
        naming_verbs=forms(data["naming_verbs"]["lemmas"]),
        statement_nouns=words(data["nouns"]["statement"]),
        attribution_nouns=words(data["nouns"]["attribution"]),
        works_of_speech=words(data["nouns"]["works_of_speech"]),
        possessed_words=words(data["nouns"]["possessed"]),
        headline_labels=words(data["nouns"]["headline_labels"]),
        headline_speech_verbs=words(data["headlines"]["speech_verbs"]),
        person_titles=words(data["headlines"]["person_titles"]) | words(names["honorifics"]),
        role_words=words(roles["words"]),
        internal_roles=words(roles["internal"]),
        role_modifiers=words(roles["modifiers"]),
        role_link_words=words(roles["link_words"]),
        portfolio_modifiers=words(roles["portfolio_modifiers"]),
        lowercase_suffixes=words(names["lowercase_suffixes"]),
        field_words=words(names["field_words"]),
        non_name_words=role_words | organization_words | months | words(data["dates"]["month_abbreviations"])
        | words(names["honorifics"]) | modifiers | portfolio,
        title_modifiers=modifiers | portfolio,
        copulas=words(roles["copulas"]),
        serving_verbs=forms(roles["serving_verbs"]),
        appointment_verbs=forms(roles["appointment_verbs"]),
        appointment_fillers=words(roles["appointment_fillers"]),
        relative_pronouns=words(roles["relative_pronouns"]),
        leading_verbs=words(roles["leading_verbs"]),
        role_trailing_cut=words(roles["trailing_cut"]),
        second_post_openers=words(roles["second_post_openers"]),
        unit_words=words(roles["unit_words"]),
        body_nouns=words(roles["body_nouns"]),
        portfolios=words(roles["portfolios"]),
        portfolio_titles=words(roles["portfolio_titles"]),
        title_openers=words(roles["title_openers"]),
        personal_staff=words(roles["personal_staff"]),
        company_endings=words(roles["company_endings"]),
        body_kinds={kind: words(ends) for kind, ends in roles["body_kinds"].items()},
        adjective_endings=tuple(roles["adjective_endings"]),
        standalone_units=words(roles["standalone_units"]),
        body_heads=words(roles["body_heads"]),
        generic_body_words=words(roles["body_nouns"]) | words(roles["unit_words"]) | words(names["organization_words"]),
        honorifics=words(names["honorifics"]),
        pronouns=words(names["pronouns"]),
        particles=words(names["particles"]),
        post_nominals=words(names["post_nominals"]),
        sign_offs=words(names["sign_offs"]),
        answer_labels=words(names["answer_labels"]),
        opinion_labels=words(names["opinion_labels"]),
        press_roles=words(names["press_roles"]),
        question_labels=words(names["question_labels"]),
        organization_words=words(names["organization_words"]),
        months=months,
        month_words=months | words(data["dates"]["month_abbreviations"]),
        time_words=words(figures["time_words"]),
        label_words=words(figures["label_words"]),
        qualifiers=words(figures["qualifiers"]),
        vague=words(figures["vague"]),
        address_words=words(figures["address_words"]),
        file_sizes=words(figures["file_sizes"]),
        percent_words=words(figures["percent_words"]),
        amount_nouns=words(figures["amount_nouns"]),
        change_nouns=words(figures["change_nouns"]),
        scales=dict(figures["scales"]),
        currency_signs=dict(figures["currency_signs"]),
        currency_words=dict(figures["currency_words"]),
        units=dict(figures["units"]),
        quote_marks=frozenset(tokens["quote_marks"]),
        dashes=frozenset(tokens["dashes"]),
        possessives=frozenset(tokens["possessives"]),
        title_stops=frozenset(tokens["title_stops"]),
        body_links=words(links["body"]),
        name_body_links=words(links["name_body"]),
        acting_for=tuple(tuple(phrase.lower().split()) for phrase in links["acting_for"]),
        name_fillers=words(links["name_fillers"]),
        attribution_links=words(links["attribution"]),
        attribution_participles=words(links["attribution_participles"]),
        place_labels=frozenset(labels["places"]),
        numeric_labels=frozenset(labels["numbers"]),
        object_deps=frozenset(labels["objects"]),
        speech_climbs=frozenset(labels["speech_climbs"]),
        list_links=words(figures["list_links"]),
        range_links=words(figures["range_links"]),
        glued_scales=words(figures["forms"]["glued_scales"]),
        measure_links=words(figures["forms"]["measure_links"]),
        age_words=words(figures["forms"]["age_words"]),
        word_numbers=words(figures["forms"]["word_numbers"]),
        age_verbs=words(figures["forms"]["age_verbs"]),
        refused_forms=dict(figures["refused_forms"]),
        country_aliases={code: list(forms) for code, forms in places["aliases"].items()},
        regions=tuple(places["regions"]["names"]),
        us_state_abbreviations=frozenset(places["us_state_abbreviations"]["forms"]),
        place_prepositions=frozenset(places["place_prepositions"]["words"]),
        generic_place_words=frozenset(places["generic_place_words"]["words"]),
        state_body_words=words(places["state_bodies"]["words"]),
        us_state_or_country=frozenset(places["us_state_or_country"]["names"]),
        not_a_place_after=words(places["not_a_place_after"]["words"]),
    )
