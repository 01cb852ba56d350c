"""The finance create forms sent twice save once (issue 9 s5, ADR 0007)."""

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from haven.core.form_tokens import ALREADY_SENT, FIELD
from haven.finance.models import Income, Spend
from haven.testing.html_forms import post_forms

pytestmark = pytest.mark.django_db


def _twice(client, url, data):
    (form,) = [f for f in post_forms(client.get(url).content.decode()) if f.action in ("", url)]
    data = data | {FIELD: form.values[FIELD]}
    first = client.post(url, data)
    assert first.status_code == 302
    second = client.post(url, data)
    assert second.status_code == 302
    assert second["Location"] == first["Location"]
    assert ALREADY_SENT in [str(m) for m in get_messages(second.wsgi_request)]


def _today(name):
    today = timezone.localdate()
    return {f"{name}-day": today.day, f"{name}-month": today.month, f"{name}-year": today.year}


def test_income_sent_twice_is_recorded_once(client, vf_contract, year, personas):
    client.force_login(personas.service_manager)
    _twice(
        client,
        reverse("finance:income_add", args=[vf_contract.pk, year]),
        {"kind": "contract_payment", "source": "Synthetic PCC", "amount": "140000"}
        | _today("received_on"),
    )
    assert Income.objects.count() == 1


def test_spend_sent_twice_is_recorded_once(client, vf_contract, year, personas):
    client.force_login(personas.service_manager)
    _twice(
        client,
        reverse("finance:spend_add", args=[vf_contract.pk, year]),
        {"category": "running_costs", "description": "Stationery", "amount": "12.50"}
        | _today("spent_on"),
    )
    assert Spend.objects.count() == 1


def test_an_import_confirmed_twice_imports_once(client, vf_contract, personas):
    client.force_login(personas.service_manager)
    day = timezone.localdate().isoformat()
    upload = SimpleUploadedFile(
        "spend.csv",
        f"transaction_ref,date,amount,category,description\nR1,{day},10,other,Post\n".encode(),
    )
    response = client.post(reverse("finance:import", args=[vf_contract.pk]), {"upload": upload})
    assert response.status_code == 302
    _twice(client, response["Location"], {})
    assert Spend.objects.count() == 1
