"""The encounter list: filters validated, pages that keep the filters, HTMX
updates and a query count that does not grow with the rows."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kohtaamo.conftest import Cast
from kohtaamo.core.tests.html import table_rows, text_of
from kohtaamo.core.tests.pages import en, page_client
from kohtaamo.encounters.forms import ERROR_DATES_REVERSED
from kohtaamo.encounters.models import Channel
from kohtaamo.org.models import TeamMembership
from kohtaamo.testing.factories import CustomerFactory, EncounterFactory, UserFactory

pytestmark = pytest.mark.django_db
HELSINKI = ZoneInfo("Europe/Helsinki")
URL = "/encounters/"


def _topics(response: Any) -> list[str]:
    rows = table_rows(response.content, "encounter-rows")
    # an empty list has one row with one cell that says so
    return [row[5] for row in rows if len(row) > 1]


@pytest.fixture
def week(cast: Cast) -> dict[str, Any]:
    """Four encounters of the Helsinki team and one in Oulu, on known days."""

    def at(day: int, hour: int) -> datetime:
        return datetime(2026, 3, day, hour, tzinfo=HELSINKI)

    return {
        "phone": EncounterFactory(
            staff=cast.agent,
            team=cast.team,
            channel=Channel.PHONE,
            started_at=at(2, 9),
            topic="Laskun eräpäivä",
        ),
        "chat": EncounterFactory(
            staff=cast.agent,
            team=cast.team,
            channel=Channel.CHAT,
            started_at=at(3, 23),
            topic="Varauksen muutos",
            has_transcript=True,
        ),
        "lead": EncounterFactory(
            staff=cast.lead,
            team=cast.team,
            channel=Channel.EMAIL,
            started_at=at(4, 0),
            topic="Reklamaatio",
        ),
        "late": EncounterFactory(
            staff=cast.agent,
            team=cast.team,
            channel=Channel.PHONE,
            started_at=at(6, 12),
            topic="Aamiainen",
        ),
        "oulu": EncounterFactory(
            staff=cast.outsider,
            team=cast.other_team,
            channel=Channel.PHONE,
            started_at=at(3, 10),
            topic="Oulun huone",
        ),
    }


def test_each_role_lists_what_they_may_see(cast: Cast, week: dict[str, Any]) -> None:
    assert _topics(page_client(cast.agent).get(URL)) == [
        "Aamiainen",
        "Varauksen muutos",
        "Laskun eräpäivä",
    ]
    assert _topics(page_client(cast.lead).get(URL)) == [
        "Aamiainen",
        "Reklamaatio",
        "Varauksen muutos",
        "Laskun eräpäivä",
    ]
    assert _topics(page_client(cast.manager).get(URL)) == _topics(page_client(cast.lead).get(URL))
    assert "Oulun huone" in _topics(page_client(cast.admin).get(URL))


def test_a_row_shows_time_channel_people_and_duration(cast: Cast, week: dict[str, Any]) -> None:
    rows = table_rows(
        page_client(cast.lead).get(URL, {"channel": "email"}).content, "encounter-rows"
    )
    customer = week["lead"].customer.name
    assert rows == [
        [
            "4 Mar 2026 00:00",
            "E-mail",
            "Leena Lead",
            "Vastaanotto",
            customer,
            "Reklamaatio",
            "7 min 0 s",
            "",
        ]
    ]


@pytest.mark.parametrize(
    ("query", "topics"),
    [
        ({"channel": "phone"}, ["Aamiainen", "Laskun eräpäivä"]),
        ({"has_transcript": "yes"}, ["Varauksen muutos"]),
        ({"has_transcript": "no"}, ["Aamiainen", "Reklamaatio", "Laskun eräpäivä"]),
        # whole days in Helsinki time: 3 March 23:00 and 4 March 00:00 are two days
        ({"date_from": "2026-03-03", "date_to": "2026-03-03"}, ["Varauksen muutos"]),
        ({"date_from": "2026-03-04"}, ["Aamiainen", "Reklamaatio"]),
        ({"date_to": "2026-03-02"}, ["Laskun eräpäivä"]),
        ({"channel": "phone", "date_from": "2026-03-05"}, ["Aamiainen"]),
    ],
)
def test_filters(
    cast: Cast, week: dict[str, Any], query: dict[str, str], topics: list[str]
) -> None:
    assert _topics(page_client(cast.lead).get(URL, query)) == topics


def test_filter_by_staff_and_team(cast: Cast, week: dict[str, Any]) -> None:
    client = page_client(cast.lead)
    assert _topics(client.get(URL, {"staff": cast.lead.pk})) == ["Reklamaatio"]
    assert len(_topics(client.get(URL, {"team": cast.team.pk}))) == 4


def test_staff_choices_show_names_of_visible_people_only(cast: Cast) -> None:
    response = page_client(cast.lead).get(URL)
    field = response.context["form"]["staff"]
    assert [label for _value, label in field.field.choices] == [
        "Everyone",
        "Aino Agentti",
        "Leena Lead",
    ]


@pytest.mark.parametrize(
    ("query", "errors"),
    [
        ({"channel": "fax"}, {"channel"}),
        ({"date_from": "2026-02-30"}, {"date_from"}),
        ({"has_transcript": "maybe"}, {"has_transcript"}),
        ({"page": "0"}, {"page"}),
        ({"page": "abc"}, {"page"}),
        ({"staff": "x"}, {"staff"}),
    ],
)
def test_bad_filters_show_errors_and_no_rows(
    cast: Cast, week: dict[str, Any], query: dict[str, str], errors: set[str]
) -> None:
    response = page_client(cast.lead).get(URL, query)
    assert response.status_code == 200
    assert set(response.context["form"].errors) == errors
    assert _topics(response) == []
    assert text_of(response.content, "encounter-rows").startswith("Check the filters:")


def test_a_team_or_person_out_of_reach_is_a_bad_filter_not_a_leak(
    cast: Cast, week: dict[str, Any]
) -> None:
    client = page_client(cast.lead)
    for query in ({"team": cast.other_team.pk}, {"staff": cast.outsider.pk}):
        response = client.get(URL, query)
        assert _topics(response) == []
        assert "Oulun huone" not in response.text


def test_reversed_dates_are_refused_with_their_message(cast: Cast, week: dict[str, Any]) -> None:
    response = page_client(cast.lead).get(URL, {"date_from": "2026-03-05", "date_to": "2026-03-01"})
    assert en(ERROR_DATES_REVERSED) in text_of(response.content, "encounter-rows")
    assert _topics(response) == []


def test_htmx_gets_only_the_rows_fragment(cast: Cast, week: dict[str, Any]) -> None:
    response = page_client(cast.lead).get(URL, {"channel": "chat"}, headers={"HX-Request": "true"})
    assert "<html" not in response.text
    assert response.templates[0].name == "encounters/_list_rows.html"
    assert [row[5] for row in table_rows(response.content)] == ["Varauksen muutos"]
    assert "HX-Request" in [h.strip() for h in response["Vary"].split(",")]


def test_htmx_history_restore_gets_the_whole_page(cast: Cast, week: dict[str, Any]) -> None:
    response = page_client(cast.lead).get(
        URL, headers={"HX-Request": "true", "HX-History-Restore-Request": "true"}
    )
    assert "<html" in response.text


def _many_encounters(cast: Cast, count: int) -> None:
    """Encounters by different people for different customers, so that a
    missing select_related shows as one query per row."""
    for n in range(count):
        staff = UserFactory()
        TeamMembership.objects.create(user=staff, team=cast.team, role="agent")
        EncounterFactory(staff=staff, team=cast.team, customer=CustomerFactory(), topic=f"Asia {n}")


def test_the_list_keeps_filters_in_page_links(cast: Cast) -> None:
    _many_encounters(cast, 55)
    client = page_client(cast.lead)
    response = client.get(URL, {"channel": "phone", "team": cast.team.pk})
    assert f'href="?channel=phone&amp;team={cast.team.pk}&amp;page=2"' in response.text
    second = client.get(URL, {"channel": "phone", "team": cast.team.pk, "page": 2})
    assert len(_topics(second)) == 5
    assert "Page 2 of 2" in second.text


def test_the_list_makes_the_same_queries_for_5_and_60_rows(cast: Cast) -> None:
    client = page_client(cast.lead)
    _many_encounters(cast, 5)
    with CaptureQueriesContext(connection) as few:
        client.get(URL)
    _many_encounters(cast, 55)
    with CaptureQueriesContext(connection) as many:
        response = client.get(URL)
    assert len(_topics(response)) == 50
    # session, user, the scope (2), teams and people for the filters, count, rows
    assert len(many) == len(few) == 8


def test_filter_errors_name_their_field(cast: Cast) -> None:
    response = page_client(cast.lead).get(URL, {"page": "abc", "channel": "fax"})
    assert text_of(response.content, "encounter-rows").startswith(
        "Check the filters: Channel: Select a valid choice. fax is not one of the available "
        "choices. Page: Enter a whole number. 0 encounters"
    )
