"""A grammar of newsroom listing pages in plain text, for property-based tests of the splitter.

    page     := header{0..3} card{2..9} footer{0..3}          one template for the whole page
    card     := caption? part+                                  parts in the page's template order
              | day                                             a day's date over several cards
    part     := kind | title | teaser | date | kind+date | date+kind | date+title | title+date
              | dateline+teaser | release
    day      := a date line alone, then one to three titles: each title a card of that date (an archive by day)
    kind     := a kind label (`Press Release`, `Statement`, `Media Advisory`, `Blog`, `Update`, `Report`),
                as printed, in capitals or in sentence case (`Press release`, `Media statement`), on the
                kind+date line and on a line of its own
    title    := a headline of 3-16 words without a closing full stop, Title Case or sentence case
    teaser   := 1-3 sentences, sometimes cut with `…`, sometimes under an advisory's event lines (`When: Saturday 7
                October, 10:30`, `Where: the town hall`), sometimes with a decoy date that is no publication
                date (`on June 3`, `since March 2019`, `(May, 2003)`, `12 October`), sometimes in two
                paragraphs (each at least one full sentence), on some pages one short sentence under a title
    date     := one of 19 printed forms (below: `3rd of May 2021`, `03-May-2021`, `2021 May 3`, `3 May 2021
                (Monday)` among them), with an optional
                label (`Posted on`, `Published:`, `Released`) before it or a time (`at 10:00`, `- 11:37`,
                `2:27PM`, `| 09:15 GMT`, `, 10:00`, ` 10:30 a.m. ET`), a reading time (` · 4 min read`) or
                an edit's date (` · Updated 30 December 2024`: never the card's) after it
    kind+date:= kind and date on one line, joined by ` | `, ` • `, ` – `, `, `, `: ` or ` / ` (either order),
                above the title, under it or at the end of the card
    date+title := `DATE - Title`, or date and title in columns apart by a tab or spaces;
    title+date := `Title | DATE`, `Title (DATE)`, `Title — DATE`, `Title -- DATE`, `Title ~ DATE` or `Title // DATE`
    dateline := a teaser that opens with its dateline: `(City, DATE) – `, `(City, DATE) `, `CITY, DATE – `,
                `Town/Town/Town, DATE – `, `Town / Town, DATE – `, `CITY (Agency) — DATE — ` or `Town, Region
                (DATE) — ` (a region may open with `the`); after
                the date a dash, a bar or a middle dot (`CITY, DATE | `, `CITY, DATE · `)
    release  := a whole release printed after the one before it: its dateline paragraph, 1-3 more
                paragraphs, and now and then an end marker (`###`, `# # #`, `-ENDS-`, `-30-`, a wire's `SOURCE
                Org` line, a media contact block, a `For more information` line)
    extras   := an optional `Read more` line after the teaser, `• ` bullets before date lines, one or
                two blank lines between blocks or none at all
    markup   := as a page-to-text converter prints a page, on some pages: Markdown (`## Title`, a title as a
                link `[Title](https://…)`, `*DATE*` or `_DATE_`, `**Kind**`), or labelled fields (`Title: …`,
                `Date: …`, `Type: …`, `Summary: …`); the marks are the page's structure, not the card's words
    header   := the organisation's name, `Newsroom`, `Press releases`, a one-sentence blurb, a menu line, a
                short heading that reads like a headline (`Stories from the field`), a breadcrumb
                (`Home > Newsroom > Statements`)
    footer   := pagination (`1 2 3 Next »`, `Page 1 of 12`), `© 2021 Org`, `Contact us`, a press office's
                phone number (`Press enquiries: 01632 960 222`)

Every text here is written for the project. `draw_page` returns the page's lines, the cards it holds,
each with the title (None for a card printed without one), date and kind a reader expects, and the
index of each card's first line and of the footer's.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from hypothesis import strategies as st

KINDS = {
    "Press Release": "press_release", "News Release": "press_release", "Media Advisory": "press_release",
    "Statement": "statement", "Press Statement": "statement", "Report": "report", "Update": "update",
    "Blog": "blog", "Event": "event", "Speech": "statement", "Op-Ed": "blog", "Media Statement": "statement",
    "Annual Report": "report", "Fact Sheet": "report", "Policy Update": "update", "News": "press_release",
}
_SUBJECTS = ["Agency", "Ministry", "Council", "Coalition", "Foundation", "Relief team", "Health board",
             "Water authority", "Court", "Regional office", "Volunteers", "Research unit"]
_VERBS = ["opens", "expands", "warns of", "calls for", "launches", "welcomes", "reports on", "funds",
          "suspends", "reviews", "announces", "completes"]
_OBJECTS = ["new clinics in the north", "flood recovery plan", "school meals programme", "housing survey",
            "water testing in rural districts", "emergency shelter network", "vaccination drive",
            "cross-border aid corridor", "digital records system", "youth training scheme",
            "drought response fund", "coastal protection works", "mobile health units"]
_TAILS = ["after storms", "for the second year", "ahead of winter", "amid rising costs", "in three regions",
          "with local partners", "as demand grows", ""]
_SENTENCES = [
    "The programme will reach families in twelve districts over the coming months.",
    "Officials said the plan had been agreed with community leaders and local councils.",
    "Staff will begin work in the spring once the funding has been released.",
    "The announcement follows a review of services that found long waiting times.",
    "Partners welcomed the decision and urged ministers to keep the pledge.",
    "A spokesperson said the team would publish its findings in full.",
    "The board expects the first results to be available by the end of the year.",
    "Residents have been asked to share their views at a series of public meetings.",
]
# An advisory's event lines: the event's day (never the card's) and its place.
_EVENT_TIMES = ["When: Saturday 7 October, 10:30", "When: Monday 31 March 2014, 18:45", "Time: 2pm to 4pm"]
_EVENT_PLACES = ["Where: the town hall, Market Street", "Venue: Kestrel Bay lifeboat station", "Location: Pier Road"]
# Decoy dates inside a teaser: none is a publication date.
_DECOYS = [" The talks resume on June 3 in the capital.", " Prices have risen since March 2019 across the region.",
           " The first phase ended (May, 2003) and was never restarted.",
           " A hearing is set for the afternoon of 12 October."]
_CITIES = ["GENEVA", "New York", "NAIROBI", "Brussels", "WASHINGTON", "Lima"]
# Invented towns and regions for datelines of one or more places.
_TOWNS = ["Kestrel Bay", "Ashcombe", "Redwater", "Dunmore", "Thornby", "Saltmarsh"]
_REGIONS = ["Norland", "East Riding", "Calder", "the Narrows"]
_AGENCIES = ["Coastline Wire", "Northern Press Agency", "Valley News Service"]
# What a whole release printed in a sequence may end with.
_ENDINGS = [["###"], ["-ENDS-"], ["– ENDS –"], ["For more information, contact the press office."],
            ["Media contact:", "Ilse Marten", "ilse.marten@example.org"], ["# # #"], ["-30-"],
            ["SOURCE Example Foundation"],
            ["For more information:", "Press office, +1 555 010 2030"]]
_CAPTIONS = ["Photo: volunteers unload supplies at the warehouse.", "Image credit: Staff photographer",
             "A nurse checks records at a mobile clinic. (Photo: Staff)"]
_HEADERS = ["Newsroom", "Press releases", "Latest news from the Foundation",
            "Find our statements, reports and updates below.", "Home | About | Contact", "Stories from the field",
            "What we said", "Home > Newsroom > Statements"]
# Teasers of one short sentence, on pages that print them (below teaser length, like a headline's).
_SHORT_SENTENCES = ["Work starts in May.", "Entry is free for all.", "Clinics open on weekdays.",
                    "The vote is on Friday.", "Two posts are still open."]
# What ends a dateline before the text: a dash, a bar or a middle dot.
_DATELINE_ENDS = [" – ", " – ", " | ", " · "]
_FOOTERS = ["1 2 3 Next »", "Page 1 of 12", "© 2021 Example Foundation", "Contact us", "« Previous | Next »",
            "Last updated: March 3, 2022", "Related: Annual report published – May 4, 2020",
            "Sign up for our newsletter to hear about new releases.", "Press enquiries: 01632 960 222"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _ordinal(day: int) -> str:
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


DATE_FORMS = {
    "long": lambda d: f"{_MONTHS[d.month - 1]} {d.day}, {d.year}",
    "abbrev": lambda d: f"{_MONTHS[d.month - 1][:3]}. {d.day}, {d.year}",
    "day-first": lambda d: f"{d.day} {_MONTHS[d.month - 1]} {d.year}",
    "padded": lambda d: f"{d.day:02d} {_MONTHS[d.month - 1][:3]} {d.year}",
    "weekday": lambda d: f"{_WEEKDAYS[d.weekday()]}, {_MONTHS[d.month - 1]} {d.day}, {d.year}",
    "iso": lambda d: d.isoformat(),
    "us-numeric": lambda d: f"{d.month:02d}/{d.day:02d}/{d.year}",
    "dotted": lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}",
    "no-comma": lambda d: f"{_MONTHS[d.month - 1]} {d.day} {d.year}",
    "day-comma": lambda d: f"{d.day} {_MONTHS[d.month - 1]}, {d.year}",
    "ordinal": lambda d: f"{_MONTHS[d.month - 1]} {_ordinal(d.day)}, {d.year}",
    "upper": lambda d: f"{_MONTHS[d.month - 1].upper()} {d.day}, {d.year}",
    "short-month": lambda d: f"{_MONTHS[d.month - 1][:3]} {d.day}, {d.year}",
    "rfc": lambda d: f"{_WEEKDAYS[d.weekday()][:3]}, {d.day:02d} {_MONTHS[d.month - 1][:3]} {d.year} 10:00:00 GMT",
    "ordinal-of": lambda d: f"{_ordinal(d.day)} of {_MONTHS[d.month - 1]} {d.year}",
    "dash-abbrev": lambda d: f"{d.day:02d}-{_MONTHS[d.month - 1][:3]}-{d.year}",
    "abbrev-stop": lambda d: f"{d.day} {_MONTHS[d.month - 1][:3]}. {d.year}",
    "year-first": lambda d: f"{d.year} {_MONTHS[d.month - 1]} {d.day}",
    "weekday-after": lambda d: f"{d.day} {_MONTHS[d.month - 1]} {d.year} ({_WEEKDAYS[d.weekday()]})",
}
# Forms a database or a converter prints, drawn on pages printed with markup (`draw_page(markup=True)`).
DUMP_DATE_FORMS = {
    **DATE_FORMS,
    "slash-abbrev": lambda d: f"{d.day}/{_MONTHS[d.month - 1][:3]}/{d.year}",
    "abbrev-dash-first": lambda d: f"{_MONTHS[d.month - 1][:3]}-{d.day:02d}-{d.year}",
    "iso-abbrev": lambda d: f"{d.year}-{_MONTHS[d.month - 1][:3]}-{d.day:02d}",
}
LABELS = ["", "", "Posted on ", "Published: ", "Released ", "By Press Office | "]
TIMES = ["", "", " at 10:00", " - 11:37", " 2:27PM", " | 09:15 GMT", ", 10:00", " 10:30 a.m. ET", " · 4 min read",
         " | ⏱ 3 min", " · Updated 30 December 2024"]
JOINERS = [" | ", " • ", " – ", ", ", ": ", " / "]
# Between a title and its date on one line, and between a date and its title in columns.
TITLE_DATE_JOINERS = [" | ", " — ", " -- ", " ~ ", " // "]
COLUMNS = ["\t", "   "]
# Card templates: the order of parts; `kind+date` and friends are one line.
TEMPLATES = [
    ("kind", "title", "teaser", "date"),
    ("date", "title", "teaser"),
    ("title", "date", "teaser"),
    ("title", "teaser", "date"),
    ("kind+date", "title", "teaser"),
    ("date+kind", "title", "teaser"),
    ("title", "kind+date", "teaser"),
    ("date", "kind", "title", "teaser"),
    ("kind", "date", "teaser"),
    ("title", "dateline"),
    ("date+title", "teaser"),
    ("title+date", "teaser"),
    ("kind", "title", "date", "teaser"),
    ("title", "teaser", "kind+date"),
    ("date", "title"),
    ("title", "date"),
    ("title", "date+kind", "teaser"),
    ("title", "teaser", "date+kind"),
    ("kind+date", "title"),
    ("release",),
    ("title", "release"),
    ("day",),
]


# A converter's markup of a card's own lines (title, date, kind, first teaser paragraph), one habit a page.
MARKUP: dict[str, dict[str, str]] = {
    "none": {},  # a page printed plainly
    "markdown": {"title": "## {}", "date": "*{}*", "kind": "**{}**"},
    "markdown-links": {"title": "[{}](https://example.org/news/item)", "date": "_{}_"},
    "fields": {"title": "Title: {}", "date": "Date: {}", "kind": "Type: {}", "teaser": "Summary: {}"},
}


@dataclass(frozen=True)
class Expected:
    """What a reader should get back for one card."""

    title: str | None
    published: dt.date
    kind: str


@st.composite
def titles(draw) -> str:
    words = f"{draw(st.sampled_from(_SUBJECTS))} {draw(st.sampled_from(_VERBS))} {draw(st.sampled_from(_OBJECTS))}"
    tail = draw(st.sampled_from(_TAILS))
    text = f"{words} {tail}".strip()
    shape = draw(st.integers(0, 9))
    if shape == 0:
        text = f"Will the {draw(st.sampled_from(_OBJECTS))} work?"  # a question headline
    elif shape == 1:  # a long headline, as some UN agencies print them
        text += (f" – {draw(st.sampled_from(_SUBJECTS)).lower()} says the {draw(st.sampled_from(_OBJECTS))} "
                 f"will need support from every district and partner for at least another two years")
    if draw(st.booleans()):
        text = " ".join(w if w in {"of", "in", "for", "the", "with", "as", "on"} else w[:1].upper() + w[1:]
                        for w in text.split())
    return text


@st.composite
def teasers(draw, events: bool = False) -> list[str]:
    """A card's teaser lines; with `events`, now and then under an advisory's time and place lines."""
    sentences = draw(st.lists(st.sampled_from(_SENTENCES), min_size=1, max_size=3, unique=True))
    if draw(st.integers(0, 3)) == 0:
        at = draw(st.integers(0, len(sentences) - 1))
        sentences[at] += draw(st.sampled_from(_DECOYS))
    if len(sentences) >= 2 and draw(st.integers(0, 4)) == 0:
        return [sentences[0], " ".join(sentences[1:])]  # a teaser of two paragraphs
    if events and draw(st.integers(0, 7)) == 0:  # an advisory's event: its time and place lines, then the teaser
        return [draw(st.sampled_from(_EVENT_TIMES)), draw(st.sampled_from(_EVENT_PLACES)), " ".join(sentences)]
    text = " ".join(sentences)
    if draw(st.booleans()):
        text = text[: draw(st.integers(60, max(60, len(text) - 1)))].rstrip() + "…"
    return [text]


@st.composite
def datelines(draw, date_text: str) -> str:
    """A dateline that opens a release's text: one place or several, the date in brackets or after a comma."""
    shape = draw(st.integers(0, 6))
    if shape == 0:
        return f"({draw(st.sampled_from(_CITIES + _TOWNS))}, {date_text}) – "
    if shape == 1:
        return f"({draw(st.sampled_from(_TOWNS))}, {date_text}) "
    if shape == 2:
        return f"{draw(st.sampled_from(_CITIES + _TOWNS))}, {date_text}{draw(st.sampled_from(_DATELINE_ENDS))}"
    if shape == 3:
        places = draw(st.lists(st.sampled_from(_TOWNS), min_size=2, max_size=3, unique=True))
        return f"{'/'.join(places)}, {date_text}{draw(st.sampled_from(_DATELINE_ENDS))}"
    if shape == 5:  # places apart by spaced slashes
        places = draw(st.lists(st.sampled_from(_TOWNS), min_size=2, max_size=3, unique=True))
        return f"{' / '.join(places)}, {date_text}{draw(st.sampled_from(_DATELINE_ENDS))}"
    if shape == 6:  # a news agency in brackets after the place
        return f"{draw(st.sampled_from(_CITIES)).upper()} ({draw(st.sampled_from(_AGENCIES))}) — {date_text} — "
    return f"{draw(st.sampled_from(_TOWNS))}, {draw(st.sampled_from(_REGIONS))} ({date_text}) — "


@st.composite
def releases(draw, date_text: str) -> list[str]:
    """A whole release as printed in a sequence of them: dateline paragraph, more paragraphs, an end marker."""
    opening = draw(datelines(date_text)) + " ".join(draw(st.lists(st.sampled_from(_SENTENCES), min_size=1,
                                                                   max_size=2, unique=True)))
    more = draw(st.lists(st.lists(st.sampled_from(_SENTENCES), min_size=1, max_size=3, unique=True),
                         min_size=1, max_size=3))
    ending = draw(st.sampled_from([[], [], *_ENDINGS]))
    return [opening, *(" ".join(paragraph) for paragraph in more), *ending]


@st.composite
def draw_page(draw, markup: bool = False) -> tuple[list[str], list[Expected], list[int]]:
    """A listing page's lines, the cards a reader should find on it, and where each card (and the footer)
    starts; with `markup`, a page as a converter prints it (its marks and date forms drawn apart, so the pages
    drawn without stay the same)."""
    template = draw(st.sampled_from(TEMPLATES))
    forms = DUMP_DATE_FORMS if markup else DATE_FORMS
    form = draw(st.sampled_from(sorted(forms)))
    label, time = draw(st.sampled_from(LABELS)), draw(st.sampled_from(TIMES))
    joiner = draw(st.sampled_from(JOINERS))
    bullet = draw(st.sampled_from(["", "", "• "]))
    read_more = draw(st.booleans()) and "teaser" in template
    captions = draw(st.booleans()) and "release" not in template  # a photo between releases: not drawn
    # a teaser of one short sentence under a headline (with no headline, such a line is as much a title)
    short_teasers = "title" in template and draw(st.integers(0, 4)) == 0
    sentence_case = draw(st.booleans())  # kind lines printed `Media statement` rather than `Media Statement`
    plain = not markup or "release" in template or template == ("day",)  # marks on a card's own lines only
    marks = MARKUP["none" if plain else draw(st.sampled_from(sorted(set(MARKUP) - {"none"})))]
    count = draw(st.integers(2, 9))
    start = draw(st.dates(min_value=dt.date(2003, 1, 1), max_value=dt.date(2024, 12, 31)))
    gaps = draw(st.lists(st.integers(1, 40), min_size=count, max_size=count))
    per_card = 3 if template == ("day",) else 1  # a day's date may stand over three titles
    card_titles = draw(st.lists(titles(), min_size=count * per_card, max_size=count * per_card, unique_by=str.lower))
    lines: list[str] = draw(st.lists(st.sampled_from(_HEADERS), max_size=3, unique=True))
    expected = []
    starts = []
    day = start
    for n in range(count):
        starts.append(len(lines))
        day = day - dt.timedelta(days=gaps[n])
        kind_label = draw(st.sampled_from(sorted(KINDS)))
        has_kind = any("kind" in part for part in template)
        # now and then a card without its kind line, past the first two of a longer page
        skip_kind = has_kind and "kind" in template and count >= 4 and n >= 2 and draw(st.integers(0, 5)) == 0
        date_text = f"{label}{forms[form](day)}{time}"
        plain_date = forms[form](day)
        title = card_titles[n * per_card]
        teaser = [draw(st.sampled_from(_SHORT_SENTENCES))] if short_teasers else draw(teasers(events=True))
        if captions and draw(st.integers(0, 3)) == 0:
            lines.append(draw(st.sampled_from(_CAPTIONS)))
        for part in template:
            if part == "kind":
                if not skip_kind:
                    lines.append(marks.get("kind", "{}").format(kind_label.capitalize() if sentence_case
                                                                else kind_label))
            elif part == "title":
                lines.append(marks.get("title", "{}").format(title))
            elif part == "teaser":
                lines.extend([marks.get("teaser", "{}").format(teaser[0]), *teaser[1:]])
                if read_more:
                    lines.append("Read more")
            elif part == "date":
                lines.append(marks.get("date", "{}").format(f"{bullet}{date_text}"))
            elif part == "kind+date":
                printed = draw(st.sampled_from([kind_label, kind_label.upper(), kind_label.capitalize()]))
                lines.append(f"{bullet}{printed}{joiner}{plain_date}")
            elif part == "date+kind":
                lines.append(f"{bullet}{plain_date}{joiner}{kind_label}")
            elif part == "date+title":
                columns = draw(st.sampled_from(["", "", *COLUMNS]))
                lines.append(f"{bullet}{plain_date}{columns or ' - '}{title}")
            elif part == "title+date":
                lines.append(f"{title}{draw(st.sampled_from(TITLE_DATE_JOINERS))}{plain_date}"
                             if draw(st.booleans()) else f"{title} ({plain_date})")
            elif part == "dateline":
                lines.append(draw(datelines(plain_date)) + " ".join(teaser))
            elif part == "release":
                lines.extend(draw(releases(plain_date)))
            elif part == "day":  # the day's date once, then its titles: each a card of that date
                lines.append(f"{bullet}{date_text}")
                day_titles = card_titles[n * per_card:n * per_card + draw(st.integers(1, 3))]
                lines.extend(day_titles)
                expected.extend(Expected(title=text, published=day, kind="press_release") for text in day_titles)
        if template == ("day",):
            continue
        has_title = any("title" in part for part in template)
        expected.append(Expected(title=title if has_title else None, published=day,
                                 kind=KINDS[kind_label] if has_kind and not skip_kind else "press_release"))
    starts.append(len(lines))  # the footer starts a block of its own
    lines.extend(draw(st.lists(st.sampled_from(_FOOTERS), max_size=3, unique=True)))
    return lines, expected, starts


# --- round 5 of issue 21: archive pages, codes and files around cards, pages in other languages ---------------
#
#   archive  := conventions drawn by `draw_archive_page`, one a page, apart from `draw_page` (its pages stay the same):
#     badge      a date printed as a calendar badge over two or three lines (`17` / `SEP` / `2019`, `5` / `May 2020`)
#                above the title and the teaser
#     under      days without a year under a heading of their month (`APRIL 2019` … `07 · Title`) or, with their
#                month, under a heading of their year (`2019` … `April 7 – Title`)
#     run-on     a title that runs into its date with no mark between (`Title 7 April 2019`) or reaches it by dot
#                leaders (`Title ........ 7 April 2019`), a teaser under it or none
#     wrapped    such a title wrapped onto its date line, the page doing so for every card
#     reference  a reference number over the title (`Ref. AG/2019/031`, `No. 31/19`), or beside the date on one line
#                (`PR 031/2019 · 7 April 2019`)
#     files      under the teaser, the release as a download (`Download the statement (PDF, 212 KB)`) and its file's
#                name, which holds a date (`Attachment: 2019-04-07-flood-plan.pdf`)
#     clipped    a kind and a date with its year cut to two digits (`Statement · 7 April '19`, `Report · 07.04.19`)
#     lettered   items lettered or numbered in roman numerals (`b) Title (7 April 2019)`, `iv. Title – 7 April 2019`)
#     long       a headline wrapped over two lines, cut after a word that asks for more (`… clinics in the` / `north
#                after storms`), then the date and the teaser
#     weekday    a kind and a date with its weekday in brackets after it (`Statement · 2019-04-07 (Sun)`)
#     mail       a mail archive: `From:` with an address, `Subject:` with the list's tag (`[Newsroom] Title`), `Date:`
#                in RFC 2822 form, the text, a rule between messages
#     subtitle   a headline in capitals, a subtitle in running case under it (shorter or longer), the date, a teaser
#     language   a page in German, Spanish or French: its own dates (`7. April 2019`, `7 de abril de 2019`,
#                `7 avril 2019`) and kind labels (`Pressemitteilung`, `Comunicado de prensa`, `Déclaration`)

ARCHIVE_CONVENTIONS = ["badge", "under", "run-on", "wrapped", "reference", "files", "clipped", "lettered", "long",
                       "weekday", "mail", "subtitle", "language"]
_SUBTITLES = ["Work begins in the spring", "A first for the region and its partners",
              "Families in twelve districts will benefit over the coming months of the programme"]
_CUT_AFTER = {"the", "of", "for", "in", "with"}  # a wrapped headline's first line may end on one of these
_ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"]
# A page in another language: its month names, its kind labels with the kinds a reader expects, headlines, a teaser.
_FOREIGN = {
    "de": (["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
            "November", "Dezember"], {"Pressemitteilung": "press_release", "Stellungnahme": "statement"},
           ["Die Behörde eröffnet neue Kliniken im Norden", "Der Rat prüft den Hochwasserplan",
            "Die Stiftung fördert das Schulessen", "Das Gesundheitsamt startet eine Impfaktion",
            "Die Freiwilligen bauen Notunterkünfte", "Das Ministerium kündigt mobile Praxen an"],
           "Die Arbeiten beginnen im Frühjahr, sobald die Mittel freigegeben sind."),
    "es": (["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
            "noviembre", "diciembre"], {"Comunicado de prensa": "press_release", "Declaración": "statement"},
           ["La agencia abre nuevas clínicas en el norte", "El consejo revisa el plan contra inundaciones",
            "La fundación amplía los comedores escolares", "El ministerio anuncia unidades de salud móviles",
            "Los voluntarios levantan refugios de emergencia", "La junta publica el informe de vivienda"],
           "Las obras empezarán en primavera, cuando se libere la financiación."),
    "fr": (["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
            "novembre", "décembre"], {"Communiqué de presse": "press_release", "Déclaration": "statement"},
           ["L'agence ouvre de nouvelles cliniques dans le nord", "Le conseil révise le plan contre les crues",
            "La fondation étend les repas scolaires", "Le ministère annonce des unités de santé mobiles",
            "Les bénévoles montent des abris d'urgence", "Le bureau publie son rapport sur le logement"],
           "Les travaux commenceront au printemps, une fois les fonds débloqués."),
}


def _foreign_date(language: str, day: dt.date) -> str:
    months = _FOREIGN[language][0]
    if language == "de":
        return f"{day.day}. {months[day.month - 1]} {day.year}"
    if language == "es":
        return f"{day.day} de {months[day.month - 1]} de {day.year}"
    return f"{day.day} {months[day.month - 1]} {day.year}"


@st.composite
def draw_archive_page(draw, convention: str) -> tuple[list[str], list[Expected], list[int]]:
    """A page of one archive convention (above): its lines, the cards a reader should find, where each card (and the
    footer) starts."""
    count = draw(st.integers(2, 8))
    start = draw(st.dates(min_value=dt.date(2004, 1, 1), max_value=dt.date(2024, 12, 31)))
    gaps = draw(st.lists(st.integers(1, 25), min_size=count, max_size=count))
    card_titles = draw(st.lists(titles(), min_size=count, max_size=count, unique_by=str.lower))
    variant = draw(st.integers(0, 3))
    language = draw(st.sampled_from(sorted(_FOREIGN)))
    if convention == "language":  # the page's own headlines, each once
        count = min(count, len(_FOREIGN[language][2]))
        card_titles = draw(st.lists(st.sampled_from(_FOREIGN[language][2]), min_size=count, max_size=count,
                                    unique=True))
    lines: list[str] = [] if convention == "language" else draw(st.lists(st.sampled_from(_HEADERS), max_size=2,
                                                                          unique=True))
    expected: list[Expected] = []
    starts: list[int] = []
    day = start
    heading: str | None = None
    for n in range(count):
        day = day - dt.timedelta(days=gaps[n])
        title, teaser = card_titles[n], draw(teasers())[0]
        if convention in {"run-on", "wrapped"}:  # a headline beside its date is a short one
            title = title.split(" – ")[0]
        month, kind = _MONTHS[day.month - 1], "press_release"
        plain = DATE_FORMS["day-first"](day)
        starts.append(len(lines))  # a heading over a card opens its group of lines
        if convention == "under":
            now = f"{month.upper()} {day.year}" if variant % 2 else str(day.year)
            if now != heading:
                lines.append(now)
                heading = now
        if convention == "badge":
            badge = [[f"{day.day:02d}", month[:3].upper(), str(day.year)], [str(day.day), f"{month} {day.year}"],
                     [month[:3], str(day.day), str(day.year)], [f"{day.day:02d}", f"{month[:3]} {day.year}"]][variant]
            lines += [*badge, title, teaser]
        elif convention == "under":
            lines.append(f"{day.day:02d} · {title}" if variant % 2 else f"{month} {day.day} – {title}")
        elif convention == "run-on":
            lines.append(f"{title} {'.' * 8} {plain}" if variant % 2 else f"{title} {plain}")
            if variant >= 2:
                lines.append(teaser)
        elif convention == "wrapped":
            words = title.split()
            cut = max(1, len(words) // 2)
            lines.append(f"{' '.join(words[:cut])}\n{' '.join(words[cut:])} {plain}")  # a wrap: no blank line
        elif convention == "reference":
            number = 10 + 7 * n
            if variant == 3:
                lines += [f"PR {number:03d}/{day.year} · {plain}", title, teaser]
            else:
                code = [f"Ref. AG/{day.year}/{number:03d}", f"No. {number}/{day.year % 100:02d}",
                        f"Release {day.year % 100:02d}-{number:03d}"][variant]
                lines += [code, title, plain, teaser]
        elif convention == "files":
            slug = "-".join(title.lower().split()[:4])
            lines += [title, plain, teaser, "Download the statement (PDF, 212 KB)",
                      f"Attachment: {day.isoformat()}-{slug}.pdf"]
        elif convention == "clipped":
            label = draw(st.sampled_from(["Statement", "Report", "Update"]))
            kind = KINDS[label]
            printed = f"{day.day} {month} '{day.year % 100:02d}" if variant % 2 else \
                f"{day.day:02d}.{day.month:02d}.{day.year % 100:02d}"
            lines += [title, f"{label} · {printed}", teaser]
        elif convention == "lettered":
            mark = [f"{'abcdefgh'[n]})", f"{_ROMAN[n]}.", f"({'abcdefgh'[n]})", f"{_ROMAN[n].upper()}."][variant]
            lines.append(f"{mark} {title} ({plain})" if variant % 2 else f"{mark} {title} – {plain}")
        elif convention == "long":
            words = title.split()
            cut = next((k + 1 for k in range(1, len(words) - 1) if words[k].lower() in _CUT_AFTER), None)
            if cut is None:  # no word to cut after: printed on one line
                lines += [title, plain, teaser]
            else:
                lines += [f"{' '.join(words[:cut])}\n{' '.join(words[cut:])}", plain, teaser]
        elif convention == "weekday":
            label = draw(st.sampled_from(["Statement", "Press Release", "Report"]))
            kind = KINDS[label]
            lines += [title, f"{label} · {day.isoformat()} ({_WEEKDAYS[day.weekday()][:3]})", teaser]
        elif convention == "mail":
            tag = ["[Newsroom] ", "[Press] ", ""][variant % 3]
            lines += [f"From: Press Office <press{n}@example.org>", f"Subject: {tag}{title}",
                      f"Date: {DATE_FORMS['rfc'](day)}", teaser, "-" * 40]
        elif convention == "subtitle":
            title = title.upper()  # the headline as printed
            lines += [title, draw(st.sampled_from(_SUBTITLES)), plain, teaser]
        elif convention == "language":
            labels = _FOREIGN[language][1]
            label = draw(st.sampled_from(sorted(labels)))
            kind = labels[label]
            lines += [f"{label} | {_foreign_date(language, day)}", title, _FOREIGN[language][3]]
        expected.append(Expected(title=title, published=day, kind=kind))
    starts.append(len(lines))
    lines.extend(draw(st.lists(st.sampled_from(_FOOTERS[:5]), max_size=2, unique=True)))
    return lines, expected, starts
