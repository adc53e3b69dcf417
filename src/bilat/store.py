"""Store: the DuckDB schema, migrations and idempotent writes.

Tables: ``documents``; ``mentions`` (one row per event as a document tells it, with its
sentence, like GDELT's Mentions table); ``events`` (one row per event, merged across
documents and stories, with ``sources``); ``dyad_periods`` (the events of each ordered pair
counted by month and quad class, kept by every write to ``events`` in the same transaction,
so a timeline's counts never scan the events); ``story_index`` (each document's story and its
MinHash signatures, so that a new document joins a story without recomputing the corpus);
``meta`` (schema version, story parameters).

Ingesting the same document twice changes nothing; a document whose content changed replaces
its earlier version, and the events it supported are recomputed from what remains.
"""
from __future__ import annotations

import bisect
import json
from collections.abc import Iterator
from datetime import date, datetime, timezone

from bilat.document import Agreement, Document, Event, StatusChange, make_event_id
from bilat.errors import BilatError
from bilat.stages.merge import absorb, same_event

SCHEMA_VERSION = 4

_EVENT_COLUMNS_SQL = """
    source VARCHAR NOT NULL,
    target VARCHAR NOT NULL,
    source_sector VARCHAR,
    target_sector VARCHAR,
    source_text VARCHAR,
    target_text VARCHAR,
    cameo VARCHAR NOT NULL,
    root VARCHAR NOT NULL,
    quad INTEGER NOT NULL,
    goldstein DOUBLE NOT NULL,
    plover VARCHAR,
    event_date VARCHAR,
    date_precision VARCHAR,
    reported_date VARCHAR,
    sentence VARCHAR,
    span_start INTEGER,
    span_end INTEGER,
    agreement VARCHAR,
    quantities VARCHAR,
    confidence DOUBLE,
    sources INTEGER,
    trigger VARCHAR,
    date_end VARCHAR"""

# events: one row per event, kept in (source, target, event_date) order by cluster_events
_EVENTS_TABLE = f"""CREATE TABLE IF NOT EXISTS {{name}} (
    event_id VARCHAR PRIMARY KEY,
    doc_id VARCHAR NOT NULL,
    story_id VARCHAR,{_EVENT_COLUMNS_SQL}
);"""

_PERIODS_TABLE = """CREATE TABLE IF NOT EXISTS {name} (
    source VARCHAR NOT NULL,
    target VARCHAR NOT NULL,
    period VARCHAR NOT NULL,
    quad INTEGER NOT NULL,
    events BIGINT NOT NULL,
    goldstein DECIMAL(18, 3) NOT NULL,
    PRIMARY KEY (source, target, period, quad)
);"""

_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS documents (
    doc_id VARCHAR PRIMARY KEY,
    origin VARCHAR,
    url VARCHAR,
    title VARCHAR,
    published VARCHAR,
    published_precision VARCHAR,
    content_hash VARCHAR NOT NULL,
    story_id VARCHAR,
    text VARCHAR,
    ingested_at TIMESTAMP,
    input_key VARCHAR,
    raw VARCHAR,
    is_html BOOLEAN,
    story_date VARCHAR
);
CREATE TABLE IF NOT EXISTS mentions (
    event_id VARCHAR PRIMARY KEY,
    doc_id VARCHAR NOT NULL,
    story_id VARCHAR,{_EVENT_COLUMNS_SQL},
    merged_id VARCHAR
);
{_EVENTS_TABLE.format(name="events")}
CREATE TABLE IF NOT EXISTS agreements (
    agreement_key VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    full_name VARCHAR,
    kind VARCHAR,
    parties VARCHAR,
    owner VARCHAR
);
CREATE TABLE IF NOT EXISTS agreement_steps (
    step_id VARCHAR PRIMARY KEY,
    agreement_key VARCHAR NOT NULL,
    status VARCHAR NOT NULL,
    event_date VARCHAR,
    date_precision VARCHAR,
    date_end VARCHAR,
    actor VARCHAR,
    parties VARCHAR,
    implied BOOLEAN,
    doc_id VARCHAR NOT NULL,
    story_id VARCHAR,
    sentence VARCHAR,
    span_start INTEGER,
    span_end INTEGER,
    confidence DOUBLE
);
-- the lookups of merging: a mention's document and story, and an event's supporting mentions
CREATE INDEX IF NOT EXISTS mentions_merged ON mentions (merged_id);
CREATE INDEX IF NOT EXISTS mentions_doc ON mentions (doc_id);
CREATE INDEX IF NOT EXISTS mentions_story ON mentions (story_id);
-- each ordered pair's events by period and quad class: kept by _count on every insert, update
-- and delete of an event, in the writer's transaction; period is the event date cut to its
-- month (YYYY-MM), YYYY for an event dated to a year only, '' for an undated one
{_PERIODS_TABLE.format(name="dyad_periods")}
CREATE TABLE IF NOT EXISTS story_index (
    doc_id VARCHAR PRIMARY KEY,
    story_id VARCHAR NOT NULL,
    published DATE,
    near BLOB,
    facts BLOB
);
"""

EVENT_COLUMNS = ("event_id", "doc_id", "story_id", "source", "target", "source_sector",
                 "target_sector", "source_text", "target_text", "cameo", "root", "quad",
                 "goldstein", "plover", "event_date", "date_precision", "reported_date",
                 "sentence", "span_start", "span_end", "agreement", "quantities", "confidence",
                 "sources", "trigger", "date_end")
MENTION_COLUMNS = EVENT_COLUMNS + ("merged_id",)


def connect(path: str, *, read_only: bool = False):
    """Open (and if needed create or migrate) the store at ``path``.

    With ``read_only`` the store must exist: a read never creates an empty database.

    Raises:
        BilatError: E303 when ``read_only`` and there is no file at ``path``; E300 when it
            cannot be opened.
    """
    from pathlib import Path

    duckdb = _engine()
    if read_only and path != ":memory:" and not Path(path).is_file():
        raise BilatError("E303", f"no database at {path} (bilat ingest creates one; "
                                 "choose another with --db or BILAT_DB)")

    try:
        con = _open(duckdb, path, read_only)
    except duckdb.Error as exc:
        if "lock" in str(exc).lower():
            import re

            pid = re.search(r"PID (\d+)", str(exc))
            holder = f"process {pid.group(1)}" if pid else "another process"
            raise BilatError("E300", f"cannot open {path}: {holder} holds it (a bilat ingest, or a bilat serve: "
                                     "a server takes documents through POST /api/documents); "
                                     "try again when it ends") from exc
        raise BilatError("E300", f"cannot open {path}: {exc}") from exc
    if read_only:
        return con
    version = _version(con)
    if version > SCHEMA_VERSION:
        raise BilatError("E301", f"{path} has schema {version}; this bilat knows {SCHEMA_VERSION}")
    if version == 1:
        _migrate_1_to_2(con)
    if 0 < version < 3:
        _migrate_2_to_3(con)
    con.execute(_SCHEMA)
    if 0 < version < 4:  # a store from before dyad_periods: count its events once
        rebuild_dyad_periods(con)
    con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
    return con


# Rows per row group in a store file. DuckDB's default (122,880) puts a whole store of tens of
# thousands of documents in one row group, and a checkpoint that adds to a row group rewrites
# all of it: near 17,000 articles one checkpoint rewrote the documents' texts whole and the
# writer's resident set rose by 150 MiB (benchmarks/bench_checkpoint.py shows it without
# bilat). With row groups of 2,048 rows a checkpoint rewrites the last few only, and its cost
# no longer grows with the store.
ROW_GROUP_SIZE = 2048
# The name a store file opened for writing is attached under (``_open``; ``cursor`` looks for it).
_ATTACHED = "store"


def _open(duckdb, path: str, read_only: bool):
    """A connection to the store at ``path``. One that writes has the file attached to an
    in-memory database and made the default one, so that it writes ``ROW_GROUP_SIZE`` rows a
    row group (an option ``ATTACH`` has and ``connect`` does not)."""
    if read_only or path == ":memory:":  # a reader writes no row group
        return duckdb.connect(path, read_only=read_only)
    con = duckdb.connect()
    try:
        quoted = path.replace("'", "''")
        con.execute(f"ATTACH '{quoted}' AS {_ATTACHED} (ROW_GROUP_SIZE {ROW_GROUP_SIZE})")
        con.execute(f"USE {_ATTACHED}")
        # where DuckDB spills what does not fit in memory: beside the store, as when the file
        # is opened directly (an in-memory database would spill to ./.tmp)
        con.execute("SET temp_directory = ?", [path + ".tmp"])
    except BaseException:
        con.close()
        raise
    return con


def cursor(con):
    """Another connection to ``con``'s database, for another thread, reading and writing the
    same store: a DuckDB cursor starts in the in-memory database, so it is pointed at the
    store ``con`` uses (the file attached by :func:`_open`)."""
    other = con.cursor()  # (only the new connection is asked: ``con`` may be busy in another thread)
    if other.execute("SELECT count(*) FROM duckdb_databases() WHERE database_name = ?", [_ATTACHED]).fetchone()[0]:
        other.execute(f"USE {_ATTACHED}")
    return other


def _engine():
    """DuckDB's compiled module, ``_duckdb``: ``connect`` and the exception classes, the same
    objects ``duckdb`` re-exports. ``import duckdb`` also loads Python modules no store
    query uses (importlib.metadata for its version string, the relational API's
    expressions): 60–100 ms of CPU, more than a timeline page costs, in every command.
    Should a release of DuckDB (pinned in requirements.txt) move the module, ``duckdb``."""
    try:
        import _duckdb as engine
    except ImportError:  # pragma: no cover - another layout of the duckdb package
        import duckdb as engine
    return engine


def _version(con) -> int:
    has_meta = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'").fetchone()[0]
    if not has_meta:
        return 0
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def schema_version(con) -> int:
    return _version(con)


def _migrate_1_to_2(con) -> None:
    """Version 1 kept one row per mention in ``events``: they become ``mentions`` and the
    merged events are rebuilt from them."""
    con.execute("ALTER TABLE events RENAME TO mentions")
    con.execute("ALTER TABLE mentions ADD COLUMN merged_id VARCHAR")
    con.execute("ALTER TABLE mentions ADD COLUMN date_end VARCHAR")
    con.execute(_SCHEMA)
    cur = con.execute(f"SELECT {', '.join(EVENT_COLUMNS)} FROM mentions ORDER BY doc_id, span_start")
    names = [d[0] for d in cur.description]
    for row in cur.fetchall():
        _merge_mention(con, dict(zip(names, row)))


# Columns version 3 added to ``documents``: what a document is re-coded from when its story
# gets a date later (``raw``, ``is_html``), the date it was coded against (``story_date``) and
# the key of what was read (``input_key``, see Document.input_key).
_DOCUMENT_COLUMNS_3 = (("input_key", "VARCHAR"), ("raw", "VARCHAR"), ("is_html", "BOOLEAN"),
                       ("story_date", "VARCHAR"))


def _migrate_2_to_3(con) -> None:
    have = {r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'documents'").fetchall()}
    for name, kind in _DOCUMENT_COLUMNS_3:
        if name not in have:
            con.execute(f"ALTER TABLE documents ADD COLUMN {name} {kind}")


# What a row of dyad_periods is made of: the pair, the period (see period_of) and quad class.
PERIOD_SQL = "coalesce(substr(event_date, 1, 7), '')"


def period_of(event_date: str | None) -> str:
    """The ``dyad_periods`` period of an event date: ``2011-11-26`` → ``2011-11``, ``2011`` →
    ``2011``, undated → ``''``."""
    return (event_date or "")[:7]


def rebuild_dyad_periods(con) -> None:
    """Count every stored event into ``dyad_periods`` again, from nothing: after a migration,
    or after events were written by SQL (a benchmark's synthetic store, other software)."""
    con.execute("DROP TABLE IF EXISTS dyad_periods_new")
    con.execute(_PERIODS_TABLE.format(name="dyad_periods_new"))
    con.execute(f"INSERT INTO dyad_periods_new SELECT source, target, {PERIOD_SQL} AS period, quad, count(*), "
                "sum(CAST(goldstein AS DECIMAL(18, 3))) FROM events GROUP BY source, target, period, quad "
                "ORDER BY source, target, period, quad")
    _replace(con, "dyad_periods", "dyad_periods_new")


def _replace(con, table: str, new: str) -> None:
    con.execute(f"DROP TABLE IF EXISTS {table}")
    con.execute(f"ALTER TABLE {new} RENAME TO {table}")


# Events appended since the last clustering, as a share of those it ordered, that start another
# (and a floor, so that small stores are never rewritten for a few events). Every query of a
# pair reads all the row groups of those appended events (their pairs are mixed, so DuckDB's
# min and max skip none): at 1% of ten million events they fill one row group, at 5% four,
# which cost a fresh `bilat timeline` 9 ms of CPU more. Rewriting costs ingest the same per
# event at any size of the store (a rewrite of N events every N * CLUSTER_SHARE added).
CLUSTER_SHARE = 0.01
CLUSTER_MIN = 50_000


def cluster_events(con) -> None:
    """Rewrite ``events`` in ``(source, target, event_date, doc_id, span_start, event_id)``
    order (and ``dyad_periods`` in ``(source, target, period)`` order, without its rows of 0),
    in the caller's transaction.

    DuckDB keeps each column's min and max per row group (``ROW_GROUP_SIZE`` rows); with the
    events in this order, a query for one pair's months (a timeline page) skips every row
    group but the few that hold them, and within a pair the rows are in the order of its
    pages, so a page's events are a few runs of consecutive rows. Events ingested later are appended after them, out of
    this order; :func:`cluster_if_due` orders them again when they grow to
    ``CLUSTER_SHARE`` of the store.
    """
    con.execute("DROP TABLE IF EXISTS events_ordered")
    con.execute(_EVENTS_TABLE.format(name="events_ordered"))
    con.execute(f"INSERT INTO events_ordered SELECT {', '.join(EVENT_COLUMNS)} FROM events "
                "ORDER BY source, target, event_date NULLS FIRST, doc_id, span_start, event_id")
    _replace(con, "events", "events_ordered")
    # the counts in the same order, so that one pair's months are a range of them too
    con.execute("DROP TABLE IF EXISTS dyad_periods_new")
    con.execute(_PERIODS_TABLE.format(name="dyad_periods_new"))
    con.execute("INSERT INTO dyad_periods_new SELECT * FROM dyad_periods WHERE events <> 0 "
                "ORDER BY source, target, period, quad")
    _replace(con, "dyad_periods", "dyad_periods_new")
    con.execute("INSERT OR REPLACE INTO meta VALUES ('events_ordered', ?)",
                [str(con.execute("SELECT count(*) FROM events").fetchone()[0])])


def unordered_events(con) -> int:
    """How many rows were appended to ``events`` since :func:`cluster_events` last ran (an
    upper bound: rows since deleted are counted)."""
    row = con.execute("SELECT value FROM meta WHERE key = 'events_ordered'").fetchone()
    top = con.execute("SELECT coalesce(max(rowid) + 1, 0) FROM events").fetchone()[0]
    return max(0, top - (int(row[0]) if row else 0))


def cluster_if_due(con, *, minimum: int = CLUSTER_MIN) -> bool:
    """Order the events again (:func:`cluster_events`, in one transaction) when those appended
    since the last time reach ``minimum`` and ``CLUSTER_SHARE`` of the ordered ones."""
    row = con.execute("SELECT value FROM meta WHERE key = 'events_ordered'").fetchone()
    ordered = int(row[0]) if row else 0
    if unordered_events(con) < max(minimum, int(ordered * CLUSTER_SHARE)):
        return False
    con.execute("BEGIN TRANSACTION")
    try:
        cluster_events(con)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return True


def _tally(con, row: dict, sign: int) -> None:
    """Add (``sign`` 1) or take away (-1) one event of ``row`` in ``dyad_periods``.

    A count that falls to 0 stays as a row of 0 (readers skip it): deleting it could meet
    the same key again in the transaction, which a DuckDB primary key refuses."""
    con.execute("INSERT INTO dyad_periods VALUES (?, ?, ?, ?, ?, CAST(? AS DECIMAL(18, 3))) ON CONFLICT DO UPDATE "
                "SET events = events + excluded.events, goldstein = goldstein + excluded.goldstein",
                [row["source"], row["target"], period_of(row.get("event_date")), row["quad"], sign,
                 sign * row["goldstein"]])


class PeriodTally:
    """What one write batch changes in ``dyad_periods``, summed by key in memory and written
    by :meth:`flush` in one statement before the batch commits (one upsert per event
    costs a few milliseconds of DuckDB's time each)."""

    def __init__(self) -> None:
        self.deltas: dict[tuple, list] = {}

    def add(self, row: dict, sign: int) -> None:
        key = (row["source"], row["target"], period_of(row.get("event_date")), row["quad"])
        delta = self.deltas.setdefault(key, [0, 0.0])
        delta[0] += sign
        delta[1] += sign * row["goldstein"]

    def flush(self, con) -> None:
        rows = [(*key, n, round(g, 3)) for key, (n, g) in self.deltas.items() if n or round(g, 3)]
        self.deltas.clear()
        if not rows:
            return
        con.execute("INSERT INTO dyad_periods VALUES "
                    + ", ".join("(?, ?, ?, ?, ?, CAST(? AS DECIMAL(18, 3)))" for _ in rows)
                    + " ON CONFLICT DO UPDATE SET events = events + excluded.events, "
                      "goldstein = goldstein + excluded.goldstein", [v for row in rows for v in row])


def _count(con, tally: PeriodTally | None, row: dict, sign: int) -> None:
    """Count an event in (1) or out of (-1) ``dyad_periods``: in ``tally`` when the writer
    keeps one, else at once."""
    if tally is None:
        _tally(con, row, sign)
    else:
        tally.add(row, sign)


# The columns of an event that decide its place in dyad_periods.
_TALLIED = ("source", "target", "event_date", "quad", "goldstein")


def _event_row(event: Event) -> dict:
    data = event.to_dict()
    data["span_start"], data["span_end"] = event.span
    data["quantities"] = json.dumps(data["quantities"])
    return {c: data.get(c) for c in EVENT_COLUMNS}


class DyadCache:
    """The ids and dates of stored events by root and unordered pair, for the keys of one
    write batch: one scan of ``events`` per batch, not one per mention.

    Kept up to date by :func:`_merge_mention` as it inserts and updates events; cleared
    when a document is forgotten (its events are rebuilt without the cache). One is made
    per batch, so its size is a batch's keys, whatever the store's.
    """

    def __init__(self, con) -> None:
        self.con = con
        self.keys: dict[tuple, dict[str, str | None]] = {}

    @staticmethod
    def key(row: dict) -> tuple:
        return (row["root"],) + tuple(sorted((row["source"], row["target"])))

    def prefetch(self, rows) -> None:
        wanted = sorted({self.key(r) for r in rows} - set(self.keys))
        if not wanted:
            return
        for key in wanted:
            self.keys[key] = {}
        values = ", ".join("(?, ?, ?)" for _ in wanted)
        for event_id, root, source, target, event_date in self.con.execute(
                f"SELECT e.event_id, e.root, e.source, e.target, e.event_date FROM events e "
                f"JOIN (VALUES {values}) k(root, a, b) ON e.root = k.root "
                "AND ((e.source = k.a AND e.target = k.b) OR (e.source = k.b AND e.target = k.a))",
                [v for key in wanted for v in key]).fetchall():
            self.keys[(root,) + tuple(sorted((source, target)))][event_id] = event_date

    def ids(self, mention: dict) -> dict[str, str | None]:
        """event_id → event_date of the stored events of the mention's root and pair."""
        self.prefetch([mention])
        return self.keys[self.key(mention)]

    def stored(self, event: dict) -> None:
        self.ids(event)[event["event_id"]] = event.get("event_date")

    def forget(self, row: dict, event_id: str) -> None:
        """An event of ``row``'s root and pair was deleted."""
        known = self.keys.get(self.key(row))
        if known is not None:
            known.pop(event_id, None)

    def clear(self) -> None:
        self.keys.clear()


def _dates_meet(stored: str | None, told: str | None) -> bool:
    """The date test of :func:`_candidates`: one date is a prefix of the other."""
    if stored is None or told is None:
        return False
    n = min(len(stored), len(told))
    return stored[:n] == told[:n]


def _supported(con, doc_id: str, story_id: str | None) -> set[str]:
    """The events a document's or its story's stored mentions support."""
    return {r[0] for r in con.execute(
        "SELECT merged_id FROM mentions WHERE doc_id = ? UNION ALL SELECT merged_id FROM mentions WHERE story_id = ?",
        [doc_id, story_id]).fetchall()}


def _cached_candidates(con, mention: dict, cache: DyadCache, supported: set[str] | None = None,
                       pending: dict[str, list] | None = None) -> list[dict]:
    """What :func:`_candidates` returns, the root-and-pair scan answered by ``cache``;
    ``supported``: what :func:`_supported` gives for the mention's document and story, kept
    by the caller as it writes (one query a document, not one a mention)."""
    same_key = cache.ids(mention)
    if not same_key:
        return []
    if supported is None:
        supported = _supported(con, mention["doc_id"], mention.get("story_id"))
    date = mention.get("event_date")
    ids = sorted(i for i, d in same_key.items() if i in supported or _dates_meet(d, date))
    if not ids:
        return []
    cur = con.execute(f"SELECT {', '.join(EVENT_COLUMNS)} FROM events WHERE event_id IN "
                      f"({', '.join('?' for _ in ids)}) ORDER BY event_id", ids)
    return _with_support(con, [dict(zip(EVENT_COLUMNS, row)) for row in cur.fetchall()], pending)


def _candidates(con, mention: dict) -> list[dict]:
    """Stored events the mention may report, with the documents, stories and sentences that
    support them, in event_id order.

    Only events of its root and dyad that :func:`~bilat.stages.merge.same_event` could accept
    are read: those its document or story supports, and, for a dated mention, those with a
    compatible date. So the work per mention does not grow with every event of a busy dyad.
    """
    date = mention.get("event_date")
    cur = con.execute(
        f"SELECT {', '.join(EVENT_COLUMNS)} FROM events WHERE root = ? "
        "AND ((source = ? AND target = ?) OR (source = ? AND target = ?)) "
        "AND (event_id IN (SELECT merged_id FROM mentions WHERE doc_id = ? "
        "                  UNION ALL SELECT merged_id FROM mentions WHERE story_id = ?) "
        "     OR (event_date IS NOT NULL AND CAST(? AS VARCHAR) IS NOT NULL AND "
        "         substr(event_date, 1, least(length(event_date), length(?))) "
        "         = substr(?, 1, least(length(event_date), length(?))))) "
        "ORDER BY event_id",
        [mention["root"], mention["source"], mention["target"], mention["target"], mention["source"],
         mention["doc_id"], mention.get("story_id"), date, date, date, date])
    return _with_support(con, [dict(zip(EVENT_COLUMNS, row)) for row in cur.fetchall()])


def _with_support(con, events: list[dict], pending: dict[str, list] | None = None) -> list[dict]:
    """Each event with the documents, stories and sentences of the mentions that support it;
    ``pending``: merged id → (doc, story, sentence) of mentions merged but not yet written."""
    if not events:
        return events
    support: dict[str, list] = {k: list(v) for k, v in (pending or {}).items()}
    ids = [e["event_id"] for e in events]
    # a list of literals (not a list parameter), so that the index on merged_id answers it
    for merged_id, doc_id, story_id, sentence in con.execute(
            "SELECT merged_id, doc_id, story_id, sentence FROM mentions "
            f"WHERE merged_id IN ({', '.join('?' for _ in ids)})", ids).fetchall():
        support.setdefault(merged_id, []).append((doc_id, story_id, sentence))
    for event in events:
        rows = support.get(event["event_id"], [])
        event["doc_ids"] = {r[0] for r in rows}
        event["story_ids"] = {r[1] for r in rows if r[1]}
        event["sentences"] = {r[2] for r in rows}
    return events


def _merge_mention(con, mention: dict, *, stored: bool = True, cache: DyadCache | None = None,
                   tally: PeriodTally | None = None, supported: set[str] | None = None,
                   pending: dict[str, list] | None = None) -> str:
    """Attach one mention to the event it reports, creating the event if it is new.

    Returns the event's id; a mention already ``stored`` gets it as its ``merged_id``.
    With ``cache``, candidates are found through it (and it learns what changed).
    """
    merged_id = mention["event_id"]
    found = _cached_candidates(con, mention, cache, supported, pending) if cache is not None \
        else _candidates(con, mention)
    for event in found:
        if same_event(event, mention):
            stored = {c: event.get(c) for c in EVENT_COLUMNS[1:]}
            before = {c: stored[c] for c in _TALLIED}
            absorb(event, mention)
            # only the columns the mention changed (a count, a date made more precise): an
            # UPDATE of every column, sentences and texts included, made each checkpoint
            # rewrite them all, the largest part of an ingest's memory peaks
            changed = [c for c in EVENT_COLUMNS[1:] if event.get(c) != stored[c]]
            if changed:
                con.execute(f"UPDATE events SET {', '.join(f'{c} = ?' for c in changed)} WHERE event_id = ?",
                            [event.get(c) for c in changed] + [event["event_id"]])
            if any(before[c] != event.get(c) for c in _TALLIED):  # a more precise date, say
                _count(con, tally, before, -1)
                _count(con, tally, event, 1)
            merged_id = event["event_id"]
            if cache is not None:
                cache.stored(event)
            break
    else:
        row = dict(mention, sources=1)
        con.execute(f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES ({', '.join('?' for _ in EVENT_COLUMNS)})",
                    [row.get(c) for c in EVENT_COLUMNS])
        _count(con, tally, row, 1)
        if cache is not None:
            cache.stored(row)
    if stored:
        con.execute("UPDATE mentions SET merged_id = ? WHERE event_id = ?", [merged_id, mention["event_id"]])
    return merged_id


def _forget_document(con, doc_id: str, *, tally: PeriodTally | None = None,
                     cache: DyadCache | None = None, keep_row: bool = False) -> None:
    """Remove a document's mentions and rebuild the events they supported (and its row in
    ``documents``, unless ``keep_row``: the caller updates it).

    With ``cache`` (a write batch's), the rebuild finds its candidates through it (see
    :func:`_rebuild`); without one, each remaining mention is merged again by a query of
    the whole table."""
    affected = [r[0] for r in con.execute(
        "SELECT DISTINCT merged_id FROM mentions WHERE doc_id = ? ORDER BY merged_id", [doc_id]).fetchall()]
    con.execute("DELETE FROM mentions WHERE doc_id = ?", [doc_id])
    con.execute("DELETE FROM agreement_steps WHERE doc_id = ?", [doc_id])
    if not keep_row:
        con.execute("DELETE FROM documents WHERE doc_id = ?", [doc_id])
    if cache is not None:
        _rebuild(con, affected, cache, tally)
        return
    for event_id in affected:
        cur = con.execute(f"SELECT {', '.join(EVENT_COLUMNS)} FROM mentions WHERE merged_id = ? "
                          "ORDER BY doc_id, span_start", [event_id])
        names = [d[0] for d in cur.description]
        rest = [dict(zip(names, r)) for r in cur.fetchall()]
        for gone in con.execute(f"DELETE FROM events WHERE event_id = ? RETURNING {', '.join(_TALLIED)}",
                                [event_id]).fetchall():
            _count(con, tally, dict(zip(_TALLIED, gone)), -1)
        for mention in rest:
            _merge_mention(con, mention, tally=tally)


def _rebuild(con, affected: list[str], cache: DyadCache, tally: PeriodTally | None) -> None:
    """The rebuild of :func:`_forget_document` (each affected event deleted in turn, then its
    remaining mentions merged again in ``(doc_id, span_start)`` order, a mention merged into a
    later affected event going with it), with the same outcome, decided in memory: the
    remaining mentions, what their documents and stories support and the candidate events
    (with their supporting mentions) are read once, the merges run over those
    (:class:`_Working`), then written at the end, one statement per changed event and one
    for the mentions that moved. Queries per remaining mention (candidates, their support,
    an UPDATE of the event and of the mention) made this end of an ingest of a story told
    by hundreds of copies run for tens of minutes."""
    if not affected:
        return
    marks = ", ".join("?" for _ in affected)
    cur = con.execute(f"SELECT {', '.join(EVENT_COLUMNS)}, merged_id, rowid FROM mentions "
                      f"WHERE merged_id IN ({marks}) ORDER BY doc_id, span_start, rowid", affected)
    queue: dict[str, list[tuple]] = {event_id: [] for event_id in affected}
    placed: dict[str, str] = {}
    for row in cur.fetchall():
        mention = dict(zip(EVENT_COLUMNS, row[:len(EVENT_COLUMNS)]))
        queue[row[-2]].append((_order(mention, row[-1]), mention))
        placed[mention["event_id"]] = row[-2]
    mentions = [m for told in queue.values() for _, m in told]
    own = tally if tally is not None else PeriodTally()
    work = _Working(con, affected, mentions, placed)
    # what each remaining mention's document or story supports, counted by event (a mention
    # of both counted twice, as the UNION ALL of _supported does), kept as mentions move
    keys = {(m["doc_id"], m.get("story_id")) for m in mentions}
    support: dict[tuple, dict[str, int]] = {key: {} for key in keys}
    if mentions:
        docs = sorted({k[0] for k in keys})
        stories = sorted({k[1] for k in keys if k[1] is not None})
        where = [f"doc_id IN ({', '.join('?' for _ in docs)})"]
        if stories:
            where.append(f"story_id IN ({', '.join('?' for _ in stories)})")
        for doc_id, story_id, merged_id in con.execute(
                f"SELECT doc_id, story_id, merged_id FROM mentions WHERE {' OR '.join(where)}",
                docs + stories).fetchall():
            _move_support(support, doc_id, story_id, None, merged_id)
        cache.prefetch(mentions)
    done: set[str] = set()
    for event_id in affected:
        done.add(event_id)
        work.delete(event_id, cache, own)
        for _, mention in queue.pop(event_id):
            key = (mention["doc_id"], mention.get("story_id"))
            supported = {i for i, n in support[key].items() if n > 0}
            merged_id = work.merge(mention, cache, own, supported)
            _move_support(support, mention["doc_id"], mention.get("story_id"), event_id, merged_id)
            if merged_id in queue and merged_id not in done:  # its turn comes: it goes along
                bisect.insort(queue[merged_id], (_order(mention, None), mention), key=lambda t: t[0])
    work.write()
    if tally is None:
        own.flush(con)


class _Working:
    """The events and mentions one :func:`_rebuild` changes, held in memory while it decides
    its merges: what :func:`_merge_mention` and a DELETE of the event would read from and
    write to the tables at each step, modelled exactly, then written by :meth:`write`.

    A candidate event's supporting mentions are those outside the rebuild (read from
    ``mentions`` once, when the event is first a candidate; they do not move) and those of
    the rebuild whose merged id is now that event's (``members``): before a remaining mention
    is merged again, it still counts for the event it was merged into, as its row in
    ``mentions`` did when each merge was a query.
    """

    def __init__(self, con, affected: list[str], mentions: list[dict], placed: dict[str, str]) -> None:
        self.con = con
        self.affected = set(affected)
        self.stored: dict[str, dict | None] = {}  # event_id → its row in events before the rebuild (None: none)
        self.rows: dict[str, dict | None] = {}  # event_id → its row now (None: none)
        self.fixed: dict[str, list[tuple]] = {}  # event_id → (doc, story, sentence) of mentions outside the rebuild
        self.placed = dict(placed)  # mention id → the event it is merged into now
        self.before = placed  # … and before the rebuild
        self.members: dict[str, dict[str, tuple]] = {}  # event_id → mention id → (doc, story, sentence)
        for mention in mentions:
            self.members.setdefault(placed[mention["event_id"]], {})[mention["event_id"]] = _told(mention)
        # the affected events, and those a remaining mention may create (its own id), in one read
        self.load(sorted(self.affected | set(placed)))

    def load(self, ids: list[str]) -> None:
        """Read the events of ``ids`` not yet held, and the mentions outside the rebuild
        that support them."""
        missing = [i for i in ids if i not in self.stored]
        for start in range(0, len(missing), 1000):
            part = missing[start:start + 1000]
            marks = ", ".join("?" for _ in part)
            for i in part:
                self.stored[i] = self.rows[i] = None
                self.fixed[i] = []
            for row in self.con.execute(f"SELECT {', '.join(EVENT_COLUMNS)} FROM events WHERE event_id IN ({marks})",
                                        part).fetchall():
                self.stored[row[0]] = dict(zip(EVENT_COLUMNS, row))
                self.rows[row[0]] = dict(self.stored[row[0]])
            outside = [i for i in part if i not in self.affected]  # an affected event's mentions are all ours
            if outside:
                for merged_id, doc_id, story_id, sentence in self.con.execute(
                        "SELECT merged_id, doc_id, story_id, sentence FROM mentions "
                        f"WHERE merged_id IN ({', '.join('?' for _ in outside)})", outside).fetchall():
                    if merged_id not in self.affected:
                        self.fixed[merged_id].append((doc_id, story_id, sentence))

    def candidates(self, mention: dict, cache: DyadCache, supported: set[str]) -> list[dict]:
        """What :func:`_cached_candidates` would return now."""
        same_key = cache.ids(mention)
        if not same_key:
            return []
        date = mention.get("event_date")
        ids = sorted(i for i, d in same_key.items() if i in supported or _dates_meet(d, date))
        self.load(ids)
        out = []
        for event_id in ids:
            row = self.rows[event_id]
            if row is None:
                continue
            told = self.fixed[event_id] + list(self.members.get(event_id, {}).values())
            event = dict(row)
            event["doc_ids"] = {t[0] for t in told}
            event["story_ids"] = {t[1] for t in told if t[1]}
            event["sentences"] = {t[2] for t in told}
            out.append(event)
        return out

    def merge(self, mention: dict, cache: DyadCache, tally: PeriodTally, supported: set[str]) -> str:
        """:func:`_merge_mention` of a stored mention, in memory."""
        merged_id = mention["event_id"]
        for event in self.candidates(mention, cache, supported):
            if same_event(event, mention):
                before = {c: event.get(c) for c in _TALLIED}
                absorb(event, mention)
                self.rows[event["event_id"]] = {c: event.get(c) for c in EVENT_COLUMNS}
                if any(before[c] != event.get(c) for c in _TALLIED):
                    tally.add(before, -1)
                    tally.add(event, 1)
                merged_id = event["event_id"]
                cache.stored(event)
                break
        else:
            row = dict(mention, sources=1)
            if self.rows.get(merged_id) is not None:  # as the INSERT would have refused it
                raise BilatError("E300", f"event {merged_id} would be stored twice (its INSERT refused)")
            self.rows[merged_id] = {c: row.get(c) for c in EVENT_COLUMNS}
            tally.add(row, 1)
            cache.stored(row)
        mention_id = mention["event_id"]
        told = self.members[self.placed[mention_id]].pop(mention_id)
        self.members.setdefault(merged_id, {})[mention_id] = told
        self.placed[mention_id] = merged_id
        return merged_id

    def delete(self, event_id: str, cache: DyadCache, tally: PeriodTally) -> None:
        """The event deleted, in memory: its counts taken off and the cache told."""
        self.load([event_id])
        row = self.rows[event_id]
        if row is not None:
            tally.add(row, -1)
            cache.forget(row, event_id)
            self.rows[event_id] = None

    def write(self) -> None:
        """What changed, to the tables: the events gone in one DELETE, each changed event by
        one UPDATE of the columns that changed, the new ones in one INSERT, and the mentions
        merged into another event than before in one UPDATE."""
        con = self.con
        gone = sorted(i for i, row in self.rows.items() if row is None and self.stored[i] is not None)
        new = sorted(i for i, row in self.rows.items() if row is not None and self.stored[i] is None)
        for start in range(0, len(gone), 1000):
            part = gone[start:start + 1000]
            con.execute(f"DELETE FROM events WHERE event_id IN ({', '.join('?' for _ in part)})", part)
        for event_id in sorted(self.rows):
            row, was = self.rows[event_id], self.stored[event_id]
            if row is None or was is None:
                continue
            changed = [c for c in EVENT_COLUMNS[1:] if row[c] != was[c]]
            if changed:
                con.execute(f"UPDATE events SET {', '.join(f'{c} = ?' for c in changed)} WHERE event_id = ?",
                            [row[c] for c in changed] + [event_id])
        one = f"({', '.join('?' for _ in EVENT_COLUMNS)})"
        for start in range(0, len(new), 200):
            part = new[start:start + 200]
            con.execute(f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES {', '.join(one for _ in part)}",
                        [self.rows[i][c] for i in part for c in EVENT_COLUMNS])
        moved = sorted((m, e) for m, e in self.placed.items() if e != self.before[m])
        for start in range(0, len(moved), 1000):
            part = moved[start:start + 1000]
            con.execute("UPDATE mentions SET merged_id = v.e FROM (VALUES "
                        + ", ".join("(?, ?)" for _ in part) + ") v(m, e) WHERE mentions.event_id = v.m",
                        [x for pair in part for x in pair])


def _told(mention: dict) -> tuple:
    """What a mention tells of the event it supports: its document, story and sentence."""
    return (mention["doc_id"], mention.get("story_id"), mention.get("sentence"))


def _order(mention: dict, rowid: int | None) -> tuple:
    # a mention merged again sorts after those of its document and sentence already there
    # (DuckDB sorts a missing span last)
    span = mention.get("span_start")
    return (mention["doc_id"], span if span is not None else float("inf"),
            rowid if rowid is not None else float("inf"))


def _move_support(support: dict[tuple, dict[str, int]], doc_id: str, story_id: str | None,
                  old: str | None, new: str | None) -> None:
    """A mention of ``doc_id`` and ``story_id`` now supports ``new`` instead of ``old``."""
    for (d, s), counts in support.items():
        n = (d == doc_id) + (s is not None and s == story_id)
        if n:
            if old is not None:
                counts[old] = counts.get(old, 0) - n
            if new is not None:
                counts[new] = counts.get(new, 0) + n


def write_document(con, doc: Document, story_rows: list[tuple] = (), *, force: bool = False) -> str:
    """Store one processed document, its mentions, and their merged events, in one transaction.

    Args:
        force: replace the stored version even if what was read is the same (it was coded
            again with more context, e.g. its story's date).

    Returns:
        ``"added"``, ``"replaced"`` (what was read changed) or ``"unchanged"``.
    """
    con.execute("BEGIN TRANSACTION")
    try:
        tally = PeriodTally()
        outcome = write_unlocked(con, doc, story_rows, force=force, tally=tally)
        tally.flush(con)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return outcome


# The columns write_unlocked writes of a document, in its INSERT's order.
_DOCUMENT_COLUMNS = ("doc_id", "origin", "url", "title", "published", "published_precision", "content_hash",
                     "story_id", "text", "ingested_at", "input_key", "raw", "is_html", "story_date")


def write_unlocked(con, doc: Document, story_rows: list[tuple] = (), *, force: bool = False,
                   cache: DyadCache | None = None, tally: PeriodTally | None = None) -> str:
    """:func:`write_document` inside a transaction the caller holds (one per batch);
    ``cache``: the batch's :class:`DyadCache`; ``tally``: its :class:`PeriodTally`, which the
    caller flushes before it commits (without one, ``dyad_periods`` is written at once)."""
    from bilat.stages.date import published_date

    key = doc.meta.get("input_key") or doc.input_key()
    row = con.execute("SELECT coalesce(input_key, content_hash) FROM documents WHERE doc_id = ?",
                      [doc.doc_id]).fetchone()
    if row is not None and row[0] == key and not force:
        return "unchanged"
    # the same document coded again (force, its input unchanged): its row is updated where
    # it changed, not deleted and inserted again, so its text and raw page are not written
    # again (a checkpoint rewrites what a transaction deleted)
    same_input = row is not None and force and row[0] == key
    if row is not None:
        _forget_document(con, doc.doc_id, tally=tally, cache=cache, keep_row=same_input)
    # a document without a publication date to the day is coded against its story's date,
    # which a later document may set or move: keep what it is coded from
    redatable = published_date(doc) is None
    values = dict(zip(_DOCUMENT_COLUMNS, [
        doc.doc_id, doc.origin, doc.url, doc.title, doc.published, doc.published_precision,
        doc.content_hash, doc.story_id, doc.text, datetime.now(timezone.utc).replace(tzinfo=None),
        key, doc.raw if redatable else None, doc.is_html, doc.meta.get("story_date")]))
    if same_input:
        stored = con.execute(f"SELECT {', '.join(_DOCUMENT_COLUMNS)} FROM documents WHERE doc_id = ?",
                             [doc.doc_id]).fetchone()
        changed = [c for c, old in zip(_DOCUMENT_COLUMNS, stored) if values[c] != old]
        con.execute(f"UPDATE documents SET {', '.join(f'{c} = ?' for c in changed)} WHERE doc_id = ?",
                    [values[c] for c in changed] + [doc.doc_id])  # ingested_at always changes
    else:
        con.execute(f"INSERT INTO documents ({', '.join(_DOCUMENT_COLUMNS)}) "
                     f"VALUES ({', '.join('?' for _ in _DOCUMENT_COLUMNS)})",
                     [values[c] for c in _DOCUMENT_COLUMNS])
    # one row per event id (a document telling one event twice alike: the last telling)
    mentions = {event.event_id: _event_row(event) for event in doc.events}
    supported: dict[tuple, set[str]] = {}  # (doc, story) → events they support, kept as mentions are merged
    pending: dict[str, list] = {}  # merged id → support of this document's mentions, written at the end
    rows = []
    for mention in mentions.values():
        key = (mention["doc_id"], mention.get("story_id"))
        if cache is not None and key not in supported:
            supported[key] = _supported(con, *key)
        if cache is None and rows:  # without a cache, candidates are read from the table itself
            _insert_mentions(con, rows)
            rows = []
        merged_id = _merge_mention(con, mention, stored=False, cache=cache, tally=tally,
                                   supported=supported.get(key), pending=pending)
        rows.append([mention.get(c) for c in EVENT_COLUMNS] + [merged_id])
        pending.setdefault(merged_id, []).append((mention["doc_id"], mention.get("story_id"), mention.get("sentence")))
        for (doc_id, story_id), ids in supported.items():
            if doc_id == mention["doc_id"] or (story_id is not None and story_id == mention.get("story_id")):
                ids.add(merged_id)
    _insert_mentions(con, rows)
    for agreement in doc.agreements:
        _write_agreement(con, agreement)
    for step in doc.statuses:
        _write_step(con, step)
    for entry in story_rows:
        if row is not None:
            con.execute("DELETE FROM story_index WHERE doc_id = ?", [entry[0]])
        con.execute("INSERT INTO story_index VALUES (?, ?, ?, ?, ?)", list(entry))
    return "added" if row is None else "replaced"


def _insert_mentions(con, rows: list[list]) -> None:
    """A document's mentions in one statement (a row each was a round trip each)."""
    if rows:
        one = f"({', '.join('?' for _ in MENTION_COLUMNS)})"
        con.execute(f"INSERT INTO mentions ({', '.join(MENTION_COLUMNS)}) VALUES {', '.join(one for _ in rows)}",
                    [v for row in rows for v in row])


# What DuckDB may keep cached of a store's blocks after a batch is written: it keeps every block
# it read or wrote until its memory limit (80% of the machine's memory) is reached, so an
# ingest's main process grew with the store, most of all when the documents coded again at
# its end were read back (README, *Real news*, the eighth session).
CACHE_KEPT_MIB = 32


def trim_cache(con) -> None:
    """Make DuckDB give back the cached blocks of the store on ``con`` beyond its indexes (which
    it cannot evict) and ``CACHE_KEPT_MIB``: its memory limit is lowered to that for a moment,
    which evicts blocks already in the store file and spills what is not, then set back. A
    limit it cannot meet is no error here: it keeps what it must."""
    indexes = con.execute("SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory() "
                          "WHERE tag = 'ART_INDEX'").fetchone()[0]
    try:
        con.execute(f"SET memory_limit = '{int(indexes) // 2**20 + CACHE_KEPT_MIB}MiB'")
    except _engine().Error:
        pass
    finally:
        con.execute("RESET memory_limit")


def release_free_memory() -> None:
    """Give the C allocator's free pages back to the system (glibc's ``malloc_trim``; nothing
    elsewhere). An ingest's main process receives each coded batch from a worker as a buffer
    of megabytes, unpickled by another thread; freed, such pages can stay in the process
    between the long-lived objects allocated after them, and its resident set grew by more
    than Python and DuckDB count as held (README, *Real news*, what the main process holds)."""
    global _TRIM
    if _TRIM is None:
        import ctypes
        import ctypes.util

        try:
            _TRIM = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
        except (OSError, AttributeError):  # not glibc: its allocator is left alone
            _TRIM = False
    if _TRIM:
        _TRIM(0)


_TRIM = None


def undated_documents(con) -> dict[str, str | None]:
    """doc_id → the story date each stored document coded against its story's date (one
    without a publication date to the day) was coded against."""
    return dict(con.execute("SELECT doc_id, story_date FROM documents WHERE raw IS NOT NULL").fetchall())


def quiet_documents(con, doc_ids: list[str]) -> set[str]:
    """Those of ``doc_ids`` whose stored coding told no event and no agreement step: only
    the dating of events and steps reads a reference date, so coding them again against
    another gives nothing again."""
    loud: set[str] = set()
    for start in range(0, len(doc_ids), 1000):
        part = list(doc_ids[start:start + 1000])
        marks = ", ".join("?" for _ in part)
        loud.update(r[0] for r in con.execute(
            f"SELECT doc_id FROM mentions WHERE doc_id IN ({marks}) "
            f"UNION SELECT doc_id FROM agreement_steps WHERE doc_id IN ({marks})", part + part).fetchall())
    return set(doc_ids) - loud


def note_story_dates(con, story_dates: dict[str, str]) -> None:
    """Record the story date stored documents are now coded against (doc_id → ISO date),
    in one statement: for documents whose coding that date does not change."""
    if not story_dates:
        return
    values = ", ".join("(?, ?)" for _ in story_dates)
    con.execute(f"UPDATE documents SET story_date = v.d FROM (VALUES {values}) v(id, d) "
                "WHERE documents.doc_id = v.id", [x for pair in sorted(story_dates.items()) for x in pair])


def stale_undated(con, doc_ids: list[str], *, chunk: int = 256) -> Iterator[Document]:
    """The stored documents ``doc_ids`` as they were read, to code again, in doc_id order,
    read ``chunk`` at a time (their raw text is the bulk of them).

    Yields:
        Documents, each as it was read.
    """
    ordered = sorted(doc_ids)
    for start in range(0, len(ordered), chunk):
        part = ordered[start:start + chunk]
        for doc_id, origin, url, title, published, precision, raw, is_html, key in con.execute(
                "SELECT doc_id, origin, url, title, published, published_precision, raw, is_html, input_key "
                f"FROM documents WHERE doc_id IN ({', '.join('?' for _ in part)}) ORDER BY doc_id", part).fetchall():
            yield Document(doc_id=doc_id, raw=raw, origin=origin, is_html=bool(is_html), url=url,
                           title=title, published=published, published_precision=precision,
                           meta={"input_key": key})


def same_coding(con, docs: list[Document]) -> set[str]:
    """Those of ``docs`` (stored documents coded again) whose mentions and agreement steps are
    exactly what is stored for them: writing them again would only undo and redo the merges.
    Two queries, whatever the number of documents."""
    if not docs:
        return set()
    ids = [d.doc_id for d in docs]
    marks = ", ".join("?" for _ in ids)
    stored_mentions: dict[str, dict] = {d: {} for d in ids}
    for row in con.execute(f"SELECT {', '.join(EVENT_COLUMNS)} FROM mentions WHERE doc_id IN ({marks})",
                           ids).fetchall():
        stored_mentions[row[1]][row[0]] = tuple(row)
    stored_steps: dict[str, dict] = {d: {} for d in ids}
    for row in con.execute(f"SELECT {', '.join(_STEP_COLUMNS)} FROM agreement_steps WHERE doc_id IN ({marks})",
                           ids).fetchall():
        stored_steps[row[9]][row[0]] = tuple(row)
    out = set()
    for doc in docs:
        mentions = {e.event_id: tuple(_event_row(e)[c] for c in EVENT_COLUMNS) for e in doc.events}
        steps = {row[0]: tuple(row) for row in map(_step_row, doc.statuses)}
        if mentions == stored_mentions[doc.doc_id] and steps == stored_steps[doc.doc_id]:
            out.add(doc.doc_id)
    return out


def _write_agreement(con, agreement: Agreement) -> None:
    """Add an agreement, or widen a known one: more parties, a full name, an owner."""
    row = con.execute("SELECT parties, full_name, owner FROM agreements WHERE agreement_key = ?",
                      [agreement.key]).fetchone()
    if row is None:
        con.execute("INSERT INTO agreements VALUES (?, ?, ?, ?, ?, ?)",
                    [agreement.key, agreement.name, agreement.full_name, agreement.kind,
                     json.dumps(agreement.parties), agreement.owner])
        return
    parties = list(dict.fromkeys(json.loads(row[0] or "[]") + agreement.parties))
    con.execute("UPDATE agreements SET parties = ?, full_name = ?, owner = ? WHERE agreement_key = ?",
                [json.dumps(parties), row[1] or agreement.full_name, row[2] or agreement.owner, agreement.key])


_STEP_COLUMNS = ("step_id", "agreement_key", "status", "event_date", "date_precision", "date_end", "actor",
                 "parties", "implied", "doc_id", "story_id", "sentence", "span_start", "span_end", "confidence")


def _step_row(step: StatusChange) -> list:
    step_id = make_event_id(step.doc_id, step.span[0], step.agreement, step.status, str(step.implied),
                            str(step.anchor), step.event_date or "")
    return [step_id, step.agreement, step.status, step.event_date, step.date_precision, step.date_end,
            step.actor, json.dumps(step.parties), step.implied, step.doc_id, step.story_id, step.sentence,
            step.span[0], step.span[1], step.confidence]


def _write_step(con, step: StatusChange) -> None:
    con.execute(f"INSERT OR REPLACE INTO agreement_steps ({', '.join(_STEP_COLUMNS)}) "
                f"VALUES ({', '.join('?' for _ in _STEP_COLUMNS)})", _step_row(step))


def known_hashes(con) -> dict[str, str]:
    """doc_id → input key of every stored document (to skip unchanged input early)."""
    return dict(con.execute("SELECT doc_id, coalesce(input_key, content_hash) FROM documents").fetchall())


def load_story_index(con, index) -> None:
    """Fill a :class:`~bilat.stages.stories.StoryIndex` from the store.

    Raises:
        BilatError: the store was clustered with other parameters.
    """
    row = con.execute("SELECT value FROM meta WHERE key = 'story_params'").fetchone()
    params = json.dumps(index.params_dict(), sort_keys=True)
    if row is None:
        con.execute("INSERT INTO meta VALUES ('story_params', ?)", [params])
    elif row[0] != params:
        raise BilatError("E302", f"this store's stories were built with {row[0]}; "
                                 f"refusing to extend them with {params}")
    # a chunk of rows at a time: the whole table as Python rows (two signatures of 512 bytes
    # each a document) came to more than the index's own arrays, and the freed rows left
    # their pages in the process (README, *Real news*, what the main process holds)
    cur = con.execute("SELECT doc_id, story_id, published, near, facts FROM story_index ORDER BY doc_id")
    while True:
        rows = cur.fetchmany(2048)
        if not rows:
            break
        for doc_id, story_id, published, near, facts in rows:
            index.add(doc_id, story_id, near, facts, published if isinstance(published, date) else None)
    release_free_memory()
