"""Write stage: publish tables and run reports atomically, so readers never see half a dataset."""
from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
import uuid
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from . import settings
from .errors import OutputError

LOGGER = logging.getLogger(__name__)

PART_NAME = "part-0.parquet"  # one file per table: a single os.replace publishes it whole


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def clean_staging(out_dir: Path) -> int:
    """Remove staging directories a crashed run left behind; return how many."""
    removed = 0
    if out_dir.is_dir():
        for stale in out_dir.glob(settings.STAGING_PREFIX + "*"):
            shutil.rmtree(stale, ignore_errors=True)
            removed += 1
    return removed


def write_tables(out_dir: Path, tables: dict[str, pa.Table]) -> list[Path]:
    """Write each table to <out>/<name>/part-0.parquet via a fsynced staging file and an atomic rename."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        staging = out_dir / f"{settings.STAGING_PREFIX}{uuid.uuid4().hex}"
        staging.mkdir()
    except OSError as exc:
        raise OutputError(f"cannot write to {out_dir}: {exc.strerror or exc}") from exc
    published = []
    try:
        staged = {}
        for name, table in tables.items():
            target_dir = out_dir / name
            foreign = sorted(p.name for p in target_dir.glob("*.parquet") if p.name != PART_NAME) if target_dir.is_dir() else []
            if foreign:
                raise OutputError(
                    f"{target_dir} holds files this pipeline did not write ({', '.join(foreign)}); "
                    "move them away so readers see one consistent table"
                )
            path = staging / f"{name}.parquet"
            pq.write_table(table, path, compression="zstd")
            with open(path, "rb+") as handle:
                os.fsync(handle.fileno())
            staged[name] = path
        _fsync_dir(staging)
        for name, path in staged.items():
            target_dir = out_dir / name
            target_dir.mkdir(exist_ok=True)
            target = target_dir / PART_NAME
            os.replace(path, target)
            _fsync_dir(target_dir)
            published.append(target)
    except OSError as exc:
        raise OutputError(f"cannot write the dataset to {out_dir}: {exc.strerror or exc}") from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return published


def write_parquet(path: Path, table: pa.Table) -> None:
    """Write one Parquet file atomically (temp file in the same directory, fsync, rename)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".parquet")
        os.close(fd)
        try:
            pq.write_table(table, tmp, compression="zstd")
            with open(tmp, "rb+") as handle:
                os.fsync(handle.fileno())
            os.replace(tmp, path)
            _fsync_dir(path.parent)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc


def write_json(path: Path, payload: dict) -> None:
    """Write a JSON document atomically (temp file, fsync, rename)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(payload, handle, indent=2, sort_keys=True, default=str)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
