"""The restorative justice pages (seed 002 Lot 1 s3.10): the case section, the referral form's
refusals on its fields, the exceptional-circumstances rule, and a process to its close."""

import pytest
from django.urls import reverse
from django.utils import timezone

from haven.restorative.models import RestorativeProcess
from haven.restorative.tests.views_helpers import refer_url, step_url

pytestmark = pytest.mark.django_db


def _case_page(client, case):
    return client.get(reverse("casework:detail", args=[case.pk])).content.decode()


def _form(personas, **changes):
    today = timezone.localdate()
    data = {
        "victim_requested": "yes",
        "requested_on-day": str(today.day),
        "requested_on-month": str(today.month),
        "requested_on-year": str(today.year),
        "offender_admitted": "yes",
        "contact_type": "shuttle",
        "sensitive_offence": "none",
        "exceptional_justification": "",
        "facilitator": str(personas.teammate.pk),
        "facilitator_experienced": "no",
    }
    data.update(changes)
    return data


def test_a_victim_first_case_offers_restorative_justice(client, vf_case, personas):
    client.force_login(personas.caseworker)
    body = _case_page(client, vf_case)
    assert refer_url(vf_case) in body


def test_a_contract_without_restorative_justice_offers_none(client, team_case, personas):
    client.force_login(personas.caseworker)
    assert refer_url(team_case) not in _case_page(client, team_case)


def test_seed_002_s3_10_not_victim_initiated_is_refused_on_the_field(client, vf_case, personas):
    client.force_login(personas.caseworker)
    response = client.post(refer_url(vf_case), _form(personas, victim_requested="no"))
    assert response.status_code == 200
    assert "only offered when the victim asks for it" in response.content.decode()
    assert not RestorativeProcess.objects.exists()


def test_seed_002_s3_10_domestic_violence_refused_then_accepted_with_justification(
    client, vf_case, personas
):
    client.force_login(personas.caseworker)
    response = client.post(
        refer_url(vf_case), _form(personas, sensitive_offence="domestic_violence")
    )
    body = response.content.decode()
    assert "Enter the exceptional circumstances" in body
    assert "must be experienced" in body
    response = client.post(
        refer_url(vf_case),
        _form(
            personas,
            sensitive_offence="domestic_violence",
            exceptional_justification="The victim's repeated wish; full risk assessment done",
            facilitator_experienced="yes",
        ),
    )
    assert response.status_code == 302
    process = RestorativeProcess.objects.get()
    assert process.is_exceptional
    assert process.facilitator == personas.teammate
    body = _case_page(client, vf_case)
    assert 'id="restorative-justice"' in body
    assert step_url(process) in body


def test_the_step_form_records_the_close(client, process, personas):
    client.force_login(personas.caseworker)
    for stage, extra in (
        ("suitable", {"note": "Safe and suitable"}),
        ("preparation", {}),
    ):
        response = client.post(step_url(process), {"to": stage, **extra})
        assert response.status_code == 302, response.content.decode()[:2000]
    today = timezone.localdate()
    response = client.post(
        step_url(process),
        {
            "to": "held",
            "held_on-day": str(today.day),
            "held_on-month": str(today.month),
            "held_on-year": str(today.year),
        },
    )
    assert response.status_code == 302
    response = client.post(step_url(process), {"to": "closed"})
    assert "Select the outcome" in response.content.decode()
    response = client.post(
        step_url(process), {"to": "closed", "outcome": "apology", "victim_view": "very_satisfied"}
    )
    assert response.status_code == 302
    body = _case_page(client, process.case)
    assert "Apology given" in body
    assert "Very satisfied" in body
    assert client.get(step_url(process)).status_code == 302
