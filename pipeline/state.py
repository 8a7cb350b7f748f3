"""Incremental state: which raw snapshots were processed, and the records each one gave."""
from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from .schema import RECORD_CACHE

LOGGER = logging.getLogger(__name__)

STATE_DIR = "_state"
MANIFEST = "manifest.json"
CACHE = "records.parquet"


@dataclass(slots=True, kw_only=True)
class State:
    """What earlier runs did: file fingerprints, processed snapshots, and their cached records."""

    extraction_key: str = ""
    files: dict[str, dict] = field(default_factory=dict)  # path -> {size, mtime_ns, sha256}
    processed: dict[str, str] = field(default_factory=dict)  # sha256 -> "ok" or the skip reason
    cache: Path | None = None  # the records of every processed snapshot (Parquet), read in batches
    state_id: str | None = None  # a new id at every publish; the releases table carries the same one


def load_state(out_dir: Path, extraction_key: str) -> State:
    """Load the state of out_dir; an absent, stale or unreadable state means: process everything."""
    base = out_dir / STATE_DIR
    if not (base / MANIFEST).exists():
        return State(extraction_key=extraction_key)
    try:
        manifest = json.loads((base / MANIFEST).read_text(encoding="utf-8"))
        _check_shape(manifest)
        cache = base / CACHE if (base / CACHE).exists() else None
        if cache is not None and pq.read_schema(cache).names != RECORD_CACHE.names:  # types: cast on read
            raise ValueError(f"{cache} does not have the record cache's schema")
    except (OSError, ValueError, TypeError, pa.ArrowException) as exc:
        LOGGER.warning("incremental state in %s is unreadable (%s): every raw file will be processed again", base, exc)
        return State(extraction_key=extraction_key)
    if manifest.get("extraction_key") != extraction_key:
        LOGGER.info("extraction changed (%s -> %s): reprocessing every snapshot", manifest.get("extraction_key"),
                    extraction_key)
        return State(extraction_key=extraction_key, files=manifest.get("files", {}))
    return State(extraction_key=extraction_key, files=manifest.get("files", {}),
                 processed=manifest.get("processed", {}), cache=cache, state_id=manifest.get("state_id"))


def _check_shape(manifest: object) -> None:
    """Raise TypeError unless the manifest has the shape manifest_payload writes."""
    if not isinstance(manifest, dict):
        raise TypeError("the manifest is not a JSON object")
    files, processed = manifest.get("files", {}), manifest.get("processed", {})
    if not isinstance(files, dict) or not all(
            isinstance(known, dict) and isinstance(known.get("size"), int) and isinstance(known.get("mtime_ns"), int)
            and isinstance(known.get("sha256"), str) for known in files.values()):
        raise TypeError("its files are not {path: {size, mtime_ns, sha256}}")
    if not isinstance(processed, dict) or not all(isinstance(outcome, str) for outcome in processed.values()):
        raise TypeError("its processed snapshots are not {sha256: outcome}")
    if not isinstance(manifest.get("state_id"), str | None):
        raise TypeError("its state_id is not a string")


def iter_cache(path: Path | None, batch_rows: int = 5_000) -> Iterator[pa.RecordBatch]:
    """The records of a cache file a batch at a time; nothing when there is no cache."""
    if path is None:
        return
    for batch in pq.ParquetFile(path).iter_batches(batch_size=batch_rows):
        yield batch.cast(RECORD_CACHE)


def manifest_payload(state: State) -> dict:
    """The JSON document that records a state."""
    return {"extraction_key": state.extraction_key, "state_id": state.state_id, "files": state.files,
            "processed": state.processed}
