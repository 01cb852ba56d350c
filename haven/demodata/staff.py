"""The synthetic colleagues who share the demo caseload with the demo logins.

Staffing grows with the caseload: a team gets one caseworker for about every
`CASES_PER_WORKER` cases over the demo's two years (most of them closed), so a worker's
worklist looks like a real one at every scale instead of one login holding a fifth of the
service. Teams stay the size real ones are: past `TEAM_SIZE` caseworkers a service area is
split into further teams ("Outreach 2", ...), each with its own team leader, so a team
leader's worklist holds about ten workers' tasks at every scale.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from haven.accounts.models import Membership, StaffProfile, Team, User
from haven.accounts.roles import Role
from haven.accounts.services import membership_grant, user_create

DOMAIN = "demo.haven.test"
CASES_PER_WORKER = 150  # over two years: roughly 30–60 open at a time, depending on the contract
MIN_COLLEAGUES = 2  # per team, beside the demo logins, so even a tiny demo has colleagues
TEAM_SIZE = 10  # caseworkers per team leader
COLLEAGUES = ["Priya Shah", "Tom Bennett", "Grace Okafor", "Huw Lewis", "Ayesha Khan", "Dan Price"]
FIRST_NAMES = [
    "Amara", "Ben", "Chloe", "Dev", "Ellie", "Farid", "Gemma", "Hassan", "Isla", "Jamal",
    "Kirsty", "Liam", "Maya", "Nathan", "Olu", "Poppy", "Rhys", "Sana", "Theo", "Uma",
    "Vikram", "Wendy", "Yusuf", "Zara", "Aled", "Bethan", "Callum", "Deepa", "Eamon", "Fiona",
]  # fmt: skip
SURNAMES = [
    "Adams", "Begum", "Carter", "Davies", "Evans", "Fraser", "Gill", "Hughes", "Iqbal",
    "Jones", "Kaur", "Lloyd", "Mensah", "Nowak", "Owen", "Patel", "Quinn", "Roberts",
    "Singh", "Taylor", "Usman", "Vaughan", "Walsh", "Young", "Zielinski", "Ahmed", "Brown",
    "Clarke", "Doyle", "Ellis",
]  # fmt: skip
LEADERS = {"Secondary responders": "Ruth Ellis", "Refuge": "Marcus Webb"}


@dataclass
class TeamStaff:
    """A service area: its first team (with the demo logins) and, at scale, further teams."""

    team: Team
    leader: User
    # (user, weight): every worker carries about the same share of the area's cases
    workers: list[tuple[User, int]] = field(default_factory=list)
    # worker id -> (the worker's team, its leader); workers of the first team are not listed
    teams_of: dict[Any, tuple[Team, User]] = field(default_factory=dict)

    def team_of(self, worker: User) -> tuple[Team, User]:
        """The team a case allocated to this worker belongs to, and that team's leader."""
        return self.teams_of.get(worker.pk, (self.team, self.leader))


def colleague_name(index: int) -> str:
    """The index-th synthetic colleague's name: the original six, then first × surname pairs."""
    if index < len(COLLEAGUES):
        return COLLEAGUES[index]
    index -= len(COLLEAGUES)
    first = FIRST_NAMES[index % len(FIRST_NAMES)]
    pair = index // len(FIRST_NAMES)
    surname = SURNAMES[pair % len(SURNAMES)]
    round_ = pair // len(SURNAMES)
    return f"{first} {surname}" + (f" {round_ + 1}" if round_ else "")


def _email(name: str, role: Role) -> str:
    handle = ".".join(part.lower() for part in name.split())
    if name in COLLEAGUES or name in LEADERS.values():
        handle = name.split()[0].lower()  # the original colleagues keep their addresses
    return f"{handle}.{role.value.replace('_', '-')}@{DOMAIN}"


def _colleague(name: str, role: Role, organisation: Any, team: Team) -> User:
    email = _email(name, role)
    user = User.objects.filter(email=email).first()
    if user is None:
        user = user_create(email=email, full_name=name, password=None, created_by=None)
    membership_grant(user=user, role=role, organisation=organisation, team=team, granted_by=None)
    return user


def workers_needed(cases: int) -> int:
    """Caseworkers a team needs for this many cases over the two years."""
    return math.ceil(cases / CASES_PER_WORKER)


def team_staff(organisation: Any, cases_by_team: dict[str, int]) -> dict[str, TeamStaff]:
    """Every area's leader and caseworkers, adding synthetic colleagues (no password) until
    the area has a caseworker for about every `CASES_PER_WORKER` of its planned cases, in teams
    of about `TEAM_SIZE` with a leader each."""
    result: dict[str, TeamStaff] = {}
    next_colleague = 0
    teams = list(Team.objects.filter(organisation=organisation).order_by("name"))
    names = {team.name for team in teams}
    areas = [team for team in teams if _area_of(team.name, names) is None]
    for team in areas:
        members = (
            Membership.objects.filter(team=team).select_related("user").order_by("user__email")
        )
        leader = next((m.user for m in members if m.role == Role.TEAM_LEADER), None)
        if leader is None:
            name = LEADERS.get(team.name, f"{team.name} Lead")
            leader = _colleague(name, Role.TEAM_LEADER, organisation, team)
        staff = TeamStaff(team, leader)
        logins = [
            m.user for m in members if m.role == Role.CASEWORKER and m.user.has_usable_password()
        ]
        staff.workers = [(user, 1) for user in logins]
        wanted = max(workers_needed(cases_by_team.get(team.name, 0)), len(logins) + MIN_COLLEAGUES)
        squad, squad_leader, number = team, leader, 1
        while len(staff.workers) < wanted:
            if len(staff.workers) % TEAM_SIZE == 0 and len(staff.workers) >= TEAM_SIZE:
                number += 1
                squad = Team.objects.get_or_create(
                    organisation=organisation, name=f"{team.name} {number}"
                )[0]
                squad_leader = _colleague(
                    colleague_name(next_colleague), Role.TEAM_LEADER, organisation, squad
                )
                next_colleague += 1
            name = colleague_name(next_colleague)
            next_colleague += 1
            worker = _colleague(name, Role.CASEWORKER, organisation, squad)
            staff.workers.append((worker, 1))
            if squad is not team:
                staff.teams_of[worker.pk] = (squad, squad_leader)
        result[team.name] = staff
    return result


def _area_of(name: str, names: set[str]) -> str | None:
    """The service area a further team ("Outreach 2") was split from, or None for an area."""
    base, _, number = name.rpartition(" ")
    return base if number.isdigit() and base in names else None


# Staff profiles (issue 13 item 11), consistent with the contracts each team delivers
# (demodata.contracts.CASELOADS): IDVAs on the Leicester victim/survivor contract (seed 001 s5:
# "IDVAs supporting caseloads of 80-100 high risk victims a year"), male-victim specialists in
# the refuge team (seed 004: Cornwall's men's refuge), Leicester's languages (seed 001 s6:
# "preferred language not English" is an under-represented group).
IDVA_HIGH_RISK_PER_YEAR = 100  # seed 001 s5
MAX_OPEN_CASES = 45  # CASES_PER_WORKER over two years: roughly 30-60 open at a time
MALE_FIRST_NAMES = {
    "Tom", "Huw", "Dan", "Ben", "Dev", "Farid", "Hassan", "Jamal", "Liam", "Nathan", "Olu",
    "Rhys", "Theo", "Vikram", "Yusuf", "Aled", "Callum", "Eamon", "Marcus", "Sam",
}  # fmt: skip
LANGUAGES = [["Gujarati"], [], ["Polish"], [], ["Punjabi", "Urdu"], [], ["Somali"], []]
TEAM_PROFILES: dict[str, dict[str, Any]] = {
    "Outreach and IDVA": {
        "areas": ["Leicester", "Wokingham"],
        # every other worker an IDVA; the rest children and young people, perpetrators, LGBT+
        "specialisms": [
            ["idva", "honour_based_abuse"],
            ["children_young_people"],
            ["idva", "sexual_violence"],
            ["perpetrators"],
            ["idva", "lgbt"],
            ["older_people", "disability"],
        ],
    },
    "Secondary responders": {
        "areas": ["Leicester", "Leicestershire", "Rutland"],
        "specialisms": [
            ["mental_health"],
            ["older_people"],
            ["substance_misuse"],
            ["disability"],
            ["male_victims"],
            ["lgbt"],
        ],
    },
    "Refuge": {
        "areas": ["Cornwall", "Leicester"],
        "specialisms": [
            ["male_victims"],
            ["children_young_people"],
            ["male_victims", "lgbt"],
            ["mental_health", "substance_misuse"],
        ],
    },
}


def worker_gender(user: User) -> str:
    first = (user.full_name or " ").split()[0]
    return "male" if first in MALE_FIRST_NAMES else "female"


def staff_profiles_build(staff: dict[str, TeamStaff]) -> int:
    """A profile for every worker of the demo teams (deterministic: by position in the team);
    in the refuge team the male-victim specialists are men. Returns how many were written."""
    written = 0
    for area, team_staff_ in staff.items():
        plan = TEAM_PROFILES.get(area)
        if plan is None:
            continue
        workers = [user for user, _ in team_staff_.workers]
        for index, user in enumerate(workers):
            specialisms = plan["specialisms"][index % len(plan["specialisms"])]
            gender = worker_gender(user)
            if "male_victims" in specialisms and area == "Refuge":
                gender = "male"
            idva = "idva" in specialisms
            StaffProfile.objects.update_or_create(
                user=user,
                defaults={
                    "specialisms": specialisms,
                    "languages": ["English", *LANGUAGES[index % len(LANGUAGES)]],
                    "gender": gender,
                    "areas": plan["areas"],
                    "max_open_cases": MAX_OPEN_CASES,
                    "high_risk_per_year": IDVA_HIGH_RISK_PER_YEAR if idva else None,
                },
            )
            written += 1
    return written
