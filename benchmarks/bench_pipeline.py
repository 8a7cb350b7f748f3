"""Throughput, stage shares, memory and scaling of the pipeline on a synthetic corpus.

Full run (about 80 minutes on 2 cores, most of it the 100k-release run; see docs/SCALING.md):

    .venv/bin/python benchmarks/bench_pipeline.py            # 1k, 10k and 100k releases, dedup of 1M
    .venv/bin/python benchmarks/bench_pipeline.py --quick    # smoke run: 1k releases, no 100k, no 1M

Prints one `name=value` line per figure; the last line is `end_to_end_vs_bare_nlp_pipe=<ratio>`,
the pipeline's end-to-end characters/s over bare spaCy `nlp.pipe` characters/s on the same texts
(the median over alternated single-process and bare runs, like the `--workers 2` speed-up).
Exits non-zero when a run fails or does not yield exactly the releases the corpus holds.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path[:0] = [str(HERE), str(REPO)]

import build_corpus

STAGES = ("scan", "read", "split", "load_model", "extract", "dedup", "write")


class BenchError(RuntimeError):
    """A run failed or produced something other than what the corpus holds."""


@dataclass(frozen=True, slots=True)
class RunResult:
    """One `python -m pipeline run` as a whole process, and its run report."""

    wall_seconds: float
    cpu_seconds: float  # user + system time of the run and the worker processes it waited for
    peak_rss_mb: float
    report: dict


def emit(name: str, value: object) -> None:
    """One figure as `name=value`."""
    if isinstance(value, float):
        value = f"{value:.4g}" if abs(value) < 1000 else f"{value:.1f}"
    print(f"{name}={value}", flush=True)


def size_label(releases: int) -> str:
    """10000 -> 10k, 1000000 -> 1m, 300 -> 300."""
    if releases % 1_000_000 == 0:
        return f"{releases // 1_000_000}m"
    if releases % 1_000 == 0:
        return f"{releases // 1_000}k"
    return str(releases)


# --- the run report -------------------------------------------------------------------------

def load_run_report(out: Path) -> dict:
    """The JSON report the run wrote to OUT/_runs/ (the newest one when there are several)."""
    reports = sorted(Path(out, "_runs").glob("*.json"), key=lambda p: p.stat().st_mtime)
    if not reports:
        raise BenchError(f"no run report in {out}/_runs")
    return json.loads(reports[-1].read_text())


def stage_seconds(report: dict) -> dict[str, float]:
    """Seconds per stage, every stage of STAGES present (0 when the run did not time it)."""
    seconds = {stage: float(report.get("seconds", {}).get(stage, 0.0)) for stage in STAGES}
    seconds.update({k: float(v) for k, v in report.get("seconds", {}).items() if k not in seconds})
    return seconds


def stage_shares(report: dict) -> dict[str, float]:
    """Each stage's share of the time the run report accounts for (they sum to 1)."""
    seconds = stage_seconds(report)
    total = sum(seconds.values())
    return {stage: (s / total if total else 0.0) for stage, s in seconds.items()}


def report_rates(report: dict, chars: int) -> dict[str, float]:
    """Releases/s and characters/s over the time the run report accounts for."""
    total = sum(stage_seconds(report).values())
    return {
        "seconds": total,
        "releases_per_s": report["releases"] / total if total else 0.0,
        "chars_per_s": chars / total if total else 0.0,
    }


# --- running the pipeline -------------------------------------------------------------------

def run_pipeline(raw: Path, out: Path, *extra: str) -> RunResult:
    """`python -m pipeline run --raw raw --out out --no-progress` as a child process: wall time, peak RSS."""
    command = [sys.executable, "-m", "pipeline", "run", "--raw", str(raw), "--out", str(out), "--no-progress",
               *extra]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    with tempfile.TemporaryFile() as log:
        started = time.perf_counter()
        child = subprocess.Popen(command, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
        # wait4 gives this child's own rusage: ru_maxrss is the peak RSS of its largest process (KiB).
        _pid, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            log.seek(0)
            tail = log.read().decode(errors="replace")[-3000:]
            raise BenchError(f"{' '.join(command)} exited {child.returncode}:\n{tail}")
    return RunResult(wall_seconds=wall, cpu_seconds=usage.ru_utime + usage.ru_stime,
                     peak_rss_mb=usage.ru_maxrss / 1024, report=load_run_report(out))


def check_releases(result: RunResult, releases: int) -> None:
    report = result.report
    if report["releases"] != releases or report["records"] != releases:
        raise BenchError(f"corpus holds {releases} releases, the run found {report['records']} records and "
                         f"{report['releases']} releases")


def warm_imports() -> None:
    """Import the pipeline and spaCy once in a throwaway process, so the first timed run does not pay
    for reading them from a cold disk cache (every later run finds them in the page cache)."""
    subprocess.run([sys.executable, "-c", "import pipeline.run, spacy"], cwd=REPO, check=True)


def workers_option_available() -> bool:
    help_text = subprocess.run([sys.executable, "-m", "pipeline", "run", "--help"], cwd=REPO, check=False,
                               capture_output=True, text=True).stdout
    return "--workers" in help_text


# --- spaCy on the same texts ----------------------------------------------------------------

def release_texts(raw: Path) -> list[str]:
    """Exactly what the pipeline feeds spaCy: Release.text of every split release, cut as it cuts it."""
    from pipeline import settings
    from pipeline.read import iter_raw_files, read
    from pipeline.split import split

    return [r.text[: settings.MAX_NLP_CHARS] for path in iter_raw_files(raw) for r in split(read(path))]


def bare_nlp():
    import spacy

    from pipeline import settings

    return spacy.load(settings.DEFAULT_MODEL, exclude=list(settings.EXCLUDED_COMPONENTS))


def time_pipe(nlp, texts: list[str]) -> float:
    """Seconds for nlp.pipe over texts with the pipeline's batch size, every doc consumed."""
    from pipeline import settings

    started = time.perf_counter()
    with nlp.memory_zone():
        for _doc in nlp.pipe(texts, batch_size=settings.NLP_BATCH_SIZE):
            pass
    return time.perf_counter() - started


# --- one very long text ----------------------------------------------------------------------

# Sentences of our own, in the constructions the extractors read: names with titles, speech verbs,
# quotes, numbers, countries. Made-up people and bodies; a long text holds many distinct speakers.
_FIRST = ("Jane", "Omar", "Maria", "Tomas", "Laila", "Kwame", "Priya", "Sam", "Nadia", "Peter", "Ana", "Lena")
_LAST = ("Roe", "Haddad", "Lopez", "Berg", "Nasser", "Mensah", "Menon", "Okoye", "Farouk", "Hale", "Costa", "Park")
_BODIES = ("Relief Fund", "Clean Air Alliance", "Rights Watchers", "Open Borders Network", "Ocean Trust")
_PLACES = ("Kenya", "Tijuana", "Syria", "Burma", "Cairo", "Honduras", "Florida", "Nepal")
_TEMPLATES = (
    "{name}, director of the {body}, said the {n:,} families in {place} needed shelter before winter.",
    "“We cannot wait for another report while children go hungry,” said {name}, a spokesperson for the {body}.",
    "More than {n:,} people crossed into {place} last month, according to {name}.",
    "{last} added that {pct}% of the clinics in {place} had closed since the floods.",
    "The {body} issued the following statement: “Every child must be safe and every family must be heard.”",
    ("Aid agencies warned that food prices rose by {pct} percent across the region, and that $"
    "{m} million in pledges had not arrived."),
    "{body} Executive Director {name} met officials in {place} on Monday. She said the talks had stalled.",
)


def long_text(chars: int, seed: int = 0) -> str:
    """One line of about `chars` characters of release prose (see _TEMPLATES)."""
    rng = random.Random(seed)
    parts, size = [], 0
    while size < chars:
        first, last = rng.choice(_FIRST), rng.choice(_LAST)
        sentence = rng.choice(_TEMPLATES).format(
            name=f"{first} {last}", last=last, body=rng.choice(_BODIES), place=rng.choice(_PLACES),
            n=rng.randrange(20, 90_000), pct=rng.randrange(2, 95), m=rng.randrange(2, 400))
        parts.append(sentence)
        size += len(sentence) + 1
    return " ".join(parts)[:chars]


def long_doc(nlp, chars: int, piece_chars: int = 10_000, pieces: int = 10):
    """A parsed Doc of about `chars` characters on one line, made of `pieces` distinct parsed texts of
    `piece_chars` joined again and again (Doc.from_docs): the extractors can be timed on a million
    characters without the parser's memory for a million-character text."""
    from spacy.tokens import Doc

    extractors = [name for name in nlp.pipe_names if name.startswith("release_")]
    with nlp.select_pipes(disable=extractors):
        parsed = list(nlp.pipe(long_text(piece_chars, seed=n) for n in range(pieces)))
    copies = [parsed[n % pieces] for n in range(max(1, round(chars / piece_chars)))]
    return Doc.from_docs(copies) if len(copies) > 1 else copies[0]


def time_extractors(nlp, doc) -> float:
    """Seconds the pipeline's own components (release_*) take on a parsed Doc, best of two."""
    components = [nlp.get_pipe(name) for name in nlp.pipe_names if name.startswith("release_")]
    best = float("inf")
    for _round in range(2):
        started = time.perf_counter()
        for component in components:
            component(doc)
        best = min(best, time.perf_counter() - started)
    return best


def bench_long_text(sizes: tuple[int, ...] = (10_000, 100_000, 1_000_000)) -> None:
    """Extractors on one Doc of 10k, 100k and 1M characters, and `extract` on a release that long (read
    as the pipeline reads it: cut at settings.MAX_NLP_CHARS). Linear: the per-character rates agree."""
    from pipeline.extract import build_nlp, extract
    from pipeline.records import Release

    nlp = build_nlp()
    rates = {}
    for chars in sizes:
        label = size_label(chars)
        doc = long_doc(nlp, chars)
        seconds = time_extractors(nlp, doc)
        rates[chars] = len(doc.text) / seconds
        emit(f"long_text_extractors_seconds_{label}", seconds)
        emit(f"long_text_extractors_chars_per_s_{label}", rates[chars])
        del doc
        release = Release(sources=("long.txt",), kind="page", title=None, summary=long_text(chars))
        started = time.perf_counter()
        list(extract([release], nlp))
        emit(f"long_release_extract_seconds_{label}", time.perf_counter() - started)
    # 1.0 when the extractors are linear in the length; a quadratic step makes it about sizes[-1]/sizes[0].
    emit("long_text_extractors_slowdown_largest_vs_smallest", rates[sizes[0]] / rates[sizes[-1]])


# --- dedup on a million records -------------------------------------------------------------

def bench_html_pages(rounds: int = 5) -> None:
    """Read and split the real HTML development pages (../shared/html/pages) a few times: pages a second."""
    from pipeline.read import read
    from pipeline.split import split

    pages = sorted((REPO.parent / "shared" / "html" / "pages").glob("*.html"))
    if not pages:
        emit("html_pages_per_s", "skipped: ../shared/html/pages is absent")
        return
    read(pages[0])  # imports and the first parse out of the timing
    started = time.perf_counter()
    releases = 0
    for _round in range(rounds):
        for page in pages:
            releases += len(split(read(page)))
    seconds = time.perf_counter() - started
    emit("html_pages", len(pages) * rounds)
    emit("html_pages_per_s", len(pages) * rounds / seconds)
    emit("html_ms_per_page", 1000 * seconds / (len(pages) * rounds))
    emit("html_releases_per_page", releases / (len(pages) * rounds))


def synthetic_releases(count: int, duplicate_share: float = 0.01, seed: int = 1) -> tuple[list, int]:
    """count Release records with realistic titles, summaries and dates; duplicate_share of them are
    a second sighting (another page, half of them a cut-off teaser) of another record.
    Returns the records and how many of them dedup should merge away."""
    import datetime as dt

    from pipeline.records import Release

    rng = random.Random(seed)
    material = build_corpus.load_material()
    duplicates = int(count * duplicate_share)
    distinct = count - duplicates
    summaries = [build_corpus.make_summary(rng, material) for _ in range(5_000)]
    dates = build_corpus.spread_dates(rng, distinct)
    kinds = [k.lower().replace("sheet of paper ", "").replace(" ", "_") for k in material.kinds]
    releases = []
    for n in range(distinct):
        day: dt.date = dates[n]
        releases.append(Release(
            sources=(f"raw/{n // 10:06d}.txt",), kind=rng.choice(kinds),
            title=build_corpus.make_title(rng, material, n + 1), summary=rng.choice(summaries),
            date_text=build_corpus.format_date(day), published=day,
        ))
    for n in rng.sample(range(distinct), duplicates):
        original = releases[n]
        summary = original.summary
        if rng.random() < 0.5:
            summary = summary[: summary.rfind(" ", 0, max(200, len(summary) // 2))] + "…"
        releases.append(Release(
            sources=(f"raw/archive/{n // 10:06d}.txt",), kind=original.kind, title=original.title,
            summary=summary, date_text=original.date_text, published=original.published,
        ))
    rng.shuffle(releases)
    return releases, duplicates


def synthetic_cache(count: int, seed: int = 1):
    """The record cache (Arrow) a run would hold for count synthetic records, and the merges expected."""
    import pyarrow as pa

    from pipeline.schema import RECORD_CACHE, to_cache_row

    releases, expected = synthetic_releases(count, seed=seed)
    batches = []
    for start in range(0, len(releases), 10_000):
        rows = [to_cache_row(r, f"sha-{r.sources[0]}", "bench") for r in releases[start:start + 10_000]]
        batches.append(pa.RecordBatch.from_pylist(rows, schema=RECORD_CACHE))
    return pa.Table.from_batches(batches, schema=RECORD_CACHE), expected


def bench_dedup(count: int) -> tuple[float, int, int]:
    """Seconds for the pipeline's dedup (pipeline.dedup.dedup_stream, every output window built) on a
    cache of count synthetic records; merged and expected merges."""
    from pipeline import settings
    from pipeline.dedup import dedup_stream

    cache, expected = synthetic_cache(count)
    gc.collect()
    started = time.perf_counter()
    with dedup_stream(lambda: cache.to_batches(max_chunksize=5_000), {}, settings.EXTRACTION_VERSION) as stream:
        rows = sum(window.num_rows for window in stream.windows())
    seconds = time.perf_counter() - started
    if rows != stream.releases:
        raise BenchError(f"dedup promised {stream.releases} rows and built {rows}")
    return seconds, stream.merged, expected


# --- the benchmark --------------------------------------------------------------------------

def bench_alternating(raw: Path, tmp: Path, releases: int, single: RunResult, bare_seconds: float,
                      time_bare: Callable[[], float], rounds: int) -> float:
    """Alternate `--workers 2` runs with single-process runs, each single run followed by bare
    `nlp.pipe` on the same texts (S B D S B D ..., the first S and B already made). Print the median
    `--workers 2` speed-up and return the median of the single/bare pairs' throughput ratios. With the
    default two rounds a median is the mean of a pair: a burst of load from another tenant of a shared
    machine moves a figure by half as much as it moves one run; three rounds or more outvote it."""
    singles, bares, doubles = [single], [bare_seconds], []
    for n in range(1, rounds + 1):
        double = run_pipeline(raw, tmp / f"out-workers2-{n}", "--workers", "2")
        check_releases(double, releases)
        doubles.append(double)
        emit(f"workers2_end_to_end_seconds_run{n}", double.wall_seconds)
        emit(f"workers2_cores_busy_run{n}", double.cpu_seconds / double.wall_seconds)
        if n < rounds:
            again = run_pipeline(raw, tmp / f"out-single-{n + 1}")
            check_releases(again, releases)
            singles.append(again)
            emit(f"single_end_to_end_seconds_run{n + 1}", again.wall_seconds)
            bares.append(time_bare())
            emit(f"bare_nlp_pipe_seconds_run{n + 1}", bares[-1])
    emit("single_end_to_end_seconds_runs", "/".join(f"{r.wall_seconds:.1f}" for r in singles))
    emit("bare_nlp_pipe_seconds_runs", "/".join(f"{b:.1f}" for b in bares))
    emit("workers2_end_to_end_seconds_runs", "/".join(f"{r.wall_seconds:.1f}" for r in doubles))
    emit("single_cores_busy", statistics.median(r.cpu_seconds / r.wall_seconds for r in singles))
    if doubles:
        emit("workers2_peak_rss_mb_largest_process", max(r.peak_rss_mb for r in doubles))
        single_wall = statistics.median(r.wall_seconds for r in singles)
        double_wall = statistics.median(r.wall_seconds for r in doubles)
        emit("workers2_end_to_end_seconds", double_wall)
        emit("workers2_speedup", single_wall / double_wall)
        single_extract = statistics.median(stage_seconds(r.report)["extract"] for r in singles)
        double_extract = statistics.median(stage_seconds(r.report)["extract"] for r in doubles)
        emit("workers2_extract_speedup", single_extract / max(1e-9, double_extract))
    # Same texts, so the throughput ratio of a pair is bare seconds over end-to-end seconds.
    ratios = [bare / run.wall_seconds for run, bare in zip(singles, bares, strict=True)]
    emit("end_to_end_vs_bare_nlp_pipe_runs", "/".join(f"{r:.3f}" for r in ratios))
    return statistics.median(ratios)


def bench_end_to_end(tmp: Path, releases: int, seed: int) -> tuple[Path, dict, RunResult]:
    """Build a corpus of `releases` and run the pipeline on it once; print its figures."""
    label = size_label(releases)
    raw = tmp / f"raw-{label}"
    started = time.perf_counter()
    corpus = build_corpus.build(raw, releases, seed=seed)
    emit(f"corpus_build_seconds_{label}", time.perf_counter() - started)
    emit(f"corpus_pages_{label}", corpus["pages"])
    emit(f"corpus_distinct_dates_{label}", corpus["distinct_dates"])
    result = run_pipeline(raw, tmp / f"out-{label}")
    check_releases(result, releases)
    emit(f"end_to_end_seconds_{label}", result.wall_seconds)
    emit(f"run_report_seconds_{label}", sum(stage_seconds(result.report).values()))
    emit(f"end_to_end_releases_per_s_{label}", releases / result.wall_seconds)
    emit(f"end_to_end_chars_per_s_{label}", corpus["text_chars"] / result.wall_seconds)
    emit(f"peak_rss_mb_{label}", result.peak_rss_mb)
    emit(f"cores_busy_{label}", result.cpu_seconds / result.wall_seconds)
    for stage, seconds in stage_seconds(result.report).items():
        emit(f"stage_seconds_{stage}_{label}", seconds)
    return raw, corpus, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smoke run: 1k releases, skip 100k and the 1M dedup")
    parser.add_argument("--releases", type=int, help="main corpus size (default 10000, 1000 with --quick)")
    parser.add_argument("--large", type=int, default=100_000, help="large end-to-end run (default 100000)")
    parser.add_argument("--dedup-records", type=int, default=1_000_000, help="dedup scaling run (default 1000000)")
    parser.add_argument("--sample", type=int, help="texts timed full vs bare nlp.pipe (default 500, 200 with --quick)")
    parser.add_argument("--workers-rounds", type=int, default=2,
                        help="--workers 2 runs, alternated with single and bare nlp.pipe runs, for medians (default 2)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--html-only", action="store_true",
                        help="only the HTML line: real HTML development pages read and split per second")
    parser.add_argument("--long-text-only", action="store_true",
                        help="only the long-text lines: the extractors on 10k, 100k and 1M characters")
    args = parser.parse_args(argv)
    main_size = args.releases or (1_000 if args.quick else 10_000)
    sample_size = args.sample or (200 if args.quick else 500)
    bench_started = time.perf_counter()
    if args.long_text_only:
        bench_long_text()
        return 0
    if args.html_only:
        bench_html_pages()
        return 0
    emit("cpu_count", os.cpu_count())
    emit("quick", args.quick)
    emit("main_corpus_releases", main_size)

    warm_imports()
    bench_html_pages()
    with tempfile.TemporaryDirectory(prefix="pipeline-bench-") as tmp_name:
        tmp = Path(tmp_name)
        if not args.quick and main_size != 1_000:
            bench_end_to_end(tmp, 1_000, args.seed)  # the small row of the scaling table
        raw, corpus, single = bench_end_to_end(tmp, main_size, args.seed)

        # (1) end to end, single process: the whole process, and the time inside run() from its report
        chars = corpus["text_chars"]
        emit("end_to_end_releases_per_s", main_size / single.wall_seconds)
        emit("end_to_end_chars_per_s", chars / single.wall_seconds)
        rates = report_rates(single.report, chars)
        emit("run_report_releases_per_s", rates["releases_per_s"])
        emit("run_report_chars_per_s", rates["chars_per_s"])
        emit("startup_seconds", single.wall_seconds - rates["seconds"])  # interpreter, imports, arguments

        # (3) stage shares from the run report
        for stage, share in stage_shares(single.report).items():
            emit(f"share_{stage}", share)
        emit("dedup_seconds", stage_seconds(single.report)["dedup"])

        # (2) bare spaCy on the same texts, same model, same enabled components
        started = time.perf_counter()
        texts = release_texts(raw)
        emit("texts_read_split_seconds", time.perf_counter() - started)
        text_chars = sum(map(len, texts))
        if len(texts) != main_size or text_chars != chars:
            raise BenchError(f"read+split gives {len(texts)} texts of {text_chars} chars; the corpus has "
                             f"{main_size} of {chars}")
        emit("texts", len(texts))
        emit("text_chars", text_chars)
        emit("mean_text_chars", text_chars / len(texts))
        bare = bare_nlp()
        emit("bare_components", "+".join(bare.pipe_names))
        bare_seconds = time_pipe(bare, texts)
        bare_rate = text_chars / bare_seconds
        emit("bare_nlp_pipe_seconds", bare_seconds)
        emit("bare_nlp_pipe_chars_per_s", bare_rate)
        emit("bare_nlp_pipe_releases_per_s", len(texts) / bare_seconds)

        # (3) within extract: spaCy's components vs the pipeline's own, full and bare on one sample
        from pipeline.extract import build_nlp

        full = build_nlp()
        emit("full_components", "+".join(full.pipe_names))
        sample = random.Random(args.seed).sample(texts, min(sample_size, len(texts)))
        time_pipe(full, sample[:50])  # first-call warm-up of the added components
        bare_times, full_times = [], []
        for _round in range(3):  # alternated, medians: another process may share the cores
            bare_times.append(time_pipe(bare, sample))
            full_times.append(time_pipe(full, sample))
        bare_sample, full_sample = statistics.median(bare_times), statistics.median(full_times)
        emit("extract_sample_texts", len(sample))
        emit("full_nlp_pipe_chars_per_s", sum(map(len, sample)) / full_sample)
        emit("extract_share_spacy", min(1.0, bare_sample / full_sample))
        emit("extract_share_own_components", max(0.0, 1 - bare_sample / full_sample))
        # The extract stage also rebuilds records and cache rows: what nlp.pipe at the sample's rate
        # does not explain of the stage's time.
        extract_seconds = stage_seconds(single.report)["extract"]
        bare_share = (text_chars / (sum(map(len, sample)) / full_sample)) / extract_seconds
        emit("extract_share_outside_nlp_pipe", 1 - bare_share)
        # One release as long as the pipeline reads (a transcript, a report page), on a single line: the
        # extractors must stay linear in its length.
        from pipeline import settings

        long_text = " ".join(text.replace("\n", " ") for text in texts)[: settings.MAX_NLP_CHARS]
        long_seconds = time_pipe(full, [long_text])
        emit("long_document_chars", len(long_text))
        emit("long_document_chars_per_s", len(long_text) / long_seconds)
        del full, sample
        gc.collect()
        bench_long_text()
        gc.collect()

        # (5) two extraction workers against one, alternated with more single and bare runs
        available = workers_option_available()
        rounds = args.workers_rounds if available else 0
        if not rounds:
            emit("workers2_speedup", "not measured (--workers-rounds 0)" if available else "unavailable")
        ratio = bench_alternating(raw, tmp, main_size, single, bare_seconds, partial(time_pipe, bare, texts), rounds)
        del bare, texts
        gc.collect()

        # (4) the large run, single process
        if not args.quick and args.large:
            started = time.perf_counter()
            bench_end_to_end(tmp, args.large, args.seed)
            emit(f"large_run_total_seconds_{size_label(args.large)}", time.perf_counter() - started)

    # (6) dedup scaling
    if not args.quick and args.dedup_records:
        seconds, merged, expected = bench_dedup(args.dedup_records)
        label = size_label(args.dedup_records)
        if merged != expected:
            raise BenchError(f"dedup merged {merged} of {args.dedup_records} records; {expected} were duplicates")
        emit(f"dedup_{label}_merged", merged)
        emit(f"dedup_{label}_seconds", seconds)
        emit(f"dedup_{label}_records_per_s", args.dedup_records / seconds)

    emit("bench_total_seconds", time.perf_counter() - bench_started)
    emit("end_to_end_vs_bare_nlp_pipe", ratio)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BenchError as exc:
        print(f"bench failed: {exc}", file=sys.stderr)
        sys.exit(1)
