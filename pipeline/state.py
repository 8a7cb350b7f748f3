"""Incremental state: which raw snapshots were processed, the records each one gave, the published rows'
digests, and the order a run publishes in (the state first, the tables second), all under one lock.

A run holds `StateStore.locked(out)` from start to end: one writer per output directory.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from filelock import FileLock, Timeout

from . import settings
from .errors import DatasetError, LockedError, OutputError, os_reason
from .report import RunReport
from .schema import RECORD_CACHE
from .store import PART_NAME, STATE_ID_KEY, StagedTables, check_output, move_into_place, write_json

LOGGER = logging.getLogger(__name__)

MANIFEST = "manifest.json"
CACHE = "records.parquet"


@dataclass(slots=True, kw_only=True)
class State:
    """What earlier runs did: file fingerprints, processed snapshots, and their cached records."""

    extraction_key: str = ""
    files: dict[str, dict] = field(default_factory=dict)  # path -> {size, mtime_ns, sha256}
    processed: dict[str, str] = field(default_factory=dict)  # sha256 -> "ok" or the skip reason
    cache: Path | None = None  # the records of every processed snapshot (Parquet), read in batches
    state_id: str | None = None  # a new id at every publish; the releases table carries the same one

    def is_done(self, path: Path, stat: os.stat_result) -> bool:
        """True when the file is unchanged since a run processed its snapshot with this extraction."""
        known = self.files.get(str(path))
        return bool(known and known.get("size") == stat.st_size and known.get("mtime_ns") == stat.st_mtime_ns
                    and known.get("sha256") in self.processed)

    def remember(self, path: Path, sha: str | None, outcome: str) -> None:
        """Record that the file's snapshot (sha None: its bytes were never hashed) had this outcome."""
        try:
            stat = path.stat()
        except OSError:
            return
        if sha is None:
            sha = hashlib.sha256(f"{path}|{stat.st_size}|{stat.st_mtime_ns}".encode()).hexdigest()
        self.files[str(path)] = {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "sha256": sha}
        self.processed[sha] = outcome

    def forget(self, path: Path) -> None:
        """Drop what an earlier run knew of a file, so that the next run reads it again."""
        self.files.pop(str(path), None)

    def extra_sources(self) -> dict[str, list[str]]:
        """Every raw path holding each snapshot's bytes, so a copy under another name counts as a source."""
        paths_of: dict[str, list[str]] = {}
        for path, known in self.files.items():
            paths_of.setdefault(known["sha256"], []).append(path)
        return {sha: paths for sha, paths in paths_of.items() if len(paths) > 1}


def load_state(out_dir: Path, extraction_key: str) -> State:
    """Load the state of out_dir; an absent, stale or unreadable state means: process everything."""
    base = out_dir / settings.STATE_DIR
    if not (base / MANIFEST).exists():
        return State(extraction_key=extraction_key)
    try:
        manifest = json.loads((base / MANIFEST).read_text(encoding="utf-8"))
        _check_shape(manifest)
        cache = base / CACHE if (base / CACHE).exists() else None
        if cache is not None and pq.read_schema(cache).names != RECORD_CACHE.names:  # types: cast on read
            raise ValueError(f"{cache} does not have the record cache's schema")
    except (OSError, ValueError, TypeError, pa.ArrowException) as exc:
        LOGGER.warning("incremental state in %s is unreadable (%s): every raw file will be processed again", base,
                       exc)
        return State(extraction_key=extraction_key)
    if manifest.get("extraction_key") != extraction_key:
        LOGGER.info("extraction changed (%s -> %s): reprocessing every snapshot", manifest.get("extraction_key"),
                    extraction_key)
        return State(extraction_key=extraction_key, files=manifest.get("files", {}))
    return State(extraction_key=extraction_key, files=manifest.get("files", {}),
                 processed=manifest.get("processed", {}), cache=cache, state_id=manifest.get("state_id"))


def _check_shape(manifest: object) -> None:
    """Raise TypeError unless the manifest has the shape manifest_payload writes."""
    if not isinstance(manifest, dict):
        raise TypeError("the manifest is not a JSON object")
    files, processed = manifest.get("files", {}), manifest.get("processed", {})
    if not isinstance(files, dict) or not all(
            isinstance(known, dict) and isinstance(known.get("size"), int) and isinstance(known.get("mtime_ns"), int)
            and isinstance(known.get("sha256"), str) for known in files.values()):
        raise TypeError("its files are not {path: {size, mtime_ns, sha256}}")
    if not isinstance(processed, dict) or not all(isinstance(outcome, str) for outcome in processed.values()):
        raise TypeError("its processed snapshots are not {sha256: outcome}")
    if not isinstance(manifest.get("state_id"), str | None):
        raise TypeError("its state_id is not a string")


def iter_cache(path: Path | None, batch_rows: int = 5_000) -> Iterator[pa.RecordBatch]:
    """The records of a cache file a batch at a time; nothing when there is no cache."""
    if path is None:
        return
    for batch in pq.ParquetFile(path).iter_batches(batch_size=batch_rows):
        yield batch.cast(RECORD_CACHE)


def manifest_payload(state: State) -> dict:
    """The JSON document that records a state."""
    return {"extraction_key": state.extraction_key, "state_id": state.state_id, "files": state.files,
            "processed": state.processed}


class StateStore:
    """One output directory under its lock: its state, record cache, published digests and run reports."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.base = out / settings.STATE_DIR

    @classmethod
    @contextmanager
    def locked(cls, out: Path) -> Iterator[StateStore]:
        """Hold the output directory's single-writer lock, having checked that nothing is in the way."""
        try:
            out.mkdir(parents=True, exist_ok=True)
            # FileLock takes any failure to open its file for "held by another run" (exit 75, which the
            # systemd unit treats as success): find out first whether the file can be opened at all.
            os.close(os.open(out / ".lock", os.O_WRONLY | os.O_CREAT, 0o644))
            lock = FileLock(str(out / ".lock"), timeout=0)
            lock.acquire()
        except Timeout as exc:
            raise LockedError(f"another run holds {out / '.lock'}; try again when it has finished") from exc
        except OSError as exc:
            raise OutputError(f"cannot write to {out}: {os_reason(exc)}") from exc
        try:
            yield cls(out)
        finally:
            lock.release()

    def check(self) -> None:
        """Refuse files in the way and foreign or damaged tables, and clear what a crashed run staged."""
        check_output(self.out)

    def load(self, extraction_key: str, *, incremental: bool) -> State:
        """The state a run starts from: the published one when incremental, else an empty one."""
        return load_state(self.out, extraction_key) if incremental else State(extraction_key=extraction_key)

    def published_rows(self, state: State) -> int | None:
        """The releases table's rows when it was built from this very state (so nothing is left to do)."""
        table = self.out / settings.RELEASES_TABLE / PART_NAME
        try:
            metadata = pq.read_schema(table).metadata or {}
        except (OSError, pa.ArrowException):
            return None
        stamp = metadata.get(STATE_ID_KEY, b"").decode() or None
        if state.state_id is None or stamp != state.state_id:
            return None
        return pq.read_metadata(table).num_rows

    @contextmanager
    def spill(self) -> Iterator[Path]:
        """A file for this run's new records, gone afterwards; what crashed runs left is cleared first."""
        for stale in self.base.glob(".tmp-*"):
            if stale.is_dir():
                shutil.rmtree(stale, ignore_errors=True)
            else:
                stale.unlink(missing_ok=True)
        spill = self.base / f".tmp-new-{uuid.uuid4().hex}.parquet"
        try:
            yield spill
        finally:
            spill.unlink(missing_ok=True)

    def merged_cache(self, state: State, processed: list[str], spill: Path) -> Path:
        """A new cache file: the cached records less every reprocessed snapshot's, then the new ones (whose
        file goes: they are in the cache now)."""
        target = self.base / f".tmp-records-{uuid.uuid4().hex}.parquet"
        reprocessed = pa.array(processed, type=pa.string())
        try:
            with pq.ParquetWriter(target, RECORD_CACHE, compression="zstd") as writer:
                for batch in self._cached(state.cache):
                    writer.write_batch(batch.filter(pc.invert(pc.is_in(batch.column("source_sha256"), reprocessed))))
                for batch in iter_cache(spill):
                    writer.write_batch(batch)
        except OSError as exc:
            target.unlink(missing_ok=True)
            raise OutputError(f"cannot write {target}: {os_reason(exc)}") from exc
        except BaseException:
            target.unlink(missing_ok=True)
            raise
        finally:
            spill.unlink(missing_ok=True)
        return target

    def _cached(self, path: Path | None) -> Iterator[pa.RecordBatch]:
        """The batches of the record cache; damage found half-way is a clear error, not a traceback."""
        try:
            yield from iter_cache(path)
        except (OSError, pa.ArrowException) as exc:
            raise OutputError(f"the record cache {path} is unreadable ({exc}); delete {self.base} "
                              "and run again to rebuild it from raw") from exc

    def published_digests(self) -> dict[str, str]:
        """release_id -> digest of each published row; read before anything is written."""
        path = self.out / settings.RELEASES_TABLE / PART_NAME
        try:
            return row_digests(pq.ParquetFile(path)) if path.exists() else {}
        except (OSError, pa.ArrowException) as exc:  # damage past the footer that check_output read
            raise DatasetError(f"{path} is not a readable Parquet file ({exc}); move it away and run again") from exc

    def publish(self, state: State, cache: Path, staged: StagedTables) -> None:
        """Publish the state first and the staged tables second.

        The tables are stamped with the state they were built from: after a crash between the two, the
        next run sees the stamps differ and publishes the tables again.
        """
        move_into_place(cache, self.base / CACHE)
        state.cache = self.base / CACHE
        write_json(self.base / MANIFEST, manifest_payload(state))
        staged.publish()
        LOGGER.debug("published state %s and its tables", state.state_id)

    def report_failure(self, report: RunReport) -> None:
        """Write the report of a failed run (its error says why): after a failure the operator reads it first."""
        try:
            self.write_report(report)
        except OutputError as exc:  # _runs cannot be written (often the very error): the error line says it all
            LOGGER.info("cannot write the report of the failed run: %s", exc)

    def write_report(self, report: RunReport) -> RunReport:
        """Write the run report to the runs directory and return it."""
        # Microseconds and the pid: two runs in one second (tests, a retry loop) keep both reports.
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
        write_json(self.out / settings.RUNS_DIR / f"{stamp}-{os.getpid()}.json", report.to_dict())
        return report


def row_digests(source: pa.Table | pq.ParquetFile) -> dict[str, str]:
    """release_id -> digest of the row (last_seen aside), computed a batch at a time."""
    digests = {}
    for batch in source.iter_batches(batch_size=5_000) if isinstance(source, pq.ParquetFile) \
            else source.to_batches(max_chunksize=5_000):
        for row in batch.to_pylist():
            row.pop("last_seen", None)
            digests[row["release_id"]] = hashlib.sha256(repr(sorted(row.items())).encode()).hexdigest()[:16]
    return digests


def changes(old: dict[str, str], new: dict[str, str]) -> dict[str, int]:
    """How many releases were added, updated, unchanged and removed between two sets of row digests."""
    added = sum(1 for rid in new if rid not in old)
    updated = sum(1 for rid, digest in new.items() if rid in old and old[rid] != digest)
    return {"added": added, "updated": updated, "unchanged": len(new) - added - updated,
            "removed": sum(1 for rid in old if rid not in new)}
