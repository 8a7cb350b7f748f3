"""Dedup stage: one row per release, however many pages, scrapes or cards it was seen on."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, replace

from . import settings
from .records import Release

_WORD = re.compile(r"[a-z0-9]+")
# Site prefixes some aggregators glue to titles ("Press Releases: ...").
_TITLE_PREFIX = re.compile(r"^(?:press releases?|news releases?|statement|press statement)\s*:\s*", re.IGNORECASE)
_COMPATIBLE_SHARE = 0.6  # share of the shorter text's opening words found in the longer one's opening


@dataclass(frozen=True, slots=True, kw_only=True)
class DedupResult:
    """Deduplicated releases keyed by release_id, and how many inputs merged into them."""

    releases: tuple[tuple[str, Release], ...]
    merged: int


def _normal(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "").lower().replace("’", "'")
    return " ".join(_WORD.findall(text))


def identity_key(release: Release) -> str:
    """The canonical identity of a release: title and date, else date and opening words, else URL."""
    title = _normal(_TITLE_PREFIX.sub("", release.title or ""))
    date = release.published.isoformat() if release.published else ""
    if title and date:
        return f"t|{title}|{date}"
    if release.url and not date:
        return f"u|{release.url.split('#')[0].rstrip('/')}"
    words = " ".join(_normal(release.summary).split()[: settings.MERGE_PREFIX_WORDS])
    return f"w|{title}|{date}|{words}|{release.kind if not date else ''}"


def release_id(key: str) -> str:
    """A stable 16-hex-digit id from an identity key."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _opening(release: Release, n: int) -> list[str]:
    return _normal(release.summary.rstrip("…. ")).split()[:n]


def compatible(a: Release, b: Release) -> bool:
    """True when two releases with one identity key have texts that can be the same release."""
    short, long = sorted((a, b), key=lambda r: len(r.summary))
    want = set(_opening(short, 30))
    if len(want) < 5:
        return True  # too little text to tell them apart: the key decides
    have = set(_opening(long, 400))
    return len(want & have) / len(want) >= _COMPATIBLE_SHARE


def _merge(group: list[Release]) -> Release:
    best = max(group, key=lambda r: (len(r.summary), r.title is not None, -len(r.sources)))
    sources = tuple(sorted({s for r in group for s in r.sources}))
    captions = tuple(dict.fromkeys(c for r in group for c in r.captions))
    kinds = [r.kind for r in group if r.kind not in {"page", "email"}]
    return replace(
        best,
        sources=sources,
        captions=captions,
        title=best.title or next((r.title for r in group if r.title), None),
        kind=best.kind if best.kind not in {"page", "email"} or not kinds else kinds[0],
        url=best.url or next((r.url for r in group if r.url), None),
        published=best.published or next((r.published for r in group if r.published), None),
        organization=best.organization or next((r.organization for r in group if r.organization), None),
    )


def dedup(releases: list[Release]) -> DedupResult:
    """Merge releases that are one release; keep distinct ones apart, each with a stable id."""
    by_key: dict[str, list[list[Release]]] = defaultdict(list)
    for release in releases:
        variants = by_key[identity_key(release)]
        for variant in variants:
            if all(compatible(release, other) for other in variant[:3]):
                variant.append(release)
                break
        else:
            variants.append([release])
    out = []
    for key, variants in by_key.items():
        for variant in variants:
            merged = _merge(variant)
            # Distinct texts under one key keep apart; their opening words keep their ids apart too.
            suffix = "" if len(variants) == 1 else "|" + " ".join(_opening(merged, settings.MERGE_PREFIX_WORDS))
            out.append((release_id(key + suffix), merged))
    out.sort(key=lambda pair: (pair[1].published is None, pair[1].published or "", pair[0]), reverse=False)
    return DedupResult(releases=tuple(out), merged=len(releases) - len(out))
