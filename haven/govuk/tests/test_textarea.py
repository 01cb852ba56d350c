import pytest

from haven.govuk.forms import GovukForm, GovukTextareaField
from haven.testing.html import parse


class NoteForm(GovukForm):
    summary = GovukTextareaField(label="Summary", hint="Facts only", rows=3)
    details = GovukTextareaField(label="Details", max_length=50, required=False)
    reasons = GovukTextareaField(label="Reasons", max_words=3, required=False)


def render(form, name):
    return parse(form[name].as_field_group())


def test_textarea_renders_label_hint_and_rows():
    page = render(NoteForm(), "summary")
    assert page.find("label", for_="id_summary").text == "Summary"
    textarea = page.find("textarea", id="id_summary")
    assert textarea.attrs["rows"] == "3"
    assert textarea.attrs["aria-describedby"] == "id_summary-hint"
    assert not page.find_all(class_="govuk-character-count")


def test_textarea_error_is_shown_once_and_described():
    form = NoteForm(data={"summary": ""})
    page = render(form, "summary")
    assert [e.text for e in page.find_all(class_="govuk-error-message")] == ["Error: Enter summary"]
    assert page.find("textarea").attrs["aria-describedby"] == "id_summary-hint id_summary-error"


def test_textarea_keeps_text_after_an_error():
    form = NoteForm(data={"summary": "Met at <school>", "details": "x" * 51})
    assert render(form, "summary").find("textarea").text == "Met at <school>"


def test_textarea_with_max_length_is_a_character_count():
    page = render(NoteForm(), "details")
    count = page.find("div", class_="govuk-character-count")
    assert count.attrs["data-maxlength"] == "50"
    assert page.find("textarea").attrs["aria-describedby"] == "id_details-info"
    assert page.find(id="id_details-info").text == "You can enter up to 50 characters"


def test_textarea_too_long_says_characters_or_less():
    form = NoteForm(data={"summary": "ok", "details": "x" * 51})
    assert form.errors["details"] == ["Details must be 50 characters or less"]


def test_textarea_with_max_words_counts_words():
    page = render(NoteForm(), "reasons")
    assert page.find("div", class_="govuk-character-count").attrs["data-maxwords"] == "3"
    form = NoteForm(data={"summary": "ok", "reasons": "one two three four"})
    assert form.errors["reasons"] == ["Reasons must be 3 words or less"]


def test_textarea_refuses_both_limits():
    with pytest.raises(ValueError, match="not both"):
        GovukTextareaField(label="Both", max_length=10, max_words=2)
