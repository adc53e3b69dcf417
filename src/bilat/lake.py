"""Open the Spark job's Parquet output as a bilat store, read-only.

``bilat spark`` writes a folder holding one Parquet dataset per store table and a
``_bilat.json``. Giving that folder as the database (``--db OUTPUT``, ``bilat.open(OUTPUT)``,
``BILAT_DB``) opens an in-memory DuckDB whose tables are views over those files, with the
store's columns, so every read command, the Python API, the REST API and the dashboard work
on it unchanged, and nothing is copied. A table with no rows stays an empty table.
"""
from __future__ import annotations

import json
from pathlib import Path

from bilat.errors import BilatError

MARKER = "_bilat.json"
FORMAT = "bilat-parquet"
# Store tables the job writes, and the job's own record of inputs that failed.
TABLES = ("documents", "mentions", "events", "agreements", "agreement_steps", "story_index")


def is_output(path: str) -> bool:
    """Is ``path`` a folder the Spark job wrote?"""
    return Path(path, MARKER).is_file()


def connect_output(path: str, *, read_only: bool = True):
    """A DuckDB connection whose store tables read the Parquet files under ``path``.

    Raises:
        BilatError: E300 when asked for write access, or when ``_bilat.json`` is not the
            job's; E301 when the output's schema is newer than this bilat's.
    """
    from bilat.store import PERIOD_SQL, SCHEMA_VERSION, connect

    if not read_only:
        raise BilatError("E300", f"{path} is the Parquet output of bilat spark, which is read-only; "
                                 "ingest into a DuckDB file instead")
    try:
        meta = json.loads(Path(path, MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BilatError("E300", f"cannot read {MARKER}: {exc}", path=path) from exc
    if meta.get("format") != FORMAT:
        raise BilatError("E300", f"{MARKER} does not describe a bilat Parquet store", path=path)
    if int(meta.get("schema_version", 0)) > SCHEMA_VERSION:
        raise BilatError("E301", f"{path} has schema {meta['schema_version']}; this bilat knows {SCHEMA_VERSION}")
    con = connect(":memory:")  # the store's own schema, empty, to take each table's columns from
    for table in TABLES:
        folder = Path(path, table)
        if not any(folder.rglob("*.parquet")):
            continue
        columns = ", ".join(row[0] for row in con.execute(f"DESCRIBE {table}").fetchall())
        glob = str(folder / "**" / "*.parquet").replace("'", "''")
        con.execute(f"DROP TABLE {table}")
        con.execute(f"CREATE VIEW {table} AS SELECT {columns} FROM "
                    f"read_parquet('{glob}', hive_partitioning = false)")
    # the job writes no counts by period: a view counts them from the events when asked
    con.execute("DROP TABLE dyad_periods")
    con.execute(f"CREATE VIEW dyad_periods AS SELECT source, target, {PERIOD_SQL} AS period, quad, "
                "count(*) AS events, sum(CAST(goldstein AS DECIMAL(18, 3))) AS goldstein FROM events "
                "GROUP BY source, target, period, quad")
    con.execute("INSERT OR REPLACE INTO meta VALUES ('story_params', ?)",
                [json.dumps(meta.get("story_params", {}), sort_keys=True)])
    return con
