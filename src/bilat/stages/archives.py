"""Archive inputs: compressed JSON Lines, WARC and Parquet → one :class:`Document` per article.

News archives ship as gzip or zstd JSON Lines (``.jsonl.gz``, ``.jsonl.zst``), as web crawls
in WARC (``.warc``, ``.warc.gz``, and Common Crawl's extracted-text ``.warc.wet.gz``), or as
Parquet tables with a ``text`` (or ``html``) column. Each is streamed: a record at a time for
JSON Lines and WARC, a row group at a time for Parquet, so an archive never sits whole in
memory (except when the Spark job hands over a file's bytes).

A record becomes a Document exactly as a JSON Lines record does (same ``id``, ``url``,
``title``, ``published`` fields, same content-hash ``doc_id`` when there is no ``id``), so one
article gives the same events whatever container it came in. A record that cannot be read
becomes an :class:`InputError` naming the file and its line, row or byte offset; the rest of
the archive is still read.
"""
from __future__ import annotations

# The readers live in the read stage (:mod:`bilat.stages.read`), which owns every input
# format; this module names the archive part of it.
from bilat.stages.read import _archive_kind as archive_kind
from bilat.stages.read import _count_archive as count_archive
from bilat.stages.read import _read_archive as read_archive
from bilat.stages.read import _read_bytes as read_bytes

__all__ = ["archive_kind", "count_archive", "read_archive", "read_bytes"]
