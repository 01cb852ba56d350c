"""`haven partner-token create|revoke|list`."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from haven.partners.models import ApiToken
from haven.partners.services import api_token_find

pytestmark = pytest.mark.django_db


def run(*args):
    out = StringIO()
    call_command("partner-token", *args, stdout=out)
    return out.getvalue()


def test_create_prints_the_token_once_and_list_never_shows_it(police):
    printed = run("create", police.name, "--name", "Synthetic police system")
    raw = printed.strip().splitlines()[-1]
    token = api_token_find(raw)
    assert token is not None
    assert token.organisation == police
    listed = run("list")
    assert token.prefix in listed
    assert raw not in listed


def test_revoke_by_prefix(police):
    raw = run("create", police.name, "--name", "To revoke").strip().splitlines()[-1]
    prefix = ApiToken.objects.get().prefix
    run("revoke", prefix)
    assert api_token_find(raw) is None
    assert "revoked" in run("list")


def test_a_contract_the_organisation_does_not_refer_to_is_refused(police, th_contract):
    with pytest.raises(CommandError, match="target-hardening-2018"):
        run("create", police.name, "--name", "x", "--contract", "target-hardening-2018")
