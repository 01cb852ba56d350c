"""factory_boy factories for referrals and cases (synthetic people only: Faker en_GB).

The richer person factories are in `haven.testing.people`."""

from __future__ import annotations

import datetime as dt

import factory
from django.utils import timezone

from haven.casework.models import Case, CaseNote, CaseState, ContactAttempt, Task
from haven.people.models import Person
from haven.people.reference_codes import generate
from haven.referrals.models import Decision, Referral
from haven.testing.factories import ContractFactory, UserFactory


class CaseworkPersonFactory(factory.django.DjangoModelFactory):
    """A synthetic person for casework tests (the people app may offer a richer one)."""

    class Meta:
        model = Person

    reference_code = factory.LazyFunction(generate)
    organisation = factory.SubFactory("haven.testing.factories.OrganisationFactory")
    given_name = factory.Faker("first_name", locale="en_GB")
    family_name = factory.LazyAttribute(lambda o: f"{o.first_surname}-{o.second_surname}")

    class Params:  # double-barrelled, so a name never reads as a page's word ("Race: White")
        first_surname = factory.Faker("last_name", locale="en_GB")
        second_surname = factory.Faker("last_name", locale="en_GB")

    date_of_birth = factory.Faker("date_of_birth", minimum_age=18, maximum_age=80, locale="en_GB")
    local_authority = "Leicester"
    postcode = factory.Faker("postcode", locale="en_GB")


class ReferralFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Referral

    contract = factory.SubFactory(ContractFactory)
    person = factory.SubFactory(
        CaseworkPersonFactory, organisation=factory.SelfAttribute("..contract.provider")
    )
    route = "partner_agency"
    received_at = factory.LazyFunction(timezone.now)
    contact_method = "mobile_phone"
    consent_to_contact = True
    primary_support_need = "da"
    decision = Decision.ACCEPTED


class CaseFactory(factory.django.DjangoModelFactory):
    """A case with an accepted referral; pass `contract=` and `team=` to place it."""

    class Meta:
        model = Case

    contract = factory.SubFactory(ContractFactory)
    referral = factory.SubFactory(ReferralFactory, contract=factory.SelfAttribute("..contract"))
    person = factory.SelfAttribute("referral.person")
    state = CaseState.NEW
    opened_at = factory.LazyFunction(timezone.now)


class TaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Task

    case = factory.SubFactory(CaseFactory)
    rule_key = factory.Sequence(lambda n: f"rule_{n}")
    label = "Telephone contact"
    action = "phone_contact"
    due_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(hours=24))
    explanation = "Synthetic rule"
    citation = "seed 002 s3.7"
    status = "open"
    completed_at = None
    # as the task services do: the task carries its case's allocation and is outstanding
    # unless it was created completed or cancelled
    allocated_to = factory.LazyAttribute(lambda task: task.case.allocated_to)
    team = factory.LazyAttribute(lambda task: task.case.team)
    is_outstanding = factory.LazyAttribute(
        lambda task: task.completed_at is None and task.status != "cancelled"
    )


class ContactAttemptFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactAttempt

    case = factory.SubFactory(CaseFactory)
    channel = "phone"
    outcome = "no_answer"
    attempted_at = factory.LazyFunction(timezone.now)
    recorded_by = factory.SubFactory(UserFactory)


class CaseNoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CaseNote

    case = factory.SubFactory(CaseFactory)
    author = factory.SubFactory(UserFactory)
    note_type = "case_note"
    happened_at = factory.LazyFunction(timezone.now)
    recorded_at = factory.LazyFunction(timezone.now)
    text = factory.Faker("sentence", locale="en_GB")
