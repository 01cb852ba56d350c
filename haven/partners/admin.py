"""Superusers keep partner organisations, the services each refers to and their referrers in
the Django admin (issue 14 item 6). Tokens are made on /partners/tokens/ or with
`haven partner-token`, never here: a token is shown once and kept hashed."""

from django.contrib import admin

from haven.partners.models import PartnerContract, PartnerMembership, PartnerOrganisation


class PartnerContractInline(admin.TabularInline[PartnerContract, PartnerOrganisation]):
    model = PartnerContract
    extra = 1


@admin.register(PartnerOrganisation)
class PartnerOrganisationAdmin(admin.ModelAdmin[PartnerOrganisation]):
    list_display = ("name", "kind", "active")
    list_filter = ("kind", "active")
    search_fields = ("name",)
    inlines = [PartnerContractInline]


@admin.register(PartnerMembership)
class PartnerMembershipAdmin(admin.ModelAdmin[PartnerMembership]):
    list_display = ("user", "organisation", "active")
    list_filter = ("organisation", "active")
    raw_id_fields = ("user",)
