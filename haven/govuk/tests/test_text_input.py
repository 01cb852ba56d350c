from haven.govuk.forms import GovukEmailField, GovukForm, GovukIntegerField, GovukTextField
from haven.testing.html import parse


class PersonForm(GovukForm):
    full_name = GovukTextField(label="Full name", hint="As it appears on letters", max_length=20)
    email = GovukEmailField(label="Email address", required=False)
    children = GovukIntegerField(
        label="Number of children", classes="govuk-input--width-3", min_value=0, max_value=20
    )
    reference = GovukTextField(label="Reference", is_page_heading=True, required=False)


def render(form, name):
    return parse(form[name].as_field_group())


def test_text_field_renders_label_for_the_input_and_hint():
    page = render(PersonForm(), "full_name")
    label = page.find("label", for_="id_full_name")
    assert label.text == "Full name"
    assert "govuk-label" in label.classes
    assert page.find("div", class_="govuk-hint", id="id_full_name-hint").text == (
        "As it appears on letters"
    )
    text_input = page.find("input", id="id_full_name")
    assert text_input.attrs["name"] == "full_name"
    assert text_input.attrs["aria-describedby"] == "id_full_name-hint"


def test_text_field_has_no_describedby_without_hint_or_error():
    text_input = render(PersonForm(), "children").find("input", id="id_children")
    assert "aria-describedby" not in text_input.attrs


def test_text_field_required_error_says_enter_label_and_is_described():
    form = PersonForm(data={"full_name": "", "children": "2"})
    assert form.errors["full_name"] == ["Enter full name"]
    page = render(form, "full_name")
    assert "govuk-form-group--error" in page.find("div", class_="govuk-form-group").classes
    error = page.find("p", class_="govuk-error-message", id="id_full_name-error")
    assert error.text == "Error: Enter full name"
    text_input = page.find("input", id="id_full_name")
    assert "govuk-input--error" in text_input.classes
    assert text_input.attrs["aria-describedby"] == "id_full_name-hint id_full_name-error"


def test_text_field_keeps_what_was_typed_after_an_error():
    form = PersonForm(data={"full_name": "A" * 21, "children": "2"})
    assert form.errors["full_name"] == ["Full name must be 20 characters or less"]
    assert render(form, "full_name").find("input", id="id_full_name").attrs["value"] == "A" * 21


def test_text_field_has_no_maxlength_attribute_so_users_see_the_error():
    assert "maxlength" not in render(PersonForm(), "full_name").find("input").attrs


def test_text_field_as_page_heading_wraps_label_in_h1():
    page = render(PersonForm(), "reference")
    heading = page.find("h1", class_="govuk-label-wrapper")
    assert "govuk-label--l" in heading.find("label").classes


def test_email_field_uses_email_type_without_spellcheck():
    email = render(PersonForm(), "email").find("input", id="id_email")
    assert email.attrs["type"] == "email"
    assert email.attrs["spellcheck"] == "false"
    assert email.attrs["autocomplete"] == "email"


def test_email_field_invalid_says_correct_format():
    form = PersonForm(data={"full_name": "A", "email": "not-an-email", "children": "1"})
    assert form.errors["email"] == [
        "Enter an email address in the correct format, like name@example.com"
    ]


def test_integer_field_is_a_numeric_text_input_with_width_class():
    number = render(PersonForm(), "children").find("input", id="id_children")
    assert number.attrs["type"] == "text"
    assert number.attrs["inputmode"] == "numeric"
    assert "govuk-input--width-3" in number.classes


def test_integer_field_not_a_number_says_must_be_a_whole_number():
    form = PersonForm(data={"full_name": "A", "children": "two"})
    assert form.errors["children"] == ["Number of children must be a whole number"]


def test_integer_field_out_of_range_says_the_limit():
    assert PersonForm(data={"full_name": "A", "children": "21"}).errors["children"] == [
        "Number of children must be 20 or less"
    ]
    assert PersonForm(data={"full_name": "A", "children": "-1"}).errors["children"] == [
        "Number of children must be 0 or more"
    ]


def test_integer_field_shows_initial_value():
    form = PersonForm(initial={"children": 3})
    assert render(form, "children").find("input", id="id_children").attrs["value"] == "3"


def test_question_label_keeps_djangos_message_unless_error_label_given():
    class QuestionForm(GovukForm):
        plain = GovukTextField(label="What is your name?")
        named = GovukTextField(label="What is your name?", error_label="your name")

    form = QuestionForm(data={})
    assert form.errors["plain"] == ["This field is required."]
    assert form.errors["named"] == ["Enter your name"]


def test_explicit_error_message_wins_over_govuk_wording():
    class CustomForm(GovukForm):
        name = GovukTextField(label="Name", error_messages={"required": "Tell us your name"})

    assert CustomForm(data={}).errors["name"] == ["Tell us your name"]
