"""The demo's survey answers: about a quarter of the encounters with a
customer, NPS near +35 with teams apart, follow-ups as the survey makes them,
the same on every run and never doubled."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, time, timedelta

import pytest

from kohtaamo.demo.context import DEMO_SOURCE, DemoScale
from kohtaamo.demo.loader import demo_load
from kohtaamo.demo.tests.support import SMALL, TODAY
from kohtaamo.encounters.models import Customer, Encounter
from kohtaamo.feedback.models import (
    DecisionOutcome,
    FollowUp,
    FollowUpStatus,
    Invitation,
    InvitationDecision,
    InvitationRule,
    Response,
)
from kohtaamo.feedback.selectors_delivery import rule_tallies
from kohtaamo.feedback.views.rules import TALLY_DAYS
from kohtaamo.stats import nps_from_scores

pytestmark = pytest.mark.django_db
# Enough answers for the overall NPS to land near its target.
MEDIUM = DemoScale(customers=300, encounters=4000, transcripts=20, days=60)


def _feedback_checksum() -> str:
    digest = hashlib.sha256()
    rows = Response.objects.order_by("invitation__encounter__external_id").values_list(
        "invitation__encounter__external_id",
        "nps",
        "csat",
        "ces",
        "comment",
        "language",
        "answered_at",
        "followup__status",
        "followup__due_at",
        "followup__outcome",
        "followup__root_cause",
        "followup__assignee__email",
    )
    for row in rows:
        digest.update(repr(row).encode())
    return digest.hexdigest()


def test_about_a_quarter_of_the_encounters_with_a_customer_are_answered() -> None:
    demo_load(seed=1, scale=SMALL, today=TODAY)

    with_customer = Encounter.objects.filter(source=DEMO_SOURCE, customer__isnull=False).count()
    answered = Response.objects.count()
    assert 0.2 * with_customer <= answered <= 0.25 * with_customer
    assert Invitation.objects.count() == answered
    assert set(Invitation.objects.values_list("status", flat=True)) == {"answered"}


def test_only_customers_who_may_be_surveyed_and_have_an_e_mail_are_invited() -> None:
    demo_load(seed=1, scale=SMALL, today=TODAY)

    invited = Customer.objects.filter(invitations__isnull=False).distinct()
    assert invited.exists()
    assert not invited.filter(consent_surveys=False).exists()
    assert not invited.filter(email="").exists()
    # while the demo has such customers, so the rule had something to keep out
    assert Customer.objects.filter(consent_surveys=False).exists()


def test_the_surveys_page_shows_what_each_rule_decided() -> None:
    demo_load(seed=1, scale=SMALL, today=TODAY)

    decisions = InvitationDecision.objects.filter(encounter__source=DEMO_SOURCE)
    outcomes = set(decisions.values_list("outcome", flat=True))
    assert {DecisionOutcome.INVITED, DecisionOutcome.SAMPLED_OUT} <= outcomes
    # every invited decision has its invitation, on one of the rule's channels
    for decision in decisions.filter(outcome=DecisionOutcome.INVITED).select_related(
        "encounter", "rule"
    ):
        assert Invitation.objects.filter(encounter=decision.encounter).exists()
        assert decision.encounter.channel in decision.rule.channels
    # and the Surveys page's tally of the 30 days before the demo's today is not empty
    since = datetime.combine(TODAY - timedelta(days=TALLY_DAYS), time(), tzinfo=UTC)
    tallies = rule_tallies(rules=list(InvitationRule.objects.all()), since=since)
    assert any(0 < t.invited < t.decided for t in tallies.values())


def test_overall_nps_is_near_35_and_teams_differ() -> None:
    demo_load(seed=1, scale=MEDIUM, today=TODAY)

    overall = nps_from_scores(Response.objects.values_list("nps", flat=True))
    assert 25 <= overall.score <= 45  # type: ignore[operator]
    by_team = {}
    for code in Encounter.objects.values_list("team__code", flat=True).distinct():
        scores = Response.objects.filter(invitation__encounter__team__code=code)
        by_team[code] = nps_from_scores(scores.values_list("nps", flat=True)).score or 0
    assert max(by_team.values()) - min(by_team.values()) >= 20


def test_every_unhappy_answer_has_a_follow_up_and_some_are_open_or_overdue() -> None:
    demo_load(seed=1, scale=MEDIUM, today=TODAY)

    unhappy = [r for r in Response.objects.select_related("followup") if r.is_unhappy]
    assert unhappy
    assert all(hasattr(r, "followup") for r in unhappy)
    assert FollowUp.objects.count() == len(unhappy)
    closed = FollowUp.objects.filter(status=FollowUpStatus.CLOSED)
    assert closed.exclude(outcome="").exclude(root_cause="").count() == closed.count() > 0
    assert FollowUp.objects.filter(status=FollowUpStatus.OPEN).exists()
    assert Response.objects.exclude(comment="").exists()
    assert Response.objects.filter(language="sv").exclude(comment="").exists()


def test_loading_again_gives_the_same_answers_not_double() -> None:
    demo_load(seed=1, scale=SMALL, today=TODAY)
    first = (_feedback_checksum(), Response.objects.count(), FollowUp.objects.count())

    demo_load(seed=1, scale=SMALL, today=TODAY)

    assert (_feedback_checksum(), Response.objects.count(), FollowUp.objects.count()) == first


def test_a_smaller_run_after_a_larger_one_still_loads() -> None:
    demo_load(seed=1, scale=SMALL, today=TODAY)

    demo_load(
        seed=1, scale=DemoScale(customers=30, encounters=200, transcripts=10, days=21), today=TODAY
    )

    assert Response.objects.filter(invitation__encounter__source=DEMO_SOURCE).count() > 0
    assert Encounter.objects.filter(source=DEMO_SOURCE).count() == 200
