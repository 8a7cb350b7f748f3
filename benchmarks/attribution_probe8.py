"""A ninth attribution grammar, written apart from the other eight (and without reading the extractor's rules), and
scored first seen.

Newsrooms of many kinds. Government press offices: `The Minister for Water, Parks and Heritage, the Hon. Name MP,
said:` and a media release's header block (`The Hon. Name MP\\nMinister for X`) with `Minister Surname said` later.
Companies: `SVP and General Manager, Cloud Division at X Inc.`, an announcement with a ticker (`X Inc. (NASDAQ: XXXX)
today announced`) whose quote is signed with a title only (`said Name, President and CEO.`), and `Founder & CEO of X`.
NGOs whose names hold `and`, `&` and commas, `said in a press release that`, `X quoted its role, Name, as saying`.
Universities: `Professor Name from the School of X at the University of Y` (no role: the title is an honorific), a
study `led by Name, an associate professor of X at Y` with co-authors named, not quoted. A club's `video message`.
Courts and police: a judge, a person remanded, a witness and a person arrested named beside the one who speaks
(`Outside court,`, a rank `who is leading the investigation`). A quote running across two paragraphs (the first left
open), a long statement from `its role` signed `— Name` on a line of its own, single quotes nested in a quote, `she
continued`/`he added` after reported speech with a person praised in between, two bodies in one paragraph (`its role,
Name, called the offer “…”`), a headline `Surname: “We will appeal”`, `Acting`/`Interim`/`Deputy`/`-designate` titles
before the name, post-nominals without a comma (`Name OBE,`), union locals with numbers (`Local 612`), abbreviated
bodies (`Dept.`, `Assn.`, `Bros.`, `Mt.`), a feature's present-tense `says` with the role given later (`Surname, now
role at X, says`), `wrote on X` after a handle, a statement's title naming the body over `Attributable to Name, Role:`,
and an award's presenter named with a role and body but not quoted. Names with accents and apostrophes throughout. It
only measures. Every text is invented.
"""
from __future__ import annotations

import random
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from tests.attribution_grammar import Generated, Speaker, capitalised, draw_name

FEMALE = ["Aoife", "Beatrix", "Consolata", "Dóra", "Eleni", "Fernanda", "Gráinne", "Hedda", "Ilse", "Josefína",
          "Kamala", "Liv", "Maëlle", "Nkechi", "Orla", "Pınar", "Renée", "Sigrún", "Thuy", "Úna", "Wiktoria", "Zoë"]
MALE = ["Anders", "Benoît", "Ciarán", "Domagoj", "Élie", "Fintan", "Gökhan", "Håkon", "Íñigo", "Jérôme", "Kaveh",
        "Łukasz", "Mikael", "Njál", "Piotr", "Raúl", "Séamus", "Tadhg", "Uchenna", "Vojtěch", "Wen-hao"]
SURNAMES = ["Brannigan", "Chávez", "Delaunay", "Eriksdóttir", "Fitzgibbon", "Grünewald", "Hadžić", "Ibáñez",
            "Jóhannsson", "Kaczmarek", "Muñoz", "Nakashima", "Østergaard", "Quiñones", "Rautio", "Šimunović",
            "Thorvaldsen", "Uchida", "Vázquez", "Wiśniewska", "Yeboah", "Zapata", "Achebe-Lowe", "Mbeki"]
COMPOUND = ["O'Rourke", "D'Arcy", "N'Diaye", "Mac an tSaoi", "de Villiers", "van Rensburg", "García-Ibarra",
            "dell'Orto", "d'Almeida", "Ben-Ami", "Le Guérec", "O'Shaughnessy"]
# People named but not quoted draw from their own names, so that none shares a name with a speaker.
OTHER_FIRST = ["Cuthbert", "Drusilla", "Ermintrude", "Fenella", "Horatio", "Isadora", "Leopold", "Wilhelmina"]
OTHER_SURNAMES = ["Applegarth", "Bagshawe", "Culpepper", "Dunwoody", "Gosling", "Inchbald", "Mortlake",
                  "Thistlethwaite"]


@dataclass(frozen=True, slots=True)
class Body:
    """An organisation: its name, whether running text prints `the` before it, and a word for its people or kind."""

    name: str
    the: bool = False
    kind: str = ""


NGOS = [Body("Rivers, Reefs and Rights Coalition", the=True), Body("Shelter & Supper Network", the=True),
        Body("Alliance for Food, Land and Dignity", the=True), Body("Mothers and Midwives Collective", the=True),
        Body("Kinsale Road Refugee Welcome"), Body("Clean Air for Carrow Bay"),
        Body("Friends & Neighbours of Old Quay"), Body("Coalition of Tenants, Renters and Lodgers", the=True),
        Body("Harbourside Residents' Association", the=True), Body("Old Quay Traders' Group", the=True)]
NGO_ROLES = ["executive director", "campaigns director", "head of policy and research", "national coordinator",
             "co-director", "chair of trustees", "senior legal officer", "director of advocacy"]
COMPANIES = [Body("Veltrana Inc."), Body("Quorvex Systems Corp."), Body("Brightmoor Technologies, Inc."),
             Body("Halden & Pryce Co."), Body("Orrinford Medical Devices Ltd."), Body("Nexaro Cloud Solutions AG")]
EXECS = ["SVP", "EVP", "Senior Vice President", "Vice President", "Group Vice President"]
DIVISIONS = ["Cloud Division", "Consumer Health", "Industrial Sensors", "Rail Signalling", "Payments and Risk",
             "North America"]
CORP_TITLES = ["President and CEO", "Chief Financial Officer", "Chief Operating Officer",
               "Chairman and Chief Executive Officer", "EVP, Global Operations"]
STARTUPS = [Body("Loomwell"), Body("Tiderock Labs"), Body("Pebblecart"), Body("Fernhollow Bio"), Body("Quillstack")]
AMP_TITLES = ["Founder & CEO", "Co-Founder & CTO", "CEO & Co-Founder", "Founder & Chief Scientist",
              "Co-Founder & Head of Product"]
UNIVERSITIES = [Body("University of Kelling", the=True), Body("Northmoor University"),
                Body("University of the Western Fells", the=True), Body("St Aidan's University College"),
                Body("Ashdown Institute of Technology", the=True)]
SCHOOLS = ["School of Earth and Ocean Sciences", "School of Law", "School of Nursing, Midwifery and Social Care",
           "School of Chemistry", "School of Computing and Mathematics"]
ACADEMIC = ["associate professor of soil science", "senior lecturer in public health",
            "research fellow in marine ecology", "reader in medieval history", "assistant professor of climate physics"]
JOURNALS = ["the Journal of Estuarine Studies", "Northern Medical Review", "Annals of Upland Ecology"]
CLUBS = [Body("Kelling 1893 FC"), Body("Northmoor Rovers"), Body("Ashdown & District Hockey Club"),
         Body("Port Aske Lions RFC"), Body("Carrow Bay Netball Club")]
CLUB_ROLES = ["head coach", "manager", "captain", "director of football", "club president"]
POLICE = [Body("Kelling Valley Police", kind="uk"), Body("Northmoor Constabulary", kind="uk"),
          Body("Port Aske Police Dept.", kind="us"), Body("Ashdown County Police Dept.", kind="us")]
RANKS = {"uk": ["Detective Inspector", "Detective Chief Superintendent", "Acting Inspector", "Chief Inspector"],
         "us": ["Lieutenant", "Detective Sergeant", "Captain", "Acting Lieutenant"]}
LOCALS = [Body("Hospital and Care Workers Union Local 1187", kind="care workers"),
          Body("Amalgamated Bus Drivers, Local 612", kind="drivers"),
          Body("Warehouse and Distribution Workers Local 77", kind="warehouse workers"),
          Body("Stagehands & Riggers Local 2210", kind="stagehands"),
          Body("Teachers' Federation Local 45", kind="teachers")]
LOCAL_ROLES = ["president", "business agent", "secretary-treasurer", "chief steward", "vice president"]
ABBREVIATED = [Body("Tri-County Orchard Growers Assn.", the=True), Body("Marlow County Health Dept.", the=True),
               Body("Kesterton Volunteer Fire Dept.", the=True), Body("Haskell Bros. Hardware"),
               Body("Mt. Ashby Community Hospital")]
ABBREV_ROLES = ["executive director", "public information officer", "president", "operations manager"]
POOLS = {"company": (COMPANIES, CORP_TITLES), "startup": (STARTUPS, AMP_TITLES), "uni": (UNIVERSITIES, ACADEMIC),
         "club": (CLUBS, CLUB_ROLES), "police": (POLICE, ["officer"]), "local": (LOCALS, LOCAL_ROLES),
         "abbrev": (ABBREVIATED, ABBREV_ROLES)}

PORTFOLIOS = ["Regional Roads and Ports", "Water, Parks and Heritage", "Housing", "Small Business and Fair Trading",
              "Emergency Services", "Health and Aged Care"]
MINISTERS = ["Minister", "Minister", "Assistant Minister"]
TITLES = ["Acting Deputy Director", "Interim Deputy Chief Executive", "Chief Executive-designate",
          "Deputy Chair-designate", "Acting Director of Operations", "Interim Vice-Principal",
          "Deputy Director-General"]
POST_NOMINALS = ["OBE", "MBE", "CBE", "KC", "FRCP", "PhD", "OBE DL"]
SOCIAL = ["wrote on X", "posted on X", "wrote in a post on LinkedIn", "said on social media", "wrote on Bluesky"]
OTHER_ROLES = ["site manager", "lead engineer", "volunteer coordinator", "head of finance", "project architect"]

QUOTES = ["The buses are the lifeline of the valley, and the lifeline is fraying",
          "We owe the families answers, not another review", "Nobody joins this club to lose on a Saturday",
          "The clinic has seen more patients this month than in the whole of last year",
          "This agreement gives our members the certainty they have been asking for",
          "The findings should change how every council plans for floods",
          "We are proud to be building the next plant in our home county",
          "The bridge will reopen before the school term starts"]
QUOTES2 = ["We will keep pressing until it is fixed", "The work starts on Monday",
           "I want to thank every volunteer who turned up", "This is only the beginning"]
SHORT = ["too little, too late", "a fair basis for talks", "an insult to the crews", "a welcome surprise",
         "a step backwards"]
HEADLINE_QUOTES = ["We will appeal", "This is not over", "The ferry must stay", "We were never consulted",
                   "Proud of every player"]
NESTED = ["Last spring the council promised us ‘a solution before Christmas’. We are still waiting",
          "For three years the answer from the depot was ‘not this year’",
          "Our tenants were told to ‘sit tight and wait’, and they have waited four years",
          "When the board wrote ‘no further action’ on that file, it let down every family on the estate"]
PARAGRAPHS = [(("The flood came through the lower town in under an hour. We lost the pharmacy, the post office and "
                "the only café that opened before seven"),
               "What we need now is not sympathy but a date for the new defences"),
              ("Every shift on the ward is short by two nurses. The people covering those gaps are exhausted",
               "The board knows this, and it has known for a year"),
              ("The timetable was written for a town that no longer exists. Half the stops serve nobody",
               "We have drawn a better one, and we are asking the council to use it")]
CLAUSES = ["the night buses would be cut from April", "two in five families on the estate had damp in their homes",
           "the new plant would create three hundred jobs", "the reservoir was at its lowest level since 1976",
           "the clinic's waiting list had doubled in a year", "the tribunal's ruling would be appealed"]
NEWS = ["the opening of its second plant in Dayton", "a five-year supply agreement with a regional rail operator",
        "record revenue for the third quarter", "the acquisition of a sensor start-up"]
INCIDENTS = ["a fire at a warehouse on Mill Lane", "a collision on the coast road on Saturday night",
             "a break-in at the community centre", "an assault near the harbour steps"]
TOPICS = ["today's budget announcement", "the closure of the Mill Lane depot", "the flood inquiry report",
          "the new licensing rules"]
AUDIENCES = ["reporters", "the Carrow Bay Courier", "a town hall meeting", "the county board"]
SITES = ["estuary", "night shift", "ferry", "picket line"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONTHS = ["March", "June", "September", "November"]
TOWNS = ["Kelling", "Carrow Bay", "Port Aske", "Northmoor", "Ashdown"]
EXCHANGES = ["NASDAQ", "NYSE", "TSX"]
HEADLINES = ["Night bus cuts confirmed", "Estate damp survey published", "New plant to bring jobs",
             "Reservoir at record low", "Clinic waiting list doubles", "Tribunal ruling to be appealed"]
FILLER = ["The consultation closes on 12 May.", "A public meeting is planned for next month.",
          "The full report is available online.", "The scheme was first proposed in 2016."]
DISTRACTORS = ["Judge {d} reserved judgment until next month.", "Photograph: {d}",
               "{d}, 52, was arrested on suspicion of arson.", "The mural was painted by {d}.",
               "The route was first mapped by {d} in 1911.", "{d} was named volunteer of the year."]

# Template, flags, and the parts holding the expected role and organisation (None: none expected). Flags: a pool of
# bodies (a key of POOLS, else NGOS), `gov` (a minister's title), `two` (a second speaker: role2 of Body2), `headline`
# (the first paragraph is the title), `top` (nothing set before the form), `closed` (nothing after it). `{d}`, `{d2}`,
# `{d3}` are people named, not quoted.
FORMS: dict[str, tuple[str, frozenset[str], str | None, str | None]] = {
    "minister_for_hon_name_mp_said": ("The {min_role}, the Hon. {name} MP, said: “{quote}.”", frozenset({"gov"}),
                                      "min_role", None),
    "gov_media_release_header_block": (("MEDIA RELEASE\n\nThe Hon. {name} MP\n{min_role}\n\n{clause_cap}. {filler}"
                                        "\n\n“{quote},” {min_title} {surname} said."), frozenset({"gov", "top"}),
                                       "min_role", None),
    "said_name_svp_and_gm_division_at_company": ("“{quote},” said {name}, {gm_role} at {Body}.",
                                                 frozenset({"company"}), "gm_role", "Body"),
    "ticker_announced_then_said_name_title_only": (("{Body} ({exchange}: {ticker}) today announced {news}. “{quote},” "
                                                    "said {name}, {role}. “{quote2}.”"), frozenset({"company"}),
                                                   "role", "Body"),
    "said_name_founder_ampersand_ceo_of": ("“{quote},” said {name}, {role} of {Body}.", frozenset({"startup"}),
                                           "role", "Body"),
    "said_in_a_press_release_that": (("{name}, {role} of {the_body}, said in a press release on {weekday} that "
                                      "{clause}."), frozenset(), "role", "Body"),
    "press_release_quoted_its_role_as_saying": (("In a press release issued on {weekday}, {the_body} quoted its "
                                                 "{role}, {name}, as saying that {clause}."), frozenset(), "role",
                                                "Body"),
    "professor_from_school_at_university": ("Professor {name} from the {school} at {the_body} said {clause}.",
                                            frozenset({"uni"}), None, "Body"),
    "study_led_by_then_surname_said": (("The study, published this week in {journal}, was led by {name}, {a_role} at "
                                        "{the_body}. Its co-authors include {d} and {d2}.\n\n“{quote},” {surname} "
                                        "said."), frozenset({"uni"}), "role", "Body"),
    "club_video_message_told_supporters": (("In a video message posted on the club's channels, {Body} {role} {name} "
                                            "told supporters: “{quote}.”"), frozenset({"club"}), "role", "Body"),
    "court_named_people_then_outside_court": (("Judge {d} adjourned the case until {month}. {d2}, {age}, of {town}, "
                                               "was remanded on bail. The court heard evidence from {d3}, a "
                                               "neighbour.\n\nOutside court, {name}, {role} of {the_body}, said: "
                                               "“{quote}.”"), frozenset(), "role", "Body"),
    "police_appeal_rank_leading_investigation": (("{The_body} is appealing for witnesses after {incident}. A "
                                                  "{age}-year-old from {town}, {d}, has been arrested. {rank} {name}, "
                                                  "who is leading the investigation, said: “{quote}.”"),
                                                 frozenset({"police"}), "rank", "Body"),
    "quote_runs_across_paragraphs": ("“{pa}.\n\n“{pb},” said {name}, {role} at {the_body}.", frozenset(), "role",
                                     "Body"),
    "statement_from_its_role_signed_dash_own_line": (("{The_body} responded to the decision with a statement from its "
                                                      "{role}:\n\n“{quote}. {quote2}.”\n\n— {name}"),
                                                     frozenset({"closed"}), "role", "Body"),
    "nested_single_quotes_inside_quote": ("“{nested},” said {name}, {role} of {the_body}.", frozenset(), "role",
                                          "Body"),
    "reported_then_continued_praised_other_added": (("{name}, {role} of {the_body}, said {clause}. “{quote},” {pron} "
                                                     "continued.\n\n{Pron} praised {d}, the {d_role} on the project. "
                                                     "“{quote2},” {pron} added."), frozenset(), "role", "Body"),
    "two_bodies_second_its_role_partial_quote": (("“{quote},” said {Role} {name} of {the_body}. {The_body2} was less "
                                                  "convinced: its {role2}, {name2}, called the offer “{short}”."),
                                                 frozenset({"two"}), "Role", "Body"),
    "headline_surname_colon_quote": (("{Surname}: “{headline_quote}”\n\n{name}, {role} of {the_body}, spoke to "
                                      "reporters after the ruling on {weekday}. {filler}"), frozenset({"headline"}),
                                     "role", "Body"),
    "acting_interim_designate_title_before_name": (("Speaking on {weekday}, {title} {name} of {the_body} said: "
                                                    "“{quote}.”"), frozenset(), "title", "Body"),
    "post_nominals_without_comma": ("“{quote},” said {name} {post_nominal}, {role} of {the_body}.", frozenset(),
                                    "role", "Body"),
    "union_local_number_which_represents": (("{name}, {role} of {Body}, which represents {members} {kind}, said: "
                                             "“{quote}.”"), frozenset({"local"}), "role", "Body"),
    "abbreviated_body_told_that": ("{name}, {role} at {the_body}, told {audience} that {clause}.",
                                   frozenset({"abbrev"}), "role", "Body"),
    "feature_says_role_given_later": (("{name} has spent {years} winters on the {site}. “{quote},” {pron} says. "
                                       "“{quote2}.”\n\n{Surname}, now {role} at {the_body}, says {clause}."),
                                      frozenset(), "role", "Body"),
    "handle_then_wrote_on_x": ("{name} (@{handle}), {role} of {the_body}, {social}: “{quote}.”", frozenset(), "role",
                               "Body"),
    "statement_title_body_attributable_to": (("Statement from {the_body} on {topic}\n\nAttributable to {name}, {Role}:"
                                              "\n\n“{quote}.”"), frozenset({"headline"}), "Role", "Body"),
    "award_presenter_named_with_role_not_quoted": (("{d}, {d_role} of {the_body2}, presented the award to {name}, "
                                                    "{role} at {the_body}, at a dinner in {town} on {weekday}. "
                                                    "“{quote},” {surname} said."), frozenset(), "role", "Body"),
}


def _the(body: Body, capital: bool = False) -> str:
    return (("The " if capital else "the ") + body.name) if body.the else body.name


def _ascii(text: str) -> str:
    """Letters only, accents dropped, lower case: `Østergaard` → `stergaard`, `Muñoz` → `munoz`."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c for c in plain.lower() if c.isalnum())


def _person(rng: random.Random) -> tuple[str, str, str]:
    """A name, its surname as printed mid-sentence, and `f` or `m` for the pronoun."""
    gender = rng.choice("fm")
    name, _ = draw_name(rng, FEMALE if gender == "f" else MALE, SURNAMES, COMPOUND)
    return name, next(s for s in [*COMPOUND, *SURNAMES] if name.endswith(" " + s)), gender


def draw_release(form: str, rng: random.Random) -> Generated:
    """One release printing one attribution form, with the spokespeople a reader expects."""
    template, flags, role_key, org_key = FORMS[form]
    name, surname, gender = _person(rng)
    name2, _, _ = _person(rng)
    while name2.split()[-1] == name.split()[-1] or name2.split()[0] == name.split()[0]:
        name2, _, _ = _person(rng)
    bodies, roles = next((POOLS[p] for p in POOLS if p in flags), (NGOS, NGO_ROLES))
    body = rng.choice(bodies)
    body2 = rng.choice([b for b in NGOS if b != body])
    role = rng.choice(roles)
    role2 = rng.choice([r for r in NGO_ROLES if r != role])
    min_title = rng.choice(MINISTERS)
    others = [f"{f} {s}" for f in OTHER_FIRST for s in OTHER_SURNAMES]
    d, d2, d3 = rng.sample(others, 3)
    clause = rng.choice(CLAUSES)
    pa, pb = rng.choice(PARAGRAPHS)
    parts = {
        "name": name, "surname": surname, "Surname": surname[:1].upper() + surname[1:], "role": role,
        "Role": capitalised(role), "a_role": ("an " if role[:1] in "aeiou" else "a ") + role,
        "the_body": _the(body), "The_body": _the(body, capital=True), "Body": body.name, "kind": body.kind,
        "name2": name2, "role2": role2, "the_body2": _the(body2), "The_body2": _the(body2, capital=True),
        "Body2": body2.name, "pron": "she" if gender == "f" else "he", "Pron": "She" if gender == "f" else "He",
        "min_title": min_title, "min_role": f"{min_title} for {rng.choice(PORTFOLIOS)}",
        "gm_role": f"{rng.choice(EXECS)} and General Manager, {rng.choice(DIVISIONS)}",
        "exchange": rng.choice(EXCHANGES), "ticker": _ascii(body.name)[:4].upper(), "news": rng.choice(NEWS),
        "school": rng.choice(SCHOOLS), "journal": rng.choice(JOURNALS), "rank": rng.choice(RANKS.get(body.kind, [""])),
        "incident": rng.choice(INCIDENTS), "title": rng.choice(TITLES), "post_nominal": rng.choice(POST_NOMINALS),
        "members": f"{rng.randint(3, 48) * 100:,}", "years": rng.choice(["eleven", "twenty", "thirty"]),
        "site": rng.choice(SITES), "social": rng.choice(SOCIAL),
        "handle": _ascii(name.split()[0])[:1] + _ascii(surname), "topic": rng.choice(TOPICS),
        "quote": rng.choice(QUOTES), "quote2": rng.choice(QUOTES2), "short": rng.choice(SHORT),
        "headline_quote": rng.choice(HEADLINE_QUOTES), "nested": rng.choice(NESTED), "pa": pa, "pb": pb,
        "clause": clause, "clause_cap": clause[:1].upper() + clause[1:], "audience": rng.choice(AUDIENCES),
        "filler": rng.choice(FILLER), "weekday": rng.choice(WEEKDAYS), "month": rng.choice(MONTHS),
        "town": rng.choice(TOWNS), "age": rng.randint(19, 67), "d": d, "d2": d2, "d3": d3,
        "d_role": rng.choice(OTHER_ROLES),
    }
    # A body's closing full stop ends the sentence too: `at Veltrana Inc.` not `at Veltrana Inc..`
    attribution = template.format(**parts).replace("..", ".")
    speakers = [Speaker(name, parts[role_key] if role_key else None, parts[org_key] if org_key else None)]
    if "two" in flags:
        speakers.append(Speaker(name2, role2, body2.name))
    distractors: list[str] = [p for p, key in ((d, "{d}"), (d2, "{d2}"), (d3, "{d3}")) if key in template]
    before, after = [], []
    for sentences in (before, after):
        if rng.random() < 0.5:
            distractor = rng.choice([o for o in others if o not in (d, d2, d3)])
            distractors.append(distractor)
            sentences.append(rng.choice(DISTRACTORS).format(d=distractor))
        elif rng.random() < 0.4:
            sentences.append(rng.choice(FILLER))
    if "top" in flags or "headline" in flags:
        before = []
    if "closed" in flags:
        after = []
    if "headline" in flags:  # the form's first paragraph is the release's title
        title, _, attribution = attribution.partition("\n\n")
    else:
        title = rng.choice(HEADLINES)
    text = "\n\n".join(p for p in (" ".join(before), attribution, " ".join(after)) if p)
    distractors = [p for p in distractors if p in text]
    return Generated(form=form, title=title, text=text, speakers=tuple(speakers), distractors=tuple(distractors))


def releases(per_form: int, seed: int = 0) -> Iterator[Generated]:
    """`per_form` releases of every form, the same ones for the same seed."""
    rng = random.Random(seed)
    for form in FORMS:
        for _ in range(per_form):
            yield draw_release(form, rng)
