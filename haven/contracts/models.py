"""Providers, commissioners and the contracts built from YAML profiles."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models

from haven.core.models import HavenModel

if TYPE_CHECKING:  # a type only: contracts and accounts do not import each other (ADR 0009)
    from haven.accounts.signed_in import Viewer


class Organisation(HavenModel):
    """A provider organisation that delivers one or more contracts."""

    name = models.CharField(max_length=200, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Commissioner(HavenModel):
    """A council or Police and Crime Commissioner that buys services."""

    name = models.CharField(max_length=200, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ContractQuerySet(models.QuerySet["Contract"]):
    def visible_to(self, user: Viewer) -> ContractQuerySet:
        """Provider staff see their organisations' contracts; commissioners see the ones they buy."""
        if user is None or not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self.all()
        memberships = user.memberships.all()
        organisations = memberships.filter(organisation__isnull=False).values("organisation")
        commissioners = memberships.filter(commissioner__isnull=False).values("commissioner")
        return self.filter(
            models.Q(provider__in=organisations) | models.Q(commissioner__in=commissioners)
        )


class Contract(HavenModel):
    """One commissioned service, built from its profile (haven/contracts/profiles/<slug>.yaml)."""

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=200)
    commissioner = models.ForeignKey(
        Commissioner, on_delete=models.PROTECT, related_name="contracts"
    )
    provider = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="contracts"
    )
    profile = models.JSONField(help_text="The validated profile, as loaded")
    profile_sha256 = models.CharField(max_length=64)
    seed = models.CharField(max_length=100, blank=True)
    is_active = models.BooleanField(default=True)

    objects = ContractQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
