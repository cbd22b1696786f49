"""The printed demo logins work, and each sees the pages of its role."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from kohtaamo.demo.context import DEMO_PASSWORD
from kohtaamo.demo.loader import demo_load
from kohtaamo.demo.tests.support import SMALL, TODAY
from kohtaamo.org import access
from kohtaamo.org.models import TeamMembership, TeamRole

pytestmark = pytest.mark.django_db

# What each role gets: its own work everywhere, the organisation from lead up,
# the Django admin only as an administrator.
EXPECTED_PAGES = {
    "agent": {"encounters:list": 200, "org:overview": 403, "admin:index": 302},
    "lead": {"encounters:list": 200, "org:overview": 200, "admin:index": 302},
    "manager": {"encounters:list": 200, "org:overview": 200, "admin:index": 302},
    "admin": {"encounters:list": 200, "org:overview": 200, "admin:index": 200},
}


def test_one_login_per_role_is_printed_with_the_demo_password() -> None:
    # when
    summary = demo_load(seed=1, scale=SMALL, today=TODAY)

    # then
    assert [login.role for login in summary.logins] == ["admin", "manager", "lead", "agent"]
    assert {login.password for login in summary.logins} == {DEMO_PASSWORD}
    for login in summary.logins:
        user = get_user_model().objects.get(username=login.username)
        assert access.role_of(user) == login.role


def test_demo_logins_sign_in_and_see_the_pages_of_their_role() -> None:
    # given
    summary = demo_load(seed=1, scale=SMALL, today=TODAY)

    for login in summary.logins:
        client = Client()
        # when
        response = client.post(
            reverse("accounts:login"),
            {"username": login.username, "password": login.password},
        )

        # then
        assert response.status_code == 302, login.role
        for url_name, status in EXPECTED_PAGES[login.role].items():
            assert client.get(reverse(url_name)).status_code == status, (login.role, url_name)


def test_the_demo_agent_works_in_the_demo_leads_team_and_the_lead_sees_their_work() -> None:
    # given
    summary = demo_load(seed=1, scale=SMALL, today=TODAY)
    logins = {login.role: login.username for login in summary.logins}
    users = get_user_model().objects

    # when
    agent = users.get(username=logins["agent"])
    lead = users.get(username=logins["lead"])

    # then
    led = TeamMembership.objects.get(user=lead, role=TeamRole.LEAD).team
    assert TeamMembership.objects.filter(user=agent, team=led, role=TeamRole.AGENT).exists()
    assert access.visible_encounters(agent).filter(staff=agent).count() > 0
    assert access.visible_encounters(lead).filter(staff=agent).count() == (
        access.visible_encounters(agent).count()
    )


def test_a_changed_demo_password_is_reset_by_the_next_load() -> None:
    # given
    summary = demo_load(seed=1, scale=SMALL, today=TODAY)
    agent = get_user_model().objects.get(username=summary.logins[3].username)
    agent.set_password("something-else-entirely")
    agent.save()

    # when
    demo_load(seed=1, scale=SMALL, today=TODAY)

    # then
    agent.refresh_from_db()
    assert agent.check_password(DEMO_PASSWORD)
