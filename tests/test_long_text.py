"""Issue 16, item 5: the extractors are linear in a text's length. The benchmark prints the figures
(`python benchmarks/bench_pipeline.py --long-text-only`); this test checks the shape with a generous
margin: eight times the text may take at most twenty times as long (a quadratic step takes 64 times)."""
from __future__ import annotations

import importlib.util
import sys

import pytest

from .conftest import REPO

pytestmark = pytest.mark.slow  # loads the model and times the extractors


def _bench():
    spec = importlib.util.spec_from_file_location("benchmarks_bench_pipeline_long",
                                                  REPO / "benchmarks" / "bench_pipeline.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_long_text_is_our_own_prose_of_the_asked_length():
    bench = _bench()
    text = bench.long_text(5_000)
    assert len(text) == 5_000 and "\n" not in text and " said " in text


def test_extractors_scale_linearly_with_the_length_of_one_text(nlp):
    bench = _bench()
    small = bench.long_doc(nlp, 20_000, piece_chars=5_000, pieces=4)
    large = bench.long_doc(nlp, 160_000, piece_chars=5_000, pieces=4)
    assert len(large.text) > 7.5 * len(small.text)
    small_seconds = min(bench.time_extractors(nlp, small) for _ in range(3))
    large_seconds = min(bench.time_extractors(nlp, large) for _ in range(2))
    assert large_seconds < 20 * small_seconds, (small_seconds, large_seconds)
    # The result is the same people, whatever the length: one entry per person, not one per mention.
    nlp.get_pipe("release_spokespeople")(small)
    nlp.get_pipe("release_spokespeople")(large)
    assert {p.name for p in large._.spokespeople} == {p.name for p in small._.spokespeople}
