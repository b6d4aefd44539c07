"""Python rows as DuckDB tables, without pandas.

An import reads its millions of rows in DuckDB; what it gives DuckDB from Python are a few small look-ups
(districts, crime types, the files of a batch, the periods of the counts). Each column is bound as one DuckDB
list and unnested, so no per-row SQL is run and the import's process need not load pandas at all.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

import duckdb


def create_table(con: duckdb.DuckDBPyConnection, name: str, columns: dict[str, str], rows: Iterable[Sequence],
                 temporary: bool = True) -> None:
    """The table ``name`` (replacing one of that name) of ``rows``: sequences in the order of ``columns``, which
    gives each column's SQL type. Temporary (this connection's, never stored) unless ``temporary`` is False.

    >>> con = duckdb.connect()
    >>> create_table(con, "peers", {"area": "VARCHAR", "population": "DOUBLE"}, [("ashford", 117956), ("dover", None)])
    >>> con.execute("SELECT * FROM peers").fetchall()
    [('ashford', 117956.0), ('dover', None)]
    >>> create_table(con, "peers", {"area": "VARCHAR", "population": "DOUBLE"}, [])
    >>> con.execute("SELECT count(*) FROM peers").fetchall()
    [(0,)]
    """
    values = [list(column) for column in zip(*rows)] or [[] for _ in columns]
    select = ", ".join(f'unnest(${i}::{kind}[]) AS "{column}"' for i, (column, kind) in enumerate(columns.items(), 1))
    con.execute(f'CREATE OR REPLACE {"TEMP " if temporary else ""}TABLE "{name}" AS SELECT {select}', values)
