"""Writes of the workforce plan (seed 004 s10: vacancy, plan vs actual): a post of the
establishment is added, changed and ended. Kept by the organisation's team leaders and service
managers (`workforce.record`, as the staff records are); each write is atomic and audited."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from haven.accounts.models import User
from haven.core.auditor import audit_event, diff
from haven.core.models import AuditAction
from haven.validators import refuse, text_problem
from haven.workforce.models import ContractType, EstablishmentPost

TITLE_MAX_LENGTH = 150
# A line of the plan may be several posts of one title (2.5 FTE of outreach workers); more than
# this is a typing slip, not a service's establishment.
MAX_POST_FTE = Decimal("50")


def _may_keep_plan(user: User, organisation: Any) -> None:
    if not user.has_perm("workforce.record", organisation):
        raise PermissionDenied


def _post_problems(
    *, title: str, contract_type: str, fte: Decimal, valid_from: date, valid_to: date | None
) -> dict[str, str | None]:
    return {
        "title": "Enter the post's title"
        if not title.strip()
        else text_problem(title, subject="The title", limit=TITLE_MAX_LENGTH),
        "contract_type": None
        if contract_type in ContractType.values
        else "Select the contract type",
        "fte": None
        if Decimal("0") < fte <= MAX_POST_FTE
        else f"Planned FTE must be more than 0 and at most {MAX_POST_FTE}",
        "valid_to": "The end of the post must be on or after its start"
        if valid_to is not None and valid_to < valid_from
        else None,
    }


@transaction.atomic
def establishment_post_create(
    *,
    organisation: Any,
    title: str,
    contract_type: str,
    fte: Decimal,
    valid_from: date,
    created_by: User,
    valid_to: date | None = None,
) -> EstablishmentPost:
    """A line of the workforce plan (seed 004 s10: vacancy, plan vs actual)."""
    _may_keep_plan(created_by, organisation)
    refuse(
        _post_problems(
            title=title,
            contract_type=contract_type,
            fte=fte,
            valid_from=valid_from,
            valid_to=valid_to,
        )
    )
    post = EstablishmentPost.objects.create(
        organisation=organisation,
        title=title.strip(),
        contract_type=contract_type,
        fte=fte,
        valid_from=valid_from,
        valid_to=valid_to,
        created_by=created_by,
    )
    audit_event(actor=created_by, action=AuditAction.CREATE, target=post)
    return post


@transaction.atomic
def establishment_post_update(
    *,
    post: EstablishmentPost,
    title: str,
    contract_type: str,
    fte: Decimal,
    valid_from: date,
    valid_to: date | None,
    updated_by: User,
) -> EstablishmentPost:
    """Correct or re-plan a post; the audit names the fields changed, old and new."""
    _may_keep_plan(updated_by, post)
    refuse(
        _post_problems(
            title=title,
            contract_type=contract_type,
            fte=fte,
            valid_from=valid_from,
            valid_to=valid_to,
        )
    )
    new = {
        "title": title.strip(),
        "contract_type": contract_type,
        "fte": fte,
        "valid_from": valid_from,
        "valid_to": valid_to,
    }
    changes = diff({name: getattr(post, name) for name in new}, new)
    if not changes:
        return post
    for name, value in new.items():
        setattr(post, name, value)
    post.save(update_fields=[*new, "updated_at"])
    audit_event(actor=updated_by, action=AuditAction.UPDATE, target=post, changes=changes)
    return post


@transaction.atomic
def establishment_post_close(
    *, post: EstablishmentPost, closed_on: date, closed_by: User
) -> EstablishmentPost:
    """End a post of the plan: from the day after `closed_on` it is no longer planned, so it
    no longer counts as vacant (seed 004 s10)."""
    _may_keep_plan(closed_by, post)
    refuse(
        {
            "closed_on": "The post cannot end before it started"
            if closed_on < post.valid_from
            else None
        }
    )
    before = post.valid_to
    post.valid_to = closed_on
    post.save(update_fields=["valid_to", "updated_at"])
    audit_event(
        actor=closed_by,
        action=AuditAction.UPDATE,
        target=post,
        changes=diff({"valid_to": before}, {"valid_to": closed_on}),
    )
    return post
