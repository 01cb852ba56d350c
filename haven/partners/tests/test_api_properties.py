"""Property-based tests of the partner API (issue 14 item 7) with schemathesis: generated
requests to every operation, valid and not, never give a 5xx and every answer conforms to the
OpenAPI schema (status codes, content types, bodies, the error shape, 401 without a token)."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

from haven.partners.models import ApiToken
from haven.partners.services import prefix_of, token_hash
from haven.wsgi import application

pytestmark = [pytest.mark.django_db]


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """Schemathesis calls the WSGI app directly, so Django's request signals close the database
    connection after each call (the test client turns that off for its own requests). On
    PostgreSQL that closed the test's own connection inside its transaction."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
# a fixed token (schemathesis asks for it while collecting); stored hashed like any other
RAW = "hvn_5c4e3a9b1f20_synthetic-secret-for-the-property-tests-only"


@schema.auth()
class BearerToken:
    """The test's token through schemathesis' auth, so its own auth checks can vary it."""

    def get(self, case: Any, context: Any) -> str:
        return RAW

    def set(self, case: Any, data: str, context: Any) -> None:
        case.headers = {**(case.headers or {}), "Authorization": f"Bearer {data}"}


@schema.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)
def test_the_api_never_fails_and_keeps_to_its_schema(case, new_token):
    ApiToken.objects.filter(pk=new_token.token.pk).update(
        prefix=prefix_of(RAW), key_hash=token_hash(RAW), rate_limit_per_minute=100_000
    )
    if case.path_parameters and "slug" in case.path_parameters:
        # the token's contract, so generated bodies reach the services (an unknown slug is a
        # 404: test_api_referrals)
        case.path_parameters["slug"] = "victim-first-2018"
    response = case.call()
    # Schema-valid is not always acceptable: a safe time ending before it starts, a postcode
    # that is no postcode or a date before the person's birth is refused with a 422 naming the
    # field (issue 9 s4), which positive_data_acceptance would count as a failure.
    excluded = [positive_data_acceptance]
    if response.status_code == 413:
        # a body over 64 KB is refused before it is read (documented 413), whatever it holds
        excluded.append(negative_data_rejection)
    case.validate_response(response, excluded_checks=excluded)
