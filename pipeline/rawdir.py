"""The raw directory as a run sees it: every page file in a stable order, and every entry that is not one
(a dangling link, a link loop, a FIFO, a directory that cannot be listed, a sidecar too big to be the
scraper's) with the reason it is skipped. Nothing is opened here: listing never blocks."""
from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from . import settings
from .errors import os_reason
from .files import file_kind


@dataclass(frozen=True, slots=True, kw_only=True)
class Entry:
    """One entry under raw: a page file to read (reason None), or something skipped, with the reason."""

    path: Path
    reason: str | None = None
    directory: bool = False  # a directory that could not be listed: what raw held under it is unknown


def walk(raw: Path) -> Iterator[Entry]:
    """Every entry under raw, depth first in name order (the order of sorting the paths), hidden and `_`
    names left out; sidecars are not pages, and are named only when they cannot be the scraper's."""
    try:
        with os.scandir(raw) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as exc:
        yield Entry(path=raw, reason=f"cannot list the directory: {os_reason(exc)}", directory=True)
        return
    for entry in entries:
        if entry.name.startswith((".", "_")):
            continue
        path = Path(entry.path)
        try:
            status = os.lstat(path)
        except OSError as exc:
            yield Entry(path=path, reason=f"cannot read: {os_reason(exc)}")
            continue
        if stat.S_ISDIR(status.st_mode):
            yield from walk(path)
        elif entry.name.endswith(settings.SIDECAR_SUFFIX):
            reason = _sidecar_problem(path, status)
            if reason:
                yield Entry(path=path, reason=reason)
        elif stat.S_ISLNK(status.st_mode):
            yield Entry(path=path, reason=_link_problem(path))
        elif stat.S_ISREG(status.st_mode):
            yield Entry(path=path)
        else:
            yield Entry(path=path, reason=f"not a regular file ({file_kind(status.st_mode)})")


def _link_problem(path: Path) -> str | None:
    """Why a link under raw is not read (dangling, a loop, to a directory or a FIFO); None when it names a file."""
    try:
        target = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a link loop"
        if exc.errno == errno.ENOENT:
            return "a dangling link"
        return f"a link that cannot be followed ({os_reason(exc)})"
    if stat.S_ISREG(target.st_mode):
        return None
    if stat.S_ISDIR(target.st_mode):
        return "a link to a directory, not followed"
    return f"a link to {file_kind(target.st_mode)}, not a regular file"


def _sidecar_problem(path: Path, status: os.stat_result) -> str | None:
    """Why a sidecar will not be read: a link, not a regular file, or too big."""
    if stat.S_ISLNK(status.st_mode):
        return "a sidecar that is a link, not followed"
    if not stat.S_ISREG(status.st_mode):
        return f"a sidecar that is not a regular file ({file_kind(status.st_mode)}), ignored"
    if status.st_size > settings.SIDECAR_MAX_BYTES:
        return (f"a sidecar of {status.st_size:,} bytes, over the {settings.SIDECAR_MAX_BYTES:,} limit, "
                "ignored")
    return None
