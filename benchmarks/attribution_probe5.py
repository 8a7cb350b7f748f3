"""A sixth attribution grammar, written apart from the other five (and without reading the extractor's rules), and
scored first seen.

Other bodies (government departments with `of` chains, universities, sports clubs, regulators, small firms), other
names (particles, hyphens, many origins), and other frames: a quote split around its attribution mid-sentence, a
pronoun after an action sentence and a quote running on, interim and acting titles, deputy/vice/assistant titles
before the name, two titles joined by `and` before the name, honorifics (`Sir`, `Dame`, `Revd`) and
`(pictured)` asides, ages in apposition, `a spokeswoman for`, `who heads X's unit`, a second and former affiliation,
appointments (the predecessor named, not quoted), the role given paragraphs before the full name is quoted, the
body named in the sentence before (`the club's captain`), a Q&A under a headline naming the speaker, a committee's
evidence transcript labelled with full names, a letter `For and on behalf of` a body, `the letter, signed by`, a
headline naming a person who steps down, and people named but not quoted (thanked, declining to comment, a media
contact). It only measures. Every text is invented.
"""
from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

from tests.attribution_grammar import Generated, Speaker, capitalised, draw_name

FEMALE = ["Adaeze", "Eleni", "Gunnhild", "Jovana", "Lerato", "Nkechi", "Orla", "Sakura", "Ulla", "Valentina",
          "Ximena", "Zeynep", "Mei-ling", "Rangimarie", "Thuy", "Ayşe", "Keala", "Bronagh"]
MALE = ["Bartosz", "Dumisani", "Faisal", "Ikaika", "Kaveh", "Maximilian", "Pedro", "Timur", "Wei", "Yerlan",
        "Jae-won", "Olumide", "Cathal", "Anselm", "Rohan", "Mikael", "Tavita", "Yosef"]
SURNAMES = ["Adeyinka", "Barzani", "Cruz-Mendoza", "Dvořák", "Eze", "Fonseca", "Gunawardena", "Hakimi", "Ivanova",
            "Jokinen", "Kamau", "Lombardi", "Nieminen", "Obi", "Przybylski", "Rautenbach", "Sato", "Tawhiri",
            "Ulusoy", "Vlahos", "Wickramasinghe", "Xu", "Zapata", "Mahoney", "Kristiansen", "Aziz"]
COMPOUND = ["van Aalst", "de Oliveira", "da Silva Pinto", "bin Yusof", "Ní Bhriain", "Mac Aodha", "von Ehrenfeld",
            "ibn Khalid", "del Valle", "Al-Mansouri", "ter Steege", "N'Diaye", "Fitzroy-Ames", "Le Bihan"]
# People named but not quoted draw from their own names, so that none shares a name with a speaker.
OTHER_FIRST = ["Ambrose", "Clementine", "Fenella", "Gideon", "Hortense", "Leopold", "Marigold", "Rupert"]
OTHER_SURNAMES = ["Kettlewell", "Applegarth", "Dunstable", "Pettigrew", "Sowerby", "Whitlam", "Ormerod", "Brackley"]


@dataclass(frozen=True, slots=True)
class Body:
    """An organisation: its name, whether running text prints `the` before it, and the noun a later mention uses."""

    name: str
    the: bool = False
    kind: str = "organisation"


BODIES = [
    Body("Kelmarsh Wetlands Trust", the=True, kind="trust"), Body("Arveno Logistics", kind="company"),
    Body("Office of the Water Standards Commissioner", the=True, kind="office"),
    Body("Brackwater Valley Health Authority", the=True, kind="authority"),
    Body("Coalition for Safe Harbours", the=True, kind="coalition"),
    Body("Lindenfeld Tenants' Association", the=True, kind="association"), Body("Marisco Foods plc", kind="company"),
    Body("Pennarth Borough Council", kind="council"), Body("Tollgate Street Law Centre", the=True, kind="centre"),
    Body("Zephyrine Aerospace", kind="company"), Body("National Guild of Hearing Therapists", the=True, kind="guild"),
    Body("Rookwood Energy Regulator", the=True, kind="regulator"),
    Body("Glenvarra Community Land Trust", the=True, kind="trust"), Body("Quillon & Drake Architects", kind="firm"),
    Body("Women's Refuge Network of Carrowmore", the=True, kind="network"),
    Body("Hollin Bay Ferries Ltd", kind="company"),
]
UNIVERSITIES = [Body("University of Eastmoor", the=True), Body("Kelmarsh University"),
                Body("Brackwater Institute of Technology", the=True),
                Body("Royal College of Harbour Medicine", the=True), Body("Tamsin Valley University")]
SPORTS = [Body("Kelvindale Rovers FC", kind="club"), Body("Eastmere Rowing Federation", the=True, kind="federation"),
          Body("Harrowgate Hawks", the=True, kind="club"), Body("Northshore Netball League", the=True, kind="league"),
          Body("Pennarth Athletic Club", kind="club")]
DEPARTMENTS = [Body("Department of Fisheries and Ocean Resources", the=True),
               Body("Ministry of Health, Labour and Social Welfare", the=True),
               Body("Department for Rural Roads and Bridges", the=True),
               Body("Office of the Commissioner for Inland Waterways", the=True),
               Body("Ministry of Education and Vocational Training", the=True)]
# Kitchens, drawn only with the title `owner and head chef`, so that no tenants' association has a head chef.
KITCHENS = [Body("Saffron Quay Kitchen", kind="restaurant"), Body("The Lantern & Ladle", kind="restaurant"),
            Body("Osteria Balzano", kind="restaurant")]
POOLS = {"uni": UNIVERSITIES, "sport": SPORTS, "gov": DEPARTMENTS}

ROLES = ["chief executive", "director of campaigns", "head of legal services", "chair", "senior economist",
         "operations director", "head of membership", "policy manager for the south-west", "treasurer",
         "director of clinical services", "head of public affairs", "lead organiser", "managing partner",
         "chief financial officer", "director of research and advocacy"]
OTHER_ROLES = ["managing director", "head of procurement", "chief inspector", "board secretary", "project lead"]
GOV_ROLES = ["permanent secretary", "deputy director-general for inland fisheries",
             "assistant secretary for water policy", "chief veterinary officer",
             "director of road safety", "principal adviser on bridges and tunnels"]
DEPUTY_ROLES = ["deputy director", "vice-chair", "assistant chief executive", "deputy commissioner", "vice-president",
                "deputy head of operations", "assistant director for planning", "vice-principal"]
SPORT_ROLES = ["head coach", "captain", "director of rugby", "chief executive", "performance director",
               "club secretary", "team manager"]
DUAL_ROLES = ["co-founder and chief executive", "founder and managing director", "chair and chief executive",
              "president and chief operating officer", "owner and head chef", "secretary and treasurer"]
INTERIM = ["interim", "acting"]
FIELDS = ["coastal hydrology", "public health", "marine ecology", "urban planning", "comparative law",
          "veterinary epidemiology"]
UNITS = ["data science unit", "enforcement team", "international desk", "grants programme", "estates department"]
ASIDES = ["pictured", "left", "right", "centre", "above"]
HONORIFICS = {"f": ["Dame", "Ms", "Revd"], "m": ["Sir", "Mr", "Revd"]}

QUOTES = ["The harbour wall will be finished before the storms come", "We asked for a hearing and we were ignored",
          "Every tenant on the estate deserves a dry home", "These results are the best in the trust's history",
          "Our crews are ready and the boats are in the water", "The rules are clear and we intend to enforce them",
          "Nobody voted for longer waits at the surgery", "This is the season we have been building towards"]
QUOTES2 = ["We will publish the full figures in June", "The door remains open for talks",
           "I am proud of every one of our volunteers", "There is more to do, and we will do it"]
SPLIT_QUOTES = [("We have listened to the residents", "and the new timetable reflects what they told us"),
                ("The river is cleaner than it has been in decades", "but the work is far from finished"),
                ("The money is there", "and now it has to reach the wards"),
                ("Nobody wanted this strike", "least of all the crews who lose a week's pay")]
CLAUSES = ["the scheme would close two rural surgeries", "the ferry fares would stay frozen until April",
           "the inspection had found damp in one home in five", "the new depot would bring sixty jobs to the valley",
           "the grant would cover the repairs to the sea wall"]
QUESTIONS = ["What went wrong last winter?", "Who pays for the repairs?", "How many homes are affected?",
             "When will the work start?"]
ANSWERS = ["We underestimated how fast the water would rise", "The cost is shared with the council",
           "We think around four hundred", "The contractors are on site from Monday"]
AUDIENCES = ["reporters", "the Carrowmore Echo", "a morning radio show", "the annual meeting"]
NEWS = ["a new stadium lease", "the season's fixture list", "two coaching appointments", "a move to a new ground"]
HEADLINES = ["Sea wall repairs to begin in spring", "Ferry fares frozen until April", "Surgery closures put on hold",
             "Depot brings jobs to the valley", "Damp survey published", "Regulator sets new water limits"]
FILLER = ["The consultation closes on 30 June.", "A public meeting is planned for next month.",
          "The full report is available online.", "The scheme was first proposed in 2019."]
DISTRACTORS = ["The exhibition was curated by {d}.", "Credit: {d}/Handout", "{d} was fined by magistrates on Monday.",
               "A vigil was held for {d}, who died in the flood.", "The original plans were drawn up by {d}.",
               "The petition was started by {d}, a retired fisherman."]
PHONES = ["01632 960 117", "+44 1632 960 842", "0117 496 0312"]

# Template, and flags: `norole` (no role expected), `two` (a second speaker), `document` (no title), `headline` (the
# first paragraph is the title), a pool of bodies (`uni`, `sport`, `gov`), and where the role comes from (`dual`,
# `interim`, `deputy`, `prof`, `spokes`, `sportrole`, `govrole`). A `{d}` in a template is a person named, not quoted.
FORMS: dict[str, tuple[str, frozenset[str]]] = {
    "split_quote_mid_sentence": ("“{qa},” said {name}, {role} of {the_body}, “{qb}.”", frozenset()),
    "action_sentence_then_pronoun_quote_runs_on": (("{name}, {role} at {the_body}, welcomed the vote on Monday. "
                                                    "“{quote},” {pron} said. “{quote2}.”"), frozenset()),
    "interim_or_acting_role": ("“{quote},” said {name}, {role} of {the_body}.", frozenset({"interim"})),
    "government_department_of_chain": ("{name}, {role} at {the_body}, said on Thursday that {clause}.",
                                       frozenset({"gov", "govrole"})),
    "a_professor_of_field_at_university": ("“{quote},” said {name}, a professor of {field} at {the_body}.",
                                           frozenset({"uni", "prof"})),
    "honorific_before_name": ("{hon} {name}, {role} of {the_body}, said: “{quote}.”", frozenset()),
    "a_spokeswoman_for_body_name_told": ("“{quote},” a {role} for {the_body}, {name}, told {audience}.",
                                         frozenset({"spokes"})),
    "body_dual_title_name_said": ("{Body} {Role} {name} said: “{quote}.”", frozenset({"dual"})),
    "pictured_aside": ("{name} ({aside}), {role} of {the_body}, said: “{quote}.”", frozenset()),
    "deputy_title_name_of_body_announced": ("{Role} {name} of {the_body} announced on Monday that {clause}.",
                                            frozenset({"deputy"})),
    "two_speakers_second_disagreed": (("{name}, {role} of {the_body}, said: “{quote}.”\n\nBut {name2}, {role2} at "
                                       "{the_body2}, disagreed. “{quote2},” {pron2} said."), frozenset({"two"})),
    "thanked_named_colleague": (("{name}, {role} of {the_body}, thanked {d}, {d_role} at {the_body2}, for the help "
                                 "with the survey. “{quote},” {Surname} said."), frozenset()),
    "other_declined_to_comment": (("{name}, {role} of {the_body}, said {clause}. {d}, {d_role} of {the_body2}, did "
                                   "not respond to a request for comment."), frozenset()),
    "appointed_succeeding_predecessor": (("{The_body} has appointed {name} as its new {role}, succeeding {d}, who "
                                          "retires in June.\n\n“{quote},” said {surname}."), frozenset()),
    "appointed_then_full_name_quoted_later": (("{name} was appointed {role} of {the_body} in March. {filler}\n\n"
                                               "“{quote},” {name} said on Wednesday."), frozenset()),
    "qa_under_headline_naming_speaker": (("Five questions for {name}, {Role} at {Body}\n\nQ. {question}\n"
                                          "A. {answer}.\nQ. {question2}\nA. {quote}."), frozenset({"headline"})),
    "letter_for_and_on_behalf_of": (("Dear Chair,\n\n{clause_cap}. {filler}\n\nFor and on behalf of {the_body},\n\n"
                                     "{name}\n{Role}"), frozenset({"document"})),
    "the_letter_signed_by": ("The letter, signed by {name}, {role} of {the_body}, warns that {clause}.", frozenset()),
    "age_in_apposition": ("{name}, {age}, {role} at {the_body}, said: “{quote}.”", frozenset()),
    "body_in_sentence_before_the_club_s_role": (("{The_body} announced {news} on Friday. “{quote},” said "
                                                 "{name}, the {kind}'s {role}."), frozenset({"sport", "sportrole"})),
    "media_contact_line_after": (("{name}, {role} at {the_body}, said {clause}.\n\nENDS\n\nFor media enquiries "
                                  "contact {d} on {phone}."), frozenset()),
    "second_former_affiliation": ("“{quote},” said {name}, {role} of {the_body} and a former {role2} at {the_body2}.",
                                  frozenset()),
    "who_heads_possessive_body_unit": ("{name}, who heads {the_body_s} {unit}, said: “{quote}.”",
                                       frozenset({"norole"})),
    "said_name_possessive_body_role_trailing": ("“{quote},” said {name}, {the_body_s} {role}.", frozenset()),
    "committee_evidence_full_name_labels": (("Witnesses: {name}, {Role}, {Body}; {name2}, {Role2}, {Body2}.\n\n"
                                             "Q1 Chair: {question}\n{name}: {answer}.\n{name2}: {quote2}."),
                                            frozenset({"two"})),
    "headline_names_person_stepping_down": (("{name} to step down as {Role} of {the_body}\n\n{name} will leave "
                                             "{the_body} at the end of the year after nine years in post, the board "
                                             "said on Monday. “{quote},” {pron} said in a message to staff."),
                                            frozenset({"headline"})),
}


def _the(body: Body, capital: bool = False) -> str:
    return (("The " if capital else "the ") + body.name) if body.the else body.name


def _person(rng: random.Random) -> tuple[str, str, str]:
    """A name, its surname as printed mid-sentence, and `f` or `m` for the pronoun and honorific."""
    gender = rng.choice("fm")
    name, _ = draw_name(rng, FEMALE if gender == "f" else MALE, SURNAMES, COMPOUND)
    surname = next(s for s in [*COMPOUND, *SURNAMES] if name.endswith(" " + s))
    return name, surname, gender


def _role(flags: frozenset[str], gender: str, rng: random.Random) -> str:
    if "dual" in flags:
        return rng.choice(DUAL_ROLES)
    if "interim" in flags:
        return f"{rng.choice(INTERIM)} {rng.choice(ROLES)}"
    if "deputy" in flags:
        return rng.choice(DEPUTY_ROLES)
    if "spokes" in flags:
        return "spokeswoman" if gender == "f" else "spokesman"
    if "sportrole" in flags:
        return rng.choice(SPORT_ROLES)
    if "govrole" in flags:
        return rng.choice(GOV_ROLES)
    return rng.choice(ROLES)


def draw_release(form: str, rng: random.Random) -> Generated:
    """One release printing one attribution form, with the spokespeople a reader expects."""
    template, flags = FORMS[form]
    name, surname, gender = _person(rng)
    name2, _, gender2 = _person(rng)
    while name2.split()[-1] == name.split()[-1] or name2.split()[0] == name.split()[0]:
        name2, _, gender2 = _person(rng)
    pool = next((POOLS[p] for p in POOLS if p in flags), BODIES)
    body = rng.choice(pool)
    role = _role(flags, gender, rng)
    if role == "owner and head chef":
        body = rng.choice(KITCHENS)
    body2 = rng.choice([b for b in BODIES if b != body])
    role2 = rng.choice([r for r in ROLES if r != role])
    field = rng.choice(FIELDS)
    if "prof" in flags:
        role = f"professor of {field}"
    qa, qb = rng.choice(SPLIT_QUOTES)
    questions = rng.sample(QUESTIONS, 2)
    clause = rng.choice(CLAUSES)
    others = [f"{f} {s}" for f in OTHER_FIRST for s in OTHER_SURNAMES]
    d_in_template = "{d}" in template
    d = rng.choice(others)
    parts = {
        "name": name, "surname": surname, "Surname": surname[:1].upper() + surname[1:], "role": role,
        "Role": capitalised(role), "the_body": _the(body), "The_body": _the(body, capital=True), "Body": body.name,
        "kind": body.kind, "name2": name2, "role2": role2, "Role2": capitalised(role2), "the_body2": _the(body2),
        "Body2": body2.name, "pron": "she" if gender == "f" else "he", "pron2": "she" if gender2 == "f" else "he",
        "hon": rng.choice(HONORIFICS[gender]), "quote": rng.choice(QUOTES), "quote2": rng.choice(QUOTES2),
        "qa": qa, "qb": qb, "clause": clause, "clause_cap": clause[:1].upper() + clause[1:], "field": field,
        "audience": rng.choice(AUDIENCES), "filler": rng.choice(FILLER), "question": questions[0],
        "question2": questions[1], "answer": rng.choice(ANSWERS), "aside": rng.choice(ASIDES),
        "age": rng.randint(31, 68), "unit": rng.choice(UNITS), "news": rng.choice(NEWS), "d": d,
        "d_role": rng.choice(OTHER_ROLES), "phone": rng.choice(PHONES),
    }
    parts["the_body_s"] = parts["the_body"] + ("'" if body.name.endswith("s") else "'s")
    attribution = template.format(**parts)
    role_text = None if "norole" in flags else (parts["Role"] if "{Role}" in template else role)
    speakers = [Speaker(name, role_text, body.name)]
    if "two" in flags:
        speakers.append(Speaker(name2, parts["Role2"] if "{Role2}" in template else role2, body2.name))
    distractors: list[str] = [d] if d_in_template else []
    before, after = [], []
    for sentences in (before, after):
        if rng.random() < 0.5:
            distractor = rng.choice([o for o in others if o not in distractors])
            distractors.append(distractor)
            sentences.append(rng.choice(DISTRACTORS).format(d=distractor))
        elif rng.random() < 0.4:
            sentences.append(rng.choice(FILLER))
    if "document" in flags:
        title, text = None, attribution
        distractors = [d] if d_in_template else []
    elif "headline" in flags:  # the form's first paragraph is the release's title; no sentence before it
        title, _, text = attribution.partition("\n\n")
        text = "\n\n".join(p for p in (text, " ".join(after)) if p)
        distractors = [p for p in distractors if p in text]
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
