"""Spokespeople on generated releases: found / role / organisation for every attribution form.

    .venv/bin/python benchmarks/bench_attribution.py                 # 40 releases per form, every grammar
    .venv/bin/python benchmarks/bench_attribution.py --quick         # 10 per form
    .venv/bin/python benchmarks/bench_attribution.py --grammar probe --failures 3

Nine grammars: `grammar` (tests/attribution_grammar.py, the one the rules are written against, whose
floors tests/test_attribution_grammar.py keeps), `probe` (benchmarks/attribution_probe.py: other
wording and other forms, written apart and never tuned on, a proxy for text the rules have not seen) and
`probe2` (benchmarks/attribution_probe2.py: a third, written apart from both and scored before any change) and
`probe3` (benchmarks/attribution_probe3.py: a fourth, in the manner of company, hospital and university newsrooms) and
`probe4` (benchmarks/attribution_probe4.py: a fifth, written after round 5 and scored first seen) and
`probe5` (benchmarks/attribution_probe5.py: a sixth, written without reading the rules and scored first seen) and
`probe6` (benchmarks/attribution_probe6.py: a seventh, written without reading the rules and scored first seen) and
`probe7` (benchmarks/attribution_probe7.py: an eighth, of whole documents, signatures and transcripts, written without
reading the rules and scored first seen) and `probe8` (benchmarks/attribution_probe8.py: a ninth, of government,
company, university, club, court and police newsrooms, written without reading the rules and scored first seen) and
`probe9` (benchmarks/attribution_probe9.py: a tenth, of colon frames without a verb, speeches, roles given first,
joint statements and press conferences, written without reading the rules and scored first seen).
Prints one table row per form and `name=value` lines: `<grammar>_found`, `_role`, `_organization`,
`_extra_per_100`, `_worst_form`. Role and organisation shares count a speaker not found as wrong.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "benchmarks")]

import attribution_probe
import attribution_probe2
import attribution_probe3
import attribution_probe4
import attribution_probe5
import attribution_probe6
import attribution_probe7
import attribution_probe8
import attribution_probe9

from pipeline.extract import build_nlp, extract
from pipeline.records import Release
from tests import attribution_grammar

GRAMMARS = {"grammar": attribution_grammar, "probe": attribution_probe, "probe2": attribution_probe2,
            "probe3": attribution_probe3, "probe4": attribution_probe4, "probe5": attribution_probe5,
            "probe6": attribution_probe6, "probe7": attribution_probe7, "probe8": attribution_probe8,
            "probe9": attribution_probe9}


def measure(module, per_form: int, seed: int, nlp, failures: int = 0) -> dict[str, attribution_grammar.Tally]:
    """Extract every generated release of a grammar; a Tally per form (printing up to `failures` misses)."""
    generated = list(module.releases(per_form, seed))
    inputs = [Release(sources=(f"{g.form}.txt",), kind="press_release", title=g.title, summary=g.text)
              for g in generated]
    tallies: dict[str, attribution_grammar.Tally] = {}
    shown: dict[str, int] = {}
    for g, out in zip(generated, extract(inputs, nlp), strict=True):
        found = [(p.name, p.role, p.organization) for p in out.spokespeople]
        one = attribution_grammar.tally(g, found)
        tallies[g.form] = tallies.get(g.form, attribution_grammar.Tally()).add(one)
        wrong = one.found < one.expected or one.role_right < one.roles or one.org_right < one.orgs or one.extra
        if wrong and shown.get(g.form, 0) < failures:
            shown[g.form] = shown.get(g.form, 0) + 1
            rules = [(p.name, p.role, p.organization, p.rule, p.role_rule, p.organization_rule)
                     for p in out.spokespeople]
            print(f"--- {g.form}\n{out.text}\n  expected {[(s.name, s.role, s.organization) for s in g.speakers]}"
                  f"\n  found    {rules}")
    return tallies


def report(name: str, tallies: dict[str, attribution_grammar.Tally]) -> None:
    """The per-form table and the grammar's totals."""
    print(f"{name:34} {'n':>4} {'found':>6} {'role':>6} {'org':>6} {'extra':>6}")
    total = attribution_grammar.Tally()
    for form, t in tallies.items():
        r = t.rates()
        print(f"{form:34} {t.releases:4d} {r['found']:6.3f} {r['role']:6.3f} {r['organization']:6.3f} {t.extra:6d}")
        total = total.add(t)
    rates = total.rates()
    worst = min(tallies, key=lambda f: min(tallies[f].rates()[k] for k in ("found", "role", "organization")))
    for key, value in rates.items():
        print(f"{name}_{key}={value:.3f}")
    print(f"{name}_worst_form={worst}")
    print(f"{name}_forms={len(tallies)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="10 releases per form")
    parser.add_argument("--per-form", type=int, help="releases per form (default 40, 10 with --quick)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--grammar", choices=[*GRAMMARS, "both", "all"], default="all")
    parser.add_argument("--failures", type=int, default=0, help="print up to N wrong releases per form")
    args = parser.parse_args(argv)
    per_form = args.per_form or (10 if args.quick else 40)
    nlp = build_nlp()
    for name, module in GRAMMARS.items():
        if args.grammar in {name, "all"} or (args.grammar == "both" and name in {"grammar", "probe"}):
            started = time.perf_counter()
            tallies = measure(module, per_form, args.seed, nlp, args.failures)
            report(name, tallies)
            print(f"{name}_seconds={time.perf_counter() - started:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
