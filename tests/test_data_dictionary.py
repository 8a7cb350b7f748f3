"""docs/DATA.md documents every table and column exactly as the Arrow schemas define them."""
from __future__ import annotations

import re

import pyarrow as pa
import pytest

from pipeline.schema import RELEASE_VERSIONS, RELEASES
from pipeline.tables import SCHEMAS

from .conftest import REPO

DOC = (REPO / "docs" / "DATA.md").read_text(encoding="utf-8")


def _documented(table: str) -> list[tuple[str, str]]:
    section = re.search(rf"^## {table}\n(.*?)(?=^## |\Z)", DOC, re.MULTILINE | re.DOTALL)
    assert section, f"docs/DATA.md has no section for {table}"
    rows = [line for line in section.group(1).splitlines() if line.startswith("| ") and "---" not in line]
    return [tuple(cell.strip() for cell in row.strip("|").split("|")[:2]) for row in rows[1:]]


def _type_name(data_type: pa.DataType) -> str:
    if pa.types.is_list(data_type):
        return f"list<{_type_name(data_type.value_type)}>"
    if pa.types.is_struct(data_type):
        inner = ", ".join(f"{f.name}: {_type_name(f.type)}" for f in data_type)
        return f"struct<{inner}>"
    if pa.types.is_timestamp(data_type):
        return f"timestamp[{data_type.unit}, {data_type.tz}]"
    return {"large_string": "string", "date32[day]": "date32"}.get(str(data_type), str(data_type))


@pytest.mark.parametrize(
    ("table", "schema"),
    [("releases", RELEASES), ("release_versions", RELEASE_VERSIONS), *SCHEMAS.items()],
)
def test_every_column_is_documented_with_its_type(table: str, schema: pa.Schema):
    assert _documented(table) == [(field.name, _type_name(field.type)) for field in schema]
