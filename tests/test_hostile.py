"""Hostile and broken inputs (issue 16): each test names the promise it keeps.

Every input is written here, in tmp_path: a few listing pages of our own text, foreign and damaged
Parquet files, links, odd names. The numbers in the section titles are the items of the issue.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.run import run

from .conftest import REPO


def _page(tag: str, cards: int = 2) -> str:
    """A listing page of our own: `cards` dated press releases whose titles carry the tag."""
    return "\n".join(
        f"Press Release\n\nHarbour board {tag} opens ferry terminal number {i} in Portville\n\n"
        f"March {i + 3}, 2021\n\nThe harbour board of {tag} today opened ferry terminal {i}, which will carry "
        "2,000 passengers a day.\n"
        for i in range(cards)
    )


def _raw(tmp_path: Path, *tags: str) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    for tag in tags:
        (raw / f"{tag}.txt").write_text(_page(tag), encoding="utf-8")
    return raw


def _titles(out: Path) -> list[str]:
    return sorted(pq.read_table(out / "releases", columns=["title"]).column("title").to_pylist())


def _cli(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, cwd=REPO,
                          check=False, timeout=180, **kwargs)


def _one_clean_line(stderr: str) -> None:
    assert "Traceback" not in stderr and stderr.count("\n") == 1, stderr
    assert stderr.startswith("pipeline: error: "), stderr


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A dataset built by the pipeline from two pages of our own: 4 releases."""
    base = tmp_path_factory.mktemp("hostile")
    out = base / "out"
    run(_raw(base, "alpha", "beta"), out, progress=False)
    return out


@pytest.fixture()
def out(dataset: Path, tmp_path: Path) -> Path:
    """A private copy of the dataset, for tests that try to damage it."""
    copy = tmp_path / "out"
    shutil.copytree(dataset, copy)
    return copy


# --- 1. no file outside --raw is read -------------------------------------------------------------


def test_a_link_out_of_raw_is_skipped_with_its_reason_and_a_link_inside_is_read(tmp_path: Path):
    raw = _raw(tmp_path, "alpha")
    secret = tmp_path / "secret.txt"
    secret.write_text(_page("SECRET"), encoding="utf-8")
    (raw / "leak.txt").symlink_to(secret)
    (raw / "sub").mkdir()
    (raw / "sub" / "gamma.txt").write_text(_page("gamma"), encoding="utf-8")
    (raw / "inside.txt").symlink_to(raw / "sub" / "gamma.txt")
    out = tmp_path / "out"
    report = run(raw, out, progress=False)
    reasons = dict(report.files_skipped)
    assert "outside --raw" in reasons[str(raw / "leak.txt")]
    assert not any("SECRET" in title for title in _titles(out))
    cache = pq.read_table(out / "_state" / "records.parquet").to_pylist()
    assert cache and not any("SECRET" in json.dumps(row, default=str) for row in cache)
    assert str(raw / "leak.txt") not in json.loads((out / "_state" / "manifest.json").read_text())["files"]
    assert any("gamma" in title for title in _titles(out))  # the link inside raw is followed
