"""The benchmark's corpus builder and report helpers (the heavy benchmark itself is not run here)."""
from __future__ import annotations

import importlib.util
import json
import sys

import pandas as pd
import pytest

from pipeline.run import run

from .conftest import REPO

RELEASES = 300


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"benchmarks_{name}", REPO / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


build_corpus = _load("build_corpus")
bench = _load("bench_pipeline")


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory):
    raw = tmp_path_factory.mktemp("bench-raw")
    out = tmp_path_factory.mktemp("bench-out")
    stats = build_corpus.build(raw, RELEASES, seed=0)
    report = run(raw, out, progress=False)
    return raw, out, stats, report


def test_corpus_is_listing_pages_of_distinct_releases(corpus_run):
    raw, _out, stats, _report = corpus_run
    pages = sorted(raw.glob("*.txt"))
    assert stats["releases"] == RELEASES and stats["pages"] == len(pages) and len(pages) >= RELEASES // 12
    assert stats["distinct_dates"] == RELEASES
    text = pages[0].read_text(encoding="utf-8")
    assert "\n\nPress Release\n\n" in text or "\n\nSheet of paper Report\n\n" in text


def test_pipeline_splits_exactly_the_corpus_releases(corpus_run):
    _raw, out, stats, report = corpus_run
    frame = pd.read_parquet(out / "releases")
    assert len(frame) == report.releases == report.records == RELEASES
    assert report.duplicates_merged == 0 and not report.files_skipped
    assert frame["title"].is_unique and frame["published"].is_unique
    assert frame["published"].min().year >= 2000 and frame["published"].max().year <= 2024
    assert frame["summary"].str.len().between(300, 1200).all()
    assert frame["title"].str.len().between(20, 200).all()
    # What spaCy is fed, title + "\n\n" + summary, adds up to what the builder wrote.
    assert int((frame["title"].str.len() + 2 + frame["summary"].str.len()).sum()) == stats["text_chars"]


def test_corpus_is_deterministic_and_seeded(tmp_path):
    a, b, c = (build_corpus.build(tmp_path / name, 40, seed=seed) for name, seed in (("a", 1), ("b", 1), ("c", 2)))
    read = {name: [p.read_bytes() for p in sorted((tmp_path / name).glob("*.txt"))] for name in "abc"}
    assert a == b and read["a"] == read["b"]
    assert read["a"] != read["c"] and c["releases"] == 40


def test_helpers_parse_a_run_report(corpus_run, tmp_path):
    _raw, out, stats, _report = corpus_run
    parsed = bench.load_run_report(out)
    assert parsed["releases"] == RELEASES
    seconds = bench.stage_seconds(parsed)
    assert set(bench.STAGES) <= set(seconds) and seconds["extract"] > 0
    assert sum(bench.stage_shares(parsed).values()) == pytest.approx(1.0)
    rates = bench.report_rates(parsed, stats["text_chars"])
    assert rates["releases_per_s"] == pytest.approx(RELEASES / sum(seconds.values()))

    runs = tmp_path / "_runs"
    runs.mkdir()
    (runs / "2026-01-01T000000Z-1.json").write_text(json.dumps({
        "releases": 10, "records": 12,
        "seconds": {"scan": 1.0, "read": 1.0, "split": 2.0, "load_model": 1.0, "extract": 4.0, "write": 1.0},
    }))
    fake = bench.load_run_report(tmp_path)
    assert bench.stage_seconds(fake)["dedup"] == 0.0  # a stage the report did not time counts as 0
    assert bench.stage_shares(fake)["extract"] == pytest.approx(0.4)
    assert bench.report_rates(fake, 1_000) == {"seconds": 10.0, "releases_per_s": 1.0, "chars_per_s": 100.0}
    assert [bench.size_label(n) for n in (300, 1_000, 100_000, 1_000_000)] == ["300", "1k", "100k", "1m"]


def test_synthetic_dedup_records_hold_the_stated_duplicates():
    releases, duplicates = bench.synthetic_releases(2_000)
    assert len(releases) == 2_000 and duplicates == 20
    from pipeline.dedup import dedup

    assert dedup(releases).merged == duplicates


def test_the_benchmarked_dedup_merges_exactly_the_synthetic_duplicates():
    seconds, merged, expected = bench.bench_dedup(3_000)
    assert merged == expected == 30 and seconds > 0


def test_alternated_runs_give_median_speed_up_and_ratio(monkeypatch, tmp_path, capsys):
    calls = []
    walls = iter([100.0, 300.0, 110.0])  # --workers 2, single, --workers 2

    def fake_run(raw, out, *extra):
        calls.append(extra)
        wall = next(walls)
        return bench.RunResult(wall_seconds=wall, cpu_seconds=wall, peak_rss_mb=1.0,
                               report={"releases": 5, "records": 5, "seconds": {"extract": wall}})

    monkeypatch.setattr(bench, "run_pipeline", fake_run)
    first = bench.RunResult(wall_seconds=200.0, cpu_seconds=200.0, peak_rss_mb=1.0,
                            report={"releases": 5, "records": 5, "seconds": {"extract": 200.0}})
    ratio = bench.bench_alternating(tmp_path, tmp_path, 5, first, 180.0, lambda: 240.0, rounds=2)
    printed = capsys.readouterr().out
    assert calls == [("--workers", "2"), (), ("--workers", "2")]
    assert "workers2_speedup=2.381\n" in printed  # median single 250 s over median double 105 s
    assert ratio == pytest.approx((180 / 200 + 240 / 300) / 2)  # each single run against the bare run after it


count_branches = _load("count_branches")


def test_branch_counter_counts_each_kind_of_branch():
    source = "def f(a, b, c):\n    if a and b or c:\n        return [x for x in a if x]\n    return 1 if b else 2\n"
    assert dict(count_branches.count(source)) == {"if": 1, "ifexp": 1, "comprehension_if": 1, "boolop": 2}
    assert count_branches.function_branches(source) == {"f": 5}


def test_no_extraction_function_holds_more_than_fifteen_branches():
    # Issue 23: a function past this is split into named predicates, not allowed to grow
    over = count_branches.functions_over_limit([REPO / "pipeline" / "extract"])
    assert over == {}, f"functions over {count_branches.FUNCTION_LIMIT} branches: {over}"
