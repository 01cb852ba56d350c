"""Benchmark one quarter's full return for one contract: seconds and query count, at a baseline
size and at the target size, in the same run.

    .venv/bin/python benchmarks/returns.py                       # SQLite: 5,000 then 50,000 cases
    .venv/bin/python benchmarks/returns.py --database-url postgres://postgres@127.0.0.1:5432/haven_returns
    .venv/bin/python benchmarks/returns.py --sizes 2000 20000 --contract wokingham-da-2017

Each size is built into a throwaway database (SQLite under var/bench/; with --database-url a
PostgreSQL database named after it with the size appended) by bulk-inserting synthetic people,
referrals, cases, deadline tasks, contact attempts and risk checklists for one contract, spread
over the 15 months up to the end of the quarter, so every case is within the return's reach.
Each size runs in its own subprocess so Django is set up for that database. The return
(`reporting.selectors.contract_return`) is timed as the median of --runs runs after one warm-up.
Target (issue 10): under 3 s at 50,000 cases, the same number of queries at every size.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from throwaway import recreate  # benchmarks/throwaway.py, beside this script

ROOT = Path(__file__).resolve().parents[1]
BENCH_DIR = ROOT / "var" / "bench"
TARGET_S = 3.0
PERIOD = "2026-Q1"
QUARTER_END = datetime(2026, 7, 1, tzinfo=UTC)
SPAN = timedelta(days=456)  # 15 months before the quarter's end
BATCH = 5000


def database_url(base: str | None, size: int) -> str:
    if not base:
        return f"sqlite:///{BENCH_DIR / f'returns-{size}.sqlite3'}"
    return f"{base.rstrip('/')}_{size}"


def build(contract_slug: str, size: int, seed: int) -> float:
    """Bulk-insert `size` cases (with their person, referral, tasks, attempts, checklists)."""
    from django.contrib.auth import get_user_model

    from haven.casework.models import Case, ContactAttempt, Task
    from haven.contracts.models import Contract, Organisation
    from haven.contracts.profiles.stored import profile_of
    from haven.contracts.profiles.validate import find_profile
    from haven.contracts.services import contract_profiles_load
    from haven.people.models import EqualityData, Person
    from haven.referrals.models import Referral
    from haven.risk.models import RiskAssessment

    started = time.perf_counter()
    contract_profiles_load(paths=[find_profile(contract_slug)], loaded_by=None)
    contract = Contract.objects.get(slug=contract_slug)
    if contract.provider_id is None:
        contract.provider = Organisation.objects.create(name="Benchmark provider")
        contract.save(update_fields=["provider"])
    organisation = contract.provider
    worker = get_user_model().objects.create_user(email="bench.worker@example.test", password=None)
    profile = profile_of(contract)
    routes = [route.key for route in profile.referral_routes] or ["self_referral"]
    rules = [rule.key for rule in profile.deadlines] or ["first_contact"]
    rng = random.Random(seed)
    levels = ["standard", "medium", "high"]
    people, equality, referrals, cases, tasks, attempts, risks = [], [], [], [], [], [], []

    def flush(force: bool = False) -> None:
        if force or len(cases) >= BATCH:
            for model, rows in (
                (Person, people),
                (EqualityData, equality),
                (Referral, referrals),
                (Case, cases),
                (Task, tasks),
                (ContactAttempt, attempts),
                (RiskAssessment, risks),
            ):
                model.objects.bulk_create(rows, batch_size=1000)
                rows.clear()

    for index in range(size):
        received = QUARTER_END - timedelta(seconds=rng.randrange(int(SPAN.total_seconds())))
        person = Person(
            id=uuid.uuid4(),
            reference_code=f"B{index:08d}",
            organisation=organisation,
            given_name="Bench",
            date_of_birth=date(1960 + rng.randrange(45), 1 + rng.randrange(12), 1),
            local_authority="Benchmark",
        )
        people.append(person)
        equality.append(
            EqualityData(
                person=person,
                sex=rng.choice(["female", "male", ""]),
                ethnicity=rng.choice(["white_english", "asian_indian", ""]),
            )
        )
        closed = received + timedelta(days=rng.randrange(5, 200))
        is_closed = closed < QUARTER_END and rng.random() < 0.7
        referral = Referral(
            id=uuid.uuid4(),
            contract=contract,
            person=person,
            route=rng.choice(routes),
            received_at=received,
            decision="accepted",
            decided_at=received + timedelta(hours=2),
            referrer_risk_level=rng.choice(levels),
            primary_support_need="da",
        )
        referrals.append(referral)
        case = Case(
            id=uuid.uuid4(),
            person=person,
            contract=contract,
            referral=referral,
            state="closed" if is_closed else rng.choice(["engaged", "contacting", "new"]),
            risk_level=rng.choice(levels),
            opened_at=received + timedelta(hours=2),
            first_contact_at=received + timedelta(hours=rng.randrange(1, 60)),
            closed_at=closed if is_closed else None,
            exit_type=rng.choice(["planned", "unplanned"]) if is_closed else "",
            allocated_to=worker,
        )
        cases.append(case)
        for rule in rng.sample(rules, k=min(3, len(rules))):
            due = received + timedelta(hours=48)
            met = rng.random() < 0.85
            tasks.append(
                Task(
                    case=case,
                    rule_key=rule,
                    label=rule,
                    action="contact_any",
                    due_at=due,
                    explanation="benchmark",
                    citation="benchmark",
                    status="met" if met else "breached",
                    met_at=due - timedelta(hours=1) if met else None,
                    is_outstanding=False,
                )
            )
        for attempt in range(rng.randrange(1, 4)):
            attempts.append(
                ContactAttempt(
                    case=case,
                    channel="phone",
                    outcome=rng.choice(["reached", "no_answer"]),
                    attempted_at=received + timedelta(hours=4 + attempt),
                    recorded_by=worker,
                )
            )
        for stage, offset in (("first_contact", 1), ("exit", 90)):
            score = rng.randrange(24)
            risks.append(
                RiskAssessment(
                    case=case,
                    stage=stage,
                    checklist_key="bench",
                    checklist_version="1",
                    answers={},
                    score=score,
                    score_level=levels[min(score // 8, 2)],
                    computed_level=levels[min(score // 8, 2)],
                    level=levels[min(score // 8, 2)],
                    completed_at=received + timedelta(days=offset),
                    completed_by=worker,
                )
            )
        flush()
    flush(force=True)
    return time.perf_counter() - started


def child(contract_slug: str, size: int, runs: int, seed: int) -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "haven.settings")
    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from haven.casework.models import Case
    from haven.contracts.models import Contract
    from haven.contracts.profiles.stored import profile_of
    from haven.reporting.periods import parse_period
    from haven.reporting.selectors import contract_return

    call_command("migrate", verbosity=0)
    build_s = 0.0 if Case.objects.exists() else build(contract_slug, size, seed)
    contract = Contract.objects.get(slug=contract_slug)
    period = parse_period(PERIOD, profile_of(contract).contract_year_start)
    now = QUARTER_END + timedelta(days=10)
    contract_return(contract, period, now=now)  # warm-up
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        result = contract_return(contract, period, now=now)
        timings.append(time.perf_counter() - started)
    with CaptureQueriesContext(connection) as queries:
        contract_return(contract, period, now=now)
    computed = sum(1 for m in result.measures if m.figure is not None)
    print(
        json.dumps(
            {
                "size": size,
                "cases": Case.objects.filter(contract=contract).count(),
                "build_s": build_s,
                "median_s": statistics.median(timings),
                "queries": len(queries),
                "measures": len(result.measures),
                "computed": computed,
            }
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000, 50000])
    parser.add_argument("--contract", default="victim-first-2018")
    parser.add_argument("--database-url", help="PostgreSQL server and base name; SQLite if absent")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=20261206)
    parser.add_argument("--keep", action="store_true", help="reuse a database already built")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        child(args.contract, args.child, args.runs, args.seed)
        return
    rows = []
    for size in args.sizes:
        url = database_url(args.database_url, size)
        if not args.keep:
            recreate(url)
        env = {**os.environ, "DATABASE_URL": url, "HAVEN_DEMO": "1", "UV_PYTHON_DOWNLOADS": "never"}
        command = [
            sys.executable,
            __file__,
            "--child",
            str(size),
            "--contract",
            args.contract,
            "--runs",
            str(args.runs),
            "--seed",
            str(args.seed),
        ]
        output = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)
        if output.returncode:
            sys.exit(f"size {size} failed:\n{output.stderr}")
        rows.append(json.loads(output.stdout.strip().splitlines()[-1]))
    engine = "PostgreSQL" if args.database_url else "SQLite"
    print(
        f"\n{engine}: {args.contract} {PERIOD} return, median of {args.runs} runs "
        f"(target < {TARGET_S} s at 50,000 cases)"
    )
    print(
        f"{'cases':>8} {'build s':>8} {'return s':>9} {'queries':>8} {'measures':>9} {'computed':>9}"
    )
    for row in rows:
        flag = "" if row["median_s"] < TARGET_S else "  (over target)"
        print(
            f"{row['cases']:>8} {row['build_s']:>8.1f} {row['median_s']:>9.2f} {row['queries']:>8} "
            f"{row['measures']:>9} {row['computed']:>9}{flag}"
        )
    if len(rows) > 1:
        base, big = rows[0], rows[-1]
        print(
            f"time ratio {big['cases']:,} / {base['cases']:,} cases: "
            f"{big['median_s'] / max(base['median_s'], 1e-9):.1f}x for "
            f"{big['cases'] / max(base['cases'], 1):.1f}x the cases"
        )
    steady = len({row["queries"] for row in rows}) == 1
    print("query count independent of the number of cases:", "yes" if steady else "NO")


if __name__ == "__main__":
    main()
