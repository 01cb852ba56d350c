"""The workbook's create forms sent twice run once (issue 9 s5, ADR 0007): an upload makes one
run, a review decision one referral; the second POST lands where the first went."""

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from haven.core.form_tokens import ALREADY_SENT, FIELD
from haven.referrals.models import Referral
from haven.testing.html_forms import post_forms
from haven.workbook.engine.tests.exports import write_csv
from haven.workbook.models import IdentityReview, WorkbookRun

from .conftest import series

pytestmark = pytest.mark.django_db


def _token(client, url):
    forms = [f for f in post_forms(client.get(url).content.decode()) if f.action in ("", url)]
    return forms[0].values[FIELD]


def _assert_replayed(first, second):
    assert second.status_code == 302
    assert second["Location"] == first["Location"]
    assert ALREADY_SENT in [str(m) for m in get_messages(second.wsgi_request)]


def test_an_upload_sent_twice_makes_one_run(client, personas, dv360, tmp_path):
    client.force_login(personas.caseworker)
    url = reverse("workbook:upload")
    token = _token(client, url)
    content = write_csv(tmp_path / "x.csv", series(3)).read_bytes()

    def send():
        upload = SimpleUploadedFile("export.csv", content, "text/csv")
        data = {"contract": dv360.pk, "export": upload, "identity": "exact", FIELD: token}
        return client.post(url, data)

    first = send()
    assert first.status_code == 302
    _assert_replayed(first, send())
    assert WorkbookRun.objects.count() == 1


def test_a_review_decision_sent_twice_makes_one_referral(client, personas, import_rows, existing):
    import_rows(series(3))
    review = IdentityReview.objects.get()
    referrals = Referral.objects.count()
    client.force_login(personas.caseworker)
    url = reverse("workbook:review_detail", args=[review.pk])
    data = {"decision": "new", FIELD: _token(client, url)}
    first = client.post(url, data)
    assert first["Location"].startswith("/referrals/")
    _assert_replayed(first, client.post(url, data))
    assert Referral.objects.count() == referrals + 1
