"""The one Arrow schema of the dataset; the one place a release becomes a record, and a record a row."""
from __future__ import annotations

import pyarrow as pa

from .records import CountryMention, Figure, Release, Spokesperson

SPOKESPERSON = pa.struct([
    ("name", pa.string()), ("role", pa.string()), ("organization", pa.string()),
    ("quote", pa.string()), ("start", pa.int32()), ("end", pa.int32()),
    ("rule", pa.string()), ("role_rule", pa.string()), ("organization_rule", pa.string()),
])
COUNTRY_MENTION = pa.struct([
    ("code", pa.string()), ("text", pa.string()), ("start", pa.int32()), ("end", pa.int32()), ("rule", pa.string()),
])
FIGURE = pa.struct([
    ("value", pa.float64()), ("unit", pa.string()), ("currency", pa.string()), ("object", pa.string()),
    ("text", pa.string()), ("start", pa.int32()), ("end", pa.int32()),
    ("rule", pa.string()), ("object_rule", pa.string()),
])

# Column order is the order of the data dictionary in docs/DATA.md; a test keeps the two equal.
RELEASES = pa.schema([
    pa.field("release_id", pa.string(), nullable=False),
    pa.field("sources", pa.list_(pa.string()), nullable=False),
    pa.field("url", pa.string()),
    pa.field("organization", pa.string()),
    pa.field("kind", pa.string(), nullable=False),
    pa.field("title", pa.string()),
    pa.field("summary", pa.string(), nullable=False),
    pa.field("captions", pa.list_(pa.string()), nullable=False),
    pa.field("published", pa.date32()),
    pa.field("date_text", pa.string()),
    pa.field("language", pa.string()),
    pa.field("spokespeople", pa.list_(SPOKESPERSON), nullable=False),
    pa.field("countries", pa.list_(pa.string()), nullable=False),
    pa.field("country_mentions", pa.list_(COUNTRY_MENTION), nullable=False),
    pa.field("figures", pa.list_(FIGURE), nullable=False),
    pa.field("warnings", pa.list_(pa.string()), nullable=False),
    pa.field("first_seen", pa.timestamp("ms", tz="UTC")),
    pa.field("last_seen", pa.timestamp("ms", tz="UTC")),
    pa.field("extraction_version", pa.string(), nullable=False),
])

RELEASE_VERSIONS = pa.schema([
    pa.field("release_id", pa.string(), nullable=False),
    pa.field("title", pa.string()),
    pa.field("summary", pa.string(), nullable=False),
    pa.field("seen_at", pa.timestamp("ms", tz="UTC")),
    pa.field("sources", pa.list_(pa.string()), nullable=False),
])

# The flat tables, one row per item of a releases list column and keyed by release_id, are derived
# from the item's struct: table -> (the list column, {struct field: flat column, where the names differ},
# {struct field: a column inserted after it}).
COUNTRY_NAME = pa.field("country_name", pa.string())  # the code's English name, added when the table is built
FLAT_TABLES = {
    "spokespeople": ("spokespeople", {}, {}),
    "countries": ("country_mentions", {"text": "mention"}, {"code": COUNTRY_NAME}),
    "figures": ("figures", {}, {}),
}


def _flat_schema(column: str, renamed: dict[str, str], inserted: dict[str, pa.Field]) -> pa.Schema:
    fields = [pa.field("release_id", pa.string(), nullable=False)]
    for item in RELEASES.field(column).type.value_type:
        fields.append(item.with_name(renamed.get(item.name, item.name)))
        if item.name in inserted:
            fields.append(inserted[item.name])
    return pa.schema(fields)


FLAT_SCHEMAS = {name: _flat_schema(*spec) for name, spec in FLAT_TABLES.items()}

# The incremental cache: every extracted record before dedup, with the snapshot it came from.
RECORD_CACHE = pa.schema(
    [pa.field("source_sha256", pa.string(), nullable=False), pa.field("extraction_key", pa.string(), nullable=False),
     pa.field("seen_at", pa.timestamp("ms", tz="UTC"))]
    + [f for f in RELEASES if f.name not in {"release_id", "first_seen", "last_seen", "extraction_version"}]
)


def _fields(release: Release) -> dict:
    """The columns a release has before dedup, in RECORD_CACHE's terms."""
    return {
        "sources": list(release.sources),
        "url": release.url,
        "organization": release.organization,
        "kind": release.kind,
        "title": release.title,
        "summary": release.summary,
        "captions": list(release.captions),
        "published": release.published,
        "date_text": release.date_text,
        "language": release.language,
        "spokespeople": _items(release.spokespeople, SPOKESPERSON),
        "countries": list(release.countries),
        "country_mentions": _items(release.country_mentions, COUNTRY_MENTION),
        "figures": _items(release.figures, FIGURE),
        "warnings": list(release.warnings),
    }


def _items(records: tuple[Spokesperson, ...] | tuple[CountryMention, ...] | tuple[Figure, ...],
           struct: pa.StructType) -> list[dict]:
    """The dicts of a list column: each record's attributes named by the struct's fields (the same names)."""
    return [{item.name: getattr(record, item.name) for item in struct} for record in records]


def to_cache_row(release: Release, source_sha256: str, extraction_key: str) -> dict:
    """One record: a release as extracted, with the snapshot it came from (the only place a Release becomes a row)."""
    return {"source_sha256": source_sha256, "extraction_key": extraction_key, "seen_at": release.seen_at,
            **_fields(release)}


def release_rows(records: pa.Table, *, release_ids: pa.Array, sources: pa.Array | pa.ChunkedArray,
                 first_seen: pa.Array | pa.ChunkedArray, last_seen: pa.Array | pa.ChunkedArray,
                 extraction_version: str) -> pa.Table:
    """Dataset rows from records (RECORD_CACHE rows) and the columns dedup gives them: the only place a
    dataset row is made."""
    columns = {"release_id": release_ids, "sources": sources, "first_seen": first_seen, "last_seen": last_seen,
               "extraction_version": pa.array([extraction_version] * records.num_rows, type=pa.string())}
    return pa.table([columns[f.name] if f.name in columns else records.column(f.name) for f in RELEASES],
                    schema=RELEASES)


def from_cache_row(row: dict) -> Release:
    """Rebuild the Release a cache row was made from."""
    return Release(
        sources=tuple(row["sources"]), kind=row["kind"], title=row["title"], summary=row["summary"],
        captions=tuple(row["captions"]), date_text=row["date_text"], published=row["published"],
        url=row["url"], organization=row["organization"], language=row["language"],
        spokespeople=tuple(Spokesperson(**p) for p in row["spokespeople"]),
        country_mentions=tuple(CountryMention(**m) for m in row["country_mentions"]),
        figures=tuple(Figure(**f) for f in row["figures"]),
        warnings=tuple(row["warnings"]), seen_at=row["seen_at"],
    )


def to_table(rows: list[dict], schema: pa.Schema = RELEASES) -> pa.Table:
    """Build a table with an explicit schema, nothing inferred."""
    return pa.Table.from_pylist(rows, schema=schema)
