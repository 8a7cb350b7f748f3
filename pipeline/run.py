"""`run()`: the stages in sequence under the output directory's lock; the run report is their StageInfos.

`run(..., incremental=True)` is the nightly refresh: what is new → the stages on it → merge → publish.
"""
from __future__ import annotations

import functools
import logging
import sys
from pathlib import Path

from . import settings
from .errors import ConfigError
from .report import RunReport, StageInfo, error_text, now
from .stages import dedup_and_write, extract_new, scan, scrape_sites
from .state import StateStore

LOGGER = logging.getLogger(__name__)


def run(raw: Path, out: Path, *, model: str = settings.DEFAULT_MODEL, progress: bool | None = None,
        incremental: bool = False, sites: Path | None = None, workers: int = 1,
        scheduler: str | None = None, allow_empty: bool = False) -> RunReport:
    """Run every stage on the files under raw and publish the dataset under out, under a lock.

    A run that read no file and would remove published releases is refused unless allow_empty.
    """
    raw, out = Path(raw), Path(out)
    if sites is None and not raw.is_dir():
        raise ConfigError(f"raw directory {raw} {'is not a directory' if raw.exists() else 'does not exist'}")
    show = sys.stderr.isatty() if progress is None else progress
    stages: list[StageInfo] = []
    with StateStore.locked(out) as store:
        report = functools.partial(RunReport.of, stages, started=now(), raw=str(raw), out=str(out), model=model,
                                   incremental=incremental)
        try:
            store.check()  # before any work: nothing foreign is overwritten, nothing damaged is read
            if sites is not None:
                stages.append(scrape_sites(sites, raw))
            state, todo, scanned = scan(raw, store, extraction_key(model), incremental=incremental)
            stages.append(scanned)
            unchanged = store.published_rows(state) if incremental and not todo else None
            if unchanged is not None:  # nothing new, and the published tables are this state's: a no-op
                stages.append(StageInfo(name="write", items_in=unchanged, counts={"unchanged": unchanged}))
                return _finish(store, report())
            with store.spill() as spill:
                processed, extracted = extract_new(todo, state, spill, model=model, workers=workers,
                                                   scheduler=scheduler, progress=show)
                stages.extend(extracted)
                files_read = sum(stage.items_out for stage in extracted if stage.name == "read")
                stages.extend(dedup_and_write(store, state, processed, spill, files_read=files_read, raw=raw,
                                              allow_empty=allow_empty))
            return _finish(store, report(published=True))
        except BaseException as exc:
            store.report_failure(report(error=error_text(exc)))
            raise


def _finish(store: StateStore, report: RunReport) -> RunReport:
    """Log what each stage did (`-v`) and write the run report."""
    for stage in report.stages:
        LOGGER.info("%s: %d in, %d out, %d dropped, %.3f s %s", stage.name, stage.items_in, stage.items_out,
                    len(stage.dropped), stage.seconds, stage.counts or "")
    return store.write_report(report)


def extraction_key(model: str) -> str:
    """What the extraction output depends on: the code's extraction version and the model's version."""
    try:
        from importlib.metadata import PackageNotFoundError
        from importlib.metadata import version as package_version

        version = package_version(model)
    except (PackageNotFoundError, ValueError):  # a model loaded from a path; an unknown one fails at load
        version = "?"
    return f"{settings.EXTRACTION_VERSION}|{model}|{version}"
