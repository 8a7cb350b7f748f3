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
    r"social|skip|language|languages|lang|search|subnav|megamenu|utility)$")
# Class tokens that say nothing about an element's role: states and grid positions.
_NOISE_CLASS = re.compile(
    r"\d|(?:^|[-_])(?:odd|even|first|last|active|current|selected|clearfix)$|^(?:is|has|js)-")
_ROLE_CLASS = re.compile(
    r"title|headline|heading|date|time|summary|teaser|intro|excerpt|subheading|subtitle|category|kind|type|label|"
    r"byline|author|meta|description", re.IGNORECASE)
DATE_CLASS = re.compile(r"date|time|posted|published|meta", re.IGNORECASE)


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
    return any(_CHROME_CLASS.match(token) for token in tokens if token)


def inside_chrome(element: lxml.html.HtmlElement) -> bool:
    return is_chrome_element(element) or any(is_chrome_element(a) for a in element.iterancestors())


def flatten(top: lxml.html.HtmlElement, element: lxml.html.HtmlElement) -> list[Block]:
    """Lines of an element, iteratively (deeply nested markup must not exhaust the stack)."""
    out: list[Block] = []
    buffer: list[str] = []
    current: dict = {"element": element, "href": None, "heading": False, "datetime": None, "link_text": None}

    def flush() -> None:
        text = clean_line("".join(buffer))
        buffer.clear()
        if text:
            out.append(Block(text=text, element=current["element"], path=element_path(top, current["element"]),
                              heading=current["heading"], href=current["href"], datetime=current["datetime"],
                              link_text=current["link_text"]))
        current["href"] = current["datetime"] = current["link_text"] = None
        current["heading"] = False

    # (node, closing, inside a heading): the heading flag travels down the stack, not up the ancestors.
    stack: list[tuple[object, bool, bool]] = [(element, False, element.tag in HEADINGS)]
    while stack:
        node, closing, in_heading = stack.pop()
        if closing:
            if isinstance(node, lxml.html.HtmlElement) and (node.tag in BREAKS or is_role_element(node)):
                flush()
            if isinstance(node, lxml.html.HtmlElement) and node.tail:
                buffer.append(node.tail)
            continue
        if not isinstance(node, lxml.html.HtmlElement) or not isinstance(node.tag, str):
            continue
        if node.tag in BREAKS or is_role_element(node):
            flush()
            current["element"] = node
        in_heading = in_heading or node.tag in HEADINGS
        if in_heading:
            current["heading"] = True
        if node.tag == "a" and node.get("href") and current["href"] is None:
            current["href"] = node.get("href")
            current["link_text"] = clean_line(node.text_content())
            current["element"] = node if not buffer else current["element"]
        if node.get("datetime") or (node.get("content") and DATE_CLASS.search(node.get("class") or "")):
            current["datetime"] = node.get("datetime") or node.get("content")
        if node.text:
            buffer.append(node.text)
        stack.append((node, True, in_heading))
        stack.extend((child, False, in_heading) for child in reversed(node))
    flush()
    return out


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
