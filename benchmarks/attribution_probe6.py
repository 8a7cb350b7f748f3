"""A seventh attribution grammar, written apart from the other six (and without reading the extractor's rules), and
scored first seen.

Other bodies (city councils, police forces, hospitals, universities, charities, unions, companies with `Ltd`/`GmbH`/
`S.A.`/`LLP`, sports clubs, UN-style agencies with acronyms, ministries whose names hold commas and `of` chains, think
tanks), other names, and other frames: `who chairs X's finance committee`, a lowercase `spokesman` between a body and
a name, `X's head of Y, in a statement` after the name, `role at X since 2019`, a pronoun quote in the paragraph after
an action sentence, `Name of X told Y that`, `according to` at a sentence's end with `a senior fellow`, `X's Name, the
trust's role`, roles with commas inside (`vice president, operations`), `(pictured), who was appointed`, an age and a
hometown before a membership, two titles before the name, an em-dash pull quote signed with a body only, `the
statement from Name, its role, read`, `in an emailed statement`, two speakers of one body, a person only paraphrased
by the speaker, a photo caption naming a person with a role, an acronym given in brackets and used later, police
ranks, `Councillor`/`Cllr`, `role in the Ministry of A, B and C`, a club's website, `Its role, Name,` after an
agency's sentence, `-elect` titles, and a joint letter's two signatories. It only measures. Every text is invented.
"""
from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

from tests.attribution_grammar import Generated, Speaker, capitalised, draw_name

FEMALE = ["Abena", "Birgitta", "Carmela", "Dilnoza", "Efua", "Fiorella", "Gulnara", "Hinemoa", "Itzel", "Jolanta",
          "Kanoa", "Laleh", "Mariam", "Nomvula", "Oona", "Pania", "Radhika", "Soo-ah", "Tanvi", "Ugne", "Xochitl",
          "Yevgenia"]
MALE = ["Akoni", "Benedikt", "Chinedu", "Dario", "Emre", "Fergal", "Goran", "Hemi", "Ilario", "Jasper", "Kwabena",
        "Lachlan", "Matías", "Nikolaos", "Obinna", "Pavel", "Quang", "Rashad", "Sipho", "Tiago", "Vusi", "Hyun-jae"]
SURNAMES = ["Agyeman", "Baranauskas", "Cárdenas", "Dzhaparov", "Ekwueme", "Fogarty", "Gashi", "Hämäläinen",
            "Ilunga", "Jablonski", "Kealoha", "Lungu", "Mårtensson", "Nwachukwu", "Oyarzún", "Papageorgiou",
            "Rangihuna", "Sithole", "Trinh", "Urquhart", "Vaitkus", "Wirihana", "Yıldız", "Zielinski",
            "Bhattacharya", "Kovacs"]
COMPOUND = ["van Leeuwen", "de Almeida", "Ó Conaill", "bin Rahman", "Mac Suibhne", "von Trapp-Lindner",
            "al-Qasimi", "du Plessis", "Da Cunha", "Ní Mhurchú", "Santos-Ocampo", "ter Haar", "O'Driscoll"]
# People named but not quoted draw from their own names, so that none shares a name with a speaker.
OTHER_FIRST = ["Agatha", "Bartholomew", "Constance", "Erasmus", "Griselda", "Jerome", "Leocadia", "Montague"]
OTHER_SURNAMES = ["Blenkinsop", "Crabtree", "Dimmock", "Gathercole", "Larkworthy", "Nettleship", "Pocock",
                  "Swithinbank"]


@dataclass(frozen=True, slots=True)
class Body:
    """An organisation: its name, whether running text prints `the` before it, the noun a later mention uses, and
    its acronym when the text may give one."""

    name: str
    the: bool = False
    kind: str = "organisation"
    acronym: str | None = None


COUNCILS = [Body("Arnmouth City Council", kind="council"), Body("Kilbrannan District Council", kind="council"),
            Body("Lowther Vale Borough Council", kind="council")]
POLICE = [Body("Westvale Constabulary", kind="force"), Body("Arnmouth and Fenside Police", kind="force"),
          Body("Carrick Bay Police Service", the=True, kind="force")]
HOSPITALS = [Body("St Ursula's General Hospital", kind="hospital"),
             Body("Kilbrannan Royal Infirmary", the=True, kind="hospital"),
             Body("Lowther Children's Hospital", kind="hospital")]
UNIVERSITIES = [Body("University of Calderbridge", the=True, kind="university"),
                Body("Fenside Metropolitan University", kind="university")]
CHARITIES = [Body("Hollowmere Hedgehog Rescue", kind="charity"), Body("Tideline Foodshare", kind="charity"),
             Body("Kinship Carers' Trust", the=True, kind="charity"),
             Body("Friends of Quarrybank Woods", kind="charity")]
UNIONS = [Body("Union of Port and Harbour Workers", the=True, kind="union", acronym="UPHW"),
          Body("Federated Nurses' Union", the=True, kind="union", acronym="FNU"),
          Body("Bus and Tram Drivers' Association", the=True, kind="union")]
COMPANIES = [Body("Ferrantin Tiles Ltd", kind="company"), Body("Kaltwasser Pumpen GmbH", kind="company"),
             Body("Navalia Transportes S.A.", kind="company"), Body("Gorringe Ashby LLP", kind="firm"),
             Body("Quenby Foods Ltd", kind="company"), Body("Solvey Mobility S.A.", kind="company")]
CLUBS = [Body("Dunlow Harriers AC", kind="club"), Body("Kirkhaven Athletic FC", kind="club"),
         Body("Marsh Benton Rugby Club", kind="club"), Body("Ashby Vale Cricket Club", kind="club")]
AGENCIES = [Body("United Nations Office for Highland Development", the=True, kind="agency", acronym="UNOHD"),
            Body("Intergovernmental Agency for River Basins", the=True, kind="agency", acronym="IARB"),
            Body("International Office for Seed Security", the=True, kind="agency", acronym="IOSS"),
            Body("World Coastal Observatory", the=True, kind="agency", acronym="WCO")]
MINISTRIES = [Body("Ministry of Agriculture, Fisheries and Rural Affairs", the=True, kind="ministry"),
              Body("Ministry of Labour, Employment and Social Protection", the=True, kind="ministry"),
              Body("Department of Health and Social Care of the Northern Province", the=True, kind="department"),
              Body("Ministry of Transport, Ports and Civil Aviation", the=True, kind="ministry")]
THINK_TANKS = [Body("Institute for Northern Prosperity", the=True, kind="institute"),
               Body("Harcastle Centre for Transport Policy", the=True, kind="centre"),
               Body("Ridgeway Foundation for Public Finance", the=True, kind="foundation")]
GENERAL = COUNCILS + HOSPITALS + UNIVERSITIES + CHARITIES + UNIONS + COMPANIES + CLUBS
POOLS = {"council": COUNCILS, "police": POLICE, "company": COMPANIES, "club": CLUBS, "agency": AGENCIES,
         "ministry": MINISTRIES, "thinktank": THINK_TANKS, "members": UNIONS + CHARITIES + CLUBS,
         "elect": UNIONS + CHARITIES + CLUBS + UNIVERSITIES, "spokes": POLICE + COUNCILS + COMPANIES + HOSPITALS,
         "acronym": AGENCIES + [b for b in UNIONS if b.acronym]}

KIND_ROLES = {
    "council": ["chief executive", "director of environmental services", "head of planning",
                "strategic director for housing"],
    "force": ["chief constable", "assistant chief constable", "head of corporate communications",
              "deputy chief constable"],
    "hospital": ["medical director", "chief nurse", "director of emergency medicine", "consultant cardiologist"],
    "university": ["vice-chancellor", "pro-vice-chancellor for research", "dean of engineering", "registrar"],
    "charity": ["chief executive", "head of fundraising", "director of policy and campaigns", "founder"],
    "union": ["general secretary", "regional organiser", "assistant general secretary", "national officer for health"],
    "company": ["managing director", "chief financial officer", "head of sustainability", "sales director",
                "chief executive"],
    "firm": ["senior partner", "head of employment law", "managing partner"],
    "club": ["chairman", "head coach", "club secretary", "team manager"],
    "agency": ["director", "regional director", "head of emergency operations", "chief of staff"],
    "ministry": ["permanent secretary", "chief economist", "director-general for trade policy", "deputy minister"],
    "department": ["permanent secretary", "chief medical adviser", "director of primary care"],
    "institute": ["senior fellow", "research fellow", "director of research", "visiting fellow"],
    "centre": ["senior fellow", "research fellow", "director of research", "visiting fellow"],
    "foundation": ["senior fellow", "research fellow", "chief economist", "visiting fellow"],
}
# The title a member holds and the word that links it to the body, by the body's kind.
MEMBER_ROLES = {"union": [("member", "of"), ("shop steward", "for")], "charity": [("volunteer", "with"),
                ("trustee", "of")], "club": [("member", "of"), ("volunteer", "at")]}
COMMA_ROLES = ["vice president, operations", "director, public affairs", "head, corporate communications",
               "manager, community relations", "senior vice president, supply chain"]
DUAL_ROLES = ["chief executive and co-founder", "founder and chair", "co-founder and chief technology officer",
              "managing director and co-owner"]
ELECT_ROLES = ["president", "chair", "general secretary"]
RANKS = ["Detective Chief Inspector", "Superintendent", "Chief Inspector", "Detective Sergeant",
         "Assistant Chief Constable"]
PORTFOLIOS = ["housing", "climate and transport", "adult social care", "finance and resources"]
COMMITTEES = ["finance", "audit", "ethics", "safeguarding", "remuneration"]
DEPTS = ["communications", "estates", "public health", "people and culture", "digital services"]
TOWNS = ["Kirkhaven", "Dunlow", "Marsh Benton", "Ashby Vale", "Carrigmore", "Pelham Sands"]
OTHER_ROLES = ["operations manager", "head of procurement", "site director", "project engineer", "finance officer"]

QUOTES = ["The ward will stay open for as long as patients need it", "Our members voted with their feet",
          "Nobody in this town should have to choose between heating and eating",
          "We have waited eleven years for this ruling", "The pitch will be ready for the new season",
          "This is money that should have reached the valleys years ago",
          "The figures are worse than anyone on the board expected", "Every driver deserves a safe place to rest"]
QUOTES2 = ["We will go through the ruling line by line", "The volunteers made this happen",
           "There is no plan B, and there never was", "We are ready to sit down tomorrow"]
CLAUSES = ["the night bus would return in October", "the new ward would need forty more nurses",
           "the seed bank had lost a third of its stock in the floods", "the harbour levy would rise by a fifth",
           "the grant would pay for two new floodlights", "rents in the old town had doubled since 2015"]
AUDIENCES = ["reporters outside the court", "the Kirkhaven Gazette", "a breakfast radio programme",
             "delegates at the conference", "the regional assembly"]
HEADLINES = ["Night bus service to return", "Hospital ward saved from closure", "Union backs pay offer",
             "Floodlights approved for club ground", "Seed bank hit by floods", "Harbour levy to rise",
             "Tribunal rules in favour of drivers"]
FILLER = ["The report runs to ninety pages.", "A public meeting is planned for the spring.",
          "The decision can be appealed within twenty-eight days.", "The scheme was first proposed in 2017."]
DISTRACTORS = ["The ceremony was hosted by {d}.", "Photo: {d}/Supplied", "{d}, 29, was arrested at the scene.",
               "The new wing was designed by {d}, an architect from Dunlow.", "The ribbon was cut by {d}.",
               "Flowers were left for {d}, who died in the fire."]

# Template, and flags: `norole` (no role expected), `two` (a second speaker, `two_same` of the same body), a pool of
# bodies (a key of POOLS, else GENERAL), and where the role comes from (`member`, `comma`, `dual`, `elect`, `rank`,
# `cabinet`, `head_of`, `spokes`). A `{d}` in a template is a person named, not quoted.
FORMS: dict[str, tuple[str, frozenset[str]]] = {
    "who_chairs_possessive_committee": ("{name}, who chairs {the_body_s} {committee} committee, said: “{quote}.”",
                                        frozenset({"norole"})),
    "body_lowercase_spokes_name_said_that": ("{Body} {role} {name} said on Tuesday that {clause}.",
                                             frozenset({"spokes"})),
    "said_name_possessive_head_of_in_statement": ("“{quote},” said {name}, {the_body_s} {role}, in a statement.",
                                                  frozenset({"head_of"})),
    "name_role_at_body_since_year": ("{name}, {role} at {the_body} since {year}, said: “{quote}.”", frozenset()),
    "welcomed_then_pronoun_quote_next_paragraph": (("{name}, {role} at {the_body}, welcomed the ruling.\n\n"
                                                    "“{quote},” {pron} added."), frozenset()),
    "name_of_body_told_audience_that": ("{name} of {the_body} told {audience} that {clause}.",
                                        frozenset({"norole"})),
    "clause_first_according_to_a_fellow": ("{clause_cap}, according to {name}, a {role} at {the_body}.",
                                           frozenset({"thinktank"})),
    "possessive_body_name_the_kinds_role": ("{The_body_s} {name}, the {kind}'s {role}, said: “{quote}.”",
                                            frozenset()),
    "role_with_internal_commas": ("{name}, {role}, at {Body}, said: “{quote}.”", frozenset({"company", "comma"})),
    "pictured_then_who_was_appointed": (("“{quote},” said {name} (pictured), who was appointed {role} of "
                                         "{the_body} last year."), frozenset()),
    "age_hometown_member_of_body": ("{name}, {age}, of {town}, a {role} {link} {the_body}, said: “{quote}.”",
                                    frozenset({"members", "member"})),
    "said_dual_role_name_of_body": ("“{quote},” said {role} {name} of {Body}.", frozenset({"company", "dual"})),
    "em_dash_pull_quote_body_only": ("“{quote}.” — {name}, {Body}", frozenset({"norole"})),
    "statement_from_name_its_role_read": (("{The_body} issued a statement on Friday evening. “{quote},” the statement "
                                           "from {name}, its {role}, read."), frozenset()),
    "said_in_emailed_statement_that": ("{name}, {role} at {the_body}, said in an emailed statement that {clause}.",
                                       frozenset()),
    "two_colleagues_same_body": (("“{quote},” said {name}, {role} of {the_body}. {name2}, the {kind}'s {role2}, "
                                  "agreed: “{quote2}.”"), frozenset({"two_same"})),
    "paraphrases_other_person": (("{name}, {role} at {the_body}, said that {d}, the {d_role} at {the_body2}, had "
                                  "agreed to reopen talks."), frozenset()),
    "photo_caption_names_other": (("Above: {d}, {d_role} at {the_body2}, cuts the ribbon at the new depot.\n\n"
                                   "{name}, {role} at {the_body}, said: “{quote}.”"), frozenset()),
    "acronym_introduced_then_possessive_acronym_role_name": (("{The_body} ({acronym}) published its annual report on "
                                                              "Monday. {filler}\n\n“{quote},” said the {acronym}'s "
                                                              "{role} {name}."), frozenset({"acronym"})),
    "police_rank_name_comma_of_force": ("{role} {name}, of {the_body}, said: “{quote}.”",
                                        frozenset({"police", "rank"})),
    "councillor_cabinet_member_for": ("{cllr} {name}, {role} at {Body}, said: “{quote}.”",
                                      frozenset({"council", "cabinet"})),
    "role_in_ministry_of_chain": ("{name}, {role} in {the_body}, said on Wednesday that {clause}.",
                                  frozenset({"ministry"})),
    "club_role_told_club_website": ("{name}, {role} of {Body}, told the club's website: “{quote}.”",
                                    frozenset({"club"})),
    "agency_sentence_then_its_role_comma_name": (("{The_body} ({acronym}) warned on Monday that {clause}. Its {role}, "
                                                  "{name}, said: “{quote}.”"), frozenset({"agency"})),
    "role_elect_of_body": ("“{quote},” said {name}, {role} of {the_body}.", frozenset({"elect", "elect_role"})),
    "joint_letter_two_signatories_parenthesised": (("A joint letter to the minister, published on Monday, warns that "
                                                    "{clause}. It is signed by {name} ({role}, {Body}) and {name2} "
                                                    "({role2}, {Body2})."), frozenset({"two"})),
}


def _the(body: Body, capital: bool = False) -> str:
    return (("The " if capital else "the ") + body.name) if body.the else body.name


def _possessive(text: str) -> str:
    return text + ("'" if text.endswith("s") else "'s")


def _person(rng: random.Random) -> tuple[str, str]:
    """A name and `f` or `m` for the pronoun and the word `spokeswoman`/`spokesman`."""
    gender = rng.choice("fm")
    name, _ = draw_name(rng, FEMALE if gender == "f" else MALE, SURNAMES, COMPOUND)
    return name, gender


def _role(flags: frozenset[str], body: Body, gender: str, rng: random.Random) -> tuple[str, str]:
    """The role as printed in the text, and the word linking it to the body (`member` roles only)."""
    if "member" in flags:
        return rng.choice(MEMBER_ROLES[body.kind])
    if "comma" in flags:
        return rng.choice(COMMA_ROLES), ""
    if "dual" in flags:
        return rng.choice(DUAL_ROLES), ""
    if "elect_role" in flags:
        return rng.choice(ELECT_ROLES) + "-elect", ""
    if "rank" in flags:
        return rng.choice(RANKS), ""
    if "cabinet" in flags:
        return f"cabinet member for {rng.choice(PORTFOLIOS)}", ""
    if "head_of" in flags:
        return f"head of {rng.choice(DEPTS)}", ""
    if "spokes" in flags:
        return rng.choice(["spokeswoman" if gender == "f" else "spokesman", "press officer"]), ""
    return rng.choice(KIND_ROLES[body.kind]), ""


def draw_release(form: str, rng: random.Random) -> Generated:
    """One release printing one attribution form, with the spokespeople a reader expects."""
    template, flags = FORMS[form]
    name, gender = _person(rng)
    name2, _ = _person(rng)
    while name2.split()[-1] == name.split()[-1] or name2.split()[0] == name.split()[0]:
        name2, _ = _person(rng)
    pool = next((POOLS[p] for p in POOLS if p in flags), GENERAL)
    body = rng.choice(pool)
    role, link = _role(flags, body, gender, rng)
    body2 = rng.choice([b for b in GENERAL if b != body])
    if "two_same" in flags:
        role2 = rng.choice([r for r in KIND_ROLES[body.kind] if r != role])
    else:
        role2 = rng.choice(KIND_ROLES[body2.kind])
    others = [f"{f} {s}" for f in OTHER_FIRST for s in OTHER_SURNAMES]
    d_in_template = "{d}" in template
    d = rng.choice(others)
    clause = rng.choice(CLAUSES)
    parts = {
        "name": name, "role": role, "link": link, "Role": capitalised(role), "the_body": _the(body),
        "The_body": _the(body, capital=True), "Body": body.name, "kind": body.kind, "acronym": body.acronym or "",
        "name2": name2, "role2": role2, "the_body2": _the(body2), "Body2": body2.name,
        "pron": "she" if gender == "f" else "he", "quote": rng.choice(QUOTES), "quote2": rng.choice(QUOTES2),
        "clause": clause, "clause_cap": clause[:1].upper() + clause[1:], "audience": rng.choice(AUDIENCES),
        "filler": rng.choice(FILLER), "committee": rng.choice(COMMITTEES), "year": rng.randint(2011, 2022),
        "age": rng.randint(24, 71), "town": rng.choice(TOWNS), "cllr": rng.choice(["Councillor", "Cllr"]),
        "d": d, "d_role": rng.choice(OTHER_ROLES),
    }
    parts["the_body_s"], parts["The_body_s"] = _possessive(parts["the_body"]), _possessive(parts["The_body"])
    attribution = template.format(**parts).replace("S.A..", "S.A.")  # a body's full stop ends the sentence
    speakers = [Speaker(name, None if "norole" in flags else role, body.name)]
    if "two_same" in flags:
        speakers.append(Speaker(name2, role2, body.name))
    elif "two" in flags:
        speakers.append(Speaker(name2, role2, body2.name))
    distractors: list[str] = [d] if d_in_template else []
    before, after = [], []
    for sentences in (before, after):
        if rng.random() < 0.5:
            distractor = rng.choice([o for o in others if o not in distractors])
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
