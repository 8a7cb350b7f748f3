"""Build a synthetic but realistic raw corpus of N distinct press releases for benchmarks.

The material is the sample corpus in raw/, read at run time (nothing is copied into the repo):
card titles, kind lines and photo captions of the two newsroom listing pages, and sentences from
every page (cards, the email, the homepage, the topic page). The output is plain-text listing pages
in the layout of raw/001_*.txt, about ten cards a page, each card

    Press Release            <- kind line, with the sample's kinds in the sample's proportions
                             <- blank lines between blocks
    Mexico: Title fragments recombined, Part 1234     <- distinct: ends with a running number
                             
    Summary of real sentences, 300-1200 characters, cut with "…" like a teaser half the time.

    January 8, 2019          <- date line

newest card first, with the sample's page header on top and, now and then, a real photo caption
between two cards. Dates are spread over 2000-2024, pairwise distinct while N fits in those 9,132
days (at most ceil(N / 9,132) releases share a day beyond that). Deterministic for a given seed.

    python benchmarks/build_corpus.py OUT_DIR --releases 10000 [--seed 0] [--source raw]
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO / "raw"
FIRST_DAY = dt.date(2000, 1, 1)
LAST_DAY = dt.date(2024, 12, 31)
SUMMARY_MIN, SUMMARY_MAX = 300, 1200
TITLE_MAX = 150  # before the running number; the sample's titles run 38-137 characters
CARDS_PER_PAGE = (8, 12)  # ~10, as on the sample's listing pages (11 and 14 cards)
CAPTION_SHARE = 0.15  # the sample has 6 photo captions over 24 cards

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")
_DATE_LINE = re.compile(rf"^(?:{'|'.join(_MONTHS)}) \d{{1,2}}, \d{{4}}$")
_KIND_LINE = re.compile(r"^(?:[A-Z][\w ]{0,30} )?(?:Press Release|Report|Statement|News Release)$")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[”\"’]?\s+(?=[“\"A-Z])")
# Sentences a card summary would never carry: page chrome, photo credits, email salutations.
_NOT_SUMMARY = re.compile(
    r"\[email|@|member of the press|human face on|photo|getty|click here|\d{3}[.) -]\d{3}[.-]\d{4}|"
    r"^[A-Z][a-z]+ ?[:—–-] |\bJohn\b|^(?:UPDATES|In solidarity|Please|Thank you)",
    re.IGNORECASE,
)
# The opening sentence must not start like a date or a dateline (`NEW YORK, May 3, 2021 –`).
_DATEISH = re.compile(rf"\d|\b(?:{'|'.join(m[:3] for m in _MONTHS)})[a-z]*\b")
_CONNECTIVES = re.compile(r" (?=(?:at|in|for|to|of|on|with|while|says|after|into|could|must|should|is|are) )",
                          re.IGNORECASE)
_NUMBER_PHRASES = (" (No. {n:,})", ", Part {n}", " — Case {n:,}", ": Brief {n}", " in Week {n:,}")


@dataclass(frozen=True, slots=True)
class Material:
    """What the sample corpus offers to recombine."""

    header: tuple[str, ...]  # blocks above the first card of a listing page
    kinds: tuple[str, ...]  # kind line of every card, repeats kept: the sample's proportions
    prefixes: tuple[str, ...]  # `Mexico`, `Americas`, `United States / Mexico`
    bodies: tuple[str, ...]  # card titles without their prefix
    captions: tuple[str, ...]  # photo captions printed between cards
    sentences: tuple[str, ...]  # every usable sentence of the corpus
    openers: tuple[str, ...]  # the sentences a summary may start with


def _blocks(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8", errors="replace")
    return [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]


def load_material(source: Path = SOURCE) -> Material:
    """Titles, kinds, captions and sentences of the sample corpus under `source`."""
    files = sorted(p for p in Path(source).glob("*.txt") if p.is_file())
    if not files:
        raise SystemExit(f"no *.txt sample pages under {source}")
    header: list[str] = []
    kinds, titles, captions, paragraphs = [], [], [], []
    for path in files:
        blocks = _blocks(path)
        dates = [i for i, b in enumerate(blocks) if _DATE_LINE.match(b)]
        cards = [d for d in dates if d >= 3 and _KIND_LINE.match(blocks[d - 3])]
        if len(cards) < 2:  # not a listing page: an email, a homepage, a topic page
            paragraphs.extend(line for b in blocks for line in b.splitlines())
            continue
        previous_end = None
        for d in cards:
            kinds.append(blocks[d - 3])
            titles.append(blocks[d - 2])
            paragraphs.append(blocks[d - 1])
            if previous_end is None:
                header = header or blocks[: d - 3]
            else:
                captions.extend(b for b in blocks[previous_end + 1: d - 3] if len(b) >= 40)
            previous_end = d
    if not titles:
        raise SystemExit(f"no listing page with dated cards under {source}")
    prefixes, bodies = [], []
    for title in titles:
        head, sep, body = title.partition(": ")
        if sep and len(head) <= 30 and "," not in head:
            prefixes.append(head)
            bodies.append(body)
        else:
            bodies.append(title)
    sentences = []
    for paragraph in paragraphs:
        for sentence in _SENTENCE_BREAK.split(paragraph.replace("\u00a0", " ")):
            sentence = " ".join(sentence.split())
            if 40 <= len(sentence) <= 400 and re.match(r"[“\"A-Z]", sentence) \
                    and re.search(r"[.!?][”\"’]?$", sentence) and not _NOT_SUMMARY.search(sentence):
                sentences.append(sentence)
    sentences = list(dict.fromkeys(sentences))
    openers = [s for s in sentences if not _DATEISH.search(s[:60]) and s[0].isupper()]
    return Material(header=tuple(header), kinds=tuple(kinds), prefixes=tuple(dict.fromkeys(prefixes)),
                    bodies=tuple(dict.fromkeys(bodies)), captions=tuple(dict.fromkeys(captions)),
                    sentences=tuple(sentences), openers=tuple(openers))


def make_title(rng: random.Random, material: Material, n: int) -> str:
    """A realistic title from real title fragments, made distinct by the running number n."""
    body = rng.choice(material.bodies)
    if rng.random() < 0.5:  # the head of one real title, the tail of another, joined at a connective
        other = rng.choice([b for b in material.bodies if b != body and _title_case(b) == _title_case(body)]
                           or [body])
        heads = [m.start() for m in _CONNECTIVES.finditer(body) if m.start() >= 12]
        tails = [m.start() for m in _CONNECTIVES.finditer(other)]
        if heads and tails:
            joined = body[: rng.choice(heads)] + other[rng.choice(tails):]
            if 25 <= len(joined) <= TITLE_MAX:
                body = joined
    if material.prefixes and rng.random() < 0.3 and ": " not in body:
        prefixed = f"{rng.choice(material.prefixes)}: {body}"
        body = prefixed if len(prefixed) <= TITLE_MAX else body
    return body + rng.choice(_NUMBER_PHRASES).format(n=n)


def _title_case(title: str) -> bool:
    """`Remain in Mexico Plan Could Prove Deadly` (True) or `Authorities must not deport` (False)."""
    words = [w for w in title.split() if len(w) > 3]
    return sum(w[0].isupper() for w in words) > len(words) / 2


def make_summary(rng: random.Random, material: Material) -> str:
    """A teaser of real sentences, 300-1200 characters; half are cut off with "…" like the sample's."""
    target = int(rng.triangular(SUMMARY_MIN, SUMMARY_MAX, 650))
    parts = [rng.choice(material.openers)]
    size = len(parts[0])
    while size < target:
        sentence = rng.choice(material.sentences)
        if sentence not in parts:
            parts.append(sentence)
            size += len(sentence) + 1
    text = " ".join(parts)
    if len(text) > SUMMARY_MAX or (len(text) > target + 40 and rng.random() < 0.5):
        cut = text.rfind(" ", 0, min(target, SUMMARY_MAX - 1))
        text = text[:cut].rstrip(" ,;:—–-") + "…"
    return text


def spread_dates(rng: random.Random, count: int) -> list[dt.date]:
    """count dates in 2000-2024, newest first; pairwise distinct while count fits in those days."""
    days = (LAST_DAY - FIRST_DAY).days + 1
    offsets: list[int] = []
    while len(offsets) < count:  # every day once per round, as many rounds as needed
        offsets.extend(rng.sample(range(days), min(days, count - len(offsets))))
    return [FIRST_DAY + dt.timedelta(days=o) for o in sorted(offsets, reverse=True)]


def page_sizes(rng: random.Random, count: int) -> list[int]:
    """Cards per page, ~10 each, every page with at least two cards (a listing, not one document)."""
    sizes: list[int] = []
    while sum(sizes) < count:
        sizes.append(rng.randint(*CARDS_PER_PAGE))
    sizes[-1] -= sum(sizes) - count
    if sizes[-1] < 2 and len(sizes) > 1:
        sizes[-2] -= 2 - sizes[-1]
        sizes[-1] = 2
    return sizes


def format_date(day: dt.date) -> str:
    return f"{_MONTHS[day.month - 1]} {day.day}, {day.year}"


def build(out: Path, releases: int, seed: int = 0, source: Path = SOURCE) -> dict:
    """Write `releases` distinct releases as listing pages under `out`; return what was written."""
    if releases < 2:
        raise ValueError("a listing page needs at least two releases")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    material = load_material(source)
    rng = random.Random(seed)
    dates = spread_dates(rng, releases)
    n = 0
    pages = chars = 0
    titles: set[str] = set()
    for page_no, size in enumerate(page_sizes(rng, releases)):
        blocks = list(material.header)
        for card in range(size):
            if card and material.captions and rng.random() < CAPTION_SHARE:
                blocks.append(rng.choice(material.captions))
            title = make_title(rng, material, n + 1)
            summary = make_summary(rng, material)
            titles.add(title)
            chars += len(title) + 2 + len(summary)  # Release.text: title + "\n\n" + summary
            blocks += [rng.choice(material.kinds), title, summary, format_date(dates[n])]
            n += 1
        text = "\n\n" + "\n\n".join(blocks) + "\n"
        data = text.encode("utf-8")
        (out / f"{page_no:06d}_{hashlib.sha256(data).hexdigest()[:16]}.txt").write_bytes(data)
        pages += 1
    assert len(titles) == releases, "titles must be distinct"
    return {"releases": releases, "pages": pages, "text_chars": chars, "distinct_dates": len(set(dates)),
            "seed": seed}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="directory to write the listing pages to")
    parser.add_argument("--releases", "-n", type=int, default=10_000, help="distinct releases (default 10000)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--source", type=Path, default=SOURCE, help=f"sample corpus to recombine (default {SOURCE})")
    args = parser.parse_args(argv)
    print(json.dumps(build(args.out, args.releases, args.seed, args.source)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
