"""The survey team hand-off list (seed 000 s5: every eligible DV 360 victim surveyed at 1 and 12
months by the Leicestershire Police survey team; s6: 100% passed): team leaders and service
managers see the eligible victims due, mark them passed (audited), and download the list."""

import pytest
from django.urls import reverse
from markupsafe import escape  # Jinja2 escapes an apostrophe as &#39;, Django as &#x27;

from haven.casework.models import CaseEvent, CaseEventKind
from haven.core.models import AuditAction, AuditEvent
from haven.followups.models import SurveyTeamHandOff

pytestmark = pytest.mark.django_db

LIST = "followups:hand_offs"


def test_a_team_leader_sees_both_follow_ups_of_an_eligible_victim(client, dv360_closed, personas):
    client.force_login(personas.team_leader)
    response = client.get(reverse(LIST))
    body = response.content.decode()
    assert response.status_code == 200
    assert dv360_closed.person.reference_code in body
    assert 'Mark passed<span class="govuk-visually-hidden">: case ' in body
    for task in dv360_closed.tasks.filter(rule_key__startswith="follow_up"):
        assert reverse("followups:hand_off_pass", args=[task.pk]) in body
    assert dv360_closed.person.family_name not in body


def test_a_victim_never_contacted_is_not_eligible(client, open_case, contract_for, personas):
    from haven.testing.followups import close

    case = close(open_case(contract_for("opcc-dv360")), personas.caseworker)
    client.force_login(personas.team_leader)
    assert case.person.reference_code not in client.get(reverse(LIST)).content.decode()


def test_marking_passed_is_audited_and_on_the_timeline(client, dv360_closed, personas):
    client.force_login(personas.service_manager)
    one = dv360_closed.tasks.get(rule_key="follow_up_1_month")
    response = client.post(reverse("followups:hand_off_pass", args=[one.pk]))
    assert response.status_code == 302
    hand_off = SurveyTeamHandOff.objects.get()
    assert hand_off.task == one
    assert hand_off.passed_by == personas.service_manager
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_id=str(hand_off.pk)).exists()
    assert CaseEvent.objects.filter(kind=CaseEventKind.SURVEY_TEAM_HAND_OFF).exists()
    # passed: off the list of those due, on the full list with when and by whom
    pass_url = reverse("followups:hand_off_pass", args=[one.pk])
    assert pass_url not in client.get(reverse(LIST)).content.decode()
    everything = client.get(reverse(LIST) + "?show=all").content.decode()
    assert escape(personas.service_manager.get_full_name()) in everything
    # a second mark is refused
    client.post(reverse("followups:hand_off_pass", args=[one.pk]))
    assert SurveyTeamHandOff.objects.count() == 1


def test_the_export_has_reference_codes_not_names_and_is_audited(client, dv360_closed, personas):
    client.force_login(personas.team_leader)
    response = client.get(reverse("followups:hand_offs_export"))
    assert response.status_code == 200
    content = response.content.decode()
    assert content.lstrip("\ufeff").splitlines()[0].startswith("Reference,Contract,Follow-up,Due")
    assert dv360_closed.person.reference_code in content
    assert dv360_closed.person.family_name not in content
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT).exists()


@pytest.mark.parametrize("who", ["caseworker", "commissioner", "analyst"])
def test_caseworkers_commissioners_and_analysts_are_refused(client, dv360_closed, personas, who):
    client.force_login(getattr(personas, who))
    one = dv360_closed.tasks.get(rule_key="follow_up_1_month")
    assert client.get(reverse(LIST)).status_code == 403
    assert client.get(reverse("followups:hand_offs_export")).status_code == 403
    assert client.post(reverse("followups:hand_off_pass", args=[one.pk])).status_code == 403
    assert not SurveyTeamHandOff.objects.exists()


def test_another_provider_s_manager_finds_nothing(client, dv360_closed, personas):
    other = personas.other_provider_caseworker
    other_manager = personas.outsider
    for user in (other, other_manager):
        client.force_login(user)
        body = client.get(reverse(LIST))
        if body.status_code == 200:
            assert dv360_closed.person.reference_code not in body.content.decode()


def test_signed_out_visitors_are_sent_to_sign_in(client):
    response = client.get(reverse(LIST))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_the_dv360_case_page_links_a_team_leader_to_the_list(client, dv360_closed, personas):
    client.force_login(personas.team_leader)
    page = client.get(reverse("casework:detail", args=[dv360_closed.pk])).content.decode()
    assert f'href="{reverse(LIST)}"' in page
    client.force_login(personas.caseworker)
    page = client.get(reverse("casework:detail", args=[dv360_closed.pk])).content.decode()
    assert f'href="{reverse(LIST)}"' not in page
