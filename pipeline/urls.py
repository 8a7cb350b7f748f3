"""Every rule about URLs in one place: the form a URL is fetched by, the form a release is identified
by, and which URLs a scrape may fetch at all.

Two forms, on purpose. `normalize_url` is what the scraper requests and compares (the host as it goes on
the wire, no default port, no credentials). `canonical_url` is what a release's id is hashed from (no
trailing slash, no tracking parameters); it must never change, or every published id would.
"""
from __future__ import annotations

import ipaddress
from urllib.parse import SplitResult, urlsplit, urlunsplit

_DEFAULT_PORTS = {"http": 80, "https": 443}
_TRACKING_PREFIXES = ("utm_", "fbclid", "gclid")  # query parameters that say who linked, not what is linked


def host_key(parts: SplitResult) -> str:
    """Return host[:port] with the port only when it is not the scheme's default; the politeness key."""
    host = (parts.hostname or "").lower()
    if not host.isascii():
        host = host.encode("idna").decode("ascii")  # what requests puts on the wire and matches adapters by
    if ":" in host:
        host = f"[{host}]"
    port = parts.port
    if port is None or port == _DEFAULT_PORTS.get(parts.scheme.lower()):
        return host
    return f"{host}:{port}"


def normalize_url(url: str) -> str:
    """Return url with a lower-case scheme and host, no default port, no fragment, no credentials."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS:
        return urlunsplit((scheme, parts.netloc, parts.path, parts.query, ""))
    return urlunsplit((scheme, host_key(parts), parts.path or "/", parts.query, ""))


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no fragment, no trailing slash, no tracking parameters."""
    parts = urlsplit(url.strip())
    query = "&".join(q for q in parts.query.split("&") if q and not q.lower().startswith(_TRACKING_PREFIXES))
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, query, ""))


def origin_problem(url: str, *, site_key: str | None = None) -> str | None:
    """Say why url may not be fetched for the site with host key site_key (any host if None), or None."""
    try:
        parts = urlsplit(url)
        key = host_key(parts)
    except ValueError as exc:
        return f"scheme: malformed URL ({exc})"
    if parts.scheme.lower() not in _DEFAULT_PORTS:
        return f"scheme: {parts.scheme or 'scheme-less'} URLs are never fetched"
    if not parts.hostname:
        return "scheme: URL has no host"
    if site_key is None or key == site_key:
        return None
    # Named apart because a public page pointing inward is how SSRF starts; from a site that is itself
    # on a private address (an intranet, a test server) it is just another host.
    if _is_private_host(parts.hostname) and not _is_private_host(urlsplit(f"//{site_key}").hostname or ""):
        return f"private-address: {parts.hostname} is not a public address"
    return f"offsite: {key} is not the site's host {site_key}"


def _is_private_host(hostname: str) -> bool:
    name = hostname.lower().rstrip(".")
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return not ipaddress.ip_address(name).is_global
    except ValueError:
        return False
