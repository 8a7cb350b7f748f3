"""Template induction's alignment: kept by the shape of the lines, it gives what a fresh alignment gives."""
from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import template
from pipeline.dates import DateLine
from pipeline.lines import Line, classify
from pipeline.template import CAPTION, KIND, STANDFIRST, TEASER, TITLE, induce

ROLES = (KIND, TITLE, STANDFIRST, TEASER, CAPTION)


def _lines(texts: list[str]) -> list[Line]:
    return [Line(index=n, text=text, title=True, sentence=text.endswith(".")) for n, text in enumerate(texts)]


def test_a_gap_shaped_like_one_seen_before_is_aligned_to_its_own_lines():
    template._ALIGNED.clear()
    first = _lines(["Harbour Trust opens a new clinic", "The clinic serves the east quay."])
    second = _lines(["Ferry fares frozen for another year", "The council agreed the budget late."])
    roles = (TITLE, TEASER)
    score_first, assigned_first = template._align(first, roles, frozenset(), "gap")
    kept = len(template._ALIGNED)
    score_second, assigned_second = template._align(second, roles, frozenset(), "gap")
    assert len(template._ALIGNED) == kept  # the second gap was not aligned afresh
    assert score_second == score_first
    assert [line.text for line, _role in assigned_second] == [line.text for line in second]
    assert [role for _line, role in assigned_second] == [role for _line, role in assigned_first] == [TITLE, TEASER]


_DATE = DateLine(published=dt.date(2021, 3, 4), date_text="4 March 2021")
_MOSTLY = st.sampled_from([True, True, True, False])
_FLAGS = st.tuples(st.booleans(), _MOSTLY, *[st.booleans()] * 7, st.booleans())
_TEXT = st.tuples(st.integers(1, 12), st.booleans())  # words, in capitals
_GAP_ROLES = [template._with_standfirst(t.after) + (CAPTION,) + template._with_standfirst(t.before)
              for t in template._templates("date")]


def _line(n: int, flags: tuple[bool, ...], text: tuple[int, bool]) -> Line:
    words = " ".join(["WORD" if text[1] else "word"] * text[0]) + ("." if flags[0] else "")
    return Line(index=n, text=words, sentence=flags[0], title=flags[1], teaser=flags[2], label=flags[3],
                repeated=flags[4], chrome=flags[5], end=flags[6], kind="statement" if flags[7] else None,
                heading=flags[8], date=_DATE if flags[9] else None, anchor="date" if flags[9] else None)


@settings(max_examples=1000, deadline=None)
@given(gaps=st.lists(st.tuples(_FLAGS, _TEXT, _TEXT), min_size=1, max_size=6),
       flip=st.integers(0, 9), reword=st.booleans(),
       roles=st.one_of(st.sampled_from(_GAP_ROLES), st.lists(st.sampled_from(ROLES), max_size=4, unique=True)),
       where=st.sampled_from(["head", "gap", "tail"]),
       floors=st.dictionaries(st.sampled_from(ROLES), st.sampled_from([0.1, 0.4, 1.0]), max_size=2))
def test_kept_alignments_equal_fresh_ones(gaps, flip, reword, roles, where, floors):
    """Two gaps alike but for one thing their lines can be, or for their wording (longer, shorter, in capitals): the
    second is aligned as a fresh alignment aligns it, whether or not the first was kept."""
    template._ALIGNED.clear()
    for side in (1, 2):
        lines = []
        for n, (flags, *texts) in enumerate(gaps):
            if side == 2 and not reword:
                flags = tuple(not f if i == flip else f for i, f in enumerate(flags))
            lines.append(_line(n, flags, texts[side - 1] if reword else texts[0]))
        fresh = template._align_lines(lines, tuple(roles), frozenset(), where, floors)
        kept = template._align(lines, tuple(roles), frozenset(), where, floors)
        assert kept[0] == fresh[0]
        assert [(line.index, role) for line, role in kept[1]] == [(line.index, role) for line, role in fresh[1]]


def test_which_line_is_the_longer_and_capitals_decide_a_subtitle_and_are_kept_apart():
    template._ALIGNED.clear()
    roles = (TITLE, STANDFIRST, TEASER)
    headline, subtitle = "Harbour Trust opens a clinic", "A longer subtitle printed under the headline of the card"
    under = template._align(_lines([headline, subtitle]), roles, frozenset(), "gap")
    over = template._align(_lines([subtitle, headline]), roles, frozenset(), "gap")
    assert [role for _line, role in under[1]] == [TITLE, STANDFIRST]  # a subtitle runs longer than its title
    assert [role for _line, role in over[1]] == [TITLE, TEASER]  # a shorter line under it is no subtitle
    capitals = template._align(_lines(["HARBOUR TRUST OPENS A CLINIC", "east quay"]), roles, frozenset(), "gap")
    running = template._align(_lines(["Harbour Trust opens a clinic", "east quay"]), roles, frozenset(), "gap")
    assert [role for _line, role in capitals[1]] == [TITLE, STANDFIRST]  # under capitals it may be the shorter
    assert [role for _line, role in running[1]] == [TITLE, TEASER]


def test_a_page_without_kind_labels_is_not_tried_with_templates_that_print_one():
    page = classify(["4 March 2021", "Harbour Trust opens a new clinic", "The clinic serves the east quay.",
                     "5 March 2021", "Ferry fares frozen for another year", "The council agreed the budget."])
    layout = induce(page)
    assert layout is not None and KIND not in layout.template.before + layout.template.after
    assert [card.anchor.text for card in layout.cards] == ["4 March 2021", "5 March 2021"]
