"""Simultaneous requests and ticks, each with a database connection of its
own as separate gunicorn processes or workers would have (issue 4)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from kohtaamo.conftest import Cast
from kohtaamo.feedback import public
from kohtaamo.feedback.delivery import invitation_email_send
from kohtaamo.feedback.models import Invitation, InvitationDecision, PublicResponse, Survey
from kohtaamo.feedback.public import form_nonce, public_response_submit, public_survey_create
from kohtaamo.feedback.rules import encounters_invite_due, invitation_rule_create
from kohtaamo.feedback.services import invitation_create
from kohtaamo.testing.concurrency import at_once
from kohtaamo.testing.factories import EncounterFactory


def _public_posts(
    cast: Cast, *, device: Callable[[int], str], units: int = 1
) -> Callable[[int], str]:
    """Post n of the answers from one address and device(n) to the QR survey
    of one unit, or in turn to those of `units` units."""
    survey = Survey.objects.create(name="QR")
    publics = [
        public_survey_create(unit=unit, survey=survey, by=cast.admin)
        for unit in (cast.hotel, cast.other_unit, cast.region)[:units]
    ]

    def post(n: int) -> str:
        public_response_submit(
            public_survey=publics[n % units],
            client="k" * 64,
            device=device(n),
            nps=n,
            csat=None,
            ces=None,
            comment="",
            language="fi",
            nonce=form_nonce(),
        )
        return "stored"

    return post


@pytest.mark.django_db(transaction=True)
def test_rate_limit_holds_for_simultaneous_posts(cast: Cast, settings: Any) -> None:
    # given a limit of two answers and four simultaneous posts from one device
    settings.KOHTAAMO_PUBLIC_SURVEY_LIMIT = 2
    # when they all post at once, exactly two are stored
    assert at_once(_public_posts(cast, device=lambda _n: "d" * 64)) == [
        "rate_limited",
        "rate_limited",
        "stored",
        "stored",
    ]
    assert PublicResponse.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_address_limit_holds_for_simultaneous_posts_from_different_devices(
    cast: Cast, settings: Any
) -> None:
    # given an address limit of two and four devices behind one address at once
    settings.KOHTAAMO_PUBLIC_SURVEY_ADDRESS_LIMIT = 2
    # when they all post at once, exactly two are stored
    assert at_once(_public_posts(cast, device=lambda n: f"{n}" * 64)) == [
        "rate_limited",
        "rate_limited",
        "stored",
        "stored",
    ]
    assert PublicResponse.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_a_post_to_another_units_qr_survey_waits_for_the_count_of_the_first(
    cast: Cast, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a limit of one answer per device, and one device's post to the QR
    # survey of one unit held between counting its answers and storing
    settings.KOHTAAMO_PUBLIC_SURVEY_LIMIT = 1
    counted, go = threading.Event(), threading.Event()
    count = public._over_limit

    def count_then_wait(**kwargs: Any) -> bool:
        over = count(**kwargs)
        if threading.current_thread().name == "first":
            counted.set()
            go.wait(timeout=10)
        return over

    monkeypatch.setattr(public, "_over_limit", count_then_wait)
    post = _public_posts(cast, device=lambda _n: "d" * 64, units=2)
    outcomes: dict[str, str] = {}

    def run(n: int) -> None:
        try:
            outcomes[threading.current_thread().name] = post(n)
        except ValidationError as exc:
            outcomes[threading.current_thread().name] = str(exc.code)
        finally:
            connection.close()

    first = threading.Thread(target=run, args=(0,), name="first")
    second = threading.Thread(target=run, args=(1,), name="second")
    first.start()
    assert counted.wait(timeout=10)

    # When the same device posts to the other unit's QR survey meanwhile
    second.start()
    second.join(timeout=1)  # it would store at once if nothing held it back
    go.set()
    first.join(timeout=10)
    second.join(timeout=10)

    # Then the limits, which count every QR survey together, hold across both
    assert outcomes == {"first": "stored", "second": "rate_limited"}
    assert PublicResponse.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_simultaneous_ticks_invite_each_encounter_once(cast: Cast) -> None:
    survey = Survey.objects.create(name="Kysely")
    invitation_rule_create(
        unit=cast.hotel, survey=survey, channels=["phone"], delay_hours=0, sampling_percent=100
    )
    ended = timezone.now() - timedelta(minutes=30)
    for _ in range(3):
        EncounterFactory(team=cast.team, started_at=ended - timedelta(minutes=5), ended_at=ended)
    at_once(lambda n: str(len(encounters_invite_due(now=timezone.now()))))
    assert Invitation.objects.count() == 3
    assert InvitationDecision.objects.count() == 3


@pytest.mark.django_db(transaction=True)
def test_the_same_email_sent_by_two_workers_at_once_goes_out_once(
    cast: Cast, encounter: Any
) -> None:
    survey = Survey.objects.create(name="Kysely")
    invitation, _token = invitation_create(encounter=encounter, survey=survey, send_email=True)
    outcomes = at_once(lambda n: invitation_email_send(invitation_id=invitation.pk))
    assert outcomes == ["sent", "skipped", "skipped", "skipped"]
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_one_form_posted_twice_at_once_stores_one_answer(cast: Cast) -> None:
    survey = Survey.objects.create(name="QR")
    public = public_survey_create(unit=cast.hotel, survey=survey, by=cast.manager)
    nonce = form_nonce()

    def post(n: int) -> str:
        public_response_submit(
            public_survey=public,
            client=f"{n}" * 64,
            device="",
            nps=9,
            csat=None,
            ces=None,
            comment="",
            language="fi",
            nonce=nonce,
        )
        return "stored"

    assert at_once(post) == ["replayed", "replayed", "replayed", "stored"]
    assert PublicResponse.objects.count() == 1
