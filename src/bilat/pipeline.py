"""Pipeline: the one place that assembles the stages. CLI, API, web and Spark all use it."""
from __future__ import annotations

import hashlib

from collections.abc import Iterable, Iterator

from bilat.document import Document
from bilat.errors import InputError
from bilat.settings import Settings
from bilat.stages.actors import ActorDictionary, find_actors, load_dictionary
from bilat.stages.agreements import derive_implied, find_agreements
from bilat.stages.agreements import merge_within_document as merge_steps
from bilat.stages.clean import clean
from bilat.stages.date import date_document
from bilat.stages.events import Rules, code_events, load_rules, refers_to_pair
from bilat.stages.parse import load_model, parse_documents
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
            self._stories = self.new_story_index()
        return self._stories

    def with_stories(self, stories: StoryIndex) -> "Pipeline":
        """This pipeline (same model, dictionary and rules) over another story index."""
        other = Pipeline(self.settings, nlp=self._nlp, stories=stories)
        other._dictionary, other._rules = self._dictionary, self._rules
        return other

    def new_story_index(self) -> StoryIndex:
        """An empty story index whose topic words are this dictionary's states and bodies."""
        return StoryIndex(common=self.dictionary.topic_words())

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
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Run every stage over a stream of documents, parsing in batches."""
        def prepared():
            for doc in docs:
                yield self.stories.assign(date_document(clean(doc)))

        parsed = parse_documents(self.nlp, prepared(), wanted=self._worth_parsing,
                                 batch_size=self.settings.batch_size)
        for doc in parsed:
            find_actors(doc, self.dictionary)
            code_events(doc, self.rules, min_confidence=self.settings.min_confidence)
            find_agreements(doc)
            date_events(doc)
            doc.events = merge_within_document(doc.events)
            doc.statuses = merge_steps(doc.statuses, {a.key for a in doc.agreements if a.full_name})
            doc.statuses += derive_implied(doc.statuses)
            yield doc

    def _worth_parsing(self, text: str) -> bool:
        """The cheap prefilter: only paragraphs that name an actor or a pair can hold events."""
        return self.dictionary.mentions_any(text) or refers_to_pair(text)

    def read(self, inputs: Iterable[str], *, stdin=None) -> Iterator[Document | InputError]:
        """Documents from files, directories, JSON Lines or ``-``; failed inputs as errors."""
        return read_inputs(inputs, stdin=stdin)

    def count(self, inputs: Iterable[str]) -> int | None:
        """How many items :meth:`read` will yield (documents and failed inputs), counted
        without reading an article; None when stdin (``-``) is among the inputs."""
        # private to the read stage so that it walks exactly as read_inputs does
        return _count_inputs(inputs)

    def run(self, inputs: Iterable[str], *, stdin=None, on_error=None) -> Iterator[Document]:
        """Read and process ``inputs``; each failed input goes to ``on_error`` and the rest go on."""
        def good():
            for item in self.read(inputs, stdin=stdin):
                if isinstance(item, InputError):
                    if on_error is not None:
                        on_error(item)
                    continue
                yield item

        return self.pipe(good())
