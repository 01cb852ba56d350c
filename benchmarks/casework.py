"""Benchmark the worklists and the case page on demo data: median render time and query count.

    .venv/bin/python benchmarks/casework.py                       # SQLite, scales 0.1 and 10
    .venv/bin/python benchmarks/casework.py --database-url postgres://postgres@127.0.0.1:5432/haven_bench
    .venv/bin/python benchmarks/casework.py --scales 1 --keep     # reuse an existing build

Each scale is built by `haven demo --scale N` into a throwaway database (SQLite files under
var/bench/; with --database-url, a PostgreSQL database named after it with the scale appended,
dropped and created again). Each scale runs in its own subprocess so Django is set up for that
database. Pages are fetched with Django's test Client as the demo caseworker (home, my worklist,
case page) and team leader (home, team worklist); the query count is taken on one extra request.
Target (issue 3): median under 150 ms, and the same number of queries at every scale.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from throwaway import recreate  # benchmarks/throwaway.py, beside this script

ROOT = Path(__file__).resolve().parents[1]
BENCH_DIR = ROOT / "var" / "bench"
CASEWORKER = "casey.caseworker@demo.haven.test"
TEAM_LEADER = "tam.team-leader@demo.haven.test"
TARGET_MS = 150


def database_url(base: str | None, scale: float) -> str:
    suffix = str(scale).replace(".", "_")
    if not base:
        return f"sqlite:///{BENCH_DIR / f'casework-{suffix}.sqlite3'}"
    return f"{base.rstrip('/')}_{suffix}"


def build(scale: float, seed: int | None) -> float:
    from django.core.management import call_command

    from haven.casework.models import Case

    if Case.objects.exists():
        return 0.0
    started = time.perf_counter()
    options: dict[str, Any] = {"scale": scale, "stdout": open(os.devnull, "w")}  # noqa: SIM115
    if seed is not None:
        options["seed"] = seed
    call_command("demo", **options)
    return time.perf_counter() - started


def measure(client: Any, url: str, requests: int) -> dict[str, Any]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(2):  # warm caches (templates, profiles)
        assert client.get(url).status_code == 200, url
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, url
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return {"median_ms": statistics.median(timings), "queries": len(queries)}


def child(scale: float, requests: int, seed: int | None) -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "haven.settings")
    django.setup()
    from django.core.management import call_command
    from django.db.models import Count
    from django.test import Client
    from django.urls import reverse

    from haven.accounts.models import User
    from haven.casework.models import Case

    call_command("migrate", verbosity=0)
    seconds = build(scale, seed)
    caseworker = User.objects.get(email=CASEWORKER)
    leader = User.objects.get(email=TEAM_LEADER)
    visible = Case.objects.visible_to(caseworker).filter(is_restricted=False)
    by_events = visible.annotate(n=Count("events")).order_by("-n", "id")
    longest = by_events.first()
    shortest = by_events.filter(n__gte=5).order_by("n", "id").first()
    assert longest is not None
    assert shortest is not None
    results = {"scale": scale, "cases": Case.objects.count(), "build_s": seconds, "pages": []}
    pages = [
        ("home (caseworker)", caseworker, reverse("home")),
        ("home (team leader)", leader, reverse("home")),
        ("my worklist (caseworker)", caseworker, reverse("casework:worklist")),
        ("team worklist (team leader)", leader, reverse("casework:team_worklist")),
        (
            f"case page, {longest.n} timeline entries",
            caseworker,
            reverse("casework:detail", args=[longest.pk]),
        ),
        (
            f"case page, {shortest.n} timeline entries",
            caseworker,
            reverse("casework:detail", args=[shortest.pk]),
        ),
    ]
    for label, user, url in pages:
        client = Client(HTTP_HOST="localhost")
        client.force_login(user)
        results["pages"].append({"page": label, **measure(client, url, requests)})
    print(json.dumps(results))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", type=float, nargs="+", default=[0.1, 10.0])
    parser.add_argument("--database-url", help="PostgreSQL server and base name; SQLite if absent")
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--seed", type=int)
    parser.add_argument("--keep", action="store_true", help="reuse a database already built")
    parser.add_argument("--child", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        child(args.child, args.requests, args.seed)
        return
    rows = []
    for scale in args.scales:
        url = database_url(args.database_url, scale)
        if not args.keep:
            recreate(url)
        env = {**os.environ, "DATABASE_URL": url, "HAVEN_DEMO": "1", "UV_PYTHON_DOWNLOADS": "never"}
        command = [
            sys.executable,
            __file__,
            "--child",
            str(scale),
            "--requests",
            str(args.requests),
        ]
        if args.seed is not None:
            command += ["--seed", str(args.seed)]
        output = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)
        if output.returncode:
            sys.exit(f"scale {scale} failed:\n{output.stderr}")
        rows.append(json.loads(output.stdout.strip().splitlines()[-1]))
    engine = "PostgreSQL" if args.database_url else "SQLite"
    print(f"\n{engine}: median of {args.requests} requests (target < {TARGET_MS} ms)")
    print(
        f"{'scale':>6} {'cases':>8} {'build s':>8}  {'page':<36} {'median ms':>10} {'queries':>8}"
    )
    for row in rows:
        for page in row["pages"]:
            flag = "" if page["median_ms"] < TARGET_MS else "  (over target)"
            print(
                f"{row['scale']:>6} {row['cases']:>8} {row['build_s']:>8.1f}  {page['page']:<36} "
                f"{page['median_ms']:>10.1f} {page['queries']:>8}{flag}"
            )
    by_page: dict[str, set[int]] = {}
    for row in rows:
        for page in row["pages"]:
            by_page.setdefault(page["page"].split(",")[0], set()).add(page["queries"])
    steady = all(len(counts) == 1 for counts in by_page.values())
    print("query counts independent of scale and timeline length:", "yes" if steady else "NO")


if __name__ == "__main__":
    main()
