"""The end of an ingest on a story told many times: replacing documents whose events have
many mentions.

An ingest ends by coding again the undated documents whose story's date moved, and each
such document is replaced: its mentions removed, and every event they supported rebuilt from
its remaining mentions (``store._rebuild``). On a corpus whose stories are told by dozens of
copies, an event has dozens of mentions. This builds one story told by ``--copies``
synthetic documents (each telling one PAK–USA meeting at dates of every precision, some
twice in two sentences, some with a PAK–RUS event beside it; no parsing), stores them in
write batches as ``bilat ingest`` does, then replaces ``--replace`` of them with one date
moved, in batches with ``force`` as the end of an ingest does, and prints the CPU and wall
time of that, per document replaced, and the mentions of the largest event.

    .venv/bin/python benchmarks/bench_rebuild.py --copies 200 --replace 40
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
import types
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))


def _documents(copies: int, *, moved: bool = False) -> list:
    from bilat.document import Document, Event

    dates = [None, "2005", "2005-10", "2005-10-04", "2005-10", None]
    docs = []
    for d in range(copies):
        doc_id = f"c{d:05d}"

        def event(eid: str, date: str | None, k: int, source="PAK", target="USA", cameo="040") -> Event:
            precision = {4: "year", 7: "month", 10: "day"}.get(len(date or ""))
            return Event(event_id=f"{doc_id}{eid}", doc_id=doc_id, source=source, target=target, cameo=cameo,
                         root=cameo[:2], quad=1, goldstein=1.0, sentence=f"Sentence {k} of {doc_id}.",
                         span=(40 * k, 40 * k + 30), story_id="st0", event_date=date, date_precision=precision,
                         confidence=(0.5, 0.6, 0.7)[(d + k) % 3])

        first = "2005-10-05" if moved else dates[d % len(dates)]
        events = [event("a", first, 0)]
        if d % 4 == 0:
            events.append(event("b", dates[(d + 2) % len(dates)], 1))
        if d % 5 == 0:
            events.append(event("c", dates[(d + 1) % len(dates)], 2, target="RUS", cameo="057"))
        doc = Document(doc_id=doc_id, raw=f"text {d}", text=f"text {d}")
        doc.story_id, doc.events = "st0", events
        doc.meta["input_key"] = f"key-{d}"
        docs.append(doc)
    return docs


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--copies", type=int, default=200, help="documents telling the story")
    ap.add_argument("--replace", type=int, default=40, help="of them, replaced (coded again, one date moved)")
    ap.add_argument("--batch", type=int, default=16)
    args = ap.parse_args(argv)

    from bilat.query import Store

    index = types.SimpleNamespace(pending={})
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(str(Path(tmp) / "r.duckdb"))
        docs = _documents(args.copies)
        for start in range(0, len(docs), args.batch):
            store._write_batch(docs[start:start + args.batch], index)
        largest = store.con.execute("SELECT max(n) FROM (SELECT count(*) AS n FROM mentions GROUP BY merged_id)"
                                    ).fetchone()[0]
        step = max(1, args.copies // args.replace)
        again = _documents(args.copies, moved=True)[::step][:args.replace]
        cpu, wall = time.process_time(), time.perf_counter()
        for start in range(0, len(again), args.batch):
            store._write_batch(again[start:start + args.batch], index, force=True)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        events = store.con.execute("SELECT count(*) FROM events").fetchone()[0]
        store.close()
    print(f"{args.copies} copies of one story ({largest} mentions in its largest event); {len(again)} replaced: "
          f"CPU {cpu:.2f} s, wall {wall:.2f} s, {1000 * cpu / len(again):.1f} ms CPU per document replaced; "
          f"{events} events after")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
