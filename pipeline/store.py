"""Write stage: publish tables and run reports atomically, so readers never see half a dataset; and the
deduplicated dataset of a record cache read and built a window of rows at a time (`dedup_stream`)."""
from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import json
import logging
import os
import shutil
import tempfile
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Self

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from . import settings
from .dedup import EPOCH, DedupResult, dedup, identity_key, release_id, text_key
from .errors import DatasetError, OutputError, os_reason
from .files import fsync_dir, write_atomically
from .records import LINK_KIND, Release
from .schema import FLAT_SCHEMAS, RELEASE_VERSIONS, RELEASES, from_cache_row, to_row, to_table

LOGGER = logging.getLogger(__name__)

PART_NAME = "part-0.parquet"  # one file per table: a single os.replace publishes it whole
_BATCH_ROWS = 5_000  # rows per Arrow batch when a table is read in batches
STATE_ID_KEY = b"pipeline.state_id"  # in the releases table's metadata: the state it was built from
# Every table a run publishes, with the schema it is written with.
TABLES = {settings.RELEASES_TABLE: RELEASES, "release_versions": RELEASE_VERSIONS, **FLAT_SCHEMAS}


def check_output(out: Path) -> None:
    """Before any work: refuse a file in the way or a foreign or damaged table (naming it), and remove what a
    crashed run staged. Nothing foreign is overwritten, nothing damaged is read."""
    _refuse_files_in_the_way(out)
    clean_staging(out)
    _refuse_foreign_tables(out)


def _refuse_files_in_the_way(out: Path) -> None:
    """Raise OutputError, naming the file, when a file stands where the run needs a directory, or the reverse."""
    for name in (settings.STATE_DIR, settings.RUNS_DIR, *TABLES):
        path = out / name
        if (path.exists() or path.is_symlink()) and not path.is_dir():
            raise OutputError(f"{path} is in the way: the run needs a directory there; move it away and run again")
        if name in TABLES and (path / PART_NAME).is_dir():
            raise OutputError(f"{path / PART_NAME} is in the way: the run writes the {name} table there; "
                              "move it away and run again")


def _refuse_foreign_tables(out: Path) -> None:
    """Raise DatasetError, naming the file, when a published table is damaged or is not this pipeline's."""
    for name, schema in TABLES.items():
        part = out / name / PART_NAME
        if not part.is_file():
            continue
        try:
            found = pq.read_schema(part)
        except (OSError, pa.ArrowException) as exc:
            raise DatasetError(f"{part} is not a readable Parquet file ({exc}); move it away and run again") from exc
        if name == settings.RELEASES_TABLE and STATE_ID_KEY not in (found.metadata or {}):
            why = f"no {STATE_ID_KEY.decode()} in its metadata"  # stamped at every publish
        elif "release_id" not in found.names or (name != settings.RELEASES_TABLE and found.names != schema.names):
            why = f"its columns are not the {name} table's"
        else:
            continue
        raise DatasetError(f"{part} was not written by this pipeline ({why}); nothing was overwritten: "
                           "move it away, or choose another --out")


def clean_staging(out_dir: Path) -> int:
    """Remove staging directories a crashed run left behind; return how many."""
    removed = 0
    if out_dir.is_dir():
        for stale in out_dir.glob(settings.STAGING_PREFIX + "*"):
            shutil.rmtree(stale, ignore_errors=True)
            removed += 1
    return removed


class StagedTables:
    """Tables written a batch at a time into a staging directory, then published together: each one
    replaces <out>/<name>/part-0.parquet by an atomic rename after every file is fsynced.

    Leaving the `with` block without `publish()` (an error, a crash) leaves the dataset as it was.
    """

    def __init__(self, out_dir: Path, schemas: dict[str, pa.Schema]) -> None:
        self.out_dir = out_dir
        self.schemas = schemas
        self._writers: dict[str, pq.ParquetWriter] = {}
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
            for name in schemas:
                _refuse_foreign_files(out_dir / name)
            self.staging = out_dir / f"{settings.STAGING_PREFIX}{uuid.uuid4().hex}"
            self.staging.mkdir()
        except OSError as exc:
            raise OutputError(f"cannot write to {out_dir}: {os_reason(exc)}") from exc

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc: object) -> None:
        for writer in self._writers.values():
            try:
                writer.close()
            except (OSError, pa.ArrowException):
                pass  # already failing: the staging directory goes anyway
        self._writers.clear()
        shutil.rmtree(self.staging, ignore_errors=True)

    def write(self, name: str, table: pa.Table) -> None:
        """Append rows to one staged table."""
        try:
            if name not in self._writers:
                self._writers[name] = pq.ParquetWriter(self.staging / f"{name}.parquet", self.schemas[name],
                                                       compression="zstd")
            self._writers[name].write_table(table.cast(self.schemas[name]))
        except OSError as exc:
            raise OutputError(f"cannot write the dataset to {self.out_dir}: {os_reason(exc)}") from exc

    def finish(self) -> None:
        """Close and fsync every staged table (a table never written is written empty); nothing is
        visible to readers yet."""
        try:
            for name, schema in self.schemas.items():
                if name not in self._writers and not (self.staging / f"{name}.parquet").exists():
                    self.write(name, schema.empty_table())
                if name in self._writers:
                    self._writers.pop(name).close()
                    with open(self.staging / f"{name}.parquet", "rb+") as handle:
                        os.fsync(handle.fileno())
            fsync_dir(self.staging)
        except OSError as exc:
            raise OutputError(f"cannot write the dataset to {self.out_dir}: {os_reason(exc)}") from exc

    def publish(self) -> list[Path]:
        """Finish, then rename every staged table into place, in the order of `schemas`."""
        self.finish()
        published = []
        try:
            for name in self.schemas:
                target_dir = self.out_dir / name
                target_dir.mkdir(exist_ok=True)
                os.replace(self.staging / f"{name}.parquet", target_dir / PART_NAME)
                fsync_dir(target_dir)
                published.append(target_dir / PART_NAME)
        except OSError as exc:
            raise OutputError(f"cannot write the dataset to {self.out_dir}: {os_reason(exc)}") from exc
        return published


def _refuse_foreign_files(target_dir: Path) -> None:
    foreign = sorted(p.name for p in target_dir.glob("*.parquet") if p.name != PART_NAME) if target_dir.is_dir() else []
    if foreign:
        raise OutputError(
            f"{target_dir} holds files this pipeline did not write ({', '.join(foreign)}); "
            "move them away so readers see one consistent table"
        )


def move_into_place(source: Path, target: Path) -> None:
    """Move a finished file over `target` atomically: fsync it, rename it, fsync the directory."""
    try:
        with open(source, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(source, target)
        fsync_dir(target.parent)
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {os_reason(exc)}") from exc


def write_json(path: Path, payload: dict) -> None:
    """Write a JSON document atomically (temp file, fsync, rename)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(payload, indent=2, sort_keys=True, default=str)
        write_atomically(path, text.encode("utf-8"), prefix=".tmp-", suffix=".json")
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {os_reason(exc)}") from exc


@dataclass(frozen=True, slots=True, kw_only=True)
class DedupStream:
    """The deduplicated dataset of a record cache, produced a window of rows at a time."""

    records: int  # records in the cache
    releases: int  # rows the releases table will have
    merged: int  # records merged away
    versions: pa.Table  # release_versions, small: only releases whose text changed
    windows: Callable[[], Iterator[pa.Table]]  # releases rows in dataset order, at most `window` at a time


@contextmanager
def dedup_stream(batches: Callable[[], Iterable[pa.RecordBatch]], extra_sources: dict[str, list[str]],
                 extraction_version: str, *, window: int | None = None,
                 scratch: Path | None = None) -> Iterator[DedupStream]:
    """Deduplicate a cache of extracted records that `batches()` reads afresh on every call (a Parquet
    file), holding at most `window` rows and a few dozen bytes per record in memory.

    Records that share a URL or a text key are merged a group of windows at a time into a scratch
    file under `scratch` (the system's temporary directory by default); every other row goes from
    cache to dataset in Arrow. Rows come out sorted by `published` (undated last), then `release_id`.
    """
    window = window or settings.DEDUP_WINDOW_ROWS
    ids, published, parent = _identities(batches())
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
                result = _dedup_rows(batches, chunk, extra_sources)
                merged += result.merged
                writer.write_table(_merged_rows(result, extraction_version))
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
                yield _window_rows(order.slice(start, window), batches, merged_path, ids, extra_sources,
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
                extra_sources: dict[str, list[str]]) -> DedupResult:
    """dedup() on the cache records at `positions`: whole groups, so merging them alone is exact."""
    rows = _take_rows(batches(), positions).to_pylist()
    return dedup([_widened(from_cache_row(row), extra_sources, row["source_sha256"]) for row in rows])


def _merged_rows(result: DedupResult, extraction_version: str) -> pa.Table:
    return to_table([to_row(rid, r, extraction_version) for rid, r in result.releases], RELEASES)


def _identities(batches: Iterable[pa.RecordBatch]) -> tuple[pa.Array, list[dt.date | None], list[int]]:
    """Each record's release_id and date, and a union-find forest joining records that share a key."""
    ids: list[str] = []
    published: list[dt.date | None] = []
    parent: list[int] = []
    # Keys as 8-byte digests: a million records cost tens of MB, not the keys' full text.
    first_with: dict[bytes, int] = {}

    index = 0
    for batch in batches:
        columns = [batch.column(name).to_pylist() for name in ("url", "title", "published", "kind", "summary")]
        for url, title, day, kind, summary in zip(*columns, strict=True):
            probe = Release(sources=(), kind=kind, title=title, summary=summary, published=day, url=url)
            own = identity_key(probe)
            ids.append(release_id(own))
            published.append(day)
            parent.append(index)
            # A bare link has no text: its text key would join every sitemap link into one group.
            for key in {own} if kind == LINK_KIND else {own, text_key(probe)}:
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
                 ids: pa.Array, extra_sources: dict[str, list[str]], extraction_version: str) -> pa.Table:
    """The dataset rows of one window of the dataset order."""
    from_cache = pc.equal(entries.column("source"), 0)
    singles = sorted(entries.column("position").filter(from_cache).to_pylist())
    merged = sorted(entries.column("position").filter(pc.invert(from_cache)).to_pylist())
    tables = []
    if singles:
        tables.append(_single_rows(_take_rows(batches(), singles), ids.take(pa.array(singles, pa.int64())),
                                   extra_sources, extraction_version))
    if merged:
        tables.append(_take_rows(pq.ParquetFile(merged_path).iter_batches(batch_size=_BATCH_ROWS), merged))
    table = pa.concat_tables([t.cast(RELEASES) for t in tables])
    order = pc.sort_indices(table, sort_keys=[("published", "ascending", "at_end"),
                                              ("release_id", "ascending", "at_end")])
    return table.take(order)


def _widened(release: Release, extra_sources: dict[str, list[str]], sha: str) -> Release:
    paths = extra_sources.get(sha)
    return replace(release, sources=tuple(sorted(set(release.sources) | set(paths)))) if paths else release


def _single_rows(rows: pa.Table, ids: pa.Array, extra_sources: dict[str, list[str]], extraction_version: str
                 ) -> pa.Table:
    """Dataset rows for records seen once, built column by column."""
    sources = rows.column("sources")
    if extra_sources:
        shas = rows.column("source_sha256").to_pylist()
        sources = pa.array(
            [sorted(set(s) | set(extra_sources.get(sha, ())))
             for s, sha in zip(sources.to_pylist(), shas, strict=True)],
            type=pa.list_(pa.string()),
        )
    columns = {
        "release_id": ids,
        "sources": sources,
        "first_seen": rows.column("seen_at"),
        "last_seen": rows.column("seen_at"),
        "extraction_version": pa.array([extraction_version] * rows.num_rows, type=pa.string()),
    }
    return pa.table([columns[f.name] if f.name in columns else rows.column(f.name) for f in RELEASES],
                    schema=RELEASES)
