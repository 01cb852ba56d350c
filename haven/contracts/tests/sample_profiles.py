"""Small inline profiles for tests: Victim First's first-contact rules (seed 002 s3.2, s3.7)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

VICTIM_FIRST_YAML = """\
slug: victim-first-test
name: Victim First (test)
seed: 002_5f1fd7eba8161a3a.txt
document: {title: "Victim First service specification", year: 2018}
commissioner:
  name: Office of the Police and Crime Commissioner for Leicestershire
  citation: seed 002 s1
area: [Leicester, Leicestershire, Rutland]
service_types: [helpline, outreach]
contract_year_start: "04-01"
reporting:
  frequency: quarterly
  due: {months: 1}
  citation: seed 002 s16
opening_hours:
  citation: seed 002 s3.2
  weekly:
    mon: [["09:00", "18:00"]]
    tue: [["09:00", "18:00"]]
    wed: [["09:00", "20:00"]]
    thu: [["09:00", "18:00"]]
    fri: [["09:00", "18:00"]]
    sat: [["09:00", "18:00"]]
    sun: []
  bank_holidays: closed
clock_starts_at_opening: true
contact_methods: [home_phone, mobile_phone, work_phone, email, in_person, post, sms]
eligibility:
  citation: seed 002 s3.1
deadlines:
  - key: first_contact_phone
    label: Telephone contact within 48 hours
    start: received
    duration: {hours: 48}
    attempts: 3
    action: phone_contact
    when: {method: [home_phone, mobile_phone, work_phone]}
    citation: seed 002 s3.7
  - key: first_contact_phone_enhanced
    label: Telephone contact within 24 hours for high risk
    start: received
    duration: {hours: 24}
    attempts: 3
    action: phone_contact
    when: {method: [home_phone, mobile_phone, work_phone], risk: [high]}
    supersedes: first_contact_phone
    citation: seed 002 s3.7
  - key: first_contact_email
    label: Email sent on the day received
    start: received
    duration: {same_day: true}
    action: email_sent
    when: {method: [email]}
    citation: seed 002 s3.7
  - key: in_person_visit_letter
    label: Letter on the day of referral giving a home visit time
    start: received
    duration: {same_day: true}
    action: letter_sent
    when: {method: [in_person]}
    citation: seed 002 s3.7
  - key: in_person_visit
    label: Home visit within the next 5 working days
    start: received
    duration: {working_days: 5}
    action: visit_done
    when: {method: [in_person]}
    citation: seed 002 s3.7
schedules:
  - key: needs_assessment
    label: Needs assessment within 5 working days of first contact
    start: first_contact
    duration: {working_days: 5}
    action: needs_assessment
    citation: seed 002 s3.8
"""

# seed 000 s5: DV 360 phones within 24 hours of the police incident, whatever the hours.
DV360_YAML = """\
slug: dv360-test
name: DV 360 (test)
seed: 000_2f1846c35ff0c15c.txt
document: {title: "CON777 Domestic Violence 360 Support service specification", year: 2016}
commissioner: {name: OPCC for Leicestershire, citation: seed 000 s1}
area: [Leicester]
service_types: [secondary_responder]
contract_year_start: "04-01"
reporting: {frequency: quarterly, due: {months: 1}, citation: seed 000 s13}
opening_hours:
  citation: seed 000 s5
  weekly:
    mon: [["10:00", "21:00"]]
    tue: [["10:00", "21:00"]]
    wed: [["10:00", "21:00"]]
    thu: [["10:00", "21:00"]]
    fri: [["10:00", "21:00"]]
    sat: [["10:00", "19:00"]]
    sun: [["10:00", "19:00"]]
  bank_holidays: weekend_hours
clock_starts_at_opening: false
eligibility: {citation: seed 000 s5}
deadlines:
  - key: first_contact_phone
    label: Phone the victim within 24 hours of the incident
    start: incident
    duration: {hours: 24}
    action: phone_contact
    citation: seed 000 s5
"""

# seed 003 s6.1: Wokingham answers every enquiry within 2 working days; no opening hours (24/7).
WOKINGHAM_YAML = """\
slug: wokingham-test
name: Wokingham (test)
seed: 003_456a817c83c47073.txt
document: {title: "Wokingham Borough Council Domestic Abuse Service specification", year: 2017}
commissioner: {name: Wokingham Borough Council, citation: seed 003 s5}
area: [Wokingham]
service_types: [helpline, outreach]
contract_year_start: "07-01"
reporting: {frequency: quarterly, due: {days: 21}, citation: seed 003 s14}
eligibility: {citation: seed 003 s8}
deadlines:
  - key: enquiry_response
    label: All enquiries responded to within 2 working days
    start: received
    duration: {working_days: 2}
    action: contact_any
    citation: seed 003 s6.1
"""


def victim_first_data() -> dict[str, Any]:
    """A fresh, valid profile as Python data, ready to break in one place."""
    data: dict[str, Any] = yaml.safe_load(VICTIM_FIRST_YAML)
    return copy.deepcopy(data)


def write_profile(directory: Path, text: str, stem: str | None = None) -> Path:
    """Write YAML to <directory>/<slug>.yaml (or <stem>.yaml) and return the path."""
    stem = stem or str(yaml.safe_load(text)["slug"])
    path = directory / f"{stem}.yaml"
    path.write_text(text, encoding="utf-8")
    return path
