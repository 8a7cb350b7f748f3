"""The nightly refresh: incremental, idempotent, single-writer, atomic and crash-safe."""
from __future__ import annotations

import errno
import fcntl
import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline import store
from pipeline.errors import OutputError
from pipeline.run import run

from .conftest import REPO

SEEDS = sorted((REPO / "raw").glob("*.txt"))


def _digest(out: Path) -> str:
    return hashlib.sha256((out / "releases" / "part-0.parquet").read_bytes()).hexdigest()


def _frame(out: Path) -> pd.DataFrame:
    frame = pd.read_parquet(out / "releases").drop(columns=["last_seen", "first_seen"])
    return frame.sort_values("release_id").reset_index(drop=True)


def _cli(*args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "pipeline", *args], cwd=REPO, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **kwargs)


@pytest.fixture()
def raw(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    for path in SEEDS[:3]:
        shutil.copy2(path, raw)
    return raw


def test_second_refresh_is_a_byte_identical_no_op(raw: Path, tmp_path: Path):
    out = tmp_path / "out"
    first = run(raw, out, incremental=True, progress=False)
    digest = _digest(out)
    second = run(raw, out, incremental=True, progress=False)
    assert first.published and not second.published
    assert second.files_read == 0 and second.unchanged == first.releases
    assert _digest(out) == digest
    assert len(list((out / "_runs").glob("*.json"))) == 2


def test_a_crash_before_the_commit_leaves_the_previous_version_and_the_next_run_redoes_it(
        raw: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    out = tmp_path / "out"
    run(raw, out, incremental=True, progress=False)
    digest, before = _digest(out), _frame(out)
    shutil.copy2(SEEDS[3], raw)

    def killed(*_args, **_kwargs):
        raise KeyboardInterrupt  # stands for SIGKILL: the new version is written, not yet current

    monkeypatch.setattr("pipeline.store._swap_current", killed)
    with pytest.raises(KeyboardInterrupt):
        run(raw, out, incremental=True, progress=False)
    monkeypatch.undo()
    assert _digest(out) == digest  # the state and the tables of the previous version, together
    pd.testing.assert_frame_equal(_frame(out), before)
    repaired = run(raw, out, incremental=True, progress=False)
    assert repaired.files_read == 1 and repaired.published
    full = tmp_path / "full"
    run(raw, full, progress=False)
    pd.testing.assert_frame_equal(_frame(out), _frame(full))


def test_refresh_processes_only_new_snapshots_and_keeps_ids(raw: Path, tmp_path: Path):
    out = tmp_path / "out"
    run(raw, out, incremental=True, progress=False)
    ids = set(_frame(out)["release_id"])
    shutil.copy2(SEEDS[3], raw)
    report = run(raw, out, incremental=True, progress=False)
    assert report.files_read == 1 and report.added == 1
    assert ids < set(_frame(out)["release_id"])
    full = tmp_path / "full"
    run(raw, full, progress=False)
    pd.testing.assert_frame_equal(_frame(out), _frame(full))


def test_same_release_in_a_second_scrape_accumulates_sources(raw: Path, tmp_path: Path):
    out = tmp_path / "out"
    run(raw, out, incremental=True, progress=False)
    later = raw / "later"
    later.mkdir()
    shutil.copy2(raw / SEEDS[1].name, later / "second_scrape.txt")
    report = run(raw, out, incremental=True, progress=False)
    assert report.added == 0 and report.updated == 12
    frame = pd.read_parquet(out / "releases")
    sources = frame[frame["title"] == "Remain in Mexico Plan Could Prove Deadly to Vulnerable Families"]["sources"]
    assert [sorted(Path(s).name for s in sources.iloc[0])] == [[SEEDS[1].name, "second_scrape.txt"]]


def test_edited_release_keeps_its_id_and_an_earlier_version(tmp_path: Path):
    raw = tmp_path / "raw" / "site"
    raw.mkdir(parents=True)

    def snapshot(name: str, title: str, fetched: str) -> None:
        (raw / f"{name}.html").write_text(
            "<html><body>"
            f"<article><p>Press Release</p><h2><a href='/news/one'>{title}</a></h2>"
            "<p>The organisation today called for the release of all detained journalists in the country.</p>"
            "<p>May 2, 2021</p></article>"
            "<article><p>Press Release</p><h2><a href='/news/two'>A second release</a></h2>"
            "<p>Another statement on a different subject, published the day before the first one.</p>"
            "<p>May 1, 2021</p></article></body></html>"
        )
        (raw / f"{name}.meta.json").write_text(
            f'{{"url": "https://news.example.org/", "final_url": "https://news.example.org/", '
            f'"fetched_at": "{fetched}"}}'
        )

    out = tmp_path / "out"
    snapshot("a", "Journalists must be freed", "2021-05-02T10:00:00Z")
    run(tmp_path / "raw", out, incremental=True, progress=False)
    before = _frame(out).set_index("url")
    snapshot("b", "All journalists must be freed now", "2021-05-03T10:00:00Z")
    report = run(tmp_path / "raw", out, incremental=True, progress=False)
    after = pd.read_parquet(out / "releases").set_index("url")
    one = "https://news.example.org/news/one"
    assert report.updated == 2 and report.added == 0
    assert after.loc[one, "title"] == "All journalists must be freed now"
    assert after.loc[one, "release_id"] == before.loc[one, "release_id"]
    assert str(after.loc[one, "first_seen"]).startswith("2021-05-02")
    assert str(after.loc[one, "last_seen"]).startswith("2021-05-03")
    versions = pd.read_parquet(out / "release_versions")
    assert versions["title"].tolist() == ["Journalists must be freed"]
    assert versions["release_id"].tolist() == [before.loc[one, "release_id"]]


def test_a_second_writer_exits_at_once_with_a_distinct_code(raw: Path, tmp_path: Path):
    out = tmp_path / "out"
    out.mkdir()
    with open(out / ".lock", "w", encoding="utf-8") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another run, busy (it has signed nothing: no age to judge)
        started = time.monotonic()
        proc = _cli("refresh", "--raw", str(raw), "--out", str(out))
        _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 75
    assert "another run holds" in stderr and "Traceback" not in stderr
    assert time.monotonic() - started < 20


@pytest.mark.parametrize("failing_write", [1, 2, 4, 7])  # the new records, the cache, the tables
def test_disk_full_publishes_nothing_half_way(raw: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              failing_write: int):
    out = tmp_path / "out"
    run(raw, out, progress=False)
    digest = _digest(out)
    shutil.copy2(SEEDS[3], raw)
    writes = 0
    write_table = store.pq.ParquetWriter.write_table

    def fills_up(self, *args, **kwargs):
        nonlocal writes
        writes += 1
        if writes >= failing_write:
            raise OSError(errno.ENOSPC, "No space left on device")
        return write_table(self, *args, **kwargs)

    monkeypatch.setattr(store.pq.ParquetWriter, "write_table", fills_up)
    with pytest.raises(OutputError, match="No space left"):
        run(raw, out, incremental=True, progress=False)
    assert writes >= failing_write
    assert _digest(out) == digest
    assert not list(out.glob(".staging-*")) and len(list((out / "_versions").iterdir())) == 1
    monkeypatch.undo()
    again = run(raw, out, incremental=True, progress=False)
    assert again.published and again.added > 0


def test_output_path_that_is_a_file_is_a_clean_error(raw: Path, tmp_path: Path):
    blocker = tmp_path / "out"
    blocker.write_text("not a directory")
    proc = _cli("refresh", "--raw", str(raw), "--out", str(blocker))
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 3 and "cannot write" in stderr and "Traceback" not in stderr


def test_corrupt_parquet_left_by_someone_else_is_a_clean_error(raw: Path, tmp_path: Path):
    out = tmp_path / "out"
    run(raw, out, progress=False)
    (out / "releases" / "part-0.parquet").write_bytes(b"PAR1 garbage")
    shutil.copy2(SEEDS[3], raw)
    proc = _cli("refresh", "--raw", str(raw), "--out", str(out))
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 3 and "not a readable Parquet file" in stderr and "Traceback" not in stderr


def test_sigkill_at_random_moments_never_corrupts_and_reruns_converge(tmp_path: Path):
    """Kill refresh 20 times at random moments; the dataset always opens and holds a published state."""
    rng = random.Random(20261122)
    raw = tmp_path / "raw"
    raw.mkdir()
    out = tmp_path / "out"
    shutil.copy2(SEEDS[1], raw)
    assert _cli("refresh", "--raw", str(raw), "--out", str(out), "--no-progress").wait(timeout=120) == 0
    published = {_digest(out)}
    kills = 0
    for trial in range(20):
        # Each trial brings a new snapshot, so every refresh has work to do and something to publish.
        text = SEEDS[2].read_text(encoding="utf-8").replace("Scott Warren", f"Scott Warren {trial}")
        (raw / f"scrape_{trial:02d}.txt").write_text(text, encoding="utf-8")
        proc = _cli("refresh", "--raw", str(raw), "--out", str(out), "--no-progress", start_new_session=True)
        time.sleep(rng.uniform(0.3, 3.5))
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            kills += 1
        proc.communicate(timeout=120)
        state = _digest(out)
        assert pq.read_table(out / "releases").num_rows > 0
        if state not in published:
            published.add(state)  # the killed run got as far as publishing: a whole new state
        assert not (out / "releases" / "part-0.parquet.tmp").exists()
    assert kills >= 10, f"only {kills} of 20 runs were still going when killed"
    assert _cli("refresh", "--raw", str(raw), "--out", str(out), "--no-progress").wait(timeout=120) == 0
    full = tmp_path / "full"
    run(raw, full, progress=False)
    pd.testing.assert_frame_equal(_frame(out), _frame(full))
    assert not list(out.glob(".staging-*"))


def test_a_dataset_written_before_versions_is_read_and_becomes_the_first_version(raw: Path, tmp_path: Path):
    import json
    import os

    from pipeline.query import load

    out = tmp_path / "out"
    run(raw, out, incremental=True, progress=False)
    before = _frame(out)
    # The layout of the code before versions: a real directory per table, the state beside them, and the
    # releases table stamped with the id of that state.
    version = Path(os.path.realpath(out / "current"))
    for table in ("releases", "release_versions", "spokespeople", "countries", "figures"):
        (out / table).unlink()
        shutil.copytree(version / table, out / table)
    shutil.copytree(version / "_state", out / "_state")
    manifest = json.loads((out / "_state" / "manifest.json").read_text(encoding="utf-8"))
    (out / "_state" / "manifest.json").write_text(json.dumps({**manifest, "state_id": "abc"}), encoding="utf-8")
    stamped = pq.read_table(out / "releases" / "part-0.parquet")
    pq.write_table(stamped.replace_schema_metadata({b"pipeline.state_id": b"abc"}), out / "releases" / "part-0.parquet")
    (out / "current").unlink()
    shutil.rmtree(out / "_versions")
    assert len(load(out)) == len(before)  # read as it stands
    again = run(raw, out, incremental=True, progress=False)
    assert again.files_read == 0 and not again.published  # its state came along: nothing to do
    assert os.readlink(out / "releases") == "current/releases" and not (out / "_state").exists()
    shutil.copy2(SEEDS[3], raw)
    assert run(raw, out, incremental=True, progress=False).files_read == 1
    full = tmp_path / "full"
    run(raw, full, progress=False)
    pd.testing.assert_frame_equal(_frame(out), _frame(full))
