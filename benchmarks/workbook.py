"""Benchmark the workbook rule against a plain DuckDB window query and Polars, same data, same run.

    .venv/bin/python benchmarks/workbook.py --n 1000000              # exact ids
    .venv/bin/python benchmarks/workbook.py --n 1000000 --mode fuzzy # Splink, precision/recall

Each contender runs in its own subprocess; wall time is measured around it and peak memory is
that child's max RSS from os.wait4 (no extra dependencies). Data: N synthetic incidents over
3 years with heavy-tailed repeat victims (haven.workbook.engine.synthetic).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
AS_OF = "2027-01-01T00:00:00+00:00"
BASELINE_SQL = """
COPY (
    SELECT incident_id, victim_nominal_id, reported_at,
           count(*) OVER (PARTITION BY victim_nominal_id ORDER BY reported_at
                          RANGE BETWEEN INTERVAL 365 DAYS PRECEDING AND CURRENT ROW) - 1 AS prior
    FROM read_parquet('{source}')
) TO '{out}' ({options})
"""


def contender_haven(source: str, out: str, identity: str) -> None:
    from haven.workbook.engine import WorkbookSettings, run_workbook

    run_workbook(
        source,
        settings=WorkbookSettings(),
        identity=identity,
        as_of=dt.datetime.fromisoformat(AS_OF),
        out=out,
        memory_limit=os.environ.get("HAVEN_WORKBOOK_MEMORY", "1GB"),
    )


def contender_duckdb(source: str, out: str, identity: str) -> None:
    import duckdb

    options = (
        "FORMAT csv, HEADER true" if out.endswith(".csv") else "FORMAT parquet, COMPRESSION zstd"
    )
    with duckdb.connect() as con:
        con.execute(BASELINE_SQL.format(source=source, out=out, options=options))


def contender_polars(source: str, out: str, identity: str) -> None:
    import polars as pl

    frame = (
        pl.scan_parquet(source)
        .select("incident_id", "victim_nominal_id", "reported_at")
        .sort("victim_nominal_id", "reported_at")
        .rolling(index_column="reported_at", period="365d", group_by="victim_nominal_id")
        .agg(pl.col("incident_id").last(), (pl.len() - 1).alias("prior"))
    )
    if out.endswith(".csv"):
        frame.sink_csv(out)
    else:
        frame.sink_parquet(out)


CONTENDERS = {"haven": contender_haven, "duckdb": contender_duckdb, "polars": contender_polars}


def run_contender(name: str, source: Path, out: Path, identity: str) -> dict[str, float]:
    """Run one contender in a child process; wall seconds and that child's peak RSS in MB."""
    command = [
        sys.executable,
        __file__,
        "--contender",
        name,
        "--source",
        str(source),
        "--out",
        str(out),
        "--identity",
        identity,
    ]
    started = time.perf_counter()
    child = subprocess.Popen(command, cwd=ROOT)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{name} failed with exit code {child.returncode}")
    return {"wall_s": round(wall, 2), "peak_mb": round(usage.ru_maxrss / 1024, 1)}


def generate(path: Path, n: int, mode: str, typo_rate: float) -> None:
    from haven.workbook.engine.synthetic import SyntheticExport, write_synthetic_export

    spec = SyntheticExport(
        incidents=n,
        typo_rate=typo_rate if mode == "fuzzy" else 0.0,
        nominal_ids=mode == "exact",
        seed=7,
    )
    started = time.perf_counter()
    write_synthetic_export(path, spec)
    print(f"generated {n:,} incidents in {time.perf_counter() - started:.1f}s: {path}", flush=True)


def exact_benchmark(workdir: Path, source: Path, contenders: list[str], suffix: str) -> None:
    results = {}
    for name in contenders:
        results[name] = run_contender(name, source, workdir / f"{name}{suffix}", "exact")
        print(
            f"{name:>7}: {results[name]['wall_s']:8.2f} s  peak {results[name]['peak_mb']:8.1f} MB",
            flush=True,
        )
    if "haven" in results:
        for name in (c for c in results if c != "haven"):
            time_ratio = results["haven"]["wall_s"] / results[name]["wall_s"]
            memory_ratio = results["haven"]["peak_mb"] / results[name]["peak_mb"]
            print(f"haven / {name}: time {time_ratio:.2f}x, memory {memory_ratio:.2f}x")
    print(json.dumps(results))


def fuzzy_benchmark(workdir: Path, source: Path) -> None:
    """Time Splink resolution, then score the eligible flag against the planted truth."""
    import duckdb

    truth_source = workdir / "truth.parquet"
    with duckdb.connect() as con:
        con.execute(
            f"COPY (SELECT * REPLACE ('T' || true_victim AS victim_nominal_id) "
            f"FROM read_parquet('{source}')) TO '{truth_source}' (FORMAT parquet)"
        )
    fuzzy = run_contender("haven", source, workdir / "fuzzy.parquet", "fuzzy")
    print(f"fuzzy haven: {fuzzy['wall_s']:.2f} s  peak {fuzzy['peak_mb']:.1f} MB", flush=True)
    run_contender("haven", truth_source, workdir / "truth-out.parquet", "exact")
    with duckdb.connect() as con:
        tp, fp, fn = con.execute(
            f"""
            SELECT sum((p.eligible = 'true' AND t.eligible = 'true')::INT),
                   sum((p.eligible = 'true' AND t.eligible = 'false')::INT),
                   sum((p.eligible = 'false' AND t.eligible = 'true')::INT)
            FROM read_parquet('{workdir / "fuzzy.parquet"}') p
            JOIN read_parquet('{workdir / "truth-out.parquet"}') t USING (incident_id)
            """
        ).fetchall()[0]
    precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    print(
        f"eligible flag: precision {precision:.4f}, recall {recall:.4f} (tp {tp}, fp {fp}, fn {fn})"
    )
    print(json.dumps({"fuzzy": fuzzy, "precision": precision, "recall": recall}))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--mode", choices=("exact", "fuzzy"), default="exact")
    parser.add_argument("--contenders", default="duckdb,polars,haven")
    parser.add_argument("--typo-rate", type=float, default=0.05, help="fuzzy: share with a typo")
    parser.add_argument("--format", choices=("parquet", "csv"), default="parquet")
    parser.add_argument("--workdir", type=Path, help="keep data here (default: a temp dir)")
    parser.add_argument("--contender", choices=tuple(CONTENDERS), help=argparse.SUPPRESS)
    parser.add_argument("--source", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument("--identity", default="exact", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.contender:
        CONTENDERS[args.contender](args.source, args.out, args.identity)
        return
    with tempfile.TemporaryDirectory(prefix="haven-bench-", dir=args.workdir) as temp:
        workdir = Path(temp)
        source = workdir / f"incidents-{args.n}.parquet"
        generate(source, args.n, args.mode, args.typo_rate)
        if args.mode == "fuzzy":
            fuzzy_benchmark(workdir, source)
        else:
            exact_benchmark(workdir, source, args.contenders.split(","), f".{args.format}")


if __name__ == "__main__":
    main()
