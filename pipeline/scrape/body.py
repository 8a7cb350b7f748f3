"""Body limits: a response body is streamed under a wire limit, a decoded limit and a deadline, and a
binary body served as HTML is named and refused."""
from __future__ import annotations

import re
import time
import zlib

import requests
from urllib3.exceptions import HTTPError as Urllib3Error
from urllib3.exceptions import ProtocolError, ReadTimeoutError

from .. import settings
from .fault import Fault

_SPACE_RE = re.compile(r"\s+")
_BINARY_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"RIFF", "a RIFF (WebP/AVI/WAV) file"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b", "gzip data"),
)
GZIP_MAGIC = b"\x1f\x8b"
ZLIB_WBITS = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}


def short(error: object) -> str:
    """An error's text on one line, at most 200 characters: enough to say what went wrong."""
    return _SPACE_RE.sub(" ", str(error))[:200]


class _Inflater:
    """Bounded gzip/deflate decoding: never produces more than `limit` bytes, however small the input."""

    __slots__ = ("_encoding", "_limit", "_produced", "_zlib")

    def __init__(self, encoding: str, limit: int) -> None:
        self._encoding = encoding
        self._limit = limit
        self._produced = 0
        self._zlib = zlib.decompressobj(ZLIB_WBITS[encoding])

    def feed(self, data: bytes) -> bytes:
        room = self._limit - self._produced
        try:
            out = self._zlib.decompress(data, room + 1)
        except zlib.error as exc:
            raise Fault("content-encoding", f"corrupt {self._encoding} data ({exc})") from None
        self._produced += len(out)
        if self._produced > self._limit:
            raise Fault("decompressed-too-large", f"{self._encoding} body expands past {self._limit} bytes")
        return out

    def finish(self) -> None:
        if not self._zlib.eof:
            raise Fault("truncated", f"{self._encoding} stream ends early", host_failure=True)


def read_body(response: requests.Response, *, max_bytes: int, max_decoded: int) -> bytes:
    """Stream the body, enforcing the wire and decoded size limits and the whole-response deadline."""
    declared = response.headers.get("Content-Length", "").strip()
    if declared.isdigit() and int(declared) > max_bytes:
        raise Fault("too-large", f"Content-Length {declared} is over {max_bytes} bytes; body not read")
    encoding = response.headers.get("Content-Encoding", "").strip().lower()
    if encoding in ("", "identity"):
        inflater = None
    elif encoding in ZLIB_WBITS:
        inflater = _Inflater(encoding, max_decoded)
    else:
        raise Fault("content-encoding", f"unsupported Content-Encoding {encoding!r}")
    deadline = time.monotonic() + settings.FETCH_MAX_RESPONSE_S
    wire = 0
    body = bytearray()
    # Raw, undecoded chunks: urllib3 counts wire bytes (tell()) only for non-chunked bodies, and the
    # wire limit must hold for chunked ones too, so the decoding happens here under our own limit.
    try:
        for chunk in response.raw.stream(settings.FETCH_CHUNK_BYTES, decode_content=False):
            wire += len(chunk)
            if wire > max_bytes:
                raise Fault("too-large", f"body is over {max_bytes} bytes (stopped while streaming)")
            body += inflater.feed(chunk) if inflater else chunk
            if time.monotonic() > deadline:
                raise Fault("timeout", f"response took over {settings.FETCH_MAX_RESPONSE_S:g} s",
                            host_failure=True)
        if inflater:
            inflater.finish()
    except ReadTimeoutError:
        raise Fault("timeout", "read timed out while reading the body", host_failure=True) from None
    except ProtocolError as exc:
        raise Fault("truncated", f"body cut short ({short(exc.args[0] if exc.args else exc)})",
                    host_failure=True) from None
    except (Urllib3Error, OSError) as exc:
        raise Fault("connection", f"{type(exc).__name__} while reading the body: {short(exc)}",
                    host_failure=True) from None
    if len(body) > max_decoded:
        raise Fault("decompressed-too-large", f"body is over {max_decoded} bytes")
    return bytes(body)


def inflate(data: bytes, limit: int) -> bytes:
    """Gunzip a whole gzip file (a `.xml.gz` sitemap) under the same output bound as a gzip Content-Encoding."""
    inflater = _Inflater("gzip", limit)
    out = inflater.feed(data)
    inflater.finish()
    return out


def binary_signature(head: bytes, *, gzip_ok: bool = False) -> str | None:
    """Name the binary format head starts with, or say it holds NUL bytes; None for text (and for gzip when
    gzip_ok: a compressed sitemap, inflated under a bound by the caller)."""
    for signature, what in _BINARY_SIGNATURES:
        if head.startswith(signature):
            return None if gzip_ok and signature == GZIP_MAGIC else what
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 text legitimately holds NUL bytes
        return None
    if b"\x00" in head:
        return "binary data (NUL bytes)"
    return None
