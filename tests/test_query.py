"""Flat tables, load() filters, SQL and stats on the dataset made from the sample corpus."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

import pipeline
from pipeline.errors import ConfigError
from pipeline.run import run
from pipeline.tables import SCHEMAS

from .conftest import REPO


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("processed")
    run(REPO / "raw", out, progress=False)
    return out


@pytest.fixture(scope="module")
def releases(out: Path) -> pd.DataFrame:
    return pd.read_parquet(out / "releases")


def test_flat_tables_have_one_row_per_list_item(out: Path, releases: pd.DataFrame):
    for table, column in (("spokespeople", "spokespeople"), ("countries", "country_mentions"), ("figures", "figures")):
        flat = pq.read_table(out / table)
        assert flat.schema.equals(SCHEMAS[table])
        assert flat.num_rows == releases[column].map(len).sum()
        assert set(flat.column("release_id").to_pylist()) <= set(releases["release_id"])
    countries = pd.read_parquet(out / "countries")
    assert countries.loc[countries["code"] == "SYR", "country_name"].iloc[0] == "Syria"


def test_load_filters_match_pandas(out: Path, releases: pd.DataFrame):
    mexico = releases[releases["countries"].map(lambda codes: "MEX" in codes)]
    assert sorted(pipeline.load(out, country="mex")["release_id"]) == sorted(mexico["release_id"])
    since = releases[releases["published"].notna() & (releases["published"] >= dt.date(2019, 1, 1))]
    assert len(pipeline.load(out, since="2019-01-01")) == len(since)
    reports = releases[releases["kind"] == "report"]
    assert len(pipeline.load(out, kind="report", until=dt.date(2019, 12, 31))) == len(reports)
    huang = releases[releases["spokespeople"].map(lambda people: any("Huang" in p["name"] for p in people))]
    assert sorted(pipeline.load(out, spokesperson="huang")["release_id"]) == sorted(huang["release_id"])
    figures = pipeline.load(out, "figures", country="MEX")
    assert set(figures["release_id"]) <= set(mexico["release_id"])
    assert list(pipeline.load(out, columns=["release_id", "title"]).columns) == ["release_id", "title"]


def test_sql_sees_every_table(out: Path, releases: pd.DataFrame):
    frame = pipeline.sql(
        "SELECT c.code, count(DISTINCT r.release_id) AS n FROM releases r JOIN countries c USING (release_id) "
        "WHERE year(r.published) = 2019 GROUP BY c.code ORDER BY n DESC, c.code LIMIT 1", out)
    expected = (releases[releases["published"].map(lambda d: d is not None and d.year == 2019)]
                .explode("countries")["countries"].value_counts())
    assert frame.iloc[0]["code"] == expected.index[0] and frame.iloc[0]["n"] == expected.iloc[0]
    with pytest.raises(ConfigError, match="SQL error"):
        pipeline.sql("SELEC 1", out)


def test_stats_summarises(out: Path):
    text = pipeline.stats(out)
    assert "27 releases" in text and "Top countries" in text and "United States" in text
    assert "Share of empty values per column" in text


def test_missing_dataset_is_a_clear_error(tmp_path: Path):
    with pytest.raises(ConfigError, match="run `python -m pipeline run` first"):
        pipeline.load(tmp_path)


def test_cli_sql_and_stats(out: Path):
    result = subprocess.run([sys.executable, "-m", "pipeline", "sql", "SELECT count(*) AS n FROM releases",
                             "--out", str(out), "--csv"], capture_output=True, text=True, check=True, cwd=REPO)
    assert result.stdout.split() == ["n", "27"]
    result = subprocess.run([sys.executable, "-m", "pipeline", "stats", "--out", str(out)], capture_output=True,
                            text=True, check=True, cwd=REPO)
    assert "Top spokespeople" in result.stdout


def test_every_command_has_help_and_is_in_the_readme():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for command in ("run", "refresh", "scrape", "sql", "stats"):
        result = subprocess.run([sys.executable, "-m", "pipeline", command, "--help"], capture_output=True,
                                text=True, check=True, cwd=REPO)
        assert "usage:" in result.stdout and len(result.stdout) > 200
        assert f"python -m pipeline {command}" in readme, command
