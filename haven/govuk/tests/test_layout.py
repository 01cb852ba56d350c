from types import SimpleNamespace

from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.template import engines
from django.test import RequestFactory
from markupsafe import Markup

from haven.govuk.forms import GovukForm, GovukTextField
from haven.testing.html import parse

NAVIGATION = [
    {"text": "Home", "href": "/", "active": False},
    {"text": "Contracts", "href": "/contracts/", "active": True},
]


class NameForm(GovukForm):
    name = GovukTextField(label="Name")


def staff_request():
    request = RequestFactory().get("/contracts/")
    request.user = SimpleNamespace(is_authenticated=True)
    return request


def render(template_name="layouts/base.html", **context):
    context.setdefault("csp_nonce", "n0nce")
    context.setdefault("request", staff_request())
    context.setdefault("service_navigation", NAVIGATION)
    return engines["jinja2"].get_template(template_name).render(context)


def page_from_string(source, **context):
    context.setdefault("csp_nonce", "n0nce")
    context.setdefault("request", staff_request())
    context.setdefault("service_navigation", NAVIGATION)
    return parse(engines["jinja2"].from_string(source).render(context))


def test_layout_is_english_gb_with_skip_link_to_main_content():
    page = parse(render())
    assert page.find("html").attrs["lang"] == "en-GB"
    skip = page.find("a", class_="govuk-skip-link")
    assert skip.attrs["href"] == "#main-content"
    assert page.find("main").attrs["id"] == "main-content"


def test_layout_has_generic_header_with_haven_linking_home_and_no_crown():
    markup = render()
    page = parse(markup)
    header = page.find("div", class_="govuk-generic-header")
    link = header.find("a", class_="govuk-generic-header__homepage-link")
    assert link.text == "Haven"
    assert link.attrs["href"] == "/"
    assert "govuk-logo" not in markup
    assert "govuk-footer__crown" not in markup
    assert "Crown copyright" not in markup
    assert "Open Government Licence" not in markup


def test_layout_service_navigation_marks_active_item_with_aria_current():
    page = parse(render())
    nav = page.find("nav")
    links = nav.find_all("a", class_="govuk-service-navigation__link")
    assert [(a.text, a.attrs.get("aria-current")) for a in links] == [
        ("Home", None),
        ("Contracts", "true"),
    ]


def test_layout_sign_out_is_a_csrf_protected_post_form():
    csrf_input = Markup('<input type="hidden" name="csrfmiddlewaretoken" value="t">')
    page = parse(render(csrf_input=csrf_input))
    form = page.find("form", class_="haven-sign-out")
    assert form.attrs["method"] == "post"
    assert form.attrs["action"] == "/accounts/logout/"
    assert form.find("input", name="csrfmiddlewaretoken")
    assert form.find("button").text == "Sign out"


def test_layout_has_no_navigation_or_sign_out_when_signed_out():
    request = RequestFactory().get("/")
    request.user = SimpleNamespace(is_authenticated=False)
    page = parse(render(request=request, service_navigation=[]))
    assert page.find_all("nav") == []
    assert page.find_all("form", class_="haven-sign-out") == []


def test_every_script_has_the_csp_nonce():
    scripts = parse(render()).find_all("script")
    assert len(scripts) == 3  # js-enabled flag, HTMX, GOV.UK Frontend
    assert all(script.attrs.get("nonce") == "n0nce" for script in scripts)


def test_layout_loads_haven_css_and_javascript_from_static():
    page = parse(render())
    assert page.find("link", rel="stylesheet").attrs["href"] == "/static/govuk/haven.min.css"
    module = page.find("script", type="module")
    assert module.attrs["src"] == "/static/govuk/haven.js"


def test_layout_has_no_inline_styles():
    markup = render()
    assert "<style" not in markup
    assert " style=" not in markup


def test_title_is_page_title_then_haven():
    page = page_from_string(
        '{% extends "layouts/base.html" %}{% block page_title %}Contracts{% endblock %}'
    )
    assert page.find("title").text == "Contracts \N{EN DASH} Haven"


def test_title_says_error_and_summary_shows_when_form_has_errors():
    page = page_from_string(
        '{% extends "layouts/base.html" %}{% block page_title %}Your name{% endblock %}'
        "{% block content %}{{ form.name.as_field_group() }}{% endblock %}",
        form=NameForm(data={}),
    )
    assert page.find("title").text == "Error: Your name \N{EN DASH} Haven"
    summary = page.find("div", class_="govuk-error-summary")
    assert summary.find("a").attrs["href"] == "#id_name"


def test_messages_are_notification_banners_with_unique_title_ids():
    messages = [
        Message(constants.SUCCESS, "Referral saved"),
        Message(constants.INFO, "You were signed out because you were inactive."),
    ]
    page = parse(render(messages=messages))
    banners = page.find_all("div", class_="govuk-notification-banner")
    assert len(banners) == 2
    assert "govuk-notification-banner--success" in banners[0].classes
    assert banners[0].attrs["role"] == "alert"
    assert banners[0].find(class_="govuk-notification-banner__title").text == "Success"
    assert banners[1].find(class_="govuk-notification-banner__title").text == "Important"
    assert "Referral saved" in banners[0].text
    assert banners[0].attrs["aria-labelledby"] != banners[1].attrs["aria-labelledby"]


def test_layout_shows_beta_phase_banner():
    banner = parse(render()).find("div", class_="govuk-phase-banner")
    assert banner.find("strong").text == "Beta"


def test_before_content_block_renders_before_main():
    page = page_from_string(
        '{% extends "layouts/base.html" %}'
        '{% block before_content %}<a class="govuk-back-link" href="/">Back</a>{% endblock %}'
    )
    main = page.find("main")
    container = next(
        div for div in page.find_all("div", class_="govuk-width-container") if main in div.children
    )
    tags = [c.tag for c in container.children if not isinstance(c, str)]
    assert tags == ["nav", "main"]
    assert container.find("nav").attrs["aria-label"] == "Back"


def test_footer_links_to_accessibility_and_privacy():
    footer = parse(render()).find("footer")
    links = [(a.text, a.attrs["href"]) for a in footer.find_all("a")]
    assert links == [("Accessibility statement", "/accessibility/"), ("Privacy", "/privacy/")]


def test_public_layout_has_exit_this_page_and_no_staff_navigation():
    page = parse(render("layouts/public.html"))
    exit_button = page.find("div", class_="govuk-exit-this-page")
    assert exit_button.find("a").attrs["href"] == "https://www.bbc.co.uk/weather"
    assert page.find_all("nav") == []
    assert page.find_all("form", class_="haven-sign-out") == []


def test_title_already_ending_in_haven_is_not_repeated():
    page = page_from_string(
        '{% extends "layouts/base.html" %}'
        "{% block page_title %}{% if form.errors %}Error: {% endif %}Sign in – Haven{% endblock %}",
        form=NameForm(data={}),
    )
    assert page.find("title").text == "Error: Sign in \N{EN DASH} Haven"


def test_error_summary_is_shown_once_when_the_page_includes_its_own():
    page = page_from_string(
        '{% extends "layouts/base.html" %}'
        '{% block content %}{% include "govuk/error_summary.html" %}<h1>Name</h1>{% endblock %}',
        form=NameForm(data={}),
    )
    assert len(page.find_all("div", class_="govuk-error-summary")) == 1


def test_pages_with_several_forms_override_the_error_summary_block():
    page = page_from_string(
        '{% extends "layouts/base.html" %}'
        '{% from "govuk/error_summary.html" import error_summary %}'
        "{% block error_summary %}{{ error_summary(form) }}{{ error_summary(other) }}{% endblock %}",
        form=NameForm(data={}),
        other=NameForm(data={}, prefix="other"),
    )
    hrefs = [
        a.attrs["href"] for a in page.find_all("a") if a.attrs.get("href", "").startswith("#id")
    ]
    assert hrefs == ["#id_name", "#id_other-name"]
