"""Importing referral files (seed 002 s3.6 police daily download, Sentinel ASB referrals) from
hand-written files in shapes the generator does not make."""

from __future__ import annotations

import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
from openpyxl import Workbook

from haven.casework.models import Case, Task
from haven.core.models import AuditAction, AuditEvent
from haven.people.models import Person
from haven.people.services import person_create
from haven.referralimports.mappings import mapping_for
from haven.referralimports.models import ImportRun, RowOutcome, RunStatus
from haven.referrals.models import Referral

from .conftest import NOW
from .files import (
    POLICE_CP1252,
    POLICE_NO_METHOD,
    POLICE_REORDERED,
    POLICE_SOME_BAD,
    SENTINEL,
)

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


def _outcomes(run: ImportRun) -> dict[int, str]:
    return dict(run.rows.values_list("row_number", "outcome"))


def _problems(run: ImportRun, row: int) -> list[tuple[str, str]]:
    return [(p["column"], p["reason"]) for p in run.rows.get(row_number=row).problems]


def test_reordered_columns_extra_columns_header_case_bom_and_blank_rows(import_file):
    run = import_file(POLICE_REORDERED)
    assert run.status == RunStatus.IMPORTED
    assert _outcomes(run) == {2: "created", 3: "created", 5: "created"}
    assert (run.rows_read, run.blank_rows, run.created) == (3, 3, 3)
    assert run.encoding == "utf-8-sig"
    referral = Referral.objects.get(external_id="LP/261206/0001")
    # seed 002 s3.6: the police download is the police route; s3.7 the chosen contact method
    assert referral.route == "police"
    assert referral.source == "file:police-daily"
    assert referral.contact_method == "mobile_phone"
    assert referral.referrer_risk_level == "high"
    assert referral.consent_to_contact  # s3.7: only victims who accepted are passed through
    assert referral.received_at == dt.datetime(2026, 12, 6, 9, 15, tzinfo=LONDON)
    assert referral.person.given_name == "Alex"
    assert referral.person.date_of_birth == dt.date(1990, 5, 17)
    assert Referral.objects.get(external_id="LP/261206/0002").contact_method == "post"


def test_deadlines_count_from_the_rows_received_time(import_file):
    # seed 002 s3.7: phone within 48 h, 24 h for high risk; a letter the same day
    import_file(POLICE_REORDERED)
    high = Case.objects.get(referral__external_id="LP/261206/0001")
    task = Task.objects.get(case=high, rule_key="first_contact_phone_enhanced")
    # received on Sunday 6 December 09:15: the clock starts when the service opens on Monday at
    # 09:00 (the profile's opening hours), so 24 hours is Tuesday 09:00, whenever it is imported
    assert task.due_at == dt.datetime(2026, 12, 8, 9, 0, tzinfo=LONDON)
    assert not Task.objects.filter(case=high, rule_key="first_contact_phone").exists()
    post = Case.objects.get(referral__external_id="LP/261206/0002")
    letter = Task.objects.get(case=post, rule_key="first_contact_post")
    # same day, and a Sunday's referral is the next working day's (Monday 7 December)
    assert letter.due_at == dt.datetime(2026, 12, 7, 23, 59, 59, tzinfo=LONDON)
    sms = Case.objects.get(referral__external_id="LP/261206/0003")
    assert Task.objects.filter(case=sms, rule_key="first_contact_sms").exists()


def test_windows_1252_with_accents_and_a_pound_sign(import_file):
    run = import_file(POLICE_CP1252)
    assert run.encoding == "cp1252"
    assert run.created == 2
    zoe = Referral.objects.get(external_id="LP/261205/0101")
    assert (zoe.person.given_name, zoe.person.family_name) == ("Zoë", "Ó Súilleabháin")
    assert zoe.presenting_need == "Fraud (£250 taken)"
    assert zoe.contact_method == "email"
    assert Referral.objects.get(external_id="LP/261205/0102").person.given_name == "José"


def _xlsx(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_excel_dates_as_serial_numbers_as_date_cells_and_as_text(import_file):
    content = _xlsx(
        [
            ["Date Referred", "Crime Ref", "First Name", "Last Name", "DOB", "Contact Method"],
            # 46362 is 06/12/2026; .375 is 09:00
            [46362.375, "LP/X1", "Alex", "Example", 32980, "Mobile"],
            [
                dt.datetime(2026, 12, 5, 17, 30),  # noqa: DTZ001 - Excel cells are wall clock
                12345,
                "Jo",
                "Sample",
                "01/02/1985",
                "Letter",
            ],
            ["04/12/2026 08:00", "LP/X3", "Sam", "Test", dt.datetime(1970, 3, 3), "Text"],  # noqa: DTZ001,
            [None, None, None, None, None, None],
            [None, None, None, None, None, None],
        ]
    )
    run = import_file(content, name="download.xlsx")
    assert run.status == RunStatus.IMPORTED, list(run.rows.values("row_number", "problems"))
    assert (run.created, run.blank_rows, run.encoding) == (3, 2, "xlsx")
    first = Referral.objects.get(external_id="LP/X1")
    assert first.received_at == dt.datetime(2026, 12, 6, 9, 0, tzinfo=LONDON)
    assert first.person.date_of_birth == dt.date(1990, 4, 17)
    second = Referral.objects.get(external_id="12345")  # a number in Excel, an id in Haven
    assert second.received_at == dt.datetime(2026, 12, 5, 17, 30, tzinfo=LONDON)
    assert second.person.date_of_birth == dt.date(1985, 2, 1)
    assert Referral.objects.get(external_id="LP/X3").person.date_of_birth == dt.date(1970, 3, 3)


def test_bad_rows_are_refused_naming_the_row_and_column_and_the_good_rows_imported(
    import_file,
):
    run = import_file(POLICE_SOME_BAD)
    assert _outcomes(run) == {
        2: "created",
        3: "refused",
        4: "refused",
        5: "refused",
        6: "refused",
        7: "created",
        8: "repeated",
        9: "refused",
    }
    assert run.status == RunStatus.SOME_REFUSED
    assert (run.created, run.refused, run.repeated) == (2, 5, 1)
    [(column, reason)] = _problems(run, 3)
    assert column == "Contact method"
    assert reason.startswith("'Carrier pigeon' is not one of: Home Telephone; Home phone;")
    assert _problems(run, 4) == [("Date referred", "is in the future")]
    assert _problems(run, 5) == [("Surname", "is blank; it is required")]
    assert _problems(run, 6) == [
        ("Crime reference", "'LP/1' is also on row 2 with different details")
    ]
    assert _problems(run, 8) == [("Crime reference", "repeats row 7 exactly (counted once)")]
    column, reason = _problems(run, 9)[0]
    assert column == "Date referred"
    assert reason.startswith("is not a date in the form dd/mm/yyyy hh:mm")
    assert Referral.objects.count() == 2


def test_no_names_in_the_reasons(import_file):
    run = import_file(POLICE_SOME_BAD)
    text = str([row.problems for row in run.rows.all()])
    for name in ("Alex", "Sample", "Kim", "Lee", "Ash", "Example", "1990", "1985"):
        assert name not in text


def test_a_mapping_that_refuses_the_file_imports_nothing_when_a_row_is_bad(
    import_file, tmp_path, victim_first, personas
):
    from haven.referralimports.services import referrals_import_file

    strict = mapping_for("police-daily").model_copy(update={"bad_rows": "refuse_file"})
    path = tmp_path / "strict.csv"
    path.write_bytes(POLICE_SOME_BAD)
    run = referrals_import_file(
        path=path, contract=victim_first, mapping=strict, imported_by=None, now=NOW
    )
    assert run.status == RunStatus.REFUSED
    assert Referral.objects.count() == 0
    assert _outcomes(run)[2] == RowOutcome.NOT_IMPORTED
    assert _outcomes(run)[3] == RowOutcome.REFUSED
    assert run.not_imported == 3  # rows 2 and 7, and row 8 that repeats row 7


def test_a_missing_required_column_refuses_the_file_naming_the_column(import_file):
    run = import_file(POLICE_NO_METHOD)
    assert run.status == RunStatus.REFUSED
    assert Referral.objects.count() == 0
    assert not run.rows.exists()
    [problem] = run.file_problems
    assert problem["column"] == "Contact method"
    assert "no 'Contact method' column" in problem["reason"]


@pytest.mark.parametrize(
    ("content", "name", "reason"),
    [
        (b"", "empty.csv", "The file is empty"),
        (b"a,b\x00\n", "nul.csv", "NUL bytes"),
        (b"PK\x03\x04not a workbook", "fake.xlsx", "cannot be read"),
        (b"\n\n", "blank.csv", "the header, is blank"),
    ],
)
def test_an_unreadable_file_is_refused(import_file, content, name, reason):
    run = import_file(content, name=name)
    assert run.status == RunStatus.REFUSED
    assert reason in run.file_problems[0]["reason"]


def test_importing_the_same_file_twice_creates_nothing_new(import_file):
    import_file(POLICE_REORDERED)
    counts = (Referral.objects.count(), Person.objects.count(), Case.objects.count())
    again = import_file(POLICE_REORDERED)
    assert again.status == RunStatus.IMPORTED
    assert (again.created, again.already_imported) == (0, 3)
    assert set(_outcomes(again).values()) == {RowOutcome.ALREADY_IMPORTED}
    assert again.rows.filter(referral__isnull=False).count() == 3
    assert (Referral.objects.count(), Person.objects.count(), Case.objects.count()) == counts


def test_a_known_person_is_found_by_name_and_date_of_birth(import_file, personas):
    known = person_create(
        created_by=personas.caseworker,
        details={
            "given_name": "ALEX",
            "family_name": "example",
            "date_of_birth": dt.date(1990, 5, 17),
        },
    )
    run = import_file(POLICE_REORDERED)
    row = run.rows.get(row_number=2)
    assert row.referral.person == known
    assert not row.new_person
    assert run.rows.get(row_number=3).new_person


def test_sentinel_asb_referrals_are_partner_agency_referrals_at_high_risk(import_file):
    # seed 002 s3.6: "a high risk ASB referral via the Sentinel system ... in a standardised format"
    run = import_file(SENTINEL, name="sentinel.csv", source="sentinel-asb")
    assert run.created == 2, list(run.rows.values("problems"))
    referral = Referral.objects.get(external_id="SEN-0001")
    assert referral.route == "partner_agency"
    assert referral.source == "file:sentinel-asb"
    assert referral.referrer_risk_level == "high"
    assert referral.contact_method == "in_person"
    assert referral.consent_to_contact
    assert referral.received_at == dt.datetime(2026, 12, 4, 0, 0, tzinfo=LONDON)
    assert referral.person.local_authority == "Rutland"
    assert referral.person.date_of_birth == dt.date(1979, 8, 9)


def test_a_source_is_refused_for_a_contract_its_mapping_does_not_name(tmp_path, personas):
    from haven.referralimports.services import referrals_import_file
    from haven.testing.fixtures import profile_contract

    dv360 = profile_contract("opcc-dv360", personas.organisation)
    path = tmp_path / "police.csv"
    path.write_bytes(POLICE_REORDERED)
    run = referrals_import_file(
        path=path, contract=dv360, mapping=mapping_for("police-daily"), imported_by=None, now=NOW
    )
    assert run.status == RunStatus.REFUSED
    assert "not imported into" in run.file_problems[0]["reason"]
    assert Referral.objects.count() == 0


def test_every_run_is_audited_with_its_counts(import_file, personas):
    run = import_file(POLICE_SOME_BAD)
    event = AuditEvent.objects.get(action=AuditAction.IMPORT, object_id=str(run.pk))
    assert event.actor == personas.team_leader
    assert event.changes["created"] == 2
    assert event.changes["refused"] == 5
    refused = import_file(POLICE_NO_METHOD)
    assert AuditEvent.objects.filter(action=AuditAction.IMPORT, object_id=str(refused.pk)).exists()
