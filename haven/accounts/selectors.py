"""Reads about staff and their roles."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from allauth.mfa.models import Authenticator
from django.db.models import Prefetch, QuerySet
from django.http import Http404

from haven.accounts.models import Membership, Team, User
from haven.accounts.roles import Role
from haven.accounts.rules import (
    administered_organisation_ids,
    may_manage_organisation,
    may_manage_staff_member,
)
from haven.accounts.signed_in import Viewer


def memberships_of(user: Viewer) -> list[Membership]:
    """The signed-in user's own roles, for their home page."""
    if not user.is_authenticated:
        return []
    return list(
        user.memberships.select_related("organisation", "team", "commissioner").order_by("role")
    )


@dataclass(frozen=True)
class StaffRow:
    """One member of staff on the Manage staff pages."""

    user: User
    memberships: list[Membership]
    has_mfa: bool

    @property
    def last_sign_in(self) -> datetime | None:
        return self.user.last_login


def _manageable_users(actor: User) -> QuerySet[User]:
    users = User.objects.exclude(memberships__role=Role.COMMISSIONER)
    if actor.is_superuser:
        return users.distinct()
    return users.filter(
        memberships__organisation_id__in=administered_organisation_ids(actor)
    ).distinct()


def _rows(users: QuerySet[User]) -> list[StaffRow]:
    users = users.prefetch_related(
        Prefetch(
            "memberships",
            queryset=Membership.objects.select_related("organisation", "team").order_by(
                "organisation__name", "team__name", "role"
            ),
        )
    ).order_by("full_name", "email")
    with_mfa = set(
        Authenticator.objects.filter(user__in=users, type=Authenticator.Type.TOTP).values_list(
            "user_id", flat=True
        )
    )
    return [StaffRow(user, list(user.memberships.all()), user.pk in with_mfa) for user in users]


def staff_list_for(actor: User) -> list[StaffRow]:
    """Staff of the organisations ``actor`` administers (everyone's for a superuser)."""
    return _rows(_manageable_users(actor))


def staff_member_for(actor: User, pk: UUID) -> StaffRow:
    """One member of staff the actor may manage, or 404."""
    row = next(iter(_rows(_manageable_users(actor).filter(pk=pk))), None)
    if row is None or not may_manage_staff_member(actor, row.user):
        raise Http404("No such member of staff")
    return row


def membership_for(actor: User, member: User, pk: UUID) -> Membership:
    """One of ``member``'s roles in an organisation ``actor`` administers, or 404."""
    membership = (
        Membership.objects.select_related("organisation", "team", "user")
        .filter(user=member, pk=pk)
        .first()
    )
    if membership is None or not may_manage_organisation(actor, membership.organisation_id):
        raise Http404("No such role")
    return membership


def teams_administered_by(actor: User) -> QuerySet[Team]:
    """Teams the actor may put staff in."""
    teams = Team.objects.select_related("organisation")
    if actor.is_superuser:
        return teams.order_by("organisation__name", "name")
    return teams.filter(organisation_id__in=administered_organisation_ids(actor)).order_by(
        "organisation__name", "name"
    )


def team_administered_by(actor: User, pk: UUID) -> Team:
    """One team the actor may manage, or 404."""
    team = teams_administered_by(actor).filter(pk=pk).first()
    if team is None:
        raise Http404("No such team")
    return team


def organisations_administered_by(actor: User) -> list[Any]:
    """Organisations the actor may give organisation-wide roles in."""
    from django.apps import apps

    organisation_model = apps.get_model("contracts", "Organisation")
    organisations = organisation_model.objects.order_by("name")
    if not actor.is_superuser:
        organisations = organisations.filter(pk__in=administered_organisation_ids(actor))
    return list(organisations)


def staff_for_team(team: Team | None, roles: Iterable[str]) -> QuerySet[User]:
    """Active staff holding one of ``roles`` in ``team``: what every staff picker offers.

    Deactivated accounts keep their memberships (and records), so pickers must ask for active
    users explicitly.
    """
    users = User.objects.filter(
        is_active=True, memberships__team=team, memberships__role__in=list(roles)
    )
    return users.distinct().order_by("full_name", "email")


def active_staff_in(organisation_ids: Iterable[object], roles: Iterable[str]) -> QuerySet[User]:
    """Active staff holding one of ``roles`` anywhere in the given organisations."""
    users = User.objects.filter(
        is_active=True,
        memberships__organisation_id__in=list(organisation_ids),
        memberships__role__in=list(roles),
    )
    return users.distinct().order_by("full_name", "email")
