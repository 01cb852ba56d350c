from django.contrib import admin

from haven.contracts.models import Commissioner, Contract, Organisation


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin[Organisation]):
    search_fields = ["name"]


@admin.register(Commissioner)
class CommissionerAdmin(admin.ModelAdmin[Commissioner]):
    search_fields = ["name"]


@admin.register(Contract)
class ContractAdmin(admin.ModelAdmin[Contract]):
    """Profiles are loaded from YAML (`haven profiles load`); here only the provider is chosen."""

    list_display = ["name", "slug", "commissioner", "provider", "is_active"]
    readonly_fields = ["slug", "name", "commissioner", "profile", "profile_sha256", "seed"]
    fields = [
        "slug",
        "name",
        "commissioner",
        "provider",
        "is_active",
        "seed",
        "profile_sha256",
        "profile",
    ]
    search_fields = ["name", "slug"]

    def has_add_permission(self, request: object) -> bool:
        return False
