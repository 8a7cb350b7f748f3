"""Scrape a newsroom served on 127.0.0.1, run the pipeline on the snapshots, get the sample corpus back."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from pipeline.run import run
from pipeline.scrape import Site, scrape

from .conftest import REPO
from .newsroom_server import NewsroomServer, listing_html, listing_path, load_cards, page, release_html

LISTINGS = [REPO / "raw" / "001_e52d2ad2135645ca.txt", REPO / "raw" / "002_bb9fff116277e6df.txt"]
PER_PAGE = 7


@pytest.fixture(scope="module")
def scraped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    intro, cards = load_cards(LISTINGS)
    pages = [cards[i:i + PER_PAGE] for i in range(0, len(cards), PER_PAGE)]
    raw = tmp_path_factory.mktemp("raw")
    with NewsroomServer() as server:
        for number, chunk in enumerate(pages, start=1):
            linked = [(card, f"/news/{card.slug}/") for card in chunk]
            server.routes[listing_path(number)] = page(
                listing_html(intro, linked, page_no=number, page_count=len(pages)))
            for card, href in linked:
                server.routes[href] = page(release_html(card))
        site = Site(name="newsroom", start_url=server.url("/news/"), max_pages=10, delay_s=0.05,
                    release_pages=True)
        report = scrape([site], raw, backoff_s=0.05)
    assert not report.failures, report.failures
    assert report.pages_stored == len(pages) + len(cards)
    return raw


def _releases(raw: Path, out: Path) -> pd.DataFrame:
    run(raw, out, progress=False)
    return pd.read_parquet(out / "releases")


def test_snapshots_give_the_same_releases_as_the_plain_text_corpus(scraped: Path, tmp_path: Path):
    plain_raw = tmp_path / "plain"
    plain_raw.mkdir()
    for path in LISTINGS:
        (plain_raw / path.name).write_bytes(path.read_bytes())
    plain = _releases(plain_raw, tmp_path / "plain_out")
    html = _releases(scraped, tmp_path / "html_out")
    key = ["title", "published", "kind"]
    assert sorted(map(tuple, html[key].astype(str).values)) == sorted(map(tuple, plain[key].astype(str).values))
    # Each release was seen twice (its card and its own page) and is one row with its canonical URL.
    assert html["url"].notna().all() and html["url"].is_unique
    assert (html["sources"].map(len) == 2).all()
    merged = html.merge(plain, on=["title", "published"], suffixes=("_html", "_plain"))
    assert (merged["countries_html"].map(list) == merged["countries_plain"].map(list)).all()


def test_page_chrome_and_navigation_are_not_releases(scraped: Path, tmp_path: Path):
    html = _releases(scraped, tmp_path / "out")
    text = " ".join(html["summary"]) + " ".join(html["title"])
    for chrome in ("Donate", "Privacy", "We put a human face", "Older posts"):
        assert chrome not in text
