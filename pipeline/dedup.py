"""Dedup stage: one row per release, however many pages, scrapes or cards it was seen on.

This module alone decides what one release is (its identity), how sightings merge (the text kept, the
versions it replaced), which raw files are its sources, and when it was first and last seen: on a list
of records (`dedup`), and on a whole record cache a window of rows at a time (`dedup_stream`).
"""
from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import logging
import re
import tempfile
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from . import settings
from .records import DOCUMENT_KINDS, LINK_KIND, Release
from .schema import RECORD_CACHE, RELEASE_VERSIONS, RELEASES, from_cache_row, release_rows, to_cache_row, to_table
from .urls import canonical_url

LOGGER = logging.getLogger(__name__)

_WORD = re.compile(r"[a-z0-9]+")
# Site prefixes some aggregators glue to titles ("Press Releases: ...").
_TITLE_PREFIX = re.compile(r"^(?:press releases?|news releases?|statement|press statement)\s*:\s*", re.IGNORECASE)
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)  # the seen_at of a record that has none, when sorting
_DATE0 = dt.date(1, 1, 1)
_BATCH_ROWS = 5_000  # rows per Arrow batch when the merged rows are read back


@dataclass(frozen=True, slots=True, kw_only=True)
class ReleaseVersion:
    """An earlier text of a release (its title or summary was edited later), and when it was seen."""

    release_id: str
    title: str | None
    summary: str
    seen_at: dt.datetime | None
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class DedupResult:
    """Deduplicated releases keyed by release_id, earlier versions, and how many inputs merged."""

    releases: tuple[tuple[str, Release], ...]
    versions: tuple[ReleaseVersion, ...]
    merged: int


def _normal(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "").lower().replace("’", "'")
    return " ".join(_WORD.findall(text))


def identity_key(release: Release) -> str:
    """The canonical identity of a release: its URL, else title and date, else date and opening words."""
    if release.url:
        return f"u|{canonical_url(release.url)}"
    return text_key(release)


def text_key(release: Release) -> str:
    """Identity from the text alone: title and date, else date and opening words."""
    return _text_key(release.title, release.published, release.summary, release.kind)


def _text_key(title: str | None, published: dt.date | None, summary: str, kind: str) -> str:
    normal_title = _normal(_TITLE_PREFIX.sub("", title or ""))
    date = published.isoformat() if published else ""
    if normal_title and date:
        return f"t|{normal_title}|{date}"
    words = " ".join(_normal(summary).split()[: settings.MERGE_PREFIX_WORDS])
    return f"w|{normal_title}|{date}|{words}|{kind if not date else ''}"


def release_id(key: str) -> str:
    """A stable 16-hex-digit id from an identity key."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _opening(release: Release, n: int) -> list[str]:
    return _normal(release.summary.rstrip("…. ")).split()[:n]


def compatible(a: Release, b: Release) -> bool:
    """True when two releases with one identity key have texts that can be the same release."""
    short, long = sorted((a, b), key=lambda r: len(r.summary))
    want = set(_opening(short, settings.COMPATIBLE_OPENING_WORDS))
    if len(want) < settings.COMPATIBLE_MIN_WORDS:
        return True  # too little text to tell them apart: the key decides
    have = set(_opening(long, settings.COMPATIBLE_SEARCH_WORDS))
    return len(want & have) / len(want) >= settings.COMPATIBLE_SHARE


def _truncation_of(short: Release, long: Release) -> bool:
    a = _normal(short.summary.rstrip("…. "))
    b = _normal(long.summary)
    return (not a or b.startswith(a) or compatible(short, long)) and _normal(short.title) in {"", _normal(long.title)}


def _merge(group: list[Release]) -> tuple[Release, list[Release]]:
    """One release from every sighting of it, and the earlier texts it replaced."""
    by_time = sorted(group, key=lambda r: (r.seen_at or EPOCH, len(r.summary)))
    # The newest text wins, unless it is a cut-off card of a longer text seen on another page.
    newest = by_time[-1]
    full = [r for r in group if _truncation_of(newest, r)]
    best = max(full, key=lambda r: (len(r.summary), r.title is not None, r.seen_at or EPOCH))
    earlier: list[Release] = []
    for member in by_time:
        if not _truncation_of(member, best) and not any(
            _normal(member.summary) == _normal(e.summary) and member.title == e.title for e in earlier
        ):
            earlier.append(member)
    sources = tuple(sorted({s for r in group for s in r.sources}))
    captions = tuple(dict.fromkeys(c for r in group for c in r.captions))
    kinds = [r.kind for r in group if r.kind not in DOCUMENT_KINDS]
    seen = [r.seen_at for r in group if r.seen_at]
    merged = replace(
        best,
        sources=sources,
        captions=captions,
        title=best.title or next((r.title for r in group if r.title), None),
        kind=best.kind if best.kind not in DOCUMENT_KINDS or not kinds else kinds[0],
        url=best.url or next((r.url for r in group if r.url), None),
        published=best.published or next((r.published for r in group if r.published), None),
        organization=best.organization or next((r.organization for r in group if r.organization), None),
        first_seen=min(seen, default=None),
        last_seen=max(seen, default=None),
    )
    return merged, earlier


def shared_link(page: str, url: str) -> bytes:
    """The key of a URL on one page (a snapshot's sha256, or a record's sources), as shared-link sets hold it."""
    return hashlib.blake2b(f"{page}|{canonical_url(url)}".encode(), digest_size=8).digest()


def shared_links(records: Iterable[tuple[str, str | None, str | None, dt.date | None]]) -> set[bytes]:
    """The URLs that several records of one page share under different titles, or under one title with two
    different dates, from (page, url, title, published): a category, "all news", the page's own link or an
    outlet's home page, which is no one release's identity. (The same item printed twice, once undated, keeps
    its link.)"""
    title_of: dict[bytes, bytes] = {}
    date_of: dict[bytes, dt.date] = {}
    shared: set[bytes] = set()
    for page, url, title, published in records:
        if url:
            key = shared_link(page, url)
            normal = hashlib.blake2b(_normal(title).encode(), digest_size=8).digest()
            if title_of.setdefault(key, normal) != normal:
                shared.add(key)
            if published is not None and date_of.setdefault(key, published) != published:
                shared.add(key)
    return shared


def _page(release: Release) -> str:
    return "|".join(release.sources)


def dedup(releases: list[Release], *, shared: set[bytes] | None = None) -> DedupResult:
    """Merge releases that are one release; keep distinct ones apart, each with a stable id. `shared` holds
    the links that are no identity on their page (shared_links); found in `releases` when not given."""
    if shared is None:
        shared = shared_links((_page(r), r.url, r.title, r.published) for r in releases)
    # Records with one URL are one release whatever their text, unless other records of their page share the
    # URL under other titles; the text key then joins records seen without a URL (plain-text pages, shared
    # links) to them when title, date and opening words agree.
    by_url: dict[str, list[Release]] = defaultdict(list)
    by_text: dict[str, list[list[Release]]] = defaultdict(list)
    for release in sorted(releases, key=lambda r: (r.url is None, r.sources, r.title or "", r.summary)):
        if release.url and shared_link(_page(release), release.url) not in shared:
            by_url[canonical_url(release.url)].append(release)
            continue
        variants = by_text[text_key(release)]
        for variant in variants:
            if all(compatible(release, other) for other in variant[:3]):
                variant.append(release)
                break
        else:
            variants.append([release])
    groups: list[tuple[str, list[Release]]] = []
    for url, members in by_url.items():
        keys = {text_key(m) for m in members}
        for key in keys:
            for variant in by_text.pop(key, []):
                if any(compatible(v, m) for v in variant[:3] for m in members):
                    members.extend(variant)
                else:
                    by_text.setdefault(key, []).append(variant)
        groups.append((f"u|{url}", members))
    for key, variants in by_text.items():
        for variant in variants:
            # Distinct texts under one key keep apart; their opening words keep their ids apart too.
            suffix = "" if len(variants) == 1 else "|" + " ".join(_opening(variant[0], settings.MERGE_PREFIX_WORDS))
            groups.append((key + suffix, variant))
    out: list[tuple[str, Release]] = []
    versions: list[ReleaseVersion] = []
    for key, members in groups:
        if all(m.kind == LINK_KIND for m in members):
            continue  # a sitemap's bare links to a page seen nowhere else: a source of nothing, no row
        rid = release_id(key)
        merged, earlier = _merge(members)
        if len(members) > 1:
            LOGGER.debug("%d records are one release %s (key %r); %d earlier texts kept", len(members), rid,
                         key[:80], len(earlier))
        out.append((rid, merged))
        versions.extend(
            ReleaseVersion(release_id=rid, title=e.title, summary=e.summary, seen_at=e.seen_at, sources=e.sources)
            for e in earlier
        )
    out.sort(key=lambda pair: (pair[1].published is None, pair[1].published or _DATE0, pair[0]))
    versions.sort(key=lambda v: (v.release_id, v.seen_at or EPOCH))
    return DedupResult(releases=tuple(out), versions=tuple(versions), merged=len(releases) - len(out))


@dataclass(frozen=True, slots=True, kw_only=True)
class DedupStream:
    """The deduplicated dataset of a record cache, produced a window of rows at a time."""

    records: int  # records in the cache
    releases: int  # rows the releases table will have
    merged: int  # records merged away
    versions: pa.Table  # release_versions, small: only releases whose text changed
    windows: Callable[[], Iterator[pa.Table]]  # releases rows in dataset order, at most `window` at a time


@contextmanager
def dedup_stream(batches: Callable[[], Iterable[pa.RecordBatch]], sources_of: Mapping[str, Sequence[str]],
                 extraction_version: str, *, window: int | None = None,
                 scratch: Path | None = None) -> Iterator[DedupStream]:
    """Deduplicate a cache of extracted records that `batches()` reads afresh on every call (a Parquet
    file), holding at most `window` rows and a few dozen bytes per record in memory.

    A record's sources are every raw path that now holds its snapshot (`sources_of`, by sha256), or the
    path it was read from when the mapping does not know the snapshot.

    Records that share a URL or a text key are merged a group of windows at a time into a scratch
    file under `scratch` (the system's temporary directory by default); every other row goes from
    cache to dataset in Arrow. Rows come out sorted by `published` (undated last), then `release_id`.
    """
    window = window or settings.DEDUP_WINDOW_ROWS
    shared = shared_links(_page_links(batches()))
    ids, published, parent = _identities(batches(), shared)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(parent)):
        groups[_root(parent, i)].append(i)
    del parent
    shared_groups = [members for members in groups.values() if len(members) > 1]
    del groups
    is_shared = np.zeros(len(ids), dtype=bool)
    for members in shared_groups:
        is_shared[members] = True
    # A sitemap's bare link only adds a source to the release of its URL: alone, it is no row.
    singles = pa.array(np.flatnonzero(~is_shared & ~_link_only(batches())), type=pa.int64())
    del is_shared
    LOGGER.debug("dedup: %d records, %d of them in %d groups that share a URL or a text key", len(ids),
                 len(ids) - len(singles), len(shared_groups))
    with tempfile.TemporaryDirectory(prefix=".tmp-dedup-", dir=scratch) as scratch_dir:
        merged_path = Path(scratch_dir) / "merged.parquet"
        version_rows: list[dict] = []
        merged_ids: list[str] = []
        merged_published: list[dt.date | None] = []
        merged = 0
        with pq.ParquetWriter(merged_path, RELEASES) as writer:
            for chunk in _chunks(shared_groups, window):
                result = _dedup_rows(batches, chunk, sources_of, shared)
                merged += result.merged
                writer.write_table(result_rows(result, extraction_version))
                merged_ids.extend(rid for rid, _ in result.releases)
                merged_published.extend(r.published for _, r in result.releases)
                version_rows.extend({"release_id": v.release_id, "title": v.title, "summary": v.summary,
                                     "seen_at": v.seen_at, "sources": list(v.sources)} for v in result.versions)
        del shared_groups
        # The dataset order over compact Arrow keys: from the cache (0) or the merged file (1), and where.
        keys = pa.table({
            "published": pa.concat_arrays([pa.array(published, pa.date32()).take(singles),
                                           pa.array(merged_published, pa.date32())]),
            "release_id": pa.concat_arrays([ids.take(singles), pa.array(merged_ids, pa.string())]),
            "source": pa.array(np.repeat(np.array([0, 1], dtype=np.int8), [len(singles), len(merged_ids)])),
            "position": pa.concat_arrays([singles, pa.array(np.arange(len(merged_ids), dtype=np.int64))]),
        })
        del published, merged_published, merged_ids
        order = keys.take(pc.sort_indices(keys, sort_keys=[("published", "ascending", "at_end"),
                                                            ("release_id", "ascending", "at_end")]))
        del keys

        def windows() -> Iterator[pa.Table]:
            for start in range(0, order.num_rows, window):
                yield _window_rows(order.slice(start, window), batches, merged_path, ids, sources_of,
                                   extraction_version)

        version_rows.sort(key=lambda v: (v["release_id"], v["seen_at"] or EPOCH))
        yield DedupStream(records=len(ids), releases=order.num_rows, merged=merged,
                          versions=to_table(version_rows, RELEASE_VERSIONS), windows=windows)


def _chunks(groups: list[list[int]], rows: int) -> Iterator[list[int]]:
    """Whole groups of record positions, about `rows` positions at a time, each chunk sorted."""
    chunk: list[int] = []
    for group in groups:
        chunk.extend(group)
        if len(chunk) >= rows:
            yield sorted(chunk)
            chunk = []
    if chunk:
        yield sorted(chunk)


def _dedup_rows(batches: Callable[[], Iterable[pa.RecordBatch]], positions: list[int],
                sources_of: Mapping[str, Sequence[str]], shared: set[bytes]) -> DedupResult:
    """dedup() on the cache records at `positions`: whole groups, so merging them alone is exact."""
    rows = _take_rows(batches(), positions).to_pylist()
    records = [_with_sources(from_cache_row(row), sources_of, row["source_sha256"]) for row in rows]
    # The links shared on a page, found over the whole cache, in the terms of the records dedup() sees.
    here = {shared_link(_page(record), record.url) for record, row in zip(records, rows, strict=True)
            if record.url and shared_link(row["source_sha256"], record.url) in shared}
    return dedup(records, shared=here)


def result_rows(result: DedupResult, extraction_version: str) -> pa.Table:
    """The dataset rows of dedup()'s releases: each one a record again, then a row like any other."""
    records = pa.Table.from_pylist([to_cache_row(r, "", "") for _, r in result.releases], schema=RECORD_CACHE)
    releases = [r for _, r in result.releases]
    return release_rows(records, release_ids=pa.array([rid for rid, _ in result.releases], pa.string()),
                        sources=pa.array([list(r.sources) for r in releases], pa.list_(pa.string())),
                        first_seen=pa.array([r.first_seen for r in releases], RELEASES.field("first_seen").type),
                        last_seen=pa.array([r.last_seen for r in releases], RELEASES.field("last_seen").type),
                        extraction_version=extraction_version)


def _page_links(batches: Iterable[pa.RecordBatch]
                ) -> Iterator[tuple[str, str | None, str | None, dt.date | None]]:
    """(snapshot, url, title, published) of every record, for shared_links."""
    for batch in batches:
        columns = [batch.column(name).to_pylist() for name in ("source_sha256", "url", "title", "published")]
        yield from zip(*columns, strict=True)


def _identities(batches: Iterable[pa.RecordBatch], shared: set[bytes]
                ) -> tuple[pa.Array, list[dt.date | None], list[int]]:
    """Each record's release_id and date, and a union-find forest joining records that share a key."""
    ids: list[str] = []
    published: list[dt.date | None] = []
    parent: list[int] = []
    # Keys as 8-byte digests: a million records cost tens of MB, not the keys' full text.
    first_with: dict[bytes, int] = {}

    index = 0
    for batch in batches:
        names = ("source_sha256", "url", "title", "published", "kind", "summary")
        columns = [batch.column(name).to_pylist() for name in names]
        for sha, url, title, day, kind, summary in zip(*columns, strict=True):
            by_text = _text_key(title, day, summary, kind)
            own = f"u|{canonical_url(url)}" if url and shared_link(sha, url) not in shared else by_text
            ids.append(release_id(own))
            published.append(day)
            parent.append(index)
            # A bare link has no text: its text key would join every sitemap link into one group.
            for key in {own} if kind == LINK_KIND else {own, by_text}:
                other = first_with.setdefault(hashlib.blake2b(key.encode(), digest_size=8).digest(), index)
                if other != index:
                    parent[_root(parent, index)] = _root(parent, other)
            index += 1
    return pa.array(ids, pa.string()), published, parent


def _link_only(batches: Iterable[pa.RecordBatch]) -> np.ndarray:
    """A mask of the records that are a sitemap's bare link (LINK_KIND), in cache order."""
    masks = [pc.equal(batch.column("kind"), LINK_KIND).to_numpy(zero_copy_only=False) for batch in batches]
    return np.concatenate(masks) if masks else np.zeros(0, dtype=bool)


def _root(parent: list[int], i: int) -> int:
    """The root of i in a union-find forest, halving the path on the way."""
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _take_rows(batches: Iterable[pa.RecordBatch], positions: list[int]) -> pa.Table:
    """The rows at sorted, non-empty `positions` of a file or table read batch by batch, in that order."""
    wanted = pa.array(positions, type=pa.int64())
    parts = []
    offset = 0
    for batch in batches:
        lo, hi = bisect.bisect_left(positions, offset), bisect.bisect_left(positions, offset + batch.num_rows)
        if hi > lo:
            parts.append(pa.Table.from_batches([batch.take(pc.subtract(wanted[lo:hi], offset))]))
        offset += batch.num_rows
        if hi == len(positions):
            break
    return pa.concat_tables(parts)


def _window_rows(entries: pa.Table, batches: Callable[[], Iterable[pa.RecordBatch]], merged_path: Path,
                 ids: pa.Array, sources_of: Mapping[str, Sequence[str]], extraction_version: str) -> pa.Table:
    """The dataset rows of one window of the dataset order."""
    from_cache = pc.equal(entries.column("source"), 0)
    singles = sorted(entries.column("position").filter(from_cache).to_pylist())
    merged = sorted(entries.column("position").filter(pc.invert(from_cache)).to_pylist())
    tables = []
    if singles:
        tables.append(_single_rows(_take_rows(batches(), singles), ids.take(pa.array(singles, pa.int64())),
                                   sources_of, extraction_version))
    if merged:
        tables.append(_take_rows(pq.ParquetFile(merged_path).iter_batches(batch_size=_BATCH_ROWS), merged))
    table = pa.concat_tables([t.cast(RELEASES) for t in tables])
    order = pc.sort_indices(table, sort_keys=[("published", "ascending", "at_end"),
                                              ("release_id", "ascending", "at_end")])
    return table.take(order)


def _with_sources(release: Release, sources_of: Mapping[str, Sequence[str]], sha: str) -> Release:
    """The record with its sources: every raw path holding its snapshot now."""
    paths = sources_of.get(sha)
    return replace(release, sources=tuple(sorted(paths))) if paths else release


def _single_rows(rows: pa.Table, ids: pa.Array, sources_of: Mapping[str, Sequence[str]], extraction_version: str
                 ) -> pa.Table:
    """Dataset rows for records seen once, built column by column: seen once, first and last seen then."""
    sources = rows.column("sources")
    if sources_of:
        shas = rows.column("source_sha256").to_pylist()
        sources = pa.array([sorted(sources_of[sha]) if sources_of.get(sha) else s
                            for s, sha in zip(sources.to_pylist(), shas, strict=True)], type=pa.list_(pa.string()))
    return release_rows(rows, release_ids=ids, sources=sources, first_seen=rows.column("seen_at"),
                        last_seen=rows.column("seen_at"), extraction_version=extraction_version)


class History:
    """The release_versions of a refresh: the versions dedup finds, the previous version's rows of releases
    still published, and the texts of snapshots gone from raw (a page edited in place, or deleted) when
    their release is still published with another text. A full run has no history but dedup's own."""

    def __init__(self, previous: pa.Table | None = None, superseded: pa.Table | None = None) -> None:
        self._previous = previous.to_pylist() if previous is not None else []
        self._gone: dict[str, list[dict]] = defaultdict(list)  # release_id -> texts of snapshots gone from raw
        for row in superseded.to_pylist() if superseded is not None else []:
            by_text = _text_key(row["title"], row["published"], row["summary"], row["kind"])
            rid = release_id(f"u|{canonical_url(row['url'])}" if row["url"] else by_text)
            self._gone[rid].append({"release_id": rid, "title": row["title"], "summary": row["summary"],
                                    "seen_at": row["seen_at"], "sources": row["sources"]})
        self._wanted = {row["release_id"] for row in self._previous} | set(self._gone)
        self._kept: list[dict] = []
        self._alive: set[str] = set()

    def see(self, window: pa.Table) -> None:
        """Note which earlier texts the published rows of one window still need."""
        if not self._wanted:
            return
        ids = window.column("release_id")
        rows = window.filter(pc.is_in(ids, pa.array(sorted(self._wanted), pa.string()))).select(
            ["release_id", "title", "summary"]).to_pylist()
        for row in rows:
            self._alive.add(row["release_id"])
            text = (row["title"], _normal(row["summary"]))
            self._kept.extend(v for v in self._gone.get(row["release_id"], ())
                              if (v["title"], _normal(v["summary"])) != text)

    def table(self, found: pa.Table) -> pa.Table:
        """release_versions: dedup's versions, then the earlier ones still needed, each text once per release."""
        rows: list[dict] = []
        seen: set[tuple] = set()
        carried = [row for row in self._previous if row["release_id"] in self._alive]
        for row in [*found.to_pylist(), *carried, *self._kept]:
            key = (row["release_id"], row["title"], _normal(row["summary"]), row["seen_at"])
            if key not in seen:
                seen.add(key)
                rows.append(row)
        rows.sort(key=lambda v: (v["release_id"], v["seen_at"] or EPOCH))
        return to_table(rows, RELEASE_VERSIONS)


def keep_first_seen(window: pa.Table, previous: pa.Table | None) -> pa.Table:
    """A window's rows with the first_seen the previous version gave a release, when that is earlier: a page
    edited in place or deleted takes its sighting away, not the time the release was first seen."""
    if previous is None or previous.num_rows == 0:
        return window
    index = pc.index_in(window.column("release_id"), value_set=previous.column("release_id").combine_chunks())
    earlier = previous.column("first_seen").take(index).cast(pa.int64())  # min has no kernel for zoned times
    first = pc.min_element_wise(window.column("first_seen").cast(pa.int64()), earlier, skip_nulls=True)
    position = window.schema.get_field_index("first_seen")
    field = window.schema.field(position)
    return window.set_column(position, field, first.cast(field.type))
