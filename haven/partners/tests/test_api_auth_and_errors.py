"""Tokens (hashed, expiring, revocable), rate limits and the one error shape."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from haven.partners.models import ApiToken
from haven.partners.services import api_token_revoke, token_hash
from haven.partners.tests.conftest import referral_body

pytestmark = pytest.mark.django_db

STATUS = "/api/v1/contracts"


def test_the_token_is_stored_hashed_with_a_prefix(new_token):
    stored = ApiToken.objects.get(pk=new_token.token.pk)
    assert new_token.raw not in stored.key_hash
    assert stored.key_hash == token_hash(new_token.raw)
    assert new_token.raw.startswith(f"hvn_{stored.prefix}_")


@pytest.mark.parametrize("header", [None, "Bearer nonsense", "Bearer hvn_abcdefgh_wrong"])
def test_without_a_valid_token_the_answer_is_401_in_the_error_shape(client, new_token, header):
    headers = {"Authorization": header} if header else {}
    response = client.get(STATUS, headers=headers)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorised"


def test_a_revoked_token_is_refused(client, new_token, api_headers, personas):
    api_token_revoke(token=new_token.token, revoked_by=personas.administrator)
    assert client.get(STATUS, headers=api_headers).status_code == 401


def test_an_expired_token_is_refused(client, new_token, api_headers):
    ApiToken.objects.filter(pk=new_token.token.pk).update(expires_at=timezone.now())
    assert client.get(STATUS, headers=api_headers).status_code == 401


def test_a_session_cookie_is_not_an_api_login(client, personas, new_token):
    client.force_login(personas.administrator)
    assert client.get(STATUS).status_code == 401


def test_past_the_rate_limit_the_answer_is_429_with_retry_after(client, new_token, api_headers):
    ApiToken.objects.filter(pk=new_token.token.pk).update(rate_limit_per_minute=2)
    codes = [client.get(STATUS, headers=api_headers).status_code for _ in range(3)]
    assert codes[:2] == [200, 200]
    limited = client.get(STATUS, headers=api_headers)
    assert limited.status_code == 429
    assert 1 <= int(limited["Retry-After"]) <= 61
    assert limited.json()["error"]["code"] == "rate_limited"


def test_an_unknown_route_under_the_api_is_a_json_404(client, api_headers):
    response = client.get("/api/v1/no-such-thing/", headers=api_headers)
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_a_wrong_method_is_a_json_405(client, api_headers):
    response = client.delete(STATUS, headers=api_headers)
    assert response.status_code == 405
    assert response.json()["error"]["code"] == "method_not_allowed"


def test_a_body_too_large_is_413(client, api_headers):
    body = referral_body(presenting_need="x" * 70_000)
    response = client.post(
        "/api/v1/contracts/victim-first-2018/referrals",
        data=json.dumps(body),
        content_type="application/json",
        headers=api_headers,
    )
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "too_large"


def test_a_body_that_is_not_json_is_a_422_in_the_error_shape(client, api_headers):
    response = client.post(
        "/api/v1/contracts/victim-first-2018/referrals",
        data="{not json",
        content_type="application/json",
        headers=api_headers,
    )
    assert response.status_code in {400, 422}
    assert "error" in response.json()


def test_the_schema_and_the_docs_are_served_without_third_party_scripts(client):
    schema = client.get("/api/v1/openapi.json")
    assert schema.status_code == 200
    assert "/api/v1/contracts/{slug}/referrals" in schema.json()["paths"]
    docs = client.get("/api/v1/docs")
    assert docs.status_code == 200
    html = docs.content.decode()
    assert "/api/v1/openapi.json" in html
    assert "cdn" not in html.lower()


def test_tokens_last_a_year_at_most(police, vf_contract):
    from django.core.exceptions import ValidationError

    from haven.partners.services import api_token_create

    with pytest.raises(ValidationError) as refused:
        api_token_create(
            organisation=police,
            name="Too long",
            contracts=[vf_contract],
            expires_at=timezone.now() + timedelta(days=400),
            created_by=None,
        )
    assert "expires_at" in refused.value.message_dict
