"""A fourth attribution grammar, written apart from the other three, in the manner of company, hospital, university
and ministry newsrooms.

Bodies whose names hold no organisation's word (`Veltrix`, `Nimbus Analytics`), brands with inner capitals
(`BrightPath`), company suffixes (`GmbH`, `Co.`), hyphenated given names (`Min-jun`), degrees after a name
(`MD, PhD`), honorifics before it, two titles joined by `and`, present-tense verbs (`says`, `notes`), a body
before a title before an honorific, `from` appositions, `Quote attributed to` labels, a role and a place after
the body, and people named but not quoted. It only measures; its first-seen scores were recorded before any
rule was changed for it. Every text is invented.
"""
from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

from tests.attribution_grammar import Generated, Speaker, capitalised, draw_name

FIRST = ["Min-jun", "Seo-yeon", "Xiao-ming", "Ji-woo", "Anneke", "Rafael", "Ifeoma", "Tomasz", "Leilani", "Dmitri",
         "Priyanka", "Mateus", "Saoirse", "Kwame", "Elodie", "Haruto", "Zainab", "Lars", "Marisol", "Chidi",
         "Ingrid", "Yusuf", "Beatriz", "Arjun", "Noor", "Felipe", "Astrid", "Tendai", "Catalina", "Hamid"]
SURNAMES = ["Okonkwo", "Lindqvist", "Moreau", "Park", "Choi", "Nakagawa", "Ferreira", "Kowalczyk", "Achterberg",
            "Mensah", "Rahman", "Castellano", "Whitlock", "Delacroix", "Abernathy", "Tanaka", "Oduya", "Halvorsen",
            "Quispe", "Marchetti", "Sutherland", "Idowu", "Petrovic", "Nguyen"]
COMPOUND = ["van der Berg", "de la Cruz", "Müller-Brandt", "El-Sayed", "dos Reis", "McAllister", "O'Hara",
            "St. James", "Abu-Bakr", "ter Horst"]
OTHER_FIRST = ["Wilhelmina", "Barnaby", "Ottoline", "Cuthbert", "Philippa", "Ezekiel"]
OTHER_SURNAMES = ["Grimsby", "Featherstone", "Ashdown", "Pemberton", "Blackwood", "Underhill"]


@dataclass(frozen=True, slots=True)
class Body:
    """An organisation: its name, whether running text prints `the` before it, and its acronym if any."""

    name: str
    the: bool = False
    acronym: str | None = None


BODIES = [
    Body("Veltrix"), Body("Quorvane Biosciences"), Body("Nimbus Analytics"), Body("Harrow & Pike"),
    Body("BrightPath Learning"), Body("CloudNest"), Body("Marlow Children's Hospital"),
    Body("University of Eastbrook"), Body("Eastbrook University"), Body("Kestrel Health System"),
    Body("Saint Aldric Medical Center"), Body("Orbis Mobility GmbH"), Body("Tidewater Energy Co."),
    Body("Alder Foundation", the=True), Body("Polaris Space Agency", acronym="PSA"),
    Body("Grünwald Institute for Materials Research", the=True), Body("Sable Ridge Vineyards"),
    Body("Ministry of Coastal Affairs", the=True), Body("Northgate Robotics", acronym="NGR"),
    Body("Meridian Clinical Research Group"),
]
ACRONYM_BODIES = [b for b in BODIES if b.acronym]
ROLES = ["chief executive officer", "chief medical officer", "managing director", "head of research",
         "vice president of marketing", "associate professor", "co-founder", "chief scientific officer",
         "director of public affairs", "general manager", "principal investigator", "country director",
         "senior scientist", "head of sustainability", "chief technology officer", "program director"]
SECOND_ROLES = ["CEO", "chief operating officer", "founder", "chair"]
DEGREES = ["MD", "PhD", "M.D.", "Ph.D.", "MD, PhD", "M.D., Ph.D.", "MBA"]
HONORIFICS = ["Dr.", "Dr", "Prof.", "Professor"]
COUNTRIES = ["Kenya", "Portugal", "Vietnam", "Chile", "Norway"]
CITIES = ["Lisbon", "Nairobi", "Oslo", "Santiago", "Hanoi"]
QUOTES = ["This partnership puts patients first", "We are proud of what the team has built",
          "The results speak for themselves", "Our customers asked for this and we listened",
          "It is a milestone for the whole region", "We expect the first units to ship in the spring",
          "Nobody should have to wait a year for a diagnosis", "The data are clear and the trial will continue"]
CLAUSES = ["the new plant would open in the autumn", "the trial had met its primary endpoint",
           "the company would hire two hundred engineers", "the grant would fund four more years of study"]
AUDIENCES = ["analysts", "investors", "reporters", "the conference"]
HEADLINES = ["Veltrix opens a second plant", "Trial meets its primary endpoint", "New clinic opens downtown",
             "Grant renews the sensor programme", "Partnership brings screening to rural districts"]
FILLER = ["The company will report its results in March.", "Shares rose 3 percent in early trading.",
          "The study enrolled 412 patients.", "Applications open on Monday."]
DISTRACTORS = ["The ruling was handed down by Judge {d}.", "Photo credit: {d}", "{d}, a passenger, was unhurt.",
               "The film was directed by {d}.", "The company's founder, the late {d}, opened the first shop.",
               "Shareholders re-elected {d} to the board."]

# Template, and flags: `norole` (no role expected), `two_roles` (the role is two titles joined by `and`),
# `acronym_body` (draw a body with an acronym), `document` (no title).
FORMS: dict[str, tuple[str, frozenset[str]]] = {
    "said_name_degrees_role_of": ("“{quote},” said {name}, {degrees}, {role} of {the_body}.", frozenset()),
    "honorific_name_from_body": ("{hon} {name}, from {the_body}, said: “{quote}.”", frozenset({"norole"})),
    "body_role_honorific_name": ("{Body} {Role} {hon} {name} said: “{quote}.”", frozenset()),
    "two_roles_of_body": ("“{quote},” said {name}, {role} and {role2} of {the_body}.", frozenset({"two_roles"})),
    "role_from_body_in_country": ("{Role} from {the_body} in {country}, {name}, said: “{quote}.”", frozenset()),
    "comment_from_label": ("Comment from {Body} {Role} {name}:\n“{quote}.”", frozenset()),
    "role_at_body_based_in": ("“{quote},” said {name}, {role} at {Body}, which is based in {city}.", frozenset()),
    "says_present_tense": ("“{quote},” says {name}, {Role} of {Body}.", frozenset()),
    "parenthesised_role_comma_body": ("{name} ({Role}, {Body}) said: “{quote}.”", frozenset()),
    "according_to_role_at": ("According to {name}, {role} at {the_body}, {clause}.", frozenset()),
    "joined_as_role": ("“{quote},” added {name}, who joined {the_body} as {role} in 2019.", frozenset()),
    "name_body_possessive_role": ("{name}, {Body}'s {role}, said: “{quote}.”", frozenset()),
    "said_body_possessive_role_name": ("“{quote},” said {the_body}'s {role}, {name}.", frozenset()),
    "statement_name_role_body": ("In a statement, {name}, {role}, {Body}, said {clause}.", frozenset()),
    "wrote_in_email": ("“{quote},” {name}, {role} for {the_body}, wrote in an email.", frozenset()),
    "name_of_body_commented": ("“{quote},” {name} of {Body} commented.", frozenset({"norole"})),
    "role_name_parenthesised_body": ("{Role} {name} ({Body}) commented: “{quote}.”", frozenset()),
    "notes_present_tense": ("“{quote},” notes {name}, {role} at {Body}.", frozenset()),
    "acronym_after_body": ("“{quote},” said {name}, {Role} at {Body} ({acronym}).", frozenset({"acronym_body"})),
    "quote_attributed_to": ("Quote attributed to {name}, {role}, {Body}:\n“{quote}.”", frozenset()),
    "the_role_during_visit": ("“{quote},” said {name}, the {role} of {the_body}, during a visit to {city}.",
                              frozenset()),
    "told_that": ("{name}, {role} of {Body}, told {audience} that {clause}.", frozenset()),
    "dash_signed_pull_quote": ("“{quote}.”\n— {name}, {Role}, {Body}", frozenset()),
    "honorific_degrees_said_colon": ("{hon} {name}, {degrees}, {role} at {Body}, said: “{quote}.”", frozenset()),
}


def _the(body: Body) -> str:
    return ("the " + body.name) if body.the else body.name


def draw_release(form: str, rng: random.Random) -> Generated:
    """One release printing one attribution form, with the spokespeople a reader expects."""
    template, flags = FORMS[form]
    name, _surname = draw_name(rng, FIRST, SURNAMES, COMPOUND)
    body = rng.choice(ACRONYM_BODIES if "acronym_body" in flags else BODIES)
    role, role2 = rng.choice(ROLES), rng.choice(SECOND_ROLES)
    parts = {
        "name": name, "role": role, "Role": capitalised(role), "role2": role2, "the_body": _the(body),
        "Body": body.name, "acronym": body.acronym or "", "quote": rng.choice(QUOTES), "clause": rng.choice(CLAUSES),
        "audience": rng.choice(AUDIENCES), "degrees": rng.choice(DEGREES), "hon": rng.choice(HONORIFICS),
        "country": rng.choice(COUNTRIES), "city": rng.choice(CITIES),
    }
    attribution = template.format(**parts)
    role_text = None if "norole" in flags else f"{role} and {role2}" if "two_roles" in flags else role
    speakers = [Speaker(name, role_text, body.name)]
    distractors: list[str] = []
    before, after = [], []
    for sentences in (before, after):
        if rng.random() < 0.5:
            distractor = f"{rng.choice(OTHER_FIRST)} {rng.choice(OTHER_SURNAMES)}"
            distractors.append(distractor)
            sentences.append(rng.choice(DISTRACTORS).format(d=distractor))
        elif rng.random() < 0.4:
            sentences.append(rng.choice(FILLER))
    title = rng.choice(HEADLINES)
    text = "\n\n".join(p for p in (" ".join(before), attribution, " ".join(after)) if p)
    return Generated(form=form, title=title, text=text, speakers=tuple(speakers), distractors=tuple(distractors))


def releases(per_form: int, seed: int = 0) -> Iterator[Generated]:
    """`per_form` releases of every form, the same ones for the same seed."""
    rng = random.Random(seed)
    for form in FORMS:
        for _ in range(per_form):
            yield draw_release(form, rng)
