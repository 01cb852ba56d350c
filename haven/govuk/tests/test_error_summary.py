from django import forms
from django.template import engines

from haven.govuk.forms import GovukDateField, GovukForm, GovukRadiosField, GovukTextField
from haven.testing.html import parse


class ReferralForm(GovukForm):
    name = GovukTextField(label="Name")
    contact = GovukRadiosField(label="Contact", choices=[("phone", "Phone"), ("email", "Email")])
    referred_on = GovukDateField(label="Referral date")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("name") == "Conflict":
            raise forms.ValidationError("This person already has an open referral")
        return cleaned


def render_summary(form):
    template = engines["jinja2"].from_string(
        '{% from "govuk/error_summary.html" import error_summary %}{{ error_summary(form) }}'
    )
    return parse(template.render({"form": form}))


def test_error_summary_items_link_each_field_to_its_first_input_in_form_order():
    form = ReferralForm(data={"referred_on-day": "1", "referred_on-year": "2026"})
    assert form.error_summary_items() == [
        {"text": "Enter name", "href": "#id_name"},
        {"text": "Select contact", "href": "#id_contact"},
        {"text": "Referral date must include a month", "href": "#id_referred_on-month"},
    ]


def test_error_summary_items_put_form_errors_first_without_a_link():
    form = ReferralForm(
        data={
            "name": "Conflict",
            "contact": "phone",
            "referred_on-day": "1",
            "referred_on-month": "2",
            "referred_on-year": "2026",
        }
    )
    assert form.error_summary_items() == [{"text": "This person already has an open referral"}]


def test_error_summary_is_empty_for_an_unbound_or_valid_form():
    assert ReferralForm().error_summary_items() == []
    assert render_summary(ReferralForm()).find_all(class_="govuk-error-summary") == []


def test_error_summary_template_renders_govuk_summary_with_links():
    page = render_summary(ReferralForm(data={}))
    summary = page.find("div", class_="govuk-error-summary")
    assert summary.find("h2").text == "There is a problem"
    links = [(a.attrs["href"], a.text) for a in summary.find_all("a")]
    assert links == [
        ("#id_name", "Enter name"),
        ("#id_contact", "Select contact"),
        ("#id_referred_on-day", "Enter referral date"),
    ]


def test_error_summary_template_works_for_a_plain_django_form():
    class PlainForm(forms.Form):
        code = forms.CharField()

    page = render_summary(PlainForm(data={}))
    link = page.find("div", class_="govuk-error-summary").find("a")
    assert link.attrs["href"] == "#id_code"
