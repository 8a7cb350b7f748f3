"""Read stage: turn a raw file (plain text or saved HTML) into a Page: decoded, and for HTML parsed."""
from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import itertools
import logging
import os
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from . import settings
from .dates import date_alone, date_line, date_shaped, dateline, trailing_date
from .dump import unmark
from .errors import SkipInput
from .exports import export_page
from .feeds import feed_page
from .files import RefusedFile, read_bounded
from .html import read_html
from .lines import (
    clean_line,
    ends_like_date,
    ends_mid_phrase,
    ends_with_full_stop,
    has_short_date,
    is_chrome,
    is_date_field,
    is_event_field,
    is_kind_and_date,
    is_page_heading,
    is_title,
    kind_of,
    labelled_dates,
    prints_short_years,
    title_with_date,
)
from .rawdir import walk
from .records import Page
from .sidecar import Sidecar, read_sidecar, sidecar_path

LOGGER = logging.getLogger(__name__)

__all__ = ["clean_line", "decode", "iter_raw_files", "read"]

_HTML_SNIFF = re.compile(rb"<!doctype html|<html[\s>]|<body[\s>]|<div[\s>]", re.IGNORECASE)
_HTML_SNIFF_TEXT = re.compile(_HTML_SNIFF.pattern.decode("ascii"), re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
# Longest first: a UTF-32 little-endian BOM begins with the UTF-16 one.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_SINGLE_BYTE_LATIN = frozenset({"latin_1", "iso8859_1", "cp1252", "ascii", "iso8859_15"})


def _cp1252_for_bad_utf8(error: UnicodeError) -> tuple[str, int]:
    """Decode the bytes that are not UTF-8 as Windows-1252: a page saved as UTF-8 with a few cp1252 quotes."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start:error.end]
    return bad.decode("cp1252", errors="replace"), error.end


codecs.register_error("pipeline-cp1252", _cp1252_for_bad_utf8)


def iter_raw_files(raw_dir: Path) -> Iterator[Path]:
    """Yield every input file under raw_dir in a stable order, sidecars and hidden files excluded."""
    return (entry.path for entry in walk(raw_dir) if entry.reason is None)


def read(path: Path, *, root: Path | None = None) -> Page:
    """Read one raw file into a Page; raise SkipInput with the reason when it is unusable. With `root` (a
    resolved directory), the file opened must be one under it at the moment it is opened."""
    source = str(path)
    suffix = path.suffix.lower()
    if suffix not in settings.TEXT_SUFFIXES | settings.HTML_SUFFIXES | settings.FEED_SUFFIXES \
            | settings.EXPORT_SUFFIXES:
        raise SkipInput(source, f"not a page: {suffix} files are neither plain text, HTML, a feed or sitemap nor an"
                                " export of records (JSON, CSV)")
    try:
        data, status = read_bounded(path, settings.MAX_FILE_BYTES, inside=root)
    except RefusedFile as refused:
        raise SkipInput(source, refused.reason, retry=refused.retry) from None
    except OSError as exc:
        raise SkipInput(source, f"cannot read: {exc.strerror or exc}", retry=True) from exc
    if not data.strip():
        raise SkipInput(source, "empty file")
    if _looks_binary(data[: settings.BINARY_SNIFF_BYTES]):
        raise SkipInput(source, "binary content, not text or HTML")
    digest = hashlib.sha256(data).hexdigest()
    is_html = path.suffix.lower() in settings.HTML_SUFFIXES or bool(_HTML_SNIFF.search(data[:2048]))
    meta = _sidecar(path)
    fetched_at = meta.fetched_at if meta and meta.fetched_at else _arrival(status)
    if suffix in settings.FEED_SUFFIXES:  # a scraped feed or sitemap: its entries are the records
        return feed_page(source, data, digest, meta, fetched_at)
    text, warning = decode(data, _header_charset(meta.content_type if meta else None), html=is_html)
    is_html = is_html or bool(_HTML_SNIFF_TEXT.search(text[:2048]))
    if warning:
        LOGGER.warning("%r: %s", source, warning)
    warnings = (warning,) if warning else ()
    if not is_html:
        exported = export_page(source, text, digest, fetched_at)
        if exported is not None:  # JSON or a table with a header row: each record is a release
            return replace(exported, url=meta.page_url if meta else None, warnings=warnings)
        if suffix in settings.EXPORT_SUFFIXES:
            raise SkipInput(source, f"a {suffix} file whose records name no title: no releases in it")
        blocks, gaps, indents = _text_blocks(text)
        if not blocks:
            raise SkipInput(source, "no text in the page")
        return Page(source=source, blocks=blocks, sha256=digest, fetched_at=fetched_at, warnings=warnings,
                    gaps=gaps, indents=indents)
    page = read_html(text, meta.page_url if meta else None)
    if not page.blocks:
        raise SkipInput(source, "no text in the page")
    return Page(source=source, blocks=page.blocks, sha256=digest, url=page.url, links=page.links,
                fetched_at=fetched_at, format="html", meta=page.meta, headlines=page.headlines, body=page.body,
                tree=page.tree, warnings=warnings)


def decode(data: bytes, declared: str | None = None, *, html: bool = False) -> tuple[str, str | None]:
    """Bytes to text: a byte-order mark first, then the declared charset (the server's, then the page's
    <meta>), then UTF-8, then detection. Returns the text and a warning when the bytes disagreed with
    their declaration."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), None
    if html and declared is None:
        match = _META_CHARSET.search(data[:settings.CHARSET_SNIFF_BYTES])
        declared = match.group(1).decode("ascii", "ignore") if match else None
    name = _codec_name(declared)
    if name in _SINGLE_BYTE_LATIN or name is None or name == "utf_8":
        try:
            # Valid UTF-8 with non-ASCII bytes is UTF-8 whatever the label says (a page declared
            # iso-8859-1 whose quotes are UTF-8): no Latin-1 text forms those byte sequences by chance.
            return data.decode("utf-8"), None
        except UnicodeDecodeError:
            pass
        if name in _SINGLE_BYTE_LATIN:
            return data.decode("cp1252", errors="replace"), None
        if name == "utf_8":
            return data.decode("utf-8", errors="pipeline-cp1252"), \
                "declared UTF-8 but holds other bytes: read as cp1252"
        return _detect(data)
    try:
        return data.decode(name), None
    except (UnicodeDecodeError, LookupError):
        text, _ = _detect(data)
        return text, f"declared {declared} but the bytes are not: decoding detected"


def _codec_name(declared: str | None) -> str | None:
    if not declared:
        return None
    try:
        return codecs.lookup(declared.strip().strip("\"'")).name.replace("-", "_")
    except LookupError:
        return None


def _detect(data: bytes) -> tuple[str, str | None]:
    """Text whose charset nobody declared and that is not UTF-8: Windows-1252, the usual encoding of old
    English newsroom pages, unless detection finds a multi-byte encoding (Shift JIS, GB 2312, Big5...).
    Detectors guess among single-byte codepages poorly on short text (cp1250 for cp1252), so they are
    trusted only where the bytes rule the Western codepages out."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:settings.CHARSET_DETECT_BYTES]).best()
    encoding = best.encoding if best is not None else None
    if encoding and _is_multibyte(encoding):
        try:
            return data.decode(encoding), f"not UTF-8: decoded as {encoding}"
        except (UnicodeDecodeError, LookupError):
            pass
    return data.decode("utf-8", errors="pipeline-cp1252"), "not UTF-8: decoded as cp1252"


def _is_multibyte(encoding: str) -> bool:
    """An East Asian multi-byte encoding: the only kind detection tells from Western text reliably (UTF-16
    without a byte-order mark is not seen on the web, and a detector calls short cp1252 text that)."""
    name = encoding.lower().replace("-", "_")
    return name.startswith(("shift_jis", "cp932", "euc_jp", "iso2022", "gb", "hz", "big5", "cp950", "euc_kr",
                            "cp949", "johab"))


def _header_charset(content_type: str | None) -> str | None:
    match = _HEADER_CHARSET.search(content_type) if content_type else None
    return match.group(1) if match else None


def _arrival(status: os.stat_result) -> dt.datetime:
    """When a raw file without a sidecar arrived: its mtime (raw files are immutable, so it is stable)."""
    return dt.datetime.fromtimestamp(int(status.st_mtime), tz=dt.UTC)


def _looks_binary(head: bytes) -> bool:
    if any(head.startswith(bom) for bom, _encoding in _BOMS):
        return False  # UTF-16 and UTF-32 text is full of NUL bytes
    if b"\x00" in head:
        return True
    if not head:
        return False
    control = sum(1 for byte in head if byte < 9 or 13 < byte < 32)
    return control / len(head) > settings.MAX_CONTROL_CHAR_SHARE


def _text_blocks(text: str) -> tuple[tuple[str, ...], tuple[int, ...], tuple[int, ...]]:
    """The text's blocks (its lines, hard-wrapped paragraphs joined), and for each the blank lines above it
    and the columns its first line is indented by."""
    # A dump's markup read first (pipeline/dump.py): each line as read, and as printed for its width and indent.
    read_lines = unmark(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    lines = [clean_line(line) for line, _printed in read_lines]
    raw = [printed for _line, printed in read_lines]
    # A text breaks its lines at a column of the line as printed: its runs of spaces and tabs count. A line that is one
    # whole Markdown link (a headline's) is an element of its own, measured as its words: its address sets no width.
    printed_sizes = {line: len(line) if _WHOLE_LINK.match(printed) else len(
        printed.expandtabs(settings.TAB_COLUMNS).rstrip()) for line, printed in zip(lines, raw, strict=True)}
    width = _wrap_width(lines, printed_sizes)
    spaced = width is None and _spaced(lines)
    blocks: list[str] = []
    gaps: list[int] = []
    indents: list[int] = []
    blank = 0
    previous = previous_printed = ""
    for line, printed in zip(lines, raw, strict=True):
        if not line:
            blank += 1
        elif previous and (_runs_on(previous, line, width, printed_sizes) if width is not None
                           else spaced and _wraps(previous, line)) \
                and not _opens_an_item(previous, printed) and not _dated_before(previous, line) \
                and not date_alone(previous) \
                and not _after_field_name(line, printed) and not is_event_field(line) \
                and not _ends_its_element(previous_printed, line):
            # Hard-wrapped text (an email, a wire copy): a line that ran up to the width goes on in the next one,
            # up to a blank line, when the next one's first word would not have fitted (that is why it broke),
            # and into a date or a kind label alone only after a separator or a word that asks for it.
            glue = "" if re.search(r"[^\W\d]-$", previous) and line[:1].isalpha() else " "  # `cross-` / `border`
            blocks[-1] = f"{blocks[-1]}{glue}{line}"
        else:
            blocks.append(line)
            gaps.append(blank)
            indents.append(len(printed.expandtabs(settings.TAB_COLUMNS)) - len(
                printed.expandtabs(settings.TAB_COLUMNS).lstrip()))
            blank = 0
        previous, previous_printed = line, printed
    return _join_wrapped_titles(blocks, gaps, indents)


def _headline_runs_over_dates(blocks: list[str], gaps: list[int], indents: list[int]) -> list[int]:
    """Headlines wrapped over lines beside their date line whatever their case (`… Counts a Record Number of
    Wintering` / `Bitterns for …` / `2 Apr. 2022`): a card opens with a run of headline fragments that touch, at one
    indentation or hanging (its later lines indented under its first), and its date line, alone, touches the run
    below it, or stands above it when a blank line, a teaser's sentence or the page's end closes the run. Joined
    when two or more cards do so and one column explains where every line of them but the last broke (it fits, and
    the next word would not have), or every one of them hangs. Returns the positions of the lines that go on from
    the line above."""
    found: list[tuple[int, int, bool]] = []  # each run, and whether its date line is the one under it
    for start in range(len(blocks)):
        dated_above = start > 0 and date_alone(blocks[start - 1]) is not None
        if (start and gaps[start] == 0 and not dated_above) or not _title_fragment(blocks[start]):
            continue  # a run opens a card: after a blank line, at the top, or under its date line
        end = start
        while end + 1 < len(blocks) and gaps[end + 1] == 0 and _run_indent(indents, start, end + 1) \
                and _title_fragment(blocks[end + 1]) and not is_date_field(blocks[end + 1]) \
                and not is_event_field(blocks[end + 1]) \
                and end + 1 - start < settings.WRAPPED_TITLE_MAX_LINES and _same_headline(blocks[end], blocks[end + 1]):
            end += 1
        below = end + 1
        dated_below = below < len(blocks) and gaps[below] == 0 and date_alone(blocks[below]) is not None
        closed = below == len(blocks) or gaps[below] > 0 or ends_with_full_stop(blocks[below])  # then its teaser
        if end > start and (dated_below or (dated_above and closed)):
            found.append((start, end, dated_below))
    # Under their dates, headlines of one day may stand one under another (`Dec. 31` / `Trust opens …` / `Trust
    # cuts …`): runs read down from a date count only where every dated card's headline runs over two lines or more.
    under_dates = [n + 1 for n in range(len(blocks) - 1)
                   if date_alone(blocks[n]) is not None and _title_fragment(blocks[n + 1])]
    every_card = sum(1 for start, _end, _below in found if start in under_dates) >= len(under_dates)
    runs = [(start, end) for start, end, below in found if every_card or below or _hangs(indents, start)]
    if len(runs) < settings.WRAPPED_TITLE_MIN_CARDS:
        return []
    broken = [n for start, end in runs for n in range(start, end)]
    if all(_hangs(indents, start) for start, _end in runs):
        return [n + 1 for n in broken]  # every headline hangs its later lines under its first: wrapped, at any width
    if len({len(blocks[n]) for n in broken}) < 2:
        return []  # lines of one length say nothing of a width: the same headline and subtitle on every card
    # (measured as printed: a hanging line's indentation fills its columns too)
    printed = {n: indents[n] - indents[start] + len(blocks[n]) for start, end in runs for n in range(start, end + 1)}
    width = _one_width([(" " * (printed[n] - len(blocks[n])) + blocks[n], blocks[n + 1]) for n in broken])
    if width is None or any(printed[end] > width[1] for _start, end in runs):
        return []  # no one column explains the breaks: headlines over subtitles, not wrapped headlines
    return [n + 1 for n in broken]


def _hangs(indents: list[int], start: int) -> bool:
    """A headline's second line is indented under its first."""
    return indents[start + 1] > indents[start]


def _run_indent(indents: list[int], start: int, at: int) -> bool:
    """A headline's later line stands at its first line's indentation, or hangs under it at the run's one indent."""
    return indents[at] == indents[start] or (indents[at] > indents[start] and (at == start + 1
                                                                                or indents[at] == indents[at - 1]))


def _same_headline(line: str, after: str) -> bool:
    """A headline's line may go on in the next unless it ends a question or an exclamation, or the next one leaves
    its capitals (`WILL THE CLINICS OPEN?` / `Work begins in the spring`: a headline over its subtitle)."""
    return not line.rstrip().endswith(("?", "!")) and not (line.isupper() and not after.isupper())


def _aligned(blocks: list[str], indents: list[int], n: int) -> bool:
    """A line set as the one above it: at the same indentation, or centred on the same column (a headline centred
    over three lines)."""
    return indents[n] == indents[n - 1] or _centred(blocks, indents, n)


def _centred(blocks: list[str], indents: list[int], n: int) -> bool:
    """A line indented otherwise than the one above it and centred on the column that one is centred on (lines of one
    indentation are a column's, however long)."""
    centres = (2 * indents[n] + len(blocks[n]), 2 * indents[n - 1] + len(blocks[n - 1]))
    return min(indents[n], indents[n - 1]) > 0 and indents[n] != indents[n - 1] \
        and abs(centres[0] - centres[1]) <= settings.CENTRED_SLACK_COLUMNS


def _capitals_run_on(blocks: list[str], indents: list[int], n: int) -> bool:
    """A headline set in capitals or in title case and centred goes on in the next centred line set so (there, no
    word's case says that it goes on)."""
    return _centred(blocks, indents, n) and _headline_case(blocks[n]) and _headline_case(blocks[n - 1]) \
        and len(blocks[n - 1].split()) >= settings.CAPITALS_WRAP_MIN_WORDS


def _headline_case(line: str) -> bool:
    """Capitals throughout, or most words of four letters or more capitalised (`Sets Out What Happens Next`, `Flats
    for New Tenants ahead of the School Holidays`)."""
    long_words = [w for w in line.split() if len(w) >= 4 and w[:1].isalpha()]
    capitalised = sum(1 for w in long_words if w[:1].isupper())
    return line.isupper() or (bool(long_words) and capitalised >= settings.TITLE_CASE_SHARE * len(long_words))


def _join_wrapped_headlines(blocks: list[str], gaps: list[int], indents: list[int]) -> None:
    """Headlines wrapped over two or three lines (`… lends out its hundred thousandth` / `audiobook thanks to a
    village appeal`): a headline fragment goes on in the line touching it at its indentation when it ends on a word
    that asks for more or the next one opens lower-case, and that one reads as a headline's end too (no full stop,
    no field). Joined when the page wraps two or more headlines so, or one that shows both signs; in place."""
    wraps = [n for n in range(1, len(blocks)) if gaps[n] == 0 and _aligned(blocks, indents, n)
             and (ends_mid_phrase(blocks[n - 1]) or blocks[n][:1].islower() or _capitals_run_on(blocks, indents, n))
             and _title_fragment(blocks[n - 1]) and _title_fragment(blocks[n]) and not is_date_field(blocks[n])
             and not date_shaped(blocks[n])]
    if len(wraps) < settings.WRAPPED_TITLE_MIN_CARDS:
        # one wrap alone when both words say so: a line that asks for more, a next one that goes on lower-case
        wraps = [n for n in wraps if ends_mid_phrase(blocks[n - 1]) and blocks[n][:1].islower()]
    wraps = sorted({*wraps, *_headline_runs_over_dates(blocks, gaps, indents)})
    for n in reversed(wraps):  # from the end: a headline of three lines joins its last two first
        blocks[n - 1] = f"{blocks[n - 1]} {blocks[n]}"
        del blocks[n], gaps[n], indents[n]


def _join_wrapped_titles(blocks: list[str], gaps: list[int], indents: list[int],
                         ) -> tuple[tuple[str, ...], tuple[int, ...], tuple[int, ...]]:
    """Headlines wrapped onto the line that ends with their date (`Kelvedon Tram Museum Reopens` / `the Fire
    Tower 25th July, 2018`, dot leaders to a date at the margin): joined when the page does so for most of its
    title-and-date lines, a headline fragment touching each at its indentation, so one wrapped card alone does not
    swallow a heading above it."""
    short = prints_short_years(blocks)
    # Cheap looks first: only a line that ends like a date and touches the line above it at its indentation can be
    # a wrapped headline's end; a page with none (blank lines between its lines) costs one pass.
    ending = [n for n, block in enumerate(blocks) if ends_like_date(block)]
    if not any(n and gaps[n] == 0 and indents[n] == indents[n - 1] for n in ending):
        _join_wrapped_headlines(blocks, gaps, indents)
        return tuple(blocks), tuple(gaps), tuple(indents)
    fields = labelled_dates(blocks)
    alone = {n for n in ending if title_with_date(blocks[n], short) is not None and n not in fields}
    # (a line that ends with a date of its own is a card's end, however few its words: `Old Customs House 4 May 2021`)
    touching = [n for n in ending if n and n - 1 not in alone and gaps[n] == 0 and indents[n] == indents[n - 1]
                and _title_fragment(blocks[n - 1]) and trailing_date(blocks[n - 1], bare=True) is None]
    wraps = [n for n in touching if n not in fields and not _is_field(blocks[n]) and not is_date_field(blocks[n], short)
             and not is_event_field(blocks[n]) and title_with_date(f"{blocks[n - 1]} {blocks[n]}", short) is not None]
    # A headline wrapped just before its date leaves the date alone on the next line: on a page whose headlines run
    # into their dates, it is one more of them.
    bare = [n for n in touching if n not in wraps and date_line(blocks[n]) is not None
            and title_with_date(f"{blocks[n - 1]} {blocks[n]}", short) is not None]
    run_on = len(alone) + len(wraps)
    dated = alone | set(wraps) | set(bare)
    if len(wraps) < settings.WRAPPED_TITLE_MIN_CARDS or len(wraps) < settings.WRAPPED_TITLE_SHARE * len(dated):
        wraps = []
    if run_on < settings.WRAPPED_TITLE_MIN_CARDS or run_on <= len(bare):
        bare = []
    joins = {*wraps, *bare, *_wrapped_further_up(blocks, gaps, indents, wraps, alone)}
    for n in sorted(joins, reverse=True):  # from the end, so the indexes below stay put
        blocks[n - 1] = f"{blocks[n - 1]} {blocks[n]}"
        del blocks[n], gaps[n], indents[n]
    _join_wrapped_headlines(blocks, gaps, indents)  # then a headline's first lines, wrapped further up
    return tuple(blocks), tuple(gaps), tuple(indents)


def _wrapped_further_up(blocks: list[str], gaps: list[int], indents: list[int], wraps: list[int],
                        alone: set[int]) -> list[int]:
    """Where headlines wrapped onto their date lines run over three lines or more: the page wrapped them all at one
    width (one column explains where every wrapped first line broke: it fits, and the next word would not have),
    and the line above a headline's first line broke at that width too. Returns the positions of the lines that go
    on from the line above."""
    if len(wraps) < settings.WRAPPED_TITLE_MIN_CARDS:
        return []
    width = _one_width([(blocks[n - 1], blocks[n]) for n in wraps])
    if width is None:
        return []  # no one width explains the breaks: the headlines were not wrapped at a column
    low, high = width
    found = []
    for n in wraps:
        at = n - 1  # the headline's first line so far
        while at - 1 >= 0 and n - at < settings.WRAPPED_TITLE_MAX_LINES and gaps[at] == 0 \
                and indents[at] == indents[at - 1] and at - 1 not in alone and not ends_like_date(blocks[at - 1]) \
                and _title_fragment(blocks[at - 1]) \
                and len(blocks[at - 1]) <= high and _overflow(blocks[at - 1], blocks[at]) >= low:
            found.append(at)
            at -= 1
    return found


def _one_width(breaks: list[tuple[str, str]]) -> tuple[int, int] | None:
    """The columns [low, high] a page could have wrapped at, where every (line, next line) pair broke: each line
    fits the width, and with the next line's first word it would not. None when no one width explains them all,
    or when it is wider than wrapped text is."""
    low = max(len(line) for line, _after in breaks) - settings.WRAP_WIDTH_TOLERANCE_CHARS
    high = min(_overflow(line, after) for line, after in breaks) + settings.WRAP_WIDTH_TOLERANCE_CHARS
    return None if low > high or high > settings.WRAP_MAX_WIDTH else (low, high)


def _overflow(line: str, after: str) -> int:
    """The width a line would need to take the next line's first word too, less one: a column it broke before."""
    return len(line) + len(after.split(" ", 1)[0])


def _title_fragment(block: str) -> bool:
    """A line that may open a wrapped headline: title-like, no sentence's end, no field or furniture."""
    return is_title(block) and not ends_with_full_stop(block) and not _is_field(block) and not is_chrome(block) \
        and not is_page_heading(block)  # (`Press releases and statements` over the first date heads the page)


def _spaced(lines: list[str]) -> bool:
    """True when the text sets its lines apart by blank lines: nearly every line has one above it."""
    pairs = [(before, after) for before, after in itertools.pairwise(lines) if after]
    touching = sum(1 for before, _after in pairs if before)
    return len(pairs) >= settings.SPACED_MIN_LINES and touching <= settings.SPACED_MAX_TOUCHING_SHARE * len(pairs)


def _wraps(line: str, after: str) -> bool:
    """In a text that sets its lines apart by blank lines, a long line goes on in the line right under it when
    it stops short of a sentence's end, and the next one opens lower-case, or the long one ends on a word that
    asks for more (`… for the first time since` / `the flood`), or the next one is a short remainder (`… for
    the Second` / `Year`): a lone wrapped headline or paragraph."""
    return (len(line) >= settings.WRAP_MIN_LINE_CHARS and not _FINISHED.search(line) and not _is_field(line)
            and not _is_field(after) and (after[:1].islower() or ends_mid_phrase(line)
                                          or len(after) < settings.WRAP_MIN_LINE_CHARS))


# A date or a kind label alone goes on from a line only after a separator or a word that asks for it
# (`Agency opens a clinic |` / `June 3, 2021`; `the meeting on` / `June 3, 2021.`): after a headline or a
# finished sentence it is a listing's next line.
# `Agency opens a clinic` / `(June 3, 2021)`: the date is the headline's tail. (A `•` opening a line is its bullet.)
_OPENERS = frozenset("|(–—-~")
_RUNS_INTO_DATE = re.compile(
    r"(?:[|•·,:(–—~/›»-]|\b(?:on|of|from|since|until|by|dated|published|released|updated|posted))$", re.IGNORECASE)


def _runs_on(line: str, after: str, width: int, sizes: dict[str, int]) -> bool:
    """True when a wrapped line goes on in the next: it broke near the width because the next word did not fit."""
    size = sizes.get(line, len(line))
    return (size >= width - settings.WRAP_SLACK_CHARS
            and size + 1 + len(after.split(" ", 1)[0]) > width
            and (not _is_field(after) or bool(_RUNS_INTO_DATE.search(line)) or after[:1] in _OPENERS)
            and not _teaser_dateline(after))  # (a dateline opens a paragraph: nothing runs on into it)


def _teaser_dateline(line: str) -> bool:
    """`(GENEVA, 3 May 2021) – Work starts in May.`: a dateline that opens a teaser, not a headline's bracketed date."""
    found = dateline(line)
    return found is not None and bool(found.rest)


_FINISHED = re.compile(r"[.!?…)\"”’]$")
_LINK_OPENING = re.compile(r"^\s*(?:\[\d{1,4}\](?=\S)|\[[^\]]+\]\()")  # `[14]Title`, `[Title](https://…)`


def _dated_before(previous: str, line: str) -> bool:
    """A line that ends with its own date (`Title | 24.05.21`, `Title ..... 4 May 2021`) under which a capitalised
    line starts: the date closed a card's title; wrapped running text does not end on a date."""
    return line[:1].isupper() and ends_like_date(previous) and trailing_date(previous, short_years=True) is not None


def _opens_an_item(previous: str, printed: str) -> bool:
    """After a finished sentence, a line that opens with a link (a terminal browser's numbered link, a Markdown
    link) starts a listing's next item: a wrapped paragraph does not go on into it."""
    return bool(_FINISHED.search(previous) and _LINK_OPENING.match(printed))


def _after_field_name(line: str, printed: str) -> bool:
    """`Summary: …` printed by a converter, its field name taken off as markup: a field of its own, never the
    words a wrapped line goes on with."""
    head = printed.strip()
    return head != line and head.endswith(line) and _FIELD_NAME.fullmatch(head[:len(head) - len(line)]) is not None


def _ends_its_element(printed: str, after: str) -> bool:
    """A line that is one whole Markdown link ends on its line; a Markdown heading goes on in no finished sentence
    (a wrapped heading's last words end no sentence)."""
    return _WHOLE_LINK.match(printed) is not None or (
        _MARKDOWN_HEADING.match(printed) is not None and _FINISHED.search(after) is not None)


_MARKDOWN_HEADING = re.compile(r"^\s*#{1,6}\s+\S")
_WHOLE_LINK = re.compile(r"^\s*(?:[#*>-]+\s*)?\[[^\]]+\]\([^)\s]+\)\s*$")
_FIELD_NAME = re.compile(r"[A-Za-z][\w ]{0,24}:\s*")


def _is_field(line: str) -> bool:
    """A date line, a kind label, or both on one line: a field of a card, not a paragraph's words."""
    return bool(date_line(line) or kind_of(line) or is_kind_and_date(line)) or (
        has_short_date(line) and is_date_field(line, short=True))  # `Statement · 31.12.03`


def _wrap_width(lines: list[str], sizes: dict[str, int]) -> int | None:
    """The column a hard-wrapped text breaks at, else None. Wrapped lines end just short of it: in a
    text whose paragraphs are set apart by blank lines, the lines that run on into the next one; in any
    text, a good share of all its longer lines."""
    def size(line: str) -> int:
        return sizes.get(line, len(line))

    # Distinct lines: a listing that repeats one teaser on every card is not evidence of a width.
    longer = [size(line) for line in dict.fromkeys(lines) if size(line) >= settings.WRAP_MIN_LINE_CHARS]
    if not longer or max(longer) > settings.WRAP_MAX_WIDTH:
        return None
    width = max(longer)
    # A line followed by a date or a kind label is a card's headline above its date line, wrapped or not.
    # Distinct lines again: a photo credit repeated above every card is one line's evidence, not many. A
    # finished sentence followed by a capitalised line (a caption above a headline) may break there anyway.
    # A line that opens with a card's date (`3 May 2021 - Title`) above a whole sentence is a card's headline
    # over its teaser, whatever its length (a wrapped headline's last line ends no sentence).
    pairs = [(line, after) for line, after in itertools.pairwise(lines)
             if line and after and size(line) >= settings.WRAP_MIN_LINE_CHARS and not _is_field(after)
             and not (_FINISHED.search(line) and after[:1].isupper())
             and not (after[:1].isupper() and _FINISHED.search(after) and date_line(line) is not None)
             and not _teaser_dateline(after)]
    running_on = [size(line) for line in dict.fromkeys(line for line, _after in pairs)]
    if running_on and not _spaced(lines) and not any(
            after[:1].islower() or ends_mid_phrase(line) for line, after in pairs):
        # Capitalised lines each over another say nothing of a wrap where a page's lines touch anyway (headlines
        # under one day): one line at least must go on lower-case or end on a word that asks for more. Where every
        # other block stands apart, lines that touch were wrapped.
        running_on = []
    full = sum(1 for n in running_on if n >= width - settings.WRAP_SLACK_CHARS)
    inner = "\n".join(lines).strip("\n").split("\n")  # blank lines between paragraphs, not a trailing newline
    if "" in inner and len(running_on) >= settings.WRAP_MIN_RUN_ON and full >= settings.WRAP_RUN_ON_SHARE * len(
            running_on):
        return width
    near = sum(1 for n in longer if n >= width - settings.WRAP_SLACK_CHARS)
    if len(longer) < settings.WRAP_MIN_LINES or near < settings.WRAP_MIN_SHARE * len(longer):
        return None
    # With no blank lines to tell paragraphs apart, the wrap shows in the words: prose goes on mid-sentence,
    # so many lines after a full one open lower-case. A listing of headlines of like length, each a
    # capitalised line of its own, is not wrapped.
    after_full = [after for line, after in itertools.pairwise(lines)
                  if after and size(line) >= max(settings.WRAP_MIN_LINE_CHARS, width - settings.WRAP_SLACK_CHARS)]
    lower = sum(1 for after in after_full if after[:1].islower())
    return width if lower >= settings.WRAP_LOWER_SHARE * len(after_full) else None


def _sidecar(path: Path) -> Sidecar | None:
    """The page's scrape sidecar; one that is a link is not followed (it could point outside --raw)."""
    if sidecar_path(path).is_symlink():
        LOGGER.warning("%r: its sidecar is a link, not followed", str(path))
        return None
    return read_sidecar(path)
