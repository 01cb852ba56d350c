from haven.govuk.forms import GovukCheckboxesField, GovukForm
from haven.testing.html import parse

NEEDS = [
    ("housing", "Housing"),
    ("legal", "Legal advice"),
    ("none", "None of these"),
]


class NeedsForm(GovukForm):
    needs = GovukCheckboxesField(
        label="What support do you need?",
        error_label="the support you need",
        hint="Select all that apply",
        choices=NEEDS,
        choice_hints={"legal": "Including family court"},
        exclusive="none",
    )


def render(form, name="needs"):
    return parse(form[name].as_field_group())


def test_checkboxes_are_a_fieldset_with_legend_hint_and_ids():
    page = render(NeedsForm())
    assert page.find("legend").text == "What support do you need?"
    assert page.find("fieldset").attrs["aria-describedby"] == "id_needs-hint"
    inputs = page.find_all("input", type="checkbox")
    # The divider takes an index too, as in GOV.UK Frontend.
    assert [i.attrs["id"] for i in inputs] == ["id_needs", "id_needs-2", "id_needs-4"]


def test_checkboxes_show_a_hint_for_one_choice():
    page = render(NeedsForm())
    assert page.find(id="id_needs-2-item-hint").text == "Including family court"


def test_exclusive_choice_has_or_divider_and_exclusive_behaviour():
    page = render(NeedsForm())
    assert page.find("div", class_="govuk-checkboxes__divider").text == "or"
    none = page.find("input", value="none")
    assert none.attrs["data-behaviour"] == "exclusive"
    assert "data-behaviour" not in page.find("input", value="housing").attrs


def test_checkboxes_nothing_ticked_offers_the_exclusive_answer():
    form = NeedsForm(data={})
    message = "Select the support you need, or select \u2018None of these\u2019"
    assert form.errors["needs"] == [message]
    assert render(form).find(id="id_needs-error").text == f"Error: {message}"


def test_exclusive_answer_with_another_answer_is_refused():
    form = NeedsForm(data={"needs": ["housing", "none"]})
    assert not form.is_valid()
    assert form.errors["needs"][0].startswith("Select the support you need")


def test_checkboxes_keep_every_ticked_answer():
    form = NeedsForm(data={"needs": ["housing", "legal"]})
    assert form.is_valid()
    page = render(form)
    assert "checked" in page.find("input", value="housing").attrs
    assert "checked" in page.find("input", value="legal").attrs
    assert "checked" not in page.find("input", value="none").attrs
