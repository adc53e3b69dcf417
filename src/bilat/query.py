"""The one query layer: events, mentions, timelines, stories and agreements over a bilat store.

Formatting and export of what it returns live in :mod:`bilat.export`.
"""
from __future__ import annotations

import json
import re
from datetime import date
from functools import lru_cache
from pathlib import Path

from bilat.document import Document
from bilat.errors import BilatError
from bilat.store import (EVENT_COLUMNS, DyadCache, PeriodTally, _event_row, cluster_if_due, connect, cursor, known_hashes, load_story_index,
                         note_story_dates, quiet_documents, release_free_memory, same_coding, stale_undated, trim_cache, undated_documents,
                         write_document, write_unlocked)

# Columns of the event record, in the documented order (docs/record.md).
RECORD_FIELDS = ("event_id", "doc_id", "story_id", "source", "target", "source_sector",
                 "target_sector", "source_text", "target_text", "cameo", "root", "quad",
                 "goldstein", "event_date", "date_precision", "reported_date", "sentence", "span",
                 "agreement", "quantities", "confidence", "sources", "plover", "trigger", "date_end")
# Every export format carries these columns, in this order: the record, then where it came from.
EXPORT_FIELDS = RECORD_FIELDS + ("merged_id", "url", "outlet", "title")


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


def outlet_of(url: str | None) -> str | None:
    """The outlet a URL belongs to, by its host: ``https://www.dawn.com/news/1`` → ``dawn.com``."""
    if not url:
        return None
    from urllib.parse import urlsplit

    host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else (host or None)


def _record(row: dict) -> dict:
    out = {k: row.get(k) for k in RECORD_FIELDS if k not in ("span", "quantities")}
    out["span"] = [row["span_start"], row["span_end"]]
    out["quantities"] = json.loads(row["quantities"] or "[]")
    record = {k: out[k] for k in RECORD_FIELDS}
    record["merged_id"] = row.get("merged_id")  # the event a mention supports (an event: itself)
    record["url"] = row.get("url")
    record["outlet"] = outlet_of(row.get("url"))
    record["title"] = row.get("title")
    return record


def _dyad_pairs(a: str, b: str, blocs: bool) -> list[tuple[str, str, str | None]]:
    """The pairs whose events make up the A–B relationship: A–B itself, and with ``blocs``
    each state with a body the other belongs to and it does not (PAK–NATO for PAK–USA),
    the third item naming that body."""
    pairs = [(a, b, None)]
    if blocs:
        for body, members in sorted(_memberships().items()):
            for member, other in ((b, a), (a, b)):
                if member in members and other not in members:
                    pairs.append((other, body, body))
    return pairs


@lru_cache(maxsize=1)
def _memberships() -> dict[str, frozenset[str]]:
    """International body → its member states: the file ``bilat.stages.actors.memberships``
    reads (``data/actors/memberships.tsv``), read here without loading the actor stage,
    which would cost every ``bilat timeline`` 3 ms of CPU (tests/test_timeline.py checks
    that both give the same)."""
    import csv

    with (Path(__file__).parent / "data" / "actors" / "memberships.tsv").open(encoding="utf-8") as fh:
        return {row["body"]: frozenset(row["members"].split("|")) for row in csv.DictReader(fh, delimiter="\t")}


def _literal(text: str) -> str:
    """A string as an SQL literal (quotes doubled), for lists DuckDB must see as constants."""
    return "'" + str(text).replace("'", "''") + "'"


def _within(date_text: str, since: str | None, until: str | None) -> bool:
    """Is an ISO date (or a period: ``2011-11``, ``2011``) within ``since``/``until``, as
    :meth:`Store.events` compares them (a date and a bound agree on their common prefix)?"""
    if since and date_text[:len(since)] < since[:len(date_text)]:
        return False
    return not (until and date_text[:len(until)] > until)


def _directed(pairs: list[tuple[str, str, str | None]]) -> list[tuple[str, str, int]]:
    """Each pair of :func:`_dyad_pairs` both ways, as ``(source, target, index of the pair)``;
    a pair of one actor with itself once."""
    out = {}
    for i, (x, y, _) in enumerate(pairs):
        for key in ((x, y), (y, x)):
            out.setdefault(key, i)
    return [(x, y, i) for (x, y), i in out.items()]


def _by_period(by_pair: list[tuple[str, str, str, int]]) -> list[tuple[str, int]]:
    """(period, events) summed over the pairs of :meth:`Store._pair_counts`, in period order."""
    totals: dict[str, int] = {}
    for _, _, period, n in by_pair:
        totals[period] = totals.get(period, 0) + n
    return sorted(totals.items())


# Characters of an ISO date a period of each frequency keeps.
_FREQ_LENGTH = {"year": 4, "quarter": 7, "month": 7}


def _period(date_prefix: str, freq: str) -> str:
    if freq == "quarter" and len(date_prefix) == 7:
        return f"{date_prefix[:4]}-Q{(int(date_prefix[5:7]) - 1) // 3 + 1}"
    return date_prefix


class Store:
    """A bilat database: ingest documents, query events, timelines, exports.

    Example:
        >>> store = Store(":memory:")
        >>> store.events()
        []
    """

    def __init__(self, path: str, *, read_only: bool = False) -> None:
        self.path = path
        # what resolve() found, kept while the store is open read-only: nothing can change
        # it then (DuckDB lets no process write a file that one has open read-only)
        self._resolved: dict[str, str] | None = {} if read_only else None
        if path != ":memory:" and Path(path).is_dir():  # the Parquet output of bilat spark
            from bilat.lake import connect_output

            self.con = connect_output(path, read_only=read_only)
        else:
            self.con = connect(path, read_only=read_only)

    def close(self) -> None:
        self.con.close()

    def cursor(self) -> "Store":
        """Another Store over the same open database, for another thread. DuckDB lets one
        process read through many cursors while one of them ingests: each read sees the
        batches committed so far. Close it before this store."""
        other = object.__new__(Store)
        other.path, other.con = self.path, cursor(self.con)
        other._resolved = self._resolved
        return other

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
        this run or an earlier one) are coded again. Parsing and coding run in the
        pipeline's ``settings.worker_count`` processes (see :meth:`Pipeline.pipe`); story
        assignment, merging and writing stay in this one, in input order.

        Args:
            progress: ``progress(iterable, total)`` wraps the stream of inputs read (a tqdm
                bar, say); ``total`` is their number, or None when stdin is among them.
        """
        from bilat.errors import InputError
        from bilat.pipeline import Pipeline

        pipeline = pipeline or Pipeline()
        inputs = [inputs] if isinstance(inputs, str) else list(inputs)  # walked twice: counted, then read
        index = pipeline.new_story_index()
        load_story_index(self.con, index)
        pipeline = pipeline.with_stories(index)
        known = self.known()
        tally = {"added": 0, "replaced": 0, "unchanged": 0}

        def fresh():
            read = pipeline.read(inputs, stdin=stdin)
            # the bar counts documents as they are read: ahead of coding by one parse batch at most
            for item in (progress(read, pipeline.count(inputs)) if progress else read):
                if isinstance(item, InputError):
                    if on_error is not None:
                        on_error(item)
                elif known.get(item.doc_id) == item.meta.setdefault("input_key", item.input_key()):
                    tally["unchanged"] += 1
                else:
                    yield item

        stream = pipeline.pipe(fresh(), on_error=on_error)
        for batch in _batches(stream, pipeline.settings.batch_size):
            for outcome in self._write_batch(batch, index):
                tally[outcome] += 1
            release_free_memory()
        # a dated document gave a story a (new) date: code its undated copies again against it
        moved = {}
        for doc_id, used in undated_documents(self.con).items():
            found = index.story_dates.get(index.story_of(doc_id))
            if found is not None and found.isoformat() != used:
                moved[doc_id] = found.isoformat()
        quiet = quiet_documents(self.con, sorted(moved))  # no event, no step: nothing to re-date
        note_story_dates(self.con, {d: moved[d] for d in quiet})
        redo = stale_undated(self.con, [d for d in moved if d not in quiet])
        for batch in _batches(pipeline.pipe(redo, on_error=on_error), pipeline.settings.batch_size):
            self._write_batch(batch, index, force=True)
            release_free_memory()
        cluster_if_due(self.con)  # keeps timeline pages fast as the store grows
        return tally

    def _write_batch(self, batch: list[Document], index, *, force: bool = False) -> list[str]:
        """Store documents and their story entries in one transaction."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            outcomes = []
            writes = batch
            if force:  # coded again against a new story date: rewrite only those it changed
                same = same_coding(self.con, batch)
                note_story_dates(self.con, {d.doc_id: d.meta.get("story_date") for d in batch if d.doc_id in same})
                outcomes += ["unchanged"] * len(same)
                writes = [d for d in batch if d.doc_id not in same]
            # the merge candidates of the whole batch, found by one scan of the events
            cache = DyadCache(self.con)
            cache.prefetch(_event_row(e) for doc in writes for e in doc.events)
            tally = PeriodTally()  # the batch's changes to dyad_periods, written in one statement
            for doc in writes:
                row = index.pending.get(doc.doc_id)
                outcomes.append(write_unlocked(self.con, doc, [row] if row else [], force=force, cache=cache,
                                               tally=tally))
            tally.flush(self.con)
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        trim_cache(self.con)  # what DuckDB caches of the store does not grow with it
        for doc in batch:
            index.pending.pop(doc.doc_id, None)
        return outcomes

    # -- reading
    def resolve(self, text: str) -> str:
        """The actor code meant by ``text`` (a code or a name); codes only this store holds
        (from a user dictionary) are accepted too.

        Raises:
            BilatError: E401 with the closest known codes.
        """
        # what a text means depends on its words only, not their case or spacing
        key = " ".join(str(text).split()).lower()
        if self._resolved is not None and key in self._resolved:
            return self._resolved[key]
        code = self._stored_code(text)
        if code is None:
            from bilat.codes import resolve_actor

            try:
                code = resolve_actor(text)
            except BilatError:
                stored = [r[0] for r in self.con.execute(
                    "SELECT source FROM events UNION SELECT target FROM events").fetchall()]
                code = resolve_actor(text, also=stored)
        if self._resolved is not None:
            if len(self._resolved) >= 512:  # a server's store stays open: what users type is not kept forever
                self._resolved.clear()
            self._resolved[key] = code
        return code

    def _stored_code(self, text: str) -> str | None:
        """``text`` as a code (``pak`` → ``PAK``) if this store has events with it as their
        source, else None. :func:`~bilat.codes.resolve_actor` accepts every code a store
        holds as it is, so this answers as it would, from the few row groups of
        ``dyad_periods`` that hold the code, without reading the actor dictionaries (11 ms
        of a fresh command's CPU). Not for the Parquet output of bilat spark (its counts
        are computed from every event) nor a store older than ``dyad_periods``."""
        code = " ".join(str(text).split()).upper()
        if not code or self._periods() != "dyad_periods" or "lake" in self._meta():
            return None
        found = self.con.execute("SELECT 1 FROM dyad_periods WHERE source = ? AND events <> 0 LIMIT 1",
                                 [code]).fetchone()
        return code if found else None

    def mentions(self, **filters) -> list[dict]:
        """Each event as each document tells it (GDELT's Mentions), same filters as :meth:`events`."""
        return self.events(table="mentions", **filters)

    def events(self, *, dyad: str | tuple[str, str] | None = None, since: str | None = None,
               until: str | None = None, directed: bool = False, table: str = "events",
               actor: str | None = None, root: str | None = None, quad: int | None = None,
               text: str | None = None, doc_id: str | None = None, story_id: str | None = None,
               blocs: bool = False, told_in_story: str | None = None, dated: bool | None = None,
               limit: int | None = None, offset: int = 0) -> list[dict]:
        """Event records, one per event however many documents report it (``sources``),
        each with its document's ``url``, ``outlet`` and ``title``, and ``merged_id`` (for an
        event, itself; for a mention, the event it supports).

        Args:
            dyad: two actors (``"PAK-USA"`` or a pair of codes or names), both directions
                unless ``directed``.
            blocs: with ``dyad``, also events between one of them and a body the other
                belongs to (Pakistan and NATO, for Pakistan–US), as :meth:`timeline` shows them.
            actor: events with this actor on either side.
            root: CAMEO root (``"05"``) or a code prefix (``"057"``).
            quad: quad class 1–4.
            since, until: compare against ``event_date`` (ISO prefixes compare as text:
                ``2011`` is within ``since=2011``); undated events are excluded when either is given.
            text: words to find in the sentence (case-insensitive).
            doc_id, story_id: events of one document or story (as the event's best telling says).
            told_in_story: events any document of this story tells.
            dated: only events with (True) or without (False) an ``event_date``.
            limit, offset: a page of the result, in its order (date, document, offset).
            table: ``events`` or ``mentions``.

        Raises:
            BilatError: E400 for a malformed argument, E401 for an unknown actor.

        Example:
            >>> Store(":memory:").events(dyad="PAK-USA", root="05")
            []
        """
        where, params = self._where(dyad=dyad, since=since, until=until, directed=directed, actor=actor,
                                    root=root, quad=quad, text=text, doc_id=doc_id, story_id=story_id,
                                    blocs=blocs, told_in_story=told_in_story, dated=dated)
        if table not in ("events", "mentions"):
            raise BilatError("E400", f"no table {table!r}")
        merged = "e.merged_id" if table == "mentions" else "e.event_id AS merged_id"
        order = " ORDER BY e.event_date NULLS LAST, e.doc_id, e.span_start, e.event_id"
        # filter, order and page the events first; join their documents to the page only
        inner = f"SELECT {', '.join('e.' + c for c in EVENT_COLUMNS)}, {merged} FROM {table} e"
        if where:
            inner += " WHERE " + " AND ".join(where)
        inner += order
        if limit is not None:
            if limit < 0 or offset < 0:
                raise BilatError("E400", "limit and offset must not be negative")
            inner += " LIMIT ? OFFSET ?"
            params += [int(limit), int(offset)]
        sql = f"SELECT e.*, d.url, d.title FROM ({inner}) e LEFT JOIN documents d ON d.doc_id = e.doc_id" + order
        cur = self.con.execute(sql, params)
        names = [d[0] for d in cur.description]
        return [_record(dict(zip(names, row))) for row in cur.fetchall()]

    def count(self, *, table: str = "events", **filters) -> int:
        """How many rows :meth:`events` would return with these filters (for paging)."""
        where, params = self._where(**filters)
        if table not in ("events", "mentions"):
            raise BilatError("E400", f"no table {table!r}")
        sql = f"SELECT count(*) FROM {table} e" + (" WHERE " + " AND ".join(where) if where else "")
        return self.con.execute(sql, params).fetchone()[0]

    def _where(self, *, dyad=None, since=None, until=None, directed=False, actor=None, root=None,
               quad=None, text=None, doc_id=None, story_id=None, blocs=False,
               told_in_story=None, dated=None) -> tuple[list[str], list]:
        where, params = [], []
        if dyad:
            a, b = parse_dyad(dyad) if isinstance(dyad, str) else dyad
            a, b = self.resolve(a), self.resolve(b)
            if directed:
                where.append("e.source = ? AND e.target = ?")
                params += [a, b]
            else:
                pairs = [(x, y) for x, y, _ in _dyad_pairs(a, b, blocs)]
                where.append("(" + " OR ".join("(e.source = ? AND e.target = ?) OR (e.source = ? AND e.target = ?)"
                                               for _ in pairs) + ")")
                for x, y in pairs:
                    params += [x, y, y, x]
        if actor:
            code = self.resolve(actor)
            where.append("(e.source = ? OR e.target = ?)")
            params += [code, code]
        if root:
            if not (str(root).isdigit() and 2 <= len(str(root)) <= 4):
                raise BilatError("E400", f"a CAMEO root or code is 2 to 4 digits ('05', '057'), not {root!r}")
            where.append("starts_with(e.cameo, ?)")
            params.append(str(root))
        if quad is not None:
            if quad not in (1, 2, 3, 4):
                raise BilatError("E400", f"quad is 1, 2, 3 or 4, not {quad!r}")
            where.append("e.quad = ?")
            params.append(quad)
        if text:
            where.append("contains(lower(e.sentence), lower(?))")
            params.append(text)
        if doc_id:
            where.append("e.doc_id = ?")
            params.append(doc_id)
        if story_id:
            where.append("e.story_id = ?")
            params.append(story_id)
        if dated is not None:
            where.append("e.event_date IS NOT NULL" if dated else "e.event_date IS NULL")
        if told_in_story:
            where.append("e.event_id IN (SELECT merged_id FROM mentions WHERE story_id = ?)")
            params.append(told_in_story)
        if _check_date(since, "--since"):
            where.append("e.event_date IS NOT NULL AND substr(e.event_date, 1, ?) >= substr(?, 1, length(e.event_date))")
            params += [len(since), since]
        if _check_date(until, "--until"):
            where.append("e.event_date IS NOT NULL AND substr(e.event_date, 1, ?) <= ?")
            params += [len(until), until]
        return where, params

    def timeline(self, a: str, b: str, *, blocs: bool = True, limit: int | None = None, offset: int = 0,
                 newest: bool = False, since: str | None = None, until: str | None = None) -> list[dict]:
        """The dyad's dated events in date order, both directions, with tone (Goldstein).

        With ``blocs``, events between one state and a body the other belongs to (Pakistan
        and NATO, for Pakistan–US) are included, each with ``via`` naming the body.

        Args:
            limit, offset: a page of the events in their order (all of them by default);
                :meth:`timeline_page` adds the counts a page needs.
            newest: the latest first.
            since, until: only events dated within (ISO prefixes compare as in :meth:`events`).

        Example:
            >>> Store(":memory:").timeline("PAK", "USA", limit=10, newest=True)
            []
        """
        if limit is None:
            return self._dyad_rows(a, b, blocs, dated=True, newest=newest, since=since, until=until)
        return self._dyad_page(a, b, blocs, limit=limit, offset=offset, newest=newest, since=since, until=until)

    def undated(self, a: str, b: str, *, blocs: bool = True) -> list[dict]:
        """The dyad's events whose date the text does not fix."""
        return self._dyad_rows(a, b, blocs, dated=False)

    def timeline_page(self, a: str, b: str, *, blocs: bool = True, limit: int | None = 100, offset: int = 0,
                      newest: bool = False, since: str | None = None, until: str | None = None,
                      documents: bool = True) -> dict:
        """What ``bilat timeline A B`` shows: one page of the dyad's dated events, how many
        there are in all and after this page, how many are undated, and the agreement steps
        that fall among the page's events. Its counts come from ``dyad_periods``, so a busy
        dyad of a large store answers as fast as a quiet one.

        Args:
            a, b: the two actors (codes or names).
            limit: events on the page (None: all); offset: events skipped before it.
            newest: the latest first (default: the earliest first).
            since, until: only events dated within (``2011``, ``2011-11``, ``2011-11-26``).
            documents: read each event's ``url``, ``outlet`` and ``title`` from its document
                (the default); False spares a page that lookup, for a reader that shows none
                of them (the command's table), and may leave them None.

        Returns:
            ``a``, ``b`` (codes), ``total`` (dated events within ``since``/``until``),
            ``undated``, ``offset``, ``limit``, ``newest``, ``events`` (the page, as
            :meth:`timeline` gives them), ``more`` (dated events after the page, in its
            order) and ``steps``: the dated agreement steps (as :meth:`lifecycle`) within the
            page's dates, those before the first page on it and those after the last on it.

        Raises:
            BilatError: E400 for a negative limit or offset or a malformed date, E401 for
                an unknown actor.

        Example:
            >>> Store(":memory:").timeline_page("PAK", "USA")["total"]
            0
        """
        if (limit is not None and limit < 0) or offset < 0:
            raise BilatError("E400", "limit and offset must not be negative")
        a, b = self.resolve(a), self.resolve(b)
        _check_date(since, "--since")
        _check_date(until, "--until")
        by_pair = self._pair_counts(a, b, blocs)
        counts = _by_period(by_pair)
        if any(bound and len(bound) > 7 for bound in (since, until)):  # a day cuts a month: count those events
            total = self.count(dyad=(a, b), blocs=blocs, since=since, until=until, dated=True)
        else:
            total = sum(n for period, n in counts if period and _within(period, since, until))
        if limit is None:
            rows = self._dyad_rows(a, b, blocs, dated=True, newest=newest, since=since, until=until)
        else:
            rows = self._dyad_page(a, b, blocs, limit=limit, offset=offset, newest=newest, since=since,
                                   until=until, by_pair=by_pair, documents=documents)
        shown = len(rows)
        steps = [s for s in self.lifecycle(a, b) if _within(s["event_date"], since, until)]
        if rows:
            first, last = rows[0]["event_date"], rows[-1]["event_date"]
            low, high = (last, first) if newest else (first, last)
            # steps before the earliest page and after the latest go on those pages
            at_start = offset == 0 if not newest else offset + shown >= total
            at_end = offset + shown >= total if not newest else offset == 0
            steps = [s for s in steps if (at_start or s["event_date"] >= low) and (at_end or s["event_date"] <= high)]
        elif total:
            steps = []  # a page past the end
        if newest:
            steps.reverse()
        return {"a": a, "b": b, "total": total, "undated": sum(n for period, n in counts if not period),
                "offset": offset, "limit": limit, "newest": newest, "events": rows,
                "more": max(0, total - offset - shown), "steps": steps}

    def dyad_counts(self, a: str, b: str, *, blocs: bool = True) -> dict[str, int]:
        """How many ``dated`` and ``undated`` events the A–B relationship has (with ``blocs``,
        as :meth:`timeline` counts it), from ``dyad_periods``.

        Example:
            >>> Store(":memory:").dyad_counts("PAK", "USA")
            {'dated': 0, 'undated': 0}
        """
        counts = _by_period(self._pair_counts(self.resolve(a), self.resolve(b), blocs))
        return {"dated": sum(n for p, n in counts if p), "undated": sum(n for p, n in counts if not p)}

    def _pair_counts(self, a: str, b: str, blocs: bool) -> list[tuple[str, str, str, int]]:
        """(source, target, period, events) of each ordered pair of the relationship with
        events, from ``dyad_periods`` (``''`` for undated), in one scan: DuckDB checks each
        row group's min and max source and target against the pairs, so it reads the few
        that hold them (the table is kept in pair order)."""
        directed = _directed(_dyad_pairs(a, b, blocs))
        which = " OR ".join("(source = ? AND target = ?)" for _ in directed)
        # summed over the quad classes here: a few thousand rows, where DuckDB's grouping
        # cost a fresh process as much as reading them
        totals: dict[tuple[str, str, str], int] = {}
        for source, target, period, n in self.con.execute(
                f"SELECT source, target, period, events FROM {self._periods()} WHERE {which}",
                [v for x, y, _ in directed for v in (x, y)]).fetchall():
            totals[source, target, period] = totals.get((source, target, period), 0) + int(n)
        return [(source, target, period, n) for (source, target, period), n in totals.items() if n > 0]

    def _meta(self) -> dict[str, str]:
        """The store's schema version from ``meta``, read once: the Parquet output of bilat
        spark (views, no rowids) says ``lake``."""
        meta = getattr(self, "_meta_cache", None)
        if meta is None:
            meta = dict(self.con.execute("SELECT key, value FROM meta WHERE key = 'schema_version'").fetchall())
            if self.path != ":memory:" and Path(self.path).is_dir():
                meta["lake"] = "1"
            self._meta_cache = meta
        return meta

    def _periods(self) -> str:
        """``dyad_periods``, or the same counts computed from the events in a store written
        before it existed and opened read-only (so not migrated)."""
        meta = self._meta()
        if "lake" in meta or int(meta.get("schema_version", 0)) >= 4:
            return "dyad_periods"
        from bilat.store import PERIOD_SQL

        return (f"(SELECT source, target, {PERIOD_SQL} AS period, quad, count(*) AS events, "
                "sum(goldstein) AS goldstein FROM events GROUP BY ALL)")

    def _dyad_rows(self, a: str, b: str, blocs: bool, *, dated: bool | None = None, newest: bool = False,
                   since: str | None = None, until: str | None = None, limit: int | None = None,
                   offset: int = 0) -> list[dict]:
        """The events of every pair of the relationship in one scan, each with ``via``; in
        date order, then by pair (the pair itself first), document, offset and id."""
        a, b = self.resolve(a), self.resolve(b)
        pairs = _dyad_pairs(a, b, blocs)
        values = ", ".join("(?, CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR))" for _ in pairs)
        params: list = [v for i, (x, y, via) in enumerate(pairs) for v in (i, x, y, via)]
        when = {None: "", True: " AND e.event_date IS NOT NULL", False: " AND e.event_date IS NULL"}[dated]
        bounds, extra = self._where(since=since, until=until)
        when += "".join(" AND " + b for b in bounds)
        way = " DESC" if newest else ""
        cols = ", ".join("e." + c for c in EVENT_COLUMNS)
        cur = self.con.execute(
            f"SELECT {cols}, e.event_id AS merged_id, d.url, d.title, p.via "
            f"FROM events e JOIN (VALUES {values}) p(i, x, y, via) "
            f"ON ((e.source = p.x AND e.target = p.y) OR (e.source = p.y AND e.target = p.x)){when} "
            "LEFT JOIN documents d ON d.doc_id = e.doc_id "
            f"ORDER BY e.event_date IS NULL, coalesce(e.event_date, ''){way}, e.doc_id{way}, e.span_start{way}, "
            f"p.i{way}, e.event_date NULLS LAST, e.event_id{way}" + ("" if limit is None else " LIMIT ? OFFSET ?"),
            params + extra + ([] if limit is None else [limit, offset]))
        names = [d[0] for d in cur.description]
        out = []
        for row in cur.fetchall():
            row = dict(zip(names, row))
            out.append(dict(_record(row), via=row["via"]))
        return out

    def _dyad_page(self, a: str, b: str, blocs: bool, *, limit: int, offset: int = 0, newest: bool = False,
                   since: str | None = None, until: str | None = None,
                   by_pair: list[tuple[str, str, str, int]] | None = None, documents: bool = True) -> list[dict]:
        """One page of the dated events of :meth:`_dyad_rows`, read from the months that hold it.

        ``dyad_periods`` says how many events each ordered pair has in each month (``by_pair``,
        as :meth:`_pair_counts` gives them), so the page's months, and the pairs with events in
        them, are known before the events are read: the query reads those months of those
        pairs, each a range of ``(source, target, event_date)``, the order
        :func:`~bilat.store.cluster_events` keeps the events in, so it touches a few row groups
        whatever the store's size (and those of the events appended since the last ordering).
        """
        if limit < 0 or offset < 0:
            raise BilatError("E400", "limit and offset must not be negative")
        if "lake" in self._meta():  # the Parquet output of bilat spark: no rowids, one scan
            return self._dyad_rows(a, b, blocs, dated=True, newest=newest, since=since, until=until,
                                   limit=limit, offset=offset)
        a, b = self.resolve(a), self.resolve(b)
        pairs = _dyad_pairs(a, b, blocs)
        bounds, extra = self._where(since=since, until=until)
        skip, low, high = 0, None, None
        active = {(x, y) for x, y, _ in _directed(pairs)}
        if not any(bound and len(bound) > 7 for bound in (since, until)):  # months hold whole pages
            by_pair = self._pair_counts(a, b, blocs) if by_pair is None else by_pair
            counts = _by_period(by_pair)
            periods = [(p, n) for p, n in counts if p and _within(p, since, until)]
            seen, window = 0, []
            for period, n in (reversed(periods) if newest else periods):
                if seen + n <= offset:
                    seen += n
                    skip = seen
                elif seen < offset + limit:
                    window.append(period)
                    seen += n
            if not window or not limit:
                return []
            low, high = min(window), max(window)
            months = set(window)
            active = {(x, y) for x, y, period, _ in by_pair if period in months}  # pairs with events in them
        # the events of those pairs and months, in one scan: DuckDB checks each row group's min
        # and max source, target and event_date against them, so it reads the few row groups
        # that hold each pair's months among the events cluster_events ordered, and those
        # appended since. Only the keys of the page's order are read here, its rows after.
        directed = [(x, y, i) for x, y, i in _directed(pairs) if (x, y) in active]
        if not directed:
            return []
        keys = "e.event_date, e.doc_id, e.span_start, e.event_id, e.rowid AS row"
        dates, date_params = " AND e.event_date IS NOT NULL", []
        if low is not None:
            # every date of a month sorts before 'YYYY-MM.', of a year-only period before 'YYYY-'
            dates += " AND e.event_date >= ? AND e.event_date < ?"
            date_params = [low, high + ("-" if len(high) == 4 else ".")]
        dates += "".join(" AND " + b for b in bounds)
        date_params += extra
        cases = " ".join("WHEN e.source = ? AND e.target = ? THEN CAST(? AS INTEGER)" for _ in directed)
        which = " OR ".join("(e.source = ? AND e.target = ?)" for _ in directed)
        params = [v for x, y, i in directed for v in (x, y, i)] + [v for x, y, _ in directed for v in (x, y)]
        way = " DESC" if newest else ""
        page = self.con.execute(
            f"SELECT row, event_id, i FROM (SELECT {keys}, CASE {cases} END AS i FROM events e WHERE ({which}){dates}) e "
            f"ORDER BY e.event_date{way}, e.doc_id{way}, e.span_start{way}, e.i{way}, e.event_id{way} LIMIT ? OFFSET ?",
            params + date_params + [limit, offset - skip]).fetchall()
        rows = self._rows_at(page)
        docs = {}
        if rows and documents:
            wanted = sorted({r["doc_id"] for r in rows})
            docs = {d: (u, t) for d, u, t in self.con.execute(
                f"SELECT doc_id, url, title FROM documents WHERE doc_id IN ({', '.join(map(_literal, wanted))})"
            ).fetchall()}
        out = []
        for row, (_, _, i) in zip(rows, page):
            row["merged_id"] = row["event_id"]
            row["url"], row["title"] = docs.get(row["doc_id"], (None, None))
            out.append(dict(_record(row), via=pairs[i][2]))
        return out

    def _rows_at(self, page: list[tuple]) -> list[dict]:
        """The events of ``page`` (rowid, event_id, …), in its order, read by rowid and checked
        by id: a row that moved since (a checkpoint compacted the table) is read by its id.

        The rowids go into the query as runs of consecutive rows (a page of one pair's
        months is one run of the ordered events), written as integers: DuckDB then skips
        the row groups that hold none of them, which a list parameter would not let it do.
        """
        if not page:
            return []
        cols = ", ".join(EVENT_COLUMNS)
        runs: list[list[int]] = []
        for rowid in sorted(int(r[0]) for r in page):
            if runs and rowid == runs[-1][1] + 1:
                runs[-1][1] = rowid
            else:
                runs.append([rowid, rowid])
        where = " OR ".join(f"rowid BETWEEN {first} AND {last}" for first, last in runs)
        found = {row[0]: row for row in self.con.execute(f"SELECT {cols} FROM events WHERE {where}").fetchall()}
        missing = [r[1] for r in page if r[1] not in found]
        if missing:
            for row in self.con.execute(f"SELECT {cols} FROM events WHERE event_id IN "
                                        f"({', '.join(map(_literal, missing))})").fetchall():
                found[row[0]] = row
        return [dict(zip(EVENT_COLUMNS, found[r[1]])) for r in page]

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

        on = _check_date(on, "--on") or _date.today().isoformat()
        wanted = [self.resolve(c) for c in (a, b) if c]
        out = []
        # parties is a JSON list of codes: those that name the actors asked for (checked again below)
        which = "".join(" AND contains(parties, ?)" for _ in wanted)
        for key, name, full_name, kind, parties, owner in self.con.execute(
                f"SELECT agreement_key, name, full_name, kind, parties, owner FROM agreements WHERE true{which} "
                "ORDER BY name", [json.dumps(w) for w in wanted]).fetchall():
            parties = json.loads(parties or "[]")
            if any(w not in parties for w in wanted):
                continue
            # imported here, once there is a history to merge: the package loads the event coder,
            # which a timeline of a pair without agreements need not wait for
            from bilat.stages.agreements import merge_history, state_on

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

    def trend(self, a: str, b: str, *, freq: str = "month", blocs: bool = True, since: str | None = None,
              until: str | None = None) -> list[dict]:
        """How the A–B relationship moved: dated events counted by period and quad class.

        Args:
            a, b: the two actors (codes or names).
            freq: ``month``, ``quarter`` or ``year``.
            blocs: include events with a body one of them belongs to, as :meth:`timeline` does.
            since, until: only events dated within, as :meth:`timeline` compares them.

        Returns:
            one row per period that has events, in order: ``period`` (``2011-11``,
            ``2011-Q4``, ``2011``), ``precision`` (``year`` for events the text dates only to
            a year, kept apart in a finer ``freq``), ``events``, ``quad`` (counts for
            ``"1"``…``"4"``), ``goldstein_mean`` and ``net_cooperation``: cooperative events
            (quad 1–2) minus conflictual ones (quad 3–4).

        Example:
            >>> Store(":memory:").trend("PAK", "USA", freq="year")
            []
        """
        if freq not in _FREQ_LENGTH:
            raise BilatError("E400", f"freq is month, quarter or year, not {freq!r}")
        a, b = self.resolve(a), self.resolve(b)
        _check_date(since, "--since")
        _check_date(until, "--until")
        directed = _directed(_dyad_pairs(a, b, blocs))
        # the counts ingest keeps by month (dyad_periods), not the events, the ordered pairs' rows
        # in one scan; a bound to the day cuts a month, so then the counts come from the events
        source, extra = self._periods(), []
        if any(bound and len(bound) > 7 for bound in (since, until)):
            bounds, extra = self._where(since=since, until=until)
            from bilat.store import PERIOD_SQL

            source = (f"(SELECT source, target, {PERIOD_SQL} AS period, quad, count(*) AS events, sum(goldstein) "
                      f"AS goldstein FROM events e WHERE {' AND '.join(bounds)} GROUP BY ALL)")
        which = " OR ".join("(s.source = ? AND s.target = ?)" for _ in directed)
        sql = (f"SELECT period, quad, CAST(sum(events) AS BIGINT) AS n, CAST(sum(goldstein) AS DOUBLE) FROM {source} s "
               f"WHERE ({which}) AND period <> '' GROUP BY period, quad HAVING n > 0 ORDER BY period, quad")
        params = extra + [v for x, y, _ in directed for v in (x, y)]
        rows: dict[str, dict] = {}
        for month, quad, n, goldstein in self.con.execute(sql, params).fetchall():
            if not _within(month, since, until):
                continue
            prefix = month[:_FREQ_LENGTH[freq]]
            period = _period(prefix, freq)
            row = rows.setdefault(period, {"period": period, "precision": "year" if len(prefix) == 4 else freq,
                                           "events": 0, "quad": {"1": 0, "2": 0, "3": 0, "4": 0},
                                           "goldstein_sum": 0.0})
            row["events"] += n
            row["quad"][str(quad)] += n
            row["goldstein_sum"] += goldstein
        out = []
        for row in rows.values():
            total = row.pop("goldstein_sum")
            row["goldstein_mean"] = round(total / row["events"], 3)
            row["net_cooperation"] = row["quad"]["1"] + row["quad"]["2"] - row["quad"]["3"] - row["quad"]["4"]
            out.append(row)
        return out

    def dyads(self, *, actor: str | None = None, limit: int = 20) -> list[dict]:
        """The most active pairs (either direction), or a country's most active partners.

        Returns:
            rows with ``a``, ``b`` (``a`` the given actor, else the pair in code order),
            ``events``, ``goldstein_mean``, ``cooperative`` and ``conflictual`` counts, and
            the ``first`` and ``last`` event dates; most events first.
        """
        if limit < 1:
            raise BilatError("E400", "limit must be at least 1")
        if actor:
            code = self.resolve(actor)
            pair = "? AS a, CASE WHEN source = ? THEN target ELSE source END AS b"
            where = "(source = ? OR target = ?) AND source <> target"
            params: list = [code, code, code, code]
        else:
            pair, where, params = "least(source, target) AS a, greatest(source, target) AS b", "source <> target", []
        sql = (f"SELECT {pair}, count(*) AS n, avg(goldstein), count(*) FILTER (WHERE quad <= 2), "
               f"count(*) FILTER (WHERE quad >= 3), min(event_date), max(event_date) FROM events WHERE {where} "
               "GROUP BY ALL ORDER BY n DESC, a, b LIMIT ?")
        return [{"a": a, "b": b, "events": n, "goldstein_mean": round(g, 3), "cooperative": coop,
                 "conflictual": conf, "first": first, "last": last}
                for a, b, n, g, coop, conf, first, last in self.con.execute(sql, params + [limit]).fetchall()]

    def actors(self) -> list[dict]:
        """The actors this store's events name: ``code``, ``name`` and ``events``, most first."""
        from bilat.codes import actor_names

        names = actor_names()
        rows = self.con.execute(
            "SELECT code, count(*) AS n FROM (SELECT source AS code FROM events UNION ALL SELECT target FROM events) "
            "GROUP BY code ORDER BY n DESC, code").fetchall()
        return [{"code": code, "name": names.get(code, code), "events": n} for code, n in rows]

    def names(self, codes) -> dict[str, str]:
        """Each code's name (``PAK`` → ``Pakistan``); a code the dictionary lacks names itself."""
        from bilat.codes import actor_names

        return {c: actor_names().get(c, c) for c in codes}

    def document(self, doc_id: str) -> dict:
        """One stored document: its cleaned text, where it came from, and the events it tells,
        each with its ``span`` in that text and the ``merged_id`` of the event it supports.

        Raises:
            BilatError: E404 when no document has this id.
        """
        row = self.con.execute("SELECT doc_id, url, title, published, published_precision, story_id, text "
                               "FROM documents WHERE doc_id = ?", [doc_id]).fetchone()
        if row is None:
            raise BilatError("E404", f"no document {doc_id!r}")
        keys = ("doc_id", "url", "title", "published", "published_precision", "story_id", "text")
        doc = dict(zip(keys, row))
        doc["outlet"] = outlet_of(doc["url"])
        doc["events"] = self.mentions(doc_id=doc_id)
        return doc

    def story(self, story_id: str) -> dict:
        """One story: its documents and the events they tell, merged across them.

        Raises:
            BilatError: E404 when no document belongs to this story.
        """
        rows = self.con.execute("SELECT doc_id, url, title, published FROM documents WHERE story_id = ? "
                                "ORDER BY published NULLS LAST, doc_id", [story_id]).fetchall()
        if not rows:
            raise BilatError("E404", f"no story {story_id!r}")
        documents = [{"doc_id": d, "url": u, "outlet": outlet_of(u), "title": t, "published": p}
                     for d, u, t, p in rows]
        events = self.events(told_in_story=story_id)
        return {"story_id": story_id, "documents": documents,
                "first_published": min((d["published"] for d in documents if d["published"]), default=None),
                "events": events}

    def ingest_records(self, records: list[dict], *, pipeline=None) -> dict:
        """Code and store articles given as records (``id``, ``text`` or ``html``, optional
        ``url``, ``title``, ``published``), as one line each of a JSON Lines input.

        Returns:
            the counts of :meth:`ingest`, and ``errors``: one line per record that could not be
            read (``E102 request:2: JSON line has no text or html``).
        """
        import io

        errors: list[str] = []
        lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        tally = self.ingest(["-"], pipeline=pipeline, stdin=io.StringIO(lines),
                            on_error=lambda err: errors.append(str(err).replace("<stdin>", "request")))
        return {**tally, "errors": errors}

    def brief(self, a: str, b: str, *, since: str | None = None, per_period: int = 3) -> dict:
        """What a dyad brief says: the trajectory by year, the key events of each year with
        their citations, the agreements and their state, and the documents used.

        Args:
            a, b: the two actors (codes or names); events with a body one belongs to are included.
            since: leave out events dated before this (ISO, any precision).
            per_period: key events per year: those told by most documents, then the
                strongest in tone (largest absolute Goldstein value).

        Returns:
            ``a``, ``b``, ``names``, ``since``, ``trend`` (as :meth:`trend` by year),
            ``periods`` (``period``, ``events``: the key ones, each with ``refs``, the numbers
            in ``sources`` of the documents telling it, the best telling first; and ``more``:
            how many other events that year),
            ``undated`` (count), ``agreements`` (as :meth:`agreements`) and ``sources``:
            the documents cited, with ``ref``, ``doc_id``, ``title``, ``outlet``, ``url``,
            ``published``.

        Example:
            >>> Store(":memory:").brief("PAK", "USA")["periods"]
            []
        """
        a, b = self.resolve(a), self.resolve(b)
        _check_date(since, "--since")
        dated = [r for r in self.timeline(a, b) if not since or r["event_date"][:len(since)] >= since[:len(r["event_date"])]]
        trend = [p for p in self.trend(a, b, freq="year") if not since or p["period"] >= since[:4]]
        by_year: dict[str, list[dict]] = {}
        for event in dated:
            by_year.setdefault(event["event_date"][:4], []).append(event)
        refs: dict[str, int] = {}
        periods = []
        for year, events in sorted(by_year.items()):
            key = sorted(events, key=lambda e: (-(e["sources"] or 1), -abs(e["goldstein"]), e["event_date"]))[:per_period]
            key.sort(key=lambda e: (e["event_date"], e["doc_id"], e["span"][0]))
            for event in key:
                tellers = [r[0] for r in self.con.execute(
                    "SELECT DISTINCT doc_id FROM mentions WHERE merged_id = ? ORDER BY doc_id", [event["event_id"]]).fetchall()]
                docs = [event["doc_id"]] + [d for d in tellers if d != event["doc_id"]]
                event["refs"] = [refs.setdefault(d, len(refs) + 1) for d in docs]
            periods.append({"period": year, "events": key, "more": len(events) - len(key)})
        sources = []
        for doc_id, ref in refs.items():
            row = self.con.execute("SELECT title, url, published FROM documents WHERE doc_id = ?", [doc_id]).fetchone()
            title, url, published = row if row else (None, None, None)
            sources.append({"ref": ref, "doc_id": doc_id, "title": title, "outlet": outlet_of(url), "url": url,
                            "published": published})
        return {"a": a, "b": b, "names": self.names([a, b]), "since": since, "trend": trend, "periods": periods,
                "undated": len(self.undated(a, b)), "agreements": self.agreements(a, b), "sources": sources}

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
