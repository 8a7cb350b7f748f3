"""The sidecar the scraper writes beside every snapshot, and the one way to read it (archive and reader)."""
from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import settings
from .files import RefusedFile, read_bounded

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True, kw_only=True)
class Sidecar:
    """What the scraper recorded of one snapshot: where it was fetched from, when, and what came back."""

    url: str | None = None  # as requested
    final_url: str | None = None  # after redirects
    status: int | None = None
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    fetched_at: dt.datetime | None = None  # aware (UTC when the file gives no zone)
    sha256: str | None = None  # of the snapshot's bytes
    size: int | None = None
    site: str | None = None

    @property
    def page_url(self) -> str | None:
        """The URL the page was served from: after redirects, else as requested."""
        return self.final_url or self.url

    def to_json(self) -> bytes:
        """The sidecar file's bytes."""
        fetched_at = self.fetched_at.isoformat(timespec="microseconds").replace("+00:00", "Z") \
            if self.fetched_at else None
        meta = {"url": self.url, "final_url": self.final_url, "status": self.status,
                "content_type": self.content_type, "etag": self.etag, "last_modified": self.last_modified,
                "fetched_at": fetched_at, "sha256": self.sha256, "size": self.size, "site": self.site}
        return (json.dumps(meta, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def sidecar_path(snapshot: Path) -> Path:
    """Where the sidecar of a snapshot (or of any raw page) is: beside it, `<stem>.meta.json`."""
    return snapshot.with_name(snapshot.stem + settings.SIDECAR_SUFFIX)


def read_sidecar(snapshot: Path) -> Sidecar | None:
    """The sidecar of a raw page; None when there is none or it is unreadable, a link, not a regular file or
    over SIDECAR_MAX_BYTES (logged). A value of the wrong type reads as absent."""
    path = sidecar_path(snapshot)
    try:
        data, _ = read_bounded(path, settings.SIDECAR_MAX_BYTES, follow=False)
        meta = json.loads(data.decode("utf-8"))
    except FileNotFoundError:
        return None
    except RefusedFile as refused:  # a FIFO is never waited on, a huge file never read
        LOGGER.warning("%s: sidecar ignored: %s", path, refused.reason)
        return None
    except (OSError, ValueError) as exc:
        LOGGER.warning("%s: unreadable sidecar (%s)", path, exc)
        return None
    if not isinstance(meta, dict):
        LOGGER.warning("%s: unreadable sidecar (not a JSON object)", path)
        return None
    text = {key: value for key, value in meta.items() if isinstance(value, str)}
    number = {key: value for key, value in meta.items() if isinstance(value, int) and not isinstance(value, bool)}
    return Sidecar(url=text.get("url"), final_url=text.get("final_url"), status=number.get("status"),
                   content_type=text.get("content_type"), etag=text.get("etag"),
                   last_modified=text.get("last_modified"), fetched_at=_time(meta.get("fetched_at")),
                   sha256=text.get("sha256"), size=number.get("size"), site=text.get("site"))


def _time(value: Any) -> dt.datetime | None:
    try:
        stamp = dt.datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.UTC)
