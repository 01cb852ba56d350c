from django import forms
from django.forms.renderers import get_default_renderer

from haven.govuk.forms import GovukForm, GovukTextField
from haven.govuk.renderers import GovukFormRenderer


class MixedForm(GovukForm):
    name = GovukTextField(label="Name")
    plain = forms.CharField(label="Plain")
    secret = forms.CharField(widget=forms.HiddenInput, required=False)


def test_settings_use_the_govuk_renderer():
    assert isinstance(get_default_renderer(), GovukFormRenderer)


def test_plain_django_fields_fall_back_to_djangos_own_templates():
    html = str(MixedForm()["plain"].as_field_group())
    assert '<label for="id_plain">Plain:</label>' in html
    assert 'name="plain"' in html


def test_whole_form_renders_each_field_component_and_hidden_fields():
    html = str(MixedForm())
    assert html.count('class="govuk-form-group"') == 1
    assert 'type="hidden" name="secret"' in html
    assert 'name="plain"' in html
