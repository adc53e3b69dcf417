"""The command line: a thin shell over the Pipeline and the query layer.

Each command builds Settings from flags and the environment, calls one library function,
and turns a BilatError into one line on stderr.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from bilat.errors import BilatError, InputWarning
from bilat.terminal import printable
from bilat.settings import Settings

_DB_HELP = "DuckDB file (default: $BILAT_DB or bilat.duckdb)."
_WORKERS_HELP = ("Processes that parse and code, each loading the model once (default: $BILAT_WORKERS, "
                 "else one per core; 0: one per core). Output is the same for any number.")


class _Errors:
    """Prints each failed input as one line and remembers that one failed.

    Warnings (an input cut to a limit) are printed too, but do not fail the run.
    """

    def __init__(self) -> None:
        self.count = 0
        self.warnings = 0

    def __call__(self, err: BilatError) -> None:
        if isinstance(err, InputWarning):
            self.warnings += 1
        else:
            self.count += 1
        click.echo(printable(str(err)), err=True)


def _progress(iterable, desc: str, total: int | None = None):
    from tqdm import tqdm

    # disable=None: a bar only when stderr is a terminal; with a total it shows rate and time left
    return tqdm(iterable, desc=desc, unit="doc", total=total, disable=None, file=sys.stderr)


def _settings(db: str | None = None, actors: str | None = None, workers: int | None = None) -> Settings:
    if workers is None and not os.environ.get("BILAT_WORKERS"):
        workers = 0  # the command line uses every core unless told otherwise
    try:
        return Settings.from_env(db=db, actors_file=actors, workers=workers)
    except BilatError as exc:
        _fail(exc)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="bilat")
def main() -> None:
    """bilat: who did what to whom, when — coded from news, each claim with its sentence."""


def _fail(exc: BilatError) -> None:
    click.echo(printable(str(exc)), err=True)
    sys.exit(1)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--actors", type=click.Path(dir_okay=False), help="User actor dictionary: CSV phrase,code,sector.")
@click.option("--workers", type=click.IntRange(min=0), help=_WORKERS_HELP)
def code(inputs: tuple[str, ...], actors: str | None, workers: int | None) -> None:
    """Code INPUTS (files, folders, JSON Lines, - for stdin) and print event records as JSON Lines.

    No database is touched. Python: ``bilat.Pipeline().run(inputs)``.
    """
    from bilat.pipeline import Pipeline

    errors = _Errors()
    try:
        pipeline = Pipeline(_settings(actors=actors, workers=workers))
        out = sys.stdout
        for doc in _progress(pipeline.run(inputs, on_error=errors), "coding"):
            for event in doc.events:
                out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
    except BilatError as exc:
        _fail(exc)
    sys.exit(1 if errors.count else 0)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", help=_DB_HELP)
@click.option("--actors", type=click.Path(dir_okay=False), help="User actor dictionary: CSV phrase,code,sector.")
@click.option("--workers", type=click.IntRange(min=0), help=_WORKERS_HELP)
def ingest(inputs: tuple[str, ...], db: str | None, actors: str | None, workers: int | None) -> None:
    """Code INPUTS and store documents and events in the database (idempotent).

    Python: ``bilat.open(db).ingest(inputs)``.
    """
    from bilat.query import Store
    from bilat.pipeline import Pipeline

    errors = _Errors()
    settings = _settings(db, actors, workers=workers)
    try:
        with Store(settings.db) as store:
            tally = store.ingest(inputs, pipeline=Pipeline(settings), on_error=errors,
                                 progress=lambda it, total: _progress(it, "ingesting", total))
            counts = store.counts()
    except BilatError as exc:
        _fail(exc)
    click.echo(f"{tally['added']} added, {tally['replaced']} replaced, {tally['unchanged']} unchanged, "
               f"{errors.count} failed; {settings.db} holds {counts['documents']} documents in "
               f"{counts['stories']} stories, {counts['events']} events from {counts['mentions']} mentions",
               err=True)
    sys.exit(1 if errors.count else 0)


@main.command()
@click.option("--db", help=_DB_HELP)
@click.option("--dyad", help="Two actor codes, e.g. PAK-USA (both directions).")
@click.option("--since", help="Earliest event date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", help="Latest event date.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "icews", "gdelt"]), default="jsonl",
              show_default=True, help="icews, gdelt: those datasets' column layouts, tab-separated (docs/record.md).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here instead of stdout (needed for parquet on a terminal).")
@click.option("--mentions", is_flag=True, help="One row per document's telling of an event, not one per event.")
def events(db, dyad, since, until, fmt, output, mentions) -> None:
    """Export stored events, one row per event with its number of ``sources``.

    Every format has the same columns, the document's url, outlet and title included; read
    a file back with ``bilat.read_events(path)`` to keep CAMEO codes as text.

    Python: ``bilat.open(db).events(dyad=..., since=..., until=...)``; with ``--mentions``,
    ``.mentions(...)``.
    """
    from bilat.export import write_parquet, write_records
    from bilat.query import Store

    settings = _settings(db)
    try:
        with Store(settings.db, read_only=True) as store:
            query = store.mentions if mentions else store.events
            records = query(dyad=dyad, since=since, until=until)
        if fmt == "parquet":
            if output:
                write_parquet(records, output)
            else:
                if sys.stdout.isatty():
                    raise BilatError("E400", "parquet is binary: redirect stdout or use -o FILE")
                write_parquet(records, sys.stdout.buffer)
        elif output:
            with open(output, "w", encoding="utf-8", newline="") as fh:
                write_records(records, fmt, fh)
        else:
            write_records(records, fmt, sys.stdout)
    except BilatError as exc:
        _fail(exc)


@main.command()
@click.argument("a")
@click.argument("b")
@click.option("--db", help=_DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
@click.option("--limit", type=click.IntRange(min=0), default=100, show_default=True,
              help="Events shown; 0 shows them all. How many more there are is said last (on stderr with jsonl).")
@click.option("--offset", type=click.IntRange(min=0), default=0, help="Events skipped before those shown.")
@click.option("--newest", is_flag=True, help="The latest events first.")
@click.option("--since", help="Earliest event date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", help="Latest event date.")
@click.option("--by", "freq", type=click.Choice(["month", "quarter", "year"]),
              help="Instead of events, their counts per period: cooperative, conflictual, net, mean tone.")
@click.option("--blocs/--no-blocs", default=True, show_default=True,
              help="Include events with a body one side belongs to (PAK–NATO for PAK–USA), marked 'via'.")
def timeline(a: str, b: str, db: str | None, fmt: str, limit: int, offset: int, newest: bool, since: str | None,
             until: str | None, freq: str | None, blocs: bool) -> None:
    """The dated events between A and B, both directions, in date order, with tone.

    A and B are actor codes (PAK) or names (Pakistan, "United States"). A busy pair is
    shown a page at a time (--limit, --offset, --newest, --since, --until); --by year
    counts its events per period instead.

    Python: ``bilat.open(db).timeline_page(A, B, limit=..., offset=..., newest=...)``
    (``.timeline(A, B)`` for every event); with --by, ``.trend(A, B, freq=...)`` and
    ``.dyad_counts(A, B)``.
    """
    from bilat.query import Store

    settings = _settings(db)
    try:
        with Store(settings.db, read_only=True) as store:
            if freq:
                a, b = store.resolve(a), store.resolve(b)
                periods = store.trend(a, b, freq=freq, blocs=blocs, since=since, until=until)
                undated = store.dyad_counts(a, b, blocs=blocs)["undated"]
            else:
                # the table shows no event's url or title: their documents are not read
                page = store.timeline_page(a, b, blocs=blocs, limit=limit or None, offset=offset, newest=newest,
                                           since=since, until=until, documents=fmt == "jsonl")
    except BilatError as exc:
        _fail(exc)
    if freq:
        from bilat.export import format_trend

        if fmt == "jsonl":
            for row in periods:
                click.echo(json.dumps(row, ensure_ascii=False))
        else:
            click.echo(printable(format_trend(a, b, periods, undated)))
        return
    next_page = (_next_page(page, limit=limit, newest=newest, since=since, until=until, blocs=blocs, fmt=fmt)
                 if page["more"] else "")
    if fmt == "jsonl":
        for r in page["events"]:
            click.echo(json.dumps(r, ensure_ascii=False))
        if page["more"]:
            click.echo(f"bilat: {len(page['events']):,} of {page['total']:,} dated events shown, "
                       f"{page['more']:,} more: {next_page}", err=True)
        return
    from bilat.export import format_timeline

    click.echo(printable(format_timeline(page["a"], page["b"], page["events"], page["undated"], page["steps"],
                                         total=page["total"], offset=offset, more=page["more"], newest=newest,
                                         next_page=next_page)))


def _next_page(page: dict, *, limit: int, newest: bool, since: str | None, until: str | None, blocs: bool,
               fmt: str) -> str:
    """The command that shows the page after ``page`` (``--db`` left out)."""
    import shlex

    args = ["bilat", "timeline", page["a"], page["b"]]
    if fmt != "table":
        args += ["--format", fmt]
    if limit != 100:
        args += ["--limit", str(limit)]
    args += ["--newest"] if newest else []
    args += ["--since", since] if since else []
    args += ["--until", until] if until else []
    args += [] if blocs else ["--no-blocs"]
    return " ".join(shlex.quote(x) for x in args) + f" --offset {page['offset'] + len(page['events'])}"


@main.command()
@click.option("--db", help=_DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
def stories(db: str | None, fmt: str) -> None:
    """List stories (documents telling the same story) with their documents.

    Python: ``bilat.open(db).stories()``.
    """
    from bilat.query import Store

    settings = _settings(db)
    try:
        with Store(settings.db, read_only=True) as store:
            rows = store.stories()
    except BilatError as exc:
        _fail(exc)
    for story in rows:
        if fmt == "jsonl":
            click.echo(json.dumps(story, ensure_ascii=False))
            continue
        click.echo(printable(f"{story['story_id']}  {len(story['documents'])} document(s), first published "
                   f"{story['first_published'] or 'unknown'}"))
        for d in story["documents"]:
            click.echo(printable(f"    {d['doc_id']:<28} {d['published'] or 'undated':<10}  {(d['title'] or '')[:70]}"))


@main.command()
@click.argument("actors", nargs=-1)
@click.option("--db", help=_DB_HELP)
@click.option("--on", "on", help="Give each agreement's state on this date (YYYY, YYYY-MM or YYYY-MM-DD); default today.")
@click.option("--kind", help="Only agreements of this kind (e.g. 'defense cooperation', 'trade').")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
def agreements(actors: tuple[str, ...], db: str | None, on: str | None, kind: str | None, fmt: str) -> None:
    """Agreements and programmes [between A [and B]]: parties, status and history.

    Python: ``bilat.open(db).agreements(A, B, on=DATE)``.
    """
    from bilat.export import format_agreements, write_agreement_rows
    from bilat.query import Store

    if len(actors) > 2:
        _fail(BilatError("E400", "give at most two actor codes: bilat agreements [A [B]]"))
    settings = _settings(db)
    try:
        with Store(settings.db, read_only=True) as store:
            rows = store.agreements(*actors, on=on)
    except BilatError as exc:
        _fail(exc)
    if kind:
        rows = [r for r in rows if r["kind"] == kind]
    if fmt == "jsonl":
        for r in rows:
            click.echo(json.dumps(r, ensure_ascii=False))
    elif fmt == "csv":
        write_agreement_rows(rows, sys.stdout)
    else:
        click.echo(printable(format_agreements(rows)))


@main.command()
@click.argument("a")
@click.argument("b")
@click.option("--db", help=_DB_HELP)
@click.option("--since", help="Leave out events dated before this (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--out", "out", type=click.Path(dir_okay=False),
              help="Write to FILE.html (one self-contained page) or FILE.md; default Markdown on stdout.")
def brief(a: str, b: str, db: str | None, since: str | None, out: str | None) -> None:
    """One page on the A–B relationship to send: trajectory, key events with their sentences
    and sources, agreements and their state, documents cited.

    Python: ``bilat.open(db).brief(A, B, since=...)``, rendered by ``bilat.brief.render_html``
    or ``render_markdown``.
    """
    from bilat.brief import render_html, render_markdown
    from bilat.query import Store

    settings = _settings(db)
    html = bool(out) and out.lower().endswith((".html", ".htm"))
    if out and not html and not out.lower().endswith((".md", ".markdown", ".txt")):
        _fail(BilatError("E400", f"--out {out}: give a file ending in .html or .md"))
    try:
        with Store(settings.db, read_only=True) as store:
            data = store.brief(a, b, since=since)
    except BilatError as exc:
        _fail(exc)
    page = render_html(data) if html else render_markdown(data)
    if out:
        Path(out).write_text(page, encoding="utf-8")
        click.echo(f"wrote {out}: {sum(len(p['events']) for p in data['periods'])} key events, "
                   f"{len(data['sources'])} sources", err=True)
    else:
        click.echo(page, nl=False)


@main.command()
@click.argument("paths", nargs=-1, required=True, metavar="INPUT... OUTPUT")
@click.option("--master", default="local[*]", show_default=True,
              help="Spark master URL: local[N] for N cores here, spark://host:7077, yarn, k8s://…")
@click.option("--partitions", type=int, help="Spread the input files over this many tasks.")
@click.option("--actors", type=click.Path(dir_okay=False), help="User actor dictionary: CSV phrase,code,sector.")
def spark(paths: tuple[str, ...], master: str, partitions: int | None, actors: str | None) -> None:
    """Code INPUT files or folders with Spark and write OUTPUT, a store in Parquet.

    The same Pipeline runs once per partition; stories are joined across partitions by
    their MinHash signatures. Events, mentions and agreement steps are partitioned by year.
    Every read command and the dashboard open OUTPUT: ``bilat timeline PAK USA --db OUTPUT``.
    Needs pyspark and Java 17+. Python: ``bilat.spark.run(spark_session, inputs, output)``.
    """
    if len(paths) < 2:
        _fail(BilatError("E400", "give at least one INPUT and the OUTPUT folder"))
    from bilat.spark import run, session

    try:
        counts = run(session(master, quiet=True), paths[:-1], paths[-1], settings=_settings(actors=actors),
                     partitions=partitions)
    except BilatError as exc:
        _fail(exc)
    click.echo(f"wrote {paths[-1]}: {counts['documents']} documents, {counts['events']} events from "
               f"{counts['mentions']} mentions, {counts['agreement_steps']} agreement steps, "
               f"{counts['errors']} failed inputs", err=True)
    sys.exit(1 if counts["errors"] else 0)


@main.command()
@click.option("--db", help=_DB_HELP)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; 0.0.0.0 opens it to the network.")
@click.option("--port", default=8000, show_default=True, type=int)
def serve(db: str | None, host: str, port: int) -> None:
    """Serve the dashboard at / and the REST API at /api (OpenAPI docs at /docs).

    Reads are open; POST /api/documents needs the token in BILAT_TOKEN (without it the
    store is opened read-only). Python: ``bilat.web.create_app(db)`` under any ASGI server.
    """
    import uvicorn

    from bilat.web import create_app

    settings = _settings(db)
    try:
        app = create_app(settings=settings)
    except BilatError as exc:
        _fail(exc)
    click.echo(f"bilat: dashboard at http://{host}:{port}/  API docs at http://{host}:{port}/docs  "
               f"(store {settings.db}; Ctrl-C stops)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


@main.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--docs", "docs", multiple=True, help="Documents to code (default: the folder beside GOLD named like it without -gold).")
@click.option("--pred", type=click.Path(exists=True, dir_okay=False), help="Score these event records (JSON Lines) instead of coding.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores and the breakdown as JSON.")
@click.option("--brief", is_flag=True, help="Scores and breakdown tables only, without the lists of events.")
def evaluate(gold: str, docs: tuple[str, ...], pred: str | None, as_json: bool, brief: bool) -> None:
    """Score events against GOLD at three levels: dyad+quad, directed+root, dated.

    Then recall by CAMEO root, dated recall by the gold date's precision, scores by input
    kind (HTML or text), and the missed, misdated and unmatched events with their sentences;
    when coding, agreement facts too, and the missed and unmatched ones.

    Python: ``bilat.evaluate.score(load_gold(GOLD), events)``, ``analyse(...)``,
    ``score_agreements(gold, steps)`` and ``analyse_agreements(gold, steps)``.
    """
    from bilat.evaluate import (analyse, analyse_agreements, boilerplate_hits, default_docs,
                                format_agreement_analysis, format_analysis, format_scores, load_gold,
                                load_predictions, score, score_agreements)

    errors = _Errors()
    kinds: dict[str, str] = {}
    steps: list[dict] | None = None
    try:
        gold_docs = load_gold(gold)
        if pred:
            predicted = load_predictions(pred)
        else:
            from bilat.pipeline import Pipeline

            inputs = list(docs) or [str(default_docs(gold))]
            predicted, steps = [], []
            for d in Pipeline(_settings()).run(inputs, on_error=errors):
                kinds[d.doc_id] = "html" if d.is_html else "text"
                predicted += [e.to_dict() for e in d.events]
                steps += [st.to_dict() for st in d.statuses]
    except BilatError as exc:
        _fail(exc)
    scores = score(gold_docs, predicted)
    if steps is not None:  # agreement steps come from coding, not from an events file
        scores.append(score_agreements(gold_docs, steps))
    hits = boilerplate_hits(gold_docs, predicted)
    analysis = analyse(gold_docs, predicted, kinds=kinds)
    facts = analyse_agreements(gold_docs, steps) if steps is not None else None
    if as_json:
        click.echo(json.dumps({"scores": [s.to_dict() for s in scores], "boilerplate_events": len(hits),
                               **analysis.to_dict(), **(facts.to_dict() if facts else {})}, ensure_ascii=False))
    else:
        click.echo(format_scores(scores))
        click.echo(f"boilerplate lines that yielded events: {len(hits)}")
        for doc, line in hits:
            click.echo(printable(f"  {doc}: {line}"))
        click.echo(printable(format_analysis(analysis, details=not brief)))
        if facts is not None and not brief:
            click.echo(printable(format_agreement_analysis(facts)))
    sys.exit(1 if errors.count else 0)


if __name__ == "__main__":  # pragma: no cover
    main()
