"""Read the dataset: a table as a DataFrame with filters pushed down to Parquet, SQL over every table,
and a text summary. Every call reads one version: the files the current version lists (`pipeline.versions`),
never a directory's glob; a file someone else put beside them is ignored, with a warning."""
from __future__ import annotations

import datetime as dt
import functools
import logging
import os
import stat
import threading
import tomllib
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as pads
import pyarrow.parquet as pq
import pycountry

from . import settings
from .errors import ConfigError, DatasetError, PipelineError
from .files import file_kind
from .versions import Version, current, warn_foreign

if TYPE_CHECKING:
    import duckdb

LOGGER = logging.getLogger(__name__)

RELEASES = settings.RELEASES_TABLE
TOP = 10  # rows in each "top" list of stats()
MAX_ORGANIZATIONS = 20  # rows of the organisation x year table before the rest is summed up


class DatasetNotFoundError(ConfigError, FileNotFoundError):
    """The output directory holds no dataset, or not the table asked for."""


class QueryError(ConfigError):
    """DuckDB rejected a SQL query."""


def table_names(out: str | Path = "processed") -> list[str]:
    """List the tables of the current version of the dataset under out."""
    version = current(Path(out))
    return sorted(version.tables) if version is not None else []


def _version(out: str | Path, table: str = RELEASES) -> Version:
    """The current version, holding the table asked for; a one-line DatasetNotFoundError when it is absent."""
    version = current(Path(out))
    if version is None or RELEASES not in version.tables:
        raise DatasetNotFoundError(
            f"no dataset in {out} ({Path(out) / RELEASES / 'part-0.parquet'} is missing): "
            f"build it with `python -m pipeline run --out {out}`"
        )
    if table not in version.tables:
        raise DatasetNotFoundError(f"no {table!r} table in the dataset in {out}; it has: "
                                   f"{', '.join(sorted(version.tables))}")
    return version


def _dataset(version: Version, table: str) -> pads.Dataset:
    """One table of a version as a pyarrow dataset of exactly the files the version lists, each checked to
    be a regular file that opens as Parquet (DatasetError names one that is not)."""
    warn_foreign(version, table)
    parts = version.files(table)
    for part in parts:
        try:
            mode = os.lstat(part).st_mode
            if not stat.S_ISREG(mode):  # never opened: a FIFO would hang the reader
                raise DatasetError(f"{version.shown(part)} is {file_kind(mode)}, not the file this pipeline wrote; "
                                   f"rebuild the dataset with `python -m pipeline run --out {version.out}`")
            pq.read_metadata(part)
        except (OSError, pa.ArrowException) as exc:
            raise DatasetError(f"{version.shown(part)} is not a readable Parquet file ({_first_line(exc)}); "
                               f"rebuild the dataset with `python -m pipeline run --out {version.out}`") from exc
    return pads.dataset([str(part) for part in parts], format="parquet")


def _damaged(version: Version, tables: list[str]) -> str | None:
    """The first file of these tables that cannot be read to its end, shown as the user finds it."""
    for table in tables:
        for part in version.files(table):
            try:
                pq.ParquetFile(part).read()
            except (OSError, pa.ArrowException) as exc:
                return f"{version.shown(part)} is damaged ({_first_line(exc)})"
    return None


_Reader = TypeVar("_Reader", bound=Callable)


def _named_damage(reader: _Reader) -> _Reader:
    """Turn damage found while scanning the dataset into a one-line DatasetError naming the damaged file."""

    @functools.wraps(reader)
    def checked(*args, **kwargs):  # type: ignore[no-untyped-def]
        try:
            return reader(*args, **kwargs)
        except PipelineError:
            raise
        except (OSError, pa.ArrowException) as exc:
            out = kwargs.get("out", args[0] if args else "processed")
            version = current(Path(out))
            where = _damaged(version, sorted(version.tables)) if version is not None else None
            raise DatasetError(f"the dataset is unreadable: {where or _first_line(exc)}; rebuild it with "
                               f"`python -m pipeline run --out {out}`") from exc

    return checked  # type: ignore[return-value]


def _as_date(value: str | dt.date, name: str) -> dt.date:
    if isinstance(value, dt.datetime):  # pandas Timestamps too
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise ConfigError(f"{name}={value!r} is not a date (YYYY-MM-DD)") from exc


def country_code(country: str) -> str:
    """Resolve a country given as an alpha-3 code ("mex"), a name ("Mexico") or an alias ("Burma") to its code."""
    text = country.strip()
    try:
        return pycountry.countries.lookup(text).alpha_3
    except LookupError:
        pass
    code = _aliases().get(text.casefold())
    if code:
        return code
    if len(text) == 3 and text.isalpha():
        return text.upper()  # a code outside ISO 3166-1 (XKX for Kosovo) can still be in the data
    raise ConfigError(f"unknown country {country!r}: give an ISO 3166-1 alpha-3 code or an English name")


@functools.cache
def _aliases() -> dict[str, str]:
    """The extractor's hand-kept aliases ("Turkey", "UK", "Burma"), case-folded, to their codes."""
    # Read as a file: importing pipeline.extract would load spaCy just to resolve a name.
    path = Path(__file__).parent / "extract" / "country_aliases.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        LOGGER.warning("cannot read country aliases from %s", path)
        return {}
    return {form.casefold(): code for code, forms in data.get("aliases", {}).items() for form in forms}


@_named_damage
def load(out: str | Path = "processed", table: str = RELEASES, *, since: str | dt.date | None = None,
         until: str | dt.date | None = None, country: str | None = None, kind: str | None = None,
         spokesperson: str | None = None, organization: str | None = None,
         columns: list[str] | None = None) -> pd.DataFrame:
    """Load one table as a DataFrame, keeping only the rows of the releases that match every filter.

    Filters select releases: `since`/`until` bound `published` (inclusive; undated releases drop out),
    `kind` and `organization` (the publisher) match exactly, `country` (a code, name or alias) is one
    of the release's `countries`, and `spokesperson` is a case-insensitive part of a quoted person's
    name. On the other tables (`spokespeople`, `countries`, `figures`, `release_versions`) the result
    is the rows of the matching releases. `columns` picks columns of the table loaded.

    Scalar filters are pushed down to the Parquet scan as a pyarrow.dataset expression. Country and
    spokesperson test list membership, which a Parquet predicate cannot express: they are evaluated on
    the releases table's own `countries` and `spokespeople` lists (one narrow scan with the scalar
    filters pushed down, lists tested in Arrow), and the matching ids are pushed down as
    `release_id IN (...)`. Reading the lists from the releases file itself, not from the flat tables,
    and every table of one call comes from one version, even while a run publishes the next one.
    """
    _require_text(table=table, kind=kind, organization=organization, country=country, spokesperson=spokesperson)
    version = _version(out, table)
    releases = _dataset(version, RELEASES)
    scalar = _scalar_filter(since, until, kind, organization)
    ids = None
    if country is not None or spokesperson is not None:
        ids = _matching_ids(releases, scalar, country, spokesperson)
    if table == RELEASES:
        expression = scalar if ids is None else _and(scalar, pc.field("release_id").isin(ids))
        return _read(releases, columns, expression)
    target = _dataset(version, table)
    if scalar is None and ids is None:
        return _read(target, columns, None)
    if "release_id" not in target.schema.names:
        raise ConfigError(f"the {table!r} table has no release_id column, so release filters cannot apply")
    if ids is None:
        ids = releases.to_table(columns=["release_id"], filter=scalar).column("release_id")
    return _read(target, columns, pc.field("release_id").isin(ids))


def _require_text(**filters: object) -> None:
    """Raise ConfigError for a filter given as something other than a string (None: no filter)."""
    for name, value in filters.items():
        if value is not None and not isinstance(value, str):
            raise ConfigError(f"{name}={value!r} must be a string, not {type(value).__name__}")


def _read(dataset: pads.Dataset, columns: list[str] | None, expression: pc.Expression | None) -> pd.DataFrame:
    unknown = [c for c in columns or [] if c not in dataset.schema.names]
    if unknown:
        raise ConfigError(f"no column {', '.join(map(repr, unknown))}; "
                          f"the table has: {', '.join(dataset.schema.names)}")
    return dataset.to_table(columns=columns, filter=expression).to_pandas()


def _and(left: pc.Expression | None, right: pc.Expression) -> pc.Expression:
    return right if left is None else left & right


def _scalar_filter(since: str | dt.date | None, until: str | dt.date | None, kind: str | None,
                   organization: str | None) -> pc.Expression | None:
    expression = None
    if since is not None:
        expression = _and(expression, pc.field("published") >= pa.scalar(_as_date(since, "since"), pa.date32()))
    if until is not None:
        expression = _and(expression, pc.field("published") <= pa.scalar(_as_date(until, "until"), pa.date32()))
    if kind is not None:
        expression = _and(expression, pc.field("kind") == kind)
    if organization is not None:
        expression = _and(expression, pc.field("organization") == organization)
    return expression


def _matching_ids(releases: pads.Dataset, scalar: pc.Expression | None, country: str | None,
                  spokesperson: str | None) -> pa.Array:
    """The release_ids that pass the scalar filters and whose lists hold the country and the spokesperson."""
    wanted = ["release_id"] + (["countries"] if country is not None else []) \
        + (["spokespeople"] if spokesperson is not None else [])
    found = releases.to_table(columns=wanted, filter=scalar)
    keep = np.ones(found.num_rows, dtype=bool)
    if country is not None:
        code = country_code(country)
        keep &= _any_item(found.column("countries"), lambda codes: pc.equal(codes, code))
    if spokesperson is not None:
        keep &= _any_item(found.column("spokespeople"), lambda people: pc.match_substring(
            pc.struct_field(people, "name"), spokesperson, ignore_case=True))
    return found.column("release_id").combine_chunks().filter(pa.array(keep))


def _any_item(lists: pa.ChunkedArray, predicate: Callable[[pa.Array], pa.Array]) -> np.ndarray:
    """For each row, whether any item of its list satisfies the predicate."""
    lists = lists.combine_chunks()
    hits = predicate(pc.list_flatten(lists)).fill_null(False)
    rows = pc.filter(pc.list_parent_indices(lists), hits).to_numpy()
    mask = np.zeros(len(lists), dtype=bool)
    mask[rows] = True
    return mask


def connect(out: str | Path = "processed") -> duckdb.DuckDBPyConnection:
    """Open an in-memory DuckDB connection with each table of the dataset as a read-only view of the same name."""
    return _connect(_version(out))


def _connect(version: Version) -> duckdb.DuckDBPyConnection:
    import duckdb

    # No hive partitioning: a `key=value` directory above out must not turn into a column.
    tables = {name: _dataset(version, name) for name in sorted(version.tables)}
    # No spill directory: with external access off, DuckDB would still let a query write into it.
    connection = duckdb.connect(":memory:", config={"temp_directory": ""})
    try:
        connection.execute("SET enable_progress_bar = false")  # DuckDB would draw it on the caller's terminal
    except duckdb.InvalidInputException as exc:  # in Jupyter without ipywidgets: no bar can be drawn anyway
        LOGGER.debug("progress bar left as it is: %s", exc)
    for statement in _LOCKDOWN:
        connection.execute(statement)
    for name, dataset in tables.items():
        connection.register(name, dataset)  # pyarrow reads the files; DuckDB itself opens none
    return connection


# The SQL view reads the dataset and nothing else: DuckDB may open no file (COPY, ATTACH, EXPORT,
# read_csv, read_text, glob), load no extension, and no statement can undo that, because the
# configuration is locked before any table is registered. The tables are pyarrow datasets, scanned
# through Arrow with columns and filters pushed down, so queries need no file access of their own.
_LOCKDOWN = (
    "SET autoinstall_known_extensions = false",
    "SET autoload_known_extensions = false",
    "SET enable_external_access = false",
    "SET lock_configuration = true",
)


def sql(query: str, out: str | Path = "processed") -> pd.DataFrame:
    """Run a read-only DuckDB query over the dataset, every table a view (`SELECT * FROM releases`)."""
    import duckdb

    if not isinstance(query, str):
        raise QueryError(f"the query must be a string of SQL, not {type(query).__name__}")
    version = _version(out)
    connection = _connect(version)
    try:
        if not connection.extract_statements(query):
            raise QueryError('the query is empty (only blanks or comments): try "SELECT count(*) FROM releases"')
        return _interruptible(connection, query)
    except duckdb.InterruptException:
        raise KeyboardInterrupt from None  # Ctrl-C: what a caller expects, not a query error
    except RuntimeError as exc:
        if "interrupted" in str(exc).lower():  # DuckDB's own word for a query stopped by Ctrl-C
            raise KeyboardInterrupt from None
        raise
    except duckdb.PermissionException as exc:
        raise QueryError(f"refused: SQL reads the dataset's tables and nothing else ({_first_line(exc)})") from exc
    except duckdb.Error as exc:
        # A query the parser, binder and catalog accepted failed while scanning: name the damaged file, if any.
        syntax = isinstance(exc, duckdb.ParserException | duckdb.BinderException | duckdb.CatalogException)
        damage = None if syntax else _damaged(version, sorted(version.tables))
        if damage:
            raise DatasetError(f"the dataset is unreadable: {damage}; rebuild it with "
                               f"`python -m pipeline run --out {out}`") from exc
        raise QueryError(f"SQL error: {_first_line(exc)}") from exc
    finally:
        try:
            connection.close()
        except duckdb.Error:  # an interrupted query that has not stopped yet: the process's exit ends it
            LOGGER.debug("the SQL connection is still busy; not closed")


def _interruptible(connection: duckdb.DuckDBPyConnection, query: str) -> pd.DataFrame:
    """The query's result, computed in a worker thread while this one waits in Python: Ctrl-C is then a
    KeyboardInterrupt here at once (DuckDB's own check can miss it) and interrupts the query."""
    result: list[pd.DataFrame] = []
    failure: list[Exception] = []
    done = threading.Event()  # not Thread.join: a join interrupted by Ctrl-C can report a live thread ended

    def work() -> None:
        try:
            with warnings.catch_warnings():
                # DuckDB 2.0's own pandas conversion of timestamp columns calls a pandas 3.1-deprecated API;
                # harmless, and not the caller's to fix.
                warnings.filterwarnings("ignore", message="The inplace keyword in DataFrame.drop is deprecated")
                result.append(connection.execute(query).df())
        except Exception as exc:  # noqa: BLE001 - raised again in the caller's thread, which sorts it out
            failure.append(exc)
        finally:
            done.set()

    threading.Thread(target=work, name="pipeline-sql", daemon=True).start()
    try:
        while not done.wait(0.1):
            pass
    except KeyboardInterrupt:
        connection.interrupt()
        done.wait(_INTERRUPT_WAIT_S)
        raise
    if failure:
        raise failure[0]
    return result[0]


_INTERRUPT_WAIT_S = 10.0  # how long an interrupted query may take to stop before the caller moves on


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0]


@_named_damage
def stats(out: str | Path = "processed") -> str:
    """Summarise the dataset: releases per organisation and year, top countries and spokespeople, null rates."""
    version = _version(out)
    releases = _dataset(version, RELEASES).to_table()
    frame = releases.select(["release_id", "organization", "published", "language"]).to_pandas()
    dated = frame["published"].dropna()
    span = f", published {min(dated)} to {max(dated)}" if len(dated) else ""
    sizes = ", ".join(f"{name} {_dataset(version, name).count_rows()}" for name in sorted(version.tables))
    lines = [f"Dataset {out}: {len(frame)} releases{span}, {len(frame) - len(dated)} undated",
             f"Rows per table: {sizes}", ""]
    lines += ["Releases per organisation (publisher) and year:", _per_organization_year(frame), ""]
    lines += ["Releases by language (ISO 639-1):",
              _per_language(frame), ""]
    lines += [f"Top {TOP} countries (releases mentioning them, and mentions):", _top_countries(version), ""]
    lines += [f"Top {TOP} spokespeople (releases quoting them):", _top_spokespeople(version), ""]
    lines += ["Null rate per column of releases (lists and strings: also the share empty):", _null_rates(releases)]
    return "\n".join(lines)


def _per_organization_year(frame: pd.DataFrame) -> str:
    if frame.empty:
        return "(no releases)"
    years = frame["published"].map(lambda d: str(d.year) if isinstance(d, dt.date) else "undated")
    organizations = frame["organization"].fillna("(publisher unknown)")
    table = pd.crosstab(organizations.rename("organization"), years.rename("year"))
    table = table[sorted(table.columns, key=lambda year: (year == "undated", year))]
    table["total"] = table.sum(axis=1)
    table = table.sort_values(["total"], ascending=False, kind="stable").rename_axis(columns=None).reset_index()
    rest = table.iloc[MAX_ORGANIZATIONS:]
    shown = table.head(MAX_ORGANIZATIONS)
    width = max(int(shown["organization"].str.len().max()), len("organization"))
    header = "organization".ljust(width)  # names read best left-aligned, counts right-aligned
    shown = shown.rename(columns={"organization": header})
    text = shown.to_string(index=False, formatters={header: lambda name: name.ljust(width)})
    if len(rest):
        text += f"\n... and {len(rest)} more organisations with {int(rest['total'].sum())} releases"
    return text


def _per_language(frame: pd.DataFrame) -> str:
    if frame.empty:
        return "(no releases)"
    counts = frame["language"].fillna("(no text)").value_counts().rename_axis("language").reset_index(name="releases")
    return counts.sort_values(["releases", "language"], ascending=[False, True]).to_string(index=False)


def _top_countries(version: Version) -> str:
    if "countries" not in version.tables:
        return "(no countries table)"
    mentions = _dataset(version, "countries").to_table(columns=["release_id", "code", "country_name"]).to_pandas()
    if mentions.empty:
        return "(no countries)"
    top = (mentions.assign(country_name=mentions["country_name"].fillna("?"))
           .groupby(["code", "country_name"])
           .agg(releases=("release_id", "nunique"), mentions=("release_id", "size"))
           .reset_index().sort_values(["releases", "mentions", "code"], ascending=[False, False, True]).head(TOP))
    return top.to_string(index=False)


def _top_spokespeople(version: Version) -> str:
    if "spokespeople" not in version.tables:
        return "(no spokespeople table)"
    people = _dataset(version, "spokespeople").to_table(columns=["release_id", "name", "organization"]).to_pandas()
    if people.empty:
        return "(no spokespeople)"
    # A person quoted with and without an organisation is one person: show the organisation named most.
    top = (people.groupby("name")
           .agg(organization=("organization", _most_frequent), releases=("release_id", "nunique"))
           .reset_index().sort_values(["releases", "name"], ascending=[False, True]).head(TOP))
    return top[["name", "organization", "releases"]].to_string(index=False)


def _most_frequent(values: pd.Series) -> str:
    counts = values.dropna().value_counts()
    return counts.index[0] if len(counts) else "(not named)"


def _null_rates(releases: pa.Table) -> str:
    rows = max(releases.num_rows, 1)
    lines = [f"  {'column':20} {'null':>7} {'empty':>7}"]
    for name, column in zip(releases.column_names, releases.columns, strict=True):
        if pa.types.is_list(column.type):
            empty = f"{_count(pc.equal(pc.list_value_length(column), 0)) / rows:7.1%}"
        elif pa.types.is_string(column.type):
            empty = f"{_count(pc.equal(pc.utf8_length(column), 0)) / rows:7.1%}"
        else:
            empty = f"{'-':>7}"
        lines.append(f"  {name:20} {column.null_count / rows:7.1%} {empty}")
    return "\n".join(lines)


def _count(flags: pa.ChunkedArray) -> int:
    return pc.sum(flags).as_py() or 0
