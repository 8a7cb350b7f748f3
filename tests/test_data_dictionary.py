"""docs/DATA.md documents every table and column exactly as the Arrow schemas define them, its examples
are values of the dataset built from raw/, and its code runs."""
from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline import schema, tables

from .conftest import REPO, Sample

DOC = REPO / "docs" / "DATA.md"
TABLES = ["releases", "spokespeople", "countries", "figures", "release_versions"]


def _schemas() -> dict[str, pa.Schema]:
    # Read when the test runs, so a column added to a schema fails here until DATA.md documents it.
    return {"releases": schema.RELEASES, "release_versions": schema.RELEASE_VERSIONS, **tables.SCHEMAS}


def _documented() -> dict[str, list[dict[str, str]]]:
    """Each `## <table>` section's column table, as rows keyed by the header cells."""
    found = {}
    text = DOC.read_text(encoding="utf-8")
    for section in re.finditer(r"^## (\S+)\n(.*?)(?=^## |\Z)", text, re.MULTILINE | re.DOTALL):
        lines = [line for line in section.group(2).splitlines() if line.startswith("|")]
        if not lines or [c.strip() for c in lines[0].strip("|").split("|")][:2] != ["column", "type"]:
            continue
        header = [c.strip() for c in lines[0].strip("|").split("|")]
        rows = [[c.strip() for c in line.strip("|").split("|")] for line in lines[2:]]
        found[section.group(1)] = [dict(zip(header, row, strict=True)) for row in rows]
    return found


def _type_name(data_type: pa.DataType) -> str:
    if pa.types.is_list(data_type):
        return f"list<{_type_name(data_type.value_type)}>"
    if pa.types.is_struct(data_type):
        return "struct<" + ", ".join(f"{f.name}: {_type_name(f.type)}" for f in data_type) + ">"
    if pa.types.is_timestamp(data_type):
        return f"timestamp[{data_type.unit}, {data_type.tz}]"
    return {"large_string": "string", "date32[day]": "date32"}.get(str(data_type), str(data_type))


def test_every_table_has_a_section():
    assert sorted(_documented()) == sorted(_schemas()) == sorted(TABLES)


@pytest.mark.parametrize("table", TABLES)
def test_columns_and_types_match_the_schema(table: str):
    documented = [(row["column"], row["type"]) for row in _documented()[table]]
    expected = [(field.name, _type_name(field.type)) for field in _schemas()[table]]
    missing = [c for c in expected if c not in documented]
    extra = [c for c in documented if c not in expected]
    assert documented == expected, \
        f"docs/DATA.md {table}: missing {missing}, not in the schema {extra}, or out of order"


@pytest.mark.parametrize("table", TABLES)
def test_every_column_is_described(table: str):
    for row in _documented()[table]:
        assert row["meaning"] and row["example"] and row["how it is made"], f"{table}.{row['column']}"


@pytest.fixture(scope="module")
def built(sample: Sample) -> Path:
    """A directory holding processed/, the dataset built from raw/, so the doc's relative paths work."""
    return sample.out.parent


@pytest.mark.parametrize("table", TABLES)
def test_the_written_files_have_the_documented_types(table: str, built: Path):
    """What a reader gets from disk is what the schema (and so DATA.md) says, not a type Parquet changed."""
    written = pq.read_schema(next((built / "processed" / table).glob("*.parquet")))
    assert [(f.name, f.type) for f in written] == [(f.name, f.type) for f in _schemas()[table]]


def _values(column: pa.ChunkedArray) -> set[str]:
    if pa.types.is_date(column.type):
        return {d.isoformat() for d in column.to_pylist() if d is not None}
    return {str(v) for v in column.to_pylist() if v is not None}


@pytest.mark.parametrize("table", TABLES)
def test_examples_are_values_of_the_sample_dataset(table: str, built: Path):
    data = pq.read_table(built / "processed" / table)
    checked = 0
    for row in _documented()[table]:
        field = data.schema.field(row["column"])
        example = re.match(r"`([^`]*)`", row["example"])
        # Lists, structs and timestamps (the raw files' mtimes) are shown for their form only.
        scalar = pa.types.is_string(field.type) or pa.types.is_integer(field.type) \
            or pa.types.is_floating(field.type) or pa.types.is_date(field.type)
        if example is None or not scalar:
            continue
        value, values = example.group(1), _values(data.column(field.name))
        if value.endswith("…"):  # a long text, cut short in the table
            assert any(v.startswith(value.rstrip("… ")) for v in values), f"{table}.{field.name}: {value!r}"
        elif pa.types.is_floating(field.type):
            assert float(value) in {float(v) for v in values}, f"{table}.{field.name}: {value!r}"
        else:
            assert value in values, f"{table}.{field.name}: {value!r} is not in the sample dataset"
        checked += 1
    assert checked or data.num_rows == 0


def _blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", DOC.read_text(encoding="utf-8"), re.MULTILINE | re.DOTALL)


def test_code_runs_on_the_sample_dataset(built: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(built)
    namespace: dict = {}
    assert len(_blocks("python")) >= 3 and _blocks("sql")
    with contextlib.redirect_stdout(io.StringIO()):
        for block in _blocks("python"):
            exec(compile(block, str(DOC), "exec"), namespace)  # noqa: S102 - the doc's own examples
    for block in _blocks("sql"):
        duckdb.sql(block).fetchall()


def test_pandas_and_sql_answers_agree(built: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(built)
    pandas_line = next(b for b in _blocks("python") if "nlargest" in b).strip()
    sql_line = _blocks("sql")[0].strip()
    releases = pd.read_parquet(built / "processed" / "releases")
    year = max(d.year for d in releases["published"].dropna())  # the sample has no 2020: ask of its last year
    years = {"2020": str(year), "2021": str(year + 1)}
    as_pandas = eval(re.sub(r"202[01]", lambda m: years[m.group()], pandas_line), {"pd": pd})
    as_sql = duckdb.sql(re.sub(r"202[01]", lambda m: years[m.group()], sql_line)).df()
    assert len(as_sql) and sorted(as_pandas.tolist()) == sorted(as_sql["releases"].tolist())
    assert all(as_pandas.get(name) == count for name, count in zip(as_sql["country_name"], as_sql["releases"],
                                                                  strict=True) if name in as_pandas)
