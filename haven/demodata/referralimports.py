"""Demo referral imports for Victim First (issue 14 item 8; seed 002 s3.6): yesterday's police
daily download, run as the scheduled import, with one row the service must chase (an answer
to "How would you like to be contacted?" that is not one of the seven, seed 002 s3.7), and a
Sentinel ASB file uploaded by a team leader. The files are made by `referralimports.generate`
(Faker, synthetic people only) from this part's own random stream and imported through
`referrals_import_file`, as a user would."""

from __future__ import annotations

import random
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from django.apps import apps
from django.db.models import UUIDField
from django.utils import timezone

from haven.accounts.models import Membership
from haven.accounts.roles import Role
from haven.casework.models import CaseEvent
from haven.contracts.models import Contract
from haven.referralimports.generate import (
    POLICE_HEADERS,
    SENTINEL_HEADERS,
    police_rows,
    sentinel_rows,
    write_csv,
    write_xlsx,
)
from haven.referralimports.mappings import mapping_for
from haven.referralimports.models import ImportRow, ImportRun
from haven.referralimports.services import referrals_import_file

STREAM = 20  # this part's own random stream: seed + STREAM
SLUG = "victim-first-2018"


def demo_referral_imports_reset(organisation: Any) -> None:
    """Runs go before the referrals they point at (the demo reset deletes those raw)."""
    runs = ImportRun.objects.filter(contract__provider=organisation)
    ImportRow.objects.filter(run__in=runs).delete()
    runs.delete()


@contextmanager
def ids_from(rng: random.Random) -> Iterator[None]:
    """New rows get their uuid4 ids from this part's stream while the import runs.

    The import writes through the services (people, referrals, cases, tasks, timeline), whose
    models draw `uuid.uuid4` ids; the demo's rule that the same seed builds the same data
    (demodata/tests/test_build_demo_data.py compares referral, case and task ids) needs them
    drawn from the seed. Each model's id field's cached default is replaced for the duration
    (the demo build is single-threaded) and put back afterwards."""
    fields = [
        model._meta.pk
        for model in apps.get_models()
        if isinstance(model._meta.pk, UUIDField) and model._meta.pk.default is uuid.uuid4
    ]

    def new_id() -> uuid.UUID:
        return uuid.UUID(int=rng.getrandbits(128), version=4)

    saved = [(field, field.__dict__.pop("_get_default", None)) for field in fields]
    for field in fields:
        field.__dict__["_get_default"] = new_id  # cached_property: the instance's value wins
    try:
        yield
    finally:
        for field, before in saved:
            field.__dict__.pop("_get_default", None)
            if before is not None:
                field.__dict__["_get_default"] = before


def build_demo_referral_imports(*, organisation: Any, seed: int, now: datetime) -> int:
    """Two runs into the organisation's Victim First contract; returns the referrals made."""
    contract = Contract.objects.filter(provider=organisation, slug=SLUG).first()
    if contract is None:
        return 0
    rng = random.Random(seed + STREAM)
    leader = (
        Membership.objects.filter(organisation=organisation, role=Role.TEAM_LEADER)
        .exclude(team=None)
        .select_related("user", "team")
        .order_by("user__email")
        .first()
    )
    team = leader.team if leader else None
    # the demo's other cases all have a worker: these go to the team's first caseworker
    worker = (
        Membership.objects.filter(organisation=organisation, role=Role.CASEWORKER, team=team)
        .select_related("user")
        .order_by("user__email")
        .first()
    )
    allocated_to = worker.user if worker and team else None
    today = timezone.localdate(now)
    made = 0
    started = timezone.now()
    with ids_from(rng), tempfile.TemporaryDirectory(prefix="haven-demo-referrals-") as folder:
        police = police_rows(rng.randrange(10**6), today - timedelta(days=1), rng.randint(8, 14))
        police[rng.randrange(len(police))][11] = "Fax"  # not one of seed 002 s3.7's answers
        path = write_xlsx(Path(folder) / "police-daily.xlsx", POLICE_HEADERS, police)
        run = referrals_import_file(
            path=path,
            contract=contract,
            mapping=mapping_for("police-daily"),
            imported_by=None,  # the scheduled daily download
            team=team,
            now=now,
            allocated_to=allocated_to,
        )
        made += run.created
        sentinel = sentinel_rows(rng.randrange(10**6), today - timedelta(days=2), rng.randint(2, 4))
        path = write_csv(Path(folder) / "sentinel-asb.csv", SENTINEL_HEADERS, sentinel)
        run = referrals_import_file(
            path=path,
            contract=contract,
            mapping=mapping_for("sentinel-asb"),
            imported_by=leader.user if leader else None,
            team=team,
            now=now,
            allocated_to=allocated_to,
        )
        made += run.created
    # the services date some timeline entries (deadlines set) by the clock: the demo's import
    # happened at its `now`, so the same seed gives the same timeline
    CaseEvent.objects.filter(
        case__referral__source__startswith="file:",
        case__contract=contract,
        occurred_at__gte=started,
    ).update(occurred_at=now)
    return made
