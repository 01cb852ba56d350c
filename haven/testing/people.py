"""factory_boy factories for people (synthetic only: Faker en_GB, never real people)."""

from __future__ import annotations

import datetime as dt

import factory

from haven.people.choices import ChildRelationship, FlagKind, HarmRelationship
from haven.people.models import (
    EqualityData,
    HarmLink,
    HouseholdLink,
    Person,
    PersonAlias,
    PersonCausingHarm,
    PersonFlag,
    SafeContact,
)
from haven.people.reference_codes import generate
from haven.testing.factories import OrganisationFactory


class PersonFactory(factory.django.DjangoModelFactory):
    """An adult with an address, a phone number and empty safe-contact and equality records."""

    class Meta:
        model = Person
        skip_postgeneration_save = True

    reference_code = factory.LazyFunction(generate)
    organisation = factory.SubFactory(OrganisationFactory)
    given_name = factory.Faker("first_name", locale="en_GB")
    family_name = factory.LazyAttribute(lambda o: f"{o.first_surname}-{o.second_surname}")

    class Params:  # double-barrelled, so a name never reads as a page's word ("Race: White")
        first_surname = factory.Faker("last_name", locale="en_GB")
        second_surname = factory.Faker("last_name", locale="en_GB")

    date_of_birth = factory.Faker("date_of_birth", minimum_age=18, maximum_age=80, locale="en_GB")
    gender = "Woman"
    phone = factory.Faker("phone_number", locale="en_GB")
    email = factory.Faker("email", locale="en_GB")
    address_line_1 = factory.Faker("street_address", locale="en_GB")
    town = factory.Faker("city", locale="en_GB")
    postcode = factory.Faker("postcode", locale="en_GB")
    local_authority = "Leicester"

    @factory.post_generation
    def records(self, create: bool, extracted: object, **kwargs: object) -> None:
        """The one-to-one records ``person_create`` makes."""
        if create:
            SafeContactFactory(person=self, **kwargs)
            EqualityData.objects.create(person=self)


class SafeContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SafeContact

    person = None


class ChildFactory(PersonFactory):
    date_of_birth = factory.Faker("date_of_birth", minimum_age=1, maximum_age=15, locale="en_GB")
    gender = ""
    phone = ""
    email = ""
    is_child = True


class PersonAliasFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PersonAlias

    person = factory.SubFactory(PersonFactory)
    name = factory.Faker("name", locale="en_GB")


class PersonFlagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PersonFlag

    person = factory.SubFactory(PersonFactory)
    kind = FlagKind.NRPF
    started_on = dt.date(2026, 1, 5)


class HouseholdLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HouseholdLink

    person = factory.SubFactory(PersonFactory)
    member = factory.SubFactory(
        ChildFactory, organisation=factory.SelfAttribute("..person.organisation")
    )
    relationship = ChildRelationship.CHILD


class PersonCausingHarmFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PersonCausingHarm

    organisation = factory.SubFactory(OrganisationFactory)
    given_name = factory.Faker("first_name_male", locale="en_GB")
    family_name = factory.LazyAttribute(lambda o: f"{o.first_surname}-{o.second_surname}")

    class Params:  # double-barrelled, so a name never reads as a page's word ("Race: White")
        first_surname = factory.Faker("last_name", locale="en_GB")
        second_surname = factory.Faker("last_name", locale="en_GB")

    date_of_birth = factory.Faker("date_of_birth", minimum_age=18, maximum_age=80, locale="en_GB")
    description = "Tall, drives a blue van"


class HarmLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HarmLink

    person = factory.SubFactory(PersonFactory)
    harmer = factory.SubFactory(
        PersonCausingHarmFactory, organisation=factory.SelfAttribute("..person.organisation")
    )
    relationship = HarmRelationship.EX_PARTNER
    lives_with_person = False
