"""Importing the finance system's CSV through the pages: bad rows listed with field and reason
and nothing saved; a good file checked (the preview) then imported."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from haven.finance.models import Spend

pytestmark = pytest.mark.django_db

HEADER = "transaction_ref,date,amount,category,description\n"


def _upload(client, contract, text, name="spend.csv"):
    return client.post(
        reverse("finance:import", args=[contract.pk]),
        {"upload": SimpleUploadedFile(name, text.encode())},
    )


def test_bad_rows_are_listed_and_nothing_is_saved(client, vf_contract, personas):
    client.force_login(personas.service_manager)
    response = _upload(
        client, vf_contract, HEADER + "A1,2026-04-01,10,staff,ok\nA2,yesterday,10,staff,x\n"
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "nothing has been saved" in page
    assert "Enter the date as 2026-04-30 or 30/04/2026" in page
    assert not Spend.objects.exists()


def test_a_good_file_is_previewed_then_imported(client, vf_contract, personas):
    client.force_login(personas.service_manager)
    response = _upload(client, vf_contract, HEADER + "A1,2026-04-01,10.25,staff,Salary part\n")
    assert response.status_code == 302
    preview = client.get(response["Location"]).content.decode()
    assert "Salary part" in preview
    assert "£10.25" in preview
    assert not Spend.objects.exists()
    assert client.post(response["Location"]).status_code == 302
    assert Spend.objects.get().amount_pence == 1025


def test_a_file_not_csv_is_refused(client, vf_contract, personas):
    client.force_login(personas.service_manager)
    response = _upload(client, vf_contract, "x", name="spend.xlsx")
    assert "The selected file must be a CSV file" in response.content.decode()


def test_the_check_page_without_a_file_goes_back_to_the_upload(client, vf_contract, personas):
    client.force_login(personas.service_manager)
    response = client.get(reverse("finance:import_confirm", args=[vf_contract.pk]))
    assert response["Location"] == reverse("finance:import", args=[vf_contract.pk])
