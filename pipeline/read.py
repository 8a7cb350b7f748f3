"""Read stage: turn a raw file (plain text or saved HTML) into a Page of text blocks."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin

import lxml.etree
import lxml.html

from . import settings
from .errors import SkipInput
from .records import Page

LOGGER = logging.getLogger(__name__)

_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_HTML_SNIFF = re.compile(rb"<!doctype html|<html[\s>]|<body[\s>]|<div[\s>]", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.IGNORECASE)

# Elements that never hold release text.
_DROP_TAGS = ("script", "style", "noscript", "template", "nav", "iframe", "svg", "form", "button", "select")
# Elements that start a new text block; everything else is inline and joins its neighbours.
_BLOCK_TAGS = frozenset(
    ["address", "article", "aside", "blockquote", "body", "dd", "details", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "th", "thead", "time", "tr", "ul", "br"]
)
_TITLE_TAGS = frozenset({"h1", "h2", "h3", "h4"})


def iter_raw_files(raw_dir: Path) -> Iterator[Path]:
    """Yield every input file under raw_dir in a stable order, sidecars and hidden files excluded."""
    for path in sorted(raw_dir.rglob("*")):
        if not path.is_file() or path.name.endswith(settings.SIDECAR_SUFFIX):
            continue
        if any(part.startswith((".", "_")) for part in path.relative_to(raw_dir).parts):
            continue
        yield path


def read(path: Path) -> Page:
    """Read one raw file into a Page; raise SkipInput with the reason when it is unusable."""
    source = str(path)
    suffix = path.suffix.lower()
    if suffix not in settings.TEXT_SUFFIXES and suffix not in settings.HTML_SUFFIXES:
        raise SkipInput(source, f"not a page: {suffix} files are neither plain text nor HTML")
    try:
        size = path.stat().st_size
        if size > settings.MAX_FILE_BYTES:
            raise SkipInput(source, f"file is {size:,} bytes, over the {settings.MAX_FILE_BYTES:,} limit")
        data = path.read_bytes()
    except OSError as exc:
        raise SkipInput(source, f"cannot read: {exc.strerror or exc}", retry=True) from exc
    if not data.strip():
        raise SkipInput(source, "empty file")
    if _looks_binary(data[: settings.BINARY_SNIFF_BYTES]):
        raise SkipInput(source, "binary content, not text or HTML")
    digest = hashlib.sha256(data).hexdigest()
    is_html = path.suffix.lower() in settings.HTML_SUFFIXES or bool(_HTML_SNIFF.search(data[:2048]))
    meta = _sidecar(path)
    fetched_at = _fetched_at(meta, path)
    if is_html:
        url = meta.get("final_url") or meta.get("url")
        blocks, links, canonical = _html_blocks(data, url)
        url = url or canonical
    else:
        blocks, links, url = _text_blocks(_decode(data, source)), (), None
    if not blocks:
        raise SkipInput(source, "no text in the page")
    return Page(source=source, blocks=blocks, sha256=digest, url=url, links=links, fetched_at=fetched_at)


def _fetched_at(meta: dict, path: Path) -> dt.datetime:
    try:
        stamp = dt.datetime.fromisoformat(str(meta["fetched_at"]))
        return stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.UTC)
    except (KeyError, ValueError):
        # Raw files are immutable, so their mtime is when they arrived: stable across rebuilds.
        return dt.datetime.fromtimestamp(int(path.stat().st_mtime), tz=dt.UTC)


def _looks_binary(head: bytes) -> bool:
    if b"\x00" in head:
        return True
    if not head:
        return False
    control = sum(1 for byte in head if byte < 9 or 13 < byte < 32)
    return control / len(head) > settings.MAX_CONTROL_CHAR_SHARE


def _decode(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Old newsroom dumps are often Windows-1252; replacement keeps the rest of the text usable.
        LOGGER.warning("%s: not UTF-8, decoded as cp1252", source)
        return data.decode("cp1252", errors="replace")


def clean_line(line: str) -> str:
    """Normalise one line of text: NFC, one space between words, no control characters."""
    line = _CONTROL.sub("", unicodedata.normalize("NFC", line))
    return _SPACE.sub(" ", line).strip()


def _text_blocks(text: str) -> tuple[str, ...]:
    lines = (clean_line(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return tuple(line for line in lines if line)


def _sidecar(path: Path) -> dict:
    sidecar = path.with_name(path.stem + settings.SIDECAR_SUFFIX)
    if not sidecar.exists():
        return {}
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        LOGGER.warning("%s: unreadable sidecar (%s)", sidecar, exc)
        return {}
    return meta if isinstance(meta, dict) else {}


def _html_blocks(data: bytes, base_url: str | None) -> tuple[tuple[str, ...], tuple[tuple[int, str], ...], str | None]:
    encoding = None
    match = _META_CHARSET.search(data[:4096])
    if match:
        encoding = match.group(1).decode("ascii", "ignore")
    # libxml2's HTML parser never loads DTDs or external entities; no_network makes that explicit
    # and huge_tree=False keeps its depth and size limits against hostile pages.
    parser = lxml.html.HTMLParser(
        encoding=encoding or "utf-8", remove_comments=True, remove_pis=True, no_network=True,
        huge_tree=False,
    )
    try:
        root = lxml.html.document_fromstring(data, parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return (), (), None
    canonical = None
    for link in root.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            canonical = link.get("href")
    base_url = base_url or canonical
    for element in list(root.iter(*_DROP_TAGS)):
        element.drop_tree()
    blocks: list[str] = []
    links: list[tuple[int, str]] = []
    buffer: list[str] = []
    pending_href: list[str] = []

    def flush() -> None:
        line = clean_line(" ".join(buffer))
        buffer.clear()
        if line:
            if pending_href:
                links.append((len(blocks), pending_href[0]))
            blocks.append(line)
        pending_href.clear()

    def walk(element: lxml.html.HtmlElement, in_title: bool) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        is_block = tag in _BLOCK_TAGS
        if is_block:
            flush()
        in_title = in_title or tag in _TITLE_TAGS
        if tag == "a" and in_title and element.get("href"):
            href = element.get("href")
            pending_href.append(urljoin(base_url, href) if base_url else href)
        if element.text and tag:
            buffer.append(element.text)
        for child in element:
            walk(child, in_title)
            if child.tail:
                buffer.append(child.tail)
        if is_block:
            flush()

    body = root.find("body")
    walk(body if body is not None else root, False)
    flush()
    return tuple(blocks), tuple(links), canonical
