"""`run()`: the stages in sequence, read → split → extract → dedup → write, with a run report."""
from __future__ import annotations

import datetime as dt
import logging
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

from tqdm import tqdm

from . import settings
from .dedup import dedup
from .errors import ConfigError, SkipInput
from .extract import build_nlp, extract
from .read import iter_raw_files, read
from .records import Page, Release
from .schema import to_row, to_table
from .split import split
from .store import clean_staging, write_json, write_tables

LOGGER = logging.getLogger(__name__)


@dataclass(slots=True, kw_only=True)
class RunReport:
    """What a run did: counts in and out of each stage, skips with reasons, seconds per stage."""

    started: str
    finished: str = ""
    raw: str = ""
    out: str = ""
    model: str = ""
    files_read: int = 0
    files_skipped: list[tuple[str, str]] = field(default_factory=list)
    records: int = 0
    releases: int = 0
    duplicates_merged: int = 0
    warnings: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)

    def summary_line(self) -> str:
        """One closing line for the terminal."""
        reasons = Counter(reason.split(",")[0] for _, reason in self.files_skipped)
        skipped = ", ".join(f"{n} {reason}" for reason, n in reasons.most_common()) or "none"
        return (
            f"{self.files_read} files read, {self.records} records, {self.duplicates_merged} duplicates merged, "
            f"{self.releases} releases written; skipped: {skipped}"
        )


def _read_all(raw: Path, report: RunReport, progress: bool) -> list[Page]:
    pages = []
    files = list(iter_raw_files(raw))
    for path in tqdm(files, desc="read", unit="file", disable=not progress):
        try:
            pages.append(read(path))
            report.files_read += 1
        except SkipInput as skip:
            LOGGER.warning("skipped %s: %s", skip.path, skip.reason)
            report.files_skipped.append((skip.path, skip.reason))
        except Exception as exc:  # an unreadable oddity is one skipped file, never a lost run
            LOGGER.exception("read failed on %s", path)
            report.files_skipped.append((str(path), f"read failed: {type(exc).__name__}: {exc}"))
    return pages


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


def run(raw: Path, out: Path, *, model: str = settings.DEFAULT_MODEL, progress: bool | None = None) -> RunReport:
    """Run every stage on the files under raw and publish the dataset under out."""
    raw, out = Path(raw), Path(out)
    if not raw.is_dir():
        raise ConfigError(f"raw directory {raw} does not exist")
    progress = sys.stderr.isatty() if progress is None else progress
    report = RunReport(started=_now(), raw=str(raw), out=str(out), model=model)
    clean_staging(out)
    timer = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal timer
        now = time.perf_counter()
        report.seconds[stage] = round(now - timer, 3)
        timer = now

    pages = _read_all(raw, report, progress)
    lap("read")
    records = _split_all(pages, report)
    report.records = len(records)
    lap("split")
    nlp = build_nlp(model)
    lap("load_model")
    extracted = list(tqdm(extract(records, nlp), total=len(records), desc="extract", unit="release",
                          disable=not progress))
    lap("extract")
    result = dedup(extracted)
    report.duplicates_merged = result.merged
    report.releases = len(result.releases)
    lap("dedup")
    rows = [to_row(rid, release, settings.EXTRACTION_VERSION) for rid, release in result.releases]
    write_tables(out, {settings.RELEASES_TABLE: to_table(rows)})
    lap("write")
    report.finished = _now()
    write_json(out / settings.RUNS_DIR / f"{report.started.replace(':', '')}.json", asdict(report))
    return report


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
