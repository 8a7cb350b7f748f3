"""Candidate regions of an HTML listing page: sibling runs and title clusters (pipeline/cards.py
explains both), each read into items, scored, and dated by the headings above them."""
from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterator

import lxml.html

from . import settings
from .card_dates import date_cell, is_date_text, partial_date
from .card_items import (
    Item,
    Region,
    alike_lines,
    cached_is_chrome,
    dated_lines,
    href_key,
    is_link,
    label_after_title,
    own_href,
    read_item,
    title_candidate,
    title_score,
)
from .dates import DateLine, Order
from .lines import (
    clean_line,
    is_bare_kind,
    is_sidebar_heading,
    kind_of,
    kind_suffix,
)
from .markup import BREAKS, HEADINGS, TreeLines, class_tokens, signature

_LEADING_DAY = re.compile(r"^(?P<day>0?[1-9]|[12]\d|3[01])(?:\s*[—–|.:-]\s+|\s*$)")
_TRAIL_PATH_TAGS = 4  # a title's cluster key: its tag and its three nearest ancestors' tags
# Tags that never open a listing's item: a region starting at one is no candidate.
_NEVER_ITEMS = frozenset({"br", "hr", "img", "input", "option", "source", "track", "wbr", "col", "colgroup", "meta",
                          "link", "area", "param", "picture", "video", "audio", "iframe", "script", "style"})
BREAKS_INSIDE_LINKS = tuple(BREAKS)  # a link holding any of these prints more than one line


def sibling_regions(root: lxml.html.HtmlElement, order: Order | None,
                     lines_of: TreeLines) -> Iterator[Region]:
    """Under every element, each child signature that repeats starts an item (exact and tolerant signatures)."""
    for parent in root.iter():
        if not isinstance(parent.tag, str):
            continue
        children = [c for c in parent if isinstance(c.tag, str)]
        if len(children) < 2 or lines_of.in_chrome(parent):
            continue
        exact = [signature(c) for c in children]
        tolerant = _tolerant_signatures(children)
        for signatures in (exact, tolerant) if tolerant != exact else (exact,):
            counts = Counter(signatures)
            for start in (s for s, n in counts.items() if n >= 2 and s.split(".", 1)[0] not in _NEVER_ITEMS):
                groups = _groups(children, signatures, start)
                if len(groups) >= 2:
                    yield _region(parent, [read_item(g, order, lines_of) for g in groups if g], f"siblings {start}",
                                  order, lines_of.in_aside(parent))


def _tolerant_signatures(children: list[lxml.html.HtmlElement]) -> list[str]:
    """Each child's tag and the class tokens that most siblings of its tag share."""
    by_tag: dict[str, list[lxml.html.HtmlElement]] = defaultdict(list)
    for child in children:
        by_tag[child.tag].append(child)
    shared: dict[str, set[str]] = {}
    for tag, elements in by_tag.items():
        counts = Counter(token for e in elements for token in set(class_tokens(e)))
        shared[tag] = {token for token, n in counts.items() if n * 2 > len(elements)}
    return [".".join([str(c.tag), *sorted(set(class_tokens(c)) & shared[c.tag])]) for c in children]


def _groups(children: list, signatures: list[str], start: str) -> list[list]:
    """The runs of siblings that start at each child of signature `start` (one item each)."""
    positions = [n for n, s in enumerate(signatures) if s == start]
    if not positions:
        return []
    runs = [list(range(p, q)) for p, q in zip(positions, positions[1:] + [len(children)], strict=True)]
    # The last run has no next start to stop it: it is as long as the others.
    typical = sorted(len(r) for r in runs[:-1])[len(runs[:-1]) // 2] if len(runs) > 1 else 1
    runs[-1] = runs[-1][:typical]
    # Siblings found in fewer than half of the runs (a month heading, a rule) are not the items'.
    common = Counter(s for run in runs for s in {signatures[n] for n in run})
    keep = {s for s, n in common.items() if n * 2 >= len(runs)}
    return [[children[n] for n in run if signatures[n] in keep] for run in runs]


def title_regions(root: lxml.html.HtmlElement, order: Order | None,
                   lines_of: TreeLines) -> Iterator[Region]:
    """Headline-like headings and links clustered by tag path; each item is the largest element around one
    title that holds no other title of its cluster."""
    clusters: dict[str, list[lxml.html.HtmlElement]] = defaultdict(list)
    for element in root.iter("a", *HEADINGS):
        if _is_title_element(element, lines_of):
            clusters[_trail(element)].append(element)
            if element.tag in HEADINGS:  # and by heading level alone: a featured card printed apart from the grid
                clusters[f"{element.tag} anywhere"].append(element)
    for trail, titles in clusters.items():
        if len(titles) < 2:
            continue
        holders = _holders(titles)
        if holders is None:
            continue
        parent, roots = holders
        yield _region(parent, [read_item(run, order, lines_of) for run in _runs(roots)], f"titles {trail}", order,
                      lines_of.in_aside(parent) or any(lines_of.in_aside(r) for r in roots))


def names_a_kind(heading: str | None) -> bool:
    """A section heading that names a kind of release (`Press releases`, `Published in the News.`)."""
    return heading is not None and not is_sidebar_heading(heading) and heading_kind(heading) is not None


def heading_kind(heading: str | None) -> str | None:
    """The kind a section heading names (`Events` -> event, `Published in the News.` -> media_coverage)."""
    if not heading:
        return None
    text = heading.strip(" .:!")
    return kind_of(text) or kind_suffix(text)


def _is_title_element(element: lxml.html.HtmlElement, lines_of: TreeLines) -> bool:
    """A heading, or a link outside any heading, whose text reads like a headline, outside page furniture."""
    if element.tag == "a" and (not is_link(element.get("href")) or next(element.iter(*HEADINGS), None) is not None
                               or any(a.tag in HEADINGS for a in element.iterancestors())):
        return False  # a link in (or around) a heading is clustered as that heading
    if lines_of.in_chrome(element):
        return False
    text = _first_line(element, lines_of)
    words = len(text.split())
    return 2 <= words and len(text) <= settings.TITLE_MAX_CHARS + 60 and not cached_is_chrome(text) \
        and not is_bare_kind(text)


def _first_line(element: lxml.html.HtmlElement, lines_of: TreeLines) -> str:
    """The element's first line: a headline printed above its subtitles in one link."""
    if element.tag == "a" and next(element.iter("br", *BREAKS_INSIDE_LINKS), None) is None:
        return clean_line(element.text_content())  # one line: no need to walk it
    return next((block.text for block in lines_of.of(element) if block.text), "")


def _trail(element: lxml.html.HtmlElement) -> str:
    """The element's tag and its nearest ancestors' tags: `div/a/div/h2`."""
    tags = [str(element.tag)]
    for ancestor in element.iterancestors():
        if len(tags) >= _TRAIL_PATH_TAGS:
            break
        tags.append(str(ancestor.tag))
    return "/".join(reversed(tags))


def _holders(titles: list[lxml.html.HtmlElement],
             ) -> tuple[lxml.html.HtmlElement, list[lxml.html.HtmlElement]] | None:
    """The element holding every title, and for each title the largest element around it holding no other."""
    holding: Counter[lxml.html.HtmlElement] = Counter()
    for title in titles:
        for ancestor in title.iterancestors():
            holding[ancestor] += 1
    parent = next((a for a in titles[0].iterancestors() if holding[a] == len(titles)), None)
    if parent is None or (parent.tag in {"html", "body"} and len(titles) < 3):
        return None
    roots = []
    for title in titles:
        root = title
        for ancestor in title.iterancestors():
            if holding[ancestor] > 1:
                break
            root = ancestor
        roots.append(root)
    return parent, roots


def _runs(roots: list[lxml.html.HtmlElement]) -> list[list[lxml.html.HtmlElement]]:
    """Each item's elements: its root, and where the roots are siblings with no element of their own around
    them (`<dt>` title, `<dd>` date and teaser), the siblings up to the next root."""
    # Keyed by the elements themselves: an id() of an lxml proxy let go may be reused by another.
    by_parent: dict[lxml.html.HtmlElement, list[lxml.html.HtmlElement]] = defaultdict(list)
    for root in roots:
        by_parent[root.getparent()].append(root)
    run_of: dict[lxml.html.HtmlElement, list[lxml.html.HtmlElement]] = {r: [r] for r in roots}
    every = set(roots)
    for parent, group in by_parent.items():
        if len(group) < 2 or parent is None:
            continue
        marks = set(group)
        children = [c for c in parent if isinstance(c.tag, str)]
        if len(children) == len(group):
            continue  # every sibling is an item's root: nothing to add
        signatures = ["\0title" if c in marks else signature(c) for c in children]
        lead = _lead(children, signatures)
        starts = [n - lead for n, s in enumerate(signatures) if s == "\0title"]
        for n in starts:
            signatures[n] = "\0start"
        for run in _groups(children, signatures, "\0start"):
            root = next((c for c in run if c in marks), None)
            if root is not None:
                run_of[root] = _own_part(run, root, every)
    return [run_of[r] for r in roots]


def _own_part(run: list[lxml.html.HtmlElement], root: lxml.html.HtmlElement,
              every: set[lxml.html.HtmlElement]) -> list[lxml.html.HtmlElement]:
    """An item's run up to the first sibling after its title that is a heading or holds another item's title
    (a month's heading and the month's list): those open the next section, not this item."""
    at = run.index(root)
    for n, element in enumerate(run[at + 1:], at + 1):
        if element.tag in HEADINGS or any(e in every for e in element.iter()):
            return run[:n]
    return run


def _lead(children: list[lxml.html.HtmlElement], signatures: list[str]) -> int:
    """How many short siblings (a kind label, a date) every title is printed after: they open its item, not
    close the one before. 0 when the titles open their items."""
    titles = [n for n, s in enumerate(signatures) if s == "\0title"]
    for k in (2, 1):
        if titles[0] < k or any(q - p <= k for p, q in itertools.pairwise(titles)):
            continue
        leads = {tuple(signatures[n - k:n]) for n in titles}
        if len(leads) == 1 and all(_is_short_label(children[m]) for n in titles for m in range(n - k, n)):
            return k
    return 0


def _is_short_label(element: lxml.html.HtmlElement) -> bool:
    text = clean_line(element.text_content())
    return element.tag not in HEADINGS and 0 < len(text) <= settings.DATE_BLOCK_MAX_CHARS \
        and (kind_of(text) is not None or is_date_text(text) or len(text.split()) <= settings.DATE_REST_MAX_WORDS)


def _region(parent: lxml.html.HtmlElement, items: list[Item], how: str, order: Order | None,
            aside: bool = False) -> Region:
    items = [item for item in items if item.blocks]  # a spacer cell or an empty wrapper is no item
    region = Region(parent=parent, items=items, signature=how, shared_links=_shared_links(items), aside=aside,
                     alike=alike_lines(items))
    if 2 * sum(1 for item in items if item.date is None) > len(items):  # a day's archive: its heading dates them
        heading = section_heading(parent)
        found = date_cell(heading, order) if heading else None
        if found is not None and found.published is not None:
            for item in items:
                if item.date is None:
                    item.date, item.date_from = found, "the section heading above (date line)"
    _days_under_months(region, order)
    _agree_on_titles(region)
    region.score = _score(region)
    return region


def _shared_links(items: list[Item]) -> frozenset[str]:
    """Links that several items carry: a category, a department, `all news`, a viewer; no item's own."""
    counts: Counter[str] = Counter()
    for item in items:
        hrefs = (h for b in item.blocks for h in (b.href, *(o for o, _ in b.others)))
        counts.update({href_key(h) for h in hrefs if h and is_link(h)})
    return frozenset(href for href, n in counts.items() if n >= 2)


def _agree_on_titles(region: Region) -> None:
    """Give every item its title from the slot most items chose: the page's own template."""
    items, shared, alike = region.items, region.shared_links, region.alike
    for item in items:
        item.title = title_candidate(item, shared, alike)
    paths = Counter(item.title.path for item in items if item.title is not None)
    if not paths:
        return
    path, _count = paths.most_common(1)[0]
    for item in items:
        same = [b for b in item.blocks if b.path == path and title_score(b, item, shared, alike) > 0]
        if same:
            item.title = same[0]


def _score(region: Region) -> float:
    """How much a region looks like a listing: items that each have one title, mostly a date and a link."""
    items = region.items
    titled = [item for item in items if item.title is not None]
    if len(titled) < 2:
        return 0.0
    # Distinct headlines: a short label (`Germany`, `Press`) is weak evidence of an item.
    distinct = sum(1.0 if len(text.split()) >= 3 else 0.4
                   for text in {item.title.text.lower() for item in titled if item.title is not None})
    dated = sum(1 for item in items if item.full_date)
    partly = sum(1 for item in items if item.date is not None and not item.full_date)
    linked = sum(1 for item in titled if own_href(item, region) is not None)
    score = distinct + dated + 0.5 * partly + 0.5 * linked
    # An item holding several dated lines is a group of items (a column of a grid), not one item.
    score -= 2.0 * sum(1 for item in items if dated_lines(item) > 1)
    # A label printed after an item's title belongs to the next item: items start where their label is.
    score -= 0.5 * sum(1 for item in items if label_after_title(item))
    # A listing dates its items alike: an undated item among dated ones is something else (a box's heading).
    if 2 * (dated + partly) >= len(items):
        score -= 2.0 * sum(1 for item in items if item.date is None)  # more than its headline and link earn
    if dated + partly == 0 and linked < len(titled):
        score *= 0.5
    return score


def section_heading(parent: lxml.html.HtmlElement) -> str | None:
    """The text of the heading a list sits under (`Media Advisories`, `Friday, March 29, 2013`), if any."""
    node: lxml.html.HtmlElement | None = parent
    for _ in range(settings.SECTION_HEADING_MAX_LEVELS):
        if node is None:
            return None
        for n, sibling in enumerate(s for s in node.itersiblings(preceding=True) if isinstance(s.tag, str)):
            if n == 0 and is_bold_label(sibling):
                return clean_line(sibling.text_content())  # `<p><strong>Most read</strong></p>` right above the list
            heading = sibling if sibling.tag in HEADINGS else next(
                (h for h in sibling.iter(*HEADINGS)), None) if sibling.tag in {"div", "header", "section"} else None
            if heading is not None and heading is not sibling and _holds_a_list(sibling, heading):
                continue  # a column of its own (`Most read` and its links) beside the list, not the list's heading
            if heading is not None:
                return clean_line(heading.text_content())
        node = node.getparent()
    return None


def is_bold_label(element: lxml.html.HtmlElement) -> bool:
    """A short line printed all in bold with no link (`<p><strong>Most read</strong></p>`): a heading set without a
    heading element, when it stands right above a list."""
    if element.tag not in {"p", "div", "span"} or next(element.iter("a"), None) is not None:
        return False
    text = clean_line(element.text_content())
    bold = clean_line(" ".join(b.text_content() for b in element.iter("strong", "b")))
    return bool(text) and text == bold and len(text.split()) <= settings.BOLD_LABEL_MAX_WORDS


def _holds_a_list(container: lxml.html.HtmlElement, heading: lxml.html.HtmlElement) -> bool:
    """A container that prints links or list entries of its own besides its heading: a section, not a heading's
    wrapper (`<div class="section-title"><h2>News</h2><p>Our latest releases.</p></div>`)."""
    inside = set(heading.iter())
    return any(e not in inside for e in container.iter("a", "li", "dt", "tr"))


def item_headings(region: Region) -> Iterator[tuple[Item, str | None]]:
    """Each item's section heading: the last heading above it inside the region that is no item's own
    (`Press releases`, then `Events`; `2021`, then `2020`), else the heading above the whole region."""
    roots = {id(item.root): item for item in region.items}
    # The elements themselves, not their id(): lxml makes a new proxy object for a node each time it is reached,
    # and the id of a proxy let go may be reused by another.
    inside = {e for item in region.items for root in item.elements for e in root.iter()}
    current = section_heading(region.parent)
    for element in region.parent.iter():
        if id(element) in roots:
            yield roots[id(element)], current
        elif isinstance(element.tag, str) and element.tag in HEADINGS and element not in inside:
            text = clean_line(element.text_content())
            current = text or current


def _days_under_months(region: Region, order: Order | None) -> None:
    """Items that print only their day (`14 — Title`) under a month's heading (`March 2021`) are dated by both:
    an archive by month. Asked of a region only when two of its undated items or more lead with a day."""
    if sum(1 for item in region.items if item.date is None and _leading_day(item)) < 2:
        return
    from .dates import parse_date

    for item, heading in item_headings(region):
        month = partial_date(heading) if heading and item.date is None else None
        lead = _leading_day(item) if month is not None and month.form == "month-year" else None
        if month is None or lead is None:
            continue
        text = f"{lead} {month.date_text}"
        published = parse_date(text, None, order)
        if published is not None:
            item.date = DateLine(published=published, date_text=text, form="date")
            item.date_from = "the item's day, its month and year from the heading above"


def _leading_day(item: Item) -> str | None:
    """The day an item's first line leads with (`14 — Title`, or `14` alone), else None."""
    match = _LEADING_DAY.match(item.blocks[0].text) if item.blocks else None
    return match.group("day") if match else None


def with_year(found: DateLine, year: int) -> DateLine | None:
    from .dates import parse_date

    published = parse_date(f"{found.date_text} {year}")
    return DateLine(published=published, date_text=f"{found.date_text} {year}", rest=found.rest,
                    before=found.before, form="date") if published else None
