"""The run's stages. Each takes records and returns records and its StageInfo (items in and out, drops
with reasons, seconds): scrape, scan (what is new), read → split → extract (streamed a chunk at a time
into the new records' file), dedup → write (window by window into the published tables)."""
from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from tqdm import tqdm

from . import settings
from .errors import ConfigError, OutputError, SkipInput, os_reason
from .extract.parallel import Extractor
from .language import localize
from .read import iter_raw_files, read
from .records import Page, Release
from .report import Meter, StageInfo
from .schema import RECORD_CACHE, to_cache_row
from .split import segment
from .state import State, StateStore, changes, iter_cache, row_digests
from .store import STATE_ID_KEY, TABLES, StagedTables, dedup_stream
from .tables import flat_tables

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


def scan(raw: Path, store: StateStore, extraction_key: str, *, incremental: bool
         ) -> tuple[State, list[Path], StageInfo]:
    """The state the run starts from, and the raw files whose snapshot it has not processed with this extraction."""
    meter = Meter("scan")
    started = time.perf_counter()
    state = store.load(extraction_key, incremental=incremental)
    todo = []
    root = raw.resolve()
    for path in iter_raw_files(raw):
        meter.items_in += 1
        outside = _outside(root, path)
        if outside:
            LOGGER.warning("skipped %r: %s", str(path), outside)
            meter.drop(str(path), outside)
            continue  # never read, never remembered: checked again on every run
        try:
            done = state.is_done(path, path.stat())
        except OSError:
            done = False
        if done:
            LOGGER.debug("%r: unchanged since its snapshot was processed", str(path))
            continue
        todo.append(path)
    meter.items_out = len(todo)
    meter.took(started)
    return state, todo, meter.info()


def _outside(root: Path, path: Path) -> str | None:
    """Why a raw path must not be read: it resolves (through a link) outside the raw directory."""
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError) as exc:  # a dangling link or a loop
        return f"outside --raw: cannot resolve the link ({exc})"
    if target.is_relative_to(root):
        return None  # a link to another file under raw is fine
    return f"outside --raw: links to {target}"


def extract_new(todo: list[Path], state: State, spill: Path, *, model: str, workers: int, scheduler: str | None,
                progress: bool) -> tuple[list[str], list[StageInfo]]:
    """Read, split and extract new raw files in chunks into the spill file; only one chunk of records is in
    memory at a time. Returns the sha256 of every snapshot processed, and the four stages' StageInfos."""
    meters = Meter("read"), Meter("split"), Meter("load_model"), Meter("extract")
    try:
        processed = _extract_new(todo, state, spill, meters, model, workers, scheduler, progress)
    except OSError as exc:  # the spill file: a full disk or a read-only output directory
        raise OutputError(f"cannot write the new records to {spill.parent}: {os_reason(exc)}") from exc
    return processed, [m.info() for m in meters if m.items_in or m.seconds]


def _extract_new(todo: list[Path], state: State, spill: Path, meters: tuple[Meter, Meter, Meter, Meter], model: str,
                 workers: int, scheduler: str | None, progress: bool) -> list[str]:
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
            page = _read_one(path, state, reading)
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
        if pending:
            flush()
        collect()
    return processed


def _read_one(path: Path, state: State, meter: Meter) -> Page | None:
    """Read one raw file; None when it is skipped (with its reason) or its bytes were processed before."""
    meter.items_in += 1
    try:
        page = read(path)
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


def dedup_and_write(store: StateStore, state: State, processed: list[str], spill: Path, *, files_read: int,
                    raw: Path, allow_empty: bool) -> list[StageInfo]:
    """Merge the new records into the record cache, deduplicate it into staged tables, then publish the
    state and the tables, in that order."""
    deduping, writing = Meter("dedup"), Meter("write")
    started = time.perf_counter()
    cache = store.merged_cache(state, processed, spill)
    try:
        old_digests = store.published_digests()  # before anything is written: a corrupt table stops the run here
        with dedup_stream(lambda: iter_cache(cache), state.extra_sources(), settings.EXTRACTION_VERSION,
                          scratch=store.base) as stream:
            deduping.items_in = stream.records
            deduping.items_out = writing.items_in = stream.releases
            deduping.count("merged", stream.merged)
            state.state_id = uuid.uuid4().hex
            # The stamped releases table is published last: a crash among the renames leaves its old stamp.
            schemas = {name: schema for name, schema in TABLES.items() if name != settings.RELEASES_TABLE}
            schemas[settings.RELEASES_TABLE] = TABLES[settings.RELEASES_TABLE].with_metadata(
                {STATE_ID_KEY: state.state_id})
            new_digests: dict[str, str] = {}
            with StagedTables(store.out, schemas) as staged:
                for window in stream.windows():
                    started = deduping.took(started)
                    staged.write(settings.RELEASES_TABLE, window)
                    for name, table in flat_tables(window).items():
                        staged.write(name, table)
                    started = writing.took(started)
                    new_digests.update(row_digests(window))
                started = deduping.took(started)
                staged.write("release_versions", stream.versions)
                writing.counts.update(changes(old_digests, new_digests))
                removed = writing.counts["removed"]
                if removed and not files_read and not allow_empty:
                    # An empty or wrong --raw looks exactly like this: never wipe a dataset without being told to.
                    raise ConfigError(f"no file was read from {raw}, and publishing would remove {removed} of the "
                                      f"{len(old_digests)} published releases; check --raw, or pass --allow-empty "
                                      "to publish anyway")
                staged.finish()  # every byte on disk before the state moves: a full disk stops the run here
                store.publish(state, cache, staged)
                writing.items_out = stream.releases
                writing.took(started)
    finally:
        cache.unlink(missing_ok=True)  # renamed into place when published; a leftover otherwise
    return [deduping.info(), writing.info()]
