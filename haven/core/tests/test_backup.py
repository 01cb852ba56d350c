"""`haven backup` / `haven restore`: encrypted, all or nothing (issue 15 item 6)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.conf import settings
from django.db import connection
from django.test import override_settings

from haven.core import backup as backup_module
from haven.core.backup import MAGIC, BackupError, backup, decrypt_to, restore
from haven.people.models import Person
from haven.people.services import person_create

from .subprocess_db import copy_test_database, haven, needs_sqlite, sample_rows, table_counts

OTHER_KEY = Fernet.generate_key().decode()


def _people(personas, count=3):
    return [
        person_create(
            created_by=personas.caseworker,
            details={
                "given_name": f"Backup{n}",
                "family_name": "Synthetic",
                "phone": f"0770090{n}",
            },
        )
        for n in range(count)
    ]


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_a_backup_restores_into_a_fresh_database_with_every_table_and_row(personas, tmp_path):
    """SQLite: the online backup API, through the commands, into a database that did not exist."""
    needs_sqlite()
    _people(personas)
    source = copy_test_database(tmp_path / "live.sqlite3")
    out = tmp_path / "haven.backup"
    made = haven(source, "backup", "--out", str(out))
    assert made.returncode == 0, made.stderr
    assert out.read_bytes().startswith(MAGIC)
    assert b"Backup0" not in out.read_bytes()  # encrypted: not even the names show
    assert oct(out.stat().st_mode & 0o777) == "0o600"

    fresh = tmp_path / "fresh.sqlite3"
    restored = haven(fresh, "restore", str(out))
    assert restored.returncode == 0, restored.stderr
    counts = table_counts(source)
    assert table_counts(fresh) == counts
    assert counts["people_person"] == 3
    assert counts["django_migrations"] > 0
    for table in counts:
        assert sample_rows(fresh, table) == sample_rows(source, table), table


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_backup_made_with_another_key_and_changes_nothing(personas, tmp_path):
    _people(personas)
    out = tmp_path / "haven.backup"
    with override_settings(HAVEN_BACKUP_KEYS=[OTHER_KEY]):
        backup(out)
    with pytest.raises(BackupError, match="wrong key: this backup was made with backup key"):
        restore(out)
    assert Person.objects.count() == 3


@pytest.mark.django_db(transaction=True)
def test_an_older_backup_key_still_opens_old_backups(tmp_path):
    """Rotating the backup key: the old key stays listed (after the new) to read old backups."""
    out = tmp_path / "haven.backup"
    backup(out)
    keys = [OTHER_KEY, *settings.HAVEN_BACKUP_KEYS]
    with override_settings(HAVEN_BACKUP_KEYS=keys), (tmp_path / "plain").open("wb") as plain:
        assert decrypt_to(out, plain)["vendor"] == connection.vendor


def _damage(path: Path, at: float) -> None:
    data = bytearray(path.read_bytes())
    index = int(len(data) * at)
    data[index] ^= 0x55
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("at", [0.3, 0.6, 0.99])
@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_damaged_file_and_changes_nothing(personas, tmp_path, at):
    _people(personas)
    out = tmp_path / "haven.backup"
    backup(out)
    _damage(out, at)
    with pytest.raises(BackupError, match=r"damaged or incomplete.*nothing was restored"):
        restore(out)
    assert Person.objects.count() == 3


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_cut_short_file(personas, tmp_path):
    out = tmp_path / "haven.backup"
    backup(out)
    cut = tmp_path / "cut.backup"
    cut.write_bytes(out.read_bytes()[: out.stat().st_size // 2])
    with pytest.raises(BackupError, match="damaged or incomplete"):
        restore(cut)
    # the whole file minus its closing check (whole chunks only) is refused too
    data = out.read_bytes()
    cut.write_bytes(data[: data.rindex(b"gAAAA") - 4])
    with pytest.raises(BackupError, match="damaged or incomplete"):
        restore(cut)


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path):
    other = tmp_path / "notes.txt"
    other.write_text("Synthetic: not a backup")
    with pytest.raises(BackupError, match="is not a Haven backup file"):
        restore(other)


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_the_restore_command_says_why_it_refused_and_exits_2(personas, tmp_path):
    needs_sqlite()
    source = copy_test_database(tmp_path / "live.sqlite3")
    out = tmp_path / "haven.backup"
    assert haven(source, "backup", "--out", str(out)).returncode == 0
    _damage(out, 0.5)
    before = table_counts(source)
    refused = haven(source, "restore", str(out))
    assert refused.returncode == 2
    assert "Restore refused: the backup file is damaged or incomplete" in refused.stderr
    assert table_counts(source) == before


POSTGRES_TOOLS = shutil.which("pg_dump") and shutil.which("pg_restore")


@pytest.mark.slow
@pytest.mark.skipif(not POSTGRES_TOOLS, reason="pg_dump/pg_restore are not installed")
@pytest.mark.django_db(transaction=True)
def test_postgresql_backup_restores_into_a_fresh_database(personas, tmp_path):
    """pg_dump -Fc, encrypted, then pg_restore --single-transaction into a new database."""
    if connection.vendor != "postgresql":
        pytest.skip("runs when the suite runs on PostgreSQL (DATABASE_URL=postgres://...)")
    _people(personas)
    out = tmp_path / "haven.backup"
    backup(out)
    settings_dict = connection.settings_dict
    fresh = f"{settings_dict['NAME']}_restored"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{fresh}"')
        cursor.execute(f'CREATE DATABASE "{fresh}"')
    try:
        fresh_settings = {**connection.settings_dict, "NAME": fresh}
        backup_module._restore_postgresql(_plain_of(out, tmp_path), "default", fresh_settings)
        counts = _pg_counts(settings_dict, settings_dict["NAME"])
        assert _pg_counts(settings_dict, fresh) == counts
        assert counts["people_person"] == 3
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{fresh}"')


def _plain_of(out: Path, tmp_path: Path) -> Path:
    plain = tmp_path / "dump"
    with plain.open("wb") as sink:
        decrypt_to(out, sink)
    return plain


def _pg_counts(settings_dict, name):
    import psycopg

    with psycopg.connect(
        dbname=name,
        host=settings_dict.get("HOST") or None,
        port=settings_dict.get("PORT") or None,
        user=settings_dict.get("USER") or None,
        password=settings_dict.get("PASSWORD") or None,
    ) as db:
        tables = [
            row[0]
            for row in db.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
            )
        ]
        return {t: db.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}  # noqa: S608


def test_pg_dump_missing_is_said_clearly(monkeypatch):
    monkeypatch.setattr(backup_module.shutil, "which", lambda name: None)
    with pytest.raises(BackupError, match="pg_dump is not installed"):
        backup_module._need("pg_dump")
