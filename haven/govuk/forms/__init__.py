"""Design-system form fields: pages render ``{{ form.field.as_field_group() }}``.

Each field kind lives in its own module; import them from here.
"""

from haven.govuk.forms.base import GovukBoundField, GovukFieldMixin
from haven.govuk.forms.checkboxes import GovukCheckboxesField
from haven.govuk.forms.date import GovukDateField, GovukDateTimeField
from haven.govuk.forms.form import GovukForm, GovukFormMixin, GovukModelForm
from haven.govuk.forms.radios import GovukModelRadiosField, GovukRadiosField, GovukTypedRadiosField
from haven.govuk.forms.select import GovukModelSelectField, GovukSelectField, GovukTypedSelectField
from haven.govuk.forms.text_input import GovukEmailField, GovukIntegerField, GovukTextField
from haven.govuk.forms.textarea import GovukTextareaField

__all__ = [
    "GovukBoundField",
    "GovukCheckboxesField",
    "GovukDateField",
    "GovukDateTimeField",
    "GovukEmailField",
    "GovukFieldMixin",
    "GovukForm",
    "GovukFormMixin",
    "GovukIntegerField",
    "GovukModelForm",
    "GovukModelRadiosField",
    "GovukModelSelectField",
    "GovukRadiosField",
    "GovukSelectField",
    "GovukTextField",
    "GovukTextareaField",
    "GovukTypedRadiosField",
    "GovukTypedSelectField",
]
