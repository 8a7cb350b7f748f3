import datetime as dt
from dataclasses import replace

from pipeline.dedup import dedup, identity_key
from pipeline.records import Release

DAY = dt.date(2019, 10, 24)
TEASER = ("The ministry spent the months leading up to its review of the island ferry routes "
          "quietly cancelling winter crossings…")
FULL = (
    "The ministry spent the months leading up to its review of the island ferry routes quietly cancelling "
    "winter crossings to the outer islands, a new report shows. Researchers interviewed dozens of people."
)


def _release(source: str, title: str | None, summary: str, published=DAY, kind="press_release") -> Release:
    return Release(sources=(source,), kind=kind, title=title, summary=summary, published=published)


def test_same_release_on_two_pages_and_twice_on_one_merges():
    result = dedup([
        _release("a.txt", "Ministry Quietly Cut Island Ferries", TEASER),
        _release("a.txt", "Ministry Quietly Cut Island Ferries", TEASER),
        _release("b.html", "Ministry Quietly Cut Island Ferries", FULL),
    ])
    ((rid, release),) = result.releases
    assert result.merged == 2
    assert release.sources == ("a.txt", "b.html")
    assert release.summary == FULL  # the longer text wins over the truncated card
    assert len(rid) == 16


def test_distinct_releases_never_merge():
    result = dedup([
        _release("a.txt", "Statement on the Ferries", TEASER),
        _release("a.txt", "Statement on the Ferries", "The Secretary-General welcomes the agreement reached today "
                 "between the parties on a ceasefire in the northwest, and calls on all to respect it."),
        _release("a.txt", "Statement on the Ferries", TEASER, published=dt.date(2019, 10, 25)),
    ])
    assert len(result.releases) == 3
    assert len({rid for rid, _ in result.releases}) == 3


def test_release_id_is_stable_and_order_free():
    a = [_release("a.txt", "One", TEASER), _release("b.txt", "Two", FULL)]
    first = dedup(a).releases
    second = dedup(list(reversed(a))).releases
    assert first == second
    assert identity_key(a[0]) == f"t|one|{DAY.isoformat()}"


def test_streaming_dedup_of_a_cache_equals_dedup_of_records():
    import pyarrow as pa

    from pipeline.dedup import dedup_stream, result_rows
    from pipeline.schema import RECORD_CACHE, to_cache_row

    stamp = dt.datetime(2021, 5, 2, tzinfo=dt.UTC)
    records = [
        _release("a.txt", "Ministry Quietly Cut Island Ferries", TEASER),
        _release("b.html", "Ministry Quietly Cut Island Ferries", FULL),
        _release("a.txt", "Statement on the Ferries", TEASER),
        _release("a.txt", "Statement on the Ferries", FULL.replace("The ministry", "The government")),
        _release("c.txt", None, "A card with no title but a long enough teaser to be identified by its words."),
    ]
    records = [r.__class__(**{**{f: getattr(r, f) for f in r.__slots__}, "seen_at": stamp}) for r in records]
    cache = pa.Table.from_pylist([to_cache_row(r, f"sha{i}", "k") for i, r in enumerate(records)], schema=RECORD_CACHE)
    with dedup_stream(lambda: cache.to_batches(max_chunksize=2), {}, "1") as stream:
        table, versions, merged = pa.concat_tables(list(stream.windows())), stream.versions, stream.merged
    expected = dedup(records)
    assert merged == expected.merged >= 1
    assert table.to_pylist() == result_rows(expected, "1").to_pylist()
    assert versions.num_rows == 0


def test_dedup_in_windows_gives_the_rows_of_dedup_at_once():
    import pyarrow as pa

    from pipeline.dedup import dedup_stream
    from pipeline.schema import RECORD_CACHE, to_cache_row

    records = [_release(f"p{i % 3}.txt", f"Release number {i // 2}", f"{TEASER} {i // 2}") for i in range(40)]
    records += [_release("undated.txt", None, f"An undated card with words enough to be told apart, number {i}.",
                         published=None) for i in range(5)]
    cache = pa.Table.from_pylist([to_cache_row(r, f"sha{i % 7}", "k") for i, r in enumerate(records)],
                                 schema=RECORD_CACHE)
    with dedup_stream(lambda: cache.to_batches(max_chunksize=6), {}, "1", window=1_000) as whole, \
            dedup_stream(lambda: cache.to_batches(max_chunksize=6), {}, "1", window=3) as parts:
        windows = list(parts.windows())
        assert len(windows) == -(-parts.releases // 3) and all(w.num_rows <= 3 for w in windows)
        assert pa.concat_tables(windows).equals(pa.concat_tables(list(whole.windows())))
        assert parts.releases == whole.releases == len(records) - parts.merged and parts.merged == 20


def test_two_items_of_one_page_with_one_link_and_title_but_two_dates_are_two_releases():
    # A clippings page lists an outlet twice: the same title, the same link (the outlet's home page), two days.
    outlet = "https://coastal-gazette.example.org/"
    first = replace(_release("clips.html", "Coastal Gazette", TEASER, published=dt.date(2003, 5, 16)), url=outlet)
    second = replace(_release("clips.html", "Coastal Gazette", FULL, published=dt.date(2002, 8, 2)), url=outlet)
    result = dedup([first, second])
    assert sorted(r.published for _, r in result.releases) == [dt.date(2002, 8, 2), dt.date(2003, 5, 16)]
    assert result.merged == 0


def test_one_item_printed_twice_on_a_page_once_undated_keeps_its_link():
    link = "https://harbour.example.org/news/ferries"
    dated = replace(_release("news.html", "Ministry Quietly Cut Island Ferries", TEASER), url=link)
    undated = replace(_release("news.html", "Ministry Quietly Cut Island Ferries", TEASER, published=None), url=link)
    ((_rid, release),) = dedup([dated, undated]).releases
    assert release.url == link and release.published == DAY
