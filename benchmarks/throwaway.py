"""A throwaway benchmark database: a SQLite file under var/bench/, or a PostgreSQL database
dropped and created again (shared by the benchmark scripts)."""

from __future__ import annotations

from pathlib import Path


def recreate(url: str) -> None:
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        path.parent.mkdir(parents=True, exist_ok=True)
        for stale in path.parent.glob(path.name + "*"):
            stale.unlink()
        return
    import psycopg

    server, name = url.rsplit("/", 1)
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
