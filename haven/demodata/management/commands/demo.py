"""`haven demo`: a demo service with every contract profile and a login for every role."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from haven.accounts.models import Team, User
from haven.accounts.roles import Role
from haven.accounts.services import membership_grant, user_create
from haven.contracts.models import Commissioner, Contract, Organisation
from haven.contracts.profiles.validate import profile_paths
from haven.contracts.services import contract_profiles_load
from haven.demodata import summary
from haven.demodata.build import DEFAULT_SEED, DemoDataExistsError, build_demo_data
from haven.demodata.partners import build_demo_partners
from haven.demodata.portal import DEMO_CHAT_CODE, DEMO_QUESTION_CODE
from haven.demodata.returns import demo_returns_sign_off
from haven.demodata.webchat import DEMO_CODE as WEBCHAT_DEMO_CODE

DEMO_PROVIDER = "Haven Demo Domestic Abuse Services"
DEMO_DOMAIN = "demo.haven.test"
DEMO_TEAMS = ["Outreach and IDVA", "Secondary responders", "Refuge"]
# (role, name, team or None); every demo account shares the printed password.
DEMO_STAFF: list[tuple[Role, str, str | None]] = [
    (Role.CASEWORKER, "Casey Worker", "Outreach and IDVA"),
    (Role.CASEWORKER, "Sam Responder", "Secondary responders"),
    (Role.TEAM_LEADER, "Tam Leader", "Outreach and IDVA"),
    (Role.SERVICE_MANAGER, "Sian Manager", None),
    (Role.ANALYST, "Ana Lyst", None),
    (Role.ADMINISTRATOR, "Adi Admin", None),
    (Role.AUDITOR, "Aud Itor", None),
    (Role.DATA_PROTECTION_OFFICER, "Dee Protector", None),  # issue 15
    (Role.COMMISSIONER, "Cam Commissioner", None),
]
SERVICE_MANAGER = "Sian Manager"  # signs off the demo returns
DEMO_PASSWORD = "haven-demo-password"  # noqa: S105 - demo mode only, refused in production


def demo_email(role: Role, name: str) -> str:
    return f"{name.split()[0].lower()}.{role.value.replace('_', '-')}@{DEMO_DOMAIN}"


class Command(BaseCommand):
    help = (
        "Load the contract profiles and create a demo provider, teams and a login for every role."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--scale", type=float, default=1.0, help="1 is about 10,000 cases; 10 about 100,000"
        )
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="same seed, same data")
        parser.add_argument(
            "--reset",
            action="store_true",
            help="delete the demo provider's people, referrals and cases and build them again",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("haven demo refuses to run with HAVEN_ENV=production")
        if options["scale"] <= 0:
            raise CommandError("--scale must be above 0")
        report = contract_profiles_load(paths=profile_paths(), loaded_by=None)
        self.stdout.write(
            f"Contract profiles: {len(report.created)} created, {len(report.updated)} updated, "
            f"{len(report.unchanged)} unchanged"
        )
        logins = self._build_demo_service()
        provider = Organisation.objects.get(name=DEMO_PROVIDER)
        try:
            built = build_demo_data(
                organisation=provider,
                seed=options["seed"],
                scale=options["scale"],
                reset_first=options["reset"],
            )
            manager = User.objects.get(email=demo_email(Role.SERVICE_MANAGER, SERVICE_MANAGER))
            signed = demo_returns_sign_off(organisation=provider, manager=manager)
            self.stdout.write(
                f"\nDemo returns: {signed} quarterly returns signed off (all but the latest "
                "quarter's submitted to the commissioner)"
            )
            self.stdout.write(
                f"\nDemo casework: {built.referrals} referrals ({built.declined} declined, "
                f"{built.pending} waiting for a decision), {built.cases} cases, {built.rows} rows "
                f"in {built.seconds:.1f} s"
            )
        except DemoDataExistsError:
            self.stdout.write("\nDemo casework already present: use --reset to build it again.")
        partner = build_demo_partners(
            organisation=provider, seed=options["seed"], password=DEMO_PASSWORD
        )
        self.stdout.write("\n" + summary.cases_table(provider))
        # issue 15 item 3: the data protection officer's requests (haven/demodata/subjectaccess.py)
        self.stdout.write(
            "\nSubject access requests at /subject-access/ (the data protection officer): one "
            "sent with its bundle, one in review, one awaiting proof of identity"
        )
        # issue 16: the service's own registers, each linked from the staff home page
        self.stdout.write(
            "\nThe service's registers (issue 16), each on the staff home page: groups and "
            "programmes at /programmes/, the helpline at /helpline/, restorative justice at "
            "/restorative-justice/, training and events at /events/, the stakeholder appraisal at "
            "/appraisal/, staff and volunteers at /workforce/, budgets and spend at /finance/"
        )
        self.stdout.write(f"\nDemo logins (password for all: {DEMO_PASSWORD}):")
        for email, label in logins:
            self.stdout.write(f"  {label:<34} {email}")
        colleagues = (
            User.objects.filter(email__endswith=f"@{DEMO_DOMAIN}")
            .exclude(email__in=[email for email, _ in logins])
            .order_by("email")
        )
        if colleagues:
            self.stdout.write(
                "\nSynthetic colleagues sharing the caseload (no password, no sign-in):"
            )
            for colleague in colleagues:
                self.stdout.write(f"  {colleague.full_name:<34} {colleague.email}")
        if partner is not None:  # issue 14 items 6-7
            self.stdout.write(f"\nPartner agency login ({partner.organisation}):")
            self.stdout.write(f"  {'Partner agency':<34} {partner.email}")
            self.stdout.write(
                f"\nPartner API token for {partner.token_organisation} (shown once; expires in "
                f"30 days; see /api/v1/docs):\n  {partner.token}"
            )
        # the public front door (issue 14): no sign-in
        self.stdout.write(
            "\nPublic pages (no sign-in): /help/ (services), /refer/victim-first-2018/ "
            "(self-referral with a web chat), /questions/victim-first-2018/ (quick questions)"
        )
        self.stdout.write(
            f"  web chat open now at /chat/, code {WEBCHAT_DEMO_CODE}; a booked chat, code "
            f"{DEMO_CHAT_CODE}; an answered quick question at /questions/answer/, code "
            f"{DEMO_QUESTION_CODE}"
        )
        if settings.HAVEN_MFA_REQUIRED:
            self.stdout.write("\nMFA is required: set HAVEN_DEMO=1 to skip it in demo mode.")

    @transaction.atomic
    def _build_demo_service(self) -> list[tuple[str, str]]:
        provider, _ = Organisation.objects.get_or_create(name=DEMO_PROVIDER)
        Contract.objects.filter(provider__isnull=True).update(provider=provider)
        teams = {
            name: Team.objects.get_or_create(organisation=provider, name=name)[0]
            for name in DEMO_TEAMS
        }
        commissioner = (
            Commissioner.objects.filter(contracts__slug="opcc-dv360").first()
            or Commissioner.objects.first()
        )
        logins = []
        for role, name, team_name in DEMO_STAFF:
            email = demo_email(role, name)
            user = User.objects.filter(email=email).first()
            if user is None:
                user = user_create(
                    email=email,
                    full_name=name,
                    password=DEMO_PASSWORD,
                    created_by=None,
                    is_staff=role == Role.ADMINISTRATOR,
                )
            if role == Role.COMMISSIONER:
                membership_grant(user=user, role=role, commissioner=commissioner, granted_by=None)
                label = f"{role.label} ({commissioner})"
            else:
                team = teams[team_name] if team_name else None
                membership_grant(
                    user=user, role=role, organisation=provider, team=team, granted_by=None
                )
                label = f"{role.label}" + (f" – {team_name}" if team_name else "")
            if role == Role.ADMINISTRATOR and not user.is_superuser:
                user.is_superuser = True
                user.save(update_fields=["is_superuser"])
            logins.append((email, label))
        return logins
