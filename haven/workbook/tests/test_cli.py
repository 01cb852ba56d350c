"""`haven workbook INPUT ...`: summary on stdout, progress on stderr, exit codes. The CLI sets
Django up (the pseudonym key is a setting), so its tests live here, not with the pure engine."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from haven.workbook.cli import workbook_command
from haven.workbook.engine.tests.exports import Row, incident, write_csv

AS_OF = ["--as-of", "2030-01-01T00:00:00+00:00"]


def _export(tmp_path: Path, extra: Sequence[Row] = ()) -> Path:
    rows = [incident(f"I{n}", f"2026-01-0{n} 10:00") for n in (1, 2, 3)]
    return write_csv(tmp_path / "export.csv", [*rows, *extra])


def _run(argv: list[str]) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    status = workbook_command(argv, stdout, stderr)
    return status, stdout.getvalue(), stderr.getvalue()


def test_cli_writes_the_output_and_prints_the_summary(tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    status, stdout, stderr = _run([str(_export(tmp_path)), "--out", str(out), *AS_OF])
    assert status == 0
    assert out.exists()
    assert "rows read: 3" in stdout
    assert "eligible: 1" in stdout
    assert f"written: {out}" in stdout
    assert "applying the rule (duckdb)" in stderr


def test_cli_reports_invalid_rows_and_strict_exits_non_zero(tmp_path: Path) -> None:
    source = _export(tmp_path, [incident("BAD", "2026-02-30 10:00")])
    status, stdout, _ = _run([str(source), *AS_OF])
    assert status == 0
    assert "row 5 (BAD): invalid: reported_at: cannot read '2026-02-30 10:00'" in stdout
    assert "invalid: 1" in stdout
    status, _, stderr = _run([str(source), "--strict", *AS_OF])
    assert status == 1
    assert "--strict: 1 invalid row(s)" in stderr


def test_cli_uses_the_contract_profile_and_falls_back_when_it_is_missing(tmp_path: Path) -> None:
    source = str(_export(tmp_path))
    assert _run([source, "--contract", "opcc-dv360", *AS_OF])[0] == 0
    status, stdout, _ = _run([source, "--contract", "not-yet-written", *AS_OF])
    assert status == 0
    assert "eligible: 1" in stdout


def test_cli_refuses_an_unusable_input_without_a_traceback(tmp_path: Path) -> None:
    status, _, stderr = _run([str(tmp_path / "missing.csv"), *AS_OF])
    assert status == 2
    assert "no such file" in stderr
    assert "Traceback" not in stderr


def test_cli_reports_a_bad_mapping_file(tmp_path: Path) -> None:
    mapping = tmp_path / "map.yaml"
    mapping.write_text("columns: [oops]\n", encoding="utf-8")
    status, _, stderr = _run([str(_export(tmp_path)), "--mapping", str(mapping), *AS_OF])
    assert status == 2
    assert "columns: expected a mapping" in stderr


def test_cli_refuses_an_unknown_engine(tmp_path: Path) -> None:
    status, _, stderr = _run([str(_export(tmp_path)), "--engine", "oracle"])
    assert status == 2
    assert "invalid choice" in stderr
