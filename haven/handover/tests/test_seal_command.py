"""`haven handover seal DIR` writes the manifest of a hand-made bundle (issue 15 item 9)."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from haven.handover.reading import read_bundle
from haven.handover.tests.support import copy_example


def test_sealing_counts_the_lines_and_hashes_every_file(tmp_path: Path) -> None:
    bundle = copy_example(tmp_path / "bundle")
    (bundle / "manifest.json").unlink()
    out = StringIO()
    call_command("handover", "seal", str(bundle), stdout=out)
    manifest = json.loads((bundle / "manifest.json").read_text())
    assert manifest["contract"]["slug"] == "victim-first-2018"
    assert manifest["types"]["people.person"]["count"] == 3
    assert "people.person: 3" in out.getvalue()
    assert read_bundle(bundle).problems == []


def test_sealing_without_the_contract_record_names_the_file(tmp_path: Path) -> None:
    bundle = copy_example(tmp_path / "bundle")
    (bundle / "records" / "contracts.contract.jsonl").unlink()
    with pytest.raises(CommandError, match=r"contracts\.contract\.jsonl"):
        call_command("handover", "seal", str(bundle))


def test_the_docs_subcommand_prints_the_reference() -> None:
    out = StringIO()
    call_command("handover", "docs", stdout=out)
    assert "#### casework.case" in out.getvalue()
