"""`make bench`: the full benchmark (benchmarks/bench_pipeline.py); exits non-zero when it failed.

Extra arguments go to bench_pipeline.py (`python benchmarks/run_all.py --quick` for a smoke run).
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().with_name("bench_pipeline.py")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    code = subprocess.call([sys.executable, str(BENCH), *args])
    if code != 0:
        print(f"benchmark failed: {BENCH.name} exited {code}", file=sys.stderr)
        return code if code > 0 else 1  # killed by a signal: still a failure
    return 0


if __name__ == "__main__":
    sys.exit(main())
