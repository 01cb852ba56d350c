"""The workforce measures in the returns (issue 16): Cornwall's bi-annual workforce figures
(seed 004 s10) and Leicester's staff, volunteers and their demographics (seed 001 Lot 3 s8,
s14), loaded from the records in a fixed number of queries and drilled to without names."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from haven.contracts.profiles.stored import profile_of
from haven.reporting.engine import figures_for
from haven.reporting.loaders import load_facts
from haven.reporting.periods import parse_period
from haven.testing.fixtures import profile_contract
from haven.workforce.models import (
    Course,
    EstablishmentPost,
    SicknessAbsence,
    StaffMember,
    Supervision,
    TrainingCompletion,
    TrainingSession,
)

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 4, 10, 12, tzinfo=UTC)
CORNWALL = (
    "workforce_vacancy_rate", "workforce_temporary_staffing", "workforce_turnover",
    "workforce_sickness_month", "workforce_sickness_ytd", "workforce_sickness_long_short",
    "workforce_stress_sickness", "workforce_sickness_days_per_fte", "workforce_plan_vs_actual",
    "workforce_mandatory_training",
)  # fmt: skip


def member(organisation, name, **kwargs):
    values = {
        "kind": "staff",
        "contract_type": "permanent",
        "fte": Decimal("1"),
        "started_on": date(2020, 1, 1),
    }
    return StaffMember.objects.create(
        organisation=organisation, full_name=name, **(values | kwargs)
    )


def results(contract, code):
    period = parse_period(code, "04-01")
    facts = load_facts(contract, period.start, period.end)
    result = figures_for(profile_of(contract), facts, period, NOW)
    return {m.spec.id: m for m in result.measures}


def test_seed_004_s10_cornwall_workforce_figures_are_computed(personas):
    organisation = personas.organisation
    contract = profile_contract("cornwall-mens-refuge-2021", organisation)
    post = EstablishmentPost.objects.create(
        organisation=organisation, title="Refuge worker", contract_type="permanent",
        fte=Decimal("3"), valid_from=date(2020, 1, 1),
    )  # fmt: skip
    a = member(organisation, "Synthetic A", post=post)
    member(organisation, "Synthetic B", post=post, fte=Decimal("0.5"))
    member(organisation, "Synthetic C", post=post, contract_type="agency", fte=Decimal("0.5"))
    member(organisation, "Synthetic D", post=post, left_on=date(2026, 1, 31))
    # Monday 2 to Friday 6 March 2026, stress: 5 FTE days, short-term
    SicknessAbsence.objects.create(
        staff_member=a, first_day=date(2026, 3, 2), last_day=date(2026, 3, 6), reason="stress"
    )
    course = Course.objects.create(organisation=organisation, name="Safeguarding",
                                   mandatory_for_staff=True)  # fmt: skip
    TrainingCompletion.objects.create(staff_member=a, course=course, completed_on=date(2026, 1, 5))
    found = results(contract, "2025-H2")  # October 2025 to March 2026
    assert {m: found[m].status for m in CORNWALL} == dict.fromkeys(CORNWALL, "computed")
    # on 31 March: 1.5 substantive FTE of 3 planned in post, 0.5 agency
    assert found["workforce_vacancy_rate"].value == pytest.approx(1.5 / 1.5)
    assert found["workforce_temporary_staffing"].value == pytest.approx(0.5 / 1.5)
    assert found["workforce_plan_vs_actual"].value == pytest.approx(2.0 / 3)
    # March 2026 has 22 working days: A 22, B 11, C 11 FTE days available
    assert found["workforce_sickness_month"].value == pytest.approx(5 / 44)
    assert found["workforce_stress_sickness"].value == 1
    assert found["workforce_sickness_long_short"].value == 0
    # heads: A, B, C, D at the start of the 12 months; A, B, C at the end; D left
    assert found["workforce_turnover"].value == pytest.approx(1 / 3.5)
    # of A, B, C in post on 31 March, A alone has the mandatory course
    assert found["workforce_mandatory_training"].value == pytest.approx(1 / 3)


def test_seed_001_lot3_s8_volunteers_sessions_and_demographics(personas):
    organisation = personas.organisation
    contract = profile_contract("leicester-victim-survivor-2012", organisation)
    worker = member(organisation, "Synthetic Worker", sex="female")
    volunteer = member(
        organisation, "Synthetic Mentor", kind="volunteer", contract_type="", fte=Decimal("0"),
        volunteer_role="mentor", started_on=date(2026, 4, 20), sex="male",
    )  # fmt: skip
    course = Course.objects.create(organisation=organisation, name="Induction")
    session = TrainingSession.objects.create(course=course, held_on=date(2026, 5, 5))
    for who in (worker, volunteer):
        TrainingCompletion.objects.create(
            staff_member=who, course=course, session=session, completed_on=date(2026, 5, 5)
        )
    Supervision.objects.create(staff_member=worker, held_on=date(2026, 5, 1), kind="individual")
    Supervision.objects.create(staff_member=worker, held_on=date(2026, 6, 12), kind="clinical")
    Supervision.objects.create(staff_member=volunteer, held_on=date(2026, 6, 1), kind="group")
    Supervision.objects.create(staff_member=worker, held_on=date(2026, 3, 1), kind="individual")
    found = results(contract, "2026-Q1")  # April to June 2026
    assert found["volunteers_recruited"].value == 1
    assert found["volunteers_trained"].value == 1
    assert found["staff_training_sessions"].value == 1
    assert found["staff_supervision_sessions"].value == 2
    assert found["volunteer_supervision_sessions"].value == 1
    demographics = found["equality_staff_volunteers"]
    assert demographics.value == 2
    sex = next(b for b in demographics.breakdowns if b.key == "sex")
    assert {c.key: len(c.numerator) for c in sex.cells if c.numerator} == {"female": 1, "male": 1}
    recruited_sex = next(b for b in found["volunteers_recruited"].breakdowns if b.key == "sex")
    assert {c.key for c in recruited_sex.cells if c.numerator} == {"male"}


def test_the_workforce_loads_in_a_fixed_number_of_queries(personas, django_assert_num_queries):
    organisation = personas.organisation
    contract = profile_contract("cornwall-mens-refuge-2021", organisation)
    period = parse_period("2025-H2", "04-01")
    wanted = frozenset({"workforce"})
    member(organisation, "Synthetic One")
    load_facts(contract, period.start, period.end, needs=wanted)  # warm the profile cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        load_facts(contract, period.start, period.end, needs=wanted)
    for index in range(6):
        worker = member(organisation, f"Synthetic {index}")
        Supervision.objects.create(staff_member=worker, held_on=date(2026, 1, 5), kind="group")
        SicknessAbsence.objects.create(staff_member=worker, first_day=date(2026, 1, 5),
                                       reason="injury")  # fmt: skip
    with CaptureQueriesContext(connection) as many:
        load_facts(contract, period.start, period.end, needs=wanted)
    assert len(many) == len(few)


def test_the_drill_down_links_staff_to_their_record_without_names(client, personas):
    organisation = personas.organisation
    contract = profile_contract("leicester-victim-survivor-2012", organisation)
    worker = member(organisation, "Synthetic Named Worker", started_on=date(2020, 1, 1))
    client.force_login(personas.service_manager)
    url = reverse("reporting:measure", args=[contract.slug, "2026-Q1", "equality_staff_volunteers"])
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert reverse("workforce:staff", args=[worker.pk]) in html
    assert "Synthetic Named Worker" not in html
