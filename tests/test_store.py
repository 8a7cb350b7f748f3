from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.errors import OutputError
from pipeline.store import StagedTables, clean_staging, write_json


def write_tables(out_dir: Path, tables: dict[str, pa.Table]) -> None:
    """Stage and publish whole tables, as a run does batch by batch."""
    with StagedTables(out_dir, {name: table.schema for name, table in tables.items()}) as staged:
        for name, table in tables.items():
            staged.write(name, table)
        staged.publish()


def test_write_replaces_the_table_whole(tmp_path: Path):
    write_tables(tmp_path, {"releases": pa.table({"x": [1, 2]})})
    write_tables(tmp_path, {"releases": pa.table({"x": [3]})})
    assert pq.read_table(tmp_path / "releases").column("x").to_pylist() == [3]
    assert not list(tmp_path.glob(".staging-*"))


def test_foreign_parquet_file_is_a_clear_error_and_nothing_changes(tmp_path: Path):
    write_tables(tmp_path, {"releases": pa.table({"x": [1]})})
    (tmp_path / "releases" / "someone-elses.parquet").write_bytes(b"not parquet")
    with pytest.raises(OutputError, match="did not write"):
        write_tables(tmp_path, {"releases": pa.table({"x": [2]})})
    assert pq.read_table(tmp_path / "releases" / "part-0.parquet").column("x").to_pylist() == [1]


def test_stale_staging_is_cleaned(tmp_path: Path):
    (tmp_path / ".staging-dead").mkdir()
    (tmp_path / ".staging-dead" / "half.parquet").write_bytes(b"x")
    assert clean_staging(tmp_path) == 1
    assert not (tmp_path / ".staging-dead").exists()


def test_write_json_is_atomic(tmp_path: Path):
    write_json(tmp_path / "r" / "a.json", {"ok": 1})
    assert (tmp_path / "r" / "a.json").read_text().strip().startswith("{")
    assert [p.name for p in (tmp_path / "r").iterdir()] == ["a.json"]
