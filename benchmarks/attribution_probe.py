"""A second attribution grammar, written apart from tests/attribution_grammar.py and never tuned on.

Other names, bodies, roles and sentences, and other ways of printing who speaks (`of`/`from`/`with`/`for`
links, dashes and pipes, `was quoted as saying`, phrasal verbs, a role given after the quote, a question
answered). It only measures: a proxy for text the rules were not written against. Every text is invented.
"""
from __future__ import annotations

import random
from collections.abc import Iterator

from tests.attribution_grammar import Generated, Speaker, capitalised, draw_name

FIRST = ["Wiremu", "Astrid", "Babajide", "Hyun-woo", "Catalina", "Emeka", "Ludmila", "Farid", "Ines", "Tariq",
         "Maeve", "Bao", "Joaquín", "Anneliese", "Kofi", "Shreya", "Rustam", "Noa", "Eero", "Halima"]
SURNAMES = ["Aguilar", "Bergström", "Chukwu", "Dimitrov", "Esposito", "Fairweather", "Gallagher", "Hoang",
            "Ibarra", "Jovanović", "Kaur", "Lemaire", "Mutasa", "Nordahl", "Papadakis", "Rahimi", "Sørensen",
            "Whitcombe", "Vukovic", "Tamsin"]
COMPOUND = ["van den Heuvel", "del Río", "Abdul-Karim", "Kaur-Bains", "le Roux", "St. Clair", "Ó Briain"]
OTHERS = ["Gregor Pohl", "Liesel Marquardt", "Otis Fenwick", "Yara Haddou"]

# (name as expected, printed with `the`)
BODIES = [("Quarry Lane Arts Trust", True), ("Westfold Ports Authority", True), ("Calder University", False),
          ("Society of Hill Walkers", True), ("Nordmark Shipping AG", False), ("Pinebrook Dairy Co.", False),
          ("Children's Reading Circle", True), ("Guild of Bridge Engineers", True), ("Tallow & Finch plc", False),
          ("Heron Bay Water Company", True), ("Saltmarsh Wildlife Rescue", False),
          ("Dockworkers' Mutual Society", True), ("Lumen Health Partners", False), ("Alliance for Fair Fares", True)]
ROLES = ["general secretary", "head of campaigns", "principal investigator", "treasurer", "deputy chief executive",
         "regional organiser for the north-east", "director of advocacy and policy", "co-founder", "media officer",
         "senior counsel", "director-general", "lead scientist on the coastal survey"]
QUOTES = ["The ferry timetable has to work for the people who live here", "We are not going anywhere",
          "Ten years of cuts have left the harbour walls in a poor state", "This is what a fair fare looks like",
          "We owe it to the next generation of walkers to keep these paths open",
          "The results surprised even our own team"]
CLAUSES = ["the ferry service should stay in public hands", "the dairy would hire forty more staff",
           "the paths had been neglected for years", "the museum would open on Sundays again"]
HEADLINES = ["Ferry timetable changes announced", "Dairy expansion approved", "Hill paths to reopen",
             "Port fees to rise next year", "Museum opening hours extended"]
FILLER = ["The changes come into force in the spring.", "A public consultation closes at the end of the month.",
          "Details are available from the council's offices.", "Arrested at the scene was {d}, 34.",
          "A petition organised by {d} gathered four thousand names.", "Images courtesy of {d}."]

FORMS: dict[str, tuple[str, frozenset[str]]] = {
    "name_of_body_said": ("“{quote},” said {name} of {the_body}.", frozenset({"norole"})),
    "name_from_body_said": ("{name} from {the_body} said {clause}.", frozenset({"norole"})),
    "body_possessive_name_said": ("{The_body}'s {name} said: “{quote}.”", frozenset({"norole"})),
    "quoted_as_saying": ("{Body} {Role} {name} was quoted as saying: “{quote}.”", frozenset()),
    "who_heads": ("{name}, who heads {the_body}, said {clause}.", frozenset({"norole"})),
    "pointed_out": ("“{quote},” {name}, the {role} of {the_body}, pointed out.", frozenset()),
    "remarked_with": ("“{quote},” remarked {name}, {role} with {the_body}.", frozenset()),
    "dash_possessive_role": ("{name} — {the_body}'s {role} — said {clause}.", frozenset()),
    "interview_for": (("In an interview with the Coastline Herald, {name}, {role} for {the_body}, said: "
                      "“{quote}.”"), frozenset()),
    "role_name_parenthesised_body": ("{Role} {name} ({Body}) insisted: “{quote}.”", frozenset()),
    "role_after_quote": ("“{quote},” {name} told the Coastline Herald. {surname} is {role} at {the_body}.",
                         frozenset()),
    "parenthesised_role_at": ("“{quote},” {name} ({role} at {Body}) explained.", frozenset()),
    "role_of_body_emphasised": ("{Role} {name} of {the_body} emphasised that {clause}.", frozenset()),
    "the_body_role_name_responded": ("{The_body} {role} {name} responded: “{quote}.”", frozenset()),
    "asked_replied": ("Asked about the plan, {name}, {role} of {the_body}, replied: “{quote}.”", frozenset()),
    "parenthesised_argued": ("{name} ({role} at {Body}) argued that {clause}.", frozenset()),
    "bullet_dash_signature": ("• “{quote}” – {name}, {Role} at {Body}", frozenset()),
    "pipe_signature": ("“{quote}.”\n{name} | {Role} | {Body}", frozenset()),
    "continued_quote": ("“{quote},” said {name}, {role} of {the_body}. “{quote2}.”", frozenset()),
    "went_on_to_say": ("{name}, {role} at {the_body}, went on to say that {clause}.", frozenset()),
}


def _the(name: str, the: bool, capital: bool = False) -> str:
    return f"{'The' if capital else 'the'} {name}" if the else name


def draw_release(form: str, rng: random.Random) -> Generated:
    """One release printing one of this grammar's forms."""
    template, flags = FORMS[form]
    name, surname = draw_name(rng, FIRST, SURNAMES, COMPOUND)
    body, the = rng.choice(BODIES)
    role = rng.choice(ROLES)
    quote, quote2 = rng.sample(QUOTES, 2)
    parts = {"name": name, "surname": surname, "role": role, "Role": capitalised(role), "Body": body,
             "the_body": _the(body, the), "The_body": _the(body, the, capital=True), "quote": quote,
             "quote2": quote2, "clause": rng.choice(CLAUSES)}
    text = template.format(**parts)
    distractors = []
    filler = rng.choice(FILLER)
    if "{d}" in filler:
        distractors.append(rng.choice(OTHERS))
        filler = filler.format(d=distractors[0])
    text = f"{text}\n\n{filler}" if rng.random() < 0.5 else f"{filler}\n\n{text}"
    role_text = None if "norole" in flags else (parts["Role"] if "{Role}" in template else role)
    return Generated(form=form, title=rng.choice(HEADLINES), text=text, speakers=(Speaker(name, role_text, body),),
                     distractors=tuple(distractors))


def releases(per_form: int, seed: int = 0) -> Iterator[Generated]:
    """`per_form` releases of every form, the same ones for the same seed."""
    rng = random.Random(seed + 1000)
    for form in FORMS:
        for _ in range(per_form):
            yield draw_release(form, rng)
