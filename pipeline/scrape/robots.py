"""robots.txt: each host's rules fetched once per run (RFC 9309), and its crawl delay adopted."""
from __future__ import annotations

import logging
from urllib.parse import urlsplit, urlunsplit

from protego import Protego

from .fault import Fault
from .http import Fetcher, Host

LOGGER = logging.getLogger(__name__)


def load_robots(fetcher: Fetcher, host: Host, start_url: str) -> tuple[str, str] | None:
    """Give the host its robots.txt rules and pace; (robots URL, why) when the host must be skipped."""
    if host.robots is not None:
        return None
    parts = urlsplit(start_url)
    robots_url = urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))
    LOGGER.debug("%s: fetching %s", host.key, robots_url)
    options = fetcher.options
    try:
        page = fetcher.get(robots_url, host, None)
    except Fault as fault:
        if fault.status is not None and 400 <= fault.status < 500 and fault.status != 429:
            # RFC 9309 2.3.1.3: an unavailable robots.txt (4xx) means no restrictions.
            LOGGER.info("%s: no robots.txt (HTTP %d); everything allowed", host.key, fault.status)
            host.robots = Protego.parse("")
        else:
            # RFC 9309 2.3.1.4: an unreachable robots.txt means assume everything is disallowed.
            return robots_url, f"robots: robots.txt unreachable ({fault}); host skipped for this run"
    else:
        assert page.body is not None
        host.robots = Protego.parse(page.body.decode("utf-8", errors="replace"))
    delay = host.robots.crawl_delay(options.user_agent)
    rate = host.robots.request_rate(options.user_agent)
    if rate is not None and rate.requests > 0:
        delay = max(delay or 0.0, rate.seconds / rate.requests)
    if delay:
        if delay > options.max_retry_after_s:
            return robots_url, (f"crawl-delay: robots.txt asks for {delay:g} s between requests "
                                f"(cap {options.max_retry_after_s:g} s); host skipped for this run")
        if delay > host.interval_s:
            LOGGER.info("%s: robots.txt asks for %g s between requests", host.key, delay)
            host.interval_s = delay
    return None
