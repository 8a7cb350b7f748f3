"""pipeline/settings.py: every tunable value once, with its reason."""
from __future__ import annotations

import ast
from collections import Counter

from .conftest import REPO


def test_no_setting_is_defined_twice():
    # A second assignment further down silently changes the first one's meaning for every module that reads it.
    tree = ast.parse((REPO / "pipeline" / "settings.py").read_text(encoding="utf-8"))
    names = Counter(target.id for node in tree.body if isinstance(node, ast.Assign | ast.AnnAssign)
                    for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
                    if isinstance(target, ast.Name))
    assert [name for name, n in names.items() if n > 1] == []
