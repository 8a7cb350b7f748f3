"""Run extraction on several local processes or on a Dask cluster: small records travel, never Docs."""
from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor

from spacy.language import Language

from .. import settings
from ..records import Release

LOGGER = logging.getLogger(__name__)

_LOADED: dict[str, Language] = {}  # one model per process, loaded on its first partition


def nlp_for(model: str) -> Language:
    """The extraction pipeline for `model`, loaded once in this process."""
    if model not in _LOADED:
        from . import build_nlp

        _LOADED[model] = build_nlp(model)
    return _LOADED[model]


def extract_partition(releases: Sequence[Release], model: str) -> list[Release]:
    """Extract one partition of releases in this process (a pool worker or a Dask worker)."""
    from . import extract

    return list(extract(releases, nlp_for(model)))


def _partitions(releases: Sequence[Release], size: int) -> list[Sequence[Release]]:
    return [releases[i:i + size] for i in range(0, len(releases), size)]


def extract_parallel(releases: Sequence[Release], model: str, workers: int) -> Iterator[Release]:
    """Extract on `workers` local processes, each loading the model once; order is kept."""
    if workers <= 1:
        yield from extract_partition(releases, model)
        return
    size = max(1, min(settings.NLP_CHUNK_SIZE, len(releases) // (workers * 4) or 1))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for part in pool.map(extract_partition, _partitions(releases, size), [model] * len(releases)):
            yield from part


def extract_on_cluster(releases: Sequence[Release], model: str, scheduler: str) -> Iterator[Release]:
    """Extract on the Dask cluster at `scheduler`; each worker loads the model once."""
    try:
        from distributed import Client
    except ImportError as exc:  # pragma: no cover - distributed is a pinned dependency
        from ..errors import ConfigError

        raise ConfigError("--scheduler needs the 'distributed' package") from exc
    with Client(scheduler, timeout="30s") as client:
        parts = _partitions(releases, settings.CLUSTER_PARTITION_SIZE)
        futures = client.map(extract_partition, parts, model=model, pure=False)
        for future in futures:  # in order: the dataset does not depend on which worker finished first
            yield from future.result()
