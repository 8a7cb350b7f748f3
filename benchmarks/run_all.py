"""`make bench`: the split scaling benchmark (benchmarks/bench_split.py), then the full benchmark
(benchmarks/bench_pipeline.py); exits non-zero when either failed.

Extra arguments go to bench_pipeline.py (`python benchmarks/run_all.py --quick` for a smoke run).
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SPLIT = HERE / "bench_split.py"
BENCH = HERE / "bench_pipeline.py"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    failed = 0
    for script, extra in ((SPLIT, []), (BENCH, args)):
        code = subprocess.call([sys.executable, str(script), *extra])
        if code != 0:
            print(f"benchmark failed: {script.name} exited {code}", file=sys.stderr)
            failed = failed or (code if code > 0 else 1)  # killed by a signal: still a failure
    return failed


if __name__ == "__main__":
    sys.exit(main())
