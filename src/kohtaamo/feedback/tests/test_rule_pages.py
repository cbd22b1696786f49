"""The page where managers and admins set invitation rules (issue 4)."""

from __future__ import annotations

from django.urls import reverse

from kohtaamo.conftest import Cast
from kohtaamo.core.tests.pages import en, page_client
from kohtaamo.feedback.forms_delivery import ERROR_CHOOSE_TARGET, ERROR_WHOLE_NUMBER
from kohtaamo.feedback.models import IMPORT_SURVEY_NAME, InvitationRule, Survey
from kohtaamo.feedback.rules import ERROR_RULE_EXISTS, invitation_rule_create

GOOD = {"survey": "", "channels": ["phone", "chat"], "delay_hours": "4", "sampling_percent": "25"}


def _data(survey: Survey, **values: object) -> dict[str, object]:
    return {**GOOD, "survey": survey.pk, "active": "on", **values}


def test_manager_creates_a_team_rule_and_sees_it_listed(cast: Cast, survey: Survey) -> None:
    client = page_client(cast.manager)
    response = client.post(
        reverse("feedback:rule_create"), _data(survey, target=f"team:{cast.team.pk}")
    )
    assert response.status_code == 302
    rule = InvitationRule.objects.get()
    assert (rule.team, rule.unit, rule.survey) == (cast.team, None, survey)
    assert (rule.channels, rule.delay_hours, rule.sampling_percent, rule.active) == (
        ["chat", "phone"],
        4,
        25,
        True,
    )
    listing = client.get(reverse("feedback:rules"))
    assert "Vastaanotto (Hotelli Helsinki)" in listing.text
    assert "Phone" in listing.text and "25 %" in listing.text


def test_bad_values_get_messages_and_save_nothing(cast: Cast, survey: Survey) -> None:
    response = page_client(cast.manager).post(
        reverse("feedback:rule_create"),
        _data(survey, target="", channels=[], delay_hours="-1", sampling_percent="150"),
    )
    assert response.status_code == 400
    assert en(ERROR_CHOOSE_TARGET) in response.text
    assert "Choose at least one channel." in response.text
    assert en(ERROR_WHOLE_NUMBER) % {"low": 0, "high": 336} in response.text
    assert en(ERROR_WHOLE_NUMBER) % {"low": 0, "high": 100} in response.text
    assert InvitationRule.objects.count() == 0


def test_manager_cannot_target_a_team_outside_their_units(cast: Cast, survey: Survey) -> None:
    response = page_client(cast.manager).post(
        reverse("feedback:rule_create"), _data(survey, target=f"team:{cast.other_team.pk}")
    )
    assert response.status_code == 400
    assert en(ERROR_CHOOSE_TARGET) in response.text
    assert InvitationRule.objects.count() == 0


def test_second_rule_for_a_unit_is_refused_with_a_message(cast: Cast, survey: Survey) -> None:
    invitation_rule_create(
        unit=cast.hotel, survey=survey, channels=["phone"], delay_hours=1, sampling_percent=10
    )
    response = page_client(cast.admin).post(
        reverse("feedback:rule_create"), _data(survey, target=f"unit:{cast.hotel.pk}")
    )
    assert response.status_code == 400
    assert en(ERROR_RULE_EXISTS).replace("'", "&#x27;") in response.text
    assert InvitationRule.objects.count() == 1


def test_manager_edits_and_deletes_a_rule(cast: Cast, survey: Survey) -> None:
    rule = invitation_rule_create(
        unit=cast.hotel, survey=survey, channels=["phone"], delay_hours=1, sampling_percent=10
    )
    client = page_client(cast.manager)
    response = client.post(
        reverse("feedback:rule_edit", args=[rule.pk]),
        {"survey": survey.pk, "channels": ["email"], "delay_hours": "0", "sampling_percent": "100"},
    )
    assert response.status_code == 302
    rule.refresh_from_db()
    assert (rule.channels, rule.delay_hours, rule.sampling_percent, rule.active) == (
        ["email"],
        0,
        100,
        False,
    )
    assert client.post(reverse("feedback:rule_delete", args=[rule.pk])).status_code == 302
    assert InvitationRule.objects.count() == 0


def test_lead_cannot_change_rules(cast: Cast, survey: Survey) -> None:
    rule = invitation_rule_create(
        unit=cast.hotel, survey=survey, channels=["phone"], delay_hours=1, sampling_percent=10
    )
    client = page_client(cast.lead)
    response = client.post(reverse("feedback:rule_delete", args=[rule.pk]))
    assert response.status_code == 403
    assert InvitationRule.objects.count() == 1


def test_rule_and_qr_lists_make_the_same_queries_for_more_rows(cast: Cast, survey: Survey) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from kohtaamo.feedback.public import public_survey_create
    from kohtaamo.testing.factories import TeamFactory, UnitFactory

    def queries(name: str) -> int:
        client = page_client(cast.admin)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse(name)).status_code == 200
        return len(captured)

    invitation_rule_create(
        unit=cast.hotel, survey=survey, channels=["phone"], delay_hours=1, sampling_percent=10
    )
    public_survey_create(unit=cast.hotel, survey=survey, by=cast.admin)
    few = (queries("feedback:rules"), queries("feedback:public_list"))
    for n in range(4):
        unit = UnitFactory(parent=cast.region)
        team = TeamFactory(unit=unit)
        invitation_rule_create(
            team=team, survey=survey, channels=["chat"], delay_hours=n, sampling_percent=50
        )
        public_survey_create(unit=unit, survey=survey, by=cast.admin)
    assert (queries("feedback:rules"), queries("feedback:public_list")) == few


def test_rule_list_counts_what_each_rule_decided_and_lists_failed_emails(
    cast: Cast, survey: Survey, settings: object
) -> None:
    from datetime import timedelta

    from django.utils import timezone

    from kohtaamo.feedback.models import Invitation, InvitationStatus
    from kohtaamo.feedback.tasks import feedback_tick_run
    from kohtaamo.testing.factories import CustomerFactory, EncounterFactory

    invitation_rule_create(
        unit=cast.hotel, survey=survey, channels=["phone"], delay_hours=1, sampling_percent=100
    )
    ended = timezone.now() - timedelta(hours=2)
    customer = CustomerFactory(name="Saara <i>Sähköposti</i>")
    for _ in range(2):  # the second is refused by the fatigue rule
        EncounterFactory(
            team=cast.team,
            customer=customer,
            started_at=ended - timedelta(minutes=4),
            ended_at=ended,
        )
    feedback_tick_run()
    Invitation.objects.update(status=InvitationStatus.FAILED, email_error="SMTPRecipientsRefused")
    page = page_client(cast.manager).get(reverse("feedback:rules"))
    assert "1 of 2 encounters" in page.text
    assert "SMTPRecipientsRefused" in page.text
    assert "Saara &lt;i&gt;Sähköposti&lt;/i&gt;" in page.text
    # the outsider's manager-less view: an admin sees it, a lead may not open the page
    assert page_client(cast.lead).get(reverse("feedback:rules")).status_code == 403


def test_the_survey_of_imported_answers_is_not_offered_for_invitations(
    cast: Cast, survey: Survey
) -> None:
    Survey.objects.create(name=IMPORT_SURVEY_NAME)

    for user in (cast.manager, cast.admin):
        for url in (reverse("feedback:rule_create"), reverse("feedback:public_list")):
            page = page_client(user).get(url)
            assert survey.name in page.text
            assert IMPORT_SURVEY_NAME not in page.text
