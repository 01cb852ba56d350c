"""`haven backup` and `haven restore`: an encrypted, chunked, integrity-checked copy of the
database (docs/deploy.md "Backups"; ADR 0019).

The copy: SQLite's online backup API (``sqlite3.Connection.backup``: a consistent snapshot
while Haven runs), PostgreSQL's ``pg_dump -Fc`` (restored by ``pg_restore --single-transaction``).

The file::

    HAVEN-BACKUP 1 <fingerprint of the backup key>\\n
    then chunks: a 4-byte big-endian length and a Fernet token of
        8-byte chunk number | 1-byte kind (0 header, 1 data, 2 trailer) | payload

Each chunk holds at most CHUNK bytes, so neither side needs the database in memory. Fernet
authenticates every chunk; the numbers stop reordering and dropping chunks; the trailer (the
SHA-256 and size of everything) stops truncation. Restore reads and checks the whole file into
a private temporary file first and changes the database only when every check has passed:
a wrong key or a damaged file is refused with a clear message and nothing restored.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import struct
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from cryptography.fernet import InvalidToken, MultiFernet
from django.conf import settings
from django.db import connections
from django.utils import timezone

from haven.core.encryption import key_fingerprint, multi_fernet

MAGIC = b"HAVEN-BACKUP 1 "
CHUNK = 1024 * 1024
HEADER, DATA, TRAILER = 0, 1, 2
_CHUNK_HEAD = struct.Struct(">QB")
_LENGTH = struct.Struct(">I")
MAX_TOKEN = 2 * CHUNK  # a token of a full chunk is about 1.4 MB: anything larger is damage


class BackupError(Exception):
    """A backup or restore refused, with a message fit for the operator (no data in it)."""


@dataclass(frozen=True)
class BackupInfo:
    vendor: str
    created_at: str
    size: int
    sha256: str


def _keys() -> tuple[MultiFernet, list[str]]:
    keys = list(settings.HAVEN_BACKUP_KEYS)
    return multi_fernet(keys, "HAVEN_BACKUP_KEYS"), [key_fingerprint(k) for k in keys]


def _vendor(alias: str = "default") -> str:
    return str(connections[alias].vendor)


@contextmanager
def _private_dir() -> Iterator[Path]:
    """A temporary directory only this user can read (it holds the unencrypted copy briefly)."""
    path = Path(tempfile.mkdtemp(prefix="haven-backup-"))
    try:
        path.chmod(0o700)
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


# -- writing ------------------------------------------------------------------------------------


class _Writer:
    def __init__(self, out: IO[bytes], fernet: MultiFernet) -> None:
        self.out, self.fernet, self.number = out, fernet, 0

    def chunk(self, kind: int, payload: bytes) -> None:
        token = self.fernet.encrypt(_CHUNK_HEAD.pack(self.number, kind) + payload)
        self.out.write(_LENGTH.pack(len(token)) + token)
        self.number += 1


def _encrypt_stream(source: IO[bytes], out_path: Path, vendor: str) -> BackupInfo:
    fernet, fingerprints = _keys()
    digest, size = hashlib.sha256(), 0
    created = timezone.now().isoformat()
    partial = out_path.with_name(out_path.name + ".partial")
    try:
        with partial.open("wb") as out:
            os.chmod(partial, 0o600)
            out.write(MAGIC + fingerprints[0].encode("ascii") + b"\n")
            writer = _Writer(out, fernet)
            header = {"format": 1, "vendor": vendor, "created_at": created, "chunk": CHUNK}
            writer.chunk(HEADER, json.dumps(header).encode())
            while block := source.read(CHUNK):
                digest.update(block)
                size += len(block)
                writer.chunk(DATA, block)
            trailer = {"size": size, "sha256": digest.hexdigest(), "chunks": writer.number - 1}
            writer.chunk(TRAILER, json.dumps(trailer).encode())
            out.flush()
            os.fsync(out.fileno())
        partial.replace(out_path)  # a backup file is complete or absent
    finally:
        partial.unlink(missing_ok=True)
    return BackupInfo(vendor, created, size, digest.hexdigest())


def _pg_args(
    alias: str = "default", db_settings: dict[str, Any] | None = None
) -> tuple[list[str], dict[str, str]]:
    db: dict[str, Any] = dict(db_settings or settings.DATABASES[alias])
    args: list[str] = []
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            args += [flag, str(db[key])]
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return [*args, "--dbname", str(db["NAME"])], env


def _need(program: str) -> str:
    found = shutil.which(program)
    if not found:
        raise BackupError(
            f"{program} is not installed: install the PostgreSQL client tools of the server's "
            "version (Debian: apt-get install postgresql-client) to back up or restore PostgreSQL"
        )
    return found


def backup(out_path: Path, alias: str = "default") -> BackupInfo:
    """Write an encrypted backup of the database to ``out_path``."""
    vendor = _vendor(alias)
    if connections[alias].in_atomic_block:
        # SQLite's backup would wait for this transaction forever; either would copy
        # uncommitted rows
        raise BackupError("a backup cannot be made inside a database transaction")
    if vendor == "sqlite":
        with _private_dir() as tmp:
            copy = tmp / "copy.sqlite3"
            connections[alias].ensure_connection()
            source = connections[alias].connection  # Django's own: a file or in memory
            target = sqlite3.connect(str(copy))
            try:
                source.backup(target)  # the online backup API: a consistent snapshot
            finally:
                target.close()
            with copy.open("rb") as stream:
                return _encrypt_stream(stream, out_path, vendor)
    if vendor == "postgresql":
        args, env = _pg_args(alias)
        dump = subprocess.Popen(  # noqa: S603 - fixed program, arguments from settings
            [_need("pg_dump"), "-Fc", "--no-owner", "--no-privileges", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        assert dump.stdout is not None
        try:
            info = _encrypt_stream(dump.stdout, out_path, vendor)
        finally:
            _, errors = dump.communicate()
        if dump.returncode != 0:
            out_path.unlink(missing_ok=True)
            raise BackupError(f"pg_dump failed ({dump.returncode}): {errors.decode()[-500:]}")
        return info
    raise BackupError(f"backups of {vendor} databases are not supported (SQLite or PostgreSQL)")


# -- reading ------------------------------------------------------------------------------------


def _damaged(where: str) -> BackupError:
    return BackupError(f"the backup file is damaged or incomplete ({where}): nothing was restored")


def decrypt_to(in_path: Path, out: IO[bytes]) -> dict[str, Any]:
    """Check and decrypt the whole backup into ``out``; the header. Raises BackupError naming
    the problem (wrong key, damage, truncation) before anything is restored."""
    fernet, fingerprints = _keys()
    try:
        source = in_path.open("rb")
    except OSError as exc:
        raise BackupError(f"cannot read {in_path}: {exc.strerror}") from exc
    with source:
        first = source.readline(200)
        if not first.startswith(MAGIC) or not first.endswith(b"\n"):
            raise BackupError(f"{in_path} is not a Haven backup file")
        made_with = first[len(MAGIC) :].strip().decode("ascii", "replace")
        header: dict[str, Any] = {}
        digest, size, number = hashlib.sha256(), 0, 0
        while True:
            length_bytes = source.read(_LENGTH.size)
            if not length_bytes:
                raise _damaged("it ends before its closing check")
            if len(length_bytes) < _LENGTH.size:
                raise _damaged(f"chunk {number} is cut short")
            (length,) = _LENGTH.unpack(length_bytes)
            if length > MAX_TOKEN:
                raise _damaged(f"chunk {number} has an impossible length")
            token = source.read(length)
            if len(token) < length:
                raise _damaged(f"chunk {number} is cut short")
            try:
                plain = fernet.decrypt(token)
            except InvalidToken:
                if number == 0 and made_with not in fingerprints:
                    raise BackupError(
                        f"wrong key: this backup was made with backup key {made_with}, and "
                        f"HAVEN_BACKUP_KEYS holds {', '.join(fingerprints)}; nothing was restored"
                    ) from None
                raise _damaged(f"chunk {number} fails its integrity check") from None
            seen, kind = _CHUNK_HEAD.unpack(plain[: _CHUNK_HEAD.size])
            payload = plain[_CHUNK_HEAD.size :]
            if seen != number or (number == 0) != (kind == HEADER):
                raise _damaged(f"chunk {number} is out of order")
            if kind == HEADER:
                header = json.loads(payload)
            elif kind == DATA:
                digest.update(payload)
                size += len(payload)
                out.write(payload)
            elif kind == TRAILER:
                trailer = json.loads(payload)
                if trailer != {"size": size, "sha256": digest.hexdigest(), "chunks": number - 1}:
                    raise _damaged("the closing check does not match the content")
                if source.read(1):
                    raise _damaged("there is data after its closing check")
                return header
            else:
                raise _damaged(f"chunk {number} is of an unknown kind")
            number += 1


def restore(in_path: Path, alias: str = "default") -> dict[str, Any]:
    """Replace the database with the backup's content, all or nothing; the backup's header."""
    vendor = _vendor(alias)
    with _private_dir() as tmp:
        plain = tmp / "restore"
        with plain.open("wb") as out:
            header = decrypt_to(in_path, out)
        if header.get("vendor") != vendor:
            raise BackupError(
                f"this is a {header.get('vendor')} backup and the database is {vendor}: "
                "nothing was restored"
            )
        if vendor == "sqlite":
            _restore_sqlite(plain, alias)
        else:
            _restore_postgresql(plain, alias)
    return header


def _restore_sqlite(plain: Path, alias: str) -> None:
    source = sqlite3.connect(f"file:{plain}?mode=ro", uri=True)
    try:
        try:
            ok = source.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            tables = {r[0] for r in source.execute("SELECT name FROM sqlite_master")}
        except sqlite3.DatabaseError:
            ok, tables = False, set()
        if not ok or "django_migrations" not in tables:
            raise BackupError("the backup holds no usable Haven database: nothing was restored")
        connections[alias].close()
        target = sqlite3.connect(str(settings.DATABASES[alias]["NAME"]))
        try:
            # one step: the copy is written in a single transaction of the target database
            source.backup(target, pages=-1)
        finally:
            target.close()
    finally:
        source.close()


def _restore_postgresql(plain: Path, alias: str, db_settings: dict[str, Any] | None = None) -> None:
    """``db_settings``: another database than the alias's (a test restores into a fresh one)."""
    args, env = _pg_args(alias, db_settings)
    connections[alias].close()
    done = subprocess.run(  # noqa: S603 - fixed program, arguments from settings
        [
            _need("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",  # all or nothing
            "--exit-on-error",
            *args,
            str(plain),
        ],
        capture_output=True,
        env=env,
        check=False,
    )
    if done.returncode != 0:
        raise BackupError(
            f"pg_restore failed ({done.returncode}), the database is unchanged: "
            f"{done.stderr.decode()[-500:]}"
        )
