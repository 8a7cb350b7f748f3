"""Files written whole or not at all (a temporary file beside the target, fsynced, then renamed), and files
read only when the file opened is a regular file of bounded size (never a FIFO, never a swapped link)."""
from __future__ import annotations

import errno
import json
import os
import stat
import tempfile
from pathlib import Path

from .errors import OutputError, os_reason


def fsync_dir(path: Path) -> None:
    """Make the renames in a directory durable."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:  # directories cannot be opened on some platforms; a rename is still atomic there
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomically(path: Path, data: bytes, *, prefix: str, suffix: str) -> None:
    """Write data to path whole or not at all; readers skip names starting with the prefix meanwhile."""
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=suffix)
    try:
        os.fchmod(fd, 0o644)  # mkstemp's 0600 would hide a version's manifest from readers under another user
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


class RefusedFile(Exception):
    """A path that is not opened, or not read: not a regular file, outside its root, or over its size limit."""

    def __init__(self, reason: str, *, retry: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry = retry  # about the path, not the bytes (a link swapped while opened): check it again next run


_KINDS = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a directory"), (stat.S_ISLNK, "a link"))


def file_kind(mode: int) -> str:
    """What a file of this mode is, in words ("a FIFO"); "a regular file" for one."""
    return next((what for test, what in _KINDS if test(mode)), "a regular file" if stat.S_ISREG(mode) else "special")


def read_bounded(path: Path, max_bytes: int, *, follow: bool = True, inside: Path | None = None
                 ) -> tuple[bytes, os.stat_result]:
    """The bytes of a regular file and its status, checked on the file that was opened, not on its name.

    A FIFO or a device is never waited on (opened non-blocking, refused after fstat); `follow=False`
    refuses a link; `inside` (a resolved directory) refuses a file that is not, at the moment it is
    open, the file a path under that directory names. Raises RefusedFile with the reason, or OSError.
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)
    if not follow:
        flags |= os.O_NOFOLLOW
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if not follow and exc.errno == errno.ELOOP:
            raise RefusedFile("a link, not followed") from exc
        raise
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            raise RefusedFile(f"not a regular file ({file_kind(status.st_mode)})")
        if inside is not None:
            _check_inside(path, status, inside)
        if status.st_size > max_bytes:
            raise RefusedFile(f"file is {status.st_size:,} bytes, over the {max_bytes:,} limit")
        chunks, size = [], 0
        while chunk := os.read(fd, min(1 << 20, max_bytes + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
            if size > max_bytes:  # it grew after fstat
                raise RefusedFile(f"file grew past the {max_bytes:,} byte limit while it was read")
        return b"".join(chunks), status
    finally:
        os.close(fd)


def _check_inside(path: Path, opened: os.stat_result, root: Path) -> None:
    """Raise RefusedFile unless the opened file is the one that `path`, resolved now, names under root."""
    try:
        target = Path(os.path.realpath(path, strict=True))
        now = os.stat(target)
    except (OSError, RuntimeError) as exc:
        raise RefusedFile(f"outside --raw: cannot resolve the link ({exc})", retry=True) from exc
    if not target.is_relative_to(root):
        raise RefusedFile(f"outside --raw: links to {target}", retry=True)
    if (now.st_dev, now.st_ino) != (opened.st_dev, opened.st_ino):
        raise RefusedFile("outside --raw: the path was replaced while it was opened", retry=True)


def write_json(path: Path, payload: dict) -> None:
    """Write a JSON document whole or not at all; raise OutputError naming the file when it cannot be."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(payload, indent=2, sort_keys=True, default=str)
        write_atomically(path, text.encode("utf-8"), prefix=".tmp-", suffix=".json")
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {os_reason(exc)}") from exc
