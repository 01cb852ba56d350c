"""The API's referrals: create (idempotently), read the status, the contract's fields."""

from __future__ import annotations

import json
from typing import Any

import pytest

from haven.core.models import AuditEvent
from haven.partners.models import PartnerReferral
from haven.partners.tests.conftest import referral_body
from haven.people.models import SafeContact
from haven.referrals.models import Decision, DeclineCategory, Referral
from haven.referrals.services import referral_decline

pytestmark = pytest.mark.django_db

CREATE = "/api/v1/contracts/victim-first-2018/referrals"


def post(client: Any, headers: dict[str, str], body: Any, url: str = CREATE, **extra: Any) -> Any:
    return client.post(
        url,
        data=json.dumps(body),
        content_type="application/json",
        headers={**headers, **extra},
    )


def test_a_partner_system_creates_a_referral_by_its_route(client, api_headers, police):
    response = post(client, api_headers, referral_body())
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "received"
    assert body["contract"] == "victim-first-2018"
    referral = Referral.objects.get(pk=body["id"])
    # seed 002 s3.6: the partner agency route, with the organisation named
    assert referral.route == "partner_agency"
    assert referral.source_organisation == police.name
    assert referral.source == "partner_api"
    assert PartnerReferral.objects.get(referral=referral).organisation == police
    safe = SafeContact.objects.get(person=referral.person)
    assert safe.safe_phone == "07700 900123"
    assert safe.texts_allowed is True
    assert "given_name" not in json.dumps(body)


def test_a_retry_with_the_same_idempotency_key_returns_the_same_referral(client, api_headers):
    first = post(client, api_headers, referral_body(), **{"Idempotency-Key": "abc-1"})
    again = post(client, api_headers, referral_body(), **{"Idempotency-Key": "abc-1"})
    assert first.status_code == again.status_code == 201
    assert first.json()["id"] == again.json()["id"]
    assert Referral.objects.count() == 1


def test_the_same_key_with_another_body_is_a_conflict(client, api_headers):
    post(client, api_headers, referral_body(), **{"Idempotency-Key": "abc-2"})
    other = post(
        client, api_headers, referral_body(partner_reference="CR-2"), **{"Idempotency-Key": "abc-2"}
    )
    assert other.status_code == 409
    assert other.json()["error"]["code"] == "conflict"
    assert Referral.objects.count() == 1


def test_the_status_shows_a_decline_with_its_reason(client, api_headers, personas):
    created = post(client, api_headers, referral_body()).json()
    referral = Referral.objects.get(pk=created["id"])
    referral_decline(
        referral=referral,
        declined_by=personas.service_manager,
        category=DeclineCategory.ALREADY_SUPPORTED,
        reason="Already supported by the county service",
    )
    status = client.get(f"/api/v1/referrals/{referral.pk}", headers=api_headers).json()
    assert status["status"] == "declined"
    assert status["decline_reason"] == "Already supported by the county service"
    assert status["decline_category"] == DeclineCategory.ALREADY_SUPPORTED.label


def test_without_consent_the_referral_is_declined_with_the_reason(client, api_headers):
    # seed 002 s3.1: the profile's eligibility asks for consent to contact
    body = post(client, api_headers, referral_body(consent_to_contact=False)).json()
    referral = Referral.objects.get(pk=body["id"])
    if referral.decision == Decision.DECLINED:
        assert body["status"] == "declined"
        assert body["decline_reason"]
    else:
        assert body["status"] == "received"


def test_another_organisations_referral_is_not_found(client, api_headers, other_partner_user):
    from haven.testing.casework import ReferralFactory

    elsewhere = ReferralFactory()
    response = client.get(f"/api/v1/referrals/{elsewhere.pk}", headers=api_headers)
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_a_contract_outside_the_tokens_scope_is_not_found(client, api_headers, th_contract):
    url = "/api/v1/contracts/target-hardening-2018/referrals"
    response = post(client, api_headers, referral_body(), url=url)
    assert response.status_code == 404


def test_the_referral_fields_follow_the_contracts_profile(client, api_headers):
    body = client.get(
        "/api/v1/contracts/victim-first-2018/referral-fields", headers=api_headers
    ).json()
    assert body["route"] == "partner_agency"
    fields = {field["name"]: field for field in body["fields"]}
    assert fields["person.given_name"]["required"] is True
    methods = {choice["value"] for choice in fields["contact_method"]["choices"]}
    # seed 002 s3.7: Victim First's profile offers these contact methods
    assert {"sms", "email", "mobile_phone"} <= methods


def test_bad_fields_are_named_in_the_error_shape(client, api_headers):
    body = referral_body()
    body["person"]["given_name"] = ""
    body["contact_method"] = "carrier_pigeon"
    response = post(client, api_headers, body)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert "person.given_name" in error["fields"]
    assert "contact_method" in error["fields"]
    assert Referral.objects.count() == 0


def test_a_null_character_is_refused_not_stored(client, api_headers):
    body = referral_body(presenting_need="bad\u0000text")
    response = post(client, api_headers, body)
    assert response.status_code == 422
    assert "presenting_need" in response.json()["error"]["fields"]


def test_a_service_refusal_names_the_field_and_saves_nothing(client, api_headers):
    body = referral_body()
    body["person"]["email"] = "not an email"
    response = post(client, api_headers, body)
    assert response.status_code == 422
    assert "person.email" in response.json()["error"]["fields"]
    assert Referral.objects.count() == 0


def test_every_use_is_audited_without_personal_data(client, api_headers, new_token):
    post(client, api_headers, referral_body())
    events = AuditEvent.objects.filter(object_id=str(new_token.token.pk))
    assert events.exists()
    assert "Alex" not in json.dumps(list(events.values_list("changes", flat=True)))
    new_token.token.refresh_from_db()
    assert new_token.token.last_used_at is not None
