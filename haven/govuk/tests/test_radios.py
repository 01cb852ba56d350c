from haven.govuk.forms import GovukForm, GovukRadiosField, GovukTypedRadiosField
from haven.testing.html import parse

CONTACT = [("phone", "Phone"), ("email", "Email"), ("none", "Do not contact me")]


class ContactForm(GovukForm):
    method = GovukRadiosField(
        label="How should we contact you?",
        error_label="how we should contact you",
        hint="Choose one",
        choices=CONTACT,
        choice_hints={"phone": "Only on the safe number"},
        divider_before="none",
    )
    voicemail = GovukTypedRadiosField(
        label="Can we leave a voicemail?",
        error_label="if we can leave a voicemail",
        choices=[(True, "Yes"), (False, "No")],
        coerce=lambda value: value == "True",
        inline=True,
        required=False,
    )


def render(form, name):
    return parse(form[name].as_field_group())


def test_radios_are_a_fieldset_with_the_label_as_legend_and_hint():
    page = render(ContactForm(), "method")
    fieldset = page.find("fieldset")
    assert fieldset.find("legend").text == "How should we contact you?"
    assert fieldset.attrs["aria-describedby"] == "id_method-hint"
    assert page.find(id="id_method-hint").text == "Choose one"


def test_radios_first_input_has_the_field_id_for_the_error_summary():
    inputs = render(ContactForm(), "method").find_all("input", type="radio")
    # The divider takes an index too, as in GOV.UK Frontend.
    assert [i.attrs["id"] for i in inputs] == ["id_method", "id_method-2", "id_method-4"]
    assert {i.attrs["name"] for i in inputs} == {"method"}


def test_radios_show_a_hint_for_one_choice():
    page = render(ContactForm(), "method")
    assert page.find(id="id_method-item-hint").text == "Only on the safe number"
    assert page.find("input", id="id_method").attrs["aria-describedby"] == "id_method-item-hint"


def test_radios_put_an_or_divider_before_the_chosen_value():
    page = render(ContactForm(), "method")
    divider = page.find("div", class_="govuk-radios__divider")
    assert divider.text == "or"
    radios = page.find("div", class_="govuk-radios")
    kinds = [c.attrs["class"] for c in radios.children if not isinstance(c, str)]
    assert kinds == [
        "govuk-radios__item",
        "govuk-radios__item",
        "govuk-radios__divider",
        "govuk-radios__item",
    ]


def test_radios_nothing_chosen_says_select_and_describes_fieldset():
    form = ContactForm(data={})
    assert form.errors["method"] == ["Select how we should contact you"]
    page = render(form, "method")
    assert page.find(id="id_method-error").text == "Error: Select how we should contact you"
    assert page.find("fieldset").attrs["aria-describedby"] == "id_method-hint id_method-error"


def test_radios_keep_the_chosen_answer():
    page = render(ContactForm(data={"method": "email"}), "method")
    assert "checked" in page.find("input", value="email").attrs
    assert "checked" not in page.find("input", value="phone").attrs


def test_typed_radios_coerce_and_show_initial_value_inline():
    form = ContactForm(data={"method": "phone", "voicemail": "False"})
    assert form.is_valid()
    assert form.cleaned_data["voicemail"] is False
    page = render(ContactForm(initial={"voicemail": True}), "voicemail")
    assert "govuk-radios--inline" in page.find("div", class_="govuk-radios").classes
    assert "checked" in page.find("input", value="True").attrs


def test_radios_tampered_value_says_select():
    form = ContactForm(data={"method": "carrier-pigeon"})
    assert form.errors["method"] == ["Select how we should contact you"]
