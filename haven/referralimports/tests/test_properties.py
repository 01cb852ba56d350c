"""Hypothesis: importing the same file twice creates nothing new, whatever its rows."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from haven.casework.models import Case
from haven.people.models import Person
from haven.referralimports.models import RunStatus
from haven.referrals.models import Referral

pytestmark = pytest.mark.django_db

METHODS = ["Home Telephone", "Mobile", "Email", "Post", "SMS text", "In Person", "Pigeon"]
NAMES = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéöñ' -", min_size=0, max_size=12)
ROW = st.tuples(
    st.integers(min_value=1, max_value=8),  # crime reference: repeats happen
    st.integers(min_value=0, max_value=30),  # days before the import
    NAMES,
    NAMES,
    st.sampled_from(METHODS),
)


def _csv(rows: list[tuple[int, int, str, str, str]], batch: int) -> bytes:
    lines = ["Crime reference,Date referred,Forename,Surname,Date of birth,Contact method"]
    for ref, days, forename, family, method in rows:
        day = dt.date(2026, 12, 6) - dt.timedelta(days=days)
        forename, family = forename.replace(",", ""), family.replace(",", "")
        lines.append(f"P{batch}-{ref},{day:%d/%m/%Y} 10:00,{forename},{family},01/01/1980,{method}")
    return ("\n".join(lines) + "\n").encode("utf-8")


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(rows=st.lists(ROW, min_size=1, max_size=8), batch=st.integers(0, 10**9))
def test_importing_the_same_file_twice_creates_nothing_new(import_file, rows, batch):
    content = _csv(rows, batch)
    first = import_file(content)
    counts = (Referral.objects.count(), Person.objects.count(), Case.objects.count())
    second = import_file(content)
    assert (Referral.objects.count(), Person.objects.count(), Case.objects.count()) == counts
    assert second.created == 0
    assert second.already_imported == first.created + first.already_imported
    assert second.refused == first.refused
    if first.status == RunStatus.IMPORTED:
        assert second.status == RunStatus.IMPORTED
