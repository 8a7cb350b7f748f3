"""`make bench`: every benchmark in turn; exits non-zero when one failed.

    benchmarks/bench_split.py         splitting is linear: CPU seconds per 10k cards at 10k and 40k cards
    benchmarks/bench_pipeline.py      throughput, stage shares, memory, scaling (end to end vs bare nlp.pipe)
    benchmarks/bench_attribution.py   spokespeople found / role / organisation per attribution form

Extra arguments go to the pipeline benchmark (`python benchmarks/run_all.py --quick` for a smoke run); the
attribution benchmark takes only `--quick`, the split benchmark none.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHES = (HERE / "bench_split.py", HERE / "bench_pipeline.py", HERE / "bench_attribution.py")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    failed = 0
    for bench in BENCHES:
        code = subprocess.call([sys.executable, str(bench), *_own(bench, args)])
        if code != 0:
            print(f"benchmark failed: {bench.name} exited {code}", file=sys.stderr)
            failed = failed or (code if code > 0 else 1)  # killed by a signal: still a failure
    return failed


def _own(bench: Path, args: list[str]) -> list[str]:
    """The pipeline benchmark takes every option; the attribution benchmark only `--quick` (its others are for
    running it alone); the split benchmark none."""
    if bench.name == "bench_pipeline.py":
        return args
    if bench.name == "bench_attribution.py":
        return [a for a in args if a == "--quick"]
    return []


if __name__ == "__main__":
    sys.exit(main())
