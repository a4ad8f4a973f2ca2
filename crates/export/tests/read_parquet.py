#!/usr/bin/env python3
"""Reads an entente Parquet export back with an independent reader (pyarrow)
and checks it against the JSON Lines export of the same store: the same
tables, the same row counts, the same columns in the same order, the types
of docs/export-schema.md (string or int64, nullable only where documented)
and the same values. CI runs it after `entente export` in both formats.

Usage: read_parquet.py JSONL_DIR PARQUET_DIR
"""

import json
import pathlib
import sys

import pyarrow as pa
import pyarrow.parquet as pq


def documented_types(schema_doc):
    """Maps (table, column) to (type, nullable) from docs/export-schema.md."""
    types = {}
    table = None
    for line in schema_doc.read_text(encoding="utf-8").splitlines():
        if line.startswith("## `"):
            table = line[4:].rstrip("`")
        elif table and line.startswith("| `"):
            cells = [cell.strip() for cell in line.strip("|").split("|")]
            column = cells[0].strip("`")
            kind = cells[1].split(",")[0].strip()
            types[(table, column)] = (kind, "null" in cells[1])
    return types


def main():
    jsonl_dir, parquet_dir = (pathlib.Path(arg) for arg in sys.argv[1:3])
    root = pathlib.Path(__file__).resolve().parents[3]
    types = documented_types(root / "docs" / "export-schema.md")
    arrow_types = {"string": pa.string(), "int64": pa.int64()}
    failures = []
    tables = sorted(path.stem for path in jsonl_dir.glob("*.jsonl"))
    if not tables:
        failures.append(f"{jsonl_dir}: no JSONL tables")
    for name in tables:
        rows = [
            json.loads(line)
            for line in (jsonl_dir / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        ]
        table = pq.read_table(parquet_dir / f"{name}.parquet")
        columns = [(t, c) for (t, c) in types if t == name]
        expected_names = [c for (_, c) in columns]
        if table.column_names != expected_names:
            failures.append(f"{name}: columns {table.column_names} != {expected_names}")
            continue
        for field in table.schema:
            kind, nullable = types[(name, field.name)]
            if field.type != arrow_types[kind] or field.nullable != nullable:
                failures.append(
                    f"{name}.{field.name}: {field.type} nullable={field.nullable}, "
                    f"documented {kind} nullable={nullable}"
                )
        if table.num_rows != len(rows):
            failures.append(f"{name}: {table.num_rows} Parquet rows, {len(rows)} JSONL rows")
        elif table.to_pylist() != rows:
            failures.append(f"{name}: the values differ from the JSONL export")
        print(f"{name}: {table.num_rows} rows, {table.num_columns} columns")
    for failure in failures:
        print(f"error: {failure}", file=sys.stderr)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
