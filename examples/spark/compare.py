"""Check that the Spark job wrote the records entente prints by itself.

Reads the Parquet folder written by extract_job.py (with Spark, in local
mode), turns every row back into the record it holds, and compares it with
the records of `entente extract --manifest MANIFEST` run directly, or with a
JSON Lines file of records given by --expected. The two sides must have the
same set of ids and, for each id, the same record as parsed JSON (key order
and whitespace do not matter; list order does).

    python compare.py records.parquet --manifest ../articles.jsonl \
        --entente ../../target/release/entente

Prints one line and exits 0 when they match; otherwise lists the ids missing
on either side and the fields that differ, and exits 1. Exits 2 when an input
cannot be read.
"""

import argparse
import json
import os
import subprocess
import sys

# The job's row layout and its inverse live in the job itself; importing it
# leaves no __pycache__ behind in the source tree.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import extract_job  # noqa: E402

# How many ids or differences are shown for each kind of mismatch.
SHOWN = 10
# How much of a differing value is shown.
EXCERPT = 160
# Stands for a field or list item one side does not have.
ABSENT = object()


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description="Compare the Spark job's Parquet output with entente's own records."
    )
    parser.add_argument("parquet", help="the Parquet folder written by extract_job.py")
    expected = parser.add_mutually_exclusive_group(required=True)
    expected.add_argument("--manifest", help="run `entente extract --manifest` on this manifest")
    expected.add_argument("--expected", help="a JSON Lines file of records to compare with")
    parser.add_argument(
        "--entente", default="entente", help="the entente binary for --manifest (default: entente)"
    )
    return parser.parse_args(argv)


def fail(message):
    print(f"error: {message}", file=sys.stderr)
    sys.exit(2)


def parse_records(lines, origin):
    """Records by id from JSON Lines; a repeated id is an error."""
    records = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as error:
            fail(f"{origin}:{number}: not JSON: {error}")
        if not isinstance(record, dict):
            fail(f"{origin}:{number}: not a JSON object")
        if record.get("id") in records:
            fail(f"{origin}:{number}: id {record.get('id')!r} appears twice")
        records[record.get("id")] = record
    return records


def expected_records(args):
    if args.expected:
        try:
            with open(args.expected, encoding="utf-8") as file:
                return parse_records(file, args.expected)
        except OSError as error:
            fail(f"{args.expected}: {error.strerror}")
    command = [args.entente, "extract", "--manifest", args.manifest]
    try:
        run = subprocess.run(command, capture_output=True, text=True, encoding="utf-8")
    except OSError as error:
        fail(f"{args.entente}: {error.strerror}")
    if run.returncode != 0:
        fail(f"`{' '.join(command)}` exited with status {run.returncode}:\n{run.stderr.strip()}")
    return parse_records(run.stdout.splitlines(), "entente's output")


def spark_records(path):
    """Records by id from the job's Parquet folder, and any problem with its
    layout (columns, repeated ids) as messages."""
    spark = extract_job.start_spark("local[1]")
    try:
        if not extract_job.path_exists(spark, path):
            fail(f"{path}: no such Parquet folder")
        frame = spark.read.parquet(path)
        problems = []
        if tuple(frame.columns) != extract_job.COLUMNS:
            problems.append(
                f"columns are {', '.join(frame.columns)}; "
                f"expected {', '.join(extract_job.COLUMNS)}"
            )
            return {}, problems
        records = {}
        for row in frame.collect():
            record = extract_job.row_to_record(row.asDict())
            if record["id"] in records:
                problems.append(f"id {record['id']!r} has more than one row")
            records[record["id"]] = record
        return records, problems
    finally:
        spark.stop()


def excerpt(value):
    if value is ABSENT:
        return "(absent)"
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= EXCERPT else text[: EXCERPT - 3] + "..."


def differences(spark_record, expected_record):
    """Lines naming each top-level field whose values differ, with both
    values; for two lists, the first item where they part."""
    lines = []
    for field in sorted(set(spark_record) | set(expected_record)):
        ours, theirs = spark_record.get(field, ABSENT), expected_record.get(field, ABSENT)
        if ours == theirs:
            continue
        name = field
        if isinstance(ours, list) and isinstance(theirs, list):
            index = next(
                (i for i, (a, b) in enumerate(zip(ours, theirs)) if a != b),
                min(len(ours), len(theirs)),
            )
            name = f"{field}[{index}] (of {len(ours)} and {len(theirs)})"
            ours = ours[index] if index < len(ours) else ABSENT
            theirs = theirs[index] if index < len(theirs) else ABSENT
        lines.append(f"    {name}: spark    {excerpt(ours)}")
        lines.append(f"    {' ' * len(name)}  expected {excerpt(theirs)}")
    return lines


def listed(ids):
    shown = ", ".join(sorted(ids)[:SHOWN])
    return shown + (f" and {len(ids) - SHOWN} more" if len(ids) > SHOWN else "")


def main(argv):
    args = parse_args(argv)
    expected = expected_records(args)
    actual, problems = spark_records(args.parquet)
    reference = args.expected or f"`entente extract --manifest {args.manifest}`"

    only_spark = actual.keys() - expected.keys()
    only_entente = expected.keys() - actual.keys()
    if only_spark:
        problems.append(f"{len(only_spark)} ids only in the Spark output: {listed(only_spark)}")
    if only_entente:
        problems.append(f"{len(only_entente)} ids only in the expected records: {listed(only_entente)}")
    differing = sorted(i for i in actual.keys() & expected.keys() if actual[i] != expected[i])
    if differing:
        problems.append(f"{len(differing)} records differ: {listed(differing)}")
        for article_id in differing[:SHOWN]:
            problems.append(f"  {article_id}:")
            problems.extend(differences(actual[article_id], expected[article_id]))

    if problems:
        print(f"MISMATCH between {args.parquet} and {reference}:", file=sys.stderr)
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1
    print(f"identical: the {len(actual)} records in {args.parquet} match {reference}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
