"""The one query layer: events, mentions, timelines, stories and agreements over a bilat store.

Formatting and export of what it returns live in :mod:`bilat.export`.
"""
from __future__ import annotations

import json
import re
from datetime import date

from bilat.document import Document
from bilat.errors import BilatError
from bilat.store import (EVENT_COLUMNS, connect, known_hashes, load_story_index, stale_undated, write_document,
                         write_unlocked)

# Columns of the event record, in the documented order (docs/record.md).
RECORD_FIELDS = ("event_id", "doc_id", "story_id", "source", "target", "source_sector",
                 "target_sector", "source_text", "target_text", "cameo", "root", "quad",
                 "goldstein", "event_date", "date_precision", "reported_date", "sentence", "span",
                 "agreement", "quantities", "confidence", "sources", "plover", "trigger", "date_end")


def parse_dyad(dyad: str) -> tuple[str, str]:
    """``"PAK-USA"`` → ``("PAK", "USA")``."""
    parts = [p.strip().upper() for p in dyad.replace("–", "-").split("-") if p.strip()]
    if len(parts) != 2:
        raise BilatError("E400", f"a dyad is two actor codes joined by '-', not {dyad!r}")
    return parts[0], parts[1]


_ISO_PREFIX = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def _check_date(value: str | None, name: str) -> str | None:
    """``value`` if it is a calendar date as YYYY, YYYY-MM or YYYY-MM-DD, else an E400."""
    if value is None:
        return None
    problem = f"{name} must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), not {value[:40]!r}"
    if not isinstance(value, str) or not _ISO_PREFIX.fullmatch(value):
        raise BilatError("E400", problem)
    try:
        date.fromisoformat((value + "-01-01")[:10] if len(value) < 10 else value)
    except ValueError as exc:
        raise BilatError("E400", problem) from exc
    return value


def _record(row: dict) -> dict:
    out = {k: row.get(k) for k in RECORD_FIELDS if k not in ("span", "quantities")}
    out["span"] = [row["span_start"], row["span_end"]]
    out["quantities"] = json.loads(row["quantities"] or "[]")
    record = {k: out[k] for k in RECORD_FIELDS}
    if "merged_id" in row:
        record["merged_id"] = row["merged_id"]  # the event this mention supports
    return record


class Store:
    """A bilat database: ingest documents, query events, timelines, exports.

    Example:
        >>> store = Store(":memory:")
        >>> store.events()
        []
    """

    def __init__(self, path: str, *, read_only: bool = False) -> None:
        self.path = path
        self.con = connect(path, read_only=read_only)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing
    def add(self, doc: Document, story_rows: list[tuple] = ()) -> str:
        """Store one processed document; returns ``added``, ``replaced`` or ``unchanged``."""
        return write_document(self.con, doc, story_rows)

    def known(self) -> dict[str, str]:
        return known_hashes(self.con)

    def ingest(self, inputs, *, pipeline=None, on_error=None, progress=None, stdin=None) -> dict[str, int]:
        """Read, code and store ``inputs``; returns counts of added, replaced, unchanged.

        A document already stored, read with the same text, ``published``, ``title`` and
        ``url``, is not coded again. Each parse batch is stored in one transaction (a
        document, its mentions, events, agreement steps and story entry together), so a run
        killed at any moment leaves whole documents only, and running the same ingest again
        ends with what one uninterrupted run gives. Last, documents coded against a story
        date that has since changed (an undated copy whose dated original came later, in
        this run or an earlier one) are coded again.
        """
        from bilat.errors import InputError
        from bilat.pipeline import Pipeline

        pipeline = pipeline or Pipeline()
        index = pipeline.new_story_index()
        load_story_index(self.con, index)
        pipeline = pipeline.with_stories(index)
        known = self.known()
        tally = {"added": 0, "replaced": 0, "unchanged": 0}

        def fresh():
            for item in pipeline.read(inputs, stdin=stdin):
                if isinstance(item, InputError):
                    if on_error is not None:
                        on_error(item)
                elif known.get(item.doc_id) == item.meta.setdefault("input_key", item.input_key()):
                    tally["unchanged"] += 1
                else:
                    yield item

        stream = pipeline.pipe(fresh(), on_error=on_error)
        for batch in _batches(progress(stream) if progress else stream, pipeline.settings.batch_size):
            for outcome in self._write_batch(batch, index):
                tally[outcome] += 1
        # a dated document gave a story a (new) date: code its undated copies again against it
        story_dates = {}
        for doc_id in index.documents():
            found = index.story_dates.get(index.story_of(doc_id))
            story_dates[doc_id] = found.isoformat() if found else None
        redo = stale_undated(self.con, story_dates)
        for batch in _batches(pipeline.pipe(redo, on_error=on_error), pipeline.settings.batch_size):
            self._write_batch(batch, index, force=True)
        return tally

    def _write_batch(self, batch: list[Document], index, *, force: bool = False) -> list[str]:
        """Store documents and their story entries in one transaction."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            outcomes = []
            for doc in batch:
                row = index.pending.get(doc.doc_id)
                outcomes.append(write_unlocked(self.con, doc, [row] if row else [], force=force))
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        for doc in batch:
            index.pending.pop(doc.doc_id, None)
        return outcomes

    # -- reading
    def mentions(self, **filters) -> list[dict]:
        """Each event as each document tells it (GDELT's Mentions), same filters as :meth:`events`."""
        return self.events(table="mentions", **filters)

    def events(self, *, dyad: str | tuple[str, str] | None = None, since: str | None = None,
               until: str | None = None, directed: bool = False, table: str = "events") -> list[dict]:
        """Event records, one per event however many documents report it (``sources``),
        optionally for one dyad (both directions unless ``directed``).

        ``since``/``until`` compare against ``event_date`` (ISO prefixes compare as text:
        ``2011`` is within ``since=2011``); undated events are excluded when either is given.
        """
        where, params = [], []
        if dyad:
            a, b = parse_dyad(dyad) if isinstance(dyad, str) else dyad
            if directed:
                where.append("source = ? AND target = ?")
                params += [a, b]
            else:
                where.append("((source = ? AND target = ?) OR (source = ? AND target = ?))")
                params += [a, b, b, a]
        if _check_date(since, "--since"):
            where.append("event_date IS NOT NULL AND substr(event_date, 1, ?) >= substr(?, 1, length(event_date))")
            params += [len(since), since]
        if _check_date(until, "--until"):
            where.append("event_date IS NOT NULL AND substr(event_date, 1, ?) <= ?")
            params += [len(until), until]
        if table not in ("events", "mentions"):
            raise BilatError("E400", f"no table {table!r}")
        columns = EVENT_COLUMNS + (("merged_id",) if table == "mentions" else ())
        sql = f"SELECT {', '.join(columns)} FROM {table}"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY event_date NULLS LAST, doc_id, span_start, event_id"
        cur = self.con.execute(sql, params)
        names = [d[0] for d in cur.description]
        return [_record(dict(zip(names, row))) for row in cur.fetchall()]

    def timeline(self, a: str, b: str, *, blocs: bool = True) -> list[dict]:
        """The dyad's dated events in date order, both directions, with tone (Goldstein).

        With ``blocs``, events between one state and a body the other belongs to (Pakistan
        and NATO, for Pakistan–US) are included, each with ``via`` naming the body.
        """
        return [r for r in self._dyad_rows(a, b, blocs) if r["event_date"]]

    def undated(self, a: str, b: str, *, blocs: bool = True) -> list[dict]:
        """The dyad's events whose date the text does not fix."""
        return [r for r in self._dyad_rows(a, b, blocs) if not r["event_date"]]

    def _dyad_rows(self, a: str, b: str, blocs: bool) -> list[dict]:
        a, b = a.upper(), b.upper()
        rows = [dict(r, via=None) for r in self.events(dyad=(a, b))]
        if blocs:
            from bilat.stages.actors import memberships

            for body, members in memberships().items():
                for member, other in ((b, a), (a, b)):
                    if member in members and other not in members:
                        rows += [dict(r, via=body) for r in self.events(dyad=(other, body))]
        rows.sort(key=lambda r: (r["event_date"] is None, r["event_date"] or "", r["doc_id"], r["span"][0]))
        return rows

    def agreements(self, a: str | None = None, b: str | None = None, *, on: str | None = None) -> list[dict]:
        """Agreements and programmes with their parties, history and state.

        Args:
            a, b: only agreements to which these actors are parties.
            on: the date (ISO, any precision) the ``status`` and ``state`` refer to; default today.

        Each has ``name``, ``full_name``, ``kind``, ``parties``, ``status`` (its state on
        ``on``), ``state`` (per party) and ``history``: steps with ``status``, ``date``,
        ``precision``, ``actor``, ``implied``, ``sources`` and the supporting ``tellings``.
        """
        from datetime import date as _date

        from bilat.stages.agreements import merge_history, state_on

        on = _check_date(on, "--on") or _date.today().isoformat()
        wanted = [c.upper() for c in (a, b) if c]
        out = []
        for key, name, full_name, kind, parties, owner in self.con.execute(
                "SELECT agreement_key, name, full_name, kind, parties, owner FROM agreements ORDER BY name").fetchall():
            parties = json.loads(parties or "[]")
            if any(w not in parties for w in wanted):
                continue
            cur = self.con.execute(
                "SELECT status, event_date, date_precision, date_end, actor, implied, doc_id, sentence, "
                "span_start, span_end FROM agreement_steps WHERE agreement_key = ? ORDER BY doc_id, span_start",
                [key])
            names = [d[0] for d in cur.description]
            rows = [dict(zip(names, r)) for r in cur.fetchall()]
            for row in rows:
                row["span"] = [row.pop("span_start"), row.pop("span_end")]
            history = merge_history(rows)
            if not history:
                continue
            state = state_on(history, parties, on)
            statuses = set(state.values()) - {None}
            out.append({
                "name": name, "full_name": full_name, "kind": kind, "parties": parties, "owner": owner,
                "on": on, "status": statuses.pop() if len(statuses) == 1 else (None if not statuses else "mixed"),
                "state": state,
                "history": [{"status": s["status"], "date": s["event_date"], "precision": s["date_precision"],
                             "actor": s["actor"], "implied": s["implied"], "sources": s["sources"],
                             "tellings": s["tellings"]} for s in history],
            })
        return out

    def lifecycle(self, a: str, b: str) -> list[dict]:
        """Dated steps of the agreements between A and B, for a timeline."""
        rows = []
        for agreement in self.agreements(a, b):
            for step in agreement["history"]:
                if step["date"]:
                    rows.append({"event_date": step["date"], "agreement": agreement["name"],
                                 "status": step["status"], "implied": step["implied"],
                                 "sources": step["sources"], "sentence": step["tellings"][0]["sentence"]})
        return sorted(rows, key=lambda r: r["event_date"])

    def counts(self) -> dict[str, int]:
        count = lambda table: self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: E731
        stories = self.con.execute("SELECT count(DISTINCT story_id) FROM documents").fetchone()[0]
        return {"documents": count("documents"), "stories": stories, "events": count("events"),
                "mentions": count("mentions")}

    def stories(self) -> list[dict]:
        """Stories with their documents, the largest first."""
        rows = self.con.execute(
            "SELECT story_id, doc_id, published, title FROM documents ORDER BY story_id, published NULLS LAST, doc_id"
        ).fetchall()
        stories: dict[str, dict] = {}
        for story_id, doc_id, published, title in rows:
            story = stories.setdefault(story_id, {"story_id": story_id, "documents": [], "first_published": None})
            story["documents"].append({"doc_id": doc_id, "published": published, "title": title})
            if published and (story["first_published"] is None or published < story["first_published"]):
                story["first_published"] = published
        return sorted(stories.values(), key=lambda s: (-len(s["documents"]), s["first_published"] or "", s["story_id"]))


def _batches(items, size: int):
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
