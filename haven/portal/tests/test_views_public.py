"""Public information pages (issue 14 item 1; seed 003 s6.10): anonymous, no cookies, Exit
this page on every page, the hide-your-visit advice (reference §5.2-5.3)."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _public_pages(contract):
    return [
        reverse("portal:help"),
        reverse("portal:service", args=[contract.slug]),
        reverse("portal:hide_your_visit"),
        reverse("portal:collect"),
        reverse("portal:ask", args=[contract.slug]),
        reverse("portal:refer", args=[contract.slug]),
    ]


def test_every_public_page_opens_without_signing_in_with_exit_this_page(client, victim_first):
    for page in _public_pages(victim_first):
        response = client.get(page)
        assert response.status_code == 200, page
        html = response.content.decode()
        assert "govuk-exit-this-page" in html, page
        assert reverse("portal:exit") in html
        assert "hide-your-visit" in html
        assert "no-store" in response["Cache-Control"]
        # no third-party scripts: every script is the site's own
        assert '<script src="http' not in html
        assert "googletagmanager" not in html


def test_information_pages_set_no_cookie(client, victim_first):
    for page in (
        reverse("portal:help"),
        reverse("portal:service", args=[victim_first.slug]),
        reverse("portal:hide_your_visit"),
    ):
        response = client.get(page)
        assert not response.cookies, page


def test_the_index_lists_services_and_the_page_shows_the_profile(client, victim_first, safe_home):
    html = client.get(reverse("portal:help")).content.decode()
    assert "Victim First" in html
    assert "Safe Home" in html
    html = client.get(reverse("portal:service", args=[victim_first.slug])).content.decode()
    assert "Refer yourself online" in html
    assert "within 5 working days" in html  # seed 002 s3.6
    assert "up to 100 words" in html
    assert "09:00 to 20:00" in html  # Wednesday (seed 002 s3.2)
    html = client.get(reverse("portal:service", args=[safe_home.slug])).content.decode()
    assert "You cannot refer yourself to this service online" in html  # seed 001 s5


def test_unknown_service_is_404(client):
    assert client.get(reverse("portal:service", args=["no-such-service"])).status_code == 404


def test_exit_forgets_the_form_and_goes_to_a_neutral_site(client, victim_first):
    client.post(
        reverse("portal:refer", args=[victim_first.slug]),
        {"safe_to_contact": "no", "harmer_at_address": "unknown"},
    )
    assert client.session.keys()
    response = client.get(reverse("portal:exit"))
    assert response.status_code == 302
    assert response["Location"] == "https://www.bbc.co.uk/weather"
    assert not client.session.keys()


def test_a_form_page_sets_only_a_browser_session_csrf_cookie(client, victim_first):
    """Reference §5 (hide your visit): a public form leaves no lasting cookie on a shared device:
    the CSRF cookie ends with the browser session, it has no expiry date."""
    response = client.get(reverse("portal:refer", args=[victim_first.slug]))
    cookies = {name: morsel for name, morsel in response.cookies.items() if morsel.value}
    assert set(cookies) <= {"csrftoken", "__Host-haven-csrf", "sessionid", "__Host-haven-session"}
    for morsel in cookies.values():
        assert not morsel["expires"]
        assert not morsel["max-age"]
