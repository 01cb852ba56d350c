"""Synthetic referral files in each source's shape (Faker, en_GB): the demo's files and the
samples in samples/. Pure: no Django. The tests' own fixtures are written by hand instead
(tests/files.py), so the reader is tested against shapes this generator does not make."""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path
from typing import Any

from faker import Faker

LLR_TOWNS = (
    ("Leicester", "LE1"),
    ("Leicester", "LE4"),
    ("Loughborough", "LE11"),
    ("Hinckley", "LE10"),
    ("Melton Mowbray", "LE13"),
    ("Oakham", "LE15"),
    ("Market Harborough", "LE16"),
)
POLICE_METHODS = (
    ("Home Telephone", 2),
    ("Mobile Telephone", 8),
    ("Work Telephone", 1),
    ("Email", 2),
    ("In Person", 1),
    ("Post", 1),
    ("SMS text", 2),
)
OFFENCES = ("Burglary dwelling", "Theft from person", "Criminal damage", "Assault", "Fraud")
ASB = ("Noise nuisance", "Harassment", "Intimidation", "Vandalism")
POLICE_HEADERS = [
    "Crime reference",
    "Date referred",
    "Offence date",
    "Forename",
    "Surname",
    "Date of birth",
    "Address",
    "Town",
    "Postcode",
    "Telephone",
    "Email",
    "Contact method",
    "Risk",
    "Offence",
]
SENTINEL_HEADERS = [
    "Sentinel ID",
    "Referral date",
    "Victim first name",
    "Victim surname",
    "Victim DOB",
    "Address",
    "Town",
    "Postcode",
    "Local authority",
    "Phone",
    "Email",
    "Preferred contact",
    "Consent to referral",
    "Referring officer",
    "ASB type",
]


def _person(fake: Faker, rng: random.Random) -> dict[str, Any]:
    town, district = rng.choice(LLR_TOWNS)
    given = fake.first_name_female() if rng.random() < 0.6 else fake.first_name_male()
    return {
        "given": given,
        "family": fake.last_name(),
        "dob": fake.date_of_birth(minimum_age=18, maximum_age=85),
        "address": fake.street_address().replace("\n", ", "),
        "town": town,
        "postcode": f"{district} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
        f"{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}",
        "phone": f"07700 900{rng.randint(0, 999):03d}",  # Ofcom's drama numbers
        "email": f"{given.lower()}.{rng.randint(10, 99)}@example.org",
    }


def police_rows(seed: int, day: dt.date, count: int) -> list[list[str]]:
    """One day's police download: victims who accepted the offer of referral (seed 002 s3.7)."""
    rng = random.Random(seed)
    fake = Faker("en_GB")
    fake.seed_instance(seed)
    methods, weights = zip(*POLICE_METHODS, strict=True)
    rows = []
    for n in range(count):
        person = _person(fake, rng)
        referred = dt.datetime.combine(day, dt.time(rng.randint(7, 18), rng.randint(0, 59)))
        offence = referred - dt.timedelta(hours=rng.randint(2, 96))
        rows.append(
            [
                f"LP/{day:%y%m%d}/{n + 1:04d}",
                f"{referred:%d/%m/%Y %H:%M}",
                f"{offence:%d/%m/%Y %H:%M}",
                person["given"],
                person["family"],
                f"{person['dob']:%d/%m/%Y}",
                person["address"],
                person["town"],
                person["postcode"],
                person["phone"],
                person["email"],
                rng.choices(methods, weights=weights)[0],
                rng.choices(("Standard", "Medium", "High"), weights=(6, 3, 1))[0],
                rng.choice(OFFENCES),
            ]
        )
    return rows


def sentinel_rows(seed: int, day: dt.date, count: int) -> list[list[str]]:
    """Sentinel's standard referral format: high-risk ASB referrals (seed 002 s3.6)."""
    rng = random.Random(seed)
    fake = Faker("en_GB")
    fake.seed_instance(seed)
    rows = []
    for n in range(count):
        person = _person(fake, rng)
        referred = dt.datetime.combine(day, dt.time(rng.randint(8, 17), rng.randint(0, 59)))
        rows.append(
            [
                f"SEN-{day:%Y}-{seed % 1000:03d}{n + 1:03d}",
                f"{referred:%d/%m/%Y %H:%M}",
                person["given"],
                person["family"],
                f"{person['dob']:%d/%m/%Y}",
                person["address"],
                person["town"],
                person["postcode"],
                "Rutland" if person["town"] == "Oakham" else "Leicestershire",
                person["phone"],
                person["email"],
                rng.choice(("Mobile", "Home phone", "Email", "Letter", "Text")),
                "Yes",
                f"PC {fake.last_name()}",
                rng.choice(ASB),
            ]
        )
    return rows


def write_csv(path: Path, headers: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        writer.writerows(rows)
    return path


def write_xlsx(path: Path, headers: list[str], rows: list[list[Any]]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def write_samples(folder: Path, day: dt.date) -> list[Path]:
    """The files in samples/ (`python -m haven.referralimports.generate` rewrites them)."""
    folder.mkdir(parents=True, exist_ok=True)
    return [
        write_csv(folder / "police-daily.csv", POLICE_HEADERS, police_rows(2018, day, 12)),
        write_xlsx(folder / "police-daily.xlsx", POLICE_HEADERS, police_rows(2019, day, 8)),
        write_csv(folder / "sentinel-asb.csv", SENTINEL_HEADERS, sentinel_rows(2020, day, 5)),
    ]


SAMPLES = Path(__file__).parent / "samples"


def sample_paths() -> list[Path]:
    return sorted(SAMPLES.glob("*.csv")) + sorted(SAMPLES.glob("*.xlsx"))


if __name__ == "__main__":  # pragma: no cover
    for written in write_samples(SAMPLES, dt.date(2026, 12, 1)):
        print(written)
