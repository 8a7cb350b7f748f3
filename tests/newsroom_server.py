"""Test helper: a threaded HTTP newsroom on 127.0.0.1 with fault injection, built from the sample corpus.

`NewsroomServer` serves whatever responders are routed to it and logs every request it receives (time,
path, headers), so tests can check what was and was not requested and how far apart. `load_cards` parses
the plain-text sample listings into cards; `listing_html` and `release_html` turn cards back into the
HTML a newsroom would serve: one <article> per card with its kind, an <h2><a> title, a <p> summary and
a <time> date.
"""
from __future__ import annotations

import html
import re
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Self

_DATE_RE = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r" \d{1,2}, \d{4}"
)
_BLANK_LINES_RE = re.compile(r"\n\s*\n")
_SLUG_RE = re.compile(r"[^a-z0-9]+")
_BLOCK = 64 * 1024

HTML_TYPE = "text/html; charset=utf-8"


@dataclass(frozen=True, slots=True, kw_only=True)
class Card:
    """One release teaser on a listing page, as the sample corpus lays it out."""

    captions: tuple[str, ...]
    kind: str
    title: str
    summary: str
    date: str  # "January 8, 2019"

    @property
    def iso_date(self) -> str:
        return datetime.strptime(self.date, "%B %d, %Y").date().isoformat()

    @property
    def slug(self) -> str:
        return _SLUG_RE.sub("-", self.title.lower()).strip("-")[:60].rstrip("-")


@dataclass(frozen=True, slots=True, kw_only=True)
class LoggedRequest:
    """One request as the server saw it."""

    at: float  # time.monotonic() when the request line had been read
    method: str
    path: str
    headers: dict[str, str]


# A responder writes one whole response; `hit` counts the requests to its path so far, this one included.
Responder = Callable[["Handler", int], None]


def load_cards(paths: list[Path]) -> tuple[list[str], list[Card]]:
    """Parse plain-text listing pages into (intro paragraphs, cards), newest listing file first."""
    pages = [[b.strip() for b in _BLANK_LINES_RE.split(p.read_text(encoding="utf-8")) if b.strip()]
             for p in paths]
    intro: list[str] = []
    for blocks in zip(*pages, strict=False):
        if len(set(blocks)) != 1:
            break
        intro.append(blocks[0])
    cards: list[Card] = []
    for blocks in pages:
        start = len(intro)
        for index, block in enumerate(blocks):
            if index >= start and _DATE_RE.fullmatch(block):
                cards.append(Card(captions=tuple(blocks[start:index - 3]), kind=blocks[index - 3],
                                  title=blocks[index - 2], summary=blocks[index - 1], date=block))
                start = index + 1
    return intro, cards


def listing_path(page_no: int) -> str:
    return "/news/" if page_no == 1 else f"/news/page/{page_no}/"


def listing_html(intro: list[str], cards: list[tuple[Card, str]], *, page_no: int, page_count: int) -> bytes:
    """Return a listing page: site chrome, intro, one <article> per (card, href), and pagination."""
    e = html.escape
    articles = []
    for card, href in cards:
        figure = "".join(f'<figure><img src="/img/{card.slug}.jpg" alt=""><figcaption>{e(c)}</figcaption>'
                         f"</figure>" for c in card.captions)
        articles.append(
            f'<article class="card">{figure}<p class="kind">{e(card.kind)}</p>'
            f'<h2 class="card-title"><a href="{e(href)}">{e(card.title)}</a></h2>'
            f'<p class="summary">{e(card.summary)}</p>'
            f'<time datetime="{card.iso_date}">{e(card.date)}</time></article>'
        )
    next_link = (f'<link rel="next" href="{listing_path(page_no + 1)}">'
                 if page_no == 1 and page_count > 1 else "")
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>News – page {page_no} | Example Newsroom</title>{next_link}</head><body>"
        '<header><nav><a href="/">Home</a> <a href="/news/">News</a> <a href="/about/">About us</a>'
        '<h2><a href="/donate/">Donate</a></h2></nav></header>'
        f'<main><h1>News</h1>{"".join(f"<p>{e(p)}</p>" for p in intro)}'
        f'{"".join(articles)}{_pagination(page_no, page_count)}</main>'
        '<footer><p>© Example Newsroom</p><a href="/privacy/">Privacy</a></footer></body></html>'
    ).encode()


def _pagination(page_no: int, page_count: int) -> str:
    """Each page paginates differently, as real sites do: rel=next, "Older posts", "»", then numbers."""
    newer = f'<a href="{listing_path(page_no - 1)}">‹ Newer</a> ' if page_no > 1 else ""
    if page_no < page_count and page_no == 1:
        return f'<nav class="pagination"><a rel="next" href="{listing_path(2)}">Older</a></nav>'
    if page_no < page_count and page_no == 2:
        return f'<nav class="pagination">{newer}<a href="{listing_path(3)}">Older posts</a></nav>'
    if page_no < page_count and page_no == 3:
        return f'<nav class="pagination">{newer}<a class="next" href="{listing_path(4)}">»</a></nav>'
    numbers = " ".join(f"<span>{n}</span>" if n == page_no else f'<a href="{listing_path(n)}">{n}</a>'
                       for n in range(1, page_count + 1))
    return f'<nav class="pagination">{numbers}</nav>'


def release_html(card: Card) -> bytes:
    """Return a release's own page: the full text the card teases."""
    e = html.escape
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{e(card.title)} | Example Newsroom</title></head><body><main><article>"
        f'<p class="kind">{e(card.kind)}</p><h1>{e(card.title)}</h1>'
        f'<time datetime="{card.iso_date}">{e(card.date)}</time><p>{e(card.summary)}</p>'
        "<p>For media enquiries contact the press office.</p></article></main></body></html>"
    ).encode()


class Handler(BaseHTTPRequestHandler):
    """Routes each request to the server's responder for its path; 404 for the rest."""

    protocol_version = "HTTP/1.1"
    server: _HTTPServer

    def do_GET(self) -> None:
        newsroom = self.server.newsroom
        path = self.path.split("?", 1)[0]
        hit = newsroom._log(LoggedRequest(at=time.monotonic(), method="GET", path=self.path,
                                          headers={k: v for k, v in self.headers.items()}))
        responder = newsroom.routes.get(path, not_found())
        try:
            responder(self, hit)
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            self.close_connection = True  # the client gave up on us, as it should have

    def send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if status != 304:
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    newsroom: NewsroomServer


class NewsroomServer:
    """A threaded HTTP server on 127.0.0.1 (ephemeral port) that logs every request it receives."""

    def __init__(self) -> None:
        self.routes: dict[str, Responder] = {}
        self.log: list[LoggedRequest] = []
        self.stopping = threading.Event()
        self._hits: dict[str, int] = {}
        self._lock = threading.Lock()
        self._httpd = _HTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.newsroom = self
        self.port: int = self._httpd.server_address[1]
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return self.base_url + path

    def start(self) -> NewsroomServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def paths(self) -> list[str]:
        with self._lock:
            return [request.path for request in self.log]

    def requests_to(self, path: str) -> list[LoggedRequest]:
        with self._lock:
            return [request for request in self.log if request.path == path]

    def mark(self) -> int:
        """Return the log position now, to slice out the requests of one run later."""
        with self._lock:
            return len(self.log)

    def _log(self, request: LoggedRequest) -> int:
        with self._lock:
            self.log.append(request)
            path = request.path.split("?", 1)[0]
            self._hits[path] = self._hits.get(path, 0) + 1
            return self._hits[path]


# --- responders -------------------------------------------------------------------------------------


def page(body: bytes, *, content_type: str = HTML_TYPE, etag: str | None = None,
         last_modified: str | None = None) -> Responder:
    """Serve body with optional validators, answering 304 to a matching conditional request."""
    def respond(h: Handler, hit: int) -> None:
        headers = {"Content-Type": content_type}
        if etag:
            headers["ETag"] = etag
        if last_modified:
            headers["Last-Modified"] = last_modified
        if_none_match = h.headers.get("If-None-Match")
        if_modified_since = h.headers.get("If-Modified-Since")
        if if_none_match is not None:
            fresh = etag is not None and etag in [tag.strip() for tag in if_none_match.split(",")]
        elif if_modified_since and last_modified:
            fresh = parsedate_to_datetime(if_modified_since) >= parsedate_to_datetime(last_modified)
        else:
            fresh = False
        h.send(304 if fresh else 200, b"" if fresh else body, headers)
    return respond


def http_date(year: int, month: int, day: int) -> str:
    """Return an HTTP date (RFC 9110 IMF-fixdate), as Last-Modified carries it."""
    return format_datetime(datetime(year, month, day, 12, 0, 0, tzinfo=UTC), usegmt=True)


def status(code: int, headers: dict[str, str] | None = None) -> Responder:
    """Always answer `code` with a small HTML error page."""
    def respond(h: Handler, hit: int) -> None:
        h.send(code, f"<html><body><h1>Error {code}</h1></body></html>".encode(),
               {"Content-Type": HTML_TYPE, **(headers or {})})
    return respond


def not_found() -> Responder:
    return status(404)


def first_fail(then: Responder, *, code: int = 500, times: int = 1,
               headers: dict[str, str] | None = None) -> Responder:
    """Answer `code` (with `headers`, e.g. Retry-After) `times` times, then hand over to `then`."""
    fail = status(code, headers)

    def respond(h: Handler, hit: int) -> None:
        (fail if hit <= times else then)(h, hit)
    return respond


def slow(seconds: float, then: Responder) -> Responder:
    """Say nothing for `seconds` (longer than the client's read timeout), then answer."""
    def respond(h: Handler, hit: int) -> None:
        if not h.server.newsroom.stopping.wait(seconds):
            then(h, hit)
    return respond


def cut_short(*, declared: int, sent: int) -> Responder:
    """Promise `declared` bytes in Content-Length, send `sent`, and hang up."""
    def respond(h: Handler, hit: int) -> None:
        h.send_response(200)
        h.send_header("Content-Type", HTML_TYPE)
        h.send_header("Content-Length", str(declared))
        h.end_headers()
        h.wfile.write((b"<!doctype html><html><body><p>" + b"x" * sent)[:sent])
        h.wfile.flush()
        h.close_connection = True
    return respond


def redirect(location: str, *, code: int = 302) -> Responder:
    def respond(h: Handler, hit: int) -> None:
        h.send(code, b"", {"Location": location, "Content-Type": HTML_TYPE})
    return respond


def endless_html(total_bytes: int, *, declare_length: bool) -> Responder:
    """Stream `total_bytes` of HTML-looking text, chunked or with an honest Content-Length.

    Written block by block: the body is never in memory, and writing stops when the client hangs up.
    """
    block = b"<p>" + b"filler " * (_BLOCK // 7)
    block = block[:_BLOCK]

    def respond(h: Handler, hit: int) -> None:
        h.send_response(200)
        h.send_header("Content-Type", HTML_TYPE)
        h.send_header("Content-Length" if declare_length else "Transfer-Encoding",
                      str(total_bytes) if declare_length else "chunked")
        h.end_headers()
        h.close_connection = True
        remaining = total_bytes
        while remaining > 0 and not h.server.newsroom.stopping.is_set():
            piece = block[:remaining]
            h.wfile.write(piece if declare_length else b"%x\r\n%s\r\n" % (len(piece), piece))
            remaining -= len(piece)
        if not declare_length:
            h.wfile.write(b"0\r\n\r\n")
    return respond


def gzip_bomb(expanded_bytes: int) -> Responder:
    """Serve a few KB of gzip that inflate to `expanded_bytes` of HTML; compressed block by block."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    parts = [compressor.compress(b"<!doctype html><html><body><pre>")]
    blank = b" " * _BLOCK
    for _ in range(expanded_bytes // _BLOCK + 1):
        parts.append(compressor.compress(blank))
    parts.append(compressor.flush())
    body = b"".join(parts)

    def respond(h: Handler, hit: int) -> None:
        h.send(200, body, {"Content-Type": HTML_TYPE, "Content-Encoding": "gzip"})
    return respond


def gzipped(body: bytes) -> Responder:
    """Serve body gzip-encoded, as most servers do for browsers."""
    compressor = zlib.compressobj(6, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    encoded = compressor.compress(body) + compressor.flush()

    def respond(h: Handler, hit: int) -> None:
        h.send(200, encoded, {"Content-Type": HTML_TYPE, "Content-Encoding": "gzip",
                              "Vary": "Accept-Encoding"})
    return respond
