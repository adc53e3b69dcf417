"""The REST API and the dashboard's files. Each endpoint maps HTTP to one query-layer call.

Reads are open; ``POST /api/documents`` needs ``Authorization: Bearer $BILAT_TOKEN`` and is
refused when the server was started without ``BILAT_TOKEN``. An ingest runs in the server's
own process on its connection while reads go on through cursors of their own (each sees the
batches committed so far); ingests are taken one at a time. See docs/reliability.md, Server.
"""

import contextlib
import hashlib
import os
import queue
import secrets
import threading
from importlib import resources
from typing import Annotated, Literal

from fastapi import Depends, FastAPI, HTTPException, Query
from fastapi.responses import FileResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from pydantic import BaseModel, model_validator

import bilat
from bilat.errors import BilatError
from bilat.query import Store
from bilat.settings import Settings
from bilat.web.guard import Guard

_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
# A BilatError's code → the HTTP status it answers with; anything else is a bad request.
_STATUS = {"E404": 404, "E303": 503, "E300": 503}


class DocumentIn(BaseModel):
    """An article to ingest, as one line of a JSON Lines input."""

    id: str | None = None
    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None

    @model_validator(mode="after")
    def _has_content(self) -> "DocumentIn":
        if not (self.text or self.html):
            raise ValueError("a document needs 'text' or 'html'")
        return self


def _static():
    return resources.files("bilat") / "web" / "static"


def create_app(db: str | None = None, *, settings: Settings | None = None, token: str | None = None,
               pipeline=None) -> FastAPI:
    """The API and dashboard over one store.

    Args:
        db: the DuckDB file; defaults to ``BILAT_DB`` or ``bilat.duckdb``.
        settings: a :class:`~bilat.settings.Settings` (``db`` overrides its ``db``).
        token: the write token; defaults to ``BILAT_TOKEN``. Without one the store is opened
            read-only and writes are refused; with one a missing store is created.
        pipeline: a :class:`~bilat.pipeline.Pipeline` for ingesting (loaded on first write
            when omitted).

    Raises:
        BilatError: E303 when the store does not exist and no token allows creating it.
    """
    settings = (settings or Settings.from_env()).replace(db=db)
    token = token if token is not None else (os.environ.get("BILAT_TOKEN") or None)
    store = Store(settings.db, read_only=not token)
    # FastAPI runs these handlers on worker threads. Each read takes a cursor of its own from
    # the pool (made on demand, at most one per worker thread); ingests write through the
    # store's own connection, one at a time, and never block a read.
    cursors: queue.SimpleQueue = queue.SimpleQueue()
    made: list[Store] = []
    ingesting = threading.Lock()
    state = {"pipeline": pipeline}

    def call(method, *args, **kwargs):
        """``method`` of a reading cursor, called; a BilatError becomes its HTTP status."""
        try:
            reader = cursors.get_nowait()
        except queue.Empty:
            reader = store.cursor()
            made.append(reader)
        try:
            return getattr(reader, method)(*args, **kwargs)
        except BilatError as exc:
            raise HTTPException(_STATUS.get(exc.code, 422), str(exc)) from exc
        finally:
            cursors.put(reader)

    expected = hashlib.sha256(token.encode()).digest() if token else b""
    bearer = HTTPBearer(auto_error=False, description="the server's BILAT_TOKEN")

    def writer(credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
        if not token:
            raise HTTPException(403, "this server takes no writes: start it with BILAT_TOKEN set")
        # compare digests: constant time whatever the length or content of what was sent
        sent = credentials.credentials.encode("utf-8", "surrogateescape") if credentials else b""
        if credentials is None or not secrets.compare_digest(hashlib.sha256(sent).digest(), expected):
            raise HTTPException(401, "writing needs the header 'Authorization: Bearer <BILAT_TOKEN>'",
                                headers={"WWW-Authenticate": "Bearer"})

    @contextlib.asynccontextmanager
    async def lifespan(_app):
        yield
        with ingesting:
            for reader in made:
                reader.close()
            store.close()  # let other processes write to the store once the server stops

    # /docs: Swagger UI from the fastapi-offline package, not a CDN (no /redoc: ReDoc's page
    # fetches its logo from cdn.redoc.ly)
    app = FastAPIOffline(title="bilat", version=bilat.__version__, lifespan=lifespan, static_url="/docs-static",
                         redoc_url=None,
                         description="Who did what to whom, when: CAMEO-coded events from news, each with its sentence.")
    app.state.store = store
    app.add_middleware(Guard, max_body=settings.max_request_bytes)
    if settings.cors_origins:  # off unless configured: no Access-Control-Allow-Origin otherwise
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins),
                           allow_methods=["GET", "POST"], allow_headers=["Authorization", "Content-Type"])

    @app.get("/api/events", summary="Events, filtered and paged")
    def events(dyad: Annotated[str | None, Query(description="two actors, e.g. PAK-USA (both directions)")] = None,
               actor: Annotated[str | None, Query(description="events with this actor on either side")] = None,
               root: Annotated[str | None, Query(pattern=r"^\d{2,4}$", description="CAMEO root or code prefix")] = None,
               quad: Annotated[int | None, Query(ge=1, le=4)] = None,
               since: Annotated[str | None, Query(pattern=_DATE)] = None,
               until: Annotated[str | None, Query(pattern=_DATE)] = None,
               q: Annotated[str | None, Query(description="words in the sentence")] = None,
               blocs: bool = False, mentions: bool = False,
               limit: Annotated[int, Query(ge=1, le=1000)] = 100,
               offset: Annotated[int, Query(ge=0)] = 0) -> dict:
        filters = dict(dyad=dyad, actor=actor, root=root, quad=quad, since=since, until=until, text=q, blocs=blocs)
        table = "mentions" if mentions else "events"
        rows = call("events", table=table, limit=limit, offset=offset, **filters)
        return {"total": call("count", table=table, **filters), "limit": limit, "offset": offset, "events": rows}

    @app.get("/api/dyads/{a}/{b}/timeline", summary="A dyad's events by period and quad class")
    def timeline(a: str, b: str, freq: Literal["month", "quarter", "year"] = "month", blocs: bool = True) -> dict:
        a, b = call("resolve", a), call("resolve", b)
        return {"a": a, "b": b, "names": call("names", [a, b]), "freq": freq,
                "periods": call("trend", a, b, freq=freq, blocs=blocs),
                "undated": call("dyad_counts", a, b, blocs=blocs)["undated"]}

    @app.get("/api/dyads", summary="The most active pairs, or one actor's partners")
    def dyads(actor: str | None = None, limit: Annotated[int, Query(ge=1, le=500)] = 20) -> dict:
        return {"actor": call("resolve", actor) if actor else None,
                "dyads": call("dyads", actor=actor, limit=limit)}

    @app.get("/api/actors", summary="Actors in the store, with their names and event counts")
    def actors() -> dict:
        return {"actors": call("actors")}

    @app.get("/api/cameo", summary="The CAMEO code table: name, Goldstein value and quad class of each code")
    def cameo() -> dict:
        from bilat.ontology import cameo_table

        return {"codes": {c.code: {"name": c.name, "goldstein": c.goldstein, "quad": c.quad}
                          for c in cameo_table().values()}}

    @app.get("/api/agreements", summary="Agreements and programmes with their history")
    def agreements(a: str | None = None, b: str | None = None,
                   on: Annotated[str | None, Query(pattern=_DATE)] = None, kind: str | None = None) -> dict:
        if b and not a:
            raise HTTPException(422, "give a before b")
        rows = call("agreements", a, b, on=on)
        return {"agreements": [r for r in rows if not kind or r["kind"] == kind]}

    @app.get("/api/documents/{doc_id}", summary="A document's cleaned text and its events' spans")
    def document(doc_id: str) -> dict:
        return call("document", doc_id)

    @app.get("/api/stories/{story_id}", summary="A story's documents and events")
    def story(story_id: str) -> dict:
        return call("story", story_id)

    @app.post("/api/documents", status_code=201, dependencies=[Depends(writer)],
              summary="Code and store articles (needs the BILAT_TOKEN)")
    def ingest(documents: DocumentIn | list[DocumentIn]) -> dict:
        records = [d.model_dump(exclude_none=True) for d in (documents if isinstance(documents, list) else [documents])]
        with ingesting:  # one ingest at a time, on the store's own connection; reads go on
            if state["pipeline"] is None:
                from bilat.pipeline import Pipeline

                state["pipeline"] = Pipeline(settings)
            try:
                return store.ingest_records(records, pipeline=state["pipeline"])
            except BilatError as exc:
                raise HTTPException(_STATUS.get(exc.code, 422), str(exc)) from exc

    app.mount("/static", StaticFiles(directory=str(_static())), name="static")

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(str(_static() / "index.html"))

    return app
