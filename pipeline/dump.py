"""Read the markup of a page-to-text dump (Markdown, reStructuredText, a terminal browser's links, tables) as
structure: each mark says what its line is, as an HTML tag would, and is taken off the text it marks."""
from __future__ import annotations

import re
import tomllib
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

from . import settings
from .dates import date_alone, date_line, trailing_date
from .lines import KIND_LABELS, ends_with_full_stop, is_bare_kind

_WORDS = tomllib.loads(Path(__file__).with_name("layout_words.toml").read_text(encoding="utf-8"))["markup"]
_FIELDS = frozenset(_WORDS["fields"])
_KIND_FIELDS = frozenset(_WORDS["kind_fields"])
_COLUMN_NAMES = _FIELDS | frozenset(_WORDS["columns"])
_RECORD_NUMBERS = frozenset(_WORDS["record_numbers"])
_MAIL_HEADERS = frozenset(_WORDS["mail_headers"])
_DATE_COLUMNS = frozenset(_WORDS["date_columns"])
_DATE_FIELD_WORDS = frozenset(_WORDS["date_field_words"])
_ROW_COUNT = re.compile(r"^\(\d+ rows?\)$")
_INDENT = re.compile(r"^[ \t]*")
# A line of one repeated mark (`=====`, `-----`, `^^^^^`): under a line of text it underlines a heading.
_UNDERLINE = re.compile(r"^([=\-~^*+#`'\".:_])\1{2,}$")
# A table's frame: box-drawing or ASCII borders between rows (`+----+----+`, `|---|:--|`, `├────┼────┤`).
_FRAME = re.compile(r"^[+|:\-=─━═│┃┌┐└┘├┤┬┴┼╞╡╪╒╕╘╛╤╧╔╗╚╝╠╣╦╩╬\s]+$")
_FRAME_MARK = re.compile(r"[+─━═┼├┤┌┐└┘╞╡╪]|\|\s*:?-{3,}|-{3,}\s{2,}-{3,}")
_CELL_BAR = re.compile(r"\s*[|│┃]\s*")
_ROW = re.compile(r"^[|│┃].*[|│┃]$")
_HEADING = re.compile(r"^#{1,6}\s+(?![#\s]*$)(?!#\s)(.*?)(?:\s+#+)?$")  # not `# # #`, an end marker
# Wiki and outline exports: a MediaWiki or DokuWiki heading (`== Title ==`, `====== Title ======`), an org-mode
# one (`** Title   :tag:`; one star only on an org page: elsewhere it is a bullet), and the lines that are markup
# alone (`#+TITLE: …`, a `:PROPERTIES:` drawer's marks, `__TOC__`, `{{tag>…}}`).
_NUMBER_FIELD = re.compile(r"^\s*(" + "|".join(map(re.escape, sorted(_RECORD_NUMBERS))) + r")\s*:", re.IGNORECASE)
_RECORD_MARK = re.compile(r"^[-*•]?\s*\[?(?:entry|item|record)\]?:?$")  # a feed dump's record, opened
_TAG_ONLY = re.compile(r"^</?[A-Za-z][\w:.-]*\s*/?>$")  # `<entry>`, `</item>` alone: a feed dump's records apart
_WIKI_HEADING = re.compile(r"^(={1,6})\s*([^=\s].*?)\s*\1$")
_ORG_HEADING = re.compile(r"^\*{1,6}\s+(\S.*?)(?:\s+:(?:[\w@#%]+:)+)?$")
_ORG_PAGE = re.compile(r"^(?:#\+[A-Za-z_]+:|\s*:PROPERTIES:\s*$)")
_MARKUP_ONLY = re.compile(r"^(?:#\+[A-Za-z_]+:.*|:(?:PROPERTIES|END):|__[A-Z]+__|\{\{tag>[^}]*\}\})$")
_WIKI_LINK = re.compile(r"\[\[(?:[^|\]]*\|)?([^\]]+)\]\]")  # `[[Page|Words]]`, `[[Category:Reports]]`
_WIKI_EMPHASIS = re.compile(r"('{2,5})(?=\S)(.+?)(?<=\S)\1|(?<![:/\w])//(?=\S)(.+?)(?<=\S)//(?!\w)")
# An org timestamp (`<2014-12-22 Mon>`, `[2016-12-24 Sat 16:42]`): its date.
_ORG_TIMESTAMP = re.compile(r"[<\[](\d{4}-\d\d-\d\d)(?:\s+[A-Za-z]{2,3}\.?)?(?:\s+\d\d?:\d\d(?:-\d\d?:\d\d)?)?[>\]]")
# A converter's stand-in for an image (`[IMG: the crew at sea]`, `[Image]`): a picture, no words of the page.
_IMAGE_MARK = re.compile(r"^\[(?:" + "|".join(_WORDS["images"]) + r")\b[^\]]*\]$", re.IGNORECASE)
_OPEN_LINK = re.compile(r"\[[^\]]*$")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^()]*\))*\)")
_ANGLE_URL = re.compile(r"<(?:https?|mailto):[^>\s]+>")
# (after a label too: `Link: https://…`, `Read online: https://…`)
_URL_ONLY = re.compile(r"^(?:\d{1,4}\.\s+)?(?:(?:link|url|web|source|read (?:more|online|it online))\s*:\s*)?"
                       r"(?:https?://|file://|mailto:)\S*$", re.IGNORECASE)
_BROWSER_NUMBER = re.compile(r"\[\d{1,4}\](?=\S)")  # a terminal browser numbers each link: `[14]Title`
# The last gap, before a line's last few words (a date's words may be joined by no-break spaces).
_WIDE_GAP_TO_END = re.compile(r"(?<=\S) {3,}(?=[^ ]+(?: [^ ]+){0,5}$)")
_TAB_GAP = re.compile(r"(?<=\S) *\t+ *(?=\S)")
# A card's place in a counted list: `[21/59] `, `11/37 · `; a line that says only that: `Item 4 of 41`, `Result 3 / 20`.
_COUNTER = re.compile(r"^\[?(\d{1,4})\s?/\s?(\d{1,4})\]?\s*(?:[·•|:–—-]\s*|(?<=\])\s*)(?=\S)")
_COUNTER_LINE = re.compile(r"^(?:item|story|release|result|article|entry|no\.?)\s+\d{1,4}\s+(?:of|/)\s+\d{1,4}$",
                           re.IGNORECASE)
_ITEM_NUMBER = re.compile(r"^(?:No\.?\s?|#)\d{1,4}\s*[·•|:–—-]\s*(?=\S)", re.IGNORECASE)  # `No. 12 · `, `#12 | `
_BULLET = re.compile(r"^(?:[*+\-]|>+|\d{1,2}[.)])\s+")
# A lettered or roman-numbered list's mark (`a)`, `(b)`, `c.`, `iv.`, `IV.`, `(ii)`): a mark only on a page that
# opens two or more lines with one, its first (`a`, `i`) among them.
_LETTER_MARK = re.compile(r"^\(?(?P<mark>[a-z]|[ivxlc]{1,6}|[IVXLC]{1,6})(?:\)|(?<!\()\.)\s+(?=\S)")
_TAG = re.compile(r"^\[([^\]\d]{2,30})\]\s+(?=\S)")  # `[Newsroom] Title`: a tag before an item's words
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=\S)([^*_]+?)(?<=\S)\1(?![\w*])")
_FIELD = re.compile(r"^:?([A-Za-z][A-Za-z ]{0,20}?)\s*:\s*:?\s*(\S.*)$")
# A field inside a converter's field line: after a separator, or after a date's year (`Date: 4 March 2021 Type: …`).
_INNER_FIELD = re.compile(r"(\s[|·•–—]\s*|(?<=\d)\s+)([A-Za-z][A-Za-z ]{0,20}?)\s*:\s+(?=\S)")
_QUOTED = re.compile(r"^([\"'“])(.*)[\"'”]$")
_KIND_FIRST = re.compile(r"^([^|,·•–—:]{2,40}?)\s*(?:[|,·•–—:]|\s-)\s*(\S.*)$")
_BRACKET_START = re.compile(r"^\[([^\]]{2,60})\]\s+(\S.*)$|^\(([^)]{6,60})\)\s+(?=[A-Z])(\S.*)$")
_BRACKET_END = re.compile(r"^(\S.*?)\s+[\[(]([^\])]{2,60})[\])]$")
_MAX_COLUMNS = 5  # a listing's table has a few columns: a date, a kind, a title, a place
_ICONS = "\u2190"  # symbols from the arrows on are icons; `©` and `®` before them are words of a line
_MAYBE_ICON = re.compile("[\u200d\u2190-\U0010ffff]")  # an icon, or a joiner inside one
_COLUMNS = re.compile(r"(?<=\S) {2,}(?=\S)")  # a space-aligned table's column gap


def unmark(raw: list[str]) -> list[tuple[str, str]]:
    """The page's lines with their markup read: marks taken off, a heading's underline and a table's frame
    dropped, a table row's cells and a bracketed kind or date each a line of their own. Each line comes with the
    line as printed where it ends a printed line (a hard wrap is measured on that), else itself; indentation is
    kept."""
    joined = _join_wrapped_rows(_join_wrapped_links(_framed_bar_tables(raw)))
    raw = [line for line, _printed in joined]
    fields = _repeated_fields(raw)
    envelope = _repeated_headers(raw) if "subject" in fields else frozenset()
    aligned = _aligned_rows(raw)
    lettered = _lettered(raw)
    total = _counted(raw)
    columned = _dates_in_a_column(raw)
    tags = _repeated_tags(raw, fields)
    org = any(_ORG_PAGE.match(line) for line in raw)
    named = Counter(m.group(1).lower() for line in raw if (m := _NUMBER_FIELD.match(line)) is not None)
    numbers = {name for name, count in named.items() if count >= 2}  # a record's number field on every record
    out: list[tuple[str, str]] = []
    for line, printed in joined:
        indent = _INDENT.match(line).group(0)  # type: ignore[union-attr]
        text = line.strip()
        if not text:
            out.append((line, line))
            continue
        if _UNDERLINE.match(text) and out and out[-1][0].strip() and _underlines(text, out[-1][0].strip()):
            continue  # `=====` under a title: the title is a heading, the rule says no more
        if (_FRAME.match(text) and _FRAME_MARK.search(text)) or _TAG_ONLY.match(text) or _RECORD_MARK.match(text):
            out.append(("", ""))  # a border between a table's rows, a dump's `<entry>` or `[item]`: records apart
            continue
        if (numbered := _FIELD.match(text)) is not None and numbered.group(1).strip().lower() in numbers:
            continue  # `id: tag:example.org,2009:news/7932` on every record: a number, no words of it
        if envelope and (header := _FIELD.match(text)) is not None and header.group(1).strip().lower() in envelope:
            continue  # `From: …`, `To: …` on every message of a mail archive
        if _URL_ONLY.match(text) or _IMAGE_MARK.match(text) or _COUNTER_LINE.match(text) or _MARKUP_ONLY.match(text):
            continue  # a terminal browser's list of link targets, a bare address, `Item 4 of 41`, `#+TITLE: …`
        if total is not None and (counter := _COUNTER.match(text)) is not None and counter.group(2) == total:
            text = text[counter.end():]  # `[21/59] Title`, `11/37 · Title`: the card's place in the list
        cells = [_plain(cell) for cell in _COLUMNS.split(text)]
        if (line in aligned or len(cells) >= 2) and all(cell.lower() in _COLUMN_NAMES for cell in cells):
            continue  # the header row names the columns
        if line in aligned:
            pieces = [indent + cell for cell in cells if cell]  # the last may wrap on into the next printed line
        else:
            if columned:
                text = _date_column(text, "\x02" if aligned else " | ")
            pieces = [indent + piece for part in text.split("\x02")
                      for piece in _read(_heading_text(part, org), fields, lettered, tags)]
        out += [(piece, printed if n == len(pieces) - 1 else piece) for n, piece in enumerate(pieces)]
    return _join_wrapped_cells(out)


def _heading_text(text: str, org: bool) -> str:
    """A wiki's or an outline's heading as its words (`== Title ==`, `** Title  :tag:`); any other line as it is."""
    wiki = _WIKI_HEADING.match(text)
    if wiki is not None:
        return wiki.group(2)
    outline = _ORG_HEADING.match(text) if org or text.startswith("**") else None
    return outline.group(1) if outline is not None else text


def _join_wrapped_links(raw: list[str]) -> list[tuple[str, str]]:
    """A link's words wrapped over printed lines (`[Council opens` / `a clinic](https://…)`) as one line, with
    the last of them as printed."""
    out: list[tuple[str, str]] = []
    at = 0
    while at < len(raw):
        line, end = raw[at], at
        while _OPEN_LINK.search(line) and end + 1 < len(raw) and raw[end + 1].strip() \
                and end - at < settings.LINK_MAX_PRINTED_LINES:
            end += 1
            line = f"{line.rstrip()} {raw[end].strip()}"
        if end > at and not _LINK.search(line):
            line, end = raw[at], at  # a bracket left open, no link: the lines as printed
        out.append((line, raw[end]))
        at = end + 1
    return out


def _framed_bar_tables(raw: list[str]) -> list[str]:
    """A database's export (`id | title | category | release_date`, or `title|category|release_date`) as a table
    with outer bars, read like any other: a header row whose cells all name columns, then the rows with as many
    bars as it; a column of record numbers (`id`) is left out, being no field of a release."""
    out = list(raw)
    at = 0
    while at < len(out):
        header = _bar_cells(out[at])
        if header is None or not all(_column_name(cell) for cell in header):
            at += 1
            continue
        names = [_column_name(cell) or "" for cell in header]
        last_words = [name.split()[-1] if name else "" for name in names]
        kind = next((n for n, word in enumerate(last_words) if word in _KIND_FIELDS), None)
        date = next((n for n, word in enumerate(last_words) if word in _DATE_COLUMNS), None)
        # A kind column beside a date column: the kind is printed with the date (`2019-04-09 · Service update`), where
        # a kind of any wording is read, as on a card's date line.
        keep = [n for n, name in enumerate(names) if name not in _RECORD_NUMBERS and (n != kind or date is None)]
        end = at
        while end + 1 < len(out) and (_FRAME.match(out[end + 1].strip()) or (
                (cells := _bar_cells(out[end + 1])) is not None and len(cells) == len(header))):
            end += 1
            cells = _bar_cells(out[end])
            if cells is not None:
                if kind is not None and date is not None:
                    cells[date] = f"{cells[date]} · {cells[kind]}"
                out[end] = "| " + " | ".join(cells[n] for n in keep) + " |"
        out[at] = ""  # the header row only names the columns
        if end + 1 < len(out) and _ROW_COUNT.match(out[end + 1].strip()):
            out[end + 1] = ""  # `(8 rows)`: the export's count, no words of the page
        at = end + 1
    return out


def _bar_cells(line: str) -> list[str] | None:
    """The cells of a line of bar-separated cells without outer bars (`809 | Title | 2019-04-09`), else None."""
    text = line.strip()
    if not text or _ROW.match(text) or "|" not in text:
        return None
    cells = [cell.strip() for cell in text.split("|")]
    return cells if len(cells) >= 2 and all(cells) else None


def _column_name(cell: str) -> str | None:
    """A header cell as a column's name (`release_date` → `release date`), when it is one."""
    name = cell.replace("_", " ").strip().lower()
    words = name.split()
    return name if name in _COLUMN_NAMES or name in _RECORD_NUMBERS or (
        len(words) == 2 and words[-1] in _COLUMN_NAMES) else None


def _join_wrapped_rows(lines: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A table's title cell wrapped onto lines of its own, its date beyond a wide gap on the row's first line or on
    its last (`Title words          DATE` / `more words`, or `Title words` / `more words          DATE`), as one row
    `Title words more words | DATE`, as printed on its last line. The page chooses: its dated lines open their rows
    when more of them have an indented text line under them than over them (or, indentation alike, more text lines
    under them), and close them in the opposite case, where the title's first lines hang out to the left of the
    date's; two or more such rows, or nothing is joined."""
    counts = Counter(line.strip() for line, _printed in lines)
    # A line printed twice is a running head (`Newsroom – Trust    06/06/2025, 14:03`), no row of a table.
    dated = [n for n, (line, _printed) in enumerate(lines) if _gap_date(line) is not None and counts[line.strip()] == 1]
    if len(dated) < settings.WRAPPED_ROW_MIN_ROWS:
        return lines
    under = [n for n in dated if n + 1 < len(lines) and _cell_text(lines[n + 1][0])]
    over = [n for n in dated if n > 0 and _cell_text(lines[n - 1][0])]
    # Rows that touch have text both over and under each date: the indented lines are the wrapped ones.
    under_indented = sum(1 for n in under if _indent(lines[n + 1][0]) > _indent(lines[n][0]))
    over_indented = sum(1 for n in over if _indent(lines[n][0]) > _indent(lines[n - 1][0]))
    opens = (under_indented, len(under)) > (over_indented, len(over))
    closes = (over_indented, len(over)) > (under_indented, len(under))
    rows: list[tuple[int, int]] = []
    for n in dated:
        start = end = n
        if opens:
            while end + 1 < len(lines) and _cell_text(lines[end + 1][0]) and _indent(lines[end + 1][0]) >= _indent(
                    lines[n][0]):
                end += 1
        elif closes:
            # The title's first lines hang out to the left of the dated line; a title wrapped flush onto its date
            # (`… With` / `the Canal Society          DATE`) is read as printed, one line with its date.
            while start > 0 and _cell_text(lines[start - 1][0]) and _indent(lines[start - 1][0]) < _indent(
                    lines[n][0]):
                start -= 1
        if end > start:
            rows.append((start, end))
    if len(rows) < settings.WRAPPED_ROW_MIN_ROWS:
        return lines
    out = list(lines)
    for start, end in reversed(rows):
        texts = [line for line, _printed in lines[start:end + 1]]
        date_at = next(k for k, text in enumerate(texts) if _gap_date(text) is not None)
        gap = _gap_date(texts[date_at])
        assert gap is not None
        words = [text.strip() for text in texts]
        words[date_at] = texts[date_at].rstrip()[:gap.start()].strip()
        row = f"{texts[0][:_indent(texts[0])]}{' '.join(words)} | {texts[date_at].rstrip()[gap.end():]}"
        out[start:end + 1] = [(row, lines[end][1])]
    return out


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _gap_date(line: str) -> re.Match[str] | None:
    """The wide gap before a date that ends the line (`Title words          4 May 2021`), else None."""
    gap = _WIDE_GAP_TO_END.search(line.rstrip())
    if gap is None or _COLUMNS.search(line.strip()[:gap.start() - _indent(line)]):
        return None
    return gap if date_alone(line.rstrip()[gap.end():]) is not None else None


def _cell_text(line: str) -> bool:
    """A line that could be a wrapped title cell's words: not blank, no date, no column gap, no rule, no sentence."""
    text = line.strip()
    return bool(text) and _gap_date(line) is None and not _COLUMNS.search(text) and not _UNDERLINE.match(text) \
        and date_line(text) is None and not ends_with_full_stop(text)  # a teaser's sentence is no title's words


def _aligned_rows(raw: list[str]) -> set[str]:
    """The rows of a space-aligned table: lines whose columns start where other lines' columns start, one of
    them a date or a kind (or, in the header row, a column's name)."""
    starts: dict[str, tuple[int, ...]] = {}
    widths: dict[tuple[int, ...], set[tuple[int, ...]]] = defaultdict(set)
    for line in raw:
        text = line.rstrip()
        if _ROW.match(text.strip()):
            continue  # a table with bars: its cells are read by the bars
        gaps = list(_COLUMNS.finditer(text))
        if gaps and len(gaps) < _MAX_COLUMNS:
            starts[line] = (len(text) - len(text.lstrip()), *(gap.end() for gap in gaps))
            widths[starts[line]].add(tuple(gap.end() - gap.start() for gap in gaps))
    # Padding shows the alignment: cells of unlike length start at one column only when the gaps differ
    # (a habit of printing three spaces after every date is a separator, not a table).
    rows = {line for line, at in starts.items() if len(widths[at]) >= 2
            and any(_field(cell) or cell.lower() in _COLUMN_NAMES for cell in _COLUMNS.split(line.strip()))}
    if rows and any(line not in rows and (found := date_line(line.strip())) is not None and found.rest
                    for line in raw):
        return set()  # other cards print the date and the title on one line: the columns are that line's habit
    if rows and _right_margin_dates(rows):
        return set()  # a headline set against a date at the right margin: the line is the card's, as printed
    return rows


def _right_margin_dates(rows: set[str]) -> bool:
    """True when the rows are words and a date that ends at one column, the right margin (`Title ...... DATE`): the
    dates are set flush right, so a longer date starts further left, and only the rows whose dates are alike in
    length line up as columns. Read each as printed, a headline with its date, and a headline wrapped onto it stays
    whole; cut into cells, the wrapped ones would lose their date's line."""
    cells = [_COLUMNS.split(line.strip()) for line in rows]
    if not all(len(row) == 2 and date_alone(row[1]) is not None for row in cells):
        return False
    ends = Counter(len(line.rstrip()) for line in rows)
    return len(rows) >= 2 and ends.most_common(1)[0][1] == len(rows)


def _underlines(rule: str, above: str) -> bool:
    return len(rule) >= max(3, 0.6 * len(above)) and not _UNDERLINE.match(above)


def _field_name(name: str) -> bool:
    """A converter's field name: one of the fields, or a date's field in two words (`Date issued`, `Publication
    date`, `Release date`); an event's date (`Event date`) or an edit's is no card's."""
    words = name.strip().lower().split()
    dated = len(words) == 2 and "date" in words and all(w in _DATE_FIELD_WORDS for w in words)
    return " ".join(words) in _FIELDS or dated



def _repeated_fields(raw: list[str]) -> frozenset[str]:
    """The field names that stand before two or more lines of the page: a listing's cards, printed as fields."""
    counts: Counter[str] = Counter()
    for line in raw:
        match = _FIELD.match(_plain(line.strip()))
        if match and _field_name(match.group(1)):
            counts[match.group(1).strip().lower()] += 1
    return frozenset(name for name, count in counts.items() if count >= 2)


def _plain(text: str) -> str:
    """The text with its inline marks taken off: images, links to their words, bold and italic."""
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _ANGLE_URL.sub("", text)
    text = _BROWSER_NUMBER.sub("", text)
    if "[[" in text:
        text = _WIKI_LINK.sub(r"\1", text)
    if "''" in text or "//" in text:
        text = _WIKI_EMPHASIS.sub(lambda m: m.group(2) or m.group(3), text)
    if "<" in text or "[" in text:
        text = _ORG_TIMESTAMP.sub(r"\1", text)
    text = _STRONG.sub(r"\2", text)
    return _EMPHASIS.sub(r"\2", text).strip()


def _repeated_headers(raw: list[str]) -> frozenset[str]:
    """The mail headers that stand before two or more lines of a mail archive (`From:`, `To:`)."""
    counts = Counter(match.group(1).strip().lower() for line in raw if (match := _FIELD.match(line.strip())))
    return frozenset(name for name, count in counts.items() if name in _MAIL_HEADERS and count >= 2)


def _counted(raw: list[str]) -> str | None:
    """The total a page's cards count up to (`[21/59] Title`, `11/37 · Title`), when two or more of its lines open with
    a count to one total, else None: one such line alone may be a date (`3/12 · Title`)."""
    totals = Counter(match.group(2) for line in raw if (match := _COUNTER.match(line.strip())))
    total, lines = totals.most_common(1)[0] if totals else (None, 0)
    return total if lines >= 2 else None


def _lettered(raw: list[str]) -> bool:
    """True when the page numbers its items with letters or roman numerals: two or more lines open with such a
    mark, the first of a list (`a`, `i`, `I`) among them."""
    marks = [m.group("mark") for line in raw if (m := _LETTER_MARK.match(line.strip()))]
    return len(marks) >= 2 and bool({"a", "i", "I", "A"} & set(marks))


def _repeated_tags(raw: list[str], fields: frozenset[str]) -> frozenset[str]:
    """Bracketed tags that open two or more lines (or field values) of the page alike (`[Newsroom] Title`, a mailing
    list's subject tag): the page's mark on its items, not words of their titles."""
    counts: Counter[str] = Counter()
    for line in raw:
        if "[" not in line:
            continue  # no tag on it: most lines, looked at no further
        text = _plain(line.strip())
        field = _FIELD.match(text)
        if field and field.group(1).strip().lower() in fields:
            text = field.group(2).strip()
        tag = _TAG.match(text)
        if tag:
            counts[tag.group(1)] += 1
    return frozenset(tag for tag, count in counts.items() if count >= 2)


def _read(text: str, fields: frozenset[str], lettered: bool = False, tags: frozenset[str] = frozenset()) -> list[str]:
    """One printed line as the lines it stands for."""
    text = _TAB_GAP.sub(" | ", text)  # a tab between words sets columns apart, as a bar does
    inner = text[1:-1]  # a row's cells between its outer bars; an empty cell is a wrapped neighbour's
    if _ROW.match(text) and len(_CELL_BAR.split(inner)) >= 2 and inner.strip(" |│┃"):
        cells = [_plain(cell) for cell in _CELL_BAR.split(inner.strip())]
        return ["\x00" + "\x01".join(cells)]  # a table row: its cells, joined with the row's next lines if wrapped
    heading = _HEADING.match(text)
    if heading:
        text = heading.group(1)
    marked = text
    while True:  # a bullet in a blockquote, a number in a bullet
        bullet = _BULLET.match(text)
        if not bullet or _UNDERLINE.match(text.replace(" ", "")):
            break
        text = text[bullet.end():]
    if text != marked and not marked.startswith(">") and not _item(text):
        text = marked  # a list in a release's text (`- At least 61 countries …`) keeps its marks
    number = _ITEM_NUMBER.match(text)
    if number is not None and (text[number.end()].isupper() or _item(text[number.end():])):
        text = text[number.end():]  # `No. 12 · Title · 4 May 2021`: the item's number is no word of its title
    mark = _LETTER_MARK.match(text) if lettered else None
    if mark is not None and (text[mark.end()].isupper() or text[mark.end()].isdigit()):
        text = text[mark.end():]  # a lettered item opens with a headline or a date; a clause (`(a) the …`) keeps it
    text = _symbols(_plain(text))
    field = _FIELD.match(text)
    if field and field.group(1).strip().lower() in fields:
        text = field.group(2).strip()
        quoted = _QUOTED.match(text)
        text = quoted.group(2) if quoted else text
        if field.group(1).strip().lower() in _KIND_FIELDS:
            text = _one_kind(text)
        # `Type: Blog · Date: 4 March 2021`: the line's other fields keep their values and lose their names.
        text = _INNER_FIELD.sub(_unname_field, text)
    tag = _TAG.match(text) if tags else None
    if tag is not None and tag.group(1) in tags and not _field(tag.group(1)):
        text = text[tag.end():]  # the page's tag on every item; a bracketed kind or date stays a field (below)
    return _pieces(_brackets(text))


def _dates_in_a_column(raw: list[str]) -> bool:
    """True when the page's dates beyond a wide gap stand on rows of their own; False when most end a title wrapped
    onto their line (`Title words for the` / `Harvest Festival          DATE`), read as printed."""
    dated = [n for n, line in enumerate(raw) if _gap_date(line) is not None]
    wrapped = sum(1 for n in dated if n > 0 and _cell_text(raw[n - 1]))
    return bool(dated) and 2 * wrapped <= len(dated)


def _date_column(text: str, apart: str) -> str:
    """A wide gap before a date that ends the line sets the date apart as a column does (`Title      4 May 2021`):
    `apart` stands for it (a bar, so the title's last word, `… than Ever Before`, is never read as leading to the
    date; or, on a page whose other rows are read as columns, a break between cells)."""
    gap = _WIDE_GAP_TO_END.search(text)
    if gap is None or date_alone(text[gap.end():]) is None:
        return text
    return f"{text[:gap.start()]}{apart}{text[gap.end():]}"


def _unname_field(match: re.Match[str]) -> str:
    """A field named inside a line keeps its value behind a separator (`Blog · Date: 4 March` → `Blog · 4 March`)."""
    if match.group(2).strip().lower() not in _FIELDS:
        return match.group(0)
    return match.group(1) if match.group(1).strip() else " · "


def _one_kind(value: str) -> str:
    """A kind field's value in the plural (`Category: Updates`) names the card's kind: its singular label."""
    singular = value[:-1]
    return singular if value.endswith("s") and value.lower() not in KIND_LABELS and is_bare_kind(singular) else value


def _item(text: str) -> bool:
    """A listed card, not a list in running text: it opens with a link, a mark or a date, or ends with a date or
    a bracketed field."""
    plain = _plain(text)
    return text[:1] in "[*_#" or date_line(plain) is not None or trailing_date(plain) is not None \
        or len(_brackets(plain)) > 1


def _symbols(text: str) -> str:
    """Icons (`🗓️ 4 May 2021 📁 Statement`) set a line's fields apart: a bar between fields, nothing before."""
    if not _MAYBE_ICON.search(text):
        return text.strip() or text  # most lines: no character an icon could be, looked at no further
    parts: list[str] = []
    word = ""
    for char in text:
        if (unicodedata.category(char) == "So" and char >= _ICONS) or char in "\ufe0f\u200d":
            if word.strip():
                parts.append(word.strip())
            word = ""
        else:
            word += char
    if word.strip():
        parts.append(word.strip())
    return " | ".join(parts) if parts else text


def _field(text: str) -> bool:
    """A bracketed kind or date, or both (`[Statement]`, `[4 May 2021]`, `[Press release | 2021-05-04]`)."""
    whole = date_line(text, short_years=True)  # a bracket holds the date alone: `(13/04/13)` is one
    if whole is not None and not whole.before and (not whole.rest or is_bare_kind(whole.rest)):
        return True  # `[4 May 2021, 14:05 CET]`: a date and its time; `(4 May 2021 | Report)`
    kind = _KIND_FIRST.match(text)
    if kind and is_bare_kind(kind.group(1)) and _field(kind.group(2)):
        return True  # `(Report, 6 May 2021, 14:05 CET)`: a kind, then a date with its time
    return all(is_bare_kind(part) or date_alone(part) is not None
               for part in re.split(r"\s*[|,·•–—]\s*|\s+-\s+", text) if part)


def _brackets(text: str) -> list[str]:
    """A bracketed kind or date before or after a line's words is a field of its own."""
    start = _BRACKET_START.match(text)
    if start and _field(start.group(1) or start.group(3)):
        # `[Statement] Title`, `(4 May 2021) Title`: a date in parentheses before a capitalised word (a dash
        # after it makes a dateline that opens a teaser, read as such)
        return [start.group(1) or start.group(3), start.group(2) or start.group(4)]
    end = _BRACKET_END.match(text)
    if end and _field(end.group(2)) and date_line(end.group(2)) is None and (
            end.group(0).endswith("]") or not is_bare_kind(end.group(2))):
        # `Title [Statement]`, `Title (Report · 4 May 2021)`; a date alone stays the line's trailing date, a kind
        # alone in parentheses the headline's words (`… Annual Report (Report)` is rare, `(Update)` a title's)
        return [end.group(1), end.group(2)]
    return [text]


def _pieces(cells: list[str]) -> list[str]:
    return [cell for cell in (c.strip() for c in cells) if cell]


def _join_wrapped_cells(lines: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A table's rows as lines, one per cell: a cell wrapped over printed lines (a grid table's) is one text,
    and a row that only names the columns is dropped."""
    out: list[tuple[str, str]] = []
    run: list[list[str]] = []
    indent = ""

    def flush() -> None:
        if not run:
            return
        width = max(len(row) for row in run)
        cells = [" ".join(row[n] for row in run if n < len(row) and row[n]).strip() for n in range(width)]
        cells = [cell for cell in cells if cell]
        if cells and not all(cell.lower() in _COLUMN_NAMES for cell in cells):  # a header row names the columns
            out.extend((indent + cell, indent + cell) for cell in cells)
            out.append(("", ""))  # a row is one record: its cells are apart from the next row's
        run.clear()

    for line, printed in lines:
        text = line.lstrip()
        if text.startswith("\x00"):
            cells = text[1:].split("\x01")
            if not (run and not all(cells)):  # a wrapped cell's next line leaves the other columns empty
                flush()
                indent = line[:len(line) - len(text)]
            run.append(cells)
            continue
        flush()
        out.append((line, printed))
    flush()
    return out
