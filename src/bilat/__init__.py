"""bilat: a dated, sourced record of who did what to whom in international relations.

Public names: :class:`Pipeline`, :func:`open`, :func:`read_events`, :class:`Document`,
:class:`Event`, :class:`Settings`. Importing ``bilat`` loads neither spaCy, DuckDB nor pandas;
they load on first use.
"""
from __future__ import annotations

__version__ = "0.1.0"

from bilat.document import Document, Event
from bilat.settings import Settings

__all__ = ["Pipeline", "open", "read_events", "Document", "Event", "Settings", "__version__"]


def __getattr__(name: str):
    if name == "Pipeline":
        from bilat.pipeline import Pipeline

        return Pipeline
    raise AttributeError(name)


def read_events(path, *, format: str | None = None):  # noqa: A002
    """Load an export of ``bilat events`` into a pandas DataFrame, CAMEO codes as text.

    See :func:`bilat.export.read_events`.

    Example:
        >>> import bilat
        >>> bilat.read_events("events.csv")["cameo"].tolist()[:2]  # doctest: +SKIP
        ['057', '0312']
    """
    from bilat.export import read_events as _read

    return _read(path, format=format)


def open(db: str | None = None, *, settings: Settings | None = None, read_only: bool = False):  # noqa: A001
    """Open a bilat store (a DuckDB file) and return its query layer.

    Args:
        db: path of the DuckDB file; defaults to ``BILAT_DB`` or ``bilat.duckdb``.
        settings: a :class:`Settings`; built from the environment when omitted.
        read_only: open without write access.

    Example:
        >>> import bilat
        >>> store = bilat.open("bilat.duckdb")  # doctest: +SKIP
        >>> store.timeline("PAK", "USA")  # doctest: +SKIP
    """
    from bilat.query import Store

    settings = settings or Settings.from_env()
    if db is not None:
        settings = settings.replace(db=db)
    return Store(settings.db, read_only=read_only)
