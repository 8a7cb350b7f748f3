"""Read the dataset: tables as DataFrames with filters pushed down to Parquet, SQL, and a summary."""
from __future__ import annotations

import datetime as dt
import logging
import math
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as pads

from . import settings
from .errors import ConfigError

LOGGER = logging.getLogger(__name__)

TABLES = ("releases", "spokespeople", "countries", "figures", "release_versions")


class DatasetMissing(ConfigError):
    """The output directory has no dataset yet."""


def _dataset(out: str | Path, table: str) -> pads.Dataset:
    path = Path(out) / table
    if table not in TABLES:
        raise ConfigError(f"unknown table {table!r}: choose one of {', '.join(TABLES)}")
    if not any(path.glob("*.parquet")):
        raise DatasetMissing(f"no {table} table under {Path(out)}: run `python -m pipeline run` first")
    return pads.dataset(path, format="parquet")


def _as_date(value: str | dt.date) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def load(out: str | Path = "processed", table: str = "releases", *, since: str | dt.date | None = None,
         until: str | dt.date | None = None, country: str | None = None, kind: str | None = None,
         spokesperson: str | None = None, organization: str | None = None,
         columns: list[str] | None = None) -> pd.DataFrame:
    """Load one table as a DataFrame; filters on releases are pushed down to the Parquet scan.

    since/until bound `published` (inclusive), kind and organization match exactly, country is an
    ISO alpha-3 code the release mentions, spokesperson a substring of a quoted person's name. On the
    flat tables the same filters select the rows of the matching releases.
    """
    releases = _dataset(out, "releases")
    expression = pc.scalar(True)
    if since is not None:
        expression &= pc.field("published") >= pa.scalar(_as_date(since), pa.date32())
    if until is not None:
        expression &= pc.field("published") <= pa.scalar(_as_date(until), pa.date32())
    if kind is not None:
        expression &= pc.field("kind") == kind
    if organization is not None:
        expression &= pc.field("organization") == organization
    ids = None
    if country is not None:
        ids = _ids_where(out, "countries", pc.field("code") == country.upper())
    if spokesperson is not None:
        found = _ids_where(out, "spokespeople", pc.match_substring(pc.field("name"), spokesperson, ignore_case=True))
        ids = found if ids is None else ids & found
    if ids is not None:
        expression &= pc.field("release_id").isin(pa.array(sorted(ids), pa.string()))
    filtered = any(v is not None for v in (since, until, kind, organization, country, spokesperson))
    if table == "releases":
        return releases.to_table(columns=columns, filter=expression).to_pandas()
    target = _dataset(out, table)
    if not filtered:
        return target.to_table(columns=columns).to_pandas()
    keep = releases.to_table(columns=["release_id"], filter=expression).column("release_id")
    return target.to_table(columns=columns, filter=pc.field("release_id").isin(keep)).to_pandas()


def _ids_where(out: str | Path, table: str, expression: pc.Expression) -> set[str]:
    return set(_dataset(out, table).to_table(columns=["release_id"], filter=expression).column("release_id").to_pylist())


def connect(out: str | Path = "processed"):
    """An in-memory DuckDB connection with every table of the dataset as a view of the same name."""
    import duckdb

    connection = duckdb.connect()
    for table in TABLES:
        path = Path(out) / table
        if any(path.glob("*.parquet")):
            pattern = str(path / "*.parquet").replace("'", "''")
            connection.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{pattern}')")
    return connection


def sql(query: str, out: str | Path = "processed") -> pd.DataFrame:
    """Run SQL over the dataset (tables: releases, spokespeople, countries, figures, release_versions)."""
    _dataset(out, "releases")
    import duckdb

    connection = connect(out)
    try:
        return connection.execute(query).df()
    except duckdb.Error as exc:
        raise ConfigError(f"SQL error: {str(exc).splitlines()[0]}") from exc
    finally:
        connection.close()


def stats(out: str | Path = "processed") -> str:
    """A readable summary: releases per organisation and year, top countries and spokespeople, null rates."""
    releases = load(out, columns=["release_id", "organization", "published", "kind", "title", "summary"])
    lines = [f"{len(releases)} releases in {Path(out) / settings.RELEASES_TABLE}", ""]
    years = pd.to_datetime(releases["published"]).dt.year.astype("Int64").astype(str).replace("<NA>", "undated")
    per = releases.assign(year=years, organization=releases["organization"].fillna("(publisher unknown)"))
    table = per.groupby(["organization", "year"]).size().rename("releases").reset_index()
    lines += ["Releases per organisation and year:", table.to_string(index=False), ""]
    countries = load(out, "countries")
    top = (countries.drop_duplicates(["release_id", "code"]).groupby(["code", "country_name"], dropna=False)
           .size().sort_values(ascending=False).head(10).rename("releases").reset_index())
    lines += ["Top countries (releases mentioning them):", top.to_string(index=False) if len(top) else "(none)", ""]
    people = load(out, "spokespeople")
    speakers = (people.assign(organization=people["organization"].fillna("")).groupby(["name", "organization"])
                .size().sort_values(ascending=False).head(10).rename("releases").reset_index())
    lines += ["Top spokespeople:", speakers.to_string(index=False) if len(speakers) else "(none)", ""]
    everything = load(out)
    nulls = everything.apply(lambda column: column.map(_is_empty).mean()).sort_values(ascending=False)
    lines += ["Share of empty values per column:",
              "\n".join(f"  {name:20} {share:6.1%}" for name, share in nulls.items())]
    return "\n".join(lines)


def _is_empty(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    try:
        return len(value) == 0  # type: ignore[arg-type]
    except TypeError:
        return False
