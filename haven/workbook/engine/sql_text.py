"""Small builders for SQL text: literals and identifiers quoted once, in one place."""

from __future__ import annotations

from collections.abc import Iterable

import duckdb


def literal(value: str) -> str:
    """A SQL string literal."""
    return "'" + value.replace("'", "''") + "'"


def literal_list(values: Iterable[str]) -> str:
    """`('a', 'b')` for IN, or `(NULL)` (matches nothing) when empty."""
    items = [literal(v) for v in values]
    return "(" + (", ".join(items) if items else "NULL") + ")"


def fetch_int(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    """The single integer a query returns (0 for NULL); the result is read to the end."""
    rows = con.execute(sql).fetchall()
    return int(rows[0][0] or 0) if rows else 0
