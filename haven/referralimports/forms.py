"""The upload form: which service and source, and the file (CSV or XLSX)."""

from __future__ import annotations

from typing import Any

from django import forms

from haven.govuk.forms import GovukForm, GovukRadiosField
from haven.govuk.forms.file_upload import GovukFileField

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
KINDS = {".csv": None, ".xlsx": b"PK\x03\x04"}


class UploadForm(GovukForm):
    route = GovukRadiosField(
        label="Which file is it?",
        error_messages={"required": "Select the service and where the file comes from"},
    )
    upload = GovukFileField(
        label="Referral file",
        hint="A CSV or Excel (.xlsx) file of up to 20 MB, with the column headings in row 1",
        error_messages={"required": "Select the referral file"},
    )

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["route"]
        field.choices = choices  # type: ignore[attr-defined]
        if len(choices) == 1:
            field.initial = choices[0][0]

    def clean_upload(self) -> Any:
        upload = self.cleaned_data["upload"]
        name = str(upload.name).lower()
        suffix = next((s for s in KINDS if name.endswith(s)), None)
        if suffix is None:
            raise forms.ValidationError("The selected file must be a CSV or XLSX file")
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("The selected file must be smaller than 20 MB")
        if upload.size == 0:
            raise forms.ValidationError("The selected file is empty")
        head = upload.read(4)
        upload.seek(0)
        magic = KINDS[suffix]
        if magic is not None and head != magic:
            raise forms.ValidationError(f"The selected file is not a real {suffix[1:]} file")
        if magic is None and head.startswith(b"PK"):
            raise forms.ValidationError("The selected file is not a CSV file")
        return upload
