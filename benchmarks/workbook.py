"""Benchmark the workbook rule against a plain DuckDB window query and Polars, same data, same run.

    .venv/bin/python benchmarks/workbook.py --n 1000000              # exact ids
    .venv/bin/python benchmarks/workbook.py --n 1000000 --mode fuzzy # Splink, precision/recall
    .venv/bin/python benchmarks/workbook.py --n 1000 --mode import   # a daily export into referrals

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


def contender_import(source: str, out: str, identity: str) -> None:
    """`workbook_import` into a fresh SQLite database: first import, then the same file again.

    Set-up (migrations, the contract) is not timed; the two imports are, end to end.
    """
    os.environ["DATABASE_URL"] = f"sqlite:///{Path(out).with_suffix('.sqlite3')}"
    os.environ["HAVEN_DEBUG"] = "false"  # as in production: no query log kept in memory
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "haven.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from haven.contracts.models import Commissioner, Contract, Organisation
    from haven.contracts.profiles.validate import find_profile, load_profile
    from haven.workbook.services import workbook_import

    call_command("migrate", verbosity=0)
    profile = load_profile(find_profile("opcc-dv360"))
    contract = Contract.objects.create(
        slug="opcc-dv360",
        name=profile.name,
        commissioner=Commissioner.objects.create(name="Synthetic PCC"),
        provider=Organisation.objects.create(name="Synthetic secondary responder"),
        profile=profile.model_dump(mode="json"),
        profile_sha256="0" * 64,
    )
    as_of = dt.datetime.fromisoformat(AS_OF)
    figures = {}
    for label in ("first_import", "same_file_again"):
        started, cpu = time.perf_counter(), time.process_time()
        run = workbook_import(
            path=Path(source), contract=contract, imported_by=None, as_of=as_of, identity=identity
        )
        figures[label] = {
            "wall_s": round(time.perf_counter() - started, 2),
            "cpu_s": round(time.process_time() - cpu, 2),  # this process, DuckDB's threads too
            "status": run.status,
            "eligible": run.eligible,
            "referrals_created": run.referrals_created,
            "already_imported": run.already_imported,
            "sent_to_review": run.sent_to_review,
        }
    Path(out).write_text(json.dumps(figures))


def contender_import_populated(source: str, out: str, identity: str) -> None:
    """`workbook_import` into a demo service (`haven demo --scale 1`: ~10,000 cases) where some
    of the export's victims already have a record without their police nominal id, so their
    incidents go to review. Building the demo is not timed; the import is."""
    os.environ["DATABASE_URL"] = f"sqlite:///{Path(out).with_suffix('.sqlite3')}"
    os.environ["HAVEN_DEBUG"] = "false"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "haven.settings")
    import django

    django.setup()
    import duckdb
    from django.core.management import call_command

    from haven.accounts.models import User
    from haven.contracts.models import Contract
    from haven.people.models import Person
    from haven.people.services import person_create
    from haven.workbook.services import workbook_import

    call_command("migrate", verbosity=0)
    call_command("demo", scale=1.0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    contract = Contract.objects.get(slug="opcc-dv360")
    recorder = User.objects.filter(memberships__organisation=contract.provider).first()
    with duckdb.connect() as con:  # one victim in twenty already known, without the nominal id
        known = con.execute(
            f"""
            SELECT DISTINCT victim_forename, victim_surname, victim_dob
            FROM read_parquet('{source}') WHERE hash(victim_nominal_id) % 20 = 0
            """
        ).fetchall()
    for given, family, born in known:
        person_create(
            created_by=recorder,
            details={"given_name": given, "family_name": family, "date_of_birth": born},
            organisation=contract.provider,
        )
    people = Person.objects.filter(organisation=contract.provider).count()
    started, cpu = time.perf_counter(), time.process_time()
    run = workbook_import(
        path=Path(source),
        contract=contract,
        imported_by=None,
        as_of=dt.datetime.fromisoformat(AS_OF),
        identity=identity,
    )
    figures = {
        "into_demo_service": {
            "wall_s": round(time.perf_counter() - started, 2),
            "cpu_s": round(time.process_time() - cpu, 2),
            "people_before": people,
            "status": run.status,
            "eligible": run.eligible,
            "referrals_created": run.referrals_created,
            "sent_to_review": run.sent_to_review,
        }
    }
    Path(out).write_text(json.dumps(figures))


CONTENDERS = {
    "haven": contender_haven,
    "duckdb": contender_duckdb,
    "polars": contender_polars,
    "import": contender_import,
    "import_populated": contender_import_populated,
}


def run_contender(name: str, source: Path, out: Path, identity: str) -> dict[str, float]:
    """Run one contender in a child process: wall and CPU seconds, that child's peak RSS in MB."""
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
    return {
        "wall_s": round(wall, 2),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),  # fairer than wall on a shared machine
        "peak_mb": round(usage.ru_maxrss / 1024, 1),
    }


def generate(path: Path, n: int, mode: str, typo_rate: float) -> None:
    from haven.workbook.engine.synthetic import SyntheticExport, write_synthetic_export

    spec = SyntheticExport(
        incidents=n,
        typo_rate=typo_rate if mode == "fuzzy" else 0.0,
        nominal_ids=mode != "fuzzy",
        years=1 if mode == "import" else 3,  # a daily export carries the year it looks back on
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
            f"{name:>7}: {results[name]['wall_s']:8.2f} s  cpu {results[name]['cpu_s']:8.2f} s  "
            f"peak {results[name]['peak_mb']:8.1f} MB",
            flush=True,
        )
    if "haven" in results:
        for name in (c for c in results if c != "haven"):
            time_ratio = results["haven"]["wall_s"] / results[name]["wall_s"]
            cpu_ratio = results["haven"]["cpu_s"] / results[name]["cpu_s"]
            memory_ratio = results["haven"]["peak_mb"] / results[name]["peak_mb"]
            print(
                f"haven / {name}: time {time_ratio:.2f}x, cpu {cpu_ratio:.2f}x, "
                f"memory {memory_ratio:.2f}x"
            )
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


def import_benchmark(workdir: Path, source: Path) -> None:
    """A daily export into referrals: people, referrals, cases and tasks, audited; into an empty
    database twice (the second time creates nothing), then into a populated demo service."""
    out = workdir / "import.json"
    process = run_contender("import", source, out, "exact")
    figures = json.loads(out.read_text())
    populated = workdir / "import-populated.json"
    run_contender("import_populated", source, populated, "exact")
    figures.update(json.loads(populated.read_text()))
    for label, figure in figures.items():
        print(
            f"{label}: {figure['wall_s']:.2f} s (CPU {figure['cpu_s']:.2f} s)  {figure}", flush=True
        )
    print(
        f"import process (with set-up): {process['wall_s']:.2f} s  peak {process['peak_mb']:.1f} MB"
    )
    print(json.dumps({"process": process, **figures}))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--mode", choices=("exact", "fuzzy", "import"), default="exact")
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
        elif args.mode == "import":
            import_benchmark(workdir, source)
        else:
            exact_benchmark(workdir, source, args.contenders.split(","), f".{args.format}")


if __name__ == "__main__":
    main()
