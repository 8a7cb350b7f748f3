"""Read an HTML page as published: parse it, and take its visible lines, its main text and its metadata.

Which library does what:
- lxml parses (no network, no external entities); this module drops what a browser never shows
  (scripts, styles, hidden elements) and walks the tree for the visible text, each line with its link;
- trafilatura removes navigation, footers, cookie banners, related boxes and forms and gives the
  page's main text, and reads its metadata (JSON-LD, Open Graph, <meta>) for the declared headline
  and the site name;
- htmldate reads the publication date the markup declares (`datePublished`,
  `article:published_time`, `<time datetime>`), never a modified date, and never from the URL.
Which releases the page holds (the items a listing repeats, or one release) is the split stage's call.
"""
from __future__ import annotations

import copy
import logging
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import lxml.etree
import lxml.html

from .dates import parse_date
from .lines import clean_line
from .markup import BLOCK_TAGS, HEADINGS, drop_invisible, is_chrome_element, is_role_element
from .records import PageMeta

LOGGER = logging.getLogger(__name__)

# Elements that never hold text a reader sees.
# An <object>'s children are its fallback content, printed where the object cannot play (a CMS also wraps
# a card's header in one): they are read; its parameters are not.
_DROP_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "select", "option", "button", "input",
              "textarea", "head", "param", "embed", "canvas", "map")
_CHROME_BLOCKS = frozenset({"nav", "aside", "header", "footer"})
_ARTICLE_TYPES = re.compile(r"article|newsarticle|blogposting|report|pressrelease", re.IGNORECASE)
_MODIFIED_KEYS = r"datemodified|modified_time|updated_time|last-modified|lastmod|dcterms\.modified|revised"
_PUBLISHED_KEYS = r"datepublished|published_time|datecreated|pubdate|publishdate|dc\.date|dcterms\.created|" \
    r"dcterms\.issued|citation_publication_date|date\.issued"
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)


@dataclass(frozen=True, slots=True, kw_only=True)
class HtmlRead:
    """What the reader found on an HTML page."""

    blocks: tuple[str, ...]  # visible text lines, navigation and sidebars left out
    links: tuple[tuple[int, str], ...]  # (block index, absolute href) of lines that are links
    headlines: tuple[int, ...]  # the blocks printed as <h1>
    meta: PageMeta
    body: tuple[str, ...]  # the main text, boilerplate removed
    url: str | None
    tree: lxml.html.HtmlElement | None  # hidden elements, scripts and styles removed


def read_html(text: str, url: str | None) -> HtmlRead:
    """Read one decoded HTML page (url: where it was fetched, if known): parse it, and take its visible
    lines, its main text and what its markup declares. Which releases it holds is the split stage's call."""
    root = parse_html(text)
    if root is None:
        return HtmlRead(blocks=(), links=(), headlines=(), meta=PageMeta(), body=(), url=url, tree=None)
    canonical = _canonical(root, url or base_href(root))
    base = url or base_href(root) or canonical
    lang = (root.get("lang") or root.get("xml:lang") or "").strip() or None
    declared = _declared_metadata(root, text)
    drop_invisible(root)  # before the style sheets go: their rules say what is hidden
    for element in list(root.iter(*_DROP_TAGS)):
        if element.getparent() is not None:
            element.drop_tree()
    blocks, links, headlines = _visible(root, base)
    logo = next((h for h in root.iter("h1") if _is_site_logo(h)), None)
    if not blocks:
        # libxml2 stops building the tree 2,048 levels down; such a page is read as text, tag by tag.
        blocks, links, headlines = _tokenized_text(text), (), ()
    meta = PageMeta(title=declared.get("title"), published=declared.get("published"),
                    publisher=declared.get("sitename"), canonical_url=canonical, lang=lang,
                    article=bool(declared.get("article")),
                    site_name=(clean_line(logo.text_content()) or None) if logo is not None else None)
    return HtmlRead(blocks=blocks, links=links, headlines=headlines, meta=meta, body=_main_text(root),
                    url=url or canonical, tree=root)


def parse_html(text: str) -> lxml.html.HtmlElement | None:
    """The page's tree (lxml), or None when libxml2 finds nothing to parse."""
    # libxml2 never loads DTDs or external entities here; huge_tree lifts its depth limit, and the
    # walks below are iterative, so deeply nested markup is read, not refused.
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, huge_tree=True)
    # An XHTML page opens with `<?xml ... encoding="..."?>`: the text is decoded already, and lxml refuses a
    # decoded string that still declares its encoding.
    text = _XML_DECLARATION.sub("", text, count=1)
    try:
        return lxml.html.document_fromstring(text, parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return None


def base_href(root: lxml.html.HtmlElement) -> str | None:
    """The absolute URL a page's `<base href>` names, if any: what its relative links resolve against."""
    base = next(iter(root.iter("base")), None)
    href = base.get("href") if base is not None else None
    return href if href and "://" in href else None


def _canonical(root: lxml.html.HtmlElement, base: str | None) -> str | None:
    for link in root.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            href = link.get("href").strip()
            return urljoin(base, href) if base else href if "://" in href else None
    return None


def _declared_metadata(root: lxml.html.HtmlElement, text: str) -> dict:
    """Headline, site name, declared publication date and page type from the markup's metadata."""
    from htmldate import find_date
    from trafilatura.metadata import extract_metadata

    found: dict = {}
    try:
        meta = extract_metadata(copy.deepcopy(root), extensive=False, date_config={"extensive_search": False})
        found["title"] = clean_line(meta.title) if meta.title else None
        found["sitename"] = clean_line(meta.sitename) if meta.sitename else None
    except Exception:  # a library's failure on one odd page costs its metadata, not the page
        LOGGER.debug("metadata extraction failed", exc_info=True)
    try:
        declared = find_date(copy.deepcopy(root), extensive_search=False, original_date=True)
        # htmldate falls back to a modified date when a page declares no other: never a publication date.
        if declared and declared[:10] in _declared_dates(text, _MODIFIED_KEYS) \
                and declared[:10] not in _declared_dates(text, _PUBLISHED_KEYS):
            LOGGER.debug("declared date %s is a modified date: not the publication date", declared)
            declared = None
        found["published"] = parse_date(declared) if declared else None
    except Exception:
        LOGGER.debug("date metadata extraction failed", exc_info=True)
    og_type = next((m.get("content") for m in root.iter("meta") if m.get("property") == "og:type"), "") or ""
    found["article"] = bool(_ARTICLE_TYPES.search(og_type)) or bool(
        re.search(r'"@type"\s*:\s*"(?:News)?Article|"@type"\s*:\s*"BlogPosting', text))
    return found


def _declared_dates(text: str, keys: str) -> set[str]:
    """ISO dates the markup gives under these metadata keys (JSON-LD, <meta> property/name/itemprop)."""
    pattern = re.compile(rf"(?:{keys})[\"']?\s*(?:[:=]|content\s*=)\s*[\"']?\s*(\d{{4}}-\d{{2}}-\d{{2}})",
                         re.IGNORECASE)
    return {match.group(1) for match in pattern.finditer(text)}


def _visible(root: lxml.html.HtmlElement, base: str | None,
             ) -> tuple[tuple[str, ...], tuple[tuple[int, str], ...], tuple[int, ...]]:
    """The page's visible text lines in reading order, the links they are, and which are h1 headings."""
    body = root.find("body")
    top = body if body is not None else root
    blocks: list[str] = []
    links: list[tuple[int, str]] = []
    headlines: list[int] = []
    buffer: list[str] = []
    state: dict = {"href": None, "h1": False}

    def flush() -> None:
        line = clean_line("".join(buffer))
        buffer.clear()
        if line:
            if state["href"]:
                links.append((len(blocks), urljoin(base, state["href"]) if base else state["href"]))
            if state["h1"]:
                headlines.append(len(blocks))
            blocks.append(line)
        state["href"] = None
        state["h1"] = False

    stack: list[tuple[lxml.html.HtmlElement, bool]] = [(top, False)]
    while stack:
        node, closing = stack.pop()
        if closing:
            if node.tag == "br" and _in_heading(node):
                buffer.append(" ")  # a heading set on two lines is one headline
            elif node.tag in BLOCK_TAGS or node.tag in HEADINGS or is_role_element(node):
                flush()
            if node.tail and node is not top:
                buffer.append(node.tail)
            continue
        if not isinstance(node.tag, str):
            if node.tail:
                buffer.append(node.tail)
            continue
        if node is not top and is_chrome_element(node):
            if node.tail:
                buffer.append(node.tail)
            continue
        if (node.tag in BLOCK_TAGS and not (node.tag == "br" and _in_heading(node))) or node.tag in HEADINGS \
                or is_role_element(node):
            flush()
        if node.tag == "h1" and not _is_site_logo(node):
            state["h1"] = True
        if node.tag == "a" and node.get("href") and state["href"] is None and _is_heading_link(node):
            state["href"] = node.get("href")
        if node.text:
            buffer.append(node.text)
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))
    flush()
    return tuple(blocks), tuple(links), tuple(headlines)


def _is_site_logo(heading: lxml.html.HtmlElement) -> bool:
    """An <h1> whose text is all one link to the site's home page (`<h1><a href="/" rel="home">Site</a></h1>`): the
    site's name set as its logo, never a release's headline."""
    links = list(heading.iter("a"))
    if len(links) != 1 or clean_line(links[0].text_content()) != clean_line(heading.text_content()):
        return False
    href = (links[0].get("href") or "").strip()
    if "home" in (links[0].get("rel") or "").lower().split():
        return True
    parts = urlsplit(href)
    return bool(href) and parts.path in {"", "/", "./"} and not parts.query and not parts.fragment


def _in_heading(node: lxml.html.HtmlElement) -> bool:
    return any(a.tag in HEADINGS for a in node.iterancestors())


def _tokenized_text(text: str) -> tuple[str, ...]:
    """The text of a page too deep for libxml2, read by BeautifulSoup's tokenizer (no depth limit), a
    line per string, scripts and furniture left out."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(text, "html.parser")
    for element in soup.find_all([*_DROP_TAGS, *_CHROME_BLOCKS]):
        element.decompose()
    return tuple(line for line in (clean_line(x) for x in soup.get_text("\n").splitlines()) if line)


def _is_heading_link(node: lxml.html.HtmlElement) -> bool:
    return any(a.tag in HEADINGS for a in node.iterancestors()) or node.getparent() is not None


def _main_text(root: lxml.html.HtmlElement) -> tuple[str, ...]:
    """The page's main text without navigation, footers, related boxes and forms (trafilatura), read from the
    tree as the reader cleaned it (hidden elements gone)."""
    import trafilatura

    try:
        extracted = trafilatura.extract(copy.deepcopy(root), include_comments=False, include_tables=True,
                                        with_metadata=False, deduplicate=False, favor_precision=True)
    except Exception:  # trafilatura failing on one page leaves the visible text to go on with
        LOGGER.debug("main text extraction failed", exc_info=True)
        return ()
    if not extracted:
        return ()
    return tuple(line for line in (clean_line(x) for x in extracted.splitlines()) if line)
