"""The programme forms sent twice save once (issue 9 s5, ADR 0007)."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from haven.core.form_tokens import ALREADY_SENT, FIELD
from haven.programmes.models import (
    CrecheSession,
    Enrolment,
    PartnerContact,
    PreGroupContact,
    Programme,
    ProgrammeRun,
    ProgrammeSession,
)
from haven.programmes.tests.views_helpers import day_boxes
from haven.testing.html_forms import post_forms

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def _twice(client, url, data):
    (form,) = [f for f in post_forms(client.get(url).content.decode()) if f.action in ("", url)]
    data = data | {FIELD: form.values[FIELD]}
    first = client.post(url, data)
    assert first.status_code == 302, first.content.decode()[:3000]
    second = client.post(url, data)
    assert second.status_code == 302
    assert second["Location"] == first["Location"]
    assert ALREADY_SENT in [str(m) for m in get_messages(second.wsgi_request)]


def test_the_group_set_up_forms_sent_twice_add_once(client, run, perp_contract, personas):
    client.force_login(personas.service_manager)
    before = Programme.objects.count()
    _twice(
        client,
        reverse("programmes:programme_new"),
        {
            "contract": str(perp_contract.pk),
            "kind": "parenting",
            "name": "Parenting together",
            "min_weeks": "",
            "min_sessions": "8",
        },
    )
    assert Programme.objects.count() == before + 1
    runs = ProgrammeRun.objects.count()
    _twice(
        client,
        reverse("programmes:run_new", args=[run.programme_id]),
        {
            "name": "Autumn",
            **day_boxes("starts_on", TODAY()),
            **day_boxes("planned_end_on", TODAY() + timedelta(weeks=27)),
            "venue": "",
            "facilitators": [str(personas.outsider.pk)],
        },
    )
    assert ProgrammeRun.objects.count() == runs + 1


def test_the_register_one_to_one_and_creche_sent_twice_record_once(client, run, place, personas):
    client.force_login(personas.outsider)
    sessions = ProgrammeSession.objects.count()
    session = {
        **day_boxes("held_on", TODAY()),
        "duration_minutes": "90",
        "topic": "",
        f"mark_{place.pk}": "attended",
    }
    _twice(client, reverse("programmes:register", args=[run.pk]), session)
    _twice(client, reverse("programmes:one_to_one", args=[run.pk, place.pk]), session)
    assert ProgrammeSession.objects.count() == sessions + 2
    _twice(
        client,
        reverse("programmes:creche", args=[run.pk]),
        {
            **day_boxes("held_on", TODAY()),
            "duration_minutes": "120",
            "children_count": "5",
            "venue": "",
        },
    )
    assert CrecheSession.objects.count() == 1


def test_a_place_and_its_contacts_sent_twice_add_once(
    client, run, perp_case, victim_case, personas
):
    from haven.programmes.services_liaison import partner_liaison_start

    client.force_login(personas.outsider)
    _twice(
        client,
        reverse("programmes:enrol", args=[perp_case.pk]),
        {"run": str(run.pk), **day_boxes("offered_on", TODAY())},
    )
    place = Enrolment.objects.get(case=perp_case)
    _twice(
        client,
        reverse("programmes:place_contact", args=[run.pk, place.pk]),
        {**day_boxes("contacted_on", TODAY()), "method": "phone"},
    )
    assert PreGroupContact.objects.count() == 1
    liaison = partner_liaison_start(
        victim_case=victim_case,
        perpetrator_reference=perp_case.person.reference_code,
        started_on=TODAY(),
        by=personas.caseworker,
    )
    client.force_login(personas.caseworker)
    _twice(
        client,
        reverse("programmes:partner_contact", args=[victim_case.pk, liaison.pk]),
        {
            **day_boxes("contacted_on", TODAY()),
            "method": "phone",
            "risk_concern_raised": "no",
            "notes": "",
        },
    )
    assert PartnerContact.objects.count() == 1
