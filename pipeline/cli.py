"""Command line: `python -m pipeline run|scrape ...`, a thin layer over the library functions."""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from . import settings
from .errors import PipelineError

LOGGER = logging.getLogger("pipeline")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pipeline",
        description="Turn scraped newsroom pages into a deduplicated Parquet dataset of press releases.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log every skipped file and stage timing")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = commands.add_parser(
        "run", help="read raw pages, split, extract and write the dataset",
        description="Read every file under --raw, split it into releases, extract dates, spokespeople, "
                    "countries and figures, deduplicate, and publish --out/releases atomically.",
    )
    run.add_argument("--raw", type=Path, default=Path("raw"), help="directory of raw pages (default: raw)")
    run.add_argument("--out", type=Path, default=Path("processed"), help="output directory (default: processed)")
    run.add_argument("--model", default=settings.DEFAULT_MODEL,
                     help=f"spaCy model to load (default: {settings.DEFAULT_MODEL})")
    run.add_argument("--no-progress", action="store_true", help="no progress bars")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, run one command, turn expected errors into one line and an exit code."""
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        if args.command == "run":
            from .run import run

            report = run(args.raw, args.out, model=args.model, progress=False if args.no_progress else None)
            print(report.summary_line())
            return 0
    except PipelineError as exc:
        print(f"pipeline: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("pipeline: interrupted; the published dataset is unchanged", file=sys.stderr)
        return 130
    return 2
