import datetime as dt

import pytest

from pipeline.dates import date_alone, date_line, event_days, numeric_order, parse_date, trailing_date, unparsed_date


@pytest.mark.parametrize(
    ("line", "expected", "rest"),
    [
        ("January 8, 2019", dt.date(2019, 1, 8), ""),
        ("  – April 9, 2013", dt.date(2013, 4, 9), ""),
        ("December 3, 2021 • Press Release", dt.date(2021, 12, 3), "Press Release"),
        ("18 Feb 2020 - Statement on the elections", dt.date(2020, 2, 18), "Statement on the elections"),
        ("13-05-2013 News Release 13/87", dt.date(2013, 5, 13), "News Release 13/87"),
        ("Sept. 3, 2021", dt.date(2021, 9, 3), ""),
        ("8th May 2022 - Families in need", dt.date(2022, 5, 8), "Families in need"),
        ("Monday, January 8, 2019", dt.date(2019, 1, 8), ""),
        ("31 May 2009, Sun — Kestrel Bay Choir sings at the harbour", dt.date(2009, 5, 31),
         "Kestrel Bay Choir sings at the harbour"),
        ("FOR RELEASE: Friday 4th March 2022", dt.date(2022, 3, 4), ""),
        ("Issued the fourth of March, 2022", dt.date(2022, 3, 4), ""),
        ("Date of release: March 4 2022", dt.date(2022, 3, 4), ""),
        ("Friday the twenty-first of January 2022", dt.date(2022, 1, 21), ""),
        ("The 4th day of March 2022", dt.date(2022, 3, 4), ""),
        ("Published on Friday, March the 4th, 2022", dt.date(2022, 3, 4), ""),
        ("4th Mar, Friday, 2022 / Report", dt.date(2022, 3, 4), "Report"),
        ("Mar. 4th (Fri.) 2022", dt.date(2022, 3, 4), ""),
        ("For immediate release: 4 March 2022", dt.date(2022, 3, 4), ""),
        ("2022-03-04 10:30:00+00", dt.date(2022, 3, 4), ""),
    ],
)
def test_date_lines(line, expected, rest):
    found = date_line(line)
    assert found is not None
    assert found.published == expected
    assert found.rest == rest


@pytest.mark.parametrize("line", ["2019", "May 31", "December 2019", "Jan 45, 2020", "© 2020 Amnesty", "Press Release"])
def test_not_date_lines(line):
    assert date_line(line) is None


def test_a_date_shaped_line_that_is_no_date_is_named():
    assert unparsed_date("February 31, 2019") == "February 31, 2019"
    assert unparsed_date("Posted on 31/02/2019") == "31/02/2019"
    assert unparsed_date("February 28, 2019") is None  # a real date
    assert unparsed_date("Press Release") is None


def test_future_and_ancient_dates_are_rejected():
    assert parse_date("January 1, 2090") is None
    assert parse_date("January 1, 1901") is None


@pytest.mark.parametrize("text", ["March 4, 2021", "29 APRIL 2022", "Sept. 3, 2020", "8th May 2022",
                                  "Monday, March 3, 2021", "Dec 25 2019", "3 Jan. 2020", "February 31, 2019",
                                  "Mayday 5, 2021", "June 31, 2020"])
def test_direct_reading_of_written_dates_agrees_with_dateparser(text):
    from pipeline.dates import _parser

    data = _parser().get_date_data(text.rstrip(".,"))
    expected = data.date_obj.date() if data and data.date_obj and data.period == "day" else None
    assert parse_date(text) == expected


DAY = dt.date(2021, 12, 3)


@pytest.mark.parametrize("text", [
    "December 3, 2021", "Dec. 3, 2021", "3 December 2021", "03 Dec 2021", "Friday, December 3, 2021", "2021-12-03",
    "12/03/2021", "03.12.2021", "December 3 2021", "3 December, 2021", "December 3rd, 2021", "DECEMBER 3, 2021",
    "Fri, 03 Dec 2021 10:00:00 GMT", "2021-12-03T10:00:00Z", "3/Dec/2021", "03.Dec.2021", "Dec-03-2021",
    "2021-Dec-03", "2021.Dec.03", "2021 December 3", "2021 Dec 3",
])
def test_every_printed_form_is_read(text):
    found = date_line(text)
    assert found is not None and found.published == DAY and found.rest == ""


@pytest.mark.parametrize("suffix", [" at 10:00", " - 11:37", " 2:27PM", " | 09:15 GMT", " 10:00 AM EST",
                                    " 10:30 a.m. ET", ", 10.30am", " – Last updated December 9, 2021"])
def test_a_time_after_the_date_is_dropped(suffix):
    found = date_line("December 3, 2021" + suffix)
    assert found is not None and found.published == DAY and found.rest == ""


@pytest.mark.parametrize("label", ["Posted on ", "Published: ", "Released ", "Posted by Jane Roe on ",
                                   "By Press Office | ", "Posted in News on ", "Written by Jane Roe on ",
                                   "By Jane Roe, "])
def test_a_label_before_the_date_is_dropped(label):
    found = date_line(label + "3 December 2021")
    assert found is not None and found.published == DAY and found.rest == ""


@pytest.mark.parametrize(("line", "rest"), [
    ("(New York, December 3, 2021) The agency said today", "The agency said today"),
    ("GENEVA, 3 December 2021 – The agency said today", "The agency said today"),
    ("WASHINGTON, D.C. (Dec. 3, 2021) — The agency said today", "The agency said today"),
    ("KESTREL BAY, 2021-12-03 | The agency said today", "The agency said today"),
    ("Ashcombe, 3 December 2021 · The agency said today", "The agency said today"),
    ("Redwater, the Narrows (December 3, 2021) — The agency said today", "The agency said today"),
    ("Isle of Thornby, 3 Dec 2021 – The agency said today", "The agency said today"),
    ("Marrow End / Kestrel Bay / Upper Fold, Fri. 3 December 2021 – The agency said today", "The agency said today"),
    ("KESTREL BAY (Coastline Wire) — 3 December 2021 (Friday) — The agency said today", "The agency said today"),
    ("Kestrel Bay, 2021 December 3 – The agency said today", "The agency said today"),
    ("(KESTREL BAY) December 3 2021: The agency said today", "The agency said today"),
    ("KESTREL BAY | Dec 3rd, 2021 | The agency said today", "The agency said today"),
])
def test_dates_inside_datelines(line, rest):
    from pipeline.dates import dateline

    found = dateline(line)
    assert found is not None and found.published == DAY and found.rest == rest


@pytest.mark.parametrize("line", [
    "The talks resume on June 3", "since March 2019", "(May, 2003)", "Last updated December 3, 2021",
    "Updated: 3 December 2021", "Edited 03.12.2021", "June 3",
])
def test_yearless_month_year_and_update_dates_are_no_publication_dates(line):
    assert date_line(line) is None


def test_numeric_order_comes_from_the_page_and_its_language():
    from pipeline.dates import numeric_order

    assert numeric_order(["04/06/2020", "26/08/2022"]) == "DMY"  # a day above 12 settles it for the page
    assert numeric_order(["04/06/2020", "08/26/2022"]) == "MDY"
    assert numeric_order(["04/06/2020"], "en-GB") == "DMY" and numeric_order(["04/06/2020"], "en-US") == "MDY"
    assert numeric_order(["04/06/2020"], "www.example.ac.uk") == "DMY"
    assert numeric_order(["04/06/2020"]) is None
    assert parse_date("04/06/2020", order="DMY") == dt.date(2020, 6, 4)
    assert parse_date("04/06/2020", order="MDY") == dt.date(2020, 4, 6)


def test_trailing_dates_after_a_title():
    from pipeline.dates import trailing_date

    assert trailing_date("Agency opens clinics | 12/03/2021").published == DAY
    assert trailing_date("Agency opens clinics (December 3, 2021)").published == DAY
    assert trailing_date("Agency opens clinics, media release, December 3, 2021").before == \
        "Agency opens clinics, media release"
    assert trailing_date("The court will rule on December 3, 2021") is None  # a sentence, not a title and its date
    # after a bar or a dash the words before are a headline, whatever their last word
    assert trailing_date("Agency Serves More Families than Ever Before | December 3, 2021").published == DAY
    assert trailing_date("Statement, issued 3 Dec 2021, Fri").before == "Statement"  # a weekday after a comma


@pytest.mark.parametrize("line", [
    "Visitors said on December 3, 2021 | that the agency had gone", "the agency, 3 December 2021 | text",
])
def test_a_bar_after_a_date_makes_no_dateline_of_running_text(line):
    from pipeline.dates import dateline

    assert dateline(line) is None


@pytest.mark.parametrize("line", [
    "2021-12-03 09:30 Norvale council opens a library", "3 December 2021, 2:45pm Norvale council opens a library",
    "3 December 2021 10:00 NHS trust opens a library",  # after a time, capitals open the headline: no time zone
    "3 December 2021 :: Norvale council opens a library", "3 December 2021 › Norvale council opens a library",
    "3 December 2021 ~ Norvale council opens a library", "3 December 2021 >> Norvale council opens a library",
])
def test_a_date_then_a_headline_on_one_line(line):
    found = date_line(line)
    assert found is not None and found.published == DAY and found.rest.endswith("opens a library")


@pytest.mark.parametrize(("line", "before"), [
    ("Update: December 3, 2021", "Update"), ("Research report / 3 Dec 2021", "Research report"),
    ("Norvale council opens a library ~ 3rd of December 2021", "Norvale council opens a library"),
    ("Media release: 03-Dec-2021", "Media release"), ("Norvale council opens a library -- 2021/12/03", None),
])
def test_a_date_after_a_colon_a_slash_or_a_tilde_ends_the_line(line, before):
    from pipeline.dates import trailing_date

    found = trailing_date(line, colon=True)
    assert found is not None and found.published == DAY and found.before == (before or line.split(" --")[0])
    if ":" in line:  # a colon before the date only where the caller asks for it (plain text)
        assert trailing_date(line) is None


def test_a_wire_dateline_may_end_with_a_slash():
    from pipeline.dates import dateline

    found = dateline("KESTREL BAY, Ore., 03/12/2021 / The agency said today", "DMY")
    assert found is not None and found.published == DAY and found.rest == "The agency said today"


def test_a_date_whose_sentence_ends_before_the_text_is_a_lead_date_line():
    found = date_line("Published 4 May 2021. The trust thanked its volunteers.")
    assert found is not None and found.published == dt.date(2021, 5, 4)
    assert found.rest == "The trust thanked its volunteers."
    short = date_line("Published 04.05.21. The trust thanked its volunteers.", short_years=True)
    assert short is not None and short.published == dt.date(2021, 5, 4) and short.rest.startswith("The trust")
    assert date_line("4 May 2021.") is None  # a full stop and nothing after it: no text to lead


def test_a_byline_after_the_date_is_no_title_whoever_signs_it():
    for line in ("Posted on 4 May 2021 by the press office", "Posted on 4 May 2021 by Jane Roe"):
        found = date_line(line)
        assert found is not None and found.rest == ""


def test_a_doubled_separator_before_a_trailing_date_is_no_part_of_the_title():
    found = trailing_date("HARBOUR TRUST OPENS A SEED LIBRARY :: 04 MAY 2021", colon=True)
    assert found is not None and found.before == "HARBOUR TRUST OPENS A SEED LIBRARY"


@pytest.mark.parametrize("line", ["12–14 March 2021", "Dates: 6 November 2007 to 8 November 2007",
                                  "Fri 12 to Sun 14 March 2021", "March 12-14, 2021", "28 February – 3 March 2021",
                                  "On: Thursday 17 November 2005, 10am–4pm", "from 4 May 2021 until 9 May 2021"])
def test_an_events_days_are_a_range_or_a_day_with_its_hours(line):
    assert event_days(line)


@pytest.mark.parametrize("line", ["4 March 2021", "Posted 4 March 2021 10:00", "4 March 2021 – Ferry fares held",
                                  "2020 – 2021", "The fair runs 12–14 March 2021 on the green"])
def test_a_single_date_or_a_sentence_is_no_events_days(line):
    assert not event_days(line)


def test_labelled_dates_after_the_publication_date_are_no_title():
    found = date_line("Posted 2015 June 28 | Deadline 2015 July 15 | Takes place 2015 July 20")
    assert found is not None and found.published == dt.date(2015, 6, 28) and found.rest == ""
    kept = date_line("4 March 2021 | Council sets 1 April 2022 deadline")
    assert kept is not None and kept.rest == "Council sets 1 April 2022 deadline"


@pytest.mark.parametrize("line", ["Added to the calendar on 28 January 2012", "Listed on 28 January 2012",
                                  "Uploaded to the library on 28 January 2012"])
def test_a_verb_of_putting_a_page_up_labels_its_date(line):
    found = date_alone(line)
    assert found is not None and found.published == dt.date(2012, 1, 28)


@pytest.mark.parametrize(("statement", "order"), [
    ("Note: dates read month, day, year.", "MDY"), ("Date format: MM/DD/YYYY", "MDY"),
    ("All dates are dd.mm.yyyy", "DMY"), ("Dates are given day-month-year.", "DMY"), ("Dates: see below", None)])
def test_a_page_that_states_its_date_order_is_read_so_when_its_days_do_not_tell(statement, order):
    assert numeric_order(["05-10-2008 Ferry fares held", "04-07-2008 Depot reopens", statement]) == order
    assert numeric_order(["25-10-2008 Ferry fares held", statement]) == "DMY"  # a day above 12 tells first


def test_a_date_line_in_brackets_or_beside_the_cards_address():
    found = date_line("(Posted: Friday, 16 October, 2015)")
    assert found is not None and found.published == dt.date(2015, 10, 16) and found.rest == ""
    found = date_line("Posted: Friday, 06 September 2024 | Permalink: https://news.example.org/2024/09/fares-held")
    assert found is not None and found.published == dt.date(2024, 9, 6) and found.rest == ""
