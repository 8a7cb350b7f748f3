"""The rules' data and the rules' own descriptions: each entry once, and no docstring naming a symbol that is
not there (a constant, a function, a module or a field of the rules' data)."""
from __future__ import annotations

import ast
import re
from dataclasses import fields
from pathlib import Path

import pytest

from pipeline import settings
from pipeline.extract.rules import Rules, duplicates

PACKAGE = Path(__file__).resolve().parents[1] / "pipeline" / "extract"
_CONSTANT = re.compile(r"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b")
_CALLED = re.compile(r"\b([a-z_][a-z0-9_]*)\(\)")
_MODULE = re.compile(r"\b([a-z_][a-z0-9_]*)\.py\b")
_RULES_FIELD = re.compile(r"\bLEX\.([a-z_]+)")


def _trees() -> dict[str, ast.Module]:
    return {path.name: ast.parse(path.read_text("utf-8")) for path in sorted(PACKAGE.glob("*.py"))}


def _defined(trees: dict[str, ast.Module]) -> set[str]:
    """Every name a module of the package binds: functions, classes, constants, imports."""
    names: set[str] = set()
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.ClassDef):
                names.add(node.name)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            elif isinstance(node, ast.alias):
                names.add((node.asname or node.name).split(".")[0])
    return names


def _docstrings(tree: ast.Module) -> list[str]:
    nodes = [tree, *(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.ClassDef))]
    return [doc for node in nodes if (doc := ast.get_docstring(node))]


def test_the_rule_files_hold_each_entry_once():
    assert duplicates() == []


def test_a_duplicate_entry_in_any_list_is_reported():
    assert duplicates({"links": {"body": ["of", "at", "OF"]}, "inflection": {}}) == ["links.body: of"]


def test_every_docstring_names_only_symbols_that_exist():
    trees = _trees()
    defined = _defined(trees) | set(dir(settings))
    modules = {name.removesuffix(".py") for name in trees} | {
        p.stem for p in PACKAGE.parent.glob("*.py")}
    rule_fields = {f.name for f in fields(Rules)}
    missing = []
    for module, tree in trees.items():
        for doc in _docstrings(tree):
            missing += [f"{module}: {name}" for name in _CONSTANT.findall(doc) if name not in defined]
            missing += [f"{module}: {name}()" for name in _CALLED.findall(doc) if name not in defined]
            missing += [f"{module}: {name}.py" for name in _MODULE.findall(doc) if name not in modules]
            missing += [f"{module}: LEX.{name}" for name in _RULES_FIELD.findall(doc) if name not in rule_fields]
    assert missing == []


@pytest.mark.parametrize("doc", ["The grammar is STATEMENT_PATTERNS.", "See find_everything().", "In grammar.py."])
def test_a_docstring_naming_a_missing_symbol_is_caught(doc):
    defined = _defined(_trees())
    modules = {p.stem for p in PACKAGE.glob("*.py")}
    found = ([n for n in _CONSTANT.findall(doc) if n not in defined] + [n for n in _CALLED.findall(doc)
             if n not in defined] + [n for n in _MODULE.findall(doc) if n not in modules])
    assert found


def _unparenthesised_mixed_boolops(source: str) -> list[int]:
    """Lines where an `and` inside an `or` (or the other way round) stands without its own parentheses."""
    starts = [0]
    for line in source.split("\n"):
        starts.append(starts[-1] + len(line.encode()) + 1)
    raw = source.encode()
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.BoolOp):
            for value in node.values:
                if isinstance(value, ast.BoolOp) and type(value.op) is not type(node.op):
                    before = raw[:starts[value.lineno - 1] + value.col_offset].decode().rstrip().rstrip("\\").rstrip()
                    if not before.endswith("("):
                        found.append(value.lineno)
    return found


def test_every_mixed_and_or_in_the_rules_is_parenthesised():
    found = {path.name: lines for path in sorted(PACKAGE.glob("*.py"))
             if (lines := _unparenthesised_mixed_boolops(path.read_text("utf-8")))}
    assert found == {}


def test_an_unparenthesised_mixed_and_or_is_caught():
    assert _unparenthesised_mixed_boolops("x = a and b or c\ny = (a and b) or c\n") == [1]
