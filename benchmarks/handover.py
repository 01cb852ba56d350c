"""Benchmark the handover bundle on demo data: export and import time and peak memory, against
Django's own serializer over the same records (dumpdata-style JSON Lines) and loaddata.

    .venv/bin/python benchmarks/handover.py --database-url sqlite:////tmp/hv_demo.sqlite3
    .venv/bin/python benchmarks/handover.py --scale 0.2      # build a demo first (var/bench/)

Each step runs in its own subprocess (so its peak resident memory is its own):
  export     haven handover export --contract SLUG --out DIR
  baseline   django.core.serializers "jsonl" over the same records (+ the staff users)
  import     haven handover import DIR into a fresh, migrated SQLite database
  loaddata   manage.py loaddata of the baseline file into another fresh database
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "var" / "bench" / "handover"

BASELINE = """
import os, sys
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "haven.settings")
django.setup()
from django.core import serializers
from haven.accounts.models import User
from haven.contracts.models import Contract
from haven.handover.export import chunks, contract_scope
from haven.handover.types import record_types
contract = Contract.objects.get(slug=sys.argv[1])
scope = contract_scope(contract)
count = 0
with open(sys.argv[2], "w", encoding="utf-8") as out:
    users = User.objects.all()
    serializers.serialize("jsonl", users, stream=out)
    count += users.count()
    for t in record_types():
        if t.name not in scope:
            continue
        for part in chunks(sorted(scope[t.name], key=str)):
            objects = list(t.model._base_manager.filter(pk__in=part))
            serializers.serialize("jsonl", objects, stream=out)
            count += len(objects)
print(count)
"""


def run(step: str, args: list[str], database_url: str) -> dict[str, object]:
    env = dict(os.environ, DATABASE_URL=database_url)
    started = time.perf_counter()
    process = subprocess.Popen(
        args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    out = process.stdout.read().decode() if process.stdout else ""
    err = process.stderr.read().decode() if process.stderr else ""
    if status != 0:
        raise SystemExit(f"{step} failed:\n{err[-3000:]}")
    return {
        "step": step,
        "seconds": round(elapsed, 1),
        "peak_mb": round(usage.ru_maxrss / 1024),
        "out": out.strip().splitlines()[:1],
    }


def fresh_database(name: str, template: Path) -> str:
    target = BENCH / f"{name}.sqlite3"
    shutil.copyfile(template, target)
    return f"sqlite:///{target}"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", help="a database holding demo data")
    parser.add_argument("--scale", type=float, default=0.2, help="demo scale when building one")
    parser.add_argument("--contract", default="victim-first-2018")
    options = parser.parse_args()
    shutil.rmtree(BENCH, ignore_errors=True)
    BENCH.mkdir(parents=True)
    python = sys.executable
    empty = BENCH / "empty.sqlite3"
    run("migrate", [python, "manage.py", "migrate", "-v0"], f"sqlite:///{empty}")
    source = options.database_url
    if not source:
        source = fresh_database("source", empty)
        run("demo", [python, "manage.py", "demo", "--scale", str(options.scale)], source)
    bundle, baseline = BENCH / "bundle", BENCH / "baseline.jsonl"
    steps = [
        run(
            "export",
            [
                python,
                "manage.py",
                "handover",
                "export",
                "--contract",
                options.contract,
                "--out",
                str(bundle),
            ],
            source,
        ),
        run(
            "baseline: Django serializer (jsonl)",
            [python, "-c", BASELINE, options.contract, str(baseline)],
            source,
        ),
        run(
            "import",
            [python, "manage.py", "handover", "import", str(bundle)],
            fresh_database("import", empty),
        ),
        run(
            "baseline: loaddata",
            [python, "manage.py", "loaddata", str(baseline)],
            fresh_database("loaddata", empty),
        ),
        run("startup: manage.py check", [python, "manage.py", "check"], source),
    ]
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file())
    for step in steps:
        print(
            f"{step['step']:<40} {step['seconds']:>7} s {step['peak_mb']:>6} MB  {step['out'][0] if step['out'] else ''}"
        )
    print(
        f"bundle: {size / 1e6:.1f} MB on disk (JSON Lines + CSV + schemas); baseline file: {baseline.stat().st_size / 1e6:.1f} MB"
    )
    print(json.dumps(steps))


if __name__ == "__main__":
    main()
