"""The Spark job: the same Pipeline once per partition over an archive, Parquet out.

``bilat spark INPUT... OUTPUT`` runs it (in local mode unless ``--master`` says otherwise);
on a cluster, ``spark-submit`` this file (``python -m bilat.spark --where`` prints its path)
with the same arguments. Inputs are files or folders on any file system Spark reads (local,
HDFS, S3, GCS): JSON Lines, gzip and zstd JSON Lines, WARC, WARC.gz, Parquet, text and HTML,
each read by bilat's own readers, so every article becomes the Document ``bilat code`` makes.

The job codes each partition with :meth:`Pipeline.pipe`, then combines partitions with
:mod:`bilat.partitions` (stories joined by their MinHash signatures, mentions merged into
events, agreements widened), re-codes the few undated documents whose story turned out to
have a date in another partition, and writes OUTPUT as a bilat store in Parquet::

    OUTPUT/events/year=2023/part-….parquet     one row per event (``sources`` merged)
    OUTPUT/mentions/year=…/                    one row per event as each document tells it
    OUTPUT/agreement_steps/year=…/             agreement lifecycle steps
    OUTPUT/documents/  agreements/  story_index/  errors/
    OUTPUT/_bilat.json                         schema version, story parameters, counts

``year`` is the event's year (``__HIVE_DEFAULT_PARTITION__`` when undated). Every ``bilat``
read command and the dashboard open OUTPUT as a store: ``bilat timeline PAK USA --db OUTPUT``.

Spark is imported only here, and this module only by ``bilat spark``.
"""
from __future__ import annotations

import json
import os
import sys
import warnings
from collections.abc import Iterable, Iterator
from datetime import date

from bilat.errors import BilatError, InputError
from bilat.settings import Settings

# Tables written, with the store column that gives each row's year partition (None: none).
TABLES = {"events": "event_date", "mentions": "event_date", "agreement_steps": "event_date",
          "documents": None, "agreements": None, "story_index": None, "errors": None}
ERROR_COLUMNS = ("code", "path", "line", "message")
MAX_JUMPS = 64  # pointer-jumping rounds when resolving stories: chains up to 2**64 long

_PIPELINES: dict[Settings, object] = {}  # one loaded model per Python worker process


def run(spark, inputs: Iterable[str], output: str, *, settings: Settings | None = None,
        partitions: int | None = None) -> dict[str, int]:
    """Code ``inputs`` on ``spark`` and write the Parquet store at ``output`` (replaced).

    Args:
        spark: a ``SparkSession``.
        inputs: files or folders (any Hadoop file system URI).
        output: the folder to write.
        settings: the Settings every partition's Pipeline uses.
        partitions: spread the input files over this many tasks, file i (in input order) to
            task i mod N; by default Spark's own split (files packed up to
            ``spark.sql.files.maxPartitionBytes``, a file never split).

    Returns:
        Row counts of each table written.
    """
    from pyspark import StorageLevel

    settings = settings or Settings.from_env()
    sc = spark.sparkContext
    files = _list_files(spark, list(inputs))
    if not files:
        raise BilatError("E104", "no input file of a kind bilat reads", path=", ".join(inputs))
    order = sc.broadcast({path: number for number, path in enumerate(files)})
    rdd = (spark.read.format("binaryFile").option("recursiveFileLookup", "true")
           .load(sorted(files)).select("path", "content").rdd.map(tuple))
    if partitions:  # file i to task i mod N: the same split at every run
        rdd = (rdd.map(lambda row: (order.value[row[0]], row))
               .partitionBy(partitions, lambda number: number % partitions).values())
    coded = rdd.mapPartitions(lambda rows: _code_partition(rows, settings, order.value))
    coded = coded.persist(StorageLevel.MEMORY_AND_DISK)
    # combining moves far less data than coding: as many tasks as the cluster has cores
    width = max(1, min(coded.getNumPartitions(), sc.defaultParallelism))

    # a doc_id read twice (in two files of two partitions) is one document: the first read
    repeats = sc.broadcast(frozenset(
        coded.filter(lambda item: item[0] == "document").map(lambda item: _id_and_ordinal(item[1]))
        .groupByKey(width).flatMap(lambda kv: [(kv[0], o) for o in sorted(kv[1])[1:]]).collect()))

    def rows(kind: str):
        found = coded.filter(lambda item: item[0] == kind).map(lambda item: json.loads(item[1]))
        if kind == "error" or not repeats.value:
            return found
        return found.filter(lambda row: (row["doc_id"], row["ordinal"]) not in repeats.value)

    documents = rows("document")
    stories = _join_stories(rows("signature"), settings, width)  # doc_id → (story_id, story date)
    documents = documents.map(lambda d: (d["doc_id"], d)).join(stories, width).map(
        lambda kv: _with_story(kv[1][0], *kv[1][1])).persist(StorageLevel.MEMORY_AND_DISK)
    # undated documents whose story had a date they could not see in their partition
    stale = documents.filter(lambda d: d["_published_date"] is None and d["_story_date"] != d["_story_date_seen"])
    recoded = stale.mapPartitions(lambda docs: _recode(docs, settings)).persist(StorageLevel.MEMORY_AND_DISK)
    redone = set(stale.map(lambda d: d["doc_id"]).collect())

    story_of = documents.map(lambda d: (d["doc_id"], d["story_id"]))
    mentions = _restory(rows("mention").filter(lambda m: m["doc_id"] not in redone)
                        .union(recoded.filter(lambda i: i[0] == "mention").map(lambda i: json.loads(i[1]))),
                        story_of, width)
    steps = _restory(rows("step").filter(lambda s: s["doc_id"] not in redone)
                     .union(recoded.filter(lambda i: i[0] == "step").map(lambda i: json.loads(i[1]))),
                     story_of, width)
    merged = (mentions.map(lambda m: (_merge_key(m), m)).groupByKey(width)
              .flatMap(lambda kv: _merge_group(kv[1])).persist(StorageLevel.MEMORY_AND_DISK))
    agreements = (rows("agreement").map(lambda a: (a["agreement_key"], a)).groupByKey(width)
                  .map(lambda kv: _fold(kv[1])))
    tables = {
        "events": merged.filter(lambda i: i[0] == "event").map(lambda i: i[1]),
        "mentions": merged.filter(lambda i: i[0] == "mention").map(lambda i: i[1]),
        "agreement_steps": steps,
        "documents": documents,
        "agreements": agreements,
        "story_index": rows("signature").map(lambda s: (s["doc_id"], s)).join(story_of, width).map(
            lambda kv: dict(kv[1][0], story_id=kv[1][1])),
        "errors": rows("error"),
    }
    counts = {name: _write(spark, rdd, output, name) for name, rdd in tables.items()}
    _write_meta(spark, output, settings, counts)
    coded.unpersist()
    return counts


# --- reading ---------------------------------------------------------------------------------

def _list_files(spark, inputs: list[str]) -> list[str]:
    """Every file under ``inputs`` that bilat reads, in the order ``bilat code`` reads them
    (path components sorted, as its folder walk is)."""
    from bilat.stages.read import _known

    try:
        listed = (spark.read.format("binaryFile").option("recursiveFileLookup", "true")
                  .load(inputs).select("path").collect())
    except Exception as exc:  # AnalysisException: a path that does not exist
        if "PATH_NOT_FOUND" in str(exc) or "does not exist" in str(exc):
            raise BilatError("E106", str(exc).splitlines()[0], path=", ".join(inputs)) from exc
        raise
    paths = {row.path for row in listed}
    wanted = [p for p in paths if _known(p.rsplit("/", 1)[-1]) and not p.rsplit("/", 1)[-1].startswith(".")]
    return sorted(wanted, key=lambda p: p.split("/"))


def _local(path: str) -> str:
    """A ``file:`` URI as the plain path ``bilat code`` would print; other URIs as they are."""
    if path.startswith("file://"):
        return path[len("file://"):]
    return path[len("file:"):] if path.startswith("file:") else path


def _pipeline(settings: Settings):
    """This worker's Pipeline: the model loads once per Python worker process."""
    from bilat.pipeline import Pipeline

    if settings not in _PIPELINES:
        _PIPELINES[settings] = Pipeline(settings)
    return _PIPELINES[settings]


def _code_partition(rows: Iterable[tuple], settings: Settings, order: dict[str, int]) -> Iterator[tuple[str, str]]:
    """Code the files of one partition: (kind, JSON) items for documents, signatures,
    mentions, agreement steps, agreements and input errors."""
    from bilat.partitions import ordinal_of
    from bilat.stages.archives import read_bytes
    from bilat.stages.date import published_date
    from bilat.stages.stories import salient_terms

    pipeline = _pipeline(settings)
    pipeline = pipeline.with_stories(pipeline.new_story_index())
    files = sorted((order[path], path, content) for path, content in rows if path in order)
    errors: list[InputError] = []
    seen: set[str] = set()

    def documents():
        for number, path, content in files:
            for record, item in enumerate(read_bytes(_local(path), bytes(content))):
                if isinstance(item, InputError):
                    errors.append(item)
                elif item.doc_id not in seen:  # a repeated id is one document, as in a store
                    seen.add(item.doc_id)
                    item.meta["ordinal"] = ordinal_of(number, record)
                    yield item

    index = pipeline.stories
    for doc in pipeline.pipe(documents()):
        ordinal = doc.meta["ordinal"]
        _doc_id, story, published, near, facts = index.pending.pop(doc.doc_id)
        yield "signature", json.dumps({
            "doc_id": doc.doc_id, "ordinal": ordinal, "story_id": story,
            "published": published.isoformat() if published else None,
            "near": near.hex(), "facts": facts.hex(),
            "n_salient": len(salient_terms(doc.text, common=index.common))})
        yield from _coded_items(doc, ordinal, published_date(doc))
    for err in errors:
        yield "error", json.dumps({"code": err.code, "path": err.path, "line": err.line,
                                   "message": str(err)})


def _coded_items(doc, ordinal: int, published: date | None) -> Iterator[tuple[str, str]]:
    from bilat.store import _event_row

    yield "document", json.dumps({
        "doc_id": doc.doc_id, "origin": doc.origin, "url": doc.url, "title": doc.title,
        "published": doc.published, "published_precision": doc.published_precision,
        "content_hash": doc.content_hash, "story_id": doc.story_id, "text": doc.text,
        "ordinal": ordinal, "_published_date": published.isoformat() if published else None,
        "_story_date_seen": doc.meta.get("story_date"),
        # kept to code the document again should its story turn out to have a date
        "_raw": doc.raw if published is None else None, "_is_html": doc.is_html})
    for number, event in enumerate(doc.events):
        yield "mention", json.dumps(dict(_event_row(event), ordinal=ordinal, position=number))
    for step in doc.statuses:
        yield "step", json.dumps(dict(_step_row(step), ordinal=ordinal))
    for agreement in doc.agreements:
        yield "agreement", json.dumps({
            "agreement_key": agreement.key, "name": agreement.name, "full_name": agreement.full_name,
            "kind": agreement.kind, "parties": json.dumps(agreement.parties), "owner": agreement.owner,
            "doc_id": doc.doc_id, "ordinal": ordinal})


def _id_and_ordinal(payload: str) -> tuple[str, int]:
    row = json.loads(payload)
    return row["doc_id"], row["ordinal"]


def _step_row(step) -> dict:
    """An agreement step as the store's ``agreement_steps`` row (same id)."""
    from bilat.document import make_event_id

    step_id = make_event_id(step.doc_id, step.span[0], step.agreement, step.status, str(step.implied),
                            str(step.anchor), step.event_date or "")
    return {"step_id": step_id, "agreement_key": step.agreement, "status": step.status,
            "event_date": step.event_date, "date_precision": step.date_precision,
            "date_end": step.date_end, "actor": step.actor, "parties": json.dumps(step.parties),
            "implied": step.implied, "doc_id": step.doc_id, "story_id": step.story_id,
            "sentence": step.sentence, "span_start": step.span[0], "span_end": step.span[1],
            "confidence": step.confidence}


# --- combining partitions --------------------------------------------------------------------

def _signed(row: dict):
    from bilat.partitions import Signed

    return Signed(row["doc_id"], row["ordinal"],
                  date.fromisoformat(row["published"]) if row["published"] else None,
                  bytes.fromhex(row["near"]), bytes.fromhex(row["facts"]), row["n_salient"])


def _join_stories(signatures, settings: Settings, width: int):
    """doc_id → (story_id, the story date it should have seen), for every document.

    LSH buckets carry only ids; candidate pairs are scored against the signatures, each
    document points at its best earlier match, and pointer jumping finds each chain's first
    document, whose id names the story (as :func:`bilat.partitions.story_roots` does).
    """
    from bilat.partitions import band_keys, best_parent, candidate_pairs, story_dates
    from bilat.stages.stories import _story_id

    index = _pipeline(settings).new_story_index()
    bands, params = index.band_ranges(), index.params
    signed = signatures.map(_signed).map(lambda d: (d.doc_id, d)).cache()
    buckets = signed.flatMap(lambda kv: ((key, _light(kv[1])) for key in band_keys(kv[1], bands)))
    pairs = (buckets.groupByKey(width).filter(lambda kv: len(kv[1]) > 1)
             .flatMap(lambda kv: candidate_pairs(kv[0][0], list(kv[1]), params)).distinct(width))
    # (later, [earlier signatures]) → best earlier match
    candidates = (pairs.map(lambda p: (p[1], p[0])).join(signed, width)
                  .map(lambda kv: (kv[1][0], kv[1][1])).groupByKey(width))
    parents = (signed.leftOuterJoin(candidates, width)
               .map(lambda kv: (kv[0], best_parent(kv[1][0], kv[1][1] or (), params) or kv[0]))).cache()
    for _ in range(MAX_JUMPS):  # parent → parent's parent until every chain reaches its root
        jumped = (parents.map(lambda kv: (kv[1], kv[0])).join(parents, width)
                  .map(lambda kv: (kv[1][0], kv[1][1]))).cache()
        moved = jumped.join(parents, width).filter(lambda kv: kv[1][0] != kv[1][1]).count()
        parents = jumped
        if not moved:
            break
    members = (parents.join(signed, width).map(lambda kv: (_story_id(kv[1][0]),
                                                    (kv[1][1].ordinal, kv[0], kv[1][1].published))))

    def dated(kv):
        story, docs = kv
        docs = list(docs)
        seen = story_dates(docs)
        for ordinal, doc_id, _published in docs:
            when = seen[ordinal]
            yield doc_id, (story, when.isoformat() if when else None)

    return members.groupByKey(width).flatMap(dated)


def _light(doc):
    """A document in an LSH bucket: its id, order and salient count, not its signatures."""
    from bilat.partitions import Signed

    return Signed(doc.doc_id, doc.ordinal, None, b"", b"", doc.n_salient)


def _with_story(doc: dict, story_id: str, story_date: str | None) -> dict:
    """A document row with its story across partitions, and the story date it should have
    seen (only undated documents see one)."""
    undated = doc["_published_date"] is None
    return dict(doc, story_id=story_id, _story_date=story_date if undated else None)


def _recode(rows: Iterable[dict], settings: Settings) -> Iterator[tuple[str, str]]:
    """Code undated documents again with their story's id and date (as ``ingest`` does)."""
    from bilat.document import Document
    from bilat.partitions import AssignedStories

    rows = list(rows)
    stories = AssignedStories({r["doc_id"]: (r["story_id"], r["_story_date"]) for r in rows})
    pipeline = _pipeline(settings).with_stories(stories)
    docs = [Document(doc_id=r["doc_id"], raw=r["_raw"], origin=r["origin"], is_html=r["_is_html"],
                     url=r["url"], title=r["title"], published=r["published"],
                     published_precision=r["published_precision"], meta={"ordinal": r["ordinal"]})
            for r in rows]
    for doc in pipeline.pipe(docs):
        for kind, payload in _coded_items(doc, doc.meta["ordinal"], None):
            if kind != "document":
                yield kind, payload


def _restory(rows, story_of, width: int):
    """Rows with their document's story id (joined across partitions)."""
    return rows.map(lambda r: (r["doc_id"], r)).join(story_of, width).map(lambda kv: dict(kv[1][0], story_id=kv[1][1]))


def _merge_key(mention: dict) -> tuple:
    return (mention["root"], *sorted((mention["source"], mention["target"])))


def _merge_group(mentions: Iterable[dict]) -> Iterator[tuple[str, dict]]:
    from bilat.partitions import merge_mentions

    ordered = sorted(mentions, key=lambda m: (m["ordinal"], m["position"]))
    events, merged = merge_mentions(ordered)
    for event in events:
        yield "event", event
    for mention in ordered:
        yield "mention", dict(mention, merged_id=merged[mention["event_id"]])


def _fold(rows: Iterable[dict]) -> dict:
    from bilat.partitions import fold_agreements

    return fold_agreements(sorted(rows, key=lambda r: r["ordinal"]))


# --- writing ---------------------------------------------------------------------------------

def _store_columns() -> dict[str, list[tuple[str, str]]]:
    """Each store table's (column, DuckDB type), read off a fresh in-memory store."""
    from bilat.store import connect

    con = connect(":memory:")
    try:
        return {table: [(name, kind) for name, kind, *_ in con.execute(f"DESCRIBE {table}").fetchall()]
                for table in TABLES if table != "errors"}
    finally:
        con.close()


def _spark_type(duck: str):
    from pyspark.sql import types as T

    return {"VARCHAR": T.StringType(), "INTEGER": T.IntegerType(), "DOUBLE": T.DoubleType(),
            "BOOLEAN": T.BooleanType(), "BLOB": T.BinaryType(), "DATE": T.DateType(),
            "TIMESTAMP": T.TimestampType(), "BIGINT": T.LongType()}[duck]


def _write(spark, rdd, output: str, table: str) -> int:
    from datetime import datetime, timezone

    from pyspark.sql import types as T

    if table == "errors":
        columns = [(c, "INTEGER" if c == "line" else "VARCHAR") for c in ERROR_COLUMNS]
    else:
        columns = _store_columns()[table]
    by_year = TABLES[table]
    now = datetime.now(timezone.utc).replace(tzinfo=None)

    def value(row: dict, name: str, duck: str):
        got = row.get(name)
        if name == "ingested_at":
            return now
        if duck == "BLOB" and isinstance(got, str):
            return bytes.fromhex(got)
        if duck == "DATE" and isinstance(got, str):
            return date.fromisoformat(got)
        if duck == "INTEGER" and got is not None:
            return int(got)
        if duck == "DOUBLE" and got is not None:
            return float(got)
        return got

    def to_tuple(row: dict) -> tuple:
        values = tuple(value(row, name, duck) for name, duck in columns)
        if by_year:
            stamp = row.get(by_year)
            values += (int(stamp[:4]) if stamp else None,)
        return values

    fields = [T.StructField(name, _spark_type(duck)) for name, duck in columns]
    if by_year:
        fields.append(T.StructField("year", T.IntegerType()))
    written = spark.sparkContext.accumulator(0)

    def counted(row: dict) -> tuple:
        written.add(1)
        return to_tuple(row)

    with warnings.catch_warnings():  # the job hands Spark no pandas data; its version is moot
        warnings.filterwarnings("ignore", "PySpark does not yet fully support pandas", FutureWarning)
        frame = spark.createDataFrame(rdd.map(counted), T.StructType(fields))
    writer = frame.write.mode("overwrite")
    if by_year:
        writer = writer.partitionBy("year")
    writer.parquet(f"{output.rstrip('/')}/{table}")
    return written.value  # rows written (a retried task would count twice; the files do not)


def _write_meta(spark, output: str, settings: Settings, counts: dict[str, int]) -> None:
    """``_bilat.json``: what a reader needs to open OUTPUT as a store."""
    from bilat import __version__
    from bilat.store import SCHEMA_VERSION

    meta = {"format": "bilat-parquet", "schema_version": SCHEMA_VERSION, "bilat": __version__,
            "story_params": _pipeline(settings).new_story_index().params_dict(), "counts": counts,
            "tables": {name: (["year"] if by_year else []) for name, by_year in TABLES.items()}}
    text = json.dumps(meta, indent=2, sort_keys=True)
    # through Spark, so that it lands wherever OUTPUT is (HDFS, S3…), as one file
    spark.sparkContext.parallelize([text], 1).saveAsTextFile(f"{output.rstrip('/')}/_bilat.json.d")
    _promote_meta(spark, output)


def _promote_meta(spark, output: str) -> None:
    """Move ``_bilat.json.d/part-00000`` to ``_bilat.json`` with Hadoop's FileSystem."""
    jvm = spark.sparkContext._jvm
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    base = jvm.org.apache.hadoop.fs.Path(output)
    fs = base.getFileSystem(conf)
    folder = jvm.org.apache.hadoop.fs.Path(base, "_bilat.json.d")
    target = jvm.org.apache.hadoop.fs.Path(base, "_bilat.json")
    fs.delete(target, False)
    fs.rename(jvm.org.apache.hadoop.fs.Path(folder, "part-00000"), target)
    fs.delete(folder, True)


# --- entry points ----------------------------------------------------------------------------

def session(master: str | None = None, *, app_name: str = "bilat", quiet: bool = False,
            conf: dict[str, str] | None = None):
    """A SparkSession: ``master`` if given; under spark-submit, the one it configured;
    otherwise local mode on every core. Local workers run this Python (bilat's)."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    with warnings.catch_warnings():  # the job hands Spark no pandas data; its version is moot
        warnings.filterwarnings("ignore", "PySpark does not yet fully support pandas", FutureWarning)
        try:
            from pyspark.sql import SparkSession
        except ImportError as exc:
            raise BilatError("E400", "the Spark job needs pyspark: pip install 'bilat[spark]' "
                                     "(and Java 17 or later)") from exc
        builder = SparkSession.builder.appName(app_name).config("spark.ui.showConsoleProgress", "false")
        if master:  # otherwise spark-submit's --master, or local[*] when Python starts Spark
            builder = builder.master(master)
        for key, value in (conf or {}).items():
            builder = builder.config(key, value)
        spark = builder.getOrCreate()
    if quiet:  # a command's user wants bilat's summary, not Spark's warnings
        spark.sparkContext.setLogLevel("ERROR")
    return spark


def main(argv: list[str] | None = None) -> int:
    """``spark-submit bilat/spark.py INPUT... OUTPUT [--partitions N]``."""
    import argparse

    parser = argparse.ArgumentParser(prog="bilat.spark", description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", metavar="INPUT... OUTPUT")
    parser.add_argument("--partitions", type=int)
    parser.add_argument("--master")
    parser.add_argument("--where", action="store_true", help="print this file's path (for spark-submit)")
    args = parser.parse_args(argv)
    if args.where:
        print(os.path.abspath(__file__))
        return 0
    if len(args.paths) < 2:
        parser.error("give at least one INPUT and the OUTPUT folder")
    try:
        spark = session(args.master)
        counts = run(spark, args.paths[:-1], args.paths[-1], partitions=args.partitions)
    except BilatError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(json.dumps(counts), file=sys.stderr)
    return 0


if __name__ == "__main__":  # pragma: no cover — spark-submit runs this file
    sys.exit(main())
