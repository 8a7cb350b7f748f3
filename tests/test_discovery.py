"""Discovery the way newsrooms publish: feeds and sitemaps scraped from a loopback newsroom that has no listing
page, read into one row per release, and the bad documents a crawler meets."""
from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from pipeline import feeds, settings
from pipeline.cli import main
from pipeline.errors import SkipInput
from pipeline.read import read
from pipeline.run import run
from pipeline.scrape import ScrapeConfigError, Site, documents, load_sites, scrape

from . import feed_newsroom as fn
from . import newsroom_server as ns

FAST = {"timeout_s": (2.0, 1.0), "max_retries": 0, "backoff_s": 0.01, "max_retry_after_s": 5.0}
DELAY_S = 0.01


@pytest.fixture(scope="module")
def newsroom() -> Iterator[tuple[ns.NewsroomServer, list[fn.Release]]]:
    with ns.NewsroomServer() as server:
        yield server, fn.serve(server)


def _build(raw: Path, out: Path) -> pd.DataFrame:
    run(raw, out, progress=False)
    return pd.read_parquet(out / "releases")


def _number(url: str) -> int:
    match = re.search(r"/news/release-(\d\d)/$", url)
    assert match, url
    return int(match.group(1))


def _check_rows(rows: pd.DataFrame, items: list[fn.Release], numbers: set[int]) -> None:
    """One row per release listed, with its page's title, date and quoted spokesperson, and nothing else."""
    assert rows["url"].notna().all() and rows["url"].is_unique and rows["release_id"].is_unique
    assert sorted(rows["url"].map(_number)) == sorted(numbers)
    by_number = {r.number: r for r in items}
    for row in rows.itertuples():
        release = by_number[_number(row.url)]
        assert row.title == release.title
        assert row.published == release.date
        assert [p["name"] for p in row.spokespeople] == [release.speaker]
        assert release.quote in row.spokespeople[0]["quote"]
        assert row.language == "en"
        kinds = sorted(Path(source).suffix for source in row.sources)
        assert kinds.count(".html") == 1 and kinds.count(".xml") >= 1  # its page, and every document listing it


def _memberships(number: int, ranges: list[range]) -> int:
    return sum(number in r for r in ranges)


def test_scrape_of_the_rss_feed_collects_its_twelve_releases(newsroom, tmp_path: Path) -> None:
    server, items = newsroom
    raw = tmp_path / "raw"
    code = main(["scrape", server.url("/feed/"), "--raw", str(raw), "--release-pages", "--delay", str(DELAY_S)])
    assert code == 0
    rows = _build(raw, tmp_path / "out")
    _check_rows(rows, items, set(fn.RSS_RANGE))
    assert (rows["sources"].map(len) == 2).all()  # the feed and the page


def test_scrape_of_the_sitemap_index_collects_thirty_releases(newsroom, tmp_path: Path) -> None:
    server, items = newsroom
    raw = tmp_path / "raw"
    mark = server.mark()
    report = scrape([Site(name="n", start_url=server.url("/sitemap_index.xml"), delay_s=DELAY_S,
                          release_pages=True)], raw, **FAST)
    assert report.failures == ()
    requested = server.paths()[mark:]
    # The index, its gzip sitemap, the nested index and its gzip sitemap: each document once.
    assert [p for p in requested if not p.startswith("/news/")] == [
        "/robots.txt", "/sitemap_index.xml", "/sitemaps/releases-1.xml.gz", "/sitemaps/more.xml",
        "/sitemaps/releases-2.xml.gz"]
    assert sorted(requested[5:]) == sorted(r.path for r in items if r.number in fn.SITEMAP_RANGE)
    stored = sorted(p.read_bytes()[:60] for p in (raw / "n").glob("*.xml"))
    assert len(stored) == 4 and all(body.startswith(b"<?xml") for body in stored)  # gzip sitemaps stored inflated
    rows = _build(raw, tmp_path / "out")
    _check_rows(rows, items, set(fn.SITEMAP_RANGE))


def test_scrape_of_the_home_page_finds_feeds_and_sitemaps(newsroom, tmp_path: Path) -> None:
    server, items = newsroom
    raw = tmp_path / "raw"
    mark = server.mark()
    report = scrape([Site(name="n", start_url=server.url("/"), delay_s=DELAY_S, release_pages=True)], raw, **FAST)
    assert report.failures == ()
    requested = server.paths()[mark:]
    assert [p for p in requested if not p.startswith("/news/")] == [
        "/robots.txt", "/", "/feed/", "/feed/atom/", "/sitemap_index.xml", "/news-sitemap.xml",
        "/sitemap-pages.xml", "/sitemaps/releases-1.xml.gz", "/sitemaps/more.xml", "/sitemaps/releases-2.xml.gz"]
    releases = [p for p in requested if p.startswith("/news/")]
    assert sorted(releases) == sorted(r.path for r in items)  # each once, however many documents list it
    assert "/about/" not in requested  # the pages sitemap lists no release folder's page
    assert len(list((raw / "n").glob("*.html"))) == len(items)  # the home page led to the feeds: not stored
    rows = _build(raw, tmp_path / "out")
    _check_rows(rows, items, set(range(1, fn.COUNT + 1)))
    ranges = [fn.RSS_RANGE, fn.ATOM_RANGE, fn.SITEMAP_RANGE, fn.NEWS_RANGE]
    for row in rows.itertuples():
        assert len(row.sources) == 1 + _memberships(_number(row.url), ranges), row.url


def test_a_nightly_run_fetches_no_release_page_twice(tmp_path: Path) -> None:
    with ns.NewsroomServer() as server:
        items = fn.serve(server)
        site = Site(name="n", start_url=server.url("/sitemap_index.xml"), delay_s=DELAY_S, release_pages=True)
        first = scrape([site], tmp_path, **FAST)
        mark = server.mark()
        second = scrape([site], tmp_path, **FAST)
        second_paths = server.paths()[mark:]
        # Release 3's page changes, and the sitemap says so with a newer lastmod.
        changed = [fn.Release(**{**{f: getattr(r, f) for f in r.__dataclass_fields__}, "title": r.title + " (updated)"})
                   if r.number == 3 else r for r in items]
        server.routes[changed[2].path] = ns.page(fn.release_page(changed[2]))
        later = [r for r in items if r.number in range(1, 16)]
        body = fn.sitemap(server.base_url, later).replace(
            f"{changed[2].path}</loc><lastmod>{changed[2].date.isoformat()}".encode(),
            f"{changed[2].path}</loc><lastmod>2099-01-01".encode())
        server.routes["/sitemaps/releases-1.xml.gz"] = ns.page(fn.gzip_file(body), content_type="application/x-gzip")
        mark = server.mark()
        third = scrape([site], tmp_path, **FAST)
        third_paths = server.paths()[mark:]
    assert first.release_pages_fetched == 30 and first.failures == ()
    assert second.release_pages_fetched == 0 and not [p for p in second_paths if p.startswith("/news/")]
    assert second.pages_stored == 0
    assert [p for p in third_paths if p.startswith("/news/")] == [changed[2].path]
    assert third.pages_stored == 2  # the changed sitemap and the changed page


# --- bad documents ------------------------------------------------------------------------------------


def _big_sitemap(base: str, count: int) -> bytes:
    urls = "".join(f"<url><loc>{base}/big/{n}/</loc><lastmod>2024-01-{1 + n % 28:02d}</lastmod></url>"
                   for n in range(count))
    return f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'.encode()


def _bomb(expanded: int) -> bytes:
    import zlib

    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    parts = [compressor.compress(b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')]
    parts += [compressor.compress(b" " * 65_536) for _ in range(expanded // 65_536 + 1)]
    return b"".join(parts) + compressor.flush()


def test_bad_feeds_and_sitemaps_are_logged_skips_with_bounds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(settings, "SCRAPE_MAX_RELEASE_PAGES", 3)
    with ns.NewsroomServer() as server, ns.NewsroomServer() as offsite:
        base, elsewhere = server.base_url, offsite.base_url
        release = ns.page(b"<!doctype html><html lang='en'><body><h1>A page</h1><p>Some text.</p></body></html>")
        server.routes.update(dict.fromkeys((f"/big/{n}/" for n in range(60_000)), release))
        server.routes.update({
            "/robots.txt": ns.not_found(),
            "/": ns.page(b"<!doctype html><html><head><title>Home</title></head><body><p>Hello</p></body></html>"),
            "/feed/broken/": ns.page(b"<rss version='2.0'><channel><item><title>cut off",
                                     content_type="application/rss+xml"),
            "/feed/page/": ns.page(b"<!doctype html><html><body><p>Our feeds moved.</p></body></html>"),
            "/feed/loop/": ns.redirect("/feed/loop-b/"),
            "/feed/loop-b/": ns.redirect("/feed/loop/"),
            "/sitemap-big.xml": ns.page(_big_sitemap(base, 60_000), content_type="application/xml"),
            "/sitemap-bomb.xml.gz": ns.page(_bomb(30_000_000), content_type="application/x-gzip"),
            "/sitemap-elsewhere.xml": ns.page(fn.sitemap_index(elsewhere, ["/sitemap.xml"]),
                                              content_type="application/xml"),
            "/sitemap-mixed.xml": ns.page(f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>'
                                          f"{elsewhere}/news/x/</loc></url></urlset>".encode(),
                                          content_type="application/xml"),
        })
        offsite.routes["/sitemap.xml"] = ns.page(b"<urlset/>", content_type="application/xml")
        site = Site(name="n", start_url=server.url("/"), delay_s=0.0, release_pages=True,
                    feeds=(server.url("/feed/broken/"), server.url("/feed/page/"), server.url("/feed/loop/")),
                    sitemaps=(server.url("/sitemap-big.xml"), server.url("/sitemap-bomb.xml.gz"),
                              server.url("/sitemap-elsewhere.xml"), server.url("/sitemap-mixed.xml")))
        with caplog.at_level(logging.INFO, logger="pipeline"):
            report = scrape([site], tmp_path, **FAST)
        requested = server.paths()
    assert offsite.log == []  # never a request outside the allowed host
    failures = {url.removeprefix(base): reason for url, reason in report.failures}
    assert failures["/feed/broken/"].startswith("not-a-feed: malformed feed")
    assert failures["/feed/page/"].startswith("not-a-feed: not a feed or sitemap: an HTML page")
    assert failures["/feed/loop/"].startswith("redirect-loop")
    assert failures["/sitemap-bomb.xml.gz"].startswith("decompressed-too-large")
    assert failures["/sitemap-elsewhere.xml"].startswith("offsite: 1 of its 1 entries")  # a nested sitemap
    assert failures["/sitemap-mixed.xml"].startswith("offsite: 1 of its 1 entries")
    assert len([p for p in requested if p.startswith("/big/")]) == 3  # newest first, three a run
    assert any("10000 entries without a usable link or past the limit" in r.getMessage() for r in caplog.records)
    assert any("more release pages left for the next run" in r.getMessage() for r in caplog.records)
    assert not [r for r in caplog.records if r.exc_info]
    stored = sorted(p.name for p in (tmp_path / "n").glob("*.xml"))
    assert len(stored) == 3  # the big sitemap and the two that point elsewhere; nothing broken is stored


def test_the_reader_skips_documents_that_are_no_feed(tmp_path: Path) -> None:
    for name, body, reason in [
        ("page.xml", b"<!doctype html><html><body><p>x</p></body></html>", "an HTML page"),
        ("broken.xml", b"<rss><channel><item><title>cut", "malformed feed"),
        ("index.xml", fn.sitemap_index("http://127.0.0.1", ["/a.xml"]), "sitemap index"),
        ("empty.xml", b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>', "no entries"),
    ]:
        path = tmp_path / name
        path.write_bytes(body)
        with pytest.raises(SkipInput, match=reason):
            read(path)


# --- documents, one by one ------------------------------------------------------------------------------


def test_feed_entries_keep_the_date_as_written_in_their_own_zone() -> None:
    items = fn.releases()[:2]
    listed = feeds.parse(fn.rss("http://127.0.0.1:9", items), "http://127.0.0.1:9/feed/")
    assert listed.kind == feeds.FEED and listed.language == "en-gb"
    assert [(e.url, e.title, e.published) for e in listed.entries] == [
        (f"http://127.0.0.1:9{r.path}", r.title, r.date) for r in items]  # 21:30 at -05:00 is not the next day
    assert listed.entries[0].summary == items[0].summary  # the description's HTML as text
    atom = feeds.parse(fn.atom("http://127.0.0.1:9", items))
    assert [e.published for e in atom.entries] == [r.date for r in items]  # published, never updated


def test_news_sitemap_entries_are_records_and_plain_ones_are_links(tmp_path: Path) -> None:
    items = fn.releases()[:3]
    news = feeds.parse(fn.news_sitemap("http://127.0.0.1:9", items))
    assert [(e.title, e.published) for e in news.entries] == [(r.title, r.date) for r in items]
    plain = feeds.parse(fn.sitemap("http://127.0.0.1:9", items))
    assert [(e.title, e.published, e.lastmod.date()) for e in plain.entries if e.lastmod] == [
        (None, None, r.date) for r in items]  # lastmod is when the page changed, never its publication date
    path = tmp_path / "sitemap.xml"
    path.write_bytes(fn.sitemap("http://127.0.0.1:9", items))
    assert {entry.kind for entry in read(path).entries} == {"link"}


def test_sniff_tells_feeds_and_sitemaps_from_pages() -> None:
    assert feeds.sniff(b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- made by hand -->\n<rss version="2.0">') == feeds.FEED
    assert feeds.sniff(b'<feed xmlns="http://www.w3.org/2005/Atom">') == feeds.FEED
    assert feeds.sniff(b"<rdf:RDF xmlns:rdf='x'>") == feeds.FEED
    assert feeds.sniff(b"<urlset>") == feeds.SITEMAP
    assert feeds.sniff(b"<sitemapindex>") == feeds.SITEMAP_INDEX
    assert feeds.sniff(b"<!doctype html><html><head>") is None
    assert feeds.sniff(b"plain text") is None


def test_a_sitemap_of_a_listing_site_is_read_within_its_releases_folders() -> None:
    assert documents.scope(["http://h/press/a/", "http://h/press/b/", "http://h/blog/2024/c"]) == ("/blog/", "/press/")
    assert documents.scope([]) == documents.EVERYWHERE
    assert documents.in_scope("http://h/press/x/", ("/press/",)) and not documents.in_scope("http://h/about/",
                                                                                             ("/press/",))


def test_sites_toml_names_feeds_and_sitemaps_on_the_site_host(tmp_path: Path) -> None:
    path = tmp_path / "sites.toml"
    path.write_text('[[sites]]\nstart_url = "https://news.example.org/"\nfeeds = ["https://news.example.org/rss"]\n'
                    'sitemaps = ["https://news.example.org/sitemap.xml"]\n', encoding="utf-8")
    (site,) = load_sites(path)
    assert site.feeds == ("https://news.example.org/rss",) and site.sitemaps == ("https://news.example.org/sitemap.xml",)
    path.write_text('[[sites]]\nstart_url = "https://news.example.org/"\nfeeds = ["https://feeds.example.com/rss"]\n',
                    encoding="utf-8")
    with pytest.raises(ScrapeConfigError, match="not an http\\(s\\) URL on the start_url's host"):
        load_sites(path)
