"""The extraction rules as data: the lexicon, each named speaker pattern, each step of the organisation
chain, and the rule every value records. Every sentence here is written for the project."""
from __future__ import annotations

import pytest

from pipeline.extract import extract
from pipeline.extract.rules import duplicates, inflections, load_rules
from pipeline.extract.spokespeople import FINDERS, SPEAKER_PATTERNS
from pipeline.records import Release


def _one(nlp, text: str, publisher: str | None = None) -> Release:
    release = Release(sources=("t.txt",), kind="press_release", title=None, summary=text, organization=publisher)
    (out,) = list(extract([release], nlp))
    return out


def _people(nlp, text: str, publisher: str | None = None) -> list[tuple]:
    return [(p.name, p.role, p.organization) for p in _one(nlp, text, publisher).spokespeople]


# --- the lexicon ------------------------------------------------------------------------------------------

def test_the_lexicon_holds_each_entry_once():
    assert duplicates() == []


def test_a_duplicate_entry_is_reported():
    data = {"roles": {"words": ["director", "Director", "chief"]},
            "speech_verbs": {"lemmas": ["say", "say"]}, "inflection": {}}
    assert duplicates(data) == ["roles.words: director", "speech_verbs.lemmas: say"]


@pytest.mark.parametrize(
    ("lemma", "forms"),
    [("note", {"note", "notes", "noted", "noting"}), ("reply", {"reply", "replies", "replied", "replying"}),
     ("stress", {"stress", "stresses", "stressed", "stressing"}),
     ("admit", {"admit", "admits", "admitted", "admitting"}),
     ("say", {"say", "says", "said", "saying"})],
)
def test_speech_verbs_are_inflected_from_their_lemmas(lemma, forms):
    assert inflections(lemma, {"say": ["say", "says", "said", "saying"]}, frozenset({"admit"})) == forms


def test_bare_forms_are_speech_only_where_listed():
    speech = load_rules().speech_verbs
    assert {"said", "say", "stated", "noted", "warns", "adding"} <= speech
    assert not {"state", "note", "continue"} & speech  # "Secretary of State", "to continue the talks"


def test_every_named_pattern_has_its_finder():
    assert set(SPEAKER_PATTERNS) <= set(FINDERS)


# --- speakers: one case per named pattern ---------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Tomas Berg, head of the clinic, said the water was unsafe.", "subject_of_speech_verb"),
        ("“The water is unsafe,” said Tomas Berg, head of the clinic.", "subject_of_speech_verb"),
        (("Tomas Berg, director for (counter) terrorism, law and rights at the Liberty Forum, issued the "
         "following statement: “The bill must be withdrawn before the vote.”"), "following_statement"),
        ("According to Tomas Berg, a senior researcher at the Liberty Forum, the detainees were beaten.",
         "according_to"),
        ("Statement by Tomas Berg, senior researcher at the Liberty Forum, on the verdict", "attribution_noun"),
        ("Tomas Berg, Chief Economist: “Prices rose faster than wages for the third year running.”",
         "colon_before_quote"),
        ("Tomas Berg Remarks at the Water Summit", "work_of_speech_title"),
        ("Following is Tomas Berg's statement on the water crisis", "possessive_statement"),
        ("Comment: Fish prices\n\nWriting for The Harbour Review, Dr Tomas Berg discusses why prices rose.",
         "writing_for"),
        ("Tomas Berg, director of the Relief Fund, toured the camp. He said the pumps had failed.",
         "pronoun_subject"),
        ("Thank you for your support.\nWith gratitude,\nTomas Berg", "signature_after_sign_off"),
        (("TOMAS BERG: Thank you all for coming.\nQUESTION: When will it open?\n"
         "Tomas Berg, the fund's director, answered questions."), "speaker_label"),
        ("Tomas Berg: We are ready to help every family that needs us.", "speaker_label"),
        # the parse: a verb of saying with no subject borrows the subject of the verb it hangs on
        ("Tomas Berg, head of the clinic, was quoted as saying that the water was unsafe.", "subject_of_speech_verb"),
        ("Tomas Berg, head of the clinic, went on to say that the water was unsafe.", "subject_of_speech_verb"),
        ("“The water is unsafe,” Tomas Berg, head of the clinic, pointed out.", "subject_of_speech_verb"),
        # quotations signed on their own line
        ("• “The water is unsafe for the children” – Tomas Berg, Treasurer at the Harbour Trust", "signed_quote"),
        ("“The water is unsafe for the children.”\nTomas Berg | Treasurer | Harbour Trust", "signed_quote"),
    ],
)
def test_each_speaker_pattern_names_its_rule(nlp, text, rule):
    people = _one(nlp, text).spokespeople
    assert [(p.name, p.rule) for p in people] == [("Tomas Berg", rule)]
    assert _one(nlp, text).text[people[0].start:people[0].end].lower() == "tomas berg"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a role with its own parentheses and a list inside it, then the following statement
        (("Jo Roe, director for (counter) terrorism, law and rights at Liberty Watch, issued the following "
         "statement: “The bill would let the police hold people for weeks without charge.”"),
         [("Jo Roe", "director for (counter) terrorism, law and rights", "Liberty Watch")]),
        # no comma between the title and the verb
        ("Sam Okoye, Advocacy Director at Open Borders Network stated: “Families should never be separated.”",
         [("Sam Okoye", "Advocacy Director", "Open Borders Network")]),
        # a title with commas inside it is not cut at the first one
        (("Dana Whitfield, Director of the Law, Policy, and Research program at the Civic Rights Union, said "
         "the court had erred."),
         [("Dana Whitfield", "Director of the Law, Policy, and Research program", "Civic Rights Union")]),
        # a region and a programme stay in the title
        ("“The arrests must stop,” said Kwame Mensah, Deputy Director for Southern Africa at Rights Watchers.",
         [("Kwame Mensah", "Deputy Director for Southern Africa", "Rights Watchers")]),
        ("Lena Park, director of the Gender Program at the Open Society Forum, said the law failed women.",
         [("Lena Park", "director of the Gender Program", "Open Society Forum")]),
        # no "of" between the title and the body
        ("Jane Roe, executive director Relief International USA, said the cuts would cost lives.",
         [("Jane Roe", "executive director", "Relief International USA")]),
        # the body premodifying the title, and a date after it
        ("Maya Lind, a Save the Children Global Ambassador since 2013, said every child deserves a school.",
         [("Maya Lind", "Global Ambassador", "Save the Children")]),
        # a name the recogniser tags as an organisation, with a title beside it
        ("According to Nadia Farouk, a senior researcher at Rights Watchers, the prisoners were beaten.",
         [("Nadia Farouk", "senior researcher", "Rights Watchers")]),
        ("Rights Watchers Executive Director Nadia Farouk said the verdict was a travesty.",
         [("Nadia Farouk", "Executive Director", "Rights Watchers")]),
        # a name never takes in the title words before it
        ("Head of Advocacy Jane Roe said the camps must stay open.", [("Jane Roe", "Head of Advocacy", None)]),
        # the possessive of a common noun is no part of the title
        (("Priya Menon, the network's senior counsel for refugee and migrant rights, gave the following "
         "reaction: “This ruling restores the right to ask for asylum.”"),
         [("Priya Menon", "senior counsel for refugee and migrant rights", None)]),
        # a title that ends "at" a body names it, however short, before a department tagged earlier
        ("“The deal is done,” said Paul Grint, Executive Vice-President Research & Development at Brovia.",
         [("Paul Grint", "Executive Vice-President Research & Development", "Brovia")]),
        # a title heading a whole body names it after "of", a final possessive included; "of the Board" does not
        ("Paul Grint, the CEO of Pinto’s, who also chairs the board, says the shops will reopen.",
         [("Paul Grint", "CEO", "Pinto’s")]),
        ("Paul Grint, chairman of the Board, said the deal was done.", [("Paul Grint", "chairman of the Board", None)]),
        # degrees after the name, then the title
        ("“We are pleased,” said Paul Grint, M.D., Ph.D., senior vice president of research at Acmetech.",
         [("Paul Grint", "senior vice president of research", "Acmetech")]),
        # an acronym in parentheses after the body, whether the title comes before or after the name
        ("Lena Park, Executive Director of the Harbour Health Institute (HHI), says the clinic will open.",
         [("Lena Park", "Executive Director", "Harbour Health Institute")]),
        ("Coastal Fisheries Association (CFA) President and CEO Tomas Berg issued a statement on the quota.",
         [("Tomas Berg", "President and CEO", "Coastal Fisheries Association")]),
        # statements listed by title: a bare title then the body, the body alone, a headline's separator
        ("Statement by Tomas Berg, Director, Brightwater, Kenya - Opening Plenary",
         [("Tomas Berg", "Director", "Brightwater")]),
        ("Statement by Tomas Berg, Project Coordinator, Diaspora Forward UK",
         [("Tomas Berg", "Project Coordinator", "Diaspora Forward UK")]),
        ("Statement by Tomas Berg, Chair of the Harbour Trust - Opening Plenary",
         [("Tomas Berg", "Chair", "Harbour Trust")]),
        ("Statement by Tomas Berg, Government of Norway - Opening Plenary",
         [("Tomas Berg", None, "Government of Norway")]),
        ("Statement by Tomas Berg, CEO Coastal Institute of Learning",
         [("Tomas Berg", "CEO", "Coastal Institute of Learning")]),
        ("Statement by Tomas Berg, Deputy Minister of Fisheries, Government of Norway- Opening Plenary",
         [("Tomas Berg", "Deputy Minister of Fisheries", "Government of Norway")]),
        # a company's possessive before the title names the body, whatever the recogniser took it for; the
        # owner is not the speaker; a place's possessive names no body
        (("The drug was approved. Brovia's executive vice president of Research and Development, Tomas Berg, "
          "said the approval was a milestone."),
         [("Tomas Berg", "executive vice president of Research and Development", "Brovia")]),
        ("The drug was approved. According to Brovia's chief medical officer, Tomas Berg, it was a milestone.",
         [("Tomas Berg", "chief medical officer", "Brovia")]),
        ("Kenya's health minister, Tomas Berg, said the clinics would reopen.",
         [("Tomas Berg", "Kenya's health minister", None)]),
        # university releases: a title before the name when the one after it names only the body, an
        # honorific between title and name, a lecturer, a student, a study's lead author
        ("Professor Tomas Berg, from the University of Harbourside’s School of Health, said: “The results are clear.”",
         [("Tomas Berg", "Professor", "University of Harbourside")]),
        ("Lead author Dr Tomas Berg, of the University of Harbourside’s Institute of Health, said the data were clear.",
         [("Tomas Berg", "Lead author", "University of Harbourside")]),
        ("Dr Tomas Berg, Senior Lecturer in Public Health at the University of Harbourside, said: “It is clear.”",
         [("Tomas Berg", "Senior Lecturer in Public Health", "University of Harbourside")]),
        ("Tomas Berg, a PhD student at the University of Harbourside, said the results were clear.",
         [("Tomas Berg", "PhD student", "University of Harbourside")]),
        ("The study’s lead author, Dr Tomas Berg, said: “The results are clear.”",
         [("Tomas Berg", "lead author", None)]),
        # people acted upon do not speak; a relative clause is no title
        ("Judge Ruth Gomez issued a ruling on Friday that blocked the policy.", []),
        ("Jon Bell, who heads the food program at Harvest Aid, said the harvest had failed.",
         [("Jon Bell", None, None)]),
    ],
)
def test_titles_and_organisations_that_hold_on_unseen_text(nlp, text, expected):
    assert _people(nlp, text) == expected


# --- headlines, datelines and acts that are not words ---------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a dateline the parser takes for a second subject of the verb
        (("Riverton, OH [4/2/15] – Today, Representative Tomas Berg (D-OH) released the following statement "
          "after the House passed the harbour bill."), [("Tomas Berg", "Representative", None)]),
        # a possessive makes the statement the person's, and an abbreviated title stands before the name
        ("Following is U.S. Sen. Tomas Berg's statement on the harbour bill", [("Tomas Berg", "U.S. Sen", None)]),
        # a lone surname counts when a title stands before it and the words are beyond doubt its owner's
        ("Senator Berg’s Statement on the Harbour Bill", [("Berg", "Senator", None)]),
        ("Councillor Berg toured the harbour on Monday. Berg said the bill was fair.", []),
        # "announce" with a noun object reports an act; with a clause, words
        ("Harbourline Announces Relief Wallet for Aid Workers", []),
        (("Today, Sen. Tomas Berg (D-Ohio) and Rep. Ines Moreau (D-Ohio) announced the re-introduction of the "
          "Clean Harbours Act."), []),
        ("Tomas Berg announced that the clinic would reopen in May.", [("Tomas Berg", None, None)]),
        # a headline alone is signed by nobody
        ("Appointment of Tomas Berg, Marine Research Programme Leader", []),
        # a nickname in quotation marks is part of the name
        ("Senator Tomas “Tom” Berg Statement on the Harbour Bill", [("Tomas “Tom” Berg", "Senator", None)]),
        ('Senator Tomas "Tom" Berg Speaks about the Harbour Bill on Senate Floor',
         [('Tomas "Tom" Berg', "Senator", None)]),
        # "spoke" reports words; "for speaking out" does not
        ("Tomas Berg spoke about the harbour bill on the Senate floor.", [("Tomas Berg", None, None)]),
        ("Tomas Berg was jailed for speaking out against the dam.", []),
        # an op-ed is its author's words; a letter sent is its sender's
        ("Op-Ed by Tomas Berg, Minister of Fisheries", [("Tomas Berg", "Minister of Fisheries", None)]),
        ("Harbour Council President Tomas Berg sent a letter to the minister urging a new survey.",
         [("Tomas Berg", "President", "Harbour Council")]),
        # a headline opening with a name and a colon quotes that person, a title before the name or not
        ("Kowalski: Airships are a cheap way to watch the coast", [("Kowalski", None, None)]),
        ("UN Envoy for Ocean Affairs, Tomas Berg: New Fund for Coastal Towns Launched",
         [("Tomas Berg", "Envoy for Ocean Affairs", "UN")]),
        ("Update: Harbour Bill Passes", []),
    ],
)
def test_headline_and_dateline_constructions(nlp, text, expected):
    assert _people(nlp, text) == expected


# --- the organisation chain: one case per step ---------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "publisher", "organization", "step"),
    [
        ("Omar Haddad, policy adviser at the Water Alliance, said the pumps had failed.", None,
         "Water Alliance", "of_at_for_after_role"),
        ("The Clean Air Alliance's director, Tom Reyes, said the plant must close.", None,
         "Clean Air Alliance", "possessive"),
        ("Sam Okoye, Advocacy Director at Open Borders Network stated: “Families should stay together.”", None,
         "Open Borders Network", "of_at_for_after_role"),
        (("Tom Reyes, head of policy at the Clean Air Alliance, toured the plant on Monday. “Nobody should "
         "breathe this,” Reyes said."), None, "Clean Air Alliance", "earlier_mention"),
        ("UNICEF Executive Director Ana Costa said the schools must reopen.", None, "UNICEF", "org_in_role"),
        ("Jane Roe, the group's executive director, said the camps must stay open.", "Relief Fund",
         "Relief Fund", "publisher"),
        ("HarbourAid: Statement by CEO Jane Roe on the Camps", "Relief Fund", "HarbourAid", "title_label"),
        ("Comment: Statement by CEO Jane Roe on the Camps", None, None, None),
        ("UPDATE: Statement by CEO Jane Roe on the Camps", None, None, None),
        ("COVID-19: Statement by CEO Jane Roe on the Camps", None, None, None),
        # not the publisher: a title held elsewhere, or another body named in it
        ("Jane Roe, Minister of Health, said the camps must stay open.", "Relief Fund", None, None),
        ("Jane Roe, a spokesperson for the ministry, said the camps must stay open.", "Relief Fund", None, None),
        # a signature: the line under the role line, or the body after the role line's last separator
        ("The vote is tomorrow.\n\nYours faithfully,\nJane Roe\nChair of the Board of Trustees\nHarbour Trust",
         None, "Harbour Trust", "signature_line"),
        ("“The camps must stay open.”\nJane Roe | Deputy Director for Land and Water Rights | Harbour Trust", None,
         "Harbour Trust", "body_after_title"),
        ("Jane Roe (Kestrel Holdings plc) said the camps must stay open.", None, "Kestrel Holdings plc",
         "parenthesised"),
    ],
)
def test_each_organisation_step(nlp, text, publisher, organization, step):
    (person,) = _one(nlp, text, publisher).spokespeople
    assert (person.organization, person.organization_rule) == (organization, step)


def test_a_surname_far_into_a_long_text_takes_the_title_of_the_first_full_mention(nlp):
    weeks = " ".join(f"The trial enrolled {n} more patients during week {n} of screening." for n in range(10, 40))
    text = (f"Brovia's chief scientist, Tomas Berg, led the trial that began in 2019. {weeks} “These results change "
            "how we treat the disease,” Berg said.")
    assert _people(nlp, text) == [("Tomas Berg", "chief scientist", "Brovia")]


def test_a_surname_takes_the_title_of_the_first_full_mention(nlp):
    out = _one(nlp, "Tom Reyes, head of policy at the Clean Air Alliance, toured the plant on Monday. “Nobody "
                    "should breathe this,” Reyes said.")
    (person,) = out.spokespeople
    assert (person.name, person.role, person.organization) == ("Tom Reyes", "head of policy", "Clean Air Alliance")
    assert (person.rule, person.organization_rule) == ("surname_subject", "earlier_mention")
    assert out.text[person.start:person.end] == "Tom Reyes"


# --- provenance of countries and figures ----------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "countries"),
    [
        ("Scientists in Glasgow won the prize.", ("GBR",)),  # a city after "in", whatever the recogniser saw
        ("Scottish researchers lead a new study.", ("GBR",)),
        ("A letter from Jackson arrived on Monday.", ()),  # a person's name after "from"
        ("Glasgow University team opens a new laboratory", ()),  # a city inside a body's name
    ],
)
def test_places_the_recogniser_missed(nlp, text, countries):
    assert _one(nlp, text).countries == countries


def test_a_dash_glued_to_a_name_before_a_space_separates_it(nlp):
    out = _one(nlp, "Statement by the Government of Norway- Opening Plenary")
    assert out.countries == ("NOR",)


def test_country_mentions_record_their_rule(nlp):
    out = _one(nlp, "NAIROBI, 3 May 2021 – Syrian and Guatemalan families reached Kenya.")
    assert {(m.text, m.rule) for m in out.country_mentions} == {
        ("NAIROBI", "dateline_place"), ("Syrian", "gazetteer_alias"), ("Guatemalan", "gazetteer_demonym"),
        ("Kenya", "gazetteer_country_name")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # thousands written in groups of three, a scale letter glued to the number, units after it
        ("The clinic treated over 200 000 patients last year.", [(200000.0, "count")]),
        ("The charity spent $13K on new pumps.", [(13000.0, "money")]),
        ("Doses of 120 mg lowered LDL-C levels above 160 mg/dL in most patients.", [(120.0, "mg"), (160.0, "mg/dl")]),
        # a range gives both of its bounds
        ("Emissions fell by 40 to 55 percent from the baseline.", [(40.0, "percent"), (55.0, "percent")]),
        # a score's either number, numbers listed after a label, a time with its zone, bill numbers, a rank,
        # a type, a name with digits
        ("The court ruled 5-4 against the plan.", []),
        ("Tariffs under Section 104 and 118 rose again.", []),
        ("The briefing starts at 14.30 CEST.", []),
        ("H.J. Res. 12 and S. 407 passed the Senate.", []),
        ("The university ranked in the top 10 again.", []),
        ("People with type 2 diabetes need care.", []),
        ("Statement by Dr. Ana Lima, 7xb: Opening Plenary", []),
    ],
)
def test_forms_of_numbers(nlp, text, expected):
    assert [(f.value, f.unit) for f in _one(nlp, text).figures] == expected


@pytest.mark.parametrize(
    ("text", "obj", "rule", "object_rule"),
    [
        ("Rights groups recorded a 50% fall in executions in the region last year.", "executions",
         "percent_entity", "modified_noun:change_in"),
        ("The survey found a 30 percent rise in arrests of journalists.", "arrests of journalists",
         "percent_entity", "modified_noun:change_in"),
        ("Two more shelters were opened, bringing the total number of shelters to 47.", "shelters",
         "cardinal_entity", "clause_subject:amount_of"),
    ],
)
def test_what_a_figure_measures_when_the_sentence_names_it_after_the_number(nlp, text, obj, rule, object_rule):
    figure = _one(nlp, text).figures[-1]
    assert (figure.object, figure.rule, figure.object_rule) == (obj, rule, object_rule)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thank you for standing with us this year.\n\nWarm regards,\nJane Roe, Executive Director\nRelief Fund",
         [("Jane Roe", "Executive Director", "Relief Fund")]),
        ("Thank you for standing with us.\n\nSincerely,\n\nJane Roe | Executive Director, Relief Fund",
         [("Jane Roe", "Executive Director", "Relief Fund")]),
        (("The vote is tomorrow. Call your senator today.\nThanks,\nLaila Nasser\n"
         "Campaigns Director, Clean Air Alliance"), [("Laila Nasser", "Campaigns Director", "Clean Air Alliance")]),
    ],
)
def test_signatures_under_emails(nlp, text, expected):
    assert _people(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a statement signed at its end: a name line above a role line, or a dash and a title
        (("The harbour walls will be rebuilt by spring. Work starts in March.\n\nAmara Adeyemi\n"
         "Campaigns Manager, Institute for Upland Farming"),
         [("Amara Adeyemi", "Campaigns Manager", "Institute for Upland Farming")]),
        ("The harbour walls will be rebuilt by spring.\n\n— Priya Osei, Senior Researcher, Brightwater Energy Ltd",
         [("Priya Osei", "Senior Researcher", "Brightwater Energy Ltd")]),
        # a transcript labelled with whole names, accents and hyphens in them
        (("Transcript of a briefing with Chief Economist Kenji Al-Amin of the Open Lanes Network\n\n"
          "KENJI AL-AMIN: The fund will reach twice as many children.\nREPORTER: When?\nKENJI AL-AMIN: In March."),
         [("Kenji Al-Amin", "Chief Economist", "Open Lanes Network")]),
    ],
)
def test_documents_signed_at_the_end_and_transcripts(nlp, text, expected):
    assert _people(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "person", "rule"),
    [
        # a subject that holds a title, closed by a name the recogniser missed
        (("Council approves plan\n\nLegal Adviser of the Lakeside Tenants' Union Ana Brennan said: “The fund will "
         "reach twice as many children next year.”"), ("Ana Brennan", "Legal Adviser", "Lakeside Tenants' Union"),
         "name_closing_subject"),
        # a name in apposition to a title subject, taken for a body
        (("Council approves plan\n\nA spokesperson for Brightwater Energy Ltd, Nadia Moreau, said: “The fund will "
         "reach twice as many children next year.”"), ("Nadia Moreau", "spokesperson", "Brightwater Energy Ltd"),
         "title_apposition"),
    ],
)
def test_speakers_the_parse_walks_to(nlp, text, person, rule):
    people = _one(nlp, text).spokespeople
    assert [((p.name, p.role, p.organization), p.rule) for p in people] == [(person, rule)]


_SAID = " said: “The ferry will run every hour from June.”"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # brackets holding a body close right before the verb; the parser cut the name off its sentence
        ("Harbour lights return\n\nPhoto: Wren Calloway\n\nMarisol Okonkwo (Lakeside Tenants' Union)" + _SAID,
         [("Marisol Okonkwo", None, "Lakeside Tenants' Union", "name_before_bracket")]),
        # a relative clause of leading names the body led, with no title after `as`
        ("“The ferry will run every hour from June,” said Tomasz Adebayo, who heads the Quarry Lane Rowing Club.",
         [("Tomasz Adebayo", None, "Quarry Lane Rowing Club", "subject_of_speech_verb")]),
        # a possessive inside a body's name ends where the body's own word does
        ("Lakeside Tenants' Union Programme Officer Leilani Moreau" + _SAID,
         [("Leilani Moreau", "Programme Officer", "Lakeside Tenants' Union", "subject_of_speech_verb")]),
        # a title's modifier the tagger took for a verb stays in the title
        ("Managing Director of Amberley Rail Group Mohammed E. Silva-Reyes" + _SAID,
         [("Mohammed E. Silva-Reyes", "Managing Director", "Amberley Rail Group", "subject_of_speech_verb")]),
        (("“The ferry will run every hour from June,” said the managing director of the Tidewell Foundation, "
          "Zainab Mensah."),
         [("Zainab Mensah", "managing director", "Tidewell Foundation", "name_closing_subject")]),
        # a body's entity loses the blank lines after it
        (("“The ferry will run every hour from June.”\nLeilani Al-Amin | Managing Director | Farmers' Union of "
          "Eastvale\n\nThe plan will be reviewed again in the autumn."),
         [("Leilani Al-Amin", "Managing Director", "Farmers' Union of Eastvale", "signed_quote")]),
        # names with an inner capital or an apostrophe
        ("Harbour lights return\n\nPhoto: Beatriz Stroud\n\nKestrel Holdings plc Chair Thandiwe McAllister" + _SAID,
         [("Thandiwe McAllister", "Chair", "Kestrel Holdings plc", "subject_of_speech_verb")]),
        # (the name closes the titled subject: the recogniser's person `St. Brigid's Hospice Hiroshi O'Neill`, trimmed,
        # does not go on the body's of-chain)
        ("Harbour lights return\n\nSenior Researcher of St. Brigid's Hospice Hiroshi O'Neill" + _SAID,
         [("Hiroshi O'Neill", "Senior Researcher", "St. Brigid's Hospice", "name_closing_subject")]),
        # a body's of-chain stops where a repaired name starts
        ("Harbour lights return\n\nExecutive Director of the Centre for Quiet Streets Elif N. Nakamura" + _SAID,
         [("Elif N. Nakamura", "Executive Director", "Centre for Quiet Streets", "subject_of_speech_verb")]),
        # an acronym opening the title where the recogniser's entity runs on into it
        ("Harbour lights return\n\nCFA Programme Officer Dmitri T. McAllister" + _SAID,
         [("Dmitri T. McAllister", "Programme Officer", "CFA", "subject_of_speech_verb")]),
        # a name the parser cut in two at its particle, after `according to`
        (("Harbour lights return\n\nAccording to Dmitri T. dos Santos, chief economist of the League of Small "
          "Libraries, talks with the council would resume next month."),
         [("Dmitri T. dos Santos", "chief economist", "League of Small Libraries", "according_to")]),
        # but an entity run into its verb names nobody
        ("Secretary Blinkhorn Urged to Center Rights on Harbour Trip\n\nThe trip starts on Monday.", []),
    ],
)
def test_speakers_whose_parse_or_entities_are_cut(nlp, text, expected):
    people = _one(nlp, text).spokespeople
    assert [(p.name, p.role, p.organization, p.rule) for p in people] == expected


def test_phrasal_verbs_and_the_labels_a_verb_of_saying_climbs_are_data():
    rules = load_rules()
    assert {"pointed", "points", "pointing"} <= rules.phrasal_speech_verbs["out"]
    assert {"xcomp", "pcomp", "advcl"} <= rules.speech_climbs
