"""A grammar of attribution: the ways a press office prints who said something, for whom, as what.

    release  := headline "\n\n" context? attribution context?   (documents: a letter, an email, a transcript)
    attribution := one of FORMS: a template over the parts below, and who it makes a spokesperson
    name     := first (middle initial)? surname        surnames of many origins, hyphenated, with particles
    role     := a title, often with nested `of`/`for`/`on` phrases (`head of policy for coastal affairs`)
    body     := an organisation: with or without `the`, holding a possessive or an apostrophe, `Inc.`/`plc`,
                `of` chains, an acronym
    context  := neutral sentences, now and then naming a person who does not speak (a judge's ruling, a
                photographer, a person detained, a resident evacuated): a distractor

Every text here is written for the project (the names, bodies, roles and sentences are invented). A new
form found in the wild becomes one more line of FORMS. `draw_release(form, rng)` returns a Generated
release with the spokespeople a reader expects, `releases(per_form, seed)` a fixed sample of every form.
"""
from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

FIRST = ["Jane", "Amara", "Chidi", "Oluwaseun", "Mei", "Hiroshi", "Priya", "Arjun", "Fatima", "Yusuf", "Sofia",
         "Mateo", "Ingrid", "Lars", "Aleksandra", "Dmitri", "Siobhán", "Eamon", "Nadia", "Tomas", "Ana", "Kwame",
         "Leilani", "Rafael", "Thandiwe", "Bogdan", "Marisol", "Kenji", "Zainab", "Olga", "Lucía", "Pieter",
         "Anh", "Ravi", "Ewa", "Mohammed", "Grace", "Tupac", "Elif", "Sione"]
# Hyphenated given names, drawn by the forms added with BRAND_BODIES (the older forms keep their draws).
HYPHENATED_FIRST = ["Min-jun", "Seo-yeon", "Jean-Luc", "Ji-woo", "Anne-Marie"]
SURNAMES = ["Roe", "Okafor", "Adeyemi", "Lindqvist", "Kowalczyk", "Nakamura", "Ramanathan", "Haddad", "Mensah",
            "Castillo", "Brennan", "Petrov", "Dubois", "Osei", "Moreau", "Takahashi", "Mwangi", "Oyelaran",
            "Halvorsen", "Quispe", "Nguyen", "Yilmaz", "Fonoti", "Szabo", "Achterberg", "Delacroix"]
# Surnames with particles, hyphens and apostrophes, printed as a name holds them.
COMPOUND_SURNAMES = ["van der Meer", "de la Fuente", "da Costa", "Silva-Reyes", "Adeyemi-Clarke", "O'Neill",
                     "ten Brink", "Al-Amin", "Lindqvist-Haug", "dos Santos", "McAllister", "bin Hamid"]
# Distractors draw from their own names, so that no distractor shares a surname with a speaker.
OTHER_FIRST = ["Helmut", "Rosa", "Igor", "Beatriz", "Samuel", "Noor", "Wendell", "Keiko"]
OTHER_SURNAMES = ["Varga", "Ferreira", "Lundgren", "Abernethy", "Kimura", "Oduya", "Marchetti", "Stroud"]


ROLES = [
    "executive director", "spokesperson", "chief executive", "policy director", "head of policy",
    "director of programmes", "chair", "senior researcher", "campaigns manager", "legal adviser",
    "head of policy for coastal affairs", "deputy director for land and water rights",
    "director of research and evaluation", "vice president for external affairs",
    "senior adviser on housing", "chair of the board of trustees", "programme officer",
    "managing director", "chief economist", "director of communications",
]
SMALL_WORDS = frozenset({"of", "for", "on", "and", "the", "at"})


@dataclass(frozen=True, slots=True)
class Body:
    """An organisation: its name as a reader expects it, whether running text prints `the` before it, and
    its acronym when the text may give one."""

    name: str
    the: bool = True
    acronym: str | None = None


BODIES = [
    Body("Harbour Trust"), Body("Riverside Children's Fund"), Body("Lakeside Tenants' Union"),
    Body("Brovia Inc.", the=False), Body("Kestrel Holdings plc", the=False),
    Body("Council of Coastal Mayors"), Body("Association of Rural Nurses of Westmark"),
    Body("Northern Water Policy Association", acronym="NWPA"), Body("Greywater Alliance"),
    Body("Tidewell Foundation"), Body("Institute for Upland Farming"), Body("Marrow Valley Health Board"),
    Body("Sable Point Housing Cooperative"), Body("Federation of Independent Bakers", acronym="FIB"),
    Body("Centre for Quiet Streets"), Body("St. Brigid's Hospice", the=False), Body("Farmers' Union of Eastvale"),
    Body("Orrin & Vale LLP", the=False), Body("Coastal Fisheries Association", acronym="CFA"),
    Body("Pell River Conservancy"), Body("Open Lanes Network"), Body("Amberley Rail Group", the=False),
    Body("League of Small Libraries"), Body("Brightwater Energy Ltd", the=False),
]
# Bodies whose names hold no organisation's word (a brand, inner capitals, a named unit, a company suffix), drawn
# with BODIES by the forms flagged `brands` (the older forms keep their draws, and their floors).
BRAND_BODIES = [
    Body("Corvane", the=False), Body("Nimbrel Analytics", the=False), Body("BrightHarbour", the=False),
    Body("Saint Oda Medical Center", the=False), Body("Ostara Mobility GmbH", the=False),
]
ACRONYM_BODIES = [b for b in BODIES if b.acronym]

QUOTES = [
    "We will keep the clinics open through the winter", "This decision puts families first",
    "The new toll is a barrier to the people who need the bridge most", "Nobody should wait a year for a home",
    "Our members have waited long enough for a fair deal", "The data show that the programme works",
    "We welcome the council's change of heart, but the work is not done",
    "Every district deserves clean water by the end of the decade",
    "It is a good first step, and we expect more to follow",
    "The fund will reach twice as many children next year",
]
SHORT_QUOTES = ["long overdue", "a missed chance", "a step in the right direction", "deeply worrying",
                "the fairest plan so far", "a betrayal of the tenants"]
CLAUSES = ["the plan would cut waiting times in half", "the trust would appeal against the ruling",
           "the new rules came too late for many growers", "the budget left the northern districts behind",
           "talks with the council would resume next month", "the survey had found more damp homes than expected"]
AUDIENCES = ["reporters", "the Evening Lantern", "a press briefing", "local radio", "the committee"]
HEADLINES = ["Council approves coastal housing plan", "New water rules take effect",
             "Budget leaves rural clinics short", "Court ruling halts depot expansion",
             "Survey finds rising rents in harbour towns",
             "Talks on bakery wages resume", "Flood defences to be rebuilt by spring"]
CONTEXT = ["The council approved the new budget on Tuesday.", "The plan will be reviewed again in the autumn.",
           "More than a hundred residents attended the meeting.", "The report was published on Monday.",
           "Work on the first phase is due to begin in March."]
DISTRACTORS = ["Judge {d} ruled last week that the permit was unlawful.", "The photographs were taken by {d}.",
               "Police detained {d} outside the depot on Tuesday.", "{d}, a local resident, was among those evacuated.",
               "The hearing was chaired by {d}.", "Photo: {d}"]
PLACES = ["Harbourtown", "the town hall", "the annual conference", "a rally outside parliament"]
COUNTRIES = ["Kenya", "Portugal", "Chile", "Norway", "Vietnam"]
DEGREES = ["MD", "PhD", "M.D., Ph.D.", "MBA"]
VERBS = ["said", "says", "has said", "stated", "explained", "noted", "warned", "commented", "remarked", "added"]


def capitalised(text: str) -> str:
    """A title as printed before a name: `Head of Policy for Coastal Affairs`."""
    return " ".join(w if w in SMALL_WORDS else w[:1].upper() + w[1:] for w in text.split())


# The attribution forms: a template over the parts, and who it makes a spokesperson. Expected values:
# `role`/`Role` is the role as printed; `body` the organisation; a form may expect no role (`norole`) or
# the acronym as the organisation (`acronym`), and two speakers (`two`). `{the_body}` prints `the` where the
# body takes it; `{The_body}` capitalises it at a sentence start; `{the_body_s}` is its possessive.
FORMS: dict[str, tuple[str, frozenset[str]]] = {
    "name_role_said_colon": ("{name}, {role} of {the_body}, said: “{quote}.”", frozenset()),
    "name_role_at_said_colon": ("{name}, {role} at {the_body}, said: “{quote}.”", frozenset()),
    "quote_said_name_role": ("“{quote},” said {name}, {role} of {the_body}.", frozenset()),
    "quote_name_role_said": ("“{quote},” {name}, {role} at {the_body}, said.", frozenset()),
    "quote_added_name_role": ("“{quote},” added {name}, {role} of {the_body}.", frozenset()),
    "tenses": ("{name}, {role} of {the_body}, {verb}: “{quote}.”", frozenset()),
    "quote_name_said_tenses": ("“{quote},” {name}, {role} of {the_body}, {verb}.", frozenset()),
    "body_role_name_said": ("{Body} {Role} {name} said: “{quote}.”", frozenset()),
    "said_body_role_name": ("“{quote},” said {Body} {Role} {name}.", frozenset()),
    "said_possessive_role_name": ("“{quote},” said {the_body_s} {role} {name}.", frozenset()),
    "possessive_role_comma_name": ("{The_body_s} {Role}, {name}, said: “{quote}.”", frozenset()),
    "role_of_body_name_no_comma": ("{Role} of {the_body} {name} said: “{quote}.”", frozenset()),
    "said_inverted_role_of_body_name": ("“{quote},” said the {role} of {the_body}, {name}.", frozenset()),
    "relative_clause_is": ("“{quote},” said {name}, who is {role} of {the_body}.", frozenset()),
    "relative_clause_leads": ("{name}, who leads {the_body} as its {role}, told reporters: “{quote}.”",
                              frozenset()),
    "parenthesised_body": ("{name} ({Body}) said: “{quote}.”", frozenset({"norole"})),
    "parenthesised_role_body": ("{name} ({Role}, {Body}) said: “{quote}.”", frozenset()),
    "comma_list_role_body": ("{name}, {Role}, {Body}, said: “{quote}.”", frozenset()),
    "quote_from_label": ("Quote from {name}, {Role}, {Body}:\n“{quote}.”", frozenset()),
    "colon_label_role_body": ("{name}, {Role}, {Body}: “{quote}.”", frozenset()),
    "partial_quote": ("{name}, {role} at {the_body}, called the decision “{short}”.", frozenset()),
    "signed_pull_quote": ("“{quote}.”\n— {name}, {Role}, {Body}", frozenset()),
    "according_to": ("According to {name}, {role} of {the_body}, {clause}.", frozenset()),
    "reported_speech": ("{name}, {role} of {the_body}, said that {clause}.", frozenset()),
    "letter_wrote": ("In a letter to the committee, {name}, {role} of {the_body}, wrote: “{quote}.”", frozenset()),
    "told_audience": ("{name}, {role} of {the_body}, told {audience} that {clause}.", frozenset()),
    "spokesperson_for_comma": ("A spokesperson for {the_body}, {name}, said: “{quote}.”", frozenset({"spokesperson"})),
    "name_spokesperson_for": ("“{quote},” said {name}, a spokesperson for {the_body}.", frozenset({"spokesperson"})),
    "surname_later_mention": (("{name}, {role} of {the_body}, opened the meeting on Monday. {context}\n\n"
                              "“{quote},” {surname} said."), frozenset()),
    "earlier_sentence_role": ("{name} is {role} of {the_body}. “{quote},” {surname} said.", frozenset()),
    "two_speakers_one_sentence": (("{name}, {role} of {the_body}, said {clause}, while {name2}, {role2} of "
                                  "{the_body2}, said the council had acted in good faith."), frozenset({"two"})),
    "two_speakers_said_and": (("“{quote},” said {name}, {role} of {the_body}, and {name2}, {role2} at "
                              "{the_body2}."), frozenset({"two"})),
    "acronym_after_body": ("{name}, {role} of {the_body} ({acronym}), said: “{quote}.”", frozenset({"acronym_body"})),
    "acronym_before_role": ("{acronym} {Role} {name} said: “{quote}.”", frozenset({"acronym_body", "acronym"})),
    "role_body_no_link": ("{name}, {role} {Body}, had the following reaction: “{quote}.”", frozenset()),
    "issued_statement": ("{name}, {role} of {the_body}, issued the following statement: “{quote}.”", frozenset()),
    "in_a_statement": ("In a statement, {name}, {role} of {the_body}, said {clause}.", frozenset()),
    "speaking_at": ("Speaking at {place}, {name}, {role} of {the_body}, said: “{quote}.”", frozenset()),
    "statement_by_headline": ("Statement by {name}, {Role} of {the_body}\n\n“{quote}.”", frozenset({"headline"})),
    "letter_signature": (("Dear members of the committee,\n\n{clause_cap}. {context}\n\nYours sincerely,\n\n"
                         "{name}\n{Role}\n{Body}"), frozenset({"document"})),
    "email_signature": (("From: {name}\nSubject: Our response to the plan\n\nHello all,\n\n{clause_cap}.\n\n"
                        "Best regards,\n{name}\n{Role}, {Body}"), frozenset({"document"})),
    "transcript_labels": (("Remarks by {Role} {name} of {the_body} at a press briefing\n\n{SURNAME}: {quote}.\n"
                          "QUESTION: When will the work begin?\n{SURNAME}: {context}"), frozenset({"headline"})),
    # Forms first seen in the probe grammar (benchmarks/attribution_probe.py), written here in this grammar's words.
    "quoted_as_saying": ("{Body} {Role} {name} was quoted as saying: “{quote}.”", frozenset()),
    "pointed_out": ("“{quote},” {name}, the {role} of {the_body}, pointed out.", frozenset()),
    "went_on_to_say": ("{name}, {role} at {the_body}, went on to say that {clause}.", frozenset()),
    "bullet_dash_signature": ("• “{quote}” – {name}, {Role} at {Body}", frozenset()),
    "pipe_signature": ("“{quote}.”\n{name} | {Role} | {Body}", frozenset()),
    "quote_said_name_of_body": ("“{quote},” said {name} of {the_body}.", frozenset({"norole"})),
    "role_name_bracketed_body": ("{Role} {name} ({Body}) insisted: “{quote}.”", frozenset()),
    "interview_with_outlet": ("In an interview with {audience}, {name}, {role} for {the_body}, said: “{quote}.”",
                              frozenset()),
    # Documents signed at the end, and a transcript whose labels print the whole name.
    "statement_signed_at_end": ("{clause_cap}. {context}\n\n{name}\n{Role}, {Body}", frozenset()),
    "statement_dash_signed": ("{quote}. {context}\n\n— {name}, {Role}, {Body}", frozenset()),
    "letter_name_and_role_line": (("Dear colleagues,\n\n{clause_cap}.\n\nYours faithfully,\n{name}, {Role}\n{Body}"),
                                  frozenset({"document"})),
    "transcript_full_name_labels": (("Transcript of a press briefing with {Role} {name} of {the_body}\n\n"
                                     "{NAME}: {quote}.\nREPORTER: When will the work begin?\n{NAME}: {context}"),
                                    frozenset({"headline"})),
    # Forms first seen on real release pages and in the fourth probe (benchmarks/attribution_probe3.py), with
    # brands' names and hyphenated given names (`brands`).
    "said_name_degrees_role": ("“{quote},” said {name}, {degrees}, {role} of {the_body}.", frozenset({"brands"})),
    "honorific_name_from_body": ("Dr {name}, from {the_body}, said: “{quote}.”", frozenset({"norole"})),
    "role_from_body_in_country": ("{Role} from {the_body} in {country}, {name}, said: “{quote}.”",
                                  frozenset({"brands"})),
    "joined_as_role": ("“{quote},” added {name}, who joined {the_body} as {role} in 2019.", frozenset({"brands"})),
    "quote_attributed_to": ("Quote attributed to {name}, {role}, {Body}:\n“{quote}.”", frozenset({"brands"})),
    "body_role_honorific_name": ("{Body} {Role} Professor {name} said: “{quote}.”", frozenset()),
    "role_at_body_in_new_sentence": ("“{quote},” {name} told {audience}. {surname} is {role} at {the_body}.",
                                     frozenset({"brands"})),
    # Older forms again, with brands' names and hyphenated given names.
    "brand_name_role_said_colon": ("{name}, {role} of {the_body}, said: “{quote}.”", frozenset({"brands"})),
    "brand_quote_said_name_role": ("“{quote},” said {name}, {role} at {the_body}.", frozenset({"brands"})),
    "brand_parenthesised_role_body": ("{name} ({Role}, {Body}) said: “{quote}.”", frozenset({"brands"})),
    "brand_comma_list_role_body": ("{name}, {Role}, {Body}, said: “{quote}.”", frozenset({"brands"})),
    "brand_role_body_no_link": ("{name}, {role} {Body}, had the following reaction: “{quote}.”",
                                frozenset({"brands"})),
    "brand_body_role_name_said": ("{Body} {Role} {name} said: “{quote}.”", frozenset({"brands"})),
    "brand_signed_pull_quote": ("“{quote}.”\n— {name}, {Role}, {Body}", frozenset({"brands"})),
    "brand_earlier_sentence_role": ("{name} is {role} of {the_body}. “{quote},” {surname} said.",
                                    frozenset({"brands"})),
}


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a reader expects to find: the name in full, the role as printed, the organisation's name."""

    name: str
    role: str | None
    organization: str | None


@dataclass(frozen=True, slots=True)
class Generated:
    """One generated release: its form, title and text, the expected spokespeople, the people only named."""

    form: str
    title: str | None
    text: str
    speakers: tuple[Speaker, ...]
    distractors: tuple[str, ...]


def draw_name(rng: random.Random, first: list[str] = FIRST, surnames: list[str] = SURNAMES,
              compound: list[str] = COMPOUND_SURNAMES) -> tuple[str, str]:
    """A full name and its surname as a later mention prints it (`De la Fuente` opening a clause)."""
    surname = rng.choice(compound) if compound and rng.random() < 0.35 else rng.choice(surnames)
    middle = f" {rng.choice('ABCDEFGHJKLMNPRST')}." if rng.random() < 0.2 else ""
    return f"{rng.choice(first)}{middle} {surname}", surname[:1].upper() + surname[1:]


def _the(body: Body, capital: bool = False) -> str:
    return (("The " if capital else "the ") + body.name) if body.the else body.name


def draw_release(form: str, rng: random.Random) -> Generated:
    """One release printing one attribution form, with the spokespeople a reader expects."""
    template, flags = FORMS[form]
    first = FIRST + HYPHENATED_FIRST if "brands" in flags else FIRST
    (name, surname), (name2, _surname2) = draw_name(rng, first), draw_name(rng, first)
    while name2.split()[-1] == name.split()[-1]:
        name2, _surname2 = draw_name(rng, first)
    body = rng.choice(ACRONYM_BODIES if "acronym_body" in flags else BODIES + BRAND_BODIES if "brands" in flags
                      else BODIES)
    body2 = rng.choice([b for b in BODIES if b != body])
    role = "spokesperson" if "spokesperson" in flags else rng.choice(ROLES)
    role2 = rng.choice(ROLES)
    parts = {
        "name": name, "surname": surname, "SURNAME": surname.upper(), "NAME": name.upper(), "role": role,
        "Role": capitalised(role),
        "the_body": _the(body), "The_body": _the(body, capital=True), "Body": body.name,
        "acronym": body.acronym or "", "name2": name2, "role2": role2, "the_body2": _the(body2),
        "quote": rng.choice(QUOTES), "short": rng.choice(SHORT_QUOTES), "clause": rng.choice(CLAUSES),
        "audience": rng.choice(AUDIENCES), "verb": rng.choice(VERBS), "place": rng.choice(PLACES),
        "context": rng.choice(CONTEXT),
    }
    if "{degrees}" in template or "{country}" in template:  # drawn only where printed: other forms keep their draws
        parts |= {"degrees": rng.choice(DEGREES), "country": rng.choice(COUNTRIES)}
    parts["clause_cap"] = parts["clause"][:1].upper() + parts["clause"][1:]
    # "the Harbour Trust's", "the Federation of Independent Bakers'"
    parts["the_body_s"], parts["The_body_s"] = (parts[k] + ("'" if body.name.endswith("s") else "'s")
                                                for k in ("the_body", "The_body"))
    attribution = template.format(**parts)
    role_text = None if "norole" in flags else (parts["Role"] if "{Role}" in template else role)
    speakers = [Speaker(name, role_text, body.acronym if "acronym" in flags else body.name)]
    if "two" in flags:
        speakers.append(Speaker(name2, role2, body2.name))
    distractors: list[str] = []
    before, after = [], []
    for sentences in (before, after):
        if rng.random() < 0.5:
            distractor = f"{rng.choice(OTHER_FIRST)} {rng.choice(OTHER_SURNAMES)}"
            distractors.append(distractor)
            sentences.append(rng.choice(DISTRACTORS).format(d=distractor))
        elif rng.random() < 0.5:
            sentences.append(rng.choice(CONTEXT))
    if "document" in flags:
        title, text = None, attribution
    elif "headline" in flags:  # the form's first line is the release's title
        title, _, text = attribution.partition("\n\n")
        text = "\n\n".join(p for p in (text, " ".join(after)) if p)
    else:
        title = rng.choice(HEADLINES)
        text = "\n\n".join(p for p in (" ".join(before), attribution, " ".join(after)) if p)
    return Generated(form=form, title=title, text=text, speakers=tuple(speakers), distractors=tuple(distractors))


def releases(per_form: int, seed: int = 0, forms: dict | None = None) -> Iterator[Generated]:
    """`per_form` releases of every form, the same ones for the same seed."""
    rng = random.Random(seed)
    for form in forms or FORMS:
        for _ in range(per_form):
            yield draw_release(form, rng)


@dataclass(frozen=True, slots=True)
class Tally:
    """One form's counts: releases, expected speakers found, roles and organisations right, people extra."""

    releases: int = 0
    expected: int = 0
    found: int = 0
    roles: int = 0
    role_right: int = 0
    orgs: int = 0
    org_right: int = 0
    extra: int = 0

    def add(self, other: Tally) -> Tally:
        """The two tallies summed."""
        return Tally(*(a + b for a, b in zip(self.astuple(), other.astuple(), strict=True)))

    def astuple(self) -> tuple[int, ...]:
        """The counts in field order."""
        return (self.releases, self.expected, self.found, self.roles, self.role_right, self.orgs, self.org_right,
                self.extra)

    def rates(self) -> dict[str, float]:
        """found, role and organisation as shares, extra people per 100 releases."""
        return {"found": self.found / self.expected if self.expected else 1.0,
                "role": self.role_right / self.roles if self.roles else 1.0,
                "organization": self.org_right / self.orgs if self.orgs else 1.0,
                "extra_per_100": 100 * self.extra / self.releases if self.releases else 0.0}


def _norm(text: str | None) -> str:
    """Case, quotes, a leading article and edge punctuation aside: `The Brovia Inc.` = `brovia inc`."""
    text = (text or "").lower().replace("’", "'").strip(" .,;:")
    for article in ("the ", "a ", "an ", "its "):
        text = text.removeprefix(article)
    return " ".join(text.split())


def tally(generated: Generated, found: list[tuple[str, str | None, str | None]]) -> Tally:
    """Score one release: `found` is the (name, role, organisation) of every spokesperson extracted."""
    by_name = {_norm(name): (role, org) for name, role, org in found}
    hits = roles = role_right = orgs = org_right = 0
    for speaker in generated.speakers:
        got = by_name.get(_norm(speaker.name))
        if got is None:
            continue
        hits += 1
        if speaker.role is not None:
            roles += 1
            role_right += _norm(got[0]) == _norm(speaker.role)
        if speaker.organization is not None:
            orgs += 1
            org_right += _norm(got[1]) == _norm(speaker.organization)
    missed_roles = sum(s.role is not None for s in generated.speakers) - roles
    missed_orgs = sum(s.organization is not None for s in generated.speakers) - orgs
    expected = {_norm(s.name) for s in generated.speakers}
    # A role or organisation of a person not found is counted wrong: the shares are of every expected speaker.
    return Tally(releases=1, expected=len(generated.speakers), found=hits, roles=roles + missed_roles,
                 role_right=role_right, orgs=orgs + missed_orgs, org_right=org_right,
                 extra=len(set(by_name) - expected))
