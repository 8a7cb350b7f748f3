"""The write stage: a version staged whole, published by one atomic step, old versions removed."""
import os
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline import settings
from pipeline.errors import OutputError
from pipeline.files import write_json
from pipeline.store import StagedVersion, check_output, clean_staging
from pipeline.versions import current, version_names

SCHEMAS = {"releases": pa.schema([("release_id", pa.string()), ("x", pa.int64())]),
           "figures": pa.schema([("release_id", pa.string()), ("y", pa.int64())])}


def publish(out: Path, xs: list[int]):
    """Stage and publish a version of two tables whose rows say which version they are."""
    with StagedVersion(out, SCHEMAS) as staged:
        staged.write("releases", pa.table({"release_id": [f"r{x}" for x in xs], "x": xs}))
        staged.write("figures", pa.table({"release_id": [f"r{x}" for x in xs], "y": xs}))
        staged.finish()
        return staged.publish()


def test_a_version_replaces_every_table_whole_and_the_table_paths_stay(tmp_path: Path):
    publish(tmp_path, [1, 2])
    publish(tmp_path, [3])
    assert pq.read_table(tmp_path / "releases").column("x").to_pylist() == [3]
    assert pq.read_table(tmp_path / "figures" / "part-0.parquet").column("y").to_pylist() == [3]
    assert os.readlink(tmp_path / "releases") == "current/releases"
    assert not list(tmp_path.glob(".staging-*"))


def test_old_versions_go_after_the_set_number_of_runs_and_the_report_says_which(tmp_path: Path):
    published = [publish(tmp_path, [n]) for n in range(settings.VERSIONS_KEPT + 2)]
    assert [p.removed for p in published[:settings.VERSIONS_KEPT]] == [()] * settings.VERSIONS_KEPT
    assert published[-1].removed == (published[1].version,)
    assert version_names(tmp_path) == [p.version for p in published[-settings.VERSIONS_KEPT:]]


def test_a_file_someone_put_in_an_old_version_is_never_removed(tmp_path: Path):
    first = publish(tmp_path, [1])
    mine = tmp_path / "_versions" / first.version / "releases" / "notes.txt"
    mine.write_text("mine")
    for n in range(settings.VERSIONS_KEPT):
        publish(tmp_path, [n])
    assert mine.read_text() == "mine"


def test_foreign_parquet_file_is_a_clear_error_and_nothing_changes(tmp_path: Path):
    publish(tmp_path, [1])
    (tmp_path / "releases" / "someone-elses.parquet").write_bytes(b"not parquet")
    with pytest.raises(OutputError, match="did not write"):
        check_output(tmp_path)
    assert pq.read_table(tmp_path / "releases" / "part-0.parquet").column("x").to_pylist() == [1]


def test_a_version_left_unfinished_is_never_published(tmp_path: Path):
    publish(tmp_path, [1])
    with pytest.raises(RuntimeError, match="finish"), StagedVersion(tmp_path, SCHEMAS) as staged:
        staged.write("releases", pa.table({"release_id": ["r2"], "x": [2]}))
        staged.publish()
    assert pq.read_table(tmp_path / "releases").column("x").to_pylist() == [1]
    assert len(version_names(tmp_path)) == 1 and current(tmp_path) is not None


def test_stale_staging_is_cleaned(tmp_path: Path):
    (tmp_path / ".staging-dead").mkdir()
    (tmp_path / ".staging-dead" / "half.parquet").write_bytes(b"x")
    (tmp_path / ".staging-link-dead").symlink_to("_versions/nowhere")
    assert clean_staging(tmp_path) == 2
    assert not list(tmp_path.iterdir())


def test_write_json_is_atomic(tmp_path: Path):
    write_json(tmp_path / "r" / "a.json", {"ok": 1})
    assert (tmp_path / "r" / "a.json").read_text().strip().startswith("{")
    assert [p.name for p in (tmp_path / "r").iterdir()] == ["a.json"]
