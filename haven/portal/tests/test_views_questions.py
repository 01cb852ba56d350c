"""Quick questions (issue 14 item 5; seed 002 s3.6): asked anonymously with a word limit,
answered by the provider's staff from a queue, collected by code (POST only, rate-limited)."""

import pytest
from django.urls import reverse

from haven.portal.models import QuickQuestion
from haven.portal.services import LIMITS, quick_question_ask

pytestmark = pytest.mark.django_db


def test_seed_002_s3_6_ask_then_collect_after_staff_answer(client, victim_first, personas):
    response = client.post(
        reverse("portal:ask", args=[victim_first.slug]),
        {"question": "Do I need to call the police first?"},
    )
    assert response.status_code == 302
    sent = client.get(response["Location"]).content.decode()
    question = QuickQuestion.objects.get()
    code = sent.split('id="question-code">')[1].split("<")[0].strip()
    assert "Do I need" not in sent
    assert "question-code" not in client.get(response["Location"]).content.decode()  # shown once
    collect = client.post(reverse("portal:collect"), {"code": code}).content.decode()
    assert "We have not answered yet" in collect

    staff = client.__class__()
    staff.force_login(personas.caseworker)
    queue = staff.get(reverse("portal:queue")).content.decode()
    assert "Do I need to call the police first?" in queue
    response = staff.post(
        reverse("portal:answer", args=[question.pk]), {"answer": "No, you can talk to us first."}
    )
    assert response["Location"] == reverse("portal:queue")
    assert "Do I need" not in staff.get(reverse("portal:queue")).content.decode()
    assert "Do I need" in staff.get(reverse("portal:queue") + "?show=answered").content.decode()

    collect = client.post(reverse("portal:collect"), {"code": code}).content.decode()
    assert "No, you can talk to us first." in collect


def test_seed_002_s3_6_word_limit_is_a_clear_error(client, victim_first):
    response = client.post(
        reverse("portal:ask", args=[victim_first.slug]), {"question": "word " * 150}
    )
    assert response.status_code == 400
    assert "100 words or" in response.content.decode()
    assert not QuickQuestion.objects.exists()


def test_hostile_questions_and_codes_never_500(client, victim_first):
    for value in ("\x00", "a" * 1_000_000, "", "<script>alert(1)</script>"):
        response = client.post(reverse("portal:ask", args=[victim_first.slug]), {"question": value})
        assert response.status_code in (302, 400), value
        response = client.post(reverse("portal:collect"), {"code": value})
        assert response.status_code in (400, 429), value


def test_no_quick_questions_is_404(client, wokingham):
    assert client.get(reverse("portal:ask", args=[wokingham.slug])).status_code == 404


def test_collect_is_rate_limited(client, victim_first):
    for _ in range(LIMITS["collect"].count):
        assert client.post(reverse("portal:collect"), {"code": "00000-00000"}).status_code == 400
    _, code = quick_question_ask(contract=victim_first, question="Hello?")
    response = client.post(reverse("portal:collect"), {"code": code})
    assert response.status_code == 429
    assert "too many times" in response.content.decode()


def test_the_code_is_never_taken_from_the_url(client, victim_first):
    _, code = quick_question_ask(contract=victim_first, question="Hello?")
    html = client.get(reverse("portal:collect") + f"?code={code}").content.decode()
    assert "Hello?" not in html


def test_honeypot_question_is_not_saved(client, victim_first):
    response = client.post(
        reverse("portal:ask", args=[victim_first.slug]), {"question": "Buy now", "website": "x"}
    )
    assert response.status_code == 302
    assert not QuickQuestion.objects.exists()


@pytest.mark.parametrize("who", ["caseworker", "team_leader", "service_manager"])
def test_provider_staff_see_the_queue(client, personas, victim_first, who):
    client.force_login(getattr(personas, who))
    response = client.get(reverse("portal:queue"))
    assert response.status_code == 200
    assert 'href="/questions/staff/"' in response.content.decode()  # the navigation item


def test_staff_of_a_provider_without_quick_questions_have_no_queue(client, personas, wokingham):
    client.force_login(personas.caseworker)
    assert client.get(reverse("portal:queue")).status_code == 403


@pytest.mark.parametrize("who", ["analyst", "commissioner", "auditor", "no_role"])
def test_others_are_refused_the_queue(client, personas, victim_first, who):
    client.force_login(getattr(personas, who))
    assert client.get(reverse("portal:queue")).status_code == 403


def test_another_providers_staff_find_nothing(client, personas, victim_first):
    question, _ = quick_question_ask(contract=victim_first, question="Hello?")
    client.force_login(personas.other_provider_caseworker)
    assert "Hello?" not in client.get(reverse("portal:queue")).content.decode()
    assert client.get(reverse("portal:answer", args=[question.pk])).status_code in (403, 404)


def test_an_empty_answer_is_a_clear_error(client, personas, victim_first):
    question, _ = quick_question_ask(contract=victim_first, question="Hello?")
    client.force_login(personas.caseworker)
    response = client.post(reverse("portal:answer", args=[question.pk]), {"answer": ""})
    assert response.status_code == 200
    assert "Enter an answer" in response.content.decode()
