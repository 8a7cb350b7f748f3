"""Scrape stage against a real HTTP newsroom on 127.0.0.1: politeness, snapshots, incremental runs, faults."""
from __future__ import annotations

import hashlib
import itertools
import json
import logging
import re
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from pipeline.scrape import ScrapeConfigError, ScrapeReport, Site, archive, listing, load_sites, scrape, site_dir_name
from pipeline.urls import origin_problem

from . import newsroom_server as ns

REPO = Path(__file__).resolve().parents[1]
CORPUS = [REPO / "raw" / "002_bb9fff116277e6df.txt", REPO / "raw" / "001_e52d2ad2135645ca.txt"]
DELAY_S = 0.2
TOLERANCE_S = 0.03  # the server stamps arrivals, the client stamps departures: a few ms of slack
USER_AGENT = "pressrelease-pipeline-tests/1.0 (+https://example.org/tests)"
SNAPSHOT_RE = re.compile(r"\d{8}T\d{12}Z_[0-9a-f]{16}\.html")
SIDECAR_KEYS = {"url", "final_url", "status", "content_type", "etag", "last_modified", "fetched_at",
                "sha256", "size", "site"}
FAST = {"user_agent": USER_AGENT, "timeout_s": (2.0, 0.5), "max_retries": 2, "backoff_s": 0.05,
        "max_retry_after_s": 5.0}


def test_guard_stops_outside_connections() -> None:
    # The guard is conftest.py's, in place for the whole session: the connect never happens.
    with socket.socket() as sock, pytest.raises(pytest.fail.Exception, match="outside network"):
        sock.connect(("192.0.2.1", 80))  # TEST-NET-1: not routable anyway
    with pytest.raises(pytest.fail.Exception, match="outside name"):
        socket.getaddrinfo("www.amnestyusa.org", 443)


# --- the newsroom and its faults ------------------------------------------------------------------

ROBOTS = b"User-agent: *\nDisallow: /private/\n\nUser-agent: some-other-bot\nDisallow: /\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00" + bytes(64)
FAKE_HTML = bytes(range(256)) * 8  # served as text/html; NUL bytes and all

# Card number -> (href on the listing card, expected fault kind or None for a page that must be stored).
# Spread over the listing so no five host failures come in a row. {off} is the off-site server's port.
FAULTS: dict[int, tuple[str, str | None]] = {
    1: ("/news/flaky/", None),  # 500, then the page
    3: ("/news/busy/", None),  # 429 Retry-After: 1, then the page
    4: ("/news/slow/", "timeout"),  # silent past the read timeout, on every attempt
    6: ("/news/cut-short/", "truncated"),  # Content-Length larger than what is sent
    7: ("/news/loop-a/", "redirect-loop"),  # loop-a -> loop-b -> loop-a
    8: ("/news/moved-away/", "offsite"),  # redirect to another host
    10: ("/news/huge-stream/", "too-large"),  # 50 MB, chunked: caught while streaming
    11: ("/news/huge-declared/", "too-large"),  # 50 MB, announced in Content-Length
    12: ("/news/gzip-bomb/", "decompressed-too-large"),  # 30 KB of gzip, 25 MB of HTML
    13: ("/private/embargoed-release/", "robots"),  # disallowed by robots.txt
    15: ("/news/photo.png", "content-type"),  # image/png
    16: ("/news/binary/", "binary"),  # text/html label, binary bytes
    17: ("/news/gone/", "http-status"),  # 404
    18: ("http://127.0.0.1:{off}/news/partner-release/", "offsite"),  # card linking another host
    19: ("file:///etc/passwd", "scheme"),
    20: ("http://10.0.0.1/news/internal/", "offsite"),  # private-address only from a public site
    21: ("/news/old-slug/", None),  # 301 to the release's current URL
    22: ("/news/gzipped/", None),  # gzip Content-Encoding, stored decoded
}
PER_PAGE = 5
PAGE1_ETAG = '"listing-1-v1"'


@dataclass(frozen=True, slots=True, kw_only=True)
class Newsroom:
    server: ns.NewsroomServer
    offsite: ns.NewsroomServer
    intro: list[str]
    cards: list[tuple[ns.Card, str]]  # (card, href) in listing order
    listing_bodies: dict[str, bytes]
    release_bodies: dict[str, bytes]  # path requested -> body that must be stored for it
    final_paths: dict[str, str]  # path requested -> path after redirects, where they differ


CardLinks = list[tuple[ns.Card, str]]


def _serve_listing(server: ns.NewsroomServer, intro: list[str], cards: CardLinks, *,
                   page1_version: int = 1, page1_extra: CardLinks | None = None) -> dict[str, bytes]:
    """Route the listing pages: page 1 carries an ETag and a Last-Modified, page 2 only a Last-Modified."""
    pages = [cards[i:i + PER_PAGE] for i in range(0, len(cards), PER_PAGE)]
    pages[0] = [*(page1_extra or []), *pages[0]]
    bodies = {}
    for number, page_cards in enumerate(pages, start=1):
        path = ns.listing_path(number)
        body = ns.listing_html(intro, page_cards, page_no=number, page_count=len(pages))
        if number == 1:
            responder = ns.page(body, etag=f'"listing-1-v{page1_version}"',
                                last_modified=ns.http_date(2019, 11, 20 + page1_version))
        elif number == 2:
            responder = ns.page(body, last_modified=ns.http_date(2019, 10, 11))
        else:
            responder = ns.page(body, etag=f'"listing-{number}"')
        server.routes[path] = responder
        bodies[path] = body
    return bodies


@pytest.fixture(scope="module")
def newsroom() -> Iterator[Newsroom]:
    intro, all_cards = ns.load_cards(CORPUS)
    assert len(all_cards) == 24 and len(intro) == 3  # the corpus these tests were built around
    with ns.NewsroomServer() as server, ns.NewsroomServer() as offsite:
        cards = []
        release_bodies: dict[str, bytes] = {}
        final_paths: dict[str, str] = {}
        for number, card in enumerate(all_cards):
            href, _kind = FAULTS.get(number, (f"/news/{card.slug}/", None))
            href = href.format(off=offsite.port)
            cards.append((card, href))
            body = ns.release_html(card)
            if number not in FAULTS:
                server.routes[href] = ns.page(body, etag=f'"{card.slug}"')
                release_bodies[href] = body
        by_number = {number: card for number, card in enumerate(all_cards)}
        flaky, busy, moved, zipped = (ns.release_html(by_number[n]) for n in (1, 3, 21, 22))
        current = f"/news/{by_number[21].slug}/"
        server.routes.update({
            "/robots.txt": ns.page(ROBOTS, content_type="text/plain"),
            "/news/flaky/": ns.first_fail(ns.page(flaky), code=500),
            "/news/busy/": ns.first_fail(ns.page(busy), code=429, headers={"Retry-After": "1"}),
            "/news/slow/": ns.slow(3.0, ns.page(b"<html>too late</html>")),
            "/news/cut-short/": ns.cut_short(declared=5000, sent=1000),
            "/news/loop-a/": ns.redirect("/news/loop-b/"),
            "/news/loop-b/": ns.redirect("/news/loop-a/"),
            "/news/moved-away/": ns.redirect(offsite.url("/news/moved-away/")),
            "/news/huge-stream/": ns.endless_html(50_000_000, declare_length=False),
            "/news/huge-declared/": ns.endless_html(50_000_000, declare_length=True),
            "/news/gzip-bomb/": ns.gzip_bomb(25_000_000),
            "/private/embargoed-release/": ns.page(b"<html>secret</html>"),
            "/news/photo.png": ns.page(PNG, content_type="image/png"),
            "/news/binary/": ns.page(FAKE_HTML),
            "/news/old-slug/": ns.redirect(current, code=301),
            current: ns.page(moved, last_modified=ns.http_date(2019, 9, 24)),
            "/news/gzipped/": ns.gzipped(zipped),
        })
        release_bodies.update({"/news/flaky/": flaky, "/news/busy/": busy, "/news/old-slug/": moved,
                               "/news/gzipped/": zipped})
        final_paths["/news/old-slug/"] = current
        listing_bodies = _serve_listing(server, intro, cards)
        offsite.routes["/news/moved-away/"] = ns.page(b"<html>you should not be here</html>")
        yield Newsroom(server=server, offsite=offsite, intro=intro, cards=cards,
                       listing_bodies=listing_bodies, release_bodies=release_bodies, final_paths=final_paths)


@dataclass(frozen=True, slots=True, kw_only=True)
class Run:
    report: ScrapeReport
    requests: list[ns.LoggedRequest]  # what the newsroom received during this run
    files: frozenset[str]  # the site directory's files after this run
    records: list[logging.LogRecord]
    seconds: float


@dataclass(frozen=True, slots=True, kw_only=True)
class Runs:
    raw: Path
    site_dir: Path
    first: Run
    second: Run  # nothing changed on the site
    third: Run  # one new release on page 1


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _run(newsroom: Newsroom, raw: Path, site: Site, **options: object) -> Run:
    collect = _Collect()
    logger = logging.getLogger("pipeline.scrape")
    logger.addHandler(collect)
    previous_level = logger.level
    logger.setLevel(logging.DEBUG)
    start = newsroom.server.mark()
    began = time.monotonic()
    try:
        report = scrape([site], raw, **{**FAST, **options})
    finally:
        logger.removeHandler(collect)
        logger.setLevel(previous_level)
    site_dir = raw / site_dir_name(site)
    return Run(report=report, requests=newsroom.server.log[start:], seconds=time.monotonic() - began,
               files=frozenset(p.name for p in site_dir.iterdir()), records=collect.records)


@pytest.fixture(scope="module")
def runs(newsroom: Newsroom, tmp_path_factory: pytest.TempPathFactory) -> Runs:
    raw = tmp_path_factory.mktemp("raw")
    site = Site(name="newsroom", start_url=newsroom.server.url("/news/"), max_pages=10, delay_s=DELAY_S,
                release_pages=True)
    first = _run(newsroom, raw, site)
    second = _run(newsroom, raw, site)
    intro, all_cards = ns.load_cards(CORPUS)
    scoop = ns.Card(captions=(), kind="Press Release", title="A Brand New Release Nobody Has Seen",
                    summary=all_cards[0].summary, date="November 21, 2019")
    newsroom.server.routes[f"/news/{scoop.slug}/"] = ns.page(ns.release_html(scoop))
    _serve_listing(newsroom.server, intro, newsroom.cards, page1_version=2,
                   page1_extra=[(scoop, f"/news/{scoop.slug}/")])
    third = _run(newsroom, raw, site)
    return Runs(raw=raw, site_dir=raw / "newsroom", first=first, second=second, third=third)


def _sidecars(files: frozenset[str], site_dir: Path) -> list[dict[str, object]]:
    return [json.loads((site_dir / name).read_text(encoding="utf-8"))
            for name in sorted(files) if name.endswith(".meta.json")]


def _kind(reason: str) -> str:
    return reason.split(":", 1)[0]


# --- the first run ---------------------------------------------------------------------------------


def test_first_run_stores_every_good_page_exactly_once(runs: Runs, newsroom: Newsroom) -> None:
    first = runs.first
    expected = {newsroom.server.url(p): body for p, body in {**newsroom.listing_bodies,
                                                              **newsroom.release_bodies}.items()}
    sidecars = _sidecars(first.files, runs.site_dir)
    assert sorted(meta["url"] for meta in sidecars) == sorted(expected)  # each once, nothing else
    html_files = sorted(name for name in first.files if name.endswith(".html"))
    assert len(html_files) == len(expected) and all(SNAPSHOT_RE.fullmatch(name) for name in html_files)
    for meta in sidecars:
        assert set(meta) == SIDECAR_KEYS
        stem = f"{str(meta['fetched_at']).replace('-', '').replace(':', '').replace('.', '')}_"
        html = runs.site_dir / f"{stem}{str(meta['sha256'])[:16]}.html"
        body = html.read_bytes()
        assert body == expected[str(meta["url"])], meta["url"]
        assert hashlib.sha256(body).hexdigest() == meta["sha256"] and meta["size"] == len(body)
        assert meta["status"] == 200 and str(meta["content_type"]).startswith("text/html")
        assert meta["site"] == "newsroom" and str(meta["fetched_at"]).endswith("Z")
        path = str(meta["url"]).removeprefix(newsroom.server.base_url)
        assert meta["final_url"] == newsroom.server.url(newsroom.final_paths.get(path, path))
    page1 = next(meta for meta in sidecars if meta["url"] == newsroom.server.url("/news/"))
    assert page1["etag"] == PAGE1_ETAG and page1["last_modified"] == ns.http_date(2019, 11, 21)
    assert not [name for name in first.files if name.startswith(".")]  # no temp files left behind
    report = first.report
    counts = (report.pages_fetched, report.pages_stored, report.pages_unchanged, report.release_pages_fetched)
    assert counts == (len(expected), len(expected), 0, len(newsroom.release_bodies))


def test_first_run_walks_every_pagination_style(runs: Runs) -> None:
    listing = [r.path for r in runs.first.requests if r.path.startswith("/news/page/") or r.path == "/news/"]
    # rel=next, "Older posts", "»", then /page/N/ numbering; page 5 links no page 6.
    assert listing == ["/news/", "/news/page/2/", "/news/page/3/", "/news/page/4/", "/news/page/5/"]
    seen = (runs.site_dir / "_seen_links.txt").read_text(encoding="utf-8").split()
    # Every card once, but for the two whose release pages failed only for now; plus the new release.
    assert len(seen) == len(set(seen)) == 24 - 2 + 1
    assert not any(link.endswith(("/news/slow/", "/news/cut-short/")) for link in seen)


def test_every_fault_is_recorded_with_its_reason(runs: Runs, newsroom: Newsroom) -> None:
    recorded = {url: reason for url, reason in runs.first.report.failures}
    expected = {}
    for href, kind in FAULTS.values():
        if kind is not None:
            href = href.format(off=newsroom.offsite.port)
            expected[href if ":" in href.split("/", 1)[0] else newsroom.server.url(href)] = kind
    assert {url: _kind(reason) for url, reason in recorded.items()} == expected
    assert len(runs.first.report.failures) == len(expected)  # each recorded once
    assert "3 retries" not in recorded[newsroom.server.url("/news/slow/")]
    assert "Content-Length" in recorded[newsroom.server.url("/news/huge-declared/")]
    assert "streaming" in recorded[newsroom.server.url("/news/huge-stream/")]
    assert "image/png" in recorded[newsroom.server.url("/news/photo.png")]
    assert "404" in recorded[newsroom.server.url("/news/gone/")]
    json.dumps(runs.first.report.to_dict())  # the run report is JSON as it stands


def test_no_crash_and_no_traceback_for_expected_faults(runs: Runs) -> None:
    for run in (runs.first, runs.second, runs.third):
        assert not [record for record in run.records if record.exc_info]
        faults = [record.getMessage() for record in run.records if record.levelno >= logging.WARNING]
        assert len(faults) >= len(run.report.failures)  # every fault was logged, with its reason
        for url, reason in run.report.failures:
            assert any(url in message and reason in message for message in faults)


def test_disallowed_and_offsite_urls_are_never_requested(runs: Runs, newsroom: Newsroom) -> None:
    paths = newsroom.server.paths()
    assert not [path for path in paths if path.startswith("/private/")]
    assert newsroom.offsite.log == []
    assert paths.count("/news/loop-a/") == 1 and paths.count("/news/loop-b/") == 1
    assert paths.count("/news/moved-away/") == 1


def test_requests_are_polite(runs: Runs, newsroom: Newsroom) -> None:
    requests = runs.first.requests
    assert requests[0].path == "/robots.txt"
    assert {r.headers.get("User-Agent") for r in requests} == {USER_AGENT}
    gaps = [later.at - earlier.at for earlier, later in itertools.pairwise(requests)]
    assert min(gaps) >= DELAY_S - TOLERANCE_S, min(gaps)
    busy = [r.at for r in requests if r.path == "/news/busy/"]
    assert len(busy) == 2 and busy[1] - busy[0] >= 1.0 - TOLERANCE_S  # Retry-After: 1 honoured
    assert len([r for r in requests if r.path == "/news/flaky/"]) == 2  # 500, then retried once
    assert len([r for r in requests if r.path == "/news/slow/"]) == 1 + FAST["max_retries"]
    assert len([r for r in requests if r.path == "/news/cut-short/"]) == 1  # a body error is not retried


# --- later runs: conditional and incremental -------------------------------------------------------


SLOW_TRIES = ["/news/slow/"] * (1 + FAST["max_retries"])  # type: ignore[operator]


def _listing_headers(run: Run) -> dict[str, dict[str, str]]:
    return {r.path: r.headers for r in run.requests if r.path == "/news/" or r.path.startswith("/news/page/")}


def test_second_run_is_conditional_and_stores_nothing(runs: Runs) -> None:
    second = runs.second
    # Page 1 is unchanged, but two of its cards' release pages failed only for now last time (a timeout,
    # a body cut short): they are tried again, and the walk goes on to the first page of stored releases.
    assert [r.path for r in second.requests] == [
        "/robots.txt", "/news/", *SLOW_TRIES, "/news/page/2/", "/news/cut-short/", "/news/page/3/"]
    listing = _listing_headers(second)
    assert listing["/news/"].get("If-None-Match") == PAGE1_ETAG
    assert listing["/news/"].get("If-Modified-Since") == ns.http_date(2019, 11, 21)
    assert "If-None-Match" not in listing["/news/page/2/"]  # it never sent an ETag
    assert listing["/news/page/2/"].get("If-Modified-Since") == ns.http_date(2019, 10, 11)
    assert listing["/news/page/3/"].get("If-None-Match") == '"listing-3"'
    assert second.files == runs.first.files
    report = second.report
    counts = (report.pages_fetched, report.pages_stored, report.pages_unchanged, report.release_pages_fetched)
    assert counts == (3, 0, 3, 0)  # three 304s
    assert [_kind(reason) for _, reason in report.failures] == ["timeout", "truncated"]
    assert any("/news/page/3/ holds only releases already stored" in r.getMessage() for r in second.records)


def test_third_run_fetches_the_new_release_and_stops_at_known_ones(runs: Runs) -> None:
    third = runs.third
    assert [r.path for r in third.requests] == [
        "/robots.txt", "/news/", "/news/a-brand-new-release-nobody-has-seen/", *SLOW_TRIES,
        "/news/page/2/", "/news/cut-short/", "/news/page/3/"]
    assert _listing_headers(third)["/news/"].get("If-None-Match") == PAGE1_ETAG  # answered 200: it changed
    report = third.report
    assert (report.pages_stored, report.pages_unchanged, report.release_pages_fetched) == (2, 2, 1)
    assert len(third.files - runs.second.files) == 4  # page 1 and the new release, each with its sidecar
    assert [_kind(reason) for _, reason in report.failures] == ["timeout", "truncated"]


def test_a_release_page_that_failed_for_now_is_tried_next_run(tmp_path: Path) -> None:
    _, cards = ns.load_cards(CORPUS)
    hrefs = ["/a/", "/b/", "/c/"]
    with ns.NewsroomServer() as server:
        server.routes["/news/"] = ns.page(ns.listing_html([], list(zip(cards, hrefs, strict=False)),
                                                          page_no=1, page_count=1), etag='"one"')
        for card, href in zip(cards, hrefs, strict=False):
            server.routes[href] = ns.page(ns.release_html(card))
        server.routes["/b/"] = ns.first_fail(server.routes["/b/"], code=503, times=3)  # run 1's three tries
        site = Site(name="n", start_url=server.url("/news/"), delay_s=0.05, release_pages=True)
        marks, reports = [], []
        for _ in range(3):
            marks.append(server.mark())
            reports.append(scrape([site], tmp_path, **FAST))
        paths = server.paths()
    per_run = [paths[a:b] for a, b in zip(marks, [*marks[1:], len(paths)], strict=True)]
    assert per_run == [["/robots.txt", "/news/", "/a/", "/b/", "/b/", "/b/", "/c/"],
                       ["/robots.txt", "/news/", "/b/"],  # listing 304, but /b/ is not stored yet
                       ["/robots.txt", "/news/"]]  # now every card on it is
    assert [report.pages_stored for report in reports] == [3, 1, 0]
    assert [len(report.failures) for report in reports] == [1, 0, 0]


def test_an_interrupted_walk_leaves_its_pages_unseen(tmp_path: Path) -> None:
    with ns.NewsroomServer() as server:
        _small_newsroom(server, ["/a/", "/b/", "/c/", "/d/"], robots=None)
        server.routes["/news/page/2/"] = ns.first_fail(server.routes["/news/page/2/"], code=503)
        site = Site(name="n", start_url=server.url("/news/"), delay_s=0.05)
        first = scrape([site], tmp_path, **{**FAST, "max_retries": 0})
        assert not (tmp_path / "n" / "_seen_links.txt").exists()
        mark = server.mark()
        second = scrape([site], tmp_path, **{**FAST, "max_retries": 0})
        paths = server.paths()[mark:]
    assert [_kind(reason) for _, reason in first.failures] == ["http-status"]
    assert paths == ["/robots.txt", "/news/", "/news/page/2/"]  # page 1 unchanged, yet the walk goes on
    assert (second.pages_stored, second.pages_unchanged, second.failures) == (1, 1, ())
    assert len((tmp_path / "n" / "_seen_links.txt").read_text(encoding="utf-8").split()) == 4


# --- one fault per site ----------------------------------------------------------------------------


def _small_newsroom(server: ns.NewsroomServer, hrefs: list[str], *, robots: ns.Responder | None) -> None:
    _, cards = ns.load_cards(CORPUS)
    server.routes["/robots.txt"] = robots or ns.not_found()
    pairs = list(zip(cards, hrefs, strict=False))
    server.routes["/news/"] = ns.page(ns.listing_html([], pairs[:2], page_no=1, page_count=2))
    server.routes["/news/page/2/"] = ns.page(ns.listing_html([], pairs[2:], page_no=2, page_count=2))


def test_long_retry_after_skips_the_host_for_this_run(tmp_path: Path,
                                                      caplog: pytest.LogCaptureFixture) -> None:
    with ns.NewsroomServer() as rude, ns.NewsroomServer() as fine:
        rude.routes["/news/"] = ns.status(429, {"Retry-After": "3600"})
        _small_newsroom(fine, ["/a/", "/b/", "/c/", "/d/"], robots=None)
        sites = [Site(name="rude", start_url=rude.url("/news/"), delay_s=0.05),
                 Site(name="fine", start_url=fine.url("/news/"), delay_s=0.05)]
        began = time.monotonic()
        with caplog.at_level(logging.INFO, logger="pipeline.scrape"):
            report = scrape(sites, tmp_path, **{**FAST, "max_retry_after_s": 2.0})
        assert time.monotonic() - began < 2.0
    assert rude.paths() == ["/robots.txt", "/news/"]  # no retry, no waiting an hour
    assert [(url, _kind(reason)) for url, reason in report.failures] == [(rude.url("/news/"), "retry-after")]
    assert "3600" in report.failures[0][1] and any(
        "skipped for this run" in r.getMessage() and r.levelno == logging.WARNING for r in caplog.records)
    assert report.pages_stored == 2 and fine.paths() == ["/robots.txt", "/news/", "/news/page/2/"]


def test_a_host_that_keeps_failing_is_given_up(tmp_path: Path) -> None:
    hrefs = [f"/news/r{n}/" for n in range(1, 7)]
    _, cards = ns.load_cards(CORPUS)
    with ns.NewsroomServer() as server:
        server.routes["/news/"] = ns.page(ns.listing_html([], list(zip(cards, hrefs, strict=False)),
                                                          page_no=1, page_count=1))
        for href in hrefs:
            server.routes[href] = ns.status(503)
        site = Site(name="down", start_url=server.url("/news/"), delay_s=0.05, release_pages=True)
        report = scrape([site], tmp_path, **{**FAST, "backoff_s": 0.1, "max_consecutive_failures": 3})
    releases = [r for r in server.log if r.path.startswith("/news/r")]
    assert [r.path for r in releases] == [h for h in hrefs[:3] for _ in range(3)]  # 1 try + 2 retries each
    first = [r.at for r in releases[:3]]
    assert first[2] - first[1] >= 2 * 0.1 - TOLERANCE_S  # exponential backoff: 2 x factor before retry 2
    kinds = [_kind(reason) for _, reason in report.failures]
    assert kinds == ["http-status"] * 3 + ["gave-up"]
    assert "after 2 retries" in report.failures[0][1] and "3 consecutive failures" in report.failures[3][1]


def test_crawl_delay_is_honoured_and_site_name_derived(tmp_path: Path) -> None:
    with ns.NewsroomServer() as server:
        robots = ns.page(b"User-agent: *\nCrawl-delay: 0.4\n", content_type="text/plain")
        _small_newsroom(server, ["/a/", "/b/", "/c/", "/d/"], robots=robots)
        report = scrape([Site(name="", start_url=server.url("/news/"), delay_s=0.05)], tmp_path, **FAST)
    gaps = [b.at - a.at for a, b in zip(server.log, server.log[1:], strict=False)]
    assert len(gaps) == 2 and min(gaps) >= 0.4 - TOLERANCE_S
    assert report.pages_stored == 2
    assert [p.name for p in tmp_path.iterdir()] == [f"127.0.0.1_{server.port}"]


def test_unreachable_robots_txt_means_hands_off(tmp_path: Path) -> None:
    with ns.NewsroomServer() as server:
        _small_newsroom(server, ["/a/", "/b/", "/c/", "/d/"], robots=ns.status(500))
        report = scrape([Site(name="n", start_url=server.url("/news/"), delay_s=0.05)], tmp_path,
                        **{**FAST, "max_retries": 0})
    assert server.paths() == ["/robots.txt"]
    assert [_kind(reason) for _, reason in report.failures] == ["robots"]


def test_start_url_disallowed_by_robots_is_not_requested(tmp_path: Path) -> None:
    with ns.NewsroomServer() as server:
        robots = ns.page(b"User-agent: pressrelease-pipeline\nDisallow: /news/\n", content_type="text/plain")
        _small_newsroom(server, ["/a/", "/b/", "/c/", "/d/"], robots=robots)
        report = scrape([Site(name="n", start_url=server.url("/news/"), delay_s=0.05)], tmp_path,
                        **{**FAST, "user_agent": "pressrelease-pipeline/0.1 (+https://example.org)"})
    assert server.paths() == ["/robots.txt"]
    assert report.failures == ((server.url("/news/"), "robots: disallowed by robots.txt"),)


# --- configuration -------------------------------------------------------------------------------


def test_load_sites_reads_the_example_sites_file() -> None:
    sites = load_sites(REPO / "sites.toml")
    assert sites and all(isinstance(site, Site) for site in sites)
    assert any(site.start_url == "https://www.amnestyusa.org/news/" for site in sites)
    assert all(site.delay_s >= 1.0 for site in sites)


@pytest.mark.parametrize(("text", "message"), [
    ("[[sites]]\nname = 'a'\nstart_url = 'https://example.org/news/'\nmax_pages = 0\n", "max_pages"),
    ("[[sites]]\nname = 'a'\nstart_url = 'ftp://example.org/news/'\n", "start_url"),
    ("[[sites]]\nname = 'a'\n", "start_url is required"),
    ("[[sites]]\nname = 'a'\nstart_url = 'https://example.org/'\ndelay = 2\n", "unknown key"),
    ("[[sites]]\nname = '../up'\nstart_url = 'https://example.org/'\n", "site name"),
    ("[[sites]]\nname = 'a'\nstart_url = 'https://example.org/'\nrelease_pages = 'yes'\n", "release_pages"),
    ("[[sites]]\nname = 'a'\nstart_url = 'https://example.org/'\ndelay_s = -1\n", "delay_s"),
    (("[[sites]]\nname = 'a'\nstart_url = 'https://example.org/a/'\n"
     "[[sites]]\nname = 'a'\nstart_url = 'https://example.org/b/'\n"), "used twice"),
    ("[[sites]\nname = 'a'\n", "not valid TOML"),
    ("title = 'no sites'\n", "unknown top-level"),
    ("", "at least one"),
])
def test_load_sites_rejects_bad_files(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "sites.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ScrapeConfigError, match=message) as caught:
        load_sites(path)
    assert isinstance(caught.value, ValueError)


def test_load_sites_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ScrapeConfigError, match="cannot read"):
        load_sites(tmp_path / "nope.toml")


def test_site_dir_names() -> None:
    assert site_dir_name(Site(name="", start_url="https://www.amnestyusa.org/news/")) == "www.amnestyusa.org"
    assert site_dir_name(Site(name="", start_url="http://127.0.0.1:8765/news/")) == "127.0.0.1_8765"
    named = Site(name="amnesty-usa", start_url="https://www.amnestyusa.org/news/")
    assert site_dir_name(named) == "amnesty-usa"


# --- link discovery ------------------------------------------------------------------------------


def _soup(markup: str) -> listing.Listing:
    return listing.parse(markup.encode("utf-8"), "text/html; charset=utf-8")


def test_release_links_prefer_the_article_heading() -> None:
    markup = """<main><article><a href="/category/press/">Press Release</a>
        <h3><a href="/r/one/#top">One</a></h3>
        <a href="/r/one/">Read more</a></article><article><a href="/r/two/">Two</a></article>
        <article><h2><a href="mailto:press@example.org">Mail us</a></h2></article></main>"""
    links = listing.release_links(_soup(markup), "https://example.org/news/", exclude=set())
    assert links == ["https://example.org/r/one/", "https://example.org/r/two/"]


def test_release_links_fall_back_to_headings_outside_site_chrome() -> None:
    markup = """<header><h2><a href="/donate/">Donate</a></h2></header>
        <div class="list"><h2><a href="/r/one/">One</a></h2>
        <h3><a href="https://Example.org:443/r/two/">Two</a></h3>
        </div><footer><h3><a href="/jobs/">Jobs</a></h3></footer>"""
    links = listing.release_links(_soup(markup), "https://example.org/news/", exclude=set())
    assert links == ["https://example.org/r/one/", "https://example.org/r/two/"]


@pytest.mark.parametrize(("markup", "page_url", "expected"), [
    ('<a href="/news/?page=2" rel="next">2</a>', "https://e.org/news/", "https://e.org/news/?page=2"),
    ('<link rel="next" href="/news/page/2/">', "https://e.org/news/", "https://e.org/news/page/2/"),
    ('<a href="/n/?p=9">Older posts »</a>', "https://e.org/n/", "https://e.org/n/?p=9"),
    ('<a href="/n/2">Next</a>', "https://e.org/n/", "https://e.org/n/2"),
    ('<a href="/n/2">›</a>', "https://e.org/n/", "https://e.org/n/2"),
    ('<a href="/n/page/2/">2</a><a href="/n/page/4/">4</a><a href="/n/page/3/">3</a>',
     "https://e.org/n/page/2/", "https://e.org/n/page/3/"),
    ('<a href="/n/?paged=1">1</a><a href="/n/?paged=2">2</a>', "https://e.org/n/",
     "https://e.org/n/?paged=2"),
    ('<h2><a href="/r/next-steps/">Next steps for refugee protection</a></h2>', "https://e.org/n/", None),
    ('<a href="/n/">‹ Newer</a><a href="/n/page/1/">1</a>', "https://e.org/n/page/2/", None),
])
def test_next_page_discovery(markup: str, page_url: str, expected: str | None) -> None:
    assert listing.next_page_url(_soup(markup), page_url) == expected


@pytest.mark.parametrize(("url", "kind"), [
    ("https://www.example.org/news/2/", None),
    ("http://www.example.org/news/2/", None),  # http -> https is the same site
    ("https://www.example.org:8443/news/", "offsite"),
    ("https://example.org/news/", "offsite"),
    ("http://10.1.2.3/admin/", "private-address"),
    ("http://127.0.0.1:8080/", "private-address"),
    ("http://localhost/", "private-address"),
    ("file:///etc/passwd", "scheme"),
    ("ftp://www.example.org/x", "scheme"),
])
def test_url_rules_for_a_public_site(url: str, kind: str | None) -> None:
    problem = origin_problem(url, site_key="www.example.org")
    assert (problem and _kind(problem)) == kind


def test_snapshots_are_never_overwritten(tmp_path: Path) -> None:
    target = tmp_path / "x.html"
    archive.write_new_file(target, b"first")
    with pytest.raises(FileExistsError):
        archive.write_new_file(target, b"second")
    assert target.read_bytes() == b"first" and [p.name for p in tmp_path.iterdir()] == ["x.html"]


def test_a_sidecar_reads_back_as_the_archive_wrote_it(tmp_path: Path) -> None:
    snapshot = tmp_path / "20240503T100000123456Z_0123456789abcdef.html"
    written = archive.Sidecar(url="https://e.org/a", final_url="https://e.org/b", status=200,
                              content_type="text/html", etag='"x"', last_modified=None,
                              fetched_at=datetime(2024, 5, 3, 10, 0, 0, 123456, tzinfo=UTC), sha256="0" * 64,
                              size=3, site="e")
    archive.sidecar_path(snapshot).write_bytes(written.to_json())
    meta = json.loads(archive.sidecar_path(snapshot).read_text(encoding="utf-8"))
    assert set(meta) == SIDECAR_KEYS and meta["fetched_at"] == "2024-05-03T10:00:00.123456Z"
    assert archive.read_sidecar(snapshot) == written and written.page_url == "https://e.org/b"


@pytest.mark.parametrize(("text", "expected"), [
    (None, None),  # no sidecar
    ("{not json", None),
    ("[1, 2]", None),
    ('{"url": 5, "fetched_at": "2021-05-02T10:00:00"}', archive.Sidecar(
        fetched_at=datetime.fromisoformat("2021-05-02T10:00:00+00:00"))),  # no zone: UTC
    ('{"url": "https://e.org/", "fetched_at": "yesterday", "status": true}', archive.Sidecar(url="https://e.org/")),
])
def test_a_missing_or_odd_sidecar_reads_as_none_or_as_absent_values(tmp_path: Path, text: str | None,
                                                                    expected: archive.Sidecar | None) -> None:
    snapshot = tmp_path / "page.html"
    if text is not None:
        archive.sidecar_path(snapshot).write_text(text, encoding="utf-8")
    assert archive.read_sidecar(snapshot) == expected
