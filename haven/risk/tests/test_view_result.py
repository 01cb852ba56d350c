"""The result page: score, level, every reason and the MARAC flag, for those who see the case."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from haven.core.models import AuditEvent
from haven.risk.services import risk_assessment_complete
from haven.testing.casework import CaseFactory
from haven.testing.risk import answers

pytestmark = pytest.mark.django_db


def assess(case, user, yes=14, **extra):
    arguments = {
        "case": case,
        "completed_by": user,
        "answers": answers(yes=yes),
        "professional_judgement": False,
        "professional_judgement_reason": "",
        "incidents_last_12_months": None,
        "stage": "referral",
        "completed_at": timezone.now() - dt.timedelta(minutes=1),
    }
    return risk_assessment_complete(**(arguments | extra))


def url(assessment):
    return reverse("risk:result", args=[assessment.case_id, assessment.pk])


def test_it_shows_the_score_level_and_every_reason(client, personas, case):
    assessment = assess(
        case,
        personas.caseworker,
        professional_judgement=True,
        professional_judgement_reason="Threats to kill",
        incidents_last_12_months=3,
    )
    client.force_login(personas.caseworker)
    page = client.get(url(assessment)).content.decode()
    assert "High risk" in page
    assert "14 yes answers out of 24" in page
    assert "Visible high risk: 14 yes answers (threshold 14)" in page
    assert "Professional judgement: Threats to kill" in page
    assert "Potential escalation: 3 incidents in the last 12 months (threshold 3)" in page
    assert "MARAC referral required" not in page


def test_it_shows_the_marac_flag_for_the_cornwall_refuge(client, personas, cornwall_case):
    # seed 004 s4.2: every high-risk referral into the refuge triggers a MARAC referral
    assessment = assess(cornwall_case, personas.caseworker)
    client.force_login(personas.teammate)
    page = client.get(url(assessment)).content.decode()
    assert "MARAC referral required" in page
    assert "Cornwall Council men&#39;s refuge service specification (2021), section 4.2" in page
    assert "seed 004" not in page


def test_reading_an_assessment_is_audited(client, personas, case):
    assessment = assess(case, personas.caseworker)
    client.force_login(personas.teammate)
    client.get(url(assessment))
    view = AuditEvent.objects.get(action="view", object_id=str(assessment.pk))
    assert view.actor == personas.teammate


def test_it_lists_the_answers_under_their_sections(client, personas, case):
    assessment = assess(case, personas.caseworker, yes=1)
    client.force_login(personas.caseworker)
    page = client.get(url(assessment)).content.decode()
    assert "1. Did the current incident cause an injury?" in page
    assert "Don&#39;t know" not in page


def test_an_analyst_in_the_organisation_may_read_it(client, personas, case):
    assessment = assess(case, personas.caseworker)
    client.force_login(personas.analyst)
    assert client.get(url(assessment)).status_code == 200


def test_an_outsider_gets_404(client, personas, case):
    assessment = assess(case, personas.caseworker)
    client.force_login(personas.outsider)
    assert client.get(url(assessment)).status_code == 404


def test_a_commissioner_is_refused(client, personas, case):
    assessment = assess(case, personas.caseworker)
    client.force_login(personas.commissioner)
    assert client.get(url(assessment)).status_code == 403


def test_an_assessment_of_another_case_is_not_found_through_this_case(client, personas, case):
    other = CaseFactory(contract=personas.contract, team=personas.team)
    assessment = assess(other, personas.caseworker)
    client.force_login(personas.caseworker)
    wrong = reverse("risk:result", args=[case.pk, assessment.pk])
    assert client.get(wrong).status_code == 404
