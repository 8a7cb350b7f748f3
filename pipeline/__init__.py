"""Turn scraped newsroom pages into a deduplicated Parquet dataset of press releases.

Library entry points (the CLI commands call the same functions):
    pipeline.run(raw, out)            build the dataset from raw pages
    pipeline.extract_text(text)       the releases the pipeline would make of a piece of text
    pipeline.load(out, table, ...)    a table of the dataset as a pandas DataFrame, filters pushed down
    pipeline.sql("SELECT ...", out)   DuckDB over every table of the dataset
"""
from __future__ import annotations

import hashlib
import re
from typing import TYPE_CHECKING, Any

from . import settings
from .errors import ConfigError

if TYPE_CHECKING:
    from .records import Release

__version__ = "0.1.0"
__all__ = ["extract_text", "load", "run", "sql", "stats"]

_SURROGATE = re.compile("[\ud800-\udfff]")


def extract_text(text: str, *, model: str = settings.DEFAULT_MODEL, source: str = "<text>") -> list[Release]:
    """Split and extract a piece of text exactly as the pipeline would a raw page."""
    from .extract.parallel import extract_partition
    from .read import clean_line
    from .records import Page
    from .split import split

    if not isinstance(text, str):
        raise ConfigError(f"extract_text takes a str, not {type(text).__name__}")
    text = _SURROGATE.sub("\ufffd", text)  # half a UTF-16 pair cannot be encoded, hashed or stored
    blocks = tuple(line for line in (clean_line(x) for x in text.splitlines()) if line)
    page = Page(source=source, blocks=blocks, sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())
    return extract_partition(split(page), model) if blocks else []


def __getattr__(name: str) -> Any:
    # Heavy imports (spaCy, DuckDB) wait until a user asks for the function that needs them.
    if name == "run":
        from .run import run

        return run
    if name in {"load", "sql", "stats"}:
        from . import query

        return getattr(query, name)
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
