import datetime as dt

import pytest

from pipeline.dates import date_line, find_dates, parse_date, unparsed_date


@pytest.mark.parametrize(
    ("line", "expected", "rest"),
    [
        ("January 8, 2019", dt.date(2019, 1, 8), ""),
        ("  – April 9, 2013", dt.date(2013, 4, 9), ""),
        ("December 3, 2021 • Press Release", dt.date(2021, 12, 3), "Press Release"),
        ("18 Feb 2020 - Statement on the elections", dt.date(2020, 2, 18), "Statement on the elections"),
        ("13-05-2013 News Release 13/87", dt.date(2013, 5, 13), "News Release 13/87"),
        ("Sept. 3, 2021", dt.date(2021, 9, 3), ""),
        ("8th May 2022 - Children in need", dt.date(2022, 5, 8), "Children in need"),
        ("Monday, January 8, 2019", dt.date(2019, 1, 8), ""),
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


def test_find_dates_gives_spans():
    text = "On March 3, 2020 the court ruled; the appeal followed on 4 May 2021."
    found = find_dates(text)
    assert [d for d, _, _ in found] == [dt.date(2020, 3, 3), dt.date(2021, 5, 4)]
    assert text[found[0][1]:found[0][2]] == "March 3, 2020"


@pytest.mark.parametrize("text", ["March 4, 2021", "29 APRIL 2022", "Sept. 3, 2020", "8th May 2022",
                                  "Monday, March 3, 2021", "Dec 25 2019", "3 Jan. 2020", "February 31, 2019",
                                  "Mayday 5, 2021", "June 31, 2020"])
def test_direct_reading_of_written_dates_agrees_with_dateparser(text):
    from pipeline.dates import _parser

    data = _parser().get_date_data(text.rstrip(".,"))
    expected = data.date_obj.date() if data and data.date_obj and data.period == "day" else None
    assert parse_date(text) == expected
