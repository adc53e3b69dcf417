"""Exports and text views of query results: JSON Lines, CSV, Parquet, timelines, agreement lists.

Everything here formats records the query layer (:mod:`bilat.query`) returned; nothing queries.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable

from bilat.errors import BilatError
from bilat.query import EXPORT_FIELDS
from bilat.terminal import spreadsheet_safe

# Text formats :func:`write_records` writes; ``parquet`` is binary (:func:`write_parquet`).
TEXT_FORMATS = ("jsonl", "csv", "icews", "gdelt")


def write_records(records: Iterable[dict], fmt: str, out) -> int:
    """Write event records to a text stream; returns the count.

    ``jsonl`` and ``csv`` carry :data:`~bilat.query.EXPORT_FIELDS` (CSV: ``span`` as
    ``start:end``, ``quantities`` as JSON); ``icews`` and ``gdelt`` write those datasets'
    column layouts as tab-separated files with a header (see :mod:`bilat.layouts`).
    """
    n = 0
    if fmt == "jsonl":
        for r in records:
            out.write(json.dumps({k: r.get(k) for k in EXPORT_FIELDS}, ensure_ascii=False) + "\n")
            n += 1
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=list(EXPORT_FIELDS), extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for r in records:
            row = dict(r)
            row["span"] = f"{r['span'][0]}:{r['span'][1]}"
            row["quantities"] = json.dumps(r["quantities"])
            writer.writerow({k: spreadsheet_safe(v) for k, v in row.items()})
            n += 1
    elif fmt in ("icews", "gdelt"):
        from bilat.layouts import LAYOUTS

        columns, convert = LAYOUTS[fmt]
        writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(columns)
        for r in records:
            row = convert(r)
            writer.writerow(["" if row.get(c) is None else row[c] for c in columns])
            n += 1
    else:
        raise BilatError("E400", f"unknown format {fmt!r}")
    return n


def write_parquet(records: list[dict], out_path) -> int:
    """Write event records to a Parquet file (``out_path`` a path or binary stream)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = []
    for r in records:
        row = dict(r)
        row["quantities"] = json.dumps(r["quantities"])
        rows.append(row)
    # every column a string but these; the order is EXPORT_FIELDS, as in every other format
    typed = {"quad": pa.int32(), "goldstein": pa.float64(), "span": pa.list_(pa.int64()),
             "confidence": pa.float64(), "sources": pa.int32()}
    schema = pa.schema([(name, typed.get(name, pa.string())) for name in EXPORT_FIELDS])
    table = pa.Table.from_pylist(rows, schema=schema)
    pq.write_table(table, out_path)
    return len(rows)


def _snippet(sentence: str, trigger: str, width: int = 110) -> str:
    """The sentence, or the stretch of it around the trigger word when it is long."""
    sentence = " ".join(sentence.split())
    if len(sentence) <= width:
        return sentence
    at = max(sentence.find(trigger), 0) if trigger else 0
    start = max(0, min(at - width // 3, len(sentence) - width))
    if start:
        start = sentence.find(" ", start) + 1 or start  # begin on a word
    end = min(len(sentence), start + width)
    if end < len(sentence):
        end = sentence.rfind(" ", start, end) if " " in sentence[start:end] else end
    return ("…" if start else "") + sentence[start:end] + ("…" if end < len(sentence) else "")


def format_timeline(a: str, b: str, rows: list[dict], undated: int = 0, steps: list[dict] = (), *,
                    total: int | None = None, offset: int = 0, more: int = 0, newest: bool = False,
                    next_page: str = "") -> str:
    """A readable timeline: date, direction, code, tone, and the supporting sentence; agreement
    steps (``steps``, from :meth:`Store.lifecycle`) interleaved and marked ``◆``.

    Args:
        total: dated events in all when ``rows`` is one page of them (:meth:`Store.timeline_page`);
            ``offset``, ``more``: events before and after the page; ``newest``: the page runs
            latest first; ``next_page``: the command that shows the next page.
    """
    from bilat.ontology import name_of

    total = len(rows) if total is None else total
    head = f"{a}–{b} timeline: {total:,} dated events" + (f", {len(steps)} agreement steps" if steps else "")
    if len(rows) < total:
        head += (f"; {offset + 1:,}–{offset + len(rows):,} shown, {'latest' if newest else 'earliest'} first"
                 if rows else f"; none from {offset + 1:,}")
    lines = [head]
    merged = sorted([(r["event_date"], 1, r) for r in rows] + [(s["event_date"], 0, s) for s in steps],
                    key=lambda item: (item[0], item[1]), reverse=newest)
    for _, is_event, r in merged:
        if not is_event:
            implied = " (implied)" if r["implied"] else ""
            lines.append(f"{r['event_date']:<10}  ◆ {r['agreement']} {r['status'].replace('_', ' ')}{implied}")
            continue
        name = name_of(r["cameo"])
        sentence = _snippet(r["sentence"], r.get("trigger") or "")
        via = f"  (via {r['via']})" if r.get("via") else ""
        more_sources = f" +{r['sources'] - 1}" if (r.get("sources") or 1) > 1 else ""
        lines.append(f"{r['event_date']:<10}  {r['source']:>4} → {r['target']:<4}  {r['cameo']:<4} "
                     f"{name[:34]:<34} {r['goldstein']:+5.1f}  [{r['doc_id']}{more_sources}]{via}")
        lines.append(f"{'':<12}“{sentence}”")
    if more:
        lines.append(f"… {more:,} more dated events" + (f": {next_page}" if next_page else ""))
    if undated:
        lines.append(f"({undated} more events between {a} and {b} have no date in the text: "
                     f"bilat events --dyad {a}-{b})")
    return "\n".join(lines)


def format_trend(a: str, b: str, periods: list[dict], undated: int = 0) -> str:
    """The rows of :meth:`Store.trend` as a table: events, cooperative (quad 1–2) and
    conflictual (3–4) counts, net cooperation and mean tone per period."""
    total = sum(p["events"] for p in periods)
    lines = [f"{a}–{b}: {total:,} dated events in {len(periods)} periods",
             f"{'period':<10} {'events':>8} {'coop':>8} {'conflict':>8} {'net':>8} {'tone':>6}"]
    for p in periods:
        coop = p["quad"]["1"] + p["quad"]["2"]
        lines.append(f"{p['period']:<10} {p['events']:>8,} {coop:>8,} {p['events'] - coop:>8,} "
                     f"{p['net_cooperation']:>+8,} {p['goldstein_mean']:>+6.2f}")
    if undated:
        lines.append(f"({undated:,} more events between {a} and {b} have no date in the text)")
    return "\n".join(lines)


def format_agreements(rows: list[dict]) -> str:
    """A readable list: each agreement, its parties and state, and its history."""
    if not rows:
        return "no agreements"
    lines = []
    for r in rows:
        full = f" ({r['full_name']})" if r["full_name"] and r["full_name"] != r["name"] else ""
        lines.append(f"{r['name']}{full}: {r['kind']}; parties {', '.join(r['parties'])}; "
                     f"{r['status'] or 'no dated step'} on {r['on']}")
        for step in r["history"]:
            actor = f" by {step['actor']}" if step["actor"] else ""
            implied = " (implied)" if step["implied"] else ""
            lines.append(f"    {step['date'] or 'undated':<10}  {step['status'].replace('_', ' ')}{actor}{implied}"
                         f"  [{step['sources']} source{'s' if step['sources'] != 1 else ''}]")
    return "\n".join(lines)


def write_agreement_rows(rows: list[dict], out) -> int:
    """One CSV row per agreement step."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["name", "full_name", "kind", "parties", "status_on", "on", "step", "date", "precision",
                     "actor", "implied", "sources", "sentence"])
    n = 0
    for r in rows:
        for step in r["history"]:
            writer.writerow(map(spreadsheet_safe, [
                r["name"], r["full_name"] or "", r["kind"], "|".join(r["parties"]), r["status"] or "", r["on"],
                step["status"], step["date"] or "", step["precision"] or "", step["actor"] or "", step["implied"],
                step["sources"], step["tellings"][0]["sentence"]]))
            n += 1
    return n


# Column types of an event frame; every other column is text (CAMEO codes keep their zeros).
_FRAME_TYPES = {"quad": "Int64", "goldstein": "float64", "confidence": "float64", "sources": "Int64"}


def _format_of(path: str) -> str:
    lower = str(path).lower()
    for ending, fmt in ((".jsonl", "jsonl"), (".ndjson", "jsonl"), (".json", "jsonl"), (".csv", "csv"),
                        (".parquet", "parquet"), (".pq", "parquet")):
        if lower.endswith(ending):
            return fmt
    with open(path, encoding="utf-8") as fh:
        first = fh.readline()
    if first.startswith("Event ID\t"):
        return "icews"
    if first.startswith("GLOBALEVENTID\t"):
        return "gdelt"
    raise BilatError("E400", f"cannot tell the format of {path}: give format= jsonl, csv, parquet, icews or gdelt")


def read_events(path, *, format: str | None = None):  # noqa: A002
    """Load a file ``bilat events`` wrote into a pandas DataFrame with the right types.

    A plain ``pd.read_csv`` reads the CAMEO code ``057`` as the number 57; this does not:
    codes, roots, ids and dates are text, ``quad`` and ``sources`` integers, ``goldstein``
    and ``confidence`` floats, ``span`` a ``[start, end]`` list and ``quantities`` a list,
    whatever the format. ICEWS and GDELT layouts keep their own column names, codes as text.

    Args:
        path: a ``.jsonl``, ``.csv`` or ``.parquet`` export, or an ``icews``/``gdelt`` one.
        format: the format, when the file name does not tell it.

    Returns:
        a ``pandas.DataFrame``, one row per exported line.

    Example:
        >>> import bilat
        >>> frame = bilat.read_events("pak_usa.csv")  # doctest: +SKIP
        >>> frame["cameo"].iloc[0]  # doctest: +SKIP
        '057'
    """
    import pandas as pd

    fmt = format or _format_of(path)
    if fmt in ("icews", "gdelt"):
        from bilat.layouts import NUMERIC

        frame = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False, na_values=[""])
        for column, kind in NUMERIC[fmt].items():
            frame[column] = pd.to_numeric(frame[column]).astype(kind)
        return frame
    if fmt == "jsonl":
        with open(path, encoding="utf-8") as fh:
            frame = pd.DataFrame.from_records([json.loads(line) for line in fh if line.strip()],
                                              columns=list(EXPORT_FIELDS))
    elif fmt == "csv":
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
        frame["span"] = [[int(x) for x in s.split(":")] for s in frame["span"]]
        frame["quantities"] = [json.loads(q) for q in frame["quantities"]]
    elif fmt == "parquet":
        frame = pd.read_parquet(path)
        frame["span"] = [[int(x) for x in s] for s in frame["span"]]
        frame["quantities"] = [json.loads(q) for q in frame["quantities"]]
    else:
        raise BilatError("E400", f"unknown format {fmt!r}")
    for column in EXPORT_FIELDS:
        if column in ("span", "quantities"):
            continue
        kind = _FRAME_TYPES.get(column, "str")
        frame[column] = pd.to_numeric(frame[column]).astype(kind) if kind != "str" else frame[column].astype("str")
    return frame
