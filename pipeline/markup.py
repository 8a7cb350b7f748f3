"""HTML markup, read the same way by the listing finder and the page reader.

What an element is (a block that starts a line, a heading, page furniture, an element whose class
names its role), its signature (the tag and role classes that make siblings the same kind of element),
and its text as lines, each with the element, link and date attribute it came from.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html

from .lines import clean_line

BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "br", "dd", "details", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
    "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "ul",
})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
BREAKS = BLOCK_TAGS | HEADINGS
# Elements never inside an item that matters: navigation and sidebars.
_CHROME_TAGS = frozenset({"nav", "aside"})
_CHROME_CLASS = re.compile(
    r"^(?:nav|navbar|navigation|menu|menus|breadcrumbs?|pagination|pager|footer|sidebar|cookies?|share|sharing|related|"
    r"social|skip|language|languages|lang|search|subnav|megamenu|utility|comments)$")
_RESULTS = frozenset({"results", "result", "hits", "listing"})
# Class tokens that say nothing about an element's role: states and grid positions.
_NOISE_CLASS = re.compile(
    r"\d|(?:^|[-_])(?:odd|even|first|last|active|current|selected|clearfix)$|^(?:is|has|js)-")
_ROLE_CLASS = re.compile(
    r"title|headline|heading|date|time|summary|teaser|intro|excerpt|subheading|subtitle|category|kind|type|label|"
    r"byline|author|meta|description", re.IGNORECASE)
# Inline elements whose text runs on with the one before it even across a digit (`2<sup>nd</sup>`, `H<sub>2</sub>O`).
_RUN_ON_TAGS = frozenset({"sup", "sub", "wbr"})
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
_LAST_WORD = re.compile(r"[^\W\d_]+$")
DATE_CLASS = re.compile(r"date|time|posted|published|meta", re.IGNORECASE)
# Microdata properties that hold the publication day (never `dateModified`).
_PUBLISHED_PROPERTIES = frozenset({"datepublished", "datecreated"})
# A microformat's machine-readable value (`<abbr class="published" title="2021-03-04T10:00:00Z">Mar 4</abbr>`,
# `<data value="2021-03-04">`): an ISO date, on an element whose class names no edit.
_ISO_VALUE = re.compile(r"^\s*(?:19|20)\d\d-[01]\d-[0-3]\d(?:$|[T\s])")
_EDIT_CLASS = re.compile(r"updated|modified|edited|revised", re.IGNORECASE)

_Link = tuple[str, str] | None  # the href and text of the link around an element


@dataclass(slots=True)
class Block:
    """One line of an item's text and where it came from."""

    text: str
    element: lxml.html.HtmlElement
    path: str  # tag.class path from the item's root: the same slot in every item
    heading: bool = False
    href: str | None = None  # the link the line is (or is inside)
    link_text: str | None = None  # the text of that link: the headline when a line adds a label or a date
    datetime: str | None = None  # a <time datetime> or `content` date attribute on the line's element
    others: tuple[tuple[str, str], ...] = ()  # the line's later links, href and text (`News: <a>Title</a>`)


def date_attribute(element: lxml.html.HtmlElement) -> str | None:
    """The machine-readable date an element carries: `<time datetime>`, a `content` date (a date class or microdata's
    `datePublished`), or an ISO date in an `<abbr title>` or `<data value>` (microformats); else None."""
    if element.get("datetime"):
        return element.get("datetime")
    content = element.get("content")
    if content and (DATE_CLASS.search(element.get("class") or "")
                    or (element.get("itemprop") or "").lower() in _PUBLISHED_PROPERTIES):
        return content
    value = element.get("title") if element.tag == "abbr" else element.get("value") if element.tag == "data" else None
    if value and _ISO_VALUE.match(value) and not _EDIT_CLASS.search(element.get("class") or ""):
        return value.strip()
    return None


def is_role_element(element: lxml.html.HtmlElement) -> bool:
    """An inline element whose class names its role (`span.news-date`, `span.title`): a line of its own."""
    classes = element.get("class")
    return bool(classes) and element.tag not in {"a", "strong", "b", "em", "i", "small", "sup", "sub"} \
        and bool(_ROLE_CLASS.search(classes))


def class_tokens(element: lxml.html.HtmlElement) -> list[str]:
    """The element's class tokens that describe a role, not a state or a position."""
    return [t for t in (element.get("class") or "").lower().split() if not _NOISE_CLASS.search(t)]


def signature(element: lxml.html.HtmlElement) -> str:
    """`div.card.news`: the tag and role classes that make siblings the same kind of element."""
    tokens = sorted(set(class_tokens(element)))
    return ".".join([str(element.tag), *tokens])


def is_chrome_element(element: lxml.html.HtmlElement) -> bool:
    """Navigation, sidebars, breadcrumbs, pagination, share bars: page furniture by markup."""
    if element.tag in _CHROME_TAGS or element.get("role") in {"navigation", "banner", "contentinfo"}:
        return True
    if element.tag in {"html", "body", "main", "form"}:
        return False  # a theme's body classes (`fl-theme-builder-footer`) say nothing about the content
    tokens = re.split(r"[\s_-]+", f"{element.get('class') or ''} {element.get('id') or ''}".lower())
    if "search" in tokens and _RESULTS.intersection(tokens):
        tokens = [t for t in tokens if t != "search"]  # a search page's results are its content, not its search box
    return any(_CHROME_CLASS.match(token) for token in tokens if token)


def inside_chrome(element: lxml.html.HtmlElement) -> bool:
    return is_chrome_element(element) or any(is_chrome_element(a) for a in element.iterancestors())


def flatten(top: lxml.html.HtmlElement, element: lxml.html.HtmlElement,
            spans: dict[lxml.html.HtmlElement, list[int]] | None = None) -> list[Block]:
    """Lines of an element, iteratively (deeply nested markup must not exhaust the stack). With `spans`, record
    for each element the run of lines [start, end) its own text made."""
    out: list[Block] = []
    buffer: list[str] = []
    start_path = element_path(top, element)
    current: dict = {"element": element, "path": start_path, "href": None, "heading": False, "datetime": None,
                     "link_text": None, "others": []}

    def flush() -> None:
        text = clean_line("".join(buffer))
        buffer.clear()
        if text:
            out.append(Block(text=text, element=current["element"], path=current["path"], heading=current["heading"],
                             href=current["href"], datetime=current["datetime"], link_text=current["link_text"],
                             others=tuple(current["others"])))
        current["href"] = current["datetime"] = current["link_text"] = None
        current["others"] = []
        current["heading"] = False

    # (node, closing, inside a heading, the link around it, its slot path): heading, link and path travel down the
    # stack, not up the ancestors; a card printed as one link (`<a><h2>Title</h2><p>Teaser</p></a>`) gives every
    # line its href.
    stack: list[tuple[object, bool, bool, _Link, str]] = [(element, False, element.tag in HEADINGS, None, start_path)]
    while stack:
        node, closing, in_heading, around, path = stack.pop()
        if closing:
            if node.tag == "br" and in_heading:  # type: ignore[attr-defined]
                buffer.append(" ")  # a heading set on two lines is one headline
            elif node.tag in BREAKS or is_role_element(node):  # type: ignore[attr-defined]
                flush()
                if node is not element:  # what follows it is its parent's text, not its own
                    current["element"] = node.getparent()  # type: ignore[attr-defined]
                    current["path"] = path.rsplit("/", 1)[0] if "/" in path else start_path
            if spans is not None:
                spans[node][1] = len(out)
            if node.tail:  # type: ignore[attr-defined]
                if current["href"] is None and around is not None and not buffer:
                    current["href"], current["link_text"] = around
                buffer.append(node.tail)  # type: ignore[attr-defined]
            continue
        if not isinstance(node, lxml.html.HtmlElement) or not isinstance(node.tag, str):
            continue
        if (node.tag in BREAKS and not (node.tag == "br" and in_heading)) or is_role_element(node):
            flush()
            current["element"], current["path"] = node, path
        if spans is not None:
            spans[node] = [len(out), len(out)]
        in_heading = in_heading or node.tag in HEADINGS
        if in_heading:
            current["heading"] = True
        inner = around
        if node.tag == "a" and node.get("href"):
            inner = (node.get("href"), clean_line(node.text_content()))
            if current["href"] is None:
                current["href"], current["link_text"] = inner
                if not buffer:
                    current["element"], current["path"] = node, path
            else:
                current["others"].append(inner)
        elif current["href"] is None and around is not None:
            current["href"], current["link_text"] = around
        if (stamp := date_attribute(node)) is not None:
            current["datetime"] = stamp
        if node.text:
            if buffer and _glued(buffer[-1], node):
                buffer.append(" ")
            buffer.append(node.text)
        stack.append((node, True, in_heading, around, path))
        prefix = f"{path}/" if path else ""
        stack.extend((child, False, in_heading, inner, prefix + signature(child) if isinstance(child.tag, str) else "")
                     for child in reversed(node))
    flush()
    return out


def _glued(before: str, node: lxml.html.HtmlElement) -> bool:
    """Two sibling elements of different classes printed with nothing between them, whose texts would run into
    one token across a digit (`<span class=m>Mar</span><span class=d>9</span><span class=y>2015</span>`): a style
    sheet sets such pieces apart, so a space does. So do two fields whatever the classes (`<span>4 March
    2021</span><span>Press release</span>` in a flex box). Pieces of one number or word (`<span>1</span><span>2
    </span>`, `<b>T</b>he`), an ordinal's suffix and superscripts (`2<sup>nd</sup>`) run on as printed."""
    if not before or node.tag in _RUN_ON_TAGS:
        return False
    previous = node.getprevious()
    if previous is None or not isinstance(previous.tag, str) or previous.tail:
        return False  # text between the two elements: printed as it is
    last, text = before[-1], node.text or " "
    if not node.get("class") or previous.get("class") in {None, node.get("class")}:
        return _fields_meet(before, text)
    return last.isalnum() and text[0].isalnum() and (last.isdigit() or text[0].isdigit())


def _fields_meet(before: str, text: str) -> bool:
    """Two texts that meet as a number and a word (`2021` `Press release`, `Statement` `4 March`) or as a word and
    a capitalised word (`GMT` `Statement`): two fields, not one token. An ordinal's suffix (`3` `rd`), a word's
    letters (`T` `he`) and a number's digits run on."""
    if before[-1].isdigit():
        return text[:2].isalpha() and _ORDINAL_SUFFIX.match(text) is None
    word = _LAST_WORD.search(before[-40:])  # the last word only: a long run of text is not scanned whole
    if word is None or len(word.group(0)) < 2:
        return False
    return text[:1].isdigit() or (text[:1].isupper() and text[1:2].islower())


def element_path(top: lxml.html.HtmlElement, element: lxml.html.HtmlElement) -> str:
    steps = []
    node = element
    while node is not None and node is not top:
        steps.append(signature(node))
        node = node.getparent()
    return "/".join(reversed(steps))


def in_figure(element: lxml.html.HtmlElement, root: lxml.html.HtmlElement) -> bool:
    """A photo and its caption: printed with the item, not part of its text."""
    node: lxml.html.HtmlElement | None = element
    while node is not None:
        if node.tag in {"figure", "figcaption"}:
            return True
        if node is root:
            return False
        node = node.getparent()
    return False


# Markup that hides an element from every reader: the `hidden` attribute, an inline style, a class that
# the common CSS frameworks define as hidden, or a rule of the page's own <style> on one id or class.
_HIDDEN_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b", re.IGNORECASE)
_HIDDEN_CLASSES = frozenset({"hidden", "hide", "d-none", "is-hidden", "invisible", "visually-hidden", "sr-only",
                             "screen-reader-text", "element-invisible", "u-hidden"})
_CSS_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_SIMPLE_SELECTOR = re.compile(r"^\s*([#.])([\w-]+)\s*$")


def drop_invisible(root: lxml.html.HtmlElement) -> int:
    """Remove the elements a browser never shows, unless they hold links (tabs and accordions a script opens,
    whose items may be the page's own: a copy of a visible item merges with it). Returns how many went."""
    hidden_ids, hidden_classes = _hidden_by_style_sheet(root)
    doomed = []
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag in {"html", "body"}:
            continue
        tokens = set((element.get("class") or "").lower().split())
        if element.get("hidden") is not None or _HIDDEN_STYLE.search(element.get("style") or "") \
                or tokens & _HIDDEN_CLASSES or tokens & hidden_classes or (element.get("id") or "") in hidden_ids:
            doomed.append(element)
    dropped = 0
    doomed_ids = {id(e) for e in doomed}
    for element in doomed:
        if element.getparent() is None or any(a.get("href") for a in element.iter("a")):
            continue
        if any(id(ancestor) in doomed_ids for ancestor in element.iterancestors()):
            continue  # its hidden ancestor goes, or keeps it for its links
        element.drop_tree()
        dropped += 1
    return dropped


def _hidden_by_style_sheet(root: lxml.html.HtmlElement) -> tuple[set[str], set[str]]:
    """Ids and classes the page's own style sheets hide, from top-level rules on one id or class only
    (a rule inside `@media` hides on some screens, not on every one)."""
    ids: set[str] = set()
    classes: set[str] = set()
    for style in root.iter("style"):
        sheet = _without_at_blocks(style.text or "")
        for selectors, body in _CSS_RULE.findall(sheet):
            if not _HIDDEN_STYLE.search(body.strip()):
                continue
            for selector in selectors.split(","):
                match = _SIMPLE_SELECTOR.match(selector)
                if match:
                    (ids if match.group(1) == "#" else classes).add(match.group(2).lower() if match.group(1) == "."
                                                                    else match.group(2))
    return ids, classes


def _without_at_blocks(sheet: str) -> str:
    """A style sheet without its `@media`/`@supports` blocks (nested braces), comments removed."""
    sheet = re.sub(r"/\*.*?\*/", "", sheet, flags=re.DOTALL)
    out: list[str] = []
    depth = 0
    at_block = False
    n = 0
    while n < len(sheet):
        char = sheet[n]
        if char == "@" and depth == 0:
            brace = sheet.find("{", n)
            semicolon = sheet.find(";", n)
            if semicolon != -1 and (brace == -1 or semicolon < brace):
                n = semicolon + 1  # `@import ...;`
                continue
            at_block, depth, n = True, 1, brace + 1 if brace != -1 else len(sheet)
            continue
        if at_block:
            depth += (char == "{") - (char == "}")
            at_block = depth > 0
        else:
            out.append(char)
        n += 1
    return "".join(out)


class TreeLines:
    """Every line of a tree, flattened once, and the lines of any of its block elements: the run of lines its
    text made. A listing's candidate items share these instead of each flattening its own."""

    def __init__(self, top: lxml.html.HtmlElement) -> None:
        self.top = top
        self._span: dict[lxml.html.HtmlElement, list[int]] = {}  # element -> the run of lines its text made
        self.blocks = flatten(top, top, self._span)
        self._cache: dict[lxml.html.HtmlElement, list[Block]] = {}
        self._chrome, self._aside = _inside_chrome_set(top)

    def in_chrome(self, element: lxml.html.HtmlElement) -> bool:
        """Page furniture, or inside it (`inside_chrome`, answered from one pass down the tree), an <aside> apart."""
        return element in self._chrome

    def in_aside(self, element: lxml.html.HtmlElement) -> bool:
        """Inside an <aside> and no other furniture: a complementary column, whose lists may be the page's own
        (`In the news`) or another page's (`Most read`): its headings tell."""
        return element in self._aside

    def of(self, element: lxml.html.HtmlElement) -> list[Block]:
        """The element's lines, each with its slot path from the element (as `flatten(element, element)` gives)."""
        found = self._cache.get(element)
        if found is not None:
            return found
        if element.tag not in BREAKS or element not in self._span or (element.tail or "").strip():
            # An inline element's text runs on with its neighbours'; an element's own lines include its tail.
            found = flatten(element, element)
        else:
            start, end = self._span[element]
            root = element_path(self.top, element)
            cut = len(root) + 1 if root else 0
            found = [Block(text=b.text, element=b.element, path=b.path[cut:] if b.path != root else "",
                           heading=b.heading, href=b.href, link_text=b.link_text, datetime=b.datetime,
                           others=b.others)
                     for b in self.blocks[start:end]]
        self._cache[element] = found
        return found


def _inside_chrome_set(top: lxml.html.HtmlElement) -> tuple[set[lxml.html.HtmlElement], set[lxml.html.HtmlElement]]:
    """Every element that is page furniture or inside it, and apart from those the elements inside an <aside>
    only, from one pass down the tree (and up from its top)."""
    inside: set[lxml.html.HtmlElement] = set()
    aside: set[lxml.html.HtmlElement] = set()
    stack = [(top, inside_chrome(top), False)]
    while stack:
        node, chrome, in_aside = stack.pop()
        if node.tag == "aside" and not chrome and not _chrome_by_name(node):
            in_aside = True
        else:
            chrome = chrome or is_chrome_element(node)
        if chrome:
            inside.add(node)
        elif in_aside:
            aside.add(node)
        stack.extend((child, chrome, in_aside) for child in node if isinstance(child.tag, str))
    return inside, aside


def _chrome_by_name(element: lxml.html.HtmlElement) -> bool:
    """Furniture by its class or id words or its ARIA role, whatever its tag."""
    if element.get("role") in {"navigation", "banner", "contentinfo"}:
        return True
    tokens = re.split(r"[\s_-]+", f"{element.get('class') or ''} {element.get('id') or ''}".lower())
    if "search" in tokens and _RESULTS.intersection(tokens):
        tokens = [t for t in tokens if t != "search"]  # a search page's results are its content, not its search box
    return any(_CHROME_CLASS.match(token) for token in tokens if token)
