"""Test helper: a newsroom that publishes its 36 releases only through feeds and sitemaps (no listing page).

RSS for releases 1-12 at /feed/, Atom for 9-20 at /feed/atom/, a sitemap index at /sitemap_index.xml that
holds a gzip sitemap (1-15) and a nested index with another gzip sitemap (16-30), a news sitemap for 25-36
at /news-sitemap.xml, a release page for each (a dated headline and a quoted spokesperson), robots.txt
naming both and a third sitemap of the site's other pages (about, contact), and a home page linking the two
feeds with <link rel="alternate">. Every name, body, place and headline here is invented.
"""
from __future__ import annotations

import datetime as dt
import html
import zlib
from dataclasses import dataclass

from . import newsroom_server as ns

COUNT = 36
RSS_RANGE = range(1, 13)
ATOM_RANGE = range(9, 21)
SITEMAP_RANGE = range(1, 31)
NEWS_RANGE = range(25, 37)

_PEOPLE = ("Anna Berg", "David Moreno", "Laura Chen", "Peter Walsh", "Sarah Mitchell", "Thomas Reed",
           "Emily Carter", "James Holt", "Rachel Stone", "Michael Grant", "Helen Ward", "Daniel Price")
_ROLES = ("director", "spokesperson", "chief executive", "head of programmes")
_ORGS = ("the Harbour Trust", "the Lakeside Fund", "the Northfield Water Board", "the Valley Transit Alliance")
_TOPICS = (("opens", "a water clinic in Eastbrook"), ("expands", "rural bus routes"),
           ("funds", "flood defences on the Mill River"), ("launches", "a winter heating grant"),
           ("restores", "the old canal towpath"), ("publishes", "a report on rising rents"))
_QUOTES = ("We will keep every pump running through the winter",
           "Families should not have to choose between heat and food",
           "This money reaches the towns that waited longest", "Our volunteers made this possible")
FIRST_DAY = dt.date(2023, 3, 6)  # a Monday


@dataclass(frozen=True, slots=True, kw_only=True)
class Release:
    """One invented release of the test newsroom."""

    number: int
    title: str
    date: dt.date
    speaker: str
    role: str
    org: str
    quote: str

    @property
    def path(self) -> str:
        return f"/news/release-{self.number:02d}/"

    @property
    def printed_date(self) -> str:
        return f"{self.date:%B} {self.date.day}, {self.date.year}"

    @property
    def summary(self) -> str:
        return f"{self.org[4:]} {self.title.split(' ', 3)[3]}, starting this month in three towns."


def releases() -> list[Release]:
    """The newsroom's 36 releases, one a week, newest last."""
    out = []
    for number in range(1, COUNT + 1):
        verb, what = _TOPICS[number % len(_TOPICS)]
        org = _ORGS[number % len(_ORGS)]
        out.append(Release(number=number, title=f"{org[4:].title().replace('Of', 'of')} {verb} {what} (no. {number})",
                           date=FIRST_DAY + dt.timedelta(days=7 * (number - 1)), speaker=_PEOPLE[number % len(_PEOPLE)],
                           role=_ROLES[number % len(_ROLES)], org=org, quote=_QUOTES[number % len(_QUOTES)]))
    return out


def release_page(release: Release) -> bytes:
    """A release's own page: its headline, its printed date and a quoted spokesperson."""
    e = html.escape
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f'<title>{e(release.title)} | Example Newsroom</title></head><body>'
        '<header><nav><a href="/">Home</a> <a href="/about/">About us</a></nav></header>'
        f'<main><article><h1>{e(release.title)}</h1>'
        f'<time datetime="{release.date.isoformat()}">{e(release.printed_date)}</time>'
        f'<p>EASTBROOK – {e(release.summary)} The work is paid for by local donors and a county grant.</p>'
        f'<p>“{e(release.quote)},” said {e(release.speaker)}, {e(release.role)} of {e(release.org)}.</p>'
        '<p>The programme will report on its progress at the end of the year.</p>'
        '</article></main><footer><p>© 2024 Example Newsroom</p></footer></body></html>'
    ).encode()


def _rfc822(release: Release) -> str:
    # Late in the evening five hours behind UTC: already the next day in UTC, the same day as printed.
    stamp = dt.datetime.combine(release.date, dt.time(21, 30), tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    return stamp.strftime("%a, %d %b %Y %H:%M:%S -0500")


def rss(base: str, items: list[Release]) -> bytes:
    """An RSS 2.0 feed of the releases."""
    e = html.escape
    entries = "".join(
        f"<item><title>{e(r.title)}</title><link>{base}{r.path}</link><guid>{base}{r.path}</guid>"
        f"<pubDate>{_rfc822(r)}</pubDate><description>{e('<p>' + e(r.summary) + '</p>')}</description></item>"
        for r in items)
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Example Newsroom</title>'
            f"<link>{base}/</link><description>Press releases</description><language>en-gb</language>"
            f"{entries}</channel></rss>").encode()


def atom(base: str, items: list[Release]) -> bytes:
    """An Atom 1.0 feed of the releases."""
    e = html.escape
    entries = "".join(
        f'<entry><title>{e(r.title)}</title><link rel="alternate" href="{base}{r.path}"/>'
        f"<id>tag:example.org,2024:{r.number}</id><published>{r.date.isoformat()}T09:00:00+01:00</published>"
        f"<updated>{(r.date + dt.timedelta(days=2)).isoformat()}T10:00:00Z</updated>"
        f"<summary>{e(r.summary)}</summary></entry>"
        for r in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">'
            f"<title>Example Newsroom</title><id>tag:example.org,2024:feed</id><updated>2024-12-01T00:00:00Z</updated>"
            f"{entries}</feed>").encode()


def sitemap(base: str, items: list[Release]) -> bytes:
    """A plain sitemap of the releases' pages, each with its lastmod."""
    urls = "".join(f"<url><loc>{base}{r.path}</loc><lastmod>{r.date.isoformat()}</lastmod></url>" for r in items)
    return (f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"{urls}</urlset>").encode()


def pages_sitemap(base: str) -> bytes:
    """The sitemap of the site's other pages: not releases."""
    urls = "".join(f"<url><loc>{base}{path}</loc></url>" for path in ("/", "/about/", "/contact/"))
    return (f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"{urls}</urlset>").encode()


def news_sitemap(base: str, items: list[Release]) -> bytes:
    """A news sitemap: each release with its news:title and news:publication_date."""
    e = html.escape
    urls = "".join(
        f"<url><loc>{base}{r.path}</loc><news:news><news:publication><news:name>Example Newsroom</news:name>"
        f"<news:language>en</news:language></news:publication>"
        f"<news:publication_date>{r.date.isoformat()}T08:00:00+01:00</news:publication_date>"
        f"<news:title>{e(r.title)}</news:title></news:news></url>"
        for r in items)
    return ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>').encode()


def sitemap_index(base: str, paths: list[str]) -> bytes:
    """A sitemap index of the given sitemaps."""
    items = "".join(f"<sitemap><loc>{base}{path}</loc><lastmod>2024-12-01</lastmod></sitemap>" for path in paths)
    return (f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"{items}</sitemapindex>").encode()


def gzip_file(data: bytes) -> bytes:
    """The bytes as a .gz file (the resource itself compressed, not a Content-Encoding)."""
    compressor = zlib.compressobj(6, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush()


def home_page() -> bytes:
    """The home page: no release links, its feeds linked in its head."""
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Example Newsroom</title>'
        '<link rel="alternate" type="application/rss+xml" title="Press releases" href="/feed/">'
        '<link rel="alternate" type="application/atom+xml" title="Press releases (Atom)" href="/feed/atom/">'
        '</head><body><header><nav><a href="/">Home</a> <a href="/about/">About us</a></nav></header>'
        "<main><h1>Example Newsroom</h1><p>News from the towns of the valley, every week.</p></main>"
        "<footer><p>© 2024 Example Newsroom</p></footer></body></html>"
    ).encode()


def serve(server: ns.NewsroomServer) -> list[Release]:
    """Route the whole newsroom on server; return its releases."""
    base = server.base_url
    items = releases()
    pick = {name: [r for r in items if r.number in numbers] for name, numbers in
            (("rss", RSS_RANGE), ("atom", ATOM_RANGE), ("first", range(1, 16)), ("second", range(16, 31)),
             ("news", NEWS_RANGE))}
    gz = "application/x-gzip"
    server.routes.update({
        "/": ns.page(home_page()),
        "/robots.txt": ns.page(f"User-agent: *\nDisallow: /private/\n\nSitemap: {base}/sitemap_index.xml\n"
                               f"Sitemap: {base}/news-sitemap.xml\nSitemap: {base}/sitemap-pages.xml\n".encode(),
                               content_type="text/plain"),
        "/sitemap-pages.xml": ns.page(pages_sitemap(base), content_type="application/xml"),
        "/feed/": ns.page(rss(base, pick["rss"]), content_type="application/rss+xml; charset=utf-8",
                          etag='"rss-1"'),
        "/feed/atom/": ns.page(atom(base, pick["atom"]), content_type="application/atom+xml"),
        "/sitemap_index.xml": ns.page(sitemap_index(base, ["/sitemaps/releases-1.xml.gz", "/sitemaps/more.xml"]),
                                      content_type="application/xml"),
        "/sitemaps/more.xml": ns.page(sitemap_index(base, ["/sitemaps/releases-2.xml.gz"]),
                                      content_type="text/xml"),
        "/sitemaps/releases-1.xml.gz": ns.page(gzip_file(sitemap(base, pick["first"])), content_type=gz),
        "/sitemaps/releases-2.xml.gz": ns.page(gzip_file(sitemap(base, pick["second"])), content_type=gz),
        "/news-sitemap.xml": ns.page(news_sitemap(base, pick["news"]), content_type="application/xml"),
        "/about/": ns.page(b"<!doctype html><html><body><h1>About us</h1><p>We are a newsroom.</p></body></html>"),
    })
    for release in items:
        server.routes[release.path] = ns.page(release_page(release), etag=f'"r{release.number}"')
    return items
