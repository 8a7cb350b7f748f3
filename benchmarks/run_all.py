"""`make bench`: the full benchmarks; exits non-zero when one failed.

    benchmarks/bench_pipeline.py      throughput, stage shares, memory, scaling (end to end vs bare nlp.pipe)
    benchmarks/bench_attribution.py   spokespeople found / role / organisation per attribution form

Extra arguments go to both (`python benchmarks/run_all.py --quick` for a smoke run; each ignores the other's).
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHES = (HERE / "bench_pipeline.py", HERE / "bench_attribution.py")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    for bench in BENCHES:
        code = subprocess.call([sys.executable, str(bench), *_own(bench, args)])
        if code != 0:
            print(f"benchmark failed: {bench.name} exited {code}", file=sys.stderr)
            return code if code > 0 else 1  # killed by a signal: still a failure
    return 0


def _own(bench: Path, args: list[str]) -> list[str]:
    """The pipeline benchmark takes every option; the attribution benchmark only `--quick` (its others
    are for running it alone)."""
    return args if bench.name == "bench_pipeline.py" else [a for a in args if a == "--quick"]


if __name__ == "__main__":
    sys.exit(main())
