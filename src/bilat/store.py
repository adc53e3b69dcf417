"""Store: the DuckDB schema, migrations and idempotent writes.

Tables: ``documents``; ``mentions`` (one row per event as a document tells it, with its
sentence, like GDELT's Mentions table); ``events`` (one row per event, merged across
documents and stories, with ``sources``); ``story_index`` (each document's story and its
MinHash signatures, so that a new document joins a story without recomputing the corpus);
``meta`` (schema version, story parameters).

Ingesting the same document twice changes nothing; a document whose content changed replaces
its earlier version, and the events it supported are recomputed from what remains.
"""
from __future__ import annotations

import json
from datetime import date, datetime, timezone

from bilat.document import Agreement, Document, Event, StatusChange, make_event_id
from bilat.errors import BilatError
from bilat.stages.merge import absorb, same_event

SCHEMA_VERSION = 2

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
    ingested_at TIMESTAMP
);
CREATE TABLE IF NOT EXISTS mentions (
    event_id VARCHAR PRIMARY KEY,
    doc_id VARCHAR NOT NULL,
    story_id VARCHAR,{_EVENT_COLUMNS_SQL},
    merged_id VARCHAR
);
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR PRIMARY KEY,
    doc_id VARCHAR NOT NULL,
    story_id VARCHAR,{_EVENT_COLUMNS_SQL}
);
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
    import duckdb
    from pathlib import Path

    if path != ":memory:" and Path(path).is_dir():  # the Parquet output of bilat spark
        from bilat.lake import connect_output

        return connect_output(path, read_only=read_only)
    if read_only and path != ":memory:" and not Path(path).is_file():
        raise BilatError("E303", f"no database at {path} (bilat ingest creates one; "
                                 "choose another with --db or BILAT_DB)")

    try:
        con = duckdb.connect(path, read_only=read_only)
    except duckdb.Error as exc:
        raise BilatError("E300", f"cannot open {path}: {exc}") from exc
    if read_only:
        return con
    version = _version(con)
    if version > SCHEMA_VERSION:
        raise BilatError("E301", f"{path} has schema {version}; this bilat knows {SCHEMA_VERSION}")
    if version == 1:
        _migrate_1_to_2(con)
    con.execute(_SCHEMA)
    con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
    return con


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


def _event_row(event: Event) -> dict:
    data = event.to_dict()
    data["span_start"], data["span_end"] = event.span
    data["quantities"] = json.dumps(data["quantities"])
    return {c: data.get(c) for c in EVENT_COLUMNS}


def _candidates(con, mention: dict) -> list[dict]:
    cur = con.execute(
        f"SELECT {', '.join(EVENT_COLUMNS)} FROM events WHERE root = ? AND "
        "((source = ? AND target = ?) OR (source = ? AND target = ?))",
        [mention["root"], mention["source"], mention["target"], mention["target"], mention["source"]])
    names = [d[0] for d in cur.description]
    events = []
    for row in cur.fetchall():
        event = dict(zip(names, row))
        support = con.execute("SELECT doc_id, story_id, sentence FROM mentions WHERE merged_id = ?",
                              [event["event_id"]]).fetchall()
        event["doc_ids"] = {r[0] for r in support}
        event["story_ids"] = {r[1] for r in support if r[1]}
        event["sentences"] = {r[2] for r in support}
        events.append(event)
    return events


def _merge_mention(con, mention: dict) -> str:
    """Attach one mention to the event it reports, creating the event if it is new."""
    for event in _candidates(con, mention):
        if same_event(event, mention):
            absorb(event, mention)
            sets = ", ".join(f"{c} = ?" for c in EVENT_COLUMNS[1:])
            con.execute(f"UPDATE events SET {sets} WHERE event_id = ?",
                        [event.get(c) for c in EVENT_COLUMNS[1:]] + [event["event_id"]])
            con.execute("UPDATE mentions SET merged_id = ? WHERE event_id = ?", [event["event_id"], mention["event_id"]])
            return event["event_id"]
    row = dict(mention, sources=1)
    con.execute(f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES ({', '.join('?' for _ in EVENT_COLUMNS)})",
                [row.get(c) for c in EVENT_COLUMNS])
    con.execute("UPDATE mentions SET merged_id = ? WHERE event_id = ?", [mention["event_id"], mention["event_id"]])
    return mention["event_id"]


def _forget_document(con, doc_id: str) -> None:
    """Remove a document's mentions and rebuild the events they supported."""
    affected = [r[0] for r in con.execute(
        "SELECT DISTINCT merged_id FROM mentions WHERE doc_id = ?", [doc_id]).fetchall()]
    con.execute("DELETE FROM mentions WHERE doc_id = ?", [doc_id])
    con.execute("DELETE FROM agreement_steps WHERE doc_id = ?", [doc_id])
    con.execute("DELETE FROM documents WHERE doc_id = ?", [doc_id])
    for event_id in affected:
        cur = con.execute(f"SELECT {', '.join(EVENT_COLUMNS)} FROM mentions WHERE merged_id = ? "
                          "ORDER BY doc_id, span_start", [event_id])
        names = [d[0] for d in cur.description]
        rest = [dict(zip(names, r)) for r in cur.fetchall()]
        con.execute("DELETE FROM events WHERE event_id = ?", [event_id])
        for mention in rest:
            _merge_mention(con, mention)


def write_document(con, doc: Document, story_rows: list[tuple] = (), *, force: bool = False) -> str:
    """Store one processed document, its mentions, and their merged events.

    Args:
        force: replace the stored version even if its content is the same (it was coded
            again with more context, e.g. its story's date).

    Returns:
        ``"added"``, ``"replaced"`` (its content changed) or ``"unchanged"``.
    """
    row = con.execute("SELECT content_hash FROM documents WHERE doc_id = ?", [doc.doc_id]).fetchone()
    if row is not None and row[0] == doc.content_hash and not force:
        return "unchanged"
    con.execute("BEGIN TRANSACTION")
    try:
        if row is not None:
            _forget_document(con, doc.doc_id)
        con.execute(
            "INSERT INTO documents (doc_id, origin, url, title, published, published_precision, content_hash, "
            "story_id, text, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [doc.doc_id, doc.origin, doc.url, doc.title, doc.published, doc.published_precision,
             doc.content_hash, doc.story_id, doc.text, datetime.now(timezone.utc).replace(tzinfo=None)],
        )
        for event in doc.events:
            mention = _event_row(event)
            con.execute(f"INSERT OR REPLACE INTO mentions ({', '.join(MENTION_COLUMNS)}) "
                        f"VALUES ({', '.join('?' for _ in MENTION_COLUMNS)})",
                        [mention.get(c) for c in EVENT_COLUMNS] + [None])
            _merge_mention(con, mention)
        for agreement in doc.agreements:
            _write_agreement(con, agreement)
        for step in doc.statuses:
            _write_step(con, step)
        for entry in story_rows:
            con.execute("INSERT OR REPLACE INTO story_index VALUES (?, ?, ?, ?, ?)", list(entry))
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return "added" if row is None else "replaced"


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


def _write_step(con, step: StatusChange) -> None:
    step_id = make_event_id(step.doc_id, step.span[0], step.agreement, step.status, str(step.implied),
                            str(step.anchor), step.event_date or "")
    con.execute("INSERT OR REPLACE INTO agreement_steps VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [step_id, step.agreement, step.status, step.event_date, step.date_precision, step.date_end,
                 step.actor, json.dumps(step.parties), step.implied, step.doc_id, step.story_id, step.sentence,
                 step.span[0], step.span[1], step.confidence])


def known_hashes(con) -> dict[str, str]:
    """doc_id → content hash of every stored document (to skip unchanged input early)."""
    return dict(con.execute("SELECT doc_id, content_hash FROM documents").fetchall())


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
    for doc_id, story_id, published, near, facts in con.execute(
            "SELECT doc_id, story_id, published, near, facts FROM story_index ORDER BY doc_id").fetchall():
        index.add(doc_id, story_id, index.signature_from_bytes(near), index.signature_from_bytes(facts),
                  published if isinstance(published, date) else None)
