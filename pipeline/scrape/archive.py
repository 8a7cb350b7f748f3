"""The snapshot archive: every fetched page stored once, immutable, with a `.meta.json` sidecar.

A snapshot is `<raw>/<site>/<UTC time>_<sha256[:16]>.html` (`.xml` for a feed or sitemap); its sidecar (a
`Sidecar`) says where and when it was fetched. The reader reads the same sidecars through `read_sidecar`.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .. import settings
from ..files import write_atomically
from ..sidecar import Sidecar, read_sidecar, sidecar_path
from .http import Fetched

__all__ = ["Archive", "Sidecar", "read_sidecar", "sidecar_path"]

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True, kw_only=True)
class _Snapshot:
    html_path: Path
    etag: str | None
    last_modified: str | None
    content_type: str


class Archive:
    """The snapshots of one site directory: what is stored, the validators, the release links seen."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        directory.mkdir(parents=True, exist_ok=True)
        self.hashes: set[str] = set()
        self.stored_urls: set[str] = set()
        self.latest: dict[str, _Snapshot] = {}  # by final URL: validators belong to what was served there
        self.fetched_at: dict[str, dt.datetime] = {}  # by URL requested and final: when it was last stored
        # Stems start with the fetch time, so name order is time order and the last one per URL wins.
        for path in sorted(directory.glob("*" + settings.SIDECAR_SUFFIX)):
            html_path = _body_path(path)
            sidecar = read_sidecar(html_path)
            if sidecar is None or sidecar.sha256 is None or sidecar.url is None:
                if sidecar is not None:
                    LOGGER.warning("%s: sidecar without its url or sha256 ignored", path)
                continue
            final_url = sidecar.final_url or sidecar.url
            self.hashes.add(sidecar.sha256)
            self.stored_urls.update((sidecar.url, final_url))
            if sidecar.fetched_at is not None:
                self.fetched_at.update(dict.fromkeys((sidecar.url, final_url), sidecar.fetched_at))
            self.latest[final_url] = _Snapshot(html_path=html_path, etag=sidecar.etag,
                                               last_modified=sidecar.last_modified,
                                               content_type=sidecar.content_type or "")
        self.seen_links_path = directory / settings.SEEN_LINKS_FILE
        try:
            lines = self.seen_links_path.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            lines = []
        self.seen_links: set[str] = {line.strip() for line in lines if line.strip()}
        # Sitemap lastmods already answered (fetched, or 304): `url<TAB>lastmod`, the latest per URL wins.
        self.lastmod_path = directory / settings.SEEN_LASTMOD_FILE
        self.lastmod_seen: dict[str, dt.datetime] = {}
        try:
            rows = self.lastmod_path.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            rows = []
        for row in rows:
            url, _, stamp = row.partition("\t")
            try:
                when = dt.datetime.fromisoformat(stamp.strip())
            except ValueError:
                continue  # a line cut short by a crash: that page is simply checked again
            self.lastmod_seen[url] = when if when.tzinfo else when.replace(tzinfo=dt.UTC)

    def known_since(self, url: str) -> dt.datetime | None:
        """When url's current version was last had: its latest snapshot, or a sitemap lastmod it answered."""
        times = [t for t in (self.fetched_at.get(url), self.lastmod_seen.get(url)) if t is not None]
        return max(times) if times else None

    def remember_lastmod(self, url: str, lastmod: dt.datetime) -> None:
        """Record that url was had at the version its sitemap dates lastmod, so later runs skip it."""
        if self.lastmod_seen.get(url, lastmod - dt.timedelta(seconds=1)) >= lastmod:
            return
        with open(self.lastmod_path, "a", encoding="utf-8") as handle:
            handle.write(f"{url}\t{lastmod.isoformat()}\n")
            handle.flush()
            os.fsync(handle.fileno())
        self.lastmod_seen[url] = lastmod

    def validators(self, url: str) -> dict[str, str]:
        """The conditional-GET headers for url: those of its latest snapshot, while its body is still here."""
        snapshot = self.latest.get(url)
        headers: dict[str, str] = {}
        if snapshot and snapshot.html_path.exists():  # a 304 is only useful if the body is still here
            if snapshot.etag:
                headers["If-None-Match"] = snapshot.etag
            if snapshot.last_modified:
                headers["If-Modified-Since"] = snapshot.last_modified
        return headers

    def stored_body(self, url: str) -> tuple[bytes | None, str]:
        """The body and content type of url's latest snapshot (None when it is gone)."""
        snapshot = self.latest.get(url)
        if snapshot is None:
            return None, ""
        try:
            return snapshot.html_path.read_bytes(), snapshot.content_type
        except OSError:
            return None, snapshot.content_type

    def store(self, page: Fetched, site: str, suffix: str = ".html") -> bool:
        """Write the page as a new snapshot and return True, or return False if its body is stored already."""
        assert page.body is not None
        sha = hashlib.sha256(page.body).hexdigest()
        if sha in self.hashes:
            return False
        stem = f"{page.fetched_at.strftime('%Y%m%dT%H%M%S%fZ')}_{sha[:16]}"
        html_path = self.directory / f"{stem}{suffix}"
        meta_path = sidecar_path(html_path)
        if html_path.exists() or meta_path.exists():
            LOGGER.warning("%s: snapshot %s exists; not overwriting it", page.url, stem)
            return False
        sidecar = Sidecar(url=page.url, final_url=page.final_url, status=page.status,
                          content_type=page.content_type, etag=page.etag, last_modified=page.last_modified,
                          fetched_at=page.fetched_at, sha256=sha, size=len(page.body), site=site)
        write_new_file(html_path, page.body)
        # The sidecar goes last: a snapshot without one is an interrupted write, never a wrong URL.
        write_new_file(meta_path, sidecar.to_json())
        self.hashes.add(sha)
        self.stored_urls.update((page.url, page.final_url))
        self.fetched_at.update(dict.fromkeys((page.url, page.final_url), page.fetched_at))
        self.latest[page.final_url] = _Snapshot(
            html_path=html_path, etag=page.etag, last_modified=page.last_modified,
            content_type=page.content_type,
        )
        return True

    def remember_links(self, links: Iterable[str]) -> None:
        """Append the release links not seen before to the site's seen-links file."""
        new = [link for link in dict.fromkeys(links) if link not in self.seen_links]
        if not new:
            return
        with open(self.seen_links_path, "a", encoding="utf-8") as handle:
            handle.write("".join(f"{link}\n" for link in new))
            handle.flush()
            os.fsync(handle.fileno())
        self.seen_links.update(new)


def _body_path(sidecar: Path) -> Path:
    """The snapshot a sidecar describes: the `.xml` of a feed or sitemap where there is one, else the `.html`."""
    stem = sidecar.name.removesuffix(settings.SIDECAR_SUFFIX)
    xml = sidecar.with_name(stem + ".xml")
    return xml if xml.exists() else sidecar.with_name(stem + ".html")


def write_new_file(path: Path, data: bytes) -> None:
    """Write data to a new file atomically: temp file in the same directory, fsync, rename."""
    if path.exists():
        raise FileExistsError(path)
    # The dot prefix and .part suffix keep a half-written file out of the reader's sight.
    write_atomically(path, data, prefix=".", suffix=".part")
