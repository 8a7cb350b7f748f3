"""The dataset on disk: versions, the one link that makes a version current, and the only way to find the
files of a table (readers open the files a version lists, never a directory's glob).

    <out>/_versions/<id>/<table>/part-0.parquet   every table of one version, written whole before it is current
    <out>/_versions/<id>/_state/                  the incremental state the version was built from
    <out>/_versions/<id>/_version.json            the files the version holds: nothing else is ever served
    <out>/current -> _versions/<id>               the link a publish replaces by one rename: every table switches
    <out>/<table> -> current/<table>              stable paths for pandas, pyarrow and DuckDB users
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import uuid
from dataclasses import dataclass
from pathlib import Path

from . import settings
from .errors import DatasetError
from .files import RefusedFile, read_bounded
from .schema import FLAT_SCHEMAS, RELEASE_VERSIONS, RELEASES

LOGGER = logging.getLogger(__name__)

CURRENT = "current"
VERSIONS_DIR = "_versions"
MANIFEST = "_version.json"
STATE_DIR = settings.STATE_DIR  # inside a version: the manifest of raw snapshots and the record cache
PART_NAME = "part-0.parquet"  # one file per table and version
# Every table a run publishes, with the schema it is written with.
TABLES = {settings.RELEASES_TABLE: RELEASES, "release_versions": RELEASE_VERSIONS, **FLAT_SCHEMAS}
# A version's name sorts by the time it was made; a dataset from before versions becomes the first one.
_VERSION_NAME = re.compile(r"\d{8}T\d{12}Z-[0-9a-f]{8}")
LEGACY_VERSION = "00000000T000000000000Z-00000000"
_MANIFEST_MAX_BYTES = 1_000_000  # a version lists a few dozen files; a bigger "manifest" is not ours


def new_version_name() -> str:
    """A fresh version name: the UTC time (so names sort as versions were made) and a random part."""
    return f"{dt.datetime.now(dt.UTC).strftime('%Y%m%dT%H%M%S%fZ')}-{uuid.uuid4().hex[:8]}"


def is_version_name(name: str) -> bool:
    """True for the name of a version directory."""
    return bool(_VERSION_NAME.fullmatch(name))


@dataclass(frozen=True, slots=True, kw_only=True)
class Version:
    """One version of the dataset: its directory and the files of each table it holds."""

    out: Path  # the output directory
    name: str
    path: Path  # the version's own directory (the output directory itself for a dataset from before versions)
    tables: dict[str, tuple[str, ...]]  # table -> the file names the pipeline wrote for it
    state: tuple[str, ...] = ()  # the state files the version holds

    def files(self, table: str) -> list[Path]:
        """The files of one table, as written: the only files a reader opens."""
        return [self.path / table / name for name in self.tables.get(table, ())]

    def shown(self, path: Path) -> Path:
        """A file of the version as a user finds it: `<out>/<table>/<file>`."""
        try:
            return self.out / path.relative_to(self.path)
        except ValueError:
            return path

    @property
    def state_dir(self) -> Path:
        """The directory of the incremental state the version was built from."""
        return self.path / STATE_DIR

    def foreign(self, table: str) -> list[str]:
        """The names in a table's directory that the version does not list (files someone else put there)."""
        try:
            names = os.listdir(self.path / table)
        except OSError:
            return []
        listed = set(self.tables.get(table, ()))
        return sorted(name for name in names if name not in listed)


def current(out: Path) -> Version | None:
    """The current version of the dataset under out; None when there is none. DatasetError when the link
    or the version's manifest is not the pipeline's."""
    out = Path(out)
    link = out / CURRENT
    if not os.path.lexists(link):
        return _legacy(out)
    if link.is_dir() and not link.is_symlink():  # a copy of the dataset that followed the links
        return read_version(out, CURRENT, path=link)
    try:
        target = os.readlink(link)
    except OSError as exc:
        raise DatasetError(f"{link} is not the link to the current version ({exc.strerror}); move it away "
                           "and run again") from exc
    parts = Path(target).parts
    if len(parts) != 2 or parts[0] != VERSIONS_DIR or not is_version_name(parts[1]):
        raise DatasetError(f"{link} points to {target!r}, not to a version in {out / VERSIONS_DIR}; "
                           "move it away and run again")
    return read_version(out, parts[1])


def read_version(out: Path, name: str, *, path: Path | None = None) -> Version:
    """The version of that name under out (or in the directory `path`), as its manifest lists it."""
    path = path or out / VERSIONS_DIR / name
    manifest = path / MANIFEST
    try:
        data, _ = read_bounded(manifest, _MANIFEST_MAX_BYTES, follow=False)
        payload = json.loads(data)
        tables = {str(table): tuple(str(n) for n in names) for table, names in payload["tables"].items()
                  if table in TABLES and isinstance(names, list)}
        state = tuple(str(n) for n in payload.get("state", []))
    except (OSError, RefusedFile, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise DatasetError(f"{manifest} is not a version manifest this pipeline wrote ({exc}); "
                           "rebuild the dataset with `python -m pipeline run`") from exc
    if any("/" in n or n.startswith(".") or n in {"", ".."} for names in tables.values() for n in names):
        raise DatasetError(f"{manifest} lists a file outside its table's directory; rebuild the dataset")
    return Version(out=out, name=name, path=path, tables=tables, state=state)


def _legacy(out: Path) -> Version | None:
    """A dataset written before versions (`<out>/<table>/part-0.parquet`): read as it stands until the next
    run makes it the first version."""
    tables: dict[str, tuple[str, ...]] = {name: (PART_NAME,) for name in TABLES
              if (out / name).is_dir() and not (out / name).is_symlink() and (out / name / PART_NAME).is_file()}
    if settings.RELEASES_TABLE not in tables:
        return None
    return Version(out=out, name=LEGACY_VERSION, path=out, tables=tables)


def manifest_payload(name: str, tables: dict[str, list[str]], state: list[str]) -> dict:
    """The JSON document a version's manifest holds."""
    return {"version": name, "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "tables": tables, "state": state}


def version_names(out: Path) -> list[str]:
    """The versions under out, oldest first."""
    try:
        names = os.listdir(Path(out) / VERSIONS_DIR)
    except OSError:
        return []
    return sorted(name for name in names if is_version_name(name))


def warn_foreign(version: Version, table: str) -> None:
    """Log, once per call, the files in a table's directory that the version did not write: never served."""
    foreign = version.foreign(table)
    if foreign:
        LOGGER.warning("%s holds files this pipeline did not write, ignored: %s", version.out / table,
                       ", ".join(foreign))
