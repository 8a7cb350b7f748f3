"""Run extraction in this process, on local worker processes, or on a Dask cluster.

Workers load the model once and receive and return small frozen records, never spaCy Docs.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from types import TracebackType
from typing import TYPE_CHECKING, Self

from spacy.language import Language

from .. import settings
from ..errors import ConfigError
from ..records import Release

if TYPE_CHECKING:
    from distributed import Client

LOGGER = logging.getLogger(__name__)

_LOADED: dict[str, Language] = {}  # one model per process, loaded on its first partition


def nlp_for(model: str) -> Language:
    """The extraction pipeline for `model`, loaded once in this process."""
    if model not in _LOADED:
        from . import build_nlp

        _LOADED[model] = build_nlp(model)
    return _LOADED[model]


def extract_partition(releases: Sequence[Release], model: str) -> list[Release]:
    """Extract one partition of releases in this process (the caller, a pool worker or a Dask worker)."""
    from . import extract

    return list(extract(releases, nlp_for(model)))


def _partitions(releases: Sequence[Release], count: int, most: int) -> list[Sequence[Release]]:
    size = max(1, min(most, -(-len(releases) // count)))
    return [releases[i:i + size] for i in range(0, len(releases), size)]


# One BLAS thread per worker: spaCy's matrix products otherwise spread every worker over every core,
# and N workers on N cores fight for them instead of each using one.
_ONE_THREAD = {name: "1" for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")}


def _single_threaded_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of fresh interpreters (spawned, so the thread limits apply before numpy loads)."""
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))


def _not_extracted(release: Release) -> Release:
    """A release in a language no model is configured for: its fields as read, and why nothing was extracted."""
    reason = (f"language {release.language}: spokespeople, countries and figures not extracted "
              "(no spaCy model configured for it)")
    return replace(release, warnings=release.warnings + (reason,))


class Extractor:
    """Extract chunks of releases, here, on `workers` processes or on a Dask cluster: each release with the
    model of its language (`model` for English), a release in a language without one not at all."""

    def __init__(self, model: str, *, workers: int = 1, scheduler: str | None = None) -> None:
        self.model = model
        self.models = {**settings.LANGUAGE_MODELS, "en": model}
        self.workers = max(1, workers)
        self.scheduler = scheduler
        self._pool: ProcessPoolExecutor | None = None
        self._saved_env: dict[str, str | None] = {}
        self._client: Client | None = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            for name, value in self._saved_env.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
        if self._client is not None:
            self._client.close()

    def warm(self) -> None:
        """Load the model where extraction will run in this process (workers load their own)."""
        if self.scheduler is None and self.workers == 1:
            nlp_for(self.model)

    def __call__(self, chunk: Sequence[Release]) -> list[Release]:
        """Extract one chunk; results come back in input order."""
        return self.submit(chunk)()

    def submit(self, chunk: Sequence[Release]) -> Callable[[], list[Release]]:
        """Start extracting one chunk and return a function that waits for its results (in input
        order). With workers, the caller reads and splits the next chunk meanwhile."""
        done: list[Release] = list(chunk)
        by_model: dict[str, list[int]] = {}
        for at, release in enumerate(chunk):
            if not release.text.strip():
                continue  # a sitemap's bare link: nothing to read
            model = self.models.get(release.language or settings.DEFAULT_LANGUAGE)
            if model is None:
                done[at] = _not_extracted(release)
            else:
                by_model.setdefault(model, []).append(at)
        waiting = [(positions, self._submit([chunk[at] for at in positions], model))
                   for model, positions in by_model.items()]

        def results() -> list[Release]:
            for positions, wait in waiting:
                for at, release in zip(positions, wait(), strict=True):
                    done[at] = release
            return done
        return results

    def _submit(self, chunk: Sequence[Release], model: str) -> Callable[[], list[Release]]:
        """Start extracting a chunk of releases with one model."""
        if not chunk:
            return list
        if self.scheduler is not None:
            client = self._connect()
            parts = _partitions(chunk, len(client.scheduler_info().get("workers", {})) or 1,
                                settings.CLUSTER_PARTITION_SIZE)
            LOGGER.debug("%d releases in %d partitions to the cluster at %s", len(chunk), len(parts), self.scheduler)
            futures = client.map(extract_partition, parts, model=model, pure=False)
            return lambda: [release for part in client.gather(futures) for release in part]
        if self.workers > 1:
            if self._pool is None:
                # Workers start on demand, so the limits stay in the environment while the pool lives.
                self._saved_env = {name: os.environ.get(name) for name in _ONE_THREAD}
                os.environ.update(_ONE_THREAD)
                self._pool = _single_threaded_pool(self.workers)
            parts = _partitions(chunk, self.workers * settings.PARTITIONS_PER_WORKER, settings.NLP_CHUNK_SIZE)
            LOGGER.debug("%d releases in %d partitions to %d worker processes", len(chunk), len(parts), self.workers)
            pool_futures = [self._pool.submit(extract_partition, part, model) for part in parts]
            return lambda: [release for future in pool_futures for release in future.result()]
        done = extract_partition(chunk, model)
        return lambda: done

    def _connect(self) -> Client:
        if self._client is None:
            try:
                from distributed import Client
            except ImportError as exc:  # pragma: no cover - distributed is a pinned dependency
                raise ConfigError("--scheduler needs the 'distributed' package") from exc
            try:
                self._client = Client(self.scheduler, timeout="30s")
            except (OSError, ValueError) as exc:  # ValueError: not an address (`notaurl`, no port)
                raise ConfigError(f"cannot reach the Dask scheduler at {self.scheduler}: {exc}") from exc
        return self._client
