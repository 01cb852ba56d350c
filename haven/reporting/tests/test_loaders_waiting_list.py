"""Waiting-list entries in a return (issue 13; seed 003 s13, s14): loaded only when a measure
reads them, those of the contract on the list at any time in the period."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from haven.casework.models import WaitingListEntry
from haven.reporting.facts import NotLoaded
from haven.reporting.loaders import load_facts
from haven.reporting.tests.test_loaders import Q1
from haven.testing.casework import CaseFactory

pytestmark = pytest.mark.django_db

MARCH = datetime(2026, 3, 1, 10, tzinfo=UTC)
MAY = datetime(2026, 5, 1, 10, tzinfo=UTC)
JULY = datetime(2026, 7, 2, 10, tzinfo=UTC)


def test_the_entries_on_the_list_in_the_period_load_as_facts(contract_for):
    contract = contract_for("wokingham-da-2017")
    case = CaseFactory(contract=contract)

    def stay(joined, left=None, on=contract, fresh=False):
        return WaitingListEntry.objects.create(
            case=case if on == contract and not fresh else CaseFactory(contract=on),
            contract=on,
            joined_at=joined,
            left_at=left,
            left_how="closed" if left else "",
            reason="no_capacity",
        )

    stay(MARCH, MARCH)  # left before the quarter
    through = stay(MARCH, JULY)
    inside = stay(MAY)
    stay(JULY, fresh=True)  # joined after it (a second open stay needs another case)
    stay(MAY, on=contract_for("opcc-dv360"))
    facts = load_facts(contract, Q1.start, Q1.end)
    assert {e.id for e in facts.waiting_list_entries} == {through.id, inside.id}


def test_they_are_not_read_unless_a_measure_needs_them(contract_for):
    facts = load_facts(contract_for("wokingham-da-2017"), Q1.start, Q1.end, needs=frozenset())
    assert isinstance(facts.waiting_list_entries, NotLoaded)


def test_a_waiting_list_figure_is_drilled_to_its_cases(client, open_case, contract_for, personas):
    """seed 003 s13 "Number on wait list": the figure's records are the waiting cases."""
    from django.urls import reverse
    from django.utils import timezone

    from haven.casework.services import case_state_change
    from haven.reporting.periods import current_period

    contract = contract_for("wokingham-da-2017")
    case = open_case(contract, route="professional")
    case_state_change(
        case=case,
        to_state="waiting_list",
        changed_by=personas.caseworker,
        waiting_reason="no_capacity",
    )
    period = current_period(timezone.now(), "quarter", "04-01").code
    client.force_login(personas.service_manager)
    for measure in ("waiting_list", "waiting_list_reasons"):
        response = client.get(reverse("reporting:measure", args=[contract.slug, period, measure]))
        assert response.status_code == 200
        html = response.content.decode()
        assert "The records counted: 1." in html
        assert case.person.reference_code in html
        assert case.person.family_name not in html
