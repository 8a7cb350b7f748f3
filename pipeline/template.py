"""Template induction: find a listing page's card template from its own repetition.

A card is a date line (the anchor) with the lines it owns above and below it: a kind label, a
title, a teaser run, photo captions. Which of those sit above the date and which below differs
from newsroom to newsroom, so nothing here is a list of layouts. Instead every template (an order
of kind, title and teaser around the date) is tried on the page, each gap between two date lines
is aligned to it by dynamic programming, and the template that explains the most lines wins.
"""
from __future__ import annotations

import itertools
import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from . import settings
from .lines import Line, is_headline

LOGGER = logging.getLogger(__name__)

KIND, TITLE, TEASER, CAPTION, DATE = "kind", "title", "teaser", "caption", "date"
TEXT = "text"  # a line inside a card that no role explains: part of its text all the same
STANDFIRST = "standfirst"  # a second headline line right under the title (a subtitle, a standfirst)
# A day's date printed once over the headlines of that day (an archive by day): each headline is a card of that
# date. The role repeats like a teaser run, but every line of it is a card of its own.
HEADLINES = "headlines"
_NEVER = float("-inf")
_REPEATING = frozenset({TEASER, CAPTION, HEADLINES})
# The alignment's weights, each with its reason, are in settings.py (TEMPLATE_*).
_MISSING = {**settings.TEMPLATE_MISSING_ROLE, HEADLINES: settings.TEMPLATE_MISSING_ROLE[TITLE]}
_TITLES = frozenset({TITLE, HEADLINES})
_CLEAR_FIT = settings.TEMPLATE_CLEAR_FIT
_AMBIGUOUS = settings.TEMPLATE_AMBIGUOUS_FIT
_SAMPLE_GAPS = settings.TEMPLATE_SAMPLE_GAPS
_SHORTLIST = settings.TEMPLATE_SHORTLIST
_JUNK = settings.TEMPLATE_UNEXPLAINED
_JUNK_MINOR = settings.TEMPLATE_UNEXPLAINED_LABEL
_HEAD_MISSING_FACTOR = settings.TEMPLATE_HEAD_MISSING_FACTOR
_HEAD_WEIGHT = settings.TEMPLATE_HEAD_WEIGHT
_TAIL_WEIGHT = settings.TEMPLATE_TAIL_WEIGHT
_INVERSION_COST = {tuple(pair.split("<")): cost for pair, cost in settings.TEMPLATE_ORDER_COST.items()}


@dataclass(frozen=True, slots=True)
class Template:
    """Where a card prints its parts around its date line."""

    anchor: str  # how the card's line carries the date: date, lead, trail, dateline, yearless
    before: tuple[str, ...]  # roles printed above the date line, top to bottom
    after: tuple[str, ...]  # roles printed below it

    def describe(self) -> str:
        """`kind / title / DATE / teaser`: the template in one line."""
        anchor = "KIND" if self.anchor == KIND else f"DATE({self.anchor})"
        return " / ".join([*self.before, anchor, *self.after])


@dataclass(frozen=True, slots=True, kw_only=True)
class CardLines:
    """The lines of one card and the role each plays."""

    anchor: Line
    roles: tuple[tuple[Line, str], ...]  # (line, role) in page order, the anchor excluded


@dataclass(frozen=True, slots=True, kw_only=True)
class Layout:
    """The template a page's lines were explained with, and the cards it cut."""

    template: Template
    cards: tuple[CardLines, ...]
    score: float
    explained: int  # lines given a role (anchors included)
    considered: int  # lines that could have been given one (furniture excluded)
    carried: frozenset[str] = frozenset()  # what the date lines print beside the date: a title or a teaser


def induce(lines: Sequence[Line], gaps: Sequence[int] = (), indents: Sequence[int] = ()) -> Layout | None:
    """The best card layout of a page, or None when no template repeats on it. `gaps` and `indents` (plain
    text: the blank lines above each line and its indentation) say where the page itself groups its lines."""
    # Furniture stays in the sequence: it plays no role, and a teaser run does not reach across it.
    content = list(lines)
    spacing = _Spacing.of(content, gaps, indents)
    best: _Trial | None = None
    for anchor_class, anchors in _anchor_classes(content).items():
        carried = _carried_by(anchor_class, content, anchors)
        # A template naming a part no line between the dates can play scores nothing (see _trial): it is not tried.
        playable = _playable(content, anchors, carried)
        templates = [t for t in _templates(anchor_class) if playable.issuperset(t.before + t.after)]
        if len(anchors) > _SAMPLE_GAPS + 1:
            # Long pages: rank every template on the first gaps, then try the best few on the whole page.
            sample = anchors[:_SAMPLE_GAPS + 1]
            sample_carried = _carried_by(anchor_class, content, sample)
            quick = sorted(templates, key=lambda t: -_gap_score(t, content, sample, sample_carried))
            shortlist = set(quick[:_SHORTLIST])
            templates = [t for t in templates if t in shortlist]
        for template in templates:
            trial = _trial(template, content, anchors, carried, spacing=spacing)
            if best is None or trial.score > best.score + 1e-9:
                best = trial
    if best is None:
        return None
    layout = _layout(best, content)
    LOGGER.debug("template %s explains %d of %d lines (score %.2f)", layout.template.describe(), layout.explained,
                 layout.considered, layout.score)
    return layout


def _anchor_classes(content: list[Line]) -> dict[str, list[int]]:
    """Positions (in content) of the lines of each date form that repeats on the page; with no
    repeated date at all, the kind labels (a listing cut off after its one dated card)."""
    classes: dict[str, list[int]] = {}
    for position, line in enumerate(content):
        if line.anchor:
            classes.setdefault(line.anchor, []).append(position)
    if any(len(v) >= 2 for k, v in classes.items() if k != "yearless"):
        classes.pop("yearless", None)  # a year-less date is a card's only when no dated form repeats
    classes = {k: v for k, v in classes.items() if len(v) >= 2}
    if not classes:
        kinds = [position for position, line in enumerate(content) if line.kind and line.date is None]
        if len(kinds) >= 2:
            classes[KIND] = kinds
    return classes


def _playable(content: list[Line], anchors: list[int], carried: frozenset[str]) -> frozenset[str]:
    """The parts some line between the first and the last date could play."""
    between = content[anchors[0] + 1:anchors[-1]]
    return frozenset(role for role in (KIND, DATE, TITLE, TEASER, HEADLINES)
                     if any(_reward(line, role, carried, more) > _NEVER for line in between for more in (False, True)))


def _carried_by(anchor_class: str, content: list[Line], anchors: list[int]) -> frozenset[str]:
    """What the date lines at these positions carry themselves (see _carried)."""
    return frozenset(_carried(anchor_class, [content[a] for a in anchors]))


def _carried(anchor_class: str, lines: list[Line]) -> set[str]:
    """The roles the date lines of a class carry themselves (`DATE – Title`, `(CITY, DATE) – teaser`)."""
    if anchor_class == "trail":
        return {TITLE}
    if anchor_class in {"lead", "yearless"}:
        rests = [line.rest for line in lines]
        headlines = sum(1 for rest in rests if is_headline(rest))
        return {TITLE} if headlines * 2 > len(rests) else {TEASER}
    if anchor_class == "dateline":
        return {TEASER}
    return set()


def _templates(anchor_class: str) -> list[Template]:
    """Every order of the card's other parts around its anchor line, each part above or below it."""
    if anchor_class == KIND:  # a kind label opens its card: everything else is printed below it
        return [Template(KIND, (), roles) for size in range(4)
                for roles in itertools.permutations((DATE, TITLE, TEASER), size)]
    found = []
    for size in range(4):
        for roles in itertools.permutations((KIND, TITLE, TEASER), size):
            for cut in range(size + 1):
                found.append(Template(anchor_class, roles[:cut], roles[cut:]))
    if anchor_class == DATE:
        # Last, so that a page of one headline per date keeps `DATE / title`, which explains it as well.
        found.append(Template(anchor_class, (), (HEADLINES,)))
    return found


def _reward(line: Line, role: str, carried: frozenset[str], more: bool = False) -> float:
    """How well a line plays a role: 1 for a clear fit, less for a possible one, -inf for none. `more`:
    the line would continue a run of that role (a teaser's second paragraph)."""
    if line.chrome:
        return _NEVER
    if role == KIND:
        return 1.0 if line.kind and not line.heading else _NEVER  # a heading labels a section, not a card
    if role == DATE:
        return 1.0 if line.date is not None and line.anchor == "date" and line.published_known else _NEVER
    if line.kind or (line.date is not None and line.anchor in {"date", "trail", "yearless"}):
        return _NEVER  # labels and other date lines play no other part
    if role == TITLE:
        if TITLE in carried or line.label or not line.title or line.date is not None:
            return _NEVER
        if line.repeated:
            return 0.2  # a line printed again elsewhere (a photo credit, a tag) is seldom a card's own headline
        if line.sentence:  # headlines seldom end with a full stop
            return 0.5
        if " " not in line.text.strip():
            return 0.3  # one word (`Newsroom`) is a heading more often than a headline
        return 1.0  # a long line without a full stop is a headline still
    if role == TEASER:
        if line.label:
            return _NEVER
        if line.teaser:
            # past teaser length, a line without a full stop is a long headline or an unpunctuated teaser
            return 1.0 if line.sentence or not line.title else _AMBIGUOUS
        # A short sentence may open a teaser; a headline-like line seldom does, and rarely continues one.
        return 0.1 if more or not line.sentence else 0.4
    if role == HEADLINES:  # only a clear headline: a sentence or a label under a day's date is no card of its own
        return 1.0 if _reward(line, TITLE, carried) >= 1.0 else _NEVER
    if role == STANDFIRST:  # a subtitle reads like a headline, not like running text
        return 0.3 if line.title and not line.sentence else _NEVER
    if role == CAPTION:  # captions describe a photo in a sentence; a headline-like line is seldom one
        return _NEVER if line.label else 0.3 if line.sentence or not line.title else 0.2
    return _NEVER


# Alignments already made, by the shape of their lines (see _align): a listing prints the same card many times,
# and every template is aligned to every gap, so most gaps of a page (and of the next page) were seen before.
_ALIGNED: dict[tuple, tuple[float, tuple[tuple[int, str], ...]]] = {}


def _align(lines: list[Line], roles: tuple[str, ...], carried: frozenset[str], where: str,
           floors: dict[str, float] | None = None) -> tuple[float, list[tuple[Line, str]]]:
    """_align_lines, kept by everything about the lines that the alignment reads: what each line can be and
    which of them is the longer. Runs of more lines than a card holds are aligned afresh."""
    if len(lines) > settings.TEMPLATE_ALIGN_MEMO_LINES:
        return _align_lines(lines, roles, carried, where, floors)
    lengths = sorted({len(line.text) for line in lines})
    shapes = tuple((line.chrome, bool(line.kind), line.heading, line.date is not None, line.anchor,
                    line.published_known, line.label, line.title, line.repeated, line.sentence,
                    " " in line.text.strip(), line.teaser, line.end, line.text.isupper(),
                    lengths.index(len(line.text))) for line in lines)
    key = (shapes, roles, carried, where, tuple(sorted(floors.items())) if floors else ())
    found = _ALIGNED.get(key)
    if found is None:
        score, assigned = _align_lines(lines, roles, carried, where, floors)
        position = {id(line): n for n, line in enumerate(lines)}
        found = (score, tuple((position[id(line)], role) for line, role in assigned))
        if len(_ALIGNED) >= settings.TEMPLATE_ALIGN_MEMO_SIZE:
            _ALIGNED.clear()
        _ALIGNED[key] = found
    score, positions = found
    return score, [(lines[n], role) for n, role in positions]


def _align_lines(lines: list[Line], roles: tuple[str, ...], carried: frozenset[str], where: str,
                 floors: dict[str, float] | None = None) -> tuple[float, list[tuple[Line, str]]]:
    """Best assignment of lines to roles in this order (each optional, teasers and captions repeat),
    by dynamic programming over (line, role). A line left unexplained inside a card costs; above the
    first card (`head`) and below the last one (`tail`) it is page furniture and free. In the head a
    line must fit its role clearly, or as well as the lines that play it between the dates (`floors`):
    pages are cut at the end, so the top is the stronger evidence."""
    clear = {role: min(_CLEAR_FIT, (floors or {}).get(role, _CLEAR_FIT)) for role in roles}
    n_roles = len(roles)
    missing = [_MISSING.get(role, 0.0) * (_HEAD_MISSING_FACTOR if where == "head" else 1.0) for role in roles]
    repeating = [role in _REPEATING for role in roles]
    # state (role position, opened: the repeating role has a line, started: a line was matched) -> (score, path);
    # a path is a linked list (earlier, (line, role)) so extending it costs nothing.
    best: dict[tuple[int, bool, bool], tuple[float, tuple | None]] = {(0, False, where != "head"): (0.0, None)}
    for line in [*lines, None]:
        # closing or skipping roles happens between lines: settle those moves first, in role order
        for p in range(n_roles):
            for key in ((p, False, False), (p, False, True), (p, True, False), (p, True, True)):
                here = best.get(key)
                if here is None:
                    continue
                cost = 0.0 if key[1] or roles[p] == CAPTION else missing[p]
                target = (p + 1, False, key[2])
                value = here[0] + cost
                if target not in best or value > best[target][0]:
                    best[target] = (value, here[1])
        if line is None:
            break
        moved: dict[tuple[int, bool, bool], tuple[float, tuple | None]] = {}
        for (p, opened, started), (score, path) in best.items():
            if p < n_roles:
                reward = _reward(line, roles[p], carried, more=opened)
                if roles[p] == STANDFIRST and not _longer_than_title(line, path):
                    reward = _NEVER  # a subtitle runs longer than its title; a shorter line is the next title
                if where == "head" and reward < clear[roles[p]] and roles[p] != STANDFIRST \
                        and not _teaser_under_title(line, roles[p], path):
                    reward = _NEVER
                if reward > _NEVER:
                    state = (p, True, True) if repeating[p] else (p + 1, False, True)
                    value = score + reward
                    if state not in moved or value > moved[state][0]:
                        moved[state] = (value, (path, (line, roles[p])))
            if not opened:  # a teaser run is contiguous: it closes before a line is skipped
                free = line.chrome or (where == "head" and not started) or (where == "tail" and p == n_roles)
                state = (p, False, started)
                value = score + (0.0 if free else _JUNK if line.title or line.teaser else _JUNK_MINOR)
                if state not in moved or value > moved[state][0]:
                    moved[state] = (value, path)
        best = moved
    total, path = max((value for (p, _o, _s), value in best.items() if p == n_roles), key=lambda value: value[0])
    assigned: list[tuple[Line, str]] = []
    while path is not None:
        path, pair = path
        assigned.append(pair)
    assigned.reverse()
    return total, assigned


@dataclass(slots=True)
class _Trial:
    template: Template
    score: float
    anchors: list[int]
    parts: list[list[tuple[Line, str]]]
    carried: frozenset[str]


@dataclass(frozen=True, slots=True)
class _Spacing:
    """Where a plain-text page sets a line apart from the line above it (more blank lines between them than it
    usually prints), where it keeps two together (fewer), and where it indents a line deeper, or less deep,
    than the line above it."""

    wide: frozenset[int]
    tight: frozenset[int]
    deeper: frozenset[int]
    shallower: frozenset[int]
    indents: tuple[int, ...]

    @classmethod
    def of(cls, content: list[Line], gaps: Sequence[int], indents: Sequence[int]) -> _Spacing | None:
        text = [line.index for line in content[1:] if not line.chrome]
        if not text or len(gaps) < len(content) or len(indents) < len(content):
            return None  # an HTML page, or lines made without their spacing
        counts = Counter(gaps[i] for i in text)
        usual = min(gap for gap, count in counts.items() if count == max(counts.values()))
        deeper = frozenset(i for i in text if indents[i] > indents[i - 1])
        shallower = frozenset(i for i in text if indents[i] < indents[i - 1])
        return cls(wide=frozenset(i for i in text if gaps[i] > usual),
                   tight=frozenset(i for i in text if gaps[i] < usual), deeper=deeper, shallower=shallower,
                   indents=tuple(indents) if deeper or shallower else ())

    def unlike_roles(self, cards: list[list[tuple[int, str]]]) -> int:
        """Lines indented unlike most lines of their role (each card's date line, its title, ...): a page prints
        a role at one depth, so a heading above the first card is no title when the titles are indented."""
        if not self.indents:
            return 0
        depths: dict[str, Counter[int]] = {}
        for card in cards:
            for index, role in card:
                depths.setdefault(role, Counter())[self.indents[index]] += 1
        return sum(sum(counts.values()) - max(counts.values()) for counts in depths.values())

    def score(self, cards: list[list[int]]) -> float:
        """How well cards (each its lines' indexes) agree with the page's spacing. A card that starts where the
        page sets a line apart agrees; one that starts between two lines it keeps together, or runs across a
        wider gap, disagrees. Indentation marks a group
        one of two ways, whichever the cards fit better: its lines after the first are indented (a card
        starts where the page outdents, and never runs across an outdent), or its first line is (a card
        starts where the page indents, and never runs across an indent): the rarer way in a listing, it counts
        for less, so a date over an indented title is the title's. Evenly spaced pages say nothing."""
        starts = [min(card) for card in cards[1:]]
        inner = [i for card in cards for i in sorted(card)[1:]]
        blank = self._fit(starts, inner, self.wide, self.tight)
        hanging = self._fit(starts, inner, self.shallower, self.deeper)
        first_line = self._fit(starts, inner, self.deeper, self.shallower)
        return settings.TEMPLATE_SPACING_WEIGHT * (blank + max(hanging, settings.FIRST_LINE_INDENT_SHARE * first_line))

    @staticmethod
    def _fit(starts: list[int], inner: list[int], opens: frozenset[int], closes: frozenset[int]) -> int:
        return sum(1 for i in starts if i in opens) - sum(1 for i in starts if i in closes) - sum(
            1 for i in inner if i in opens)


def _trial(template: Template, content: list[Line], anchors: list[int], carried: frozenset[str],
           spacing: _Spacing | None = None) -> _Trial:
    """Align a template to the page: its score, and each card's lines with their roles (`carried`: what the
    anchors' lines carry themselves, _carried_by)."""
    before, after = _with_standfirst(template.before), _with_standfirst(template.after)
    score = float(len(anchors))
    parts: list[list[tuple[Line, str]]] = [[] for _ in anchors]
    repeated: set[str] = set()
    for n in range(len(anchors) - 1):
        gap = content[anchors[n] + 1:anchors[n + 1]]
        gap_score, own, following = _align_gap(gap, after, before, carried)
        score += gap_score
        repeated.update(role for _line, role in own + following)
        parts[n].extend(own)
        parts[n + 1].extend(following)
    if len(anchors) >= 2 and not set(template.before + template.after) <= repeated:
        score = _NEVER  # a part seen only above the first card or below the last one is the page's, not a card's
    if STANDFIRST not in repeated:  # the ends may only have what the cards between them have
        before, after = template.before, template.after
    # Pages (and saved excerpts of them) are cut at the end, not at the start: a cut-off last card is
    # still a card, but the lines above the first date count only when they clearly fit, and a tie
    # between the two ends goes to the head.
    head_start = max(0, anchors[0] - settings.CARD_MAX_LINES)
    # A section heading (`Press Releases`) above the first card closes the page's header: the first card
    # starts below it.
    head_start = max([head_start, *(n + 1 for n in range(head_start, anchors[0])
                                    if content[n].heading or content[n].end)])
    head_score, head = _align(content[head_start:anchors[0]], before, carried, "head", _floors(parts, carried))
    titles = [line for part in parts for line, role in part if role in _TITLES]  # the titles between dates
    score += (head_score - _unlike_titles(head, titles)) * _HEAD_WEIGHT
    parts[0][:0] = head
    below = content[anchors[-1] + 1:anchors[-1] + 1 + settings.CARD_MAX_LINES]
    below = below[:next((n for n, line in enumerate(below) if line.end), len(below))]  # an end marker ends the card
    tail_score, tail = _align(below, after, carried, "tail")
    score += (tail_score - _unlike_titles(tail, titles)) * _TAIL_WEIGHT
    if HEADLINES in after:  # under the last day's date, a line unlike the day's headlines starts the page's footer
        tail = tail[:next((n for n, (line, role) in enumerate(tail) if role == HEADLINES and _unlike(line, titles)),
                          len(tail))]
    if TITLE in template.before and TEASER not in {*template.before, *template.after, *carried}:
        # bare title and date lines: is the headline below the last a card's?
        score -= _left_out(below, tail, titles + [line for line, role in head if role in _TITLES][:1])
    if _kinds_shifted(template, head, below, tail, len(anchors)):
        score -= settings.TEMPLATE_SHIFTED_KIND_COST * len(anchors)
    parts[-1].extend(tail)
    score += _order_prior(template) * len(anchors)
    if spacing is not None:
        roles = [[(content[a].index, DATE), *((line.index, role) for line, role in part)]
                 for a, part in zip(anchors, parts, strict=True)]
        score += spacing.score([[index for index, _role in card] for card in roles])
        score -= settings.TEMPLATE_SPACING_WEIGHT * spacing.unlike_roles(roles)
    return _Trial(template=template, score=score, anchors=anchors, parts=parts, carried=carried)


def _kinds_shifted(template: Template, head: list[tuple[Line, str]], below: list[Line],
                   tail: list[tuple[Line, str]], cards: int) -> bool:
    """A template that opens each card with its kind, the first card with none above it, and a kind line left over
    below the last card: every kind read onto the card after its own."""
    if cards < 2 or template.before[:1] != (KIND,) or any(role == KIND for _line, role in head):
        return False
    taken = {id(line) for line, _role in tail}
    return any(line.kind is not None and line.date is None and id(line) not in taken for line in below)


def _floors(parts: list[list[tuple[Line, str]]], carried: frozenset[str]) -> dict[str, float]:
    """For each role two or more lines play between the dates, the least well one of them fits it: a line
    above the first card that fits the role as well is as much the card's (a teaser of one short sentence
    where the page prints others like it)."""
    rewards: dict[str, list[float]] = {}
    for part in parts:
        for line, role in part:
            rewards.setdefault(role, []).append(_reward(line, role, carried))
    return {role: min(found) for role, found in rewards.items() if len(found) >= 2}


def _unlike_titles(end: list[tuple[Line, str]], titles: list[Line]) -> float:
    """What the page's first or last lines lose when the title they give a card is unlike every title
    between the dates: far shorter than all of them, as a page's heading (`Harbour news`) or a footer is.
    On a page of bare date and title lines that decides which end's extra line is a card's and so
    whether each title takes the date above or below it."""
    return sum(settings.END_TITLE_UNLIKE_COST for line, role in end if role in _TITLES and _unlike(line, titles))


def _left_out(below: list[Line], assigned: list[tuple[Line, str]], titles: list[Line]) -> float:
    """What a reading of titles above their dates loses when the line right below the last card is a headline no
    shorter than the titles between the dates: a card left out. On a page of bare date and title lines that tells
    a heading above the cards (shorter than their titles) from a last card below them. The titles are those
    between the dates and the one the reading gives the first card: a heading taken for it is the shorter."""
    if len(titles) < settings.END_TITLE_MIN_EVIDENCE:
        return 0.0
    taken = [line.index for line, _role in assigned]
    lines = [line for line in below if not line.chrome and (not taken or line.index > max(taken))]
    beside = lines[0] if lines else None
    if beside is None or _reward(beside, TITLE, frozenset()) < 1.0:
        return 0.0
    return settings.END_TITLE_LEFT_COST if len(beside.text) >= min(len(t.text) for t in titles) else 0.0


def _unlike(line: Line, titles: list[Line]) -> bool:
    """A title far shorter than every title between the dates (with enough of them to tell)."""
    if len(titles) < settings.END_TITLE_MIN_EVIDENCE:
        return False
    shortest = min(len(title.text) for title in titles)
    middle = sorted(len(title.text) for title in titles)[len(titles) // 2]
    return len(line.text) < min(shortest, settings.END_TITLE_SHORT_SHARE * middle)


def _align_gap(gap: list[Line], after: tuple[str, ...], before: tuple[str, ...], carried: frozenset[str],
               ) -> tuple[float, list[tuple[Line, str]], list[tuple[Line, str]]]:
    """Align the lines between two dates: the score, the upper card's lines and the lower card's. Lines up
    to the last role of `after` are the upper card's, the rest (captions on) the lower one's; an end
    marker (`###`, `-ENDS-`) in the gap says where one ends and the other starts."""
    ends = [n for n, line in enumerate(gap) if line.end]
    if ends:
        upper_score, own = _align(gap[:ends[-1]], after, carried, "gap")
        lower_score, following = _align(gap[ends[-1] + 1:], (CAPTION,) + before, carried, "gap")
        return upper_score + lower_score, own, following
    gap_score, assigned = _align(gap, after + (CAPTION,) + before, carried, "gap")
    split_at = _split_point(assigned, before)
    return gap_score, assigned[:split_at], assigned[split_at:]


def _gap_score(template: Template, content: list[Line], anchors: list[int], carried: frozenset[str]) -> float:
    """A template's score on the gaps between these dates alone (`carried`: what their lines carry themselves): a
    quick ranking."""
    after, before = _with_standfirst(template.after), _with_standfirst(template.before)
    return sum(_align_gap(content[a + 1:b], after, before, carried)[0] for a, b in itertools.pairwise(anchors))


def _layout(trial: _Trial, content: list[Line]) -> Layout:
    parts = trial.parts
    _drop_page_heading(parts)
    explained = len(trial.anchors) + sum(len(part) for part in parts)
    cards = tuple(card for a, part in zip(trial.anchors, parts, strict=True)
                  for card in _cards(content, content[a], part))
    return Layout(template=trial.template, cards=cards, score=trial.score, explained=explained,
                  considered=sum(1 for line in content if not line.chrome), carried=trial.carried)


def _drop_page_heading(parts: list[list[tuple[Line, str]]]) -> None:
    """A kind label found above the first card only is the page's heading (`Brightwater in the News`), not the
    first card's kind."""
    with_kind = [n for n, part in enumerate(parts) if any(role == KIND for _line, role in part)]
    if len(parts) >= 2 and with_kind == [0]:
        parts[0][:] = [(line, role) for line, role in parts[0] if role != KIND]


def _cards(content: list[Line], anchor: Line, part: list[tuple[Line, str]]) -> list[CardLines]:
    """The card of one date line, or, under a day's date, one card per headline, each of that date."""
    headlines = [n for n, (_line, role) in enumerate(part) if role == HEADLINES]
    if not headlines:
        return [_card(content, anchor, part)]
    starts = [0, *headlines[1:]]  # the first card keeps what stands above the date (a photo's caption)
    cards = []
    for start, end in zip(starts, [*headlines[1:], len(part)], strict=True):
        own = [(line, TITLE if role == HEADLINES else role) for line, role in part[start:end]]
        cards.append(_card(content, anchor, own, first=start == 0))
    return cards


def _card(content: list[Line], anchor: Line, part: list[tuple[Line, str]], first: bool = True) -> CardLines:
    """A card's lines in page order; a line inside the card that no role explains (a byline, a
    standfirst) is its text. A day's second headline's card starts at its headline, not at the date."""
    roles = {line.index: (line, role) for line, role in part}
    span = [anchor.index, *roles] if first else list(roles)
    for line in content[min(span):max(span) + 1]:  # content holds every line: its positions are the indexes
        if line.index not in roles and line is not anchor and not line.chrome and line.date is None and not line.kind:
            roles[line.index] = (line, TEXT)
    return CardLines(anchor=anchor, roles=tuple(roles[i] for i in sorted(roles)))


def _with_standfirst(roles: tuple[str, ...]) -> tuple[str, ...]:
    """The roles with an optional standfirst right under the title (`Title`, `Last edited …`, `Standfirst`)."""
    return tuple(part for role in roles for part in ((role, STANDFIRST) if role == TITLE else (role,)))


def _teaser_under_title(line: Line, role: str, path: tuple | None) -> bool:
    """A short finished sentence right under a headline is that card's teaser, above the first date too: a
    page's blurb stands under its heading or alone, not under a line that reads as a card's headline."""
    return role == TEASER and line.sentence and path is not None and path[1][1] == TITLE


def _longer_than_title(line: Line, path: tuple | None) -> bool:
    """A standfirst is at least as long as the title just matched before it, and that title is a headline,
    not a sentence (a sentence followed by a headline is a page's blurb and the card's title); under a headline in
    capitals, any line in running case."""
    if path is None:
        return True
    previous, role = path[1]
    if role == TITLE and _capitals_over_lower(previous.text, line.text):
        return True  # a headline in capitals over a subtitle in running case: the subtitle may be the shorter
    return role != TITLE or (len(line.text) >= len(previous.text) and not previous.sentence)


def _capitals_over_lower(title: str, line: str) -> bool:
    """A headline printed in capitals (`HARBOUR TRUST OPENS …`) over a line that is not."""
    return title.isupper() and not line.isupper()


def _split_point(assigned: list[tuple[Line, str]], before: tuple[str, ...]) -> int:
    """Where, in a gap's assignment, the next card starts: at its first caption or `before` role
    (a role name is either above or below the date in one template, never both)."""
    return next((n for n, (_line, role) in enumerate(assigned) if role == CAPTION or role in before), len(assigned))


def _order_prior(template: Template) -> float:
    """A small cost per card for each pair of parts printed out of the usual order (a label, then the
    headline, then the text): it only breaks ties the page's own lines leave open."""
    anchor = KIND if template.anchor == KIND else DATE
    order = [*template.before, anchor, *template.after]
    return sum(_INVERSION_COST.get((later, earlier), 0.0)
               for n, earlier in enumerate(order) for later in order[n + 1:])
