"""What to scrape: the sites of sites.toml, each checked before anything is fetched."""
from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .. import settings
from ..errors import ConfigError
from ..urls import host_key, origin_problem

_SITE_NAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_UNSAFE_NAME_CHARS_RE = re.compile(r"[^A-Za-z0-9.-]+")


class ScrapeConfigError(ConfigError, ValueError):
    """A bad sites file or site definition: the scrape cannot start."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Site:
    """One newsroom: where its listing starts and how hard to go at it."""

    name: str  # directory under raw/; "" derives it from the start URL's host
    start_url: str
    max_pages: int = settings.SCRAPE_MAX_PAGES
    delay_s: float = settings.FETCH_DELAY_S
    release_pages: bool = False
    feeds: tuple[str, ...] = ()  # RSS/Atom feed URLs; with sitemaps empty too, found from the start page
    sitemaps: tuple[str, ...] = ()  # sitemap or sitemap index URLs; else robots.txt's, else /sitemap.xml

    def __post_init__(self) -> None:
        if isinstance(self.name, str) and len(self.name) > settings.SITE_NAME_MAX_CHARS:
            raise ScrapeConfigError(f"site name {self.name[:20]!r}... is {len(self.name)} characters long; "
                                    f"use at most {settings.SITE_NAME_MAX_CHARS}")
        if not isinstance(self.name, str) or (self.name and not _SITE_NAME_RE.fullmatch(self.name)):
            raise ScrapeConfigError(f"site name {self.name!r}: use letters, digits, '.', '_' or '-', "
                                    "starting with a letter or digit")
        where = f"site {self.name or self.start_url!r}"
        if not isinstance(self.start_url, str) or origin_problem(self.start_url):
            raise ScrapeConfigError(f"{where}: start_url {self.start_url!r} is not an http(s) URL "
                                    "with a host")
        if isinstance(self.max_pages, bool) or not isinstance(self.max_pages, int) or self.max_pages < 1:
            raise ScrapeConfigError(f"{where}: max_pages must be an integer >= 1")
        if (isinstance(self.delay_s, bool) or not isinstance(self.delay_s, int | float)
                or not math.isfinite(self.delay_s) or not 0 <= self.delay_s <= settings.FETCH_MAX_DELAY_S):
            raise ScrapeConfigError(f"{where}: delay_s must be a number of seconds "
                                    f"from 0 to {settings.FETCH_MAX_DELAY_S:.0f}")
        if not isinstance(self.release_pages, bool):
            raise ScrapeConfigError(f"{where}: release_pages must be true or false")
        for key in ("feeds", "sitemaps"):
            urls = getattr(self, key)
            if not isinstance(urls, tuple | list) or not all(isinstance(url, str) for url in urls):
                raise ScrapeConfigError(f"{where}: {key} must be a list of URLs")
            for url in urls:
                # The same host as the start URL: the only host a site's scrape ever requests.
                if origin_problem(url, site_key=host_key(urlsplit(self.start_url))):
                    raise ScrapeConfigError(f"{where}: {key} URL {url!r} is not an http(s) URL on the start_url's "
                                            "host; a newsroom on another host is a site of its own")
            object.__setattr__(self, key, tuple(urls))  # frozen: a TOML list becomes the tuple the type says


def load_sites(path: Path) -> list[Site]:
    """Read a sites.toml file into Site definitions, or raise ScrapeConfigError saying what is wrong."""
    try:
        with open(path, "rb") as handle:
            document = tomllib.load(handle)
    except OSError as exc:
        raise ScrapeConfigError(f"{path}: cannot read sites file ({exc.strerror or exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ScrapeConfigError(f"{path}: not valid TOML ({exc})") from None
    except UnicodeDecodeError as exc:
        raise ScrapeConfigError(f"{path}: not UTF-8 text (byte {exc.start}); TOML files are UTF-8") from None
    unknown = set(document) - {"sites"}
    if unknown:
        raise ScrapeConfigError(f"{path}: unknown top-level key(s) {sorted(unknown)}; "
                                "expected only [[sites]] tables")
    entries = document.get("sites")
    if not isinstance(entries, list) or not entries or not all(isinstance(e, dict) for e in entries):
        raise ScrapeConfigError(f"{path}: expected at least one [[sites]] table")
    allowed = {"name", "start_url", "max_pages", "delay_s", "release_pages", "feeds", "sitemaps"}
    sites: list[Site] = []
    for number, entry in enumerate(entries, start=1):
        where = f"{path}: site #{number} ({entry.get('name', 'unnamed')})"
        if set(entry) - allowed:
            raise ScrapeConfigError(f"{where}: unknown key(s) {sorted(set(entry) - allowed)}; "
                                    f"allowed: {sorted(allowed)}")
        if "start_url" not in entry:
            raise ScrapeConfigError(f"{where}: start_url is required")
        try:
            sites.append(Site(**{"name": "", **entry}))
        except ScrapeConfigError as exc:
            raise ScrapeConfigError(f"{where}: {exc}") from None
    names = [site_dir_name(site) for site in sites]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise ScrapeConfigError(f"{path}: site name(s) {duplicates} used twice; give each site its own name")
    return sites


def site_dir_name(site: Site) -> str:
    """Return the directory name under raw/ for a site: its name, or one derived from its host."""
    if site.name:
        return site.name
    return _UNSAFE_NAME_CHARS_RE.sub("_", host_key(urlsplit(site.start_url))).strip("_") or "site"
