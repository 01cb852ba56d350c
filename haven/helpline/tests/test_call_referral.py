"""A call linked to a case goes on its timeline as a helpline call (direction, caller, outcomes;
never the call-back's number), and the "Referral made" outcome leads on to the existing referral
form, whose referral the call records (the referrals app is unchanged)."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import CaseEvent
from haven.core.form_tokens import ALREADY_SENT, FIELD
from haven.helpline.models import HelplineCall
from haven.helpline.services import CallBackRequest, helpline_call_log, helpline_call_referral_link
from haven.referrals.models import Referral
from haven.testing.casework import ReferralFactory
from haven.testing.html_forms import post_forms

pytestmark = pytest.mark.django_db


def _call(contract, personas, *, case=None, outcomes=("referral_made",), consent=True):
    return helpline_call_log(
        contract=contract,
        taken_by=personas.caseworker,
        started_at=timezone.now() - timedelta(minutes=20),
        direction="in",
        caller_type="victim",
        duration_minutes=15,
        outcomes=list(outcomes),
        consent_to_record=consent,
        case=case,
        call_back=CallBackRequest(due_at=timezone.now() + timedelta(hours=2), phone="07700 900999")
        if "call_back_booked" in outcomes
        else None,
    )


def test_a_call_linked_to_a_case_is_a_helpline_call_on_its_timeline(wokingham, personas, open_case):
    case = open_case(wokingham)
    call = _call(wokingham, personas, case=case, outcomes=("safety_advice", "call_back_booked"))
    event = CaseEvent.objects.get(case=case, kind=CaseEventKind.HELPLINE_CALL)
    assert event.summary == (
        "Incoming helpline call, caller: victim or survivor; "
        "outcome: safety advice, call-back booked"
    )
    assert (event.object_type, event.object_id) == ("helpline.helplinecall", str(call.pk))
    assert event.occurred_at == call.started_at
    assert "07700" not in event.summary + str(event.data)
    assert not CaseEvent.objects.filter(case=case, kind=CaseEventKind.NOTE).exists()
    assert CaseEventKind.HELPLINE_CALL.label == "Helpline call"


def _referral_page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    forms = [f for f in post_forms(response.content.decode()) if f.action in ("", url)]
    return forms[0].values


def _referral_data(values, person):
    return {
        **values,
        "route": "self_referral",
        "received_via": "phone",
        "reference_code": person.reference_code,
        "contact_method": "mobile_phone",
        "consent_to_contact": "yes",
        "priority": "standard",
        "primary_support_need": "da",
    }


def test_the_referral_made_from_a_call_is_recorded_on_the_call(
    client, wokingham, personas, open_case
):
    case = open_case(wokingham)
    client.force_login(personas.caseworker)
    call = _call(wokingham, personas, case=case)
    page = client.get(reverse("helpline:call", args=[call.pk])).content.decode()
    url = f"{reverse('helpline:call_referral', args=[call.pk])}?person={case.person_id}"
    assert url in page
    values = _referral_page(client, url)
    assert values["reference_code"] == case.person.reference_code  # the person preset
    before = Referral.objects.count()
    response = client.post(url, _referral_data(values, case.person))
    assert response.status_code == 302
    referral = Referral.objects.order_by("-created_at").first()
    assert Referral.objects.count() == before + 1
    assert response["Location"] == reverse("referrals:detail", args=[referral.pk])
    call.refresh_from_db()
    assert call.referral == referral
    page = client.get(reverse("helpline:call", args=[call.pk])).content.decode()
    assert reverse("referrals:detail", args=[referral.pk]) in page
    assert "Make the referral" not in page
    # once: the form is not offered again
    again = client.get(reverse("helpline:call_referral", args=[call.pk]))
    assert again["Location"] == reverse("helpline:call", args=[call.pk])


def test_a_referral_form_sent_twice_makes_one_referral(client, wokingham, personas, open_case):
    case = open_case(wokingham)
    client.force_login(personas.caseworker)
    call = _call(wokingham, personas, case=case)
    url = reverse("helpline:call_referral", args=[call.pk])
    data = _referral_data(_referral_page(client, url), case.person)
    assert data[FIELD]
    before = Referral.objects.count()
    first = client.post(url, data)
    second = client.post(url, data)
    assert first.status_code == second.status_code == 302
    assert second["Location"] == first["Location"]
    assert ALREADY_SENT in [str(m) for m in get_messages(second.wsgi_request)]
    assert Referral.objects.count() == before + 1


def test_a_call_the_user_may_not_see_is_not_found(client, wokingham, personas):
    call = _call(wokingham, personas)
    client.force_login(personas.other_provider_caseworker)
    assert client.get(reverse("helpline:call_referral", args=[call.pk])).status_code == 404


def test_a_call_without_a_referral_made_offers_no_referral_form(client, wokingham, personas):
    call = _call(wokingham, personas, outcomes=("information",))
    client.force_login(personas.caseworker)
    page = client.get(reverse("helpline:call", args=[call.pk])).content.decode()
    assert "Make the referral" not in page
    response = client.get(reverse("helpline:call_referral", args=[call.pk]))
    assert response["Location"] == reverse("helpline:call", args=[call.pk])


def test_only_a_referral_of_the_calls_service_by_the_one_linking_is_recorded(
    wokingham, victim_first, personas
):
    call = _call(wokingham, personas)
    elsewhere = ReferralFactory(contract=victim_first, entered_by=personas.caseworker)
    by_another = ReferralFactory(contract=wokingham, entered_by=personas.teammate)
    for referral in (elsewhere, by_another):
        with pytest.raises(ValidationError):
            helpline_call_referral_link(call=call, referral=referral, linked_by=personas.caseworker)
    assert HelplineCall.objects.get(pk=call.pk).referral is None
