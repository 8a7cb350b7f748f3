"""Incremental state: which raw snapshots were processed and the records each one gave (the record cache),
kept inside each dataset version (`_state/`) so that the state and the tables built from it are published
together; and the output directory's single-writer lock.

A run holds `OutputDir.locked(out)` from start to end: one writer per output directory.
"""
from __future__ import annotations

import datetime as dt
import errno
import fcntl
import hashlib
import json
import logging
import os
import socket
import stat
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from . import settings
from .errors import DatasetError, LockedError, OutputError, StalledError, os_reason
from .files import RefusedFile, read_bounded, write_json
from .report import RunReport
from .schema import RECORD_CACHE
from .versions import Version

LOGGER = logging.getLogger(__name__)

MANIFEST = "manifest.json"
CACHE = "records.parquet"
LOCK = ".lock"
_LOCK_INFO_MAX_BYTES = 4_096  # who holds the lock: a pid, a host and a time
_SUPERSEDED = ["url", "title", "published", "kind", "summary", "seen_at", "sources"]  # what history needs


@dataclass(slots=True, kw_only=True)
class State:
    """What earlier runs did: file fingerprints, processed snapshots, and their cached records."""

    extraction_key: str = ""
    files: dict[str, dict] = field(default_factory=dict)  # path -> {size, mtime_ns, sha256}
    processed: dict[str, str] = field(default_factory=dict)  # sha256 -> "ok" or the skip reason
    cache: Path | None = None  # the records of every processed snapshot (Parquet), read in batches

    def is_done(self, path: Path, status: os.stat_result) -> bool:
        """True when the file is unchanged since a run processed its snapshot with this extraction."""
        known = self.files.get(str(path))
        return bool(known and known.get("size") == status.st_size and known.get("mtime_ns") == status.st_mtime_ns
                    and known.get("sha256") in self.processed)

    def remember(self, path: Path, sha: str | None, outcome: str) -> None:
        """Record that the file's snapshot (sha None: its bytes were never hashed) had this outcome."""
        try:
            status = path.stat()
        except OSError:
            return
        if sha is None:
            sha = hashlib.sha256(f"{path}|{status.st_size}|{status.st_mtime_ns}".encode()).hexdigest()
        self.files[str(path)] = {"size": status.st_size, "mtime_ns": status.st_mtime_ns, "sha256": sha}
        self.processed[sha] = outcome

    def forget(self, path: Path | str) -> None:
        """Drop what an earlier run knew of a file, so that the next run reads it again."""
        self.files.pop(str(path), None)

    def sources_of(self) -> dict[str, list[str]]:
        """Every raw path that holds each processed snapshot now (sha256 -> sorted paths)."""
        paths: dict[str, list[str]] = defaultdict(list)
        for path, known in self.files.items():
            if self.processed.get(known["sha256"]) == "ok":
                paths[known["sha256"]].append(path)
        return {sha: sorted(found) for sha, found in paths.items()}


def load_state(state_dir: Path | None, extraction_key: str) -> State:
    """The state a version was built from; an absent, stale or unreadable one means: process everything."""
    if state_dir is None or not os.path.lexists(state_dir / MANIFEST):
        return State(extraction_key=extraction_key)
    try:
        data, _ = read_bounded(state_dir / MANIFEST, settings.STATE_MANIFEST_MAX_BYTES, follow=False)
        manifest = json.loads(data.decode("utf-8"))
        _check_shape(manifest)
        cache = state_dir / CACHE if os.path.lexists(state_dir / CACHE) else None
        if cache is not None and not stat.S_ISREG(os.lstat(cache).st_mode):  # never opened: a FIFO would hang
            raise ValueError(f"{cache} is not a regular file")
        if cache is not None and pq.read_schema(cache).names != RECORD_CACHE.names:  # types: cast on read
            raise ValueError(f"{cache} does not have the record cache's schema")
    except (OSError, RefusedFile, ValueError, TypeError, pa.ArrowException) as exc:
        LOGGER.warning("incremental state in %s is unreadable (%s): every raw file will be processed again",
                       state_dir, exc)
        return State(extraction_key=extraction_key)
    if manifest.get("extraction_key") != extraction_key:
        LOGGER.info("extraction changed (%s -> %s): reprocessing every snapshot", manifest.get("extraction_key"),
                    extraction_key)
        return State(extraction_key=extraction_key, files=manifest.get("files", {}))
    return State(extraction_key=extraction_key, files=manifest.get("files", {}),
                 processed=manifest.get("processed", {}), cache=cache)


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


def iter_cache(path: Path | None, batch_rows: int = 5_000) -> Iterator[pa.RecordBatch]:
    """The records of a cache file a batch at a time; nothing when there is no cache."""
    if path is None:
        return
    for batch in pq.ParquetFile(path).iter_batches(batch_size=batch_rows):
        yield batch.cast(RECORD_CACHE)


def manifest_payload(state: State) -> dict:
    """The JSON document that records a state: the snapshots of files gone from raw are not kept."""
    held = {known["sha256"] for known in state.files.values()}
    return {"extraction_key": state.extraction_key, "files": state.files,
            "processed": {sha: outcome for sha, outcome in state.processed.items() if sha in held}}


class OutputDir:
    """The output directory, held under its single-writer lock: the state a run starts from, the record cache
    it leaves, the published rows it compares with, and its run reports."""

    def __init__(self, out: Path) -> None:
        self.out = out

    @classmethod
    @contextmanager
    def locked(cls, out: Path) -> Iterator[OutputDir]:
        """Hold the output directory's single-writer lock: its file opened without following a link."""
        path = out / LOCK
        try:
            out.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC, 0o644)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise OutputError(f"{path} is a link; the lock is never taken through one: move it away") from exc
            raise OutputError(f"cannot write to {out}: {os_reason(exc)}") from exc
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise OutputError(f"{path} is not a regular file; move it away and run again")
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise _held(path, fd) from None
            except OSError as exc:
                raise OutputError(f"cannot lock {path}: {os_reason(exc)}") from exc
            _sign(fd)
            yield cls(out)
        finally:
            os.close(fd)  # closing the descriptor releases the lock

    def current_state(self, version: Version | None, extraction_key: str, *, incremental: bool) -> State:
        """The state a run starts from: the current version's when incremental, else an empty one."""
        if not incremental or version is None:
            return State(extraction_key=extraction_key)
        return load_state(version.state_dir, extraction_key)

    def merged_cache(self, state: State, processed: list[str], spill: Path, target: Path) -> pa.Table | None:
        """Write the new record cache to target: the cached records of the snapshots raw still holds, less
        every reprocessed snapshot's, then the new ones (whose file goes: they are in the cache now). Return
        the records of the snapshots raw no longer holds: their texts may be a release's earlier version."""
        reprocessed = pa.array(processed, type=pa.string())
        held = pa.array(sorted(state.sources_of()), type=pa.string())
        superseded = []
        try:
            with pq.ParquetWriter(target, RECORD_CACHE, compression="zstd") as writer:
                for batch in self._cached(state.cache):
                    shas = batch.column("source_sha256")
                    still = pc.is_in(shas, held)
                    writer.write_batch(batch.filter(pc.and_(still, pc.invert(pc.is_in(shas, reprocessed)))))
                    superseded.append(batch.filter(pc.invert(still)).select(_SUPERSEDED))
                for batch in iter_cache(spill):
                    writer.write_batch(batch)
        except OSError as exc:
            raise OutputError(f"cannot write {target}: {os_reason(exc)}") from exc
        finally:
            spill.unlink(missing_ok=True)
        state.cache = target
        return pa.Table.from_batches(superseded) if superseded else None

    def _cached(self, path: Path | None) -> Iterator[pa.RecordBatch]:
        """The batches of the record cache; damage found half-way is a clear error, not a traceback."""
        try:
            yield from iter_cache(path)
        except (OSError, pa.ArrowException) as exc:
            raise OutputError(f"the record cache {path} is unreadable ({exc}); run `python -m pipeline run` "
                              "to rebuild it from raw") from exc

    @staticmethod
    def published(version: Version | None, table: str, columns: list[str] | None = None) -> pa.Table | None:
        """A table of the current version (a refresh carries its history and first sightings on)."""
        if version is None or table not in version.tables:
            return None
        try:
            return pa.concat_tables([pq.read_table(path, columns=columns) for path in version.files(table)])
        except (OSError, pa.ArrowException) as exc:
            raise DatasetError(f"the {table} table of {version.out} is unreadable ({exc}); move it away and run "
                               "again") from exc

    @staticmethod
    def published_digests(version: Version | None) -> dict[str, str]:
        """release_id -> digest of each published row of a version; read before anything is written."""
        digests: dict[str, str] = {}
        if version is None:
            return digests
        for path in version.files(settings.RELEASES_TABLE):
            try:
                digests.update(row_digests(pq.ParquetFile(path)))
            except (OSError, pa.ArrowException) as exc:  # damage past the footer
                raise DatasetError(f"{version.shown(path)} is not a readable Parquet file ({exc}); move it away "
                                   "and run again") from exc
        return digests

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


def _sign(fd: int) -> None:
    """Write who holds the lock and since when into its file: a later run can tell a stalled holder."""
    info = json.dumps({"pid": os.getpid(), "host": socket.gethostname(), "since": dt.datetime.now(dt.UTC).timestamp()})
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, info.encode("utf-8"), 0)
    except OSError as exc:  # the lock holds without it; only the stall check loses its evidence
        LOGGER.info("cannot record the lock's holder: %s", os_reason(exc))


def _held(path: Path, fd: int) -> LockedError | StalledError:
    """The error for a lock another run holds: busy, or stalled past the run timeout."""
    try:
        info = json.loads(os.pread(fd, _LOCK_INFO_MAX_BYTES, 0) or b"{}")
        since = dt.datetime.fromtimestamp(float(info["since"]), dt.UTC)
        pid, host = int(info["pid"]), str(info.get("host", "?"))
    except (OSError, ValueError, KeyError, TypeError, OverflowError):
        return LockedError(f"another run holds {path}; try again when it has finished")
    age = dt.datetime.now(dt.UTC) - since
    if age.total_seconds() <= settings.RUN_TIMEOUT_S + settings.LOCK_STALL_GRACE_S:
        return LockedError(f"another run (pid {pid} on {host}) holds {path} since {since:%Y-%m-%d %H:%M} UTC; "
                           "try again when it has finished")
    return StalledError(f"the run holding {path} (pid {pid} on {host}, since {since:%Y-%m-%d %H:%M} UTC) has gone "
                        f"on past the {settings.RUN_TIMEOUT_S / 3600:g} h run timeout: it is stalled; stop it "
                        "and run again")


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
