"""The partner API (issue 14 item 7) under /api/v1/: a partner system lists its contracts and
their referral fields, creates referrals (idempotently) and reads their status.

Authentication is a per-organisation bearer token (never a session cookie, so no CSRF);
every use is rate limited per token in the database and audited."""

from __future__ import annotations

import json
from typing import Any
from uuid import UUID

from django.db import IntegrityError, transaction
from django.http import Http404, HttpRequest
from django.urls import URLPattern, URLResolver, re_path
from django.views.decorators.csrf import csrf_exempt
from ninja import Header, NinjaAPI, Status
from ninja.errors import HttpError
from ninja.security import HttpBearer

from haven.partners.api import errors
from haven.partners.api.docs import PlainDocs
from haven.partners.api.fields import referral_fields
from haven.partners.api.schemas import (
    ContractOut,
    ErrorOut,
    ReferralFieldsOut,
    ReferralIn,
    ReferralStatusOut,
)
from haven.partners.models import ApiToken
from haven.partners.selectors import (
    ReferralStatus,
    token_contract,
    token_contracts,
    token_referral_status,
)
from haven.partners.services import (
    api_token_find,
    api_token_use_record,
    idempotency_record,
    idempotent_referral,
    partner_referral_submit,
    partner_statuses_shared,
    rate_limit_take,
)

ERRORS: dict[int, Any] = dict.fromkeys((400, 401, 403, 404, 405, 413, 422, 429), ErrorOut)
IDEMPOTENCY_KEY_MAX = 100


class TokenAuth(HttpBearer):
    """``Authorization: Bearer hvn_<prefix>_<secret>``; each use counted and audited."""

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        found = api_token_find(token.strip())
        if found is None:
            return None
        rate_limit_take(token=found)
        api_token_use_record(token=found, method=request.method or "", endpoint=request.path)
        return found


class PartnerApi(NinjaAPI):
    """Every URL wrapped for the error shape, and a catch-all 404 for unknown routes."""

    def _get_urls(self) -> list[URLResolver | URLPattern]:
        found = super()._get_urls()
        for pattern in found:
            if isinstance(pattern, URLPattern):
                pattern.callback = errors.json_errors(pattern.callback)
        found.append(re_path(r"^(?P<rest>.*)$", csrf_exempt(errors.unknown_route)))
        return found


api = PartnerApi(
    title="Haven partner API",
    version="1.0.0",
    description=(
        "Referrals from partner agencies' systems. Authenticate with your organisation's token "
        "(`Authorization: Bearer hvn_...`). Every error has the shape "
        '`{"error": {"code": ..., "message": ..., "fields": {...}}}`. '
        "Send an `Idempotency-Key` header with a POST: a retry with the same key and body "
        "returns the same referral; the same key with a different body is a 409."
    ),
    urls_namespace="api",
    auth=TokenAuth(),
    docs=PlainDocs(),
)
errors.install(api)


def _token(request: HttpRequest) -> ApiToken:
    token = getattr(request, "auth", None)
    if not isinstance(token, ApiToken):
        raise HttpError(401, "")
    return token


def _status_out(status: ReferralStatus) -> dict[str, Any]:
    return {
        "id": status.id,
        "contract": status.contract_slug,
        "status": status.status,
        "received_at": status.received_at,
        "decided_at": status.decided_at,
        "decline_category": status.decline_category,
        "decline_reason": status.decline_reason,
        "partner_reference": status.partner_reference,
    }


@api.get("/contracts", response={200: list[ContractOut], **ERRORS}, summary="Your contracts")
def contract_list(request: HttpRequest) -> Any:
    """The contracts this token may refer to, with the route your referrals take."""
    token = _token(request)
    links = {
        link.contract_id: link.route
        for link in token.organisation.contract_links.all()  # the organisation's routes
    }
    return [
        {"slug": c.slug, "name": c.name, "route": links.get(c.pk, "")}
        for c in token_contracts(token)
    ]


@api.get(
    "/contracts/{slug}/referral-fields",
    response={200: ReferralFieldsOut, **ERRORS},
    summary="A contract's referral form fields",
)
def contract_referral_fields(request: HttpRequest, slug: str) -> Any:
    """The fields of the contract's referral, as the partner form asks them."""
    token = _token(request)
    contract = token_contract(token, slug)
    if contract is None:
        raise Http404
    return referral_fields(contract, token.organisation)


@api.post(
    "/contracts/{slug}/referrals",
    response={201: ReferralStatusOut, 409: ErrorOut, **ERRORS},
    summary="Create a referral",
)
def referral_create(
    request: HttpRequest,
    slug: str,
    payload: ReferralIn,
    idempotency_key: str | None = Header(  # type: ignore[type-arg]
        default=None, alias="Idempotency-Key", max_length=IDEMPOTENCY_KEY_MAX
    ),
) -> Any:
    """Refer a person to the contract. Ineligible referrals are declined at once, with the
    reason, and are still returned (status "declined")."""
    token = _token(request)
    contract = token_contract(token, slug)
    if contract is None:
        raise Http404
    canonical = json.dumps({"contract": slug, **payload.model_dump(mode="json")}, sort_keys=True)
    key = (idempotency_key or "").strip()
    if key:
        earlier = idempotent_referral(token=token, key=key, canonical_body=canonical)
        if earlier is not None:
            return Status(201, _status_out(_status_or_404(token, earlier.pk)))
    data = payload.model_dump()
    person = data.pop("person")
    safe_contact = data.pop("safe_contact")
    partner_reference = data.pop("partner_reference")
    try:
        with transaction.atomic():
            referral = partner_referral_submit(
                organisation=token.organisation,
                contract=contract,
                submitted_by=None,
                token=token,
                person=person,
                safe_contact=safe_contact,
                details=data,
                partner_reference=partner_reference,
            )
            if key:
                idempotency_record(
                    token=token, key=key, canonical_body=canonical, referral=referral
                )
    except IntegrityError:
        # the same key sent twice at once: the first one won; answer as a retry
        earlier = idempotent_referral(token=token, key=key, canonical_body=canonical)
        if earlier is None:
            raise
        referral = earlier
    return Status(201, _status_out(_status_or_404(token, referral.pk)))


def _status_or_404(token: ApiToken, referral_id: Any) -> ReferralStatus:
    status = token_referral_status(token, referral_id)
    if status is None:
        raise Http404
    # issue 15 item 2: a decision told to the partner is a share (once per decision)
    partner_statuses_shared(statuses=[status], organisation=token.organisation, shown_to=None)
    return status


@api.get(
    "/referrals/{referral_id}",
    response={200: ReferralStatusOut, **ERRORS},
    summary="A referral's status",
)
def referral_status(request: HttpRequest, referral_id: UUID) -> Any:
    """received, accepted, or declined with the reason; only your organisation's referrals."""
    return _status_out(_status_or_404(_token(request), referral_id))
