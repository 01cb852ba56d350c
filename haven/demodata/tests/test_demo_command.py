"""`haven demo` builds a demo service with a login for every role, idempotently."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from haven.accounts.models import User
from haven.accounts.roles import Role
from haven.contracts.models import Contract


def test_demo_creates_contracts_and_a_login_for_every_role(db):
    out = StringIO()
    call_command("demo", scale=0.01, stdout=out)
    assert Contract.objects.count() == 9
    assert Contract.objects.filter(provider__isnull=True).count() == 0
    held = set(User.objects.values_list("memberships__role", flat=True)) - {None}
    # a partner agency's login holds no staff membership (issue 14 item 6)
    assert held == {role.value for role in Role} - {Role.PARTNER}
    assert User.objects.filter(partner_membership__isnull=False).exists()
    assert "Partner API token" in out.getvalue()
    assert "/helpline/" in out.getvalue()  # issue 16: the service's registers are named
    for user in User.objects.all():
        assert user.email in out.getvalue()


def test_running_demo_twice_changes_nothing(db):
    call_command("demo", scale=0.01, stdout=StringIO())
    users, contracts = User.objects.count(), Contract.objects.count()
    call_command("demo", scale=0.01, stdout=StringIO())
    assert (User.objects.count(), Contract.objects.count()) == (users, contracts)


def test_demo_refuses_to_run_in_production(db, settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="production"):
        call_command("demo", scale=0.01, stdout=StringIO())
