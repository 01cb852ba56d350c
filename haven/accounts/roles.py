"""The roles staff and commissioners hold."""

from __future__ import annotations

from django.db import models


class Role(models.TextChoices):
    CASEWORKER = "caseworker", "Caseworker"
    TEAM_LEADER = "team_leader", "Team leader"
    SERVICE_MANAGER = "service_manager", "Service manager"
    ANALYST = "analyst", "Analyst"
    ADMINISTRATOR = "administrator", "Administrator"
    COMMISSIONER = "commissioner", "Commissioner"
    AUDITOR = "auditor", "Auditor"


PROVIDER_ROLES = frozenset(set(Role) - {Role.COMMISSIONER})
MANAGER_ROLES = frozenset({Role.TEAM_LEADER, Role.SERVICE_MANAGER})
