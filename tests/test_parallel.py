"""Extraction on two local processes and on a Dask cluster writes the same dataset as one process."""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from pipeline.run import run

from .conftest import REPO, Sample


@pytest.fixture(scope="module")
def single(sample: Sample) -> pd.DataFrame:
    return pd.read_parquet(sample.out / "releases")


@pytest.mark.parametrize("chunk", [2_000, 5])  # 5: many chunks, each handed over while the last is extracted
def test_two_local_workers_write_the_same_rows(single: pd.DataFrame, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch, chunk: int):
    monkeypatch.setattr("pipeline.settings.NLP_CHUNK_SIZE", chunk)
    report = run(REPO / "raw", tmp_path, progress=False, workers=2)
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "releases"), single)
    assert report.records - report.duplicates_merged == report.releases == len(single)  # none lost between chunks


def test_dask_local_cluster_writes_the_same_rows(single: pd.DataFrame, tmp_path: Path):
    distributed = pytest.importorskip("distributed")
    raw = tmp_path / "raw"
    shutil.copytree(REPO / "raw", raw)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  host="127.0.0.1") as cluster:
        report = run(raw, tmp_path / "out", progress=False, scheduler=cluster.scheduler_address)
    clustered = pd.read_parquet(tmp_path / "out" / "releases")
    assert report.releases == len(single)
    # Sources name the copied raw directory; every other column matches row for row.
    pd.testing.assert_frame_equal(clustered.drop(columns=["sources"]), single.drop(columns=["sources"]))
    assert [[Path(s).name for s in row] for row in clustered["sources"]] == \
        [[Path(s).name for s in row] for row in single["sources"]]
