"""The audit filter refuses an over-long email or record type with a field error (issue 9 s4):
a 64 KB email made SQLite's LIKE fail ("pattern too complex"), a 500."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_a_64_kb_staff_email_is_a_field_error_not_a_500(client, personas):
    client.force_login(personas.auditor)
    response = client.get(reverse("audit:list"), {"actor_email": "x" * 65_536})
    assert response.status_code == 200
    assert "Staff email address must be 254 characters or less" in response.content.decode()


def test_a_long_record_type_is_a_field_error(client, personas):
    client.force_login(personas.auditor)
    response = client.get(reverse("audit:list"), {"object_type": "x" * 101})
    assert "Record type must be 100 characters or less" in response.content.decode()
