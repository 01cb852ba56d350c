"""A GOV.UK file upload: ``GovukFileField`` (the form needs ``enctype="multipart/form-data"``)."""

from __future__ import annotations

from django import forms

from haven.govuk.forms.base import GovukFieldMixin


class GovukFileField(GovukFieldMixin, forms.FileField):
    """One file. Missing: "Select <label>"."""

    govuk_template = "govuk/fields/file_upload.html"
    required_verb = "Select"
