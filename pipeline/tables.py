"""Flat tables keyed by release_id, derived from the nested releases table for one-line analysis."""
from __future__ import annotations

import functools

import pyarrow as pa
import pyarrow.compute as pc
import pycountry

SPOKESPEOPLE = pa.schema([
    pa.field("release_id", pa.string(), nullable=False),
    pa.field("name", pa.string()), pa.field("role", pa.string()), pa.field("organization", pa.string()),
    pa.field("quote", pa.string()), pa.field("start", pa.int32()), pa.field("end", pa.int32()),
])
COUNTRIES = pa.schema([
    pa.field("release_id", pa.string(), nullable=False),
    pa.field("code", pa.string()), pa.field("country_name", pa.string()), pa.field("mention", pa.string()),
    pa.field("start", pa.int32()), pa.field("end", pa.int32()),
])
FIGURES = pa.schema([
    pa.field("release_id", pa.string(), nullable=False),
    pa.field("value", pa.float64()), pa.field("unit", pa.string()), pa.field("currency", pa.string()),
    pa.field("object", pa.string()), pa.field("text", pa.string()),
    pa.field("start", pa.int32()), pa.field("end", pa.int32()),
])
SCHEMAS = {"spokespeople": SPOKESPEOPLE, "countries": COUNTRIES, "figures": FIGURES}


@functools.cache
def country_name(code: str) -> str | None:
    """The common English name of an ISO 3166-1 alpha-3 code ("Syria", not "Syrian Arab Republic")."""
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return None
    return getattr(country, "common_name", None) or country.name


def _explode(releases: pa.Table, column: str) -> pa.Table:
    """One row per list element of `column`, with the release_id beside its struct fields."""
    lists = releases.column(column).combine_chunks()
    parents = pc.list_parent_indices(lists)
    items = pc.list_flatten(lists)
    fields = {"release_id": pc.take(releases.column("release_id"), parents)}
    for index in range(items.type.num_fields):
        fields[items.type.field(index).name] = pc.struct_field(items, [index])
    return pa.table(fields)


def flat_tables(releases: pa.Table) -> dict[str, pa.Table]:
    """The spokespeople, countries and figures tables of a releases table."""
    people = _explode(releases, "spokespeople")
    mentions = _explode(releases, "country_mentions")
    figures = _explode(releases, "figures")
    names = pa.array([country_name(c) for c in mentions.column("code").to_pylist()], type=pa.string())
    countries = pa.table({
        "release_id": mentions.column("release_id"), "code": mentions.column("code"), "country_name": names,
        "mention": mentions.column("text"), "start": mentions.column("start"), "end": mentions.column("end"),
    })
    return {
        "spokespeople": people.select(SPOKESPEOPLE.names).cast(SPOKESPEOPLE),
        "countries": countries.cast(COUNTRIES),
        "figures": figures.select(FIGURES.names).cast(FIGURES),
    }
