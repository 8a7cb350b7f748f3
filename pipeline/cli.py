"""Command line: `python -m pipeline run|scrape ...`, a thin layer over the library functions."""
from __future__ import annotations

import argparse
import logging
import os
import re
import sys
from pathlib import Path

from . import settings
from .errors import ConfigError, OutputError, PipelineError
from .report import WORKING_ON

LOGGER = logging.getLogger("pipeline")  # every module's logger is below this one

_CONTROL = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]")  # what can end a line, or rewrite one
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # what a terminal acts on; tabs and newlines lay text out

ALLOW_EMPTY_HELP = ("publish even when no file was read and published releases would be removed "
                    "(otherwise refused with exit 2)")


def _positive_int(text: str) -> int:
    """argparse type: a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is less than 1")
    return value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pipeline",
        description="Turn scraped newsroom pages into a deduplicated Parquet dataset of press releases.",
    )
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="log every decision of every stage (skipped files, merges, speakers found) and the "
                             "stages' counts and timings")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = _command(commands, "run", "read raw pages, split, extract and write the dataset",
                   "Read every file under --raw, split it into releases, extract dates, spokespeople, countries "
                   "and figures, deduplicate, and publish --out/releases atomically.")
    _build_options(run)
    run.add_argument("--workers", type=_positive_int, default=1, help="local processes for extraction (default: 1)")
    run.add_argument("--scheduler", metavar="ADDRESS",
                     help="run extraction on the Dask cluster at ADDRESS (e.g. tcp://10.0.0.5:8786)")

    refresh = _command(commands, "refresh", "the nightly job: scrape (optional), process only new snapshots, merge",
                       "Scrape the sites in --sites (when given), process only raw snapshots not processed before "
                       "with this extraction version, and merge them into --out atomically. A run with nothing new "
                       "changes nothing. Exit codes: 0 ok, 1 failed, 2 bad configuration, 3 output not writable or "
                       "a file in the way (named), 75 another run holds the lock.")
    _build_options(refresh)
    refresh.add_argument("--sites", type=Path, help="sites.toml listing the newsrooms to scrape first")

    scrape = _command(commands, "scrape", "fetch newsroom listing pages (and release pages) into raw snapshots",
                      "Fetch a newsroom listing URL and its pagination politely (robots.txt, a delay per host, "
                      "retries with backoff, conditional GET) and store every page as an immutable snapshot under "
                      "--raw/<site>/ with a .meta.json sidecar. See docs/SCRAPING.md.")
    scrape.add_argument("url", nargs="?", help="the newsroom listing URL (page 1)")
    scrape.add_argument("--sites", type=Path, help="sites.toml listing newsrooms, instead of one URL")
    scrape.add_argument("--raw", type=Path, default=Path("raw"), help="directory for snapshots (default: raw)")
    scrape.add_argument("--max-pages", type=int, default=settings.SCRAPE_MAX_PAGES,
                        help=f"listing pages to walk at most (default: {settings.SCRAPE_MAX_PAGES})")
    scrape.add_argument("--delay", type=float, default=settings.FETCH_DELAY_S,
                        help=f"seconds between requests to the host (default: {settings.FETCH_DELAY_S})")
    scrape.add_argument("--release-pages", action="store_true", help="also fetch each new card's own page")

    sql = _command(commands, "sql", "run SQL over the dataset and print the result",
                   "Run a DuckDB query over the dataset. Tables: releases, spokespeople, countries, figures, "
                   "release_versions. Example: python -m pipeline sql \"SELECT code, count(*) n FROM countries "
                   "GROUP BY code ORDER BY n DESC LIMIT 10\"")
    sql.add_argument("query", help="the SQL query")
    _out_option(sql, "dataset directory")
    sql.add_argument("--csv", action="store_true", help="print CSV instead of a table")

    explain = _command(commands, "explain", "show what the reader and the splitter make of one page, and why",
                       "Read one raw page (plain text or HTML) and print its type, the card template inferred from "
                       "its repetition or the items its markup repeats, the role each line or element got, and the "
                       "records the pipeline would make of it. Use it when adding a new newsroom.")
    explain.add_argument("page", type=Path, help="the raw page file")

    stats = _command(commands, "stats",
                     "summarise the dataset: releases per organisation and year, top countries, null rates",
                     "Print releases per organisation and year, the most cited countries and spokespeople, and the "
                     "share of empty values in each column.")
    _out_option(stats, "dataset directory")
    return parser


def _command(commands: argparse._SubParsersAction, name: str, summary: str, description: str
             ) -> argparse.ArgumentParser:
    """Add one subcommand: its one-line summary for `--help`, its description for `COMMAND --help`."""
    parser: argparse.ArgumentParser = commands.add_parser(name, help=summary, description=description)
    return parser


def _out_option(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("--out", type=Path, default=Path("processed"), help=f"{what} (default: processed)")


def _build_options(parser: argparse.ArgumentParser) -> None:
    """The options `run` and `refresh` share."""
    parser.add_argument("--raw", type=Path, default=Path("raw"), help="directory of raw pages (default: raw)")
    _out_option(parser, "output directory")
    parser.add_argument("--model", default=settings.DEFAULT_MODEL,
                        help=f"spaCy model to load (default: {settings.DEFAULT_MODEL})")
    parser.add_argument("--no-progress", action="store_true", help="no progress bars")
    parser.add_argument("--allow-empty", action="store_true", help=ALLOW_EMPTY_HELP)


def _scrape(args: argparse.Namespace) -> int:
    from .scrape import Site, load_sites, scrape

    if bool(args.url) == bool(args.sites):
        raise ConfigError("give either a URL or --sites FILE")
    if args.sites:
        sites = load_sites(args.sites)
    else:
        sites = [Site(name="", start_url=args.url, max_pages=args.max_pages, delay_s=args.delay,
                      release_pages=args.release_pages)]
    report = scrape(sites, args.raw)
    print(
        f"{report.pages_fetched} pages fetched, {report.pages_stored} stored, {report.pages_unchanged} unchanged, "
        f"{report.release_pages_fetched} release pages, {len(report.failures)} failures in {report.seconds:.1f} s"
    )
    # Each failure was logged, with its URL and reason, as it happened: the summary only counts them.
    return 0 if report.pages_fetched or not report.failures else 1


def _one_line(text: str) -> str:
    """Escape line breaks and other control characters (a newline becomes the two characters \\n)."""
    return _CONTROL.sub(lambda match: match.group().encode("unicode_escape").decode("ascii"), text)


class _OneLineFormatter(logging.Formatter):
    """Keep every log message on its own line: a file name with a newline in it cannot forge a log line."""

    def formatMessage(self, record: logging.LogRecord) -> str:
        working_on = WORKING_ON.get()
        if working_on and not record.name.startswith("pipeline"):  # libraries do not say which page they were on
            record.message = f"{record.message} (while handling {working_on})"
        record.message = _one_line(record.message)
        return super().formatMessage(record)


def _print(text: str, *, done: str = "") -> None:
    """Print to stdout now, so that a closed pipe or a full disk is found while main can still handle it;
    bytes a terminal would act on (escape sequences in a file name) are printed escaped. `done` says what
    had already happened when the output cannot be written."""
    if sys.stdout is None:
        raise OutputError(f"{done}standard output is closed: nothing can be printed")
    try:
        print(_UNSAFE.sub(lambda match: match.group().encode("unicode_escape").decode("ascii"), text))
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        _silence_stdout()
        raise OutputError(f"{done}cannot write to standard output: {exc.strerror or exc}") from exc


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so that the interpreter's own flush at exit cannot fail again."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, run one command, turn expected errors into one line and an exit code."""
    args = _parser().parse_args(argv)
    handler = logging.StreamHandler()
    handler.setFormatter(_OneLineFormatter("%(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, handlers=[handler])
    if args.verbose:  # the pipeline's own decisions; other libraries stay at INFO
        LOGGER.setLevel(logging.DEBUG)
    logging.getLogger("urllib3").setLevel(logging.ERROR)  # retries are logged by the scraper itself
    # trafilatura warns without naming the page ("discarding data: None") when a page has no main text;
    # the reader already logs, with the file's name, what it skips.
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    try:
        if args.command in {"run", "refresh"}:
            from .run import run

            report = run(
                args.raw, args.out, model=args.model, progress=False if args.no_progress else None,
                incremental=args.command == "refresh", sites=getattr(args, "sites", None),
                workers=getattr(args, "workers", 1), scheduler=getattr(args, "scheduler", None),
                allow_empty=args.allow_empty,
            )
            _print(report.summary_line(), done="the run finished and published; ")
            return 1 if report.scrape_failures and not report.pages_fetched and args.command == "refresh" else 0
        if args.command == "scrape":
            return _scrape(args)
        if args.command == "sql":
            from .query import sql

            frame = sql(args.query, args.out)
            _print(frame.to_csv(index=False) if args.csv else frame.to_string(index=False, na_rep="null"))
            return 0
        if args.command == "explain":
            from .explain import explain

            if not args.page.is_file():
                raise ConfigError(f"{args.page}: no such file")
            _print(explain(args.page))
            return 0
        if args.command == "stats":
            from .query import stats

            _print(stats(args.out))
            return 0
    except PipelineError as exc:
        print(f"pipeline: error: {_one_line(str(exc))}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:
        # The reader went away (`stats | head`): stop quietly, as any Unix filter does.
        _silence_stdout()  # the exit's own flush must not fail
        return 141  # 128 + SIGPIPE: what a shell reports for a filter stopped by a closed pipe
    except KeyboardInterrupt:
        print("pipeline: interrupted; the published dataset is unchanged", file=sys.stderr)
        return 130
    return 2
