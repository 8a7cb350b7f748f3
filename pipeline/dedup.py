"""Dedup stage: one row per release, however many pages, scrapes or cards it was seen on."""
from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, replace

from . import settings
from .records import DOCUMENT_KINDS, LINK_KIND, Release
from .urls import canonical_url

LOGGER = logging.getLogger(__name__)

_WORD = re.compile(r"[a-z0-9]+")
# Site prefixes some aggregators glue to titles ("Press Releases: ...").
_TITLE_PREFIX = re.compile(r"^(?:press releases?|news releases?|statement|press statement)\s*:\s*", re.IGNORECASE)
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)  # the seen_at of a record that has none, when sorting
_DATE0 = dt.date(1, 1, 1)


@dataclass(frozen=True, slots=True, kw_only=True)
class ReleaseVersion:
    """An earlier text of a release (its title or summary was edited later), and when it was seen."""

    release_id: str
    title: str | None
    summary: str
    seen_at: dt.datetime | None
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class DedupResult:
    """Deduplicated releases keyed by release_id, earlier versions, and how many inputs merged."""

    releases: tuple[tuple[str, Release], ...]
    versions: tuple[ReleaseVersion, ...]
    merged: int


def _normal(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "").lower().replace("’", "'")
    return " ".join(_WORD.findall(text))


def identity_key(release: Release) -> str:
    """The canonical identity of a release: its URL, else title and date, else date and opening words."""
    if release.url:
        return f"u|{canonical_url(release.url)}"
    return text_key(release)


def text_key(release: Release) -> str:
    """Identity from the text alone: title and date, else date and opening words."""
    title = _normal(_TITLE_PREFIX.sub("", release.title or ""))
    date = release.published.isoformat() if release.published else ""
    if title and date:
        return f"t|{title}|{date}"
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
    want = set(_opening(short, settings.COMPATIBLE_OPENING_WORDS))
    if len(want) < settings.COMPATIBLE_MIN_WORDS:
        return True  # too little text to tell them apart: the key decides
    have = set(_opening(long, settings.COMPATIBLE_SEARCH_WORDS))
    return len(want & have) / len(want) >= settings.COMPATIBLE_SHARE


def _truncation_of(short: Release, long: Release) -> bool:
    a = _normal(short.summary.rstrip("…. "))
    b = _normal(long.summary)
    return (not a or b.startswith(a) or compatible(short, long)) and _normal(short.title) in {"", _normal(long.title)}


def _merge(group: list[Release]) -> tuple[Release, list[Release]]:
    """One release from every sighting of it, and the earlier texts it replaced."""
    by_time = sorted(group, key=lambda r: (r.seen_at or EPOCH, len(r.summary)))
    # The newest text wins, unless it is a cut-off card of a longer text seen on another page.
    newest = by_time[-1]
    full = [r for r in group if _truncation_of(newest, r)]
    best = max(full, key=lambda r: (len(r.summary), r.title is not None, r.seen_at or EPOCH))
    earlier: list[Release] = []
    for member in by_time:
        if not _truncation_of(member, best) and not any(
            _normal(member.summary) == _normal(e.summary) and member.title == e.title for e in earlier
        ):
            earlier.append(member)
    sources = tuple(sorted({s for r in group for s in r.sources}))
    captions = tuple(dict.fromkeys(c for r in group for c in r.captions))
    kinds = [r.kind for r in group if r.kind not in DOCUMENT_KINDS]
    seen = [r.seen_at for r in group if r.seen_at]
    merged = replace(
        best,
        sources=sources,
        captions=captions,
        title=best.title or next((r.title for r in group if r.title), None),
        kind=best.kind if best.kind not in DOCUMENT_KINDS or not kinds else kinds[0],
        url=best.url or next((r.url for r in group if r.url), None),
        published=best.published or next((r.published for r in group if r.published), None),
        organization=best.organization or next((r.organization for r in group if r.organization), None),
        first_seen=min(seen, default=None),
        last_seen=max(seen, default=None),
    )
    return merged, earlier


def dedup(releases: list[Release]) -> DedupResult:
    """Merge releases that are one release; keep distinct ones apart, each with a stable id."""
    # Records with one URL are one release whatever their text; the text key then joins records
    # seen without a URL (plain-text pages) to them when title, date and opening words agree.
    by_url: dict[str, list[Release]] = defaultdict(list)
    by_text: dict[str, list[list[Release]]] = defaultdict(list)
    for release in sorted(releases, key=lambda r: (r.url is None, r.sources, r.title or "", r.summary)):
        if release.url:
            by_url[canonical_url(release.url)].append(release)
            continue
        variants = by_text[text_key(release)]
        for variant in variants:
            if all(compatible(release, other) for other in variant[:3]):
                variant.append(release)
                break
        else:
            variants.append([release])
    groups: list[tuple[str, list[Release]]] = []
    for url, members in by_url.items():
        keys = {text_key(m) for m in members}
        for key in keys:
            for variant in by_text.pop(key, []):
                if any(compatible(v, m) for v in variant[:3] for m in members):
                    members.extend(variant)
                else:
                    by_text.setdefault(key, []).append(variant)
        groups.append((f"u|{url}", members))
    for key, variants in by_text.items():
        for variant in variants:
            # Distinct texts under one key keep apart; their opening words keep their ids apart too.
            suffix = "" if len(variants) == 1 else "|" + " ".join(_opening(variant[0], settings.MERGE_PREFIX_WORDS))
            groups.append((key + suffix, variant))
    out: list[tuple[str, Release]] = []
    versions: list[ReleaseVersion] = []
    for key, members in groups:
        if all(m.kind == LINK_KIND for m in members):
            continue  # a sitemap's bare links to a page seen nowhere else: a source of nothing, no row
        rid = release_id(key)
        merged, earlier = _merge(members)
        if len(members) > 1:
            LOGGER.debug("%d records are one release %s (key %r); %d earlier texts kept", len(members), rid,
                         key[:80], len(earlier))
        out.append((rid, merged))
        versions.extend(
            ReleaseVersion(release_id=rid, title=e.title, summary=e.summary, seen_at=e.seen_at, sources=e.sources)
            for e in earlier
        )
    out.sort(key=lambda pair: (pair[1].published is None, pair[1].published or _DATE0, pair[0]))
    versions.sort(key=lambda v: (v.release_id, v.seen_at or EPOCH))
    return DedupResult(releases=tuple(out), versions=tuple(versions), merged=len(releases) - len(out))
