"""Count the hand-written branches of the extraction code, reproducibly, with the `ast` module.

    .venv/bin/python benchmarks/count_branches.py [path ...]     # default: pipeline/extract/

A branch is an `if` or `elif` statement, a conditional expression (`a if c else b`), a comprehension's
`if` filter, or a boolean operator (`and`/`or`: `a and b or c` counts two). Prints one `name=value`
line per file and kind, and `branches_total=N` last.
"""
from __future__ import annotations

import ast
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
KINDS = ("if", "ifexp", "comprehension_if", "boolop")


def count(source: str) -> Counter:
    """Branches of each kind in one module's source."""
    found: Counter = Counter({kind: 0 for kind in KINDS})
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.If):  # an `elif` is an If nested in the orelse of the one above
            found["if"] += 1
        elif isinstance(node, ast.IfExp):
            found["ifexp"] += 1
        elif isinstance(node, ast.comprehension):
            found["comprehension_if"] += len(node.ifs)
        elif isinstance(node, ast.BoolOp):
            found["boolop"] += len(node.values) - 1
    return found


def count_paths(paths: list[Path]) -> dict[str, Counter]:
    """Branch counts per Python file under the given files or folders."""
    files = sorted(f for p in paths for f in ([p] if p.is_file() else p.rglob("*.py")))
    return {str(f.relative_to(REPO) if f.is_relative_to(REPO) else f): count(f.read_text("utf-8")) for f in files}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    paths = [Path(a).resolve() for a in args] or [REPO / "pipeline" / "extract"]
    total: Counter = Counter()
    for name, found in count_paths(paths).items():
        for kind in KINDS:
            print(f"{name}:{kind}={found[kind]}")
        print(f"{name}:total={sum(found.values())}")
        total.update(found)
    for kind in KINDS:
        print(f"branches_{kind}={total[kind]}")
    print(f"branches_total={sum(total[k] for k in KINDS)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
