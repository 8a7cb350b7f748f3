"""Write stage: publish tables and run reports atomically, so readers never see half a dataset."""
from __future__ import annotations

import json
import logging
import os
import shutil
import uuid
from pathlib import Path
from typing import Self

import pyarrow as pa
import pyarrow.parquet as pq

from . import settings
from .errors import OutputError, os_reason
from .files import fsync_dir, write_atomically

LOGGER = logging.getLogger(__name__)

PART_NAME = "part-0.parquet"  # one file per table: a single os.replace publishes it whole


def clean_staging(out_dir: Path) -> int:
    """Remove staging directories a crashed run left behind; return how many."""
    removed = 0
    if out_dir.is_dir():
        for stale in out_dir.glob(settings.STAGING_PREFIX + "*"):
            shutil.rmtree(stale, ignore_errors=True)
            removed += 1
    return removed


class StagedTables:
    """Tables written a batch at a time into a staging directory, then published together: each one
    replaces <out>/<name>/part-0.parquet by an atomic rename after every file is fsynced.

    Leaving the `with` block without `publish()` (an error, a crash) leaves the dataset as it was.
    """

    def __init__(self, out_dir: Path, schemas: dict[str, pa.Schema]) -> None:
        self.out_dir = out_dir
        self.schemas = schemas
        self._writers: dict[str, pq.ParquetWriter] = {}
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
            for name in schemas:
                _refuse_foreign_files(out_dir / name)
            self.staging = out_dir / f"{settings.STAGING_PREFIX}{uuid.uuid4().hex}"
            self.staging.mkdir()
        except OSError as exc:
            raise OutputError(f"cannot write to {out_dir}: {os_reason(exc)}") from exc

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc: object) -> None:
        for writer in self._writers.values():
            try:
                writer.close()
            except (OSError, pa.ArrowException):
                pass  # already failing: the staging directory goes anyway
        self._writers.clear()
        shutil.rmtree(self.staging, ignore_errors=True)

    def write(self, name: str, table: pa.Table) -> None:
        """Append rows to one staged table."""
        try:
            if name not in self._writers:
                self._writers[name] = pq.ParquetWriter(self.staging / f"{name}.parquet", self.schemas[name],
                                                       compression="zstd")
            self._writers[name].write_table(table.cast(self.schemas[name]))
        except OSError as exc:
            raise OutputError(f"cannot write the dataset to {self.out_dir}: {os_reason(exc)}") from exc

    def finish(self) -> None:
        """Close and fsync every staged table (a table never written is written empty); nothing is
        visible to readers yet."""
        try:
            for name, schema in self.schemas.items():
                if name not in self._writers and not (self.staging / f"{name}.parquet").exists():
                    self.write(name, schema.empty_table())
                if name in self._writers:
                    self._writers.pop(name).close()
                    with open(self.staging / f"{name}.parquet", "rb+") as handle:
                        os.fsync(handle.fileno())
            fsync_dir(self.staging)
        except OSError as exc:
            raise OutputError(f"cannot write the dataset to {self.out_dir}: {os_reason(exc)}") from exc

    def publish(self) -> list[Path]:
        """Finish, then rename every staged table into place, in the order of `schemas`."""
        self.finish()
        published = []
        try:
            for name in self.schemas:
                target_dir = self.out_dir / name
                target_dir.mkdir(exist_ok=True)
                os.replace(self.staging / f"{name}.parquet", target_dir / PART_NAME)
                fsync_dir(target_dir)
                published.append(target_dir / PART_NAME)
        except OSError as exc:
            raise OutputError(f"cannot write the dataset to {self.out_dir}: {os_reason(exc)}") from exc
        return published


def _refuse_foreign_files(target_dir: Path) -> None:
    foreign = sorted(p.name for p in target_dir.glob("*.parquet") if p.name != PART_NAME) if target_dir.is_dir() else []
    if foreign:
        raise OutputError(
            f"{target_dir} holds files this pipeline did not write ({', '.join(foreign)}); "
            "move them away so readers see one consistent table"
        )


def write_tables(out_dir: Path, tables: dict[str, pa.Table]) -> list[Path]:
    """Write each table to <out>/<name>/part-0.parquet via a fsynced staging file and an atomic rename."""
    with StagedTables(out_dir, {name: table.schema for name, table in tables.items()}) as staged:
        for name, table in tables.items():
            staged.write(name, table)
        return staged.publish()


def move_into_place(source: Path, target: Path) -> None:
    """Move a finished file over `target` atomically: fsync it, rename it, fsync the directory."""
    try:
        with open(source, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(source, target)
        fsync_dir(target.parent)
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {os_reason(exc)}") from exc


def write_json(path: Path, payload: dict) -> None:
    """Write a JSON document atomically (temp file, fsync, rename)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(payload, indent=2, sort_keys=True, default=str)
        write_atomically(path, text.encode("utf-8"), prefix=".tmp-", suffix=".json")
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {os_reason(exc)}") from exc
