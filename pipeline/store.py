"""Write stage: a new version of the dataset, every table and the state written into a staging directory,
fsynced, and made current by one atomic step (the `current` link replaced by a rename); versions older
than the last VERSIONS_KEPT removed. Readers never see half a version, nor two versions mixed."""
from __future__ import annotations

import json
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Self

import pyarrow as pa
import pyarrow.parquet as pq

from . import settings
from .errors import DatasetError, OutputError, os_reason
from .files import fsync_dir, write_json
from .versions import (
    CURRENT,
    LEGACY_VERSION,
    MANIFEST,
    PART_NAME,
    STATE_DIR,
    TABLES,
    VERSIONS_DIR,
    Version,
    current,
    manifest_payload,
    new_version_name,
    read_version,
    version_names,
)

LOGGER = logging.getLogger(__name__)

LEGACY_STAMP = b"pipeline.state_id"  # a releases table written before versions carries it in its metadata


def check_output(out: Path) -> None:
    """Before any work: refuse a file in the way or a foreign or damaged table (naming it), remove what a
    crashed run staged, and make a dataset written before versions the first version."""
    _refuse_files_in_the_way(out)
    clean_staging(out)
    _adopt_legacy(out)
    version = current(out)
    if version is not None:
        for name in TABLES:
            _refuse_foreign_files(version, name)


def _refuse_files_in_the_way(out: Path) -> None:
    """Raise OutputError, naming the file, when something stands where the run writes."""
    for name in (settings.RUNS_DIR, VERSIONS_DIR):
        path = out / name
        if os.path.lexists(path) and (path.is_symlink() or not path.is_dir()):
            raise OutputError(f"{path} is in the way: the run needs a directory there; move it away and run again")
    link = out / CURRENT
    if os.path.lexists(link) and not link.is_symlink():
        raise OutputError(f"{link} is in the way: the run keeps the link to the current version there; "
                          "move it away and run again")
    for name in TABLES:
        path = out / name
        if path.is_symlink():
            if os.readlink(path) != f"{CURRENT}/{name}":
                raise OutputError(f"{path} is in the way: a link the run did not make; move it away and run again")
        elif os.path.lexists(path) and not path.is_dir():
            raise OutputError(f"{path} is in the way: the run needs the {name} table there; move it away and "
                              "run again")
        elif (path / PART_NAME).is_dir():
            raise OutputError(f"{path / PART_NAME} is in the way: the run writes the {name} table there; "
                              "move it away and run again")


def _refuse_foreign_files(version: Version, name: str) -> None:
    """Raise OutputError when a table's directory holds Parquet files the version did not write: a reader
    globbing the directory would read them, and removing the version later must not delete them."""
    foreign = [n for n in version.foreign(name) if n.endswith(".parquet")]
    if foreign:
        raise OutputError(f"{version.out / name} holds files this pipeline did not write ({', '.join(foreign)}); "
                          "move them away so readers see one consistent table")


def clean_staging(out_dir: Path) -> int:
    """Remove what a crashed run staged (directories and links named `.staging-*`); return how many."""
    removed = 0
    if out_dir.is_dir():
        for stale in out_dir.glob(settings.STAGING_PREFIX + "*"):
            if stale.is_dir() and not stale.is_symlink():
                shutil.rmtree(stale, ignore_errors=True)
            else:
                stale.unlink(missing_ok=True)
            removed += 1
    return removed


def _adopt_legacy(out: Path) -> None:
    """Move the tables of a dataset written before versions (`<out>/<table>/part-0.parquet`) into the first
    version, and link each table's path to it. Every table keeps showing the same rows meanwhile, so a
    crash half-way leaves nothing mixed, and the next run finishes the move."""
    legacy = [name for name in TABLES if (out / name).is_dir() and not (out / name).is_symlink()]
    if not legacy:
        return
    for name in legacy:
        _refuse_foreign_table(out, name)
    holder = out / VERSIONS_DIR / LEGACY_VERSION
    link = out / CURRENT
    if os.path.lexists(link) and os.readlink(link) != f"{VERSIONS_DIR}/{LEGACY_VERSION}":
        raise OutputError(f"{out / legacy[0]} is in the way: a directory where the link to the current version's "
                          "table goes; move it away and run again")
    try:
        holder.mkdir(parents=True, exist_ok=True)
        moved = read_version(out, LEGACY_VERSION).tables if (holder / MANIFEST).exists() else {}
        tables = {name: list(files) for name, files in moved.items()}
        tables.update({name: [PART_NAME] if (out / name / PART_NAME).is_file() else [] for name in legacy})
        state = _adopt_legacy_state(out, holder)
        write_json(holder / MANIFEST, manifest_payload(LEGACY_VERSION, tables, state))
        fsync_dir(holder)
        if not os.path.lexists(link):
            _swap_current(out, LEGACY_VERSION)
        for name in legacy:
            os.rename(out / name, holder / name)
            os.symlink(f"{CURRENT}/{name}", out / name)
        fsync_dir(out)
    except OSError as exc:
        raise OutputError(f"cannot move the dataset in {out} into its first version: {os_reason(exc)}") from exc
    LOGGER.warning("the dataset in %s now lives in versions: %s is its first", out, holder)


def _adopt_legacy_state(out: Path, holder: Path) -> list[str]:
    """Move the state of a dataset written before versions into its version, when it is the state its tables
    were built from (the stamps agree); else leave it, and the next refresh reads every raw file again."""
    state = out / STATE_DIR
    if (holder / STATE_DIR).is_dir():
        return sorted(os.listdir(holder / STATE_DIR))
    try:
        stamp = (pq.read_schema(out / settings.RELEASES_TABLE / PART_NAME).metadata or {}).get(LEGACY_STAMP, b"")
        kept = json.loads((state / "manifest.json").read_text(encoding="utf-8")).get("state_id")
    except (OSError, ValueError, AttributeError, pa.ArrowException):
        return []
    if not stamp or kept != stamp.decode():
        LOGGER.warning("%s is not the state the tables were built from: the next refresh reads every raw file",
                       state)
        return []
    os.rename(state, holder / STATE_DIR)
    return sorted(os.listdir(holder / STATE_DIR))


def _refuse_foreign_table(out: Path, name: str) -> None:
    """Raise DatasetError (naming the file) when a table written before versions is damaged or is not this
    pipeline's, and OutputError when its directory holds files it did not write."""
    part = out / name / PART_NAME
    foreign = sorted(p.name for p in (out / name).glob("*.parquet") if p.name != PART_NAME)
    if foreign:
        raise OutputError(f"{out / name} holds files this pipeline did not write ({', '.join(foreign)}); "
                          "move them away so readers see one consistent table")
    if not part.is_file():
        return
    try:
        found = pq.read_schema(part)
    except (OSError, pa.ArrowException) as exc:
        raise DatasetError(f"{part} is not a readable Parquet file ({exc}); move it away and run again") from exc
    if name == settings.RELEASES_TABLE and LEGACY_STAMP not in (found.metadata or {}):
        why = f"no {LEGACY_STAMP.decode()} in its metadata"  # stamped at every publish before versions
    elif "release_id" not in found.names or (name != settings.RELEASES_TABLE
                                             and found.names != TABLES[name].names):
        why = f"its columns are not the {name} table's"
    else:
        return
    raise DatasetError(f"{part} was not written by this pipeline ({why}); nothing was overwritten: "
                       "move it away, or choose another --out")


@dataclass(frozen=True, slots=True, kw_only=True)
class Published:
    """What a publish did: the version made current, and the old versions removed."""

    version: str
    removed: tuple[str, ...]


class StagedVersion:
    """A new version written into a staging directory: its tables a batch at a time, its state files, then
    `finish()` (everything closed and fsynced, the version's manifest written) and `publish()` (one rename
    makes it current). Leaving the `with` block without publishing leaves the dataset as it was."""

    def __init__(self, out: Path, schemas: dict[str, pa.Schema]) -> None:
        self.out = out
        self.schemas = schemas
        self.name = new_version_name()
        self.root = out / f"{settings.STAGING_PREFIX}{self.name}"
        self._writers: dict[str, pq.ParquetWriter] = {}
        self._finished = self._published = False
        try:
            (self.root / STATE_DIR).mkdir(parents=True)
            self.scratch.mkdir()
        except OSError as exc:
            raise OutputError(f"cannot write to {out}: {os_reason(exc)}") from exc

    @property
    def scratch(self) -> Path:
        """A directory for the run's own temporary files, gone before the version is published."""
        return self.root / ".scratch"

    @property
    def state_dir(self) -> Path:
        """Where the version's state files are written."""
        return self.root / STATE_DIR

    @property
    def spill(self) -> Path:
        """The file a run streams its new records into, before they join the record cache."""
        return self.scratch / "new-records.parquet"

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc: object) -> None:
        for writer in self._writers.values():
            try:
                writer.close()
            except (OSError, pa.ArrowException):
                pass  # already failing: the staging directory goes anyway
        self._writers.clear()
        shutil.rmtree(self.root, ignore_errors=True)
        if not self._published:  # renamed into the versions but never made current
            shutil.rmtree(self.out / VERSIONS_DIR / self.name, ignore_errors=True)

    def write(self, name: str, table: pa.Table) -> None:
        """Append rows to one staged table."""
        try:
            if name not in self._writers:
                (self.root / name).mkdir(exist_ok=True)
                self._writers[name] = pq.ParquetWriter(self.root / name / PART_NAME, self.schemas[name],
                                                       compression="zstd")
            self._writers[name].write_table(table.cast(self.schemas[name]))
        except OSError as exc:
            raise OutputError(f"cannot write the dataset to {self.out}: {os_reason(exc)}") from exc

    def write_json(self, name: str, payload: dict) -> None:
        """Write a JSON document into the version (`_state/manifest.json`)."""
        write_json(self.root / name, payload)

    def finish(self) -> None:
        """Close and fsync every staged file (a table never written is written empty) and write the version's
        manifest; nothing is visible to readers yet."""
        if self._finished:
            raise RuntimeError("a staged version is finished once")
        try:
            for name, schema in self.schemas.items():
                if name not in self._writers:
                    self.write(name, schema.empty_table())
                self._writers.pop(name).close()
            shutil.rmtree(self.scratch)
            for path in sorted(self.root.rglob("*")):
                if path.is_file():
                    with open(path, "rb+") as handle:
                        os.fsync(handle.fileno())
            state = sorted(p.name for p in self.state_dir.iterdir())
            write_json(self.root / MANIFEST, manifest_payload(self.name, {n: [PART_NAME] for n in self.schemas},
                                                              state))
            for directory in (*(self.root / name for name in self.schemas), self.state_dir, self.root):
                fsync_dir(directory)
        except OSError as exc:
            raise OutputError(f"cannot write the dataset to {self.out}: {os_reason(exc)}") from exc
        self._finished = True

    def publish(self) -> Published:
        """Make the finished version current in one atomic step, then remove the versions past VERSIONS_KEPT."""
        if not self._finished:
            raise RuntimeError("finish() a staged version before publishing it")
        versions = self.out / VERSIONS_DIR
        try:
            versions.mkdir(exist_ok=True)
            os.rename(self.root, versions / self.name)
            fsync_dir(versions)
            _swap_current(self.out, self.name)  # the commit: every table switches here, or none does
            self._published = True
            _link_tables(self.out, list(self.schemas))
        except OSError as exc:
            raise OutputError(f"cannot publish the dataset in {self.out}: {os_reason(exc)}") from exc
        return Published(version=self.name, removed=prune(self.out, settings.VERSIONS_KEPT))


def _swap_current(out: Path, name: str) -> None:
    """Point `current` at a version: a new link renamed over the old one, so readers find one or the other."""
    temporary = out / f"{settings.STAGING_PREFIX}link-{name}"
    os.symlink(f"{VERSIONS_DIR}/{name}", temporary)
    os.replace(temporary, out / CURRENT)
    fsync_dir(out)


def _link_tables(out: Path, names: list[str]) -> None:
    """Give each table its stable path, `<out>/<table>` -> `current/<table>` (made once, never changed)."""
    for name in names:
        if not os.path.lexists(out / name):
            os.symlink(f"{CURRENT}/{name}", out / name)
    fsync_dir(out)


def prune(out: Path, keep: int) -> tuple[str, ...]:
    """Remove the versions before the `keep` newest up to the current one, and any newer one a crashed run
    left unpublished; return the names removed. Files a version did not list are never removed."""
    version = current(out)
    if version is None:
        return ()
    names = version_names(out)
    older = [name for name in names if name < version.name]
    doomed = older[:max(0, len(older) - (keep - 1))] + [name for name in names if name > version.name]
    return tuple(name for name in doomed if _remove_version(out, name))


def _remove_version(out: Path, name: str) -> bool:
    """Delete the files a version listed, then its directories; keep (and say) what someone else put there."""
    try:
        version = read_version(out, name)
    except DatasetError as exc:
        LOGGER.warning("old version %s kept: %s", name, exc)
        return False
    files = [path for table in version.tables for path in version.files(table)]
    files += [version.state_dir / state for state in version.state]
    try:
        for path in files:
            path.unlink(missing_ok=True)
        for directory in (*(version.path / table for table in version.tables), version.state_dir):
            if directory.is_dir():
                directory.rmdir()
        (version.path / MANIFEST).unlink()
        version.path.rmdir()
    except OSError as exc:
        LOGGER.warning("old version %s only partly removed, the rest kept: %s", version.path, os_reason(exc))
        return False
    LOGGER.info("removed old version %s", name)
    return True
