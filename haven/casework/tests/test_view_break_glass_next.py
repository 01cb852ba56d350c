"""The reason page's `next` is a path on this site or ignored (issue 9 s4): "2" was taken for a
view name by redirect() and gave a 500 (NoReverseMatch)."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("next_url", ["2", '"><b>', "casework:detail", "//evil.example/x"])
def test_a_next_that_is_not_a_path_here_goes_to_the_case(client, team_case, personas, next_url):
    team_case.is_restricted = True
    team_case.save()
    client.force_login(personas.teammate)
    response = client.post(
        reverse("casework:break_glass", args=[team_case.pk]), {"reason": "Duty", "next": next_url}
    )
    assert response.status_code == 302
    assert response.url == reverse("casework:detail", args=[team_case.pk])
