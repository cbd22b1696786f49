"""The one-click opt-out of every survey e-mail (issue 4, RFC 8058)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from kohtaamo.conftest import Cast
from kohtaamo.encounters.models import Customer
from kohtaamo.feedback.delivery import optout_token, optout_url
from kohtaamo.feedback.models import DecisionOutcome, Invitation, InvitationDecision, Survey
from kohtaamo.feedback.rules import invitation_rule_create
from kohtaamo.feedback.services import invitation_create
from kohtaamo.feedback.tasks import feedback_tick_run
from kohtaamo.testing.factories import EncounterFactory


def _url(customer_id: int) -> str:
    return reverse("feedback:optout", kwargs={"token": optout_token(customer_id)})


def test_opening_the_link_asks_and_changes_nothing(encounter: Any) -> None:
    # Mail scanners open links by themselves: a GET must not opt anyone out.
    response = Client().get(_url(encounter.customer_id))
    assert response.status_code == 200
    # in the customer's language (Finnish), English with the switch
    assert "Älä lähetä minulle enää kyselyjä" in response.text
    english = Client().get(_url(encounter.customer_id) + "?lang=en")
    assert "Send me no more surveys" in english.text
    assert Customer.objects.get(pk=encounter.customer_id).consent_surveys is True


def test_one_click_post_from_a_mail_program_opts_out_without_login(encounter: Any) -> None:
    # given the POST a mail program sends for List-Unsubscribe-Post (no CSRF token)
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        _url(encounter.customer_id),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    # then the customer's survey consent is off
    assert response.status_code == 200
    assert Customer.objects.get(pk=encounter.customer_id).consent_surveys is False


def test_the_page_speaks_the_customers_language(encounter: Any) -> None:
    encounter.customer.language = "sv"
    encounter.customer.save()
    response = Client().post(_url(encounter.customer_id))
    assert response.headers["Content-Language"] == "sv"
    assert "Klart: inga fler enkäter" in response.text


def test_the_link_of_an_english_email_opens_in_english_for_a_finnish_customer(
    encounter: Any,
) -> None:
    # given a customer whose usual language is Finnish, invited in English
    url = optout_url(encounter.customer_id, language="en")
    # when they open the e-mail's link
    response = Client().get(url.removeprefix("http://127.0.0.1:8000"))
    # then the page is in the e-mail's language
    assert response.headers["Content-Language"] == "en"
    assert "Send me no more surveys" in response.text


def test_a_cut_link_says_it_is_the_unsubscribe_link_that_does_not_work() -> None:
    response = Client().get(reverse("feedback:optout", kwargs={"token": "1:abc"}) + "?lang=fi")
    assert response.status_code == 404
    assert "Linkki kyselyjen lopettamiseen ei toimi" in response.text
    assert "palautetta" not in response.text


def test_forged_or_altered_link_is_refused_and_changes_nothing(encounter: Any) -> None:
    other = EncounterFactory(team=encounter.team).customer
    token = optout_token(encounter.customer_id)
    forged = f"{other.pk}:{token.split(':')[1]}"
    for bad in (forged, "1", "x" * 60, token + "x"):
        response = Client().post(reverse("feedback:optout", kwargs={"token": bad}))
        assert response.status_code == 404
    assert Customer.objects.filter(consent_surveys=False).count() == 0


def test_opted_out_customer_is_never_invited_again_and_pending_mail_stops(
    cast: Cast, survey: Survey
) -> None:
    # given an invitation waiting for its reminder
    customer = EncounterFactory(team=cast.team).customer
    first = EncounterFactory(team=cast.team, customer=customer)
    invitation, _token = invitation_create(encounter=first, survey=survey, send_email=True)
    feedback_tick_run()
    assert Invitation.objects.get(pk=invitation.pk).next_email_at is not None
    # when the customer opts out
    Client().post(_url(customer.pk))
    # then no reminder is due, and the tick never invites them again
    assert Invitation.objects.get(pk=invitation.pk).next_email_at is None
    invitation_rule_create(
        unit=cast.hotel, survey=survey, channels=["phone"], delay_hours=0, sampling_percent=100
    )
    Invitation.objects.update(created_at=timezone.now() - timedelta(days=365))
    ended = timezone.now() - timedelta(hours=1)
    later = EncounterFactory(
        team=cast.team, customer=customer, started_at=ended - timedelta(minutes=3), ended_at=ended
    )
    feedback_tick_run()
    assert InvitationDecision.objects.get(encounter=later).outcome == DecisionOutcome.OPTED_OUT
    assert len(mail.outbox) == 1
