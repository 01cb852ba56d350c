import pytest
from django.template import engines

from haven.testing.html import parse


def render(name, **context):
    context.setdefault("csp_nonce", "n0nce")
    return parse(engines["jinja2"].get_template(name).render(context))


@pytest.mark.parametrize(
    ("template_name", "heading"),
    [
        ("403.html", "You cannot view this page"),
        ("404.html", "Page not found"),
        ("500.html", "Sorry, there is a problem with the service"),
    ],
)
def test_error_page_has_govuk_heading_and_title(template_name, heading):
    page = render(template_name)
    assert page.find("h1").text == heading
    assert page.find("title").text == f"{heading} \N{EN DASH} Haven"


def test_500_page_gives_the_request_id_and_no_navigation():
    page = render(
        "500.html", request_id="abc123", service_navigation=[{"text": "Home", "href": "/"}]
    )
    assert "abc123" in page.find("main").text
    assert page.find_all("nav") == []


@pytest.mark.django_db
def test_missing_page_renders_the_404_page_without_the_path(client):
    response = client.get("/no-such-page-for-jane-doe/")
    assert response.status_code == 404
    body = response.content.decode()
    assert "Page not found" in body
    assert "jane-doe" not in body


@pytest.mark.django_db
def test_500_page_renders_when_the_session_store_fails(client, monkeypatch):
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import OperationalError

    def database_gone(self, *args, **kwargs):
        raise OperationalError("no such table: django_session /srv/haven/var/haven.sqlite3")

    monkeypatch.setattr(SessionStore, "load", database_gone)
    client.raise_request_exception = False
    client.cookies["sessionid"] = "a-session-from-before-the-failure"
    response = client.get("/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "Sorry, there is a problem with the service" in body
    assert 'class="govuk-template' in body
    assert "django_session" not in body
    assert "/srv/haven" not in body
