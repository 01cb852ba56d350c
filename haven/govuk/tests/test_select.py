from haven.govuk.forms import GovukForm, GovukSelectField
from haven.testing.html import parse


class AreaForm(GovukForm):
    area = GovukSelectField(
        label="Area",
        hint="Where the person lives",
        choices=[("", "Choose an area"), ("north", "North"), ("south", "South")],
    )


def render(form):
    return parse(form["area"].as_field_group())


def test_select_renders_label_hint_and_options():
    page = render(AreaForm())
    assert page.find("label", for_="id_area").text == "Area"
    select = page.find("select", id="id_area")
    assert select.attrs["aria-describedby"] == "id_area-hint"
    options = select.find_all("option")
    assert [(o.attrs["value"], o.text) for o in options] == [
        ("", "Choose an area"),
        ("north", "North"),
        ("south", "South"),
    ]


def test_select_nothing_chosen_says_select_area():
    form = AreaForm(data={"area": ""})
    assert form.errors["area"] == ["Select area"]
    page = render(form)
    assert page.find(id="id_area-error").text == "Error: Select area"
    assert page.find("select").attrs["aria-describedby"] == "id_area-hint id_area-error"
    assert "govuk-select--error" in page.find("select").classes


def test_select_keeps_the_chosen_option():
    page = render(AreaForm(data={"area": "south"}))
    assert "selected" in page.find("option", value="south").attrs
    assert "selected" not in page.find("option", value="north").attrs
