"""Staff users (email login), teams and role memberships."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

from haven.accounts.roles import Role
from haven.core.models import HavenModel


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        if not email:
            raise ValueError("email: enter an email address")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **extra)

    def get_by_natural_key(self, username: str | None) -> User:
        return self.get(email__iexact=username)


class User(AbstractBaseUser, PermissionsMixin):
    """A member of staff or a commissioner. Logs in with an email address."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    email = models.EmailField("email address", unique=True)
    full_name = models.CharField(max_length=150)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField("can use the administration pages", default=False)
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        constraints = [models.UniqueConstraint(Lower("email"), name="user_email_ci_unique")]

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email

    def roles(self) -> set[str]:
        """The roles this user holds anywhere (cached per instance)."""
        cached: set[str] | None = getattr(self, "_roles_cache", None)
        if cached is None:
            cached = set(self.memberships.values_list("role", flat=True))
            self._roles_cache = cached
        return cached


class ImportAllocation(models.TextChoices):
    """What happens to a case the police workbook import opens for a team (issue 13 item 13)."""

    QUEUE = "queue", "Leave it in the team's unallocated queue"
    SUGGESTED = "suggested", "Allocate it to the top suggested worker"


class Team(HavenModel):
    """A team inside a provider organisation (e.g. 'DV 360 engagement workers')."""

    organisation = models.ForeignKey(
        "contracts.Organisation", on_delete=models.PROTECT, related_name="teams"
    )
    name = models.CharField(max_length=150)
    import_allocation = models.CharField(
        "cases from the police workbook import",
        max_length=20,
        choices=ImportAllocation.choices,
        default=ImportAllocation.QUEUE,
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="team_name_unique")
        ]
        ordering = ["organisation__name", "name"]

    def __str__(self) -> str:
        return self.name


class Membership(HavenModel):
    """One role held by a user: provider roles in an organisation (and team), or commissioner."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=30, choices=Role.choices)
    organisation = models.ForeignKey(
        "contracts.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.PROTECT, related_name="memberships"
    )
    commissioner = models.ForeignKey(
        "contracts.Commissioner",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="memberships",
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                name="membership_scope_matches_role",
                condition=(
                    models.Q(
                        role=Role.COMMISSIONER,
                        commissioner__isnull=False,
                        organisation__isnull=True,
                    )
                    | (
                        ~models.Q(role=Role.COMMISSIONER)
                        & models.Q(organisation__isnull=False, commissioner__isnull=True)
                    )
                ),
            ),
            # Portable (SQLite has no NULLS NOT DISTINCT): one partial unique constraint per scope.
            models.UniqueConstraint(
                fields=["user", "role", "team"],
                condition=models.Q(team__isnull=False),
                name="membership_unique_team",
            ),
            models.UniqueConstraint(
                fields=["user", "role", "organisation"],
                condition=models.Q(team__isnull=True, organisation__isnull=False),
                name="membership_unique_organisation",
            ),
            models.UniqueConstraint(
                fields=["user", "role", "commissioner"],
                condition=models.Q(commissioner__isnull=False),
                name="membership_unique_commissioner",
            ),
        ]

    def __str__(self) -> str:
        scope = self.team or self.organisation or self.commissioner
        return f"{self.get_role_display()} – {scope}"


class Specialism(models.TextChoices):
    """A worker's developed specialisms (seed 002 Lot 1 s3.7: "developed specialisms of
    caseworkers"; the groups of seed 001 s6 and the IDVA role of seed 001 s5)."""

    IDVA = "idva", "IDVA (independent domestic violence adviser)"
    CHILDREN_YOUNG_PEOPLE = "children_young_people", "Children and young people"
    MALE_VICTIMS = "male_victims", "Male victims"
    LGBT = "lgbt", "LGBT+"
    SEXUAL_VIOLENCE = "sexual_violence", "Sexual violence"
    OLDER_PEOPLE = "older_people", "Older people"
    DISABILITY = "disability", "Disability"
    HONOUR_BASED_ABUSE = "honour_based_abuse", "Honour-based abuse"
    SUBSTANCE_MISUSE = "substance_misuse", "Substance misuse"
    MENTAL_HEALTH = "mental_health", "Mental health"
    PERPETRATORS = "perpetrators", "Work with perpetrators"


class WorkerGender(models.TextChoices):
    """A worker's gender, matched against a person's stated preference for a worker."""

    FEMALE = "female", "Female"
    MALE = "male", "Male"
    NON_BINARY = "non_binary", "Non-binary"


class StaffProfile(HavenModel):
    """What a team leader weighs when allocating (seed 002 Lot 1 s3.7): a worker's specialisms,
    languages, gender, patch and capacity. One per user; none means nothing recorded."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="staff_profile")
    specialisms = models.JSONField(default=list, blank=True)
    languages = models.JSONField(default=list, blank=True, help_text="Language names")
    gender = models.CharField(max_length=20, choices=WorkerGender.choices, blank=True)
    areas = models.JSONField(default=list, blank=True, help_text="Areas or districts covered")
    max_open_cases = models.PositiveIntegerField(null=True, blank=True)
    # seed 001 s5: "IDVAs supporting caseloads of 80-100 high risk victims a year"
    high_risk_per_year = models.PositiveIntegerField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Profile of {self.user}"
