"""`run()`: the stages in sequence, read → split → extract → dedup → write, with a run report.

`run(..., incremental=True)` is the nightly refresh: it scrapes the configured sites, processes only
snapshots not processed before with the current extraction, and merges them into the dataset.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import shutil
import sys
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from filelock import FileLock, Timeout
from tqdm import tqdm

from . import settings
from .errors import ConfigError, DatasetError, LockedError, OutputError, PipelineError, SkipInput, os_reason
from .extract.parallel import Extractor
from .read import iter_raw_files, read
from .records import Page, Release
from .schema import RECORD_CACHE, RELEASE_VERSIONS, RELEASES, to_cache_row
from .split import split
from .state import CACHE, MANIFEST, STATE_DIR, State, iter_cache, load_state, manifest_payload
from .store import PART_NAME, DedupStream, StagedTables, clean_staging, dedup_stream, move_into_place, write_json
from .tables import SCHEMAS, flat_tables

LOGGER = logging.getLogger(__name__)

STATE_ID_KEY = b"pipeline.state_id"  # in the releases table's metadata: the state it was built from
# Every table a run publishes, with the schema it is written with.
TABLES = {settings.RELEASES_TABLE: RELEASES, "release_versions": RELEASE_VERSIONS, **SCHEMAS}


@dataclass(slots=True, kw_only=True)
class RunReport:
    """What a run did: counts in and out of each stage, skips with reasons, seconds per stage."""

    started: str
    finished: str = ""
    raw: str = ""
    out: str = ""
    model: str = ""
    incremental: bool = False
    pages_fetched: int = 0
    scrape_failures: list[list[str]] = field(default_factory=list)  # [url, reason]: as JSON has it
    files_seen: int = 0
    files_read: int = 0
    snapshots_processed: int = 0
    files_skipped: list[tuple[str, str]] = field(default_factory=list)
    records: int = 0
    records_with_warnings: int = 0  # each record's reasons are in its `warnings` column
    releases: int = 0
    duplicates_merged: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0  # published before, gone now: said in the summary line, refused when nothing was read
    published: bool = False
    error: str = ""  # why the run failed; empty when it did not
    seconds: dict[str, float] = field(default_factory=dict)

    def summary_line(self) -> str:
        """One closing line for the terminal."""
        reasons = Counter(reason.split(":")[0] for _, reason in self.files_skipped)
        skipped = ", ".join(f"{n} {reason}" for reason, n in reasons.most_common()) or "none"
        return (
            f"{self.files_read} files read, {self.records} records ({self.records_with_warnings} with warnings), "
            f"{self.duplicates_merged} duplicates merged, "
            f"{self.releases} releases ({self.added} added, {self.updated} updated, {self.unchanged} unchanged"
            f"{f', {self.removed} removed' if self.removed else ''})"
            f"{'' if self.published else ', nothing new to publish'}; skipped: {skipped}"
        )


def extraction_key(model: str) -> str:
    """What the extraction output depends on: the code's extraction version and the model's version."""
    try:
        from importlib.metadata import PackageNotFoundError
        from importlib.metadata import version as package_version

        version = package_version(model)
    except (PackageNotFoundError, ValueError):  # a model loaded from a path; an unknown one fails at load
        version = "?"
    return f"{settings.EXTRACTION_VERSION}|{model}|{version}"


def run(raw: Path, out: Path, *, model: str = settings.DEFAULT_MODEL, progress: bool | None = None,
        incremental: bool = False, sites: Path | None = None, workers: int = 1,
        scheduler: str | None = None, allow_empty: bool = False) -> RunReport:
    """Run every stage on the files under raw and publish the dataset under out, under a lock.

    A run that read no file and would remove published releases is refused unless allow_empty.
    """
    raw, out = Path(raw), Path(out)
    if sites is None and not raw.is_dir():
        raise ConfigError(f"raw directory {raw} does not exist")
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
    report = RunReport(started=_now(), raw=str(raw), out=str(out), model=model, incremental=incremental)
    try:
        return _run_locked(report, raw, out, model, sys.stderr.isatty() if progress is None else progress,
                           incremental, sites, workers, scheduler, allow_empty)
    except BaseException as exc:
        _report_failure(out, report, exc)
        raise
    finally:
        lock.release()


def _report_failure(out: Path, report: RunReport, error: BaseException) -> None:
    """Write the report of a failed run with its error: after a failure the operator reads it first."""
    if isinstance(error, PipelineError):
        report.error = str(error)
    else:  # an interruption or a bug: its type says most (a KeyboardInterrupt has no message)
        report.error = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    try:
        _finish(out, report)
    except OutputError as exc:  # _runs cannot be written (often the very error): the error line says it all
        LOGGER.info("cannot write the report of the failed run: %s", exc)


def _run_locked(report: RunReport, raw: Path, out: Path, model: str, progress: bool, incremental: bool,
                sites: Path | None, workers: int, scheduler: str | None, allow_empty: bool) -> RunReport:
    _refuse_files_in_the_way(out)
    clean_staging(out)
    _refuse_foreign_tables(out)  # before any work: nothing foreign is overwritten, nothing damaged is read
    timer = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal timer
        now = time.perf_counter()
        report.seconds[stage] = round(report.seconds.get(stage, 0.0) + now - timer, 3)
        timer = now

    if sites is not None:
        _scrape(sites, raw, report)
        lap("scrape")
    key = extraction_key(model)
    state = load_state(out, key) if incremental else State(extraction_key=key)
    todo = _new_files(raw, state, report)
    lap("scan")
    if incremental and not todo and state.state_id is not None and _published_state(out) == state.state_id:
        report.releases = pq.read_metadata(out / settings.RELEASES_TABLE / "part-0.parquet").num_rows
        report.unchanged = report.releases
        return _finish(out, report)
    _clean_state_temporaries(out)
    spill = out / STATE_DIR / f".tmp-new-{uuid.uuid4().hex}.parquet"
    try:
        processed = _process(todo, state, report, model, workers, scheduler, progress, spill)
        timer = time.perf_counter()  # _process timed read, split, load_model and extract itself
        cache = _updated_cache(out, state, processed, spill)
    except OSError as exc:  # the spill file: a full disk or a read-only output directory
        raise OutputError(f"cannot write the new records to {spill.parent}: {os_reason(exc)}") from exc
    finally:
        spill.unlink(missing_ok=True)
    try:
        _publish(out, state, cache, report, allow_empty)
    finally:
        cache.unlink(missing_ok=True)  # renamed into place when published; a leftover otherwise
    lap("dedup")
    # Dedup and write interleave window by window; _publish timed the writing part.
    report.seconds["dedup"] = round(report.seconds["dedup"] - report.seconds.get("write", 0.0), 3)
    return _finish(out, report)


def _publish(out: Path, state: State, cache: Path, report: RunReport, allow_empty: bool) -> None:
    """Deduplicate the cache into staged tables, then publish the state and the tables, in that order.

    The tables are stamped with the state they were built from: after a crash between the two, the
    next run sees the stamps differ and publishes the tables again.
    """
    old_digests = _old_digests(out)  # before anything is written: a corrupt table stops the run here
    with dedup_stream(lambda: iter_cache(cache), _extra_sources(state), settings.EXTRACTION_VERSION,
                      scratch=out / STATE_DIR) as stream:
        _stage_and_publish(out, state, cache, stream, old_digests, report, allow_empty)


def _stage_and_publish(out: Path, state: State, cache: Path, stream: DedupStream, old_digests: dict[str, str],
                       report: RunReport, allow_empty: bool) -> None:
    report.releases, report.duplicates_merged = stream.releases, stream.merged
    state.state_id = uuid.uuid4().hex
    # The stamped releases table is published last: a crash among the renames leaves its old stamp.
    schemas = {"release_versions": RELEASE_VERSIONS, **SCHEMAS,
               settings.RELEASES_TABLE: RELEASES.with_metadata({STATE_ID_KEY: state.state_id})}
    new_digests: dict[str, str] = {}
    writing = 0.0
    with StagedTables(out, schemas) as staged:
        for window in stream.windows():
            started = time.perf_counter()
            staged.write(settings.RELEASES_TABLE, window)
            for name, table in flat_tables(window).items():
                staged.write(name, table)
            writing += time.perf_counter() - started
            new_digests.update(_row_digests(window))
        started = time.perf_counter()
        staged.write("release_versions", stream.versions)
        _count_changes(old_digests, new_digests, report)
        if report.removed and not report.files_read and not allow_empty:
            # An empty or wrong --raw looks exactly like this: never wipe a dataset without being told to.
            raise ConfigError(f"no file was read from {report.raw}, and publishing would remove {report.removed} of "
                              f"the {len(old_digests)} published releases; check --raw, or pass --allow-empty "
                              "to publish anyway")
        staged.finish()  # every byte on disk before the state moves: a full disk stops the run here
        # State first, tables second (see above).
        move_into_place(cache, out / STATE_DIR / CACHE)
        state.cache = out / STATE_DIR / CACHE
        write_json(out / STATE_DIR / MANIFEST, manifest_payload(state))
        staged.publish()
        writing += time.perf_counter() - started
    report.seconds["write"] = round(writing, 3)
    report.published = True


def _refuse_files_in_the_way(out: Path) -> None:
    """Raise OutputError, naming the file, when a file stands where the run needs a directory, or the reverse."""
    for name in (STATE_DIR, settings.RUNS_DIR, *TABLES):
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
            why = f"no {STATE_ID_KEY.decode()} in its metadata"  # stamped at every publish (_stage_and_publish)
        elif "release_id" not in found.names or (name != settings.RELEASES_TABLE and found.names != schema.names):
            why = f"its columns are not the {name} table's"
        else:
            continue
        raise DatasetError(f"{part} was not written by this pipeline ({why}); nothing was overwritten: "
                           "move it away, or choose another --out")


def _clean_state_temporaries(out: Path) -> None:
    """Remove half-written state files a crashed run left behind."""
    for stale in (out / STATE_DIR).glob(".tmp-*"):
        if stale.is_dir():
            shutil.rmtree(stale, ignore_errors=True)
        else:
            stale.unlink(missing_ok=True)


def _process(todo: list[tuple[Path, str | None]], state: State, report: RunReport, model: str, workers: int,
             scheduler: str | None, progress: bool, spill: Path) -> list[str]:
    """Read, split and extract new snapshots in chunks into the spill file; only one chunk of records
    is in memory at a time. Returns the sha256 of every snapshot processed."""
    processed: list[str] = []
    pending: list[Release] = []
    sha_of: dict[str, str] = {}
    seconds = report.seconds
    warmed = False

    def timed(stage: str, started: float) -> float:
        now = time.perf_counter()
        seconds[stage] = round(seconds.get(stage, 0.0) + now - started, 3)
        return now

    spill.parent.mkdir(parents=True, exist_ok=True)
    with Extractor(model, workers=workers, scheduler=scheduler) as extractor, \
            pq.ParquetWriter(spill, RECORD_CACHE, compression="zstd") as writer, \
            tqdm(total=len(todo), desc="process", unit="file", disable=not progress) as bar:

        waiting: Callable[[], list[Release]] | None = None  # the chunk the workers are on

        def collect() -> None:
            nonlocal waiting
            if waiting is None:
                return
            started = time.perf_counter()
            extracted = waiting()
            waiting = None
            rows = [to_cache_row(r, sha_of[r.sources[0]], state.extraction_key) for r in extracted]
            writer.write_batch(pa.RecordBatch.from_pylist(rows, schema=RECORD_CACHE))
            report.records += len(extracted)
            report.records_with_warnings += sum(1 for r in extracted if r.warnings)
            timed("extract", started)

        def flush() -> None:
            nonlocal warmed, waiting
            started = time.perf_counter()
            if not warmed:
                extractor.warm()
                started = timed("load_model", started)
                warmed = True
            # Hand the new chunk over before collecting the last one: workers never wait on this process.
            submitted = extractor.submit(list(pending))
            pending.clear()
            timed("extract", started)
            collect()
            waiting = submitted

        for path, _sha in todo:
            started = time.perf_counter()
            page = _read_one(path, state, report)
            started = timed("read", started)
            bar.update()
            if page is None:
                continue
            releases = _split_one(page, report)
            timed("split", started)
            if releases is None:
                _forget(state, path)  # the next run tries the file again
                continue
            _remember(state, path, page.sha256, "ok")  # read and split: done
            processed.append(page.sha256)
            sha_of[page.source] = page.sha256
            pending.extend(releases)
            if len(pending) >= settings.NLP_CHUNK_SIZE:
                flush()
        if pending:
            flush()
        collect()
    report.snapshots_processed = len(processed)
    return processed


def _finish(out: Path, report: RunReport) -> RunReport:
    report.finished = _now()
    # Microseconds and the pid: two runs in one second (tests, a retry loop) keep both reports.
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    write_json(out / settings.RUNS_DIR / f"{stamp}-{os.getpid()}.json", asdict(report))
    return report


def _published_state(out: Path) -> str | None:
    """The state id the published releases table was built from; None when there is none to read."""
    try:
        metadata = pq.read_schema(out / settings.RELEASES_TABLE / "part-0.parquet").metadata or {}
    except (OSError, pa.ArrowException):
        return None
    return metadata.get(STATE_ID_KEY, b"").decode() or None


def _scrape(sites: Path, raw: Path, report: RunReport) -> None:
    from .scrape import load_sites, scrape

    result = scrape(load_sites(sites), raw)
    report.pages_fetched = result.pages_fetched
    report.scrape_failures = [list(f) for f in result.failures]


def _new_files(raw: Path, state: State, report: RunReport) -> list[tuple[Path, str | None]]:
    """Raw files whose snapshot has not been processed with this extraction, with any known sha256."""
    todo: list[tuple[Path, str | None]] = []
    seen_paths = set()
    root = raw.resolve()
    for path in iter_raw_files(raw):
        report.files_seen += 1
        seen_paths.add(str(path))
        outside = _outside(root, path)
        if outside:
            LOGGER.warning("skipped %r: %s", str(path), outside)
            report.files_skipped.append((str(path), outside))
            continue  # never read, never remembered: checked again on every run
        try:
            stat = path.stat()
        except OSError:
            todo.append((path, None))
            continue
        known = state.files.get(str(path))
        if known and known.get("size") == stat.st_size and known.get("mtime_ns") == stat.st_mtime_ns:
            if known.get("sha256") in state.processed:
                continue
            todo.append((path, known.get("sha256")))
        else:
            todo.append((path, None))
    return todo


def _outside(root: Path, path: Path) -> str | None:
    """Why a raw path must not be read: it resolves (through a link) outside the raw directory."""
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError) as exc:  # a dangling link or a loop
        return f"outside --raw: cannot resolve the link ({exc})"
    if target.is_relative_to(root):
        return None  # a link to another file under raw is fine
    return f"outside --raw: links to {target}"


def _read_one(path: Path, state: State, report: RunReport) -> Page | None:
    """Read one raw file; None when it is skipped (with its reason) or its bytes were processed before."""
    try:
        page = read(path)
    except SkipInput as skip:
        LOGGER.warning("skipped %r: %s", skip.path, skip.reason)
        report.files_skipped.append((skip.path, skip.reason))
        if skip.retry:
            _forget(state, path)
        else:  # empty, binary, too large: the same bytes will be skipped again, so remember it
            _remember(state, path, None, skip.reason)
        return None
    except Exception as exc:  # an unreadable oddity is one skipped file, never a lost run
        LOGGER.exception("read failed on %r", str(path))
        report.files_skipped.append((str(path), f"read failed: {type(exc).__name__}: {exc}"))
        _forget(state, path)
        return None
    if page.sha256 in state.processed:
        _remember(state, path, page.sha256, state.processed[page.sha256])
        return None  # the same snapshot under another name: already in the cache
    report.files_read += 1
    return page


def _forget(state: State, path: Path) -> None:
    """Drop what an earlier run knew of a file, so that the next run reads it again."""
    state.files.pop(str(path), None)


def _remember(state: State, path: Path, sha: str | None, outcome: str) -> None:
    try:
        stat = path.stat()
    except OSError:
        return
    if sha is None:
        sha = hashlib.sha256(f"{path}|{stat.st_size}|{stat.st_mtime_ns}".encode()).hexdigest()
    state.files[str(path)] = {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "sha256": sha}
    state.processed[sha] = outcome


def _split_one(page: Page, report: RunReport) -> list[Release] | None:
    """The releases on a page; None when the splitter failed on it."""
    try:
        found = split(page)
    except Exception as exc:  # a bug on one odd page must not lose the rest of the run
        LOGGER.exception("split failed on %r", page.source)
        report.files_skipped.append((page.source, f"split failed: {type(exc).__name__}: {exc}"))
        return None
    if not found:
        report.files_skipped.append((page.source, "no releases on the page"))
    return found


def _updated_cache(out: Path, state: State, processed: list[str], spill: Path) -> Path:
    """A new cache file: the cached records less every reprocessed snapshot's, then the new ones."""
    target = out / STATE_DIR / f".tmp-records-{uuid.uuid4().hex}.parquet"
    reprocessed = pa.array(processed, type=pa.string())
    try:
        with pq.ParquetWriter(target, RECORD_CACHE, compression="zstd") as writer:
            for batch in _read_cache(state.cache, out):
                writer.write_batch(batch.filter(pc.invert(pc.is_in(batch.column("source_sha256"), reprocessed))))
            for batch in iter_cache(spill):
                writer.write_batch(batch)
    except OSError as exc:
        target.unlink(missing_ok=True)
        raise OutputError(f"cannot write {target}: {os_reason(exc)}") from exc
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return target


def _read_cache(path: Path | None, out: Path) -> Iterator[pa.RecordBatch]:
    """The batches of the record cache; damage found half-way is a clear error, not a traceback."""
    try:
        yield from iter_cache(path)
    except (OSError, pa.ArrowException) as exc:
        raise OutputError(f"the record cache {path} is unreadable ({exc}); delete {out / STATE_DIR} "
                          "and run again to rebuild it from raw") from exc


def _extra_sources(state: State) -> dict[str, list[str]]:
    """Every raw path holding each snapshot's bytes, so a copy under another name counts as a source."""
    paths_of: dict[str, list[str]] = {}
    for path, known in state.files.items():
        paths_of.setdefault(known["sha256"], []).append(path)
    return {sha: paths for sha, paths in paths_of.items() if len(paths) > 1}


def _old_digests(out: Path) -> dict[str, str]:
    path = out / settings.RELEASES_TABLE / PART_NAME
    try:
        return _row_digests(pq.ParquetFile(path)) if path.exists() else {}
    except (OSError, pa.ArrowException) as exc:  # damage past the footer that _refuse_foreign_tables read
        raise DatasetError(f"{path} is not a readable Parquet file ({exc}); move it away and run again") from exc


def _count_changes(old: dict[str, str], new: dict[str, str], report: RunReport) -> None:
    report.added = sum(1 for rid in new if rid not in old)
    report.updated = sum(1 for rid, digest in new.items() if rid in old and old[rid] != digest)
    report.unchanged = len(new) - report.added - report.updated
    report.removed = sum(1 for rid in old if rid not in new)


def _row_digests(source: pa.Table | pq.ParquetFile) -> dict[str, str]:
    """release_id -> digest of the row (last_seen aside), computed a batch at a time."""
    digests = {}
    for batch in source.iter_batches(batch_size=5_000) if isinstance(source, pq.ParquetFile) \
            else source.to_batches(max_chunksize=5_000):
        for row in batch.to_pylist():
            row.pop("last_seen", None)
            digests[row["release_id"]] = hashlib.sha256(repr(sorted(row.items())).encode()).hexdigest()[:16]
    return digests


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
