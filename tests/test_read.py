import textwrap
from pathlib import Path

import pytest

from pipeline import settings
from pipeline.errors import SkipInput
from pipeline.read import iter_raw_files, read

from .conftest import DATA, REPO


def test_reads_a_seed_page_into_blocks():
    page = read(REPO / "raw" / "001_e52d2ad2135645ca.txt")
    assert page.blocks[0] == "We put a human face on complex issues to hold governments accountable."
    assert "Press Release" in page.blocks
    assert all(block == block.strip() and block for block in page.blocks)
    assert len(page.sha256) == 64


def test_html_page_drops_chrome_and_keeps_card_links(tmp_path: Path):
    html = (
        "<html><head><script>var x = 1;</script><style>p{}</style></head><body>"
        "<nav><a href='/'>Home</a> Menu</nav>"
        "<article><span>Press Release</span><h2><a href='/news/a'>A title</a></h2>"
        "<p>First <b>bold</b> words &amp; more.</p><time datetime='2019-01-08'>January 8, 2019</time></article>"
        "</body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    (tmp_path / "page.meta.json").write_text('{"final_url": "https://news.example.org/list/"}')
    page = read(path)
    assert page.blocks == ("Press Release", "A title", "First bold words & more.", "January 8, 2019")
    assert page.url == "https://news.example.org/list/"
    assert page.links == ((1, "https://news.example.org/news/a"),)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"   \n\n  ", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    ],
)
def test_unusable_files_are_skipped_with_a_reason(tmp_path: Path, content: bytes, reason: str):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(SkipInput) as info:
        read(path)
    assert reason in info.value.reason


def test_huge_file_is_skipped_without_reading_it(tmp_path: Path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(settings.MAX_FILE_BYTES + 1)  # sparse: costs no disk
    with pytest.raises(SkipInput, match="over the"):
        read(path)


def test_non_utf8_text_is_decoded_not_dropped(tmp_path: Path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Statement from the caf\xe9 owners\nJanuary 8, 2019".encode("cp1252"))
    page = read(path)
    assert page.blocks[0] == "Statement from the café owners"


def test_iter_raw_files_skips_sidecars_and_hidden(tmp_path: Path):
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "a.html").write_text("<p>x</p>")
    (tmp_path / "site" / "a.meta.json").write_text("{}")
    (tmp_path / ".staging").mkdir()
    (tmp_path / ".staging" / "b.txt").write_text("x")
    (tmp_path / "c.txt").write_text("x")
    assert [p.name for p in iter_raw_files(tmp_path)] == ["c.txt", "a.html"]


def test_email_snippet_reads_every_line():
    page = read(DATA / "email_signature.txt")
    assert "Jane Roe" in page.blocks


def test_hard_wrapped_paragraphs_are_joined_where_the_next_word_did_not_fit(tmp_path: Path):
    paragraph = ("The council agreed on Tuesday to extend the winter shelter programme to every district, "
                 "after a cross-border survey of housing found that demand had risen for the third year running "
                 "and that the waiting lists in the northern towns were now twice as long as they were in 2019.")
    import textwrap
    wrapped = "\n".join(textwrap.wrap(paragraph, 66, break_on_hyphens=True))
    (tmp_path / "wire.txt").write_text(f"Council extends shelters\n\n{wrapped}\n\n{wrapped}\n", encoding="utf-8")
    assert read(tmp_path / "wire.txt").blocks == ("Council extends shelters", paragraph, paragraph)


def test_one_line_teasers_of_like_length_are_not_taken_for_a_wrapped_text(tmp_path: Path):
    """A listing's teasers end near one column because they are alike, not because a width broke them:
    the date after each stays its own line."""
    teasers = ["The agency will open four clinics in the north before the rains arrive.",
               "Volunteers are asked to register at the town hall before the end of May.",
               "A new report counts the schools that reopened after last year's floods.",
               "The minister is to visit the border towns and meet local officials there."]
    lines = []
    for number, teaser in enumerate(teasers, 1):
        lines += [f"Headline number {number} about the agency", teaser, f"March {number}, 2024"]
    (tmp_path / "listing.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert read(tmp_path / "listing.txt").blocks == tuple(lines)


def test_headlines_of_like_length_each_above_its_date_are_not_joined_to_it(tmp_path: Path):
    titles = ["Council opens a new shelter for families in the east", "Agency reports a rise in school enrolment",
              "Ministry signs a water agreement with its neighbours",
              "Charity launches a winter appeal for the homeless",
              "Health board warns of a measles outbreak in the north", "Trust publishes its review of coastal erosion"]
    lines = []
    for number, title in enumerate(titles, 1):
        lines += [title, f"June {number}, 2021", ""]
    (tmp_path / "listing.txt").write_text("\n".join(lines), encoding="utf-8")
    assert read(tmp_path / "listing.txt").blocks == tuple(line for line in lines if line)


def test_a_wrapped_headline_goes_on_into_its_bracketed_date(tmp_path: Path):
    paragraph = ("The council agreed on Tuesday to extend the winter shelter programme to every district of the "
                 "region, after a survey of housing found that demand had risen for the third year running.")
    import textwrap
    body = "\n".join(textwrap.wrap(paragraph, 64))
    text = f"Council extends the winter shelter programme to every district\n(June 3, 2021)\n\n{body}\n\n{body}\n"
    (tmp_path / "wire.txt").write_text(text, encoding="utf-8")
    assert read(tmp_path / "wire.txt").blocks[0] == \
        "Council extends the winter shelter programme to every district (June 3, 2021)"


def test_a_text_page_keeps_each_blocks_blank_lines_and_indentation(tmp_path: Path):
    path = tmp_path / "spaced.txt"
    path.write_text("Newsroom\n\n3 May 2021\n    Ferry adds a night crossing\n\n\n2 May 2021\n\tMill opens\n",
                    encoding="utf-8")
    page = read(path)
    assert page.blocks == ("Newsroom", "3 May 2021", "Ferry adds a night crossing", "2 May 2021", "Mill opens")
    assert page.gaps == (0, 1, 0, 2, 0) and page.indents == (0, 0, 4, 0, 8)


def test_a_lone_wrapped_line_of_a_spaced_text_is_joined(tmp_path: Path):
    """A page that sets every line apart by a blank line and wraps one long headline (one wrapped line tells no
    wrap width): the two lines that touch are one block, and a date right under a line stays its own."""
    text = ("Harbour news\n\n3 May 2021\n\nSeed library closes the east lock for repairs for the first time since\n"
            "the flood\n\n2 May 2021\n\nValley Trust Drops Fares for Pensioners for the First Time Since the Flood"
            "\n\n1 May 2021\n\nMill school signs a deal with the rowing club and the ferry company\n"
            "30 April 2021\n\nCanal society paints the old pier\n\n29 April 2021\n\nOrchard council plants hedges")
    path = tmp_path / "wrapped.txt"
    path.write_text(text + "\n", encoding="utf-8")
    blocks = read(path).blocks
    assert "Seed library closes the east lock for repairs for the first time since the flood" in blocks
    assert "Valley Trust Drops Fares for Pensioners for the First Time Since the Flood" in blocks
    assert "Mill school signs a deal with the rowing club and the ferry company" in blocks  # a date follows
    assert "30 April 2021" in blocks


def test_a_wrapped_line_is_measured_as_printed_with_its_runs_of_spaces(tmp_path: Path):
    """A date and a headline in columns, wrapped at 72 columns: the spaces between the columns count towards the
    width the line broke at, so the headline's last words join it."""
    import textwrap

    column = "4 May 2021          Orchard council plants a mile of hedges on the west road near the mill"
    teaser = ("The hedges were planted by volunteers from the valley school over three wet weekends in "
              "April, and the council says it will plant another mile along the river path next spring.")
    text = "\n\n".join("\n".join(textwrap.wrap(line, 72)) for line in ["Quay news", column, teaser, column[:11] + "x"])
    path = tmp_path / "columns.txt"
    path.write_text(text + "\n", encoding="utf-8")
    assert read(path).blocks[1] == "4 May 2021 Orchard council plants a mile of hedges on the west road near the mill"


_HEADLINES = ["Harbour Trust Opens a Seed Library in the Old Customs House on the Quay And Plans a Second",
              "Valley Ferry Company Freezes Fares for Pensioners Through the Winter Months",
              "Mill School Rowing Club Signs a Deal With the Canal Society to Share the Boathouse for Three Summers",
              "Orchard Council Plants Two Miles of Hedges Along the Towpath Before the Spring Floods"]


def test_headlines_of_like_length_that_merely_touch_are_not_joined(tmp_path: Path):
    """A title over a subtitle, both short and in title case: neither broke at a width, so they stay apart."""
    cards = [f"Harbour Trust Opens a Seed Library\nA Second Branch for the East Quay\n{day} May 2021"
             for day in (4, 3, 2)]
    (tmp_path / "news.txt").write_text("\n\n".join(cards) + "\n", encoding="utf-8")
    blocks = read(tmp_path / "news.txt").blocks
    assert blocks.count("Harbour Trust Opens a Seed Library") == 3
    assert blocks.count("A Second Branch for the East Quay") == 3


def test_a_headline_wrapped_over_three_lines_into_its_margin_date_is_one_line(tmp_path: Path):
    """Dot leaders to a date at the right margin, headlines wrapped at 48 columns over up to three lines."""
    import textwrap

    rows = []
    for day, headline in zip((4, 3, 2, 1), _HEADLINES, strict=True):
        *head, last = textwrap.wrap(headline, 48)
        rows.append("\n".join([*head, f"{last} {'.' * (66 - len(last))} {day} May 2021"]))
    (tmp_path / "archive.txt").write_text("Newsroom archive\n" + "\n".join(rows) + "\n", encoding="utf-8")
    blocks = read(tmp_path / "archive.txt").blocks
    assert len(blocks) == 1 + len(_HEADLINES)
    assert all(block.startswith(f"{headline} ..") for block, headline in zip(blocks[1:], _HEADLINES, strict=True))


def test_a_heading_over_headlines_wrapped_at_no_one_width_stays_a_line_of_its_own(tmp_path: Path):
    """Headlines wrapped onto their dates at widths no one column explains: the line above the first one, a
    page's heading that would fit the same column, is not taken for a third line of that headline."""
    text = ("Latest news from the Trust\nHarbour Trust Reports on\nSeed Library Visits 19 November 2021\n"
            "Ferry company freezes fares for pensioners\nthrough the winter 1 November 2021\n"
            "Mill school signs a rowing\ndeal with the canal society 11 October 2021\n")
    (tmp_path / "news.txt").write_text(text, encoding="utf-8")
    assert read(tmp_path / "news.txt").blocks[0] == "Latest news from the Trust"


def test_a_wrapped_teaser_does_not_run_into_the_next_items_numbered_link(tmp_path: Path):
    """A terminal browser's dump: each item opens with its numbered link, teasers are wrapped at one width. A
    teaser's last line ends a sentence where the next word would not have fitted; the link under it is the next
    item's title, not more of the teaser."""
    import textwrap

    teaser = ("The seed library lends out packets of heritage beans every Saturday morning from the shelf by the "
              "door of the old customs house, and growers who took a packet last spring bring a share of their seed "
              "back.")
    items = []
    for number, (title, day) in enumerate([("Harbourside Trust Opens a Seed Library", "4 May 2021"),
                                           ("Ferrymasters Freeze Fares for Pensioners", "3 May 2021"),
                                           ("Millbrookfield School Signs a Rowing Deal", "2 May 2021")], start=14):
        items.append("\n".join([f"   [{number}]{title}", f"   {day}", *("   " + w for w in textwrap.wrap(teaser, 72))]))
    (tmp_path / "dump.txt").write_text("\n".join(items) + "\n", encoding="utf-8")
    blocks = read(tmp_path / "dump.txt").blocks
    assert [b for b in blocks if b.startswith(("Harbour", "Ferry", "Mill"))] == [
        "Harbourside Trust Opens a Seed Library", "Ferrymasters Freeze Fares for Pensioners",
        "Millbrookfield School Signs a Rowing Deal"]  # (long first words: none would have fitted after the teaser)


def test_headlines_against_dates_at_the_right_margin_read_alike_whatever_the_dates_length(tmp_path: Path):
    """Dates set flush right at one margin, some headlines wrapped onto them: rows whose dates happen to be alike in
    length line up as columns, the others do not. Every row reads the same way, its headline with its date, and a
    wrapped headline stays whole."""
    rows = [("Harbourside Trust Opens a Seed Library", "in the Old Customs House", "THURSDAY, SEPTEMBER 24, 2020"),
            ("", "Ferry Fares Frozen for Pensioners", "MONDAY, AUGUST 31, 2020"),
            ("Millbrookfield School Signs a Rowing Deal With", "the Canal Society", "SUNDAY, AUGUST 16, 2020"),
            ("Orchard Council Plants Two Miles of Hedges Along", "the Towpath", "FRIDAY, JUNE 26, 2020")]
    lines = []
    for head, last, date in rows:
        lines += [head] if head else []
        lines.append(f"{last}{' ' * (78 - len(last) - len(date))}{date}")
    (tmp_path / "archive.txt").write_text("Newsroom archive\n" + "\n".join(lines) + "\n", encoding="utf-8")
    blocks = read(tmp_path / "archive.txt").blocks
    assert list(blocks[1:]) == [" ".join(filter(None, row)) for row in rows]


def test_an_items_number_and_a_tab_between_title_and_date_are_no_words_of_the_title(tmp_path: Path):
    """`No. 12 · Title · DATE` (wrapped too) and `Title<TAB>DATE` with two-digit years: the number is the item's, the
    tab sets the date apart as a column."""
    numbered = ("No. 12 · Harbourside Trust opens a seed library in the old customs house on the\nquay · 4 May 2021\n"
                "No. 11 · Ferry company freezes fares for pensioners · 3 May 2021\n")
    (tmp_path / "numbered.txt").write_text(numbered, encoding="utf-8")
    from pipeline.split import split

    titles = [r.title for r in split(read(tmp_path / "numbered.txt"))]
    assert titles == ["Harbourside Trust opens a seed library in the old customs house on the quay",
                      "Ferry company freezes fares for pensioners"]
    tabbed = "".join(f"{title}\t{day:02d}.05.21\nThe trust thanked its volunteers.\n\n"
                     for title, day in [("Harbour Trust opens a seed library", 24), ("Ferry fares frozen", 13),
                                        ("Mill school signs a rowing deal", 2)])
    (tmp_path / "tabbed.txt").write_text(tabbed, encoding="utf-8")
    records = split(read(tmp_path / "tabbed.txt"))
    assert [(r.title, r.published.day if r.published else None) for r in records] == [
        ("Harbour Trust opens a seed library", 24), ("Ferry fares frozen", 13), ("Mill school signs a rowing deal", 2)]


def test_title_case_headlines_wrapped_at_one_width_over_their_dates_are_one_line(tmp_path: Path):
    """Cards set apart by blank lines, each a headline in title case wrapped at 60 columns (no line opens lower-case),
    its date alone under it and a teaser printed on one long line: one column explains every break, so each
    headline is one line."""
    import textwrap

    teaser = ("The trust thanked the volunteers who sorted the seeds over the winter. The library opens on Saturdays "
              "from ten until four, and members may borrow six packets at a time.")
    cards = [f"{chr(10).join(textwrap.wrap(headline, 60))}\n{day} May 2021\n{teaser}"
             for day, headline in zip((4, 3, 2, 1), _HEADLINES, strict=True)]
    (tmp_path / "news.txt").write_text("Harbour news\n\n" + "\n\n".join(cards) + "\n", encoding="utf-8")
    blocks = read(tmp_path / "news.txt").blocks
    assert [b for b in blocks if b in _HEADLINES] == _HEADLINES


def test_a_field_whose_name_a_converter_printed_is_never_the_tail_of_a_wrapped_line(tmp_path: Path):
    # the longest `Title:` line sets a width the `Summary:` line's first word would not have fitted in
    text = ("Title: Ferry fares are held for the whole of the coming winter season\nSummary: The board met on Monday.\n"
            "Date: May 3, 2021\n\n"
            "Title: Harbour trust opens two more moorings for the small boats of the bay\n"
            "Summary: The board met on Monday.\nDate: May 2, 2021\n")
    path = tmp_path / "fields.txt"
    path.write_text(text, encoding="utf-8")
    assert "Harbour trust opens two more moorings for the small boats of the bay" in read(path).blocks


def test_a_dated_headline_over_a_whole_sentence_is_no_evidence_of_a_wrapped_text(tmp_path: Path):
    text = ("3 May 2021 - Harbour trust opens two more moorings for the boats\n"
            "The board agreed the plan at its meeting on Monday evening in town…\n\n"
            "2 May 2021 - Ferry fares are held for the whole of the coming winter\n"
            "The board agreed the plan at its meeting on Monday evening in town…\n")
    path = tmp_path / "dated.txt"
    path.write_text(text, encoding="utf-8")
    assert "2 May 2021 - Ferry fares are held for the whole of the coming winter" in read(path).blocks


def test_headlines_under_one_day_are_no_evidence_of_a_wrapped_text(tmp_path: Path):
    # (capitalised lines, each over another one, none going on lower-case or ending mid-phrase, on a page whose
    # lines touch anyway)
    text = ("Dec. 31, 2002\nHarbour trust opens two more moorings after the storms\n"
            "Harbour trust opens two more moorings for the second year\nHarbour trust opens the slipway again\n\n"
            "Dec. 30, 2002\nFerry fares are held for the whole winter by the trust\n"
            "Ferry fares are held for the winter again this year\nFerry fares are cut for the young\n\n"
            "Dec. 30, 2002\nFerry fares are held for the winter by the trust\n\n"
            "Dec. 29, 2002\nLifeboat crews train a new intake\n")
    path = tmp_path / "days.txt"
    path.write_text(text, encoding="utf-8")
    assert "Harbour trust opens two more moorings for the second year" in read(path).blocks


def test_a_title_case_headline_wrapped_on_a_page_of_spaced_blocks_is_joined(tmp_path: Path):
    headline = ("Harbour Trust Opens Two More Moorings After the Storms – Board Says the New Moorings Will Need "
                "Support From Every Parish And Partner for At Least Another Two Years")
    wrapped = "\n".join(textwrap.wrap(headline, 64))
    text = (f"Annual Report\n\n{wrapped}\n\nWork starts in May.\n\nDec. 31, 2002\n\nAnnual Report\n\n"
            "Ferry fares are held for the winter\n\nWork starts in May.\n\nDec. 30, 2002\n")
    path = tmp_path / "spaced.txt"
    path.write_text(text, encoding="utf-8")
    assert headline in read(path).blocks


def test_a_headline_centred_over_three_lines_is_one_line(tmp_path):
    page = ("                        PRESS RELEASE\n\n"
            "       HARBOUR TRUST REOPENS THE OLD SLIPWAY AFTER\n"
            "      A WINTER OF REPAIRS AND THANKS THE DIVERS WHO\n"
            "              WORKED THROUGH THE STORMS\n\n"
            "                  — FRIDAY, MARCH 5, 2021 —\n\n"
            "The slipway is open to boats from Monday.\n\n"
            "                        PRESS RELEASE\n\n"
            "        Ferry Fares Are Held for the Winter and the\n"
            "          Board Sets Out What Happens in Spring\n\n"
            "                 — MONDAY, MARCH 1, 2021 —\n\n"
            "The board met on Monday.\n")
    path = tmp_path / "centred.txt"
    path.write_text(page, encoding="utf-8")
    blocks = read(path).blocks
    assert "HARBOUR TRUST REOPENS THE OLD SLIPWAY AFTER A WINTER OF REPAIRS AND THANKS THE DIVERS WHO WORKED " \
           "THROUGH THE STORMS" in blocks
    assert "Ferry Fares Are Held for the Winter and the Board Sets Out What Happens in Spring" in blocks
    assert "PRESS RELEASE" in blocks


def test_lines_of_one_indentation_are_a_columns_not_a_centred_headline(tmp_path):
    page = "Contacts:\n    Jane Roe, Harbour Trust Office, tel 01234 567 890\n" \
           "    Omar Said, Harbour Trust Office, tel 01234 567 891\n"
    path = tmp_path / "contacts.txt"
    path.write_text(page, encoding="utf-8")
    assert len(read(path).blocks) == 3
