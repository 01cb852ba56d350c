"""factory_boy factories for synthetic staff, organisations and contracts (no real people)."""

from __future__ import annotations

from typing import Any

import factory
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from haven.accounts.models import Membership, Team, User
from haven.accounts.roles import Role
from haven.contracts.models import Commissioner, Contract, Organisation

TEST_PASSWORD = "correct-horse-battery-staple-42"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Synthetic Support Services {n}")


class CommissionerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commissioner
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Synthetic Commissioner {n}")


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Team {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"staff{n}@example.org")
    full_name = factory.Faker("name", locale="en_GB")
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def with_totp(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        """Staff have MFA set up unless a test asks for a user without it."""
        self.save()
        if create and extracted is not False:
            TOTP.activate(self, generate_totp_secret())


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    role = Role.CASEWORKER
    organisation = factory.SubFactory(OrganisationFactory)
    team = None
    commissioner = None


class ContractFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contract

    slug = factory.Sequence(lambda n: f"synthetic-contract-{n}")
    name = factory.Sequence(lambda n: f"Synthetic contract {n}")
    commissioner = factory.SubFactory(CommissionerFactory)
    provider = factory.SubFactory(OrganisationFactory)
    profile = factory.LazyAttribute(lambda o: {"slug": o.slug, "name": o.name, "deadlines": []})
    profile_sha256 = "0" * 64
