"""The synthetic colleagues who share the demo caseload with the demo logins."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from haven.accounts.models import Membership, Team, User
from haven.accounts.roles import Role
from haven.accounts.services import membership_grant, user_create

DOMAIN = "demo.haven.test"
COLLEAGUES = ["Priya Shah", "Tom Bennett", "Grace Okafor", "Huw Lewis", "Ayesha Khan", "Dan Price"]
LEADERS = {"Secondary responders": "Ruth Ellis", "Refuge": "Marcus Webb"}


@dataclass
class TeamStaff:
    team: Team
    leader: Any
    # (user, weight): demo logins get a bigger share so their worklists are full
    workers: list[tuple[Any, int]] = field(default_factory=list)


def _email(name: str, role: Role) -> str:
    return f"{name.split()[0].lower()}.{role.value.replace('_', '-')}@{DOMAIN}"


def _colleague(name: str, role: Role, organisation: Any, team: Team) -> User:
    email = _email(name, role)
    user = User.objects.filter(email=email).first()
    if user is None:
        user = user_create(email=email, full_name=name, password=None, created_by=None)
    membership_grant(user=user, role=role, organisation=organisation, team=team, granted_by=None)
    return user


def team_staff(organisation: Any) -> dict[str, TeamStaff]:
    """Every team's leader and caseworkers, adding synthetic colleagues (no password) as needed."""
    result: dict[str, TeamStaff] = {}
    colleagues = iter(COLLEAGUES)
    for team in Team.objects.filter(organisation=organisation).order_by("name"):
        members = (
            Membership.objects.filter(team=team).select_related("user").order_by("user__email")
        )
        leader = next((m.user for m in members if m.role == Role.TEAM_LEADER), None)
        if leader is None:
            name = LEADERS.get(team.name, f"{team.name} Lead")
            leader = _colleague(name, Role.TEAM_LEADER, organisation, team)
        staff = TeamStaff(team, leader)
        synthetic = {_email(name, Role.CASEWORKER) for name in COLLEAGUES}
        staff.workers = [
            (m.user, 3)
            for m in members
            if m.role == Role.CASEWORKER and m.user.email not in synthetic
        ]
        for _ in range(2):
            name = next(colleagues)
            staff.workers.append((_colleague(name, Role.CASEWORKER, organisation, team), 1))
        result[team.name] = staff
    return result
