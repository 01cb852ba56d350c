"""The people every view is tested with: a team member, a teammate, an outsider and each role."""

from __future__ import annotations

from dataclasses import dataclass

from haven.accounts.models import Team, User
from haven.accounts.roles import Role
from haven.contracts.models import Commissioner, Contract, Organisation
from haven.testing.factories import (
    CommissionerFactory,
    ContractFactory,
    MembershipFactory,
    OrganisationFactory,
    TeamFactory,
    UserFactory,
)


@dataclass
class Personas:
    organisation: Organisation
    other_organisation: Organisation
    team: Team
    other_team: Team
    commissioner_body: Commissioner
    contract: Contract
    other_contract: Contract
    caseworker: User
    teammate: User
    outsider: User
    team_leader: User
    service_manager: User
    analyst: User
    administrator: User
    auditor: User
    commissioner: User
    data_protection_officer: User  # issue 15
    other_provider_caseworker: User
    no_role: User


def _member(role: Role, **scope: object) -> User:
    user = UserFactory()
    MembershipFactory(user=user, role=role, **scope)
    return user


def build_personas() -> Personas:
    organisation = OrganisationFactory(name="Synthetic Domestic Abuse Service")
    other_organisation = OrganisationFactory(name="Another Synthetic Provider")
    team = TeamFactory(organisation=organisation, name="Outreach")
    other_team = TeamFactory(organisation=organisation, name="Refuge")
    commissioner_body = CommissionerFactory(name="Synthetic Police and Crime Commissioner")
    contract = ContractFactory(provider=organisation, commissioner=commissioner_body)
    other_contract = ContractFactory(provider=other_organisation)
    in_team = {"organisation": organisation, "team": team}
    return Personas(
        organisation=organisation,
        other_organisation=other_organisation,
        team=team,
        other_team=other_team,
        commissioner_body=commissioner_body,
        contract=contract,
        other_contract=other_contract,
        caseworker=_member(Role.CASEWORKER, **in_team),
        teammate=_member(Role.CASEWORKER, **in_team),
        outsider=_member(Role.CASEWORKER, organisation=organisation, team=other_team),
        team_leader=_member(Role.TEAM_LEADER, **in_team),
        service_manager=_member(Role.SERVICE_MANAGER, organisation=organisation),
        analyst=_member(Role.ANALYST, organisation=organisation),
        administrator=_member(Role.ADMINISTRATOR, organisation=organisation),
        auditor=_member(Role.AUDITOR, organisation=organisation),
        data_protection_officer=_member(Role.DATA_PROTECTION_OFFICER, organisation=organisation),
        commissioner=_member(Role.COMMISSIONER, organisation=None, commissioner=commissioner_body),
        other_provider_caseworker=_member(Role.CASEWORKER, organisation=other_organisation),
        no_role=UserFactory(),
    )
