"""ADR 0008: a police import's new case for a household member of a restricted person opens
restricted, naming the staff named on that person's restricted cases (as case_open_from_referral
does for one referral)."""

import pytest

from haven.casework.models import Case, CaseAccess
from haven.testing.casework import CaseFactory
from haven.testing.people import HouseholdLinkFactory, PersonFactory
from haven.workbook import services
from haven.workbook.models import PoliceNominal

from .conftest import series

pytestmark = pytest.mark.django_db


def test_a_household_member_of_a_restricted_person_is_imported_into_a_restricted_case(
    personas, dv360, import_rows
):
    parent_case = CaseFactory(contract=dv360, is_restricted=True)
    CaseAccess.objects.create(case=parent_case, user=personas.team_leader)
    member = PersonFactory(organisation=personas.organisation)
    HouseholdLinkFactory(person=parent_case.person, member=member, relationship="other")
    PoliceNominal.objects.create(
        source=services.workbook_source(dv360), nominal_id="n1", person=member
    )

    import_rows(series(3, victim="N1"))

    case = Case.objects.get(person=member)
    assert case.is_restricted
    assert personas.team_leader.pk in set(case.accesses.values_list("user_id", flat=True))
