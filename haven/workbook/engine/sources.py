"""Read a police export (CSV, XLSX or Parquet) into DuckDB as `source_rows`, row numbers kept."""

# ruff: noqa: S608 - SQL is built here from quoted literals (sql_text.literal) and fixed names

from __future__ import annotations

import codecs
import csv
import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from .columns import INCIDENT_COLUMNS, REQUIRED_COLUMNS, ColumnMapping
from .results import Issue, Progress, WorkbookInputError
from .sql_text import fetch_int, literal

CHUNK_ROWS = 200_000
RAW_COLUMNS: tuple[str, ...] = (*INCIDENT_COLUMNS, "source_row", "read_problem")


@dataclass
class LoadedSource:
    """The `source_rows` view is ready; warnings say what was repaired on the way in."""

    rows_read: int
    warnings: list[Issue] = field(default_factory=list)
    typed_columns: dict[str, str] = field(default_factory=dict)


def load_source(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    mapping: ColumnMapping,
    workdir: Path,
    progress: Progress | None = None,
) -> LoadedSource:
    """Create the `source_rows` view over the file; row 1 is the header, data start at row 2."""
    if not path.exists():
        raise WorkbookInputError(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        return _load_parquet(con, path, mapping)
    staged = workdir / "source.parquet"
    if suffix in {".xlsx", ".xlsm"}:
        loaded = _stage_rows(path, _xlsx_records(path), staged, mapping, progress)
    elif suffix in {".csv", ".txt"}:
        warnings: list[Issue] = []
        loaded = _stage_rows(path, _csv_records(path, warnings), staged, mapping, progress)
        loaded.warnings[:0] = warnings
    else:
        raise WorkbookInputError(f"{path}: read CSV, XLSX or Parquet, not {suffix or 'no suffix'}")
    con.execute(
        f"CREATE OR REPLACE VIEW source_rows AS SELECT * FROM read_parquet({literal(str(staged))})"
    )
    return loaded


def _load_parquet(
    con: duckdb.DuckDBPyConnection, path: Path, mapping: ColumnMapping
) -> LoadedSource:
    relation = con.sql(f"SELECT * FROM read_parquet({literal(str(path))}) LIMIT 0")
    available = dict(zip(relation.columns, (str(t) for t in relation.types), strict=True))
    _check_required(path, mapping, set(available))
    selects, typed = [], {}
    for column in INCIDENT_COLUMNS:
        name = mapping.source_name(column)
        if name in available:
            quoted = name.replace('"', '""')
            selects.append(f'"{quoted}" AS {column}')
            if available[name] != "VARCHAR":
                typed[column] = available[name]
        else:
            selects.append(f"NULL::VARCHAR AS {column}")
    selects += ["file_row_number + 2 AS source_row", "NULL::VARCHAR AS read_problem"]
    con.execute(
        f"CREATE OR REPLACE VIEW source_rows AS SELECT {', '.join(selects)} "
        f"FROM read_parquet({literal(str(path))}, file_row_number = true)"
    )
    rows = fetch_int(con, f"SELECT count(*) FROM read_parquet({literal(str(path))})")
    return LoadedSource(rows_read=rows, typed_columns=typed)


def _check_required(path: Path, mapping: ColumnMapping, header: set[str]) -> None:
    missing = [c for c in REQUIRED_COLUMNS if mapping.source_name(c) not in header]
    if missing:
        names = ", ".join(f"{c} (column '{mapping.source_name(c)}')" for c in missing)
        raise WorkbookInputError(f"{path}: missing required column(s): {names}")


Record = tuple[int, list[str], str | None]
"""(row number, cells, problem) as read from a text or spreadsheet file."""


def _stage_rows(
    source: Path,
    table: tuple[list[str], Iterator[Record]],
    staged: Path,
    mapping: ColumnMapping,
    progress: Progress | None,
) -> LoadedSource:
    header, rows = table
    positions = _header_positions(source, header, mapping)
    schema = pa.schema(
        [(c, pa.string()) for c in INCIDENT_COLUMNS]
        + [("source_row", pa.int64()), ("read_problem", pa.string())]
    )
    loaded = LoadedSource(rows_read=0)
    with pq.ParquetWriter(staged, schema) as writer:
        for chunk in _chunks(rows, CHUNK_ROWS):
            writer.write_table(_chunk_table(chunk, positions, len(header), schema))
            loaded.rows_read += len(chunk)
            if progress:
                progress("reading", loaded.rows_read, 0)
    return loaded


def _header_positions(source: Path, header: list[str], mapping: ColumnMapping) -> dict[str, int]:
    cleaned = [h.strip() for h in header]
    _check_required(source, mapping, set(cleaned))
    return {
        c: cleaned.index(mapping.source_name(c))
        for c in INCIDENT_COLUMNS
        if mapping.source_name(c) in cleaned
    }


def _chunk_table(
    chunk: list[Record], positions: dict[str, int], width: int, schema: pa.Schema
) -> pa.Table:
    arrays: dict[str, list[str | None] | list[int]] = {c: [] for c in INCIDENT_COLUMNS}
    rows: list[int] = []
    problems: list[str | None] = []
    for row_number, cells, problem in chunk:
        if problem is None and len(cells) != width:
            problem = f"row: has {len(cells)} fields but the header has {width}"
        for column in INCIDENT_COLUMNS:
            position = positions.get(column)
            value = cells[position] if position is not None and position < len(cells) else None
            arrays[column].append(value)  # type: ignore[arg-type]
        rows.append(row_number)
        problems.append(problem)
    data = {**arrays, "source_row": rows, "read_problem": problems}
    return pa.table(data, schema=schema)


def _chunks(rows: Iterable[Record], size: int) -> Iterator[list[Record]]:
    chunk: list[Record] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _csv_records(path: Path, warnings: list[Issue]) -> tuple[list[str], Iterator[Record]]:
    """Yield the header and then the records; each line is UTF-8 or else Windows-1252."""
    handle = path.open("rb")
    redecoded: list[int] = []
    reader = csv.reader(_decoded_lines(handle, redecoded))
    try:
        header = next(reader)
    except StopIteration:
        handle.close()
        raise WorkbookInputError(f"{path}: the file is empty") from None

    def records() -> Iterator[Record]:
        with handle:
            for number, cells in enumerate(reader, start=2):
                while redecoded and redecoded[0] <= reader.line_num:
                    redecoded.pop(0)
                    warnings.append(_encoding_warning(number, header, cells))
                yield number, cells, None

    return header, records()


def _decoded_lines(handle: Iterable[bytes], redecoded: list[int]) -> Iterator[str]:
    for line_number, raw in enumerate(handle, start=1):
        line = (
            raw[len(codecs.BOM_UTF8) :]
            if line_number == 1 and raw.startswith(codecs.BOM_UTF8)
            else raw
        )
        try:
            yield line.decode("utf-8")
        except UnicodeDecodeError:
            redecoded.append(line_number)
            yield line.decode("cp1252", errors="replace")


def _encoding_warning(number: int, header: list[str], cells: list[str]) -> Issue:
    fields = [header[i] for i, cell in enumerate(cells) if i < len(header) and not cell.isascii()]
    return Issue(
        row=number,
        field=",".join(fields) or "row",
        reason="not UTF-8; read as Windows-1252",
        severity="warning",
    )


def _xlsx_records(path: Path) -> tuple[list[str], Iterator[Record]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise WorkbookInputError(f"{path}: cannot open the workbook: {error}") from error
    rows = book.worksheets[0].iter_rows(values_only=True)
    header = [_cell_text(v) or "" for v in next(rows, ())]

    def records() -> Iterator[Record]:
        for number, values in enumerate(rows, start=2):
            cells = [_cell_text(v) or "" for v in values]
            while cells and cells[-1] == "" and len(cells) > len(header):
                cells.pop()
            if any(cells):
                yield number, cells + [""] * (len(header) - len(cells)), None
        book.close()

    return header, records()


def _cell_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
