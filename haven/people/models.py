"""People: identity, safe-contact preferences, equality data, flags and household."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import models

from haven.access.restriction import person_visible_q, provider_organisations_of, restricted_q
from haven.accounts.signed_in import Viewer
from haven.core.encrypted_fields import BlindIndexField, EncryptedTextField
from haven.core.encryption import phone_index
from haven.core.models import HavenModel
from haven.people import choices
from haven.people.ages import ADULT_AGE as ADULT_AGE
from haven.people.ages import age_on as age_on
from haven.people.safe_contact import SafeContactPreferences, SafeTimeWindow


def _in_users_organisations(queryset: models.QuerySet[Any], user: Viewer) -> models.QuerySet[Any]:
    """Rows created within an organisation where the user holds a provider role.

    Commissioners and people without a provider role see none.
    """
    if user is None or not user.is_authenticated:
        return queryset.none()
    visible: models.QuerySet[Any] = queryset.filter(
        organisation__in=provider_organisations_of(user)
    )
    return visible


class PersonQuerySet(models.QuerySet["Person"]):
    def visible_to(self, user: Viewer) -> PersonQuerySet:
        """People created in the user's provider organisations, plus people with a case the user
        may see (`Case.objects.visible_to`) or a referral waiting for or refused a case in a
        contract of those organisations (a referral with a case follows the case's scope)."""
        if user is None or not user.is_authenticated:
            return self.none()
        return self.filter(person_visible_q(user))

    def with_phone(self, phone: str) -> PersonQuerySet:
        """People whose phone number is this one (ADR 0019: through the blind index; spaces and
        a +44 prefix do not matter). An empty number matches nobody."""
        index = phone_index(phone)
        return self.filter(phone_index=index) if index else self.none()

    def restricted_for(self, user: Viewer) -> PersonQuerySet:
        """People with a restricted case whom this user is not named on any restricted case of."""
        return self.filter(restricted_q(user))

    def with_restriction_for(self, user: Viewer) -> PersonQuerySet:
        """Annotates ``restricted``: True when the person is restricted for this user."""
        return self.annotate(
            restricted=models.ExpressionWrapper(restricted_q(user), models.BooleanField())
        )


class PersonCausingHarmQuerySet(models.QuerySet["PersonCausingHarm"]):
    def visible_to(self, user: Viewer) -> PersonCausingHarmQuerySet:
        return _in_users_organisations(self, user)  # type: ignore[return-value]


class Person(HavenModel):
    """Someone the service supports: an adult victim-survivor or a child in their household."""

    # seed 001 lot 1 s5: a unique reference code "to follow through all contact"
    reference_code = models.CharField(max_length=10, unique=True, editable=False)
    organisation = models.ForeignKey(
        "contracts.Organisation", on_delete=models.PROTECT, related_name="people"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    given_name = models.CharField(max_length=100)
    family_name = models.CharField(max_length=100, blank=True)
    preferred_name = models.CharField(max_length=100, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    dob_is_estimate = models.BooleanField(default=False)
    gender = models.CharField(max_length=100, blank=True)
    pronouns = models.CharField(max_length=50, blank=True)
    # ADR 0019: encrypted at rest for everyone (not only restricted people); exact lookups
    # through the blind index (`Person.objects.with_phone`). Postcode and town stay plain: the
    # area figures, the local authority and duplicate matching read them in SQL.
    phone = EncryptedTextField(max_length=30, blank=True, single_line=True)
    phone_index = BlindIndexField(source="phone", purpose="phone")
    email = models.EmailField(blank=True)
    address_line_1 = EncryptedTextField(max_length=200, blank=True, single_line=True)
    address_line_2 = EncryptedTextField(max_length=200, blank=True, single_line=True)
    town = models.CharField(max_length=100, blank=True)
    postcode = models.CharField(max_length=10, blank=True, db_index=True)
    local_authority = models.CharField(max_length=100, blank=True)
    preferred_language = models.CharField(max_length=100, blank=True)
    interpreter_needed = models.BooleanField(default=False)
    # seed 002 Lot 1 s3.7: the equalities profile of victim and caseworker weighs in allocation;
    # a person's stated wish for a female (or male) worker ("" : no preference stated)
    preferred_worker_gender = models.CharField(
        max_length=20, choices=choices.PreferredWorkerGender.choices, blank=True
    )
    is_child = models.BooleanField(default=False)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["family_name", "given_name"]
        indexes = [models.Index(fields=["organisation", "date_of_birth"])]
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return self.reference_code

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.given_name, self.family_name) if part)

    @property
    def address_lines(self) -> list[str]:
        parts = (self.address_line_1, self.address_line_2, self.town, self.postcode)
        return [part for part in parts if part]

    def age(self, today: dt.date) -> int | None:
        return age_on(self.date_of_birth, today) if self.date_of_birth else None

    def safe_contact_or_default(self) -> SafeContact:
        """The recorded preferences, or unsaved defaults (nothing known to be safe)."""
        try:
            return self.safe_contact
        except SafeContact.DoesNotExist:
            return SafeContact(person=self)

    def equality_or_default(self) -> EqualityData:
        try:
            return self.equality
        except EqualityData.DoesNotExist:
            return EqualityData(person=self)


class PersonAlias(HavenModel):
    """Another name someone is or was known by (maiden name, nickname, spelling)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class SafeContact(HavenModel):
    """How to contact the person without putting them at risk (reference §5.1)."""

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="safe_contact")
    # ADR 0019: the safe-contact details are encrypted at rest
    safe_phone = EncryptedTextField(max_length=30, blank=True, single_line=True)
    safe_times = models.JSONField(
        default=list, blank=True, help_text='[{"days": [0-6], "start": "HH:MM", "end": "HH:MM"}]'
    )
    voicemail_allowed = models.BooleanField(default=False)
    texts_allowed = models.BooleanField(default=False)
    email_safe = models.BooleanField(default=False)
    letters = models.CharField(
        max_length=20, choices=choices.Letters.choices, default=choices.Letters.NEVER
    )
    safe_address = EncryptedTextField(blank=True)
    code_word = EncryptedTextField(max_length=100, blank=True, single_line=True)
    harmer_at_address = models.CharField(
        max_length=10,
        choices=choices.HarmerAtAddress.choices,
        default=choices.HarmerAtAddress.UNKNOWN,
    )
    notes = EncryptedTextField(blank=True)

    def __str__(self) -> str:
        return f"Safe contact for {self.person}"

    def windows(self) -> tuple[SafeTimeWindow, ...]:
        return tuple(SafeTimeWindow.from_dict(window) for window in self.safe_times or [])

    def preferences(self) -> SafeContactPreferences:
        """The plain preferences that ``safe_contact.check_channel`` reads."""
        return SafeContactPreferences(
            safe_phone=self.safe_phone,
            safe_times=self.windows(),
            voicemail_allowed=self.voicemail_allowed,
            texts_allowed=self.texts_allowed,
            email_address=self.person.email,
            email_safe=self.email_safe,
            letters=self.letters,  # type: ignore[arg-type]
            safe_address=self.safe_address,
            harmer_at_address=self.harmer_at_address,  # type: ignore[arg-type]
        )


class EqualityData(HavenModel):
    """The Equality Act 2010 protected characteristics (age comes from the date of birth).

    Blank means not asked; every question also has "Prefer not to say".
    """

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="equality")
    sex = models.CharField(max_length=20, choices=choices.Sex.choices, blank=True)
    gender_same_as_birth = models.CharField(
        max_length=20, choices=choices.GenderSameAsBirth.choices, blank=True
    )
    sexual_orientation = models.CharField(
        max_length=20, choices=choices.SexualOrientation.choices, blank=True
    )
    disability = models.CharField(max_length=20, choices=choices.YesNoPreferNot.choices, blank=True)
    ethnicity = models.CharField(max_length=40, choices=choices.ETHNICITY_CHOICES, blank=True)
    ethnicity_other = models.CharField(max_length=100, blank=True)
    religion = models.CharField(max_length=20, choices=choices.Religion.choices, blank=True)
    marital_status = models.CharField(
        max_length=20, choices=choices.MaritalStatus.choices, blank=True
    )
    pregnancy_maternity = models.CharField(
        max_length=20, choices=choices.PregnancyMaternity.choices, blank=True
    )
    # seed 004 appendix 1 E10-E13: the type of disability, only when `disability` is "yes"
    # (choices.DisabilityType; one field per type so a return counts them without parsing)
    disability_physical = models.BooleanField("physical or mobility disability", default=False)
    disability_visual = models.BooleanField("visual disability", default=False)
    disability_hearing = models.BooleanField("hearing disability", default=False)
    disability_learning = models.BooleanField("learning disability or difficulty", default=False)
    disability_mental_health = models.BooleanField("mental health condition", default=False)
    disability_other = models.BooleanField("another type of disability", default=False)
    # seed 001 s6: refugee communities (choices.ImmigrationStatus); plain, like the protected
    # characteristics, because the returns count it in SQL (ADR 0019 encrypts contact details)
    immigration_status = models.CharField(
        max_length=20, choices=choices.ImmigrationStatus.choices, blank=True
    )

    class Meta:
        verbose_name_plural = "equality data"

    def __str__(self) -> str:
        return f"Equality data for {self.person}"

    @property
    def disability_types(self) -> list[str]:
        """The types ticked (choices.DisabilityType keys), in the list's order."""
        return [key for key in choices.DisabilityType.values if getattr(self, f"disability_{key}")]


class PersonFlag(HavenModel):
    """A dated fact that changes how the person is supported (disability, NRPF, ACEs...)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="flags")
    kind = models.CharField(max_length=20, choices=choices.FlagKind.choices)
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["-started_on", "kind"]
        constraints = [
            models.CheckConstraint(
                name="flag_ends_after_it_starts",
                condition=models.Q(ended_on__isnull=True)
                | models.Q(ended_on__gte=models.F("started_on")),
            )
        ]

    def __str__(self) -> str:
        return self.get_kind_display()

    @property
    def is_current(self) -> bool:
        return self.ended_on is None


class HouseholdLink(HavenModel):
    """A child (a Person with their own reference code) in the person's household."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="household_links")
    member = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="household_of")
    relationship = models.CharField(max_length=20, choices=choices.ChildRelationship.choices)
    lives_with_person = models.BooleanField(default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "member"], name="household_link_unique"),
            models.CheckConstraint(
                name="household_link_not_self", condition=~models.Q(person=models.F("member"))
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member} ({self.get_relationship_display()}) of {self.person}"


class PersonCausingHarm(HavenModel):
    """Someone causing harm. Their page shows only their own details, never the victim's."""

    organisation = models.ForeignKey(
        "contracts.Organisation", on_delete=models.PROTECT, related_name="people_causing_harm"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    given_name = models.CharField(max_length=100)
    family_name = models.CharField(max_length=100, blank=True)
    known_as = models.CharField(max_length=200, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    gender = models.CharField(max_length=100, blank=True)
    description = models.TextField(
        blank=True, help_text="How to recognise them: appearance, vehicle"
    )

    objects = PersonCausingHarmQuerySet.as_manager()

    class Meta:
        ordering = ["family_name", "given_name"]
        verbose_name_plural = "people causing harm"

    def __str__(self) -> str:
        return "Person causing harm"

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.given_name, self.family_name) if part)


class HarmLink(HavenModel):
    """Who is causing harm to whom, and whether they live together."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="harm_links")
    harmer = models.ForeignKey(
        PersonCausingHarm, on_delete=models.CASCADE, related_name="harm_links"
    )
    relationship = models.CharField(max_length=20, choices=choices.HarmRelationship.choices)
    lives_with_person = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "harmer"], name="harm_link_unique")
        ]

    def __str__(self) -> str:
        return f"{self.get_relationship_display()} of {self.person}"
