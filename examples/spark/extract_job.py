"""Run `entente extract` as the pipe stage of a Spark job and write Parquet.

The job reads articles, turns each one into a manifest line with its text
inline, pipes every partition through one `entente extract --manifest -`
process (`RDD.pipe`), parses the JSON records that come back and writes them
as a Parquet dataset with one row per article.

Input, the first argument, is one of:

* a JSON Lines manifest (a path ending in `.jsonl`), as `entente extract
  --manifest` reads it: `id`, optional `published` and `lang`, and either an
  inline `text` or a `file` relative to the manifest's folder. This is how
  publication dates and languages reach the job.
* a folder of plain-text `.txt` articles: the id is the file name without
  `.txt`, there is no publication date (relative dates stay `null`) and the
  language is detected.

Paths are anything Spark reads (a local path, `hdfs://...`, `s3a://...`); the
texts are read by the executors, not by the driver. Texts must be UTF-8 or
UTF-16 with a byte-order mark: entente's guessing of legacy charsets works on
the bytes of a file, and the job hands it decoded text.

Output: a Parquet folder (`--out`) with the columns

    id, lang, published          strings (published is YYYY-MM-DD or null)
    countries, sectors           array<string>
    persons, events,
    agreements, quotes           the record's lists as JSON strings
    extra                        JSON object of any other top-level field, or null

Every row carries its article id, so the order of partitions does not matter.
An article that cannot be read, or for which entente prints no record, is
listed on stderr at the end and the exit status is 1; the other articles are
still written. The status is 2 on a usage error (bad arguments, no input,
duplicate ids).

    python extract_job.py ../articles.jsonl --out records.parquet \
        --entente ../../target/release/entente
"""

import argparse
import json
import os
import posixpath
import re
import shlex
import shutil
import subprocess
import sys
import time

# The record's fields and where each goes in a row. entente prints every one
# of them in every record; `extra` catches fields a later version may add.
SCALAR_FIELDS = ("id", "lang", "published")
CODE_LIST_FIELDS = ("countries", "sectors")
ITEM_LIST_FIELDS = ("persons", "events", "agreements", "quotes")
RECORD_FIELDS = SCALAR_FIELDS + CODE_LIST_FIELDS + ITEM_LIST_FIELDS
COLUMNS = RECORD_FIELDS + ("extra",)

# How many failed articles are listed before "... and N more".
SHOWN_FAILURES = 10

# The URI scheme and authority of a path ("hdfs://namenode:8020", "file:"),
# if any, and the rest; a manifest's `file` entries are resolved on the rest.
URI_PREFIX = re.compile(r"^((?:[A-Za-z][A-Za-z0-9+.-]+:(?://[^/]*)?)?)(.*)$")


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description="Extract entente records from articles with Spark and write them to Parquet.",
        epilog="See examples/spark/README.md for cluster use.",
    )
    parser.add_argument(
        "input",
        help="a JSON Lines manifest (*.jsonl) or a folder of .txt articles; "
        "a local path or any URL Spark reads (hdfs://, s3a://)",
    )
    parser.add_argument("--out", required=True, help="the Parquet folder to write")
    parser.add_argument(
        "--entente",
        default="entente",
        help="the entente binary as the executors see it: a name on the PATH "
        "(default: entente), a path, or ./entente for a binary shipped with "
        "spark-submit --files",
    )
    parser.add_argument(
        "--master",
        help="Spark master URL (default: local[2], or spark-submit's --master "
        "when the job runs under spark-submit)",
    )
    parser.add_argument(
        "--partitions",
        type=int,
        help="how many partitions, and so entente processes, to run "
        "(default: Spark's default parallelism)",
    )
    parser.add_argument(
        "--overwrite", action="store_true", help="replace the --out folder if it exists"
    )
    args = parser.parse_args(argv)
    if args.partitions is not None and args.partitions < 1:
        parser.error("--partitions must be at least 1")
    return args


# --- Articles to manifest lines -------------------------------------------
#
# Every article becomes a tuple ("ready", id, manifest line, origin) or
# ("failed", id, reason, origin); `origin` names the file or manifest line in
# messages. These functions run on the executors.


def manifest_line(article_id, text, published, lang):
    """One line of an entente manifest with the text inline; json.dumps
    escapes newlines, so the article stays on one line of the pipe."""
    entry = {"id": article_id, "published": published, "text": text}
    if lang is not None:
        entry["lang"] = lang
    return json.dumps(entry, ensure_ascii=False)


def decode_text(data):
    """Decodes an article's bytes as entente decodes a file, for the
    charsets that need no guessing: UTF-8, and UTF-8 or UTF-16 with a BOM.
    Raises ValueError with the reason otherwise."""
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith(b"\xff\xfe"):
        text = data[2:].decode("utf-16-le", errors="replace")
    elif data.startswith(b"\xfe\xff"):
        text = data[2:].decode("utf-16-be", errors="replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise ValueError(
                "not UTF-8 (nor UTF-16 with a BOM); convert it, or run "
                "`entente extract` on the file, which detects legacy charsets"
            ) from None
    if "\0" in text:
        raise ValueError("it contains NUL bytes; is it a binary file?")
    if not text.strip():
        raise ValueError("the article is empty")
    # entente reads files with \n line endings only; its byte offsets count them.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def prepare(article_id, data, published, lang, origin, path=None):
    """Turns the bytes of one article into a "ready" or a "failed" tuple;
    `path` is the file's, when `origin` is a manifest line."""
    try:
        text = decode_text(data)
    except ValueError as error:
        return ("failed", article_id, f"{path}: {error}" if path else str(error), origin)
    return ("ready", article_id, manifest_line(article_id, text, published, lang), origin)


def file_stem(path):
    name = path.rstrip("/").rsplit("/", 1)[-1]
    return name[: -len(".txt")] if name.endswith(".txt") else name


def resolve(manifest, file):
    """The path of a manifest's `file` entry: relative to the manifest's
    folder, on the manifest's file system unless it is a URL itself."""
    if URI_PREFIX.match(file).group(1):
        return file
    prefix, manifest_path = URI_PREFIX.match(manifest).groups()
    return prefix + posixpath.normpath(posixpath.join(posixpath.dirname(manifest_path), file))


def parse_manifest_entry(numbered_line, manifest):
    """Reads one manifest line. Returns None for a blank line, a "ready" or
    "failed" tuple for an inline text or a bad line, or
    ("file", (folder, file name), (id, published, lang, origin, path)) for an
    article whose text is in a file."""
    line, index = numbered_line
    origin = f"{manifest}:{index + 1}"
    if not line.strip():
        return None
    try:
        entry = json.loads(line)
    except ValueError as error:
        return ("failed", None, f"not JSON: {error}", origin)
    if not isinstance(entry, dict):
        return ("failed", None, "not a JSON object", origin)
    article_id = entry.get("id")
    if not isinstance(article_id, str) or not article_id.strip():
        return ("failed", None, "no `id`", origin)
    # `published` and `lang` go to entente as they are; it checks them.
    published, lang = entry.get("published"), entry.get("lang")
    text, file = entry.get("text"), entry.get("file")
    if text is not None and file is not None:
        return ("failed", article_id, "both `file` and `text`", origin)
    if isinstance(text, str):
        if not text.strip():
            return ("failed", article_id, "the article is empty", origin)
        return ("ready", article_id, manifest_line(article_id, text, published, lang), origin)
    if isinstance(file, str) and file:
        path = resolve(manifest, file)
        folder, name = path.rsplit("/", 1) if "/" in path else (".", path)
        return ("file", (folder, name), (article_id, published, lang, origin, path))
    return ("failed", article_id, "no `file` or `text`", origin)


def prepare_joined(joined):
    """A manifest's file entry joined with the bytes of its file, or None."""
    (_folder, _name), ((article_id, published, lang, origin, path), data) = joined
    if data is None:
        return ("failed", article_id, f"{path}: no such file", origin)
    return prepare(article_id, data, published, lang, origin, path)


def keyed_by_name(folder):
    """A function that keys a (path, bytes) pair of `folder` by
    (folder, file name), the key of the manifest's file entries."""
    return lambda pair: ((folder, pair[0].rsplit("/", 1)[-1]), pair[1])


# --- Records to rows ------------------------------------------------------


def record_to_row(line):
    """One record printed by entente to a tuple in COLUMNS order."""
    try:
        record = json.loads(line)
    except ValueError:
        raise ValueError(f"entente printed a line that is not JSON: {line[:200]!r}") from None
    extra = {key: value for key, value in record.items() if key not in RECORD_FIELDS}
    return (
        *(record.get(field) for field in SCALAR_FIELDS + CODE_LIST_FIELDS),
        *(json.dumps(record.get(field), ensure_ascii=False) for field in ITEM_LIST_FIELDS),
        json.dumps(extra, ensure_ascii=False) if extra else None,
    )


def row_to_record(row):
    """The record a Parquet row holds, as entente printed it (parsed JSON);
    the inverse of record_to_row. `row` is a mapping by column name."""
    record = {field: row[field] for field in SCALAR_FIELDS}
    for field in CODE_LIST_FIELDS:
        value = row[field]
        record[field] = list(value) if value is not None else None
    for field in ITEM_LIST_FIELDS:
        record[field] = json.loads(row[field])
    if row["extra"] is not None:
        record.update(json.loads(row["extra"]))
    return record


def parquet_schema():
    from pyspark.sql.types import ArrayType, StringType, StructField, StructType

    return StructType(
        [StructField("id", StringType(), nullable=False)]
        + [StructField(field, StringType()) for field in SCALAR_FIELDS[1:]]
        + [StructField(field, ArrayType(StringType())) for field in CODE_LIST_FIELDS]
        + [StructField(field, StringType()) for field in ITEM_LIST_FIELDS]
        + [StructField("extra", StringType())]
    )


# --- The job --------------------------------------------------------------


def fail(message, status=2):
    print(f"error: {message}", file=sys.stderr)
    sys.exit(status)


def start_spark(master):
    """A SparkSession. Run with python, this process starts Spark itself: on
    `master` (local[2] by default), with the web UI off, quiet logs and, in
    local mode, this interpreter (the venv's) for the Python workers. Under
    spark-submit, spark-submit's settings stand and `master`, if given, wins."""
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("entente-extract")
    started_here = "PYSPARK_GATEWAY_PORT" not in os.environ
    if started_here:
        master = master or "local[2]"
        log_config = os.path.join(os.path.dirname(os.path.abspath(__file__)), "log4j2.properties")
        builder = (
            builder.config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.driver.extraJavaOptions", f"-Dlog4j2.configurationFile=file:{log_config}")
        )
        if master.startswith("local"):
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    if master:
        builder = builder.master(master)
    spark = builder.getOrCreate()
    if started_here:
        spark.sparkContext.setLogLevel("ERROR")
    return spark


def hadoop_path(spark, path):
    """`path` as a Hadoop Path and its file system, through which Spark
    reads; hdfs:// and s3a:// paths work as local ones do."""
    path = spark.sparkContext._jvm.org.apache.hadoop.fs.Path(path)
    return path, path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())


def path_exists(spark, path):
    path, file_system = hadoop_path(spark, path)
    return file_system.exists(path)


def folder_articles(spark, folder, partitions):
    """Every .txt file of `folder` as a "ready" or "failed" tuple."""
    pattern = folder.rstrip("/") + "/*.txt"
    path, file_system = hadoop_path(spark, pattern)
    if not file_system.globStatus(path):
        fail(f"{folder}: no .txt files (give a folder of .txt articles or a .jsonl manifest)")
    files = spark.sparkContext.binaryFiles(pattern, minPartitions=partitions)
    return files.map(lambda pair: prepare(file_stem(pair[0]), pair[1], None, None, pair[0]))


def manifest_articles(spark, manifest, partitions):
    """Every article of a manifest as a "ready" or "failed" tuple; the files
    it names are read, a folder at a time, by the executors."""
    from pyspark import StorageLevel

    sc = spark.sparkContext
    if not path_exists(spark, manifest):
        fail(f"{manifest}: no such manifest")
    entries = (
        sc.textFile(manifest, minPartitions=partitions)
        .zipWithIndex()
        .map(lambda numbered: parse_manifest_entry(numbered, manifest))
        .filter(lambda entry: entry is not None)
        .persist(StorageLevel.MEMORY_AND_DISK)
    )
    inline = entries.filter(lambda entry: entry[0] != "file")
    files = entries.filter(lambda entry: entry[0] == "file").map(lambda entry: (entry[1], entry[2]))
    folders = files.map(lambda pair: pair[0][0]).distinct().collect()
    # A folder that does not exist leaves its articles without bytes:
    # they fail one by one, as in entente, instead of failing the job.
    texts = [
        sc.binaryFiles(folder, minPartitions=1).map(keyed_by_name(folder))
        for folder in sorted(folders)
        if path_exists(spark, folder)
    ]
    if texts:
        joined = files.leftOuterJoin(sc.union(texts), numPartitions=partitions)
    else:
        joined = files.map(lambda pair: (pair[0], (pair[1], None)))
    return inline.union(joined.map(prepare_joined))


def failure_order(failure):
    """Failures sorted by origin, manifest lines in their order."""
    article_id, _reason, origin = failure
    where, _colon, line = origin.rpartition(":")
    return (where, int(line), "") if line.isdigit() else (origin, 0, article_id or "")


def report_failures(failures, count):
    for article_id, reason, origin in failures:
        article = f" article {json.dumps(article_id, ensure_ascii=False)}:" if article_id else ""
        print(f"error: {origin}:{article} {reason}", file=sys.stderr)
    if count > len(failures):
        print(f"error: ... and {count - len(failures)} more", file=sys.stderr)


def main(argv):
    args = parse_args(argv)
    started = time.monotonic()
    # Run with python and no --master, or a local one: Spark runs here.
    local = "PYSPARK_GATEWAY_PORT" not in os.environ and (args.master or "local").startswith("local")

    # The pipe runs entente with this environment only (RDD.pipe passes none
    # by default), so a bare name is looked up on the driver's PATH.
    pipe_env = {"PATH": os.environ.get("PATH", os.defpath)}
    entente = args.entente
    if local:
        # Check the binary here, where a mistake is cheap to explain.
        found = shutil.which(entente, path=pipe_env["PATH"])
        if found is None:
            fail(f"{entente}: no such program (give --entente PATH, e.g. target/release/entente)")
        entente = os.path.abspath(found) if os.sep in entente else entente
        probe = subprocess.run([found, "--version"], capture_output=True, text=True)
        if probe.returncode != 0:
            fail(f"{entente} --version failed: {probe.stderr.strip()}")

    spark = start_spark(args.master)
    sc = spark.sparkContext
    from operator import add

    from pyspark import StorageLevel

    partitions = args.partitions or sc.defaultParallelism
    if not args.overwrite and path_exists(spark, args.out):
        fail(f"{args.out} exists; give --overwrite to replace it")

    if args.input.endswith(".jsonl"):
        articles = manifest_articles(spark, args.input, partitions)
    else:
        articles = folder_articles(spark, args.input, partitions)
    # Kept so that the checks after the write do not read the texts again.
    articles = articles.persist(StorageLevel.MEMORY_AND_DISK)

    duplicates = (
        articles.filter(lambda article: article[1] is not None)
        .map(lambda article: (article[1], 1))
        .reduceByKey(add)
        .filter(lambda pair: pair[1] > 1)
        .keys()
        .take(SHOWN_FAILURES)
    )
    if duplicates:
        fail(f"ids given to more than one article: {', '.join(sorted(duplicates))}")

    # One entente process per partition; each Spark task has spark.task.cpus
    # cores, so entente gets as many threads.
    task_cpus = sc.getConf().get("spark.task.cpus", "1")
    command = shlex.join([entente, "extract", "--manifest", "-", "--jobs", task_cpus])
    ready = articles.filter(lambda article: article[0] == "ready")
    records = ready.map(lambda article: article[2]).coalesce(partitions).pipe(command, env=pipe_env)
    rows = records.map(record_to_row)
    spark.createDataFrame(rows, parquet_schema()).write.mode(
        "overwrite" if args.overwrite else "errorifexists"
    ).parquet(args.out)

    # What did not make it: articles that could not be read, and articles
    # entente printed no record for (its own message went to the executor's
    # stderr, which is this console in local mode).
    written = spark.read.parquet(args.out).select("id").rdd.map(lambda row: (row[0], None))
    written_count = written.count()
    no_record = "entente printed no record (see its error above, or in the executor's log)"
    missing = (
        ready.map(lambda article: (article[1], article[3]))
        .subtractByKey(written)
        .map(lambda pair: (pair[0], no_record, pair[1]))
    )
    unreadable = articles.filter(lambda article: article[0] == "failed").map(
        lambda article: (article[1], article[2], article[3])
    )
    failures = unreadable.union(missing).persist(StorageLevel.MEMORY_AND_DISK)
    failure_count = failures.count()
    total = articles.count()
    report_failures(failures.takeOrdered(SHOWN_FAILURES, key=failure_order), failure_count)
    spark.stop()

    elapsed = time.monotonic() - started
    print(f"{written_count} records of {total} articles written to {args.out} in {elapsed:.1f}s")
    if failure_count:
        print(f"{failure_count} of {total} articles failed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
