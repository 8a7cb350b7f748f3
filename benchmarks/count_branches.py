"""Count the hand-written branches of the extraction code, reproducibly, with the `ast` module.

    .venv/bin/python benchmarks/count_branches.py [path ...]     # default: pipeline/extract/

A branch is an `if` or `elif` statement, a conditional expression (`a if c else b`), a comprehension's
`if` filter, or a boolean operator (`and`/`or`: `a and b or c` counts two). Prints one `name=value`
line per file and kind, and `branches_total=N` last, then `function_over_limit=FILE:NAME=N` for each function
with more than FUNCTION_LIMIT branches (its nested functions' included).
"""
from __future__ import annotations

import ast
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
KINDS = ("if", "ifexp", "comprehension_if", "boolop")
FUNCTION_LIMIT = 15  # issue 23: no function of the extraction code holds more


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


def function_branches(source: str) -> dict[str, int]:
    """Branches in each function of one module's source, by its qualified name (`Class.method`, `outer.inner`)."""
    found: dict[str, int] = {}

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                name = f"{prefix}{child.name}"
                if not isinstance(child, ast.ClassDef):
                    found[name] = sum(count(ast.unparse(child)).values())
                visit(child, f"{name}.")
            else:
                visit(child, prefix)

    visit(ast.parse(source), "")
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
    for name, over in functions_over_limit(paths).items():
        print(f"function_over_limit={name}={over}")
    return 0


def functions_over_limit(paths: list[Path], limit: int = FUNCTION_LIMIT) -> dict[str, int]:
    """Every function under the paths with more than `limit` branches, as `file:name` -> branches."""
    files = sorted(f for p in paths for f in ([p] if p.is_file() else p.rglob("*.py")))
    return {f"{f.relative_to(REPO) if f.is_relative_to(REPO) else f}:{name}": n for f in files
            for name, n in function_branches(f.read_text("utf-8")).items() if n > limit}


if __name__ == "__main__":
    sys.exit(main())
