from django.template import engines
from django.test import override_settings

from haven.govuk.forms import GovukForm, GovukTextField


def render_string(source, **context):
    return engines["jinja2"].from_string(source).render(context)


def test_govuk_frontend_macros_are_importable():
    html = render_string(
        '{% from "govuk_frontend_jinja/components/button/macro.html" import govukButton %}'
        '{{ govukButton({"text": "Save and continue"}) }}'
    )
    assert 'class="govuk-button"' in html
    assert "Save and continue" in html


def test_url_global_reverses_with_args_and_kwargs():
    assert render_string("{{ url('govuk:design_system') }}") == "/design-system/"


def test_static_and_now_globals():
    assert render_string("{{ static('govuk/haven.min.css') }}") == "/static/govuk/haven.min.css"
    assert render_string("{{ now().tzinfo is not none }}") == "True"


def test_autoescape_is_on():
    assert render_string("{{ text }}", text="<script>") == "&lt;script&gt;"


@override_settings(DEBUG=True)
def test_form_fields_render_through_jinja_templates():
    class NameForm(GovukForm):
        name = GovukTextField(label="Name")

    html = render_string("{{ form.name.as_field_group() }}", form=NameForm())
    assert 'class="govuk-input"' in html
    assert str(NameForm()).count('class="govuk-form-group"') == 1
