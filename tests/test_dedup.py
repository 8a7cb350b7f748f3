import datetime as dt

from pipeline.dedup import dedup, identity_key
from pipeline.records import Release

DAY = dt.date(2019, 10, 24)
TEASER = "Turkey spent the months leading up to its military incursion into northeast Syria forcibly returning refugees…"
FULL = (
    "Turkey spent the months leading up to its military incursion into northeast Syria forcibly returning "
    "refugees to the war zone, a new report shows. Researchers interviewed dozens of people."
)


def _release(source: str, title: str | None, summary: str, published=DAY, kind="press_release") -> Release:
    return Release(sources=(source,), kind=kind, title=title, summary=summary, published=published)


def test_same_release_on_two_pages_and_twice_on_one_merges():
    result = dedup([
        _release("a.txt", "Turkey Illegally Deported Syrians", TEASER),
        _release("a.txt", "Turkey Illegally Deported Syrians", TEASER),
        _release("b.html", "Turkey Illegally Deported Syrians", FULL),
    ])
    ((rid, release),) = result.releases
    assert result.merged == 2
    assert release.sources == ("a.txt", "b.html")
    assert release.summary == FULL  # the longer text wins over the truncated card
    assert len(rid) == 16


def test_distinct_releases_never_merge():
    result = dedup([
        _release("a.txt", "Statement on Syria", TEASER),
        _release("a.txt", "Statement on Syria", "The Secretary-General welcomes the agreement reached today "
                 "between the parties on a ceasefire in the northwest, and calls on all to respect it."),
        _release("a.txt", "Statement on Syria", TEASER, published=dt.date(2019, 10, 25)),
    ])
    assert len(result.releases) == 3
    assert len({rid for rid, _ in result.releases}) == 3


def test_release_id_is_stable_and_order_free():
    a = [_release("a.txt", "One", TEASER), _release("b.txt", "Two", FULL)]
    first = dedup(a).releases
    second = dedup(list(reversed(a))).releases
    assert first == second
    assert identity_key(a[0]) == f"t|one|{DAY.isoformat()}"
