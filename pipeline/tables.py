"""Flat tables keyed by release_id, derived from the nested lists of the releases table."""
from __future__ import annotations

import functools
import logging

import pyarrow as pa
import pyarrow.compute as pc
import pycountry

LOGGER = logging.getLogger(__name__)

SPOKESPEOPLE = pa.schema([
    pa.field("release_id", pa.string(), nullable=False),
    pa.field("name", pa.string()),
    pa.field("role", pa.string()),
    pa.field("organization", pa.string()),
    pa.field("quote", pa.string()),
    pa.field("start", pa.int32()),
    pa.field("end", pa.int32()),
    pa.field("rule", pa.string()),
    pa.field("role_rule", pa.string()),
    pa.field("organization_rule", pa.string()),
])
COUNTRIES = pa.schema([
    pa.field("release_id", pa.string(), nullable=False),
    pa.field("code", pa.string()),
    pa.field("country_name", pa.string()),
    pa.field("mention", pa.string()),
    pa.field("start", pa.int32()),
    pa.field("end", pa.int32()),
    pa.field("rule", pa.string()),
])
FIGURES = pa.schema([
    pa.field("release_id", pa.string(), nullable=False),
    pa.field("value", pa.float64()),
    pa.field("unit", pa.string()),
    pa.field("currency", pa.string()),
    pa.field("object", pa.string()),
    pa.field("text", pa.string()),
    pa.field("start", pa.int32()),
    pa.field("end", pa.int32()),
    pa.field("rule", pa.string()),
    pa.field("object_rule", pa.string()),
])
SCHEMAS = {"spokespeople": SPOKESPEOPLE, "countries": COUNTRIES, "figures": FIGURES}
# Table -> (the releases list column it flattens, {flat column: struct field, where the names differ}).
_SOURCES = {
    "spokespeople": ("spokespeople", {}),
    "countries": ("country_mentions", {"mention": "text"}),
    "figures": ("figures", {}),
}


@functools.cache
def country_name(code: str) -> str | None:
    """Return the common English name of an ISO 3166-1 alpha-3 code ("Syria"), None when pycountry lacks it."""
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return None
    return getattr(country, "common_name", None) or country.name


def flat_tables(releases: pa.Table) -> dict[str, pa.Table]:
    """Flatten a releases table's spokespeople, country_mentions and figures lists into three tables."""
    tables = {}
    for name, schema in SCHEMAS.items():
        column, renamed = _SOURCES[name]
        items, release_ids = _explode(releases, column)
        columns = {"release_id": release_ids}
        for field in schema:
            if field.name == "release_id":
                continue
            if field.name == "country_name":
                columns[field.name] = _country_names(pc.struct_field(items, "code"))
            else:
                columns[field.name] = pc.struct_field(items, renamed.get(field.name, field.name))
        tables[name] = pa.table(columns).cast(schema)
    return tables


def _explode(releases: pa.Table, column: str) -> tuple[pa.Array, pa.Array]:
    """Return the flattened list items of a column and, aligned with them, the release_id of each."""
    lists = releases.column(column).combine_chunks()
    parents = pc.list_parent_indices(lists)  # relative to the array, slices included
    return pc.list_flatten(lists), pc.take(releases.column("release_id"), parents)


def _country_names(codes: pa.Array) -> pa.Array:
    # One pycountry lookup per distinct code, then a vectorised take: a few hundred lookups for any size.
    distinct = pc.unique(codes)
    names = pa.array([country_name(code) if code is not None else None for code in distinct.to_pylist()],
                     type=pa.string())
    return pc.take(names, pc.index_in(codes, value_set=distinct))
