"""Hostile and broken inputs (issue 16): each test names the promise it keeps.

Every input is written here, in tmp_path: a few listing pages of our own text, foreign and damaged
Parquet files, links, odd names. The numbers in the section titles are the items of the issue.
"""
from __future__ import annotations

import errno
import json
import os
import pathlib
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


def _cli(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}  # this checkout's package, from any working directory
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, cwd=cwd,
                          env=env, check=False, timeout=180)


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
    read_bytes = pathlib.Path.read_bytes

    def failing_disk(self: Path) -> bytes:
        if self.name == "beta.txt":
            raise OSError(errno.EIO, "Input/output error", str(self))
        return read_bytes(self)

    monkeypatch.setattr(pathlib.Path, "read_bytes", failing_disk)
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

    split = stages.split

    def buggy(page):
        if page.source.endswith("beta.txt"):
            raise RuntimeError("a bug in the splitter")
        return split(page)

    monkeypatch.setattr(stages, "split", buggy)
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
