"""What a run did: each stage's StageInfo, and the run report made of them."""
from __future__ import annotations

import contextvars
import datetime as dt
import itertools
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any, NamedTuple

from .errors import PipelineError

# The raw file or URL being handled: a library's log line, which names nothing, is tagged with it.
WORKING_ON: contextvars.ContextVar[str | None] = contextvars.ContextVar("pipeline_working_on", default=None)
# Drops of several stages interleave file by file; this numbers them so the report lists them in order.
_DROP_ORDER = itertools.count()


class Drop(NamedTuple):
    """An item a stage let go, and why."""

    item: str  # a raw file's path, a URL
    reason: str
    order: int  # when, among every stage's drops


@dataclass(frozen=True, slots=True, kw_only=True)
class StageInfo:
    """What one stage did: items in and out, the items it dropped and why, its seconds, its own counts."""

    name: str
    items_in: int = 0
    items_out: int = 0
    dropped: tuple[Drop, ...] = ()
    flagged: tuple[Drop, ...] = ()  # items the stage kept but doubts, and why (a page it did not understand)
    seconds: float = 0.0
    counts: dict[str, int] = field(default_factory=dict)  # what else the stage tallies (merged, added, ...)

    def to_dict(self) -> dict[str, Any]:
        """The stage as the run report's JSON holds it."""
        return {"name": self.name, "items_in": self.items_in, "items_out": self.items_out,
                "dropped": [[d.item, d.reason] for d in self.dropped],
                "flagged": [[d.item, d.reason] for d in self.flagged], "seconds": round(self.seconds, 3),
                "counts": self.counts}


class Meter:
    """A stage's tally while the stage runs; `info()` freezes it into the stage's StageInfo."""

    __slots__ = ("counts", "dropped", "flagged", "items_in", "items_out", "name", "seconds")

    def __init__(self, name: str) -> None:
        self.name = name
        self.items_in = 0
        self.items_out = 0
        self.dropped: list[Drop] = []
        self.flagged: list[Drop] = []
        self.seconds = 0.0
        self.counts: dict[str, int] = {}

    def took(self, started: float) -> float:
        """Add the time since `started` (a perf_counter reading) to the stage; return the time now."""
        now = time.perf_counter()
        self.seconds += now - started
        return now

    def drop(self, item: str, reason: str) -> None:
        """Record an item the stage let go, with the reason."""
        self.dropped.append(Drop(item, reason, next(_DROP_ORDER)))

    def flag(self, item: str, reason: str) -> None:
        """Record an item the stage kept but doubts, with the reason."""
        self.flagged.append(Drop(item, reason, next(_DROP_ORDER)))

    def count(self, name: str, n: int = 1) -> None:
        """Add n to one of the stage's own counts."""
        self.counts[name] = self.counts.get(name, 0) + n

    def info(self) -> StageInfo:
        """The stage's StageInfo as it stands."""
        return StageInfo(name=self.name, items_in=self.items_in, items_out=self.items_out,
                         dropped=tuple(self.dropped), flagged=tuple(self.flagged), seconds=self.seconds,
                         counts=dict(self.counts))


def error_text(error: BaseException) -> str:
    """Why a run failed, for its report: a pipeline error's own line; otherwise its type says most."""
    if isinstance(error, PipelineError):
        return str(error)
    # An interruption or a bug (a KeyboardInterrupt has no message).
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


def now() -> str:
    """The time now, as the report writes it."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True, kw_only=True)
class RunReport:
    """What a run did: its stages' StageInfos, and the totals the summary line and operators read."""

    started: str
    finished: str
    raw: str
    out: str
    model: str
    incremental: bool
    pages_fetched: int
    scrape_failures: list[list[str]]  # [url, reason]
    files_seen: int
    files_gone: int  # files an earlier run read that raw no longer holds: their releases go unless seen elsewhere
    files_read: int
    snapshots_processed: int
    files_skipped: list[tuple[str, str]]  # (path, reason), in the order the files were met
    pages_not_understood: list[tuple[str, str]]  # (path, the date census): most of the page's dates in no record
    records: int
    records_with_warnings: int  # each record's reasons are in its `warnings` column
    releases: int
    duplicates_merged: int
    added: int
    updated: int
    unchanged: int
    removed: int  # published before, gone now: said in the summary line, refused when nothing was read
    versions_removed: int  # old dataset versions removed (VERSIONS_KEPT are kept)
    published: bool
    error: str  # why the run failed; empty when it did not
    seconds: dict[str, float]
    stages: tuple[StageInfo, ...]

    @classmethod
    def of(cls, stages: list[StageInfo], *, started: str, raw: str, out: str, model: str, incremental: bool,
           published: bool = False, error: str = "") -> RunReport:
        """The report of a run that went through these stages (those of a failed run: as far as it got)."""
        by_name = {stage.name: stage for stage in stages}

        def stage(name: str) -> StageInfo:
            return by_name.get(name) or StageInfo(name=name)

        files = sorted((d for name in ("scan", "read", "split") for d in stage(name).dropped), key=lambda d: d.order)
        write = stage("write").counts
        return cls(
            started=started, finished=now(), raw=raw, out=out, model=model, incremental=incremental,
            pages_fetched=stage("scrape").items_out,
            scrape_failures=[[d.item, d.reason] for d in stage("scrape").dropped],
            files_seen=stage("scan").items_in, files_gone=stage("scan").counts.get("gone", 0),
            files_read=stage("read").items_out,
            snapshots_processed=stage("split").counts.get("pages_done", 0),
            files_skipped=[(d.item, d.reason) for d in files],
            pages_not_understood=[(d.item, d.reason) for d in stage("split").flagged],
            records=stage("extract").items_out, records_with_warnings=stage("extract").counts.get("with_warnings", 0),
            releases=stage("write").items_in, duplicates_merged=stage("dedup").counts.get("merged", 0),
            added=write.get("added", 0), updated=write.get("updated", 0), unchanged=write.get("unchanged", 0),
            removed=write.get("removed", 0), versions_removed=write.get("versions_removed", 0),
            published=published, error=error,
            seconds={s.name: round(s.seconds, 3) for s in stages}, stages=tuple(stages),
        )

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON holds it."""
        payload = asdict(self)
        payload["stages"] = [s.to_dict() for s in self.stages]
        return payload

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
            f"{f'; {self.files_gone} files gone from raw' if self.files_gone else ''}"
            f"{f'; {self.versions_removed} old versions removed' if self.versions_removed else ''}"
            + (f"; not understood: {len(self.pages_not_understood)} page"
               f"{'s' if len(self.pages_not_understood) != 1 else ''} (their dates are in no record: see the run "
               "report)" if self.pages_not_understood else "")
        )
