"""Every sign-off and commissioner page, as every persona (STYLE: owner, teammate, outsider)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from haven.reporting.services import return_sign_off, return_submit
from haven.reporting.tests.signoff_world import QUARTER, build_signoff_world

pytestmark = pytest.mark.django_db

PROVIDER_OTHERS = ["caseworker", "teammate", "team_leader", "analyst", "administrator", "auditor"]


@pytest.fixture
def world(personas):
    world = build_signoff_world(personas, referrals=2)
    world.snapshot = return_submit(
        snapshot=return_sign_off(
            contract=world.contract, period=world.period, signed_off_by=personas.service_manager
        ),
        submitted_by=personas.service_manager,
    )
    return world


def _signoff_pages(world):
    args = [world.contract.slug, QUARTER]
    return [
        reverse("signoff:sign_off", args=args),
        reverse("signoff:changes", args=args),
        reverse("signoff:due_date", args=args),
        reverse("signoff:signed_off_export", args=[*args, 1]),
    ]


def _commissioner_pages(world):
    return [
        reverse("commissioner:returns"),
        reverse("commissioner:return_detail", args=[world.snapshot.pk]),
        reverse("commissioner:return_download", args=[world.snapshot.pk, "csv"]),
    ]


def _statuses(client, user, urls):
    client.force_login(user)
    return {url: client.get(url).status_code for url in urls}


def test_the_service_manager_opens_the_sign_off_pages_not_the_commissioners(client, world):
    pages = _statuses(client, world.personas.service_manager, _signoff_pages(world))
    assert set(pages.values()) == {200}
    pages = _statuses(client, world.personas.service_manager, _commissioner_pages(world))
    assert set(pages.values()) == {403}


@pytest.mark.parametrize("who", PROVIDER_OTHERS)
def test_other_provider_staff_are_refused_everywhere(client, world, who):
    user = getattr(world.personas, who)
    assert set(_statuses(client, user, _signoff_pages(world)).values()) == {403}
    assert set(_statuses(client, user, _commissioner_pages(world)).values()) == {403}


def test_the_commissioner_opens_their_pages_only(client, world):
    user = world.personas.commissioner
    assert set(_statuses(client, user, _commissioner_pages(world)).values()) == {200}
    assert set(_statuses(client, user, _signoff_pages(world)).values()) == {403}


@pytest.mark.parametrize("who", ["other_provider_caseworker", "no_role"])
def test_people_outside_the_contract_do_not_learn_it_exists(client, world, who):
    user = getattr(world.personas, who)
    assert set(_statuses(client, user, _signoff_pages(world)).values()) == {404}
