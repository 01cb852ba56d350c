"""The Leicester perpetrator return counts a group's places, pre-group work and attendance from the
records (seed 001 Lot 4 s8, s14), through the loader (one load, the optional "programmes" facts)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from haven.programmes.services import pre_group_contact_record, run_complete
from haven.reporting.periods import date_range
from haven.reporting.selectors import contract_return

pytestmark = pytest.mark.django_db


def test_seed_001_lot_4_s8_the_return_counts_the_group(run, place, perp_contract, personas):
    today = timezone.localdate()
    run_complete(run=run, completed_on=today, by=personas.outsider)
    period = date_range(today - timedelta(days=365), today)
    figures = contract_return(perp_contract, period)
    assert figures.measure("perpetrators_starting_groups").value == 1
    assert figures.measure("pre_group_assessments").value == 1
    assert figures.measure("groups_started").value == 1
    assert figures.measure("groups_completed").value == 1
    assert figures.measure("interventions").value == 1  # the one session attended
    assert figures.measure("engage_and_complete_programme").value is None  # none finished


def test_seed_001_lot_4_s8_pre_group_contacts_are_counted(run, perp_case, perp_contract, personas):
    from haven.programmes.services import enrolment_offer

    today = timezone.localdate()
    place = enrolment_offer(
        run=run, case=perp_case, offered_on=today - timedelta(days=3), offered_by=personas.outsider
    )
    pre_group_contact_record(
        enrolment=place, contacted_on=today, method="phone", by=personas.outsider
    )
    figures = contract_return(perp_contract, date_range(today - timedelta(days=30), today))
    assert figures.measure("pre_group_contacts").value == 1
