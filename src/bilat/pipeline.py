"""Pipeline: the one place that assembles the stages. CLI, API, web and Spark all use it."""
from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Iterable, Iterator

from bilat.document import Document
from bilat.errors import BilatError, InputError, InputWarning
from bilat.settings import Settings
from bilat.stages.actors import ActorDictionary, find_actors, load_dictionary
from bilat.stages.agreements import derive_implied, find_agreements, step_events
from bilat.stages.agreements import merge_within_document as merge_steps
from bilat.stages.clean import clean
from bilat.stages.date import date_document
from bilat.stages.events import Rules, code_events, load_rules, refers_to_pair
from bilat.stages.parse import load_model, parse_documents
from bilat.stages.prefilter import Prefilter, build_prefilter
from bilat.stages.read import _count_inputs, read_inputs
from bilat.stages.merge import merge_within_document
from bilat.stages.stories import StoryIndex
from bilat.stages.time import date_events


class Pipeline:
    """read → clean → date → stories → parse → actors → events → agreements → time.

    Stories come before parsing so that an undated copy can date its events by its story.

    Args:
        settings: a :class:`~bilat.settings.Settings`; from the environment when omitted.
        nlp: an already loaded spaCy pipeline (tests pass one to share it).

    Example:
        >>> from bilat import Pipeline
        >>> nlp = Pipeline()  # doctest: +SKIP
        >>> doc = nlp("Pakistan and Russia signed a defense treaty in 2018.")  # doctest: +SKIP
        >>> [(e.source, e.target, e.cameo) for e in doc.events]  # doctest: +SKIP
        [('PAK', 'RUS', '057')]
    """

    def __init__(self, settings: Settings | None = None, *, nlp=None, stories: StoryIndex | None = None) -> None:
        self.settings = settings or Settings.from_env()
        self._nlp = nlp
        self._dictionary: ActorDictionary | None = None
        self._rules: Rules | None = None
        self._prefilter: Prefilter | None = None
        self._stories = stories

    @property
    def nlp(self):
        if self._nlp is None:
            self._nlp = load_model(self.settings.model_name)
        return self._nlp

    @property
    def dictionary(self) -> ActorDictionary:
        if self._dictionary is None:
            self._dictionary = load_dictionary(self.settings.actors_file)
        return self._dictionary

    @property
    def stories(self) -> StoryIndex:
        """The story index documents join; a fresh one per pipeline unless one is given."""
        if self._stories is None:
            # nothing stores this one's rows (``bilat code``): keeping them would grow with the input
            self._stories = self.new_story_index(pending=False)
        return self._stories

    def with_stories(self, stories: StoryIndex) -> "Pipeline":
        """This pipeline (same model, dictionary and rules) over another story index."""
        other = Pipeline(self.settings, nlp=self._nlp, stories=stories)
        other._dictionary, other._rules, other._prefilter = self._dictionary, self._rules, self._prefilter
        return other

    def new_story_index(self, *, pending: bool = True) -> StoryIndex:
        """An empty story index whose topic words are this dictionary's states and bodies;
        ``pending``: it keeps the rows a store is to persist (see :class:`StoryIndex`)."""
        return StoryIndex(common=self.dictionary.topic_words(), pending=pending)

    @property
    def rules(self) -> Rules:
        if self._rules is None:
            self._rules = load_rules()
        return self._rules

    def __call__(self, doc: Document | str) -> Document:
        """Run every stage on one document (or a text, which becomes one)."""
        if isinstance(doc, str):
            # a hash of the text, so that two texts are two documents, not two versions of one
            digest = hashlib.sha1(doc.encode("utf-8", "surrogatepass")).hexdigest()[:16]
            doc = Document(doc_id=f"text_{digest}", raw=doc)
        return next(iter(self.pipe([doc], workers=1)))

    def pipe(self, docs: Iterable[Document], *, on_error=None, workers: int | None = None) -> Iterator[Document]:
        """Run every stage over a stream of documents, parsing in batches.

        A document that makes a stage fail is left out as an E107 naming it, and a document
        cut to a limit yields a W110; both go to ``on_error`` (without it, an E107 is raised).
        The other documents, those of the same parse batch included, go on.

        With ``workers`` above 1 (default: ``settings.worker_count``), parse batches are
        parsed and coded in that many processes, each loading the model once; reading,
        cleaning, dating and story assignment stay here, in input order, and documents come
        back in input order, coded exactly as one process codes them. At most two batches
        per worker are in flight, so memory does not grow with the input. A stream of one
        batch is coded here, without starting processes.
        """
        def report(err: InputError) -> None:
            if on_error is not None:
                on_error(err)
            elif not isinstance(err, InputWarning):
                raise err

        def prepared():
            for doc in docs:
                doc.meta.setdefault("input_key", doc.input_key())
                done = _guarded(doc, self._prepare, report)
                if done is not None:
                    for warning in _warnings(done):
                        report(warning)
                    yield done

        batches = _batches(prepared(), self.settings.batch_size, self.settings.max_document_chars)
        workers = self.settings.worker_count if workers is None else workers
        if workers > 1:
            yield from self._pipe_workers(batches, workers, report)
            return
        for batch in batches:
            yield from self._code_batch(batch, report)

    def _code_batch(self, batch: list[Document], report) -> Iterator[Document]:
        for doc in self._parse(batch, report):
            done = _guarded(doc, self._code, report)
            if done is not None:
                yield done

    def _pipe_workers(self, batches: Iterator[list[Document]], workers: int, report) -> Iterator[Document]:
        """Batches coded in ``workers`` processes, given back in order (see :meth:`pipe`)."""
        first = next(batches, None)
        second = next(batches, None) if first is not None else None
        if second is None:  # too little to be worth starting processes
            if first is not None:
                yield from self._code_batch(first, report)
            return
        import itertools
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        # spawn, not fork: the parent may hold a DuckDB connection and its threads
        context = multiprocessing.get_context("spawn")
        pending: deque = deque()
        try:
            with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker,
                                     initargs=(self.settings,)) as pool:
                for batch in itertools.chain([first, second], batches):
                    pending.append(pool.submit(_work, batch))
                    if len(pending) >= 2 * workers:
                        yield from _replay(pending.popleft().result(), report)
                while pending:
                    yield from _replay(pending.popleft().result(), report)
        except BrokenProcessPool as exc:
            raise BilatError("E201", "a worker process ended unexpectedly (killed, out of memory, or a "
                                     "script that starts workers outside `if __name__ == \"__main__\":`?); "
                                     "what was stored is whole: run the same command again to finish") from exc

    def _prepare(self, doc: Document) -> Document:
        """clean → date → stories."""
        s = self.settings
        doc = clean(doc, max_paragraph_chars=s.max_paragraph_chars, max_document_chars=s.max_document_chars)
        return self.stories.assign(date_document(doc))

    def _parse(self, batch: list[Document], report) -> list[Document]:
        """Parse a batch together; if that fails, each document alone, so only the bad one is lost."""
        try:
            return list(parse_documents(self.nlp, batch, wanted=self._worth_parsing,
                                        batch_size=self.settings.batch_size, stretches=self._stretches()))
        except BilatError:
            raise
        except Exception:  # noqa: BLE001 - the bad one is found below, document by document
            return [d for d in batch if _guarded(d, self._parse_one, report) is not None]

    def _parse_one(self, doc: Document) -> Document:
        return next(iter(parse_documents(self.nlp, [doc], wanted=self._worth_parsing, batch_size=1,
                                         stretches=self._stretches())))

    def _code(self, doc: Document) -> Document:
        """actors → events → agreements → time → the events agreement steps tell, and the merges
        within the document."""
        find_actors(doc, self.dictionary)
        code_events(doc, self.rules, min_confidence=self.settings.min_confidence)
        find_agreements(doc)
        date_events(doc)
        doc.events += step_events(doc)
        doc.events = merge_within_document(doc.events)
        doc.statuses = merge_steps(doc.statuses, {a.key for a in doc.agreements if a.full_name})
        doc.statuses += derive_implied(doc.statuses)
        return doc

    @property
    def prefilter(self) -> Prefilter:
        """The sentence prefilter: trigger words of the rules as they are now (see
        :mod:`bilat.stages.prefilter`)."""
        if self._prefilter is None:
            self._prefilter = build_prefilter(self.nlp, self.rules, self._worth_parsing)
        return self._prefilter

    def _stretches(self):
        return self.prefilter.stretches if self.settings.sentence_prefilter else None

    def _worth_parsing(self, text: str) -> bool:
        """The cheap prefilter: only paragraphs that name an actor or a pair can hold events."""
        return self.dictionary.mentions_any(text) or refers_to_pair(text)

    def read(self, inputs: Iterable[str], *, stdin=None) -> Iterator[Document | InputError]:
        """Documents from files, directories, JSON Lines or ``-``; failed inputs as errors."""
        return read_inputs(inputs, stdin=stdin, max_bytes=self.settings.max_document_bytes)

    def count(self, inputs: Iterable[str]) -> int | None:
        """How many items :meth:`read` will yield (documents and failed inputs), counted
        without reading an article; None when stdin (``-``) is among the inputs."""
        # private to the read stage so that it walks exactly as read_inputs does
        return _count_inputs(inputs)

    def run(self, inputs: Iterable[str], *, stdin=None, on_error=None, workers: int | None = None) -> Iterator[Document]:
        """Read and process ``inputs``; each failed input goes to ``on_error`` and the rest go on.
        ``workers``: see :meth:`pipe`."""
        def good():
            for item in self.read(inputs, stdin=stdin):
                if isinstance(item, InputError):
                    if on_error is not None:
                        on_error(item)
                    continue
                yield item

        return self.pipe(good(), on_error=on_error, workers=workers)


# The pipeline of a worker process, built once by _start_worker.
_WORKER: Pipeline | None = None


def _start_worker(settings: Settings) -> None:
    global _WORKER
    import os

    # one worker, one core: numpy's BLAS threads would fight the other workers for them
    # (set before the model, hence numpy, is first imported in this process)
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")
    _WORKER = Pipeline(settings)
    try:  # load now, so that a missing model fails at once and every batch finds it loaded
        _WORKER.nlp, _WORKER.dictionary, _WORKER.rules
    except BilatError:
        pass  # raised again, whole, by the first batch


def _work(batch: list[Document]) -> list:
    """Parse and code one batch in a worker: its coded documents and its errors, in the
    order one process meets them."""
    out: list = []
    for doc in _WORKER._code_batch(batch, out.append):
        doc.parsed = None  # the spaCy parse stays here; the stages after coding do not read it
        out.append(doc)
    return out


def _replay(items: list, report) -> Iterator[Document]:
    for item in items:
        if isinstance(item, InputError):
            report(item)
        else:
            yield item


def _batches(docs: Iterable[Document], size: int, max_chars: int) -> Iterator[list[Document]]:
    """Batches of ``size`` documents, or fewer when their text passes ``max_chars`` together:
    a batch is parsed at once, so this bounds the memory one batch takes."""
    batch: list[Document] = []
    chars = 0
    for doc in docs:
        if batch and chars + len(doc.text) > max_chars:
            yield batch
            batch, chars = [], 0
        batch.append(doc)
        chars += len(doc.text)
        if len(batch) >= size:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def _where(doc: Document) -> str:
    return doc.origin or doc.doc_id


def _guarded(doc: Document, stage, report) -> Document | None:
    """``stage(doc)``, or None after reporting an E107 that names the document."""
    try:
        return stage(doc)
    except BilatError:
        raise  # already a user-facing error (a missing model, a bad dictionary): not this document's
    except Exception as exc:  # noqa: BLE001 - one document must not end the run
        detail = " ".join(str(exc).split())[:160]
        report(InputError("E107", f"cannot process this document ({type(exc).__name__}: {detail})",
                          path=_where(doc)))
        return None


def _warnings(doc: Document) -> list[InputWarning]:
    """The stages' notes about ``doc`` as one-line warnings naming its file and line."""
    out = []
    for code, detail, offset in doc.meta.pop("warnings", []):
        path, line = _where(doc), None
        raw_at = doc.raw_offset(offset) if offset is not None and not doc.is_html else None
        if raw_at is not None and not doc.meta.get("record"):
            line = doc.raw.count("\n", 0, raw_at) + 1
        out.append(InputWarning(code, detail, path=path, line=line))
    return out
