"""Shared fixtures: no outside network, the spaCy pipeline loaded once, the sample dataset built once,
../shared located."""
from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from pipeline.report import RunReport

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DATA = Path(__file__).resolve().parent / "data"
PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy")


def _loopback(host: object) -> bool:
    if isinstance(host, bytes):
        host = host.decode()
    if not isinstance(host, str):
        return True  # AF_UNIX paths and the like never leave the machine
    try:
        return host == "localhost" or ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


# Fixtures that load the spaCy model or build a dataset with it: a test that asks for one is slow.
MODEL_FIXTURES = frozenset({"nlp", "sample", "html_dataset"})
# Fixtures that scrape a whole loopback newsroom, timeouts and retries included: seconds of waiting, not work.
SCRAPE_FIXTURES = frozenset({"runs"})
# Modules whose tests run the whole pipeline (and so load the model), in this process or a child one.
PIPELINE_MODULES = frozenset({"test_refresh", "test_benchmarks", "test_end_to_end", "test_hostile", "test_parallel",
                              "test_scrape_pipeline", "test_notebooks", "test_query", "test_cli"})


# Tests that generate hundreds of pages or more, or scrape a whole loopback newsroom: seconds each, not model-bound.
LONG_TESTS = frozenset({"test_every_generated_card_comes_back_with_its_title_date_and_kind",
                        "test_every_generated_item_comes_back_with_its_title_date_and_kind",
                        "test_blank_line_habits_and_hard_wrapped_teasers_change_nothing",
                        "test_first_run_stores_every_good_page_exactly_once",
                        "test_pages_printed_with_a_converters_markup_read_to_the_same_cards",
                        "test_archive_pages_read_to_their_cards", "test_indented_cards_read_the_same"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that loads the model, and the few long generated and scraping runs, `slow`:
    `pytest -m "not slow"` runs the rest in well under a minute."""
    for item in items:
        module = getattr(item, "module", None)
        if (MODEL_FIXTURES | SCRAPE_FIXTURES) & set(getattr(item, "fixturenames", ())) or (
                module is not None and module.__name__.rsplit(".", 1)[-1] in PIPELINE_MODULES) \
                or getattr(item, "originalname", item.name) in LONG_TESTS:
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session", autouse=True)
def no_outside_network() -> Iterator[None]:
    """Fail the test on any connect, or name lookup, aimed anywhere but loopback; ignore proxy settings.

    Session-scoped, so it is in place for module- and session-scoped fixtures too (the scrape runs).
    pytest.fail is a BaseException: no `except Exception` in the code under test can swallow it.
    """
    real_connect, real_connect_ex, real_getaddrinfo = (
        socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo)

    def check(sock: socket.socket, address: object) -> None:
        inet = sock.family in (socket.AF_INET, socket.AF_INET6)
        if inet and isinstance(address, tuple) and not _loopback(address[0]):
            pytest.fail(f"test tried to reach the outside network: {address!r}")

    def connect(sock: socket.socket, address: object) -> None:
        check(sock, address)
        return real_connect(sock, address)  # type: ignore[arg-type]

    def connect_ex(sock: socket.socket, address: object) -> int:
        check(sock, address)
        return real_connect_ex(sock, address)  # type: ignore[arg-type]

    def getaddrinfo(host: object, *args: object, **kwargs: object) -> object:
        if host is not None and not _loopback(host):
            pytest.fail(f"test tried to resolve an outside name: {host!r}")
        return real_getaddrinfo(host, *args, **kwargs)  # type: ignore[arg-type]

    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setattr(socket.socket, "connect", connect)
        monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
        monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
        for name in PROXY_VARIABLES:
            monkeypatch.delenv(name, raising=False)  # a proxy would take requests off the machine
        yield


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The full extraction pipeline, loaded once per test session."""
    from pipeline.extract import build_nlp

    return build_nlp()


@dataclass(frozen=True, slots=True, kw_only=True)
class Sample:
    """The dataset the pipeline builds from raw/, and the report of that run. Read it; never write into it."""

    out: Path  # <root>/processed, so that code written for the repository's own layout runs from <root>
    report: RunReport


@pytest.fixture(scope="session")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Sample:
    """The sample dataset, built once for the whole test run."""
    from pipeline.run import run

    out = tmp_path_factory.mktemp("sample") / "processed"
    return Sample(out=out, report=run(REPO / "raw", out, progress=False))


@pytest.fixture(scope="session")
def shared() -> Path:
    """The read-only ../shared folder (gold, corpus, scorer); skip where it is absent."""
    if not (SHARED / "gold").is_dir():
        pytest.skip(f"../shared is absent ({SHARED}): gold and corpus tests need it beside the repo")
    return SHARED
