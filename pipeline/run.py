"""`run()`: the stages in sequence under the output directory's lock; the run report is their StageInfos.

`run(..., incremental=True)` is the nightly refresh: what is new and what is gone → the stages on the new →
merge → publish a new version.
"""
from __future__ import annotations

import functools
import logging
import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyarrow.parquet as pq

from . import settings
from .errors import ConfigError, StalledError, os_reason
from .report import RunReport, StageInfo, error_text, now
from .stages import dedup_and_write, read_split_extract, scan, scrape_sites
from .state import OutputDir
from .store import StagedVersion, check_output
from .versions import TABLES, current

LOGGER = logging.getLogger(__name__)


def run(raw: Path, out: Path, *, model: str = settings.DEFAULT_MODEL, progress: bool | None = None,
        incremental: bool = False, sites: Path | None = None, workers: int = 1,
        scheduler: str | None = None, allow_empty: bool = False) -> RunReport:
    """Run every stage on the files under raw and publish the dataset under out, under a lock.

    A run that read no file and would remove published releases is refused unless allow_empty.
    """
    raw, out = Path(raw), Path(out)
    if sites is None:
        _check_raw(raw)
    show = sys.stderr.isatty() if progress is None else progress
    stages: list[StageInfo] = []
    with OutputDir.locked(out) as output, _deadline(settings.RUN_TIMEOUT_S):
        report = functools.partial(RunReport.of, stages, started=now(), raw=str(raw), out=str(out), model=model,
                                   incremental=incremental)
        try:
            check_output(out)  # before any work: nothing foreign is overwritten, nothing damaged is read
            if sites is not None:
                stages.append(scrape_sites(sites, raw))
                _check_raw(raw)
            version = current(out)
            state = output.current_state(version, extraction_key(model), incremental=incremental)
            todo, scanned = scan(raw, state)
            stages.append(scanned)
            if version is not None and state.cache is not None and not todo and not scanned.counts.get("gone"):
                # Nothing new, nothing gone, and the state is the current version's: a no-op.
                unchanged = sum(pq.read_metadata(p).num_rows for p in version.files(settings.RELEASES_TABLE))
                stages.append(StageInfo(name="write", items_in=unchanged, counts={"unchanged": unchanged}))
                return _finish(output, report())
            with StagedVersion(out, TABLES) as staged:
                processed, extracted = read_split_extract(todo, state, staged.spill, root=raw.resolve(), model=model,
                                                          workers=workers, scheduler=scheduler, progress=show)
                stages.extend(extracted)
                stages.extend(dedup_and_write(output, state, processed, staged, version=version,
                                              incremental=incremental, raw=raw, allow_empty=allow_empty))
            return _finish(output, report(published=True))
        except BaseException as exc:
            output.report_failure(report(error=error_text(exc)))
            raise


def _check_raw(raw: Path) -> None:
    """Raise ConfigError unless raw is a directory this process can list."""
    if not raw.is_dir():
        raise ConfigError(f"raw directory {raw} {'is not a directory' if raw.exists() else 'does not exist'}")
    try:
        with os.scandir(raw):
            pass
    except OSError as exc:
        raise ConfigError(f"cannot read the raw directory {raw}: {os_reason(exc)}") from exc


@contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Stop the run with StalledError once it has gone on for `seconds` (a hung read, a stopped mount), so the
    lock is freed for the next night. Only the main thread can take the alarm; elsewhere nothing is set."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(_signum: int, _frame: object) -> None:
        raise StalledError(f"the run went on past the {seconds / 3600:g} h run timeout and stopped; "
                           "the published dataset is unchanged")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _finish(output: OutputDir, report: RunReport) -> RunReport:
    """Log what each stage did (`-v`) and write the run report."""
    for stage in report.stages:
        LOGGER.info("%s: %d in, %d out, %d dropped, %.3f s %s", stage.name, stage.items_in, stage.items_out,
                    len(stage.dropped), stage.seconds, stage.counts or "")
    return output.write_report(report)


def extraction_key(model: str) -> str:
    """What the extraction output depends on: the code's extraction version and the model's version."""
    try:
        from importlib.metadata import PackageNotFoundError
        from importlib.metadata import version as package_version

        version = package_version(model)
    except (PackageNotFoundError, ValueError):  # a model loaded from a path; an unknown one fails at load
        version = "?"
    return f"{settings.EXTRACTION_VERSION}|{model}|{version}"
