"""A fifth attribution grammar, written apart from the other four after round 5 of the attribution work, and scored
before any rule was changed for it.

Other bodies (ports, unions, councils, clinics, small firms, a Swedish `AB`), other names, roles and frames: a body's
statement attributed to its officer, remarks prepared for delivery, `who serves as`, `wrote on social media`,
`said on behalf of`, a pronoun after a title given in the sentence before, a role in a unit of a body, acronyms
before the role, pull quotes and signatures, and people named but not quoted. It only measures. Every text is
invented.
"""
from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

from tests.attribution_grammar import Generated, Speaker, capitalised, draw_name

FIRST = ["Ilka", "Tobias", "Yuki", "Rosalind", "Sung-min", "Pilar", "Dariusz", "Aisling", "Farhan", "Mbali",
         "Teodora", "Hamza", "Inês", "Oskar", "Wanjiru", "Lorcan", "Paulina", "Rashid", "Svea", "Kaito", "Amani",
         "Bruno", "Ye-jin", "Niamh", "Ulrich", "Zofia", "Idris", "Marta"]
SURNAMES = ["Abernathy-Cole", "Bjørklund", "Castellanos", "Dlamini", "Eberhart", "Fairbanks", "Grabowski", "Hosseini",
            "Ishii", "Jaramillo", "Kettering", "Lindahl", "Mahlangu", "Nakashima", "O'Connell", "Pereira", "Quinlan",
            "Rautio", "Stavros", "Thorvaldsen", "Uchenna", "Valdivia", "Westergaard", "Yoon"]
COMPOUND = ["van Houten", "de Vries", "dos Anjos", "Mac an tSaoi", "al-Hakim", "Le Roux", "di Stefano",
            "Fitz-Simmons"]
OTHER_FIRST = ["Cornelius", "Hepzibah", "Lysander", "Winifred", "Octavius", "Drusilla"]
OTHER_SURNAMES = ["Bramwell", "Coldstream", "Hargreave", "Mossop", "Pennyfeather", "Thistlewood"]


@dataclass(frozen=True, slots=True)
class Body:
    """An organisation: its name, whether running text prints `the` before it, and its acronym if any."""

    name: str
    the: bool = False
    acronym: str | None = None


BODIES = [
    Body("Tamberlin Ports Authority", the=True, acronym="TPA"), Body("Oakhurst Teachers' Federation", the=True),
    Body("Velmora Biotech"), Body("Greyling & Sons"), Body("Institute for Coastal Resilience", the=True),
    Body("Norrvik Energi AB"), Body("Ashcombe District Council"), Body("Fenwick Children's Trust", the=True),
    Body("Luma Health"), Body("Quantrel Systems Inc."), Body("Brightside Housing Co-operative", the=True),
    Body("Ministry of Inland Waters", the=True), Body("Solano Valley Farmers' Union", the=True, acronym="SVFU"),
    Body("Redhill Community Hospital"), Body("Kairos Microfinance"),
    Body("Association of Independent Pharmacists", the=True, acronym="AIP"),
]
ACRONYM_BODIES = [b for b in BODIES if b.acronym]
ROLES = ["chief executive", "head of communications", "senior policy officer", "regional manager for the north",
         "chair of trustees", "lead economist", "general counsel", "programme director", "director of strategy",
         "board member", "chief nursing officer", "head of research and innovation", "deputy chief executive",
         "operations manager"]
UNITS = ["research unit", "press office", "legal team", "finance department"]
QUOTES = ["Nobody here was asked before the decision was made", "The numbers tell their own story",
          "We have the staff and the will to do this", "This is a good day for the harbour",
          "Families cannot wait another winter", "The plan is sound and the money is in place"]
CLAUSES = ["the terminal would reopen in March", "wages had not kept up with rents",
           "the clinic would take new patients from Monday", "the dredging contract had been signed"]
AUDIENCES = ["reporters", "the harbour board", "a local newspaper", "the annual meeting"]
HEADLINES = ["Harbour terminal to reopen", "Teachers vote on pay offer", "Clinic extends its hours",
             "Microloans reach rural traders", "Dredging contract signed"]
FILLER = ["The board meets again in May.", "A full report will follow.", "Tickets are free.",
          "The figures were published on Tuesday."]
DISTRACTORS = ["The case was heard by Judge {d}.", "Photograph: {d}", "{d}, 52, was taken to hospital.",
               "The mural was painted by {d}.", "The prize went to {d}, a retired teacher."]

# Template, and flags: `norole`, `acronym_body` (draw a body with an acronym), `acronym` (the acronym is the
# organisation), `document` (no title).
FORMS: dict[str, tuple[str, frozenset[str]]] = {
    "name_body_possessive_role_told": ("{name}, {the_body}'s {role}, told {audience}: “{quote}.”", frozenset()),
    "quote_role_name_of_body_said_day": ("“{quote},” {role} {name} of {the_body} said on Friday.", frozenset()),
    "remarks_prepared": ("In remarks prepared for delivery, {name}, {role} at {Body}, said {clause}.", frozenset()),
    "quote_said_name_role_with": ("“{quote},” said {name}, {role} with {the_body}, in an interview.", frozenset()),
    "statement_attributed_to_officer": (("{The_body} said in a statement attributed to its {role}, {name}: "
                                         "“{quote}.”"), frozenset()),
    "parenthesised_role_body_told": ("{name} ({role}, {Body}) told {audience}: “{quote}.”", frozenset()),
    "pull_quote_em_dash": ("“{quote}.” — {name}, {Role}, {Body}", frozenset()),
    "who_serves_as": ("{name}, who serves as {role} of {the_body}, said: “{quote}.”", frozenset()),
    "wrote_on_social_media": ("“{quote},” {name}, a {role} at {the_body}, wrote on social media.", frozenset()),
    "role_name_parenthesised_body_added": ("{Role} {name} ({Body}) added: “{quote}.”", frozenset()),
    "according_to_possessive_role_name": ("According to {the_body}'s {role}, {name}, {clause}.", frozenset()),
    "noted_name_body_role": ("“{quote},” noted {name}, {Body} {role}.", frozenset()),
    "said_on_behalf_of": ("{name}, {role}, said on behalf of {the_body}: “{quote}.”", frozenset()),
    "pronoun_after_title_sentence": ("{name} is the {role} at {the_body}. “{quote},” she said.", frozenset()),
    "speaking_to_possessive_role_name": ("Speaking to {audience}, {the_body}'s {role} {name} said {clause}.",
                                         frozenset()),
    "role_of_body_acronym_said": ("{name}, {role} of {the_body} ({acronym}), said: “{quote}.”",
                                  frozenset({"acronym_body"})),
    "acronym_role_name_told": ("“{quote},” {acronym} {role} {name} told {audience}.",
                               frozenset({"acronym_body", "acronym"})),
    "has_led_since": ("“{quote},” said {name}, who has led {the_body} as {role} since 2018.", frozenset()),
    "letter_faithfully": (("Dear Minister,\n\n{clause_cap}. We ask you to act.\n\nYours faithfully,\n\n{name}\n"
                           "{Role}, {Body}"), frozenset({"document"})),
    "pipe_signature_after_quote": ("“{quote}.”\n\n{name} | {Role}, {Body}", frozenset()),
    "stressed_role_for": ("“{quote},” stressed {name}, {role} for {the_body}.", frozenset()),
    "role_in_unit_of_body": ("{name}, {role} in {the_body_s} {unit}, said: “{quote}.”", frozenset()),
    "told_that_role_at": ("{name}, {role} at {the_body}, told {audience} that {clause}.", frozenset()),
    "body_role_name_warned": ("{Body} {Role} {name} warned: “{quote}.”", frozenset()),
}


def _the(body: Body, capital: bool = False) -> str:
    return (("The " if capital else "the ") + body.name) if body.the else body.name


def draw_release(form: str, rng: random.Random) -> Generated:
    """One release printing one attribution form, with the spokespeople a reader expects."""
    template, flags = FORMS[form]
    name, _surname = draw_name(rng, FIRST, SURNAMES, COMPOUND)
    body = rng.choice(ACRONYM_BODIES if "acronym_body" in flags else BODIES)
    role = rng.choice(ROLES)
    clause = rng.choice(CLAUSES)
    parts = {
        "name": name, "role": role, "Role": capitalised(role), "the_body": _the(body),
        "The_body": _the(body, capital=True), "Body": body.name, "acronym": body.acronym or "",
        "quote": rng.choice(QUOTES), "clause": clause, "clause_cap": clause[:1].upper() + clause[1:],
        "audience": rng.choice(AUDIENCES), "unit": rng.choice(UNITS),
    }
    parts["the_body_s"] = parts["the_body"] + ("'" if body.name.endswith("s") else "'s")
    attribution = template.format(**parts)
    role_text = None if "norole" in flags else (parts["Role"] if "{Role}" in template else role)
    speakers = [Speaker(name, role_text, body.acronym if "acronym" in flags else body.name)]
    distractors: list[str] = []
    before, after = [], []
    for sentences in (before, after):
        if rng.random() < 0.5:
            distractor = f"{rng.choice(OTHER_FIRST)} {rng.choice(OTHER_SURNAMES)}"
            distractors.append(distractor)
            sentences.append(rng.choice(DISTRACTORS).format(d=distractor))
        elif rng.random() < 0.4:
            sentences.append(rng.choice(FILLER))
    if "document" in flags:
        title, text = None, attribution
    else:
        title = rng.choice(HEADLINES)
        text = "\n\n".join(p for p in (" ".join(before), attribution, " ".join(after)) if p)
    return Generated(form=form, title=title, text=text, speakers=tuple(speakers), distractors=tuple(distractors))


def releases(per_form: int, seed: int = 0) -> Iterator[Generated]:
    """`per_form` releases of every form, the same ones for the same seed."""
    rng = random.Random(seed)
    for form in FORMS:
        for _ in range(per_form):
            yield draw_release(form, rng)
