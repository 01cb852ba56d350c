"""The agency directory a provider keeps (issue 11 item 4): its service managers and
administrators add and change entries; caseworkers pick from the active ones when referring on.
Every change is audited."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from haven.accounts.models import User
from haven.accounts.roles import Role
from haven.accounts.signed_in import Viewer
from haven.casework.models import Agency, AgencyType, ContactRoute
from haven.contracts.models import Organisation
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.validators import refuse, text_problem

DIRECTORY_ROLES = frozenset({Role.SERVICE_MANAGER, Role.ADMINISTRATOR})
NAME_MAX_LENGTH = 200
AREAS_MAX_LENGTH = 300
DETAILS_MAX_LENGTH = 300
NOTES_MAX_LENGTH = 2000
FIELDS = (
    "name",
    "agency_type",
    "areas_covered",
    "contact_route",
    "contact_details",
    "notes",
    "is_active",
)


def directory_organisation_ids(user: Viewer | None) -> set[Any]:
    """The organisations whose directory `user` manages (service manager or administrator
    there; a superuser: every organisation)."""
    if not isinstance(user, User) or not user.is_active:
        return set()
    if user.is_superuser:
        return set(Organisation.objects.values_list("pk", flat=True))
    return set(
        user.memberships.filter(role__in=DIRECTORY_ROLES, organisation__isnull=False).values_list(
            "organisation_id", flat=True
        )
    )


def _problems(values: dict[str, Any]) -> dict[str, str | None]:
    name = values["name"]
    return {
        "name": "Enter the agency’s name"
        if not name
        else text_problem(name, subject="Name", limit=NAME_MAX_LENGTH),
        "agency_type": None
        if values["agency_type"] in AgencyType.values
        else "Select the type of agency",
        "areas_covered": text_problem(
            values["areas_covered"], subject="Areas covered", limit=AREAS_MAX_LENGTH
        ),
        "contact_route": None
        if values["contact_route"] in ContactRoute.values
        else "Select how to send a referral safely",
        "contact_details": "Enter the secure address, number or portal to send referrals to"
        if not values["contact_details"]
        else text_problem(values["contact_details"], subject="Details", limit=DETAILS_MAX_LENGTH),
        "notes": text_problem(values["notes"], subject="Notes", limit=NOTES_MAX_LENGTH),
    }


def _cleaned(fields: dict[str, Any]) -> dict[str, Any]:
    values = {key: fields.get(key, "") for key in FIELDS}
    for key in FIELDS:
        if isinstance(values[key], str):
            values[key] = values[key].strip()
    values["is_active"] = bool(fields.get("is_active", True))
    return values


def _check(
    actor: User, organisation_id: Any, values: dict[str, Any], agency: Agency | None
) -> None:
    if organisation_id not in directory_organisation_ids(actor):
        raise PermissionDenied("Only the organisation's service managers keep its directory")
    refuse(_problems(values))
    taken = Agency.objects.filter(organisation_id=organisation_id, name__iexact=values["name"])
    if agency is not None:
        taken = taken.exclude(pk=agency.pk)
    if taken.exists():
        refuse({"name": "The directory already has an agency with this name"})


@transaction.atomic
def agency_create(*, organisation: Organisation, actor: User, **fields: Any) -> Agency:
    """A new directory entry (`fields`: FIELDS); refused per field, or PermissionDenied for
    anyone not managing this organisation's directory."""
    values = _cleaned(fields)
    _check(actor, organisation.pk, values, None)
    agency = Agency.objects.create(organisation=organisation, **values)
    audit_event(
        actor=actor,
        action=AuditAction.CREATE,
        target=agency,
        changes={key: [None, value] for key, value in values.items() if key != "notes"},
    )
    return agency


@transaction.atomic
def agency_update(*, agency: Agency, actor: User, **fields: Any) -> Agency:
    """Change a directory entry; past referrals keep the name they were sent under."""
    values = _cleaned({key: getattr(agency, key) for key in FIELDS} | fields)
    _check(actor, agency.organisation_id, values, agency)
    changes = {
        key: [getattr(agency, key), value]
        for key, value in values.items()
        if getattr(agency, key) != value
    }
    if not changes:
        return agency
    for key, value in values.items():
        setattr(agency, key, value)
    agency.save()
    audit_event(
        actor=actor,
        action=AuditAction.UPDATE,
        target=agency,
        changes={k: (v if k != "notes" else ["…", "…"]) for k, v in changes.items()},
    )
    return agency
