import datetime as dt

from pipeline.read import read
from pipeline.records import Page
from pipeline.split import kind_of, split

from .conftest import DATA, REPO


def _page(*blocks: str, source: str = "mem.txt") -> Page:
    return Page(source=source, blocks=tuple(blocks), sha256="0" * 64)


def test_listing_snippet_splits_into_dated_cards_only():
    cards = split(read(DATA / "listing_snippet.txt"))
    assert [(c.title, c.published) for c in cards] == [
        ("It’s Time To Stop Cutting Corners And Protect Island Families On The Ferries, Says Harbour Trust",
         dt.date(2019, 1, 8)),
        ("Ferry Timetable Plan Could Leave Island Pupils Stranded This Winter", dt.date(2018, 12, 20)),
        (("Coast: Harbour Trust urges the new minister to take action for island families during his "
          "first 100 days"), dt.date(2018, 11, 28)),
    ]
    assert {c.kind for c in cards} == {"press_release"}
    # page chrome above the first card is dropped, the photo caption goes with the card below it
    assert cards[0].captions == ()
    assert cards[1].captions == (
        "Blue and white graphic with the Harbour Trust logo on the top right and the word",
    )
    assert "We tell the stories behind the numbers" not in cards[0].summary
    assert cards[0].summary.startswith("In anticipation of the minister’s statement")
    assert cards[0].summary.endswith("…")


def test_seed_listing_has_reports_and_press_releases():
    cards = split(read(REPO / "raw" / "001_e52d2ad2135645ca.txt"))
    assert len(cards) == 12
    assert [c.kind for c in cards].count("report") == 2


def test_date_first_layout_with_fused_kind():
    cards = split(_page(
        "Search Results",
        "December 3, 2021 • Press Release",
        "Court Blocks Unlawful Expulsions at the Border",
        "A federal court today blocked the government from expelling families, a ruling that protects thousands.",
        "Keep the Ferries Running",
        "November 30, 2021 • Statement",
        "Statement on the Anniversary of the Camp",
        "Twenty years on, the detention camp remains open and the men held there still have no trial date.",
    ))
    assert [(c.kind, c.title, c.published) for c in cards] == [
        ("press_release", "Court Blocks Unlawful Expulsions at the Border", dt.date(2021, 12, 3)),
        ("statement", "Statement on the Anniversary of the Camp", dt.date(2021, 11, 30)),
    ]
    assert "Keep the Ferries Running" not in cards[0].summary


def test_date_first_cards_without_titles():
    cards = split(_page(
        "Latest Updates",
        "Press Release",
        "January 25, 2016",
        "The ministry published draft rules this evening that would cap the fares charged on the island routes.",
        "Press Release",
        "January 21, 2016",
        "The ministry today announced that two more crossings will be added to the winter timetable.",
    ))
    assert [(c.title, c.published, c.kind) for c in cards] == [
        (None, dt.date(2016, 1, 25), "press_release"),
        (None, dt.date(2016, 1, 21), "press_release"),
    ]
    assert cards[1].summary.startswith("The ministry today announced")


def test_email_is_one_document_with_its_kind():
    (release,) = split(read(REPO / "raw" / "003_201addb2da27fa3f.txt"))
    assert release.kind == "email"
    assert release.published is None  # "© 2020" is a copyright year, never a publication date


def test_topic_page_is_one_document_and_repeated_paragraphs_count_once():
    (release,) = split(read(REPO / "raw" / "000_929761a6bfdb51c8.txt"))
    assert release.kind == "page"
    assert release.summary.count("On behalf of 2 million Amnesty International supporters") == 1


def test_single_release_takes_its_dateline_date():
    (release,) = split(_page(
        "Rights Group Condemns New Detention Policy",
        "For Immediate Release",
        "WASHINGTON, D.C. (March 4, 2019) — A new policy announced today will keep families in detention for "
        "months, the organisation said in a statement.",
        "Later in the text, on 5 May 2019, a hearing is scheduled.",
    ))
    assert release.title == "Rights Group Condemns New Detention Policy"
    assert release.published == dt.date(2019, 3, 4)
    assert release.kind == "press_release"


def test_kind_lines():
    assert kind_of("Press Release") == "press_release"
    assert kind_of("Sheet of paper Report") == "report"
    assert kind_of("HARBOUR TRUST USA PRESS RELEASE") == "press_release"
    assert kind_of("Press Statement") == "statement"
    assert kind_of("Update") == "update"
    assert kind_of("Ferry Timetable Plan Could Leave Island Pupils Stranded This Winter") is None


FLOOD = ("Flooding displaces thousands in northern Mozambique",
         "Heavy rains have forced more than 20,000 people from their homes in Cabo Delgado, the agency said on Friday.")
APPEAL = ("Agency appeals for $12 million to support families in Haiti",
          "The appeal will fund shelter, water and health care for 150,000 people over six months.")


def _titles_dates(cards):
    return [(c.title, c.published) for c in cards]


def test_title_above_a_posted_on_byline():
    cards = split(_page("Latest news", FLOOD[0], "Posted on March 12, 2021 by Press Office", FLOOD[1],
                        APPEAL[0], "Posted on March 10, 2021 by Press Office", APPEAL[1]))
    assert _titles_dates(cards) == [(FLOOD[0], dt.date(2021, 3, 12)), (APPEAL[0], dt.date(2021, 3, 10))]
    assert cards[0].summary == FLOOD[1]


def test_date_with_plural_category_label():
    cards = split(_page("Mar 12, 2021 | Press Releases", *FLOOD, "Mar 10, 2021 | Statements", *APPEAL))
    assert [c.kind for c in cards] == ["press_release", "statement"]
    assert _titles_dates(cards) == [(FLOOD[0], dt.date(2021, 3, 12)), (APPEAL[0], dt.date(2021, 3, 10))]


def test_day_first_dates_with_read_more_links():
    cards = split(_page("News and press releases", "12 March 2021", *FLOOD, "Read more",
                        "10 March 2021", *APPEAL, "Read more", "Subscribe to our newsletter"))
    assert _titles_dates(cards) == [(FLOOD[0], dt.date(2021, 3, 12)), (APPEAL[0], dt.date(2021, 3, 10))]
    assert "Read more" not in cards[1].summary and "Subscribe" not in cards[1].summary


def test_iso_published_label_under_the_title():
    cards = split(_page(FLOOD[0], "Published: 2021-03-12", FLOOD[1], APPEAL[0], "Published: 2021-03-10", APPEAL[1]))
    assert _titles_dates(cards) == [(FLOOD[0], dt.date(2021, 3, 12)), (APPEAL[0], dt.date(2021, 3, 10))]


def test_cards_dated_without_a_year_get_no_date():
    cards = split(_page("5-31 | " + FLOOD[1], "3-18 | " + APPEAL[1]))
    assert [c.published for c in cards] == [None, None]
    assert [c.date_text for c in cards] == ["5-31", "3-18"]


def test_bylines_times_and_generic_news_labels():
    cards = split(_page("By Press Office | March 12, 2021", *FLOOD, "By Press Office | March 10, 2021", *APPEAL))
    assert _titles_dates(cards) == [(FLOOD[0], dt.date(2021, 3, 12)), (APPEAL[0], dt.date(2021, 3, 10))]
    cards = split(_page("March 12, 2021 10:00 AM EST", *FLOOD, "March 10, 2021 4:30 PM EST", *APPEAL))
    assert _titles_dates(cards) == [(FLOOD[0], dt.date(2021, 3, 12)), (APPEAL[0], dt.date(2021, 3, 10))]
    cards = split(_page("12 March 2021 | News", *FLOOD, "10 March 2021 | News", *APPEAL))
    assert [c.kind for c in cards] == ["press_release", "press_release"]
    assert _titles_dates(cards) == [(FLOOD[0], dt.date(2021, 3, 12)), (APPEAL[0], dt.date(2021, 3, 10))]


def test_listing_cut_off_after_its_first_dated_card_is_one_card():
    teaser = ("Families displaced by the floods in the northern valleys still wait for shelter, clean water and "
              "medical care three months after the river burst its banks, a new report finds.")
    next_teaser = ("A proposed law on public assembly would let police ban protests on vague grounds and jail "
                   "organisers for up to two years, rights groups warned on Monday.")
    cards = split(_page(
        "Sheet of paper Report", "Flood survivors left without shelter", teaser, "March 4, 2021",
        "Photo of marchers",
        "Marchers in the capital on Saturday carried banners against the draft law. (Photo: Staff)",
        "Press Release", "Draft protest law threatens the right to assemble", next_teaser,
    ))
    assert [(c.kind, c.title, c.summary, c.published) for c in cards] == [
        ("report", "Flood survivors left without shelter", teaser, dt.date(2021, 3, 4))]


def test_single_release_page_with_one_kind_line_keeps_its_whole_body():
    body = [f"Paragraph {n} of the statement, long enough to read as running text rather than a heading "
            "or a label, with a full stop at the end." for n in range(1, 6)]
    cards = split(_page("Press Release", "Agency opens three new clinics", "March 4, 2021", *body[:2],
                        "What happens next", *body[2:],
                        "Related", "Press Release", "Clinic staff trained in emergency care"))
    assert len(cards) == 1
    assert all(paragraph in cards[0].summary for paragraph in body)


def test_long_headline_above_a_dated_teaser_is_the_title():
    long_title = ("Northern Province – health agency urges families living along the river to boil drinking water "
                  "after a second confirmed death from the cholera outbreak in the provincial capital")
    assert len(long_title) > 150
    cards = split(_page(
        "Press releases",
        "Agency welcomes the new national water strategy",
        "3 May 2022 – The agency welcomed the strategy published on Tuesday and urged ministers to fund it fully.",
        long_title,
        "29 APRIL 2022 – The agency has urged families in the north to take every precaution as cases rise.",
        "Vaccination drive reaches a million children",
        "26 April 2022 – A national drive has reached a million children in its first month, the agency said.",
    ))
    assert [(c.title, c.published) for c in cards] == [
        ("Agency welcomes the new national water strategy", dt.date(2022, 5, 3)),
        (long_title, dt.date(2022, 4, 29)),
        ("Vaccination drive reaches a million children", dt.date(2022, 4, 26)),
    ]
    assert cards[0].summary.startswith("The agency welcomed") and long_title not in cards[0].summary


def test_page_heading_is_no_kind_and_statement_titles_are_statements():
    cards = split(_page(
        "Press releases",
        "• 18 Feb 2020 - Statement attributable to the Spokesperson on the floods The agency is alarmed by the "
        "rising water in the eastern districts and calls for safe passage for relief convoys.",
        "• 01 Feb 2020 - Joint statement on the ceasefire talks The two agencies welcome the resumption of talks "
        "and urge all parties to keep the truce in place while they last.",
        "• 22 Jan 2020 - Relief convoys reach the eastern districts for the first time in a month, carrying food "
        "and medicine for some twelve thousand people.",
    ))
    # GUIDELINES: only a title opening "Statement by / from / attributable to" makes a statement.
    assert [c.kind for c in cards] == ["statement", "press_release", "press_release"]


def test_a_kind_line_above_each_date_is_each_cards_kind():
    teaser = "The agency published its annual survey of water points in the northern districts on Monday."
    cards = split(_page("Report", "2 May 2021 - Water survey finds a third of pumps broken " + teaser,
                        "Update", "1 May 2021 - Convoy reaches the north " + teaser,
                        "Report", "30 Apr 2021 - Clinic census complete " + teaser))
    assert [c.kind for c in cards] == ["report", "update", "report"]


def test_short_release_page_with_a_related_card_stays_one_document():
    cards = split(_page("Press Release", "Agency opens three new clinics", "March 4, 2021",
                        "The agency opened three clinics in the north on Thursday, its first in the region since "
                        "the floods, and will staff them with twelve nurses.",
                        "Report", "Clinic staff trained in emergency care",
                        "Nurses from the three districts completed a six-week course in emergency care."))
    assert len(cards) == 1 and cards[0].title == "Agency opens three new clinics"
    assert "twelve nurses" in cards[0].summary


def test_only_statement_titles_make_statements_and_one_label_over_the_page_is_the_pages():
    teaser = "The agency published its annual survey of water points in the northern districts on Monday."
    cards = split(_page(
        "Report",
        "• 2 May 2021 - Statements from survivors collected in new survey " + teaser,
        "• 1 May 2021 - Statement of claim filed against mining firm " + teaser,
        "• 30 Apr 2021 - Statement on the ceasefire talks " + teaser,
    ))
    # "Report" above the first card only is the page's label, not that card's kind.
    assert [c.kind for c in cards] == ["press_release", "press_release", "press_release"]


def test_section_headings_set_the_kind_of_the_cards_below_them():
    teaser = "The agency published its annual survey of water points in the northern districts on Monday."
    cards = split(_page(
        "Press releases",
        "2 May 2021 - Water survey finds a third of pumps broken", teaser,
        "1 May 2021 - Convoy reaches the north", teaser,
        "Events",
        "30 Apr 2021 - Open day at the clinic", teaser,
        "29 Apr 2021 - Webinar on water policy", teaser,
    ))
    assert [(c.kind, c.title) for c in cards] == [
        ("press_release", "Water survey finds a third of pumps broken"), ("press_release", "Convoy reaches the north"),
        ("event", "Open day at the clinic"), ("event", "Webinar on water policy")]


def test_layout_words_have_no_duplicates_and_only_known_kinds():
    import re as _re
    import tomllib

    from pipeline.lines import KIND_LABELS

    path = REPO / "pipeline" / "layout_words.toml"
    words = tomllib.loads(path.read_text(encoding="utf-8"))
    labels = [*words["kinds"], *words["kinds_alone"]]
    assert len(labels) == len(set(labels)), "a kind label is listed twice"
    phrases = words["chrome"]["phrases"]
    assert len(phrases) == len(set(phrases)), "a furniture phrase is listed twice"
    # tomllib keeps the last of two equal keys silently: look for them in the text too
    keys = _re.findall(r'^"([^"]+)" =', path.read_text(encoding="utf-8"), _re.MULTILINE)
    assert len(keys) == len(set(keys))
    assert set(KIND_LABELS.values()) <= {"press_release", "report", "update", "statement", "blog", "event",
                                         "media_coverage"}


def test_a_one_word_label_after_other_words_is_a_topic_but_a_strong_one_is_a_kind():
    assert kind_of("Free Speech") is None and kind_of("Public Comment") is None
    assert kind_of("Media Statement") == "statement" and kind_of("Annual Report") == "report"
    assert kind_of("Speech") == "statement" and kind_of("Opinion") == "blog"


def test_a_label_after_capitalised_words_is_capitalised_itself():
    assert kind_of("Café statement") is None and kind_of("Council report") is None
    assert kind_of("Joint statement") == "statement" and kind_of("media release") == "press_release"


def test_a_documents_date_line_is_metadata_but_a_dateline_paragraph_is_text():
    alone = split(_page("Press Release", "Council Opens Two Shelters", "Posted on March 3, 2021",
                        "The council opened two shelters on Tuesday, its director Jane Roe said."))[0]
    assert alone.date_text == "March 3, 2021" and "March 3" not in alone.summary
    opening = split(_page("Council Opens Two Shelters",
                          "March 3, 2021 – The council opened two shelters on Tuesday, its director Jane Roe said "
                          "at a meeting with residents of the northern districts."))[0]
    assert opening.published is not None and opening.summary.startswith("March 3, 2021 –")
    broken = split(_page("Press Release", "Council Opens Two Shelters", "February 30, 2021",
                         "The council opened two shelters on Tuesday."))[0]
    assert broken.published is None and broken.date_text == "February 30, 2021" and "February" not in broken.summary


def test_a_briefing_transcript_with_speaker_labels_is_no_email():
    (release,) = split(_page("Press briefing by the spokesperson of the Water Agency, John Doe",
                             "Harbourtown, 12 May 2021",
                             "MR. DOE: Good afternoon. I will start with the drought in the north.",
                             "QUESTION: When will the next convoy leave?",
                             "MR. DOE: On Friday, and a second one the week after.",
                             "QUESTION: And the southern districts?"))
    assert release.kind == "press_release" and release.published == dt.date(2021, 5, 12)


def test_an_emails_subject_and_sent_headers_are_its_title_and_date_not_its_text():
    (release,) = split(_page("From: Jane Roe <jroe@example.org>", "Sent: Tuesday, March 3, 2020 10:15 AM",
                             "To: Newsdesk", "Subject: Comment on the flood funding", "Dear colleagues,",
                             "Jane Roe, director of the Harbour Trust, said the funding came late.",
                             "Best regards,", "Jane Roe"))
    assert release.kind == "email" and release.title == "Comment on the flood funding"
    assert release.published == dt.date(2020, 3, 3) and "From:" not in release.summary
    assert "Sent:" not in release.summary and release.summary.startswith("Dear colleagues,")


def test_bare_date_and_title_pairs_pair_by_the_page_not_by_its_heading():
    """Under a short heading that could be a headline, each title takes the date above it; printed the other way
    round, the date below it. A date is never taken from the next card."""
    pairs = [("May 3, 2021", "Orchard council plants a mile of hedges on the west road"),
             ("April 28, 2021", "Ferry office adds a late crossing for the summer season"),
             ("April 2, 2021", "Valley school opens its new reading room to the public")]
    above = split(_page("Quay news", *(line for pair in pairs for line in pair), "Back to the top"))
    assert [(c.title, c.published.isoformat()) for c in above] == [
        (title, dt.datetime.strptime(day, "%B %d, %Y").date().isoformat()) for day, title in pairs]
    below = split(_page("Quay news", *(line for day, title in pairs for line in (title, day))))
    assert [(c.title, c.published) for c in below] == [(c.title, c.published) for c in above]


def test_blank_lines_between_cards_decide_the_pairing_the_lines_leave_open(tmp_path):
    """A heading as long as a headline above bare pairs: only the blank lines say which date is whose."""
    heading = "Notices from the harbour board about its works"
    pairs = [("Orchard council plants a mile of hedges", "3 May 2021"),
             ("Ferry office adds a late crossing", "28 April 2021"),
             ("Valley school opens its reading room", "2 April 2021")]
    for first_date in (False, True):
        cards = ["\n".join(reversed(pair) if first_date else pair) for pair in pairs]
        path = tmp_path / f"pairs{first_date}.txt"
        path.write_text(heading + "\n\n" + "\n\n".join(cards) + "\n", encoding="utf-8")
        got = [(c.title, c.published.isoformat()) for c in split(read(path))]
        assert got == [(title, dt.datetime.strptime(day, "%d %B %Y").date().isoformat()) for title, day in pairs]


def test_a_kind_label_in_sentence_case_on_its_own_line_is_the_cards_kind():
    cards = split(_page(
        "Media statement", "Ferry office adds a late crossing", "Crossings run until midnight from June onwards.",
        "3 May 2021", "Press release", "Valley school opens its reading room",
        "The room is open to every resident of the valley on weekdays.", "2 May 2021", "Annual report",
        "Canal society counts its members", "The society has more members than in any year since it began.",
        "1 May 2021"))
    assert [(c.title, c.kind) for c in cards] == [
        ("Ferry office adds a late crossing", "statement"), ("Valley school opens its reading room", "press_release"),
        ("Canal society counts its members", "report")]
    # a short line the page repeats that ends with a kind label is a label, in any case
    updates = split(_page(*(line for n in range(3) for line in (
        "Service update", f"Line {n + 1} reopens after repairs", f"{n + 3} May 2021"))))
    assert [(c.title, c.kind) for c in updates] == [(f"Line {n + 1} reopens after repairs", "update") for n in range(3)]


def test_releases_in_sequence_split_at_datelines_ending_with_a_bar():
    cards = split(_page(
        "ASHCOMBE, 2021-05-03 | The ferry office added a late crossing for the summer season.",
        "Crossings will run until midnight from June.",
        "REDWATER, 2021-04-28 · The valley school opened its reading room to the public.",
        "The room is open on weekdays.", "###",
        "Thornby, the Narrows (2021-04-02) | The canal society painted the old pier.",
        "Volunteers did the work over two weekends."))
    assert [(c.published.isoformat(), c.summary.split(" ", 1)[0]) for c in cards] == [
        ("2021-05-03", "ASHCOMBE,"), ("2021-04-28", "REDWATER,"), ("2021-04-02", "Thornby,")]


def test_an_indented_title_under_its_date_is_that_dates(tmp_path):
    """A heading as long as a headline above bare pairs, no blank lines: the indentation says which date is whose."""
    path = tmp_path / "indented.txt"
    path.write_text("Notices from the harbour board about its works\n3 May 2021\n    Orchard council plants hedges\n"
                    "28 April 2021\n    Ferry office adds a late crossing\n"
                    "2 April 2021\n    Valley school opens a room\n", encoding="utf-8")
    assert [(c.title, c.published.isoformat()) for c in split(read(path))] == [
        ("Orchard council plants hedges", "2021-05-03"), ("Ferry office adds a late crossing", "2021-04-28"),
        ("Valley school opens a room", "2021-04-02")]


def test_a_days_date_over_several_headlines_dates_each_of_them():
    """An archive by day: each headline under a day's date is a card of that date, never one card of three."""
    cards = split(_page(
        "Quay news", "Tuesday, 4 May 2021", "Orchard council plants a mile of hedges on the west road",
        "Ferry office adds a late crossing for the summer season", "Why is the east lock closed?",
        "Monday, 3 May 2021", "Valley school opens its new reading room to the public",
        "Friday, 30 April 2021", "Canal society counts record otter numbers along both banks",
        "Mill museum restores the clock tower before the regatta", "Press enquiries: 01632 960 222"))
    assert [(c.title, c.published.isoformat()) for c in cards] == [
        ("Orchard council plants a mile of hedges on the west road", "2021-05-04"),
        ("Ferry office adds a late crossing for the summer season", "2021-05-04"),
        ("Why is the east lock closed?", "2021-05-04"),
        ("Valley school opens its new reading room to the public", "2021-05-03"),
        ("Canal society counts record otter numbers along both banks", "2021-04-30"),
        ("Mill museum restores the clock tower before the regatta", "2021-04-30")]


def test_a_headline_and_a_teaser_under_each_date_stay_one_card():
    cards = split(_page(
        "4 May 2021", "Orchard council plants a mile of hedges", "The hedges run along the west road to the mill.",
        "3 May 2021", "Ferry office adds a late crossing", "Crossings run until midnight from June onwards."))
    assert [c.title for c in cards] == ["Orchard council plants a mile of hedges", "Ferry office adds a late crossing"]


def test_a_page_blurb_and_a_breadcrumb_are_no_card():
    """`Find our ... below.` speaks to the reader about the page; `Home > News > Releases` is a breadcrumb."""
    cards = split(_page(
        "Home > Newsroom > Statements", "Quay notes", "Find our statements and notices below.",
        "4 May 2021", "Will the ferry run late?", "Work starts in May.",
        "3 May 2021", "Will the lock reopen?", "Work starts in June."))
    assert [(c.title, c.summary) for c in cards] == [("Will the ferry run late?", "Work starts in May."),
                                                    ("Will the lock reopen?", "Work starts in June.")]


def test_kind_and_date_joined_by_a_colon_or_a_slash_and_titles_joined_to_dates_by_a_tilde():
    cards = split(_page(
        "Ferry office adds a late crossing", "Statement: 4 May 2021", "Crossings run until midnight from June.",
        "Valley school opens its reading room", "Annual report / 3 May 2021", "The room is open on weekdays."))
    assert [(c.title, c.kind, c.published.isoformat()) for c in cards] == [
        ("Ferry office adds a late crossing", "statement", "2021-05-04"),
        ("Valley school opens its reading room", "report", "2021-05-03")]
    cards = split(_page(
        "Canal society counts its members ~ 2nd of May 2021", "The society has more members than ever.",
        "Mill museum restores the clock tower -- 01-May-2021", "The clock strikes again from Friday."))
    assert [(c.title, c.published.isoformat()) for c in cards] == [
        ("Canal society counts its members", "2021-05-02"), ("Mill museum restores the clock tower", "2021-05-01")]


def test_wire_releases_end_at_their_source_line_or_thirty():
    first = ("KESTREL BAY, Ore., May 4, 2021 /Wire/ -- The ferry office added a crossing. "
             "Crossings run until midnight.")
    second = "ASHCOMBE, Vt., May 3, 2021 /Wire/ -- The valley school opened its reading room on Monday."
    cards = split(_page("Ferry office adds a late crossing", first, "The timetable is online.", "SOURCE Ferry Office",
                        "Valley school opens its reading room", second, "-30-"))
    assert [(c.title, c.published.isoformat()) for c in cards] == [
        ("Ferry office adds a late crossing", "2021-05-04"), ("Valley school opens its reading room", "2021-05-03")]


def test_a_reference_number_after_the_date_is_the_date_lines_meta():
    cards = split(_page(
        "4 May 2021 Ref: 21/043", "Ferry office adds a late crossing", "Crossings run until midnight from June.",
        "3 May 2021 Ref: 21/042", "Valley school opens its reading room", "The room is open on weekdays."))
    assert [(c.title, c.published.isoformat()) for c in cards] == [
        ("Ferry office adds a late crossing", "2021-05-04"), ("Valley school opens its reading room", "2021-05-03")]


def test_a_headline_left_out_below_the_last_card_costs_the_reading_that_leaves_it():
    """Under a short heading, two bare date and title pairs: reading each title as the one above its date would
    leave the last headline out (a card lost); the heading, shorter than every title, is no card."""
    cards = split(_page("Newsroom", "Press releases", "Notes from the quay", "Dec. 31, 2002",
                        "Will the ferry run late?", "Dec. 30, 2002", "Ferry office adds a late crossing in summer"))
    assert [(c.title, c.published.isoformat()) for c in cards] == [
        ("Will the ferry run late?", "2002-12-31"), ("Ferry office adds a late crossing in summer", "2002-12-30")]


def _split_text(tmp_path, text: str) -> list[tuple[str | None, dt.date | None, str]]:
    path = tmp_path / "listing.txt"
    path.write_text(text, encoding="utf-8")
    return [(c.title, c.published, c.kind) for c in split(read(path))]


def test_a_reading_time_beside_the_date_is_no_title(tmp_path):
    text = ("Harbour trust opens two more moorings\n⏱ 3 min | 4th May, 2021\nThe board met on Monday.\n\n"
            "Ferry fares are held for the winter\n⏱ 5 min | 2nd May, 2021\nThe board met on Friday.\n\n"
            "Lifeboat crews train a new intake\nReading time: 2 minutes\n28th April, 2021\nThe crews met on Sunday.\n")
    assert _split_text(tmp_path, text) == [
        ("Harbour trust opens two more moorings", dt.date(2021, 5, 4), "press_release"),
        ("Ferry fares are held for the winter", dt.date(2021, 5, 2), "press_release"),
        ("Lifeboat crews train a new intake", dt.date(2021, 4, 28), "press_release"),
    ]


def test_a_kind_printed_at_each_cards_end_is_that_cards_not_the_next_ones(tmp_path):
    # the first card has no kind above it and a kind line is left below the last: kinds close their cards
    cards = [("Harbour trust opens two more moorings", "4 May 2021", "Category: Events"),
             ("Ferry fares are held for the winter", "2 May 2021", "Category: Reports"),
             ("Lifeboat crews train a new intake", "28 April 2021", "Category: Updates"),
             ("Island school reopens after the storm", "20 April 2021", "Category: Reports")]
    text = "".join(f"{title}\n{date}\nThe board met on Monday to agree it.\n{kind}\n" for title, date, kind in cards)
    assert [kind for _title, _date, kind in _split_text(tmp_path, text)] == ["event", "report", "update", "report"]


def test_an_edit_date_is_never_the_cards_date_alone_or_beside_the_publication_date(tmp_path):
    text = ("Harbour trust opens two more moorings\nLast updated: SEP 1, 2010 | First published: AUG 23, 2010\n"
            "The board met on Monday.\n\n"
            "Updated 14 August 2010\nFerry fares are held for the winter\n2 August 2010\nThe board met on Friday.\n\n"
            "Updated 9 August 2010\nLifeboat crews train a new intake\n28 July 2010\nThe crews met on Sunday.\n")
    assert _split_text(tmp_path, text) == [
        ("Harbour trust opens two more moorings", dt.date(2010, 8, 23), "press_release"),
        ("Ferry fares are held for the winter", dt.date(2010, 8, 2), "press_release"),
        ("Lifeboat crews train a new intake", dt.date(2010, 7, 28), "press_release"),
    ]


def test_an_advisorys_when_and_where_lines_are_its_text_not_its_title_or_date(tmp_path):
    cards = [("Lifeboat crews open the station to visitors", "When: Saturday 7 October, 10:30", "3 October 2021"),
             ("Harbour trust shows the new moorings to the press", "When: Monday 27 September, 14:00",
              "21 September 2021"),
             ("Island school reopens its doors after the storm", "When: Friday 10 September, 09:00",
              "6 September 2021")]
    text = "".join(f"{title}\n{when}\nWhere: the pier, Harbour Road\nThe crews will be on hand all day.\n"
                   f"Media Advisory | {day}\n\n" for title, when, day in cards)
    assert _split_text(tmp_path, text) == [
        ("Lifeboat crews open the station to visitors", dt.date(2021, 10, 3), "press_release"),
        ("Harbour trust shows the new moorings to the press", dt.date(2021, 9, 21), "press_release"),
        ("Island school reopens its doors after the storm", dt.date(2021, 9, 6), "press_release"),
    ]


def test_headlines_over_their_datelines_are_not_taken_for_a_wrapped_text(tmp_path):
    text = ("Harbour trust opens two more moorings for the boats\n(KESTREL BAY, 4 May 2021) – The board met.\n\n"
            "Ferry fares are held for the whole of the winter\n(KESTREL BAY, 2 May 2021) – The board met.\n")
    assert [title for title, _day, _kind in _split_text(tmp_path, text)] == [
        "Harbour trust opens two more moorings for the boats", "Ferry fares are held for the whole of the winter"]


def test_a_markdown_heading_or_link_line_ends_on_its_line(tmp_path):
    text = ("## Harbour trust opens two more moorings for the small boats of the bay\nThe board met on Monday.\n"
            "*4 May 2021*\n\n## Ferry fares are held for the whole of the coming winter season\n"
            "The board met on Friday.\n*2 May 2021*\n\n"
            "[Lifeboat crews train a new intake of volunteers](https://example.org/news/lifeboat-crews)\n"
            "The crews met on Sunday.\n*28 April 2021*\n")
    assert [title for title, _day, _kind in _split_text(tmp_path, text)] == [
        "Harbour trust opens two more moorings for the small boats of the bay",
        "Ferry fares are held for the whole of the coming winter season",
        "Lifeboat crews train a new intake of volunteers"]


def test_a_headline_glued_to_the_month_of_its_date_is_read_apart(tmp_path):
    text = ("Harbour trust opens two more moorings for the boatsMay 4th, 2021\n\n"
            "Ferry fares are held for the whole of the winterApr 30th, 2021\n\n"
            "Lifeboat crews train a new intake of volunteersApr 2nd, 2021\n")
    assert _split_text(tmp_path, text) == [
        ("Harbour trust opens two more moorings for the boats", dt.date(2021, 5, 4), "press_release"),
        ("Ferry fares are held for the whole of the winter", dt.date(2021, 4, 30), "press_release"),
        ("Lifeboat crews train a new intake of volunteers", dt.date(2021, 4, 2), "press_release"),
    ]


def test_a_printed_pages_running_heads_and_sheet_footers_are_furniture(tmp_path):
    head = "Newsroom – Kestrel Bay Trust    09/11/2025, 10:12"
    text = (f"{head}\nPress releases and statements\n4th May, 2021\nHarbour trust opens two more moorings\n"
            "The board met on Monday.\n2nd May, 2021\nFerry fares are held for the winter\n"
            f"https://kestrel.example.org/newsroom    1/2\n{head}\nThe board met on Friday.\n"
            "28th April, 2021\nLifeboat crews train a new intake\nThe crews met on Sunday.\n"
            "https://kestrel.example.org/newsroom    2/2\n")
    assert _split_text(tmp_path, text) == [
        ("Harbour trust opens two more moorings", dt.date(2021, 5, 4), "press_release"),
        ("Ferry fares are held for the winter", dt.date(2021, 5, 2), "press_release"),
        ("Lifeboat crews train a new intake", dt.date(2021, 4, 28), "press_release"),
    ]


def test_a_kind_label_before_a_dateline_and_kind_lines_issued_on_a_day(tmp_path):
    datelines = ("Harbour trust opens two more moorings\n"
                 "UPDATE — KESTREL BAY, Monday 3rd May 2021 — The board met on Monday to agree it.\n\n"
                 "Ferry fares are held for the winter\n"
                 "STATEMENT — KESTREL BAY, Friday 30th April 2021 — The board met on Friday to agree it.\n")
    assert _split_text(tmp_path, datelines) == [
        ("Harbour trust opens two more moorings", dt.date(2021, 5, 3), "update"),
        ("Ferry fares are held for the winter", dt.date(2021, 4, 30), "statement"),
    ]
    issued = ("Statement, issued Sat. 24 April 2021\nLifeboat crews train a new intake\nThe crews met on Sunday.\n\n"
              "Statement, issued Mon. 19 April 2021\nIsland school reopens after the storm\nThe school met today.\n")
    assert _split_text(tmp_path, issued) == [
        ("Lifeboat crews train a new intake", dt.date(2021, 4, 24), "statement"),
        ("Island school reopens after the storm", dt.date(2021, 4, 19), "statement"),
    ]


def test_bylines_corrections_footnote_marks_and_a_weekday_after_the_date(tmp_path):
    text = ("Harbour trust opens two more moorings\nWords by Ines Morrow, Communications Officer\n"
            "[1] 3 May 2021 (Monday)\nThe board met on Monday.\n\n"
            "Ferry fares are held for the winter\n30 Apr 2021, Fri · Correction appended 6 May 2021\n"
            "The board met on Friday.\n\n"
            "Lifeboat crews train a new intake\nBy Ines Morrow, Communications Officer\n24 Apr 2021, Sat\n"
            "The crews met on Sunday.\n")
    assert _split_text(tmp_path, text) == [
        ("Harbour trust opens two more moorings", dt.date(2021, 5, 3), "press_release"),
        ("Ferry fares are held for the winter", dt.date(2021, 4, 30), "press_release"),
        ("Lifeboat crews train a new intake", dt.date(2021, 4, 24), "press_release"),
    ]


def test_datelines_with_the_place_in_brackets_or_after_the_date_and_kind_lines_of_a_day(tmp_path):
    bracketed = ("Harbour trust opens two more moorings\n\n(KESTREL BAY) May 3 2021: The board met on Monday.\n\n"
                 "*****\n\nFerry fares are held for the winter\n\n(SALTCOTE) April 30 2021: The board met on Friday.\n")
    assert _split_text(tmp_path, bracketed) == [
        ("Harbour trust opens two more moorings", dt.date(2021, 5, 3), "press_release"),
        ("Ferry fares are held for the winter", dt.date(2021, 4, 30), "press_release"),
    ]
    kinds = ("Harbour trust opens two more moorings\nMedia release of May 3 2021\nThe board met on Monday.\n"
             "Ferry fares are held for the winter\nStatement of April 30 2021\nThe board met on Friday.\n"
             "Lifeboat crews train a new intake\nType: Blog · Date: 24 April 2021 (Saturday)\nThe crews met.\n")
    assert _split_text(tmp_path, kinds) == [
        ("Harbour trust opens two more moorings", dt.date(2021, 5, 3), "press_release"),
        ("Ferry fares are held for the winter", dt.date(2021, 4, 30), "statement"),
        ("Lifeboat crews train a new intake", dt.date(2021, 4, 24), "blog"),
    ]


def test_a_side_list_inside_the_page_is_no_card_and_bylines_labelled_author_are_no_titles(tmp_path):
    text = ("Harbour trust opens two more moorings\nAuthor: Ines Morrow, Communications Officer\n"
            "[1] Published 3 May 2021 (Monday).\nThe board met on Monday to agree it.\n\n"
            "Most read this month\n1. A walk round the boatyard\n17 March 2020\n2. Meet the new harbour master\n"
            "25 February 2020\nSee all most read ›\n\n"
            "Ferry fares are held for the winter\nAuthor: Ines Morrow, Communications Officer\n"
            "[2] Published 30 April 2021 (Friday).\nThe board met on Friday to agree it.\n")
    assert _split_text(tmp_path, text) == [
        ("Harbour trust opens two more moorings", dt.date(2021, 5, 3), "press_release"),
        ("Ferry fares are held for the winter", dt.date(2021, 4, 30), "press_release"),
    ]


def test_a_kind_of_a_two_digit_year_date_on_a_page_of_them(tmp_path):
    text = ("Tollbridge Museum opens a new gallery\nThe gallery holds forty paintings.\nPress release of 04.03.21\n"
            "Orrin Ferry adds a dawn crossing\nThe first boat leaves at six.\nStatement of 01.03.21\n"
            "Kestrel Bay Choir sings at the harbour\nThe choir meets on Sundays.\nPress release of 22.02.21\n")
    assert _split_text(tmp_path, text) == [
        ("Tollbridge Museum opens a new gallery", dt.date(2021, 3, 4), "press_release"),
        ("Orrin Ferry adds a dawn crossing", dt.date(2021, 3, 1), "statement"),
        ("Kestrel Bay Choir sings at the harbour", dt.date(2021, 2, 22), "press_release")]


def test_a_reference_line_issued_on_a_day_closes_its_card(tmp_path):
    text = ("Tollbridge Museum opens a new gallery\n\nThe gallery holds forty paintings. It opened on Monday.\n\n"
            "Reference: PR-2021-014. Issued 14/3/2021.\n\n"
            "Orrin Ferry adds a dawn crossing\n\nThe first boat leaves at six.\n\n"
            "Reference: PR-2021-011. Issued 13/3/2021.\n")
    assert [(t, d) for t, d, _kind in _split_text(tmp_path, text)] == [
        ("Tollbridge Museum opens a new gallery", dt.date(2021, 3, 14)),
        ("Orrin Ferry adds a dawn crossing", dt.date(2021, 3, 13))]


def test_a_date_first_line_with_a_kind_in_brackets_or_among_short_fields(tmp_path):
    text = ("12/03/16 (MEDIA STATEMENT)\n\nTollbridge Museum opens a new gallery\n\n"
            "The gallery holds forty paintings.\n\n25/02/16 (MEDIA STATEMENT)\n\nOrrin Ferry adds a dawn crossing\n\n"
            "The first boat leaves at six.\n")
    assert [kind for _t, _d, kind in _split_text(tmp_path, text)] == ["statement", "statement"]
    fields = ("Tollbridge Museum opens a new gallery\n\nThe gallery holds forty paintings.\n\n"
              "4 March 2021 (Thursday) — Service update — Kestrel Bay\n\n"
              "Orrin Ferry adds a dawn crossing\n\nThe first boat leaves at six.\n\n"
              "1 March 2021 (Monday) — Press notice — Kestrel Bay\n")
    assert _split_text(tmp_path, fields) == [
        ("Tollbridge Museum opens a new gallery", dt.date(2021, 3, 4), "update"),
        ("Orrin Ferry adds a dawn crossing", dt.date(2021, 3, 1), "press_release")]


def test_headlines_hanging_under_their_first_line_or_wrapped_under_their_date_are_whole(tmp_path):
    hanging = ("Tollbridge Museum Opens a New Gallery for the River\n    Paintings and Asks Visitors for Their Views\n"
               "    Tue. 16 May 2023\n\n"
               "Orrin Ferry Adds a Dawn Crossing for Commuters Who\n    Work in the Town\n    Sat. 13 May 2023\n")
    assert [t for t, _d, _k in _split_text(tmp_path, hanging)] == [
        "Tollbridge Museum Opens a New Gallery for the River Paintings and Asks Visitors for Their Views",
        "Orrin Ferry Adds a Dawn Crossing for Commuters Who Work in the Town"]
    under = ("June 11, 2019\n\nTollbridge Museum Opens a New Gallery for the River Paintings and\n"
             "Asks Visitors for Their Views\n\nThe gallery holds forty paintings.\n\n"
             "May 27, 2019\n\nOrrin Ferry Adds a Dawn Crossing for the Commuters Who Work in\n"
             "the Town Centre\n\nThe first boat leaves at six.\n")
    assert [t for t, _d, _k in _split_text(tmp_path, under)] == [
        "Tollbridge Museum Opens a New Gallery for the River Paintings and Asks Visitors for Their Views",
        "Orrin Ferry Adds a Dawn Crossing for the Commuters Who Work in the Town Centre"]


def test_days_under_a_weeks_heading_take_its_year(tmp_path):
    text = ("Week 10 · 7–13 March 2022\n\nWednesday 9 March\n\nTollbridge Museum opens a new gallery\n\n"
            "The gallery holds forty paintings.\n\nMonday 7 March\n\nOrrin Ferry adds a dawn crossing\n\n"
            "The first boat leaves at six.\n\nWeek 9 · 28 February – 6 March 2022\n\nThursday 3 March\n\n"
            "Kestrel Bay Choir sings at the harbour\n\nThe choir meets on Sundays.\n")
    assert [(t, d) for t, d, _k in _split_text(tmp_path, text)] == [
        ("Tollbridge Museum opens a new gallery", dt.date(2022, 3, 9)),
        ("Orrin Ferry adds a dawn crossing", dt.date(2022, 3, 7)),
        ("Kestrel Bay Choir sings at the harbour", dt.date(2022, 3, 3))]
    rows = ("WEEK OF FEBRUARY 28, 2022\n3 March (Thursday): Kestrel Bay Choir sings at the harbour\n"
            "1 March (Tuesday): Saltcote Tenants' Union meets the council\n"
            "WEEK OF FEBRUARY 21, 2022\n24 February (Thursday): Orrin Ferry adds a dawn crossing\n")
    assert [(t, d) for t, d, _k in _split_text(tmp_path, rows)] == [
        ("Kestrel Bay Choir sings at the harbour", dt.date(2022, 3, 3)),
        ("Saltcote Tenants' Union meets the council", dt.date(2022, 3, 1)),
        ("Orrin Ferry adds a dawn crossing", dt.date(2022, 2, 24))]


def test_a_path_of_sections_beside_the_date_names_the_kind_by_its_last_step(tmp_path):
    text = ("Tollbridge Museum opens a new gallery\n\nPress › Updates › Service updates | Thursday 4th March 2021\n\n"
            "The gallery holds forty paintings.\n\n"
            "Orrin Ferry adds a dawn crossing\n\nNewsroom › In the media | Monday 1st March 2021\n\n"
            "The first boat leaves at six.\n")
    assert _split_text(tmp_path, text) == [
        ("Tollbridge Museum opens a new gallery", dt.date(2021, 3, 4), "update"),
        ("Orrin Ferry adds a dawn crossing", dt.date(2021, 3, 1), "media_coverage")]


def test_a_card_with_a_closing_and_an_event_date_keeps_its_posted_date_and_title(tmp_path):
    cards = ("Marsh Lane Allotments opens its plots to new growers\nPosted: 4 March 2021\nApplications close: 30 March"
             " 2021\nOpen day: 17 April 2021\nTwelve plots are free this spring.\n\n"
             "Marsh Lane Allotments repairs the water trough\nPosted: 1 March 2021\nApplications close: 20 March 2021\n"
             "Open day: 10 April 2021\nThe trough leaked all winter.\n\n"
             "Marsh Lane Allotments names a new secretary\nPublished 2 February 2021 | Deadline 1 March 2021 | "
             "Takes place 12 March 2021\nThe committee met on Monday.\n")
    found = _split_text(tmp_path, cards)
    assert [(t, d) for t, d, _ in found] == [
        ("Marsh Lane Allotments opens its plots to new growers", dt.date(2021, 3, 4)),
        ("Marsh Lane Allotments repairs the water trough", dt.date(2021, 3, 1)),
        ("Marsh Lane Allotments names a new secretary", dt.date(2021, 2, 2))]


def test_an_events_page_dates_each_event_by_when_it_was_listed_not_by_its_days(tmp_path):
    cards = ("Event\nSpring plant swap at the station garden\nDates: 12 to 14 March 2021\nVenue: Station Road\n"
             "Added to the calendar on 20 February 2021\nBring cuttings to share.\n\n"
             "Event\nWalk the old tram line with a guide\nSat 27 February 2021, 10am–1pm\nVenue: Tram Depot\n"
             "Listed: 2021-02-10\nBoots are advised.\n\n"
             "Event\nTalk on the history of the canal basin\n28 January – 2 February 2021\nVenue: the Library\n"
             "Listed on 5 January 2021\nFree, no booking.\n")
    found = _split_text(tmp_path, cards)
    assert [(t, d) for t, d, _ in found] == [
        ("Spring plant swap at the station garden", dt.date(2021, 2, 20)),
        ("Walk the old tram line with a guide", dt.date(2021, 2, 10)),
        ("Talk on the history of the canal basin", dt.date(2021, 1, 5))]


def test_recurring_titles_that_hold_their_date_stay_cards(tmp_path):
    cards = ("Weekly update: 11 March 2021\nThe depot reopens on Monday.\n\n"
             "Weekly update: 4 March 2021\nThe depot is closed for repairs.\n\n"
             "Weekly update: 25 February 2021\nNew bins are on order.\n")
    assert [d for _, d, _ in _split_text(tmp_path, cards)] == [dt.date(2021, 3, 11), dt.date(2021, 3, 4),
                                                                 dt.date(2021, 2, 25)]


def test_an_archive_under_year_and_month_headings_dates_each_day(tmp_path):
    page = ("Press archive\n\nYear 2021\nMARCH\n04  Ferry fares are held for the winter\n"
            "    The board met on Monday.\n\n01  New bins are on order\n    They arrive in May.\n\n"
            "FEBRUARY\n[25] The depot reopens\n    Work ended early.\n\n"
            "2020\nNovember (1)\n9. Harbour dues consultation opens\n    Replies by June.\n")
    assert [(t, d) for t, d, _ in _split_text(tmp_path, page)] == [
        ("Ferry fares are held for the winter", dt.date(2021, 3, 4)), ("New bins are on order", dt.date(2021, 3, 1)),
        ("The depot reopens", dt.date(2021, 2, 25)), ("Harbour dues consultation opens", dt.date(2020, 11, 9))]
    days_alone = ("NEWSROOM\n\n2020\n\nDecember\n\n18\nSlipway repairs begin\n\n    Boats are moved to the quay.\n\n"
                  "November\n\n23\nHarbour dues consultation opens\n\n    Replies by June.\n\n"
                  "06\nNew pontoon for the marina\n\n    It floats.\n")
    assert [(t, d) for t, d, _ in _split_text(tmp_path, days_alone)] == [
        ("Slipway repairs begin", dt.date(2020, 12, 18)), ("Harbour dues consultation opens", dt.date(2020, 11, 23)),
        ("New pontoon for the marina", dt.date(2020, 11, 6))]


def test_a_line_of_meta_fields_around_the_date_dates_the_card(tmp_path):
    page = ("Harbour news\n\nFerry fares are held for the winter\n"
            "Written by Jane Roe, Press Officer | Thursday, 4 March 2021 | Reading time: 3 minutes\n"
            "The board met on Monday.\n\nThe depot reopens after repairs\n"
            "Written by Omar Said, Press Officer | Monday, 1 March 2021 | Reading time: 2 minutes\n"
            "Work ended early.\n\nNew bins are on order\n"
            "Thu 25.02.2021 — by Jane Roe — 4 min\nThey arrive in May.\n")
    assert [(t, d) for t, d, _ in _split_text(tmp_path, page)] == [
        ("Ferry fares are held for the winter", dt.date(2021, 3, 4)),
        ("The depot reopens after repairs", dt.date(2021, 3, 1)), ("New bins are on order", dt.date(2021, 2, 25))]


def test_a_page_of_cards_in_several_languages_reads_each_cards_date_in_its_own(tmp_path):
    page = ("Medien · Médias · Media\n\nFriday 17 June 2011 | Statement\nHarbour Trust asks for views on parking\n"
            "The consultation runs for six weeks.\n\nMittwoch, 15. Juni 2011 | Medienmitteilung\n"
            "Die Gemeinde sucht Helfer für das Hafenfest\nDie Arbeiten sollen vor dem Sommer fertig sein.\n\n"
            "martedì 14 giugno 2011 | Comunicato stampa\nIl comune apre un forno cooperativo\n"
            "I lavori finiscono prima delle vacanze.\n\nlundi 13 juin 2011 | Prise de position\n"
            "Le club renonce à augmenter les tarifs\nL'entrée est gratuite pour les enfants.\n")
    assert _split_text(tmp_path, page) == [
        ("Harbour Trust asks for views on parking", dt.date(2011, 6, 17), "statement"),
        ("Die Gemeinde sucht Helfer für das Hafenfest", dt.date(2011, 6, 15), "press_release"),
        ("Il comune apre un forno cooperativo", dt.date(2011, 6, 14), "press_release"),
        ("Le club renonce à augmenter les tarifs", dt.date(2011, 6, 13), "statement")]


def test_full_releases_with_date_first_datelines_and_bracketed_end_marks(tmp_path):
    page = ("24th October, 2011, STANMERE — The trust set up a bread stall at the market. It sold out.\n"
            "Loaves were on sale from eight.\n<<END>>\n\n"
            "19th September, 2011, HALDEN — The council announced the acts for the summer weekend.\n"
            "Tickets go on sale at noon.\n(ends)\n\n"
            "14th July, 2011, KILNBROOK — The club launched a beginners' course on the river.\n"
            "Places are free.\n(ends)\n")
    assert [d for _, d, _ in _split_text(tmp_path, page)] == [dt.date(2011, 10, 24), dt.date(2011, 9, 19),
                                                               dt.date(2011, 7, 14)]
    region = "KILNBROOK (the Upper Tarn), 14 July 2011: The club launched a beginners' course on the river."
    assert date_line_of(region) == dt.date(2011, 7, 14)


def date_line_of(text: str) -> dt.date | None:
    from pipeline.dates import dateline
    found = dateline(text)
    return found.published if found else None
