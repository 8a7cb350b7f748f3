"""Quality gate: the scorer on the sample corpus and on the development set, against stored floors."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.run import run

BASELINE = json.loads((Path(__file__).parent / "quality_baseline.json").read_text())


def _scores(shared: Path, out: Path, gold: list[Path]) -> dict:
    result = subprocess.run(
        [sys.executable, str(shared / "eval" / "score.py"), "--dataset", str(out / "releases"),
         "--gold", *map(str, gold), "--json"],
        capture_output=True, text=True, check=True,
    )
    return json.loads(result.stdout)


def _value(scores: dict, key: str) -> float:
    if key in scores:
        return scores[key]
    name, measure = key.rsplit(".", 1)
    return scores[name][measure]


@pytest.mark.parametrize("corpus", ["seeds", "dev", "html"])
def test_scores_stay_at_or_above_the_baseline(shared, tmp_path, request, corpus):
    gold = {"seeds": [shared / "gold" / "seeds.jsonl"], "dev": [shared / "gold" / "dev.jsonl"],
            "html": sorted((shared / "html" / "gold").glob("*.jsonl"))}[corpus]
    if corpus == "seeds":
        out = request.getfixturevalue("sample").out  # the seeds are raw/: the sample dataset is their run
    else:
        out = tmp_path
        run({"dev": shared / "corpus", "html": shared / "html" / "pages"}[corpus], out, progress=False)
    scores = _scores(shared, out, gold)
    failures = []
    for key, floor in BASELINE[corpus].items():
        value = _value(scores, key)
        too_low = value > floor if key in {"duplicates", "false_merges"} else value < floor
        if too_low:
            failures.append(f"{key}: {value} (floor {floor})")
    assert not failures, f"{corpus} quality dropped: " + "; ".join(failures)
