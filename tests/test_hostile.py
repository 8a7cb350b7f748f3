"""Hostile and broken inputs (issue 16): each test names the promise it keeps.

Every input is written here, in tmp_path: a few listing pages of our own text, foreign and damaged
Parquet files, links, odd names. The numbers in the section titles are the items of the issue.
"""
from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import pipeline
from pipeline import errors
from pipeline.errors import ConfigError, PipelineError
from pipeline.query import QueryError, connect, load, sql, stats
from pipeline.run import run
from pipeline.scrape import ScrapeConfigError, Site, load_sites

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


def _cli(*args: str, cwd: Path = REPO, timeout: float = 180, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}  # this checkout's package, from any working directory
    kwargs.setdefault("capture_output", True)
    return subprocess.run([sys.executable, "-m", "pipeline", *args], text=True, cwd=cwd, env=env, check=False,
                          timeout=timeout, **kwargs)


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
    shutil.copytree(dataset, copy, symlinks=True)  # the table paths are links into the current version
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
    cache = pq.read_table(out / "current" / "_state" / "records.parquet").to_pylist()
    assert cache and not any("SECRET" in json.dumps(row, default=str) for row in cache)
    assert str(raw / "leak.txt") not in json.loads((out / "current" / "_state" / "manifest.json").read_text())["files"]
    assert any("gamma" in title for title in _titles(out))  # the link inside raw is followed


# --- 2. SQL is a read-only view of the dataset ----------------------------------------------------


@pytest.fixture()
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory whose parent holds a file no query may read."""
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    (tmp_path / "secret.csv").write_text("name,password\nroot,hunter2\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("statement", [
    "COPY (SELECT 1) TO '../x.csv'",
    "ATTACH 'x.db'",
    "SELECT * FROM read_csv('../secret.csv')",
    "SELECT * FROM read_text('../secret.csv')",
    "SELECT * FROM glob('../*')",
    "INSTALL httpfs",
    "SET enable_external_access = true",
])
def test_sql_refuses_to_touch_any_file(out: Path, elsewhere: Path, statement: str):
    with pytest.raises(QueryError) as error:
        sql(statement, out)
    assert "\n" not in str(error.value)
    assert not (elsewhere / "x.csv").exists() and not (elsewhere / "cwd" / "x.db").exists()


@pytest.mark.parametrize("statement", [
    "COPY (SELECT 1 AS x) TO '{table}'",
    "COPY (SELECT 1 AS x) TO '{table}' (USE_TMP_FILE false)",
    "ATTACH '{table}' AS hijack",
    "EXPORT DATABASE '{out}'",
    "SELECT * FROM read_text('{out}/current/_state/manifest.json')",
])
def test_sql_cannot_overwrite_or_read_around_the_published_tables(out: Path, statement: str):
    table = out / "releases" / "part-0.parquet"
    before, files = table.read_bytes(), sorted(out.rglob("*"))
    with pytest.raises(QueryError) as error:
        sql(statement.format(table=table, out=out), out)
    assert "\n" not in str(error.value)
    assert table.read_bytes() == before and sorted(out.rglob("*")) == files


def test_a_connection_from_connect_is_locked_too(out: Path, elsewhere: Path):
    connection = connect(out)
    assert connection.execute("SELECT count(*) FROM releases").fetchone()[0] == 4
    for statement in ("COPY (SELECT 1) TO '../x.csv'", "SET lock_configuration = false",
                      f"COPY (SELECT 1 AS x) TO '{out / 'countries' / 'part-0.parquet'}' (USE_TMP_FILE false)"):
        with pytest.raises(Exception, match="(?i)permission|locked"):
            connection.execute(statement)
    assert not (elsewhere / "x.csv").exists()
    assert pq.read_table(out / "countries").schema.names[0] == "release_id"


def test_cli_sql_refusal_is_one_line_and_reading_still_works(out: Path, elsewhere: Path):
    refused = _cli("sql", "COPY (SELECT 1) TO '../x.csv'", "--out", str(out), cwd=elsewhere / "cwd")
    assert refused.returncode == 2
    _one_clean_line(refused.stderr)
    assert not (elsewhere / "x.csv").exists()
    counted = _cli("sql", "SELECT count(*) AS n FROM releases r JOIN countries c USING (release_id)", "--out",
                   str(out), "--csv")
    assert counted.returncode == 0 and counted.stdout.split()[0] == "n"


# --- 3. refresh retries what it could not read -------------------------------------------------------


def test_a_file_that_could_not_be_read_is_retried_by_the_next_refresh(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch):
    raw = _raw(tmp_path, "alpha", "beta")
    out = tmp_path / "out"
    from pipeline import read as reader

    read_bounded = reader.read_bounded

    def failing_disk(path: Path, *args, **kwargs):
        if path.name == "beta.txt":
            raise OSError(errno.EIO, "Input/output error", str(path))
        return read_bounded(path, *args, **kwargs)

    monkeypatch.setattr(reader, "read_bounded", failing_disk)
    first = run(raw, out, incremental=True, progress=False)
    assert "cannot read" in dict(first.files_skipped)[str(raw / "beta.txt")]
    monkeypatch.undo()
    second = run(raw, out, incremental=True, progress=False)
    assert second.files_read == 1 and second.added == 2
    assert sum("beta" in title for title in _titles(out)) == 2


def test_a_page_the_splitter_crashed_on_is_retried_by_the_next_refresh(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch):
    raw = _raw(tmp_path, "alpha", "beta")
    out = tmp_path / "out"
    from pipeline import stages

    segment = stages.segment

    def buggy(page):
        if page.source.endswith("beta.txt"):
            raise RuntimeError("a bug in the splitter")
        return segment(page)

    monkeypatch.setattr(stages, "segment", buggy)
    first = run(raw, out, incremental=True, progress=False)
    assert "split failed" in dict(first.files_skipped)[str(raw / "beta.txt")]
    monkeypatch.undo()
    second = run(raw, out, incremental=True, progress=False)
    assert second.added == 2 and sum("beta" in title for title in _titles(out)) == 2


def test_a_skip_for_the_bytes_themselves_stays_remembered(tmp_path: Path):
    raw = _raw(tmp_path, "alpha")
    (raw / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    first = run(raw, out, incremental=True, progress=False)
    assert dict(first.files_skipped)[str(raw / "empty.txt")] == "empty file"
    second = run(raw, out, incremental=True, progress=False)
    assert second.files_skipped == [] and not second.published


# --- 4. nothing published is removed without saying so ----------------------------------------------


def test_an_empty_raw_is_refused_instead_of_wiping_the_dataset(out: Path, tmp_path: Path):
    empty = tmp_path / "empty"
    empty.mkdir()
    table = out / "releases" / "part-0.parquet"
    before = table.read_bytes()
    with pytest.raises(ConfigError, match="would remove 4 .*--allow-empty"):
        run(empty, out, progress=False)
    assert table.read_bytes() == before
    result = _cli("run", "--raw", str(empty), "--out", str(out), "--no-progress")
    assert result.returncode == 2 and "--allow-empty" in result.stderr
    _one_clean_line(result.stderr)
    assert table.read_bytes() == before


def test_allow_empty_forces_it_and_the_summary_says_how_many_were_removed(out: Path, tmp_path: Path):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = _cli("run", "--raw", str(empty), "--out", str(out), "--no-progress", "--allow-empty")
    assert result.returncode == 0, result.stderr
    assert "4 removed" in result.stdout
    assert pq.read_metadata(out / "releases" / "part-0.parquet").num_rows == 0


def test_releases_removed_by_an_ordinary_run_are_counted(tmp_path: Path):
    raw = _raw(tmp_path, "alpha", "beta")
    out = tmp_path / "out"
    run(raw, out, progress=False)
    (raw / "beta.txt").unlink()
    report = run(raw, out, progress=False)
    assert report.removed == 2 and "2 removed" in report.summary_line()
    assert "removed" not in run(raw, out, progress=False).summary_line()  # nothing removed: nothing said


# --- 6. foreign and damaged tables are named and never overwritten -----------------------------------


def _foreign(out: Path, table: str, columns: dict) -> bytes:
    (out / table).mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.table(columns), out / table / "part-0.parquet")
    return (out / table / "part-0.parquet").read_bytes()


@pytest.mark.parametrize(("table", "columns"), [
    ("releases", {"x": [1, 2]}),  # no release_id: a KeyError before
    ("releases", {"release_id": ["a", "b"], "title": ["mine", "too"]}),  # silently overwritten before
    ("countries", {"release_id": ["a"], "population": [7]}),
])
def test_a_foreign_table_in_out_is_named_and_kept(tmp_path: Path, table: str, columns: dict):
    raw = _raw(tmp_path, "alpha")
    out = tmp_path / "out"
    before = _foreign(out, table, columns)
    with pytest.raises(errors.DatasetError, match="not written by this pipeline") as error:
        run(raw, out, progress=False)
    assert str(out / table / "part-0.parquet") in str(error.value)
    assert isinstance(error.value, PipelineError) and error.value.exit_code == 3
    assert (out / table / "part-0.parquet").read_bytes() == before
    result = _cli("run", "--raw", str(raw), "--out", str(out), "--no-progress")
    assert result.returncode == 3 and str(out / table / "part-0.parquet") in result.stderr
    _one_clean_line(result.stderr)
    assert (out / table / "part-0.parquet").read_bytes() == before


def test_a_truncated_table_is_a_named_dataset_error_for_every_reader(out: Path):
    part = out / "releases" / "part-0.parquet"
    part.write_bytes(part.read_bytes()[: part.stat().st_size // 2])
    for call in (lambda: stats(out), lambda: sql("SELECT count(*) FROM releases", out), lambda: load(out),
                 lambda: load(out, "countries", country="MEX"), lambda: pipeline.load(out, since="2021-01-01")):
        with pytest.raises(errors.DatasetError) as error:
            call()
        assert str(part) in str(error.value) and "\n" not in str(error.value)
    for command in (["stats"], ["sql", "SELECT 1"]):
        result = _cli(*command, "--out", str(out))
        assert result.returncode == 3 and str(part) in result.stderr
        _one_clean_line(result.stderr)


# --- 5. long texts are linear: tests/test_long_text.py and the benchmark's long-text lines -----------


# --- 7. decoding: a byte-order mark first; bytes that are not their declared charset are read, and said ---

STATEMENT = ("Agency opens three clinics in the north\n\nThe agency opened three clinics on Monday, "
             "its first in the region since the floods, the director said.\n")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-8-sig"])
def test_text_with_a_byte_order_mark_is_read_not_skipped_as_binary(tmp_path: Path, encoding: str):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "statement.txt").write_bytes(STATEMENT.encode(encoding))
    report = run(raw, tmp_path / "out", progress=False)
    assert report.files_skipped == [] and report.releases == 1
    frame = pq.read_table(tmp_path / "out" / "releases").to_pylist()
    assert frame[0]["title"] == "Agency opens three clinics in the north"


def test_html_declared_utf8_with_latin1_bytes_has_no_replacement_characters_and_says_so(tmp_path: Path):
    raw = tmp_path / "raw"
    raw.mkdir()
    page = ('<html><head><meta charset="utf-8"><title>Minister\x92s caf\xe9 visit</title></head><body>'
            '<h1>Minister\x92s caf\xe9 visit</h1><p>The minister visited the caf\xe9 on Monday and met the '
            'volunteers who run it, the office said in a statement issued later that day.</p></body></html>')
    (raw / "page.html").write_bytes(page.encode("latin-1"))
    run(raw, tmp_path / "out", progress=False)
    (row,) = pq.read_table(tmp_path / "out" / "releases").to_pylist()
    assert row["title"] == "Minister\u2019s caf\u00e9 visit" and "\ufffd" not in row["title"] + row["summary"]
    assert row["warnings"] == ["declared UTF-8 but holds other bytes: read as cp1252"]


# --- 8. error paths end in one line, never a traceback ------------------------------------------------


@pytest.mark.parametrize("query", ["", "   ", "-- only a comment", "/* nothing */ ;"])
def test_an_empty_query_is_one_line(out: Path, query: str):
    with pytest.raises(QueryError, match="empty"):
        sql(query, out)
    result = _cli("sql", query, "--out", str(out))
    assert result.returncode == 2
    _one_clean_line(result.stderr)


def test_stats_into_a_closed_pipe_ends_quietly(out: Path):
    reader, writer = os.pipe()
    os.close(reader)  # like `| head` that has already exited
    try:
        result = subprocess.run([sys.executable, "-m", "pipeline", "stats", "--out", str(out)], stdout=writer,
                                stderr=subprocess.PIPE, text=True, cwd=REPO, check=False, timeout=120)
    finally:
        os.close(writer)
    assert result.returncode == 141 and result.stderr == ""


def test_a_sites_file_that_is_not_utf8_is_one_line(tmp_path: Path):
    sites = tmp_path / "sites.toml"
    sites.write_bytes('[[sites]]\nname = "caf\xe9"\nstart_url = "http://127.0.0.1:9/"\n'.encode("latin-1"))
    with pytest.raises(ScrapeConfigError, match="UTF-8"):
        load_sites(sites)
    result = _cli("scrape", "--sites", str(sites), "--raw", str(tmp_path / "raw"))
    assert result.returncode == 2
    _one_clean_line(result.stderr)


def test_a_site_name_too_long_for_a_directory_is_refused(tmp_path: Path):
    with pytest.raises(ScrapeConfigError, match="site name"):
        Site(name="a" * 300, start_url="http://127.0.0.1:9/")
    sites = tmp_path / "sites.toml"
    sites.write_text(f'[[sites]]\nname = "{"a" * 300}"\nstart_url = "http://127.0.0.1:9/"\n', encoding="utf-8")
    result = _cli("scrape", "--sites", str(sites), "--raw", str(tmp_path / "raw"))
    assert result.returncode == 2
    _one_clean_line(result.stderr)
    assert not (tmp_path / "raw").exists()


@pytest.mark.parametrize("delay", ["1e308", "1e9", "3601"])
def test_a_delay_over_an_hour_is_refused(tmp_path: Path, delay: str):
    with pytest.raises(ScrapeConfigError, match="delay"):
        Site(name="", start_url="http://127.0.0.1:9/", delay_s=float(delay))
    result = _cli("scrape", "http://127.0.0.1:9/", "--delay", delay, "--raw", str(tmp_path / "raw"))
    assert result.returncode == 2
    _one_clean_line(result.stderr)


@pytest.mark.parametrize("manifest", [
    [],
    "processed",
    {"extraction_key": "{key}", "files": [], "processed": {}},
    {"extraction_key": "{key}", "files": {"raw/a.txt": 5}, "processed": [], "state_id": 7},
    {"extraction_key": "{key}", "files": {"raw/a.txt": {"size": "big"}}, "processed": {"x": None}},
])
def test_a_manifest_of_the_wrong_shape_means_process_everything(tmp_path: Path, manifest):
    from pipeline import settings
    from pipeline.run import extraction_key

    raw = _raw(tmp_path, "alpha")
    out = tmp_path / "out"
    run(raw, out, incremental=True, progress=False)
    text = json.dumps(manifest).replace("{key}", extraction_key(settings.DEFAULT_MODEL))
    (out / "current" / "_state" / "manifest.json").write_text(text, encoding="utf-8")
    report = run(raw, out, incremental=True, progress=False)
    assert report.files_read == 1 and report.releases == 2


def test_extract_text_of_none_or_a_lone_surrogate_is_handled():
    with pytest.raises(ConfigError, match="str") as error:
        pipeline.extract_text(None)  # type: ignore[arg-type]
    assert "\n" not in str(error.value)
    releases = pipeline.extract_text(_page("delta\ud800", cards=1))
    assert len(releases) == 1 and "\ufffd" in releases[0].title


@pytest.mark.parametrize("filters", [{"kind": 5}, {"organization": 5}, {"country": 5}, {"spokesperson": 5},
                                     {"columns": "title"}, {"table": 5}])
def test_load_with_a_filter_of_the_wrong_type_is_one_line(out: Path, filters: dict):
    with pytest.raises(ConfigError) as error:
        load(out, **filters)
    assert "\n" not in str(error.value)


# --- 9. reports and messages --------------------------------------------------------------------------


def test_a_failed_run_writes_a_report_with_its_error(tmp_path: Path):
    raw = _raw(tmp_path, "alpha")
    out = tmp_path / "out"
    _foreign(out, "releases", {"x": [1]})
    with pytest.raises(errors.DatasetError):
        run(raw, out, progress=False)
    reports = list((out / "_runs").glob("*.json"))
    assert len(reports) == 1
    report = json.loads(reports[0].read_text(encoding="utf-8"))
    assert str(out / "releases" / "part-0.parquet") in report["error"] and report["published"] is False
    assert report["finished"]


@pytest.mark.parametrize("blocker", ["releases", "current", "_versions", "_runs"])
def test_exit_3_names_the_file_in_the_way(tmp_path: Path, blocker: str):
    raw = _raw(tmp_path, "alpha")
    out = tmp_path / "out"
    out.mkdir()
    (out / blocker).write_text("in the way", encoding="utf-8")
    result = _cli("run", "--raw", str(raw), "--out", str(out), "--no-progress")
    assert result.returncode == 3 and str(out / blocker) in result.stderr
    _one_clean_line(result.stderr)
    assert (out / blocker).read_text(encoding="utf-8") == "in the way"


def test_a_file_name_with_a_newline_cannot_forge_a_log_line(tmp_path: Path):
    raw = _raw(tmp_path, "alpha")
    (raw / "x\nERROR pipeline: forged.txt").write_bytes(b"")
    result = _cli("run", "--raw", str(raw), "--out", str(tmp_path / "out"), "--no-progress")
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert not any(line.startswith("ERROR pipeline: forged") for line in lines), lines
    assert any("x\\nERROR pipeline: forged.txt" in line for line in lines), lines


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc")
def test_an_output_directory_that_cannot_hold_a_lock_is_exit_3_not_locked(tmp_path: Path):
    raw = _raw(tmp_path, "alpha")
    result = _cli("run", "--raw", str(raw), "--out", "/proc/self", "--no-progress")
    assert result.returncode == 3 and "/proc/self" in result.stderr
    _one_clean_line(result.stderr)


def test_a_page_of_100k_nested_elements_is_read_not_reported_as_no_text(tmp_path: Path):
    raw = tmp_path / "raw"
    raw.mkdir()
    depth = 100_000
    (raw / "deep.html").write_text("<html><body>" + "<div>" * depth + "<h1>Deep release</h1><p>The agency "
                                   "opened three clinics on Monday, the director said in a statement.</p>"
                                   + "</div>" * depth + "</body></html>", encoding="utf-8")
    report = run(raw, tmp_path / "out", progress=False)
    assert report.files_skipped == [] and report.releases == 1
    (row,) = pq.read_table(tmp_path / "out" / "releases").to_pylist()
    assert "opened three clinics" in (row["title"] or "") + row["summary"]


# --- 10. one whole version at a time (issue 24): tables switch together, readers read only what was written ---

TABLES = ("releases", "release_versions", "spokespeople", "countries", "figures")


def _tables(out: Path) -> dict[str, list[str]]:
    """Every table as a reader without this project sees it (pyarrow on `<out>/<table>`), rows sorted."""
    return {name: sorted(map(repr, pq.read_table(out / name).to_pylist())) for name in TABLES}


def _ids(out: Path, table: str) -> set[str]:
    return set(pq.read_table(out / table, columns=["release_id"]).column("release_id").to_pylist())


def test_a_publish_that_fails_at_any_step_leaves_readers_on_one_whole_version(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch):
    raw = _raw(tmp_path, "alpha", "beta")
    base = tmp_path / "base"
    run(raw, base, progress=False)
    old = _tables(base)
    (raw / "beta.txt").unlink()
    (raw / "gamma.txt").write_text(_page("gamma", cards=3), encoding="utf-8")
    calls: list[str] = []
    fail_at, armed = 0, False
    real = {name: getattr(os, name) for name in ("replace", "rename", "symlink")}

    def step(name: str):
        def call(*args, **kwargs):
            if not armed:  # the test's own copies
                return real[name](*args, **kwargs)
            calls.append(name)
            if len(calls) == fail_at:
                raise OSError(errno.EIO, f"Input/output error (injected at {name} number {fail_at})")
            return real[name](*args, **kwargs)
        return call

    for name in real:
        monkeypatch.setattr(os, name, step(name))
    clean = tmp_path / "clean"
    shutil.copytree(base, clean, symlinks=True)
    armed = True
    run(raw, clean, progress=False)
    armed = False
    new, steps = _tables(clean), len(calls)
    assert new != old and steps >= 3
    for fail_at in range(1, steps + 1):
        calls.clear()
        out = tmp_path / f"out-{fail_at}"
        shutil.copytree(base, out, symlinks=True)
        armed = True
        with pytest.raises((PipelineError, OSError)):
            run(raw, out, progress=False)
        armed = False
        assert _tables(out) in (old, new), f"a mix of two versions after a failure at step {fail_at}"
        releases = _ids(out, "releases")
        assert all(_ids(out, table) <= releases for table in ("spokespeople", "countries", "figures"))


def _intrude(out: Path, intruder: str) -> None:
    table = out / "releases"
    if intruder == "foreign":
        pq.write_table(pa.table({"release_id": ["x", "y"], "note": ["not", "ours"]}), table / "extra.parquet")
    elif intruder == "copy":
        shutil.copy(table / "part-0.parquet", table / "part-0 (copy).parquet")
    elif intruder == "text":
        (table / "README.txt").write_text("notes on the table", encoding="utf-8")
    else:
        os.mkfifo(table / "stream.parquet")


@pytest.mark.parametrize("intruder", ["foreign", "copy", "text", "fifo"])
def test_files_the_pipeline_did_not_write_are_never_served(out: Path, tmp_path: Path, intruder: str):
    _intrude(out, intruder)
    counted = _cli("sql", "SELECT count(*) AS n FROM releases", "--out", str(out), "--csv", timeout=60)
    assert counted.returncode == 0 and counted.stdout.split() == ["n", "4"], counted.stderr
    assert "Traceback" not in counted.stderr
    summary = _cli("stats", "--out", str(out), timeout=60)
    assert summary.returncode == 0 and "4 releases" in summary.stdout and "Traceback" not in summary.stderr
    assert sql("SELECT count(*) AS n FROM releases", out)["n"][0] == 4
    assert len(load(out)) == 4 and load(out).columns[0] == "release_id"
    assert "releases 4" in stats(out)
    rerun = _cli("run", "--raw", str(_raw(tmp_path, "alpha", "beta")), "--out", str(out), "--no-progress",
                 timeout=120)
    if intruder == "text":
        assert rerun.returncode == 0, rerun.stderr  # a note beside the table is no table: left alone
        assert (out / "releases" / "README.txt").exists() is False  # the new version's directory is new
    else:  # a Parquet file a glob would read: named, and kept
        assert rerun.returncode == 3 and "did not write" in rerun.stderr
        _one_clean_line(rerun.stderr)


def _listing(site: str, cards: list[tuple[str, str]]) -> str:
    """An HTML listing page of our own: (slug, title) cards, each with its link, a teaser and a date."""
    items = "".join(
        f"<article><p>Press Release</p><h2><a href='https://{site}.example.org/news/{slug}'>{title}</a></h2>"
        f"<p>The {site} board of Portville today said that {title.lower()}, with works to start in the spring "
        f"and a budget the council set last week.</p><p>May {n + 1}, 2021</p></article>"
        for n, (slug, title) in enumerate(cards))
    return f"<html><body><main>{items}</main></body></html>"


def _rows(out: Path):
    frame = pq.read_table(out / "releases").to_pandas().drop(columns=["first_seen", "last_seen"])
    return frame.sort_values("release_id").reset_index(drop=True)


def test_refresh_after_an_edit_and_a_deletion_publishes_exactly_the_rows_of_a_full_run(tmp_path: Path):
    raw = _raw(tmp_path, "alpha", "beta")
    (raw / "harbour.html").write_text(_listing("harbour", [("north", "Harbour board opens the northern terminal"),
                                                           ("tugs", "Harbour board buys two electric tugboats")]))
    out = tmp_path / "out"
    run(raw, out, incremental=True, progress=False)
    (raw / "alpha.txt").write_text(_page("alpha").replace("terminal number 1", "terminal number 1 and a quay"),
                                   encoding="utf-8")  # edited in place: a title changes
    (raw / "harbour.html").write_text(_listing("harbour", [("north", "Harbour board opens the new north terminal"),
                                                           ("tugs", "Harbour board buys two electric tugboats")]))
    (raw / "beta.txt").unlink()  # deleted: its two releases have no source left
    report = run(raw, out, incremental=True, progress=False)
    full = tmp_path / "full"
    run(raw, full, progress=False)
    import pandas as pd

    pd.testing.assert_frame_equal(_rows(out), _rows(full))
    assert report.published and report.removed == 3 and "3 removed" in report.summary_line()  # beta's, alpha's
    assert report.files_gone == 1
    versions = pq.read_table(out / "release_versions").to_pylist()
    assert [v["title"] for v in versions] == ["Harbour board opens the northern terminal"]
    north = _rows(out).set_index("url").loc["https://harbour.example.org/news/north"]
    assert versions[0]["release_id"] == north["release_id"]


def test_two_cards_of_one_page_sharing_a_link_under_different_titles_are_two_releases(tmp_path: Path):
    raw = tmp_path / "raw"
    raw.mkdir()
    page = _listing("harbour", [("all", "Harbour board opens the northern terminal"),
                                ("all", "Harbour board buys two electric tugboats")])  # an "all news" link on both
    (raw / "harbour.html").write_text(page, encoding="utf-8")
    report = run(raw, tmp_path / "out", progress=False)
    assert report.releases == 2 and report.duplicates_merged == 0
    assert _titles(tmp_path / "out") == ["Harbour board buys two electric tugboats",
                                         "Harbour board opens the northern terminal"]


# --- 11. open what was checked; nothing outside --raw or --out is read or made --------------------------


def test_a_page_swapped_for_a_link_out_of_raw_after_listing_is_not_read(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch):
    raw = _raw(tmp_path, "alpha", "beta")
    secret = tmp_path / "secret.txt"
    secret.write_text(_page("SECRET"), encoding="utf-8")
    from pipeline import stages

    read = stages.read

    def swapped_before_opening(path: Path, *args, **kwargs):
        if path.name == "beta.txt" and not path.is_symlink():  # listed and checked as a file; now a link out
            path.unlink()
            path.symlink_to(secret)
        return read(path, *args, **kwargs)

    monkeypatch.setattr(stages, "read", swapped_before_opening)
    out = tmp_path / "out"
    report = run(raw, out, progress=False)
    assert "outside --raw" in dict(report.files_skipped)[str(raw / "beta.txt")]
    assert not any("SECRET" in title for title in _titles(out))
    assert any("alpha" in title for title in _titles(out))


def test_a_lock_file_that_is_a_link_is_refused_and_creates_nothing_outside_out(tmp_path: Path):
    raw = _raw(tmp_path, "alpha")
    out = tmp_path / "out"
    out.mkdir()
    target = tmp_path / "elsewhere" / "made-by-the-run"
    target.parent.mkdir()
    (out / ".lock").symlink_to(target)
    result = _cli("run", "--raw", str(raw), "--out", str(out), "--no-progress")
    assert result.returncode == 3 and ".lock" in result.stderr
    _one_clean_line(result.stderr)
    assert not target.exists()


# --- 12. no input hangs a run; everything skipped is said ------------------------------------------------


def test_fifos_links_and_odd_entries_in_raw_never_hang_and_are_named_in_the_report(tmp_path: Path):
    raw = _raw(tmp_path, "alpha", "beta")
    os.mkfifo(raw / "pipe.html")
    os.mkfifo(raw / "alpha.meta.json")  # a FIFO named like alpha.txt's sidecar
    (raw / "gone.txt").symlink_to(tmp_path / "nothing-here.txt")
    (raw / "loop.txt").symlink_to(raw / "loop.txt")
    out = tmp_path / "out"
    for command in ("run", "refresh"):
        result = _cli(command, "--raw", str(raw), "--out", str(out), "--no-progress", timeout=90)
        assert result.returncode == 0, result.stderr
    report = json.loads(min((out / "_runs").glob("*.json")).read_text(encoding="utf-8"))
    reasons = dict(report["files_skipped"])
    assert "FIFO" in reasons[str(raw / "pipe.html")]
    assert "FIFO" in reasons[str(raw / "alpha.meta.json")]
    assert "dangling link" in reasons[str(raw / "gone.txt")]
    assert "link loop" in reasons[str(raw / "loop.txt")]
    assert "skipped: none" not in result.stdout
    explained = _cli("explain", str(raw / "alpha.txt"), timeout=60)
    assert explained.returncode == 0 and "records: 2" in explained.stdout


def test_a_directory_that_cannot_be_listed_is_named_and_its_releases_kept(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch):
    raw = _raw(tmp_path, "alpha")
    (raw / "sub").mkdir()
    (raw / "sub" / "beta.txt").write_text(_page("beta"), encoding="utf-8")
    out = tmp_path / "out"
    run(raw, out, incremental=True, progress=False)
    scandir = os.scandir

    def denied(path):
        if Path(path) == raw / "sub":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", denied)
    report = run(raw, out, incremental=True, progress=False)
    assert "Permission denied" in dict(report.files_skipped)[str(raw / "sub")]
    assert report.removed == 0 and sum("beta" in title for title in _titles(out)) == 2


def test_a_raw_directory_that_cannot_be_read_is_a_configuration_error(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch):
    raw = _raw(tmp_path, "alpha")
    out = tmp_path / "out"
    run(raw, out, incremental=True, progress=False)
    scandir = os.scandir

    def denied(path):
        if Path(path) == raw:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", denied)
    with pytest.raises(ConfigError, match="Permission denied") as error:
        run(raw, out, incremental=True, progress=False)
    assert str(raw) in str(error.value) and "\n" not in str(error.value)


def test_a_huge_sidecar_is_never_read_and_is_named_with_its_reason(tmp_path: Path):
    raw = _raw(tmp_path, "alpha")
    with open(raw / "alpha.meta.json", "wb") as sidecar:
        sidecar.truncate(600_000_000)  # sparse: 600 MB to a reader, nothing on the disk
    report = run(raw, tmp_path / "out", progress=False)
    assert "over the" in dict(report.files_skipped)[str(raw / "alpha.meta.json")]
    assert report.releases == 2


def test_a_run_past_its_timeout_stops_itself_and_frees_the_lock(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    import time

    from pipeline import run as running
    from pipeline import settings

    raw = _raw(tmp_path, "alpha")
    out = tmp_path / "out"
    scan = running.scan

    def hung(*args, **kwargs):
        time.sleep(8)  # stands for a read that never returns
        return scan(*args, **kwargs)

    monkeypatch.setattr(running, "scan", hung)
    monkeypatch.setattr(settings, "RUN_TIMEOUT_S", 1.0, raising=False)
    started = time.monotonic()
    with pytest.raises(PipelineError, match="run timeout") as stopped:
        run(raw, out, progress=False)
    assert stopped.value.exit_code == 1  # a failure the nightly job's unit alerts on, not "busy" (75)
    assert time.monotonic() - started < 6
    monkeypatch.undo()
    assert run(raw, out, progress=False).published  # the lock was freed


def test_a_lock_held_past_the_run_timeout_fails_loudly_instead_of_exit_75(tmp_path: Path):
    import datetime as dt
    import fcntl

    raw = _raw(tmp_path, "alpha")
    out = tmp_path / "out"
    out.mkdir()
    with open(out / ".lock", "w", encoding="utf-8") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        since = (dt.datetime.now(dt.UTC) - dt.timedelta(days=2)).timestamp()
        lock.write(json.dumps({"pid": 4242, "host": "night", "since": since}))
        lock.flush()
        result = _cli("refresh", "--raw", str(raw), "--out", str(out), "--no-progress", timeout=60)
    assert result.returncode == 1 and "stalled" in result.stderr and "4242" in result.stderr
    _one_clean_line(result.stderr)


class _Trickle:
    """Responders that send a response one byte at a time, for at most `seconds`."""

    def __init__(self, seconds: float = 15.0, pause: float = 0.5) -> None:
        self.seconds, self.pause = seconds, pause

    def _drip(self, handler, data: bytes) -> None:
        import time

        stop = time.monotonic() + self.seconds
        for byte in data:
            if time.monotonic() > stop or handler.server.newsroom.stopping.is_set():
                return
            handler.wfile.write(bytes([byte]))
            handler.wfile.flush()
            time.sleep(self.pause)

    def headers(self, handler, _hit: int) -> None:
        self._drip(handler, b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Padding: " + b"a" * 200)
        handler.close_connection = True

    def body(self, handler, _hit: int) -> None:
        handler.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 500\r\n\r\n")
        self._drip(handler, b"<html><body>" + b"x" * 488)
        handler.close_connection = True


@pytest.mark.parametrize("part", ["headers", "body"])
def test_a_server_sending_one_byte_at_a_time_is_cut_off_at_the_deadline(tmp_path: Path, part: str,
                                                                        monkeypatch: pytest.MonkeyPatch):
    import time

    from pipeline import settings
    from pipeline.scrape import scrape

    from . import newsroom_server as ns

    monkeypatch.setattr(settings, "FETCH_MAX_RESPONSE_S", 2.0)
    with ns.NewsroomServer() as server:
        server.routes["/news/"] = getattr(_Trickle(), part)
        started = time.monotonic()
        report = scrape([Site(name="slow", start_url=server.url("/news/"), max_pages=1, delay_s=0.0)],
                        tmp_path / "raw", max_retries=0, timeout_s=(2.0, 5.0))
        took = time.monotonic() - started
    assert took < 2.0 + 3.0, f"{took:.1f} s"
    assert report.pages_stored == 0 and "timeout" in dict(report.failures)[server.url("/news/")]


# --- 13. one line for every error, the API's own errors, output printed safely --------------------------


def test_ctrl_c_during_sql_is_keyboard_interrupt_and_one_line(out: Path):
    import signal
    import threading
    import time

    endless = "SELECT count(*) FROM range(100000000000) t(i) WHERE i % 7 = 3"
    timer = threading.Timer(1.5, os.kill, (os.getpid(), signal.SIGINT))
    timer.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            sql(endless, out)
    finally:
        timer.cancel()
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "sql", endless, "--out", str(out)], cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(4)
    for _ in range(20):  # Ctrl-C again while it runs: a first one may land before the query has started
        if proc.poll() is not None:
            break
        proc.send_signal(signal.SIGINT)
        time.sleep(3)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130 and "Traceback" not in stderr and stderr.count("\n") == 1, stderr


def test_sql_draws_no_progress_bar_on_the_callers_terminal(out: Path):
    import pty
    import select

    query = "SELECT count(*) AS n FROM range(2000000000) t(i) WHERE i % 7 = 3"  # seconds: past DuckDB's 2 s wait
    code = f"import pipeline; print(pipeline.sql({query!r}, {str(out)!r}))"
    pid, terminal = pty.fork()
    if pid == 0:  # the child: the API called from an interactive session
        os.execve(sys.executable, [sys.executable, "-c", code], {**os.environ, "PYTHONPATH": str(REPO)})
    shown = b""
    while select.select([terminal], [], [], 180)[0]:
        try:
            chunk = os.read(terminal, 4096)
        except OSError:  # the child has gone: the terminal is closed
            break
        if not chunk:
            break
        shown += chunk
    os.waitpid(pid, 0)
    assert b"285714286" in shown, shown[-300:]
    assert b"%" not in shown and "\u2588".encode() not in shown, shown[-300:]


def test_a_scheduler_that_is_not_an_address_is_one_line(tmp_path: Path):
    raw = _raw(tmp_path, "alpha")
    result = _cli("run", "--raw", str(raw), "--out", str(tmp_path / "out"), "--no-progress", "--scheduler",
                  "notaurl")
    assert result.returncode == 2 and "notaurl" in result.stderr
    _one_clean_line(result.stderr)


@pytest.mark.parametrize("command", [["sql", "SELECT title FROM releases"], ["stats"]])
def test_a_closed_or_full_stdout_is_one_line(out: Path, command: list[str]):
    with open("/dev/full", "w", encoding="utf-8") as full:
        result = _cli(*command, "--out", str(out), capture_output=False, stdout=full, stderr=subprocess.PIPE)
    assert result.returncode == 3 and "No space left" in result.stderr
    _one_clean_line(result.stderr)
    closed = subprocess.run([sys.executable, "-m", "pipeline", *command, "--out", str(out)], cwd=REPO, text=True,
                            stderr=subprocess.PIPE, stdout=None, check=False, timeout=120,
                            preexec_fn=lambda: os.close(1))
    assert closed.returncode == 3 and "closed" in closed.stderr
    _one_clean_line(closed.stderr)


def test_refresh_with_a_full_stdout_says_it_published_in_one_line(tmp_path: Path):
    raw = _raw(tmp_path, "alpha")
    out = tmp_path / "out"
    with open("/dev/full", "w", encoding="utf-8") as full:
        result = _cli("refresh", "--raw", str(raw), "--out", str(out), "--no-progress", capture_output=False,
                      stdout=full, stderr=subprocess.PIPE)
    assert result.returncode == 3 and "published" in result.stderr and "No space left" in result.stderr
    _one_clean_line(result.stderr)
    assert len(_titles(out)) == 2


def test_sql_on_a_table_damaged_inside_names_the_file(out: Path):
    part = out / "releases" / "part-0.parquet"
    data = bytearray(part.read_bytes())
    data[200:1200] = bytes((7 * i) % 251 for i in range(1000))  # inside the column chunks, not the footer
    part.write_bytes(bytes(data))
    pq.read_metadata(part)  # the footer still reads
    with pytest.raises(errors.DatasetError) as error:
        sql("SELECT * FROM releases", out)
    assert str(part) in str(error.value) and "\n" not in str(error.value)
    result = _cli("sql", "SELECT * FROM releases", "--out", str(out))
    assert result.returncode == 3 and str(part) in result.stderr
    _one_clean_line(result.stderr)


def test_escape_bytes_in_file_names_are_printed_escaped(tmp_path: Path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "alpha\x1b[2J\x1b]0;owned\x07.txt").write_text(_page("alpha"), encoding="utf-8")
    out = tmp_path / "out"
    run(raw, out, progress=False)
    for csv in ([], ["--csv"]):
        result = _cli("sql", "SELECT sources FROM releases", "--out", str(out), *csv)
        assert result.returncode == 0 and "alpha" in result.stdout
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout


def test_library_log_lines_while_scraping_name_the_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]):
    # A library that logs while the scraper reads a page (as trafilatura and lxml do on odd pages) does not say
    # which page: the CLI's log lines add it. The library is stood in for by a logger of another name, called
    # from inside the scraper's read of the body, so the line is logged while the page is being handled.
    import logging

    from pipeline import cli
    from pipeline.scrape import http

    from . import newsroom_server as ns

    real = http.read_body

    def complaining(*args, **kwargs):
        logging.getLogger("somelibrary.parser").error("tree looks odd")
        return real(*args, **kwargs)

    monkeypatch.setattr(http, "read_body", complaining)
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    root.handlers[:] = []  # as in a fresh process: the CLI sets its own handler up
    try:
        with ns.NewsroomServer() as server:
            server.routes["/news/"] = ns.page(b"<html><body><p>Harbour board news</p></body></html>")
            page = server.url("/news/")
            cli.main(["scrape", page, "--raw", str(tmp_path / "raw"), "--delay", "0", "--max-pages", "1"])
    finally:
        root.handlers[:] = handlers  # cli.main configured this process's root logger
        root.setLevel(level)
    lines = [line for line in capsys.readouterr().err.splitlines() if "somelibrary" in line]
    assert lines and all(f"(while handling {page})" in line for line in lines), lines
