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
    # issue 14 item 6: a partner agency's referrer (police, health, housing, children's
    # services, Victim First for target hardening); held through haven.partners'
    # PartnerMembership, never a staff membership, so no staff permission anywhere.
    PARTNER = "partner", "Partner agency"
    # issue 15: runs subject access requests, retention reviews and erasure, and keeps the
    # consent and information-sharing registers (reference.md s7); provider staff.
    DATA_PROTECTION_OFFICER = "data_protection_officer", "Data protection officer"


PROVIDER_ROLES = frozenset(set(Role) - {Role.COMMISSIONER, Role.PARTNER})
MANAGER_ROLES = frozenset({Role.TEAM_LEADER, Role.SERVICE_MANAGER})
