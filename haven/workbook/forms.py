"""The upload form (a police export) and the identity review decision."""

from __future__ import annotations

from typing import Any

from django import forms

from haven.govuk.forms import GovukForm, GovukModelRadiosField, GovukRadiosField
from haven.govuk.forms.file_upload import GovukFileField

MAX_UPLOAD_BYTES = 50 * 1024 * 1024
KINDS = {".csv": None, ".xlsx": b"PK\x03\x04", ".parquet": b"PAR1"}
IDENTITY_CHOICES = [
    ("auto", "Police nominal id, and matching by name and date of birth where it is missing"),
    ("exact", "Police nominal id only"),
    ("fuzzy", "Matching by name, date of birth and postcode only"),
]


class UploadForm(GovukForm):
    contract = GovukModelRadiosField(
        queryset=None,
        label="Which service is the export for?",
        error_messages={"required": "Select the service the export is for"},
    )
    export = GovukFileField(
        label="Police incident export",
        hint="A CSV, Excel (.xlsx) or Parquet file of up to 50 MB",
        error_messages={"required": "Select the police incident export"},
    )
    identity = GovukRadiosField(
        label="How should victims be matched across incidents?",
        choices=IDENTITY_CHOICES,
        initial="auto",
        error_messages={"required": "Select how victims should be matched"},
    )

    def __init__(self, *args: Any, contracts: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["contract"]
        field.queryset = contracts  # type: ignore[attr-defined]
        if len(contracts) == 1:
            field.initial = contracts[0].pk

    def clean_export(self) -> Any:
        upload = self.cleaned_data["export"]
        name = str(upload.name).lower()
        suffix = next((s for s in KINDS if name.endswith(s)), None)
        if suffix is None:
            raise forms.ValidationError("The selected file must be a CSV, XLSX or Parquet file")
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("The selected file must be smaller than 50 MB")
        if upload.size == 0:
            raise forms.ValidationError("The selected file is empty")
        head = upload.read(4)
        upload.seek(0)
        magic = KINDS[suffix]
        if magic is not None and head != magic:
            raise forms.ValidationError(f"The selected file is not a real {suffix[1:]} file")
        if magic is None and (head.startswith(b"PK") or head.startswith(b"PAR1")):
            raise forms.ValidationError("The selected file is not a CSV file")
        return upload


NEW_PERSON = "new"
NEW_PERSON_CHECKED = "new-checked"


class ReviewForm(GovukForm):
    decision = GovukRadiosField(
        label="Who is the victim of this incident?",
        error_messages={"required": "Select who the victim is"},
    )

    def __init__(
        self, *args: Any, candidates: list[tuple[str, str]], restricted: int = 0, **kwargs: Any
    ) -> None:
        """``restricted``: candidates restricted for this reviewer, not offered; a new person
        then needs the acknowledgement that a named worker or manager ruled them out."""
        super().__init__(*args, **kwargs)
        new = (
            (
                NEW_PERSON_CHECKED,
                "None of these: a new person (a named worker or my manager has confirmed "
                "the restricted record is someone else)",
            )
            if restricted
            else (NEW_PERSON, "None of these: a new person")
        )
        self.fields["decision"].choices = [*candidates, new]  # type: ignore[attr-defined]
