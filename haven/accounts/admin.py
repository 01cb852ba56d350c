from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm

from haven.accounts.models import Membership, Team, User
from haven.accounts.services import user_email_verify
from haven.core.auditor import audit_event
from haven.core.models import AuditAction


class MembershipInline(admin.TabularInline[Membership, User]):
    model = Membership
    extra = 0
    autocomplete_fields = ["organisation", "team", "commissioner"]


class StaffCreationForm(AdminUserCreationForm[User]):
    class Meta:
        model = User
        fields = ("email", "full_name")


class StaffChangeForm(UserChangeForm[User]):
    class Meta:
        model = User
        fields = ("email", "full_name", "is_active", "is_staff")


@admin.register(User)
class UserAdmin(DjangoUserAdmin[User]):
    form = StaffChangeForm
    add_form = StaffCreationForm
    ordering = ["email"]
    list_display = ["email", "full_name", "is_active", "is_staff"]
    search_fields = ["email", "full_name"]
    list_filter = ["is_active", "is_staff", "memberships__role"]
    fieldsets = (
        (None, {"fields": ("email", "full_name", "password")}),
        ("Access", {"fields": ("is_active", "is_staff", "is_superuser")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("email", "full_name", "password1", "password2")}),
    )
    inlines = [MembershipInline]
    filter_horizontal = ()

    def save_model(self, request: Any, obj: User, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        user_email_verify(user=obj)  # an address an administrator sets is verified by that act
        changed = {
            name: [form.initial.get(name), form.cleaned_data.get(name)]
            for name in form.changed_data
        }
        audit_event(
            actor=request.user,
            action=AuditAction.UPDATE if change else AuditAction.CREATE,
            target=obj,
            changes=changed,
        )


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin[Team]):
    list_display = ["name", "organisation"]
    search_fields = ["name"]
