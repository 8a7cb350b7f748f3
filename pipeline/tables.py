"""Flat tables keyed by release_id, derived from the nested lists of the releases table."""
from __future__ import annotations

import functools

import pyarrow as pa
import pyarrow.compute as pc
import pycountry

from .schema import COUNTRY_NAME, FLAT_SCHEMAS, FLAT_TABLES

SCHEMAS = FLAT_SCHEMAS  # table name -> its Arrow schema, each derived from a releases list column


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
    for name, (column, renamed, _inserted) in FLAT_TABLES.items():
        struct_field = {flat: item for item, flat in renamed.items()}
        items, release_ids = _explode(releases, column)
        columns = {"release_id": release_ids}
        for field in SCHEMAS[name]:
            if field.name == "release_id":
                continue
            if field.name == COUNTRY_NAME.name:
                columns[field.name] = _country_names(pc.struct_field(items, "code"))
            else:
                columns[field.name] = pc.struct_field(items, struct_field.get(field.name, field.name))
        tables[name] = pa.table(columns).cast(SCHEMAS[name])
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
