"""Scrape stage: fetch newsroom listing pages, feeds and sitemaps (and their release pages) into immutable raw
snapshots.

Each site's listing is walked from its start URL along its pagination, or its feed or sitemap read, and the
feeds and sitemaps its start page and robots.txt name are read too, politely: robots.txt is obeyed,
one request at a time per host with a delay between requests, conditional GETs, bounded retries. Every
new page body is stored as ``<raw>/<site>/<UTC time>_<sha256[:16]>.html`` (``.xml`` for a feed or sitemap)
with a ``.meta.json`` sidecar and never overwritten. A fetch fault is logged, recorded in the run report,
and the run goes on. docs/SCRAPING.md explains every setting (they are in pipeline/settings.py).

    sites.py    what to scrape: sites.toml, each site checked before anything is fetched
    crawl.py    the walk along each listing's pagination, the feeds and sitemaps read, and the report
    http.py     politeness and retries: the session, each host's pace, one GET with its redirects
    body.py     body limits: streamed under a wire and a decoded limit, binary bodies refused
    robots.py   robots.txt rules and crawl delay, per host
    archive.py  the snapshots and their sidecars (Sidecar, read_sidecar)
    listing.py  release links (the items the reader finds) and the next page
    documents.py  a site's feeds and sitemaps: where they are, gzip inflated, which entries to fetch first
"""
from __future__ import annotations

from .archive import Sidecar, read_sidecar
from .crawl import ScrapeReport, scrape
from .sites import ScrapeConfigError, Site, load_sites, site_dir_name

__all__ = ["ScrapeConfigError", "ScrapeReport", "Sidecar", "Site", "load_sites", "read_sidecar", "scrape",
           "site_dir_name"]
