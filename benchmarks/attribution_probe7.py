"""An eighth attribution grammar, written apart from the other seven (and without reading the extractor's rules), and
scored first seen.

Whole documents whose spokespeople are the signer or the speaker labels: emails with `From:`/`To:`/`Sent:`/`Cc:`
headers signed `Name | Role | Org`, `Name\\nRole\\nOrg\\nphone\\nweb`, or after a `-- ` delimiter `Name, Role\\nOrg`; a
press office's email carrying a statement; a letter whose body is named only by its letterhead; `On behalf of the
board,`; two signers one under another and two side by side in columns; an open letter with a bulleted list of
signatories; transcripts labelled `MS. ROE:` under a `MODERATOR:`, and a panel whose labels are surnames; an interview
whose answers are labelled `A:` under an introduction in prose; op-eds with a byline and a bio at the end (`Name is
the role of X.`, `The writer is role at X.`); a statement signed `— Name, Role of X` over a place and date. In running
text: `X's Deputy Director for Region, Name, said:`, `Name, role Org had the following reaction:` (no comma after the
body), a panel listed in one paragraph and its speakers quoted later by surname, `who serves as role at X`, reported
speech after `stressed`/`warned`/`conceded`/…, `according to a statement from`, a verbless `Name, role of X, in a
statement:`, a quote split around `Name, role with X, explained,`, `Name with X` / `Name at X` with no role, unnamed
spokespeople of government departments (no person: nobody to extract), and people named but not quoted (a tribute's
subject, a listed panellist, an email's recipient, a minister who introduced a scheme). It only measures. Every text
is invented.
"""
from __future__ import annotations

import random
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from tests.attribution_grammar import Generated, Speaker, capitalised, draw_name

FEMALE = ["Aroha", "Bilge", "Chiamaka", "Dagny", "Esperanza", "Folake", "Gwenllian", "Hana", "Isabela", "Jamila",
          "Kalani", "Ludovica", "Mahsa", "Nilufar", "Ofelia", "Paulina", "Rukmini", "Saoirse", "Ulrike", "Vaiana",
          "Wangari", "Zsófia", "Hye-jin"]
MALE = ["Amadou", "Bjarni", "Cormac", "Desta", "Eitan", "Florin", "Gaurav", "Haruto", "Ifeanyi", "Jonas", "Kekoa",
        "Luca", "Mehmet", "Nnamdi", "Oisín", "Paora", "Ricardo", "Sandeep", "Tenzin", "Vikram", "Yaw", "Zoltán",
        "Dong-hyun"]
SURNAMES = ["Anyanwu", "Bergamaschi", "Cifuentes", "Darwish", "Ekström", "Fakhoury", "Gebremedhin", "Hoffmeister",
            "Iwasaki", "Jaramillo", "Kaewkhao", "Lemaire", "Mokoena", "Nørgaard", "Okoro", "Parata", "Quaresma",
            "Rasmussen", "Saarinen", "Tuilagi", "Uribe", "Wojcik", "Yamamoto", "Zhou", "Ismayilov", "Karimova"]
COMPOUND = ["van Dijkhuizen", "de Castro", "dos Prazeres", "Ó Súilleabháin", "bin Ismail", "al-Farsi", "Mac Giolla",
            "von Bülow", "Da Rocha", "D'Souza", "Nic Aoidh", "Lloyd-Mensah", "St-Pierre"]
# People named but not quoted draw from their own names, so that none shares a name with a speaker.
OTHER_FIRST = ["Algernon", "Berenice", "Cressida", "Ebenezer", "Gwendolyn", "Lancelot", "Millicent", "Peregrine"]
OTHER_SURNAMES = ["Amblecote", "Bottomley", "Cheesewright", "Fothergill", "Hebblethwaite", "Ramsbottom",
                  "Sidebottom", "Winterbottom"]


@dataclass(frozen=True, slots=True)
class Body:
    """An organisation: its name, whether running text prints `the` before it, and the noun a later mention uses."""

    name: str
    the: bool = False
    kind: str = "organisation"


BODIES = [
    Body("Saltmarsh Heritage Trust", the=True, kind="trust"), Body("Dunmore Valley Water Company", kind="company"),
    Body("Corrib Estuary Partnership", the=True, kind="partnership"),
    Body("Alliance for Accessible Transport", the=True, kind="alliance"),
    Body("Velmora Pharmaceuticals", kind="company"), Body("Fennick & Rowe Solicitors", kind="firm"),
    Body("Tarrant Regional Hospital", kind="hospital"), Body("Kilcarra Food Bank", kind="charity"),
    Body("Institute of Marine Engineers of Oriel", the=True, kind="institute"),
    Body("Network of Migrant Domestic Workers", the=True, kind="network"),
    Body("Harwich Lane Residents' Association", the=True, kind="association"),
    Body("Solterra Renewables Ltd", kind="company"), Body("Brightling Youth Orchestra", the=True, kind="orchestra"),
    Body("Federation of Small Growers", the=True, kind="federation"), Body("Ardvale College", kind="college"),
    Body("Kerrowan Ports Authority", the=True, kind="authority"),
    Body("Oriel Disability Rights Forum", the=True, kind="forum"),
]
# Bodies that work across regions, drawn by the form whose title names a region.
AGENCIES = [Body("Open Hands Relief", kind="agency"), Body("Kestrana Development Bank", the=True, kind="bank"),
            Body("Global Alliance for Seed Sovereignty", the=True, kind="alliance"),
            Body("Water for Villages International", kind="charity"),
            Body("International Council for Wetland Birds", the=True, kind="council")]
DEPARTMENTS = ["Department of Coastal Infrastructure", "Department for Rural Affairs and Fisheries",
               "Ministry of Housing and Local Government", "Department of Employment, Skills and Training",
               "Ministry of Inland Waterways"]
POOLS = {"agency": AGENCIES}

ROLES = ["executive director", "chief executive", "director of policy", "head of advocacy", "senior campaigner",
         "programme director", "chair", "founder", "research director", "general counsel",
         "head of external relations", "director of member services", "lead economist", "communications manager",
         "deputy chief executive", "head of community partnerships"]
BOARD_ROLES = ["chair of the board", "treasurer", "company secretary", "chair", "vice-chair", "board secretary"]
REGION_TITLES = ["deputy director", "regional director", "head of programmes", "country director",
                 "senior representative"]
REGIONS = ["East Africa", "the Western Balkans", "Central America", "South Asia", "the Sahel", "the Pacific Islands"]
OTHER_ROLES = ["operations manager", "head of finance", "site manager", "chief engineer", "volunteer coordinator"]
REPORTED_VERBS = ["stressed", "warned", "argued", "insisted", "cautioned", "conceded", "acknowledged", "predicted",
                  "maintained"]
QUOTE_VERBS = ["noted", "stressed", "warned", "argued", "explained", "commented", "remarked", "insisted"]
REACTIONS = ["had the following reaction", "offered the following comment", "had this to say"]
HONORIFICS = {"f": ["Ms", "Dr"], "m": ["Mr", "Dr"]}

QUOTES = ["The estuary has never been in better shape, and we mean to keep it that way",
          "Patients in the valley deserve the same care as patients in the city",
          "We were promised a consultation and we got a press release",
          "Every grower on our books has lost money this season",
          "This is the first budget in a decade that takes the ports seriously",
          "The tenants have been patient, and their patience has run out",
          "Our young players will finally have a hall to rehearse in",
          "A fair wage is not a favour, it is the law"]
QUOTES2 = ["We will be back before the committee in the spring", "The door is open and it stays open",
           "I would ask the minister to come and see it for herself", "Nobody here is giving up"]
SPLIT_QUOTES = [("We did not ask for special treatment", "we asked for the same rules as everyone else"),
                ("The pumps are old", "but the people who run them are the best in the country"),
                ("If the ferry stops in winter", "the island stops with it"),
                ("The money has been found", "and now the work has to start")]
CLAUSES = ["the water bills would rise by a tenth in April", "the night ferry would stop running in November",
           "two in five growers had sold at a loss", "the new wing would open a year late",
           "the estuary's oyster beds had recovered", "the levy would fall hardest on the smallest boats"]
QUESTIONS = ["Why does the levy fall on the small boats?", "When will the wing open?", "Who pays for the pumps?",
             "Is the ferry safe for another winter?", "What changed since last year?"]
ANSWERS = ["The large operators negotiated their own terms", "We expect the first patients in the autumn",
           "The cost is split between the company and the county", "The surveyors say it is, for one more season",
           "The money finally arrived"]
SUBJECTS = ["Our response to the consultation", "Ferry timetable: our position", "Statement for tomorrow's papers",
            "The estuary report", "Follow-up on yesterday's meeting"]
OPED_TITLES = ["Opinion: The harbour levy punishes the wrong people", "Comment: Keep the night ferry running",
               "Why the valley needs its hospital wing now", "Opinion: Small growers cannot carry this alone"]
OPED_PARAS = ["I have worked on the estuary for twenty years, and I have never seen the council move this slowly.",
              "The figures published last week should worry anyone who relies on the ferry.",
              "There is a better way, and it does not cost a penny more.",
              "We have written to the minister twice. We are still waiting for an answer."]
STATEMENT_TITLES = ["Statement on the tribunal's ruling", "Statement on the closure of the night ferry",
                    "Statement on the new water charges"]
HEADLINES = ["Water bills to rise in April", "Night ferry to stop in November", "Hospital wing opening delayed",
             "Oyster beds recover in the estuary", "Growers report a hard season", "Harbour levy approved"]
FILLER = ["The consultation closes on 14 May.", "A public meeting will be held next month.",
          "The full report runs to sixty pages.", "The scheme was first proposed in 2018."]
DISTRACTORS = ["The portrait was painted by {d}.", "Credit: {d}/Handout", "{d}, 44, was charged with theft.",
               "A bench was unveiled in memory of {d}.", "The survey was carried out by {d}, a hydrologist.",
               "The minutes were taken by {d}."]
TOWNS = ["Kilcarra", "Dunmore", "Harwich Lane", "Tarrant", "Kerrowan"]
DATES = ["3 March 2025", "17 June 2024", "28 November 2024", "9 January 2025"]
PHONES = ["+44 1632 960 514", "01632 960 288", "(555) 010-4471", "+353 21 496 0731"]

# Template, and flags: `norole` (no role expected), `nobody` (no spokesperson: the only speaker is unnamed), `two`/
# `three` (more speakers, of other bodies), `document` (no title), `headline` (the first paragraph is the title),
# `closed` (nothing is set after the form: it ends with its signature), a pool of bodies (`agency`), and where the role
# comes from (`board`, `region`). A `{d}` in a template is a person named, not quoted.
FORMS: dict[str, tuple[str, frozenset[str]]] = {
    "email_headers_pipe_signature": (("From: {name} <{email}>\nTo: {d} <{d_email}>\nSubject: {subject}\n\n"
                                      "Dear {d_first},\n\n{clause_cap}. {filler}\n\nBest wishes,\n"
                                      "{name} | {Role} | {Body}"), frozenset({"document"})),
    "email_sent_cc_stacked_sig_phone": (("From: {name}\nSent: Tuesday, {date} 09:12\nTo: "
                                         "newsdesk@kilcarra-echo.example\nCc: {d}\nSubject: RE: "
                                         "{subject}\n\nHi all,\n\n{clause_cap}. {quote}.\n\n"
                                         "Thanks,\n\n{name}\n{Role}\n{Body}\n{phone}\n{web}"),
                                        frozenset({"document"})),
    "email_dash_delimiter_name_role": (("From: {email}\nTo: editor@dunmore-post.example\nDate: {date}"
                                        "\nSubject: {subject}\n\nHello,\n\n{clause_cap}. {filler}\n\n"
                                        "-- \n{name}, {Role}\n{Body}"), frozenset({"document"})),
    "press_office_email_statement": (("From: Press Office <{press_email}>\nSubject: Statement from {name}\n\n"
                                      "Please find below a statement from {name}, {role} of {the_body}:\n\n"
                                      "“{quote}.”\n\nENDS\n\nPress Office\n{Body}\n{phone}"),
                                     frozenset({"document"})),
    "letterhead_body_signed_name_role": (("{Body}\n12 Quay Street, {town}\n\n{date}\n\nDear Councillor "
                                          "{d_surname},\n\n{clause_cap}. {filler}\n\nYours sincerely,\n\n{name}\n"
                                          "{Role}"), frozenset({"document"})),
    "letter_on_behalf_of_the_board": (("Dear members,\n\n{clause_cap}. {filler}\n\nOn behalf of the board,\n\n"
                                       "{name}\n{Role}\n{Body}"), frozenset({"document", "board"})),
    "letter_two_signers_stacked": (("Dear Minister,\n\n{clause_cap}. We ask you to meet us before the "
                                    "summer.\n\nKind regards,\n\n{name}\n{Role}, {Body}\n\n{name2}\n"
                                    "{Role2}, {Body2}"), frozenset({"document", "two"})),
    "letter_two_signers_side_by_side": (("Dear Chair,\n\n{clause_cap}. {filler}\n\nYours sincerely,\n\n"
                                         "{side_by_side}"), frozenset({"document", "two"})),
    "open_letter_bulleted_signatories": (("Open letter: keep the night ferry running\n\nTo the Minister for "
                                          "Transport,\n\n{clause_cap}. {filler} We urge you to think again.\n\n"
                                          "Signed,\n\n- {name}, {Role}, {Body}\n- {name2}, {Role2}, {Body2}\n"
                                          "- {name3}, {Role3}, {Body3}"), frozenset({"headline", "three", "closed"})),
    "transcript_honorific_caps_labels": (("Transcript: press conference on the harbour levy\n\n"
                                          "MODERATOR: Good morning. With us today is {hon} {name}, {role} "
                                          "of {the_body}. {hon} {surname}, the floor is yours.\n"
                                          "{HON}. {SURNAME}: Thank you. {quote}.\nQ: {question}\n"
                                          "{HON}. {SURNAME}: {answer}.\nMODERATOR: Thank you all for "
                                          "coming."), frozenset({"headline"})),
    "transcript_panel_surname_labels": (("Panel discussion on the future of the waterfront: transcript\n\n"
                                         "Moderator: Welcome. Joining me are {name}, {role} at {the_body}, and "
                                         "{name2}, {role2} of {the_body2}. {Surname}, let me start with you. "
                                         "{question}\n{Surname}: {answer}.\nModerator: {Surname2}, do you agree?\n"
                                         "{Surname2}: {quote2}.\nQ: {question2}\n{Surname}: {quote}."),
                                        frozenset({"headline", "two"})),
    "interview_prose_intro_then_q_a": (("In conversation: the year ahead for the estuary\n\n{name} became {role} "
                                        "of {the_body} in January. We asked {obj} about the months ahead.\n\n"
                                        "Q: {question}\nA: {answer}.\n\nQ: {question2}\nA: {quote}."),
                                       frozenset({"headline"})),
    "oped_byline_bio_at_end": (("{oped_title}\n\nBy {name}\n\n{para1}\n\n{para2}\n\n{name} is the {role} of "
                                "{the_body}."), frozenset({"headline", "closed"})),
    "oped_byline_the_writer_is": (("{oped_title}\n\nBy {name}\n\n{para1}\n\n{para2}\n\nThe writer is {role} at "
                                   "{the_body}."), frozenset({"headline", "closed"})),
    "statement_dash_role_of_place_date": (("{statement_title}\n\n{clause_cap}. {quote}.\n\n"
                                           "— {name}, {Role} of {the_body}\n{town}, {date}"),
                                          frozenset({"headline", "closed"})),
    "possessive_role_for_region_name": ("{The_body_s} {Role}, {name}, said: “{quote}.”",
                                        frozenset({"agency", "region"})),
    "name_role_body_no_comma_reaction": ("{name}, {role} {Body} {reaction}: “{quote}.”", frozenset()),
    "panel_listed_then_surname_quoted": (("The panel included {name}, {role} at {the_body}, and {d}, {d_role} of "
                                          "{the_body2}. {filler}\n\n“{quote},” {Surname} {verb}."), frozenset()),
    "speakers_listed_both_by_surname": (("Speakers at the launch were {name}, {role} of {the_body}, and "
                                         "{name2}, {role2} at {the_body2}.\n\n{Surname2} {rverb} that "
                                         "{clause}. “{quote},” {Surname} added."), frozenset({"two"})),
    "said_name_who_serves_as_role_at": ("“{quote},” said {name}, who serves as {role} at {the_body}.", frozenset()),
    "reported_speech_varied_verbs": ("{name}, {role} at {the_body}, {rverb} that {clause}.", frozenset()),
    "clause_according_to_statement_from": (("{clause_cap}, according to a statement from {name}, {role} of "
                                            "{the_body}."), frozenset()),
    "verbless_in_a_statement_colon": ("{name}, {role} of {the_body}, in a statement: “{quote}.”", frozenset()),
    "split_quote_role_with_verb_middle": ("“{qa},” {name}, {role} with {the_body}, {verb}, “{qb}.”",
                                          frozenset()),
    "name_with_or_at_body_no_role": ("{name} {link} {the_body} {verb}: “{quote}.”", frozenset({"norole"})),
    "unnamed_dept_spokesperson_only": (("A spokesperson for the {dept} said: “{quote}.” The scheme was "
                                        "introduced by {d} in 2019."), frozenset({"nobody"})),
    "unnamed_dept_spokes_named_critic": (("A spokesperson for the {dept} said the rules were under "
                                          "review. But {name}, {role} at {the_body}, was "
                                          "unconvinced. “{quote},” {pron} {verb}."), frozenset()),
    "tribute_to_named_colleague": (("{name}, {role} of {the_body}, paid tribute to {d}, who retires as its "
                                    "{d_role} in June: “{d_first} built this {kind} from nothing,” {pron} said."),
                                   frozenset()),
}


def _the(body: Body, capital: bool = False) -> str:
    return (("The " if capital else "the ") + body.name) if body.the else body.name


def _ascii(text: str) -> str:
    """Letters only, accents dropped, lower case: `Ó Súilleabháin` → `osuilleabhain`."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c for c in plain.lower() if c.isalnum())


def _person(rng: random.Random) -> tuple[str, str, str]:
    """A name, its surname as printed at a sentence's start, and `f` or `m` for the pronoun and honorific."""
    gender = rng.choice("fm")
    name, surname = draw_name(rng, FEMALE if gender == "f" else MALE, SURNAMES, COMPOUND)
    return name, surname, gender


def _title(role: str) -> str:
    """A title as a signature prints it, each part of a hyphenated word capitalised: `Vice-Chair`."""
    return "-".join(part[:1].upper() + part[1:] for part in capitalised(role).split("-"))


def _role(flags: frozenset[str], rng: random.Random) -> str:
    if "board" in flags:
        return rng.choice(BOARD_ROLES)
    if "region" in flags:
        return f"{rng.choice(REGION_TITLES)} for {rng.choice(REGIONS)}"
    return rng.choice(ROLES)


def _side_by_side(columns: list[tuple[str, str, str]]) -> str:
    """Two signatures set in columns, as a letter's PDF prints them: name, role and body lines side by side."""
    width = max(len(part) for column in columns[:1] for part in column) + 8
    return "\n".join(f"{left:<{width}}{right}" for left, right in zip(*columns, strict=True))


def draw_release(form: str, rng: random.Random) -> Generated:
    """One release printing one attribution form, with the spokespeople a reader expects."""
    template, flags = FORMS[form]
    people = [_person(rng)]
    while len(people) < 3:
        candidate = _person(rng)
        if all(candidate[0].split()[-1] != p[0].split()[-1] and candidate[0].split()[0] != p[0].split()[0]
               for p in people):
            people.append(candidate)
    (name, surname, gender), (name2, surname2, _), (name3, _, _) = people
    pool = next((POOLS[p] for p in POOLS if p in flags), BODIES)
    body = rng.choice(pool)
    body2 = rng.choice([b for b in BODIES if b != body])
    body3 = rng.choice([b for b in BODIES if b not in (body, body2)])
    role = _role(flags, rng)
    role2, role3 = rng.sample([r for r in ROLES if r != role], 2)
    others = [f"{f} {s}" for f in OTHER_FIRST for s in OTHER_SURNAMES]
    d = rng.choice(others)
    clause = rng.choice(CLAUSES)
    qa, qb = rng.choice(SPLIT_QUOTES)
    questions = rng.sample(QUESTIONS, 2)
    paras = rng.sample(OPED_PARAS, 2)
    hon = rng.choice(HONORIFICS[gender])
    domain = _ascii(body.name)[:18] + ".example"
    parts = {
        "name": name, "surname": next(s for s in [*COMPOUND, *SURNAMES] if name.endswith(" " + s)),
        "Surname": surname, "SURNAME": surname.upper(), "role": role, "Role": _title(role),
        "the_body": _the(body), "The_body": _the(body, capital=True), "Body": body.name, "kind": body.kind,
        "name2": name2, "Surname2": surname2, "role2": role2, "Role2": _title(role2), "the_body2": _the(body2),
        "Body2": body2.name, "name3": name3, "Role3": _title(role3), "Body3": body3.name,
        "pron": "she" if gender == "f" else "he", "obj": "her" if gender == "f" else "him", "hon": hon,
        "HON": hon.upper(), "quote": rng.choice(QUOTES), "quote2": rng.choice(QUOTES2), "qa": qa, "qb": qb,
        "clause": clause, "clause_cap": clause[:1].upper() + clause[1:], "question": questions[0],
        "question2": questions[1], "answer": rng.choice(ANSWERS), "subject": rng.choice(SUBJECTS),
        "filler": rng.choice(FILLER), "date": rng.choice(DATES), "town": rng.choice(TOWNS),
        "phone": rng.choice(PHONES), "web": f"www.{domain}", "email": f"{_ascii(name.split()[0])[:1]}."
        f"{_ascii(surname)}@{domain}", "press_email": f"press@{domain}", "d": d, "d_first": d.split()[0],
        "d_surname": d.split()[-1], "d_email": f"{_ascii(d.split()[-1])}@council.example",
        "d_role": rng.choice(OTHER_ROLES), "dept": rng.choice(DEPARTMENTS), "reaction": rng.choice(REACTIONS),
        "verb": rng.choice(QUOTE_VERBS), "rverb": rng.choice(REPORTED_VERBS), "link": rng.choice(["with", "at"]),
        "oped_title": rng.choice(OPED_TITLES), "statement_title": rng.choice(STATEMENT_TITLES),
        "para1": paras[0], "para2": paras[1],
    }
    parts["the_body_s"] = parts["the_body"] + ("'" if body.name.endswith("s") else "'s")
    parts["The_body_s"] = parts["The_body"] + ("'" if body.name.endswith("s") else "'s")
    parts["side_by_side"] = _side_by_side([(name, parts["Role"], body.name), (name2, parts["Role2"], body2.name)])
    attribution = template.format(**parts)
    side = "{side_by_side}" in template
    speakers: list[Speaker] = []
    if "nobody" not in flags:
        speakers.append(Speaker(name, None if "norole" in flags else
                                (parts["Role"] if "{Role}" in template or side else role), body.name))
    if "two" in flags or "three" in flags:
        speakers.append(Speaker(name2, parts["Role2"] if "{Role2}" in template or side else role2, body2.name))
    if "three" in flags:
        speakers.append(Speaker(name3, parts["Role3"], body3.name))
    distractors: list[str] = [d] if "{d}" in template else []
    before, after = [], []
    for sentences in (before, after):
        if rng.random() < 0.5:
            distractor = rng.choice([o for o in others if o not in distractors])
            distractors.append(distractor)
            sentences.append(rng.choice(DISTRACTORS).format(d=distractor))
        elif rng.random() < 0.4:
            sentences.append(rng.choice(FILLER))
    if "closed" in flags:
        after = []
    if "document" in flags:
        title, text = None, attribution
        distractors = [d] if "{d}" in template else []
    elif "headline" in flags:  # the form's first paragraph is the release's title; no sentence before it
        title, _, text = attribution.partition("\n\n")
        text = "\n\n".join(p for p in (text, " ".join(after)) if p)
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
