"""A tenth attribution grammar, written apart from the other nine (and without reading the extractor's rules), and
scored first seen.

Other bodies (charities, companies, unions, international federations with acronyms, ministries and departments) and
other names (accents, particles, hyphens, many origins), in frames the earlier grammars do not print. A quote after a
sentence that names the person and ends in a colon with no verb of saying (`Name, role at X, was clear:`, `was blunt:`,
`did not mince her words:`), `Here is what Name, role of X, had to say:` over a quoted paragraph, `As Name, role of X,
put it at Monday's hearing:`, `In the words of Name, role at X, …` and `For Name, role of X, the ruling was “…”` around
a partial quote, `“…” That was the verdict of Name, role of X, after …`, a pull quote cited in brackets (`“…” (Name,
Role, X)`), an em-dash apposition (`Name — role of X — said:`), a quote ending `said when asked about …`, quote-first
inversion with uncommon verbs (`insisted`, `recalled`, `admitted`, `cautioned`, `countered`, …), reported speech with
no quotation marks and the attribution at its end (`The toll is a tax on the poor, Name, role of X, argued.`), and
`said through a spokesperson that`. Speeches: `Opening the Summit, Secretary-General Name of X told delegates:`, and
`Title Name of X addressed the Forum … Surname's full remarks follow:` over the unquoted text of the speech.
International titles: `Minister of State for X at the Department of Y`, and `Name, the Federation's Special
Rapporteur on X,` (a possessive body after the name, a role with nested `on`/`for`). Roles and bodies given first:
`Name leads X's housing team.` then a pronoun's quote (no role: a team is not a title), `As role of X since 2014,
Name has …` then a pronoun, `Name, role of X, spoke after the vote. Her message to ministers was simple:`, `We spoke
to Name, role at X, about …` then `she told us`, `What does Name, role of X, make of …?` then `he says`, `Writing on
X's blog, its role, Name, argued that`, and `The following statement was issued on behalf of X by Name, its role:`.
Several speakers: a joint press conference of two people from two bodies (`Asked whether …, Surname replied:`, then
`Surname2 agreed, adding that`), a joint statement by three people of three bodies (no roles), two people of one body
in a joint statement (no roles), two roles of one body with `respectively`, a headline `Joint statement by Title Name
of X and Title Name of Y`, and a bulleted list of reactions (`• Name, role, X: “…”`). Distractors: a person thanked
(with their role and body), a victim named before a statement of sympathy (and by first name inside the quote), the
author of a cited report (with role and body), and an unnamed spokesperson of another body beside the named speaker.
It only measures. Every text is invented.
"""
from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

from tests.attribution_grammar import Generated, Speaker, capitalised, draw_name

FEMALE = ["Adaeze", "Bríd", "Chiara", "Dagný", "Esperanza", "Farida", "Guðrún", "Hana", "Inés", "Jolanta",
          "Kalani", "Małgorzata", "Noémie", "Oksana", "Parisa", "Saoirse", "Tamar", "Ulrike", "Vaiana", "Yaël",
          "Zuzana", "Mi-rae", "Marie-Ève"]
MALE = ["Ahmad", "Caoimhín", "Darius", "Emeka", "Florin", "Gustavo", "Hamza", "Ioannis", "Joaquín", "Kofi", "Luca",
        "Matías", "Nikolai", "Ozan", "Pádraig", "Rahul", "Stanislav", "Teodor", "Wiremu", "Yannick", "Zoltán",
        "Jean-Baptiste", "Tae-hoon"]
SURNAMES = ["Abubakar", "Bergström", "Cárdenas", "Dimitriou", "Eze", "Fontaine", "Gallagher", "Hämäläinen",
            "Iwasaki", "Jovanović", "Kariuki", "Lemaire", "Mahlangu", "Nieminen", "Ortega", "Papadakis", "Rosenthal",
            "Sandoval", "Tshabalala", "Urquhart", "Valdés", "Wójcik", "Zieliński", "Øvergaard"]
COMPOUND = ["de Jong", "van den Berg", "di Marco", "del Castillo", "Saint-Pierre", "Abu-Zeid", "al-Rashid",
            "von Hagen", "Lloyd-Price", "MacLeod", "Le Roux", "D'Souza", "da Silva"]
# People named but not quoted draw from their own names, so that none shares a name with a speaker.
OTHER_FIRST = ["Archibald", "Bernadette", "Clementine", "Desmond", "Euphemia", "Gideon", "Henrietta", "Montgomery"]
OTHER_SURNAMES = ["Ashcombe", "Blenkinsop", "Crabtree", "Featherstone", "Honeysett", "Pennington", "Whitlow",
                  "Quarrendon"]


@dataclass(frozen=True, slots=True)
class Body:
    """An organisation: its name, whether running text prints `the` before it, its kind, and an acronym."""

    name: str
    the: bool = False
    kind: str = "ngo"
    acronym: str = ""


BODIES = [Body("Solenne Water Justice Alliance", the=True), Body("Tarnfield Community Law Centre", the=True),
          Body("Council for Rural Broadband", the=True), Body("Brookhaven Migrant Support Project", the=True),
          Body("Fairwinds Housing Association"), Body("Oldcastle Disability Forum", the=True),
          Body("Coalition for Safe Crossings", the=True), Body("Friends of the Merrow Estuary"),
          Body("Thalwen Robotics Ltd", kind="company"), Body("Pennard & Rusk Engineering", kind="company"),
          Body("Caldera Freight Lines", kind="company"), Body("Sunmere Solar Inc.", kind="company"),
          Body("Oberlin Vale Foods plc", kind="company"),
          Body("Union of Ferry and Harbour Workers", the=True, kind="union"),
          Body("National Association of School Cooks", the=True, kind="union"),
          Body("Guild of Freelance Translators", the=True, kind="union")]
ROLES = {"ngo": ["executive director", "director of campaigns", "head of research",
                 "policy lead for energy and climate", "programme director for East Africa", "chair of trustees",
                 "senior legal officer", "co-director"],
         "company": ["chief executive", "co-founder and chief executive", "chief operating officer",
                     "head of sustainability", "managing director for Europe", "vice president of engineering"],
         "union": ["general secretary", "regional organiser", "president", "assistant general secretary",
                   "national officer for health and safety"]}
# Titles printed before a name: no `of`/`for` inside, so that the body after the name is the only `of` phrase.
TITLES = {"ngo": ["Executive Director", "Co-Director", "Head of Research", "Chair"],
          "company": ["Chief Executive", "Chief Operating Officer", "Head of Sustainability"],
          "union": ["General Secretary", "President", "Regional Organiser"]}
INTL = [Body("World Rivers Federation", the=True, kind="intl", acronym="WRF"),
        Body("International Council of River Pilots", the=True, kind="intl", acronym="ICRP"),
        Body("Global Alliance for Seed Diversity", the=True, kind="intl", acronym="GASD"),
        Body("Pan-Oceanic Fisheries Commission", the=True, kind="intl", acronym="POFC"),
        Body("Union of Mountain Municipalities", the=True, kind="intl", acronym="UMM"),
        Body("International Office for Displaced Persons", the=True, kind="intl", acronym="IODP")]
INTL_TITLES = ["Secretary-General", "Deputy Secretary-General", "Director-General", "Chief Scientist", "President"]
INTL_ROLES = ["Special Rapporteur on water and sanitation", "Director for Africa and the Middle East",
              "High Representative for Coastal Affairs", "Head of Emergency Operations",
              "Deputy Secretary-General", "Chief Scientist", "Special Envoy for the Lake Region"]
DEPARTMENTS = [Body("Department of Infrastructure and Transport", the=True, kind="gov"),
               Body("Ministry of Coastal Affairs", the=True, kind="gov"),
               Body("Department for Rural Communities", the=True, kind="gov"),
               Body("Ministry of Health and Social Welfare", the=True, kind="gov")]
MINISTER_ROLES = ["Minister of State for Rural Transport", "Minister of State for Ports and Harbours",
                  "Parliamentary Secretary for Housing", "Deputy Minister for Water Resources",
                  "Minister of State for Mental Health"]
POOLS = {"intl": (INTL, {"intl": INTL_ROLES}), "gov": (DEPARTMENTS, {"gov": MINISTER_ROLES})}

QUOTES = ["The ferry is the only road most of these islanders have", "We cannot ask families to wait another winter",
          "This is the first budget in ten years that takes the valleys seriously",
          "Our members will not accept a pay offer that falls behind the cost of living",
          "The evidence is clear, and it has been clear for some time",
          "We are ready to start building the day the permit is signed",
          "The river does not stop at the border, and neither should the clean-up",
          "Nobody in this sector wants a strike, but nobody wants to be taken for granted either"]
QUOTES2 = ["We will be watching closely", "The details matter, and we have not seen them yet",
           "I am grateful to everyone who made the case with us", "There is a lot still to do"]
SYMPATHY = ["Our thoughts are with {first}'s family and friends tonight",
            "{first} was a much-loved member of our community, and will be missed by all of us",
            "Everyone here is thinking of {first}'s family"]
SHORT = ["a good day for the valleys", "late but welcome", "a missed opportunity", "a slap in the face",
         "deeply disappointing", "a real turning point"]
CLAUSES = ["the ferry timetable would be cut from May", "one in four schools in the district had no cook",
           "the clean-up of the estuary would take at least a decade", "the pay offer had been rejected by members",
           "the new permits had been delayed again", "the waiting list for adapted homes had doubled"]
CLAIMS = ["The bridge toll is a tax on the poorest commuters", "The ferry subsidy pays for itself many times over",
          "A four-day week would cost the company nothing", "The river is cleaner than it has been in fifty years",
          "The consultation was a box-ticking exercise"]
CLAIM_VERBS = ["argued", "warned", "claimed", "maintained"]
PREDICATES = ["was clear", "was blunt", "was unequivocal", "did not mince {poss} words", "put it plainly"]
INVERTED = ["insisted", "recalled", "admitted", "argued", "cautioned", "conceded", "emphasised", "countered"]
QUESTIONS = ["the deal would survive a change of government", "the money would reach the northern districts",
             "the timetable was realistic", "the workers had been consulted"]
TOPICS = ["the new licensing rules", "the closure of the Kettle Lane depot", "the flood inquiry's findings",
          "the proposed ferry fares"]
SUMMITS = ["World Water Forum", "Congress of Mountain Towns", "Seed Diversity Summit", "Coastal Resilience Conference"]
VERDICT_AFTER = ["the vote on Tuesday", "the first day of the hearing", "the board's decision was announced",
                 "the figures were published"]
TEAMS = ["housing", "legal", "research", "campaigns", "emergency response"]
OVERSEEN = ["the move to the new site", "three rounds of pay talks", "the charity's work in the valleys",
            "the rebuilding of the harbour wall"]
INCIDENTS = ["a fire at a flat on Sallow Road", "a collision on the coast road", "a fall at the quarry"]
REPORT_ROLES = ["senior statistician", "research fellow", "chief economist", "data analyst"]
THANKED_ROLES = ["head of facilities", "volunteer coordinator", "deputy head teacher", "operations manager"]
THANKED_FOR = ["lending the hall", "running the food stalls", "organising the transport"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONTHS = ["January", "April", "July", "October"]
TOWNS = ["Merrowby", "Tarnfield", "Oldcastle", "Brookhaven", "Saltmere", "Geneva", "Nairobi", "Lisbon"]
YEARS = ["2014", "2017", "2019", "2021"]
HEADLINES = ["Ferry timetable cut from May", "School kitchens short of cooks", "Estuary clean-up to take a decade",
             "Pay offer rejected", "Permits delayed again", "Waiting list for adapted homes doubles"]
FILLER = ["The consultation closes at the end of the month.", "A public meeting will be held in the town hall.",
          "The full figures are published on the council's website.", "The scheme was first proposed in 2018."]
DISTRACTORS = ["Judge {d} adjourned the hearing until next week.", "Photograph by {d}.",
               "{d}, 47, was charged with criminal damage.", "The banner was designed by {d}.",
               "{d} was named apprentice of the year.", "The original survey was carried out by {d} in 1998."]

# Template, flags, and the expected speakers: for each, the parts holding its name, role and organisation (None: no
# role or organisation expected). Flags: a pool of bodies (`intl`, `gov`; else BODIES), `headline` (the first
# paragraph is the title), `closed` (nothing set after the form). `{d}` is a person named, not quoted.
SPEAKER = ("name", "role", "Body")
FORMS: dict[str, tuple[str, frozenset[str], tuple[tuple[str, str | None, str | None], ...]]] = {
    "was_clear_colon_no_verb": ("{name}, {role} at {the_body}, {predicate}: “{quote}.”", frozenset(), (SPEAKER,)),
    "here_is_what_had_to_say": ("Here is what {name}, {role} of {the_body}, had to say:\n\n“{quote}. {quote2}.”",
                                frozenset({"closed"}), (SPEAKER,)),
    "as_name_put_it": ("As {name}, {role} of {the_body}, put it at {weekday}'s hearing: “{quote}.”", frozenset(),
                       (SPEAKER,)),
    "in_the_words_of_partial": ("The scheme is, in the words of {name}, {role} at {the_body}, “{short}”.", frozenset(),
                                (SPEAKER,)),
    "for_name_the_ruling_was_partial": ("For {name}, {role} of {the_body}, the ruling was “{short}”.", frozenset(),
                                        (SPEAKER,)),
    "that_was_the_verdict_of": ("“{quote}.” That was the verdict of {name}, {role} of {the_body}, after {after}.",
                                frozenset(), (SPEAKER,)),
    "pull_quote_bracketed_citation": ("“{quote}.” ({name}, {Role}, {Body})", frozenset(), (("name", "Role", "Body"),)),
    "em_dash_apposition": ("{name} — {role} of {the_body} — said: “{quote}.”", frozenset(), (SPEAKER,)),
    "said_when_asked_about": ("“{quote},” {name}, {role} at {the_body}, said when asked about {topic}.", frozenset(),
                              (SPEAKER,)),
    "quote_inverted_uncommon_verb": ("“{quote},” {inverted} {name}, {role} of {the_body}.", frozenset(), (SPEAKER,)),
    "unquoted_claim_then_name_argued": ("{claim}, {name}, {role} of {the_body}, {claim_verb}.", frozenset(),
                                        (SPEAKER,)),
    "said_through_a_spokesperson": ("{name}, {role} of {the_body}, said through a spokesperson that {clause}.",
                                    frozenset(), (SPEAKER,)),
    "opening_summit_title_told_delegates": (("Opening the {summit} in {town} on {weekday}, {ititle} {name} of "
                                             "{the_body} told delegates: “{quote}.”"), frozenset({"intl"}),
                                            (("name", "ititle", "Body"),)),
    "full_remarks_follow_unquoted": (("{ititle} {name} of {the_body} addressed the {summit} in {town} on {weekday}. "
                                      "{Surname}'s full remarks follow:\n\nThank you, Chair. {quote}. {quote2}. "
                                      "Thank you."), frozenset({"intl", "closed"}), (("name", "ititle", "Body"),)),
    "minister_of_state_at_department": ("{name}, {role} at {the_body}, said: “{quote}.”", frozenset({"gov"}),
                                        (SPEAKER,)),
    "name_comma_possessive_body_intl_role": ("{name}, {the_body_s} {role}, said: “{quote}.”", frozenset({"intl"}),
                                             (SPEAKER,)),
    "leads_team_then_pronoun": ("{name} leads {the_body_s} {team} team. “{quote},” {pron} said.", frozenset(),
                                (("name", None, "Body"),)),
    "as_role_since_fronted_then_pronoun": (("As {role} of {the_body} since {year}, {name} has overseen {overseen}. "
                                            "“{quote},” {pron} said."), frozenset(), (SPEAKER,)),
    "her_message_was_simple": (("{name}, {role} of {the_body}, spoke after the vote. {Poss} message to ministers was "
                                "simple: “{quote}.”"), frozenset(), (SPEAKER,)),
    "we_spoke_to_told_us": ("We spoke to {name}, {role} at {the_body}, about {topic}. “{quote},” {pron} told us.",
                            frozenset(), (SPEAKER,)),
    "rhetorical_question_then_says": (("What does {name}, {role} of {the_body}, make of {topic}? “{quote},” {pron} "
                                       "says."), frozenset(), (SPEAKER,)),
    "writing_on_blog_its_role": ("Writing on {the_body_s} blog, its {role}, {name}, argued that {clause}.",
                                 frozenset(), (SPEAKER,)),
    "issued_on_behalf_of_by_its_role": (("The following statement was issued on behalf of {the_body} by {name}, its "
                                         "{role}:\n\n“{quote}. {quote2}.”"), frozenset({"closed"}), (SPEAKER,)),
    "press_conference_asked_replied_agreed": (("At a joint press conference in {town} on {weekday}, {name}, {role} of "
                                               "{the_body}, and {name2}, {role2} of {the_body2}, set out the terms of "
                                               "the agreement.\n\nAsked whether {question}, {surname} replied: "
                                               "“{quote}.”\n\n{Surname2} agreed, adding that {clause}."), frozenset(),
                                              (SPEAKER, ("name2", "role2", "Body2"))),
    "joint_statement_three_bodies": (("In a joint statement on {weekday}, {name} of {the_body}, {name2} of "
                                      "{the_body2} and {name3} of {the_body3} said: “{quote}.”"), frozenset(),
                                     (("name", None, "Body"), ("name2", None, "Body2"), ("name3", None, "Body3"))),
    "two_names_one_body_joint": ("{name} and {name2} of {the_body} said in a joint statement that {clause}.",
                                 frozenset(), (("name", None, "Body"), ("name2", None, "Body"))),
    "respectively_two_roles_one_body": (("“{quote},” said {name} and {name2}, {role_s} and {role_s2} of "
                                         "{the_body} respectively."), frozenset(),
                                        (("name", "role_s", "Body"), ("name2", "role_s2", "Body"))),
    "joint_statement_headline_two": (("Joint statement by {title} {name} of {the_body} and {title2} {name2} of "
                                      "{the_body2}\n\n“{quote}. {quote2}.”"), frozenset({"headline"}),
                                     (("name", "title", "Body"), ("name2", "title2", "Body2"))),
    "reactions_bulleted_list": (("Reactions to the decision:\n\n• {name}, {role}, {Body}: “{quote}.”\n• {name2}, "
                                 "{role2}, {Body2}: “{quote2}.”"), frozenset(),
                                (SPEAKER, ("name2", "role2", "Body2"))),
    "thanked_person_with_role_body": (("{name}, {role} of {the_body}, thanked {d}, {d_role} of {the_body2}, for "
                                       "{thanked_for}. “{quote},” {surname} said."), frozenset(), (SPEAKER,)),
    "victim_named_then_sympathy": (("{d}, {age}, died after {incident} on {weekday}. {name}, {role} of {the_body}, "
                                    "said: “{sympathy}.”"), frozenset(), (SPEAKER,)),
    "report_author_role_body_not_quoted": (("The figures come from a report by {d}, {report_role} at {the_body2}, "
                                            "published in {month}. {name}, {role} of {the_body}, said: “{quote}.”"),
                                           frozenset(), (SPEAKER,)),
    "unnamed_spokesperson_beside_named": (("A spokesperson for {the_body2} said the figures were being checked. "
                                           "{name}, {role} of {the_body}, said: “{quote}.”"), frozenset(), (SPEAKER,)),
}


def _the(body: Body, capital: bool = False) -> str:
    return (("The " if capital else "the ") + body.name) if body.the else body.name


def _possessive(text: str) -> str:
    """`the World Rivers Federation's`, `the Friends of the Merrow Estuary's`, `Caldera Freight Lines'`."""
    return text + ("'" if text.endswith("s") else "'s")


def _person(rng: random.Random) -> tuple[str, str, str]:
    """A name, its surname as printed mid-sentence, and `f` or `m` for the pronoun."""
    gender = rng.choice("fm")
    name, _ = draw_name(rng, FEMALE if gender == "f" else MALE, SURNAMES, COMPOUND)
    return name, next(s for s in [*COMPOUND, *SURNAMES] if name.endswith(" " + s)), gender


def _people(rng: random.Random, n: int) -> list[tuple[str, str, str]]:
    """`n` people sharing neither a given name nor a surname."""
    people: list[tuple[str, str, str]] = []
    while len(people) < n:
        person = _person(rng)
        if all(person[1] != p[1] and person[0].split()[0] != p[0].split()[0] for p in people):
            people.append(person)
    return people


def draw_release(form: str, rng: random.Random) -> Generated:
    """One release printing one attribution form, with the spokespeople a reader expects."""
    template, flags, expected = FORMS[form]
    (name, surname, gender), (name2, surname2, _), (name3, _, _) = _people(rng, 3)
    bodies, roles = next((POOLS[p] for p in POOLS if p in flags), (BODIES, ROLES))
    body = rng.choice(bodies)
    body2, body3 = rng.sample([b for b in BODIES if b != body], 2)
    role = rng.choice(roles[body.kind])
    # Two roles joined by `and` before one body: each a single title, with no `of`, `for` or `and` inside.
    simple = [r for r in ROLES.get(body.kind, ROLES["ngo"]) if not {"of", "for", "and"} & set(r.split())]
    role_s, role_s2 = rng.sample(simple, 2)
    role2 = rng.choice(ROLES[body2.kind])
    d = f"{rng.choice(OTHER_FIRST)} {rng.choice(OTHER_SURNAMES)}"
    poss = "her" if gender == "f" else "his"
    parts = {
        "name": name, "surname": surname, "Surname": surname[:1].upper() + surname[1:], "name2": name2,
        "Surname2": surname2[:1].upper() + surname2[1:], "name3": name3, "pron": "she" if gender == "f" else "he",
        "poss": poss, "Poss": poss.capitalize(), "role": role, "Role": capitalised(role),
        "role_s": role_s, "role_s2": role_s2, "role2": role2, "title": rng.choice(TITLES.get(body.kind, [""])),
        "title2": rng.choice(TITLES[body2.kind]),
        "ititle": rng.choice(INTL_TITLES), "the_body": _the(body), "The_body": _the(body, capital=True),
        "the_body_s": _possessive(_the(body)), "Body": body.name, "the_body2": _the(body2), "Body2": body2.name,
        "the_body3": _the(body3), "Body3": body3.name,
        "quote": rng.choice(QUOTES), "quote2": rng.choice(QUOTES2), "short": rng.choice(SHORT),
        "sympathy": rng.choice(SYMPATHY).format(first=d.split()[0]), "clause": rng.choice(CLAUSES),
        "claim": rng.choice(CLAIMS), "claim_verb": rng.choice(CLAIM_VERBS),
        "predicate": rng.choice(PREDICATES).format(poss=poss), "inverted": rng.choice(INVERTED),
        "question": rng.choice(QUESTIONS), "topic": rng.choice(TOPICS), "summit": rng.choice(SUMMITS),
        "after": rng.choice(VERDICT_AFTER), "team": rng.choice(TEAMS), "overseen": rng.choice(OVERSEEN),
        "incident": rng.choice(INCIDENTS), "report_role": rng.choice(REPORT_ROLES),
        "d_role": rng.choice(THANKED_ROLES), "thanked_for": rng.choice(THANKED_FOR), "weekday": rng.choice(WEEKDAYS),
        "month": rng.choice(MONTHS), "town": rng.choice(TOWNS), "year": rng.choice(YEARS), "age": rng.randint(19, 88),
        "d": d,
    }
    # A body's closing full stop ends the sentence too: `of Sunmere Solar Inc.` not `of Sunmere Solar Inc..`
    attribution = template.format(**parts).replace("..", ".")
    speakers = [Speaker(parts[n], parts[r] if r else None, parts[o] if o else None) for n, r, o in expected]
    others = [f"{f} {s}" for f in OTHER_FIRST for s in OTHER_SURNAMES if f"{f} {s}" != d]
    distractors = [d] if "{d}" in template else []
    before, after = [], []
    for sentences in (before, after):
        if rng.random() < 0.5:
            distractor = rng.choice(others)
            distractors.append(distractor)
            sentences.append(rng.choice(DISTRACTORS).format(d=distractor))
        elif rng.random() < 0.4:
            sentences.append(rng.choice(FILLER))
    if "headline" in flags:
        before = []
    if "closed" in flags:
        after = []
    if "headline" in flags:  # the form's first paragraph is the release's title
        title, _, attribution = attribution.partition("\n\n")
    else:
        title = rng.choice(HEADLINES)
    text = "\n\n".join(p for p in (" ".join(before), attribution, " ".join(after)) if p)
    distractors = [p for p in dict.fromkeys(distractors) if p in text]
    return Generated(form=form, title=title, text=text, speakers=tuple(speakers), distractors=tuple(distractors))


def releases(per_form: int, seed: int = 0) -> Iterator[Generated]:
    """`per_form` releases of every form, the same ones for the same seed."""
    rng = random.Random(seed)
    for form in FORMS:
        for _ in range(per_form):
            yield draw_release(form, rng)
