"""The run's stages. Each does its own work and returns its StageInfo (items in and out, drops with
reasons, seconds): scrape, scan (what is new, what is gone), read → split → extract (streamed a chunk at a
time into the new records' file), dedup → write (window by window into a new version, then published)."""
from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from tqdm import tqdm

from . import settings
from .dedup import History, dedup_stream, keep_first_seen
from .errors import ConfigError, OutputError, SkipInput, os_reason
from .extract.headlines import with_page_people
from .extract.parallel import Extractor
from .language import localize
from .rawdir import walk
from .read import read
from .records import Page, Release
from .report import WORKING_ON, Meter, StageInfo
from .schema import RECORD_CACHE, to_cache_row
from .split import segment
from .state import CACHE, MANIFEST, OutputDir, State, changes, iter_cache, manifest_payload, row_digests
from .store import StagedVersion
from .tables import flat_tables
from .versions import Version

LOGGER = logging.getLogger(__name__)


def scrape_sites(sites: Path, raw: Path) -> StageInfo:
    """Fetch the newsrooms of a sites file into raw snapshots."""
    from .scrape import load_sites, scrape

    meter = Meter("scrape")
    started = time.perf_counter()
    result = scrape(load_sites(sites), raw)
    meter.items_out = result.pages_fetched
    for url, reason in result.failures:
        meter.drop(url, reason)
    meter.took(started)
    return meter.info()


def scan(raw: Path, state: State) -> tuple[list[Path], StageInfo]:
    """The raw files whose snapshot the state has not processed with this extraction; the files it knew that
    raw no longer holds are forgotten (counted as `gone`), so their releases go as a full run's would.
    Entries that are not page files (a dangling link, a FIFO, a directory that cannot be listed) are
    dropped with their reason; what was under a directory that cannot be listed is kept as it was."""
    meter = Meter("scan")
    started = time.perf_counter()
    todo = []
    root = raw.resolve()
    listed: set[str] = set()
    unlisted: list[str] = []  # directories that cannot be listed now: their files are not gone
    for entry in walk(raw):
        meter.items_in += 1
        path = entry.path
        if entry.reason is not None:
            LOGGER.warning("skipped %r: %s", str(path), entry.reason)
            meter.drop(str(path), entry.reason)
            if entry.directory:
                unlisted.append(str(path) + os.sep)
            continue
        outside = _outside(root, path)
        if outside:
            LOGGER.warning("skipped %r: %s", str(path), outside)
            meter.drop(str(path), outside)
            continue  # never read, never remembered: checked again on every run
        listed.add(str(path))
        try:
            done = state.is_done(path, path.stat())
        except OSError:
            done = False
        if done:
            LOGGER.debug("%r: unchanged since its snapshot was processed", str(path))
            continue
        todo.append(path)
    for gone in sorted(set(state.files) - listed):
        if not gone.startswith(tuple(unlisted)):
            LOGGER.info("%r: gone from raw since the last run", gone)
            state.forget(gone)
            meter.count("gone")
    meter.items_out = len(todo)
    meter.took(started)
    return todo, meter.info()


def _outside(root: Path, path: Path) -> str | None:
    """Why a raw path must not be read: it resolves (through a link) outside the raw directory."""
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError) as exc:  # a dangling link or a loop
        return f"outside --raw: cannot resolve the link ({exc})"
    if target.is_relative_to(root):
        return None  # a link to another file under raw is fine
    return f"outside --raw: links to {target}"


def read_split_extract(todo: list[Path], state: State, spill: Path, *, root: Path, model: str, workers: int,
                       scheduler: str | None, progress: bool) -> tuple[list[str], list[StageInfo]]:
    """Read, split and extract new raw files in chunks into the spill file; only one chunk of records is in
    memory at a time. Returns the sha256 of every snapshot processed, and the four stages' StageInfos."""
    meters = Meter("read"), Meter("split"), Meter("load_model"), Meter("extract")
    try:
        processed = _read_split_extract(todo, state, spill, meters, root, model, workers, scheduler, progress)
    except OSError as exc:  # the spill file: a full disk or a read-only output directory
        raise OutputError(f"cannot write the new records to {spill.parent}: {os_reason(exc)}") from exc
    return processed, [m.info() for m in meters if m.items_in or m.seconds]


def _read_split_extract(todo: list[Path], state: State, spill: Path, meters: tuple[Meter, Meter, Meter, Meter],
                        root: Path, model: str, workers: int, scheduler: str | None, progress: bool) -> list[str]:
    reading, splitting, loading, extracting = meters
    spill.parent.mkdir(parents=True, exist_ok=True)
    processed: list[str] = []
    pending: list[Release] = []
    sha_of: dict[str, str] = {}
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
            extracting.items_out += len(extracted)
            extracting.count("with_warnings", sum(1 for r in extracted if r.warnings))
            extracting.took(started)

        def flush() -> None:
            nonlocal waiting
            started = time.perf_counter()
            if not loading.counts:
                extractor.warm()
                started = loading.took(started)
                loading.count("models")
            # Hand the new chunk over before collecting the last one: workers never wait on this process.
            extracting.items_in += len(pending)
            submitted = extractor.submit(list(pending))
            pending.clear()
            extracting.took(started)
            collect()
            waiting = submitted

        for path in todo:
            started = time.perf_counter()
            WORKING_ON.set(str(path))
            page = _read_one(path, root, state, reading)
            started = reading.took(started)
            bar.update()
            if page is None:
                continue
            releases = _split_one(page, splitting)
            splitting.took(started)
            if releases is None:
                state.forget(path)  # the next run tries the file again
                continue
            state.remember(path, page.sha256, "ok")  # read and split: done
            processed.append(page.sha256)
            sha_of[page.source] = page.sha256
            pending.extend(releases)
            if len(pending) >= settings.NLP_CHUNK_SIZE:
                flush()
        WORKING_ON.set(None)
        if pending:
            flush()
        collect()
    return processed


def _read_one(path: Path, root: Path, state: State, meter: Meter) -> Page | None:
    """Read one raw file, checked to be under root when opened; None when it is skipped (with its reason) or
    its bytes were processed before."""
    meter.items_in += 1
    try:
        page = read(path, root=root)
    except SkipInput as skip:
        LOGGER.warning("skipped %r: %s", skip.path, skip.reason)
        meter.drop(skip.path, skip.reason)
        if skip.retry:
            state.forget(path)
        else:  # empty, binary, too large: the same bytes will be skipped again, so remember it
            state.remember(path, None, skip.reason)
        return None
    except Exception as exc:  # an unreadable oddity is one skipped file, never a lost run
        LOGGER.exception("read failed on %r", str(path))
        meter.drop(str(path), f"read failed: {type(exc).__name__}: {exc}")
        state.forget(path)
        return None
    if page.sha256 in state.processed:
        LOGGER.debug("%r: the same snapshot as a file processed before", str(path))
        state.remember(path, page.sha256, state.processed[page.sha256])
        return None  # the same snapshot under another name: already in the cache
    meter.items_out += 1
    return page


def _split_one(page: Page, meter: Meter) -> list[Release] | None:
    """The releases on a page; None when the splitter failed on it. A page whose dates its records do not hold
    is flagged: it was not understood."""
    meter.items_in += 1
    try:
        found = segment(page)
        releases = localize(list(found.releases), page)  # each release's language, its date read in that language
        releases = with_page_people(releases)  # the surnames the page shows are people's
    except Exception as exc:  # a bug on one odd page must not lose the rest of the run
        LOGGER.exception("split failed on %r", page.source)
        meter.drop(page.source, f"split failed: {type(exc).__name__}: {exc}")
        return None
    meter.count("pages_done")
    meter.items_out += len(releases)
    if not releases:
        meter.drop(page.source, "no releases on the page")
    if not found.census.understood:
        LOGGER.warning("%r not understood: %s", page.source, found.census.describe())
        meter.flag(page.source, found.census.describe())
    LOGGER.debug("%r: %d releases (%s)", page.source, len(releases), found.how)
    return releases


def dedup_and_write(output: OutputDir, state: State, processed: list[str], staged: StagedVersion, *,
                    version: Version | None, incremental: bool, raw: Path, allow_empty: bool) -> list[StageInfo]:
    """Merge the new records into the record cache, deduplicate it into the staged version's tables, then
    publish the version (its tables and its state together)."""
    deduping, writing = Meter("dedup"), Meter("write")
    started = time.perf_counter()
    sources_of = state.sources_of()
    superseded = output.merged_cache(state, processed, staged.spill, staged.state_dir / CACHE)
    old_digests = output.published_digests(version)  # before anything is published: a damaged table stops here
    # A refresh carries the published history and first sightings on; a full run starts from raw alone.
    history = History(output.published(version, "release_versions") if incremental else None, superseded)
    first_seen = output.published(version, settings.RELEASES_TABLE, ["release_id", "first_seen"]) \
        if incremental else None
    new_digests: dict[str, str] = {}
    with dedup_stream(lambda: iter_cache(state.cache), sources_of, settings.EXTRACTION_VERSION,
                      scratch=staged.scratch) as stream:
        deduping.items_in = stream.records
        deduping.items_out = writing.items_in = stream.releases
        deduping.count("merged", stream.merged)
        for found in stream.windows():
            window = keep_first_seen(found, first_seen)
            history.see(window)
            started = deduping.took(started)
            staged.write(settings.RELEASES_TABLE, window)
            for name, table in flat_tables(window).items():
                staged.write(name, table)
            started = writing.took(started)
            new_digests.update(row_digests(window))
        started = deduping.took(started)
        staged.write("release_versions", history.table(stream.versions))
    writing.counts.update(changes(old_digests, new_digests))
    removed = writing.counts["removed"]
    if removed and not sources_of and not allow_empty:
        # An empty or wrong --raw looks exactly like this: never wipe a dataset without being told to.
        raise ConfigError(f"no file was read from {raw}, and publishing would remove {removed} of the "
                          f"{len(old_digests)} published releases; check --raw, or pass --allow-empty "
                          "to publish anyway")
    staged.write_json(f"{settings.STATE_DIR}/{MANIFEST}", manifest_payload(state))
    staged.finish()  # every byte on disk before anything is published: a full disk stops the run here
    published = staged.publish()
    writing.counts["versions_removed"] = len(published.removed)
    writing.items_out = stream.releases
    writing.took(started)
    return [deduping.info(), writing.info()]
