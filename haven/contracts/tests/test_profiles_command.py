"""`haven profiles validate` reports file:line, field and reason, and exits 2."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def haven(*args):
    return subprocess.run(
        [sys.executable, "-c", "from haven.cli import main; main()", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_validate_accepts_every_shipped_profile():
    result = haven("profiles", "validate")
    assert result.returncode == 0, result.stderr
    assert "9 profile(s) valid" in result.stdout


def test_validate_reports_file_line_field_and_reason_for_a_broken_profile(tmp_path):
    source = (ROOT / "haven/contracts/profiles/target-hardening-2018.yaml").read_text()
    broken = tmp_path / "target-hardening-2018.yaml"
    lines = source.splitlines()
    number = next(i for i, line in enumerate(lines) if line.strip().startswith("timezone:"))
    lines[number] = "timezone: Europe/Atlantis"
    broken.write_text("\n".join(lines) + "\n")
    result = haven("profiles", "validate", str(broken))
    assert result.returncode == 2
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"{broken}:{number + 1}:")
    assert "timezone" in first


def test_haven_help_lists_the_haven_commands():
    result = haven("--help")
    assert result.returncode == 0
    for command in ("demo", "profiles", "sla", "workbook"):
        assert command in result.stdout
