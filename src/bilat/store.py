"""Store: the DuckDB schema and idempotent writes.

Ingesting the same document twice changes nothing; a document whose content changed replaces
its earlier version and that version's events. The schema carries a version in ``meta``.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone

from bilat.document import Document, Event
from bilat.errors import BilatError

SCHEMA_VERSION = 1

_SCHEMA = """
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
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR PRIMARY KEY,
    doc_id VARCHAR NOT NULL,
    story_id VARCHAR,
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
    trigger VARCHAR
);
"""

EVENT_COLUMNS = ("event_id", "doc_id", "story_id", "source", "target", "source_sector",
                 "target_sector", "source_text", "target_text", "cameo", "root", "quad",
                 "goldstein", "plover", "event_date", "date_precision", "reported_date",
                 "sentence", "span_start", "span_end", "agreement", "quantities", "confidence",
                 "sources", "trigger")


def connect(path: str, *, read_only: bool = False):
    """Open (and if needed create or migrate) the store at ``path``."""
    import duckdb

    try:
        con = duckdb.connect(path, read_only=read_only)
    except duckdb.Error as exc:
        raise BilatError("E300", f"cannot open {path}: {exc}") from exc
    if not read_only:
        con.execute(_SCHEMA)
        row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None:
            con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
        elif int(row[0]) > SCHEMA_VERSION:
            raise BilatError("E301", f"{path} has schema {row[0]}; this bilat knows {SCHEMA_VERSION}")
    return con


def schema_version(con) -> int:
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def _event_row(event: Event) -> list:
    data = event.to_dict()
    data["span_start"], data["span_end"] = event.span
    data["quantities"] = json.dumps(data["quantities"])
    return [data[c] for c in EVENT_COLUMNS]


def write_document(con, doc: Document) -> str:
    """Store one processed document and its events.

    Returns:
        ``"added"``, ``"replaced"`` (its content changed) or ``"unchanged"``.
    """
    row = con.execute("SELECT content_hash FROM documents WHERE doc_id = ?", [doc.doc_id]).fetchone()
    if row is not None and row[0] == doc.content_hash:
        return "unchanged"
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM events WHERE doc_id = ?", [doc.doc_id])
        con.execute("DELETE FROM documents WHERE doc_id = ?", [doc.doc_id])
        con.execute(
            "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [doc.doc_id, doc.origin, doc.url, doc.title, doc.published, doc.published_precision,
             doc.content_hash, doc.story_id, doc.text, datetime.now(timezone.utc).replace(tzinfo=None)],
        )
        if doc.events:
            placeholders = ", ".join("?" for _ in EVENT_COLUMNS)
            con.executemany(f"INSERT OR REPLACE INTO events VALUES ({placeholders})",
                            [_event_row(e) for e in doc.events])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return "added" if row is None else "replaced"


def known_hashes(con) -> dict[str, str]:
    """doc_id → content hash of every stored document (to skip unchanged input early)."""
    return dict(con.execute("SELECT doc_id, content_hash FROM documents").fetchall())
