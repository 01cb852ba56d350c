"""The page walkers' support: every URL pattern found through include()s, forms read as a
browser would submit them (so a new page or field is walked without anyone listing it).

The same parse gives the resubmission and read-audit tests the values a browser sends untouched."""

from django.urls import URLResolver, include, path
from django.urls.resolvers import RoutePattern

from haven.testing.html_forms import form_posting_to, parse_page
from haven.testing.url_walk import Route, url_routes


def _view(request, **kwargs):  # pragma: no cover - never called
    raise AssertionError


def test_every_pattern_is_found_with_its_namespace_and_parameters():
    routes = {route.label: route for route in url_routes()}
    note_add = routes["casework:note_add"]
    assert note_add.route == "cases/<uuid:case_id>/notes/new/"
    assert note_add.params == (("case_id", "uuid"),)
    assert "people:search" in routes
    assert any(label.startswith("admin:") for label in routes)


def test_a_new_pattern_in_an_include_is_found():
    class Root:
        widgets = [path("<uuid:widget_id>/", _view, name="widget")]
        urlpatterns = [path("extra/", include((widgets, "things")))]

    found = list(url_routes(URLResolver(RoutePattern(""), Root)))
    assert found == [
        Route("extra/<uuid:widget_id>/", "things:widget", _view, (("widget_id", "uuid"),))
    ]


def test_forms_are_read_with_hidden_inputs_choices_and_text():
    html = """
    <form method="post" action="/cases/1/notes/new/">
      <input type="hidden" name="csrfmiddlewaretoken" value="t">
      <input type="hidden" name="form_token" value="once">
      <input type="radio" name="note_type" value="contact">
      <input type="radio" name="note_type" value="case_note" checked>
      <input name="happened_at-day" inputmode="numeric" value="3">
      <select name="risk"><option value="">Any</option><option value="high" selected>High</option></select>
      <textarea name="text">
Synthetic</textarea>
      <button type="submit" name="action" value="save">Save</button>
      <input type="submit" value="No name">
    </form>
    <a href="?page=2">Next</a>
    """
    (form,), links = parse_page(html, "/cases/1/notes/new/")
    assert (form.method, form.action) == ("post", "/cases/1/notes/new/")
    assert form.fields["form_token"].value == "once"
    assert form.fields["note_type"].options == ["contact", "case_note"]
    assert form.fields["note_type"].value == "case_note"
    assert form.fields["happened_at-day"].inputmode == "numeric"
    assert (form.fields["risk"].value, form.fields["risk"].options) == ("high", ["", "high"])
    assert form.fields["text"].value == "Synthetic"
    assert form.fields["action"].options == ["save"]
    assert links == ["/cases/1/notes/new/?page=2"]


def test_a_post_form_gives_what_a_browser_sends_untouched():
    html = """
    <form method="get"><input name="q" value="search"></form>
    <form method="post">
      <input type="hidden" name="form_token" value="once">
      <input type="radio" name="note_type" value="contact">
      <input type="radio" name="note_type" value="case_note">
      <input type="checkbox" name="urgent" value="yes" checked>
      <input type="checkbox" name="shared">
      <select name="risk"><option value="">Any</option><option value="high">High</option></select>
      <select name="team"><option value="a">A</option><option value="b" selected>B</option></select>
      <input name="summary" value="Synthetic" disabled>
      <input type="file" name="upload">
      <textarea name="text">
Synthetic</textarea>
      <button type="submit" name="action" value="save">Save</button>
    </form>
    """
    form = form_posting_to(html, "/cases/1/notes/new/")
    assert form.values == {
        "form_token": "once",
        "urgent": "yes",
        "risk": "",
        "team": "b",
        "text": "Synthetic",
    }
    assert form.options == {
        "note_type": ["contact", "case_note"],
        "urgent": ["yes"],
        "shared": ["on"],
        "risk": ["", "high"],
        "team": ["a", "b"],
    }
    assert form.data(note_type="contact", urgent=None, text=3) == {
        "form_token": "once",
        "note_type": "contact",
        "risk": "",
        "team": "b",
        "text": "3",
    }
