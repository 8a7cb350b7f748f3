"""Shared fixtures: the spaCy pipeline loaded once, ../shared located, and no outside network."""
from __future__ import annotations

import ipaddress
import socket
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DATA = Path(__file__).resolve().parent / "data"

_real_connect = socket.socket.connect


def _guarded_connect(self, address):  # type: ignore[no-untyped-def]
    host = address[0] if isinstance(address, tuple) else address
    if isinstance(host, str) and self.family in (socket.AF_INET, socket.AF_INET6):
        try:
            loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
        except ValueError:
            loopback = False
        if not loopback:
            raise AssertionError(f"test tried to reach the outside network: {address!r}")
    return _real_connect(self, address)


@pytest.fixture(autouse=True)
def no_outside_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any test that connects anywhere but loopback."""
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)


@pytest.fixture(scope="session")
def nlp():
    """The full extraction pipeline, loaded once per test session."""
    from pipeline.extract import build_nlp

    return build_nlp()


@pytest.fixture(scope="session")
def shared() -> Path:
    """The read-only ../shared folder (gold, corpus, scorer); skip where it is absent."""
    if not (SHARED / "gold").is_dir():
        pytest.skip(f"../shared is absent ({SHARED}): gold and corpus tests need it beside the repo")
    return SHARED
