"""A third attribution grammar, written apart from tests/attribution_grammar.py and benchmarks/attribution_probe.py.

Other names, bodies, roles and sentence frames, and other ways of printing who speaks: body-role-name strings
before the verb with no comma, a role given in a new sentence after the quote, `Name of Body said`, possessive
bodies, `Name, who chairs X,`, `X spokesperson Name`, nested titles, `Inc.`/`plc` and acronyms in parentheses,
two speakers in one sentence, surname-only later mentions, letters and emails signed at the end with the role
and body on the lines beneath, interview transcripts with `NAME:`/`Q:` labels, and people named but not quoted.
It only measures; its first-seen scores were recorded before any rule was changed. Every text is invented.
"""
from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

from tests.attribution_grammar import Generated, Speaker, capitalised, draw_name

FIRST = ["Tevita", "Oksana", "Ngozi", "Ruairí", "Xiomara", "Björn", "Parisa", "Adebayo", "Mirela", "Svetlana",
         "Jun", "Ayesha", "Florin", "Malak", "Esteban", "Hana", "Kalani", "Dagny", "Vikram", "Aroha", "Gustavo",
         "Lwazi", "Solveig", "Bashir", "Chiara", "Mthunzi", "Nilufar", "Teodor", "Yaw", "Marguerite"]
SURNAMES = ["Akinola", "Brannigan", "Chowdhury", "Drozdov", "Eriksen", "Fitzgerald", "Gutiérrez", "Horvath",
            "Iwu", "Jansen", "Kapoor", "Lachance", "Novak", "Ortega", "Pillai", "Rasmussen", "Sandoval", "Umarov",
            "Vasquez", "Wójcik", "Yamada", "Zeller", "Okoro", "Halloran", "Tuilagi", "Baptiste"]
COMPOUND = ["van Rijn", "de Souza", "della Torre", "Ben-David", "al-Rashid", "Ward-Tembo", "von Alten",
            "Le Guen", "O'Sullivan", "D'Angelo", "Ishikawa-Reid", "Mac Giolla"]
# People named but not quoted draw from their own names.
OTHER_FIRST = ["Casimir", "Perpetua", "Horace", "Ilse", "Obadiah", "Ranjana"]
OTHER_SURNAMES = ["Quennell", "Thorburn", "Vaszary", "Eberhardt", "Mulcahy", "Sowande"]


@dataclass(frozen=True, slots=True)
class Body:
    """An organisation: its name, whether running text prints `the` before it, and its acronym if any."""

    name: str
    the: bool = True
    acronym: str | None = None


BODIES = [
    Body("Fenmoor Rivers Trust"), Body("Old Quay Fishermen's Cooperative"), Body("Carers' Network of Dunmore"),
    Body("Halden Robotics Inc.", the=False), Body("Greystone Mutual plc", the=False),
    Body("Institute of Tidal Engineering", acronym="ITE"), Body("National Union of Ferry Workers", acronym="NUFW"),
    Body("Society for the Protection of Moorland Birds"), Body("Kettleby District Council"),
    Body("Orchard Lane Food Bank"), Body("Brindle & Shaw Solicitors", the=False),
    Body("Eastmere Public Transport Authority", acronym="EPTA"), Body("Committee for Safe Cycling"),
    Body("Wrenfield College", the=False), Body("Sunhollow Solar Ltd", the=False),
    Body("Mothers' Alliance for Clean Air"), Body("Tamsworth Housing Association", acronym="THA"),
    Body("Ashgrove Veterans' Trust"), Body("Blue Heron Ventures LLC", the=False),
    Body("Office of the Rivers Ombudsman"),
]
ACRONYM_BODIES = [b for b in BODIES if b.acronym]
ROLES = ["director of operations", "press officer", "head of research for inland waterways",
         "chief operating officer", "board member", "senior policy analyst", "vice-chair",
         "head of communications and engagement", "regional director for the south", "clinical lead", "founder",
         "deputy head of fundraising", "general counsel", "chief financial officer",
         "coordinator of volunteer services", "president", "secretary of the branch committee",
         "director of the centre for flood studies"]
QUOTES = ["The ferry fares have doubled in three years and wages have not", "We stand ready to help",
          "Our volunteers delivered more parcels this winter than ever before",
          "A river is only as healthy as its smallest stream", "We were not consulted, and that is not acceptable",
          "The turbines will be running before the summer", "This ruling changes nothing for our members",
          "Safe routes to school should not be a luxury"]
QUOTES2 = ["We will be watching closely", "The board agrees with every word of it",
           "There is still time to get this right", "Nobody on our side wants a strike"]
CLAUSES = ["the ferry would run on Sundays from May", "the food bank had run out of tinned goods twice",
           "the flood barrier needed a second survey", "the college would freeze its fees for a year",
           "the bird counts on the moor had fallen for a fourth year"]
QUESTIONS = ["Why now?", "What happens to the staff?", "Who pays for the repairs?", "Is the money there?"]
ANSWERS = ["The money is already in the budget", "Nobody loses their job", "We have asked the council twice",
           "The survey will tell us within a month"]
AUDIENCES = ["the Kettleby Courier", "a radio phone-in", "journalists", "the select committee", "the assembly"]
HEADLINES = ["Ferry fares frozen for a year", "Moorland bird counts fall again", "Flood barrier survey ordered",
             "College freezes fees", "Food bank appeals for tinned goods", "Solar farm gets the go-ahead"]
FILLER = ["The consultation runs until the end of June.", "Tickets for the open day are free.",
          "The figures will be updated every quarter.", "A second meeting is planned for the spring."]
DISTRACTORS = ["Justice {d} dismissed the appeal on Friday.", "Photography: {d}", "Pictured: {d} at the launch.",
               "{d}, 41, was held overnight by police and later released.",
               "The inquiry, led by {d}, is due to report next year.", "Image courtesy of {d}.",
               "The award was presented to {d}, a retired ferry pilot."]


# Template, and flags: `norole` (no role expected), `acronym` (the acronym is the organisation),
# `acronym_body` (draw a body with an acronym), `two` (a second speaker), `spokesperson` (the role is
# spokesperson), `document` (no title), `headline` (the first paragraph is the title).
FORMS: dict[str, tuple[str, frozenset[str]]] = {
    "body_role_name_no_comma_said_that": ("{Body} {Role} {name} said on Tuesday that {clause}.", frozenset()),
    "body_role_name_no_comma_told": ("{Body} {Role} {name} told {audience}: “{quote}.”", frozenset()),
    "role_in_new_sentence_after_quote": ("“{quote},” said {name}. {Surname} is {role} of {the_body}.",
                                         frozenset()),
    "role_in_new_sentence_serves_as": (("“{quote},” {name} told {audience}. {Surname} has served as {role} at "
                                        "{the_body} since 2019."), frozenset()),
    "name_of_body_said_colon": ("{name} of {the_body} said: “{quote}.”", frozenset({"norole"})),
    "name_from_body_said": ("“{quote},” said {name} from {the_body}.", frozenset({"norole"})),
    "possessive_body_role_name_said": ("{The_body_s} {role} {name} said: “{quote}.”", frozenset()),
    "quote_possessive_role_comma_name": ("“{quote},” {the_body_s} {role}, {name}, told {audience}.", frozenset()),
    "name_possessive_body_role": ("{name}, {the_body_s} {role}, said: “{quote}.”", frozenset()),
    "who_chairs_body": ("{name}, who chairs {the_body}, said: “{quote}.”", frozenset({"norole"})),
    "who_has_led_as_role": (("“{quote},” said {name}, who has been {role} of {the_body} for six years."),
                            frozenset()),
    "body_spokesperson_name": ("{Body} spokesperson {name} said: “{quote}.”", frozenset({"spokesperson"})),
    "quote_body_spokesperson_name": ("“{quote},” {Body} spokesperson {name} said.", frozenset({"spokesperson"})),
    "as_role_of_body_name_said": ("As {role} of {the_body}, {name} said {clause}.", frozenset()),
    "inverted_sentence_start": ("The {role} of {the_body}, {name}, said: “{quote}.”", frozenset()),
    "role_with_body": ("{name}, {role} with {the_body}, said: “{quote}.”", frozenset()),
    "acronym_in_parentheses": ("{name}, {role} at {the_body} ({acronym}), told {audience}: “{quote}.”",
                               frozenset({"acronym_body"})),
    "acronym_role_name_quote_after": ("“{quote},” said {acronym} {role} {name}.",
                                      frozenset({"acronym_body", "acronym"})),
    "dash_apposition": ("{name} — {role}, {Body} — said: “{quote}.”", frozenset()),
    "asked_replied": ("Asked whether the plan would survive, {name}, {role} at {the_body}, replied: “{quote}.”",
                      frozenset()),
    "split_quote": ("“{quote},” said {name}, {role} of {the_body}. “{quote2}.”", frozenset()),
    "quote_said_in_statement_trailing": (("“{quote},” said {name}, {role} of {the_body}, in a statement released "
                                          "on Thursday."), frozenset()),
    "speaking_on_behalf": ("Speaking on behalf of {the_body}, {Role} {name} said: “{quote}.”", frozenset()),
    "two_speakers_joint": (("In a joint statement, {name}, {role} of {the_body}, and {name2}, {role2} of "
                            "{the_body2}, said: “{quote}.”"), frozenset({"two"})),
    "two_speakers_agreed": (("“{quote},” said {name}, {role} of {the_body}. {name2}, {role2} at {the_body2}, "
                             "agreed: “{quote2}.”"), frozenset({"two"})),
    "two_speakers_one_sentence_colon": (("{name}, {role} at {the_body}, said {clause}; {name2}, {role2} of "
                                         "{the_body2}, said she disagreed."), frozenset({"two"})),
    "surname_later_told": (("{name}, {role} of {the_body}, spoke at the launch on Friday. {filler}\n\n"
                            "“{quote},” {Surname} told {audience}."), frozenset()),
    "surname_later_said_colon": (("The plan was welcomed by {name}, {role} at {the_body}. {filler}\n\n"
                                  "{Surname} said: “{quote}.”"), frozenset()),
    "letter_to_editor_signed": (("To the editor,\n\n{clause_cap}. {filler}\n\nSincerely,\n{name}\n{Role}\n{Body}"),
                                frozenset({"document"})),
    "email_signed_with_phone": (("Dear Mr Thorburn,\n\nThank you for your note. {clause_cap}.\n\nKind regards\n\n"
                                 "{name}\n{Role}\n{Body}\nTel: 01632 960 481"), frozenset({"document"})),
    "letter_role_comma_body_line": (("Dear Councillor,\n\nWe write about the ferry. {clause_cap}.\n\n"
                                     "With best wishes,\n\n{name}\n{Role}, {Body}"), frozenset({"document"})),
    "open_letter_on_behalf": (("An open letter to the minister\n\n{clause_cap}. {filler}\n\nSigned,\n{name}\n"
                               "{Role}\non behalf of {the_body}"), frozenset({"headline"})),
    "statement_signed_dash_lines": (("{quote}. {filler}\n\n-- \n{name}\n{Role} | {Body}"), frozenset()),
    "transcript_q_surname": (("Interview with {name}, {Role} of {the_body}\n\nQ: {question}\n{SURNAME}: {answer}.\n"
                              "Q: {question2}\n{SURNAME}: {quote}."), frozenset({"headline"})),
    "transcript_full_name_in_text": (("The following is an edited transcript of a briefing by {Role} {name} of "
                                      "{the_body}.\n\nQ: {question}\n{NAME}: {answer}.\nQ: {question2}\n"
                                      "{NAME}: {quote}."), frozenset()),
    "quote_name_role_body_comma_list": ("“{quote},” said {name}, {Role}, {Body}.", frozenset()),
    "role_name_of_body_said_that": ("{Role} {name} of {the_body} said that {clause}.", frozenset()),
    "wrote_in_blog": ("Writing on the {Body} blog, {Role} {name} said {clause}.", frozenset()),
}


def _the(body: Body, capital: bool = False) -> str:
    return (("The " if capital else "the ") + body.name) if body.the else body.name


def draw_release(form: str, rng: random.Random) -> Generated:
    """One release printing one attribution form, with the spokespeople a reader expects."""
    template, flags = FORMS[form]
    name, surname = draw_name(rng, FIRST, SURNAMES, COMPOUND)
    name2, _ = draw_name(rng, FIRST, SURNAMES, COMPOUND)
    while name2.split()[-1] == name.split()[-1] or name2.split()[0] == name.split()[0]:
        name2, _ = draw_name(rng, FIRST, SURNAMES, COMPOUND)
    body = rng.choice(ACRONYM_BODIES if "acronym_body" in flags else BODIES)
    body2 = rng.choice([b for b in BODIES if b != body])
    role = "spokesperson" if "spokesperson" in flags else rng.choice(ROLES)
    role2 = rng.choice(ROLES)
    questions = rng.sample(QUESTIONS, 2)
    parts = {
        "name": name, "Surname": surname, "SURNAME": surname.upper(), "NAME": name.upper(), "role": role,
        "Role": capitalised(role), "the_body": _the(body), "The_body": _the(body, capital=True),
        "Body": body.name, "acronym": body.acronym or "", "name2": name2, "role2": role2,
        "the_body2": _the(body2), "quote": rng.choice(QUOTES), "quote2": rng.choice(QUOTES2),
        "clause": rng.choice(CLAUSES), "audience": rng.choice(AUDIENCES), "filler": rng.choice(FILLER),
        "question": questions[0], "question2": questions[1], "answer": rng.choice(ANSWERS),
    }
    parts["clause_cap"] = parts["clause"][:1].upper() + parts["clause"][1:]
    parts["the_body_s"], parts["The_body_s"] = (parts[k] + ("'" if body.name.endswith("s") else "'s")
                                                for k in ("the_body", "The_body"))
    attribution = template.format(**parts)
    role_text = None if "norole" in flags else role
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
        elif rng.random() < 0.4:
            sentences.append(rng.choice(FILLER))
    if "document" in flags:
        title, text = None, attribution
    elif "headline" in flags:
        title, _, text = attribution.partition("\n\n")
        text = "\n\n".join(p for p in (" ".join(before), text) if p)
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
