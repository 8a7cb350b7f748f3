"""Flat tables, load() filters, SQL and stats on the dataset built from the sample corpus in raw/.

Every expected value is computed here with plain pandas on the same Parquet files, never typed in.
"""
from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pycountry
import pytest

import pipeline
from pipeline.errors import ConfigError, PipelineError
from pipeline.query import DatasetNotFoundError, QueryError, load, sql, stats, table_names
from pipeline.schema import RELEASES
from pipeline.tables import SCHEMAS, flat_tables

from .conftest import REPO, Sample

LISTS = {"spokespeople": "spokespeople", "countries": "country_mentions", "figures": "figures"}


@pytest.fixture(scope="module")
def out(sample: Sample) -> Path:
    return sample.out


@pytest.fixture(scope="module")
def releases(out: Path) -> pd.DataFrame:
    return pd.read_parquet(out / "releases")


def _ids(frame: pd.DataFrame) -> list[str]:
    return sorted(frame["release_id"])


def _published_between(releases: pd.DataFrame, since: dt.date | None, until: dt.date | None) -> pd.DataFrame:
    keep = releases["published"].map(
        lambda d: pd.notna(d) and (since is None or d >= since) and (until is None or d <= until))
    return releases[keep.astype(bool)]


def _mentions(releases: pd.DataFrame, code: str) -> pd.DataFrame:
    return releases[releases["countries"].map(lambda codes: code in list(codes))]


def _quotes(releases: pd.DataFrame, part: str) -> pd.DataFrame:
    return releases[releases["spokespeople"].map(lambda people: any(part.lower() in p["name"].lower() for p in people))]


# --- flat tables ------------------------------------------------------------------------------------


def test_run_publishes_the_flat_tables_flat_tables_makes(out: Path):
    nested = pq.read_table(out / "releases")
    made = flat_tables(nested)
    assert set(made) == set(SCHEMAS) == {"spokespeople", "countries", "figures"}
    for name, schema in SCHEMAS.items():
        published = pq.read_table(out / name / "part-0.parquet")
        assert published.schema.equals(schema), name
        assert made[name].schema.equals(schema), name
        assert published.equals(made[name]), name


def test_flat_row_counts_equal_the_list_lengths(out: Path, releases: pd.DataFrame):
    for name, column in LISTS.items():
        flat = pd.read_parquet(out / name)
        lengths = releases.set_index("release_id")[column].map(len)
        assert len(flat) == lengths.sum() > 0, name
        per_release = flat.groupby("release_id").size()
        assert per_release.to_dict() == lengths[lengths > 0].to_dict(), name


def test_flat_rows_are_the_list_items(out: Path, releases: pd.DataFrame):
    def names(code: str) -> str | None:
        country = pycountry.countries.get(alpha_3=code)
        return None if country is None else getattr(country, "common_name", None) or country.name

    expected = {
        "spokespeople": [(r.release_id, p["name"], p["role"], p["organization"], p["quote"], p["start"], p["end"],
                          p["rule"], p["role_rule"], p["organization_rule"])
                         for r in releases.itertuples() for p in r.spokespeople],
        "countries": [(r.release_id, m["code"], names(m["code"]), m["text"], m["start"], m["end"], m["rule"])
                      for r in releases.itertuples() for m in r.country_mentions],
        "figures": [(r.release_id, f["value"], f["unit"], f["currency"], f["object"], f["text"], f["start"], f["end"],
                     f["rule"], f["object_rule"])
                    for r in releases.itertuples() for f in r.figures],
    }
    for name, rows in expected.items():
        flat = pq.read_table(out / name).to_pylist()
        assert [tuple(row.values()) for row in flat] == rows, name


def test_flat_tables_of_empty_sliced_and_chunked_releases(out: Path):
    nested = pq.read_table(out / "releases")
    for name, table in flat_tables(nested.slice(0, 0)).items():
        assert table.num_rows == 0 and table.schema.equals(SCHEMAS[name])
    middle = nested.slice(5, 10)
    chunked = pa.concat_tables([nested.slice(0, 5), nested.slice(5)])
    assert chunked.column("release_id").num_chunks == 2
    whole = flat_tables(nested)
    for name, column in LISTS.items():
        part = flat_tables(middle)[name]
        lengths = pc.list_value_length(middle.column(column))
        assert part.num_rows == pc.sum(lengths).as_py()
        assert set(part.column("release_id").to_pylist()) <= set(middle.column("release_id").to_pylist())
        assert flat_tables(chunked)[name].equals(whole[name])


# --- load ---------------------------------------------------------------------------------------------


def test_load_without_filters_is_the_whole_table(out: Path, releases: pd.DataFrame):
    assert load(out).equals(releases)
    for name in ("spokespeople", "countries", "figures", "release_versions"):
        assert len(load(out, name)) == pq.read_metadata(out / name / "part-0.parquet").num_rows
    assert list(load(out, columns=["title", "release_id"]).columns) == ["title", "release_id"]


def test_country_is_list_membership(out: Path, releases: pd.DataFrame):
    codes = sorted({code for codes in releases["countries"] for code in codes})
    assert len(codes) > 3
    for code in codes:
        expected = _mentions(releases, code)
        assert _ids(load(out, country=code)) == _ids(expected), code
    mexico = _mentions(releases, "MEX")
    assert 0 < len(mexico) < len(releases)
    assert _ids(load(out, country="mex")) == _ids(load(out, country="Mexico")) == _ids(mexico)
    assert _ids(load(out, country="Burma")) == _ids(_mentions(releases, "MMR"))  # an alias pycountry lacks
    absent = next(c.alpha_3 for c in pycountry.countries if c.alpha_3 not in codes)
    assert load(out, country=absent).empty


def test_dates_bound_published_inclusively(out: Path, releases: pd.DataFrame):
    dated = releases["published"].dropna().sort_values()
    middle = dated.iloc[len(dated) // 2]
    cases = [(middle, None), (None, middle), (dated.iloc[1], dated.iloc[-2]), (middle, middle)]
    for since, until in cases:
        expected = _published_between(releases, since, until)
        assert 0 < len(expected) < len(releases)
        assert _ids(load(out, since=since, until=until)) == _ids(expected), (since, until)
        as_text = load(out, since=since and since.isoformat(), until=until and until.isoformat())
        assert _ids(as_text) == _ids(expected)
    stamp = pd.Timestamp(middle)
    assert _ids(load(out, since=stamp)) == _ids(_published_between(releases, middle, None))


def test_kind_organization_and_spokesperson(out: Path, releases: pd.DataFrame):
    for kind in releases["kind"].unique():
        assert _ids(load(out, kind=kind)) == _ids(releases[releases["kind"] == kind]), kind
    organizations = releases["organization"].dropna().unique()
    assert len(organizations)
    for organization in organizations:
        expected = releases[releases["organization"] == organization]
        assert _ids(load(out, organization=organization)) == _ids(expected), organization
    names = {p["name"] for people in releases["spokespeople"] for p in people}
    assert names
    for name in names:
        surname = name.split()[-1].lower()
        assert _ids(load(out, spokesperson=surname)) == _ids(_quotes(releases, surname)), surname


def test_filters_combine(out: Path, releases: pd.DataFrame):
    since = releases["published"].dropna().sort_values().iloc[3]
    busiest = releases["countries"].explode().value_counts().index[0]
    expected = _mentions(_published_between(releases, since, None), busiest)
    expected = expected[expected["kind"] == "press_release"]
    assert 0 < len(expected) < len(releases)
    found = load(out, since=since, country=busiest, kind="press_release", columns=["release_id", "published"])
    assert _ids(found) == _ids(expected) and list(found.columns) == ["release_id", "published"]
    speaker = next(p["name"] for people in releases["spokespeople"] for p in people).split()[-1]
    expected = _quotes(_mentions(releases, busiest), speaker)
    assert _ids(load(out, country=busiest, spokesperson=speaker)) == _ids(expected)


def test_filters_on_flat_tables_select_the_rows_of_matching_releases(out: Path, releases: pd.DataFrame):
    busiest = releases["countries"].explode().value_counts().index[0]
    wanted = set(_mentions(releases, busiest)["release_id"])
    for name in ("figures", "spokespeople", "countries"):
        table = pd.read_parquet(out / name)
        expected = table[table["release_id"].isin(wanted)]
        found = load(out, name, country=busiest)
        assert len(found) == len(expected) > 0, name
        assert found.reset_index(drop=True).equals(expected.reset_index(drop=True)), name
    dated = set(_published_between(releases, dt.date(2019, 1, 1), None)["release_id"])
    figures = pd.read_parquet(out / "figures")
    assert len(load(out, "figures", since="2019-01-01")) == figures["release_id"].isin(dated).sum()


def test_bad_filters_are_one_line_errors(out: Path):
    for kwargs in ({"country": "Atlantis"}, {"since": "last year"}, {"columns": ["nope"]}):
        with pytest.raises(ConfigError) as error:
            load(out, **kwargs)
        assert "\n" not in str(error.value)


# --- sql and stats ------------------------------------------------------------------------------------


def test_sql_has_a_view_per_table(out: Path, releases: pd.DataFrame):
    assert table_names(out) == ["countries", "figures", "release_versions", "releases", "spokespeople"]
    for name in table_names(out):
        count = sql(f"SELECT count(*) AS n FROM {name}", out)["n"].iloc[0]
        assert count == pq.read_metadata(out / name / "part-0.parquet").num_rows, name
    everything = sql("SELECT * FROM releases", out)
    assert list(everything.columns) == RELEASES.names and len(everything) == len(releases)


def test_sql_join_matches_pandas(out: Path, releases: pd.DataFrame):
    frame = sql("SELECT c.code, count(DISTINCT r.release_id) AS n FROM releases r JOIN countries c USING (release_id) "
                "WHERE year(r.published) = 2019 GROUP BY c.code ORDER BY c.code", out)
    in_2019 = _published_between(releases, dt.date(2019, 1, 1), dt.date(2019, 12, 31))
    expected = in_2019["countries"].explode().dropna().value_counts().sort_index()
    assert dict(zip(frame["code"], frame["n"], strict=True)) == expected.to_dict()


def test_sql_errors_are_one_line(out: Path):
    with pytest.raises(QueryError, match="SQL error") as error:
        sql("SELEC 1", out)
    assert "\n" not in str(error.value) and isinstance(error.value, PipelineError)


def test_stats_summarises_from_the_data(out: Path, releases: pd.DataFrame):
    text = stats(out)
    assert f"{len(releases)} releases" in text
    for organization, count in releases["organization"].fillna("(publisher unknown)").value_counts().items():
        counts = [x[len(organization):].split() for x in text.splitlines() if x.startswith(organization + " ")]
        row = next(c for c in counts if c and all(t.isdigit() for t in c))  # not a longer name's row
        assert row[-1] == str(count), organization
    countries = pd.read_parquet(out / "countries").drop_duplicates(["release_id", "code"])
    top = countries["country_name"].value_counts()
    assert next(x for x in text.splitlines() if top.index[0] in x).split()[-2] == str(top.iloc[0])
    people = pd.read_parquet(out / "spokespeople")
    assert people["name"].value_counts().index[0] in text
    for name in RELEASES.names:
        assert any(line.split()[:1] == [name] for line in text.splitlines()), name
    url_nulls = releases["url"].isna().mean()
    assert next(x for x in text.splitlines() if x.split()[:1] == ["url"]).split()[1] == f"{url_nulls:.1%}"


# --- a missing dataset --------------------------------------------------------------------------------


def test_missing_dataset_is_one_clear_error(tmp_path: Path, out: Path):
    for call in (lambda: load(tmp_path), lambda: load(tmp_path / "absent", "figures"),
                 lambda: sql("SELECT 1", tmp_path), lambda: stats(tmp_path)):
        with pytest.raises(DatasetNotFoundError, match="python -m pipeline run") as error:
            call()
        assert isinstance(error.value, FileNotFoundError) and isinstance(error.value, PipelineError)
        assert "\n" not in str(error.value)
    with pytest.raises(FileNotFoundError, match="no 'nope' table"):
        load(out, "nope")


# --- the command line and the package's lazy names ----------------------------------------------------


def test_package_exposes_the_helpers():
    assert pipeline.load is load and pipeline.sql is sql and pipeline.stats is stats


def test_cli_sql_and_stats(out: Path, releases: pd.DataFrame, tmp_path: Path):
    def cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, check=False,
                              cwd=REPO)

    result = cli("sql", "SELECT count(*) AS n FROM releases", "--out", str(out), "--csv")
    assert result.returncode == 0 and result.stdout.split() == ["n", str(len(releases))]
    result = cli("stats", "--out", str(out))
    assert result.returncode == 0 and "Top 10 spokespeople" in result.stdout
    result = cli("stats", "--out", str(tmp_path))
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "no dataset" in result.stderr
