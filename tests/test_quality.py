"""Quality gate: the scorer on the sample corpus and on the development set, against stored floors."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.run import run

BASELINE = json.loads((Path(__file__).parent / "quality_baseline.json").read_text())


def _scores(shared: Path, out: Path, gold: str) -> dict:
    result = subprocess.run(
        [sys.executable, str(shared / "eval" / "score.py"), "--dataset", str(out / "releases"),
         "--gold", str(shared / "gold" / gold), "--json"],
        capture_output=True, text=True, check=True,
    )
    return json.loads(result.stdout)


def _value(scores: dict, key: str) -> float:
    if key in scores:
        return scores[key]
    name, measure = key.rsplit(".", 1)
    return scores[name][measure]


@pytest.mark.parametrize(("corpus", "gold"), [("seeds", "seeds.jsonl"), ("dev", "dev.jsonl")])
def test_scores_stay_at_or_above_the_baseline(shared, tmp_path, request, corpus, gold):
    if corpus == "seeds":
        out = request.getfixturevalue("sample").out  # the seeds are raw/: the sample dataset is their run
    else:
        out = tmp_path
        run(shared / "corpus", out, progress=False)
    scores = _scores(shared, out, gold)
    failures = []
    for key, floor in BASELINE[corpus].items():
        value = _value(scores, key)
        too_low = value > floor if key in {"duplicates", "false_merges"} else value < floor
        if too_low:
            failures.append(f"{key}: {value} (floor {floor})")
    assert not failures, f"{corpus} quality dropped: " + "; ".join(failures)
