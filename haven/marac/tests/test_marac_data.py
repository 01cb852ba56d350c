"""The quarter's MARAC figures (issue 12 item 5): cases heard, repeats and their share, referrals
by referring agency, and the equality breakdowns of the cases heard, shaped like the SafeLives
Marac data set (reference.md s2: cases "including repeats"; s1.4 repeat Marac) and answering
seed 001 Lot 3 ("Number of MARAC referrals made"; "Reduce repeat presentations at MARAC within
12 month period"). Hand-built referrals and hearings over two quarters and two areas."""

import datetime as dt

import pytest
from django.utils import timezone

from haven.marac import dataset
from haven.marac.models import MaracArea, MaracHearing, MaracMeeting, MaracReferral
from haven.marac.selectors import marac_figures
from haven.people.models import EqualityData
from haven.testing.casework import CaseFactory

pytestmark = pytest.mark.django_db

Q1 = dataset.Quarter("2026-Q1", dt.date(2026, 4, 1), dt.date(2026, 6, 30))
Q2 = dataset.Quarter("2026-Q2", dt.date(2026, 7, 1), dt.date(2026, 9, 30))


class World:
    def __init__(self, personas):
        self.personas = personas
        self.north = MaracArea.objects.create(organisation=personas.organisation, name="North")
        self.south = MaracArea.objects.create(organisation=personas.organisation, name="South")
        self.elsewhere = MaracArea.objects.create(
            organisation=personas.other_organisation, name="Elsewhere"
        )
        self.meetings = {}

    def case(self, born=None, restricted=False, **equality):
        case = CaseFactory(
            contract=self.personas.contract,
            team=self.personas.team,
            allocated_to=self.personas.caseworker,
            is_restricted=restricted,
        )
        case.person.date_of_birth = born
        case.person.save()
        if equality:
            EqualityData.objects.update_or_create(person=case.person, defaults=equality)
        return case

    def refer(self, case, area, on, agency="police", repeat=False):
        return MaracReferral.objects.create(
            case=case,
            area=area,
            referred_on=on,
            referring_agency=agency,
            criteria=["repeat" if repeat else "visible_high_risk"],
            consent=True,
            victim_aware=True,
            is_repeat=repeat,
            referred_by=self.personas.caseworker,
            recorded_at=timezone.now(),
        )

    def hear(self, referral, on):
        key = (referral.area_id, on)
        if key not in self.meetings:
            self.meetings[key] = MaracMeeting.objects.create(
                area=referral.area,
                held_on=on,
                agencies_present=["police"],
                idva_attended=True,
                recorded_by=self.personas.team_leader,
                recorded_at=timezone.now(),
            )
        return MaracHearing.objects.create(
            meeting=self.meetings[key],
            referral=referral,
            idva_represented=True,
            recorded_by=self.personas.team_leader,
            recorded_at=timezone.now(),
        )


@pytest.fixture
def world(personas):
    """North, Q1: a woman heard twice (first referral by police, then a repeat referred by the
    IDVA service heard at a later meeting), a restricted case with no equality record (Not known
    throughout), a man of 17; South, Q1: a repeat referred by housing; Q2 and another provider's
    area: cases that must not count in Q1."""
    w = World(personas)
    woman = w.case(
        born=dt.date(1990, 5, 20),
        sex="female",
        ethnicity="white_british",
        disability="yes",
        sexual_orientation="bisexual",
    )
    first = w.refer(woman, w.north, dt.date(2026, 3, 30))  # referred in the quarter before
    w.hear(first, dt.date(2026, 4, 8))
    again = w.refer(woman, w.north, dt.date(2026, 5, 2), agency="idva", repeat=True)
    w.hear(again, dt.date(2026, 5, 13))
    hidden = w.case(born=None, restricted=True)
    w.hear(w.refer(hidden, w.north, dt.date(2026, 4, 1), agency="police"), dt.date(2026, 4, 8))
    boy = w.case(born=dt.date(2009, 1, 1), sex="male", ethnicity="", disability="no")
    w.hear(w.refer(boy, w.north, dt.date(2026, 6, 30), agency="police"), dt.date(2026, 6, 30))
    housing = w.case(born=dt.date(1960, 1, 1), sex="female", ethnicity="asian_indian")
    w.hear(
        w.refer(housing, w.south, dt.date(2026, 6, 1), agency="housing", repeat=True),
        dt.date(2026, 6, 10),
    )
    later = w.case(born=dt.date(1980, 1, 1), sex="male")
    w.hear(w.refer(later, w.north, dt.date(2026, 6, 29)), dt.date(2026, 7, 1))  # heard in Q2
    w.hear(w.refer(later, w.south, dt.date(2026, 7, 2), agency="health"), dt.date(2026, 7, 15))
    other = w.case(sex="female")
    w.refer(other, w.elsewhere, dt.date(2026, 5, 1))
    return w


def _rows(figures, title):
    return dict(next(b for b in figures.equality if b.title == title).rows)


def test_cases_heard_include_repeats_and_each_hearing(world, personas):
    """reference.md s2: cases heard count repeats; a case heard at two meetings counts twice."""
    figures = marac_figures(personas.team_leader, first=Q1.first, last=Q1.last)
    assert figures.cases_heard == 5
    assert figures.repeats == 2
    assert figures.repeat_percent == 40.0
    assert {a.name for a in figures.areas} == {"North", "South"}


def test_referrals_by_referring_agency_count_those_made_in_the_quarter(world, personas):
    """seed 001 Lot 3 "Number of MARAC referrals made": by the day referred, every agency
    listed, zeros included; another provider's area never counts."""
    figures = marac_figures(personas.team_leader, first=Q1.first, last=Q1.last)
    agencies = dict(figures.referrals_by_agency)
    assert agencies["Police"] == 3  # the restricted case, the boy, the case heard in Q2
    assert agencies["IDVA service"] == 1
    assert agencies["Housing"] == 1
    assert agencies["Health (GP, hospital, health visiting)"] == 0
    assert figures.referrals == 5
    assert len(agencies) == 12


def test_one_area_narrows_every_figure(world, personas):
    north = marac_figures(personas.team_leader, first=Q1.first, last=Q1.last, area=world.north)
    assert (north.cases_heard, north.repeats, north.referrals) == (4, 1, 4)
    assert north.repeat_percent == 25.0
    south = marac_figures(personas.team_leader, first=Q2.first, last=Q2.last, area=world.south)
    assert (south.cases_heard, south.repeats, south.referrals) == (1, 0, 1)
    assert dict(south.referrals_by_agency)["Health (GP, hospital, health visiting)"] == 1


def test_the_next_quarter_counts_its_own_hearings(world, personas):
    figures = marac_figures(personas.team_leader, first=Q2.first, last=Q2.last)
    assert (figures.cases_heard, figures.repeats, figures.referrals) == (2, 0, 1)
    assert _rows(figures, "Sex")["Male"] == 2


def test_equality_breakdowns_of_the_cases_heard(world, personas):
    """Sex, age band on the day heard, ethnic group, disability and sexual orientation; blank
    answers and a missing equality record are Not known; the restricted case counts."""
    figures = marac_figures(personas.team_leader, first=Q1.first, last=Q1.last)
    assert _rows(figures, "Sex") == {
        "Female": 3,
        "Male": 1,
        "Prefer not to say": 0,
        "Not known": 1,
    }
    ages = _rows(figures, "Age on the day heard")
    assert (ages["35-44"], ages["16-17"], ages["65-74"], ages["Not known"]) == (2, 1, 1, 1)
    assert sum(ages.values()) == 5
    ethnicity = _rows(figures, "Ethnic group")
    assert (ethnicity["White"], ethnicity["Asian or Asian British"]) == (2, 1)
    assert ethnicity["Not known"] == 2
    assert _rows(figures, "Disability") == {
        "Yes": 2,
        "No": 1,
        "Prefer not to say": 0,
        "Not known": 2,
    }
    orientation = _rows(figures, "Sexual orientation")
    assert orientation["Bisexual"] == 2
    assert orientation["Not known"] == 3
    assert list(orientation)[-1] == "Not known"


def test_a_quarter_with_nothing_heard_has_no_percentage(world, personas):
    figures = marac_figures(
        personas.team_leader, first=dt.date(2025, 4, 1), last=dt.date(2025, 6, 30)
    )
    assert (figures.cases_heard, figures.repeat_percent) == (0, None)


def test_someone_who_keeps_no_marac_sees_no_figures(world, personas):
    figures = marac_figures(personas.caseworker, first=Q1.first, last=Q1.last)
    assert (figures.cases_heard, figures.referrals, figures.areas) == (0, 0, [])


@pytest.mark.parametrize(
    ("day", "code", "label"),
    [
        (dt.date(2026, 4, 1), "2026-Q1", "April to June 2026"),
        (dt.date(2026, 9, 30), "2026-Q2", "July to September 2026"),
        (dt.date(2026, 12, 7), "2026-Q3", "October to December 2026"),
        (dt.date(2027, 3, 31), "2026-Q4", "January to March 2027"),
    ],
)
def test_quarters_follow_the_financial_year(day, code, label):
    quarter = dataset.quarter_of(day)
    assert (quarter.code, quarter.label) == (code, label)


def test_the_chooser_offers_this_quarter_and_seven_before_it():
    codes = [q.code for q in dataset.quarters_to(dt.date(2026, 12, 7))]
    assert codes == [
        "2026-Q3",
        "2026-Q2",
        "2026-Q1",
        "2025-Q4",
        "2025-Q3",
        "2025-Q2",
        "2025-Q1",
        "2024-Q4",
    ]
