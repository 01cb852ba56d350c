"""The demo's workforce (issue 16): a staff record for every demo member of staff, volunteers,
supervision about every 6 weeks, one colleague's vetting lapsed and one lapsing within 60 days
(seed 002 Lot 1 s12, s15), training and sickness; rebuilt the same from the same seed."""

from datetime import timedelta

import pytest
from django.utils import timezone

from haven.accounts.roles import Role
from haven.demodata.workforce import build_demo_workforce, demo_workforce_reset
from haven.testing.factories import MembershipFactory, UserFactory
from haven.workforce.models import StaffMember, Supervision, TrainingCompletion, Vetting
from haven.workforce.selectors import vetting_refusals

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_staff(personas):
    for name in ("Priya Shah", "Tom Bennett"):
        user = UserFactory(full_name=name)
        MembershipFactory(
            user=user, role=Role.CASEWORKER, organisation=personas.organisation, team=personas.team
        )
    return personas


def test_the_demo_builds_staff_records_with_their_history(demo_staff):
    now = timezone.now()
    organisation = demo_staff.organisation
    assert build_demo_workforce(organisation=organisation, seed=7, now=now) > 0
    staff = StaffMember.objects.filter(organisation=organisation)
    assert staff.filter(user=demo_staff.caseworker).exists()
    assert staff.filter(kind="volunteer", user__isnull=True).count() == 6
    assert staff.filter(left_on__isnull=False).count() == 2
    assert Supervision.objects.filter(staff_member__organisation=organisation).count() > 50
    assert TrainingCompletion.objects.filter(staff_member__organisation=organisation).exists()
    today = timezone.localdate()
    lapsed = Vetting.objects.get(staff_member__full_name="Priya Shah")
    expiring = Vetting.objects.get(staff_member__full_name="Tom Bennett")
    assert lapsed.expires_on < today
    assert today < expiring.expires_on <= today + timedelta(days=60)
    refused = vetting_refusals([lapsed.staff_member.user_id, expiring.staff_member.user_id])
    assert list(refused) == [lapsed.staff_member.user_id]
    first = sorted(staff.values_list("full_name", "started_on", "fte"))
    demo_workforce_reset(organisation)
    assert not StaffMember.objects.filter(organisation=organisation).exists()
    build_demo_workforce(organisation=organisation, seed=7, now=now)
    assert sorted(staff.values_list("full_name", "started_on", "fte")) == first
