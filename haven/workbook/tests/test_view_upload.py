"""Uploading an export in the browser: validated, processed at once, the file not kept."""

import io
import tempfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from haven.referrals.models import Referral
from haven.workbook.engine.tests.exports import write_csv
from haven.workbook.models import WorkbookRun

from .conftest import series

pytestmark = pytest.mark.django_db
URL = reverse("workbook:upload")


def _csv(tmp_path, rows) -> bytes:
    return write_csv(tmp_path / "x.csv", rows).read_bytes()


def test_a_caseworker_uploads_an_export_and_sees_the_run(client, personas, dv360, tmp_path):
    # seed 000 s5: the 3rd incident becomes an accepted referral in the caseworker's team
    upload = SimpleUploadedFile("daily export.csv", _csv(tmp_path, series(3)), "text/csv")
    client.force_login(personas.caseworker)
    before = set(Path(tempfile.gettempdir()).glob("haven-upload-*"))
    response = client.post(URL, {"contract": dv360.pk, "export": upload, "identity": "exact"})
    run = WorkbookRun.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("workbook:run_detail", args=[run.pk])
    assert run.file_name == "daily export.csv"
    assert run.started_by == personas.caseworker
    assert Referral.objects.get().case.team == personas.team
    assert set(Path(tempfile.gettempdir()).glob("haven-upload-*")) == before  # deleted


def test_the_form_is_shown(client, personas, dv360):
    client.force_login(personas.caseworker)
    body = client.get(URL).content.decode()
    assert 'enctype="multipart/form-data"' in body
    assert 'type="file"' in body


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("export.txt", b"a,b\n", "must be a CSV, XLSX or Parquet file"),
        ("export.xlsx", b"not a zip", "is not a real xlsx file"),
        ("export.parquet", b"nope", "is not a real parquet file"),
        ("export.csv", b"", "The submitted file is empty"),
    ],
)
def test_wrong_kinds_of_file_are_refused(client, personas, dv360, name, content, error):
    client.force_login(personas.caseworker)
    upload = SimpleUploadedFile(name, content)
    response = client.post(URL, {"contract": dv360.pk, "export": upload, "identity": "auto"})
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not WorkbookRun.objects.exists()


def test_a_file_over_the_limit_is_refused(client, personas, dv360, monkeypatch):
    monkeypatch.setattr("haven.workbook.forms.MAX_UPLOAD_BYTES", 10)
    client.force_login(personas.caseworker)
    upload = SimpleUploadedFile("export.csv", b"incident_id,reported_at\n")
    response = client.post(URL, {"contract": dv360.pk, "export": upload, "identity": "auto"})
    assert "must be smaller than 50 MB" in response.content.decode()


def test_an_export_that_cannot_be_read_is_recorded_as_a_failed_run(client, personas, dv360):
    client.force_login(personas.caseworker)
    upload = SimpleUploadedFile("export.csv", io.BytesIO(b"incident_id\nA\n").read())
    client.post(URL, {"contract": dv360.pk, "export": upload, "identity": "auto"})
    assert WorkbookRun.objects.get().status == "failed"


@pytest.mark.parametrize("who", ["analyst", "commissioner"])
def test_other_roles_and_commissioners_are_refused(client, personas, dv360, who):
    client.force_login(getattr(personas, who))
    assert client.get(URL).status_code == 403
    assert client.post(URL, {}).status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client, dv360):
    assert client.get(URL).status_code == 302


def test_a_failed_upload_shows_its_file_name_but_no_server_path(client, personas, dv360):
    client.force_login(personas.caseworker)
    upload = SimpleUploadedFile("daily export.csv", b"incident_id\nA\n", "text/csv")
    response = client.post(
        URL, {"contract": dv360.pk, "export": upload, "identity": "auto"}, follow=True
    )
    run = WorkbookRun.objects.get()
    assert run.status == "failed"
    assert run.error.startswith("daily export.csv: missing required column(s)")
    page = response.content.decode()
    assert "missing required column(s)" in page
    assert tempfile.gettempdir() not in page
    assert "haven-upload-" not in page
    assert tempfile.gettempdir() not in run.error
