"""Reasons given to open a restricted record (break-glass grants), and who is named on a case."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from django.db.models import Q
from django.http import Http404
from django.utils import timezone

from haven.access.errors import ReasonRequiredError, RestrictedElsewhereError
from haven.access.records import break_glass_grant_model, case_access_model, case_model
from haven.accounts.models import User
from haven.accounts.signed_in import Viewer

if TYPE_CHECKING:
    from haven.casework.models import BreakGlassGrant, Case


def is_named(user: Viewer, case: Case) -> bool:
    """Named staff (a `CaseAccess`) and superusers open a restricted case without a reason."""
    if not isinstance(user, User):
        return False
    return (
        bool(user.is_superuser) or case_access_model().objects.filter(case=case, user=user).exists()
    )


def active_grant(user: Viewer, case: Case) -> BreakGlassGrant | None:
    """The user's current reason on this case, if any."""
    if not isinstance(user, User):
        return None
    return (
        break_glass_grant_model()
        .objects.filter(case=case, user=user, expires_at__gt=timezone.now())
        .order_by("-expires_at")
        .first()
    )


def restricted_person_grant(user: Viewer, person_id: uuid.UUID | str) -> BreakGlassGrant:
    """For a person restricted for this user: their current break-glass grant on one of the
    person's restricted cases in the user's scope. Without one, ReasonRequiredError carrying
    the newest such case; RestrictedElsewhereError when none of them is in scope."""
    if not isinstance(user, User):
        raise RestrictedElsewhereError
    # a household member is opened through their own restricted case or the restricted person's
    # whose household they are in (ADR 0008)
    in_scope = (
        case_model()
        .objects.in_scope_of(user)
        .filter(
            Q(person_id=person_id) | Q(person__household_links__member_id=person_id),
            is_restricted=True,
        )
    )
    grant = (
        break_glass_grant_model()
        .objects.filter(user=user, case__in=in_scope.values("pk"), expires_at__gt=timezone.now())
        .order_by("-expires_at")
        .first()
    )
    if grant is not None:
        return grant
    case_id = in_scope.order_by("-opened_at").values_list("pk", flat=True).first()
    if case_id is None:
        raise RestrictedElsewhereError
    raise ReasonRequiredError(case_id)


def reason_for_case(user: Viewer, case_id: Any) -> BreakGlassGrant | None:
    """How this user may open a case: None without a reason (unrestricted, or named); their
    current grant on a restricted case; ReasonRequiredError without one; 404 outside scope."""
    case = case_model().objects.in_scope_of(user).filter(pk=case_id).first()
    if case is None:
        raise Http404("No such case")
    if not case.is_restricted or is_named(user, case):
        return None
    grant = active_grant(user, case)
    if grant is None:
        raise ReasonRequiredError(case.pk)
    return grant
