import pytest

from pipeline.extract import extract
from pipeline.read import read
from pipeline.records import Release

from .conftest import DATA


def _one(nlp, text: str, title: str | None = None) -> Release:
    release = Release(sources=("t.txt",), kind="press_release", title=title, summary=text)
    (out,) = list(extract([release], nlp))
    return out


def test_spokesperson_with_role_and_organisation(nlp):
    out = _one(nlp, "Jane Roe, executive director of Harbour Trust, issued the following "
                    "statement: “The new toll is a barrier to families and should not be approved.”")
    (person,) = out.spokespeople
    assert (person.name, person.role, person.organization) == (
        "Jane Roe", "executive director", "Harbour Trust")
    assert person.quote == "The new toll is a barrier to families and should not be approved."
    assert out.text[person.start:person.end] == "Jane Roe"


def test_inverted_attribution_and_people_only_mentioned(nlp):
    out = _one(nlp, "Governor John Doe signed the order on Friday. “This is a cruel policy,” said Maria "
                    "Silva-Reyes, Americas director at Brightwater.")
    assert [(p.name, p.role, p.organization) for p in out.spokespeople] == [
        ("Maria Silva-Reyes", "Americas director", "Brightwater")]


def test_inverted_attribution_with_the_title_before_the_name(nlp):
    out = _one(nlp, "“We will open fifty new clinics,” said the director of the Harbour Trust, Chidi Okafor.")
    assert [(p.name, p.role, p.organization, p.rule) for p in out.spokespeople] == [
        ("Chidi Okafor", "director", "Harbour Trust", "name_after_speech_verb")]
    told = _one(nlp, "“We will go on,” she told the director of the Harbour Trust, Chidi Okafor.")
    assert "Chidi Okafor" not in [p.name for p in told.spokespeople]  # the one addressed does not speak


def test_a_body_joined_to_the_name_completes_a_title_printed_before_it(nlp):
    out = _one(nlp, "“The findings are clear,” explained Professor Ana Ferreira of the University of Lisbon.")
    assert [(p.role, p.organization) for p in out.spokespeople] == [("Professor", "University of Lisbon")]
    place = _one(nlp, "“It is a start,” said Mayor John Doe of Harbourtown.")
    assert [(p.role, p.organization) for p in place.spokespeople] == [("Mayor", None)]  # a place is no body


def test_a_title_the_recogniser_tags_as_an_organisation_is_a_role(nlp):
    out = _one(nlp, "“We will open fifty new clinics,” said the Minister of Health, Chidi Okafor.")
    assert [(p.name, p.role, p.organization) for p in out.spokespeople] == [
        ("Chidi Okafor", "Minister of Health", None)]


def test_signature_under_an_email(nlp):
    text = read(DATA / "email_signature.txt").blocks
    out = _one(nlp, "\n".join(text))
    assert [(p.name, p.role, p.organization) for p in out.spokespeople] == [
        ("Jane Roe", "Researcher, Coastal and Island Rights", "Harbour Trust USA")]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Turkey sent Syrians back across the border.", ("SYR", "TUR")),
        ("Mexican authorities detained families in Tijuana.", ("MEX",)),
        ("The U.S. House passed the Burma Act.", ("MMR", "USA")),
        ("Harbour Trust USA staff met officials in Central America.", ()),
        ("The letter was translated into Arabic.", ()),
    ],
)
def test_countries(nlp, text, codes):
    assert _one(nlp, text).countries == codes


def test_country_mentions_carry_evidence(nlp):
    out = _one(nlp, "Families fled Honduras last year.")
    (mention,) = out.country_mentions
    assert out.text[mention.start:mention.end] == "Honduras"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("More than 41,000 unaccompanied children have arrived.", [(41000.0, "count", None)]),
        ("Twenty-eight families and their children face eviction.", [(28.0, "count", None)]),
        ("The government offered $20 million in foreign assistance.", [(20000000.0, "money", "USD")]),
        ("An 80% cut to the school meals program was announced.", [(80.0, "percent", None)]),
        ("In 2015 the law changed; COVID-19 spread; Title 42 was used within 20 days.", []),
        ("Thousands marched and hundreds of thousands signed.", []),
        # media-advisory metadata, dates with spaced slashes, footnote markers and page labels
        ("Download the video file (318.4 MB). DURATION: 4:12", []),
        ("Daily News 07 / 03 / 2018", []),
        ("The task force is funded by drilling firms. [1]\nThe complainant sits on a committee. [2]", []),
        ("Board of directors\n|Page 2\nHelmut Weber, chairman", []),
        ("Around 3/4 of households and 9/11 survivors were counted.", []),
        # "TB" is tuberculosis here; a size inside running text is a figure
        ("The clinic treated 3,000 TB patients last year.", [(3000.0, "count", None)]),
    ],
)
def test_figures(nlp, text, expected):
    out = _one(nlp, text)
    assert [(f.value, f.unit, f.currency) for f in out.figures] == expected


def test_figure_object_and_qualifier(nlp):
    out = _one(nlp, "More than 41,000 unaccompanied children have arrived at the border.")
    (figure,) = out.figures
    assert figure.text == "More than 41,000"
    assert "children" in figure.object
    assert out.text[figure.start:figure.end] == "More than 41,000"


def test_extract_text_gives_what_the_pipeline_would(nlp):
    import pipeline

    (release,) = pipeline.extract_text(
        "Rights group urges release of detained reporters\nJanuary 5, 2022\n"
        "Jane Roe, executive director of Harbour Trust USA, said: “The 12 journalists held in "
        "Cairo must be freed.”"
    )
    assert release.title == "Rights group urges release of detained reporters"
    assert str(release.published) == "2022-01-05"
    assert [(p.name, p.role, p.organization) for p in release.spokespeople] == [
        ("Jane Roe", "executive director", "Harbour Trust USA")]
    assert release.countries == ("EGY",)
    assert [(f.value, f.unit) for f in release.figures] == [(12.0, "count")]
    assert pipeline.extract_text("   \n  ") == []


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("OAKLAND, Calif. — A federal judge blocked the rule today.", ("USA",)),
        ("GENEVA/NAIROBI, 3 May 2021 – Aid agencies warned of famine.", ("CHE", "KEN")),
        ("Harbour Trust Canada welcomed the decision.", ()),
        ("The U.S. Department of State issued a travel warning.", ("USA",)),
        ("Leaders called for calm in the Gulf and across the Western region.", ()),
        ("Survivors from Darfur and Bosnia testified.", ("BIH", "SDN")),
    ],
)
def test_countries_in_datelines_names_and_regions(nlp, text, codes):
    assert _one(nlp, text).countries == codes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Aid chief Maria Lopez visited the camp on Monday. She said: “Families need shelter now.”",
         [("Maria Lopez", "chief", None)]),
        (("The agency is alarmed by the fighting. The region cannot bear another season of it.\n"
          "Omar Haddad, Deputy Spokesperson for the Agency Geneva, 14 March 2021"),
         [("Omar Haddad", "Deputy Spokesperson for the Agency", None)]),
        ("Agency Chief Maria Lopez Briefing to the Security Council on the situation in Haiti",
         [("Maria Lopez", "Chief", "Agency")]),
        ("Below is comment from Jamal Okafor, director of the Refugee Law Project at Makerere University.",
         [("Jamal Okafor", "director of the Refugee Law Project", "Makerere University")]),  # a project: the role's
        # a colon glued to the quotation, after a long appositive title
        (("Speaking in Lisbon, Ana Ferreira, Vice-President of the Board, responsible for Housing, Transport, "
         "Energy and Climate, currently also in charge of the Water & Sanitation portfolio, said:“Every "
         "household must have clean water by the end of the decade.”"),
         [("Ana Ferreira", "Vice-President of the Board", None)]),
        # a video clip sheet: name, title and a note in brackets, then the words
        (("00:00:12 SOUNDBITE Tomas Berg, Chief Economist (man, Swedish): “Prices rose faster than wages "
         "for the third year running.”"),
         [("Tomas Berg", "Chief Economist", None)]),
        # a transcript: the speaker label resolves to the full name printed above it
        (("Minister of Health Ingrid Solberg and Mayor Paul Dunne at a Joint Press Conference\n"
         "MINISTER SOLBERG: Thank you all for coming this morning.\n"
         "QUESTION: Will the clinics reopen next week?"),
         [("Ingrid Solberg", "Minister of Health", None)]),
        # a label that no full name matches is nobody
        ("MODERATOR: Welcome to the briefing.\nQUESTION: When will the report be out?", []),
        # "she" takes up the subject before, never the person she met
        (("Laila Nasser, the agency's field director, visited the camp on Monday. Describing her talks "
          "with Pedro Alves, she said the camps needed water. She noted that winter was coming."),
         [("Laila Nasser", "field director", None)]),
        # two people named before an ambiguous "He": nobody
        ("UN envoy Laila Nasser met President Pedro Alves on Monday. He said the elections would go ahead.", []),
        # a hyphenated name said twice is one person, never cut inside
        (("Maria Silva-Reyes, Americas director at Brightwater, visited the border on Monday. "
          "“This is a cruel policy,” said Maria Silva-Reyes."),
         [("Maria Silva-Reyes", "Americas director", "Brightwater")]),
        # a colon after a name that is the object of "with" opens a video title, not her words
        ("Watch the interview with Jane Doe, our director: “Why the camps must stay open”", []),
        ("Describing her talks with Minister Pedro Alves, she said the camps needed water.", []),
        # a name inside the subject's phrase, or the addressee of "told", is not who speaks
        (("Ruling on a complaint by campaigner Tom Hale, the Press Standards Board has told the charity to "
          "withdraw an advert."), []),
        ("After weeks of talks, the regulator told Maria Costa to close the plant by Friday.", []),
        ("A spokesperson for the Water Alliance, Omar Said, said the pumps were broken.",
         [("Omar Said", "spokesperson", "Water Alliance")]),
        # a title with its own portfolio or region: the `of` phrase after it is the body, a field's word and all
        ("Tomasz Wren, head of logistics of Marlow & Finch Engineering, said: “The depot opens in May.”",
         [("Tomasz Wren", "head of logistics", "Marlow & Finch Engineering")]),
        ("Ines Vale, managing director for Europe of Ostrand Robotics, said: “Orders doubled.”",
         [("Ines Vale", "managing director for Europe", "Ostrand Robotics")]),
        # a colon after a clause with no verb of saying: the clause's subject speaks, if it is a person
        ("Ruth Okoro, chair of the Lantern Tenants Union, was blunt: “The rent rise is unlawful.”",
         [("Ruth Okoro", "chair", "Lantern Tenants Union")]),
        ("Pavel Dunn, director of the Skerry Trust, did not mince his words: “It is a disgrace.”",
         [("Pavel Dunn", "director", "Skerry Trust")]),
        ("The ruling was clear: “Tenants must be rehoused.”", []),
        # a statement issued by someone on a body's behalf; a verdict of a person on the quotation before it
        (("The following statement was issued on behalf of the Lantern Tenants Union by Ruth Okoro, its chair:\n\n"
          "“The rent rise is unlawful.”"), [("Ruth Okoro", "chair", "Lantern Tenants Union")]),
        ("“It is a disgrace.” That was the verdict of Pavel Dunn, director of the Skerry Trust, after the vote.",
         [("Pavel Dunn", "director", "Skerry Trust")]),
        ("The verdict of the jury was unanimous. Judge Amos Pell sentenced him on Friday.", []),
        # a body's of-chain before the verb is no name; an unnamed spokesperson for a body is no one
        (("Opening the summit in Lisbon, Director-General Ines Vale of the Council of River Pilots told delegates: "
          "“The channel must stay open.”"), [("Ines Vale", "Director-General", "Council of River Pilots")]),
        ("A spokesperson for the Union of Ferry and Harbour Workers said the figures were being checked.", []),
        # a joint statement of people each of their own body, listed with commas and `and`
        (("In a joint statement on Tuesday, Ruth Okoro of the Lantern Tenants Union, Pavel Dunn of the Skerry Trust "
          "and Margaret Holloway of the Council for Rural Broadband said: “This budget forgets the valleys.”"),
         [("Ruth Okoro", None, "Lantern Tenants Union"), ("Pavel Dunn", None, "Skerry Trust"),
          ("Margaret Holloway", None, "Council for Rural Broadband")]),
        # a title in a fronted `as` clause, the words quoted in the next sentence
        (("As head of research of the Skerry Trust since 2017, Pavel Dunn has led three surveys. “The reef is "
          "recovering,” he said."), [("Pavel Dunn", "head of research", "Skerry Trust")]),
        # a quotation signed by a citation in brackets on its line
        ("Ferry fares\n\n“Fares must come down.” (Ruth Okoro, Chair, Lantern Tenants Union)\n\nThe vote is on Monday.",
         [("Ruth Okoro", "Chair", "Lantern Tenants Union")]),
    ],
)
def test_spokespeople_patterns(nlp, text, expected):
    assert [(p.name, p.role, p.organization) for p in _one(nlp, text).spokespeople] == expected


def test_a_name_run_into_the_words_before_it_is_cut_where_the_text_prints_them_alone(nlp):
    from spacy.tokens import Span

    from pipeline.extract.names import without_run_on_words

    doc = nlp.make_doc("Farmers held by Sable Front Tomas Okello, director, said the Sable Front holds more. "
                       "Mary Ann Lee Smith spoke.")
    run_on = Span(doc, 3, 7, label="PERSON")  # "Sable Front Tomas Okello": the recogniser's one name
    assert run_on.text == "Sable Front Tomas Okello"
    assert without_run_on_words(run_on).text == "Tomas Okello"
    whole = Span(doc, 17, 21, label="PERSON")  # "Mary Ann Lee Smith": no part of it printed alone
    assert whole.text == "Mary Ann Lee Smith"
    assert without_run_on_words(whole).text == "Mary Ann Lee Smith"


@pytest.mark.parametrize(
    ("text", "value", "obj", "written"),
    [
        ("Floods caused nearly half - 46.3 per cent - of the 12,400 recorded deaths of livestock.",
         46.3, "recorded deaths of livestock", "nearly half - 46.3"),
        ("Two more shelters were opened this week, bringing the total number of shelters to 47.",
         47.0, "shelters", "47"),
        ("Up to 5 million households could lose power this winter.", 5000000.0, "households", "Up to 5 million"),
        ("The company reported revenue of $4.2 billion last year.", 4200000000.0, "revenue", "$4.2 billion"),
        ("It is far below the yearly refugee cap of 95,000 set in 2016.", 95000.0, "yearly refugee cap", "95,000"),
    ],
)
def test_figure_objects_through_shares_totals_and_qualifiers(nlp, text, value, obj, written):
    figure = next(f for f in _one(nlp, text).figures if f.value == value)
    assert (figure.object, figure.text) == (obj, written)


def test_a_currency_sign_the_recogniser_left_out_is_the_figures_currency(nlp):
    out = _one(nlp, "The fund will give €250,000 to the shelters, and the council pledged £3m more.")
    assert [(f.text, f.unit, f.currency, f.value) for f in out.figures] == [
        ("€250,000", "money", "EUR", 250000.0), ("£3m", "money", "GBP", 3000000.0)]


def test_a_finite_auxiliary_after_the_name_is_a_clause_so_the_title_before_it_counts(nlp):
    out = _one(nlp, "The director of programmes of the Harbour Trust (HT), Pierre Dubois, has ended a three-day "
                    "official visit to the Dutch capital, Amsterdam. “The talks were useful,” Mr Dubois said.")
    assert [(p.name, p.role, p.organization) for p in out.spokespeople] == [
        ("Pierre Dubois", "director of programmes", "Harbour Trust")]


def test_a_title_ending_of_the_runs_on_through_the_bodys_name(nlp):
    out = _one(nlp, "“I have enjoyed my time on the board,” said Jane Roe, chairman of the Brovia Corp. board of "
                    "trustees.")
    assert [(p.role, p.organization) for p in out.spokespeople] == [
        ("chairman of the Brovia Corp. board of trustees", "Brovia Corp.")]


def test_the_owner_of_a_named_body_is_not_part_of_the_title(nlp):
    out = _one(nlp, "“The ward will reopen in May,” said Jane Roe, CEO of HMG's Northfield General Hospital.")
    assert [(p.role, p.organization) for p in out.spokespeople] == [("CEO", "Northfield General Hospital")]


def test_a_page_published_in_the_speakers_own_name_names_no_body(nlp):
    def speakers(publisher: str) -> list[tuple[str | None, str | None]]:
        release = Release(sources=("t.txt",), kind="press_release", title=None, organization=publisher,
                          summary="“We will keep the clinic open,” said Representative Jane Roe.")
        (out,) = list(extract([release], nlp))
        return [(p.role, p.organization) for p in out.spokespeople]

    assert speakers("Honorable Jane Roe") == [("Representative", None)]
    assert speakers("Harbour Trust") == [("Representative", "Harbour Trust")]


def _speakers(nlp, text: str) -> list[tuple[str, str | None, str | None]]:
    return [(p.name, p.role, p.organization) for p in _one(nlp, text, "Harbour plan approved").spokespeople]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Odile Farquharson of the Marsh Lane Allotment Society said: “The plots will stay open.”",
         ("Odile Farquharson", None, "Marsh Lane Allotment Society")),
        ("“The plots will stay open,” said Odile Farquharson from Pembury Seeds Ltd.",
         ("Odile Farquharson", None, "Pembury Seeds Ltd.")),
    ],
)
def test_a_name_before_of_or_from_and_a_body_is_the_speaker_the_recogniser_missed(nlp, text, expected):
    assert _speakers(nlp, text) == [expected]


def test_the_subject_of_a_speech_verb_taken_for_a_place_is_a_name(nlp):
    text = "As treasurer of the Marsh Lane Allotment Society, Rosalind Achebe said the plots would stay open."
    assert _speakers(nlp, text) == [("Rosalind Achebe", "treasurer", "Marsh Lane Allotment Society")]


def test_a_relative_clause_in_the_perfect_gives_the_title_up_to_its_date(nlp):
    text = ("“The plots will stay open,” said Odile Farquharson, who has been treasurer of the Marsh Lane Allotment "
            "Society for nine years.")
    assert _speakers(nlp, text) == [("Odile Farquharson", "treasurer", "Marsh Lane Allotment Society")]


@pytest.mark.parametrize(
    "later",
    ["Farquharson is treasurer of the Marsh Lane Allotment Society.",
     "Farquharson has served as treasurer of the Marsh Lane Allotment Society since 2017."],
)
def test_a_title_given_at_a_later_mention_by_surname_is_the_speakers(nlp, later):
    text = f"“The plots will stay open,” said Odile Farquharson. {later}"
    assert _speakers(nlp, text) == [("Odile Farquharson", "treasurer", "Marsh Lane Allotment Society")]


def test_a_possessive_body_keeps_its_of_chain_and_an_ampersand(nlp):
    text = ("Odile Farquharson, the Guild of Weavers of Tarrow's treasurer, said: “The looms stay.” “We agree,” said "
            "Ansel Moyo, partner at Crane & Pike Solicitors.")
    assert _speakers(nlp, text) == [("Odile Farquharson", "treasurer", "Guild of Weavers of Tarrow"),
                                    ("Ansel Moyo", "partner", "Crane & Pike Solicitors")]


def test_a_dash_opens_and_closes_an_appositive_title(nlp):
    text = "Odile Farquharson — treasurer, Marsh Lane Allotment Society — said: “The plots will stay open.”"
    assert _speakers(nlp, text) == [("Odile Farquharson", "treasurer", "Marsh Lane Allotment Society")]


def test_speaking_on_behalf_of_a_body_names_the_speakers_organisation(nlp):
    text = ("Speaking on behalf of the Marsh Lane Allotment Society, Treasurer Odile Farquharson said the plots "
            "would stay.")
    assert _speakers(nlp, text) == [("Odile Farquharson", "Treasurer", "Marsh Lane Allotment Society")]


@pytest.mark.parametrize(
    ("signature", "expected"),
    [
        ("-- \nOdile J. al-Masri\nTreasurer | Marsh Lane Allotment Society",
         ("Odile J. al-Masri", "Treasurer", "Marsh Lane Allotment Society")),
        ("Signed,\nOdile Farquharson\nTreasurer\non behalf of the Marsh Lane Allotment Society",
         ("Odile Farquharson", "Treasurer", "Marsh Lane Allotment Society")),
    ],
)
def test_a_statement_signed_at_the_end_gives_the_signer_with_the_lines_beneath(nlp, signature, expected):
    text = f"The plots will stay open through the winter. A meeting is planned for March.\n\n{signature}"
    assert [(p.name, p.role, p.organization) for p in _one(nlp, text).spokespeople] == [expected]


def test_a_verb_whose_colon_opens_a_quotation_speaks_through_its_subject(nlp):
    text = ("“The plots will stay open,” said Odile Farquharson. Ansel Moyo, partner at Crane & Pike Solicitors, "
            "agreed: “We will help.”")
    assert ("Ansel Moyo", "partner", "Crane & Pike Solicitors") in _speakers(nlp, text)


def test_a_name_the_recogniser_took_for_a_body_before_a_dash_and_a_title_is_the_speaker(nlp):
    text = "Ansel Moyo — vice-chair, Office of the Tide Ombudsman — said: “The plots will stay open.”"
    assert _speakers(nlp, text) == [("Ansel Moyo", "vice-chair", "Office of the Tide Ombudsman")]


def test_a_subject_holding_a_title_then_a_name_joined_to_its_body_speaks(nlp):
    text = "Director of the Centre for Seed Studies Ansel Moyo of Crane Robotics Inc. said that the plots would stay."
    assert _speakers(nlp, text) == [("Ansel Moyo", "Director of the Centre for Seed Studies", "Crane Robotics Inc.")]


def test_a_later_surname_the_recogniser_took_for_a_place_still_gives_the_title(nlp):
    text = "“The plots will stay open,” said Svetla Okonjo. Okonjo is vice-chair of the National Union of Seed Growers."
    assert _speakers(nlp, text) == [("Svetla Okonjo", "vice-chair", "National Union of Seed Growers")]


def test_a_name_given_a_title_by_a_copula_is_a_person_for_its_later_surname(nlp):
    text = "Tupac Okonjo is legal adviser of the Seedwell Foundation. “The plots will stay open,” Okonjo said."
    assert _speakers(nlp, text) == [("Tupac Okonjo", "legal adviser", "Seedwell Foundation")]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Remarks by Director of Research and Evaluation Mei Okonjo of the Seedwell Foundation",
         ("Mei Okonjo", "Director of Research and Evaluation", "Seedwell Foundation")),
        ("Remarks by Deputy Director for Land and Water Rights Mei Okonjo of the Seedwell Foundation",
         ("Mei Okonjo", "Deputy Director for Land and Water Rights", "Seedwell Foundation")),
    ],
)
def test_a_titles_field_joined_by_and_is_no_part_of_the_name_after_it(nlp, title, expected):
    out = _one(nlp, "OKONJO: The plots will stay open.\nQUESTION: When?\nOKONJO: In March.", title)
    assert [(p.name, p.role, p.organization) for p in out.spokespeople] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Seedwell Group Head of Policy for Upland Affairs Elif Okonjo said: “The plots will stay open.”",
         ("Elif Okonjo", "Head of Policy for Upland Affairs", "Seedwell Group")),
        ("SGA Director of Research and Evaluation Elif Okonjo said: “The plots will stay open.”",
         ("Elif Okonjo", "Director of Research and Evaluation", "SGA")),
    ],
)
def test_a_titles_field_before_a_name_the_recogniser_missed_is_no_part_of_it(nlp, text, expected):
    assert _speakers(nlp, text) == [expected]


def test_a_board_of_people_is_the_titles_portfolio_and_the_body_follows_its_of(nlp):
    text = ("“The plots will stay open,” said Elif Okonjo, chair of the Board of Trustees of the Seedwell Growers "
            "Association.")
    assert _speakers(nlp, text) == [("Elif Okonjo", "chair of the Board of Trustees", "Seedwell Growers Association")]


def test_a_person_joined_by_and_before_the_speaker_speaks_the_same_words(nlp):
    text = ("In a joint statement, Elif Okonjo, treasurer of the Seedwell Growers Association, and Ansel Moyo, partner "
            "at Crane & Pike Solicitors, said: “The plots will stay open.”")
    assert sorted(_speakers(nlp, text)) == [("Ansel Moyo", "partner", "Crane & Pike Solicitors"),
                                            ("Elif Okonjo", "treasurer", "Seedwell Growers Association")]


def test_a_title_ends_where_a_name_follows_an_abbreviations_stop(nlp):
    text = ("“The plots will stay open,” said Elif Okonjo, treasurer of Seedwell Ltd. Ansel Moyo, partner at Crane "
            "& Pike Solicitors, agreed: “We will help.”")
    assert ("Elif Okonjo", "treasurer", "Seedwell Ltd.") in _speakers(nlp, text)


def test_has_served_as_runs_to_the_verbs_date(nlp):
    text = ("“The plots will stay open,” Elif Okonjo told reporters. Okonjo has served as head of research for upland "
            "farms at Seedwell Ventures LLC since 2018.")
    assert _speakers(nlp, text) == [("Elif Okonjo", "head of research for upland farms", "Seedwell Ventures LLC")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“The plots will stay open,” said SGA clinical lead Elif Okonjo.", ("Elif Okonjo", "clinical lead", "SGA")),
        ("Seedwell Robotics Inc.'s deputy head of fundraising Elif Okonjo said: “The plots will stay open.”",
         ("Elif Okonjo", "deputy head of fundraising", "Seedwell Robotics Inc.")),
    ],
)
def test_a_titles_word_the_tagger_took_for_a_verb_stays_in_the_title(nlp, text, expected):
    assert _speakers(nlp, text) == [expected]


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (None, ("Dear colleagues,\n\nThe survey is attached.\n\nBest,\nRosalind Achebe (she/her)\nPolicy Officer\n"
               "Seedwell Growers Association\nrachebe@example.org"),
         [("Rosalind Achebe", "Policy Officer", "Seedwell Growers Association")]),
        (None, ("To the Editor:\n\nYour report missed the point.\n\nRosalind Achebe\nChair, Harbour Residents' "
               "Association\nPort Ellery"),
         [("Rosalind Achebe", "Chair", "Harbour Residents' Association")]),
        (None, ("We call on the council to reverse its decision.\n\nSigned:\nRosalind Achebe, Chair, Seedwell Growers "
               "Association\nTomasz Wieczorek, Director, Harbour Residents' Association"),
         [("Rosalind Achebe", "Chair", "Seedwell Growers Association"),
          ("Tomasz Wieczorek", "Director", "Harbour Residents' Association")]),
        (None, ("Hi all,\n\nOur response is below.\n\nThanks,\nRosalind\nRosalind Achebe | Head of Communications | "
               "Seedwell Growers Association"),
         [("Rosalind Achebe", "Head of Communications", "Seedwell Growers Association")]),
        ("Open letter to the Harbour Board", ("The harbour must stay open.\n\nOn behalf of the Seedwell Growers "
                                             "Association,\nRosalind Achebe\nChair"),
         [("Rosalind Achebe", "Chair", "Seedwell Growers Association")]),
        ("Statement from the Seedwell Growers Association", "We will appeal the ruling.\n\nRosalind Achebe, Chair",
         [("Rosalind Achebe", "Chair", "Seedwell Growers Association")]),
        ("Interview with Rosalind Achebe, Chair of the Seedwell Growers Association",
         "Q: What happens next?\nA: We will appeal.\nQ: When?\nA: Within a month.",
         [("Rosalind Achebe", "Chair", "Seedwell Growers Association")]),
    ],
)
def test_a_documents_signers_and_interviewee_speak_with_the_role_and_body_printed(nlp, title, text, expected):
    assert sorted((p.name, p.role, p.organization) for p in _one(nlp, text, title).spokespeople) == expected


def test_an_organ_after_a_bodys_own_last_word_opens_the_title(nlp):
    text = "Seedwell Growers Trust Board Member Elif Okonjo said: “The plots will stay open.”"
    assert _speakers(nlp, text) == [("Elif Okonjo", "Board Member", "Seedwell Growers Trust")]


def test_an_opening_as_phrase_with_a_title_makes_the_subject_a_person(nlp):
    text = ("As director of operations of the Seedwell Growers Association, Nilufar Sandoval said the plots would "
            "stay open.")
    assert _speakers(nlp, text) == [("Nilufar Sandoval", "director of operations", "Seedwell Growers Association")]


def test_a_titled_name_before_a_verb_the_parse_left_without_subject_speaks(nlp):
    text = ("Speaking on behalf of the Seedwell Food Bank, Regional Director for the South Ngozi Iwu said: “The plots "
            "will stay open.”")
    assert _speakers(nlp, text) == [("Ngozi Iwu", "Regional Director for the South", "Seedwell Food Bank")]


def test_a_body_the_recogniser_ran_across_a_titles_field_and_comma_is_the_part_after_it(nlp):
    text = ("Elif Okonjo (Director of Research and Evaluation, Seedwell Growers Association) said: “The plots will "
            "stay open.”")
    assert _speakers(nlp, text) == [("Elif Okonjo", "Director of Research and Evaluation",
                                     "Seedwell Growers Association")]


def test_a_signers_surname_the_recogniser_took_for_a_body_still_signs(nlp):
    text = ("The plots will stay open. The council agreed on Tuesday.\n\nAna Takahashi\nSpokesperson, Seedwell "
            "Growers Association\n\nThe photographs were taken by Keiko Abernethy.")
    assert _speakers(nlp, text) == [("Ana Takahashi", "Spokesperson", "Seedwell Growers Association")]


def test_a_body_closing_a_titled_subject_is_no_name_and_the_name_before_its_of_speaks(nlp):
    text = ("Regional Director for the South Ngozi al-Mansur of the National Union of Seed Growers said that the plots "
            "would stay open.")
    assert _speakers(nlp, text) == [("Ngozi al-Mansur", "Regional Director for the South",
                                     "National Union of Seed Growers")]



def test_a_title_after_a_name_ends_where_the_parser_starts_a_sentence_after_a_stop(nlp):
    text = ("The plan was welcomed by Ngozi Iwu, treasurer at Seedwell Ltd. The consultation runs until June.\n\n"
            "Iwu said: “The plots will stay open.”")
    assert _speakers(nlp, text) == [("Ngozi Iwu", "treasurer", "Seedwell Ltd.")]


def test_a_board_of_people_before_the_name_with_no_comma_is_the_titles_portfolio(nlp):
    text = ("Chair of the Board of Trustees of the Seedwell Water Policy Association Elif Okonjo said: “The plots "
            "will stay open.”")
    assert _speakers(nlp, text) == [("Elif Okonjo", "Chair of the Board of Trustees",
                                     "Seedwell Water Policy Association")]


def test_a_name_the_recogniser_ran_a_body_into_is_the_speaker(nlp):
    text = ("More than a hundred residents came.\n\nLegal Adviser of the Federation of Independent Growers Thandiwe "
            "Mwangi said: “The plots will stay open.”")
    assert _speakers(nlp, text) == [("Thandiwe Mwangi", "Legal Adviser", "Federation of Independent Growers")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a hyphenated given name, and the body after a title's `of` that names no portfolio
        ("“We are ready,” said Min-jun Ostrander, president of Kestrova.",
         ("Min-jun Ostrander", "president", "Kestrova")),
        # a brand's inner capitals
        ("“We are ready,” said Dana Whitfield, chief executive of BrightLoom.",
         ("Dana Whitfield", "chief executive", "BrightLoom")),
        # degrees after the name, a unit that stands alone with a name of its own
        ("“We are ready,” said Tamsin Arkwright, MD, PhD, director of Quillmoor Research Centre.",
         ("Tamsin Arkwright", "director", "Quillmoor Research Centre")),
        # a possessive inside the body's name
        ("Asked about the plan, Oren Malloy, general secretary of the Children's Reading Circle, replied: “No.”",
         ("Oren Malloy", "general secretary", "Children's Reading Circle")),
        # the title in a later sentence, its body's link hung on the copula
        ("“We are ready,” Ines Lemarchand told reporters. Lemarchand is treasurer at Saltmarsh Wildlife Rescue.",
         ("Ines Lemarchand", "treasurer", "Saltmarsh Wildlife Rescue")),
        ("Quote attributed to Rafe Dunmore, country director, Quorvale Biosciences:\n“We are ready.”",
         ("Rafe Dunmore", "country director", "Quorvale Biosciences")),
        ("“We are ready,” added Mira Castellane, who joined the Alder Foundation as general manager in 2019.",
         ("Mira Castellane", "general manager", "Alder Foundation")),
        ("Director of Public Affairs from BrightLoom in Kenya, Tova Hallgren, said: “We are ready.”",
         ("Tova Hallgren", "Director of Public Affairs", "BrightLoom")),
        ("Senior Scientist Beatriz Holloway (Veltrane) commented: “We are ready.”",
         ("Beatriz Holloway", "Senior Scientist", "Veltrane")),
        ("Dr Thandiwe Quispe, from the Riverside Children's Fund, said: “We are ready.”",
         ("Thandiwe Quispe", None, "Riverside Children's Fund")),
        ("Kestrel Holdings plc Chief Executive Professor Zainab Haddad said: “We are ready.”",
         ("Zainab Haddad", "Chief Executive", "Kestrel Holdings plc")),
        ("Oren Malloy, policy director Nimbrel Analytics, had the following reaction: “We are ready.”",
         ("Oren Malloy", "policy director", "Nimbrel Analytics")),
        # an acronym alone after `from`; the body an owner's possessive names
        ("Dr Ilse Marwick, from QRTL, said: “We are ready.”", ("Ilse Marwick", None, "QRTL")),
        ("“We are ready,” said Oren Malloy, CEO of HMG’s Northfield Hospital.",
         ("Oren Malloy", "CEO", "Northfield Hospital")),
        # a surname that is a title's word is still a surname when no title's words lead on to another name
        ("“We are ready,” said Tom Head of the Harbour Trust.", ("Tom Head", None, "Harbour Trust")),
    ],
)
def test_attributions_newsrooms_print_with_brands_degrees_and_units(nlp, text, expected):
    assert _speakers(nlp, text) == [expected]


def test_titles_that_name_a_portfolio_or_a_place_name_no_body_after_them(nlp):
    assert _speakers(nlp, "“We are ready,” said Tova Hallgren, Minister of Fisheries.") == [
        ("Tova Hallgren", "Minister of Fisheries", None)]
    assert _speakers(nlp, "“We are ready,” said Oren Malloy, regional director for the South.") == [
        ("Oren Malloy", "regional director for the South", None)]
    assert _speakers(nlp, "“We are ready,” said Oren Malloy, chairman of the Board.") == [
        ("Oren Malloy", "chairman of the Board", None)]


def test_a_body_whose_possessive_stands_before_the_name_is_the_speakers(nlp):
    assert _speakers(nlp, "The Children's Reading Circle's Noa Tamsin said: “We owe it to walkers.”") == [
        ("Noa Tamsin", None, "Children's Reading Circle")]
    assert _speakers(nlp, "Kenya's Jane Roe said: “We owe it.”") == [("Jane Roe", None, None)]  # a place owns none
    # "co-founder", parsed as three attributes of the copula, is one title
    assert _speakers(nlp, "“It works,” Tariq Vukovic told reporters. Vukovic is co-founder at Tallow & Finch plc.") == [
        ("Tariq Vukovic", "co-founder", "Tallow & Finch plc")]


def test_one_word_before_a_title_names_a_body_unless_it_reads_as_an_adjective(nlp):
    assert _speakers(nlp, "Corvane Legal Adviser Grace Mwangi said: “We owe it.”") == [
        ("Grace Mwangi", "Legal Adviser", "Corvane")]
    assert _speakers(nlp, "Acclaimed Director Jane Roe said: “We owe it.”")[0][2] is None
    assert _speakers(nlp, "Veteran Director Jane Roe said: “We owe it.”")[0][2] is None
    assert _speakers(nlp, "Harbourtown Mayor Jane Roe said: “We owe it.”")[0][2] is None  # a town's office
    # a person the recogniser took for a body, after a body's possessive
    assert _speakers(nlp, "Saltmarsh Wildlife Rescue's Maeve Jovanović said: “We owe it.”") == [
        ("Maeve Jovanović", None, "Saltmarsh Wildlife Rescue")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mira Oduya, who serves as chief executive of the Pellham Housing Co-operative, said: “We will build.”",
         ("Mira Oduya", "chief executive", "Pellham Housing Co-operative")),
        ("“We will build,” said Lior Achebe, who has led Redmoor Clinic as general counsel since 2018.",
         ("Lior Achebe", "general counsel", "Redmoor Clinic")),
        ("“We will build,” said Kaito Brandt, director of strategy with Tessaly Microfinance, in an interview.",
         ("Kaito Brandt", "director of strategy", "Tessaly Microfinance")),
        ("Oskar Lind, general counsel, said on behalf of Vesta Lumen: “We will build.”",
         ("Oskar Lind", "general counsel", "Vesta Lumen")),
        ("Idris Pereira, Tessaly Microfinance's chief executive, told reporters: “We will build.”",
         ("Idris Pereira", "chief executive", "Tessaly Microfinance")),
    ],
)
def test_serving_since_with_on_behalf_of_and_a_brands_possessive(nlp, text, expected):
    assert _speakers(nlp, text) == [expected]


def test_a_persons_staff_and_a_party_and_state_name_no_body(nlp):
    assert _speakers(nlp, "Jane Roe's spokesperson, Tom Smith, said: “No comment.”")[0][2] is None
    assert _speakers(nlp, "Representative Tomas Berg (D-OH) said: “We act.”")[0][2] is None


def test_a_pronoun_after_a_title_sentence_is_its_subject_when_it_names_no_one_else(nlp):
    text = ("The case was heard by Judge Cornelius Bramwell. Jane Roe is the director of the Harbour Trust. "
            "“It works,” she said.")
    assert _speakers(nlp, text) == [("Jane Roe", "director", "Harbour Trust")]
    # (two people in the sentence before: test_spokespeople_patterns keeps that no one is guessed)


def test_a_company_the_recogniser_took_for_a_person_is_no_speaker(nlp):
    assert _speakers(nlp, "Velmora Biotech Director of Strategy Yuki Grabowski warned: “The plan is sound.”") == [
        ("Yuki Grabowski", "Director of Strategy", "Velmora Biotech")]
    assert all(name != "Luma Health" for name, _role, _org in _speakers(nlp, "Luma Health said: “The plan is sound.”"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an age and a note in brackets between the name and its title
        ("Orla Vantongeren, 61, head of finance at Brackenmoor Water, said: “We will build.”",
         ("Orla Vantongeren", "head of finance", "Brackenmoor Water")),
        ("Tarik Oyelowo (left), director of campaigns at the Saltcote Tenants' Union, said: “We will build.”",
         ("Tarik Oyelowo", "director of campaigns", "Saltcote Tenants' Union")),
        # a second post after `and a former` is no part of the first
        ("“We will build,” said Ines Morrow, chair of the Fellgate Rowing Club and a former treasurer at Ambry Bank.",
         ("Ines Morrow", "chair", "Fellgate Rowing Club")),
        # a body named after the office holder it serves
        ("“We will build,” said Pavel Ondrasek, legal adviser at the Office of the Coastal Access Commissioner.",
         ("Pavel Ondrasek", "legal adviser", "Office of the Coastal Access Commissioner")),
        ("Nell Achterberg, director of the Office of the Children's Commissioner, said: “We will build.”",
         ("Nell Achterberg", "director", "Office of the Children's Commissioner")),
        # an Iberian double surname after its particle, an Irish surname after `Ní`, a reverend's title
        ("Renata da Costa Lobo, treasurer of the Millbeck Trust, said: “We will build.”",
         ("Renata da Costa Lobo", "treasurer", "Millbeck Trust")),
        ("Revd Siobhán Ní Dhuibhir, chair of the Millbeck Trust, said: “We will build.”",
         ("Siobhán Ní Dhuibhir", "chair", "Millbeck Trust")),
        # the owner of a unit that a leading verb names
        ("Amos Teague, who runs the Millbeck Trust's grants desk, said: “We will build.”",
         ("Amos Teague", None, "Millbeck Trust")),
    ],
)
def test_ages_asides_second_posts_eponymous_offices_and_surnames_with_particles(nlp, text, expected):
    assert _speakers(nlp, text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (("Mara Quist was appointed finance director of the Tollan Valley Railway in May. "
         "“We will build,” Mara Quist said."), ("Mara Quist", "finance director", "Tollan Valley Railway")),
        (("The Tollan Valley Railway has appointed Mara Quist as its new finance director. "
         "“We will build,” said Quist."), ("Mara Quist", "finance director", "Tollan Valley Railway")),
        ("Mara Quist has been named chief executive of the Tollan Valley Railway. “We will build,” Quist said.",
         ("Mara Quist", "chief executive", "Tollan Valley Railway")),
    ],
)
def test_the_post_an_appointment_gives_is_the_title_of_the_person_appointed(nlp, text, expected):
    assert _speakers(nlp, text) == [expected]


def test_a_body_called_by_its_last_word_after_its_full_name_is_that_body(nlp):
    text = ("The Ferrybridge Netball League confirmed the new season on Friday. "
            "“We will build,” said Hana Ostrowski, the league's head of coaching.")
    assert _speakers(nlp, text) == [("Hana Ostrowski", "head of coaching", "Ferrybridge Netball League")]
    # (no body of that kind named before: no body)
    assert _speakers(nlp, "“We will build,” said Hana Ostrowski, the league's head of coaching.")[0][2] is None


def test_a_letter_signed_by_and_one_signed_for_and_on_behalf_of_a_body(nlp):
    text = "The letter, signed by Wendell Arkwright, treasurer of Pike & Lorne Surveyors, asks for a delay."
    assert _speakers(nlp, text) == [("Wendell Arkwright", "treasurer", "Pike & Lorne Surveyors")]
    letter = ("Dear Minister,\n\nThe depot must stay open.\n\nFor and on behalf of the Millbeck Trust,\n\n"
              "Amos Teague\nTreasurer")
    assert _speakers(nlp, letter) == [("Amos Teague", "Treasurer", "Millbeck Trust")]


def test_an_interview_with_q_and_a_labels_closed_by_stops_is_answered_by_the_person_its_heading_names(nlp):
    heading = "Four questions for Ilse Brannagh, Head of Research at Saltcote Tenants' Union"
    text = "Q. When do the repairs start?\nA. The first crews go in on Monday.\nQ. Who pays?\nA. The landlord does."
    found = [(p.name, p.role, p.organization) for p in _one(nlp, text, heading).spokespeople]
    assert found == [("Ilse Brannagh", "Head of Research", "Saltcote Tenants' Union")]


def test_a_body_defined_by_its_acronym_is_no_speaker_and_its_acronym_names_it_as_printed(nlp):
    # (the body as the attribution prints it: the development gold keeps `PHI`, `NIES`)
    text = ("The Coastal Ferry Operators' Association (CFOA) warned on Monday that fares would rise. "
            "“We will build,” said the CFOA's head of policy Ines Morrow.")
    assert _speakers(nlp, text) == [("Ines Morrow", "head of policy", "CFOA")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cllr Amos Teague, cabinet member for housing at Saltcote Borough Council, said: “We will build.”",
         ("Amos Teague", "cabinet member for housing", "Saltcote Borough Council")),
        ("Detective Inspector Amos Teague, of the Saltcote Police Service, said: “We will build.”",
         ("Amos Teague", "Detective Inspector", "Saltcote Police Service")),
        ("Amos Teague, 52, of Fellgate, a shop steward for the Saltcote Dockers' Union, said: “We will build.”",
         ("Amos Teague", "shop steward", "Saltcote Dockers' Union")),
        ("“We will build,” said Amos Teague (pictured), who was appointed chairman of Fellgate Rovers FC last year.",
         ("Amos Teague", "chairman", "Fellgate Rovers FC")),
        ("Fellgate Rovers FC won the cup on Saturday. “We will build,” said Amos Teague, the club's captain.",
         ("Amos Teague", "captain", "Fellgate Rovers FC")),
    ],
)
def test_councillors_police_ranks_hometowns_appointments_and_a_body_called_by_its_kind(nlp, text, expected):
    assert _speakers(nlp, text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ines Morrow with the Saltcote Tenants' Union said: “We will build.”",
         ("Ines Morrow", None, "Saltcote Tenants' Union")),
        ("Ines Morrow, research director Fellgate Water Company offered the following comment: “We will build.”",
         ("Ines Morrow", "research director", "Fellgate Water Company")),
        ("The mayor, Amos Teague, had this to say: “We will build.”", ("Amos Teague", "mayor", None)),
        ("Homes for Saltcote Families's head of policy, Amos Teague, said: “We will build.”",
         ("Amos Teague", "head of policy", "Homes for Saltcote Families")),
        ("Ines Morrow, head of advocacy at the Fellgate Estuary Partnership, predicted that the bills would rise.",
         ("Ines Morrow", "head of advocacy", "Fellgate Estuary Partnership")),
    ],
)
def test_a_body_after_with_a_statement_verb_ending_a_title_a_possessive_name_and_reported_views(nlp, text, expected):
    assert _speakers(nlp, text) == [expected]


def test_a_forecaster_predicting_a_trend_is_no_body_that_speaks(nlp):
    text = ("The Harbour Trust said on Monday that the depot would close. Bramwell Capital predicted that the market "
            "would grow. “We will build,” said Ines Morrow, the chief executive.")
    assert _speakers(nlp, text) == [("Ines Morrow", "chief executive", "Harbour Trust")]


def test_a_letter_on_a_letterhead_and_an_opinion_pieces_author(nlp):
    letter = ("Saltcote Tenants' Union\n14 Dock Road, Saltcote\n\nDear Councillor,\n\nThe depot must stay open.\n\n"
              "Yours sincerely,\n\nAmos Teague\nTreasurer")
    assert _speakers(nlp, letter) == [("Amos Teague", "Treasurer", "Saltcote Tenants' Union")]
    piece = ("By Amos Teague\n\nWe have asked the council twice. We are still waiting.\n\n"
             "Amos Teague is the treasurer of the Saltcote Tenants' Union.")
    assert _speakers(nlp, piece) == [("Amos Teague", "treasurer", "Saltcote Tenants' Union")]
    news = "By Amos Teague\n\nThe council met on Monday.\n\nAmos Teague is a reporter who covers the council."
    assert _speakers(nlp, news) == []  # a reporter's byline speaks for no one
    side = ("Dear Chair,\n\nThe depot must stay open.\n\nYours sincerely,\n\n"
            "Amos Teague          Ines Morrow\nTreasurer             Chair")
    assert all("  " not in name for name, _role, _org in _speakers(nlp, side))  # two signatures are no one name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We will build,” said Amos Teague OBE, head of policy at the Saltcote Tenants' Union.",
         ("Amos Teague", "head of policy", "Saltcote Tenants' Union")),
        ("The Minister for Housing, the Hon. Amos Teague MP, said: “We will build.”",
         ("Amos Teague", "Minister for Housing", None)),
        ("The Minister for Health and Aged Care, Amos Teague, said: “We will build.”",
         ("Amos Teague", "Minister for Health and Aged Care", None)),
        ("Amos Teague, co-director of the Coalition of Tenants, Renters and Lodgers, said: “We will build.”",
         ("Amos Teague", "co-director", "Coalition of Tenants, Renters and Lodgers")),
        ("“We will build,” said Amos Teague, director of the Alliance for Food, Land and Dignity.",
         ("Amos Teague", "director", "Alliance for Food, Land and Dignity")),
        ("Amos Teague, Head of Policy, Harbour and Rivers Trust, said: “We will build.”",
         ("Amos Teague", "Head of Policy", "Harbour and Rivers Trust")),
        ("“We will build,” said Amos Teague, chair of trustees of Clean Air for Saltcote Bay.",
         ("Amos Teague", "chair of trustees", "Clean Air for Saltcote Bay")),
    ],
)
def test_post_nominals_honorifics_portfolios_and_bodies_whose_names_hold_lists_or_places(nlp, text, expected):
    assert _speakers(nlp, text) == [expected]


def test_a_title_owned_by_its_a_statement_headed_from_a_body_and_a_police_appeal(nlp):
    quoted = ("In a press release, the Saltcote Tenants' Union quoted its national coordinator, Amos Teague, "
              "as saying that rents would rise.")
    assert _speakers(nlp, quoted) == [("Amos Teague", "national coordinator", "Saltcote Tenants' Union")]
    statement = [(p.name, p.role, p.organization) for p in _one(
        nlp, "Attributable to Amos Teague, Executive Director:\n\n“We will build.”",
        "Statement from the Saltcote Tenants' Union on the housing report").spokespeople]
    assert statement == [("Amos Teague", "Executive Director", "Saltcote Tenants' Union")]
    appeal = ("Fellgate Constabulary is appealing for witnesses after a fire on Mill Lane. "
              "Chief Inspector Amos Teague, who is leading the investigation, said: “We will find them.”")
    assert _speakers(nlp, appeal) == [("Amos Teague", "Chief Inspector", "Fellgate Constabulary")]
    assert _speakers(nlp, "Amos Teague appealed the ruling on Monday. The Harbour Trust said it would help.") == []
    listed = "Amos Teague, director of advocacy of the Rivers, Reefs and Rights Coalition, said: “We will build.”"
    assert _speakers(nlp, listed) == [("Amos Teague", "director of advocacy", "Rivers, Reefs and Rights Coalition")]


def test_an_its_title_after_a_bodys_possessive_in_the_opening_clause(nlp):
    text = ("Writing on the Skerry Trust's blog, its general secretary, Pavel Dunn, argued that the reef would take a "
            "decade to recover.")
    people = _one(nlp, text, title="Reef survey").spokespeople
    assert [(p.name, p.role, p.organization, p.organization_rule) for p in people] == [
        ("Pavel Dunn", "general secretary", "Skerry Trust", "its_owner")]
