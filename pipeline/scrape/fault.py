"""The one error a fetch raises: an expected failure, recorded as "kind: detail", never a traceback."""
from __future__ import annotations


class Fault(Exception):
    """An expected fetch failure: recorded as "kind: detail", never a traceback."""

    def __init__(self, kind: str, detail: str, *, status: int | None = None,
                 host_failure: bool = False, skip_host: bool = False) -> None:
        super().__init__(f"{kind}: {detail}")
        self.kind = kind
        self.status = status
        self.host_failure = host_failure  # the host failed to answer; counts towards giving it up
        self.skip_host = skip_host  # the host asked us to stay away; leave it alone for this run

    @property
    def transient(self) -> bool:
        """True if trying again on another day may well succeed."""
        return self.host_failure or self.skip_host
