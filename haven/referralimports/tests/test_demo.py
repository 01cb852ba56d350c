"""The demo's referral imports: two runs into Victim First, one row refused, re-runnable."""

from __future__ import annotations

import pytest
from django.utils import timezone

from haven.demodata.referralimports import (
    build_demo_referral_imports,
    demo_referral_imports_reset,
)
from haven.referralimports.generate import sample_paths
from haven.referralimports.models import ImportRun, RunStatus

pytestmark = pytest.mark.django_db


def test_the_demo_imports_a_police_download_and_a_sentinel_file(personas, victim_first):
    made = build_demo_referral_imports(
        organisation=personas.organisation, seed=1, now=timezone.now()
    )
    runs = {run.source: run for run in ImportRun.objects.all()}
    assert set(runs) == {"police-daily", "sentinel-asb"}
    assert runs["police-daily"].status == RunStatus.SOME_REFUSED
    assert runs["police-daily"].refused == 1
    assert runs["sentinel-asb"].status == RunStatus.IMPORTED
    assert made == runs["police-daily"].created + runs["sentinel-asb"].created > 0
    demo_referral_imports_reset(personas.organisation)
    assert not ImportRun.objects.exists()


def test_ids_come_from_the_demo_stream_while_it_imports():
    import random

    from haven.demodata.referralimports import ids_from
    from haven.referralimports.models import ImportRun as Run
    from haven.referrals.models import Referral

    drawn = []
    for _ in range(2):
        with ids_from(random.Random(7)):
            drawn.append((Run().pk, Referral().pk))
    assert drawn[0] == drawn[1]
    assert Run().pk != Run().pk  # random again afterwards


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.name)
def test_the_sample_files_import(import_file, path):
    source = "sentinel-asb" if path.name.startswith("sentinel") else "police-daily"
    run = import_file(path.read_bytes(), name=path.name, source=source)
    assert run.status == RunStatus.IMPORTED, list(run.rows.values("problems"))
