"""The referral import pages: who may use them, the upload, a run's every row, the error
report, read auditing, and an upload sent twice making one run."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from haven.core.form_tokens import ALREADY_SENT, FIELD
from haven.core.models import AuditAction, AuditEvent
from haven.referralimports.models import ImportRun
from haven.referrals.models import Referral
from haven.testing.html_forms import post_forms

from .files import POLICE_NO_METHOD, POLICE_REORDERED, POLICE_SOME_BAD

pytestmark = pytest.mark.django_db


def _route(client, victim_first):
    return f"{victim_first.pk}:police-daily"


def _upload(client, victim_first, content, name="police.csv", token=None):
    data = {
        "route": _route(client, victim_first),
        "upload": SimpleUploadedFile(name, content, "text/csv"),
    }
    if token:
        data[FIELD] = token
    return client.post(reverse("referralimports:upload"), data)


@pytest.mark.parametrize("who", ["team_leader", "service_manager"])
def test_team_leaders_and_service_managers_may_import(client, personas, victim_first, who):
    client.force_login(getattr(personas, who))
    assert client.get(reverse("referralimports:run_list")).status_code == 200
    page = client.get(reverse("referralimports:upload"))
    assert page.status_code == 200
    assert "Police daily download" in page.content.decode()
    assert "Sentinel ASB referrals" in page.content.decode()


@pytest.mark.parametrize("who", ["caseworker", "commissioner"])
def test_others_may_not(client, personas, victim_first, who):
    client.force_login(getattr(personas, who))
    assert client.get(reverse("referralimports:run_list")).status_code == 403
    assert client.get(reverse("referralimports:upload")).status_code == 403


def test_an_upload_shows_every_rows_outcome_with_reference_codes(client, personas, victim_first):
    client.force_login(personas.team_leader)
    response = _upload(client, victim_first, POLICE_SOME_BAD)
    run = ImportRun.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("referralimports:run_detail", args=[run.pk])
    assert str(run.pk) in response["Location"]  # a UUID, never a name or reference
    page = client.get(response["Location"]).content.decode()
    referral = Referral.objects.get(external_id="LP/1")
    assert referral.person.reference_code in page
    assert "Alex Example" in page  # the team leader may see the person
    assert "Carrier pigeon" in page
    assert "is in the future" in page
    assert "Repeats an earlier row" in page
    assert referral.entered_by == personas.team_leader
    assert referral.case.team == personas.team


def test_a_refused_file_lists_the_missing_column(client, personas, victim_first):
    client.force_login(personas.team_leader)
    response = _upload(client, victim_first, POLICE_NO_METHOD)
    page = client.get(response["Location"]).content.decode()
    assert "Refused; nothing imported" in page
    assert "no &#39;Contact method&#39; column" in page


def test_the_error_report_lists_row_column_and_reason_without_names(client, personas, victim_first):
    client.force_login(personas.team_leader)
    _upload(client, victim_first, POLICE_SOME_BAD)
    run = ImportRun.objects.get()
    response = client.get(reverse("referralimports:error_report", args=[run.pk]))
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    lines = text.strip().splitlines()
    assert lines[0] == "Row,Source id,Column,Problem,Outcome"
    assert "4,LP/3,Date referred,is in the future,Refused" in lines
    assert "5,LP/4,Surname,is blank; it is required,Refused" in lines
    assert "Alex" not in text
    assert "Kim" not in text


def test_the_run_page_is_audited_as_viewing_its_referrals(client, personas, victim_first):
    client.force_login(personas.team_leader)
    response = _upload(client, victim_first, POLICE_REORDERED)
    client.get(response["Location"])
    run = ImportRun.objects.get()
    [event] = AuditEvent.objects.filter(
        action=AuditAction.VIEW, actor=personas.team_leader, object_type="referrals.referral"
    )
    assert event.changes["page"] == f"referralimports:run:{run.pk}"
    shown = {str(pk) for pk in Referral.objects.values_list("pk", flat=True)}
    assert set(event.changes["shown"]) == shown


def test_another_providers_run_is_not_found(client, personas, victim_first):
    client.force_login(personas.team_leader)
    _upload(client, victim_first, POLICE_REORDERED)
    run = ImportRun.objects.get()
    client.force_login(personas.other_provider_caseworker)
    response = client.get(reverse("referralimports:run_detail", args=[run.pk]))
    assert response.status_code == 403


def test_an_upload_sent_twice_makes_one_run(client, personas, victim_first):
    client.force_login(personas.team_leader)
    url = reverse("referralimports:upload")
    forms = [f for f in post_forms(client.get(url).content.decode()) if f.action in ("", url)]
    token = forms[0].values[FIELD]
    first = _upload(client, victim_first, POLICE_REORDERED, token=token)
    list(get_messages(first.wsgi_request))
    second = _upload(client, victim_first, POLICE_REORDERED, token=token)
    assert second.status_code == 302
    assert second["Location"] == first["Location"]
    assert ALREADY_SENT in [str(m) for m in get_messages(second.wsgi_request)]
    assert ImportRun.objects.count() == 1


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("notes.txt", b"a,b\n", "must be a CSV or XLSX file"),
        ("fake.xlsx", b"a,b\n", "not a real xlsx file"),
        ("empty.csv", b"", "empty"),
    ],
)
def test_the_upload_refuses_what_is_not_a_referral_file(
    client, personas, victim_first, name, content, error
):
    client.force_login(personas.team_leader)
    response = _upload(client, victim_first, content, name=name)
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not ImportRun.objects.exists()
