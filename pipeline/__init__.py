"""Turn scraped newsroom pages into a deduplicated Parquet dataset of press releases."""
from __future__ import annotations

__version__ = "0.1.0"
