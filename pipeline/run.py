"""`run()`: the stages in sequence, read → split → extract → dedup → write, with a run report.

`run(..., incremental=True)` is the nightly refresh: it scrapes the configured sites, processes only
snapshots not processed before with the current extraction, and merges them into the dataset.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from filelock import FileLock, Timeout
from tqdm import tqdm

from . import settings
from .dedup import dedup
from .errors import ConfigError, LockedError, OutputError, SkipInput
from .read import iter_raw_files, read
from .records import Page, Release
from .schema import RECORD_CACHE, RELEASE_VERSIONS, from_cache_row, to_cache_row, to_row, to_table
from .split import split
from .state import CACHE, MANIFEST, STATE_DIR, State, load_state, manifest_payload
from .store import clean_staging, write_json, write_parquet, write_tables

LOGGER = logging.getLogger(__name__)


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
    scrape_failures: list[tuple[str, str]] = field(default_factory=list)
    files_seen: int = 0
    files_read: int = 0
    snapshots_processed: int = 0
    files_skipped: list[tuple[str, str]] = field(default_factory=list)
    records: int = 0
    releases: int = 0
    duplicates_merged: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    published: bool = False
    seconds: dict[str, float] = field(default_factory=dict)

    def summary_line(self) -> str:
        """One closing line for the terminal."""
        reasons = Counter(reason.split(":")[0] for _, reason in self.files_skipped)
        skipped = ", ".join(f"{n} {reason}" for reason, n in reasons.most_common()) or "none"
        return (
            f"{self.files_read} files read, {self.records} records, {self.duplicates_merged} duplicates merged, "
            f"{self.releases} releases ({self.added} added, {self.updated} updated, {self.unchanged} unchanged)"
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
        scheduler: str | None = None) -> RunReport:
    """Run every stage on the files under raw and publish the dataset under out, under a lock."""
    raw, out = Path(raw), Path(out)
    if sites is None and not raw.is_dir():
        raise ConfigError(f"raw directory {raw} does not exist")
    try:
        out.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(out / ".lock"), timeout=0)
        lock.acquire()
    except Timeout as exc:
        raise LockedError(f"another run holds {out / '.lock'}; try again when it has finished") from exc
    except OSError as exc:
        raise OutputError(f"cannot write to {out}: {exc.strerror or exc}") from exc
    try:
        return _run_locked(raw, out, model, sys.stderr.isatty() if progress is None else progress, incremental,
                           sites, workers, scheduler)
    finally:
        lock.release()


def _run_locked(raw: Path, out: Path, model: str, progress: bool, incremental: bool, sites: Path | None,
                workers: int, scheduler: str | None) -> RunReport:
    report = RunReport(started=_now(), raw=str(raw), out=str(out), model=model, incremental=incremental)
    clean_staging(out)
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
    pages = _read_all(todo, state, report, progress)
    lap("read")
    records = _split_all(pages, report)
    report.records = len(records)
    lap("split")
    extracted: list[Release] = []
    if records:
        # spaCy loads only when there is text to process, once per process that extracts.
        from .extract.parallel import extract_on_cluster, extract_parallel, nlp_for

        if scheduler:
            stream = extract_on_cluster(records, model, scheduler)
        else:
            if workers <= 1:
                nlp_for(model)
                lap("load_model")
            stream = extract_parallel(records, model, workers)
        extracted = list(tqdm(stream, total=len(records), desc="extract", unit="release", disable=not progress))
        lap("extract")
    report.snapshots_processed = len(pages)
    tables_exist = (out / settings.RELEASES_TABLE / "part-0.parquet").exists()
    if incremental and not todo and tables_exist:
        report.releases = pq.read_metadata(out / settings.RELEASES_TABLE / "part-0.parquet").num_rows
        report.unchanged = report.releases
        return _finish(out, report)
    cache = _updated_cache(state, pages, extracted)
    result = dedup(_cached_releases(cache, state))
    report.duplicates_merged = result.merged
    report.releases = len(result.releases)
    lap("dedup")
    releases = to_table([to_row(rid, r, settings.EXTRACTION_VERSION) for rid, r in result.releases])
    versions = to_table([
        {"release_id": v.release_id, "title": v.title, "summary": v.summary, "seen_at": v.seen_at,
         "sources": list(v.sources)} for v in result.versions
    ], RELEASE_VERSIONS)
    _count_changes(out, releases, report)
    state.cache = cache
    # State first, tables second: a crash in between only makes the next run redo some work.
    write_parquet(out / STATE_DIR / CACHE, cache)
    write_json(out / STATE_DIR / MANIFEST, manifest_payload(state))
    write_tables(out, {settings.RELEASES_TABLE: releases, "release_versions": versions})
    report.published = True
    lap("write")
    return _finish(out, report)


def _finish(out: Path, report: RunReport) -> RunReport:
    report.finished = _now()
    stamp = report.started.replace(":", "").replace("+0000", "Z")
    write_json(out / settings.RUNS_DIR / f"{stamp}-{os.getpid()}.json", asdict(report))
    return report


def _scrape(sites: Path, raw: Path, report: RunReport) -> None:
    from .scrape import load_sites, scrape

    result = scrape(load_sites(sites), raw)
    report.pages_fetched = result.pages_fetched
    report.scrape_failures = [list(f) for f in result.failures]


def _new_files(raw: Path, state: State, report: RunReport) -> list[tuple[Path, str | None]]:
    """Raw files whose snapshot has not been processed with this extraction, with any known sha256."""
    todo = []
    seen_paths = set()
    for path in iter_raw_files(raw):
        report.files_seen += 1
        seen_paths.add(str(path))
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


def _read_all(todo: list[tuple[Path, str | None]], state: State, report: RunReport, progress: bool) -> list[Page]:
    pages = []
    for path, _sha in tqdm(todo, desc="read", unit="file", disable=not progress):
        try:
            page = read(path)
        except SkipInput as skip:
            LOGGER.warning("skipped %s: %s", skip.path, skip.reason)
            report.files_skipped.append((skip.path, skip.reason))
            _remember(state, path, None, skip.reason)
            continue
        except Exception as exc:  # an unreadable oddity is one skipped file, never a lost run
            LOGGER.exception("read failed on %s", path)
            report.files_skipped.append((str(path), f"read failed: {type(exc).__name__}: {exc}"))
            continue
        if page.sha256 in state.processed:
            _remember(state, path, page.sha256, state.processed[page.sha256])
            continue  # the same snapshot under another name: already in the cache
        report.files_read += 1
        _remember(state, path, page.sha256, "ok")
        pages.append(page)
    return pages


def _remember(state: State, path: Path, sha: str | None, outcome: str) -> None:
    try:
        stat = path.stat()
    except OSError:
        return
    if sha is None:
        sha = hashlib.sha256(f"{path}|{stat.st_size}|{stat.st_mtime_ns}".encode()).hexdigest()
    state.files[str(path)] = {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "sha256": sha}
    state.processed[sha] = outcome


def _split_all(pages: list[Page], report: RunReport) -> list[Release]:
    records = []
    for page in pages:
        try:
            found = split(page)
        except Exception as exc:  # a bug on one odd page must not lose the rest of the run
            LOGGER.exception("split failed on %s", page.source)
            report.files_skipped.append((page.source, f"split failed: {type(exc).__name__}: {exc}"))
            continue
        if not found:
            report.files_skipped.append((page.source, "no releases on the page"))
        records.extend(found)
    return records


def _updated_cache(state: State, pages: list[Page], extracted: list[Release]) -> pa.Table:
    """The cached records with every reprocessed snapshot's rows replaced by the new ones."""
    sha_of = {page.source: page.sha256 for page in pages}
    rows = [to_cache_row(r, sha_of[r.sources[0]], state.extraction_key) for r in extracted]
    old = state.cache
    if pages and old.num_rows:
        old = old.filter(pc.invert(pc.is_in(old["source_sha256"], pa.array(list(sha_of.values())))))
    new = pa.Table.from_pylist(rows, schema=RECORD_CACHE)
    combined = pa.concat_tables([old, new]) if old.num_rows else new
    order = pc.sort_indices(combined, sort_keys=[("source_sha256", "ascending")])
    return combined.take(order)


def _cached_releases(cache: pa.Table, state: State) -> list[Release]:
    """Every cached record, its sources widened to every raw file holding the same snapshot bytes."""
    paths_of: dict[str, list[str]] = {}
    for path, known in state.files.items():
        paths_of.setdefault(known["sha256"], []).append(path)
    releases = []
    for row in cache.to_pylist():
        release = from_cache_row(row)
        paths = paths_of.get(row["source_sha256"])
        if paths:
            release = replace(release, sources=tuple(sorted(set(release.sources) | set(paths))))
        releases.append(release)
    return releases


def _count_changes(out: Path, releases: pa.Table, report: RunReport) -> None:
    path = out / settings.RELEASES_TABLE / "part-0.parquet"
    new = _row_digests(releases)
    try:
        old = _row_digests(pq.read_table(path)) if path.exists() else {}
    except (OSError, pa.ArrowException) as exc:
        raise OutputError(f"{path} is not a readable Parquet file ({exc}); move it away and run again") from exc
    report.added = sum(1 for rid in new if rid not in old)
    report.updated = sum(1 for rid, digest in new.items() if rid in old and old[rid] != digest)
    report.unchanged = len(new) - report.added - report.updated


def _row_digests(table: pa.Table) -> dict[str, str]:
    columns = [c for c in table.column_names if c not in {"last_seen"}]
    return {
        row["release_id"]: hashlib.sha256(repr(sorted(row.items())).encode()).hexdigest()
        for row in table.select(columns).to_pylist()
    }


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
